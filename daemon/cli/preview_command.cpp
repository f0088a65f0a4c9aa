// feedagg preview: what an html source's selectors pick out of a page, item by item, so a rule can
// be written and checked in minutes (docs/html-sources.md).

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <filesystem>
#include <iostream>

#include "daemon/cli/commands.hpp"
#include "daemon/cli/config_file.hpp"
#include "daemon/cli/input_file.hpp"
#include "daemon/config/config.hpp"
#include "daemon/fetch/fetcher.hpp"
#include "feeds/dates.hpp"
#include "feeds/html.hpp"
#include "feeds/scrape.hpp"

namespace feedagg::cli {
namespace {

struct PreviewOptions {
    std::string target;  // URL or file path
    std::string config_path;
    std::string source_name;
    std::string base_url;
    std::string timezone = "Asia/Shanghai";
    std::size_t max_items = 10;
    feeds::ScrapeRule rule;
};

struct Page {
    std::string body;
    std::string charset;  // from HTTP
    std::string url;
};

// A page from the network or a file:// URL, through the daemon's fetcher and its limits.
std::variant<Page, std::string> fetch(const std::string& url, config::FetchSettings settings) {
    settings.keep_alive = {};  // one request: a connection kept open would only hold io.run() back
    boost::asio::io_context io;
    fetch::Fetcher fetcher(io.get_executor(), settings);
    std::optional<fetch::FetchResult> result;
    fetch::FetchRequest request{url, {}, {}};
    boost::asio::co_spawn(
        io, fetcher.fetch(std::move(request)),
        [&](std::exception_ptr, fetch::FetchResult fetched) { result = std::move(fetched); });
    io.run();
    if (!result) return std::string("the fetch did not finish");
    if (auto* error = std::get_if<fetch::FetchError>(&*result)) return std::string(error->message);
    auto& response = std::get<fetch::FetchResponse>(*result);
    if (response.status != 200) return "HTTP " + std::to_string(response.status);
    return Page{std::move(response.body), std::move(response.charset), std::move(response.final_url)};
}

std::variant<Page, std::string> load(const std::string& target, const std::string& base_url,
                                     const config::FetchSettings& settings) {
    if (target.find("://") == std::string::npos && !target.starts_with("file:")) {
        feeds::Result<std::string> bytes = read_input_file(target);
        if (!bytes) return bytes.error().message;
        const std::string url =
            base_url.empty() ? "file://" + std::filesystem::absolute(target).lexically_normal().string()
                             : base_url;
        return Page{std::move(*bytes), {}, url};
    }
    auto page = fetch(target, settings);
    if (auto* fetched = std::get_if<Page>(&page); fetched && !base_url.empty()) fetched->url = base_url;
    return page;
}

// At most `limit` bytes, cut at a character boundary.
std::string shortened(std::string text, std::size_t limit) {
    if (text.size() <= limit) return text;
    while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
    return text.substr(0, limit) + "…";
}

void print_field(std::string_view name, std::string_view value) {
    if (!value.empty()) std::cout << "  " << name << std::string(9 - name.size(), ' ') << value << '\n';
}

void print_entry(std::size_t number, const feeds::Entry& entry) {
    std::cout << "#" << number << '\n';
    print_field("title:", entry.title);
    print_field("link:", entry.link);
    if (entry.published)
        print_field("date:",
                    feeds::format_rfc3339(*entry.published) + "  (from the " + entry.published_origin + ")");
    else
        print_field("date:", "-");
    print_field("summary:", shortened(feeds::html_to_text(entry.summary), 200));
    if (!entry.enclosures.empty()) print_field("image:", entry.enclosures[0].url);
    if (!entry.authors.empty()) print_field("author:", entry.authors[0].name);
}

bool has_article_selectors(const feeds::ScrapeRule& rule) {
    return !rule.article.content.empty() || !rule.article.title.empty() || !rule.article.date.empty() ||
           !rule.article.author.empty();
}

void preview_article(const feeds::Entry& entry, const feeds::CompiledScrapeRule& rule,
                     const PreviewOptions& options, const config::FetchSettings& settings) {
    std::cout << "\narticle page of #1: " << entry.link << '\n';
    auto loaded = load(entry.link, {}, settings);
    if (auto* error = std::get_if<std::string>(&loaded)) {
        std::cout << "  not read: " << *error << '\n';
        return;
    }
    const Page& page = std::get<Page>(loaded);
    feeds::HtmlPage html = feeds::parse_html_page(page.body, page.charset);
    std::cout << "  charset: " << html.charset << '\n';
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    const feeds::ScrapedArticle article =
        feeds::scrape_article_page(html, rule, {page.url, options.timezone, now});
    print_field("title:", article.title);
    print_field("date:", article.published ? feeds::format_rfc3339(*article.published) : "");
    print_field("author:", article.author);
    print_field("content:", shortened(feeds::html_to_text(article.content), 300));
    for (const std::string& warning : article.warnings) std::cout << "  warning: " << warning << '\n';
}

int preview(PreviewOptions options) {
    config::FetchSettings settings;
    if (!options.config_path.empty()) {
        const std::optional<config::Config> loaded = load_config_or_report(options.config_path);
        if (!loaded) return 1;
        settings = loaded->fetch;
        if (!options.source_name.empty()) {
            const auto& sources = loaded->sources;
            const auto found = std::find_if(sources.begin(), sources.end(), [&](const config::Source& s) {
                return s.name == options.source_name;
            });
            if (found == sources.end()) {
                std::cerr << "feedagg preview: no source named \"" << options.source_name << "\" in "
                          << options.config_path << '\n';
                return 1;
            }
            if (found->type != "html") {
                std::cerr << "feedagg preview: source \"" << found->name << "\" is of type \"" << found->type
                          << "\"; preview reads html sources\n";
                return 1;
            }
            options.rule = found->scrape.rule;
            options.timezone = found->timezone;
            if (options.target.empty()) options.target = found->url;
        }
    }
    if (options.target.empty()) {
        std::cerr << "feedagg preview: give a URL or file, or --config FILE --source NAME\n";
        return 1;
    }
    feeds::Result<feeds::CompiledScrapeRule> rule = feeds::CompiledScrapeRule::compile(options.rule);
    if (!rule) {
        std::cerr << "feedagg preview: " << rule.error().message << '\n';
        return 1;
    }
    auto loaded = load(options.target, options.base_url, settings);
    if (auto* error = std::get_if<std::string>(&loaded)) {
        std::cerr << "feedagg preview: " << options.target << ": " << *error << '\n';
        return 1;
    }
    const Page& page = std::get<Page>(loaded);
    const feeds::HtmlPage html = feeds::parse_html_page(page.body, page.charset);
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    const feeds::ScrapedList list = feeds::scrape_list_page(html, *rule, {page.url, options.timezone, now});
    std::cout << "page:     " << page.url << "\ncharset:  " << html.charset
              << "\nitems:    " << list.items.size() << " (item selector \"" << options.rule.item
              << "\")\n\n";
    for (std::size_t i = 0; i < list.items.size() && i < options.max_items; ++i)
        print_entry(i + 1, list.items[i]);
    if (list.items.size() > options.max_items)
        std::cout << "... " << list.items.size() - options.max_items << " more (--max-items to see them)\n";
    if (!options.rule.next_page.empty())
        std::cout << "\nnext page: " << (list.next_page.empty() ? "-" : list.next_page) << '\n';
    for (const std::string& warning : html.warnings) std::cout << "warning: " << warning << '\n';
    for (const std::string& warning : list.warnings) std::cout << "warning: " << warning << '\n';
    if (!list.items.empty() && has_article_selectors(options.rule))
        preview_article(list.items.front(), *rule, options, settings);
    if (list.items.empty()) {
        std::cerr << "feedagg preview: item selector \"" << options.rule.item << "\" matched nothing\n";
        return 1;
    }
    return 0;
}

}  // namespace

void add_preview_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<PreviewOptions>();
    auto* sub = app.add_subcommand("preview", "Show what an html source's selectors extract from a page");
    sub->add_option("target", options->target, "URL or file of a list page (default: the source's url)");
    sub->add_option("--config", options->config_path, "configuration file, for --source and fetch settings")
        ->check(CLI::ExistingFile);
    sub->add_option("--source", options->source_name, "an html source of --config whose rule to use")
        ->needs("--config");
    feeds::ScrapeRule& rule = options->rule;
    sub->add_option("--item", rule.item, "selector of one list item (CSS or XPath)");
    sub->add_option("--title", rule.title, "title, relative to the item");
    sub->add_option("--link", rule.link, "link, relative to the item (an <a> gives its href)");
    sub->add_option("--date", rule.date, "date, relative to the item");
    sub->add_option("--summary", rule.summary, "summary, relative to the item");
    sub->add_option("--image", rule.image, "image, relative to the item");
    sub->add_option("--author", rule.author, "author, relative to the item");
    sub->add_option("--date-format", rule.date_formats, "strftime-style date format (repeatable)");
    sub->add_option("--next-page", rule.next_page, "selector of the next list page's link");
    sub->add_option("--content", rule.article.content, "article page: content selector (previews item #1)");
    sub->add_option("--remove", rule.article.remove,
                    "article page: selector of clutter to drop (repeatable)");
    sub->add_option("--timezone", options->timezone,
                    "zone of dates written without one (default Asia/Shanghai)");
    sub->add_option("--base-url", options->base_url,
                    "the page's real URL, for relative links in a saved file");
    sub->add_option("--max-items", options->max_items, "items to print (default 10)");
    sub->callback([options, &exit_code] {
        if (options->source_name.empty() && options->rule.item.empty()) {
            std::cerr << "feedagg preview: give --item SELECTOR, or --config FILE --source NAME\n";
            exit_code = 2;
            return;
        }
        exit_code = preview(*options);
    });
}

}  // namespace feedagg::cli
