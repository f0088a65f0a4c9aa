// Boilerplate removal before scoring. Names are matched on class and id because that is where
// CMSs, English and Chinese alike, say what a block is ("bdsharebuttonbox", "xgxw" for 相关新闻,
// "zrbj" for 责任编辑).

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>

#include "feeds/main_content_detail.hpp"

namespace feedagg::feeds::detail {
namespace {

// Substrings of class/id that never name an article's body.
constexpr std::string_view strong_boilerplate_names[] = {
    "share",      "fenxiang",  "comment",   "pinglun", "advert", "sponsor",   "breadcrumb", "crumb",
    "related",    "xgxw",      "xgwz",      "xgyd",    "tjyd",   "recommend", "sidebar",    "social",
    "newsletter", "subscribe", "copyright", "banquan", "zrbj",   "dyzw",      "popup",      "cookie",
    "guanggao",   "disqus",    "bianji",    "discuss", "liuyan", "respond",   "qrcode",     "erweima"};

// Whole class/id words (split at anything not a letter or digit) that name boilerplate.
constexpr std::string_view boilerplate_words[] = {
    "ad",       "ads",      "adv",   "editor",  "source",   "laiyuan", "info",   "meta",
    "byline",   "dateline", "tags",  "pager",   "login",    "logo",    "search", "position",
    "location", "weizhi",   "dqwz",  "top",     "bottom",   "links",   "more",   "friendlink",
    "rank",     "paihang",  "print", "bdshare", "masthead", "signup",  "ewm"};

// Prefixes of class/id words that name boilerplate: "footer", "navbar", "hotnews", "toolbar".
constexpr std::string_view boilerplate_word_prefixes[] = {
    "foot", "head", "nav", "menu", "side", "widget", "tool", "author", "hot", "pagination", "banner", "next"};

// Substrings of class/id that name content.
constexpr std::string_view content_names[] = {"article", "content",  "body",       "entry",  "main",   "post",
                                              "story",   "zhengwen", "trs_editor", "detail", "neirong"};
constexpr std::string_view content_words[] = {"text", "zw", "con", "nr", "wenzhang"};

// Lines that label an article rather than being part of it. Prefixes, after trimming brackets.
constexpr std::string_view boilerplate_line_starts[] = {
    "责任编辑", "编辑：",    "编辑:",    "责编",        "来源：",     "来源:",         "作者：",
    "作者:",    "发布时间",  "发布日期", "发稿时间",    "更新时间",   "点击数",        "点击：",
    "浏览次数", "阅读次数",  "打印本页", "打印】",      "关闭窗口",   "关闭】",        "分享到",
    "上一篇",   "下一篇",    "字号",     "字体",        "Share this", "Share:",        "Advertisement",
    "Related:", "Read more", "Editor:",  "Editing by",  "###",        "Media contact", "Press contact",
    "附件：",   "扫一扫",    "Photo:",   "Photograph:", "Credit:",    "图片来源"};

// Labels that head a box of comments, related links or teasers: on sites whose class names are
// generated hashes, the box's own heading is what says what it is. Prefixes, ASCII lower-cased.
constexpr std::string_view boilerplate_box_labels[] = {"comment",
                                                       "reader responses",
                                                       "responses",
                                                       "replies",
                                                       "leave a reply",
                                                       "discussion",
                                                       "related",
                                                       "more from",
                                                       "more stories",
                                                       "recommended",
                                                       "most read",
                                                       "most popular",
                                                       "popular",
                                                       "trending",
                                                       "editor's picks",
                                                       "read next",
                                                       "you may also like",
                                                       "评论",
                                                       "网友评论",
                                                       "留言",
                                                       "精选留言",
                                                       "相关",
                                                       "推荐",
                                                       "延伸阅读",
                                                       "热点",
                                                       "热门",
                                                       "排行",
                                                       "猜你喜欢",
                                                       "最新",
                                                       "通知公告",
                                                       "友情链接",
                                                       "栏目导航"};

constexpr std::string_view removed_elements[] = {"script", "style",  "noscript", "template", "iframe",
                                                 "object", "embed",  "svg",      "canvas",   "button",
                                                 "input",  "select", "textarea", "link"};

// Navigation landmarks and the like: removed unless they wrap most of the page (some CMSs put
// the whole page in <form> or <header>, ASP.NET pages in particular).
constexpr std::string_view landmark_elements[] = {"nav",  "aside",  "footer", "menu",
                                                  "form", "header", "dialog"};

std::string lower_class_and_id(pugi::xml_node element) {
    return ascii_lower(std::string(element.attribute("class").value()) + ' ' +
                       element.attribute("id").value());
}

std::vector<std::string_view> name_words(std::string_view names) {
    std::vector<std::string_view> words;
    std::size_t at = 0;
    while (at < names.size()) {
        while (at < names.size() && !std::isalnum(static_cast<unsigned char>(names[at]))) ++at;
        const std::size_t start = at;
        while (at < names.size() && std::isalnum(static_cast<unsigned char>(names[at]))) ++at;
        if (at > start) words.push_back(names.substr(start, at - start));
    }
    return words;
}

template <std::size_t N>
bool contains_any(std::string_view names, const std::string_view (&needles)[N]) {
    return std::any_of(std::begin(needles), std::end(needles), [&](std::string_view needle) {
        const std::size_t at = names.find(needle);
        // "commentary" is an article kind, not a comment box.
        return at != std::string_view::npos && !(needle == "comment" && names.substr(at, 10) == "commentary");
    });
}

bool names_strong_boilerplate(std::string_view names) {
    return contains_any(names, strong_boilerplate_names);
}

bool names_weak_boilerplate(std::string_view names) {
    for (std::string_view word : name_words(names)) {
        if (std::find(std::begin(boilerplate_words), std::end(boilerplate_words), word) !=
            std::end(boilerplate_words)) {
            return true;
        }
        for (std::string_view prefix : boilerplate_word_prefixes) {
            if (word.substr(0, prefix.size()) == prefix) return true;
        }
    }
    return false;
}

bool names_content(std::string_view names) {
    if (contains_any(names, content_names)) return true;
    const std::vector<std::string_view> words = name_words(names);
    return std::any_of(words.begin(), words.end(), [](std::string_view word) {
        return std::find(std::begin(content_words), std::end(content_words), word) != std::end(content_words);
    });
}

bool is_hidden(pugi::xml_node element) {
    if (element.attribute("hidden")) return true;
    std::string style = ascii_lower(element.attribute("style").value());
    style.erase(std::remove_if(style.begin(), style.end(), [](unsigned char c) { return std::isspace(c); }),
                style.end());
    return style.find("display:none") != std::string::npos ||
           style.find("visibility:hidden") != std::string::npos;
}

// The first piece of visible text under `node`: nothing when there is none, empty when it is
// too long to be a label.
std::optional<std::string_view> first_label(pugi::xml_node node) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata) {
            const std::string_view text = trim_text(child.value());
            if (text.empty()) continue;
            return count_visible_code_points(text) <= 16 ? text : std::string_view();
        }
        if (child.type() == pugi::node_element && !is_invisible_element(child.name())) {
            if (std::optional<std::string_view> label = first_label(child)) return label;
        }
    }
    return std::nullopt;
}

bool is_labelled_boilerplate_box(pugi::xml_node element) {
    const std::string_view name = element.name();
    if (name != "div" && name != "section" && name != "aside" && name != "ul" && name != "ol" &&
        name != "table" && name != "dl") {
        return false;
    }
    const std::string label = ascii_lower(first_label(element).value_or(std::string_view()));
    return !label.empty() &&
           std::any_of(std::begin(boilerplate_box_labels), std::end(boilerplate_box_labels),
                       [&](std::string_view start) { return label.compare(0, start.size(), start) == 0; });
}

bool ends_with_sentence_mark(std::string_view line) {
    for (std::string_view mark : {".", "!", "?", "\u3002", "\uFF01", "\uFF1F"}) {
        if (line.size() >= mark.size() && line.substr(line.size() - mark.size()) == mark) return true;
    }
    return false;
}

template <std::size_t N>
bool is_one_of(std::string_view name, const std::string_view (&names)[N]) {
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

struct Cleaner {
    const CleaningRules& rules;
    TextMeasures measures;
    std::size_t page_chars = 0;

    bool wraps_most_of_page(pugi::xml_node element) const {
        const auto found = measures.find(element.internal_object());
        const std::size_t chars = found == measures.end() ? 0 : found->second.chars;
        return page_chars > 0 && chars * 5 > page_chars * 3;
    }

    bool is_boilerplate_element(pugi::xml_node element) const {
        const std::string_view name = element.name();
        if (is_one_of(name, removed_elements)) return true;
        if (name == "body") return false;
        if (is_one_of(name, landmark_elements) || is_hidden(element) ||
            is_labelled_boilerplate_box(element)) {
            return !wraps_most_of_page(element);
        }
        if (!rules.by_class_and_id) return false;
        const std::string names = lower_class_and_id(element);
        if (names.size() <= 1) return false;
        if (names_strong_boilerplate(names)) return !wraps_most_of_page(element);
        return names_weak_boilerplate(names) && !names_content(names) && !wraps_most_of_page(element);
    }

    bool is_boilerplate_line_node(pugi::xml_node node) const {
        if (node.type() == pugi::node_pcdata) return is_boilerplate_line(node.value());
        if (node.type() != pugi::node_element) return false;
        const std::string_view name = node.name();
        if (name != "p" && name != "div" && name != "span" && name != "td" && name != "li" &&
            name != "font" && name != "center" && name != "strong" && name != "b") {
            return false;
        }
        const auto found = measures.find(node.internal_object());
        // Lines made only of links are menus, not labels; they are left to link density.
        if (found == measures.end() || found->second.chars > 80 ||
            found->second.link_chars == found->second.chars) {
            return false;
        }
        return is_boilerplate_line(block_text(node));
    }

    void clean(pugi::xml_node parent) {
        pugi::xml_node child = parent.first_child();
        while (child) {
            const pugi::xml_node next = child.next_sibling();
            if (child.type() == pugi::node_element && is_boilerplate_element(child)) {
                parent.remove_child(child);
            } else if (is_boilerplate_line_node(child)) {
                parent.remove_child(child);
            } else if (child.type() == pugi::node_element) {
                clean(child);
            }
            child = next;
        }
    }
};

}  // namespace

int class_weight(pugi::xml_node element) {
    const std::string names = lower_class_and_id(element);
    if (names.size() <= 1) return 0;
    int weight = 0;
    if (names_content(names)) weight += 25;
    if (names_strong_boilerplate(names) || names_weak_boilerplate(names)) weight -= 25;
    return weight;
}

bool names_boilerplate(pugi::xml_node element, bool strong_only) {
    const std::string names = lower_class_and_id(element);
    if (names.size() <= 1) return false;
    return names_strong_boilerplate(names) || (!strong_only && names_weak_boilerplate(names));
}

bool is_boilerplate_line(std::string_view text) {
    std::string_view line = trim_text(text);
    if (count_visible_code_points(line) > 80) return false;
    // Editor and print lines come bracketed: 【打印本页】, （责任编辑：王五）, [Editor: ...].
    for (std::string_view bracket : {"\u3010", "\uFF08", "(", "[", "\u3014"}) {
        if (line.substr(0, bracket.size()) == bracket) {
            line = trim_text(line.substr(bracket.size()));
            break;
        }
    }
    if (std::any_of(std::begin(boilerplate_line_starts), std::end(boilerplate_line_starts),
                    [&](std::string_view start) { return line.substr(0, start.size()) == start; })) {
        return true;
    }
    // A dateline ("2024年05月17日 09:12 南岭日报", "FOR IMMEDIATE RELEASE - May 17, 2024"): short,
    // dated, and not a sentence.
    const bool has_digit =
        std::any_of(line.begin(), line.end(), [](unsigned char c) { return std::isdigit(c); });
    return has_digit && count_visible_code_points(line) <= 50 && !find_date_text(line).empty() &&
           !ends_with_sentence_mark(line);
}

void remove_boilerplate(pugi::xml_node body, const CleaningRules& rules) {
    Cleaner cleaner{rules, measure_text(body), 0};
    cleaner.page_chars = cleaner.measures[body.internal_object()].chars;
    cleaner.clean(body);
}

}  // namespace feedagg::feeds::detail
