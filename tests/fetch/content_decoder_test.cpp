#include "daemon/fetch/content_decoder.hpp"

#include <gtest/gtest.h>

#include <random>

#include "tests/fetch/compression.hpp"

namespace feedagg::fetch::detail {
namespace {

using testing::Wrapper;
using Status = ContentDecoder::Status;

const std::string feed = [] {
    std::string text = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>";
    for (int i = 0; i < 500; ++i) text += "<item><title>item " + std::to_string(i) + "</title></item>";
    return text + "</channel></rss>";
}();

// Decodes `encoded` fed in pieces of `piece` bytes; the status of the first failure or of finish().
std::pair<Status, std::string> decode(std::string_view coding, std::string_view encoded,
                                      std::size_t piece = 7, std::uint64_t cap = 1 << 20) {
    auto decoder = ContentDecoder::for_encoding(coding, cap);
    std::string out;
    for (std::size_t at = 0; at < encoded.size(); at += piece) {
        const Status status = decoder->write(encoded.substr(at, piece), out);
        if (status != Status::ok) return {status, out};
    }
    return {decoder->finish(out), out};
}

TEST(ContentDecoder, DecodesGzip) {
    EXPECT_EQ(decode("gzip", testing::deflate_text(feed)), std::make_pair(Status::ok, feed));
    EXPECT_EQ(decode("x-gzip", testing::deflate_text(feed), 4096), std::make_pair(Status::ok, feed));
}

TEST(ContentDecoder, DecodesZlibWrappedDeflate) {
    EXPECT_EQ(decode("deflate", testing::deflate_text(feed, Wrapper::zlib)),
              std::make_pair(Status::ok, feed));
}

TEST(ContentDecoder, DecodesRawDeflateSentAsDeflate) {
    EXPECT_EQ(decode("deflate", testing::deflate_text(feed, Wrapper::raw), 3),
              std::make_pair(Status::ok, feed));
    EXPECT_EQ(decode("Deflate", testing::deflate_text(feed, Wrapper::raw), 1 << 20),
              std::make_pair(Status::ok, feed));
}

TEST(ContentDecoder, DecodesBrotli) {
    EXPECT_EQ(decode("br", testing::brotli_text(feed)), std::make_pair(Status::ok, feed));
}

TEST(ContentDecoder, DecodesConcatenatedGzipMembers) {
    const std::string both = testing::deflate_text("first ") + testing::deflate_text("second");
    EXPECT_EQ(decode("gzip", both), std::make_pair(Status::ok, std::string("first second")));
}

TEST(ContentDecoder, PassesIdentityThrough) {
    EXPECT_EQ(decode("", feed), std::make_pair(Status::ok, feed));
    EXPECT_EQ(decode(" identity ", feed), std::make_pair(Status::ok, feed));
}

TEST(ContentDecoder, RefusesUnknownCodings) {
    EXPECT_EQ(ContentDecoder::for_encoding("compress", 10), nullptr);
    EXPECT_EQ(ContentDecoder::for_encoding("gzip, br", 10), nullptr);
    EXPECT_EQ(ContentDecoder::for_encoding("zstd", 10), nullptr);
}

TEST(ContentDecoder, AllowsExactlyTheCap) {
    EXPECT_EQ(decode("gzip", testing::deflate_text(feed), 100, feed.size()).first, Status::ok);
    EXPECT_EQ(decode("gzip", testing::deflate_text(feed), 100, feed.size() - 1).first, Status::too_large);
    EXPECT_EQ(decode("", feed, 100, feed.size() - 1).first, Status::too_large);
    EXPECT_EQ(decode("br", testing::brotli_text(feed), 100, feed.size() - 1).first, Status::too_large);
}

TEST(ContentDecoder, StopsAGzipBombAtTheCapWithoutReadingItAll) {
    testing::ZeroBomb bomb(std::uint64_t{1} << 30);
    auto decoder = ContentDecoder::for_encoding("gzip", 1 << 20);
    std::string out;
    std::size_t fed = 0;
    Status status = Status::ok;
    while (status == Status::ok) {
        const std::string piece = bomb.next();
        ASSERT_FALSE(piece.empty()) << "the whole bomb was decoded";
        fed += piece.size();
        status = decoder->write(piece, out);
    }
    EXPECT_EQ(status, Status::too_large);
    EXPECT_LE(out.size(), std::size_t{1} << 20);
    EXPECT_LT(fed, std::size_t{100} << 10);
}

TEST(ContentDecoder, StopsABrotliBombAtTheCap) {
    const std::string bomb = testing::brotli_text(std::string(8 << 20, 'a'));
    EXPECT_EQ(decode("br", bomb, 1024, 1 << 20).first, Status::too_large);
}

TEST(ContentDecoder, ReportsTruncatedStreams) {
    const std::string gzip = testing::deflate_text(feed);
    EXPECT_EQ(decode("gzip", gzip.substr(0, gzip.size() / 2)).first, Status::corrupt);
    const std::string br = testing::brotli_text(feed);
    EXPECT_EQ(decode("br", br.substr(0, br.size() / 2)).first, Status::corrupt);
}

TEST(ContentDecoder, SurvivesGarbageWithinTheCap) {
    std::mt19937 random(42);
    for (int round = 0; round < 50; ++round) {
        std::string garbage(1 + random() % 4096, '\0');
        for (char& c : garbage) c = static_cast<char>(random());
        for (const char* coding : {"gzip", "deflate", "br"}) {
            const auto [status, out] = decode(coding, garbage, 1 + random() % 512, 1 << 16);
            // Random bytes can happen to be a valid raw deflate or brotli stream; never a gzip one.
            if (std::string_view(coding) == "gzip") {
                EXPECT_NE(status, Status::ok) << "round " << round;
            }
            EXPECT_LE(out.size(), std::size_t{1} << 16);
        }
    }
}

TEST(ContentDecoder, IgnoresGarbageAfterACompleteGzipMember) {
    EXPECT_EQ(decode("gzip", testing::deflate_text(feed) + "\n\r\ngarbage"),
              std::make_pair(Status::ok, feed));
}

}  // namespace
}  // namespace feedagg::fetch::detail
