// Remembering web pages that offered no feed, so that discovery is not repeated at every poll.
#include "daemon/service/feedless_pages.hpp"

#include <gtest/gtest.h>

namespace feedagg::service {
namespace {

using namespace std::chrono_literals;

const FeedlessPages::Clock::time_point start{};
const std::string page = "https://www.example.cn/news/";

TEST(FeedlessPages, APageThatOfferedNoFeedIsNotLookedAtAgainUntilTheWaitIsOver) {
    FeedlessPages pages(24h);
    EXPECT_FALSE(pages.recently_feedless(page, start));
    pages.offered_no_feed(page, start);
    EXPECT_TRUE(pages.recently_feedless(page, start + 1h));
    EXPECT_TRUE(pages.recently_feedless(page, start + 23h + 59min));
    EXPECT_FALSE(pages.recently_feedless(page, start + 24h));
    EXPECT_FALSE(pages.recently_feedless("https://www.example.cn/other/", start + 1h));
}

TEST(FeedlessPages, APageThatOffersAFeedIsForgotten) {
    FeedlessPages pages(24h);
    pages.offered_no_feed(page, start);
    pages.offered_a_feed(page);
    EXPECT_FALSE(pages.recently_feedless(page, start + 1h));
}

TEST(FeedlessPages, LookingAgainAndFindingNothingStartsANewWait) {
    FeedlessPages pages(24h);
    pages.offered_no_feed(page, start);
    pages.offered_no_feed(page, start + 25h);
    EXPECT_TRUE(pages.recently_feedless(page, start + 48h));
    EXPECT_FALSE(pages.recently_feedless(page, start + 49h));
}

}  // namespace
}  // namespace feedagg::service
