#include "feeds/html_tokenizer.hpp"

#include <algorithm>
#include <cstring>

#include "feeds/html_elements.hpp"
#include "feeds/html_entities.hpp"

namespace feedagg::feeds::detail {
namespace {

// A tag keeps at most this many attributes, so hostile tags cost linear time.
constexpr std::size_t kMaxAttributes = 32;

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// HTML5 ASCII whitespace as the tokenizer sees it (CR is normalized away before tokenizing).
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

char to_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (to_lower(text[i]) != prefix[i]) return false;
    return true;
}

// Tag and attribute names: ASCII lowercased, NUL replaced (HTML5 §13.2.5.8, §13.2.5.33).
void assign_name(std::string_view raw, std::string& name) {
    name.assign(raw);
    bool has_nul = false;
    for (char& c : name) {
        c = to_lower(c);
        has_nul |= c == '\0';
    }
    if (!has_nul) return;
    std::string replaced;
    for (const char c : name) {
        if (c == '\0')
            replaced.append(kReplacementCharacter);
        else
            replaced.push_back(c);
    }
    name = std::move(replaced);
}

std::size_t find_byte(std::string_view text, std::size_t from, char byte) {
    if (from >= text.size()) return std::string_view::npos;
    const void* found = std::memchr(text.data() + from, byte, text.size() - from);
    return found == nullptr ? std::string_view::npos
                            : static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
}

}  // namespace

bool HtmlTokenizer::next(Token& token) {
    token.element = nullptr;
    while (position_ < input_.size()) {
        if (content_model_ != ContentModel::data) {
            read_special_text(token);
            if (!token.text.empty()) return true;
            continue;
        }
        if (input_[position_] != '<') {
            const std::size_t end = std::min(find_byte(input_, position_, '<'), input_.size());
            token.kind = TokenKind::text;
            token.text = input_.substr(position_, end - position_);
            token.text_has_references = true;
            position_ = end;
            return true;
        }
        token.kind = TokenKind::end_of_input;
        read_markup(token);
        if (token.kind != TokenKind::end_of_input) return true;
    }
    token.kind = TokenKind::end_of_input;
    token.text = {};
    return false;
}

// HTML5 §13.2.5.6 tag open state and §13.2.5.42 markup declaration open state. Leaves
// token.kind at end_of_input when the markup produced no token ("</>", a tag cut off by EOF).
void HtmlTokenizer::read_markup(Token& token) {
    const std::string_view rest = input_.substr(position_);
    const char next = rest.size() > 1 ? rest[1] : '\0';
    if (is_ascii_alpha(next)) {
        if (read_tag(token, false)) enter_content_model(token);
    } else if (next == '/' && rest.size() > 2 && is_ascii_alpha(rest[2])) {
        read_tag(token, true);
    } else if (next == '/' && rest.size() > 2 && rest[2] == '>') {
        position_ += 3;  // "</>" is dropped
    } else if (next == '/' && rest.size() > 2) {
        read_bogus_comment(token, position_ + 2);
    } else if (next == '!' && rest.substr(2, 2) == "--") {
        read_comment(token);
    } else if (next == '!' && starts_with_ignoring_case(rest.substr(2), "doctype")) {
        read_bogus_comment(token, position_ + 9);
        token.kind = TokenKind::doctype;
    } else if (next == '!' || next == '?') {
        // "<!x", "<![CDATA[" outside foreign content and "<?x" are bogus comments.
        read_bogus_comment(token, position_ + (next == '!' ? 2 : 1));
    } else {
        // A '<' that opens nothing is text, up to the next '<'.
        const std::size_t end = std::min(find_byte(input_, position_ + 1, '<'), input_.size());
        token.kind = TokenKind::text;
        token.text = input_.substr(position_, end - position_);
        token.text_has_references = true;
        position_ = end;
    }
}

// HTML5 §13.2.5.8 tag name state onwards. An EOF inside a tag drops the tag (§13.2.5.32).
bool HtmlTokenizer::read_tag(Token& token, bool end_tag) {
    std::size_t name_start = position_ + (end_tag ? 2 : 1);
    std::size_t name_end = name_start;
    while (name_end < input_.size() && !is_space(input_[name_end]) && input_[name_end] != '/' &&
           input_[name_end] != '>')
        ++name_end;
    assign_name(input_.substr(name_start, name_end - name_start), token.name);
    token.element = find_element(token.name);
    token.kind = end_tag ? TokenKind::end_tag : TokenKind::start_tag;
    token.self_closing = false;
    recycle_attributes(token);
    position_ = name_end;
    read_attributes(token);
    if (position_ > input_.size()) {
        position_ = input_.size();
        token.kind = TokenKind::end_of_input;
        return false;
    }
    if (end_tag) recycle_attributes(token);
    return true;
}

void HtmlTokenizer::recycle_attributes(Token& token) {
    for (HtmlAttribute& attribute : token.attributes) spare_attributes_.push_back(std::move(attribute));
    token.attributes.clear();
}

// From the before attribute name state (§13.2.5.32) to the '>' that emits the tag. Sets
// position_ past the end of input when EOF comes first.
void HtmlTokenizer::read_attributes(Token& token) {
    const auto skip_spaces = [&] {
        while (position_ < input_.size() && is_space(input_[position_])) ++position_;
    };
    HtmlAttribute discarded;
    for (;;) {
        skip_spaces();
        if (position_ >= input_.size()) break;
        const char c = input_[position_];
        if (c == '>') {
            ++position_;
            return;
        }
        if (c == '/') {
            ++position_;
            if (position_ < input_.size() && input_[position_] == '>') {
                token.self_closing = true;
                ++position_;
                return;
            }
            continue;
        }
        // §13.2.5.33: a leading '=' belongs to the name.
        const std::size_t name_start = position_++;
        while (position_ < input_.size() && !is_space(input_[position_]) && input_[position_] != '/' &&
               input_[position_] != '>' && input_[position_] != '=')
            ++position_;
        std::string_view raw_name = input_.substr(name_start, position_ - name_start);

        HtmlAttribute* attribute = &discarded;
        if (token.attributes.size() < kMaxAttributes) {
            if (spare_attributes_.empty()) {
                attribute = &token.attributes.emplace_back();
            } else {
                attribute = &token.attributes.emplace_back(std::move(spare_attributes_.back()));
                spare_attributes_.pop_back();
                attribute->value.clear();
            }
            assign_name(raw_name, attribute->name);
            // §13.2.5.33: a duplicate attribute is dropped; the first one wins.
            for (std::size_t i = 0; i + 1 < token.attributes.size(); ++i) {
                if (token.attributes[i].name == attribute->name) {
                    spare_attributes_.push_back(std::move(token.attributes.back()));
                    token.attributes.pop_back();
                    attribute = &discarded;
                    break;
                }
            }
        }
        skip_spaces();
        if (position_ < input_.size() && input_[position_] == '=') {
            ++position_;
            read_attribute_value(*attribute);
        }
    }
    position_ = input_.size() + 1;
}

// §13.2.5.36-38: quoted and unquoted attribute values.
void HtmlTokenizer::read_attribute_value(HtmlAttribute& attribute) {
    while (position_ < input_.size() && is_space(input_[position_])) ++position_;
    if (position_ >= input_.size()) return;
    const char quote = input_[position_];
    std::string_view raw;
    if (quote == '"' || quote == '\'') {
        const std::size_t close = find_byte(input_, position_ + 1, quote);
        if (close == std::string_view::npos) {
            position_ = input_.size();  // EOF in a quoted value: the tag is dropped
            return;
        }
        raw = input_.substr(position_ + 1, close - position_ - 1);
        position_ = close + 1;
    } else if (quote == '>') {
        return;  // missing value: empty, the '>' ends the tag
    } else {
        const std::size_t start = position_;
        while (position_ < input_.size() && !is_space(input_[position_]) && input_[position_] != '>')
            ++position_;
        raw = input_.substr(start, position_ - start);
    }
    attribute.value.clear();
    append_decoded(raw, ReferenceContext::attribute_value, attribute.value);
}

// §13.2.5.43-52: "<!-->" and "<!--->" are empty comments; "--!>" also closes; EOF ends the comment.
void HtmlTokenizer::read_comment(Token& token) {
    const std::size_t body_start = position_ + 4;
    token.kind = TokenKind::comment;
    const std::string_view rest = input_.substr(body_start);
    if (rest.substr(0, 1) == ">" || rest.substr(0, 2) == "->") {
        token.text = {};
        position_ = body_start + (rest[0] == '>' ? 1 : 2);
        return;
    }
    for (std::size_t dashes = rest.find("--"); dashes != std::string_view::npos;
         dashes = rest.find("--", dashes + 1)) {
        const std::string_view after = rest.substr(dashes + 2);
        if (after.substr(0, 1) == ">" || after.substr(0, 2) == "!>") {
            token.text = rest.substr(0, dashes);
            position_ = body_start + dashes + 2 + (after[0] == '>' ? 1 : 2);
            return;
        }
    }
    token.text = rest;
    position_ = input_.size();
}

// §13.2.5.41 bogus comment state: up to the first '>' or EOF.
void HtmlTokenizer::read_bogus_comment(Token& token, std::size_t body_start) {
    body_start = std::min(body_start, input_.size());
    const std::size_t close = find_byte(input_, body_start, '>');
    const std::size_t body_end = close == std::string_view::npos ? input_.size() : close;
    token.kind = TokenKind::comment;
    token.text = input_.substr(body_start, body_end - body_start);
    position_ = close == std::string_view::npos ? input_.size() : close + 1;
}

// RAWTEXT, RCDATA (§13.2.5.2-3) and PLAINTEXT (§13.2.5.5): text up to the matching end tag
// ("</name" followed by whitespace, '/' or '>'), which is then read as an ordinary end tag.
void HtmlTokenizer::read_special_text(Token& token) {
    token.kind = TokenKind::text;
    token.text_has_references = content_model_ == ContentModel::rcdata;
    const std::size_t start = position_;
    std::size_t end = input_.size();
    if (content_model_ != ContentModel::plaintext) {
        for (std::size_t open = find_byte(input_, start, '<'); open != std::string_view::npos;
             open = find_byte(input_, open + 1, '<')) {
            const std::size_t after_name = open + 2 + raw_text_end_tag_.size();
            if (after_name < input_.size() && input_[open + 1] == '/' &&
                starts_with_ignoring_case(input_.substr(open + 2), raw_text_end_tag_) &&
                (is_space(input_[after_name]) || input_[after_name] == '/' || input_[after_name] == '>')) {
                end = open;
                break;
            }
        }
        content_model_ = ContentModel::data;
    }
    token.text = input_.substr(start, end - start);
    position_ = end;
}

void HtmlTokenizer::enter_content_model(const Token& token) {
    if (token.element == nullptr) return;
    content_model_ = token.element->content_model;
    if (content_model_ != ContentModel::data) raw_text_end_tag_ = token.name;
}

}  // namespace feedagg::feeds::detail
