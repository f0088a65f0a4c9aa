// feedagg stories: the stories that merged items from several sources, with each member, how it
// joined (link, title or text) and the score, so an operator can see why.

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>

#include "daemon/cli/commands.hpp"
#include "daemon/cli/config_file.hpp"
#include "daemon/config/config.hpp"
#include "daemon/store/store.hpp"
#include "feeds/dates.hpp"

namespace feedagg::cli {
namespace {

struct StoriesOptions {
    std::string config_path;
    std::string channel;
    std::size_t limit = 20;
};

// The sources a channel draws from, by name or tag; every source when `channel` is empty.
std::optional<std::set<std::string>> channel_sources(const config::Config& config,
                                                     const std::string& channel) {
    std::set<std::string> names;
    if (channel.empty()) {
        for (const auto& source : config.sources) names.insert(source.name);
        return names;
    }
    const auto found = std::find_if(config.channels.begin(), config.channels.end(),
                                    [&](const config::Channel& c) { return c.name == channel; });
    if (found == config.channels.end()) return std::nullopt;
    names.insert(found->sources.begin(), found->sources.end());
    for (const auto& source : config.sources) {
        for (const auto& tag : source.tags) {
            if (std::find(found->tags.begin(), found->tags.end(), tag) != found->tags.end())
                names.insert(source.name);
        }
    }
    return names;
}

void print_story(const std::vector<store::StoredItem>& members) {
    std::cout << "story " << members.front().story << ": " << members.size() << " items\n";
    std::size_t source_width = 0;
    for (const store::StoredItem& item : members)
        source_width = std::max(source_width, item.source.size() + 2);
    for (const store::StoredItem& item : members) {
        const std::string how = item.story_reason.empty() ? "first" : item.story_reason;
        std::ostringstream score;
        if (!item.story_reason.empty()) score << std::fixed << std::setprecision(2) << item.story_score;
        std::cout << "  " << std::left << std::setw(6) << how << std::setw(6) << score.str()
                  << std::setw(static_cast<int>(source_width)) << item.source
                  << feeds::format_rfc3339(item.first_seen) << "  " << item.entry.title << "\n"
                  << std::string(14 + source_width, ' ') << item.entry.link << '\n';
    }
}

int list_stories(const StoriesOptions& options) {
    const std::optional<config::Config> loaded = load_config_or_report(options.config_path);
    if (!loaded) return 1;
    const auto sources = channel_sources(*loaded, options.channel);
    if (!sources) {
        std::cerr << "feedagg stories: no channel named \"" << options.channel << "\"\n";
        return 1;
    }
    try {
        auto store = store::open_sqlite_store(loaded->store.path);
        // Stories of other channels' sources are read and skipped: ask for more than will be shown.
        const std::vector<store::StoredItem> members = store->merged_stories(options.limit * 4);
        std::size_t shown = 0;
        for (std::size_t at = 0; at < members.size() && shown < options.limit;) {
            std::size_t end = at;
            std::vector<store::StoredItem> story;
            while (end < members.size() && members[end].story == members[at].story) {
                if (sources->contains(members[end].source)) story.push_back(members[end]);
                ++end;
            }
            at = end;
            if (story.size() < 2) continue;
            print_story(story);
            ++shown;
        }
        if (shown == 0) std::cout << "no story has items from more than one source yet\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "feedagg: " << error.what() << '\n';
        return 1;
    }
}

}  // namespace

void add_stories_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<StoriesOptions>();
    auto* sub = app.add_subcommand("stories", "List stories merged from several items, with why each joined");
    sub->add_option("--config", options->config_path,
                    "configuration file (default: the built-in configuration)")
        ->check(CLI::ExistingFile);
    sub->add_option("--channel", options->channel, "only the stories of this channel's sources");
    sub->add_option("--limit", options->limit, "stories to list, newest first (default 20)");
    sub->callback([options, &exit_code] { exit_code = list_stories(*options); });
}

}  // namespace feedagg::cli
