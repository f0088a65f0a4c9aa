#pragma once
// Cross-source story matching: the same story reposted by several sites (with a header, a source
// credit, an editor line, another title, often only part of the text) is recognised as one.
// Pure functions and an in-memory index; the store persists fingerprints and rebuilds the index.
// docs/dedup.md explains what is compared and how the thresholds were chosen.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "feeds/result.hpp"

namespace feedagg::feeds {

// ---- Text normalization (story_text.cpp) -------------------------------------------------------

// The text compared between two items. `text` is plain text or HTML (tags dropped, block elements
// and <br> end a line, entities decoded). Then: Unicode NFKC with case folding (full-width letters,
// digits and punctuation become ASCII); lines that are boilerplate are dropped (source credits
// "来源：…", "转自", editor/reporter/photographer lines, share/print/QR-code widgets, copyright
// footers, "Originally published by…", "Share this", and their like); every line containing one of
// `strip` (plain substrings, compared after the same NFKC + case folding, never regexes, so a
// configured pattern cannot be slow) is dropped too. What remains keeps only letters and digits:
// CJK characters are written without separators, other words are separated by one space.
// Only the first 256 KiB of the input is read. Invalid UTF-8 reads as separators.
std::string normalize_story_text(std::string_view text, const std::vector<std::string>& strip = {});

// A title for comparison: normalized like text, after dropping reposting marks ("【转载】", "转:",
// "[转]", "Fwd:") in front and a site name behind (" - 工人日报", " | Site name", "——中工网")
// when the part dropped holds no number (so "Part 2" is never taken for a site name).
std::string normalize_story_title(std::string_view title);

// ---- Fingerprints (story_fingerprint.cpp) ------------------------------------------------------

// A bottom-k MinHash sketch of an item's shingles: one 64-bit hash per shingle, the k smallest
// distinct hashes kept in ascending order; and a small bottom-k sketch of the numbers the text
// holds (words with a digit), which template releases and series articles change. Shingles are
// runs of 4 consecutive tokens, a token being one CJK character or one other word, so Chinese
// compares by character 4-grams, English by word 4-shingles, and mixed text by both. A text
// shorter than one shingle has one shingle: the whole text.
class StoryFingerprint {
  public:
    static constexpr std::size_t kSketchSize = 128;
    static constexpr std::size_t kShingleTokens = 4;
    static constexpr std::size_t kNumberSketchSize = 16;

    StoryFingerprint() = default;

    // `normalized_text` is the output of normalize_story_text.
    static StoryFingerprint of_text(std::string_view normalized_text);

    // A compact byte string for storage (at most ~1.2 KiB): a version byte, the shingle count, the
    // sketches.
    std::string serialize() const;
    static Result<StoryFingerprint> deserialize(std::string_view bytes);

    bool empty() const { return sketch_.empty(); }
    std::uint32_t shingle_count() const { return shingle_count_; }  // shingles in the text, repeats too
    const std::vector<std::uint64_t>& sketch() const { return sketch_; }
    const std::vector<std::uint64_t>& numbers() const { return numbers_; }

    bool operator==(const StoryFingerprint&) const = default;

  private:
    std::uint32_t shingle_count_ = 0;
    std::vector<std::uint64_t> sketch_;
    std::vector<std::uint64_t> numbers_;
};

// How two texts overlap, estimated from their sketches (exact when both texts have at most
// kSketchSize shingles).
struct TextOverlap {
    double containment = 0;  // |A∩B| / min(|A|,|B|): 1 when the shorter text lies within the longer
    double resemblance = 0;  // |A∩B| / |A∪B| (Jaccard)
    std::size_t sample = 0;  // sketch entries the estimate rests on; small means uncertain
    // The same over the numbers the texts hold (words with a digit, after NFKC): a template release
    // with other figures and dates shares its prose but not these.
    double number_containment = 0;
    std::size_t number_sample = 0;
};
TextOverlap estimate_overlap(const StoryFingerprint& a, const StoryFingerprint& b);

// ---- Matching (story_match.cpp) ----------------------------------------------------------------

// What one item offers to matching. Build it with story_keys().
struct StoryKeys {
    std::string canonical_link;  // canonical_url() of the item's link
    std::string title;           // normalize_story_title()
    StoryFingerprint fingerprint;
    std::size_t text_length = 0;  // bytes of normalize_story_text()
};

// Normalizes, fingerprints and canonicalizes one item. `text` is its content (or summary), plain
// or HTML; `strip` is the source's configured strip list.
StoryKeys story_keys(std::string_view title, std::string_view text, std::string_view link,
                     const std::vector<std::string>& strip = {});

// Defaults chosen on tests/data/dedup/pairs.jsonl; docs/dedup.md gives the measurements.
struct MatchThresholds {
    // Text: containment of the shorter text in the longer.
    double text_containment = 0.90;
    // ... estimated from at least this many sketch entries of the shorter text (a one-line item
    // cannot match on text).
    std::size_t text_min_sample = 12;
    // Titles carrying different numbers ("第一期"/"第二期", "Part 1"/"Part 2", 2024/2025) need
    // this much containment instead: a template press release repeats most of its text.
    double text_containment_numbers_differ = 0.97;
    // Texts whose numbers mostly differ tell different stories (one template release, other
    // figures and dates), however much prose they share: once the number sketches hold at least
    // number_min_sample numbers of the text with fewer, at least this fraction of them must be
    // shared, for a text match and for a title match alike.
    double number_containment = 0.5;
    std::size_t number_min_sample = 3;
    // Title: equal normalized titles match when the title weighs at least this much (a CJK
    // character weighs 1, another word 3) and is not generic ("通知", "公告", "News") ...
    std::size_t title_min_weight = 10;
    // ... unless both texts are long enough to judge and overlap less than this.
    double title_text_veto = 0.5;
};

enum class MatchReason { none, link, title, text };
std::string_view to_string(MatchReason reason);

struct StoryMatch {
    bool matched = false;
    MatchReason reason = MatchReason::none;
    double score = 0;  // 1 for link and title matches, the containment for text
};

// The decision for one candidate pair; symmetric.
StoryMatch match_stories(const StoryKeys& a, const StoryKeys& b, const MatchThresholds& thresholds = {});

// ---- Index (story_index.cpp) -------------------------------------------------------------------

// Finds candidate matches for a new item in O(1) expected time: an inverted index from the item's
// canonical link, its title, its `kAnchors` smallest sketch hashes (one-row LSH bands over the
// bottom-k sample: two texts whose overlap holds a fraction c of the shorter one share about
// kAnchors * c * |shorter| / |longer| anchors) and its `kNumberAnchors` smallest number hashes (so
// that among many fillings of one template the one with the same figures is found) to the ids
// that carry them. Each key keeps at most kMaxPostings ids (the most recently added), so a phrase
// every article contains costs no more than a rare one; and an id found only through one key that
// kCommonKeyPostings or more ids share is no candidate. Ids are the caller's (a story id or an
// item id); adding an id again adds keys to it. Not thread-safe; not persisted (rebuild it from
// the stored fingerprints at start).
class StoryIndex {
  public:
    static constexpr std::size_t kAnchors = 32;
    static constexpr std::size_t kNumberAnchors = 8;
    static constexpr std::size_t kMaxPostings = 32;
    static constexpr std::size_t kMaxCandidates = 16;
    static constexpr std::size_t kCommonKeyPostings = 8;

    void reserve(std::size_t items);
    void add(std::int64_t id, const StoryKeys& keys);
    void remove(std::int64_t id);

    // Distinct ids sharing a key with `keys`, at most kMaxCandidates: those sharing a rare link or
    // title first, then by shared keys, a rare key weighing four common ones.
    std::vector<std::int64_t> candidates(const StoryKeys& keys) const;

    std::size_t size() const { return live_ids_; }
    std::size_t memory_bytes() const;

  private:
    struct Posting {
        std::uint32_t key;
        std::uint32_t ordinal;  // an add() call, or kEmpty; a removed id's postings are free too
    };
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;

    void insert(std::uint32_t key, std::uint32_t ordinal);
    void rehash(std::size_t slots);
    bool alive(std::uint32_t ordinal) const { return ordinal_ids_[ordinal] != kRemovedId; }

    static constexpr std::int64_t kRemovedId = INT64_MIN;
    std::vector<Posting> slots_;
    std::size_t used_slots_ = 0;  // slots not kEmpty
    std::vector<std::int64_t> ordinal_ids_;
    std::vector<std::uint32_t> previous_ordinal_;  // the same id's earlier add(), or kEmpty
    std::unordered_map<std::int64_t, std::uint32_t> last_ordinal_;
    std::size_t live_ids_ = 0;
};

}  // namespace feedagg::feeds
