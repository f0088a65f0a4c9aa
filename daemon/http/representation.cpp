#include "daemon/http/representation.hpp"

#include <zlib.h>

#include <array>
#include <cstdint>
#include <stdexcept>

#include "daemon/http/http_date.hpp"

namespace feedagg::http {
namespace {

// Bodies this small gain nothing from gzip once its 18-byte frame is counted.
constexpr std::size_t kSmallestCompressedBody = 256;

std::uint64_t fnv1a64(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char byte : bytes) {
        hash ^= byte;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

void append_hex(std::string& out, std::uint64_t value, int digits) {
    static constexpr char kHex[] = "0123456789abcdef";
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
        out.push_back(kHex[(value >> shift) & 0xf]);
    }
}

// Two independent hashes (FNV-1a and CRC-32) give 96 bits: a collision between two versions of one
// resource is not a practical concern, and the tag stays the same across restarts.
std::string strong_etag(std::string_view body) {
    auto crc = crc32_z(0L, reinterpret_cast<const Bytef*>(body.data()), body.size());
    std::string tag = "\"";
    append_hex(tag, fnv1a64(body), 16);
    append_hex(tag, crc, 8);
    tag.push_back('"');
    return tag;
}

// windowBits 31 = 15 (32 KiB window) + 16 (gzip wrapper instead of zlib's).
std::string gzip(std::string_view body) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("http: zlib deflateInit2 failed");
    }
    std::string out(deflateBound(&stream, body.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
    stream.avail_in = static_cast<uInt>(body.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    int result = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END) {
        throw std::runtime_error("http: zlib deflate did not finish");
    }
    return out;
}

}  // namespace

std::shared_ptr<Representation> make_representation(std::string content_type, std::string body,
                                                    std::chrono::system_clock::time_point last_modified) {
    auto representation = std::make_shared<Representation>();
    representation->content_type = std::move(content_type);
    representation->etag = strong_etag(body);
    // deflateBound and avail_in are 32-bit in zlib's one-shot API; bodies this large are not served.
    if (body.size() >= kSmallestCompressedBody && body.size() < (1ULL << 31)) {
        std::string compressed = gzip(body);
        if (compressed.size() < body.size()) {
            representation->gzip_body = std::move(compressed);
            representation->gzip_etag = gzip_etag(representation->etag);
        }
    }
    representation->body = std::move(body);
    representation->last_modified = last_modified;
    if (last_modified != std::chrono::system_clock::time_point{}) {
        representation->last_modified_text = format_http_date(last_modified);
    }
    return representation;
}

std::string gzip_etag(std::string_view etag) {
    std::string tag(etag);
    if (tag.size() >= 2 && tag.back() == '"') {
        tag.insert(tag.size() - 1, "-gz");
    }
    return tag;
}

}  // namespace feedagg::http
