#include "daemon/fetch/concurrency_limits.hpp"

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <utility>

namespace feedagg::fetch::detail {

namespace asio = boost::asio;

AsyncSemaphore::AsyncSemaphore(asio::any_io_executor executor, std::size_t slots)
    : executor_(std::move(executor)), free_(std::max<std::size_t>(slots, 1)) {}

asio::awaitable<bool> AsyncSemaphore::acquire() {
    if (free_ > 0 && waiters_.empty()) {
        --free_;
        co_return true;
    }
    Waiter waiter{asio::steady_timer(executor_, asio::steady_timer::time_point::max())};
    waiters_.push_back(&waiter);
    co_await waiter.wake.async_wait(asio::as_tuple(asio::use_awaitable));
    if (!waiter.granted) {
        waiters_.erase(std::find(waiters_.begin(), waiters_.end(), &waiter));
        co_return false;
    }
    co_return true;
}

void AsyncSemaphore::release() {
    if (waiters_.empty()) {
        ++free_;
        return;
    }
    // The slot passes straight to the oldest waiter.
    Waiter* next = waiters_.front();
    waiters_.pop_front();
    next->granted = true;
    next->wake.cancel();
}

ConcurrencyLimits::ConcurrencyLimits(asio::any_io_executor executor, std::size_t global, std::size_t per_host)
    : executor_(executor), per_host_(per_host), global_(executor, global) {}

ConcurrencyLimits::HostSlots& ConcurrencyLimits::host_slots(const std::string& host) {
    auto& entry = hosts_[host];
    if (!entry) entry = std::make_unique<HostSlots>(HostSlots{AsyncSemaphore(executor_, per_host_)});
    ++entry->users;
    return *entry;
}

void ConcurrencyLimits::leave_host(const std::string& host, bool held) {
    auto found = hosts_.find(host);
    if (found == hosts_.end()) return;
    if (held) found->second->slots.release();
    if (--found->second->users == 0) hosts_.erase(found);
}

asio::awaitable<ConcurrencyLimits::Permit> ConcurrencyLimits::acquire(std::string host) {
    HostSlots& slots = host_slots(host);
    if (!co_await slots.slots.acquire()) {
        leave_host(host, false);
        co_return Permit{};
    }
    if (!co_await global_.acquire()) {
        leave_host(host, true);
        co_return Permit{};
    }
    co_return Permit(this, std::move(host));
}

ConcurrencyLimits::Permit::Permit(Permit&& other) noexcept
    : limits_(std::exchange(other.limits_, nullptr)), host_(std::move(other.host_)) {}

ConcurrencyLimits::Permit& ConcurrencyLimits::Permit::operator=(Permit&& other) noexcept {
    if (this != &other) {
        reset();
        limits_ = std::exchange(other.limits_, nullptr);
        host_ = std::move(other.host_);
    }
    return *this;
}

ConcurrencyLimits::Permit::~Permit() {
    reset();
}

void ConcurrencyLimits::Permit::reset() {
    if (limits_ == nullptr) return;
    limits_->global_.release();
    limits_->leave_host(host_, true);
    limits_ = nullptr;
}

}  // namespace feedagg::fetch::detail
