// Compiling a scrape rule: every configured selector once, each error naming its field.

#include "feeds/scrape.hpp"

namespace feedagg::feeds {
namespace {

bool compile_into(std::optional<Selector>& into, std::string_view field, const std::string& text,
                  std::string& error) {
    if (text.empty() || !error.empty()) return error.empty();
    Result<Selector> compiled = Selector::compile(text);
    if (!compiled) {
        error = "scrape." + std::string(field) + ": " + compiled.error().message;
        return false;
    }
    into.emplace(std::move(*compiled));
    return true;
}

}  // namespace

Result<CompiledScrapeRule> CompiledScrapeRule::compile(const ScrapeRule& rule) {
    CompiledScrapeRule compiled;
    compiled.rule_ = rule;
    std::string error;
    if (rule.item.empty()) return Error{"scrape.item: an item selector is required"};
    compile_into(compiled.item_, "item", rule.item, error);
    compile_into(compiled.title_, "title", rule.title, error);
    compile_into(compiled.link_, "link", rule.link, error);
    compile_into(compiled.date_, "date", rule.date, error);
    compile_into(compiled.summary_, "summary", rule.summary, error);
    compile_into(compiled.image_, "image", rule.image, error);
    compile_into(compiled.author_, "author", rule.author, error);
    compile_into(compiled.next_page_, "next_page", rule.next_page, error);
    compile_into(compiled.article_content_, "article.content", rule.article.content, error);
    compile_into(compiled.article_title_, "article.title", rule.article.title, error);
    compile_into(compiled.article_date_, "article.date", rule.article.date, error);
    compile_into(compiled.article_author_, "article.author", rule.article.author, error);
    for (const std::string& remove : rule.article.remove) {
        std::optional<Selector> selector;
        if (compile_into(selector, "article.remove", remove, error) && selector)
            compiled.article_remove_.push_back(std::move(*selector));
    }
    if (!error.empty()) return Error{error};
    return compiled;
}

}  // namespace feedagg::feeds
