#pragma once
// Internal to daemon/config: where each checked value sits in the file, and the list errors go to.
// Reading (read_toml.cpp, the only file that sees toml++) records locations so that the checks that
// span sections (cross_checks.cpp) can still point at the offending line and column.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/config/config.hpp"

namespace feedagg::config::detail {

struct Location {
    int line = 0;
    int column = 0;
};

class ErrorList {
  public:
    explicit ErrorList(std::string file) : file_(std::move(file)) {}

    void add(Location where, std::string message) {
        errors_.push_back({file_, where.line, where.column, std::move(message)});
    }
    bool empty() const { return errors_.empty(); }
    std::vector<ConfigError> take() && { return std::move(errors_); }

  private:
    std::string file_;
    std::vector<ConfigError> errors_;
};

// A name in a list (a channel's `sources` or `tags`) with the place it was written.
struct LocatedName {
    std::string name;
    Location where;
};

struct SourcePlaces {
    Location table;  // the [[source]] header
    Location name;
    Location url;
};

struct ChannelPlaces {
    Location table;
    Location name;
    std::vector<LocatedName> sources;
    std::vector<LocatedName> tags;
};

// A Config as read, with the places the cross-section checks need.
struct ReadConfig {
    bool parsed = false;  // false after a TOML syntax error: nothing else was read
    Config config;
    bool store_path_set = false;
    std::vector<SourcePlaces> source_places;    // parallel to config.sources
    std::vector<ChannelPlaces> channel_places;  // parallel to config.channels
};

// The first line with more than `limit` dots outside strings and comments: a dotted key too deep to
// hand to toml++, which recurses once per part.
std::optional<int> line_with_too_many_dots(std::string_view text, int limit);

// Parses TOML text and reads every section, reporting syntax errors, unknown keys, wrong types and
// values that are wrong on their own. Nothing is resolved against the file system here.
ReadConfig read_toml(std::string_view toml, ErrorList& errors);

// Resolves relative paths against `base_directory`, fills the store path default, then checks what
// spans sections: duplicate names, channel references, file:// URLs outside fetch.file_roots.
void resolve_and_cross_check(ReadConfig& read, const std::filesystem::path& base_directory,
                             ErrorList& errors);

}  // namespace feedagg::config::detail
