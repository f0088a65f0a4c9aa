#pragma once
// Reading the response header fields the scheduler acts on. Pure functions of the field values.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace feedagg::fetch::detail {

// The charset parameter of a Content-Type value ("text/xml; charset="GBK"" -> "GBK"), unquoted;
// empty when there is none.
std::string charset_of(std::string_view content_type);

// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, as a delay from `now` (never negative).
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::chrono::sys_seconds now);

// How long the response stays fresh (RFC 9111 §4.2.1): Cache-Control max-age, else Expires minus Date
// (or `now` without a Date). An Expires that is not a date means already stale (§5.3): zero.
std::optional<std::chrono::seconds> parse_freshness(std::string_view cache_control, std::string_view expires,
                                                    std::string_view date, std::chrono::sys_seconds now);

}  // namespace feedagg::fetch::detail
