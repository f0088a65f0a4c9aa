// The response head the server writes: the status line, fields in order, and the framing fields
// HTTP/1.0 and HTTP/1.1 clients each need.
#include "daemon/http/response_head.hpp"

#include <gtest/gtest.h>

namespace feedagg::http::detail {
namespace {

constexpr std::string_view kDate = "Wed, 25 Nov 2026 22:43:12 GMT";

Reply text_reply(unsigned status, std::string text) {
    Reply reply;
    reply.status = status;
    reply.text = std::move(text);
    reply.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
    return reply;
}

std::string head_of(const Reply& reply, unsigned version, bool keep_alive) {
    std::string out = "left over from the last response";
    write_response_head(out, reply, version, keep_alive, kDate);
    return out;
}

TEST(ResponseHead, WritesStatusLineFieldsInOrderAndContentLength) {
    EXPECT_EQ(head_of(text_reply(200, "hello\n"), 11, true),
              "HTTP/1.1 200 OK\r\n"
              "Server: feedagg\r\n"
              "Date: Wed, 25 Nov 2026 22:43:12 GMT\r\n"
              "Content-Type: text/plain; charset=utf-8\r\n"
              "Content-Length: 6\r\n"
              "\r\n");
}

TEST(ResponseHead, NotModifiedHasNoContentLength) {
    Reply reply;
    reply.status = 304;
    reply.headers.emplace_back("ETag", "\"abc\"");
    EXPECT_EQ(head_of(reply, 11, true),
              "HTTP/1.1 304 Not Modified\r\nServer: feedagg\r\nDate: Wed, 25 Nov 2026 22:43:12 GMT\r\n"
              "ETag: \"abc\"\r\n\r\n");
}

TEST(ResponseHead, HeadGivesTheLengthOfTheBodyItLeavesOut) {
    Reply reply = text_reply(404, "404 Not Found\n");
    reply.head = true;
    EXPECT_NE(head_of(reply, 11, true).find("\r\nContent-Length: 14\r\n"), std::string::npos);
}

TEST(ResponseHead, SaysCloseToHttp11AndKeepAliveToHttp10OnlyWhenItDiffersFromTheDefault) {
    const Reply reply = text_reply(200, "x");
    EXPECT_NE(head_of(reply, 11, false).find("\r\nConnection: close\r\n"), std::string::npos);
    EXPECT_EQ(head_of(reply, 11, true).find("Connection"), std::string::npos);
    const std::string http10 = head_of(reply, 10, true);
    EXPECT_TRUE(http10.starts_with("HTTP/1.0 200 OK\r\n"));
    EXPECT_NE(http10.find("\r\nConnection: keep-alive\r\n"), std::string::npos);
    EXPECT_EQ(head_of(reply, 10, false).find("Connection"), std::string::npos);
}

}  // namespace
}  // namespace feedagg::http::detail
