// A source's [source.scrape] table: the selectors of an "html" source's list pages, pagination,
// following to article pages, and the article selectors full-text feed sources use too. Each
// selector is compiled here so that a bad one is reported at its line and column.

#include "daemon/config/read_scrape.hpp"

#include <array>

#include "feeds/html_selector.hpp"

namespace feedagg::config::detail {
namespace {

constexpr std::array<std::string_view, 16> scrape_keys = {
    "item",     "title",      "link",         "date",       "summary",
    "image",    "author",     "date_formats", "next_page",  "max_pages",
    "page_url", "first_page", "follow",       "max_follow", "follow_concurrency",
    "article"};
constexpr std::array<std::string_view, 5> article_keys = {"content", "remove", "title", "date", "author"};

Problem check_selector(std::string_view text) {
    if (text.empty()) return "is empty";
    feeds::Result<feeds::Selector> compiled = feeds::Selector::compile(text);
    if (!compiled) return "is not a selector: " + compiled.error().message;
    return std::nullopt;
}

// strftime-style conversions parse_page_date reads.
Problem check_date_format(std::string_view format) {
    bool has_conversion = false;
    for (std::size_t at = format.find('%'); at != std::string_view::npos; at = format.find('%', at + 2)) {
        if (at + 1 >= format.size() ||
            std::string_view("YymdHMSb%").find(format[at + 1]) == std::string_view::npos)
            return "has an unknown conversion; use %Y %y %m %d %H %M %S %b or %%";
        has_conversion = has_conversion || format[at + 1] != '%';
    }
    if (!has_conversion) return "has no conversion such as %Y or %d";
    return std::nullopt;
}

void selector(TableReader& reader, std::string_view key, std::string& out) {
    const auto* node = reader.string_node(key);
    if (node == nullptr) return;
    if (Problem bad = check_selector(node->get())) {
        reader.problem(where(*node), std::string(key) + " " + quoted_value(node->get()) + " " + *bad);
        return;
    }
    out = node->get();
}

void read_article(TableReader& scrape, feeds::ScrapeRule::Article& article, ErrorList& errors) {
    const toml::node* node = scrape.find("article");
    if (node == nullptr) return;
    if (!node->is_table()) return scrape.wrong_type("article", *node, "a table ([source.scrape.article])");
    TableReader reader(*node->as_table(), scrape.context() + ": scrape.article", article_keys, errors);
    selector(reader, "content", article.content);
    selector(reader, "title", article.title);
    selector(reader, "date", article.date);
    selector(reader, "author", article.author);
    article.remove = names_of(reader.texts("remove", check_selector, true));
}

void read_pagination(TableReader& reader, ScrapeSettings& scrape) {
    reader.integer("max_pages", scrape.max_pages, 1, 100);
    if (const auto* pattern = reader.string_node("page_url")) {
        if (pattern->get().find("{page}") == std::string::npos || check_web_url(pattern->get())) {
            reader.problem(where(*pattern),
                           "page_url " + quoted_value(pattern->get()) +
                               " must be an http(s) URL with \"{page}\" where the page number goes");
        } else {
            scrape.page_url = pattern->get();
        }
    }
    reader.integer("first_page", scrape.first_page, 0, 1000);
    if (!scrape.page_url.empty() && !scrape.rule.next_page.empty()) {
        reader.problem(where(*reader.find("page_url")), "give either next_page or page_url, not both");
    }
}

}  // namespace

void read_scrape(TableReader& source_reader, Source& source, ErrorList& errors) {
    const toml::node* node = source_reader.find("scrape");
    const bool is_html = source.type == "html";
    if (node == nullptr) {
        if (is_html)
            source_reader.problem(
                source_reader.place(),
                "type \"html\" needs a [source.scrape] table with at least item = \"selector\" "
                "(see docs/html-sources.md)");
        return;
    }
    if (!node->is_table()) return source_reader.wrong_type("scrape", *node, "a table ([source.scrape])");
    TableReader reader(*node->as_table(), source_reader.context() + ": scrape", scrape_keys, errors);
    ScrapeSettings& scrape = source.scrape;
    feeds::ScrapeRule& rule = scrape.rule;
    read_article(reader, rule.article, errors);
    if (!is_html) {
        for (auto&& [key, value] : *node->as_table()) {
            if (key.str() == "article") continue;
            reader.problem(where(key.source()), "only scrape.article applies to a source of type \"" +
                                                    source.type + "\"; " + quoted_value(key.str()) +
                                                    " needs type = \"html\"");
        }
        return;
    }
    if (reader.find("item") == nullptr)
        reader.problem(reader.place(), "missing key \"item\": the selector of one list item");
    selector(reader, "item", rule.item);
    selector(reader, "title", rule.title);
    selector(reader, "link", rule.link);
    selector(reader, "date", rule.date);
    selector(reader, "summary", rule.summary);
    selector(reader, "image", rule.image);
    selector(reader, "author", rule.author);
    selector(reader, "next_page", rule.next_page);
    rule.date_formats = names_of(reader.texts("date_formats", check_date_format, true));
    read_pagination(reader, scrape);
    reader.flag("follow", scrape.follow);
    reader.integer("max_follow", scrape.max_follow, 1, 1000);
    reader.integer("follow_concurrency", scrape.follow_concurrency, 1, 16);
    if (scrape.follow && rule.article.content.empty() && rule.article.title.empty() &&
        rule.article.date.empty() && rule.article.author.empty())
        reader.problem(reader.place(),
                       "follow = true needs [source.scrape.article] with at least content = \"selector\"");
}

}  // namespace feedagg::config::detail
