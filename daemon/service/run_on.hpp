#pragma once
// Running blocking work (parsing, SQLite) on another executor from a coroutine, and coming back.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <type_traits>

namespace feedagg::service {

template <typename Executor, typename Function>
boost::asio::awaitable<std::invoke_result_t<Function&>> run_on(Executor executor, Function function) {
    using Value = std::invoke_result_t<Function&>;
    co_return co_await boost::asio::co_spawn(
        executor, [&function]() -> boost::asio::awaitable<Value> { co_return function(); },
        boost::asio::use_awaitable);
}

}  // namespace feedagg::service
