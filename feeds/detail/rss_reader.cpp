// RSS 0.90, 0.91 (Netscape and UserLand), 0.92-0.94, 2.0 and RSS 1.0 (RDF). Their element names agree;
// RSS 1.0 and 0.90 put items beside the channel instead of inside it.
#include <array>

#include "feeds/detail/format_readers.hpp"
#include "feeds/detail/xml_document.hpp"

namespace feedagg::feeds::detail {
namespace {

// RSS's own elements carry no namespace (0.9x, 2.0), or RSS 1.0's or 0.90's; a feed that declares some
// other default namespace by mistake is still read.
bool is_rss(const ElementName& name, pugi::xml_node element) {
    switch (name.vocabulary) {
        case Vocabulary::none:
        case Vocabulary::rss10:
        case Vocabulary::rss090: return true;
        case Vocabulary::other: return std::string_view(element.name()).find(':') == std::string_view::npos;
        default: return false;
    }
}

bool looks_like_url(std::string_view text) {
    return text.starts_with("http://") || text.starts_with("https://");
}

class RssReader {
  public:
    explicit RssReader(ParseContext& context) : context_(context) {}

    Feed read(pugi::xml_node root) {
        const NamespaceScope scope(root, nullptr);
        for (pugi::xml_node child : root.children()) {
            if (child.type() != pugi::node_element) continue;
            const ElementName name = scope.name_of(child);
            warn_undeclared_prefix(name, child, context_);
            if (name.local == "channel")
                read_channel(child, scope);
            else if (name.local == "item")
                drafts_.push_back(read_item(child, scope));
            else if (name.local == "image" && feed_.image.empty())
                read_image(child);
        }
        return finish_feed(std::move(feed_), std::move(drafts_), xml_base(root, context_.options().base_url),
                           context_.options());
    }

  private:
    void read_channel(pugi::xml_node channel, const NamespaceScope& parent) {
        const NamespaceScope scope(channel, &parent);
        for (pugi::xml_node child : channel.children()) {
            if (child.type() != pugi::node_element) continue;
            const ElementName name = scope.name_of(child);
            warn_undeclared_prefix(name, child, context_);
            if (is_rss(name, child) && read_channel_element(name.local, child, scope)) continue;
            if (read_atom_feed_element(name, child, feed_, context_)) continue;
            read_extension_feed_element(name, child, feed_, context_);
        }
    }

    bool read_channel_element(std::string_view local, pugi::xml_node element, const NamespaceScope& scope) {
        if (local == "item")
            drafts_.push_back(read_item(element, scope));
        else if (local == "title")
            feed_.title = title_text(element);
        else if (local == "link")
            set_first(feed_.link, plain_text(element));
        else if (local == "description")
            feed_.description = title_text(element);
        else if (local == "language")
            feed_.language = plain_text(element);
        else if (local == "copyright")
            feed_.rights = plain_text(element);
        else if (local == "generator")
            feed_.generator = plain_text(element);
        else if (local == "managingEditor")
            feed_.authors.push_back(person_from_text(plain_text(element)));
        else if (local == "lastBuildDate") {
            feed_.updated = context_.date(element_text(element), "channel lastBuildDate");
            has_last_build_date_ = true;
        } else if (local == "pubDate") {
            if (!has_last_build_date_)
                feed_.updated = context_.date(element_text(element), "channel pubDate");
        } else if (local == "image")
            read_image(element);
        else if (local == "ttl")
            read_ttl(element);
        else if (local == "skipHours")
            read_skip_hours(element);
        else if (local == "skipDays")
            read_skip_days(element);
        else
            return false;
        return true;
    }

    void read_image(pugi::xml_node image) {
        for (pugi::xml_node child : image.children()) {
            if (local_name(child) == "url") set_first(feed_.image, plain_text(child));
        }
        if (feed_.image.empty()) feed_.image = image.attribute("rdf:resource").value();
    }

    void read_ttl(pugi::xml_node element) {
        if (const auto minutes = parse_length(plain_text(element)); minutes && *minutes <= 60 * 24 * 365) {
            feed_.update_hints.ttl = std::chrono::minutes(*minutes);
        } else {
            context_.warn("channel ttl: not a number of minutes: \"" + plain_text(element).substr(0, 40) +
                          "\"");
        }
    }

    void read_skip_hours(pugi::xml_node element) {
        for (pugi::xml_node hour : element.children()) {
            const auto value = parse_length(plain_text(hour));
            if (local_name(hour) == "hour" && value && *value <= 24) {
                feed_.update_hints.skip_hours.push_back(
                    static_cast<int>(*value % 24));  // some feeds write 24 for 0
            }
        }
    }

    void read_skip_days(pugi::xml_node element) {
        static constexpr std::array<std::string_view, 7> days{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                              "Thursday", "Friday", "Saturday"};
        for (pugi::xml_node day : element.children()) {
            const std::string text = plain_text(day);
            for (std::size_t index = 0; index < days.size(); ++index) {
                if (local_name(day) == "day" && text == days[index]) {
                    feed_.update_hints.skip_days.push_back(static_cast<int>(index));
                }
            }
        }
    }

    EntryDraft read_item(pugi::xml_node item, const NamespaceScope& parent) {
        const NamespaceScope scope(item, &parent);
        EntryDraft draft;
        draft.base = xml_base(item, context_.options().base_url);
        std::string permalink_guid;
        for (pugi::xml_node child : item.children()) {
            if (child.type() != pugi::node_element) continue;
            const ElementName name = scope.name_of(child);
            warn_undeclared_prefix(name, child, context_);
            if (is_rss(name, child) && read_item_element(name.local, child, draft, permalink_guid)) continue;
            if (read_atom_entry_element(name, child, draft, context_)) continue;
            read_extension_entry_element(name, child, draft, context_, scope);
        }
        Entry& entry = draft.entry;
        if (entry.link.empty() && looks_like_url(permalink_guid)) entry.link = permalink_guid;
        if (entry.id.empty()) entry.id = item.attribute("rdf:about").value();  // RSS 1.0: the item's URI
        return draft;
    }

    bool read_item_element(std::string_view local, pugi::xml_node element, EntryDraft& draft,
                           std::string& permalink_guid) {
        Entry& entry = draft.entry;
        if (local == "title")
            entry.title = title_text(element);
        else if (local == "link")
            set_first(entry.link, plain_text(element));
        else if (local == "description")
            if (const auto html = html_text_in_place(element); html && !looks_double_escaped(*html))
                draft.view_summary(*html);
            else
                draft.set_summary(context_.undouble_escaped_html(html_text(element), "item description"));
        else if (local == "guid") {
            entry.id = plain_text(element);
            // RSS 2.0: isPermaLink defaults to true, and then the guid is the item's URL.
            if (std::string_view(element.attribute("isPermaLink").value()) != "false")
                permalink_guid = entry.id;
        } else if (local == "pubDate")
            entry.published = context_.date(element_text(element), "item pubDate");
        else if (local == "author")
            entry.authors.push_back(person_from_text(plain_text(element)));
        else if (local == "category") {
            if (std::string category = plain_text(element); !category.empty())
                entry.categories.push_back(std::move(category));
        } else if (local == "enclosure") {
            entry.enclosures.push_back(Enclosure{collapse_whitespace(element.attribute("url").value()),
                                                 element.attribute("type").value(),
                                                 parse_length(element.attribute("length").value())});
        } else if (local == "comments")
            entry.comments = plain_text(element);
        else if (local == "source") {
            entry.source_title = plain_text(element);
            entry.source_link = collapse_whitespace(element.attribute("url").value());
        } else
            return false;
        return true;
    }

    static void set_first(std::string& field, std::string value) {
        if (field.empty()) field = std::move(value);
    }

    ParseContext& context_;
    Feed feed_;
    std::vector<EntryDraft> drafts_;
    bool has_last_build_date_ = false;
};

}  // namespace

Feed read_rss(pugi::xml_node root, ParseContext& context) {
    return RssReader(context).read(root);
}

void warn_undeclared_prefix(const ElementName& name, pugi::xml_node element, ParseContext& context) {
    if (!name.undeclared_prefix) return;
    const std::string_view qualified = element.name();
    context.warn_once("namespace prefix \"" + std::string(qualified.substr(0, qualified.find(':'))) +
                      "\" is not declared; read by its customary meaning");
}

}  // namespace feedagg::feeds::detail
