#include <gtest/gtest.h>

#include "feeds/dates.hpp"
#include "parse_test_support.hpp"

namespace feedagg::feeds {
namespace {

using testing::has_warning_containing;
using testing::parse_ok;

TEST(ParseJsonFeed, ReadsJsonFeed11) {
    const auto parsed = parse_ok(R"({"version": "https://jsonfeed.org/version/1.1", "title": "J &amp; F",
      "home_page_url": "https://e.org/", "feed_url": "https://e.org/feed.json", "description": "d",
      "icon": "https://e.org/icon.png", "language": "zh-CN", "authors": [{"name": "Ann", "url": "https://e.org/ann"}],
      "items": [{"id": 42, "url": "https://e.org/1", "external_url": "https://origin.example/1", "title": "One",
                 "content_html": "<p>Hi<script>x</script></p>", "summary": "Short", "date_published": "2024-01-02T10:00:00+08:00",
                 "date_modified": "2024-01-03T00:00:00Z", "tags": ["a", "b"],
                 "attachments": [{"url": "https://e.org/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 10}]}]})");
    EXPECT_EQ(parsed.format, Format::jsonfeed11);
    EXPECT_EQ(parsed.feed.title, "J & F");
    EXPECT_EQ(parsed.feed.link, "https://e.org/");
    EXPECT_EQ(parsed.feed.self_link, "https://e.org/feed.json");
    EXPECT_EQ(parsed.feed.image, "https://e.org/icon.png");
    EXPECT_EQ(parsed.feed.authors.at(0), (Person{"Ann", "", "https://e.org/ann"}));
    const Entry& entry = parsed.feed.entries.at(0);
    EXPECT_EQ(entry.id, "42");
    EXPECT_EQ(entry.link, "https://e.org/1");
    EXPECT_EQ(entry.source_link, "https://origin.example/1");
    EXPECT_EQ(entry.content, "<p>Hi</p>");
    EXPECT_EQ(entry.summary, "Short");
    EXPECT_EQ(format_rfc3339(*entry.published), "2024-01-02T02:00:00Z");
    EXPECT_EQ(entry.categories, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(entry.enclosures.at(0), (Enclosure{"https://e.org/a.mp3", "audio/mpeg", 10}));
}

TEST(ParseJsonFeed, ReadsJsonFeed10SingleAuthor) {
    const auto parsed = parse_ok(R"({"version": "https://jsonfeed.org/version/1", "title": "t",
        "author": {"name": "Solo"}, "items": [{"id": "1", "content_text": "line one\nline two"}]})");
    EXPECT_EQ(parsed.format, Format::jsonfeed10);
    EXPECT_EQ(parsed.feed.authors.at(0).name, "Solo");
    EXPECT_EQ(parsed.feed.entries.at(0).content, "line one<br />\nline two");
}

TEST(ParseJsonFeed, SkipsValuesOfTheWrongTypeWithAWarning) {
    const auto parsed =
        parse_ok(R"({"version": "https://jsonfeed.org/version/1.1", "title": ["not", "a", "string"],
        "items": [{"id": "1", "title": "ok"}, 7]})");
    EXPECT_EQ(parsed.feed.title, "");
    ASSERT_EQ(parsed.feed.entries.size(), 1u);
    EXPECT_TRUE(has_warning_containing(parsed, "title: expected a string"));
    EXPECT_TRUE(has_warning_containing(parsed, "not an object"));
}

TEST(ParseJsonFeed, RejectsJsonThatIsNoFeed) {
    EXPECT_FALSE(parse_feed(R"({"hello": "world"})"));
    EXPECT_FALSE(parse_feed(R"([1, 2, 3])"));
    EXPECT_FALSE(parse_feed(R"({"version": "https://jsonfeed.org/version/1.1", "items": [)"));
}

TEST(ParseJsonFeed, BoundsNestingDepth) {
    std::string deep = R"({"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "x": )";
    deep += std::string(100000, '[') + std::string(100000, ']') + "}]}";
    EXPECT_FALSE(parse_feed(deep));  // refused, not a stack overflow
}

}  // namespace
}  // namespace feedagg::feeds
