#pragma once
// Parsers list every link of an entry in Entry::links, including the ones the model also has a field
// for (the article link, enclosures, the comments page). Writers write those from the fields and skip
// the copies, so that writing a parsed feed does not double them.

#include <algorithm>

#include "feeds/model.hpp"

namespace feedagg::feeds::detail {

// An alternate link (or one without rel) to the entry's article.
inline bool is_article_link(const Link& link, const Entry& entry) {
    return (link.rel.empty() || link.rel == "alternate") && !entry.link.empty() && link.href == entry.link;
}

inline bool restates_entry_field(const Link& link, const Entry& entry) {
    if (link.rel == "enclosure") {
        return std::any_of(entry.enclosures.begin(), entry.enclosures.end(),
                           [&](const Enclosure& enclosure) { return enclosure.url == link.href; });
    }
    if (link.rel == "replies") {
        return !entry.comments.empty() && link.href == entry.comments;
    }
    return is_article_link(link, entry);
}

}  // namespace feedagg::feeds::detail
