#include <charconv>
#include <optional>

#include "feeds/detail/element_readers.hpp"
#include "feeds/detail/xml_document.hpp"
#include "feeds/html.hpp"

namespace feedagg::feeds::detail {
namespace {

bool has_child_elements(pugi::xml_node element) {
    for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element) return true;
    }
    return false;
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// The text of an element whose only child is one text or CDATA node (most), viewed in place.
std::optional<std::string_view> only_text(pugi::xml_node element) {
    const pugi::xml_node child = element.first_child();
    if (!child) return std::string_view();
    if (child.next_sibling() || (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata))
        return std::nullopt;
    return std::string_view(child.value());
}

}  // namespace

std::string plain_text(pugi::xml_node element) {
    if (const auto text = only_text(element)) return collapse_whitespace(*text);
    if (has_child_elements(element)) return html_to_text(inner_markup(element));
    return collapse_whitespace(element_text(element));
}

std::string html_text(pugi::xml_node element) {
    if (const auto text = only_text(element)) return std::string(trim(*text));
    if (has_child_elements(element)) return inner_markup(element);
    return std::string(trim(element_text(element)));
}

std::optional<std::string_view> html_text_in_place(pugi::xml_node element) {
    if (const auto text = only_text(element)) return trim(*text);
    return std::nullopt;
}

std::string title_text(pugi::xml_node element) {
    if (const auto text = only_text(element)) return html_to_text(trim(*text));
    return html_to_text(html_text(element));
}

Person person_from_text(std::string_view text) {
    text = trim(text);
    Person person;
    const auto open = text.find_first_of("(<");
    const auto close = text.find_last_of(")>");
    if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
        const std::string_view inside = trim(text.substr(open + 1, close - open - 1));
        const std::string_view outside = trim(text.substr(0, open));
        const bool inside_is_email = inside.find('@') != std::string_view::npos;
        person.email = std::string(inside_is_email ? inside : outside);
        person.name = std::string(inside_is_email ? outside : inside);
        if (person.email.find('@') == std::string::npos) {  // "Jo Smith (Editor)": no address at all
            person.name = collapse_whitespace(text);
            person.email.clear();
        }
    } else if (text.find('@') != std::string_view::npos && text.find(' ') == std::string_view::npos) {
        person.email = std::string(text);
    } else {
        person.name = collapse_whitespace(text);
    }
    if (person.email.starts_with("mailto:")) person.email.erase(0, 7);
    person.name = html_to_text(person.name);
    return person;
}

std::optional<std::uint64_t> parse_length(std::string_view text) {
    text = trim(text);
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace feedagg::feeds::detail
