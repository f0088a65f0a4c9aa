#include "daemon/http/negotiation.hpp"

#include <algorithm>

namespace feedagg::http {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x >= 'A' && x <= 'Z' ? x + 32 : x) == (y >= 'A' && y <= 'Z' ? y + 32 : y);
           });
}

// Splits "a, b ,c" into trimmed, non-empty members (RFC 9110 §5.6.1 list syntax).
template <typename Visit>
void for_each_member(std::string_view list, Visit visit) {
    while (!list.empty()) {
        std::size_t comma = list.find(',');
        std::string_view member = trim(list.substr(0, comma));
        if (!member.empty()) visit(member);
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
}

// RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ). Only "is it zero"
// matters here; a malformed weight counts as 1 (the member was still named).
bool weight_is_zero(std::string_view parameters) {
    while (!parameters.empty()) {
        std::size_t semicolon = parameters.find(';');
        std::string_view parameter = trim(parameters.substr(0, semicolon));
        if (parameter.size() >= 2 && (parameter[0] == 'q' || parameter[0] == 'Q') && parameter[1] == '=') {
            std::string_view value = trim(parameter.substr(2));
            if (value.empty() || value[0] != '0') return false;
            return value.find_first_not_of("0.", 1) == std::string_view::npos;
        }
        if (semicolon == std::string_view::npos) break;
        parameters.remove_prefix(semicolon + 1);
    }
    return false;
}

// The opaque-tag of an entity-tag, without W/; empty when `tag` is not an entity-tag.
std::string_view opaque_tag(std::string_view tag) {
    if (tag.size() >= 2 && tag[0] == 'W' && tag[1] == '/') tag.remove_prefix(2);
    if (tag.size() < 2 || tag.front() != '"' || tag.back() != '"') return {};
    return tag;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
    bool gzip_named = false;
    bool gzip_allowed = false;
    bool wildcard_allowed = false;
    for_each_member(accept_encoding, [&](std::string_view member) {
        std::size_t semicolon = member.find(';');
        std::string_view coding = trim(member.substr(0, semicolon));
        bool allowed = semicolon == std::string_view::npos || !weight_is_zero(member.substr(semicolon + 1));
        if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) {
            gzip_named = true;
            gzip_allowed = gzip_allowed || allowed;
        } else if (coding == "*") {
            wildcard_allowed = allowed;
        }
    });
    return gzip_named ? gzip_allowed : wildcard_allowed;
}

bool if_none_match_matches(std::string_view if_none_match, std::initializer_list<std::string_view> current) {
    if (trim(if_none_match) == "*") return true;
    // RFC 9110 §8.8.3: an opaque-tag may itself contain commas, so the list is read tag by tag rather
    // than split on commas. Reading stops at the first member that is not an entity-tag.
    std::string_view rest = if_none_match;
    while (true) {
        while (!rest.empty() && (is_space(rest.front()) || rest.front() == ',')) rest.remove_prefix(1);
        if (rest.empty()) return false;
        std::size_t start = rest.substr(0, 2) == "W/" ? 2 : 0;
        if (rest.size() <= start || rest[start] != '"') return false;
        std::size_t end = rest.find('"', start + 1);
        if (end == std::string_view::npos) return false;
        std::string_view requested = rest.substr(start, end - start + 1);
        for (std::string_view tag : current) {
            if (!tag.empty() && opaque_tag(tag) == requested) return true;
        }
        rest.remove_prefix(end + 1);
    }
}

std::string_view allowed_origin(const std::vector<std::string>& configured, std::string_view origin) {
    for (const std::string& allowed : configured) {
        if (allowed == "*") return "*";
    }
    if (origin.empty()) return {};
    for (const std::string& allowed : configured) {
        if (allowed == origin) return allowed;
    }
    return {};
}

bool origins_vary(const std::vector<std::string>& configured) {
    return !configured.empty() && std::find(configured.begin(), configured.end(), "*") == configured.end();
}

}  // namespace feedagg::http
