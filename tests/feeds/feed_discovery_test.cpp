#include "feeds/feed_discovery.hpp"

#include <gtest/gtest.h>

namespace feedagg::feeds {
namespace {

using Urls = std::vector<std::string>;

TEST(FeedDiscovery, FindsAnnouncedFeedsInPageOrder) {
    const HtmlPage page = parse_html_page(R"html(<html><head>
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">
<link rel="Alternate Home" type="application/atom+xml; charset=utf-8" href="https://cdn.example.org/atom">
<link rel="alternate" type="application/feed+json" href="feed.json">
<link rel="alternate" type="text/html" hreflang="en" href="/en/">
<link rel="alternate" type="application/rss+xml" href="/rss.xml">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
</head><body></body></html>)html");
    EXPECT_EQ(announced_feeds(page, "https://union.example.cn/news/index.html"),
              (Urls{"https://union.example.cn/rss.xml", "https://cdn.example.org/atom",
                    "https://union.example.cn/news/feed.json"}));
}

TEST(FeedDiscovery, PageWithoutLinksAnnouncesNothing) {
    EXPECT_TRUE(announced_feeds(parse_html_page("<p>hello</p>"), "https://a.example/").empty());
}

TEST(FeedDiscovery, CommonLocationsAreUnderTheOrigin) {
    const Urls locations = common_feed_locations("https://union.example.cn/news/index.html");
    ASSERT_FALSE(locations.empty());
    EXPECT_EQ(locations.front(), "https://union.example.cn/feed");
    EXPECT_EQ(locations.back(), "https://union.example.cn/news/feed/");
    EXPECT_TRUE(common_feed_locations("file:///srv/page.html").empty());
}

TEST(FeedDiscovery, TellsPagesFromFeeds) {
    EXPECT_TRUE(looks_like_html_page("<!DOCTYPE html><html><head>"));
    EXPECT_TRUE(looks_like_html_page("\n  <HTML lang=zh>"));
    EXPECT_FALSE(
        looks_like_html_page("<?xml version='1.0'?><rss version='2.0'><channel><description>&lt;html&gt;"));
    EXPECT_FALSE(
        looks_like_html_page("<feed xmlns='http://www.w3.org/2005/Atom'><content type='html'><html>"));
    EXPECT_FALSE(
        looks_like_html_page("{\"version\": \"https://jsonfeed.org/version/1.1\", \"x\": \"<html>\"}"));
    EXPECT_FALSE(looks_like_html_page(""));
}

}  // namespace
}  // namespace feedagg::feeds
