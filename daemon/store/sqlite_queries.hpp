#pragma once
// Every statement the SQLite store prepares, in one place: the store prepares each once and reuses
// it, and the tests ask SQLite how it plans the ones that must stay fast at a million items.

#include <string>

namespace feedagg::store::detail::sql {

inline const std::string source_columns =
    "name, url, etag, last_modified, last_attempt, last_success, last_error, consecutive_failures, "
    "next_poll, gone, redirect_target, redirect_streak, feed_title, feed_link, configured_url";

inline const std::string item_columns =
    "id, source, sort_time, first_seen, published, updated, title, link, body, story, story_reason, "
    "story_score";

inline const std::string select_source = "SELECT " + source_columns + " FROM sources WHERE name = ?";

// The count walks items_newest_by_source: proportional to the items, fine for status and metrics.
inline const std::string select_sources = "SELECT " + source_columns +
                                          ", (SELECT count(*) FROM items WHERE items.source = sources.name)"
                                          " FROM sources ORDER BY name";

// An upsert, never INSERT OR REPLACE: a replace deletes the row first, and the cascade its items.
inline const std::string upsert_source =
    "INSERT INTO sources (" + source_columns +
    ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
    " ON CONFLICT (name) DO UPDATE SET url = ?2, etag = ?3,"
    " last_modified = ?4, last_attempt = ?5, last_success = ?6,"
    " last_error = ?7, consecutive_failures = ?8, next_poll = ?9, gone = ?10,"
    " redirect_target = ?11, redirect_streak = ?12, feed_title = ?13,"
    " feed_link = ?14, configured_url = ?15";

inline const std::string select_item_by_key =
    "SELECT id, content_hash, updated FROM items WHERE source = ? AND identity_key = ?";

inline const std::string insert_item =
    "INSERT INTO items (source, identity_key, content_hash, sort_time, first_seen, published, updated, title,"
    " link, canonical_link, body, story, story_reason, story_score, story_title, story_text_length,"
    " story_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

inline const std::string update_item =
    "UPDATE items SET content_hash = ?2, sort_time = ?3, published = ?4, updated = ?5, title = ?6, link = ?7,"
    " canonical_link = ?8, body = ?9 WHERE id = ?1";

inline const std::string update_content_hash = "UPDATE items SET content_hash = ?2 WHERE id = ?1";

inline const std::string select_generation = "SELECT value FROM meta WHERE key = 'generation'";
inline const std::string bump_generation = "UPDATE meta SET value = value + 1 WHERE key = 'generation'";

// Keyset paging: the cursor (?1, ?2) is a range bound on items_newest, so a deep page costs what
// the first does. Without a cursor both are INT64_MAX.
inline const std::string newest_items = "SELECT " + item_columns +
                                        " FROM items WHERE (sort_time, id) < (?1, ?2)"
                                        " ORDER BY sort_time DESC, id DESC LIMIT ?3";

// Covered by items_newest_by_source: positions only, the rows are read by id once merged.
inline const std::string newest_positions_of_source =
    "SELECT sort_time, id FROM items WHERE source = ?1 AND (sort_time, id) < (?2, ?3)"
    " ORDER BY sort_time DESC, id DESC LIMIT ?4";

inline const std::string item_by_id = "SELECT " + item_columns + " FROM items WHERE id = ?";

// Stories with more than one item: an item that joined a story has story = the id of the story's
// first item, which itself has story = 0.
inline const std::string merged_stories =
    "WITH joined (story) AS (SELECT DISTINCT story FROM items WHERE story <> 0 ORDER BY story DESC LIMIT ?1)"
    " SELECT " +
    item_columns +
    " FROM items WHERE story IN (SELECT story FROM joined) OR id IN (SELECT story FROM joined)"
    " ORDER BY CASE story WHEN 0 THEN id ELSE story END DESC, id";

// The newest ?1 items with match keys, oldest of them first.
inline const std::string story_keys_of_newest =
    "SELECT id, source, story, canonical_link, story_title, story_text_length, story_fingerprint FROM"
    " (SELECT id, source, story, canonical_link, story_title, story_text_length, story_fingerprint"
    " FROM items WHERE story_fingerprint IS NOT NULL ORDER BY id DESC LIMIT ?1) ORDER BY id";

inline const std::string story_item_keys =
    "SELECT source, canonical_link, story_title, story_text_length, story_fingerprint FROM items WHERE id = "
    "?";

// Per connection and never written to disk: the ids retention must keep, for one transaction.
inline const std::string create_protected_table =
    "CREATE TEMP TABLE IF NOT EXISTS retention_protected (id INTEGER PRIMARY KEY)";
inline const std::string clear_protected = "DELETE FROM temp.retention_protected";
inline const std::string insert_protected = "INSERT OR IGNORE INTO temp.retention_protected (id) VALUES (?)";

// Both return the ids deleted, which the story index forgets.
inline const std::string delete_beyond_count =
    "DELETE FROM items WHERE id IN (SELECT id FROM items WHERE source = ?1"
    " ORDER BY sort_time DESC, id DESC LIMIT -1 OFFSET ?2)"
    " AND id NOT IN (SELECT id FROM temp.retention_protected) RETURNING id";

inline const std::string delete_older_than =
    "DELETE FROM items WHERE source = ?1 AND sort_time < ?2"
    " AND id NOT IN (SELECT id FROM temp.retention_protected) RETURNING id";

}  // namespace feedagg::store::detail::sql
