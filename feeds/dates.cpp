#include "feeds/dates.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "feeds/date_parts.hpp"

namespace feedagg::feeds {
namespace {

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && detail::is_ascii_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && detail::is_ascii_space(text.back())) text.remove_suffix(1);
    return text;
}

bool has_non_ascii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    }
    return false;
}

// Four leading digits mean a year first (ISO 8601 and kin); anything else names a month in words.
std::optional<detail::DateParts> read_date_parts(std::string_view text) {
    const bool year_first = text.size() >= 4 && detail::is_ascii_digit(text[0]) &&
                            detail::is_ascii_digit(text[1]) && detail::is_ascii_digit(text[2]) &&
                            detail::is_ascii_digit(text[3]);
    return year_first ? detail::read_numeric_date(text) : detail::read_textual_date(text);
}

void append_padded(std::string& out, long long value, int width) {
    if (value < 0) {
        out += '-';
        value = -value;
    }
    char digits[24];
    int count = 0;
    do {
        digits[count++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value > 0);
    for (int pad = count; pad < width; ++pad) out += '0';
    while (count > 0) out += digits[--count];
}

struct CivilTime {
    std::chrono::year_month_day date;
    std::chrono::weekday weekday;
    std::chrono::hh_mm_ss<std::chrono::seconds> clock;
};

CivilTime civil_time(Timestamp time) {
    const auto day = std::chrono::floor<std::chrono::days>(time);
    return {std::chrono::year_month_day{day}, std::chrono::weekday{day},
            std::chrono::hh_mm_ss<std::chrono::seconds>{time - day}};
}

void append_clock(std::string& out, const std::chrono::hh_mm_ss<std::chrono::seconds>& clock) {
    append_padded(out, clock.hours().count(), 2);
    out += ':';
    append_padded(out, clock.minutes().count(), 2);
    out += ':';
    append_padded(out, clock.seconds().count(), 2);
}

}  // namespace

std::optional<Timestamp> parse_date(std::string_view text, std::string_view default_timezone) {
    const auto zone = detail::WallClockZone::named(default_timezone);
    if (!zone) return std::nullopt;

    text = trim_spaces(text);
    if (text.empty() || text.size() > detail::max_date_length) return std::nullopt;

    // Every rewrite is no longer than its input, so this buffer always suffices.
    char rewritten[detail::max_date_length];
    bool afternoon = false;
    if (has_non_ascii(text)) {
        const auto rewrite = detail::rewrite_cjk_date(text, rewritten, sizeof rewritten);
        if (!rewrite) return std::nullopt;
        text = trim_spaces(rewrite->text);
        afternoon = rewrite->afternoon;
        if (text.empty()) return std::nullopt;
    }

    if (const auto instant = detail::read_unix_time(text)) return instant;
    auto parts = read_date_parts(text);
    if (!parts) return std::nullopt;
    if (afternoon && parts->hour < 12) parts->hour += 12;

    const auto local = detail::wall_clock_seconds(*parts);
    if (!local) return std::nullopt;
    if (parts->utc_offset_minutes)
        return Timestamp{*local - std::chrono::minutes{*parts->utc_offset_minutes}};
    return zone->to_utc(*local);
}

bool is_known_timezone(std::string_view name) {
    return detail::WallClockZone::named(name).has_value();
}

std::string format_rfc3339(Timestamp time) {
    const CivilTime civil = civil_time(time);
    std::string out;
    out.reserve(20);
    append_padded(out, static_cast<int>(civil.date.year()), 4);
    out += '-';
    append_padded(out, static_cast<unsigned>(civil.date.month()), 2);
    out += '-';
    append_padded(out, static_cast<unsigned>(civil.date.day()), 2);
    out += 'T';
    append_clock(out, civil.clock);
    out += 'Z';
    return out;
}

std::string format_rfc822(Timestamp time) {
    static constexpr std::string_view weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const CivilTime civil = civil_time(time);
    std::string out;
    out.reserve(29);
    out += weekdays[civil.weekday.c_encoding()];
    out += ", ";
    append_padded(out, static_cast<unsigned>(civil.date.day()), 2);
    out += ' ';
    out += months[static_cast<unsigned>(civil.date.month()) - 1];
    out += ' ';
    append_padded(out, static_cast<int>(civil.date.year()), 4);
    out += ' ';
    append_clock(out, civil.clock);
    out += " GMT";
    return out;
}

}  // namespace feedagg::feeds
