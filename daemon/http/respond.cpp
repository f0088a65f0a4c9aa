#include "daemon/http/respond.hpp"

#include <chrono>
#include <exception>

#include "daemon/http/http_date.hpp"
#include "daemon/http/negotiation.hpp"
#include "daemon/http/request_target.hpp"

namespace feedagg::http::detail {
namespace {

constexpr std::string_view kAllow = "GET, HEAD, OPTIONS";
constexpr std::string_view kTextPlain = "text/plain; charset=utf-8";
// How long a browser may reuse a CORS preflight answer.
constexpr std::string_view kPreflightMaxAge = "86400";

std::string_view reason(unsigned status) {
    switch (status) {
        case 200:
            return "OK";
        case 204:
            return "No Content";
        case 304:
            return "Not Modified";
        case 400:
            return "Bad Request";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 413:
            return "Content Too Large";
        case 414:
            return "URI Too Long";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Error";
    }
}

// RFC 9110 §7.2: Host = uri-host [ ":" port ]; uri-host is an IP-literal, IPv4address or reg-name.
bool is_valid_host(std::string_view host) {
    if (host.empty()) return false;
    for (char c : host) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && std::string_view("-._~%!$&'()*+,;=:[]").find(c) == std::string_view::npos) return false;
    }
    return true;
}

// Access-Control-Request-Headers is a list of field names; echoing it back is safe only if it is one.
bool is_field_name_list(std::string_view names) {
    for (char c : names) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && c != '-' && c != '_' && c != ',' && c != ' ') return false;
    }
    return true;
}

Reply options_reply(const RequestHead& request, const ServerContext& context) {
    Reply reply;
    reply.status = 204;
    reply.headers.emplace_back("Allow", std::string(kAllow));
    bool preflight = !request.access_control_request_method.empty() &&
                     !allowed_origin(context.settings.cors_origins, request.origin).empty();
    if (preflight) {
        reply.headers.emplace_back("Access-Control-Allow-Methods", "GET, HEAD");
        if (!request.access_control_request_headers.empty() &&
            is_field_name_list(request.access_control_request_headers)) {
            reply.headers.emplace_back("Access-Control-Allow-Headers",
                                       std::string(request.access_control_request_headers));
        }
        reply.headers.emplace_back("Access-Control-Max-Age", std::string(kPreflightMaxAge));
    }
    return reply;
}

bool modified_since(const Representation& representation, std::string_view if_modified_since) {
    if (representation.last_modified == std::chrono::system_clock::time_point{}) return true;
    auto since = parse_http_date(if_modified_since);
    // RFC 9110 §13.1.3: an invalid date is ignored, as if the header were absent.
    if (!since) return true;
    return std::chrono::floor<std::chrono::seconds>(representation.last_modified) > *since;
}

Reply representation_reply(const RequestHead& request, std::shared_ptr<const Representation> representation,
                           const ServerContext& context) {
    bool gzip = !representation->gzip_body.empty() && accepts_gzip(request.accept_encoding);
    const std::string& identity_tag = representation->etag;
    const std::string& gzip_tag = representation->gzip_etag;
    std::string_view etag = gzip ? gzip_tag : identity_tag;

    // RFC 9110 §13.2.2: If-None-Match, when present, decides alone; If-Modified-Since is then ignored.
    bool not_modified = false;
    if (request.has_if_none_match) {
        if (if_none_match_matches(request.if_none_match, {etag})) {
            not_modified = true;
        } else if (if_none_match_matches(request.if_none_match, {gzip ? identity_tag : gzip_tag})) {
            // The client holds the other coding of the same content: still current, and the 304
            // names the variant it holds so its cache updates the right entry.
            not_modified = true;
            etag = gzip ? identity_tag : gzip_tag;
        }
    } else if (!request.if_modified_since.empty()) {
        not_modified = !modified_since(*representation, request.if_modified_since);
    }

    Reply reply;
    reply.status = not_modified ? 304 : 200;
    if (!not_modified) {
        reply.headers.emplace_back("Content-Type", representation->content_type);
        if (gzip) reply.headers.emplace_back("Content-Encoding", "gzip");
    }
    if (!etag.empty()) reply.headers.emplace_back("ETag", std::string(etag));
    if (!representation->last_modified_text.empty()) {
        reply.headers.emplace_back("Last-Modified", representation->last_modified_text);
    }
    reply.headers.emplace_back("Cache-Control",
                               representation->cacheable ? context.cache_control : "no-store");
    if (!not_modified) {
        reply.representation = std::move(representation);
        reply.gzip = gzip;
    }
    return reply;
}

Reply catalog_reply(const RequestHead& request, const ServerContext& context) {
    if (request.version >= 11 && !request.has_host) {
        return error_reply(400, "HTTP/1.1 requests need a Host header");
    }
    if (request.has_host && !is_valid_host(request.host))
        return error_reply(400, "the Host header is malformed");
    if (request.target.size() > kMaxTargetBytes) {
        return error_reply(414,
                           "the request target is longer than " + std::to_string(kMaxTargetBytes) + " bytes");
    }
    auto target = parse_request_target(request.target);
    if (!target) return error_reply(400, target.error().message);

    std::string base_url = context.settings.public_base_url;
    if (base_url.empty()) {
        base_url = "http://";
        base_url += request.has_host ? request.host : request.local_authority;
    }
    Catalog::Answer answer;
    try {
        answer = context.catalog->find(CatalogRequest{target->path, target->query, base_url});
    } catch (const std::exception& error) {
        if (context.log)
            context.log(std::string("http: catalog failed path=") + target->path + " error=" + error.what());
        return error_reply(500, "");
    }
    if (!answer.bad_request.empty()) return error_reply(400, answer.bad_request);
    if (!answer.representation) return error_reply(404, "");
    return representation_reply(request, std::move(answer.representation), context);
}

Reply decide(const RequestHead& request, const ServerContext& context) {
    if (request.method == "OPTIONS") return options_reply(request, context);
    if (request.method != "GET" && request.method != "HEAD") {
        Reply reply = error_reply(405, "this server only reads: use GET or HEAD");
        reply.headers.emplace_back("Allow", std::string(kAllow));
        return reply;
    }
    return catalog_reply(request, context);
}

// Fetch Standard, CORS protocol: the origin (or "*") that may read the response, and ETag exposed
// because it is not a CORS-safelisted response header.
void add_cors_and_vary(Reply& reply, const RequestHead& request, const ServerContext& context) {
    const auto& origins = context.settings.cors_origins;
    std::string_view allowed = allowed_origin(origins, request.origin);
    if (!allowed.empty()) {
        reply.headers.emplace_back("Access-Control-Allow-Origin", std::string(allowed));
        if (reply.status != 204) reply.headers.emplace_back("Access-Control-Expose-Headers", "ETag");
    }
    std::string vary;
    if (reply.representation || reply.status == 304) vary = "Accept-Encoding";
    if (origins_vary(origins)) vary += vary.empty() ? "Origin" : ", Origin";
    if (!vary.empty()) reply.headers.emplace_back("Vary", std::move(vary));
}

}  // namespace

std::string_view Reply::body() const {
    if (representation) return gzip ? representation->gzip_body : representation->body;
    return text;
}

Reply respond(const RequestHead& request, const ServerContext& context) {
    Reply reply = decide(request, context);
    add_cors_and_vary(reply, request, context);
    reply.head = request.method == "HEAD";
    return reply;
}

Reply error_reply(unsigned status, std::string_view detail) {
    Reply reply;
    reply.status = status;
    reply.text = std::to_string(status);
    reply.text += ' ';
    reply.text += reason(status);
    if (!detail.empty()) {
        reply.text += ": ";
        reply.text += detail;
    }
    reply.text += '\n';
    reply.headers.emplace_back("Content-Type", std::string(kTextPlain));
    // Errors change with the configuration (a channel added on reload); never let a cache keep one.
    reply.headers.emplace_back("Cache-Control", "no-store");
    return reply;
}

}  // namespace feedagg::http::detail
