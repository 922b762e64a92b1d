"""Benchmark: evidence bytes per document and per night, through real crawls of a generated mirror.

Run: .venv/bin/python benchmarks/bench_evidence_night.py [N] [--annex-every K] [--keep DIR]
(prints figures; asserts nothing; N defaults to 10000 pages)

A mirror of N MOFCOM announcement pages is generated (the policy list links them all; the pages
are the shape of the real ones, their paragraphs drawn from the saved pages' Chinese
characters, 3 to 30 KB each); every K-th page links a PDF annex, one of 20 files (50 to 150 KB,
with an incompressible image as scanned or compressed PDFs have), so several pages link the same
file. Three nights of
`regwatch crawl --source mofcom` go into one archive: the first finds everything, the second finds
nothing changed (the same mirror, the next day: every page is refetched, it is recent), the third
finds 1% of the pages edited. The figures are the growth of `evidence/` each night.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "annexes"))

from make_fixtures import PdfPage, pdf_document  # noqa: E402

HOST = "www.mofcom.gov.cn"
NIGHTS = ("2025-10-09", "2025-10-10", "2025-10-11")
PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="SiteName" content="中华人民共和国商务部">
<meta name="ColumnName" content="政策发布">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2025-10-0{day} 09:00">
<meta name="ContentSource" content="安全与管制局">
<title>{title}_中华人民共和国商务部</title>
<link rel="stylesheet" href="/images/2023/css/common.css">
<script src="/images/2023/js/jquery.min.js"></script>
</head>
<body>
<div class="header"><div class="logo"><a href="/">中华人民共和国商务部</a></div>
<ul class="nav"><li><a href="/xwfb/index.html">新闻发布</a></li>
<li><a href="/zwgk/zcfb/index.html">政策发布</a></li></ul></div>
<div class="position">当前位置：首页 > 政务公开 > 政策发布</div>
<div class="art-main">
  <h1 class="art-title">{title}</h1>
  <div class="art-info"><span class="time">2025-10-0{day} 09:00</span>
  <span class="source">来源：安全与管制局</span></div>
  <div class="art-con art-con-bottonmLine" id="zoom">
<p>【发布单位】安全与管制局</p>
<p>【发布文号】商务部公告2025年第{number}号</p>
{paragraphs}
{annex}
  </div>
</div>
<div class="footer"><p>主办单位：中华人民共和国商务部　　<a href="https://beian.miit.gov.cn/">京ICP备05004093号</a></p></div>
</body>
</html>
"""


class Characters:
    """Characters drawn one by one with the frequencies of the saved pages' Chinese text (the
    demo's nights): text that compresses about as well as real announcements, not better (a
    small corpus cut into paragraphs would repeat itself and compress too well)."""

    def __init__(self) -> None:
        pages = sorted((ROOT / "demo" / "nights" / "2025-11-08").rglob("*.html"))
        text = " ".join(re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8")) for p in pages)
        counts = Counter(re.findall(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", text))
        self.chars, self.weights = list(counts), list(counts.values())

    def text(self, rng: random.Random, length: int) -> str:
        return "".join(rng.choices(self.chars, self.weights, k=length))


def article(i: int, rng: random.Random, text: Characters, annex: str | None,
            edited: bool) -> bytes:
    size = rng.randint(3_000, 30_000) // 3  # characters of body (3 bytes each in UTF-8)
    paragraphs, used = [], 0
    while used < size:
        length = rng.randint(60, 400)
        paragraphs.append(f'<p style="text-indent:2em;">{text.text(rng, length)}。</p>')
        used += length
    if edited:
        paragraphs.append('<p style="text-indent:2em;">（本公告已更正。）</p>')
    link = f'<p><a href="/{annex}" target="_blank">附件：相关物项清单.pdf</a></p>' if annex else ""
    title = f"商务部公告2025年第{i + 100}号 关于{text.text(rng, 12)}的公告"
    return PAGE.format(title=title, day=1 + i % 9, number=i + 100, paragraphs="\n".join(
        paragraphs), annex=link).encode("utf-8")


def annex_pdf(k: int, rng: random.Random) -> bytes:
    """A PDF with a line of text and an incompressible grey image (50 to 150 KB)."""
    side = int((rng.randint(50_000, 150_000)) ** 0.5)
    image = rng.randbytes(side * side)
    page = PdfPage().text(50, 790, f"附件：相关物项清单（第{k}号）", 12)
    page.image(50, 300, 400, 400, image, (side, side))
    return pdf_document([page])


def make_mirror(root: Path, n: int, annex_every: int, edited: set[int]) -> dict[str, int]:
    """The mirror of one night; what it holds (bytes of pages and annexes)."""
    rng, text = random.Random(12), Characters()
    pdf_rng = random.Random(34)
    annexes = [f"cms_files/filemanager/1928930928/attach/202510/bench{k:02d}.pdf"
               for k in range(20)]
    for k, path in enumerate(annexes):
        target = root / HOST / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(annex_pdf(k, pdf_rng))
    links, page_bytes = [], 0
    for i in range(n):
        path = f"zwgk/zcfb/art/2025/art_{i:032x}.html"
        annex = annexes[(i // annex_every) % 20] if annex_every and i % annex_every == 0 else None
        data = article(i, rng, text, annex, i in edited)
        target = root / HOST / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        page_bytes += len(data)
        links.append(f'<li><a href="https://{HOST}/{path}">公告{i}</a><span>2025-10-09</span></li>')
    listing = ('<html><head><meta charset="utf-8"></head><body><div class="listCon">'
               '<ul class="txtList_01">' + "\n".join(links) + "</ul></div></body></html>")
    for path in ("zwgk/zcfb/index.html", "zcfb/blgg/gg/2025/index.html"):
        (root / HOST / path).parent.mkdir(parents=True, exist_ok=True)
        (root / HOST / path).write_text(listing, encoding="utf-8")
    annex_bytes = sum((root / HOST / p).stat().st_size for p in annexes)
    return {"pages": n, "page_bytes": page_bytes, "annex_files": len(annexes),
            "annex_bytes": annex_bytes}


def crawl(folder: Path, mirror: Path, as_of: str) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "crawler.cli", "crawl", "--source", "mofcom",
                           "--mirror", str(mirror), "--as-of", as_of, "--db",
                           str(folder / "a.db"), "--reports", str(folder / "reports")],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"crawl of {as_of} failed: {done.stderr.strip()[-2000:]}")
    return time.perf_counter() - start


def evidence_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in (folder / "evidence" / "a").glob("*.warc.gz"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=10_000)
    parser.add_argument("--annex-every", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="keep the mirrors and archive here")
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # (a kill still cleans up)
    folder = options.keep or Path(tempfile.mkdtemp(prefix="bench-evidence-"))
    try:
        run(folder, options.n, options.annex_every)
    finally:
        if options.keep is None:
            shutil.rmtree(folder)


def run(folder: Path, n: int, annex_every: int) -> None:
    edited = set(random.Random(56).sample(range(n), max(1, n // 100)))
    held = make_mirror(folder / "night1", n, annex_every, set())
    make_mirror(folder / "night3", n, annex_every, edited)
    print(f"mirror: {n} pages, {held['page_bytes'] / n / 1024:.1f} KiB per page on average; "
          f"every {annex_every}th page links one of {held['annex_files']} PDF annexes "
          f"({held['annex_bytes'] / held['annex_files'] / 1024:.0f} KiB each)")
    sizes, before = [], 0
    for night, mirror, label in ((NIGHTS[0], "night1", "first night (everything new)"),
                                 (NIGHTS[1], "night1", "unchanged night"),
                                 (NIGHTS[2], "night3", f"night with {len(edited)} pages edited")):
        seconds = crawl(folder, folder / mirror, night)
        grown = evidence_bytes(folder) - before
        before += grown
        sizes.append(grown)
        print(f"{label}: evidence grew by {grown:,} bytes ({grown / 1e6:.1f} MB) in "
              f"{seconds:.0f} s")
    db = sqlite3.connect(folder / "a.db")  # the first night's records
    first = f"{NIGHTS[0]}-001.warc.gz"
    page_records = db.execute("select sum(warc_length) from (select distinct warc_offset, "
                              "warc_length from document_versions where warc_file = ?)",
                              [first]).fetchone()[0]
    annex_records, annex_rows = db.execute(
        "select (select sum(warc_length) from (select distinct warc_offset, warc_length "
        "from annexes where warc_file = ?)), (select count(*) from annexes where run_id = ?)",
        [first, f"{NIGHTS[0]}-001"]).fetchone()
    db.close()
    print(f"per document (first night): {sizes[0] / n:,.0f} bytes of evidence; page records "
          f"{page_records / 1e6:.1f} MB in all ({page_records / n / held['page_bytes'] * n:.0%} of "
          f"the pages' bytes), annex records {annex_records / 1e6:.1f} MB for {annex_rows} "
          f"annex rows (each file kept once)")
    print(f"per edited document: {sizes[2] / len(edited):,.0f} bytes")
    print(f"archive.db: {(folder / 'a.db').stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
