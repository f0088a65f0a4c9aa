#include "feeds/html_elements.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "feeds/html_tokenizer.hpp"

namespace feedagg::feeds::detail {

constexpr Element kKnownElements[kKnownElementCount] = {
    {"a", ContentModel::data, 0},
    {"abbr", ContentModel::data, 0},
    {"address", ContentModel::data, kBreaksText | kClosesParagraph},
    {"applet", ContentModel::data, kDropsContent | kSpecial | kEndsParagraphScope},
    {"area", ContentModel::data, kVoid | kSpecial},
    {"article", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"aside", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"audio", ContentModel::data, 0},
    {"b", ContentModel::data, 0},
    {"base", ContentModel::data, kVoid | kSpecial},
    {"basefont", ContentModel::data, kVoid | kSpecial},
    {"bdi", ContentModel::data, 0},
    {"bdo", ContentModel::data, 0},
    {"bgsound", ContentModel::data, kVoid | kSpecial},
    {"blockquote", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"body", ContentModel::data, kSpecial},
    {"br", ContentModel::data, kVoid | kBreaksText | kSpecial},
    {"button", ContentModel::data, kSpecial | kEndsParagraphScope},
    {"canvas", ContentModel::data, 0},
    {"caption", ContentModel::data, kBreaksText | kSpecial | kEndsParagraphScope},
    {"center", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"cite", ContentModel::data, 0},
    {"code", ContentModel::data, 0},
    {"col", ContentModel::data, kVoid | kSpecial},
    {"colgroup", ContentModel::data, kSpecial},
    {"data", ContentModel::data, 0},
    {"datalist", ContentModel::data, kDropsContent},
    {"dd", ContentModel::data, kBreaksText | kSpecial},
    {"del", ContentModel::data, 0},
    {"details", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"dfn", ContentModel::data, 0},
    {"dialog", ContentModel::data, kBreaksText | kClosesParagraph},
    {"dir", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"div", ContentModel::data, kBreaksText | kClosesParagraph},
    {"dl", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"dt", ContentModel::data, kBreaksText | kSpecial},
    {"em", ContentModel::data, 0},
    {"embed", ContentModel::data, kVoid | kSpecial},
    {"fieldset", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"figcaption", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"figure", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"font", ContentModel::data, 0},
    {"footer", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"form", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"frame", ContentModel::data, kVoid | kSpecial},
    {"frameset", ContentModel::data, kDropsContent | kSpecial},
    {"h1", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"h2", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"h3", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"h4", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"h5", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"h6", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"head", ContentModel::data, kSpecial},
    {"header", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"hgroup", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"hr", ContentModel::data, kVoid | kBreaksText | kSpecial | kClosesParagraph},
    {"html", ContentModel::data, kSpecial | kEndsParagraphScope},
    {"i", ContentModel::data, 0},
    {"iframe", ContentModel::rawtext, kDropsContent | kSpecial},
    {"image", ContentModel::data, kVoid},
    {"img", ContentModel::data, kVoid | kBreaksText | kSpecial},
    {"input", ContentModel::data, kVoid | kSpecial},
    {"ins", ContentModel::data, 0},
    {"kbd", ContentModel::data, 0},
    {"keygen", ContentModel::data, kVoid | kSpecial},
    {"label", ContentModel::data, 0},
    {"legend", ContentModel::data, 0},
    {"li", ContentModel::data, kBreaksText | kSpecial},
    {"link", ContentModel::data, kVoid | kSpecial},
    {"listing", ContentModel::data, kSpecial | kClosesParagraph},
    {"main", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"map", ContentModel::data, 0},
    {"mark", ContentModel::data, 0},
    {"marquee", ContentModel::data, kSpecial | kEndsParagraphScope},
    {"math", ContentModel::data, kDropsContent},
    {"menu", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"meta", ContentModel::data, kVoid | kSpecial},
    {"meter", ContentModel::data, 0},
    {"nav", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"noembed", ContentModel::rawtext, kDropsContent | kSpecial},
    {"noframes", ContentModel::rawtext, kDropsContent | kSpecial},
    {"noscript", ContentModel::data, kSpecial},
    {"object", ContentModel::data, kDropsContent | kSpecial | kEndsParagraphScope},
    {"ol", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"optgroup", ContentModel::data, 0},
    {"option", ContentModel::data, 0},
    {"output", ContentModel::data, 0},
    {"p", ContentModel::data, kBreaksText | kClosesParagraph},
    {"param", ContentModel::data, kVoid | kSpecial},
    {"picture", ContentModel::data, 0},
    {"plaintext", ContentModel::plaintext, kSpecial | kClosesParagraph},
    {"pre", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"progress", ContentModel::data, 0},
    {"q", ContentModel::data, 0},
    {"rp", ContentModel::data, 0},
    {"rt", ContentModel::data, 0},
    {"ruby", ContentModel::data, 0},
    {"s", ContentModel::data, 0},
    {"samp", ContentModel::data, 0},
    {"script", ContentModel::rawtext, kDropsContent | kSpecial},
    {"search", ContentModel::data, kSpecial | kClosesParagraph},
    {"section", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"select", ContentModel::data, kDropsContent | kSpecial},
    {"small", ContentModel::data, 0},
    {"source", ContentModel::data, kVoid | kSpecial},
    {"span", ContentModel::data, 0},
    {"strike", ContentModel::data, 0},
    {"strong", ContentModel::data, 0},
    {"style", ContentModel::rawtext, kDropsContent | kSpecial},
    {"sub", ContentModel::data, 0},
    {"summary", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"sup", ContentModel::data, 0},
    {"svg", ContentModel::data, kDropsContent},
    {"table", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph | kEndsParagraphScope},
    {"tbody", ContentModel::data, kBreaksText | kSpecial},
    {"td", ContentModel::data, kBreaksText | kSpecial | kEndsParagraphScope},
    {"template", ContentModel::data, kDropsContent | kSpecial | kEndsParagraphScope},
    {"textarea", ContentModel::rcdata, kDropsContent | kSpecial},
    {"tfoot", ContentModel::data, kBreaksText | kSpecial},
    {"th", ContentModel::data, kBreaksText | kSpecial | kEndsParagraphScope},
    {"thead", ContentModel::data, kBreaksText | kSpecial},
    {"time", ContentModel::data, 0},
    {"title", ContentModel::rcdata, kDropsContent | kSpecial},
    {"tr", ContentModel::data, kBreaksText | kSpecial},
    {"track", ContentModel::data, kVoid | kSpecial},
    {"tt", ContentModel::data, 0},
    {"u", ContentModel::data, 0},
    {"ul", ContentModel::data, kBreaksText | kSpecial | kClosesParagraph},
    {"var", ContentModel::data, 0},
    {"video", ContentModel::data, 0},
    {"wbr", ContentModel::data, kVoid | kBreaksText | kSpecial},
    {"xml", ContentModel::data, 0},
    {"xmp", ContentModel::rawtext, kSpecial | kClosesParagraph},
};

namespace {

constexpr const Element* kElements = kKnownElements;
constexpr std::size_t kElementCount = kKnownElementCount;
static_assert(kKnownElements[kKnownElementCount - 1].name.size() > 0, "kKnownElementCount is too large");

// Tags are looked up once each, so by hash: an open-addressing table over the length and the
// first, middle and last letters, which tells all but a few known names apart at the first probe.
constexpr std::size_t kHashSlots = 512;
constexpr std::uint8_t kEmptySlot = 0xFF;

constexpr std::size_t name_hash(std::string_view name) {
    const auto at = [&](std::size_t i) {
        return static_cast<std::size_t>(static_cast<unsigned char>(name[i]));
    };
    return (name.size() * 97 + at(0) * 31 + at(name.size() / 2) * 7 + at(name.size() - 1)) % kHashSlots;
}

constexpr std::array<std::uint8_t, kHashSlots> kSlots = [] {
    std::array<std::uint8_t, kHashSlots> slots{};
    for (auto& slot : slots) slot = kEmptySlot;
    for (std::size_t i = 0; i < kElementCount; ++i) {
        if (kElements[i].name.size() > kLongestElementName) throw "kLongestElementName is too short";
        std::size_t slot = name_hash(kElements[i].name);
        while (slots[slot] != kEmptySlot) slot = (slot + 1) % kHashSlots;
        slots[slot] = static_cast<std::uint8_t>(i);
    }
    return slots;
}();

// Each slot's name and length inline, so that a probe reads one table instead of following the
// element's name pointer.
struct SlotName {
    std::uint8_t length = 0;
    std::array<char, kLongestElementName> bytes{};
};

constexpr std::array<SlotName, kHashSlots> kSlotNames = [] {
    std::array<SlotName, kHashSlots> names{};
    for (std::size_t slot = 0; slot < kHashSlots; ++slot) {
        if (kSlots[slot] == kEmptySlot) continue;
        const std::string_view name = kElements[kSlots[slot]].name;
        names[slot].length = static_cast<std::uint8_t>(name.size());
        for (std::size_t i = 0; i < name.size(); ++i) names[slot].bytes[i] = name[i];
    }
    return names;
}();

// Names are a few bytes long: a plain loop beats a call to memcmp.
bool is_slot_name(const SlotName& slot, std::string_view name) {
    for (std::size_t i = 0; i < name.size(); ++i)
        if (slot.bytes[i] != name[i]) return false;
    return true;
}

bool is_self_closed_without_content(const Token& start_tag) {
    // A self-closing tag has no content, except where the tokenizer reads raw text regardless.
    return start_tag.self_closing &&
           (start_tag.element == nullptr || start_tag.element->content_model == ContentModel::data);
}

}  // namespace

const Element* find_element(std::string_view lowercase_name) {
    if (lowercase_name.empty() || lowercase_name.size() > kLongestElementName) return nullptr;
    for (std::size_t slot = name_hash(lowercase_name); kSlots[slot] != kEmptySlot;
         slot = (slot + 1) % kHashSlots) {
        const SlotName& candidate = kSlotNames[slot];
        if (candidate.length == lowercase_name.size() && is_slot_name(candidate, lowercase_name))
            return &kElements[kSlots[slot]];
    }
    return nullptr;
}

std::size_t known_element_count() {
    return kElementCount;
}

void DroppedElement::begin(const Token& start_tag) {
    if (is_self_closed_without_content(start_tag)) return;
    element_ = start_tag.element;
    depth_ = 1;
}

void DroppedElement::feed(const Token& token) {
    if (token.element != element_) return;
    if (token.kind == TokenKind::end_tag) {
        --depth_;
    } else if (token.kind == TokenKind::start_tag && !is_self_closed_without_content(token)) {
        ++depth_;
    }
}

}  // namespace feedagg::feeds::detail
