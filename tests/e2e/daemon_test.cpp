// The real daemon against a real upstream on 127.0.0.1: what it stores, what it serves, how it
// reloads and stops.
#include <gtest/gtest.h>

#include <random>
#include <regex>
#include <set>

#include "daemon_process.hpp"
#include "feeds/parse.hpp"

namespace feedagg::e2e {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string rss_feed(const std::string& title, int first, int count) {
    std::string items;
    for (int i = first; i < first + count; ++i) {
        items += "<item><title>" + title + " story " + std::to_string(i) + "</title><link>https://" + title +
                 ".example.cn/a/" + std::to_string(i) + ".html</link><guid>" + title + "-" +
                 std::to_string(i) + "</guid><pubDate>2024-05-" + std::to_string(10 + i) +
                 " 09:00</pubDate><description>&lt;p&gt;Body " + std::to_string(i) +
                 "&lt;/p&gt;</description></item>";
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title +
           "</title><link>https://" + title + ".example.cn/</link>" + items + "</channel></rss>";
}

class DaemonTest : public ::testing::Test {
  protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("feedagg-daemon-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
        fs::create_directories(root_ / "upstream");
        std::ofstream(root_ / "upstream" / "daily.xml") << rss_feed("daily", 1, 3);
        std::ofstream(root_ / "upstream" / "district.xml") << rss_feed("district", 1, 2);
        upstream_port_ = free_port();
        upstream_ = std::make_unique<ChildProcess>(
            std::vector<std::string>{"/usr/bin/python3", "-m", "http.server", std::to_string(upstream_port_),
                                     "--bind", "127.0.0.1", "--directory", (root_ / "upstream").string()},
            root_ / "upstream.log");
        ASSERT_TRUE(wait_until_serving(upstream_port_, "/daily.xml", 10s))
            << "python3 http.server did not start";
        port_ = free_port();
        write_config(channels_section("all", R"("daily", "district")"));
    }

    void TearDown() override {
        daemon_.reset();
        upstream_.reset();
        fs::remove_all(root_);
    }

    std::string channels_section(const std::string& name, const std::string& sources) const {
        return "[[channel]]\nname = \"" + name + "\"\ntitle = \"All news\"\nsources = [" + sources + "]\n";
    }

    void write_config(const std::string& channels) const {
        const std::string upstream = "http://127.0.0.1:" + std::to_string(upstream_port_);
        std::ofstream(root_ / "feedagg.toml")
            << "[server]\nlisten = [\"127.0.0.1:" << port_ << "\"]\n"
            << "[store]\npath = \"" << (root_ / "db" / "feedagg.db").string() << "\"\n"
            << "[fetch]\nallowed_networks = [\"127.0.0.0/8\"]\ntotal_timeout = \"10s\"\n"
            << "[[source]]\nname = \"daily\"\nurl = \"" << upstream << "/daily.xml\"\ninterval = \"1h\"\n"
            << "timezone = \"Asia/Shanghai\"\n"
            << "[[source]]\nname = \"district\"\nurl = \"" << upstream
            << "/district.xml\"\ninterval = \"1h\"\n"
            << channels;
    }

    int run_once() {
        ChildProcess once({FEEDAGG_BINARY, "run", "--once", "--config", (root_ / "feedagg.toml").string()},
                          root_ / "once.log");
        return once.wait_exit(30s);
    }

    void start_daemon() {
        daemon_ = std::make_unique<ChildProcess>(
            std::vector<std::string>{FEEDAGG_BINARY, "run", "--config", (root_ / "feedagg.toml").string()},
            root_ / "daemon.log");
        ASSERT_TRUE(wait_until_serving(port_, "/healthz", 15s)) << read_all(root_ / "daemon.log");
    }

    feeds::Feed served_feed(const std::string& target) {
        const auto reply = http_get(port_, target);
        EXPECT_EQ(reply.status, 200) << target;
        const auto parsed = feeds::parse_feed(reply.body);
        EXPECT_TRUE(parsed) << reply.body;
        return parsed ? parsed->feed : feeds::Feed{};
    }

    // The daemon polls on its own schedule: wait for a channel to show `count` entries.
    bool wait_for_entries(const std::string& target, std::size_t count, std::chrono::milliseconds limit) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < deadline) {
            const auto reply = http_get(port_, target);
            if (reply.status == 200) {
                const auto parsed = feeds::parse_feed(reply.body);
                if (parsed && parsed->feed.entries.size() == count) return true;
            }
            std::this_thread::sleep_for(100ms);
        }
        return false;
    }

    fs::path root_;
    unsigned short upstream_port_ = 0;
    unsigned short port_ = 0;
    std::unique_ptr<ChildProcess> upstream_;
    std::unique_ptr<ChildProcess> daemon_;
};

TEST_F(DaemonTest, StoresEachEntryOnceAndAsksUpstreamConditionally) {
    ASSERT_EQ(run_once(), 0) << read_all(root_ / "once.log");
    ASSERT_EQ(run_once(), 0) << read_all(root_ / "once.log");
    EXPECT_TRUE(file_contains(root_ / "once.log", "result=not_modified")) << read_all(root_ / "once.log");
    EXPECT_TRUE(file_contains(root_ / "upstream.log", "\"GET /daily.xml HTTP/1.1\" 304"));

    start_daemon();
    const feeds::Feed feed = served_feed("/feeds/all.atom");
    ASSERT_EQ(feed.entries.size(), 5u);
    std::set<std::string> ids;
    for (const auto& entry : feed.entries) ids.insert(entry.id);
    EXPECT_EQ(ids.size(), 5u);
    EXPECT_EQ(feed.entries[0].title, "daily story 3");  // newest first
    EXPECT_EQ(feed.entries[0].source_title, "daily");   // credited to its source
}

TEST_F(DaemonTest, ServesEveryFormatWithValidatorsAnd304s) {
    ASSERT_EQ(run_once(), 0) << read_all(root_ / "once.log");
    start_daemon();
    for (const std::string format : {"atom", "rss", "json"}) {
        EXPECT_EQ(served_feed("/feeds/all." + format).entries.size(), 5u) << format;
    }
    const auto first = http_get(port_, "/feeds/all.atom");
    ASSERT_FALSE(first.etag.empty());
    EXPECT_EQ(http_get(port_, "/feeds/all.atom", first.etag).status, 304);
    EXPECT_EQ(http_get(port_, "/feeds/missing.atom").status, 404);
    EXPECT_EQ(http_get(port_, "/feeds/all.atom?limit=0").status, 400);
    const auto page = http_get(port_, "/feeds/all.html");
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("district story 2"), std::string::npos);
    EXPECT_NE(http_get(port_, "/opml").body.find("/district.xml"), std::string::npos);
    // The store says both sources were just polled: the daemon waits for their next poll time.
    const std::string metrics = http_get(port_, "/metrics").body;
    EXPECT_NE(metrics.find("feedagg_sources{state=\"configured\"} 2"), std::string::npos) << metrics;
    EXPECT_EQ(metrics.find("feedagg_polls_total{"), std::string::npos) << metrics;
}

TEST_F(DaemonTest, ServedAtomValidatesAgainstTheRfc4287SchemaAndFeedparserReadsAtomAndRss) {
    ASSERT_EQ(run_once(), 0);
    start_daemon();
    const fs::path atom = root_ / "served.atom";
    std::ofstream(atom) << http_get(port_, "/feeds/all.atom").body;
    const fs::path schema =
        fs::path(__FILE__).parent_path().parent_path() / "feeds" / "data" / "schema" / "atom.rnc";
    ASSERT_TRUE(fs::exists(schema)) << schema;
    EXPECT_EQ(std::system(("jing -c '" + schema.string() + "' '" + atom.string() + "'").c_str()), 0);
    // Debian's feedparser (6.0) reads Atom and RSS; it has no JSON Feed reader (the JSON Feed output is
    // checked by the parser's own tests and the catalog's).
    const fs::path rss = root_ / "served.rss";
    std::ofstream(rss) << http_get(port_, "/feeds/all.rss").body;
    for (const fs::path& served : {atom, rss}) {
        const std::string feedparser =
            "/usr/bin/python3 -c \"import feedparser,sys; d=feedparser.parse(sys.argv[1]); "
            "sys.exit(1 if d.bozo or len(d.entries) != 5 else 0)\" '" +
            served.string() + "'";
        EXPECT_EQ(std::system(feedparser.c_str()), 0) << served;
    }
}

TEST_F(DaemonTest, PollsNewEntriesAndReloadsOnSighup) {
    start_daemon();
    ASSERT_TRUE(wait_for_entries("/feeds/all.atom", 5, 45s)) << read_all(root_ / "daemon.log");

    write_config(channels_section("all", R"("daily", "district")") +
                 channels_section("daily-only", R"("daily")"));
    daemon_->signal(SIGHUP);
    ASSERT_TRUE(wait_until_serving(port_, "/feeds/daily-only.atom", 10s)) << read_all(root_ / "daemon.log");
    EXPECT_EQ(served_feed("/feeds/daily-only.atom").entries.size(), 3u);

    std::ofstream(root_ / "feedagg.toml", std::ios::app)
        << "[[source]]\nname = \"broken\"\ninterval = \"5\"\n";
    daemon_->signal(SIGHUP);
    std::this_thread::sleep_for(500ms);
    EXPECT_TRUE(file_contains(root_ / "daemon.log", "reload refused")) << read_all(root_ / "daemon.log");
    EXPECT_EQ(http_get(port_, "/feeds/daily-only.atom").status, 200);  // the running configuration stays
}

TEST_F(DaemonTest, StopsOnSigtermWithExitCodeZero) {
    start_daemon();
    daemon_->signal(SIGTERM);
    EXPECT_EQ(daemon_->wait_exit(15s), 0) << read_all(root_ / "daemon.log");
    EXPECT_TRUE(file_contains(root_ / "daemon.log", "stopped"));
}

TEST_F(DaemonTest, RefusesToStartOnABadConfiguration) {
    std::ofstream(root_ / "feedagg.toml", std::ios::app)
        << "[[source]]\nname = \"x\"\nurl = \"ftp://nope\"\n";
    ChildProcess daemon({FEEDAGG_BINARY, "run", "--config", (root_ / "feedagg.toml").string()},
                        root_ / "bad.log");
    EXPECT_EQ(daemon.wait_exit(15s), 1);
    EXPECT_TRUE(file_contains(root_ / "bad.log", "feedagg.toml:")) << read_all(root_ / "bad.log");
}

}  // namespace
}  // namespace feedagg::e2e

namespace feedagg::e2e {
namespace {

std::string integrity_check(const fs::path& database) {
    const std::string command =
        "/usr/bin/python3 -c \"import sqlite3,sys; "
        "print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])\" '" +
        database.string() + "'";
    std::string output;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
        ::pclose(pipe);
    }
    return output;
}

TEST_F(DaemonTest, KillNineMidPollLosesNothingAndLeavesASoundDatabase) {
    // Many sources with many entries, so that kills land inside polls and writes.
    std::string sources;
    for (int source = 0; source < 40; ++source) {
        const std::string name = "feed" + std::to_string(source);
        std::ofstream(root_ / "upstream" / (name + ".xml")) << rss_feed(name, 1, 60);
        sources += "[[source]]\nname = \"" + name +
                   "\"\nurl = \"http://127.0.0.1:" + std::to_string(upstream_port_) + "/" + name +
                   ".xml\"\ninterval = \"1h\"\n";
    }
    write_config(sources + channels_section("all", R"("daily", "district")"));
    std::mt19937 random(20261125);
    for (int round = 0; round < 8; ++round) {
        ChildProcess daemon({FEEDAGG_BINARY, "run", "--once", "--config", (root_ / "feedagg.toml").string()},
                            root_ / "killed.log");
        std::this_thread::sleep_for(std::chrono::milliseconds(50 + random() % 400));
        daemon.signal(SIGKILL);
        daemon.wait_exit(10s);
        ASSERT_EQ(integrity_check(root_ / "db" / "feedagg.db"), "ok\n") << "after kill " << round;
    }
    ASSERT_EQ(run_once(), 0) << read_all(root_ / "once.log");  // one run to completion
    EXPECT_EQ(integrity_check(root_ / "db" / "feedagg.db"), "ok\n");
    ChildProcess status({FEEDAGG_BINARY, "status", "--config", (root_ / "feedagg.toml").string()},
                        root_ / "status.log");
    ASSERT_EQ(status.wait_exit(20s), 0);
    const std::string table = read_all(root_ / "status.log");
    for (int source = 0; source < 40; ++source) {
        EXPECT_TRUE(std::regex_search(table, std::regex("feed" + std::to_string(source) + " +\\S+ +60 ")))
            << table;
    }
}

}  // namespace
}  // namespace feedagg::e2e
