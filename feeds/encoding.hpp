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
// the transport declared (HTTP Content-Type), then the XML declaration's encoding, then detection.
// A declared charset the bytes contradict (e.g. "UTF-8" on GBK bytes, common on Chinese sites) is
// overruled by detection, with a warning. Invalid sequences become U+FFFD, with a warning.
// The XML declaration is left in place; callers parse the result as UTF-8 regardless of it.
DecodedText decode_document(std::string_view bytes, std::string_view transport_charset = {});

// Converts bytes known to be in `charset` (any name ICU knows, e.g. "gbk", "windows-1252").
// Unknown charsets and invalid sequences give U+FFFD and a warning rather than an error.
DecodedText convert_to_utf8(std::string_view bytes, std::string_view charset);

// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

}  // namespace feedagg::feeds
