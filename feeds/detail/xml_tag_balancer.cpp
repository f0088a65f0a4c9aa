#include <algorithm>
#include <vector>

#include "feeds/detail/xml_repair.hpp"

namespace feedagg::feeds::detail {
namespace {

// Deeper nesting than this is not a feed; bounding it keeps recovery linear on hostile input.
constexpr std::size_t max_depth = 512;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool is_name_char(char c) {
    return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

class TagBalancer {
  public:
    TagBalancer(std::string_view xml, std::vector<std::string>& warnings) : xml_(xml), warnings_(warnings) {
        out_.reserve(xml.size() + 256);
    }

    std::string run() {
        while (pos_ < xml_.size() && !root_closed_) {
            const std::size_t lt = xml_.find('<', pos_);
            copy_text(xml_.substr(pos_, lt == std::string_view::npos ? std::string_view::npos : lt - pos_));
            if (lt == std::string_view::npos) break;
            pos_ = lt;
            read_markup();
        }
        if (!open_.empty()) {
            warnings_.push_back("closed " + std::to_string(open_.size()) +
                                " elements left open at the end of the document (truncated?)");
            while (!open_.empty()) close_top();
        }
        if (dropped_end_tags_ > 0) {
            warnings_.push_back("ignored " + std::to_string(dropped_end_tags_) +
                                " end tags that closed no element");
        }
        if (stray_lt_ > 0)
            warnings_.push_back("escaped " + std::to_string(stray_lt_) + " '<' that started no tag");
        return std::move(out_);
    }

  private:
    void copy_text(std::string_view text) {
        if (open_.empty()) return;  // text outside the root element is not XML
        out_.append(text);
    }

    void read_markup() {
        const std::string_view rest = xml_.substr(pos_);
        if (rest.starts_with("<![CDATA[")) return copy_section("]]>", true);
        if (rest.starts_with("<!--")) return copy_section("-->", false);
        if (rest.starts_with("<?")) return copy_section("?>", false);
        if (rest.starts_with("<!")) return copy_declaration();
        if (rest.size() > 1 && rest[1] == '/') return read_end_tag();
        if (rest.size() > 1 && is_name_start(rest[1])) return read_start_tag();
        ++stray_lt_;
        if (!open_.empty()) out_ += "&lt;";
        ++pos_;
    }

    // A section runs to its terminator; an unterminated CDATA section keeps its text.
    void copy_section(std::string_view terminator, bool keep_unterminated) {
        const std::size_t end = xml_.find(terminator, pos_ + 2);
        if (end == std::string_view::npos) {
            if (keep_unterminated && !open_.empty()) {
                out_.append(xml_.substr(pos_));
                out_.append(terminator);
            }
            pos_ = xml_.size();
            return;
        }
        const std::size_t next = end + terminator.size();
        const bool inside_root = !open_.empty();
        if (inside_root || terminator == "?>") out_.append(xml_.substr(pos_, next - pos_));
        pos_ = next;
    }

    // <!DOCTYPE ...> with an optional [internal subset]; kept only before the root element.
    void copy_declaration() {
        std::size_t end = pos_ + 2;
        int brackets = 0;
        while (end < xml_.size() && !(xml_[end] == '>' && brackets == 0)) {
            if (xml_[end] == '[') ++brackets;
            if (xml_[end] == ']') brackets = std::max(0, brackets - 1);
            ++end;
        }
        if (open_.empty() && !seen_root_ && end < xml_.size()) out_.append(xml_.substr(pos_, end + 1 - pos_));
        pos_ = std::min(end + 1, xml_.size());
    }

    std::string_view read_name(std::size_t& at) const {
        const std::size_t start = at;
        while (at < xml_.size() && is_name_char(xml_[at])) ++at;
        return xml_.substr(start, at - start);
    }

    void skip_spaces(std::size_t& at) const {
        while (at < xml_.size() && is_space(xml_[at])) ++at;
    }

    void read_start_tag() {
        std::size_t at = pos_ + 1;
        const std::string_view name = read_name(at);
        std::string attributes;
        std::vector<std::string_view> attribute_names;
        bool self_closing = false;
        for (;;) {
            skip_spaces(at);
            if (at >= xml_.size()) {  // a tag cut off by the end of the document
                pos_ = xml_.size();
                return;
            }
            if (xml_[at] == '>') break;
            if (xml_.substr(at).starts_with("/>")) {
                self_closing = true;
                ++at;
                break;
            }
            if (!is_name_start(xml_[at])) {  // junk inside a tag
                ++at;
                continue;
            }
            const std::string_view attribute = read_name(at);
            std::string_view value = attribute;
            skip_spaces(at);
            if (at < xml_.size() && xml_[at] == '=') {
                ++at;
                skip_spaces(at);
                value = read_attribute_value(at);
            }
            if (std::find(attribute_names.begin(), attribute_names.end(), attribute) !=
                attribute_names.end()) {
                continue;  // XML 1.0 §3.1: an attribute name may not appear twice in a tag
            }
            attribute_names.push_back(attribute);
            append_attribute(attributes, attribute, value);
        }
        pos_ = at + 1;
        if (open_.size() >= max_depth) return;
        if (open_.empty() && seen_root_) {
            root_closed_ = true;
            return;
        }
        seen_root_ = true;
        out_ += '<';
        out_.append(name);
        out_ += attributes;
        if (self_closing) {
            out_ += "/>";
            root_closed_ = open_.empty();
            return;
        }
        out_ += '>';
        open_.push_back(name);
    }

    std::string_view read_attribute_value(std::size_t& at) const {
        if (at >= xml_.size()) return {};
        const char quote = xml_[at];
        if (quote == '"' || quote == '\'') {
            const std::size_t end = xml_.find(quote, at + 1);
            const std::size_t stop = end == std::string_view::npos ? xml_.size() : end;
            const std::string_view value = xml_.substr(at + 1, stop - at - 1);
            at = std::min(stop + 1, xml_.size());
            return value;
        }
        const std::size_t start = at;
        while (at < xml_.size() && !is_space(xml_[at]) && xml_[at] != '>') ++at;
        return xml_.substr(start, at - start);
    }

    static void append_attribute(std::string& out, std::string_view name, std::string_view value) {
        out += ' ';
        out.append(name);
        out += "=\"";
        for (char c : value) {
            if (c == '"')
                out += "&quot;";
            else if (c == '<')
                out += "&lt;";
            else
                out += c;
        }
        out += '"';
    }

    void read_end_tag() {
        std::size_t at = pos_ + 2;
        const std::string_view name = read_name(at);
        const std::size_t end = xml_.find('>', at);
        pos_ = end == std::string_view::npos ? xml_.size() : end + 1;
        const auto match = std::find(open_.rbegin(), open_.rend(), name);
        if (name.empty() || match == open_.rend()) {
            ++dropped_end_tags_;
            return;
        }
        const auto to_close = static_cast<std::size_t>(match - open_.rbegin()) + 1;
        for (std::size_t i = 0; i < to_close; ++i) close_top();
        root_closed_ = open_.empty();
    }

    void close_top() {
        out_ += "</";
        out_.append(open_.back());
        out_ += '>';
        open_.pop_back();
    }

    std::string_view xml_;
    std::vector<std::string>& warnings_;
    std::string out_;
    std::size_t pos_ = 0;
    std::vector<std::string_view> open_;
    bool seen_root_ = false;
    bool root_closed_ = false;
    std::size_t dropped_end_tags_ = 0;
    std::size_t stray_lt_ = 0;
};

}  // namespace

std::string balance_xml_tags(std::string_view xml, std::vector<std::string>& warnings) {
    return TagBalancer(xml, warnings).run();
}

}  // namespace feedagg::feeds::detail
