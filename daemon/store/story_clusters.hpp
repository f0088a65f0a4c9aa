#pragma once
// Internal to daemon/store: which story a new item joins. The match index, and what matching reads
// (each indexed item's source and story, and the keys of each story's first item), live in memory:
// a new item is matched without reading a row. Both are rebuilt from the keys stored with the
// items, so they survive restarts and crashes with the data.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "daemon/store/store.hpp"
#include "feeds/story.hpp"

namespace feedagg::store::detail {

class StoryClusters {
  public:
    // A story's first item: what a new item is compared with.
    struct Lead {
        std::int64_t id = 0;
        std::uint32_t source = 0;  // an ordinal of source_names_
        feeds::StoryKeys keys;
        bool deleted = false;  // by retention; its members are then compared with themselves
    };

    // Where a new item goes: the story it joins (none: it starts its own), why, and the score.
    struct Placement {
        std::shared_ptr<Lead> lead;
        feeds::StoryMatch match;
    };

    explicit StoryClusters(SQLite::Database& database);

    void set_rules(StoryRules rules);

    // The story a new item of `source` joins, decided before its row is written so that the row is
    // written once. Reads no row unless the story's first item was deleted.
    Placement place(const std::string& source, const feeds::StoryKeys& keys);

    // Binds the placement and keys of an item about to be inserted to the insert statement's
    // parameters from `first_parameter` on: story, story_reason, story_score, story_title,
    // story_text_length, story_fingerprint (NULL when there are no keys: not in the index).
    static void bind(SQLite::Statement& insert, int first_parameter, const feeds::StoryKeys* keys,
                     const Placement& placement);

    // Files the just inserted item `id` where place() put it. Runs inside the caller's transaction.
    void add(std::int64_t id, const std::string& source, const feeds::StoryKeys& keys,
             const Placement& placement);

    // Items retention deleted, once that is committed.
    void forget(const std::vector<std::int64_t>& deleted);

    // The transaction that added items rolled back: memory no longer mirrors the file, so it is
    // rebuilt from the file when next needed.
    void discard();

  private:
    struct Indexed {
        std::uint32_t source = 0;
        std::shared_ptr<Lead> lead;  // its own, for a story's first item
    };
    struct Stored {
        std::uint32_t source = 0;
        feeds::StoryKeys keys;
    };

    void build_index();
    std::shared_ptr<Lead> read_lead(std::int64_t id);
    void index(std::int64_t id, const feeds::StoryKeys& keys, Indexed indexed);
    std::optional<Stored> load(std::int64_t id);
    std::uint32_t source_ordinal(const std::string& name);
    bool kept_apart(const std::string& source, std::uint32_t other) const;

    SQLite::Database& database_;
    SQLite::Statement item_keys_;
    StoryRules rules_;
    feeds::StoryIndex index_;
    std::unordered_map<std::int64_t, Indexed> indexed_items_;
    std::deque<std::int64_t> indexed_order_;  // oldest first; ids retention deleted may linger
    std::vector<std::string> source_names_;
    std::unordered_map<std::string, std::uint32_t> source_ordinals_;
    bool index_built_ = false;
};

}  // namespace feedagg::store::detail
