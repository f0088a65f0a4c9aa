#pragma once
// The readers of each vocabulary's elements. A format reader walks its own elements and hands every
// element of another vocabulary (dc:, media:, atom: inside RSS, ...) to these, so each vocabulary is
// read in one place whatever format carries it.

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "feeds/detail/entry_draft.hpp"
#include "feeds/detail/parse_context.hpp"
#include "feeds/detail/xml_namespaces.hpp"
#include "feeds/model.hpp"

namespace feedagg::feeds::detail {

// Atom 1.0 and 0.3 elements of an entry or of the feed; false when `name` is not one they know.
bool read_atom_entry_element(const ElementName& name, pugi::xml_node element, EntryDraft& draft,
                             ParseContext& context);
bool read_atom_feed_element(const ElementName& name, pugi::xml_node element, Feed& feed,
                            ParseContext& context);

// dc:, dcterms:, content:, media:, itunes:, slash:, feedburner:, thr: elements of an item or entry.
bool read_extension_entry_element(const ElementName& name, pugi::xml_node element, EntryDraft& draft,
                                  ParseContext& context, const NamespaceScope& scope);
// dc:, itunes:, sy: elements of a channel or feed.
bool read_extension_feed_element(const ElementName& name, pugi::xml_node element, Feed& feed,
                                 ParseContext& context);

// Element text, trimmed; markup inside it (feeds that forget to escape) flattened to text.
std::string plain_text(pugi::xml_node element);
// Element content as HTML: escaped text as it is, unescaped markup inside it serialized.
std::string html_text(pugi::xml_node element);
// html_text viewed in the document, for an element whose only child is one text node (most).
std::optional<std::string_view> html_text_in_place(pugi::xml_node element);
// An element's text as a title: HTML decoded and stripped, whitespace collapsed.
std::string title_text(pugi::xml_node element);

// "jo@example.com (Jo Smith)", "Jo Smith <jo@example.com>", "jo@example.com" or "Jo Smith".
Person person_from_text(std::string_view text);

std::optional<std::uint64_t> parse_length(std::string_view text);

}  // namespace feedagg::feeds::detail
