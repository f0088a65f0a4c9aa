// Each kind of mistake yields one error naming the file, line and column of the offending value and
// saying what was expected.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "daemon/config/config.hpp"

namespace feedagg::config {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

std::vector<std::string> errors_in(std::string_view toml) {
    const LoadedConfig loaded = parse_config(toml, "t.toml", "/srv/feedagg");
    std::vector<std::string> errors;
    for (const auto& error : loaded.errors) errors.push_back(error.to_string());
    EXPECT_EQ(loaded.config.has_value(), errors.empty());
    return errors;
}

// A valid source and channel to build broken files around; the broken part follows on line 9.
const std::string valid = R"([[source]]
name = "acftu"
url = "https://www.acftu.org/feed.xml"
tags = ["union"]

[[channel]]
name = "news"
sources = ["acftu"]
)";

TEST(ConfigErrors, ValidBaseHasNone) {
    EXPECT_THAT(errors_in(valid), IsEmpty());
}

TEST(ConfigErrors, IntervalWithoutUnit) {
    EXPECT_THAT(errors_in(R"([[source]]
name = "acftu"
url = "https://www.acftu.org/feed.xml"
interval = "5"
)"),
                ElementsAre(R"(t.toml:4:12: source "acftu": interval "5" needs a unit (e.g. "15m"))"));
}

TEST(ConfigErrors, IntervalAsBareNumber) {
    EXPECT_THAT(errors_in(valid + "[[source]]\nname = \"b\"\nurl = \"https://b.example/\"\ninterval = 15\n"),
                ElementsAre(R"(t.toml:12:12: source "b": interval 15 needs a unit and quotes (e.g. "15m"))"));
}

TEST(ConfigErrors, IntervalNotADuration) {
    EXPECT_THAT(
        errors_in(R"([[source]]
name = "a"
url = "https://a.example/"
interval = "15 min"
)"),
        ElementsAre(HasSubstr(R"(t.toml:4:12: source "a": interval "15 min" is not a duration; expected)")));
}

TEST(ConfigErrors, IntervalBelowOneMinute) {
    EXPECT_THAT(errors_in(R"([[source]]
name = "a"
url = "https://a.example/"
interval = "30s"
)"),
                ElementsAre(R"(t.toml:4:12: source "a": interval "30s" is shorter than the minimum of 1m)"));
}

TEST(ConfigErrors, SyntaxErrorIsLocated) {
    const auto errors = errors_in("[server]\nlisten = [\"127.0.0.1:8080\"\n\n[fetch]\n");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_THAT(errors[0], testing::StartsWith("t.toml:"));
    EXPECT_THAT(errors[0], HasSubstr("TOML syntax: "));
}

TEST(ConfigErrors, SyntaxErrorPointsAtTheBadCharacter) {
    const auto errors = errors_in("[log]\nlevel = info\n");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_THAT(errors[0], testing::StartsWith("t.toml:2:12: TOML syntax: "));
}

TEST(ConfigErrors, UnknownKeySuggestsTheClosest) {
    EXPECT_THAT(
        errors_in(R"([[source]]
name = "a"
url = "https://a.example/"
intervall = "15m"
)"),
        ElementsAre(
            R"(t.toml:4:1: source "a": unknown key "intervall"; did you mean "interval"? Allowed keys: )"
            "name, url, type, interval, timezone, tags, enabled, max_items, max_age, priority, scrape, "
            "full_text, "
            "strip, separate_from"));
}

TEST(ConfigErrors, UnknownKeyWithoutCloseMatchListsAllowedKeys) {
    EXPECT_THAT(errors_in("[log]\nlevel = \"info\"\ncolour = true\n"),
                ElementsAre(R"(t.toml:3:1: [log]: unknown key "colour" Allowed keys: level)"));
}

TEST(ConfigErrors, UnknownSectionSuggestsTheClosest) {
    EXPECT_THAT(
        errors_in("[[sources]]\nname = \"a\"\n"),
        ElementsAre(HasSubstr(R"(t.toml:1:3: top level: unknown key "sources"; did you mean "source"?)")));
}

TEST(ConfigErrors, UnknownKeyInFilter) {
    EXPECT_THAT(
        errors_in(valid + "include = [{ feild = \"title\", keyword = \"x\" }]\n"),
        ElementsAre(HasSubstr(
            R"(t.toml:9:14: channel "news": include[0]: unknown key "feild"; did you mean "field"?)")));
}

TEST(ConfigErrors, WrongType) {
    EXPECT_THAT(errors_in("[fetch]\nconcurrency = \"16\"\n"),
                ElementsAre(R"(t.toml:2:15: [fetch]: concurrency must be an integer, not a string)"));
    EXPECT_THAT(errors_in(valid + "max_items = 1.5\n"),
                ElementsAre(R"(t.toml:9:13: channel "news": max_items must be an integer, not a float)"));
    EXPECT_THAT(errors_in("server = 1\n"),
                ElementsAre(R"(t.toml:1:10: [server] must be a table, not an integer)"));
    EXPECT_THAT(errors_in("[source]\nname = \"a\"\n"),
                ElementsAre(HasSubstr("source must be an array of tables; write each as [[source]]")));
}

TEST(ConfigErrors, NumberOutOfRange) {
    EXPECT_THAT(
        errors_in("[fetch]\nconcurrency = 0\nper_host_concurrency = 100000\n"),
        ElementsAre(
            R"(t.toml:2:15: [fetch]: concurrency 0 is out of range; expected 1 to 1024)",
            R"(t.toml:3:24: [fetch]: per_host_concurrency 100000 is out of range; expected 1 to 64)"));
}

TEST(ConfigErrors, DuplicateSourceAndChannelNames) {
    EXPECT_THAT(errors_in(valid + R"(
[[source]]
name = "acftu"
url = "https://other.example/"

[[channel]]
name = "news"
sources = ["acftu"]
)"),
                ElementsAre(R"(t.toml:11:8: source "acftu": duplicate name; first defined at line 2)",
                            R"(t.toml:15:8: channel "news": duplicate name; first defined at line 7)"));
}

TEST(ConfigErrors, NameOutsideTheAllowedCharacters) {
    EXPECT_THAT(errors_in("[[source]]\nname = \"ACFTU news\"\nurl = \"https://a.example/\"\n"),
                ElementsAre(R"(t.toml:2:8: source "ACFTU news": name "ACFTU news" must match [a-z0-9_-]+ )"
                            R"((lower-case letters, digits, '_' and '-'))"));
}

TEST(ConfigErrors, MissingNameAndUrl) {
    EXPECT_THAT(errors_in("[[source]]\ntags = []\n"),
                ElementsAre(HasSubstr(R"(t.toml:1:1: source #1: missing key "name")"),
                            HasSubstr(R"(t.toml:1:1: source #1: missing key "url")")));
}

TEST(ConfigErrors, ChannelNamesMissingSource) {
    EXPECT_THAT(
        errors_in(valid + "[[channel]]\nname = \"more\"\nsources = [\"acftu\", \"acftv\", \"zzz\"]\n"),
        ElementsAre(
            R"(t.toml:11:21: channel "more": source "acftv" is not defined by any [[source]]; did you mean "acftu"?)",
            R"(t.toml:11:30: channel "more": source "zzz" is not defined by any [[source]])"));
}

TEST(ConfigErrors, ChannelTagMatchingNoSource) {
    EXPECT_THAT(errors_in(valid + "[[channel]]\nname = \"more\"\ntags = [\"union\", \"press\"]\n"),
                ElementsAre(R"(t.toml:11:18: channel "more": tag "press" matches no source's tags)"));
}

TEST(ConfigErrors, ChannelWithoutSources) {
    EXPECT_THAT(errors_in(valid + "\n[[channel]]\nname = \"empty\"\ntitle = \"Nothing\"\n"),
                ElementsAre(HasSubstr(R"(t.toml:10:1: channel "empty": names no sources; set sources = )")));
}

TEST(ConfigErrors, BadUrls) {
    EXPECT_THAT(
        errors_in(R"([[source]]
name = "a"
url = "ftp://a.example/feed"
[[source]]
name = "b"
url = "not a url"
[[source]]
name = "c"
url = "https:///nohost"
[[source]]
name = "d"
url = "file://host/feed.xml"
)"),
        ElementsAre(
            R"(t.toml:3:7: source "a": url "ftp://a.example/feed" must be an http, https or file URL)",
            HasSubstr(R"(t.toml:6:7: source "b": url "not a url" is not a URL ()"),
            R"(t.toml:9:7: source "c": url "https:///nohost" must be an http, https or file URL)",
            HasSubstr(R"(t.toml:12:7: source "d": url "file://host/feed.xml" names a host)")));
}

TEST(ConfigErrors, UnknownTimezone) {
    EXPECT_THAT(
        errors_in("[[source]]\nname = \"a\"\nurl = \"https://a.example/\"\ntimezone = \"Asia/Shangai\"\n"),
        ElementsAre(R"(t.toml:4:12: source "a": timezone "Asia/Shangai" is not a known timezone; )"
                    R"(expected an IANA name such as "Asia/Shanghai" or "UTC")"));
}

TEST(ConfigErrors, BadRegexInFilter) {
    const auto errors =
        errors_in(valid + "exclude = [\"ads\", { field = \"title\", regex = \"(unclosed\" }]\n");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_THAT(errors[0],
                testing::StartsWith(R"(t.toml:9:46: channel "news": exclude[1]: regex "(unclosed" )"
                                    "is not a valid regular expression: "));
}

TEST(ConfigErrors, FilterNeedsKeywordOrRegex) {
    EXPECT_THAT(
        errors_in(valid + "include = [{ field = \"body\" }]\n"),
        ElementsAre(
            R"(t.toml:9:12: channel "news": include[0]: needs exactly one of "keyword" or "regex")",
            R"(t.toml:9:22: channel "news": include[0]: field "body" is not one of title, content, any)"));
}

TEST(ConfigErrors, BadListenAddresses) {
    EXPECT_THAT(
        errors_in(R"([server]
listen = ["127.0.0.1", "localhost:8080", "::1:8080", "[::1]:0", "0.0.0.0:65536", "[::1]:8080", "0.0.0.0:80"]
)"),
        ElementsAre(
            R"(t.toml:2:11: [server]: listen[0] "127.0.0.1" must be "host:port" with an IP address, e.g. "127.0.0.1:8080" or "[::1]:8080")",
            R"(t.toml:2:24: [server]: listen[1] "localhost:8080" must be "host:port" with an IP address, e.g. "127.0.0.1:8080" or "[::1]:8080")",
            R"(t.toml:2:42: [server]: listen[2] "::1:8080" has an IPv6 address without brackets; write "[::1]:8080")",
            R"(t.toml:2:54: [server]: listen[3] "[::1]:0" has port 0; expected 1 to 65535)",
            R"(t.toml:2:65: [server]: listen[4] "0.0.0.0:65536" has port 65536; expected 1 to 65535)"));
}

TEST(ConfigErrors, BadNetworks) {
    EXPECT_THAT(
        errors_in(R"([fetch]
allowed_networks = ["127.0.0.0/8", "10.0.0.0/33", "10.1.2.3/8", "::1", "fe80::/129", "::1/128"]
)"),
        ElementsAre(
            HasSubstr(R"(t.toml:2:36: [fetch]: allowed_networks[1] "10.0.0.0/33" is not a network)"),
            R"(t.toml:2:51: [fetch]: allowed_networks[2] "10.1.2.3/8" has bits set after the prefix; did you mean "10.0.0.0/8"?)",
            HasSubstr(R"(t.toml:2:65: [fetch]: allowed_networks[3] "::1" needs a prefix length)"),
            HasSubstr(R"(t.toml:2:72: [fetch]: allowed_networks[4] "fe80::/129" is not an IPv6 network)")));
}

TEST(ConfigErrors, BadLogLevel) {
    EXPECT_THAT(
        errors_in("[log]\nlevel = \"verbose\"\n"),
        ElementsAre(
            R"(t.toml:2:9: [log]: level "verbose" is not one of trace, debug, info, warn, error, critical, off)"));
}

TEST(ConfigErrors, HtmlSourceNeedsScrapeTable) {
    EXPECT_THAT(
        errors_in("[[source]]\nname = \"a\"\nurl = \"https://a.example/\"\ntype = \"html\"\n"),
        ElementsAre(HasSubstr(R"(t.toml:1:1: source "a": type "html" needs a [source.scrape] table)")));
}

TEST(ConfigErrors, ScrapeSelectorsAreCheckedWhereWritten) {
    EXPECT_THAT(
        errors_in(R"([[source]]
name = "a"
url = "https://a.example/"
type = "html"
[source.scrape]
item = "ul > li"
date = "span["
date_formats = ["%Y-%q"]
follow = true
page_url = "https://a.example/list.html"
colour = "red"
[source.scrape.article]
remove = ["div.share", "//p["]
)"),
        UnorderedElementsAre(
            HasSubstr(
                R"(t.toml:7:8: source "a": scrape: date "span[" is not a selector: CSS selector "span[")"),
            HasSubstr(
                R"(t.toml:8:17: source "a": scrape: date_formats[0] "%Y-%q" has an unknown conversion)"),
            HasSubstr(R"(t.toml:10:12: source "a": scrape: page_url "https://a.example/list.html" must be)"),
            HasSubstr(R"(t.toml:11:1: source "a": scrape: unknown key "colour")"),
            HasSubstr(
                R"(t.toml:13:24: source "a": scrape: scrape.article: remove[1] "//p[" is not a selector)"),
            HasSubstr(
                R"(source "a": scrape: follow = true needs [source.scrape.article] with at least content)")));
}

TEST(ConfigErrors, FeedSourcesTakeOnlyArticleSelectors) {
    EXPECT_THAT(
        errors_in(R"([[source]]
name = "a"
url = "https://a.example/feed"
full_text = true
[source.scrape]
item = "li"
[source.scrape.article]
content = "div.body"
)"),
        ElementsAre(HasSubstr(
            R"(t.toml:6:1: source "a": scrape: only scrape.article applies to a source of type "auto"; "item" needs type = "html")")));
}

TEST(ConfigErrors, FileSourceOutsideFileRoots) {
    EXPECT_THAT(
        errors_in(R"([fetch]
file_roots = ["samples", "/var/feeds/"]
[[source]]
name = "passwd"
url = "file:///etc/passwd"
[[source]]
name = "escape"
url = "file:samples/../secret.xml"
[[source]]
name = "inside"
url = "file:samples/a.xml"
)"),
        ElementsAre(
            R"(t.toml:5:7: source "passwd": url "file:///etc/passwd" reads /etc/passwd, which is not )"
            R"(under a fetch.file_roots directory (/srv/feedagg/samples, /var/feeds))",
            R"(t.toml:8:7: source "escape": url "file:samples/../secret.xml" reads /srv/feedagg/secret.xml, )"
            R"(which is not under a fetch.file_roots directory (/srv/feedagg/samples, /var/feeds))"));
}

TEST(ConfigErrors, FileSourceWithoutFileRoots) {
    EXPECT_THAT(errors_in("[[source]]\nname = \"a\"\nurl = \"file:///srv/a.xml\"\n"),
                ElementsAre(HasSubstr("(none are configured; add its directory to fetch.file_roots)")));
}

TEST(ConfigErrors, EveryErrorIsReportedInFileOrder) {
    const auto errors = errors_in(R"([server]
listen = "localhost"
[log]
level = "loud"
[fetch]
concurrency = 0
[[source]]
name = "a"
url = "gopher://a.example/"
interval = "5"
[[channel]]
name = "c"
sources = ["a", "b"]
)");
    ASSERT_EQ(errors.size(), 6u);
    EXPECT_THAT(errors[0], testing::StartsWith("t.toml:2:10: [server]: listen"));
    EXPECT_THAT(errors[1], testing::StartsWith("t.toml:4:9: [log]: level"));
    EXPECT_THAT(errors[2], testing::StartsWith("t.toml:6:15: [fetch]: concurrency"));
    EXPECT_THAT(errors[3], testing::StartsWith("t.toml:9:7: source \"a\": url"));
    EXPECT_THAT(errors[4], testing::StartsWith("t.toml:10:12: source \"a\": interval"));
    EXPECT_THAT(errors[5], testing::StartsWith("t.toml:13:17: channel \"c\": source \"b\""));
}

TEST(ConfigErrors, ErrorWithoutPlaceShowsOnlyTheFile) {
    const ConfigError error{"feedagg.toml", 0, 0, "cannot read: No such file or directory"};
    EXPECT_EQ(error.to_string(), "feedagg.toml: cannot read: No such file or directory");
}

}  // namespace
}  // namespace feedagg::config
