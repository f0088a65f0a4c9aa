// What a valid configuration reads as: every key, the defaults, relative paths, the shipped example.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "daemon/config/config.hpp"

namespace feedagg::config {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

// tests/config/data -> the repository root.
const fs::path repository = fs::path(FEEDAGG_TEST_DATA).parent_path().parent_path().parent_path();

Config parse_valid(std::string_view toml, const fs::path& base = "/srv/feedagg") {
    LoadedConfig loaded = parse_config(toml, "t.toml", base);
    for (const auto& error : loaded.errors) ADD_FAILURE() << error.to_string();
    if (!loaded.config) return {};
    return *std::move(loaded.config);
}

// Sets an environment variable for one test and restores it after.
class ScopedEnvironment {
  public:
    ScopedEnvironment(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) {
            setenv(name, value, 1);
        } else {
            unsetenv(name);
        }
    }
    ~ScopedEnvironment() {
        if (old_) {
            setenv(name_, old_->c_str(), 1);
        } else {
            unsetenv(name_);
        }
    }

  private:
    const char* name_;
    std::optional<std::string> old_;
};

TEST(ParseConfig, ReadsEveryKey) {
    const Config config = parse_valid(R"(
[server]
listen = ["0.0.0.0:8080", "[::]:8443"]
public_base_url = "https://feeds.union.example.cn/"
cors_origins = ["https://union.example.cn", "*"]
cache_max_age = "10m"
max_connections = 2048
max_header_bytes = 16384
max_body_bytes = 0
read_timeout = "5s"
idle_timeout = "2m"
default_page_size = 20
max_page_size = 200

[store]
path = "data/feedagg.db"

[fetch]
user_agent = "feedagg-test/1"
concurrency = 64
per_host_concurrency = 4
connect_timeout = "5s"
read_timeout = "20s"
total_timeout = "1m30s"
max_body_bytes = 1048576
max_redirects = 3
keep_alive = "0s"
allowed_networks = ["127.0.0.0/8", "::1/128"]
file_roots = ["feeds", "/var/lib/feeds"]

[log]
level = "debug"

[[source]]
name = "acftu"
url = "https://www.acftu.org/rss.xml"
type = "rss"
interval = "1h30m"
timezone = "Asia/Shanghai"
tags = ["union", "national"]
enabled = false
max_items = 50
max_age = "365d"
priority = 10

[[source]]
name = "local"
url = "file:feeds/local.xml"

[[channel]]
name = "union-news"
title = "Union news"
description = "Merged."
sources = ["local"]
tags = ["union"]
include = ["工会", { field = "title", regex = "劳模|工匠" }]
exclude = [{ field = "content", keyword = "广告" }]
max_items = 30
language = "zh-CN"
)");
    EXPECT_EQ(config.server.listen, (std::vector<std::string>{"0.0.0.0:8080", "[::]:8443"}));
    EXPECT_EQ(config.server.public_base_url, "https://feeds.union.example.cn/");
    EXPECT_EQ(config.server.cors_origins, (std::vector<std::string>{"https://union.example.cn", "*"}));
    EXPECT_EQ(config.server.cache_max_age, 10min);
    EXPECT_EQ(config.server.max_connections, 2048u);
    EXPECT_EQ(config.server.max_header_bytes, 16384u);
    EXPECT_EQ(config.server.max_body_bytes, 0u);
    EXPECT_EQ(config.server.read_timeout, 5s);
    EXPECT_EQ(config.server.idle_timeout, 2min);
    EXPECT_EQ(config.server.default_page_size, 20u);
    EXPECT_EQ(config.server.max_page_size, 200u);

    EXPECT_EQ(config.store.path, fs::path("/srv/feedagg/data/feedagg.db"));

    EXPECT_EQ(config.fetch.user_agent, "feedagg-test/1");
    EXPECT_EQ(config.fetch.concurrency, 64u);
    EXPECT_EQ(config.fetch.per_host_concurrency, 4u);
    EXPECT_EQ(config.fetch.connect_timeout, 5s);
    EXPECT_EQ(config.fetch.read_timeout, 20s);
    EXPECT_EQ(config.fetch.total_timeout, 90s);
    EXPECT_EQ(config.fetch.max_body_bytes, 1048576u);
    EXPECT_EQ(config.fetch.max_redirects, 3);
    EXPECT_EQ(config.fetch.keep_alive, 0s);
    ASSERT_EQ(config.fetch.allowed_networks.size(), 2u);
    EXPECT_EQ(config.fetch.allowed_networks[0].cidr, "127.0.0.0/8");
    EXPECT_EQ(config.fetch.allowed_networks[1].cidr, "::1/128");
    EXPECT_EQ(config.fetch.file_roots, (std::vector<fs::path>{"/srv/feedagg/feeds", "/var/lib/feeds"}));

    EXPECT_EQ(config.log.level, "debug");

    ASSERT_EQ(config.sources.size(), 2u);
    const Source& acftu = config.sources[0];
    EXPECT_EQ(acftu.name, "acftu");
    EXPECT_EQ(acftu.url, "https://www.acftu.org/rss.xml");
    EXPECT_EQ(acftu.type, "rss");
    EXPECT_EQ(acftu.interval, 90min);
    EXPECT_EQ(acftu.timezone, "Asia/Shanghai");
    EXPECT_EQ(acftu.tags, (std::vector<std::string>{"union", "national"}));
    EXPECT_FALSE(acftu.enabled);
    EXPECT_EQ(acftu.max_items, 50u);
    EXPECT_EQ(acftu.max_age, std::chrono::seconds(365 * 24h));
    EXPECT_EQ(acftu.priority, 10);
    EXPECT_EQ(config.sources[1].url, "file:///srv/feedagg/feeds/local.xml");

    ASSERT_EQ(config.channels.size(), 1u);
    const Channel& channel = config.channels[0];
    EXPECT_EQ(channel.name, "union-news");
    EXPECT_EQ(channel.title, "Union news");
    EXPECT_EQ(channel.description, "Merged.");
    EXPECT_EQ(channel.sources, (std::vector<std::string>{"local"}));
    EXPECT_EQ(channel.tags, (std::vector<std::string>{"union"}));
    ASSERT_EQ(channel.include.size(), 2u);
    EXPECT_EQ(channel.include[0].field, Filter::Field::any);
    EXPECT_EQ(channel.include[0].keyword, "工会");
    EXPECT_EQ(channel.include[1].field, Filter::Field::title);
    EXPECT_EQ(channel.include[1].regex, "劳模|工匠");
    EXPECT_TRUE(channel.include[1].keyword.empty());
    ASSERT_EQ(channel.exclude.size(), 1u);
    EXPECT_EQ(channel.exclude[0].field, Filter::Field::content);
    EXPECT_EQ(channel.exclude[0].keyword, "广告");
    EXPECT_EQ(channel.max_items, 30u);
    EXPECT_EQ(channel.language, "zh-CN");
}

TEST(ParseConfig, EmptyFileGivesDefaults) {
    ScopedEnvironment state("STATE_DIRECTORY", nullptr);
    const Config config = parse_valid("");
    const ServerSettings server;
    EXPECT_EQ(config.server.listen, std::vector<std::string>{"127.0.0.1:8080"});
    EXPECT_EQ(config.server.cache_max_age, server.cache_max_age);
    EXPECT_EQ(config.fetch.concurrency, 16u);
    EXPECT_EQ(config.log.level, "info");
    EXPECT_TRUE(config.sources.empty());
    EXPECT_EQ(config.store.path, fs::current_path() / "var" / "feedagg.db");
}

TEST(ParseConfig, SourceDefaults) {
    const Config config = parse_valid("[[source]]\nname = \"a\"\nurl = \"https://a.example/feed\"\n");
    ASSERT_EQ(config.sources.size(), 1u);
    const Source& source = config.sources[0];
    EXPECT_EQ(source.type, "auto");
    EXPECT_EQ(source.interval, 30min);
    EXPECT_EQ(source.timezone, "UTC");
    EXPECT_TRUE(source.enabled);
    EXPECT_EQ(source.max_items, 500u);
    EXPECT_FALSE(source.max_age.has_value());
}

TEST(ParseConfig, ChannelTitleDefaultsToName) {
    const Config config = parse_valid(
        "[[source]]\nname = \"a\"\nurl = \"https://a.example/\"\n[[channel]]\nname = \"c\"\nsources = "
        "[\"a\"]\n");
    ASSERT_EQ(config.channels.size(), 1u);
    EXPECT_EQ(config.channels[0].title, "c");
    EXPECT_EQ(config.channels[0].max_items, 100u);
}

TEST(ParseConfig, ListenMayBeOneString) {
    EXPECT_EQ(parse_valid("[server]\nlisten = \"[::1]:9000\"\n").server.listen,
              std::vector<std::string>{"[::1]:9000"});
}

TEST(ParseConfig, StorePathDefaultsUnderFirstStateDirectory) {
    ScopedEnvironment state("STATE_DIRECTORY", "/var/lib/feedagg:/var/lib/other");
    EXPECT_EQ(parse_valid("").store.path, fs::path("/var/lib/feedagg/feedagg.db"));
}

TEST(ParseConfig, ExplicitStorePathWinsOverStateDirectory) {
    ScopedEnvironment state("STATE_DIRECTORY", "/var/lib/feedagg");
    EXPECT_EQ(parse_valid("[store]\npath = \"/data/f.db\"\n").store.path, fs::path("/data/f.db"));
}

TEST(ParseConfig, FileUrlsInsideRootsAreMadeAbsolute) {
    const Config config = parse_valid(R"([fetch]
file_roots = ["/srv/feeds/"]
[[source]]
name = "a"
url = "file:///srv/feeds/sub/a%20b.xml"
[[source]]
name = "b"
url = "file:../feeds/b.xml"
)",
                                      "/srv/feedagg");
    ASSERT_EQ(config.sources.size(), 2u);
    EXPECT_EQ(config.sources[0].url, "file:///srv/feeds/sub/a%20b.xml");
    EXPECT_EQ(config.sources[1].url, "file:///srv/feeds/b.xml");
}

TEST(ParseConfig, LoadConfigResolvesAgainstTheFilesDirectory) {
    const fs::path directory =
        fs::temp_directory_path() / ("feedagg-config-test-" + std::to_string(getpid()));
    fs::create_directories(directory);
    {
        std::ofstream out(directory / "feedagg.toml");
        out << "[store]\npath = \"state/f.db\"\n[fetch]\nfile_roots = [\"samples\"]\n";
    }
    const LoadedConfig loaded = load_config(directory / "feedagg.toml");
    fs::remove_all(directory);
    ASSERT_TRUE(loaded.config) << loaded.errors.front().to_string();
    EXPECT_EQ(loaded.config->store.path, directory / "state" / "f.db");
    EXPECT_EQ(loaded.config->fetch.file_roots, std::vector<fs::path>{directory / "samples"});
}

TEST(ParseConfig, LoadConfigReportsAMissingFile) {
    const LoadedConfig loaded = load_config("/nonexistent/feedagg.toml");
    ASSERT_EQ(loaded.errors.size(), 1u);
    EXPECT_EQ(loaded.errors[0].to_string(),
              "/nonexistent/feedagg.toml: cannot read: No such file or directory");
}

TEST(ParseConfig, ShippedExampleHasNoErrors) {
    const LoadedConfig loaded = load_config(repository / "config" / "feedagg.toml");
    for (const auto& error : loaded.errors) ADD_FAILURE() << error.to_string();
    ASSERT_TRUE(loaded.config);
    EXPECT_EQ(loaded.config->server.listen, std::vector<std::string>{"127.0.0.1:8080"});
    ASSERT_GE(loaded.config->sources.size(), 2u);
    // The sample feeds resolve to files that exist.
    for (const auto& source : loaded.config->sources) {
        if (!source.url.starts_with("file://")) continue;
        EXPECT_TRUE(fs::exists(source.url.substr(7))) << source.url;
    }
    EXPECT_FALSE(loaded.config->channels.empty());
}

TEST(ParseConfig, BuiltInDefaultIsTheShippedExampleReadFromTheRepositoryRoot) {
    const fs::path previous = fs::current_path();
    fs::current_path(repository);
    const LoadedConfig built_in = default_config();
    fs::current_path(previous);
    for (const auto& error : built_in.errors) ADD_FAILURE() << error.to_string();
    const LoadedConfig shipped = load_config(repository / "config" / "feedagg.toml");
    ASSERT_TRUE(built_in.config && shipped.config);
    ASSERT_EQ(built_in.config->sources.size(), shipped.config->sources.size());
    for (std::size_t i = 0; i < shipped.config->sources.size(); ++i) {
        EXPECT_EQ(built_in.config->sources[i].url, shipped.config->sources[i].url);
    }
}

}  // namespace
}  // namespace feedagg::config

namespace feedagg::config {
namespace {

TEST(ParseConfigStories, ReadsThresholdsStripListsSeparationAndChannelMerging) {
    const Config config = parse_valid(R"(
[stories]
enabled = true
text_containment = 0.85
number_containment = 0.6
title_min_weight = 12
[[source]]
name = "daily"
url = "https://daily.example.cn/rss"
priority = 10
[[source]]
name = "district"
url = "https://district.example.cn/rss"
strip = ["本站编辑", "扫码关注"]
separate_from = ["daily"]
[[channel]]
name = "all"
sources = ["daily", "district"]
merge_stories = false
)");
    EXPECT_TRUE(config.stories.enabled);
    EXPECT_DOUBLE_EQ(config.stories.text_containment, 0.85);
    EXPECT_DOUBLE_EQ(config.stories.number_containment, 0.6);
    EXPECT_EQ(config.stories.title_min_weight, 12u);
    EXPECT_EQ(config.sources[1].strip, (std::vector<std::string>{"本站编辑", "扫码关注"}));
    EXPECT_EQ(config.sources[1].separate_from, std::vector<std::string>{"daily"});
    EXPECT_FALSE(config.channels[0].merge_stories);
}

TEST(ParseConfigStories, DefaultsMergeStoriesWithMeasuredThresholds) {
    const Config config = parse_valid("");
    EXPECT_TRUE(config.stories.enabled);
    EXPECT_DOUBLE_EQ(config.stories.text_containment, 0.90);
    const Config with_channel = parse_valid(
        "[[source]]\nname = \"a\"\nurl = \"https://a.example/\"\n[[channel]]\nname = \"c\"\nsources = "
        "[\"a\"]\n");
    EXPECT_TRUE(with_channel.channels[0].merge_stories);
}

TEST(ParseConfigStories, RejectsOutOfRangeThresholdsAndUnknownSeparateSources) {
    const LoadedConfig loaded = parse_config(R"([stories]
text_containment = 0.2
title_min_weight = "ten"
[[source]]
name = "a"
url = "https://a.example/"
separate_from = ["nobody"]
)",
                                             "t.toml", "/srv");
    ASSERT_EQ(loaded.errors.size(), 3u);
    EXPECT_EQ(loaded.errors[0].to_string(),
              "t.toml:2:20: [stories]: text_containment 0.2 is out of range; expected 0.5 to 1");
    EXPECT_EQ(loaded.errors[1].to_string(),
              "t.toml:3:20: [stories]: title_min_weight must be an integer, not a string");
    EXPECT_EQ(loaded.errors[2].to_string(),
              "t.toml:4:1: source \"a\": separate_from names \"nobody\", which no [[source]] defines");
}

}  // namespace
}  // namespace feedagg::config
