#include "daemon/service/feed_catalog.hpp"

#include <charconv>

#include "daemon/service/channel_feed.hpp"
#include "daemon/service/pages.hpp"
#include "feeds/writers.hpp"

namespace feedagg::service {
namespace {

// Past this many rendered variants (pages, hosts) the cache starts over: bounded memory whatever
// clients ask for.
constexpr std::size_t max_cached_representations = 512;

struct FeedPath {
    std::string channel;
    std::string format;  // atom, rss, json, html
};

std::optional<FeedPath> parse_feed_path(std::string_view path) {
    constexpr std::string_view prefix = "/feeds/";
    if (!path.starts_with(prefix)) return std::nullopt;
    const std::string_view file = path.substr(prefix.size());
    const auto dot = file.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return std::nullopt;
    return FeedPath{std::string(file.substr(0, dot)), std::string(file.substr(dot + 1))};
}

std::string_view content_type_of(std::string_view format) {
    if (format == "atom") return "application/atom+xml; charset=utf-8";
    if (format == "rss") return "application/rss+xml; charset=utf-8";
    if (format == "json") return "application/feed+json; charset=utf-8";
    if (format == "html") return "text/html; charset=utf-8";
    return {};
}

struct PageQuery {
    std::size_t limit = 0;
    std::optional<store::ItemCursor> after;
};

template <typename Number>
bool parse_number(std::string_view text, Number& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc{} && end == text.data() + text.size();
}

// "limit=20&after=1715937120.42": a page size, and the cursor of the last item already seen.
std::optional<PageQuery> parse_page_query(std::string_view query, const config::ServerSettings& settings,
                                          std::string& bad_request) {
    PageQuery page{settings.default_page_size, std::nullopt};
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        const auto equals = pair.find('=');
        const std::string_view key = pair.substr(0, equals);
        const std::string_view value =
            equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1);
        if (key == "limit") {
            if (!parse_number(value, page.limit) || page.limit == 0 || page.limit > settings.max_page_size) {
                bad_request =
                    "limit must be a whole number from 1 to " + std::to_string(settings.max_page_size);
                return std::nullopt;
            }
        } else if (key == "after") {
            const auto dot = value.find('.');
            std::int64_t seconds = 0;
            std::int64_t id = 0;
            if (dot == std::string_view::npos || !parse_number(value.substr(0, dot), seconds) ||
                !parse_number(value.substr(dot + 1), id)) {
                bad_request = "after must be a cursor from a next link (\"SECONDS.ID\")";
                return std::nullopt;
            }
            page.after = store::ItemCursor{feeds::Timestamp(std::chrono::seconds(seconds)), id};
        }
    }
    return page;
}

std::string cursor_text(const store::StoredItem& item) {
    return std::to_string(item.sort_time.time_since_epoch().count()) + "." + std::to_string(item.id);
}

// Newest first by (sort_time, id): the items after `cursor` start past the first one not newer.
bool is_after(const store::StoredItem& item, const store::ItemCursor& cursor) {
    return item.sort_time < cursor.sort_time || (item.sort_time == cursor.sort_time && item.id < cursor.id);
}

std::shared_ptr<const http::Representation> uncacheable(std::string content_type, std::string body) {
    auto representation = std::make_shared<http::Representation>();
    representation->content_type = std::move(content_type);
    representation->body = std::move(body);
    representation->cacheable = false;
    return representation;
}

std::string render_feed(const ChannelSnapshot& channel, const CatalogSnapshot& snapshot, const FeedPath& path,
                        const PageQuery& page, std::string_view query, std::string_view base_url) {
    auto first = channel.items.begin();
    if (page.after) {
        first = std::find_if(channel.items.begin(), channel.items.end(),
                             [&](const store::StoredItem& item) { return is_after(item, *page.after); });
    }
    const auto available = static_cast<std::size_t>(channel.items.end() - first);
    const std::vector<store::StoredItem> items(
        first, first + static_cast<std::ptrdiff_t>(std::min(page.limit, available)));

    const std::string stem = std::string(base_url) + "/feeds/" + path.channel;
    ChannelLinks links;
    links.self = stem + "." + path.format + (query.empty() ? "" : "?" + std::string(query));
    links.site = stem + ".html";
    if (available > page.limit) {
        links.next = stem + "." + path.format + "?limit=" + std::to_string(page.limit) +
                     "&after=" + cursor_text(items.back());
    }
    const feeds::Feed feed = channel_feed(channel.channel, items, snapshot.source_states, links);
    if (path.format == "atom") return feeds::write_atom(feed);
    if (path.format == "rss") return feeds::write_rss(feed);
    if (path.format == "json") return feeds::write_json_feed(feed);
    return render_channel_page(feed, path.channel, base_url);
}

}  // namespace

FeedCatalog::FeedCatalog(config::ServerSettings settings, std::shared_ptr<Metrics> metrics)
    : settings_(std::move(settings)),
      metrics_(std::move(metrics)),
      snapshot_(std::make_shared<CatalogSnapshot>()) {}

void FeedCatalog::publish(std::shared_ptr<const CatalogSnapshot> snapshot) {
    const std::lock_guard lock(mutex_);
    snapshot_ = std::move(snapshot);
    cache_.clear();
}

std::shared_ptr<const CatalogSnapshot> FeedCatalog::snapshot() const {
    const std::lock_guard lock(mutex_);
    return snapshot_;
}

http::Catalog::Answer FeedCatalog::find(const http::CatalogRequest& request) {
    if (request.path == "/healthz") return {uncacheable("text/plain; charset=utf-8", "ok\n"), {}};
    if (request.path == "/metrics") {
        return {uncacheable("text/plain; version=0.0.4; charset=utf-8", metrics_->prometheus_text()), {}};
    }
    const std::string key =
        std::string(request.base_url) + "\n" + std::string(request.path) + "?" + std::string(request.query);
    std::shared_ptr<const CatalogSnapshot> snapshot;
    {
        const std::lock_guard lock(mutex_);
        if (const auto cached = cache_.find(key); cached != cache_.end()) return {cached->second, {}};
        snapshot = snapshot_;
    }
    Answer answer;
    answer.representation = render(request, *snapshot, answer.bad_request);
    if (answer.representation) {
        const std::lock_guard lock(mutex_);
        if (snapshot_ == snapshot) {  // a newer snapshot may have been published meanwhile
            if (cache_.size() >= max_cached_representations) cache_.clear();
            cache_.emplace(key, answer.representation);
        }
    }
    return answer;
}

std::shared_ptr<const http::Representation> FeedCatalog::render(const http::CatalogRequest& request,
                                                                const CatalogSnapshot& snapshot,
                                                                std::string& bad_request) const {
    if (request.path == "/" || request.path == "/index.html") {
        std::vector<ChannelListing> listings;
        for (const auto& channel : snapshot.channels) {
            listings.push_back({channel.channel.name, channel.channel.title, channel.channel.description});
        }
        return http::make_representation("text/html; charset=utf-8",
                                         render_index_page(listings, request.base_url), snapshot.taken);
    }
    if (request.path == "/opml") {
        return http::make_representation("text/x-opml; charset=utf-8",
                                         render_opml(snapshot.sources, snapshot.source_states),
                                         snapshot.taken);
    }
    const auto path = parse_feed_path(request.path);
    if (!path || content_type_of(path->format).empty()) return nullptr;
    const auto channel = std::find_if(
        snapshot.channels.begin(), snapshot.channels.end(),
        [&](const ChannelSnapshot& candidate) { return candidate.channel.name == path->channel; });
    if (channel == snapshot.channels.end()) return nullptr;
    const auto page = parse_page_query(request.query, settings_, bad_request);
    if (!page) return nullptr;
    return http::make_representation(
        std::string(content_type_of(path->format)),
        render_feed(*channel, snapshot, *path, *page, request.query, request.base_url), snapshot.taken);
}

}  // namespace feedagg::service
