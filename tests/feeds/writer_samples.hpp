#pragma once
// Models to write and the external readers the writer tests check the output with: jing (RELAX NG),
// Debian's feedparser (/usr/bin/python3, not the pyenv one on PATH) and xmllint.

#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "feeds/model.hpp"

namespace feedagg::feeds::testing {

inline Timestamp at(int year, unsigned month, unsigned day, int hour = 0) {
    using namespace std::chrono;
    return sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}} +
           hours{hour};
}

// Every field set, with Chinese text, XML specials, control characters and a CDATA terminator.
inline Feed rich_feed() {
    Feed feed;
    feed.title = "Feed <&>\"' 新闻\x01 title";
    feed.link = "https://example.com/";
    feed.self_link = "https://example.com/feed.xml";
    feed.description = "Plain <text> & 描述";
    feed.language = "zh-CN";
    feed.rights = "© 2024 <Corp> & \"friends\"";
    feed.generator = "feedagg-test";
    feed.image = "https://example.com/logo.png";
    feed.updated = at(2024, 1, 2, 3);
    feed.authors = {{"张三", "zhang@example.com", "https://example.com/zhang"}};

    Entry first;
    first.id = "12345";
    first.title = "Entry <one> & \"quotes\" 'apos' 中文\x02";
    first.link = "https://example.com/posts/1?a=1&b=2";
    first.links = {{"https://example.com/posts/1.json", "alternate", "application/json", "JSON", {}},
                   {"https://example.com/related", "related", "text/html", "Related <page>", 42}};
    first.summary = "<p>Summary &amp; more 摘要</p>";
    first.content = "<p>Content with ]]> and <b>bold</b> 内容\x01\x0b</p>";
    first.published = at(2024, 1, 1, 8);
    first.updated = at(2024, 1, 1, 9);
    first.authors = {{"李四", "", ""}, {"Wang", "wang@example.com", ""}};
    first.categories = {"新闻", "C++ & <Rust>"};
    first.enclosures = {{"https://example.com/a.mp3", "audio/mpeg", 1234},
                        {"https://example.com/b.ogg", "audio/ogg", {}}};
    first.comments = "https://example.com/posts/1#comments";
    first.comment_count = 7;
    first.source_title = "Origin <site>";
    first.source_link = "https://origin.example/feed";

    Entry without_id;
    without_id.title = "No id, no link";
    without_id.content = "<p>body</p>";

    Entry summary_only;
    summary_only.id = "tag:example.com,2024:3";
    summary_only.title = "Summary only";
    summary_only.link = "https://example.com/posts/3";
    summary_only.summary = "<p>short</p>";
    summary_only.authors = {{"", "anon@example.com", ""}};

    feed.entries = {first, without_id, summary_only};
    return feed;
}

// rich_feed() as the parser leaves a feed: plain titles without markup-like text, sanitized HTML, no
// control characters, absolute URLs and IRI ids. What the writers write of it should read back equal.
inline Feed normalized_feed() {
    Feed feed = rich_feed();
    feed.title = "Feed & \"quotes\" 新闻";
    feed.description = "Plain & 描述";
    Entry& first = feed.entries[0];
    first.id = "tag:example.com,2024:1";
    first.title = "Entry & \"quotes\" 'apos' 中文";
    first.links.clear();
    first.content = "<p>Content with ]]&gt; and <b>bold</b> 内容</p>";
    first.authors = {{"Wang", "wang@example.com", ""}};
    first.enclosures.resize(1);
    feed.entries[1].id = "https://example.com/posts/2";
    return feed;
}

// Nothing at all but one entry that is just as empty.
inline Feed empty_feed_with_empty_entry() {
    Feed feed;
    feed.entries.emplace_back();
    return feed;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A file in the temporary directory, removed when it goes out of scope.
class TempFile {
  public:
    TempFile(const std::string& contents, const std::string& suffix) {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("feedagg-writers-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + suffix);
        std::ofstream(path_, std::ios::binary) << contents;
    }
    ~TempFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string quoted() const { return "'" + path_.string() + "'"; }

  private:
    std::filesystem::path path_;
};

// The exit status of a shell command; -1 when it did not exit normally.
inline int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline bool have_jing() {
    return std::filesystem::exists("/usr/bin/jing");
}
inline bool have_xmllint() {
    return std::filesystem::exists("/usr/bin/xmllint");
}
inline bool have_feedparser() {
    return std::filesystem::exists("/usr/bin/python3") &&
           run("/usr/bin/python3 -c 'import feedparser' 2>/dev/null") == 0;
}

// Debian's feedparser 6.0 reads RSS and Atom only; JSON Feed support came later (feedparser.parsers.json).
inline bool feedparser_reads_json_feed() {
    return have_feedparser() && run("/usr/bin/python3 -c 'import feedparser.parsers.json' 2>/dev/null") == 0;
}

// Exit 0 when jing finds the document valid against RFC 4287's schema; errors go to stderr.
inline int validate_atom(const std::string& document) {
    TempFile file(document, ".xml");
    return run("/usr/bin/jing -c '" FEEDAGG_TEST_DATA "/schema/atom.rnc' " + file.quoted() +
               " 2>/dev/null 1>&2");
}

inline int xmllint(const std::string& document) {
    TempFile file(document, ".xml");
    return run("/usr/bin/xmllint --noout " + file.quoted());
}

// What feedparser makes of a document: {bozo, exception, version, title, entries, first_link, first_id}.
inline boost::json::object feedparser_reading(const std::string& document, const std::string& suffix) {
    const TempFile script(
        "import feedparser, json, sys\n"
        "d = feedparser.parse(sys.argv[1])\n"
        "first = d.entries[0] if d.entries else {}\n"
        "json.dump({'bozo': int(bool(d.bozo)), 'exception': str(d.get('bozo_exception', '')),\n"
        "           'version': d.version, 'title': d.feed.get('title', ''), 'entries': len(d.entries),\n"
        "           'first_link': first.get('link', ''), 'first_id': first.get('id', '')},\n"
        "          open(sys.argv[2], 'w'))\n",
        ".py");
    const TempFile input(document, suffix);
    const TempFile output("", ".json");
    if (run("/usr/bin/python3 " + script.quoted() + " " + input.quoted() + " " + output.quoted()) != 0) {
        return {};
    }
    return boost::json::parse(read_file(output.path())).as_object();
}

}  // namespace feedagg::feeds::testing
