#pragma once
// Internal to story matching (story_*.cpp and bench/story_bench.cpp): what a token is, and the
// pieces the public functions of feeds/story.hpp share. Normalized story text holds CJK
// characters, which are a token each, and words of other scripts, separated by one space.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace feedagg::feeds::detail {

// Scripts written without spaces between words: Han, kana, Hangul, and their compatibility and
// extension blocks.
constexpr bool is_cjk(std::uint32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) ||  // Hiragana, Katakana
           (c >= 0x3400 && c <= 0x4DBF) ||  // CJK Extension A
           (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK Unified Ideographs
           (c >= 0xAC00 && c <= 0xD7AF) ||  // Hangul syllables
           (c >= 0xF900 && c <= 0xFAFF) ||  // CJK compatibility ideographs
           (c >= 0x20000 && c <= 0x3FFFF);  // Extensions B and later
}

// Reads one UTF-8 code point of well-formed text at `i` (normalized text always is), advancing `i`.
inline std::uint32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char lead = byte(i);
    std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (i + length > text.size()) length = text.size() - i;
    std::uint32_t c = length == 1   ? lead
                      : length == 2 ? lead & 0x1F
                      : length == 3 ? lead & 0x0F
                                    : lead & 0x07;
    for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (byte(i + k) & 0x3F);
    i += length;
    return c;
}

inline std::size_t code_point_count(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

inline std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && static_cast<unsigned char>(text.front()) <= 0x20) text.remove_prefix(1);
    while (!text.empty() && static_cast<unsigned char>(text.back()) <= 0x20) text.remove_suffix(1);
    return text;
}

// Whether a folded line is reposting boilerplate, or holds one of the source's folded `strip`
// substrings (story_boilerplate.cpp).
bool is_boilerplate_line(std::string_view folded_line, const std::vector<std::string>& folded_strip);

// Bit 0 of a token hash says whether the token is a number (a word holding a digit).
constexpr std::uint64_t kNumberBit = 1;

// The pieces of StoryFingerprint with their parameters open, so that bench/story_bench.cpp can
// measure the alternatives: one hash per token of normalized text; one hash per shingle.
std::vector<std::uint64_t> token_hashes(std::string_view normalized_text);
std::uint64_t shingle_hash(const std::uint64_t* tokens, std::size_t count);

// Counts below the bound where two bottom-`size` sketches are both complete.
struct SketchOverlap {
    std::size_t in_x = 0;
    std::size_t in_y = 0;
    std::size_t shared = 0;
};
SketchOverlap sketch_overlap(const std::vector<std::uint64_t>& x, const std::vector<std::uint64_t>& y,
                             std::size_t size);

// splitmix64's finalizer: a bijection that spreads every input bit over the output. Fingerprints
// are made with it, so it may never change (stored fingerprints would stop matching new ones).
constexpr std::uint64_t mix_bits(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return x;
}

}  // namespace feedagg::feeds::detail
