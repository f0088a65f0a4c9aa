#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "feeds/html.hpp"
#include "feeds/html_elements.hpp"
#include "feeds/xml_escape.hpp"

namespace feedagg::feeds {
namespace {

TEST(HtmlToText, StripsTagsAndDecodesEntities) {
    EXPECT_EQ(html_to_text("<b>Fish</b> &amp; <i>Chips</i> &mdash; &#8220;ok&#x201D;"),
              "Fish & Chips \u2014 \u201cok\u201d");
}

TEST(HtmlToText, DropsScriptAndStyleContent) {
    EXPECT_EQ(html_to_text("a<script>var s = '<b>x</b>';</script>b<style>p { color: red }</style>c"), "abc");
}

TEST(HtmlToText, CollapsesAndTrimsWhitespaceIncludingUnicodeSpaces) {
    EXPECT_EQ(html_to_text("  one \t\n two&nbsp;&nbsp;three\u3000four\u00a0 "), "one two three four");
}

TEST(HtmlToText, SeparatesWordsAtBlockElementsAndBreaks) {
    EXPECT_EQ(html_to_text("<p>one</p><p>two</p><div>three</div>four<br>five<li>six"),
              "one two three four five six");
}

TEST(HtmlToText, KeepsWordsTogetherAcrossInlineElements) {
    EXPECT_EQ(html_to_text("w<b>or</b>d"), "word");
}

TEST(HtmlToText, StripsDoublyEscapedMarkup) {
    EXPECT_EQ(html_to_text("&lt;b&gt;Title&lt;/b&gt; &lt;br/&gt;more"), "Title more");
    EXPECT_EQ(html_to_text("&lt;p&gt;A &amp;amp; B&lt;/p&gt;"), "A & B");
}

TEST(HtmlToText, KeepsLessThanSignsThatAreNotMarkup) {
    EXPECT_EQ(html_to_text("a &lt; b and c&gt;d"), "a < b and c>d");
    EXPECT_EQ(html_to_text("std::vector&lt;int&gt; tips"), "std::vector<int> tips");
}

TEST(HtmlToText, DropsCommentsAndControlCharacters) {
    EXPECT_EQ(html_to_text("a<!-- hidden -->b\x01"
                           "c"),
              "abc");
}

TEST(HtmlToText, ReplacesInvalidUtf8) {
    EXPECT_EQ(html_to_text("caf\xE9"), "caf\uFFFD");
}

TEST(HtmlToText, HandlesEmptyAndTagOnlyInput) {
    EXPECT_EQ(html_to_text(""), "");
    EXPECT_EQ(html_to_text("<p></p><br>"), "");
}

TEST(HtmlToText, DropsTagCutOffAtEnd) {
    EXPECT_EQ(html_to_text("Title <a href=\"x"), "Title");
}

TEST(HtmlToText, HandlesTenMegabytesOfAmpersands) {
    std::string html;
    for (int i = 0; i < 2 * 1024 * 1024; ++i) html += "&amp;";
    EXPECT_EQ(html_to_text(html).size(), 2U * 1024 * 1024);
}

TEST(HtmlToText, StaysLinearOnManyUnclosedTagLikeRuns) {
    std::string html;
    for (int i = 0; i < 200000; ++i) html += "&lt;b ";
    EXPECT_EQ(html_to_text(html).substr(0, 6), "<b <b ");
}

TEST(HtmlToText, SurvivesBinaryGarbage) {
    std::mt19937 random(7);
    for (int round = 0; round < 100; ++round) {
        std::string html;
        for (int i = 0; i < 3000; ++i) html.push_back(static_cast<char>(random() % 256));
        const std::string text = html_to_text(html);
        EXPECT_TRUE(text.empty() || (text.front() != ' ' && text.back() != ' '));
    }
}

TEST(DecodeHtmlEntities, DecodesNamedReferences) {
    EXPECT_EQ(decode_html_entities("&lt;&gt;&amp;&quot;&apos;&hellip;&euro;"), "<>&\"'\u2026\u20ac");
}

TEST(DecodeHtmlEntities, DecodesLegacyNamesWithoutSemicolon) {
    EXPECT_EQ(decode_html_entities("&amp &copy 2024 &nbspx"), "& \u00a9 2024 \u00a0x");
}

TEST(DecodeHtmlEntities, MatchesTheLongestLegacyPrefix) {
    EXPECT_EQ(decode_html_entities("&notit; &notin;"), "\u00acit; \u2209");
}

TEST(DecodeHtmlEntities, DecodesMultiCodePointReferences) {
    EXPECT_EQ(decode_html_entities("&NotEqualTilde;"), "\u2242\u0338");
}

TEST(DecodeHtmlEntities, DecodesDecimalAndHexReferences) {
    EXPECT_EQ(decode_html_entities("&#65;&#x42;&#X43;&#x1F600;&#68"), "ABC\U0001F600D");
}

TEST(DecodeHtmlEntities, RemapsC1ControlsAsWindows1252) {
    EXPECT_EQ(decode_html_entities("&#x80;&#150;&#151;&#x9F;"), "\u20ac\u2013\u2014\u0178");
}

TEST(DecodeHtmlEntities, ReplacesInvalidCodePoints) {
    EXPECT_EQ(decode_html_entities("&#0;&#xD800;&#x110000;&#99999999999999999999;"),
              "\uFFFD\uFFFD\uFFFD\uFFFD");
}

TEST(DecodeHtmlEntities, LeavesUnknownAndIncompleteReferences) {
    EXPECT_EQ(decode_html_entities("&bogus; &#; &#x; & &; AT&T"), "&bogus; &#; &#x; & &; AT&T");
}

TEST(DecodeHtmlEntities, HandlesReferenceCutOffAtEnd) {
    EXPECT_EQ(decode_html_entities("&"), "&");
    EXPECT_EQ(decode_html_entities("&#"), "&#");
    EXPECT_EQ(decode_html_entities("&#x4"), "\x04");
}

TEST(HtmlEntity, LooksUpNamesWithoutDelimiters) {
    EXPECT_EQ(html_entity("mdash"), "\u2014");
    EXPECT_EQ(html_entity("amp"), "&");
    EXPECT_EQ(html_entity("CounterClockwiseContourIntegral"), "\u2233");
    EXPECT_EQ(html_entity("AElig"), "\u00c6");
    EXPECT_EQ(html_entity("zwnj"), "\u200c");
}

TEST(HtmlEntity, IsEmptyForUnknownNames) {
    EXPECT_EQ(html_entity("nosuchthing"), "");
    EXPECT_EQ(html_entity(""), "");
    EXPECT_EQ(html_entity("MDASH"), "");
}

TEST(EscapeXml, EscapesMarkupCharacters) {
    EXPECT_EQ(escape_xml("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(EscapeXml, ReturnsPlainTextUnchanged) {
    EXPECT_EQ(escape_xml("plain text, tabs\tand\nlines\r"), "plain text, tabs\tand\nlines\r");
    EXPECT_EQ(escape_xml("\u4e2d\u6587 \U0001F600"), "\u4e2d\u6587 \U0001F600");
}

TEST(EscapeXml, DropsCharactersXmlForbids) {
    EXPECT_EQ(escape_xml(std::string("a\0b\x01\x1F"
                                     "c\x7F"
                                     "d",
                                     8)),
              "abcd");
    EXPECT_EQ(escape_xml("x\uFFFEy\uFFFFz"), "xyz");
}

TEST(EscapeXml, ReplacesInvalidUtf8) {
    EXPECT_EQ(escape_xml("a\xFF"
                         "b"),
              "a\uFFFDb");
    EXPECT_EQ(escape_xml("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // an encoded surrogate
    EXPECT_EQ(escape_xml("\xC0\xAF"), "\uFFFD\uFFFD");            // overlong '/'
    EXPECT_EQ(escape_xml("cut \xE4\xB8"), "cut \uFFFD\uFFFD");
}

// escape_xml one character at a time, as the contract states it: the fast paths (16-byte blocks of
// plain ASCII, runs of three-byte sequences) must give the same.
std::string escape_xml_slowly(std::string_view text) {
    std::string out;
    while (!text.empty()) {
        const char c = text.front();
        char32_t code_point = 0;
        const std::size_t length = detail::decode_utf8(text, code_point);
        if (length == 0) {
            out += "\uFFFD";
            text.remove_prefix(1);
            continue;
        }
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '"')
            out += "&quot;";
        else if (c == '\'')
            out += "&#39;";
        else if ((code_point < 0x20 && c != '\t' && c != '\n' && c != '\r') || code_point == 0x7F ||
                 code_point == 0xFFFE || code_point == 0xFFFF) {
        } else {
            out.append(text.substr(0, length));
        }
        text.remove_prefix(length);
    }
    return out;
}

TEST(EscapeXml, FastPathsAgreeWithCharacterByCharacterEscaping) {
    const std::string_view pieces[] = {"plain ascii words ",
                                       "0123456789abcdef",
                                       "&",
                                       "<",
                                       ">",
                                       "\"",
                                       "'",
                                       "\t",
                                       "\n",
                                       "\x01",
                                       "\x7F",
                                       "\u4e2d",
                                       "\u6587\u5b57",
                                       "\uFF0C",
                                       "\uFFFD",
                                       "\uFFFE",
                                       "\uFFFF",
                                       "\u0800",
                                       "\uD7FF",
                                       "\uE000",
                                       "\u00e9",
                                       "\U0001F600",
                                       "\U0010FFFF",
                                       "\xE0\x80\x80",
                                       "\xED\xA0\x80",
                                       "\xF4\x90\x80\x80",
                                       "\xC0\xAF",
                                       "\xFF",
                                       "\xE4\xB8",
                                       "\xE4",
                                       "\x80",
                                       std::string_view("\0", 1)};
    std::mt19937 random(20241031);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int count = 1 + static_cast<int>(random() % 24);
        for (int i = 0; i < count; ++i) text += pieces[random() % std::size(pieces)];
        SCOPED_TRACE(::testing::PrintToString(text));
        ASSERT_EQ(escape_xml(text), escape_xml_slowly(text));
    }
}

// For valid UTF-8 the unchecked path must escape exactly as the checked one, wherever the stops
// fall: inside a 16-byte block, in the block that ends the text, or in a text shorter than a block.
TEST(EscapeXml, ValidUtf8PathAgreesWithCheckedEscaping) {
    const std::string_view pieces[] = {"plain ascii words ",
                                       "0123456789abcdef",
                                       "a",
                                       "&",
                                       "<",
                                       ">",
                                       "\"",
                                       "'",
                                       "\t",
                                       "\n",
                                       "\r",
                                       "\x01",
                                       "\x1F",
                                       "\x7F",
                                       "\u4e2d",
                                       "\uFF0C",
                                       "\uFFFD",
                                       "\uFFFE",
                                       "\uFFFF",
                                       "\uFEFF",
                                       "\u00e9",
                                       "\U0001F600",
                                       std::string_view("\0", 1)};
    std::mt19937 random(20251125);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const int count = static_cast<int>(random() % 24);
        for (int i = 0; i < count; ++i) text += pieces[random() % std::size(pieces)];
        SCOPED_TRACE(::testing::PrintToString(text));
        std::string unchecked = "kept:";
        detail::append_valid_utf8_escaped(text, unchecked);
        ASSERT_EQ(unchecked, "kept:" + escape_xml(text));

        std::string until_ampersand;
        const std::size_t stop = detail::append_valid_utf8_escaped_until_ampersand(text, until_ampersand);
        ASSERT_EQ(stop, std::min(text.find('&'), text.size()));
        ASSERT_EQ(until_ampersand, escape_xml(text.substr(0, stop)));
    }
}

}  // namespace
}  // namespace feedagg::feeds

// find_element compares inline copies of the names: lengths and every byte must still count.
TEST(HtmlElements, FindsKnownNamesAndNoNearMisses) {
    for (const std::string_view name : {"a", "b", "br", "h6", "td", "pre", "abbr", "table", "iframe",
                                        "noscript", "blockquote", "figcaption", "plaintext"}) {
        const feedagg::feeds::detail::Element* element = feedagg::feeds::detail::find_element(name);
        ASSERT_NE(element, nullptr) << name;
        EXPECT_EQ(element->name, name);
    }
    for (const std::string_view name : std::initializer_list<std::string_view>{
             "", "x", "ab", "brr", "h7", "blockquot", "blockquotes", "figcaptions", "abbrabbrabb", "tablf",
             "A", std::string_view("b\0", 2)})
        EXPECT_EQ(feedagg::feeds::detail::find_element(name), nullptr) << name;
}
