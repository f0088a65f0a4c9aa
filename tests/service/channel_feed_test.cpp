#include "daemon/service/channel_feed.hpp"

#include <gtest/gtest.h>

namespace feedagg::service {
namespace {

config::Source source(std::string name, std::vector<std::string> tags = {}) {
    config::Source result;
    result.name = std::move(name);
    result.url = "https://" + result.name + ".example.cn/rss";
    result.tags = std::move(tags);
    return result;
}

feeds::Entry entry(std::string title, std::string content = {}) {
    feeds::Entry result;
    result.title = std::move(title);
    result.content = std::move(content);
    return result;
}

config::Filter keyword(std::string word, config::Filter::Field field = config::Filter::Field::any) {
    config::Filter filter;
    filter.keyword = std::move(word);
    filter.field = field;
    return filter;
}

TEST(ChannelSelection, DrawsNamedSourcesAndTaggedOnes) {
    config::Channel channel;
    channel.sources = {"daily"};
    channel.tags = {"district"};
    const ChannelSelection selection(
        channel, {source("daily"), source("xicheng", {"district"}), source("other", {"x"})});
    EXPECT_EQ(selection.source_names(), (std::vector<std::string>{"daily", "xicheng"}));
}

TEST(ChannelSelection, IncludeFiltersKeepAnyMatchAndExcludeFiltersDropEveryMatch) {
    config::Channel channel;
    channel.include = {keyword("工会"), keyword("union")};
    channel.exclude = {keyword("广告", config::Filter::Field::title)};
    const ChannelSelection selection(channel, {});
    EXPECT_TRUE(selection.accepts(entry("区总工会召开会议")));
    EXPECT_TRUE(selection.accepts(entry("News", "<p>The UNION met</p>")));
    EXPECT_FALSE(selection.accepts(entry("Weather")));
    EXPECT_FALSE(selection.accepts(entry("工会 广告")));
    EXPECT_TRUE(selection.accepts(entry("工会", "<p>广告 in content only</p>")));
}

TEST(ChannelSelection, RegexFiltersAreCaseInsensitive) {
    config::Channel channel;
    config::Filter filter;
    filter.regex = "^breaking[: ]";
    channel.include = {filter};
    const ChannelSelection selection(channel, {});
    EXPECT_TRUE(selection.accepts(entry("BREAKING: strike ends")));
    EXPECT_FALSE(selection.accepts(entry("Not breaking news")));
}

TEST(ChannelFeed, CreditsEachEntryToItsSourceUnlessItNamesItsOrigin) {
    config::Channel channel;
    channel.name = "union-news";
    channel.title = "Union news";
    store::StoredItem plain{1, "daily", entry("A"), feeds::Timestamp(std::chrono::seconds(100)),
                            feeds::Timestamp(std::chrono::seconds(100))};
    store::StoredItem sourced = plain;
    sourced.id = 2;
    sourced.entry.source_title = "Original Paper";
    std::map<std::string, store::SourceState, std::less<>> sources;
    sources["daily"].feed_title = "Workers' Daily";
    sources["daily"].feed_link = "https://daily.example.cn/";
    const auto feed =
        channel_feed(channel, {plain, sourced}, sources,
                     {"https://me/feeds/union-news.atom", "https://me/feeds/union-news.html", ""});
    ASSERT_EQ(feed.entries.size(), 2u);
    EXPECT_EQ(feed.title, "Union news");
    EXPECT_EQ(feed.self_link, "https://me/feeds/union-news.atom");
    EXPECT_EQ(feed.entries[0].source_title, "Workers' Daily");
    EXPECT_EQ(feed.entries[0].source_link, "https://daily.example.cn/");
    EXPECT_EQ(feed.entries[1].source_title, "Original Paper");
    EXPECT_EQ(feed.updated, feeds::Timestamp(std::chrono::seconds(100)));
}

}  // namespace
}  // namespace feedagg::service

namespace feedagg::service {
namespace {

TEST(ChannelSelection, RegexFiltersReadABoundedPartOfHugeContent) {
    config::Channel channel;
    config::Filter filter;
    filter.regex = "a+b";  // backtracks over every run of a's: quadratic on unbounded text
    filter.field = config::Filter::Field::content;
    channel.include = {filter};
    const ChannelSelection selection(channel, {});
    feeds::Entry early;
    early.content = "<p>aab " + std::string(4 << 20, 'a') + "</p>";
    EXPECT_TRUE(selection.accepts(early));
    feeds::Entry late;
    late.content = "<p>" + std::string(4 << 20, 'a') + "b</p>";
    EXPECT_FALSE(selection.accepts(late));  // past the bound: not matched, and no hang
}

TEST(ChannelSelection, KeywordFiltersReadAllOfTheContent) {
    config::Channel channel;
    channel.include = {keyword("strike", config::Filter::Field::content)};
    const ChannelSelection selection(channel, {});
    feeds::Entry late;
    late.title = "strike";
    late.content = "<p>" + std::string(1 << 20, 'a') + " STRIKE</p>";
    EXPECT_TRUE(selection.accepts(late));
    late.content = "<p>nothing</p>";
    EXPECT_FALSE(selection.accepts(late));  // the title alone does not count for a content filter
}

}  // namespace
}  // namespace feedagg::service
