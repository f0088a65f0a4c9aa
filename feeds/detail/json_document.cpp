// JSON documents for the JSON Feed reader: standard JSON by this library's own reader, anything else
// by Boost.JSON's parser.
#include "feeds/detail/json_document.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>

namespace feedagg::feeds::detail {
namespace {

namespace json = boost::json;

// What json::parse does, for the documents the standard reader declines: the same value_stack builds
// the same value. The parser is instantiated here rather than called in Boost.JSON's shared library,
// so that its calls to these handlers are inlined.
class DocumentBuilder {
  public:
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();

    DocumentBuilder(json::storage_ptr storage, unsigned char* temp, std::size_t temp_size)
        : stack_({}, temp, temp_size) {
        stack_.reset(std::move(storage));
    }

    json::value release() { return stack_.release(); }

    bool on_document_begin(json::error_code&) { return true; }
    bool on_document_end(json::error_code&) { return true; }
    bool on_object_begin(json::error_code&) { return true; }
    bool on_object_end(std::size_t size, json::error_code&) {
        stack_.push_object(size);
        return true;
    }
    bool on_array_begin(json::error_code&) { return true; }
    bool on_array_end(std::size_t size, json::error_code&) {
        stack_.push_array(size);
        return true;
    }
    bool on_key_part(json::string_view part, std::size_t, json::error_code&) {
        stack_.push_chars(part);
        return true;
    }
    bool on_key(json::string_view key, std::size_t, json::error_code&) {
        stack_.push_key(key);
        return true;
    }
    bool on_string_part(json::string_view part, std::size_t, json::error_code&) {
        stack_.push_chars(part);
        return true;
    }
    bool on_string(json::string_view text, std::size_t, json::error_code&) {
        stack_.push_string(text);
        return true;
    }
    bool on_number_part(json::string_view, json::error_code&) { return true; }
    bool on_int64(std::int64_t number, json::string_view, json::error_code&) {
        stack_.push_int64(number);
        return true;
    }
    bool on_uint64(std::uint64_t number, json::string_view, json::error_code&) {
        stack_.push_uint64(number);
        return true;
    }
    bool on_double(double number, json::string_view, json::error_code&) {
        stack_.push_double(number);
        return true;
    }
    bool on_bool(bool flag, json::error_code&) {
        stack_.push_bool(flag);
        return true;
    }
    bool on_null(json::error_code&) {
        stack_.push_null();
        return true;
    }
    bool on_comment_part(json::string_view, json::error_code&) { return true; }
    bool on_comment(json::string_view, json::error_code&) { return true; }

  private:
    json::value_stack stack_;
};

json::value parse_with_boost(std::string_view text, json::storage_ptr storage,
                             boost::system::error_code& error) {
    json::parse_options options;
    options.allow_comments = true;
    options.allow_trailing_commas = true;
    options.allow_invalid_utf8 = true;
    options.max_depth = 64;
    unsigned char temp[BOOST_JSON_STACK_BUFFER_SIZE];
    json::basic_parser<DocumentBuilder> parser(options, std::move(storage), temp, sizeof temp);
    const std::size_t used = parser.write_some(false, text.data(), text.size(), error);
    if (!error && used < text.size()) error = json::error::extra_data;
    if (error) return nullptr;
    return parser.handler().release();
}

}  // namespace

json::value parse_json_document(std::string_view text, json::storage_ptr storage,
                                boost::system::error_code& error) {
    if (std::optional<json::value> document = read_standard_json_object(text, storage))
        return std::move(*document);
    return parse_with_boost(text, std::move(storage), error);
}

}  // namespace feedagg::feeds::detail
