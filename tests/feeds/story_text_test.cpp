#include <gtest/gtest.h>

#include <string>

#include "feeds/story.hpp"
#include "feeds/story_tokens.hpp"

namespace feedagg::feeds {
namespace {

TEST(StoryText, FoldsWidthAndCaseAndDropsPunctuation) {
    EXPECT_EQ(normalize_story_text("ＡＢＣ，１２３！"), "abc 123");
    EXPECT_EQ(normalize_story_text("Workers' Union — STRIKE ends."), "workers union strike ends");
}

TEST(StoryText, WritesCjkWithoutSeparatorsAndWordsWithOne) {
    EXPECT_EQ(normalize_story_text("全国  总工会，\n召开 会议"), "全国总工会召开会议");
    EXPECT_EQ(normalize_story_text("第3届 AI 技能大赛"), "第3届ai技能大赛");
    EXPECT_EQ(normalize_story_text("one\ntwo"), "one two");
}

TEST(StoryText, KeepsDigitsAndCjkNumerals) {
    EXPECT_EQ(normalize_story_text("劳模风采（第二期）"), "劳模风采第二期");
    EXPECT_EQ(normalize_story_text("Part 2: the talks"), "part 2 the talks");
}

TEST(StoryText, DropsSourceEditorAndReporterLines) {
    const std::string repost =
        "来源：工人日报\n"
        "【来源：中工网】\n"
        "本报讯 市总工会日前表彰了一批劳动模范。\n"
        "记者 张三 通讯员 李四\n"
        "责任编辑：王五\n"
        "Originally published by The Daily Worker.\n"
        "Photo: Jane Roe\n";
    EXPECT_EQ(normalize_story_text(repost), "本报讯市总工会日前表彰了一批劳动模范");
}

TEST(StoryText, KeepsContentThatStartsLikeACredit) {
    EXPECT_EQ(normalize_story_text("记者从市总工会获悉，今年共有三百名职工获得帮扶。"),
              "记者从市总工会获悉今年共有三百名职工获得帮扶");
}

TEST(StoryText, DropsWidgetAndCopyrightLines) {
    const std::string page =
        "职工技能大赛开幕。\n"
        "【打印】【关闭窗口】\n"
        "扫一扫在手机打开当前页\n"
        "版权所有 © 某某市总工会 京ICP备12345号\n"
        "Share this article\n"
        "Copyright 2025 Example News. All rights reserved.\n";
    EXPECT_EQ(normalize_story_text(page), "职工技能大赛开幕");
}

// A phrase never starts at a UTF-8 continuation byte; one after a broken character is still found.
TEST(StoryText, FindsCopyrightPhrasesAfterInvalidUtf8) {
    EXPECT_TRUE(detail::is_boilerplate_line("\xE4版权所有 工人日报社", {}));
    EXPECT_TRUE(detail::is_boilerplate_line("\x80\xBF© 2025 工人日报社", {}));
    EXPECT_TRUE(detail::is_boilerplate_line("x\xE4" "copyright 2025", {}));
    EXPECT_FALSE(detail::is_boilerplate_line("\xE4职工技能大赛在全市范围内举行，一千余名职工参加了比赛", {}));
}

TEST(StoryText, DropsDatelines) {
    EXPECT_EQ(normalize_story_text("Posted on March 27, 2025 by admin\nUnion wins."), "union wins");
    EXPECT_EQ(normalize_story_text("2025年04月18日 09:12\n工会帮扶。"), "工会帮扶");
    EXPECT_EQ(normalize_story_text("2025-04-18 09:12 来源：中工网 作者：李明\n工会帮扶。"), "工会帮扶");
    EXPECT_EQ(normalize_story_text("2025年共帮扶职工3000人。"), "2025年共帮扶职工3000人");
}

TEST(StoryText, DropsPhotoCaptions) {
    EXPECT_EQ(normalize_story_text("<p>图为比赛现场。</p><p>大赛开幕。</p>"), "大赛开幕");
    EXPECT_EQ(
        normalize_story_text("<figure><img src=a.jpg><figcaption>Crowds at the rally.</figcaption></figure>"
                             "<p>Workers rallied.</p>"),
        "workers rallied");
}

TEST(StoryText, ReadsHtmlBlocksAsLines) {
    EXPECT_EQ(normalize_story_text("<p>工会<b>帮扶</b>行动</p><p>来源：工人日报</p><script>x()</script>"
                                   "<p>A&amp;B</p>"),
              "工会帮扶行动a b");
}

TEST(StoryText, DropsLinesHoldingAConfiguredSubstring) {
    const std::string text = "正文第一段。\n本站编号：XJ-2025-001\n正文第二段。";
    EXPECT_EQ(normalize_story_text(text, {"本站编号"}), "正文第一段正文第二段");
    EXPECT_EQ(normalize_story_text("Body.\nSPONSORED CONTENT here", {"Sponsored content"}), "body");
}

TEST(StoryText, ConfiguredPatternsAreNotRegexes) {
    EXPECT_EQ(normalize_story_text("a.b line\nkept", {"(a+)+$"}), "a b line kept");
}

TEST(StoryTitle, DropsRepostMarksAndSiteNames) {
    EXPECT_EQ(normalize_story_title("【转载】全国职工技能大赛开幕 - 工人日报"), "全国职工技能大赛开幕");
    EXPECT_EQ(normalize_story_title("转：全国职工技能大赛开幕——中工网"), "全国职工技能大赛开幕");
    EXPECT_EQ(normalize_story_title("Union wins pay deal | Riverside Gazette"), "union wins pay deal");
    EXPECT_EQ(normalize_story_title("Fwd: Union wins pay deal"), "union wins pay deal");
}

TEST(StoryTitle, DropsTheSiteNameAfterTheLastSeparator) {
    EXPECT_EQ(normalize_story_title("全市职工技能大赛 | 工会|中工网"), "全市职工技能大赛");
    EXPECT_EQ(normalize_story_title("全市职工技能大赛———中工网"), "全市职工技能大赛");
    EXPECT_EQ(normalize_story_title("全市职工技能大赛_工人日报 - 中工网"), "全市职工技能大赛");
}

TEST(StoryTitle, KeepsASuffixThatCarriesANumber) {
    EXPECT_EQ(normalize_story_title("Budget talks - Part 2"), "budget talks part 2");
    EXPECT_EQ(normalize_story_title("劳模风采——第一期"), "劳模风采第一期");
    EXPECT_EQ(normalize_story_title("【第二期】劳模风采"), "第二期劳模风采");
}

TEST(StoryText, HostileInputNeverFails) {
    EXPECT_EQ(normalize_story_text(""), "");
    EXPECT_EQ(normalize_story_title(""), "");
    EXPECT_EQ(normalize_story_text("，。！？…… !!! ---"), "");
    EXPECT_EQ(normalize_story_text("<<<<>>>></p><"), "");
    const std::string invalid = "ab\xFF\xFE\xC3(cd\xE4\xB8";
    const std::string normalized = normalize_story_text(invalid);
    EXPECT_NE(normalized.find("ab"), std::string::npos);
    EXPECT_NE(normalized.find("cd"), std::string::npos);
    std::string binary;
    for (int i = 0; i < 4096; ++i) binary += static_cast<char>(i * 7919 % 256);
    normalize_story_text(binary);
    normalize_story_title(binary);
}

TEST(StoryText, ReadsOnlyTheFirst256KiBOfAHugeText) {
    std::string huge;
    while (huge.size() < 20u * 1024 * 1024) huge += "工会帮扶困难职工。Workers get help. ";
    const std::string normalized = normalize_story_text(huge);
    EXPECT_GT(normalized.size(), 100u * 1024);
    EXPECT_LT(normalized.size(), 256u * 1024);
}

}  // namespace
}  // namespace feedagg::feeds
