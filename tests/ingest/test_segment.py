"""Sections as a hierarchy and sentences with checkable offsets."""

from __future__ import annotations

from lawgraph.ingest.segment import split_sections, split_sentences

TEXT = """某县2023年法治政府建设情况
一、完善制度体系
县政府全面推进依法行政。
(一)健全决策机制。县政府印发《某县重大决策规定》。群众评价“很满意!”。
1.加强合法性审查
审查文件20件;办结率100%。
(1)规范流程
2、开展培训
(二)强化执法监督
二、存在问题
基层力量薄弱!下一步将继续努力?
"""


def test_section_hierarchy() -> None:
    sections = split_sections(TEXT)
    got = [(s.level, s.number, s.title, s.parent) for s in sections]
    assert got == [
        (1, "一", "完善制度体系", None),
        (2, "一", "健全决策机制", 0),
        (3, "1", "加强合法性审查", 1),
        (4, "1", "规范流程", 2),
        (3, "2", "开展培训", 1),
        (2, "二", "强化执法监督", 0),
        (1, "二", "存在问题", None),
    ]
    one, two = sections[0], sections[6]
    assert TEXT[one.begin:].startswith("一、完善制度体系")
    assert one.end == two.begin
    assert TEXT[sections[1].begin:sections[1].end].endswith("(1)规范流程\n2、开展培训\n")
    assert two.end == len(TEXT.rstrip())
    for s in sections:
        if s.parent is not None:
            parent = sections[s.parent]
            assert parent.begin < s.begin and s.end <= parent.end and parent.level < s.level


def test_numbers_in_running_text_are_not_headings() -> None:
    text = "一、概况\n2.5亿元用于执法保障。\n10.8%的案件调解结案。"
    assert [s.title for s in split_sections(text)] == ["概况"]


def test_begin_skips_the_cover_letter() -> None:
    text = "一、不是标题的封面行\n正文开始\n一、真正的标题\n内容。"
    begin = text.index("正文开始")
    assert [s.title for s in split_sections(text, begin=begin)] == ["真正的标题"]


def test_sentences_round_trip_and_know_their_section() -> None:
    sections = split_sections(TEXT)
    sentences = split_sentences(TEXT, sections)
    texts = [TEXT[s.begin:s.end] for s in sentences]
    assert "(一)健全决策机制。" in texts
    assert "县政府印发《某县重大决策规定》。" in texts
    assert "群众评价“很满意!”。" in texts
    assert "审查文件20件;" in texts and "办结率100%。" in texts
    assert "基层力量薄弱!" in texts and "下一步将继续努力?" in texts
    for s in sentences:
        piece = TEXT[s.begin:s.end]
        assert piece and piece == piece.strip() and "\n" not in piece
    by_text = {TEXT[s.begin:s.end]: s.section for s in sentences}
    assert by_text["某县2023年法治政府建设情况"] is None
    assert by_text["县政府全面推进依法行政。"] == 0
    assert by_text["县政府印发《某县重大决策规定》。"] == 1
    assert by_text["(1)规范流程"] == 3
    assert by_text["2、开展培训"] == 4
    assert by_text["基层力量薄弱!"] == 6


def test_no_split_inside_titles_and_quotes() -> None:
    text = "印发《关于加强执法。监督的意见》和“最多跑一次。改革”方案。完成"
    got = [text[s.begin:s.end] for s in split_sentences(text)]
    assert got == ["印发《关于加强执法。监督的意见》和“最多跑一次。改革”方案。", "完成"]


def test_full_width_marks_also_split() -> None:
    text = "甲项完成！乙项完成？丙项完成；丁项"
    assert len(split_sentences(text)) == 4


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == ()
    assert split_sentences("\n \n") == ()


def test_an_unclosed_quote_does_not_swallow_the_paragraph() -> None:
    text = "群众称赞“办事快。" + "县政府推进改革,成效明显。" * 60
    sentences = split_sentences(text)
    assert max(s.end - s.begin for s in sentences) < 250
    assert len(sentences) > 40
    assert all(text[s.begin:s.end].endswith("。") for s in sentences)


def test_closers_stay_with_their_sentence() -> None:
    text = "甲完成。”乙继续!)》丙还有。’"
    got = [text[s.begin:s.end] for s in split_sentences(text)]
    assert got == ["甲完成。”", "乙继续!)》", "丙还有。’"]
