#include "feeds/detail/entry_draft.hpp"

#include <algorithm>

#include "feeds/detail/xhtml_sanitizer.hpp"
#include "feeds/detail/xml_document.hpp"
#include "feeds/html.hpp"
#include "feeds/url.hpp"
#include "feeds/url_resolver.hpp"

namespace feedagg::feeds::detail {
namespace {

std::string trimmed(std::string text) {
    const auto last = text.find_last_not_of(" \t\r\n");
    text.erase(last == std::string::npos ? 0 : last + 1);
    text.erase(0, text.find_first_not_of(" \t\r\n"));
    return text;
}

// Leading whitespace the sanitizer would copy, for trimmed() to shift the whole output back over.
std::string_view without_leading_whitespace(std::string_view html) {
    const auto first = html.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string_view() : html.substr(first);
}

// sanitize_html(inner_markup(container)), from the tree where the tree says what the markup would.
std::string sanitized_tree(pugi::xml_node container, const SanitizeOptions& options) {
    const std::size_t size = written_size(container);
    if (auto sanitized = sanitize_xhtml(container, size, options)) return std::move(*sanitized);
    const std::string html = inner_markup(container);
    return sanitize_html(without_leading_whitespace(html), options);
}

bool is_absolute(std::string_view url) {
    return url.find("://") != std::string_view::npos;
}

void resolve_in_place(std::string& url, std::string_view base) {
    // Most are absolute already: resolve_url would return a copy of the same text.
    if (!url.empty() && !UrlResolver::is_plain_absolute(url)) url = resolve_url(base, url);
}

template <typename T>
void drop_duplicates(std::vector<T>& items) {
    std::vector<T> unique;
    unique.reserve(items.size());
    for (auto& item : items) {
        if (std::find(unique.begin(), unique.end(), item) == unique.end()) unique.push_back(std::move(item));
    }
    items = std::move(unique);
}

void drop_duplicate_enclosures(std::vector<Enclosure>& enclosures) {
    std::vector<Enclosure> unique;
    for (auto& enclosure : enclosures) {
        if (enclosure.url.empty()) continue;
        auto same_url = [&](const Enclosure& kept) { return kept.url == enclosure.url; };
        auto existing = std::find_if(unique.begin(), unique.end(), same_url);
        if (existing == unique.end()) {
            unique.push_back(std::move(enclosure));
        } else {  // media:content and <enclosure> often name one file twice; keep what each knows
            if (existing->type.empty()) existing->type = enclosure.type;
            if (!existing->length) existing->length = enclosure.length;
        }
    }
    enclosures = std::move(unique);
}

// Every link the entry has, once: its alternate link first, then the rest as found, then enclosures.
void complete_links(Entry& entry) {
    std::vector<Link> links;
    auto add = [&](Link link) {
        if (link.href.empty()) return;
        auto same = [&](const Link& kept) { return kept.href == link.href && kept.rel == link.rel; };
        if (std::find_if(links.begin(), links.end(), same) == links.end()) links.push_back(std::move(link));
    };
    if (entry.link.empty()) {
        for (const auto& link : entry.links) {
            if (link.rel == "alternate" && !link.href.empty()) {
                entry.link = link.href;
                break;
            }
        }
    }
    if (!entry.link.empty()) {
        auto alternate = std::find_if(entry.links.begin(), entry.links.end(), [&](const Link& link) {
            return link.rel == "alternate" && link.href == entry.link;
        });
        add(alternate != entry.links.end() ? *alternate : Link{entry.link, "alternate", {}, {}, {}});
    }
    for (auto& link : entry.links) add(std::move(link));
    for (const auto& enclosure : entry.enclosures)
        add(Link{enclosure.url, "enclosure", enclosure.type, {}, enclosure.length});
    if (!entry.comments.empty()) {  // RFC 4685 §3: the comments page is a "replies" link
        const bool listed = std::any_of(links.begin(), links.end(), [&](const Link& link) {
            return link.rel == "replies" && link.href == entry.comments;
        });
        if (!listed) add(Link{entry.comments, "replies", "text/html", {}, {}});
    }
    entry.links = std::move(links);
}

Entry finish_entry(EntryDraft draft, std::string_view feed_base, SanitizeOptions& options) {
    Entry& entry = draft.entry;
    const std::string_view entry_base = draft.base.empty() ? feed_base : std::string_view(draft.base);
    resolve_in_place(entry.link, entry_base);
    for (auto& link : entry.links) resolve_in_place(link.href, entry_base);
    for (auto& enclosure : entry.enclosures) resolve_in_place(enclosure.url, entry_base);
    resolve_in_place(entry.comments, entry_base);
    resolve_in_place(entry.source_link, entry_base);
    for (auto& author : entry.authors) resolve_in_place(author.uri, entry_base);

    const std::string_view content_fallback = !draft.base.empty()       ? std::string_view(draft.base)
                                              : is_absolute(entry.link) ? std::string_view(entry.link)
                                                                        : entry_base;
    if (const std::string_view summary = draft.summary(); !summary.empty()) {
        options.base_url = draft.summary_base.empty() ? content_fallback : draft.summary_base;
        entry.summary = trimmed(sanitize_html(without_leading_whitespace(summary), options));
    }
    if (const pugi::xml_node tree = draft.content_tree_root()) {
        options.base_url = draft.content_base.empty() ? content_fallback : draft.content_base;
        entry.content = trimmed(sanitized_tree(tree, options));
    } else if (const std::string_view content = draft.content(); !content.empty()) {
        options.base_url = draft.content_base.empty() ? content_fallback : draft.content_base;
        entry.content = trimmed(sanitize_html(without_leading_whitespace(content), options));
    }
    drop_duplicates(entry.categories);
    drop_duplicates(entry.authors);
    drop_duplicate_enclosures(entry.enclosures);
    complete_links(entry);
    return std::move(entry);
}

// BCP 47 separates subtags with '-'; feeds often write locale names ("en_US").
std::string language_tag(std::string language) {
    std::replace(language.begin(), language.end(), '_', '-');
    return language;
}

void finish_feed_head(Feed& feed, std::string_view document_base) {
    feed.language = language_tag(collapse_whitespace(feed.language));
    resolve_in_place(feed.link, document_base);
    resolve_in_place(feed.self_link, document_base);
    resolve_in_place(feed.next_link, document_base);
    resolve_in_place(feed.image, document_base);
    for (auto& author : feed.authors) resolve_in_place(author.uri, document_base);
    drop_duplicates(feed.authors);
}

}  // namespace

Feed finish_feed(Feed head, std::vector<EntryDraft> drafts, std::string_view root_xml_base,
                 const ParseOptions& options) {
    // Without a document URL the feed's own absolute self link says where it lives.
    const std::string document_base = !root_xml_base.empty()        ? std::string(root_xml_base)
                                      : !options.base_url.empty()   ? options.base_url
                                      : is_absolute(head.self_link) ? head.self_link
                                                                    : std::string{};
    finish_feed_head(head, document_base);
    const std::string base = !document_base.empty()   ? document_base
                             : is_absolute(head.link) ? head.link
                                                      : std::string{};
    head.entries.reserve(drafts.size());
    // One for the feed: only its base URL changes from entry to entry. The readers only hand over
    // text cut from decode_document's output, which is valid UTF-8.
    SanitizeOptions sanitizing;
    sanitizing.input_is_valid_utf8 = true;
    for (auto& draft : drafts) head.entries.push_back(finish_entry(std::move(draft), base, sanitizing));
    return head;
}

}  // namespace feedagg::feeds::detail
