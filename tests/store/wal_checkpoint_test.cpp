// WAL checkpoints run beside the writer (daemon/store/wal_checkpointer.hpp): however fast polls
// are written, the WAL stays bounded and the pages reach the database file.

#include <gtest/gtest.h>

#include "daemon/store/store.hpp"
#include "tests/store/store_test_support.hpp"

namespace feedagg::store {
namespace {

using testing::at;
using testing::entry_with_id;
using testing::poll_of;

constexpr std::uintmax_t kPageBytes = 4096;
// kWriterPages (daemon/store/wal_checkpointer.hpp), and one poll's pages on top of them.
constexpr std::uintmax_t kWalBoundPages = 4000 + 200;

std::uintmax_t size_of(const std::filesystem::path& path) {
    std::error_code missing;
    const std::uintmax_t size = std::filesystem::file_size(path, missing);
    return missing ? 0 : size;
}

TEST(WalCheckpoints, TheWalStaysBoundedAndThePagesReachTheDatabaseFile) {
    testing::TempDirectory directory;
    const std::filesystem::path wal = directory.database().string() + "-wal";
    auto store = open_sqlite_store(directory.database());
    const std::string body(3000, 'x');
    std::uintmax_t largest_wal = 0;
    for (int poll = 0; poll < 160; ++poll) {  // 8,000 items of 3 KB: six times what the bound holds
        PollOutcome outcome = poll_of("busy", {});
        for (int item = 0; item < 50; ++item) {
            outcome.entries.push_back(entry_with_id(std::to_string(poll) + "-" + std::to_string(item), "t"));
            outcome.entries.back().content = body;
        }
        store->record_poll(outcome, at(poll));
        largest_wal = std::max(largest_wal, size_of(wal));
    }
    EXPECT_LE(largest_wal, kWalBoundPages * kPageBytes);
    EXPECT_GE(size_of(directory.database()), 8000 * body.size() / 2);
    store.reset();
    EXPECT_EQ(testing::integrity_check(directory.database()), "ok");
}

}  // namespace
}  // namespace feedagg::store
