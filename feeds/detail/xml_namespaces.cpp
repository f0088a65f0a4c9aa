#include "feeds/detail/xml_namespaces.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace feedagg::feeds::detail {
namespace {

struct KnownNamespace {
    std::string_view uri;  // without scheme, lower case, without a trailing '/' or '#'
    Vocabulary vocabulary;
};

constexpr std::array known_namespaces{
    KnownNamespace{"www.w3.org/2005/atom", Vocabulary::atom10},
    KnownNamespace{"purl.org/atom/ns", Vocabulary::atom03},
    KnownNamespace{"purl.org/rss/1.0", Vocabulary::rss10},
    KnownNamespace{"my.netscape.com/rdf/simple/0.9", Vocabulary::rss090},
    KnownNamespace{"www.w3.org/1999/02/22-rdf-syntax-ns", Vocabulary::rdf},
    KnownNamespace{"purl.org/dc/elements/1.1", Vocabulary::dc},
    KnownNamespace{"purl.org/dc/terms", Vocabulary::dcterms},
    KnownNamespace{"purl.org/rss/1.0/modules/content", Vocabulary::content},
    KnownNamespace{"search.yahoo.com/mrss", Vocabulary::media},
    KnownNamespace{"www.itunes.com/dtds/podcast-1.0.dtd", Vocabulary::itunes},
    KnownNamespace{"purl.org/rss/1.0/modules/slash", Vocabulary::slash},
    KnownNamespace{"purl.org/rss/1.0/modules/syndication", Vocabulary::syndication},
    KnownNamespace{"rssnamespace.org/feedburner/ext/1.0", Vocabulary::feedburner},
    KnownNamespace{"www.w3.org/1999/xhtml", Vocabulary::xhtml},
    KnownNamespace{"purl.org/syndication/thread/1.0", Vocabulary::threading},
};

// Prefixes feeds use without declaring them, read by their customary meaning.
struct CustomaryPrefix {
    std::string_view prefix;
    Vocabulary vocabulary;
};

constexpr std::array customary_prefixes{
    CustomaryPrefix{"atom", Vocabulary::atom10},           CustomaryPrefix{"dc", Vocabulary::dc},
    CustomaryPrefix{"dcterms", Vocabulary::dcterms},       CustomaryPrefix{"content", Vocabulary::content},
    CustomaryPrefix{"media", Vocabulary::media},           CustomaryPrefix{"itunes", Vocabulary::itunes},
    CustomaryPrefix{"slash", Vocabulary::slash},           CustomaryPrefix{"sy", Vocabulary::syndication},
    CustomaryPrefix{"feedburner", Vocabulary::feedburner}, CustomaryPrefix{"rdf", Vocabulary::rdf},
    CustomaryPrefix{"xhtml", Vocabulary::xhtml},           CustomaryPrefix{"thr", Vocabulary::threading},
};

std::string_view attribute_name(const pugi::xml_attribute& attribute) {
    return attribute.name();
}

// The prefix an xmlns attribute declares: "" for xmlns="...", "dc" for xmlns:dc="...", or nothing.
bool declared_prefix(std::string_view attribute, std::string_view& prefix) {
    if (attribute == "xmlns") {
        prefix = {};
        return true;
    }
    if (attribute.starts_with("xmlns:")) {
        prefix = attribute.substr(6);
        return true;
    }
    return false;
}

Vocabulary declared_in(pugi::xml_node element, std::string_view prefix, bool& found) {
    for (pugi::xml_attribute attribute : element.attributes()) {
        std::string_view declared;
        if (declared_prefix(attribute_name(attribute), declared) && declared == prefix) {
            found = true;
            return vocabulary_of_uri(attribute.value());
        }
    }
    return Vocabulary::none;
}

}  // namespace

Vocabulary vocabulary_of_uri(std::string_view uri) {
    if (uri.empty()) return Vocabulary::none;
    std::string key(uri.substr(uri.find("://") == std::string_view::npos ? 0 : uri.find("://") + 3));
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    while (!key.empty() && (key.back() == '/' || key.back() == '#')) key.pop_back();
    for (const auto& known : known_namespaces) {
        if (key == known.uri) return known.vocabulary;
    }
    return Vocabulary::other;
}

NamespaceScope::NamespaceScope(pugi::xml_node element, const NamespaceScope* parent) : parent_(parent) {
    for (pugi::xml_attribute attribute : element.attributes()) {
        std::string_view prefix;
        if (declared_prefix(attribute_name(attribute), prefix)) {
            declarations_.emplace_back(prefix, vocabulary_of_uri(attribute.value()));
        }
    }
}

Vocabulary NamespaceScope::lookup(std::string_view prefix, bool& found) const {
    for (const NamespaceScope* scope = this; scope; scope = scope->parent_) {
        for (const auto& [declared, vocabulary] : scope->declarations_) {
            if (declared == prefix) {
                found = true;
                return vocabulary;
            }
        }
    }
    return Vocabulary::none;
}

ElementName NamespaceScope::name_of(pugi::xml_node element) const {
    const std::string_view name = element.name();
    const auto colon = name.find(':');
    const std::string_view prefix =
        colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
    ElementName result{Vocabulary::none, colon == std::string_view::npos ? name : name.substr(colon + 1)};

    bool found = false;
    if (element.first_attribute()) result.vocabulary = declared_in(element, prefix, found);
    if (!found) result.vocabulary = lookup(prefix, found);
    if (found || prefix.empty()) return result;

    result.undeclared_prefix = true;
    result.vocabulary = Vocabulary::other;
    for (const auto& customary : customary_prefixes) {
        if (customary.prefix == prefix) result.vocabulary = customary.vocabulary;
    }
    return result;
}

}  // namespace feedagg::feeds::detail
