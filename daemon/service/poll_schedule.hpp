#pragma once
// When to poll a source next: its interval with jitter, backed off after failures, and never sooner
// than the upstream asked (Retry-After, Cache-Control max-age / Expires, RSS ttl).

#include <chrono>
#include <optional>
#include <random>

#include "feeds/model.hpp"

namespace feedagg::service {

using feeds::Timestamp;

struct PollTiming {
    std::chrono::seconds interval;                      // the source's configured interval
    int consecutive_failures = 0;                       // after this poll
    std::optional<std::chrono::seconds> retry_after{};  // 429/503 Retry-After
    std::optional<std::chrono::seconds> max_age{};      // Cache-Control max-age or Expires
    std::optional<std::chrono::minutes> ttl{};          // the feed's own RSS ttl
};

// Longest wait after failures, however many: a broken source is still retried twice a day.
inline constexpr std::chrono::seconds max_backoff = std::chrono::hours(12);

// The next poll time. Success: the interval with +-10 % jitter so sources configured alike spread
// out, but never sooner than max-age or ttl (each capped at a day). Failure: interval * 2^(failures-1) capped
// at max_backoff, with full jitter over its upper half. Retry-After is a floor in both cases.
Timestamp next_poll_time(const PollTiming& timing, Timestamp now, std::mt19937_64& random);

// A first poll soon after start, spread over `spread` so a restart does not poll every source at once.
Timestamp first_poll_time(Timestamp now, std::chrono::seconds spread, std::mt19937_64& random);

}  // namespace feedagg::service
