// The SQLite Store. One connection per Store object; every public method is one unit of work, and
// every write is one IMMEDIATE transaction (it takes the write lock at BEGIN, so a busy database is
// waited for by busy_timeout rather than failing halfway through).

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <limits>
#include <queue>
#include <unordered_set>

#include "daemon/store/entry_record.hpp"
#include "daemon/store/sqlite_queries.hpp"
#include "daemon/store/sqlite_schema.hpp"
#include "daemon/store/statement_use.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/story_clusters.hpp"
#include "daemon/store/wal_checkpointer.hpp"

namespace feedagg::store {
namespace {

using detail::StatementUse;

namespace sql = detail::sql;

constexpr std::int64_t kNoCursor = std::numeric_limits<std::int64_t>::max();

std::int64_t seconds(Timestamp time) {
    return time.time_since_epoch().count();
}
Timestamp timestamp(std::int64_t seconds) {
    return Timestamp(std::chrono::seconds(seconds));
}

std::int64_t clamp_count(std::size_t count) {
    return static_cast<std::int64_t>(std::min<std::size_t>(count, std::numeric_limits<std::int64_t>::max()));
}

void bind_time(SQLite::Statement& statement, int index, const std::optional<Timestamp>& time) {
    if (time) {
        statement.bind(index, seconds(*time));
    } else {
        statement.bind(index);
    }
}

std::optional<Timestamp> time_column(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return timestamp(column.getInt64());
}

// Runs `work`, turning SQLite's exceptions into StoreError naming the operation.
template <typename Work>
auto guarded(const char* operation, Work&& work) -> decltype(work()) {
    try {
        return work();
    } catch (const SQLite::Exception& error) {
        throw StoreError(std::string("store: ") + operation + ": " + error.what());
    }
}

SourceState read_source(SQLite::Statement& row) {
    SourceState state;
    state.name = row.getColumn(0).getString();
    state.url = row.getColumn(1).getString();
    state.etag = row.getColumn(2).getString();
    state.last_modified = row.getColumn(3).getString();
    state.last_attempt = time_column(row.getColumn(4));
    state.last_success = time_column(row.getColumn(5));
    state.last_error = row.getColumn(6).getString();
    state.consecutive_failures = row.getColumn(7).getInt();
    state.next_poll = time_column(row.getColumn(8));
    state.gone = row.getColumn(9).getInt() != 0;
    state.redirect_target = row.getColumn(10).getString();
    state.redirect_streak = row.getColumn(11).getInt();
    state.feed_title = row.getColumn(12).getString();
    state.feed_link = row.getColumn(13).getString();
    state.configured_url = row.getColumn(14).getString();
    return state;
}

StoredItem read_item(SQLite::Statement& row) {
    StoredItem item;
    item.id = row.getColumn(0).getInt64();
    item.source = row.getColumn(1).getString();
    item.sort_time = timestamp(row.getColumn(2).getInt64());
    item.first_seen = timestamp(row.getColumn(3).getInt64());
    item.entry.published = time_column(row.getColumn(4));
    item.entry.updated = time_column(row.getColumn(5));
    item.entry.title = row.getColumn(6).getString();
    item.entry.link = row.getColumn(7).getString();
    const SQLite::Column body = row.getColumn(8);
    detail::decode_entry_body(std::string_view(body.getText(), static_cast<std::size_t>(body.getBytes())),
                              item.entry);
    item.story = row.getColumn(9).getInt64();
    if (item.story == 0) item.story = item.id;
    item.story_reason = row.getColumn(10).getString();
    item.story_score = row.getColumn(11).getDouble();
    return item;
}

// Where an item sits in the served order: newest first by (sort_time, id).
struct ItemPosition {
    std::int64_t sort_time;
    std::int64_t id;
    bool operator<(const ItemPosition& other) const {
        return sort_time != other.sort_time ? sort_time < other.sort_time : id < other.id;
    }
};

SQLite::Database open_database(const std::filesystem::path& path) {
    SQLite::Database database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    detail::prepare_database(database);
    return database;
}

class SqliteStore final : public Store {
  public:
    explicit SqliteStore(const std::filesystem::path& path)
        : database_(open_database(path)),
          checkpointer_(database_, path),
          select_source_(database_, sql::select_source),
          select_sources_(database_, sql::select_sources),
          upsert_source_(database_, sql::upsert_source),
          select_item_by_key_(database_, sql::select_item_by_key),
          insert_item_(database_, sql::insert_item),
          update_item_(database_, sql::update_item),
          update_content_hash_(database_, sql::update_content_hash),
          select_generation_(database_, sql::select_generation),
          bump_generation_(database_, sql::bump_generation),
          newest_items_(database_, sql::newest_items),
          newest_positions_of_source_(database_, sql::newest_positions_of_source),
          item_by_id_(database_, sql::item_by_id),
          merged_stories_(database_, sql::merged_stories),
          protected_table_((database_.exec(sql::create_protected_table), true)),
          clear_protected_(database_, sql::clear_protected),
          insert_protected_(database_, sql::insert_protected),
          delete_beyond_count_(database_, sql::delete_beyond_count),
          delete_older_than_(database_, sql::delete_older_than) {}

    std::optional<SourceState> source_state(std::string_view name) override {
        return guarded("source_state", [&]() -> std::optional<SourceState> {
            StatementUse query(select_source_);
            query->bind(1, std::string(name));
            if (!query->executeStep()) return std::nullopt;
            return read_source(*query);
        });
    }

    std::vector<SourceSummary> sources() override {
        return guarded("sources", [&] {
            std::vector<SourceSummary> summaries;
            StatementUse query(select_sources_);
            while (query->executeStep()) {
                summaries.push_back(
                    {read_source(*query), static_cast<std::size_t>(query->getColumn(15).getInt64())});
            }
            return summaries;
        });
    }

    std::vector<bool> known_entries(std::string_view source,
                                    const std::vector<feeds::Entry>& entries) override {
        return guarded("known_entries", [&] {
            std::vector<bool> known;
            known.reserve(entries.size());
            for (const feeds::Entry& entry : entries) {
                StatementUse query(select_item_by_key_);
                query->bind(1, std::string(source));
                query->bind(2, detail::identity_key(entry));
                known.push_back(query->executeStep());
            }
            return known;
        });
    }

    WriteSummary record_poll(const PollOutcome& outcome, Timestamp now) override {
        return guarded("record_poll", [&] {
            try {
                return write_poll(outcome, now);
            } catch (...) {
                stories_.discard();  // it filed items the rollback took back
                throw;
            }
        });
    }

    std::vector<StoredItem> items(const ItemQuery& query) override {
        return guarded("items", [&] {
            if (query.limit == 0) return std::vector<StoredItem>();
            if (query.sources.empty()) return newest_items(query);
            return newest_items_of_sources(query);
        });
    }

    void set_story_rules(StoryRules rules) override {
        guarded("set_story_rules", [&] { stories_.set_rules(std::move(rules)); });
    }

    std::vector<StoredItem> merged_stories(std::size_t max_stories) override {
        return guarded("merged_stories", [&] {
            std::vector<StoredItem> members;
            StatementUse query(merged_stories_);
            query->bind(1, clamp_count(max_stories));
            while (query->executeStep()) members.push_back(read_item(*query));
            return members;
        });
    }

    std::uint64_t generation() override {
        // Read, not cached: another Store on the same file (the server's, while the scheduler's
        // writes) must see the other's commits. A primary-key lookup costs microseconds.
        return guarded("generation", [&] {
            StatementUse query(select_generation_);
            query->executeStep();
            return static_cast<std::uint64_t>(query->getColumn(0).getInt64());
        });
    }

    std::size_t apply_retention(const std::vector<RetentionRule>& rules,
                                const std::vector<std::int64_t>& protected_ids, Timestamp now) override {
        return guarded("apply_retention", [&] {
            SQLite::Transaction transaction(database_, SQLite::TransactionBehavior::IMMEDIATE);
            StatementUse(clear_protected_)->exec();
            for (const std::int64_t id : protected_ids) {
                StatementUse insert(insert_protected_);
                insert->bind(1, id);
                insert->exec();
            }
            std::vector<std::int64_t> deleted;
            const auto collect = [&](StatementUse& deletion) {
                while (deletion->executeStep()) deleted.push_back(deletion->getColumn(0).getInt64());
            };
            for (const RetentionRule& rule : rules) {
                StatementUse beyond_count(delete_beyond_count_);
                beyond_count->bind(1, rule.source);
                beyond_count->bind(2, clamp_count(rule.max_items));
                collect(beyond_count);
                if (rule.max_age) {
                    StatementUse too_old(delete_older_than_);
                    too_old->bind(1, rule.source);
                    too_old->bind(2, seconds(now) - rule.max_age->count());
                    collect(too_old);
                }
            }
            StatementUse(clear_protected_)->exec();
            if (!deleted.empty()) StatementUse(bump_generation_)->exec();
            transaction.commit();
            stories_.forget(deleted);
            return deleted.size();
        });
    }

  private:
    WriteSummary write_poll(const PollOutcome& outcome, Timestamp now) {
        SQLite::Transaction transaction(database_, SQLite::TransactionBehavior::IMMEDIATE);
        const bool credit_changed = write_source(outcome.state);
        WriteSummary summary;
        std::unordered_set<std::string> keys_seen;
        const bool with_story_keys = outcome.story_keys.size() == outcome.entries.size();
        const bool with_rows = outcome.rows.size() == outcome.entries.size();
        for (std::size_t i = 0; i < outcome.entries.size(); ++i) {
            const feeds::Entry& entry = outcome.entries[i];
            EntryRow made;
            if (!with_rows) made = detail::make_entry_row(entry);
            const EntryRow& row = with_rows ? outcome.rows[i] : made;
            if (!keys_seen.insert(row.identity_key).second) continue;  // the same entry twice in one document
            const feeds::StoryKeys* keys = with_story_keys ? &outcome.story_keys[i] : nullptr;
            write_entry(outcome.state.name, row, entry, keys, now, summary);
        }
        const bool items_changed = summary.new_items + summary.updated_items > 0;
        if (items_changed || credit_changed) StatementUse(bump_generation_)->exec();
        transaction.commit();
        return summary;
    }

    // Upserts the source; true when what its items are credited with (title, link) changed.
    bool write_source(const SourceState& state) {
        bool credit_changed = true;
        {
            StatementUse query(select_source_);
            query->bind(1, state.name);
            if (query->executeStep()) {
                const SourceState stored = read_source(*query);
                credit_changed = stored.feed_title != state.feed_title || stored.feed_link != state.feed_link;
            }
        }
        StatementUse upsert(upsert_source_);
        upsert->bind(1, state.name);
        upsert->bind(2, state.url);
        upsert->bind(3, state.etag);
        upsert->bind(4, state.last_modified);
        bind_time(*upsert, 5, state.last_attempt);
        bind_time(*upsert, 6, state.last_success);
        upsert->bind(7, state.last_error);
        upsert->bind(8, state.consecutive_failures);
        bind_time(*upsert, 9, state.next_poll);
        upsert->bind(10, state.gone ? 1 : 0);
        upsert->bind(11, state.redirect_target);
        upsert->bind(12, state.redirect_streak);
        upsert->bind(13, state.feed_title);
        upsert->bind(14, state.feed_link);
        upsert->bind(15, state.configured_url);
        upsert->exec();
        return credit_changed;
    }

    void write_entry(const std::string& source, const EntryRow& row, const feeds::Entry& entry,
                     const feeds::StoryKeys* story_keys, Timestamp now, WriteSummary& summary) {
        std::optional<std::int64_t> stored_id;
        std::optional<Timestamp> stored_updated;
        std::string stored_hash;
        {
            StatementUse query(select_item_by_key_);
            query->bind(1, source);
            query->bind(2, row.identity_key);
            if (query->executeStep()) {
                stored_id = query->getColumn(0).getInt64();
                stored_hash = query->getColumn(1).getString();
                stored_updated = time_column(query->getColumn(2));
            }
        }
        if (stored_id && detail::unchanged_content(stored_hash, row, entry)) {
            // A hash of the kind an older release stored is replaced, so it is compared the old way once.
            if (stored_hash != row.content_hash) {
                StatementUse rehash(update_content_hash_);
                rehash->bind(1, *stored_id);
                rehash->bindNoCopy(2, row.content_hash);
                rehash->exec();
            }
            ++summary.unchanged_items;
            return;
        }
        if (!stored_id) {
            insert_entry(source, row, entry, story_keys, now);
            ++summary.new_items;
            return;
        }
        // A changed entry shows it changed: its `updated` moves to now unless the feed gave a newer one.
        feeds::Entry changed = entry;
        if (!entry.updated || (stored_updated && *entry.updated <= *stored_updated)) changed.updated = now;
        update_entry(*stored_id, row, changed);
        ++summary.updated_items;
    }

    void insert_entry(const std::string& source, const EntryRow& row, const feeds::Entry& entry,
                      const feeds::StoryKeys* story_keys, Timestamp now) {
        const detail::StoryClusters::Placement placement =
            story_keys ? stories_.place(source, *story_keys) : detail::StoryClusters::Placement{};
        // Not copied by SQLite: the strings outlive the statement's execution, and the body alone
        // is a few kilobytes an item on the serial path.
        StatementUse insert(insert_item_);
        insert->bindNoCopy(1, source);
        insert->bindNoCopy(2, row.identity_key);
        insert->bindNoCopy(3, row.content_hash);
        insert->bind(4, seconds(entry.published.value_or(entry.updated.value_or(now))));
        insert->bind(5, seconds(now));
        bind_time(*insert, 6, entry.published);
        bind_time(*insert, 7, entry.updated);
        insert->bindNoCopy(8, entry.title);
        insert->bindNoCopy(9, entry.link);
        insert->bindNoCopy(10, row.canonical_link);
        insert->bindNoCopy(11, row.body);
        detail::StoryClusters::bind(*insert, 12, story_keys, placement);
        insert->exec();
        if (story_keys) stories_.add(database_.getLastInsertRowid(), source, *story_keys, placement);
    }

    // `entry.updated` is always set here (a changed entry moves it), so it orders the item when the
    // feed gave no publication date.
    // `row` was made from the entry as the feed gave it; `entry` may have a newer `updated`, which
    // has a column of its own, not a place in the body.
    void update_entry(std::int64_t id, const EntryRow& row, const feeds::Entry& entry) {
        StatementUse update(update_item_);
        update->bind(1, id);
        update->bindNoCopy(2, row.content_hash);
        update->bind(3, seconds(entry.published.value_or(entry.updated.value_or(Timestamp{}))));
        bind_time(*update, 4, entry.published);
        bind_time(*update, 5, entry.updated);
        update->bindNoCopy(6, entry.title);
        update->bindNoCopy(7, entry.link);
        update->bindNoCopy(8, row.canonical_link);
        update->bindNoCopy(9, row.body);
        update->exec();
    }

    std::vector<StoredItem> newest_items(const ItemQuery& query) {
        std::vector<StoredItem> page;
        StatementUse select(newest_items_);
        select->bind(1, query.after ? seconds(query.after->sort_time) : kNoCursor);
        select->bind(2, query.after ? query.after->id : kNoCursor);
        select->bind(3, clamp_count(query.limit));
        while (select->executeStep()) page.push_back(read_item(*select));
        return page;
    }

    // One index range per source, merged: each source gives at most `limit` positions from its own
    // index, so the cost follows limit × sources, never the number of items stored.
    std::vector<StoredItem> newest_items_of_sources(const ItemQuery& query) {
        std::vector<std::string> sources = query.sources;
        std::sort(sources.begin(), sources.end());
        sources.erase(std::unique(sources.begin(), sources.end()), sources.end());

        std::priority_queue<ItemPosition> positions;
        for (const std::string& source : sources) {
            StatementUse select(newest_positions_of_source_);
            select->bind(1, source);
            select->bind(2, query.after ? seconds(query.after->sort_time) : kNoCursor);
            select->bind(3, query.after ? query.after->id : kNoCursor);
            select->bind(4, clamp_count(query.limit));
            while (select->executeStep()) {
                positions.push({select->getColumn(0).getInt64(), select->getColumn(1).getInt64()});
            }
        }
        std::vector<StoredItem> page;
        while (!positions.empty() && page.size() < query.limit) {
            StatementUse select(item_by_id_);
            select->bind(1, positions.top().id);
            positions.pop();
            if (select->executeStep()) page.push_back(read_item(*select));
        }
        return page;
    }

    SQLite::Database database_;
    detail::WalCheckpointer checkpointer_;
    SQLite::Statement select_source_;
    SQLite::Statement select_sources_;
    SQLite::Statement upsert_source_;
    SQLite::Statement select_item_by_key_;
    SQLite::Statement insert_item_;
    SQLite::Statement update_item_;
    SQLite::Statement update_content_hash_;
    SQLite::Statement select_generation_;
    SQLite::Statement bump_generation_;
    SQLite::Statement newest_items_;
    SQLite::Statement newest_positions_of_source_;
    SQLite::Statement item_by_id_;
    SQLite::Statement merged_stories_;
    bool protected_table_;  // created before the statements below, which name it
    SQLite::Statement clear_protected_;
    SQLite::Statement insert_protected_;
    SQLite::Statement delete_beyond_count_;
    SQLite::Statement delete_older_than_;
    detail::StoryClusters stories_{database_};
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& path) {
    try {
        if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
        return std::make_unique<SqliteStore>(path);
    } catch (const StoreError& error) {
        throw StoreError(path.string() + ": " + error.what());
    } catch (const SQLite::Exception& error) {
        throw StoreError(path.string() + ": cannot open the store: " + error.what());
    } catch (const std::filesystem::filesystem_error& error) {
        throw StoreError(path.string() + ": cannot create its directory: " + error.what());
    }
}

}  // namespace feedagg::store
