#pragma once
// HTML as feeds carry it: sanitized for republishing, or flattened to plain text for titles.

#include <string>
#include <string_view>
#include <vector>

namespace feedagg::feeds {

struct SanitizeOptions {
    // Relative URLs in href/src/srcset/poster are resolved against this (may be empty).
    std::string base_url;
    // Hosts whose <iframe> embeds are kept (https only), e.g. video players.
    std::vector<std::string> iframe_hosts = {"www.youtube.com", "www.youtube-nocookie.com",
                                             "player.vimeo.com", "player.bilibili.com"};
    // Set when the caller guarantees the HTML is valid UTF-8 (parse_feed's text always is: it comes
    // from decode_document). Escaping then skips checking multibyte sequences; ill-formed bytes
    // would pass through instead of becoming U+FFFD. Leave it false for text of unknown origin.
    bool input_is_valid_utf8 = false;
};

// Allow-list sanitizer: keeps harmless formatting, links, images, tables, media; drops script,
// style, iframe (but from iframe_hosts), object/embed, form controls, event-handler attributes,
// javascript:/vbscript:/data: URLs (data: images excepted), CSS. Output is well-formed HTML
// (every element closed, attributes quoted, text escaped, void elements as "<br />" so it is also
// well-formed XML) and never contains markup the input did not have in harmless form.
// Decisions: class, id and style are dropped (the output is embedded in our own pages); links get
// rel="noopener noreferrer" and no target; kept iframes get a sandbox; unknown tags are removed
// with their text kept, and so is <noscript>, whose content is the fallback (often the real
// image) of lazy-loading pages.
std::string sanitize_html(std::string_view html, const SanitizeOptions& options = {});

// Plain text of an HTML fragment: tags stripped (script/style content dropped), entities decoded,
// whitespace (NBSP and the ideographic space included) collapsed to single spaces and trimmed.
// Block elements and <br> separate words. Text still holding tags after decoding (HTML escaped
// twice, common in titles) is stripped once more. Used for titles and descriptions.
std::string html_to_text(std::string_view html);

// Decodes HTML5 named (&nbsp; &mdash; ...) and numeric (&#8212; &#x2014;) character references.
// Unknown references are left as they are.
std::string decode_html_entities(std::string_view text);

// Looks up a named character reference without '&' and ';' ("mdash"); empty when unknown.
std::string_view html_entity(std::string_view name);

// Escapes text for an HTML/XML text node or a double-quoted attribute, and drops characters XML 1.0
// does not allow.
std::string escape_xml(std::string_view text);

}  // namespace feedagg::feeds
