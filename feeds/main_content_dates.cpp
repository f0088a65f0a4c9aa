// Dates as article pages write them near the title: 2024-05-17 09:12, 2024年05月17日,
// May 17, 2024. Only found here, not parsed: the caller's date parser reads the raw text.

#include <algorithm>
#include <cctype>
#include <iterator>

#include "feeds/main_content_detail.hpp"

namespace feedagg::feeds::detail {
namespace {

bool is_digit(std::string_view text, std::size_t at) {
    return at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) != 0;
}

// Reads 1..max_digits digits at `at`; returns how many were read (0 when too many or none).
std::size_t read_number(std::string_view text, std::size_t at, std::size_t max_digits, int& value) {
    std::size_t count = 0;
    value = 0;
    while (is_digit(text, at + count)) {
        if (++count > max_digits) return 0;
        value = value * 10 + (text[at + count - 1] - '0');
    }
    return count;
}

// End of " 09:12" or " 09:12:30" starting at `at`, or `at` itself when there is no time.
std::size_t time_end(std::string_view text, std::size_t at) {
    std::size_t p = at;
    for (int spaces = 0; spaces < 3; ++spaces) {
        if (starts_with_at(text, p, " ")) {
            p += 1;
        } else if (starts_with_at(text, p, "\xC2\xA0")) {
            p += 2;
        } else if (starts_with_at(text, p, "\xE3\x80\x80")) {
            p += 3;
        }
    }
    int hour = 0;
    int minute = 0;
    const std::size_t hour_digits = read_number(text, p, 2, hour);
    if (hour_digits == 0 || hour > 23 || !starts_with_at(text, p + hour_digits, ":")) return at;
    p += hour_digits + 1;
    if (read_number(text, p, 2, minute) != 2 || minute > 59) return at;
    p += 2;
    int second = 0;
    if (starts_with_at(text, p, ":") && read_number(text, p + 1, 2, second) == 2 && second <= 59) p += 3;
    return p;
}

// End of a date starting at `at`, or 0 when none starts there.
std::size_t date_end(std::string_view text, std::size_t at) {
    int year = 0;
    int month = 0;
    int day = 0;
    if (read_number(text, at, 4, year) != 4 || year < 1990 || year > 2099) return 0;
    std::size_t p = at + 4;
    const bool chinese = starts_with_at(text, p, "\u5E74");
    const char separator = p < text.size() ? text[p] : '\0';
    if (!chinese && separator != '-' && separator != '/' && separator != '.') return 0;
    p += chinese ? 3 : 1;
    const std::size_t month_digits = read_number(text, p, 2, month);
    if (month_digits == 0 || month < 1 || month > 12) return 0;
    p += month_digits;
    if (chinese ? !starts_with_at(text, p, "\u6708") : (p >= text.size() || text[p] != separator)) return 0;
    p += chinese ? 3 : 1;
    const std::size_t day_digits = read_number(text, p, 2, day);
    if (day_digits == 0 || day < 1 || day > 31) return 0;
    p += day_digits;
    if (chinese && starts_with_at(text, p, "\u65E5")) p += 3;
    return time_end(text, p);
}

constexpr std::string_view month_names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};

bool is_letter(std::string_view text, std::size_t at) {
    return at < text.size() && std::isalpha(static_cast<unsigned char>(text[at])) != 0;
}

// End of an English month name (full, or abbreviated with an optional '.') at `at`, or 0.
std::size_t month_end(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (is_letter(text, end)) ++end;
    if (end - at < 3 || end - at > 9) return 0;
    const std::string word = ascii_lower(text.substr(at, end - at));
    if (std::find(std::begin(month_names), std::end(month_names), std::string_view(word).substr(0, 3)) ==
        std::end(month_names)) {
        return 0;
    }
    if (starts_with_at(text, end, ".")) ++end;
    return end;
}

// End of "May 17, 2024" or "17 May 2024" starting at `at`, or 0.
std::size_t english_date_end(std::string_view text, std::size_t at) {
    int day = 0;
    int year = 0;
    std::size_t p = at;
    if (is_letter(text, p)) {
        p = month_end(text, p);
        if (p == 0 || !starts_with_at(text, p, " ")) return 0;
        const std::size_t day_digits = read_number(text, p + 1, 2, day);
        if (day_digits == 0 || day < 1 || day > 31) return 0;
        p += 1 + day_digits;
        if (starts_with_at(text, p, ",")) ++p;
    } else {
        const std::size_t day_digits = read_number(text, p, 2, day);
        if (day_digits == 0 || day < 1 || day > 31 || !starts_with_at(text, p + day_digits, " ")) return 0;
        p = month_end(text, p + day_digits + 1);
        if (p == 0) return 0;
    }
    if (!starts_with_at(text, p, " ") || read_number(text, p + 1, 4, year) != 4 || year < 1990) return 0;
    return p + 5;
}

}  // namespace

std::string find_date_text(std::string_view text) {
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (at > 0 && (is_digit(text, at - 1) || is_letter(text, at - 1))) continue;
        std::size_t end = 0;
        if (is_digit(text, at)) end = date_end(text, at);
        if (end == 0 && (is_digit(text, at) || is_letter(text, at))) end = english_date_end(text, at);
        if (end != 0) return std::string(text.substr(at, end - at));
    }
    return {};
}

}  // namespace feedagg::feeds::detail
