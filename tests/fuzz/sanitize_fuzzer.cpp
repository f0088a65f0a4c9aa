// Any HTML: the sanitizer and the text flattener must not crash, and sanitized output must come out
// unchanged when sanitized again (it holds only what the allow-list writes).
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "feeds/html.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    feedagg::feeds::SanitizeOptions options;
    options.base_url = "https://example.org/a/b.html";
    const std::string once = feedagg::feeds::sanitize_html(html, options);
    const std::string twice = feedagg::feeds::sanitize_html(once, options);
    if (once != twice) std::abort();
    // Text may say "javascript:"; markup and attribute values may not.
    std::string lower = once;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    for (const char* forbidden :
         {"<script", "<style", "=\"javascript:", "=\"vbscript:", "=\"data:text", "<iframe src=\"http:"}) {
        if (lower.find(forbidden) != std::string::npos) std::abort();
    }
    (void)feedagg::feeds::html_to_text(html);
    (void)feedagg::feeds::decode_html_entities(html);
    return 0;
}
