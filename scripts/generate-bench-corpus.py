#!/usr/bin/python3
"""Writes the benchmark corpus: feeds in every format feedagg reads, with HTML-rich entries.

Usage: generate-bench-corpus.py [OUT_DIR] [--megabytes N] [--seed S]

Deterministic: the same seed and size give byte-identical files. Stdlib only, so it runs with
Debian's /usr/bin/python3 and nothing else. The mix aims at what an aggregator fetches: mostly
RSS 2.0 and Atom, some RSS 1.0 and JSON Feed; files from 20 KB to 2 MB; entries whose HTML carries
what the sanitizer must handle (scripts, styles, event handlers, srcset, tables, entities), in
English and Chinese, with dates in RFC 822 and RFC 3339.
"""

import argparse
import datetime
import json
import os
import random
import sys
from xml.sax.saxutils import escape

STAMP = ".complete"
MIN_FILE = 20_000
MAX_FILE = 2_000_000

WORDS = (
    "feed reader server update release kernel network storage latency cache protocol browser "
    "security patch memory thread compiler library parser stream index query schema cluster "
    "window signal socket buffer vector policy review design system quiet river mountain city "
    "market science health garden museum travel winter summer harbor station archive journal "
    "the a of and to in is that for on with as by at from it this be are was an or"
).split()
HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质"
    "气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
    "设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则"
)
HOSTS = ["example.com", "news.example.org", "blog.example.net", "例子.测试", "planet.example.io"]


def english(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def chinese(rng, chars):
    return "".join(rng.choice(HANZI) for _ in range(chars)) + "。"


def sentence(rng):
    return english(rng, rng.randint(8, 24)) if rng.random() < 0.7 else chinese(rng, rng.randint(12, 40))


def url(rng, host, kind="posts"):
    return f"https://{host}/{kind}/{rng.randint(1000, 999999)}/{rng.choice(WORDS)}-{rng.choice(WORDS)}"


HTML_REFERENCES = ["&amp;", "&mdash;", "&#8217;", "&nbsp;", "&copy;", "&hellip;", "&#x4E2D;&#x6587;", "&lt;tag&gt;",
                   "&eacute;t&eacute;", "&quot;"]
# XHTML content is XML: only the five predefined entities and numeric references are well-formed.
XML_REFERENCES = ["&amp;", "&#8212;", "&#8217;", "&#160;", "&#169;", "&#x4E2D;&#x6587;", "&lt;tag&gt;", "&quot;"]


def entity_text(rng, well_formed):
    """Text with the character references real feeds carry."""
    pieces = [sentence(rng)]
    if rng.random() < 0.5:
        pieces.append(rng.choice(XML_REFERENCES if well_formed else HTML_REFERENCES))
    pieces.append(sentence(rng))
    return " ".join(pieces)


def html_block(rng, host, well_formed):
    """One block of entry HTML. well_formed: XHTML content must parse as XML."""
    kind = rng.random()
    slash = " /" if well_formed else ""
    if kind < 0.40:
        link = f'<a href="{url(rng, host)}" title="{rng.choice(WORDS)}">{rng.choice(WORDS)}</a>'
        return f"<p>{entity_text(rng, well_formed)} {link} {sentence(rng)}</p>"
    if kind < 0.55:
        base = f"https://cdn.{host}/img/{rng.randint(1, 99999)}"
        return (f'<figure><img src="{base}-800.jpg" srcset="{base}-400.jpg 400w, {base}-800.jpg 800w, '
                f'{base}-1600.jpg 1600w" sizes="(max-width: 600px) 400px, 800px" alt="{rng.choice(WORDS)}" '
                f'width="800" height="450" loading="lazy"{slash}><figcaption>{sentence(rng)}</figcaption></figure>')
    if kind < 0.65:
        rows = "".join(
            f"<tr><td>{rng.choice(WORDS)}</td><td>{rng.randint(0, 10000)}</td><td>{chinese(rng, 4)}</td></tr>"
            for _ in range(rng.randint(2, 8)))
        return f'<table class="data"><thead><tr><th>name</th><th>n</th><th>注</th></tr></thead><tbody>{rows}</tbody></table>'
    if kind < 0.72:
        items = "".join(f"<li>{sentence(rng)}</li>" for _ in range(rng.randint(2, 6)))
        return f"<ul>{items}</ul>"
    if kind < 0.78:
        return f"<blockquote><p>{sentence(rng)}</p></blockquote><pre><code>int x = {rng.randint(0, 99)};</code></pre>"
    if kind < 0.84:
        # What the sanitizer exists for: scripts, styles, handlers, javascript: URLs, iframes.
        return rng.choice([
            f"<script>var t = {rng.randint(0, 9999)}; document.write('&lt;b&gt;' + t);</script>",
            f"<style>.ad{{display:block;color:#{rng.randint(0, 0xffffff):06x}}}</style>",
            f'<p onclick="track({rng.randint(0, 999)})" style="color:red">{sentence(rng)}</p>',
            f'<a href="javascript:alert({rng.randint(0, 99)})">{rng.choice(WORDS)}</a>',
            f'<iframe src="https://ads.{host}/frame?id={rng.randint(0, 999)}" width="300" height="250"></iframe>',
            f'<img src="{url(rng, host, "px")}.gif" onerror="steal()" width="1" height="1"{slash}>',
        ])
    if kind < 0.92:
        return f"<h2>{sentence(rng)}</h2><p>{sentence(rng)}<br{slash}>{sentence(rng)}</p>"
    return f'<p><em>{sentence(rng)}</em> <strong>{sentence(rng)}</strong> <a href="/relative/{rng.randint(1, 999)}">more</a></p>'


def entry_html(rng, host, well_formed=False):
    return "\n".join(html_block(rng, host, well_formed) for _ in range(rng.randint(4, 28)))


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


class Clock:
    """Entry dates, newest first, in the zones feeds use."""

    ZONES = [0, 8 * 60, -5 * 60, 5 * 60 + 30, -8 * 60, 60]

    def __init__(self, rng):
        self.rng = rng
        self.now = datetime.datetime(2024, 11, 1, 12, 0, 0, tzinfo=datetime.timezone.utc)

    def next(self):
        self.now -= datetime.timedelta(seconds=self.rng.randint(300, 86400))
        offset = self.rng.choice(self.ZONES)
        return self.now.astimezone(datetime.timezone(datetime.timedelta(minutes=offset)))

    @staticmethod
    def rfc822(moment):
        days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        offset = int(moment.utcoffset().total_seconds() // 60)
        sign = "+" if offset >= 0 else "-"
        zone = "GMT" if offset == 0 else f"{sign}{abs(offset) // 60:02d}{abs(offset) % 60:02d}"
        return (f"{days[moment.weekday()]}, {moment.day:02d} {months[moment.month - 1]} {moment.year} "
                f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d} {zone}")

    @staticmethod
    def rfc3339(moment):
        return moment.isoformat().replace("+00:00", "Z")


def author(rng):
    if rng.random() < 0.4:
        return rng.choice(["张伟", "王芳", "李娜", "刘洋"])
    return f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()}"


def rss20(rng, clock, host, budget):
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" '
           'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
           f"<title>{escape(sentence(rng))}</title>\n<link>https://{host}/</link>\n"
           f'<atom:link href="https://{host}/feed.xml" rel="self" type="application/rss+xml"/>\n'
           f"<description>{escape(sentence(rng))}</description>\n<language>{rng.choice(['en-us', 'zh-cn'])}</language>\n"
           f"<lastBuildDate>{clock.rfc822(clock.next())}</lastBuildDate>\n<ttl>60</ttl>\n"]
    size = sum(len(part.encode()) for part in out)
    while size < budget:
        link = url(rng, host)
        body = entry_html(rng, host)
        moment = clock.next()
        content = cdata(body) if rng.random() < 0.6 else escape(body)
        categories = "".join(f"<category>{rng.choice(WORDS)}</category>" for _ in range(rng.randint(1, 4)))
        media = (f'<media:content url="https://cdn.{host}/v/{rng.randint(1, 9999)}.jpg" medium="image" '
                 f'type="image/jpeg" width="1200" height="675"/>')
        enclosure = (f'<enclosure url="https://cdn.{host}/a/{rng.randint(1, 9999)}.mp3" length="{rng.randint(10**5, 10**8)}" '
                     'type="audio/mpeg"/>' if rng.random() < 0.3 else "")
        item = (f"<item>\n<title>{escape(sentence(rng))}</title>\n<link>{link}</link>\n"
                f'<guid isPermaLink="{"true" if rng.random() < 0.5 else "false"}">{link}</guid>\n'
                f"<pubDate>{clock.rfc822(moment)}</pubDate>\n<dc:creator>{author(rng)}</dc:creator>\n{categories}\n"
                f"<description>{escape(html_block(rng, host, False))}</description>\n"
                f"<content:encoded>{content}</content:encoded>\n{media}{enclosure}\n"
                f"<comments>{link}#comments</comments>\n</item>\n")
        out.append(item)
        size += len(item.encode())
    out.append("</channel>\n</rss>\n")
    return "".join(out)


def atom10(rng, clock, host, budget):
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
           f'xml:lang="{rng.choice(["en", "zh-CN"])}" xml:base="https://{host}/">\n'
           f"<title type=\"text\">{escape(sentence(rng))}</title>\n<subtitle>{escape(sentence(rng))}</subtitle>\n"
           f'<link rel="alternate" href="https://{host}/"/>\n<link rel="self" href="https://{host}/atom.xml"/>\n'
           f"<id>tag:{host},2024:feed</id>\n<updated>{clock.rfc3339(clock.next())}</updated>\n"
           f"<generator uri=\"https://{host}/gen\" version=\"1.0\">gen</generator>\n"]
    size = sum(len(part.encode()) for part in out)
    while size < budget:
        link = url(rng, host)
        updated = clock.next()
        published = updated - datetime.timedelta(hours=rng.randint(0, 48))
        if rng.random() < 0.5:
            content = f'<content type="html">{escape(entry_html(rng, host))}</content>'
        else:
            content = (f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
                       f"{entry_html(rng, host, well_formed=True)}</div></content>")
        categories = "".join(f'<category term="{rng.choice(WORDS)}"/>' for _ in range(rng.randint(1, 4)))
        entry = (f"<entry>\n<title type=\"html\">{escape(escape(sentence(rng)))}</title>\n"
                 f'<link rel="alternate" type="text/html" href="{link}"/>\n'
                 f"<id>tag:{host},2024:{rng.randint(1, 10**9)}</id>\n"
                 f"<published>{clock.rfc3339(published)}</published>\n<updated>{clock.rfc3339(updated)}</updated>\n"
                 f"<author><name>{author(rng)}</name><uri>https://{host}/about</uri></author>\n{categories}\n"
                 f'<summary type="html">{escape(html_block(rng, host, False))}</summary>\n{content}\n</entry>\n')
        out.append(entry)
        size += len(entry.encode())
    out.append("</feed>\n")
    return "".join(out)


def rss10(rng, clock, host, budget):
    items, links = [], []
    size = 0
    while size < budget:
        link = url(rng, host)
        item = (f'<item rdf:about="{link}">\n<title>{escape(sentence(rng))}</title>\n<link>{link}</link>\n'
                f"<description>{escape(html_block(rng, host, False))}</description>\n"
                f"<content:encoded>{cdata(entry_html(rng, host))}</content:encoded>\n"
                f"<dc:date>{clock.rfc3339(clock.next())}</dc:date>\n<dc:creator>{author(rng)}</dc:creator>\n"
                f"<dc:subject>{rng.choice(WORDS)}</dc:subject>\n</item>\n")
        items.append(item)
        links.append(f'<rdf:li rdf:resource="{link}"/>')
        size += len(item.encode()) + len(links[-1])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">\n'
            f'<channel rdf:about="https://{host}/rss">\n<title>{escape(sentence(rng))}</title>\n'
            f"<link>https://{host}/</link>\n<description>{escape(sentence(rng))}</description>\n"
            "<sy:updatePeriod>hourly</sy:updatePeriod>\n<sy:updateFrequency>2</sy:updateFrequency>\n"
            f"<items><rdf:Seq>{''.join(links)}</rdf:Seq></items>\n</channel>\n{''.join(items)}</rdf:RDF>\n")


def jsonfeed11(rng, clock, host, budget):
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": sentence(rng),
        "home_page_url": f"https://{host}/",
        "feed_url": f"https://{host}/feed.json",
        "language": rng.choice(["en", "zh-CN"]),
        "authors": [{"name": author(rng), "url": f"https://{host}/about"}],
        "items": [],
    }
    size = 0
    while size < budget:
        link = url(rng, host)
        item = {
            "id": link,
            "url": link,
            "title": sentence(rng),
            "content_html": entry_html(rng, host),
            "summary": sentence(rng),
            "date_published": clock.rfc3339(clock.next()),
            "authors": [{"name": author(rng)}],
            "tags": [rng.choice(WORDS) for _ in range(rng.randint(1, 4))],
        }
        if rng.random() < 0.3:
            item["attachments"] = [{"url": f"https://cdn.{host}/a/{rng.randint(1, 9999)}.mp3",
                                    "mime_type": "audio/mpeg", "size_in_bytes": rng.randint(10**5, 10**8)}]
        feed["items"].append(item)
        size += len(json.dumps(item, ensure_ascii=False).encode())
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


FORMATS = [  # (writer, file extension, share of files)
    (rss20, "rss20.xml", 0.40),
    (atom10, "atom10.xml", 0.30),
    (rss10, "rss10.xml", 0.15),
    (jsonfeed11, "jsonfeed11.json", 0.15),
]


def file_size(rng):
    """Log-uniform between 20 KB and 2 MB: many small feeds, a few large archives."""
    return int(MIN_FILE * (MAX_FILE / MIN_FILE) ** rng.random())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "bench", "corpus"))
    parser.add_argument("--megabytes", type=int, default=56)
    parser.add_argument("--seed", type=int, default=20241125)
    args = parser.parse_args()

    os.makedirs(args.out_dir, exist_ok=True)
    stamp_path = os.path.join(args.out_dir, STAMP)
    stamp = f"seed={args.seed} megabytes={args.megabytes}\n"
    if os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        print(f"corpus: {args.out_dir} is up to date ({stamp.strip()})")
        return
    for name in os.listdir(args.out_dir):
        os.remove(os.path.join(args.out_dir, name))

    rng = random.Random(args.seed)
    target = args.megabytes * 1_000_000
    total, index = 0, 0
    # The largest file comes first so every corpus size holds one file at the upper bound,
    # which the peak-memory check relies on.
    budgets = [MAX_FILE - 100_000]
    while total < target:
        budget = budgets.pop() if budgets else file_size(rng)
        writer, extension, _ = rng.choices(FORMATS, weights=[share for *_, share in FORMATS])[0]
        host = rng.choice(HOSTS)
        text = writer(rng, Clock(rng), host, budget)
        data = text.encode("utf-8")
        index += 1
        with open(os.path.join(args.out_dir, f"{index:04d}-{extension}"), "wb") as out:
            out.write(data)
        total += len(data)
    with open(stamp_path, "w") as out:
        out.write(stamp)
    print(f"corpus: wrote {index} files, {total / 1e6:.1f} MB to {args.out_dir}")


if __name__ == "__main__":
    sys.exit(main())
