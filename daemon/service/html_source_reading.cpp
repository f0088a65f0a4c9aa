// An html source's poll: its list pages, then the article pages of the items it has not read.

#include <set>

#include "daemon/service/page_fetching.hpp"
#include "daemon/service/page_reading.hpp"
#include "daemon/service/run_on.hpp"
#include "feeds/scrape.hpp"

namespace feedagg::service {
namespace {

feeds::PageContext page_context(const config::Source& source, std::string url, feeds::Timestamp now) {
    return {std::move(url), source.timezone, now};
}

feeds::ScrapedList read_list_page(const fetch::FetchResponse& response, const feeds::CompiledScrapeRule& rule,
                                  const config::Source& source, feeds::Timestamp now) {
    const feeds::HtmlPage page = feeds::parse_html_page(response.body, response.charset);
    feeds::ScrapedList list =
        feeds::scrape_list_page(page, rule, page_context(source, response.final_url, now));
    list.warnings.insert(list.warnings.begin(), page.warnings.begin(), page.warnings.end());
    return list;
}

class HtmlSourceReader {
  public:
    HtmlSourceReader(const config::Source& source, feeds::CompiledScrapeRule rule, feeds::Timestamp now,
                     const PageReading& reading)
        : source_(source), rule_(std::move(rule)), now_(now), reading_(reading) {}

    boost::asio::awaitable<PagesRead> read(const fetch::FetchResponse& first_page) {
        visited_.insert(first_page.final_url);
        std::string next = co_await take_list_page(first_page);
        const config::ScrapeSettings& settings = source_.scrape;
        for (std::size_t page = 2; page <= settings.max_pages; ++page) {
            if (!settings.page_url.empty())
                next = feeds::numbered_page_url(settings.page_url,
                                                settings.first_page + static_cast<int>(page) - 2);
            if (next.empty() || !visited_.insert(next).second) break;
            detail::FetchedPage fetched = co_await detail::fetch_page(reading_, next);
            if (auto* error = std::get_if<std::string>(&fetched)) {
                warn(next, "list page not read: " + *error);
                break;
            }
            next = co_await take_list_page(std::get<fetch::FetchResponse>(fetched));
        }
        if (settings.follow) co_await follow_articles();
        for (feeds::Entry& entry : read_.entries) {
            if (!entry.published) entry.published_origin = feeds::date_from_first_seen;
        }
        co_return std::move(read_);
    }

  private:
    const config::Source& source_;
    const feeds::CompiledScrapeRule rule_;
    const feeds::Timestamp now_;
    const PageReading& reading_;
    PagesRead read_;
    std::set<std::string> visited_;
    std::set<std::string> links_;

    void warn(const std::string& url, const std::string& message) {
        read_.warnings.push_back(url + ": " + message);
    }

    // Takes the page's items (each link once across pages); returns the next page's URL.
    boost::asio::awaitable<std::string> take_list_page(const fetch::FetchResponse& response) {
        feeds::ScrapedList list =
            co_await run_on(reading_.workers, [&] { return read_list_page(response, rule_, source_, now_); });
        ++read_.pages;
        for (const std::string& warning : list.warnings) warn(response.final_url, warning);
        for (feeds::Entry& entry : list.items) {
            if (links_.insert(entry.link).second) read_.entries.push_back(std::move(entry));
        }
        co_return std::move(list.next_page);
    }

    boost::asio::awaitable<void> follow_articles() {
        std::vector<feeds::Entry> fresh =
            co_await detail::new_entries(reading_, source_.name, std::move(read_.entries));
        if (fresh.size() > source_.scrape.max_follow) fresh.resize(source_.scrape.max_follow);
        read_.entries = std::move(fresh);
        co_await detail::for_each_bounded(read_.entries.size(), source_.scrape.follow_concurrency,
                                          [this](std::size_t index) -> boost::asio::awaitable<void> {
                                              co_await complete(read_.entries[index]);
                                          });
    }

    boost::asio::awaitable<void> complete(feeds::Entry& entry) {
        detail::FetchedPage fetched = co_await detail::fetch_page(reading_, entry.link);
        if (auto* error = std::get_if<std::string>(&fetched)) {
            warn(entry.link, "article page not read: " + *error);
            co_return;
        }
        const auto& response = std::get<fetch::FetchResponse>(fetched);
        feeds::ScrapedArticle article = co_await run_on(reading_.workers, [&] {
            feeds::HtmlPage page = feeds::parse_html_page(response.body, response.charset);
            return feeds::scrape_article_page(page, rule_, page_context(source_, response.final_url, now_));
        });
        ++read_.articles;
        for (const std::string& warning : article.warnings) warn(entry.link, warning);
        feeds::complete_from_article(entry, article);
    }
};

}  // namespace

boost::asio::awaitable<PagesRead> read_html_source(const config::Source& source,
                                                   const fetch::FetchResponse& first_page,
                                                   feeds::Timestamp now, const PageReading& reading) {
    feeds::Result<feeds::CompiledScrapeRule> rule = feeds::CompiledScrapeRule::compile(source.scrape.rule);
    if (!rule) {  // the configuration was checked when loaded; this is a programming error
        PagesRead nothing;
        nothing.warnings.push_back(rule.error().message);
        co_return nothing;
    }
    HtmlSourceReader reader(source, std::move(rule).value(), now, reading);
    co_return co_await reader.read(first_page);
}

}  // namespace feedagg::service
