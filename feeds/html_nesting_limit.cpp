#include "feeds/html_nesting_limit.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "feeds/html_elements.hpp"

namespace feedagg::feeds::detail {
namespace {

constexpr std::size_t longest_tracked_name = 16;

// Elements a start tag of the same kind closes implicitly (HTML5 §13.2.6.4.7, simplified to
// "if one is open near the top of the stack").
constexpr std::array<std::string_view, 8> self_closing_kinds{"p",  "li", "dt", "dd",
                                                             "td", "th", "tr", "option"};
constexpr std::size_t implied_close_reach = 4;

// Elements whose content is text up to their end tag (HTML5 §13.2.6.4.4: RAWTEXT and RCDATA).
constexpr std::array<std::string_view, 5> raw_text_elements{"script", "style", "textarea", "title", "xmp"};

bool is_one_of(std::string_view name, const auto& names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string read_lowercase_name(std::string_view html, std::size_t& at) {
    std::string name;
    while (at < html.size() && std::isalnum(static_cast<unsigned char>(html[at]))) {
        if (name.size() < longest_tracked_name)
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[at])));
        ++at;
    }
    return name;
}

std::size_t find_tag_end(std::string_view html, std::size_t at) {
    const std::size_t end = html.find('>', at);
    return end == std::string_view::npos ? html.size() : end + 1;
}

std::size_t skip_raw_text(std::string_view html, std::size_t at, std::string_view name) {
    for (std::size_t close = html.find("</", at); close != std::string_view::npos;
         close = html.find("</", close + 2)) {
        std::size_t after = close + 2;
        if (read_lowercase_name(html, after) == name) return find_tag_end(html, after);
    }
    return html.size();
}

class OpenElements {
  public:
    void close(std::string_view name, std::size_t reach) {
        const std::size_t limit = std::min(reach, stack_.size());
        for (std::size_t i = 1; i <= limit; ++i) {
            if (stack_[stack_.size() - i] == name) {
                stack_.resize(stack_.size() - i);
                return;
            }
        }
    }
    void open(std::string name) { stack_.push_back(std::move(name)); }
    std::size_t depth() const { return stack_.size(); }

  private:
    std::vector<std::string> stack_;
};

struct Range {
    std::size_t begin;
    std::size_t end;
};

std::string without(std::string_view html, const std::vector<Range>& dropped) {
    std::string kept;
    kept.reserve(html.size());
    std::size_t from = 0;
    for (const Range& range : dropped) {
        kept.append(html.substr(from, range.begin - from));
        from = range.end;
    }
    kept.append(html.substr(from));
    return kept;
}

}  // namespace

std::optional<std::string> limit_nesting(std::string_view html, std::size_t max_depth) {
    OpenElements open;
    std::vector<Range> dropped;
    for (std::size_t at = html.find('<'); at < html.size(); at = html.find('<', at)) {
        const std::size_t tag_start = at++;
        if (at >= html.size()) break;
        if (html.substr(tag_start, 4) == "<!--") {
            const std::size_t end = html.find("-->", tag_start + 4);
            at = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        if (html[at] == '/') {
            ++at;
            const std::string name = read_lowercase_name(html, at);
            if (!name.empty()) open.close(name, open.depth());
            at = find_tag_end(html, at);
            continue;
        }
        if (!std::isalpha(static_cast<unsigned char>(html[at]))) continue;
        std::string name = read_lowercase_name(html, at);
        at = find_tag_end(html, at);
        const bool self_closed = at >= 2 && html[at - 2] == '/';
        if (is_one_of(name, raw_text_elements)) {
            at = skip_raw_text(html, at, name);
            continue;
        }
        const Element* element = find_element(name);
        if (self_closed || (element != nullptr && element->has(kVoid))) continue;
        if (is_one_of(name, self_closing_kinds)) open.close(name, implied_close_reach);
        if (open.depth() >= max_depth) {
            dropped.push_back({tag_start, at});
            continue;
        }
        open.open(std::move(name));
    }
    if (dropped.empty()) return std::nullopt;
    return without(html, dropped);
}

}  // namespace feedagg::feeds::detail
