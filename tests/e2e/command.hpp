#pragma once
// Runs the real feedagg binary and captures what it prints.

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace feedagg::e2e {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// `arguments` is appended to the binary's path as it is: quote paths that need it.
inline CommandResult run_feedagg(const std::string& arguments) {
    const auto scratch =
        std::filesystem::temp_directory_path() / ("feedagg-e2e-" + std::to_string(::getpid()));
    std::filesystem::create_directories(scratch);
    const auto out_path = scratch / "stdout";
    const auto err_path = scratch / "stderr";
    const std::string command = std::string("timeout 60 '") + FEEDAGG_BINARY + "' " + arguments + " >'" +
                                out_path.string() + "' 2>'" + err_path.string() + "' </dev/null";
    const int status = std::system(command.c_str());
    CommandResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_all(out_path);
    result.err = read_all(err_path);
    std::filesystem::remove_all(scratch);
    return result;
}

inline std::filesystem::path write_temp_file(const std::string& name, const std::string& content) {
    const auto directory =
        std::filesystem::temp_directory_path() / ("feedagg-e2e-files-" + std::to_string(::getpid()));
    std::filesystem::create_directories(directory);
    const auto path = directory / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

}  // namespace feedagg::e2e
