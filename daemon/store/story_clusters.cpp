#include "daemon/store/story_clusters.hpp"

#include <algorithm>
#include <unordered_set>

#include "daemon/store/sqlite_queries.hpp"
#include "daemon/store/statement_use.hpp"

namespace feedagg::store::detail {
namespace {

feeds::StoryKeys keys_from(SQLite::Statement& row, int first_column) {
    feeds::StoryKeys keys;
    keys.canonical_link = row.getColumn(first_column).getString();
    keys.title = row.getColumn(first_column + 1).getString();
    keys.text_length = static_cast<std::size_t>(row.getColumn(first_column + 2).getInt64());
    const SQLite::Column blob = row.getColumn(first_column + 3);
    const std::string_view bytes(static_cast<const char*>(blob.getBlob()),
                                 static_cast<std::size_t>(blob.getBytes()));
    if (auto fingerprint = feeds::StoryFingerprint::deserialize(bytes))
        keys.fingerprint = std::move(*fingerprint);
    return keys;
}

// The index ranks candidates by the keys they share, rare ones first; a repost shares most of its
// original's, so the story it belongs to is among the first few, and the tail of weak candidates
// is not compared.
constexpr std::size_t max_candidates_compared = 4;

bool has_keys(const feeds::StoryKeys& keys) {
    return !keys.canonical_link.empty() || !keys.title.empty() || !keys.fingerprint.empty();
}

}  // namespace

StoryClusters::StoryClusters(SQLite::Database& database)
    : database_(database), item_keys_(database, sql::story_item_keys) {}

// Items stored while matching was off are in no index, and a smaller or larger index holds other
// items: either way it is rebuilt from the file.
void StoryClusters::set_rules(StoryRules rules) {
    const bool resized = rules.indexed_items != rules_.indexed_items;
    rules_ = std::move(rules);
    if (!rules_.enabled || resized) discard();
    if (rules_.enabled && !index_built_) build_index();
}

// Oldest first, so that a story's first item is filed before the members that follow it; a first
// item older than the newest `indexed_items` is read from its row, once.
void StoryClusters::build_index() {
    SQLite::Statement newest(database_, sql::story_keys_of_newest);
    newest.bind(1, static_cast<std::int64_t>(rules_.indexed_items));
    index_.reserve(rules_.indexed_items);
    indexed_items_.reserve(rules_.indexed_items);
    std::unordered_map<std::int64_t, std::shared_ptr<Lead>> older_leads;
    while (newest.executeStep()) {
        const std::int64_t id = newest.getColumn(0).getInt64();
        const std::uint32_t source = source_ordinal(newest.getColumn(1).getString());
        const std::int64_t story = newest.getColumn(2).getInt64();
        feeds::StoryKeys keys = keys_from(newest, 3);
        if (story == 0) {
            auto lead = std::make_shared<Lead>(Lead{id, source, std::move(keys), false});
            index(id, lead->keys, {source, lead});
            continue;
        }
        std::shared_ptr<Lead> lead;
        if (const auto filed = indexed_items_.find(story); filed != indexed_items_.end()) {
            lead = filed->second.lead;
        } else {
            std::shared_ptr<Lead>& older = older_leads[story];
            if (!older) older = read_lead(story);
            lead = older;
        }
        index(id, keys, {source, std::move(lead)});
    }
    index_built_ = true;
}

std::shared_ptr<StoryClusters::Lead> StoryClusters::read_lead(std::int64_t id) {
    std::optional<Stored> stored = load(id);
    if (!stored) return std::make_shared<Lead>(Lead{id, 0, {}, true});
    return std::make_shared<Lead>(Lead{id, stored->source, std::move(stored->keys), false});
}

void StoryClusters::index(std::int64_t id, const feeds::StoryKeys& keys, Indexed indexed) {
    index_.add(id, keys);
    indexed_items_.insert_or_assign(id, std::move(indexed));
    indexed_order_.push_back(id);
    while (indexed_items_.size() > rules_.indexed_items) {
        const std::int64_t oldest = indexed_order_.front();
        indexed_order_.pop_front();
        index_.remove(oldest);
        indexed_items_.erase(oldest);
    }
}

std::optional<StoryClusters::Stored> StoryClusters::load(std::int64_t id) {
    StatementUse query(item_keys_);
    query->bind(1, id);
    if (!query->executeStep()) return std::nullopt;
    Stored stored;
    stored.source = source_ordinal(query->getColumn(0).getString());
    stored.keys = keys_from(*query, 1);
    return stored;
}

std::uint32_t StoryClusters::source_ordinal(const std::string& name) {
    const auto [found, fresh] =
        source_ordinals_.try_emplace(name, static_cast<std::uint32_t>(source_names_.size()));
    if (fresh) source_names_.push_back(name);
    return found->second;
}

bool StoryClusters::kept_apart(const std::string& source, std::uint32_t other) const {
    const std::string& b = source_names_[other];
    return std::any_of(rules_.kept_apart.begin(), rules_.kept_apart.end(), [&](const auto& pair) {
        return (pair.first == source && pair.second == b) || (pair.first == b && pair.second == source);
    });
}

StoryClusters::Placement StoryClusters::place(const std::string& source, const feeds::StoryKeys& keys) {
    if (!rules_.enabled || !has_keys(keys)) return {};
    if (!index_built_) build_index();
    const std::vector<std::int64_t> candidates = index_.candidates(keys);
    const std::size_t compared = std::min(candidates.size(), max_candidates_compared);
    for (std::size_t i = 0; i < compared; ++i) {
        const Indexed& candidate = indexed_items_.at(candidates[i]);
        if (kept_apart(source, candidate.source)) continue;
        // Matched against the story's first item, not chained through reposts: containment lets a
        // digest that reprints two stories match both, and chaining would merge those stories.
        const Lead& lead = *candidate.lead;
        const feeds::StoryKeys* first_keys = &lead.keys;
        std::optional<Stored> own;
        if (lead.deleted) {
            own = load(candidates[i]);
            if (!own) continue;
            first_keys = &own->keys;
        } else if (lead.id != candidates[i] && kept_apart(source, lead.source)) {
            continue;
        }
        const feeds::StoryMatch match = feeds::match_stories(keys, *first_keys, rules_.thresholds);
        if (match.matched) return {candidate.lead, match};
    }
    return {};
}

void StoryClusters::bind(SQLite::Statement& insert, int first_parameter, const feeds::StoryKeys* keys,
                         const Placement& placement) {
    insert.bind(first_parameter, placement.lead ? placement.lead->id : 0);
    insert.bind(first_parameter + 1,
                placement.lead ? std::string(feeds::to_string(placement.match.reason)) : std::string());
    insert.bind(first_parameter + 2, placement.lead ? placement.match.score : 0.0);
    if (keys == nullptr || !has_keys(*keys)) {
        insert.bind(first_parameter + 3, std::string());
        insert.bind(first_parameter + 4, 0);
        insert.bind(first_parameter + 5);  // NULL: nothing to match on, not in the index
        return;
    }
    insert.bind(first_parameter + 3, keys->title);
    insert.bind(first_parameter + 4, static_cast<std::int64_t>(keys->text_length));
    const std::string fingerprint = keys->fingerprint.serialize();
    insert.bind(first_parameter + 5, fingerprint.data(), static_cast<int>(fingerprint.size()));
}

void StoryClusters::add(std::int64_t id, const std::string& source, const feeds::StoryKeys& keys,
                        const Placement& placement) {
    if (!rules_.enabled || !has_keys(keys)) return;
    const std::uint32_t ordinal = source_ordinal(source);
    std::shared_ptr<Lead> lead = placement.lead;
    if (!lead) lead = std::make_shared<Lead>(Lead{id, ordinal, keys, false});
    index(id, keys, {ordinal, std::move(lead)});
}

void StoryClusters::forget(const std::vector<std::int64_t>& deleted) {
    if (!index_built_ || deleted.empty()) return;
    const std::unordered_set<std::int64_t> gone(deleted.begin(), deleted.end());
    for (auto item = indexed_items_.begin(); item != indexed_items_.end();) {
        Lead& lead = *item->second.lead;
        if (!lead.deleted && gone.contains(lead.id)) lead = Lead{lead.id, lead.source, {}, true};
        if (gone.contains(item->first)) {
            index_.remove(item->first);
            item = indexed_items_.erase(item);
        } else {
            ++item;
        }
    }
}

void StoryClusters::discard() {
    index_ = feeds::StoryIndex();
    indexed_items_.clear();
    indexed_order_.clear();
    index_built_ = false;
}

}  // namespace feedagg::store::detail
