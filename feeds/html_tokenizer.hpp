#pragma once
// Detail of the HTML module: a tokenizer after HTML5 §13.2.5, without a tree builder.
//
// It follows the spec's states for tags, attributes, comments, doctypes and the raw text elements,
// and never fails: every input, including one cut off anywhere, yields a token stream. Text is
// returned raw (see Token::text_has_references); attribute values are returned decoded. Deviations
// kept on purpose for speed: no script-data escape states (a "</script" inside "<!--<script>"
// ends the script early), no foreign content (svg/math CDATA sections are bogus comments), and
// <noscript> is read as markup, as with scripting disabled.
// Callers re-serialize from their own tables, so a misread can lose content but never pass markup.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/html_elements.hpp"

namespace feedagg::feeds::detail {

enum class TokenKind { text, start_tag, end_tag, comment, doctype, end_of_input };

struct HtmlAttribute {
    std::string name;   // lowercase
    std::string value;  // character references decoded
};

struct Token {
    TokenKind kind = TokenKind::end_of_input;
    // text: raw input, comment/doctype: their body.
    std::string_view text;
    // False for the content of RAWTEXT elements (script, style, xmp, ...) and plaintext, where
    // '&' is literal; true for data and RCDATA (textarea, title).
    bool text_has_references = true;
    std::string name;                  // tags: lowercase tag name
    const Element* element = nullptr;  // tags: what we know about `name`; null when unknown
    bool self_closing = false;
    std::vector<HtmlAttribute> attributes;  // start tags: the first of duplicate names only
};

class HtmlTokenizer {
  public:
    explicit HtmlTokenizer(std::string_view html) : input_(html) {}

    // Reads the next token into `token` (reusing its buffers); false at the end of input.
    bool next(Token& token);

  private:
    void read_markup(Token& token);
    bool read_tag(Token& token, bool end_tag);
    void read_attributes(Token& token);
    void recycle_attributes(Token& token);
    void read_attribute_value(HtmlAttribute& attribute);
    void read_comment(Token& token);
    void read_bogus_comment(Token& token, std::size_t body_start);
    void read_special_text(Token& token);
    void enter_content_model(const Token& token);

    std::string_view input_;
    std::size_t position_ = 0;
    ContentModel content_model_ = ContentModel::data;
    std::string raw_text_end_tag_;                 // the element whose end tag ends rawtext/rcdata
    std::vector<HtmlAttribute> spare_attributes_;  // earlier tags' attributes, reused for their buffers
};

}  // namespace feedagg::feeds::detail
