#include "daemon/service/poll_schedule.hpp"

#include <gtest/gtest.h>

#include <set>

namespace feedagg::service {
namespace {

using namespace std::chrono_literals;

const Timestamp now{std::chrono::seconds(1'700'000'000)};

std::chrono::seconds delay_of(const PollTiming& timing, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    return std::chrono::duration_cast<std::chrono::seconds>(next_poll_time(timing, now, random) - now);
}

TEST(PollSchedule, SuccessWaitsTheIntervalWithinTenPercent) {
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        const auto delay = delay_of({.interval = 30min}, seed);
        EXPECT_GE(delay, 27min);
        EXPECT_LE(delay, 33min);
    }
}

TEST(PollSchedule, JitterSpreadsSourcesConfiguredAlike) {
    std::set<std::int64_t> delays;
    for (std::uint64_t seed = 0; seed < 50; ++seed)
        delays.insert(delay_of({.interval = 30min}, seed).count());
    EXPECT_GT(delays.size(), 40u);
}

TEST(PollSchedule, MaxAgeAndTtlAreLowerBoundsWhateverTheJitter) {
    for (std::uint64_t seed = 0; seed < 500; ++seed) {
        EXPECT_GE(delay_of({.interval = 30min, .max_age = 2h}, seed), 2h);
        EXPECT_GE(delay_of({.interval = 30min, .ttl = std::chrono::minutes(120)}, seed), 2h);
        EXPECT_LE(delay_of({.interval = 30min, .max_age = 2h}, seed), 2h + 12min);
    }
}

TEST(PollSchedule, MaxAgeAndTtlRaiseTheIntervalButNotPastADay) {
    EXPECT_GE(delay_of({.interval = 10min, .max_age = 2h}, 1), 108min);
    EXPECT_GE(delay_of({.interval = 10min, .ttl = std::chrono::minutes(90)}, 1), 81min);
    EXPECT_LE(delay_of({.interval = 10min, .max_age = std::chrono::seconds(31'536'000)}, 1), 26h + 24min);
    EXPECT_LE(delay_of({.interval = 2h, .max_age = 1min}, 1), 2h + 12min);  // a lower hint never shortens
    EXPECT_GE(delay_of({.interval = 2h, .max_age = 1min}, 1), 2h - 12min);
}

TEST(PollSchedule, FailuresBackOffExponentiallyUpToTwelveHours) {
    std::chrono::seconds previous_ceiling = 0s;
    for (int failures = 1; failures <= 8; ++failures) {
        const auto ceiling = std::min<std::chrono::seconds>(15min * (1 << (failures - 1)), max_backoff);
        for (std::uint64_t seed = 0; seed < 50; ++seed) {
            const auto delay = delay_of({.interval = 15min, .consecutive_failures = failures}, seed);
            EXPECT_LE(delay, ceiling);
            EXPECT_GE(delay, ceiling / 2);
        }
        EXPECT_GE(ceiling, previous_ceiling);
        previous_ceiling = ceiling;
    }
    EXPECT_LE(delay_of({.interval = 15min, .consecutive_failures = 1000}, 3), max_backoff);
}

TEST(PollSchedule, RetryAfterIsAFloorForSuccessAndFailure) {
    EXPECT_GE(delay_of({.interval = 1min, .consecutive_failures = 1, .retry_after = 3h}, 1), 3h);
    EXPECT_GE(delay_of({.interval = 1min, .retry_after = 90min}, 1), 90min);
    EXPECT_LE(delay_of({.interval = 1min, .retry_after = std::chrono::seconds(10'000'000)}, 1), 24h);
}

TEST(PollSchedule, FirstPollsSpreadOverTheGivenTime) {
    std::mt19937_64 random(7);
    for (int i = 0; i < 100; ++i) {
        const auto at = first_poll_time(now, 60s, random);
        EXPECT_GE(at, now);
        EXPECT_LE(at, now + 60s);
    }
}

}  // namespace
}  // namespace feedagg::service
