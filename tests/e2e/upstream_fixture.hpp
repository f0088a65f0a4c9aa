#pragma once
// The real feedagg binary against the fetcher tests' scriptable upstream (tests/fetch/test_server.hpp)
// running in this process: an upstream that records every request per path, a configuration
// written per test, `run --once`, `status` and the daemon in the background.

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "../fetch/test_server.hpp"
#include "daemon_process.hpp"
#include "feeds/dates.hpp"
#include "feeds/parse.hpp"

namespace feedagg::e2e {

using fetch::testing::Handler;
using fetch::testing::Reply;
using fetch::testing::Request;
using fetch::testing::TestServer;

// An RSS 2.0 document with `count` items titled "<title> story N".
inline std::string rss_document(const std::string& title, int count) {
    std::string items;
    for (int i = 1; i <= count; ++i) {
        const std::string n = std::to_string(i);
        items += "<item><title>" + title + " story " + n + "</title><link>https://" + title +
                 ".example.cn/a/" + n + ".html</link><guid>" + title + "-" + n + "</guid><pubDate>Fri, 1" +
                 n + " May 2024 09:00:00 +0800</pubDate><description>Body " + n + "</description></item>";
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title +
           "</title><link>https://" + title + ".example.cn/</link>" + items + "</channel></rss>";
}

inline Reply feed_reply(const std::string& title, int count) {
    return Reply{200, {{"Content-Type", "application/rss+xml; charset=utf-8"}}, rss_document(title, count)};
}

// The test server, with every request it received kept per path (the query string dropped).
class RecordingUpstream {
  public:
    explicit RecordingUpstream(TestServer::Tls tls = TestServer::Tls::off)
        : server_(tls), log_(std::make_shared<Log>()) {}

    void route(const std::string& path, Handler handler) {
        server_.route(path, [log = log_, path, handler = std::move(handler)](const Request& request) {
            {
                std::lock_guard lock(log->mutex);
                log->requests.emplace_back(path, request);
            }
            return handler(request);
        });
    }

    std::vector<Request> requests(const std::string& path) const {
        std::lock_guard lock(log_->mutex);
        std::vector<Request> found;
        for (const auto& [requested, request] : log_->requests) {
            if (requested == path) found.push_back(request);
        }
        return found;
    }

    std::size_t count(const std::string& path) const { return requests(path).size(); }
    std::string url(const std::string& path) const { return server_.url(path); }
    const TestServer& server() const { return server_; }

  private:
    struct Log {
        std::mutex mutex;
        std::vector<std::pair<std::string, Request>> requests;
    };
    TestServer server_;
    std::shared_ptr<Log> log_;
};

// One row of `feedagg status`: SOURCE, LAST POLL, ITEMS, NEXT POLL, RESULT.
struct StatusRow {
    std::string name;
    std::string last_poll;
    std::size_t items = 0;
    std::string next_poll;
    std::string result;
};

inline std::optional<StatusRow> find_status_row(const std::string& table, const std::string& name) {
    std::istringstream lines(table);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream fields(line);
        StatusRow row;
        if (!(fields >> row.name) || row.name != name) continue;
        fields >> row.last_poll >> row.items >> row.next_poll;
        std::getline(fields >> std::ws, row.result);
        return row;
    }
    return std::nullopt;
}

// The first line of `log` that contains `text`, or "".
inline std::string line_with(const std::string& log, const std::string& text) {
    const std::size_t found = log.find(text);
    if (found == std::string::npos) return {};
    const std::size_t start = log.rfind('\n', found);
    const std::size_t begin = start == std::string::npos ? 0 : start + 1;
    return log.substr(begin, log.find('\n', found) - begin);
}

struct SourceSpec {
    std::string name;
    std::string url;
    std::string interval = "1h";
    std::string more = {};  // further lines of the [[source]] table, e.g. type and a [source.scrape] table
};

struct OnceRun {
    int exit_code = -1;
    std::string log;
};

// A scratch directory with a configuration, a store and the daemon's logs, removed afterwards.
class UpstreamFixture : public ::testing::Test {
  protected:
    // Small limits, so that every misbehaving upstream fails in seconds.
    static constexpr const char* tight_fetch_limits =
        "connect_timeout = \"1s\"\nread_timeout = \"1s\"\ntotal_timeout = \"3s\"\nmax_body_bytes = 32768\n"
        "per_host_concurrency = 8\n";
    static constexpr const char* user_agent = "feedagg-e2e/1 (+upstream behaviour test)";

    void SetUp() override {
        root_ = std::filesystem::temp_directory_path() /
                ("feedagg-upstream-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(root_);
        std::filesystem::create_directories(root_ / "files");
        port_ = free_port();
    }

    void TearDown() override {
        daemon_.reset();
        std::filesystem::remove_all(root_);
    }

    // `fetch_keys` are lines of the [fetch] table; by default loopback is allowed and the limits small.
    void write_config(const std::vector<SourceSpec>& sources,
                      const std::string& fetch_keys = std::string("allowed_networks = [\"127.0.0.0/8\"]\n") +
                                                      tight_fetch_limits) const {
        std::ofstream config(root_ / "feedagg.toml");
        config << "[server]\nlisten = [\"127.0.0.1:" << port_ << "\"]\n"
               << "[store]\npath = \"" << (root_ / "db" / "feedagg.db").string() << "\"\n"
               << "[fetch]\nuser_agent = \"" << user_agent << "\"\nfile_roots = [\""
               << (root_ / "files").string() << "\"]\n"
               << fetch_keys;
        std::string names;
        for (const auto& source : sources) {
            config << "[[source]]\nname = \"" << source.name << "\"\nurl = \"" << source.url
                   << "\"\ninterval = \"" << source.interval << "\"\n"
                   << source.more;
            names += (names.empty() ? "\"" : ", \"") + source.name + "\"";
        }
        config << "[[channel]]\nname = \"all\"\nsources = [" << names << "]\n";
    }

    // `feedagg run --once`: polls every enabled source once, whatever its next poll time.
    OnceRun run_once() {
        const auto log = root_ / ("once-" + std::to_string(++runs_) + ".log");
        ChildProcess once({FEEDAGG_BINARY, "run", "--once", "--config", (root_ / "feedagg.toml").string()},
                          log);
        OnceRun run;
        run.exit_code = once.wait_exit(std::chrono::seconds(30));
        run.log = read_all(log);
        return run;
    }

    std::string status_table() {
        const auto log = root_ / "status.log";
        ChildProcess status({FEEDAGG_BINARY, "status", "--config", (root_ / "feedagg.toml").string()}, log);
        EXPECT_EQ(status.wait_exit(std::chrono::seconds(20)), 0);
        return read_all(log);
    }

    StatusRow status_of(const std::string& name) {
        const std::string table = status_table();
        const auto row = find_status_row(table, name);
        EXPECT_TRUE(row) << name << " not in\n" << table;
        return row.value_or(StatusRow{});
    }

    void start_daemon() {
        daemon_ = std::make_unique<ChildProcess>(
            std::vector<std::string>{FEEDAGG_BINARY, "run", "--config", (root_ / "feedagg.toml").string()},
            daemon_log());
        ASSERT_TRUE(wait_until_serving(port_, "/healthz", std::chrono::seconds(15)))
            << read_all(daemon_log());
    }

    std::filesystem::path daemon_log() const { return root_ / "daemon.log"; }

    // The titles of the entries the daemon serves in channel "all", newest first.
    std::vector<std::string> served_titles() {
        std::vector<std::string> titles;
        const auto reply = http_get(port_, "/feeds/all.atom");
        if (reply.status != 200) return titles;
        const auto parsed = feeds::parse_feed(reply.body);
        if (!parsed) return titles;
        for (const auto& entry : parsed->feed.entries) titles.push_back(entry.title);
        return titles;
    }

    // Waits until the daemon's log holds `text`.
    bool wait_for_log(const std::string& text, std::chrono::milliseconds limit) const {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < deadline) {
            if (file_contains(daemon_log(), text)) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return false;
    }

    std::filesystem::path root_;
    unsigned short port_ = 0;
    int runs_ = 0;
    std::unique_ptr<ChildProcess> daemon_;
};

}  // namespace feedagg::e2e
