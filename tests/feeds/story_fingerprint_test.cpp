#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "feeds/story.hpp"
#include "feeds/story_tokens.hpp"

namespace feedagg::feeds {
namespace {

std::string english_text(int seed, int words) {
    std::string text;
    std::uint32_t state = static_cast<std::uint32_t>(seed) * 2654435761u + 1;
    for (int i = 0; i < words; ++i) {
        state = state * 1664525u + 1013904223u;
        std::string word = "w";
        for (std::uint32_t rest = state % 5000 + 1; rest > 0; rest /= 26)
            word += static_cast<char>('a' + rest % 26);
        text += word + " ";
    }
    return text;
}

std::string chinese_text(int seed, int characters) {
    std::string text;
    std::uint32_t state = static_cast<std::uint32_t>(seed) * 2654435761u + 7;
    for (int i = 0; i < characters; ++i) {
        state = state * 1664525u + 1013904223u;
        const char32_t c = 0x4E00 + state % 3000;
        text += static_cast<char>(0xE0 | (c >> 12));
        text += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        text += static_cast<char>(0x80 | (c & 0x3F));
    }
    return text;
}

StoryFingerprint fingerprint(const std::string& text) {
    return StoryFingerprint::of_text(normalize_story_text(text));
}

TEST(StoryFingerprint, IdenticalTextsOverlapFully) {
    const auto a = fingerprint(chinese_text(1, 1500));
    const TextOverlap overlap = estimate_overlap(a, a);
    EXPECT_DOUBLE_EQ(overlap.containment, 1.0);
    EXPECT_DOUBLE_EQ(overlap.resemblance, 1.0);
    EXPECT_EQ(overlap.sample, StoryFingerprint::kSketchSize);
}

TEST(StoryFingerprint, ATruncatedTextIsContainedInItsOriginal) {
    const std::string original = chinese_text(2, 2000);
    const std::string truncated = original.substr(0, original.size() * 3 / 10 / 3 * 3);
    const TextOverlap overlap = estimate_overlap(fingerprint(original), fingerprint(truncated));
    EXPECT_GE(overlap.containment, 0.95);
    EXPECT_LT(overlap.resemblance, 0.5);
}

TEST(StoryFingerprint, UnrelatedTextsBarelyOverlap) {
    EXPECT_LT(
        estimate_overlap(fingerprint(english_text(3, 800)), fingerprint(english_text(4, 800))).containment,
        0.1);
    EXPECT_LT(
        estimate_overlap(fingerprint(chinese_text(3, 800)), fingerprint(chinese_text(4, 800))).containment,
        0.1);
}

TEST(StoryFingerprint, MixedTextUsesCharactersAndWords) {
    const auto a = fingerprint(chinese_text(5, 300) + english_text(5, 300));
    const auto b = fingerprint(english_text(5, 300));
    EXPECT_GE(estimate_overlap(a, b).containment, 0.95);
}

TEST(StoryFingerprint, NumbersAreComparedApart) {
    const std::string prose = english_text(9, 200);
    const auto a = fingerprint(prose + " 12 workers won 7 percent in 2024 and 300 dollars 45 times");
    const auto b = fingerprint(prose + " 19 workers won 3 percent in 2025 and 800 dollars 61 times");
    const TextOverlap overlap = estimate_overlap(a, b);
    EXPECT_GE(overlap.containment, 0.85);
    EXPECT_EQ(overlap.number_sample, 5u);
    EXPECT_DOUBLE_EQ(overlap.number_containment, 0.0);
    EXPECT_DOUBLE_EQ(estimate_overlap(a, a).number_containment, 1.0);
}

TEST(StoryFingerprint, ShortTextsAreSketchedWhole) {
    const auto short_text = StoryFingerprint::of_text("工会");
    EXPECT_EQ(short_text.shingle_count(), 1u);
    EXPECT_EQ(short_text.sketch().size(), 1u);
    EXPECT_TRUE(StoryFingerprint::of_text("").empty());
    EXPECT_EQ(estimate_overlap(StoryFingerprint::of_text(""), short_text).sample, 0u);
}

// The sketch is taken by a fast path that keeps only hashes under a bound and sorts those by
// buckets; it must still be exactly the smallest distinct shingle hashes, repeats or not.
TEST(StoryFingerprint, SketchHoldsTheSmallestDistinctShingleHashes) {
    const std::string paragraph = chinese_text(5, 150);
    for (const std::string& text :
         {chinese_text(1, 100), chinese_text(2, 300), chinese_text(3, 600), chinese_text(4, 6000),
          english_text(6, 2000), paragraph + paragraph + paragraph,
          chinese_text(7, 400) + " 2024 17 3 88 " + english_text(8, 300)}) {
        const std::string normalized = normalize_story_text(text);
        const std::vector<std::uint64_t> tokens = detail::token_hashes(normalized);
        std::vector<std::uint64_t> expected;
        for (std::size_t i = 0; i + StoryFingerprint::kShingleTokens <= tokens.size(); ++i)
            expected.push_back(detail::shingle_hash(&tokens[i], StoryFingerprint::kShingleTokens));
        std::sort(expected.begin(), expected.end());
        expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
        expected.resize(std::min(expected.size(), StoryFingerprint::kSketchSize));
        EXPECT_EQ(StoryFingerprint::of_text(normalized).sketch(), expected) << text.substr(0, 60);
    }
}

// The number sketch goes the same fast way once a text holds more than twice its size in numbers.
TEST(StoryFingerprint, NumberSketchHoldsTheSmallestDistinctNumbers) {
    std::string text = chinese_text(9, 50);
    for (int i = 0; i < 120; ++i) text += " " + std::to_string(i % 90 * 37 + 1) + "号 " + chinese_text(i, 3);
    const std::string normalized = normalize_story_text(text);
    std::vector<std::uint64_t> expected;
    for (std::uint64_t token : detail::token_hashes(normalized)) {
        if (token & detail::kNumberBit) expected.push_back(token);
    }
    ASSERT_GT(expected.size(), 2 * StoryFingerprint::kNumberSketchSize);
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    expected.resize(StoryFingerprint::kNumberSketchSize);
    EXPECT_EQ(StoryFingerprint::of_text(normalized).numbers(), expected);
}

TEST(StoryFingerprint, SerializationRoundTrips) {
    for (const std::string& text : {std::string(), std::string("工会"), chinese_text(6, 1200),
                                    english_text(6, 300) + " in 2025 and 2026, 47 of 312"}) {
        const auto original = fingerprint(text);
        const std::string bytes = original.serialize();
        EXPECT_EQ(static_cast<unsigned char>(bytes.front()), 1u);
        const auto restored = StoryFingerprint::deserialize(bytes);
        ASSERT_TRUE(restored) << restored.error().message;
        EXPECT_EQ(*restored, original);
    }
    EXPECT_LE(fingerprint(chinese_text(7, 3000)).serialize().size(),
              1 + 3 + 2 + 8 * StoryFingerprint::kSketchSize);
}

TEST(StoryFingerprint, DeserializeRejectsDamagedBytes) {
    const std::string bytes = fingerprint(chinese_text(8, 500)).serialize();
    EXPECT_FALSE(StoryFingerprint::deserialize(""));
    EXPECT_FALSE(StoryFingerprint::deserialize(std::string(1, '\x02') + bytes.substr(1)));
    EXPECT_FALSE(StoryFingerprint::deserialize(bytes.substr(0, bytes.size() - 1)));
    EXPECT_FALSE(StoryFingerprint::deserialize(bytes + "x"));
    EXPECT_FALSE(
        StoryFingerprint::deserialize(std::string("\x01\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", 11)));
    std::string unsorted = bytes;
    std::swap_ranges(unsorted.end() - 16, unsorted.end() - 8, unsorted.end() - 8);
    EXPECT_FALSE(StoryFingerprint::deserialize(unsorted));
    std::string garbage;
    for (int i = 0; i < 2000; ++i) garbage += static_cast<char>(i * 131 % 256);
    EXPECT_FALSE(StoryFingerprint::deserialize(garbage));
}

TEST(StoryFingerprint, HugeTextIsFingerprintedFromItsStart) {
    std::string huge;
    while (huge.size() < 20u * 1024 * 1024) huge += english_text(static_cast<int>(huge.size()), 50);
    const auto a = fingerprint(huge);
    EXPECT_EQ(a.sketch().size(), StoryFingerprint::kSketchSize);
    EXPECT_GT(a.shingle_count(), 1000u);
}

}  // namespace
}  // namespace feedagg::feeds
