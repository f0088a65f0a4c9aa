#pragma once
// The pages feedagg serves besides feeds: an index of channels, a readable page per channel (for
// people, and for embedding in the union site: no JavaScript, sanitized content only), and OPML.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/config/config.hpp"
#include "daemon/store/store.hpp"
#include "feeds/model.hpp"

namespace feedagg::service {

struct ChannelListing {
    std::string name;
    std::string title;
    std::string description;
};

// `base_url` is "http://host:port" without a trailing slash.
std::string render_index_page(const std::vector<ChannelListing>& channels, std::string_view base_url);

// The channel's page; `feed` is the channel feed (its entries' content is already sanitized).
std::string render_channel_page(const feeds::Feed& feed, std::string_view channel_name,
                                std::string_view base_url);

// OPML 2.0 listing every enabled source, for import into a feed reader.
std::string render_opml(const std::vector<config::Source>& sources,
                        const std::map<std::string, store::SourceState, std::less<>>& states);

}  // namespace feedagg::service
