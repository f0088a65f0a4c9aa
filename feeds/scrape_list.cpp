// Reading a list page: one entry per item the item selector finds, its fields by selectors
// relative to the item.

#include <algorithm>
#include <map>

#include "feeds/dates.hpp"
#include "feeds/html.hpp"
#include "feeds/scrape.hpp"
#include "feeds/url.hpp"

namespace feedagg::feeds {

// Friend of CompiledScrapeRule: reads one list page.
class ListPageReader {
  public:
    ListPageReader(const HtmlPage& page, const CompiledScrapeRule& rule, const PageContext& context)
        : page_(page), rule_(rule), context_(context), base_url_(document_base_url(page, context.url)) {}

    ScrapedList read() {
        ScrapedList list;
        std::vector<pugi::xml_node> items = rule_.item_->select_all(page_.tree.root());
        if (items.empty())
            list.warnings.push_back("item selector \"" + rule_.item_->text() + "\" matched nothing");
        if (items.size() > max_items_per_page) {
            list.warnings.push_back("item selector \"" + rule_.item_->text() + "\" matched " +
                                    std::to_string(items.size()) + " items; only the first " +
                                    std::to_string(max_items_per_page) + " are read");
            items.resize(max_items_per_page);
        }
        std::size_t without_link = 0;
        for (pugi::xml_node item : items) {
            Entry entry = read_item(item);
            if (entry.link.empty()) {
                ++without_link;
                continue;
            }
            list.items.push_back(std::move(entry));
        }
        if (without_link > 0)
            list.warnings.push_back(std::to_string(without_link) + " of " + std::to_string(items.size()) +
                                    " items have no link and were skipped");
        report_empty_fields(items.size(), list.warnings);
        if (rule_.next_page_) list.next_page = next_page_url();
        return list;
    }

  private:
    const HtmlPage& page_;
    const CompiledScrapeRule& rule_;
    const PageContext& context_;
    std::string base_url_;
    std::map<std::string, std::size_t> empty_fields_;  // field -> items where its selector found nothing

    std::string field(const std::optional<Selector>& selector, std::string_view name, pugi::xml_node item,
                      FieldKind kind) {
        if (!selector) return {};
        std::string value = selector->select_value(item, kind);
        if (value.empty()) ++empty_fields_[std::string(name)];
        return value;
    }

    // Pages read from files (the offline samples) link to files; the fetcher still confines those
    // to fetch.file_roots.
    std::string absolute(std::string_view reference) const {
        if (reference.empty()) return {};
        std::string url = resolve_url(base_url_, reference);
        const bool file_to_file = base_url_.starts_with("file:") && url.starts_with("file:");
        return is_safe_link_url(url) || file_to_file ? url : std::string{};
    }

    Entry read_item(pugi::xml_node item) {
        Entry entry;
        // Without a link selector the title's node gives the link, else the item's first <a href>.
        const Selector& link_selector = rule_.link_    ? *rule_.link_
                                        : rule_.title_ ? *rule_.title_
                                                       : first_link();
        entry.link = absolute(link_selector.select_value(item, FieldKind::link));
        if (rule_.link_ && entry.link.empty()) ++empty_fields_["link"];
        entry.id = entry.link;
        entry.title = rule_.title_ ? field(rule_.title_, "title", item, FieldKind::text)
                                   : link_selector.select_value(item, FieldKind::text);
        const std::string date_text = field(rule_.date_, "date", item, FieldKind::date);
        if (!date_text.empty()) {
            entry.published =
                parse_page_date(date_text, {context_.timezone, context_.now, rule_.rule().date_formats});
            if (entry.published) {
                entry.published_origin = date_from_list_page;
            } else {
                ++unreadable_dates_;
            }
        }
        if (rule_.summary_) {
            const std::vector<pugi::xml_node> found = rule_.summary_->select_all(item);
            if (found.empty()) {
                ++empty_fields_["summary"];
            } else {
                SanitizeOptions options;
                options.base_url = base_url_;
                entry.summary = sanitize_html(inner_html(found.front()), options);
            }
        }
        if (const std::string image = absolute(field(rule_.image_, "image", item, FieldKind::image));
            !image.empty())
            entry.enclosures.push_back({image, image_type(image), std::nullopt});
        if (std::string author = field(rule_.author_, "author", item, FieldKind::text); !author.empty())
            entry.authors.push_back({std::move(author), {}, {}});
        return entry;
    }

    static const Selector& first_link() {
        static const Selector selector = Selector::compile("a[href]").value();
        return selector;
    }

    static std::string image_type(std::string_view url) {
        const std::string_view path = url.substr(0, url.find_first_of("?#"));
        const std::string_view extension = path.substr(std::min(path.rfind('.'), path.size()));
        if (extension == ".png") return "image/png";
        if (extension == ".gif") return "image/gif";
        if (extension == ".webp") return "image/webp";
        if (extension == ".svg") return "image/svg+xml";
        return "image/jpeg";
    }

    void report_empty_fields(std::size_t item_count, std::vector<std::string>& warnings) const {
        if (item_count == 0) return;
        const auto report = [&](std::string_view name, const std::optional<Selector>& selector) {
            const auto found = empty_fields_.find(std::string(name));
            if (!selector || found == empty_fields_.end()) return;
            warnings.push_back(std::string(name) + " selector \"" + selector->text() +
                               "\" matched nothing in " + std::to_string(found->second) + " of " +
                               std::to_string(item_count) + " items");
        };
        report("title", rule_.title_);
        report("link", rule_.link_);
        report("date", rule_.date_);
        report("summary", rule_.summary_);
        report("image", rule_.image_);
        report("author", rule_.author_);
        if (unreadable_dates_ > 0)
            warnings.push_back(std::to_string(unreadable_dates_) + " dates found by \"" +
                               rule_.date_->text() + "\" could not be read");
    }

    std::string next_page_url() const {
        const std::string next = absolute(rule_.next_page_->select_value(page_.tree.root(), FieldKind::link));
        return next == context_.url ? std::string{} : next;
    }

    std::size_t unreadable_dates_ = 0;
};

std::string numbered_page_url(std::string pattern, int number) {
    const std::size_t at = pattern.find("{page}");
    if (at == std::string::npos) return pattern;
    return pattern.replace(at, 6, std::to_string(number));
}

ScrapedList scrape_list_page(const HtmlPage& page, const CompiledScrapeRule& rule,
                             const PageContext& context) {
    return ListPageReader(page, rule, context).read();
}

}  // namespace feedagg::feeds
