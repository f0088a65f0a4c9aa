#include <iostream>
#include <memory>

#include "daemon/cli/commands.hpp"
#include "daemon/config/config.hpp"

namespace feedagg::cli {
namespace {

// "FILE: ok (N sources, M channels)" on stdout and 0, or every error on stderr, one per line, and 1.
int check_config(const std::string& file) {
    const config::LoadedConfig loaded = config::load_config(file);
    if (!loaded.config) {
        for (const auto& error : loaded.errors) std::cerr << error.to_string() << '\n';
        return 1;
    }
    std::cout << file << ": ok (" << loaded.config->sources.size() << " sources, "
              << loaded.config->channels.size() << " channels)\n";
    return 0;
}

}  // namespace

void add_check_config_command(CLI::App& app, int& exit_code) {
    auto file = std::make_shared<std::string>();
    auto* sub = app.add_subcommand("check-config", "Check a configuration file and list every error in it");
    sub->add_option("FILE", *file, "configuration file (TOML)")->required();
    sub->callback([file, &exit_code] { exit_code = check_config(*file); });
}

}  // namespace feedagg::cli
