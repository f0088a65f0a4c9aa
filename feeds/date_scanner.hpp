#pragma once
// A forward-only reader over the ASCII text of one date, shared by the date readers. It never reads
// past the end of the text and never allocates.

#include <cstddef>
#include <optional>
#include <string_view>

#include "feeds/detail/ascii.hpp"

namespace feedagg::feeds::detail {

inline bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
inline bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
struct Number {
    int value = 0;
    int digit_count = 0;
};

class DateScanner {
  public:
    explicit DateScanner(std::string_view text) : text_(text) {}

    bool done() const { return position_ == text_.size(); }
    std::size_t position() const { return position_; }
    void rewind(std::size_t position) { position_ = position; }

    // The character `ahead` places on, or '\0' past the end (callers never look for '\0').
    char peek(std::size_t ahead = 0) const {
        return position_ + ahead < text_.size() ? text_[position_ + ahead] : '\0';
    }

    void skip_one() {
        if (!done()) ++position_;
    }

    bool take(char wanted) {
        if (done() || text_[position_] != wanted) return false;
        ++position_;
        return true;
    }

    bool take_any_of(std::string_view wanted) {
        if (done() || wanted.find(text_[position_]) == std::string_view::npos) return false;
        ++position_;
        return true;
    }

    // True when at least one space was skipped.
    bool skip_spaces() {
        const std::size_t start = position_;
        while (!done() && is_ascii_space(text_[position_])) ++position_;
        return position_ != start;
    }

    // Reads from `min_count` to `max_count` digits (max_count <= 9, so no overflow). Reads nothing
    // when fewer than `min_count` digits are there.
    std::optional<Number> digits(int min_count, int max_count) {
        Number number;
        std::size_t at = position_;
        while (at < text_.size() && number.digit_count < max_count && is_ascii_digit(text_[at])) {
            number.value = number.value * 10 + (text_[at] - '0');
            ++number.digit_count;
            ++at;
        }
        if (number.digit_count < min_count) return std::nullopt;
        position_ = at;
        return number;
    }

    std::size_t skip_digits() {
        const std::size_t start = position_;
        while (!done() && is_ascii_digit(text_[position_])) ++position_;
        return position_ - start;
    }

    std::string_view letters() {
        const std::size_t start = position_;
        while (!done() && is_ascii_letter(text_[position_])) ++position_;
        return text_.substr(start, position_ - start);
    }

  private:
    std::string_view text_;
    std::size_t position_ = 0;
};

}  // namespace feedagg::feeds::detail
