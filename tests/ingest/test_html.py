"""HTML pages: main text kept, scripts, styles, navigation and chrome dropped, metadata read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lawgraph.ingest import read_report
from lawgraph.ingest.html import html_to_text

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>某县人民政府关于2023年度法治政府建设情况的报告_某县人民政府门户网站</title>
<meta name="PubDate" content="2024-01-20 10:30">
<meta name="ContentSource" content="某县司法局">
<link rel="canonical" href="https://www.example.gov.cn/zwgk/2024/report.html">
<style>.nav { color: red }</style>
<script>var menu = ["首页", "政务公开"]; document.write("脚本文字");</script>
</head>
<body>
<div class="header"><div class="logo">某县人民政府</div>
<ul><li><a href="/">首页</a></li><li>政务公开</li><li>互动交流</li><li>办事服务</li></ul>
<div class="links">首页 政务公开 互动交流 走进某县</div></div>
<nav><ul><li>机构设置</li><li>政策文件</li></ul></nav>
<div class="breadcrumb">您当前的位置：首页 &gt; 政务公开 &gt; 工作报告</div>
<div class="article">
  <h1>某县人民政府关于2023年度法治政府建设情况的报告</h1>
  <div class="info">发布时间：2024-01-20　来源：某县司法局　【字体：大 中 小】【打印】</div>
  <p>　　2023年，我县坚持依法行政，
  各项工作取得新进展。</p>
  <p>一、完善制度建设</p>
  <p>（一）健全决策机制。县政府印发《某县重大行政决策程序规定》。</p>
  <table><tr><td>受理案件</td><td>35件</td></tr></table>
</div>
<div class="share">分享到：微信 微博</div>
<div id="footer">版权所有：某县人民政府办公室　主办：某县人民政府　ICP备12345678号</div>
</body></html>
"""


def test_html_to_text_drops_scripts_styles_and_navigation() -> None:
    page = html_to_text(PAGE)
    assert "脚本文字" not in page.text and "color" not in page.text
    assert "机构设置" not in page.text and "分享到" not in page.text and "版权所有" not in page.text
    assert "我县坚持依法行政,\n" not in page.text  # a source line break inside a <p> is not a paragraph
    assert "(一)健全决策机制" in page.text.replace("（", "(").replace("）", ")")
    assert page.title == "某县人民政府关于2023年度法治政府建设情况的报告_某县人民政府门户网站"
    assert page.published == "2024-01-20 10:30"
    assert page.source == "某县司法局"
    assert page.url == "https://www.example.gov.cn/zwgk/2024/report.html"


def test_read_html_report(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    report = read_report(path)
    assert report.name == "page.html"
    assert report.meta.title == "某县人民政府关于2023年度法治政府建设情况的报告"
    assert report.meta.published == dt.date(2024, 1, 20)
    assert report.meta.date == dt.date(2024, 1, 20)
    assert report.meta.source == "某县司法局"
    assert report.meta.year == 2023
    assert report.meta.url == "https://www.example.gov.cn/zwgk/2024/report.html"
    for chrome in (
        "您当前的位置", "字体", "打印", "分享到", "版权所有", "ICP", "首页", "政务公开", "互动交流", "来源"
    ):
        assert chrome not in report.text, chrome
    assert "2023年,我县坚持依法行政,各项工作取得新进展。" in report.text
    # the <h1> after the menu
    assert report.text.startswith("某县人民政府关于2023年度法治政府建设情况的报告\n")
    assert [(s.level, s.title) for s in report.sections] == [(1, "完善制度建设"), (2, "健全决策机制")]
    assert "受理案件 35件" in report.text


def test_gbk_html_page(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.replace('charset="utf-8"', 'charset="gbk"').encode("gbk"))
    report = read_report(path)
    assert "《某县重大行政决策程序规定》" in report.text


def test_nested_chrome_elements_are_dropped_once() -> None:
    page = html_to_text(
        '<body><nav class="menu"><ul class="nav"><li class="menu">甲</li></ul></nav><p>正文。</p></body>'
    )
    assert page.text == "正文。"


def test_prose_survives_a_misleading_class_name() -> None:
    prose = "".join(f"第{i}句话。" for i in range(5))
    page = html_to_text(f'<body><div class="top-content"><p>{prose}</p></div></body>')
    assert page.text == prose


def test_source_is_read_from_the_info_line_when_meta_tags_are_missing(tmp_path: Path) -> None:
    path = tmp_path / "plain.html"
    path.write_text(
        "<html><head><title>关于某镇2022年法治建设情况的报告</title></head><body>"
        "<div class='info'>发布时间：2023-02-01　来源：某镇人民政府　【字体：大 中 小】【打印】</div>"
        "<p>某镇推进依法行政，成效明显。</p></body></html>",
        encoding="utf-8",
    )
    report = read_report(path)
    assert report.meta.source == "某镇人民政府"
    assert report.meta.published == dt.date(2023, 2, 1)
    assert report.meta.title == "关于某镇2022年法治建设情况的报告"
    assert report.text == "某镇推进依法行政,成效明显。"


def test_declared_big5_page(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="big5"><title>縣政府報告</title></head>'
        "<body><p>中華民國縣政府依法行政。</p></body></html>"
    )
    path = tmp_path / "big5.html"
    path.write_bytes(page.encode("big5"))
    report = read_report(path)
    assert report.text == "中華民國縣政府依法行政。"
    assert report.meta.title == "縣政府報告"


CMS_PAGE = """<html><head><title>某区2022年法治政府建设年度报告-某区人民政府</title></head><body>
<div class="main">
<div class="pos">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a>法治政府建设</a></div>
<div class="title">某区2022年法治政府建设年度报告</div>
<div class="info"><span>发布时间：2023-03-28 09:00</span><span>来源：某区司法局</span><span>字号：[大][中][小]</span></div>
<div class="TRS_Editor">
<p style="text-indent:2em"><span style="font-family:仿宋">2022年，区政府认真履行法治建设职责。</span></p>
<p style="text-indent:2em"><strong>一、主要举措</strong></p>
<p style="text-indent:2em">（一）完善制度。区政府出台<span>《某区行政规范性文件管理办法》</span>。</p>
</div></div></body></html>
"""  # noqa: E501 (markup as a CMS writes it: breaking its lines would change the page under test)


def test_cms_page_with_inline_info_spans(tmp_path: Path) -> None:
    path = tmp_path / "cms.htm"
    path.write_text(CMS_PAGE, encoding="utf-8")
    report = read_report(path)
    assert report.meta.title == "某区2022年法治政府建设年度报告"
    assert report.meta.published == dt.date(2023, 3, 28)
    assert report.meta.source == "某区司法局"
    assert report.meta.year == 2022
    assert report.text.splitlines() == [
        "某区2022年法治政府建设年度报告",
        "2022年,区政府认真履行法治建设职责。",
        "一、主要举措",
        "(一)完善制度。区政府出台《某区行政规范性文件管理办法》。",
    ]


def test_page_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(
        "<!DOCTYPE html><html><body><script>x()</script><p>县政府依法行政。</p></body></html>",
        encoding="utf-8",
    )
    assert read_report(path).text == "县政府依法行政。"
