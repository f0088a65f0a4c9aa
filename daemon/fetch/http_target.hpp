#pragma once
// What an http(s) URL asks for, in the pieces a request needs.

#include <string>
#include <string_view>
#include <variant>

namespace feedagg::fetch::detail {

struct HttpTarget {
    bool tls = false;
    std::string host;        // lower-case; an IPv6 literal without brackets
    std::string port;        // "80", "443" or as written
    std::string target;      // origin-form request target: path and query, at least "/"
    std::string host_field;  // the Host header: host[:port], IPv6 in brackets
};

// An http or https URL with a host, or a message saying why not.
std::variant<HttpTarget, std::string> parse_http_target(std::string_view url);

// "http", "https", "file", ... lower-cased; empty when `url` has no scheme.
std::string scheme_of(std::string_view url);

}  // namespace feedagg::fetch::detail
