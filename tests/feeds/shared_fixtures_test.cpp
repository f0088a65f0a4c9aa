// The real-world feeds in ../shared/fixtures/feeds (see its MANIFEST.tsv): every feed must parse, and a
// few facts about each family must hold.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "feeds/dates.hpp"
#include "feeds/parse.hpp"
#include "parse_test_support.hpp"

namespace feedagg::feeds {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

const fs::path fixtures = fs::path(FEEDAGG_SHARED_FIXTURES) / "feeds";

struct ManifestRow {
    std::string file;
    std::string format_dir;
};

std::vector<ManifestRow> manifest() {
    std::vector<ManifestRow> rows;
    std::istringstream lines(read_file(fixtures / "MANIFEST.tsv"));
    std::string line;
    std::getline(lines, line);  // header
    while (std::getline(lines, line)) {
        std::vector<std::string> columns;
        std::istringstream fields(line);
        for (std::string field; std::getline(fields, field, '\t');) columns.push_back(field);
        if (columns.size() >= 5) rows.push_back({columns[0], columns[4]});
    }
    return rows;
}

ParsedFeed parse_fixture(const std::string& name) {
    auto parsed = parse_feed(read_file(fixtures / name));
    if (!parsed) ADD_FAILURE() << name << ": " << parsed.error().message;
    return parsed ? std::move(parsed).value() : ParsedFeed{};
}

TEST(SharedFixtures, EveryFeedParsesWithEntries) {
    const auto rows = manifest();
    ASSERT_GE(rows.size(), 60u) << "MANIFEST.tsv not found under " << fixtures;
    for (const auto& row : rows) {
        if (row.format_dir == "xml") continue;  // plain XML samples, not feeds
        SCOPED_TRACE(row.file);
        const ParsedFeed parsed = parse_fixture(row.file);
        if (row.file ==
            "rss_2.0_invalid_1.xml") {  // cut off before its first item: the head is what there is
            EXPECT_EQ(parsed.feed.title, "Reuters: Most Read Articles");
            EXPECT_FALSE(parsed.warnings.empty());
            continue;
        }
        EXPECT_FALSE(parsed.feed.entries.empty());
        for (const Entry& entry : parsed.feed.entries) {
            EXPECT_TRUE(!entry.title.empty() || !entry.summary.empty() || !entry.content.empty() ||
                        !entry.link.empty());
            EXPECT_EQ(entry.content.find("<script"), std::string::npos);
        }
    }
}

TEST(SharedFixtures, PlainXmlSamplesAreRefusedOrReadAsWhatTheyAre) {
    EXPECT_FALSE(parse_feed(read_file(fixtures / "xml_sample_1.xml")));
    const ParsedFeed rdf = parse_fixture("xml_iso8859.xml");
    ASSERT_EQ(rdf.feed.entries.size(), 1u);
    EXPECT_EQ(rdf.feed.entries[0].title, "Digitalministerium: Neue Glasfaserförderung mit Schnellkasse");
}

TEST(SharedFixtures, DecodesIso8859DeclaredFeeds) {
    const ParsedFeed parsed = parse_fixture("rss_0.91_encoding_2.xml");
    EXPECT_EQ(parsed.feed.title, "Tribunal de Justiça do Estado do Rio Grande do Sul");
}

TEST(SharedFixtures, ResolvesRelativeUrlsInRelurlFeeds) {
    const ParsedFeed parsed = parse_fixture("rss_2.0_relurl_2.xml");
    ASSERT_FALSE(parsed.feed.entries.empty());
    for (const Entry& entry : parsed.feed.entries) {
        for (const Enclosure& enclosure : entry.enclosures) {
            EXPECT_TRUE(enclosure.url.starts_with("http")) << enclosure.url;
        }
    }
}

TEST(SharedFixtures, ResolvesContentAgainstXmlBase) {
    const ParsedFeed parsed = parse_fixture("atom_xml_base.xml");
    EXPECT_NE(parsed.feed.entries.at(0).content.find("https://numi.st/post/2022/travel-uke/IMG_1232.jpeg"),
              std::string::npos)
        << parsed.feed.entries.at(0).content;
}

TEST(SharedFixtures, ReadsTheRss20SpecExample) {
    const ParsedFeed parsed = parse_fixture("rss_2.0_spec_1.xml");
    EXPECT_EQ(parsed.format, Format::rss20);
    EXPECT_EQ(parsed.feed.title, "Scripting News");
    EXPECT_EQ(parsed.feed.link, "http://www.scripting.com/");
}

TEST(SharedFixtures, ReadsTheAtomSpecExample) {
    const ParsedFeed parsed = parse_fixture("atom_spec_1.xml");
    EXPECT_EQ(parsed.format, Format::atom10);
    EXPECT_EQ(parsed.feed.title, "Example Feed");
    ASSERT_EQ(parsed.feed.entries.size(), 1u);
    EXPECT_EQ(parsed.feed.entries[0].id, "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
    EXPECT_EQ(format_rfc3339(*parsed.feed.entries[0].updated), "2003-12-13T18:30:02Z");
}

TEST(SharedFixtures, ReadsTheJsonFeedSpecExample) {
    const ParsedFeed parsed = parse_fixture("jsonfeed_spec_1.json");
    EXPECT_EQ(parsed.format, Format::jsonfeed10);
    EXPECT_EQ(parsed.feed.title, "JSON Feed");
}

}  // namespace
}  // namespace feedagg::feeds
