#pragma once
// The two in-process readers the benchmark times over one document each call.

#include <cstdint>
#include <string_view>

namespace feedagg::bench {

struct ReadOutcome {
    std::uint64_t entries = 0;
    bool failed = false;
    std::uint64_t checksum = 0;  // keeps the optimizer from dropping work whose result is unused
};

// feeds::parse_feed with everything on: charset detection, XML recovery, normalization, sanitizing,
// URL resolution against `base_url`, date parsing.
ReadOutcome read_with_feedagg(std::string_view document, std::string_view base_url);

// The practical floor for an XML feed reader: pugixml builds the DOM (same parse flags as feedagg)
// and the walk touches every element name, attribute and text value once. Entries are counted as
// item/entry elements. No decoding, no HTML parsing, no normalization.
ReadOutcome read_with_pugixml_walk(std::string_view document);

}  // namespace feedagg::bench
