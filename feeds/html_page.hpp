#pragma once
// Web pages as scraping and full-text extraction read them: decoded from whatever charset they are
// in, parsed the way browsers parse HTML (gumbo, HTML5 tree construction), and held as a pugixml
// tree so configured selectors can query it with XPath.

#include <cstddef>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace feedagg::feeds {

struct HtmlPage {
    // Elements and attributes with lower-case names, text nodes, no comments. The root element
    // is <html>, always with <head> and <body>, whatever the markup lacked.
    pugi::xml_document tree;
    std::string charset;  // what the bytes were read as: "UTF-8", "GB18030", ...
    std::vector<std::string> warnings;
};

// Decodes `bytes` (decode_html_page: byte order mark, transport charset, <meta charset>, detection)
// and builds the tree. Never fails: any bytes give some tree. Elements nested deeper than
// `html_max_depth` are left out (their content kept in the ancestor at that depth), with a
// warning: HTML5 tree construction slows with depth, and no real page nests that deep.
HtmlPage parse_html_page(std::string_view bytes, std::string_view transport_charset = {});

constexpr std::size_t html_max_depth = 256;

// The URL relative references on the page resolve against: its <base href> resolved against
// `page_url` (HTML Standard §2.4.1), else `page_url`.
std::string document_base_url(const HtmlPage& page, std::string_view page_url);

// The text a reader sees in `node`: text nodes concatenated in order, <script>, <style> and
// <template> skipped, whitespace left as it is.
std::string text_content(pugi::xml_node node);

// The outer HTML of `node`, serialized as XHTML-style markup ready for sanitize_html.
std::string outer_html(pugi::xml_node node);

// The inner HTML of `node`.
std::string inner_html(pugi::xml_node node);

}  // namespace feedagg::feeds
