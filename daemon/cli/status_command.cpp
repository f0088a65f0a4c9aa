#include <algorithm>
#include <iomanip>
#include <iostream>
#include <map>

#include "daemon/cli/commands.hpp"
#include "daemon/cli/config_file.hpp"
#include "daemon/config/config.hpp"
#include "daemon/store/store.hpp"
#include "feeds/dates.hpp"

namespace feedagg::cli {
namespace {

std::string time_or_dash(const std::optional<feeds::Timestamp>& time) {
    return time ? feeds::format_rfc3339(*time) : "-";
}

std::string result_of(const store::SourceState& state) {
    if (state.gone) return "gone (410)";
    if (!state.last_attempt) return "never polled";
    if (state.consecutive_failures == 0) return "ok";
    return "failing x" + std::to_string(state.consecutive_failures) + ": " + state.last_error.substr(0, 60);
}

int print_status(const std::string& path) {
    const std::optional<config::Config> loaded = load_config_or_report(path);
    if (!loaded) return 1;
    try {
        auto store = store::open_sqlite_store(loaded->store.path);
        std::map<std::string, store::SourceSummary> summaries;
        for (auto& summary : store->sources()) summaries.emplace(summary.state.name, std::move(summary));
        std::size_t name_width = 8;
        for (const auto& source : loaded->sources) name_width = std::max(name_width, source.name.size() + 2);
        const int width = static_cast<int>(name_width);
        std::cout << std::left << std::setw(width) << "SOURCE" << std::setw(22) << "LAST POLL" << std::setw(8)
                  << "ITEMS" << std::setw(22) << "NEXT POLL"
                  << "RESULT\n";
        for (const auto& source : loaded->sources) {
            const auto found = summaries.find(source.name);
            const store::SourceState state =
                found != summaries.end() ? found->second.state : store::SourceState{};
            const std::size_t items = found != summaries.end() ? found->second.item_count : 0;
            std::cout << std::setw(width) << source.name << std::setw(22) << time_or_dash(state.last_attempt)
                      << std::setw(8) << items << std::setw(22)
                      << (!source.enabled ? std::string("disabled")
                          : state.gone    ? std::string("-")
                                          : time_or_dash(state.next_poll))
                      << result_of(state) << '\n';
        }
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "feedagg: " << error.what() << '\n';
        return 1;
    }
}

}  // namespace

void add_status_command(CLI::App& app, int& exit_code) {
    auto config_path = std::make_shared<std::string>();
    auto* sub = app.add_subcommand("status", "Show each source's last poll, result, items and next poll");
    sub->add_option("--config", *config_path, "configuration file (default: the built-in configuration)")
        ->check(CLI::ExistingFile);
    sub->callback([config_path, &exit_code] { exit_code = print_status(*config_path); });
}

}  // namespace feedagg::cli
