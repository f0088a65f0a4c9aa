#include <algorithm>
#include <cstring>
#include <cstdint>
#include <set>

#include "feeds/detail/xml_repair.hpp"
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
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        else return std::nullopt;
        value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    }
    return value;
}

// Bytes the cleaner must look at: '&' and C0 controls (tab, LF and CR among them, which it passes).
bool is_special(unsigned char c) { return c < 0x20 || c == '&'; }

// Word-at-a-time test for a special byte among eight (the "haszero"/"hasless" bit tricks).
bool has_special_byte(std::uint64_t word) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const std::uint64_t below_space = (word - ones * 0x20) & ~word & highs;
    const std::uint64_t ampersands = word ^ (ones * '&');
    return (below_space | ((ampersands - ones) & ~ampersands & highs)) != 0;
}

class TextCleaner {
public:
    TextCleaner(std::string_view xml, std::vector<std::string>& warnings) : xml_(xml), warnings_(warnings) {}

    std::optional<std::string> run() {
        skip_leading_junk();
        next_cdata_ = xml_.find("<![CDATA[");
        next_comment_ = xml_.find("<!--");
        find_next_section();
        while (pos_ < xml_.size()) {
            skip_plain_bytes();
            if (pos_ >= xml_.size()) break;
            const unsigned char c = static_cast<unsigned char>(xml_[pos_]);
            if (c == '&') {
                if (in_section()) ++pos_;
                else fix_reference();
            } else if (c != '\t' && c != '\n' && c != '\r') {
                replace(1, "");
                ++control_characters_;
            } else {
                ++pos_;
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

    void skip_plain_bytes() {
        while (pos_ + 8 <= xml_.size()) {
            std::uint64_t word;
            std::memcpy(&word, xml_.data() + pos_, sizeof word);
            if (has_special_byte(word)) break;
            pos_ += 8;
        }
        while (pos_ < xml_.size() && !is_special(static_cast<unsigned char>(xml_[pos_]))) ++pos_;
    }

    // CDATA sections and comments keep their references as written ("&nbsp;" in CDATA is text).
    // Each kind's next start is searched for only once it has been passed, so the scan stays linear.
    void find_next_section() {
        if (next_cdata_ != std::string_view::npos && next_cdata_ < section_end_) next_cdata_ = xml_.find("<![CDATA[", section_end_);
        if (next_comment_ != std::string_view::npos && next_comment_ < section_end_) next_comment_ = xml_.find("<!--", section_end_);
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
            for (const auto& name : html_entity_examples_) names += (names.empty() ? "&" : ", &") + name + ";";
            warnings_.push_back("replaced " + std::to_string(html_entities_) +
                                " HTML entity references XML does not declare (" + names + ")");
        }
        if (unknown_entities_ > 0) {
            warnings_.push_back("kept " + std::to_string(unknown_entities_) + " unknown entity references as text");
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
