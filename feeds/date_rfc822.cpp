// Dates written with a month name: RFC 822/1123/2822 ("Wed, 31 Dec 2003 10:14:55 GMT"), RFC 850
// ("Wednesday, 31-Dec-03 10:14:55 GMT"), and the month-first forms of asctime, Unix date and
// JavaScript ("Wed Dec 31 10:14:55 2003", "Wed Dec 31 2003 10:14:55 GMT+0000 (UTC)").

#include <optional>
#include <string_view>

#include "feeds/date_parts.hpp"

namespace feedagg::feeds::detail {
namespace {

constexpr std::string_view month_names[] = {"january",   "february", "march",    "april",
                                            "may",       "june",     "july",     "august",
                                            "september", "october",  "november", "december"};
constexpr std::string_view weekday_names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                              "friday", "saturday", "sunday"};

// "Dec", "DEC", "December", "Sept": any case, any prefix of three letters or more.
bool abbreviates(std::string_view word, std::string_view full_name) {
    return word.size() >= 3 && word.size() <= full_name.size() &&
           equals_ignoring_case(word, full_name.substr(0, word.size()));
}

std::optional<int> month_from_name(std::string_view word) {
    for (int index = 0; index < 12; ++index) {
        if (abbreviates(word, month_names[index])) return index + 1;
    }
    return std::nullopt;
}

bool is_weekday_name(std::string_view word) {
    for (const std::string_view name : weekday_names) {
        if (abbreviates(word, name)) return true;
    }
    return false;
}

// The weekday is redundant with the date and feeds often get it wrong, so it is skipped unchecked.
void skip_weekday(DateScanner& scanner) {
    const std::size_t start = scanner.position();
    if (!is_weekday_name(scanner.letters())) {
        scanner.rewind(start);
        return;
    }
    scanner.take_any_of(",.");
    scanner.skip_spaces();
}

// Between day, month and year: spaces, or RFC 850's "-", or "/" and "," seen in the wild.
bool skip_separator(DateScanner& scanner) {
    const std::size_t start = scanner.position();
    scanner.take('.');  // "Dec. 31"
    scanner.take(',');  // "Dec 31, 2003"
    scanner.skip_spaces();
    if (scanner.take_any_of("-/")) scanner.skip_spaces();
    return scanner.position() != start;
}

bool read_month(DateScanner& scanner, DateParts& parts) {
    const auto month = month_from_name(scanner.letters());
    if (!month) return false;
    parts.month = *month;
    return true;
}

bool read_day(DateScanner& scanner, DateParts& parts) {
    const auto day = scanner.digits(1, 2);
    if (!day) return false;
    parts.day = day->value;
    return true;
}

// RFC 2822 §4.3: a two-digit year 00-49 is 20xx and 50-99 is 19xx; a three-digit one adds 1900.
bool read_year(DateScanner& scanner, DateParts& parts) {
    const auto year = scanner.digits(2, 4);
    if (!year || is_ascii_digit(scanner.peek())) return false;
    switch (year->digit_count) {
        case 2:
            parts.year = year->value + (year->value < 50 ? 2000 : 1900);
            break;
        case 3:
            parts.year = year->value + 1900;
            break;
        default:
            parts.year = year->value;
    }
    return true;
}

// A zone after the clock. An abbreviation we do not list (IST, AST, ...) is read as no zone at all,
// so the date falls back to the feed's default timezone, which is usually the zone the feed meant.
void read_optional_zone(DateScanner& scanner, DateParts& parts) {
    const std::size_t start = scanner.position();
    scanner.skip_spaces();
    if (const auto offset = read_zone(scanner)) {
        parts.utc_offset_minutes = offset;
        // "+0800 CST": a numeric offset followed by its name.
        const std::size_t after_offset = scanner.position();
        scanner.skip_spaces();
        if (scanner.letters().size() > 5) scanner.rewind(after_offset);
        return;
    }
    const std::string_view unknown_name = scanner.letters();
    if (unknown_name.size() < 2 || unknown_name.size() > 5) scanner.rewind(start);
}

// Month first: "Dec 31 2003 10:14", "December 31st, 2003", "Wed Dec 31 10:14:55 [UTC] 2003".
bool read_month_first(DateScanner& scanner, DateParts& parts, bool& clock_read) {
    if (!read_month(scanner, parts) || !skip_separator(scanner) || !read_day(scanner, parts)) return false;
    const std::size_t after_day = scanner.position();
    const std::string_view ordinal = scanner.letters();
    if (!ordinal.empty() && !equals_ignoring_case(ordinal, "st") && !equals_ignoring_case(ordinal, "nd") &&
        !equals_ignoring_case(ordinal, "rd") && !equals_ignoring_case(ordinal, "th")) {
        scanner.rewind(after_day);
    }
    if (!skip_separator(scanner)) return false;

    const std::size_t before_clock = scanner.position();
    const auto clock_hour = scanner.digits(1, 2);
    if (clock_hour && scanner.peek() == ':') {
        // asctime and Unix date put the clock (and zone) before the year.
        scanner.rewind(before_clock);
        if (!read_clock(scanner, parts)) return false;
        clock_read = true;
        read_optional_zone(scanner, parts);
        scanner.skip_spaces();
        const auto year = scanner.digits(4, 4);
        if (!year) return false;
        parts.year = year->value;
        return true;
    }
    scanner.rewind(before_clock);
    return read_year(scanner, parts);
}

bool read_day_first(DateScanner& scanner, DateParts& parts) {
    return read_day(scanner, parts) && skip_separator(scanner) && read_month(scanner, parts) &&
           skip_separator(scanner) && read_year(scanner, parts);
}

}  // namespace

std::optional<DateParts> read_textual_date(std::string_view text) {
    DateScanner scanner(text);
    DateParts parts;
    bool clock_read = false;
    skip_weekday(scanner);
    const bool date_read = is_ascii_digit(scanner.peek()) ? read_day_first(scanner, parts)
                                                          : read_month_first(scanner, parts, clock_read);
    if (!date_read) return std::nullopt;

    const std::size_t after_date = scanner.position();
    scanner.take(',');  // "Dec 31, 2003, 10:14 PM"
    if (!clock_read && scanner.skip_spaces() && is_ascii_digit(scanner.peek())) {
        if (!read_clock(scanner, parts)) return std::nullopt;
    } else {
        scanner.rewind(after_date);
    }
    if (!parts.utc_offset_minutes) read_optional_zone(scanner, parts);
    if (!only_comments_remain(scanner)) return std::nullopt;
    return parts;
}

}  // namespace feedagg::feeds::detail
