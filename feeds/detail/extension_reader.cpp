// The vocabularies feeds borrow: Dublin Core, content:encoded, Media RSS, iTunes, Slash, FeedBurner,
// the Atom threading extension (RFC 4685) and the RSS 1.0 syndication module.
#include <algorithm>

#include "feeds/detail/element_readers.hpp"
#include "feeds/detail/xml_document.hpp"
#include "feeds/html.hpp"

namespace feedagg::feeds::detail {
namespace {

void set_if_empty(std::string& field, std::string value) {
    if (field.empty()) field = std::move(value);
}

// Media RSS files often name no type; a thumbnail is an image whatever its extension says.
std::string image_type_from_url(std::string_view url) {
    std::string lower(url.substr(0, url.find_first_of("?#")));
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (lower.ends_with(".png")) return "image/png";
    if (lower.ends_with(".gif")) return "image/gif";
    if (lower.ends_with(".webp")) return "image/webp";
    if (lower.ends_with(".jpg") || lower.ends_with(".jpeg")) return "image/jpeg";
    return {};
}

void read_media_element(std::string_view local, pugi::xml_node element, EntryDraft& draft);

void read_media_children(pugi::xml_node element, EntryDraft& draft) {
    for (pugi::xml_node child : element.children()) {
        if (child.type() == pugi::node_element) read_media_element(local_name(child), child, draft);
    }
}

// Media RSS 1.5: content, group (alternatives of one item), thumbnail, title, description.
void read_media_element(std::string_view local, pugi::xml_node element, EntryDraft& draft) {
    Entry& entry = draft.entry;
    if (local == "content") {
        const std::string url = collapse_whitespace(element.attribute("url").value());
        if (!url.empty()) {
            entry.enclosures.push_back(Enclosure{url, element.attribute("type").value(),
                                                 parse_length(element.attribute("fileSize").value())});
        }
        read_media_children(element, draft);
    } else if (local == "group") {
        read_media_children(element, draft);
    } else if (local == "thumbnail") {
        const std::string url = collapse_whitespace(element.attribute("url").value());
        if (!url.empty()) entry.enclosures.push_back(Enclosure{url, image_type_from_url(url), std::nullopt});
    } else if (local == "title") {
        set_if_empty(entry.title, std::string_view(element.attribute("type").value()) == "html"
                                      ? title_text(element)
                                      : plain_text(element));
    } else if (local == "description") {
        const bool html = std::string_view(element.attribute("type").value()) == "html";
        if (draft.summary().empty())
            draft.set_summary(html ? html_text(element) : text_to_html(plain_text(element)));
    }
}

std::optional<std::chrono::minutes> update_period(pugi::xml_node period_element) {
    static constexpr std::pair<std::string_view, int> periods[] = {
        {"hourly", 60}, {"daily", 1440}, {"weekly", 10080}, {"monthly", 43200}, {"yearly", 525600}};
    const std::string period = plain_text(period_element);
    for (const auto& [name, minutes] : periods) {
        if (period != name) continue;
        std::uint64_t frequency = 1;  // RSS 1.0 syndication module: updateFrequency defaults to 1
        for (pugi::xml_node sibling : period_element.parent().children()) {
            if (local_name(sibling) == "updateFrequency")
                frequency = parse_length(plain_text(sibling)).value_or(1);
        }
        return std::chrono::minutes(minutes /
                                    static_cast<int>(std::clamp<std::uint64_t>(frequency, 1, 1440)));
    }
    return std::nullopt;
}

}  // namespace

bool read_extension_entry_element(const ElementName& name, pugi::xml_node element, EntryDraft& draft,
                                  ParseContext& context, const NamespaceScope&) {
    Entry& entry = draft.entry;
    const std::string_view local = name.local;
    switch (name.vocabulary) {
        case Vocabulary::dc:
            if (local == "creator")
                entry.authors.push_back(person_from_text(plain_text(element)));
            else if (local == "date" && !entry.published)
                entry.published = context.date(element_text(element), "dc:date");
            else if (local == "subject")
                entry.categories.push_back(plain_text(element));
            else if (local == "title")
                set_if_empty(entry.title, title_text(element));
            else if (local == "description") {
                if (draft.summary().empty()) draft.set_summary(html_text(element));
            } else if (local == "identifier")
                set_if_empty(entry.id, plain_text(element));
            else
                return false;
            return true;
        case Vocabulary::dcterms:
            if (local == "modified")
                entry.updated = context.date(element_text(element), "dcterms:modified");
            else if ((local == "created" || local == "issued") && !entry.published) {
                entry.published = context.date(element_text(element), "dcterms:created");
            } else
                return false;
            return true;
        case Vocabulary::content:
            if (local != "encoded") return false;
            if (const auto html = html_text_in_place(element); html && !looks_double_escaped(*html))
                draft.view_content(*html);
            else
                draft.set_content(context.undouble_escaped_html(html_text(element), "content:encoded"));
            draft.content_base = xml_base(element, context.options().base_url);
            return true;
        case Vocabulary::media: read_media_element(local, element, draft); return true;
        case Vocabulary::itunes:
            if (local == "author")
                entry.authors.push_back(person_from_text(plain_text(element)));
            else if (local == "summary") {
                if (draft.summary().empty()) draft.set_summary(text_to_html(plain_text(element)));
            } else
                return false;
            return true;
        case Vocabulary::slash:
        case Vocabulary::threading:
            if (local != "comments" && local != "total") return false;
            entry.comment_count = parse_length(plain_text(element));
            return true;
        case Vocabulary::feedburner:
            if (local != "origLink") return false;
            // FeedBurner rewrites links to its own redirector; the original is the article's real address.
            if (!entry.link.empty()) entry.links.push_back(Link{entry.link, "via", {}, {}, {}});
            entry.link = plain_text(element);
            return true;
        default: return false;
    }
}

bool read_extension_feed_element(const ElementName& name, pugi::xml_node element, Feed& feed,
                                 ParseContext& context) {
    const std::string_view local = name.local;
    switch (name.vocabulary) {
        case Vocabulary::dc:
            if (local == "creator" || local == "publisher")
                feed.authors.push_back(person_from_text(plain_text(element)));
            else if (local == "language")
                set_if_empty(feed.language, plain_text(element));
            else if (local == "rights")
                set_if_empty(feed.rights, plain_text(element));
            else if (local == "title")
                set_if_empty(feed.title, title_text(element));
            else if (local == "description")
                set_if_empty(feed.description, title_text(element));
            else if (local == "date" && !feed.updated)
                feed.updated = context.date(element_text(element), "dc:date");
            else
                return false;
            return true;
        case Vocabulary::dcterms:
            if (local != "modified") return false;
            feed.updated = context.date(element_text(element), "dcterms:modified");
            return true;
        case Vocabulary::itunes:
            if (local == "author")
                feed.authors.push_back(person_from_text(plain_text(element)));
            else if (local == "image")
                set_if_empty(feed.image, collapse_whitespace(element.attribute("href").value()));
            else if (local == "summary")
                set_if_empty(feed.description, plain_text(element));
            else
                return false;
            return true;
        case Vocabulary::syndication:
            if (local != "updatePeriod") return local == "updateFrequency" || local == "updateBase";
            feed.update_hints.update_period = update_period(element);
            return true;
        default: return false;
    }
}

}  // namespace feedagg::feeds::detail
