#pragma once
// A scriptable HTTP/1.1 server on 127.0.0.1 for the fetcher tests: plain or TLS with a self-signed
// certificate made at start, replies chosen per path, and misbehaviours real upstreams show (slow
// drip, endless body, gzip bomb). One thread runs its io_context.

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "tests/fetch/compression.hpp"

namespace feedagg::fetch::testing {

namespace asio = boost::asio;

struct Request {
    std::string target;
    std::map<std::string, std::string> headers;  // names lower-cased

    std::string header(const std::string& name) const {
        auto found = headers.find(name);
        return found == headers.end() ? std::string() : found->second;
    }
};

struct Reply {
    enum class Body { fixed, drip, endless, gzip_bomb, truncated, hang_up };
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    Body kind = Body::fixed;
    std::chrono::milliseconds delay{0};            // before the status line
    std::chrono::milliseconds drip_interval{100};  // Body::drip: one byte each
    bool keep_alive = false;  // Body::fixed: the connection stays open for the next request
};

using Handler = std::function<Reply(const Request&)>;

// A PEM certificate for 127.0.0.1 signed by its own key, and that key.
struct SelfSigned {
    std::string certificate;
    std::string key;
};

inline std::string bio_text(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    std::string text(data, static_cast<std::size_t>(size));
    BIO_free(bio);
    return text;
}

inline SelfSigned make_self_signed() {
    EVP_PKEY* key = EVP_EC_gen("P-256");
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"),
                               -1, -1, 0);
    X509_set_issuer_name(cert, name);
    // The name matches, so only the untrusted chain can fail verification.
    X509_EXTENSION* san = X509V3_EXT_conf_nid(nullptr, nullptr, NID_subject_alt_name, "IP:127.0.0.1");
    X509_add_ext(cert, san, -1);
    X509_EXTENSION_free(san);
    X509_sign(cert, key, EVP_sha256());
    BIO* cert_bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(cert_bio, cert);
    BIO* key_bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(key_bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    X509_free(cert);
    EVP_PKEY_free(key);
    return SelfSigned{bio_text(cert_bio), bio_text(key_bio)};
}

class TestServer {
  public:
    enum class Tls { off, self_signed };

    explicit TestServer(Tls tls = Tls::off)
        : acceptor_(io_, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
        if (tls == Tls::self_signed) {
            tls_.emplace(asio::ssl::context::tls_server);
            const SelfSigned pair = make_self_signed();
            tls_->use_certificate_chain(asio::buffer(pair.certificate));
            tls_->use_private_key(asio::buffer(pair.key), asio::ssl::context::pem);
        }
        asio::co_spawn(io_, accept_loop(), asio::detached);
        thread_ = std::thread([this] { io_.run(); });
    }

    ~TestServer() {
        io_.stop();
        thread_.join();
    }

    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    void route(const std::string& path, Handler handler) {
        std::lock_guard lock(mutex_);
        routes_[path] = std::move(handler);
    }

    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
    std::string url(const std::string& path) const {
        return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port()) + path;
    }

    int requests() const { return requests_; }
    int connections() const { return connections_; }
    int max_concurrent() const { return max_concurrent_; }
    std::uint64_t body_bytes_sent() const { return body_bytes_sent_; }
    Request last_request() const {
        std::lock_guard lock(mutex_);
        return last_request_;
    }

  private:
    using Socket = asio::ip::tcp::socket;

    asio::awaitable<void> accept_loop() {
        for (;;) {
            auto [error, socket] = co_await acceptor_.async_accept(asio::as_tuple(asio::use_awaitable));
            if (error) co_return;
            ++connections_;
            if (tls_) {
                asio::co_spawn(io_, serve_tls(std::move(socket)), asio::detached);
            } else {
                asio::co_spawn(io_, serve_plain(std::move(socket)), asio::detached);
            }
        }
    }

    asio::awaitable<void> serve_tls(Socket socket) {
        asio::ssl::stream<Socket> stream(std::move(socket), *tls_);
        auto [error] = co_await stream.async_handshake(asio::ssl::stream_base::server,
                                                       asio::as_tuple(asio::use_awaitable));
        if (!error) co_await exchange(stream);
    }

    asio::awaitable<void> serve_plain(Socket socket) { co_await exchange(socket); }

    template <class Stream>
    asio::awaitable<void> exchange(Stream& stream) {
        std::string received;
        for (bool open = true; open;) {
            auto [error, size] = co_await asio::async_read_until(
                stream, asio::dynamic_buffer(received, 64 * 1024), "\r\n\r\n", asio::as_tuple(asio::use_awaitable));
            if (error) co_return;
            const Request request = parse(received.substr(0, size));
            received.erase(0, size);
            Handler handler;
            {
                std::lock_guard lock(mutex_);
                last_request_ = request;
                const std::string path = request.target.substr(0, request.target.find('?'));
                auto found = routes_.find(path);
                if (found != routes_.end()) handler = found->second;
            }
            ++requests_;
            const int now = ++in_flight_;
            int seen = max_concurrent_;
            while (now > seen && !max_concurrent_.compare_exchange_weak(seen, now)) {
            }
            Reply reply = handler ? handler(request) : Reply{404, {}, "no route"};
            open = co_await respond(stream, reply);
            --in_flight_;
        }
    }

    static Request parse(const std::string& head) {
        Request request;
        std::size_t line_end = head.find("\r\n");
        const std::string first = head.substr(0, line_end);
        const std::size_t space = first.find(' ');
        request.target = first.substr(space + 1, first.rfind(' ') - space - 1);
        while (line_end != std::string::npos && line_end + 2 < head.size()) {
            const std::size_t next = head.find("\r\n", line_end + 2);
            const std::string line = head.substr(line_end + 2, next - line_end - 2);
            const std::size_t colon = line.find(':');
            if (colon != std::string::npos) {
                std::string name = line.substr(0, colon);
                for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                request.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
            }
            line_end = next;
        }
        return request;
    }

    template <class Stream>
    asio::awaitable<bool> send(Stream& stream, const std::string& bytes, bool body = true) {
        auto [error, sent] =
            co_await asio::async_write(stream, asio::buffer(bytes), asio::as_tuple(asio::use_awaitable));
        if (body) body_bytes_sent_ += sent;
        co_return !error;
    }

    static std::string chunk(const std::string& data) {
        char size[32];
        std::snprintf(size, sizeof size, "%zx\r\n", data.size());
        return size + data + "\r\n";
    }

    // True when the connection stays open for another request.
    template <class Stream>
    asio::awaitable<bool> respond(Stream& stream, Reply& reply) {
        asio::steady_timer timer(io_);
        if (reply.delay.count() > 0) {
            timer.expires_after(reply.delay);
            co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        }
        const bool keep_alive = reply.keep_alive && reply.kind == Reply::Body::fixed;
        std::string head = "HTTP/1.1 " + std::to_string(reply.status) + " Test\r\nConnection: " +
                           (keep_alive ? "keep-alive" : "close") + "\r\n";
        for (const auto& [name, value] : reply.headers) head += name + ": " + value + "\r\n";
        switch (reply.kind) {
            case Reply::Body::fixed:
                head += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n\r\n";
                if (co_await send(stream, head, false) && co_await send(stream, reply.body) && keep_alive) {
                    co_return true;
                }
                break;
            case Reply::Body::hang_up:
                break;
            case Reply::Body::truncated:
                head += "Content-Length: " + std::to_string(reply.body.size() * 10) + "\r\n\r\n";
                if (co_await send(stream, head, false)) co_await send(stream, reply.body);
                break;
            case Reply::Body::drip:
                head += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n\r\n";
                if (!co_await send(stream, head, false)) break;
                for (char c : reply.body) {
                    timer.expires_after(reply.drip_interval);
                    co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
                    if (!co_await send(stream, std::string(1, c))) break;
                }
                break;
            case Reply::Body::endless: {
                head += "Transfer-Encoding: chunked\r\n\r\n";
                if (!co_await send(stream, head, false)) break;
                const std::string piece = chunk(std::string(64 * 1024, 'x'));
                // Bounded all the same, should a client never stop reading.
                for (int i = 0; i < 16 * 1024 && co_await send(stream, piece); ++i) {
                }
                break;
            }
            case Reply::Body::gzip_bomb: {
                head += "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n";
                if (!co_await send(stream, head, false)) break;
                ZeroBomb bomb(std::uint64_t{1} << 30);
                for (std::string piece = bomb.next(); !piece.empty(); piece = bomb.next()) {
                    if (!co_await send(stream, chunk(piece))) break;
                }
                co_await send(stream, std::string("0\r\n\r\n"));
                break;
            }
        }
        boost::system::error_code ignored;
        asio::ip::tcp::socket& socket = lowest(stream);
        socket.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
        co_return false;
    }

    static Socket& lowest(Socket& socket) { return socket; }
    static Socket& lowest(asio::ssl::stream<Socket>& stream) { return stream.next_layer(); }

    asio::io_context io_;
    asio::ip::tcp::acceptor acceptor_;
    std::optional<asio::ssl::context> tls_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::map<std::string, Handler> routes_;
    Request last_request_;
    std::atomic<int> requests_{0};
    std::atomic<int> connections_{0};
    std::atomic<int> in_flight_{0};
    std::atomic<int> max_concurrent_{0};
    std::atomic<std::uint64_t> body_bytes_sent_{0};
};

}  // namespace feedagg::fetch::testing
