#include "feeds/html_entities.hpp"

#include <algorithm>
#include <cstring>

#include "feeds/html.hpp"

namespace feedagg::feeds {
namespace detail {
namespace {

// The longest name in the table ("CounterClockwiseContourIntegral").
constexpr std::size_t kLongestName = 31;

bool is_ascii_alphanumeric(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

const NamedCharacterReference* find_named(std::string_view name) {
    const auto* first = kNamedCharacterReferences;
    const auto* last = kNamedCharacterReferences + kNamedCharacterReferenceCount;
    const auto* found = std::lower_bound(
        first, last, name,
        [](const NamedCharacterReference& entry, std::string_view key) { return entry.name < key; });
    return found != last && found->name == name ? found : nullptr;
}

// HTML5 §13.2.5.80: numeric references to C1 controls mean what windows-1252 puts there.
char32_t windows_1252_remap(char32_t code_point) {
    static constexpr char32_t kC1[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                         0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                         0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                         0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    return code_point >= 0x80 && code_point <= 0x9F ? kC1[code_point - 0x80] : code_point;
}

// HTML5 §13.2.5.80 (numeric character reference end state).
char32_t checked_code_point(std::uint32_t value) {
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
    return windows_1252_remap(value);
}

std::size_t decode_numeric(std::string_view text, std::string& out) {
    // text starts with "&#".
    std::size_t position = 2;
    const bool hex = position < text.size() && (text[position] == 'x' || text[position] == 'X');
    if (hex) ++position;
    const std::size_t digits_start = position;
    std::uint32_t value = 0;
    for (; position < text.size(); ++position) {
        const char c = text[position];
        std::uint32_t digit;
        if (c >= '0' && c <= '9') {
            digit = static_cast<std::uint32_t>(c - '0');
        } else if (hex && c >= 'a' && c <= 'f') {
            digit = static_cast<std::uint32_t>(c - 'a' + 10);
        } else if (hex && c >= 'A' && c <= 'F') {
            digit = static_cast<std::uint32_t>(c - 'A' + 10);
        } else {
            break;
        }
        // Saturate: anything past U+10FFFF is replaced anyway.
        value = std::min<std::uint32_t>(value * (hex ? 16 : 10) + digit, 0x110000);
    }
    if (position == digits_start) return 0;  // "&#" or "&#x" without digits is not a reference
    if (position < text.size() && text[position] == ';') ++position;
    append_utf8(checked_code_point(value), out);
    return position;
}

std::size_t decode_named(std::string_view text, ReferenceContext context, std::string& out) {
    std::size_t end = 1;
    while (end < text.size() && end <= kLongestName && is_ascii_alphanumeric(text[end])) ++end;
    if (end == 1) return 0;
    if (end < text.size() && text[end] == ';') {
        if (const auto* entry = find_named(text.substr(1, end - 1))) {
            out.append(entry->value);
            return end + 1;
        }
    }
    // HTML5 matches the longest name that is a prefix of the input; without ';' only legacy names
    // qualify, and none is longer than six characters.
    for (std::size_t length = std::min<std::size_t>(end - 1, 6); length >= 2; --length) {
        const auto* entry = find_named(text.substr(1, length));
        if (entry == nullptr || !entry->legacy) continue;
        const std::size_t used = 1 + length;
        // HTML5 §13.2.5.73: in attribute values "&amp=" or "&copyx" stay literal (query strings).
        if (context == ReferenceContext::attribute_value && used < text.size() &&
            (text[used] == '=' || is_ascii_alphanumeric(text[used])))
            return 0;
        out.append(entry->value);
        return used;
    }
    return 0;
}

}  // namespace

void append_utf8(char32_t code_point, std::string& out) {
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else if (code_point < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

std::size_t decode_character_reference(std::string_view text, ReferenceContext context, std::string& out) {
    if (text.size() < 2 || text[0] != '&') return 0;
    return text[1] == '#' ? decode_numeric(text, out) : decode_named(text, context, out);
}

void append_decoded(std::string_view text, ReferenceContext context, std::string& out) {
    while (!text.empty()) {
        const void* found = std::memchr(text.data(), '&', text.size());
        if (found == nullptr) {
            out.append(text);
            return;
        }
        const auto ampersand = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
        out.append(text.substr(0, ampersand));
        text.remove_prefix(ampersand);
        std::size_t used = decode_character_reference(text, context, out);
        if (used == 0) {
            out.push_back('&');
            used = 1;
        }
        text.remove_prefix(used);
    }
}

}  // namespace detail

std::string decode_html_entities(std::string_view text) {
    std::string decoded;
    decoded.reserve(text.size());
    detail::append_decoded(text, detail::ReferenceContext::text, decoded);
    return decoded;
}

std::string_view html_entity(std::string_view name) {
    if (!name.empty() && name.back() == ';') name.remove_suffix(1);
    const auto* entry = detail::find_named(name);
    return entry != nullptr ? entry->value : std::string_view{};
}

}  // namespace feedagg::feeds
