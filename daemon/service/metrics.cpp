#include "daemon/service/metrics.hpp"

#include <array>
#include <cstdio>

namespace feedagg::service {
namespace {

constexpr std::array<double, 8> latency_bounds{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

// Prometheus label values escape backslash, double quote and newline.
std::string label(std::string_view value) {
    std::string escaped;
    for (char c : value) {
        if (c == '\\' || c == '"') escaped += '\\';
        if (c == '\n') {
            escaped += "\\n";
            continue;
        }
        escaped += c;
    }
    return escaped;
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

}  // namespace

void Metrics::record_poll(std::string_view source, std::string_view result,
                          std::chrono::milliseconds duration, std::size_t new_items,
                          std::size_t updated_items) {
    const std::lock_guard lock(mutex_);
    auto& counters = sources_[std::string(source)];
    ++counters.polls_by_result[std::string(result)];
    counters.new_items += new_items;
    counters.updated_items += updated_items;
    const double seconds = std::chrono::duration<double>(duration).count();
    counters.seconds_sum += seconds;
    ++counters.seconds_count;
    for (double bound : latency_bounds) {
        if (seconds <= bound) ++counters.latency_buckets[bound];
    }
}

void Metrics::set_items_stored(std::uint64_t count) {
    const std::lock_guard lock(mutex_);
    items_stored_ = count;
}

void Metrics::set_sources(std::size_t configured, std::size_t failing) {
    const std::lock_guard lock(mutex_);
    sources_configured_ = configured;
    sources_failing_ = failing;
}

std::string Metrics::prometheus_text() const {
    const std::lock_guard lock(mutex_);
    std::string out;
    header(out, "feedagg_polls_total", "counter", "Polls by source and result.");
    for (const auto& [source, counters] : sources_) {
        for (const auto& [result, count] : counters.polls_by_result) {
            out += "feedagg_polls_total{source=\"" + label(source) + "\",result=\"" + label(result) + "\"} " +
                   std::to_string(count) + "\n";
        }
    }
    header(out, "feedagg_items_new_total", "counter", "Items seen for the first time, by source.");
    for (const auto& [source, counters] : sources_) {
        out += "feedagg_items_new_total{source=\"" + label(source) + "\"} " +
               std::to_string(counters.new_items) + "\n";
    }
    header(out, "feedagg_items_updated_total", "counter", "Stored items changed by a later poll, by source.");
    for (const auto& [source, counters] : sources_) {
        out += "feedagg_items_updated_total{source=\"" + label(source) + "\"} " +
               std::to_string(counters.updated_items) + "\n";
    }
    header(out, "feedagg_poll_duration_seconds", "histogram",
           "Time from request to stored result, by source.");
    for (const auto& [source, counters] : sources_) {
        const std::string name = label(source);
        for (double bound : latency_bounds) {
            const auto bucket = counters.latency_buckets.find(bound);
            out += "feedagg_poll_duration_seconds_bucket{source=\"" + name + "\",le=\"" + number(bound) +
                   "\"} " + std::to_string(bucket == counters.latency_buckets.end() ? 0 : bucket->second) +
                   "\n";
        }
        out += "feedagg_poll_duration_seconds_bucket{source=\"" + name + "\",le=\"+Inf\"} " +
               std::to_string(counters.seconds_count) + "\n";
        out += "feedagg_poll_duration_seconds_sum{source=\"" + name + "\"} " + number(counters.seconds_sum) +
               "\n";
        out += "feedagg_poll_duration_seconds_count{source=\"" + name + "\"} " +
               std::to_string(counters.seconds_count) + "\n";
    }
    header(out, "feedagg_items_stored", "gauge", "Items in the store.");
    out += "feedagg_items_stored " + std::to_string(items_stored_) + "\n";
    header(out, "feedagg_sources", "gauge", "Configured sources, and those whose last poll failed.");
    out += "feedagg_sources{state=\"configured\"} " + std::to_string(sources_configured_) + "\n";
    out += "feedagg_sources{state=\"failing\"} " + std::to_string(sources_failing_) + "\n";
    header(out, "feedagg_uptime_seconds", "gauge", "Seconds since the daemon started.");
    out += "feedagg_uptime_seconds " +
           number(std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count()) + "\n";
    return out;
}

}  // namespace feedagg::service
