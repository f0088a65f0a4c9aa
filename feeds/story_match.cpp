// match_stories: whether two items tell the same story, by link, title or text, and why.

#include <algorithm>
#include <array>
#include <boost/url/parse.hpp>
#include <set>

#include "feeds/canonical_url.hpp"
#include "feeds/story.hpp"
#include "feeds/story_tokens.hpp"

namespace feedagg::feeds {
namespace {

// A link names one article only when it has a path or a query: many feeds link every item to their
// home page.
bool names_an_article(std::string_view link) {
    const auto url = boost::urls::parse_uri(link);
    if (!url) return false;
    const std::string_view path = url->encoded_path();
    return (!path.empty() && path != "/") || url->has_query();
}

// A CJK character weighs 1, a word of another script 3: "通知" weighs 2, "Annual report" 6.
std::size_t title_weight(std::string_view title) {
    std::size_t weight = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < title.size();) {
        const std::uint32_t c = detail::next_code_point(title, i);
        if (detail::is_cjk(c)) {
            weight += 1;
            in_word = false;
        } else if (c == ' ') {
            in_word = false;
        } else if (!in_word) {
            weight += 3;
            in_word = true;
        }
    }
    return weight;
}

bool is_generic_title(std::string_view title) {
    static constexpr std::array<std::string_view, 24> kGeneric = {
        "通知",      "公告",         "公示",          "通报",          "简讯",         "快讯",
        "要闻",      "动态",         "工作动态",      "新闻",          "消息",         "声明",
        "news",      "update",       "updates",       "notice",        "announcement", "press release",
        "statement", "news release", "breaking news", "weekly update", "newsletter",   "media advisory"};
    return std::find(kGeneric.begin(), kGeneric.end(), title) != kGeneric.end();
}

int cjk_digit(std::uint32_t c) {
    static constexpr std::array<std::uint32_t, 10> kDigits = {U'零', U'一', U'二', U'三', U'四',
                                                              U'五', U'六', U'七', U'八', U'九'};
    if (c == U'〇') return 0;
    if (c == U'两') return 2;
    const auto at = std::find(kDigits.begin(), kDigits.end(), c);
    return at == kDigits.end() ? -1 : static_cast<int>(at - kDigits.begin());
}

int cjk_unit(std::uint32_t c) {
    switch (c) {
        case U'十': return 10;
        case U'百': return 100;
        case U'千': return 1000;
        case U'万': return 10000;
        default: return 0;
    }
}

// "十一" 11, "二十" 20, "一百零五" 105, "二〇二五" 2025 (digit by digit when no unit is written).
std::uint64_t cjk_number_value(const std::vector<std::uint32_t>& numerals) {
    const bool has_unit =
        std::any_of(numerals.begin(), numerals.end(), [](auto c) { return cjk_unit(c) != 0; });
    std::uint64_t value = 0;
    if (!has_unit) {
        for (auto c : numerals) value = value * 10 + static_cast<std::uint64_t>(cjk_digit(c));
        return value;
    }
    std::uint64_t section = 0;
    std::uint64_t digit = 0;
    for (auto c : numerals) {
        if (const int d = cjk_digit(c); d >= 0) {
            digit = static_cast<std::uint64_t>(d);
        } else if (const int unit = cjk_unit(c); unit == 10000) {
            value = (value + section + digit) * 10000;
            section = digit = 0;
        } else {
            section += (digit == 0 ? 1 : digit) * static_cast<std::uint64_t>(unit);
            digit = 0;
        }
    }
    return value + section + digit;
}

// CJK numerals count as a number in a title only where they count something ("第一期", "二〇二五年",
// "十佳" does not): after 第 or before a counter.
bool is_counter(std::uint32_t c) {
    static constexpr std::u32string_view kCounters = U"期届次季批轮年月日号部章集篇名个项家位场周";
    return kCounters.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

// The numbers a normalized title carries, digits and counted CJK numerals alike.
std::set<std::uint64_t> title_numbers(std::string_view title) {
    std::vector<std::uint32_t> code_points;
    for (std::size_t i = 0; i < title.size();) code_points.push_back(detail::next_code_point(title, i));
    std::set<std::uint64_t> numbers;
    for (std::size_t i = 0; i < code_points.size();) {
        const std::uint32_t c = code_points[i];
        if (c >= '0' && c <= '9') {
            std::uint64_t value = 0;
            for (; i < code_points.size() && code_points[i] >= '0' && code_points[i] <= '9'; ++i) {
                value = std::min<std::uint64_t>(value * 10 + (code_points[i] - '0'), 1'000'000'000'000ULL);
            }
            numbers.insert(value);
            continue;
        }
        if (cjk_digit(c) < 0 && cjk_unit(c) == 0) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        std::vector<std::uint32_t> numerals;
        for (; i < code_points.size() && (cjk_digit(code_points[i]) >= 0 || cjk_unit(code_points[i]) != 0);
             ++i) {
            numerals.push_back(code_points[i]);
        }
        const bool after_di = start > 0 && code_points[start - 1] == U'第';
        const bool before_counter = i < code_points.size() && is_counter(code_points[i]);
        if (after_di || before_counter) numbers.insert(cjk_number_value(numerals));
    }
    return numbers;
}

// Two titles of one series or one template differ in their numbers, and neither adds numbers to the
// other (a re-titled repost may add a date; it does not change one).
bool numbers_differ(std::string_view a, std::string_view b) {
    const std::set<std::uint64_t> x = title_numbers(a);
    const std::set<std::uint64_t> y = title_numbers(b);
    if (x.empty() || y.empty()) return false;
    return !std::includes(x.begin(), x.end(), y.begin(), y.end()) &&
           !std::includes(y.begin(), y.end(), x.begin(), x.end());
}

}  // namespace

std::string_view to_string(MatchReason reason) {
    switch (reason) {
        case MatchReason::link: return "link";
        case MatchReason::title: return "title";
        case MatchReason::text: return "text";
        case MatchReason::none: break;
    }
    return "none";
}

StoryKeys story_keys(std::string_view title, std::string_view text, std::string_view link,
                     const std::vector<std::string>& strip) {
    StoryKeys keys;
    keys.canonical_link = canonical_url(link);
    keys.title = normalize_story_title(title);
    const std::string normalized = normalize_story_text(text, strip);
    keys.fingerprint = StoryFingerprint::of_text(normalized);
    keys.text_length = normalized.size();
    return keys;
}

StoryMatch match_stories(const StoryKeys& a, const StoryKeys& b, const MatchThresholds& thresholds) {
    if (!a.canonical_link.empty() && a.canonical_link == b.canonical_link &&
        names_an_article(a.canonical_link)) {
        return {true, MatchReason::link, 1.0};
    }
    const TextOverlap overlap = estimate_overlap(a.fingerprint, b.fingerprint);
    const bool text_judged = overlap.sample >= thresholds.text_min_sample;
    const bool numbers_disagree = overlap.number_sample >= thresholds.number_min_sample &&
                                  overlap.number_containment < thresholds.number_containment;
    const bool texts_disagree =
        numbers_disagree || (text_judged && overlap.containment < thresholds.title_text_veto);
    if (!a.title.empty() && a.title == b.title && title_weight(a.title) >= thresholds.title_min_weight &&
        !is_generic_title(a.title) && !texts_disagree) {
        return {true, MatchReason::title, 1.0};
    }
    const bool text_match = text_judged && !numbers_disagree &&
                            overlap.containment >= thresholds.text_containment &&
                            (overlap.containment >= thresholds.text_containment_numbers_differ ||
                             !numbers_differ(a.title, b.title));
    if (text_match) return {true, MatchReason::text, overlap.containment};
    return {false, MatchReason::none, overlap.containment};
}

}  // namespace feedagg::feeds
