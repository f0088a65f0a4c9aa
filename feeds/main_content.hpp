#pragma once
// The main content of an article page, for feeds that carry only a summary: a readability-style
// heuristic that scores containers by the prose they hold (length in code points, punctuation,
// Chinese included, paragraphs) against the links they hold, so it reads Chinese pages, English
// pages, old table layouts and bodies written as <br>-separated text alike.

#include <optional>
#include <string>

#include "feeds/html_page.hpp"

namespace feedagg::feeds {

struct MainContent {
    std::string html;   // the article body's HTML, not yet sanitized: run sanitize_html with the page URL
    std::string text;   // its plain text, one paragraph a line
    std::string title;  // og:title, else an <h1> that <title> starts with, else <title> minus the site name
    std::string published;  // raw date text (meta, <time datetime>, or a date line near the title)
    std::string author;     // may be empty
    // 0..1, from the body's length, punctuation, link density and share of the page's prose.
    // Below main_content_min_confidence, keep the feed's summary instead.
    double confidence = 0;
};

// Callers keep the feed's summary when the extracted body's confidence is below this. On the
// measurement set (tests/feeds/data/articles) every article scores well above it, while link
// lists, short blurbs and navigation-only pages score below it or give nothing.
constexpr double main_content_min_confidence = 0.5;

// Nothing when the page holds no plausible article body (no prose block, or mostly links).
// Never throws on any page parse_html_page produced.
std::optional<MainContent> extract_main_content(const HtmlPage& page);

}  // namespace feedagg::feeds
