#include "daemon/store/wal_checkpointer.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace feedagg::store::detail {
namespace {

constexpr int kBusyTimeoutMs = 5000;  // as the store's own connection

}  // namespace

WalCheckpointer::WalCheckpointer(SQLite::Database& writer, std::filesystem::path path)
    : writer_(writer), path_(std::move(path)), thread_(&WalCheckpointer::run, this) {
    sqlite3_wal_hook(writer_.getHandle(), &WalCheckpointer::after_commit, this);
}

WalCheckpointer::~WalCheckpointer() {
    sqlite3_wal_autocheckpoint(writer_.getHandle(), kThreadPages);
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

// Called by SQLite on the writer's thread once a commit is done and the write lock released. A
// checkpoint's failure is not the commit's: like SQLite's own hook, it is left for the next one.
int WalCheckpointer::after_commit(void* self, sqlite3* writer, const char* schema, int wal_pages) {
    auto& checkpointer = *static_cast<WalCheckpointer*>(self);
    if (wal_pages >= kWriterPages || checkpointer.thread_failed_) {
        checkpointer.checkpoint(writer, schema);
    } else if (wal_pages >= kThreadPages) {
        {
            const std::lock_guard lock(checkpointer.mutex_);
            checkpointer.wanted_ = true;
        }
        checkpointer.wake_.notify_one();
    }
    return SQLITE_OK;
}

// PASSIVE: copies what no reader still needs, never waits for readers or the writer.
void WalCheckpointer::checkpoint(sqlite3* connection, const char* schema) {
    const std::lock_guard hold(checkpointing_);
    sqlite3_wal_checkpoint_v2(connection, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

void WalCheckpointer::run() {
    try {
        SQLite::Database connection(path_, SQLite::OPEN_READWRITE);
        connection.setBusyTimeout(kBusyTimeoutMs);
        // A connection opens the file lazily: until it reads, it does not know the WAL exists, and
        // a checkpoint would do nothing.
        connection.exec("PRAGMA journal_mode");
        std::unique_lock lock(mutex_);
        for (;;) {
            wake_.wait(lock, [&] { return wanted_ || stopping_; });
            if (stopping_) return;
            wanted_ = false;
            lock.unlock();
            checkpoint(connection.getHandle(), "main");
            lock.lock();
        }
    } catch (const SQLite::Exception&) {
        thread_failed_ = true;
    }
}

}  // namespace feedagg::store::detail
