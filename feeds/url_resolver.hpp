#pragma once
// Detail of the URL module: resolve_url for many references against one base, which is parsed once
// (the sanitizer resolves every href and src of an entry against the entry's URL).

#include <boost/url/url.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace feedagg::feeds::detail {

// Not thread-safe: the base is parsed on first use, by const calls.
class UrlResolver {
  public:
    explicit UrlResolver(std::string_view base);

    // The base as given.
    std::string_view base_text() const { return unparsed_base_; }

    // resolve_url(base, reference).
    std::string resolve(std::string_view reference) const;

    // The resolved reference when it is safe to link to (is_safe_link_url) or stays relative
    // because there is no base; empty for other absolute URLs.
    std::optional<std::string> resolve_link(std::string_view reference) const;

    // resolve_link without copies where it can: the result views `reference` (an absolute URL
    // that needs no change) or `buffer`, which it may overwrite.
    std::optional<std::string_view> resolve_link(std::string_view reference, std::string& buffer) const;

    // True for an absolute http(s) URL that resolve_link returns as it is (no spaces, controls or
    // bytes to encode, a plain host): the common case, told apart in one pass.
    static bool is_plain_absolute(std::string_view url);

    // The general path through Boost.URL. The functions above first try shortcuts for the common
    // shapes (an absolute http(s) URL, "/path", "dir/file" made of characters that need no
    // encoding) and must give what this gives; tests hold them to it.
    std::optional<std::string> resolve_checked(std::string_view reference, bool links_only) const;

  private:
    // The shortcut: true when `reference` (trimmed) has one of the common shapes, as it is or
    // once percent-encoded, with the result in `resolved` (viewing `reference` or `buffer`).
    bool resolve_plain(std::string_view reference, std::string& buffer, std::string_view& resolved) const;
    // resolve_plain for a reference that encoding leaves as it is.
    bool resolve_encoded(std::string_view reference, std::string& buffer, std::string_view& resolved) const;

    const std::optional<boost::urls::url>& base() const;
    // Sets origin_length_, directory_length_ and prefix_source_ once; a plain absolute base (most)
    // needs no Boost.URL parse for them.
    void find_prefixes() const;

    std::string unparsed_base_;
    mutable bool base_parsed_ = false;
    mutable std::optional<boost::urls::url> base_;  // empty when the base is not an absolute URI
    // Prefixes of base_'s buffer that plain relative references are appended to: "scheme://host"
    // for "/path" and that plus the base's directory for "dir/file"; 0 when the shortcut does not
    // apply (a base that is not http(s), or whose path holds dot segments).
    mutable bool prefixes_found_ = false;
    mutable std::size_t origin_length_ = 0;
    mutable std::size_t directory_length_ = 0;
    // Where the prefixes are cut from: unparsed_base_ from this offset, or else base_'s buffer.
    mutable std::optional<std::size_t> plain_base_offset_;
    // Where resolve_plain percent-encodes references, kept from call to call.
    mutable std::string encoded_;
};

}  // namespace feedagg::feeds::detail
