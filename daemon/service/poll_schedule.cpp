#include "daemon/service/poll_schedule.hpp"

#include <algorithm>

namespace feedagg::service {
namespace {

using std::chrono::seconds;

// Upstream hints may raise the interval, but a typo upstream ("max-age=31536000") must not stop
// polling for a year.
constexpr seconds max_hint = std::chrono::hours(24);

seconds uniform(seconds low, seconds high, std::mt19937_64& random) {
    if (high <= low) return low;
    std::uniform_int_distribution<std::int64_t> pick(low.count(), high.count());
    return seconds(pick(random));
}

// The interval +-10 %; upstream hints are lower bounds, so past them the jitter only adds.
seconds success_delay(const PollTiming& timing, std::mt19937_64& random) {
    const seconds jitter = timing.interval / 10;
    seconds delay = uniform(timing.interval - jitter, timing.interval + jitter, random);
    seconds floor{0};
    if (timing.max_age) floor = std::max(floor, std::min(*timing.max_age, max_hint));
    if (timing.ttl) floor = std::max(floor, std::min<seconds>(*timing.ttl, max_hint));
    if (floor > delay) delay = floor + uniform(seconds(0), floor / 10, random);
    return delay;
}

seconds failure_delay(const PollTiming& timing, std::mt19937_64& random) {
    const int doublings = std::clamp(timing.consecutive_failures - 1, 0, 30);
    seconds delay = timing.interval;
    for (int i = 0; i < doublings && delay < max_backoff; ++i) delay *= 2;
    delay = std::min(delay, max_backoff);
    return uniform(delay / 2, delay, random);
}

}  // namespace

Timestamp next_poll_time(const PollTiming& timing, Timestamp now, std::mt19937_64& random) {
    seconds delay =
        timing.consecutive_failures > 0 ? failure_delay(timing, random) : success_delay(timing, random);
    if (timing.retry_after) delay = std::max(delay, std::min(*timing.retry_after, max_hint));
    return now + std::max(delay, seconds(1));
}

Timestamp first_poll_time(Timestamp now, seconds spread, std::mt19937_64& random) {
    return now + uniform(seconds(0), spread, random);
}

}  // namespace feedagg::service
