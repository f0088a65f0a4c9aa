// Dates written in numbers: RFC 3339, W3CDTF and ISO 8601 (extended "2003-12-31T10:14:55.123Z",
// basic "20031231T101455Z", partial "2003-12"), the "2024/01/02 10:00" and "2024.01.02" forms common
// on Chinese sites, and Unix timestamps.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "feeds/date_parts.hpp"

namespace feedagg::feeds::detail {
namespace {

// ISO 8601 basic time: "10", "1014", "101455", each optionally with a fraction.
bool read_basic_clock(DateScanner& scanner, DateParts& parts) {
    const auto hour = scanner.digits(2, 2);
    if (!hour) return false;
    parts.hour = hour->value;
    if (const auto minute = scanner.digits(2, 2)) {
        parts.minute = minute->value;
        if (const auto second = scanner.digits(2, 2)) {
            parts.second = second->value;
            skip_fraction(scanner);
        }
    }
    return !is_ascii_digit(scanner.peek());
}

// "2003-12-31", "2003-12", "2024/1/2", "2024.01.02" (one separator throughout), or basic "20031231".
// Sets `basic` when the date had no separators.
bool read_calendar_date(DateScanner& scanner, DateParts& parts, bool& basic) {
    const auto year = scanner.digits(4, 4);
    if (!year) return false;
    parts.year = year->value;
    if (scanner.done()) return true;  // W3CDTF "YYYY"

    const char separator = scanner.peek();
    if (is_ascii_digit(separator)) {
        const auto month = scanner.digits(2, 2);
        const auto day = scanner.digits(2, 2);
        if (!month || !day) return false;
        parts.month = month->value;
        parts.day = day->value;
        basic = true;
        return true;
    }
    if (!scanner.take_any_of("-/.")) return false;
    const auto month = scanner.digits(1, 2);
    if (!month) return false;
    parts.month = month->value;
    if (scanner.done()) return true;  // W3CDTF "YYYY-MM"
    if (!scanner.take(separator)) return false;
    const auto day = scanner.digits(1, 2);
    if (!day) return false;
    parts.day = day->value;
    return !is_ascii_digit(scanner.peek());
}

bool all_digits(std::string_view text) {
    for (const char c : text) {
        if (!is_ascii_digit(c)) return false;
    }
    return true;
}

// For at most 18 digits, which cannot overflow.
std::int64_t digits_value(std::string_view digits) {
    std::int64_t value = 0;
    for (const char c : digits) value = value * 10 + (c - '0');
    return value;
}

}  // namespace

std::optional<DateParts> read_numeric_date(std::string_view text) {
    DateScanner scanner(text);
    DateParts parts;
    bool basic = false;
    if (!read_calendar_date(scanner, parts, basic)) return std::nullopt;
    if (scanner.done()) return parts;

    // RFC 3339 §5.6 allows "t" and, in its note, a space for "T"; "20031231101455" omits it.
    if (scanner.take('T') || scanner.take('t')) {
        const bool clock_read = basic ? read_basic_clock(scanner, parts) : read_clock(scanner, parts);
        if (!clock_read) return std::nullopt;
    } else if (basic && is_ascii_digit(scanner.peek())) {
        if (!read_basic_clock(scanner, parts)) return std::nullopt;
    } else if (scanner.skip_spaces() && is_ascii_digit(scanner.peek())) {
        if (!read_clock(scanner, parts)) return std::nullopt;
    }

    scanner.skip_spaces();
    parts.utc_offset_minutes = read_zone(scanner);
    if (!only_comments_remain(scanner)) return std::nullopt;
    return parts;
}

// All digits: 9 to 11 are seconds since 1970 (1973 to 5138), 13 are milliseconds (JavaScript).
// Seconds may carry a fraction ("1704189600.5"). Shorter and other lengths are left to
// read_numeric_date ("2003", "20031231").
std::optional<Timestamp> read_unix_time(std::string_view text) {
    std::size_t digit_count = 0;
    while (digit_count < text.size() && is_ascii_digit(text[digit_count])) ++digit_count;
    const std::string_view whole = text.substr(0, digit_count);
    const std::string_view rest = text.substr(digit_count);
    if (whole.empty() || whole[0] == '0') return std::nullopt;  // "020242024" is no timestamp

    if (rest.empty() && digit_count == 13) return Timestamp{std::chrono::seconds{digits_value(whole) / 1000}};
    const bool seconds_length = digit_count >= 9 && digit_count <= 11;
    const bool fraction = rest.size() >= 2 && rest[0] == '.' && all_digits(rest.substr(1));
    if (!seconds_length || !(rest.empty() || fraction)) return std::nullopt;
    return Timestamp{std::chrono::seconds{digits_value(whole)}};
}

}  // namespace feedagg::feeds::detail
