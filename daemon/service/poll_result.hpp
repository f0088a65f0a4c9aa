#pragma once
// What one poll of a source comes to: the fetch result read, the document parsed, the source's state
// moved on (validators, failures, redirects, Gone, next poll time), and one line for the log.
// Pure: the daemon runs it off the network threads and hands the outcome to the store.

#include <optional>
#include <random>
#include <string>

#include "daemon/config/config.hpp"
#include "daemon/fetch/fetcher.hpp"
#include "daemon/store/store.hpp"

namespace feedagg::service {

struct PollResult {
    store::PollOutcome outcome;  // the state to store (next_poll set) and the entries read
    std::string result;   // for metrics: "ok", "not_modified", "http_404", "timeout", "parse", "gone"...
    std::string summary;  // for the log: "status=200 bytes=5120 entries=20 warnings=1"
    bool failed = false;
    std::size_t parse_warnings = 0;
};

// The state a source starts a poll with: what the store remembers, or a fresh one. A source whose
// configured URL changed starts over (a 410 or a followed redirect no longer applies).
store::SourceState poll_start_state(const config::Source& source, std::optional<store::SourceState> stored);

// A permanent redirect is followed (the stored URL replaced) once seen on this many consecutive polls.
inline constexpr int redirect_polls_to_follow = 2;

// Entries a 200 response gave by other means than parsing it as a feed: an html source's pages.
struct ScrapedEntries {
    std::vector<feeds::Entry> entries;
    std::size_t warnings = 0;
};

// `scraped`, when given, stands for what the 200 response's body would have parsed into.
PollResult finish_poll(const config::Source& source, store::SourceState state,
                       const fetch::FetchResult& fetched, feeds::Timestamp now, std::mt19937_64& random,
                       std::optional<ScrapedEntries> scraped = std::nullopt);

}  // namespace feedagg::service
