#include "daemon/http/response_head.hpp"

#include <boost/beast/http/status.hpp>
#include <charconv>

namespace feedagg::http::detail {
namespace {

void append_field(std::string& out, std::string_view name, std::string_view value) {
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
}

void append_number(std::string& out, std::size_t number) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    out.append(digits, end);
}

}  // namespace

void write_response_head(std::string& out, const Reply& reply, unsigned version, bool keep_alive,
                         std::string_view date) {
    out.clear();
    out += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    append_number(out, reply.status);
    out += ' ';
    out += boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(reply.status));
    out += "\r\n";
    append_field(out, "Server", "feedagg");
    append_field(out, "Date", date);
    for (const auto& [name, value] : reply.headers) append_field(out, name, value);
    if (reply.has_content()) {
        out += "Content-Length: ";
        append_number(out, reply.body().size());
        out += "\r\n";
    }
    // RFC 9112 §9.3: HTTP/1.1 stays open unless told otherwise, HTTP/1.0 closes unless told otherwise.
    if (version >= 11 && !keep_alive) append_field(out, "Connection", "close");
    if (version < 11 && keep_alive) append_field(out, "Connection", "keep-alive");
    out += "\r\n";
}

}  // namespace feedagg::http::detail
