#include "feeds/entry_id.hpp"

#include <gtest/gtest.h>

#include <string>

#include "feeds/writers.hpp"

namespace feedagg::feeds {
namespace {

Entry entry_with(std::string title, std::string content) {
    Entry entry;
    entry.title = std::move(title);
    entry.content = std::move(content);
    return entry;
}

TEST(EntryId, IsTheEntryIdFirst) {
    Entry entry = entry_with("t", "c");
    entry.id = "abc";
    entry.link = "https://example.com/1";
    EXPECT_EQ(stable_entry_id(entry), "abc");
}

TEST(EntryId, IsTheLinkWhenThereIsNoId) {
    Entry entry = entry_with("t", "c");
    entry.link = "https://example.com/1";
    EXPECT_EQ(stable_entry_id(entry), "https://example.com/1");
}

// Pinned: a change here renames every stored entry without id or link.
TEST(EntryId, IsAPinnedDigestOfTitleAndContentOtherwise) {
    EXPECT_EQ(stable_entry_id(entry_with("Title", "<p>Body</p>")),
              "urn:feedagg:entry:8023f3a59329fdf07fbdbba35b3ce37c");
    EXPECT_EQ(detail::content_digest({}), "6c62272e07bb014262b821756295c58d");  // FNV-1a 128 offset basis
    EXPECT_EQ(detail::content_digest({"a"}), "0880954530ab1be95aa0733055b72a59");
}

TEST(EntryId, IsTheSameForTheSameEntry) {
    EXPECT_EQ(stable_entry_id(entry_with("标题", "内容")), stable_entry_id(entry_with("标题", "内容")));
}

TEST(EntryId, DiffersWhenTitleOrContentDiffers) {
    const std::string id = stable_entry_id(entry_with("Title", "Body"));
    EXPECT_NE(id, stable_entry_id(entry_with("Title", "Body!")));
    EXPECT_NE(id, stable_entry_id(entry_with("Title!", "Body")));
    EXPECT_NE(stable_entry_id(entry_with("ab", "c")), stable_entry_id(entry_with("a", "bc")));
}

TEST(EntryId, UsesTheSummaryWhenThereIsNoContent) {
    Entry with_summary = entry_with("Title", "");
    with_summary.summary = "Summary";
    EXPECT_NE(stable_entry_id(with_summary), stable_entry_id(entry_with("Title", "")));
    EXPECT_EQ(stable_entry_id(with_summary), stable_entry_id(entry_with("Title", "Summary")));
}

TEST(EntryId, HandlesHugeAndBinaryInput) {
    std::string garbage(1 << 20, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) {
        garbage[i] = static_cast<char>(i * 31);
    }
    const std::string id = stable_entry_id(entry_with(garbage, garbage));
    EXPECT_EQ(id.size(), std::string("urn:feedagg:entry:").size() + 32);
    EXPECT_EQ(id, stable_entry_id(entry_with(garbage, garbage)));
}

}  // namespace
}  // namespace feedagg::feeds
