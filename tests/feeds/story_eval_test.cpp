// Precision and recall of match_stories on the labeled pairs of tests/data/dedup/pairs.jsonl
// (written by scripts/make-dedup-set.py; docs/dedup.md describes the set).

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "feeds/story.hpp"

namespace feedagg::feeds {
namespace {

const std::string kPairsPath = FEEDAGG_TEST_DATA "/../../data/dedup/pairs.jsonl";

struct LabeledPair {
    std::string id;
    std::string kind;
    bool label = false;
    StoryKeys a;
    StoryKeys b;
};

StoryKeys keys_of(const boost::json::object& item) {
    const auto text = [&](const char* field) { return std::string(item.at(field).as_string()); };
    return story_keys(text("title"), text("text"), text("link"));
}

std::vector<LabeledPair> load_pairs() {
    std::vector<LabeledPair> pairs;
    std::ifstream in(kPairsPath);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const boost::json::object pair = boost::json::parse(line).as_object();
        pairs.push_back({std::string(pair.at("id").as_string()), std::string(pair.at("kind").as_string()),
                         pair.at("label").as_bool(), keys_of(pair.at("a").as_object()),
                         keys_of(pair.at("b").as_object())});
    }
    return pairs;
}

TEST(StoryEval, MeetsPrecisionAndRecallOnTheLabeledPairs) {
    const std::vector<LabeledPair> pairs = load_pairs();
    ASSERT_GE(pairs.size(), 300u) << "read " << kPairsPath;
    std::size_t true_positives = 0, false_positives = 0, false_negatives = 0, negatives = 0;
    struct KindSummary {
        std::size_t pairs = 0, matched = 0;
        double lowest = 1, highest = 0;
    };
    std::map<std::string, KindSummary> kinds;
    for (const LabeledPair& pair : pairs) {
        const StoryMatch match = match_stories(pair.a, pair.b);
        KindSummary& kind = kinds[(pair.label ? "+ " : "- ") + pair.kind];
        ++kind.pairs;
        kind.matched += match.matched;
        kind.lowest = std::min(kind.lowest, match.score);
        kind.highest = std::max(kind.highest, match.score);
        negatives += !pair.label;
        if (match.matched && pair.label) ++true_positives;
        if (match.matched == pair.label) continue;
        (match.matched ? false_positives : false_negatives) += 1;
        std::cout << "  wrong: " << pair.id << " " << pair.kind << " label=" << pair.label
                  << " reason=" << to_string(match.reason) << " score=" << match.score << "\n";
    }
    for (const auto& [name, kind] : kinds) {
        std::cout << "  " << name << ": " << kind.matched << "/" << kind.pairs << " matched, score "
                  << kind.lowest << ".." << kind.highest << "\n";
    }
    const double precision = static_cast<double>(true_positives) /
                             static_cast<double>(std::max<std::size_t>(1, true_positives + false_positives));
    const double recall = static_cast<double>(true_positives) /
                          static_cast<double>(std::max<std::size_t>(1, true_positives + false_negatives));
    std::cout << "story matching: " << pairs.size() << " pairs (" << negatives << " negative): precision "
              << precision << ", recall " << recall << "\n";
    EXPECT_GE(precision, 0.99);
    EXPECT_GE(recall, 0.95);
}

// Every matching pair must also be found through the index: a match the index never proposes is
// a match the daemon never makes. For each matching pair the index holds the pair's first item
// among every distinct item of the set that does not match the second (templates filled
// otherwise, same-day stories, series parts), and must propose it.
TEST(StoryEval, TheIndexProposesEveryMatchingPair) {
    const std::vector<LabeledPair> pairs = load_pairs();
    std::vector<std::string> raw_items;
    {
        std::ifstream in(kPairsPath);
        std::string line;
        while (std::getline(in, line)) {
            if (!line.empty()) raw_items.push_back(boost::json::serialize(boost::json::parse(line).at("a")));
        }
    }
    ASSERT_EQ(raw_items.size(), pairs.size());
    std::map<std::string, std::size_t> distinct;
    for (std::size_t i = 0; i < pairs.size(); ++i) distinct.try_emplace(raw_items[i], i);
    std::size_t matched = 0, proposed = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (!match_stories(pairs[i].a, pairs[i].b).matched) continue;
        ++matched;
        StoryIndex index;
        const auto own = static_cast<std::int64_t>(pairs.size());
        index.add(own, pairs[i].a);
        for (const auto& [raw, j] : distinct) {
            if (!match_stories(pairs[j].a, pairs[i].b).matched)
                index.add(static_cast<std::int64_t>(j), pairs[j].a);
        }
        const std::vector<std::int64_t> found = index.candidates(pairs[i].b);
        const bool hit = std::find(found.begin(), found.end(), own) != found.end();
        proposed += hit;
        if (!hit) std::cout << "  not proposed: " << pairs[i].id << " " << pairs[i].kind << "\n";
    }
    std::cout << "index proposed " << proposed << " of " << matched << " matching pairs among "
              << distinct.size() << " distinct items\n";
    EXPECT_EQ(proposed, matched);
}

}  // namespace
}  // namespace feedagg::feeds
