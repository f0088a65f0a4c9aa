// Story matching benchmark: the fingerprint choice measured on the labeled pairs, the thresholds,
// ingest throughput with dedup on, matching cost as the index grows, memory and rebuild speed.
// Usage: feedagg_story_bench [PAIRS_JSONL] [--max-stored N]

#include <algorithm>
#include <array>
#include <bit>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "feeds/story.hpp"
#include "feeds/story_tokens.hpp"

namespace {

using namespace feedagg::feeds;
#include <ctime>

// Thread CPU time, not wall time: the benchmark machine is shared, and what is measured is the
// work one item costs one core.
struct Clock {
    using time_point = double;
    static double now() {
        timespec spec{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec);
        return double(spec.tv_sec) + double(spec.tv_nsec) * 1e-9;
    }
};

double seconds_since(double start) {
    return Clock::now() - start;
}

std::size_t resident_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stoul(line.substr(6));
    }
    return 0;
}

// ---- The labeled pairs ---------------------------------------------------------------------------

struct Item {
    std::string title, text, link;
};
struct Pair {
    bool label;
    std::string kind;
    Item a, b;
};

std::vector<Pair> load_pairs(const std::string& path) {
    std::vector<Pair> pairs;
    std::ifstream in(path);
    std::string line;
    const auto item = [](const boost::json::value& value) {
        const auto& object = value.as_object();
        return Item{std::string(object.at("title").as_string()), std::string(object.at("text").as_string()),
                    std::string(object.at("link").as_string())};
    };
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto pair = boost::json::parse(line).as_object();
        pairs.push_back({pair.at("label").as_bool(), std::string(pair.at("kind").as_string()),
                         item(pair.at("a")), item(pair.at("b"))});
    }
    return pairs;
}

struct Quality {
    double precision, recall;
};

Quality quality(const std::vector<Pair>& pairs, const std::vector<bool>& predicted) {
    std::size_t tp = 0, fp = 0, fn = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        tp += predicted[i] && pairs[i].label;
        fp += predicted[i] && !pairs[i].label;
        fn += !predicted[i] && pairs[i].label;
    }
    return {tp + fp ? double(tp) / double(tp + fp) : 1.0, tp + fn ? double(tp) / double(tp + fn) : 1.0};
}

// The best recall any threshold on `scores` reaches at precision >= 0.99, and that threshold.
std::pair<double, double> recall_at_precision(const std::vector<Pair>& pairs,
                                              const std::vector<double>& scores) {
    std::vector<double> thresholds = scores;
    std::sort(thresholds.begin(), thresholds.end());
    thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
    double best_recall = 0, best_threshold = 1;
    for (double t : thresholds) {
        std::vector<bool> predicted(scores.size());
        for (std::size_t i = 0; i < scores.size(); ++i) predicted[i] = scores[i] >= t;
        const Quality q = quality(pairs, predicted);
        if (q.precision >= 0.99 && q.recall > best_recall) best_recall = q.recall, best_threshold = t;
    }
    return {best_recall, best_threshold};
}

// ---- Fingerprint alternatives, measured on the pairs' normalized texts -----------------------------

std::vector<std::uint64_t> shingles(const std::vector<std::uint64_t>& tokens, std::size_t n) {
    std::vector<std::uint64_t> out;
    if (tokens.empty()) return out;
    if (tokens.size() < n) return {detail::shingle_hash(tokens.data(), tokens.size())};
    for (std::size_t i = 0; i + n <= tokens.size(); ++i) out.push_back(detail::shingle_hash(&tokens[i], n));
    return out;
}

std::vector<std::uint64_t> bottom_k(std::vector<std::uint64_t> hashes, std::size_t k) {
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    if (hashes.size() > k) hashes.resize(k);
    return hashes;
}

std::uint64_t simhash(const std::vector<std::uint64_t>& hashes) {
    std::array<int, 64> votes{};
    for (std::uint64_t h : hashes) {
        for (int bit = 0; bit < 64; ++bit) votes[bit] += (h >> bit) & 1 ? 1 : -1;
    }
    std::uint64_t out = 0;
    for (int bit = 0; bit < 64; ++bit) out |= std::uint64_t(votes[bit] > 0) << bit;
    return out;
}

double exact_containment(std::vector<std::uint64_t> x, std::vector<std::uint64_t> y) {
    x = bottom_k(std::move(x), SIZE_MAX);
    y = bottom_k(std::move(y), SIZE_MAX);
    if (x.empty() || y.empty()) return 0;
    std::vector<std::uint64_t> shared;
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(shared));
    return double(shared.size()) / double(std::min(x.size(), y.size()));
}

void compare_fingerprints(const std::vector<Pair>& pairs) {
    std::vector<std::pair<std::vector<std::uint64_t>, std::vector<std::uint64_t>>> tokens;
    for (const Pair& pair : pairs) {
        tokens.emplace_back(detail::token_hashes(normalize_story_text(pair.a.text)),
                            detail::token_hashes(normalize_story_text(pair.b.text)));
    }
    std::printf("\nFingerprint choice: text-only rule, best recall at precision >= 0.99 (threshold)\n");
    std::printf("  %-34s %8s %8s %8s\n", "method", "n=3", "n=4", "n=5");
    const auto row = [&](const char* name, auto score_of) {
        std::printf("  %-34s", name);
        for (std::size_t n : {3, 4, 5}) {
            std::vector<double> scores;
            for (const auto& [x, y] : tokens) scores.push_back(score_of(shingles(x, n), shingles(y, n)));
            const auto [recall, threshold] = recall_at_precision(pairs, scores);
            std::printf(" %.3f(%.2f)", recall, threshold);
        }
        std::printf("\n");
    };
    row("exact containment (no sketch)",
        [](const auto& x, const auto& y) { return exact_containment(x, y); });
    row("exact Jaccard (no sketch)", [](const auto& x, const auto& y) {
        const double c = exact_containment(x, y);
        const double small = double(std::min(bottom_k(x, SIZE_MAX).size(), bottom_k(y, SIZE_MAX).size()));
        const double large = double(std::max(bottom_k(x, SIZE_MAX).size(), bottom_k(y, SIZE_MAX).size()));
        return small + large > 0 ? c * small / (small + large - c * small) : 0.0;
    });
    for (std::size_t k : {32, 64, 128, 256}) {
        const std::string name = "bottom-" + std::to_string(k) + " containment";
        row(name.c_str(), [k](const auto& x, const auto& y) {
            const auto o = detail::sketch_overlap(bottom_k(x, k), bottom_k(y, k), k);
            return std::min(o.in_x, o.in_y) ? double(o.shared) / double(std::min(o.in_x, o.in_y)) : 0.0;
        });
    }
    row("simhash-64 (1 - hamming/64)", [](const auto& x, const auto& y) {
        return x.empty() || y.empty() ? 0.0 : 1.0 - std::popcount(simhash(x) ^ simhash(y)) / 64.0;
    });

    // Cost of the two sketches over the same shingles.
    std::vector<std::vector<std::uint64_t>> all;
    for (const auto& [x, y] : tokens) all.push_back(shingles(x, 4)), all.push_back(shingles(y, 4));
    std::uint64_t sink = 0;
    auto start = Clock::now();
    for (int round = 0; round < 20; ++round) {
        for (const auto& s : all) sink += simhash(s);
    }
    const double simhash_ns = seconds_since(start) * 1e9 / double(20 * all.size());
    start = Clock::now();
    for (int round = 0; round < 20; ++round) {
        for (const auto& s : all) {
            std::vector<std::uint64_t> sketch;
            for (std::uint64_t h : s) {
                if (sketch.size() == 128 && h >= sketch.back()) continue;
                const auto at = std::lower_bound(sketch.begin(), sketch.end(), h);
                if (at != sketch.end() && *at == h) continue;
                sketch.insert(at, h);
                if (sketch.size() > 128) sketch.pop_back();
            }
            sink += sketch.empty() ? 0 : sketch.front();
        }
    }
    const double bottom_ns = seconds_since(start) * 1e9 / double(20 * all.size());
    std::printf(
        "  sketch cost per item (shingles already hashed): simhash-64 %.1f us, bottom-128 %.1f us (%llu)\n",
        simhash_ns / 1000, bottom_ns / 1000, static_cast<unsigned long long>(sink % 10));
}

void sweep_thresholds(const std::vector<Pair>& pairs) {
    std::vector<std::pair<StoryKeys, StoryKeys>> keys;
    for (const Pair& pair : pairs) {
        keys.emplace_back(story_keys(pair.a.title, pair.a.text, pair.a.link),
                          story_keys(pair.b.title, pair.b.text, pair.b.link));
    }
    const auto run = [&](const MatchThresholds& thresholds) {
        std::vector<bool> predicted;
        for (const auto& [a, b] : keys) predicted.push_back(match_stories(a, b, thresholds).matched);
        return quality(pairs, predicted);
    };
    std::printf("\nThresholds: match_stories on the pairs (precision / recall)\n");
    std::printf("  text_containment:");
    for (double t : {0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95}) {
        MatchThresholds thresholds;
        thresholds.text_containment = t;
        const Quality q = run(thresholds);
        std::printf("  %.2f: %.3f/%.3f", t, q.precision, q.recall);
    }
    std::printf("\n  without the number sketch (number_containment = 0):");
    for (double t : {0.7, 0.8, 0.85, 0.9}) {
        MatchThresholds thresholds;
        thresholds.text_containment = t;
        thresholds.number_containment = 0;
        const Quality q = run(thresholds);
        std::printf("  %.2f: %.3f/%.3f", t, q.precision, q.recall);
    }
    std::printf("\n  number_containment:");
    for (double t : {0.2, 0.35, 0.5, 0.65, 0.8}) {
        MatchThresholds thresholds;
        thresholds.number_containment = t;
        const Quality q = run(thresholds);
        std::printf("  %.2f: %.3f/%.3f", t, q.precision, q.recall);
    }
    std::printf("\n  text_containment_numbers_differ:");
    for (double t : {0.85, 0.9, 0.95, 0.97, 0.99}) {
        MatchThresholds thresholds;
        thresholds.text_containment_numbers_differ = t;
        const Quality q = run(thresholds);
        std::printf("  %.2f: %.3f/%.3f", t, q.precision, q.recall);
    }
    std::printf("\n  text_min_sample:");
    for (std::size_t n : {4, 8, 12, 16, 24, 32}) {
        MatchThresholds thresholds;
        thresholds.text_min_sample = n;
        const Quality q = run(thresholds);
        std::printf("  %zu: %.3f/%.3f", n, q.precision, q.recall);
    }
    std::printf("\n  title_text_veto:");
    for (double t : {0.0, 0.3, 0.5, 0.7}) {
        MatchThresholds thresholds;
        thresholds.title_text_veto = t;
        const Quality q = run(thresholds);
        std::printf("  %.1f: %.3f/%.3f", t, q.precision, q.recall);
    }
    const Quality q = run(MatchThresholds{});
    std::printf("\n  defaults: precision %.4f recall %.4f on %zu pairs\n", q.precision, q.recall,
                pairs.size());
}

// ---- Synthetic items for throughput ------------------------------------------------------------

class Synthesizer {
  public:
    explicit Synthesizer(std::uint64_t seed) : rng_(seed) {}

    // About 3 KB of text: Chinese or English prose of random characters or words, in <p>s.
    Item article(std::size_t id) {
        Item item;
        const bool chinese = rng_() % 2 == 0;
        item.link =
            "https://site" + std::to_string(rng_() % 500) + ".example/news/" + std::to_string(id) + ".html";
        item.title = chinese ? cjk(14) : words(9);
        for (int paragraph = 0; paragraph < 6; ++paragraph) {
            item.text += "<p>" + (chinese ? cjk(170) : words(85)) + "</p>";
        }
        return item;
    }

    // The same story as another site reposts it: a credit, the first part of the text, an editor.
    Item repost(const Item& original, std::size_t id) {
        Item item = original;
        item.link = "https://repost" + std::to_string(rng_() % 50) + ".example/" + std::to_string(id);
        std::size_t cut = original.text.size() * (40 + rng_() % 50) / 100;
        cut = original.text.find("</p>", cut);
        item.text = "<p>来源：工人日报</p>" + original.text.substr(0, cut) + "</p><p>责任编辑：李明</p>";
        return item;
    }

  private:
    std::string cjk(std::size_t characters) {
        std::string out;
        for (std::size_t i = 0; i < characters; ++i) {
            const char32_t c = 0x4E00 + static_cast<char32_t>(rng_() % 3500);
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
            if (i % 23 == 22) out += "，";
        }
        return out + "。";
    }
    std::string words(std::size_t count) {
        std::string out;
        for (std::size_t i = 0; i < count; ++i) {
            std::uint32_t w = static_cast<std::uint32_t>(rng_() % 20000) + 1;
            if (!out.empty()) out += ' ';
            for (; w > 0; w /= 26) out += static_cast<char>('a' + w % 26);
            if (i % 11 == 10) out += rng_() % 3 == 0 ? " 2025," : ",";
        }
        return out + ".";
    }

    std::mt19937_64 rng_;
};

// Ingest with dedup on: normalize + fingerprint + index lookup + match the candidates + add.
void measure_ingest(std::size_t items) {
    Synthesizer synthesizer(7);
    StoryIndex index;
    std::vector<StoryKeys> stored;
    stored.reserve(items);
    index.reserve(items);
    std::size_t merged = 0, reposts = 0, text_bytes = 0, batch_start = 0;
    double busy = 0;
    std::vector<Item> batch;
    while (batch_start < items) {
        batch.clear();
        for (std::size_t i = batch_start; i < std::min(items, batch_start + 10000); ++i) {
            reposts += i % 10 == 9 && i > 100;
            batch.push_back(
                i % 10 == 9 && i > 100
                    ? synthesizer.repost(batch.empty() ? synthesizer.article(i) : batch[batch.size() / 2], i)
                    : synthesizer.article(i));
            text_bytes += batch.back().text.size();
        }
        const auto start = Clock::now();
        for (const Item& item : batch) {
            StoryKeys keys = story_keys(item.title, item.text, item.link);
            bool joined = false;
            for (std::int64_t candidate : index.candidates(keys)) {
                if (match_stories(keys, stored[static_cast<std::size_t>(candidate)]).matched) {
                    joined = true;
                    break;
                }
            }
            merged += joined;
            index.add(static_cast<std::int64_t>(stored.size()), keys);
            stored.push_back(std::move(keys));
        }
        busy += seconds_since(start);
        batch_start += batch.size();
    }
    std::printf(
        "\nIngest (normalize + fingerprint + lookup + match + add), %zu items of %.1f KB on average:\n",
        items, double(text_bytes) / double(items) / 1024);
    std::printf("  %.0f items/s, %.1f us/item; %zu of %zu reposts joined a story\n", double(items) / busy,
                busy * 1e6 / double(items), merged, reposts);
}

// Synthetic keys for scale: a sketch like a ~1,500-shingle text's, a tenth of its entries drawn
// from a pool of phrases every text uses, a title and a link.
StoryKeys scale_keys(std::mt19937_64& rng, std::size_t id, const std::vector<std::uint64_t>& common) {
    StoryKeys keys;
    keys.canonical_link = "https://s" + std::to_string(id % 700) + ".example/a/" + std::to_string(id);
    keys.title = "title " + std::to_string(id);
    std::vector<std::uint64_t> text;
    const std::uint64_t bound = UINT64_MAX / 1500 * 160;
    for (int i = 0; i < 160; ++i) text.push_back(i % 10 == 0 ? common[rng() % common.size()] : rng() % bound);
    const auto varint = [](std::string& out, std::uint64_t value) {
        for (; value >= 0x80; value >>= 7) out += static_cast<char>((value & 0x7F) | 0x80);
        out += static_cast<char>(value);
    };
    std::string bytes(1, '\x01');  // the version 1 layout, see StoryFingerprint::serialize
    varint(bytes, 1500);
    const auto sketch = bottom_k(text, StoryFingerprint::kSketchSize);
    varint(bytes, sketch.size());
    for (std::uint64_t h : sketch) {
        for (int b = 0; b < 8; ++b) bytes += static_cast<char>((h >> (8 * b)) & 0xFF);
    }
    varint(bytes, 0);
    keys.fingerprint = *StoryFingerprint::deserialize(bytes);
    keys.text_length = 4500;
    return keys;
}

void measure_scale(std::size_t max_stored) {
    std::printf("\nMatching cost as the index grows (synthetic keys; lookup + match of every candidate):\n");
    std::mt19937_64 rng(11);
    std::vector<std::uint64_t> common(2000);
    for (auto& h : common) h = rng() % (UINT64_MAX / 1500 * 160);
    for (std::size_t stored_count = 10000; stored_count <= max_stored; stored_count *= 10) {
        std::vector<StoryKeys> stored;
        stored.reserve(stored_count);
        for (std::size_t id = 0; id < stored_count; ++id) stored.push_back(scale_keys(rng, id, common));
        std::vector<std::string> blobs;
        blobs.reserve(stored_count);
        for (const StoryKeys& keys : stored) blobs.push_back(keys.fingerprint.serialize());
        const std::size_t before = resident_kib();
        StoryIndex index;
        auto start = Clock::now();
        index.reserve(stored_count);
        for (std::size_t id = 0; id < stored_count; ++id) {
            StoryKeys keys;
            keys.canonical_link = stored[id].canonical_link;
            keys.title = stored[id].title;
            keys.fingerprint = *StoryFingerprint::deserialize(blobs[id]);
            index.add(static_cast<std::int64_t>(id), keys);
        }
        const double rebuild = seconds_since(start);
        const std::size_t after = resident_kib();

        constexpr std::size_t kQueries = 20000;
        std::vector<StoryKeys> queries;
        for (std::size_t q = 0; q < kQueries; ++q) {
            if (q % 2 == 0) {
                queries.push_back(scale_keys(rng, stored_count + q, common));
            } else {  // a repost of a stored item: most of its sketch, another link and title
                StoryKeys keys = stored[rng() % stored_count];
                keys.canonical_link += "-repost";
                keys.title += " repost";
                queries.push_back(std::move(keys));
            }
        }
        std::size_t candidates = 0, matched = 0;
        start = Clock::now();
        for (const StoryKeys& query : queries) {
            for (std::int64_t id : index.candidates(query)) {
                ++candidates;
                matched += match_stories(query, stored[static_cast<std::size_t>(id)]).matched;
            }
        }
        const double lookup = seconds_since(start);
        std::printf(
            "  %8zu stored: %.2f us/item (%.2f candidates/item, %zu matched of %zu reposts); index %.0f "
            "B/item"
            " (RSS +%.0f B/item); rebuild %.0f items/s\n",
            stored_count, lookup * 1e6 / kQueries, double(candidates) / kQueries, matched, kQueries / 2,
            double(index.memory_bytes()) / double(stored_count),
            double(after - before) * 1024 / double(stored_count), double(stored_count) / rebuild);
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::string pairs_path =
        (std::filesystem::path(__FILE__).parent_path() / "../tests/data/dedup/pairs.jsonl")
            .lexically_normal();
    std::size_t max_stored = 1000000;
    std::size_t ingest_items = 100000;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--max-stored" && i + 1 < argc) {
            max_stored = std::stoul(argv[++i]);
        } else if (arg == "--ingest" && i + 1 < argc) {
            ingest_items = std::stoul(argv[++i]);
        } else {
            pairs_path = arg;
        }
    }
    const std::vector<Pair> pairs = load_pairs(pairs_path);
    std::printf("%zu labeled pairs from %s\n", pairs.size(), pairs_path.c_str());
    if (!pairs.empty()) {
        compare_fingerprints(pairs);
        sweep_thresholds(pairs);
    }
    measure_ingest(ingest_items);
    measure_scale(max_stored);
    std::printf("\npeak RSS: see /usr/bin/time -v; VmRSS now %zu KiB\n", resident_kib());
    return 0;
}
