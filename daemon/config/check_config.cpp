#include "daemon/config/check_config.hpp"

#include "daemon/config/config.hpp"

namespace feedagg::config {

int check_config_file(const std::filesystem::path& file, std::ostream& out, std::ostream& err) {
    const LoadedConfig loaded = load_config(file);
    if (!loaded.config) {
        for (const auto& error : loaded.errors) err << error.to_string() << '\n';
        return 1;
    }
    out << file.string() << ": ok (" << loaded.config->sources.size() << " sources, "
        << loaded.config->channels.size() << " channels)\n";
    return 0;
}

}  // namespace feedagg::config
