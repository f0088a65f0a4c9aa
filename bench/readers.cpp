#include "readers.hpp"

#include <cstring>
#include <pugixml.hpp>
#include <string>

#include "feeds/parse.hpp"

namespace feedagg::bench {
namespace {

// The flags feeds/detail/xml_document.cpp parses with, so the walk does the same XML work.
constexpr unsigned walk_parse_flags = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol;

std::string_view local_name(const char* name) {
    const char* colon = std::strchr(name, ':');
    return colon ? std::string_view(colon + 1) : std::string_view(name);
}

std::uint64_t checksum_of(const feeds::Feed& feed) {
    std::uint64_t sum = feed.title.size();
    for (const feeds::Entry& entry : feed.entries)
        sum += entry.title.size() + entry.content.size() + entry.summary.size();
    return sum;
}

}  // namespace

ReadOutcome read_with_feedagg(std::string_view document, std::string_view base_url) {
    feeds::ParseOptions options;
    options.base_url = std::string(base_url);
    auto parsed = feeds::parse_feed(document, options);
    if (!parsed) return {0, true, 0};
    return {parsed->feed.entries.size(), false, checksum_of(parsed->feed)};
}

ReadOutcome read_with_pugixml_walk(std::string_view document) {
    pugi::xml_document dom;
    const auto result =
        dom.load_buffer(document.data(), document.size(), walk_parse_flags, pugi::encoding_utf8);
    ReadOutcome outcome;
    if (!result) outcome.failed = true;

    // Iterative pre-order walk: recursion depth would follow the document's nesting.
    pugi::xml_node node = dom.first_child();
    while (node) {
        if (node.type() == pugi::node_element) {
            const std::string_view name = local_name(node.name());
            if (name == "item" || name == "entry") ++outcome.entries;
            outcome.checksum += name.size();
            for (pugi::xml_attribute attribute : node.attributes()) {
                outcome.checksum += std::strlen(attribute.name()) + std::strlen(attribute.value());
            }
        } else {
            outcome.checksum += std::strlen(node.value());
        }
        if (node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node && !node.next_sibling()) node = node.parent();
        if (node) node = node.next_sibling();
    }
    return outcome;
}

}  // namespace feedagg::bench
