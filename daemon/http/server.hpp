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
#include "daemon/http/representation.hpp"

namespace feedagg::http {

struct CatalogRequest {
    std::string_view path;      // "/feeds/union-news.atom", percent-decoded, without the query
    std::string_view query;     // "limit=20&after=..." (raw)
    std::string_view base_url;  // "http://host:port" the client used, or server.public_base_url
};

// What the server serves. Implemented by the daemon over the store; thread-safe.
class Catalog {
  public:
    virtual ~Catalog() = default;
    // A null representation means 404; a non-empty bad_request (a bad query) means 400 with that text.
    // An exception is answered with 500 and logged.
    struct Answer {
        std::shared_ptr<const Representation> representation;
        std::string bad_request;
    };
    virtual Answer find(const CatalogRequest& request) = 0;
};

// Serves a Catalog on every server.listen address, on whatever threads run `io`. Behaviour, limits and
// status codes: docs/http.md. Health and metrics are rendered by the daemon too; their Representations
// set cacheable = false so clients never cache them.
class Server {
  public:
    Server(boost::asio::io_context& io, const config::ServerSettings& settings,
           std::shared_ptr<Catalog> catalog);
    // Connections spread over `threads`, io_contexts each run by exactly one thread: a connection's
    // work needs no strand, and the threads share no scheduler. Accepting runs on the first.
    Server(std::vector<boost::asio::io_context*> threads, const config::ServerSettings& settings,
           std::shared_ptr<Catalog> catalog);
    ~Server();

    // Where the server reports what an operator should see (a failing Catalog, accept errors such as
    // running out of file descriptors); never one line per request. Call before start().
    void set_log(std::function<void(std::string_view message)> log);

    // Binds every listen address; throws std::runtime_error naming the address that failed.
    void start();
    // Stops accepting; open connections finish their current response and close. Thread-safe; the
    // destructor calls it too.
    void stop();

    // The ports actually bound (useful with port 0 in tests), in listen order.
    std::vector<unsigned short> bound_ports() const;

  private:
    struct State;
    std::shared_ptr<State> state_;
};

}  // namespace feedagg::http
