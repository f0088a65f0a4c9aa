// gumbo builds the HTML5 tree; it is copied into pugixml so that selectors (XPath, and CSS
// translated to XPath) run on one engine.

#include "feeds/html_page.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

#include "feeds/detail/ascii.hpp"
#include "feeds/encoding.hpp"
#include "feeds/html.hpp"
#include "feeds/html_elements.hpp"
#include "feeds/html_nesting_limit.hpp"
#include "feeds/url.hpp"

namespace feedagg::feeds {
namespace {

struct GumboOutputDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};
using GumboTree = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

GumboTree parse_with_gumbo(std::string_view utf8) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // we never read gumbo's error list; do not let it grow
    return GumboTree(gumbo_parse_with_options(&options, utf8.data(), utf8.size()));
}

bool is_name_character(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == ':' || byte >= 0x80;
}

// XPath and our serializer need names that are names; markup like <p"> or <a b=c=d> yields others.
bool is_usable_name(std::string_view name) {
    return !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) && name[0] != '-' &&
           name[0] != '.' && std::all_of(name.begin(), name.end(), is_name_character);
}

std::string element_name(const GumboElement& element) {
    if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
    GumboStringPiece original = element.original_tag;
    gumbo_tag_from_original_text(&original);
    return detail::ascii_lower(
        std::string_view(original.data ? original.data : "", original.data ? original.length : 0));
}

struct PendingNode {
    const GumboNode* node;
    pugi::xml_node parent;
    std::size_t depth;
};

void push_children(const GumboVector& children, pugi::xml_node parent, std::size_t depth,
                   std::vector<PendingNode>& pending) {
    for (unsigned int i = children.length; i > 0; --i) {
        pending.push_back({static_cast<const GumboNode*>(children.data[i - 1]), parent, depth});
    }
}

void copy_attributes(const GumboVector& attributes, pugi::xml_node into) {
    for (unsigned int i = 0; i < attributes.length; ++i) {
        const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[i]);
        if (!is_usable_name(attribute->name) || into.attribute(attribute->name)) continue;
        into.append_attribute(attribute->name).set_value(attribute->value);
    }
}

// Iterative, so hostile nesting cannot exhaust the stack. Children are visited in order, so
// appending to the parent as each is visited keeps document order.
bool copy_tree(const GumboNode& root, pugi::xml_node into) {
    bool flattened = false;
    std::vector<PendingNode> pending;
    push_children(root.v.document.children, into, 1, pending);
    while (!pending.empty()) {
        PendingNode current = pending.back();
        pending.pop_back();
        const GumboNode& node = *current.node;
        switch (node.type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA:
                current.parent.append_child(pugi::node_pcdata).set_value(node.v.text.text);
                break;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE: {
                const std::string name = element_name(node.v.element);
                pugi::xml_node parent = current.parent;
                if (current.depth >= html_max_depth) {
                    flattened = true;
                } else if (is_usable_name(name)) {
                    parent = current.parent.append_child(name.c_str());
                    copy_attributes(node.v.element.attributes, parent);
                }
                push_children(node.v.element.children, parent, current.depth + 1, pending);
                break;
            }
            case GUMBO_NODE_COMMENT:
            case GUMBO_NODE_DOCUMENT: break;
        }
    }
    return flattened;
}

bool is_invisible(std::string_view name) {
    return name == "script" || name == "style" || name == "template" || name == "noscript";
}

void append_text(pugi::xml_node node, std::string& text) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata) {
            text += child.value();
        } else if (child.type() == pugi::node_element && !is_invisible(child.name())) {
            append_text(child, text);
        }
    }
}

bool is_void(std::string_view name) {
    const detail::Element* element = detail::find_element(name);
    return element != nullptr && element->has(detail::kVoid);
}

void append_markup(pugi::xml_node node, std::string& html);

void append_children_markup(pugi::xml_node node, std::string& html) {
    for (pugi::xml_node child : node.children()) append_markup(child, html);
}

void append_markup(pugi::xml_node node, std::string& html) {
    if (node.type() == pugi::node_pcdata) {
        html += escape_xml(node.value());
        return;
    }
    if (node.type() != pugi::node_element) return;
    html += '<';
    html += node.name();
    for (pugi::xml_attribute attribute : node.attributes()) {
        html += ' ';
        html += attribute.name();
        html += "=\"";
        html += escape_xml(attribute.value());
        html += '"';
    }
    if (is_void(node.name())) {
        html += " />";
        return;
    }
    html += '>';
    append_children_markup(node, html);
    html += "</";
    html += node.name();
    html += '>';
}

}  // namespace

HtmlPage parse_html_page(std::string_view bytes, std::string_view transport_charset) {
    DecodedText decoded = decode_html_page(bytes, transport_charset);
    HtmlPage page;
    page.charset = std::move(decoded.charset);
    page.warnings = std::move(decoded.warnings);
    std::optional<std::string> limited = detail::limit_nesting(decoded.utf8, html_max_depth);
    const GumboTree gumbo = parse_with_gumbo(limited ? *limited : decoded.utf8);
    if (copy_tree(*gumbo->document, page.tree) || limited) {
        page.warnings.push_back("elements nested deeper than " + std::to_string(html_max_depth) +
                                " levels were flattened");
    }
    return page;
}

std::string document_base_url(const HtmlPage& page, std::string_view page_url) {
    const pugi::xml_node base = page.tree.select_node("/html/head/base[@href]").node();
    return base ? resolve_url(page_url, base.attribute("href").value()) : std::string(page_url);
}

std::string text_content(pugi::xml_node node) {
    std::string text;
    if (node.type() == pugi::node_pcdata) return node.value();
    append_text(node, text);
    return text;
}

std::string outer_html(pugi::xml_node node) {
    std::string html;
    append_markup(node, html);
    return html;
}

std::string inner_html(pugi::xml_node node) {
    std::string html;
    append_children_markup(node, html);
    return html;
}

}  // namespace feedagg::feeds
