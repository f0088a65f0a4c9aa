#include "daemon/service/poll_result.hpp"

#include <gtest/gtest.h>

namespace feedagg::service {
namespace {

using namespace std::chrono_literals;

const feeds::Timestamp now{std::chrono::seconds(1'700'000'000)};

config::Source source() {
    config::Source result;
    result.name = "daily";
    result.url = "https://daily.example.cn/rss";
    result.interval = 30min;
    result.timezone = "Asia/Shanghai";
    return result;
}

fetch::FetchResponse response(int status, std::string body = {}) {
    fetch::FetchResponse result;
    result.status = status;
    result.body = std::move(body);
    result.final_url = "https://daily.example.cn/rss";
    return result;
}

PollResult poll(const fetch::FetchResult& fetched, store::SourceState state = {}) {
    std::mt19937_64 random(1);
    if (state.name.empty()) state = poll_start_state(source(), std::nullopt);
    return finish_poll(source(), std::move(state), fetched, now, random);
}

const std::string rss =
    R"(<rss version="2.0"><channel><title>Workers' Daily</title><link>https://daily.example.cn/</link>
<ttl>120</ttl><item><title>One</title><link>/a/1.html</link><pubDate>2024-01-02 10:00</pubDate></item></channel></rss>)";

TEST(PollResult, ReadsADocumentAndRemembersItsValidators) {
    auto fetched = response(200, rss);
    fetched.etag = "\"v1\"";
    fetched.last_modified = "Tue, 02 Jan 2024 02:00:00 GMT";
    const PollResult result = poll(fetched);
    EXPECT_EQ(result.result, "ok");
    EXPECT_FALSE(result.failed);
    ASSERT_EQ(result.outcome.entries.size(), 1u);
    EXPECT_EQ(result.outcome.entries[0].link, "https://daily.example.cn/a/1.html");
    EXPECT_EQ(result.outcome.entries[0].published,
              feeds::Timestamp(std::chrono::seconds(1'704'160'800)));  // Shanghai
    const auto& state = result.outcome.state;
    EXPECT_EQ(state.etag, "\"v1\"");
    EXPECT_EQ(state.last_modified, "Tue, 02 Jan 2024 02:00:00 GMT");
    EXPECT_EQ(state.feed_title, "Workers' Daily");
    EXPECT_EQ(state.last_success, now);
    EXPECT_GE(*state.next_poll, now + 108min);  // the feed's ttl (120 min) outranks the 30 min interval
}

TEST(PollResult, NotModifiedIsASuccessWithNoEntries) {
    const PollResult result = poll(response(304));
    EXPECT_EQ(result.result, "not_modified");
    EXPECT_TRUE(result.outcome.entries.empty());
    EXPECT_EQ(result.outcome.state.consecutive_failures, 0);
}

TEST(PollResult, FailuresCountUpAndBackOff) {
    store::SourceState state = poll_start_state(source(), std::nullopt);
    state.consecutive_failures = 3;
    const PollResult result =
        poll(fetch::FetchError{fetch::FetchErrorKind::timeout, "read timed out after 30s"}, state);
    EXPECT_TRUE(result.failed);
    EXPECT_EQ(result.result, "timeout");
    EXPECT_EQ(result.outcome.state.consecutive_failures, 4);
    EXPECT_EQ(result.outcome.state.last_error, "read timed out after 30s");
    EXPECT_GE(*result.outcome.state.next_poll, now + 120min);  // 30 min * 2^3, upper half
}

TEST(PollResult, AnUnreadableDocumentIsAFailure) {
    const PollResult result = poll(response(200, "<html><body>maintenance</body></html>"));
    EXPECT_TRUE(result.failed);
    EXPECT_EQ(result.result, "parse");
    EXPECT_NE(result.outcome.state.last_error.find("not a feed"), std::string::npos);
}

TEST(PollResult, GoneDisablesTheSource) {
    const PollResult result = poll(response(410));
    EXPECT_TRUE(result.outcome.state.gone);
    EXPECT_EQ(result.result, "gone");
}

TEST(PollResult, RetryAfterDelaysTheNextPoll) {
    auto fetched = response(429);
    fetched.retry_after = 6h;
    const PollResult result = poll(fetched);
    EXPECT_EQ(result.result, "http_429");
    EXPECT_GE(*result.outcome.state.next_poll, now + 6h);
}

TEST(PollResult, FollowsAPermanentRedirectSeenOnConsecutivePolls) {
    auto fetched = response(304);
    fetched.permanent_redirect = "https://www.daily.example.cn/rss";
    const PollResult first = poll(fetched);
    EXPECT_EQ(first.outcome.state.url, "https://daily.example.cn/rss");
    EXPECT_EQ(first.outcome.state.redirect_streak, 1);
    const PollResult second = poll(fetched, first.outcome.state);
    EXPECT_EQ(second.outcome.state.url, "https://www.daily.example.cn/rss");
    EXPECT_EQ(second.outcome.state.configured_url, "https://daily.example.cn/rss");
    // ... and keeps following it after a restart, while the configuration is unchanged.
    EXPECT_EQ(poll_start_state(source(), second.outcome.state).url, "https://www.daily.example.cn/rss");
}

TEST(PollResult, ATemporaryRedirectBreaksTheStreak) {
    auto moved = response(304);
    moved.permanent_redirect = "https://www.daily.example.cn/rss";
    const PollResult first = poll(moved);
    const PollResult second = poll(response(304), first.outcome.state);
    EXPECT_EQ(second.outcome.state.redirect_streak, 0);
    EXPECT_EQ(second.outcome.state.url, "https://daily.example.cn/rss");
}

TEST(PollResult, AChangedConfiguredUrlStartsTheSourceOver) {
    store::SourceState stored = poll_start_state(source(), std::nullopt);
    stored.gone = true;
    stored.etag = "\"old\"";
    stored.configured_url = "https://old.example.cn/rss";
    const auto state = poll_start_state(source(), stored);
    EXPECT_FALSE(state.gone);
    EXPECT_EQ(state.etag, "");
    EXPECT_EQ(state.url, "https://daily.example.cn/rss");
}

}  // namespace
}  // namespace feedagg::service
