// Ingest with story matching on, through the real store: polls of 50 entries written to a SQLite
// file with record_poll, with their story keys (computed first, and timed apart: the daemon
// computes them on its worker pool while the store's thread writes). One item in five
// is a repost of an earlier one (a source line added, the tail cut). Beside it, the same polls
// with matching off: the ratio is what deduplication costs. Figures are taken over consecutive
// slices of the run so that cost per item can be compared as the store grows.
//
//   feedagg_ingest_bench [--items N] [--slice N] DIR     (DIR: where the scratch databases go)

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "daemon/store/store.hpp"
#include "feeds/story.hpp"

namespace {

namespace feeds = feedagg::feeds;
namespace store = feedagg::store;
using Clock = std::chrono::steady_clock;

void append_code_point(std::string& text, char32_t c) {
    text += static_cast<char>(0xE0 | (c >> 12));
    text += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    text += static_cast<char>(0x80 | (c & 0x3F));
}

// About `length` CJK characters in sentences, with figures, like a short news story.
std::string article(std::mt19937& random, std::size_t length) {
    std::uniform_int_distribution<int> character(0x4E00, 0x4E00 + 3000);
    std::uniform_int_distribution<int> figure(1, 9999);
    std::string text = "<p>";
    for (std::size_t i = 1; i <= length; ++i) {
        append_code_point(text, static_cast<char32_t>(character(random)));
        if (i % 37 == 0) text += std::to_string(figure(random));
        if (i % 23 == 0) text += "\xEF\xBC\x8C";          // ，
        if (i % 120 == 0) text += "\xE3\x80\x82</p><p>";  // 。
    }
    return text + "</p>";
}

struct Item {
    std::string source;
    feeds::Entry entry;
    feeds::StoryKeys keys;
};

std::vector<Item> make_items(std::size_t count) {
    std::mt19937 random(42);
    std::vector<Item> items;
    items.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        Item item;
        item.source = "source-" + std::to_string(i % 20);
        item.entry.id = "item-" + std::to_string(i);
        item.entry.link = "https://" + item.source + ".example.cn/a/" + std::to_string(i) + ".html";
        if (i % 5 == 4 && i > 100) {
            const Item& original = items[i - 1 - random() % 100];
            const std::string& text = original.entry.content;
            item.entry.title = "【转载】" + original.entry.title;
            item.entry.content = "<p>来源：工人日报</p>" + text.substr(0, text.size() * 7 / 10) + "</p>";
        } else {
            item.entry.title = article(random, 18).substr(3, 54);
            item.entry.content = article(random, 600);
        }
        items.push_back(std::move(item));
    }
    return items;
}

struct Slice {
    std::size_t stored_before;
    double items_per_second;
};

std::vector<Slice> ingest(const std::filesystem::path& database, const std::vector<Item>& items,
                          bool matching, std::size_t slice) {
    std::filesystem::remove(database);
    auto written = store::open_sqlite_store(database);
    store::StoryRules rules;
    rules.enabled = matching;
    written->set_story_rules(rules);
    std::vector<Slice> slices;
    constexpr std::size_t per_poll = 50;
    const feeds::Timestamp now{std::chrono::seconds(1'700'000'000)};
    auto slice_start = Clock::now();
    for (std::size_t at = 0; at < items.size(); at += per_poll) {
        store::PollOutcome outcome;
        outcome.state.name = items[at].source;
        outcome.state.url = "https://example.cn/feed";
        for (std::size_t i = at; i < std::min(items.size(), at + per_poll); ++i) {
            outcome.entries.push_back(items[i].entry);
            if (matching) outcome.story_keys.push_back(items[i].keys);
        }
        written->record_poll(outcome, now);
        const std::size_t done = at + per_poll;
        if (done % slice == 0) {
            const double seconds = std::chrono::duration<double>(Clock::now() - slice_start).count();
            slices.push_back({done - slice, static_cast<double>(slice) / seconds});
            slice_start = Clock::now();
        }
    }
    return slices;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t count = 100'000;
    std::size_t slice = 10'000;
    std::filesystem::path directory;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--items" && i + 1 < argc) {
            count = std::strtoul(argv[++i], nullptr, 10);
        } else if (argument == "--slice" && i + 1 < argc) {
            slice = std::strtoul(argv[++i], nullptr, 10);
        } else {
            directory = argument;
        }
    }
    if (directory.empty() || slice == 0 || slice % 50 != 0) {
        std::fprintf(stderr, "usage: feedagg_ingest_bench [--items N] [--slice N (multiple of 50)] DIR\n");
        return 2;
    }
    std::vector<Item> items = make_items(count);
    // The daemon computes keys on its worker pool, beside the store's thread: timed apart.
    const auto keys_start = Clock::now();
    for (Item& item : items) item.keys = feeds::story_keys(item.entry.title, item.entry.content, item.entry.link);
    const double keys_seconds = std::chrono::duration<double>(Clock::now() - keys_start).count();
    std::printf("story_keys_items_per_s_per_thread=%.0f\n", static_cast<double>(items.size()) / keys_seconds);
    const auto with = ingest(directory / "ingest-stories.db", items, true, slice);
    const auto without = ingest(directory / "ingest-plain.db", items, false, slice);
    for (std::size_t i = 0; i < with.size() && i < without.size(); ++i) {
        std::printf("stored_before=%zu items_per_s_stories=%.0f items_per_s_plain=%.0f ratio=%.2f\n",
                    with[i].stored_before, with[i].items_per_second, without[i].items_per_second,
                    with[i].items_per_second / without[i].items_per_second);
    }
    auto check = store::open_sqlite_store(directory / "ingest-stories.db");
    const auto merged = check->merged_stories(1'000'000);
    std::printf("items=%zu merged_story_members=%zu (reposts: %zu)\n", items.size(), merged.size(),
                items.size() / 5);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak_rss_kib=%ld\n", usage.ru_maxrss);
    return 0;
}
