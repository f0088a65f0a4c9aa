#pragma once
// Compressing test bodies with zlib and brotli, as an upstream server would.

#include <brotli/encode.h>
#include <zlib.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace feedagg::fetch::testing {

enum class Wrapper { gzip = 16 + 15, zlib = 15, raw = -15 };

inline std::string deflate_text(std::string_view text, Wrapper wrapper = Wrapper::gzip) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, static_cast<int>(wrapper), 8,
                     Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("deflateInit2 failed");
    }
    std::string out(deflateBound(&stream, text.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

inline std::string brotli_text(std::string_view text) {
    std::size_t size = BrotliEncoderMaxCompressedSize(text.size());
    std::string out(size, '\0');
    if (!BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, text.size(),
                               reinterpret_cast<const std::uint8_t*>(text.data()), &size,
                               reinterpret_cast<std::uint8_t*>(out.data()))) {
        throw std::runtime_error("BrotliEncoderCompress failed");
    }
    out.resize(size);
    return out;
}

// Gzip of `total` zero bytes, produced a piece at a time so the test never holds the whole stream.
class ZeroBomb {
  public:
    explicit ZeroBomb(std::uint64_t total) : remaining_(total) {
        deflateInit2(&stream_, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + 15, 9, Z_DEFAULT_STRATEGY);
    }
    ~ZeroBomb() { deflateEnd(&stream_); }
    ZeroBomb(const ZeroBomb&) = delete;
    ZeroBomb& operator=(const ZeroBomb&) = delete;

    // The next piece of compressed stream; empty once it is complete.
    std::string next() {
        static const std::string zeros(1 << 20, '\0');
        std::string out;
        while (out.empty() && !finished_) {
            const std::size_t take =
                static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, zeros.size()));
            remaining_ -= take;
            std::string block(64 * 1024, '\0');
            stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
            stream_.avail_in = static_cast<uInt>(take);
            const int flush = remaining_ == 0 ? Z_FINISH : Z_NO_FLUSH;
            int result = Z_OK;
            do {
                stream_.next_out = reinterpret_cast<Bytef*>(block.data());
                stream_.avail_out = static_cast<uInt>(block.size());
                result = deflate(&stream_, flush);
                out.append(block.data(), block.size() - stream_.avail_out);
            } while (stream_.avail_out == 0);
            finished_ = result == Z_STREAM_END;
        }
        return out;
    }

  private:
    z_stream stream_{};
    std::uint64_t remaining_;
    bool finished_ = false;
};

}  // namespace feedagg::fetch::testing
