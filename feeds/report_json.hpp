#pragma once
// The JSON object `feedagg parse` prints for a feed: the CLI contract other tools depend on.

#include <boost/json/object.hpp>

#include "feeds/parse.hpp"

namespace feedagg::feeds {

// Absent values are null, lists are [], lengths are integers or null, times are RFC 3339 UTC.
boost::json::object to_report_json(const ParsedFeed& parsed);

}  // namespace feedagg::feeds
