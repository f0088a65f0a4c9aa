// decode_document weighs the evidence about a document's charset; convert_to_utf8 just converts.
// Evidence, most trusted first: byte order mark, transport charset, XML declaration (or the shape of
// "<?xml" in UTF-16/32), detection, UTF-8. A claim the bytes contradict is overruled, with a warning.

#include "feeds/encoding.hpp"

#include <algorithm>
#include <utility>

#include "feeds/encoding_detail.hpp"

namespace feedagg::feeds {
namespace {

enum class DocumentKind { xml_or_json, html };

using detail::Charset;
using detail::utf8_charset;

// A charset named by the transport or the XML declaration, with the label as the source wrote it.
struct Claim {
    std::string label;
    Charset charset;
};

// Below this many multi-byte sequences, text in a double-byte charset can be valid UTF-8 by chance
// (each of its characters is with probability around 1/10), so a declaration of it stands.
constexpr std::size_t utf8_evidence_against_multibyte_claim = 4;

// Text in the wrong multibyte charset breaks at a good share of its non-ASCII bytes; a document
// whose declared charset fails less often than once in this many is taken as damaged instead.
constexpr std::size_t mislabelling_error_ratio = 10;

std::size_t count_non_ascii(std::string_view bytes) {
    return static_cast<std::size_t>(std::count_if(
        bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
}

// Built by appending: GCC 12's Release -Wrestrict misreads "\"" + std::string(...).
std::string quoted(std::string_view text) {
    std::string result;
    result.reserve(text.size() + 2);
    result.push_back('"');
    result.append(text);
    result.push_back('"');
    return result;
}

std::string mismatch_warning(std::string_view label, const Charset& decoded_as) {
    return "declared charset " + quoted(label) + " does not match the bytes; decoded as " + decoded_as.name;
}

std::string invalid_sequences_warning(std::size_t count, const Charset& charset) {
    return std::to_string(count) + (count == 1 ? " invalid byte sequence" : " invalid byte sequences") +
           " in " + charset.name + " replaced with U+FFFD";
}

DecodedText decode_as(std::string_view bytes, const Charset& charset, std::vector<std::string> warnings) {
    if (charset.is_utf8() && is_valid_utf8(bytes))
        return {std::string(bytes), charset.name, std::move(warnings)};
    detail::Transcoded transcoded = detail::transcode_to_utf8(bytes, charset);
    if (transcoded.invalid_sequences > 0) {
        warnings.push_back(invalid_sequences_warning(transcoded.invalid_sequences, charset));
    }
    return {std::move(transcoded.utf8), charset.name, std::move(warnings)};
}

// What the document says about itself: an XML declaration or an HTML <meta> charset.
struct InDocumentDeclaration {
    std::string_view label;
    std::string_view name;  // for warnings: "the XML declaration"
};

InDocumentDeclaration find_declaration(std::string_view bytes, DocumentKind kind) {
    if (kind == DocumentKind::html)
        return {detail::find_html_meta_charset(bytes), "the page's <meta> charset"};
    return {detail::find_xml_declared_encoding(bytes), "the XML declaration"};
}

// The transport's claim if it names a charset ICU knows, else the document's own.
std::optional<Claim> find_claim(std::string_view transport_charset, const InDocumentDeclaration& declaration,
                                std::vector<std::string>& warnings) {
    using Source = InDocumentDeclaration;
    const Source sources[] = {{transport_charset, "the transport"}, declaration};
    for (const Source& source : sources) {
        if (source.label.find_first_not_of(" \t\"'") == std::string_view::npos) continue;
        std::optional<Charset> charset = detail::find_charset(source.label);
        if (!charset) {
            warnings.push_back("unknown charset " + quoted(source.label) + " declared by " +
                               std::string(source.name) + "; ignored");
            continue;
        }
        // The declaration was just read as ASCII, which UTF-16 and UTF-32 text never is.
        if (charset->is_wide_unicode() && source.name == declaration.name) {
            warnings.push_back(std::string(source.name) + " says " + quoted(source.label) +
                               " but the document is not in UTF-16 or UTF-32; ignored");
            continue;
        }
        return Claim{std::string(source.label), std::move(*charset)};
    }
    return std::nullopt;
}

bool starts_like_ascii_markup(std::string_view bytes) {
    const std::size_t first = bytes.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || first + 1 >= bytes.size()) return false;
    const char c = bytes[first];
    return (c == '<' || c == '{' || c == '[') && bytes[first + 1] != '\0';
}

// UTF-16 or UTF-32 without a byte order mark: announced by "<?xml" in that encoding, or claimed by
// the transport. The byte pattern outranks an ASCII-compatible claim, which it physically refutes.
std::optional<Charset> find_wide_charset(std::string_view bytes, std::optional<Claim>& claim,
                                         std::vector<std::string>& warnings) {
    const std::string_view sniffed = detail::find_wide_xml_declaration(bytes);
    if (!claim || !claim->charset.is_wide_unicode()) {
        if (sniffed.empty()) return std::nullopt;
        if (claim) warnings.push_back(mismatch_warning(claim->label, *detail::find_charset(sniffed)));
        return detail::find_charset(sniffed);
    }
    if (starts_like_ascii_markup(bytes)) {
        warnings.push_back(mismatch_warning(claim->label, utf8_charset()) +
                           " or another ASCII-based charset");
        claim.reset();
        return std::nullopt;
    }
    const std::string& name = claim->charset.name;
    if (name.ends_with("LE") || name.ends_with("BE")) return claim->charset;
    if (!sniffed.empty()) return detail::find_charset(sniffed);
    if (name.starts_with("UTF-32")) return detail::find_charset("UTF-32BE");
    return detail::find_charset(detail::guess_utf16_byte_order(bytes));
}

// When the transport's "UTF-8" is refuted, the document's declaration is the next evidence: servers
// often label everything UTF-8 while documents keep declaring their real charset.
std::optional<Charset> find_declared_alternative(std::string_view bytes,
                                                 const InDocumentDeclaration& declaration) {
    std::optional<Charset> declared = detail::find_charset(declaration.label);
    if (!declared || declared->is_utf8() || declared->is_wide_unicode()) return std::nullopt;
    const std::string_view sample = bytes.substr(0, detail::sample_size);
    if (!detail::read_sample(sample, *declared, sample.size() == bytes.size()).is_plausible())
        return std::nullopt;
    return declared;
}

// Declared or assumed UTF-8. Valid bytes are copied; damaged UTF-8 (mostly well-formed multi-byte
// sequences) keeps U+FFFD for the damage; anything else is text in another charset.
DecodedText decode_as_utf8_or_detect(std::string_view bytes, const std::optional<Claim>& claim,
                                     const InDocumentDeclaration& declaration,
                                     std::vector<std::string> warnings) {
    const Charset& utf8 = utf8_charset();
    if (is_valid_utf8(bytes)) return {std::string(bytes), utf8.name, std::move(warnings)};
    const detail::Utf8Census census = detail::take_utf8_census(bytes);
    // Text in GBK, Big5 or windows-1252 forms a well-formed multi-byte sequence by chance far less
    // often than it breaks one; damaged UTF-8 is the other way round.
    if (census.multibyte_sequences >= 2 * census.invalid_bytes)
        return decode_as(bytes, utf8, std::move(warnings));

    std::optional<Charset> detected = find_declared_alternative(bytes, declaration);
    if (!detected) detected = detail::detect_charset(bytes, false);
    if (!detected) return decode_as(bytes, utf8, std::move(warnings));
    if (claim) {
        warnings.push_back(mismatch_warning(claim->label, *detected));
    } else {
        warnings.push_back("no charset declared and the bytes are not UTF-8; decoded as " + detected->name +
                           " (detected)");
    }
    return decode_as(bytes, *detected, std::move(warnings));
}

// Text in a single-byte charset is almost never valid UTF-8 with multi-byte sequences in it, so
// such bytes mean the declaration is wrong: a common lie of servers configured once for Latin-1.
bool utf8_refutes(std::string_view bytes, const Charset& declared) {
    if (!is_valid_utf8(bytes)) return false;
    const std::size_t needed = declared.is_single_byte() ? 1 : utf8_evidence_against_multibyte_claim;
    return detail::take_utf8_census(bytes).multibyte_sequences >= needed;
}

// A few invalid sequences are damage. Many, or characters no text in the charset has (such as
// the private-use code points windows-950 gives GBK bytes), mean the declaration is wrong.
bool looks_mislabelled(std::string_view bytes, const Charset& declared, const detail::Transcoded& decoded) {
    const std::size_t invalid = decoded.invalid_sequences;
    if (invalid > 0 && invalid * mislabelling_error_ratio >= count_non_ascii(bytes)) return true;
    // Single-byte charsets read anything; their oddities are no evidence.
    if (!declared.is_east_asian_multibyte()) return false;
    const std::string_view sample = bytes.substr(0, detail::sample_size);
    return detail::read_sample(sample, declared, sample.size() == bytes.size()).implausible_characters > 0;
}

// What detection offers instead of a mislabelled charset, if it reads the bytes cleanly.
std::optional<Charset> find_better_charset(std::string_view bytes, const Charset& declared) {
    std::optional<Charset> detected = detail::detect_charset(bytes, false);
    if (!detected || detected->name == declared.name) return std::nullopt;
    const std::string_view sample = bytes.substr(0, detail::sample_size);
    if (!detail::read_sample(sample, *detected, sample.size() == bytes.size()).is_plausible())
        return std::nullopt;
    return detected;
}

DecodedText decode_as_declared(std::string_view bytes, const Claim& claim,
                               std::vector<std::string> warnings) {
    if (utf8_refutes(bytes, claim.charset)) {
        warnings.push_back(mismatch_warning(claim.label, utf8_charset()));
        return {std::string(bytes), "UTF-8", std::move(warnings)};
    }
    detail::Transcoded declared = detail::transcode_to_utf8(bytes, claim.charset);
    if (looks_mislabelled(bytes, claim.charset, declared)) {
        if (const std::optional<Charset> better = find_better_charset(bytes, claim.charset)) {
            warnings.push_back(mismatch_warning(claim.label, *better));
            return decode_as(bytes, *better, std::move(warnings));
        }
    }
    if (declared.invalid_sequences > 0) {
        warnings.push_back(invalid_sequences_warning(declared.invalid_sequences, claim.charset));
    }
    return {std::move(declared.utf8), claim.charset.name, std::move(warnings)};
}

DecodedText decode(std::string_view bytes, std::string_view transport_charset, DocumentKind kind) {
    // Encoding Standard §6 "decode" and XML 1.0 Appendix F: a byte order mark settles it.
    if (const auto mark = detail::find_byte_order_mark(bytes)) {
        return decode_as(bytes.substr(mark->length), *detail::find_charset(mark->charset), {});
    }
    std::vector<std::string> warnings;
    const InDocumentDeclaration declaration = find_declaration(bytes, kind);
    std::optional<Claim> claim = find_claim(transport_charset, declaration, warnings);
    if (const std::optional<Charset> wide = find_wide_charset(bytes, claim, warnings)) {
        return decode_as(bytes, *wide, std::move(warnings));
    }
    if (!claim || claim->charset.is_utf8())
        return decode_as_utf8_or_detect(bytes, claim, declaration, std::move(warnings));
    return decode_as_declared(bytes, *claim, std::move(warnings));
}

}  // namespace

DecodedText decode_document(std::string_view bytes, std::string_view transport_charset) {
    return decode(bytes, transport_charset, DocumentKind::xml_or_json);
}

DecodedText decode_html_page(std::string_view bytes, std::string_view transport_charset) {
    return decode(bytes, transport_charset, DocumentKind::html);
}

DecodedText convert_to_utf8(std::string_view bytes, std::string_view charset) {
    std::vector<std::string> warnings;
    std::optional<Charset> found = detail::find_charset(charset);
    if (!found) {
        warnings.push_back("unknown charset " + quoted(charset) + "; read as UTF-8");
        found = utf8_charset();
    }
    if (found->is_utf8() && bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    return decode_as(bytes, *found, std::move(warnings));
}

}  // namespace feedagg::feeds
