#pragma once
// Namespace-aware element names over pugixml, which itself knows nothing of namespaces.

#include <pugixml.hpp>
#include <string_view>
#include <utility>
#include <vector>

namespace feedagg::feeds::detail {

// The vocabularies feeds mix; every other namespace is `other`.
enum class Vocabulary : unsigned char {
    none,  // no namespace: RSS 0.9x/2.0 elements
    other,
    atom10,
    atom03,
    rss10,
    rss090,
    rdf,
    dc,
    dcterms,
    content,
    media,
    itunes,
    slash,
    syndication,
    feedburner,
    xhtml,
    threading,
};

struct ElementName {
    Vocabulary vocabulary;
    std::string_view local;
    bool undeclared_prefix = false;  // a prefix no xmlns declared, read by its customary meaning
};

// The namespace declarations in force at one element, chained to its ancestors' scopes.
// Scopes live on the stack of the walker that descends the document.
class NamespaceScope {
  public:
    NamespaceScope(pugi::xml_node element, const NamespaceScope* parent);

    // The name of `element`, a child of (or the element of) this scope; its own xmlns attributes count.
    ElementName name_of(pugi::xml_node element) const;

  private:
    Vocabulary lookup(std::string_view prefix, bool& found) const;

    const NamespaceScope* parent_;
    std::vector<std::pair<std::string_view, Vocabulary>> declarations_;
};

Vocabulary vocabulary_of_uri(std::string_view uri);

}  // namespace feedagg::feeds::detail
