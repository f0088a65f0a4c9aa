#include "daemon/service/stories.hpp"

#include <algorithm>
#include <unordered_map>

#include "feeds/html.hpp"
#include "feeds/story.hpp"
#include "feeds/writers.hpp"

namespace feedagg::service {
namespace {

// A repost replaces the lead's text only when it is this much longer, relatively and in bytes of
// text: the same story with another header or footer should not flip between versions.
constexpr double longer_text_ratio = 1.2;
constexpr std::size_t longer_text_bytes = 100;

const std::string& body_of(const feeds::Entry& entry) {
    return entry.content.empty() ? entry.summary : entry.content;
}

const Publisher* find_publisher(const Publishers& publishers, const std::string& source) {
    const auto found = publishers.find(source);
    return found == publishers.end() ? nullptr : &found->second;
}

int priority_of(const Publishers& publishers, const store::StoredItem& item) {
    const Publisher* publisher = find_publisher(publishers, item.source);
    return publisher ? publisher->priority : 0;
}

std::string title_of(const Publishers& publishers, const store::StoredItem& item) {
    const Publisher* publisher = find_publisher(publishers, item.source);
    return publisher && !publisher->title.empty() ? publisher->title : item.source;
}

feeds::Timestamp published_of(const store::StoredItem& item) {
    return item.entry.published.value_or(item.sort_time);
}

// The original publisher: highest priority, then earliest published, then first stored.
bool leads_before(const store::StoredItem& a, const store::StoredItem& b, const Publishers& publishers) {
    const int pa = priority_of(publishers, a);
    const int pb = priority_of(publishers, b);
    if (pa != pb) return pa > pb;
    if (published_of(a) != published_of(b)) return published_of(a) < published_of(b);
    return a.id < b.id;
}

store::StoredItem fold(std::vector<const store::StoredItem*> members, const Publishers& publishers,
                       std::string_view language) {
    std::sort(members.begin(), members.end(),
              [&](const auto* a, const auto* b) { return leads_before(*a, *b, publishers); });
    store::StoredItem merged = *members.front();
    feeds::Entry& entry = merged.entry;

    const auto first_seen =
        std::min_element(members.begin(), members.end(), [](const auto* a, const auto* b) {
            return a->first_seen != b->first_seen ? a->first_seen < b->first_seen : a->id < b->id;
        });
    // The id the story's first item was served with, so the entry keeps it as reposts join.
    entry.id = feeds::stable_entry_id((*first_seen)->entry);

    std::vector<std::size_t> text_lengths;
    for (const store::StoredItem* member : members)
        text_lengths.push_back(feeds::html_to_text(body_of(member->entry)).size());
    const std::size_t longest = static_cast<std::size_t>(
        std::max_element(text_lengths.begin(), text_lengths.end()) - text_lengths.begin());
    const std::size_t lead_length = text_lengths.front();
    if (longest != 0 && text_lengths[longest] >= lead_length + longer_text_bytes &&
        static_cast<double>(text_lengths[longest]) > longer_text_ratio * static_cast<double>(lead_length)) {
        const store::StoredItem& longer = *members[longest];
        entry.content = body_of(longer.entry);
        const feeds::Timestamp when =
            std::max(longer.first_seen, longer.entry.updated.value_or(longer.first_seen));
        entry.updated = entry.updated ? std::max(*entry.updated, when) : when;
    }

    const bool chinese = language.starts_with("zh");
    std::string credits;
    std::vector<std::string> credited{merged.source};
    for (const store::StoredItem* member : members) {
        if (member == members.front() || member->entry.link.empty()) continue;
        const std::string title = title_of(publishers, *member);
        entry.links.push_back({member->entry.link, "related", "text/html", title, std::nullopt});
        if (std::find(credited.begin(), credited.end(), member->source) != credited.end()) continue;
        credited.push_back(member->source);
        credits += (credits.empty() ? ""
                    : chinese       ? "、"
                                    : ", ") +
                   std::string("<a href=\"") + feeds::escape_xml(member->entry.link) + "\">" +
                   feeds::escape_xml(title) + "</a>";
    }
    if (!credits.empty()) {
        std::string& body = entry.content.empty() ? entry.summary : entry.content;
        body +=
            chinese ? "<p>同时发布于：" + credits + "。</p>" : "<p>Also published by " + credits + ".</p>";
    }
    return merged;
}

}  // namespace

store::StoryRules story_rules(const config::Config& config) {
    store::StoryRules rules;
    rules.enabled = config.stories.enabled;
    rules.thresholds.text_containment = config.stories.text_containment;
    rules.thresholds.number_containment = config.stories.number_containment;
    rules.thresholds.title_min_weight = config.stories.title_min_weight;
    rules.indexed_items = config.stories.indexed_items;
    for (const config::Source& source : config.sources) {
        for (const std::string& other : source.separate_from)
            rules.kept_apart.emplace_back(source.name, other);
    }
    return rules;
}

void attach_story_keys(store::PollOutcome& outcome, const config::Source& source, bool matching_on) {
    outcome.story_keys.clear();
    if (!matching_on) return;
    outcome.story_keys.reserve(outcome.entries.size());
    for (const feeds::Entry& entry : outcome.entries) {
        outcome.story_keys.push_back(
            feeds::story_keys(entry.title, body_of(entry), entry.link, source.strip));
    }
}

std::vector<store::StoredItem> fold_stories(const std::vector<store::StoredItem>& items,
                                            const Publishers& publishers, std::string_view language) {
    std::vector<std::int64_t> order;
    std::unordered_map<std::int64_t, std::vector<const store::StoredItem*>> stories;
    for (const store::StoredItem& item : items) {
        auto& members = stories[item.story];
        if (members.empty()) order.push_back(item.story);
        members.push_back(&item);
    }
    std::vector<store::StoredItem> folded;
    folded.reserve(order.size());
    for (const std::int64_t story : order) {
        const auto& members = stories[story];
        folded.push_back(members.size() == 1 ? *members.front() : fold(members, publishers, language));
    }
    std::stable_sort(folded.begin(), folded.end(),
                     [](const store::StoredItem& a, const store::StoredItem& b) {
                         return a.sort_time != b.sort_time ? a.sort_time > b.sort_time : a.id > b.id;
                     });
    return folded;
}

}  // namespace feedagg::service
