#pragma once
// Telling systemd how the service is doing (sd_notify): a no-op when not started by systemd.

#include <chrono>
#include <optional>
#include <string_view>

namespace feedagg::service {

void notify_ready();
void notify_reloading();
void notify_stopping();
void notify_status(std::string_view status);
void notify_watchdog();

// How often to ping the watchdog (half of WatchdogSec), when systemd asked for pings.
std::optional<std::chrono::microseconds> watchdog_interval();

}  // namespace feedagg::service
