#include "daemon/cli/commands.hpp"
#include "daemon/service/daemon.hpp"

namespace feedagg::cli {

void add_run_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<service::RunOptions>();
    auto config_path = std::make_shared<std::string>();
    auto* sub =
        app.add_subcommand("run", "Poll the sources, store what they publish and serve the merged feeds");
    sub->add_option("--config", *config_path, "configuration file (default: the built-in configuration)")
        ->check(CLI::ExistingFile);
    sub->add_flag("--once", options->once, "poll every enabled source once, store the results and exit");
    sub->add_option("--log-level", options->log_level, "trace, debug, info, warn, error, critical or off")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));
    sub->callback([options, config_path, &exit_code] {
        if (!config_path->empty()) options->config_path = *config_path;
        exit_code = service::run_daemon(*options);
    });
}

}  // namespace feedagg::cli
