// Atom 1.0 (RFC 4287) and Atom 0.3, whose element names differ in places (issued, modified, tagline,
// copyright) and whose content constructs use MIME types and mode="escaped".
#include <boost/url/pct_string_view.hpp>

#include "feeds/detail/format_readers.hpp"
#include "feeds/detail/xml_document.hpp"
#include "feeds/html.hpp"

namespace feedagg::feeds::detail {
namespace {

enum class TextKind { text, html, xhtml };

// RFC 4287 §3.1.1: type is "text" (the default), "html" or "xhtml"; Atom 0.3 used MIME types and mode.
TextKind text_kind(pugi::xml_node element) {
    const std::string_view type = element.attribute("type").value();
    const std::string_view mode = element.attribute("mode").value();
    if (type == "xhtml" || type == "application/xhtml+xml" || mode == "xml") return TextKind::xhtml;
    if (type == "html" || type == "text/html" || mode == "escaped") return TextKind::html;
    return TextKind::text;
}

// RFC 4287 §3.1.1.3: xhtml content is a single xhtml:div, which is not part of the content.
pugi::xml_node xhtml_container(pugi::xml_node element) {
    pugi::xml_node only;
    for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element) {
            if (only) return element;
            only = child;
        } else if (child.type() == pugi::node_pcdata && collapse_whitespace(child.value()).size() > 0) {
            return element;
        }
    }
    return only && local_name(only) == "div" ? only : element;
}

std::string atom_html(pugi::xml_node element, ParseContext& context, std::string_view where) {
    switch (text_kind(element)) {
        case TextKind::html: return context.undouble_escaped_html(html_text(element), where);
        case TextKind::xhtml: return inner_markup(xhtml_container(element));
        case TextKind::text: break;
    }
    const std::string text = html_text(element);
    return element.find_child([](pugi::xml_node child) { return child.type() == pugi::node_element; })
               ? text  // markup where text was declared: a common mistake, read as HTML
               : text_to_html(text);
}

// atom_html viewed in the document, when it is escaped HTML in one text node (most); nothing
// when it has to be built.
std::optional<std::string_view> atom_html_in_place(pugi::xml_node element) {
    if (text_kind(element) != TextKind::html) return std::nullopt;
    const auto html = html_text_in_place(element);
    if (!html || looks_double_escaped(*html)) return std::nullopt;
    return html;
}

std::string atom_plain(pugi::xml_node element) {
    switch (text_kind(element)) {
        case TextKind::html: return title_text(element);
        case TextKind::xhtml: return html_to_text(inner_markup(xhtml_container(element)));
        case TextKind::text: break;
    }
    return plain_text(element);
}

bool is_atom(Vocabulary vocabulary) {
    return vocabulary == Vocabulary::atom10 || vocabulary == Vocabulary::atom03 ||
           vocabulary == Vocabulary::none;
}

Person read_person(pugi::xml_node element) {
    Person person;
    for (pugi::xml_node child : element.children()) {
        const std::string_view name = local_name(child);
        if (name == "name")
            person.name = plain_text(child);
        else if (name == "email")
            person.email = plain_text(child);
        else if (name == "uri" || name == "url")
            person.uri = plain_text(child);
    }
    if (person.name.empty() && person.email.empty() && person.uri.empty()) {
        person = person_from_text(plain_text(element));  // <author>Jo Smith</author>, as some feeds write
    }
    return person;
}

Link read_link(pugi::xml_node element) {
    Link link;
    link.href = collapse_whitespace(element.attribute("href").value());
    link.rel = collapse_whitespace(element.attribute("rel").value());
    if (link.rel.empty()) link.rel = "alternate";  // RFC 4287 §4.2.7.2
    link.type = element.attribute("type").value();
    link.title = collapse_whitespace(element.attribute("title").value());
    link.length = parse_length(element.attribute("length").value());
    return link;
}

bool is_html_type(std::string_view type) {
    return type.empty() || type == "text/html" || type == "application/xhtml+xml";
}

void add_entry_link(Link link, Entry& entry) {
    if (link.href.empty()) return;
    if (link.rel == "alternate" && entry.link.empty() && is_html_type(link.type)) entry.link = link.href;
    if (link.rel == "enclosure") entry.enclosures.push_back(Enclosure{link.href, link.type, link.length});
    if (link.rel == "replies" && entry.comments.empty() && is_html_type(link.type))
        entry.comments = link.href;
    entry.links.push_back(std::move(link));
}

void read_source(pugi::xml_node element, Entry& entry) {
    for (pugi::xml_node child : element.children()) {
        const std::string_view name = local_name(child);
        if (name == "title")
            entry.source_title = atom_plain(child);
        else if (name == "link" && entry.source_link.empty()) {
            const Link link = read_link(child);
            if (link.rel == "alternate") entry.source_link = link.href;
        }
    }
}

// Our Atom writer wraps ids that are not IRIs ("12345") as "urn:feedagg:id:" + the percent-encoded id;
// reading our own output gives the original id back.
std::string unwrapped_id(std::string id) {
    constexpr std::string_view prefix = "urn:feedagg:id:";
    if (!id.starts_with(prefix)) return id;
    const auto encoded = boost::urls::make_pct_string_view(std::string_view(id).substr(prefix.size()));
    return encoded ? encoded->decode() : id;
}

std::string element_base(pugi::xml_node element, ParseContext& context) {
    return xml_base(element, context.options().base_url);
}

}  // namespace

bool read_atom_entry_element(const ElementName& name, pugi::xml_node element, EntryDraft& draft,
                             ParseContext& context) {
    if (!is_atom(name.vocabulary)) return false;
    Entry& entry = draft.entry;
    const std::string_view local = name.local;
    if (local == "id") {
        entry.id = unwrapped_id(plain_text(element));
    } else if (local == "title") {
        entry.title = atom_plain(element);
    } else if (local == "link") {
        add_entry_link(read_link(element), entry);
    } else if (local == "summary") {
        if (const auto html = atom_html_in_place(element))
            draft.view_summary(*html);
        else
            draft.set_summary(atom_html(element, context, "entry summary"));
        draft.summary_base = element_base(element, context);
    } else if (local == "content") {
        if (const std::string_view src = element.attribute("src").value(); !src.empty()) {
            add_entry_link(Link{std::string(src), "alternate", element.attribute("type").value(), {}, {}},
                           entry);
        }
        if (const auto html = atom_html_in_place(element))
            draft.view_content(*html);
        else if (text_kind(element) == TextKind::xhtml)
            draft.view_content_tree(xhtml_container(element));
        else
            draft.set_content(atom_html(element, context, "entry content"));
        draft.content_base = element_base(element, context);
    } else if (local == "published" || local == "issued" || (local == "created" && !entry.published)) {
        entry.published = context.date(element_text(element), "entry published");
    } else if (local == "updated" || local == "modified") {
        entry.updated = context.date(element_text(element), "entry updated");
    } else if (local == "author") {
        entry.authors.push_back(read_person(element));
    } else if (local == "category") {
        std::string term = collapse_whitespace(element.attribute("term").value());
        if (term.empty()) term = collapse_whitespace(element.attribute("label").value());
        if (!term.empty()) entry.categories.push_back(std::move(term));
    } else if (local == "source") {
        read_source(element, entry);
    } else {
        return false;
    }
    return true;
}

bool read_atom_feed_element(const ElementName& name, pugi::xml_node element, Feed& feed,
                            ParseContext& context) {
    if (!is_atom(name.vocabulary)) return false;
    const std::string_view local = name.local;
    if (local == "title") {
        feed.title = atom_plain(element);
    } else if (local == "subtitle" || local == "tagline") {
        feed.description = atom_plain(element);
    } else if (local == "link") {
        const Link link = read_link(element);
        if (link.rel == "self" && feed.self_link.empty()) feed.self_link = link.href;
        if (link.rel == "next" && feed.next_link.empty()) feed.next_link = link.href;
        if (link.rel == "alternate" && feed.link.empty() && is_html_type(link.type)) feed.link = link.href;
    } else if (local == "rights" || local == "copyright") {
        feed.rights = atom_plain(element);
    } else if (local == "generator") {
        feed.generator = plain_text(element);
    } else if (local == "logo") {
        feed.image = plain_text(element);  // RFC 4287 §4.2.8: the logo is the feed's image
    } else if (local == "icon") {
        if (feed.image.empty()) feed.image = plain_text(element);
    } else if (local == "updated" || local == "modified") {
        feed.updated = context.date(element_text(element), "feed updated");
    } else if (local == "author") {
        feed.authors.push_back(read_person(element));
    } else {
        return false;
    }
    return true;
}

Feed read_atom(pugi::xml_node root, ParseContext& context) {
    const NamespaceScope scope(root, nullptr);
    Feed feed;
    feed.language = root.attribute("xml:lang").value();
    std::vector<EntryDraft> drafts;
    for (pugi::xml_node child : root.children()) {
        if (child.type() != pugi::node_element) continue;
        const ElementName name = scope.name_of(child);
        warn_undeclared_prefix(name, child, context);
        if (name.local == "entry" && is_atom(name.vocabulary)) {
            drafts.push_back(read_atom_entry(child, scope, context));
        } else if (!read_atom_feed_element(name, child, feed, context)) {
            read_extension_feed_element(name, child, feed, context);
        }
    }
    return finish_feed(std::move(feed), std::move(drafts), xml_base(root, context.options().base_url),
                       context.options());
}

Feed read_atom_entry_document(pugi::xml_node root, ParseContext& context) {
    const NamespaceScope scope(root, nullptr);
    std::vector<EntryDraft> drafts;
    drafts.push_back(read_atom_entry(root, scope, context));
    return finish_feed(Feed{}, std::move(drafts), xml_base(root, context.options().base_url),
                       context.options());
}

EntryDraft read_atom_entry(pugi::xml_node element, const NamespaceScope& parent, ParseContext& context) {
    const NamespaceScope scope(element, &parent);
    EntryDraft draft;
    draft.base = element_base(element, context);
    for (pugi::xml_node child : element.children()) {
        if (child.type() != pugi::node_element) continue;
        const ElementName name = scope.name_of(child);
        warn_undeclared_prefix(name, child, context);
        if (!read_atom_entry_element(name, child, draft, context)) {
            read_extension_entry_element(name, child, draft, context, scope);
        }
    }
    return draft;
}

}  // namespace feedagg::feeds::detail
