#pragma once
// Stories across sources, as the service uses them: the rules the store matches new items by, the
// keys each new item is matched on, and a channel's items folded into one entry per story.

#include <map>
#include <string>
#include <vector>

#include "daemon/config/config.hpp"
#include "daemon/store/store.hpp"

namespace feedagg::service {

store::StoryRules story_rules(const config::Config& config);

// Fills `outcome.story_keys` for its entries (content, else summary; the source's strip list).
// Leaves them empty when matching is off.
void attach_story_keys(store::PollOutcome& outcome, const config::Source& source, bool matching_on);

// What a merged entry says about the sources of a story.
struct Publisher {
    std::string title;  // the source's own title, else its name
    int priority = 0;
};
using Publishers = std::map<std::string, Publisher, std::less<>>;

// A channel's items, newest first, with the items of one story folded into one: the original
// publisher's (highest source priority, then earliest published) with the entry id of the story's
// first item seen (so it stays as reposts join), the longest text when a repost carries markedly
// more (its `updated` moves), an "Also published by" line, and a "related" link per other
// publisher (in Chinese when the channel's language is). Items alone in their story are returned as
// they are.
std::vector<store::StoredItem> fold_stories(const std::vector<store::StoredItem>& items,
                                            const Publishers& publishers, std::string_view language = {});

}  // namespace feedagg::service
