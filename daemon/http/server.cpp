#include "daemon/http/server.hpp"

#include <atomic>
#include <boost/asio/strand.hpp>
#include <boost/system/system_error.hpp>
#include <stdexcept>

#include "daemon/http/listener.hpp"
#include "daemon/http/server_context.hpp"

namespace feedagg::http {

namespace detail {

bool ConnectionRegistry::enter(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(mutex_);
    if (stopping_ || open_.size() >= limit_) return false;
    open_.emplace(connection.get(), connection);
    return true;
}

void ConnectionRegistry::leave(const Connection* connection) {
    std::lock_guard lock(mutex_);
    open_.erase(connection);
}

void ConnectionRegistry::stop_all() {
    std::vector<std::shared_ptr<Connection>> open;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        for (auto& [key, weak] : open_) {
            if (auto connection = weak.lock()) open.push_back(std::move(connection));
        }
    }
    for (auto& connection : open) connection->stop();
}

std::size_t ConnectionRegistry::size() const {
    std::lock_guard lock(mutex_);
    return open_.size();
}

}  // namespace detail

struct Server::State {
    std::vector<boost::asio::io_context*> threads;
    std::shared_ptr<detail::ServerContext> context;
    std::vector<std::shared_ptr<detail::Listener>> listeners;
    bool started = false;
};

namespace {

// One io_context may be run by several threads: each connection then gets a strand. Several are
// each run by one thread: connections take turns among them and need none.
std::function<boost::asio::any_io_executor()> connection_executors(
    std::vector<boost::asio::io_context*> threads) {
    if (threads.size() == 1) return [io = threads.front()] { return boost::asio::make_strand(*io); };
    auto next = std::make_shared<std::atomic<std::size_t>>(0);
    return [threads = std::move(threads), next]() -> boost::asio::any_io_executor {
        return threads[(*next)++ % threads.size()]->get_executor();
    };
}

}  // namespace

Server::Server(boost::asio::io_context& io, const config::ServerSettings& settings,
               std::shared_ptr<Catalog> catalog)
    : Server(std::vector<boost::asio::io_context*>{&io}, settings, std::move(catalog)) {}

Server::Server(std::vector<boost::asio::io_context*> threads, const config::ServerSettings& settings,
               std::shared_ptr<Catalog> catalog)
    : state_(std::make_shared<State>()) {
    if (threads.empty()) throw std::invalid_argument("http::Server needs an io_context");
    state_->threads = std::move(threads);
    state_->context = std::make_shared<detail::ServerContext>(settings, std::move(catalog));
}

Server::~Server() {
    stop();
}

void Server::set_log(std::function<void(std::string_view message)> log) {
    state_->context->log = std::move(log);
}

void Server::start() {
    if (state_->started) throw std::logic_error("http::Server::start called twice");
    const auto& listen = state_->context->settings.listen;
    if (listen.empty()) throw std::runtime_error("server.listen: no address to listen on");
    std::vector<std::shared_ptr<detail::Listener>> listeners;
    const auto connection_executor = connection_executors(state_->threads);
    for (const std::string& address : listen) {
        for (const auto& endpoint : detail::resolve_listen_address(*state_->threads.front(), address)) {
            try {
                listeners.push_back(std::make_shared<detail::Listener>(*state_->threads.front(), endpoint,
                                                                       state_->context, connection_executor));
            } catch (const boost::system::system_error& error) {
                throw std::runtime_error("server.listen \"" + address +
                                         "\": cannot listen: " + error.code().message());
            }
        }
    }
    // Nothing is accepted until every address is bound, so a failure leaves no half-started server.
    for (auto& listener : listeners) listener->start();
    state_->listeners = std::move(listeners);
    state_->started = true;
}

void Server::stop() {
    for (auto& listener : state_->listeners) listener->stop();
    state_->context->connections.stop_all();
}

std::vector<unsigned short> Server::bound_ports() const {
    std::vector<unsigned short> ports;
    for (const auto& listener : state_->listeners) ports.push_back(listener->port());
    return ports;
}

}  // namespace feedagg::http
