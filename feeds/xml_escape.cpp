#include "feeds/xml_escape.hpp"

#include <array>

#include "feeds/html.hpp"

namespace feedagg::feeds {
namespace detail {
namespace {

// Bytes copied as they are: printable ASCII but the five escaped ones, plus tab, LF and CR.
constexpr std::array<bool, 256> kPlainBytes = [] {
    std::array<bool, 256> plain{};
    for (int byte = 0x20; byte < 0x7F; ++byte) plain[byte] = true;
    for (const char special : {'&', '<', '>', '"', '\''}) plain[static_cast<unsigned char>(special)] = false;
    plain['\t'] = plain['\n'] = plain['\r'] = true;
    return plain;
}();

bool is_plain(char c) {
    return kPlainBytes[static_cast<unsigned char>(c)];
}

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

std::string_view reference_for(char c) {
    switch (c) {
        case '&':
            return "&amp;";
        case '<':
            return "&lt;";
        case '>':
            return "&gt;";
        case '"':
            return "&quot;";
        case '\'':
            return "&#39;";
        default:
            return {};
    }
}

}  // namespace

std::size_t decode_utf8(std::string_view text, char32_t& code_point) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    std::size_t length;
    char32_t minimum;
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, minimum = 0x80, code_point = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, minimum = 0x800, code_point = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, minimum = 0x10000, code_point = lead & 0x07;
    } else {
        return 0;
    }
    if (text.size() < length) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return 0;
        code_point = (code_point << 6) | (byte(i) & 0x3F);
    }
    if (code_point < minimum || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
        return 0;
    return length;
}

void append_xml_escaped(std::string_view text, std::string& out) {
    std::size_t position = 0;
    while (position < text.size()) {
        std::size_t run_end = position;
        while (run_end < text.size() && is_plain(text[run_end])) ++run_end;
        out.append(text.data() + position, run_end - position);
        position = run_end;
        if (position == text.size()) break;

        const char c = text[position];
        if (const auto reference = reference_for(c); !reference.empty()) {
            out.append(reference);
            ++position;
        } else if (static_cast<unsigned char>(c) < 0x80) {
            ++position;  // a control character XML cannot carry
        } else {
            char32_t code_point;
            const std::size_t length = decode_utf8(text.substr(position), code_point);
            if (length == 0) {
                out.append(kReplacementCharacter);
                ++position;
            } else {
                if (code_point != 0xFFFE && code_point != 0xFFFF) out.append(text.substr(position, length));
                position += length;
            }
        }
    }
}

}  // namespace detail

std::string escape_xml(std::string_view text) {
    std::size_t plain = 0;
    while (plain < text.size() && detail::is_plain(text[plain])) ++plain;
    if (plain == text.size()) return std::string(text);
    std::string escaped;
    escaped.reserve(text.size() + text.size() / 8);
    detail::append_xml_escaped(text, escaped);
    return escaped;
}

}  // namespace feedagg::feeds
