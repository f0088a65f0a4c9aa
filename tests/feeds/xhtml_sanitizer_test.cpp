#include "feeds/detail/xhtml_sanitizer.hpp"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <random>
#include <string>
#include <vector>

#include "feeds/detail/xml_document.hpp"
#include "feeds/html.hpp"

namespace {

using namespace feedagg::feeds;

SanitizeOptions options() {
    SanitizeOptions options;
    options.base_url = "https://base.org/dir/page";
    options.input_is_valid_utf8 = true;
    return options;
}

// The content of the first element of `xml` (a "<div>...</div>"), parsed as feeds are.
struct Content {
    explicit Content(const std::string& xml) {
        const auto parsed = document.load_buffer(xml.data(), xml.size(),
                                                 pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol);
        EXPECT_TRUE(parsed) << xml;
        container = document.first_child();
    }
    pugi::xml_document document;
    pugi::xml_node container;
};

std::string by_markup(pugi::xml_node container) {
    return sanitize_html(detail::inner_markup(container), options());
}

// The tree path is an optimization of the markup path: wherever it answers, it answers the same.
void expect_same_as_markup(const std::string& xml) {
    const Content content(xml);
    const auto by_tree = detail::sanitize_xhtml(content.container, 0, options());
    if (by_tree) {
        EXPECT_EQ(*by_tree, by_markup(content.container)) << xml;
    }
}

TEST(XhtmlSanitizer, WritesWhatTheMarkupPathWrites) {
    const std::string xml =
        R"x(<div xmlns:x="u:x"><P Title="T" onclick="x()">a &amp; b &lt;i&gt;<x:B>bold</x:B><img src="i.png"/>)x"
        R"x(<a HREF="/rel?a=1&amp;b=2">link</a><script>alert(1)</script><br/></P><table><tr><td>1</td></tr></table></div>)x";
    const Content content(xml);
    const auto by_tree = detail::sanitize_xhtml(content.container, 0, options());
    ASSERT_TRUE(by_tree.has_value());
    EXPECT_EQ(*by_tree, by_markup(content.container));
    EXPECT_NE(by_tree->find("<b>bold</b>"), std::string::npos) << *by_tree;
    EXPECT_NE(by_tree->find("href=\"https://base.org/rel?a=1&amp;b=2\""), std::string::npos) << *by_tree;
    EXPECT_EQ(by_tree->find("script"), std::string::npos) << *by_tree;
    EXPECT_EQ(by_tree->find("onclick"), std::string::npos) << *by_tree;
}

// The tokenizer reads <xmp> content as text, and a <script> inside a <script> ends the outer one
// early in the markup: the tree path leaves both to the markup path.
TEST(XhtmlSanitizer, LeavesContentTheTokenizerReadsAsTextToTheMarkupPath) {
    for (const std::string xml :
         {"<div><xmp><b>x</b></xmp></div>", "<div><plaintext>x</plaintext><p>y</p></div>",
          "<div><script><script>a</script><p>shown</p></script></div>",
          "<div><style><x:STYLE xmlns:x=\"u:x\"/><p>b</p></style></div>",
          "<div><x:1a xmlns:x=\"u:x\"/></div>"}) {
        const Content content(xml);
        EXPECT_FALSE(detail::sanitize_xhtml(content.container, 0, options()).has_value()) << xml;
    }
}

TEST(XhtmlSanitizer, DropsFromAttributesWhatEscapingTheMarkupWouldDrop) {
    expect_same_as_markup(
        "<div><a href=\"/p&#x7F;q\" title=\"a&#x9;b\">x</a><img src=\"\xEF\xBF\xBF/i.png\" "
        "alt=\"\xEF\xBF\xBE\"/></div>");
}

TEST(XhtmlSanitizer, AgreesWithTheMarkupPathOverRandomContent) {
    const std::vector<std::string> names = {
        "p",  "P",     "div", "br",       "img", "a",    "script", "style",    "xmp",   "iframe",
        "li", "table", "tr",  "td",       "x:p", "x:A",  "foo",    "textarea", "title", "b",
        "dd", "dt",    "svg", "noscript", "rt",  "ruby", "h1",     "h2",       "source"};
    const std::vector<std::string> attributes = {"href=\"/rel/x?a=1&amp;b=2\"",
                                                 "HREF=\"javascript:alert(1)\"",
                                                 "src=\"https://e.org/i.png\"",
                                                 "srcset=\"a.png 1x, b.png 2x\"",
                                                 "title=\"t &lt;&quot;\"",
                                                 "onclick=\"x()\"",
                                                 "src=\"/p&#x7F;q\"",
                                                 "xml:lang=\"en\"",
                                                 "Title=\"T\"",
                                                 "dir=\"RTL\"",
                                                 "cite=\"  http://e.org/ \""};
    const std::vector<std::string> texts = {"text ",      "&amp; &lt;b&gt; ", "\xE4\xB8\xAD",
                                            "  ",         "&#160;",           "<![CDATA[<b>&x]]>",
                                            "<!-- c -->", "\xEF\xBF\xBE",     "a\"b'c"};
    std::mt19937 random(2026);
    for (int round = 0; round < 3000; ++round) {
        std::string body;
        std::vector<std::string> open;
        for (int piece = static_cast<int>(random() % 30); piece > 0; --piece) {
            const auto kind = random() % 4;
            if (kind == 0) {
                const std::string& name = names[random() % names.size()];
                body += "<" + name;
                if (random() % 2 == 0) body += " " + attributes[random() % attributes.size()];
                if (random() % 4 == 0) {
                    body += "/>";
                } else {
                    body += ">";
                    open.push_back(name);
                }
            } else if (kind == 1 && !open.empty()) {
                body += "</" + open.back() + ">";
                open.pop_back();
            } else {
                body += texts[random() % texts.size()];
            }
        }
        while (!open.empty()) {
            body += "</" + open.back() + ">";
            open.pop_back();
        }
        expect_same_as_markup("<div xmlns:x=\"u:x\">" + body + "</div>");
        if (HasFailure()) return;
    }
}

}  // namespace
