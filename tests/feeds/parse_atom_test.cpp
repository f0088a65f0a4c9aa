#include <gtest/gtest.h>

#include "feeds/dates.hpp"
#include "parse_test_support.hpp"

namespace feedagg::feeds {
namespace {

using testing::has_warning_containing;
using testing::parse_ok;

std::string utc(const std::optional<Timestamp>& time) {
    return time ? format_rfc3339(*time) : "none";
}

TEST(ParseAtom, ReadsEveryAtom10FeedAndEntryElement) {
    const auto parsed = parse_ok(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:lang="en">
  <title type="html">A &amp;lt;i&amp;gt;feed&amp;lt;/i&amp;gt;</title>
  <subtitle>All the news</subtitle>
  <link href="https://e.org/"/><link rel="self" href="https://e.org/atom.xml"/>
  <rights>CC BY</rights><generator uri="https://gen.example">Gen</generator>
  <logo>https://e.org/logo.png</logo><icon>https://e.org/icon.ico</icon>
  <updated>2003-12-13T18:30:02Z</updated>
  <author><name>John Doe</name><email>john@e.org</email><uri>https://e.org/john</uri></author>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <entry>
    <title>Atom-Powered Robots</title>
    <link href="https://e.org/2003/12/13/atom03"/>
    <link rel="enclosure" type="audio/mpeg" length="1337" href="https://e.org/a.mp3"/>
    <link rel="replies" type="text/html" href="https://e.org/2003/12/13/atom03#c"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2003-12-13T08:29:29-04:00</published><updated>2003-12-13T18:30:02Z</updated>
    <summary>Some text &lt; more.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <em>there</em></p></div></content>
    <category term="robots"/><thr:total>3</thr:total>
    <source><title>Origin</title><link href="https://origin.example/"/></source>
  </entry>
</feed>)");
    EXPECT_EQ(parsed.format, Format::atom10);
    const Feed& feed = parsed.feed;
    EXPECT_EQ(feed.title, "A feed");
    EXPECT_EQ(feed.description, "All the news");
    EXPECT_EQ(feed.link, "https://e.org/");
    EXPECT_EQ(feed.self_link, "https://e.org/atom.xml");
    EXPECT_EQ(feed.rights, "CC BY");
    EXPECT_EQ(feed.generator, "Gen");
    EXPECT_EQ(feed.image, "https://e.org/logo.png");
    EXPECT_EQ(feed.language, "en");
    EXPECT_EQ(utc(feed.updated), "2003-12-13T18:30:02Z");
    EXPECT_EQ(feed.authors.at(0), (Person{"John Doe", "john@e.org", "https://e.org/john"}));

    const Entry& entry = feed.entries.at(0);
    EXPECT_EQ(entry.id, "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
    EXPECT_EQ(entry.link, "https://e.org/2003/12/13/atom03");
    EXPECT_EQ(utc(entry.published), "2003-12-13T12:29:29Z");
    EXPECT_EQ(utc(entry.updated), "2003-12-13T18:30:02Z");
    EXPECT_EQ(entry.summary, "Some text &lt; more.");
    EXPECT_EQ(entry.content, "<p>Hi <em>there</em></p>");
    EXPECT_EQ(entry.categories, (std::vector<std::string>{"robots"}));
    EXPECT_EQ(entry.enclosures.at(0), (Enclosure{"https://e.org/a.mp3", "audio/mpeg", 1337}));
    EXPECT_EQ(entry.comments, "https://e.org/2003/12/13/atom03#c");
    EXPECT_EQ(entry.comment_count, 3u);
    EXPECT_EQ(entry.source_title, "Origin");
    EXPECT_EQ(entry.source_link, "https://origin.example/");
    EXPECT_EQ(entry.links.size(), 3u);
}

TEST(ParseAtom, ReadsAtom03ElementNames) {
    const auto parsed = parse_ok(R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title mode="escaped" type="text/html">Old &amp;lt;b&amp;gt;feed&amp;lt;/b&amp;gt;</title>
  <tagline>Tag</tagline><copyright>c</copyright><modified>2004-01-01T00:00:00Z</modified>
  <link rel="alternate" type="text/html" href="http://e.org/"/>
  <entry><title>E</title><link rel="alternate" type="text/html" href="http://e.org/1"/>
    <issued>2004-01-01T01:00:00Z</issued><modified>2004-01-02T00:00:00Z</modified><id>tag:e.org,2004:1</id>
    <author><name>A</name><url>http://e.org/a</url></author>
    <content type="text/html" mode="escaped">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>)");
    EXPECT_EQ(parsed.format, Format::atom03);
    EXPECT_EQ(parsed.feed.title, "Old feed");
    EXPECT_EQ(parsed.feed.description, "Tag");
    EXPECT_EQ(parsed.feed.rights, "c");
    EXPECT_EQ(utc(parsed.feed.updated), "2004-01-01T00:00:00Z");
    const Entry& entry = parsed.feed.entries.at(0);
    EXPECT_EQ(utc(entry.published), "2004-01-01T01:00:00Z");
    EXPECT_EQ(utc(entry.updated), "2004-01-02T00:00:00Z");
    EXPECT_EQ(entry.authors.at(0).uri, "http://e.org/a");
    EXPECT_EQ(entry.content, "<p>x</p>");
}

TEST(ParseAtom, EscapesTextContentAsHtml) {
    const auto parsed = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>
        <content type="text">a &lt;b&gt; c</content></entry></feed>)");
    EXPECT_EQ(parsed.feed.entries.at(0).content, "a &lt;b&gt; c");
}

TEST(ParseAtom, ResolvesRelativeUrlsAgainstXmlBase) {
    const auto parsed = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://e.org/blog/">
        <link href="./"/><entry><id>1</id><link href="posts/1"/>
        <content type="html" xml:base="https://cdn.e.org/img/">&lt;img src="a.png"&gt;</content></entry></feed>)");
    EXPECT_EQ(parsed.feed.link, "https://e.org/blog/");
    const Entry& entry = parsed.feed.entries.at(0);
    EXPECT_EQ(entry.link, "https://e.org/blog/posts/1");
    EXPECT_NE(entry.content.find("src=\"https://cdn.e.org/img/a.png\""), std::string::npos) << entry.content;
}

// RFC 3986 §5.1: each xml:base is resolved against the one outside it, the outermost against the
// document's URL; an absolute one ends the chain.
TEST(ParseAtom, ResolvesNestedXmlBasesFromTheDocumentUrlInwards) {
    ParseOptions options;
    options.base_url = "https://host.org/feeds/atom.xml";
    const auto parsed = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/site/">
        <entry xml:base="news/"><id>1</id><link href="a.html"/></entry>
        <entry xml:base="https://other.org/x/"><id>2</id><link href="b.html"/>
        <content type="html" xml:base="img/">&lt;img src="c.png"&gt;</content></entry></feed>)",
                                 options);
    ASSERT_EQ(parsed.feed.entries.size(), 2u);
    EXPECT_EQ(parsed.feed.entries[0].link, "https://host.org/site/news/a.html");
    EXPECT_EQ(parsed.feed.entries[1].link, "https://other.org/x/b.html");
    EXPECT_NE(parsed.feed.entries[1].content.find("src=\"https://other.org/x/img/c.png\""), std::string::npos)
        << parsed.feed.entries[1].content;
}

// XHTML's <br/> is one line break: the HTML written for the sanitizer must not say "<br></br>",
// which HTML reads as two.
TEST(ParseAtom, KeepsOneLineBreakPerXhtmlBr) {
    const auto parsed = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">a<br/>b<BR />c<hr/></div></content>
        </entry></feed>)");
    EXPECT_EQ(parsed.feed.entries.at(0).content, "a<br />b<br />c<hr />");
}

TEST(ParseAtom, ResolvesContentAgainstTheEntryLinkWithoutXmlBase) {
    ParseOptions options;
    options.base_url = "https://e.org/feed.xml";
    const auto parsed = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id>
        <link href="/2024/05/post/"/><content type="html">&lt;img src="pic.jpg"&gt;</content></entry></feed>)",
                                 options);
    EXPECT_NE(parsed.feed.entries.at(0).content.find("https://e.org/2024/05/post/pic.jpg"),
              std::string::npos);
}

TEST(ParseAtom, ReadsAnAtomEntryDocumentAsAFeedOfOne) {
    const auto parsed =
        parse_ok(R"(<entry xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>Only</title></entry>)");
    ASSERT_EQ(parsed.feed.entries.size(), 1u);
    EXPECT_EQ(parsed.feed.entries[0].title, "Only");
}

TEST(ParseAtom, WarnsWhenTheAtomNamespaceIsMissing) {
    const auto parsed = parse_ok("<feed><title>t</title><entry><id>1</id><title>e</title></entry></feed>");
    EXPECT_EQ(parsed.feed.entries.at(0).title, "e");
    EXPECT_TRUE(has_warning_containing(parsed, "no Atom namespace"));
}

TEST(ParseAtom, SanitizesContent) {
    const auto parsed = parse_ok(R"xml(<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id>
        <content type="html">&lt;p onclick="x()"&gt;ok&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</content></entry></feed>)xml");
    const std::string& content = parsed.feed.entries.at(0).content;
    EXPECT_EQ(content.find("script"), std::string::npos) << content;
    EXPECT_EQ(content.find("onclick"), std::string::npos) << content;
    EXPECT_NE(content.find("ok"), std::string::npos);
}

}  // namespace
}  // namespace feedagg::feeds
