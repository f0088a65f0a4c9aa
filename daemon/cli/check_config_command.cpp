#include <iostream>
#include <memory>

#include "daemon/cli/commands.hpp"
#include "daemon/config/check_config.hpp"

namespace feedagg::cli {

void add_check_config_command(CLI::App& app, int& exit_code) {
    auto file = std::make_shared<std::string>();
    auto* sub = app.add_subcommand("check-config", "Check a configuration file and list every error in it");
    sub->add_option("FILE", *file, "configuration file (TOML)")->required();
    sub->callback([file, &exit_code] { exit_code = config::check_config_file(*file, std::cout, std::cerr); });
}

}  // namespace feedagg::cli
