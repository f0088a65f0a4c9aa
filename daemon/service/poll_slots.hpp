#pragma once
// How many polls may be between their start and their stored result at once. The fetcher limits
// connections; this limits what waits behind them: documents fetched but not yet parsed and stored,
// which is where memory goes when thousands of sources are due together.

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <deque>
#include <memory>

namespace feedagg::service {

// An asynchronous counting semaphore for coroutines on one io_context thread (no locking).
class PollSlots {
public:
    PollSlots(boost::asio::io_context& io, std::size_t slots) : io_(io), free_(slots) {}

    boost::asio::awaitable<void> acquire() {
        if (free_ > 0) {
            --free_;
            co_return;
        }
        auto waiter = std::make_shared<boost::asio::steady_timer>(io_, boost::asio::steady_timer::time_point::max());
        waiting_.push_back(waiter);
        co_await waiter->async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));  // woken by release()
    }

    // Hands the slot to the longest waiter, if any.
    void release() {
        if (waiting_.empty()) {
            ++free_;
            return;
        }
        waiting_.front()->cancel();
        waiting_.pop_front();
    }

private:
    boost::asio::io_context& io_;
    std::size_t free_;
    std::deque<std::shared_ptr<boost::asio::steady_timer>> waiting_;
};

}  // namespace feedagg::service
