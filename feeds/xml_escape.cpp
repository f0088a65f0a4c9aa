#include "feeds/xml_escape.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "feeds/html.hpp"

namespace feedagg::feeds {
namespace detail {
namespace {

// How append_xml_escaped treats each byte. Most text is copied in runs: printable ASCII and
// well-formed multibyte sequences; only the rest stops a run.
enum ByteClass : std::uint8_t {
    kPlain,    // copied as it is
    kEscaped,  // & < > " ' become references
    kDropped,  // C0 controls but tab/LF/CR, and DEL: XML 1.0 §2.2 cannot carry them
    kLead,     // starts a multibyte sequence that must be checked
    kInvalid,  // never starts a well-formed sequence: becomes U+FFFD
};

constexpr std::array<std::uint8_t, 256> kByteClass = [] {
    std::array<std::uint8_t, 256> classes{};
    for (int byte = 0; byte < 0x20; ++byte) classes[byte] = kDropped;
    classes['\t'] = classes['\n'] = classes['\r'] = kPlain;
    for (const char special : {'&', '<', '>', '"', '\''})
        classes[static_cast<unsigned char>(special)] = kEscaped;
    classes[0x7F] = kDropped;
    for (int byte = 0x80; byte < 0xC2; ++byte) classes[byte] = kInvalid;
    for (int byte = 0xC2; byte <= 0xF4; ++byte) classes[byte] = kLead;
    for (int byte = 0xF5; byte < 0x100; ++byte) classes[byte] = kInvalid;
    return classes;
}();

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

std::string_view reference_for(char c) {
    switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        default: return "&#39;";
    }
}

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

// Length of the well-formed sequence at text[at] (a kLead byte) that XML may carry, 0 when it is
// ill-formed (Unicode §3.9 Table 3-7), and -1 for U+FFFE and U+FFFF, which are dropped.
int checked_sequence_length(const unsigned char* text, std::size_t left) {
    const unsigned char lead = text[0];
    if (lead < 0xE0) return left >= 2 && is_continuation(text[1]) ? 2 : 0;
    if (lead < 0xF0) {
        if (left < 3 || !is_continuation(text[1]) || !is_continuation(text[2])) return 0;
        if ((lead == 0xE0 && text[1] < 0xA0) || (lead == 0xED && text[1] > 0x9F)) return 0;
        if (lead == 0xEF && text[1] == 0xBF && text[2] >= 0xBE) return -1;
        return 3;
    }
    if (left < 4 || !is_continuation(text[1]) || !is_continuation(text[2]) || !is_continuation(text[3]))
        return 0;
    if ((lead == 0xF0 && text[1] < 0x90) || (lead == 0xF4 && text[1] > 0x8F)) return 0;
    return 4;
}

// Skips well-formed three-byte sequences led by E1..EC or EE (most of CJK and the rest of the BMP),
// whose second byte has no special range (Unicode §3.9 Table 3-7).
std::size_t skip_common_three_byte_sequences(const unsigned char* bytes, std::size_t position,
                                             std::size_t size) {
    while (position + 3 <= size) {
        const unsigned char lead = bytes[position];
        const bool three_bytes = (lead & 0xF0) == 0xE0 && (bytes[position + 1] & 0xC0) == 0x80 &&
                                 (bytes[position + 2] & 0xC0) == 0x80;
        if (!three_bytes || lead == 0xE0 || lead == 0xED || lead == 0xEF) break;
        position += 3;
    }
    return position;
}

// The first byte at or after `position` that is not printable ASCII or needs escaping, checking 16
// bytes per step where SSE2 is available (every x86-64); a position near the end otherwise.
std::size_t skip_plain_ascii(const unsigned char* bytes, std::size_t position, std::size_t size) {
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i specials[] = {_mm_set1_epi8('&'), _mm_set1_epi8('<'),  _mm_set1_epi8('>'),
                                _mm_set1_epi8('"'), _mm_set1_epi8('\''), _mm_set1_epi8(0x7F)};
    while (position + 16 <= size) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + position));
        // Signed comparison: below 0x20 are controls, below 0 the bytes from 0x80 up.
        __m128i stops = _mm_cmplt_epi8(block, space);
        for (const __m128i special : specials) stops = _mm_or_si128(stops, _mm_cmpeq_epi8(block, special));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(stops));
        if (mask != 0) return position + static_cast<std::size_t>(__builtin_ctz(mask));
        position += 16;
    }
#else
    (void)bytes;
    (void)size;
#endif
    return position;
}

#if defined(__SSE2__)
// Bit i set when block byte i may stop a valid UTF-8 run: an ASCII control (tab, LF and CR among
// them, which HTML is full of: is_kept_control tells them apart), a character that needs escaping,
// DEL, or 0xEF, which leads U+FFFE and U+FFFF. Every byte of every text passes here, so the
// specials are paired where one bit tells them apart: '&' 0x26 and '\'' 0x27, '<' 0x3C and '>' 0x3E.
unsigned valid_utf8_candidates(__m128i block) {
    // Unsigned byte <= 0x1F: the minimum with 0x1F is the byte itself.
    __m128i stops = _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x1F)), block);
    stops =
        _mm_or_si128(stops, _mm_cmpeq_epi8(_mm_or_si128(block, _mm_set1_epi8(0x01)), _mm_set1_epi8(0x27)));
    stops =
        _mm_or_si128(stops, _mm_cmpeq_epi8(_mm_or_si128(block, _mm_set1_epi8(0x02)), _mm_set1_epi8(0x3E)));
    for (const char special : {'"', '\x7F', '\xEF'})
        stops = _mm_or_si128(stops, _mm_cmpeq_epi8(block, _mm_set1_epi8(special)));
    return static_cast<unsigned>(_mm_movemask_epi8(stops));
}

bool is_kept_control(unsigned char byte) {
    return byte == '\t' || byte == '\n' || byte == '\r';
}

// The first candidate in `mask` (bit i: bytes[base + i]) that is not tab, LF or CR, or npos.
std::size_t first_stop(const unsigned char* bytes, std::size_t base, unsigned mask) {
    for (; mask != 0; mask &= mask - 1) {
        const std::size_t at = base + static_cast<std::size_t>(__builtin_ctz(mask));
        if (!is_kept_control(bytes[at])) return at;
    }
    return std::string_view::npos;
}
#endif

// The stops of valid_utf8_candidates byte by byte, for texts shorter than one block.
constexpr std::array<bool, 256> kValidUtf8Stops = [] {
    std::array<bool, 256> stops{};
    for (int byte = 0; byte < 0x80; ++byte) stops[byte] = kByteClass[byte] != kPlain;
    stops[0xEF] = true;
    return stops;
}();

// The first byte at or after `position` that valid UTF-8 text cannot copy blindly (see
// valid_utf8_candidates), or `size`. Sixteen bytes per step where SSE2 is available; the last few
// bytes are checked in the block that ends the text, so they cost one step too.
std::size_t skip_plain_valid_utf8(const unsigned char* bytes, std::size_t position, std::size_t size) {
#if defined(__SSE2__)
    while (position + 16 <= size) {
        const unsigned mask =
            valid_utf8_candidates(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + position)));
        if (mask != 0) {
            if (const std::size_t stop = first_stop(bytes, position, mask); stop != std::string_view::npos)
                return stop;
        }
        position += 16;
    }
    if (position < size && size >= 16) {
        const unsigned block_mask =
            valid_utf8_candidates(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + size - 16)));
        const unsigned mask = block_mask >> (16 - (size - position));  // bytes before `position` are done
        const std::size_t stop = first_stop(bytes, position, mask);
        return stop != std::string_view::npos ? stop : size;
    }
#endif
    while (position < size && !kValidUtf8Stops[bytes[position]]) ++position;
    return position;
}

// Escapes valid UTF-8 `text` up to its end or, with `stop_at_ampersand`, its first '&'; returns where
// it stopped.
template <bool stop_at_ampersand>
std::size_t escape_valid_utf8(std::string_view text, std::string& out) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t run_start = 0;
    std::size_t position = 0;
    while (position < size) {
        position = skip_plain_valid_utf8(bytes, position, size);
        if (position == size) break;
        const unsigned char byte = bytes[position];
        if (byte == 0xEF) {
            const bool noncharacter =
                position + 2 < size && bytes[position + 1] == 0xBF && bytes[position + 2] >= 0xBE;
            if (!noncharacter) {
                ++position;
                continue;
            }
            out.append(text.data() + run_start, position - run_start);
            position += 3;  // U+FFFE, U+FFFF
        } else {
            const std::uint8_t kind = kByteClass[byte];
            if (kind != kEscaped && kind != kDropped) {
                ++position;  // not reached: tab, LF, CR and the rest of ASCII never stop a run
                continue;
            }
            out.append(text.data() + run_start, position - run_start);
            if (stop_at_ampersand && byte == '&') return position;
            if (kind == kEscaped) out.append(reference_for(text[position]));
            ++position;
        }
        run_start = position;
    }
    out.append(text.data() + run_start, size - run_start);
    return size;
}

}  // namespace

std::size_t plain_valid_utf8_length(std::string_view text) {
    return skip_plain_valid_utf8(reinterpret_cast<const unsigned char*>(text.data()), 0, text.size());
}

std::size_t decode_utf8(std::string_view text, char32_t& code_point) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    std::size_t length;
    char32_t minimum;
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, minimum = 0x80, code_point = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, minimum = 0x800, code_point = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, minimum = 0x10000, code_point = lead & 0x07;
    } else {
        return 0;
    }
    if (text.size() < length) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return 0;
        code_point = (code_point << 6) | (byte(i) & 0x3F);
    }
    if (code_point < minimum || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
        return 0;
    return length;
}

// One pass that checks UTF-8 as it goes: plain bytes and well-formed sequences extend the current
// run, which is appended whole when something needs replacing.
void append_xml_escaped(std::string_view text, std::string& out) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t run_start = 0;
    std::size_t position = 0;
    while (position < size) {
        position = skip_plain_ascii(bytes, position, size);
        if (position == size) break;
        const std::uint8_t kind = kByteClass[bytes[position]];
        if (kind == kPlain) {
            ++position;
            continue;
        }
        int length = 0;
        if (kind == kLead) {
            length = checked_sequence_length(bytes + position, size - position);
            if (length > 0) {
                position = skip_common_three_byte_sequences(
                    bytes, position + static_cast<std::size_t>(length), size);
                continue;
            }
        }
        out.append(text.data() + run_start, position - run_start);
        if (kind == kEscaped) {
            out.append(reference_for(text[position]));
            ++position;
        } else if (length < 0) {
            position += 3;  // U+FFFE, U+FFFF
        } else if (kind == kDropped) {
            ++position;
        } else {
            out.append(kReplacementCharacter);
            ++position;
        }
        run_start = position;
    }
    out.append(text.data() + run_start, size - run_start);
}

void append_valid_utf8_escaped(std::string_view text, std::string& out) {
    escape_valid_utf8<false>(text, out);
}

std::size_t append_valid_utf8_escaped_until_ampersand(std::string_view text, std::string& out) {
    return escape_valid_utf8<true>(text, out);
}

}  // namespace detail

std::string escape_xml(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size() + text.size() / 8);
    detail::append_xml_escaped(text, escaped);
    return escaped;
}

}  // namespace feedagg::feeds
