#pragma once
// The HTTP decisions for one parsed request: method, target, Catalog lookup, conditional request,
// content coding, CORS and caching headers. No I/O: the session writes what this decides.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/http/server.hpp"
#include "daemon/http/server_context.hpp"

namespace feedagg::http::detail {

// The parts of a request the server reads. Absent headers are empty.
struct RequestHead {
    std::string_view method;
    std::string_view target;
    unsigned version = 11;  // 10 or 11
    bool has_host = false;  // RFC 9112 §3.2: an HTTP/1.1 request without Host is a 400
    std::string_view host;
    std::string_view local_authority;  // "127.0.0.1:8080", for base_url when an HTTP/1.0 client sends no Host
    std::string_view if_none_match;
    bool has_if_none_match = false;
    std::string_view if_modified_since;
    std::string_view accept_encoding;
    std::string_view origin;
    std::string_view access_control_request_method;
    std::string_view access_control_request_headers;
};

struct Reply {
    unsigned status = 200;
    // Names are string literals; Server, Date, Content-Length and Connection are the session's to add.
    std::vector<std::pair<std::string_view, std::string>> headers;
    std::shared_ptr<const Representation> representation;  // the body's owner when set
    bool gzip = false;                                     // send representation->gzip_body
    std::string text;                                      // the body when there is no representation
    bool head = false;                                     // HEAD: Content-Length of the body, no body

    std::string_view body() const;
    // 1xx, 204 and 304 have no content and no Content-Length (RFC 9110 §8.6).
    bool has_content() const { return status >= 200 && status != 204 && status != 304; }
};

Reply respond(const RequestHead& request, const ServerContext& context);

// A short text/plain error: "404 Not Found: /feeds/x.atom\n".
Reply error_reply(unsigned status, std::string_view detail);

}  // namespace feedagg::http::detail
