#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define FEEDAGG_HAS_AVX2_SCAN 1
#endif
#include <cstdint>
#include <set>

#include "feeds/detail/xml_repair.hpp"
#include "feeds/encoding_detail.hpp"
#include "feeds/html.hpp"

namespace feedagg::feeds::detail {
namespace {

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_xml_predefined_entity(std::string_view name) {
    return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
}

// XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
bool is_xml_char(std::uint32_t code) {
    return code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
           (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
}

// Parses "#123" or "#x7B" (without '&' and ';'); nothing when malformed or too large.
std::optional<std::uint32_t> numeric_reference(std::string_view body) {
    if (body.size() < 2 || body[0] != '#') return std::nullopt;
    const bool hex = body[1] == 'x' || body[1] == 'X';
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return std::nullopt;
    std::uint32_t value = 0;
    for (char c : digits) {
        int digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return std::nullopt;
        value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    }
    return value;
}

// Bytes the cleaner must look at: '&' (outside CDATA sections and comments) and the control
// characters XML forbids (tab, LF and CR pass).
template <bool with_ampersand>
bool is_special(unsigned char c) {
    return (with_ampersand && c == '&') || (c < 0x20 && c != '\t' && c != '\n' && c != '\r');
}

// The length of the XML predefined reference ("&lt;", "&gt;", "&amp;", "&quot;", "&apos;") at the
// start of `text`, 0 when there is none. They are right as written, in and out of CDATA sections,
// and they are most references in a feed by far (HTML escaped into RSS descriptions).
std::size_t predefined_reference_length(std::string_view text) {
    if (text.size() >= 4 && (text[1] == 'l' || text[1] == 'g') && text[2] == 't' && text[3] == ';') return 4;
    for (const std::string_view reference : {"&amp;", "&quot;", "&apos;"})
        if (text.starts_with(reference)) return reference.size();
    return 0;
}

#if defined(FEEDAGG_HAS_AVX2_SCAN)
namespace avx2 {

// find_special over the whole 32-byte blocks from `from`: the first special byte (`found`), or
// where the blocks end. A block marks every control and '&'; tab, LF and CR and the predefined
// references are told apart only when met, which is rarer than testing for them in every block.
template <bool with_ampersand>
__attribute__((target("avx2"))) std::size_t find_special_in_blocks(std::string_view text, std::size_t from,
                                                                   bool& found) {
    const __m256i highest_control = _mm256_set1_epi8(0x1F);
    const __m256i ampersand = _mm256_set1_epi8('&');
    for (; from + 32 <= text.size(); from += 32) {
        const __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text.data() + from));
        __m256i candidates = _mm256_cmpeq_epi8(_mm256_min_epu8(bytes, highest_control), bytes);
        if (with_ampersand) candidates = _mm256_or_si256(candidates, _mm256_cmpeq_epi8(bytes, ampersand));
        for (auto mask = static_cast<unsigned>(_mm256_movemask_epi8(candidates)); mask != 0;
             mask &= mask - 1) {
            const std::size_t at = from + static_cast<std::size_t>(__builtin_ctz(mask));
            const auto c = static_cast<unsigned char>(text[at]);
            if (c == '&' ? predefined_reference_length(text.substr(at, 6)) == 0 : is_special<false>(c)) {
                found = true;
                return at;
            }
        }
    }
    return from;
}

}  // namespace avx2
#endif

// The offset of the first special byte in `text` from `from`, or its size; predefined references
// are stepped over. 32 bytes at a time with AVX2, else 16 where SSE2 is there (every x86-64):
// feeds are mostly plain text, and this scan sees every byte.
template <bool with_ampersand>
std::size_t find_special(std::string_view text, std::size_t from) {
#if defined(FEEDAGG_HAS_AVX2_SCAN)
    if (from + 64 <= text.size() && has_avx2()) {
        bool found = false;
        from = avx2::find_special_in_blocks<with_ampersand>(text, from, found);
        if (found) return from;
    }
#endif
#if defined(__SSE2__)
    const __m128i ampersand = _mm_set1_epi8('&');
    const __m128i highest_control = _mm_set1_epi8(0x1F);
    const __m128i tab = _mm_set1_epi8('\t');
    const __m128i line_feed = _mm_set1_epi8('\n');
    const __m128i carriage_return = _mm_set1_epi8('\r');
    for (; from + 16 <= text.size(); from += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
        const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(bytes, highest_control), highest_control);
        const __m128i allowed = _mm_or_si128(
            _mm_cmpeq_epi8(bytes, tab),
            _mm_or_si128(_mm_cmpeq_epi8(bytes, line_feed), _mm_cmpeq_epi8(bytes, carriage_return)));
        __m128i special = _mm_andnot_si128(allowed, control);
        if (with_ampersand) special = _mm_or_si128(special, _mm_cmpeq_epi8(bytes, ampersand));
        // A reference's bytes after its '&' are letters and ';', so its bit is the only one it sets.
        for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(special)); mask != 0; mask &= mask - 1) {
            const std::size_t at = from + static_cast<std::size_t>(__builtin_ctz(mask));
            if (text[at] != '&' || predefined_reference_length(text.substr(at, 6)) == 0) return at;
        }
    }
#endif
    while (from < text.size() && !is_special<with_ampersand>(static_cast<unsigned char>(text[from]))) ++from;
    return from;
}

// Where "<!" + `rest` starts at or after `from`. Searching from the '!' rather than the '<' keeps the
// search from stopping at every tag.
std::size_t find_declaration(std::string_view text, std::string_view rest, std::size_t from) {
    for (std::size_t at = text.find(rest, from + (from > 0 ? 0 : 1)); at != std::string_view::npos;
         at = text.find(rest, at + 1)) {
        if (at > 0 && text[at - 1] == '<' && at - 1 >= from) return at - 1;
    }
    return std::string_view::npos;
}

class TextCleaner {
  public:
    TextCleaner(std::string_view xml, std::vector<std::string>& warnings) : xml_(xml), warnings_(warnings) {}

    std::optional<std::string> run() {
        skip_leading_junk();
        next_cdata_ = find_declaration(xml_, "![CDATA[", 0);
        next_comment_ = find_declaration(xml_, "!--", 0);
        find_next_section();
        while (pos_ < xml_.size()) {
            skip_plain_bytes();
            if (pos_ >= xml_.size()) break;
            const unsigned char c = static_cast<unsigned char>(xml_[pos_]);
            if (c == '&') {
                if (const std::size_t length = predefined_reference_length(xml_.substr(pos_, 6)))
                    pos_ += length;  // right in and out of sections alike
                else if (in_section())
                    skip_section();
                else
                    fix_reference();
            } else {
                replace(1, "");
                ++control_characters_;
            }
        }
        report();
        if (!changed_) return std::nullopt;
        out_.append(xml_.substr(copied_));
        return std::move(out_);
    }

  private:
    void skip_leading_junk() {
        std::size_t start = xml_.find('<');
        if (start == std::string_view::npos) start = xml_.size();
        if (start == 0) return;
        if (xml_.substr(0, start).find_first_not_of(" \t\r\n") != std::string_view::npos) {
            warnings_.push_back("removed " + std::to_string(start) + " bytes of junk before the first tag");
        }
        changed_ = true;
        pos_ = copied_ = start;
    }

    void skip_plain_bytes() { pos_ = find_special<true>(xml_, pos_); }

    // Inside a CDATA section or comment, where only controls matter (HTML in CDATA is full of '&'):
    // to the next control in it, or past its end.
    void skip_section() {
        const std::size_t end = std::min(section_end_, xml_.size());
        pos_ = find_special<false>(xml_.substr(0, end), pos_);
    }

    // CDATA sections and comments keep their references as written ("&nbsp;" in CDATA is text).
    // Each kind's next start is searched for only once it has been passed, so the scan stays linear.
    void find_next_section() {
        if (next_cdata_ != std::string_view::npos && next_cdata_ < section_end_) {
            next_cdata_ = find_declaration(xml_, "![CDATA[", section_end_);
        }
        if (next_comment_ != std::string_view::npos && next_comment_ < section_end_) {
            next_comment_ = find_declaration(xml_, "!--", section_end_);
        }
        section_start_ = std::min(next_cdata_, next_comment_);
        if (section_start_ == std::string_view::npos) {
            section_end_ = std::string_view::npos;
            return;
        }
        const std::string_view terminator = section_start_ == next_cdata_ ? "]]>" : "-->";
        const std::size_t end = xml_.find(terminator, section_start_ + 4);
        section_end_ = end == std::string_view::npos ? xml_.size() : end + terminator.size();
    }

    bool in_section() {
        while (section_end_ != std::string_view::npos && pos_ >= section_end_) find_next_section();
        return section_start_ != std::string_view::npos && pos_ >= section_start_;
    }

    void fix_reference() {
        // Escaped HTML is mostly "&lt;" "&gt;" "&quot;" "&amp;": step over those first.
        const std::string_view rest = xml_.substr(pos_, 6);
        for (std::string_view predefined : {"&lt;", "&gt;", "&amp;", "&quot;", "&apos;"}) {
            if (rest.starts_with(predefined)) {
                pos_ += predefined.size();
                return;
            }
        }
        std::size_t end = pos_ + 1;
        if (end < xml_.size() && xml_[end] == '#') ++end;
        while (end < xml_.size() && end - pos_ < 40 && is_name_char(xml_[end])) ++end;
        const bool terminated = end < xml_.size() && xml_[end] == ';';
        const std::string_view body = xml_.substr(pos_ + 1, end - pos_ - 1);
        if (!terminated || body.empty()) {
            replace(1, "&amp;");
            ++bare_ampersands_;
            return;
        }
        if (body[0] == '#') {
            fix_numeric_reference(body, end + 1 - pos_);
            return;
        }
        if (is_xml_predefined_entity(body)) {
            pos_ = end + 1;
            return;
        }
        const std::string_view expansion = html_entity(body);
        if (expansion.empty()) {
            replace(1, "&amp;");
            ++unknown_entities_;
            return;
        }
        replace(end + 1 - pos_, escape_xml(expansion));
        if (html_entity_examples_.size() < 3) html_entity_examples_.emplace(body);
        ++html_entities_;
    }

    void fix_numeric_reference(std::string_view body, std::size_t length) {
        const auto code = numeric_reference(body);
        if (!code) {
            replace(1, "&amp;");
            ++bare_ampersands_;
        } else if (!is_xml_char(*code)) {
            replace(length, "");
            ++control_characters_;
        } else {
            pos_ += length;
        }
    }

    // Replaces `length` bytes at the cursor, switching to copy mode on the first change.
    void replace(std::size_t length, std::string_view replacement) {
        if (!changed_) out_.reserve(xml_.size() + 64);
        changed_ = true;
        out_.append(xml_.substr(copied_, pos_ - copied_));
        out_.append(replacement);
        pos_ += length;
        copied_ = pos_;
    }

    void report() {
        if (html_entities_ > 0) {
            std::string names;
            for (const auto& name : html_entity_examples_)
                names += (names.empty() ? "&" : ", &") + name + ";";
            warnings_.push_back("replaced " + std::to_string(html_entities_) +
                                " HTML entity references XML does not declare (" + names + ")");
        }
        if (unknown_entities_ > 0) {
            warnings_.push_back("kept " + std::to_string(unknown_entities_) +
                                " unknown entity references as text");
        }
        if (bare_ampersands_ > 0) {
            warnings_.push_back("escaped " + std::to_string(bare_ampersands_) + " bare '&' characters");
        }
        if (control_characters_ > 0) {
            warnings_.push_back("removed " + std::to_string(control_characters_) +
                                " characters XML does not allow (control characters)");
        }
    }

    std::string_view xml_;
    std::vector<std::string>& warnings_;
    std::string out_;
    std::size_t pos_ = 0;
    std::size_t copied_ = 0;
    std::size_t section_start_ = 0;  // the next (or current) CDATA section or comment
    std::size_t section_end_ = 0;
    std::size_t next_cdata_ = 0;  // where the next "<![CDATA[" starts, once searched for
    std::size_t next_comment_ = 0;
    bool changed_ = false;
    std::size_t html_entities_ = 0, unknown_entities_ = 0, bare_ampersands_ = 0, control_characters_ = 0;
    std::set<std::string, std::less<>> html_entity_examples_;
};

}  // namespace

std::optional<std::string> clean_xml_text(std::string_view xml, std::vector<std::string>& warnings) {
    return TextCleaner(xml, warnings).run();
}

}  // namespace feedagg::feeds::detail
