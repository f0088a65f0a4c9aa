#include "feeds/url.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "feeds/url_resolver.hpp"

namespace feedagg::feeds {
namespace {

constexpr std::string_view kBase = "https://blog.example/a/b/post.html?x=1#top";

TEST(ResolveUrl, ResolvesRelativePaths) {
    EXPECT_EQ(resolve_url(kBase, "img.png"), "https://blog.example/a/b/img.png");
    EXPECT_EQ(resolve_url(kBase, "../c/d.html"), "https://blog.example/a/c/d.html");
    EXPECT_EQ(resolve_url(kBase, "/root.html"), "https://blog.example/root.html");
}

TEST(ResolveUrl, FollowsRfc3986Examples) {
    // RFC 3986 §5.4.1 normal examples.
    const std::string_view base = "http://a/b/c/d;p?q";
    EXPECT_EQ(resolve_url(base, "g"), "http://a/b/c/g");
    EXPECT_EQ(resolve_url(base, "./g"), "http://a/b/c/g");
    EXPECT_EQ(resolve_url(base, "g/"), "http://a/b/c/g/");
    EXPECT_EQ(resolve_url(base, "?y"), "http://a/b/c/d;p?y");
    EXPECT_EQ(resolve_url(base, "#s"), "http://a/b/c/d;p?q#s");
    EXPECT_EQ(resolve_url(base, "../../g"), "http://a/g");
    EXPECT_EQ(resolve_url(base, "//g"), "http://g");
}

TEST(ResolveUrl, ResolvesProtocolRelativeReferences) {
    EXPECT_EQ(resolve_url(kBase, "//cdn.example/x.js"), "https://cdn.example/x.js");
}

TEST(ResolveUrl, KeepsAbsoluteReferences) {
    EXPECT_EQ(resolve_url(kBase, "http://other.example/p?q=1"), "http://other.example/p?q=1");
    EXPECT_EQ(resolve_url("", "https://other.example/p"), "https://other.example/p");
}

TEST(ResolveUrl, TrimsWhitespace) {
    EXPECT_EQ(resolve_url(kBase, " \n\timg.png \r\n"), "https://blog.example/a/b/img.png");
}

TEST(ResolveUrl, PercentEncodesSpacesAndNonAscii) {
    EXPECT_EQ(resolve_url(kBase, "my file.png"), "https://blog.example/a/b/my%20file.png");
    EXPECT_EQ(resolve_url(kBase, "/\u65b0\u95fb/1.html"), "https://blog.example/%E6%96%B0%E9%97%BB/1.html");
    EXPECT_EQ(resolve_url(kBase, "a.png?q=100%"), "https://blog.example/a/b/a.png?q=100%25");
}

TEST(ResolveUrl, KeepsExistingPercentEncoding) {
    EXPECT_EQ(resolve_url(kBase, "a%20b.png"), "https://blog.example/a/b/a%20b.png");
}

TEST(ResolveUrl, ReadsColonInFirstSegmentAsPath) {
    EXPECT_EQ(resolve_url(kBase, "`x:y"), "https://blog.example/a/b/%60x:y");
}

TEST(ResolveUrl, ReturnsReferenceWhenBaseIsNotAbsolute) {
    EXPECT_EQ(resolve_url("", " img.png "), "img.png");
    EXPECT_EQ(resolve_url("/relative/base", "img.png"), "img.png");
    EXPECT_EQ(resolve_url("http://[broken", "img.png"), "img.png");
}

TEST(ResolveUrl, SurvivesHostileInput) {
    const std::string garbage(100000, '%');
    EXPECT_FALSE(resolve_url(kBase, garbage).empty());
    EXPECT_NO_THROW(resolve_url(std::string("\0\xff[]::", 7), std::string("\0\xff[]::", 7)));
}

TEST(IsSafeLinkUrl, AcceptsWebMailAndPhoneSchemes) {
    EXPECT_TRUE(is_safe_link_url("https://example.com/"));
    EXPECT_TRUE(is_safe_link_url("HTTP://example.com/a b"));
    EXPECT_TRUE(is_safe_link_url("ftp://files.example/x"));
    EXPECT_TRUE(is_safe_link_url("mailto:someone@example.com"));
    EXPECT_TRUE(is_safe_link_url("tel:+86-10-1234"));
    EXPECT_TRUE(is_safe_link_url("magnet:?xt=urn:btih:abc"));
}

TEST(IsSafeLinkUrl, RejectsScriptDataAndFileSchemes) {
    EXPECT_FALSE(is_safe_link_url("javascript:alert(1)"));
    EXPECT_FALSE(is_safe_link_url("JaVaScRiPt:alert(1)"));
    EXPECT_FALSE(is_safe_link_url("vbscript:msgbox(1)"));
    EXPECT_FALSE(is_safe_link_url("data:text/html,<script>"));
    EXPECT_FALSE(is_safe_link_url("file:///etc/passwd"));
}

TEST(IsSafeLinkUrl, RejectsRelativeAndHostlessUrls) {
    EXPECT_FALSE(is_safe_link_url("/local/path"));
    EXPECT_FALSE(is_safe_link_url("http:no-host"));
    EXPECT_FALSE(is_safe_link_url(""));
}

// UrlResolver takes shortcuts for plain absolute URLs, "/path" and "dir/file"; they must give what
// the general Boost.URL path gives, for references that take them and ones that just miss them.
TEST(UrlResolver, ShortcutsAgreeWithBoostUrlResolution) {
    const std::vector<std::string> bases = {"",
                                            "https://blog.example/a/b/post.html?x=1#top",
                                            "http://a/b/c/d;p?q",
                                            "https://host.example",
                                            "https://Host.Example:8443/dir/",
                                            "HTTPS://H.EX/x/y",
                                            "http://h.ex/a/../b/c",
                                            "https://h.ex/%7Euser/x",
                                            "https://h.ex/%E4%B8%AD/b",
                                            "https://h.ex/%2F/b",
                                            "https://u:p@h.ex/a/b",
                                            "https://h.ex/a b/c",
                                            "ftp://f.ex/d/e",
                                            "mailto:x@y",
                                            "/relative",
                                            "http://[broken",
                                            "https://h.ex/.well-known/x"};
    const std::vector<std::string> references = {
        "https://cdn.example/img/1-800.jpg", "http://ex.com", "http://ex.com?q", "http://ex.com#f",
        "https://ex.com:8080/x?y=1&z=2#f", "https://ex.com:/x", "https://ex.com:99999/x",
        "https://ex.com:123456/x", "https://1.2.3.4/x", "https://-ex.com/x", "https://ex_com/x",
        "https://ex.com/a/../b", "https://ex.com/%41", "https://ex.com/%zz", "https://ex.com/x#a#b",
        "https://ex.com/x y", "https://ex.com\\x", "https://u@ex.com/", "https://[::1]/x", "https:///x",
        "https:", "http:ex.com", "HTTPS://ex.com/", "Https://ex.com/", "/root/p.png", "/", "//cdn.ex/x.js",
        "/a/./b", "/a/../b", "/a/.", "/.well-known", "/x#a#b", "/x?a?b", "/x%20y", "/x%2Fy", "/x%2fy",
        "/x%41", "/x%e4%b8%ad", "/x%E4%B8%AD", "/x%7E", "/x%25", "/x%", "/x?q=%41", "/x#%41",
        "/p;x=1?q=a/b?c#f/g?h", "/x@y:z", "/~user/", "/a'b(c)*+,;=!$&", "img.png", "a/b/c.jpg", "a/b/",
        "x/y:z", "x:y/z", "a:b", "g;x?y#s", "~u/p", "-x", "_x", ".", "..", "./g", "../g", "a/..", "a/./b",
        ".hidden", "a/.b", "%2e/x", "%2E%2E/x", "a/%2e%2e/b", "?y", "#s", "", " ", " img.png ", "my file.png",
        "a\tb.png", "`x:y", "a%20b.png", "a.png?q=100%", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
        "data:image/png;base64,AA", "mailto:a@b.c", "tel:1", "ftp://f.ex/x", "file:///etc/passwd",
        "\xe4\xb8\xad.png", "/\xe4\xb8\xad", "a[1].png", "a{b}.png",
        // Internationalized names, spaces and other characters the shortcut first encodes.
        "https://\xe4\xbe\x8b\xe5\xad\x90.\xe6\xb5\x8b\xe8\xaf\x95/img/1.jpg",
        "https://cdn.\xe4\xbe\x8b\xe5\xad\x90.\xe6\xb5\x8b\xe8\xaf\x95:8080/a b?q=\xe4\xb8\xad#f#g",
        "https://ex.com/a b", "https://ex.com/a\tb", "https://%E4%BE%8B.com/", "https://%zz.com/",
        "https://ex%2Ecom/", "http://ex.com/\xff\xfe", "https://\xe4\xbe\x8b/../a",
        "/\xe6\x96\xb0 \xe9\x97\xbb/1.html", "a b/c d.png", "\xe4\xb8\xad/../x", "\xe4\xb8\xad:x/y",
        "https://ex.com/%e4", "https://ex.com/100%", "/100%",
        // Hosts whose encoding is kept from link to link: again, other paths, more hosts than kept.
        "https://\xe4\xbe\x8b\xe5\xad\x90.\xe6\xb5\x8b\xe8\xaf\x95/other?x=1#y", "http://\xe4\xb8\x80.com",
        "http://\xe4\xb8\x81.com?q", "http://\xe4\xb8\x82.com#f", "https://\xe4\xb8\x83.com:99999/x",
        "https://\xe4\xbe\x8b\t\xe5\xad\x90.com/x", "https://\xe4\xbe\x8b\\b.com/x",
        "https://u@\xe4\xbe\x8b.com/x",
        "https://\xe4\xbe\x8b\xe5\xad\x90.\xe6\xb5\x8b\xe8\xaf\x95/img/2.jpg x"};
    std::size_t compared = 0;
    for (const std::string& base : bases) {
        const detail::UrlResolver resolver(base);
        for (const std::string& reference : references) {
            SCOPED_TRACE("base=\"" + base + "\" reference=\"" + reference + "\"");
            EXPECT_EQ(resolver.resolve(reference), resolver.resolve_checked(reference, false).value_or(""));
            EXPECT_EQ(resolver.resolve_link(reference), resolver.resolve_checked(reference, true));
            std::string buffer = "stale";
            const auto viewed = resolver.resolve_link(reference, buffer);
            EXPECT_EQ(viewed.has_value(), resolver.resolve_checked(reference, true).has_value());
            if (viewed) {
                EXPECT_EQ(std::string(*viewed), *resolver.resolve_checked(reference, true));
            }
            EXPECT_EQ(resolve_url(base, reference), resolver.resolve_checked(reference, false).value_or(""));
            ++compared;
        }
    }
    EXPECT_GT(compared, 1000U);
}

TEST(UrlResolver, ShortcutKeepsUnsafeSchemesOut) {
    const detail::UrlResolver resolver("https://blog.example/a/");
    std::string buffer;
    for (const std::string_view hostile : {"javascript:alert(1)", "javascript://ex.com/%0Aalert(1)",
                                           "data:text/html,x", "vbscript:x", "https:x", "http:/ex.com"}) {
        SCOPED_TRACE(hostile);
        EXPECT_FALSE(resolver.resolve_link(hostile, buffer).has_value());
        EXPECT_FALSE(is_safe_link_url(hostile));
    }
}

// Plain URL text is recognized 16 bytes at a time: a byte that needs encoding is found at every
// offset of a long URL.
TEST(ResolveUrl, EncodesAByteThatNeedsItAtAnyOffsetOfALongUrl) {
    for (std::size_t offset = 0; offset < 40; ++offset) {
        const std::string path = "/" + std::string(offset, 'a');
        for (const std::string_view byte : {"<", "^", " ", "\x7F"}) {
            const std::string encoded = byte == "<"   ? "%3C"
                                        : byte == "^" ? "%5E"
                                        : byte == " " ? "%20"
                                                      : "%7F";
            EXPECT_EQ(resolve_url("https://b.org/",
                                  "https://e.org" + path + std::string(byte) + "bbbbbbbbbbbbbbbb"),
                      "https://e.org" + path + encoded + "bbbbbbbbbbbbbbbb")
                << offset << " " << byte;
        }
    }
}

}  // namespace
}  // namespace feedagg::feeds
