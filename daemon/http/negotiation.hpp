#pragma once
// Reading the request headers that choose between representations or make a request conditional.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace feedagg::http {

// RFC 9110 §12.5.3: true when Accept-Encoding gives gzip (or x-gzip, or "*" when gzip is not named) a
// non-zero quality. An absent header is represented by the empty string and yields false: identity is
// always acceptable, so sending it is never wrong.
bool accepts_gzip(std::string_view accept_encoding);

// RFC 9110 §13.1.2: true when If-None-Match is "*" or lists an entity tag that weakly matches one of
// `current` (weak comparison: W/ prefixes are ignored, the opaque tags must be equal).
bool if_none_match_matches(std::string_view if_none_match, std::initializer_list<std::string_view> current);

// The Access-Control-Allow-Origin value for a request's Origin given the configured origins: "*" when
// "*" is configured, the origin itself when it is listed exactly, and empty otherwise.
std::string_view allowed_origin(const std::vector<std::string>& configured, std::string_view origin);

// True when some configured origins are exact (not "*"): responses then vary by Origin.
bool origins_vary(const std::vector<std::string>& configured);

}  // namespace feedagg::http
