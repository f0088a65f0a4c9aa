#pragma once
// The scraping fixtures' rule.json as a ScrapeRule: the [source.scrape] keys, spelled as in
// feedagg.toml. Shared by the fixture test and bench/scrape_bench.cpp.

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "feeds/scrape.hpp"

namespace feedagg::feeds::testing {

inline std::string json_text(const boost::json::object& object, std::string_view key) {
    const boost::json::value* value = object.if_contains(key);
    return value && value->is_string() ? std::string(value->get_string()) : std::string{};
}

inline std::vector<std::string> json_texts(const boost::json::object& object, std::string_view key) {
    std::vector<std::string> texts;
    if (const boost::json::value* value = object.if_contains(key); value && value->is_array()) {
        for (const boost::json::value& item : value->get_array()) texts.emplace_back(item.get_string());
    }
    return texts;
}

inline ScrapeRule scrape_rule_from_json(const boost::json::object& json) {
    ScrapeRule rule;
    rule.item = json_text(json, "item");
    rule.title = json_text(json, "title");
    rule.link = json_text(json, "link");
    rule.date = json_text(json, "date");
    rule.summary = json_text(json, "summary");
    rule.image = json_text(json, "image");
    rule.author = json_text(json, "author");
    rule.next_page = json_text(json, "next_page");
    rule.date_formats = json_texts(json, "date_formats");
    if (const boost::json::value* article = json.if_contains("article")) {
        const boost::json::object& selectors = article->as_object();
        rule.article.content = json_text(selectors, "content");
        rule.article.remove = json_texts(selectors, "remove");
        rule.article.title = json_text(selectors, "title");
        rule.article.date = json_text(selectors, "date");
        rule.article.author = json_text(selectors, "author");
    }
    return rule;
}

}  // namespace feedagg::feeds::testing
