#include "feeds/encoding.hpp"
// STUB: replaced by the encoding implementation.
namespace feedagg::feeds {
DecodedText decode_document(std::string_view bytes, std::string_view) { return {std::string(bytes), "UTF-8", {}}; }
DecodedText convert_to_utf8(std::string_view bytes, std::string_view) { return {std::string(bytes), "UTF-8", {}}; }
bool is_valid_utf8(std::string_view) { return true; }
}  // namespace feedagg::feeds
