#pragma once
// Where feedagg keeps what it has read: the state of each source between polls and the items they
// published. Nothing above this interface speaks SQL: a PostgreSQL implementation will follow.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/model.hpp"
#include "feeds/story.hpp"

namespace feedagg::store {

using feeds::Timestamp;

// What the poller remembers about one source between polls.
struct SourceState {
    std::string name;
    std::string url;             // the URL polled; a permanent redirect seen on consecutive polls replaces it
    std::string configured_url;  // the URL the configuration gave when `url` was set from it
    std::string etag;
    std::string last_modified;
    std::optional<Timestamp> last_attempt;
    std::optional<Timestamp> last_success;
    std::string last_error;  // empty after a success
    int consecutive_failures = 0;
    std::optional<Timestamp> next_poll;
    bool gone = false;            // upstream said 410 Gone: not polled until the configured URL changes
    std::string redirect_target;  // where the last poll was permanently redirected, if it was
    int redirect_streak = 0;      // consecutive polls redirected to redirect_target
    std::string feed_title;       // what the source calls itself, for crediting its items
    std::string feed_link;

    bool operator==(const SourceState&) const = default;
};

// What an entry's row holds besides its plain fields, made from the entry alone.
struct EntryRow {
    std::string identity_key;  // which stored entry of the source it is (docs/store.md)
    std::string content_hash;  // changes when anything the feed said about it changes
    std::string body;          // the fields without a column of their own, encoded
    std::string canonical_link;
};

// Everything one poll wants written; record_poll writes it in one transaction.
struct PollOutcome {
    SourceState state;
    std::vector<feeds::Entry> entries;  // empty for a 304 or a failure
    // Parallel to `entries` when story matching is on (feeds::story_keys of each), else empty.
    std::vector<feeds::StoryKeys> story_keys;
    // Parallel to `entries` once prepare_entry_rows ran, else empty (record_poll makes them then).
    std::vector<EntryRow> rows;
};

// Makes outcome.rows. Stores write one poll at a time; calling this beforehand, on another thread,
// takes the encoding and hashing of every entry off that serial path.
void prepare_entry_rows(PollOutcome& outcome);

// How new items are matched to the stories already stored (docs/dedup.md).
struct StoryRules {
    bool enabled = true;
    feeds::MatchThresholds thresholds;
    // Pairs of sources whose items never join each other's stories (either order).
    std::vector<std::pair<std::string, std::string>> kept_apart;
    // The newest items a new one is compared with: the index and what matching reads from memory
    // cost about 2.3 KB an item, and reposts follow their original within days, not years.
    std::size_t indexed_items = 20'000;
};

struct WriteSummary {
    std::size_t new_items = 0;
    std::size_t updated_items = 0;
    std::size_t unchanged_items = 0;
};

struct StoredItem {
    std::int64_t id = 0;
    std::string source;
    feeds::Entry entry;
    Timestamp first_seen;
    Timestamp sort_time;  // published, else updated, else first seen: the order feeds are served in
    // The story the item belongs to: the id of the story's first item (its own id when it started
    // one, or when story matching was off as it was stored), how it joined, and the score.
    std::int64_t story = 0;
    std::string story_reason = {};  // "link", "title", "text"; empty for a story's first item
    double story_score = 0.0;
};

// Items are ordered newest first by (sort_time, id); a cursor resumes after the last item of a page.
struct ItemCursor {
    Timestamp sort_time;
    std::int64_t id = 0;
};

struct ItemQuery {
    std::vector<std::string> sources;  // empty: every source
    std::size_t limit = 50;
    std::optional<ItemCursor> after;
};

struct RetentionRule {
    std::string source;
    std::size_t max_items = 500;
    std::optional<std::chrono::seconds> max_age;
};

struct SourceSummary {
    SourceState state;
    std::size_t item_count = 0;
};

class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// One Store object is used by one thread at a time: open one per thread (WAL lets a reader run while
// another connection writes), or guard a shared one. Its calls block on disk: keep them off the
// network threads. docs/store.md has the details.
class Store {
  public:
    virtual ~Store() = default;

    virtual std::optional<SourceState> source_state(std::string_view name) = 0;
    virtual std::vector<SourceSummary> sources() = 0;

    // Within a source an entry is the same entry when its id matches, else its canonical link, else
    // a hash of its title and content. A changed entry is updated in place (its `updated` moves to
    // `now` when the feed gave none newer), never duplicated. The same entry twice in one poll counts
    // once (the first copy wins).
    virtual WriteSummary record_poll(const PollOutcome& outcome, Timestamp now) = 0;

    // For each entry, whether the source already has it (by the same identity record_poll uses).
    // Lets a poll skip fetching article pages it has read before.
    virtual std::vector<bool> known_entries(std::string_view source,
                                            const std::vector<feeds::Entry>& entries) = 0;

    virtual std::vector<StoredItem> items(const ItemQuery& query) = 0;

    // How record_poll matches new items to stories from now on. The first call builds the match
    // index from the fingerprints stored with the items.
    virtual void set_story_rules(StoryRules rules) = 0;

    // The items of the newest `max_stories` stories that have more than one item, grouped by story
    // (newest story first) and in the order they joined it.
    virtual std::vector<StoredItem> merged_stories(std::size_t max_stories) = 0;

    // Changes whenever items change (and when a source's feed_title or feed_link, which items are
    // credited with, change), so that rendered feeds can be cached until it does. Read from the
    // database: commits made through another Store object on the same file are seen.
    virtual std::uint64_t generation() = 0;

    // Deletes items past a source's limits, except `protected_ids` (items a channel still shows).
    // Returns how many were deleted.
    virtual std::size_t apply_retention(const std::vector<RetentionRule>& rules,
                                        const std::vector<std::int64_t>& protected_ids, Timestamp now) = 0;
};

// Opens (creating when missing) a SQLite store: WAL mode, foreign keys, schema migrations applied.
// Throws StoreError when the file cannot be opened or migrated.
std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& path);

}  // namespace feedagg::store
