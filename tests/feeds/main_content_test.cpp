#include "feeds/main_content.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "feeds/main_content_detail.hpp"

namespace feedagg::feeds {
namespace {

const std::string chinese_paragraph =
    "市总工会今年在全市建成了一批户外劳动者服务站，为环卫工人、快递员和外卖骑手提供饮水、休息和充电服务，"
    "受到职工的普遍欢迎。";
const std::string english_paragraph =
    "The council approved the plan on Tuesday, after a long debate about costs, routes and schedules. "
    "Residents who spoke at the meeting said the new buses would cut their commutes by half.";

std::string page(const std::string& head, const std::string& body) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body>" + body +
           "</body></html>";
}

std::string paragraphs(const std::string& text, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) out += "<p>" + text + "</p>";
    return out;
}

std::string link_list(int count, const std::string& title) {
    std::string out = "<ul>";
    for (int i = 0; i < count; ++i)
        out += "<li><a href=\"/n/" + std::to_string(i) + "\">" + title + "</a></li>";
    return out + "</ul>";
}

std::optional<MainContent> extract(const std::string& html) {
    return extract_main_content(parse_html_page(html));
}

TEST(MainContentText, CountsChineseLengthInCodePointsWithoutSpaces) {
    EXPECT_EQ(detail::count_visible_code_points("工会 新闻\u3000ab\u00a0c\n"), 7u);
    EXPECT_EQ(detail::count_visible_code_points(""), 0u);
}

TEST(MainContentText, CountsChineseAndAsciiPunctuation) {
    EXPECT_EQ(detail::count_punctuation("一，二。三、四；五：六？七！"), 7u);
    EXPECT_EQ(detail::count_punctuation("One, two. Three; four: five? Six!"), 6u);
}

TEST(MainContentText, BlockTextPutsParagraphsAndBreaksOnTheirOwnLines) {
    pugi::xml_document document;
    document.load_string("<div><p>one  <b>two</b></p>three<br/>four<div>five</div></div>");
    EXPECT_EQ(detail::block_text(document.first_child()), "one two\nthree\nfour\nfive");
}

TEST(MainContent, ProseWinsOverLinkHeavyBlock) {
    const auto content = extract(page(
        "<title>t</title>", "<div class=\"box\">" +
                                link_list(30, "全国总工会召开劳模工匠助企行动推进会，部署下一阶段工作。") +
                                "</div><div class=\"x\">" + paragraphs(chinese_paragraph, 4) + "</div>"));
    ASSERT_TRUE(content);
    EXPECT_NE(content->text.find("户外劳动者服务站"), std::string::npos);
    EXPECT_EQ(content->text.find("劳模工匠"), std::string::npos);
}

TEST(MainContent, RemovesShareBarsEditorLinesAndRelatedNews) {
    const auto content =
        extract(page("<title>t</title>",
                     "<div class=\"article\"><div class=\"TRS_Editor\">" + paragraphs(chinese_paragraph, 3) +
                         "</div><div class=\"bdsharebuttonbox\">分享到：<a>微信</a><a>微博</a></div>"
                         "<p>（责任编辑：王五）</p><div class=\"xgxw\"><h3>相关新闻</h3>" +
                         link_list(5, "工会新闻") + "</div></div>"));
    ASSERT_TRUE(content);
    EXPECT_NE(content->text.find("户外劳动者服务站"), std::string::npos);
    EXPECT_EQ(content->text.find("分享到"), std::string::npos);
    EXPECT_EQ(content->text.find("责任编辑"), std::string::npos);
    EXPECT_EQ(content->text.find("相关新闻"), std::string::npos);
    EXPECT_EQ(content->html.find("bdshare"), std::string::npos);
}

TEST(MainContent, RemovesBoxesHeadedAsCommentsWhenClassNamesSayNothing) {
    const auto content = extract(
        page("<title>t</title>", "<div class=\"a1\"><div class=\"b2\">" + paragraphs(english_paragraph, 3) +
                                     "</div><div class=\"c3\"><h2>Reader responses</h2><div><p>" +
                                     english_paragraph + " Agreed!</p></div></div></div>"));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->text.find("Agreed!"), std::string::npos);
    EXPECT_EQ(content->text.find("Reader responses"), std::string::npos);
}

TEST(MainContent, RemovesHiddenElementsScriptsAndNavigation) {
    const auto content = extract(
        page("<title>t</title>",
             "<nav>" + link_list(5, "Home") + "</nav><div>" + paragraphs(english_paragraph, 3) +
                 "<div style=\"display: none\">secret text</div><script>var x = 'code';</script></div>"));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->text.find("secret"), std::string::npos);
    EXPECT_EQ(content->text.find("code"), std::string::npos);
    EXPECT_EQ(content->text.find("Home"), std::string::npos);
}

TEST(MainContent, ReadsBodyInNestedTableCells) {
    const std::string body = "<table><tr><td width=200>" + link_list(10, "栏目导航") +
                             "</td><td><table><tr><td>标题</td></tr><tr><td class=\"zw\">&nbsp;&nbsp;" +
                             chinese_paragraph + "<br><br>" + chinese_paragraph + "<br><br>" +
                             chinese_paragraph + "</td></tr></table></td></tr></table>";
    const auto content = extract(page("<title>t</title>", body));
    ASSERT_TRUE(content);
    EXPECT_NE(content->text.find("户外劳动者服务站"), std::string::npos);
    EXPECT_EQ(content->text.find("栏目导航"), std::string::npos);
    EXPECT_EQ(content->text.find("标题"), std::string::npos);
    // A cell's markup means nothing outside its table: it comes as a <div>.
    EXPECT_EQ(content->html.rfind("<div>", 0), 0u);
    EXPECT_EQ(content->html.find("<td"), std::string::npos);
}

TEST(MainContent, ReadsOneParagraphPerTableRow) {
    std::string rows;
    for (int i = 0; i < 4; ++i) rows += "<tr><td>" + chinese_paragraph + std::to_string(i) + "。</td></tr>";
    const auto content =
        extract(page("<title>t</title>", "<table><tr><td>" + link_list(8, "栏目") + "</td><td><table>" +
                                             rows + "</table></td></tr></table>"));
    ASSERT_TRUE(content);
    for (int i = 0; i < 4; ++i)
        EXPECT_NE(content->text.find("欢迎。" + std::to_string(i)), std::string::npos) << i;
}

TEST(MainContent, ReadsBodyWrittenWithBreaksInsteadOfParagraphs) {
    const auto content =
        extract(page("<title>t</title>", "<div class=\"menu\">" + link_list(6, "Section") + "</div><div>" +
                                             english_paragraph + "<br><br>" + english_paragraph + "<br>" +
                                             english_paragraph + "</div>"));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->text, english_paragraph + "\n" + english_paragraph + "\n" + english_paragraph);
}

TEST(MainContent, TitleComesFromOpenGraphFirst) {
    const auto content =
        extract(page("<meta property=\"og:title\" content=\"Open Graph title\"><title>Other - Site</title>",
                     "<h1>Heading</h1>" + paragraphs(english_paragraph, 2)));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->title, "Open Graph title");
}

TEST(MainContent, TitleIsTheHeadingThatThePageTitleStartsWith) {
    const auto content =
        extract(page("<title>职工书屋重新开放_工会要闻_南岭工会网</title>",
                     "<h1>南岭工会网</h1><h1>职工书屋重新开放</h1>" + paragraphs(chinese_paragraph, 2)));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->title, "职工书屋重新开放");
}

TEST(MainContent, TitleWithoutHeadingDropsTheSiteName) {
    const auto content =
        extract(page("<title>Council approves three new bus routes | The Riverton Ledger</title>",
                     paragraphs(english_paragraph, 2)));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->title, "Council approves three new bus routes");
}

TEST(MainContent, ChineseTitlesLoseASiteNameJoinedByABareDash) {
    auto content = extract(page("<title>全总书记处召开会议 研究部署工作-中华全国总工会</title>",
                                paragraphs(chinese_paragraph, 2)));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->title, "全总书记处召开会议 研究部署工作");
    content = extract(page("<title>A well-known bakery grows</title>", paragraphs(english_paragraph, 2)));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->title, "A well-known bakery grows");
}

TEST(MainContent, PublishedComesFromMetaThenTimeThenDateLine) {
    auto content =
        extract(page("<meta property=\"article:published_time\" content=\"2024-05-17T09:12:00+08:00\">",
                     "<time datetime=\"2023-01-01\">x</time>" + paragraphs(english_paragraph, 2)));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->published, "2024-05-17T09:12:00+08:00");

    content =
        extract(page("", "<time datetime=\"2023-01-02\">Jan 2</time>" + paragraphs(english_paragraph, 2)));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->published, "2023-01-02");

    content =
        extract(page("<title>职工书屋重新开放</title>",
                     "<div>2024年01月01日 星期一</div><h1>职工书屋重新开放</h1><div>发布时间：2024年05月17日 "
                     "09:12　来源：工人日报</div>" +
                         paragraphs(chinese_paragraph, 2)));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->published, "2024年05月17日 09:12");
}

TEST(MainContent, FindsDatesInChineseNumericAndEnglishForms) {
    EXPECT_EQ(detail::find_date_text("发布时间：2024-05-17 09:12 来源"), "2024-05-17 09:12");
    EXPECT_EQ(detail::find_date_text("2024/5/7"), "2024/5/7");
    EXPECT_EQ(detail::find_date_text("日期：2024年5月17日"), "2024年5月17日");
    EXPECT_EQ(detail::find_date_text("FOR IMMEDIATE RELEASE - May 17, 2024"), "May 17, 2024");
    EXPECT_EQ(detail::find_date_text("Updated 17 Sept. 2024"), "17 Sept. 2024");
    EXPECT_EQ(detail::find_date_text("电话 12024-05-17 或 2024-13-01"), "");
}

TEST(MainContent, AuthorComesFromMetaBylineOrAuthorLine) {
    auto content =
        extract(page("<meta name=\"author\" content=\"Jordan Ellis\">", paragraphs(english_paragraph, 2)));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->author, "Jordan Ellis");

    content = extract(
        page("", "<p class=\"byline\">By Priya Raman | Staff</p>" + paragraphs(english_paragraph, 2)));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->author, "Priya Raman");

    content = extract(
        page("<title>标题</title>", "<h1>标题</h1><div>2024-05-17　作者：王小明　来源：工人日报</div>" +
                                        paragraphs(chinese_paragraph, 2)));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->author, "王小明");
}

TEST(MainContent, RemovesTheTitleRepeatedInTheBodyButNotAParagraphThatQuotesIt) {
    const auto content =
        extract(page("<title>表彰大会在京举行_中工网</title>",
                     "<div class=\"article\"><h1>表彰大会在京举行</h1><p>本报北京5月17日电（记者 "
                     "周明远）表彰大会在京举行。</p>" +
                         paragraphs(chinese_paragraph, 3) + "</div>"));
    ASSERT_TRUE(content);
    EXPECT_EQ(content->text.rfind("本报北京5月17日电", 0), 0u) << content->text;
    EXPECT_EQ(content->author, "周明远");
}

TEST(MainContent, KeepsTheBodyMarkupForTheSanitizer) {
    const auto content =
        extract(page("", "<div>" + paragraphs(english_paragraph, 2) + "<img src=\"/a.jpg\"></div>"));
    ASSERT_TRUE(content);
    EXPECT_NE(content->html.find("<p>"), std::string::npos);
    EXPECT_NE(content->html.find("src=\"/a.jpg\""), std::string::npos);
}

TEST(MainContent, ArticlesAreConfidentAndBlurbsAreNot) {
    const auto article = extract(page("", paragraphs(chinese_paragraph, 4)));
    ASSERT_TRUE(article);
    EXPECT_GE(article->confidence, main_content_min_confidence);
    const auto blurb = extract(page("", "<p>Read the report, in full.</p><p>Short note here, okay.</p>"));
    EXPECT_TRUE(!blurb || blurb->confidence < main_content_min_confidence);
}

TEST(MainContent, TriesAgainWithoutClassRulesWhenTheyRemoveTheArticle) {
    const auto content =
        extract(page("", "<div class=\"comment-text\">" + paragraphs(english_paragraph, 3) +
                             "</div><footer>" + link_list(60, "A footer link with words") + "</footer>"));
    ASSERT_TRUE(content);
    EXPECT_NE(content->text.find("council approved"), std::string::npos);
}

TEST(MainContent, GivesNothingWithoutProse) {
    EXPECT_FALSE(extract(""));
    EXPECT_FALSE(extract(page("<title>Home</title>", "<nav>" + link_list(20, "Section") + "</nav>")));
    EXPECT_FALSE(extract(
        page("<title>News</title>", link_list(50, "全国总工会召开劳模工匠助企行动推进会，部署工作"))));
    EXPECT_FALSE(extract(page("", "<form><input name=q><button>Search</button></form>")));
}

TEST(MainContentHostile, SurvivesBinaryGarbage) {
    std::mt19937 random(42);
    for (int round = 0; round < 20; ++round) {
        std::string bytes(4096 + round * 997, '\0');
        for (char& byte : bytes) byte = static_cast<char>(random() & 0xFF);
        const auto content = extract(bytes);
        if (content) {
            EXPECT_LE(content->confidence, 1.0);
        }
    }
}

TEST(MainContentHostile, SurvivesTruncatedPages) {
    const std::string full = page("<title>Council approves plan | Ledger</title>",
                                  "<div class=\"article\">" + paragraphs(english_paragraph, 4) + "</div>");
    for (std::size_t length = 0; length < full.size(); length += 7) extract(full.substr(0, length));
    EXPECT_TRUE(extract(full.substr(0, full.size() * 3 / 4)));
}

TEST(MainContentHostile, SurvivesFiveThousandNestedDivs) {
    std::string nested;
    for (int i = 0; i < 5000; ++i) nested += "<div class=\"d\">";
    nested += paragraphs(english_paragraph, 3);
    for (int i = 0; i < 5000; ++i) nested += "</div>";
    const auto content = extract(page("", nested));
    ASSERT_TRUE(content);
    EXPECT_NE(content->text.find("council approved"), std::string::npos);
}

TEST(MainContentHostile, ReadsATwentyMegabytePage) {
    std::string body = "<div class=\"sidebar\">";
    while (body.size() < 20'000'000) body += link_list(50, "A headline in the sidebar that goes on");
    body += "</div><div class=\"content\">" + paragraphs(english_paragraph, 5) + "</div>";
    const auto content = extract(page("<title>Big</title>", body));
    ASSERT_TRUE(content);
    EXPECT_NE(content->text.find("council approved"), std::string::npos);
    EXPECT_EQ(content->text.find("sidebar that goes on"), std::string::npos);
}

}  // namespace
}  // namespace feedagg::feeds
