#include "feeds/html_page.hpp"

#include <gtest/gtest.h>

#include <string>

#include "feeds/encoding.hpp"

namespace feedagg::feeds {
namespace {

// "工会新闻" in GBK.
const std::string gbk_words = "\xB9\xA4\xBB\xE1\xD0\xC2\xCE\xC5";
const std::string utf8_words = "工会新闻";

std::string gbk_page(std::string_view head) {
    return "<html><head>" + std::string(head) + "</head><body><p>" + gbk_words + gbk_words + gbk_words +
           gbk_words + "</p></body></html>";
}

TEST(HtmlCharset, ReadsMetaCharset) {
    const DecodedText decoded = decode_html_page(gbk_page("<meta charset=\"gbk\">"));
    EXPECT_EQ(decoded.charset, "GB18030");
    EXPECT_NE(decoded.utf8.find(utf8_words), std::string::npos);
    EXPECT_TRUE(decoded.warnings.empty());
}

TEST(HtmlCharset, ReadsHttpEquivContentType) {
    const DecodedText decoded =
        decode_html_page(gbk_page("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=gb2312'>"));
    EXPECT_EQ(decoded.charset, "GB18030");
    EXPECT_NE(decoded.utf8.find(utf8_words), std::string::npos);
}

TEST(HtmlCharset, IgnoresMetaInsideComments) {
    const DecodedText decoded = decode_html_page("<!-- <meta charset=\"big5\"> --><meta charset=\"utf-8\">" +
                                                 utf8_words + utf8_words + utf8_words);
    EXPECT_EQ(decoded.charset, "UTF-8");
    EXPECT_NE(decoded.utf8.find(utf8_words), std::string::npos);
}

TEST(HtmlCharset, OverrulesMetaThatLies) {
    const DecodedText decoded = decode_html_page(gbk_page("<meta charset=\"utf-8\">"));
    EXPECT_EQ(decoded.charset, "GB18030");
    EXPECT_NE(decoded.utf8.find(utf8_words), std::string::npos);
    ASSERT_FALSE(decoded.warnings.empty());
}

TEST(HtmlCharset, TransportCharsetComesBeforeMeta) {
    const DecodedText decoded = decode_html_page(gbk_page("<meta charset=\"big5\">"), "gbk");
    EXPECT_EQ(decoded.charset, "GB18030");
}

TEST(HtmlCharset, MetaSaysUtf16OnAsciiBytesIsIgnored) {
    const DecodedText decoded = decode_html_page("<meta charset=\"utf-16\"><p>" + utf8_words + "</p>");
    EXPECT_EQ(decoded.charset, "UTF-8");
    EXPECT_FALSE(decoded.warnings.empty());
}

TEST(HtmlCharset, UnterminatedMetaIsHarmless) {
    EXPECT_EQ(decode_html_page("<meta charset=\"gbk").charset, "UTF-8");
    EXPECT_EQ(decode_html_page("<meta content='charset=").charset, "UTF-8");
    EXPECT_EQ(decode_html_page("<!-- <meta charset=gbk>").charset, "UTF-8");
}

TEST(HtmlPage, BuildsBrowserTreeFromBrokenMarkup) {
    const HtmlPage page = parse_html_page("<title>T</title><table><tr><td>a<td>b</table><p>one<p>two");
    const pugi::xml_node body = page.tree.child("html").child("body");
    ASSERT_TRUE(body);
    EXPECT_EQ(page.tree.select_nodes("//td").size(), 2u);
    EXPECT_EQ(page.tree.select_nodes("//body/p").size(), 2u);
    EXPECT_EQ(text_content(page.tree.select_node("//p[2]").node()), "two");
}

TEST(HtmlPage, DecodesGbkBeforeParsing) {
    const HtmlPage page =
        parse_html_page(gbk_page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\">"));
    EXPECT_EQ(page.charset, "GB18030");
    EXPECT_EQ(text_content(page.tree.select_node("//p").node()),
              utf8_words + utf8_words + utf8_words + utf8_words);
}

TEST(HtmlPage, LowerCasesNamesAndKeepsAttributes) {
    const HtmlPage page = parse_html_page(
        "<DIV CLASS='news List'><A HREF='/a?b=1&amp;c=2'>x</A><Custom-Tag>y</Custom-Tag></DIV>");
    const pugi::xml_node link = page.tree.select_node("//div[@class='news List']/a").node();
    ASSERT_TRUE(link);
    EXPECT_STREQ(link.attribute("href").value(), "/a?b=1&c=2");
    EXPECT_TRUE(page.tree.select_node("//custom-tag").node());
}

TEST(HtmlPage, TextContentSkipsScriptsAndStyles) {
    const HtmlPage page =
        parse_html_page("<div id=a>one <script>var x = '<b>';</script><style>p{}</style><b>two</b></div>");
    EXPECT_EQ(text_content(page.tree.select_node("//div").node()), "one two");
}

TEST(HtmlPage, SerializesElementsForTheSanitizer) {
    const HtmlPage page =
        parse_html_page("<div id=x><p>a &lt; b<br>c<img src=\"i.png\" alt='\"q\"'></p></div>");
    const pugi::xml_node div = page.tree.select_node("//div").node();
    EXPECT_EQ(inner_html(div), "<p>a &lt; b<br />c<img src=\"i.png\" alt=\"&quot;q&quot;\" /></p>");
    EXPECT_EQ(outer_html(div), "<div id=\"x\">" + inner_html(div) + "</div>");
}

TEST(HtmlPage, SkipsNamesXPathCannotHold) {
    const HtmlPage page = parse_html_page("<p a\"b=1 c=2 1x=3>t</p>");
    const pugi::xml_node p = page.tree.select_node("//p").node();
    ASSERT_TRUE(p);
    EXPECT_STREQ(p.attribute("c").value(), "2");
    EXPECT_FALSE(p.attribute("1x"));
}

TEST(HtmlPage, FlattensHostileNestingWithoutExhaustingTheStack) {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<div><span>";
    deep += "bottom";
    const HtmlPage page = parse_html_page(deep);
    EXPECT_NE(text_content(page.tree.document_element()).find("bottom"), std::string::npos);
    EXPECT_FALSE(page.warnings.empty());
}

TEST(HtmlPage, SurvivesBinaryGarbage) {
    std::string garbage;
    for (int i = 0; i < 100000; ++i) garbage += static_cast<char>((i * 7919) % 256);
    const HtmlPage page = parse_html_page(garbage);
    EXPECT_TRUE(page.tree.child("html").child("body"));
}

}  // namespace
}  // namespace feedagg::feeds
