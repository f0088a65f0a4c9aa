#include "daemon/config/value_checks.hpp"

#include <algorithm>
#include <boost/asio/ip/address_v4.hpp>
#include <boost/asio/ip/address_v6.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>
#include <boost/url/parse.hpp>
#include <regex>
#include <vector>

namespace feedagg::config::detail {
namespace {

// std::regex compiles recursively; a bound keeps a hostile pattern from exhausting the stack.
constexpr std::size_t max_regex_length = 1000;

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Problem check_port(std::string_view port) {
    if (!all_digits(port) || port.size() > 5) return "needs a port number after the colon (1 to 65535)";
    const int value = std::stoi(std::string(port));
    if (value < 1 || value > 65535) return "has port " + std::string(port) + "; expected 1 to 65535";
    return std::nullopt;
}

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours
// ("feild" is one step from "field").
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min(
                {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

}  // namespace

std::string quoted_value(std::string_view text) {
    std::size_t limit = 80;
    // Cut before a UTF-8 continuation byte, never inside a character.
    while (limit < text.size() && limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80)
        --limit;
    std::string shown(text.substr(0, limit));
    for (char& c : shown) {
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    return "\"" + shown + (text.size() > limit ? "...\"" : "\"");
}

Problem check_name(std::string_view name) {
    if (name.empty()) return "is empty; expected letters a-z, digits, '_' or '-'";
    const bool good = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
    if (!good) return "must match [a-z0-9_-]+ (lower-case letters, digits, '_' and '-')";
    return std::nullopt;
}

Problem check_listen_address(std::string_view address) {
    constexpr const char* shape =
        "must be \"host:port\" with an IP address, e.g. \"127.0.0.1:8080\" or \"[::1]:8080\"";
    boost::system::error_code error;
    if (address.starts_with('[')) {
        const auto close = address.find("]:");
        if (close == std::string_view::npos) return shape;
        boost::asio::ip::make_address_v6(std::string(address.substr(1, close - 1)), error);
        if (error) return "has no valid IPv6 address between the brackets";
        return check_port(address.substr(close + 2));
    }
    const auto colon = address.rfind(':');
    if (colon == std::string_view::npos) return shape;
    const auto host = address.substr(0, colon);
    if (host.find(':') != std::string_view::npos)
        return "has an IPv6 address without brackets; write \"[::1]:8080\"";
    boost::asio::ip::make_address_v4(std::string(host), error);
    if (error) return shape;
    return check_port(address.substr(colon + 1));
}

Problem check_network(std::string_view cidr) {
    const auto slash = cidr.find('/');
    if (slash == std::string_view::npos) {
        return "needs a prefix length, e.g. \"127.0.0.1/32\" or \"::1/128\"";
    }
    boost::system::error_code error;
    const std::string text(cidr);
    if (cidr.find(':') != std::string_view::npos) {
        const auto network = boost::asio::ip::make_network_v6(text, error);
        if (error) return "is not an IPv6 network; expected e.g. \"fd00::/8\" (prefix 0 to 128)";
        if (network != network.canonical()) {
            return "has bits set after the prefix; did you mean \"" + network.canonical().to_string() + "\"?";
        }
        return std::nullopt;
    }
    const auto network = boost::asio::ip::make_network_v4(text, error);
    if (error)
        return "is not a network; expected e.g. \"10.0.0.0/8\" or \"::1/128\" (prefix 0 to 32 for IPv4)";
    if (network != network.canonical()) {
        return "has bits set after the prefix; did you mean \"" + network.canonical().to_string() + "\"?";
    }
    return std::nullopt;
}

Problem check_web_url(std::string_view url) {
    const auto parsed = boost::urls::parse_uri(url);
    if (!parsed)
        return "is not a URL (" + parsed.error().message() + "); expected e.g. \"https://example.org/\"";
    const auto scheme = parsed->scheme_id();
    if (scheme != boost::urls::scheme::http && scheme != boost::urls::scheme::https) {
        return "must be an http or https URL";
    }
    if (parsed->encoded_host().empty()) return "has no host";
    return std::nullopt;
}

Problem check_source_url(std::string_view url) {
    const auto parsed = boost::urls::parse_uri(url);
    if (!parsed) {
        return "is not a URL (" + parsed.error().message() +
               "); expected e.g. \"https://example.org/feed.xml\" or \"file:///srv/feeds/a.xml\"";
    }
    if (parsed->scheme_id() != boost::urls::scheme::file) {
        if (auto problem = check_web_url(url)) return "must be an http, https or file URL";
        return std::nullopt;
    }
    if (parsed->has_authority() && !parsed->encoded_host().empty() && parsed->encoded_host() != "localhost") {
        return "names a host; a file URL is \"file:///absolute/path\" or "
               "\"file:path/relative/to/the/config\"";
    }
    if (parsed->encoded_path().empty()) return "has no path";
    if (parsed->has_query() || parsed->has_fragment()) return "must not have a query or fragment";
    return std::nullopt;
}

Problem check_regex(std::string_view pattern) {
    if (pattern.empty()) return "is empty";
    if (pattern.size() > max_regex_length)
        return "is longer than " + std::to_string(max_regex_length) + " characters";
    try {
        std::regex compiled(pattern.begin(), pattern.end(), std::regex::ECMAScript | std::regex::icase);
    } catch (const std::regex_error& error) {
        return std::string("is not a valid regular expression: ") + error.what();
    }
    return std::nullopt;
}

Problem check_language(std::string_view tag) {
    std::size_t start = 0;
    bool first = true;
    while (start <= tag.size()) {
        auto end = tag.find('-', start);
        if (end == std::string_view::npos) end = tag.size();
        const auto part = tag.substr(start, end - start);
        const bool good =
            !part.empty() && part.size() <= 8 && std::all_of(part.begin(), part.end(), [&](char c) {
                const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                return letter || (!first && c >= '0' && c <= '9');
            });
        if (!good || (first && part.size() < 2))
            return "is not a language tag; expected e.g. \"zh-CN\" or \"en\"";
        first = false;
        start = end + 1;
    }
    return std::nullopt;
}

std::optional<std::string_view> closest_word(std::string_view word,
                                             std::span<const std::string_view> candidates) {
    std::optional<std::string_view> best;
    if (word.size() > 64) return best;
    std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
    for (const auto candidate : candidates) {
        const std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

}  // namespace feedagg::config::detail
