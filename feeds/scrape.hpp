#pragma once
// Entries for sites that publish no feed: items picked out of HTML list pages by configured
// selectors, and article pages read for their content (FreshRSS's "HTML + XPath" feeds, RSSHub
// routes and RSS-Bridge do the same job).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "feeds/html_page.hpp"
#include "feeds/html_selector.hpp"
#include "feeds/model.hpp"
#include "feeds/result.hpp"

namespace feedagg::feeds {

// Selectors as configured; empty means "not configured".
struct ScrapeRule {
    std::string item;  // each match is one entry
    std::string title;
    std::string link;
    std::string date;
    std::string summary;
    std::string image;
    std::string author;
    std::vector<std::string> date_formats;  // strftime-style, tried before the built-in forms
    std::string next_page;                  // the link to the next list page

    struct Article {
        std::string content;
        std::vector<std::string> remove;  // share bars, ads, editor lines: dropped from content
        std::string title;
        std::string date;
        std::string author;
    } article;
};

// A rule with its selectors compiled once.
class CompiledScrapeRule {
  public:
    // Errors name the field and the selector: `scrape.date: CSS selector "span[": expected ...`.
    static Result<CompiledScrapeRule> compile(const ScrapeRule& rule);

    const ScrapeRule& rule() const { return rule_; }

  private:
    friend class ListPageReader;
    friend class ArticlePageReader;
    ScrapeRule rule_;
    std::optional<Selector> item_, title_, link_, date_, summary_, image_, author_, next_page_;
    std::optional<Selector> article_content_, article_title_, article_date_, article_author_;
    std::vector<Selector> article_remove_;
};

struct PageContext {
    std::string url;                         // the page's own URL, for relative links
    std::string timezone = "Asia/Shanghai";  // dates without a zone
    Timestamp now;                           // relative dates ("3小时前") count back from here
};

// More items than this on one list page are ignored, with a warning.
constexpr std::size_t max_items_per_page = 2000;

// Entry::published_origin of scraped entries.
inline constexpr std::string_view date_from_list_page = "list page";
inline constexpr std::string_view date_from_article_page = "article page";
inline constexpr std::string_view date_from_first_seen = "first seen";

struct ScrapedList {
    // In page order; id = link, title plain text, link absolute, summary sanitized HTML. Items
    // without a link are skipped.
    std::vector<Entry> items;
    std::string next_page;  // absolute URL, empty when none
    std::vector<std::string> warnings;
};

ScrapedList scrape_list_page(const HtmlPage& page, const CompiledScrapeRule& rule,
                             const PageContext& context);

struct ScrapedArticle {
    std::string content;  // sanitized HTML, empty when the content selector found nothing
    std::string title;
    std::optional<Timestamp> published;
    std::string author;
    std::vector<std::string> warnings;
};

// Reads an article page by the rule's article selectors; `page` loses the removed elements.
ScrapedArticle scrape_article_page(HtmlPage& page, const CompiledScrapeRule& rule,
                                   const PageContext& context);

// A page_url pattern with its "{page}" replaced by `number`.
std::string numbered_page_url(std::string pattern, int number);

// Fills what the list left out from the article: content, and title, author and date when absent.
void complete_from_article(Entry& entry, const ScrapedArticle& article);

}  // namespace feedagg::feeds
