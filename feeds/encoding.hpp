#pragma once
// Turning the bytes an upstream sent into UTF-8, whatever it claims they are.

#include <string>
#include <string_view>
#include <vector>

namespace feedagg::feeds {

struct DecodedText {
    std::string utf8;
    std::string charset;  // what the bytes were read as, canonical name ("UTF-8", "GB18030", ...)
    std::vector<std::string> warnings;
};

// Decodes an XML or JSON document. Evidence in order of trust: a byte order mark, then the charset
// the transport declared (HTTP Content-Type), then the XML declaration's encoding (or "<?xml" in
// UTF-16/32 without a mark), then detection, then UTF-8. Labels are read as browsers read them
// (WHATWG Encoding Standard): GB2312/GBK as GB18030, ISO-8859-1/US-ASCII as windows-1252.
// A declared charset the bytes contradict (e.g. "UTF-8" on GBK bytes, common on Chinese sites, or
// "ISO-8859-1" on UTF-8 bytes) is overruled, with a warning. Invalid sequences become U+FFFD,
// with one warning giving their count. Valid UTF-8 declared as such (or not at all) is copied
// without conversion. The XML declaration is left in place; callers parse the result as UTF-8.
DecodedText decode_document(std::string_view bytes, std::string_view transport_charset = {});

// Decodes an HTML page the same way, with its <meta charset> or <meta http-equiv="Content-Type">
// (HTML Standard §13.2.3.2) in the place of the XML declaration: byte order mark, transport
// charset, meta declaration, detection, UTF-8. Pages that lie about their charset are read as
// what they are, with a warning.
DecodedText decode_html_page(std::string_view bytes, std::string_view transport_charset = {});

// Converts bytes known to be in `charset` (any name ICU knows, e.g. "gbk", "windows-1252").
// Unknown charsets and invalid sequences give U+FFFD and a warning rather than an error.
DecodedText convert_to_utf8(std::string_view bytes, std::string_view charset);

// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

}  // namespace feedagg::feeds
