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

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/html_elements.hpp"

namespace feedagg::feeds::detail {

enum class TokenKind { text, start_tag, end_tag, comment, doctype, end_of_input };

// Names and values view the input where it needs no change, or the tokenizer's buffers; either
// way they stay valid until the next call to HtmlTokenizer::next.
struct HtmlAttribute {
    std::string_view name;   // lowercase
    std::string_view value;  // character references decoded
};

struct Token {
    TokenKind kind = TokenKind::end_of_input;
    // text: raw input, comment/doctype: their body.
    std::string_view text;
    // False for the content of RAWTEXT elements (script, style, xmp, ...) and plaintext, where
    // '&' is literal; true for data and RCDATA (textarea, title).
    bool text_has_references = true;
    std::string_view name;             // tags: lowercase tag name
    const Element* element = nullptr;  // tags: what we know about `name`; null when unknown
    bool self_closing = false;
    std::vector<HtmlAttribute> attributes;  // start tags: the first of duplicate names only
};

// A tag keeps at most this many attributes, so hostile tags cost linear time.
constexpr std::size_t kMaxAttributes = 32;

class HtmlTokenizer {
  public:
    HtmlTokenizer() = default;
    explicit HtmlTokenizer(std::string_view html) : input_(html) {}

    // Starts over on `html`, keeping the buffers grown so far.
    void reset(std::string_view html) {
        input_ = html;
        position_ = 0;
        content_model_ = ContentModel::data;
        raw_text_end_tag_ = {};
    }

    // Reads the next token into `token` (reusing its buffers); false at the end of input.
    bool next(Token& token);

    // The unread input while it is read as ordinary text (the data state, not inside a tag or a
    // RAWTEXT/RCDATA element); empty otherwise. A caller may take a prefix of it that holds no '<'
    // and no '&' and skip_text() it: the tokenizer would have returned it as text.
    std::string_view data_text() const {
        return content_model_ == ContentModel::data
                   ? std::string_view(input_.data() + position_, input_.size() - position_)
                   : std::string_view();
    }
    void skip_text(std::size_t length) { position_ += length; }

  private:
    void read_markup(Token& token);
    bool read_tag(Token& token, bool end_tag);
    void read_attributes(Token& token);
    std::string_view read_attribute_value(std::string* decoded);
    void read_comment(Token& token);
    void read_bogus_comment(Token& token, std::size_t body_start);
    void read_special_text(Token& token);
    void enter_content_model(const Token& token);

    std::string_view input_;
    std::size_t position_ = 0;
    ContentModel content_model_ = ContentModel::data;
    std::string_view raw_text_end_tag_;  // the element whose end tag ends rawtext/rcdata
    // Where names that needed lowercasing and values that held references are rewritten, reused
    // from tag to tag so that most tags cost no allocation.
    std::string tag_name_;
    std::array<std::string, kMaxAttributes> attribute_names_;
    std::array<std::string, kMaxAttributes> attribute_values_;
};

}  // namespace feedagg::feeds::detail
