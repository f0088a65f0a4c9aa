// Times feedagg's parser and a pugixml-only walk over the benchmark corpus; prints one key=value
// line per run so scripts/run-bench.sh can set it beside the external peers.
//
//   feedagg_parse_bench [--reader feedagg|pugixml] [--select all|xml|json] [--passes N] PATH...
//   feedagg_parse_bench --one-at-a-time [--repeat K] [--select ...] PATH...
//
// The default mode loads every file first and times whole passes; the median pass is reported, in
// wall time and in process CPU time. MB are 10^6 bytes of the files as stored.
// --one-at-a-time reads, parses and frees one file at a time (K times over the list) and reports
// the peak resident set size, to show memory follows the largest file rather than the corpus.

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.hpp"
#include "readers.hpp"

namespace {

using namespace feedagg::bench;

struct Options {
    std::string reader = "feedagg";
    Selection selection = Selection::all;
    int passes = 3;
    bool one_at_a_time = false;
    int repeat = 1;
    std::vector<std::string> paths;
};

[[noreturn]] void usage(const std::string& problem) {
    std::fprintf(
        stderr,
        "feedagg_parse_bench: %s\n"
        "usage: feedagg_parse_bench [--reader feedagg|pugixml] [--select all|xml|json] [--passes N]\n"
        "                           [--one-at-a-time [--repeat K]] PATH...\n",
        problem.c_str());
    std::exit(2);
}

Selection parse_selection(std::string_view text) {
    if (text == "all") return Selection::all;
    if (text == "xml") return Selection::xml;
    if (text == "json") return Selection::json;
    usage("--select: \"" + std::string(text) + "\" is not one of all, xml, json");
}

int parse_count(std::string_view flag, const std::string& text) {
    const int value = std::atoi(text.c_str());
    if (value < 1) usage(std::string(flag) + ": \"" + text + "\" needs to be a positive number");
    return value;
}

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(std::string(arg) + " needs a value");
            return argv[++i];
        };
        if (arg == "--reader") {
            options.reader = value();
            if (options.reader != "feedagg" && options.reader != "pugixml")
                usage("--reader: feedagg or pugixml");
        } else if (arg == "--select") {
            options.selection = parse_selection(value());
        } else if (arg == "--passes") {
            options.passes = parse_count(arg, value());
        } else if (arg == "--repeat") {
            options.repeat = parse_count(arg, value());
        } else if (arg == "--one-at-a-time") {
            options.one_at_a_time = true;
        } else if (arg.starts_with("--")) {
            usage("unknown option " + std::string(arg));
        } else {
            options.paths.emplace_back(arg);
        }
    }
    if (options.paths.empty()) usage("no corpus given");
    return options;
}

using Reader = std::function<ReadOutcome(const LoadedFile&)>;

// The URL a fetcher would have fetched the file from: relative links in entries resolve against it.
std::string base_url_of(const CorpusFile& file) {
    return "https://bench.example/feeds/" + std::filesystem::path(file.path).filename().string();
}

Reader make_reader(const std::string& name) {
    if (name == "pugixml") return [](const LoadedFile& file) { return read_with_pugixml_walk(file.bytes); };
    return [](const LoadedFile& file) { return read_with_feedagg(file.bytes, base_url_of(file.file)); };
}

std::string reader_label(const Options& options) {
    return options.reader == "pugixml" ? "pugixml-walk" : "feedagg";
}

long max_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;  // Linux reports kilobytes
}

// Process CPU time: on a shared, oversubscribed machine it moves far less than wall time.
double cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

double median_of(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct PassResult {
    double seconds = 0;
    double cpu_seconds = 0;
    std::uint64_t entries = 0;
    std::uint64_t failures = 0;
    std::uint64_t checksum = 0;
};

PassResult time_pass(const std::vector<LoadedFile>& corpus, const Reader& reader) {
    PassResult pass;
    const double cpu_start = cpu_seconds();
    const auto start = std::chrono::steady_clock::now();
    for (const LoadedFile& file : corpus) {
        const ReadOutcome outcome = reader(file);
        pass.entries += outcome.entries;
        pass.failures += outcome.failed ? 1 : 0;
        pass.checksum += outcome.checksum;
    }
    pass.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    pass.cpu_seconds = cpu_seconds() - cpu_start;
    return pass;
}

int run_throughput(const Options& options) {
    const std::vector<LoadedFile> corpus = load_corpus(list_corpus(options.paths, options.selection));
    if (corpus.empty()) usage("no files selected");
    const Reader reader = make_reader(options.reader);
    std::vector<PassResult> passes;
    for (int i = 0; i < options.passes; ++i) passes.push_back(time_pass(corpus, reader));
    std::vector<double> seconds, cpu;
    for (const PassResult& pass : passes) {
        seconds.push_back(pass.seconds);
        cpu.push_back(pass.cpu_seconds);
    }
    const double median = median_of(seconds);
    const double cpu_median = median_of(cpu);
    const std::uint64_t bytes = total_bytes(corpus);
    const PassResult& last = passes.back();
    std::printf(
        "reader=%s files=%zu bytes=%llu entries=%llu failures=%llu passes=%d seconds=%.3f cpu_seconds=%.3f "
        "mb_per_s=%.2f cpu_mb_per_s=%.2f entries_per_s=%.0f checksum=%llu\n",
        reader_label(options).c_str(), corpus.size(), static_cast<unsigned long long>(bytes),
        static_cast<unsigned long long>(last.entries), static_cast<unsigned long long>(last.failures),
        options.passes, median, cpu_median, static_cast<double>(bytes) / 1e6 / median,
        static_cast<double>(bytes) / 1e6 / cpu_median, static_cast<double>(last.entries) / median,
        static_cast<unsigned long long>(last.checksum));
    return 0;
}

int run_one_at_a_time(const Options& options) {
    const std::vector<CorpusFile> files = list_corpus(options.paths, options.selection);
    if (files.empty()) usage("no files selected");
    const Reader reader = make_reader(options.reader);
    const long baseline_kb = max_rss_kb();
    std::uint64_t bytes = 0, largest = 0, entries = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < options.repeat; ++round) {
        for (const CorpusFile& file : files) {
            const LoadedFile loaded{file, read_file(file.path)};
            bytes += loaded.bytes.size();
            largest = std::max<std::uint64_t>(largest, loaded.bytes.size());
            entries += reader(loaded).entries;
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf(
        "reader=%s mode=one-at-a-time files=%zu repeat=%d bytes=%llu entries=%llu largest_file=%llu "
        "baseline_rss_kb=%ld max_rss_kb=%ld seconds=%.3f\n",
        reader_label(options).c_str(), files.size(), options.repeat, static_cast<unsigned long long>(bytes),
        static_cast<unsigned long long>(entries), static_cast<unsigned long long>(largest), baseline_kb,
        max_rss_kb(), seconds);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Options options = parse_options(argc, argv);
        return options.one_at_a_time ? run_one_at_a_time(options) : run_throughput(options);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "feedagg_parse_bench: %s\n", error.what());
        return 1;
    }
}
