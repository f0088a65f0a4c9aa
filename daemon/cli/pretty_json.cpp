#include "daemon/cli/pretty_json.hpp"

#include <boost/json/serialize.hpp>

namespace feedagg::cli {
namespace {

void write(const boost::json::value& value, std::string& out, int depth) {
    const auto newline = [&](int level) {
        out += '\n';
        out.append(static_cast<std::size_t>(level) * 2, ' ');
    };
    if (const auto* object = value.if_object(); object && !object->empty()) {
        out += '{';
        bool first = true;
        for (const auto& [key, member] : *object) {
            if (!first) out += ',';
            first = false;
            newline(depth + 1);
            out += boost::json::serialize(boost::json::string_view(key));
            out += ": ";
            write(member, out, depth + 1);
        }
        newline(depth);
        out += '}';
    } else if (const auto* array = value.if_array(); array && !array->empty()) {
        out += '[';
        bool first = true;
        for (const auto& element : *array) {
            if (!first) out += ',';
            first = false;
            newline(depth + 1);
            write(element, out, depth + 1);
        }
        newline(depth);
        out += ']';
    } else {
        out += boost::json::serialize(value);
    }
}

}  // namespace

std::string pretty_json(const boost::json::value& value) {
    std::string out;
    write(value, out, 0);
    return out;
}

}  // namespace feedagg::cli
