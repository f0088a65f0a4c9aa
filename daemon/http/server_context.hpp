#pragma once
// What the listeners and every session share: the settings, the Catalog, and the open connections.

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "daemon/config/config.hpp"
#include "daemon/http/server.hpp"

namespace feedagg::http::detail {

// Connections stay open while they serve; more than this many requests on one connection and the last
// response says Connection: close, so no client holds a slot forever.
constexpr std::size_t kMaxRequestsPerConnection = 1000;
// Longer request-targets get 414 even when the whole header fits server.max_header_bytes.
constexpr std::size_t kMaxTargetBytes = 4096;

// An open connection as the registry sees it. stop() may be called from any thread.
class Connection {
  public:
    virtual ~Connection() = default;
    // Finish the response in progress, if any, then close; close at once when idle.
    virtual void stop() = 0;
};

// Counts open connections against server.max_connections and reaches them all on stop.
class ConnectionRegistry {
  public:
    explicit ConnectionRegistry(std::size_t limit) : limit_(limit) {}

    // Counts `connection` in; false when the limit is reached or the server is stopping.
    bool enter(const std::shared_ptr<Connection>& connection);
    // Called by a connection as it is destroyed; a no-op for one that never entered.
    void leave(const Connection* connection);
    // Stops every open connection and refuses new ones.
    void stop_all();
    std::size_t size() const;

  private:
    mutable std::mutex mutex_;
    std::size_t limit_;
    bool stopping_ = false;
    std::unordered_map<const Connection*, std::weak_ptr<Connection>> open_;
};

struct ServerContext {
    ServerContext(const config::ServerSettings& settings, std::shared_ptr<Catalog> catalog)
        : settings(settings),
          catalog(std::move(catalog)),
          cache_control("public, max-age=" + std::to_string(settings.cache_max_age.count())),
          connections(settings.max_connections) {}

    config::ServerSettings settings;
    std::shared_ptr<Catalog> catalog;
    std::string cache_control;  // "public, max-age=300", formatted once
    ConnectionRegistry connections;
    // Problems worth an operator's attention (never one line per request); may be empty.
    std::function<void(std::string_view)> log;
};

}  // namespace feedagg::http::detail
