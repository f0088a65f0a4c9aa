// Checks that span sections, after relative paths are resolved: names are unique, channels name
// sources that exist, file:// sources stay under fetch.file_roots.
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <cstdlib>
#include <map>

#include "daemon/config/errors.hpp"
#include "daemon/config/value_checks.hpp"

namespace feedagg::config::detail {
namespace {

namespace fs = std::filesystem;

// systemd's StateDirectory= sets $STATE_DIRECTORY, colon-separated when several are configured.
fs::path default_store_path() {
    if (const char* state = std::getenv("STATE_DIRECTORY"); state != nullptr && *state != '\0') {
        const std::string_view paths(state);
        return fs::path(std::string(paths.substr(0, paths.find(':')))) / "feedagg.db";
    }
    return fs::current_path() / "var" / "feedagg.db";
}

fs::path resolve(const fs::path& path, const fs::path& base) {
    fs::path resolved = (path.is_absolute() ? path : base / path).lexically_normal();
    if (resolved.has_parent_path() && resolved.filename().empty()) resolved = resolved.parent_path();
    return resolved;
}

bool is_under(const fs::path& path, const fs::path& root) {
    auto p = path.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++p) {
        if (p == path.end() || *p != *r) return false;
    }
    return p != path.end();
}

// A file: URL's path made absolute against `base`; the URL rewritten so fetching needs no base.
void resolve_file_url(Source& source, const fs::path& base, const std::vector<fs::path>& roots, Location at,
                      ErrorList& errors) {
    const auto parsed = boost::urls::parse_uri(source.url);
    // A bad URL was reported when read; there is no path to check.
    if (!parsed || parsed->scheme_id() != boost::urls::scheme::file || check_source_url(source.url)) return;
    const fs::path path = resolve(fs::path(parsed->path()), base);
    boost::urls::url absolute("file://");
    absolute.set_path(path.generic_string());
    const std::string written = source.url;
    source.url = std::string(absolute.buffer());

    for (const auto& root : roots) {
        if (is_under(path, root)) return;
    }
    std::string message = "source " + quoted_value(source.name) + ": url " + quoted_value(written) +
                          " reads " + path.string() + ", which is not under a fetch.file_roots directory";
    if (roots.empty()) {
        message += " (none are configured; add its directory to fetch.file_roots)";
    } else {
        message += " (";
        for (std::size_t i = 0; i < roots.size(); ++i) message += (i ? ", " : "") + roots[i].string();
        message += ")";
    }
    errors.add(at, message);
}

// Reports each name seen before, pointing back at the first.
template <typename Item, typename Places>
void check_unique(const std::vector<Item>& items, const std::vector<Places>& places, std::string_view kind,
                  ErrorList& errors) {
    std::map<std::string_view, Location> first;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].name.empty()) continue;
        const auto [seen, inserted] = first.emplace(items[i].name, places[i].name);
        if (!inserted) {
            errors.add(places[i].name, std::string(kind) + " " + quoted_value(items[i].name) +
                                           ": duplicate name; first defined at line " +
                                           std::to_string(seen->second.line));
        }
    }
}

void check_channel_sources(const Channel& channel, const ChannelPlaces& places,
                           const std::vector<Source>& sources, ErrorList& errors) {
    const std::string context = "channel " + quoted_value(channel.name) + ": ";
    std::vector<std::string_view> names;
    for (const auto& source : sources) names.push_back(source.name);
    for (const auto& wanted : places.sources) {
        if (std::find(names.begin(), names.end(), wanted.name) != names.end()) continue;
        std::string message =
            context + "source " + quoted_value(wanted.name) + " is not defined by any [[source]]";
        if (const auto suggestion = closest_word(wanted.name, names))
            message += "; did you mean " + quoted_value(*suggestion) + "?";
        errors.add(wanted.where, message);
    }
    for (const auto& tag : places.tags) {
        const bool used = std::any_of(sources.begin(), sources.end(), [&](const Source& source) {
            return std::find(source.tags.begin(), source.tags.end(), tag.name) != source.tags.end();
        });
        if (!used)
            errors.add(tag.where, context + "tag " + quoted_value(tag.name) + " matches no source's tags");
    }
    if (places.sources.empty() && places.tags.empty()) {
        errors.add(places.table,
                   context + "names no sources; set sources = [\"name\", ...] or tags = [\"tag\", ...]");
    }
}

void check_separate_sources(const Source& source, const std::vector<Source>& sources, Location where,
                            ErrorList& errors) {
    for (const auto& other : source.separate_from) {
        const bool defined =
            std::any_of(sources.begin(), sources.end(), [&](const Source& s) { return s.name == other; });
        if (!defined)
            errors.add(where, "source " + quoted_value(source.name) + ": separate_from names " +
                                  quoted_value(other) + ", which no [[source]] defines");
    }
}

}  // namespace

void resolve_and_cross_check(ReadConfig& read, const fs::path& base_directory, ErrorList& errors) {
    Config& config = read.config;
    const fs::path base = base_directory.empty() ? fs::current_path() : fs::absolute(base_directory);

    config.store.path = read.store_path_set ? resolve(config.store.path, base) : default_store_path();
    for (auto& root : config.fetch.file_roots) root = resolve(root, base);
    for (std::size_t i = 0; i < config.sources.size(); ++i) {
        resolve_file_url(config.sources[i], base, config.fetch.file_roots, read.source_places[i].url, errors);
    }

    check_unique(config.sources, read.source_places, "source", errors);
    for (std::size_t i = 0; i < config.sources.size(); ++i) {
        check_separate_sources(config.sources[i], config.sources, read.source_places[i].table, errors);
    }
    check_unique(config.channels, read.channel_places, "channel", errors);
    for (std::size_t i = 0; i < config.channels.size(); ++i) {
        check_channel_sources(config.channels[i], read.channel_places[i], config.sources, errors);
    }
}

}  // namespace feedagg::config::detail
