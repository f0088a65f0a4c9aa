#include "feeds/html_selector.hpp"

#include <gtest/gtest.h>

#include "feeds/html_page.hpp"

namespace feedagg::feeds {
namespace {

const char* const list_page = R"(<html><body>
<div id="nav"><a href="/">首页</a></div>
<div class="list_box main">
  <ul>
    <li class="first"><a href="/a1.html" title="t1">One</a><span class="date">2024-05-17</span></li>
    <li><a href="/a2.html">Two</a> <span class="date">&nbsp;2024-05-16&nbsp;
	</span><img data-src="/i2.jpg" src="blank.gif"></li>
    <li class="ad"><a href="http://ads.example/">Ad</a></li>
    <li><a href="/a4.html">Four words</a><time datetime="2024-05-14T08:00:00+08:00">May 14</time></li>
  </ul>
  <div class="pages"><a href="?p=1">上一页</a> <a href="?p=3">下一页</a></div>
</div>
</body></html>)";

class SelectorTest : public ::testing::Test {
  protected:
    HtmlPage page = parse_html_page(list_page);
    pugi::xml_node root = page.tree.root();

    std::vector<std::string> texts(std::string_view selector) {
        Result<Selector> compiled = Selector::compile(selector);
        EXPECT_TRUE(compiled) << (compiled ? "" : compiled.error().message);
        std::vector<std::string> found;
        if (!compiled) return found;
        for (pugi::xml_node node : compiled->select_all(root)) found.push_back(text_content(node));
        return found;
    }

    std::string value(std::string_view selector, FieldKind kind, pugi::xml_node context = {}) {
        Result<Selector> compiled = Selector::compile(selector);
        EXPECT_TRUE(compiled) << (compiled ? "" : compiled.error().message);
        return compiled ? compiled->select_value(context ? context : root, kind) : "";
    }
};

using Texts = std::vector<std::string>;

TEST_F(SelectorTest, MatchesTypeClassAndId) {
    EXPECT_EQ(texts("div#nav a"), Texts{"首页"});
    EXPECT_EQ(texts(".list_box li.first a"), Texts{"One"});
    EXPECT_EQ(texts("DIV.main.list_box > UL > LI.ad"), Texts{"Ad"});
}

TEST_F(SelectorTest, ClassMatchesWholeWordsOnly) {
    EXPECT_TRUE(texts(".list").empty());
    EXPECT_TRUE(texts(".box").empty());
}

TEST_F(SelectorTest, MatchesAttributes) {
    EXPECT_EQ(texts("a[title]"), Texts{"One"});
    EXPECT_EQ(texts("a[href='/a2.html']"), Texts{"Two"});
    EXPECT_EQ(texts("a[href^=http]"), Texts{"Ad"});
    EXPECT_EQ(texts("a[href$=\"4.html\"]"), Texts{"Four words"});
    EXPECT_EQ(texts("a[href*=a1]"), Texts{"One"});
    EXPECT_EQ(texts("div[class~=main] li.first a"), Texts{"One"});
}

TEST_F(SelectorTest, ChildAndSiblingCombinators) {
    EXPECT_EQ(texts("li > a + span").size(), 2u);
    EXPECT_EQ(texts("li.first ~ li.ad a"), Texts{"Ad"});
    EXPECT_TRUE(texts("div > li").empty());
}

TEST_F(SelectorTest, StructuralPseudoClasses) {
    EXPECT_EQ(texts("ul > li:first-child a"), Texts{"One"});
    EXPECT_EQ(texts("ul > li:last-child a"), Texts{"Four words"});
    EXPECT_EQ(texts("ul > li:nth-child(2) a"), Texts{"Two"});
    EXPECT_EQ(texts("ul > li:nth-child(odd) > a"), (Texts{"One", "Ad"}));
    EXPECT_EQ(texts("ul > li:nth-child(2n) > a"), (Texts{"Two", "Four words"}));
    EXPECT_EQ(texts("ul > li:nth-child(-n+2) > a"), (Texts{"One", "Two"}));
    EXPECT_EQ(texts("ul > li:nth-last-child(1) > a"), Texts{"Four words"});
    EXPECT_EQ(texts("li:nth-of-type(3) > a"), Texts{"Ad"});
}

TEST_F(SelectorTest, NotAndContains) {
    EXPECT_EQ(texts("ul > li:not(.ad) > a").size(), 3u);
    EXPECT_EQ(texts("div.pages a:contains('下一页')"), Texts{"下一页"});
}

TEST_F(SelectorTest, GroupsKeepDocumentOrder) {
    EXPECT_EQ(texts("li.ad a, li.first a"), (Texts{"One", "Ad"}));
}

TEST_F(SelectorTest, XPathRunsAsWritten) {
    EXPECT_EQ(texts("//li[2]/a"), Texts{"Two"});
    EXPECT_EQ(texts("xpath: //a[contains(., '上一页')]"), Texts{"上一页"});
    EXPECT_EQ(value("//li[1]/a/@href", FieldKind::text), "/a1.html");
    EXPECT_EQ(value("string(//li[1]/span)", FieldKind::text), "2024-05-17");
}

TEST_F(SelectorTest, FieldValuesFollowTheirKind) {
    const pugi::xml_node second = page.tree.select_node("//li[2]").node();
    EXPECT_EQ(value("a", FieldKind::link, second), "/a2.html");
    EXPECT_EQ(value("a", FieldKind::text, second), "Two");
    EXPECT_EQ(value("img", FieldKind::image, second), "/i2.jpg");
    EXPECT_EQ(value(".", FieldKind::link, second), "/a2.html");  // the first <a href> inside
    const pugi::xml_node fourth = page.tree.select_node("//li[4]").node();
    EXPECT_EQ(value("time", FieldKind::date, fourth), "2024-05-14T08:00:00+08:00");
    EXPECT_EQ(value("span", FieldKind::date, second), "2024-05-16");
}

TEST_F(SelectorTest, PseudoElementsPickAttributeOrText) {
    const pugi::xml_node first = page.tree.select_node("//li[1]").node();
    EXPECT_EQ(value("a::attr(title)", FieldKind::text, first), "t1");
    EXPECT_EQ(value("a::text", FieldKind::link, first), "One");
}

TEST_F(SelectorTest, NothingMatchedGivesEmptyValue) {
    EXPECT_EQ(value("span.missing", FieldKind::text), "");
    EXPECT_TRUE(texts("table td").empty());
}

TEST(SelectorErrors, NameTheSelectorAndWhatIsWrong) {
    for (std::string_view bad : {"", "div >", "a[href", "li:nth-child(x)", "li:hover", "a::before", "a[x!=1]",
                                 "a:contains('x", "//a[", "div $ p"}) {
        Result<Selector> compiled = Selector::compile(bad);
        ASSERT_FALSE(compiled) << bad;
        EXPECT_NE(compiled.error().message.find(std::string(bad.substr(0, 2))), std::string::npos)
            << compiled.error().message;
    }
}

TEST(SelectorTranslation, QuotesValuesHoldingBothQuoteKinds) {
    const auto translated = detail::css_to_xpath(R"(a[title="it's \"x\""])");
    ASSERT_FALSE(translated);  // backslash-escaped quotes inside strings are not supported
    const auto both = detail::css_to_xpath("a:contains(\"it's\")");
    ASSERT_TRUE(both);
    EXPECT_NE(both->xpath.find("\"it's\""), std::string::npos);
}

}  // namespace
}  // namespace feedagg::feeds
