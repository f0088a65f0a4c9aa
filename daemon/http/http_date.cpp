#include "daemon/http/http_date.hpp"

#include <array>
#include <cstdio>

namespace feedagg::http {
namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

// Reads text left to right; any mismatch leaves it failed and every later read a no-op.
class DateScanner {
  public:
    explicit DateScanner(std::string_view text) : text_(text) {}

    bool ok() const { return ok_; }
    bool at_end() const { return ok_ && text_.empty(); }

    void literal(std::string_view expected) {
        if (ok_ && text_.substr(0, expected.size()) == expected) {
            text_.remove_prefix(expected.size());
        } else {
            ok_ = false;
        }
    }
    // A fixed count of digits; a leading space stands for a zero (asctime pads the day that way).
    int digits(int count, bool space_padded = false) {
        int value = 0;
        for (int i = 0; i < count; ++i) {
            char c = ok_ && !text_.empty() ? text_.front() : 'x';
            if (c == ' ' && space_padded && i == 0) {
                c = '0';
            } else if (c < '0' || c > '9') {
                ok_ = false;
                return 0;
            }
            value = value * 10 + (c - '0');
            text_.remove_prefix(1);
        }
        return value;
    }
    unsigned month() {
        for (std::size_t i = 0; i < kMonths.size(); ++i) {
            if (ok_ && text_.substr(0, 3) == kMonths[i]) {
                text_.remove_prefix(3);
                return static_cast<unsigned>(i + 1);
            }
        }
        ok_ = false;
        return 0;
    }
    void skip_weekday_name() {
        std::size_t letters = 0;
        while (letters < text_.size() && ((text_[letters] | 0x20) >= 'a' && (text_[letters] | 0x20) <= 'z')) {
            ++letters;
        }
        if (letters < 3) ok_ = false;
        text_.remove_prefix(letters);
    }
    // hh:mm:ss
    seconds time_of_day() {
        int hour = digits(2);
        literal(":");
        int minute = digits(2);
        literal(":");
        int second = digits(2);
        // 60 is a leap second; read it as the next second's start would be wrong, so clamp.
        if (hour > 23 || minute > 59 || second > 60) ok_ = false;
        return hours(hour) + minutes(minute) + std::chrono::seconds(second > 59 ? 59 : second);
    }

  private:
    std::string_view text_;
    bool ok_ = true;
};

std::optional<system_clock::time_point> assemble(int year, unsigned month, int day, seconds time) {
    year_month_day date{std::chrono::year(year), std::chrono::month(month),
                        std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok()) return std::nullopt;
    return system_clock::time_point(sys_days(date).time_since_epoch() + time);
}

std::optional<system_clock::time_point> parse_imf_fixdate(DateScanner in) {
    in.literal(", ");
    int day = in.digits(2);
    in.literal(" ");
    unsigned month = in.month();
    in.literal(" ");
    int year = in.digits(4);
    in.literal(" ");
    seconds time = in.time_of_day();
    in.literal(" GMT");
    if (!in.at_end()) return std::nullopt;
    return assemble(year, month, day, time);
}

std::optional<system_clock::time_point> parse_rfc850(DateScanner in) {
    in.literal(", ");
    int day = in.digits(2);
    in.literal("-");
    unsigned month = in.month();
    in.literal("-");
    int year = in.digits(2);
    in.literal(" ");
    seconds time = in.time_of_day();
    in.literal(" GMT");
    if (!in.at_end()) return std::nullopt;
    return assemble(year < 70 ? 2000 + year : 1900 + year, month, day, time);
}

std::optional<system_clock::time_point> parse_asctime(DateScanner in) {
    in.literal(" ");
    unsigned month = in.month();
    in.literal(" ");
    int day = in.digits(2, true);
    in.literal(" ");
    seconds time = in.time_of_day();
    in.literal(" ");
    int year = in.digits(4);
    if (!in.at_end()) return std::nullopt;
    return assemble(year, month, day, time);
}

}  // namespace

std::string format_http_date(system_clock::time_point time) {
    auto day_start = floor<days>(time);
    year_month_day date{day_start};
    hh_mm_ss clock{floor<seconds>(time - day_start)};
    unsigned weekday = std::chrono::weekday{day_start}.c_encoding();
    char out[40];
    int year = static_cast<int>(date.year());
    if (year < 0 || year > 9999) year = year < 0 ? 0 : 9999;
    std::snprintf(out, sizeof out, "%s, %02u %s %04d %02d:%02d:%02d GMT", kWeekdays[weekday].data(),
                  static_cast<unsigned>(date.day()), kMonths[static_cast<unsigned>(date.month()) - 1].data(),
                  year, static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()));
    return out;
}

std::optional<system_clock::time_point> parse_http_date(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    DateScanner in(text);
    in.skip_weekday_name();
    if (!in.ok()) return std::nullopt;
    std::size_t name_length = text.find_first_of(", ");
    if (name_length == std::string_view::npos) return std::nullopt;
    std::string_view rest = text.substr(name_length);
    if (name_length == 3 && rest.substr(0, 2) == ", ") return parse_imf_fixdate(in);
    if (name_length == 3 && rest.front() == ' ') return parse_asctime(in);
    return parse_rfc850(in);
}

}  // namespace feedagg::http
