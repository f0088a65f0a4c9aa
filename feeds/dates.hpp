#pragma once
// Reading the dates real feeds carry, and writing the ones our output needs.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/model.hpp"

namespace feedagg::feeds {

// Reads RFC 822/1123 dates and their real-world variants (two-digit years, no seconds, no or wrong
// weekday, named zones such as EST/PDT/GMT/UT/Z, military letters, "+08:00" offsets), RFC 3339 /
// W3CDTF / ISO 8601 (partial dates, fractions, basic and extended forms), Unix timestamps and Chinese
// forms ("2024年1月2日 10:00", "2024-01-02 10:00:00", "2024/01/02", full-width digits).
// A date without a zone is read in `default_timezone`, an IANA name such as "Asia/Shanghai".
// Returns nothing when the text is not a date or the timezone is unknown.
//
// Choices worth knowing:
// - Military zone letters read as UTC (RFC 2822 §4.3: RFC 822 gave them the wrong sign).
// - Zone abbreviations beyond RFC 822's are read only where they mean one offset (CET, CEST, BST as
//   British, JST, KST, HKT, ...). Others such as IST are read as "no zone", i.e. in
//   `default_timezone`. CST is US Central, as RFC 822 says.
// - A wall-clock time skipped by a DST change is read with the offset before the change (02:30 on a
//   spring-forward day is 03:30 daylight time); one that occurs twice is the first occurrence.
// - Fractions of seconds are dropped; leap second :60 and ISO 24:00 roll over to the next minute/day.
// - 9 to 11 digits are Unix seconds, 13 digits Unix milliseconds; "YYYYMMDD" is a date.
// - Text longer than 160 bytes after trimming whitespace is rejected unread.
std::optional<Timestamp> parse_date(std::string_view text, std::string_view default_timezone = "UTC");

// How to read the dates a web page prints (date_on_page.cpp).
struct PageDateContext {
    std::string_view timezone = "Asia/Shanghai";
    Timestamp now;                     // relative dates count back from here
    std::vector<std::string> formats;  // strftime-style: %Y %y %m %d %H %M %S %b %%
};

// Reads a date as list and article pages print it: by the configured formats first, then as
// parse_date would, then found inside other text ("发布时间：2024-05-17 09:12"), then relative
// ("3小时前", "昨天 10:20", "today 9:30", "2 hours ago", "刚刚"), then without a year ("05-17",
// "5月17日": the latest such day no later than tomorrow). Full-width digits are read as digits.
std::optional<Timestamp> parse_page_date(std::string_view text, const PageDateContext& context);

// True when `name` is a timezone parse_date understands ("UTC", "Asia/Shanghai", ...).
bool is_known_timezone(std::string_view name);

// "2003-12-31T10:14:55Z"
std::string format_rfc3339(Timestamp time);

// "Wed, 31 Dec 2003 10:14:55 GMT" (RFC 822 as RSS 2.0 wants it, four-digit year)
std::string format_rfc822(Timestamp time);

}  // namespace feedagg::feeds
