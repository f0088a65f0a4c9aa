#pragma once
// Selectors that pick items and fields out of web pages: CSS (the subset scraping needs) or
// XPath 1.0, both run by pugixml's XPath engine on an HtmlPage tree.

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/result.hpp"

namespace feedagg::feeds {

// Which value a field takes from the node a selector finds, when the selector does not say.
enum class FieldKind {
    text,   // text content
    link,   // href (of the node, else of the first <a href> inside it)
    image,  // src, or the lazy-loading data-src / data-original, of the node or the first <img> inside
    date,   // a <time>'s datetime or a content attribute, else text content
};

class Selector {
  public:
    // XPath when the text starts with "/", ".", "(", a function call such as "string(" or with
    // "xpath:"; CSS otherwise ("css:" forces it).
    // CSS: type, *, .class, #id, [attr], [attr=v], [attr^=v], [attr$=v], [attr*=v], [attr~=v],
    // [attr|=v], descendant, >, +, ~, ",", :first-child, :last-child, :only-child, :nth-child(),
    // :nth-last-child(), :nth-of-type(), :first-of-type, :last-of-type, :empty, :not(simple),
    // :contains('text'), and at the end ::attr(name) or ::text. Selectors are relative to the node
    // they run on (an item, or the page).
    static Result<Selector> compile(std::string_view text);

    // The nodes found under `context`, in document order.
    std::vector<pugi::xml_node> select_all(pugi::xml_node context) const;

    // The value of the first node found, as `kind` says (or as ::attr/::text say); whitespace
    // collapsed and trimmed. Empty when nothing matches.
    std::string select_value(pugi::xml_node context, FieldKind kind) const;

    const std::string& text() const { return text_; }
    const std::string& xpath() const { return xpath_; }

  private:
    Selector(std::string text, std::string xpath, std::string attribute, bool wants_text);

    std::string text_;
    std::string xpath_;
    std::string attribute_;  // from ::attr(name)
    bool wants_text_ = false;
    pugi::xpath_query query_;
};

namespace detail {

struct TranslatedCss {
    std::string xpath;
    std::string attribute;  // ::attr(name)
    bool wants_text = false;
};

// The CSS selector as an XPath 1.0 expression relative to the context node (css_selector.cpp).
Result<TranslatedCss> css_to_xpath(std::string_view css);

}  // namespace detail
}  // namespace feedagg::feeds
