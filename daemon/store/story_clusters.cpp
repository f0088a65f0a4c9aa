#include "daemon/store/story_clusters.hpp"

#include <algorithm>

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
// original's, so the story it belongs to is among the first few. Reading each candidate's row costs
// a lookup, so the tail of weak candidates is not read.
constexpr std::size_t max_candidates_compared = 4;

bool has_keys(const feeds::StoryKeys& keys) {
    return !keys.canonical_link.empty() || !keys.title.empty() || !keys.fingerprint.empty();
}

}  // namespace

StoryClusters::StoryClusters(SQLite::Database& database)
    : database_(database), candidate_(database, sql::story_candidate), set_story_(database, sql::set_story) {}

void StoryClusters::set_rules(StoryRules rules) {
    rules_ = std::move(rules);
    if (rules_.enabled && !index_built_) build_index();
}

void StoryClusters::build_index() {
    SQLite::Statement newest(database_, sql::story_keys_of_newest);
    newest.bind(1, static_cast<std::int64_t>(rules_.indexed_items));
    index_.reserve(rules_.indexed_items);
    while (newest.executeStep()) index(newest.getColumn(0).getInt64(), keys_from(newest, 1));
    index_built_ = true;
}

void StoryClusters::index(std::int64_t id, const feeds::StoryKeys& keys) {
    index_.add(id, keys);
    indexed_.push_back(id);
    while (indexed_.size() > rules_.indexed_items) {
        index_.remove(indexed_.front());
        indexed_.pop_front();
    }
}

std::optional<StoryClusters::Stored> StoryClusters::load(std::int64_t id) {
    StatementUse query(candidate_);
    query->bind(1, id);
    if (!query->executeStep()) return std::nullopt;  // deleted by retention since it was indexed
    Stored stored;
    stored.source = query->getColumn(0).getString();
    stored.story = query->getColumn(1).getInt64();
    if (stored.story == 0) stored.story = id;
    stored.keys = keys_from(*query, 2);
    return stored;
}

bool StoryClusters::kept_apart(const std::string& a, const std::string& b) const {
    return std::any_of(rules_.kept_apart.begin(), rules_.kept_apart.end(), [&](const auto& pair) {
        return (pair.first == a && pair.second == b) || (pair.first == b && pair.second == a);
    });
}

void StoryClusters::bind_keys(SQLite::Statement& insert, int first_parameter, const feeds::StoryKeys* keys) {
    if (keys == nullptr || !has_keys(*keys)) {
        insert.bind(first_parameter, std::string());
        insert.bind(first_parameter + 1, 0);
        insert.bind(first_parameter + 2);  // NULL: nothing to match on, not in the index
        return;
    }
    insert.bind(first_parameter, keys->title);
    insert.bind(first_parameter + 1, static_cast<std::int64_t>(keys->text_length));
    const std::string fingerprint = keys->fingerprint.serialize();
    insert.bind(first_parameter + 2, fingerprint.data(), static_cast<int>(fingerprint.size()));
}

void StoryClusters::join(std::int64_t id, const std::string& source, const feeds::StoryKeys& keys) {
    if (!rules_.enabled || !has_keys(keys)) return;
    if (!index_built_) build_index();
    const std::vector<std::int64_t> candidates = index_.candidates(keys);
    const std::size_t compared = std::min(candidates.size(), max_candidates_compared);
    for (std::size_t i = 0; i < compared; ++i) {
        const std::int64_t candidate = candidates[i];
        std::optional<Stored> found = load(candidate);
        if (!found || kept_apart(source, found->source)) continue;
        // Matched against the story's first item, not chained through reposts: containment lets a
        // digest that reprints two stories match both, and chaining would merge those stories.
        if (found->story != candidate) {
            std::optional<Stored> first = load(found->story);
            if (first && kept_apart(source, first->source)) continue;
            if (first) found->keys = std::move(first->keys);
        }
        const feeds::StoryMatch match = feeds::match_stories(keys, found->keys, rules_.thresholds);
        if (!match.matched) continue;
        write(id, found->story, match);
        break;
    }
    index(id, keys);
}

void StoryClusters::write(std::int64_t id, std::int64_t story, const feeds::StoryMatch& match) {
    StatementUse update(set_story_);
    update->bind(1, id);
    update->bind(2, story);
    update->bind(3, std::string(feeds::to_string(match.reason)));
    update->bind(4, match.score);
    update->exec();
}

}  // namespace feedagg::store::detail
