#include "daemon/http/request_target.hpp"

namespace feedagg::http {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "http://host:port/path" -> "/path"; "http://host" -> "/".
std::string_view strip_authority(std::string_view target) {
    std::size_t scheme_end = target.find("://");
    if (scheme_end == std::string_view::npos) return target;
    std::string_view rest = target.substr(scheme_end + 3);
    std::size_t path_start = rest.find_first_of("/?");
    if (path_start == std::string_view::npos) return "/";
    if (rest[path_start] == '?') return {};  // "http://host?q" has no path: rejected below
    return rest.substr(path_start);
}

bool has_dot_segment(std::string_view path) {
    while (!path.empty()) {
        std::size_t slash = path.find('/');
        std::string_view segment = path.substr(0, slash);
        if (segment == "." || segment == "..") return true;
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return false;
}

}  // namespace

feeds::Result<RequestTarget> parse_request_target(std::string_view target) {
    bool absolute_form = target.substr(0, 7) == "http://" || target.substr(0, 8) == "https://";
    std::string_view origin_form = absolute_form ? strip_authority(target) : target;
    if (origin_form.empty() || origin_form.front() != '/') {
        return feeds::Error{"the request target must be a path starting with \"/\""};
    }
    std::size_t question = origin_form.find('?');
    std::string_view raw_path = origin_form.substr(0, question);
    RequestTarget result;
    if (question != std::string_view::npos) result.query = origin_form.substr(question + 1);
    // A fragment never belongs in a request-target; a client that sends one sent a malformed target.
    if (raw_path.find('#') != std::string_view::npos) {
        return feeds::Error{"the request target must not contain a fragment (\"#\")"};
    }
    result.path.reserve(raw_path.size());
    for (std::size_t i = 0; i < raw_path.size(); ++i) {
        if (raw_path[i] != '%') {
            result.path.push_back(raw_path[i]);
            continue;
        }
        int high = i + 2 < raw_path.size() ? hex_value(raw_path[i + 1]) : -1;
        int low = high >= 0 ? hex_value(raw_path[i + 2]) : -1;
        if (low < 0)
            return feeds::Error{"the path has a malformed percent escape (\"%\" needs two hex digits)"};
        char decoded = static_cast<char>(high * 16 + low);
        if (decoded == '\0') return feeds::Error{"the path must not contain NUL (%00)"};
        result.path.push_back(decoded);
        i += 2;
    }
    if (has_dot_segment(result.path)) {
        return feeds::Error{"the path must not contain \".\" or \"..\" segments"};
    }
    return result;
}

}  // namespace feedagg::http
