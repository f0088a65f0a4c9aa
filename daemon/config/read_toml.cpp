// Turns the TOML tree into a Config, checking every value on its own (a source's [source.scrape]
// table in read_scrape.cpp). Checks that span sections are in cross_checks.cpp.
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <span>

#include "daemon/config/errors.hpp"
#include "daemon/config/read_scrape.hpp"
#include "daemon/config/table_reader.hpp"
#include "daemon/config/value_checks.hpp"
#include "feeds/dates.hpp"

namespace feedagg::config::detail {
namespace {

using namespace std::chrono_literals;

constexpr std::array<std::string_view, 7> top_level_keys = {"server",  "store",  "fetch",  "log",
                                                            "stories", "source", "channel"};
constexpr std::array<std::string_view, 11> server_keys = {
    "listen",          "public_base_url",   "cors_origins",   "cache_max_age",
    "max_connections", "max_header_bytes",  "max_body_bytes", "read_timeout",
    "idle_timeout",    "default_page_size", "max_page_size"};
constexpr std::array<std::string_view, 1> store_keys = {"path"};
constexpr std::array<std::string_view, 11> fetch_keys = {
    "user_agent",    "concurrency",    "per_host_concurrency", "connect_timeout", "read_timeout",
    "total_timeout", "max_body_bytes", "max_redirects",        "keep_alive",      "allowed_networks",
    "file_roots"};
constexpr std::array<std::string_view, 1> log_keys = {"level"};
constexpr std::array<std::string_view, 14> source_keys = {
    "name",      "url",     "type",     "interval", "timezone",  "tags",  "enabled",
    "max_items", "max_age", "priority", "scrape",   "full_text", "strip", "separate_from"};
constexpr std::array<std::string_view, 10> channel_keys = {
    "name",    "title",   "description", "sources",  "tags",
    "include", "exclude", "max_items",   "language", "merge_stories"};
constexpr std::array<std::string_view, 5> stories_keys = {"enabled", "text_containment", "number_containment",
                                                          "title_min_weight", "indexed_items"};
constexpr std::array<std::string_view, 3> filter_keys = {"field", "keyword", "regex"};
constexpr std::array<std::string_view, 7> log_levels = {"trace", "debug",    "info", "warn",
                                                        "error", "critical", "off"};
constexpr std::array<std::string_view, 5> source_types = {"auto", "rss", "atom", "json", "html"};

void read_server(TableReader& reader, ServerSettings& server) {
    const auto listen = reader.texts("listen", check_listen_address, true);
    if (reader.find("listen") != nullptr) server.listen = names_of(listen);
    if (reader.find("listen") != nullptr && listen.empty() && reader.find("listen")->is_array() &&
        reader.find("listen")->as_array()->empty()) {
        reader.problem(where(*reader.find("listen")), "listen is empty; expected at least one \"host:port\"");
    }
    if (const auto* url = reader.string_node("public_base_url")) {
        if (!url->get().empty()) {
            if (auto bad = check_web_url(url->get())) {
                reader.problem(where(*url), "public_base_url " + quoted_value(url->get()) + " " + *bad);
            } else {
                server.public_base_url = url->get();
            }
        }
    }
    server.cors_origins = names_of(reader.texts("cors_origins", [](std::string_view origin) -> Problem {
        if (origin == "*") return std::nullopt;
        if (check_web_url(origin)) return "is not \"*\" or an origin such as \"https://union.example.cn\"";
        return std::nullopt;
    }));
    reader.duration("cache_max_age", server.cache_max_age, 0s, 365 * 24h);
    reader.integer("max_connections", server.max_connections, 1, 1'000'000);
    reader.integer("max_header_bytes", server.max_header_bytes, 1024, 1024 * 1024);
    reader.integer("max_body_bytes", server.max_body_bytes, 0, 16 * 1024 * 1024);
    reader.duration("read_timeout", server.read_timeout, 1s, 1h);
    reader.duration("idle_timeout", server.idle_timeout, 1s, 24h);
    reader.integer("max_page_size", server.max_page_size, 1, 10'000);
    reader.integer("default_page_size", server.default_page_size, 1, 10'000);
    if (server.default_page_size > server.max_page_size) {
        const auto* node = reader.find("default_page_size");
        reader.problem(node ? where(*node) : reader.place(),
                       "default_page_size " + std::to_string(server.default_page_size) +
                           " is larger than max_page_size " + std::to_string(server.max_page_size));
    }
}

void read_store(TableReader& reader, ReadConfig& read) {
    std::string path;
    if (!reader.text("path", path)) return;
    if (path.empty()) {
        reader.problem(where(*reader.find("path")), "path is empty; leave it out for the default");
        return;
    }
    read.config.store.path = path;
    read.store_path_set = true;
}

void read_fetch(TableReader& reader, FetchSettings& fetch) {
    if (reader.text("user_agent", fetch.user_agent) && fetch.user_agent.empty()) {
        reader.problem(where(*reader.find("user_agent")),
                       "user_agent is empty; leave it out for the default");
    }
    reader.integer("concurrency", fetch.concurrency, 1, 1024);
    reader.integer("per_host_concurrency", fetch.per_host_concurrency, 1, 64);
    reader.duration("connect_timeout", fetch.connect_timeout, 1s, 5min);
    reader.duration("read_timeout", fetch.read_timeout, 1s, 1h);
    reader.duration("total_timeout", fetch.total_timeout, 1s, 1h);
    reader.integer("max_body_bytes", fetch.max_body_bytes, 1024, std::int64_t{1} << 30);
    reader.integer("max_redirects", fetch.max_redirects, 0, 20);
    reader.duration("keep_alive", fetch.keep_alive, 0s, 10min);
    for (auto& network : reader.texts("allowed_networks", check_network)) {
        fetch.allowed_networks.push_back({std::move(network.name)});
    }
    for (auto& root : reader.texts("file_roots", [](std::string_view path) -> Problem {
             if (path.empty()) return "is empty";
             return std::nullopt;
         })) {
        fetch.file_roots.emplace_back(root.name);
    }
}

void read_stories(TableReader& reader, StorySettings& stories) {
    reader.flag("enabled", stories.enabled);
    reader.fraction("text_containment", stories.text_containment, 0.5, 1.0);
    reader.fraction("number_containment", stories.number_containment, 0.0, 1.0);
    reader.integer("title_min_weight", stories.title_min_weight, 1, 1000);
    reader.integer("indexed_items", stories.indexed_items, 1, 100'000'000);
}

void read_log(TableReader& reader, LogSettings& log) {
    reader.one_of("level", log.level, log_levels);
}

Source read_source(const toml::table& table, std::size_t index, ErrorList& errors, SourcePlaces& places) {
    Source source;
    std::string context = "source #" + std::to_string(index + 1);
    const toml::node* name = table.get("name");
    if (name != nullptr && name->is_string()) context = "source " + quoted_value(name->as_string()->get());
    TableReader reader(table, context, source_keys, errors);
    places.table = reader.place();

    if (name == nullptr) {
        reader.problem(reader.place(),
                       "missing key \"name\"; every source needs a unique name, e.g. name = \"acftu\"");
    } else if (reader.text("name", source.name)) {
        places.name = where(*name);
        if (auto bad = check_name(source.name))
            reader.problem(where(*name), "name " + quoted_value(source.name) + " " + *bad);
    }

    if (const toml::node* url = reader.find("url"); url == nullptr) {
        reader.problem(reader.place(),
                       "missing key \"url\"; expected e.g. url = \"https://example.org/feed.xml\"");
    } else if (reader.text("url", source.url)) {
        places.url = where(*url);
        if (auto bad = check_source_url(source.url))
            reader.problem(where(*url), "url " + quoted_value(source.url) + " " + *bad);
    }

    reader.one_of("type", source.type, source_types);
    // Sites without feeds are mostly Chinese; their pages print Beijing time without saying so.
    if (source.type == "html") source.timezone = "Asia/Shanghai";
    reader.duration("interval", source.interval, 1min, 30 * 24h);
    if (const auto* zone = reader.string_node("timezone")) {
        if (feeds::is_known_timezone(zone->get())) {
            source.timezone = zone->get();
        } else {
            reader.problem(where(*zone), "timezone " + quoted_value(zone->get()) +
                                             " is not a known timezone; expected an IANA name such as "
                                             "\"Asia/Shanghai\" or \"UTC\"");
        }
    }
    source.tags = names_of(reader.texts("tags", check_name));
    reader.flag("enabled", source.enabled);
    reader.integer("max_items", source.max_items, 1, 1'000'000);
    std::chrono::seconds max_age{};
    if (reader.duration("max_age", max_age, 1h, 100 * 365 * 24h)) source.max_age = max_age;
    reader.integer("priority", source.priority, -1000, 1000);
    reader.flag("full_text", source.full_text);
    if (source.full_text && source.type == "html") {
        reader.problem(where(*reader.find("full_text")),
                       "full_text applies to feed sources; an html source reads articles with follow = true");
    }
    read_scrape(reader, source, errors);
    source.strip = names_of(reader.texts("strip", [](std::string_view text) -> Problem {
        if (text.empty()) return "is empty";
        return std::nullopt;
    }));
    source.separate_from = names_of(reader.texts("separate_from", check_name));
    return source;
}

Filter read_filter(const toml::node& node, const std::string& context, ErrorList& errors) {
    Filter filter;
    if (node.is_string()) {
        filter.keyword = node.as_string()->get();
        if (filter.keyword.empty()) errors.add(where(node), context + ": keyword is empty");
        return filter;
    }
    if (!node.is_table()) {
        errors.add(where(node),
                   context +
                       " must be a keyword string or a table such as { field = \"title\", regex = "
                       "\"...\" }, not " +
                       std::string(type_name(node)));
        return filter;
    }
    TableReader reader(*node.as_table(), context, filter_keys, errors);
    std::string field = "any";
    reader.one_of("field", field, std::array<std::string_view, 3>{"title", "content", "any"});
    filter.field = field == "title"     ? Filter::Field::title
                   : field == "content" ? Filter::Field::content
                                        : Filter::Field::any;
    const bool has_keyword = reader.text("keyword", filter.keyword);
    const bool has_regex = reader.text("regex", filter.regex);
    if (has_keyword == has_regex) {
        reader.problem(reader.place(), "needs exactly one of \"keyword\" or \"regex\"");
    } else if (has_keyword && filter.keyword.empty()) {
        reader.problem(where(*reader.find("keyword")), "keyword is empty");
    } else if (has_regex) {
        if (auto bad = check_regex(filter.regex)) {
            reader.problem(where(*reader.find("regex")), "regex " + quoted_value(filter.regex) + " " + *bad);
        }
    }
    return filter;
}

std::vector<Filter> read_filters(TableReader& reader, std::string_view key, ErrorList& errors) {
    std::vector<Filter> filters;
    const toml::node* node = reader.find(key);
    if (node == nullptr) return filters;
    if (!node->is_array()) {
        reader.wrong_type(key, *node, "an array of filters");
        return filters;
    }
    const toml::array& array = *node->as_array();
    for (std::size_t i = 0; i < array.size(); ++i) {
        const std::string context =
            reader.context() + ": " + std::string(key) + "[" + std::to_string(i) + "]";
        filters.push_back(read_filter(array[i], context, errors));
    }
    return filters;
}

Channel read_channel(const toml::table& table, std::size_t index, ErrorList& errors, ChannelPlaces& places) {
    Channel channel;
    std::string context = "channel #" + std::to_string(index + 1);
    const toml::node* name = table.get("name");
    if (name != nullptr && name->is_string()) context = "channel " + quoted_value(name->as_string()->get());
    TableReader reader(table, context, channel_keys, errors);
    places.table = reader.place();

    if (name == nullptr) {
        reader.problem(reader.place(),
                       "missing key \"name\"; every channel needs a unique name, e.g. name = \"union-news\"");
    } else if (reader.text("name", channel.name)) {
        places.name = where(*name);
        if (auto bad = check_name(channel.name))
            reader.problem(where(*name), "name " + quoted_value(channel.name) + " " + *bad);
    }
    reader.text("title", channel.title);
    if (channel.title.empty()) channel.title = channel.name;
    reader.text("description", channel.description);
    places.sources = reader.texts("sources", no_check);
    places.tags = reader.texts("tags", no_check);
    channel.sources = names_of(places.sources);
    channel.tags = names_of(places.tags);
    channel.include = read_filters(reader, "include", errors);
    channel.exclude = read_filters(reader, "exclude", errors);
    reader.integer("max_items", channel.max_items, 1, 10'000);
    reader.flag("merge_stories", channel.merge_stories);
    if (const auto* language = reader.string_node("language")) {
        if (auto bad = check_language(language->get())) {
            reader.problem(where(*language), "language " + quoted_value(language->get()) + " " + *bad);
        } else {
            channel.language = language->get();
        }
    }
    return channel;
}

// `[section]`: a table; absent means all defaults.
template <typename Read>
void read_section(const toml::table& root, std::string_view key, Keys keys, ErrorList& errors, Read read) {
    const toml::node* node = root.get(key);
    if (node == nullptr) return;
    const std::string context = "[" + std::string(key) + "]";
    if (!node->is_table()) {
        errors.add(where(*node), context + " must be a table, not " + std::string(type_name(*node)));
        return;
    }
    TableReader reader(*node->as_table(), context, keys, errors);
    read(reader);
}

// `[[key]]`: an array of tables, each read by `read(table, index)`.
template <typename Read>
void read_array_of_tables(const toml::table& root, std::string_view key, ErrorList& errors, Read read) {
    const toml::node* node = root.get(key);
    if (node == nullptr) return;
    const std::string header = "[[" + std::string(key) + "]]";
    if (!node->is_array()) {
        errors.add(where(*node), std::string(key) + " must be an array of tables; write each as " + header);
        return;
    }
    const toml::array& array = *node->as_array();
    for (std::size_t i = 0; i < array.size(); ++i) {
        if (!array[i].is_table()) {
            errors.add(where(array[i]), std::string(key) + "[" + std::to_string(i) +
                                            "] must be a table; write each as " + header);
            continue;
        }
        read(*array[i].as_table(), i);
    }
}

}  // namespace

ReadConfig read_toml(std::string_view toml, ErrorList& errors) {
    ReadConfig read;
    constexpr int max_dots_per_line = 64;
    if (const auto line = line_with_too_many_dots(toml, max_dots_per_line)) {
        errors.add({*line, 1},
                   "TOML: more than " + std::to_string(max_dots_per_line) +
                       " dots outside strings on one line; feedagg's keys are at most two levels deep");
        return read;
    }
    toml::table root;
    try {
        root = toml::parse(toml);
    } catch (const toml::parse_error& error) {
        errors.add(where(error.source()), "TOML syntax: " + std::string(error.description()));
        return read;
    }
    read.parsed = true;
    Config& config = read.config;
    TableReader top(root, "top level", top_level_keys, errors);
    read_section(root, "server", server_keys, errors, [&](TableReader& r) { read_server(r, config.server); });
    read_section(root, "store", store_keys, errors, [&](TableReader& r) { read_store(r, read); });
    read_section(root, "fetch", fetch_keys, errors, [&](TableReader& r) { read_fetch(r, config.fetch); });
    read_section(root, "log", log_keys, errors, [&](TableReader& r) { read_log(r, config.log); });
    read_section(root, "stories", stories_keys, errors,
                 [&](TableReader& r) { read_stories(r, config.stories); });
    read_array_of_tables(root, "source", errors, [&](const toml::table& table, std::size_t index) {
        config.sources.push_back(read_source(table, index, errors, read.source_places.emplace_back()));
    });
    read_array_of_tables(root, "channel", errors, [&](const toml::table& table, std::size_t index) {
        config.channels.push_back(read_channel(table, index, errors, read.channel_places.emplace_back()));
    });
    return read;
}

}  // namespace feedagg::config::detail
