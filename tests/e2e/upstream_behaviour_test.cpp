// The real daemon against upstreams that behave as real ones do: validators and 304, permanent and
// temporary redirects, 429 with Retry-After, 410, compressed bodies, slow, endless and bomb bodies,
// an untrusted certificate and a loopback address that is not allowed. Each is checked from outside:
// the log line of the poll, `feedagg status`, the served feed and what the upstream received.
#include <gtest/gtest.h>

#include <set>

#include "upstream_fixture.hpp"

namespace feedagg::e2e {
namespace {

using namespace std::chrono_literals;
using fetch::testing::brotli_text;
using fetch::testing::deflate_text;

using UpstreamBehaviour = UpstreamFixture;

constexpr const char* etag = "\"v1\"";
constexpr const char* last_modified = "Wed, 15 May 2024 08:00:00 GMT";

std::chrono::seconds between(const std::string& from, const std::string& to) {
    const auto start = feeds::parse_date(from);
    const auto end = feeds::parse_date(to);
    EXPECT_TRUE(start && end) << from << " / " << to;
    if (!start || !end) return std::chrono::seconds(0);
    return std::chrono::duration_cast<std::chrono::seconds>(*end - *start);
}

TEST_F(UpstreamBehaviour, ConditionalGetSendsValidatorsGets304AndStoresEachEntryOnce) {
    RecordingUpstream upstream;
    upstream.route("/daily.xml", [](const Request& request) {
        if (request.header("if-none-match") == etag || request.header("if-modified-since") == last_modified) {
            return Reply{304, {{"ETag", etag}}, ""};
        }
        Reply reply = feed_reply("daily", 3);
        reply.headers.emplace_back("ETag", etag);
        reply.headers.emplace_back("Last-Modified", last_modified);
        return reply;
    });
    // An upstream that ignores validators: the same entries again must not be stored twice.
    RecordingUpstream noisy;
    noisy.route("/noisy.xml", [](const Request&) { return feed_reply("noisy", 2); });
    write_config({{"daily", upstream.url("/daily.xml")}, {"noisy", noisy.url("/noisy.xml")}});

    const OnceRun first = run_once();
    ASSERT_EQ(first.exit_code, 0) << first.log;
    EXPECT_NE(first.log.find("source=daily result=ok status=200"), std::string::npos) << first.log;
    const std::uint64_t bytes_after_first = upstream.server().body_bytes_sent();
    const OnceRun second = run_once();
    ASSERT_EQ(second.exit_code, 0) << second.log;
    EXPECT_NE(second.log.find("source=daily result=not_modified status=304"), std::string::npos)
        << second.log;
    const std::string noisy_poll = line_with(second.log, "source=noisy ");
    EXPECT_NE(noisy_poll.find("result=ok status=200"), std::string::npos) << second.log;
    EXPECT_NE(noisy_poll.find("new=0 updated=0"), std::string::npos) << noisy_poll;

    const auto requests = upstream.requests("/daily.xml");
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].header("if-none-match"), "");
    EXPECT_EQ(requests[1].header("if-none-match"), etag);
    EXPECT_EQ(requests[1].header("if-modified-since"), last_modified);
    EXPECT_EQ(requests[1].header("user-agent"), user_agent);
    const std::string accepted = requests[1].header("accept-encoding");
    for (const char* coding : {"gzip", "deflate", "br"})
        EXPECT_NE(accepted.find(coding), std::string::npos) << accepted;
    EXPECT_EQ(upstream.server().body_bytes_sent(), bytes_after_first);  // the 304 carried no body

    EXPECT_EQ(status_of("daily").items, 3u);
    EXPECT_EQ(status_of("daily").result, "ok");
    EXPECT_EQ(status_of("noisy").items, 2u);
    start_daemon();
    const auto titles = served_titles();
    EXPECT_EQ(titles.size(), 5u);
    EXPECT_EQ(std::set<std::string>(titles.begin(), titles.end()).size(), 5u);
}

class RedirectTest : public UpstreamFixture {
  protected:
    // Three polls of a source whose URL answers `status` with Location /new.
    void poll_three_times(int status) {
        upstream_.route("/old.xml", [status](const Request&) {
            return Reply{status, {{"Location", "/new.xml"}}, ""};
        });
        upstream_.route("/new.xml", [](const Request&) { return feed_reply("moved", 2); });
        write_config({{"moved", upstream_.url("/old.xml")}});
        for (int poll = 0; poll < 3; ++poll) {
            const OnceRun run = run_once();
            ASSERT_EQ(run.exit_code, 0) << run.log;
            EXPECT_NE(run.log.find("source=moved result=ok status=200"), std::string::npos) << run.log;
        }
        EXPECT_EQ(upstream_.count("/new.xml"), 3u);
        EXPECT_EQ(status_of("moved").items, 2u);
    }

    RecordingUpstream upstream_;
};

TEST_F(RedirectTest, A301SeenOnTwoPollsMakesTheThirdPollGoToTheNewUrl) {
    poll_three_times(301);
    EXPECT_EQ(upstream_.count("/old.xml"), 2u);
}

TEST_F(RedirectTest, A308SeenOnTwoPollsMakesTheThirdPollGoToTheNewUrl) {
    poll_three_times(308);
    EXPECT_EQ(upstream_.count("/old.xml"), 2u);
}

TEST_F(RedirectTest, A302KeepsPollingTheConfiguredUrl) {
    poll_three_times(302);
    EXPECT_EQ(upstream_.count("/old.xml"), 3u);
}

TEST_F(UpstreamBehaviour, TooManyRequestsWithRetryAfterPutsTheNextPollAtLeastThatFarAway) {
    RecordingUpstream upstream;
    upstream.route("/busy.xml", [](const Request&) {
        return Reply{429, {{"Retry-After", "7200"}}, "slow down"};
    });
    upstream.route("/calm.xml", [](const Request&) { return feed_reply("calm", 2); });
    const auto retry_date =
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()) + 3h;
    upstream.route("/down.xml", [retry_date](const Request&) {
        return Reply{503, {{"Retry-After", feeds::format_rfc822(retry_date)}}, "maintenance"};
    });
    write_config({{"busy", upstream.url("/busy.xml"), "1m"},
                  {"calm", upstream.url("/calm.xml"), "1h"},
                  {"down", upstream.url("/down.xml"), "1m"}});

    const OnceRun run = run_once();
    ASSERT_EQ(run.exit_code, 0) << run.log;
    EXPECT_NE(run.log.find("source=busy result=http_429 status=429"), std::string::npos) << run.log;
    const StatusRow busy = status_of("busy");
    EXPECT_GE(between(busy.last_poll, busy.next_poll), 7200s) << busy.last_poll << " -> " << busy.next_poll;
    EXPECT_NE(busy.result.find("failing x1"), std::string::npos) << busy.result;
    EXPECT_NE(run.log.find("source=down result=http_503 status=503"), std::string::npos) << run.log;
    const auto down_next = feeds::parse_date(status_of("down").next_poll);
    ASSERT_TRUE(down_next);
    EXPECT_GE(*down_next, retry_date) << "Retry-After: " << feeds::format_rfc822(retry_date);

    // The running daemon keeps to the stored time: no request during its first-poll spread (1 s).
    start_daemon();
    std::this_thread::sleep_for(2s);
    EXPECT_EQ(upstream.count("/busy.xml"), 1u) << read_all(daemon_log());
    EXPECT_EQ(served_titles().size(), 2u);
}

// Issue 3: Cache-Control max-age / Expires and RSS ttl are lower bounds of the next poll. Six sources
// each, so that jitter taking any of them below the bound shows.
TEST_F(UpstreamBehaviour, MaxAgeAndTtlAreLowerBoundsOfTheNextPoll) {
    RecordingUpstream upstream;
    upstream.route("/cached.xml", [](const Request&) {
        Reply reply = feed_reply("cached", 1);
        reply.headers.emplace_back("Cache-Control", "max-age=7200");
        return reply;
    });
    upstream.route("/ttl.xml", [](const Request&) {
        Reply reply = feed_reply("ttl", 1);
        reply.body.replace(reply.body.find("<item>"), 0, "<ttl>120</ttl>");
        return reply;
    });
    std::vector<SourceSpec> sources;
    for (int i = 0; i < 6; ++i) {
        sources.push_back({"cached" + std::to_string(i), upstream.url("/cached.xml"), "1m"});
        sources.push_back({"ttl" + std::to_string(i), upstream.url("/ttl.xml"), "1m"});
    }
    write_config(sources);
    const OnceRun run = run_once();
    ASSERT_EQ(run.exit_code, 0) << run.log;
    const std::string table = status_table();
    for (const auto& source : sources) {
        const auto row = find_status_row(table, source.name);
        ASSERT_TRUE(row) << table;
        EXPECT_EQ(row->result, "ok") << table;
        EXPECT_GE(between(row->last_poll, row->next_poll), 7200s)
            << source.name << ": polled again before max-age/ttl";
    }
}

TEST_F(UpstreamBehaviour, GoneDisablesTheSourceAndLaterRunsDoNotFetchIt) {
    RecordingUpstream upstream;
    upstream.route("/gone.xml", [](const Request&) { return Reply{410, {}, "gone"}; });
    upstream.route("/alive.xml", [](const Request&) { return feed_reply("alive", 2); });
    write_config({{"gone", upstream.url("/gone.xml")}, {"alive", upstream.url("/alive.xml")}});

    const OnceRun first = run_once();
    ASSERT_EQ(first.exit_code, 0) << first.log;
    EXPECT_NE(first.log.find("source=gone result=gone status=410"), std::string::npos) << first.log;
    EXPECT_EQ(status_of("gone").result, "gone (410)");

    const OnceRun second = run_once();
    ASSERT_EQ(second.exit_code, 0) << second.log;
    EXPECT_EQ(upstream.count("/gone.xml"), 1u) << second.log;
    EXPECT_EQ(upstream.count("/alive.xml"), 2u);

    start_daemon();
    EXPECT_TRUE(wait_for_log("source=gone disabled", 5s)) << read_all(daemon_log());
    EXPECT_EQ(upstream.count("/gone.xml"), 1u);
    EXPECT_EQ(served_titles().size(), 2u);
}

TEST_F(UpstreamBehaviour, GoneSourceIsPolledAgainOnceItsUrlChanges) {
    RecordingUpstream upstream;
    upstream.route("/gone.xml", [](const Request&) { return Reply{410, {}, "gone"}; });
    upstream.route("/moved.xml", [](const Request&) { return feed_reply("moved", 2); });
    write_config({{"news", upstream.url("/gone.xml")}});
    ASSERT_EQ(run_once().exit_code, 0);
    EXPECT_EQ(status_of("news").result, "gone (410)");

    write_config({{"news", upstream.url("/moved.xml")}});
    const OnceRun run = run_once();
    ASSERT_EQ(run.exit_code, 0) << run.log;
    EXPECT_NE(run.log.find("source=news result=ok status=200"), std::string::npos) << run.log;
    EXPECT_EQ(status_of("news").result, "ok");
    EXPECT_EQ(status_of("news").items, 2u);
}

TEST_F(UpstreamBehaviour, GzipAndBrotliBodiesAreDecodedAndServed) {
    RecordingUpstream upstream;
    upstream.route("/gzip.xml", [](const Request& request) {
        if (request.header("accept-encoding").find("gzip") == std::string::npos)
            return feed_reply("plain", 1);
        Reply reply = feed_reply("zipped", 3);
        reply.body = deflate_text(reply.body);
        reply.headers.emplace_back("Content-Encoding", "gzip");
        return reply;
    });
    upstream.route("/br.xml", [](const Request& request) {
        if (request.header("accept-encoding").find("br") == std::string::npos) return feed_reply("plain", 1);
        Reply reply = feed_reply("brotli", 2);
        reply.body = brotli_text(reply.body);
        reply.headers.emplace_back("Content-Encoding", "br");
        return reply;
    });
    write_config({{"zipped", upstream.url("/gzip.xml")}, {"brotli", upstream.url("/br.xml")}});

    const OnceRun run = run_once();
    ASSERT_EQ(run.exit_code, 0) << run.log;
    EXPECT_NE(run.log.find("source=zipped result=ok status=200"), std::string::npos) << run.log;
    EXPECT_NE(run.log.find("source=brotli result=ok status=200"), std::string::npos) << run.log;

    start_daemon();
    const auto titles = served_titles();
    const std::set<std::string> served(titles.begin(), titles.end());
    EXPECT_EQ(served, (std::set<std::string>{"zipped story 1", "zipped story 2", "zipped story 3",
                                             "brotli story 1", "brotli story 2"}));
}

TEST_F(UpstreamBehaviour, SlowEndlessAndBombBodiesFailWithinTheLimitsWhileOtherSourcesAreServed) {
    RecordingUpstream upstream;
    upstream.route("/good.xml", [](const Request&) { return feed_reply("good", 3); });
    upstream.route("/drip.xml", [](const Request&) {
        Reply reply = feed_reply("drip", 3);  // a byte every 100 ms: never silent for read_timeout, too slow
        reply.kind = Reply::Body::drip;
        return reply;
    });
    upstream.route("/silent.xml", [](const Request&) {
        Reply reply = feed_reply("silent", 1);
        reply.delay = 10s;  // longer than read_timeout before the status line
        return reply;
    });
    upstream.route("/endless.xml", [](const Request&) {
        Reply reply{200, {{"Content-Type", "application/rss+xml"}}, ""};
        reply.kind = Reply::Body::endless;
        return reply;
    });
    upstream.route("/bomb.xml", [](const Request&) {
        Reply reply{200, {{"Content-Type", "application/rss+xml"}}, ""};
        reply.kind = Reply::Body::gzip_bomb;  // 1 GiB of zeros, gzipped
        return reply;
    });
    write_config({{"good", upstream.url("/good.xml")},
                  {"drip", upstream.url("/drip.xml")},
                  {"silent", upstream.url("/silent.xml")},
                  {"endless", upstream.url("/endless.xml")},
                  {"bomb", upstream.url("/bomb.xml")}});

    start_daemon();
    for (const char* line :
         {"source=good result=ok", "source=drip result=timeout", "source=silent result=timeout",
          "source=endless result=too_large", "source=bomb result=too_large"}) {
        EXPECT_TRUE(wait_for_log(line, 15s)) << line << "\n" << read_all(daemon_log());
    }
    EXPECT_TRUE(file_contains(daemon_log(), "fetch.total_timeout")) << read_all(daemon_log());
    EXPECT_TRUE(file_contains(daemon_log(), "fetch.read_timeout")) << read_all(daemon_log());
    EXPECT_TRUE(file_contains(daemon_log(), "fetch.max_body_bytes")) << read_all(daemon_log());
    // The upstream stopped sending soon after the cap: far from the 1 GiB each of them offered.
    EXPECT_LT(upstream.server().body_bytes_sent(), 64u << 20);

    EXPECT_EQ(http_get(port_, "/healthz").status, 200);
    const auto titles = served_titles();
    EXPECT_EQ(std::set<std::string>(titles.begin(), titles.end()),
              (std::set<std::string>{"good story 1", "good story 2", "good story 3"}));
    daemon_->signal(SIGTERM);
    EXPECT_EQ(daemon_->wait_exit(15s), 0) << read_all(daemon_log());
}

TEST_F(UpstreamBehaviour, UntrustedCertificateFailsWithTlsAndOtherSourcesAreFine) {
    RecordingUpstream secure(TestServer::Tls::self_signed);
    secure.route("/feed.xml", [](const Request&) { return feed_reply("secure", 2); });
    RecordingUpstream plain;
    plain.route("/feed.xml", [](const Request&) { return feed_reply("plain", 2); });
    write_config({{"secure", secure.url("/feed.xml")}, {"plain", plain.url("/feed.xml")}});

    const OnceRun run = run_once();
    ASSERT_EQ(run.exit_code, 0) << run.log;
    EXPECT_NE(run.log.find("source=secure result=tls"), std::string::npos) << run.log;
    EXPECT_NE(run.log.find("certificate verify failed"), std::string::npos) << run.log;
    EXPECT_NE(run.log.find("source=plain result=ok"), std::string::npos) << run.log;
    EXPECT_EQ(secure.server().requests(), 0);  // no request goes over an unverified connection
    EXPECT_NE(status_of("secure").result.find("failing x1"), std::string::npos);
    EXPECT_EQ(status_of("plain").items, 2u);
}

TEST_F(UpstreamBehaviour, LoopbackIsRefusedWhenAllowedNetworksIsEmpty) {
    RecordingUpstream upstream;
    upstream.route("/feed.xml", [](const Request&) { return feed_reply("local", 2); });
    std::ofstream(root_ / "files" / "sample.xml") << rss_document("sample", 2);
    write_config({{"local", upstream.url("/feed.xml")},
                  {"sample", "file://" + (root_ / "files" / "sample.xml").string()}},
                 std::string("allowed_networks = []\n") + tight_fetch_limits);

    const OnceRun run = run_once();
    ASSERT_EQ(run.exit_code, 0) << run.log;
    EXPECT_NE(run.log.find("source=local result=refused_address"), std::string::npos) << run.log;
    EXPECT_NE(run.log.find("source=sample result=ok"), std::string::npos) << run.log;
    EXPECT_EQ(upstream.server().requests(), 0);
    EXPECT_EQ(status_of("sample").items, 2u);
}

}  // namespace
}  // namespace feedagg::e2e
