// Guessing a charset when the declared one is missing or contradicted by the bytes.
//
// ICU's detector ranks candidates by statistics that need text to work with: on a title of a few
// Chinese characters it may rank KOI8-R first and every East Asian charset at its floor of 10.
// Two heuristics correct for that, both checked on the bytes rather than trusted from the ranking:
// - a candidate must read plausibly: no invalid sequences, and none of the private-use characters,
//   C1 controls or half-width katakana that misreadings produce;
// - when the non-ASCII bytes come in pairs, as East Asian lead and trail bytes do, the first
//   plausible East Asian multibyte candidate wins over higher-ranked single-byte ones; when they
//   mostly stand alone, as accented letters in Latin text do, the first plausible single-byte
//   candidate wins over multibyte ones (which ICU ranks alone on "Grüße").
// Known limits: a few characters cannot be told apart. "東京" in EUC-JP is also valid GBK, and a
// short Cyrillic word of even length in windows-1251 or KOI8-R is also valid GBK; both come out
// as GB18030; a lone Chinese character comes out as two windows-1252 letters. Documents with a
// sentence or more of text are detected reliably.

#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "feeds/encoding_detail.hpp"

namespace feedagg::feeds::detail {
namespace {

struct DetectorCloser {
    void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};
using Detector = std::unique_ptr<UCharsetDetector, DetectorCloser>;

// ICU's candidates, best first, as charsets we decode with (its "ISO-8859-1" becomes windows-1252).
std::vector<Charset> rank_candidates(std::string_view sample, bool utf8_possible) {
    std::vector<Charset> candidates;
    UErrorCode status = U_ZERO_ERROR;
    const Detector detector(ucsdet_open(&status));
    if (U_FAILURE(status)) return candidates;
    // Strips <...> markup, which would otherwise drown the text's statistics in ASCII.
    ucsdet_enableInputFilter(detector.get(), true);
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status)) return candidates;

    for (int32_t index = 0; index < count; ++index) {
        status = U_ZERO_ERROR;
        const char* name = ucsdet_getName(matches[index], &status);
        if (U_FAILURE(status) || name == nullptr) continue;
        std::optional<Charset> charset = find_charset(name);
        if (!charset || charset->is_wide_unicode() || (charset->is_utf8() && !utf8_possible)) continue;
        const bool seen = std::any_of(candidates.begin(), candidates.end(),
                                      [&](const Charset& known) { return known.name == charset->name; });
        if (!seen) candidates.push_back(std::move(*charset));
    }
    // ICU offers nothing for a lone accented letter; browsers fall back to windows-1252 (WHATWG
    // Encoding Standard, "legacy" default for most locales), which reads any byte.
    const bool has_fallback = std::any_of(candidates.begin(), candidates.end(),
                                          [](const Charset& known) { return known.name == "windows-1252"; });
    if (!has_fallback) {
        if (std::optional<Charset> fallback = find_charset("windows-1252")) candidates.push_back(*fallback);
    }
    return candidates;
}

// Whether most non-ASCII bytes sit next to another one, as in double-byte East Asian text.
bool non_ascii_comes_in_pairs(std::string_view sample) {
    const auto is_high = [&](std::size_t at) { return static_cast<unsigned char>(sample[at]) >= 0x80; };
    std::size_t high = 0;
    std::size_t paired = 0;
    for (std::size_t at = 0; at < sample.size(); ++at) {
        if (!is_high(at)) continue;
        ++high;
        const bool has_high_neighbour =
            (at > 0 && is_high(at - 1)) || (at + 1 < sample.size() && is_high(at + 1));
        paired += has_high_neighbour ? 1 : 0;
    }
    // A third, not a half: Shift_JIS and Big5 trail bytes are often ASCII-range.
    // Two double-byte characters at least: one pair of accented letters ("Grüße") proves nothing.
    return high >= 4 && paired * 3 >= high;
}

}  // namespace

std::optional<Charset> detect_charset(std::string_view bytes, bool utf8_possible) {
    const std::string_view sample = bytes.substr(0, sample_size);
    const bool is_whole = sample.size() == bytes.size();
    std::vector<Charset> candidates = rank_candidates(sample, utf8_possible);
    if (candidates.empty()) return std::nullopt;

    std::vector<SampleReading> readings;
    readings.reserve(candidates.size());
    for (const Charset& candidate : candidates) readings.push_back(read_sample(sample, candidate, is_whole));

    // Paired non-ASCII bytes favour the East Asian multibyte charsets, lone ones the single-byte.
    const bool pairs = non_ascii_comes_in_pairs(sample);
    for (std::size_t index = 0; index < candidates.size(); ++index) {
        const bool favoured =
            pairs ? candidates[index].is_east_asian_multibyte() : candidates[index].is_single_byte();
        if (favoured && readings[index].is_plausible()) return std::move(candidates[index]);
    }
    // Otherwise ICU's ranking, among the candidates with the fewest problems.
    const auto problems = [](const SampleReading& reading) {
        return reading.invalid_sequences + reading.implausible_characters;
    };
    std::size_t best = 0;
    for (std::size_t index = 1; index < candidates.size(); ++index) {
        if (problems(readings[index]) < problems(readings[best])) best = index;
    }
    return std::move(candidates[best]);
}

}  // namespace feedagg::feeds::detail
