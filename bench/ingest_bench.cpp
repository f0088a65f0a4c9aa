// Ingest with story matching on, through the real store: polls of 50 entries written to a SQLite
// file with record_poll, with their story keys. One item in five is a repost of an earlier one (a
// source line added, the tail cut). Three views:
// - the keys alone (normalize + fingerprint), on one thread, by its CPU time (best of three);
// - the store's serial write with matching, the keys computed beforehand, and beside it the same
//   polls with matching off: the ratio is what matching costs the store. Figures are taken over
//   consecutive slices of the run so that cost per item can be compared as the store grows;
// - end to end, as the daemon runs it: keys computed on a pool of two threads (the daemon's
//   worker pool) while the store writes on a strand of the same pool.
// Then the memory the store's match index holds per indexed item, and how fast it is rebuilt.
//
//   feedagg_ingest_bench [--items N] [--slice N] [--only stories|plain|pipeline] DIR
//   (DIR: where the scratch databases go)

#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <random>
#include <semaphore>
#include <string>
#include <utility>
#include <vector>

#include "daemon/store/store.hpp"
#include "feeds/story.hpp"

namespace {

namespace feeds = feedagg::feeds;
namespace store = feedagg::store;
namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kPerPoll = 50;
const feeds::Timestamp kNow{std::chrono::seconds(1'700'000'000)};

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The calling thread's CPU time: on a machine shared with other work, what the store's thread spent
// is steadier than the wall clock (it leaves out waiting for a core, and for the disk).
double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

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

void compute_keys(Item& item) {
    item.keys = feeds::story_keys(item.entry.title, item.entry.content, item.entry.link);
}

std::unique_ptr<store::Store> fresh_store(const std::filesystem::path& database, bool matching) {
    std::filesystem::remove(database);
    auto opened = store::open_sqlite_store(database);
    store::StoryRules rules;
    rules.enabled = matching;
    opened->set_story_rules(rules);
    return opened;
}

enum class Handover { copy, move };

// The poll of the items from `at`: copied, or moved out of `items` as the daemon moves what it
// parsed into the poll (only those items: other workers take theirs at the same time).
template <Handover handover, typename Items>
store::PollOutcome poll_of(Items& items, std::size_t at, bool with_keys) {
    store::PollOutcome outcome;
    outcome.state.name = items[at].source;
    outcome.state.url = "https://example.cn/feed";
    for (std::size_t i = at; i < std::min(items.size(), at + kPerPoll); ++i) {
        if constexpr (handover == Handover::move) {
            outcome.entries.push_back(std::move(items[i].entry));
            if (with_keys) outcome.story_keys.push_back(std::move(items[i].keys));
        } else {
            outcome.entries.push_back(items[i].entry);
            if (with_keys) outcome.story_keys.push_back(items[i].keys);
        }
    }
    return outcome;
}

struct Slice {
    double items_per_second = 0;
    double items_per_cpu_second = 0;
};

// The store's serial write alone: the keys and rows are already computed, as the daemon's workers do.
std::vector<Slice> ingest(const std::filesystem::path& database, const std::vector<Item>& items,
                          bool matching, std::size_t slice) {
    std::vector<store::PollOutcome> polls;
    for (std::size_t at = 0; at < items.size(); at += kPerPoll) {
        polls.push_back(poll_of<Handover::copy>(items, at, matching));
        store::prepare_entry_rows(polls.back());
    }
    auto written = fresh_store(database, matching);
    std::vector<Slice> slices;
    auto slice_start = Clock::now();
    double slice_cpu_start = thread_cpu_seconds();
    for (std::size_t at = 0; at < items.size(); at += kPerPoll) {
        written->record_poll(polls[at / kPerPoll], kNow);
        if ((at + kPerPoll) % slice == 0) {
            const auto count = static_cast<double>(slice);
            slices.push_back(
                {count / seconds_since(slice_start), count / (thread_cpu_seconds() - slice_cpu_start)});
            slice_start = Clock::now();
            slice_cpu_start = thread_cpu_seconds();
        }
    }
    return slices;
}

// As the daemon runs it: each poll's keys are computed on the worker pool, then its write is
// queued on the store's strand of the same pool. At most `in_flight` polls are under way (the
// daemon's poll slots), so the keys run ahead of the store by a few polls, not by the whole run.
struct EndToEnd {
    double items_per_second = 0;
    double cores_busy = 0;  // the process's CPU time over the wall time
};

double process_cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& time) {
        return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) * 1e-6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// `items` is a copy: their keys are computed again, on the pool.
EndToEnd ingest_end_to_end(const std::filesystem::path& database, std::vector<Item> items) {
    constexpr std::ptrdiff_t in_flight = 8;
    auto written = fresh_store(database, true);
    asio::thread_pool workers(2);
    auto store_strand = asio::make_strand(workers);
    std::counting_semaphore<in_flight> slots(in_flight);
    const auto start = Clock::now();
    const double cpu_start = process_cpu_seconds();
    for (std::size_t at = 0; at < items.size(); at += kPerPoll) {
        slots.acquire();
        asio::post(workers, [&, at] {
            for (std::size_t i = at; i < std::min(items.size(), at + kPerPoll); ++i) compute_keys(items[i]);
            auto outcome = std::make_shared<store::PollOutcome>(poll_of<Handover::move>(items, at, true));
            store::prepare_entry_rows(*outcome);  // as the daemon does, on the worker
            asio::post(store_strand, [&, outcome] {
                written->record_poll(*outcome, kNow);
                slots.release();
            });
        });
    }
    workers.join();
    const double seconds = seconds_since(start);
    return {static_cast<double>(items.size()) / seconds, (process_cpu_seconds() - cpu_start) / seconds};
}

std::size_t heap_in_use() {
    return mallinfo2().uordblks;
}

// The match index and what matching reads, rebuilt from a store written with matching on: heap
// bytes per indexed item, and items indexed per second.
void measure_index(const std::filesystem::path& database) {
    auto reopened = store::open_sqlite_store(database);
    store::StoryRules rules;
    rules.enabled = false;
    reopened->set_story_rules(rules);
    const std::size_t before = heap_in_use();
    const auto start = Clock::now();
    rules.enabled = true;
    reopened->set_story_rules(rules);
    const double seconds = seconds_since(start);
    const double bytes = static_cast<double>(heap_in_use() - before);
    std::printf("indexed_items=%zu index_heap_bytes_per_item=%.0f rebuild_items_per_s=%.0f\n",
                rules.indexed_items, bytes / static_cast<double>(rules.indexed_items),
                static_cast<double>(rules.indexed_items) / seconds);
}

void report_merged(const std::filesystem::path& database, std::size_t items) {
    auto check = store::open_sqlite_store(database);
    const auto merged = check->merged_stories(1'000'000);
    std::printf("items=%zu merged_story_members=%zu (reposts: %zu)\n", items, merged.size(), items / 5);
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t count = 100'000;
    std::size_t slice = 10'000;
    std::string only;
    std::filesystem::path directory;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--items" && i + 1 < argc) {
            count = std::strtoul(argv[++i], nullptr, 10);
        } else if (argument == "--slice" && i + 1 < argc) {
            slice = std::strtoul(argv[++i], nullptr, 10);
        } else if (argument == "--only" && i + 1 < argc) {
            only = argv[++i];
        } else {
            directory = argument;
        }
    }
    if (directory.empty() || slice == 0 || slice % kPerPoll != 0) {
        std::fprintf(stderr,
                     "usage: feedagg_ingest_bench [--items N] [--slice N (multiple of 50)]"
                     " [--only stories|plain|pipeline] DIR\n");
        return 2;
    }
    const auto runs = [&](const char* what) { return only.empty() || only == what; };
    std::vector<Item> items = make_items(count);
    // The keys three times over, the fastest by the thread's CPU time: what one item costs a core.
    double keys_cpu_seconds = 0;
    for (int round = 0; round < 3; ++round) {
        const double start = thread_cpu_seconds();
        for (Item& item : items) compute_keys(item);
        const double spent = thread_cpu_seconds() - start;
        keys_cpu_seconds = round == 0 ? spent : std::min(keys_cpu_seconds, spent);
    }
    std::printf("story_keys_items_per_cpu_s=%.0f\n", static_cast<double>(items.size()) / keys_cpu_seconds);
    const auto with =
        runs("stories") ? ingest(directory / "ingest-stories.db", items, true, slice) : std::vector<Slice>();
    const auto without =
        runs("plain") ? ingest(directory / "ingest-plain.db", items, false, slice) : std::vector<Slice>();
    for (std::size_t i = 0; i < std::max(with.size(), without.size()); ++i) {
        const Slice stories = i < with.size() ? with[i] : Slice{};
        const Slice plain = i < without.size() ? without[i] : Slice{};
        std::printf(
            "stored_before=%zu items_per_s_stories=%.0f items_per_s_plain=%.0f ratio=%.2f"
            " cpu_items_per_s_stories=%.0f cpu_items_per_s_plain=%.0f\n",
            i * slice, stories.items_per_second, plain.items_per_second,
            plain.items_per_second > 0 ? stories.items_per_second / plain.items_per_second : 0.0,
            stories.items_per_cpu_second, plain.items_per_cpu_second);
    }
    if (runs("stories")) {
        report_merged(directory / "ingest-stories.db", items.size());
        measure_index(directory / "ingest-stories.db");
    }
    if (runs("pipeline")) {
        const EndToEnd end_to_end = ingest_end_to_end(directory / "ingest-pipeline.db", items);
        std::printf("end_to_end_items_per_s_2_threads=%.0f cores_busy=%.2f\n", end_to_end.items_per_second,
                    end_to_end.cores_busy);
        report_merged(directory / "ingest-pipeline.db", items.size());
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak_rss_kib=%ld\n", usage.ru_maxrss);
    return 0;
}
