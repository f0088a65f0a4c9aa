#include "daemon/service/catalog_snapshot.hpp"

namespace feedagg::service {
namespace {

// A channel whose filters reject most items reads this many pages at most before it settles for
// fewer than max_items: bounded work per refresh whatever the filters.
constexpr int max_pages_per_channel = 20;

std::vector<store::StoredItem> channel_items(store::Store& store, const ChannelSelection& selection) {
    std::vector<store::StoredItem> shown;
    const std::size_t wanted = selection.channel().max_items;
    if (selection.source_names().empty()) return shown;
    store::ItemQuery query;
    query.sources = selection.source_names();
    query.limit = std::max<std::size_t>(wanted, 50);
    for (int page = 0; page < max_pages_per_channel && shown.size() < wanted; ++page) {
        const auto items = store.items(query);
        for (const auto& item : items) {
            if (shown.size() < wanted && selection.accepts(item.entry)) shown.push_back(item);
        }
        if (items.size() < query.limit) break;
        query.after = store::ItemCursor{items.back().sort_time, items.back().id};
    }
    return shown;
}

}  // namespace

CatalogPlan::CatalogPlan(config::Config configuration) : config(std::move(configuration)) {
    channels.reserve(config.channels.size());
    for (const auto& channel : config.channels) channels.emplace_back(channel, config.sources);
}

std::shared_ptr<CatalogSnapshot> read_catalog_snapshot(store::Store& store, const CatalogPlan& plan) {
    const config::Config& config = plan.config;
    auto snapshot = std::make_shared<CatalogSnapshot>();
    snapshot->generation = store.generation();
    snapshot->taken = std::chrono::system_clock::now();
    snapshot->sources = config.sources;
    for (const auto& source : config.sources) {
        if (auto state = store.source_state(source.name))
            snapshot->source_states.emplace(source.name, std::move(*state));
    }
    for (const auto& selection : plan.channels) {
        snapshot->channels.push_back(ChannelSnapshot{selection.channel(), channel_items(store, selection)});
    }
    return snapshot;
}

std::size_t apply_retention(store::Store& store, const config::Config& config,
                            const CatalogSnapshot& snapshot, feeds::Timestamp now) {
    std::vector<store::RetentionRule> rules;
    for (const auto& source : config.sources)
        rules.push_back({source.name, source.max_items, source.max_age});
    std::vector<std::int64_t> shown;
    for (const auto& channel : snapshot.channels) {
        for (const auto& item : channel.items) shown.push_back(item.id);
    }
    return store.apply_retention(rules, shown, now);
}

}  // namespace feedagg::service
