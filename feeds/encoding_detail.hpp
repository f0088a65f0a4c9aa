#pragma once
// Internals of feeds/encoding.cpp, split by job: UTF-8 checks, charset names, sniffing of marks and
// declarations, ICU conversion and detection. Not part of the module's public contract.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace feedagg::feeds::detail {

// --- UTF-8 (encoding_utf8.cpp) ---

// Length of the well-formed UTF-8 sequence starting at `at` (Unicode §3.9, Table 3-7), or 0 when
// the bytes there are ill-formed or truncated.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

struct Utf8Census {
    std::size_t multibyte_sequences = 0;  // well-formed sequences of 2-4 bytes
    std::size_t invalid_bytes = 0;        // bytes that start no well-formed sequence
};
Utf8Census take_utf8_census(std::string_view text);

#if defined(__x86_64__) && defined(__GNUC__)
// Whether this CPU runs AVX2, asked once: the 32-byte scans are compiled for it but chosen at run time.
bool has_avx2();
#endif

// --- Charset names (charset_names.cpp) ---

struct Charset {
    std::string name;      // canonical: "UTF-8", "GB18030", "windows-1252", ...
    std::string icu_name;  // the ICU converter that reads it
    int max_bytes_per_char = 1;

    bool is_utf8() const { return name == "UTF-8"; }
    bool is_wide_unicode() const;  // UTF-16 or UTF-32, any byte order
    bool is_single_byte() const { return max_bytes_per_char == 1; }
    bool is_east_asian_multibyte() const;  // GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR, ...
};

const Charset& utf8_charset();

// Resolves any label ICU knows ("gbk", "latin1", "utf8") to the charset used to decode it, with the
// WHATWG Encoding Standard's supersets applied (GB2312/GBK -> GB18030, ISO-8859-1/US-ASCII ->
// windows-1252, ...). Nothing when ICU has no converter for the label.
std::optional<Charset> find_charset(std::string_view label);

// --- Sniffing (charset_sniffing.cpp) ---

struct ByteOrderMark {
    std::string_view charset;
    std::size_t length;
};
std::optional<ByteOrderMark> find_byte_order_mark(std::string_view bytes);

// "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" when the document opens with "<?" in that
// encoding (XML 1.0 Appendix F.1, no byte order mark), else empty.
std::string_view find_wide_xml_declaration(std::string_view bytes);

// For UTF-16 text without a mark or a recognizable "<?": the byte order in which ASCII characters
// (one zero byte each) read naturally. Big-endian when there is no evidence (RFC 2781 §4.3).
std::string_view guess_utf16_byte_order(std::string_view bytes);

// The encoding="..." value of an XML declaration at the start of an ASCII-compatible document,
// looking at the first kilobyte only. Empty when there is none.
std::string_view find_xml_declared_encoding(std::string_view bytes);

// The charset an HTML page declares with <meta charset> or <meta http-equiv="Content-Type">, looking
// at the first 4 KiB only (charset_html_meta.cpp). Empty when there is none.
std::string_view find_html_meta_charset(std::string_view bytes);

// --- Conversion (charset_conversion.cpp) ---

struct Transcoded {
    std::string utf8;
    std::size_t invalid_sequences = 0;  // each replaced with U+FFFD
};
Transcoded transcode_to_utf8(std::string_view bytes, const Charset& from);

// How well `sample` reads in `charset`: invalid sequences, and characters that real text in that
// charset does not contain but misreadings produce (private use, C1 controls, half-width katakana).
// `is_whole` says whether a sequence cut off at the end of the sample is an error.
struct SampleReading {
    std::size_t invalid_sequences = 0;
    std::size_t implausible_characters = 0;

    bool is_plausible() const { return invalid_sequences == 0 && implausible_characters == 0; }
};
SampleReading read_sample(std::string_view sample, const Charset& charset, bool is_whole);

// Enough text for statistics and plausibility; keeps checks on huge documents cheap.
constexpr std::size_t sample_size = 64 * 1024;

// --- Detection (charset_detection.cpp) ---

// The charset the bytes most likely are, by ICU's statistical detector plus the heuristics in
// charset_detection.cpp. UTF-16/32 are never guessed; UTF-8 only when `utf8_possible`.
std::optional<Charset> detect_charset(std::string_view bytes, bool utf8_possible);

}  // namespace feedagg::feeds::detail
