// Measuring text the way the main-content heuristic needs it: in code points, so that Chinese
// (no spaces between words) and English compare fairly.

#include <algorithm>
#include <iterator>

#include "feeds/main_content_detail.hpp"

namespace feedagg::feeds::detail {
namespace {

bool is_ascii_space(unsigned char byte) {
    return byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f' || byte == '\v';
}

// Bytes of a white-space character starting at `at` (ASCII, U+00A0 or U+3000), 0 when none.
std::size_t space_length(std::string_view text, std::size_t at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (is_ascii_space(byte)) return 1;
    if (byte == 0xC2 && text.substr(at, 2) == "\xC2\xA0") return 2;
    if (byte == 0xE3 && text.substr(at, 3) == "\xE3\x80\x80") return 3;
    return 0;
}

bool is_continuation_byte(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

constexpr std::string_view chinese_punctuation[] = {"\u3002", "\uFF0C", "\u3001", "\uFF1B",
                                                    "\uFF1A", "\uFF1F", "\uFF01"};

constexpr std::string_view inline_elements[] = {
    "a",     "abbr", "b",      "bdi",    "bdo", "big", "br",    "cite", "code", "data", "del", "dfn",
    "em",    "font", "i",      "img",    "ins", "kbd", "label", "mark", "nobr", "q",    "s",   "samp",
    "small", "span", "strike", "strong", "sub", "sup", "time",  "tt",   "u",    "var"};

void append_collapsed(std::string_view text, std::string& out) {
    std::size_t at = 0;
    while (at < text.size()) {
        if (const std::size_t space = space_length(text, at); space > 0) {
            if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
            at += space;
        } else {
            out += text[at++];
        }
    }
}

void append_block_text(pugi::xml_node node, std::string& out) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata) {
            append_collapsed(child.value(), out);
            continue;
        }
        if (child.type() != pugi::node_element || is_invisible_element(child.name())) continue;
        const std::string_view name = child.name();
        if (name == "br") {
            out += '\n';
        } else if (is_inline_element(name)) {
            append_block_text(child, out);
        } else {
            out += '\n';
            append_block_text(child, out);
            out += '\n';
        }
    }
}

TextMeasure measure_into(pugi::xml_node node, bool inside_link, TextMeasures& measures) {
    TextMeasure total;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata) {
            const std::string_view text = child.value();
            TextMeasure own{count_visible_code_points(text), 0, count_punctuation(text)};
            if (inside_link) own.link_chars = own.chars;
            total += own;
        } else if (child.type() == pugi::node_element && !is_invisible_element(child.name())) {
            total += measure_into(child, inside_link || std::string_view(child.name()) == "a", measures);
        }
    }
    measures[node.internal_object()] = total;
    return total;
}

}  // namespace

std::size_t count_visible_code_points(std::string_view text) {
    std::size_t count = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        if (const std::size_t space = space_length(text, at); space > 0) {
            at += space;
            continue;
        }
        if (!is_continuation_byte(static_cast<unsigned char>(text[at]))) ++count;
        ++at;
    }
    return count;
}

std::size_t count_punctuation(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (c == ',' || c == '.' || c == ';' || c == ':' || c == '?' || c == '!') {
            ++count;
        } else if (static_cast<unsigned char>(c) >= 0xE3) {
            const std::string_view rest = text.substr(at, 3);
            if (std::find(std::begin(chinese_punctuation), std::end(chinese_punctuation), rest) !=
                std::end(chinese_punctuation)) {
                ++count;
                at += 2;
            }
        }
    }
    return count;
}

bool starts_with_at(std::string_view text, std::size_t at, std::string_view prefix) {
    return at <= text.size() && text.substr(at, prefix.size()) == prefix;
}

std::string_view trim_text(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t space = space_length(text, begin);
        if (space == 0) break;
        begin += space;
    }
    std::size_t end = text.size();
    while (end > begin) {
        if (is_ascii_space(static_cast<unsigned char>(text[end - 1]))) {
            --end;
        } else if (end - begin >= 2 && text.substr(end - 2, 2) == "\xC2\xA0") {
            end -= 2;
        } else if (end - begin >= 3 && text.substr(end - 3, 3) == "\xE3\x80\x80") {
            end -= 3;
        } else {
            break;
        }
    }
    return text.substr(begin, end - begin);
}

bool is_inline_element(std::string_view name) {
    return std::find(std::begin(inline_elements), std::end(inline_elements), name) !=
           std::end(inline_elements);
}

bool is_invisible_element(std::string_view name) {
    return name == "script" || name == "style" || name == "template" || name == "noscript";
}

std::string block_text(pugi::xml_node node) {
    std::string raw;
    if (node.type() == pugi::node_pcdata) {
        append_collapsed(node.value(), raw);
    } else {
        append_block_text(node, raw);
    }
    std::string lines;
    std::size_t start = 0;
    while (start <= raw.size()) {
        std::size_t end = raw.find('\n', start);
        if (end == std::string::npos) end = raw.size();
        const std::string_view line = trim_text(std::string_view(raw).substr(start, end - start));
        if (!line.empty()) {
            if (!lines.empty()) lines += '\n';
            lines += line;
        }
        start = end + 1;
    }
    return lines;
}

TextMeasures measure_text(pugi::xml_node root) {
    TextMeasures measures;
    measure_into(root, std::string_view(root.name()) == "a", measures);
    return measures;
}

}  // namespace feedagg::feeds::detail
