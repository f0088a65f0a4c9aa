// Charset labels as transports, declarations and ICU's detector spell them, resolved to the one
// charset each is decoded with.

#include <unicode/ucnv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <vector>

#include "feeds/detail/ascii.hpp"
#include "feeds/encoding_detail.hpp"

namespace feedagg::feeds::detail {
namespace {

struct ConverterCloser {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// Labels arrive as `"utf-8"`, ` GBK ` or `'latin1'`; ICU wants the bare name.
std::string_view strip_label(std::string_view label) {
    constexpr std::string_view noise = " \t\r\n\"'";
    const auto first = label.find_first_not_of(noise);
    if (first == std::string_view::npos) return {};
    const auto last = label.find_last_not_of(noise);
    return label.substr(first, last - first + 1);
}

// ICU opens the platform default converter for an empty name, so only plain names go through.
bool is_plausible_label(std::string_view label) {
    if (label.empty() || label.size() > 64) return false;
    return std::all_of(label.begin(), label.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte > 0x20 && byte < 0x7F && c != ',' && c != ';' && c != '=';
    });
}

Converter open_converter(std::string_view label) {
    const std::string name(label);
    UErrorCode status = U_ZERO_ERROR;
    Converter converter(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status)) return nullptr;
    return converter;
}

std::string icu_name_of(const UConverter& converter) {
    UErrorCode status = U_ZERO_ERROR;
    const char* name = ucnv_getName(&converter, &status);
    return U_SUCCESS(status) && name != nullptr ? name : "";
}

// The name people know the converter by: MIME's, then IANA's, then Windows'.
std::string display_name_of(const std::string& icu_name) {
    for (const char* standard : {"MIME", "IANA", "WINDOWS"}) {
        UErrorCode status = U_ZERO_ERROR;
        const char* name = ucnv_getStandardName(icu_name.c_str(), standard, &status);
        if (U_SUCCESS(status) && name != nullptr) return name;
    }
    return icu_name;
}

// WHATWG Encoding Standard §4.2 (the label table): browsers decode these labels with a superset,
// because real documents so labelled use the superset's extra characters.
struct Superset {
    std::string_view label;
    std::string_view decoded_as;
};
constexpr std::array supersets{
    Superset{"GB2312", "GB18030"},          Superset{"GBK", "GB18030"},
    Superset{"ISO-8859-1", "windows-1252"}, Superset{"US-ASCII", "windows-1252"},
    Superset{"ISO-8859-9", "windows-1254"}, Superset{"TIS-620", "windows-874"},
    Superset{"ISO-8859-11", "windows-874"},
};

// Compares by ICU converter, so every alias of a label ("latin1", "cp819", "x-gbk") matches it.
// The table is resolved once; ICU's alias lookup is not free.
std::string_view superset_of(const std::string& icu_name) {
    struct Resolved {
        std::string icu_name;
        std::string_view decoded_as;
    };
    static const std::vector<Resolved> resolved = [] {
        std::vector<Resolved> table;
        for (const Superset& superset : supersets) {
            if (const Converter converter = open_converter(superset.label)) {
                table.push_back({icu_name_of(*converter), superset.decoded_as});
            }
        }
        return table;
    }();
    for (const Resolved& entry : resolved) {
        if (entry.icu_name == icu_name) return entry.decoded_as;
    }
    return {};
}

bool is_utf8_label(std::string_view label) {
    return equals_ignoring_case(label, "utf-8") || equals_ignoring_case(label, "utf8");
}

}  // namespace

bool Charset::is_wide_unicode() const {
    return name.starts_with("UTF-16") || name.starts_with("UTF-32");
}

bool Charset::is_east_asian_multibyte() const {
    // ISO-2022 encodings are stateful 7-bit schemes, not the lead/trail byte kind this names.
    return max_bytes_per_char > 1 && !is_utf8() && !is_wide_unicode() && !name.starts_with("ISO-2022") &&
           !name.starts_with("UTF-") && !name.starts_with("SCSU") && !name.starts_with("BOCU");
}

const Charset& utf8_charset() {
    static const Charset utf8{"UTF-8", "UTF-8", 3};
    return utf8;
}

std::optional<Charset> find_charset(std::string_view label) {
    label = strip_label(label);
    // The common case resolves without ICU, keeping the copy-through path free of it.
    if (is_utf8_label(label)) return utf8_charset();
    if (!is_plausible_label(label)) return std::nullopt;
    Converter converter = open_converter(label);
    if (!converter) return std::nullopt;
    std::string icu_name = icu_name_of(*converter);
    if (icu_name.empty()) return std::nullopt;

    if (const std::string_view superset = superset_of(icu_name); !superset.empty()) {
        converter = open_converter(superset);
        if (!converter) return std::nullopt;
        icu_name = icu_name_of(*converter);
    }
    Charset charset;
    charset.name = display_name_of(icu_name);
    charset.icu_name = std::move(icu_name);
    charset.max_bytes_per_char = ucnv_getMaxCharSize(converter.get());
    return charset;
}

}  // namespace feedagg::feeds::detail
