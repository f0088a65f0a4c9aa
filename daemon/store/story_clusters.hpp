#pragma once
// Internal to daemon/store: which story a new item joins. The match index lives in memory and is
// rebuilt from the keys stored with the items, so it survives restarts and crashes with the data.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>

#include "daemon/store/store.hpp"
#include "feeds/story.hpp"

namespace feedagg::store::detail {

class StoryClusters {
  public:
    explicit StoryClusters(SQLite::Database& database);

    void set_rules(StoryRules rules);

    // Binds the keys of an item about to be inserted to the insert statement's last three
    // parameters (story_title, story_text_length, story_fingerprint; NULL when there are none).
    static void bind_keys(SQLite::Statement& insert, int first_parameter, const feeds::StoryKeys* keys);

    // Files the just inserted item `id` of `source` under the story it matches; an item that
    // matches none keeps story 0, a story of its own. Runs inside the caller's transaction.
    void join(std::int64_t id, const std::string& source, const feeds::StoryKeys& keys);

  private:
    struct Stored {
        std::string source;
        std::int64_t story = 0;
        feeds::StoryKeys keys;
    };

    void build_index();
    void index(std::int64_t id, const feeds::StoryKeys& keys);
    std::optional<Stored> load(std::int64_t id);
    bool kept_apart(const std::string& a, const std::string& b) const;
    void write(std::int64_t id, std::int64_t story, const feeds::StoryMatch& match);

    SQLite::Database& database_;
    SQLite::Statement candidate_;
    SQLite::Statement set_story_;
    StoryRules rules_;
    feeds::StoryIndex index_;
    std::deque<std::int64_t> indexed_;  // oldest first; the index holds at most rules_.indexed_items
    bool index_built_ = false;
};

}  // namespace feedagg::store::detail
