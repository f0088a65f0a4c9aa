#pragma once
// Deterministic identifiers for things a feed did not name: entries without id or link, feeds without
// any URL. stable_entry_id itself is declared in feeds/writers.hpp.

#include <initializer_list>
#include <string>
#include <string_view>

namespace feedagg::feeds::detail {

// 32 lowercase hex digits of the 128-bit FNV-1a hash of the parts, each part followed by a 0x1f
// separator so that ("ab", "c") and ("a", "bc") differ. Not cryptographic: ids only need to be stable
// across runs and machines, and unlikely to collide within one feed.
std::string content_digest(std::initializer_list<std::string_view> parts);

}  // namespace feedagg::feeds::detail
