// Compiling selectors (XPath as written, CSS through css_to_xpath) and reading field values from
// the nodes they find.

#include "feeds/html_selector.hpp"

#include <algorithm>
#include <cctype>

#include "feeds/detail/parse_context.hpp"
#include "feeds/html_page.hpp"

namespace feedagg::feeds {
namespace {

// "/…", "./…", "../…", ".", "(…" or a function call such as "string(…)" or "normalize-space(…)":
// no CSS selector starts like these.
bool looks_like_xpath(std::string_view text) {
    if (text.starts_with("/") || text.starts_with("(") || text == "." || text.starts_with("./") ||
        text.starts_with(".."))
        return true;
    const std::size_t name_end = text.find_first_not_of("abcdefghijklmnopqrstuvwxyz-");
    return name_end != std::string_view::npos && name_end > 0 && text[name_end] == '(';
}

std::string_view trim(std::string_view text) {
    const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

pugi::xml_attribute first_attribute(pugi::xml_node node, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        pugi::xml_attribute attribute = node.attribute(name);
        if (attribute && !trim(attribute.value()).empty()) return attribute;
    }
    return {};
}

// The node's own attribute, else that of the first descendant carrying one.
std::string attribute_in(pugi::xml_node node, std::initializer_list<const char*> names) {
    if (pugi::xml_attribute own = first_attribute(node, names)) return own.value();
    for (pugi::xml_node descendant = node.first_child(); descendant;) {
        if (pugi::xml_attribute found = first_attribute(descendant, names)) return found.value();
        if (descendant.first_child()) {
            descendant = descendant.first_child();
            continue;
        }
        while (descendant != node && !descendant.next_sibling()) descendant = descendant.parent();
        if (descendant == node) break;
        descendant = descendant.next_sibling();
    }
    return {};
}

std::string value_of(pugi::xml_node node, FieldKind kind) {
    switch (kind) {
        case FieldKind::link: return attribute_in(node, {"href"});
        case FieldKind::image: return attribute_in(node, {"data-src", "data-original", "src"});
        case FieldKind::date:
            if (pugi::xml_attribute attribute = first_attribute(node, {"datetime", "content"}))
                return attribute.value();
            return text_content(node);
        case FieldKind::text: break;
    }
    return text_content(node);
}

}  // namespace

Selector::Selector(std::string text, std::string xpath, std::string attribute, bool wants_text)
    : text_(std::move(text)),
      xpath_(std::move(xpath)),
      attribute_(std::move(attribute)),
      wants_text_(wants_text),
      query_(xpath_.c_str()) {}

Result<Selector> Selector::compile(std::string_view written) {
    std::string_view text = trim(written);
    std::string xpath;
    std::string attribute;
    bool wants_text = false;
    if (text.starts_with("xpath:") || (!text.starts_with("css:") && looks_like_xpath(text))) {
        if (text.starts_with("xpath:")) text = trim(text.substr(6));
        xpath = std::string(text);
    } else {
        if (text.starts_with("css:")) text = trim(text.substr(4));
        Result<detail::TranslatedCss> translated = detail::css_to_xpath(text);
        if (!translated) return translated.error();
        xpath = std::move(translated->xpath);
        attribute = std::move(translated->attribute);
        wants_text = translated->wants_text;
    }
    try {
        return Selector(std::string(written), std::move(xpath), std::move(attribute), wants_text);
    } catch (const pugi::xpath_exception& error) {
        return Error{"XPath selector \"" + std::string(written) + "\": " + error.what()};
    }
}

std::vector<pugi::xml_node> Selector::select_all(pugi::xml_node context) const {
    std::vector<pugi::xml_node> nodes;
    if (query_.return_type() != pugi::xpath_type_node_set) return nodes;
    pugi::xpath_node_set found = query_.evaluate_node_set(context);
    found.sort();
    for (const pugi::xpath_node& node : found) {
        if (node.node()) nodes.push_back(node.node());
    }
    return nodes;
}

std::string Selector::select_value(pugi::xml_node context, FieldKind kind) const {
    if (query_.return_type() != pugi::xpath_type_node_set)
        return detail::collapse_whitespace(query_.evaluate_string(context));
    pugi::xpath_node_set found = query_.evaluate_node_set(context);
    found.sort();
    if (found.empty()) return {};
    const pugi::xpath_node first = found.first();
    if (first.attribute()) return detail::collapse_whitespace(first.attribute().value());
    if (!attribute_.empty())
        return detail::collapse_whitespace(first.node().attribute(attribute_.c_str()).value());
    if (wants_text_) return detail::collapse_whitespace(text_content(first.node()));
    return detail::collapse_whitespace(value_of(first.node(), kind));
}

}  // namespace feedagg::feeds
