#include "feeds/model.hpp"

namespace feedagg::feeds {

std::string_view format_name(Format format) {
    switch (format) {
        case Format::rss090: return "rss090";
        case Format::rss091: return "rss091";
        case Format::rss092: return "rss092";
        case Format::rss093: return "rss093";
        case Format::rss094: return "rss094";
        case Format::rss20: return "rss20";
        case Format::rss10: return "rss10";
        case Format::atom03: return "atom03";
        case Format::atom10: return "atom10";
        case Format::jsonfeed10: return "jsonfeed10";
        case Format::jsonfeed11: return "jsonfeed11";
    }
    return "unknown";
}

}  // namespace feedagg::feeds
