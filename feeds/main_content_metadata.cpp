// Title, publication date and author of an article page: from <meta> first (Open Graph,
// article:*, the PubDate/author names Chinese CMSs use), then from the page's own markup and
// the lines that follow the title.

#include <algorithm>
#include <cctype>
#include <iterator>

#include "feeds/main_content_detail.hpp"

namespace feedagg::feeds::detail {
namespace {

// Lines after the title searched for a date or author line ("发布时间：2024-05-17 来源：…").
constexpr std::size_t lines_after_title = 12;

std::string one_line(pugi::xml_node node) {
    std::string text = block_text(node);
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

// The content of the first <meta> in <head> whose name, property or itemprop is one of `keys`.
// Only <head> is searched: that is where pages put them, and a 20 MB body is not walked per key.
std::string meta_content(pugi::xml_node html, std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys) {
        for (pugi::xml_node meta : html.child("head").children("meta")) {
            bool named = false;
            for (const char* attribute : {"property", "name", "itemprop"}) {
                named = named || ascii_lower(meta.attribute(attribute).value()) == key;
            }
            const std::string_view content = trim_text(meta.attribute("content").value());
            if (named && !content.empty()) return std::string(content);
        }
    }
    return {};
}

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// Chinese sites join title and site name with a bare '-' ("标题-中华全国总工会"); in English
// titles a bare '-' is a hyphen, so only spaced dashes separate there.
std::vector<std::string_view> title_segments(std::string_view title) {
    static constexpr std::string_view separators[] = {" | ", " - ", " \u2013 ",     " \u2014 ", "_",
                                                      "--",  "|",   "\u2014\u2014", "-"};
    const bool non_ascii = std::any_of(title.begin(), title.end(), [](unsigned char c) { return c >= 0x80; });
    const std::size_t separator_count = std::size(separators) - (non_ascii ? 0 : 1);
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    while (start <= title.size()) {
        std::size_t best = std::string_view::npos;
        std::size_t length = 0;
        for (std::size_t i = 0; i < separator_count; ++i) {
            const std::string_view separator = separators[i];
            const std::size_t at = title.find(separator, start);
            if (at < best) {
                best = at;
                length = separator.size();
            }
        }
        const std::size_t end = best == std::string_view::npos ? title.size() : best;
        const std::string_view segment = trim_text(title.substr(start, end - start));
        if (!segment.empty()) segments.push_back(segment);
        if (best == std::string_view::npos) break;
        start = best + length;
    }
    return segments;
}

std::string title_without_site(std::string_view title) {
    std::string_view longest;
    for (std::string_view segment : title_segments(title)) {
        if (count_visible_code_points(segment) > count_visible_code_points(longest)) longest = segment;
    }
    return std::string(longest);
}

std::string read_title(pugi::xml_node html) {
    // ArticleTitle: the TRS CMS that most Chinese government and union sites run on.
    if (std::string og = meta_content(html, {"og:title", "twitter:title", "articletitle"}); !og.empty())
        return og;
    const std::string page_title = one_line(html.child("head").child("title"));
    const pugi::xml_node body = html.child("body");
    std::vector<std::string> headings;
    for (pugi::xpath_node found : body.select_nodes("descendant::h1 | descendant::h2")) {
        headings.push_back(std::string(trim_text(one_line(found.node()))));
    }
    // The heading found earliest in <title> (the article's, not the site name's), the longer on a tie.
    const std::string* best = nullptr;
    std::size_t best_at = std::string::npos;
    for (const std::string& heading : headings) {
        const std::size_t at = page_title.find(heading);
        if (count_visible_code_points(heading) < 2 || at == std::string::npos) continue;
        if (best == nullptr || at < best_at || (at == best_at && heading.size() > best->size())) {
            best = &heading;
            best_at = at;
        }
    }
    if (best != nullptr) return *best;
    if (!page_title.empty()) return title_without_site(page_title);
    return headings.empty() ? std::string() : headings.front();
}

// Where a name written after a label ends: white space, a separator, a closing bracket or
// punctuation ("（记者 林一舟）11月23日" gives 林一舟).
bool ends_name(std::string_view text, std::size_t at) {
    for (std::string_view stop : {" ", "|", "/", ",", ")", "]", "\xE3\x80\x80", "\xC2\xA0", "\uFF09",
                                  "\u3011", "\uFF0C", "\u3002", "\u3001", "\uFF1B"}) {
        if (starts_with_at(text, at, stop)) return true;
    }
    return false;
}

// The text after `label` in `line`, up to where a name ends: "作者：王小明 来源：…" gives 王小明.
std::string labelled_value(std::string_view line, std::string_view label) {
    const std::size_t at = line.find(label);
    if (at == std::string_view::npos) return {};
    std::string_view rest = trim_text(line.substr(at + label.size()));
    std::size_t end = 0;
    while (end < rest.size() && !ends_name(rest, end)) ++end;
    // Longer than any name: the label was followed by prose, not by a name.
    if (count_visible_code_points(rest.substr(0, end)) > 20) return {};
    return std::string(rest.substr(0, end));
}

std::string author_in_line(std::string_view line) {
    for (std::string_view label : {"作者：", "作者:", "记者：", "记者:", "记者 ", "文/"}) {
        if (std::string name = labelled_value(line, label); !name.empty()) return name;
    }
    const std::string_view trimmed = trim_text(line);
    if (trimmed.substr(0, 3) == "By " && count_visible_code_points(trimmed) <= 60) {
        std::string_view name = trimmed.substr(3);
        for (std::string_view stop : {" |", ",", " and ", " \u00B7", " -", "\n"}) {
            name = name.substr(0, name.find(stop));
        }
        return std::string(trim_text(name));
    }
    return {};
}

// Lines to search for a date or an author: the ones after the title first, then the page's.
std::vector<std::string> lines_near_title(pugi::xml_node body, std::string_view title) {
    std::vector<std::string> lines = lines_of(block_text(body));
    if (title.empty()) return lines;
    const auto title_line = std::find_if(lines.begin(), lines.end(), [&](const std::string& line) {
        return line.find(title) != std::string::npos;
    });
    if (title_line == lines.end()) return lines;
    const auto stop = lines.end() - title_line > static_cast<std::ptrdiff_t>(lines_after_title + 1)
                          ? title_line + static_cast<std::ptrdiff_t>(lines_after_title + 1)
                          : lines.end();
    std::vector<std::string> near(title_line, stop);
    near.insert(near.end(), lines.begin(), title_line);
    return near;
}

std::string read_published(pugi::xml_node html, const std::vector<std::string>& lines) {
    std::string published =
        meta_content(html, {"article:published_time", "og:published_time", "pubdate", "publishdate",
                            "publish-date", "publish_date", "firstpublishedtime", "datepublished",
                            "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date", "date"});
    if (!published.empty()) return published;
    const pugi::xml_node time = html.find_node([](pugi::xml_node node) {
        return std::string_view(node.name()) == "time" &&
               !trim_text(node.attribute("datetime").value()).empty();
    });
    if (time) return std::string(trim_text(time.attribute("datetime").value()));
    for (const std::string& line : lines) {
        if (std::string date = find_date_text(line); !date.empty()) return date;
    }
    return {};
}

std::string read_author(pugi::xml_node html, const std::vector<std::string>& lines) {
    std::string author = meta_content(html, {"author", "article:author", "dc.creator", "byl"});
    if (!author.empty() && author.substr(0, 4) != "http")
        return author_in_line(author).empty() ? author : author_in_line(author);
    const pugi::xml_node byline = html.child("body").find_node([](pugi::xml_node node) {
        if (node.type() != pugi::node_element) return false;
        const std::string names =
            ascii_lower(std::string(node.attribute("class").value()) + " " + node.attribute("rel").value() +
                        " " + node.attribute("itemprop").value());
        return names.find("author") != std::string::npos || names.find("byline") != std::string::npos;
    });
    if (byline) {
        const std::string text = std::string(trim_text(one_line(byline)));
        if (!text.empty() && count_visible_code_points(text) <= 40) {
            const std::string named = author_in_line(text);
            return named.empty() ? text : named;
        }
    }
    for (std::size_t i = 0; i < lines.size() && i <= lines_after_title; ++i) {
        if (std::string name = author_in_line(lines[i]); !name.empty()) return name;
    }
    return {};
}

}  // namespace

ArticleMetadata read_metadata(pugi::xml_node html) {
    ArticleMetadata metadata;
    metadata.title = read_title(html);
    const std::vector<std::string> lines = lines_near_title(html.child("body"), metadata.title);
    metadata.published = read_published(html, lines);
    metadata.author = read_author(html, lines);
    return metadata;
}

}  // namespace feedagg::feeds::detail
