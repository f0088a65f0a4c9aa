// The CLI contract of `feedagg parse` and `feedagg convert`, checked on the real binary.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>

#include "command.hpp"

namespace feedagg::e2e {
namespace {

namespace json = boost::json;

const std::string fixtures = std::string(FEEDAGG_SHARED_FIXTURES) + "/feeds/";

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

TEST(Cli, PrintsVersionAndHelp) {
    const auto version = run_feedagg("--version");
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_FALSE(version.out.empty());
    const auto help = run_feedagg("--help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("parse"), std::string::npos);
    EXPECT_NE(help.out.find("convert"), std::string::npos);
}

TEST(Cli, ParsePrintsOneCompactObjectPerFileWithEveryContractKey) {
    const auto result =
        run_feedagg("parse '" + fixtures + "rss_2.0_spec_1.xml' '" + fixtures + "atom_spec_1.xml'");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto lines = lines_of(result.out);
    ASSERT_EQ(lines.size(), 2u);
    const json::object rss = json::parse(lines[0]).as_object();
    for (const char* key : {"format", "title", "link", "self_link", "description", "language", "rights",
                            "generator", "image", "updated", "authors", "warnings", "entries"}) {
        EXPECT_TRUE(rss.contains(key)) << key;
    }
    EXPECT_EQ(rss.size(), 13u);
    EXPECT_EQ(rss.at("format"), "rss20");
    EXPECT_TRUE(rss.at("self_link").is_null());
    const json::object entry = rss.at("entries").as_array().at(0).as_object();
    for (const char* key :
         {"id", "title", "link", "links", "summary", "content", "published", "updated", "authors",
          "categories", "enclosures", "comments", "source_title", "source_link"}) {
        EXPECT_TRUE(entry.contains(key)) << key;
    }
    EXPECT_EQ(entry.size(), 14u);
    EXPECT_TRUE(entry.at("categories").is_array());
    EXPECT_EQ(json::parse(lines[1]).as_object().at("format"), "atom10");
}

TEST(Cli, ParseWritesLengthsAsIntegersAndTimesInUtc) {
    const auto path = write_temp_file("enclosure.xml", R"(<rss version="2.0"><channel><title>t</title><item>
        <title>x</title><pubDate>Tue, 02 Jan 2024 10:00:00 +0800</pubDate>
        <enclosure url="https://e.org/a.mp3" type="audio/mpeg" length="1234"/></item></channel></rss>)");
    const auto result = run_feedagg("parse '" + path.string() + "'");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json::object entry = json::parse(result.out).at("entries").as_array().at(0).as_object();
    EXPECT_EQ(entry.at("enclosures").as_array().at(0).at("length"), 1234);
    EXPECT_EQ(entry.at("published"), "2024-01-02T02:00:00Z");
}

TEST(Cli, PrettyPrintsTheSameObject) {
    const std::string file = "'" + fixtures + "jsonfeed_spec_1.json'";
    const auto compact = run_feedagg("parse " + file);
    const auto pretty = run_feedagg("parse --pretty " + file);
    ASSERT_EQ(pretty.exit_code, 0);
    EXPECT_GT(lines_of(pretty.out).size(), 10u);
    EXPECT_EQ(json::parse(compact.out), json::parse(pretty.out));
}

TEST(Cli, ParseFailsWithOneLineOnStderrWhenNothingCanBeRead) {
    const auto path = write_temp_file("page.html", "<html><body>no feed here</body></html>");
    const auto result = run_feedagg("parse '" + path.string() + "'");
    EXPECT_NE(result.exit_code, 0);
    EXPECT_TRUE(result.out.empty());
    EXPECT_EQ(lines_of(result.err).size(), 1u) << result.err;
    EXPECT_NE(result.err.find("not a feed"), std::string::npos);
}

TEST(Cli, ParseReportsWarningsAndStillSucceeds) {
    const auto path = write_temp_file(
        "broken.xml", "<rss version=\"2.0\"><channel><title>A &nbsp; B</title><item><title>x");
    const auto result = run_feedagg("parse '" + path.string() + "'");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_FALSE(json::parse(result.out).at("warnings").as_array().empty());
}

TEST(Cli, ParseHonoursCharsetTimezoneAndBaseUrl) {
    // "工会" (trade union) in GBK, declared by the caller as the transport would.
    const std::string gbk_title = "\xB9\xA4\xBB\xE1";
    const auto path =
        write_temp_file("gbk.xml", "<rss version=\"2.0\"><channel><title>" + gbk_title +
                                       "</title><item><title>x</title><link>/a/1</link>"
                                       "<pubDate>2024-01-02 10:00</pubDate></item></channel></rss>");
    const auto result = run_feedagg(
        "parse --charset gbk --timezone Asia/Shanghai --base-url https://e.org/feed '" + path.string() + "'");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json::value report = json::parse(result.out);
    EXPECT_EQ(report.at("title"), "工会");
    const json::value entry = report.at("entries").as_array().at(0);
    EXPECT_EQ(entry.at("link"), "https://e.org/a/1");
    EXPECT_EQ(entry.at("published"), "2024-01-02T02:00:00Z");
}

TEST(Cli, RefusesAnUnknownTimezone) {
    const auto result = run_feedagg("parse --timezone Mars/Olympus '" + fixtures + "rss_2.0_spec_1.xml'");
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.err.find("timezone"), std::string::npos);
}

TEST(Cli, ConvertWritesFeedsThatParseBackToTheSameEntries) {
    const std::string source = fixtures + "rss_2.0_spec_1.xml";
    const auto original = json::parse(run_feedagg("parse '" + source + "'").out);
    for (const std::string format : {"atom", "rss", "json"}) {
        SCOPED_TRACE(format);
        const auto converted = run_feedagg("convert '" + source + "' --to " + format);
        ASSERT_EQ(converted.exit_code, 0) << converted.err;
        const auto path = write_temp_file("converted." + format, converted.out);
        const auto reparsed = run_feedagg("parse '" + path.string() + "'");
        ASSERT_EQ(reparsed.exit_code, 0) << reparsed.err;
        const json::value round = json::parse(reparsed.out);
        EXPECT_EQ(round.at("title"), original.at("title"));
        EXPECT_EQ(round.at("entries").as_array().size(), original.at("entries").as_array().size());
    }
}

TEST(Cli, ConvertRefusesAnUnknownFormat) {
    EXPECT_NE(run_feedagg("convert '" + fixtures + "rss_2.0_spec_1.xml' --to yaml").exit_code, 0);
}

}  // namespace
}  // namespace feedagg::e2e
