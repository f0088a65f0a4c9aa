#include "feeds/feed_discovery.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "feeds/detail/ascii.hpp"
#include "feeds/url.hpp"

namespace feedagg::feeds {
namespace {

using detail::ascii_lower;

bool has_word(std::string_view list, std::string_view word) {
    const std::string lower = ascii_lower(list);
    std::size_t at = 0;
    while (at < lower.size()) {
        const std::size_t start = lower.find_first_not_of(" \t\r\n", at);
        if (start == std::string::npos) break;
        const std::size_t end = std::min(lower.find_first_of(" \t\r\n", start), lower.size());
        if (std::string_view(lower).substr(start, end - start) == word) return true;
        at = end;
    }
    return false;
}

constexpr std::array<std::string_view, 4> feed_types = {"application/rss+xml", "application/atom+xml",
                                                        "application/feed+json", "application/json"};

constexpr std::array<std::string_view, 7> common_paths = {"/feed",      "/rss.xml", "/atom.xml", "/feed.xml",
                                                          "/index.xml", "/rss",     "/feed.json"};

}  // namespace

bool looks_like_html_page(std::string_view bytes) {
    const std::string head = ascii_lower(bytes.substr(0, 2048));
    if (head.find("<rss") != std::string::npos || head.find("<feed") != std::string::npos ||
        head.find("<rdf:rdf") != std::string::npos)
        return false;
    const std::size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string::npos && (head[first] == '{' || head[first] == '[')) return false;
    return head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos ||
           head.find("<head") != std::string::npos || head.find("<body") != std::string::npos;
}

std::vector<std::string> announced_feeds(const HtmlPage& page, std::string_view page_url) {
    std::vector<std::string> feeds;
    for (const pugi::xpath_node& found : page.tree.select_nodes("//link[@href]")) {
        const pugi::xml_node link = found.node();
        if (!has_word(link.attribute("rel").value(), "alternate")) continue;
        const std::string type = ascii_lower(link.attribute("type").value());
        if (std::find(feed_types.begin(), feed_types.end(), type.substr(0, type.find(';'))) ==
            feed_types.end())
            continue;
        std::string url = resolve_url(page_url, link.attribute("href").value());
        if (!url.starts_with("http://") && !url.starts_with("https://") && !url.starts_with("file:"))
            continue;
        if (std::find(feeds.begin(), feeds.end(), url) == feeds.end()) feeds.push_back(std::move(url));
    }
    return feeds;
}

std::vector<std::string> common_feed_locations(std::string_view page_url) {
    std::vector<std::string> locations;
    if (!page_url.starts_with("http://") && !page_url.starts_with("https://")) return locations;
    for (std::string_view path : common_paths) locations.push_back(resolve_url(page_url, path));
    std::string beside = resolve_url(page_url, "feed/");
    if (std::find(locations.begin(), locations.end(), beside) == locations.end())
        locations.push_back(std::move(beside));
    return locations;
}

}  // namespace feedagg::feeds
