#include "feeds/xml_writer.hpp"

#include <utility>

#include "feeds/html.hpp"

namespace feedagg::feeds::detail {

XmlWriter::XmlWriter() {
    out_ = R"(<?xml version="1.0" encoding="utf-8"?>)";
}

void XmlWriter::start_tag(std::string_view name, XmlAttributes attributes) {
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
    out_ += '<';
    out_ += name;
    for (const XmlAttribute& attribute : attributes) {
        if (attribute.value.empty()) {
            continue;
        }
        out_ += ' ';
        out_ += attribute.name;
        out_ += "=\"";
        out_ += escape_xml(attribute.value);
        out_ += '"';
    }
}

void XmlWriter::open(std::string_view name, XmlAttributes attributes) {
    start_tag(name, attributes);
    out_ += '>';
    ++depth_;
}

void XmlWriter::close(std::string_view name) {
    --depth_;
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
    out_ += "</";
    out_ += name;
    out_ += '>';
}

void XmlWriter::element(std::string_view name, std::string_view text, XmlAttributes attributes) {
    start_tag(name, attributes);
    out_ += '>';
    out_ += escape_xml(text);
    out_ += "</";
    out_ += name;
    out_ += '>';
}

void XmlWriter::optional_element(std::string_view name, std::string_view text, XmlAttributes attributes) {
    if (!text.empty()) {
        element(name, text, attributes);
    }
}

void XmlWriter::empty_element(std::string_view name, XmlAttributes attributes) {
    start_tag(name, attributes);
    out_ += "/>";
}

std::string XmlWriter::finish() && {
    out_ += '\n';
    return std::move(out_);
}

}  // namespace feedagg::feeds::detail
