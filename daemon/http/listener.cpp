#include "daemon/http/listener.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <charconv>
#include <stdexcept>
#include <string>

#include "daemon/http/session.hpp"

namespace feedagg::http::detail {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);
// After an accept error such as EMFILE, wait before retrying instead of spinning on the error.
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(100);

std::runtime_error listen_error(std::string_view text, std::string_view problem) {
    return std::runtime_error("server.listen \"" + std::string(text) + "\": " + std::string(problem));
}

}  // namespace

std::vector<tcp::endpoint> resolve_listen_address(asio::io_context& io, std::string_view text) {
    std::string_view host;
    std::string_view port_text;
    if (!text.empty() && text.front() == '[') {
        std::size_t close = text.find(']');
        if (close == std::string_view::npos || text.substr(close + 1, 1) != ":") {
            throw listen_error(text, "an IPv6 address is written \"[address]:port\"");
        }
        host = text.substr(1, close - 1);
        port_text = text.substr(close + 2);
    } else {
        std::size_t colon = text.rfind(':');
        if (colon == std::string_view::npos || text.find(':') != colon) {
            throw listen_error(text, "expected \"host:port\" (IPv6 as \"[::1]:8080\")");
        }
        host = text.substr(0, colon);
        port_text = text.substr(colon + 1);
    }
    unsigned port = 0;
    auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (port_text.empty() || error != std::errc() || end != port_text.data() + port_text.size() ||
        port > 65535) {
        throw listen_error(text, "the port must be a number from 0 to 65535");
    }
    if (host.empty())
        throw listen_error(text, "the host is missing (\"0.0.0.0\" or \"[::]\" for every address)");

    boost::system::error_code ec;
    auto address = asio::ip::make_address(std::string(host), ec);
    if (!ec) return {tcp::endpoint(address, static_cast<unsigned short>(port))};
    tcp::resolver resolver(io);
    auto results = resolver.resolve(std::string(host), std::to_string(port),
                                    tcp::resolver::numeric_service | tcp::resolver::passive, ec);
    if (ec || results.empty()) throw listen_error(text, "cannot resolve the host: " + ec.message());
    std::vector<tcp::endpoint> endpoints;
    for (const auto& entry : results) endpoints.push_back(entry.endpoint());
    return endpoints;
}

Listener::Listener(asio::io_context& io, const tcp::endpoint& endpoint,
                   std::shared_ptr<ServerContext> context,
                   std::function<asio::any_io_executor()> connection_executor)
    : acceptor_(asio::make_strand(io)),
      connection_executor_(std::move(connection_executor)),
      context_(std::move(context)) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    // "[::]:8080" and "0.0.0.0:8080" may both be listed: keep the IPv6 socket from claiming IPv4 too.
    if (endpoint.address().is_v6()) acceptor_.set_option(asio::ip::v6_only(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    port_ = acceptor_.local_endpoint().port();
}

void Listener::start() {
    asio::co_spawn(acceptor_.get_executor(), accept_loop(shared_from_this()), asio::detached);
}

void Listener::stop() {
    asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
        boost::system::error_code ignored;
        self->acceptor_.close(ignored);
    });
}

// `self` keeps the listener alive for as long as the loop runs.
asio::awaitable<void> Listener::accept_loop(std::shared_ptr<Listener> /*self*/) {
    asio::steady_timer retry_timer(acceptor_.get_executor());
    bool failing = false;
    while (acceptor_.is_open()) {
        auto [ec, socket] = co_await acceptor_.async_accept(connection_executor_(), kUseTuple);
        if (ec == asio::error::operation_aborted || !acceptor_.is_open()) break;
        if (ec) {
            // Logged once per run of failures: EMFILE would otherwise log ten lines a second.
            if (!failing && context_->log)
                context_->log("http: accept failed error=\"" + ec.message() + "\"; retrying");
            failing = true;
            retry_timer.expires_after(kAcceptRetryDelay);
            co_await retry_timer.async_wait(kUseTuple);
            continue;
        }
        failing = false;
        serve_connection(std::move(socket), context_);
    }
}

}  // namespace feedagg::http::detail
