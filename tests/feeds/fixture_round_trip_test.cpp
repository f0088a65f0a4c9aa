// parse(write(model)) == model over every real-world fixture: what a writer writes, the parser reads
// back unchanged, and reading and writing again changes nothing more.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "feeds/parse.hpp"
#include "parse_test_support.hpp"
#include "feeds/report_json.hpp"
#include "feeds/writers.hpp"

namespace feedagg::feeds {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

std::vector<fs::path> fixture_feeds() {
    std::vector<fs::path> paths;
    for (const auto& item : fs::directory_iterator(fs::path(FEEDAGG_SHARED_FIXTURES) / "feeds")) {
        const std::string name = item.path().filename().string();
        if (name.starts_with("xml_") || name == "MANIFEST.tsv") continue;
        paths.push_back(item.path());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

using Writer = std::function<std::string(const Feed&)>;

// The model a writer is given: ids as they are published, and no scheduler hints (no format writes them).
Feed as_published(Feed feed) {
    feed.update_hints = {};
    for (Entry& entry : feed.entries) entry.id = stable_entry_id(entry);
    return feed;
}

Feed read_back(const std::string& document) {
    auto parsed = parse_feed(document);
    EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().message);
    return parsed ? as_published(parsed->feed) : Feed{};
}

std::string describe(const Feed& feed) {
    ParsedFeed shown;
    shown.feed = feed;
    return boost::json::serialize(to_report_json(shown));
}

void expect_fixed_point(const std::string& format, const Writer& write) {
    const auto fixtures = fixture_feeds();
    ASSERT_GE(fixtures.size(), 60u);
    for (const auto& path : fixtures) {
        SCOPED_TRACE(format + " " + path.filename().string());
        auto original = parse_feed(read_file(path));
        ASSERT_TRUE(original);
        const Feed once = read_back(write(as_published(original->feed)));
        const Feed twice = read_back(write(once));
        EXPECT_EQ(once, twice) << "once:  " << describe(once) << "\ntwice: " << describe(twice);
    }
}

// Fields a format requires are written even when the model lacks them (Atom: updated and an author;
// JSON Feed: an attachment's type). Where the model had no value, take the one the writer supplied.
template <typename T>
void accept_supplied(T& expected, const T& read) {
    if (expected == T{}) expected = read;
}

void accept_supplied_names(std::vector<Person>& expected, const std::vector<Person>& read) {
    for (std::size_t i = 0; i < expected.size() && i < read.size(); ++i)
        accept_supplied(expected[i].name, read[i].name);
}

void expect_all_fields_back(const std::string& format, const Writer& write,
                            void (*accept_required)(Feed&, const Feed&)) {
    for (const auto& path : fixture_feeds()) {
        SCOPED_TRACE(format + " " + path.filename().string());
        auto original = parse_feed(read_file(path));
        ASSERT_TRUE(original);
        Feed expected = as_published(original->feed);
        const Feed read = read_back(write(expected));
        accept_required(expected, read);
        EXPECT_EQ(read, expected) << "read:     " << describe(read) << "\nexpected: " << describe(expected);
    }
}

TEST(FixtureRoundTrip, AtomReadsBackEveryField) {
    expect_all_fields_back("atom", write_atom, [](Feed& expected, const Feed& read) {
        accept_supplied(expected.updated, read.updated);  // RFC 4287 §4.1.1: atom:updated is required
        accept_supplied(expected.authors, read.authors);  // ... and an author, on the feed or every entry
        accept_supplied_names(expected.authors, read.authors);  // §3.2.1: a person has a name
        for (std::size_t i = 0; i < expected.entries.size() && i < read.entries.size(); ++i) {
            accept_supplied(expected.entries[i].updated, read.entries[i].updated);
            accept_supplied_names(expected.entries[i].authors, read.entries[i].authors);
        }
    });
}

TEST(FixtureRoundTrip, JsonFeedReadsBackEveryField) {
    expect_all_fields_back("json", write_json_feed, [](Feed& expected, const Feed& read) {
        for (std::size_t i = 0; i < expected.entries.size() && i < read.entries.size(); ++i) {
            auto& enclosures = expected.entries[i].enclosures;
            for (std::size_t j = 0; j < enclosures.size() && j < read.entries[i].enclosures.size(); ++j) {
                accept_supplied(enclosures[j].type,
                                read.entries[i].enclosures[j].type);  // mime_type is required
            }
        }
    });
}

// RSS 2.0 has no place for several model fields (an author's URI, a link's type, summary and content
// apart when only one exists); what it has a place for must come back.
TEST(FixtureRoundTrip, RssReadsBackWhatRssCarries) {
    for (const auto& path : fixture_feeds()) {
        SCOPED_TRACE(path.filename().string());
        auto original = parse_feed(read_file(path));
        ASSERT_TRUE(original);
        const Feed expected = as_published(original->feed);
        const Feed read = read_back(write_rss(expected));
        if (!expected.title.empty()) {
            EXPECT_EQ(read.title, expected.title);
        }
        if (!expected.link.empty()) {
            EXPECT_EQ(read.link, expected.link);
        }
        EXPECT_EQ(read.self_link, expected.self_link);
        EXPECT_EQ(read.language, expected.language);
        EXPECT_EQ(read.rights, expected.rights);
        EXPECT_EQ(read.generator, expected.generator);
        EXPECT_EQ(read.image, expected.image);
        EXPECT_EQ(read.updated, expected.updated);
        ASSERT_EQ(read.entries.size(), expected.entries.size());
        for (std::size_t i = 0; i < read.entries.size(); ++i) {
            const Entry& got = read.entries[i];
            const Entry& want = expected.entries[i];
            EXPECT_EQ(got.id, want.id);
            EXPECT_EQ(got.title, want.title);
            EXPECT_EQ(got.link, want.link);
            EXPECT_EQ(got.updated, want.updated);
            EXPECT_EQ(got.categories, want.categories);
            EXPECT_EQ(got.comments, want.comments);
            EXPECT_EQ(got.comment_count, want.comment_count);
            EXPECT_EQ(got.source_title, want.source_title);
            EXPECT_EQ(got.source_link, want.source_link);
            ASSERT_EQ(got.enclosures.size(), want.enclosures.size());
            for (std::size_t j = 0; j < got.enclosures.size(); ++j)
                EXPECT_EQ(got.enclosures[j].url, want.enclosures[j].url);
            const std::string& body = want.content.empty() ? want.summary : want.content;
            EXPECT_TRUE(got.content == body || got.summary == body);
            if (want.published) {
                EXPECT_EQ(got.published, want.published);
            }
        }
    }
}

TEST(FixtureRoundTrip, AtomIsAFixedPoint) {
    expect_fixed_point("atom", write_atom);
}
TEST(FixtureRoundTrip, RssIsAFixedPoint) {
    expect_fixed_point("rss", write_rss);
}
TEST(FixtureRoundTrip, JsonFeedIsAFixedPoint) {
    expect_fixed_point("json", write_json_feed);
}

}  // namespace
}  // namespace feedagg::feeds
