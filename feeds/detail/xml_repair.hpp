#pragma once
// Turning the broken XML real feeds serve into XML pugixml accepts, recovering as much as possible.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feedagg::feeds::detail {

// One linear pass over what XML forbids but the web serves: junk before the first tag, HTML entities
// XML does not declare (&nbsp; &mdash;), bare '&', and control characters. CDATA sections and comments
// are left as they are. Returns nothing when the text needs no change (the common case, no copy).
std::optional<std::string> clean_xml_text(std::string_view xml, std::vector<std::string>& warnings);

// Rebuilds the tag structure of a document pugixml rejected: closes elements left open (missing end
// tags, truncated documents), drops end tags that close nothing, quotes unquoted attributes, escapes
// a '<' that starts no tag, and stops after the root element ends.
std::string balance_xml_tags(std::string_view xml, std::vector<std::string>& warnings);

}  // namespace feedagg::feeds::detail
