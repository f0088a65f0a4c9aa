#!/usr/bin/env python3
"""Writes the upstream feeds of the daemon benchmark (scripts/run-daemon-bench.sh).

COUNT files named feed-00000.xml ... into DIR, seeded so every run writes byte-identical files.
Each is a realistic news feed of 15-25 entries: 60 % RSS 2.0 (content:encoded, dc:creator,
categories, RFC 822 dates), 40 % Atom 1.0 (type="html" content, RFC 3339 dates). File sizes spread
log-uniformly from about 7 KB (headlines only) to 50 KB; about a quarter of the sentences are
Chinese. Words come from a vocabulary of about 2,000 and Chinese sentences from about 190 characters,
so that no two entries are near-duplicates by accident (no entry is a repost of another). File i is the same whatever COUNT is: the 1,000-source set is the first thousand files of
the 10,000-source set.
Stdlib only.
"""

import argparse
import datetime
import math
import os
import random
import sys
from xml.sax.saxutils import escape

SEED_WORDS = (
    "union workers district wages safety training factory contract shift overtime hospital school "
    "transport council meeting report pension housing delegates vote committee apprentices skills "
    "inspection agreement members season harvest port railway energy welfare community"
).split()
# Made-up words besides the real ones: with a few dozen words, any two texts share most of their word
# triples and every item would be a near-duplicate of every other to story matching; real news
# vocabularies are thousands of words.
SYLLABLES = ["ba", "ko", "ri", "ta", "ne", "lu", "mi", "so", "de", "fa", "gu", "he", "ji", "pe", "vo", "za"]
WORDS = SEED_WORDS + sorted({a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES[:8]})
# Common characters of Chinese labour news; sentences are drawn from them one character at a time.
HANZI = (
    "工会职工劳动模范代表大会区市县省全国总座谈技能竞赛决赛圆满落幕之家建设取得新进展安全生产月活动"
    "面启动困难帮扶作稳步推进匠精神进校园集体协商签订资专项协议企业单位员培训服务维权农民就业保障"
    "医疗教育交通住房养老金福利社会主席副委员组织部门领导同志强调要求加快落实完善制度提高水平发挥"
    "作用积极参与广大群众关心关爱健康权益合法报酬时间休假合同岗位创新科技先进典型事迹宣传学习贯彻"
    "会议精神重要讲话新时代高质量发展产业环境条件改善收入增长基层队伍力量开展实践调研走访慰问节日"
)
TIME_ZONES = [(0, "GMT", "Z"), (8, "+0800", "+08:00"), (-5, "-0500", "-05:00"), (1, "+0100", "+01:00")]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def sentence(rng):
    if rng.random() < 0.25:
        clauses = ["".join(rng.choice(HANZI) for _ in range(rng.randint(6, 14))) for _ in range(2)]
        return "，".join(clauses) + "。"
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def paragraph_html(rng, site):
    parts = [sentence(rng) for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.4:
        parts.insert(1, f'<a href="{site}/news/{rng.randint(1, 99999)}.html">{rng.choice(WORDS)}</a>')
    if rng.random() < 0.15:
        parts.append(f'<img src="/images/{rng.randint(1, 9999)}.jpg" alt="{rng.choice(WORDS)}">')
    return "<p>" + " ".join(parts) + "</p>"


def content_html(rng, site, target_bytes):
    """HTML of about target_bytes; empty below 200 bytes (a headline-only entry)."""
    if target_bytes < 200:
        return ""
    paragraphs = []
    size = 0
    while size < target_bytes:
        paragraph = paragraph_html(rng, site)
        if size + len(paragraph.encode()) > target_bytes * 1.3 and paragraphs:
            paragraph = "<p>" + sentence(rng) + "</p>"
        paragraphs.append(paragraph)
        size += len(paragraph.encode())
    return "\n".join(paragraphs)


def rfc822(moment, zone):
    hours, name, _ = zone
    local = moment + datetime.timedelta(hours=hours)
    return (f"{DAYS[local.weekday()]}, {local.day:02d} {MONTHS[local.month - 1]} {local.year} "
            f"{local.hour:02d}:{local.minute:02d}:{local.second:02d} {name}")


def rfc3339(moment, zone):
    hours, _, suffix = zone
    return (moment + datetime.timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%S") + suffix


def entries(rng, index, count, target_bytes):
    site = f"https://site{index % 997}.example.org"
    newest = datetime.datetime(2026, 11, 20, 8, 0, 0) - datetime.timedelta(minutes=rng.randint(0, 5000))
    per_entry = max(0, target_bytes // count - 450)  # 450: the entry's markup and short fields
    for number in range(count):
        moment = newest - datetime.timedelta(minutes=number * rng.randint(20, 300))
        slug = f"{index:05d}-{number:02d}"
        yield {
            "title": sentence(rng)[:90],
            "link": f"{site}/news/{slug}.html",
            "author": rng.choice(["Li Wei", "Zhang Min", "Wang Fang", "Chen Jie", "Liu Yang"]),
            "category": rng.choice(WORDS),
            "summary": sentence(rng),
            "content": content_html(rng, site, rng.randint(per_entry // 2, per_entry * 3 // 2)),
            "moment": moment,
        }


def rss_feed(rng, index, items, zone):
    site = f"https://site{index % 997}.example.org"
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n',
           f"<title>District union news {index}</title>\n<link>{site}/</link>\n",
           f"<description>News from union site {index}</description>\n<language>zh-CN</language>\n"]
    for item in items:
        out.append(
            f"<item>\n<title>{escape(item['title'])}</title>\n<link>{item['link']}</link>\n"
            f"<guid isPermaLink=\"true\">{item['link']}</guid>\n"
            f"<pubDate>{rfc822(item['moment'], zone)}</pubDate>\n"
            f"<dc:creator>{item['author']}</dc:creator>\n<category>{item['category']}</category>\n"
            f"<description>{escape(item['summary'])}</description>\n"
            + (f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>\n" if item["content"] else "")
            + "</item>\n")
    out.append("</channel>\n</rss>\n")
    return "".join(out)


def atom_feed(rng, index, items, zone):
    site = f"https://site{index % 997}.example.org"
    updated = rfc3339(items[0]["moment"], zone)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">\n',
           f"<title>Workers' news {index}</title>\n<id>{site}/atom</id>\n<updated>{updated}</updated>\n",
           f'<link rel="alternate" href="{site}/"/>\n<link rel="self" href="{site}/atom.xml"/>\n']
    for item in items:
        out.append(
            f"<entry>\n<title>{escape(item['title'])}</title>\n<id>{item['link']}</id>\n"
            f'<link rel="alternate" href="{item["link"]}"/>\n'
            f"<published>{rfc3339(item['moment'], zone)}</published>\n"
            f"<updated>{rfc3339(item['moment'], zone)}</updated>\n"
            f"<author><name>{item['author']}</name></author>\n"
            f'<category term="{item["category"]}"/>\n<summary>{escape(item["summary"])}</summary>\n'
            + (f'<content type="html">{escape(item["content"])}</content>\n' if item["content"] else "")
            + "</entry>\n")
    out.append("</feed>\n")
    return "".join(out)


def feed(index):
    rng = random.Random(index * 7919 + 17)
    target_bytes = int(math.exp(rng.uniform(math.log(2_000), math.log(40_000))))
    items = list(entries(rng, index, rng.randint(15, 25), target_bytes))
    zone = rng.choice(TIME_ZONES)
    return (rss_feed if rng.random() < 0.6 else atom_feed)(rng, index, items, zone)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--count", type=int, required=True)
    args = parser.parse_args()
    os.makedirs(args.directory, exist_ok=True)
    sizes = []
    for index in range(args.count):
        data = feed(index).encode()
        sizes.append(len(data))
        with open(os.path.join(args.directory, f"feed-{index:05d}.xml"), "wb") as file:
            file.write(data)
    sizes.sort()
    print(f"generate_feeds: {args.count} files, {sum(sizes) / 1e6:.1f} MB in {args.directory}; "
          f"smallest {sizes[0] / 1e3:.1f} KB, median {sizes[len(sizes) // 2] / 1e3:.1f} KB, "
          f"largest {sizes[-1] / 1e3:.1f} KB", file=sys.stderr)


if __name__ == "__main__":
    main()
