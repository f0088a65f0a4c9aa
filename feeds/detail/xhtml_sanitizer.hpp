#pragma once
// Detail of the sanitizer: Atom XHTML content sanitized from the document tree, without writing it
// out as markup for the tokenizer to read back.

#include <cstddef>
#include <optional>
#include <pugixml.hpp>
#include <string>

#include "feeds/html.hpp"

namespace feedagg::feeds::detail {

// sanitize_html(inner_markup(container), options), built from the nodes: the same tokens the
// tokenizer would read from that markup. Nothing when the content holds what the tokenizer would
// read otherwise than the tree says (a kept element whose content it reads as text, such as
// <plaintext> or <xmp>, or an element name that does not start with a letter); callers then
// take the markup path. `size_hint` is the room to reserve for the output.
std::optional<std::string> sanitize_xhtml(pugi::xml_node container, std::size_t size_hint,
                                          const SanitizeOptions& options);

}  // namespace feedagg::feeds::detail
