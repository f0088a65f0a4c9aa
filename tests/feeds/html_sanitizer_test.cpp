#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <random>
#include <string>
#include <string_view>

#include "feeds/html.hpp"

namespace feedagg::feeds {
namespace {

using namespace std::string_literals;

std::string lowercase(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

// How a browser compares a URL's scheme: case-insensitive, ignoring whitespace and controls.
std::string squeezed(std::string_view value) {
    std::string result;
    for (const char c : lowercase(value))
        if (static_cast<unsigned char>(c) > 0x20) result.push_back(c);
    return result;
}

// False when a browser would run the value, or one of its comma-separated srcset candidates, as
// script: the scheme is what counts ("https://x/javascript:" is harmless).
bool safe_to_follow(std::string_view squeezed_value) {
    std::size_t start = 0;
    while (start <= squeezed_value.size()) {
        const std::size_t comma = std::min(squeezed_value.find(',', start), squeezed_value.size());
        const std::string_view candidate = squeezed_value.substr(start, comma - start);
        for (const std::string_view bad : {"javascript:", "vbscript:", "data:text", "livescript:"})
            if (candidate.substr(0, bad.size()) == bad) return false;
        start = comma + 1;
    }
    return true;
}

// The elements the sanitizer is documented to write.
bool is_documented_element(std::string_view name) {
    static const std::vector<std::string_view> kAllowed = {
        "a",     "abbr",  "audio", "b",          "bdi",    "bdo",    "blockquote", "br",   "caption",
        "cite",  "code",  "col",   "colgroup",   "dd",     "del",    "details",    "dfn",  "div",
        "dl",    "dt",    "em",    "figcaption", "figure", "h1",     "h2",         "h3",   "h4",
        "h5",    "h6",    "hr",    "i",          "iframe", "img",    "ins",        "kbd",  "li",
        "mark",  "ol",    "p",     "picture",    "pre",    "q",      "rp",         "rt",   "ruby",
        "s",     "samp",  "small", "source",     "span",   "strike", "strong",     "sub",  "summary",
        "sup",   "table", "tbody", "td",         "tfoot",  "th",     "thead",      "time", "tr",
        "track", "u",     "ul",    "var",        "video",  "wbr"};
    return std::find(kAllowed.begin(), kAllowed.end(), name) != kAllowed.end();
}

// Parses sanitized output as XML inside a root element; empty on success, else what is wrong.
std::string problems_in(const std::string& sanitized) {
    const std::string lower = lowercase(sanitized);
    for (const std::string_view tag : {"<script", "<style", "<iframe", "<object", "<embed", "<form", "<base",
                                       "<meta", "<link", "<svg", "<math", "<frame", "<input", "<button"}) {
        if (lower.find(tag) != std::string::npos) return "contains " + std::string(tag);
    }
    pugi::xml_document document;
    const std::string wrapped = "<root>" + sanitized + "</root>";
    const auto parsed =
        document.load_buffer(wrapped.data(), wrapped.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) return std::string("not well-formed XML: ") + parsed.description();

    std::string problem;
    struct Walker : pugi::xml_tree_walker {
        std::string* problem;
        bool for_each(pugi::xml_node& node) override {
            if (node.type() != pugi::node_element ||
                (depth() == 0 && std::string_view(node.name()) == "root"))
                return true;
            if (!is_documented_element(node.name())) *problem = std::string("element ") + node.name();
            for (const pugi::xml_attribute attribute : node.attributes()) {
                const std::string name = attribute.name();
                const std::string value = squeezed(attribute.value());
                if (name.rfind("on", 0) == 0) *problem = "event handler " + name;
                if (name == "style" || name == "class" || name == "id") *problem = "attribute " + name;
                if (!safe_to_follow(value)) *problem = name + "=" + value;
                if (value.rfind("data:", 0) == 0 && (std::string(node.name()) != "img" || name != "src"))
                    *problem = "data URL in " + name;
                if (value.rfind("data:image/svg", 0) == 0) *problem = "SVG data URL";
            }
            return problem->empty();
        }
    } walker;
    walker.problem = &problem;
    document.traverse(walker);
    return problem;
}

// Vectors after the OWASP XSS Filter Evasion Cheat Sheet and common mutation-XSS payloads.
const std::vector<std::string> kXssVectors = {
    R"~(<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>)~",
    R"~(<script>alert(1)</script>)~",
    R"~(<ScRiPt>alert(1)</sCrIpT>)~",
    R"~(<script type="text/javascript">alert(1)</script>)~",
    R"~(<IMG SRC="javascript:alert('XSS');">)~",
    R"~(<IMG SRC=javascript:alert('XSS')>)~",
    R"~(<IMG SRC=JaVaScRiPt:alert('XSS')>)~",
    R"~(<IMG SRC=`javascript:alert("RSnake says, 'XSS'")`>)~",
    R"~(<a onmouseover="alert(document.cookie)">xxs link</a>)~",
    R"~(<IMG """><SCRIPT>alert("XSS")</SCRIPT>">)~",
    R"~(<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>)~",
    R"~(<IMG SRC=# onmouseover="alert('xxs')">)~",
    R"~(<IMG SRC= onmouseover="alert('xxs')">)~",
    R"~(<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>)~",
    R"~(<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">)~",
    R"~(<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>)~",
    R"~(<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>)~",
    R"~(<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>)~",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    R"~(<IMG SRC="jav&#x09;ascript:alert('XSS');">)~",
    R"~(<IMG SRC="jav&#x0A;ascript:alert('XSS');">)~",
    R"~(<IMG SRC="jav&#x0D;ascript:alert('XSS');">)~",
    "<IMG SRC=java\0script:alert(\"XSS\")>"s,
    R"~(<IMG SRC=" &#14;  javascript:alert('XSS');">)~",
    R"~(<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>)~",
    R"~(<BODY onload!#$%&()*~+-_.,:;?@[/|\]^`=alert("XSS")>)~",
    R"~(<SCRIPT/SRC="http://xss.rocks/xss.js"></SCRIPT>)~",
    R"~(<<SCRIPT>alert("XSS");//\<</SCRIPT>)~",
    R"~(<SCRIPT SRC=http://xss.rocks/xss.js?< B >)~",
    R"~(<SCRIPT SRC=//xss.rocks/.j>)~",
    R"~(<IMG SRC="`<javascript:alert>`('XSS')")~",
    R"~(<iframe src=http://xss.rocks/scriptlet.html <)~",
    R"~(</TITLE><SCRIPT>alert("XSS");</SCRIPT>)~",
    R"~(<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">)~",
    R"~(<BODY BACKGROUND="javascript:alert('XSS')">)~",
    R"~(<IMG DYNSRC="javascript:alert('XSS')">)~",
    R"~(<IMG LOWSRC="javascript:alert('XSS')">)~",
    R"~(<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>)~",
    R"~(<svg/onload=alert('XSS')>)~",
    R"~(<BODY ONLOAD=alert('XSS')>)~",
    R"~(<BGSOUND SRC="javascript:alert('XSS');">)~",
    R"~(<BR SIZE="&{alert('XSS')}">)~",
    R"~(<LINK REL="stylesheet" HREF="javascript:alert('XSS');">)~",
    R"~(<STYLE>@import'http://xss.rocks/xss.css';</STYLE>)~",
    R"~(<META HTTP-EQUIV="Link" Content="<http://xss.rocks/xss.css>; REL=stylesheet">)~",
    R"~(<STYLE>BODY{-moz-binding:url("http://xss.rocks/xssmoz.xml#xss")}</STYLE>)~",
    R"~(<IMG STYLE="xss:expr/*XSS*/ession(alert('XSS'))">)~",
    R"~(<div style="width: expression(alert('XSS'));">)~",
    R"~(<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">)~",
    R"~(<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">)~",
    R"~(<IFRAME SRC="javascript:alert('XSS');"></IFRAME>)~",
    R"~(<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>)~",
    R"~(<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>)~",
    R"~(<TABLE BACKGROUND="javascript:alert('XSS')">)~",
    R"~(<TABLE><TD BACKGROUND="javascript:alert('XSS')">)~",
    R"~(<DIV STYLE="background-image: url(javascript:alert('XSS'))">)~",
    R"~(<DIV STYLE="background-image:\0075\0072\006C\0028'\006a\0061\0076\0061\0073\0063\0072\0069\0070\0074\003a\0061\006c\0065\0072\0074\0028.1027\0058.1053\0053\0027\0029'\0029">)~",
    R"~(<BASE HREF="javascript:alert('XSS');//">)~",
    R"~(<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>)~",
    R"~(<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjxzY3JpcHQ+YWxlcnQoMSk8L3NjcmlwdD48L3N2Zz4=" type="image/svg+xml" AllowScriptAccess="always"></EMBED>)~",
    R"~(<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->)~",
    R"~(<XSS STYLE="behavior: url(xss.htc);">)~",
    R"~(<SCRIPT a=">" SRC="httx://xss.rocks/xss.js"></SCRIPT>)~",
    R"~(<SCRIPT =">" SRC="httx://xss.rocks/xss.js"></SCRIPT>)~",
    R"~(<SCRIPT a=">" '' SRC="httx://xss.rocks/xss.js"></SCRIPT>)~",
    R"~(<SCRIPT "a='>'" SRC="httx://xss.rocks/xss.js"></SCRIPT>)~",
    R"~(<SCRIPT a=`>` SRC="httx://xss.rocks/xss.js"></SCRIPT>)~",
    R"~(<SCRIPT a=">'>" SRC="httx://xss.rocks/xss.js"></SCRIPT>)~",
    R"~(<SCRIPT>document.write("<SCRI");</SCRIPT>PT SRC="httx://xss.rocks/xss.js"></SCRIPT>)~",
    R"~(<A HREF="javascript:document.location='http://www.google.com/'">XSS</A>)~",
    R"~(<a href="  javascript:alert(1)">x</a>)~",
    R"~(<a href="&#x20;javascript:alert(1)">x</a>)~",
    R"~(<a href="javascript&colon;alert(1)">x</a>)~",
    R"~(<a href="&#1;javascript:alert(1)">x</a>)~",
    "<a href=\"\x01javascript:alert(1)\">x</a>",
    "<a href=\"java\nscript:alert(1)\">x</a>",
    R"~(<a href="vbscript:msgbox(1)">x</a>)~",
    R"~(<a href="VBScript:msgbox(1)">x</a>)~",
    R"~(<a href="livescript:alert(1)">x</a>)~",
    R"~(<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>)~",
    R"~(<a href="DATA:text/html,<script>alert(1)</script>">x</a>)~",
    R"~(<a href="file:///etc/passwd">x</a>)~",
    R"~(<a href=javascript:alert(1)//>x</a>)~",
    R"~(<a href="javascript:alert(1)" <!-- )~",
    R"~(<a href="javascript:alert(1))~",
    R"~(<img srcset="javascript:alert(1) 1x, x.png 2x">)~",
    R"~(<img src="x.png" srcset="  javascript:alert(1)">)~",
    R"~(<picture><source srcset="javascript:alert(1)"><img src="x.png"></picture>)~",
    R"~(<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">CLICKME</maction></math>)~",
    R"~(<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>)~",
    R"~(<svg><style>x</style><img src=x onerror=alert(1)></svg>)~",
    R"~(<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>)~",
    R"~(<form action="javascript:alert(1)"><input type="submit"></form>)~",
    R"~(<button formaction="javascript:alert(1)">x</button>)~",
    R"~(<isindex action=javascript:alert(1) type=image>)~",
    R"~(<scr<script>ipt>alert(1)</scr</script>ipt>)~",
    R"~(<img src="x" alt="unterminated)~",
    R"~(<div id="x" onclick='alert(1)'>click</div>)~",
    R"~(<video poster=javascript:alert(1)></video>)~",
    R"~(<video><source onerror="alert(1)"></video>)~",
    R"~(<audio src=x onerror=alert(1)>)~",
    R"~(<details open ontoggle=alert(1)>)~",
    R"~(<blockquote cite="javascript:alert(1)">q</blockquote>)~",
    R"~(<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>)~",
    R"~(<style><img src="</style><img src=x onerror=alert(1)//">)~",
    R"~(<textarea><script>alert(1)</script></textarea>)~",
    R"~(<title><script>alert(1)</script></title>)~",
    R"~(<xmp><script>alert(1)</script></xmp>)~",
    R"~(<plaintext><script>alert(1)</script>)~",
    R"~(<img src=x:alert(alt) onerror=eval(src) alt=0>)~",
    R"~(<template><script>alert(1)</script></template>)~",
    R"~(<object data="javascript:alert(1)">)~",
    R"~(<embed src="javascript:alert(1)">)~",
    R"~(<applet code="x.class">fallback</applet>)~",
    R"~(<img src="data:image/svg+xml;base64,PHN2Zz4=">)~",
    R"~(<iframe srcdoc="<script>alert(1)</script>">)~",
    R"~(<iframe src="data:text/html,<script>alert(1)</script>">)~",
    R"~(<iframe src="http://www.youtube.com/embed/x"></iframe>)~",
    R"~(<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>)~",
    R"~(<iframe src="javascript://www.youtube.com/%0aalert(1)"></iframe>)~",
    R"~(<!--<img src="--><img src=x onerror=alert(1)//">)~",
    R"~(<![CDATA[<script>alert(1)</script>]]>)~",
    R"~(<?xml-stylesheet href="javascript:alert(1)"?>)~",
    R"~(<img src="x" style="background:url(javascript:alert(1))">)~",
    R"~(<meta charset="x"><base target=_blank href="http://evil.example/">)~",
    R"~(<link rel=import href=x>)~",
    "<img\0src=x onerror=alert(1)>"s,
    "<scr\0ipt>alert(1)</scr\0ipt>"s,
    R"~(<img src="jav&#x26;#x09;ascript:alert(1)">)~",
    R"~(<a href="jav&Tab;ascript:alert(1)">x</a>)~",
    R"~(<a href="&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)">x</a>)~",
    R"~(<a href="&#x6a;avascript:alert(1)">x</a>)~",
    R"~(<a href="java&NewLine;script:alert(1)">x</a>)~",
    R"~(<p onmouseover=alert(1) title="a">x</p>)~",
    R"~(<p/onmouseover=alert(1)>x</p>)~",
    R"~(<a href="x" onclick=alert(1) onclick=y>x</a>)~",
    R"~(<img src=x onerror=alert(1)/>)~",
    R"~(<img src="x"/onerror=alert(1)>)~",
    R"~(<table background="javascript:alert(1)"><tr><td style="x">a</td></tr></table>)~",
};

class XssVector : public testing::TestWithParam<std::string> {};

TEST_P(XssVector, LeavesNoActiveContentAndStaysWellFormed) {
    SanitizeOptions options;
    options.base_url = "https://blog.example/posts/1.html";
    const std::string sanitized = sanitize_html(GetParam(), options);
    EXPECT_EQ(problems_in(sanitized), "") << "input: " << GetParam() << "\noutput: " << sanitized;
}

TEST_P(XssVector, LeavesNoActiveContentWithoutBaseUrl) {
    const std::string sanitized = sanitize_html(GetParam());
    EXPECT_EQ(problems_in(sanitized), "") << "input: " << GetParam() << "\noutput: " << sanitized;
}

INSTANTIATE_TEST_SUITE_P(OwaspCheatSheet, XssVector, testing::ValuesIn(kXssVectors));

TEST(XssChecker, FlagsWhatItLooksFor) {
    EXPECT_NE(problems_in(R"(<a href="javascript:x">a</a>)"), "");
    EXPECT_NE(problems_in(R"(<a href=" JaVa Script:x">a</a>)"), "");
    EXPECT_NE(problems_in(R"(<img src="x.png, data:text/html,x" />)"), "");
    EXPECT_NE(problems_in(R"(<b onclick="x">a</b>)"), "");
    EXPECT_NE(problems_in(R"(<font>a</font>)"), "");
    EXPECT_NE(problems_in("<b>a"), "");
    EXPECT_NE(problems_in("<svg/>"), "");
    EXPECT_EQ(problems_in(R"(<a href="https://x/javascript:">a</a>)"), "");
}

TEST(XssVectors, AreAtLeastSixty) {
    EXPECT_GE(kXssVectors.size(), 60U);
}

SanitizeOptions with_base(std::string base) {
    SanitizeOptions options;
    options.base_url = std::move(base);
    return options;
}

// parse_feed tells the sanitizer its input is valid UTF-8; that may only make it faster.
TEST(Sanitizer, GivesTheSameOutputWhenToldTheInputIsValidUtf8) {
    const std::string_view pieces[] = {"<p>",
                                       "</p>",
                                       "<a href=\"/x?a=1&amp;b=2\">",
                                       "</a>",
                                       "<img src=\"\u4e2d.png\" alt='\u00e9'>",
                                       "text ",
                                       "\u6587\u5b57",
                                       "&amp;",
                                       "&lt;",
                                       "&#xFFFE;",
                                       "&#x1F600;",
                                       "&nbsp;",
                                       "&bogus",
                                       "&",
                                       "\"",
                                       "'",
                                       ">",
                                       "\uFFFE",
                                       "\uFFFF",
                                       "\x01",
                                       "\t",
                                       "\n",
                                       "<script>x</script>",
                                       "<textarea>&lt;b&gt;</textarea>",
                                       "<br>",
                                       "<img srcset=\"a.png 1x, \u4e2d.png 2x\">",
                                       "0123456789abcdef"};
    std::mt19937 random(1125);
    SanitizeOptions checked;
    checked.base_url = "https://example.com/dir/page";
    SanitizeOptions unchecked = checked;
    unchecked.input_is_valid_utf8 = true;
    for (int round = 0; round < 5000; ++round) {
        std::string html;
        const int count = static_cast<int>(random() % 20);
        for (int i = 0; i < count; ++i) html += pieces[random() % std::size(pieces)];
        SCOPED_TRACE(::testing::PrintToString(html));
        ASSERT_EQ(sanitize_html(html, unchecked), sanitize_html(html, checked));
    }
}

// A caller that wrongly promises valid UTF-8 may get ill-formed bytes back, but never a crash or a
// read past the input: truncated sequences and 0xEF sit at every distance from the end.
TEST(Sanitizer, SurvivesAWrongPromiseOfValidUtf8) {
    SanitizeOptions options;
    options.input_is_valid_utf8 = true;
    std::mt19937 random(1126);
    for (int round = 0; round < 5000; ++round) {
        std::string html(random() % 40, '\0');
        for (char& c : html) c = static_cast<char>("<>&\"'a \xEF\xBF\xBE\xC3\xE4\xFF\x01"[random() % 14]);
        const std::string sanitized = sanitize_html(html, options);
        // Controls are still dropped: that check does not rest on the promise.
        EXPECT_EQ(sanitized.find('\x01'), std::string::npos) << ::testing::PrintToString(html);
    }
}

TEST(Sanitizer, KeepsParagraphWithLinkResolvedAgainstBase) {
    EXPECT_EQ(
        sanitize_html(R"(<p>Read <a href="/post?id=1&amp;x=2">this</a>.</p>)",
                      with_base("https://blog.example/a/")),
        R"(<p>Read <a href="https://blog.example/post?id=1&amp;x=2" rel="noopener noreferrer">this</a>.</p>)");
}

TEST(Sanitizer, ResolvesImageSrcAndSrcsetAgainstBase) {
    EXPECT_EQ(
        sanitize_html(R"(<img src="a.png" srcset="a.png 1x, /img/b.png 2x" alt="A &amp; B" width="640">)",
                      with_base("https://blog.example/posts/1.html")),
        R"(<img src="https://blog.example/posts/a.png" srcset="https://blog.example/posts/a.png 1x, )"
        R"(https://blog.example/img/b.png 2x" alt="A &amp; B" width="640" />)");
}

TEST(Sanitizer, KeepsTables) {
    const std::string table =
        R"(<table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>)";
    EXPECT_EQ(sanitize_html(table), table);
}

TEST(Sanitizer, KeepsHttpsIframeFromAllowedHostWithSandbox) {
    EXPECT_EQ(
        sanitize_html(
            R"(<iframe src="https://www.youtube.com/embed/abc" width="560" onload="x">fallback</iframe>)"),
        R"(<iframe src="https://www.youtube.com/embed/abc" width="560" )"
        R"(sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"></iframe>)");
}

TEST(Sanitizer, ResolvesProtocolRelativeIframeAgainstHttpsBase) {
    EXPECT_EQ(sanitize_html(R"(<iframe src="//player.vimeo.com/video/1"></iframe>)",
                            with_base("https://blog.example/")),
              R"(<iframe src="https://player.vimeo.com/video/1" )"
              R"(sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"></iframe>)");
}

TEST(Sanitizer, JudgesIframeHostWithoutItsPortOrUserinfo) {
    for (const std::string_view src :
         {"https://www.youtube.com:8443/embed/x", "https://u@www.youtube.com/embed/x",
          "https://www.youtube.com?x", "https://www.youtube.com#x"}) {
        SCOPED_TRACE(src);
        EXPECT_NE(sanitize_html("<iframe src=\"" + std::string(src) + "\"></iframe>").find("<iframe"),
                  std::string::npos);
    }
    for (const std::string_view src :
         {"https://www.youtube.com.evil.example:443/x", "http://www.youtube.com:443/x",
          "https://evil.example:443@www.youtube.co/x"}) {
        SCOPED_TRACE(src);
        EXPECT_EQ(sanitize_html("<iframe src=\"" + std::string(src) + "\"></iframe>"), "");
    }
}

TEST(Sanitizer, DropsIframeFromOtherHostsWithItsContent) {
    EXPECT_EQ(sanitize_html(R"(a<iframe src="https://evil.example/">b</iframe>c)"), "ac");
}

TEST(Sanitizer, HonoursConfiguredIframeHosts) {
    SanitizeOptions options;
    options.iframe_hosts = {"embed.example"};
    EXPECT_EQ(sanitize_html(R"(<iframe src="https://www.youtube.com/embed/x"></iframe>)", options), "");
    EXPECT_NE(sanitize_html(R"(<iframe src="https://EMBED.example/x"></iframe>)", options).find("<iframe"),
              std::string::npos);
}

TEST(Sanitizer, DropsScriptStyleAndTheirContent) {
    EXPECT_EQ(sanitize_html("a<script>var x = '<p>';</script>b<style>p{}</style>c"), "abc");
}

TEST(Sanitizer, RemovesUnknownTagsButKeepsTheirText) {
    EXPECT_EQ(sanitize_html(R"(<font color="red">red</font> <custom-tag>text</custom-tag>)"), "red text");
}

TEST(Sanitizer, DropsClassIdAndStyle) {
    EXPECT_EQ(sanitize_html(R"(<span class="c" id="i" style="color:red" lang="en">x</span>)"),
              R"(<span lang="en">x</span>)");
}

TEST(Sanitizer, KeepsFirstOfDuplicateAttributes) {
    EXPECT_EQ(sanitize_html(R"~(<a href="/a" href="javascript:alert(1)">x</a>)~"),
              R"(<a href="/a" rel="noopener noreferrer">x</a>)");
}

TEST(Sanitizer, KeepsRelativeUrlsWithoutBase) {
    EXPECT_EQ(sanitize_html(R"(<a href="../x.html">x</a>)"),
              R"(<a href="../x.html" rel="noopener noreferrer">x</a>)");
}

TEST(Sanitizer, KeepsMailtoTelAndMagnetLinks) {
    EXPECT_NE(sanitize_html(R"(<a href="mailto:a@b.example">m</a>)").find("href=\"mailto:a@b.example\""),
              std::string::npos);
    EXPECT_NE(sanitize_html(R"(<a href="tel:+123">t</a>)").find("href=\"tel:+123\""), std::string::npos);
    EXPECT_NE(sanitize_html(R"(<a href="magnet:?xt=urn:btih:abc">t</a>)").find("href=\"magnet:"),
              std::string::npos);
}

TEST(Sanitizer, KeepsRasterDataImagesOnImgSrcOnly) {
    EXPECT_EQ(sanitize_html(R"(<img src="data:image/png;base64,iVBORw0=">)"),
              R"(<img src="data:image/png;base64,iVBORw0=" />)");
    EXPECT_EQ(sanitize_html(R"(<img src="data:image/svg+xml;base64,PHN2Zz4=">)"), "");
    EXPECT_EQ(sanitize_html(R"(<a href="data:image/png;base64,iVBORw0=">x</a>)"), "<a>x</a>");
}

TEST(Sanitizer, DropsImagesWithoutSource) {
    EXPECT_EQ(sanitize_html(R"(<img alt="x" onerror="y">)"), "");
}

TEST(Sanitizer, WritesVoidElementsAsXhtml) {
    EXPECT_EQ(sanitize_html("a<br>b<hr>c<wbr>d</br>"), "a<br />b<hr />c<wbr />d<br />");
}

TEST(Sanitizer, ClosesImpliedParagraphsAndListItems) {
    EXPECT_EQ(sanitize_html("<p>a<p>b<ul><li>1<li>2</ul>"), "<p>a</p><p>b</p><ul><li>1</li><li>2</li></ul>");
}

TEST(Sanitizer, ClosesImpliedTableCellsAndRows) {
    EXPECT_EQ(sanitize_html("<table><tr><td>1<td>2<tr><td>3</table>"),
              "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>");
}

TEST(Sanitizer, FixesMisnestedAndUnclosedElements) {
    EXPECT_EQ(sanitize_html("<b><i>x</b>y</i>"), "<b><i>x</i></b>y");
    EXPECT_EQ(sanitize_html("<div><p>open"), "<div><p>open</p></div>");
}

TEST(Sanitizer, IgnoresStrayEndTags) {
    EXPECT_EQ(sanitize_html("</div>x</p></a>"), "x");
}

TEST(Sanitizer, DecodesAndReescapesText) {
    EXPECT_EQ(sanitize_html("a &lt; b &amp;&amp; c &mdash; d &copy 1 \"q\""),
              "a &lt; b &amp;&amp; c \u2014 d \u00a9 1 &quot;q&quot;");
}

TEST(Sanitizer, DropsCommentsAndDoctypes) {
    EXPECT_EQ(sanitize_html("<!DOCTYPE html>a<!-- <script> -->b<!-->c<?php x ?>d"), "abcd");
}

TEST(Sanitizer, KeepsBodyOfFullDocuments) {
    EXPECT_EQ(sanitize_html("<html><head><meta charset=utf-8><title>T</title><style>p{}</style>"
                            "<link rel=stylesheet href=x.css><p>Body"),
              "<p>Body</p>");
}

TEST(Sanitizer, KeepsNoscriptFallbackContent) {
    EXPECT_EQ(sanitize_html(R"(<noscript><img src="https://cdn.example/a.png"></noscript>)"),
              R"(<img src="https://cdn.example/a.png" />)");
}

TEST(Sanitizer, KeepsXmpContentAsText) {
    EXPECT_EQ(sanitize_html("<xmp><b>&amp;</b></xmp>"), "&lt;b&gt;&amp;amp;&lt;/b&gt;");
}

TEST(Sanitizer, DropsCharactersXmlForbidsAndRepairsUtf8) {
    EXPECT_EQ(sanitize_html("a\x01"
                            "b\x0B"
                            "c\xFF"
                            "d"),
              "abc\uFFFDd");
}

TEST(Sanitizer, CapsNestingDepth) {
    std::string html;
    for (int i = 0; i < 300; ++i) html += "<div>";
    const std::string sanitized = sanitize_html(html);
    std::size_t opened = 0;
    for (std::size_t at = sanitized.find("<div>"); at != std::string::npos;
         at = sanitized.find("<div>", at + 1))
        ++opened;
    EXPECT_EQ(opened, 256U);
    EXPECT_EQ(problems_in(sanitized), "");
}

// The tokenizer, seen through the sanitizer's output (HTML5 §13.2.5).

TEST(HtmlTokenizer, ReadsQuotedUnquotedAndValuelessAttributes) {
    EXPECT_EQ(sanitize_html(R"(<td colspan=2 rowspan='3' headers="h1 h2">x</td>)"),
              R"(<td colspan="2" rowspan="3" headers="h1 h2">x</td>)");
    EXPECT_EQ(sanitize_html("<details open>x</details>"), R"(<details open="">x</details>)");
}

TEST(HtmlTokenizer, ReadsUppercaseTagsAndAttributes) {
    EXPECT_EQ(sanitize_html(R"(<P TITLE="t">x</P>)"), R"(<p title="t">x</p>)");
}

TEST(HtmlTokenizer, KeepsQueryAmpersandsInAttributesLiteral) {
    // HTML5 §13.2.5.73: "&copy=" in an attribute value is not a character reference.
    EXPECT_EQ(sanitize_html(R"(<a href="https://x.example/?a=1&copy=2&amp;b=3">x</a>)"),
              R"(<a href="https://x.example/?a=1&amp;copy=2&amp;b=3" rel="noopener noreferrer">x</a>)");
}

TEST(HtmlTokenizer, ReadsTextareaAndTitleAsRcdata) {
    EXPECT_EQ(sanitize_html("<textarea><b>x</b></textarea>after"), "after");
    EXPECT_EQ(html_to_text("<title>A &amp; <b>B</b></title>body"), "body");
}

TEST(HtmlTokenizer, EndsRawTextOnlyAtItsOwnEndTag) {
    EXPECT_EQ(sanitize_html("<style>a</p>b</style >c"), "c");
    EXPECT_EQ(sanitize_html("<script>x</scripty></script/>y"), "y");
}

TEST(HtmlTokenizer, ReadsEverythingAfterPlaintextAsText) {
    EXPECT_EQ(sanitize_html("<p>a<plaintext></p><b>&amp;"), "<p>a&lt;/p&gt;&lt;b&gt;&amp;amp;</p>");
}

TEST(HtmlTokenizer, ReadsBogusCommentsAndShortComments) {
    EXPECT_EQ(sanitize_html("a<!-->b<!--->c<!x>d</ x>e<?y>f</>g<!---->h"), "abcdefgh");
}

TEST(HtmlTokenizer, TreatsLoneLessThanAsText) {
    EXPECT_EQ(sanitize_html("1 < 2 <3 <"), "1 &lt; 2 &lt;3 &lt;");
}

TEST(HtmlTokenizer, EndsCommentAtBangClose) {
    EXPECT_EQ(sanitize_html("a<!-- x --!>b"), "ab");
}

TEST(SanitizerHostileInput, SurvivesAMegabyteOfNestedDivs) {
    std::string html;
    while (html.size() < 1024 * 1024) html += "<div>";
    EXPECT_EQ(problems_in(sanitize_html(html)), "");
}

TEST(SanitizerHostileInput, DropsCommentUnterminatedAtEnd) {
    EXPECT_EQ(sanitize_html("<p>a<!-- b <script>"), "<p>a</p>");
}

TEST(SanitizerHostileInput, DropsTagWithAttributeUnterminatedAtEnd) {
    EXPECT_EQ(sanitize_html(R"(<p>a<a href="https://x.example/)"), "<p>a</p>");
}

TEST(SanitizerHostileInput, HandlesTenMegabytesOfAmpersands) {
    std::string html;
    for (int i = 0; i < 2 * 1024 * 1024; ++i) html += "&amp;";
    const std::string sanitized = sanitize_html(html);
    EXPECT_EQ(sanitized.size(), html.size());
    EXPECT_EQ(sanitized.substr(0, 10), "&amp;&amp;");
}

TEST(SanitizerHostileInput, HandlesTagsWithThousandsOfAttributes) {
    std::string html = "<img src=a.png";
    for (int i = 0; i < 100000; ++i) html += " a" + std::to_string(i) + "=x";
    html += ">";
    EXPECT_EQ(sanitize_html(html), R"(<img src="a.png" />)");
}

TEST(SanitizerHostileInput, StaysWellFormedOnBinaryGarbage) {
    std::mt19937 random(42);
    static constexpr char kAlphabet[] = "<>/=\"'&;#!-abcdiprstx \n\0\x80\xff";
    const std::string_view alphabet(kAlphabet, sizeof(kAlphabet) - 1);
    for (int round = 0; round < 200; ++round) {
        std::string html;
        for (int i = 0; i < 2000; ++i) html.push_back(alphabet[random() % alphabet.size()]);
        const std::string sanitized = sanitize_html(html);
        ASSERT_EQ(problems_in(sanitized), "") << "round " << round;
    }
}

TEST(SanitizerHostileInput, EveryTruncationOfAnArticleIsWellFormed) {
    const std::string article =
        R"(<!DOCTYPE html><p class=x>Intro &amp; <a href="/a?b=1&c=2" title='t'>link</a><!-- c --></p>)"
        R"(<ul><li>one<li>two</ul><script>x()</script><table><tr><td>1</table><img src=a.png alt="a">)";
    for (std::size_t length = 0; length <= article.size(); ++length)
        ASSERT_EQ(problems_in(sanitize_html(article.substr(0, length))), "") << "length " << length;
}

// Quoted values are searched 16 bytes at a time for their closing quote and any '&': a reference
// and the quote must be found at every offset, in either quote style.
TEST(Sanitizer, ReadsReferencesAndQuotesAtEveryOffsetOfLongAttributeValues) {
    for (std::size_t offset = 0; offset < 40; ++offset) {
        const std::string padding(offset, 'x');
        EXPECT_EQ(sanitize_html("<p title=\"" + padding + "&lt;\">a</p>"),
                  "<p title=\"" + padding + "&lt;\">a</p>")
            << offset;
        EXPECT_EQ(sanitize_html("<p title='" + padding + "'>a</p>"), "<p title=\"" + padding + "\">a</p>")
            << offset;
        EXPECT_EQ(sanitize_html("<p title='" + padding + "\"&amp;'>a</p>"),
                  "<p title=\"" + padding + "&quot;&amp;\">a</p>")
            << offset;
        // No closing quote: the tag is dropped, its text kept.
        EXPECT_EQ(sanitize_html("b<p title=\"" + padding), "b") << offset;
    }
}

// Candidate URLs are searched 16 bytes at a time for the space that ends them; any ASCII space
// does, at any offset, and a control character does not.
TEST(Sanitizer, SplitsSrcsetCandidatesAtAnySpaceAfterUrlsOfAnyLength) {
    for (std::size_t length = 1; length < 40; ++length) {
        const std::string url = "https://e.org/" + std::string(length, 'a') + ".png";
        for (const char space : {' ', '\t', '\n', '\f'}) {
            EXPECT_EQ(sanitize_html("<img src=\"s.png\" srcset=\"" + url + space + "2x," + url + "\">"),
                      "<img src=\"s.png\" srcset=\"" + url + " 2x, " + url + "\" />")
                << length;
        }
        EXPECT_EQ(sanitize_html("<img src=\"s.png\" srcset=\"" + url + "\x01x 2x\">"),
                  "<img src=\"s.png\" srcset=\"" + url + "x 2x\" />")
            << length;
    }
}

}  // namespace
}  // namespace feedagg::feeds
