// A reader for the JSON that feeds are written in, building the value Boost.JSON's parser builds with
// the same value_stack. It exists for speed: Boost.JSON 1.81 reads the rest of a string a byte at a
// time once it has met an escape, and every JSON Feed content_html has `\"` from its first tag; this
// reader scans 16 bytes at a time between escapes too. It declines whatever it does not read exactly
// as Boost.JSON would (comments, trailing commas, fractions, long integers, unpaired surrogates,
// control characters, any error), and parse_json_document then lets Boost.JSON read the document.
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <boost/json/value_stack.hpp>
#include <charconv>

#include "feeds/detail/json_document.hpp"
#include "feeds/html_entities.hpp"

namespace feedagg::feeds::detail {
namespace {

namespace json = boost::json;

// The first '"', '\' or control character at or after `at`, or `end`. Bytes above 0x7F are text:
// invalid UTF-8 is kept as it is, as Boost.JSON keeps it with allow_invalid_utf8.
const char* find_string_stop(const char* at, const char* end) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i last_control = _mm_set1_epi8(0x1F);
    while (end - at >= 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
        const __m128i controls = _mm_cmpeq_epi8(_mm_min_epu8(block, last_control), block);
        const __m128i stops = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)), controls);
        if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(stops)); mask != 0)
            return at + __builtin_ctz(mask);
        at += 16;
    }
#endif
    while (at != end && *at != '"' && *at != '\\' && static_cast<unsigned char>(*at) >= 0x20) ++at;
    return at;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

class StandardJsonReader {
  public:
    StandardJsonReader(std::string_view text, json::storage_ptr storage, unsigned char* temp,
                       std::size_t temp_size)
        : at_(text.data()), end_(text.data() + text.size()), stack_({}, temp, temp_size) {
        stack_.reset(std::move(storage));
    }

    std::optional<json::value> read() {
        if (static_cast<std::size_t>(end_ - at_) > json::string::max_size()) return std::nullopt;
        skip_whitespace();
        if (at_ == end_ || *at_ != '{' || !read_object(max_depth)) return std::nullopt;
        skip_whitespace();
        if (at_ != end_) return std::nullopt;
        return stack_.release();
    }

  private:
    static constexpr int max_depth = 32;

    void skip_whitespace() {
        while (at_ != end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t')) ++at_;
    }

    // Each read_ function starts at the value's first character and ends past its last.
    bool read_value(int depth) {
        if (at_ == end_) return false;
        switch (*at_) {
            case '{': return depth > 0 && read_object(depth - 1);
            case '[': return depth > 0 && read_array(depth - 1);
            case '"': return read_string(false);
            case 't':
                if (!skip_word("true")) return false;
                stack_.push_bool(true);
                return true;
            case 'f':
                if (!skip_word("false")) return false;
                stack_.push_bool(false);
                return true;
            case 'n':
                if (!skip_word("null")) return false;
                stack_.push_null();
                return true;
            default: return read_integer();
        }
    }

    bool read_object(int depth) {
        const std::optional<std::size_t> size = read_items('}', [&] { return read_member(depth); });
        if (!size) return false;
        stack_.push_object(*size);
        return true;
    }

    bool read_array(int depth) {
        const std::optional<std::size_t> size = read_items(']', [&] { return read_value(depth); });
        if (!size) return false;
        stack_.push_array(*size);
        return true;
    }

    // An object's or array's items, from its opening bracket past `close`: how many, or nothing at
    // an error.
    template <typename ReadItem>
    std::optional<std::size_t> read_items(char close, ReadItem read_item) {
        ++at_;
        skip_whitespace();
        std::size_t size = 0;
        if (at_ != end_ && *at_ == close) {
            ++at_;
            return size;
        }
        do {
            skip_whitespace();
            if (!read_item()) return std::nullopt;
            ++size;
        } while (skip_comma());
        if (at_ == end_ || *at_++ != close) return std::nullopt;
        return size;
    }

    bool read_member(int depth) {
        if (at_ == end_ || *at_ != '"' || !read_string(true)) return false;
        skip_whitespace();
        if (at_ == end_ || *at_ != ':') return false;
        ++at_;
        skip_whitespace();
        return read_value(depth);
    }

    // After a member or element: true past a comma, false before anything else (the closing bracket
    // or an error, which the caller tells apart).
    bool skip_comma() {
        skip_whitespace();
        if (at_ == end_ || *at_ != ',') return false;
        ++at_;
        return true;
    }

    bool read_string(bool is_key) {
        const char* start = ++at_;
        at_ = find_string_stop(at_, end_);
        std::string_view text(start, static_cast<std::size_t>(at_ - start));
        if (at_ == end_ || *at_ != '"') {
            unescaped_.assign(text);
            while (at_ != end_ && *at_ == '\\') {
                if (!unescape()) return false;
                const char* run = at_;
                at_ = find_string_stop(at_, end_);
                unescaped_.append(run, at_);
            }
            if (at_ == end_ || *at_ != '"') return false;
            text = unescaped_;
        }
        ++at_;
        if (is_key)
            stack_.push_key(text);
        else
            stack_.push_string(text);
        return true;
    }

    // RFC 8259 §7, from a backslash.
    bool unescape() {
        if (end_ - at_ < 2) return false;
        const char escaped = at_[1];
        at_ += 2;
        switch (escaped) {
            case '"':
            case '\\':
            case '/': unescaped_ += escaped; return true;
            case 'b': unescaped_ += '\b'; return true;
            case 'f': unescaped_ += '\f'; return true;
            case 'n': unescaped_ += '\n'; return true;
            case 'r': unescaped_ += '\r'; return true;
            case 't': unescaped_ += '\t'; return true;
            case 'u': return unescape_code_point();
            default: return false;
        }
    }

    // From past "\u": a character outside the BMP is escaped as a high surrogate and a low one.
    bool unescape_code_point() {
        std::optional<char32_t> code = read_code_unit();
        if (!code) return false;
        if (*code >= 0xD800 && *code <= 0xDFFF) {
            if (*code > 0xDBFF || end_ - at_ < 2 || at_[0] != '\\' || at_[1] != 'u') return false;
            at_ += 2;
            const std::optional<char32_t> low = read_code_unit();
            if (!low || *low < 0xDC00 || *low > 0xDFFF) return false;
            code = 0x10000 + ((*code - 0xD800) << 10) + (*low - 0xDC00);
        }
        append_utf8(*code, unescaped_);
        return true;
    }

    std::optional<char32_t> read_code_unit() {
        if (end_ - at_ < 4) return std::nullopt;
        unsigned unit = 0;
        const auto [end, error] = std::from_chars(at_, at_ + 4, unit, 16);
        if (error != std::errc{} || end != at_ + 4) return std::nullopt;
        at_ += 4;
        return unit;
    }

    // Integers that fit an int64 whatever their digits, which Boost.JSON reads as int64 too; the rest
    // (fractions, exponents, -0, longer integers that it reads as uint64 or double) is left to it.
    bool read_integer() {
        const bool negative = *at_ == '-';
        const char* digits = at_ + (negative ? 1 : 0);
        const char* end = digits;
        std::int64_t magnitude = 0;
        while (end != end_ && is_digit(*end) && end - digits < 18)
            magnitude = magnitude * 10 + (*end++ - '0');
        const auto count = end - digits;
        if (count == 0 || (*digits == '0' && (count > 1 || negative))) return false;
        if (end != end_ && (is_digit(*end) || *end == '.' || *end == 'e' || *end == 'E')) return false;
        at_ = end;
        stack_.push_int64(negative ? -magnitude : magnitude);
        return true;
    }

    bool skip_word(std::string_view word) {
        if (static_cast<std::size_t>(end_ - at_) < word.size() || std::string_view(at_, word.size()) != word)
            return false;
        at_ += word.size();
        return true;
    }

    const char* at_;
    const char* end_;
    json::value_stack stack_;
    std::string unescaped_;
};

}  // namespace

std::optional<json::value> read_standard_json_object(std::string_view text, json::storage_ptr storage) {
    unsigned char temp[BOOST_JSON_STACK_BUFFER_SIZE];
    return StandardJsonReader(text, std::move(storage), temp, sizeof temp).read();
}

}  // namespace feedagg::feeds::detail
