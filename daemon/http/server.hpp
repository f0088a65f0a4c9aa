#pragma once
// The HTTP server that republishes feeds: it serves what a Catalog renders, and owns everything HTTP
// (conditional requests, compression, HEAD, CORS, caching headers, limits and timeouts).

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/config/config.hpp"

namespace feedagg::http {

// One rendered response body, built once per change of the store and shared by every request.
struct Representation {
    std::string content_type;  // "application/atom+xml; charset=utf-8"
    std::string body;
    std::string gzip_body;  // the body gzip-compressed, made once; empty when not worth it
    std::string etag;       // a strong validator, quoted: "\"5f3a...\""
    std::chrono::system_clock::time_point last_modified;
};

struct CatalogRequest {
    std::string_view path;   // "/feeds/union-news.atom", without the query
    std::string_view query;  // "limit=20&after=..." (raw)
    std::string_view base_url;  // "http://host:port" the client used, or server.public_base_url
};

// What the server serves. Implemented by the daemon over the store; thread-safe.
class Catalog {
public:
    virtual ~Catalog() = default;
    // nullptr means 404. A std::string error (bad query) means 400 with that text.
    struct Answer {
        std::shared_ptr<const Representation> representation;
        std::string bad_request;
    };
    virtual Answer find(const CatalogRequest& request) = 0;
};

// Health and metrics are rendered by the daemon too, but are never cached by clients.
class Server {
public:
    Server(boost::asio::io_context& io, const config::ServerSettings& settings, std::shared_ptr<Catalog> catalog);
    ~Server();

    // Binds every listen address; throws std::runtime_error naming the address that failed.
    void start();
    // Stops accepting; open connections finish their current response and close.
    void stop();

    // The ports actually bound (useful with port 0 in tests), in listen order.
    std::vector<unsigned short> bound_ports() const;

private:
    struct State;
    std::shared_ptr<State> state_;
};

}  // namespace feedagg::http
