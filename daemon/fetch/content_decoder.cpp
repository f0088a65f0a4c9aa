#include "daemon/fetch/content_decoder.hpp"

#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace feedagg::fetch::detail {
namespace {

constexpr std::size_t output_block = 16 * 1024;

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// Appends decoded bytes unless that passes the cap.
bool append_capped(std::string& out, const char* data, std::size_t size, std::uint64_t cap) {
    if (out.size() + size > cap) return false;
    out.append(data, size);
    return true;
}

class IdentityDecoder final : public ContentDecoder {
  public:
    explicit IdentityDecoder(std::uint64_t cap) : cap_(cap) {}
    Status write(std::string_view chunk, std::string& out) override {
        return append_capped(out, chunk.data(), chunk.size(), cap_) ? Status::ok : Status::too_large;
    }
    Status finish(std::string&) override { return Status::ok; }

  private:
    std::uint64_t cap_;
};

// gzip and zlib (window bits 15 + 32 detects either header); servers that send raw deflate for
// "deflate" are read by starting over in raw mode when the first bytes are not a zlib header.
class ZlibDecoder final : public ContentDecoder {
  public:
    explicit ZlibDecoder(std::uint64_t cap) : cap_(cap) { start(15 + 32); }
    ~ZlibDecoder() override { inflateEnd(&stream_); }
    ZlibDecoder(const ZlibDecoder&) = delete;
    ZlibDecoder& operator=(const ZlibDecoder&) = delete;

    Status write(std::string_view chunk, std::string& out) override {
        if (!produced_any_ && !raw_) prefix_.append(chunk);
        Status status = inflate_chunk(chunk, out);
        if (status == Status::corrupt && !produced_any_ && !raw_) {
            inflateEnd(&stream_);
            start(-15);
            raw_ = true;
            std::string replay;
            replay.swap(prefix_);
            status = inflate_chunk(replay, out);
        }
        if (produced_any_) prefix_.clear();
        return status;
    }

    Status finish(std::string&) override { return ended_ ? Status::ok : Status::corrupt; }

  private:
    void start(int window_bits) {
        stream_ = z_stream{};
        ok_ = inflateInit2(&stream_, window_bits) == Z_OK;
    }

    Status inflate_chunk(std::string_view chunk, std::string& out) {
        if (!ok_) return Status::corrupt;
        if (ignore_rest_) return Status::ok;
        stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
        stream_.avail_in = static_cast<uInt>(chunk.size());
        std::array<char, output_block> block;
        for (;;) {
            if (ended_) {
                if (raw_ || stream_.avail_in == 0) return Status::ok;
                // Concatenated gzip members (RFC 1952 §2.2) decode as one body.
                if (inflateReset(&stream_) != Z_OK) return Status::corrupt;
                ended_ = false;
            }
            stream_.next_out = reinterpret_cast<Bytef*>(block.data());
            stream_.avail_out = static_cast<uInt>(block.size());
            const int result = inflate(&stream_, Z_NO_FLUSH);
            const std::size_t produced = block.size() - stream_.avail_out;
            if (result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR) {
                // Garbage after a complete member is ignored, as browsers do.
                if (completed_members_ == 0) return Status::corrupt;
                ignore_rest_ = true;
                ended_ = true;
                return Status::ok;
            }
            if (produced > 0) produced_any_ = true;
            if (!append_capped(out, block.data(), produced, cap_)) return Status::too_large;
            if (result == Z_STREAM_END) {
                ended_ = true;
                ++completed_members_;
                continue;
            }
            if (result == Z_BUF_ERROR) return Status::ok;
            if (stream_.avail_in == 0 && stream_.avail_out != 0) return Status::ok;
        }
    }

    z_stream stream_{};
    std::uint64_t cap_;
    std::string prefix_;  // input kept until the first output, to replay it in raw mode
    bool ok_ = false;
    bool raw_ = false;
    bool ended_ = false;
    bool produced_any_ = false;
    bool ignore_rest_ = false;
    int completed_members_ = 0;
};

class BrotliDecoder final : public ContentDecoder {
  public:
    explicit BrotliDecoder(std::uint64_t cap)
        : state_(BrotliDecoderCreateInstance(nullptr, nullptr, nullptr)), cap_(cap) {}
    ~BrotliDecoder() override { BrotliDecoderDestroyInstance(state_); }
    BrotliDecoder(const BrotliDecoder&) = delete;
    BrotliDecoder& operator=(const BrotliDecoder&) = delete;

    Status write(std::string_view chunk, std::string& out) override {
        if (state_ == nullptr) return Status::corrupt;
        auto next_in = reinterpret_cast<const std::uint8_t*>(chunk.data());
        std::size_t available_in = chunk.size();
        std::array<std::uint8_t, output_block> block;
        for (;;) {
            std::uint8_t* next_out = block.data();
            std::size_t available_out = block.size();
            const BrotliDecoderResult result = BrotliDecoderDecompressStream(
                state_, &available_in, &next_in, &available_out, &next_out, nullptr);
            const std::size_t produced = block.size() - available_out;
            if (!append_capped(out, reinterpret_cast<const char*>(block.data()), produced, cap_)) {
                return Status::too_large;
            }
            switch (result) {
                case BROTLI_DECODER_RESULT_ERROR:
                    return Status::corrupt;
                case BROTLI_DECODER_RESULT_SUCCESS:
                    ended_ = true;
                    return Status::ok;
                case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
                    return Status::ok;
                case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
                    break;
            }
        }
    }

    Status finish(std::string&) override { return ended_ ? Status::ok : Status::corrupt; }

  private:
    BrotliDecoderState* state_;
    std::uint64_t cap_;
    bool ended_ = false;
};

}  // namespace

std::unique_ptr<ContentDecoder> ContentDecoder::for_encoding(std::string_view content_encoding,
                                                             std::uint64_t max_decoded_bytes) {
    const std::string_view coding = trim(content_encoding);
    if (coding.empty() || iequals(coding, "identity"))
        return std::make_unique<IdentityDecoder>(max_decoded_bytes);
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip") || iequals(coding, "deflate")) {
        return std::make_unique<ZlibDecoder>(max_decoded_bytes);
    }
    if (iequals(coding, "br")) return std::make_unique<BrotliDecoder>(max_decoded_bytes);
    return nullptr;
}

}  // namespace feedagg::fetch::detail
