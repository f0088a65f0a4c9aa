#pragma once
// The subcommands of `feedagg`. Each registers itself on the app and, when it runs, stores its
// process exit code in `exit_code`.

#include <CLI/CLI.hpp>

namespace feedagg::cli {

// feedagg parse FILE... [--base-url URL] [--charset NAME] [--timezone TZ] [--pretty]
void add_parse_command(CLI::App& app, int& exit_code);

// feedagg convert FILE --to atom|rss|json
void add_convert_command(CLI::App& app, int& exit_code);

// feedagg check-config FILE
void add_check_config_command(CLI::App& app, int& exit_code);

// feedagg run [--config FILE] [--once] [--log-level LEVEL]
void add_run_command(CLI::App& app, int& exit_code);

// feedagg preview URL|FILE --item SEL [--title SEL --link SEL --date SEL ...]
// feedagg preview --config FILE --source NAME
void add_preview_command(CLI::App& app, int& exit_code);

// feedagg stories [--config FILE] [--channel NAME] [--limit N]
void add_stories_command(CLI::App& app, int& exit_code);

// feedagg status [--config FILE]
void add_status_command(CLI::App& app, int& exit_code);

}  // namespace feedagg::cli
