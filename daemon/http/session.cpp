#include "daemon/http/session.hpp"

#include <array>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>

#include "daemon/http/http_date.hpp"
#include "daemon/http/respond.hpp"
#include "daemon/http/response_head.hpp"

namespace feedagg::http::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kReadChunk = 4096;
// After the last response of a connection, unread input (a rejected body, pipelined requests) is
// drained for this long before closing: closing with unread data makes the kernel send a reset, which
// can destroy the response before the client reads it.
constexpr auto kLingerTime = std::chrono::seconds(1);
constexpr std::size_t kLingerBytes = 64 * 1024;

// Written without a session when the server is full or stopping, so refusing costs no memory and no
// wait; it always fits in an empty socket send buffer.
constexpr std::string_view kUnavailable =
    "HTTP/1.1 503 Service Unavailable\r\n"
    "Server: feedagg\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Length: 46\r\n"
    "Retry-After: 1\r\n"
    "Cache-Control: no-store\r\n"
    "Connection: close\r\n"
    "\r\n"
    "503 Service Unavailable: too many connections\n";

// The Date header changes once a second; formatting it once per second per thread is enough.
const std::string& current_http_date() {
    thread_local std::chrono::system_clock::time_point cached_second{};
    thread_local std::string cached;
    auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (now != cached_second || cached.empty()) {
        cached_second = now;
        cached = format_http_date(now);
    }
    return cached;
}

// Which error status a failed read deserves; 0 when the connection just ends (the client left or was
// too slow: there is nobody to tell).
unsigned status_for_read_error(const beast::error_code& ec,
                               const http::request_parser<http::string_body>& parser) {
    if (ec == http::error::body_limit) return 413;
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
        // The limit counts the request line too. Beast reads that line first: when it never
        // completed, the target is what is too long (414), otherwise the header fields are (431).
        bool request_line_read = !parser.get().target().empty();
        return request_line_read ? 431 : 414;
    }
    if (ec == http::error::end_of_stream || ec == http::error::partial_message ||
        ec == beast::error::timeout || ec == asio::error::eof || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::broken_pipe) {
        return 0;
    }
    return 400;
}

RequestHead head_of(const http::request<http::string_body>& request, std::string_view local_authority) {
    RequestHead head;
    head.method = request.method_string();
    head.target = request.target();
    head.version = request.version();
    head.local_authority = local_authority;
    auto host = request.find(http::field::host);
    head.has_host = host != request.end();
    if (head.has_host) head.host = host->value();
    auto if_none_match = request.find(http::field::if_none_match);
    head.has_if_none_match = if_none_match != request.end();
    if (head.has_if_none_match) head.if_none_match = if_none_match->value();
    head.if_modified_since = request[http::field::if_modified_since];
    head.accept_encoding = request[http::field::accept_encoding];
    head.origin = request[http::field::origin];
    head.access_control_request_method = request[http::field::access_control_request_method];
    head.access_control_request_headers = request[http::field::access_control_request_headers];
    return head;
}

std::string authority_of(const tcp::endpoint& endpoint) {
    auto address = endpoint.address();
    std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    return host + ":" + std::to_string(endpoint.port());
}

class Session final : public Connection, public std::enable_shared_from_this<Session> {
  public:
    Session(tcp::socket socket, std::shared_ptr<ServerContext> context)
        : stream_(std::move(socket)), context_(std::move(context)) {}
    ~Session() override { context_->connections.leave(this); }

    // Answers 503 and closes without ever reading.
    void refuse();
    void start() { asio::co_spawn(stream_.get_executor(), run(shared_from_this()), asio::detached); }

    void stop() override {
        // Set at once, not on the strand: a response being prepared right now must already say
        // Connection: close.
        stopping_ = true;
        asio::post(stream_.get_executor(), [self = shared_from_this()] {
            if (self->idle_) self->stream_.cancel();
        });
    }

  private:
    asio::awaitable<void> run(std::shared_ptr<Session> self);
    asio::awaitable<bool> wait_for_request();
    asio::awaitable<bool> write(const Reply& reply, unsigned version, bool keep_alive);
    asio::awaitable<void> linger_and_close();

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;  // kept across requests: it may already hold the next pipelined one
    std::string head_;           // the response head being written; its room is reused
    std::shared_ptr<ServerContext> context_;
    bool idle_ = false;                   // waiting for the first byte of a request
    std::atomic<bool> stopping_ = false;  // the server is stopping: close after the current response
};

// Between requests the idle timeout applies; once a request starts arriving, the read timeout bounds
// the whole request (a client trickling its headers is cut off: slowloris).
asio::awaitable<bool> Session::wait_for_request() {
    if (buffer_.size() > 0) co_return true;
    if (stopping_) co_return false;
    idle_ = true;
    stream_.expires_after(context_->settings.idle_timeout);
    auto [ec, received] = co_await stream_.async_read_some(buffer_.prepare(kReadChunk), kUseTuple);
    idle_ = false;
    if (ec) co_return false;
    buffer_.commit(received);
    co_return true;
}

// `self` keeps the session alive for as long as the coroutine runs.
asio::awaitable<void> Session::run(std::shared_ptr<Session> /*self*/) {
    const auto& settings = context_->settings;
    boost::system::error_code ignored;
    std::string local_authority = authority_of(stream_.socket().local_endpoint(ignored));
    bool answered = false;
    for (std::size_t served = 0; co_await wait_for_request(); ++served) {
        stream_.expires_after(settings.read_timeout);
        http::request_parser<http::string_body> parser;
        parser.header_limit(
            static_cast<std::uint32_t>(std::min<std::size_t>(settings.max_header_bytes, UINT32_MAX)));
        parser.body_limit(settings.max_body_bytes);
        auto [ec, read] = co_await http::async_read(stream_, buffer_, parser, kUseTuple);
        if (ec) {
            unsigned status = status_for_read_error(ec, parser);
            if (status == 0) break;
            answered = co_await write(error_reply(status, ""), 11, false);
            break;
        }
        const auto& request = parser.get();
        Reply reply = respond(head_of(request, local_authority), *context_);
        bool keep_alive = request.keep_alive() && !stopping_ && served + 1 < kMaxRequestsPerConnection;
        answered = co_await write(reply, request.version(), keep_alive);
        if (!answered || !keep_alive) break;
        answered = false;
    }
    if (answered) co_await linger_and_close();
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
}

asio::awaitable<bool> Session::write(const Reply& reply, unsigned version, bool keep_alive) {
    write_response_head(head_, reply, version, keep_alive, current_http_date());
    std::string_view body = reply.has_content() && !reply.head ? reply.body() : std::string_view();
    const std::array<asio::const_buffer, 2> message{asio::buffer(head_),
                                                    asio::buffer(body.data(), body.size())};
    // A client that does not read its response holds the connection no longer than an idle one.
    stream_.expires_after(context_->settings.idle_timeout);
    auto [ec, written] = co_await asio::async_write(stream_, message, kUseTuple);
    co_return !ec;
}

asio::awaitable<void> Session::linger_and_close() {
    boost::system::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(kLingerTime);
    std::size_t drained = 0;
    char sink[4096];
    while (drained < kLingerBytes) {
        auto [ec, received] = co_await stream_.async_read_some(asio::buffer(sink), kUseTuple);
        if (ec) break;
        drained += received;
    }
}

void Session::refuse() {
    auto& socket = stream_.socket();
    boost::system::error_code ignored;
    socket.non_blocking(true, ignored);
    socket.write_some(asio::buffer(kUnavailable.data(), kUnavailable.size()), ignored);
    socket.shutdown(tcp::socket::shutdown_both, ignored);
    socket.close(ignored);
}

}  // namespace

void serve_connection(tcp::socket socket, std::shared_ptr<ServerContext> context) {
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto session = std::make_shared<Session>(std::move(socket), context);
    if (!context->connections.enter(session)) {
        session->refuse();
        return;
    }
    session->start();
}

}  // namespace feedagg::http::detail
