// What `feedagg check-config FILE` prints and returns.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "daemon/config/check_config.hpp"

namespace feedagg::config {
namespace {

namespace fs = std::filesystem;

const fs::path repository = fs::path(FEEDAGG_TEST_DATA).parent_path().parent_path().parent_path();

struct Printed {
    int exit_code;
    std::string out;
    std::string err;
};

Printed check(const fs::path& file) {
    std::ostringstream out;
    std::ostringstream err;
    const int exit_code = check_config_file(file, out, err);
    return {exit_code, out.str(), err.str()};
}

TEST(CheckConfigCommand, ReportsOkWithCounts) {
    const fs::path file = repository / "config" / "feedagg.toml";
    const Printed printed = check(file);
    EXPECT_EQ(printed.exit_code, 0) << printed.err;
    EXPECT_EQ(printed.out, file.string() + ": ok (6 sources, 2 channels)\n");
    EXPECT_EQ(printed.err, "");
}

TEST(CheckConfigCommand, PrintsEveryErrorOnStderrAndExitsOne) {
    const fs::path file =
        fs::temp_directory_path() / ("feedagg-check-config-" + std::to_string(getpid()) + ".toml");
    std::ofstream(file) << "[log]\nlevel = \"loud\"\n[fetch]\nconcurrency = 0\n";
    const Printed printed = check(file);
    fs::remove(file);
    EXPECT_EQ(printed.exit_code, 1);
    EXPECT_EQ(printed.out, "");
    EXPECT_EQ(
        printed.err,
        file.string() +
            ":2:9: [log]: level \"loud\" is not one of trace, debug, info, warn, error, critical, off\n" +
            file.string() + ":4:15: [fetch]: concurrency 0 is out of range; expected 1 to 1024\n");
}

TEST(CheckConfigCommand, MissingFileIsOneError) {
    const Printed printed = check("/nonexistent/feedagg.toml");
    EXPECT_EQ(printed.exit_code, 1);
    EXPECT_EQ(printed.err, "/nonexistent/feedagg.toml: cannot read: No such file or directory\n");
}

}  // namespace
}  // namespace feedagg::config
