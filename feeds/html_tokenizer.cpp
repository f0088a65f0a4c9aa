#include "feeds/html_tokenizer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "feeds/html_elements.hpp"
#include "feeds/html_entities.hpp"

namespace feedagg::feeds::detail {
namespace {

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

// What a byte means inside a tag or attribute name.
enum NameByte : std::uint8_t {
    kNameChar,     // part of the name as it is
    kNameRewrite,  // part of the name, but lowercased or (NUL) replaced
    kTagNameEnd,   // whitespace, '/' or '>' end both tag and attribute names
    kEqualsSign,   // ends attribute names only
};

constexpr std::array<std::uint8_t, 256> kNameBytes = [] {
    std::array<std::uint8_t, 256> bytes{};
    for (int c = 'A'; c <= 'Z'; ++c) bytes[c] = kNameRewrite;
    bytes[0] = kNameRewrite;
    for (const char c : {' ', '\t', '\n', '\f', '\r', '/', '>'})
        bytes[static_cast<unsigned char>(c)] = kTagNameEnd;
    bytes['='] = kEqualsSign;
    return bytes;
}();

// Bytes that end an unquoted attribute value (§13.2.5.38).
constexpr std::array<bool, 256> kUnquotedValueEnd = [] {
    std::array<bool, 256> ends{};
    for (const char c : {' ', '\t', '\n', '\f', '\r', '>'}) ends[static_cast<unsigned char>(c)] = true;
    return ends;
}();

// Tag and attribute names: ASCII lowercased, NUL replaced (HTML5 §13.2.5.8, §13.2.5.33), in `buffer`.
std::string_view rewritten_name(std::string_view raw, std::string& buffer) {
    buffer.clear();
    for (const char c : raw) {
        if (c == '\0')
            buffer.append(kReplacementCharacter);
        else
            buffer.push_back(to_lower(c));
    }
    return buffer;
}

// Names that need no rewriting (most) are returned as they are, without a call.
inline std::string_view lowercase_name(std::string_view raw, bool needs_rewrite, std::string& buffer) {
    return needs_rewrite ? rewritten_name(raw, buffer) : raw;
}

std::size_t find_byte(std::string_view text, std::size_t from, char byte) {
    if (from >= text.size()) return std::string_view::npos;
    const void* found = std::memchr(text.data() + from, byte, text.size() - from);
    return found == nullptr ? std::string_view::npos
                            : static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
}

// The quote that ends a quoted attribute value starting at `from` (npos when there is none), and in
// `has_ampersand` whether a '&' comes before it: one scan, 16 bytes per step with SSE2, instead of a
// search for each.
std::size_t find_value_end(std::string_view text, std::size_t from, char quote, bool& has_ampersand) {
    has_ampersand = false;
#if defined(__SSE2__)
    const __m128i quotes = _mm_set1_epi8(quote);
    const __m128i ampersands = _mm_set1_epi8('&');
    for (; from + 16 <= text.size(); from += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
        const auto quote_mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, quotes)));
        const auto ampersand_mask =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, ampersands)));
        if (quote_mask != 0) {
            const unsigned before_quote = (quote_mask & (0u - quote_mask)) - 1;  // bits below the first quote
            has_ampersand |= (ampersand_mask & before_quote) != 0;
            return from + static_cast<std::size_t>(__builtin_ctz(quote_mask));
        }
        has_ampersand |= ampersand_mask != 0;
    }
#endif
    for (; from < text.size(); ++from) {
        if (text[from] == quote) return from;
        has_ampersand |= text[from] == '&';
    }
    return std::string_view::npos;
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
    const std::size_t name_start = position_ + (end_tag ? 2 : 1);
    std::size_t name_end = name_start;
    bool needs_rewrite = false;
    for (; name_end < input_.size(); ++name_end) {
        const std::uint8_t kind = kNameBytes[static_cast<unsigned char>(input_[name_end])];
        if (kind == kTagNameEnd) break;
        needs_rewrite |= kind == kNameRewrite;
    }
    token.name = lowercase_name(input_.substr(name_start, name_end - name_start), needs_rewrite, tag_name_);
    token.element = find_element(token.name);
    token.kind = end_tag ? TokenKind::end_tag : TokenKind::start_tag;
    token.self_closing = false;
    token.attributes.clear();
    position_ = name_end;
    read_attributes(token);
    if (position_ > input_.size()) {
        position_ = input_.size();
        token.kind = TokenKind::end_of_input;
        return false;
    }
    if (end_tag) token.attributes.clear();
    return true;
}

// From the before attribute name state (§13.2.5.32) to the '>' that emits the tag. Sets
// position_ past the end of input when EOF comes first.
void HtmlTokenizer::read_attributes(Token& token) {
    const auto skip_spaces = [&] {
        while (position_ < input_.size() && is_space(input_[position_])) ++position_;
    };
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
        bool needs_rewrite = kNameBytes[static_cast<unsigned char>(c)] == kNameRewrite;
        for (; position_ < input_.size(); ++position_) {
            const std::uint8_t kind = kNameBytes[static_cast<unsigned char>(input_[position_])];
            if (kind >= kTagNameEnd) break;
            needs_rewrite |= kind == kNameRewrite;
        }
        const std::string_view raw_name = input_.substr(name_start, position_ - name_start);

        // Attributes past kMaxAttributes and duplicates (§13.2.5.33: the first one wins) are read
        // and dropped.
        const std::size_t slot = token.attributes.size();
        HtmlAttribute* attribute = nullptr;
        if (slot < kMaxAttributes) {
            const std::string_view name = lowercase_name(raw_name, needs_rewrite, attribute_names_[slot]);
            const bool duplicate =
                std::any_of(token.attributes.begin(), token.attributes.end(),
                            [&](const HtmlAttribute& earlier) { return is_same_name(earlier.name, name); });
            if (!duplicate) attribute = &token.attributes.emplace_back(HtmlAttribute{name, {}});
        }
        skip_spaces();
        if (position_ < input_.size() && input_[position_] == '=') {
            ++position_;
            const std::string_view value =
                read_attribute_value(attribute ? &attribute_values_[slot] : nullptr);
            if (attribute != nullptr) attribute->value = value;
        }
    }
    position_ = input_.size() + 1;
}

// §13.2.5.36-38: quoted and unquoted attribute values. References are decoded into `decoded`
// when the value holds any and is kept (`decoded` not null).
std::string_view HtmlTokenizer::read_attribute_value(std::string* decoded) {
    while (position_ < input_.size() && is_space(input_[position_])) ++position_;
    if (position_ >= input_.size()) return {};
    const char quote = input_[position_];
    std::string_view raw;
    if (quote == '"' || quote == '\'') {
        bool has_ampersand = false;
        const std::size_t close = find_value_end(input_, position_ + 1, quote, has_ampersand);
        if (close == std::string_view::npos) {
            position_ = input_.size();  // EOF in a quoted value: the tag is dropped
            return {};
        }
        raw = input_.substr(position_ + 1, close - position_ - 1);
        position_ = close + 1;
        if (decoded == nullptr || !has_ampersand) return raw;
    } else if (quote == '>') {
        return {};  // missing value: empty, the '>' ends the tag
    } else {
        const std::size_t start = position_;
        while (position_ < input_.size() && !kUnquotedValueEnd[static_cast<unsigned char>(input_[position_])])
            ++position_;
        raw = input_.substr(start, position_ - start);
    }
    if (decoded == nullptr || std::memchr(raw.data(), '&', raw.size()) == nullptr) return raw;
    decoded->clear();
    append_decoded(raw, ReferenceContext::attribute_value, *decoded);
    return *decoded;
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
    if (content_model_ != ContentModel::data) raw_text_end_tag_ = token.element->name;
}

}  // namespace feedagg::feeds::detail
