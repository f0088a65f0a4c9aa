// The real server on 127.0.0.1 (and ::1), port 0, serving a fake Catalog to a real client.
#include "daemon/http/server.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "daemon/http/http_date.hpp"

namespace feedagg::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

// Every client wait is bounded by this, so a server that hangs fails a test instead of blocking it.
constexpr auto kClientTimeout = 5s;

const auto kModified = std::chrono::system_clock::time_point(
    std::chrono::sys_days(std::chrono::year(2024) / std::chrono::March / 1));

std::string long_feed() {
    std::string body = "<feed>";
    for (int i = 0; i < 100; ++i) body += "<entry><title>Wages up " + std::to_string(i) + "</title></entry>";
    return body + "</feed>";
}

std::string gunzip(const std::string& compressed) {
    z_stream stream{};
    inflateInit2(&stream, 31);
    std::string out(1 << 20, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    inflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    inflateEnd(&stream);
    return out;
}

class FakeCatalog : public Catalog {
  public:
    FakeCatalog() {
        feed = make_representation("application/atom+xml; charset=utf-8", long_feed(), kModified);
        auto health = make_representation("text/plain; charset=utf-8", "ok\n", kModified);
        health->cacheable = false;
        health_ = health;
    }

    Answer find(const CatalogRequest& request) override {
        std::unique_lock lock(mutex_);
        last_base_url = std::string(request.base_url);
        last_query = std::string(request.query);
        if (request.path == "/feeds/bad.atom") return {nullptr, "limit: expected a number from 1 to 500"};
        if (request.path == "/healthz") return {health_, ""};
        if (request.path == "/slow") {
            slow_entered_ = true;
            changed_.notify_all();
            changed_.wait_for(lock, kClientTimeout, [this] { return slow_released_; });
            return {feed, ""};
        }
        if (request.path == "/feeds/union news.atom") return {feed, ""};
        return {nullptr, ""};
    }

    void wait_until_slow_request_arrives() {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, kClientTimeout, [this] { return slow_entered_; });
    }
    void release_slow_request() {
        std::lock_guard lock(mutex_);
        slow_released_ = true;
        changed_.notify_all();
    }

    std::shared_ptr<Representation> feed;
    std::string last_base_url;
    std::string last_query;

  private:
    std::shared_ptr<const Representation> health_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool slow_entered_ = false;
    bool slow_released_ = false;
};

struct Reply {
    beast::error_code error;
    bhttp::response<bhttp::string_body> message;
    unsigned status() const { return message.result_int(); }
    std::string header(std::string_view name) const { return std::string(message[name]); }
    bool has(std::string_view name) const { return message.find(name) != message.end(); }
};

// A client whose every read is bounded by kClientTimeout.
class Client {
  public:
    explicit Client(unsigned short port, const char* address = "127.0.0.1") : stream_(io_) {
        stream_.connect(tcp::endpoint(asio::ip::make_address(address), port));
    }

    void send(std::string_view raw) {
        beast::error_code ignored;
        asio::write(stream_.socket(), asio::buffer(raw.data(), raw.size()), ignored);
    }

    Reply receive(bool head = false) {
        Reply reply;
        bhttp::response_parser<bhttp::string_body> parser;
        parser.skip(head);
        parser.body_limit(16 * 1024 * 1024);
        stream_.expires_after(kClientTimeout);
        bhttp::async_read(stream_, buffer_, parser,
                          [&](beast::error_code ec, std::size_t) { reply.error = ec; });
        run();
        reply.message = parser.release();
        return reply;
    }

    Reply exchange(std::string_view raw, bool head = false) {
        send(raw);
        return receive(head);
    }

    // True when the server closes the connection within kClientTimeout (data before the close is
    // discarded).
    bool closed_by_server() {
        stream_.expires_after(kClientTimeout);
        beast::error_code result;
        std::function<void()> read_more;
        char sink[1024];
        read_more = [&] {
            stream_.async_read_some(asio::buffer(sink), [&](beast::error_code ec, std::size_t) {
                if (ec) {
                    result = ec;
                } else {
                    read_more();
                }
            });
        };
        read_more();
        run();
        return result && result != beast::error::timeout;
    }

    // Without waiting: true when the server has closed the connection (end of stream or reset).
    bool closed_now() {
        auto& socket = stream_.socket();
        socket.non_blocking(true);
        char sink[1024];
        beast::error_code ec;
        while (!ec) socket.read_some(asio::buffer(sink), ec);
        socket.non_blocking(false);
        return ec != asio::error::would_block && ec != asio::error::try_again;
    }

  private:
    void run() {
        io_.restart();
        io_.run();
    }

    asio::io_context io_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
};

std::string get(std::string_view target, std::string_view headers = "", std::string_view method = "GET") {
    return std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
           std::string(headers) + "\r\n";
}

constexpr std::string_view kFeedPath = "/feeds/union%20news.atom";

class ServerTest : public ::testing::Test {
  protected:
    ServerTest() {
        settings.listen = {"127.0.0.1:0"};
        settings.cors_origins = {"https://union.example"};
        settings.read_timeout = 1s;
        settings.idle_timeout = 3s;
        settings.max_header_bytes = 4096;
        settings.max_body_bytes = 1024;
    }
    ~ServerTest() override {
        if (server) server->stop();
        io.stop();
        for (auto& thread : threads) thread.join();
    }

    void start() {
        server = std::make_unique<Server>(io, settings, catalog);
        server->start();
        port = server->bound_ports().at(0);
        for (int i = 0; i < 2; ++i) threads.emplace_back([this] { io.run(); });
    }

    Reply fetch(std::string_view raw, bool head = false) {
        Client client(port);
        return client.exchange(raw, head);
    }

    config::ServerSettings settings;
    std::shared_ptr<FakeCatalog> catalog = std::make_shared<FakeCatalog>();
    asio::io_context io;
    std::unique_ptr<Server> server;
    std::vector<std::thread> threads;
    unsigned short port = 0;
};

TEST_F(ServerTest, ServesRepresentationWithCachingHeaders) {
    start();
    Reply reply = fetch(get(std::string(kFeedPath) + "?limit=5"));
    ASSERT_FALSE(reply.error) << reply.error.message();
    EXPECT_EQ(reply.status(), 200);
    EXPECT_EQ(reply.message.body(), catalog->feed->body);
    EXPECT_EQ(reply.header("Content-Type"), "application/atom+xml; charset=utf-8");
    EXPECT_EQ(reply.header("Content-Length"), std::to_string(catalog->feed->body.size()));
    EXPECT_EQ(reply.header("ETag"), catalog->feed->etag);
    EXPECT_EQ(reply.header("Last-Modified"), "Fri, 01 Mar 2024 00:00:00 GMT");
    EXPECT_EQ(reply.header("Cache-Control"), "public, max-age=300");
    EXPECT_EQ(reply.header("Vary"), "Accept-Encoding, Origin");
    EXPECT_EQ(reply.header("Server"), "feedagg");
    EXPECT_TRUE(parse_http_date(reply.header("Date")).has_value());
    EXPECT_FALSE(reply.has("Content-Encoding"));
    EXPECT_EQ(catalog->last_query, "limit=5");
    EXPECT_EQ(catalog->last_base_url, "http://127.0.0.1");
}

TEST_F(ServerTest, UsesPublicBaseUrlWhenConfigured) {
    settings.public_base_url = "https://feeds.union.example";
    start();
    EXPECT_EQ(fetch(get(kFeedPath)).status(), 200);
    EXPECT_EQ(catalog->last_base_url, "https://feeds.union.example");
}

TEST_F(ServerTest, HealthIsNeverCached) {
    start();
    Reply reply = fetch(get("/healthz"));
    EXPECT_EQ(reply.status(), 200);
    EXPECT_EQ(reply.header("Cache-Control"), "no-store");
}

TEST_F(ServerTest, HeadSendsHeadersWithoutBody) {
    start();
    Client client(port);
    Reply head = client.exchange(get(kFeedPath, "", "HEAD"), true);
    EXPECT_EQ(head.status(), 200);
    EXPECT_EQ(head.header("Content-Length"), std::to_string(catalog->feed->body.size()));
    EXPECT_TRUE(head.message.body().empty());
    // Had a body followed the HEAD response, this second response would be read from it.
    Reply next = client.exchange(get("/healthz"));
    EXPECT_EQ(next.status(), 200);
    EXPECT_EQ(next.message.body(), "ok\n");
}

TEST_F(ServerTest, IfNoneMatchWithAListAndWeakTagGives304) {
    start();
    std::string weak = "W/" + catalog->feed->etag;
    Reply reply = fetch(get(kFeedPath, "If-None-Match: \"other\", " + weak + "\r\n"));
    EXPECT_EQ(reply.status(), 304);
    EXPECT_EQ(reply.header("ETag"), catalog->feed->etag);
    EXPECT_EQ(reply.header("Cache-Control"), "public, max-age=300");
    EXPECT_TRUE(reply.message.body().empty());
    EXPECT_FALSE(reply.has("Content-Length"));
}

TEST_F(ServerTest, IfNoneMatchStarGives304) {
    start();
    EXPECT_EQ(fetch(get(kFeedPath, "If-None-Match: *\r\n")).status(), 304);
}

TEST_F(ServerTest, IfModifiedSinceGives304WhenUnchanged) {
    start();
    EXPECT_EQ(fetch(get(kFeedPath, "If-Modified-Since: Fri, 01 Mar 2024 00:00:00 GMT\r\n")).status(), 304);
    EXPECT_EQ(fetch(get(kFeedPath, "If-Modified-Since: Thu, 29 Feb 2024 23:59:59 GMT\r\n")).status(), 200);
    EXPECT_EQ(fetch(get(kFeedPath, "If-Modified-Since: yesterday\r\n")).status(), 200);
}

TEST_F(ServerTest, IfNoneMatchTakesPrecedenceOverIfModifiedSince) {
    start();
    Reply reply = fetch(get(kFeedPath,
                            "If-None-Match: \"stale\"\r\n"
                            "If-Modified-Since: Fri, 01 Mar 2030 00:00:00 GMT\r\n"));
    EXPECT_EQ(reply.status(), 200);
}

TEST_F(ServerTest, GzipWhenAcceptedWithItsOwnEtag) {
    start();
    Reply reply = fetch(get(kFeedPath, "Accept-Encoding: br, gzip;q=0.8\r\n"));
    EXPECT_EQ(reply.status(), 200);
    EXPECT_EQ(reply.header("Content-Encoding"), "gzip");
    EXPECT_EQ(reply.header("Content-Length"), std::to_string(catalog->feed->gzip_body.size()));
    EXPECT_EQ(gunzip(reply.message.body()), catalog->feed->body);
    std::string gzip_tag = reply.header("ETag");
    EXPECT_NE(gzip_tag, catalog->feed->etag);

    Reply revalidated = fetch(get(kFeedPath, "Accept-Encoding: gzip\r\nIf-None-Match: " + gzip_tag + "\r\n"));
    EXPECT_EQ(revalidated.status(), 304);
    EXPECT_EQ(revalidated.header("ETag"), gzip_tag);
}

TEST_F(ServerTest, IdentityWhenGzipHasZeroQuality) {
    start();
    Reply reply = fetch(get(kFeedPath, "Accept-Encoding: gzip;q=0, deflate\r\n"));
    EXPECT_EQ(reply.status(), 200);
    EXPECT_FALSE(reply.has("Content-Encoding"));
    EXPECT_EQ(reply.message.body(), catalog->feed->body);
}

TEST_F(ServerTest, CorsEchoesAllowedOriginOnly) {
    start();
    Reply allowed = fetch(get(kFeedPath, "Origin: https://union.example\r\n"));
    EXPECT_EQ(allowed.header("Access-Control-Allow-Origin"), "https://union.example");
    EXPECT_EQ(allowed.header("Vary"), "Accept-Encoding, Origin");
    Reply denied = fetch(get(kFeedPath, "Origin: https://evil.example\r\n"));
    EXPECT_EQ(denied.status(), 200);
    EXPECT_FALSE(denied.has("Access-Control-Allow-Origin"));
}

TEST_F(ServerTest, CorsPreflightIsAnsweredForAllowedOrigins) {
    start();
    Reply reply = fetch(get(kFeedPath,
                            "Origin: https://union.example\r\nAccess-Control-Request-Method: GET\r\n"
                            "Access-Control-Request-Headers: if-none-match\r\n",
                            "OPTIONS"));
    EXPECT_EQ(reply.status(), 204);
    EXPECT_EQ(reply.header("Access-Control-Allow-Origin"), "https://union.example");
    EXPECT_EQ(reply.header("Access-Control-Allow-Methods"), "GET, HEAD");
    EXPECT_EQ(reply.header("Access-Control-Allow-Headers"), "if-none-match");
}

TEST_F(ServerTest, WildcardCorsAllowsEveryOrigin) {
    settings.cors_origins = {"*"};
    start();
    Reply reply = fetch(get(kFeedPath, "Origin: https://any.example\r\n"));
    EXPECT_EQ(reply.header("Access-Control-Allow-Origin"), "*");
    EXPECT_EQ(reply.header("Vary"), "Accept-Encoding");
}

TEST_F(ServerTest, UnknownPathIs404AsPlainText) {
    start();
    Reply reply = fetch(get("/feeds/missing.atom"));
    EXPECT_EQ(reply.status(), 404);
    EXPECT_EQ(reply.header("Content-Type"), "text/plain; charset=utf-8");
    EXPECT_EQ(reply.message.body(), "404 Not Found\n");
}

TEST_F(ServerTest, WritingMethodsAre405WithAllow) {
    start();
    Reply reply = fetch(get(kFeedPath, "Content-Length: 0\r\n", "POST"));
    EXPECT_EQ(reply.status(), 405);
    EXPECT_EQ(reply.header("Allow"), "GET, HEAD, OPTIONS");
}

TEST_F(ServerTest, BadQueryIs400WithTheCatalogsMessage) {
    start();
    Reply reply = fetch(get("/feeds/bad.atom?limit=x"));
    EXPECT_EQ(reply.status(), 400);
    EXPECT_NE(reply.message.body().find("limit: expected a number from 1 to 500"), std::string::npos);
}

TEST_F(ServerTest, NulAndDotDotInPathAre400) {
    start();
    EXPECT_EQ(fetch(get("/feeds/a%00.atom")).status(), 400);
    EXPECT_EQ(fetch(get("/feeds/%2e%2e/%2e%2e/etc/passwd")).status(), 400);
}

TEST_F(ServerTest, MalformedRequestIs400AndCloses) {
    start();
    Client client(port);
    Reply reply = client.exchange("GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
    EXPECT_EQ(reply.status(), 400);
    EXPECT_TRUE(client.closed_by_server());
    EXPECT_EQ(fetch("GET /x HTTP/1.1\r\n\r\n").status(), 400);  // no Host
}

TEST_F(ServerTest, LongTargetIs414) {
    start();
    EXPECT_EQ(fetch(get("/" + std::string(5000, 'a'))).status(), 414);  // past the header limit too
}

TEST_F(ServerTest, TargetLongerThanLimitButWithinHeaderLimitIs414) {
    settings.max_header_bytes = 16 * 1024;
    start();
    EXPECT_EQ(fetch(get("/" + std::string(6000, 'a'))).status(), 414);
}

TEST_F(ServerTest, LargeHeadersAre431) {
    start();
    EXPECT_EQ(fetch(get(kFeedPath, "X-Padding: " + std::string(5000, 'p') + "\r\n")).status(), 431);
}

TEST_F(ServerTest, LargeBodyIs413) {
    start();
    std::string body(4000, 'b');
    Reply reply = fetch(get(kFeedPath, "Content-Length: 4000\r\n", "POST") + body);
    EXPECT_EQ(reply.status(), 413);
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
    start();
    Client client(port);
    EXPECT_EQ(client.exchange(get(kFeedPath)).status(), 200);
    EXPECT_EQ(client.exchange(get("/healthz")).status(), 200);
    // Pipelined: both requests sent before either response is read; answered in order.
    client.send(get("/healthz") + get("/feeds/missing.atom"));
    EXPECT_EQ(client.receive().status(), 200);
    EXPECT_EQ(client.receive().status(), 404);
}

// As the daemon runs it: connections spread over io_contexts each run by one thread.
TEST_F(ServerTest, ServesConnectionsSpreadOverSeveralSingleThreadedContexts) {
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    std::vector<asio::io_context*> threads_of_server;
    for (int i = 0; i < 3; ++i) {
        contexts.push_back(std::make_unique<asio::io_context>(1));
        threads_of_server.push_back(contexts.back().get());
    }
    auto spread = std::make_unique<Server>(threads_of_server, settings, catalog);
    spread->start();
    std::vector<std::thread> running;
    for (auto* io_of_thread : threads_of_server) {
        running.emplace_back([io_of_thread] {
            auto busy = asio::make_work_guard(*io_of_thread);
            io_of_thread->run();
        });
    }
    const unsigned short spread_port = spread->bound_ports().at(0);
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 6; ++i) clients.push_back(std::make_unique<Client>(spread_port));
    for (int round = 0; round < 2; ++round) {
        for (auto& client : clients) EXPECT_EQ(client->exchange(get(kFeedPath)).status(), 200);
    }
    spread->stop();
    for (auto* io_of_thread : threads_of_server) io_of_thread->stop();
    for (auto& thread : running) thread.join();
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
    start();
    Client client(port);
    Reply reply = client.exchange(get("/healthz", "Connection: close\r\n"));
    EXPECT_EQ(reply.status(), 200);
    EXPECT_EQ(reply.header("Connection"), "close");
    EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerTest, SlowlorisIsCutOffAfterReadTimeout) {
    start();
    Client client(port);
    client.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    // One header byte every 100 ms would take far longer than read_timeout (1 s); the server must
    // close the connection while it trickles, well before 60 bytes are sent.
    bool closed = false;
    for (int i = 0; i < 60 && !closed; ++i) {
        client.send("X");
        std::this_thread::sleep_for(100ms);
        closed = client.closed_now();
    }
    EXPECT_TRUE(closed);
}

TEST_F(ServerTest, IdleConnectionIsClosedAfterIdleTimeout) {
    settings.idle_timeout = 1s;
    start();
    Client client(port);
    EXPECT_EQ(client.exchange(get("/healthz")).status(), 200);
    EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerTest, ConnectionsOverTheLimitGet503) {
    settings.max_connections = 2;
    start();
    Client first(port);
    Client second(port);
    EXPECT_EQ(first.exchange(get("/healthz")).status(), 200);
    EXPECT_EQ(second.exchange(get("/healthz")).status(), 200);
    Client third(port);
    Reply refused = third.receive();
    EXPECT_EQ(refused.status(), 503);
    EXPECT_EQ(refused.header("Retry-After"), "1");
}

TEST_F(ServerTest, StopLetsTheRequestInProgressCompleteAndClosesIdleConnections) {
    start();
    Client idle(port);
    EXPECT_EQ(idle.exchange(get("/healthz")).status(), 200);
    Client busy(port);
    busy.send(get("/slow"));
    catalog->wait_until_slow_request_arrives();
    server->stop();
    EXPECT_TRUE(idle.closed_by_server());
    catalog->release_slow_request();
    Reply reply = busy.receive();
    ASSERT_FALSE(reply.error) << reply.error.message();
    EXPECT_EQ(reply.status(), 200);
    EXPECT_EQ(reply.message.body(), catalog->feed->body);
    EXPECT_EQ(reply.header("Connection"), "close");
    EXPECT_TRUE(busy.closed_by_server());
}

TEST_F(ServerTest, ListensOnIpv6Loopback) {
    settings.listen = {"[::1]:0", "127.0.0.1:0"};
    start();
    auto ports = server->bound_ports();
    ASSERT_EQ(ports.size(), 2u);
    Client client(ports[0], "::1");
    EXPECT_EQ(client.exchange(get("/healthz")).status(), 200);
}

TEST_F(ServerTest, UnusableListenAddressNamesIt) {
    settings.listen = {"127.0.0.1:notaport"};
    server = std::make_unique<Server>(io, settings, catalog);
    try {
        server->start();
        FAIL() << "start() accepted a bad address";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("127.0.0.1:notaport"), std::string::npos);
    }
}

TEST_F(ServerTest, HostileBytesDoNotCrashTheServer) {
    start();
    std::string garbage;
    for (int i = 0; i < 3000; ++i) garbage.push_back(static_cast<char>((i * 7919) % 256));
    {
        Client client(port);
        client.send(garbage);
        EXPECT_TRUE(client.closed_by_server());
    }
    {
        Client client(port);
        client.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        EXPECT_TRUE(client.closed_by_server());
    }
    EXPECT_EQ(fetch(get("/healthz")).status(), 200);
}

}  // namespace
}  // namespace feedagg::http
