// Fetching further pages, and finding the feed a web page points to.

#include "daemon/service/page_reading.hpp"

#include "daemon/service/page_fetching.hpp"
#include "daemon/service/run_on.hpp"
#include "feeds/feed_discovery.hpp"
#include "feeds/parse.hpp"

namespace feedagg::service {
namespace detail {

boost::asio::awaitable<FetchedPage> fetch_page(const PageReading& reading, std::string url) {
    // A named request, not a braced temporary in the co_await: GCC 12 frees such temporaries twice.
    fetch::FetchRequest request{std::move(url), {}, {}};
    fetch::FetchResult result = co_await reading.fetcher->fetch(std::move(request));
    if (auto* error = std::get_if<fetch::FetchError>(&result)) {
        std::string message = std::string(fetch::to_string(error->kind)) + ": " + error->message;
        co_return FetchedPage{std::move(message)};
    }
    auto& response = std::get<fetch::FetchResponse>(result);
    if (response.status != 200) {
        std::string message = "HTTP " + std::to_string(response.status);
        co_return FetchedPage{std::move(message)};
    }
    co_return FetchedPage{std::move(response)};
}

boost::asio::awaitable<std::vector<feeds::Entry>> new_entries(const PageReading& reading,
                                                              const std::string& source,
                                                              std::vector<feeds::Entry> entries) {
    const std::vector<bool> known =
        co_await run_on(reading.store_strand, [&] { return reading.store->known_entries(source, entries); });
    std::vector<feeds::Entry> fresh;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!known[i]) fresh.push_back(std::move(entries[i]));
    }
    co_return fresh;
}

}  // namespace detail

namespace {

// Candidates are tried one at a time: a site without a feed should cost it a handful of requests.
constexpr std::size_t max_discovery_attempts = 8;

bool reads_as_feed(const fetch::FetchResponse& response) {
    if (feeds::looks_like_html_page(response.body)) return false;
    feeds::ParseOptions options;
    options.base_url = response.final_url;
    options.charset = response.charset;
    return feeds::parse_feed(response.body, options).has_value();
}

}  // namespace

boost::asio::awaitable<std::optional<DiscoveredFeed>> discover_feed(const config::Source& source,
                                                                    const fetch::FetchResponse& page,
                                                                    const PageReading& reading) {
    std::vector<std::string> candidates = co_await run_on(reading.workers, [&] {
        std::vector<std::string> announced =
            feeds::announced_feeds(feeds::parse_html_page(page.body, page.charset), page.final_url);
        return announced.empty() ? feeds::common_feed_locations(page.final_url) : announced;
    });
    if (candidates.size() > max_discovery_attempts) candidates.resize(max_discovery_attempts);
    for (std::string& candidate : candidates) {
        if (candidate == page.final_url || candidate == source.url) continue;
        detail::FetchedPage fetched = co_await detail::fetch_page(reading, candidate);
        auto* response = std::get_if<fetch::FetchResponse>(&fetched);
        if (response == nullptr) continue;
        const bool is_feed = co_await run_on(reading.workers, [&] { return reads_as_feed(*response); });
        if (is_feed) co_return DiscoveredFeed{std::move(candidate), std::move(*response)};
    }
    co_return std::nullopt;
}

}  // namespace feedagg::service
