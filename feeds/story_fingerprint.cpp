// StoryFingerprint: a bottom-k MinHash sketch over token shingles, and the overlap estimate
// between two sketches. One hash per shingle (no k independent hash functions), so fingerprinting
// costs about as much as reading the text.

#include <algorithm>
#include <array>
#include <limits>

#include "feeds/story.hpp"
#include "feeds/story_tokens.hpp"

namespace feedagg::feeds {
namespace {

constexpr unsigned char kFormatVersion = 1;

// splitmix64's finalizer: a bijection that spreads every input bit over the output.
constexpr std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return x;
}

constexpr std::uint64_t rotate(std::uint64_t x, int bits) {
    return (x << bits) | (x >> (64 - bits));
}

// Bit 0 of a token or shingle hash says whether it holds a number: numbers are what template
// releases and series articles change, so estimate_overlap compares them apart.
constexpr std::uint64_t kNumberBit = 1;

std::uint64_t word_hash(std::string_view word) {
    std::uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a
    bool number = false;
    for (char c : word) {
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
        number |= c >= '0' && c <= '9';
    }
    return (mix(h) & ~kNumberBit) | (number ? kNumberBit : 0);
}

// One hash per token: a CJK character, or a word of another script.
std::vector<std::uint64_t> token_hashes(std::string_view text) {
    std::vector<std::uint64_t> tokens;
    tokens.reserve(text.size() / 3 + 1);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ') {
            ++i;
            continue;
        }
        const std::size_t start = i;
        const std::uint32_t first = detail::next_code_point(text, i);
        if (detail::is_cjk(first)) {
            tokens.push_back(mix(first + 0x9E3779B97F4A7C15ULL) & ~kNumberBit);
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] != ' ') {
            std::size_t next = end;
            if (detail::is_cjk(detail::next_code_point(text, next))) break;
            end = next;
        }
        tokens.push_back(word_hash(text.substr(start, end - start)));
        i = end;
    }
    return tokens;
}

std::uint64_t shingle_hash(const std::uint64_t* tokens, std::size_t count) {
    std::uint64_t h = 0;
    std::uint64_t number = 0;
    for (std::size_t k = 0; k < count; ++k) {
        h ^= rotate(tokens[k], static_cast<int>(11 * k + 1));
        number |= tokens[k] & kNumberBit;
    }
    return (mix(h) & ~kNumberBit) | number;
}

// Keeps the kSketchSize smallest distinct hashes, ascending. Once full, most hashes are rejected
// by one comparison with the largest kept.
void offer(std::vector<std::uint64_t>& sketch, std::uint64_t hash) {
    if (sketch.size() == StoryFingerprint::kSketchSize && hash >= sketch.back()) return;
    const auto at = std::lower_bound(sketch.begin(), sketch.end(), hash);
    if (at != sketch.end() && *at == hash) return;
    sketch.insert(at, hash);
    if (sketch.size() > StoryFingerprint::kSketchSize) sketch.pop_back();
}

void put_varint(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out += static_cast<char>((value & 0x7F) | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

bool get_varint(std::string_view& in, std::uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
        const auto byte = static_cast<unsigned char>(in.front());
        in.remove_prefix(1);
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) return true;
    }
    return false;
}

}  // namespace

StoryFingerprint StoryFingerprint::of_text(std::string_view normalized_text) {
    const std::vector<std::uint64_t> tokens = token_hashes(normalized_text);
    StoryFingerprint fingerprint;
    if (tokens.empty()) return fingerprint;
    fingerprint.sketch_.reserve(kSketchSize);
    if (tokens.size() < kShingleTokens) {
        fingerprint.shingle_count_ = 1;
        fingerprint.sketch_.push_back(shingle_hash(tokens.data(), tokens.size()));
        return fingerprint;
    }
    const std::size_t shingles = tokens.size() - kShingleTokens + 1;
    for (std::size_t i = 0; i < shingles; ++i)
        offer(fingerprint.sketch_, shingle_hash(&tokens[i], kShingleTokens));
    fingerprint.shingle_count_ = static_cast<std::uint32_t>(std::min<std::size_t>(shingles, UINT32_MAX));
    return fingerprint;
}

// Layout (version 1): version byte, varint shingle count, varint sketch size, then the sketch
// entries as 8-byte little-endian integers, ascending.
std::string StoryFingerprint::serialize() const {
    std::string out;
    out.reserve(2 + 10 + sketch_.size() * 8);
    out += static_cast<char>(kFormatVersion);
    put_varint(out, shingle_count_);
    put_varint(out, sketch_.size());
    for (std::uint64_t hash : sketch_) {
        for (int byte = 0; byte < 8; ++byte) out += static_cast<char>((hash >> (8 * byte)) & 0xFF);
    }
    return out;
}

Result<StoryFingerprint> StoryFingerprint::deserialize(std::string_view bytes) {
    if (bytes.empty()) return Error{"story fingerprint: empty"};
    if (static_cast<unsigned char>(bytes.front()) != kFormatVersion) {
        return Error{"story fingerprint: unknown version " +
                     std::to_string(static_cast<unsigned char>(bytes.front())) + " (expected 1)"};
    }
    bytes.remove_prefix(1);
    std::uint64_t shingles = 0;
    std::uint64_t size = 0;
    if (!get_varint(bytes, shingles) || !get_varint(bytes, size) || shingles > UINT32_MAX) {
        return Error{"story fingerprint: truncated header"};
    }
    if (size > kSketchSize || bytes.size() != size * 8) {
        return Error{"story fingerprint: " + std::to_string(bytes.size()) + " bytes of sketch for " +
                     std::to_string(size) + " entries"};
    }
    StoryFingerprint fingerprint;
    fingerprint.shingle_count_ = static_cast<std::uint32_t>(shingles);
    fingerprint.sketch_.reserve(size);
    for (std::size_t entry = 0; entry < size; ++entry) {
        std::uint64_t hash = 0;
        for (int byte = 0; byte < 8; ++byte) {
            hash |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[entry * 8 + byte]))
                    << (8 * byte);
        }
        if (!fingerprint.sketch_.empty() && hash <= fingerprint.sketch_.back()) {
            return Error{"story fingerprint: sketch not ascending at entry " + std::to_string(entry)};
        }
        fingerprint.sketch_.push_back(hash);
    }
    return fingerprint;
}

// Below the smaller of the two sketches' largest entries (a sketch that is not full holds its whole
// set), both sketches hold every hash of their set: what lies there is a uniform sample of both
// sets at the same rate, so ratios of counts estimate ratios of set sizes.
TextOverlap estimate_overlap(const StoryFingerprint& a, const StoryFingerprint& b) {
    const auto& x = a.sketch();
    const auto& y = b.sketch();
    if (x.empty() || y.empty()) return {};
    std::uint64_t bound = std::numeric_limits<std::uint64_t>::max();
    if (x.size() >= StoryFingerprint::kSketchSize) bound = std::min(bound, x.back());
    if (y.size() >= StoryFingerprint::kSketchSize) bound = std::min(bound, y.back());
    std::size_t in_x = 0, in_y = 0, shared = 0;
    std::size_t numbers_x = 0, numbers_y = 0, numbers_shared = 0;
    for (std::size_t i = 0, j = 0;;) {
        const bool has_x = i < x.size() && x[i] <= bound;
        const bool has_y = j < y.size() && y[j] <= bound;
        if (!has_x && !has_y) break;
        if (has_x && has_y && x[i] == y[j]) {
            const std::size_t number = x[i] & kNumberBit;
            ++shared, ++in_x, ++in_y, ++i, ++j;
            numbers_shared += number, numbers_x += number, numbers_y += number;
        } else if (has_x && (!has_y || x[i] < y[j])) {
            numbers_x += x[i] & kNumberBit;
            ++in_x, ++i;
        } else {
            numbers_y += y[j] & kNumberBit;
            ++in_y, ++j;
        }
    }
    TextOverlap overlap;
    overlap.sample = std::min(in_x, in_y);
    if (overlap.sample == 0) return overlap;
    overlap.containment = static_cast<double>(shared) / static_cast<double>(overlap.sample);
    overlap.resemblance = static_cast<double>(shared) / static_cast<double>(in_x + in_y - shared);
    overlap.number_sample = std::min(numbers_x, numbers_y);
    if (overlap.number_sample > 0) {
        overlap.number_containment =
            static_cast<double>(numbers_shared) / static_cast<double>(overlap.number_sample);
    }
    return overlap;
}

}  // namespace feedagg::feeds
