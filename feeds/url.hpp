#pragma once
// URL operations, all through Boost.URL.

#include <string>
#include <string_view>

namespace feedagg::feeds {

// Resolves `reference` against `base` (RFC 3986 §5). Surrounding whitespace is trimmed, and spaces,
// non-ASCII and other bytes URIs cannot hold are percent-encoded first, as browsers do. An
// absolute reference is returned (encoded) without looking at the base. Returns the reference
// trimmed and unchanged when it cannot be parsed or is relative and the base is not absolute.
std::string resolve_url(std::string_view base, std::string_view reference);

// True for absolute URLs whose scheme is safe to link to (http, https, ftp, mailto, ...).
bool is_safe_link_url(std::string_view url);

}  // namespace feedagg::feeds
