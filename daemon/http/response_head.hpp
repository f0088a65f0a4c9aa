#pragma once
// The status line and header fields of a response, written as one block of text: the serving path's
// hot loop, where a general HTTP serializer cost more than the rest of a 304 together.

#include <string>
#include <string_view>

#include "daemon/http/respond.hpp"

namespace feedagg::http::detail {

// Replaces `out` with the head of `reply` (status line, Server, Date, the reply's fields,
// Content-Length when it has content, Connection as `keep_alive` and HTTP `version` need it, and the
// blank line). `out` keeps its capacity from response to response.
void write_response_head(std::string& out, const Reply& reply, unsigned version, bool keep_alive,
                         std::string_view date);

}  // namespace feedagg::http::detail
