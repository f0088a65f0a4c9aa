#pragma once
// Writing feeds from the model. Output is always valid: required elements are present (derived
// when the model lacks them), text is escaped, characters XML does not allow are dropped.

#include <string>

#include "feeds/model.hpp"

namespace feedagg::feeds {

std::string write_atom(const Feed& feed);       // Atom 1.0, RFC 4287
std::string write_rss(const Feed& feed);        // RSS 2.0
std::string write_json_feed(const Feed& feed);  // JSON Feed 1.1

// The id an entry is published under: its own id, else its link, else a hash of title and content.
// Stable across runs and machines.
std::string stable_entry_id(const Entry& entry);

}  // namespace feedagg::feeds
