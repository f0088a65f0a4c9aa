// Dates as web pages print them: inside other words ("发布时间：2024-05-17 09:12 来源：工人日报"),
// without a year ("05-17"), relative ("3小时前", "昨天 10:20", "2 hours ago"), or in a format the
// source's configuration spells out.

#include <array>
#include <cctype>
#include <regex>

#include "feeds/date_parts.hpp"
#include "feeds/dates.hpp"

namespace feedagg::feeds {
namespace {

using namespace std::chrono;
using detail::DateParts;
using detail::WallClockZone;

constexpr std::size_t max_page_date_length = 256;

// Full-width digits and punctuation, the ideographic space and NBSP as their ASCII forms.
std::string to_half_width(std::string_view text) {
    std::string ascii;
    ascii.reserve(text.size());
    for (std::size_t at = 0; at < text.size(); ++at) {
        const auto byte = [&](std::size_t offset) {
            return at + offset < text.size() ? static_cast<unsigned char>(text[at + offset]) : 0;
        };
        if (byte(0) == 0xEF && byte(1) == 0xBC && byte(2) >= 0x81 && byte(2) <= 0xBF) {
            ascii += static_cast<char>(byte(2) - 0x81 + '!');  // U+FF01..U+FF3F -> '!'..'_'
            at += 2;
        } else if (byte(0) == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) {
            ascii += ' ';
            at += 2;
        } else if (byte(0) == 0xC2 && byte(1) == 0xA0) {
            ascii += ' ';
            at += 1;
        } else {
            ascii += text[at];
        }
    }
    return ascii;
}

struct LocalDay {
    int year;
    int month;
    int day;
};

LocalDay local_day(const WallClockZone& zone, Timestamp now, days offset) {
    const year_month_day date{floor<days>(sys_seconds{zone.to_local(now)}) + offset};
    return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
            static_cast<int>(static_cast<unsigned>(date.day()))};
}

std::optional<Timestamp> place(const DateParts& parts, const WallClockZone& zone) {
    const std::optional<seconds> local = detail::wall_clock_seconds(parts);
    if (!local) return std::nullopt;
    if (parts.utc_offset_minutes) return Timestamp{*local - minutes{*parts.utc_offset_minutes}};
    return zone.to_utc(*local);
}

int to_int(const std::ssub_match& match, int fallback = 0) {
    if (!match.matched || match.length() > 9) return fallback;
    return std::stoi(match.str());
}

const char* const clock_pattern =
    R"((?:\s*T?\s*(\d{1,2})\s*(?::|时|點|点)\s*(\d{1,2})(?:\s*(?::|分)\s*(\d{1,2}))?)?)";

// "3小时前", "10 minutes ago", "刚刚", "just now".
std::optional<Timestamp> read_elapsed(const std::string& text, Timestamp now) {
    if (text.find("刚刚") != std::string::npos || text.find("just now") != std::string::npos) return now;
    static const std::regex elapsed(
        R"((\d{1,4})\s*(秒|分钟|分鐘|小时|小時|天|周|星期|个月|個月|second|minute|min|hour|day|week|month)s?\s*(前|ago))",
        std::regex::icase);
    std::smatch match;
    if (!std::regex_search(text, match, elapsed)) return std::nullopt;
    const long count = to_int(match[1]);
    const std::string unit = match[2].str();
    seconds each{0};
    if (unit == "秒" || unit.starts_with("sec") || unit.starts_with("Sec"))
        each = seconds{1};
    else if (unit.starts_with("分") || unit.starts_with("min") || unit.starts_with("Min"))
        each = minutes{1};
    else if (unit.starts_with("小") || unit.starts_with("hour") || unit.starts_with("Hour"))
        each = hours{1};
    else if (unit == "天" || unit.starts_with("day") || unit.starts_with("Day"))
        each = days{1};
    else if (unit == "周" || unit == "星期" || unit.starts_with("week") || unit.starts_with("Week"))
        each = weeks{1};
    else
        each = days{30};
    return now - count * each;
}

// "今天 10:20", "昨天", "前天 08:00", "today", "yesterday 9:30".
std::optional<Timestamp> read_named_day(const std::string& text, const WallClockZone& zone, Timestamp now) {
    static const std::regex named_day(
        std::string(R"((今天|今日|昨天|昨日|前天|today|yesterday))") + clock_pattern, std::regex::icase);
    std::smatch match;
    if (!std::regex_search(text, match, named_day)) return std::nullopt;
    const std::string word = match[1].str();
    const int back = (word == "今天" || word == "今日" || word[0] == 't' || word[0] == 'T') ? 0
                     : (word == "前天")                                                     ? 2
                                                                                            : 1;
    const LocalDay day = local_day(zone, now, days{-back});
    return place(
        DateParts{day.year, day.month, day.day, to_int(match[2]), to_int(match[3]), to_int(match[4]), {}},
        zone);
}

// "2024-05-17 09:12", "2024年05月17日", "2024/5/17", "2024.05.17" anywhere in the text.
std::optional<Timestamp> read_embedded_date(const std::string& text, const WallClockZone& zone) {
    static const std::regex full_date(
        std::string(R"((\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*(?:日|号)?)") +
        clock_pattern);
    std::smatch match;
    if (!std::regex_search(text, match, full_date)) return std::nullopt;
    return place(DateParts{to_int(match[1]),
                           to_int(match[2]),
                           to_int(match[3]),
                           to_int(match[4]),
                           to_int(match[5]),
                           to_int(match[6]),
                           {}},
                 zone);
}

// "05-17", "[05-17]", "5月17日 10:20": the most recent such day not after tomorrow.
std::optional<Timestamp> read_day_without_year(const std::string& text, const WallClockZone& zone,
                                               Timestamp now) {
    static const std::regex month_day(
        std::string(R"((?:^|[^\d])(\d{1,2})\s*(?:-|/|月)\s*(\d{1,2})(?:日|号)?)") + clock_pattern +
        R"((?:[^\d]|$))");
    std::smatch match;
    if (!std::regex_search(text, match, month_day)) return std::nullopt;
    const int this_year = local_day(zone, now, days{0}).year;
    DateParts parts{
        this_year, to_int(match[1]), to_int(match[2]), to_int(match[3]), to_int(match[4]), to_int(match[5]),
        {}};
    std::optional<Timestamp> placed = place(parts, zone);
    if (placed && *placed > now + days{1}) {
        parts.year -= 1;
        placed = place(parts, zone);
    }
    return placed;
}

const std::array<std::string_view, 12> month_abbreviations{"jan", "feb", "mar", "apr", "may", "jun",
                                                           "jul", "aug", "sep", "oct", "nov", "dec"};

bool read_number(std::string_view text, std::size_t& at, int max_digits, int& into) {
    int digits = 0;
    into = 0;
    while (at < text.size() && digits < max_digits && std::isdigit(static_cast<unsigned char>(text[at]))) {
        into = into * 10 + (text[at++] - '0');
        ++digits;
    }
    return digits > 0;
}

// strftime-style conversions: %Y %y %m %d %H %M %S %b (English month names) and %%; white space
// in the format matches any run of white space. The format must match from the text's start.
std::optional<DateParts> read_with_format(std::string_view text, std::string_view format) {
    DateParts parts;
    std::size_t at = 0;
    for (std::size_t f = 0; f < format.size(); ++f) {
        if (std::isspace(static_cast<unsigned char>(format[f]))) {
            while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
            continue;
        }
        if (format[f] != '%' || f + 1 == format.size()) {
            if (at >= text.size() || text[at] != format[f]) return std::nullopt;
            ++at;
            continue;
        }
        bool read = true;
        switch (format[++f]) {
            case 'Y': read = read_number(text, at, 4, parts.year); break;
            case 'y':
                read = read_number(text, at, 2, parts.year);
                parts.year += parts.year < 70 ? 2000 : 1900;
                break;
            case 'm': read = read_number(text, at, 2, parts.month); break;
            case 'd': read = read_number(text, at, 2, parts.day); break;
            case 'H': read = read_number(text, at, 2, parts.hour); break;
            case 'M': read = read_number(text, at, 2, parts.minute); break;
            case 'S': read = read_number(text, at, 2, parts.second); break;
            case 'b': {
                read = false;
                for (std::size_t m = 0; m < month_abbreviations.size() && !read; ++m) {
                    const std::string_view name = month_abbreviations[m];
                    if (text.size() - at < 3) break;
                    bool same = true;
                    for (std::size_t i = 0; i < 3; ++i)
                        same = same && std::tolower(static_cast<unsigned char>(text[at + i])) == name[i];
                    if (!same) continue;
                    parts.month = static_cast<int>(m) + 1;
                    at += 3;
                    while (at < text.size() && std::isalpha(static_cast<unsigned char>(text[at]))) ++at;
                    read = true;
                }
                break;
            }
            case '%': read = at < text.size() && text[at++] == '%'; break;
            default: return std::nullopt;
        }
        if (!read) return std::nullopt;
    }
    return parts;
}

}  // namespace

std::optional<Timestamp> parse_page_date(std::string_view text, const PageDateContext& context) {
    const std::optional<WallClockZone> zone = WallClockZone::named(context.timezone);
    if (!zone || text.size() > max_page_date_length) return std::nullopt;
    const std::string ascii = to_half_width(text);
    const std::size_t first = ascii.find_first_not_of(" \t\r\n[(【（");
    if (first == std::string::npos) return std::nullopt;
    const std::string_view trimmed = std::string_view(ascii).substr(first);
    for (const std::string& format : context.formats) {
        if (const auto parts = read_with_format(trimmed, format)) {
            if (const auto placed = place(*parts, *zone)) return placed;
        }
    }
    if (const auto whole = parse_date(trimmed, context.timezone)) return whole;
    if (const auto embedded = read_embedded_date(ascii, *zone)) return embedded;
    if (const auto named = read_named_day(ascii, *zone, context.now)) return named;
    if (const auto elapsed = read_elapsed(ascii, context.now)) return elapsed;
    return read_day_without_year(ascii, *zone, context.now);
}

}  // namespace feedagg::feeds
