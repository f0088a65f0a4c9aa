#include "feeds/detail/json_document.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <random>

namespace feedagg::feeds::detail {
namespace {

namespace json = boost::json;

// What the JSON Feed reader got before it had a reader of its own: Boost.JSON's parse with its options.
std::optional<json::value> boost_parse(std::string_view text) {
    json::parse_options options;
    options.allow_comments = true;
    options.allow_trailing_commas = true;
    options.allow_invalid_utf8 = true;
    options.max_depth = 64;
    boost::system::error_code error;
    json::value value = json::parse(text, error, {}, options);
    if (error) return std::nullopt;
    return value;
}

// Equal values of the same kinds, members in the same order (json::value's == calls 5 and 5u equal
// and ignores the order of members).
bool identical(const json::value& a, const json::value& b) {
    if (a.kind() != b.kind()) return false;
    if (const json::object* object = a.if_object()) {
        const json::object& other = b.get_object();
        if (object->size() != other.size()) return false;
        for (auto i = object->begin(), j = other.begin(); i != object->end(); ++i, ++j) {
            if (i->key() != j->key() || !identical(i->value(), j->value())) return false;
        }
        return true;
    }
    if (const json::array* array = a.if_array()) {
        const json::array& other = b.get_array();
        if (array->size() != other.size()) return false;
        for (std::size_t i = 0; i < array->size(); ++i) {
            if (!identical((*array)[i], other[i])) return false;
        }
        return true;
    }
    return a == b;
}

void expect_read_as_boost_reads(std::string_view text) {
    const std::optional<json::value> ours = read_standard_json_object(text, {});
    const std::optional<json::value> boosts = boost_parse(text);
    ASSERT_TRUE(ours.has_value()) << text;
    ASSERT_TRUE(boosts.has_value()) << text;
    EXPECT_TRUE(identical(*ours, *boosts)) << json::serialize(*ours) << "\n" << json::serialize(*boosts);
}

TEST(JsonDocument, ReadsEveryEscapeAsBoostJsonDoes) {
    expect_read_as_boost_reads(
        R"({"s": "q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u4e2d\ud83d\ude00 \u0000 end"})");
}

TEST(JsonDocument, ReadsLongStringsWithEscapesBetweenBlocks) {
    std::string html;
    for (int i = 0; i < 50; ++i)
        html += R"(<a href=\"https://e.org/)" + std::to_string(i) + R"(\">link</a>\n 中文)";
    expect_read_as_boost_reads(R"({"content_html": ")" + html + R"(", "k\"ey": "v"})");
}

TEST(JsonDocument, KeepsInvalidUtf8AndDeleteAsTheyAre) {
    expect_read_as_boost_reads("{\"s\": \"\xff\xfe \xe4\xb8 \x7f \\\" \xc3\"}");
}

TEST(JsonDocument, ReadsIntegersLiteralsAndNestingAsBoostJsonDoes) {
    expect_read_as_boost_reads(
        R"( {"a": [0, -7, 123456789012345678, -123456789012345678, true, false, null, [], {}],
             "b": {"c": [[[{"d": ""}]]]}, "a": "duplicate key"} )");
}

TEST(JsonDocument, DeclinesWhatBoostJsonReadsDifferentlyOrRejects) {
    for (const std::string_view text : {
             R"({"a": 1 /* comment */})",
             R"({"a": [1,],})",
             R"({"n": 1.5})",
             R"({"n": 1e3})",
             R"({"n": 1234567890123456789})",
             R"({"n": -0})",
             R"({"n": 01})",
             R"({"s": "\ud800"})",
             R"({"s": "\udc00\ud800"})",
             R"({"s": "\ud800\u0041"})",
             "{\"s\": \"tab\there\"}",
             R"({"s": "\x"})",
             R"({"s": "\u12G4"})",
             R"({"a": 1} x)",
             R"([1, 2])",
             R"({"a": tru})",
             R"({"a" 1})",
             R"({"a": 1 "b": 2})",
             R"({a: 1})",
             "",
             "\xef\xbb\xbf{}",
             R"({"a": +1})",
         }) {
        EXPECT_FALSE(read_standard_json_object(text, {}).has_value()) << text;
    }
}

TEST(JsonDocument, DeclinesNestingPastThirtyTwoLevels) {
    const auto nested = [](int levels) {
        return "{\"a\": " + std::string(static_cast<std::size_t>(levels), '[') +
               std::string(static_cast<std::size_t>(levels), ']') + "}";
    };
    EXPECT_TRUE(read_standard_json_object(nested(32), {}).has_value());
    EXPECT_FALSE(read_standard_json_object(nested(33), {}).has_value());
}

TEST(JsonDocument, DeclinesEveryTruncationOfADocument) {
    const std::string text =
        R"({"version": "1.1", "items": [{"id": 12, "content_html": "<p class=\"x\">\u4e2d\ud83d\ude00</p>", "ok": true}]})";
    for (std::size_t size = 0; size < text.size(); ++size)
        EXPECT_FALSE(read_standard_json_object(std::string_view(text).substr(0, size), {}).has_value())
            << size;
}

TEST(JsonDocument, LeavesDeclinedDocumentsToBoostJson) {
    boost::system::error_code error;
    const json::value document = parse_json_document(R"({"a": [1.5, 2,], // note
        "b": 18446744073709551615})",
                                                     {}, error);
    ASSERT_FALSE(error);
    EXPECT_TRUE(identical(document, *boost_parse(R"({"a": [1.5, 2], "b": 18446744073709551615})")));

    const std::string_view lone_surrogate = R"({"s": "\ud800"})";
    parse_json_document(lone_surrogate, {}, error);
    boost::system::error_code boosts_error;
    json::parse(lone_surrogate, boosts_error);
    EXPECT_TRUE(error);
    EXPECT_EQ(error, boosts_error);
}

// Whatever the reader accepts of mangled documents, it reads as Boost.JSON does.
TEST(JsonDocument, AgreesWithBoostJsonOnMutatedDocuments) {
    const std::string seed =
        R"({"version": "https://jsonfeed.org/version/1.1", "items": [{"id": 1, "title": "a\u00e9\n",)"
        R"( "content_html": "<a href=\"/x\">\ud83d\ude00 中文</a>\\", "tags": ["t", null, false], "n": -42}]})";
    const std::string alphabet = "{}[]:,\"\\/ \t\nu0123456789abcdefnrtlsDdE.-+\x01\x7f\xc3\xff";
    std::mt19937 random(2);
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text = seed;
        const int edits = 1 + static_cast<int>(random() % 3);
        for (int edit = 0; edit < edits; ++edit) {
            const std::size_t at = random() % text.size();
            const char c = alphabet[random() % alphabet.size()];
            switch (random() % 3) {
                case 0: text[at] = c; break;
                case 1: text.insert(at, 1, c); break;
                default: text.erase(at, 1); break;
            }
        }
        if (const std::optional<json::value> ours = read_standard_json_object(text, {})) {
            const std::optional<json::value> boosts = boost_parse(text);
            ASSERT_TRUE(boosts.has_value()) << text;
            ASSERT_TRUE(identical(*ours, *boosts)) << text;
            ++accepted;
        }
    }
    EXPECT_GT(accepted, 2000);  // the mutations left enough valid documents to compare
}

}  // namespace
}  // namespace feedagg::feeds::detail
