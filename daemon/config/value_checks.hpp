#pragma once
// Internal to daemon/config: checks of single values. Each returns nothing when the value is good,
// else the problem in words that complete a sentence starting with the value ("needs a unit", ...).

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace feedagg::config::detail {

using Problem = std::optional<std::string>;

// Source, channel and tag names: [a-z0-9_-]+, because they appear in URL paths and log fields.
Problem check_name(std::string_view name);

// "host:port" with an IPv4 literal, or "[v6]:port"; port 1..65535.
Problem check_listen_address(std::string_view address);

// "10.0.0.0/8", "::1/128": an address and a prefix length, host bits zero.
Problem check_network(std::string_view cidr);

// An http or https URL with a host.
Problem check_web_url(std::string_view url);

// A source URL: http(s) with a host, or file: with a path (relative paths are allowed here and
// resolved later against the config file's directory).
Problem check_source_url(std::string_view url);

// An ECMAScript regular expression, compiled case-insensitively as channel filters use it.
Problem check_regex(std::string_view pattern);

// A duration text ("15m", "1h30m") between `minimum` and `maximum`.
Problem check_duration(std::string_view text, std::chrono::seconds minimum, std::chrono::seconds maximum);

// "zh-CN", "en": a BCP 47 language tag, loosely (letters, digits and hyphens in short subtags).
Problem check_language(std::string_view tag);

// The candidate closest to `word` by edit distance, when close enough to be a likely typo.
std::optional<std::string_view> closest_word(std::string_view word,
                                             std::span<const std::string_view> candidates);

// A value in double quotes for a message; control characters blanked and long values cut, so that one
// error stays on one line.
std::string quoted_value(std::string_view text);

// "1h30m" for 5400 seconds; "0s" for zero.
std::string format_duration(std::chrono::seconds duration);

}  // namespace feedagg::config::detail
