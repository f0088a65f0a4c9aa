#include "daemon/service/catalog_snapshot.hpp"

#include <unordered_set>

#include "daemon/service/stories.hpp"

namespace feedagg::service {
namespace {

// A channel whose filters reject most items reads this many pages at most before it settles for
// fewer than max_items: bounded work per refresh whatever the filters.
constexpr int max_pages_per_channel = 20;

// The channel's accepted items, newest first, until `wanted` stories (or items, when the channel
// does not merge stories) are found.
std::vector<store::StoredItem> accepted_items(store::Store& store, const ChannelSelection& selection) {
    std::vector<store::StoredItem> shown;
    const std::size_t wanted = selection.channel().max_items;
    const bool merging = selection.channel().merge_stories;
    std::unordered_set<std::int64_t> shown_keys;  // stories, or items when not merging
    if (selection.source_names().empty()) return shown;
    store::ItemQuery query;
    query.sources = selection.source_names();
    query.limit = std::max<std::size_t>(wanted, 50);
    for (int page = 0; page < max_pages_per_channel && shown_keys.size() < wanted; ++page) {
        const auto items = store.items(query);
        for (const auto& item : items) {
            if (!selection.accepts(item.entry)) continue;
            const std::int64_t key = merging ? item.story : item.id;
            if (shown_keys.size() >= wanted && !shown_keys.contains(key)) continue;
            shown_keys.insert(key);
            shown.push_back(item);
        }
        if (items.size() < query.limit) break;
        query.after = store::ItemCursor{items.back().sort_time, items.back().id};
    }
    return shown;
}

Publishers publishers_of(const CatalogSnapshot& snapshot) {
    Publishers publishers;
    for (const auto& source : snapshot.sources) {
        Publisher& publisher = publishers[source.name];
        publisher.priority = source.priority;
        const auto state = snapshot.source_states.find(source.name);
        publisher.title = state != snapshot.source_states.end() && !state->second.feed_title.empty()
                              ? state->second.feed_title
                              : source.name;
    }
    return publishers;
}

ChannelSnapshot channel_snapshot(store::Store& store, const ChannelSelection& selection,
                                 const Publishers& publishers) {
    ChannelSnapshot channel{selection.channel(), accepted_items(store, selection), {}};
    for (const auto& item : channel.items) channel.shown_ids.push_back(item.id);
    if (selection.channel().merge_stories)
        channel.items = fold_stories(channel.items, publishers, selection.channel().language);
    return channel;
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
    const Publishers publishers = publishers_of(*snapshot);
    for (const auto& selection : plan.channels) {
        snapshot->channels.push_back(channel_snapshot(store, selection, publishers));
    }
    return snapshot;
}

std::size_t apply_retention(store::Store& store, const config::Config& config,
                            const CatalogSnapshot& snapshot, feeds::Timestamp now) {
    std::vector<store::RetentionRule> rules;
    for (const auto& source : config.sources)
        rules.push_back({source.name, source.max_items, source.max_age});
    std::vector<std::int64_t> shown;
    for (const auto& channel : snapshot.channels)
        shown.insert(shown.end(), channel.shown_ids.begin(), channel.shown_ids.end());
    return store.apply_retention(rules, shown, now);
}

}  // namespace feedagg::service
