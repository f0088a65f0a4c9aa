#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "feeds/story.hpp"

namespace feedagg::feeds {
namespace {

const std::string kStory =
    "本报讯 3月5日，市总工会在市职工服务中心召开全市职工技能大赛动员会。会议总结了去年大赛的组织情况，"
    "部署了今年的赛项安排。今年大赛设置焊工、电工、数控车工、养老护理员等十二个赛项，预计参赛职工超过八千人。"
    "\n"
    "市总工会负责人表示，技能大赛是培养高技能人才的重要平台，各级工会要把大赛与岗位练兵结合起来，"
    "让更多一线职工在比赛中提升本领。获得各赛项第一名的选手，将按规定申报市五一劳动奖章。\n"
    "会上，五家企业工会代表作了交流发言，介绍了以赛促学、以赛促训的做法。";

const std::string kOtherStory =
    "本报讯 3月5日，市总工会启动今年的困难职工帮扶专项行动。行动期间，各级工会将走访慰问困难职工家庭，"
    "为因病、因灾致困的职工发放帮扶资金，并为下岗职工提供免费职业培训和岗位推荐。\n"
    "市总工会负责人介绍，去年全市工会共筹集帮扶资金两千余万元，惠及困难职工一万三千多人次。"
    "今年将进一步完善困难职工档案，实现精准帮扶、动态管理。";

TEST(StoryMatch, SameCanonicalLinkMatches) {
    const auto a = story_keys("标题甲", "", "https://www.example.cn/news/1.html?utm_source=x");
    const auto b = story_keys("标题乙", "", "https://WWW.example.cn/news/1.html");
    const StoryMatch match = match_stories(a, b);
    EXPECT_TRUE(match.matched);
    EXPECT_EQ(to_string(match.reason), "link");
}

TEST(StoryMatch, AHomePageLinkIsNoArticle) {
    const auto a = story_keys("标题甲", "", "https://www.example.cn/");
    const auto b = story_keys("标题乙", "", "https://www.example.cn");
    EXPECT_FALSE(match_stories(a, b).matched);
}

TEST(StoryMatch, TruncatedRepostWithBoilerplateMatchesOnText) {
    const std::string repost =
        "来源：工人日报\n责任编辑：李四\n" + kStory.substr(0, kStory.find("市总工会负责人"));
    const StoryMatch match =
        match_stories(story_keys("全市职工技能大赛动员会召开", kStory, "https://a.example/1"),
                      story_keys("技能大赛动员会举行", repost, "https://b.example/2"));
    EXPECT_TRUE(match.matched);
    EXPECT_EQ(match.reason, MatchReason::text);
    EXPECT_GE(match.score, 0.9);
}

TEST(StoryMatch, SameDaySameTopicStoriesDoNotMatch) {
    EXPECT_FALSE(match_stories(story_keys("技能大赛动员会召开", kStory, "https://a.example/1"),
                               story_keys("困难职工帮扶行动启动", kOtherStory, "https://a.example/2"))
                     .matched);
}

TEST(StoryMatch, EqualSpecificTitlesMatchWithoutText) {
    const StoryMatch match =
        match_stories(story_keys("全市职工技能大赛动员会召开 - 工人日报", "", "https://a.example/1"),
                      story_keys("【转载】全市职工技能大赛动员会召开", "", "https://b.example/9"));
    EXPECT_TRUE(match.matched);
    EXPECT_EQ(match.reason, MatchReason::title);
}

TEST(StoryMatch, GenericOrShortTitlesDoNotMatchAlone) {
    EXPECT_FALSE(match_stories(story_keys("通知", "", "https://a.example/1"),
                               story_keys("通知", "", "https://b.example/2"))
                     .matched);
    EXPECT_FALSE(match_stories(story_keys("Press release", "", "https://a.example/1"),
                               story_keys("Press Release", "", "https://b.example/2"))
                     .matched);
}

TEST(StoryMatch, EqualTitlesOverDifferentTextsDoNotMatch) {
    EXPECT_FALSE(match_stories(story_keys("关于开展职工疗休养工作的通知", kStory, "https://a.example/1"),
                               story_keys("关于开展职工疗休养工作的通知", kOtherStory, "https://b.example/2"))
                     .matched);
}

TEST(StoryMatch, SeriesNumbersInTitlesBlockAMatch) {
    EXPECT_FALSE(match_stories(story_keys("劳模风采（第一期）", "", "https://a.example/1"),
                               story_keys("劳模风采（第二期）", "", "https://a.example/2"))
                     .matched);
    EXPECT_FALSE(match_stories(story_keys("Union history, Part 1", "", "https://a.example/1"),
                               story_keys("Union history, Part 2", "", "https://a.example/2"))
                     .matched);
}

TEST(StoryMatch, TitlesWithDifferentNumbersNeedNearlyEqualTexts) {
    std::string next_year = kStory;
    next_year.replace(next_year.find("八千"), 6, "九千");
    next_year.replace(next_year.find("十二"), 6, "十五");
    const auto a = story_keys("二〇二四年职工技能大赛动员会召开", kStory, "https://a.example/1");
    const auto b = story_keys("二〇二五年职工技能大赛动员会召开", next_year, "https://a.example/2");
    EXPECT_FALSE(match_stories(a, b).matched);
    const auto same_numbers =
        story_keys("二〇二四年职工技能大赛动员会召开", next_year, "https://b.example/2");
    EXPECT_TRUE(match_stories(a, same_numbers).matched) << match_stories(a, same_numbers).score;
}

TEST(StoryMatch, OneLineTextsCannotMatchOnText) {
    EXPECT_FALSE(match_stories(story_keys("甲", "点击查看详情", "https://a.example/1"),
                               story_keys("乙", "点击查看详情", "https://b.example/2"))
                     .matched);
}

TEST(StoryMatch, IsSymmetric) {
    const auto a = story_keys("技能大赛", kStory, "https://a.example/1");
    const auto b = story_keys("大赛", kStory.substr(0, kStory.size() / 2 / 3 * 3), "https://b.example/2");
    EXPECT_EQ(match_stories(a, b).matched, match_stories(b, a).matched);
    EXPECT_DOUBLE_EQ(match_stories(a, b).score, match_stories(b, a).score);
}

TEST(StoryMatch, HostileItemsNeverFail) {
    std::string binary;
    for (int i = 0; i < 8192; ++i) binary += static_cast<char>((i * 7919 + 13) % 256);
    std::string huge;
    while (huge.size() < 20u * 1024 * 1024) huge += kStory;
    const std::vector<StoryKeys> items = {
        story_keys("", "", ""),
        story_keys("，。！？", "，。！？……", "not a url"),
        story_keys(binary, binary, binary),
        story_keys("第\xE4\xB8", kStory.substr(0, 100) + "\xE4\xB8", "https://a.example/\xFF"),
        story_keys("第九九九九九九九九九九九九九九九九九九九九九九九九期", "第一百零五万三千期",
                   "https://a.example/1"),
        story_keys("劳模风采", huge, "https://a.example/2"),
    };
    StoryIndex index;
    for (std::size_t i = 0; i < items.size(); ++i) {
        for (std::size_t j = 0; j < items.size(); ++j) match_stories(items[i], items[j]);
        index.candidates(items[i]);
        index.add(static_cast<std::int64_t>(i), items[i]);
    }
    EXPECT_TRUE(match_stories(items[5], story_keys("x", kStory, "")).matched);
    for (std::size_t cut = 0; cut <= kStory.size(); cut += 7) {
        match_stories(story_keys(kStory.substr(0, cut), kStory.substr(cut), ""), items[5]);
    }
}

TEST(StoryIndex, FindsAnItemByLinkTitleOrText) {
    StoryIndex index;
    index.add(1, story_keys("全市职工技能大赛动员会召开", kStory, "https://a.example/1"));
    index.add(2, story_keys("困难职工帮扶行动启动", kOtherStory, "https://a.example/2"));
    EXPECT_EQ(index.size(), 2u);
    const auto by_link = index.candidates(story_keys("x", "", "https://a.example/2?utm_medium=rss"));
    ASSERT_FALSE(by_link.empty());
    EXPECT_EQ(by_link.front(), 2);
    const auto by_title = index.candidates(story_keys("【转载】全市职工技能大赛动员会召开", "", ""));
    ASSERT_FALSE(by_title.empty());
    EXPECT_EQ(by_title.front(), 1);
    const auto by_text = index.candidates(story_keys("y", kOtherStory.substr(0, 150), ""));
    ASSERT_FALSE(by_text.empty());
    EXPECT_EQ(by_text.front(), 2);
}

TEST(StoryIndex, RemovedIdsAreNoCandidates) {
    StoryIndex index;
    index.add(7, story_keys("全市职工技能大赛动员会召开", kStory, "https://a.example/1"));
    index.add(7, story_keys("技能大赛动员会", kStory, "https://b.example/1"));
    index.remove(7);
    EXPECT_EQ(index.size(), 0u);
    EXPECT_TRUE(
        index.candidates(story_keys("全市职工技能大赛动员会召开", kStory, "https://a.example/1")).empty());
    index.remove(7);
    index.remove(12345);
}

// Twenty items share every text key, so each of those keys is common and weighs one; one of them
// also has the query's link, a rare exact key. That one comes first, then the others by weight
// and, weights being equal, the newest (largest) id first, cut at kMaxCandidates.
TEST(StoryIndex, RanksAnExactKeyFirstThenByWeightThenByNewestId) {
    StoryIndex index;
    for (int id = 1; id <= 20; ++id) index.add(id, story_keys("", kStory, ""));
    index.add(100, story_keys("", kStory, "https://a.example/only-here"));
    const auto found = index.candidates(story_keys("", kStory, "https://a.example/only-here"));
    std::vector<std::int64_t> expected = {100};
    for (std::int64_t id = 20; expected.size() < StoryIndex::kMaxCandidates; --id) expected.push_back(id);
    EXPECT_EQ(found, expected);
}

TEST(StoryIndex, KeepsOnlyTheNewestPostingsOfAKeyEveryoneShares) {
    StoryIndex index;
    for (int id = 0; id < 1000; ++id) index.add(id, story_keys("通知", "", "https://a.example/notice"));
    const auto found = index.candidates(story_keys("通知", "", "https://a.example/notice"));
    EXPECT_FALSE(found.empty());
    EXPECT_LE(found.size(), StoryIndex::kMaxCandidates);
    for (std::int64_t id : found) EXPECT_GE(id, 1000 - static_cast<std::int64_t>(StoryIndex::kMaxPostings));
}

TEST(StoryIndex, OneCommonKeyAloneProposesNothing) {
    StoryIndex index;
    for (int id = 0; id < 100; ++id) index.add(id, story_keys("通知", "", ""));
    index.add(500, story_keys("通知", "", "https://a.example/only-here"));
    EXPECT_TRUE(index.candidates(story_keys("通知", "", "")).empty());
    const auto found = index.candidates(story_keys("通知", "", "https://a.example/only-here"));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found.front(), 500);
}

TEST(StoryIndex, GrowsAndStillFindsEveryItem) {
    StoryIndex index;
    for (int id = 0; id < 20000; ++id) {
        index.add(id, story_keys("Item number " + std::to_string(id), "",
                                 "https://a.example/" + std::to_string(id)));
    }
    for (int id = 0; id < 20000; id += 997) {
        const auto found = index.candidates(story_keys("", "", "https://a.example/" + std::to_string(id)));
        ASSERT_FALSE(found.empty());
        EXPECT_EQ(found.front(), id);
    }
    EXPECT_GT(index.memory_bytes(), 0u);
}

}  // namespace
}  // namespace feedagg::feeds
