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

std::string lower(std::string_view text) {
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lowered;
}

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
                named = named || lower(meta.attribute(attribute).value()) == key;
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

bool is_digit(std::string_view text, std::size_t at) {
    return at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) != 0;
}

// Reads 1..max_digits digits at `at`; returns how many were read (0 when too many or none).
std::size_t read_number(std::string_view text, std::size_t at, std::size_t max_digits, int& value) {
    std::size_t count = 0;
    value = 0;
    while (is_digit(text, at + count)) {
        if (++count > max_digits) return 0;
        value = value * 10 + (text[at + count - 1] - '0');
    }
    return count;
}

bool starts_with_at(std::string_view text, std::size_t at, std::string_view prefix) {
    return text.substr(at, prefix.size()) == prefix;
}

// End of " 09:12" or " 09:12:30" starting at `at`, or `at` itself when there is no time.
std::size_t time_end(std::string_view text, std::size_t at) {
    std::size_t p = at;
    for (int spaces = 0; spaces < 3; ++spaces) {
        if (starts_with_at(text, p, " ")) {
            p += 1;
        } else if (starts_with_at(text, p, "\xC2\xA0")) {
            p += 2;
        } else if (starts_with_at(text, p, "\xE3\x80\x80")) {
            p += 3;
        }
    }
    int hour = 0;
    int minute = 0;
    const std::size_t hour_digits = read_number(text, p, 2, hour);
    if (hour_digits == 0 || hour > 23 || !starts_with_at(text, p + hour_digits, ":")) return at;
    p += hour_digits + 1;
    if (read_number(text, p, 2, minute) != 2 || minute > 59) return at;
    p += 2;
    int second = 0;
    if (starts_with_at(text, p, ":") && read_number(text, p + 1, 2, second) == 2 && second <= 59) p += 3;
    return p;
}

// End of a date starting at `at`, or 0 when none starts there.
std::size_t date_end(std::string_view text, std::size_t at) {
    int year = 0;
    int month = 0;
    int day = 0;
    if (read_number(text, at, 4, year) != 4 || year < 1990 || year > 2099) return 0;
    std::size_t p = at + 4;
    const bool chinese = starts_with_at(text, p, "\u5E74");
    const char separator = p < text.size() ? text[p] : '\0';
    if (!chinese && separator != '-' && separator != '/' && separator != '.') return 0;
    p += chinese ? 3 : 1;
    const std::size_t month_digits = read_number(text, p, 2, month);
    if (month_digits == 0 || month < 1 || month > 12) return 0;
    p += month_digits;
    if (chinese ? !starts_with_at(text, p, "\u6708") : (p >= text.size() || text[p] != separator)) return 0;
    p += chinese ? 3 : 1;
    const std::size_t day_digits = read_number(text, p, 2, day);
    if (day_digits == 0 || day < 1 || day > 31) return 0;
    p += day_digits;
    if (chinese && starts_with_at(text, p, "\u65E5")) p += 3;
    return time_end(text, p);
}

constexpr std::string_view month_names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};

bool is_letter(std::string_view text, std::size_t at) {
    return at < text.size() && std::isalpha(static_cast<unsigned char>(text[at])) != 0;
}

// End of an English month name (full, or abbreviated with an optional '.') at `at`, or 0.
std::size_t month_end(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (is_letter(text, end)) ++end;
    if (end - at < 3 || end - at > 9) return 0;
    const std::string word = lower(text.substr(at, end - at));
    if (std::find(std::begin(month_names), std::end(month_names), std::string_view(word).substr(0, 3)) ==
        std::end(month_names)) {
        return 0;
    }
    if (starts_with_at(text, end, ".")) ++end;
    return end;
}

// End of "May 17, 2024" or "17 May 2024" starting at `at`, or 0.
std::size_t english_date_end(std::string_view text, std::size_t at) {
    int day = 0;
    int year = 0;
    std::size_t p = at;
    if (is_letter(text, p)) {
        p = month_end(text, p);
        if (p == 0 || !starts_with_at(text, p, " ")) return 0;
        const std::size_t day_digits = read_number(text, p + 1, 2, day);
        if (day_digits == 0 || day < 1 || day > 31) return 0;
        p += 1 + day_digits;
        if (starts_with_at(text, p, ",")) ++p;
    } else {
        const std::size_t day_digits = read_number(text, p, 2, day);
        if (day_digits == 0 || day < 1 || day > 31 || !starts_with_at(text, p + day_digits, " ")) return 0;
        p = month_end(text, p + day_digits + 1);
        if (p == 0) return 0;
    }
    if (!starts_with_at(text, p, " ") || read_number(text, p + 1, 4, year) != 4 || year < 1990) return 0;
    return p + 5;
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
            lower(std::string(node.attribute("class").value()) + " " + node.attribute("rel").value() + " " +
                  node.attribute("itemprop").value());
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

std::string find_date_text(std::string_view text) {
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (at > 0 && (is_digit(text, at - 1) || is_letter(text, at - 1))) continue;
        std::size_t end = 0;
        if (is_digit(text, at)) end = date_end(text, at);
        if (end == 0 && (is_digit(text, at) || is_letter(text, at))) end = english_date_end(text, at);
        if (end != 0) return std::string(text.substr(at, end - at));
    }
    return {};
}

ArticleMetadata read_metadata(pugi::xml_node html) {
    ArticleMetadata metadata;
    metadata.title = read_title(html);
    const std::vector<std::string> lines = lines_near_title(html.child("body"), metadata.title);
    metadata.published = read_published(html, lines);
    metadata.author = read_author(html, lines);
    return metadata;
}

}  // namespace feedagg::feeds::detail
