// Sites without feeds, end to end: the real daemon scrapes a GBK list page that its server
// mislabels, follows pagination and article pages, and serves the result; a web page's address
// finds the feed it offers; a full-text source reads its articles; preview shows a rule's result.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "upstream_fixture.hpp"

namespace feedagg::e2e {
namespace {

using HtmlSources = UpstreamFixture;

// GBK bytes: "工会新闻", "下一页", "年", "月", "日".
const std::string union_news = "\xB9\xA4\xBB\xE1\xD0\xC2\xCE\xC5";
const std::string next_page = "\xCF\xC2\xD2\xBB\xD2\xB3";
const std::string year = "\xC4\xEA", month = "\xD4\xC2", day = "\xC8\xD5";

std::string list_item(const std::string& href, int n) {
    return "<tr><td><a href=\"" + href + "\">" + union_news + " " + std::to_string(n) + "</a></td><td>[2024" +
           year + "05" + month + std::to_string(10 + n) + day + "]</td></tr>";
}

std::string list_page(const std::string& rows, const std::string& pager) {
    return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
           "<script>document.write('<tr><td><a href=\"/fake\">x</a></td></tr>');</script></head><body>"
           "<table><tr><td><table class=\"list\">" +
           rows + "</table></td></tr></table><div class=\"pager\">" + pager + "</div></body></html>";
}

std::string article_page(int n) {
    return "<html><head><meta charset=\"utf-8\"></head><body><div class=\"nav\">Home | News</div>"
           "<div class=\"content\"><p>Article " +
           std::to_string(n) +
           " body: the union honoured model workers.</p><div class=\"share\">Share to WeChat</div></div>"
           "<div class=\"footer\">Copyright</div></body></html>";
}

Reply html(std::string body, std::string content_type = "text/html; charset=utf-8") {
    return Reply{200, {{"Content-Type", std::move(content_type)}}, std::move(body)};
}

constexpr const char* scrape_rule = R"toml(type = "html"
[source.scrape]
item = "table.list tr"
title = "td a"
date = "td:nth-child(2)"
next_page = "div.pager a:contains('下一页')"
max_pages = 3
follow = true
[source.scrape.article]
content = "div.content"
remove = ["div.share"]
)toml";

TEST_F(HtmlSources, ScrapesPagesFollowsArticlesOnceAndServesEachItemOnce) {
    RecordingUpstream site;
    // The server says UTF-8; the bytes (and the page's <meta>) are GBK.
    site.route("/news/index.html", [](const Request&) {
        return html(list_page(list_item("./a1.html", 1) + list_item("/news/a2.html", 2) +
                                  list_item("a2.html", 2),  // the same link twice: one entry
                              "<a href=\"index_2.html\">" + next_page + "</a>"));
    });
    site.route("/news/index_2.html", [](const Request&) {
        return html(list_page(list_item("a3.html", 3), "<a href=\"index.html\">1</a>"));
    });
    for (int n = 1; n <= 3; ++n) {
        site.route("/news/a" + std::to_string(n) + ".html",
                   [n](const Request&) { return html(article_page(n)); });
    }
    write_config({{"union", site.url("/news/index.html"), "1h", scrape_rule}});

    const OnceRun first = run_once();
    ASSERT_EQ(first.exit_code, 0) << first.log;
    EXPECT_NE(first.log.find("source=union result=ok status=200"), std::string::npos) << first.log;
    EXPECT_EQ(site.count("/news/index.html"), 1u);
    EXPECT_EQ(site.count("/news/index_2.html"), 1u);
    EXPECT_EQ(site.count("/fake"), 0u);
    for (int n = 1; n <= 3; ++n) EXPECT_EQ(site.count("/news/a" + std::to_string(n) + ".html"), 1u) << n;
    EXPECT_EQ(status_of("union").items, 3u);

    const OnceRun second = run_once();
    ASSERT_EQ(second.exit_code, 0) << second.log;
    EXPECT_NE(line_with(second.log, "source=union result=").find("new=0 updated=0"), std::string::npos)
        << second.log;
    for (int n = 1; n <= 3; ++n) EXPECT_EQ(site.count("/news/a" + std::to_string(n) + ".html"), 1u) << n;

    start_daemon();
    const auto reply = http_get(port_, "/feeds/all.atom");
    ASSERT_EQ(reply.status, 200);
    const auto parsed = feeds::parse_feed(reply.body);
    ASSERT_TRUE(parsed);
    ASSERT_EQ(parsed->feed.entries.size(), 3u);
    for (const feeds::Entry& entry : parsed->feed.entries) {
        const std::string n = entry.link.substr(entry.link.size() - 6, 1);
        EXPECT_EQ(entry.title, "工会新闻 " + n);
        EXPECT_EQ(entry.link, site.url("/news/a" + n + ".html"));
        ASSERT_TRUE(entry.published) << entry.title;
        EXPECT_EQ(feeds::format_rfc3339(*entry.published),
                  "2024-05-1" + std::to_string(std::stoi(n) - 1) + "T16:00:00Z");
        EXPECT_NE(entry.content.find("Article " + n + " body"), std::string::npos) << entry.content;
        EXPECT_EQ(entry.content.find("Share to WeChat"), std::string::npos) << entry.content;
    }
}

TEST_F(HtmlSources, ASelectorThatMatchesNothingIsLoggedWithTheSelector) {
    RecordingUpstream site;
    site.route("/news/index.html",
               [](const Request&) { return html("<html><body><ul></ul></body></html>"); });
    write_config({{"union", site.url("/news/index.html"), "1h", scrape_rule}});
    const OnceRun run = run_once();
    ASSERT_EQ(run.exit_code, 0) << run.log;
    EXPECT_NE(run.log.find("item selector \"table.list tr\" matched nothing"), std::string::npos) << run.log;
}

TEST_F(HtmlSources, AWebPageAddressFindsTheFeedItOffers) {
    RecordingUpstream site;
    site.route("/", [](const Request&) {
        return html(
            "<!DOCTYPE html><html><head><link rel=\"alternate\" type=\"application/rss+xml\" "
            "href=\"/feeds/news.xml\"></head><body>News</body></html>");
    });
    site.route("/feeds/news.xml", [](const Request&) { return feed_reply("found", 2); });
    write_config({{"site", site.url("/"), "1h", ""}});

    const OnceRun first = run_once();
    ASSERT_EQ(first.exit_code, 0) << first.log;
    EXPECT_NE(first.log.find("polling the feed it offers: " + site.url("/feeds/news.xml")), std::string::npos)
        << first.log;
    EXPECT_EQ(status_of("site").items, 2u);
    const OnceRun second = run_once();
    ASSERT_EQ(second.exit_code, 0) << second.log;
    EXPECT_EQ(site.count("/"), 1u);  // the feed is polled directly from now on
    EXPECT_EQ(site.count("/feeds/news.xml"), 2u);
}

TEST_F(HtmlSources, AWebPageWithoutAFeedSuggestsAnHtmlSource) {
    RecordingUpstream site;
    site.route("/",
               [](const Request&) { return html("<!DOCTYPE html><html><body>No feed here</body></html>"); });
    for (const char* path : {"/feed", "/rss.xml"})
        site.route(path, [](const Request&) { return Reply{404, {}, ""}; });
    write_config({{"site", site.url("/"), "1h", ""}});
    const OnceRun run = run_once();
    ASSERT_EQ(run.exit_code, 0) << run.log;
    EXPECT_NE(run.log.find("offers no feed"), std::string::npos) << run.log;
    EXPECT_NE(run.log.find("type = \"html\""), std::string::npos) << run.log;
    EXPECT_EQ(site.count("/feed"), 1u);  // the usual places were tried, once each
    EXPECT_EQ(site.count("/rss.xml"), 1u);
}

TEST_F(HtmlSources, FullTextSourceTakesArticleBodiesAndKeepsSummariesWhenItCannot) {
    RecordingUpstream site;
    const std::string base = site.url("");
    site.route("/feed.xml", [base](const Request&) {
        const std::string items =
            "<item><title>One</title><link>" + base +
            "/a1.html</link><guid>1</guid><description>Summary one</description></item>"
            "<item><title>Two</title><link>" +
            base + "/missing.html</link><guid>2</guid><description>Summary two</description></item>";
        return Reply{200,
                     {{"Content-Type", "application/rss+xml"}},
                     "<rss version=\"2.0\"><channel><title>t</title>" + items + "</channel></rss>"};
    });
    site.route("/a1.html", [](const Request&) {
        std::string paragraphs;
        for (int i = 0; i < 6; ++i)
            paragraphs +=
                "<p>The district union met on Tuesday to review the year's work, and members spoke at "
                "length about wages, safety and training, which the chair promised to follow up.</p>";
        return html(
            "<html><body><div class=\"menu\"><a href=\"/\">Home</a> <a href=\"/n\">News</a></div>"
            "<article><h1>One</h1>" +
            paragraphs + "</article><footer>Copyright</footer></body></html>");
    });
    site.route("/missing.html", [](const Request&) { return Reply{404, {}, "gone"}; });
    write_config({{"full", site.url("/feed.xml"), "1h", "full_text = true\n"}});

    const OnceRun run = run_once();
    ASSERT_EQ(run.exit_code, 0) << run.log;
    EXPECT_NE(run.log.find("missing.html: full text not read (HTTP 404); keeping the feed's summary"),
              std::string::npos)
        << run.log;
    start_daemon();
    const auto reply = http_get(port_, "/feeds/all.atom");
    const auto parsed = feeds::parse_feed(reply.body);
    ASSERT_TRUE(parsed);
    ASSERT_EQ(parsed->feed.entries.size(), 2u);
    for (const feeds::Entry& entry : parsed->feed.entries) {
        const std::string text = entry.content.empty() ? entry.summary : entry.content;
        if (entry.title == "One") {
            EXPECT_NE(text.find("promised to follow up"), std::string::npos) << text;
            EXPECT_EQ(text.find("Copyright"), std::string::npos) << text;
        } else {
            EXPECT_NE(text.find("Summary two"), std::string::npos) << text;
        }
    }
}

TEST_F(HtmlSources, PreviewPrintsItemsAndNamesASelectorThatMatchesNothing) {
    const auto page = root_ / "files" / "list.html";
    {
        std::ofstream out(page, std::ios::binary);
        out << list_page(list_item("a1.html", 1) + list_item("a2.html", 2), "");
    }
    const auto log = root_ / "preview.log";
    ChildProcess preview(
        {FEEDAGG_BINARY, "preview", page.string(), "--item", "table.list tr", "--title", "td a", "--date",
         "td:nth-child(2)", "--base-url", "https://union.example.cn/news/"},
        log);
    ASSERT_EQ(preview.wait_exit(std::chrono::seconds(20)), 0) << read_all(log);
    const std::string output = read_all(log);
    EXPECT_NE(output.find("charset:  GB18030"), std::string::npos) << output;
    EXPECT_NE(output.find("items:    2"), std::string::npos) << output;
    EXPECT_NE(output.find("工会新闻 2"), std::string::npos) << output;
    EXPECT_NE(output.find("https://union.example.cn/news/a1.html"), std::string::npos) << output;
    EXPECT_NE(output.find("2024-05-10T16:00:00Z"), std::string::npos) << output;

    const auto miss_log = root_ / "miss.log";
    ChildProcess miss({FEEDAGG_BINARY, "preview", page.string(), "--item", "ul.news li"}, miss_log);
    EXPECT_EQ(miss.wait_exit(std::chrono::seconds(20)), 1);
    EXPECT_NE(read_all(miss_log).find("item selector \"ul.news li\" matched nothing"), std::string::npos)
        << read_all(miss_log);
}

// The scraping fixtures (tests/feeds/data/scrape), served over HTTP with the charset their case says
// the server sends, some of them wrong: preview must read each page as its golden result says.
TEST_F(HtmlSources, PreviewReadsEveryScrapingFixtureServedOverHttp) {
    namespace json = boost::json;
    const std::filesystem::path fixtures =
        std::filesystem::path(FEEDAGG_TEST_DATA).parent_path().parent_path() / "feeds" / "data" / "scrape";
    write_config({{"unused", "https://unused.example/feed.xml", "1h", ""}});  // preview needs only [fetch]
    std::size_t cases = 0;
    for (const auto& folder : std::filesystem::directory_iterator(fixtures)) {
        if (!std::filesystem::exists(folder.path() / "rule.json")) continue;
        ++cases;
        const json::object rule = json::parse(read_all(folder.path() / "rule.json")).as_object();
        const json::object expected = json::parse(read_all(folder.path() / "expected.json")).as_object();
        const auto text = [&](std::string_view key) {
            const json::value* value = rule.if_contains(key);
            return value && value->is_string() ? std::string(value->get_string()) : std::string{};
        };
        RecordingUpstream site;
        const std::string page = read_all(folder.path() / "page.html");
        const std::string charset = text("transport_charset");
        site.route("/list", [page, charset](const Request&) {
            return html(page, charset.empty() ? "text/html" : "text/html; charset=" + charset);
        });
        std::vector<std::string> arguments = {FEEDAGG_BINARY,
                                              "preview",
                                              site.url("/list"),
                                              "--config",
                                              (root_ / "feedagg.toml").string(),
                                              "--base-url",
                                              text("base_url"),
                                              "--timezone",
                                              text("timezone"),
                                              "--max-items",
                                              "100"};
        for (const char* field :
             {"item", "title", "link", "date", "summary", "image", "author", "next_page"}) {
            if (text(field).empty()) continue;
            std::string option = std::string("--") + field;
            std::replace(option.begin(), option.end(), '_', '-');
            arguments.insert(arguments.end(), {option, text(field)});
        }
        if (const json::value* formats = rule.if_contains("date_formats")) {
            for (const json::value& format : formats->as_array())
                arguments.insert(arguments.end(), {"--date-format", std::string(format.get_string())});
        }
        const auto log = root_ / ("preview-" + folder.path().filename().string() + ".log");
        ChildProcess preview(arguments, log);
        ASSERT_EQ(preview.wait_exit(std::chrono::seconds(20)), 0) << folder.path() << read_all(log);
        const std::string output = read_all(log);
        EXPECT_NE(output.find("charset:  " + std::string(expected.at("charset").get_string())),
                  std::string::npos)
            << folder.path() << output;
        const json::array& items = expected.at("items").as_array();
        EXPECT_NE(output.find("items:    " + std::to_string(items.size()) + " "), std::string::npos)
            << folder.path() << output;
        for (const json::value& item : items) {
            const json::object& fields = item.as_object();
            EXPECT_NE(output.find("title:   " + std::string(fields.at("title").get_string())),
                      std::string::npos)
                << folder.path() << output;
            EXPECT_NE(output.find("link:    " + std::string(fields.at("link").get_string())),
                      std::string::npos)
                << folder.path() << output;
        }
        EXPECT_EQ(site.count("/list"), 1u);
    }
    EXPECT_GE(cases, 8u);
}

}  // namespace
}  // namespace feedagg::e2e
