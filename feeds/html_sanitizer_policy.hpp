#pragma once
// Detail of the sanitizer: what it keeps. The element and attribute allow-lists follow what feed
// readers (Miniflux, bluemonday, DOMPurify) keep for article content.

#include <string>
#include <string_view>

#include "feeds/html.hpp"
#include "feeds/html_elements.hpp"
#include "feeds/url_resolver.hpp"

namespace feedagg::feeds::detail {

struct Token;

// True when the sanitizer writes `element`'s tags; the content of other elements is kept unless
// they drop it (kDropsContent).
bool is_allowed_element(const Element& element);

// What append_allowed_attributes builds URLs in, kept from tag to tag so that they are allocated once.
struct AttributeBuffers {
    std::string cleaned;  // a URL without controls
    std::string value;    // a resolved URL or srcset
    std::string url;      // one resolved srcset candidate
};

// Appends ` name="value"` for every attribute of the start tag `tag` the allow-list keeps (values
// checked, URLs resolved by `resolver` against options.base_url) and the attributes the policy adds (rel on
// links, sandbox on iframes). Returns false when the element is useless or unsafe without the
// attributes it lost (an img or source without a URL, an iframe not from options.iframe_hosts); `out` is
// then left as it was.
bool append_allowed_attributes(const Token& tag, const SanitizeOptions& options, const UrlResolver& resolver,
                               AttributeBuffers& buffers, std::string& out);

}  // namespace feedagg::feeds::detail
