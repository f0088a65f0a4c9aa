#include <iostream>

#include "daemon/cli/commands.hpp"
#include "daemon/cli/input_file.hpp"
#include "feeds/writers.hpp"

namespace feedagg::cli {
namespace {

enum class OutputFormat { atom, rss, json };

struct ConvertCommand {
    std::string file;
    OutputFormat to = OutputFormat::atom;
    feeds::ParseOptions options;

    int run() const {
        auto parsed = parse_input_file(file, options);
        if (!parsed) return 1;
        for (const auto& warning : parsed->warnings)
            std::cerr << "feedagg: " << file << ": warning: " << warning << '\n';
        switch (to) {
            case OutputFormat::atom: std::cout << feeds::write_atom(parsed->feed); break;
            case OutputFormat::rss: std::cout << feeds::write_rss(parsed->feed); break;
            case OutputFormat::json: std::cout << feeds::write_json_feed(parsed->feed); break;
        }
        return 0;
    }
};

}  // namespace

void add_convert_command(CLI::App& app, int& exit_code) {
    auto command = std::make_shared<ConvertCommand>();
    auto* sub =
        app.add_subcommand("convert", "Read a feed file and write it as Atom 1.0, RSS 2.0 or JSON Feed 1.1");
    sub->add_option("FILE", command->file, "feed file (RSS, Atom, JSON Feed)")
        ->required()
        ->check(CLI::ExistingFile);
    const std::map<std::string, OutputFormat> formats{
        {"atom", OutputFormat::atom}, {"rss", OutputFormat::rss}, {"json", OutputFormat::json}};
    sub->add_option("--to", command->to, "output format")
        ->required()
        ->transform(CLI::CheckedTransformer(formats));
    add_parse_options(*sub, command->options);
    sub->callback([command, &exit_code] { exit_code = command->run(); });
}

}  // namespace feedagg::cli
