#include "daemon/store/sqlite_schema.hpp"

#include <SQLiteCpp/Transaction.h>

#include <array>
#include <string>

#include "daemon/store/store.hpp"

namespace feedagg::store::detail {
namespace {

// Migration N (1-based) takes a database from user_version N-1 to N. Never edit a shipped
// migration: add the next one.
constexpr std::array<const char*, 4> kMigrations = {
    // 1: sources, items, and the generation counter.
    R"sql(
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO meta (key, value) VALUES ('generation', 0);

    CREATE TABLE sources (
        name TEXT PRIMARY KEY,
        url TEXT NOT NULL DEFAULT '',
        etag TEXT NOT NULL DEFAULT '',
        last_modified TEXT NOT NULL DEFAULT '',
        last_attempt INTEGER,
        last_success INTEGER,
        last_error TEXT NOT NULL DEFAULT '',
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_poll INTEGER,
        gone INTEGER NOT NULL DEFAULT 0,
        redirect_target TEXT NOT NULL DEFAULT '',
        redirect_streak INTEGER NOT NULL DEFAULT 0,
        feed_title TEXT NOT NULL DEFAULT '',
        feed_link TEXT NOT NULL DEFAULT ''
    );

    -- Times are Unix seconds, UTC. AUTOINCREMENT: an id is never reused after retention deletes
    -- it, so cursors and ids a channel still shows never name another item.
    CREATE TABLE items (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source TEXT NOT NULL REFERENCES sources (name) ON DELETE CASCADE ON UPDATE CASCADE,
        identity_key TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        sort_time INTEGER NOT NULL,
        first_seen INTEGER NOT NULL,
        published INTEGER,
        updated INTEGER,
        title TEXT NOT NULL,
        link TEXT NOT NULL,
        canonical_link TEXT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (source, identity_key)
    );
    CREATE INDEX items_newest ON items (sort_time DESC, id DESC);
    CREATE INDEX items_newest_by_source ON items (source, sort_time DESC, id DESC);
    )sql",
    // 2: the configured URL a source's state belongs to, so a changed configuration starts it over
    // while a followed redirect does not.
    R"sql(
    ALTER TABLE sources ADD COLUMN configured_url TEXT NOT NULL DEFAULT '';
    UPDATE sources SET configured_url = url;
    )sql",
    // 3: stories across sources. `story` is the id of the story's first item (0: the item's own,
    // for items stored before matching); the match keys are kept so the index can be rebuilt.
    R"sql(
    ALTER TABLE items ADD COLUMN story INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE items ADD COLUMN story_reason TEXT NOT NULL DEFAULT '';
    ALTER TABLE items ADD COLUMN story_score REAL NOT NULL DEFAULT 0;
    ALTER TABLE items ADD COLUMN story_title TEXT NOT NULL DEFAULT '';
    ALTER TABLE items ADD COLUMN story_text_length INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE items ADD COLUMN story_fingerprint BLOB;
    CREATE INDEX items_story ON items (story);
    )sql",
    // 4: no table changes. Content hashes are written as "xxh3:" and XXH3-128 (older rows keep their
    // FNV-1a digest until their entry is next polled); the version keeps an older feedagg, which
    // would take every such hash for a change and rewrite every row, from opening the file.
    R"sql(
    SELECT 1;
    )sql"};

constexpr int kBusyTimeoutMs = 5000;

int user_version(SQLite::Database& database) {
    return database.execAndGet("PRAGMA user_version").getInt();
}

}  // namespace

int latest_schema_version() {
    return static_cast<int>(kMigrations.size());
}

void prepare_database(SQLite::Database& database) {
    database.setBusyTimeout(kBusyTimeoutMs);
    // journal_mode answers with the mode in force; anything but "wal" means the file cannot be
    // shared safely between the daemon and a reader (e.g. `feedagg status`).
    const std::string mode = database.execAndGet("PRAGMA journal_mode = WAL").getString();
    if (mode != "wal")
        throw StoreError("cannot switch the database to WAL mode (journal_mode is " + mode + ")");
    database.exec("PRAGMA synchronous = NORMAL");
    database.exec("PRAGMA foreign_keys = ON");

    if (user_version(database) == latest_schema_version()) return;
    // IMMEDIATE: two processes opening a fresh file must not both migrate it.
    SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
    const int found = user_version(database);
    if (found > latest_schema_version()) {
        throw StoreError("the database has schema version " + std::to_string(found) +
                         " but this feedagg knows " + std::to_string(latest_schema_version()) +
                         " at most: run a newer feedagg, or restore a backup made before the upgrade");
    }
    for (int version = found; version < latest_schema_version(); ++version) {
        database.exec(kMigrations[static_cast<std::size_t>(version)]);
    }
    database.exec("PRAGMA user_version = " + std::to_string(latest_schema_version()));
    transaction.commit();
}

}  // namespace feedagg::store::detail
