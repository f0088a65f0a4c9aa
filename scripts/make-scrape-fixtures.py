#!/usr/bin/env python3
"""Writes the HTML scraping fixtures and the offline demo pages.

    python3 scripts/make-scrape-fixtures.py            # from the repository root

Outputs (all overwritten, byte for byte the same on every run; nothing random, no clock):
  tests/feeds/data/scrape/NAME/page.html        the list page, in the charset the case is about
  tests/feeds/data/scrape/NAME/rule.json        the [source.scrape] keys as JSON, plus base_url,
                                                transport_charset and now
  tests/feeds/data/scrape/NAME/expected.json    {"charset", "items": [...], "next_page"}
  tests/feeds/data/scrape/NAME/article.html     (some cases) an article page and
  tests/feeds/data/scrape/NAME/expected_article.json
  config/samples/scrape/...                     pages for the `make run` demo sources

Standard library only. Non-UTF-8 pages are produced with Python's codecs (gbk, gb18030, big5).
The expected values are computed here from the same item tables the pages are rendered from, so
a page and its expectation cannot drift apart. Every name, place and event is invented.
"""

import json
import os
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "feeds", "data", "scrape")
SAMPLES_DIR = os.path.join(ROOT, "config", "samples", "scrape")


SHANGHAI = timezone(timedelta(hours=8))
NOW = "2024-05-17T12:00:00+08:00"  # "now" of every fixture, for relative dates and yearless dates


def shanghai(y, m, d, hh=0, mm=0, ss=0):
    """The RFC 3339 UTC form of a Beijing wall-clock time (date-only values are local midnight)."""
    t = datetime(y, m, d, hh, mm, ss, tzinfo=SHANGHAI).astimezone(timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def full_width(text):
    """ASCII digits as full-width digits (U+FF10..U+FF19), as some CMS editors type them."""
    return "".join(chr(ord(c) - 0x30 + 0xFF10) if "0" <= c <= "9" else c for c in text)


BAIDU_STATS = """<script>
var _hmt = _hmt || [];
(function() {
  var hm = document.createElement("script");
  hm.src = "https://hm.baidu.com/hm.js?6f1e0c2d9b7a4e3f8a5c1b2d3e4f5a6b";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
})();
</script>"""

SHARE_WIDGET = """<div class="bdsharebuttonbox share">
  <span>分享到：</span>
  <a href="#" class="bds_weixin" data-cmd="weixin" title="分享到微信"></a>
  <a href="#" class="bds_tsina" data-cmd="tsina" title="分享到新浪微博"></a>
  <a href="#" class="bds_qzone" data-cmd="qzone" title="分享到QQ空间"></a>
</div>
<script>window._bd_share_config={"common":{"bdSnsKey":{},"bdText":"","bdMini":"2","bdPic":"","bdStyle":"0","bdSize":"16"},"share":{}};</script>"""


# --- 1. Workers' Daily / 中工网 column list, UTF-8 ---------------------------------------------------

WORKERCN_ITEMS = [
    dict(title="全国五一劳动奖和全国工人先锋号表彰大会在京举行", link="/c/2024-05-17/8234567.shtml",
         date_text="2024-05-17 09:12", date=shanghai(2024, 5, 17, 9, 12),
         summary="大会表彰了一批在各条战线上作出突出贡献的先进集体和个人，号召广大职工弘扬劳模精神、劳动精神、工匠精神。",
         image="//img.workercn.cn/pic/2024/05/17/1715908320_a1.jpg"),
    dict(title="人社部、全国总工会联合发文：加强新就业形态劳动者权益保障", link="/c/2024-05-17/8234522.shtml",
         date_text="2024-05-17 08:30", date=shanghai(2024, 5, 17, 8, 30),
         summary="通知明确了平台企业在劳动报酬、休息休假、劳动安全等方面的责任，要求建立健全协商协调机制。"),
    dict(title="“技能中国行”职业技能竞赛吸引3万余名职工参赛", title_html="&ldquo;技能中国行&rdquo;职业技能竞赛吸引3万余名职工参赛",
         link="/c/2024-05-16/8233910.shtml",
         date_text="2024-05-16 21:05", date=shanghai(2024, 5, 16, 21, 5),
         summary="竞赛设置电工、焊工、数控铣工等28个工种，获奖选手可按规定晋升相应职业技能等级。"),
    dict(title="多地工会开展安全生产月“安康杯”知识竞赛", link="/c/2024-05-16/8233702.shtml",
         date_text="2024-05-16 17:40", date=shanghai(2024, 5, 16, 17, 40),
         summary="竞赛以班组为单位进行，题目涵盖有限空间作业、动火作业和应急处置等内容。"),
    dict(title="困难职工帮扶：“一户一策”精准到人", link="/c/2024-05-16/8233517.shtml",
         date_text="2024-05-16 10:02", date=shanghai(2024, 5, 16, 10, 2),
         summary="各级工会为建档困难职工逐户制定帮扶方案，在就业、助学、医疗等方面给予支持。",
         image="../pic/2024/05/16/1715825000_b2.jpg"),
    dict(title="建筑工地“工友驿站”让农民工歇脚有处 & 饮水有着", title_html="\n              建筑工地“工友驿站”让农民工歇脚有处 &amp; 饮水有着\n            ",
         link="/c/2024-05-15/8232864.shtml",
         date_text="2024-05-15 15:18", date=shanghai(2024, 5, 15, 15, 18),
         summary="驿站配备饮水机、微波炉和急救药箱，全天向户外劳动者开放。"),
]


def workercn_list_html():
    rows = []
    for n, item in enumerate(WORKERCN_ITEMS):
        picture = ""
        if item.get("image"):
            picture = (f'\n            <a href="{item["link"]}" target="_blank" class="pic">'
                       f'<img src="{item["image"]}" alt="" width="200" height="130"></a>')
        rows.append(f"""          <li>{picture}
            <h3><a href="{item["link"]}" target="_blank">{item.get("title_html", item["title"])}</a></h3>
            <p class="intro">
              {item["summary"]}
            </p>
            <div class="meta"><span class="date">{item["date_text"]}</span><span class="src">来源：工人日报</span></div>
          </li>""")
        if n == 2:
            rows.append("""          <li class="ad"><script type="text/javascript">BAIDU_CLB_fillSlot("9012345");</script></li>""")
    items = "\n".join(rows)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>工会_中工网</title>
<meta name="keywords" content="工会,劳模,职工权益,中工网">
<link rel="stylesheet" href="/css/common.css?v=20240301">
<link rel="stylesheet" href="/css/list.css?v=20240301">
<script src="/js/jquery-1.12.4.min.js"></script>
{BAIDU_STATS}
</head>
<body>
<div class="top_bar"><div class="w1200"><a href="https://www.workercn.cn/">中工网首页</a> | <a href="https://www.workercn.cn/papers/">工人日报电子版</a></div></div>
<div class="header w1200">
  <a href="/" class="logo"><img src="/images/logo.png" alt="中工网"></a>
  <ul class="nav">
    <li><a href="/">首页</a></li><li><a href="/gh/">工会</a></li><li><a href="/lm/">劳模</a></li>
    <li><a href="/wq/">维权</a></li><li><a href="/jn/">技能</a></li><li><a href="/aq/">安全</a></li>
  </ul>
</div>
<div class="crumb w1200">当前位置：<a href="/">中工网</a> &gt; <a href="/gh/">工会</a> &gt; 列表</div>
<div class="main w1200">
  <div class="left">
    <div class="list_box">
      <ul>
{items}
      </ul>
    </div>
    <div class="page">
      <a href="index.shtml">首页</a>
      <span class="disabled">上一页</span>
      <span class="current">1</span>
      <a href="index_2.shtml">2</a>
      <a href="index_3.shtml">3</a>
      <a href="index_2.shtml">下一页</a>
      <a href="index_20.shtml">尾页</a>
    </div>
  </div>
  <div class="right">
    <div class="hot"><h4>热点排行</h4>
      <ol><li><a href="/c/2024-05-14/8231005.shtml">职工疗休养政策解读</a></li><li><a href="/c/2024-05-13/8230480.shtml">工会会员普惠服务上新</a></li></ol>
    </div>
{SHARE_WIDGET}
  </div>
</div>
<div class="footer">主办单位：工人日报社 &nbsp; 版权所有 中工网 &nbsp; <a href="https://beian.miit.gov.cn/">京ICP备00000000号</a></div>
<script>$(function(){{ $(".nav li").hover(function(){{ $(this).addClass("on"); }}); }});</script>
</body>
</html>
"""


WORKERCN_ARTICLE_PARAGRAPHS = [
    "本报北京5月17日电（记者 周明远）5月17日上午，全国五一劳动奖和全国工人先锋号表彰大会在京举行。",
    "大会对获得全国五一劳动奖状的单位、获得全国五一劳动奖章的个人和获得全国工人先锋号的集体进行了表彰。",
    "获奖代表中既有扎根生产一线数十年的老技师，也有在新兴产业中崭露头角的青年职工，还有快递员、网约车司机等新就业形态劳动者。",
    "会议指出，各级工会要深入开展劳动和技能竞赛，健全职工技能形成体系，让劳动者在奋斗中实现自身价值。",
    "图为获奖代表在会场合影。",
]


def workercn_article_html():
    p = WORKERCN_ARTICLE_PARAGRAPHS
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>全国五一劳动奖和全国工人先锋号表彰大会在京举行_中工网</title>
<meta name="description" content="大会表彰了一批在各条战线上作出突出贡献的先进集体和个人。">
{BAIDU_STATS}
</head>
<body>
<div class="crumb w1200">当前位置：<a href="/">中工网</a> &gt; <a href="/gh/">工会</a> &gt; 正文</div>
<div class="main w1200">
  <div class="ccontent">
    <h1>全国五一劳动奖和全国工人先锋号表彰大会在京举行</h1>
    <div class="info">
      <span class="time">2024-05-17 09:12</span>
      来源：<span class="source">工人日报</span>
      <span class="fontsize">字号：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a></span>
    </div>
    <div class="TRS_Editor">
      <p>{p[0]}</p>
      <p>{p[1]}</p>
      <script>document.write('<div class="adv">' + new Date().getFullYear() + '</div>');</script>
      <p>{p[2]}</p>
      <p>{p[3]}</p>
      <p style="text-align:center"><img src="../../pic/2024/05/17/1715908320_a1.jpg" alt=""></p>
      <p style="text-align:center">{p[4]}</p>
{SHARE_WIDGET}
      <p class="editor">（责任编辑：孙晓）</p>
    </div>
  </div>
</div>
</body>
</html>
"""


def workercn_case():
    return dict(
        name="workercn-utf8-list",
        codec="utf-8",
        charset="UTF-8",
        html=workercn_list_html(),
        rule=dict(
            base_url="https://www.workercn.cn/gh/index.shtml",
            transport_charset="utf-8",
            now=NOW,
            timezone="Asia/Shanghai",
            item="div.list_box > ul > li:not(.ad)",
            title="h3 a",
            link="h3 a",
            date="span.date",
            summary="p.intro",
            image="img",
            next_page="div.page a:contains('下一页')",
            max_pages=3,
            follow=True,
            article_url="https://www.workercn.cn/c/2024-05-17/8234567.shtml",
            article_transport_charset="utf-8",
            article=dict(content="div.TRS_Editor", remove=["div.share", "p.editor", "script"],
                         title="h1", date="div.info span.time", author="div.info span.source"),
        ),
        items=WORKERCN_ITEMS,
        next_page="index_2.shtml",
        article=dict(
            codec="utf-8",
            html=workercn_article_html(),
            expected=dict(charset="UTF-8", title="全国五一劳动奖和全国工人先锋号表彰大会在京举行",
                          date=shanghai(2024, 5, 17, 9, 12), author="工人日报",
                          content_text="\n".join(WORKERCN_ARTICLE_PARAGRAPHS)),
        ),
    )


# --- 2. ACFTU 中华全国总工会 news column: GBK bytes, <meta http-equiv> says gb2312, TRS CMS -----------

ACFTU_ITEMS = [
    dict(title="全总书记处召开会议 研究部署深化产业工人队伍建设改革工作",
         shown="全总书记处召开会议 研究部署深化产业工人队伍建设...",
         link="./202405/t20240517_783501.html", date_text="2024年05月17日", date=shanghai(2024, 5, 17)),
    dict(title="全国总工会启动2024年“安康杯”竞赛活动 聚焦重点行业领域安全风险防控",
         shown="全国总工会启动2024年“安康杯”竞赛活动 聚焦重点...",
         link="./202405/t20240516_783466.html", date_text="2024年05月16日", date=shanghai(2024, 5, 16)),
    dict(title="图片新闻：大国工匠进校园 技能人才培养走深走实",
         shown="图片新闻：大国工匠进校园 技能人才培养走深走实",
         link="../../tpxw/202405/t20240516_783480.html", date_text="2024年05月16日", date=shanghai(2024, 5, 16)),
    dict(title="工会法律援助为农民工追回欠薪1.2亿元",
         shown="工会法律援助为农民工追回欠薪1.2亿元",
         link="http://www.workercn.cn/c/2024-05-15/8232701.shtml", date_text="2024年05月15日",
         date=shanghai(2024, 5, 15)),
    dict(title="全总开展困难职工家庭子女助学行动 今年计划资助1.5万名学生",
         shown="全总开展困难职工家庭子女助学行动 今年计划资助...",
         link="./202405/t20240514_783390.html", date_text="2024年05月14日", date=shanghai(2024, 5, 14)),
    dict(title="各地工会举办“工会开放日”活动 职工走进工会了解服务项目",
         shown="各地工会举办“工会开放日”活动 职工走进工会了解...",
         link="./202405/t20240510_783215.html", date_text="2024年05月10日", date=shanghai(2024, 5, 10)),
]


def acftu_list_html():
    rows = "\n".join(
        f'<li><span>{i["date_text"]}</span><a href="{i["link"]}" target="_blank" title="{i["title"]}">{i["shown"]}</a></li>'
        for i in ACFTU_ITEMS)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>工会要闻-中华全国总工会</title>
<meta name="ColumnName" content="工会要闻" />
<meta name="ColumnType" content="工会要闻" />
<link href="../../images/common.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="../../images/jquery.js"></script>
</head>
<body>
<div class="top">
  <div class="logo"><a href="../../"><img src="../../images/logo.png" alt="中华全国总工会" /></a></div>
  <div class="search"><form action="/was5/web/search" method="get" target="_blank"><input type="text" name="searchword" value="请输入关键字" /><input type="submit" value="搜索" /></form></div>
</div>
<div class="nav"><a href="../../">首页</a><a href="../">新闻动态</a><a href="../../zyjs/">职能介绍</a><a href="../../wqfw/">维权服务</a></div>
<div class="position">您现在的位置：<a href="../../">首页</a>&nbsp;&gt;&nbsp;<a href="../">新闻动态</a>&nbsp;&gt;&nbsp;<a href="./">工会要闻</a></div>
<div class="list_con">
  <div class="list_tit">工会要闻</div>
  <ul class="list_ul">
{rows}
  </ul>
  <div class="page">
<script type="text/javascript">
var currentPage = 0;//所在页从0开始
var countPage = 8//共多少页
//设置默认页
createPageHTML(countPage, currentPage, "index", "html");
</script>
  </div>
</div>
<div class="footer">中华全国总工会 版权所有 &nbsp; 地址：北京市复兴门外大街（示例） &nbsp; <a href="https://beian.miit.gov.cn/">京ICP备00000000号</a></div>
</body>
</html>
"""


ACFTU_ARTICLE_PARAGRAPHS = [
    "5月16日，全总书记处召开会议，研究部署深化产业工人队伍建设改革有关工作。",
    "会议强调，要把提高产业工人技能素质作为重点，推动完善技能人才评价、使用和激励机制，畅通产业工人职业发展通道。",
    "会议要求，各级工会要加强对改革举措落实情况的跟踪问效，及时总结推广基层好经验好做法，切实维护产业工人合法权益。",
    "全总书记处书记，各部门、各直属单位主要负责同志参加会议。",
]


def acftu_article_html():
    p = ACFTU_ARTICLE_PARAGRAPHS
    # TRS editors indent paragraphs with two ideographic spaces (U+3000); they are whitespace.
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>全总书记处召开会议 研究部署深化产业工人队伍建设改革工作-中华全国总工会</title>
<meta name="ArticleTitle" content="全总书记处召开会议 研究部署深化产业工人队伍建设改革工作" />
<meta name="PubDate" content="2024-05-17 10:35" />
<meta name="ContentSource" content="全总宣教部" />
</head>
<body>
<div class="position">您现在的位置：<a href="../../../">首页</a>&nbsp;&gt;&nbsp;<a href="../../">新闻动态</a>&nbsp;&gt;&nbsp;<a href="../">工会要闻</a></div>
<div class="detail">
  <h2 class="title">全总书记处召开会议 研究部署深化产业工人队伍建设改革工作</h2>
  <div class="info">发布时间：<span class="time">2024-05-17 10:35</span>&nbsp;&nbsp;来源：<span class="source">全总宣教部</span>&nbsp;&nbsp;<a href="javascript:window.print()">【打印】</a></div>
  <div class="TRS_Editor"><style type="text/css">.TRS_Editor P{{margin-top:0;margin-bottom:12px;line-height:2;font-size:16px;}}</style>
<p>　　{p[0]}</p>
<p>　　{p[1]}</p>
<p>　　{p[2]}</p>
<div id="bdshare" class="bdshare_t"><span class="bds_more">分享到：</span><a class="bds_tsina"></a><a class="bds_weixin"></a></div>
<p>　　{p[3]}</p>
<p align="right">【责任编辑：王晓晨】</p>
  </div>
</div>
</body>
</html>
"""


def acftu_case():
    return dict(
        name="acftu-gbk-meta-gb2312",
        codec="gbk",
        charset="GB18030",
        html=acftu_list_html(),
        rule=dict(
            base_url="https://www.acftu.org/xwdt/ghyw/",
            transport_charset="",
            now=NOW,
            timezone="Asia/Shanghai",
            item="ul.list_ul > li",
            title="a::attr(title)",
            link="a",
            date="span",
            page_url="https://www.acftu.org/xwdt/ghyw/index_{page}.html",
            first_page=1,
            max_pages=3,
            follow=True,
            article_url="https://www.acftu.org/xwdt/ghyw/202405/t20240517_783501.html",
            article_transport_charset="",
            article=dict(content="div.TRS_Editor", remove=["style", "div[id^=bdshare]", "p[align=right]"],
                         title="div.detail h2.title", date="div.info span.time", author="div.info span.source"),
        ),
        items=ACFTU_ITEMS,
        # TRS pagers are written by script (createPageHTML): page 2 is index_1.html, so the rule
        # gives a URL pattern with first_page = 1 instead of a next-page selector.
        next_page="index_1.html",
        article=dict(
            codec="gbk",
            html=acftu_article_html(),
            expected=dict(charset="GB18030", title="全总书记处召开会议 研究部署深化产业工人队伍建设改革工作",
                          date=shanghai(2024, 5, 17, 10, 35), author="全总宣教部",
                          content_text="\n".join(ACFTU_ARTICLE_PARAGRAPHS)),
        ),
    )


# --- 3. City union site, GB18030 (names outside GBK), yearless "[05-17]" dates ----------------------

CITY_ITEMS = [
    dict(title="市总工会召开劳模表彰大会 王䶮等50名职工获评市劳动模范", link="../2024-05/17/content_123456.htm",
         date_text="[05-17]", date=shanghai(2024, 5, 17), author="市总宣教部"),
    dict(title="焊工陈𠮷：二十年守护城市综合管廊安全", link="../2024-05/16/content_123431.htm",
         date_text="[05-16]", date=shanghai(2024, 5, 16), author="市总宣教部"),
    dict(title="新就业形态劳动者入会集中行动启动 外卖骑手现场入会", link="../2024-05/16/content_123420.htm",
         date_text="[05-16]", date=shanghai(2024, 5, 16), author="基层工作部"),
    dict(title="全市职工技能大赛数控车工决赛落幕", link="../2024-05/10/content_123107.htm",
         date_text="[05-10]", date=shanghai(2024, 5, 10), author="经济技术部"),
    dict(title="市总工会开展高温津贴发放情况专项检查", link="../2024-04/28/content_122650.htm",
         date_text="[04-28]", date=shanghai(2024, 4, 28), author="法律工作部"),
    # Yearless and later in the year than "now": it is last year's.
    dict(title="元旦春节“送温暖”活动慰问困难职工2860户", link="../2023-12/30/content_118002.htm",
         date_text="[12-30]", date=shanghai(2023, 12, 30), author="保障工作部"),
]


def city_list_html():
    rows = "\n".join(
        f'      <li><span class="time">{i["date_text"]}</span><a href="{i["link"]}" target="_blank">{i["title"]}</a>'
        f'<span class="dept">{i["author"]}</span></li>'
        for i in CITY_ITEMS)
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="gb18030">
<title>工会要闻 - 示例市总工会</title>
<link rel="stylesheet" type="text/css" href="../css/style.css">
<script type="text/javascript" src="../js/jquery.js"></script>
<script type="text/javascript">
  // 栏目点击统计
  var columnId = "112"; var siteId = "6";
  $(document).ready(function(){{ $.get("/count.jsp?c=" + columnId); }});
</script>
</head>
<body>
<div id="head"><img src="../images/banner.jpg" alt="示例市总工会"></div>
<div id="menu"><a href="../index.htm">首页</a> <a href="node_112.htm">工会要闻</a> <a href="node_113.htm">基层动态</a> <a href="node_114.htm">职工服务</a></div>
<div id="content">
  <div class="location">当前位置：<a href="../index.htm">首页</a> &gt;&gt; 工会要闻</div>
  <div class="newslist">
    <ul>
{rows}
    </ul>
  </div>
  <div class="pages">
    <a href="node_112.htm">首页</a> <span>上一页</span> <b>1</b> <a href="node_112_2.htm">2</a> <a href="node_112_3.htm">3</a>
    <a href="node_112_2.htm" class="next">下一页</a> <a href="node_112_9.htm">尾页</a> 共9页
  </div>
</div>
<div id="foot">示例市总工会 主办 &nbsp;&nbsp; 技术支持：某某信息技术有限公司</div>
</body>
</html>
"""


def city_case():
    return dict(
        name="city-union-gb18030",
        codec="gb18030",
        charset="GB18030",
        html=city_list_html(),
        rule=dict(
            base_url="http://www.cityunion.example.cn/ghxw/node_112.htm",
            transport_charset="",
            now=NOW,
            timezone="Asia/Shanghai",
            item="div.newslist li",
            title="a",
            link="a",
            date="span.time",
            author="span.dept",
            next_page="div.pages a.next",
            max_pages=2,
        ),
        items=CITY_ITEMS,
        next_page="node_112_2.htm",
    )


# --- 4. District union on an old ASP CMS: nested <table>s, XPath rule, GBK, transport says UTF-8 -----

DISTRICT_ITEMS = [
    dict(title="区总工会召开五一劳模座谈会", link="ShowNews.asp?id=1234", date_text="2024-5-17",
         date=shanghai(2024, 5, 17)),
    dict(title="区“安康杯”竞赛推进会暨安全生产培训举行", link="ShowNews.asp?id=1230", date_text="2024-5-15",
         date=shanghai(2024, 5, 15)),
    dict(title="困难职工帮扶中心开展“春风行动”专场招聘会", link="ShowNews.asp?id=1227", date_text="2024-5-9",
         date=shanghai(2024, 5, 9)),
    dict(title="区总工会职工法律援助站为12名职工讨回工资", link="ShowNews.asp?id=1221", date_text="2024-4-30",
         date=shanghai(2024, 4, 30)),
    dict(title="街道工会联合会举办电工技能比武", link="ShowNews.asp?id=1215", date_text="2024-4-26",
         date=shanghai(2024, 4, 26)),
]


def district_list_html():
    rows = []
    for i in DISTRICT_ITEMS:
        rows.append(f"""                <tr>
                  <td width="20" height="26" align="center"><img src="images/dot.gif" width="5" height="5"></td>
                  <td><a href="{i["link"]}" target="_blank" title="{i["title"]}">{i["title"]}</a></td>
                  <td width="90" align="right" class="date">{i["date_text"]}</td>
                </tr>
                <tr><td colspan="3" height="1" background="images/line.gif"></td></tr>""")
    rows = "\n".join(rows)
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>工会动态--示例区总工会</title>
<link href="css/css.css" rel="stylesheet" type="text/css">
<script language="JavaScript" src="js/menu.js"></script>
<script language="JavaScript">
<!--
function MM_openBrWindow(theURL,winName,features) {{ window.open(theURL,winName,features); }}
//-->
</script>
</head>
<body leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td><img src="images/top.jpg" width="980" height="120"></td></tr>
  <tr><td height="32" background="images/menu_bg.gif" class="menu"><a href="index.asp">网站首页</a> | <a href="NewsList.asp?ClassID=5">工会动态</a> | <a href="NewsList.asp?ClassID=6">通知公告</a> | <a href="NewsList.asp?ClassID=7">维权服务</a></td></tr>
</table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td width="230" valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td class="left_title">栏目导航</td></tr>
        <tr><td><a href="NewsList.asp?ClassID=5">工会动态</a><br><a href="NewsList.asp?ClassID=6">通知公告</a></td></tr>
      </table>
    </td>
    <td width="10"></td>
    <td valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td height="30" class="title_bg">&nbsp;当前位置：<a href="index.asp">首页</a> &gt;&gt; 工会动态</td></tr>
        <tr>
          <td>
            <table width="100%" border="0" cellspacing="0" cellpadding="0" id="newslist">
{rows}
            </table>
          </td>
        </tr>
        <tr>
          <td height="40" align="center">共 43 条记录 页次：1/9 每页：5 条 &nbsp;
            <a href="NewsList.asp?ClassID=5&amp;page=1">首页</a> 上一页 <a href="NewsList.asp?ClassID=5&amp;page=2">下一页</a> <a href="NewsList.asp?ClassID=5&amp;page=9">尾页</a>
            转到：<select name="page" onchange="javascript:location='NewsList.asp?ClassID=5&page='+this.options[this.selectedIndex].value;"><option value="1" selected>第1页</option><option value="2">第2页</option></select>
          </td>
        </tr>
      </table>
    </td>
  </tr>
</table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="60" align="center" class="copyright">版权所有：示例区总工会 &nbsp; 地址：示例区人民路88号 &nbsp; 电话：0000-12345678<br>建议使用1024×768分辨率浏览</td></tr>
</table>
</body>
</html>
"""


DISTRICT_ARTICLE_PARAGRAPHS = [
    "5月16日下午，区总工会召开五一劳模座谈会，全区30余名各级劳动模范和先进工作者代表参加。",
    "座谈会上，来自制造、环卫、医疗、教育等行业的劳模代表结合各自岗位，讲述了立足本职、钻研技术、服务群众的经历。",
    "区总工会负责同志表示，将继续落实劳模疗休养、健康体检和困难劳模帮扶等政策，发挥劳模创新工作室的示范带动作用。",
]


def district_article_html():
    p = DISTRICT_ARTICLE_PARAGRAPHS
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>区总工会召开五一劳模座谈会--示例区总工会</title>
<link href="css/css.css" rel="stylesheet" type="text/css">
</head>
<body leftmargin="0" topmargin="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td><img src="images/top.jpg" width="980" height="120"></td></tr>
</table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="8">
        <tr><td align="center" class="news_title"><font size="4"><b>区总工会召开五一劳模座谈会</b></font></td></tr>
        <tr><td align="center" class="news_info">作者：<span id="author">区总工会宣传部</span>&nbsp;&nbsp;发布时间：<span id="pubtime">2024-5-17 16:40:21</span>&nbsp;&nbsp;点击数：<script src="Count.asp?id=1234"></script></td></tr>
        <tr>
          <td id="fontzoom" class="news_content">
<p>{p[0]}</p>
<p>{p[1]}</p>
<div align="center"><img src="UploadFiles/202405/20240517164012.jpg" border="0"></div>
<p>{p[2]}</p>
<p class="editor">（编辑：刘芳 审核：赵建国）</p>
<table class="share" width="100%"><tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr></table>
          </td>
        </tr>
      </table>
    </td>
  </tr>
</table>
</body>
</html>
"""


def district_case():
    return dict(
        name="district-union-tables-xpath",
        codec="gbk",
        charset="GB18030",
        html=district_list_html(),
        rule=dict(
            base_url="http://www.xxqzgh.example.cn/NewsList.asp?ClassID=5",
            # The server's header says UTF-8; the bytes are GBK, as the <meta> says.
            transport_charset="utf-8",
            now=NOW,
            timezone="Asia/Shanghai",
            # gumbo inserts <tbody>, so "table/tr" finds nothing: "//tr" or "tbody/tr" does.
            item="//table[@id='newslist']//tr[td/a]",
            title="xpath:./td[2]/a",
            link="./td[2]/a/@href",
            date="(./td)[3]",
            next_page="//a[text()='下一页']/@href",
            max_pages=2,
            follow=True,
            article_url="http://www.xxqzgh.example.cn/ShowNews.asp?id=1234",
            article_transport_charset="utf-8",
            article=dict(content="//td[@id='fontzoom']",
                         remove=["//table[@class='share']", "//p[@class='editor']", "//script"],
                         title="//td[@class='news_title']", date="//span[@id='pubtime']",
                         author="//span[@id='author']"),
        ),
        items=DISTRICT_ITEMS,
        next_page="NewsList.asp?ClassID=5&page=2",
        article=dict(
            codec="gbk",
            html=district_article_html(),
            expected=dict(charset="GB18030", title="区总工会召开五一劳模座谈会",
                          date=shanghai(2024, 5, 17, 16, 40, 21), author="区总工会宣传部",
                          content_text="\n".join(DISTRICT_ARTICLE_PARAGRAPHS)),
        ),
    )


# --- 5. Street union: <meta> says utf-8, bytes are GBK; full-width dates; sloppy old markup ----------

STREET_ITEMS = [
    dict(title="街道总工会为环卫工人送去防暑降温物资", link="./t20240517_5678.html",
         date_text=full_width("2024年5月17日"), date=shanghai(2024, 5, 17)),
    dict(title="“职工之家”示范点建设现场观摩会召开", link="./t20240515_5660.html",
         date_text=full_width("2024年5月15日"), date=shanghai(2024, 5, 15)),
    dict(title="辖区企业工会干部参加集体协商业务培训", link="./t20240508_5621.html",
         date_text=full_width("2024年5月8日"), date=shanghai(2024, 5, 8)),
    dict(title="街道总工会开展女职工权益保护法律宣传", link="./t20240430_5590.html",
         date_text=full_width("2024年04月30日"), date=shanghai(2024, 4, 30)),
    dict(title="社区“爱心驿站”为户外劳动者提供暖心服务", link="../tzgg/t20240426_5571.html",
         date_text=full_width("2024年4月26日"), date=shanghai(2024, 4, 26)),
]


def street_list_html():
    # Unclosed <li> and <p>, unquoted attributes, a stray </div>: the markup old editors leave.
    rows = "\n".join(
        f'<li><a href={i["link"]} target=_blank>{i["title"]}</a><span class=rq>{i["date_text"]}</span>'
        for i in STREET_ITEMS)
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>工作动态_示例街道总工会</title>
<style>.rq{{float:right;color:#999}} .list li{{line-height:30px;border-bottom:1px dashed #ddd}}</style>
</head>
<body>
<div class=top><img src=../images/top.jpg></div>
<div class=nav><a href=../index.html>首页</a> <a href=./index.html>工作动态</a> <a href=../tzgg/index.html>通知公告</a> <a href=../zcfg/index.html>政策法规</a></div>
<div class=main>
<div class=pos>当前位置：首页 &gt; 工作动态</div>
<ul class=list>
{rows}
</ul>
<p class=pager>共5条 <span>首页</span> <span>上一页</span> <a href="javascript:;" class=dis>下一页</a> <span>尾页</span>
</div></div>
<div class=foot>示例街道总工会 版权所有<br>本站所有新闻内容均为原创，转载请注明出处。
</body>
</html>
"""


def street_case():
    return dict(
        name="street-union-mislabelled-utf8-meta",
        codec="gbk",
        charset="GB18030",
        html=street_list_html(),
        rule=dict(
            base_url="http://www.jdzgh.example.cn/gzdt/index.html",
            transport_charset="",
            now=NOW,
            timezone="Asia/Shanghai",
            item="ul.list > li",
            title="a",
            link="a",
            date="span.rq",
            # On the last page the next link is "javascript:;": no next page.
            next_page="p.pager a:contains('下一页')",
            max_pages=3,
        ),
        items=STREET_ITEMS,
        next_page=None,
    )


# --- 6. Rolling news with relative dates ("3小时前", "昨天 10:20"), root-relative links --------------

ROLLING_ITEMS = [
    dict(title="快递员小哥有了“新家” 区级快递行业工会联合会成立", link="/n1/2024/0517/c123.html",
         date_text="15分钟前", date=shanghai(2024, 5, 17, 11, 45)),
    dict(title="一线职工代表走进劳模创新工作室学习先进操作法", link="/n1/2024/0517/c118.html",
         date_text="3小时前", date=shanghai(2024, 5, 17, 9, 0)),
    dict(title="职工服务中心推出夜间法律咨询服务", link="/n1/2024/0517/c112.html",
         date_text="今天 08:30", date=shanghai(2024, 5, 17, 8, 30)),
    dict(title="货车司机“司机之家”新增淋浴、洗衣设施", link="/n1/2024/0516/c097.html",
         date_text="昨天 10:20", date=shanghai(2024, 5, 16, 10, 20)),
    dict(title="化工园区开展危化品泄漏应急演练", link="/n1/2024/0515/c081.html",
         date_text="前天 16:05", date=shanghai(2024, 5, 15, 16, 5)),
    dict(title="女职工关爱室建设标准发布", link="/n1/2024/0515/c076.html",
         date_text="2天前", date=shanghai(2024, 5, 15, 12, 0)),
    dict(title="工会驿站地图上线 可查询周边1800余家驿站", link="/n1/2024/0514/c060.html",
         date_text="05-14 18:30", date=shanghai(2024, 5, 14, 18, 30)),
    dict(title="职工书屋图书更新 新增技能类图书3000册", link="/n1/2024/0510/c022.html",
         date_text="2024-05-10", date=shanghai(2024, 5, 10)),
]


def rolling_list_html():
    rows = "\n".join(
        f"""    <div class="news-item" data-id="{n}">
      <a class="news-link" href="{i["link"]}"><h4 class="news-title">{i["title"]}</h4></a>
      <div class="news-foot"><span class="news-src">中工网</span><em class="news-time">{i["date_text"]}</em></div>
    </div>"""
        for n, i in enumerate(ROLLING_ITEMS, start=1))
    return f"""<!doctype html>
<html lang="zh-cmn-Hans">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=no">
<title>滚动新闻</title>
<link rel="stylesheet" href="/static/css/m.min.css">
<script>!function(e){{var t=e.documentElement;function n(){{t.style.fontSize=t.clientWidth/7.5+"px"}}n(),window.addEventListener("resize",n)}}(document);</script>
</head>
<body>
<header class="m-head"><a href="/" class="m-logo">工会新闻</a><a href="/search" class="m-search">搜索</a></header>
<nav class="m-tabs"><a href="/news/" class="on">滚动</a><a href="/lm/">劳模</a><a href="/wq/">维权</a></nav>
<main id="list">
{rows}
</main>
<div class="page_n"><span>上一页</span> <a href="index2.html">下一页</a></div>
<footer class="m-foot">©2024 示例工会新闻客户端</footer>
<script src="/static/js/m.min.js"></script>
<script>window.__INITIAL_STATE__={{"page":1,"size":8,"channel":"gundong"}};</script>
</body>
</html>
"""


def rolling_case():
    return dict(
        name="rolling-news-relative-dates",
        codec="utf-8",
        charset="UTF-8",
        html=rolling_list_html(),
        rule=dict(
            base_url="https://m.unionnews.example.cn/news/index.html",
            transport_charset="utf-8",
            now=NOW,
            timezone="Asia/Shanghai",
            item="main#list > div.news-item",
            title="h4.news-title",
            link="a.news-link",
            date="em.news-time",
            author="span.news-src",
            next_page="div.page_n a:contains('下一页')",
            max_pages=2,
        ),
        items=[dict(i, author="中工网") for i in ROLLING_ITEMS],
        next_page="index2.html",
    )


# --- 7. Modern city union site: UTF-8 with a BOM but <meta charset=gbk>; <time>; undated items -------

MODERN_ITEMS = [
    # Pinned items carry no date on the list.
    dict(title="【置顶】2024年职工疗休养报名通道开启", link="/ghdt/2024/0506/1288.html", date_text=None, date=None,
         summary="符合条件的一线职工可通过会员服务平台在线报名，名额按单位分配。", image="/uploads/2024/05/liaoxiuyang.jpg"),
    dict(title="【置顶】工会会员服务卡办理指南", link="/fwzn/card.html", date_text=None, date=None,
         summary="办理条件、所需材料、办理流程一图读懂。"),
    dict(title="市总工会与人社局联合举办新就业形态劳动者专场招聘", link="/ghdt/2024/0517/1301.html",
         date_text="2024-05-17 09:12", datetime_attr="2024-05-17T09:12:00+08:00", date=shanghai(2024, 5, 17, 9, 12),
         summary="招聘会提供岗位2100余个，现场设置权益咨询和入会服务台。", image="/uploads/2024/05/zhaopin.jpg"),
    dict(title="“工匠学院”首期数字技能培训班结业", link="https://mp.weixin.qq.com/s/Xq3Lk9PzW2bYvN7aRt5cUe",
         date_text="2024-05-16 18:00", datetime_attr="2024-05-16T18:00:00+08:00", date=shanghai(2024, 5, 16, 18),
         summary="120名学员完成工业机器人运维、数据标注等课程。"),
    dict(title="职工医疗互助保障活动年度理赔情况公布", link="/ghdt/2024/0515/1290.html",
         date_text="2024-05-15", datetime_attr="2024-05-15", date=shanghai(2024, 5, 15),
         summary="全年共为1.6万人次职工发放互助金。", image="/uploads/2024/05/huzhu.png"),
    # A <time> without a datetime attribute: its text is read.
    dict(title="夏季安全生产大检查启动", link="/ghdt/2024/0513/1279.html",
         date_text="2024-05-13", datetime_attr=None, date=shanghai(2024, 5, 13),
         summary="重点检查有限空间、高处作业和电气线路安全。"),
    # The date is a placeholder the CMS never filled: no date.
    dict(title="劳模工匠宣讲团走进企业", link="/ghdt/2024/0512/1275.html",
         date_text="待定", datetime_attr=None, date=None, summary="宣讲团由6名全国和省市劳模组成。"),
]


def modern_list_html():
    cards = []
    for i in MODERN_ITEMS:
        picture = ""
        if i.get("image"):
            picture = (f'\n        <div class="card-img"><img class="lazy" src="/static/img/placeholder.gif" '
                       f'data-src="{i["image"]}" alt="{i["title"]}"></div>')
        when = ""
        if i["date_text"] is not None:
            attr = f' datetime="{i["datetime_attr"]}"' if i.get("datetime_attr") else ""
            when = f'<time{attr}>{i["date_text"]}</time>'
        cards.append(f"""      <article class="card">{picture}
        <div class="card-body">
          <h2 class="card-title"><a href="{i["link"]}">{i["title"]}</a></h2>
          <p class="desc">{i["summary"]}</p>
          <div class="card-meta">{when}<span class="views">阅读 1024</span></div>
        </div>
      </article>""")
    cards = "\n".join(cards)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="gbk">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>工会动态 | 示例市总工会</title>
<link rel="stylesheet" href="/static/css/app.3f9a1c.css">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"CollectionPage","name":"工会动态"}}</script>
</head>
<body>
<header class="site-header"><a class="brand" href="/">示例市总工会</a>
  <nav><a href="/">首页</a><a href="/ghdt/" aria-current="page">工会动态</a><a href="/fwzn/">服务指南</a></nav>
</header>
<main class="container">
  <section class="list">
{cards}
  </section>
  <div class="load-more"><button type="button" data-next="/api/list?page=2">加载更多</button></div>
</main>
<aside class="share-bar"><a class="share-wx">微信</a><a class="share-wb">微博</a></aside>
<script src="/static/js/lazyload.min.js"></script>
<script>new LazyLoad({{elements_selector: ".lazy"}});</script>
</body>
</html>
"""


def modern_case():
    return dict(
        name="modern-bom-undated-items",
        codec="utf-8",
        bom=True,
        charset="UTF-8",
        html=modern_list_html(),
        rule=dict(
            base_url="https://www.szgh.example.cn/ghdt/",
            transport_charset="",
            now=NOW,
            timezone="Asia/Shanghai",
            item="section.list > article.card",
            title="h2.card-title",
            link="h2.card-title a",
            date="time",
            summary="p.desc",
            image="img::attr(data-src)",
            # "加载更多" is a button, not a link: nothing to follow.
            next_page="a.next",
        ),
        items=[{k: v for k, v in i.items()} for i in MODERN_ITEMS],
        next_page=None,
    )


# --- 8. ACFTU English pages: explicit date_formats, CSS on a table, transport says ISO-8859-1 --------

ENGLISH_ITEMS = [
    dict(title="ACFTU honours model workers ahead of May Day", link="2024-05/17/c_889.htm", date_text="17/05/2024",
         date=shanghai(2024, 5, 17)),
    dict(title="Unions step up “Ankang Cup” workplace safety campaign", link="2024-05/16/c_885.htm",
         date_text="16/05/2024", date=shanghai(2024, 5, 16)),
    dict(title="Skills contest draws 30,000 workers — winners eligible for higher grades",
         link="2024-05/09/c_871.htm", date_text="09/05/2024", date=shanghai(2024, 5, 9)),
    dict(title="Legal aid centres recover unpaid wages for migrant workers", link="../archive/2024-04/30/c_850.htm",
         date_text="30/04/2024", date=shanghai(2024, 4, 30)),
    dict(title="Delegation visits Zürich-based labour research institute", link="2024-04/12/c_812.htm",
         date_text="12/04/2024", date=shanghai(2024, 4, 12)),
]


def english_list_html():
    rows = "\n".join(
        f"""    <tr>
      <td class="d">{i["date_text"]}</td>
      <td><a href="{i["link"]}">{i["title"]}</a></td>
    </tr>"""
        for i in ENGLISH_ITEMS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>News - All-China Federation of Trade Unions</title>
</head>
<body>
<div id="header"><a href="/"><img src="/images/en_logo.png" alt="ACFTU"></a></div>
<div id="column">
  <h1>News</h1>
  <table class="news" width="100%">
    <tr><th>Date</th><th>Title</th></tr>
{rows}
  </table>
  <p class="pages"><a href="news_2.htm" rel="next">Next &raquo;</a></p>
</div>
<div id="footer">Copyright &copy; ACFTU. All rights reserved.</div>
</body>
</html>
"""


def english_case():
    return dict(
        name="acftu-english-date-formats",
        codec="utf-8",
        charset="UTF-8",
        html=english_list_html(),
        rule=dict(
            base_url="https://en.acftu.org/news/news.htm",
            # The server says ISO-8859-1; the bytes are UTF-8 (curly quotes, em dash, ü).
            transport_charset="iso-8859-1",
            now=NOW,
            timezone="Asia/Shanghai",
            item="table.news tr:nth-child(n+2)",
            title="td:nth-of-type(2) a",
            link="td:nth-of-type(2) a::attr(href)",
            date="td.d::text",
            date_formats=["%d/%m/%Y", "%b %d, %Y"],
            next_page="a[rel=next]",
        ),
        items=ENGLISH_ITEMS,
        next_page="news_2.htm",
    )


# --- 9. Hong Kong union site in Big5 ----------------------------------------------------------------

BIG5_ITEMS = [
    dict(title="工聯會舉辦職安健講座 關注戶外工作人員酷熱天氣保障", link="/news/2024/05/17/n1088.html",
         date_text="2024年5月17日 10:30", date=shanghai(2024, 5, 17, 10, 30)),
    dict(title="技能培訓課程新學期接受報名", link="/news/2024/05/15/n1081.html",
         date_text="2024年5月15日 15:00", date=shanghai(2024, 5, 15, 15)),
    dict(title="勞工顧問團隊協助外判清潔工追討欠薪", link="/news/2024/05/10/n1065.html",
         date_text="2024年5月10日 09:45", date=shanghai(2024, 5, 10, 9, 45)),
]


def big5_list_html():
    rows = "\n".join(
        f'<dl><dt><a href="{i["link"]}">{i["title"]}</a></dt><dd class="date">{i["date_text"]}</dd></dl>'
        for i in BIG5_ITEMS)
    return f"""<!DOCTYPE html>
<html lang="zh-HK">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=big5">
<title>最新消息 - 示例工會聯合會</title>
</head>
<body>
<div class="banner">示例工會聯合會</div>
<div class="newsbox">
{rows}
</div>
<div class="pagination"><a href="?page=2">下一頁</a></div>
</body>
</html>
"""


def big5_case():
    return dict(
        name="hk-union-big5",
        codec="big5",
        charset="Big5",
        html=big5_list_html(),
        rule=dict(
            base_url="https://www.hkunion.example.org.hk/news/index.php",
            transport_charset="",
            now=NOW,
            # Hong Kong time is UTC+8 as well.
            timezone="Asia/Hong_Kong",
            item="div.newsbox > dl",
            title="dt a",
            link="dt a",
            date="dd.date",
            next_page="div.pagination a:contains('下一頁')",
        ),
        items=BIG5_ITEMS,
        next_page="?page=2",
    )


CASES = [
    workercn_case(),
    acftu_case(),
    city_case(),
    district_case(),
    street_case(),
    rolling_case(),
    modern_case(),
    english_case(),
    big5_case(),
]


# === Demo pages for `make run` (config/samples/scrape/) ==============================================
# Dates are the week before the demo's "now" (late November 2026). Links between pages are relative,
# so the pages work from any directory the daemon reads them in.

WD_ARTICLES = [
    dict(id="9102345", day="2026-11-24", time="09:15", author="工人日报",
         title="全国职工职业技能大赛决赛闭幕 126名选手获评技术能手",
         summary="决赛设置钳工、电工、焊工、数控车工等12个赛项，来自各行业的选手同场竞技。",
         paragraphs=[
             "本报讯（记者 林一舟）11月23日，为期五天的全国职工职业技能大赛决赛落下帷幕。来自31个省区市和产业系统的近千名选手参加了12个赛项的比拼。",
             "与往届相比，本届赛题更加贴近企业生产实际。焊工赛项要求选手在限定时间内完成管道全位置焊接，数控车工赛项则首次引入了在线质量检测环节。",
             "经过理论考试和实际操作两轮比拼，126名选手获评技术能手，其中45岁以下青年职工占比超过七成。按照有关规定，获奖选手可晋升相应职业技能等级。",
             "赛事组委会表示，将把竞赛中涌现的优秀操作法整理成册，在行业内推广，让一人的绝活变成一个班组、一家企业的本领。",
         ]),
    dict(id="9101872", day="2026-11-23", time="16:40", author="工人日报",
         title="冬季安全生产专项行动启动 工会劳动保护监督员走进一线班组",
         summary="行动聚焦供暖、燃气、建筑施工和危化品等重点领域，持续到明年2月。",
         paragraphs=[
             "入冬以来，各地工会陆续启动冬季安全生产专项行动，组织劳动保护监督检查员深入车间、工地和仓库，查隐患、讲规程。",
             "在一家热力公司的换热站，监督员逐项核对设备巡检记录，提醒班组长检查有限空间作业的通风和检测设备是否完好。",
             "“冬季作业环境变化大，低温、冰雪、取暖用火用电都会带来新的风险。”一位有着二十年经验的监督员说，检查的重点是把规程落实到每一次交接班。",
             "截至目前，参与行动的工会组织已排查各类隐患1300余项，督促整改1100余项，对暂时无法整改的隐患建立了跟踪台账。",
         ]),
    dict(id="9101206", day="2026-11-22", time="10:05", author="工人日报",
         title="“两节”送温暖资金提前下拨 困难职工帮扶实现精准对接",
         summary="各级工会对建档困难职工逐户走访，按照“一户一策”落实生活、就医和子女就学帮扶。",
         paragraphs=[
             "距离元旦还有一个多月，各级工会已将“两节”送温暖资金提前下拨到基层，确保慰问款物在节前送到职工手中。",
             "今年的送温暖活动更加注重精准。工会干部对建档困难职工逐户走访，核实家庭收入、就医和子女就学情况，分别制定帮扶措施。",
             "对因病致困的职工，工会协调医疗互助保障和大病救助资金；对子女就学有困难的家庭，落实助学金并联系企业提供实习岗位。",
             "除了资金和物资，不少地方还把职业技能培训和就业推荐纳入帮扶内容，帮助有劳动能力的困难职工稳定增收。",
         ]),
    dict(id="9100654", day="2026-11-21", time="14:30", author="工人日报",
         title="快递骑手劳动报酬集体协商取得新进展",
         summary="行业工会与平台企业就计件单价、恶劣天气补贴和休息时间达成共识。",
         paragraphs=[
             "经过三轮协商，某市快递行业工会联合会与区域内主要快递企业就骑手劳动报酬问题签订了集体合同。",
             "合同明确，计件单价调整前须听取骑手代表意见；遇到暴雨、暴雪、高温等恶劣天气，企业按单发放补贴；骑手每月至少享有四天休息。",
             "参与协商的骑手代表说，以前对派费怎么定心里没底，现在有了集体合同，大家说话更有底气了。",
             "据了解，该市已有超过八成的快递网点建立了工会组织，新就业形态劳动者入会人数持续增长。",
         ]),
    dict(id="9099418", day="2026-11-19", time="11:20", author="中工网",
         title="百名劳模工匠进企业宣讲 讲述岗位上的创新故事",
         summary="宣讲团成员来自制造、交通、医疗和城市服务等行业。",
         paragraphs=[
             "11月以来，由百名劳模工匠组成的宣讲团走进工厂、码头和医院，与一线职工面对面交流。",
             "一位桥梁焊接专家讲述了自己从学徒到首席技师的成长经历，现场演示了他总结的仰焊操作要领，台下青年职工听得格外认真。",
             "宣讲结束后，不少企业与劳模创新工作室签订了结对协议，围绕生产中的技术难题开展联合攻关。",
         ]),
    dict(id="9098830", day="2026-11-18", time="08:50", author="中工网",
         title="职工法律援助“一站式”服务覆盖全部县区",
         summary="职工可就近获得法律咨询、劳动争议调解和代理诉讼服务。",
         paragraphs=[
             "记者从有关部门获悉，职工法律援助“一站式”服务窗口已在全省所有县区设立，劳动争议调解、仲裁代理和诉讼代理可在一个窗口办理。",
             "今年以来，各服务窗口共接待职工咨询2.3万人次，办理法律援助案件3100余件，为职工挽回经济损失1.8亿元。",
             "工会法律工作者提醒，遇到拖欠工资、未签劳动合同等问题，职工应注意保存考勤记录、工资流水和聊天记录等证据。",
         ]),
]


def wd_list_page(articles, page, pages):
    rows = "\n".join(
        f"""          <li>
            <h3><a href="c/{a["day"]}/{a["id"]}.html" target="_blank">{a["title"]}</a></h3>
            <p class="intro">{a["summary"]}</p>
            <div class="meta"><span class="date">{a["day"]} {a["time"]}</span><span class="src">来源：{a["author"]}</span></div>
          </li>"""
        for a in articles)
    previous = '<span class="disabled">上一页</span>' if page == 1 else \
        f'<a href="{"index.html" if page == 2 else f"index_{page - 1}.html"}">上一页</a>'
    following = f'<a href="index_{page + 1}.html">下一页</a>' if page < pages else '<span class="disabled">下一页</span>'
    numbers = " ".join(
        f'<span class="current">{n}</span>' if n == page else
        f'<a href="{"index.html" if n == 1 else f"index_{n}.html"}">{n}</a>'
        for n in range(1, pages + 1))
    last = "index.html" if pages == 1 else f"index_{pages}.html"
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>工会新闻_示例工人日报网（离线演示）</title>
{BAIDU_STATS}
</head>
<body>
<div class="header w1200">
  <a href="index.html" class="logo">示例工人日报网</a>
  <ul class="nav"><li><a href="index.html">工会新闻</a></li><li><a href="#">劳模</a></li><li><a href="#">维权</a></li></ul>
</div>
<div class="crumb w1200">当前位置：<a href="index.html">首页</a> &gt; 工会新闻</div>
<div class="main w1200">
  <div class="list_box">
    <ul>
{rows}
    </ul>
  </div>
  <div class="page">
    <a href="index.html">首页</a> {previous} {numbers} {following} <a href="{last}">尾页</a>
  </div>
{SHARE_WIDGET}
</div>
<div class="footer">离线演示页面：内容为示例稿件，人物与事件均为虚构。</div>
</body>
</html>
"""


def wd_article_page(a):
    paragraphs = "\n".join(f"      <p>{p}</p>" for p in a["paragraphs"])
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{a["title"]}_示例工人日报网（离线演示）</title>
{BAIDU_STATS}
</head>
<body>
<div class="crumb w1200">当前位置：<a href="../../index.html">首页</a> &gt; <a href="../../index.html">工会新闻</a> &gt; 正文</div>
<div class="main w1200">
  <div class="ccontent">
    <h1>{a["title"]}</h1>
    <div class="info">
      <span class="time">{a["day"]} {a["time"]}</span>
      来源：<span class="source">{a["author"]}</span>
    </div>
    <div class="TRS_Editor">
{paragraphs}
{SHARE_WIDGET}
      <p class="editor">（责任编辑：示例）</p>
    </div>
  </div>
</div>
</body>
</html>
"""


DU_ARTICLES = [
    dict(id="301", day="2026-11-24", clock="16:40:21", author="区总工会宣传部",
         title="区总工会召开2026年度劳模表彰大会",
         paragraphs=[
             "11月24日下午，区总工会召开2026年度劳模表彰大会，20名职工被授予区劳动模范称号，10个班组被评为区工人先锋号。",
             "受表彰的劳模中，有坚守环卫岗位二十余年的清洁工，有带领团队攻克设备难题的机修工，也有扎根社区的护士和教师。",
             "区总工会将为新当选劳模安排健康体检和疗休养，并在劳模创新工作室建设、技术攻关项目申报等方面给予支持。",
         ]),
    dict(id="298", day="2026-11-22", clock="10:12:05", author="区总工会经济技术部",
         title="区总工会联合应急管理部门开展冬季消防安全检查",
         paragraphs=[
             "为做好冬季安全生产工作，区总工会联合区应急管理部门对辖区商场、仓储物流和建筑工地开展消防安全检查。",
             "检查组重点查看了疏散通道、消防器材和电气线路，对发现的12处问题当场提出整改要求，并向职工发放了安全知识手册。",
             "区总工会要求各基层工会发挥劳动保护监督作用，组织职工开展应急疏散演练，提高自救互救能力。",
         ]),
    dict(id="295", day="2026-11-20", clock="15:30:00", author="区困难职工帮扶中心",
         title="“冬送温暖”活动走访慰问困难职工120户",
         paragraphs=[
             "连日来，区总工会班子成员和帮扶中心工作人员分组走访慰问困难职工家庭，送去慰问金和米、油、棉被等生活用品。",
             "在一户因病致困的职工家中，工作人员详细了解治疗费用和报销情况，协助办理医疗互助保障理赔手续。",
             "本次活动共走访慰问困难职工120户、困难劳模8名，发放慰问金和物资折合36万元。",
         ]),
    dict(id="292", day="2026-11-18", clock="09:05:47", author="区总工会宣传部",
         title="区职工电工技能比武决出前三名",
         paragraphs=[
             "11月18日，区职工电工技能比武在区职业技术学校举行，来自38家企业的76名电工参赛。",
             "比武分为理论考试和实际操作两部分，实操项目包括照明线路安装、电动机控制电路接线和故障排查。",
             "获得前三名的选手将代表本区参加市级比赛，并按规定申报相应的职业技能等级。",
         ]),
]


def du_list_page():
    rows = "\n".join(
        f"""                <tr>
                  <td width="20" height="26" align="center"><img src="images/dot.gif" width="5" height="5"></td>
                  <td><a href="Article/HTML/{a["id"]}.html" target="_blank" title="{a["title"]}">{a["title"]}</a></td>
                  <td width="90" align="right" class="date">{a["day"]}</td>
                </tr>
                <tr><td colspan="3" height="1" background="images/line.gif"></td></tr>"""
        for a in DU_ARTICLES)
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>工会动态--示例区总工会（离线演示）</title>
<script language="JavaScript">
<!--
function MM_openBrWindow(theURL,winName,features) {{ window.open(theURL,winName,features); }}
//-->
</script>
</head>
<body leftmargin="0" topmargin="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="32" class="menu"><a href="index.html">网站首页</a> | <a href="index.html">工会动态</a></td></tr>
</table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td width="230" valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td class="left_title">栏目导航</td></tr>
        <tr><td><a href="index.html">工会动态</a></td></tr>
      </table>
    </td>
    <td valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td height="30" class="title_bg">&nbsp;当前位置：首页 &gt;&gt; 工会动态</td></tr>
        <tr>
          <td>
            <table width="100%" border="0" cellspacing="0" cellpadding="0" id="newslist">
{rows}
            </table>
          </td>
        </tr>
        <tr><td height="40" align="center">共 4 条记录 页次：1/1</td></tr>
      </table>
    </td>
  </tr>
</table>
<table width="980" border="0" align="center"><tr><td align="center">离线演示页面：内容为示例稿件，人物与事件均为虚构。</td></tr></table>
</body>
</html>
"""


def du_article_page(a):
    paragraphs = "\n".join(f"<p>　　{p}</p>" for p in a["paragraphs"])
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{a["title"]}--示例区总工会（离线演示）</title>
</head>
<body leftmargin="0" topmargin="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="8">
        <tr><td align="center" class="news_title"><font size="4"><b>{a["title"]}</b></font></td></tr>
        <tr><td align="center" class="news_info">作者：<span id="author">{a["author"]}</span>&nbsp;&nbsp;发布时间：<span id="pubtime">{a["day"]} {a["clock"]}</span>&nbsp;&nbsp;点击数：<script src="../../Count.asp?id={a["id"]}"></script></td></tr>
        <tr>
          <td id="fontzoom" class="news_content">
{paragraphs}
<p class="editor">（编辑：示例）</p>
<table class="share" width="100%"><tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr></table>
          </td>
        </tr>
      </table>
    </td>
  </tr>
</table>
</body>
</html>
"""


def workers_daily_sample():
    files = {
        "workers-daily/index.html": (wd_list_page(WD_ARTICLES[:4], 1, 2), "utf-8"),
        "workers-daily/index_2.html": (wd_list_page(WD_ARTICLES[4:], 2, 2), "utf-8"),
    }
    for a in WD_ARTICLES:
        files[f"workers-daily/c/{a['day']}/{a['id']}.html"] = (wd_article_page(a), "utf-8")
    return dict(files=files)


def district_union_sample():
    files = {"district-union/index.html": (du_list_page(), "gbk")}
    for a in DU_ARTICLES:
        files[f"district-union/Article/HTML/{a['id']}.html"] = (du_article_page(a), "gbk")
    return dict(files=files)


SAMPLES = [workers_daily_sample(), district_union_sample()]

def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def write_json(path, value):
    text = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    write_bytes(path, text.encode("utf-8"))


def encode_page(html, codec, bom=False):
    data = html.encode(codec)
    return (b"\xef\xbb\xbf" + data) if bom else data


def write_case(case):
    folder = os.path.join(FIXTURES, case["name"])
    write_bytes(os.path.join(folder, "page.html"), encode_page(case["html"], case["codec"], case.get("bom", False)))
    write_json(os.path.join(folder, "rule.json"), case["rule"])
    base = case["rule"]["base_url"]
    items = []
    for item in case["items"]:
        items.append(
            {
                "title": item["title"],
                "link": urljoin(base, item["link"]),
                "date": item["date"],
                "summary": item.get("summary"),
                "image": urljoin(base, item["image"]) if item.get("image") else None,
                "author": item.get("author"),
            }
        )
    next_page = urljoin(base, case["next_page"]) if case.get("next_page") else None
    write_json(
        os.path.join(folder, "expected.json"),
        {"charset": case["charset"], "items": items, "next_page": next_page},
    )
    article = case.get("article")
    if article:
        write_bytes(os.path.join(folder, "article.html"), encode_page(article["html"], article["codec"]))
        write_json(os.path.join(folder, "expected_article.json"), article["expected"])


def write_sample(sample):
    for relative, (html, codec) in sample["files"].items():
        write_bytes(os.path.join(SAMPLES_DIR, relative), encode_page(html, codec))


def main():
    for case in CASES:
        write_case(case)
    for sample in SAMPLES:
        write_sample(sample)
    print(f"wrote {len(CASES)} fixtures under {os.path.relpath(FIXTURES, ROOT)} "
          f"and {len(SAMPLES)} sample sites under {os.path.relpath(SAMPLES_DIR, ROOT)}")


if __name__ == "__main__":
    main()
