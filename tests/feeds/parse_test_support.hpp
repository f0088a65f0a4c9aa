#pragma once
// Shared by the parser tests: parse a document given inline and fail the test loudly when it yields nothing.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "feeds/parse.hpp"

namespace feedagg::feeds::testing {

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline ParsedFeed parse_ok(std::string_view document, ParseOptions options = {}) {
    auto parsed = parse_feed(document, options);
    if (!parsed) ADD_FAILURE() << "parse_feed failed: " << parsed.error().message;
    return parsed ? std::move(parsed).value() : ParsedFeed{};
}

inline bool has_warning_containing(const ParsedFeed& parsed, std::string_view text) {
    return std::any_of(parsed.warnings.begin(), parsed.warnings.end(),
                       [&](const std::string& warning) { return warning.find(text) != std::string::npos; });
}

inline std::string rss_with_items(std::string_view items, std::string_view namespaces = {}) {
    return std::string("<?xml version=\"1.0\"?><rss version=\"2.0\" ") + std::string(namespaces) +
           "><channel><title>T</title><link>https://example.org/</link><description>D</description>" +
           std::string(items) + "</channel></rss>";
}

}  // namespace feedagg::feeds::testing
