"""Character-level diffs: a one-character correction in Chinese is one marked character."""

from pipelines.textdiff import (
    changed,
    char_diff,
    diff_html,
    diff_text,
    from_unified,
    paragraph_diffs,
)

OLD = "一、（二）比容量不低于165mAh/g的人造石墨负极材料。"
NEW = "一、（二）比容量不低于156mAh/g的人造石墨负极材料。"


def test_a_corrected_number_is_two_characters_not_two_paragraphs():
    ops = char_diff(OLD, NEW)
    assert changed(ops) == "-65+56"
    assert diff_text(ops) == "一、（二）比容量不低于1[-65-]{+56+}mAh/g的人造石墨负极材料。"


def test_an_added_word_is_marked_alone():
    ops = char_diff("提升日本军事实力的最终用户", "提升日本军事实力的其他最终用户")
    assert diff_html(ops) == "提升日本军事实力的<ins>其他</ins>最终用户"


def test_html_is_escaped():
    html = diff_html(char_diff("<b>甲</b>", "<b>乙</b>"))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "<del>甲</del><ins>乙</ins>" in html


def test_long_unchanged_runs_are_shortened():
    ops = char_diff("甲" * 200 + "乙" + "丙" * 200, "甲" * 200 + "丁" + "丙" * 200, context=10)
    text = diff_text(ops)
    assert text == "…" + "甲" * 10 + "[-乙-]{+丁+}" + "丙" * 10 + "…"


def test_paragraphs_and_stored_diffs():
    before = "第一段。\n\n" + OLD + "\n\n第三段。"
    after = "第一段。\n\n" + NEW + "\n\n第三段。\n\n新的一段。"
    diffs = paragraph_diffs(before, after)
    assert [changed(d) for d in diffs] == ["-65+56", "+新的一段。"]
    stored = ["@@ -1,2 +1,2 @@", " 第一段。", "-" + OLD, "+" + NEW]
    assert [changed(d) for d in from_unified(stored)] == ["-65+56"]
