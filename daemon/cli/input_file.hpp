#pragma once
// Reading a feed file named on the command line, and the parse options every such command shares.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "feeds/parse.hpp"
#include "feeds/result.hpp"

namespace feedagg::cli {

// Adds --base-url, --charset and --timezone to `command`, storing them in `options`.
void add_parse_options(CLI::App& command, feeds::ParseOptions& options);

// The whole file, or an Error naming it and saying why it could not be read.
feeds::Result<std::string> read_input_file(const std::string& path);

// Reads and parses one file; on failure prints "feedagg: PATH: why" on stderr and returns nothing.
std::optional<feeds::ParsedFeed> parse_input_file(const std::string& path,
                                                  const feeds::ParseOptions& options);

}  // namespace feedagg::cli
