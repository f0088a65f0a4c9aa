// One story, one entry, end to end: the same Workers' Daily story reposted by a district union
// site (with a header, a source line and an editor line) is served once in the merged channel,
// crediting the repost; `feedagg stories` shows why; a channel may opt out.
#include <gtest/gtest.h>

#include <regex>

#include "upstream_fixture.hpp"

namespace feedagg::e2e {
namespace {

using Stories = UpstreamFixture;

const std::string story_text =
    "本报讯 5月16日，市总工会召开2024年劳动模范表彰大会，授予120名职工市劳动模范称号，表彰30个先进集体。"
    "会议指出，劳动模范是民族的精英、人民的楷模，各级工会要大力弘扬劳模精神、劳动精神、工匠精神。"
    "会上，5名劳模代表作了发言。来自制造业一线的高级技师李明说，将继续带好徒弟，把技术传下去。"
    "市总工会还宣布，今年将投入800万元用于劳模疗休养和困难劳模帮扶。";

std::string item(const std::string& title, const std::string& link, const std::string& guid,
                 const std::string& description, const std::string& date) {
    return "<item><title>" + title + "</title><link>" + link + "</link><guid>" + guid + "</guid><pubDate>" +
           date + "</pubDate><description><![CDATA[" + description + "]]></description></item>";
}

Reply rss(const std::string& title, const std::string& items) {
    return Reply{200,
                 {{"Content-Type", "application/rss+xml; charset=utf-8"}},
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title +
                     "</title><link>https://" + title + ".example.cn/</link>" + items + "</channel></rss>"};
}

class StoriesTest : public Stories {
  protected:
    void serve_both() {
        daily_.route("/rss", [](const Request&) {
            return rss("daily",
                       item("市总工会表彰120名劳动模范", "https://daily.example.cn/2024/0517/1.html", "d1",
                            "<p>" + story_text + "</p>", "Fri, 17 May 2024 08:00:00 +0800") +
                           item("全国职工技能大赛开幕", "https://daily.example.cn/2024/0517/2.html", "d2",
                                "<p>全国职工职业技能大赛今日在京开幕，来自各地的800余名选手参加比赛。</p>",
                                "Fri, 17 May 2024 09:00:00 +0800"));
        });
        district_.route("/rss", [](const Request&) {
            return rss("district",
                       item("【转载】市总工会表彰120名劳动模范", "https://district.example.cn/a/9.html", "r9",
                            "<p>来源：工人日报</p><p>" + story_text + "</p><p>责任编辑：王五</p>",
                            "Fri, 17 May 2024 15:00:00 +0800"));
        });
    }
    void configure(const std::string& channel_keys) {
        write_config(
            {{"daily", daily_.url("/rss"), "1h", "priority = 10\n"}, {"district", district_.url("/rss")}});
        std::ofstream(root_ / "feedagg.toml", std::ios::app) << channel_keys;
    }
    feeds::Feed served() {
        const auto reply = http_get(port_, "/feeds/all.atom");
        EXPECT_EQ(reply.status, 200);
        auto parsed = feeds::parse_feed(reply.body);
        EXPECT_TRUE(parsed) << reply.body;
        return parsed ? parsed->feed : feeds::Feed{};
    }
    RecordingUpstream daily_;
    RecordingUpstream district_;
};

TEST_F(StoriesTest, TheSameStoryFromTwoSourcesIsServedOnceCreditingTheRepost) {
    serve_both();
    configure("");
    ASSERT_EQ(run_once().exit_code, 0);
    start_daemon();
    const feeds::Feed feed = served();
    ASSERT_EQ(feed.entries.size(), 2u);
    const auto story = std::find_if(feed.entries.begin(), feed.entries.end(), [](const feeds::Entry& e) {
        return e.title == "市总工会表彰120名劳动模范";
    });
    ASSERT_NE(story, feed.entries.end());
    EXPECT_EQ(story->link,
              "https://daily.example.cn/2024/0517/1.html");  // the higher-priority publisher leads
    const std::string body = story->content.empty() ? story->summary : story->content;
    EXPECT_NE(body.find("https://district.example.cn/a/9.html"), std::string::npos) << body;
    const bool related = std::any_of(story->links.begin(), story->links.end(), [](const feeds::Link& link) {
        return link.rel == "related" && link.href == "https://district.example.cn/a/9.html";
    });
    EXPECT_TRUE(related);

    const auto log = root_ / "stories.log";
    ChildProcess stories({FEEDAGG_BINARY, "stories", "--config", (root_ / "feedagg.toml").string()}, log);
    ASSERT_EQ(stories.wait_exit(std::chrono::seconds(20)), 0) << read_all(log);
    const std::string listed = read_all(log);
    EXPECT_NE(listed.find(": 2 items"), std::string::npos) << listed;
    EXPECT_TRUE(std::regex_search(listed, std::regex(R"((link|title|text) +[01]\.\d\d +(daily|district))")))
        << listed;
    EXPECT_NE(listed.find("【转载】市总工会表彰120名劳动模范"), std::string::npos) << listed;
}

TEST_F(StoriesTest, AChannelCanShowEveryItem) {
    serve_both();
    configure("merge_stories = false\n");
    ASSERT_EQ(run_once().exit_code, 0);
    start_daemon();
    EXPECT_EQ(served().entries.size(), 3u);
}

TEST_F(StoriesTest, SourcesKeptApartAreNotMerged) {
    serve_both();
    write_config({{"daily", daily_.url("/rss"), "1h", ""},
                  {"district", district_.url("/rss"), "1h", "separate_from = [\"daily\"]\n"}});
    ASSERT_EQ(run_once().exit_code, 0);
    start_daemon();
    EXPECT_EQ(served().entries.size(), 3u);
}

}  // namespace
}  // namespace feedagg::e2e
