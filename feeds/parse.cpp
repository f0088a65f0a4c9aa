#include "feeds/parse.hpp"

#include "feeds/detail/format_readers.hpp"
#include "feeds/detail/xml_document.hpp"
#include "feeds/encoding.hpp"

namespace feedagg::feeds {
namespace {

using detail::ParseContext;
using detail::Vocabulary;

bool is_json(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

Format rss_version(pugi::xml_node root, ParseContext& context) {
    const std::string_view version = root.attribute("version").value();
    if (version == "2.0" || version == "2.0.1" || version == "2") return Format::rss20;
    if (version == "0.91") return Format::rss091;
    if (version == "0.92") return Format::rss092;
    if (version == "0.93") return Format::rss093;
    if (version == "0.94") return Format::rss094;
    if (version == "0.90" || version == "0.9") return Format::rss090;
    context.warn(version.empty()
                     ? "rss element has no version; read as RSS 2.0"
                     : "unknown RSS version \"" + std::string(version.substr(0, 20)) + "\"; read as RSS 2.0");
    return Format::rss20;
}

// RSS 1.0 and 0.90 share the rdf:RDF root; the channel's namespace tells them apart.
Format rdf_version(pugi::xml_node root) {
    const detail::NamespaceScope scope(root, nullptr);
    for (pugi::xml_node child : root.children()) {
        if (child.type() == pugi::node_element && scope.name_of(child).vocabulary == Vocabulary::rss090) {
            return Format::rss090;
        }
    }
    return Format::rss10;
}

Result<Feed> read_xml_feed(DecodedText decoded, std::string_view bytes, Format& format,
                           ParseContext& context) {
    std::vector<std::string> warnings;
    detail::XmlDocument document(std::move(decoded.utf8), warnings);
    if (!document.well_formed()) {
        // Decoding the same bytes again gives the same text (and the same warnings, not repeated).
        document.recover(decode_document(bytes, context.options().charset).utf8, warnings);
    }
    for (auto& warning : warnings) context.warn(std::move(warning));
    const pugi::xml_node root = document.root();
    if (!root) return Error{"not a feed: no XML element found"};

    const detail::NamespaceScope scope(root, nullptr);
    const detail::ElementName name = scope.name_of(root);
    if (name.local == "rss") {
        format = rss_version(root, context);
        return detail::read_rss(root, context);
    }
    if (name.local == "RDF" || name.local == "rdf") {
        format = rdf_version(root);
        return detail::read_rss(root, context);
    }
    if (name.local == "feed") {
        const bool atom03 = name.vocabulary == Vocabulary::atom03 ||
                            std::string_view(root.attribute("version").value()) == "0.3";
        if (name.vocabulary == Vocabulary::none)
            context.warn("feed element has no Atom namespace; read as Atom 1.0");
        format = atom03 ? Format::atom03 : Format::atom10;
        return detail::read_atom(root, context);
    }
    if (name.local == "entry") {  // RFC 5023 §9.2: an Atom Entry Document, read as a feed of one entry
        format = Format::atom10;
        return detail::read_atom_entry_document(root, context);
    }
    return Error{"not a feed: the root element is <" + std::string(root.name()).substr(0, 40) + ">"};
}

}  // namespace

Result<ParsedFeed> parse_feed(std::string_view document, const ParseOptions& options) {
    ParsedFeed parsed;
    DecodedText decoded = decode_document(document, options.charset);
    parsed.charset = std::move(decoded.charset);
    parsed.warnings = std::move(decoded.warnings);
    if (decoded.utf8.find_first_not_of(" \t\r\n") == std::string::npos) return Error{"empty document"};

    ParseContext context(options, parsed.warnings);
    Result<Feed> feed = is_json(decoded.utf8)
                            ? detail::read_json_feed(decoded.utf8, parsed.format, context)
                            : read_xml_feed(std::move(decoded), document, parsed.format, context);
    if (!feed) return feed.error();
    context.finish_warnings();
    parsed.feed = std::move(feed).value();
    return parsed;
}

}  // namespace feedagg::feeds
