#include "feeds/url.hpp"

#include <algorithm>
#include <array>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <cctype>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
// Appends the encoded `url` to `encoded`.
void append_percent_encoded_loosely(std::string_view url, std::string& encoded) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    // Written through a pointer into room for the worst case (every byte encoded), then cut back:
    // a push_back per byte costs more than the encoding.
    const std::size_t start = encoded.size();
    encoded.resize(start + url.size() * 3);
    char* out = encoded.data() + start;
    bool seen_fragment = false;
    std::size_t i = 0;
    while (i < url.size()) {
        const std::size_t run_start = i;
        while (i < url.size() && !kNeedsAttention[static_cast<unsigned char>(url[i])]) ++i;
        std::memcpy(out, url.data() + run_start, i - run_start);
        out += i - run_start;
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
            *out++ = '%';
            *out++ = kHex[byte >> 4];
            *out++ = kHex[byte & 0x0F];
        } else {
            *out++ = static_cast<char>(byte);
        }
    }
    encoded.resize(static_cast<std::size_t>(out - encoded.data()));
}

std::string percent_encode_loosely(std::string_view url) {
    std::string encoded;
    append_percent_encoded_loosely(url, encoded);
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
        case boost::urls::scheme::ftp: return url.has_authority() && !url.encoded_host().empty();
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
        default: return false;
    }
}

// Bytes that an URL holds as they are after its authority, and that percent_encode_loosely leaves
// alone: RFC 3986 unreserved, sub-delims, ':', '@', '/' and '?' ('%' and '#' are looked at apart).
constexpr std::array<bool, 256> kPlainUrlBytes = [] {
    std::array<bool, 256> plain{};
    for (int c = 'a'; c <= 'z'; ++c) plain[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c) plain[c] = true;
    for (int c = '0'; c <= '9'; ++c) plain[c] = true;
    for (const char c : std::string_view("-._~!$&'()*+,;=:@/?")) plain[static_cast<unsigned char>(c)] = true;
    return plain;
}();

// The first byte at or after `from` that kPlainUrlBytes does not hold, or a position near the end;
// 16 bytes per step with SSE2, since every URL of every attribute is checked.
std::size_t skip_plain_url_bytes(std::string_view text, std::size_t from) {
#if defined(__SSE2__)
    for (; from + 16 <= text.size(); from += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
        // Signed comparisons: below '!' are controls and space, below 0 the bytes from 0x80 up.
        __m128i stops = _mm_or_si128(_mm_cmplt_epi8(block, _mm_set1_epi8('!')),
                                     _mm_cmpgt_epi8(block, _mm_set1_epi8('~')));
        for (const char c : {'"', '#', '%', '<', '>', '[', '\\', ']', '^', '`', '{', '|', '}'})
            stops = _mm_or_si128(stops, _mm_cmpeq_epi8(block, _mm_set1_epi8(c)));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(stops));
        if (mask != 0) return from + static_cast<std::size_t>(__builtin_ctz(mask));
    }
#endif
    return from;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A percent-encoded octet that resolving keeps as it is: Boost.URL's resolve decodes the octets a
// path may hold unencoded ("%41" becomes "A", even "%2F" becomes "/") and may change the case of
// the hex digits, so only uppercase escapes of octets that must stay encoded qualify.
bool is_normalized_escape(std::string_view text, std::size_t at) {
    if (at + 2 >= text.size()) return false;
    const int high = hex_value(text[at + 1]);
    const int low = hex_value(text[at + 2]);
    return high >= 0 && low >= 0 && kNeedsEncoding[static_cast<std::size_t>(high * 16 + low)];
}

// How a '%' must be followed for a URL to be left alone.
enum class Escapes {
    any,         // two hex digits (an absolute reference is returned as it is)
    normalized,  // is_normalized_escape (a relative one goes through resolution)
};

// True when percent_encode_loosely would return `text` unchanged and RFC 3986 reads it as path,
// query and fragment: plain bytes, '%' escapes as `escapes` says and at most one '#'.
bool is_plain_url_text(std::string_view text, Escapes escapes) {
    bool seen_fragment = false;
    for (std::size_t i = skip_plain_url_bytes(text, 0); i < text.size(); ++i) {
        const char c = text[i];
        if (kPlainUrlBytes[static_cast<unsigned char>(c)]) continue;
        if (c == '%' && (escapes == Escapes::any
                             ? i + 2 < text.size() && is_hex_digit(text[i + 1]) && is_hex_digit(text[i + 2])
                             : is_normalized_escape(text, i)))
            continue;
        if (c == '#' && !seen_fragment) {
            seen_fragment = true;
            continue;
        }
        return false;
    }
    return true;
}

bool is_dot_at(std::string_view path, std::size_t at) {
    return (at < path.size() && path[at] == '.') ||
           (at + 2 < path.size() && path[at] == '%' && path[at + 1] == '2' && (path[at + 2] | 0x20) == 'e');
}

// True when `path` may hold "." or ".." segments (RFC 3986 §5.2.4), plain or percent-encoded; it
// errs towards true ("/.well-known").
bool may_hold_dot_segments(std::string_view path) {
    if (is_dot_at(path, 0)) return true;
    for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
         slash = path.find('/', slash + 1))
        if (is_dot_at(path, slash + 1)) return true;
    return false;
}

std::string_view path_of(std::string_view reference) {
    std::size_t end = 0;
    while (end < reference.size() && reference[end] != '?' && reference[end] != '#') ++end;
    return reference.substr(0, end);
}

bool first_segment_has_colon(std::string_view reference) {
    for (const char c : reference) {
        if (c == ':') return true;
        if (c == '/' || c == '?' || c == '#') return false;
    }
    return false;
}

constexpr std::array<bool, 256> kHostBytes = [] {
    std::array<bool, 256> host{};
    for (int c = 'a'; c <= 'z'; ++c) host[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c) host[c] = true;
    for (int c = '0'; c <= '9'; ++c) host[c] = true;
    host['-'] = host['.'] = true;
    return host;
}();

// Length of "host" or "host:port" at the start of `rest` when the host is a plain DNS name or IPv4
// address (letters, digits, '-', '.' and percent-encoded octets), and the authority ends there (RFC 3986
// §3.2); 0 otherwise.
std::size_t plain_authority_length(std::string_view rest) {
    std::size_t at = 0;
    // Percent-encoded octets are what percent_encode_loosely makes of internationalized names.
    for (;;) {
        while (at < rest.size() && kHostBytes[static_cast<unsigned char>(rest[at])]) ++at;
        if (at + 2 >= rest.size() || rest[at] != '%' || !is_hex_digit(rest[at + 1]) ||
            !is_hex_digit(rest[at + 2]))
            break;
        at += 3;
    }
    if (at == 0) return 0;
    if (at < rest.size() && rest[at] == ':') {
        const std::size_t port_start = ++at;
        while (at < rest.size() && rest[at] >= '0' && rest[at] <= '9') ++at;
        if (at == port_start || at - port_start > 5) return 0;
    }
    if (at < rest.size() && rest[at] != '/' && rest[at] != '?' && rest[at] != '#') return 0;
    return at;
}

// An absolute http(s) URL that resolving and encoding leave as it is, and that is safe to link to.
bool is_plain_absolute(std::string_view url) {
    std::size_t scheme_length = 0;
    if (url.substr(0, 8) == "https://")
        scheme_length = 8;
    else if (url.substr(0, 7) == "http://")
        scheme_length = 7;
    else
        return false;
    const std::size_t authority_length = plain_authority_length(url.substr(scheme_length));
    return authority_length != 0 &&
           is_plain_url_text(url.substr(scheme_length + authority_length), Escapes::any);
}

// The percent-encoded form of an internationalized authority, kept per thread for the next link to
// the same host: a feed's links share a few hosts, and encoding each whole URL again costs more than
// the rest of its check.
class EncodedAuthorities {
  public:
    // `authority` encoded as percent_encode_loosely would encode it inside a URL; empty when that is
    // not a plain authority (see plain_authority_length).
    std::string_view encode(std::string_view authority) {
        for (Slot& slot : slots_)
            if (slot.raw == authority)
                return slot.plain ? std::string_view(slot.encoded) : std::string_view();
        Slot& slot = slots_[next_];
        next_ = (next_ + 1) % slots_.size();
        slot.raw.assign(authority);
        slot.encoded.clear();
        append_percent_encoded_loosely(authority, slot.encoded);
        slot.plain = !slot.encoded.empty() && plain_authority_length(slot.encoded) == slot.encoded.size();
        return slot.plain ? std::string_view(slot.encoded) : std::string_view();
    }

  private:
    struct Slot {
        std::string raw;
        std::string encoded;
        bool plain = false;
    };
    std::array<Slot, 4> slots_;
    std::size_t next_ = 0;
};

// An absolute http(s) URL whose authority needs encoding (an internationalized name) and whose rest
// is plain: what percent_encode_loosely gives when is_plain_absolute holds for that, in `buffer`.
// The authority holds no '#', so encoding it apart leaves the rest's encoding as it was.
bool encode_authority_only(std::string_view url, std::string& buffer) {
    const std::size_t scheme_length = url.starts_with("https://") ? 8 : url.starts_with("http://") ? 7 : 0;
    if (scheme_length == 0) return false;
    std::size_t authority_end = scheme_length;
    while (authority_end < url.size() && url[authority_end] != '/' && url[authority_end] != '?' &&
           url[authority_end] != '#')
        ++authority_end;
    const std::string_view rest = url.substr(authority_end);
    if (!is_plain_url_text(rest, Escapes::any)) return false;
    thread_local EncodedAuthorities authorities;
    const std::string_view authority =
        authorities.encode(url.substr(scheme_length, authority_end - scheme_length));
    if (authority.empty()) return false;
    buffer.assign(url.substr(0, scheme_length));
    buffer.append(authority);
    buffer.append(rest);
    return true;
}

}  // namespace

namespace detail {

UrlResolver::UrlResolver(std::string_view base) : unparsed_base_(base) {}

// Most references in feeds are absolute, so the base is parsed on first need.
const std::optional<boost::urls::url>& UrlResolver::base() const {
    if (base_parsed_) return base_;
    base_parsed_ = true;
    const std::string encoded_base = percent_encode_loosely(trim(unparsed_base_));
    auto parsed = boost::urls::parse_uri(encoded_base);
    if (parsed) base_.emplace(*parsed);
    return base_;
}

void UrlResolver::find_prefixes() const {
    prefixes_found_ = true;
    std::string_view path;
    const std::string_view trimmed = trim(unparsed_base_);
    if (is_plain_absolute(trimmed)) {
        // Encoding and parsing leave such a base as it is: its parts can be cut from the text.
        const std::size_t scheme_length = trimmed[4] == 's' ? 8 : 7;
        origin_length_ = scheme_length + plain_authority_length(trimmed.substr(scheme_length));
        plain_base_offset_ = static_cast<std::size_t>(trimmed.data() - unparsed_base_.data());
        path = path_of(trimmed.substr(origin_length_));
    } else {
        if (!base()) return;
        const auto scheme = base_->scheme_id();
        if ((scheme != boost::urls::scheme::http && scheme != boost::urls::scheme::https) ||
            !is_safe_link(*base_))
            return;
        origin_length_ = base_->scheme().size() + 3 + base_->encoded_authority().size();
        path = base_->encoded_path();
    }
    if (!path.empty() && !may_hold_dot_segments(path) && is_plain_url_text(path, Escapes::normalized))
        directory_length_ = origin_length_ + path.rfind('/') + 1;
}

bool UrlResolver::is_plain_absolute(std::string_view url) {
    return feeds::is_plain_absolute(url);
}

std::string UrlResolver::resolve(std::string_view reference) const {
    std::string buffer;
    std::string_view resolved;
    if (resolve_plain(trim(reference), buffer, resolved)) return std::string(resolved);
    return resolve_checked(reference, false).value_or(std::string());
}

std::optional<std::string> UrlResolver::resolve_link(std::string_view reference) const {
    std::string buffer;
    const auto resolved = resolve_link(reference, buffer);
    if (!resolved) return std::nullopt;
    return std::string(*resolved);
}

std::optional<std::string_view> UrlResolver::resolve_link(std::string_view reference,
                                                          std::string& buffer) const {
    std::string_view resolved;
    if (resolve_plain(trim(reference), buffer, resolved)) return resolved;
    auto checked = resolve_checked(reference, true);
    if (!checked) return std::nullopt;
    buffer = std::move(*checked);
    return std::string_view(buffer);
}

bool UrlResolver::resolve_plain(std::string_view reference, std::string& buffer,
                                std::string_view& resolved) const {
    if (resolve_encoded(reference, buffer, resolved)) return true;
    // Internationalized names and paths, and spaces: the shapes above once encoded.
    if (std::none_of(reference.begin(), reference.end(),
                     [](char c) { return kNeedsEncoding[static_cast<unsigned char>(c)]; }))
        return false;
    if (encode_authority_only(reference, buffer)) {  // an internationalized host, mostly
        resolved = buffer;
        return true;
    }
    encoded_.clear();
    append_percent_encoded_loosely(reference, encoded_);
    if (is_plain_absolute(encoded_)) {
        buffer.swap(encoded_);
        resolved = buffer;
        return true;
    }
    return resolve_encoded(encoded_, buffer, resolved);
}

bool UrlResolver::resolve_encoded(std::string_view reference, std::string& buffer,
                                  std::string_view& resolved) const {
    if (is_plain_absolute(reference)) {
        resolved = reference;
        return true;
    }
    if (reference.empty() || reference[0] == '?' || reference[0] == '#') return false;
    if (!prefixes_found_) find_prefixes();
    if (origin_length_ == 0) return false;
    std::size_t prefix_length;
    if (reference[0] == '/') {
        if (reference.size() > 1 && reference[1] == '/') return false;  // "//host/path"
        prefix_length = origin_length_;
    } else {
        // A ':' in the first segment would make it a scheme (RFC 3986 §4.2). Most such references
        // are absolute URLs with an internationalized host: told apart before their path is read.
        if (directory_length_ == 0 || first_segment_has_colon(reference)) return false;
        prefix_length = directory_length_;
    }
    const std::string_view path = path_of(reference);
    if (may_hold_dot_segments(path) || !is_plain_url_text(reference, Escapes::normalized)) return false;
    const char* prefix =
        plain_base_offset_ ? unparsed_base_.data() + *plain_base_offset_ : base_->buffer().data();
    buffer.assign(prefix, prefix_length);
    buffer.append(reference);
    resolved = buffer;
    return true;
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
    if (!base()) return std::string(trimmed);
    boost::urls::url resolved;
    if (!boost::urls::resolve(*base(), *parsed_reference, resolved)) return std::string(trimmed);
    if (links_only && !is_safe_link(resolved)) return std::nullopt;
    return std::string(resolved.buffer());
}

}  // namespace detail

std::string resolve_url(std::string_view base, std::string_view reference) {
    const std::string_view trimmed = trim(reference);
    if (is_plain_absolute(trimmed)) return std::string(trimmed);
    return detail::UrlResolver(base).resolve(reference);
}

bool is_safe_link_url(std::string_view url) {
    if (is_plain_absolute(trim(url))) return true;
    const std::string encoded = percent_encode_loosely(trim(url));
    const auto parsed = boost::urls::parse_uri(encoded);
    return parsed && is_safe_link(*parsed);
}

}  // namespace feedagg::feeds
