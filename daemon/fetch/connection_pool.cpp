#include "daemon/fetch/connection_pool.hpp"

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>

namespace feedagg::fetch::detail {

namespace asio = boost::asio;

Connection::Connection(const asio::any_io_executor& executor)
    : stream(std::in_place_type<Plain>, executor), idle_timer(executor) {}

Connection::Connection(const asio::any_io_executor& executor, asio::ssl::context& tls)
    : stream(std::in_place_type<Secure>, executor, tls), idle_timer(executor) {}

boost::beast::tcp_stream& Connection::tcp() {
    if (auto* secure = std::get_if<Secure>(&stream)) return secure->next_layer();
    return std::get<Plain>(stream);
}

std::string origin_of(const HttpTarget& target) {
    return (target.tls ? "https://" : "http://") + target.host + ":" + target.port;
}

ConnectionPool::ConnectionPool(std::chrono::milliseconds idle_limit, std::size_t per_origin,
                               std::size_t total)
    : idle_limit_(idle_limit),
      per_origin_(std::max<std::size_t>(per_origin, 1)),
      total_(std::max<std::size_t>(total, 1)) {}

ConnectionPool::~ConnectionPool() = default;

std::shared_ptr<Connection> ConnectionPool::take(const std::string& origin) {
    auto newest =
        std::find_if(idle_.rbegin(), idle_.rend(), [&](const Idle& idle) { return idle.origin == origin; });
    if (newest == idle_.rend()) return nullptr;
    auto connection = std::move(newest->connection);
    idle_.erase(std::next(newest).base());
    ++connection->idle_spell;
    connection->idle_timer.cancel();
    boost::system::error_code ignored;
    connection->tcp().socket().cancel(ignored);
    return connection;
}

void ConnectionPool::keep(const std::string& origin, std::shared_ptr<Connection> connection) {
    if (!keeps_connections()) return;
    const auto same_origin = [&](const Idle& idle) { return idle.origin == origin; };
    if (static_cast<std::size_t>(std::count_if(idle_.begin(), idle_.end(), same_origin)) >= per_origin_) {
        remove(std::find_if(idle_.begin(), idle_.end(), same_origin));
    }
    if (idle_.size() >= total_) remove(idle_.begin());
    watch(connection);
    idle_.push_back(Idle{origin, std::move(connection)});
}

// Handlers hold the connection weakly: a connection that is gone was dropped with the pool, or earlier;
// one still alive is idle here or in use by a fetch, and either way the pool is still there.
void ConnectionPool::watch(const std::shared_ptr<Connection>& connection) {
    const std::uint64_t spell = ++connection->idle_spell;
    const std::weak_ptr<Connection> watched = connection;
    const auto leave = [this, watched, spell](const boost::system::error_code& error) {
        if (error == asio::error::operation_aborted) return;
        if (auto alive = watched.lock()) drop(*alive, spell);
    };
    connection->idle_timer.expires_after(idle_limit_);
    connection->idle_timer.async_wait(leave);
    connection->tcp().socket().async_wait(asio::ip::tcp::socket::wait_read, leave);
}

void ConnectionPool::drop(const Connection& connection, std::uint64_t spell) {
    if (connection.idle_spell != spell) return;
    auto found = std::find_if(idle_.begin(), idle_.end(),
                              [&](const Idle& idle) { return idle.connection.get() == &connection; });
    if (found != idle_.end()) remove(found);
}

void ConnectionPool::remove(std::vector<Idle>::iterator idle) {
    ++idle->connection->idle_spell;
    idle_.erase(idle);  // the last owner: closing the socket cancels its watchers
}

}  // namespace feedagg::fetch::detail
