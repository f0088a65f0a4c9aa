#pragma once
// HTTP-date (RFC 9110 §5.6.7), used by Date, Last-Modified and If-Modified-Since.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace feedagg::http {

// IMF-fixdate, the only form a sender may generate: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string format_http_date(std::chrono::system_clock::time_point time);

// Accepts the three forms a recipient must: IMF-fixdate, RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT",
// two-digit years read as 1970-2069) and asctime ("Sun Nov  6 08:49:37 1994"). Nothing for anything else.
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text);

}  // namespace feedagg::http
