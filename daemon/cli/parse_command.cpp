#include <boost/json/serialize.hpp>
#include <iostream>

#include "daemon/cli/commands.hpp"
#include "daemon/cli/input_file.hpp"
#include "daemon/cli/pretty_json.hpp"
#include "feeds/report_json.hpp"

namespace feedagg::cli {
namespace {

struct ParseCommand {
    std::vector<std::string> files;
    feeds::ParseOptions options;
    bool pretty = false;

    // One JSON object per file on stdout; exit 1 when any file yielded nothing.
    int run() const {
        int exit_code = 0;
        for (const auto& path : files) {
            auto parsed = parse_input_file(path, options);
            if (!parsed) {
                exit_code = 1;
                continue;
            }
            const boost::json::value report = feeds::to_report_json(*parsed);
            std::cout << (pretty ? pretty_json(report) : boost::json::serialize(report)) << '\n';
        }
        return exit_code;
    }
};

}  // namespace

void add_parse_command(CLI::App& app, int& exit_code) {
    auto command = std::make_shared<ParseCommand>();
    auto* sub = app.add_subcommand("parse", "Parse feed files and print each as one JSON object per line");
    sub->add_option("FILE", command->files, "feed files (RSS, Atom, JSON Feed)")
        ->required()
        ->check(CLI::ExistingFile);
    add_parse_options(*sub, command->options);
    sub->add_flag("--pretty", command->pretty, "indent the JSON");
    sub->callback([command, &exit_code] { exit_code = command->run(); });
}

}  // namespace feedagg::cli
