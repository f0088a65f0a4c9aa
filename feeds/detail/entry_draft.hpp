#pragma once
// An entry as read from the document, before its URLs are resolved and its HTML sanitized: the base
// for an entry's content may be the entry's own link, which can come after the content.

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/detail/parse_context.hpp"
#include "feeds/model.hpp"

namespace feedagg::feeds::detail {

struct EntryDraft {
    Entry entry;               // summary and content hold raw HTML; URLs are as written
    std::string base;          // from xml:base at the entry, resolved; empty when none
    std::string summary_base;  // from xml:base at the summary or content element; empty when none
    std::string content_base;

    // Summary and content are owned (entry.summary, entry.content) or viewed in the document being
    // read (a text node, a JSON string), which saves copying the largest fields of most entries. A
    // view lives as long as the document: finish_feed runs before the readers return.
    void set_summary(std::string html) {
        entry.summary = std::move(html);
        summary_in_place = {};
    }
    void view_summary(std::string_view html) {
        entry.summary.clear();
        summary_in_place = html;
    }
    std::string_view summary() const { return summary_in_place.empty() ? entry.summary : summary_in_place; }

    void set_content(std::string html) {
        entry.content = std::move(html);
        content_in_place = {};
        content_tree = {};
    }
    void view_content(std::string_view html) {
        entry.content.clear();
        content_in_place = html;
        content_tree = {};
    }
    // Atom XHTML content: the element holding it, sanitized from the tree (sanitize_xhtml) rather
    // than written out as markup first. content() is then empty.
    void view_content_tree(pugi::xml_node container) {
        entry.content.clear();
        content_in_place = {};
        content_tree = container;
    }
    pugi::xml_node content_tree_root() const { return content_tree; }
    std::string_view content() const { return content_in_place.empty() ? entry.content : content_in_place; }

  private:
    std::string_view summary_in_place;
    std::string_view content_in_place;
    pugi::xml_node content_tree;
};

// Completes a feed read from a document: resolves the head's URLs against the document's base (the
// root's xml:base, else the document URL) and finishes every entry. Relative URLs in an entry's content
// resolve against xml:base, else the entry's link, else the document's base, else the feed's site.
Feed finish_feed(Feed head, std::vector<EntryDraft> drafts, std::string_view root_xml_base,
                 const ParseOptions& options);

}  // namespace feedagg::feeds::detail
