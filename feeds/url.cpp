#include "feeds/url.hpp"

#include <algorithm>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <cctype>

namespace feedagg::feeds {
namespace {

bool is_hex_digit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Leading and trailing ASCII whitespace and C0 controls, as the WHATWG URL parser strips them.
std::string_view trim(std::string_view url) {
    while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
    while (!url.empty() && static_cast<unsigned char>(url.back()) <= 0x20) url.remove_suffix(1);
    return url;
}

// Real-world hrefs hold spaces, non-ASCII text and stray '%'; browsers percent-encode them, so do
// we before handing the reference to an RFC 3986 parser. Tab, LF and CR are removed (WHATWG URL).
std::string percent_encode_loosely(std::string_view url) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    encoded.reserve(url.size());
    bool seen_fragment = false;
    for (std::size_t i = 0; i < url.size(); ++i) {
        const auto byte = static_cast<unsigned char>(url[i]);
        if (byte == '\t' || byte == '\n' || byte == '\r') continue;
        const bool stray_percent =
            byte == '%' && !(i + 2 < url.size() && is_hex_digit(url[i + 1]) && is_hex_digit(url[i + 2]));
        const bool second_hash = byte == '#' && seen_fragment;
        seen_fragment = seen_fragment || byte == '#';
        const bool needs_encoding =
            byte <= 0x20 || byte >= 0x7F || stray_percent || second_hash ||
            std::string_view("\"<>\\^`{|}").find(static_cast<char>(byte)) != std::string_view::npos;
        if (needs_encoding) {
            encoded.push_back('%');
            encoded.push_back(kHex[byte >> 4]);
            encoded.push_back(kHex[byte & 0x0F]);
        } else {
            encoded.push_back(static_cast<char>(byte));
        }
    }
    return encoded;
}

}  // namespace

std::string resolve_url(std::string_view base, std::string_view reference) {
    const std::string_view trimmed = trim(reference);
    const std::string encoded = percent_encode_loosely(trimmed);
    const auto parsed_reference = boost::urls::parse_uri_reference(encoded);
    if (!parsed_reference) return std::string(trimmed);
    // RFC 3986 §5.2.2: an absolute reference does not need the base.
    if (parsed_reference->has_scheme()) return encoded;

    const std::string encoded_base = percent_encode_loosely(trim(base));
    const auto parsed_base = boost::urls::parse_uri(encoded_base);
    if (!parsed_base) return std::string(trimmed);
    boost::urls::url resolved;
    if (!boost::urls::resolve(*parsed_base, *parsed_reference, resolved)) return std::string(trimmed);
    return std::string(resolved.buffer());
}

bool is_safe_link_url(std::string_view url) {
    const std::string encoded = percent_encode_loosely(trim(url));
    const auto parsed = boost::urls::parse_uri(encoded);
    if (!parsed) return false;
    std::string scheme(parsed->scheme());
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (scheme == "http" || scheme == "https" || scheme == "ftp")
        return parsed->has_authority() && !parsed->encoded_host().empty();
    return scheme == "mailto" || scheme == "tel" || scheme == "magnet";
}

}  // namespace feedagg::feeds
