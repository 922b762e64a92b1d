"""Annex text: each format read (Chinese and tables included), bad files refused with a reason."""

from __future__ import annotations

import importlib.util
import subprocess
import time

import pytest
from conftest import FIXTURES

from pipelines.annex_text import (
    AnnexText,
    Kind,
    Limits,
    Reason,
    _child_result,
    extract_text,
    sniff,
)

ANNEXES = FIXTURES / "annexes"
_spec = importlib.util.spec_from_file_location("make_fixtures", ANNEXES / "make_fixtures.py")
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)


def read(name: str, **kwargs) -> AnnexText:
    return extract_text((ANNEXES / name).read_bytes(), name, **kwargs)


# --------------------------------------------------------------------------- the site samples


def test_the_no21_entity_table_comes_out_one_entity_a_line_in_cells():
    annex = read("sample_no21_entities.pdf")
    lines = annex.text.splitlines()
    assert (annex.reason, annex.pages, annex.media_type) == (None, 1, "application/pdf")
    assert lines[0] == "附件：出口管制管控名单（16家美国实体）"
    assert lines[1] == "序号 | 中文名称 | 英文名称 | 国家/地区"
    assert lines[2] == "1 | 高点航空技术公司 | High Point Aerospace Technologies | 美国"
    assert lines[-1] == "16 | 示例后勤保障公司 | Example Logistics Support, Inc. | 美国"
    assert len([line for line in lines if line.count(" | ") == 3]) == 17


def test_the_no61_item_list_keeps_its_parts_and_numbers():
    lines = read("sample_no61_annex1_items.pdf").text.splitlines()
    assert lines[:4] == ["附件1：相关物项清单", "第一部分 原产于中国的物项",
                         "1. 钐、镝、钆、铽、镥、钪、钇金属及其合金", "2. 上述元素的氧化物及化合物"]
    assert "第二部分 境外制造的物项" in lines


def test_the_no62_technology_list_keeps_codes_with_their_descriptions():
    lines = read("sample_no62_technologies.pdf").text.splitlines()
    assert lines[1].startswith("1E902.a 稀土开采、冶炼分离")
    assert lines[2] == "1E902.b 稀土相关生产线的装配、调试、维护、维修、升级等技术"


# --------------------------------------------------------------------------- each format


def test_a_ruled_pdf_table_comes_out_as_rows_in_reading_order_over_two_pages():
    annex = read("rare_earth_list_ruled.pdf")
    lines = annex.text.splitlines()
    assert annex.pages == 2
    assert lines[:4] == ["附件：部分中重稀土相关物项出口管制清单", "一、管制物项",
                         "序号 | 物项编码 | 物项名称 | 英文名称 | 海关商品编号",
                         "1 | 1C902.a | 钐金属及其合金 | Samarium metal and alloys | 2805301300"]
    assert lines.index("二、说明") > lines.index(
        "4 | 1C904.a | 铽金属及其合金 | Terbium metal and alloys | 2805301700")


def test_docx_paragraphs_and_tables_in_document_order_merged_cells_once():
    annex = read("lithium_battery_items.docx")
    lines = annex.text.splitlines()
    assert annex.media_type == Kind.DOCX and annex.reason is None
    assert ("（一）能量密度大于等于300Wh/kg的锂离子电池（电芯）"
            "（参考海关商品编号：8507600010）。") in lines
    table = lines.index("物项编码 | 物项名称 | English | 海关商品编号")
    assert lines[table - 1] == "二、人造石墨负极材料相关物项"
    assert lines[table + 1] == ("1C911.a | 人造石墨负极材料 | Artificial graphite anode material"
                                " | 3801100090")
    assert lines[table + 3] == "1C911.c | 包覆改性工艺技术"
    assert lines[-1] == "三、本清单自2025年11月8日起实施。"


def test_xlsx_sheets_rows_numbers_and_dates():
    lines = read("superhard_items.xlsx").text.splitlines()
    assert lines == ["[超硬材料]", "序号 | 物项编码 | 物项名称 | 海关商品编号",
                     "1 | 1C907.a | 人造金刚石微粉 | 7105102000",
                     "2 | 1C907.b | 人造金刚石单晶 | 7104.21.00.00",
                     "3 | 2B907 | 六面顶压机（缸径≥500mm） | 8479899990",
                     "发布日期 | 2025-10-09", "[说明]", "本表所列海关商品编号仅供参考"]


def test_hostile_cells_keep_their_row_and_lose_controls_and_direction_overrides():
    """An annex cell with a right-to-left override, C1 controls (CSI, NEL) and a carriage return:
    the row stays one line and reads as stored, with no character that makes a name display
    otherwise (the listed firm a screen would miss), as the pages' text does."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "中文名称", "英文名称", "国家/地区"])
    sheet.append([2, "深蓝声学公司", "\u202eCLL scitsuocA eulB peeD", "美国"])
    sheet.append([3, "铁砧航电公司", "Anvil \u009b31mAvionics\u0085 Corporation", "美\r国"])
    sheet.append([4, "第四\u2028公司", "Fourth\u2066 Co\u2069", "日本"])
    data = io.BytesIO()
    book.save(data)
    text = extract_text(data.getvalue(), "ent.xlsx").text
    assert text.splitlines()[1:] == [
        "序号 | 中文名称 | 英文名称 | 国家/地区",
        "2 | 深蓝声学公司 | CLL scitsuocA eulB peeD | 美国",
        "3 | 铁砧航电公司 | Anvil 31mAvionics Corporation | 美国",
        "4 | 第四公司 | Fourth Co | 日本"]


def test_xls_entity_table():
    annex = read("entity_list.xls")
    assert annex.media_type == Kind.XLS and annex.reason is None
    assert annex.text.splitlines()[:3] == [
        "[管控名单]", "序号 | 中文名称 | 英文名称 | 国家/地区 | 地址",
        "1 | 高点航空技术公司 | High Point Aerospace Technologies | 美国 | 弗吉尼亚州"]
    assert annex.text.splitlines()[-1].endswith("| 美国 | 2805301100")


def test_a_zip_of_annexes_gives_each_text_under_its_gbk_name_and_says_what_it_skipped():
    annex = read("annexes.zip")
    assert annex.media_type == Kind.ZIP and annex.reason_code == Reason.PARTIAL
    assert "2 of 4 files" in annex.reason
    assert "附件3：说明.doc: binary-doc" in annex.reason
    assert "附件4.zip: archive-refused" in annex.reason
    headings = [line for line in annex.text.splitlines() if line.startswith("== ")]
    assert headings == ["== 附件1：稀土物项清单.pdf ==", "== 附件2：锂电池物项.docx =="]
    assert "1 | 1C902.a | 钐金属及其合金 | Samarium metal and alloys | 2805301300" in annex.text
    assert "1C911.b | 石墨化设备 | Graphitization furnaces | 8514109000" in annex.text


def test_the_name_and_the_served_type_do_not_decide_the_format():
    data = (ANNEXES / "lithium_battery_items.docx").read_bytes()
    annex = extract_text(data, "附件.pdf", "application/pdf")
    assert annex.media_type == Kind.DOCX and "石墨化设备" in annex.text


# --------------------------------------------------------------------------- refused, with reason


@pytest.mark.parametrize("name, code, words", [
    ("scanned.pdf", Reason.NO_TEXT_LAYER, "1 page(s) without a text layer"),
    ("truncated.pdf", Reason.TRUNCATED, "no end-of-file marker"),
    ("old_binary.doc", Reason.BINARY_DOC, "old binary Word document"),
    ("error_page.pdf", Reason.HTML_PAGE, 'titled "404 页面不存在"'),
])
def test_files_without_readable_text_get_an_empty_text_and_a_reason(name, code, words):
    annex = read(name)
    assert annex.text == "" and annex.reason_code == code and words in annex.reason


def test_a_password_protected_pdf_is_encrypted_not_unreadable():
    """pdfplumber says so only by the error it wraps (PdfminerException(PDFPasswordIncorrect()),
    with an empty text): the file is an encrypted annex, kept with its reason, not bytes refused
    as unreadable."""
    from pipelines.originals import PROBLEM_REASONS

    data = (ANNEXES / "sample_no61_annex1_items.pdf").read_bytes()
    trailer = data.rfind(b"trailer")
    encrypted = data[:trailer] + data[trailer:].replace(
        b"/Info 9 0 R >>", b"/Info 9 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O <"
        + b"ab" * 32 + b"> /U <" + b"cd" * 32 + b"> /P -4 >> /ID [<" + b"11" * 16 + b"> <"
        + b"11" * 16 + b">] >>")
    assert encrypted != data
    annex = extract_text(encrypted, "附件1.pdf", "application/pdf")
    assert annex.text == "" and annex.reason_code == Reason.ENCRYPTED
    assert "PDFPasswordIncorrect" in annex.reason
    assert annex.reason_code not in PROBLEM_REASONS


def test_the_error_page_says_what_it_claimed_to_be():
    annex = read("error_page.pdf", media_type="application/pdf")
    assert annex.media_type == Kind.HTML
    assert "(named or served as .pdf, application/pdf)" in annex.reason


@pytest.mark.parametrize("data, code", [
    (b"", Reason.EMPTY),
    (b" \r\n\t ", Reason.EMPTY),
    (b"\xef\xbb\xbf<!DOCTYPE html><html><body>Forbidden</body></html>", Reason.HTML_PAGE),
    (b"<?xml version='1.0'?><Error><Code>NoSuchKey</Code></Error>", Reason.HTML_PAGE),
    (b'{"code": 404, "msg": "not found"}', Reason.UNSUPPORTED),
    (b"{\\rtf1\\ansi hello}", Reason.UNSUPPORTED),
    (b"PK\x03\x04" + b"\0" * 200, Reason.TRUNCATED),
])
def test_bytes_that_are_no_annex_are_recognised_without_parsing(data, code):
    start = time.perf_counter()
    annex = extract_text(data, "附件1.pdf")
    assert annex.text == "" and annex.reason_code == code
    assert time.perf_counter() - start < 0.1  # decided from the bytes: no child process


def test_a_file_over_the_size_cap_is_not_parsed():
    data = (ANNEXES / "rare_earth_list_ruled.pdf").read_bytes()
    annex = extract_text(data, "a.pdf", limits=Limits(max_bytes=len(data) - 1))
    assert annex.reason_code == Reason.TOO_LARGE and str(len(data)) in annex.reason
    assert extract_text(data, "a.pdf", limits=Limits(max_bytes=len(data))).reason is None


def test_a_pdf_that_takes_too_long_is_stopped_at_the_time_limit():
    start = time.perf_counter()
    annex = extract_text(make_fixtures.slow_pdf(), "slow.pdf", limits=Limits(seconds=1))
    assert annex.reason_code == Reason.TIMEOUT and annex.text == ""
    assert time.perf_counter() - start < 3


def test_a_pdf_that_inflates_past_the_memory_limit_is_stopped():
    data = make_fixtures.inflating_pdf(megabytes=300)
    annex = extract_text(data, "big.pdf", limits=Limits(memory_bytes=250 << 20))
    assert annex.reason_code == Reason.MEMORY and annex.text == ""


def test_a_zip_bomb_is_refused_by_its_total_size():
    annex = extract_text(make_fixtures.zip_bomb(megabytes=210), "bomb.zip")
    assert annex.reason_code == Reason.ARCHIVE_REFUSED and "over the cap" in annex.reason


def test_a_zip_bomb_is_refused_by_its_ratio_under_the_total_cap():
    annex = extract_text(make_fixtures.zip_bomb(megabytes=5), "bomb.zip")
    assert annex.reason_code == Reason.ARCHIVE_REFUSED and "times its size" in annex.reason


def test_a_docx_that_is_a_zip_bomb_is_refused_too():
    document = (ANNEXES / "lithium_battery_items.docx").read_bytes()
    annex = extract_text(document, "a.docx", limits=Limits(max_unpacked_bytes=10_000))
    assert annex.media_type == Kind.DOCX and annex.reason_code == Reason.ARCHIVE_REFUSED


def test_too_many_members_are_refused():
    data = make_fixtures.zip_of({f"{i}.pdf": b"%PDF-1.4" for i in range(30)})
    annex = extract_text(data, "many.zip", limits=Limits(max_members=20))
    assert annex.reason_code == Reason.ARCHIVE_REFUSED and "30 members" in annex.reason


def test_a_zip_with_nothing_readable_is_unreadable_not_partial():
    data = make_fixtures.zip_of({"a.doc": make_fixtures.binary_doc(), "b.txt": b"hello"})
    annex = extract_text(data, "a.zip")
    assert annex.text == "" and annex.reason_code == Reason.UNREADABLE


def test_a_broken_pdf_body_is_a_reason_not_an_exception():
    data = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ngarbage\n%%EOF\n"
    annex = extract_text(data, "broken.pdf")
    assert annex.text == "" and annex.reason_code == Reason.UNREADABLE
    assert "No /Root object" in annex.reason


def test_text_over_the_character_cap_is_cut_and_said():
    annex = read("sample_no21_entities.pdf", limits=Limits(max_text_chars=100))
    assert len(annex.text) == 100 and annex.reason_code == Reason.TEXT_CUT


def test_kangxi_radicals_of_chinese_pdfs_become_ideographs():
    from pipelines.annex_text import clean_text

    assert clean_text("⼀、⼈造⽯墨\x00负极\r\n\n\n\n材料  ") == "一、人造石墨负极\n\n材料"


def test_a_reader_that_dies_is_reported_with_its_last_words():
    died = subprocess.CompletedProcess([], -11, b"", b"Fatal Python error: Segmentation fault\n")
    annex = _child_result(died, Kind.PDF, Limits())
    assert annex.reason_code == Reason.CRASHED and "Segmentation fault" in annex.reason


def test_sniff_tells_office_formats_apart_by_content():
    assert sniff((ANNEXES / "superhard_items.xlsx").read_bytes()) == Kind.XLSX
    assert sniff((ANNEXES / "lithium_battery_items.docx").read_bytes()) == Kind.DOCX
    assert sniff((ANNEXES / "entity_list.xls").read_bytes()) == Kind.XLS
    assert sniff((ANNEXES / "old_binary.doc").read_bytes()) == Kind.DOC
    assert sniff((ANNEXES / "annexes.zip").read_bytes()) == Kind.ZIP
