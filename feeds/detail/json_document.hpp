#pragma once
// JSON documents for the JSON Feed reader, as Boost.JSON values.

#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <boost/system/error_code.hpp>
#include <optional>
#include <string_view>

namespace feedagg::feeds::detail {

// Parses `text` as one JSON document into a value allocated from `storage`: what boost::json::parse
// returns with comments, trailing commas and invalid UTF-8 allowed and nesting up to 64 deep. On
// failure it sets `error` and returns null.
boost::json::value parse_json_document(std::string_view text, boost::json::storage_ptr storage,
                                       boost::system::error_code& error);

// The same value for a document that is one object in standard JSON (RFC 8259) whose numbers are
// integers of up to 18 digits, nested up to 32 deep; nullopt for any other document, even a valid
// one, which parse_json_document then leaves to Boost.JSON.
std::optional<boost::json::value> read_standard_json_object(std::string_view text,
                                                            boost::json::storage_ptr storage);

}  // namespace feedagg::feeds::detail
