// RFC 5005 §3 paged feeds: the "next" link survives every writer and reader.
#include <gtest/gtest.h>

#include "feeds/parse.hpp"
#include "feeds/writers.hpp"

namespace feedagg::feeds {
namespace {

Feed paged_feed() {
    Feed feed;
    feed.title = "Union news";
    feed.link = "https://union.example.cn/";
    feed.self_link = "https://feeds.example.cn/feeds/union.atom?limit=2";
    feed.next_link = "https://feeds.example.cn/feeds/union.atom?limit=2&after=1700000000.42";
    Entry entry;
    entry.id = "https://union.example.cn/1";
    entry.title = "One";
    entry.link = entry.id;
    feed.entries.push_back(entry);
    return feed;
}

TEST(PagingLink, EveryFormatCarriesTheNextPage) {
    const Feed feed = paged_feed();
    for (const auto& document : {write_atom(feed), write_rss(feed), write_json_feed(feed)}) {
        const auto parsed = parse_feed(document);
        ASSERT_TRUE(parsed) << document;
        EXPECT_EQ(parsed->feed.next_link, feed.next_link) << document;
    }
}

TEST(PagingLink, IsLeftOutWhenThereIsNoNextPage) {
    Feed feed = paged_feed();
    feed.next_link.clear();
    EXPECT_EQ(write_atom(feed).find("rel=\"next\""), std::string::npos);
    EXPECT_EQ(write_rss(feed).find("rel=\"next\""), std::string::npos);
    EXPECT_EQ(write_json_feed(feed).find("next_url"), std::string::npos);
}

}  // namespace
}  // namespace feedagg::feeds
