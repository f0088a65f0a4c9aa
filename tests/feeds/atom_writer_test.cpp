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

TEST(AtomWriter, RichFeedValidatesAgainstRfc4287Schema) {
    if (!testing::have_jing()) GTEST_SKIP() << "jing is not installed";
    const std::string xml = write_atom(rich_feed());
    EXPECT_EQ(testing::validate_atom(xml), 0) << xml;
}

TEST(AtomWriter, EmptyFeedValidatesAgainstRfc4287Schema) {
    if (!testing::have_jing()) GTEST_SKIP() << "jing is not installed";
    EXPECT_EQ(testing::validate_atom(write_atom(Feed{})), 0) << write_atom(Feed{});
    const std::string xml = write_atom(empty_feed_with_empty_entry());
    EXPECT_EQ(testing::validate_atom(xml), 0) << xml;
}

TEST(AtomWriter, FeedparserReadsItWithoutComplaint) {
    if (!testing::have_feedparser()) GTEST_SKIP() << "Debian's python3-feedparser is not installed";
    const boost::json::object reading = testing::feedparser_reading(write_atom(rich_feed()), ".xml");
    ASSERT_FALSE(reading.empty());
    EXPECT_EQ(reading.at("bozo").as_int64(), 0) << reading.at("exception").as_string();
    EXPECT_EQ(reading.at("version").as_string(), "atom10");
    EXPECT_EQ(reading.at("title").as_string(), "Feed <&>\"' 新闻 title");
    EXPECT_EQ(reading.at("entries").as_int64(), 3);
    EXPECT_EQ(reading.at("first_link").as_string(), "https://example.com/posts/1?a=1&b=2");
}

TEST(AtomWriter, EmptyFeedIsReadByFeedparserWithoutComplaint) {
    if (!testing::have_feedparser()) GTEST_SKIP() << "Debian's python3-feedparser is not installed";
    const boost::json::object reading =
        testing::feedparser_reading(write_atom(empty_feed_with_empty_entry()), ".xml");
    ASSERT_FALSE(reading.empty());
    EXPECT_EQ(reading.at("bozo").as_int64(), 0) << reading.at("exception").as_string();
    EXPECT_EQ(reading.at("entries").as_int64(), 1);
}

TEST(AtomWriter, IsNamespaceWellFormedUtf8) {
    if (!testing::have_xmllint()) GTEST_SKIP() << "xmllint is not installed";
    EXPECT_EQ(testing::xmllint(write_atom(rich_feed())), 0);
}

TEST(AtomWriter, StartsWithTheUtf8Declaration) {
    EXPECT_EQ(write_atom(Feed{}).rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed", 0), 0u);
}

TEST(AtomWriter, KeepsSpecialCharactersAndDropsControlCharacters) {
    const auto document = parsed(write_atom(rich_feed()));
    const pugi::xml_node feed = document.child("feed");
    EXPECT_STREQ(feed.child_value("title"), "Feed <&>\"' 新闻 title");
    const pugi::xml_node entry = feed.child("entry");
    EXPECT_STREQ(entry.child_value("title"), "Entry <one> & \"quotes\" 'apos' 中文");
    EXPECT_STREQ(entry.child_value("content"), "<p>Content with ]]> and <b>bold</b> 内容</p>");
    EXPECT_STREQ(entry.child("content").attribute("type").value(), "html");
    EXPECT_STREQ(entry.child_value("summary"), "<p>Summary &amp; more 摘要</p>");
}

TEST(AtomWriter, FeedIdIsTheSelfLinkThenTheSiteThenDerivedFromTheTitle) {
    Feed feed;
    feed.title = "A title";
    const std::string derived = parsed(write_atom(feed)).child("feed").child_value("id");
    EXPECT_EQ(derived.rfind("urn:feedagg:feed:", 0), 0u) << derived;
    EXPECT_EQ(parsed(write_atom(feed)).child("feed").child_value("id"), derived);
    feed.link = "https://example.com/";
    EXPECT_STREQ(parsed(write_atom(feed)).child("feed").child_value("id"), "https://example.com/");
    feed.self_link = "https://example.com/atom.xml";
    EXPECT_STREQ(parsed(write_atom(feed)).child("feed").child_value("id"), "https://example.com/atom.xml");
}

TEST(AtomWriter, WrapsEntryIdsThatAreNotAbsoluteIris) {
    Feed feed;
    feed.entries.resize(4);
    feed.entries[0].id = "12345";
    feed.entries[1].id = "tag:example.com,2024:中文";
    feed.entries[2].id = "http://example.com/a b";
    feed.entries[3].id = "https://example.com/post#frag";
    const auto document = parsed(write_atom(feed));
    const auto entries = document.child("feed").children("entry");
    auto entry = entries.begin();
    EXPECT_STREQ((entry++)->child_value("id"), "urn:feedagg:id:12345");
    EXPECT_STREQ((entry++)->child_value("id"), "tag:example.com,2024:中文");
    EXPECT_STREQ((entry++)->child_value("id"), "urn:feedagg:id:http%3A%2F%2Fexample.com%2Fa%20b");
    EXPECT_STREQ((entry++)->child_value("id"), "https://example.com/post#frag");
}

TEST(AtomWriter, FeedUpdatedFallsBackToTheNewestEntryThenTheEpoch) {
    Feed feed;
    EXPECT_STREQ(parsed(write_atom(feed)).child("feed").child_value("updated"), "1970-01-01T00:00:00Z");
    feed.entries.resize(2);
    feed.entries[0].published = at(2024, 3, 1);
    feed.entries[1].updated = at(2024, 2, 1);
    EXPECT_EQ(parsed(write_atom(feed)).child("feed").child_value("updated"), format_rfc3339(at(2024, 3, 1)));
    feed.updated = at(2020, 1, 1);
    EXPECT_EQ(parsed(write_atom(feed)).child("feed").child_value("updated"), format_rfc3339(at(2020, 1, 1)));
}

TEST(AtomWriter, EntryUpdatedFallsBackToPublishedThenTheFeed) {
    Feed feed;
    feed.updated = at(2024, 5, 5);
    feed.entries.resize(2);
    feed.entries[0].published = at(2024, 4, 4);
    const auto document = parsed(write_atom(feed));
    const auto entries = document.child("feed").children("entry");
    auto entry = entries.begin();
    EXPECT_EQ((entry++)->child_value("updated"), format_rfc3339(at(2024, 4, 4)));
    EXPECT_EQ((entry++)->child_value("updated"), format_rfc3339(at(2024, 5, 5)));
}

// RFC 4287 §4.1.1 (a Schematron rule jing does not check): a feed without an author needs one on
// every entry.
TEST(AtomWriter, FeedWithoutAuthorGetsTheFeedTitleAsAuthorWhenAnEntryLacksOne) {
    Feed feed = rich_feed();
    feed.authors.clear();
    const auto document = parsed(write_atom(feed));
    EXPECT_STREQ(document.child("feed").child("author").child_value("name"), "Feed <&>\"' 新闻 title");
    EXPECT_TRUE(document.select_nodes("/feed/entry[not(author)]").size() > 0);

    feed.entries.resize(1);  // the only entry has authors
    EXPECT_FALSE(parsed(write_atom(feed)).child("feed").child("author"));
}

TEST(AtomWriter, EveryEntryHasAnAlternateLinkOrContent) {
    for (const Feed& feed : {rich_feed(), empty_feed_with_empty_entry()}) {
        const auto document = parsed(write_atom(feed));
        EXPECT_EQ(
            document.select_nodes("/feed/entry[not(link[@rel='alternate'] or link[not(@rel)] or content)]")
                .size(),
            0u);
    }
}

TEST(AtomWriter, WritesLinksEnclosuresRepliesAndSource) {
    const auto document = parsed(write_atom(rich_feed()));
    const pugi::xml_node entry = document.child("feed").child("entry");
    EXPECT_EQ(entry.select_nodes("link[@rel='alternate' and not(@type)]").size(), 1u);
    EXPECT_STREQ(entry.select_node("link[@rel='alternate' and @type='application/json']")
                     .node()
                     .attribute("href")
                     .value(),
                 "https://example.com/posts/1.json");
    const pugi::xml_node related = entry.select_node("link[@rel='related']").node();
    EXPECT_STREQ(related.attribute("title").value(), "Related <page>");
    EXPECT_STREQ(related.attribute("length").value(), "42");
    const pugi::xml_node enclosure = entry.select_node("link[@rel='enclosure']").node();
    EXPECT_STREQ(enclosure.attribute("href").value(), "https://example.com/a.mp3");
    EXPECT_STREQ(enclosure.attribute("type").value(), "audio/mpeg");
    EXPECT_STREQ(enclosure.attribute("length").value(), "1234");
    EXPECT_EQ(entry.select_nodes("link[@rel='enclosure']").size(), 2u);
    const pugi::xml_node replies = entry.select_node("link[@rel='replies']").node();
    EXPECT_STREQ(replies.attribute("href").value(), "https://example.com/posts/1#comments");
    EXPECT_STREQ(replies.attribute("type").value(), "text/html");
    EXPECT_STREQ(replies.attribute("thr:count").value(), "7");
    EXPECT_STREQ(entry.child("source").child_value("title"), "Origin <site>");
    EXPECT_STREQ(entry.child("source").child("link").attribute("href").value(),
                 "https://origin.example/feed");
    EXPECT_EQ(entry.select_nodes("category").size(), 2u);
    EXPECT_STREQ(entry.child("category").attribute("term").value(), "新闻");
    EXPECT_EQ(entry.select_nodes("author").size(), 2u);
}

TEST(AtomWriter, LeavesOutMediaTypesAndLanguagesTheSchemaRejects) {
    Feed feed;
    feed.language = "en_US";
    feed.entries.emplace_back();
    feed.entries[0].link = "https://example.com/1";
    feed.entries[0].enclosures = {{"https://example.com/a", "mp3", {}}};
    const auto document = parsed(write_atom(feed));
    EXPECT_STREQ(document.child("feed").attribute("xml:lang").value(), "en-US");
    EXPECT_FALSE(
        document.child("feed").child("entry").select_node("link[@rel='enclosure']").node().attribute("type"));
    feed.language = "not a language";
    EXPECT_FALSE(parsed(write_atom(feed)).child("feed").attribute("xml:lang"));
}

TEST(AtomWriter, WritesTheSameDocumentTwice) {
    EXPECT_EQ(write_atom(rich_feed()), write_atom(rich_feed()));
}

TEST(AtomWriter, SurvivesHostileText) {
    Feed feed;
    std::string garbage;
    for (int byte = 0; byte < 256; ++byte) {
        garbage += static_cast<char>(byte);
    }
    feed.title = garbage + "\xe4\xb8";  // every byte, then a truncated UTF-8 sequence
    feed.entries.emplace_back();
    feed.entries[0].title = std::string(1 << 20, '<');
    feed.entries[0].content = garbage + "]]>" + garbage;
    feed.entries[0].id = garbage;
    const std::string xml = write_atom(feed);
    parsed(xml);
    if (testing::have_xmllint()) {
        EXPECT_EQ(testing::xmllint(xml), 0);
    }
    if (testing::have_jing()) {
        EXPECT_EQ(testing::validate_atom(xml), 0);
    }
}

}  // namespace
}  // namespace feedagg::feeds
