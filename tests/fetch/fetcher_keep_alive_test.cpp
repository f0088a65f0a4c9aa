// HTTP/1.1 keep-alive: the Fetcher sends the next request to an origin over the connection the last
// one left open, and copes when the upstream closed it meanwhile.
#include <gtest/gtest.h>

#include <atomic>

#include "tests/fetch/fetch_runs.hpp"

namespace feedagg::fetch {
namespace {

using testing::fetch_in_turn;
using testing::fixed;
using testing::Reply;
using testing::Request;
using testing::response;
using testing::test_settings;
using testing::TestServer;
using namespace std::chrono_literals;

const std::string feed_text = "<rss version=\"2.0\"><channel><title>Workers</title></channel></rss>";

Reply kept_open(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {}) {
    Reply reply = fixed(status, std::move(body), std::move(headers));
    reply.keep_alive = true;
    return reply;
}

FetchRequest get(const TestServer& server, const std::string& path) {
    return {server.url(path), "", ""};
}

TEST(FetcherKeepAlive, SendsTheNextRequestsOverTheConnectionTheUpstreamKeptOpen) {
    TestServer server;
    server.route("/a", [](const Request&) { return kept_open(200, feed_text); });
    server.route("/b", [](const Request&) { return kept_open(304, ""); });
    const auto results =
        fetch_in_turn(test_settings(), {get(server, "/a"), get(server, "/b"), get(server, "/a")});
    EXPECT_EQ(response(results[0]).body, feed_text);
    EXPECT_EQ(response(results[1]).status, 304);
    EXPECT_EQ(response(results[2]).body, feed_text);
    EXPECT_EQ(server.requests(), 3);
    EXPECT_EQ(server.connections(), 1);
    EXPECT_EQ(server.last_request().header("connection"), "");  // HTTP/1.1 keeps it open by default
}

TEST(FetcherKeepAlive, OpensANewConnectionWhenTheUpstreamClosesItsOwn) {
    TestServer server;
    server.route("/feed", [](const Request&) { return fixed(200, feed_text); });  // "Connection: close"
    const auto results = fetch_in_turn(test_settings(), {get(server, "/feed"), get(server, "/feed")});
    EXPECT_EQ(response(results[1]).body, feed_text);
    EXPECT_EQ(server.connections(), 2);
}

TEST(FetcherKeepAlive, AsksAgainOnANewConnectionWhenTheKeptOneWasClosedUnanswered) {
    TestServer server;
    std::atomic<int> seen{0};
    server.route("/feed", [&seen](const Request&) {
        if (++seen == 2) {
            Reply hang_up;
            hang_up.kind = Reply::Body::hang_up;
            return hang_up;
        }
        return kept_open(200, feed_text);
    });
    const auto results = fetch_in_turn(test_settings(), {get(server, "/feed"), get(server, "/feed")});
    EXPECT_EQ(response(results[0]).body, feed_text);
    EXPECT_EQ(response(results[1]).body, feed_text);
    EXPECT_EQ(server.requests(), 3);
    EXPECT_EQ(server.connections(), 2);
}

TEST(FetcherKeepAlive, DoesNotAskTwiceWhenTheAnswerBroke) {
    TestServer server;
    std::atomic<int> seen{0};
    server.route("/feed", [&seen](const Request&) {
        if (++seen == 2) {
            Reply truncated = fixed(200, feed_text);
            truncated.kind = Reply::Body::truncated;
            return truncated;
        }
        return kept_open(200, feed_text);
    });
    const auto results = fetch_in_turn(test_settings(), {get(server, "/feed"), get(server, "/feed")});
    EXPECT_EQ(response(results[0]).body, feed_text);
    EXPECT_EQ(testing::error(results[1]).kind, FetchErrorKind::protocol);
    EXPECT_EQ(server.requests(), 2);
}

TEST(FetcherKeepAlive, ClosesAConnectionIdleLongerThanKeepAlive) {
    TestServer server;
    server.route("/feed", [](const Request&) { return kept_open(200, feed_text); });
    auto settings = test_settings();
    settings.keep_alive = 50ms;
    const auto results = fetch_in_turn(settings, {get(server, "/feed"), get(server, "/feed")}, 300ms);
    EXPECT_EQ(response(results[1]).body, feed_text);
    EXPECT_EQ(server.connections(), 2);
}

TEST(FetcherKeepAlive, ZeroKeepAliveAsksForAConnectionPerRequest) {
    TestServer server;
    server.route("/feed", [](const Request&) { return kept_open(200, feed_text); });
    auto settings = test_settings();
    settings.keep_alive = 0ms;
    const auto results = fetch_in_turn(settings, {get(server, "/feed"), get(server, "/feed")});
    EXPECT_EQ(response(results[1]).body, feed_text);
    EXPECT_EQ(server.connections(), 2);
    EXPECT_EQ(server.last_request().header("connection"), "close");
}

TEST(FetcherKeepAlive, KeepsConnectionsPerOrigin) {
    TestServer first;
    TestServer second;
    for (auto* server : {&first, &second}) {
        server->route("/feed", [](const Request&) { return kept_open(200, feed_text); });
    }
    const auto results = fetch_in_turn(test_settings(), {get(first, "/feed"), get(second, "/feed"),
                                                         get(first, "/feed"), get(second, "/feed")});
    for (const auto& result : results) EXPECT_EQ(response(result).body, feed_text);
    EXPECT_EQ(first.connections(), 1);
    EXPECT_EQ(second.connections(), 1);
}

}  // namespace
}  // namespace feedagg::fetch
