"""Page chrome in crawled text: removed from the body, metadata kept."""

from __future__ import annotations

from lawgraph.ingest.chrome import is_heading_line, strip_chrome
from lawgraph.ingest.normalize import normalize_text

CRAWLED = """\
您当前的位置 : 某市门户网站 >> 政务公开 >> 工作报告 >>

某市司法局2023年法治政府建设情况报告

 2024/02/03/ 15:40 来源:某市司法局

【打印】【字体：大 中 小】【关闭】

  2023年，市司法局全面推进依法行政，办理行政复议案件58件。

  一、主要工作

  （一）加强普法宣传。全年开展普法活动120场。

某市门户网站

官方微信
官方微博
分享到
返 回
顶 部

版权所有：某市人民政府办公室
ICP备案编号：某ICP备00000000号
"""


def test_crawled_chrome_is_removed_and_metadata_kept() -> None:
    body, fields = strip_chrome(normalize_text(CRAWLED))
    assert body.splitlines() == [
        "某市司法局2023年法治政府建设情况报告",
        "",
        "2023年,市司法局全面推进依法行政,办理行政复议案件58件。",
        "",
        "一、主要工作",
        "",
        "(一)加强普法宣传。全年开展普法活动120场。",
    ]
    assert fields.published == "2024/02/03"
    assert fields.source == "某市司法局"
    assert fields.publisher == "某市人民政府办公室"


def test_menu_runs_are_detected_by_shape() -> None:
    items = [
        "机构设置", "某区教育局", "某区卫生健康局", "统计数据",
        "某区公安分局", "政策解读", "通知公告", "规划计划",
    ]
    for menu in (items, ["首页", *items[:4], "+"]):
        text = "\n".join(menu) + "\n某区全面推进法治政府建设,成效明显。\n(一)完善机制\n我区印发文件。"
        body, fields = strip_chrome(text)
        assert body == "某区全面推进法治政府建设,成效明显。\n(一)完善机制\n我区印发文件。"
        assert "某区教育局" in fields.dropped


def test_a_cover_block_of_short_lines_is_not_a_menu() -> None:
    text = (
        "市政府:\n现将情况报送,请审阅。\n附件:某县2022年度法治政府建设情况报告\n某县人民政府\n"
        "2023年1月5日\n(此件公开发布)\n某县2022年度法治政府建设情况报告\n2022年,我县依法行政。"
    )
    assert strip_chrome(text)[0] == text


def test_short_runs_of_title_lines_are_kept() -> None:
    text = (
        "某县人民政府关于报送\n《某县2023年度法治政府建设情况》的报告\n市政府:\n"
        "现将情况报送,请审阅。\n某县人民政府\n2024年1月8日"
    )
    body, _ = strip_chrome(text)
    assert body == text


def test_data_lines_are_not_menu_items() -> None:
    rows = "\n".join(
        ["主要指标", "地区生产总值1200亿元", "增长6.5%", "新增就业3万人", "受理案件85件", "办结率99%"]
    )
    body, _ = strip_chrome(rows)
    assert "地区生产总值1200亿元" in body and "办结率99%" in body


def test_page_metadata_table() -> None:
    text = (
        "索引号: 000000/2023-00001 分类:\n发布机构: 某区人民政府 成文日期: 2023-03-01\n"
        "名称: 某区2022年法治政府建设年度报告\n文号: 发布日期: 2023-03-05\n【打印】【字体:大 中 小】"
    )
    body, fields = strip_chrome(text)
    assert body == ""
    assert (fields.title, fields.issuer, fields.date, fields.published) == (
        "某区2022年法治政府建设年度报告",
        "某区人民政府",
        "2023-03-01",
        "2023-03-05",
    )


def test_prose_mentioning_chrome_words_is_kept() -> None:
    text = "我县通过官方微信、官方微博发布普法信息300余条,并在门户网站开设搜索专栏。"
    assert strip_chrome(text)[0] == text


def test_heading_lines() -> None:
    assert is_heading_line("一、主要工作")
    assert is_heading_line("(三)加强执法")
    assert is_heading_line("2.完善机制")
    assert not is_heading_line("2.5亿元")
    assert not is_heading_line("一是加强领导")


def test_menu_leading_into_a_cover_letter_gives_back_its_title_lines() -> None:
    menu = "\n".join(["首页", "政务公开", "机构设置", "某县发展和改革局", "互动交流", "办事服务", "搜索"])
    cover = "某县人民政府关于报送\n《某县2023年度法治政府建设情况》的报告\n市政府:"
    body, _ = strip_chrome(f"{menu}\n{cover}\n现将情况报送,请审阅。")
    assert body == f"{cover}\n现将情况报送,请审阅。"


def test_link_bars_are_chrome() -> None:
    body, _ = strip_chrome("首页 政务公开 互动交流 办事服务\n县政府召开常务会议。")
    assert body == "县政府召开常务会议。"


def test_table_rows_of_bare_numbers_are_data() -> None:
    rows = "\n".join(
        ["指标 完成 目标", "单位能耗 -5.2 -3.0", "用水总量 2.1 2.5", "绿化覆盖率 45 44",
         "空气优良天数 350 340"]
    )
    body, _ = strip_chrome(rows)
    assert "单位能耗 -5.2 -3.0" in body and "空气优良天数 350 340" in body


def test_headings_and_prose_with_chrome_words_are_kept() -> None:
    text = "\n".join([
        "(二)推进无障碍环境建设",
        "推进无障碍环境建设",
        "群众用手机扫一扫即可查询办理进度,全年服务3万人次;",
        "明确网格员所在位置,实现快速响应,",
        "三、版权所有权保护工作",
    ])
    assert strip_chrome(text)[0] == text


def test_signature_before_the_footer_is_kept() -> None:
    text = (
        "二、存在的问题\n基层执法力量不足。\n某市某区人民政府\n2023年1月16日\n"
        "相关链接\n国务院 省政府 市政府\n"
        "网站地图 | 联系我们\n主办:某市某区人民政府办公室 网站标识码:1234567890"
    )
    body, fields = strip_chrome(text)
    assert body == "二、存在的问题\n基层执法力量不足。\n某市某区人民政府\n2023年1月16日"
    assert fields.publisher == "某市某区人民政府办公室"
