#pragma once
// Accepts connections on one bound address and hands each to a session.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "daemon/http/server_context.hpp"

namespace feedagg::http::detail {

// "127.0.0.1:8080", "[::1]:8080", "localhost:0" -> the endpoints to bind (a name may resolve to
// several). Throws std::runtime_error naming the address when it cannot be read or resolved.
std::vector<boost::asio::ip::tcp::endpoint> resolve_listen_address(boost::asio::io_context& io,
                                                                   std::string_view text);

class Listener : public std::enable_shared_from_this<Listener> {
  public:
    // Binds and listens at once; throws boost::system::system_error when the address is unusable.
    // `connection_executor` gives the executor each accepted connection runs on.
    Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
             std::shared_ptr<ServerContext> context,
             std::function<boost::asio::any_io_executor()> connection_executor);

    void start();
    // Closes the acceptor; connections already accepted are not affected. Thread-safe.
    void stop();
    unsigned short port() const { return port_; }

  private:
    boost::asio::awaitable<void> accept_loop(std::shared_ptr<Listener> self);

    boost::asio::ip::tcp::acceptor acceptor_;  // on its own strand
    std::function<boost::asio::any_io_executor()> connection_executor_;
    std::shared_ptr<ServerContext> context_;
    unsigned short port_ = 0;
};

}  // namespace feedagg::http::detail
