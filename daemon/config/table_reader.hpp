#pragma once
// Internal to daemon/config: reading one TOML table with every problem reported at its line and
// column. Shared by read_toml.cpp and read_scrape.cpp, the only files that see toml++.

#include <toml++/toml.h>

#include <algorithm>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/config/errors.hpp"
#include "daemon/config/value_checks.hpp"

namespace feedagg::config::detail {

using Keys = std::span<const std::string_view>;

inline Location where(const toml::source_region& region) {
    return {static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}
inline Location where(const toml::node& node) {
    return where(node.source());
}

inline std::string join(Keys words) {
    std::string text;
    for (const auto word : words) {
        if (!text.empty()) text += ", ";
        text += word;
    }
    return text;
}

inline std::string_view type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "an array";
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a float";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        case toml::node_type::none: break;
    }
    return "nothing";
}

// Reads one TOML table: reports keys it does not know, values of the wrong type and values that fail
// their check, each prefixed with `context` ("[fetch]", "source \"acftu\"").
class TableReader {
  public:
    TableReader(const toml::table& table, std::string context, Keys keys, ErrorList& errors)
        : table_(table), context_(std::move(context)), errors_(errors) {
        for (auto&& [key, node] : table) {
            if (std::find(keys.begin(), keys.end(), key.str()) != keys.end()) continue;
            std::string message = "unknown key " + quoted_value(key.str());
            if (const auto suggestion = closest_word(key.str(), keys)) {
                message += "; did you mean \"" + std::string(*suggestion) + "\"?";
            }
            message += " Allowed keys: " + join(keys);
            problem(where(key.source()), message);
        }
    }

    const toml::node* find(std::string_view key) const { return table_.get(key); }
    Location place() const { return where(table_); }
    const std::string& context() const { return context_; }

    void problem(Location at, std::string_view message) {
        errors_.add(at, context_ + ": " + std::string(message));
    }
    void wrong_type(std::string_view key, const toml::node& node, std::string_view expected) {
        problem(where(node), std::string(key) + " must be " + std::string(expected) + ", not " +
                                 std::string(type_name(node)));
    }

    // The string at `key`, or nothing when absent or of another type (reported).
    const toml::value<std::string>* string_node(std::string_view key) {
        const toml::node* node = find(key);
        if (node == nullptr) return nullptr;
        if (!node->is_string()) {
            wrong_type(key, *node, "a string");
            return nullptr;
        }
        return node->as_string();
    }

    bool text(std::string_view key, std::string& out) {
        const auto* node = string_node(key);
        if (node == nullptr) return false;
        out = node->get();
        return true;
    }

    void one_of(std::string_view key, std::string& out, Keys allowed) {
        const auto* node = string_node(key);
        if (node == nullptr) return;
        if (std::find(allowed.begin(), allowed.end(), node->get()) == allowed.end()) {
            problem(where(*node),
                    std::string(key) + " " + quoted_value(node->get()) + " is not one of " + join(allowed));
            return;
        }
        out = node->get();
    }

    void flag(std::string_view key, bool& out) {
        const toml::node* node = find(key);
        if (node == nullptr) return;
        if (!node->is_boolean()) return wrong_type(key, *node, "true or false");
        out = node->as_boolean()->get();
    }

    // A number (integer or float) from `minimum` to `maximum`.
    void fraction(std::string_view key, double& out, double minimum, double maximum) {
        const toml::node* node = find(key);
        if (node == nullptr) return;
        if (!node->is_number()) return wrong_type(key, *node, "a number");
        const double value = node->value<double>().value_or(0);
        if (value < minimum || value > maximum) {
            std::ostringstream range;
            range << key << " " << value << " is out of range; expected " << minimum << " to " << maximum;
            problem(where(*node), range.str());
            return;
        }
        out = value;
    }

    template <typename Integer>
    void integer(std::string_view key, Integer& out, std::int64_t minimum, std::int64_t maximum) {
        const toml::node* node = find(key);
        if (node == nullptr) return;
        if (!node->is_integer()) return wrong_type(key, *node, "an integer");
        const std::int64_t value = node->as_integer()->get();
        if (value < minimum || value > maximum) {
            problem(where(*node), std::string(key) + " " + std::to_string(value) +
                                      " is out of range; expected " + std::to_string(minimum) + " to " +
                                      std::to_string(maximum));
            return;
        }
        out = static_cast<Integer>(value);
    }

    template <typename Duration>
    bool duration(std::string_view key, Duration& out, std::chrono::seconds minimum,
                  std::chrono::seconds maximum) {
        const toml::node* node = find(key);
        if (node == nullptr) return false;
        if (node->is_integer()) {
            problem(where(*node), std::string(key) + " " + std::to_string(node->as_integer()->get()) +
                                      " needs a unit and quotes (e.g. \"15m\")");
            return false;
        }
        if (!node->is_string()) {
            wrong_type(key, *node, "a duration such as \"15m\"");
            return false;
        }
        const std::string& value = node->as_string()->get();
        if (auto bad = check_duration(value, minimum, maximum)) {
            problem(where(*node), std::string(key) + " " + quoted_value(value) + " " + *bad);
            return false;
        }
        out = std::chrono::duration_cast<Duration>(*parse_duration(value));
        return true;
    }

    // An array of strings, each checked by `check`; a single string is accepted as a list of one when
    // `single_allowed`.
    template <typename Check>
    std::vector<LocatedName> texts(std::string_view key, Check check, bool single_allowed = false) {
        std::vector<LocatedName> out;
        const toml::node* node = find(key);
        if (node == nullptr) return out;
        const auto take = [&](const toml::node& item, std::string_view label) {
            if (!item.is_string()) {
                wrong_type(label, item, "a string");
                return;
            }
            const std::string& value = item.as_string()->get();
            if (Problem bad = check(value)) {
                problem(where(item), std::string(label) + " " + quoted_value(value) + " " + *bad);
                return;
            }
            out.push_back({value, where(item)});
        };
        if (single_allowed && node->is_string()) {
            take(*node, key);
            return out;
        }
        if (!node->is_array()) {
            wrong_type(key, *node, "an array of strings");
            return out;
        }
        const toml::array& array = *node->as_array();
        for (std::size_t i = 0; i < array.size(); ++i) {
            take(array[i], std::string(key) + "[" + std::to_string(i) + "]");
        }
        return out;
    }

  private:
    const toml::table& table_;
    std::string context_;
    ErrorList& errors_;
};

inline Problem no_check(std::string_view) {
    return std::nullopt;
}

inline std::vector<std::string> names_of(std::vector<LocatedName> located) {
    std::vector<std::string> names;
    names.reserve(located.size());
    for (auto& item : located) names.push_back(std::move(item.name));
    return names;
}

}  // namespace feedagg::config::detail
