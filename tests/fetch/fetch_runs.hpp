#pragma once
// Running fetches against the test server and reading their results, for the fetcher tests.

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <optional>
#include <stdexcept>
#include <vector>

#include "daemon/fetch/fetcher.hpp"
#include "tests/fetch/test_server.hpp"

namespace feedagg::fetch::testing {

using namespace std::chrono_literals;

inline config::FetchSettings test_settings() {
    config::FetchSettings settings;
    settings.user_agent = "feedagg-test/1";
    settings.connect_timeout = 2s;
    settings.read_timeout = 2s;
    settings.total_timeout = 5s;
    settings.max_body_bytes = 1 << 20;
    settings.max_redirects = 3;
    settings.allowed_networks = {{"127.0.0.0/8"}, {"::1/128"}};
    return settings;
}

// Runs the fetches in parallel on one io_context; every result, in order.
inline std::vector<FetchResult> fetch_all(const config::FetchSettings& settings,
                                          const std::vector<FetchRequest>& requests) {
    boost::asio::io_context io;
    Fetcher fetcher(io.get_executor(), settings);
    std::vector<std::optional<FetchResult>> results(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
        boost::asio::co_spawn(io, fetcher.fetch(requests[i]),
                              [&results, i](std::exception_ptr error, FetchResult result) {
                                  if (error) std::rethrow_exception(error);
                                  results[i] = std::move(result);
                              });
    }
    io.run_for(30s);
    std::vector<FetchResult> done;
    for (auto& result : results) {
        if (!result) throw std::runtime_error("a fetch did not finish within 30 s");
        done.push_back(std::move(*result));
    }
    return done;
}

inline FetchResult fetch_one(const config::FetchSettings& settings, FetchRequest request) {
    return fetch_all(settings, {std::move(request)}).front();
}

inline FetchResponse response(const FetchResult& result) {
    if (auto* error = std::get_if<FetchError>(&result)) {
        throw std::runtime_error("expected a response, got " + std::string(to_string(error->kind)) + ": " +
                                 error->message);
    }
    return std::get<FetchResponse>(result);
}

inline FetchError error(const FetchResult& result) {
    if (auto* failure = std::get_if<FetchError>(&result)) return *failure;
    throw std::runtime_error("expected an error, got status " +
                             std::to_string(std::get<FetchResponse>(result).status));
}

inline Reply fixed(int status, std::string body,
                   std::vector<std::pair<std::string, std::string>> headers = {}) {
    Reply reply;
    reply.status = status;
    reply.body = std::move(body);
    reply.headers = std::move(headers);
    return reply;
}

inline Reply redirect(int status, std::string location) {
    return fixed(status, "", {{"Location", std::move(location)}});
}

// Runs the fetches one after another on one Fetcher, `pause` apart, so that each may reuse what the
// last one left.
inline std::vector<FetchResult> fetch_in_turn(const config::FetchSettings& settings,
                                              const std::vector<FetchRequest>& requests,
                                              std::chrono::milliseconds pause = 0ms) {
    boost::asio::io_context io;
    Fetcher fetcher(io.get_executor(), settings);
    std::vector<FetchResult> results;
    boost::asio::co_spawn(
        io,
        [&]() -> boost::asio::awaitable<void> {
            boost::asio::steady_timer timer(io);
            for (const auto& request : requests) {
                if (!results.empty() && pause.count() > 0) {
                    timer.expires_after(pause);
                    co_await timer.async_wait(boost::asio::use_awaitable);
                }
                results.push_back(co_await fetcher.fetch(request));
            }
            co_await fetcher.close_idle_connections();
        },
        [](std::exception_ptr error) {
            if (error) std::rethrow_exception(error);
        });
    io.run_for(30s);
    if (results.size() != requests.size()) throw std::runtime_error("the fetches did not finish within 30 s");
    return results;
}

}  // namespace feedagg::fetch::testing
