#pragma once
// Detail of the HTML module: escaping shared by escape_xml, the sanitizer and html_to_text.

#include <string>
#include <string_view>

namespace feedagg::feeds::detail {

// Appends `text` escaped for an XML/HTML text node or a quoted attribute value: & < > " ' become
// references, characters XML 1.0 §2.2 forbids (C0 controls but tab/LF/CR, U+FFFE, U+FFFF) are
// dropped, and bytes that are not UTF-8 become U+FFFD.
void append_xml_escaped(std::string_view text, std::string& out);

// Decodes the UTF-8 sequence at text[0]. Returns its length, or 0 when it is not valid UTF-8
// (overlong, surrogate, beyond U+10FFFF or truncated); `code_point` is set on success.
std::size_t decode_utf8(std::string_view text, char32_t& code_point);

}  // namespace feedagg::feeds::detail
