// Well-formedness of UTF-8: the fast check behind decode_document's copy path, and the census that
// tells damaged UTF-8 from text in another charset.

#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define FEEDAGG_HAS_AVX2_UTF8 1
#endif

#include "feeds/encoding.hpp"
#include "feeds/encoding_detail.hpp"

namespace feedagg::feeds {
namespace detail {
namespace {

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

bool in_range(unsigned char byte, unsigned char low, unsigned char high) {
    return byte >= low && byte <= high;
}

constexpr std::uint64_t high_bits = 0x8080808080808080ULL;

// Index of the first byte at or after `at` that is not ASCII, checking eight bytes per step.
std::size_t skip_ascii(std::string_view text, std::size_t at) {
    while (at + 8 <= text.size()) {
        std::uint64_t block;
        std::memcpy(&block, text.data() + at, sizeof block);
        if ((block & high_bits) != 0) break;
        at += 8;
    }
    while (at < text.size() && static_cast<unsigned char>(text[at]) < 0x80) ++at;
    return at;
}

// Index of the first non-ASCII byte at or after `at`, checking sixteen bytes per step where SSE2 is
// available (every x86-64).
std::size_t skip_ascii_block(const unsigned char* bytes, std::size_t at, std::size_t size) {
#if defined(__SSE2__)
    while (at + 16 <= size) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(block));
        if (mask != 0) return at + static_cast<std::size_t>(__builtin_ctz(mask));
        at += 16;
    }
#endif
    while (at < size && bytes[at] < 0x80) ++at;
    return at;
}

// utf8_sequence_length for a byte at or above 0x80, small enough to stay inside the caller's loop.
std::size_t multibyte_length(const unsigned char* bytes, std::size_t left) {
    const unsigned char lead = bytes[0];
    if (lead < 0xC2) return 0;
    if (lead < 0xE0) return left >= 2 && is_continuation(bytes[1]) ? 2 : 0;
    if (lead < 0xF0) {
        if (left < 3 || !is_continuation(bytes[1]) || !is_continuation(bytes[2])) return 0;
        if ((lead == 0xE0 && bytes[1] < 0xA0) || (lead == 0xED && bytes[1] > 0x9F)) return 0;
        return 3;
    }
    if (lead > 0xF4 || left < 4 || !is_continuation(bytes[1]) || !is_continuation(bytes[2]) ||
        !is_continuation(bytes[3]))
        return 0;
    if ((lead == 0xF0 && bytes[1] < 0x90) || (lead == 0xF4 && bytes[1] > 0x8F)) return 0;
    return 4;
}

#if defined(FEEDAGG_HAS_AVX2_UTF8)
// Validation 32 bytes at a time with AVX2, after Keiser and Lemire, "Validating UTF-8 in less than
// one instruction per byte" (2021). Every ill-formed pair of adjacent bytes (Unicode §3.9 Table 3-7:
// too short, too long, overlong, surrogate, past U+10FFFF) is named by a bit; three 16-entry tables,
// indexed by the nibbles of a byte and of the byte before it, give the bits each nibble allows, and
// their AND is non-zero exactly for an ill-formed pair. Third and fourth bytes of a sequence are two
// continuations in a row, which the tables flag and the lead two or three bytes back excuses.
namespace avx2 {

constexpr std::uint8_t kTooShort = 1 << 0;      // a lead not followed by a continuation
constexpr std::uint8_t kTooLong = 1 << 1;       // ASCII followed by a continuation
constexpr std::uint8_t kOverlong3 = 1 << 2;     // E0 80..9F
constexpr std::uint8_t kTooLarge = 1 << 3;      // F4 90..BF, F5..FF 90..BF
constexpr std::uint8_t kSurrogate = 1 << 4;     // ED A0..BF
constexpr std::uint8_t kOverlong2 = 1 << 5;     // C0, C1
constexpr std::uint8_t kTooLarge1000 = 1 << 6;  // F5..FF 80..8F
constexpr std::uint8_t kOverlong4 = 1 << 6;     // F0 80..8F
constexpr std::uint8_t kTwoContinuations = 1 << 7;
constexpr std::uint8_t kCarry = kTooShort | kTooLong | kTwoContinuations;

using Table = std::uint8_t[16];
// By the high nibble of the earlier byte.
constexpr Table kFirstHigh = {kTooLong,
                              kTooLong,
                              kTooLong,
                              kTooLong,
                              kTooLong,
                              kTooLong,
                              kTooLong,
                              kTooLong,
                              kTwoContinuations,
                              kTwoContinuations,
                              kTwoContinuations,
                              kTwoContinuations,
                              kTooShort | kOverlong2,
                              kTooShort,
                              kTooShort | kOverlong3 | kSurrogate,
                              kTooShort | kTooLarge | kTooLarge1000 | kOverlong4};
// By the low nibble of the earlier byte.
constexpr Table kFirstLow = {kCarry | kOverlong3 | kOverlong2 | kOverlong4,
                             kCarry | kOverlong2,
                             kCarry,
                             kCarry,
                             kCarry | kTooLarge,
                             kCarry | kTooLarge | kTooLarge1000,
                             kCarry | kTooLarge | kTooLarge1000,
                             kCarry | kTooLarge | kTooLarge1000,
                             kCarry | kTooLarge | kTooLarge1000,
                             kCarry | kTooLarge | kTooLarge1000,
                             kCarry | kTooLarge | kTooLarge1000,
                             kCarry | kTooLarge | kTooLarge1000,
                             kCarry | kTooLarge | kTooLarge1000,
                             kCarry | kTooLarge | kTooLarge1000 | kSurrogate,
                             kCarry | kTooLarge | kTooLarge1000,
                             kCarry | kTooLarge | kTooLarge1000};
// By the high nibble of the later byte.
constexpr std::uint8_t kContinuation8 = kTooLong | kOverlong2 | kTwoContinuations;
constexpr Table kSecondHigh = {kTooShort,
                               kTooShort,
                               kTooShort,
                               kTooShort,
                               kTooShort,
                               kTooShort,
                               kTooShort,
                               kTooShort,
                               kContinuation8 | kOverlong3 | kTooLarge1000 | kOverlong4,
                               kContinuation8 | kOverlong3 | kTooLarge,
                               kContinuation8 | kSurrogate | kTooLarge,
                               kContinuation8 | kSurrogate | kTooLarge,
                               kTooShort,
                               kTooShort,
                               kTooShort,
                               kTooShort};

__attribute__((target("avx2"))) __m256i table(const Table& entries) {
    return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(entries)));
}

// `input` moved `count` bytes later, its first bytes taken from the end of `previous`.
template <int count>
__attribute__((target("avx2"))) __m256i earlier(__m256i input, __m256i previous) {
    return _mm256_alignr_epi8(input, _mm256_permute2x128_si256(previous, input, 0x21), 16 - count);
}

class Validator {
  public:
    __attribute__((target("avx2"))) Validator()
        : first_high_(table(kFirstHigh)),
          first_low_(table(kFirstLow)),
          second_high_(table(kSecondHigh)),
          nibble_(_mm256_set1_epi8(0x0F)),
          // A lead byte this close to the end of a block continues into the next one.
          incomplete_limits_(_mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                              -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, '\xEF',
                                              '\xDF', '\xBF')) {}

    __attribute__((target("avx2"))) void feed(__m256i input) {
        if (_mm256_movemask_epi8(input) == 0) {
            error_ = _mm256_or_si256(error_, incomplete_);
            incomplete_ = _mm256_setzero_si256();
        } else {
            const __m256i previous1 = earlier<1>(input, previous_);
            const __m256i pair_errors = _mm256_and_si256(
                _mm256_and_si256(_mm256_shuffle_epi8(first_high_, high_nibble(previous1)),
                                 _mm256_shuffle_epi8(first_low_, _mm256_and_si256(previous1, nibble_))),
                _mm256_shuffle_epi8(second_high_, high_nibble(input)));
            // Bytes at or above 0xE0 two back, or 0xF0 three back, need this one to continue them.
            const __m256i third =
                _mm256_subs_epu8(earlier<2>(input, previous_), _mm256_set1_epi8(0xE0 - 0x80));
            const __m256i fourth =
                _mm256_subs_epu8(earlier<3>(input, previous_), _mm256_set1_epi8(0xF0 - 0x80));
            const __m256i must_continue =
                _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
            error_ = _mm256_or_si256(error_, _mm256_xor_si256(must_continue, pair_errors));
            incomplete_ = _mm256_subs_epu8(input, incomplete_limits_);
        }
        previous_ = input;
    }

    // A sequence left open at the end of the last block is not an error yet.
    __attribute__((target("avx2"))) bool found_error() const {
        return _mm256_testz_si256(error_, error_) == 0;
    }

    __attribute__((target("avx2"))) bool valid() const {
        return _mm256_testz_si256(_mm256_or_si256(error_, incomplete_),
                                  _mm256_or_si256(error_, incomplete_)) != 0;
    }

  private:
    __attribute__((target("avx2"))) __m256i high_nibble(__m256i bytes) const {
        return _mm256_and_si256(_mm256_srli_epi16(bytes, 4), nibble_);
    }

    __m256i first_high_;
    __m256i first_low_;
    __m256i second_high_;
    __m256i nibble_;
    __m256i incomplete_limits_;
    __m256i error_ = _mm256_setzero_si256();
    __m256i incomplete_ = _mm256_setzero_si256();
    __m256i previous_ = _mm256_setzero_si256();
};

__attribute__((target("avx2"))) bool is_valid(const unsigned char* bytes, std::size_t size) {
    Validator validator;
    std::size_t at = 0;
    for (; at + 32 <= size; at += 32) {
        validator.feed(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + at)));
        // Stop early on damage: callers then look at the text again, byte by byte.
        if ((at & 4095) == 0 && validator.found_error()) return false;
    }
    // The rest padded with NUL, which also ends a sequence left open at the very end.
    unsigned char last[32] = {};
    std::memcpy(last, bytes + at, size - at);
    validator.feed(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(last)));
    return validator.valid();
}

}  // namespace avx2
#endif

}  // namespace

#if defined(FEEDAGG_HAS_AVX2_UTF8)
bool has_avx2() {
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
}
#endif

std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
    if (at >= text.size()) return 0;
    const auto byte = [&](std::size_t offset) { return static_cast<unsigned char>(text[at + offset]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return 1;
    const std::size_t left = text.size() - at;

    // Unicode §3.9 Table 3-7: the second byte's range depends on the lead, which rules out
    // overlong forms (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
    std::size_t length;
    unsigned char second_low = 0x80;
    unsigned char second_high = 0xBF;
    if (in_range(lead, 0xC2, 0xDF)) {
        length = 2;
    } else if (in_range(lead, 0xE0, 0xEF)) {
        length = 3;
        if (lead == 0xE0) second_low = 0xA0;
        if (lead == 0xED) second_high = 0x9F;
    } else if (in_range(lead, 0xF0, 0xF4)) {
        length = 4;
        if (lead == 0xF0) second_low = 0x90;
        if (lead == 0xF4) second_high = 0x8F;
    } else {
        return 0;
    }
    if (left < length) return 0;
    if (!in_range(byte(1), second_low, second_high)) return 0;
    for (std::size_t offset = 2; offset < length; ++offset) {
        if (!is_continuation(byte(offset))) return 0;
    }
    return length;
}

Utf8Census take_utf8_census(std::string_view text) {
    Utf8Census census;
    std::size_t at = skip_ascii(text, 0);
    while (at < text.size()) {
        const std::size_t length = utf8_sequence_length(text, at);
        if (length == 0) {
            ++census.invalid_bytes;
            ++at;
        } else {
            census.multibyte_sequences += length > 1 ? 1 : 0;
            at += length;
        }
        at = skip_ascii(text, at);
    }
    return census;
}

}  // namespace detail

bool is_valid_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
#if defined(FEEDAGG_HAS_AVX2_UTF8)
    // Short text is checked faster byte by byte than by setting up the vectors.
    if (size >= 64 && detail::has_avx2()) return detail::avx2::is_valid(bytes, size);
#endif
    std::size_t at = detail::skip_ascii_block(bytes, 0, size);
    while (at < size) {
        // Non-Latin text runs multibyte sequences together: stay here until ASCII comes back.
        while (at < size && bytes[at] >= 0x80) {
            const std::size_t length = detail::multibyte_length(bytes + at, size - at);
            if (length == 0) return false;
            at += length;
        }
        at = detail::skip_ascii_block(bytes, at, size);
    }
    return true;
}

}  // namespace feedagg::feeds
