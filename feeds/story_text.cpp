// normalize_story_text / normalize_story_title: the form of an item's text that story matching
// compares, with markup, width, case, punctuation and reposting boilerplate taken out.

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "feeds/detail/ascii.hpp"
#include "feeds/html.hpp"
#include "feeds/story.hpp"
#include "feeds/story_tokens.hpp"

namespace feedagg::feeds {
namespace {

using detail::ascii_lower;

constexpr std::size_t kMaxInputBytes = 256 * 1024;

std::string_view capped(std::string_view text) {
    if (text.size() <= kMaxInputBytes) return text;
    std::size_t end = kMaxInputBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

bool ends_line(std::string_view tag) {
    static constexpr std::array<std::string_view, 30> kBlocks = {
        "p",       "br",      "div",    "li",     "ul",    "ol",         "h1",     "h2",
        "h3",      "h4",      "h5",     "h6",     "tr",    "td",         "th",     "table",
        "section", "article", "header", "footer", "aside", "blockquote", "figure", "figcaption",
        "hr",      "pre",     "dd",     "dt",     "nav",   "center"};
    return std::find(kBlocks.begin(), kBlocks.end(), tag) != kBlocks.end();
}

// Tags dropped, block elements ending a line; script, style and figcaption dropped with their
// content. A '<' that opens no tag is text.
std::string markup_to_lines(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    std::size_t i = 0;
    while (i < html.size()) {
        const std::size_t open = html.find('<', i);
        out.append(html.substr(i, open == std::string_view::npos ? std::string_view::npos : open - i));
        if (open == std::string_view::npos) break;
        i = open;
        if (html.substr(i, 4) == "<!--") {
            const std::size_t end = html.find("-->", i + 4);
            i = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        const std::size_t close = html.find('>', i + 1);
        std::size_t name_start = i + 1;
        if (name_start < html.size() && (html[name_start] == '/' || html[name_start] == '!')) ++name_start;
        std::size_t name_end = name_start;
        while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
        if (close == std::string_view::npos || (name_end == name_start && html[i + 1] != '!')) {
            out += '<';
            ++i;
            continue;
        }
        const std::string name = ascii_lower(html.substr(name_start, name_end - name_start));
        i = close + 1;
        // A caption describes a photo that one site shows and another does not.
        if (html[open + 1] != '/' && (name == "script" || name == "style" || name == "figcaption")) {
            const std::string lower_rest = ascii_lower(html.substr(i));
            const std::size_t end = lower_rest.find("</" + name);
            if (end == std::string::npos) break;
            const std::size_t end_close = html.find('>', i + end);
            i = end_close == std::string_view::npos ? html.size() : end_close + 1;
            continue;
        }
        if (ends_line(name)) out += '\n';
    }
    return decode_html_entities(out);
}

const icu::Normalizer2* nfkc_casefold() {
    static const icu::Normalizer2* const instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
        return U_SUCCESS(status) ? normalizer : nullptr;
    }();
    return instance;
}

// NFKC with case folding; full-width forms become ASCII, U+3000 a space, default ignorables go.
std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = nfkc_casefold();
    if (normalizer != nullptr) {
        icu::StringByteSink<std::string> sink(&out);
        normalizer->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                                  nullptr, status);
    }
    if (normalizer == nullptr || U_FAILURE(status)) return ascii_lower(text);
    return out;
}

bool is_word_character(UChar32 c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (detail::is_cjk(static_cast<std::uint32_t>(c))) return true;
    return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool ends_in_word(const std::string& out) {
    if (out.empty() || out.back() == ' ') return false;
    std::size_t at = out.size() - 1;
    while (at > 0 && (static_cast<unsigned char>(out[at]) & 0xC0) == 0x80) --at;
    return !detail::is_cjk(detail::next_code_point(out, at));
}

// Letters and digits of a folded line: CJK characters without separators, other words separated by
// one space (also from a word that ends the previous line).
void append_matching_form(std::string_view line, std::string& out) {
    bool word_before = ends_in_word(out);
    bool after_separator = true;
    // Runs of letters and digits are copied whole: ICU's output is well-formed UTF-8, and what is
    // not reads as a separator.
    std::size_t run_start = std::string_view::npos;
    const auto flush = [&](std::size_t end) {
        if (run_start == std::string_view::npos) return;
        out.append(line.substr(run_start, end - run_start));
        run_start = std::string_view::npos;
    };
    int32_t i = 0;
    const auto length = static_cast<int32_t>(line.size());
    while (i < length) {
        const auto start = static_cast<std::size_t>(i);
        UChar32 c = 0;
        U8_NEXT(line.data(), i, length, c);
        if (c < 0 || !is_word_character(c)) {
            flush(start);
            after_separator = true;
            continue;
        }
        const bool cjk = detail::is_cjk(static_cast<std::uint32_t>(c));
        if (!cjk && after_separator && word_before) {
            flush(start);
            out += ' ';
        }
        if (run_start == std::string_view::npos) run_start = start;
        after_separator = false;
        word_before = !cjk;
    }
    flush(line.size());
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
            if (i > start) lines.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return lines;
}

std::string plain_folded(std::string_view text) {
    text = capped(text);
    return fold(text.find('<') == std::string_view::npos ? std::string(text) : markup_to_lines(text));
}

bool has_number(std::string_view text) {
    static constexpr std::array<std::string_view, 12> kNumerals = {"一", "二", "三", "四", "五", "六",
                                                                   "七", "八", "九", "十", "〇", "零"};
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
           std::any_of(kNumerals.begin(), kNumerals.end(), [&](std::string_view numeral) {
               return text.find(numeral) != std::string_view::npos;
           });
}

// "【转载】", "[转]", "转:", "Fwd:" in front of a title.
std::string_view drop_repost_marks(std::string_view title) {
    static constexpr std::array<std::string_view, 6> kMarks = {"转载:", "转发:", "转:", "fwd:", "fw:", "re:"};
    for (int round = 0; round < 3; ++round) {
        title = detail::trim_spaces(title);
        bool dropped = false;
        for (auto [open, close] :
             {std::pair<std::string_view, std::string_view>{"【", "】"}, {"[", "]"}, {"(", ")"}}) {
            if (title.substr(0, open.size()) != open) continue;
            const std::size_t end = title.find(close);
            if (end == std::string_view::npos) continue;
            const std::string_view tag = title.substr(open.size(), end - open.size());
            if (detail::code_point_count(tag) <= 8 && !has_number(tag) && end + close.size() < title.size()) {
                title.remove_prefix(end + close.size());
                dropped = true;
            }
        }
        for (std::string_view mark : kMarks) {
            if (title.substr(0, mark.size()) == mark && title.size() > mark.size() + 3) {
                title.remove_prefix(mark.size());
                dropped = true;
            }
        }
        if (!dropped) break;
    }
    return detail::trim_spaces(title);
}

// Where the last of `separators` in `title` starts, and its size; npos when there is none. One scan
// from the end, comparing only where a separator's first byte is.
std::pair<std::size_t, std::size_t> last_separator(std::string_view title, const auto& separators) {
    for (std::size_t at = title.size(); at-- > 0;) {
        const auto starts_here = [&](std::string_view separator) { return separator.front() == title[at]; };
        if (std::none_of(separators.begin(), separators.end(), starts_here)) continue;
        for (std::string_view separator : separators) {
            if (title.substr(at, separator.size()) == separator) return {at, separator.size()};
        }
    }
    return {std::string_view::npos, 0};
}

// " - 工人日报", " | Site name", "——中工网", "(转载)" behind a title.
std::string_view drop_site_name(std::string_view title) {
    static constexpr std::array<std::string_view, 9> kSeparators = {" - ", " | ", "|",   " _ ", "_",
                                                                    "——",  " — ", " – ", " :: "};
    static constexpr std::array<std::string_view, 6> kTrailingTags = {"(转载)", "(转)",   "(图)",
                                                                      "(组图)", "(图文)", "(视频)"};
    for (int round = 0; round < 2; ++round) {
        title = detail::trim_spaces(title);
        for (std::string_view tag : kTrailingTags) {
            if (title.size() > tag.size() && title.substr(title.size() - tag.size()) == tag) {
                title.remove_suffix(tag.size());
            }
        }
        const auto [best, best_size] = last_separator(title, kSeparators);
        if (best == std::string_view::npos) break;
        const std::string_view site = detail::trim_spaces(title.substr(best + best_size));
        const std::string_view rest = detail::trim_spaces(title.substr(0, best));
        if (detail::code_point_count(site) > 20 || has_number(site) || detail::code_point_count(rest) < 4)
            break;
        title = rest;
    }
    return title;
}

}  // namespace

std::string normalize_story_text(std::string_view text, const std::vector<std::string>& strip) {
    const std::string folded = plain_folded(text);
    std::vector<std::string> folded_strip;
    for (const std::string& pattern : strip) {
        std::string folded_pattern = fold(detail::trim_spaces(pattern));
        if (!folded_pattern.empty()) folded_strip.push_back(std::move(folded_pattern));
    }
    std::string out;
    out.reserve(folded.size());
    for (std::string_view line : split_lines(folded)) {
        if (!detail::is_boilerplate_line(line, folded_strip)) append_matching_form(line, out);
    }
    return out;
}

std::string normalize_story_title(std::string_view title) {
    std::string folded = plain_folded(title);
    std::replace(folded.begin(), folded.end(), '\n', ' ');
    std::replace(folded.begin(), folded.end(), '\r', ' ');
    std::string out;
    append_matching_form(drop_site_name(drop_repost_marks(folded)), out);
    return out;
}

}  // namespace feedagg::feeds
