#pragma once
// Detail of the HTML module: escaping shared by escape_xml, the sanitizer and html_to_text.

#include <string>
#include <string_view>

namespace feedagg::feeds::detail {

// Appends `text` escaped for an XML/HTML text node or a quoted attribute value: & < > " ' become
// references, characters XML 1.0 §2.2 forbids (C0 controls but tab/LF/CR, U+FFFE, U+FFFF) are
// dropped, and bytes that are not UTF-8 become U+FFFD.
void append_xml_escaped(std::string_view text, std::string& out);

// append_xml_escaped for text the caller knows to be valid UTF-8 (decode_document's output and
// what is cut from it at ASCII bytes): multibyte sequences are copied unchecked, and only
// U+FFFE/U+FFFF among them are looked for. Ill-formed bytes would pass through as they are.
void append_valid_utf8_escaped(std::string_view text, std::string& out);

// append_valid_utf8_escaped up to the first '&' of `text`, which is left for the caller (a character
// reference to decode, say); returns its index, or text.size() when there is none.
std::size_t append_valid_utf8_escaped_until_ampersand(std::string_view text, std::string& out);

// Length of the prefix of valid UTF-8 `text` that append_valid_utf8_escaped copies as it is: up to
// the first byte that needs escaping, a control XML drops (tab, LF and CR are kept), DEL, or 0xEF
// (which leads U+FFFE and U+FFFF). Sixteen bytes per step with SSE2.
std::size_t plain_valid_utf8_length(std::string_view text);

// The one of the two above that `text_is_valid_utf8` allows.
inline void append_xml_escaped(std::string_view text, bool text_is_valid_utf8, std::string& out) {
    if (text_is_valid_utf8)
        append_valid_utf8_escaped(text, out);
    else
        append_xml_escaped(text, out);
}

// Decodes the UTF-8 sequence at text[0]. Returns its length, or 0 when it is not valid UTF-8
// (overlong, surrogate, beyond U+10FFFF or truncated); `code_point` is set on success.
std::size_t decode_utf8(std::string_view text, char32_t& code_point);

}  // namespace feedagg::feeds::detail
