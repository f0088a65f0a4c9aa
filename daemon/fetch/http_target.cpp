#include "daemon/fetch/http_target.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <cctype>

namespace feedagg::fetch::detail {

namespace urls = boost::urls;

std::string scheme_of(std::string_view url) {
    auto parsed = urls::parse_uri(url);
    if (!parsed) return {};
    std::string scheme(parsed->scheme());
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return scheme;
}

std::variant<HttpTarget, std::string> parse_http_target(std::string_view url) {
    auto parsed = urls::parse_uri(url);
    if (!parsed) return std::string("not a URL (") + parsed.error().message() + ")";
    const urls::url_view& view = *parsed;
    HttpTarget target;
    if (view.scheme_id() == urls::scheme::https) {
        target.tls = true;
    } else if (view.scheme_id() != urls::scheme::http) {
        return "scheme \"" + std::string(view.scheme()) + "\" is not http, https or file";
    }
    switch (view.host_type()) {
        case urls::host_type::ipv6:
            target.host = view.host_ipv6_address().to_string();
            break;
        case urls::host_type::ipv4:
            target.host = view.host_ipv4_address().to_string();
            break;
        case urls::host_type::name:
            target.host = view.host_name();
            break;
        default:
            return std::string("no usable host");
    }
    if (target.host.empty()) return std::string("no host");
    for (char& c : target.host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string default_port = target.tls ? "443" : "80";
    target.port = view.has_port() && !view.port().empty() ? std::string(view.port()) : default_port;
    if (view.has_port() && view.port_number() == 0)
        return "port \"" + std::string(view.port()) + "\" is not valid";
    target.host_field = view.host_type() == urls::host_type::ipv6 ? "[" + target.host + "]" : target.host;
    if (target.port != default_port) target.host_field += ":" + target.port;
    target.target = view.encoded_path().empty() ? "/" : std::string(view.encoded_path());
    if (view.has_query()) target.target += "?" + std::string(view.encoded_query());
    return target;
}

}  // namespace feedagg::fetch::detail
