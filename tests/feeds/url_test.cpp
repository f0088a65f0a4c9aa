#include "feeds/url.hpp"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace feedagg::feeds
