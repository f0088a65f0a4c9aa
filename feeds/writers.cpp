#include "feeds/writers.hpp"
// STUB: replaced by the writers implementation.
namespace feedagg::feeds {
std::string write_atom(const Feed&) { return {}; }
std::string write_rss(const Feed&) { return {}; }
std::string write_json_feed(const Feed&) { return {}; }
std::string stable_entry_id(const Entry& entry) { return entry.id; }
}  // namespace feedagg::feeds
