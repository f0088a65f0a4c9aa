// A full-text feed source's new entries, completed with their articles' content.

#include "daemon/service/page_fetching.hpp"
#include "daemon/service/page_reading.hpp"
#include "daemon/service/run_on.hpp"
#include "feeds/html.hpp"
#include "feeds/main_content.hpp"
#include "feeds/scrape.hpp"

namespace feedagg::service {
namespace {

// The article's content as sanitized HTML, or why there is none.
std::variant<std::string, std::string> extract_article(const fetch::FetchResponse& response,
                                                       const std::optional<feeds::CompiledScrapeRule>& rule,
                                                       const config::Source& source, feeds::Timestamp now) {
    using Outcome = std::variant<std::string, std::string>;
    feeds::HtmlPage page = feeds::parse_html_page(response.body, response.charset);
    if (rule) {
        feeds::ScrapedArticle article =
            feeds::scrape_article_page(page, *rule, {response.final_url, source.timezone, now});
        if (article.content.empty())
            return Outcome{std::in_place_index<1>, "the content selector matched nothing"};
        return Outcome{std::in_place_index<0>, std::move(article.content)};
    }
    const std::optional<feeds::MainContent> main = feeds::extract_main_content(page);
    if (!main) return Outcome{std::in_place_index<1>, "no article body found"};
    if (main->confidence < feeds::main_content_min_confidence)
        return Outcome{std::in_place_index<1>, "article body found with low confidence " +
                                                   std::to_string(main->confidence).substr(0, 4)};
    feeds::SanitizeOptions options;
    options.base_url = response.final_url;
    return Outcome{std::in_place_index<0>, feeds::sanitize_html(main->html, options)};
}

}  // namespace

boost::asio::awaitable<PagesRead> read_full_texts(const config::Source& source,
                                                  std::vector<feeds::Entry> entries, feeds::Timestamp now,
                                                  const PageReading& reading) {
    PagesRead read;
    read.entries = co_await detail::new_entries(reading, source.name, std::move(entries));
    if (read.entries.size() > source.scrape.max_follow) read.entries.resize(source.scrape.max_follow);
    std::optional<feeds::CompiledScrapeRule> rule;
    if (!source.scrape.rule.article.content.empty()) {
        feeds::ScrapeRule article_rule = source.scrape.rule;
        article_rule.item = "*";  // a feed source has no list items; only the article selectors matter
        if (auto compiled = feeds::CompiledScrapeRule::compile(article_rule))
            rule.emplace(std::move(compiled).value());
    }
    co_await detail::for_each_bounded(
        read.entries.size(), source.scrape.follow_concurrency,
        [&](std::size_t index) -> boost::asio::awaitable<void> {
            feeds::Entry& entry = read.entries[index];
            if (entry.link.empty()) co_return;
            detail::FetchedPage fetched = co_await detail::fetch_page(reading, entry.link);
            if (auto* error = std::get_if<std::string>(&fetched)) {
                read.warnings.push_back(entry.link + ": full text not read (" + *error +
                                        "); keeping the feed's summary");
                co_return;
            }
            const auto& response = std::get<fetch::FetchResponse>(fetched);
            auto extracted = co_await run_on(reading.workers,
                                             [&] { return extract_article(response, rule, source, now); });
            ++read.articles;
            if (extracted.index() == 1) {
                read.warnings.push_back(entry.link + ": full text not extracted (" + std::get<1>(extracted) +
                                        "); keeping the feed's summary");
                co_return;
            }
            if (entry.summary.empty()) entry.summary = entry.content;
            entry.content = std::move(std::get<0>(extracted));
        });
    co_return read;
}

}  // namespace feedagg::service
