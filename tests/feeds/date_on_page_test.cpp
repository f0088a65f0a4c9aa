#include <gtest/gtest.h>

#include "feeds/dates.hpp"

namespace feedagg::feeds {
namespace {

// 2024-05-17 12:00 in Shanghai.
const Timestamp now = *parse_date("2024-05-17T04:00:00Z");

std::string read(std::string_view text, std::vector<std::string> formats = {},
                 std::string_view zone = "Asia/Shanghai") {
    const std::optional<Timestamp> date = parse_page_date(text, {zone, now, std::move(formats)});
    return date ? format_rfc3339(*date) : "none";
}

TEST(PageDates, ReadsPlainDatesInTheSourceTimezone) {
    EXPECT_EQ(read("2024-05-17 09:12"), "2024-05-17T01:12:00Z");
    EXPECT_EQ(read("2024年05月17日"), "2024-05-16T16:00:00Z");
    EXPECT_EQ(read("2024-05-17T09:12:00+08:00", {}, "UTC"), "2024-05-17T01:12:00Z");
}

TEST(PageDates, FindsDatesInsideOtherText) {
    EXPECT_EQ(read("发布时间：2024-05-17 09:12 来源：工人日报"), "2024-05-17T01:12:00Z");
    EXPECT_EQ(read("[2024/5/3]"), "2024-05-02T16:00:00Z");
    EXPECT_EQ(read("时间: 2024年5月17日10:20"), "2024-05-17T02:20:00Z");
    EXPECT_EQ(read("2024.05.17"), "2024-05-16T16:00:00Z");
}

TEST(PageDates, ReadsFullWidthDigits) {
    EXPECT_EQ(read("２０２４年５月１７日　０９：１２"), "2024-05-17T01:12:00Z");
    EXPECT_EQ(read("（05－16）"), "2024-05-15T16:00:00Z");
}

TEST(PageDates, ReadsDaysWithoutYearAsTheLatestSuchDay) {
    EXPECT_EQ(read("05-16"), "2024-05-15T16:00:00Z");
    EXPECT_EQ(read("[05-17 10:30]"), "2024-05-17T02:30:00Z");
    EXPECT_EQ(read("12-30"), "2023-12-29T16:00:00Z");    // not seven months ahead
    EXPECT_EQ(read("5月18日"), "2024-05-17T16:00:00Z");  // tomorrow is allowed (time zones)
}

TEST(PageDates, ReadsRelativeDates) {
    EXPECT_EQ(read("3小时前"), "2024-05-17T01:00:00Z");
    EXPECT_EQ(read("15分钟前"), "2024-05-17T03:45:00Z");
    EXPECT_EQ(read("2 hours ago"), "2024-05-17T02:00:00Z");
    EXPECT_EQ(read("2天前"), "2024-05-15T04:00:00Z");
    EXPECT_EQ(read("刚刚"), "2024-05-17T04:00:00Z");
    EXPECT_EQ(read("昨天 10:20"), "2024-05-16T02:20:00Z");
    EXPECT_EQ(read("前天"), "2024-05-14T16:00:00Z");
    EXPECT_EQ(read("Today 9:30"), "2024-05-17T01:30:00Z");
    EXPECT_EQ(read("今天 08:00"), "2024-05-17T00:00:00Z");
}

TEST(PageDates, RelativeDaysFollowTheSourceTimezone) {
    // 04:00 UTC is still the 17th in UTC and already evening in Shanghai; "yesterday" differs.
    EXPECT_EQ(read("yesterday", {}, "UTC"), "2024-05-16T00:00:00Z");
    EXPECT_EQ(read("yesterday", {}, "America/New_York"), "2024-05-16T04:00:00Z");
}

TEST(PageDates, ConfiguredFormatsComeFirst) {
    EXPECT_EQ(read("17/05/2024", {"%d/%m/%Y"}), "2024-05-16T16:00:00Z");
    EXPECT_EQ(read("17 May 24, 9:05", {"%d %b %y, %H:%M"}), "2024-05-17T01:05:00Z");
    EXPECT_EQ(read("05/06/2024", {"%d/%m/%Y"}), "2024-06-04T16:00:00Z");
    EXPECT_EQ(read("05/06/2024", {"%m/%d/%Y"}), "2024-05-05T16:00:00Z");
}

TEST(PageDates, RejectsTextWithoutADate) {
    EXPECT_EQ(read(""), "none");
    EXPECT_EQ(read("阅读全文"), "none");
    EXPECT_EQ(read("2024-13-45"), "none");
    EXPECT_EQ(read("2024-05-17", {}, "Mars/Olympus"), "none");
    EXPECT_EQ(read(std::string(5000, '9')), "none");
}

TEST(PageDates, HostileTextStaysCheap) {
    std::string hostile;
    for (int i = 0; i < 40; ++i) hostile += "1-";
    EXPECT_NO_THROW(read(hostile));
    EXPECT_NO_THROW(read(std::string(255, '\xEF')));
}

}  // namespace
}  // namespace feedagg::feeds
