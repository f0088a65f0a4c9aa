#pragma once
// What the HTTP server serves, rendered from the latest snapshot of the store: channel feeds in three
// formats and as a page, the index, OPML, health and metrics. A representation is rendered once per
// snapshot (and per base URL and page) and then shared by every request.

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "daemon/config/config.hpp"
#include "daemon/http/server.hpp"
#include "daemon/service/metrics.hpp"
#include "daemon/store/store.hpp"

namespace feedagg::service {

struct ChannelSnapshot {
    config::Channel channel;
    std::vector<store::StoredItem> items;  // what the channel shows, newest first, at most max_items
    std::vector<std::int64_t> shown_ids;   // every stored item behind `items`, stories' reposts included
};

// The store as of one generation, reduced to what is served.
struct CatalogSnapshot {
    std::uint64_t generation = 0;
    std::chrono::system_clock::time_point taken;
    std::vector<ChannelSnapshot> channels;
    std::vector<config::Source> sources;
    std::map<std::string, store::SourceState, std::less<>> source_states;
};

class FeedCatalog : public http::Catalog {
  public:
    FeedCatalog(config::ServerSettings settings, std::shared_ptr<Metrics> metrics);

    // Replaces what is served; thread-safe. Representations of the previous snapshot are dropped.
    void publish(std::shared_ptr<const CatalogSnapshot> snapshot);
    std::shared_ptr<const CatalogSnapshot> snapshot() const;

    Answer find(const http::CatalogRequest& request) override;

  private:
    std::shared_ptr<const http::Representation> render(const http::CatalogRequest& request,
                                                       const CatalogSnapshot& snapshot,
                                                       std::string& bad_request) const;

    config::ServerSettings settings_;
    std::shared_ptr<Metrics> metrics_;
    mutable std::mutex mutex_;
    std::shared_ptr<const CatalogSnapshot> snapshot_;
    std::map<std::string, std::shared_ptr<const http::Representation>> cache_;  // for `snapshot_` only
};

}  // namespace feedagg::service
