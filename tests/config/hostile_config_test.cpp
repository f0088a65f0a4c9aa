// Huge, deep, truncated or binary input: an error or a config, never a crash or a hang.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "daemon/config/config.hpp"

namespace feedagg::config {
namespace {

using ::testing::HasSubstr;

LoadedConfig parse(std::string_view toml) {
    return parse_config(toml, "t.toml", "/srv/feedagg");
}

TEST(HostileConfig, TenMegabytesOfSourcesParse) {
    std::string toml;
    std::size_t count = 0;
    while (toml.size() < 10 * 1024 * 1024) {
        const std::string name = "s" + std::to_string(count++);
        toml += "[[source]]\nname = \"" + name + "\"\nurl = \"https://feeds.example/" + name +
                ".xml\"\ninterval = \"15m\"\ntags = [\"bulk\"]\n\n";
    }
    toml += "[[channel]]\nname = \"all\"\ntags = [\"bulk\"]\n";
    const LoadedConfig loaded = parse(toml);
    ASSERT_TRUE(loaded.errors.empty()) << loaded.errors.front().to_string();
    EXPECT_EQ(loaded.config->sources.size(), count);
}

TEST(HostileConfig, TenMegabyteStringValueIsReportedShortly) {
    const std::string toml = "[log]\nlevel = \"" + std::string(10 * 1024 * 1024, 'x') + "\"\n";
    const LoadedConfig loaded = parse(toml);
    ASSERT_EQ(loaded.errors.size(), 1u);
    EXPECT_LT(loaded.errors[0].to_string().size(), 300u);
    EXPECT_THAT(loaded.errors[0].to_string(), HasSubstr("t.toml:2:9: [log]: level \"xxx"));
}

TEST(HostileConfig, ManyErrorsAreAllReported) {
    std::string toml = "[fetch]\n";
    for (int i = 0; i < 5'000; ++i) toml += "unknown_" + std::to_string(i) + " = 1\n";
    EXPECT_EQ(parse(toml).errors.size(), 5'000u);
}

TEST(HostileConfig, DeeplyNestedArraysAreRefused) {
    const std::string toml =
        "[server]\nlisten = " + std::string(100'000, '[') + std::string(100'000, ']') + "\n";
    const LoadedConfig loaded = parse(toml);
    ASSERT_EQ(loaded.errors.size(), 1u);
    EXPECT_THAT(loaded.errors[0].to_string(), HasSubstr("TOML syntax"));
}

TEST(HostileConfig, DeeplyNestedInlineTablesAreRefused) {
    std::string toml = "x = ";
    for (int i = 0; i < 100'000; ++i) toml += "{a=";
    toml += "1";
    toml += std::string(100'000, '}');
    const LoadedConfig loaded = parse(toml);
    ASSERT_FALSE(loaded.errors.empty());
    EXPECT_FALSE(loaded.config);
}

TEST(HostileConfig, ModeratelyDottedTableHeaderIsAnUnknownKey) {
    std::string toml = "[a";
    for (int i = 0; i < 60; ++i) toml += ".a";
    toml += "]\nx = 1\n";
    const LoadedConfig loaded = parse(toml);
    ASSERT_EQ(loaded.errors.size(), 1u);
    EXPECT_THAT(loaded.errors[0].to_string(), HasSubstr("t.toml:1:2: top level: unknown key \"a\""));
}

// toml++ recurses once per key part; two million parts would overflow the stack.
TEST(HostileConfig, DeepDottedTableHeaderIsRefusedBeforeParsing) {
    std::string toml = "[a";
    for (int i = 0; i < 2'000'000; ++i) toml += ".a";
    toml += "]\nx = 1\n";
    const LoadedConfig loaded =
        parse("# \"a.b.c\" in a comment\nurl = '''\n" + std::string(1000, '.') + "'''\n" + toml);
    ASSERT_EQ(loaded.errors.size(), 1u);
    EXPECT_THAT(loaded.errors[0].to_string(),
                HasSubstr("t.toml:4:1: TOML: more than 64 dots outside strings"));
}

TEST(HostileConfig, DeepDottedKeyIsRefusedBeforeParsing) {
    std::string toml = "[server]\nlisten = \"1.2.3.4:5\"\na";
    for (int i = 0; i < 1'000'000; ++i) toml += ".a";
    toml += " = 1\n";
    const LoadedConfig loaded = parse(toml);
    ASSERT_EQ(loaded.errors.size(), 1u);
    EXPECT_THAT(loaded.errors[0].to_string(), HasSubstr("t.toml:3:1: TOML: more than 64 dots"));
}

TEST(HostileConfig, TruncatedFilesGiveErrors) {
    const std::string full = R"([server]
listen = ["127.0.0.1:8080"]
[[source]]
name = "a"
url = "https://a.example/feed.xml"
interval = "15m"
[[channel]]
name = "c"
sources = ["a"]
include = [{ field = "title", regex = "工会" }]
)";
    for (std::size_t length = 0; length <= full.size(); ++length) {
        const LoadedConfig loaded = parse(std::string_view(full).substr(0, length));
        EXPECT_EQ(loaded.config.has_value(), loaded.errors.empty());
    }
}

TEST(HostileConfig, BinaryGarbageGivesAnError) {
    std::mt19937 random(42);
    for (int round = 0; round < 200; ++round) {
        std::string garbage(1 + random() % 4096, '\0');
        for (char& c : garbage) c = static_cast<char>(random());
        const LoadedConfig loaded = parse(garbage);
        EXPECT_EQ(loaded.config.has_value(), loaded.errors.empty());
    }
}

TEST(HostileConfig, InvalidUtf8AndNulAreSyntaxErrors) {
    for (const std::string& toml : {std::string("a = \"\xff\xfe\"\n"), std::string("a = \"x\0y\"\n", 10),
                                    std::string("\xef\xbb\xbf[log]\nlevel = \"\xc3\"\n")}) {
        const LoadedConfig loaded = parse(toml);
        ASSERT_FALSE(loaded.errors.empty());
        EXPECT_THAT(loaded.errors[0].to_string(), HasSubstr("TOML syntax"));
    }
}

TEST(HostileConfig, HostileRegexIsRefusedBeforeCompiling) {
    const std::string toml = R"([[source]]
name = "a"
url = "https://a.example/"
[[channel]]
name = "c"
sources = ["a"]
include = [{ regex = ")" + std::string(100'000, '(') +
                             R"(" }]
)";
    const LoadedConfig loaded = parse(toml);
    ASSERT_EQ(loaded.errors.size(), 1u);
    EXPECT_THAT(loaded.errors[0].to_string(), HasSubstr("is longer than 1000 characters"));
}

}  // namespace
}  // namespace feedagg::config
