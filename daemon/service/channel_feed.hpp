#pragma once
// What a channel shows: the items of its sources (named, or by tag), through its filters, newest
// first, credited to the source they came from.

#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/config/config.hpp"
#include "daemon/store/store.hpp"
#include "feeds/model.hpp"

namespace feedagg::service {

class ChannelSelection {
  public:
    ChannelSelection(const config::Channel& channel, const std::vector<config::Source>& sources);

    const config::Channel& channel() const { return channel_; }
    // The sources the channel draws from, by name (named ones and those with one of its tags).
    const std::vector<std::string>& source_names() const { return source_names_; }
    // Include filters (any may match; none means all) and exclude filters (none may match).
    bool accepts(const feeds::Entry& entry) const;

  private:
    struct CompiledFilter {
        config::Filter::Field field;
        std::string keyword;  // lower case
        std::optional<std::regex> pattern;
    };
    static CompiledFilter compile(const config::Filter& filter);
    static bool matches(const CompiledFilter& filter, const feeds::Entry& entry);

    config::Channel channel_;
    std::vector<std::string> source_names_;
    std::vector<CompiledFilter> include_;
    std::vector<CompiledFilter> exclude_;
};

struct ChannelLinks {
    std::string self;  // this page's URL
    std::string site;  // the channel's HTML page
    std::string next;  // the next page's URL; empty on the last page
};

// The feed of one page of a channel. Entries that name no origin of their own are credited to the
// source they were read from (its title and site), so readers of the merged feed can tell.
feeds::Feed channel_feed(const config::Channel& channel, const std::vector<store::StoredItem>& items,
                         const std::map<std::string, store::SourceState, std::less<>>& sources,
                         const ChannelLinks& links);

}  // namespace feedagg::service
