// sanitize_html: an allow-list sanitizer over our own HTML tokenizer.
//
// Safety does not rest on the tokenizer reading HTML exactly as a browser would. The output is
// re-serialized, never copied: tag and attribute names come from our allow-list tables, every
// attribute value is checked, quoted and escaped, and every text byte is escaped. Whatever the
// tokenizer misreads therefore ends up as escaped text or is dropped; it cannot pass markup through.
// A stack of the open allowed elements keeps the output well-formed (every element closed, void
// elements written as XHTML "<br />") so it is also valid inside XML.

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <vector>

#include "feeds/html.hpp"
#include "feeds/html_elements.hpp"
#include "feeds/html_entities.hpp"
#include "feeds/html_sanitizer_policy.hpp"
#include "feeds/html_tokenizer.hpp"
#include "feeds/xml_escape.hpp"

namespace feedagg::feeds {
namespace {

using detail::Token;
using detail::TokenKind;

// Deeper elements are dropped (their content kept), bounding the work per end tag.
constexpr std::size_t kMaxDepth = 256;

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// HTML5 §13.2.6.4.7: start tags that close an open p ("close a p element").
bool closes_paragraph(std::string_view name) {
    return is_one_of(name, {"blockquote", "details", "div", "dl", "figcaption", "figure", "h1", "h2", "h3",
                            "h4", "h5", "h6", "hr", "ol", "p", "pre", "summary", "table", "ul"});
}

// HTML5 §13.1.2 "special" elements among the allowed ones, where the li/dt/dd search stops.
bool is_special(std::string_view name) {
    return is_one_of(name, {"blockquote", "caption",    "col",    "colgroup", "dd",    "details", "dl",
                            "dt",         "figcaption", "figure", "h1",       "h2",    "h3",      "h4",
                            "h5",         "h6",         "li",     "ol",       "pre",   "summary", "table",
                            "tbody",      "td",         "tfoot",  "th",       "thead", "tr",      "ul"});
}

class Sanitizer {
  public:
    explicit Sanitizer(const SanitizeOptions& options) : options_(options) {}

    std::string run(std::string_view html) {
        out_.reserve(html.size() + html.size() / 8);
        detail::HtmlTokenizer tokenizer(html);
        Token token;
        while (tokenizer.next(token)) {
            if (dropped_.active()) {
                dropped_.feed(token);
                continue;
            }
            switch (token.kind) {
                case TokenKind::text:
                    write_text(token);
                    break;
                case TokenKind::start_tag:
                    start_element(token);
                    break;
                case TokenKind::end_tag:
                    end_element(token.name);
                    break;
                default:
                    break;  // comments and doctypes are dropped
            }
        }
        close_until(0);
        return std::move(out_);
    }

  private:
    void write_text(const Token& token) {
        if (!token.text_has_references || std::memchr(token.text.data(), '&', token.text.size()) == nullptr) {
            detail::append_xml_escaped(token.text, out_);
            return;
        }
        decoded_.clear();
        detail::append_decoded(token.text, detail::ReferenceContext::text, decoded_);
        detail::append_xml_escaped(decoded_, out_);
    }

    void start_element(const Token& tag) {
        const std::string_view name = tag.name;
        if (name == "iframe") {
            // Its content is fallback text browsers never show; the kept frame is written whole.
            if (detail::is_allowed_element(name)) write_start_tag(tag, true);
            dropped_.begin(tag);
            return;
        }
        if (detail::drops_content(name)) {
            dropped_.begin(tag);
            return;
        }
        if (!detail::is_allowed_element(name)) return;
        close_implied_by(name);
        if (detail::is_void_element(name)) {
            write_start_tag(tag, false);
        } else if (open_.size() < kMaxDepth && write_start_tag(tag, false)) {
            open_.push_back(tag.name);
        }
    }

    // Writes the start tag (and for `closed`, its end tag); false when the policy drops it.
    bool write_start_tag(const Token& tag, bool closed) {
        const std::size_t start = out_.size();
        out_.push_back('<');
        out_.append(tag.name);
        if (!detail::append_allowed_attributes(tag, options_, out_)) {
            out_.resize(start);
            return false;
        }
        if (detail::is_void_element(tag.name)) {
            out_.append(" />");
        } else {
            out_.push_back('>');
            if (closed) out_.append("</").append(tag.name).append(">");
        }
        return true;
    }

    void end_element(std::string_view name) {
        if (name == "br") {
            out_.append("<br />");  // HTML5 §13.2.6.4.7 reads </br> as <br>
            return;
        }
        if (const auto index = find_open(name, {})) close_until(*index);
    }

    // Simplified HTML5 implied end tags for the allowed elements.
    void close_implied_by(std::string_view name) {
        if (closes_paragraph(name)) {
            if (const auto p = find_open("p", {"caption", "table", "td", "th"})) close_until(*p);
        }
        if (name == "li") {
            close_special_sibling({"li"});
        } else if (name == "dt" || name == "dd") {
            close_special_sibling({"dt", "dd"});
        } else if (name == "a") {
            if (const auto a = find_open("a", {})) close_until(*a);
        } else if (name == "tr") {
            close_inside_table({"table", "tbody", "thead", "tfoot"});
        } else if (name == "td" || name == "th") {
            close_inside_table({"table", "tbody", "thead", "tfoot", "tr"});
        } else if (is_one_of(name, {"tbody", "thead", "tfoot", "caption", "colgroup"})) {
            close_inside_table({"table"});
        } else if ((name == "rt" || name == "rp") && find_open("ruby", {})) {
            while (!open_.empty() && open_.back() != "ruby") close_until(open_.size() - 1);
        } else if (name.size() == 2 && name[0] == 'h' && !open_.empty() && open_.back().size() == 2 &&
                   open_.back()[0] == 'h' && open_.back()[1] >= '1' && open_.back()[1] <= '6') {
            close_until(open_.size() - 1);
        }
    }

    // HTML5 §13.2.6.4.7 "li"/"dd"/"dt" start tags: close the nearest one of `names` unless a special
    // element (other than div and p) comes first.
    void close_special_sibling(std::initializer_list<std::string_view> names) {
        for (std::size_t i = open_.size(); i-- > 0;) {
            if (is_one_of(open_[i], names)) {
                close_until(i);
                return;
            }
            if (is_special(open_[i])) return;
        }
    }

    // "Clear the stack back to a table context": close what is open inside the innermost table part.
    void close_inside_table(std::initializer_list<std::string_view> context) {
        if (!find_open("table", {})) return;
        while (!open_.empty() && !is_one_of(open_.back(), context)) close_until(open_.size() - 1);
    }

    // Index of the innermost open `name`, unless one of `boundaries` is open inside it.
    std::optional<std::size_t> find_open(std::string_view name,
                                         std::initializer_list<std::string_view> boundaries) {
        for (std::size_t i = open_.size(); i-- > 0;) {
            if (open_[i] == name) return i;
            if (is_one_of(open_[i], boundaries)) return std::nullopt;
        }
        return std::nullopt;
    }

    void close_until(std::size_t index) {
        while (open_.size() > index) {
            out_.append("</").append(open_.back()).append(">");
            open_.pop_back();
        }
    }

    const SanitizeOptions& options_;
    std::string out_;
    std::string decoded_;
    std::vector<std::string> open_;
    detail::DroppedElement dropped_;
};

}  // namespace

std::string sanitize_html(std::string_view html, const SanitizeOptions& options) {
    return Sanitizer(options).run(html);
}

}  // namespace feedagg::feeds
