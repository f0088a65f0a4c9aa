#pragma once
// The pages a poll reads beyond its first response: the further list pages of an html source and
// the article pages of its new items, the articles of a full-text feed source, and the feed a web
// page points to when a source was configured with the page's address.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon/config/config.hpp"
#include "daemon/fetch/fetcher.hpp"
#include "daemon/store/store.hpp"
#include "feeds/model.hpp"

namespace feedagg::service {

// What reading more pages needs: the fetcher (same limits and politeness as any poll), the worker
// pool for parsing, and the store, on its strand, to skip articles already read.
struct PageReading {
    std::shared_ptr<fetch::Fetcher> fetcher;
    boost::asio::any_io_executor workers;
    boost::asio::any_io_executor store_strand;
    store::Store* store = nullptr;
};

struct PagesRead {
    // html sources without follow: every item of the list pages. With follow, and for full-text
    // feed sources: only items the store does not have yet (at most scrape.max_follow a poll;
    // the rest wait for the next poll), so stored article text is never replaced by list text.
    std::vector<feeds::Entry> entries;
    std::vector<std::string> warnings;  // each names the page it concerns
    std::size_t pages = 0;              // list pages read
    std::size_t articles = 0;           // article pages read
};

// An html source whose first list page answered 200.
boost::asio::awaitable<PagesRead> read_html_source(const config::Source& source,
                                                   const fetch::FetchResponse& first_page,
                                                   feeds::Timestamp now, const PageReading& reading);

// A full_text feed source's entries: each new one gets its article's content (by the configured
// scrape.article selectors, else the main-content heuristic); one whose article cannot be read or
// extracted keeps the feed's summary, with a warning.
boost::asio::awaitable<PagesRead> read_full_texts(const config::Source& source,
                                                  std::vector<feeds::Entry> entries, feeds::Timestamp now,
                                                  const PageReading& reading);

struct DiscoveredFeed {
    std::string url;
    fetch::FetchResponse response;
};

// For a source of type "auto" whose URL answered with a web page: the first feed the page announces
// (<link rel="alternate">) or, when it announces none, found at a common location, that answers
// 200 with something parse_feed reads. Nothing when there is none.
boost::asio::awaitable<std::optional<DiscoveredFeed>> discover_feed(const config::Source& source,
                                                                    const fetch::FetchResponse& page,
                                                                    const PageReading& reading);

}  // namespace feedagg::service
