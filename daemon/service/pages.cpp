#include "daemon/service/pages.hpp"

#include "feeds/dates.hpp"
#include "feeds/html.hpp"

namespace feedagg::service {
namespace {

using feeds::escape_xml;

// Kept small and self-contained: the page must read well embedded in another site or alone, on a
// phone or a desktop, with no script and no external resource.
constexpr std::string_view page_style = R"(
body{margin:0 auto;max-width:46rem;padding:1rem;font:17px/1.6 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1d1d1f;background:#fff}
header{border-bottom:1px solid #ddd;margin-bottom:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.15rem;margin:0 0 .25rem}
a{color:#0b57d0}
nav a{margin-right:.75rem;font-size:.9rem}
article{padding:1rem 0;border-bottom:1px solid #eee}
.meta{color:#666;font-size:.85rem}
.content img,.content video,.content iframe{max-width:100%;height:auto}
.content table{display:block;overflow-x:auto}
.content pre{overflow-x:auto;background:#f6f8fa;padding:.5rem}
@media (prefers-color-scheme:dark){body{background:#111;color:#ddd}a{color:#8ab4f8}article{border-color:#333}}
)";

std::string head(std::string_view title, std::string_view language, std::string_view extra_links) {
    std::string html = "<!DOCTYPE html>\n<html lang=\"" + escape_xml(language.empty() ? "zh-CN" : language) +
                       "\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                       escape_xml(title) + "</title>\n";
    html += extra_links;
    html += "<style>";
    html += page_style;
    html += "</style>\n</head>\n<body>\n";
    return html;
}

std::string feed_links(std::string_view base_url, std::string_view channel) {
    const std::string stem = std::string(base_url) + "/feeds/" + std::string(channel);
    return "<a href=\"" + escape_xml(stem + ".atom") + "\">Atom</a><a href=\"" + escape_xml(stem + ".rss") +
           "\">RSS</a><a href=\"" + escape_xml(stem + ".json") + "\">JSON Feed</a>";
}

std::string display_time(const std::optional<feeds::Timestamp>& time) {
    if (!time) return {};
    std::string text = feeds::format_rfc3339(*time);  // "2024-05-17T09:12:00Z" -> "2024-05-17 09:12 UTC"
    return text.substr(0, 10) + " " + text.substr(11, 5) + " UTC";
}

void append_entry(std::string& html, const feeds::Entry& entry) {
    html += "<article>\n<h2>";
    const std::string title = entry.title.empty() ? std::string("(untitled)") : entry.title;
    if (entry.link.empty())
        html += escape_xml(title);
    else
        html += "<a href=\"" + escape_xml(entry.link) + "\">" + escape_xml(title) + "</a>";
    html += "</h2>\n<p class=\"meta\">";
    const auto when = entry.published ? entry.published : entry.updated;
    if (when)
        html += "<time datetime=\"" + feeds::format_rfc3339(*when) + "\">" + display_time(when) + "</time>";
    if (!entry.source_title.empty()) {
        html += " · ";
        if (entry.source_link.empty())
            html += escape_xml(entry.source_title);
        else
            html += "<a href=\"" + escape_xml(entry.source_link) + "\">" + escape_xml(entry.source_title) +
                    "</a>";
    }
    html += "</p>\n<div class=\"content\">";
    html += entry.content.empty() ? entry.summary : entry.content;  // sanitized when it was read
    html += "</div>\n</article>\n";
}

}  // namespace

std::string render_index_page(const std::vector<ChannelListing>& channels, std::string_view base_url) {
    std::string html = head("feedagg", "", {});
    html += "<header><h1>feedagg</h1></header>\n<main>\n";
    if (channels.empty()) html += "<p>No channels are configured.</p>\n";
    for (const auto& channel : channels) {
        html += "<article>\n<h2><a href=\"" +
                escape_xml(std::string(base_url) + "/feeds/" + channel.name + ".html") + "\">" +
                escape_xml(channel.title.empty() ? channel.name : channel.title) + "</a></h2>\n";
        if (!channel.description.empty()) html += "<p>" + escape_xml(channel.description) + "</p>\n";
        html += "<nav>" + feed_links(base_url, channel.name) + "</nav>\n</article>\n";
    }
    html += "</main>\n<footer class=\"meta\"><a href=\"" + escape_xml(std::string(base_url) + "/opml") +
            "\">OPML</a></footer>\n</body>\n</html>\n";
    return html;
}

std::string render_channel_page(const feeds::Feed& feed, std::string_view channel_name,
                                std::string_view base_url) {
    const std::string stem = std::string(base_url) + "/feeds/" + std::string(channel_name);
    const std::string alternates = "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" +
                                   escape_xml(feed.title) + "\" href=\"" + escape_xml(stem + ".atom") +
                                   "\">\n<link rel=\"alternate\" type=\"application/rss+xml\" title=\"" +
                                   escape_xml(feed.title) + "\" href=\"" + escape_xml(stem + ".rss") +
                                   "\">\n<link rel=\"alternate\" type=\"application/feed+json\" title=\"" +
                                   escape_xml(feed.title) + "\" href=\"" + escape_xml(stem + ".json") +
                                   "\">\n";
    std::string html = head(feed.title, feed.language, alternates);
    html += "<header><h1>" + escape_xml(feed.title) + "</h1>\n";
    if (!feed.description.empty()) html += "<p>" + escape_xml(feed.description) + "</p>\n";
    html += "<nav>" + feed_links(base_url, channel_name) + "</nav></header>\n<main>\n";
    if (feed.entries.empty()) html += "<p>Nothing here yet.</p>\n";
    for (const auto& entry : feed.entries) append_entry(html, entry);
    html += "</main>\n</body>\n</html>\n";
    return html;
}

std::string render_opml(const std::vector<config::Source>& sources,
                        const std::map<std::string, store::SourceState, std::less<>>& states) {
    std::string opml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"2.0\">\n<head><title>feedagg "
        "sources</title></head>\n"
        "<body>\n";
    for (const auto& source : sources) {
        if (!source.enabled) continue;
        const auto state = states.find(source.name);
        const bool known = state != states.end();
        const std::string title =
            known && !state->second.feed_title.empty() ? state->second.feed_title : source.name;
        opml += "<outline type=\"rss\" text=\"" + escape_xml(title) + "\" title=\"" + escape_xml(title) +
                "\" xmlUrl=\"" +
                escape_xml(known && !state->second.url.empty() ? state->second.url : source.url) + "\"";
        if (known && !state->second.feed_link.empty())
            opml += " htmlUrl=\"" + escape_xml(state->second.feed_link) + "\"";
        opml += "/>\n";
    }
    opml += "</body>\n</opml>\n";
    return opml;
}

}  // namespace feedagg::service
