#pragma once
// Detail of html_page.cpp: HTML5 tree construction costs time proportional to the depth of open
// elements for every tag, so a hostile page of 100,000 nested <div>s takes gumbo minutes. A cheap
// pass first drops the start tags that would nest deeper than a limit.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace feedagg::feeds::detail {

// The markup without the start tags that open elements deeper than `max_depth`, or nothing when
// no tag does. Depth is estimated the way a browser would build it, closely enough for real pages:
// end tags close up to the matching open element, void and self-closed elements open nothing,
// and p, li, dt, dd, td, th, tr and option close an open sibling of their own kind.
std::optional<std::string> limit_nesting(std::string_view html, std::size_t max_depth);

}  // namespace feedagg::feeds::detail
