#include "daemon/service/feed_catalog.hpp"

#include <gtest/gtest.h>

#include "feeds/parse.hpp"

namespace feedagg::service {
namespace {

std::shared_ptr<CatalogSnapshot> snapshot_with_items(int count) {
    auto snapshot = std::make_shared<CatalogSnapshot>();
    snapshot->generation = 7;
    ChannelSnapshot channel;
    channel.channel.name = "union-news";
    channel.channel.title = "Union news";
    for (int i = 0; i < count; ++i) {
        store::StoredItem item;
        item.id = 100 + i;
        item.source = "daily";
        item.entry.id = "urn:item:" + std::to_string(i);
        item.entry.title = "Item " + std::to_string(i);
        item.entry.link = "https://daily.example.cn/" + std::to_string(i);
        item.sort_time =
            feeds::Timestamp(std::chrono::seconds(1'700'000'000 - (i / 2) * 60));  // pairs share a time
        item.first_seen = item.sort_time;
        item.entry.published = item.sort_time;
        channel.items.push_back(item);
    }
    // Newest first by (sort_time, id), as the store returns them.
    std::sort(channel.items.begin(), channel.items.end(), [](const auto& a, const auto& b) {
        return a.sort_time != b.sort_time ? a.sort_time > b.sort_time : a.id > b.id;
    });
    snapshot->channels.push_back(channel);
    snapshot->source_states["daily"].feed_title = "Workers' Daily";
    snapshot->source_states["daily"].feed_link = "https://daily.example.cn/";  // RSS <source> needs a url
    return snapshot;
}

class FeedCatalogTest : public ::testing::Test {
  protected:
    FeedCatalog catalog{config::ServerSettings{}, std::make_shared<Metrics>()};

    http::Catalog::Answer get(std::string_view path, std::string_view query = {}) {
        return catalog.find({path, query, "http://127.0.0.1:8080"});
    }

    feeds::Feed get_feed(std::string_view path, std::string_view query = {}) {
        const auto answer = get(path, query);
        EXPECT_TRUE(answer.representation) << path << "?" << query << " " << answer.bad_request;
        if (!answer.representation) return {};
        const auto parsed = feeds::parse_feed(answer.representation->body);
        EXPECT_TRUE(parsed);
        return parsed ? parsed->feed : feeds::Feed{};
    }
};

TEST_F(FeedCatalogTest, ServesEveryFormatOfAChannel) {
    catalog.publish(snapshot_with_items(3));
    for (const auto* format : {"atom", "rss", "json"}) {
        const auto feed = get_feed(std::string("/feeds/union-news.") + format);
        EXPECT_EQ(feed.title, "Union news") << format;
        ASSERT_EQ(feed.entries.size(), 3u) << format;
        EXPECT_EQ(feed.entries[0].source_title, "Workers' Daily") << format;
    }
    const auto page = get("/feeds/union-news.html");
    ASSERT_TRUE(page.representation);
    EXPECT_EQ(page.representation->content_type, "text/html; charset=utf-8");
    EXPECT_NE(page.representation->body.find("Item 0"), std::string::npos);
}

TEST_F(FeedCatalogTest, PagesWithLimitAndNextLinksUntilTheLastPage) {
    catalog.publish(snapshot_with_items(5));
    std::vector<std::string> titles;
    std::string query = "limit=2";
    for (int pages = 0; pages < 10; ++pages) {
        const auto feed = get_feed("/feeds/union-news.atom", query);
        for (const auto& entry : feed.entries) titles.push_back(entry.title);
        if (feed.next_link.empty()) break;
        EXPECT_TRUE(feed.next_link.starts_with("http://127.0.0.1:8080/feeds/union-news.atom?limit=2&after="))
            << feed.next_link;
        query = feed.next_link.substr(feed.next_link.find('?') + 1);
    }
    EXPECT_EQ(titles, (std::vector<std::string>{"Item 1", "Item 0", "Item 3", "Item 2", "Item 4"}));
}

TEST_F(FeedCatalogTest, RefusesBadQueriesWithAReason) {
    catalog.publish(snapshot_with_items(1));
    EXPECT_FALSE(get("/feeds/union-news.atom", "limit=0").bad_request.empty());
    EXPECT_FALSE(get("/feeds/union-news.atom", "limit=100000").bad_request.empty());
    EXPECT_FALSE(get("/feeds/union-news.atom", "after=yesterday").bad_request.empty());
}

TEST_F(FeedCatalogTest, AnswersNothingForUnknownPaths) {
    catalog.publish(snapshot_with_items(1));
    EXPECT_FALSE(get("/feeds/other.atom").representation);
    EXPECT_FALSE(get("/feeds/union-news.xml").representation);
    EXPECT_FALSE(get("/nothing").representation);
}

TEST_F(FeedCatalogTest, RendersOncePerSnapshotAndAgainAfterPublish) {
    catalog.publish(snapshot_with_items(2));
    const auto first = get("/feeds/union-news.atom").representation;
    EXPECT_EQ(get("/feeds/union-news.atom").representation, first);
    catalog.publish(snapshot_with_items(3));
    const auto second = get("/feeds/union-news.atom").representation;
    EXPECT_NE(second, first);
    EXPECT_NE(second->etag, first->etag);
}

TEST_F(FeedCatalogTest, ServesIndexOpmlHealthAndMetrics) {
    catalog.publish(snapshot_with_items(1));
    EXPECT_NE(get("/").representation->body.find("/feeds/union-news.html"), std::string::npos);
    EXPECT_NE(get("/opml").representation->body.find("<opml version=\"2.0\">"), std::string::npos);
    EXPECT_FALSE(get("/healthz").representation->cacheable);
    EXPECT_FALSE(get("/metrics").representation->cacheable);
    EXPECT_NE(get("/metrics").representation->body.find("feedagg_uptime_seconds"), std::string::npos);
}

}  // namespace
}  // namespace feedagg::service
