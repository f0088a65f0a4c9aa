#pragma once
// Internal to the page readers (page_reading.hpp): one page fetched as a value or an error
// message, work run over many items with bounded concurrency, and the store's view of which
// entries are new.

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <variant>

#include "daemon/service/page_reading.hpp"

namespace feedagg::service::detail {

// A 200 response, or why there is none ("HTTP 404", "timeout: ...").
using FetchedPage = std::variant<fetch::FetchResponse, std::string>;
boost::asio::awaitable<FetchedPage> fetch_page(const PageReading& reading, std::string url);

// Entries the store does not have yet for `source`, in their order.
boost::asio::awaitable<std::vector<feeds::Entry>> new_entries(const PageReading& reading,
                                                              const std::string& source,
                                                              std::vector<feeds::Entry> entries);

// Runs `task(i)` for i in [0, count), at most `concurrency` at a time, on the caller's executor
// (which must be single-threaded: the counters are not atomic). Returns when all are done.
template <typename Task>
boost::asio::awaitable<void> for_each_bounded(std::size_t count, std::size_t concurrency, Task task) {
    namespace asio = boost::asio;
    const auto executor = co_await asio::this_coro::executor;
    std::size_t next = 0;
    std::size_t running = 0;
    asio::steady_timer all_done(executor, asio::steady_timer::time_point::max());
    const auto work = [&]() -> asio::awaitable<void> {
        while (next < count) {
            const std::size_t index = next++;
            try {
                co_await task(index);
            } catch (const std::exception&) {
                // A task reports its own failures; this only keeps the count right.
            }
        }
        if (--running == 0) all_done.cancel();
    };
    const std::size_t workers = std::min(count, std::max<std::size_t>(concurrency, 1));
    for (std::size_t i = 0; i < workers; ++i) {
        ++running;
        asio::co_spawn(executor, work(), asio::detached);
    }
    if (workers > 0) co_await all_done.async_wait(asio::as_tuple(asio::use_awaitable));
}

}  // namespace feedagg::service::detail
