#include "daemon/cli/config_file.hpp"

#include <iostream>

namespace feedagg::cli {

std::optional<config::Config> load_config_or_report(const std::string& path) {
    config::LoadedConfig loaded = path.empty() ? config::default_config() : config::load_config(path);
    for (const auto& error : loaded.errors) std::cerr << error.to_string() << '\n';
    return std::move(loaded.config);
}

}  // namespace feedagg::cli
