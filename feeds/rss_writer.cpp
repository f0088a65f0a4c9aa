// RSS 2.0 from the model, following the RSS 2.0 specification and the RSS Advisory Board's profile,
// with the usual modules: atom:link (self and extra links), content:encoded, dc:creator,
// slash:comments and media:content.

#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/dates.hpp"
#include "feeds/entry_links.hpp"
#include "feeds/writers.hpp"
#include "feeds/xml_writer.hpp"

namespace feedagg::feeds {
namespace {

using detail::XmlWriter;

const std::string& first_non_empty(std::initializer_list<const std::string*> candidates) {
    for (const std::string* candidate : candidates) {
        if (!candidate->empty()) {
            return *candidate;
        }
    }
    return **std::prev(candidates.end());
}

std::string length_text(const std::optional<std::uint64_t>& length) {
    return length ? std::to_string(*length) : std::string{};
}

// RSS 2.0: author is "the email address of the author", by custom "email (Name)".
std::string rss_author(const Person& person) {
    if (person.name.empty()) {
        return person.email;
    }
    return person.email + " (" + person.name + ")";
}

// The first person with an email goes into the element RSS has for it (managingEditor, author); the
// others, and anyone without an email, into dc:creator.
void write_people(XmlWriter& xml, const std::vector<Person>& people, std::string_view email_element) {
    bool email_written = false;
    for (const Person& person : people) {
        if (!person.email.empty() && !email_written) {
            xml.element(email_element, rss_author(person));
            email_written = true;
        } else if (!person.name.empty() || !person.email.empty()) {
            xml.element("dc:creator", person.name.empty() ? person.email : person.name);
        }
    }
}

// RSS 2.0 requires type and length on an enclosure; the profile says to use 0 when the length is
// unknown.
void write_enclosures(XmlWriter& xml, const std::vector<Enclosure>& enclosures) {
    bool first = true;
    for (const Enclosure& enclosure : enclosures) {
        if (enclosure.url.empty()) {
            continue;
        }
        if (first) {
            const std::string length = enclosure.length ? std::to_string(*enclosure.length) : "0";
            const std::string_view type = enclosure.type.empty()
                                              ? std::string_view("application/octet-stream")
                                              : std::string_view(enclosure.type);
            xml.empty_element("enclosure", {{"url", enclosure.url}, {"length", length}, {"type", type}});
            first = false;
        } else {
            // The profile allows one enclosure per item; the others go to Media RSS.
            const std::string size = length_text(enclosure.length);
            xml.empty_element("media:content",
                              {{"url", enclosure.url}, {"type", enclosure.type}, {"fileSize", size}});
        }
    }
}

// Links RSS has no element for, as atom:link.
void write_extra_links(XmlWriter& xml, const Entry& entry) {
    for (const Link& link : entry.links) {
        if (link.href.empty() || detail::restates_entry_field(link, entry)) {
            continue;
        }
        const std::string length = length_text(link.length);
        xml.empty_element("atom:link", {{"rel", link.rel},
                                        {"type", link.type},
                                        {"href", link.href},
                                        {"title", link.title},
                                        {"length", length}});
    }
}

// description carries the summary when there is one and content:encoded the full content; with only
// one of the two, description carries it.
void write_item_body(XmlWriter& xml, const Entry& entry) {
    const bool both = !entry.summary.empty() && !entry.content.empty();
    const std::string& description = entry.summary.empty() ? entry.content : entry.summary;
    // RSS 2.0: an item must contain at least one of title or description.
    if (!description.empty() || entry.title.empty()) {
        xml.element("description", description);
    }
    if (both) {
        xml.element("content:encoded", entry.content);
    }
}

void write_item(XmlWriter& xml, const Entry& entry) {
    xml.open("item");
    xml.optional_element("title", entry.title);
    xml.optional_element("link", entry.link);
    write_item_body(xml, entry);
    const std::string guid = stable_entry_id(entry);
    const bool permalink = !entry.link.empty() && guid == entry.link;
    xml.element("guid", guid, {{"isPermaLink", permalink ? "true" : "false"}});
    if (const auto date = entry.published ? entry.published : entry.updated) {
        xml.element("pubDate", format_rfc822(*date));
    }
    if (entry.updated) {
        // RSS has no modification date; Atom's is the one readers of RSS know.
        xml.element("atom:updated", format_rfc3339(*entry.updated));
    }
    write_people(xml, entry.authors, "author");
    for (const std::string& category : entry.categories) {
        xml.optional_element("category", category);
    }
    write_enclosures(xml, entry.enclosures);
    write_extra_links(xml, entry);
    xml.optional_element("comments", entry.comments);
    if (entry.comment_count) {
        xml.element("slash:comments", std::to_string(*entry.comment_count));
    }
    // RSS 2.0: source requires its url attribute.
    if (!entry.source_link.empty()) {
        xml.element("source", entry.source_title, {{"url", entry.source_link}});
    }
    xml.close("item");
}

void write_channel_metadata(XmlWriter& xml, const Feed& feed) {
    // RSS 2.0: title, link and description are required. Derive them when the model lacks them.
    const std::string untitled = "Untitled";
    const std::string& title = first_non_empty({&feed.title, &feed.link, &feed.self_link, &untitled});
    const std::string& link = first_non_empty({&feed.link, &feed.self_link});
    xml.element("title", title);
    xml.element("link", link);
    xml.element("description", first_non_empty({&feed.description, &title}));
    xml.optional_element("language", feed.language);
    xml.optional_element("copyright", feed.rights);
    write_people(xml, feed.authors, "managingEditor");
    xml.optional_element("generator", feed.generator);
    if (feed.updated) {
        xml.element("lastBuildDate", format_rfc822(*feed.updated));
    }
    if (!feed.image.empty()) {
        // RSS 2.0: image needs url, title and link, the latter two as the channel's.
        xml.open("image");
        xml.element("url", feed.image);
        xml.element("title", title);
        xml.element("link", link);
        xml.close("image");
    }
    if (!feed.self_link.empty()) {
        // The RSS Advisory Board profile recommends identifying the feed's URL with atom:link.
        xml.empty_element("atom:link",
                          {{"href", feed.self_link}, {"rel", "self"}, {"type", "application/rss+xml"}});
    }
    if (!feed.next_link.empty()) {  // RFC 5005 §3 paging, as atom:link in RSS
        xml.empty_element("atom:link", {{"href", feed.next_link}, {"rel", "next"}, {"type", "application/rss+xml"}});
    }
}

}  // namespace

std::string write_rss(const Feed& feed) {
    XmlWriter xml;
    xml.open("rss", {{"version", "2.0"},
                     {"xmlns:atom", "http://www.w3.org/2005/Atom"},
                     {"xmlns:content", "http://purl.org/rss/1.0/modules/content/"},
                     {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
                     {"xmlns:media", "http://search.yahoo.com/mrss/"},
                     {"xmlns:slash", "http://purl.org/rss/1.0/modules/slash/"}});
    xml.open("channel");
    write_channel_metadata(xml, feed);
    for (const Entry& entry : feed.entries) {
        write_item(xml, entry);
    }
    xml.close("channel");
    xml.close("rss");
    return std::move(xml).finish();
}

}  // namespace feedagg::feeds
