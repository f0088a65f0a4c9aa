#pragma once
// The long-running service: polls every source on its schedule, stores what it reads, and serves the
// merged feeds, until SIGTERM or SIGINT. SIGHUP reloads the configuration.

#include <filesystem>
#include <optional>
#include <string>

namespace feedagg::service {

struct RunOptions {
    std::optional<std::filesystem::path> config_path;  // nothing: the configuration built in
    bool once = false;      // poll every enabled source once, store, and exit (no server)
    std::string log_level;  // overrides [log] level when set
};

// Returns the process exit code: 0 after a clean shutdown (or a --once run), 1 when it could not
// start (a bad configuration, a store it cannot open, an address it cannot bind).
int run_daemon(const RunOptions& options);

}  // namespace feedagg::service
