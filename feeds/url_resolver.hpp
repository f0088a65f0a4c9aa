#pragma once
// Detail of the URL module: resolve_url for many references against one base, which is parsed once
// (the sanitizer resolves every href and src of an entry against the entry's URL).

#include <boost/url/url.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace feedagg::feeds::detail {

class UrlResolver {
  public:
    explicit UrlResolver(std::string_view base);

    // resolve_url(base, reference).
    std::string resolve(std::string_view reference) const;

    // The resolved reference when it is safe to link to (is_safe_link_url) or stays relative
    // because there is no base; empty for other absolute URLs.
    std::optional<std::string> resolve_link(std::string_view reference) const;

  private:
    std::optional<std::string> resolve_checked(std::string_view reference, bool links_only) const;

    std::optional<boost::urls::url> base_;  // empty when the base is not an absolute URI
};

}  // namespace feedagg::feeds::detail
