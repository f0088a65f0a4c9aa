#pragma once
// HTTP/1.1 keep-alive: a connection whose response was read to its end, and which the upstream did
// not ask to close, waits here for the next request to the same origin. An idle connection leaves
// when the upstream closes it (or sends anything unasked), when it has been idle for
// fetch.keep_alive, or when newer ones push it out. Not thread-safe: the Fetcher uses it, and its
// connections' handlers run, on the Fetcher's strand.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "daemon/fetch/http_target.hpp"

namespace feedagg::fetch::detail {

struct Connection {
    using Plain = boost::beast::tcp_stream;
    using Secure = boost::beast::ssl_stream<boost::beast::tcp_stream>;

    explicit Connection(const boost::asio::any_io_executor& executor);
    Connection(const boost::asio::any_io_executor& executor, boost::asio::ssl::context& tls);

    boost::beast::tcp_stream& tcp();

    std::variant<Plain, Secure> stream;
    std::string peer;  // "203.0.113.5:443", for messages
    boost::asio::steady_timer idle_timer;
    std::uint64_t idle_spell = 0;  // tells a watcher of an earlier idle spell from the current one
};

// "https://example.org:443": connections are shared by requests with the same scheme, host and port.
std::string origin_of(const HttpTarget& target);

class ConnectionPool {
  public:
    // An idle_limit of zero keeps nothing: every request gets a connection of its own.
    ConnectionPool(std::chrono::milliseconds idle_limit, std::size_t per_origin, std::size_t total);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    bool keeps_connections() const { return idle_limit_.count() > 0; }

    // The connection to `origin` kept most recently, or null.
    std::shared_ptr<Connection> take(const std::string& origin);
    void keep(const std::string& origin, std::shared_ptr<Connection> connection);
    void close_all() { idle_.clear(); }

  private:
    struct Idle {
        std::string origin;
        std::shared_ptr<Connection> connection;
    };

    void watch(const std::shared_ptr<Connection>& connection);
    void drop(const Connection& connection, std::uint64_t spell);
    void remove(std::vector<Idle>::iterator idle);

    std::chrono::milliseconds idle_limit_;
    std::size_t per_origin_;
    std::size_t total_;
    std::vector<Idle> idle_;  // oldest first; never more than `total_`, so a scan is cheap
};

}  // namespace feedagg::fetch::detail
