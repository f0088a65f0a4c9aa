#include "daemon/fetch/response_headers.hpp"

#include <gtest/gtest.h>

namespace feedagg::fetch::detail {
namespace {

using std::chrono::seconds;

// Sun, 06 Nov 1994 08:49:37 GMT
const std::chrono::sys_seconds now{seconds(784111777)};

TEST(ResponseHeaders, ReadsTheCharsetParameter) {
    EXPECT_EQ(charset_of("application/rss+xml; charset=gbk"), "gbk");
    EXPECT_EQ(charset_of("text/xml;Charset=\"UTF-8\""), "UTF-8");
    EXPECT_EQ(charset_of("text/html; q=1 ; charset = big5 "), "big5");
    EXPECT_EQ(charset_of("application/atom+xml"), "");
    EXPECT_EQ(charset_of("text/plain; charset"), "");
    EXPECT_EQ(charset_of(";;;=;"), "");
}

TEST(ResponseHeaders, ReadsRetryAfterSeconds) {
    EXPECT_EQ(parse_retry_after("120", now), seconds(120));
    EXPECT_EQ(parse_retry_after(" 0 ", now), seconds(0));
    EXPECT_EQ(parse_retry_after("99999999999999999999999", now), seconds(10'000'000'000));
}

TEST(ResponseHeaders, ReadsRetryAfterHttpDateAsDelayFromNow) {
    EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:51:37 GMT", now), seconds(120));
    EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now), seconds(0));
}

TEST(ResponseHeaders, IgnoresRetryAfterThatIsNeither) {
    EXPECT_EQ(parse_retry_after("soon", now), std::nullopt);
    EXPECT_EQ(parse_retry_after("-5", now), std::nullopt);
    EXPECT_EQ(parse_retry_after("", now), std::nullopt);
}

TEST(ResponseHeaders, ReadsCacheControlMaxAge) {
    EXPECT_EQ(parse_freshness("public, max-age=600", "", "", now), seconds(600));
    EXPECT_EQ(parse_freshness("Max-Age=\"60\", must-revalidate", "", "", now), seconds(60));
}

TEST(ResponseHeaders, MaxAgeWinsOverExpires) {
    EXPECT_EQ(parse_freshness("max-age=5", "Sun, 06 Nov 1994 09:49:37 GMT", "", now), seconds(5));
}

TEST(ResponseHeaders, ReadsExpiresMinusDate) {
    EXPECT_EQ(parse_freshness("", "Sun, 06 Nov 1994 09:49:37 GMT", "Sun, 06 Nov 1994 09:00:00 GMT", now),
              seconds(2977));
    EXPECT_EQ(parse_freshness("no-cache", "Sun, 06 Nov 1994 09:49:37 GMT", "", now), seconds(3600));
}

TEST(ResponseHeaders, ReadsAnInvalidExpiresAsAlreadyStale) {
    EXPECT_EQ(parse_freshness("", "0", "", now), seconds(0));
    EXPECT_EQ(parse_freshness("", "Sun, 06 Nov 1994 08:00:00 GMT", "", now), seconds(0));
}

TEST(ResponseHeaders, HasNoFreshnessWithoutEitherField) {
    EXPECT_EQ(parse_freshness("", "", "", now), std::nullopt);
    EXPECT_EQ(parse_freshness("no-store, max-age=abc", "", "", now), std::nullopt);
}

}  // namespace
}  // namespace feedagg::fetch::detail
