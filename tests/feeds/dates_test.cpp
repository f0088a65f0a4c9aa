#include "feeds/dates.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace feedagg::feeds {
namespace {

using namespace std::chrono;

std::optional<Timestamp> utc(int y, unsigned m, unsigned d, int h = 0, int mi = 0, int s = 0) {
    return Timestamp{sys_days{year{y} / month{m} / day{d}}} + hours{h} + minutes{mi} + seconds{s};
}

const std::optional<Timestamp> none = std::nullopt;

// --- RFC 822 / 1123 / 2822 -----------------------------------------------------------------------

TEST(Dates, ReadsRfc822WithWeekday) {
    EXPECT_EQ(parse_date("Wed, 31 Dec 2003 10:14:55 GMT"), utc(2003, 12, 31, 10, 14, 55));
}

TEST(Dates, ReadsRfc822WithoutWeekday) {
    EXPECT_EQ(parse_date("31 Dec 2003 10:14:55 +0000"), utc(2003, 12, 31, 10, 14, 55));
}

TEST(Dates, IgnoresWrongWeekday) {
    EXPECT_EQ(parse_date("Mon, 31 Dec 2003 10:14:55 GMT"), utc(2003, 12, 31, 10, 14, 55));
    EXPECT_EQ(parse_date("Thursday, 31 Dec 2003 10:14:55 GMT"), utc(2003, 12, 31, 10, 14, 55));
}

TEST(Dates, ReadsTwoDigitYearsAsNearestCentury) {
    EXPECT_EQ(parse_date("31 Dec 03 10:14:55 GMT"), utc(2003, 12, 31, 10, 14, 55));
    EXPECT_EQ(parse_date("1 Jan 49 00:00:00 GMT"), utc(2049, 1, 1));
    EXPECT_EQ(parse_date("1 Jan 50 00:00:00 GMT"), utc(1950, 1, 1));
    EXPECT_EQ(parse_date("Fri, 01 Jan 99 00:00:00 GMT"), utc(1999, 1, 1));
}

TEST(Dates, ReadsThreeDigitYearsAsSince1900) {
    EXPECT_EQ(parse_date("1 Jan 103 00:00:00 GMT"), utc(2003, 1, 1));
}

TEST(Dates, ReadsClockWithoutSeconds) {
    EXPECT_EQ(parse_date("Wed, 31 Dec 2003 10:14 GMT"), utc(2003, 12, 31, 10, 14));
}

TEST(Dates, ReadsSingleDigitDayAndHour) {
    EXPECT_EQ(parse_date("Fri, 2 Jan 2004 9:05:01 GMT"), utc(2004, 1, 2, 9, 5, 1));
}

TEST(Dates, ReadsMonthNamesInAnyCaseAndLength) {
    EXPECT_EQ(parse_date("31 DEC 2003 10:14:55 GMT"), utc(2003, 12, 31, 10, 14, 55));
    EXPECT_EQ(parse_date("31 dec 2003 10:14:55 gmt"), utc(2003, 12, 31, 10, 14, 55));
    EXPECT_EQ(parse_date("31 December 2003 10:14:55 GMT"), utc(2003, 12, 31, 10, 14, 55));
    EXPECT_EQ(parse_date("2 Sept 2004 00:00 GMT"), utc(2004, 9, 2));
    EXPECT_EQ(parse_date("2 Ma 2004 00:00 GMT"), none);  // March or May?
}

TEST(Dates, ReadsRfc822NamedZones) {
    const auto noon = utc(2004, 6, 1, 12);
    EXPECT_EQ(parse_date("1 Jun 2004 12:00:00 UT"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 12:00:00 UTC"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 12:00:00 Z"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 07:00:00 EST"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 08:00:00 EDT"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 06:00:00 CST"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 07:00:00 CDT"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 05:00:00 MST"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 06:00:00 MDT"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 04:00:00 PST"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 05:00:00 PDT"), noon);
}

TEST(Dates, ReadsCommonZoneAbbreviations) {
    const auto noon = utc(2004, 6, 1, 12);
    EXPECT_EQ(parse_date("1 Jun 2004 13:00:00 CET"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 14:00:00 CEST"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 13:00:00 BST"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 21:00:00 JST"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 21:00:00 KST"), noon);
    EXPECT_EQ(parse_date("1 Jun 2004 20:00:00 HKT"), noon);
}

TEST(Dates, ReadsMilitaryZonesAsUtcPerRfc2822) {
    EXPECT_EQ(parse_date("1 Jun 2004 12:00:00 A"), utc(2004, 6, 1, 12));
    EXPECT_EQ(parse_date("1 Jun 2004 12:00:00 M"), utc(2004, 6, 1, 12));
    EXPECT_EQ(parse_date("1 Jun 2004 12:00:00 N"), utc(2004, 6, 1, 12));
    EXPECT_EQ(parse_date("1 Jun 2004 12:00:00 Y"), utc(2004, 6, 1, 12));
    EXPECT_EQ(parse_date("1 Jun 2004 12:00:00 J"), none);  // J is not a zone
}

TEST(Dates, ReadsUnlistedAbbreviationInDefaultZone) {
    // IST names three zones; the feed's default zone decides.
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 IST", "Asia/Kolkata"), utc(2024, 1, 2, 4, 30));
}

TEST(Dates, ReadsNumericOffsets) {
    const auto instant = utc(2024, 1, 2, 2);
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 +0800"), instant);
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 +08:00"), instant);
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 +08"), instant);
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 GMT+8"), instant);
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 GMT+0800"), instant);
    EXPECT_EQ(parse_date("Mon, 01 Jan 2024 20:30:00 -0530"), instant);
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 02:00:00 -0000"), instant);
}

TEST(Dates, RejectsOffsetsOutOfRange) {
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 +2400"), none);
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 +0860"), none);
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 +08000"), none);
}

TEST(Dates, IgnoresTrailingComments) {
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 +0800 (CST)"), utc(2024, 1, 2, 2));
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 +0800 CST"), utc(2024, 1, 2, 2));
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 GMT (Greenwich (Mean) Time)"), utc(2024, 1, 2, 10));
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 +0800 trailing words"), none);
}

TEST(Dates, ReadsRfc850AndAsctime) {
    const auto instant = utc(2003, 12, 31, 10, 14, 55);
    EXPECT_EQ(parse_date("Wednesday, 31-Dec-03 10:14:55 GMT"), instant);
    EXPECT_EQ(parse_date("Wed Dec 31 10:14:55 2003"), instant);
    EXPECT_EQ(parse_date("Wed Dec 31 10:14:55 UTC 2003"), instant);
}

TEST(Dates, ReadsJavaScriptDateStrings) {
    EXPECT_EQ(parse_date("Sun Jan 07 2024 10:00:00 GMT+0800 (China Standard Time)"), utc(2024, 1, 7, 2));
}

TEST(Dates, ReadsMonthFirstWithMeridiem) {
    EXPECT_EQ(parse_date("December 31st, 2003 10:14 PM"), utc(2003, 12, 31, 22, 14));
    EXPECT_EQ(parse_date("Dec 31, 2003, 12:05 AM"), utc(2003, 12, 31, 0, 5));
    EXPECT_EQ(parse_date("Dec 31, 2003 13:05 PM"), none);
}

TEST(Dates, ReadsRfc822WithoutZoneInDefaultZone) {
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00", "Asia/Shanghai"), utc(2024, 1, 2, 2));
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00"), utc(2024, 1, 2, 10));
}

// --- RFC 3339 / W3CDTF / ISO 8601 ---------------------------------------------------------------

TEST(Dates, ReadsRfc3339) {
    EXPECT_EQ(parse_date("2003-12-31T10:14:55Z"), utc(2003, 12, 31, 10, 14, 55));
    EXPECT_EQ(parse_date("2003-12-31T10:14:55-08:00"), utc(2003, 12, 31, 18, 14, 55));
    EXPECT_EQ(parse_date("2003-12-31T10:14:55+05:30"), utc(2003, 12, 31, 4, 44, 55));
    EXPECT_EQ(parse_date("2003-12-31T10:14:55+0530"), utc(2003, 12, 31, 4, 44, 55));
    EXPECT_EQ(parse_date("2003-12-31T10:14:55+05"), utc(2003, 12, 31, 5, 14, 55));
}

TEST(Dates, TruncatesFractionalSeconds) {
    EXPECT_EQ(parse_date("2003-12-31T10:14:55.123Z"), utc(2003, 12, 31, 10, 14, 55));
    EXPECT_EQ(parse_date("2003-12-31T10:14:55.999999999999Z"), utc(2003, 12, 31, 10, 14, 55));
    EXPECT_EQ(parse_date("2003-12-31T10:14:55,5+01:00"), utc(2003, 12, 31, 9, 14, 55));
}

TEST(Dates, ReadsLowerCaseAndSpaceSeparators) {
    EXPECT_EQ(parse_date("2003-12-31t10:14:55z"), utc(2003, 12, 31, 10, 14, 55));
    EXPECT_EQ(parse_date("2003-12-31 10:14:55Z"), utc(2003, 12, 31, 10, 14, 55));
    EXPECT_EQ(parse_date("2003-12-31 10:14:55 +0800"), utc(2003, 12, 31, 2, 14, 55));
    EXPECT_EQ(parse_date("2003-12-31 10:14:55 UTC"), utc(2003, 12, 31, 10, 14, 55));
}

TEST(Dates, ReadsPartialW3cdtfDates) {
    EXPECT_EQ(parse_date("2003"), utc(2003, 1, 1));
    EXPECT_EQ(parse_date("2003-12"), utc(2003, 12, 1));
    EXPECT_EQ(parse_date("2003-12-31"), utc(2003, 12, 31));
    EXPECT_EQ(parse_date("2003-12-31T10:14"), utc(2003, 12, 31, 10, 14));
    EXPECT_EQ(parse_date("2003-12-31T10:14Z"), utc(2003, 12, 31, 10, 14));
}

TEST(Dates, ReadsPartialDatesInDefaultZone) {
    EXPECT_EQ(parse_date("2003-12-31", "Asia/Shanghai"), utc(2003, 12, 30, 16));
    EXPECT_EQ(parse_date("2003", "America/New_York"), utc(2003, 1, 1, 5));
}

TEST(Dates, ReadsIsoBasicForm) {
    EXPECT_EQ(parse_date("20031231T101455Z"), utc(2003, 12, 31, 10, 14, 55));
    EXPECT_EQ(parse_date("20031231T101455.5+0100"), utc(2003, 12, 31, 9, 14, 55));
    EXPECT_EQ(parse_date("20031231T1014Z"), utc(2003, 12, 31, 10, 14));
    EXPECT_EQ(parse_date("20031231"), utc(2003, 12, 31));
    EXPECT_EQ(parse_date("20031231101455"), utc(2003, 12, 31, 10, 14, 55));
}

TEST(Dates, ReadsLeapSecondAsNextMinute) {
    EXPECT_EQ(parse_date("2016-12-31T23:59:60Z"), utc(2017, 1, 1));
}

TEST(Dates, ReadsTwentyFourHundredAsEndOfDay) {
    EXPECT_EQ(parse_date("2003-12-31T24:00:00Z"), utc(2004, 1, 1));
    EXPECT_EQ(parse_date("2003-12-31T24:00:01Z"), none);
}

TEST(Dates, ReadsLeapDayOnlyInLeapYears) {
    EXPECT_EQ(parse_date("2024-02-29"), utc(2024, 2, 29));
    EXPECT_EQ(parse_date("2000-02-29"), utc(2000, 2, 29));
    EXPECT_EQ(parse_date("2023-02-29"), none);
    EXPECT_EQ(parse_date("1900-02-29"), none);
}

// --- Unix timestamps ----------------------------------------------------------------------------

TEST(Dates, ReadsUnixSeconds) {
    EXPECT_EQ(parse_date("1704189600"), utc(2024, 1, 2, 10));
    EXPECT_EQ(parse_date("999999999"), utc(2001, 9, 9, 1, 46, 39));
    EXPECT_EQ(parse_date("1704189600.75"), utc(2024, 1, 2, 10));
}

TEST(Dates, ReadsThirteenDigitsAsUnixMilliseconds) {
    EXPECT_EQ(parse_date("1704189600999"), utc(2024, 1, 2, 10));
}

TEST(Dates, UnixTimestampsIgnoreTheDefaultZone) {
    EXPECT_EQ(parse_date("1704189600", "Asia/Shanghai"), utc(2024, 1, 2, 10));
}

TEST(Dates, RejectsDigitRunsOfOtherLengths) {
    EXPECT_EQ(parse_date("123456"), none);
    EXPECT_EQ(parse_date("123456789012345"), none);
    EXPECT_EQ(parse_date("12345678901234567890123456789"), none);
    EXPECT_EQ(parse_date("1704189600."), none);
    EXPECT_EQ(parse_date("0704189600"), none);
}

// --- Chinese forms ------------------------------------------------------------------------------

TEST(Dates, ReadsChineseDateWithClock) {
    EXPECT_EQ(parse_date("2024年1月2日 10:00", "Asia/Shanghai"), utc(2024, 1, 2, 2));
    EXPECT_EQ(parse_date("2024年1月2日10:00:30", "Asia/Shanghai"), utc(2024, 1, 2, 2, 0, 30));
}

TEST(Dates, ReadsChineseDateAlone) {
    EXPECT_EQ(parse_date("2024年01月02日", "Asia/Shanghai"), utc(2024, 1, 1, 16));
    EXPECT_EQ(parse_date("2024年1月", "Asia/Shanghai"), utc(2023, 12, 31, 16));
}

TEST(Dates, ReadsNumericChineseSiteForms) {
    EXPECT_EQ(parse_date("2024-01-02 10:00:00", "Asia/Shanghai"), utc(2024, 1, 2, 2));
    EXPECT_EQ(parse_date("2024/01/02", "Asia/Shanghai"), utc(2024, 1, 1, 16));
    EXPECT_EQ(parse_date("2024/1/2 9:05", "Asia/Shanghai"), utc(2024, 1, 2, 1, 5));
    EXPECT_EQ(parse_date("2024.01.02", "Asia/Shanghai"), utc(2024, 1, 1, 16));
    EXPECT_EQ(parse_date("2024-01/02", "Asia/Shanghai"), none);  // separators must agree
}

TEST(Dates, ReadsFullWidthDigitsAndColon) {
    EXPECT_EQ(parse_date("２０２４年１月２日　１０：００", "Asia/Shanghai"), utc(2024, 1, 2, 2));
    EXPECT_EQ(parse_date("２０２４－０１－０２", "Asia/Shanghai"), utc(2024, 1, 1, 16));
}

TEST(Dates, SkipsChineseWeekdays) {
    EXPECT_EQ(parse_date("2024年1月2日 星期二 10:00", "Asia/Shanghai"), utc(2024, 1, 2, 2));
    EXPECT_EQ(parse_date("2024年1月2日（周二）10:00", "Asia/Shanghai"), utc(2024, 1, 2, 2));
    EXPECT_EQ(parse_date("2024年1月2日(火) 10:00", "Asia/Tokyo"), utc(2024, 1, 2, 1));
    EXPECT_EQ(parse_date("2024-01-02 10:00 礼拜天", "Asia/Shanghai"), utc(2024, 1, 2, 2));
}

TEST(Dates, ReadsChineseClockWords) {
    EXPECT_EQ(parse_date("2024年1月2日 10点30分", "Asia/Shanghai"), utc(2024, 1, 2, 2, 30));
    EXPECT_EQ(parse_date("2024年1月2日 10时", "Asia/Shanghai"), utc(2024, 1, 2, 2));
    EXPECT_EQ(parse_date("2024年1月2日 10时5分6秒", "Asia/Shanghai"), utc(2024, 1, 2, 2, 5, 6));
    EXPECT_EQ(parse_date("2024年1月2日 下午3:00", "Asia/Shanghai"), utc(2024, 1, 2, 7));
    EXPECT_EQ(parse_date("2024年1月2日 上午9:00", "Asia/Shanghai"), utc(2024, 1, 2, 1));
}

TEST(Dates, ReadsBeijingTimeWhateverTheDefaultZone) {
    EXPECT_EQ(parse_date("2024年1月2日 10:00 北京时间", "America/New_York"), utc(2024, 1, 2, 2));
}

TEST(Dates, RejectsUnknownNonAsciiText) {
    EXPECT_EQ(parse_date("2024年1月2日 某时"), none);
    EXPECT_EQ(parse_date("昨天"), none);
}

TEST(Dates, RejectsUnitWordsWithoutANumber) {
    EXPECT_EQ(parse_date("秒2024"), none);
    EXPECT_EQ(parse_date("年2024"), none);
    EXPECT_EQ(parse_date("2024年1月2日 时"), none);
}

TEST(Dates, IgnoresAfternoonWordWithoutAClock) {
    EXPECT_EQ(parse_date("2024年1月2日 下午", "Asia/Shanghai"), utc(2024, 1, 1, 16));
}

TEST(Dates, ReadsNonBreakingSpaces) {
    EXPECT_EQ(parse_date("Tue,\u00a002\u00a0Jan\u00a02024 10:00:00 GMT"), utc(2024, 1, 2, 10));
}

// --- Default zone and DST -----------------------------------------------------------------------

TEST(Dates, ReadsNewYorkWallClockInStandardAndDaylightTime) {
    EXPECT_EQ(parse_date("2024-01-15 12:00", "America/New_York"), utc(2024, 1, 15, 17));
    EXPECT_EQ(parse_date("2024-07-15 12:00", "America/New_York"), utc(2024, 7, 15, 16));
}

TEST(Dates, ReadsSpringForwardGapAsLaterWallClock) {
    // 2024-03-10 02:30 does not exist in New York; it is read as 03:30 EDT.
    EXPECT_EQ(parse_date("2024-03-10 02:30", "America/New_York"), utc(2024, 3, 10, 7, 30));
    EXPECT_EQ(parse_date("2024-03-10 03:30", "America/New_York"), utc(2024, 3, 10, 7, 30));
}

TEST(Dates, ReadsFallBackOverlapAsFirstOccurrence) {
    // 2024-11-03 01:30 happens twice in New York; the first (EDT) wins.
    EXPECT_EQ(parse_date("2024-11-03 01:30", "America/New_York"), utc(2024, 11, 3, 5, 30));
    EXPECT_EQ(parse_date("2024-11-03 00:59", "America/New_York"), utc(2024, 11, 3, 4, 59));
    EXPECT_EQ(parse_date("2024-11-03 02:00", "America/New_York"), utc(2024, 11, 3, 7));
}

TEST(Dates, ExplicitZoneWinsOverDefaultZone) {
    EXPECT_EQ(parse_date("2024-01-02T10:00:00Z", "Asia/Shanghai"), utc(2024, 1, 2, 10));
    EXPECT_EQ(parse_date("Tue, 02 Jan 2024 10:00:00 GMT", "America/New_York"), utc(2024, 1, 2, 10));
}

TEST(Dates, RejectsUnknownDefaultZone) {
    EXPECT_EQ(parse_date("2024-01-02 10:00", "Mars/Olympus_Mons"), none);
    EXPECT_EQ(parse_date("2024-01-02T10:00:00Z", "Mars/Olympus_Mons"), none);
    EXPECT_EQ(parse_date("2024-01-02 10:00", ""), none);
}

TEST(Dates, KnowsIanaZonesAndUtc) {
    EXPECT_TRUE(is_known_timezone("UTC"));
    EXPECT_TRUE(is_known_timezone("Asia/Shanghai"));
    EXPECT_TRUE(is_known_timezone("America/New_York"));
    EXPECT_TRUE(is_known_timezone("Europe/Berlin"));
}

TEST(Dates, DoesNotKnowGarbageZones) {
    EXPECT_FALSE(is_known_timezone(""));
    EXPECT_FALSE(is_known_timezone("Mars/Olympus_Mons"));
    EXPECT_FALSE(is_known_timezone("Etc/Unknown"));
    EXPECT_FALSE(is_known_timezone(std::string(1000, 'x')));
    EXPECT_FALSE(is_known_timezone(std::string_view("Asia/\xff\xfe", 7)));
}

TEST(Dates, ManyZoneNamesStayCorrect) {
    // More names than the per-thread cache holds, then the first ones again.
    for (int i = 0; i < 200; ++i) EXPECT_FALSE(is_known_timezone("Nowhere/" + std::to_string(i)));
    EXPECT_EQ(parse_date("2024-07-15 12:00", "America/New_York"), utc(2024, 7, 15, 16));
    EXPECT_EQ(parse_date("2024-07-15 12:00", "Asia/Shanghai"), utc(2024, 7, 15, 4));
}

TEST(Dates, ParsesConcurrentlyFromManyThreads) {
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&wrong, t] {
            const char* zone = t % 2 == 0 ? "America/New_York" : "Asia/Shanghai";
            const auto expected = t % 2 == 0 ? utc(2024, 7, 15, 16) : utc(2024, 7, 15, 4);
            for (int i = 0; i < 5000; ++i) {
                if (parse_date("2024-07-15 12:00", zone) != expected) ++wrong;
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    EXPECT_EQ(wrong.load(), 0);
}

// --- Out of range and hostile input -------------------------------------------------------------

TEST(Dates, RejectsFieldsOutOfRange) {
    EXPECT_EQ(parse_date("2024-13-45"), none);
    EXPECT_EQ(parse_date("2024-13-01"), none);
    EXPECT_EQ(parse_date("2024-00-01"), none);
    EXPECT_EQ(parse_date("2024-04-31"), none);
    EXPECT_EQ(parse_date("2024-01-32"), none);
    EXPECT_EQ(parse_date("2024-01-01T25:00:00Z"), none);
    EXPECT_EQ(parse_date("2024-01-01T10:60:00Z"), none);
    EXPECT_EQ(parse_date("2024-01-01T10:00:61Z"), none);
    EXPECT_EQ(parse_date("32 Dec 2003 10:00:00 GMT"), none);
    EXPECT_EQ(parse_date("31 Dec 2003 25:00:00 GMT"), none);
    EXPECT_EQ(parse_date("0000-01-01"), none);
}

TEST(Dates, RejectsTextThatIsNotADate) {
    EXPECT_EQ(parse_date(""), none);
    EXPECT_EQ(parse_date("   \t\n "), none);
    EXPECT_EQ(parse_date("not a date"), none);
    EXPECT_EQ(parse_date("Wed, 31 Dec"), none);
    EXPECT_EQ(parse_date("2003-12-31T"), none);
    EXPECT_EQ(parse_date("2003-12-31T10:"), none);
    EXPECT_EQ(parse_date("2003-12-31T10:14:55Zjunk"), none);
    EXPECT_EQ(parse_date("12/31/2003"), none);  // month and day order unknowable
}

TEST(Dates, ToleratesSurroundingWhitespace) {
    EXPECT_EQ(parse_date("  \n\t2003-12-31T10:14:55Z \r\n"), utc(2003, 12, 31, 10, 14, 55));
    EXPECT_EQ(parse_date("\tWed, 31 Dec 2003 10:14:55 GMT\n"), utc(2003, 12, 31, 10, 14, 55));
}

TEST(Dates, RejectsAbsurdlyLongText) {
    const std::string long_date = "Wed, 31 Dec 2003 10:14:55 GMT (" + std::string(500, 'x') + ")";
    EXPECT_EQ(parse_date(long_date), none);
    EXPECT_EQ(parse_date(std::string(1 << 20, '1')), none);
    EXPECT_EQ(parse_date(std::string(1 << 20, ' ')), none);
    EXPECT_EQ(parse_date("2003-12-31T10:14:55." + std::string(1 << 20, '9') + "Z"), none);
    std::string megabyte_of_chinese;
    while (megabyte_of_chinese.size() < (1 << 20)) megabyte_of_chinese += "年";
    EXPECT_EQ(parse_date(megabyte_of_chinese), none);
}

TEST(Dates, SurvivesBinaryGarbage) {
    std::mt19937 random(12345);
    std::string garbage;
    for (int round = 0; round < 20000; ++round) {
        garbage.resize(random() % 64);
        for (char& c : garbage) c = static_cast<char>(random() % 256);
        EXPECT_NO_THROW(parse_date(garbage, "America/New_York"));
    }
    EXPECT_EQ(parse_date(std::string_view("\0\0\0\0", 4)), none);
    EXPECT_EQ(parse_date(std::string_view("2003-12-31\0", 11)), none);
    EXPECT_EQ(parse_date("\xff\xfe\xfd"), none);
    EXPECT_EQ(parse_date("2024\xe5\xb9"), none);  // truncated UTF-8 for 年
}

TEST(Dates, SurvivesEveryPrefixOfValidDates) {
    for (const std::string_view date :
         {"Wed, 31 Dec 2003 10:14:55 +0800 (CST)", "2003-12-31T10:14:55.123+08:00", "20031231T101455Z",
          "2024年1月2日 星期二 下午10点30分", "Sun Jan 07 2024 10:00:00 GMT+0800 (China Standard Time)"}) {
        for (std::size_t length = 0; length <= date.size(); ++length) {
            EXPECT_NO_THROW(parse_date(date.substr(0, length), "Asia/Shanghai"));
        }
    }
}

TEST(Dates, MutatedDatesEitherParseOrFail) {
    // Random single-byte changes to valid dates must never crash; each result is a plain value.
    std::mt19937 random(777);
    const std::string base = "Wed, 31 Dec 2003 10:14:55 +0800";
    for (int round = 0; round < 20000; ++round) {
        std::string mutated = base;
        mutated[random() % mutated.size()] = static_cast<char>(random() % 256);
        const auto parsed = parse_date(mutated, "Europe/Berlin");
        if (parsed) {
            EXPECT_GE(parsed->time_since_epoch().count(), -62135596800LL);  // not before year 1
        }
    }
}

// --- Formatting ---------------------------------------------------------------------------------

TEST(Dates, FormatsRfc3339) {
    EXPECT_EQ(format_rfc3339(*utc(2003, 12, 31, 10, 14, 55)), "2003-12-31T10:14:55Z");
    EXPECT_EQ(format_rfc3339(*utc(1970, 1, 1)), "1970-01-01T00:00:00Z");
    EXPECT_EQ(format_rfc3339(*utc(1969, 12, 31, 23, 59, 59)), "1969-12-31T23:59:59Z");
    EXPECT_EQ(format_rfc3339(*utc(987, 6, 5, 4, 3, 2)), "0987-06-05T04:03:02Z");
}

TEST(Dates, FormatsRfc822WithWeekdayAndFourDigitYear) {
    EXPECT_EQ(format_rfc822(*utc(2003, 12, 31, 10, 14, 55)), "Wed, 31 Dec 2003 10:14:55 GMT");
    EXPECT_EQ(format_rfc822(*utc(2024, 1, 2, 3, 4, 5)), "Tue, 02 Jan 2024 03:04:05 GMT");
    EXPECT_EQ(format_rfc822(*utc(1970, 1, 1)), "Thu, 01 Jan 1970 00:00:00 GMT");
}

TEST(Dates, FormattedDatesParseBackToTheSameInstant) {
    std::mt19937_64 random(42);
    for (int round = 0; round < 5000; ++round) {
        // Any second between 1900 and 2200.
        const std::int64_t seconds = -2208988800LL + static_cast<std::int64_t>(random() % 9467280000ULL);
        const Timestamp instant{std::chrono::seconds{seconds}};
        EXPECT_EQ(parse_date(format_rfc3339(instant), "Asia/Shanghai"), instant) << format_rfc3339(instant);
        EXPECT_EQ(parse_date(format_rfc822(instant), "Asia/Shanghai"), instant) << format_rfc822(instant);
    }
}

}  // namespace
}  // namespace feedagg::feeds
