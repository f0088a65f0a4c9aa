// The server's pure decisions: HTTP dates, content coding, entity tags, request targets, and the
// Representation it serves.
#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <string>

#include "daemon/http/http_date.hpp"
#include "daemon/http/negotiation.hpp"
#include "daemon/http/representation.hpp"
#include "daemon/http/request_target.hpp"

namespace feedagg::http {
namespace {

using namespace std::chrono;

std::string gunzip(const std::string& compressed) {
    z_stream stream{};
    EXPECT_EQ(inflateInit2(&stream, 31), Z_OK);
    std::string out(1 << 20, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
    out.resize(stream.total_out);
    inflateEnd(&stream);
    return out;
}

const system_clock::time_point kNov1994 = sys_days(1994y / November / 6) + 8h + 49min + 37s;

TEST(HttpDate, FormatsImfFixdate) {
    EXPECT_EQ(format_http_date(kNov1994), "Sun, 06 Nov 1994 08:49:37 GMT");
}

TEST(HttpDate, FormatDropsFractionsOfSeconds) {
    EXPECT_EQ(format_http_date(kNov1994 + 999ms), "Sun, 06 Nov 1994 08:49:37 GMT");
}

TEST(HttpDate, ReadsTheThreeFormsRecipientsMustAccept) {
    EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), kNov1994);
    EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), kNov1994);
    EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), kNov1994);
}

TEST(HttpDate, RejectsMalformedDates) {
    for (const char* text : {"", "garbage", "Sun, 06 Nov 1994 08:49:37", "Sun, 31 Feb 1994 08:49:37 GMT",
                             "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Xyz 1994 08:49:37 GMT",
                             "Sun, 06 Nov 1994 08:49:37 GMT trailing", "Sun,", "Sun Nov", "\x01\x02\xff"}) {
        EXPECT_FALSE(parse_http_date(text).has_value()) << text;
    }
}

TEST(HttpDate, ReadsTwoDigitYearsOfRfc850AsNearestCentury) {
    EXPECT_EQ(parse_http_date("Thursday, 01-Jan-70 00:00:00 GMT"), system_clock::time_point{});
    EXPECT_EQ(parse_http_date("Friday, 01-Jan-21 00:00:00 GMT"),
              system_clock::time_point(sys_days(2021y / January / 1)));
}

TEST(AcceptEncoding, AllowsGzipWhenNamedOrByWildcard) {
    EXPECT_TRUE(accepts_gzip("gzip"));
    EXPECT_TRUE(accepts_gzip("br, GZIP;q=0.5"));
    EXPECT_TRUE(accepts_gzip("x-gzip"));
    EXPECT_TRUE(accepts_gzip("*"));
    EXPECT_TRUE(accepts_gzip("deflate, gzip ; q=1.0"));
}

TEST(AcceptEncoding, RefusesGzipWithZeroQualityOrWhenAbsent) {
    EXPECT_FALSE(accepts_gzip(""));
    EXPECT_FALSE(accepts_gzip("identity"));
    EXPECT_FALSE(accepts_gzip("gzip;q=0"));
    EXPECT_FALSE(accepts_gzip("gzip;q=0.000, br"));
    EXPECT_FALSE(accepts_gzip("*, gzip;q=0"));
    EXPECT_FALSE(accepts_gzip("*;q=0"));
    EXPECT_FALSE(accepts_gzip("gzipx, br"));
}

TEST(IfNoneMatch, MatchesStarListsAndWeakTags) {
    EXPECT_TRUE(if_none_match_matches("*", {"\"a\""}));
    EXPECT_TRUE(if_none_match_matches("\"a\"", {"\"a\""}));
    EXPECT_TRUE(if_none_match_matches("\"x\", \"a\"", {"\"a\""}));
    EXPECT_TRUE(if_none_match_matches("W/\"a\"", {"\"a\""}));
    EXPECT_TRUE(if_none_match_matches("\"a\"", {"W/\"a\""}));
    EXPECT_TRUE(if_none_match_matches("\"x,y\",\"b\"", {"\"a\"", "\"b\""}));
}

TEST(IfNoneMatch, DoesNotMatchOtherOrMalformedTags) {
    EXPECT_FALSE(if_none_match_matches("\"b\"", {"\"a\""}));
    EXPECT_FALSE(if_none_match_matches("a", {"\"a\""}));
    EXPECT_FALSE(if_none_match_matches("\"a", {"\"a\""}));
    EXPECT_FALSE(if_none_match_matches("", {"\"a\""}));
    EXPECT_FALSE(if_none_match_matches("\"\"", {""}));
}

TEST(Cors, AllowsWildcardAndExactOriginsOnly) {
    std::vector<std::string> exact = {"https://union.example"};
    EXPECT_EQ(allowed_origin(exact, "https://union.example"), "https://union.example");
    EXPECT_EQ(allowed_origin(exact, "https://union.example.evil"), "");
    EXPECT_EQ(allowed_origin(exact, ""), "");
    EXPECT_EQ(allowed_origin({"*"}, "https://any.example"), "*");
    EXPECT_EQ(allowed_origin({}, "https://any.example"), "");
    EXPECT_TRUE(origins_vary(exact));
    EXPECT_FALSE(origins_vary({"*"}));
}

TEST(RequestTarget, SplitsPathAndRawQuery) {
    auto target = parse_request_target("/feeds/a%20b.atom?limit=5&after=x%20y");
    ASSERT_TRUE(target);
    EXPECT_EQ(target->path, "/feeds/a b.atom");
    EXPECT_EQ(target->query, "limit=5&after=x%20y");
}

TEST(RequestTarget, AcceptsAbsoluteForm) {
    auto target = parse_request_target("http://example.org:8080/opml?x=1");
    ASSERT_TRUE(target);
    EXPECT_EQ(target->path, "/opml");
    EXPECT_EQ(target->query, "x=1");
}

TEST(RequestTarget, RejectsNulDotSegmentsAndBadEscapes) {
    for (const char* text : {"/a%00b", "/../etc/passwd", "/feeds/%2e%2e/x", "/feeds/..", "/./x", "/a%2",
                             "/a%zz", "feeds", "", "*", "/a#frag", "http://host?x"}) {
        EXPECT_FALSE(parse_request_target(text)) << text;
    }
    EXPECT_TRUE(parse_request_target("/feeds/..x/a..b"));
}

TEST(Representation, HasStrongEtagAndGzipThatInflatesToTheBody) {
    std::string body;
    for (int i = 0; i < 200; ++i) body += "<entry><title>Workers' Daily</title></entry>\n";
    auto representation = make_representation("application/atom+xml", body, kNov1994);
    EXPECT_EQ(representation->body, body);
    ASSERT_FALSE(representation->gzip_body.empty());
    EXPECT_LT(representation->gzip_body.size(), body.size());
    EXPECT_EQ(gunzip(representation->gzip_body), body);
    ASSERT_GE(representation->etag.size(), 3u);
    EXPECT_EQ(representation->etag.front(), '"');
    EXPECT_EQ(representation->etag.back(), '"');
    EXPECT_TRUE(representation->cacheable);
    EXPECT_EQ(make_representation("x", body, kNov1994)->etag, representation->etag);
    EXPECT_NE(make_representation("x", body + " ", kNov1994)->etag, representation->etag);
}

TEST(Representation, SkipsGzipForTinyOrIncompressibleBodies) {
    EXPECT_TRUE(make_representation("text/plain", "ok\n", {})->gzip_body.empty());
    std::string noise;
    std::uint32_t state = 12345;
    for (int i = 0; i < 4096; ++i) {
        state = state * 1103515245 + 12345;
        noise.push_back(static_cast<char>(state >> 24));
    }
    EXPECT_TRUE(make_representation("application/octet-stream", noise, {})->gzip_body.empty());
}

TEST(Representation, GzipEtagIsDerivedInsideTheQuotes) {
    EXPECT_EQ(gzip_etag("\"abc\""), "\"abc-gz\"");
    EXPECT_EQ(gzip_etag("W/\"abc\""), "W/\"abc-gz\"");
}

}  // namespace
}  // namespace feedagg::http
