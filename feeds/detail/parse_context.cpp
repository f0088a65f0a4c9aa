#include "feeds/detail/parse_context.hpp"

#include <array>

#include "feeds/dates.hpp"
#include "feeds/html.hpp"

namespace feedagg::feeds::detail {
namespace {

constexpr std::size_t max_warnings = 100;

// The length of the whitespace character at `at`, or 0: ASCII spaces, U+00A0, U+3000 and U+2000-U+200B.
std::size_t space_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char c = byte(at);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == 0xC2 && at + 1 < text.size() && byte(at + 1) == 0xA0) return 2;
    if (c == 0xE3 && at + 2 < text.size() && byte(at + 1) == 0x80 && byte(at + 2) == 0x80) return 3;
    if (c == 0xE2 && at + 2 < text.size() && byte(at + 1) == 0x80 && byte(at + 2) <= 0x8B) return 3;
    return 0;
}

// The first bytes of what space_length recognizes.
constexpr std::array<bool, 256> kMayStartSpace = [] {
    std::array<bool, 256> starts{};
    for (const unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) starts[c] = true;
    starts[0xC2] = starts[0xE2] = starts[0xE3] = true;
    return starts;
}();

}  // namespace

ParseContext::ParseContext(const ParseOptions& options, std::vector<std::string>& warnings)
    : options_(options), warnings_(warnings) {}

void ParseContext::warn(std::string message) {
    if (warnings_.size() >= max_warnings) {
        ++dropped_warnings_;
        return;
    }
    warnings_.push_back(std::move(message));
}

void ParseContext::warn_once(std::string message) {
    if (given_once_.insert(message).second) warn(std::move(message));
}

void ParseContext::finish_warnings() {
    if (dropped_warnings_ > 0)
        warnings_.push_back("and " + std::to_string(dropped_warnings_) + " more warnings");
    dropped_warnings_ = 0;
}

std::optional<Timestamp> ParseContext::date(std::string_view text, std::string_view where) {
    const std::string trimmed = collapse_whitespace(text);
    if (trimmed.empty()) return std::nullopt;
    auto parsed = parse_date(trimmed, options_.timezone);
    if (!parsed) warn(std::string(where) + ": unreadable date \"" + trimmed.substr(0, 80) + "\"");
    return parsed;
}

bool looks_double_escaped(std::string_view html) {
    if (html.find('<') != std::string_view::npos) return false;
    for (std::size_t at = html.find("&lt;"); at != std::string_view::npos; at = html.find("&lt;", at + 4)) {
        const char next = at + 4 < html.size() ? html[at + 4] : '\0';
        if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/' || next == '!')
            return true;
    }
    return false;
}

std::string ParseContext::undouble_escaped_html(std::string html, std::string_view where) {
    if (!looks_double_escaped(html)) return html;
    warn(std::string(where) + ": HTML was escaped twice; unescaped it once");
    return decode_html_entities(html);
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = at;  // words are appended whole
        while (end < text.size() &&
               !(kMayStartSpace[static_cast<unsigned char>(text[end])] && space_length(text, end) > 0))
            ++end;
        if (end > at) {
            if (pending_space) out += ' ';
            pending_space = false;
            out.append(text.data() + at, end - at);
            at = end;
            continue;
        }
        pending_space = !out.empty();
        at += space_length(text, at);
    }
    return out;
}

std::string text_to_html(std::string_view text) {
    std::string html = escape_xml(text);
    for (std::size_t at = html.find('\n'); at != std::string::npos; at = html.find('\n', at + 7)) {
        html.replace(at, 1, "<br />\n");
    }
    return html;
}

}  // namespace feedagg::feeds::detail
