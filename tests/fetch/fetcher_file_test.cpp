// file:// sources through the Fetcher: only under fetch.file_roots, whatever the path says.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <filesystem>
#include <fstream>
#include <random>

#include "daemon/fetch/fetcher.hpp"

namespace feedagg::fetch {
namespace {

namespace fs = std::filesystem;

class FileFetch : public ::testing::Test {
  protected:
    void SetUp() override {
        base_ = fs::temp_directory_path() / ("feedagg-fetch-" + std::to_string(std::random_device{}()));
        fs::create_directories(base_ / "root" / "feeds");
        fs::create_directories(base_ / "outside");
        write(base_ / "root" / "feeds" / "a.xml", "<rss/>");
        write(base_ / "root" / "feeds" / "with space.xml", "<feed/>");
        write(base_ / "outside" / "secret.xml", "secret");
        write(base_ / "rootsibling.xml", "sibling");
        fs::create_symlink(base_ / "outside" / "secret.xml", base_ / "root" / "feeds" / "link.xml");
        fs::create_directory_symlink(base_ / "outside", base_ / "root" / "out");
        settings_.file_roots = {base_ / "root"};
        settings_.max_body_bytes = 1024;
    }
    void TearDown() override { fs::remove_all(base_); }

    static void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

    std::string url(const std::string& path_after_base) const {
        return "file://" + base_.string() + path_after_base;
    }

    FetchResult fetch(std::string url, std::string last_modified = "") {
        boost::asio::io_context io;
        Fetcher fetcher(io.get_executor(), settings_);
        std::optional<FetchResult> result;
        boost::asio::co_spawn(io, fetcher.fetch({std::move(url), "", std::move(last_modified)}),
                              [&](std::exception_ptr error, FetchResult got) {
                                  if (error) std::rethrow_exception(error);
                                  result = std::move(got);
                              });
        io.run();
        return *result;
    }

    FetchErrorKind error_kind(std::string url) {
        auto result = fetch(std::move(url));
        if (auto* response = std::get_if<FetchResponse>(&result)) {
            ADD_FAILURE() << "read " << response->body.size() << " bytes";
            return FetchErrorKind::protocol;
        }
        return std::get<FetchError>(result).kind;
    }

    fs::path base_;
    config::FetchSettings settings_;
};

TEST_F(FileFetch, ReadsAFileUnderARoot) {
    auto result = fetch(url("/root/feeds/a.xml"));
    ASSERT_TRUE(std::holds_alternative<FetchResponse>(result)) << std::get<FetchError>(result).message;
    const auto& response = std::get<FetchResponse>(result);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "<rss/>");
    EXPECT_EQ(response.final_url, url("/root/feeds/a.xml"));
    EXPECT_FALSE(response.last_modified.empty());
}

TEST_F(FileFetch, ReadsPercentEncodedNames) {
    auto result = fetch(url("/root/feeds/with%20space.xml"));
    ASSERT_TRUE(std::holds_alternative<FetchResponse>(result)) << std::get<FetchError>(result).message;
    EXPECT_EQ(std::get<FetchResponse>(result).body, "<feed/>");
}

TEST_F(FileFetch, Answers304WhenTheFileIsUnchanged) {
    auto first = fetch(url("/root/feeds/a.xml"));
    const std::string stamp = std::get<FetchResponse>(first).last_modified;
    auto second = fetch(url("/root/feeds/a.xml"), stamp);
    ASSERT_TRUE(std::holds_alternative<FetchResponse>(second));
    EXPECT_EQ(std::get<FetchResponse>(second).status, 304);
    EXPECT_EQ(std::get<FetchResponse>(second).body, "");
}

TEST_F(FileFetch, RefusesFilesOutsideTheRoots) {
    EXPECT_EQ(error_kind(url("/outside/secret.xml")), FetchErrorKind::file_access);
    EXPECT_EQ(error_kind(url("/rootsibling.xml")), FetchErrorKind::file_access);
    EXPECT_EQ(error_kind("file:///etc/passwd"), FetchErrorKind::file_access);
}

TEST_F(FileFetch, RefusesDotDotEscapes) {
    EXPECT_EQ(error_kind(url("/root/../outside/secret.xml")), FetchErrorKind::file_access);
    EXPECT_EQ(error_kind(url("/root/feeds/../../outside/secret.xml")), FetchErrorKind::file_access);
    EXPECT_EQ(error_kind(url("/root/feeds/%2e%2e/%2e%2e/outside/secret.xml")), FetchErrorKind::file_access);
    EXPECT_EQ(error_kind(url("/root/feeds/..%2f..%2foutside/secret.xml")), FetchErrorKind::file_access);
}

TEST_F(FileFetch, RefusesSymlinksLeadingOut) {
    EXPECT_EQ(error_kind(url("/root/feeds/link.xml")), FetchErrorKind::file_access);
    EXPECT_EQ(error_kind(url("/root/out/secret.xml")), FetchErrorKind::file_access);
}

TEST_F(FileFetch, RefusesEverythingWithoutRoots) {
    settings_.file_roots.clear();
    EXPECT_EQ(error_kind(url("/root/feeds/a.xml")), FetchErrorKind::file_access);
}

TEST_F(FileFetch, ReportsMissingFilesAndDirectories) {
    EXPECT_EQ(error_kind(url("/root/feeds/missing.xml")), FetchErrorKind::file_access);
    EXPECT_EQ(error_kind(url("/root/feeds")), FetchErrorKind::file_access);
}

TEST_F(FileFetch, RefusesFilesOverTheCap) {
    write(base_ / "root" / "feeds" / "big.xml", std::string(1025, 'x'));
    EXPECT_EQ(error_kind(url("/root/feeds/big.xml")), FetchErrorKind::too_large);
}

TEST_F(FileFetch, RefusesOtherHostsAndRelativePaths) {
    EXPECT_EQ(error_kind("file://server/share/a.xml"), FetchErrorKind::invalid_url);
    EXPECT_EQ(error_kind("file:relative.xml"), FetchErrorKind::invalid_url);
    EXPECT_EQ(error_kind("file:///root/a%00.xml"), FetchErrorKind::invalid_url);
}

TEST_F(FileFetch, ReadsFromLocalhost) {
    auto result = fetch("file://localhost" + base_.string() + "/root/feeds/a.xml");
    ASSERT_TRUE(std::holds_alternative<FetchResponse>(result)) << std::get<FetchError>(result).message;
}

}  // namespace
}  // namespace feedagg::fetch
