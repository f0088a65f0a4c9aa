#include "feeds/detail/xml_document.hpp"

#include "feeds/detail/xml_repair.hpp"
#include "feeds/html.hpp"
#include "feeds/html_elements.hpp"
#include "feeds/url.hpp"
#include "feeds/url_resolver.hpp"
#include "feeds/xml_escape.hpp"

namespace feedagg::feeds::detail {
namespace {

constexpr unsigned parse_flags = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol;

std::string describe(const pugi::xml_parse_result& result) {
    return std::string("XML error at byte ") + std::to_string(result.offset) + ": " + result.description();
}

}  // namespace

XmlDocument::XmlDocument(std::string utf8, std::vector<std::string>& warnings) : buffer_(std::move(utf8)) {
    if (auto cleaned = clean_xml_text(buffer_, warnings)) buffer_ = std::move(*cleaned);
    well_formed_ = parse(warnings, "; recovering");
}

void XmlDocument::recover(std::string_view utf8, std::vector<std::string>& warnings) {
    std::vector<std::string> repeated;  // cleaning the same text again says the same things again
    auto cleaned = clean_xml_text(utf8, repeated);
    buffer_ = balance_xml_tags(cleaned ? std::string_view(*cleaned) : utf8, warnings);
    well_formed_ = parse(warnings, "; kept what was read before it");
}

bool XmlDocument::parse(std::vector<std::string>& warnings, std::string_view failure_note) {
    const auto result =
        document_.load_buffer_inplace(buffer_.data(), buffer_.size(), parse_flags, pugi::encoding_utf8);
    if (!result) warnings.push_back(describe(result) + std::string(failure_note));
    return static_cast<bool>(result);
}

std::string element_text(pugi::xml_node element) {
    pugi::xml_node child = element.first_child();
    if (child && !child.next_sibling() &&
        (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)) {
        return child.value();
    }
    std::string text;
    for (; child; child = child.next_sibling()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
    }
    return text;
}

std::string_view local_name(pugi::xml_node node) {
    std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

namespace {

void open_tag(pugi::xml_node node, std::string& html) {
    html += '<';
    html.append(local_name(node));
    for (pugi::xml_attribute attribute = node.first_attribute(); attribute;
         attribute = attribute.next_attribute()) {
        html += ' ';
        html += attribute.name();
        html += "=\"";
        append_valid_utf8_escaped(attribute.value(), html);
        html += '"';
    }
    html += '>';
}

// HTML5 §13.1.2: void elements have no end tag. "</br>" in particular would be read as a second <br>.
bool is_void_element(std::string_view name) {
    char lowercase[kLongestElementName];
    if (name.size() > sizeof lowercase) return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        lowercase[i] = name[i] >= 'A' && name[i] <= 'Z' ? static_cast<char>(name[i] + ('a' - 'A')) : name[i];
    const Element* element = find_element(std::string_view(lowercase, name.size()));
    return element != nullptr && element->has(kVoid);
}

void close_tag(pugi::xml_node node, std::string& html) {
    const std::string_view name = local_name(node);
    if (is_void_element(name)) return;
    html += "</";
    html.append(name);
    html += '>';
}

}  // namespace

// About the size of `element`'s content as written: from where the element starts to where the next
// node after it does, both known from the in-place parse. 0 when either is unknown.
std::size_t written_size(pugi::xml_node element) {
    pugi::xml_node after = element;
    while (after && !after.next_sibling()) after = after.parent();
    if (!after) return 0;
    const std::ptrdiff_t start = element.offset_debug();
    const std::ptrdiff_t end = after.next_sibling().offset_debug();
    return start >= 0 && end > start ? static_cast<std::size_t>(end - start) : 0;
}

// The document is decode_document's valid UTF-8, and clean_xml_text rewrote every numeric reference
// to a character XML forbids (surrogates included) before pugixml decoded the rest, so node values
// are valid UTF-8 too and are escaped unchecked. Each step asks pugixml (a shared library) for as
// little as it can: a call per question adds up over every node of long XHTML content.
std::string inner_markup(pugi::xml_node element) {
    std::string html;
    html.reserve(written_size(element));
    pugi::xml_node node = element.first_child();
    while (node) {
        const pugi::xml_node_type type = node.type();
        if (type == pugi::node_pcdata || type == pugi::node_cdata) {
            append_valid_utf8_escaped(node.value(), html);
        } else if (type == pugi::node_element) {
            open_tag(node, html);
            if (const pugi::xml_node child = node.first_child()) {
                node = child;
                continue;
            }
            close_tag(node, html);
        }
        pugi::xml_node next = node.next_sibling();
        while (!next) {
            node = node.parent();
            if (node == element) return html;
            close_tag(node, html);
            next = node.next_sibling();
        }
        node = next;
    }
    return html;
}

std::string xml_base(pugi::xml_node node, std::string_view document_url) {
    // Innermost first. Resolution starts at the innermost plain absolute base, which every base
    // outside it (and the document's URL) would leave as it is: most feeds have one such base, on
    // the root, and it is returned without a resolve.
    std::vector<std::string_view> bases;
    for (; node; node = node.parent()) {
        if (auto attribute = node.attribute("xml:base")) {
            const std::string_view base = attribute.value();
            bases.push_back(base);
            if (UrlResolver::is_plain_absolute(base)) break;
        }
    }
    if (bases.empty()) return {};
    std::string base(UrlResolver::is_plain_absolute(bases.back()) ? std::string_view() : document_url);
    for (auto it = bases.rbegin(); it != bases.rend(); ++it)
        base = base.empty() ? std::string(*it) : resolve_url(base, *it);
    return base;
}

}  // namespace feedagg::feeds::detail
