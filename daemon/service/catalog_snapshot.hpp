#pragma once
// Reading from the store what the catalog serves, and what retention may delete.

#include <memory>

#include "daemon/config/config.hpp"
#include "daemon/service/channel_feed.hpp"
#include "daemon/service/feed_catalog.hpp"
#include "daemon/store/store.hpp"

namespace feedagg::service {

// A configuration as the catalog reads it: each channel's filters compiled once per configuration,
// not once per rebuild.
struct CatalogPlan {
    explicit CatalogPlan(config::Config configuration);

    config::Config config;
    std::vector<ChannelSelection> channels;  // in the order of config.channels
};

// Each channel's items (its sources', through its filters, newest first, at most max_items) and the
// state of every configured source. Runs on the store's thread.
std::shared_ptr<CatalogSnapshot> read_catalog_snapshot(store::Store& store, const CatalogPlan& plan);

// Deletes items past each source's limits, keeping whatever a channel in `snapshot` shows.
std::size_t apply_retention(store::Store& store, const config::Config& config,
                            const CatalogSnapshot& snapshot, feeds::Timestamp now);

}  // namespace feedagg::service
