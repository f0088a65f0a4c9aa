#pragma once
// How an Entry is kept in a row: the columns that are queried or sorted on, the rest as one JSON
// document, and the keys that say whether two entries of a source are the same and whether it changed.

#include <string>
#include <string_view>

#include "daemon/store/store.hpp"
#include "feeds/model.hpp"

namespace feedagg::store::detail {

// Within a source an entry is the same entry when its id matches ("id:..."), else its canonical link
// ("link:..."), else the digest of its title and body ("hash:...", the body being the content, or the
// summary when there is none).
std::string identity_key(const feeds::Entry& entry);

// The identity key, content hash, encoded body and canonical link of `entry`.
EntryRow make_entry_row(const feeds::Entry& entry);
// The same, the canonical link of entry.link given.
EntryRow make_entry_row(const feeds::Entry& entry, std::string canonical_link);

// Whether an entry whose row holds `stored_hash` is unchanged in `row`. Rows stored before content
// hashes were XXH3 hold an FNV-1a 128 digest of the same parts, computed the old way for them.
bool unchanged_content(std::string_view stored_hash, const EntryRow& row, const feeds::Entry& entry);

// The fields without a column of their own (everything but title, link, published and updated).
std::string encode_entry_body(const feeds::Entry& entry);

// Fills the fields encode_entry_body wrote; unknown or malformed members are skipped.
void decode_entry_body(std::string_view json, feeds::Entry& entry);

}  // namespace feedagg::store::detail
