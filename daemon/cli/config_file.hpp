#pragma once
// The configuration a command works on: the file given, or the built-in one.

#include <optional>
#include <string>

#include "daemon/config/config.hpp"

namespace feedagg::cli {

// Loads `path` (the built-in configuration when empty). On errors prints each, file:line:column,
// to stderr and returns nothing.
std::optional<config::Config> load_config_or_report(const std::string& path);

}  // namespace feedagg::cli
