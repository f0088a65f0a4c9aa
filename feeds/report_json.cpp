#include "feeds/report_json.hpp"

#include <boost/json/array.hpp>

#include "feeds/dates.hpp"

namespace feedagg::feeds {
namespace {

namespace json = boost::json;

json::value text_or_null(const std::string& text) {
    if (text.empty()) return nullptr;
    return json::string(text);
}

json::value time_or_null(const std::optional<Timestamp>& time) {
    if (!time) return nullptr;
    return json::string(format_rfc3339(*time));
}

json::value length_or_null(const std::optional<std::uint64_t>& length) {
    if (!length) return nullptr;
    return *length;
}

json::array people(const std::vector<Person>& persons) {
    json::array out;
    for (const auto& person : persons) {
        out.push_back(json::object{{"name", text_or_null(person.name)},
                                   {"email", text_or_null(person.email)},
                                   {"uri", text_or_null(person.uri)}});
    }
    return out;
}

json::array links(const std::vector<Link>& items) {
    json::array out;
    for (const auto& link : items) {
        out.push_back(json::object{{"href", text_or_null(link.href)},
                                   {"rel", text_or_null(link.rel)},
                                   {"type", text_or_null(link.type)},
                                   {"title", text_or_null(link.title)},
                                   {"length", length_or_null(link.length)}});
    }
    return out;
}

json::array enclosures(const std::vector<Enclosure>& items) {
    json::array out;
    for (const auto& enclosure : items) {
        out.push_back(json::object{{"url", text_or_null(enclosure.url)},
                                   {"type", text_or_null(enclosure.type)},
                                   {"length", length_or_null(enclosure.length)}});
    }
    return out;
}

json::array strings(const std::vector<std::string>& items) {
    json::array out;
    for (const auto& item : items) out.emplace_back(item);
    return out;
}

json::object entry_json(const Entry& entry) {
    return json::object{
        {"id", text_or_null(entry.id)},
        {"title", text_or_null(entry.title)},
        {"link", text_or_null(entry.link)},
        {"links", links(entry.links)},
        {"summary", text_or_null(entry.summary)},
        {"content", text_or_null(entry.content)},
        {"published", time_or_null(entry.published)},
        {"updated", time_or_null(entry.updated)},
        {"authors", people(entry.authors)},
        {"categories", strings(entry.categories)},
        {"enclosures", enclosures(entry.enclosures)},
        {"comments", text_or_null(entry.comments)},
        {"source_title", text_or_null(entry.source_title)},
        {"source_link", text_or_null(entry.source_link)},
    };
}

}  // namespace

json::object to_report_json(const ParsedFeed& parsed) {
    const Feed& feed = parsed.feed;
    json::array entries;
    entries.reserve(feed.entries.size());
    for (const auto& entry : feed.entries) entries.push_back(entry_json(entry));
    return json::object{
        {"format", json::string(format_name(parsed.format))},
        {"title", text_or_null(feed.title)},
        {"link", text_or_null(feed.link)},
        {"self_link", text_or_null(feed.self_link)},
        {"description", text_or_null(feed.description)},
        {"language", text_or_null(feed.language)},
        {"rights", text_or_null(feed.rights)},
        {"generator", text_or_null(feed.generator)},
        {"image", text_or_null(feed.image)},
        {"updated", time_or_null(feed.updated)},
        {"authors", people(feed.authors)},
        {"warnings", strings(parsed.warnings)},
        {"entries", std::move(entries)},
    };
}

}  // namespace feedagg::feeds
