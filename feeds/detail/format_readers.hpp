#pragma once
// One reader per feed format, each turning a parsed document into the model.

#include <pugixml.hpp>
#include <string_view>

#include "feeds/detail/element_readers.hpp"
#include "feeds/detail/entry_draft.hpp"
#include "feeds/detail/parse_context.hpp"
#include "feeds/model.hpp"
#include "feeds/result.hpp"

namespace feedagg::feeds::detail {

// Atom 1.0 and 0.3: `root` is the feed element.
Feed read_atom(pugi::xml_node root, ParseContext& context);
Feed read_atom_entry_document(pugi::xml_node root, ParseContext& context);
EntryDraft read_atom_entry(pugi::xml_node element, const NamespaceScope& parent, ParseContext& context);

// RSS 0.90 to 2.0 and RSS 1.0: `root` is the rss or rdf:RDF element.
Feed read_rss(pugi::xml_node root, ParseContext& context);

// JSON Feed 1.0 and 1.1, already decoded to UTF-8; sets `format` from its version.
Result<Feed> read_json_feed(std::string_view json, Format& format, ParseContext& context);

// Warns, once per prefix, about an element whose namespace prefix was never declared.
void warn_undeclared_prefix(const ElementName& name, pugi::xml_node element, ParseContext& context);

}  // namespace feedagg::feeds::detail
