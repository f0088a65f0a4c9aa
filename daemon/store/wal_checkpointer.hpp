#pragma once
// Internal to daemon/store: WAL checkpoints off the writing thread. SQLite's automatic checkpoint
// runs inside the commit that takes the WAL past 1,000 pages, so the writer pays for copying those
// pages into the database file and for the fsync that follows. Here a thread of the store's own,
// on a connection of its own, does that while the writer goes on; the writer checkpoints itself
// only when the WAL outgrows a bound (the disk cannot keep up, or the thread could not start), so
// the WAL stays bounded and a writer faster than the disk is still held back by it.

#include <SQLiteCpp/Database.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

struct sqlite3;

namespace feedagg::store::detail {

class WalCheckpointer {
  public:
    // WAL pages past which the thread is asked to checkpoint (SQLite's automatic threshold), and
    // past which the writer waits for it and checkpoints itself.
    static constexpr int kThreadPages = 1000;
    static constexpr int kWriterPages = 4 * kThreadPages;

    // Takes the place of `writer`'s automatic checkpoint; `path` is the database `writer` opened.
    WalCheckpointer(SQLite::Database& writer, std::filesystem::path path);
    // Gives `writer` back its automatic checkpoint.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  private:
    static int after_commit(void* self, sqlite3* writer, const char* schema, int wal_pages);
    void checkpoint(sqlite3* connection, const char* schema);
    void run();

    SQLite::Database& writer_;
    const std::filesystem::path path_;
    std::mutex checkpointing_;  // held by whichever connection checkpoints
    std::mutex mutex_;          // guards wanted_ and stopping_
    std::condition_variable wake_;
    bool wanted_ = false;
    bool stopping_ = false;
    std::atomic<bool> thread_failed_ = false;  // its connection did not open: the writer checkpoints
    std::thread thread_;
};

}  // namespace feedagg::store::detail
