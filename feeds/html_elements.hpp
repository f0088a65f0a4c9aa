#pragma once
// Detail of the HTML module: facts about HTML elements that the tokenizer, the sanitizer and
// html_to_text share, looked up once per tag.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace feedagg::feeds::detail {

struct Token;

// How the tokenizer reads an element's content (HTML5 §13.2.6.4.4 and .7 switch the tokenizer).
enum class ContentModel : std::uint8_t { data, rawtext, rcdata, plaintext };

enum ElementTrait : std::uint16_t {
    kVoid = 1 << 0,  // HTML5 §13.1.2: no content, no end tag
    // Content readers must not see in a feed: scripts, styles, the document title, plugin and
    // form fallback, templates, and foreign (svg/math) content whose parsing rules we skip. Not
    // <head>: an unclosed one would swallow the article, and what it may hold is dropped anyway.
    kDropsContent = 1 << 1,
    kBreaksText = 1 << 2,  // separates words when flattened to text (blocks and line breaks)
    // HTML5 §13.2.4.2 "special" elements but address, div and p: where the search for an open
    // li, dt or dd stops (§13.2.6.4.7).
    kSpecial = 1 << 3,
    kClosesParagraph = 1 << 4,     // start tags that "close a p element" (§13.2.6.4.7)
    kEndsParagraphScope = 1 << 5,  // "has a p element in button scope" stops here (§13.2.4.2)
};

struct Element {
    std::string_view name;
    ContentModel content_model;
    std::uint16_t traits;

    bool has(ElementTrait trait) const { return (traits & trait) != 0; }
};

// How many HTML elements we know (current and common obsolete ones), and their longest name.
constexpr std::size_t kKnownElementCount = 133;
constexpr std::size_t kLongestElementName = 10;  // "blockquote", "figcaption"

// The elements we know, sorted by name; `index` numbers them 0 .. kKnownElementCount - 1.
extern const Element kKnownElements[kKnownElementCount];
const Element* find_element(std::string_view lowercase_name);
std::size_t known_element_count();
// Inline: the sanitizer asks for it several times per tag.
inline std::size_t element_index(const Element& element) {
    return static_cast<std::size_t>(&element - kKnownElements);
}

// Tag and attribute names are a few bytes long: a plain loop beats a call to memcmp.
inline bool is_same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// Follows an element dropped with its content: begin() at its start tag, then feed() every token
// while active().
class DroppedElement {
  public:
    void begin(const Token& start_tag);
    void feed(const Token& token);
    bool active() const { return depth_ > 0; }

  private:
    const Element* element_ = nullptr;
    std::size_t depth_ = 0;
};

}  // namespace feedagg::feeds::detail
