// The scraping fixtures in tests/feeds/data/scrape/ (written by scripts/make-scrape-fixtures.py):
// realistic list and article pages in UTF-8, GBK, GB18030 and Big5, some mislabelled, each with
// the rule that reads it and the golden result.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "feeds/dates.hpp"
#include "feeds/html.hpp"
#include "feeds/scrape.hpp"
#include "tests/feeds/scrape_rule_json.hpp"

namespace feedagg::feeds {
namespace {

namespace json = boost::json;
using testing::json_text;
const std::filesystem::path fixtures = std::filesystem::path(FEEDAGG_TEST_DATA) / "scrape";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

json::object read_json(const std::filesystem::path& path) {
    return json::parse(read_file(path)).as_object();
}

json::value text_or_null(const std::string& text) {
    return text.empty() ? json::value(nullptr) : json::value(text);
}

json::value date_or_null(const std::optional<Timestamp>& date) {
    return date ? json::value(format_rfc3339(*date)) : json::value(nullptr);
}

// One line per block of the sanitized content that has text.
std::string content_lines(const std::string& html) {
    static const std::regex block_boundary(
        R"(</?(p|div|h[1-6]|li|tr|td|table|blockquote|section|article)\b[^>]*>|<br ?/?>)", std::regex::icase);
    std::string lines;
    for (std::sregex_token_iterator piece(html.begin(), html.end(), block_boundary, -1), end; piece != end;
         ++piece) {
        const std::string text = html_to_text(piece->str());
        if (text.empty()) continue;
        lines += (lines.empty() ? "" : "\n") + text;
    }
    return lines;
}

std::vector<std::filesystem::path> cases(std::string_view holding = "page.html") {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(fixtures)) {
        if (std::filesystem::exists(entry.path() / holding)) found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

class ScrapeFixture : public ::testing::TestWithParam<std::filesystem::path> {
  protected:
    json::object rule_json = read_json(GetParam() / "rule.json");
    ScrapeRule rule = testing::scrape_rule_from_json(rule_json);
    CompiledScrapeRule compiled = [this] {
        Result<CompiledScrapeRule> result = CompiledScrapeRule::compile(rule);
        EXPECT_TRUE(result) << (result ? "" : result.error().message);
        return std::move(result).value();
    }();
    Timestamp now = *parse_date(json_text(rule_json, "now"));
    std::string timezone = json_text(rule_json, "timezone");
};

TEST_P(ScrapeFixture, ListPageGivesTheGoldenItems) {
    const json::object expected = read_json(GetParam() / "expected.json");
    const HtmlPage page =
        parse_html_page(read_file(GetParam() / "page.html"), json_text(rule_json, "transport_charset"));
    EXPECT_EQ(page.charset, json_text(expected, "charset"));
    const ScrapedList list =
        scrape_list_page(page, compiled, {json_text(rule_json, "base_url"), timezone, now});

    json::array items;
    for (const Entry& entry : list.items) {
        items.push_back(json::object{
            {"title", entry.title},
            {"link", entry.link},
            {"date", date_or_null(entry.published)},
            {"summary", text_or_null(html_to_text(entry.summary))},
            {"image", entry.enclosures.empty() ? json::value(nullptr) : json::value(entry.enclosures[0].url)},
            {"author", entry.authors.empty() ? json::value(nullptr) : json::value(entry.authors[0].name)}});
    }
    const json::array& expected_items = expected.at("items").as_array();
    ASSERT_EQ(items.size(), expected_items.size()) << json::serialize(items);
    for (std::size_t i = 0; i < items.size(); ++i) EXPECT_EQ(items[i], expected_items[i]) << "item " << i;

    std::string next = list.next_page;
    if (const std::string pattern = json_text(rule_json, "page_url"); !pattern.empty()) {
        const json::value* first = rule_json.if_contains("first_page");
        next = numbered_page_url(pattern, first ? static_cast<int>(first->as_int64()) : 2);
    }
    EXPECT_EQ(text_or_null(next), expected.at("next_page"));
}

class ArticleFixture : public ScrapeFixture {};

TEST_P(ArticleFixture, ArticlePageGivesTheGoldenContent) {
    const json::object expected = read_json(GetParam() / "expected_article.json");
    HtmlPage page = parse_html_page(read_file(GetParam() / "article.html"),
                                    json_text(rule_json, "article_transport_charset"));
    EXPECT_EQ(page.charset, json_text(expected, "charset"));
    const ScrapedArticle article =
        scrape_article_page(page, compiled, {json_text(rule_json, "article_url"), timezone, now});
    EXPECT_EQ(text_or_null(article.title), expected.at("title"));
    EXPECT_EQ(date_or_null(article.published), expected.at("date"));
    EXPECT_EQ(text_or_null(article.author), expected.at("author"));
    EXPECT_EQ(content_lines(article.content), json_text(expected, "content_text"));
}

TEST(ScrapeFixtures, CoverTheEncodingsTheIssueNames) {
    std::set<std::string> charsets;
    for (const auto& folder : cases())
        charsets.insert(json_text(read_json(folder / "expected.json"), "charset"));
    EXPECT_GE(cases().size(), 8u);
    for (const char* charset : {"UTF-8", "GB18030", "Big5"})
        EXPECT_TRUE(charsets.contains(charset)) << charset;
    EXPECT_GE(cases("article.html").size(), 3u);
}

std::string case_name(const ::testing::TestParamInfo<std::filesystem::path>& info) {
    std::string name = info.param.filename().string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ScrapeFixture, ::testing::ValuesIn(cases()), case_name);
INSTANTIATE_TEST_SUITE_P(Fixtures, ArticleFixture, ::testing::ValuesIn(cases("article.html")), case_name);

}  // namespace
}  // namespace feedagg::feeds
