// CSS selectors translated to XPath 1.0, so pugixml runs both kinds (Selectors Level 3 for the
// grammar and the meaning of each pseudo-class; the translation of each is the usual one).

#include <cctype>
#include <optional>

#include "feeds/detail/ascii.hpp"
#include "feeds/html_selector.hpp"

namespace feedagg::feeds::detail {
namespace {

// XPath 1.0 has no escapes in string literals: a value holding both quote kinds becomes concat().
std::string quoted_with(char quote, std::string_view value) {
    std::string literal(1, quote);
    literal.append(value);
    literal += quote;
    return literal;
}

std::string xpath_literal(std::string_view value) {
    if (value.find('\'') == std::string_view::npos) return quoted_with('\'', value);
    if (value.find('"') == std::string_view::npos) return quoted_with('"', value);
    std::string joined = "concat(";
    std::size_t from = 0;
    for (std::size_t quote = value.find('\''); quote != std::string_view::npos;
         quote = value.find('\'', from)) {
        joined += quoted_with('\'', value.substr(from, quote - from));
        joined += ", \"'\", ";
        from = quote + 1;
    }
    joined += quoted_with('\'', value.substr(from));
    joined += ')';
    return joined;
}

struct Step {
    std::string name = "*";
    std::string predicates;  // "[...][...]"
};

// a·n + b
struct Formula {
    long a = 0;
    long b = 0;
};

class CssParser {
  public:
    explicit CssParser(std::string_view css) : css_(css) {}

    Result<TranslatedCss> translate() {
        TranslatedCss translated;
        std::string union_of_paths;
        while (true) {
            std::optional<std::string> path = parse_complex_selector();
            if (!path) return failure();
            union_of_paths += union_of_paths.empty() ? *path : " | " + *path;
            skip_spaces();
            if (at_end()) break;
            if (peek() == ',') {
                ++at_;
                continue;
            }
            if (css_.substr(at_, 2) == "::") {
                if (!parse_pseudo_element(translated)) return failure();
                skip_spaces();
                if (!at_end()) return fail("nothing may follow a pseudo-element"), failure();
                break;
            }
            return fail("unexpected character"), failure();
        }
        translated.xpath = std::move(union_of_paths);
        return translated;
    }

  private:
    std::string_view css_;
    std::size_t at_ = 0;
    std::string error_;

    bool at_end() const { return at_ >= css_.size(); }
    char peek() const { return at_end() ? '\0' : css_[at_]; }
    void skip_spaces() {
        while (!at_end() && std::isspace(static_cast<unsigned char>(peek()))) ++at_;
    }
    void fail(std::string_view why) {
        if (error_.empty()) error_ = std::string(why) + " at column " + std::to_string(at_ + 1);
    }
    Error failure() const {
        return Error{"CSS selector \"" + std::string(css_) + "\": " + (error_.empty() ? "is empty" : error_)};
    }

    static bool is_identifier_character(char c) {
        const auto byte = static_cast<unsigned char>(c);
        return std::isalnum(byte) || c == '-' || c == '_' || byte >= 0x80;
    }

    std::string parse_identifier() {
        std::string identifier;
        while (!at_end()) {
            if (peek() == '\\' && at_ + 1 < css_.size()) {
                identifier += css_[at_ + 1];
                at_ += 2;
            } else if (is_identifier_character(peek())) {
                identifier += css_[at_++];
            } else {
                break;
            }
        }
        return identifier;
    }

    std::optional<std::string> parse_string_or_identifier() {
        skip_spaces();
        if (peek() == '"' || peek() == '\'') {
            const char quote = css_[at_++];
            const std::size_t end = css_.find(quote, at_);
            if (end == std::string_view::npos) return fail("unterminated string"), std::nullopt;
            std::string value(css_.substr(at_, end - at_));
            at_ = end + 1;
            return value;
        }
        std::string value = parse_identifier();
        if (value.empty()) return fail("expected a string or a name"), std::nullopt;
        return value;
    }

    bool expect(char c) {
        skip_spaces();
        if (peek() != c) return fail(std::string("expected '") + c + "'"), false;
        ++at_;
        return true;
    }

    // Complex selector: compounds joined by combinators, as one location path from the context.
    std::optional<std::string> parse_complex_selector() {
        skip_spaces();
        std::string path;
        std::string axis = "descendant::";
        while (true) {
            std::optional<Step> step = parse_compound();
            if (!step) return std::nullopt;
            if (!path.empty()) path += '/';
            if (axis == "adjacent") {
                path += "following-sibling::*[1]";
                if (step->name != "*") path += "[self::" + step->name + "]";
                path += step->predicates;
            } else {
                path += axis + step->name + step->predicates;
            }
            const std::size_t before_spaces = at_;
            skip_spaces();
            if (at_end() || peek() == ',' || css_.substr(at_, 2) == "::") return path;
            switch (peek()) {
                case '>': axis = "child::", ++at_; break;
                case '+': axis = "adjacent", ++at_; break;
                case '~': axis = "following-sibling::", ++at_; break;
                default:
                    if (at_ == before_spaces) return fail("unexpected character"), std::nullopt;
                    axis = "descendant::";
            }
            skip_spaces();
        }
    }

    std::optional<Step> parse_compound() {
        Step step;
        bool has_anything = false;
        if (peek() == '*') {
            ++at_;
            has_anything = true;
        } else if (is_identifier_character(peek())) {
            step.name = ascii_lower(parse_identifier());
            has_anything = true;
        }
        while (!at_end()) {
            const char c = peek();
            if (c == '.') {
                ++at_;
                const std::string name = parse_identifier();
                if (name.empty()) return fail("expected a class name"), std::nullopt;
                step.predicates += "[contains(concat(' ', normalize-space(@class), ' '), " +
                                   xpath_literal(" " + name + " ") + ")]";
            } else if (c == '#') {
                ++at_;
                const std::string id = parse_identifier();
                if (id.empty()) return fail("expected an id"), std::nullopt;
                step.predicates += "[@id = " + xpath_literal(id) + "]";
            } else if (c == '[') {
                ++at_;
                std::optional<std::string> test = parse_attribute_test();
                if (!test) return std::nullopt;
                step.predicates += "[" + *test + "]";
            } else if (c == ':' && css_.substr(at_, 2) != "::") {
                ++at_;
                std::optional<std::string> test = parse_pseudo_class(step.name);
                if (!test) return std::nullopt;
                step.predicates += "[" + *test + "]";
            } else {
                break;
            }
            has_anything = true;
        }
        if (!has_anything) return fail("expected a selector"), std::nullopt;
        return step;
    }

    std::optional<std::string> parse_attribute_test() {
        skip_spaces();
        const std::string name = ascii_lower(parse_identifier());
        if (name.empty()) return fail("expected an attribute name"), std::nullopt;
        const std::string attribute = "@" + name;
        skip_spaces();
        if (peek() == ']') {
            ++at_;
            return attribute;
        }
        std::string op;
        if (peek() != '=') op = css_[at_++];
        if (peek() != '=') return fail("expected an attribute operator"), std::nullopt;
        ++at_;
        std::optional<std::string> value = parse_string_or_identifier();
        if (!value || !expect(']')) return std::nullopt;
        const std::string literal = xpath_literal(*value);
        if (op.empty()) return attribute + " = " + literal;
        if (op == "^") return "starts-with(" + attribute + ", " + literal + ")";
        if (op == "*") return "contains(" + attribute + ", " + literal + ")";
        if (op == "$")
            return "substring(" + attribute + ", string-length(" + attribute + ") - " +
                   std::to_string(value->size()) + " + 1) = " + literal;
        if (op == "~")
            return "contains(concat(' ', normalize-space(" + attribute + "), ' '), " +
                   xpath_literal(" " + *value + " ") + ")";
        if (op == "|")
            return attribute + " = " + literal + " or starts-with(" + attribute + ", " +
                   xpath_literal(*value + "-") + ")";
        return fail("unknown attribute operator"), std::nullopt;
    }

    std::optional<Formula> parse_formula() {
        skip_spaces();
        const std::size_t end = css_.find(')', at_);
        if (end == std::string_view::npos) return fail("expected ')'"), std::nullopt;
        std::string text;
        for (char c : css_.substr(at_, end - at_))
            if (!std::isspace(static_cast<unsigned char>(c))) text += static_cast<char>(std::tolower(c));
        at_ = end + 1;
        if (text == "odd") return Formula{2, 1};
        if (text == "even") return Formula{2, 0};
        const auto read_number = [](std::string_view digits, long& into) {
            if (digits.empty() || digits.size() > 6) return false;
            into = 0;
            for (char c : digits) {
                if (!std::isdigit(static_cast<unsigned char>(c))) return false;
                into = into * 10 + (c - '0');
            }
            return true;
        };
        Formula formula;
        const std::size_t n = text.find('n');
        std::string_view b_part = text;
        if (n != std::string::npos) {
            std::string_view a_part = std::string_view(text).substr(0, n);
            long sign = 1;
            if (!a_part.empty() && (a_part[0] == '-' || a_part[0] == '+')) {
                sign = a_part[0] == '-' ? -1 : 1;
                a_part.remove_prefix(1);
            }
            if (a_part.empty()) {
                formula.a = sign;
            } else if (read_number(a_part, formula.a)) {
                formula.a *= sign;
            } else {
                return fail("bad an+b expression"), std::nullopt;
            }
            b_part = std::string_view(text).substr(n + 1);
            if (b_part.empty()) return formula;
        }
        long sign = 1;
        if (!b_part.empty() && (b_part[0] == '-' || b_part[0] == '+')) {
            sign = b_part[0] == '-' ? -1 : 1;
            b_part.remove_prefix(1);
        }
        if (!read_number(b_part, formula.b)) return fail("bad an+b expression"), std::nullopt;
        formula.b *= sign;
        return formula;
    }

    // Selectors Level 3 §6.6.5.2: the element is the (a·n + b)-th for some n ≥ 0.
    static std::string position_test(const std::string& siblings, const Formula& formula) {
        const std::string position = "(count(" + siblings + ") + 1)";
        if (formula.a == 0) return position + " = " + std::to_string(formula.b);
        const std::string offset = "(" + position + " - " + std::to_string(formula.b) + ")";
        const std::string direction = formula.a > 0 ? " >= 0" : " <= 0";
        return offset + direction + " and " + offset + " mod " +
               std::to_string(formula.a < 0 ? -formula.a : formula.a) + " = 0";
    }

    std::optional<std::string> parse_pseudo_class(const std::string& element_name) {
        const std::string name = ascii_lower(parse_identifier());
        const std::string preceding = "preceding-sibling::*";
        const std::string following = "following-sibling::*";
        const std::string preceding_of_type = "preceding-sibling::" + element_name;
        const std::string following_of_type = "following-sibling::" + element_name;
        if (name == "first-child") return "not(" + preceding + ")";
        if (name == "last-child") return "not(" + following + ")";
        if (name == "only-child") return "not(" + preceding + ") and not(" + following + ")";
        if (name == "first-of-type") return "not(" + preceding_of_type + ")";
        if (name == "last-of-type") return "not(" + following_of_type + ")";
        if (name == "empty") return std::string("not(*) and not(text())");
        if (peek() != '(') return fail("unknown pseudo-class \":" + name + "\""), std::nullopt;
        ++at_;
        if (name == "nth-child" || name == "nth-last-child" || name == "nth-of-type" ||
            name == "nth-last-of-type") {
            std::optional<Formula> formula = parse_formula();
            if (!formula) return std::nullopt;
            const bool of_type = name.ends_with("of-type");
            const bool from_end = name.starts_with("nth-last");
            const std::string& siblings = from_end ? (of_type ? following_of_type : following)
                                                   : (of_type ? preceding_of_type : preceding);
            return position_test(siblings, *formula);
        }
        if (name == "contains") {
            std::optional<std::string> text = parse_string_or_identifier();
            if (!text || !expect(')')) return std::nullopt;
            return "contains(string(.), " + xpath_literal(*text) + ")";
        }
        if (name == "not") {
            skip_spaces();
            std::optional<Step> negated = parse_compound();
            if (!negated || !expect(')')) return std::nullopt;
            return "not(self::" + negated->name + negated->predicates + ")";
        }
        return fail("unknown pseudo-class \":" + name + "()\""), std::nullopt;
    }

    bool parse_pseudo_element(TranslatedCss& translated) {
        at_ += 2;
        const std::string name = ascii_lower(parse_identifier());
        if (name == "text") {
            translated.wants_text = true;
            return true;
        }
        if (name != "attr" || !expect('('))
            return fail("unknown pseudo-element (use ::attr(name) or ::text)"), false;
        skip_spaces();
        translated.attribute = ascii_lower(parse_identifier());
        if (translated.attribute.empty()) return fail("expected an attribute name"), false;
        return expect(')');
    }
};

}  // namespace

Result<TranslatedCss> css_to_xpath(std::string_view css) {
    return CssParser(css).translate();
}

}  // namespace feedagg::feeds::detail
