#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <set>
#include <thread>

#include "daemon/store/entry_record.hpp"
#include "daemon/store/sqlite_queries.hpp"
#include "daemon/store/sqlite_schema.hpp"
#include "daemon/store/store.hpp"
#include "feeds/story.hpp"
#include "tests/store/store_test_support.hpp"

namespace feedagg::store {
namespace {

using testing::at;
using testing::entry_with_id;
using testing::poll_of;
using testing::TempDirectory;

std::vector<std::string> titles_of(const std::vector<StoredItem>& items) {
    std::vector<std::string> titles;
    for (const StoredItem& item : items) titles.push_back(item.entry.title);
    return titles;
}

TEST(SqliteStore, CreatesTheSchemaInAWalDatabase) {
    TempDirectory directory;
    { auto store = open_sqlite_store(directory.database()); }
    SQLite::Database connection(directory.database(), SQLite::OPEN_READONLY);
    EXPECT_EQ(connection.execAndGet("PRAGMA user_version").getInt(), detail::latest_schema_version());
    EXPECT_EQ(connection.execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_TRUE(connection.tableExists("sources"));
    EXPECT_TRUE(connection.tableExists("items"));
    EXPECT_EQ(testing::integrity_check(directory.database()), "ok");
}

TEST(SqliteStore, CreatesMissingParentDirectories) {
    TempDirectory directory;
    const auto path = directory.path() / "var" / "lib" / "feedagg.db";
    open_sqlite_store(path);
    EXPECT_TRUE(std::filesystem::exists(path));
}

TEST(SqliteStore, MigratesAnEmptyExistingDatabaseAndKeepsItsTables) {
    TempDirectory directory;
    {
        SQLite::Database connection(directory.database(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        connection.exec("CREATE TABLE notes (text TEXT)");
    }
    auto store = open_sqlite_store(directory.database());
    store->record_poll(poll_of("a", {entry_with_id("1", "one")}), at(100));
    SQLite::Database connection(directory.database(), SQLite::OPEN_READONLY);
    EXPECT_TRUE(connection.tableExists("notes"));
    EXPECT_EQ(connection.execAndGet("PRAGMA user_version").getInt(), detail::latest_schema_version());
}

TEST(SqliteStore, RefusesADatabaseFromANewerVersion) {
    TempDirectory directory;
    { open_sqlite_store(directory.database()); }
    {
        SQLite::Database connection(directory.database(), SQLite::OPEN_READWRITE);
        connection.exec("PRAGMA user_version = " + std::to_string(detail::latest_schema_version() + 1));
    }
    try {
        open_sqlite_store(directory.database());
        FAIL() << "a newer schema was accepted";
    } catch (const StoreError& error) {
        EXPECT_NE(std::string(error.what()).find("newer feedagg"), std::string::npos) << error.what();
    }
}

TEST(SqliteStore, RefusesAFileThatIsNotADatabase) {
    TempDirectory directory;
    {
        std::ofstream garbage(directory.database(), std::ios::binary);
        for (int i = 0; i < 10000; ++i) garbage.put(static_cast<char>(i * 131));
    }
    EXPECT_THROW(open_sqlite_store(directory.database()), StoreError);
}

TEST(SqliteStore, ReopeningKeepsSourcesItemsAndGeneration) {
    TempDirectory directory;
    PollOutcome poll = poll_of("a", {entry_with_id("1", "one", at(10)), entry_with_id("2", "two", at(20))});
    poll.state.etag = "\"v1\"";
    poll.state.last_modified = "Mon, 01 Jan 2024 00:00:00 GMT";
    poll.state.last_attempt = at(99);
    poll.state.last_success = at(98);
    poll.state.last_error = "";
    poll.state.consecutive_failures = 3;
    poll.state.next_poll = at(1000);
    poll.state.gone = true;
    poll.state.redirect_target = "https://example.org/feed";
    poll.state.redirect_streak = 2;
    poll.state.feed_title = "Example";
    poll.state.feed_link = "https://example.com/";
    std::uint64_t generation = 0;
    {
        auto store = open_sqlite_store(directory.database());
        store->record_poll(poll, at(100));
        generation = store->generation();
    }
    auto store = open_sqlite_store(directory.database());
    EXPECT_EQ(store->source_state("a"), poll.state);
    EXPECT_EQ(store->generation(), generation);
    EXPECT_EQ(titles_of(store->items({})), (std::vector<std::string>{"two", "one"}));
}

TEST(SqliteStore, StoresEveryEntryField) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    feeds::Entry entry;
    entry.id = "urn:x:1";
    entry.title = "Title ✓";
    entry.link = "https://example.com/1";
    entry.links = {{"https://example.com/1", "alternate", "text/html", "Read", 12},
                   {"https://example.com/1.mp3", "enclosure", "audio/mpeg", "", std::nullopt}};
    entry.summary = "<p>summary</p>";
    entry.content = "<p>content \"quoted\"</p>";
    entry.published = at(1000);
    entry.updated = at(2000);
    entry.authors = {{"Ann", "ann@example.com", "https://example.com/ann"}, {"Bob", "", ""}};
    entry.categories = {"labour", "news"};
    entry.enclosures = {{"https://example.com/1.mp3", "audio/mpeg", 1234}};
    entry.comments = "https://example.com/1#comments";
    entry.comment_count = 7;
    entry.source_title = "Origin";
    entry.source_link = "https://origin.example/";
    store->record_poll(poll_of("a", {entry}), at(3000));

    const auto items = store->items({});
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].entry, entry);
    EXPECT_EQ(items[0].source, "a");
    EXPECT_EQ(items[0].first_seen, at(3000));
    EXPECT_EQ(items[0].sort_time, at(1000));
}

TEST(SqliteStore, CountsNewUpdatedAndUnchangedEntries) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    auto first =
        store->record_poll(poll_of("a", {entry_with_id("1", "one"), entry_with_id("2", "two")}), at(100));
    EXPECT_EQ(first.new_items, 2u);
    EXPECT_EQ(first.updated_items, 0u);
    EXPECT_EQ(first.unchanged_items, 0u);

    auto second =
        store->record_poll(poll_of("a", {entry_with_id("1", "one"), entry_with_id("2", "two, corrected"),
                                         entry_with_id("3", "three")}),
                           at(200));
    EXPECT_EQ(second.new_items, 1u);
    EXPECT_EQ(second.updated_items, 1u);
    EXPECT_EQ(second.unchanged_items, 1u);
    EXPECT_EQ(store->items({}).size(), 3u);
}

// The daemon prepares rows on its workers; a poll written with them is stored exactly as one without.
TEST(SqliteStore, PreparedRowsWriteWhatTheStoreWouldHaveMade) {
    TempDirectory prepared_directory;
    TempDirectory plain_directory;
    auto prepared = open_sqlite_store(prepared_directory.database());
    auto plain = open_sqlite_store(plain_directory.database());
    feeds::Entry no_id = entry_with_id("", "linked");
    no_id.link = "HTTPS://Example.com:443/a?utm_source=x";
    const std::vector<feeds::Entry> first = {entry_with_id("1", "one"), no_id};
    const std::vector<feeds::Entry> second = {entry_with_id("1", "one, corrected"), no_id,
                                              entry_with_id("2", "two")};
    for (const auto& entries : {first, second}) {
        PollOutcome with_rows = poll_of("a", entries);
        prepare_entry_rows(with_rows);
        ASSERT_EQ(with_rows.rows.size(), entries.size());
        const WriteSummary written = prepared->record_poll(with_rows, at(100));
        const WriteSummary expected = plain->record_poll(poll_of("a", entries), at(100));
        EXPECT_EQ(written.new_items, expected.new_items);
        EXPECT_EQ(written.updated_items, expected.updated_items);
        EXPECT_EQ(written.unchanged_items, expected.unchanged_items);
    }
    const auto stored = prepared->items({});
    const auto expected = plain->items({});
    ASSERT_EQ(stored.size(), 3u);
    ASSERT_EQ(stored.size(), expected.size());
    for (std::size_t i = 0; i < stored.size(); ++i) EXPECT_EQ(stored[i].entry, expected[i].entry);
    EXPECT_EQ(detail::make_entry_row(no_id).identity_key, "link:https://example.com/a");
}

// With story keys made first, a row takes its canonical link from them: the same row either way.
TEST(SqliteStore, RowsMadeBesideStoryKeysAreTheRowsMadeAlone) {
    feeds::Entry no_id = entry_with_id("", "linked");
    no_id.link = "HTTPS://Example.com:443/a/?utm_source=x#top";
    PollOutcome keyed = poll_of("a", {no_id, entry_with_id("1", "one")});
    for (const feeds::Entry& entry : keyed.entries)
        keyed.story_keys.push_back(feeds::story_keys(entry.title, entry.content, entry.link));
    prepare_entry_rows(keyed);
    ASSERT_EQ(keyed.rows.size(), 2u);
    for (std::size_t i = 0; i < keyed.rows.size(); ++i) {
        const EntryRow alone = detail::make_entry_row(keyed.entries[i]);
        EXPECT_EQ(keyed.rows[i].identity_key, alone.identity_key);
        EXPECT_EQ(keyed.rows[i].canonical_link, alone.canonical_link);
        EXPECT_EQ(keyed.rows[i].content_hash, alone.content_hash);
    }
}

TEST(SqliteStore, SameIdIsTheSameEntryEvenWhenTheLinkChanges) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    feeds::Entry entry = entry_with_id("tag:1", "one");
    entry.link = "https://example.com/a";
    store->record_poll(poll_of("a", {entry}), at(100));
    entry.link = "https://example.com/b";
    const auto summary = store->record_poll(poll_of("a", {entry}), at(200));
    EXPECT_EQ(summary.updated_items, 1u);
    const auto items = store->items({});
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].entry.link, "https://example.com/b");
}

TEST(SqliteStore, WithoutIdTheCanonicalLinkIdentifiesTheEntry) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    feeds::Entry entry;
    entry.title = "one";
    entry.link = "https://Example.com:443/news/1?utm_source=rss#top";
    store->record_poll(poll_of("a", {entry}), at(100));
    entry.link = "https://example.com/news/1";
    entry.title = "one, corrected";
    const auto summary = store->record_poll(poll_of("a", {entry}), at(200));
    EXPECT_EQ(summary.new_items, 0u);
    EXPECT_EQ(summary.updated_items, 1u);
    EXPECT_EQ(titles_of(store->items({})), (std::vector<std::string>{"one, corrected"}));
}

TEST(SqliteStore, WithoutIdOrLinkTitleAndContentIdentifyTheEntry) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    feeds::Entry entry;
    entry.title = "notice";
    entry.content = "<p>meeting at six</p>";
    store->record_poll(poll_of("a", {entry}), at(100));
    EXPECT_EQ(store->record_poll(poll_of("a", {entry}), at(200)).unchanged_items, 1u);
    entry.content = "<p>meeting at seven</p>";
    EXPECT_EQ(store->record_poll(poll_of("a", {entry}), at(300)).new_items, 1u);
    EXPECT_EQ(store->items({}).size(), 2u);
}

TEST(SqliteStore, SameEntryInTwoSourcesIsTwoItems) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    store->record_poll(poll_of("a", {entry_with_id("1", "one")}), at(100));
    EXPECT_EQ(store->record_poll(poll_of("b", {entry_with_id("1", "one")}), at(100)).new_items, 1u);
    EXPECT_EQ(store->items({}).size(), 2u);
}

TEST(SqliteStore, AChangedEntryWithoutNewerUpdatedMovesUpdatedToNow) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    feeds::Entry entry = entry_with_id("1", "one", at(50));
    entry.updated = at(60);
    store->record_poll(poll_of("a", {entry}), at(100));
    entry.title = "one, corrected";  // the feed forgot to move its updated date
    store->record_poll(poll_of("a", {entry}), at(200));
    auto items = store->items({});
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].entry.updated, at(200));
    EXPECT_EQ(items[0].first_seen, at(100));
    EXPECT_EQ(items[0].sort_time, at(50));

    entry.title = "one, corrected again";
    entry.updated = at(500);  // newer than what is stored: the feed's own date is kept
    store->record_poll(poll_of("a", {entry}), at(300));
    items = store->items({});
    EXPECT_EQ(items[0].entry.updated, at(500));
}

TEST(SqliteStore, AnUndatedEntryIsOrderedByFirstSeenThenByItsUpdate) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    store->record_poll(poll_of("a", {entry_with_id("old", "old"), entry_with_id("dated", "dated", at(150))}),
                       at(100));
    EXPECT_EQ(titles_of(store->items({})), (std::vector<std::string>{"dated", "old"}));
    store->record_poll(poll_of("a", {entry_with_id("old", "old, changed")}), at(200));
    EXPECT_EQ(titles_of(store->items({})), (std::vector<std::string>{"old, changed", "dated"}));
}

TEST(SqliteStore, AnUnchangedPollChangesNothing) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    const auto poll = poll_of("a", {entry_with_id("1", "one")});
    store->record_poll(poll, at(100));
    const auto generation = store->generation();
    const auto before = store->items({});
    EXPECT_EQ(store->record_poll(poll, at(200)).unchanged_items, 1u);
    EXPECT_EQ(store->generation(), generation);
    const auto after = store->items({});
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].entry, before[0].entry);
    EXPECT_EQ(after[0].first_seen, at(100));
}

// Releases before XXH3 stored an FNV-1a 128 digest of the same parts. Such a row is compared the
// old way, so upgrading shows no item as changed, and its hash is then replaced.
TEST(SqliteStore, AHashStoredByAnOlderReleaseStillSaysUnchanged) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    const feeds::Entry entry = entry_with_id("1", "one", at(50));
    const auto store_older_hash = [&] {
        // FNV-1a 128 of {"id":"1"}, "one", "", "50", "", each followed by 0x1F, as stored before.
        SQLite::Database connection(directory.database(), SQLite::OPEN_READWRITE);
        connection.exec("UPDATE items SET content_hash = '2290ef9ea1f877e8eba46c6abf8e3b4f'");
    };
    const auto stored_hash = [&] {
        SQLite::Database connection(directory.database(), SQLite::OPEN_READONLY);
        return connection.execAndGet("SELECT content_hash FROM items").getString();
    };
    store->record_poll(poll_of("a", {entry}), at(100));
    const std::string current = stored_hash();
    EXPECT_TRUE(current.starts_with("xxh3:")) << current;
    store_older_hash();
    const auto generation = store->generation();
    const WriteSummary again = store->record_poll(poll_of("a", {entry}), at(200));
    EXPECT_EQ(again.unchanged_items, 1u);
    EXPECT_EQ(again.updated_items, 0u);
    EXPECT_EQ(store->generation(), generation);
    EXPECT_EQ(stored_hash(), current);

    store_older_hash();
    const WriteSummary corrected =
        store->record_poll(poll_of("a", {entry_with_id("1", "one, corrected", at(50))}), at(300));
    EXPECT_EQ(corrected.updated_items, 1u);
}

TEST(SqliteStore, DuplicatesWithinOnePollCollapseToTheFirst) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    const auto summary =
        store->record_poll(poll_of("a", {entry_with_id("1", "first copy"), entry_with_id("1", "second copy"),
                                         entry_with_id("2", "two")}),
                           at(100));
    EXPECT_EQ(summary.new_items, 2u);
    EXPECT_EQ(summary.updated_items + summary.unchanged_items, 0u);
    const auto titles = titles_of(store->items({}));
    EXPECT_EQ(std::set<std::string>(titles.begin(), titles.end()),
              (std::set<std::string>{"first copy", "two"}));
}

TEST(SqliteStore, AFailedPollKeepsItemsAndRecordsTheError) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    store->record_poll(poll_of("a", {entry_with_id("1", "one")}), at(100));
    PollOutcome failure = poll_of("a", {});
    failure.state.last_error = "connect: timed out after 10s";
    failure.state.consecutive_failures = 1;
    EXPECT_EQ(store->record_poll(failure, at(200)).new_items, 0u);
    EXPECT_EQ(store->source_state("a")->last_error, "connect: timed out after 10s");
    EXPECT_EQ(store->items({}).size(), 1u);
    EXPECT_FALSE(store->source_state("missing"));
}

TEST(SqliteStore, PagesThroughEqualSortTimesWithoutLosingOrRepeating) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    std::vector<feeds::Entry> entries;
    for (int i = 0; i < 25; ++i)
        entries.push_back(entry_with_id(std::to_string(i), "e" + std::to_string(i), at(i / 10)));
    store->record_poll(poll_of("a", entries), at(100));
    store->record_poll(poll_of("b", {entry_with_id("x", "bx", at(1))}), at(100));

    for (const auto& sources : {std::vector<std::string>{}, std::vector<std::string>{"a", "b"}}) {
        std::vector<StoredItem> all;
        ItemQuery query{sources, 4, std::nullopt};
        for (;;) {
            const auto page = store->items(query);
            if (page.empty()) break;
            EXPECT_LE(page.size(), 4u);
            all.insert(all.end(), page.begin(), page.end());
            query.after = ItemCursor{page.back().sort_time, page.back().id};
        }
        ASSERT_EQ(all.size(), 26u);
        std::set<std::int64_t> ids;
        for (std::size_t i = 0; i < all.size(); ++i) {
            ids.insert(all[i].id);
            if (i > 0) {
                const bool ordered = all[i - 1].sort_time > all[i].sort_time ||
                                     (all[i - 1].sort_time == all[i].sort_time && all[i - 1].id > all[i].id);
                EXPECT_TRUE(ordered) << "at " << i;
            }
        }
        EXPECT_EQ(ids.size(), 26u);
    }
}

TEST(SqliteStore, FiltersBySources) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    store->record_poll(poll_of("a", {entry_with_id("1", "a1", at(10)), entry_with_id("2", "a2", at(40))}),
                       at(100));
    store->record_poll(poll_of("b", {entry_with_id("1", "b1", at(20))}), at(100));
    store->record_poll(poll_of("c", {entry_with_id("1", "c1", at(30))}), at(100));
    EXPECT_EQ(titles_of(store->items({{"a", "c"}, 50, std::nullopt})),
              (std::vector<std::string>{"a2", "c1", "a1"}));
    EXPECT_EQ(titles_of(store->items({{"b", "b"}, 50, std::nullopt})), (std::vector<std::string>{"b1"}));
    EXPECT_TRUE(store->items({{"nobody"}, 50, std::nullopt}).empty());
    EXPECT_EQ(titles_of(store->items({{"a", "b", "c"}, 2, std::nullopt})),
              (std::vector<std::string>{"a2", "c1"}));
    EXPECT_TRUE(store->items({{}, 0, std::nullopt}).empty());
}

TEST(SqliteStore, ListsSourcesWithTheirItemCounts) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    store->record_poll(poll_of("b", {entry_with_id("1", "b1"), entry_with_id("2", "b2")}), at(100));
    store->record_poll(poll_of("a", {}), at(100));
    const auto sources = store->sources();
    ASSERT_EQ(sources.size(), 2u);
    EXPECT_EQ(sources[0].state.name, "a");
    EXPECT_EQ(sources[0].item_count, 0u);
    EXPECT_EQ(sources[1].state.name, "b");
    EXPECT_EQ(sources[1].item_count, 2u);
}

TEST(SqliteStore, RetentionKeepsTheNewestAndProtectedItems) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    std::vector<feeds::Entry> entries;
    for (int i = 0; i < 10; ++i)
        entries.push_back(entry_with_id(std::to_string(i), "a" + std::to_string(i), at(i)));
    store->record_poll(poll_of("a", entries), at(100));
    store->record_poll(poll_of("b", {entry_with_id("1", "b1", at(1))}), at(100));
    const auto oldest = store->items({{"a"}, 50, std::nullopt}).back();
    ASSERT_EQ(oldest.entry.title, "a0");

    const auto generation = store->generation();
    const std::size_t deleted = store->apply_retention({{"a", 3, std::nullopt}}, {oldest.id}, at(100));
    EXPECT_EQ(deleted, 6u);
    EXPECT_EQ(titles_of(store->items({{"a"}, 50, std::nullopt})),
              (std::vector<std::string>{"a9", "a8", "a7", "a0"}));
    EXPECT_EQ(store->items({{"b"}, 50, std::nullopt}).size(), 1u);  // no rule, untouched
    EXPECT_GT(store->generation(), generation);
}

TEST(SqliteStore, RetentionDropsItemsPastTheMaximumAge) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    store->record_poll(
        poll_of("a", {entry_with_id("old", "old", at(1000)), entry_with_id("older", "older", at(500)),
                      entry_with_id("new", "new", at(9000))}),
        at(10000));
    const auto older = store->items({{"a"}, 50, std::nullopt}).back();
    const auto deleted =
        store->apply_retention({{"a", 500, std::chrono::seconds(5000)}}, {older.id}, at(10000));
    EXPECT_EQ(deleted, 1u);
    EXPECT_EQ(titles_of(store->items({})), (std::vector<std::string>{"new", "older"}));

    const auto generation = store->generation();
    EXPECT_EQ(store->apply_retention({{"a", 500, std::chrono::seconds(5000)}}, {older.id}, at(10000)), 0u);
    EXPECT_EQ(store->generation(), generation);
}

TEST(SqliteStore, GenerationIncreasesWithEveryChangeToItems) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    const auto start = store->generation();
    store->record_poll(poll_of("a", {entry_with_id("1", "one")}), at(100));
    const auto after_insert = store->generation();
    EXPECT_GT(after_insert, start);
    store->record_poll(poll_of("a", {entry_with_id("1", "one, changed")}), at(200));
    const auto after_update = store->generation();
    EXPECT_GT(after_update, after_insert);
    PollOutcome renamed = poll_of("a", {});
    renamed.state.feed_title = "A new name";  // items are credited with it
    store->record_poll(renamed, at(300));
    EXPECT_GT(store->generation(), after_update);
}

TEST(SqliteStore, ReaderSeesWriterCommitsWhileItWrites) {
    TempDirectory directory;
    auto writer = open_sqlite_store(directory.database());
    auto reader = open_sqlite_store(directory.database());
    std::atomic<bool> done{false};
    std::atomic<int> reads{0};
    std::string reader_error;
    std::thread reading([&] {
        try {
            std::size_t last = 0;
            while (!done) {
                const std::size_t seen = reader->items({{}, 1000, std::nullopt}).size();
                if (seen < last) reader_error = "items went backwards";
                last = seen;
                reader->generation();
                ++reads;
            }
        } catch (const std::exception& error) {
            reader_error = error.what();
        }
    });
    for (int poll = 0; poll < 100; ++poll) {
        writer->record_poll(poll_of("a", {entry_with_id(std::to_string(poll), "e")}), at(poll));
    }
    done = true;
    reading.join();
    EXPECT_EQ(reader_error, "");
    EXPECT_GT(reads.load(), 0);
    EXPECT_EQ(reader->items({{}, 1000, std::nullopt}).size(), 100u);
    EXPECT_EQ(reader->generation(), writer->generation());
    EXPECT_EQ(testing::integrity_check(directory.database()), "ok");
}

TEST(SqliteStore, HostileTextIsStoredAsIs) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    feeds::Entry entry = entry_with_id("'; DROP TABLE items; --", std::string("nul\0inside", 10));
    entry.content = std::string(2'000'000, 'x');
    entry.link = "http://[::1";
    entry.categories = {"\"}{][", ""};
    store->record_poll(poll_of("a'b", {entry}), at(1));
    const auto items = store->items({{"a'b"}, 10, std::nullopt});
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].entry, entry);
}

// What SQLite plans for a statement, one step per line.
std::string query_plan(const std::filesystem::path& database, const std::string& statement) {
    SQLite::Database connection(database, SQLite::OPEN_READONLY);
    SQLite::Statement explain(connection, "EXPLAIN QUERY PLAN " + statement);
    std::string plan;
    while (explain.executeStep()) plan += explain.getColumn(3).getString() + "\n";
    return plan;
}

TEST(SqliteStore, PagesWalkAnIndexRangeWithoutSorting) {
    TempDirectory directory;
    { open_sqlite_store(directory.database()); }
    const std::string all = query_plan(directory.database(), detail::sql::newest_items);
    EXPECT_NE(all.find("USING INDEX items_newest ("), std::string::npos) << all;
    EXPECT_EQ(all.find("TEMP B-TREE"), std::string::npos) << all;
    const std::string by_source = query_plan(directory.database(), detail::sql::newest_positions_of_source);
    EXPECT_NE(by_source.find("USING COVERING INDEX items_newest_by_source (source=?"), std::string::npos)
        << by_source;
    EXPECT_EQ(by_source.find("TEMP B-TREE"), std::string::npos) << by_source;
}

TEST(EntryRecord, IdentityPrefersIdThenCanonicalLinkThenContent) {
    feeds::Entry entry;
    entry.title = "t";
    entry.summary = "s";
    const std::string by_hash = detail::identity_key(entry);
    EXPECT_EQ(by_hash.rfind("hash:", 0), 0u);
    entry.content = "c";
    EXPECT_NE(detail::identity_key(entry), by_hash);
    entry.link = "HTTPS://Example.com/a?fbclid=1";
    EXPECT_EQ(detail::identity_key(entry), "link:https://example.com/a");
    entry.id = "urn:1";
    EXPECT_EQ(detail::identity_key(entry), "id:urn:1");
}

TEST(EntryRecord, DecodingGarbageLeavesTheEntryEmpty) {
    for (const std::string_view garbage :
         {"", "{", "[1,2]", "{\"links\":5,\"authors\":[1,\"x\"]}", "\xff\xfe"}) {
        feeds::Entry entry;
        detail::decode_entry_body(garbage, entry);
        EXPECT_EQ(entry, feeds::Entry()) << garbage;
    }
}

}  // namespace
}  // namespace feedagg::store

namespace feedagg::store {
namespace {

TEST(SqliteStoreMigration, KeepsTheConfiguredUrlASourceStateBelongsTo) {
    testing::TempDirectory directory;
    auto outcome = testing::poll_of("daily", {});
    outcome.state.url = "https://new.example.cn/rss";  // after a followed permanent redirect
    outcome.state.configured_url = "https://old.example.cn/rss";
    { open_sqlite_store(directory.database())->record_poll(outcome, testing::at(100)); }
    const auto state = open_sqlite_store(directory.database())->source_state("daily");
    ASSERT_TRUE(state);
    EXPECT_EQ(state->url, "https://new.example.cn/rss");
    EXPECT_EQ(state->configured_url, "https://old.example.cn/rss");
}

TEST(SqliteStoreMigration, UpgradesAVersion1DatabaseTakingTheUrlAsConfigured) {
    testing::TempDirectory directory;
    { open_sqlite_store(directory.database())->record_poll(testing::poll_of("daily", {}), testing::at(100)); }
    {  // make it look as version 1 left it: no configured_url column
        SQLite::Database connection(directory.database(), SQLite::OPEN_READWRITE);
        connection.exec(
            "ALTER TABLE sources DROP COLUMN configured_url; DROP INDEX items_story;"
            "ALTER TABLE items DROP COLUMN story; ALTER TABLE items DROP COLUMN story_reason;"
            "ALTER TABLE items DROP COLUMN story_score; ALTER TABLE items DROP COLUMN story_title;"
            "ALTER TABLE items DROP COLUMN story_text_length; ALTER TABLE items DROP COLUMN "
            "story_fingerprint;"
            "PRAGMA user_version = 1;");
    }
    const auto state = open_sqlite_store(directory.database())->source_state("daily");
    ASSERT_TRUE(state);
    EXPECT_EQ(state->configured_url, "https://example.com/daily.xml");
}

}  // namespace
}  // namespace feedagg::store
