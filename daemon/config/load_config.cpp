#include <algorithm>
#include <fstream>
#include <sstream>

#include "daemon/config/config.hpp"
#include "daemon/config/errors.hpp"

namespace feedagg::config {

namespace detail {
// Generated from config/feedagg.toml by daemon/CMakeLists.txt.
extern const std::string_view default_config_text;
}  // namespace detail

namespace {

// Far above any real configuration (10,000 sources take about 2 MB), low enough to refuse a wrong
// file (a database, a log) before reading it into memory.
constexpr std::uintmax_t max_config_bytes = 64 * 1024 * 1024;

LoadedConfig failure(std::string file, std::string message) {
    LoadedConfig loaded;
    loaded.errors.push_back({std::move(file), 0, 0, std::move(message)});
    return loaded;
}

}  // namespace

std::string ConfigError::to_string() const {
    if (line <= 0) return file + ": " + message;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

LoadedConfig parse_config(std::string_view toml, std::string_view file_name,
                          const std::filesystem::path& base_directory) {
    detail::ErrorList errors{std::string(file_name)};
    detail::ReadConfig read = detail::read_toml(toml, errors);
    if (read.parsed) detail::resolve_and_cross_check(read, base_directory, errors);

    LoadedConfig loaded;
    if (errors.empty()) loaded.config = std::move(read.config);
    loaded.errors = std::move(errors).take();
    // Sections are read in a fixed order; the reader wants them in the order of the file.
    std::stable_sort(loaded.errors.begin(), loaded.errors.end(),
                     [](const ConfigError& a, const ConfigError& b) {
                         return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    return loaded;
}

LoadedConfig load_config(const std::filesystem::path& path) {
    const std::string file = path.string();
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) return failure(file, "cannot read: " + error.message());
    if (size > max_config_bytes) {
        return failure(file, "is " + std::to_string(size) + " bytes; a configuration file may be at most " +
                                 std::to_string(max_config_bytes) + " bytes");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return failure(file, "cannot open for reading");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_config(text.str(), file, std::filesystem::absolute(path).parent_path());
}

// The built-in default reads exactly as config/feedagg.toml would from the working directory, so that
// `feedagg run` from a checkout finds the samples the file names relative to itself.
LoadedConfig default_config() {
    return parse_config(detail::default_config_text, "config/feedagg.toml (built in)", "config");
}

}  // namespace feedagg::config
