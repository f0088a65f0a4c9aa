// Chinese (and the shared Japanese) ways of writing dates, rewritten as the ASCII the numeric reader
// understands: "2024年1月2日 星期二 下午3:00" becomes "2024-1-2   3:00" with the afternoon noted,
// "２０２４年０１月０２日" becomes "2024-01-02 ". Any character not listed here rejects the text.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>

#include "feeds/date_parts.hpp"

namespace feedagg::feeds::detail {
namespace {

class AsciiWriter {
  public:
    AsciiWriter(char* buffer, std::size_t capacity) : buffer_(buffer), capacity_(capacity) {}

    void put(std::string_view text) {
        if (text.size() > capacity_ - size_) {
            overflowed_ = true;
            return;
        }
        for (const char c : text) buffer_[size_++] = c;
    }
    void put(char c) { put(std::string_view(&c, 1)); }

    bool overflowed() const { return overflowed_; }
    bool ends_with_digit() const { return size_ > 0 && is_ascii_digit(buffer_[size_ - 1]); }
    std::string_view text() const { return {buffer_, size_}; }

  private:
    char* buffer_;
    std::size_t capacity_;
    std::size_t size_ = 0;
    bool overflowed_ = false;
};

struct CodePoint {
    char32_t value = 0;
    std::size_t length = 0;
};

std::optional<CodePoint> decode_utf8(std::string_view text) {
    const auto byte = [&](std::size_t index) { return static_cast<unsigned char>(text[index]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    char32_t value = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07;
    } else {
        return std::nullopt;
    }
    if (text.size() < length) return std::nullopt;
    for (std::size_t index = 1; index < length; ++index) {
        if ((byte(index) & 0xC0) != 0x80) return std::nullopt;
        value = (value << 6) | (byte(index) & 0x3F);
    }
    return CodePoint{value, length};
}

std::optional<char> digit_at_start(std::string_view text) {
    if (text.empty()) return std::nullopt;
    if (is_ascii_digit(text[0])) return text[0];
    const auto code_point = decode_utf8(text);
    if (!code_point || code_point->value < U'０' || code_point->value > U'９') return std::nullopt;
    return static_cast<char>('0' + (code_point->value - U'０'));
}

// How many digits (ASCII or full-width) start `text`, counting no further than two.
int leading_digit_count(std::string_view text) {
    int count = 0;
    while (count < 2 && digit_at_start(text)) {
        text.remove_prefix(is_ascii_digit(text[0]) ? 1 : 3);
        ++count;
    }
    return count;
}

std::size_t prefix_length(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix ? prefix.size() : 0;
}

// "星期二", "周日", "礼拜天": the length of the weekday word at the start of `text`, or 0.
std::size_t weekday_length(std::string_view text) {
    for (const std::string_view word : {"星期", "礼拜", "禮拜", "周", "週"}) {
        const std::size_t word_length = prefix_length(text, word);
        if (word_length == 0) continue;
        for (const std::string_view day : {"一", "二", "三", "四", "五", "六", "日", "天"}) {
            if (const std::size_t day_length = prefix_length(text.substr(word_length), day)) {
                return word_length + day_length;
            }
        }
    }
    return 0;
}

// "(星期二)", "（周二）", and the Japanese "(火)": a weekday in brackets, or 0.
std::size_t bracketed_weekday_length(std::string_view text) {
    const std::size_t open = std::max(prefix_length(text, "("), prefix_length(text, "（"));
    if (open == 0) return 0;
    const std::string_view inside = text.substr(open);
    std::size_t day = weekday_length(inside);
    for (const std::string_view japanese_day : {"月", "火", "水", "木", "金", "土", "日"}) {
        day = std::max(day, prefix_length(inside, japanese_day));
    }
    if (day == 0) return 0;
    const std::string_view after = inside.substr(day);
    const std::size_t close = std::max(prefix_length(after, ")"), prefix_length(after, "）"));
    return close == 0 ? 0 : open + day + close;
}

struct Phrase {
    std::string_view text;
    std::string_view ascii;
    bool afternoon;
};

// Words around the clock. China observes one zone, UTC+8, all year.
constexpr Phrase phrases[] = {
    {"北京时间", " +08:00 ", false},
    {"北京時間", " +08:00 ", false},
    {"上午", " ", false},
    {"早上", " ", false},
    {"凌晨", " ", false},
    {"下午", " ", true},
    {"晚上", " ", true},
    {"傍晚", " ", true},
};

// Full-width forms and unusual spaces: the ASCII they stand for, or nothing when not one of them.
std::optional<std::string_view> ascii_for_symbol(char32_t character) {
    if (character >= U'０' && character <= U'９') {
        static constexpr std::string_view digits = "0123456789";
        return digits.substr(character - U'０', 1);
    }
    switch (character) {
        case U'：':
            return ":";
        case U'－':
            return "-";
        case U'／':
            return "/";
        case U'．':
            return ".";
        case U'＋':
            return "+";
        case U'，':
            return ",";
        case U'（':
            return "(";
        case U'）':
            return ")";
        case U'\u00A0':  // no-break space
        case U'\u3000':  // ideographic space
        case U'\u2002':
        case U'\u2003':
        case U'\u2009':
        case U'\u202F':
            return " ";
        case U'\u200B':  // zero-width space
        case U'\uFEFF':
            return "";
        default:
            return std::nullopt;
    }
}

// The unit words that follow a number ("2024年", "10点"): the ASCII separator they stand for, given
// the text `next` after them, or nothing when not one of them.
std::optional<std::string_view> ascii_for_unit(char32_t character, std::string_view next) {
    // "10时5分" has one-digit minutes; the clock reader wants two.
    const int digits_following = leading_digit_count(next);
    const std::string_view clock_separator = digits_following == 1 ? ":0" : ":";
    switch (character) {
        case U'年':
        case U'月':
            return digits_following > 0 ? "-" : "";
        case U'日':
        case U'号':
        case U'號':
            return " ";
        case U'时':
        case U'時':
        case U'点':
        case U'點':
            return digits_following > 0 ? clock_separator : ":00";
        case U'分':
            return digits_following > 0 ? clock_separator : "";
        case U'秒':
            return "";
        default:
            return std::nullopt;
    }
}

// 下午 only matters when a clock follows it.
bool clock_follows(std::string_view text) {
    while (!text.empty() && text[0] == ' ') text.remove_prefix(1);
    return digit_at_start(text).has_value();
}

}  // namespace

std::optional<CjkRewrite> rewrite_cjk_date(std::string_view text, char* buffer, std::size_t capacity) {
    AsciiWriter writer(buffer, capacity);
    CjkRewrite rewrite;
    std::size_t at = 0;
    while (at < text.size() && !writer.overflowed()) {
        const std::string_view rest = text.substr(at);
        if (const std::size_t length = bracketed_weekday_length(rest)) {
            writer.put(' ');
            at += length;
            continue;
        }
        if (static_cast<unsigned char>(rest[0]) < 0x80) {
            writer.put(rest[0]);
            ++at;
            continue;
        }
        if (const std::size_t length = weekday_length(rest)) {
            writer.put(' ');
            at += length;
            continue;
        }
        bool phrase_found = false;
        for (const Phrase& phrase : phrases) {
            if (prefix_length(rest, phrase.text) == 0) continue;
            writer.put(phrase.ascii);
            if (phrase.afternoon && clock_follows(rest.substr(phrase.text.size()))) rewrite.afternoon = true;
            at += phrase.text.size();
            phrase_found = true;
            break;
        }
        if (phrase_found) continue;

        const auto code_point = decode_utf8(rest);
        if (!code_point) return std::nullopt;
        auto ascii = ascii_for_symbol(code_point->value);
        if (!ascii && writer.ends_with_digit())
            ascii = ascii_for_unit(code_point->value, rest.substr(code_point->length));
        if (!ascii) return std::nullopt;
        writer.put(*ascii);
        at += code_point->length;
    }
    if (writer.overflowed()) return std::nullopt;
    rewrite.text = writer.text();
    return rewrite;
}

}  // namespace feedagg::feeds::detail
