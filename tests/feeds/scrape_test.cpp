#include "feeds/scrape.hpp"

#include <gtest/gtest.h>

#include "feeds/dates.hpp"

namespace feedagg::feeds {
namespace {

const Timestamp now = *parse_date("2024-05-17T04:00:00Z");

ScrapeRule items(std::string item, std::string title = {}) {
    ScrapeRule rule;
    rule.item = std::move(item);
    rule.title = std::move(title);
    return rule;
}

CompiledScrapeRule compile(const ScrapeRule& rule) {
    Result<CompiledScrapeRule> compiled = CompiledScrapeRule::compile(rule);
    EXPECT_TRUE(compiled) << (compiled ? "" : compiled.error().message);
    return std::move(compiled).value();
}

ScrapedList scrape(std::string_view html, const ScrapeRule& rule,
                   std::string url = "https://union.example.cn/news/index.html") {
    const HtmlPage page = parse_html_page(html);
    return scrape_list_page(page, compile(rule), {std::move(url), "Asia/Shanghai", now});
}

const char* const list_page =
    R"(<html><head><title>工会新闻</title><script>var a = "<li><a href='/x'>fake</a></li>";</script></head>
<body><table><tr><td><table class="list">
<tr><td class="t"><a href="../2024-05/17/content_1.htm" title="全文">市总工会表彰劳动模范</a></td><td class="d">2024-05-17 09:12</td></tr>
<tr><td class="t"><a href="./t20240516_2.html">职工技能大赛开幕</a><img src="/img/2.png"></td><td class="d">[05-16]</td></tr>
<tr><td class="t"><a href="/n1/2024/0515/c3.html">  安全生产月&nbsp;启动 </a></td><td class="d"></td></tr>
<tr><td class="t">没有链接的条目</td><td class="d">2024-05-14</td></tr>
</table></td></tr></table>
<div class="page"><a href="index.html">首页</a> <a href="index_1.html">下一页</a></div>
</body></html>)";

ScrapeRule list_rule() {
    ScrapeRule rule;
    rule.item = "table.list tr";
    rule.title = "td.t a";
    rule.date = "td.d";
    rule.image = "img";
    rule.next_page = "div.page a:contains('下一页')";
    return rule;
}

TEST(ScrapeList, ReadsItemsWithAbsoluteLinksAndDates) {
    const ScrapedList list = scrape(list_page, list_rule());
    ASSERT_EQ(list.items.size(), 3u);
    EXPECT_EQ(list.items[0].title, "市总工会表彰劳动模范");
    EXPECT_EQ(list.items[0].link, "https://union.example.cn/2024-05/17/content_1.htm");
    EXPECT_EQ(list.items[0].id, list.items[0].link);
    EXPECT_EQ(format_rfc3339(*list.items[0].published), "2024-05-17T01:12:00Z");
    EXPECT_EQ(list.items[0].published_origin, date_from_list_page);
    EXPECT_EQ(list.items[1].link, "https://union.example.cn/news/t20240516_2.html");
    EXPECT_EQ(format_rfc3339(*list.items[1].published), "2024-05-15T16:00:00Z");
    ASSERT_EQ(list.items[1].enclosures.size(), 1u);
    EXPECT_EQ(list.items[1].enclosures[0].url, "https://union.example.cn/img/2.png");
    EXPECT_EQ(list.items[1].enclosures[0].type, "image/png");
    EXPECT_EQ(list.items[2].title, "安全生产月 启动");
    EXPECT_FALSE(list.items[2].published);
    EXPECT_TRUE(list.items[2].published_origin.empty());
    EXPECT_EQ(list.next_page, "https://union.example.cn/news/index_1.html");
}

TEST(ScrapeList, WarningsNameSelectorsThatMatchedNothing) {
    const ScrapedList list = scrape(list_page, list_rule());
    const auto has = [&](std::string_view text) {
        for (const std::string& warning : list.warnings)
            if (warning.find(text) != std::string::npos) return true;
        return false;
    };
    EXPECT_TRUE(has("1 of 4 items have no link"));
    EXPECT_TRUE(has("date selector \"td.d\" matched nothing in 1 of 4 items"));
    EXPECT_TRUE(has("image selector \"img\" matched nothing in 3 of 4 items"));

    ScrapeRule wrong = list_rule();
    wrong.item = "ul.news li";
    const ScrapedList none = scrape(list_page, wrong);
    EXPECT_TRUE(none.items.empty());
    ASSERT_FALSE(none.warnings.empty());
    EXPECT_EQ(none.warnings[0], "item selector \"ul.news li\" matched nothing");
}

TEST(ScrapeList, WithoutLinkSelectorTheItemsFirstLinkIsUsed) {
    ScrapeRule rule;
    rule.item = "//table[@class='list']//tr";
    const ScrapedList list = scrape(list_page, rule);
    ASSERT_EQ(list.items.size(), 3u);
    EXPECT_EQ(list.items[0].title, "市总工会表彰劳动模范");
}

TEST(ScrapeList, HonoursBaseElementAndDropsUnsafeLinks) {
    const ScrapedList list = scrape(
        "<head><base href='https://cdn.example.org/site/'></head><ul><li><a href='a.html'>A</a></li>"
        "<li><a href='javascript:alert(1)'>B</a></li></ul>",
        items("li"));
    ASSERT_EQ(list.items.size(), 1u);
    EXPECT_EQ(list.items[0].link, "https://cdn.example.org/site/a.html");
}

TEST(ScrapeList, SummariesAreSanitized) {
    ScrapeRule rule = items("li");
    rule.summary = "p";
    const ScrapedList list = scrape(
        "<ul><li><a href='/a'>A</a><p onclick='x()'>Hi <a "
        "href='b'>more</a><script>bad()</script></p></li></ul>",
        rule);
    ASSERT_EQ(list.items.size(), 1u);
    EXPECT_EQ(list.items[0].summary.find("onclick"), std::string::npos);
    EXPECT_EQ(list.items[0].summary.find("bad()"), std::string::npos);
    EXPECT_NE(list.items[0].summary.find("https://union.example.cn/news/b"), std::string::npos);
}

TEST(ScrapeList, CapsItemsOnHugeListPages) {
    std::string page = "<ul>";
    for (int i = 0; i < 5000; ++i)
        page += "<li><a href='/a" + std::to_string(i) + ".html'>Item " + std::to_string(i) + "</a></li>";
    page += "</ul>";
    const ScrapedList list = scrape(page, items("li", "a"));
    EXPECT_EQ(list.items.size(), max_items_per_page);
    EXPECT_EQ(list.items.back().title, "Item " + std::to_string(max_items_per_page - 1));
    ASSERT_FALSE(list.warnings.empty());
    EXPECT_NE(list.warnings[0].find("matched 5000 items"), std::string::npos);
}

TEST(ScrapeList, ReadsTwentyMegabytePage) {
    std::string page = "<html><body><div class=list>";
    const std::string filler(1000, 'x');
    while (page.size() < 20'000'000)
        page += "<div class=item><a href='/a'>" + filler + "</a><p>" + filler + "</p></div>";
    page += "</div></body></html>";
    const ScrapedList list = scrape(page, items("div.item", "a"));
    EXPECT_EQ(list.items.size(), max_items_per_page);
}

TEST(ScrapeList, BrokenHtmlStillGivesItems) {
    const ScrapedList list =
        scrape("<ul><li><a href=/a1>One<li><a href=/a2>Two</ul></div></table><li><a href=/a3 >Three",
               items("li", "a"));
    ASSERT_EQ(list.items.size(), 3u);
    EXPECT_EQ(list.items[2].title, "Three");
}

TEST(ScrapeRules, ErrorsNameTheField) {
    Result<CompiledScrapeRule> missing = CompiledScrapeRule::compile(ScrapeRule{});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message, "scrape.item: an item selector is required");
    Result<CompiledScrapeRule> bad = CompiledScrapeRule::compile([] {
        ScrapeRule rule = items("li");
        rule.date = "span[";
        return rule;
    }());
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message.rfind("scrape.date: CSS selector \"span[\"", 0), 0u) << bad.error().message;
    ScrapeRule article = items("li");
    article.article.remove = {"div.share", "//p["};
    Result<CompiledScrapeRule> bad_remove = CompiledScrapeRule::compile(article);
    ASSERT_FALSE(bad_remove);
    EXPECT_NE(bad_remove.error().message.find("article.remove"), std::string::npos);
}

const char* const article_page = R"(<html><head><title>x</title></head><body>
<div class="nav"><a href="/">首页</a></div>
<h1 class="title">市总工会表彰劳动模范</h1>
<div class="info"><span class="time">发布时间：2024-05-17 09:12</span> <span class="source">来源：工人日报</span></div>
<div class="TRS_Editor"><p>本报讯 5月16日，市总工会召开大会。</p><div class="share">分享到：微信 微博</div>
<p><img src="../img/a.jpg"> 会上表彰了100名劳动模范。</p><p class="editor">责任编辑：张三</p></div>
<div class="footer">版权所有</div></body></html>)";

TEST(ScrapeArticle, ReadsContentWithoutClutter) {
    ScrapeRule rule = items("li");
    rule.article = {.content = "div.TRS_Editor",
                    .remove = {"div.share", "p.editor"},
                    .title = "h1",
                    .date = "div.info span.time",
                    .author = "span.source"};
    HtmlPage page = parse_html_page(article_page);
    const ScrapedArticle article = scrape_article_page(
        page, compile(rule), {"https://union.example.cn/2024/a/1.html", "Asia/Shanghai", now});
    EXPECT_EQ(article.title, "市总工会表彰劳动模范");
    EXPECT_EQ(format_rfc3339(*article.published), "2024-05-17T01:12:00Z");
    EXPECT_EQ(article.author, "来源：工人日报");
    EXPECT_NE(article.content.find("本报讯"), std::string::npos);
    EXPECT_NE(article.content.find("https://union.example.cn/2024/img/a.jpg"), std::string::npos);
    EXPECT_EQ(article.content.find("分享到"), std::string::npos);
    EXPECT_EQ(article.content.find("责任编辑"), std::string::npos);
    EXPECT_EQ(article.content.find("版权所有"), std::string::npos);

    Entry entry;
    entry.title = "list title";
    complete_from_article(entry, article);
    EXPECT_EQ(entry.title, "list title");
    EXPECT_EQ(entry.content, article.content);
    EXPECT_EQ(entry.published, article.published);
    EXPECT_EQ(entry.published_origin, date_from_article_page);
    ASSERT_EQ(entry.authors.size(), 1u);
}

TEST(ScrapeArticle, MissingContentIsAWarningNotAFailure) {
    ScrapeRule rule = items("li");
    rule.article.content = "div.missing";
    HtmlPage page = parse_html_page(article_page);
    const ScrapedArticle article =
        scrape_article_page(page, compile(rule), {"https://a.example/", "UTC", now});
    EXPECT_TRUE(article.content.empty());
    ASSERT_EQ(article.warnings.size(), 1u);
    EXPECT_EQ(article.warnings[0], "content selector \"div.missing\" matched nothing");
}

}  // namespace
}  // namespace feedagg::feeds
