// Measures extract_main_content on the saved article pages in data/articles (made by
// scripts/make-article-pages.py): each NAME.html beside NAME.txt, its hand-marked body text.
//
// Overlap is the longest common subsequence of the two texts' code points, white space
// (ASCII, NBSP, U+3000) removed: precision = LCS / extracted length, recall = LCS / marked length.
// Unlike a multiset of characters, the LCS gives no credit for a sidebar that happens to use the
// same letters, and it is blind to where line breaks fall. A page with nothing extracted scores 0.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "feeds/html_page.hpp"
#include "feeds/main_content.hpp"

namespace feedagg::feeds {
namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000;
}

// Code points of valid UTF-8, white space left out.
std::u32string visible_code_points(const std::string& text) {
    std::u32string out;
    for (std::size_t at = 0; at < text.size();) {
        const auto lead = static_cast<unsigned char>(text[at]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t c = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
        for (std::size_t i = 1; i < length && at + i < text.size(); ++i) {
            c = (c << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
        }
        if (!is_space(c)) out += c;
        at += length;
    }
    return out;
}

// Bit-parallel LCS length (Hyyrö 2004): one bit per position of `a`, one pass over `b`.
std::size_t lcs_length(const std::u32string& a, const std::u32string& b) {
    if (a.empty() || b.empty()) return 0;
    const std::size_t words = (a.size() + 63) / 64;
    std::unordered_map<char32_t, std::vector<std::uint64_t>> positions;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto& mask = positions.try_emplace(a[i], words, 0).first->second;
        mask[i / 64] |= std::uint64_t{1} << (i % 64);
    }
    std::vector<std::uint64_t> v(words, ~std::uint64_t{0});
    for (char32_t c : b) {
        const auto found = positions.find(c);
        if (found == positions.end()) continue;
        std::uint64_t carry = 0;
        for (std::size_t w = 0; w < words; ++w) {
            const std::uint64_t u = v[w] & found->second[w];
            const std::uint64_t sum = v[w] + u + carry;
            carry = (sum < v[w] || (carry && sum == v[w])) ? 1 : 0;
            v[w] = sum | (v[w] & ~u);
        }
    }
    std::size_t zeros = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if ((v[i / 64] >> (i % 64) & 1) == 0) ++zeros;
    }
    return zeros;
}

TEST(MainContentOverlap, LcsCountsCommonSubsequence) {
    EXPECT_EQ(lcs_length(U"ABCBDAB", U"BDCABA"), 4u);
    EXPECT_EQ(lcs_length(U"工会新闻", U"新闻工会"), 2u);
    std::u32string long_a(300, U'x');
    long_a[150] = U'y';
    EXPECT_EQ(lcs_length(long_a, std::u32string(100, U'x') + U"yyy" + std::u32string(100, U'x')), 201u);
}

struct PageScore {
    std::string name;
    double precision = 0;
    double recall = 0;
};

struct Means {
    double precision = 0;
    double recall = 0;
    std::size_t pages = 0;
};

Means mean_of(const std::vector<PageScore>& scores, const std::string& prefix) {
    Means means;
    for (const PageScore& score : scores) {
        if (score.name.rfind(prefix, 0) != 0) continue;
        means.precision += score.precision;
        means.recall += score.recall;
        ++means.pages;
    }
    if (means.pages > 0) {
        means.precision /= static_cast<double>(means.pages);
        means.recall /= static_cast<double>(means.pages);
    }
    return means;
}

TEST(MainContentEval, MeetsPrecisionAndRecallTargetsOnSavedArticles) {
    const std::filesystem::path directory = std::filesystem::path(FEEDAGG_TEST_DATA) / "articles";
    std::vector<std::filesystem::path> pages;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.path().extension() == ".html") pages.push_back(entry.path());
    }
    std::sort(pages.begin(), pages.end());
    ASSERT_GE(pages.size(), 30u);

    std::vector<PageScore> scores;
    for (const std::filesystem::path& path : pages) {
        std::filesystem::path marked_path = path;
        marked_path.replace_extension(".txt");
        const std::u32string marked = visible_code_points(read_file(marked_path));
        const HtmlPage page = parse_html_page(read_file(path));
        const std::optional<MainContent> content = extract_main_content(page);
        PageScore score{path.stem().string()};
        if (content) {
            const std::u32string extracted = visible_code_points(content->text);
            const auto common = static_cast<double>(lcs_length(extracted, marked));
            score.precision = extracted.empty() ? 0 : common / static_cast<double>(extracted.size());
            score.recall = marked.empty() ? 0 : common / static_cast<double>(marked.size());
        }
        std::printf(
            "%-26s %-8s precision=%.3f recall=%.3f confidence=%.2f title=\"%s\" published=\"%s\" "
            "author=\"%s\"\n",
            score.name.c_str(), page.charset.c_str(), score.precision, score.recall,
            content ? content->confidence : 0.0, content ? content->title.c_str() : "",
            content ? content->published.c_str() : "", content ? content->author.c_str() : "");
        EXPECT_TRUE(content && content->confidence >= main_content_min_confidence) << score.name;
        scores.push_back(score);
    }
    for (const char* set : {"zh_", "en_", ""}) {
        const Means means = mean_of(scores, set);
        std::printf("set=%s pages=%zu mean_precision=%.3f mean_recall=%.3f\n", *set ? set : "all",
                    means.pages, means.precision, means.recall);
        EXPECT_GE(means.precision, 0.9) << "set " << set;
        EXPECT_GE(means.recall, 0.9) << "set " << set;
    }
}

}  // namespace
}  // namespace feedagg::feeds
