#pragma once
// One HTTP/1.1 request and its response, over a kept connection to the same origin or a new TCP or
// TLS one: resolve, check every address against the policy, connect only to the permitted ones,
// verify TLS, read within limits and decode. Redirects are not followed here; the Fetcher does that.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <string>
#include <variant>

#include "daemon/config/config.hpp"
#include "daemon/fetch/address_policy.hpp"
#include "daemon/fetch/connection_pool.hpp"
#include "daemon/fetch/fetcher.hpp"
#include "daemon/fetch/http_target.hpp"

namespace boost::asio::ssl {
class context;
}

namespace feedagg::fetch::detail {

// Response headers the fetcher never lets grow past this (status line and fields together).
constexpr std::size_t max_header_bytes = 64 * 1024;

struct HttpExchange {
    const HttpTarget& target;
    const FetchRequest& request;  // for If-None-Match / If-Modified-Since
    const config::FetchSettings& settings;
    const AddressPolicy& policy;
    boost::asio::ssl::context* tls;  // set for https targets
    ConnectionPool& pool;
    std::chrono::steady_clock::time_point deadline;  // the end of the whole fetch (total timeout)
};

struct HttpReply {
    int status = 0;
    std::string body;  // decoded; empty for redirects, which are not read further than their headers
    std::string content_type;
    std::string etag;
    std::string last_modified;
    std::string location;
    std::string retry_after;
    std::string cache_control;
    std::string expires;
    std::string date;
    std::size_t wire_bytes = 0;  // header and body bytes as received
};

// Runs on the calling coroutine's executor. Messages in FetchError say where ("connect to
// 203.0.113.5:443: ..."); the caller adds the URL.
boost::asio::awaitable<std::variant<HttpReply, FetchError>> exchange_http(HttpExchange exchange);

bool is_redirect_status(int status);

}  // namespace feedagg::fetch::detail
