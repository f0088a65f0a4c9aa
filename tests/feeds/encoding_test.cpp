#include "feeds/encoding.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <random>
#include <string>
#include <string_view>

#include "feeds/encoding_detail.hpp"

namespace feedagg::feeds {
namespace {

using namespace std::string_literals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Test inputs are made by encoding UTF-8 with ICU, so each charset's bytes come from a converter
// independent of the decoding under test. Fails the test if ICU cannot represent the text.
std::string encode(std::string_view utf8, const char* charset) {
    std::string out(utf8.size() * 4 + 16, '\0');
    UErrorCode status = U_ZERO_ERROR;
    UConverter* target = ucnv_open(charset, &status);
    UConverter* source = ucnv_open("UTF-8", &status);
    if (U_SUCCESS(status)) {
        ucnv_setFromUCallBack(target, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    }
    char* cursor = out.data();
    const char* input = utf8.data();
    if (U_SUCCESS(status)) {
        ucnv_convertEx(target, source, &cursor, out.data() + out.size(), &input, utf8.data() + utf8.size(),
                       nullptr, nullptr, nullptr, nullptr, true, true, &status);
    }
    ucnv_close(target);
    ucnv_close(source);
    EXPECT_TRUE(U_SUCCESS(status)) << charset << ": " << u_errorName(status);
    out.resize(static_cast<std::size_t>(cursor - out.data()));
    return out;
}

std::string xml_document(std::string_view encoding, std::string_view title) {
    std::string declaration = "<?xml version=\"1.0\"";
    if (!encoding.empty()) declaration += " encoding=\"" + std::string(encoding) + "\"";
    return declaration + "?>\n<rss version=\"2.0\"><channel><title>" + std::string(title) +
           "</title></channel></rss>\n";
}

const std::string chinese_news =
    "工人日报记者从中华全国总工会获悉，今年以来，各级工会组织深入开展职工技能提升行动，"
    "推动建立健全劳动关系协调机制，帮助广大职工解决急难愁盼问题。工会将继续加强基层组织建设，"
    "维护职工合法权益，为农民工讨薪、安全生产和职工疗休养提供服务。";

const std::string utf8_bom = "\xEF\xBB\xBF";

// --- is_valid_utf8 ---

TEST(Utf8Validation, AcceptsEmptyAndAsciiText) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("plain ASCII text that is longer than eight bytes"));
    EXPECT_TRUE(is_valid_utf8("\0\x7F"s));
}

TEST(Utf8Validation, AcceptsEverySequenceLength) {
    EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9"));                   // é, two bytes
    EXPECT_TRUE(is_valid_utf8("\xE4\xB8\xAD\xE6\x96\x87"));      // 中文, three bytes each
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));              // U+1F600, four bytes
    EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));              // U+10FFFF, the last code point
    EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF\xEE\x80\x80"));      // U+D7FF and U+E000 around the surrogates
    EXPECT_TRUE(is_valid_utf8("\xE0\xA0\x80\xF0\x90\x80\x80"));  // smallest three and four byte forms
}

TEST(Utf8Validation, RejectsOverlongForms) {
    for (const char* overlong :
         {"\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF"}) {
        EXPECT_FALSE(is_valid_utf8(overlong)) << overlong;
    }
}

TEST(Utf8Validation, RejectsSurrogates) {
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));              // U+D800
    EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));              // U+DFFF
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\xBD\xED\xB8\x80"));  // CESU-8 pair
}

TEST(Utf8Validation, RejectsCodePointsBeyondU10FFFF) {
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
    EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
    EXPECT_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));
    EXPECT_FALSE(is_valid_utf8("\xFE"));
    EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(Utf8Validation, RejectsTruncatedSequences) {
    EXPECT_FALSE(is_valid_utf8("\xC3"));
    EXPECT_FALSE(is_valid_utf8("abc\xE4\xB8"));
    EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x98"));
    EXPECT_FALSE(is_valid_utf8("\xE4\xB8 followed by ASCII"));
    EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x98\x41"));
}

TEST(Utf8Validation, RejectsLoneContinuationBytes) {
    EXPECT_FALSE(is_valid_utf8("\x80"));
    EXPECT_FALSE(is_valid_utf8("abc\xBF"));
    EXPECT_FALSE(is_valid_utf8("\xC3\xA9\xA9"));
}

// The ASCII fast path reads eight bytes at a time; a bad byte must be found at every offset.
TEST(Utf8Validation, FindsAnInvalidByteAtAnyOffsetInALongAsciiRun) {
    for (std::size_t offset = 0; offset < 40; ++offset) {
        std::string text(40, 'a');
        EXPECT_TRUE(is_valid_utf8(text));
        text[offset] = '\x80';
        EXPECT_FALSE(is_valid_utf8(text)) << "offset " << offset;
        text[offset] = '\xC3';
        EXPECT_FALSE(is_valid_utf8(text)) << "offset " << offset;
    }
}

// The fast path checks sixteen ASCII bytes per step and stays in a multibyte loop between ASCII
// runs; it must agree with a walk sequence by sequence over mixes of every kind of byte.
TEST(Utf8Validation, AgreesWithSequenceBySequenceWalkOverRandomMixes) {
    const std::vector<std::string> pieces = {"a",
                                             "plain ascii words ",
                                             "\xC3\xA9",
                                             "\xE4\xB8\xAD",
                                             "\xF0\x9F\x98\x80",
                                             "\xED\x9F\xBF",
                                             "\xEF\xBF\xBF",
                                             "\x80",
                                             "\xC3",
                                             "\xE4\xB8",
                                             "\xF0\x9F\x98",
                                             "\xED\xA0\x80",
                                             "\xC0\xAF",
                                             "\xF4\x90\x80\x80",
                                             "\xFF"};
    const auto walk = [](std::string_view text) {
        for (std::size_t at = 0; at < text.size();) {
            const std::size_t length = feedagg::feeds::detail::utf8_sequence_length(text, at);
            if (length == 0) return false;
            at += length;
        }
        return true;
    };
    std::mt19937 random(1103);
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
    std::uniform_int_distribution<int> count(0, 40);
    std::bernoulli_distribution valid_only(0.5);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const bool keep_valid = valid_only(random);
        for (int i = count(random); i > 0; --i) {
            const std::size_t chosen = piece(random);
            if (keep_valid && chosen > 6) continue;
            text += pieces[chosen];
        }
        ASSERT_EQ(is_valid_utf8(text), walk(text)) << testing::PrintToString(text);
    }
}

// Long text is checked 32 bytes at a time: sequences cut by a block boundary must be read whole,
// and damage or a cut-off end found at every offset.
TEST(Utf8Validation, ReadsSequencesAcrossBlockBoundariesOfLongText) {
    std::string text;
    while (text.size() < 300) text += "\xE4\xB8\xAD\xF0\x9F\x98\x80x\xC3\xA9";
    ASSERT_TRUE(is_valid_utf8(text));
    for (std::size_t offset = 0; offset < text.size(); ++offset) {
        std::string damaged = text;
        damaged[offset] = static_cast<unsigned char>(damaged[offset]) >= 0x80 ? 'x' : '\x80';
        EXPECT_FALSE(is_valid_utf8(damaged)) << "offset " << offset;
        EXPECT_EQ(is_valid_utf8(std::string_view(text).substr(0, offset)),
                  offset == 0 || static_cast<unsigned char>(text[offset]) < 0x80 ||
                      static_cast<unsigned char>(text[offset]) >= 0xC0)
            << "cut at " << offset;
    }
}

// --- byte order marks ---

TEST(ByteOrderMark, Utf8MarkIsDroppedFromTheText) {
    const DecodedText decoded = decode_document(utf8_bom + xml_document("UTF-8", "Grüße"));
    EXPECT_EQ(decoded.utf8, xml_document("UTF-8", "Grüße"));
    EXPECT_EQ(decoded.charset, "UTF-8");
    EXPECT_THAT(decoded.warnings, IsEmpty());
}

TEST(ByteOrderMark, DecodesEveryUnicodeEncodingByItsMark) {
    const std::string document = xml_document("", "新闻 😀 Grüße");
    struct Case {
        const char* encoder;
        std::string mark;
    };
    const Case cases[] = {{"UTF-16LE", "\xFF\xFE"s},
                          {"UTF-16BE", "\xFE\xFF"s},
                          {"UTF-32LE", "\xFF\xFE\x00\x00"s},
                          {"UTF-32BE", "\x00\x00\xFE\xFF"s}};
    for (const Case& c : cases) {
        const DecodedText decoded = decode_document(c.mark + encode(document, c.encoder));
        EXPECT_EQ(decoded.utf8, document) << c.encoder;
        EXPECT_EQ(decoded.charset, c.encoder);
        EXPECT_THAT(decoded.warnings, IsEmpty()) << c.encoder;
    }
}

TEST(ByteOrderMark, OutranksTheTransportCharset) {
    const std::string document = xml_document("", "Привет");
    const DecodedText decoded = decode_document("\xFF\xFE"s + encode(document, "UTF-16LE"), "windows-1251");
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "UTF-16LE");
}

TEST(ByteOrderMark, ALoneMarkIsAnEmptyDocument) {
    for (const std::string& mark :
         {utf8_bom, "\xFF\xFE"s, "\xFE\xFF"s, "\xFF\xFE\x00\x00"s, "\x00\x00\xFE\xFF"s}) {
        const DecodedText decoded = decode_document(mark);
        EXPECT_EQ(decoded.utf8, "");
        EXPECT_THAT(decoded.warnings, IsEmpty());
    }
}

// --- declarations ---

struct DeclaredCase {
    const char* label;
    const char* expected_charset;
    const char* text;
};

class DeclaredCharset : public ::testing::TestWithParam<DeclaredCase> {};

TEST_P(DeclaredCharset, IsReadFromTheXmlDeclaration) {
    const DeclaredCase& param = GetParam();
    const std::string document = xml_document(param.label, param.text);
    const DecodedText decoded = decode_document(encode(document, param.label));
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, param.expected_charset);
    EXPECT_THAT(decoded.warnings, IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(
    Encoding, DeclaredCharset,
    ::testing::Values(DeclaredCase{"UTF-8", "UTF-8", "Grüße, 工人日报"},
                      DeclaredCase{"GB2312", "GB18030", "中华全国总工会"},
                      DeclaredCase{"GBK", "GB18030", "工人日报报道"},
                      DeclaredCase{"GB18030", "GB18030", "工会组织建设"},
                      DeclaredCase{"Big5", "Big5", "工人日報記者報導"},
                      DeclaredCase{"Shift_JIS", "Shift_JIS", "東京都は新しい計画を発表しました"},
                      DeclaredCase{"EUC-JP", "EUC-JP", "東京都は新しい計画を発表しました"},
                      DeclaredCase{"EUC-KR", "EUC-KR", "서울시는 새로운 계획을 발표했습니다"},
                      DeclaredCase{"KOI8-R", "KOI8-R", "Новости дня"},
                      DeclaredCase{"ISO-8859-1", "windows-1252", "Crème brûlée"},
                      DeclaredCase{"ISO-8859-2", "ISO-8859-2", "Zażółć gęślą jaźń"},
                      DeclaredCase{"ISO-8859-5", "ISO-8859-5", "Новости дня"},
                      DeclaredCase{"ISO-8859-7", "ISO-8859-7", "Ειδήσεις"},
                      DeclaredCase{"ISO-8859-9", "windows-1254", "Güncel haberler ışık"},
                      DeclaredCase{"ISO-8859-15", "ISO-8859-15", "Prix: 5 €"},
                      DeclaredCase{"windows-1250", "windows-1250", "Příliš žluťoučký kůň"},
                      DeclaredCase{"windows-1251", "windows-1251", "Новости дня"},
                      DeclaredCase{"windows-1252", "windows-1252", "“Smart” quotes — and €"},
                      DeclaredCase{"windows-1253", "windows-1253", "Ειδήσεις"},
                      DeclaredCase{"windows-1254", "windows-1254", "Güncel haberler"},
                      DeclaredCase{"windows-1255", "windows-1255", "חדשות"},
                      DeclaredCase{"windows-1256", "windows-1256", "أخبار"},
                      DeclaredCase{"windows-1257", "windows-1257", "Žinios šiandien"},
                      DeclaredCase{"windows-1258", "windows-1258", "Đà ơn ưa"}),
    [](const ::testing::TestParamInfo<DeclaredCase>& info) {
        std::string name;
        for (const char c : std::string_view(info.param.label)) name += std::isalnum(c) ? c : '_';
        return name;
    });

TEST(Declaration, Utf16WithoutMarkIsRecognizedByItsXmlDeclaration) {
    const std::string document = xml_document("UTF-16", "新闻 Grüße");
    for (const char* encoder : {"UTF-16LE", "UTF-16BE"}) {
        const DecodedText decoded = decode_document(encode(document, encoder));
        EXPECT_EQ(decoded.utf8, document) << encoder;
        EXPECT_EQ(decoded.charset, encoder);
        EXPECT_THAT(decoded.warnings, IsEmpty());
    }
}

TEST(Declaration, TransportCharsetOverridesTheXmlDeclaration) {
    const std::string document = xml_document("KOI8-R", "Новости дня и погода");
    const DecodedText decoded = decode_document(encode(document, "windows-1251"), "windows-1251");
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "windows-1251");
    EXPECT_THAT(decoded.warnings, IsEmpty());
}

TEST(Declaration, TransportLabelIsReadWhateverItsCaseAndQuotes) {
    const std::string document = xml_document("", "工人日报");
    EXPECT_EQ(decode_document(encode(document, "GBK"), " \"gbk\" ").utf8, document);
    EXPECT_EQ(decode_document(document, "'Utf-8'").charset, "UTF-8");
}

TEST(Declaration, Gb2312IsDecodedAsGb18030SoLaterCharactersSurvive) {
    // 镕 is in GBK but not GB2312; 𠀀 (U+20000) and 😀 exist only in GB18030's four-byte area.
    const std::string document = xml_document("GB2312", "朱镕基 𠀀 😀 工会");
    const DecodedText decoded = decode_document(encode(document, "GB18030"));
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "GB18030");
    EXPECT_THAT(decoded.warnings, IsEmpty());
}

TEST(Declaration, Iso88591IsDecodedAsWindows1252ForSmartQuotes) {
    const std::string document = xml_document("ISO-8859-1", "“Quoted” — it’s €5 …");
    const DecodedText decoded = decode_document(encode(document, "windows-1252"));
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "windows-1252");
    EXPECT_THAT(decoded.warnings, IsEmpty());
}

TEST(Declaration, UnknownCharsetIsIgnoredWithAWarning) {
    const std::string document = xml_document("x-no-such-charset", "Grüße");
    const DecodedText decoded = decode_document(document);
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "UTF-8");
    EXPECT_THAT(decoded.warnings, ElementsAre(HasSubstr("\"x-no-such-charset\"")));
}

TEST(Declaration, UnknownTransportCharsetFallsBackToTheXmlDeclaration) {
    const std::string document = xml_document("KOI8-R", "Новости дня");
    const DecodedText decoded = decode_document(encode(document, "KOI8-R"), "bogus-9");
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "KOI8-R");
    EXPECT_THAT(decoded.warnings, ElementsAre(HasSubstr("\"bogus-9\"")));
}

TEST(Declaration, Utf16DeclaredInAnAsciiDocumentIsIgnored) {
    const std::string document = xml_document("UTF-16", "Grüße");
    const DecodedText decoded = decode_document(document);
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "UTF-8");
    EXPECT_THAT(decoded.warnings, ElementsAre(HasSubstr("\"UTF-16\"")));
}

TEST(Declaration, Utf16FromTheTransportOnAsciiMarkupIsOverruled) {
    const std::string document = xml_document("", "Grüße");
    const DecodedText decoded = decode_document(document, "utf-16");
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "UTF-8");
    EXPECT_THAT(decoded.warnings, ElementsAre(HasSubstr("\"utf-16\"")));
}

TEST(Declaration, Utf16FromTheTransportWithoutMarkGuessesTheByteOrder) {
    const std::string json = R"({"title":"Grüße aus München"})";
    const DecodedText little = decode_document(encode(json, "UTF-16LE"), "utf-16");
    EXPECT_EQ(little.utf8, json);
    EXPECT_EQ(little.charset, "UTF-16LE");
    const DecodedText big = decode_document(encode(json, "UTF-16BE"), "utf-16");
    EXPECT_EQ(big.utf8, json);
    EXPECT_EQ(big.charset, "UTF-16BE");
}

TEST(Declaration, DeclarationPastTheFirstKilobyteIsNotRead) {
    const std::string document = std::string(1100, ' ') + xml_document("KOI8-R", "Grüße");
    EXPECT_EQ(decode_document(document).charset, "UTF-8");
}

// --- contradicted declarations ---

TEST(Contradiction, GbkBytesDeclaredUtf8AreDetectedAsGb18030) {
    const std::string document = xml_document("UTF-8", chinese_news);
    const DecodedText decoded = decode_document(encode(document, "GBK"));
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "GB18030");
    EXPECT_THAT(decoded.warnings,
                ElementsAre("declared charset \"UTF-8\" does not match the bytes; decoded as GB18030"));
}

TEST(Contradiction, GbkBytesLabelledUtf8ByTheTransportAreDetected) {
    const std::string document = xml_document("", chinese_news);
    const DecodedText decoded = decode_document(encode(document, "GBK"), "UTF-8");
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "GB18030");
    EXPECT_THAT(decoded.warnings, ElementsAre(HasSubstr("\"UTF-8\" does not match")));
}

TEST(Contradiction, TransportUtf8RefutedFallsBackToTheXmlDeclaration) {
    // Too short for detection alone; the declaration settles it.
    const std::string document = xml_document("gbk", "工会");
    const DecodedText decoded = decode_document(encode(document, "GBK"), "UTF-8");
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "GB18030");
    EXPECT_THAT(decoded.warnings,
                ElementsAre("declared charset \"UTF-8\" does not match the bytes; decoded as GB18030"));
}

TEST(Contradiction, UndeclaredGbkIsDetectedWithAWarning) {
    const std::string document = xml_document("", chinese_news);
    const DecodedText decoded = decode_document(encode(document, "GBK"));
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "GB18030");
    EXPECT_THAT(decoded.warnings, ElementsAre(HasSubstr("no charset declared")));
}

TEST(Contradiction, ShortGbkTitleIsDetectedAsGb18030) {
    // ICU's detector alone ranks KOI8-R first on these four bytes.
    const std::string document = xml_document("", "新闻");
    const DecodedText decoded = decode_document(encode(document, "GBK"), "utf-8");
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "GB18030");
}

TEST(Contradiction, ALoneAccentedLetterDeclaredUtf8IsReadAsWindows1252) {
    // ICU's detector offers no candidate for these bytes at all.
    const std::string document = xml_document("UTF-8", "café");
    const DecodedText decoded = decode_document(encode(document, "windows-1252"));
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "windows-1252");
}

TEST(Contradiction, PairedAccentedLettersAreNotMistakenForEastAsianText) {
    // ICU ranks only multibyte charsets for "ü" followed by "ß".
    const std::string document = xml_document("", "Grüße");
    const DecodedText decoded = decode_document(encode(document, "windows-1252"));
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "windows-1252");
}

TEST(Contradiction, Big5BytesDeclaredUtf8AreDetectedAsBig5) {
    const std::string document =
        xml_document("UTF-8", "工人日報記者從中華全國總工會獲悉，各級工會組織深入開展職工技能提升行動。");
    const DecodedText decoded = decode_document(encode(document, "Big5"));
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "Big5");
}

TEST(Contradiction, ShortBig5TitleIsNotMistakenForGbk) {
    const std::string document = xml_document("", "工人日報");
    const DecodedText decoded = decode_document(encode(document, "Big5"));
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "Big5");
}

TEST(Contradiction, ShiftJisBytesDeclaredUtf8AreDetectedAsShiftJis) {
    const std::string document =
        xml_document("UTF-8", "東京都は今日、新しい都市計画を発表しました。市民の意見を募集します。");
    const DecodedText decoded = decode_document(encode(document, "Shift_JIS"));
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "Shift_JIS");
}

TEST(Contradiction, Koi8rBytesDeclaredUtf8AreDetectedAsKoi8r) {
    const std::string document =
        xml_document("UTF-8", "Привет, мир! Сегодня в Москве прошла большая конференция профсоюзов.");
    const DecodedText decoded = decode_document(encode(document, "KOI8-R"));
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "KOI8-R");
}

TEST(Contradiction, Windows1252BytesDeclaredUtf8AreDetected) {
    const std::string document = xml_document("UTF-8", "Grüße aus München – “schöne” Straße, café");
    const DecodedText decoded = decode_document(encode(document, "windows-1252"));
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "windows-1252");
    EXPECT_THAT(decoded.warnings, ElementsAre(HasSubstr("decoded as windows-1252")));
}

TEST(Contradiction, Utf8BytesDeclaredIso88591AreReadAsUtf8) {
    const std::string document = xml_document("ISO-8859-1", "Crème brûlée");
    const DecodedText decoded = decode_document(document);
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "UTF-8");
    EXPECT_THAT(decoded.warnings,
                ElementsAre("declared charset \"ISO-8859-1\" does not match the bytes; decoded as UTF-8"));
}

TEST(Contradiction, Utf8ChineseDeclaredGb2312IsReadAsUtf8) {
    const std::string document = xml_document("gb2312", chinese_news);
    const DecodedText decoded = decode_document(document);
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "UTF-8");
    EXPECT_THAT(decoded.warnings, ElementsAre(HasSubstr("\"gb2312\" does not match")));
}

TEST(Contradiction, AsciiOnlyUtf8DeclaredIso88591KeepsTheDeclaration) {
    const std::string document = xml_document("ISO-8859-1", "plain");
    const DecodedText decoded = decode_document(document);
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "windows-1252");
    EXPECT_THAT(decoded.warnings, IsEmpty());
}

TEST(Contradiction, Utf16PatternOverrulesAnAsciiTransportCharset) {
    const std::string document = xml_document("UTF-16", "Grüße");
    const DecodedText decoded = decode_document(encode(document, "UTF-16LE"), "iso-8859-1");
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "UTF-16LE");
    EXPECT_THAT(decoded.warnings, ElementsAre(HasSubstr("\"iso-8859-1\" does not match")));
}

// --- invalid sequences ---

TEST(InvalidSequences, DamagedUtf8KeepsItsTextWithOneWarning) {
    const std::string damaged = xml_document("UTF-8", "工人日报\xFF 记者 \xE4\xB8 报道 caf\xC3 Grüße");
    const DecodedText decoded = decode_document(damaged);
    EXPECT_EQ(decoded.utf8, xml_document("UTF-8", "工人日报\uFFFD 记者 \uFFFD 报道 caf\uFFFD Grüße"));
    EXPECT_EQ(decoded.charset, "UTF-8");
    EXPECT_THAT(decoded.warnings, ElementsAre("3 invalid byte sequences in UTF-8 replaced with U+FFFD"));
}

TEST(InvalidSequences, DamageInADeclaredMultibyteCharsetBecomesReplacementCharacters) {
    const std::string text = "東京都は今日、新しい都市計画を発表しました。市民の意見を募集します。";
    const std::string bytes = encode(xml_document("Shift_JIS", text), "Shift_JIS");
    // 0xFF is never a Shift_JIS lead byte.
    const std::size_t title = bytes.find("<title>") + 7;
    const DecodedText decoded = decode_document(bytes.substr(0, title) + "\xFF" + bytes.substr(title));
    EXPECT_EQ(decoded.utf8, xml_document("Shift_JIS", "\uFFFD" + text));
    EXPECT_EQ(decoded.charset, "Shift_JIS");
    EXPECT_THAT(decoded.warnings, ElementsAre("1 invalid byte sequence in Shift_JIS replaced with U+FFFD"));
}

TEST(InvalidSequences, GbkBytesDeclaredBig5AreDetected) {
    const std::string document = xml_document("Big5", chinese_news);
    const DecodedText decoded = decode_document(encode(document, "GBK"));
    EXPECT_EQ(decoded.utf8, document);
    EXPECT_EQ(decoded.charset, "GB18030");
    EXPECT_THAT(decoded.warnings, ElementsAre(HasSubstr("\"Big5\" does not match")));
}

// --- convert_to_utf8 ---

TEST(Conversion, ConvertsFromANamedCharset) {
    EXPECT_EQ(convert_to_utf8(encode(chinese_news, "GBK"), "gbk").utf8, chinese_news);
    EXPECT_EQ(convert_to_utf8("\x80\x93x\x94", "windows-1252").utf8, "€“x”");
    EXPECT_EQ(convert_to_utf8("\x80", "iso-8859-1").utf8, "€");
    EXPECT_EQ(convert_to_utf8(encode("Новости", "KOI8-R"), "koi8-r").utf8, "Новости");
}

TEST(Conversion, DoesNotSecondGuessTheCharset) {
    const DecodedText decoded = convert_to_utf8("Cr\xC3\xA8me", "windows-1252");
    EXPECT_EQ(decoded.utf8, "CrÃ¨me");
    EXPECT_EQ(decoded.charset, "windows-1252");
}

TEST(Conversion, DropsAUtf8Mark) {
    EXPECT_EQ(convert_to_utf8(utf8_bom + "abc", "utf-8").utf8, "abc");
}

TEST(Conversion, UnknownCharsetIsReadAsUtf8WithAWarning) {
    const DecodedText decoded = convert_to_utf8("ok \xFF", "x-unheard-of");
    EXPECT_EQ(decoded.utf8, "ok \uFFFD");
    EXPECT_EQ(decoded.charset, "UTF-8");
    EXPECT_THAT(decoded.warnings, ElementsAre(HasSubstr("\"x-unheard-of\""),
                                              "1 invalid byte sequence in UTF-8 replaced with U+FFFD"));
}

TEST(Conversion, InvalidSequencesGiveOneWarningWithTheirCount) {
    const DecodedText decoded = convert_to_utf8("\x81\x20\x81\x20\xFF", "gb18030");
    EXPECT_TRUE(is_valid_utf8(decoded.utf8));
    ASSERT_EQ(decoded.warnings.size(), 1U);
    EXPECT_THAT(decoded.warnings[0], HasSubstr("in GB18030 replaced with U+FFFD"));
}

// --- fast path ---

TEST(FastPath, ValidUtf8IsCopiedUnchanged) {
    const std::string document = xml_document("", chinese_news + " Grüße 😀");
    for (const std::string_view transport : {""s, "utf-8"s, "UTF8"s}) {
        const DecodedText decoded = decode_document(document, transport);
        EXPECT_EQ(decoded.utf8, document);
        EXPECT_EQ(decoded.charset, "UTF-8");
        EXPECT_THAT(decoded.warnings, IsEmpty());
    }
}

// --- hostile input ---

TEST(HostileInput, EmptyInputIsEmptyText) {
    for (const std::string_view transport : {""s, "gbk"s, "utf-16"s, "bogus"s}) {
        const DecodedText decoded = decode_document("", transport);
        EXPECT_EQ(decoded.utf8, "");
    }
    EXPECT_EQ(convert_to_utf8("", "shift_jis").utf8, "");
}

TEST(HostileInput, OddLengthUtf16EndsInAReplacementCharacter) {
    const std::string bytes = "\xFF\xFE"s + encode("<a>x</a>", "UTF-16LE") + "\x41";
    const DecodedText decoded = decode_document(bytes);
    EXPECT_EQ(decoded.utf8, "<a>x</a>\uFFFD");
    EXPECT_THAT(decoded.warnings, ElementsAre(HasSubstr("UTF-16LE")));
}

TEST(HostileInput, UnpairedSurrogateInUtf16BecomesAReplacementCharacter) {
    const std::string bytes =
        "\xFF\xFE"
        "a\0\x00\xD8"
        "b\0"s;
    const DecodedText decoded = decode_document(bytes);
    EXPECT_EQ(decoded.utf8, "a\uFFFDb");
    EXPECT_EQ(decoded.warnings.size(), 1U);
}

TEST(HostileInput, TruncatedDeclarationsAreHarmless) {
    for (const char* text :
         {"<?xml", "<?xml ", "<?xml version=\"1.0\" encoding", "<?xml encoding=", "<?xml encoding=\"",
          "<?xml encoding=\"gbk", "<?xml encoding='\xFF\xFE'?>", "\x3C\x00\x3F\x00", "\x00\x3C\x00"}) {
        const DecodedText decoded = decode_document(text);
        EXPECT_TRUE(is_valid_utf8(decoded.utf8)) << text;
    }
}

TEST(HostileInput, RandomBytesAlwaysDecodeToValidUtf8) {
    std::mt19937 random(20240601);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<std::size_t> length(0, 3000);
    const std::string_view transports[] = {"",       "utf-8",  "gbk",    "big5",       "shift_jis",
                                           "utf-16", "utf-32", "koi8-r", "iso-8859-1", "nonsense"};
    for (int round = 0; round < 200; ++round) {
        std::string bytes(length(random), '\0');
        for (char& c : bytes) c = static_cast<char>(byte(random));
        const std::string_view transport = transports[round % std::size(transports)];
        const DecodedText decoded = decode_document(bytes, transport);
        EXPECT_TRUE(is_valid_utf8(decoded.utf8)) << "round " << round;
        EXPECT_LE(decoded.warnings.size(), 3U) << "round " << round;
        EXPECT_TRUE(is_valid_utf8(convert_to_utf8(bytes, transport).utf8)) << "round " << round;
    }
}

TEST(HostileInput, TwentyMegabytesOfValidUtf8AreCopied) {
    std::string document = xml_document("", "");
    while (document.size() < std::size_t{20} * 1024 * 1024) document += "<item>工人日报 Grüße 😀</item>\n";
    const DecodedText decoded = decode_document(document);
    EXPECT_EQ(decoded.utf8.size(), document.size());
    EXPECT_EQ(decoded.charset, "UTF-8");
}

TEST(HostileInput, TwentyMegabytesOfGarbageDecodeToValidUtf8) {
    std::mt19937 random(7);
    std::string bytes(std::size_t{20} * 1024 * 1024, '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    const DecodedText decoded = decode_document(bytes, "utf-8");
    EXPECT_TRUE(is_valid_utf8(decoded.utf8));
    EXPECT_FALSE(decoded.warnings.empty());
}

}  // namespace
}  // namespace feedagg::feeds
