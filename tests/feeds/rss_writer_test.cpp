#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <string>

#include "feeds/dates.hpp"
#include "feeds/writers.hpp"
#include "writer_samples.hpp"

namespace feedagg::feeds {
namespace {

using testing::at;
using testing::empty_feed_with_empty_entry;
using testing::rich_feed;

pugi::xml_document parsed(const std::string& xml) {
    pugi::xml_document document;
    const pugi::xml_parse_result result = document.load_string(xml.c_str());
    EXPECT_TRUE(result) << result.description() << " at " << result.offset << "\n" << xml;
    return document;
}

pugi::xml_node channel(const pugi::xml_document& document) {
    return document.child("rss").child("channel");
}

TEST(RssWriter, FeedparserReadsItWithoutComplaint) {
    if (!testing::have_feedparser()) GTEST_SKIP() << "Debian's python3-feedparser is not installed";
    const boost::json::object reading = testing::feedparser_reading(write_rss(rich_feed()), ".xml");
    ASSERT_FALSE(reading.empty());
    EXPECT_EQ(reading.at("bozo").as_int64(), 0) << reading.at("exception").as_string();
    EXPECT_EQ(reading.at("version").as_string(), "rss20");
    EXPECT_EQ(reading.at("title").as_string(), "Feed <&>\"' 新闻 title");
    EXPECT_EQ(reading.at("entries").as_int64(), 3);
    EXPECT_EQ(reading.at("first_link").as_string(), "https://example.com/posts/1?a=1&b=2");
    EXPECT_EQ(reading.at("first_id").as_string(), "12345");
}

TEST(RssWriter, EmptyFeedIsReadByFeedparserWithoutComplaint) {
    if (!testing::have_feedparser()) GTEST_SKIP() << "Debian's python3-feedparser is not installed";
    const boost::json::object reading =
        testing::feedparser_reading(write_rss(empty_feed_with_empty_entry()), ".xml");
    ASSERT_FALSE(reading.empty());
    EXPECT_EQ(reading.at("bozo").as_int64(), 0) << reading.at("exception").as_string();
    EXPECT_EQ(reading.at("entries").as_int64(), 1);
}

TEST(RssWriter, IsNamespaceWellFormedUtf8) {
    if (!testing::have_xmllint()) GTEST_SKIP() << "xmllint is not installed";
    EXPECT_EQ(testing::xmllint(write_rss(rich_feed())), 0);
    EXPECT_EQ(testing::xmllint(write_rss(empty_feed_with_empty_entry())), 0);
}

TEST(RssWriter, ChannelAlwaysHasTitleLinkAndDescription) {
    const auto rich = parsed(write_rss(rich_feed()));
    EXPECT_STREQ(channel(rich).child_value("title"), "Feed <&>\"' 新闻 title");
    EXPECT_STREQ(channel(rich).child_value("link"), "https://example.com/");
    EXPECT_STREQ(channel(rich).child_value("description"), "Plain <text> & 描述");

    const auto empty = parsed(write_rss(Feed{}));
    EXPECT_STREQ(empty.child("rss").attribute("version").value(), "2.0");
    EXPECT_STRNE(channel(empty).child_value("title"), "");
    EXPECT_TRUE(channel(empty).child("link"));
    EXPECT_STREQ(channel(empty).child_value("description"), channel(empty).child_value("title"));
}

TEST(RssWriter, DescriptionFallsBackToTheTitle) {
    Feed feed;
    feed.title = "Only a title";
    feed.self_link = "https://example.com/rss";
    const auto document = parsed(write_rss(feed));
    EXPECT_STREQ(channel(document).child_value("description"), "Only a title");
    EXPECT_STREQ(channel(document).child_value("link"), "https://example.com/rss");
}

TEST(RssWriter, EveryItemHasTitleOrDescription) {
    for (const Feed& feed : {rich_feed(), empty_feed_with_empty_entry()}) {
        const auto document = parsed(write_rss(feed));
        EXPECT_EQ(document.select_nodes("/rss/channel/item[not(title) and not(description)]").size(), 0u);
        EXPECT_EQ(document.select_nodes("/rss/channel/item").size(), feed.entries.size());
    }
}

TEST(RssWriter, WritesChannelMetadata) {
    const auto document = parsed(write_rss(rich_feed()));
    const pugi::xml_node rss_channel = channel(document);
    EXPECT_STREQ(rss_channel.child_value("language"), "zh-CN");
    EXPECT_STREQ(rss_channel.child_value("copyright"), "© 2024 <Corp> & \"friends\"");
    EXPECT_STREQ(rss_channel.child_value("generator"), "feedagg-test");
    EXPECT_STREQ(rss_channel.child_value("managingEditor"), "zhang@example.com (张三)");
    EXPECT_EQ(rss_channel.child_value("lastBuildDate"), format_rfc822(at(2024, 1, 2, 3)));
    EXPECT_STREQ(rss_channel.child("image").child_value("url"), "https://example.com/logo.png");
    EXPECT_STREQ(rss_channel.child("image").child_value("link"), "https://example.com/");
    const pugi::xml_node self = rss_channel.child("atom:link");
    EXPECT_STREQ(self.attribute("rel").value(), "self");
    EXPECT_STREQ(self.attribute("href").value(), "https://example.com/feed.xml");
}

TEST(RssWriter, DescriptionHoldsTheSummaryAndContentEncodedTheContent) {
    const auto document = parsed(write_rss(rich_feed()));
    const auto items = channel(document).children("item");
    auto item = items.begin();
    EXPECT_STREQ(item->child_value("description"), "<p>Summary &amp; more 摘要</p>");
    EXPECT_STREQ(item->child_value("content:encoded"), "<p>Content with ]]> and <b>bold</b> 内容</p>");
    ++item;
    EXPECT_STREQ(item->child_value("description"), "<p>body</p>");
    EXPECT_FALSE(item->child("content:encoded"));
    ++item;
    EXPECT_STREQ(item->child_value("description"), "<p>short</p>");
}

TEST(RssWriter, GuidIsAPermalinkOnlyWhenItIsTheLink) {
    Feed feed;
    feed.entries.resize(3);
    feed.entries[0].id = "12345";
    feed.entries[0].link = "https://example.com/1";
    feed.entries[1].link = "https://example.com/2";
    feed.entries[2].title = "neither";
    const auto document = parsed(write_rss(feed));
    const auto items = channel(document).children("item");
    auto item = items.begin();
    EXPECT_STREQ(item->child_value("guid"), "12345");
    EXPECT_STREQ((item++)->child("guid").attribute("isPermaLink").value(), "false");
    EXPECT_STREQ(item->child_value("guid"), "https://example.com/2");
    EXPECT_STREQ((item++)->child("guid").attribute("isPermaLink").value(), "true");
    EXPECT_STREQ(item->child_value("guid"), stable_entry_id(feed.entries[2]).c_str());
    EXPECT_STREQ(item->child("guid").attribute("isPermaLink").value(), "false");
}

TEST(RssWriter, WritesEmailAuthorsAsAuthorAndNamesAsDcCreator) {
    const auto document = parsed(write_rss(rich_feed()));
    const auto items = channel(document).children("item");
    auto item = items.begin();
    EXPECT_STREQ(item->child_value("author"), "wang@example.com (Wang)");
    EXPECT_STREQ(item->child_value("dc:creator"), "李四");
    std::advance(item, 2);
    EXPECT_STREQ(item->child_value("author"), "anon@example.com");
}

TEST(RssWriter, WritesTheFirstEnclosureAsEnclosureAndOthersAsMediaContent) {
    const auto document = parsed(write_rss(rich_feed()));
    const pugi::xml_node item = channel(document).child("item");
    EXPECT_EQ(item.select_nodes("enclosure").size(), 1u);
    EXPECT_STREQ(item.child("enclosure").attribute("url").value(), "https://example.com/a.mp3");
    EXPECT_STREQ(item.child("enclosure").attribute("length").value(), "1234");
    EXPECT_STREQ(item.child("enclosure").attribute("type").value(), "audio/mpeg");
    EXPECT_STREQ(item.child("media:content").attribute("url").value(), "https://example.com/b.ogg");
}

TEST(RssWriter, EnclosureGetsTheRequiredTypeAndLengthWhenUnknown) {
    Feed feed;
    feed.entries.resize(1);
    feed.entries[0].enclosures = {{"https://example.com/a", "", {}}};
    const auto document = parsed(write_rss(feed));
    const pugi::xml_node enclosure = channel(document).child("item").child("enclosure");
    EXPECT_STREQ(enclosure.attribute("length").value(), "0");
    EXPECT_STREQ(enclosure.attribute("type").value(), "application/octet-stream");
}

TEST(RssWriter, WritesDatesCategoriesCommentsAndSource) {
    const auto document = parsed(write_rss(rich_feed()));
    const pugi::xml_node item = channel(document).child("item");
    EXPECT_EQ(item.child_value("pubDate"), format_rfc822(at(2024, 1, 1, 8)));
    EXPECT_EQ(item.select_nodes("category").size(), 2u);
    EXPECT_STREQ(item.select_nodes("category")[1].node().child_value(), "C++ & <Rust>");
    EXPECT_STREQ(item.child_value("comments"), "https://example.com/posts/1#comments");
    EXPECT_STREQ(item.child_value("slash:comments"), "7");
    EXPECT_STREQ(item.child_value("source"), "Origin <site>");
    EXPECT_STREQ(item.child("source").attribute("url").value(), "https://origin.example/feed");
    EXPECT_STREQ(item.select_node("atom:link[@rel='related']").node().attribute("href").value(),
                 "https://example.com/related");
}

TEST(RssWriter, WritesTheSameDocumentTwice) {
    EXPECT_EQ(write_rss(rich_feed()), write_rss(rich_feed()));
}

TEST(RssWriter, SurvivesHostileText) {
    Feed feed;
    std::string garbage;
    for (int byte = 0; byte < 256; ++byte) {
        garbage += static_cast<char>(byte);
    }
    feed.title = garbage + "\xe4\xb8";
    feed.entries.resize(1);
    feed.entries[0].title = std::string(1 << 20, '&');
    feed.entries[0].summary = "]]>" + garbage;
    feed.entries[0].content = garbage + "]]>";
    const std::string xml = write_rss(feed);
    parsed(xml);
    if (testing::have_xmllint()) {
        EXPECT_EQ(testing::xmllint(xml), 0);
    }
}

}  // namespace
}  // namespace feedagg::feeds
