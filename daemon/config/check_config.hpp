#pragma once
// What `feedagg check-config FILE` does, callable without a process: the command-line file only
// registers it.

#include <filesystem>
#include <ostream>

namespace feedagg::config {

// Loads `file`; prints "FILE: ok (N sources, M channels)" to `out` and returns 0, or prints every
// error to `err`, one "file:line:column: message" per line, and returns 1.
int check_config_file(const std::filesystem::path& file, std::ostream& out, std::ostream& err);

}  // namespace feedagg::config
