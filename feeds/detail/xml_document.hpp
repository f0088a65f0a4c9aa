#pragma once
// A feed's XML, decoded, repaired when it has to be, and parsed by pugixml.

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace feedagg::feeds::detail {

class XmlDocument {
  public:
    // Parses UTF-8 text in place, after cleaning what XML forbids but the web serves.
    XmlDocument(std::string utf8, std::vector<std::string>& warnings);

    // False when pugixml rejected the text; recover() can then do better than the partial tree.
    bool well_formed() const { return well_formed_; }

    // Parses the same text again after rebuilding its tag structure. Parsing in place consumed the
    // first copy, so the caller hands the text over once more (this path is rare; the common one copies
    // nothing).
    void recover(std::string_view utf8, std::vector<std::string>& warnings);

    // Empty when no element could be recovered at all.
    pugi::xml_node root() const { return document_.document_element(); }

  private:
    bool parse(std::vector<std::string>& warnings, std::string_view failure_note);

    std::string buffer_;  // pugixml parses in place: the nodes point into this buffer
    pugi::xml_document document_;
    bool well_formed_ = false;
};

// All text directly inside `element` (text and CDATA children, concatenated), untrimmed.
std::string element_text(pugi::xml_node element);

// The markup inside `element` as HTML: for feeds that put unescaped HTML in an element.
// Namespace prefixes are dropped from element names. Iterative, so any depth is safe.
std::string inner_markup(pugi::xml_node element);

// About the size of `element`'s content as written, for reserving room for it; 0 when unknown.
std::size_t written_size(pugi::xml_node element);

// The name after the namespace prefix: "encoded" for "content:encoded".
std::string_view local_name(pugi::xml_node node);

}  // namespace feedagg::feeds::detail

namespace feedagg::feeds::detail {

// The base URL xml:base attributes on `node` and its ancestors set, resolved against `document_url`;
// empty when none of them has one.
std::string xml_base(pugi::xml_node node, std::string_view document_url);

}  // namespace feedagg::feeds::detail
