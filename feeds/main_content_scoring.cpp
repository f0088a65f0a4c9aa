// Scoring in the spirit of Readability: every block of prose gives points (more for length and
// punctuation, fewer the more of it is link text) to the element holding it and, halved and
// thirded, to that element's ancestors; containers then lose the share of their text that is
// links. The best container wins, with the siblings that score nearly as well.

#include <algorithm>
#include <iterator>
#include <unordered_set>

#include "feeds/main_content_detail.hpp"

namespace feedagg::feeds::detail {
namespace {

// Shorter runs of text are labels, buttons and menu items, not prose.
constexpr std::size_t min_block_chars = 20;
// How far up a block's points reach.
constexpr int scored_ancestor_levels = 5;

struct TextBlock {
    pugi::xml_node element;
    TextMeasure own;  // the block's own text: direct text and phrasing children, not nested blocks
};

bool is_paragraph_element(std::string_view name) {
    static constexpr std::string_view names[] = {"p",  "pre", "blockquote", "li", "dd", "dt",
                                                 "h1", "h2",  "h3",         "h4", "h5", "h6"};
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

void add_inline_measure(pugi::xml_node node, bool inside_link, TextMeasure& measure) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata) {
            const std::string_view text = child.value();
            const std::size_t chars = count_visible_code_points(text);
            measure += TextMeasure{chars, inside_link ? chars : 0, count_punctuation(text)};
        } else if (child.type() == pugi::node_element && is_inline_element(child.name())) {
            add_inline_measure(child, inside_link || std::string_view(child.name()) == "a", measure);
        }
    }
}

void collect_blocks(pugi::xml_node element, std::vector<TextBlock>& blocks) {
    if (!is_inline_element(element.name())) {
        TextMeasure own;
        add_inline_measure(element, false, own);
        if (own.chars >= min_block_chars) blocks.push_back({element, own});
    }
    for (pugi::xml_node child : element.children()) {
        if (child.type() == pugi::node_element && !is_invisible_element(child.name())) {
            collect_blocks(child, blocks);
        }
    }
}

double tag_score(std::string_view name) {
    if (name == "div" || name == "article") return 5;
    if (name == "section" || name == "main" || name == "td" || name == "pre" || name == "blockquote")
        return 3;
    if (name == "ol" || name == "ul" || name == "dl" || name == "dd" || name == "dt" || name == "li" ||
        name == "address" || name == "form") {
        return -3;
    }
    if (name == "th" || (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')) return -5;
    return 0;
}

double ancestor_divider(int level) {
    return level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
}

struct Scorer {
    TextMeasures measures;
    std::unordered_map<pugi::xml_node_struct*, double> points;
    std::vector<pugi::xml_node> candidates;  // in the order first scored

    void add(pugi::xml_node container, double amount) {
        auto [entry, inserted] = points.try_emplace(container.internal_object(), 0.0);
        if (inserted) {
            entry->second = tag_score(container.name()) + class_weight(container);
            candidates.push_back(container);
        }
        entry->second += amount;
    }

    void score(const TextBlock& block) {
        const double length_points = std::min(3.0, static_cast<double>(block.own.chars) / 100.0);
        const double amount = (1.0 + static_cast<double>(block.own.punctuation) + length_points) *
                              (1.0 - block.own.link_density());
        // A paragraph element scores its container; an element holding text directly (a <div> or
        // <td> of <br>-separated lines) is itself the container.
        pugi::xml_node target =
            is_paragraph_element(block.element.name()) ? block.element.parent() : block.element;
        for (int level = 0; level < scored_ancestor_levels; ++level) {
            if (!target || target.type() != pugi::node_element || std::string_view(target.name()) == "html")
                break;
            add(target, amount / ancestor_divider(level));
            target = target.parent();
        }
    }

    const TextMeasure& measure(pugi::xml_node node) { return measures[node.internal_object()]; }

    double final_score(pugi::xml_node node) {
        const auto found = points.find(node.internal_object());
        if (found == points.end()) return 0;
        return found->second * (1.0 - measure(node).link_density());
    }
};

bool is_ancestor(pugi::xml_node ancestor, pugi::xml_node node) {
    for (pugi::xml_node up = node.parent(); up; up = up.parent()) {
        if (up == ancestor) return true;
    }
    return false;
}

// When several containers score nearly as well as the best and sit under one ancestor (an
// article spread over table cells or sections), that ancestor is the article.
pugi::xml_node widen_to_shared_ancestor(Scorer& scorer, pugi::xml_node top) {
    const double top_score = scorer.final_score(top);
    std::vector<pugi::xml_node> rivals;
    for (pugi::xml_node candidate : scorer.candidates) {
        if (candidate == top || is_ancestor(candidate, top) || is_ancestor(top, candidate)) continue;
        if (scorer.final_score(candidate) >= 0.75 * top_score) rivals.push_back(candidate);
    }
    if (rivals.size() < 3) return top;
    for (pugi::xml_node up = top.parent(); up && std::string_view(up.name()) != "html"; up = up.parent()) {
        const auto contained = std::count_if(rivals.begin(), rivals.end(),
                                             [&](pugi::xml_node rival) { return is_ancestor(up, rival); });
        if (contained >= 3) return up;
        if (std::string_view(up.name()) == "body") break;
    }
    return top;
}

bool ends_sentence(std::string_view text) {
    text = trim_text(text);
    if (text.empty()) return false;
    const char last = text.back();
    if (last == '.' || last == '!' || last == '?' || last == '"') return true;
    for (std::string_view mark : {"\u3002", "\uFF01", "\uFF1F", "\u201D"}) {
        if (text.size() >= mark.size() && text.substr(text.size() - mark.size()) == mark) return true;
    }
    return false;
}

std::size_t element_children(pugi::xml_node node) {
    std::size_t count = 0;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_element) ++count;
    }
    return count;
}

// A sibling that is one paragraph: a <p>, a table row of one cell (old layouts put each paragraph
// in its own row), or a <div> holding only phrasing content.
bool is_single_paragraph(pugi::xml_node node) {
    const std::string_view name = node.name();
    if (name == "p") return true;
    if (name == "tr")
        return element_children(node) == 1 && std::string_view(node.first_child().name()) == "td";
    if (name != "div") return false;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_element && !is_inline_element(child.name())) return false;
    }
    return true;
}

bool belongs_with(Scorer& scorer, pugi::xml_node sibling, pugi::xml_node top, double top_score) {
    const TextMeasure& measure = scorer.measure(sibling);
    if (measure.chars == 0 || measure.link_density() >= 0.5) return false;
    const std::string_view top_class = top.attribute("class").value();
    const double bonus =
        !top_class.empty() && top_class == sibling.attribute("class").value() ? 0.2 * top_score : 0;
    if (scorer.final_score(sibling) + bonus >= std::max(10.0, 0.2 * top_score)) return true;
    if (!is_single_paragraph(sibling)) return false;
    if (measure.chars > 80 && measure.link_density() < 0.25) return true;
    return measure.link_chars == 0 && ends_sentence(block_text(sibling));
}

std::vector<pugi::xml_node> gather_parts(Scorer& scorer, pugi::xml_node top) {
    if (std::string_view(top.name()) == "body" || !top.parent()) return {top};
    const double top_score = scorer.final_score(top);
    std::vector<pugi::xml_node> parts;
    for (pugi::xml_node sibling : top.parent().children()) {
        if (sibling == top ||
            (sibling.type() == pugi::node_element && belongs_with(scorer, sibling, top, top_score))) {
            parts.push_back(sibling);
        }
    }
    return parts;
}

bool within_parts(pugi::xml_node node, const std::unordered_set<pugi::xml_node_struct*>& parts) {
    for (pugi::xml_node up = node; up; up = up.parent()) {
        if (parts.count(up.internal_object()) != 0) return true;
    }
    return false;
}

double prose_coverage(const std::vector<TextBlock>& blocks, const std::vector<pugi::xml_node>& parts) {
    std::unordered_set<pugi::xml_node_struct*> part_set;
    for (pugi::xml_node part : parts) part_set.insert(part.internal_object());
    double prose = 0;
    double inside = 0;
    for (const TextBlock& block : blocks) {
        if (block.own.link_density() >= 0.5) continue;
        prose += static_cast<double>(block.own.chars);
        if (within_parts(block.element, part_set)) inside += static_cast<double>(block.own.chars);
    }
    return prose == 0 ? 0 : inside / prose;
}

std::string normalized_heading(pugi::xml_node node) {
    std::string text = block_text(node);
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

// The title again inside the body: an <h1> holding it or part of it, or in old layouts a <b> or
// <font> line that is exactly the title. A paragraph that merely mentions it stays.
bool repeats_title(pugi::xml_node heading, std::string_view title) {
    if (title.empty()) return false;
    const std::string text = normalized_heading(heading);
    if (text.empty()) return false;
    if (text == title) return true;
    return std::string_view(heading.name()) == "h1" &&
           (title.find(text) != std::string_view::npos || text.find(title) != std::string::npos);
}

void remove_clutter(pugi::xml_node parent, const TextMeasures& measures, std::size_t total_chars,
                    std::string_view title) {
    pugi::xml_node child = parent.first_child();
    while (child) {
        const pugi::xml_node next = child.next_sibling();
        if (child.type() == pugi::node_element) {
            const std::string_view name = child.name();
            const auto found = measures.find(child.internal_object());
            const TextMeasure measure = found == measures.end() ? TextMeasure{} : found->second;
            const bool small = measure.chars * 4 < total_chars;
            const bool link_list = (name == "div" || name == "section" || name == "ul" || name == "ol" ||
                                    name == "dl" || name == "table" || name == "p" || name == "span") &&
                                   measure.link_density() > 0.5 && measure.chars * 10 < total_chars * 3;
            if ((measure.chars * 4 < total_chars && repeats_title(child, title)) ||
                (small && names_boilerplate(child, false)) || link_list) {
                parent.remove_child(child);
            } else {
                remove_clutter(child, measures, total_chars, title);
            }
        }
        child = next;
    }
}

}  // namespace

std::optional<ArticleBody> find_article_body(pugi::xml_node body) {
    std::vector<TextBlock> blocks;
    collect_blocks(body, blocks);
    Scorer scorer{measure_text(body), {}, {}};
    for (const TextBlock& block : blocks) {
        if (block.own.link_density() < 0.5) scorer.score(block);
    }
    if (scorer.candidates.empty()) return std::nullopt;
    pugi::xml_node top = scorer.candidates.front();
    for (pugi::xml_node candidate : scorer.candidates) {
        if (scorer.final_score(candidate) > scorer.final_score(top)) top = candidate;
    }
    top = widen_to_shared_ancestor(scorer, top);
    // A lone child (a cell alone in its row, a wrapper's only <div>) stands for its parent, whose
    // siblings are then the article's other parts.
    while (top.parent() && top.parent() != body && element_children(top.parent()) == 1) top = top.parent();
    ArticleBody article;
    article.parts = gather_parts(scorer, top);
    article.coverage = prose_coverage(blocks, article.parts);
    return article;
}

void remove_clutter_within(ArticleBody& article, std::string_view title) {
    article.measure = {};
    for (pugi::xml_node part : article.parts) {
        const TextMeasures measures = measure_text(part);
        const std::size_t total = measures.at(part.internal_object()).chars;
        remove_clutter(part, measures, total, title);
    }
    article.parts.erase(std::remove_if(article.parts.begin(), article.parts.end(),
                                       [&](pugi::xml_node part) {
                                           return std::string_view(part.name()) == "h1" &&
                                                  repeats_title(part, title);
                                       }),
                        article.parts.end());
    for (pugi::xml_node part : article.parts)
        article.measure += measure_text(part).at(part.internal_object());
}

}  // namespace feedagg::feeds::detail
