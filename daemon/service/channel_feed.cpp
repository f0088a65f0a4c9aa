#include "daemon/service/channel_feed.hpp"

#include <algorithm>

namespace feedagg::service {
namespace {

std::string lower_ascii(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return lower;
}

bool contains(const std::vector<std::string>& values, std::string_view value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

ChannelSelection::ChannelSelection(const config::Channel& channel, const std::vector<config::Source>& sources)
    : channel_(channel) {
    for (const auto& source : sources) {
        const bool named = contains(channel.sources, source.name);
        const bool tagged = std::any_of(source.tags.begin(), source.tags.end(),
                                        [&](const std::string& tag) { return contains(channel.tags, tag); });
        if (named || tagged) source_names_.push_back(source.name);
    }
    for (const auto& filter : channel.include) include_.push_back(compile(filter));
    for (const auto& filter : channel.exclude) exclude_.push_back(compile(filter));
}

ChannelSelection::CompiledFilter ChannelSelection::compile(const config::Filter& filter) {
    CompiledFilter compiled{filter.field, lower_ascii(filter.keyword), std::nullopt};
    if (!filter.regex.empty()) {  // validated when the configuration was loaded
        compiled.pattern.emplace(filter.regex, std::regex::ECMAScript | std::regex::icase);
    }
    return compiled;
}

bool ChannelSelection::matches(const CompiledFilter& filter, const FilterText& text) {
    std::string_view subject = text.both;
    if (filter.field == config::Filter::Field::title) subject = text.title();
    if (filter.field == config::Filter::Field::content) subject = text.content();
    if (!filter.pattern) return lower_ascii(subject).find(filter.keyword) != std::string::npos;
    // libstdc++'s regex backtracks and recurses per character: bounded text keeps a hostile feed's
    // megabytes from hanging the daemon or overflowing its stack.
    subject = subject.substr(0, max_regex_text);
    return std::regex_search(subject.begin(), subject.end(), *filter.pattern);
}

bool ChannelSelection::accepts(const feeds::Entry& entry) const {
    if (include_.empty() && exclude_.empty()) return true;
    const FilterText text(entry);  // flattened once, whatever the number of filters
    const auto match = [&](const CompiledFilter& filter) { return matches(filter, text); };
    if (!include_.empty() && std::none_of(include_.begin(), include_.end(), match)) return false;
    return std::none_of(exclude_.begin(), exclude_.end(), match);
}

feeds::Feed channel_feed(const config::Channel& channel, const std::vector<store::StoredItem>& items,
                         const std::map<std::string, store::SourceState, std::less<>>& sources,
                         const ChannelLinks& links) {
    feeds::Feed feed;
    feed.title = channel.title.empty() ? channel.name : channel.title;
    feed.description = channel.description;
    feed.language = channel.language;
    feed.link = links.site;
    feed.self_link = links.self;
    feed.next_link = links.next;
    feed.generator = "feedagg";
    feed.entries.reserve(items.size());
    for (const auto& item : items) {
        feeds::Entry entry = item.entry;
        if (entry.source_title.empty() && entry.source_link.empty()) {
            const auto source = sources.find(item.source);
            const bool known = source != sources.end();
            entry.source_title =
                known && !source->second.feed_title.empty() ? source->second.feed_title : item.source;
            entry.source_link = known ? source->second.feed_link : std::string{};
        }
        if (!entry.updated)
            entry.updated = entry.published ? entry.published : std::optional(item.first_seen);
        feed.updated = feed.updated ? std::max(*feed.updated, *entry.updated) : entry.updated;
        feed.entries.push_back(std::move(entry));
    }
    return feed;
}

}  // namespace feedagg::service
