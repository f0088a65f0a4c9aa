// Figures at a million items, for docs/store.md. Disabled: it takes about a minute to fill the file.
// Run with --gtest_also_run_disabled_tests. It prints timings and asserts only on results.

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "daemon/store/store.hpp"
#include "tests/store/store_test_support.hpp"

namespace feedagg::store {
namespace {

using testing::at;
using testing::entry_with_id;
using testing::poll_of;

constexpr int kSources = 1000;
constexpr int kPollsPerSource = 10;
constexpr int kEntriesPerPoll = 100;

template <typename Work>
double milliseconds(Work&& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

PollOutcome poll_at(int source, int poll) {
    PollOutcome outcome = poll_of("source-" + std::to_string(source), {});
    for (int entry = 0; entry < kEntriesPerPoll; ++entry) {
        const int serial = poll * kEntriesPerPoll + entry;
        feeds::Entry item = entry_with_id("urn:" + std::to_string(serial), "Title " + std::to_string(serial),
                                          at(1'700'000'000 + serial * 60 + source));
        item.link = "https://example.com/" + std::to_string(source) + "/" + std::to_string(serial);
        item.content = std::string(600, 'c');
        outcome.entries.push_back(std::move(item));
    }
    return outcome;
}

TEST(SqliteStoreScale, DISABLED_MillionItems) {
    testing::TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    double fill_ms = 0;
    for (int poll = 0; poll < kPollsPerSource; ++poll) {
        for (int source = 0; source < kSources; ++source) {
            const PollOutcome outcome = poll_at(source, poll);
            fill_ms += milliseconds([&] { store->record_poll(outcome, at(1'800'000'000)); });
        }
    }
    const int polls = kSources * kPollsPerSource;
    std::cout << "record_poll, 100 new entries: " << fill_ms / polls << " ms per poll\n";

    const PollOutcome again = poll_at(7, kPollsPerSource - 1);
    const double unchanged_ms = milliseconds([&] { store->record_poll(again, at(1'800'000'001)); });
    std::cout << "record_poll, 100 unchanged entries: " << unchanged_ms << " ms\n";

    std::vector<StoredItem> page;
    const double first_page_ms = milliseconds([&] { page = store->items({}); });
    ASSERT_EQ(page.size(), 50u);
    std::cout << "items(limit 50), all sources: " << first_page_ms << " ms\n";
    ItemQuery deep{{}, 50, ItemCursor{at(1'700'000'000 + 100 * 60), 0}};
    const double deep_page_ms = milliseconds([&] { page = store->items(deep); });
    std::cout << "items(limit 50), all sources, deep cursor: " << deep_page_ms << " ms\n";

    ItemQuery channel{{}, 50, std::nullopt};
    for (int source = 0; source < 10; ++source)
        channel.sources.push_back("source-" + std::to_string(source * 7));
    const double channel_ms = milliseconds([&] { page = store->items(channel); });
    ASSERT_EQ(page.size(), 50u);
    std::cout << "items(limit 50), 10 sources: " << channel_ms << " ms\n";
    channel.sources.clear();
    for (int source = 0; source < kSources; ++source)
        channel.sources.push_back("source-" + std::to_string(source));
    const double wide_ms = milliseconds([&] { page = store->items(channel); });
    std::cout << "items(limit 50), 1000 sources listed: " << wide_ms << " ms\n";

    std::vector<SourceSummary> sources;
    const double sources_ms = milliseconds([&] { sources = store->sources(); });
    ASSERT_EQ(sources.size(), static_cast<std::size_t>(kSources));
    std::cout << "sources() with counts: " << sources_ms << " ms\n";

    std::vector<RetentionRule> rules;
    for (int source = 0; source < kSources; ++source)
        rules.push_back({"source-" + std::to_string(source), 500, {}});
    std::size_t deleted = 0;
    const double retention_ms =
        milliseconds([&] { deleted = store->apply_retention(rules, {}, at(1'800'000'000)); });
    EXPECT_EQ(deleted, static_cast<std::size_t>(kSources * (kPollsPerSource * kEntriesPerPoll - 500)));
    std::cout << "apply_retention to 500 per source (deletes 500,000): " << retention_ms << " ms\n";
    std::cout << "file: " << std::filesystem::file_size(directory.database()) / (1 << 20) << " MiB\n";
}

}  // namespace
}  // namespace feedagg::store
