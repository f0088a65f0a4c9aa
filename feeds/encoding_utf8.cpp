// Well-formedness of UTF-8: the fast check behind decode_document's copy path, and the census that
// tells damaged UTF-8 from text in another charset.

#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
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

}  // namespace

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
