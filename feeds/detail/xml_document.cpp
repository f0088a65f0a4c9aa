#include "feeds/detail/xml_document.hpp"

#include "feeds/detail/xml_repair.hpp"
#include "feeds/html.hpp"
#include "feeds/url.hpp"
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
    const auto result = document_.load_buffer_inplace(buffer_.data(), buffer_.size(), parse_flags, pugi::encoding_utf8);
    if (!result) warnings.push_back(describe(result) + std::string(failure_note));
    return static_cast<bool>(result);
}

std::string element_text(pugi::xml_node element) {
    pugi::xml_node child = element.first_child();
    if (child && !child.next_sibling() && (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)) {
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
    for (pugi::xml_attribute attribute : node.attributes()) {
        html += ' ';
        html += attribute.name();
        html += "=\"";
        append_valid_utf8_escaped(attribute.value(), html);
        html += '"';
    }
    html += '>';
}

void close_tag(pugi::xml_node node, std::string& html) {
    html += "</";
    html.append(local_name(node));
    html += '>';
}

}  // namespace

// The document is decode_document's valid UTF-8, and clean_xml_text rewrote every numeric reference
// to a character XML forbids (surrogates included) before pugixml decoded the rest, so node values
// are valid UTF-8 too and are escaped unchecked.
std::string inner_markup(pugi::xml_node element) {
    std::string html;
    pugi::xml_node node = element.first_child();
    while (node) {
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
            append_valid_utf8_escaped(node.value(), html);
        } else if (node.type() == pugi::node_element) {
            open_tag(node, html);
            if (node.first_child()) {
                node = node.first_child();
                continue;
            }
            close_tag(node, html);
        }
        while (node != element && !node.next_sibling()) {
            node = node.parent();
            if (node != element) close_tag(node, html);
        }
        if (node == element) break;
        node = node.next_sibling();
    }
    return html;
}

std::string xml_base(pugi::xml_node node, std::string_view document_url) {
    std::vector<std::string_view> bases;  // innermost first
    for (; node; node = node.parent()) {
        if (auto attribute = node.attribute("xml:base")) bases.emplace_back(attribute.value());
    }
    if (bases.empty()) return {};
    std::string base(document_url);
    for (auto it = bases.rbegin(); it != bases.rend(); ++it) base = base.empty() ? std::string(*it) : resolve_url(base, *it);
    return base;
}

}  // namespace feedagg::feeds::detail
