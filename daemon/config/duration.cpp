#include <cstdint>

#include "daemon/config/config.hpp"
#include "daemon/config/value_checks.hpp"

namespace feedagg::config {
namespace {

constexpr std::int64_t seconds_per(char unit) {
    switch (unit) {
        case 'd': return 86'400;
        case 'h': return 3'600;
        case 'm': return 60;
        case 's': return 1;
        default: return 0;
    }
}

// Larger than any sensible interval or timeout, small enough that no sum of parts overflows.
constexpr std::int64_t max_seconds = 100LL * 365 * 86'400;

}  // namespace

// Parts are written largest unit first, each unit at most once ("1h30m", not "30m1h" or "1h1h"),
// so that a duration reads one way only.
std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::int64_t total = 0;
    std::int64_t previous_unit = max_seconds + 1;
    std::size_t i = 0;
    while (i < text.size()) {
        std::int64_t number = 0;
        const std::size_t digits_start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            number = number * 10 + (text[i] - '0');
            if (number > max_seconds) return std::nullopt;
            ++i;
        }
        if (i == digits_start || i == text.size()) return std::nullopt;
        const std::int64_t unit = seconds_per(text[i]);
        if (unit == 0 || unit >= previous_unit) return std::nullopt;
        previous_unit = unit;
        total += number * unit;
        if (total > max_seconds) return std::nullopt;
        ++i;
    }
    return std::chrono::seconds(total);
}

namespace detail {

std::string format_duration(std::chrono::seconds duration) {
    std::int64_t left = duration.count();
    if (left <= 0) return "0s";
    std::string text;
    for (const char unit : {'d', 'h', 'm', 's'}) {
        const std::int64_t size = seconds_per(unit);
        if (left >= size) {
            text += std::to_string(left / size);
            text += unit;
            left %= size;
        }
    }
    return text;
}

Problem check_duration(std::string_view text, std::chrono::seconds minimum, std::chrono::seconds maximum) {
    const bool all_digits = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
    if (all_digits) return "needs a unit (e.g. \"15m\")";
    const auto duration = parse_duration(text);
    if (!duration) {
        return "is not a duration; expected a number and a unit (s, m, h, d), largest first, e.g. \"90s\", "
               "\"15m\", \"1h30m\"";
    }
    if (*duration < minimum) return "is shorter than the minimum of " + format_duration(minimum);
    if (*duration > maximum) return "is longer than the maximum of " + format_duration(maximum);
    return std::nullopt;
}

}  // namespace detail
}  // namespace feedagg::config
