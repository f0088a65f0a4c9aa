#pragma once
// Finding the feed a web page offers, for sources configured with the page's address
// (type = "auto"): its <link rel="alternate"> elements first, then the paths feeds usually live at.

#include <string>
#include <string_view>
#include <vector>

#include "feeds/html_page.hpp"

namespace feedagg::feeds {

// True when the bytes are an HTML page rather than a feed: a doctype or <html>/<head>/<body> near
// the start, and no feed root element (<rss>, <feed>, <rdf:RDF>, JSON).
bool looks_like_html_page(std::string_view bytes);

// Absolute URLs of the feeds the page announces with <link rel="alternate"> and an RSS, Atom or
// JSON Feed type, in page order, without duplicates (HTML Standard §4.6.7.1; the RSS Advisory
// Board's autodiscovery profile).
std::vector<std::string> announced_feeds(const HtmlPage& page, std::string_view page_url);

// Where feeds commonly are on a site that announces none: /feed, /rss.xml, /atom.xml, ... under
// the page's origin, and "feed/" beside the page. Empty for non-http(s) URLs.
std::vector<std::string> common_feed_locations(std::string_view page_url);

}  // namespace feedagg::feeds
