#include "feeds/parse.hpp"
// STUB: replaced by the parser.
namespace feedagg::feeds {
Result<ParsedFeed> parse_feed(std::string_view, const ParseOptions&) { return Error{"not implemented"}; }
}  // namespace feedagg::feeds
