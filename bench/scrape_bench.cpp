// Scraping throughput: list pages (parse_html_page + scrape_list_page) and article pages
// (parse_html_page + scrape_article_page with the case's selectors) over the scraping fixtures
// (tests/feeds/data/scrape), and one synthetic list page of 5,000 items. Beside each, the time
// parse_html_page alone takes on the same pages, so the selectors' share can be told apart.
// Prints key=value lines: pages/s, MB/s (10^6 bytes as stored, before decoding), items/s and
// the peak resident set size.
//
//   feedagg_scrape_bench [--seconds S] DIR

#include <sys/resource.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "feeds/dates.hpp"
#include "feeds/scrape.hpp"
#include "tests/feeds/scrape_rule_json.hpp"

namespace {

namespace json = boost::json;
namespace feeds = feedagg::feeds;
using Clock = std::chrono::steady_clock;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Case {
    std::string list_page;
    std::string article_page;  // may be empty
    std::string charset;
    std::string url;
    feeds::CompiledScrapeRule rule;
};

std::vector<Case> load_cases(const std::filesystem::path& directory) {
    std::vector<Case> cases;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (!std::filesystem::exists(entry.path() / "rule.json")) continue;
        const json::object rule = json::parse(read_file(entry.path() / "rule.json")).as_object();
        std::string article;
        if (std::filesystem::exists(entry.path() / "article.html"))
            article = read_file(entry.path() / "article.html");
        cases.push_back(
            {read_file(entry.path() / "page.html"), std::move(article),
             feeds::testing::json_text(rule, "transport_charset"),
             feeds::testing::json_text(rule, "base_url"),
             feeds::CompiledScrapeRule::compile(feeds::testing::scrape_rule_from_json(rule)).value()});
    }
    return cases;
}

Case synthetic_list() {
    std::string page = "<html><head><meta charset=utf-8></head><body><ul class=list>";
    for (int i = 0; i < 5000; ++i) {
        const std::string n = std::to_string(i);
        page += "<li><a href=\"/2024/05/" + n + ".html\">职工技能大赛第" + n + "场 Skills contest " + n +
                "</a><span class=date>2024-05-17 09:12</span></li>";
    }
    page += "</ul></body></html>";
    feeds::ScrapeRule rule;
    rule.item = "ul.list > li";
    rule.title = "a";
    rule.date = "span.date";
    return {std::move(page),
            {},
            {},
            "https://union.example.cn/news/",
            feeds::CompiledScrapeRule::compile(rule).value()};
}

struct Totals {
    std::size_t pages = 0;
    std::size_t bytes = 0;
    std::size_t items = 0;
};

// Repeats `pass` until `seconds` have gone by; returns totals and the elapsed seconds.
std::pair<Totals, double> repeat(double seconds, const std::function<void(Totals&)>& pass) {
    Totals totals;
    const auto start = Clock::now();
    double elapsed = 0;
    do {
        pass(totals);
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < seconds);
    return {totals, elapsed};
}

void report(const char* name, const std::pair<Totals, double>& run) {
    const auto& [totals, elapsed] = run;
    std::printf("run=%s pages_per_s=%.0f mb_per_s=%.2f items_per_s=%.0f\n", name, totals.pages / elapsed,
                totals.bytes / elapsed / 1e6, totals.items / elapsed);
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = 3;
    std::string directory;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--seconds" && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else {
            directory = argument;
        }
    }
    if (directory.empty()) {
        std::fprintf(stderr, "usage: feedagg_scrape_bench [--seconds S] DIR\n");
        return 2;
    }
    const std::vector<Case> cases = load_cases(directory);
    const Case big = synthetic_list();
    const feeds::Timestamp now = *feeds::parse_date("2024-05-17T04:00:00Z");

    const auto list_pass = [&](const std::vector<const Case*>& chosen, bool parse_only) {
        return [&, chosen, parse_only](Totals& totals) {
            for (const Case* scraped : chosen) {
                const feeds::HtmlPage page = feeds::parse_html_page(scraped->list_page, scraped->charset);
                if (!parse_only) {
                    totals.items +=
                        feeds::scrape_list_page(page, scraped->rule, {scraped->url, "Asia/Shanghai", now})
                            .items.size();
                }
                totals.pages += 1;
                totals.bytes += scraped->list_page.size();
            }
        };
    };
    std::vector<const Case*> fixtures;
    for (const Case& scraped : cases) fixtures.push_back(&scraped);
    report("list-pages", repeat(seconds, list_pass(fixtures, false)));
    report("list-pages-parse-only", repeat(seconds, list_pass(fixtures, true)));
    report("list-5000-items", repeat(seconds, list_pass({&big}, false)));
    report("list-5000-items-parse-only", repeat(seconds, list_pass({&big}, true)));
    report("article-pages", repeat(seconds, [&](Totals& totals) {
               for (const Case& scraped : cases) {
                   if (scraped.article_page.empty()) continue;
                   feeds::HtmlPage page = feeds::parse_html_page(scraped.article_page);
                   totals.items +=
                       !feeds::scrape_article_page(page, scraped.rule, {scraped.url, "Asia/Shanghai", now})
                            .content.empty();
                   totals.pages += 1;
                   totals.bytes += scraped.article_page.size();
               }
           }));
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak_rss_kib=%ld\n", usage.ru_maxrss);
    return 0;
}
