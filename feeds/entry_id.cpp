#include "feeds/entry_id.hpp"

#include <cstdint>

#include "feeds/writers.hpp"

namespace feedagg::feeds {
namespace detail {
namespace {

// A 128-bit unsigned value as two 64-bit halves: ISO C++ has no 128-bit integer.
struct Hash128 {
    std::uint64_t high;
    std::uint64_t low;
};

// FNV-1a 128 parameters (draft-eastlake-fnv): offset basis, and prime = 2^88 + 0x13b.
constexpr Hash128 fnv_offset_basis{0x6c62272e07bb0142ULL, 0x62b821756295c58dULL};
constexpr std::uint64_t fnv_prime_low = 0x13b;
constexpr int fnv_prime_shift = 88;

// The high 64 bits of value * factor, for a factor below 2^32.
std::uint64_t multiply_high(std::uint64_t value, std::uint64_t factor) {
    const std::uint64_t upper = (value >> 32) * factor;
    const std::uint64_t lower = (value & 0xffffffffULL) * factor;
    return (upper + (lower >> 32)) >> 32;
}

// hash * (2^88 + 0x13b) mod 2^128
Hash128 multiply_by_prime(Hash128 hash) {
    const std::uint64_t low = hash.low * fnv_prime_low;
    const std::uint64_t high = hash.high * fnv_prime_low + multiply_high(hash.low, fnv_prime_low) +
                               (hash.low << (fnv_prime_shift - 64));
    return {high, low};
}

Hash128 absorb(Hash128 hash, std::string_view bytes) {
    for (const char byte : bytes) {
        hash.low ^= static_cast<unsigned char>(byte);
        hash = multiply_by_prime(hash);
    }
    return hash;
}

void append_hex(std::string& out, std::uint64_t value) {
    constexpr std::string_view digits = "0123456789abcdef";
    for (int shift = 60; shift >= 0; shift -= 4) {
        out += digits[(value >> shift) & 0xf];
    }
}

}  // namespace

std::string content_digest(std::initializer_list<std::string_view> parts) {
    Hash128 hash = fnv_offset_basis;
    for (const std::string_view part : parts) {
        hash = absorb(hash, part);
        hash = absorb(hash, "\x1f");
    }
    std::string hex;
    hex.reserve(32);
    append_hex(hex, hash.high);
    append_hex(hex, hash.low);
    return hex;
}

}  // namespace detail

// An entry without id or link is named by what it says: its title and its body (the content, or the
// summary when there is no content).
std::string stable_entry_id(const Entry& entry) {
    if (!entry.id.empty()) {
        return entry.id;
    }
    if (!entry.link.empty()) {
        return entry.link;
    }
    const std::string_view body = entry.content.empty() ? entry.summary : entry.content;
    return "urn:feedagg:entry:" + detail::content_digest({entry.title, body});
}

}  // namespace feedagg::feeds
