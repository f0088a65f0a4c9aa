#pragma once
// Fetching a source's document over HTTP(S) or from a file, politely and within hard limits.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "daemon/config/config.hpp"

namespace feedagg::fetch {

struct FetchRequest {
    std::string url;            // http, https or file
    std::string etag;           // sent as If-None-Match when not empty
    std::string last_modified;  // sent as If-Modified-Since when not empty
};

struct FetchResponse {
    int status = 0;              // the final status: 200, 304, 404, 410, 429, 503, ...
    std::string body;            // decoded (gzip, deflate, br); at most fetch.max_body_bytes
    std::string content_type;    // as sent, e.g. "application/rss+xml; charset=gbk"
    std::string charset;         // the charset parameter of Content-Type, when given
    std::string etag;
    std::string last_modified;
    std::string final_url;           // after redirects
    std::string permanent_redirect;  // the final URL when every redirect on the way was permanent (301, 308)
    std::optional<std::chrono::seconds> retry_after;  // Retry-After (seconds or HTTP-date) on any status
    std::optional<std::chrono::seconds> max_age;      // Cache-Control max-age, else Expires - Date
    std::size_t wire_bytes = 0;  // bytes received (headers and bodies of every hop), before decoding
    std::chrono::milliseconds elapsed{0};  // from the first request sent; time queued behind limits excluded
};

enum class FetchErrorKind {
    invalid_url,
    refused_address,  // resolved to loopback/private/link-local/multicast not in fetch.allowed_networks
    file_access,      // a file:// URL outside fetch.file_roots, or unreadable
    dns,
    connect,
    tls,  // handshake or certificate verification failed
    timeout,
    too_large,  // body (or decompressed body) over fetch.max_body_bytes
    too_many_redirects,
    protocol,  // malformed HTTP, bad encoding, ...
};

struct FetchError {
    FetchErrorKind kind = FetchErrorKind::protocol;
    std::string message;  // says what and where: "connect to 203.0.113.5:443: timed out after 10s"
};

using FetchResult = std::variant<FetchResponse, FetchError>;

std::string_view to_string(FetchErrorKind kind);

// One per daemon. Limits concurrency globally and per host, and bounds every wait (connect, read,
// total) and every buffer. Never throws for network trouble: failures come back as FetchError.
// docs/fetching.md describes the limits, the address rules and every error.
//
// fetch() may be called from coroutines on any executor and thread: the network work of every fetch
// runs on one strand of `executor`. The Fetcher must outlive the fetches it started. The constructor
// throws std::invalid_argument when fetch.allowed_networks holds something that is not a CIDR network.
class Fetcher {
public:
    Fetcher(boost::asio::any_io_executor executor, config::FetchSettings settings);
    ~Fetcher();
    Fetcher(const Fetcher&) = delete;
    Fetcher& operator=(const Fetcher&) = delete;

    boost::asio::awaitable<FetchResult> fetch(FetchRequest request);

    // Connections kept open for later requests watch for the upstream closing them and for their
    // idle time to end, which keeps an io_context running: a caller about to finish closes them.
    boost::asio::awaitable<void> close_idle_connections();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace feedagg::fetch
