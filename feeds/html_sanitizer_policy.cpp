#include "feeds/html_sanitizer_policy.hpp"

#include <algorithm>
#include <array>
#include <boost/url/parse.hpp>
#include <iterator>
#include <optional>
#include <span>
#include <vector>

#include "feeds/detail/ascii.hpp"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "feeds/html_tokenizer.hpp"
#include "feeds/url_resolver.hpp"
#include "feeds/xml_escape.hpp"

namespace feedagg::feeds::detail {
namespace {

constexpr std::array<std::string_view, 69> kAllowedElements = {
    "a",     "abbr",  "audio", "b",          "bdi",    "bdo",    "blockquote", "br",   "caption",
    "cite",  "code",  "col",   "colgroup",   "dd",     "del",    "details",    "dfn",  "div",
    "dl",    "dt",    "em",    "figcaption", "figure", "h1",     "h2",         "h3",   "h4",
    "h5",    "h6",    "hr",    "i",          "iframe", "img",    "ins",        "kbd",  "li",
    "mark",  "ol",    "p",     "picture",    "pre",    "q",      "rp",         "rt",   "ruby",
    "s",     "samp",  "small", "source",     "span",   "strike", "strong",     "sub",  "summary",
    "sup",   "table", "tbody", "td",         "tfoot",  "th",     "thead",      "time", "tr",
    "track", "u",     "ul",    "var",        "video",  "wbr"};

// The URL kinds come last: has_source looks at those only.
enum class ValueKind {
    text,       // free text: escaped, otherwise kept
    number,     // an integer, optionally negative or a percentage
    boolean,    // presence only
    direction,  // ltr, rtl or auto
    link_url,   // http(s), ftp, mailto, tel, magnet; relative ones resolved
    image_url,  // a link_url or a data: URL of a raster image
    embed_url,  // https on one of SanitizeOptions::iframe_hosts
    srcset,     // image candidates, each URL checked as link_url
};

struct AllowedAttribute {
    std::string_view element;  // "*" for every allowed element
    std::string_view name;
    ValueKind kind;
};

// Sorted by (element, name). No class, id or style anywhere: the output is embedded in our own
// pages, and those attributes would let feeds restyle or overlay them (CSS injection, clobbering).
constexpr AllowedAttribute kAllowedAttributes[] = {
    {"*", "dir", ValueKind::direction},
    {"*", "lang", ValueKind::text},
    {"*", "title", ValueKind::text},
    {"a", "href", ValueKind::link_url},
    {"a", "hreflang", ValueKind::text},
    {"audio", "controls", ValueKind::boolean},
    {"audio", "loop", ValueKind::boolean},
    {"audio", "muted", ValueKind::boolean},
    {"audio", "preload", ValueKind::text},
    {"audio", "src", ValueKind::link_url},
    {"blockquote", "cite", ValueKind::link_url},
    {"col", "span", ValueKind::number},
    {"col", "width", ValueKind::number},
    {"colgroup", "span", ValueKind::number},
    {"colgroup", "width", ValueKind::number},
    {"del", "cite", ValueKind::link_url},
    {"del", "datetime", ValueKind::text},
    {"details", "open", ValueKind::boolean},
    {"iframe", "allowfullscreen", ValueKind::boolean},
    {"iframe", "height", ValueKind::number},
    {"iframe", "src", ValueKind::embed_url},
    {"iframe", "width", ValueKind::number},
    {"img", "alt", ValueKind::text},
    {"img", "height", ValueKind::number},
    {"img", "sizes", ValueKind::text},
    {"img", "src", ValueKind::image_url},
    {"img", "srcset", ValueKind::srcset},
    {"img", "width", ValueKind::number},
    {"ins", "cite", ValueKind::link_url},
    {"ins", "datetime", ValueKind::text},
    {"li", "value", ValueKind::number},
    {"ol", "reversed", ValueKind::boolean},
    {"ol", "start", ValueKind::number},
    {"ol", "type", ValueKind::text},
    {"q", "cite", ValueKind::link_url},
    {"source", "media", ValueKind::text},
    {"source", "sizes", ValueKind::text},
    {"source", "src", ValueKind::link_url},
    {"source", "srcset", ValueKind::srcset},
    {"source", "type", ValueKind::text},
    {"td", "colspan", ValueKind::number},
    {"td", "headers", ValueKind::text},
    {"td", "rowspan", ValueKind::number},
    {"th", "abbr", ValueKind::text},
    {"th", "colspan", ValueKind::number},
    {"th", "headers", ValueKind::text},
    {"th", "rowspan", ValueKind::number},
    {"th", "scope", ValueKind::text},
    {"time", "datetime", ValueKind::text},
    {"track", "default", ValueKind::boolean},
    {"track", "kind", ValueKind::text},
    {"track", "label", ValueKind::text},
    {"track", "src", ValueKind::link_url},
    {"track", "srclang", ValueKind::text},
    {"video", "controls", ValueKind::boolean},
    {"video", "height", ValueKind::number},
    {"video", "loop", ValueKind::boolean},
    {"video", "muted", ValueKind::boolean},
    {"video", "playsinline", ValueKind::boolean},
    {"video", "poster", ValueKind::link_url},
    {"video", "preload", ValueKind::text},
    {"video", "src", ValueKind::link_url},
    {"video", "width", ValueKind::number},
};

// Embedded players need scripts and their own origin; they get nothing else (no top navigation,
// no forms).
constexpr std::string_view kIframeSandbox =
    R"( sandbox="allow-scripts allow-same-origin allow-popups allow-presentation")";

// kAllowedElements and kAllowedAttributes indexed by known element, built once.
class AllowList {
  public:
    AllowList() {
        for (const std::string_view name : kAllowedElements)
            allowed_[element_index(*find_element(name))] = true;
        for (const AllowedAttribute& attribute : kAllowedAttributes) {
            auto& range = attribute.element == "*"
                              ? global_
                              : attributes_[element_index(*find_element(attribute.element))];
            if (range.empty()) range = {&attribute, 0};
            range = {range.data(), range.size() + 1};
        }
    }

    bool allows(const Element& element) const { return allowed_[element_index(element)]; }

    const AllowedAttribute* find(const Element& element, std::string_view attribute) const {
        for (const auto* range : {&attributes_[element_index(element)], &global_})
            for (const AllowedAttribute& allowed : *range)
                if (is_same_name(allowed.name, attribute)) return &allowed;
        return nullptr;
    }

  private:
    std::array<bool, kKnownElementCount> allowed_{};
    std::array<std::span<const AllowedAttribute>, kKnownElementCount> attributes_{};
    std::span<const AllowedAttribute> global_;
};

const AllowList& allow_list() {
    static const AllowList list;
    return list;
}

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// The first ASCII space in `text` at or after `from`, or its size. Candidate URLs in a srcset are
// long: 16 bytes per step with SSE2, looking at bytes up to 0x20 only.
std::size_t find_ascii_space(std::string_view text, std::size_t from) {
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20);
    for (; from + 16 <= text.size(); from += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
        // Unsigned byte <= 0x20: the minimum with 0x20 is the byte itself.
        for (auto mask =
                 static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(block, space), block)));
             mask != 0; mask &= mask - 1) {
            const std::size_t at = from + static_cast<std::size_t>(__builtin_ctz(mask));
            if (is_ascii_space(text[at])) return at;
        }
    }
#endif
    while (from < text.size() && !is_ascii_space(text[from])) ++from;
    return from;
}

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
    return text;
}

bool is_number(std::string_view value) {
    if (!value.empty() && value.front() == '-') value.remove_prefix(1);
    if (!value.empty() && value.back() == '%') value.remove_suffix(1);
    return !value.empty() && value.size() <= 9 &&
           std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool starts_with_ignoring_case(std::string_view text, std::string_view lowercase_prefix) {
    return text.size() >= lowercase_prefix.size() &&
           equals_ignoring_case(text.substr(0, lowercase_prefix.size()), lowercase_prefix);
}

// data: URLs of raster images only; SVG can carry scripts.
bool is_data_image_url(std::string_view url) {
    if (!starts_with_ignoring_case(url, "data:image/")) return false;
    url.remove_prefix(11);
    for (const std::string_view type : {"png", "gif", "jpeg", "jpg", "webp"}) {
        if (url.size() > type.size() && starts_with_ignoring_case(url, type) &&
            (url[type.size()] == ';' || url[type.size()] == ','))
            return true;
    }
    return false;
}

struct Context {
    const SanitizeOptions& options;
    const UrlResolver& resolver;
    std::string& cleaned;  // a URL without controls
    std::string& value;    // a resolved URL or srcset
    std::string& url;      // one resolved srcset candidate
};

bool is_control(char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
}

// The URL a browser would see, with the obfuscations it ignores removed first: entities are already
// decoded by the tokenizer; leading/trailing spaces and every ASCII control character go here
// (WHATWG URL strips them, so "jav&#x09;ascript:" is "javascript:"). Views `value` or `buffer`.
std::string_view without_controls(std::string_view value, std::string& buffer) {
    while (!value.empty() && static_cast<unsigned char>(value.front()) <= 0x20) value.remove_prefix(1);
    while (!value.empty() && static_cast<unsigned char>(value.back()) <= 0x20) value.remove_suffix(1);
    if (std::none_of(value.begin(), value.end(), is_control)) return value;
    buffer.clear();
    std::copy_if(value.begin(), value.end(), std::back_inserter(buffer),
                 [](char c) { return !is_control(c); });
    return buffer;
}

// The URL to write, viewing `value` or `buffer`; nothing when it is unsafe.
std::optional<std::string_view> safe_url(std::string_view value, ValueKind kind, Context& context,
                                         std::string& buffer) {
    if (UrlResolver::is_plain_absolute(value)) return value;  // most: nothing to strip or resolve
    const std::string_view cleaned = without_controls(value, context.cleaned);
    if (cleaned.empty()) return std::nullopt;
    if (kind == ValueKind::image_url && is_data_image_url(cleaned)) return cleaned;
    return context.resolver.resolve_link(cleaned, buffer);
}

// The host of an https URL, as Boost.URL's encoded_host gives it; nothing for other URLs.
std::optional<std::string_view> https_host(std::string_view url) {
    if (UrlResolver::is_plain_absolute(url)) {  // most: the host is cut from the text, without a parse
        if (!url.starts_with("https://")) return std::nullopt;
        std::size_t end = 8;
        while (end < url.size() && url[end] != ':' && url[end] != '/' && url[end] != '?' && url[end] != '#')
            ++end;
        return url.substr(8, end - 8);
    }
    const auto parsed = boost::urls::parse_uri(url);
    if (!parsed || parsed->scheme_id() != boost::urls::scheme::https) return std::nullopt;
    return parsed->encoded_host();
}

bool is_allowed_embed(std::string_view url, const Context& context) {
    const auto https = https_host(url);
    if (!https) return false;
    const std::string_view host = *https;
    return std::any_of(context.options.iframe_hosts.begin(), context.options.iframe_hosts.end(),
                       [&](const std::string& allowed) { return equals_ignoring_case(host, allowed); });
}

// HTML §4.8.4.2.2 srcset: candidates split on commas, each a URL and optional "<n>w" or "<n>x".
std::optional<std::string_view> safe_srcset(std::string_view value, Context& context) {
    std::string& result = context.value;
    result.clear();
    std::size_t position = 0;
    while (position < value.size()) {
        while (position < value.size() && (is_ascii_space(value[position]) || value[position] == ','))
            ++position;
        const std::size_t url_start = position;
        position = find_ascii_space(value, position);
        std::string_view url = value.substr(url_start, position - url_start);
        std::string_view descriptor;
        if (!url.empty() && url.back() == ',') {
            while (!url.empty() && url.back() == ',') url.remove_suffix(1);
        } else {
            const std::size_t comma = std::min(value.find(',', position), value.size());
            descriptor = trim_spaces(value.substr(position, comma - position));
            position = comma;
        }
        if (url.empty()) continue;
        const auto safe = safe_url(url, ValueKind::link_url, context, context.url);
        if (!safe) continue;
        if (!result.empty()) result.append(", ");
        result.append(*safe);
        const bool valid_descriptor = descriptor.size() >= 2 &&
                                      (descriptor.back() == 'w' || descriptor.back() == 'x') &&
                                      std::all_of(descriptor.begin(), descriptor.end() - 1,
                                                  [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
        if (valid_descriptor) result.append(" ").append(descriptor);
    }
    if (result.empty()) return std::nullopt;
    return std::string_view(result);
}

void append_attribute(std::string_view name, std::string_view value, bool value_is_valid_utf8,
                      std::string& out) {
    out.push_back(' ');
    out.append(name);
    out.append("=\"");
    append_xml_escaped(value, value_is_valid_utf8, out);
    out.push_back('"');
}

// The value to write, or nothing to drop the attribute. URLs are built in `context`.
std::optional<std::string_view> checked_value(const HtmlAttribute& attribute, ValueKind kind,
                                              Context& context) {
    switch (kind) {
        case ValueKind::text: return attribute.value;
        case ValueKind::number: {
            const auto number = trim_spaces(attribute.value);
            if (is_number(number)) return number;
            return std::nullopt;
        }
        case ValueKind::boolean: return std::string_view();
        case ValueKind::direction: {
            const auto direction = trim_spaces(attribute.value);
            for (const std::string_view allowed : {"ltr", "rtl", "auto"})
                if (equals_ignoring_case(direction, allowed)) return allowed;
            return std::nullopt;
        }
        case ValueKind::link_url:
        case ValueKind::image_url: return safe_url(attribute.value, kind, context, context.value);
        case ValueKind::embed_url: {
            const auto url = safe_url(attribute.value, kind, context, context.value);
            if (url && is_allowed_embed(*url, context)) return url;
            return std::nullopt;
        }
        case ValueKind::srcset: return safe_srcset(attribute.value, context);
    }
    return std::nullopt;
}

}  // namespace

bool is_allowed_element(const Element& element) {
    return allow_list().allows(element);
}

bool append_allowed_attributes(const Token& tag, const SanitizeOptions& options, const UrlResolver& resolver,
                               AttributeBuffers& buffers, std::string& out) {
    const std::size_t rollback = out.size();
    if (tag.element == nullptr) return false;
    bool has_source = false;
    if (!tag.attributes.empty()) {
        Context context{options, resolver, buffers.cleaned, buffers.value, buffers.url};
        const AllowList& allow = allow_list();
        for (const HtmlAttribute& attribute : tag.attributes) {
            const AllowedAttribute* allowed = allow.find(*tag.element, attribute.name);
            if (allowed == nullptr) continue;
            const auto value = checked_value(attribute, allowed->kind, context);
            if (!value) continue;
            append_attribute(attribute.name, *value, options.input_is_valid_utf8, out);
            if (allowed->kind >= ValueKind::link_url && !has_source)
                has_source = is_same_name(attribute.name, "src") || is_same_name(attribute.name, "srcset") ||
                             is_same_name(attribute.name, "href");
        }
    }
    const std::string_view name = tag.element->name;
    if (is_same_name(name, "a") && has_source) {
        // Linked pages get neither window.opener nor our address.
        out.append(R"( rel="noopener noreferrer")");
    } else if (is_same_name(name, "iframe") && has_source) {
        out.append(kIframeSandbox);
    } else if ((is_same_name(name, "img") || is_same_name(name, "iframe") || is_same_name(name, "source")) &&
               !has_source) {
        out.resize(rollback);
        return false;
    }
    return true;
}

}  // namespace feedagg::feeds::detail
