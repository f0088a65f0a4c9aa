// Any bytes, any declared charset: parse_feed must not crash, hang or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "feeds/parse.hpp"
#include "feeds/writers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    feedagg::feeds::ParseOptions options;
    options.base_url = "https://example.org/feed/";
    options.timezone = "Asia/Shanghai";
    auto parsed = feedagg::feeds::parse_feed(bytes, options);
    if (parsed) {
        // What we read, we must be able to write.
        (void)feedagg::feeds::write_atom(parsed->feed);
        (void)feedagg::feeds::write_rss(parsed->feed);
        (void)feedagg::feeds::write_json_feed(parsed->feed);
    }
    return 0;
}
