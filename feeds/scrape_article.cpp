// Reading an article page a list item links to: its content (minus configured clutter) and the
// title, date and author a list page may lack.

#include "feeds/dates.hpp"
#include "feeds/html.hpp"
#include "feeds/scrape.hpp"

namespace feedagg::feeds {

// Friend of CompiledScrapeRule: reads one article page.
class ArticlePageReader {
  public:
    ArticlePageReader(HtmlPage& page, const CompiledScrapeRule& rule, const PageContext& context)
        : page_(page), rule_(rule), context_(context) {}

    ScrapedArticle read() {
        ScrapedArticle article;
        const pugi::xml_node root = page_.tree.root();
        if (rule_.article_title_) article.title = rule_.article_title_->select_value(root, FieldKind::text);
        if (rule_.article_author_)
            article.author = rule_.article_author_->select_value(root, FieldKind::text);
        if (rule_.article_date_) {
            const std::string text = rule_.article_date_->select_value(root, FieldKind::date);
            article.published =
                parse_page_date(text, {context_.timezone, context_.now, rule_.rule().date_formats});
            if (!article.published)
                warn(article, "date selector \"" + rule_.article_date_->text() + "\" found no readable date");
        }
        if (rule_.article_content_) read_content(article);
        return article;
    }

  private:
    HtmlPage& page_;
    const CompiledScrapeRule& rule_;
    const PageContext& context_;

    static void warn(ScrapedArticle& article, std::string message) {
        article.warnings.push_back(std::move(message));
    }

    void read_content(ScrapedArticle& article) {
        const std::vector<pugi::xml_node> parts = rule_.article_content_->select_all(page_.tree.root());
        if (parts.empty()) {
            warn(article, "content selector \"" + rule_.article_content_->text() + "\" matched nothing");
            return;
        }
        std::string html;
        for (pugi::xml_node part : parts) {
            remove_clutter(part);
            html += inner_html(part);
        }
        SanitizeOptions options;
        options.base_url = document_base_url(page_, context_.url);
        options.input_is_valid_utf8 = true;  // serialized from the decoded tree
        article.content = sanitize_html(html, options);
    }

    void remove_clutter(pugi::xml_node content) {
        for (const Selector& remove : rule_.article_remove_) {
            for (pugi::xml_node node : remove.select_all(content)) {
                if (node != content && node.parent()) node.parent().remove_child(node);
            }
        }
    }
};

ScrapedArticle scrape_article_page(HtmlPage& page, const CompiledScrapeRule& rule,
                                   const PageContext& context) {
    return ArticlePageReader(page, rule, context).read();
}

void complete_from_article(Entry& entry, const ScrapedArticle& article) {
    if (!article.content.empty()) entry.content = article.content;
    if (entry.title.empty()) entry.title = article.title;
    if (entry.authors.empty() && !article.author.empty()) entry.authors.push_back({article.author, {}, {}});
    if (!entry.published && article.published) {
        entry.published = article.published;
        entry.published_origin = date_from_article_page;
    }
}

}  // namespace feedagg::feeds
