#include <gtest/gtest.h>

#include "daemon/config/config.hpp"

namespace feedagg::config {
namespace {

using namespace std::chrono_literals;

TEST(Duration, ReadsEachUnit) {
    EXPECT_EQ(parse_duration("90s"), 90s);
    EXPECT_EQ(parse_duration("15m"), 15min);
    EXPECT_EQ(parse_duration("2h"), 2h);
    EXPECT_EQ(parse_duration("2d"), 48h);
}

TEST(Duration, ReadsCombinationsLargestUnitFirst) {
    EXPECT_EQ(parse_duration("1h30m"), 90min);
    EXPECT_EQ(parse_duration("1d2h3m4s"), 24h + 2h + 3min + 4s);
    EXPECT_EQ(parse_duration("0s"), 0s);
}

TEST(Duration, RefusesNumbersWithoutUnit) {
    EXPECT_EQ(parse_duration("5"), std::nullopt);
    EXPECT_EQ(parse_duration("1h30"), std::nullopt);
}

TEST(Duration, RefusesUnitsOutOfOrderOrRepeated) {
    EXPECT_EQ(parse_duration("30m1h"), std::nullopt);
    EXPECT_EQ(parse_duration("1h1h"), std::nullopt);
}

TEST(Duration, RefusesOtherText) {
    for (const char* text :
         {"", "m", "15 m", " 15m", "15m ", "-5m", "+5m", "1.5h", "15min", "15M", "1w", "ms"}) {
        EXPECT_EQ(parse_duration(text), std::nullopt) << text;
    }
}

TEST(Duration, RefusesHugeNumbersWithoutOverflow) {
    EXPECT_EQ(parse_duration("99999999999999999999999999s"), std::nullopt);
    EXPECT_EQ(parse_duration("9223372036854775807d"), std::nullopt);
    EXPECT_EQ(parse_duration("36500d"), 36500 * 24h);
    EXPECT_EQ(parse_duration("36501d"), std::nullopt);
}

TEST(Duration, SurvivesLongInput) {
    EXPECT_EQ(parse_duration(std::string(1 << 20, '1')), std::nullopt);
    EXPECT_EQ(parse_duration(std::string(1 << 20, 'h')), std::nullopt);
}

}  // namespace
}  // namespace feedagg::config
