#pragma once

#include <boost/json/value.hpp>
#include <string>

namespace feedagg::cli {

// Boost.JSON serializes compactly only; this indents by two spaces per level.
std::string pretty_json(const boost::json::value& value);

}  // namespace feedagg::cli
