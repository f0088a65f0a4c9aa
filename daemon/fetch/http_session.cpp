#include "daemon/fetch/http_session.hpp"

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <memory>
#include <vector>

#include "daemon/fetch/content_decoder.hpp"

namespace feedagg::fetch::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using Outcome = std::variant<HttpReply, FetchError>;

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

constexpr std::string_view accept_value =
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

std::string seconds_text(std::chrono::milliseconds duration) {
    const auto tenths = duration.count() / 100;
    std::string text = std::to_string(tenths / 10);
    if (tenths % 10 != 0) text += "." + std::to_string(tenths % 10);
    return text + "s";
}

std::string endpoint_text(const tcp::endpoint& endpoint) {
    const auto address = endpoint.address();
    const std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    return host + ":" + std::to_string(endpoint.port());
}

// How an upstream that closed a kept connection while it sat idle shows when the next request goes out.
bool closed_early(const boost::system::error_code& error) {
    return error == http::error::end_of_stream || error == asio::error::eof ||
           error == asio::error::connection_reset || error == asio::error::broken_pipe ||
           error == ssl::error::stream_truncated;
}

// getaddrinfo cannot be interrupted, so the wait for it is bounded by a timer and an answer that
// comes too late is dropped.
struct PendingResolve {
    PendingResolve(const asio::any_io_executor& executor) : resolver(executor), answered(executor) {}
    tcp::resolver resolver;
    asio::steady_timer answered;
    bool finished = false;
    boost::system::error_code error;
    tcp::resolver::results_type results;
};

class HttpSession {
  public:
    explicit HttpSession(const HttpExchange& exchange) : exchange_(exchange) {}

    // A kept connection first; should the upstream have closed it meanwhile, a new one. A GET is
    // safe to send again, and nothing of the answer had arrived.
    asio::awaitable<Outcome> run() {
        const std::string origin = origin_of(target());
        if (auto kept = exchange_.pool.take(origin)) {
            reused_ = true;
            Outcome outcome = co_await request_over(kept, origin);
            if (!stale_) co_return outcome;
            reused_ = false;
        }
        std::vector<tcp::endpoint> endpoints;
        if (auto failure = co_await resolve(endpoints)) co_return std::move(*failure);
        auto executor = co_await asio::this_coro::executor;
        auto connection = target().tls ? std::make_shared<Connection>(executor, *exchange_.tls)
                                       : std::make_shared<Connection>(executor);
        if (auto failure = co_await connect(*connection, endpoints)) co_return std::move(*failure);
        co_return co_await request_over(connection, origin);
    }

  private:
    const HttpTarget& target() const { return exchange_.target; }
    const config::FetchSettings& settings() const { return exchange_.settings; }

    // The earlier of the phase's own timeout and the end of the whole fetch.
    Clock::time_point expiry(std::chrono::milliseconds phase_timeout, std::string phase,
                             std::string setting) {
        const auto phase_end = Clock::now() + phase_timeout;
        bounded_by_total_ = exchange_.deadline <= phase_end;
        phase_ = std::move(phase);
        phase_timeout_ = phase_timeout;
        phase_setting_ = std::move(setting);
        return bounded_by_total_ ? exchange_.deadline : phase_end;
    }

    FetchError timed_out() const {
        if (bounded_by_total_) {
            return FetchError{FetchErrorKind::timeout, phase_ + ": total timeout, the fetch took over " +
                                                           seconds_text(settings().total_timeout) +
                                                           " (fetch.total_timeout)"};
        }
        return FetchError{
            FetchErrorKind::timeout,
            phase_ + ": timed out after " + seconds_text(phase_timeout_) + " (" + phase_setting_ + ")"};
    }

    asio::awaitable<std::optional<FetchError>> resolve(std::vector<tcp::endpoint>& permitted) {
        auto executor = co_await asio::this_coro::executor;
        auto pending = std::make_shared<PendingResolve>(executor);
        pending->answered.expires_at(
            expiry(settings().connect_timeout, "resolve " + target().host, "fetch.connect_timeout"));
        pending->resolver.async_resolve(
            target().host, target().port, tcp::resolver::numeric_service,
            [pending](boost::system::error_code error, tcp::resolver::results_type results) {
                pending->finished = true;
                pending->error = error;
                pending->results = std::move(results);
                pending->answered.cancel();
            });
        co_await pending->answered.async_wait(use_tuple);
        if (!pending->finished) {
            pending->resolver.cancel();
            co_return timed_out();
        }
        if (pending->error) {
            co_return FetchError{FetchErrorKind::dns,
                                 "resolve " + target().host + ": " + pending->error.message()};
        }
        std::string refused;
        for (const auto& entry : pending->results) {
            const auto address = entry.endpoint().address();
            if (exchange_.policy.permits(address)) {
                permitted.push_back(entry.endpoint());
            } else {
                refused += (refused.empty() ? "" : ", ") + address.to_string() + " (" +
                           std::string(special_range(address)) + ")";
            }
        }
        if (permitted.empty()) {
            boost::system::error_code not_literal;
            asio::ip::make_address(target().host, not_literal);
            const std::string what = not_literal ? target().host + " resolves to " + refused : refused;
            co_return FetchError{FetchErrorKind::refused_address,
                                 "refused to connect: " + what + ", not in fetch.allowed_networks"};
        }
        co_return std::nullopt;
    }

    asio::awaitable<std::optional<FetchError>> connect(Connection& connection,
                                                       const std::vector<tcp::endpoint>& endpoints) {
        auto& socket = connection.tcp();
        socket.expires_at(expiry(settings().connect_timeout, "connect to " + endpoint_text(endpoints.front()),
                                 "fetch.connect_timeout"));
        auto [connect_error, connected] = co_await socket.async_connect(endpoints, use_tuple);
        if (connect_error == beast::error::timeout) co_return timed_out();
        if (connect_error) {
            std::string tried;
            for (const auto& endpoint : endpoints)
                tried += (tried.empty() ? "" : ", ") + endpoint_text(endpoint);
            co_return FetchError{FetchErrorKind::connect,
                                 "connect to " + tried + ": " + connect_error.message()};
        }
        connection.peer = endpoint_text(connected);
        peer_ = connection.peer;
        if (auto* secure = std::get_if<Connection::Secure>(&connection.stream))
            co_return co_await handshake(*secure);
        co_return std::nullopt;
    }

    asio::awaitable<Outcome> request_over(std::shared_ptr<Connection> connection, const std::string& origin) {
        peer_ = connection->peer;
        Outcome outcome;
        if (auto* secure = std::get_if<Connection::Secure>(&connection->stream)) {
            outcome = co_await request(*secure);
        } else {
            outcome = co_await request(std::get<Connection::Plain>(connection->stream));
        }
        if (reusable_) exchange_.pool.keep(origin, std::move(connection));
        co_return outcome;
    }

    template <class Stream>
    asio::awaitable<Outcome> request(Stream& stream) {
        if (auto failure = co_await write_request(stream)) co_return std::move(*failure);
        co_return co_await read_response(stream);
    }

    asio::awaitable<std::optional<FetchError>> handshake(beast::ssl_stream<beast::tcp_stream>& stream) {
        const std::string where = "TLS handshake with " + target().host + " (" + peer_ + ")";
        boost::system::error_code address_error;
        asio::ip::make_address(target().host, address_error);
        // RFC 6066 §3: SNI carries host names only, never IP literals.
        if (address_error && !SSL_set_tlsext_host_name(stream.native_handle(), target().host.c_str())) {
            co_return FetchError{FetchErrorKind::tls, where + ": cannot set the server name"};
        }
        stream.set_verify_mode(ssl::verify_peer);
        stream.set_verify_callback(ssl::host_name_verification(target().host));
        beast::get_lowest_layer(stream).expires_at(
            expiry(settings().connect_timeout, where, "fetch.connect_timeout"));
        auto [error] = co_await stream.async_handshake(ssl::stream_base::client, use_tuple);
        if (error == beast::error::timeout) co_return timed_out();
        if (error) {
            std::string detail = error.message();
            const long verify = SSL_get_verify_result(stream.native_handle());
            if (verify != X509_V_OK)
                detail += std::string(" (") + X509_verify_cert_error_string(verify) + ")";
            co_return FetchError{FetchErrorKind::tls, where + ": " + detail};
        }
        co_return std::nullopt;
    }

    template <class Stream>
    asio::awaitable<std::optional<FetchError>> write_request(Stream& stream) {
        http::request<http::empty_body> request{http::verb::get, target().target, 11};
        request.set(http::field::host, target().host_field);
        request.set(http::field::user_agent, settings().user_agent);
        request.set(http::field::accept, accept_value);
        request.set(http::field::accept_encoding, "gzip, deflate, br");
        if (!exchange_.request.etag.empty()) request.set(http::field::if_none_match, exchange_.request.etag);
        if (!exchange_.request.last_modified.empty()) {
            request.set(http::field::if_modified_since, exchange_.request.last_modified);
        }
        request.keep_alive(exchange_.pool.keeps_connections());
        beast::get_lowest_layer(stream).expires_at(
            expiry(settings().read_timeout, "send request to " + peer_, "fetch.read_timeout"));
        auto [error, sent] = co_await http::async_write(stream, request, use_tuple);
        if (error == beast::error::timeout) co_return timed_out();
        stale_ = reused_ && error;
        if (error)
            co_return FetchError{FetchErrorKind::connect,
                                 "send request to " + peer_ + ": " + error.message()};
        co_return std::nullopt;
    }

    FetchError read_error(const boost::system::error_code& error, std::string_view what) const {
        if (error == beast::error::timeout) return timed_out();
        if (error == http::error::body_limit) {
            return FetchError{FetchErrorKind::too_large, "response from " + peer_ + ": body over " +
                                                             std::to_string(settings().max_body_bytes) +
                                                             " bytes (fetch.max_body_bytes)"};
        }
        if (error == http::error::header_limit) {
            return FetchError{FetchErrorKind::too_large, "response from " + peer_ + ": header over " +
                                                             std::to_string(max_header_bytes) + " bytes"};
        }
        if (error == http::error::partial_message || error == asio::error::eof) {
            return FetchError{FetchErrorKind::protocol,
                              std::string(what) + " from " + peer_ + ": connection closed too early"};
        }
        return FetchError{FetchErrorKind::protocol,
                          std::string(what) + " from " + peer_ + ": " + error.message()};
    }

    template <class Stream>
    asio::awaitable<Outcome> read_response(Stream& stream) {
        beast::flat_buffer buffer;
        http::response_parser<http::buffer_body> parser;
        parser.header_limit(max_header_bytes);
        parser.body_limit(settings().max_body_bytes);
        HttpReply reply;

        beast::get_lowest_layer(stream).expires_at(
            expiry(settings().read_timeout, "read response header from " + peer_, "fetch.read_timeout"));
        auto [header_error, header_bytes] =
            co_await http::async_read_header(stream, buffer, parser, use_tuple);
        reply.wire_bytes += header_bytes;
        if (header_error) {
            stale_ = reused_ && header_bytes == 0 && buffer.size() == 0 && closed_early(header_error);
            co_return read_error(header_error, "response header");
        }

        const auto& message = parser.get();
        reply.status = static_cast<int>(message.result_int());
        const auto field = [&](http::field name) { return std::string(message[name]); };
        reply.content_type = field(http::field::content_type);
        reply.etag = field(http::field::etag);
        reply.last_modified = field(http::field::last_modified);
        reply.location = field(http::field::location);
        reply.retry_after = field(http::field::retry_after);
        reply.cache_control = field(http::field::cache_control);
        reply.expires = field(http::field::expires);
        reply.date = field(http::field::date);
        if (is_redirect_status(reply.status) && !reply.location.empty()) {
            reusable_ = finished_cleanly(parser, buffer);
            co_return reply;
        }

        const std::string coding = field(http::field::content_encoding);
        auto decoder = ContentDecoder::for_encoding(coding, settings().max_body_bytes);
        if (!decoder) {
            co_return FetchError{
                FetchErrorKind::protocol,
                "response from " + peer_ + ": unsupported Content-Encoding \"" + coding + "\""};
        }
        std::array<char, 16 * 1024> chunk;
        while (!parser.is_done()) {
            parser.get().body().data = chunk.data();
            parser.get().body().size = chunk.size();
            beast::get_lowest_layer(stream).expires_at(
                expiry(settings().read_timeout, "read body from " + peer_, "fetch.read_timeout"));
            auto [error, bytes] = co_await http::async_read_some(stream, buffer, parser, use_tuple);
            reply.wire_bytes += bytes;
            if (error == http::error::need_buffer) error = {};
            // A close-delimited body over TLS may end without close_notify; browsers accept that too.
            if (error == ssl::error::stream_truncated && parser.need_eof()) {
                error = {};
                parser.put_eof(error);
            }
            if (error) co_return read_error(error, "body");
            const std::size_t filled = chunk.size() - parser.get().body().size;
            if (auto failure = decode(*decoder, std::string_view(chunk.data(), filled), coding, reply.body)) {
                co_return std::move(*failure);
            }
        }
        if (decoder->finish(reply.body) != ContentDecoder::Status::ok) {
            co_return FetchError{FetchErrorKind::protocol,
                                 "response from " + peer_ + ": " + coding + " body ends before its end"};
        }
        reusable_ = finished_cleanly(parser, buffer);
        co_return reply;
    }

    std::optional<FetchError> decode(ContentDecoder& decoder, std::string_view chunk,
                                     const std::string& coding, std::string& body) const {
        switch (decoder.write(chunk, body)) {
            case ContentDecoder::Status::ok:
                return std::nullopt;
            case ContentDecoder::Status::too_large:
                return FetchError{FetchErrorKind::too_large,
                                  "response from " + peer_ + ": body over " +
                                      std::to_string(settings().max_body_bytes) + " bytes" +
                                      (coding.empty() ? "" : " once " + coding + "-decoded") +
                                      " (fetch.max_body_bytes)"};
            case ContentDecoder::Status::corrupt:
                break;
        }
        return FetchError{FetchErrorKind::protocol,
                          "response from " + peer_ + ": body is not valid " + coding};
    }

    // The response was read to its end, nothing followed it, and the upstream keeps the connection.
    static bool finished_cleanly(const http::response_parser<http::buffer_body>& parser,
                                 const beast::flat_buffer& buffer) {
        return parser.is_done() && parser.keep_alive() && buffer.size() == 0;
    }

    const HttpExchange& exchange_;
    bool reused_ = false;    // this request went over a kept connection
    bool stale_ = false;     // ... which the upstream had closed before answering
    bool reusable_ = false;  // the connection could carry the next request, if the pool keeps it
    std::string peer_;
    std::string phase_;
    std::string phase_setting_;
    std::chrono::milliseconds phase_timeout_{0};
    bool bounded_by_total_ = false;
};

}  // namespace

bool is_redirect_status(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

asio::awaitable<Outcome> exchange_http(HttpExchange exchange) {
    HttpSession session(exchange);
    co_return co_await session.run();
}

}  // namespace feedagg::fetch::detail
