#include "daemon/service/pages.hpp"

#include <gtest/gtest.h>

#include <pugixml.hpp>

namespace feedagg::service {
namespace {

feeds::Feed sample_feed() {
    feeds::Feed feed;
    feed.title = "工会 <动态> & news";
    feed.language = "zh-CN";
    feeds::Entry entry;
    entry.title = "Title with <b>markup</b> text";
    entry.link = "https://e.org/1?a=1&b=2";
    entry.content = "<p>Sanitized <a href=\"https://e.org/x\" rel=\"noopener noreferrer\">body</a></p>";
    entry.published = feeds::Timestamp(std::chrono::seconds(1'715'937'120));
    entry.source_title = "Workers' Daily";
    entry.source_link = "https://daily.example.cn/";
    feed.entries.push_back(entry);
    return feed;
}

TEST(Pages, ChannelPageEscapesTextAndKeepsSanitizedContent) {
    const std::string html = render_channel_page(sample_feed(), "union-news", "http://127.0.0.1:8080");
    EXPECT_NE(html.find("<title>工会 &lt;动态&gt; &amp; news</title>"), std::string::npos);
    EXPECT_NE(html.find("Title with &lt;b&gt;markup&lt;/b&gt; text"), std::string::npos);
    EXPECT_NE(html.find("href=\"https://e.org/1?a=1&amp;b=2\""), std::string::npos);
    EXPECT_NE(html.find("<p>Sanitized <a href=\"https://e.org/x\""), std::string::npos);
    EXPECT_NE(html.find("2024-05-17 09:12 UTC"), std::string::npos);
    EXPECT_NE(html.find(">Workers&#39; Daily</a>"), std::string::npos) << html;
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("<html lang=\"zh-CN\">"), std::string::npos);
}

TEST(Pages, ChannelPageAdvertisesItsFeedsForAutodiscovery) {
    const std::string html = render_channel_page(sample_feed(), "union-news", "http://h");
    EXPECT_NE(html.find("type=\"application/atom+xml\""), std::string::npos);
    EXPECT_NE(html.find("href=\"http://h/feeds/union-news.rss\""), std::string::npos);
    EXPECT_NE(html.find("type=\"application/feed+json\""), std::string::npos);
}

TEST(Pages, IndexLinksEveryChannelAndItsFeeds) {
    const std::string html = render_index_page({{"a", "Channel A", "first"}, {"b", "", ""}}, "http://h");
    EXPECT_NE(html.find("href=\"http://h/feeds/a.html\">Channel A</a>"), std::string::npos);
    EXPECT_NE(html.find("href=\"http://h/feeds/b.atom\""), std::string::npos);
    EXPECT_NE(html.find("href=\"http://h/opml\""), std::string::npos);
}

TEST(Pages, OpmlIsWellFormedAndListsEnabledSources) {
    config::Source daily;
    daily.name = "daily";
    daily.url = "https://daily.example.cn/rss?x=1&y=2";
    config::Source off = daily;
    off.name = "off";
    off.enabled = false;
    std::map<std::string, store::SourceState, std::less<>> states;
    states["daily"].feed_title = "Workers' \"Daily\"";
    const std::string opml = render_opml({daily, off}, states);
    pugi::xml_document document;
    ASSERT_TRUE(document.load_string(opml.c_str())) << opml;
    const auto outlines = document.select_nodes("/opml/body/outline");
    ASSERT_EQ(outlines.size(), 1u);
    EXPECT_STREQ(outlines[0].node().attribute("xmlUrl").value(), "https://daily.example.cn/rss?x=1&y=2");
    EXPECT_STREQ(outlines[0].node().attribute("text").value(), "Workers' \"Daily\"");
}

}  // namespace
}  // namespace feedagg::service
