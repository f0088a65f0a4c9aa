#pragma once
// Politeness: at most N fetches at once overall and M per host. A fetch over a limit waits
// asynchronously, first come first served; no thread blocks. Not thread-safe: the Fetcher runs every
// fetch on one strand.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <string>

namespace feedagg::fetch::detail {

class AsyncSemaphore {
  public:
    AsyncSemaphore(boost::asio::any_io_executor executor, std::size_t slots);

    // Resumes once a slot is held; false when the wait was cancelled (no slot held then).
    boost::asio::awaitable<bool> acquire();
    void release();

  private:
    struct Waiter {
        boost::asio::steady_timer wake;
        bool granted = false;
    };

    boost::asio::any_io_executor executor_;
    std::size_t free_;
    std::deque<Waiter*> waiters_;
};

class ConcurrencyLimits {
  public:
    ConcurrencyLimits(boost::asio::any_io_executor executor, std::size_t global, std::size_t per_host);

    // Holds one global and one per-host slot until destroyed.
    class Permit {
      public:
        Permit() = default;
        Permit(Permit&& other) noexcept;
        Permit& operator=(Permit&& other) noexcept;
        ~Permit();
        explicit operator bool() const { return limits_ != nullptr; }

      private:
        friend class ConcurrencyLimits;
        Permit(ConcurrencyLimits* limits, std::string host) : limits_(limits), host_(std::move(host)) {}
        void reset();
        ConcurrencyLimits* limits_ = nullptr;
        std::string host_;
    };

    // The host slot is taken first so fetches queued for a busy host do not hold global slots.
    // An empty Permit when the wait was cancelled.
    boost::asio::awaitable<Permit> acquire(std::string host);

  private:
    struct HostSlots {
        AsyncSemaphore slots;
        std::size_t users = 0;  // holders and waiters; the entry goes when it drops to zero
    };

    HostSlots& host_slots(const std::string& host);
    void leave_host(const std::string& host, bool held);

    boost::asio::any_io_executor executor_;
    std::size_t per_host_;
    AsyncSemaphore global_;
    std::map<std::string, std::unique_ptr<HostSlots>> hosts_;
};

}  // namespace feedagg::fetch::detail
