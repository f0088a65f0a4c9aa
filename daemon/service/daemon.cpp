#include "daemon/service/daemon.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cstdlib>
#include <map>
#include <random>
#include <thread>

#include "daemon/fetch/fetcher.hpp"
#include "daemon/http/server.hpp"
#include "daemon/service/catalog_snapshot.hpp"
#include "daemon/service/feed_catalog.hpp"
#include "daemon/service/feedless_pages.hpp"
#include "daemon/service/page_reading.hpp"
#include "daemon/service/poll_result.hpp"
#include "daemon/service/poll_schedule.hpp"
#include "daemon/service/poll_slots.hpp"
#include "daemon/service/run_on.hpp"
#include "daemon/service/stories.hpp"
#include "daemon/service/systemd_notify.hpp"
#include "daemon/store/store.hpp"
#include "feeds/feed_discovery.hpp"

namespace feedagg::service {
namespace {

namespace asio = boost::asio;
using std::chrono::steady_clock;

// Sources due at start are spread out, so a restart does not poll them all at once: 50 ms a source,
// between one and thirty seconds in all.
std::chrono::seconds first_poll_spread(std::size_t sources) {
    const auto spread =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::milliseconds(50) * sources);
    return std::clamp(spread, std::chrono::seconds(1), std::chrono::seconds(30));
}
// How long after a change the catalog is rebuilt: changes arriving together cost one rebuild.
constexpr std::chrono::milliseconds refresh_delay{200};
constexpr std::chrono::minutes retention_interval{10};
// SIGTERM lets in-flight polls finish for at most this long.
constexpr std::chrono::seconds shutdown_grace{10};

feeds::Timestamp now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::chrono::milliseconds until(feeds::Timestamp when) {
    const auto delay =
        std::chrono::duration_cast<std::chrono::milliseconds>(when - std::chrono::system_clock::now());
    return std::max(delay, std::chrono::milliseconds(0));
}

void configure_logging(const std::string& level) {
    auto logger = spdlog::stderr_logger_mt("feedagg");
    // Under systemd, journald stamps each line with the time and the unit.
    logger->set_pattern(std::getenv("JOURNAL_STREAM") ? "%l: %v" : "%Y-%m-%d %H:%M:%S.%e %l: %v");
    logger->set_level(spdlog::level::from_str(level));
    spdlog::set_default_logger(logger);
}

config::LoadedConfig load(const RunOptions& options) {
    return options.config_path ? config::load_config(*options.config_path) : config::default_config();
}

struct SourceLoop {
    SourceLoop(asio::io_context& io, config::Source configured) : source(std::move(configured)), timer(io) {}
    config::Source source;
    asio::steady_timer timer;
    bool cancelled = false;
};

class Daemon {
  public:
    Daemon(RunOptions options, config::Config config)
        : options_(std::move(options)),
          config_(std::move(config)),
          store_strand_(asio::make_strand(workers_)),
          refresh_timer_(io_),
          watchdog_timer_(io_),
          signals_(io_, SIGINT, SIGTERM, SIGHUP),
          random_(std::random_device{}()) {}

    ~Daemon() { stop_serving_threads(); }
    Daemon(const Daemon&) = delete;
    Daemon& operator=(const Daemon&) = delete;

    int run() {
        store_ = store::open_sqlite_store(config_.store.path);
        apply_story_rules();
        fetcher_ = std::make_shared<fetch::Fetcher>(io_.get_executor(), config_.fetch);
        metrics_ = std::make_shared<Metrics>();
        catalog_ = std::make_shared<FeedCatalog>(config_.server, metrics_);
        if (options_.once) {
            asio::co_spawn(io_, poll_everything_once(), asio::detached);
            io_.run();
            return 0;
        }
        std::vector<asio::io_context*> serving;
        for (auto& io : serve_ios_) serving.push_back(io.get());
        server_ = std::make_unique<http::Server>(serving, config_.server, catalog_);
        server_->set_log([](std::string_view message) { spdlog::warn("http: {}", message); });
        server_->start();  // bound and listening; connections wait in the backlog until it serves
        for (const auto& source : config_.sources) start_source(source);
        asio::co_spawn(io_, open_to_readers(), asio::detached);
        wait_for_signals();
        start_watchdog();
        io_.run();
        stop_serving_threads();
        workers_.join();
        spdlog::info("stopped");
        return 0;
    }

  private:
    std::string describe_listen() const {
        std::string text;
        for (const auto& address : config_.server.listen) text += (text.empty() ? "" : ", ") + address;
        return text;
    }

    // Readers are served once the first catalog is out: a feed reader that asks during start-up
    // waits a moment for the feeds rather than getting a 404 for a channel that exists. Retention,
    // which can take longer on a large store, comes after.
    asio::awaitable<void> open_to_readers() {
        co_await rebuild_catalog(/*with_retention=*/false);
        if (stopping_) co_return;
        start_serving_threads();
        spdlog::info("listening on {}; {} sources, {} channels; store {}", describe_listen(),
                     config_.sources.size(), config_.channels.size(), config_.store.path.string());
        notify_ready();
        co_await refresh_catalog();
    }

    // The server answers on io_contexts of its own, one per core (at most four), each run by one
    // thread: serving never waits behind polling, and the serving threads share no scheduler.
    static std::vector<std::unique_ptr<asio::io_context>> make_serving_contexts() {
        const unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
        std::vector<std::unique_ptr<asio::io_context>> contexts;
        for (unsigned i = 0; i < threads; ++i) contexts.push_back(std::make_unique<asio::io_context>(1));
        return contexts;
    }

    void start_serving_threads() {
        for (auto& io : serve_ios_) {
            serving_threads_.emplace_back([io = io.get()] {
                auto busy = asio::make_work_guard(*io);  // idle until a connection comes its way
                io->run();
            });
        }
    }

    void stop_serving_threads() {
        if (server_) server_->stop();
        for (auto& io : serve_ios_) io->stop();
        for (auto& thread : serving_threads_) thread.join();
        serving_threads_.clear();
    }

    void start_source(const config::Source& source) {
        if (!source.enabled) return;
        auto loop = std::make_shared<SourceLoop>(io_, source);
        loops_[source.name] = loop;
        asio::co_spawn(io_, run_source(loop), asio::detached);
    }

    asio::awaitable<void> poll_everything_once() {
        std::vector<std::shared_ptr<SourceLoop>> loops;
        for (const auto& source : config_.sources) {
            if (source.enabled) loops.push_back(std::make_shared<SourceLoop>(io_, source));
        }
        auto remaining = std::make_shared<std::size_t>(loops.size());
        asio::steady_timer all_done(io_, steady_clock::time_point::max());
        for (const auto& loop : loops) {
            asio::co_spawn(
                io_,
                [this, loop, remaining, &all_done]() -> asio::awaitable<void> {
                    co_await poll_slots_.acquire();
                    auto state = poll_start_state(loop->source, co_await read_state(loop->source.name));
                    if (state.gone) {
                        poll_slots_.release();
                    } else {
                        co_await poll_once(loop->source, std::move(state));
                    }
                    if (--*remaining == 0) all_done.cancel();
                },
                asio::detached);
        }
        if (!loops.empty()) co_await all_done.async_wait(asio::as_tuple(asio::use_awaitable));
        // Retention bounds what writes add: after a run that stored nothing there is nothing to bound.
        if (items_written_ > 0) co_await rebuild_catalog(/*with_retention=*/true);
        co_await fetcher_->close_idle_connections();
        workers_.join();  // nothing else is queued there: returns once the last write is done
    }

    asio::awaitable<std::optional<store::SourceState>> read_state(const std::string& name) {
        try {
            co_return co_await run_on(store_strand_, [this, &name] { return store_->source_state(name); });
        } catch (const std::exception& error) {
            spdlog::error("store: reading source={}: {}", name, error.what());
            co_return std::nullopt;
        }
    }

    asio::awaitable<void> run_source(std::shared_ptr<SourceLoop> loop) {
        store::SourceState state = poll_start_state(loop->source, co_await read_state(loop->source.name));
        feeds::Timestamp next =
            state.next_poll && *state.next_poll > now()
                ? *state.next_poll
                : first_poll_time(now(), first_poll_spread(config_.sources.size()), random_);
        while (!loop->cancelled && !stopping_) {
            if (state.gone) {
                spdlog::warn(
                    "source={} disabled: upstream answered 410 Gone; change its url to poll it again",
                    loop->source.name);
                co_return;
            }
            loop->timer.expires_after(until(next));
            co_await loop->timer.async_wait(asio::as_tuple(asio::use_awaitable));
            if (loop->cancelled || stopping_) break;
            co_await poll_slots_.acquire();
            if (loop->cancelled || stopping_) {
                poll_slots_.release();
                break;
            }
            state = co_await poll_once(loop->source, std::move(state));
            next = state.next_poll.value_or(now() + loop->source.interval);
        }
    }

    // On a worker: what the store's one-at-a-time write would otherwise compute for each entry.
    static void prepare_for_store(store::PollOutcome& outcome, const config::Source& source, bool matching) {
        attach_story_keys(outcome, source, matching);
        store::prepare_entry_rows(outcome);
    }

    // Called holding a poll slot, which it releases. Callers take the slot first so that sources
    // waiting for one hold no poll frame: at 10,000 sources those frames were 40 MB.
    asio::awaitable<store::SourceState> poll_once(config::Source source, store::SourceState state) {
        ++active_polls_;
        const auto started = steady_clock::now();
        const auto fetcher = fetcher_;  // a reload may replace it while this poll runs
        // A named request, not a braced temporary in the co_await: GCC 12 frees such temporaries twice.
        fetch::FetchRequest request{state.url, state.etag, state.last_modified};
        fetch::FetchResult fetched = co_await fetcher->fetch(std::move(request));
        const PageReading reading{fetcher, workers_.get_executor(), store_strand_, store_.get()};
        if (source.type == "auto") co_await find_feed_behind_page(source, state, fetched, reading);
        std::optional<ScrapedEntries> scraped;
        if (source.type == "html") scraped = co_await read_list_pages(source, fetched, reading);
        const std::uint64_t seed = random_();
        const bool matching = config_.stories.enabled;
        PollResult result = co_await run_on(workers_.get_executor(), [&] {
            std::mt19937_64 random(seed);
            PollResult finished = finish_poll(source, state, fetched, now(), random, std::move(scraped));
            // A full-text source's entries change below; their keys and rows are made once they have.
            if (!source.full_text) prepare_for_store(finished.outcome, source, matching);
            return finished;
        });
        if (source.full_text && result.result == "ok") {
            PagesRead texts =
                co_await read_full_texts(source, std::move(result.outcome.entries), now(), reading);
            log_page_warnings(source, texts.warnings);
            result.outcome.entries = std::move(texts.entries);
            result.summary += " articles=" + std::to_string(texts.articles);
            co_await run_on(workers_.get_executor(),
                            [&] { prepare_for_store(result.outcome, source, matching); });
        }
        store::WriteSummary written;
        try {
            written =
                co_await run_on(store_strand_, [&] { return store_->record_poll(result.outcome, now()); });
        } catch (const std::exception& error) {
            spdlog::error("store: writing source={}: {}", source.name, error.what());
        }
        const auto elapsed =
            std::chrono::duration_cast<std::chrono::milliseconds>(steady_clock::now() - started);
        const auto log_level = result.failed ? spdlog::level::warn : spdlog::level::info;
        spdlog::log(log_level, "source={} result={} {} new={} updated={} total_ms={}", source.name,
                    result.result, result.summary, written.new_items, written.updated_items, elapsed.count());
        metrics_->record_poll(source.name, result.result, elapsed, written.new_items, written.updated_items);
        items_written_ += written.new_items + written.updated_items;
        if (written.new_items + written.updated_items > 0 || result.result == "ok") schedule_refresh();
        poll_slots_.release();
        --active_polls_;
        finish_stopping_when_idle();
        co_return std::move(result.outcome.state);
    }

    // A source of type "auto" configured with a web page's address: poll the feed the page points to
    // from now on (its state keeps the configured URL, so a configuration change starts over).
    asio::awaitable<void> find_feed_behind_page(const config::Source& source, store::SourceState& state,
                                                fetch::FetchResult& fetched, const PageReading& reading) {
        const auto* page = std::get_if<fetch::FetchResponse>(&fetched);
        if (page == nullptr || page->status != 200 || !feeds::looks_like_html_page(page->body)) co_return;
        if (feedless_pages_.recently_feedless(page->final_url, steady_clock::now())) co_return;
        std::optional<DiscoveredFeed> found = co_await discover_feed(source, *page, reading);
        if (!found) {
            feedless_pages_.offered_no_feed(page->final_url, steady_clock::now());
            spdlog::warn(
                "source={} url={} is a web page that offers no feed (no <link rel=\"alternate\">, none "
                "at the usual paths); configure it as type = \"html\" with selectors "
                "(docs/html-sources.md); looking again in a day",
                source.name, page->final_url);
            co_return;
        }
        feedless_pages_.offered_a_feed(page->final_url);
        spdlog::info("source={} url={} is a web page; polling the feed it offers: {}", source.name,
                     page->final_url, found->url);
        state.url = found->url;
        state.etag.clear();
        state.last_modified.clear();
        fetched = std::move(found->response);
    }

    asio::awaitable<std::optional<ScrapedEntries>> read_list_pages(const config::Source& source,
                                                                   const fetch::FetchResult& fetched,
                                                                   const PageReading& reading) {
        const auto* first_page = std::get_if<fetch::FetchResponse>(&fetched);
        if (first_page == nullptr || first_page->status != 200) co_return std::nullopt;
        PagesRead pages = co_await read_html_source(source, *first_page, now(), reading);
        log_page_warnings(source, pages.warnings);
        spdlog::debug("source={} list_pages={} article_pages={} items={}", source.name, pages.pages,
                      pages.articles, pages.entries.size());
        co_return ScrapedEntries{std::move(pages.entries), pages.warnings.size()};
    }

    static void log_page_warnings(const config::Source& source, const std::vector<std::string>& warnings) {
        constexpr std::size_t shown = 5;
        for (std::size_t i = 0; i < std::min(shown, warnings.size()); ++i)
            spdlog::warn("source={} {}", source.name, warnings[i]);
        if (warnings.size() > shown)
            spdlog::warn("source={} and {} more page warnings", source.name, warnings.size() - shown);
    }

    void schedule_refresh() {
        if (refresh_pending_ || options_.once) return;
        refresh_pending_ = true;
        refresh_timer_.expires_after(refresh_delay);
        refresh_timer_.async_wait([this](boost::system::error_code error) {
            refresh_pending_ = false;
            if (!error && !stopping_) asio::co_spawn(io_, refresh_catalog(), asio::detached);
        });
    }

    asio::awaitable<void> refresh_catalog() {
        const bool retention_due = steady_clock::now() - last_retention_ >= retention_interval;
        co_await rebuild_catalog(retention_due);
    }

    asio::awaitable<void> rebuild_catalog(bool with_retention) {
        const std::shared_ptr<const CatalogPlan> plan = plan_;  // a reload may replace it meanwhile
        const config::Config& config = plan->config;
        try {
            auto snapshot = co_await run_on(store_strand_, [this, &plan, &config, with_retention] {
                auto read = read_catalog_snapshot(*store_, *plan);
                if (with_retention) {
                    if (const auto deleted = apply_retention(*store_, config, *read, now())) {
                        spdlog::info("retention: deleted {} items", deleted);
                    }
                }
                return read;
            });
            if (with_retention) last_retention_ = steady_clock::now();
            std::size_t failing = 0;
            for (const auto& [name, state] : snapshot->source_states)
                failing += state.consecutive_failures > 0 ? 1 : 0;
            metrics_->set_sources(config.sources.size(), failing);
            catalog_->publish(std::move(snapshot));
            notify_status(std::to_string(config.sources.size()) + " sources (" + std::to_string(failing) +
                          " failing), " + std::to_string(config.channels.size()) + " channels");
        } catch (const std::exception& error) {
            spdlog::error("store: reading the catalog: {}", error.what());
        }
    }

    void wait_for_signals() {
        signals_.async_wait([this](boost::system::error_code error, int signal) {
            if (error) return;
            if (signal == SIGHUP) {
                reload();
                wait_for_signals();
                return;
            }
            spdlog::info("{} received: finishing in-flight polls", signal == SIGTERM ? "SIGTERM" : "SIGINT");
            begin_stopping();
        });
    }

    // On the store's strand, ahead of any write: the first call builds the match index.
    void apply_story_rules() {
        asio::post(store_strand_, [this, rules = story_rules(config_)]() mutable {
            try {
                store_->set_story_rules(std::move(rules));
            } catch (const std::exception& error) {
                spdlog::error("store: story rules: {}", error.what());
            }
        });
    }

    void reload() {
        notify_reloading();
        auto loaded = load(options_);
        if (!loaded.config) {
            for (const auto& error : loaded.errors) spdlog::error("reload: {}", error.to_string());
            spdlog::error("reload refused: {} errors; the running configuration stays", loaded.errors.size());
            notify_ready();
            return;
        }
        config::Config next = std::move(*loaded.config);
        if (next.server.listen != config_.server.listen || next.store.path != config_.store.path) {
            spdlog::warn("reload: [server] listen and [store] path take effect at the next restart");
            next.server.listen = config_.server.listen;
            next.store.path = config_.store.path;
        }
        restart_changed_sources(next.sources);
        fetcher_ = std::make_shared<fetch::Fetcher>(io_.get_executor(), next.fetch);
        spdlog::default_logger()->set_level(
            spdlog::level::from_str(options_.log_level.empty() ? next.log.level : options_.log_level));
        config_ = std::move(next);
        plan_ = std::make_shared<const CatalogPlan>(config_);
        apply_story_rules();
        spdlog::info("reloaded: {} sources, {} channels", config_.sources.size(), config_.channels.size());
        asio::co_spawn(io_, rebuild_catalog(false), asio::detached);
        notify_ready();
    }

    // Sources added or changed get a fresh loop; removed or changed ones stop polling.
    void restart_changed_sources(const std::vector<config::Source>& sources) {
        std::map<std::string, std::shared_ptr<SourceLoop>> kept;
        for (const auto& source : sources) {
            const auto running = loops_.find(source.name);
            const bool unchanged = running != loops_.end() && same_source(running->second->source, source);
            if (unchanged) {
                kept[source.name] = running->second;
                loops_.erase(running);
            }
        }
        stop_loops();
        loops_ = std::move(kept);
        for (const auto& source : sources) {
            if (!loops_.contains(source.name)) start_source(source);
        }
    }

    static bool same_source(const config::Source& a, const config::Source& b) {
        return a.url == b.url && a.type == b.type && a.interval == b.interval && a.timezone == b.timezone &&
               a.enabled == b.enabled && a.tags == b.tags && a.max_items == b.max_items &&
               a.max_age == b.max_age && a.priority == b.priority;
    }

    // A stopped loop ends at its next wake-up; a poll it has in flight still finishes.
    void stop_loops() {
        for (auto& [name, loop] : loops_) {
            loop->cancelled = true;
            loop->timer.cancel();
        }
    }

    void begin_stopping() {
        if (stopping_) return;
        stopping_ = true;
        notify_stopping();
        if (server_) server_->stop();
        refresh_timer_.cancel();
        watchdog_timer_.cancel();
        signals_.cancel();
        stop_loops();
        shutdown_deadline_ = std::make_unique<asio::steady_timer>(io_, shutdown_grace);
        shutdown_deadline_->async_wait([this](boost::system::error_code error) {
            if (error) return;
            spdlog::warn("{} polls still running after {}s; stopping anyway", active_polls_,
                         shutdown_grace.count());
            io_.stop();
        });
        finish_stopping_when_idle();
    }

    void finish_stopping_when_idle() {
        if (!stopping_ || active_polls_ > 0) return;
        if (shutdown_deadline_) shutdown_deadline_->cancel();
        io_.stop();
    }

    void start_watchdog() {
        const auto interval = watchdog_interval();
        if (!interval) return;
        watchdog_timer_.expires_after(*interval);
        watchdog_timer_.async_wait([this](boost::system::error_code error) {
            if (error || stopping_) return;
            notify_watchdog();
            start_watchdog();
        });
    }

    RunOptions options_;
    config::Config config_;
    std::shared_ptr<const CatalogPlan> plan_ = std::make_shared<const CatalogPlan>(config_);
    asio::io_context io_;
    std::vector<std::unique_ptr<asio::io_context>> serve_ios_ = make_serving_contexts();
    std::vector<std::thread> serving_threads_;
    asio::thread_pool workers_{2};
    asio::strand<asio::thread_pool::executor_type> store_strand_;
    std::unique_ptr<store::Store> store_;
    std::shared_ptr<fetch::Fetcher> fetcher_;
    std::shared_ptr<Metrics> metrics_;
    std::shared_ptr<FeedCatalog> catalog_;
    std::unique_ptr<http::Server> server_;
    std::map<std::string, std::shared_ptr<SourceLoop>> loops_;
    asio::steady_timer refresh_timer_;
    asio::steady_timer watchdog_timer_;
    asio::signal_set signals_;
    std::unique_ptr<asio::steady_timer> shutdown_deadline_;
    std::mt19937_64 random_;
    // Twice the fetch concurrency: enough to keep every connection busy while results are stored.
    PollSlots poll_slots_{io_, 2 * config_.fetch.concurrency};
    std::size_t items_written_ = 0;  // new and updated items since start
    steady_clock::time_point last_retention_{};
    FeedlessPages feedless_pages_;
    bool refresh_pending_ = false;
    bool stopping_ = false;
    int active_polls_ = 0;
};

}  // namespace

int run_daemon(const RunOptions& options) {
    auto loaded = load(options);
    configure_logging(options.log_level.empty() ? (loaded.config ? loaded.config->log.level : "info")
                                                : options.log_level);
    if (!loaded.config) {
        for (const auto& error : loaded.errors) spdlog::error("{}", error.to_string());
        return 1;
    }
    try {
        Daemon daemon(options, std::move(*loaded.config));
        return daemon.run();
    } catch (const std::exception& error) {
        spdlog::critical("cannot start: {}", error.what());
        return 1;
    }
}

}  // namespace feedagg::service
