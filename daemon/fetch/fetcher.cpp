#include "daemon/fetch/fetcher.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <optional>

#include "daemon/fetch/address_policy.hpp"
#include "daemon/fetch/concurrency_limits.hpp"
#include "daemon/fetch/file_source.hpp"
#include "daemon/fetch/http_session.hpp"
#include "daemon/fetch/http_target.hpp"
#include "daemon/fetch/response_headers.hpp"
#include "feeds/url.hpp"

namespace feedagg::fetch {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

std::string_view to_string(FetchErrorKind kind) {
    switch (kind) {
        case FetchErrorKind::invalid_url:
            return "invalid_url";
        case FetchErrorKind::refused_address:
            return "refused_address";
        case FetchErrorKind::file_access:
            return "file_access";
        case FetchErrorKind::dns:
            return "dns";
        case FetchErrorKind::connect:
            return "connect";
        case FetchErrorKind::tls:
            return "tls";
        case FetchErrorKind::timeout:
            return "timeout";
        case FetchErrorKind::too_large:
            return "too_large";
        case FetchErrorKind::too_many_redirects:
            return "too_many_redirects";
        case FetchErrorKind::protocol:
            return "protocol";
    }
    return "unknown";
}

namespace {

asio::ssl::context make_tls_context() {
    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                    asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                    asio::ssl::context::no_tlsv1_1);
    tls.set_default_verify_paths();
    tls.set_verify_mode(asio::ssl::verify_peer);
    return tls;
}

FetchError at(const std::string& url, FetchError error) {
    error.message = url + ": " + error.message;
    return error;
}

}  // namespace

struct Fetcher::State {
    State(asio::any_io_executor executor, config::FetchSettings fetch_settings)
        : strand(asio::make_strand(executor)),
          settings(std::move(fetch_settings)),
          policy(settings.allowed_networks),
          limits(strand, settings.concurrency, settings.per_host_concurrency),
          pool(settings.keep_alive, settings.per_host_concurrency, settings.concurrency),
          file_roots(detail::canonical_roots(settings.file_roots)) {}

    asio::awaitable<FetchResult> fetch_http(FetchRequest request);
    asio::ssl::context* tls_for(const detail::HttpTarget& target) {
        if (!target.tls) return nullptr;
        if (!tls) tls.emplace(make_tls_context());
        return &*tls;
    }
    FetchResponse finish(detail::HttpReply reply, std::string final_url, bool permanent, int redirects);

    // Every network fetch runs on this strand, so the limits and the sessions need no locks.
    asio::strand<asio::any_io_executor> strand;
    config::FetchSettings settings;
    detail::AddressPolicy policy;
    // Made at the first https fetch: reading the system's certificates is most of a --once run's
    // start-up when every source is http.
    std::optional<asio::ssl::context> tls;
    detail::ConcurrencyLimits limits;
    detail::ConnectionPool pool;
    std::vector<std::filesystem::path> file_roots;
};

FetchResponse Fetcher::State::finish(detail::HttpReply reply, std::string final_url, bool permanent,
                                     int redirects) {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    FetchResponse response;
    response.status = reply.status;
    response.body = std::move(reply.body);
    response.charset = detail::charset_of(reply.content_type);
    response.content_type = std::move(reply.content_type);
    response.etag = std::move(reply.etag);
    response.last_modified = std::move(reply.last_modified);
    if (!reply.retry_after.empty()) response.retry_after = detail::parse_retry_after(reply.retry_after, now);
    response.max_age = detail::parse_freshness(reply.cache_control, reply.expires, reply.date, now);
    if (redirects > 0 && permanent) response.permanent_redirect = final_url;
    response.final_url = std::move(final_url);
    return response;
}

asio::awaitable<FetchResult> Fetcher::State::fetch_http(FetchRequest request) {
    std::string url = request.url;
    std::optional<Clock::time_point> started;
    std::optional<Clock::time_point> deadline;
    bool permanent = true;
    int redirects = 0;
    std::size_t wire_bytes = 0;
    for (;;) {
        auto parsed = detail::parse_http_target(url);
        if (auto* reason = std::get_if<std::string>(&parsed)) {
            co_return FetchError{FetchErrorKind::invalid_url, url + ": " + *reason};
        }
        const auto& target = std::get<detail::HttpTarget>(parsed);

        // The total timeout starts once the first request may go out, not while queued behind others.
        auto permit = co_await limits.acquire(target.host);
        if (!permit)
            co_return FetchError{FetchErrorKind::timeout, url + ": cancelled while waiting for a slot"};
        if (!started) {
            started = Clock::now();
            deadline = *started + settings.total_timeout;
        }
        auto outcome = co_await detail::exchange_http(
            detail::HttpExchange{target, request, settings, policy, tls_for(target), pool, *deadline});
        permit = {};
        if (auto* error = std::get_if<FetchError>(&outcome)) co_return at(url, std::move(*error));
        auto& reply = std::get<detail::HttpReply>(outcome);
        wire_bytes += reply.wire_bytes;

        if (detail::is_redirect_status(reply.status) && !reply.location.empty()) {
            if (redirects >= settings.max_redirects) {
                co_return FetchError{FetchErrorKind::too_many_redirects,
                                     request.url + ": more than " + std::to_string(settings.max_redirects) +
                                         " redirects (fetch.max_redirects); the last one from " + url +
                                         " to " + reply.location};
            }
            ++redirects;
            permanent = permanent && (reply.status == 301 || reply.status == 308);
            std::string next = feeds::resolve_url(url, reply.location);
            const std::string scheme = detail::scheme_of(next);
            if (scheme != "http" && scheme != "https") {
                co_return FetchError{
                    FetchErrorKind::invalid_url,
                    url + ": redirect to \"" + next + "\" refused: only http and https are followed"};
            }
            url = std::move(next);
            continue;
        }
        FetchResponse response = finish(std::move(reply), url, permanent, redirects);
        response.wire_bytes = wire_bytes;
        response.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - *started);
        co_return response;
    }
}

Fetcher::Fetcher(asio::any_io_executor executor, config::FetchSettings settings)
    : state_(std::make_unique<State>(std::move(executor), std::move(settings))) {}

Fetcher::~Fetcher() = default;

asio::awaitable<FetchResult> Fetcher::fetch(FetchRequest request) {
    const std::string scheme = detail::scheme_of(request.url);
    if (scheme == "file") {
        co_return detail::fetch_file(request, state_->file_roots, state_->settings.max_body_bytes);
    }
    if (scheme != "http" && scheme != "https") {
        co_return FetchError{FetchErrorKind::invalid_url, request.url + ": not an http, https or file URL"};
    }
    co_return co_await asio::co_spawn(state_->strand, state_->fetch_http(std::move(request)),
                                      asio::use_awaitable);
}

asio::awaitable<void> Fetcher::close_idle_connections() {
    co_await asio::co_spawn(
        state_->strand, [this]() -> asio::awaitable<void> {
            state_->pool.close_all();
            co_return;
        },
        asio::use_awaitable);
}

}  // namespace feedagg::fetch
