// normalize_story_text / normalize_story_title: the form of an item's text that story matching
// compares, with markup, width, case, punctuation and reposting boilerplate taken out.

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "feeds/html.hpp"
#include "feeds/story.hpp"
#include "feeds/story_tokens.hpp"

namespace feedagg::feeds {
namespace {

constexpr std::size_t kMaxInputBytes = 256 * 1024;

std::string_view capped(std::string_view text) {
    if (text.size() <= kMaxInputBytes) return text;
    std::size_t end = kMaxInputBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

std::string ascii_lower(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

bool ends_line(std::string_view tag) {
    static constexpr std::array<std::string_view, 30> kBlocks = {
        "p",       "br",      "div",    "li",     "ul",    "ol",         "h1",     "h2",
        "h3",      "h4",      "h5",     "h6",     "tr",    "td",         "th",     "table",
        "section", "article", "header", "footer", "aside", "blockquote", "figure", "figcaption",
        "hr",      "pre",     "dd",     "dt",     "nav",   "center"};
    return std::find(kBlocks.begin(), kBlocks.end(), tag) != kBlocks.end();
}

// Tags dropped, block elements ending a line; script and style dropped with their content. A '<'
// that opens no tag is text.
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
        if (html[open + 1] != '/' && (name == "script" || name == "style")) {
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

std::size_t code_point_count(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && static_cast<unsigned char>(text.front()) <= 0x20) text.remove_prefix(1);
    while (!text.empty() && static_cast<unsigned char>(text.back()) <= 0x20) text.remove_suffix(1);
    return text;
}

// Leading spaces and opening brackets: "【来源：…】", "(记者 …)".
std::string_view trim_line_start(std::string_view line) {
    static constexpr std::array<std::string_view, 9> kOpeners = {" ",  "\t", "(",  "[", "<",
                                                                 "【", "〔", "「", "〖"};
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (std::string_view opener : kOpeners) {
            if (line.substr(0, opener.size()) == opener) {
                line.remove_prefix(opener.size());
                trimmed = true;
            }
        }
    }
    return trim_spaces(line);
}

bool contains_any(std::string_view line, const auto& needles) {
    return std::any_of(std::begin(needles), std::end(needles),
                       [&](std::string_view needle) { return line.find(needle) != std::string_view::npos; });
}

// "来源：工人日报", "责任编辑：李明", "Photo: …": a credit label and a colon. Content lines can
// start with such a word ("记者从市总工会获悉…"), so the colon is required, or, with a space
// after the label, a short line.
bool is_credit_line(std::string_view line, std::size_t length) {
    static constexpr std::array<std::string_view, 72> kLabels = {
        "来源于",   "来源",          "转自",         "转载自",       "转载于",    "稿源",
        "本文来源", "文章来源",      "信息来源",     "新闻来源",     "出处",      "责任编辑",
        "编辑",     "责编",          "主编",         "记者",         "通讯员",    "作者",
        "文",       "摄影",          "摄",           "图片来源",     "图片",      "图",
        "视频",     "审核",          "审校",         "校对",         "终审",      "编审",
        "监制",     "发布时间",      "发布日期",     "时间",         "日期",      "浏览次数",
        "阅读次数", "阅读",          "点击数",       "访问量",       "字号",      "字体",
        "原标题",   "source",        "sources",      "editor",       "edited by", "reporter",
        "author",   "photo",         "photos",       "photograph",   "image",     "images",
        "credit",   "credits",       "photo credit", "image credit", "published", "updated",
        "posted",   "date",          "via",          "tags",         "topics",    "filed under",
        "contact",  "media contact", "by",           "written by"};
    static constexpr std::array<std::string_view, 14> kSpacedLabels = {
        "来源", "转自", "记者",     "通讯员",    "作者",       "责任编辑", "编辑",
        "摄影", "by",   "photo by", "photos by", "written by", "story by", "reporting by"};
    // Labels are at most 13 bytes, and a few spaces may follow them.
    const std::string_view head = line.substr(0, 24);
    const bool separated = std::any_of(head.begin(), head.end(), [](char c) { return c == ':' || c == '|'; });
    for (std::string_view label : kLabels) {
        if (!separated) break;
        if (line.substr(0, label.size()) != label) continue;
        const std::string_view rest = trim_spaces(line.substr(label.size()));
        if (!rest.empty() && (rest.front() == ':' || rest.front() == '|') && length <= 120) return true;
    }
    // A dateline that carries the credit: "2025-04-18 09:12 来源:中工网 作者:李明".
    static constexpr std::array<std::string_view, 10> kInlineCredits = {
        "来源:", "作者:", "编辑:", "记者:", "通讯员:", "稿源:", "source:", "editor:", "author:", "photo:"};
    if (length <= 60 && contains_any(line, kInlineCredits)) return true;
    if (length > 40) return false;
    for (std::string_view label : kSpacedLabels) {
        if (line.size() > label.size() && line.substr(0, label.size()) == label &&
            line[label.size()] == ' ') {
            return true;
        }
    }
    return false;
}

// "2025年4月18日 09:12", "Posted on March 27, 2025 by admin": a date, and words that only say
// when or by whom it was posted.
bool is_dateline(std::string_view line, std::size_t length) {
    static constexpr std::array<std::string_view, 40> kDateWords = {
        "january",   "february", "march",    "april",    "may",       "june",      "july",     "august",
        "september", "october",  "november", "december", "jan",       "feb",       "mar",      "apr",
        "jun",       "jul",      "aug",      "sep",      "sept",      "oct",       "nov",      "dec",
        "on",        "at",       "by",       "posted",   "published", "updated",   "am",       "pm",
        "admin",     "gmt",      "utc",      "monday",   "tuesday",   "wednesday", "thursday", "friday"};
    static constexpr std::u32string_view kDateCharacters = U"年月日时分秒星期一二三四五六天发布更新于";
    if (length > 60 || line.find_first_of("0123456789") == std::string_view::npos) return false;
    for (std::size_t i = 0; i < line.size();) {
        const std::size_t start = i;
        const std::uint32_t c = detail::next_code_point(line, i);
        if (c < 0x80 && std::isalpha(static_cast<int>(c))) {
            while (i < line.size() && std::isalpha(static_cast<unsigned char>(line[i]))) ++i;
            const std::string_view word = line.substr(start, i - start);
            if (std::find(kDateWords.begin(), kDateWords.end(), word) == kDateWords.end()) return false;
        } else if (detail::is_cjk(c) &&
                   kDateCharacters.find(static_cast<char32_t>(c)) == std::u32string_view::npos) {
            return false;
        }
    }
    return true;
}

// Share, print, follow and navigation widgets: short lines only, a paragraph may say "关注".
bool is_widget_line(std::string_view line, std::size_t length) {
    static constexpr std::array<std::string_view, 38> kWidgets = {"点击",
                                                                  "分享",
                                                                  "打印",
                                                                  "扫一扫",
                                                                  "扫码",
                                                                  "关注我们",
                                                                  "关注公众号",
                                                                  "关注",
                                                                  "收藏",
                                                                  "转发",
                                                                  "返回顶部",
                                                                  "返回首页",
                                                                  "关闭窗口",
                                                                  "上一篇",
                                                                  "下一篇",
                                                                  "相关阅读",
                                                                  "相关新闻",
                                                                  "推荐阅读",
                                                                  "阅读原文",
                                                                  "share this",
                                                                  "share on",
                                                                  "share:",
                                                                  "tweet",
                                                                  "print this",
                                                                  "print article",
                                                                  "email this",
                                                                  "follow us",
                                                                  "subscribe",
                                                                  "sign up",
                                                                  "read more",
                                                                  "related:",
                                                                  "related stories",
                                                                  "related articles",
                                                                  "back to top",
                                                                  "comments",
                                                                  "leave a comment",
                                                                  "advertisement",
                                                                  "click here"};
    return length <= 40 && contains_any(line, kWidgets);
}

// Looks for many phrases in one pass: a bitmap of the phrases' first two bytes sends only the
// positions where one may start to the comparisons.
class PhraseSet {
  public:
    template <std::size_t N>
    explicit PhraseSet(const std::array<std::string_view, N>& phrases)
        : phrases_(phrases.begin(), phrases.end()) {
        for (std::string_view phrase : phrases_) starts_[key(phrase[0], phrase[1])] = true;
    }

    bool found_in(std::string_view line) const {
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            if (!starts_[key(line[i], line[i + 1])]) continue;
            for (std::string_view phrase : phrases_) {
                if (line.substr(i, phrase.size()) == phrase) return true;
            }
        }
        return false;
    }

  private:
    static std::size_t key(char first, char second) {
        return static_cast<std::size_t>(static_cast<unsigned char>(first)) << 8 |
               static_cast<unsigned char>(second);
    }
    std::vector<std::string_view> phrases_;
    std::vector<bool> starts_ = std::vector<bool>(65536);
};

bool is_rights_line(std::string_view line, std::size_t length) {
    static constexpr std::array<std::string_view, 28> kRights = {"版权所有",
                                                                 "版权归",
                                                                 "copyright",
                                                                 "©",
                                                                 "all rights reserved",
                                                                 "未经授权",
                                                                 "未经许可",
                                                                 "禁止转载",
                                                                 "不得转载",
                                                                 "严禁转载",
                                                                 "免责声明",
                                                                 "disclaimer",
                                                                 "originally published",
                                                                 "first published",
                                                                 "was originally",
                                                                 "republished",
                                                                 "reprinted with permission",
                                                                 "this article was",
                                                                 "this story was",
                                                                 "appeared first",
                                                                 "appeared originally",
                                                                 "原文链接",
                                                                 "本文转自",
                                                                 "转载请注明",
                                                                 "icp备",
                                                                 "icp证",
                                                                 "公网安备",
                                                                 "creative commons"};
    static const PhraseSet kRightsPhrases(kRights);
    return length <= 200 && kRightsPhrases.found_in(line);
}

bool is_boilerplate(std::string_view line, const std::vector<std::string>& folded_strip) {
    const std::string_view start = trim_line_start(line);
    const std::size_t length = code_point_count(start);
    // Boilerplate lines are short; most paragraphs skip every test but the configured one.
    if (length <= 200 && (is_credit_line(start, length) || is_dateline(start, length) ||
                          is_widget_line(start, length) || is_rights_line(start, length))) {
        return true;
    }
    return contains_any(line, folded_strip);
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
           contains_any(text, kNumerals);
}

// "【转载】", "[转]", "转:", "Fwd:" in front of a title.
std::string_view drop_repost_marks(std::string_view title) {
    static constexpr std::array<std::string_view, 6> kMarks = {"转载:", "转发:", "转:", "fwd:", "fw:", "re:"};
    for (int round = 0; round < 3; ++round) {
        title = trim_spaces(title);
        bool dropped = false;
        for (auto [open, close] :
             {std::pair<std::string_view, std::string_view>{"【", "】"}, {"[", "]"}, {"(", ")"}}) {
            if (title.substr(0, open.size()) != open) continue;
            const std::size_t end = title.find(close);
            if (end == std::string_view::npos) continue;
            const std::string_view tag = title.substr(open.size(), end - open.size());
            if (code_point_count(tag) <= 8 && !has_number(tag) && end + close.size() < title.size()) {
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
    return trim_spaces(title);
}

// " - 工人日报", " | Site name", "——中工网", "(转载)" behind a title.
std::string_view drop_site_name(std::string_view title) {
    static constexpr std::array<std::string_view, 9> kSeparators = {" - ", " | ", "|",   " _ ", "_",
                                                                    "——",  " — ", " – ", " :: "};
    static constexpr std::array<std::string_view, 6> kTrailingTags = {"(转载)", "(转)",   "(图)",
                                                                      "(组图)", "(图文)", "(视频)"};
    for (int round = 0; round < 2; ++round) {
        title = trim_spaces(title);
        for (std::string_view tag : kTrailingTags) {
            if (title.size() > tag.size() && title.substr(title.size() - tag.size()) == tag) {
                title.remove_suffix(tag.size());
            }
        }
        std::size_t best = std::string_view::npos;
        std::size_t best_size = 0;
        for (std::string_view separator : kSeparators) {
            const std::size_t at = title.rfind(separator);
            if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) {
                best = at;
                best_size = separator.size();
            }
        }
        if (best == std::string_view::npos) break;
        const std::string_view site = trim_spaces(title.substr(best + best_size));
        const std::string_view rest = trim_spaces(title.substr(0, best));
        if (code_point_count(site) > 20 || has_number(site) || code_point_count(rest) < 4) break;
        title = rest;
    }
    return title;
}

}  // namespace

std::string normalize_story_text(std::string_view text, const std::vector<std::string>& strip) {
    const std::string folded = plain_folded(text);
    std::vector<std::string> folded_strip;
    for (const std::string& pattern : strip) {
        std::string folded_pattern = fold(trim_spaces(pattern));
        if (!folded_pattern.empty()) folded_strip.push_back(std::move(folded_pattern));
    }
    std::string out;
    out.reserve(folded.size());
    for (std::string_view line : split_lines(folded)) {
        if (!is_boilerplate(line, folded_strip)) append_matching_form(line, out);
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
