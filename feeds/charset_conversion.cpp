// Decoding bytes in a known charset to UTF-8 with ICU converters, replacing what cannot be read.

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <algorithm>
#include <array>
#include <memory>

#include "feeds/encoding_detail.hpp"

namespace feedagg::feeds::detail {
namespace {

struct ConverterCloser {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const std::string& icu_name) {
    UErrorCode status = U_ZERO_ERROR;
    Converter converter(ucnv_open(icu_name.c_str(), &status));
    if (U_FAILURE(status)) return nullptr;
    return converter;
}

constexpr UChar replacement_character = 0xFFFD;

bool is_decoding_error(UConverterCallbackReason reason) {
    return reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR;
}

// ICU's own substitution writes U+001A for single-byte charsets whose substitute byte is SUB;
// U+FFFD is what readers expect, and the count feeds the one warning per document.
void replace_and_count(const void* context, UConverterToUnicodeArgs* args, const char* /*bytes*/,
                       int32_t /*length*/, UConverterCallbackReason reason, UErrorCode* status) {
    if (!is_decoding_error(reason)) return;
    ++*static_cast<std::size_t*>(const_cast<void*>(context));
    *status = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement_character, 1, 0, status);
}

// Unpaired surrogates from UTF-16/32 input cannot be written as UTF-8.
void substitute_and_count(const void* context, UConverterFromUnicodeArgs* args, const UChar* units,
                          int32_t length, UChar32 code_point, UConverterCallbackReason reason,
                          UErrorCode* status) {
    if (is_decoding_error(reason)) ++*static_cast<std::size_t*>(const_cast<void*>(context));
    UCNV_FROM_U_CALLBACK_SUBSTITUTE(nullptr, args, units, length, code_point, reason, status);
}

bool is_implausible(UChar unit) {
    const bool private_use = unit >= 0xE000 && unit <= 0xF8FF;
    const bool c1_control = unit >= 0x80 && unit <= 0x9F;
    const bool halfwidth_katakana = unit >= 0xFF61 && unit <= 0xFF9F;
    return private_use || c1_control || halfwidth_katakana;
}

}  // namespace

Transcoded transcode_to_utf8(std::string_view bytes, const Charset& from) {
    Transcoded result;
    const Converter source_converter = open_converter(from.icu_name);
    const Converter utf8_converter = open_converter("UTF-8");
    if (!source_converter || !utf8_converter) {
        result.invalid_sequences = bytes.empty() ? 0 : 1;
        result.utf8 = "\xEF\xBF\xBD";
        return result;
    }
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(source_converter.get(), replace_and_count, &result.invalid_sequences, nullptr,
                        nullptr, &status);
    ucnv_setFromUCallBack(utf8_converter.get(), substitute_and_count, &result.invalid_sequences, nullptr,
                          nullptr, &status);

    std::array<UChar, 4096> pivot;
    UChar* pivot_source = pivot.data();
    UChar* pivot_target = pivot.data();
    const char* source = bytes.data();
    const char* const source_end = bytes.data() + bytes.size();
    std::string& out = result.utf8;
    out.resize(bytes.size() + bytes.size() / 2 + 16);
    std::size_t written = 0;
    bool first_call = true;
    for (;;) {
        status = U_ZERO_ERROR;
        char* target = out.data() + written;
        ucnv_convertEx(utf8_converter.get(), source_converter.get(), &target, out.data() + out.size(),
                       &source, source_end, pivot.data(), &pivot_source, &pivot_target,
                       pivot.data() + pivot.size(), static_cast<UBool>(first_call), static_cast<UBool>(true),
                       &status);
        first_call = false;
        written = static_cast<std::size_t>(target - out.data());
        if (status != U_BUFFER_OVERFLOW_ERROR) break;
        out.resize(out.size() * 2);
    }
    out.resize(written);
    if (U_FAILURE(status)) {
        // The callbacks absorb decoding errors, so this is ICU giving up; say so in the text.
        ++result.invalid_sequences;
        out += "\xEF\xBF\xBD";
    }
    return result;
}

SampleReading read_sample(std::string_view sample, const Charset& charset, bool is_whole) {
    SampleReading reading;
    const Converter converter = open_converter(charset.icu_name);
    if (!converter) {
        reading.invalid_sequences = 1;
        return reading;
    }
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(converter.get(), replace_and_count, &reading.invalid_sequences, nullptr, nullptr,
                        &status);

    std::array<UChar, 2048> buffer;
    const char* source = sample.data();
    const char* const source_end = sample.data() + sample.size();
    do {
        status = U_ZERO_ERROR;
        UChar* target = buffer.data();
        ucnv_toUnicode(converter.get(), &target, buffer.data() + buffer.size(), &source, source_end, nullptr,
                       static_cast<UBool>(is_whole), &status);
        reading.implausible_characters +=
            static_cast<std::size_t>(std::count_if(buffer.data(), target, is_implausible));
    } while (status == U_BUFFER_OVERFLOW_ERROR);
    if (U_FAILURE(status)) ++reading.invalid_sequences;
    return reading;
}

}  // namespace feedagg::feeds::detail
