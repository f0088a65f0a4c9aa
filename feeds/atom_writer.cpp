// Atom 1.0 (RFC 4287) from the model, with replies links from RFC 4685 (Atom Threading).

#include <algorithm>
#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/dates.hpp"
#include "feeds/entry_id.hpp"
#include "feeds/entry_links.hpp"
#include "feeds/writers.hpp"
#include "feeds/xml_writer.hpp"

namespace feedagg::feeds {
namespace {

using detail::XmlWriter;

constexpr std::string_view atom_namespace = "http://www.w3.org/2005/Atom";
constexpr std::string_view threading_namespace = "http://purl.org/syndication/thread/1.0";

// RFC 3987 §3.1: an IRI maps to a URI by percent-encoding its non-ASCII UTF-8 bytes.
std::string iri_to_uri(std::string_view iri) {
    constexpr std::string_view hex = "0123456789ABCDEF";
    std::string uri;
    uri.reserve(iri.size());
    for (const char c : iri) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            uri += c;
        } else {
            uri += '%';
            uri += hex[byte >> 4];
            uri += hex[byte & 0xf];
        }
    }
    return uri;
}

bool is_absolute_iri(std::string_view text) {
    return boost::urls::parse_uri(iri_to_uri(text)).has_value();
}

// RFC 4287 §4.2.6: the content of atom:id MUST be an IRI, and an absolute one (§4.2.6, §3.4 of
// RFC 3987). Ids that are not, such as RSS guids "12345", are wrapped deterministically:
// "urn:feedagg:id:" followed by the id with everything but unreserved characters percent-encoded.
std::string atom_id(std::string_view id) {
    if (is_absolute_iri(id)) {
        return std::string(id);
    }
    return "urn:feedagg:id:" + boost::urls::encode(id, boost::urls::unreserved_chars);
}

// The schema's atomMediaType: ".+/.+". Anything else is left out rather than made invalid.
std::string_view media_type(std::string_view type) {
    const auto slash = type.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == type.size()) {
        return {};
    }
    return type;
}

// The schema's atomLanguageTag (RFC 3066): letters, then "-"-separated letters or digits, each part
// one to eight long. "en_US" is accepted as "en-US".
std::string language_tag(std::string_view language) {
    std::string tag(language);
    std::replace(tag.begin(), tag.end(), '_', '-');
    std::size_t part_length = 0;
    bool first_part = true;
    for (const char c : tag) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        if (c == '-') {
            if (part_length == 0) {
                return {};
            }
            part_length = 0;
            first_part = false;
        } else if ((letter || (digit && !first_part)) && part_length < 8) {
            ++part_length;
        } else {
            return {};
        }
    }
    return part_length == 0 ? std::string{} : tag;
}

bool is_email(std::string_view text) {
    const auto at = text.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < text.size();
}

bool is_writable(const Person& person) {
    return !person.name.empty() || !person.email.empty() || !person.uri.empty();
}

bool has_author(const std::vector<Person>& people) {
    return std::any_of(people.begin(), people.end(), is_writable);
}

std::string length_text(const std::optional<std::uint64_t>& length) {
    return length ? std::to_string(*length) : std::string{};
}

// RFC 4287 §3.2: a Person construct MUST have exactly one atom:name.
void write_person(XmlWriter& xml, std::string_view element, const Person& person) {
    const std::string& name = !person.name.empty()    ? person.name
                              : !person.email.empty() ? person.email
                                                      : person.uri;
    xml.open(element);
    xml.element("name", name);
    xml.optional_element("uri", person.uri);
    if (is_email(person.email)) {
        xml.element("email", person.email);
    }
    xml.close(element);
}

void write_people(XmlWriter& xml, const std::vector<Person>& people) {
    for (const Person& person : people) {
        if (is_writable(person)) {
            write_person(xml, "author", person);
        }
    }
}

void write_link(XmlWriter& xml, const Link& link) {
    const std::string length = length_text(link.length);
    xml.empty_element("link", {{"rel", link.rel},
                               {"type", media_type(link.type)},
                               {"href", link.href},
                               {"title", link.title},
                               {"length", length}});
}

// RFC 4287 §4.2.15: atom:updated is required. When neither the feed nor any entry says, the Unix epoch
// stands for "unknown".
Timestamp feed_updated(const Feed& feed) {
    if (feed.updated) {
        return *feed.updated;
    }
    std::optional<Timestamp> newest;
    for (const Entry& entry : feed.entries) {
        for (const auto& time : {entry.updated, entry.published}) {
            if (time && (!newest || *time > *newest)) {
                newest = time;
            }
        }
    }
    return newest.value_or(Timestamp{});
}

// RFC 4287 §4.1.1: atom:feed MUST contain exactly one atom:id. Its own URL, else the site's, else a
// name derived from the title.
std::string feed_id(const Feed& feed) {
    if (!feed.self_link.empty()) {
        return atom_id(feed.self_link);
    }
    if (!feed.link.empty()) {
        return atom_id(feed.link);
    }
    return "urn:feedagg:feed:" + detail::content_digest({feed.title});
}

bool is_alternate(const Link& link) {
    return link.rel.empty() || link.rel == "alternate";
}

// The entry's links, its enclosures and its comments page, each written once. Returns whether an
// alternate link was written.
bool write_entry_links(XmlWriter& xml, const Entry& entry) {
    // RFC 4287 §4.1.1: no two alternate links with the same type (hreflang is not modelled).
    std::vector<std::string> alternate_types;
    const auto write_unless_repeated = [&](const Link& link) {
        if (is_alternate(link)) {
            const std::string type(media_type(link.type));
            if (std::find(alternate_types.begin(), alternate_types.end(), type) != alternate_types.end()) {
                return;
            }
            alternate_types.push_back(type);
        }
        write_link(xml, link);
    };
    // The article link first; as listed in `links` when it is, for its type and title.
    const auto listed = std::find_if(entry.links.begin(), entry.links.end(),
                                     [&](const Link& link) { return detail::is_article_link(link, entry); });
    if (listed != entry.links.end()) {
        write_unless_repeated(*listed);
    } else if (!entry.link.empty()) {
        write_unless_repeated(
            Link{.href = entry.link, .rel = "alternate", .type = {}, .title = {}, .length = {}});
    }
    for (const Link& link : entry.links) {
        if (!link.href.empty() && !detail::restates_entry_field(link, entry)) {
            write_unless_repeated(link);
        }
    }
    for (const Enclosure& enclosure : entry.enclosures) {
        if (!enclosure.url.empty()) {
            const std::string length = length_text(enclosure.length);
            xml.empty_element("link", {{"rel", "enclosure"},
                                       {"type", media_type(enclosure.type)},
                                       {"href", enclosure.url},
                                       {"length", length}});
        }
    }
    const std::string count = length_text(entry.comment_count);
    if (!entry.comments.empty()) {
        // RFC 4685 §4: a replies link, with the number of replies in thr:count.
        xml.empty_element(
            "link",
            {{"rel", "replies"}, {"type", "text/html"}, {"href", entry.comments}, {"thr:count", count}});
    }
    // RFC 4685 §5: the total number of responses.
    xml.optional_element("thr:total", count);
    return !alternate_types.empty();
}

void write_entry(XmlWriter& xml, const Entry& entry, Timestamp fallback_updated) {
    xml.open("entry");
    xml.element("id", atom_id(stable_entry_id(entry)));
    xml.element("title", entry.title, {{"type", "text"}});
    xml.element("updated",
                format_rfc3339(entry.updated.value_or(entry.published.value_or(fallback_updated))));
    if (entry.published) {
        xml.element("published", format_rfc3339(*entry.published));
    }
    const bool has_alternate = write_entry_links(xml, entry);
    write_people(xml, entry.authors);
    for (const std::string& category : entry.categories) {
        if (!category.empty()) {
            xml.empty_element("category", {{"term", category}});
        }
    }
    xml.optional_element("summary", entry.summary, {{"type", "html"}});
    // RFC 4287 §4.1.1: an entry without an alternate link MUST have atom:content, if only empty.
    if (!entry.content.empty() || !has_alternate) {
        xml.element("content", entry.content, {{"type", "html"}});
    }
    if (!entry.source_title.empty() || !entry.source_link.empty()) {
        xml.open("source");
        xml.optional_element("title", entry.source_title, {{"type", "text"}});
        if (!entry.source_link.empty()) {
            xml.empty_element("link", {{"rel", "alternate"}, {"href", entry.source_link}});
        }
        xml.close("source");
    }
    xml.close("entry");
}

void write_feed_metadata(XmlWriter& xml, const Feed& feed, Timestamp updated) {
    xml.element("id", feed_id(feed));
    xml.element("title", feed.title, {{"type", "text"}});
    xml.element("updated", format_rfc3339(updated));
    if (!feed.link.empty()) {
        xml.empty_element("link", {{"rel", "alternate"}, {"href", feed.link}});
    }
    if (!feed.self_link.empty()) {
        xml.empty_element("link",
                          {{"rel", "self"}, {"type", "application/atom+xml"}, {"href", feed.self_link}});
    }
    if (!feed.next_link.empty()) {
        xml.empty_element("link", {{"rel", "next"}, {"type", "application/atom+xml"}, {"href", feed.next_link}});
    }
    xml.optional_element("subtitle", feed.description, {{"type", "text"}});
    xml.optional_element("rights", feed.rights, {{"type", "text"}});
    xml.optional_element("generator", feed.generator);
    xml.optional_element("logo", feed.image);
    write_people(xml, feed.authors);
    // RFC 4287 §4.1.1: atom:feed MUST contain an atom:author unless every entry has one. The feed's
    // title is the best name we have for whoever publishes it.
    const bool every_entry_has_author =
        std::all_of(feed.entries.begin(), feed.entries.end(),
                    [](const Entry& entry) { return has_author(entry.authors); });
    if (!has_author(feed.authors) && !every_entry_has_author) {
        Person publisher;
        publisher.name = feed.title.empty() ? "Unknown" : feed.title;
        write_person(xml, "author", publisher);
    }
}

}  // namespace

std::string write_atom(const Feed& feed) {
    const Timestamp updated = feed_updated(feed);
    const std::string language = language_tag(feed.language);
    XmlWriter xml;
    xml.open("feed", {{"xmlns", atom_namespace}, {"xmlns:thr", threading_namespace}, {"xml:lang", language}});
    write_feed_metadata(xml, feed, updated);
    for (const Entry& entry : feed.entries) {
        write_entry(xml, entry, updated);
    }
    xml.close("feed");
    return std::move(xml).finish();
}

}  // namespace feedagg::feeds
