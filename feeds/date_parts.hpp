#pragma once
// Internals of parse_date: the fields a date text states, the readers that find them, and the
// placing of those fields on the UTC time line.

#include <unicode/uversion.h>

#include <chrono>
#include <optional>
#include <string_view>

#include "feeds/date_scanner.hpp"
#include "feeds/model.hpp"

U_NAMESPACE_BEGIN
class BasicTimeZone;
U_NAMESPACE_END

namespace feedagg::feeds::detail {

// What a date text states, before it is checked. Fields a partial date leaves out keep their
// defaults (January, the 1st, midnight).
struct DateParts {
    int year = 0;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    std::optional<int> utc_offset_minutes;  // absent: the text names no zone
};

// Longest text (after trimming) worth reading as a date; anything longer is rejected unread, which
// keeps hostile input cheap.
inline constexpr std::size_t max_date_length = 160;

// Readers for trimmed ASCII text. Each accepts the whole text or nothing.
std::optional<DateParts> read_textual_date(std::string_view text);  // RFC 822 and kin (date_rfc822.cpp)
std::optional<DateParts> read_numeric_date(std::string_view text);  // ISO 8601 and kin (date_iso8601.cpp)
std::optional<Timestamp> read_unix_time(std::string_view text);     // date_iso8601.cpp

// "10:14", "1:02:03", "10:14:55.123", with an optional " PM"; fractions are dropped.
bool read_clock(DateScanner& scanner, DateParts& parts);

// ".123" or ",5" after the seconds. Timestamps hold whole seconds, so fractions are dropped.
void skip_fraction(DateScanner& scanner);

// A zone designator at the scanner: "Z", "+08:00", "+0800", "+08", "GMT", "EST", "GMT+8", military
// letters (date_zone_names.cpp). Returns minutes east of UTC and consumes nothing on failure.
std::optional<int> read_zone(DateScanner& scanner);

// True when only whitespace and parenthesised comments ("(CST)") remain.
bool only_comments_remain(DateScanner& scanner);

// Text with full-width digits, CJK date words (年月日, 星期二, 下午) or non-ASCII spaces, rewritten as
// ASCII the numeric reader understands (date_chinese.cpp).
struct CjkRewrite {
    std::string_view text;   // points into the caller's buffer
    bool afternoon = false;  // 下午/晚上 came before the clock: "下午3:00" is 15:00
};
std::optional<CjkRewrite> rewrite_cjk_date(std::string_view text, char* buffer, std::size_t capacity);

// Seconds from 1970-01-01T00:00 to the wall-clock reading in `parts`, or nothing when a field is out
// of range (month 13, 31 April, hour 25, ...).
std::optional<std::chrono::seconds> wall_clock_seconds(const DateParts& parts);

// A zone dates without their own zone are read in: UTC, or an IANA zone ICU knows (date_zones.cpp).
class WallClockZone {
  public:
    static std::optional<WallClockZone> named(std::string_view name);

    // The UTC instant the wall-clock reading `local` (seconds since 1970-01-01T00:00 local) names.
    std::optional<Timestamp> to_utc(std::chrono::seconds local) const;

    // The wall-clock reading (seconds since 1970-01-01T00:00 local) at the UTC instant `time`.
    std::chrono::seconds to_local(Timestamp time) const;

  private:
    explicit WallClockZone(const icu::BasicTimeZone* zone) : zone_(zone) {}
    const icu::BasicTimeZone* zone_;  // owned by the per-thread cache; nullptr means UTC
};

}  // namespace feedagg::feeds::detail
