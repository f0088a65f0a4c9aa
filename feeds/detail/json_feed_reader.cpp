// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). Values of the wrong JSON type are skipped
// with a warning rather than failing the feed.
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "feeds/detail/format_readers.hpp"
#include "feeds/detail/json_document.hpp"
#include "feeds/html.hpp"

namespace feedagg::feeds::detail {
namespace {

namespace json = boost::json;

// JSON Feed titles are plain text, yet publishers (WordPress among them) leave HTML entities in them.
std::string plain_title(std::string_view title) {
    return collapse_whitespace(decode_html_entities(title));
}

class JsonFeedReader {
  public:
    explicit JsonFeedReader(ParseContext& context) : context_(context) {}

    Feed read(const json::object& root) {
        Feed feed;
        feed.title = plain_title(string_member(root, "title"));
        feed.link = string_member(root, "home_page_url");
        feed.self_link = string_member(root, "feed_url");
        feed.next_link = string_member(root, "next_url");
        feed.description = collapse_whitespace(string_member(root, "description"));
        feed.image = string_member(root, "icon");
        if (feed.image.empty()) feed.image = string_member(root, "favicon");
        feed.language = string_member(root, "language");
        feed.authors = read_authors(root);
        if (const json::object* extension = extension_of(root)) {
            feed.rights = string_member(*extension, "rights");
            feed.generator = string_member(*extension, "generator");
            feed.updated = context_.date(string_member(*extension, "updated"), "feed _feedagg.updated");
        }
        std::vector<EntryDraft> drafts;
        if (const json::value* items = root.if_contains("items")) {
            if (const json::array* list = items->if_array()) {
                drafts.reserve(list->size());
                for (const json::value& item : *list) {
                    if (const json::object* object = item.if_object())
                        drafts.push_back(read_item(*object));
                    else
                        context_.warn_once("items: an item that is not an object was skipped");
                }
            } else {
                context_.warn("items: not an array");
            }
        } else {
            context_.warn("items: missing (JSON Feed requires it)");
        }
        return finish_feed(std::move(feed), std::move(drafts), {}, context_.options());
    }

  private:
    std::string string_member(const json::object& object, std::string_view key) {
        const json::value* value = object.if_contains(key);
        if (!value || value->is_null()) return {};
        if (const json::string* text = value->if_string()) return std::string(*text);
        if (value->is_int64() || value->is_uint64())
            return json::serialize(*value);  // ids written as numbers
        context_.warn_once(std::string(key) + ": expected a string");
        return {};
    }

    std::optional<std::uint64_t> size_member(const json::object& object, std::string_view key) {
        const json::value* value = object.if_contains(key);
        if (!value) return std::nullopt;
        if (value->is_uint64()) return value->get_uint64();
        if (value->is_int64() && value->get_int64() >= 0)
            return static_cast<std::uint64_t>(value->get_int64());
        if (value->is_double() && value->get_double() >= 0 && value->get_double() < 1e19) {
            return static_cast<std::uint64_t>(value->get_double());
        }
        return std::nullopt;
    }

    // JSON Feed 1.1 has "authors"; 1.0 had a single "author".
    std::vector<Person> read_authors(const json::object& object) {
        std::vector<Person> people;
        auto add = [&](const json::value& value) {
            if (const json::object* author = value.if_object()) {
                Person person{
                    collapse_whitespace(string_member(*author, "name")), {}, string_member(*author, "url")};
                if (person.uri.starts_with("mailto:"))
                    person.email = person.uri.substr(7), person.uri.clear();
                if (const json::object* extension = extension_of(*author)) {
                    if (std::string email = string_member(*extension, "email"); !email.empty())
                        person.email = email;
                }
                if (!person.name.empty() || !person.uri.empty() || !person.email.empty())
                    people.push_back(person);
            }
        };
        if (const json::value* authors = object.if_contains("authors"); authors && authors->is_array()) {
            for (const json::value& author : authors->get_array()) add(author);
        } else if (const json::value* author = object.if_contains("author")) {
            add(*author);
        }
        return people;
    }

    EntryDraft read_item(const json::object& item) {
        EntryDraft draft;
        Entry& entry = draft.entry;
        entry.id = string_member(item, "id");
        entry.link = string_member(item, "url");
        entry.source_link = string_member(item, "external_url");
        entry.title = plain_title(string_member(item, "title"));
        if (const json::value* html = item.if_contains("content_html");
            html && html->is_string() && !html->get_string().empty()) {
            draft.view_content(html->get_string());
        } else {
            std::string content = string_member(item, "content_html");
            draft.set_content(content.empty() ? text_to_html(string_member(item, "content_text"))
                                              : std::move(content));
        }
        draft.set_summary(text_to_html(collapse_whitespace(string_member(item, "summary"))));
        entry.published = context_.date(string_member(item, "date_published"), "item date_published");
        entry.updated = context_.date(string_member(item, "date_modified"), "item date_modified");
        entry.authors = read_authors(item);
        if (const json::value* tags = item.if_contains("tags"); tags && tags->is_array()) {
            for (const json::value& tag : tags->get_array()) {
                if (tag.is_string()) entry.categories.emplace_back(collapse_whitespace(tag.get_string()));
            }
        }
        if (const json::value* attachments = item.if_contains("attachments");
            attachments && attachments->is_array()) {
            for (const json::value& attachment : attachments->get_array()) {
                if (const json::object* object = attachment.if_object()) {
                    entry.enclosures.push_back(Enclosure{string_member(*object, "url"),
                                                         string_member(*object, "mime_type"),
                                                         size_member(*object, "size_in_bytes")});
                }
            }
        }
        if (const std::string image = string_member(item, "image"); !image.empty()) {
            entry.links.push_back(Link{image, "image", {}, {}, {}});
        }
        read_extension(item, draft);
        return draft;
    }

    // Our own extension (JSON Feed §"Extensions"): what the format has no field for, so that a feed we
    // write reads back whole.
    static const json::object* extension_of(const json::object& object) {
        const json::value* extension = object.if_contains("_feedagg");
        return extension ? extension->if_object() : nullptr;
    }

    void read_extension(const json::object& item, EntryDraft& draft) {
        Entry& entry = draft.entry;
        const json::object* extension = extension_of(item);
        if (!extension) return;
        const json::object& fields = *extension;
        if (const json::value* flag = fields.if_contains("content_from_summary");
            flag && flag->is_bool() && flag->get_bool()) {
            draft.set_content({});  // content_html carried the summary: the entry had no content
        }
        if (std::string summary = string_member(fields, "summary_html"); !summary.empty())
            draft.set_summary(std::move(summary));
        entry.comments = string_member(fields, "comments");
        entry.source_title = string_member(fields, "source_title");
        entry.comment_count = size_member(fields, "comment_count");
        if (const json::value* links = fields.if_contains("links"); links && links->is_array()) {
            for (const json::value& value : links->get_array()) {
                if (const json::object* link = value.if_object()) {
                    entry.links.push_back(Link{string_member(*link, "href"), string_member(*link, "rel"),
                                               string_member(*link, "type"), string_member(*link, "title"),
                                               size_member(*link, "length")});
                }
            }
        }
    }

    ParseContext& context_;
};

Format format_of_version(std::string_view version, ParseContext& context) {
    if (version.ends_with("/version/1.1")) return Format::jsonfeed11;
    if (!version.ends_with("/version/1")) {
        context.warn("version: \"" + std::string(version.substr(0, 60)) +
                     "\" is not a JSON Feed version; read as 1.1");
        return Format::jsonfeed11;
    }
    return Format::jsonfeed10;
}

}  // namespace

Result<Feed> read_json_feed(std::string_view text, Format& format, ParseContext& context) {
    boost::system::error_code error;
    // The document lives only while it is read: one arena, freed at once, instead of a heap block per value.
    json::monotonic_resource arena;
    const json::value document = parse_json_document(text, &arena, error);
    if (error) return Error{"not valid JSON: " + error.message()};
    const json::object* root = document.if_object();
    if (!root) return Error{"not a JSON Feed: the document is not a JSON object"};
    const json::value* version = root->if_contains("version");
    if (!version || !version->is_string()) {
        if (!root->contains("items")) return Error{"not a JSON Feed: no \"version\" and no \"items\""};
        context.warn("version: missing; read as JSON Feed 1.1");
    }
    format = format_of_version(
        version && version->is_string() ? std::string_view(version->get_string()) : "/version/1.1", context);
    return JsonFeedReader(context).read(*root);
}

}  // namespace feedagg::feeds::detail
