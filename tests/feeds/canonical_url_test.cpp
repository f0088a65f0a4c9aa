#include "feeds/canonical_url.hpp"

#include <gtest/gtest.h>

#include <string>

namespace feedagg::feeds {
namespace {

TEST(CanonicalUrl, LowerCasesSchemeAndHost) {
    EXPECT_EQ(canonical_url("HTTPS://News.Example.COM/Path/Case"), "https://news.example.com/Path/Case");
}

TEST(CanonicalUrl, DropsDefaultPortsOnly) {
    EXPECT_EQ(canonical_url("http://example.com:80/a"), "http://example.com/a");
    EXPECT_EQ(canonical_url("https://example.com:443/a"), "https://example.com/a");
    EXPECT_EQ(canonical_url("http://example.com:/a"), "http://example.com/a");
    EXPECT_EQ(canonical_url("https://example.com:80/a"), "https://example.com:80/a");
    EXPECT_EQ(canonical_url("http://example.com:8080/a"), "http://example.com:8080/a");
}

TEST(CanonicalUrl, DropsFragmentAndTrailingMarks) {
    EXPECT_EQ(canonical_url("https://example.com/a#comments"), "https://example.com/a");
    EXPECT_EQ(canonical_url("https://example.com/a?"), "https://example.com/a");
    EXPECT_EQ(canonical_url("https://example.com/a#"), "https://example.com/a");
    EXPECT_EQ(canonical_url("https://example.com/a?#"), "https://example.com/a");
}

TEST(CanonicalUrl, RemovesTrackingParametersAndKeepsTheRestInOrder) {
    EXPECT_EQ(canonical_url("https://example.com/a?utm_source=x&id=7&fbclid=abc&page=2&UTM_Medium=y"),
              "https://example.com/a?id=7&page=2");
    EXPECT_EQ(canonical_url("https://example.com/a?b=2&a=1"), "https://example.com/a?b=2&a=1");
    EXPECT_EQ(canonical_url("https://example.com/a?gclid=1&msclkid=2&mc_cid=3&mc_eid=4&igshid=5&yclid=6"),
              "https://example.com/a");
    EXPECT_EQ(canonical_url("https://example.com/a?_hsenc=1&_hsmi=2&dclid=3&spm=a.b.c"),
              "https://example.com/a");
}

TEST(CanonicalUrl, KeepsGenericParametersThatMaySelectContent) {
    EXPECT_EQ(canonical_url("https://example.com/list?from=2020&ref=main&share_token=s"),
              "https://example.com/list?from=2020&ref=main&share_token=s");
}

TEST(CanonicalUrl, MatchesEncodedTrackingNames) {
    EXPECT_EQ(canonical_url("https://example.com/a?utm%5Fsource=x&q=1"), "https://example.com/a?q=1");
}

TEST(CanonicalUrl, KeepsValuelessAndEmptyParameters) {
    EXPECT_EQ(canonical_url("https://example.com/a?flag&x=&utm_term"), "https://example.com/a?flag&x=");
}

TEST(CanonicalUrl, NormalizesPathEncodingAndDotSegments) {
    EXPECT_EQ(canonical_url("https://example.com/%7euser/%e4%b8%ad"), "https://example.com/~user/%E4%B8%AD");
    EXPECT_EQ(canonical_url("https://example.com/a/./b/../c"), "https://example.com/a/c");
}

TEST(CanonicalUrl, WritesEmptyHttpPathAsSlash) {
    EXPECT_EQ(canonical_url("https://example.com"), "https://example.com/");
    EXPECT_EQ(canonical_url("https://example.com?utm_source=x"), "https://example.com/");
}

TEST(CanonicalUrl, SameArticleThroughDifferentLinksIsOneUrl) {
    EXPECT_EQ(canonical_url("HTTP://WWW.Example.com:80/news/1?utm_campaign=feed#top"),
              canonical_url("http://www.example.com/news/1"));
}

TEST(CanonicalUrl, KeepsNonHttpSchemes) {
    EXPECT_EQ(canonical_url("mailto:Someone@Example.com"), "mailto:Someone@Example.com");
}

TEST(CanonicalUrl, ReturnsInvalidOrRelativeUrlsTrimmedAndUnchanged) {
    EXPECT_EQ(canonical_url("  /relative/path?utm_source=x  "), "/relative/path?utm_source=x");
    EXPECT_EQ(canonical_url("http://exa mple.com/"), "http://exa mple.com/");
    EXPECT_EQ(canonical_url(""), "");
    EXPECT_EQ(canonical_url("not a url"), "not a url");
}

TEST(CanonicalUrl, SurvivesHostileInput) {
    std::string huge = "https://example.com/?";
    for (int i = 0; i < 20000; ++i) huge += "utm_x=" + std::to_string(i) + "&k" + std::to_string(i) + "=v&";
    const std::string canonical = canonical_url(huge);
    EXPECT_EQ(canonical.find("utm_"), std::string::npos);
    EXPECT_NE(canonical.find("k19999=v"), std::string::npos);

    std::string garbage;
    for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 37) % 256);
    EXPECT_NO_THROW(canonical_url(garbage));
    EXPECT_NO_THROW(canonical_url("http://[::1"));
    EXPECT_NO_THROW(canonical_url("http://%zz/"));
    EXPECT_EQ(canonical_url("HTTP://[::A]:80/"), "http://[::a]/");
}

}  // namespace
}  // namespace feedagg::feeds
