#include "daemon/store/entry_record.hpp"

#include <xxhash.h>

#include <array>
#include <boost/json.hpp>
#include <initializer_list>
#include <memory>
#include <new>

#include "feeds/canonical_url.hpp"
#include "feeds/entry_id.hpp"

namespace feedagg::store::detail {
namespace {

namespace json = boost::json;

void put_text(json::object& object, std::string_view key, const std::string& value) {
    if (!value.empty()) object[key] = value;
}

void put_count(json::object& object, std::string_view key, const std::optional<std::uint64_t>& value) {
    if (value) object[key] = *value;
}

std::string text_of(const json::object& object, std::string_view key) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr || !value->is_string()) return {};
    return std::string(value->get_string());
}

std::optional<std::uint64_t> count_of(const json::object& object, std::string_view key) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr) return std::nullopt;
    if (value->is_uint64()) return value->get_uint64();
    if (value->is_int64() && value->get_int64() >= 0) return static_cast<std::uint64_t>(value->get_int64());
    return std::nullopt;
}

// Calls `read` for every object in the array `key`.
template <typename Read>
void for_each_object(const json::object& object, std::string_view key, Read read) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr || !value->is_array()) return;
    for (const json::value& element : value->get_array()) {
        if (element.is_object()) read(element.get_object());
    }
}

std::string seconds_text(const std::optional<feeds::Timestamp>& time) {
    return time ? std::to_string(time->time_since_epoch().count()) : std::string();
}

std::string identity_key(const feeds::Entry& entry, const std::string& canonical_link) {
    if (!entry.id.empty()) return "id:" + entry.id;
    if (!entry.link.empty()) return "link:" + canonical_link;
    const std::string_view body = entry.content.empty() ? entry.summary : entry.content;
    return "hash:" + feeds::detail::content_digest({entry.title, body});
}

constexpr std::string_view kContentHashPrefix = "xxh3:";

// What a content hash covers, in order: everything the row stores of the entry. The times are
// written into `times`, which the parts point into.
std::array<std::string_view, 5> hashed_parts(const EntryRow& row, const feeds::Entry& entry,
                                             std::array<std::string, 2>& times) {
    times = {seconds_text(entry.published), seconds_text(entry.updated)};
    return {row.body, entry.title, entry.link, times[0], times[1]};
}

// "xxh3:" and the XXH3-128 of the parts, each preceded by its length so that no text moved from one
// part to the next keeps the hash, in 32 hex digits.
std::string content_hash(const EntryRow& row, const feeds::Entry& entry) {
    std::array<std::string, 2> times;
    const std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(), &XXH3_freeState);
    if (!state) throw std::bad_alloc();
    XXH3_128bits_reset(state.get());
    for (const std::string_view part : hashed_parts(row, entry, times)) {
        const std::uint64_t length = part.size();
        XXH3_128bits_update(state.get(), &length, sizeof length);
        XXH3_128bits_update(state.get(), part.data(), part.size());
    }
    const XXH128_hash_t hash = XXH3_128bits_digest(state.get());
    std::string hex(kContentHashPrefix);
    for (const std::uint64_t half : {hash.high64, hash.low64}) {
        for (int shift = 60; shift >= 0; shift -= 4) hex += "0123456789abcdef"[(half >> shift) & 0xF];
    }
    return hex;
}

// The FNV-1a 128 digest releases before XXH3 stored (feeds::detail::content_digest of the same parts).
std::string older_content_hash(const EntryRow& row, const feeds::Entry& entry) {
    std::array<std::string, 2> times;
    const auto parts = hashed_parts(row, entry, times);
    return feeds::detail::content_digest({parts[0], parts[1], parts[2], parts[3], parts[4]});
}

}  // namespace

std::string identity_key(const feeds::Entry& entry) {
    return identity_key(entry, entry.link.empty() ? std::string() : feeds::canonical_url(entry.link));
}

EntryRow make_entry_row(const feeds::Entry& entry) {
    return make_entry_row(entry, feeds::canonical_url(entry.link));
}

EntryRow make_entry_row(const feeds::Entry& entry, std::string canonical_link) {
    EntryRow row;
    row.canonical_link = std::move(canonical_link);
    row.identity_key = identity_key(entry, row.canonical_link);
    row.body = encode_entry_body(entry);
    row.content_hash = content_hash(row, entry);
    return row;
}

bool unchanged_content(std::string_view stored_hash, const EntryRow& row, const feeds::Entry& entry) {
    if (stored_hash == row.content_hash) return true;
    return !stored_hash.starts_with(kContentHashPrefix) && stored_hash == older_content_hash(row, entry);
}

std::string encode_entry_body(const feeds::Entry& entry) {
    json::object body;
    put_text(body, "id", entry.id);
    if (!entry.links.empty()) {
        json::array links;
        for (const feeds::Link& link : entry.links) {
            json::object out;
            put_text(out, "href", link.href);
            put_text(out, "rel", link.rel);
            put_text(out, "type", link.type);
            put_text(out, "title", link.title);
            put_count(out, "length", link.length);
            links.push_back(std::move(out));
        }
        body["links"] = std::move(links);
    }
    put_text(body, "summary", entry.summary);
    put_text(body, "content", entry.content);
    if (!entry.authors.empty()) {
        json::array authors;
        for (const feeds::Person& person : entry.authors) {
            json::object out;
            put_text(out, "name", person.name);
            put_text(out, "email", person.email);
            put_text(out, "uri", person.uri);
            authors.push_back(std::move(out));
        }
        body["authors"] = std::move(authors);
    }
    if (!entry.categories.empty()) {
        json::array categories;
        for (const std::string& category : entry.categories) categories.emplace_back(category);
        body["categories"] = std::move(categories);
    }
    if (!entry.enclosures.empty()) {
        json::array enclosures;
        for (const feeds::Enclosure& enclosure : entry.enclosures) {
            json::object out;
            put_text(out, "url", enclosure.url);
            put_text(out, "type", enclosure.type);
            put_count(out, "length", enclosure.length);
            enclosures.push_back(std::move(out));
        }
        body["enclosures"] = std::move(enclosures);
    }
    put_text(body, "comments", entry.comments);
    put_count(body, "comment_count", entry.comment_count);
    put_text(body, "source_title", entry.source_title);
    put_text(body, "source_link", entry.source_link);
    put_text(body, "published_origin", entry.published_origin);
    return json::serialize(body);
}

void decode_entry_body(std::string_view text, feeds::Entry& entry) {
    boost::system::error_code error;
    const json::value parsed = json::parse(text, error);
    if (error || !parsed.is_object()) return;
    const json::object& body = parsed.get_object();
    entry.id = text_of(body, "id");
    for_each_object(body, "links", [&](const json::object& link) {
        entry.links.push_back({text_of(link, "href"), text_of(link, "rel"), text_of(link, "type"),
                               text_of(link, "title"), count_of(link, "length")});
    });
    entry.summary = text_of(body, "summary");
    entry.content = text_of(body, "content");
    for_each_object(body, "authors", [&](const json::object& person) {
        entry.authors.push_back({text_of(person, "name"), text_of(person, "email"), text_of(person, "uri")});
    });
    if (const json::value* categories = body.if_contains("categories");
        categories && categories->is_array()) {
        for (const json::value& category : categories->get_array()) {
            if (category.is_string()) entry.categories.emplace_back(category.get_string());
        }
    }
    for_each_object(body, "enclosures", [&](const json::object& enclosure) {
        entry.enclosures.push_back(
            {text_of(enclosure, "url"), text_of(enclosure, "type"), count_of(enclosure, "length")});
    });
    entry.comments = text_of(body, "comments");
    entry.comment_count = count_of(body, "comment_count");
    entry.source_title = text_of(body, "source_title");
    entry.source_link = text_of(body, "source_link");
    entry.published_origin = text_of(body, "published_origin");
}

}  // namespace feedagg::store::detail

namespace feedagg::store {

void prepare_entry_rows(PollOutcome& outcome) {
    outcome.rows.clear();
    outcome.rows.reserve(outcome.entries.size());
    // Story keys, when made, hold the canonical link already.
    const bool keyed = outcome.story_keys.size() == outcome.entries.size();
    for (std::size_t i = 0; i < outcome.entries.size(); ++i) {
        const feeds::Entry& entry = outcome.entries[i];
        outcome.rows.push_back(keyed ? detail::make_entry_row(entry, outcome.story_keys[i].canonical_link)
                                     : detail::make_entry_row(entry));
    }
}

}  // namespace feedagg::store
