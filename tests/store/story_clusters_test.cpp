// Stories across sources in a real SQLite file: a repost joins the original's story, sources kept
// apart never merge, and the match index comes back after a restart.
#include <gtest/gtest.h>

#include "daemon/store/store.hpp"
#include "feeds/story.hpp"
#include "tests/store/store_test_support.hpp"

namespace feedagg::store {
namespace {

using testing::at;
using testing::TempDirectory;

const std::string original_text =
    "<p>本报讯 5月16日，市总工会召开2024年劳动模范表彰大会，授予120名职工市劳动模范称号，表彰30个先进集体。"
    "会议指出，劳动模范是民族的精英、人民的楷模，各级工会要大力弘扬劳模精神、劳动精神、工匠精神。</p>"
    "<p>会上，5名劳模代表作了发言。来自制造业一线的高级技师李明说，将继续带好徒弟，把技术传下去。"
    "市总工会还宣布，今年将投入800万元用于劳模疗休养和困难劳模帮扶。</p>";

feeds::Entry entry(std::string id, std::string title, std::string link, std::string content) {
    feeds::Entry made;
    made.id = std::move(id);
    made.title = std::move(title);
    made.link = std::move(link);
    made.content = std::move(content);
    return made;
}

PollOutcome poll_with_keys(std::string source, std::vector<feeds::Entry> entries) {
    PollOutcome outcome = testing::poll_of(std::move(source), std::move(entries));
    for (const feeds::Entry& e : outcome.entries)
        outcome.story_keys.push_back(feeds::story_keys(e.title, e.content, e.link));
    return outcome;
}

feeds::Entry repost() {
    return entry("r1", "【转载】市总工会表彰120名劳动模范", "https://district.example.cn/a/9.html",
                 "<p>来源：工人日报</p>" + original_text + "<p>责任编辑：王五</p>");
}

feeds::Entry second_repost() {
    return entry("u1", "转：市总工会表彰120名劳动模范", "https://union.example.cn/b/3.html",
                 original_text + "<p>版权所有：市总工会</p>");
}

PollOutcome original_poll() {
    return poll_with_keys("daily", {entry("o1", "市总工会表彰120名劳动模范",
                                          "https://daily.example.cn/1.html", original_text)});
}

PollOutcome unrelated_poll() {
    return poll_with_keys(
        "daily", {entry("o2", "区总工会开展安全生产检查", "https://daily.example.cn/2.html",
                        "<p>区总工会联合应急管理部门对辖区企业开展安全生产大检查，重点检查消防通道。</p>")});
}

std::vector<StoredItem> all_items(Store& store) {
    ItemQuery query;
    query.limit = 100;
    return store.items(query);
}

const StoredItem& find(const std::vector<StoredItem>& items, const std::string& source) {
    return *std::find_if(items.begin(), items.end(),
                         [&](const StoredItem& item) { return item.source == source; });
}

TEST(StoryClusters, ARepostJoinsTheOriginalsStoryWithReasonAndScore) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    store->set_story_rules({});
    store->record_poll(
        poll_with_keys("daily", {entry("o1", "市总工会表彰120名劳动模范 30个先进集体受表彰",
                                       "https://daily.example.cn/2024/0517/1.html", original_text)}),
        at(100));
    store->record_poll(poll_with_keys("district", {repost()}), at(200));
    store->record_poll(
        poll_with_keys(
            "district",
            {entry("r2", "区总工会开展安全生产检查", "https://district.example.cn/a/10.html",
                   "<p>区总工会联合应急管理部门对辖区企业开展安全生产大检查，重点检查消防通道。</p>")}),
        at(300));

    const auto items = all_items(*store);
    ASSERT_EQ(items.size(), 3u);
    const StoredItem& original = find(items, "daily");
    EXPECT_EQ(original.story, original.id);
    EXPECT_EQ(original.story_reason, "");
    const auto reposted =
        std::find_if(items.begin(), items.end(), [](const StoredItem& i) { return i.entry.id == "r1"; });
    EXPECT_EQ(reposted->story, original.id);
    EXPECT_EQ(reposted->story_reason, "text");
    EXPECT_GE(reposted->story_score, 0.9);
    const auto other =
        std::find_if(items.begin(), items.end(), [](const StoredItem& i) { return i.entry.id == "r2"; });
    EXPECT_EQ(other->story, other->id);

    const auto merged = store->merged_stories(10);
    ASSERT_EQ(merged.size(), 2u);
    EXPECT_EQ(merged[0].id, original.id);
    EXPECT_EQ(merged[1].entry.id, "r1");
}

TEST(StoryClusters, SourcesKeptApartNeverMerge) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    StoryRules rules;
    rules.kept_apart = {{"district", "daily"}};
    store->set_story_rules(rules);
    store->record_poll(poll_with_keys("daily", {entry("o1", "市总工会表彰120名劳动模范",
                                                      "https://daily.example.cn/1.html", original_text)}),
                       at(100));
    store->record_poll(poll_with_keys("district", {repost()}), at(200));
    const auto items = all_items(*store);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_NE(items[0].story, items[1].story);
    EXPECT_TRUE(store->merged_stories(10).empty());
}

TEST(StoryClusters, MatchingOffGivesEveryItemItsOwnStory) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    StoryRules rules;
    rules.enabled = false;
    store->set_story_rules(rules);
    store->record_poll(
        poll_with_keys("daily", {entry("o1", "t", "https://daily.example.cn/1.html", original_text)}),
        at(100));
    store->record_poll(poll_with_keys("district", {repost()}), at(200));
    const auto items = all_items(*store);
    EXPECT_NE(items[0].story, items[1].story);
}

TEST(StoryClusters, TheIndexIsRebuiltFromTheFileAfterARestart) {
    TempDirectory directory;
    {
        auto store = open_sqlite_store(directory.database());
        store->set_story_rules({});
        store->record_poll(poll_with_keys("daily", {entry("o1", "市总工会表彰120名劳动模范",
                                                          "https://daily.example.cn/1.html", original_text)}),
                           at(100));
    }
    auto reopened = open_sqlite_store(directory.database());
    reopened->set_story_rules({});
    reopened->record_poll(poll_with_keys("district", {repost()}), at(200));
    const auto items = all_items(*reopened);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].story, items[1].story);
    EXPECT_EQ(testing::integrity_check(directory.database()), "ok");
}

TEST(StoryClusters, OnlyTheNewestIndexedItemsAreComparedWith) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    StoryRules rules;
    rules.indexed_items = 1;
    store->set_story_rules(rules);
    store->record_poll(poll_with_keys("daily", {entry("o1", "市总工会表彰120名劳动模范",
                                                      "https://daily.example.cn/1.html", original_text)}),
                       at(100));
    store->record_poll(
        poll_with_keys(
            "daily",
            {entry("o2", "区总工会开展安全生产检查", "https://daily.example.cn/2.html",
                   "<p>区总工会联合应急管理部门对辖区企业开展安全生产大检查，重点检查消防通道。</p>")}),
        at(200));
    store->record_poll(poll_with_keys("district", {repost()}), at(300));
    EXPECT_TRUE(store->merged_stories(10).empty());  // the original had left the index
}

TEST(StoryClusters, ItemsStoredWhileMatchingWasOffAreMatchedOnceItIsBackOn) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    store->set_story_rules({});
    StoryRules off;
    off.enabled = false;
    store->set_story_rules(off);
    store->record_poll(original_poll(), at(100));
    store->set_story_rules({});
    store->record_poll(poll_with_keys("district", {repost()}), at(200));
    const auto items = all_items(*store);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].story, items[1].story);
}

TEST(StoryClusters, AnItemRetentionDeletedIsNoLongerMatched) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    store->set_story_rules({});
    store->record_poll(original_poll(), at(100));
    ASSERT_EQ(store->apply_retention({{"daily", 0, std::nullopt}}, {}, at(150)), 1u);
    store->record_poll(poll_with_keys("district", {repost()}), at(200));
    const auto items = all_items(*store);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].story, items[0].id);
    EXPECT_EQ(items[0].story_reason, "");
}

TEST(StoryClusters, AStoryOutlivesItsFirstItemThroughItsMembers) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    store->set_story_rules({});
    store->record_poll(original_poll(), at(100));
    store->record_poll(poll_with_keys("district", {repost()}), at(200));
    ASSERT_EQ(store->apply_retention({{"daily", 0, std::nullopt}}, {}, at(250)), 1u);
    store->record_poll(poll_with_keys("union", {second_repost()}), at(300));
    const auto items = all_items(*store);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].story, items[1].story);  // the first item's id, though its row is gone
}

TEST(StoryClusters, AfterARestartAMemberStillLeadsToItsStorysFirstItem) {
    TempDirectory directory;
    StoryRules rules;
    rules.indexed_items = 2;
    {
        auto store = open_sqlite_store(directory.database());
        store->set_story_rules(rules);
        store->record_poll(original_poll(), at(100));
        store->record_poll(poll_with_keys("district", {repost()}), at(200));
        store->record_poll(unrelated_poll(), at(300));
    }
    // The index holds the repost and the unrelated item; the original is read from its row.
    auto reopened = open_sqlite_store(directory.database());
    reopened->set_story_rules(rules);
    reopened->record_poll(poll_with_keys("union", {second_repost()}), at(400));
    const auto items = all_items(*reopened);
    const StoredItem& original =
        *std::find_if(items.begin(), items.end(), [](const StoredItem& i) { return i.entry.id == "o1"; });
    EXPECT_EQ(find(items, "district").story, original.id);
    EXPECT_EQ(find(items, "union").story, original.id);
}

TEST(StoryClusters, ItemsWithoutKeysStandAlone) {
    TempDirectory directory;
    auto store = open_sqlite_store(directory.database());
    store->set_story_rules({});
    store->record_poll(testing::poll_of("daily", {entry("o1", "same", "https://a.example/1", original_text)}),
                       at(100));
    store->record_poll(
        testing::poll_of("district", {entry("o2", "same", "https://a.example/1", original_text)}), at(200));
    const auto items = all_items(*store);
    EXPECT_NE(items[0].story, items[1].story);
}

}  // namespace
}  // namespace feedagg::store
