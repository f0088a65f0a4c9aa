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
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

#include "feeds/detail/xhtml_sanitizer.hpp"
#include "feeds/html.hpp"
#include "feeds/html_elements.hpp"
#include "feeds/html_entities.hpp"
#include "feeds/html_sanitizer_policy.hpp"
#include "feeds/html_tokenizer.hpp"
#include "feeds/url_resolver.hpp"
#include "feeds/xml_escape.hpp"

namespace feedagg::feeds {
namespace {

using detail::Element;
using detail::Token;
using detail::TokenKind;

// Deeper elements are dropped (their content kept), bounding the work per end tag.
constexpr std::size_t kMaxDepth = 256;

// Past this input size a thread's reused buffers are freed after the run.
constexpr std::size_t kLargeInput = 1 << 20;

const Element& element(std::string_view name) {
    return *detail::find_element(name);
}

// The elements the implied-end-tag rules name, looked up once.
struct Elements {
    const Element& a = element("a");
    const Element& caption = element("caption");
    const Element& colgroup = element("colgroup");
    const Element& dd = element("dd");
    const Element& dt = element("dt");
    const Element& iframe = element("iframe");
    const Element& li = element("li");
    const Element& p = element("p");
    const Element& rp = element("rp");
    const Element& rt = element("rt");
    const Element& ruby = element("ruby");
    const Element& table = element("table");
    const Element& tbody = element("tbody");
    const Element& td = element("td");
    const Element& tfoot = element("tfoot");
    const Element& th = element("th");
    const Element& thead = element("thead");
    const Element& tr = element("tr");
    // is_allowed_element for every known element, asked without a call per tag.
    const std::array<bool, detail::kKnownElementCount> allowed = [] {
        std::array<bool, detail::kKnownElementCount> allowed{};
        for (std::size_t i = 0; i < allowed.size(); ++i)
            allowed[i] = detail::is_allowed_element(detail::kKnownElements[i]);
        return allowed;
    }();

    bool allows(const Element& element) const { return allowed[detail::element_index(element)]; }
};

const Elements& elements() {
    static const Elements known;
    return known;
}

bool is_heading(const Element& element) {
    const std::string_view name = element.name;
    return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

// What a run needs besides its input and output. Kept per thread from call to call, so that
// sanitizing an entry allocates little more than its output; the resolver is kept while the base
// stays the same (an entry's summary and content), so the base is read once for both.
struct Workspace {
    detail::HtmlTokenizer tokenizer;
    Token token;
    detail::AttributeBuffers attribute_buffers;
    std::string decoded;
    std::vector<const Element*> open;
    std::array<std::string, detail::kMaxAttributes + 1> tree_names;
    std::array<std::string, detail::kMaxAttributes> tree_values;
    std::optional<detail::UrlResolver> resolver;

    const detail::UrlResolver& resolver_for(const std::string& base) {
        if (!resolver || resolver->base_text() != base) resolver.emplace(base);
        return *resolver;
    }
};

class Sanitizer {
  public:
    Sanitizer(const SanitizeOptions& options, Workspace& workspace)
        : options_(options),
          valid_utf8_(options.input_is_valid_utf8),
          resolver_(workspace.resolver_for(options.base_url)),
          tokenizer_(workspace.tokenizer),
          token_(workspace.token),
          attribute_buffers_(workspace.attribute_buffers),
          decoded_(workspace.decoded),
          open_(workspace.open),
          tree_names_(workspace.tree_names),
          tree_values_(workspace.tree_values),
          known_(elements()) {
        open_.clear();
    }

    std::string run(std::string_view html) {
        out_.reserve(html.size() + html.size() / 8);
        detail::HtmlTokenizer& tokenizer = tokenizer_;
        tokenizer.reset(html);
        Token& token = token_;
        for (;;) {
            const std::string_view text = tokenizer.data_text();
            // A third of the scans would start at a tag that follows a tag: those are not started.
            if (valid_utf8_ && !dropped_.active() && !text.starts_with('<')) {
                // Most text between tags needs no escaping: it is found and copied in one scan, where the
                // tokenizer's search for '<' and escaping would each scan it once.
                const std::size_t plain = detail::plain_valid_utf8_length(text);
                out_.append(text.data(), plain);
                tokenizer.skip_text(plain);
            }
            if (!dropped_.active() && take_plain_tag(tokenizer)) continue;
            if (!tokenizer.next(token)) break;
            feed(token);
        }
        close_until(0);
        return std::move(out_);
    }

    // The tokens the tokenizer would read from inner_markup(container), made from the nodes: text
    // nodes hold no references, and names are lowercased as the tokenizer would.
    std::optional<std::string> run_tree(pugi::xml_node container, std::size_t size_hint) {
        out_.reserve(size_hint);
        pugi::xml_node node = container.first_child();
        while (node) {
            const pugi::xml_node_type type = node.type();
            if (type == pugi::node_pcdata || type == pugi::node_cdata) {
                if (!dropped_.active()) detail::append_xml_escaped(node.value(), valid_utf8_, out_);
            } else if (type == pugi::node_element) {
                if (!feed_element(node, TokenKind::start_tag)) return std::nullopt;
                if (const pugi::xml_node child = node.first_child()) {
                    node = child;
                    continue;
                }
                feed_element(node, TokenKind::end_tag);
            }
            pugi::xml_node next = node.next_sibling();
            while (!next) {
                node = node.parent();
                if (node == container) {
                    close_until(0);
                    return std::move(out_);
                }
                feed_element(node, TokenKind::end_tag);
                next = node.next_sibling();
            }
            node = next;
        }
        close_until(0);
        return std::move(out_);
    }

  private:
    // Most tags are "</name>" closing the innermost open element or "<name>" without attributes.
    // Such a tag at the start of the tokenizer's text is taken here, with the effect the tokenizer
    // and feed() would give it, but without tokenizing it; false for any other input.
    bool take_plain_tag(detail::HtmlTokenizer& tokenizer) {
        const std::string_view text = tokenizer.data_text();
        if (text.size() < 3 || text[0] != '<') return false;
        if (text[1] == '/') {
            if (open_.empty()) return false;
            const std::string_view name = open_.back()->name;
            const std::size_t length = name.size() + 3;
            if (text.size() < length || text[length - 1] != '>' ||
                !detail::is_same_name(text.substr(2, name.size()), name))
                return false;
            out_.append(text.data(), length);
            tokenizer.skip_text(length);
            pop_open();
            return true;
        }
        std::size_t name_end = 1;
        while (name_end < text.size() && name_end <= detail::kLongestElementName &&
               is_lowercase_name_byte(text[name_end]))
            ++name_end;
        if (name_end == 1 || !(text[1] >= 'a' && text[1] <= 'z') || name_end == text.size() ||
            text[name_end] != '>')
            return false;
        Token& tag = token_;
        tag.name = text.substr(1, name_end - 1);
        tag.element = detail::find_element(tag.name);
        // RAWTEXT and RCDATA elements switch the tokenizer to another state: left to it.
        if (tag.element != nullptr && tag.element->content_model != detail::ContentModel::data) return false;
        tokenizer.skip_text(name_end + 1);
        if (tag.element == nullptr) return true;  // unknown elements are dropped
        tag.kind = TokenKind::start_tag;
        tag.self_closing = false;
        tag.attributes.clear();
        start_element(tag, *tag.element);
        return true;
    }

    static bool is_lowercase_name_byte(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

    void feed(const Token& token) {
        if (dropped_.active()) {
            dropped_.feed(token);
            return;
        }
        switch (token.kind) {
            case TokenKind::text: write_text(token); break;
            case TokenKind::start_tag:
                if (token.element != nullptr) start_element(token, *token.element);
                break;
            case TokenKind::end_tag:
                if (token.element != nullptr) end_element(*token.element);
                break;
            default: break;  // comments and doctypes are dropped
        }
    }

    // A tag of `element` as the tokenizer would read it from inner_markup's "<local-name
    // name="value" ...>"; false when the tokenizer would read something else there.
    bool feed_element(pugi::xml_node element, TokenKind kind) {
        Token& token = token_;
        const std::string_view name = local_name_of(element.name());
        // "<1x" or "<" alone would be text to the tokenizer.
        if (name.empty() || !is_ascii_letter(name.front())) return false;
        token.kind = kind;
        token.name = lowercase(name, tree_names_[0]);
        if (kind == TokenKind::end_tag && !dropped_.active() && !open_.empty() &&
            detail::is_same_name(token.name, open_.back()->name)) {
            close_until(open_.size() - 1);  // what end_element does for the innermost open element
            return true;
        }
        token.element = detail::find_element(token.name);
        // inner_markup writes no end tag for void elements.
        if (kind == TokenKind::end_tag && token.element != nullptr && token.element->has(detail::kVoid))
            return true;
        token.self_closing = false;
        token.attributes.clear();
        // The tokenizer reads the content of <script>, <style>, <textarea> and the like as text up
        // to the first end tag of that name, dropped or not: the tree agrees unless an element of
        // that name is inside. <plaintext> and <xmp> would be kept and read as text.
        if (kind == TokenKind::start_tag && token.element != nullptr &&
            token.element->content_model != detail::ContentModel::data &&
            (!token.element->has(detail::kDropsContent) || holds_element_named(element, token.name)))
            return false;
        if (kind == TokenKind::start_tag) {
            for (pugi::xml_attribute attribute = element.first_attribute();
                 attribute && token.attributes.size() < detail::kMaxAttributes;
                 attribute = attribute.next_attribute()) {
                const std::string_view attribute_name =
                    lowercase(attribute.name(), tree_names_[token.attributes.size() + 1]);
                // HTML5 §13.2.5.33: of duplicate names, the first one counts.
                const bool duplicate = std::any_of(
                    token.attributes.begin(), token.attributes.end(),
                    [&](const detail::HtmlAttribute& earlier) { return earlier.name == attribute_name; });
                if (!duplicate)
                    token.attributes.push_back(
                        {attribute_name,
                         as_escaped(attribute.value(), tree_values_[token.attributes.size()])});
            }
        }
        feed(token);
        return true;
    }

    // The name after its prefix's colon ("xhtml:p" is "p"). Names are a few bytes long: one loop finds
    // the colon and the end, where strlen and a search for ':' would be two calls.
    static std::string_view local_name_of(const char* name) {
        const char* local = name;
        const char* end = name;
        for (; *end != '\0'; ++end)
            if (*end == ':' && local == name) local = end + 1;
        return {local, static_cast<std::size_t>(end - local)};
    }

    // `value` without what escaping it for the markup drops (controls but tab, LF and CR, DEL,
    // U+FFFE and U+FFFF), as the tokenizer would read it back; `value` itself when it has none.
    static std::string_view as_escaped(std::string_view value, std::string& buffer) {
        const auto dropped_at = [&](std::size_t at) -> std::size_t {
            const auto byte = static_cast<unsigned char>(value[at]);
            if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) return 1;
            if (byte == 0xEF && at + 2 < value.size() && static_cast<unsigned char>(value[at + 1]) == 0xBF &&
                static_cast<unsigned char>(value[at + 2]) >= 0xBE)
                return 3;
            return 0;
        };
        // The valid UTF-8 scan stops at every byte dropped_at drops, and at a few more (such as '&').
        std::size_t at = detail::plain_valid_utf8_length(value);
        while (at < value.size() && dropped_at(at) == 0)
            at += 1 + detail::plain_valid_utf8_length(value.substr(at + 1));
        if (at == value.size()) return value;
        buffer.assign(value.substr(0, at));
        while (at < value.size()) {
            if (const std::size_t dropped = dropped_at(at)) {
                at += dropped;
            } else {
                buffer.push_back(value[at]);
                ++at;
            }
        }
        return buffer;
    }

    // True when an element inside `element` has the local name `name`, ignoring ASCII case.
    static bool holds_element_named(pugi::xml_node element, std::string_view name) {
        const auto same_name = [&](std::string_view other) {
            if (const auto colon = other.find(':'); colon != std::string_view::npos)
                other.remove_prefix(colon + 1);
            if (other.size() != name.size()) return false;
            for (std::size_t i = 0; i < name.size(); ++i) {
                const char c =
                    other[i] >= 'A' && other[i] <= 'Z' ? static_cast<char>(other[i] + ('a' - 'A')) : other[i];
                if (c != name[i]) return false;
            }
            return true;
        };
        pugi::xml_node node = element.first_child();
        while (node) {
            if (node.type() == pugi::node_element && same_name(node.name())) return true;
            if (const pugi::xml_node child = node.first_child()) {
                node = child;
                continue;
            }
            while (!node.next_sibling()) {
                node = node.parent();
                if (node == element) return false;
            }
            node = node.next_sibling();
        }
        return false;
    }

    static bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    // `name` with ASCII letters lowercased, viewing `name` itself when it has no capital (most).
    static std::string_view lowercase(std::string_view name, std::string& buffer) {
        if (std::none_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return name;
        buffer.assign(name);
        for (char& c : buffer)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
        return buffer;
    }

    // References are decoded where they are met, and what they stand for is escaped like the text.
    void write_text(const Token& token) {
        std::string_view text = token.text;
        if (!token.text_has_references) {
            detail::append_xml_escaped(text, valid_utf8_, out_);
            return;
        }
        for (;;) {
            const std::size_t ampersand = append_escaped_until_ampersand(text);
            if (ampersand == text.size()) return;
            text.remove_prefix(ampersand);
            decoded_.clear();
            const std::size_t used =
                detail::decode_character_reference(text, detail::ReferenceContext::text, decoded_);
            if (used == 0) {
                out_.append("&amp;");
                text.remove_prefix(1);
            } else {
                detail::append_xml_escaped(decoded_, valid_utf8_, out_);
                text.remove_prefix(used);
            }
        }
    }

    // Escapes `text` up to its first '&' and returns the index of that '&' (text.size() if none).
    std::size_t append_escaped_until_ampersand(std::string_view text) {
        if (valid_utf8_) return detail::append_valid_utf8_escaped_until_ampersand(text, out_);
        const void* found = std::memchr(text.data(), '&', text.size());
        const std::size_t ampersand =
            found == nullptr ? text.size()
                             : static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
        detail::append_xml_escaped(text.substr(0, ampersand), out_);
        return ampersand;
    }

    void start_element(const Token& tag, const Element& element) {
        if (&element == &known_.iframe) {
            // Its content is fallback text browsers never show; a kept frame is written whole.
            if (known_.allows(element)) write_start_tag(tag, element, true);
            dropped_.begin(tag);
            return;
        }
        if (element.has(detail::kDropsContent)) {
            dropped_.begin(tag);
            return;
        }
        if (!known_.allows(element)) return;
        close_implied_by(element);
        if (element.has(detail::kVoid)) {
            write_start_tag(tag, element, false);
        } else if (open_.size() < kMaxDepth && write_start_tag(tag, element, false)) {
            open_.push_back(&element);
            ++open_counts_[detail::element_index(element)];
        }
    }

    // Writes the start tag (and for `closed`, its end tag); false when the policy drops it.
    bool write_start_tag(const Token& tag, const Element& element, bool closed) {
        const std::size_t start = out_.size();
        out_.push_back('<');
        out_.append(element.name);
        if (!detail::append_allowed_attributes(tag, options_, resolver_, attribute_buffers_, out_)) {
            out_.resize(start);
            return false;
        }
        if (element.has(detail::kVoid)) {
            out_.append(" />");
        } else {
            out_.push_back('>');
            if (closed) write_end_tag(element);
        }
        return true;
    }

    void end_element(const Element& element) {
        if (element.name == "br") {
            out_.append("<br />");  // HTML5 §13.2.6.4.7 reads </br> as <br>
            return;
        }
        if (const auto index = find_open(element, 0)) close_until(*index);
    }

    void write_end_tag(const Element& element) {
        // One append: end tags are a good part of the output's pieces.
        char tag[detail::kLongestElementName + 3] = {'<', '/'};
        std::memcpy(tag + 2, element.name.data(), element.name.size());
        tag[element.name.size() + 2] = '>';
        out_.append(tag, element.name.size() + 3);
    }

    // Simplified HTML5 implied end tags (§13.2.6.4.7, §13.2.6.4.9-15) for the allowed elements.
    void close_implied_by(const Element& element) {
        if (element.has(detail::kClosesParagraph)) {
            if (const auto p = find_open(known_.p, detail::kEndsParagraphScope)) close_until(*p);
        }
        if (&element == &known_.li) {
            close_sibling(known_.li, known_.li);
        } else if (&element == &known_.dt || &element == &known_.dd) {
            close_sibling(known_.dt, known_.dd);
        } else if (&element == &known_.a) {
            if (const auto a = find_open(known_.a, 0)) close_until(*a);
        } else if (&element == &known_.tr) {
            close_inside_table({&known_.table, &known_.tbody, &known_.thead, &known_.tfoot});
        } else if (&element == &known_.td || &element == &known_.th) {
            close_inside_table({&known_.table, &known_.tbody, &known_.thead, &known_.tfoot, &known_.tr});
        } else if (&element == &known_.tbody || &element == &known_.thead || &element == &known_.tfoot ||
                   &element == &known_.caption || &element == &known_.colgroup) {
            close_inside_table({&known_.table});
        } else if ((&element == &known_.rt || &element == &known_.rp) && find_open(known_.ruby, 0)) {
            while (open_.back() != &known_.ruby) close_until(open_.size() - 1);
        } else if (is_heading(element) && !open_.empty() && is_heading(*open_.back())) {
            close_until(open_.size() - 1);
        }
    }

    // "li", "dd" and "dt" start tags: close the nearest open `first` or `second` unless a special
    // element comes first.
    void close_sibling(const Element& first, const Element& second) {
        if (open_counts_[detail::element_index(first)] == 0 &&
            open_counts_[detail::element_index(second)] == 0)
            return;
        for (std::size_t i = open_.size(); i-- > 0;) {
            if (open_[i] == &first || open_[i] == &second) {
                close_until(i);
                return;
            }
            if (open_[i]->has(detail::kSpecial)) return;
        }
    }

    // "Clear the stack back to a table context": close what is open inside the innermost table part.
    void close_inside_table(std::initializer_list<const Element*> context) {
        if (open_counts_[detail::element_index(known_.table)] == 0) return;
        while (std::find(context.begin(), context.end(), open_.back()) == context.end())
            close_until(open_.size() - 1);
    }

    // Index of the innermost open `element`, unless an element with one of `boundary_traits` is
    // open inside it.
    std::optional<std::size_t> find_open(const Element& element, std::uint16_t boundary_traits) {
        if (open_counts_[detail::element_index(element)] == 0) return std::nullopt;
        for (std::size_t i = open_.size(); i-- > 0;) {
            if (open_[i] == &element) return i;
            if ((open_[i]->traits & boundary_traits) != 0) return std::nullopt;
        }
        return std::nullopt;
    }

    void close_until(std::size_t index) {
        while (open_.size() > index) {
            write_end_tag(*open_.back());
            pop_open();
        }
    }

    void pop_open() {
        --open_counts_[detail::element_index(*open_.back())];
        open_.pop_back();
    }

    const SanitizeOptions& options_;
    // Character references decode to valid UTF-8, so decoded text keeps the input's guarantee.
    const bool valid_utf8_;
    const detail::UrlResolver& resolver_;
    detail::HtmlTokenizer& tokenizer_;
    Token& token_;
    detail::AttributeBuffers& attribute_buffers_;
    std::string& decoded_;
    std::vector<const Element*>& open_;                                // innermost last
    std::array<std::string, detail::kMaxAttributes + 1>& tree_names_;  // lowercased names for run_tree
    std::array<std::string, detail::kMaxAttributes>& tree_values_;     // values as read back, for run_tree
    const Elements& known_;
    std::string out_;
    std::array<std::uint32_t, detail::kKnownElementCount> open_counts_{};  // by element index
    detail::DroppedElement dropped_;
};

// Each thread's workspace, lent to one run at a time.
struct SharedWorkspace {
    Workspace workspace;
    bool in_use = false;
};

SharedWorkspace& thread_workspace() {
    thread_local SharedWorkspace shared;
    return shared;
}

class WorkspaceLease {
  public:
    WorkspaceLease(SharedWorkspace& shared, std::size_t input_size)
        : shared_(shared), input_size_(input_size) {
        shared_.in_use = true;
    }
    ~WorkspaceLease() {
        shared_.in_use = false;
        // Buffers only grow as large as what they held: after a large input, give the memory back.
        if (input_size_ > kLargeInput) shared_.workspace = Workspace{};
    }
    WorkspaceLease(const WorkspaceLease&) = delete;
    WorkspaceLease& operator=(const WorkspaceLease&) = delete;

  private:
    SharedWorkspace& shared_;
    std::size_t input_size_;
};

}  // namespace

std::string sanitize_html(std::string_view html, const SanitizeOptions& options) {
    SharedWorkspace& shared = thread_workspace();
    if (shared.in_use) {  // not reached today: nothing sanitizes from inside a run
        Workspace own;
        return Sanitizer(options, own).run(html);
    }
    const WorkspaceLease lease(shared, html.size());
    return Sanitizer(options, shared.workspace).run(html);
}

std::optional<std::string> detail::sanitize_xhtml(pugi::xml_node container, std::size_t size_hint,
                                                  const SanitizeOptions& options) {
    SharedWorkspace& shared = thread_workspace();
    if (shared.in_use) {
        Workspace own;
        return Sanitizer(options, own).run_tree(container, size_hint);
    }
    const WorkspaceLease lease(shared, size_hint);
    return Sanitizer(options, shared.workspace).run_tree(container, size_hint);
}

}  // namespace feedagg::feeds
