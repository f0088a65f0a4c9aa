#include "daemon/service/stories.hpp"

#include <gtest/gtest.h>

namespace feedagg::service {
namespace {

feeds::Timestamp at(long seconds) {
    return feeds::Timestamp(std::chrono::seconds(seconds));
}

store::StoredItem item(std::int64_t id, std::int64_t story, std::string source, std::string content,
                       long published, long first_seen) {
    store::StoredItem made;
    made.id = id;
    made.story = story;
    made.source = std::move(source);
    made.entry.id = "id-" + std::to_string(id);
    made.entry.title = "Title " + std::to_string(id);
    made.entry.link = "https://" + made.source + ".example.cn/" + std::to_string(id) + ".html";
    made.entry.content = std::move(content);
    made.entry.published = at(published);
    made.sort_time = at(published);
    made.first_seen = at(first_seen);
    return made;
}

const Publishers publishers = {
    {"daily", {"Workers' Daily", 10}}, {"district", {"District union", 0}}, {"city", {"City union", 0}}};

TEST(FoldStories, OneEntryPerStoryLedByTheHighestPriorityPublisher) {
    const std::vector<store::StoredItem> items = {
        item(3, 1, "district", "<p>Short repost.</p>", 300, 300),
        item(2, 2, "city", "<p>Another story.</p>", 250, 250),
        item(1, 1, "district", "<p>First seen here.</p>", 100, 100),
        item(4, 1, "daily", "<p>The original.</p>", 200, 400),
    };
    const auto folded = fold_stories(items, publishers);
    ASSERT_EQ(folded.size(), 2u);
    const store::StoredItem& story = folded[1].story == 1 ? folded[1] : folded[0];
    EXPECT_EQ(story.source, "daily");
    EXPECT_EQ(story.entry.id, "id-1");  // the first item seen: stable as reposts join
    EXPECT_NE(story.entry.content.find("The original."), std::string::npos);
    EXPECT_NE(story.entry.content.find("Also published by <a href=\"https://district.example.cn/"),
              std::string::npos)
        << story.entry.content;
    EXPECT_EQ(story.entry.content.find(
                  "Also published by <a href=\"https://district.example.cn/3.html\">District union</a>, <a"),
              std::string::npos)
        << "each publisher is credited once";
    std::size_t related = 0;
    for (const feeds::Link& link : story.entry.links) related += link.rel == "related";
    EXPECT_EQ(related, 2u);
}

TEST(FoldStories, WithoutPrioritiesTheEarliestPublishedLeads) {
    const auto folded = fold_stories(
        {item(5, 5, "city", "<p>a</p>", 500, 500), item(6, 5, "district", "<p>b</p>", 400, 600)}, publishers);
    ASSERT_EQ(folded.size(), 1u);
    EXPECT_EQ(folded[0].source, "district");
    EXPECT_EQ(folded[0].entry.id, "id-5");
}

TEST(FoldStories, AMarkedlyLongerRepostReplacesTheTextAndMovesUpdated) {
    const std::string longer = "<p>" + std::string(400, 'x') + "</p>";
    const auto folded = fold_stories(
        {item(1, 1, "daily", "<p>Summary only.</p>", 100, 100), item(2, 1, "city", longer, 150, 900)},
        publishers);
    ASSERT_EQ(folded.size(), 1u);
    EXPECT_EQ(folded[0].source, "daily");
    EXPECT_NE(folded[0].entry.content.find(std::string(400, 'x')), std::string::npos);
    ASSERT_TRUE(folded[0].entry.updated);
    EXPECT_EQ(*folded[0].entry.updated, at(900));
}

TEST(FoldStories, ChineseChannelsCreditInChinese) {
    const auto folded = fold_stories(
        {item(1, 1, "daily", "<p>原文</p>", 100, 100), item(2, 1, "city", "<p>转载</p>", 150, 150)},
        publishers, "zh-CN");
    ASSERT_EQ(folded.size(), 1u);
    EXPECT_NE(folded[0].entry.content.find("同时发布于："), std::string::npos) << folded[0].entry.content;
}

TEST(FoldStories, ItemsAloneInTheirStoryAreUnchanged) {
    const store::StoredItem alone = item(7, 7, "city", "<p>alone</p>", 100, 100);
    const auto folded = fold_stories({alone}, publishers);
    ASSERT_EQ(folded.size(), 1u);
    EXPECT_EQ(folded[0].entry, alone.entry);
}

TEST(StoryRules, SeparateFromBecomesKeptApartPairs) {
    config::Config config;
    config.stories.text_containment = 0.8;
    config::Source a;
    a.name = "a";
    a.separate_from = {"b"};
    config.sources = {a};
    const store::StoryRules rules = story_rules(config);
    EXPECT_DOUBLE_EQ(rules.thresholds.text_containment, 0.8);
    ASSERT_EQ(rules.kept_apart.size(), 1u);
    EXPECT_EQ(rules.kept_apart[0], (std::pair<std::string, std::string>{"a", "b"}));
}

}  // namespace
}  // namespace feedagg::service
