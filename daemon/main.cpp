// feedagg: one executable, one subcommand per job. Each subcommand lives in daemon/cli/.
#include <CLI/CLI.hpp>

#include "daemon/cli/commands.hpp"

int main(int argc, char** argv) {
    CLI::App app{"feedagg: feed aggregation and syndication daemon"};
    app.set_version_flag("--version", FEEDAGG_VERSION);
    app.require_subcommand(1);

    int exit_code = 0;
    feedagg::cli::add_parse_command(app, exit_code);
    feedagg::cli::add_convert_command(app, exit_code);
    feedagg::cli::add_check_config_command(app, exit_code);
    feedagg::cli::add_run_command(app, exit_code);
    feedagg::cli::add_status_command(app, exit_code);
    feedagg::cli::add_preview_command(app, exit_code);
    feedagg::cli::add_stories_command(app, exit_code);

    CLI11_PARSE(app, argc, argv);
    return exit_code;
}
