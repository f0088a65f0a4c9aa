#pragma once
// What the daemon counts, and its Prometheus text exposition (format 0.0.4) for GET /metrics.

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace feedagg::service {

class Metrics {
  public:
    // One poll's outcome: "ok", "not_modified", or an error kind ("timeout", "http_404", "parse", ...).
    void record_poll(std::string_view source, std::string_view result, std::chrono::milliseconds duration,
                     std::size_t new_items, std::size_t updated_items);
    void set_items_stored(std::uint64_t count);
    void set_sources(std::size_t configured, std::size_t failing);

    std::string prometheus_text() const;

  private:
    struct SourceCounters {
        std::map<std::string, std::uint64_t, std::less<>> polls_by_result;
        std::uint64_t new_items = 0;
        std::uint64_t updated_items = 0;
        double seconds_sum = 0;
        std::uint64_t seconds_count = 0;
        std::map<double, std::uint64_t> latency_buckets;  // upper bound (seconds) -> cumulative count
    };

    mutable std::mutex mutex_;
    std::map<std::string, SourceCounters, std::less<>> sources_;
    std::uint64_t items_stored_ = 0;
    std::size_t sources_configured_ = 0;
    std::size_t sources_failing_ = 0;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace feedagg::service
