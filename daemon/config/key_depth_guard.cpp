// toml++ parses and frees nested tables recursively, so a dotted key with a hundred thousand parts
// ("[a.a.a...]", 200 KB) exhausts the stack. feedagg's keys are at most two levels deep, so a line with
// many dots outside strings and comments is refused before toml++ sees it.
#include "daemon/config/errors.hpp"

namespace feedagg::config::detail {
namespace {

// Ends the string opened at `i` (the index of its first quote); returns the index after it, the
// newlines it crossed counted into `line`.
std::size_t skip_string(std::string_view text, std::size_t i, int& line) {
    const char quote = text[i];
    const bool basic = quote == '"';
    const bool multi_line = text.substr(i, 3) == std::string_view(quote == '"' ? "\"\"\"" : "'''");
    i += multi_line ? 3 : 1;
    while (i < text.size()) {
        const char c = text[i];
        if (basic && c == '\\') {
            i += 2;
            continue;
        }
        if (c == '\n') {
            if (!multi_line) return i;  // unterminated: toml++ reports it
            ++line;
        }
        if (c == quote && (!multi_line || text.substr(i, 3) == std::string_view(basic ? "\"\"\"" : "'''"))) {
            return i + (multi_line ? 3 : 1);
        }
        ++i;
    }
    return i;
}

}  // namespace

std::optional<int> line_with_too_many_dots(std::string_view text, int limit) {
    int line = 1;
    int dots = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' || c == '\'') {
            i = skip_string(text, i, line);
            continue;
        }
        if (c == '#') {
            while (i < text.size() && text[i] != '\n') ++i;
            continue;
        }
        if (c == '\n') {
            ++line;
            dots = 0;
        } else if (c == '.' && ++dots > limit) {
            return line;
        }
        ++i;
    }
    return std::nullopt;
}

}  // namespace feedagg::config::detail
