#include <gtest/gtest.h>

#include "feeds/dates.hpp"
#include "parse_test_support.hpp"

namespace feedagg::feeds {
namespace {

using testing::has_warning_containing;
using testing::parse_ok;
using testing::rss_with_items;

std::string utc(const std::optional<Timestamp>& time) {
    return time ? format_rfc3339(*time) : "none";
}

TEST(ParseRss, ReadsEveryRss2ChannelAndItemElement) {
    const auto parsed = parse_ok(R"(<?xml version="1.0"?>
<rss version="2.0"><channel>
  <title>Workers &amp; Unions</title><link>https://news.example.org/</link>
  <description>Daily &lt;b&gt;news&lt;/b&gt;</description><language>zh-cn</language>
  <copyright>(c) 2024</copyright><generator>CMS 1.0</generator>
  <managingEditor>editor@example.org (Li Wei)</managingEditor>
  <lastBuildDate>Tue, 02 Jan 2024 10:00:00 +0800</lastBuildDate>
  <image><url>https://news.example.org/logo.png</url><title>x</title><link>https://news.example.org/</link></image>
  <ttl>30</ttl><skipHours><hour>0</hour><hour>1</hour></skipHours><skipDays><day>Sunday</day></skipDays>
  <item>
    <title>First &amp;amp; foremost</title><link>https://news.example.org/a/1.html</link>
    <description>&lt;p&gt;Hello &lt;a href="/x"&gt;x&lt;/a&gt;&lt;/p&gt;</description>
    <guid isPermaLink="false">item-1</guid><pubDate>Tue, 02 Jan 2024 09:30:00 +0800</pubDate>
    <author>li@example.org (Li Wei)</author><category>Labour</category><category>Labour</category>
    <enclosure url="https://news.example.org/a.mp3" type="audio/mpeg" length="1234"/>
    <comments>https://news.example.org/a/1.html#comments</comments>
    <source url="https://origin.example.com/rss">Origin Daily</source>
  </item>
</channel></rss>)");
    EXPECT_EQ(parsed.format, Format::rss20);
    const Feed& feed = parsed.feed;
    EXPECT_EQ(feed.title, "Workers & Unions");
    EXPECT_EQ(feed.description, "Daily news");
    EXPECT_EQ(feed.language, "zh-cn");
    EXPECT_EQ(feed.rights, "(c) 2024");
    EXPECT_EQ(feed.generator, "CMS 1.0");
    EXPECT_EQ(feed.image, "https://news.example.org/logo.png");
    EXPECT_EQ(utc(feed.updated), "2024-01-02T02:00:00Z");
    ASSERT_EQ(feed.authors.size(), 1u);
    EXPECT_EQ(feed.authors[0].name, "Li Wei");
    EXPECT_EQ(feed.authors[0].email, "editor@example.org");
    EXPECT_EQ(feed.update_hints.ttl, std::chrono::minutes(30));
    EXPECT_EQ(feed.update_hints.skip_hours, (std::vector<int>{0, 1}));
    EXPECT_EQ(feed.update_hints.skip_days, (std::vector<int>{0}));

    ASSERT_EQ(feed.entries.size(), 1u);
    const Entry& entry = feed.entries[0];
    EXPECT_EQ(entry.title, "First & foremost");
    EXPECT_EQ(entry.id, "item-1");
    EXPECT_EQ(entry.link, "https://news.example.org/a/1.html");
    EXPECT_NE(entry.summary.find("href=\"https://news.example.org/x\""), std::string::npos) << entry.summary;
    EXPECT_EQ(utc(entry.published), "2024-01-02T01:30:00Z");
    ASSERT_EQ(entry.authors.size(), 1u);
    EXPECT_EQ(entry.authors[0].email, "li@example.org");
    EXPECT_EQ(entry.categories, (std::vector<std::string>{"Labour"}));
    ASSERT_EQ(entry.enclosures.size(), 1u);
    EXPECT_EQ(entry.enclosures[0], (Enclosure{"https://news.example.org/a.mp3", "audio/mpeg", 1234}));
    EXPECT_EQ(entry.comments, "https://news.example.org/a/1.html#comments");
    EXPECT_EQ(entry.source_title, "Origin Daily");
    EXPECT_EQ(entry.source_link, "https://origin.example.com/rss");
    ASSERT_EQ(entry.links.size(), 3u);
    EXPECT_EQ(entry.links[0].rel, "alternate");
    EXPECT_EQ(entry.links[1].rel, "enclosure");
    EXPECT_EQ(entry.links[2],
              (Link{"https://news.example.org/a/1.html#comments", "replies", "text/html", {}, {}}));
}

TEST(ParseRss, ReadsGuidAsLinkWhenPermalinkAndNoLink) {
    const auto parsed =
        parse_ok(rss_with_items("<item><title>a</title><guid>https://e.org/p/1</guid></item>"));
    ASSERT_EQ(parsed.feed.entries.size(), 1u);
    EXPECT_EQ(parsed.feed.entries[0].link, "https://e.org/p/1");
    EXPECT_EQ(parsed.feed.entries[0].id, "https://e.org/p/1");
}

TEST(ParseRss, KeepsGuidOutOfLinkWhenPermalinkFalse) {
    const auto parsed = parse_ok(
        rss_with_items("<item><title>a</title><guid isPermaLink=\"false\">https://e.org/p/1</guid></item>"));
    EXPECT_EQ(parsed.feed.entries[0].link, "");
}

TEST(ParseRss, LeavesIdEmptyWhenTheItemHasNone) {
    const auto parsed = parse_ok(rss_with_items("<item><title>a</title><link>https://e.org/1</link></item>"));
    EXPECT_EQ(parsed.feed.entries[0].id, "");
}

TEST(ParseRss, TellsVersionsApart) {
    for (const auto& [version, format] :
         {std::pair{"0.91", Format::rss091}, std::pair{"0.92", Format::rss092},
          std::pair{"0.93", Format::rss093}, std::pair{"0.94", Format::rss094},
          std::pair{"2.0", Format::rss20}}) {
        const auto parsed =
            parse_ok(std::string("<rss version=\"") + version +
                     "\"><channel><title>t</title><item><title>x</title></item></channel></rss>");
        EXPECT_EQ(parsed.format, format) << version;
    }
}

TEST(ParseRss, WarnsAboutAMissingVersion) {
    const auto parsed = parse_ok("<rss><channel><title>t</title></channel></rss>");
    EXPECT_EQ(parsed.format, Format::rss20);
    EXPECT_TRUE(has_warning_containing(parsed, "no version"));
}

TEST(ParseRss, ReadsRss10WithItemsBesideTheChannel) {
    const auto parsed = parse_ok(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
  <channel rdf:about="https://e.org/rss"><title>R1</title><link>https://e.org/</link><description>d</description>
    <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel>
  <image rdf:about="https://e.org/i.png"><url>https://e.org/i.png</url></image>
  <item rdf:about="https://e.org/1"><title>One</title><link>https://e.org/1</link>
    <dc:creator>Zhang San</dc:creator><dc:date>2024-01-02T10:00:00+08:00</dc:date><dc:subject>union</dc:subject></item>
</rdf:RDF>)");
    EXPECT_EQ(parsed.format, Format::rss10);
    EXPECT_EQ(parsed.feed.title, "R1");
    EXPECT_EQ(parsed.feed.image, "https://e.org/i.png");
    EXPECT_EQ(parsed.feed.update_hints.update_period, std::chrono::minutes(30));
    ASSERT_EQ(parsed.feed.entries.size(), 1u);
    const Entry& entry = parsed.feed.entries[0];
    EXPECT_EQ(entry.id, "https://e.org/1");
    EXPECT_EQ(entry.authors.at(0).name, "Zhang San");
    EXPECT_EQ(utc(entry.published), "2024-01-02T02:00:00Z");
    EXPECT_EQ(entry.categories, (std::vector<std::string>{"union"}));
}

TEST(ParseRss, ReadsRss090ByItsNamespace) {
    const auto parsed = parse_ok(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>Old</title><link>http://e.org/</link>
        <description>d</description></channel><item><title>i</title><link>http://e.org/i</link></item></rdf:RDF>)");
    EXPECT_EQ(parsed.format, Format::rss090);
    EXPECT_EQ(parsed.feed.entries.at(0).link, "http://e.org/i");
}

TEST(ParseRss, PrefersContentEncodedAsContentAndKeepsDescriptionAsSummary) {
    const auto parsed = parse_ok(rss_with_items(
        "<item><description>short</description><content:encoded><![CDATA[<p>long <b>text</b></p>]]>"
        "</content:encoded></item>",
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""));
    EXPECT_EQ(parsed.feed.entries[0].summary, "short");
    EXPECT_EQ(parsed.feed.entries[0].content, "<p>long <b>text</b></p>");
}

TEST(ParseRss, ReadsMediaRssIntoEnclosures) {
    const auto parsed = parse_ok(rss_with_items(
        R"(<item><title>v</title><media:group><media:content url="https://e.org/v.mp4" type="video/mp4" fileSize="99"/>
           <media:thumbnail url="https://e.org/t.jpg"/><media:description>About</media:description></media:group>
           <enclosure url="https://e.org/v.mp4" length="0" type=""/></item>)",
        "xmlns:media=\"http://search.yahoo.com/mrss/\""));
    const Entry& entry = parsed.feed.entries[0];
    ASSERT_EQ(entry.enclosures.size(), 2u);
    EXPECT_EQ(entry.enclosures[0], (Enclosure{"https://e.org/v.mp4", "video/mp4", 99}));
    EXPECT_EQ(entry.enclosures[1], (Enclosure{"https://e.org/t.jpg", "image/jpeg", std::nullopt}));
    EXPECT_EQ(entry.summary, "About");
}

TEST(ParseRss, ReadsItunesFeedburnerAndSlash) {
    const auto parsed = parse_ok(
        R"(<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
            xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
           <channel><title>P</title><itunes:author>Host</itunes:author><itunes:image href="https://e.org/c.jpg"/>
           <item><title>e</title><link>https://feeds.feedburner.com/~r/x/1</link>
           <feedburner:origLink>https://e.org/real/1</feedburner:origLink><slash:comments>7</slash:comments>
           <itunes:summary>Episode notes</itunes:summary></item></channel></rss>)");
    EXPECT_EQ(parsed.feed.image, "https://e.org/c.jpg");
    EXPECT_EQ(parsed.feed.authors.at(0).name, "Host");
    const Entry& entry = parsed.feed.entries.at(0);
    EXPECT_EQ(entry.link, "https://e.org/real/1");
    EXPECT_EQ(entry.comment_count, 7u);
    EXPECT_EQ(entry.summary, "Episode notes");
}

TEST(ParseRss, ReadsAtomLinksInsideRss) {
    const auto parsed = parse_ok(R"(<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
        <title>t</title><atom:link rel="self" href="https://e.org/feed.xml"/>
        <item><title>x</title><atom:link rel="related" href="https://e.org/rel"/></item></channel></rss>)");
    EXPECT_EQ(parsed.feed.self_link, "https://e.org/feed.xml");
    EXPECT_EQ(parsed.feed.entries.at(0).links.at(0).href, "https://e.org/rel");
}

TEST(ParseRss, ReadsDatesWithoutZoneInTheGivenTimezone) {
    ParseOptions options;
    options.timezone = "Asia/Shanghai";
    const auto parsed = parse_ok(
        rss_with_items("<item><title>x</title><pubDate>2024年1月2日 10:00</pubDate></item>"), options);
    EXPECT_EQ(utc(parsed.feed.entries[0].published), "2024-01-02T02:00:00Z");
}

TEST(ParseRss, WarnsAboutAnUnreadableDateAndKeepsTheEntry) {
    const auto parsed =
        parse_ok(rss_with_items("<item><title>x</title><pubDate>sometime soon</pubDate></item>"));
    ASSERT_EQ(parsed.feed.entries.size(), 1u);
    EXPECT_FALSE(parsed.feed.entries[0].published);
    EXPECT_TRUE(has_warning_containing(parsed, "unreadable date"));
}

TEST(ParseRss, ReadsUnescapedHtmlInsideDescription) {
    const auto parsed =
        parse_ok(rss_with_items("<item><description><p>Hello <b>there</b></p></description></item>"));
    EXPECT_EQ(parsed.feed.entries[0].summary, "<p>Hello <b>there</b></p>");
}

TEST(ParseRss, UnescapesDoublyEscapedHtmlOnce) {
    const auto parsed = parse_ok(
        rss_with_items("<item><description>&amp;lt;p&amp;gt;Hi&amp;lt;/p&amp;gt;</description></item>"));
    EXPECT_EQ(parsed.feed.entries[0].summary, "<p>Hi</p>");
    EXPECT_TRUE(has_warning_containing(parsed, "escaped twice"));
}

TEST(ParseRss, StripsMarkupFromTitles) {
    const auto parsed =
        parse_ok(rss_with_items("<item><title>&lt;b&gt;Bold&lt;/b&gt;   news&#160;today</title></item>"));
    EXPECT_EQ(parsed.feed.entries[0].title, "Bold news today");
}

TEST(ParseRss, ReadsUndeclaredCustomaryPrefixesWithAWarning) {
    const auto parsed =
        parse_ok(rss_with_items("<item><title>x</title><dc:creator>Wang</dc:creator></item>"));
    EXPECT_EQ(parsed.feed.entries[0].authors.at(0).name, "Wang");
    EXPECT_TRUE(has_warning_containing(parsed, "prefix \"dc\" is not declared"));
}

TEST(ParseRss, IgnoresElementsOfUnknownNamespacesThatShareRssNames) {
    const auto parsed = parse_ok(rss_with_items("<item><title>real</title><g:title>other</g:title></item>",
                                                "xmlns:g=\"http://base.google.com/ns/1.0\""));
    EXPECT_EQ(parsed.feed.entries[0].title, "real");
}

}  // namespace
}  // namespace feedagg::feeds
