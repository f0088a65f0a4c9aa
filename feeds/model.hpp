#pragma once
// The normalized model every module speaks: a feed and its entries, as plain values.
// Text fields hold UTF-8; an empty string means "absent". Times are UTC, whole seconds.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace feedagg::feeds {

using Timestamp = std::chrono::sys_seconds;

struct Person {
    std::string name;
    std::string email;
    std::string uri;

    bool operator==(const Person&) const = default;
};

struct Link {
    std::string href;
    std::string rel;  // "alternate", "enclosure", "related", "self", "via", ...
    std::string type;
    std::string title;
    std::optional<std::uint64_t> length;

    bool operator==(const Link&) const = default;
};

struct Enclosure {
    std::string url;
    std::string type;
    std::optional<std::uint64_t> length;

    bool operator==(const Enclosure&) const = default;
};

struct Entry {
    std::string id;
    std::string title;  // plain text
    std::string link;   // absolute URL of the article
    std::vector<Link> links;
    std::string summary;  // sanitized HTML
    std::string content;  // sanitized HTML
    std::optional<Timestamp> published;
    std::optional<Timestamp> updated;
    std::vector<Person> authors;
    std::vector<std::string> categories;
    std::vector<Enclosure> enclosures;
    std::string comments;                        // URL of the comments page
    std::optional<std::uint64_t> comment_count;  // slash:comments
    std::string source_title;                    // where the entry was first published, when the feed says
    std::string source_link;
    // For entries scraped from web pages: where `published` came from ("list page", "article
    // page", or "first seen" when no page gave a date). Empty for feed entries. Not written out.
    std::string published_origin;

    bool operator==(const Entry&) const = default;
};

// What a feed says about how often to poll it (RSS ttl/skipHours/skipDays, RSS 1.0 sy:*).
// Kept for the scheduler; writers do not emit it.
struct UpdateHints {
    std::optional<std::chrono::minutes> ttl;
    std::vector<int> skip_hours;                        // 0-23, UTC
    std::vector<int> skip_days;                         // 0 = Sunday ... 6 = Saturday
    std::optional<std::chrono::minutes> update_period;  // sy:updatePeriod / sy:updateFrequency

    bool operator==(const UpdateHints&) const = default;
};

struct Feed {
    std::string title;  // plain text
    std::string link;   // the site
    std::string self_link;
    std::string next_link;    // the next (older) page of a paged feed, RFC 5005 §3
    std::string description;  // plain text
    std::string language;
    std::string rights;
    std::string generator;
    std::string image;  // URL of a logo or icon
    std::optional<Timestamp> updated;
    std::vector<Person> authors;
    std::vector<Entry> entries;
    UpdateHints update_hints;

    bool operator==(const Feed&) const = default;
};

enum class Format {
    rss090,
    rss091,
    rss092,
    rss093,
    rss094,
    rss20,
    rss10,
    atom03,
    atom10,
    jsonfeed10,
    jsonfeed11,
};

// The name the CLI contract uses: "rss20", "atom10", ...
std::string_view format_name(Format format);

}  // namespace feedagg::feeds
