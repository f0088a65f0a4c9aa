#include "daemon/service/poll_slots.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

namespace feedagg::service {
namespace {

namespace asio = boost::asio;

TEST(PollSlots, NeverLetsMoreThanItsSlotsInAndServesWaitersInOrder) {
    asio::io_context io;
    PollSlots slots(io, 3);
    int inside = 0;
    int most_inside = 0;
    std::vector<int> finished;
    for (int poll = 0; poll < 10; ++poll) {
        asio::co_spawn(io, [&, poll]() -> asio::awaitable<void> {
            co_await slots.acquire();
            most_inside = std::max(most_inside, ++inside);
            asio::steady_timer work(io, std::chrono::milliseconds(5));
            co_await work.async_wait(asio::use_awaitable);
            --inside;
            finished.push_back(poll);
            slots.release();
        }, asio::detached);
    }
    io.run_for(std::chrono::seconds(10));
    EXPECT_EQ(most_inside, 3);
    EXPECT_EQ(finished.size(), 10u);
    EXPECT_EQ(finished.back(), 9);
}

}  // namespace
}  // namespace feedagg::service
