// JSON Feed 1.1 (https://jsonfeed.org/version/1.1) from the model.
//
// Choices where JSON Feed and the model differ:
// - content_html is the content, else the summary (JSON Feed §items: an item needs content_html or
//   content_text); summary is the summary as plain text (JSON Feed's summary is plain text).
// - What JSON Feed has no field for goes into "_feedagg" extension objects (JSON Feed §extensions),
//   so that reading the output back can restore the model exactly:
//     feed:   rights, generator, updated
//     item:   summary_html, content_from_summary (true when content_html holds the summary),
//             links [{href, rel, type, title, length}], comments, comment_count, source_title
//     author: email (also as a mailto: url when the person has no other url)
// - external_url is the source link (where the entry was first published).

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/dates.hpp"
#include "feeds/encoding.hpp"
#include "feeds/html.hpp"
#include "feeds/writers.hpp"

namespace feedagg::feeds {
namespace {

namespace json = boost::json;

constexpr std::string_view extension_key = "_feedagg";

// RFC 8259 §8.1: JSON text is UTF-8. Boost.JSON writes string bytes as they are, so repair them here.
json::string utf8_string(std::string_view text) {
    if (is_valid_utf8(text)) {
        return json::string(text);
    }
    return json::string(convert_to_utf8(text, "UTF-8").utf8);
}

void set_text(json::object& object, std::string_view key, std::string_view text) {
    if (!text.empty()) {
        object[key] = utf8_string(text);
    }
}

void set_object(json::object& object, std::string_view key, json::object value) {
    if (!value.empty()) {
        object[key] = std::move(value);
    }
}

void set_array(json::object& object, std::string_view key, json::array value) {
    if (!value.empty()) {
        object[key] = std::move(value);
    }
}

// JSON Feed §authors: name, url, avatar, at least one of them. JSON Feed has no email: it becomes a
// mailto: url when the person has no other, and is kept in the extension either way.
json::array authors_json(const std::vector<Person>& people) {
    json::array authors;
    for (const Person& person : people) {
        if (person.name.empty() && person.email.empty() && person.uri.empty()) {
            continue;
        }
        json::object author;
        set_text(author, "name", person.name);
        set_text(author, "url",
                 person.uri.empty() && !person.email.empty() ? "mailto:" + person.email : person.uri);
        if (!person.email.empty()) {
            author[extension_key] = json::object{{"email", utf8_string(person.email)}};
        }
        authors.push_back(std::move(author));
    }
    return authors;
}

// JSON Feed §attachments: url and mime_type are required.
json::array attachments_json(const std::vector<Enclosure>& enclosures) {
    json::array attachments;
    for (const Enclosure& enclosure : enclosures) {
        if (enclosure.url.empty()) {
            continue;
        }
        json::object attachment;
        attachment["url"] = utf8_string(enclosure.url);
        attachment["mime_type"] =
            enclosure.type.empty() ? json::string("application/octet-stream") : utf8_string(enclosure.type);
        if (enclosure.length) {
            attachment["size_in_bytes"] = *enclosure.length;
        }
        attachments.push_back(std::move(attachment));
    }
    return attachments;
}

json::array links_json(const std::vector<Link>& links) {
    json::array array;
    for (const Link& link : links) {
        json::object object;
        set_text(object, "href", link.href);
        set_text(object, "rel", link.rel);
        set_text(object, "type", link.type);
        set_text(object, "title", link.title);
        if (link.length) {
            object["length"] = *link.length;
        }
        array.push_back(std::move(object));
    }
    return array;
}

json::object item_extension(const Entry& entry) {
    json::object extension;
    set_text(extension, "summary_html", entry.summary);
    if (entry.content.empty() && !entry.summary.empty()) {
        extension["content_from_summary"] = true;
    }
    set_array(extension, "links", links_json(entry.links));
    set_text(extension, "comments", entry.comments);
    if (entry.comment_count) {
        extension["comment_count"] = *entry.comment_count;
    }
    set_text(extension, "source_title", entry.source_title);
    return extension;
}

json::object item_json(const Entry& entry) {
    json::object item;
    item["id"] = utf8_string(stable_entry_id(entry));
    set_text(item, "url", entry.link);
    set_text(item, "external_url", entry.source_link);
    set_text(item, "title", entry.title);
    item["content_html"] = utf8_string(entry.content.empty() ? entry.summary : entry.content);
    if (!entry.summary.empty()) {
        set_text(item, "summary", html_to_text(entry.summary));
    }
    if (entry.published) {
        item["date_published"] = format_rfc3339(*entry.published);
    }
    if (entry.updated) {
        item["date_modified"] = format_rfc3339(*entry.updated);
    }
    set_array(item, "authors", authors_json(entry.authors));
    json::array tags;
    for (const std::string& category : entry.categories) {
        if (!category.empty()) {
            tags.push_back(utf8_string(category));
        }
    }
    set_array(item, "tags", std::move(tags));
    set_array(item, "attachments", attachments_json(entry.enclosures));
    set_object(item, extension_key, item_extension(entry));
    return item;
}

json::object feed_extension(const Feed& feed) {
    json::object extension;
    set_text(extension, "rights", feed.rights);
    set_text(extension, "generator", feed.generator);
    if (feed.updated) {
        extension["updated"] = format_rfc3339(*feed.updated);
    }
    return extension;
}

}  // namespace

std::string write_json_feed(const Feed& feed) {
    json::object root;
    root["version"] = "https://jsonfeed.org/version/1.1";
    root["title"] = utf8_string(feed.title);
    set_text(root, "home_page_url", feed.link);
    set_text(root, "feed_url", feed.self_link);
    set_text(root, "next_url", feed.next_link);
    set_text(root, "description", feed.description);
    set_text(root, "icon", feed.image);
    set_text(root, "language", feed.language);
    set_array(root, "authors", authors_json(feed.authors));
    json::array items;
    for (const Entry& entry : feed.entries) {
        items.push_back(item_json(entry));
    }
    root["items"] = std::move(items);
    set_object(root, extension_key, feed_extension(feed));
    return json::serialize(root);
}

}  // namespace feedagg::feeds
