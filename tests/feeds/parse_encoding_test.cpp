// Charsets as the web gets them wrong, seen through parse_feed: whatever the bytes claim, the feed
// comes out as UTF-8, with a warning when a claim was overruled.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include "feeds/encoding.hpp"
#include "parse_test_support.hpp"

namespace feedagg::feeds {
namespace {

using testing::has_warning_containing;
using testing::parse_ok;

std::string encode(std::string_view utf8, const char* charset) {
    std::string out(utf8.size() * 4 + 16, '\0');
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                        utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    EXPECT_TRUE(U_SUCCESS(status)) << charset;
    out.resize(static_cast<std::size_t>(length));
    return out;
}

const std::string news_title = "全总部署开展职工技能竞赛活动";
const std::string news_text =
    "中华全国总工会日前召开会议，部署在全国范围内开展职工技能竞赛活动，推动产业工人队伍建设改革，"
    "维护职工合法权益，工人日报记者从会上获悉。";

std::string rss(std::string_view declaration, std::string_view title, std::string_view text) {
    return std::string("<?xml version=\"1.0\" encoding=\"") + std::string(declaration) +
           "\"?><rss version=\"2.0\"><channel><title>" + std::string(title) + "</title><item><title>" +
           std::string(title) + "</title><description>" + std::string(text) +
           "</description></item></channel></rss>";
}

TEST(ParseEncoding, ReadsGbkDeclaredAsGbk) {
    const auto parsed = parse_ok(encode(rss("gbk", news_title, news_text), "GBK"));
    EXPECT_EQ(parsed.feed.title, news_title);
    EXPECT_EQ(parsed.feed.entries.at(0).summary, news_text);
}

TEST(ParseEncoding, DetectsGbkDeclaredAsUtf8WithAWarning) {
    const auto parsed = parse_ok(encode(rss("UTF-8", news_title, news_text), "GBK"));
    EXPECT_EQ(parsed.feed.title, news_title);
    EXPECT_EQ(parsed.feed.entries.at(0).summary, news_text);
    EXPECT_EQ(parsed.charset, "GB18030");
    EXPECT_TRUE(has_warning_containing(parsed, "does not match the bytes"));
}

TEST(ParseEncoding, TransportCharsetOverridesTheDeclaration) {
    ParseOptions options;
    options.charset = "gb2312";
    const auto parsed = parse_ok(encode(rss("iso-8859-1", news_title, news_text), "GB2312"), options);
    EXPECT_EQ(parsed.feed.title, news_title);
}

TEST(ParseEncoding, ReadsBig5ShiftJisKoi8rAndWindows1252) {
    struct Case {
        const char* charset;
        std::string text;
    };
    for (const Case& item : {Case{"Big5", "臺北市產業總工會舉辦勞工教育講座，歡迎會員踴躍參加。"},
                             Case{"Shift_JIS", "日本労働組合総連合会は春季生活闘争の方針を決定した。"},
                             Case{"KOI8-R", "Профсоюзы провели собрание трудового коллектива завода."},
                             Case{"windows-1252", "L’union des travailleurs — réunion générale à 18 h."}}) {
        SCOPED_TRACE(item.charset);
        const auto parsed = parse_ok(encode(rss(item.charset, "x", item.text), item.charset));
        EXPECT_EQ(parsed.feed.entries.at(0).summary, item.text);
    }
}

TEST(ParseEncoding, ReadsUtf16WithAByteOrderMark) {
    const auto parsed = parse_ok(encode(rss("UTF-16", news_title, news_text), "UTF-16"));
    EXPECT_EQ(parsed.feed.title, news_title);
}

TEST(ParseEncoding, TurnsBytesThatAreNoUtf8IntoValidUtf8WithAWarning) {
    const auto parsed = parse_ok(rss("UTF-8", "ok \xFF\xFE title", "text"));
    EXPECT_TRUE(is_valid_utf8(parsed.feed.title));
    EXPECT_TRUE(parsed.feed.title.starts_with("ok ") && parsed.feed.title.ends_with(" title"));
    EXPECT_TRUE(has_warning_containing(parsed, "UTF-8"));
}

TEST(ParseEncoding, ReplacesDamagedSequencesInLongUtf8Text) {
    const std::string damaged = news_text + "\xE5\xB7" + news_text;  // a character cut in half
    const auto parsed = parse_ok(rss("UTF-8", news_title, damaged));
    EXPECT_EQ(parsed.feed.title, news_title);
    EXPECT_NE(parsed.feed.entries.at(0).summary.find("\xEF\xBF\xBD"), std::string::npos);
    EXPECT_FALSE(parsed.warnings.empty());
}

}  // namespace
}  // namespace feedagg::feeds
