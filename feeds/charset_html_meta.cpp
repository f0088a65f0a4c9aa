// The charset an HTML page declares in a <meta> element, found before anything is decoded
// (HTML Standard §13.2.3.2 "prescan a byte stream to determine its encoding", simplified: the
// page is scanned as ASCII, comments are skipped, the first declaration wins).

#include <algorithm>
#include <cctype>

#include "feeds/detail/ascii.hpp"
#include "feeds/encoding_detail.hpp"

namespace feedagg::feeds::detail {
namespace {

// Browsers look at 1024 bytes; Chinese CMS pages often put scripts and styles first, and a few
// kilobytes more cost nothing.
constexpr std::size_t meta_window = 4096;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

std::size_t find_ignoring_case(std::string_view text, std::string_view lower, std::size_t from = 0) {
    for (std::size_t at = from; at + lower.size() <= text.size(); ++at) {
        if (equals_ignoring_case(text.substr(at, lower.size()), lower)) return at;
    }
    return std::string_view::npos;
}

struct Attribute {
    std::string_view name;
    std::string_view value;
};

// Reads one attribute of a tag starting at `at`; moves `at` past it. Empty name at the tag's end.
Attribute read_attribute(std::string_view tag, std::size_t& at) {
    while (at < tag.size() && (is_space(tag[at]) || tag[at] == '/')) ++at;
    const std::size_t name_start = at;
    while (at < tag.size() && !is_space(tag[at]) && tag[at] != '=' && tag[at] != '/') ++at;
    Attribute attribute{tag.substr(name_start, at - name_start), {}};
    while (at < tag.size() && is_space(tag[at])) ++at;
    if (at >= tag.size() || tag[at] != '=') return attribute;
    ++at;
    while (at < tag.size() && is_space(tag[at])) ++at;
    if (at < tag.size() && (tag[at] == '"' || tag[at] == '\'')) {
        const char quote = tag[at++];
        const std::size_t end = std::min(tag.find(quote, at), tag.size());
        attribute.value = tag.substr(at, end - at);
        at = end + 1;
    } else {
        const std::size_t start = at;
        while (at < tag.size() && !is_space(tag[at])) ++at;
        attribute.value = tag.substr(start, at - start);
    }
    return attribute;
}

// HTML Standard §2.6.5 "extracting a character encoding from a meta element": "charset=" in a
// Content-Type value, quoted or not.
std::string_view charset_in_content(std::string_view content) {
    std::size_t at = find_ignoring_case(content, "charset");
    if (at == std::string_view::npos) return {};
    at += 7;
    while (at < content.size() && is_space(content[at])) ++at;
    if (at >= content.size() || content[at] != '=') return {};
    ++at;
    while (at < content.size() && is_space(content[at])) ++at;
    if (at < content.size() && (content[at] == '"' || content[at] == '\'')) {
        const char quote = content[at++];
        const std::size_t end = content.find(quote, at);
        return end == std::string_view::npos ? std::string_view{} : content.substr(at, end - at);
    }
    const std::size_t end = std::min(content.find_first_of("; \t\r\n", at), content.size());
    return content.substr(at, end - at);
}

std::string_view charset_of_meta_tag(std::string_view tag) {
    std::string_view content;
    bool declares_content_type = false;
    for (std::size_t at = 0; at < tag.size();) {
        const Attribute attribute = read_attribute(tag, at);
        if (attribute.name.empty()) break;
        if (equals_ignoring_case(attribute.name, "charset")) return attribute.value;
        if (equals_ignoring_case(attribute.name, "content")) content = attribute.value;
        if (equals_ignoring_case(attribute.name, "http-equiv"))
            declares_content_type = equals_ignoring_case(attribute.value, "content-type");
    }
    return declares_content_type ? charset_in_content(content) : std::string_view{};
}

}  // namespace

std::string_view find_html_meta_charset(std::string_view bytes) {
    const std::string_view window = bytes.substr(0, meta_window);
    for (std::size_t at = window.find('<'); at != std::string_view::npos; at = window.find('<', at + 1)) {
        if (window.substr(at, 4) == "<!--") {
            at = window.find("-->", at + 4);
            if (at == std::string_view::npos) return {};
            continue;
        }
        if (!equals_ignoring_case(window.substr(at, 5), "<meta") || at + 5 >= window.size() ||
            !(is_space(window[at + 5]) || window[at + 5] == '/'))
            continue;
        const std::size_t end = window.find('>', at);
        if (end == std::string_view::npos) return {};
        const std::string_view charset = charset_of_meta_tag(window.substr(at + 5, end - at - 5));
        if (!charset.empty()) return charset;
        at = end;
    }
    return {};
}

}  // namespace feedagg::feeds::detail
