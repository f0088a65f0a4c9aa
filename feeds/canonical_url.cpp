#include "feeds/canonical_url.hpp"

#include <algorithm>
#include <array>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <cctype>

#include "feeds/detail/ascii.hpp"

namespace feedagg::feeds {
namespace {

using detail::ascii_lower;

std::string_view trim(std::string_view text) {
    while (!text.empty() && static_cast<unsigned char>(text.front()) <= 0x20) text.remove_prefix(1);
    while (!text.empty() && static_cast<unsigned char>(text.back()) <= 0x20) text.remove_suffix(1);
    return text;
}

bool is_tracking_parameter(std::string_view decoded_name) {
    static constexpr std::array<std::string_view, 14> kNames = {
        "fbclid", "gclid",  "dclid",  "gbraid", "wbraid", "msclkid", "yclid",
        "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi",  "mkt_tok", "spm",
    };
    const std::string name = ascii_lower(decoded_name);
    if (name.starts_with("utm_")) return true;
    return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

std::string_view default_port(const boost::urls::url& url) {
    switch (url.scheme_id()) {
        case boost::urls::scheme::http:
        case boost::urls::scheme::ws: return "80";
        case boost::urls::scheme::https:
        case boost::urls::scheme::wss: return "443";
        case boost::urls::scheme::ftp: return "21";
        default: return {};
    }
}

void drop_default_port(boost::urls::url& url) {
    // "http://host:/" has a port separator with no digits: the default port too.
    if (url.has_port() && (url.port().empty() || url.port() == default_port(url))) url.remove_port();
}

// The query without tracking parameters; empty when nothing is left. Read from the parsed view, before
// any edit: Boost.URL 1.81 crashes iterating the parameters of a url whose fragment was removed.
std::string query_without_tracking(const boost::urls::url_view& url) {
    std::string kept;
    if (url.encoded_query().empty()) return kept;
    for (const auto& param : url.encoded_params()) {
        if (is_tracking_parameter(param.key.decode())) continue;
        if (!kept.empty()) kept += '&';
        kept += param.key;
        if (param.has_value) {
            kept += '=';
            kept += param.value;
        }
    }
    return kept;
}

}  // namespace

std::string canonical_url(std::string_view url) {
    const std::string_view trimmed = trim(url);
    auto parsed = boost::urls::parse_uri(trimmed);
    if (!parsed) return std::string(trimmed);

    boost::urls::url canonical(*parsed);
    canonical.remove_fragment();
    canonical.normalize_scheme();
    if (canonical.has_authority()) {
        // Lower-case first: normalize_authority then writes percent-encoded triplets upper-case.
        canonical.set_encoded_host(ascii_lower(canonical.encoded_host()));
        canonical.normalize_authority();
        drop_default_port(canonical);
    }
    canonical.normalize_path();
    const std::string query = query_without_tracking(*parsed);
    if (query.empty()) {
        canonical.remove_query();
    } else {
        canonical.set_encoded_query(query);
        canonical.normalize_query();
    }
    std::string result(canonical.buffer());
    // Written by hand: Boost.URL 1.81's set_encoded_path("/") on an empty path gives "/./".
    const bool is_http = canonical.scheme_id() == boost::urls::scheme::http ||
                         canonical.scheme_id() == boost::urls::scheme::https;
    if (is_http && canonical.has_authority() && canonical.encoded_path().empty()) {
        // One character, not the string "/": GCC 12's Release -Wrestrict misreads that insert.
        result.insert(result.begin() + static_cast<std::ptrdiff_t>(canonical.encoded_origin().size()), '/');
    }
    return result;
}

}  // namespace feedagg::feeds
