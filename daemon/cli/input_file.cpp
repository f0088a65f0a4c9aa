#include "daemon/cli/input_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "feeds/dates.hpp"

namespace feedagg::cli {

void add_parse_options(CLI::App& command, feeds::ParseOptions& options) {
    command.add_option("--base-url", options.base_url,
                       "URL the document was fetched from; relative URLs resolve against it");
    command.add_option("--charset", options.charset,
                       "charset the transport declared (e.g. from HTTP Content-Type)");
    command.add_option("--timezone", options.timezone, "IANA timezone for dates without a zone")
        ->check([](const std::string& name) {
            return feeds::is_known_timezone(name) ? std::string{} : "unknown timezone \"" + name + "\"";
        });
}

feeds::Result<std::string> read_input_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return feeds::Error{path + ": cannot open: " + std::strerror(errno)};
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return feeds::Error{path + ": read error: " + std::strerror(errno)};
    return std::move(buffer).str();
}

std::optional<feeds::ParsedFeed> parse_input_file(const std::string& path,
                                                  const feeds::ParseOptions& options) {
    auto document = read_input_file(path);
    if (!document) {
        std::cerr << "feedagg: " << document.error().message << '\n';
        return std::nullopt;
    }
    auto parsed = feeds::parse_feed(*document, options);
    if (!parsed) {
        std::cerr << "feedagg: " << path << ": " << parsed.error().message << '\n';
        return std::nullopt;
    }
    return std::move(parsed).value();
}

}  // namespace feedagg::cli
