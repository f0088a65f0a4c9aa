// The pieces every date form shares: the clock, the zone, trailing comments, and the check that a
// reading names a real calendar day and time.

#include <chrono>
#include <optional>
#include <string_view>

#include "feeds/date_parts.hpp"

namespace feedagg::feeds::detail {
namespace {

struct NamedZone {
    std::string_view name;
    int minutes_east;
};

// RFC 822 §5.1 names first, then abbreviations feeds use that stand for one offset in practice.
// BST is read as British Summer Time (Bangladesh shares it, but not in feeds we have seen). Left out
// on purpose because they name several zones: IST (India, Ireland, Israel), AST (Atlantic, Arabia),
// and CST as "China Standard Time" (RFC 822 fixes CST as US Central). Unlisted abbreviations are
// handled by the readers (see read_textual_date).
constexpr NamedZone named_zones[] = {
    {"UT", 0},         {"UTC", 0},        {"GMT", 0},       {"Z", 0},         {"EST", -5 * 60},
    {"EDT", -4 * 60},  {"CST", -6 * 60},  {"CDT", -5 * 60}, {"MST", -7 * 60}, {"MDT", -6 * 60},
    {"PST", -8 * 60},  {"PDT", -7 * 60},  {"UCT", 0},       {"WET", 0},       {"WEST", 60},
    {"BST", 60},       {"CET", 60},       {"CEST", 120},    {"MET", 60},      {"MEST", 120},
    {"EET", 120},      {"EEST", 180},     {"MSK", 180},     {"HKT", 480},     {"SGT", 480},
    {"AWST", 480},     {"JST", 540},      {"KST", 540},     {"ACST", 570},    {"ACDT", 630},
    {"AEST", 600},     {"AEDT", 660},     {"NZST", 720},    {"NZDT", 780},    {"AKST", -9 * 60},
    {"AKDT", -8 * 60}, {"HST", -10 * 60}, {"NST", -210},    {"NDT", -150},    {"WIB", 420},
};

std::optional<int> named_zone_offset(std::string_view word) {
    if (word.size() == 1) {
        // RFC 822 gave the military letters A-I, K-Y offsets with the wrong sign (RFC 1123 §5.2.14),
        // so RFC 2822 §4.3 says to read them as "-0000": UTC, the local zone unknown. J is not a zone.
        const char letter = to_ascii_upper(word[0]);
        if (letter == 'J') return std::nullopt;
        return 0;
    }
    for (const NamedZone& zone : named_zones) {
        if (equals_ignoring_case(word, zone.name)) return zone.minutes_east;
    }
    return std::nullopt;
}

// "+0800", "+08:00", "+08", and after GMT/UTC also "+8". Consumes nothing on failure.
std::optional<int> read_numeric_offset(DateScanner& scanner) {
    const std::size_t start = scanner.position();
    const auto fail = [&] {
        scanner.rewind(start);
        return std::optional<int>{};
    };
    const char sign = scanner.peek();
    if (!scanner.take_any_of("+-")) return std::nullopt;
    const auto hours = scanner.digits(1, 2);
    if (!hours) return fail();
    int minutes = 0;
    if (hours->digit_count == 2) {
        const bool colon = scanner.take(':');
        const auto minute = scanner.digits(2, 2);
        if (colon && !minute) return fail();
        if (minute) minutes = minute->value;
    }
    if (hours->value > 23 || minutes > 59 || is_ascii_digit(scanner.peek())) return fail();
    const int offset = hours->value * 60 + minutes;
    return sign == '-' ? -offset : offset;
}

bool is_utc_name(std::string_view word) {
    return equals_ignoring_case(word, "GMT") || equals_ignoring_case(word, "UTC") ||
           equals_ignoring_case(word, "UT");
}

}  // namespace

std::optional<int> read_zone(DateScanner& scanner) {
    const char first = scanner.peek();
    if (first == '+' || first == '-') return read_numeric_offset(scanner);
    if (!is_ascii_letter(first)) return std::nullopt;

    const std::size_t start = scanner.position();
    const std::string_view word = scanner.letters();
    if (is_utc_name(word)) {
        // "GMT+0800", "UTC+8", as JavaScript's Date.toString and many CMSs write them.
        if (const auto offset = read_numeric_offset(scanner)) return offset;
    }
    if (const auto offset = named_zone_offset(word)) return offset;
    scanner.rewind(start);
    return std::nullopt;
}

bool only_comments_remain(DateScanner& scanner) {
    for (;;) {
        scanner.skip_spaces();
        if (!scanner.take('(')) break;
        // RFC 822 §3.1.4 comments, e.g. "+0800 (CST)"; an unclosed one runs to the end.
        int depth = 1;
        while (depth > 0 && !scanner.done()) {
            if (scanner.take('(')) {
                ++depth;
            } else if (scanner.take(')')) {
                --depth;
            } else {
                scanner.skip_one();
            }
        }
    }
    return scanner.done();
}

void skip_fraction(DateScanner& scanner) {
    if ((scanner.peek() == '.' || scanner.peek() == ',') && is_ascii_digit(scanner.peek(1))) {
        scanner.skip_one();
        scanner.skip_digits();
    }
}

bool read_clock(DateScanner& scanner, DateParts& parts) {
    const auto hour = scanner.digits(1, 2);
    if (!hour || !scanner.take(':')) return false;
    const auto minute = scanner.digits(2, 2);
    if (!minute) return false;
    parts.hour = hour->value;
    parts.minute = minute->value;
    parts.second = 0;
    if (scanner.take(':')) {
        const auto second = scanner.digits(2, 2);
        if (!second) return false;
        parts.second = second->value;
        skip_fraction(scanner);
    }
    if (is_ascii_digit(scanner.peek())) return false;

    const std::size_t before_meridiem = scanner.position();
    scanner.skip_spaces();
    const std::string_view meridiem = scanner.letters();
    const bool morning = equals_ignoring_case(meridiem, "AM");
    const bool afternoon = equals_ignoring_case(meridiem, "PM");
    if (!morning && !afternoon) {
        scanner.rewind(before_meridiem);
        return true;
    }
    if (parts.hour < 1 || parts.hour > 12) return false;
    if (morning && parts.hour == 12) parts.hour = 0;
    if (afternoon && parts.hour != 12) parts.hour += 12;
    return true;
}

std::optional<std::chrono::seconds> wall_clock_seconds(const DateParts& parts) {
    using namespace std::chrono;
    if (parts.year < 1 || parts.year > 9999) return std::nullopt;
    if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31) return std::nullopt;
    const year_month_day date{year{parts.year}, month{static_cast<unsigned>(parts.month)},
                              day{static_cast<unsigned>(parts.day)}};
    if (!date.ok()) return std::nullopt;
    if (parts.minute < 0 || parts.minute > 59 || parts.second < 0) return std::nullopt;
    // ISO 8601 allows 24:00 for the end of a day; RFC 3339 §5.6 allows leap second 60, which lands
    // on the next minute because Unix time has no leap seconds.
    const bool end_of_day = parts.hour == 24 && parts.minute == 0 && parts.second == 0;
    if ((parts.hour < 0 || parts.hour > 23) && !end_of_day) return std::nullopt;
    if (parts.second > 60) return std::nullopt;
    return sys_days{date}.time_since_epoch() + hours{parts.hour} + minutes{parts.minute} +
           seconds{parts.second};
}

}  // namespace feedagg::feeds::detail
