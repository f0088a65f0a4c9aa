#include "feeds/html_elements.hpp"

#include <algorithm>
#include <array>

#include "feeds/html_tokenizer.hpp"

namespace feedagg::feeds::detail {
namespace {

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& sorted_names, std::string_view name) {
    return std::binary_search(sorted_names.begin(), sorted_names.end(), name);
}

constexpr std::array<std::string_view, 6> kRawTextElements = {"iframe", "noembed", "noframes",
                                                              "script", "style",   "xmp"};

constexpr std::array<std::string_view, 18> kVoidElements = {
    "area",  "base", "basefont", "bgsound", "br",   "col",  "embed", "frame",  "hr",
    "image", "img",  "input",    "keygen",  "link", "meta", "param", "source", "track"};

constexpr std::array<std::string_view, 17> kContentDroppingElements = {
    "applet", "datalist", "frameset", "head", "iframe",   "math",     "noembed", "noframes", "object",
    "script", "select",   "style",    "svg",  "template", "textarea", "title",   "xml"};

constexpr std::array<std::string_view, 47> kTextBreakingElements = {
    "address", "article", "aside",  "blockquote", "br",      "caption", "center",   "dd",
    "details", "dialog",  "dir",    "div",        "dl",      "dt",      "fieldset", "figcaption",
    "figure",  "footer",  "form",   "h1",         "h2",      "h3",      "h4",       "h5",
    "h6",      "header",  "hgroup", "hr",         "img",     "li",      "main",     "menu",
    "nav",     "ol",      "p",      "pre",        "section", "summary", "table",    "tbody",
    "td",      "tfoot",   "th",     "thead",      "tr",      "ul",      "wbr"};

constexpr std::array<std::string_view, 120> kHtmlElements = {
    "a",        "abbr",     "address",  "area",       "article", "aside",    "audio",  "b",
    "base",     "bdi",      "bdo",      "blockquote", "body",    "br",       "button", "canvas",
    "caption",  "center",   "cite",     "code",       "col",     "colgroup", "data",   "datalist",
    "dd",       "del",      "details",  "dfn",        "dialog",  "div",      "dl",     "dt",
    "em",       "embed",    "fieldset", "figcaption", "figure",  "font",     "footer", "form",
    "frame",    "frameset", "h1",       "h2",         "h3",      "h4",       "h5",     "h6",
    "head",     "header",   "hgroup",   "hr",         "html",    "i",        "iframe", "img",
    "input",    "ins",      "kbd",      "label",      "legend",  "li",       "link",   "main",
    "map",      "mark",     "marquee",  "math",       "menu",    "meta",     "meter",  "nav",
    "noscript", "object",   "ol",       "optgroup",   "option",  "output",   "p",      "param",
    "picture",  "pre",      "progress", "q",          "rp",      "rt",       "ruby",   "s",
    "samp",     "script",   "section",  "select",     "small",   "source",   "span",   "strike",
    "strong",   "style",    "sub",      "summary",    "sup",     "svg",      "table",  "tbody",
    "td",       "template", "textarea", "tfoot",      "th",      "thead",    "time",   "title",
    "tr",       "track",    "tt",       "u",          "ul",      "var",      "video",  "wbr"};

}  // namespace

ContentModel content_model_of(std::string_view element) {
    if (contains(kRawTextElements, element)) return ContentModel::rawtext;
    if (element == "textarea" || element == "title") return ContentModel::rcdata;
    if (element == "plaintext") return ContentModel::plaintext;
    return ContentModel::data;
}

bool is_void_element(std::string_view element) {
    return contains(kVoidElements, element);
}

bool drops_content(std::string_view element) {
    return contains(kContentDroppingElements, element);
}

bool breaks_text(std::string_view element) {
    return contains(kTextBreakingElements, element);
}

bool is_html_element(std::string_view element) {
    return contains(kHtmlElements, element);
}

void DroppedElement::begin(const Token& start_tag) {
    // A self-closing tag has no content, except where the tokenizer reads raw text regardless.
    if (start_tag.self_closing && content_model_of(start_tag.name) == ContentModel::data) return;
    name_ = start_tag.name;
    depth_ = 1;
}

void DroppedElement::feed(const Token& token) {
    const bool is_tag = token.kind == TokenKind::start_tag || token.kind == TokenKind::end_tag;
    if (!is_tag || token.name != name_) return;
    if (token.kind == TokenKind::end_tag) {
        --depth_;
    } else if (token.kind == TokenKind::start_tag &&
               !(token.self_closing && content_model_of(token.name) == ContentModel::data)) {
        ++depth_;
    }
}

}  // namespace feedagg::feeds::detail
