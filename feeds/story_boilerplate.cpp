// is_boilerplate_line: the lines reposting sites add around a story (source credits, editor and
// reporter lines, datelines, share and print widgets, copyright and reprint notices), which story
// matching leaves out. Lines arrive NFKC-normalized and case-folded.

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "feeds/story_tokens.hpp"

namespace feedagg::feeds {
namespace {

// Leading spaces and opening brackets: "【来源：…】", "(记者 …)".
std::string_view trim_line_start(std::string_view line) {
    static constexpr std::array<std::string_view, 9> kOpeners = {" ",  "\t", "(",  "[", "<",
                                                                 "【", "〔", "「", "〖"};
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (std::string_view opener : kOpeners) {
            if (line.substr(0, opener.size()) == opener) {
                line.remove_prefix(opener.size());
                trimmed = true;
            }
        }
    }
    return detail::trim_spaces(line);
}

bool contains_any(std::string_view line, const auto& needles) {
    return std::any_of(std::begin(needles), std::end(needles),
                       [&](std::string_view needle) { return line.find(needle) != std::string_view::npos; });
}

// "来源：工人日报", "责任编辑：李明", "Photo: …": a credit label and a colon. Content lines can
// start with such a word ("记者从市总工会获悉…"), so the colon is required, or, with a space
// after the label, a short line.
bool is_credit_line(std::string_view line, std::size_t length) {
    static constexpr std::array<std::string_view, 72> kLabels = {
        "来源于",   "来源",          "转自",         "转载自",       "转载于",    "稿源",
        "本文来源", "文章来源",      "信息来源",     "新闻来源",     "出处",      "责任编辑",
        "编辑",     "责编",          "主编",         "记者",         "通讯员",    "作者",
        "文",       "摄影",          "摄",           "图片来源",     "图片",      "图",
        "视频",     "审核",          "审校",         "校对",         "终审",      "编审",
        "监制",     "发布时间",      "发布日期",     "时间",         "日期",      "浏览次数",
        "阅读次数", "阅读",          "点击数",       "访问量",       "字号",      "字体",
        "原标题",   "source",        "sources",      "editor",       "edited by", "reporter",
        "author",   "photo",         "photos",       "photograph",   "image",     "images",
        "credit",   "credits",       "photo credit", "image credit", "published", "updated",
        "posted",   "date",          "via",          "tags",         "topics",    "filed under",
        "contact",  "media contact", "by",           "written by"};
    static constexpr std::array<std::string_view, 14> kSpacedLabels = {
        "来源", "转自", "记者",     "通讯员",    "作者",       "责任编辑", "编辑",
        "摄影", "by",   "photo by", "photos by", "written by", "story by", "reporting by"};
    // Labels are at most 13 bytes, and a few spaces may follow them.
    const std::string_view head = line.substr(0, 24);
    const bool separated = std::any_of(head.begin(), head.end(), [](char c) { return c == ':' || c == '|'; });
    for (std::string_view label : kLabels) {
        if (!separated) break;
        if (line.substr(0, label.size()) != label) continue;
        const std::string_view rest = detail::trim_spaces(line.substr(label.size()));
        if (!rest.empty() && (rest.front() == ':' || rest.front() == '|') && length <= 120) return true;
    }
    // A dateline that carries the credit: "2025-04-18 09:12 来源:中工网 作者:李明".
    static constexpr std::array<std::string_view, 10> kInlineCredits = {
        "来源:", "作者:", "编辑:", "记者:", "通讯员:", "稿源:", "source:", "editor:", "author:", "photo:"};
    if (length <= 60 && contains_any(line, kInlineCredits)) return true;
    // Photo captions: "图为比赛现场。", "上图：…".
    static constexpr std::array<std::string_view, 4> kCaptions = {"图为", "上图", "下图", "图片说明"};
    if (length <= 80 && std::any_of(kCaptions.begin(), kCaptions.end(), [&](std::string_view caption) {
            return line.substr(0, caption.size()) == caption;
        })) {
        return true;
    }
    if (length > 40) return false;
    for (std::string_view label : kSpacedLabels) {
        if (line.size() > label.size() && line.substr(0, label.size()) == label &&
            line[label.size()] == ' ') {
            return true;
        }
    }
    return false;
}

// "2025年4月18日 09:12", "Posted on March 27, 2025 by admin": a date, and words that only say
// when or by whom it was posted.
bool is_dateline(std::string_view line, std::size_t length) {
    static constexpr std::array<std::string_view, 40> kDateWords = {
        "january",   "february", "march",    "april",    "may",       "june",      "july",     "august",
        "september", "october",  "november", "december", "jan",       "feb",       "mar",      "apr",
        "jun",       "jul",      "aug",      "sep",      "sept",      "oct",       "nov",      "dec",
        "on",        "at",       "by",       "posted",   "published", "updated",   "am",       "pm",
        "admin",     "gmt",      "utc",      "monday",   "tuesday",   "wednesday", "thursday", "friday"};
    static constexpr std::u32string_view kDateCharacters = U"年月日时分秒星期一二三四五六天发布更新于";
    if (length > 60 || line.find_first_of("0123456789") == std::string_view::npos) return false;
    for (std::size_t i = 0; i < line.size();) {
        const std::size_t start = i;
        const std::uint32_t c = detail::next_code_point(line, i);
        if (c < 0x80 && std::isalpha(static_cast<int>(c))) {
            while (i < line.size() && std::isalpha(static_cast<unsigned char>(line[i]))) ++i;
            const std::string_view word = line.substr(start, i - start);
            if (std::find(kDateWords.begin(), kDateWords.end(), word) == kDateWords.end()) return false;
        } else if (detail::is_cjk(c) &&
                   kDateCharacters.find(static_cast<char32_t>(c)) == std::u32string_view::npos) {
            return false;
        }
    }
    return true;
}

// Share, print, follow and navigation widgets: short lines only, a paragraph may say "关注".
bool is_widget_line(std::string_view line, std::size_t length) {
    static constexpr std::array<std::string_view, 38> kWidgets = {"点击",
                                                                  "分享",
                                                                  "打印",
                                                                  "扫一扫",
                                                                  "扫码",
                                                                  "关注我们",
                                                                  "关注公众号",
                                                                  "关注",
                                                                  "收藏",
                                                                  "转发",
                                                                  "返回顶部",
                                                                  "返回首页",
                                                                  "关闭窗口",
                                                                  "上一篇",
                                                                  "下一篇",
                                                                  "相关阅读",
                                                                  "相关新闻",
                                                                  "推荐阅读",
                                                                  "阅读原文",
                                                                  "share this",
                                                                  "share on",
                                                                  "share:",
                                                                  "tweet",
                                                                  "print this",
                                                                  "print article",
                                                                  "email this",
                                                                  "follow us",
                                                                  "subscribe",
                                                                  "sign up",
                                                                  "read more",
                                                                  "related:",
                                                                  "related stories",
                                                                  "related articles",
                                                                  "back to top",
                                                                  "comments",
                                                                  "leave a comment",
                                                                  "advertisement",
                                                                  "click here"};
    return length <= 40 && contains_any(line, kWidgets);
}

// Looks for many phrases in one pass: the phrases are filed under their first two bytes, so a
// position of the line is compared only with the phrases that start there. Chinese characters share
// their first two bytes with many others: "不" with "严", "公" with "免".
class PhraseSet {
  public:
    template <std::size_t N>
    explicit PhraseSet(const std::array<std::string_view, N>& phrases) {
        for (std::string_view phrase : phrases) {
            starts_.set(key(phrase[0], phrase[1]));
            by_start_[key(phrase[0], phrase[1])].push_back(phrase);
        }
    }

    // Phrases start at a character, never at one of its continuation bytes (10xxxxxx), which are
    // skipped: Chinese text has two of them a character.
    bool found_in(std::string_view line) const {
        for (std::size_t i = 0; i + 1 < line.size();) {
            if (starts_[key(line[i], line[i + 1])]) {
                for (std::string_view phrase : by_start_.at(key(line[i], line[i + 1]))) {
                    if (line.substr(i, phrase.size()) == phrase) return true;
                }
            }
            ++i;
            while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
        }
        return false;
    }

  private:
    static std::uint16_t key(char first, char second) {
        return static_cast<std::uint16_t>(static_cast<unsigned char>(first) << 8 |
                                          static_cast<unsigned char>(second));
    }
    std::bitset<65536> starts_;  // the keys by_start_ holds: most positions need no lookup
    std::unordered_map<std::uint16_t, std::vector<std::string_view>> by_start_;
};

bool is_rights_line(std::string_view line, std::size_t length) {
    static constexpr std::array<std::string_view, 28> kRights = {"版权所有",
                                                                 "版权归",
                                                                 "copyright",
                                                                 "©",
                                                                 "all rights reserved",
                                                                 "未经授权",
                                                                 "未经许可",
                                                                 "禁止转载",
                                                                 "不得转载",
                                                                 "严禁转载",
                                                                 "免责声明",
                                                                 "disclaimer",
                                                                 "originally published",
                                                                 "first published",
                                                                 "was originally",
                                                                 "republished",
                                                                 "reprinted with permission",
                                                                 "this article was",
                                                                 "this story was",
                                                                 "appeared first",
                                                                 "appeared originally",
                                                                 "原文链接",
                                                                 "本文转自",
                                                                 "转载请注明",
                                                                 "icp备",
                                                                 "icp证",
                                                                 "公网安备",
                                                                 "creative commons"};
    static const PhraseSet kRightsPhrases(kRights);
    return length <= 200 && kRightsPhrases.found_in(line);
}

}  // namespace

namespace detail {

bool is_boilerplate_line(std::string_view line, const std::vector<std::string>& folded_strip) {
    const std::string_view start = trim_line_start(line);
    const std::size_t length = detail::code_point_count(start);
    // Boilerplate lines are short; most paragraphs skip every test but the configured one.
    if (length <= 200 && (is_credit_line(start, length) || is_dateline(start, length) ||
                          is_widget_line(start, length) || is_rights_line(start, length))) {
        return true;
    }
    return contains_any(line, folded_strip);
}

}  // namespace detail
}  // namespace feedagg::feeds
