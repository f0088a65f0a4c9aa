// The shipped unit file: systemd accepts it, and its sandbox keeps the exposure low.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "command.hpp"

namespace feedagg::e2e {
namespace {

namespace fs = std::filesystem;

const fs::path unit_file =
    fs::path(__FILE__).parent_path().parent_path().parent_path() / "systemd" / "feedagg.service";

bool have_systemd_analyze() {
    return std::system("command -v systemd-analyze >/dev/null 2>&1") == 0;
}

// The unit names the installed binary; point it at the one just built so verify can find it.
fs::path unit_for_this_build() {
    std::string unit = read_all(unit_file);
    unit = std::regex_replace(unit, std::regex("/usr/local/bin/feedagg"), FEEDAGG_BINARY);
    const fs::path copy =
        fs::temp_directory_path() / ("feedagg-unit-" + std::to_string(::getpid())) / "feedagg.service";
    fs::create_directories(copy.parent_path());
    std::ofstream(copy) << unit;
    return copy;
}

TEST(SystemdUnit, PassesSystemdAnalyzeVerify) {
    if (!have_systemd_analyze()) GTEST_SKIP() << "systemd-analyze is not installed";
    const fs::path unit = unit_for_this_build();
    const std::string command = "systemd-analyze verify '" + unit.string() + "' 2>&1";
    std::string output;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[512];
        while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
        EXPECT_EQ(::pclose(pipe), 0) << output;
    }
    EXPECT_EQ(output.find("feedagg.service:"), std::string::npos) << output;
    fs::remove_all(unit.parent_path());
}

TEST(SystemdUnit, ExposureRatesOk) {
    if (!have_systemd_analyze()) GTEST_SKIP() << "systemd-analyze is not installed";
    const std::string command =
        "systemd-analyze security --offline=true --threshold=20 '" + unit_file.string() + "'";
    EXPECT_EQ(std::system((command + " >/dev/null 2>&1").c_str()), 0) << command;
}

TEST(SystemdUnit, IsANotifyServiceThatReloadsWithSighup) {
    const std::string unit = read_all(unit_file);
    EXPECT_NE(unit.find("Type=notify"), std::string::npos);
    EXPECT_NE(unit.find("ExecReload=/bin/kill -HUP $MAINPID"), std::string::npos);
    EXPECT_NE(unit.find("StateDirectory=feedagg"), std::string::npos);
    EXPECT_NE(unit.find("DynamicUser=yes"), std::string::npos);
}

}  // namespace
}  // namespace feedagg::e2e
