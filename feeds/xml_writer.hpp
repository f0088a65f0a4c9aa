#pragma once
// Streaming XML output for the feed writers: elements and attributes appended to a string, text
// escaped with escape_xml (which also drops characters XML 1.0 does not allow). No DOM.

#include <initializer_list>
#include <string>
#include <string_view>

namespace feedagg::feeds::detail {

struct XmlAttribute {
    std::string_view name;
    std::string_view value;  // an empty value means "absent": the attribute is not written
};

using XmlAttributes = std::initializer_list<XmlAttribute>;

// Writes `<?xml version="1.0" encoding="utf-8"?>` and then one element per line, indented by depth.
// The caller keeps open/close balanced.
class XmlWriter {
  public:
    XmlWriter();

    void open(std::string_view name, XmlAttributes attributes = {});
    void close(std::string_view name);

    // <name attributes>text</name>, also when the text is empty.
    void element(std::string_view name, std::string_view text, XmlAttributes attributes = {});
    // Nothing at all when the text is empty.
    void optional_element(std::string_view name, std::string_view text, XmlAttributes attributes = {});
    // <name attributes/>
    void empty_element(std::string_view name, XmlAttributes attributes);

    std::string finish() &&;

  private:
    void start_tag(std::string_view name, XmlAttributes attributes);

    std::string out_;
    int depth_ = 0;
};

}  // namespace feedagg::feeds::detail
