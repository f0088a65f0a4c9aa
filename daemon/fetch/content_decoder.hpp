#pragma once
// Streaming Content-Encoding decoding (gzip, deflate, br) with a hard cap on the decoded size, so a
// compression bomb stops at the cap instead of filling memory.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace feedagg::fetch::detail {

class ContentDecoder {
  public:
    enum class Status { ok, too_large, corrupt };

    // For a Content-Encoding value: "", "identity", "gzip", "x-gzip", "deflate", "br" (case-insensitive).
    // Returns nullptr for anything else, including lists of several codings.
    static std::unique_ptr<ContentDecoder> for_encoding(std::string_view content_encoding,
                                                        std::uint64_t max_decoded_bytes);

    virtual ~ContentDecoder() = default;

    // Decodes `chunk` and appends the result to `out`; too_large as soon as `out` would pass the cap.
    virtual Status write(std::string_view chunk, std::string& out) = 0;

    // After the last chunk: corrupt when the compressed stream stopped before its end.
    virtual Status finish(std::string& out) = 0;
};

}  // namespace feedagg::fetch::detail
