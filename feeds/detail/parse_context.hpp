#pragma once
// What every format reader shares while it reads one document: the caller's options, the warnings
// it collects, and the reading of values that need them (dates, HTML, URLs).

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/model.hpp"
#include "feeds/parse.hpp"

namespace feedagg::feeds::detail {

class ParseContext {
  public:
    ParseContext(const ParseOptions& options, std::vector<std::string>& warnings);

    const ParseOptions& options() const { return options_; }

    // Adds a warning; past a limit further warnings are counted, not kept (hostile input stays bounded).
    void warn(std::string message);
    void finish_warnings();
    // Adds a warning unless the same one was already given (a problem that repeats in every entry).
    void warn_once(std::string message);

    // A date in the options' timezone when it has none; warns and gives nothing when unreadable.
    std::optional<Timestamp> date(std::string_view text, std::string_view where);

    // HTML that arrived escaped twice ("&lt;p&gt;") is unescaped once, with a warning.
    std::string undouble_escaped_html(std::string html, std::string_view where);

  private:
    const ParseOptions& options_;
    std::vector<std::string>& warnings_;
    std::size_t dropped_warnings_ = 0;
    std::set<std::string, std::less<>> given_once_;
};

// True for HTML that arrived escaped twice ("&lt;p&gt;" and no '<'): undouble_escaped_html's test.
bool looks_double_escaped(std::string_view html);

// Whitespace runs (ASCII and Unicode spaces) become one space; leading and trailing ones go.
std::string collapse_whitespace(std::string_view text);

// Text escaped for use as HTML ("a < b" -> "a &lt; b"), line breaks kept as <br />.
std::string text_to_html(std::string_view text);

}  // namespace feedagg::feeds::detail
