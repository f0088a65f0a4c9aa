#include "feeds/dates.hpp"
// STUB: replaced by the dates implementation.
namespace feedagg::feeds {
std::optional<Timestamp> parse_date(std::string_view, std::string_view) { return std::nullopt; }
bool is_known_timezone(std::string_view) { return true; }
std::string format_rfc3339(Timestamp) { return {}; }
std::string format_rfc822(Timestamp) { return {}; }
}  // namespace feedagg::feeds
