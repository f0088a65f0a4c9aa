// What the first bytes of a document say about its encoding before anything is decoded:
// byte order marks, the shape of "<?xml" in wide encodings, and the XML declaration.

#include <array>

#include "feeds/encoding_detail.hpp"

namespace feedagg::feeds::detail {
namespace {

// XML 1.0 §4.3.3: the declaration comes first, so a kilobyte is more than enough to find it.
constexpr std::size_t declaration_window = 1024;

struct Signature {
    std::string_view bytes;
    std::string_view charset;
};

using namespace std::string_view_literals;

// UTF-32LE's mark begins with UTF-16LE's, so it is tried first.
constexpr std::array byte_order_marks{
    Signature{"\xEF\xBB\xBF"sv, "UTF-8"},        Signature{"\xFF\xFE\x00\x00"sv, "UTF-32LE"},
    Signature{"\x00\x00\xFE\xFF"sv, "UTF-32BE"}, Signature{"\xFF\xFE"sv, "UTF-16LE"},
    Signature{"\xFE\xFF"sv, "UTF-16BE"},
};

// XML 1.0 Appendix F.1, "without a byte order mark": "<?" in each wide encoding.
constexpr std::array wide_declarations{
    Signature{"\x00\x00\x00\x3C\x00\x00\x00\x3F"sv, "UTF-32BE"},
    Signature{"\x3C\x00\x00\x00\x3F\x00\x00\x00"sv, "UTF-32LE"},
    Signature{"\x00\x3C\x00\x3F"sv, "UTF-16BE"},
    Signature{"\x3C\x00\x3F\x00"sv, "UTF-16LE"},
};

bool is_xml_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
    while (at < text.size() && is_xml_space(text[at])) ++at;
    return at;
}

}  // namespace

std::optional<ByteOrderMark> find_byte_order_mark(std::string_view bytes) {
    for (const Signature& mark : byte_order_marks) {
        if (bytes.starts_with(mark.bytes)) return ByteOrderMark{mark.charset, mark.bytes.size()};
    }
    return std::nullopt;
}

std::string_view find_wide_xml_declaration(std::string_view bytes) {
    for (const Signature& declaration : wide_declarations) {
        if (bytes.starts_with(declaration.bytes)) return declaration.charset;
    }
    return {};
}

std::string_view guess_utf16_byte_order(std::string_view bytes) {
    const std::string_view window = bytes.substr(0, declaration_window);
    std::size_t zeros_at_even = 0;
    std::size_t zeros_at_odd = 0;
    for (std::size_t at = 0; at < window.size(); ++at) {
        if (window[at] != '\0') continue;
        (at % 2 == 0 ? zeros_at_even : zeros_at_odd) += 1;
    }
    return zeros_at_odd > zeros_at_even ? "UTF-16LE" : "UTF-16BE";
}

std::string_view find_xml_declared_encoding(std::string_view bytes) {
    const std::string_view window = bytes.substr(0, declaration_window);
    // Leading white space is not well-formed XML, but feeds served with it are common.
    std::size_t at = skip_spaces(window, 0);
    constexpr std::string_view opening = "<?xml";
    if (window.substr(at, opening.size()) != opening) return {};
    at += opening.size();
    if (at >= window.size() || !is_xml_space(window[at])) return {};

    const std::string_view declaration = window.substr(at, window.find("?>", at) - at);
    // XML 1.0 §2.8 [23]: version, then encoding, then standalone, each preceded by white space.
    constexpr std::string_view keyword = "encoding";
    std::size_t found = declaration.find(keyword);
    while (found != std::string_view::npos && (found == 0 || !is_xml_space(declaration[found - 1]))) {
        found = declaration.find(keyword, found + 1);
    }
    if (found == std::string_view::npos) return {};
    at = skip_spaces(declaration, found + keyword.size());
    if (at >= declaration.size() || declaration[at] != '=') return {};
    at = skip_spaces(declaration, at + 1);
    if (at >= declaration.size() || (declaration[at] != '"' && declaration[at] != '\'')) return {};
    const char quote = declaration[at];
    const std::size_t end = declaration.find(quote, at + 1);
    if (end == std::string_view::npos) return {};
    return declaration.substr(at + 1, end - at - 1);
}

}  // namespace feedagg::feeds::detail
