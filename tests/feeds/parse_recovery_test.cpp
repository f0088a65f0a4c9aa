// Broken input as the real web serves it: every document here is malformed, and each test checks that
// what can be recovered is, with a warning, and that nothing crashes or hangs.
#include <gtest/gtest.h>

#include <random>

#include "parse_test_support.hpp"

namespace feedagg::feeds {
namespace {

using testing::has_warning_containing;
using testing::parse_ok;
using testing::rss_with_items;

TEST(ParseRecovery, ReadsBareAmpersands) {
    const auto parsed = parse_ok(
        rss_with_items("<item><title>Tom & Jerry</title><link>https://e.org/?a=1&b=2</link></item>"));
    EXPECT_EQ(parsed.feed.entries.at(0).title, "Tom & Jerry");
    EXPECT_EQ(parsed.feed.entries.at(0).link, "https://e.org/?a=1&b=2");
    EXPECT_TRUE(has_warning_containing(parsed, "bare '&'"));
}

TEST(ParseRecovery, ReadsHtmlEntitiesXmlDoesNotDeclare) {
    const auto parsed =
        parse_ok(rss_with_items("<item><title>A&nbsp;&mdash;&nbsp;B &copy; C</title></item>"));
    EXPECT_EQ(parsed.feed.entries.at(0).title, "A — B © C");
    EXPECT_TRUE(has_warning_containing(parsed, "&nbsp;"));
}

TEST(ParseRecovery, LeavesReferencesInsideCdataAndCommentsAsWritten) {
    const auto parsed = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom"><!-- &bogus; -->
        <title type="text"><![CDATA[AT&amp;T &nbsp; & co]]></title><entry><id>1</id></entry></feed>)");
    EXPECT_EQ(parsed.feed.title, "AT&amp;T &nbsp; & co");
    EXPECT_TRUE(parsed.warnings.empty()) << parsed.warnings.front();
}

TEST(ParseRecovery, RemovesControlCharactersInsideCdataToo) {
    const auto parsed =
        parse_ok(std::string("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title><![CDATA[a\x02"
                             "b]]></title></feed>"));
    EXPECT_EQ(parsed.feed.title, "ab");
}

TEST(ParseRecovery, RemovesControlCharacters) {
    const auto parsed = parse_ok(rss_with_items(std::string("<item><title>bad\x01\x08 char</title></item>")));
    EXPECT_EQ(parsed.feed.entries.at(0).title, "bad char");
    EXPECT_TRUE(has_warning_containing(parsed, "control characters"));
}

TEST(ParseRecovery, SkipsJunkBeforeTheXmlDeclaration) {
    const auto parsed =
        parse_ok("\n\nWarning: PHP notice in line 3\n" + rss_with_items("<item><title>x</title></item>"));
    EXPECT_EQ(parsed.feed.entries.size(), 1u);
    EXPECT_TRUE(has_warning_containing(parsed, "junk before the first tag"));
}

TEST(ParseRecovery, ClosesMissingEndTags) {
    const auto parsed = parse_ok(
        "<rss version=\"2.0\"><channel><title>t</title>"
        "<item><title>one<link>https://e.org/1</link></item>"
        "<item><title>two</title><link>https://e.org/2</link></item></channel></rss>");
    ASSERT_EQ(parsed.feed.entries.size(), 2u);
    EXPECT_EQ(parsed.feed.entries[1].title, "two");
    EXPECT_EQ(parsed.feed.entries[1].link, "https://e.org/2");
    EXPECT_TRUE(has_warning_containing(parsed, "recovering"));
}

TEST(ParseRecovery, KeepsEveryCompleteItemOfATruncatedDocument) {
    std::string document =
        rss_with_items("<item><title>one</title></item><item><title>two</title></item><item><title>thr");
    document.resize(document.find("thr") + 3);
    const auto parsed = parse_ok(document);
    ASSERT_GE(parsed.feed.entries.size(), 2u);
    EXPECT_EQ(parsed.feed.entries[0].title, "one");
    EXPECT_EQ(parsed.feed.entries[1].title, "two");
    EXPECT_TRUE(has_warning_containing(parsed, "left open"));
}

TEST(ParseRecovery, ReadsUnquotedAttributesAndStrayLessThan) {
    const auto parsed = parse_ok(rss_with_items(
        "<item><title>a < b</title><enclosure url=https://e.org/a.mp3 type=audio/mpeg length=5 /></item>"));
    const Entry& entry = parsed.feed.entries.at(0);
    EXPECT_EQ(entry.title, "a < b");
    EXPECT_EQ(entry.enclosures.at(0).url, "https://e.org/a.mp3");
}

TEST(ParseRecovery, ReadsHtmlInsideCdataAndAroundIt) {
    const auto parsed = parse_ok(rss_with_items(
        "<item><description>Intro <![CDATA[<p>inside &nbsp; cdata</p>]]> outro</description></item>"));
    const std::string& summary = parsed.feed.entries.at(0).summary;
    EXPECT_NE(summary.find("Intro"), std::string::npos);
    EXPECT_NE(summary.find("<p>inside"), std::string::npos) << summary;
    EXPECT_NE(summary.find("outro"), std::string::npos);
}

TEST(ParseRecovery, ReadsElementsInTheWrongNamespace) {
    const auto parsed =
        parse_ok(R"(<rss version="2.0" xmlns="http://example.com/wrong"><channel><title>t</title>
        <item><title>x</title></item></channel></rss>)");
    EXPECT_EQ(parsed.feed.entries.at(0).title, "x");
}

TEST(ParseRecovery, RefusesWhatIsNoFeed) {
    auto html = parse_feed("<!DOCTYPE html><html><body><p>Not a feed</p></body></html>");
    ASSERT_FALSE(html);
    EXPECT_NE(html.error().message.find("<html>"), std::string::npos);
    EXPECT_FALSE(parse_feed(""));
    EXPECT_FALSE(parse_feed("   \n "));
    EXPECT_FALSE(parse_feed("just some text"));
}

TEST(ParseRecovery, SurvivesDeepNesting) {
    std::string deep = "<rss version=\"2.0\"><channel><item><description>";
    for (int i = 0; i < 200000; ++i) deep += "<div>";
    deep += "x</description></item></channel></rss>";
    const auto parsed = parse_feed(deep);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->feed.entries.size(), 1u);
}

TEST(ParseRecovery, SurvivesRandomBytesAndRandomCuts) {
    const std::string valid = rss_with_items(
        "<item><title>a &amp; "
        "b</title><link>https://e.org/</link><description><![CDATA[<p>x</p>]]></description>"
        "<pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>",
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"");
    std::mt19937 random(12345);
    for (int round = 0; round < 2000; ++round) {
        std::string mutated = valid;
        const int edits = 1 + static_cast<int>(random() % 8);
        for (int edit = 0; edit < edits; ++edit) {
            const std::size_t at = random() % mutated.size();
            switch (random() % 3) {
                case 0: mutated[at] = static_cast<char>(random() % 256); break;
                case 1: mutated.erase(at, 1 + random() % 10); break;
                default: mutated.insert(at, 1, "<>&/\"'![]"[random() % 9]); break;
            }
            if (mutated.empty()) mutated = "<";
        }
        (void)parse_feed(mutated);  // must neither crash nor hang; ASan/UBSan builds check memory
    }
    SUCCEED();
}

}  // namespace
}  // namespace feedagg::feeds
