#!/usr/bin/python3
"""Writes the story-deduplication evaluation set: labeled pairs of feed items, JSON Lines.

Usage: make-dedup-set.py [OUT_FILE] [--seed S]

Reads the base articles in tests/data/dedup/articles/ (written for this set, about half Chinese
union news, half English labour and local news) and the press-release templates in
tests/data/dedup/articles/templates/, and turns them into pairs:

- positives (label true): the same story as another site reposts it: source-credit headers,
  editor and reporter lines, share/print widgets and copyright footers added; truncated to 30-80 %;
  only the first paragraph (a summary); re-titled (repost marks, site names, a shortened or
  reworded title); full-width/half-width and whitespace changes, hard-wrapped lines; images,
  captions and links added; the original link with tracking parameters; a repost of a repost;
- hard negatives (label false): different stories of the same day and topic; series articles
  (第一期/第二期, Part 1/Part 2) with different bodies; template press releases filled with other
  names and numbers; different stories under the same generic or column title.

Each line: {"id", "label", "kind", "a": {"title", "text", "link", "source"}, "b": {...}}.
Deterministic: the same seed gives a byte-identical file. Stdlib only.
"""

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "dedup" / "articles"
DEFAULT_OUT = ROOT / "tests" / "data" / "dedup" / "pairs.jsonl"

ZH_SITES = [
    ("工人日报", "www.workers-daily.example.cn"),
    ("中工网", "www.zhonggong.example.cn"),
    ("江城日报", "www.jiangcheng-daily.example.cn"),
    ("江城工会网", "www.jcgh.example.org.cn"),
    ("城西区总工会", "cx.jcgh.example.org.cn"),
    ("城南区总工会", "cn.jcgh.example.org.cn"),
    ("工人时报", "www.gongrenshibao.example.cn"),
]
EN_SITES = [
    ("Riverside Gazette", "www.riverside-gazette.example.com"),
    ("Labor Wire", "laborwire.example.org"),
    ("Northfield Courier", "www.northfieldcourier.example.com"),
    ("Local 1187 News", "local1187.example.org"),
    ("State Labor Federation Blog", "blog.statelabor.example.org"),
    ("Working Families Digest", "wfdigest.example.net"),
]
ZH_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
ZH_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂兰志华建国立新海燕红玉文斌宇浩晨雪梅德成永春"
EN_FIRST = ["James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer", "Carlos", "Aisha",
            "Thomas", "Grace", "Daniel", "Nora", "Samuel", "Ruth", "Kevin", "Sofia", "Brian", "Hannah"]
EN_LAST = ["Garcia", "Nguyen", "Miller", "Okafor", "Johnson", "Kowalski", "Patel", "Murphy", "Rossi", "Chen",
           "Walker", "Haddad", "Lopez", "Brennan", "Fischer", "Ito", "Moore", "Silva", "Reed", "Novak"]
ZH_ORGS = ["城西区总工会", "城南区总工会", "城北区总工会", "高新区总工会", "江北区总工会", "滨江区总工会"]
ZH_COMPANIES = ["江城钢铁集团", "江北重工集团", "城南造船厂", "江城公交集团", "江城电力公司", "滨江化工集团"]
EN_LOCALS = ["Teamsters Local 312", "UFCW Local 88", "IBEW Local 471", "Steelworkers Local 9050",
             "Machinists Lodge 1410", "CWA Local 2206"]
EN_COMPANIES = ["Harbor Freight Lines", "Midvale Foods", "Northern Grid Services", "Cascade Packaging",
                "Riverside Cold Storage", "Summit Telecom"]


def load(path):
    header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    fields = dict(line.split(": ", 1) for line in header.splitlines())
    fields["id"] = path.stem
    fields["paragraphs"] = [p.strip() for p in body.split("\n\n") if p.strip()]
    return fields


def is_intro(paragraph):
    return paragraph.startswith("编者按") or paragraph.startswith("This is the ")


class Maker:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.serial = 0

    # ---- people, links, sites ------------------------------------------------------------------
    def zh_name(self):
        return self.rng.choice(ZH_SURNAMES) + "".join(self.rng.choice(ZH_GIVEN) for _ in range(self.rng.randint(1, 2)))

    def en_name(self):
        return self.rng.choice(EN_FIRST) + " " + self.rng.choice(EN_LAST)

    def name(self, lang):
        return self.zh_name() if lang == "zh" else self.en_name()

    def other_site(self, lang, not_source):
        sites = [s for s in (ZH_SITES if lang == "zh" else EN_SITES) if s[0] != not_source]
        return self.rng.choice(sites)

    def link(self, host, date):
        self.serial += 1
        y, m, d = date.split("-")
        number = self.rng.randint(100000, 999999)
        style = self.rng.randrange(3)
        if style == 0:
            return f"https://{host}/{y}{m}/{d}/c{number}.html"
        if style == 1:
            return f"https://{host}/news/{y}/{m}/{d}/{number}-{self.serial}"
        return f"http://{host}/content/{y}-{m}/{d}/content_{number}.htm"

    def site_of(self, article):
        sites = ZH_SITES if article["lang"] == "zh" else EN_SITES
        for name, host in sites:
            if name == article["source"]:
                return name, host
        return sites[len(article["source"]) % len(sites)]

    # ---- items ---------------------------------------------------------------------------------
    def original(self, article):
        source, host = self.site_of(article)
        text = "".join(f"<p>{p}</p>" for p in article["paragraphs"])
        return {"title": article["title"], "text": text, "link": self.link(host, article["date"]), "source": source}

    def header_lines(self, lang, credit):
        rng = self.rng
        if lang == "zh":
            choices = [
                f"来源：{credit}",
                f"转自：{credit}",
                f"【来源：{credit}】",
                f"稿源：{credit}　　发布时间：2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 0{rng.randint(0, 9)}:{rng.randint(10, 59)}　　浏览次数：{rng.randint(10, 9999)}",
                "字号：大 中 小",
                f"本文来源：{credit}　作者：{self.zh_name()}",
                f"发布日期：2025年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            ]
        else:
            choices = [
                f"Originally published by {credit}.",
                f"This article first appeared in {credit}.",
                f"By {self.en_name()}",
                f"Posted on {rng.choice(['March', 'May', 'July'])} {rng.randint(1, 28)}, 2025 by admin",
                f"Source: {credit}",
                f"Editor's note: this story was originally published by {credit} and is republished with permission.",
            ]
        return rng.sample(choices, rng.randint(1, 2))

    def footer_lines(self, lang, site):
        rng = self.rng
        if lang == "zh":
            choices = [
                f"责任编辑：{self.zh_name()}",
                f"记者：{self.zh_name()}　通讯员：{self.zh_name()}",
                f"（记者 {self.zh_name()} 通讯员 {self.zh_name()}）",
                "【打印】【关闭窗口】",
                "扫一扫在手机打开当前页",
                f"版权所有：{site}　备案号：京ICP备{rng.randint(10000000, 99999999)}号",
                "分享到：微信 微博 QQ空间",
                "上一篇：市总工会召开季度工作例会",
                f"编辑：{self.zh_name()}　审核：{self.zh_name()}",
            ]
        else:
            choices = [
                "Share this:",
                "Share on Facebook | Share on X | Email",
                f"Copyright © 2025 {site}. All rights reserved.",
                f"Editor: {self.en_name()}",
                "Related stories",
                f"Photo: {self.en_name()}/{site}",
                "Subscribe to our newsletter",
                "Leave a comment",
            ]
        return rng.sample(choices, rng.randint(1, 3))

    def truncate(self, paragraphs, lang, low=0.3, high=0.8):
        total = sum(len(p) for p in paragraphs)
        goal = int(total * self.rng.uniform(low, high))
        ends = "。！？" if lang == "zh" else ".!?"
        kept, used = [], 0
        for p in paragraphs:
            if used + len(p) <= goal:
                kept.append(p)
                used += len(p)
                continue
            cut = goal - used
            positions = [i + 1 for i, c in enumerate(p) if c in ends and i + 1 >= cut]
            if positions:
                kept.append(p[: positions[0]])
            break
        return kept or paragraphs[:1]

    def summary(self, paragraphs):
        content = [p for p in paragraphs if not is_intro(p)]
        return content[:1]

    def edit(self, paragraphs, lang):
        """What a reposting editor changes: the dateline, "our city", a tense; a sentence cut."""
        rng = self.rng
        if lang == "zh":
            swaps = [("本报讯 ", rng.choice(["", "中工网讯 ", "讯 "])), ("我市", "江城市"), ("记者从", "从"),
                     ("市总工会", "江城市总工会"), ("近日，", "")]
            ends = "。"
        else:
            swaps = [(" said", " says"), ("on Tuesday", "this week"), ("on Wednesday", "this week"),
                     ("on Thursday", "this week"), ("percent", "%"), ("about ", "roughly ")]
            ends = "."
        out = []
        for p in paragraphs:
            for old, new in swaps:
                if rng.random() < 0.6:
                    p = p.replace(old, new)
            out.append(p)
        middle = [i for i in range(1, len(out)) if out[i].count(ends) >= 2]
        if middle:
            i = rng.choice(middle)
            sentences = [x for x in re.split(r"(?<=[。.!?])\s*", out[i]) if x]
            del sentences[rng.randrange(len(sentences))]
            out[i] = ("" if lang == "zh" else " ").join(sentences)
        return out

    def retitle(self, title, lang, site):
        rng = self.rng
        style = rng.randrange(6)
        if style == 0:
            return ("【转载】" if lang == "zh" else "Fwd: ") + title
        if style == 1:
            return title + (f" - {site}" if rng.random() < 0.5 else f" | {site}")
        if style == 2 and lang == "zh":
            return "转：" + title + f"——{site}"
        if style == 3:  # shortened: the main clause only
            parts = re.split(r"[ ：:，,]" if lang == "zh" else r"[:,]| after | as | with ", title)
            longest = max(parts, key=len)
            return longest if len(longest) >= 6 else title + " "
        if style == 4:  # reworded
            if lang == "zh":
                return rng.choice(["我市", "江城", "快讯："]) + title.replace(" ", "，")
            return rng.choice(["UPDATE: ", "Local news: ", ""]) + title.lower().capitalize()
        return title.upper() if lang == "en" else title.replace(" ", "　")

    def reencode(self, paragraphs, lang):
        rng = self.rng
        out = []
        for p in paragraphs:
            if lang == "zh":
                if rng.random() < 0.7:  # ASCII letters and digits to full width
                    p = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in p)
                p = "　　" + p  # ideographic indent
                if rng.random() < 0.4:
                    p = p.replace("，", ", ").replace("。", ". ")
            else:
                if rng.random() < 0.6:
                    p = p.replace("'", "\u2019").replace(' "', " \u201c").replace('" ', "\u201d ")
                p = p.replace(" ", "  ") if rng.random() < 0.3 else p.replace(". ", ".\u00a0 ")
            out.append(p)
        return out

    def hard_wrap(self, paragraphs, lang):
        width = 36 if lang == "zh" else 72
        lines = []
        for p in paragraphs:
            if lang == "zh":
                lines += [p[i : i + width] for i in range(0, len(p), width)]
            else:
                line = ""
                for word in p.split(" "):
                    if len(line) + len(word) + 1 > width and line:
                        lines.append(line)
                        line = word
                    else:
                        line = f"{line} {word}" if line else word
                lines.append(line)
            lines.append("")
        return lines

    def decorate(self, paragraphs, lang, host):
        rng = self.rng
        out = []
        for i, p in enumerate(paragraphs):
            if i == 0 or rng.random() < 0.3:
                image = f"https://{host}/images/2025/{rng.randint(1000, 9999)}.jpg"
                out.append(f'<p><img src="{image}" alt=""></p>')
                if rng.random() < 0.5:
                    if lang == "zh":
                        out.append('<p style="text-align:center">图为活动现场。</p>')
                    else:
                        caption = "<figcaption>The scene on the day.</figcaption>"
                        out[-1] = f'<figure><img src="{image}" alt="">{caption}</figure>'
            words = p.split(" ") if lang == "en" else None
            if words and len(words) > 8 and rng.random() < 0.5:
                k = rng.randrange(len(words) - 2)
                words[k] = f'<a href="https://{host}/tag/{rng.randint(1, 99)}">{words[k]}</a>'
                p = " ".join(words)
            elif lang == "zh" and len(p) > 20 and rng.random() < 0.5:
                k = rng.randrange(len(p) - 4)
                p = p[:k] + f'<a href="https://{host}/t/{rng.randint(1, 99)}">' + p[k : k + 4] + "</a>" + p[k + 4 :]
            out.append(f"<p>{p}</p>")
        return "".join(out)

    def repost(self, article, base, kind):
        """A repost of `base` (an item dict built from `article`) by another site."""
        rng = self.rng
        lang = article["lang"]
        site, host = self.other_site(lang, base["source"])
        paragraphs = list(article["paragraphs"])
        title = base["title"]
        if kind == "truncated":
            paragraphs = self.truncate(paragraphs, lang)
            paragraphs[-1] += "……" if lang == "zh" else " [...]"
        elif kind == "summary":
            paragraphs = self.summary(paragraphs)
        elif kind == "edited":
            paragraphs = self.edit(paragraphs, lang)
            if rng.random() < 0.5:
                paragraphs = self.truncate(paragraphs, lang, 0.4, 0.9)
        if kind == "retitled" or rng.random() < 0.35:
            title = self.retitle(title, lang, site)
        if kind == "reencoded" or rng.random() < 0.25:
            paragraphs = self.reencode(paragraphs, lang)
        header = self.header_lines(lang, base["source"]) if kind == "boilerplate" or rng.random() < 0.6 else []
        footer = self.footer_lines(lang, site) if kind == "boilerplate" or rng.random() < 0.6 else []
        if kind == "images" or rng.random() < 0.2:
            body = self.decorate(paragraphs, lang, host)
            text = "".join(f"<p>{h}</p>" for h in header) + body + "".join(f"<p>{f}</p>" for f in footer)
        elif rng.random() < 0.5:
            text = "\n".join(header + [""] + self.hard_wrap(paragraphs, lang) + footer)
        else:
            text = "<div>" + "<br>".join(header) + "</div>" + "".join(f"<p>{p}</p>" for p in paragraphs)
            text += "<div>" + "<br>".join(footer) + "</div>"
        return {"title": title, "text": text, "link": self.link(host, article["date"]), "source": site}

    def tracked(self, article, base):
        site, _ = self.other_site(article["lang"], base["source"])
        params = self.rng.choice(["utm_source=rss&utm_medium=feed", "utm_source=wechat&utm_campaign=share",
                                  "fbclid=IwAR0x" + str(self.rng.randint(1000, 9999))])
        link = base["link"] + ("&" if "?" in base["link"] else "?") + params
        paragraphs = self.summary(article["paragraphs"])
        title = self.retitle(base["title"], article["lang"], site)
        return {"title": title, "text": "".join(f"<p>{p}</p>" for p in paragraphs), "link": link, "source": site}

    # ---- templates -----------------------------------------------------------------------------
    def fill(self, template, org=None, year=None):
        rng = self.rng
        lang = template["lang"]
        names = [self.name(lang) for _ in range(12)]
        values = {
            "org": org or rng.choice(ZH_ORGS if lang == "zh" else EN_LOCALS),
            "year": str(year or rng.choice([2023, 2024, 2025])),
            "company": rng.choice(ZH_COMPANIES if lang == "zh" else EN_COMPANIES),
            "local": org or rng.choice(EN_LOCALS),
            "name1": names[0],
            "name2": names[1],
            "month": str(rng.randint(1, 12)),
            "day": str(rng.randint(1, 28)),
            "years": str(rng.randint(2, 5)),
            "end": f"June 30, {rng.randint(2027, 2030)}",
        }
        for i in range(1, 7):
            values[f"n{i}"] = str(rng.randint(2, 60) if lang == "zh" and i < 4 else rng.randint(3, 950))
        separator = "、" if lang == "zh" else ", "
        values["list1"] = separator.join(names[2 : 2 + rng.randint(3, 5)])
        values["list2"] = separator.join(names[7 : 7 + rng.randint(3, 5)])

        def substitute(text):
            return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], text)

        return {
            "id": template["id"],
            "lang": lang,
            "date": f"2025-{int(values['month']):02d}-{int(values['day']):02d}",
            "source": substitute(template["source"]),
            "title": substitute(template["title"]),
            "paragraphs": [substitute(p) for p in template["paragraphs"]],
            "org": values["org"],
            "year": values["year"],
        }


def item_for(maker, article):
    item = maker.original(article)
    if article.get("topic") == "template":
        item["source"] = article["source"]
    return item


def build(seed):
    maker = Maker(seed)
    rng = maker.rng
    articles = [load(p) for p in sorted(ARTICLES.glob("*.txt"))]
    templates = [load(p) for p in sorted((ARTICLES / "templates").glob("*.txt"))]
    pairs = []

    def pair(label, kind, a, b):
        if rng.random() < 0.5:
            a, b = b, a
        pairs.append({"id": f"p{len(pairs) + 1:04d}", "label": label, "kind": kind, "a": a, "b": b})

    # Positives: five reposts of every article, against the original or another repost.
    for number, article in enumerate(articles):
        base = maker.original(article)
        for kind in ["boilerplate", "truncated", "summary", "retitled", "reencoded", "images", "edited"]:
            if kind == "images" and rng.random() < 0.7:
                continue
            other = maker.repost(article, base, kind)
            if kind == "boilerplate" and rng.random() < 0.5:  # a repost of a repost
                pair(True, "repost-of-repost", maker.repost(article, base, "truncated"), other)
            else:
                pair(True, kind, base, other)
        if number % 3 == 0:
            pair(True, "tracking-link", base, maker.tracked(article, base))

    # Hard negatives: different stories of the same day and topic.
    by_day = {}
    for article in articles:
        if article["topic"] != "series":
            by_day.setdefault((article["lang"], article["topic"], article["date"]), []).append(article)
    for group in sorted(by_day.values(), key=lambda g: g[0]["id"]):
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                x, y = group[i], group[j]
                pair(False, "same-day-topic", maker.original(x), maker.original(y))
                pair(False, "same-day-topic", maker.repost(x, maker.original(x), rng.choice(["boilerplate", "truncated"])),
                     maker.original(y))
                pair(False, "same-day-topic", maker.repost(x, maker.original(x), "summary"),
                     maker.repost(y, maker.original(y), rng.choice(["truncated", "retitled", "reencoded"])))

    # Hard negatives: series articles with different bodies.
    series = [a for a in articles if a["topic"] == "series"]
    for i in range(len(series)):
        for j in range(i + 1, len(series)):
            x, y = series[i], series[j]
            if x["lang"] != y["lang"]:
                continue
            pair(False, "series", maker.original(x), maker.original(y))
            pair(False, "series", maker.repost(x, maker.original(x), "boilerplate"), maker.original(y))
            pair(False, "series", maker.repost(x, maker.original(x), "summary"),
                 maker.repost(y, maker.original(y), "summary"))

    # Templates: the same release reposted (positive), other names and numbers (negative).
    for template in templates:
        for _ in range(3):
            filled = maker.fill(template)
            base = item_for(maker, filled)
            pair(True, "template-repost", base, maker.repost(filled, base, rng.choice(["boilerplate", "truncated"])))
        for round_ in range(14):
            first = maker.fill(template)
            if round_ % 2 == 0:  # the same organisation, another year
                second = maker.fill(template, org=first["org"], year=int(first["year"]) + 1)
            else:  # another organisation, the same year
                second = maker.fill(template, year=int(first["year"]))
            a, b = item_for(maker, first), item_for(maker, second)
            if round_ >= 10:
                b = maker.repost(second, b, "boilerplate")
            pair(False, "template", a, b)

    # Hard negatives: different stories under one generic or column title.
    generic = {"zh": ["通知", "公告", "工作动态", "工会要闻", "基层动态", "简讯"],
               "en": ["News", "Update", "Press release", "Announcement", "Weekly roundup", "Notice"]}
    column = {"zh": ["江城工会一周要闻回顾（本期）", "基层工会工作动态信息汇编"],
              "en": ["This week in labor news from around the region", "Union members in the news this week"]}
    for lang in ["zh", "en"]:
        pool = [a for a in articles if a["lang"] == lang and a["topic"] != "series"]
        for k in range(14):
            x, y = rng.sample(pool, 2)
            titles = generic[lang] if k < 10 else column[lang]
            title = rng.choice(titles)
            a, b = maker.original(x), maker.original(y)
            a["title"] = b["title"] = title
            if k % 3 == 2:
                b = maker.repost(y, b, "summary")
                b["title"] = title
            pair(False, "generic-title" if k < 10 else "same-title", a, b)

    # Plain negatives across topics, for balance.
    for _ in range(16):
        x, y = rng.sample(articles, 2)
        if x["topic"] == y["topic"]:
            continue
        pair(False, "different-topic", maker.original(x), maker.repost(y, maker.original(y), "boilerplate"))
    return pairs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(DEFAULT_OUT))
    parser.add_argument("--seed", type=int, default=20251125)
    args = parser.parse_args()
    pairs = build(args.seed)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        for p in pairs:
            out.write(json.dumps(p, ensure_ascii=False) + "\n")
    positives = sum(p["label"] for p in pairs)
    print(f"{args.out}: {len(pairs)} pairs, {positives} positive, {len(pairs) - positives} negative")


if __name__ == "__main__":
    main()
