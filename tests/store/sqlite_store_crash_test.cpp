// kill -9 at any moment loses nothing that was committed: a child process records polls in a loop
// and reports each one on a pipe after record_poll returned (so after COMMIT); the parent kills it at
// random moments, again and again, then checks the file and that every reported poll is there.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "daemon/store/store.hpp"
#include "tests/store/store_test_support.hpp"

namespace feedagg::store {
namespace {

using testing::at;
using testing::entry_with_id;
using testing::poll_of;

constexpr int kKills = 30;
constexpr int kEntriesPerPoll = 20;

std::string entry_id(int round, int poll, int entry) {
    return std::to_string(round) + "-" + std::to_string(poll) + "-" + std::to_string(entry);
}

// The child: never returns. Each poll adds kEntriesPerPoll entries and rewrites one shared entry,
// so kills land in inserts, updates, commits and WAL checkpoints alike.
[[noreturn]] void record_polls_forever(const std::filesystem::path& database, int round, int report_fd) {
    try {
        auto store = open_sqlite_store(database);
        const std::string body(2000, 'x');
        for (int poll = 0;; ++poll) {
            PollOutcome outcome =
                poll_of("crash", {entry_with_id("shared", "round " + std::to_string(round) + " poll " +
                                                              std::to_string(poll))});
            for (int entry = 0; entry < kEntriesPerPoll; ++entry) {
                outcome.entries.push_back(entry_with_id(entry_id(round, poll, entry), "e", at(poll)));
                outcome.entries.back().content = body;
            }
            outcome.state.next_poll = at(poll);
            store->record_poll(outcome, at(1'000'000 + poll));
            const std::string line = std::to_string(round) + " " + std::to_string(poll) + "\n";
            // A write under PIPE_BUF bytes to a pipe is atomic: the parent never reads half a line.
            if (::write(report_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) ::_exit(3);
        }
    } catch (...) {
        ::_exit(2);
    }
}

std::string read_all(int fd) {
    std::string text;
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got <= 0) return text;
        text.append(buffer, static_cast<std::size_t>(got));
    }
}

TEST(SqliteStoreCrash, KillNineLosesNothingCommittedAndLeavesAnIntactFile) {
    testing::TempDirectory directory;
    std::mt19937 random(20240611);
    std::uniform_int_distribution<int> delay_ms(0, 50);
    std::vector<std::pair<int, int>> reported;  // (round, poll)

    for (int round = 0; round < kKills; ++round) {
        int pipe_fds[2];
        ASSERT_EQ(::pipe(pipe_fds), 0);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(pipe_fds[0]);
            record_polls_forever(directory.database(), round, pipe_fds[1]);
        }
        ::close(pipe_fds[1]);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(status)) << "round " << round << ": the child stopped by itself, exit status "
                                         << (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        std::istringstream lines(read_all(pipe_fds[0]));
        ::close(pipe_fds[0]);
        int reported_round = 0;
        int poll = 0;
        while (lines >> reported_round >> poll) reported.emplace_back(reported_round, poll);
    }

    EXPECT_EQ(testing::integrity_check(directory.database()), "ok");
    auto store = open_sqlite_store(directory.database());
    std::set<std::string> stored_ids;
    std::size_t shared_copies = 0;
    for (const StoredItem& item : store->items({{"crash"}, 10'000'000, std::nullopt})) {
        stored_ids.insert(item.entry.id);
        if (item.entry.id == "shared") ++shared_copies;
    }
    std::size_t missing = 0;
    for (const auto& [round, poll] : reported) {
        for (int entry = 0; entry < kEntriesPerPoll; ++entry) {
            if (stored_ids.count(entry_id(round, poll, entry)) == 0) ++missing;
        }
    }
    EXPECT_EQ(missing, 0u) << "of " << reported.size() << " reported polls";
    EXPECT_LE(shared_copies, 1u);
    EXPECT_FALSE(reported.empty()) << "no poll was committed before a kill: nothing was tested";
    std::cout << "polls reported committed: " << reported.size() << ", items stored: " << stored_ids.size()
              << "\n";
}

}  // namespace
}  // namespace feedagg::store
