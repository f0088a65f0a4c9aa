// extract_main_content: metadata from the page as it is, the body from a copy stripped of
// boilerplate; a second attempt without class/id rules when the first finds too little, since
// some sites name their article container in ways that look like boilerplate.

#include "feeds/main_content.hpp"

#include <algorithm>

#include "feeds/main_content_detail.hpp"

namespace feedagg::feeds {
namespace {

// Bodies shorter than this are no article (a caption, a login prompt).
constexpr std::size_t min_body_chars = 30;
// Below this many characters the first attempt is retried without class/id rules.
constexpr std::size_t retry_below_chars = 140;
// Article bodies of this length and more are long enough to be trusted on length alone.
constexpr double confident_chars = 150;
// Prose has at least this many punctuation marks per 100 characters (English about 2, Chinese 6).
constexpr double prose_punctuation_per_100 = 1.2;
// The share of the page's prose an article usually holds; less lowers confidence.
constexpr double usual_prose_coverage = 0.6;

struct Extraction {
    std::string html;
    std::string text;
    detail::TextMeasure measure;
    double coverage = 0;
};

// A part's markup that stands on its own: table cells, rows and list items make no sense outside
// their table or list, so their content goes into a <div> (row sections into a <table>).
std::string part_html(pugi::xml_node part) {
    const std::string_view name = part.name();
    if (name == "td" || name == "th" || name == "li" || name == "dd" || name == "dt" || name == "body") {
        return "<div>" + inner_html(part) + "</div>";
    }
    if (name == "tr") {
        std::string html = "<div>";
        for (pugi::xml_node cell : part.children()) {
            html += cell.type() == pugi::node_element ? inner_html(cell) : outer_html(cell);
        }
        return html + "</div>";
    }
    if (name == "tbody" || name == "thead" || name == "tfoot")
        return "<table>" + outer_html(part) + "</table>";
    return outer_html(part);
}

std::optional<Extraction> extract_body(pugi::xml_node page_body, std::string_view title,
                                       const detail::CleaningRules& rules) {
    pugi::xml_document work;
    const pugi::xml_node body = work.append_copy(page_body);
    detail::remove_boilerplate(body, rules);
    std::optional<detail::ArticleBody> article = detail::find_article_body(body);
    if (!article) return std::nullopt;
    detail::remove_clutter_within(*article, title);
    if (article->measure.chars < min_body_chars || article->measure.link_density() > 0.5) return std::nullopt;
    Extraction extraction;
    extraction.measure = article->measure;
    extraction.coverage = article->coverage;
    for (pugi::xml_node part : article->parts) {
        extraction.html += part_html(part);
        const std::string text = detail::block_text(part);
        if (text.empty()) continue;
        if (!extraction.text.empty()) extraction.text += '\n';
        extraction.text += text;
    }
    return extraction;
}

double confidence_of(const Extraction& extraction) {
    const auto chars = static_cast<double>(extraction.measure.chars);
    const double length = std::min(1.0, chars / confident_chars);
    const double links = std::clamp(1.0 - 2.0 * extraction.measure.link_density(), 0.0, 1.0);
    const double punctuation_per_100 = 100.0 * static_cast<double>(extraction.measure.punctuation) / chars;
    const double prose = std::min(1.0, punctuation_per_100 / prose_punctuation_per_100);
    const double coverage = 0.5 + 0.5 * std::min(1.0, extraction.coverage / usual_prose_coverage);
    return length * links * prose * coverage;
}

}  // namespace

std::optional<MainContent> extract_main_content(const HtmlPage& page) {
    const pugi::xml_node html = page.tree.child("html");
    const pugi::xml_node body = html.child("body");
    if (!body) return std::nullopt;
    detail::ArticleMetadata metadata = detail::read_metadata(html);
    std::optional<Extraction> best = extract_body(body, metadata.title, detail::CleaningRules{});
    if (!best || best->measure.chars < retry_below_chars) {
        std::optional<Extraction> second = extract_body(body, metadata.title, detail::CleaningRules{false});
        if (second && (!best || second->measure.chars > best->measure.chars)) best = std::move(second);
    }
    if (!best) return std::nullopt;
    MainContent content;
    content.confidence = confidence_of(*best);
    content.html = std::move(best->html);
    content.text = std::move(best->text);
    content.title = std::move(metadata.title);
    content.published = std::move(metadata.published);
    content.author = std::move(metadata.author);
    return content;
}

}  // namespace feedagg::feeds
