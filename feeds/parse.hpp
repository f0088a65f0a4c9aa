#pragma once
// Reading any feed: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1, as the real web serves them.

#include <string>
#include <string_view>
#include <vector>

#include "feeds/model.hpp"
#include "feeds/result.hpp"

namespace feedagg::feeds {

struct ParseOptions {
    std::string base_url;          // the document's URL; relative URLs resolve against it
    std::string charset;           // the charset the transport declared (HTTP Content-Type), may lie
    std::string timezone = "UTC";  // IANA name for dates that carry no zone
};

struct ParsedFeed {
    Format format = Format::rss20;
    Feed feed;            // normalized: plain-text titles, sanitized HTML, absolute URLs, UTC dates
    std::string charset;  // what the bytes were decoded as
    std::vector<std::string> warnings;  // every problem met and recovered from
};

// Never throws on bad input: recovers what it can and says so in `warnings`. An Error only when
// nothing could be recovered (not a feed at all, or empty).
Result<ParsedFeed> parse_feed(std::string_view document, const ParseOptions& options = {});

}  // namespace feedagg::feeds
