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
#include "feeds/html.hpp"
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

    // Regular expressions see at most this much of an entry's text (title, newline, content as text).
    static constexpr std::size_t max_regex_text = 4 * 1024;

  private:
    // What filters read: "title\ncontent-as-text", and its two parts as views into it.
    struct FilterText {
        explicit FilterText(const feeds::Entry& entry)
            : both(entry.title + "\n" +
                   feeds::html_to_text(entry.content.empty() ? entry.summary : entry.content)),
              title_length(entry.title.size()) {}
        std::string_view title() const { return std::string_view(both).substr(0, title_length); }
        std::string_view content() const {
            return std::string_view(both).substr(title_length);
        }  // from the '\n'
        std::string both;
        std::size_t title_length;
    };

    struct CompiledFilter {
        config::Filter::Field field;
        std::string keyword;  // lower case
        std::optional<std::regex> pattern;
    };
    static CompiledFilter compile(const config::Filter& filter);
    static bool matches(const CompiledFilter& filter, const FilterText& text);

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
