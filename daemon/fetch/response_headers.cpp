#include "daemon/fetch/response_headers.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "feeds/dates.hpp"

namespace feedagg::fetch::detail {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view unquote(std::string_view value) {
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        return value.substr(1, value.size() - 2);
    return value;
}

// Whole non-negative decimal seconds; values past ~300 years are clamped rather than overflowing.
std::optional<std::chrono::seconds> parse_seconds(std::string_view digits) {
    if (digits.empty()) return std::nullopt;
    std::int64_t value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        value = std::min<std::int64_t>(value * 10 + (c - '0'), std::int64_t{10'000'000'000});
    }
    return std::chrono::seconds(value);
}

std::optional<std::chrono::sys_seconds> parse_http_date(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    return feeds::parse_date(text, "UTC");
}

// Calls `visit(name, value)` for each "name[=value]" of a comma-separated parameter list.
template <class Visit>
void for_each_directive(std::string_view list, char separator, Visit visit) {
    while (!list.empty()) {
        const std::size_t end = std::min(list.find(separator), list.size());
        const std::string_view item = trim(list.substr(0, end));
        list.remove_prefix(std::min(end + 1, list.size()));
        const std::size_t equals = item.find('=');
        if (equals == std::string_view::npos) {
            visit(item, std::string_view{});
        } else {
            visit(trim(item.substr(0, equals)), unquote(trim(item.substr(equals + 1))));
        }
    }
}

}  // namespace

std::string charset_of(std::string_view content_type) {
    const std::size_t semicolon = content_type.find(';');
    if (semicolon == std::string_view::npos) return {};
    std::string charset;
    for_each_directive(content_type.substr(semicolon + 1), ';',
                       [&](std::string_view name, std::string_view value) {
                           if (charset.empty() && iequals(name, "charset")) charset = std::string(value);
                       });
    return charset;
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::chrono::sys_seconds now) {
    value = trim(value);
    if (auto seconds = parse_seconds(value)) return seconds;
    if (auto date = parse_http_date(value)) return std::max(std::chrono::seconds(0), *date - now);
    return std::nullopt;
}

std::optional<std::chrono::seconds> parse_freshness(std::string_view cache_control, std::string_view expires,
                                                    std::string_view date, std::chrono::sys_seconds now) {
    std::optional<std::chrono::seconds> max_age;
    for_each_directive(cache_control, ',', [&](std::string_view name, std::string_view value) {
        if (!max_age && iequals(name, "max-age")) max_age = parse_seconds(value);
    });
    if (max_age) return max_age;
    if (trim(expires).empty()) return std::nullopt;
    const auto expiry = parse_http_date(expires);
    if (!expiry) return std::chrono::seconds(0);
    const auto origin_now = parse_http_date(date).value_or(now);
    return std::max(std::chrono::seconds(0), *expiry - origin_now);
}

}  // namespace feedagg::fetch::detail
