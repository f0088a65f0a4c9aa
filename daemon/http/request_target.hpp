#pragma once
// The request-target (RFC 9112 §3.2) split into the decoded path the Catalog looks up and the raw query.

#include <string>
#include <string_view>

#include "feeds/result.hpp"

namespace feedagg::http {

struct RequestTarget {
    std::string path;        // percent-decoded: "/feeds/union news.atom"
    std::string_view query;  // raw, without "?", a view into the target
};

// Accepts origin-form ("/p?q") and absolute-form ("http://host/p?q", whose authority is ignored).
// Errors, with the text sent as the 400 body: a malformed percent escape, an encoded NUL, or a "." or
// ".." segment (decoded or not), which could otherwise walk out of the path space.
feeds::Result<RequestTarget> parse_request_target(std::string_view target);

}  // namespace feedagg::http
