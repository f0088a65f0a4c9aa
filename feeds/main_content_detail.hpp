#pragma once
// The steps of extract_main_content, each in its own file: measuring text, removing boilerplate,
// scoring containers, reading title/date/author.

#include <cstddef>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "feeds/detail/ascii.hpp"

namespace feedagg::feeds::detail {

// --- main_content_text.cpp ---

// Code points that are not white space (ASCII, NBSP and the ideographic space U+3000 that Chinese
// pages indent with): Chinese has no spaces between words, so length is counted in characters.
std::size_t count_visible_code_points(std::string_view text);

// Sentence punctuation, ASCII , . ; : ? ! and the Chinese 。，、；：？！.
std::size_t count_punctuation(std::string_view text);

// `prefix` found in `text` at byte `at`.
bool starts_with_at(std::string_view text, std::size_t at, std::string_view prefix);

// ASCII letters lower-cased, other bytes kept: for class names, meta names and month names.

// Text with leading and trailing white space (NBSP and U+3000 included) removed.
std::string_view trim_text(std::string_view text);

// Phrasing elements: their text belongs to the paragraph around them.
bool is_inline_element(std::string_view name);

// script, style, template, noscript: never seen by a reader.
bool is_invisible_element(std::string_view name);

// The text of `node` as a reader sees it: one paragraph a line (block elements and <br> end
// lines), white space inside a line collapsed, empty lines dropped.
std::string block_text(pugi::xml_node node);

struct TextMeasure {
    std::size_t chars = 0;        // visible code points
    std::size_t link_chars = 0;   // of which inside <a>
    std::size_t punctuation = 0;  // sentence punctuation marks

    double link_density() const {
        return chars == 0 ? 0.0 : static_cast<double>(link_chars) / static_cast<double>(chars);
    }
    TextMeasure& operator+=(const TextMeasure& other) {
        chars += other.chars;
        link_chars += other.link_chars;
        punctuation += other.punctuation;
        return *this;
    }
};

using TextMeasures = std::unordered_map<pugi::xml_node_struct*, TextMeasure>;

// Measures every element under `root` (and `root` itself); invisible elements count nothing.
TextMeasures measure_text(pugi::xml_node root);

// --- main_content_cleaning.cpp ---

// What class and id say about an element: +25 when they name content ("article", "content",
// "TRS_Editor", "zhengwen"...), -25 when they name boilerplate ("share", "comment", "sidebar",
// "xgxw"...), 0 otherwise or both.
int class_weight(pugi::xml_node element);

// True when class or id name boilerplate (share bars, comments, related links, editor lines...),
// whether or not they also name content; `strong_only` limits it to names that never hold an
// article's body.
bool names_boilerplate(pugi::xml_node element, bool strong_only);

struct CleaningRules {
    bool by_class_and_id = true;  // off for the second attempt on pages whose names mislead
};

// Removes from `body` what is never article text: scripts, forms, navigation, hidden elements,
// elements whose class/id name boilerplate, and short lines such as "责任编辑：" or "分享到".
void remove_boilerplate(pugi::xml_node body, const CleaningRules& rules);

// True for short text that is a byline, editor, source, print/close or share line.
bool is_boilerplate_line(std::string_view text);

// --- main_content_scoring.cpp ---

struct ArticleBody {
    std::vector<pugi::xml_node> parts;  // the best container and the siblings that belong with it
    TextMeasure measure;                // of the parts together
    double coverage = 0;                // share of the page's prose (text blocks) inside the parts
};

// The container holding the page's article text, or nothing when no block of prose exists.
std::optional<ArticleBody> find_article_body(pugi::xml_node body);

// Removes from the chosen parts what sits inside an article container but is not its text: link
// lists, boilerplate-named blocks, the title repeated as a heading.
void remove_clutter_within(ArticleBody& article, std::string_view title);

// --- main_content_metadata.cpp and main_content_dates.cpp ---

struct ArticleMetadata {
    std::string title;
    std::string published;
    std::string author;
};

ArticleMetadata read_metadata(pugi::xml_node html);

// The first date in `text` written as 2024-05-17, 2024/5/17, 2024.05.17 or 2024年05月17日
// (with a following time, 09:12 or 09:12:30, when there is one), or as May 17, 2024 or
// 17 May 2024; empty when none.
std::string find_date_text(std::string_view text);

}  // namespace feedagg::feeds::detail
