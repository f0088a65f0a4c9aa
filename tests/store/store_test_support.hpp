#pragma once
// A real database file in a fresh temporary directory, and small builders for polls.

#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "daemon/store/store.hpp"

namespace feedagg::store::testing {

inline feeds::Timestamp at(std::int64_t seconds) {
    return feeds::Timestamp(std::chrono::seconds(seconds));
}

class TempDirectory {
  public:
    TempDirectory() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("feedagg-store-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDirectory(const TempDirectory&) = delete;
    TempDirectory& operator=(const TempDirectory&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path database() const { return path_ / "feedagg.db"; }

  private:
    std::filesystem::path path_;
};

inline feeds::Entry entry_with_id(std::string id, std::string title,
                                  std::optional<feeds::Timestamp> published = {}) {
    feeds::Entry entry;
    entry.id = std::move(id);
    entry.title = std::move(title);
    entry.published = published;
    return entry;
}

inline PollOutcome poll_of(std::string source, std::vector<feeds::Entry> entries) {
    PollOutcome outcome;
    outcome.state.name = std::move(source);
    outcome.state.url = "https://example.com/" + outcome.state.name + ".xml";
    outcome.entries = std::move(entries);
    return outcome;
}

// What SQLite itself says about the file, read over a connection of its own.
inline std::string integrity_check(const std::filesystem::path& database) {
    SQLite::Database connection(database, SQLite::OPEN_READONLY);
    return connection.execAndGet("PRAGMA integrity_check").getString();
}

}  // namespace feedagg::store::testing
