#include "feeds/url.hpp"

#include <algorithm>
#include <array>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <cctype>

#include "feeds/url_resolver.hpp"

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

// Bytes RFC 3986 never allows unencoded: controls, space, non-ASCII and "<>\^`{|}.
constexpr std::array<bool, 256> kNeedsEncoding = [] {
    std::array<bool, 256> needs{};
    for (int byte = 0; byte <= 0x20; ++byte) needs[byte] = true;
    for (int byte = 0x7F; byte < 256; ++byte) needs[byte] = true;
    for (const char c : std::string_view("\"<>\\^`{|}")) needs[static_cast<unsigned char>(c)] = true;
    return needs;
}();

// Bytes percent_encode_loosely looks at: those above, plus '%' and '#' which depend on context.
constexpr std::array<bool, 256> kNeedsAttention = [] {
    std::array<bool, 256> attention = kNeedsEncoding;
    attention['%'] = attention['#'] = true;
    return attention;
}();

// Real-world hrefs hold spaces, non-ASCII text and stray '%'; browsers percent-encode them, so do
// we before handing the reference to an RFC 3986 parser. Tab, LF and CR are removed (WHATWG URL).
std::string percent_encode_loosely(std::string_view url) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    encoded.reserve(url.size() + 8);
    bool seen_fragment = false;
    std::size_t i = 0;
    while (i < url.size()) {
        const std::size_t run_start = i;
        while (i < url.size() && !kNeedsAttention[static_cast<unsigned char>(url[i])]) ++i;
        encoded.append(url.data() + run_start, i - run_start);
        if (i == url.size()) break;

        const auto byte = static_cast<unsigned char>(url[i]);
        bool needs_encoding = kNeedsEncoding[byte];
        if (byte == '%') {
            needs_encoding = !(i + 2 < url.size() && is_hex_digit(url[i + 1]) && is_hex_digit(url[i + 2]));
        } else if (byte == '#') {
            needs_encoding = seen_fragment;  // a second '#' is data
            seen_fragment = true;
        }
        ++i;
        if (byte == '\t' || byte == '\n' || byte == '\r') continue;
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

// RFC 3986 §3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
bool has_scheme(std::string_view url) {
    const std::size_t colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0 ||
        std::isalpha(static_cast<unsigned char>(url[0])) == 0)
        return false;
    return std::all_of(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(colon), [](unsigned char c) {
        return std::isalnum(c) != 0 || c == '+' || c == '-' || c == '.';
    });
}

// The schemes feeds may link to; for the hierarchical ones a host is required.
bool is_safe_link(const boost::urls::url_view_base& url) {
    switch (url.scheme_id()) {
        case boost::urls::scheme::http:
        case boost::urls::scheme::https:
        case boost::urls::scheme::ftp:
            return url.has_authority() && !url.encoded_host().empty();
        case boost::urls::scheme::unknown: {
            const std::string_view scheme = url.scheme();
            const auto is = [&](std::string_view name) {
                return scheme.size() == name.size() &&
                       std::equal(scheme.begin(), scheme.end(), name.begin(), [](char a, char b) {
                           return std::tolower(static_cast<unsigned char>(a)) == b;
                       });
            };
            return is("mailto") || is("tel") || is("magnet");
        }
        default:
            return false;
    }
}

}  // namespace

namespace detail {

UrlResolver::UrlResolver(std::string_view base) {
    const std::string encoded_base = percent_encode_loosely(trim(base));
    if (auto parsed = boost::urls::parse_uri(encoded_base)) base_.emplace(*parsed);
}

std::string UrlResolver::resolve(std::string_view reference) const {
    return resolve_checked(reference, false).value_or(std::string());
}

std::optional<std::string> UrlResolver::resolve_link(std::string_view reference) const {
    return resolve_checked(reference, true);
}

std::optional<std::string> UrlResolver::resolve_checked(std::string_view reference, bool links_only) const {
    const std::string_view trimmed = trim(reference);
    std::string encoded = percent_encode_loosely(trimmed);
    auto parsed_reference = boost::urls::parse_uri_reference(encoded);
    if (!parsed_reference && !has_scheme(encoded)) {
        // RFC 3986 §4.2: a relative path whose first segment holds a ':' needs a "./" in front.
        encoded.insert(0, "./");
        parsed_reference = boost::urls::parse_uri_reference(encoded);
    }
    if (!parsed_reference) {
        if (links_only && has_scheme(encoded)) return std::nullopt;
        return std::string(trimmed);
    }
    // RFC 3986 §5.2.2: an absolute reference does not need the base.
    if (parsed_reference->has_scheme()) {
        if (links_only && !is_safe_link(*parsed_reference)) return std::nullopt;
        return encoded;
    }
    if (!base_) return std::string(trimmed);
    boost::urls::url resolved;
    if (!boost::urls::resolve(*base_, *parsed_reference, resolved)) return std::string(trimmed);
    if (links_only && !is_safe_link(resolved)) return std::nullopt;
    return std::string(resolved.buffer());
}

}  // namespace detail

std::string resolve_url(std::string_view base, std::string_view reference) {
    return detail::UrlResolver(base).resolve(reference);
}

bool is_safe_link_url(std::string_view url) {
    const std::string encoded = percent_encode_loosely(trim(url));
    const auto parsed = boost::urls::parse_uri(encoded);
    return parsed && is_safe_link(*parsed);
}

}  // namespace feedagg::feeds
