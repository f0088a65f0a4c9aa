#include "daemon/service/poll_result.hpp"

#include "daemon/service/poll_schedule.hpp"
#include "feeds/parse.hpp"

namespace feedagg::service {
namespace {

using fetch::FetchError;
using fetch::FetchResponse;

void record_failure(PollResult& poll, std::string result, std::string message) {
    store::SourceState& state = poll.outcome.state;
    ++state.consecutive_failures;
    state.last_error = std::move(message);
    poll.result = std::move(result);
    poll.failed = true;
}

void record_success(store::SourceState& state, feeds::Timestamp now) {
    state.last_success = now;
    state.last_error.clear();
    state.consecutive_failures = 0;
}

// RFC 9110 §15.4.2/§15.4.9: 301 and 308 say the resource moved for good. Followed only when seen on
// consecutive polls, so a misconfigured upstream for one poll does not lose the source's address.
void track_permanent_redirect(store::SourceState& state, const FetchResponse& response) {
    if (response.permanent_redirect.empty() || response.permanent_redirect == state.url) {
        state.redirect_target.clear();
        state.redirect_streak = 0;
        return;
    }
    if (response.permanent_redirect == state.redirect_target) {
        ++state.redirect_streak;
    } else {
        state.redirect_target = response.permanent_redirect;
        state.redirect_streak = 1;
    }
    if (state.redirect_streak >= redirect_polls_to_follow) {
        state.url = state.redirect_target;
        state.redirect_target.clear();
        state.redirect_streak = 0;
    }
}

void take_scraped(PollResult& poll, const FetchResponse& response, feeds::Timestamp now,
                  ScrapedEntries scraped) {
    store::SourceState& state = poll.outcome.state;
    record_success(state, now);
    state.etag = response.etag;
    state.last_modified = response.last_modified;
    poll.parse_warnings = scraped.warnings;
    poll.outcome.entries = std::move(scraped.entries);
    poll.result = "ok";
}

void read_document(PollResult& poll, const config::Source& source, const FetchResponse& response,
                   feeds::Timestamp now, PollTiming& timing) {
    feeds::ParseOptions options;
    options.base_url = response.final_url;
    options.charset = response.charset;
    options.timezone = source.timezone;
    auto parsed = feeds::parse_feed(response.body, options);
    store::SourceState& state = poll.outcome.state;
    if (!parsed) {
        record_failure(poll, "parse", "parse: " + parsed.error().message);
        return;
    }
    record_success(state, now);
    state.etag = response.etag;
    state.last_modified = response.last_modified;
    state.feed_title = parsed->feed.title;
    state.feed_link = parsed->feed.link;
    poll.parse_warnings = parsed->warnings.size();
    timing.ttl = parsed->feed.update_hints.ttl;  // RSS ttl: how long the publisher says to wait
    poll.outcome.entries = std::move(parsed->feed.entries);
    poll.result = "ok";
}

}  // namespace

store::SourceState poll_start_state(const config::Source& source, std::optional<store::SourceState> stored) {
    if (stored && stored->configured_url == source.url) {
        stored->name = source.name;
        return std::move(*stored);
    }
    // New, or the configuration names another address than the state belongs to: start over with it
    // (validators, failures, a 410 and a followed redirect belonged to the old one).
    store::SourceState state;
    state.name = source.name;
    state.url = source.url;
    state.configured_url = source.url;
    if (stored) {
        state.feed_title = stored->feed_title;
        state.feed_link = stored->feed_link;
    }
    return state;
}

PollResult finish_poll(const config::Source& source, store::SourceState state,
                       const fetch::FetchResult& fetched, feeds::Timestamp now, std::mt19937_64& random,
                       std::optional<ScrapedEntries> scraped) {
    PollResult poll;
    poll.outcome.state = std::move(state);
    store::SourceState& current = poll.outcome.state;
    current.last_attempt = now;
    PollTiming timing{source.interval};

    if (const auto* error = std::get_if<FetchError>(&fetched)) {
        record_failure(poll, std::string(fetch::to_string(error->kind)), error->message);
        poll.summary = "error=" + poll.result + " message=\"" + error->message + "\"";
    } else {
        const auto& response = std::get<FetchResponse>(fetched);
        track_permanent_redirect(current, response);
        timing.retry_after = response.retry_after;
        timing.max_age = response.max_age;
        if (response.status == 304) {
            record_success(current, now);
            poll.result = "not_modified";
        } else if (response.status == 200 && scraped) {
            take_scraped(poll, response, now, std::move(*scraped));
        } else if (response.status == 200) {
            read_document(poll, source, response, now, timing);
        } else if (response.status == 410) {
            current.gone = true;
            record_failure(poll, "gone", "HTTP 410 Gone: the source is disabled until its URL changes");
        } else {
            record_failure(poll, "http_" + std::to_string(response.status),
                           "HTTP " + std::to_string(response.status));
        }
        poll.summary = "status=" + std::to_string(response.status) +
                       " bytes=" + std::to_string(response.wire_bytes) +
                       " entries=" + std::to_string(poll.outcome.entries.size()) +
                       " ms=" + std::to_string(response.elapsed.count());
        if (poll.parse_warnings > 0) poll.summary += " warnings=" + std::to_string(poll.parse_warnings);
        if (poll.failed) poll.summary += " error=\"" + current.last_error + "\"";
    }
    timing.consecutive_failures = current.consecutive_failures;
    current.next_poll = next_poll_time(timing, now, random);
    return poll;
}

}  // namespace feedagg::service
