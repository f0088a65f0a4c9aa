#include "feeds/model.hpp"

#include <gtest/gtest.h>

namespace feedagg::feeds {

TEST(Model, FormatNamesFollowTheCliContract) {
    EXPECT_EQ(format_name(Format::rss090), "rss090");
    EXPECT_EQ(format_name(Format::rss10), "rss10");
    EXPECT_EQ(format_name(Format::atom03), "atom03");
    EXPECT_EQ(format_name(Format::jsonfeed11), "jsonfeed11");
}

}  // namespace feedagg::feeds
