// html_to_text: the reader-visible text of an HTML fragment, for titles and descriptions.

#include <algorithm>
#include <cctype>
#include <cstring>

#include "feeds/html.hpp"
#include "feeds/html_elements.hpp"
#include "feeds/html_entities.hpp"
#include "feeds/html_tokenizer.hpp"
#include "feeds/xml_escape.hpp"

namespace feedagg::feeds {
namespace {

using detail::Token;
using detail::TokenKind;

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// Unicode White_Space characters, NBSP and the ideographic space included: a title never needs
// them, and pages use NBSP where they mean a plain space.
bool is_unicode_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

bool is_printable_ascii(unsigned char byte) {
    return byte >= 0x21 && byte < 0x7F;
}

// Appends text with runs of whitespace collapsed to one space and no leading or trailing space;
// control characters are dropped and invalid UTF-8 becomes U+FFFD.
class CollapsedText {
  public:
    void append(std::string_view text) {
        text_.reserve(text_.size() + text.size() + 1);
        // Characters written as they are, single spaces between printable ASCII included, are
        // gathered into runs and written one run at a time rather than one word at a time.
        std::size_t run_start = 0;
        std::size_t position = 0;
        const auto end_run = [&] {
            if (position > run_start) write(text.substr(run_start, position - run_start));
        };
        while (position < text.size()) {
            const auto byte = static_cast<unsigned char>(text[position]);
            if (is_printable_ascii(byte) ||
                (byte == ' ' && position > run_start && position + 1 < text.size() &&
                 is_printable_ascii(static_cast<unsigned char>(text[position + 1])))) {
                ++position;
                continue;
            }
            char32_t code_point;
            std::size_t length = detail::decode_utf8(text.substr(position), code_point);
            if (length != 0 && !is_unicode_space(code_point) && code_point >= 0x20 && code_point != 0x7F &&
                code_point != 0xFFFE && code_point != 0xFFFF) {
                position += length;
                continue;
            }
            end_run();
            if (length == 0) {
                write(kReplacementCharacter);
                length = 1;
            } else if (is_unicode_space(code_point)) {
                separate();
            }
            position += length;
            run_start = position;
        }
        end_run();
    }

    void separate() { space_pending_ = !text_.empty(); }

    std::string take() { return std::move(text_); }

  private:
    void write(std::string_view characters) {
        if (space_pending_) text_.push_back(' ');
        space_pending_ = false;
        text_.append(characters);
    }

    std::string text_;
    bool space_pending_ = false;
};

std::string flatten(std::string_view html) {
    detail::HtmlTokenizer tokenizer(html);
    detail::DroppedElement dropped;
    CollapsedText text;
    std::string decoded;
    Token token;
    while (tokenizer.next(token)) {
        if (dropped.active()) {
            dropped.feed(token);
            continue;
        }
        if (token.kind == TokenKind::text) {
            if (token.text_has_references) {
                decoded.clear();
                detail::append_decoded(token.text, detail::ReferenceContext::text, decoded);
                text.append(decoded);
            } else {
                text.append(token.text);
            }
        } else if (token.element == nullptr) {
            continue;  // comments, doctypes, unknown tags
        } else if (token.kind == TokenKind::start_tag && token.element->has(detail::kDropsContent)) {
            dropped.begin(token);
        } else if (token.element->has(detail::kBreaksText)) {
            text.separate();
        }
    }
    return text.take();
}

// True when decoded text still holds a tag of a known HTML element ("<b>", "</p>", "<br/>"), the
// sign of HTML escaped twice. "a <b" or "vector<int>" do not count.
bool holds_markup(std::string_view text) {
    for (std::size_t open = text.find('<'); open != std::string_view::npos; open = text.find('<', open + 1)) {
        std::size_t name_start = open + 1;
        if (name_start < text.size() && text[name_start] == '/') ++name_start;
        std::size_t name_end = name_start;
        std::string name;
        while (name_end < text.size() && name.size() < 16 &&
               std::isalnum(static_cast<unsigned char>(text[name_end])) != 0) {
            name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[name_end]))));
            ++name_end;
        }
        if (name.empty() || name_end == text.size() || detail::find_element(name) == nullptr) continue;
        const char after = text[name_end];
        if (after != '>' && after != ' ' && after != '/') continue;
        // Only up to the next '<', so that hostile input stays linear.
        const std::size_t next_open = std::min(text.find('<', name_end), text.size());
        if (text.substr(name_end, next_open - name_end).find('>') != std::string_view::npos) return true;
    }
    return false;
}

}  // namespace

std::string html_to_text(std::string_view html) {
    // Most titles hold no tag and no reference: nothing to flatten.
    if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos) {
        CollapsedText text;
        text.append(html);
        return text.take();
    }
    std::string text = flatten(html);
    if (holds_markup(text)) text = flatten(text);
    return text;
}

}  // namespace feedagg::feeds
