#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "feeds/dates.hpp"
#include "feeds/html.hpp"
#include "feeds/writers.hpp"
#include "writer_samples.hpp"

namespace feedagg::feeds {
namespace {

using testing::at;
using testing::empty_feed_with_empty_entry;
using testing::rich_feed;

boost::json::object parsed(const std::string& text) {
    boost::system::error_code error;
    boost::json::value value = boost::json::parse(text, error);
    EXPECT_FALSE(error) << error.message() << "\n" << text;
    EXPECT_TRUE(value.is_object()) << text;
    return value.is_object() ? value.as_object() : boost::json::object{};
}

const boost::json::object& item(const boost::json::object& feed, std::size_t index) {
    return feed.at("items").as_array().at(index).as_object();
}

// JSON Feed 1.1: version, title and items are required; every item has a string id and
// content_html or content_text.
void expect_valid_json_feed(const boost::json::object& feed) {
    EXPECT_EQ(feed.at("version").as_string(), "https://jsonfeed.org/version/1.1");
    EXPECT_TRUE(feed.at("title").is_string());
    ASSERT_TRUE(feed.at("items").is_array());
    for (const boost::json::value& entry : feed.at("items").as_array()) {
        ASSERT_TRUE(entry.is_object());
        EXPECT_TRUE(entry.as_object().at("id").is_string());
        EXPECT_TRUE(entry.as_object().contains("content_html") || entry.as_object().contains("content_text"));
    }
}

TEST(JsonFeedWriter, RichFeedIsValidJsonFeed11) {
    expect_valid_json_feed(parsed(write_json_feed(rich_feed())));
}

TEST(JsonFeedWriter, EmptyFeedIsValidJsonFeed11) {
    expect_valid_json_feed(parsed(write_json_feed(Feed{})));
    expect_valid_json_feed(parsed(write_json_feed(empty_feed_with_empty_entry())));
}

TEST(JsonFeedWriter, FeedparserReadsItWithoutComplaint) {
    if (!testing::feedparser_reads_json_feed()) GTEST_SKIP() << "this feedparser does not read JSON Feed";
    const boost::json::object reading = testing::feedparser_reading(write_json_feed(rich_feed()), ".json");
    ASSERT_FALSE(reading.empty());
    EXPECT_EQ(reading.at("bozo").as_int64(), 0) << reading.at("exception").as_string();
    EXPECT_EQ(reading.at("version").as_string(), "json11");
    EXPECT_EQ(reading.at("title").as_string(), "Feed <&>\"' 新闻\x01 title");
    EXPECT_EQ(reading.at("entries").as_int64(), 3);
    EXPECT_EQ(reading.at("first_link").as_string(), "https://example.com/posts/1?a=1&b=2");
}

TEST(JsonFeedWriter, WritesFeedFields) {
    const auto feed = parsed(write_json_feed(rich_feed()));
    EXPECT_EQ(feed.at("home_page_url").as_string(), "https://example.com/");
    EXPECT_EQ(feed.at("feed_url").as_string(), "https://example.com/feed.xml");
    EXPECT_EQ(feed.at("description").as_string(), "Plain <text> & 描述");
    EXPECT_EQ(feed.at("icon").as_string(), "https://example.com/logo.png");
    EXPECT_EQ(feed.at("language").as_string(), "zh-CN");
    const auto& author = feed.at("authors").as_array().at(0).as_object();
    EXPECT_EQ(author.at("name").as_string(), "张三");
    EXPECT_EQ(author.at("url").as_string(), "https://example.com/zhang");
    EXPECT_EQ(author.at("_feedagg").at("email").as_string(), "zhang@example.com");
    const auto& extension = feed.at("_feedagg").as_object();
    EXPECT_EQ(extension.at("rights").as_string(), "© 2024 <Corp> & \"friends\"");
    EXPECT_EQ(extension.at("generator").as_string(), "feedagg-test");
    EXPECT_EQ(extension.at("updated").as_string(), format_rfc3339(at(2024, 1, 2, 3)));
}

TEST(JsonFeedWriter, WritesItemFields) {
    const auto feed = parsed(write_json_feed(rich_feed()));
    const auto& first = item(feed, 0);
    EXPECT_EQ(first.at("id").as_string(), "12345");
    EXPECT_EQ(first.at("url").as_string(), "https://example.com/posts/1?a=1&b=2");
    EXPECT_EQ(first.at("external_url").as_string(), "https://origin.example/feed");
    EXPECT_EQ(first.at("title").as_string(), "Entry <one> & \"quotes\" 'apos' 中文\x02");
    EXPECT_EQ(first.at("content_html").as_string(), "<p>Content with ]]> and <b>bold</b> 内容\x01\x0b</p>");
    EXPECT_EQ(first.at("summary").as_string(), html_to_text("<p>Summary &amp; more 摘要</p>"));
    EXPECT_EQ(first.at("date_published").as_string(), format_rfc3339(at(2024, 1, 1, 8)));
    EXPECT_EQ(first.at("date_modified").as_string(), format_rfc3339(at(2024, 1, 1, 9)));
    EXPECT_EQ(first.at("tags").as_array(), (boost::json::array{"新闻", "C++ & <Rust>"}));
    EXPECT_EQ(first.at("authors").as_array().size(), 2u);
    const auto& attachment = first.at("attachments").as_array().at(0).as_object();
    EXPECT_EQ(attachment.at("url").as_string(), "https://example.com/a.mp3");
    EXPECT_EQ(attachment.at("mime_type").as_string(), "audio/mpeg");
    EXPECT_EQ(attachment.at("size_in_bytes").as_int64(), 1234);
    EXPECT_FALSE(first.at("attachments").as_array().at(1).as_object().contains("size_in_bytes"));
}

TEST(JsonFeedWriter, KeepsWhatJsonFeedLacksInTheExtension) {
    const auto feed = parsed(write_json_feed(rich_feed()));
    const auto& extension = item(feed, 0).at("_feedagg").as_object();
    EXPECT_EQ(extension.at("summary_html").as_string(), "<p>Summary &amp; more 摘要</p>");
    EXPECT_FALSE(extension.contains("content_from_summary"));
    EXPECT_EQ(extension.at("comments").as_string(), "https://example.com/posts/1#comments");
    EXPECT_EQ(extension.at("comment_count").as_int64(), 7);
    EXPECT_EQ(extension.at("source_title").as_string(), "Origin <site>");
    const auto& related = extension.at("links").as_array().at(1).as_object();
    EXPECT_EQ(related.at("href").as_string(), "https://example.com/related");
    EXPECT_EQ(related.at("rel").as_string(), "related");
    EXPECT_EQ(related.at("title").as_string(), "Related <page>");
    EXPECT_EQ(related.at("length").as_int64(), 42);
}

TEST(JsonFeedWriter, PutsTheSummaryInContentHtmlWhenThereIsNoContent) {
    const auto feed = parsed(write_json_feed(rich_feed()));
    const auto& summary_only = item(feed, 2);
    EXPECT_EQ(summary_only.at("content_html").as_string(), "<p>short</p>");
    EXPECT_EQ(summary_only.at("_feedagg").at("content_from_summary"), true);
    EXPECT_EQ(summary_only.at("_feedagg").at("summary_html").as_string(), "<p>short</p>");
}

TEST(JsonFeedWriter, NamesAnEntryWithoutIdStably) {
    const auto feed = parsed(write_json_feed(rich_feed()));
    EXPECT_EQ(item(feed, 1).at("id").as_string(), stable_entry_id(rich_feed().entries[1]));
    EXPECT_EQ(write_json_feed(rich_feed()), write_json_feed(rich_feed()));
}

TEST(JsonFeedWriter, RepairsInvalidUtf8) {
    Feed feed;
    std::string garbage;
    for (int byte = 0; byte < 256; ++byte) {
        garbage += static_cast<char>(byte);
    }
    feed.title = garbage + "\xe4\xb8";
    feed.entries.resize(1);
    feed.entries[0].content = std::string(1 << 20, '"') + garbage;
    feed.entries[0].categories = {garbage};
    expect_valid_json_feed(parsed(write_json_feed(feed)));
}

}  // namespace
}  // namespace feedagg::feeds
