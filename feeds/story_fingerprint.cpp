// StoryFingerprint: a bottom-k MinHash sketch over token shingles, and the overlap estimate
// between two sketches. One hash per shingle (no k independent hash functions), so fingerprinting
// costs about as much as reading the text.

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <numeric>
#include <optional>

#include "feeds/story.hpp"
#include "feeds/story_tokens.hpp"

namespace feedagg::feeds {
namespace {

constexpr unsigned char kFormatVersion = 1;

using detail::mix_bits;

constexpr std::uint64_t rotate(std::uint64_t x, int bits) {
    return (x << bits) | (x >> (64 - bits));
}

std::uint64_t word_hash(std::string_view word) {
    std::uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a
    bool number = false;
    for (char c : word) {
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
        number |= c >= '0' && c <= '9';
    }
    return (mix_bits(h) & ~detail::kNumberBit) | (number ? detail::kNumberBit : 0);
}

// Sorts `count` hashes, every one below `bound`, in about linear time: uniform hashes spread evenly
// over buckets of their leading bits, one or two a bucket, and insertion puts those few in order.
void sort_uniform(std::uint64_t* hashes, std::size_t count, std::uint64_t bound) {
    const int shift =
        std::max(0, static_cast<int>(std::bit_width(bound)) - static_cast<int>(std::bit_width(count)));
    std::vector<std::uint32_t> starts((bound >> shift) + 2, 0);
    for (std::size_t i = 0; i < count; ++i) ++starts[(hashes[i] >> shift) + 1];
    std::partial_sum(starts.begin(), starts.end(), starts.begin());
    std::vector<std::uint64_t> sorted(count);
    for (std::size_t i = 0; i < count; ++i) sorted[starts[hashes[i] >> shift]++] = hashes[i];
    for (std::size_t i = 1; i < count; ++i) {
        const std::uint64_t hash = sorted[i];
        std::size_t at = i;
        for (; at > 0 && sorted[at - 1] > hash; --at) sorted[at] = sorted[at - 1];
        sorted[at] = hash;
    }
    std::copy(sorted.begin(), sorted.end(), hashes);
}

// The `size` smallest distinct of the `count` hashes `hash_at(i)` gives, ascending. The k-th
// smallest of n uniform hashes lies near k/n of the range, so one pass keeps only the hashes below
// 1.5 times that, without a branch, and sorts those few; when repeats or chance leave fewer than
// `size` distinct ones there, or far more than 1.5 times `size` (rare), every hash is sorted.
template <typename HashAt>
std::vector<std::uint64_t> bottom_k(std::size_t count, std::size_t size, const HashAt& hash_at) {
    std::vector<std::uint64_t> hashes(count);
    if (count > 2 * size) {
        const std::uint64_t bound = std::numeric_limits<std::uint64_t>::max() / count * (size + size / 2);
        std::size_t kept = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint64_t hash = hash_at(i);
            hashes[kept] = hash;
            kept += hash < bound;
        }
        // Many more than expected under the bound means repeats, which the full sort handles: a
        // bucket then holds many equal hashes, and sorting them by insertion would be quadratic.
        if (kept >= size && kept <= 4 * size) {
            sort_uniform(hashes.data(), kept, bound);
            const auto first = hashes.begin();
            const auto last = first + static_cast<std::ptrdiff_t>(size);
            if (std::adjacent_find(first, last) == last) return std::vector<std::uint64_t>(first, last);
        }
    }
    for (std::size_t i = 0; i < count; ++i) hashes[i] = hash_at(i);
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    if (hashes.size() > size) hashes.resize(size);
    hashes.shrink_to_fit();  // sketches are kept in memory by the thousand
    return hashes;
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

// Sketch entries are stored as 8 little-endian bytes.
void put_entry(char* out, std::uint64_t hash) {
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(out, &hash, sizeof hash);
    } else {
        for (int byte = 0; byte < 8; ++byte) out[byte] = static_cast<char>((hash >> (8 * byte)) & 0xFF);
    }
}

std::uint64_t get_entry(const char* in) {
    std::uint64_t hash = 0;
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(&hash, in, sizeof hash);
    } else {
        for (int byte = 0; byte < 8; ++byte)
            hash |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[byte])) << (8 * byte);
    }
    return hash;
}

void put_sketch(std::string& out, const std::vector<std::uint64_t>& sketch) {
    put_varint(out, sketch.size());
    const std::size_t at = out.size();
    out.resize(at + sketch.size() * 8);
    for (std::size_t entry = 0; entry < sketch.size(); ++entry)
        put_entry(&out[at + entry * 8], sketch[entry]);
}

std::optional<std::vector<std::uint64_t>> get_sketch(std::string_view& in, std::size_t most) {
    std::uint64_t size = 0;
    if (!get_varint(in, size) || size > most || in.size() < size * 8) return std::nullopt;
    std::vector<std::uint64_t> sketch;
    sketch.reserve(size);
    for (std::size_t entry = 0; entry < size; ++entry) {
        const std::uint64_t hash = get_entry(&in[entry * 8]);
        if (!sketch.empty() && hash <= sketch.back()) return std::nullopt;
        sketch.push_back(hash);
    }
    in.remove_prefix(size * 8);
    return sketch;
}

}  // namespace

namespace detail {

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
        const std::uint32_t first = next_code_point(text, i);
        if (is_cjk(first)) {
            tokens.push_back(mix_bits(first + 0x9E3779B97F4A7C15ULL) & ~kNumberBit);
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] != ' ') {
            std::size_t next = end;
            if (is_cjk(next_code_point(text, next))) break;
            end = next;
        }
        tokens.push_back(word_hash(text.substr(start, end - start)));
        i = end;
    }
    return tokens;
}

std::uint64_t shingle_hash(const std::uint64_t* tokens, std::size_t count) {
    std::uint64_t h = 0;
    for (std::size_t k = 0; k < count; ++k) h ^= rotate(tokens[k], static_cast<int>(11 * k + 1));
    return mix_bits(h);
}

// Below the smaller of the two sketches' largest entries (a sketch that is not full holds its whole
// set), both sketches hold every hash of their set: what lies there is a uniform sample of both
// sets at the same rate, so ratios of counts estimate ratios of set sizes.
SketchOverlap sketch_overlap(const std::vector<std::uint64_t>& x, const std::vector<std::uint64_t>& y,
                             std::size_t size) {
    SketchOverlap overlap;
    if (x.empty() || y.empty()) return overlap;
    std::uint64_t bound = std::numeric_limits<std::uint64_t>::max();
    if (x.size() >= size) bound = std::min(bound, x.back());
    if (y.size() >= size) bound = std::min(bound, y.back());
    overlap.in_x = static_cast<std::size_t>(std::upper_bound(x.begin(), x.end(), bound) - x.begin());
    overlap.in_y = static_cast<std::size_t>(std::upper_bound(y.begin(), y.end(), bound) - y.begin());
    // A merge without branches: which side steps is data, and a mispredicted branch per entry would
    // cost more than the whole step.
    for (std::size_t i = 0, j = 0; i < overlap.in_x && j < overlap.in_y;) {
        const std::uint64_t a = x[i];
        const std::uint64_t b = y[j];
        overlap.shared += a == b;
        i += a <= b;
        j += b <= a;
    }
    return overlap;
}

}  // namespace detail

StoryFingerprint StoryFingerprint::of_text(std::string_view normalized_text) {
    const std::vector<std::uint64_t> tokens = detail::token_hashes(normalized_text);
    StoryFingerprint fingerprint;
    if (tokens.empty()) return fingerprint;
    std::vector<std::uint64_t> numbers;
    for (std::uint64_t token : tokens) {
        if (token & detail::kNumberBit) numbers.push_back(token);
    }
    fingerprint.numbers_ =
        bottom_k(numbers.size(), kNumberSketchSize, [&](std::size_t i) { return numbers[i]; });
    if (tokens.size() < kShingleTokens) {
        fingerprint.shingle_count_ = 1;
        fingerprint.sketch_ = {detail::shingle_hash(tokens.data(), tokens.size())};
        return fingerprint;
    }
    const std::size_t shingles = tokens.size() - kShingleTokens + 1;
    fingerprint.shingle_count_ = static_cast<std::uint32_t>(std::min<std::size_t>(shingles, UINT32_MAX));
    fingerprint.sketch_ = bottom_k(shingles, kSketchSize, [&](std::size_t i) {
        return detail::shingle_hash(&tokens[i], kShingleTokens);
    });
    return fingerprint;
}

// Layout (version 1): the version byte, varint shingle count; then the shingle sketch and the
// number sketch, each a varint entry count and 8-byte little-endian entries, ascending.
std::string StoryFingerprint::serialize() const {
    std::string out;
    out.reserve(1 + 5 + 2 * 2 + (sketch_.size() + numbers_.size()) * 8);
    out += static_cast<char>(kFormatVersion);
    put_varint(out, shingle_count_);
    put_sketch(out, sketch_);
    put_sketch(out, numbers_);
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
    if (!get_varint(bytes, shingles) || shingles > UINT32_MAX)
        return Error{"story fingerprint: bad shingle count"};
    auto sketch = get_sketch(bytes, kSketchSize);
    if (!sketch) return Error{"story fingerprint: bad shingle sketch"};
    auto numbers = get_sketch(bytes, kNumberSketchSize);
    if (!numbers) return Error{"story fingerprint: bad number sketch"};
    if (!bytes.empty())
        return Error{"story fingerprint: " + std::to_string(bytes.size()) + " bytes too many"};
    StoryFingerprint fingerprint;
    fingerprint.shingle_count_ = static_cast<std::uint32_t>(shingles);
    fingerprint.sketch_ = std::move(*sketch);
    fingerprint.numbers_ = std::move(*numbers);
    return fingerprint;
}

TextOverlap estimate_overlap(const StoryFingerprint& a, const StoryFingerprint& b) {
    TextOverlap overlap;
    const detail::SketchOverlap text =
        detail::sketch_overlap(a.sketch(), b.sketch(), StoryFingerprint::kSketchSize);
    overlap.sample = std::min(text.in_x, text.in_y);
    if (overlap.sample == 0) return overlap;
    overlap.containment = static_cast<double>(text.shared) / static_cast<double>(overlap.sample);
    overlap.resemblance =
        static_cast<double>(text.shared) / static_cast<double>(text.in_x + text.in_y - text.shared);
    const detail::SketchOverlap numbers =
        detail::sketch_overlap(a.numbers(), b.numbers(), StoryFingerprint::kNumberSketchSize);
    overlap.number_sample = std::min(numbers.in_x, numbers.in_y);
    if (overlap.number_sample > 0) {
        overlap.number_containment =
            static_cast<double>(numbers.shared) / static_cast<double>(overlap.number_sample);
    }
    return overlap;
}

}  // namespace feedagg::feeds
