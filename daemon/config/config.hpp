#pragma once
// feedagg's configuration: what a TOML file (or the embedded default) says, as plain values.
// Every section and key, with its default, is documented in docs/configuration.md.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/scrape.hpp"

namespace feedagg::config {

struct ServerSettings {
    std::vector<std::string> listen = {"127.0.0.1:8080"};  // "host:port"; IPv6 as "[::1]:8080"
    std::string public_base_url;                           // used in self links; empty: derived from Host
    std::vector<std::string> cors_origins;                 // "*" or exact origins
    std::chrono::seconds cache_max_age{300};
    std::size_t max_connections = 1024;
    std::size_t max_header_bytes = 8 * 1024;
    std::size_t max_body_bytes = 64 * 1024;
    std::chrono::seconds read_timeout{10};
    std::chrono::seconds idle_timeout{60};
    std::size_t default_page_size = 50;
    std::size_t max_page_size = 500;
};

struct StoreSettings {
    // Default: $STATE_DIRECTORY/feedagg.db when systemd sets it, else ./var/feedagg.db.
    std::filesystem::path path;
};

// An IP network in CIDR form ("127.0.0.0/8", "::1/128").
struct Network {
    std::string cidr;
};

struct FetchSettings {
    std::string user_agent = "feedagg/0.1 (+https://github.com/feedagg/feedagg)";
    std::size_t concurrency = 16;
    std::size_t per_host_concurrency = 2;
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds read_timeout{30'000};
    std::chrono::milliseconds total_timeout{60'000};
    std::uint64_t max_body_bytes = 16 * 1024 * 1024;  // after decompression
    int max_redirects = 5;
    // How long a connection stays open, idle, for the next request to its host; zero: one per request.
    std::chrono::milliseconds keep_alive{30'000};
    // Loopback, private, link-local and multicast addresses are refused unless listed here.
    std::vector<Network> allowed_networks;
    // Directories file:// sources may read from; none by default.
    std::vector<std::filesystem::path> file_roots;
};

struct LogSettings {
    std::string level = "info";  // trace, debug, info, warn, error, critical, off
};

// How an "html" source's list pages are read ([source.scrape]), and the article selectors both
// html sources (follow = true) and full-text feed sources use ([source.scrape.article]).
struct ScrapeSettings {
    feeds::ScrapeRule rule;
    std::size_t max_pages = 1;    // list pages read per poll, the first included
    std::string page_url;         // "https://example.cn/news/index_{page}.html": pages by number
    int first_page = 2;           // the number {page} takes for the second list page
    bool follow = false;          // read each new item's article page
    std::size_t max_follow = 30;  // article pages read per poll at most
    std::size_t follow_concurrency = 2;
};

struct Source {
    std::string name;           // unique; [a-z0-9_-]+
    std::string url;            // http, https or file
    std::string type = "auto";  // auto, rss, atom, json, html
    std::chrono::seconds interval{std::chrono::minutes(30)};
    std::string timezone = "UTC";  // for dates without a zone; Asia/Shanghai for most Chinese sites
    std::vector<std::string> tags;
    bool enabled = true;
    std::size_t max_items = 500;                  // retention: newest kept per source
    std::optional<std::chrono::seconds> max_age;  // retention: older items dropped
    int priority = 0;                // higher wins when the same story comes from several sources (issue 5)
    ScrapeSettings scrape;           // html sources: the list rule; any source: article selectors
    bool full_text = false;          // feed sources: replace each new entry's content with its article's
    std::vector<std::string> strip;  // story matching: lines holding one are boilerplate
    std::vector<std::string> separate_from;  // sources whose items never join this one's stories
};

// Cross-source story matching ([stories]); docs/dedup.md explains each threshold.
struct StorySettings {
    bool enabled = true;
    double text_containment = 0.90;      // share of the shorter text found in the longer
    double number_containment = 0.5;     // share of numbers two texts must have in common
    std::size_t title_min_weight = 10;   // equal titles match when at least this long (CJK char 1, word 3)
    std::size_t indexed_items = 20'000;  // newest items new ones are compared with (~700 bytes each)
};

// Keep an item when it matches any include (or there are none) and no exclude.
struct Filter {
    enum class Field { title, content, any };
    Field field = Field::any;
    std::string keyword;  // case-insensitive substring; empty when `regex` is set
    std::string regex;    // ECMAScript regular expression, case-insensitive
};

struct Channel {
    std::string name;  // unique; [a-z0-9_-]+, the path in /feeds/{name}.atom
    std::string title;
    std::string description;
    std::vector<std::string> sources;  // by name
    std::vector<std::string> tags;     // every source with one of these tags
    std::vector<Filter> include;
    std::vector<Filter> exclude;
    std::size_t max_items = 100;
    std::string language;
    bool merge_stories = true;  // one entry per story, crediting the other publishers
};

struct Config {
    ServerSettings server;
    StoreSettings store;
    FetchSettings fetch;
    LogSettings log;
    StorySettings stories;
    std::vector<Source> sources;
    std::vector<Channel> channels;
};

// One problem in a configuration file, located: "feedagg.toml:14:9: source "acftu": interval "5" needs
// a unit (e.g. "15m")".
struct ConfigError {
    std::string file;
    int line = 0;  // 1-based; 0 when the problem has no single place (e.g. a missing section)
    int column = 0;
    std::string message;

    std::string to_string() const;
};

struct LoadedConfig {
    std::optional<Config> config;     // set when there were no errors
    std::vector<ConfigError> errors;  // every problem found, not only the first
};

// Reads and checks a TOML configuration. `file_name` is used in error locations only. Relative paths
// (store.path, fetch.file_roots, "file:relative/path" source URLs) are resolved against
// `base_directory`, or the working directory when it is empty; the returned paths and file URLs are
// absolute.
LoadedConfig parse_config(std::string_view toml, std::string_view file_name,
                          const std::filesystem::path& base_directory = {});

// parse_config on a file, resolving relative paths against the file's directory.
LoadedConfig load_config(const std::filesystem::path& path);

// The configuration `feedagg run` uses without --config: config/feedagg.toml compiled in, read as if
// loaded from ./config/feedagg.toml (so run from the repository root, its samples are found).
LoadedConfig default_config();

// "90s", "15m", "1h30m", "2d" -> seconds; nothing for text that is not a duration.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

}  // namespace feedagg::config
