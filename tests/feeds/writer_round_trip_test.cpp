// What the writers write, the parser reads back: every field the format can carry survives.

#include <gtest/gtest.h>

#include <string>

#include "feeds/parse.hpp"
#include "feeds/writers.hpp"
#include "writer_samples.hpp"

namespace feedagg::feeds {
namespace {

using testing::normalized_feed;

Feed read_back(const std::string& document) {
    const Result<ParsedFeed> parsed = parse_feed(document);
    EXPECT_TRUE(parsed.has_value()) << (parsed ? "" : parsed.error().message) << "\n" << document;
    if (!parsed) {
        return {};
    }
    for (const std::string& warning : parsed->warnings) {
        ADD_FAILURE() << "warning: " << warning;
    }
    return parsed->feed;
}

void expect_common_fields(const Feed& read, const Feed& written) {
    EXPECT_EQ(read.title, written.title);
    EXPECT_EQ(read.link, written.link);
    EXPECT_EQ(read.self_link, written.self_link);
    EXPECT_EQ(read.description, written.description);
    EXPECT_EQ(read.language, written.language);
    EXPECT_EQ(read.image, written.image);
    ASSERT_EQ(read.entries.size(), written.entries.size());
    for (std::size_t i = 0; i < read.entries.size(); ++i) {
        SCOPED_TRACE("entry " + std::to_string(i));
        const Entry& got = read.entries[i];
        const Entry& want = written.entries[i];
        EXPECT_EQ(got.id, stable_entry_id(want));
        EXPECT_EQ(got.title, want.title);
        EXPECT_EQ(got.link, want.link);
        EXPECT_EQ(got.published, want.published);
        EXPECT_EQ(got.categories, want.categories);
        EXPECT_EQ(got.enclosures, want.enclosures);
        EXPECT_EQ(got.comments, want.comments);
        EXPECT_EQ(got.comment_count, want.comment_count);
        EXPECT_EQ(got.source_link, want.source_link);
    }
}

TEST(WriterRoundTrip, AtomReadsBackWhatWasWritten) {
    const Feed written = normalized_feed();
    const Feed read = read_back(write_atom(written));
    expect_common_fields(read, written);
    EXPECT_EQ(read.rights, written.rights);
    EXPECT_EQ(read.generator, written.generator);
    EXPECT_EQ(read.updated, written.updated);
    EXPECT_EQ(read.authors, written.authors);
    for (std::size_t i = 0; i < read.entries.size(); ++i) {
        SCOPED_TRACE("entry " + std::to_string(i));
        EXPECT_EQ(read.entries[i].summary, written.entries[i].summary);
        EXPECT_EQ(read.entries[i].content, written.entries[i].content);
        EXPECT_EQ(read.entries[i].source_title, written.entries[i].source_title);
    }
    EXPECT_EQ(read.entries[0].updated, written.entries[0].updated);
    EXPECT_EQ(read.entries[0].authors, written.entries[0].authors);
}

TEST(WriterRoundTrip, RssReadsBackWhatWasWritten) {
    const Feed written = normalized_feed();
    const Feed read = read_back(write_rss(written));
    expect_common_fields(read, written);
    EXPECT_EQ(read.rights, written.rights);
    EXPECT_EQ(read.generator, written.generator);
    EXPECT_EQ(read.updated, written.updated);
    const Entry& first = read.entries[0];
    EXPECT_EQ(first.updated, written.entries[0].updated);
    EXPECT_EQ(first.summary, written.entries[0].summary);
    EXPECT_EQ(first.content, written.entries[0].content);
    EXPECT_EQ(first.authors, written.entries[0].authors);
    EXPECT_EQ(first.source_title, written.entries[0].source_title);
}

TEST(WriterRoundTrip, JsonFeedReadsBackWhatWasWritten) {
    const Feed written = normalized_feed();
    const Feed read = read_back(write_json_feed(written));
    expect_common_fields(read, written);
    for (std::size_t i = 0; i < read.entries.size(); ++i) {
        SCOPED_TRACE("entry " + std::to_string(i));
        EXPECT_EQ(read.entries[i].updated, written.entries[i].updated);
        EXPECT_EQ(read.entries[i].source_title, written.entries[i].source_title);
    }
    EXPECT_EQ(read.entries[0].content, written.entries[0].content);
    EXPECT_EQ(read.entries[0].authors, written.entries[0].authors);
}

TEST(WriterRoundTrip, JsonFeedRestoresEverythingFromItsExtension) {
    Feed written = normalized_feed();
    for (Entry& entry : written.entries) {
        entry.id = stable_entry_id(entry);
    }
    Feed read = read_back(write_json_feed(written));
    for (Entry& entry : read.entries) {
        entry.links.clear();  // the reader lists the article link and enclosures there too
    }
    EXPECT_EQ(read, written) << "read:    " << write_json_feed(read)
                             << "\nwritten: " << write_json_feed(written);
}

}  // namespace
}  // namespace feedagg::feeds
