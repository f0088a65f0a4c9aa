// Article extraction throughput: parse_html_page + extract_main_content over a directory of saved
// article pages (tests/feeds/data/articles), passes repeated until at least --seconds have gone
// by. Prints one key=value line: pages/s, MB/s (10^6 bytes of the pages as stored, before
// decoding), how many pages gave a body, and the peak resident set size.
//
// --parse-only times parse_html_page alone, so the extraction's share can be told apart.
//
//   feedagg_article_bench [--seconds S] [--parse-only] DIR

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "feeds/html_page.hpp"
#include "feeds/main_content.hpp"

namespace {

struct Page {
    std::string name;
    std::string bytes;
};

std::vector<Page> load_pages(const std::filesystem::path& directory) {
    std::vector<Page> pages;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.path().extension() != ".html") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        pages.push_back({entry.path().filename().string(),
                         {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()}});
    }
    std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.name < b.name; });
    return pages;
}

long peak_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = 3;
    bool parse_only = false;
    std::string directory;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--seconds" && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else if (argument == "--parse-only") {
            parse_only = true;
        } else {
            directory = argument;
        }
    }
    if (directory.empty() || seconds <= 0) {
        std::fprintf(stderr, "usage: feedagg_article_bench [--seconds S] [--parse-only] DIR\n");
        return 2;
    }
    const std::vector<Page> pages = load_pages(directory);
    if (pages.empty()) {
        std::fprintf(stderr, "feedagg_article_bench: %s: no .html files\n", directory.c_str());
        return 1;
    }
    std::size_t pass_bytes = 0;
    for (const Page& page : pages) pass_bytes += page.bytes.size();

    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    std::size_t passes = 0;
    std::size_t extracted = 0;
    std::size_t confident = 0;
    double elapsed = 0;
    while (elapsed < seconds) {
        for (const Page& page : pages) {
            const feedagg::feeds::HtmlPage parsed = feedagg::feeds::parse_html_page(page.bytes);
            if (parse_only) continue;
            const auto content = feedagg::feeds::extract_main_content(parsed);
            if (passes == 0 && content) ++extracted;
            if (passes == 0 && content &&
                content->confidence >= feedagg::feeds::main_content_min_confidence) {
                ++confident;
            }
        }
        ++passes;
        elapsed = std::chrono::duration<double>(clock::now() - start).count();
    }
    const double page_count = static_cast<double>(passes * pages.size());
    std::printf(
        "bench=%s pages=%zu passes=%zu seconds=%.2f pages_per_s=%.1f mb_per_s=%.2f "
        "extracted=%zu confident=%zu peak_rss_mb=%.1f\n",
        parse_only ? "article_parse_only" : "article_extraction", pages.size(), passes, elapsed,
        page_count / elapsed, static_cast<double>(passes * pass_bytes) / 1e6 / elapsed, extracted, confident,
        static_cast<double>(peak_rss_kib()) / 1024.0);
    return 0;
}
