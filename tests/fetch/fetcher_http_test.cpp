// The Fetcher against a real HTTP server on 127.0.0.1.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include "daemon/fetch/fetcher.hpp"
#include "feeds/dates.hpp"
#include "tests/fetch/fetch_runs.hpp"
#include "tests/fetch/test_server.hpp"

namespace feedagg::fetch {
namespace {

using testing::error;
using testing::fetch_all;
using testing::fetch_one;
using testing::fixed;
using testing::redirect;
using testing::Reply;
using testing::Request;
using testing::response;
using testing::test_settings;
using testing::TestServer;
using namespace std::chrono_literals;

const std::string feed_text = "<rss version=\"2.0\"><channel><title>Workers</title></channel></rss>";

TEST(Fetcher, ReturnsBodyValidatorsAndCharset) {
    TestServer server;
    server.route("/feed", [](const Request&) {
        return fixed(200, feed_text,
                     {{"Content-Type", "application/rss+xml; charset=GBK"},
                      {"ETag", "\"v1\""},
                      {"Last-Modified", "Tue, 02 Jan 2024 10:00:00 GMT"}});
    });
    const auto got = response(fetch_one(test_settings(), {server.url("/feed?x=1"), "", ""}));
    EXPECT_EQ(got.status, 200);
    EXPECT_EQ(got.body, feed_text);
    EXPECT_EQ(got.content_type, "application/rss+xml; charset=GBK");
    EXPECT_EQ(got.charset, "GBK");
    EXPECT_EQ(got.etag, "\"v1\"");
    EXPECT_EQ(got.last_modified, "Tue, 02 Jan 2024 10:00:00 GMT");
    EXPECT_EQ(got.final_url, server.url("/feed?x=1"));
    EXPECT_EQ(got.permanent_redirect, "");
    EXPECT_GT(got.wire_bytes, feed_text.size());
    const Request sent = server.last_request();
    EXPECT_EQ(sent.target, "/feed?x=1");
    EXPECT_EQ(sent.header("user-agent"), "feedagg-test/1");
    EXPECT_EQ(sent.header("accept-encoding"), "gzip, deflate, br");
    EXPECT_NE(sent.header("accept").find("application/atom+xml"), std::string::npos);
    EXPECT_EQ(sent.header("host"), "127.0.0.1:" + std::to_string(server.port()));
    EXPECT_EQ(sent.header("if-none-match"), "");
}

TEST(Fetcher, ConditionalGetGets304WithoutBody) {
    TestServer server;
    server.route("/feed", [](const Request& request) {
        if (request.header("if-none-match") == "\"v1\"" &&
            request.header("if-modified-since") == "Tue, 02 Jan 2024 10:00:00 GMT") {
            return fixed(304, "", {{"ETag", "\"v1\""}});
        }
        return fixed(200, feed_text, {{"ETag", "\"v1\""}});
    });
    const auto got = response(
        fetch_one(test_settings(), {server.url("/feed"), "\"v1\"", "Tue, 02 Jan 2024 10:00:00 GMT"}));
    EXPECT_EQ(got.status, 304);
    EXPECT_EQ(got.body, "");
    EXPECT_EQ(got.etag, "\"v1\"");
}

TEST(Fetcher, DecodesGzipDeflateAndBrotliBodies) {
    TestServer server;
    server.route("/gzip", [](const Request&) {
        return fixed(200, testing::deflate_text(feed_text), {{"Content-Encoding", "gzip"}});
    });
    server.route("/deflate", [](const Request&) {
        return fixed(200, testing::deflate_text(feed_text, testing::Wrapper::zlib),
                     {{"Content-Encoding", "deflate"}});
    });
    server.route("/br", [](const Request&) {
        return fixed(200, testing::brotli_text(feed_text), {{"Content-Encoding", "br"}});
    });
    const auto results = fetch_all(
        test_settings(),
        {{server.url("/gzip"), "", ""}, {server.url("/deflate"), "", ""}, {server.url("/br"), "", ""}});
    for (const auto& result : results) EXPECT_EQ(response(result).body, feed_text);
}

TEST(Fetcher, StopsAGzipBombEarly) {
    TestServer server;
    server.route("/bomb", [](const Request&) {
        Reply reply;
        reply.kind = Reply::Body::gzip_bomb;
        return reply;
    });
    const auto failure = error(fetch_one(test_settings(), {server.url("/bomb"), "", ""}));
    EXPECT_EQ(failure.kind, FetchErrorKind::too_large) << failure.message;
    EXPECT_NE(failure.message.find("gzip"), std::string::npos) << failure.message;
    // 1 GiB of zeros is about 1 MiB of gzip: the fetcher hung up long before the end.
    EXPECT_LT(server.body_bytes_sent(), std::uint64_t{512} << 10);
}

TEST(Fetcher, StopsAnEndlessBodyAtTheCap) {
    TestServer server;
    server.route("/endless", [](const Request&) {
        Reply reply;
        reply.kind = Reply::Body::endless;
        return reply;
    });
    const auto failure = error(fetch_one(test_settings(), {server.url("/endless"), "", ""}));
    EXPECT_EQ(failure.kind, FetchErrorKind::too_large) << failure.message;
}

TEST(Fetcher, RefusesADeclaredLengthOverTheCap) {
    TestServer server;
    server.route("/big", [](const Request&) { return fixed(200, std::string((1 << 20) + 1, 'x')); });
    EXPECT_EQ(error(fetch_one(test_settings(), {server.url("/big"), "", ""})).kind,
              FetchErrorKind::too_large);
}

TEST(Fetcher, RefusesHugeHeaders) {
    TestServer server;
    server.route("/headers", [](const Request&) {
        return fixed(200, "x", {{"X-Padding", std::string(100'000, 'p')}});
    });
    EXPECT_EQ(error(fetch_one(test_settings(), {server.url("/headers"), "", ""})).kind,
              FetchErrorKind::too_large);
}

TEST(Fetcher, ReportsABodyCutShort) {
    TestServer server;
    server.route("/cut", [](const Request&) {
        Reply reply = fixed(200, "partial");
        reply.kind = Reply::Body::truncated;
        return reply;
    });
    EXPECT_EQ(error(fetch_one(test_settings(), {server.url("/cut"), "", ""})).kind, FetchErrorKind::protocol);
}

TEST(Fetcher, ASlowDripHitsTheTotalTimeout) {
    TestServer server;
    server.route("/drip", [](const Request&) {
        Reply reply = fixed(200, std::string(200, 'd'));
        reply.kind = Reply::Body::drip;
        reply.drip_interval = 50ms;
        return reply;
    });
    auto settings = test_settings();
    settings.read_timeout = 1s;
    settings.total_timeout = 1500ms;
    const auto failure = error(fetch_one(settings, {server.url("/drip"), "", ""}));
    EXPECT_EQ(failure.kind, FetchErrorKind::timeout);
    EXPECT_NE(failure.message.find("fetch.total_timeout"), std::string::npos) << failure.message;
}

TEST(Fetcher, ASilentServerHitsTheReadTimeout) {
    TestServer server;
    server.route("/silent", [](const Request&) {
        Reply reply = fixed(200, "late");
        reply.delay = 3s;
        return reply;
    });
    auto settings = test_settings();
    settings.read_timeout = 300ms;
    const auto failure = error(fetch_one(settings, {server.url("/silent"), "", ""}));
    EXPECT_EQ(failure.kind, FetchErrorKind::timeout);
    EXPECT_NE(failure.message.find("fetch.read_timeout"), std::string::npos) << failure.message;
}

TEST(Fetcher, AClosedPortIsAConnectError) {
    std::uint16_t port = 0;
    {
        boost::asio::io_context io;
        boost::asio::ip::tcp::acceptor probe(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
        port = probe.local_endpoint().port();
    }
    const auto& failure =
        error(fetch_one(test_settings(), {"http://127.0.0.1:" + std::to_string(port) + "/", "", ""}));
    EXPECT_EQ(failure.kind, FetchErrorKind::connect);
    EXPECT_NE(failure.message.find("127.0.0.1:" + std::to_string(port)), std::string::npos)
        << failure.message;
}

TEST(Fetcher, FollowsRelativeRedirectsAndReportsAPermanentMove) {
    TestServer server;
    server.route("/old/a", [](const Request&) { return redirect(301, "b?step=2"); });
    server.route("/old/b", [](const Request&) { return redirect(308, "/new"); });
    server.route("/new", [](const Request&) { return fixed(200, feed_text); });
    const auto got = response(fetch_one(test_settings(), {server.url("/old/a"), "", ""}));
    EXPECT_EQ(got.status, 200);
    EXPECT_EQ(got.body, feed_text);
    EXPECT_EQ(got.final_url, server.url("/new"));
    EXPECT_EQ(got.permanent_redirect, server.url("/new"));
    EXPECT_EQ(server.requests(), 3);
}

TEST(Fetcher, ATemporaryHopMakesTheMoveTemporary) {
    TestServer server;
    server.route("/a", [](const Request&) { return redirect(301, "/b"); });
    server.route("/b", [](const Request&) { return redirect(302, "/c"); });
    server.route("/c", [](const Request&) { return redirect(307, "/new"); });
    server.route("/new", [](const Request&) { return fixed(200, feed_text); });
    const auto got = response(fetch_one(test_settings(), {server.url("/a"), "", ""}));
    EXPECT_EQ(got.final_url, server.url("/new"));
    EXPECT_EQ(got.permanent_redirect, "");
}

TEST(Fetcher, ARedirectLoopIsTooManyRedirects) {
    TestServer server;
    server.route("/loop", [](const Request&) { return redirect(302, "/loop"); });
    const auto failure = error(fetch_one(test_settings(), {server.url("/loop"), "", ""}));
    EXPECT_EQ(failure.kind, FetchErrorKind::too_many_redirects);
    EXPECT_EQ(server.requests(), 4);  // the first request and max_redirects (3) more
}

TEST(Fetcher, RefusesARedirectToAFileUrl) {
    TestServer server;
    server.route("/sneaky", [](const Request&) { return redirect(302, "file:///etc/passwd"); });
    EXPECT_EQ(error(fetch_one(test_settings(), {server.url("/sneaky"), "", ""})).kind,
              FetchErrorKind::invalid_url);
}

TEST(Fetcher, ReadsRetryAfterSecondsOn429) {
    TestServer server;
    server.route("/busy", [](const Request&) { return fixed(429, "slow down", {{"Retry-After", "120"}}); });
    const auto got = response(fetch_one(test_settings(), {server.url("/busy"), "", ""}));
    EXPECT_EQ(got.status, 429);
    EXPECT_EQ(got.retry_after, 120s);
}

TEST(Fetcher, ReadsRetryAfterDateOn503) {
    TestServer server;
    const auto later = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) + 1h;
    server.route("/down", [later](const Request&) {
        return fixed(503, "", {{"Retry-After", feeds::format_rfc822(later)}});
    });
    const auto got = response(fetch_one(test_settings(), {server.url("/down"), "", ""}));
    EXPECT_EQ(got.status, 503);
    ASSERT_TRUE(got.retry_after.has_value());
    EXPECT_GT(*got.retry_after, 50min);
    EXPECT_LE(*got.retry_after, 1h);
}

TEST(Fetcher, ReadsCacheControlMaxAge) {
    TestServer server;
    server.route("/cached", [](const Request&) {
        return fixed(200, feed_text, {{"Cache-Control", "public, max-age=900"}});
    });
    EXPECT_EQ(response(fetch_one(test_settings(), {server.url("/cached"), "", ""})).max_age, 900s);
}

TEST(Fetcher, RefusesLoopbackUnlessAllowed) {
    TestServer server;
    server.route("/feed", [](const Request&) { return fixed(200, feed_text); });
    auto settings = test_settings();
    settings.allowed_networks.clear();
    const auto failure = error(fetch_one(settings, {server.url("/feed"), "", ""}));
    EXPECT_EQ(failure.kind, FetchErrorKind::refused_address);
    EXPECT_NE(failure.message.find("127.0.0.1 (loopback)"), std::string::npos) << failure.message;
    EXPECT_EQ(server.requests(), 0);
}

TEST(Fetcher, RefusesARedirectToARefusedAddress) {
    TestServer server;
    const std::string elsewhere = "http://127.0.0.2:" + std::to_string(server.port()) + "/feed";
    server.route("/hop", [elsewhere](const Request&) { return redirect(301, elsewhere); });
    server.route("/v6", [](const Request&) { return redirect(302, "http://[fe80::1]/feed"); });
    auto settings = test_settings();
    settings.allowed_networks = {{"127.0.0.1/32"}};
    const auto results = fetch_all(settings, {{server.url("/hop"), "", ""}, {server.url("/v6"), "", ""}});
    for (const auto& result : results) {
        EXPECT_EQ(error(result).kind, FetchErrorKind::refused_address) << error(result).message;
    }
    EXPECT_EQ(server.requests(), 2);
}

TEST(Fetcher, HoldsToThePerHostLimit) {
    TestServer server;
    server.route("/slow", [](const Request&) {
        Reply reply = fixed(200, feed_text);
        reply.delay = 150ms;
        return reply;
    });
    auto settings = test_settings();
    settings.per_host_concurrency = 2;
    const auto results = fetch_all(settings, std::vector<FetchRequest>(6, {server.url("/slow"), "", ""}));
    for (const auto& result : results) EXPECT_EQ(response(result).status, 200);
    EXPECT_EQ(server.requests(), 6);
    EXPECT_EQ(server.max_concurrent(), 2);
}

TEST(Fetcher, HoldsToTheGlobalLimit) {
    TestServer server;
    server.route("/slow", [](const Request&) {
        Reply reply = fixed(200, feed_text);
        reply.delay = 100ms;
        return reply;
    });
    auto settings = test_settings();
    settings.concurrency = 1;
    settings.per_host_concurrency = 4;
    const auto results = fetch_all(settings, std::vector<FetchRequest>(4, {server.url("/slow"), "", ""}));
    for (const auto& result : results) EXPECT_EQ(response(result).status, 200);
    EXPECT_EQ(server.max_concurrent(), 1);
}

TEST(Fetcher, RejectsUrlsItCannotFetch) {
    for (const char* url : {"ftp://example.com/feed", "http://", "not a url", "gopher://x/", "http://:80/"}) {
        EXPECT_EQ(error(fetch_one(test_settings(), {url, "", ""})).kind, FetchErrorKind::invalid_url) << url;
    }
}

TEST(Fetcher, RejectsASelfSignedCertificate) {
    TestServer server(TestServer::Tls::self_signed);
    server.route("/feed", [](const Request&) { return fixed(200, feed_text); });
    const auto failure = error(fetch_one(test_settings(), {server.url("/feed"), "", ""}));
    EXPECT_EQ(failure.kind, FetchErrorKind::tls);
    EXPECT_NE(failure.message.find("certificate verify failed"), std::string::npos) << failure.message;
    EXPECT_EQ(server.requests(), 0);
}

}  // namespace
}  // namespace feedagg::fetch
