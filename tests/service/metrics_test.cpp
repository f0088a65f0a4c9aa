#include "daemon/service/metrics.hpp"

#include <gtest/gtest.h>

namespace feedagg::service {
namespace {

using namespace std::chrono_literals;

TEST(Metrics, CountsPollsByResultAndItemsBySource) {
    Metrics metrics;
    metrics.record_poll("daily", "ok", 120ms, 3, 1);
    metrics.record_poll("daily", "ok", 80ms, 0, 0);
    metrics.record_poll("daily", "timeout", 10s, 0, 0);
    metrics.set_items_stored(42);
    metrics.set_sources(5, 1);
    const std::string text = metrics.prometheus_text();
    EXPECT_NE(text.find("feedagg_polls_total{source=\"daily\",result=\"ok\"} 2\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("feedagg_polls_total{source=\"daily\",result=\"timeout\"} 1\n"), std::string::npos);
    EXPECT_NE(text.find("feedagg_items_new_total{source=\"daily\"} 3\n"), std::string::npos);
    EXPECT_NE(text.find("feedagg_items_updated_total{source=\"daily\"} 1\n"), std::string::npos);
    EXPECT_NE(text.find("feedagg_poll_duration_seconds_bucket{source=\"daily\",le=\"0.1\"} 1\n"),
              std::string::npos);
    EXPECT_NE(text.find("feedagg_poll_duration_seconds_bucket{source=\"daily\",le=\"0.25\"} 2\n"),
              std::string::npos);
    EXPECT_NE(text.find("feedagg_poll_duration_seconds_bucket{source=\"daily\",le=\"+Inf\"} 3\n"),
              std::string::npos);
    EXPECT_NE(text.find("feedagg_poll_duration_seconds_count{source=\"daily\"} 3\n"), std::string::npos);
    EXPECT_NE(text.find("feedagg_items_stored 42\n"), std::string::npos);
    EXPECT_NE(text.find("feedagg_sources{state=\"failing\"} 1\n"), std::string::npos);
}

TEST(Metrics, EscapesLabelValues) {
    Metrics metrics;
    metrics.record_poll("we\"ird\\name", "ok", 1ms, 0, 0);
    EXPECT_NE(metrics.prometheus_text().find("source=\"we\\\"ird\\\\name\""), std::string::npos);
}

}  // namespace
}  // namespace feedagg::service
