// StoryIndex: candidate lookup by shared keys (link, title, sketch anchors) in one open-addressing
// table of (key, ordinal) postings, 8 bytes each; a key may hold several postings, at most
// kMaxPostings of them.

#include <algorithm>
#include <limits>

#include "feeds/story.hpp"
#include "feeds/story_tokens.hpp"

namespace feedagg::feeds {
namespace {

constexpr std::uint64_t kLinkSalt = 0x6C696E6B5F6B6579ULL;
constexpr std::uint64_t kTitleSalt = 0x7469746C655F6B79ULL;
constexpr std::uint64_t kNumberSalt = 0x6E756D6265725F6BULL;
constexpr std::size_t kMinSlots = 1024;

using detail::mix_bits;

std::uint64_t string_key(std::string_view text, std::uint64_t salt) {
    std::uint64_t h = 0xCBF29CE484222325ULL ^ salt;
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
    return mix_bits(h);
}

// The keys one item is filed under: its link and title (exact keys), the sketch's smallest hashes
// (anchors) and the smallest hashes of its numbers.
struct IndexKey {
    std::uint32_t key;
    bool exact;
};

std::vector<IndexKey> index_keys(const StoryKeys& keys) {
    std::vector<IndexKey> out;
    out.reserve(StoryIndex::kAnchors + StoryIndex::kNumberAnchors + 2);
    if (!keys.canonical_link.empty()) {
        out.push_back({static_cast<std::uint32_t>(string_key(keys.canonical_link, kLinkSalt)), true});
    }
    if (!keys.title.empty())
        out.push_back({static_cast<std::uint32_t>(string_key(keys.title, kTitleSalt)), true});
    const auto& sketch = keys.fingerprint.sketch();
    const std::size_t anchors = std::min(sketch.size(), StoryIndex::kAnchors);
    for (std::size_t i = 0; i < anchors; ++i)
        out.push_back({static_cast<std::uint32_t>(mix_bits(sketch[i])), false});
    const auto& numbers = keys.fingerprint.numbers();
    const std::size_t number_anchors = std::min(numbers.size(), StoryIndex::kNumberAnchors);
    for (std::size_t i = 0; i < number_anchors; ++i) {
        out.push_back({static_cast<std::uint32_t>(mix_bits(numbers[i] ^ kNumberSalt)), false});
    }
    return out;
}

std::size_t home_slot(std::uint32_t key, std::size_t slot_count) {
    return static_cast<std::size_t>(mix_bits(key)) & (slot_count - 1);
}

// A live posting found for one of the new item's keys.
struct KeyHit {
    std::int64_t id;
    bool rare = false;   // the key has few postings
    bool exact = false;  // a rare link or title key
};

struct Candidate {
    std::int64_t id;
    std::size_t weight;
    bool exact;
};

// The hits summed per id, in a table sized for them (a sort of the hits cost several times more):
// ids found through a rare key, or through two common ones.
std::vector<Candidate> tally(const std::vector<KeyHit>& hits) {
    struct Count {
        std::int64_t id = 0;
        std::uint32_t rare = 0;
        std::uint32_t common = 0;
        bool exact = false;
        bool used = false;
    };
    std::size_t slot_count = 16;
    while (slot_count < 2 * hits.size()) slot_count *= 2;
    std::vector<Count> counts(slot_count);
    for (const KeyHit& hit : hits) {
        std::size_t at =
            static_cast<std::size_t>(mix_bits(static_cast<std::uint64_t>(hit.id))) & (slot_count - 1);
        while (counts[at].used && counts[at].id != hit.id) at = (at + 1) & (slot_count - 1);
        Count& count = counts[at];
        count.used = true;
        count.id = hit.id;
        ++(hit.rare ? count.rare : count.common);
        count.exact |= hit.exact;
    }
    std::vector<Candidate> candidates;
    for (const Count& count : counts) {
        if (count.rare > 0 || count.common > 1)
            candidates.push_back({count.id, 4 * std::size_t{count.rare} + count.common, count.exact});
    }
    return candidates;
}

}  // namespace

void StoryIndex::reserve(std::size_t items) {
    std::size_t wanted = kMinSlots;
    while (wanted < items * (kAnchors + kNumberAnchors + 2) * 4 / 3) wanted *= 2;
    if (wanted > slots_.size()) rehash(wanted);
    ordinal_ids_.reserve(items);
    previous_ordinal_.reserve(items);
    last_ordinal_.reserve(items);
}

void StoryIndex::rehash(std::size_t slot_count) {
    std::vector<Posting> old = std::move(slots_);
    slots_.assign(slot_count, Posting{0, kEmpty});
    used_slots_ = 0;
    for (const Posting& posting : old) {
        if (posting.ordinal != kEmpty && alive(posting.ordinal)) insert(posting.key, posting.ordinal);
    }
}

// Linear probing. A key already holding kMaxPostings live postings gives up its oldest one.
void StoryIndex::insert(std::uint32_t key, std::uint32_t ordinal) {
    if (slots_.empty() || (used_slots_ + 1) * 4 > slots_.size() * 3) {
        std::size_t live = 0;
        for (const Posting& posting : slots_) live += posting.ordinal != kEmpty && alive(posting.ordinal);
        std::size_t wanted = kMinSlots;
        while (wanted < (live + 1) * 2) wanted *= 2;
        rehash(wanted);
    }
    const std::size_t mask = slots_.size() - 1;
    std::size_t reusable = slots_.size();
    std::size_t oldest = slots_.size();
    std::size_t postings = 0;
    std::size_t at = home_slot(key, slots_.size());
    for (;; at = (at + 1) & mask) {
        Posting& slot = slots_[at];
        if (slot.ordinal == kEmpty) break;
        const bool free = !alive(slot.ordinal);
        if (free) {
            if (reusable == slots_.size()) reusable = at;
        } else if (slot.key == key) {
            ++postings;
            if (oldest == slots_.size() || slot.ordinal < slots_[oldest].ordinal) oldest = at;
        }
    }
    if (postings >= kMaxPostings) {
        slots_[oldest].ordinal = ordinal;
    } else if (reusable != slots_.size()) {
        slots_[reusable] = Posting{key, ordinal};
    } else {
        slots_[at] = Posting{key, ordinal};
        ++used_slots_;
    }
}

void StoryIndex::add(std::int64_t id, const StoryKeys& keys) {
    if (ordinal_ids_.size() >= kEmpty) return;  // four billion adds: a bug upstream, not a story
    const auto ordinal = static_cast<std::uint32_t>(ordinal_ids_.size());
    ordinal_ids_.push_back(id);
    const auto [last, fresh] = last_ordinal_.try_emplace(id, ordinal);
    previous_ordinal_.push_back(fresh ? kEmpty : last->second);
    last->second = ordinal;
    live_ids_ += fresh;
    std::vector<std::uint32_t> keys_of_item;
    for (const IndexKey& key : index_keys(keys)) keys_of_item.push_back(key.key);
    std::sort(keys_of_item.begin(), keys_of_item.end());
    keys_of_item.erase(std::unique(keys_of_item.begin(), keys_of_item.end()), keys_of_item.end());
    if (!slots_.empty()) {
        for (std::uint32_t key : keys_of_item) __builtin_prefetch(&slots_[home_slot(key, slots_.size())]);
    }
    for (std::uint32_t key : keys_of_item) insert(key, ordinal);
}

// Postings of removed ids are dropped lazily: lookups skip them, inserts reuse their slots, and
// a rehash leaves them behind.
void StoryIndex::remove(std::int64_t id) {
    const auto found = last_ordinal_.find(id);
    if (found == last_ordinal_.end()) return;
    for (std::uint32_t ordinal = found->second; ordinal != kEmpty; ordinal = previous_ordinal_[ordinal]) {
        ordinal_ids_[ordinal] = kRemovedId;
    }
    last_ordinal_.erase(found);
    --live_ids_;
}

// A key many items share (a phrase every union story uses, a generic title, the prose of a template
// release) says little: an id found only through one such key is no candidate. Ids sharing a rare
// link or title come first, then the others by weight, a rare key counting four times a common one.
std::vector<std::int64_t> StoryIndex::candidates(const StoryKeys& keys) const {
    if (slots_.empty()) return {};
    std::vector<KeyHit> hits;
    const std::size_t mask = slots_.size() - 1;
    const std::vector<IndexKey> item_keys = index_keys(keys);
    // Each key's home slot is a cache miss in a large table; asking for them all first lets the
    // misses overlap instead of following one another.
    for (const IndexKey& key : item_keys) __builtin_prefetch(&slots_[home_slot(key.key, slots_.size())]);
    for (const IndexKey& key : item_keys) {
        const std::size_t first = hits.size();
        for (std::size_t at = home_slot(key.key, slots_.size()); slots_[at].ordinal != kEmpty;
             at = (at + 1) & mask) {
            const Posting& slot = slots_[at];
            if (slot.key == key.key && alive(slot.ordinal)) hits.push_back({ordinal_ids_[slot.ordinal]});
        }
        const bool rare = hits.size() - first < kCommonKeyPostings;
        for (std::size_t i = first; i < hits.size(); ++i) {
            hits[i].rare = rare;
            hits[i].exact = rare && key.exact;
        }
    }
    std::vector<Candidate> ranked = tally(hits);
    const std::size_t kept = std::min(ranked.size(), kMaxCandidates);
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(kept), ranked.end(),
                      [](const Candidate& x, const Candidate& y) {
                          if (x.exact != y.exact) return x.exact;
                          return x.weight != y.weight ? x.weight > y.weight : x.id > y.id;
                      });
    std::vector<std::int64_t> ids;
    ids.reserve(kept);
    for (std::size_t i = 0; i < kept; ++i) ids.push_back(ranked[i].id);
    return ids;
}

std::size_t StoryIndex::memory_bytes() const {
    return slots_.capacity() * sizeof(Posting) + ordinal_ids_.capacity() * sizeof(std::int64_t) +
           previous_ordinal_.capacity() * sizeof(std::uint32_t) +
           last_ordinal_.bucket_count() * sizeof(void*) +
           last_ordinal_.size() * (sizeof(std::pair<const std::int64_t, std::uint32_t>) + 2 * sizeof(void*));
}

}  // namespace feedagg::feeds
