#include "feeds/html.hpp"
// STUB: replaced by the sanitizer implementation.
namespace feedagg::feeds {
std::string sanitize_html(std::string_view html, const SanitizeOptions&) { return std::string(html); }
std::string html_to_text(std::string_view html) { return std::string(html); }
std::string decode_html_entities(std::string_view text) { return std::string(text); }
std::string_view html_entity(std::string_view) { return {}; }
std::string escape_xml(std::string_view text) { return std::string(text); }
}  // namespace feedagg::feeds
