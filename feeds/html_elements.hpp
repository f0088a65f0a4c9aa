#pragma once
// Detail of the HTML module: facts about HTML elements that the tokenizer, the sanitizer and
// html_to_text share.

#include <cstddef>
#include <string>
#include <string_view>

namespace feedagg::feeds::detail {

struct Token;

// How the tokenizer reads an element's content (HTML5 §13.2.6.4.4 and .7 switch the tokenizer).
enum class ContentModel { data, rawtext, rcdata, plaintext };
ContentModel content_model_of(std::string_view element);

// HTML5 §13.1.2 void elements: no content, no end tag.
bool is_void_element(std::string_view element);

// Elements whose content readers must not see in a feed: scripts, styles, document metadata,
// plugin and form fallback, templates, and foreign (svg/math) content whose parsing rules we skip.
bool drops_content(std::string_view element);

// Elements that separate words when flattened to text (block boxes and line breaks).
bool breaks_text(std::string_view element);

// True for names of HTML elements (current and common obsolete ones).
bool is_html_element(std::string_view element);

// Follows an element dropped with its content: begin() at its start tag, then feed() every token
// while active().
class DroppedElement {
  public:
    void begin(const Token& start_tag);
    void feed(const Token& token);
    bool active() const { return depth_ > 0; }

  private:
    std::string name_;
    std::size_t depth_ = 0;
};

}  // namespace feedagg::feeds::detail
