"""Writes the annex files of the bundled nights (demo/README.md, "Annex files").

Run from the repository root: .venv/bin/python demo/make_annexes.py

Each annex is written into every night whose pages link it (a night is a full copy of the sites),
byte-identical from night to night unless the scenario changes it: from 2026-03-16 on, No. 61's
annex 1 is a corrected file (constructed) and No. 15 of 2026 with its annex is published
(constructed). The annexes of Nos. 61 and 62 before that are the samples' PDFs
(tests/fixtures/annexes/sample_no61_annex1_items.pdf, sample_no62_technologies.pdf); the
others are made up in the samples' style, with the same PDF writer and font set-up
(tests/fixtures/annexes/make_fixtures.py), and say they are illustrative.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NIGHTS = REPO / "demo" / "nights"
FIXTURES = REPO / "tests" / "fixtures" / "annexes"
sys.path.insert(0, str(FIXTURES))

from make_fixtures import PdfPage, pdf_document  # noqa: E402

ATTACH = "www.mofcom.gov.cn/cms_files/filemanager/1928930928/attach"
CORRECTED_FROM = "2026-03-16"  # No. 61's annex 1 replaced by a corrected file (constructed)
NOTE = "（样例文件：条目为示意，非官方清单全文）"
HEADER = ["序号", "物项编码", "物项名称", "英文名称", "海关商品编号"]


def item_list(title: str, rows: list[list[str]], widths: list[float] | None = None) -> bytes:
    """One page: a title, a ruled table of items (code, names, HS code), the sample note."""
    page = PdfPage()
    page.text(50, 790, title, 13)
    bottom = page.table(40, 765, widths or [28, 52, 170, 170, 90], [HEADER, *rows], size=8)
    page.text(50, bottom - 25, NOTE, 9)
    return pdf_document([page])


def lines_pdf(lines: list[tuple[str, float]]) -> bytes:
    """One page of lines (text, size), as the samples of Nos. 61 and 62 are laid out."""
    page = PdfPage()
    y = 790.0
    for text, size in lines:
        page.text(50, y, text, size)
        y -= size + 12
    return pdf_document([page])


def no18() -> bytes:
    return item_list("附件：部分中重稀土相关物项清单", [
        ["1", "1C902.a", "钐金属及其合金", "Samarium metal and alloys", "2805301300"],
        ["2", "1C902.b", "氧化钐", "Samarium oxide", "2846901500"],
        ["3", "1C903", "钆金属、合金及氧化物", "Gadolinium metal, alloys, oxide", "2805301400"],
        ["4", "1C904", "铽金属、合金及氧化物", "Terbium metal, alloys, oxide", "2805301700"],
        ["5", "1C905", "镝金属、合金及氧化物", "Dysprosium metal, alloys, oxide", "2805301800"],
        ["6", "1C906.a", "钇金属及其合金", "Yttrium metal and alloys", "2805301100"],
        ["7", "1C907", "钐钴合金永磁体", "Samarium-cobalt permanent magnets", "8505111000"],
        ["8", "1C908", "含铽、镝的钕铁硼永磁体", "NdFeB magnets containing Tb or Dy",
         "8505119000"],
    ])


def no55() -> bytes:
    return item_list("附件：超硬材料相关物项清单", [
        ["1", "1C920.a", "人造金刚石微粉", "Synthetic diamond micropowder", "7105102000"],
        ["2", "1C920.b", "人造金刚石单晶", "Synthetic diamond single crystals", "7104210000"],
        ["3", "1C920.c", "金刚石线锯", "Diamond wire saws", "8202200000"],
        ["4", "2B920", "直流电弧等离子体喷射化学气相沉积设备", "DC arc plasma jet CVD equipment",
         "8486309000"],
        ["5", "1E920", "上述物项的生产技术和工艺技术", "Production and process technology", ""],
    ])


def no56() -> bytes:
    return item_list("附件：稀土设备和原辅料相关物项清单", [
        ["1", "2B921.a", "稀土离心萃取设备", "Rare-earth centrifugal extractors", "8421199090"],
        ["2", "2B921.b", "稀土萃取槽", "Rare-earth extraction tanks", "8419899090"],
        ["3", "2B922", "氢破碎炉", "Hydrogen decrepitation furnaces", "8417809090"],
        ["4", "2B923", "气流磨", "Jet mills", "8479820090"],
        ["5", "1C921", "稀土冶炼分离用萃取剂", "Extractants for rare-earth separation",
         "2919900090"],
    ])


def no57() -> bytes:
    return item_list("附件：部分中重稀土相关物项清单", [
        ["1", "1C909", "钬金属、合金、氧化物及化合物", "Holmium metal, alloys, compounds",
         "2805302100"],
        ["2", "1C910", "铒金属、合金、氧化物及化合物", "Erbium metal, alloys, compounds",
         "2805302200"],
        ["3", "1C911", "铥金属、合金、氧化物及化合物", "Thulium metal, alloys, compounds",
         "2805302300"],
        ["4", "1C912", "铕金属、合金、氧化物及化合物", "Europium metal, alloys, compounds",
         "2805302400"],
        ["5", "1C913", "镱金属、合金、氧化物及化合物", "Ytterbium metal, alloys, compounds",
         "2805302500"],
    ])


def no58() -> bytes:
    return item_list("附件：锂电池和人造石墨负极材料相关物项清单", [
        ["1", "3A920", "质量能量密度≥300Wh/kg的锂离子电池电芯", "Li-ion cells of 300 Wh/kg or more",
         "8507600010"],
        ["2", "1C930.a", "磷酸铁锂正极材料", "Lithium iron phosphate cathode material",
         "2842909000"],
        ["3", "1C930.b", "磷酸铁锂前驱体", "LFP precursors", "2835299000"],
        ["4", "1C931", "人造石墨负极材料", "Artificial graphite anode material", "3801909000"],
    ], [28, 52, 190, 160, 80])


NO61_LINES = [("附件1：相关物项清单", 14), ("第一部分 原产于中国的物项", 11),
              ("1. 钐、镝、钆、铽、镥、钪、钇金属及其合金", 10), ("2. 上述元素的氧化物及化合物", 10),
              ("第二部分 境外制造的物项", 11), ("1. 含有第一部分所列物项的稀土永磁材料", 10)]


def no61_corrected() -> bytes:
    """No. 61's annex 1 as replaced on 2026-03-16 (constructed): the targets are sputtering
    targets, and polishing powders are added to part 2."""
    return lines_pdf([*NO61_LINES, ("2. 含有第一部分所列物项的溅射靶材", 10),
                      ("3. 含有第一部分所列物项的稀土抛光粉", 10), (NOTE, 9)])


def no15_2026() -> bytes:
    return item_list("附件：铍相关物项清单", [
        ["1", "1C940.a", "铍金属及铍粉", "Beryllium metal and powder", "8112120000"],
        ["2", "1C940.b", "铍铜母合金", "Beryllium-copper master alloys", "7405000000"],
        ["3", "1C941", "氧化铍及其制品", "Beryllium oxide and articles", "2825909000"],
        ["4", "1E940", "上述物项的生产技术", "Production technology of the above", ""],
    ])


def gacc219_xlsx() -> bytes:
    """GACC No. 219's table of tariff changes (made up), with fixed dates inside the ZIP."""
    import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "调整事项表"
    sheet.append(["序号", "税则号列", "货品名称", "调整前税率(%)", "调整后税率(%)"])
    sheet.append([1, "0201100010", "整头及半头鲜或冷的牛肉", 20, 12])
    sheet.append([2, "1201901000", "黄豆（种用除外）", 3, 3])
    sheet.append([3, "8703234110", "小轿车（排气量1500-2000ml）", 15, 10])
    moment = datetime.datetime(2025, 11, 6, 17, 20)
    book.properties.created = book.properties.modified = moment
    out = io.BytesIO()
    book.save(out)
    return fixed_zip_times(out.getvalue())


def fixed_zip_times(data: bytes) -> bytes:
    """The same ZIP with every member dated 2025-11-06 and the workbook's modified time too
    (openpyxl writes the time of saving there), so the file is the same every time."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            copy = zipfile.ZipInfo(info.filename, date_time=(2025, 11, 6, 17, 20, 0))
            copy.compress_type = zipfile.ZIP_DEFLATED
            member = source.read(info)
            if info.filename == "docProps/core.xml":
                member = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-11-06T17:20:00Z",
                                member)
            target.writestr(copy, member)
    return out.getvalue()


def sample(name: str) -> Callable[[], bytes]:
    return lambda: (FIXTURES / name).read_bytes()


# path under a night's folder -> (its bytes before CORRECTED_FROM, from CORRECTED_FROM on)
ANNEXES: dict[str, tuple[Callable[[], bytes], Callable[[], bytes]]] = {
    f"{ATTACH}/202504/3b7d0e91c5a24f68.pdf": (no18, no18),
    f"{ATTACH}/202510/5a0c3e9d7b2f4816.pdf": (no55, no55),
    f"{ATTACH}/202510/6b1d4f0e8c3a5927.pdf": (no56, no56),
    f"{ATTACH}/202510/7c2e5a1f9d4b6a38.pdf": (no57, no57),
    f"{ATTACH}/202510/8d3f6b2a0e5c7b49.pdf": (no58, no58),
    f"{ATTACH}/202510/1b7e3c5d9a2f4e60.pdf": (sample("sample_no61_annex1_items.pdf"),
                                             no61_corrected),
    f"{ATTACH}/202510/9f2a7c8e1b3d4f5a.pdf": (sample("sample_no62_technologies.pdf"),
                                             sample("sample_no62_technologies.pdf")),
    f"{ATTACH}/202603/4e2a9c7d1b5f3a86.pdf": (no15_2026, no15_2026),
    "www.customs.gov.cn/customs/302249/zfxxgk/2799825/302274/302275/6736521/"
    "2025110617201234.xlsx": (gacc219_xlsx, gacc219_xlsx),
}


def linked(night: Path, path: str) -> bool:
    """Whether a page of the night links the file (by its path on the site)."""
    href = "/" + path.split("/", 1)[1]
    return any(href.encode() in page.read_bytes() for page in night.rglob("*.htm*")
               if page.is_file())


def main() -> None:
    built: dict[tuple[str, int], bytes] = {}
    for night in sorted(p for p in NIGHTS.iterdir() if p.is_dir()):
        for path, builders in ANNEXES.items():
            target = night / path
            if not linked(night, path):
                continue
            which = int(night.name >= CORRECTED_FROM)
            data = built.setdefault((path, which), builders[which]())
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            print(f"wrote {target.relative_to(REPO)} ({len(data)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
