"""Benchmark: evidence bytes per document and per night in the WARC store.

Run: .venv/bin/python benchmarks/bench_evidence.py [N] [--samples DIR]   (prints; asserts nothing)

A 50 KiB page is cut from the saved pages of shared/site-samples joined together (real MOFCOM,
customs and news markup, Chinese and English), so it compresses as real pages do; a 50 KiB
PDF-like body is random bytes (PDF streams are already compressed). A night of N new documents
is written, then an unchanged night, skipped as the caller will skip it: by payload digest.
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import tempfile
import time
from pathlib import Path

from pipelines.evidence import EvidenceStore, payload_digest

ROOT = Path(__file__).resolve().parent.parent
HEADERS = [("Server", "nginx"), ("Date", "Sat, 08 Nov 2025 01:30:05 GMT"),
           ("Content-Type", "text/html; charset=utf-8"), ("Content-Length", "51200"),
           ("Connection", "keep-alive"), ("Last-Modified", "Fri, 07 Nov 2025 10:00:00 GMT"),
           ("ETag", '"690dc2a0-c800"'), ("Accept-Ranges", "bytes")]
EXTRA = {"source": "mofcom", "kind": "page"}


def sample_markup(folder: Path) -> bytes:
    pages = sorted(folder.rglob("*.html")) or sorted((ROOT / "tests" / "fixtures").rglob("*.html"))
    return b"\n".join(page.read_bytes() for page in pages)


def page_of(markup: bytes, size: int, seed: int) -> bytes:
    """`size` bytes of real markup from a seed-chosen place, so each page differs."""
    start = random.Random(seed).randrange(max(1, len(markup) - size))
    page = markup[start:start + size]
    return page + b" " * (size - len(page))


def url(i: int) -> str:
    return f"https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_{i:032x}.html"


def record_cost(store: EvidenceStore, body: bytes, run: str) -> tuple[int, int]:
    record = store.write_response(url(0), 200, "OK", HEADERS, body, "2025-11-08T09:30:05+08:00",
                                  run, EXTRA)
    return record.length, len(gzip.compress(body, 9))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--samples", type=Path, default=ROOT.parent / "shared" / "site-samples")
    options = parser.parse_args()
    markup = sample_markup(options.samples)
    with tempfile.TemporaryDirectory() as folder:
        store = EvidenceStore(Path(folder))
        html, html_gz = record_cost(store, page_of(markup, 50 * 1024, 0), "probe-html")
        pdf, pdf_gz = record_cost(store, os.urandom(50 * 1024), "probe-pdf")
        warcinfo = (Path(folder) / "probe-html.warc.gz").stat().st_size - html
        print(f"a 50 KiB HTML page: {html} bytes ({html / 51200:.0%} of the page;"
              f" the body alone gzips to {html_gz}, so the record adds {html - html_gz})")
        print(f"a 50 KiB PDF (incompressible): {pdf} bytes (record adds {pdf - pdf_gz})")
        print(f"per WARC file (one per run): a warcinfo record of {warcinfo} bytes")

        digests: set[str] = set()
        for night, run in enumerate(["2025-11-08-001", "2025-11-09-001"]):
            start, stored = time.perf_counter(), 0
            for i in range(options.n):
                body = page_of(markup, 50 * 1024, i)
                digest = payload_digest(body)
                if digest in digests:  # what the caller does with the archive's digests
                    continue
                digests.add(digest)
                stored += store.write_response(url(i), 200, "OK", HEADERS, body,
                                               "2025-11-08T09:30:05+08:00", run, EXTRA).length
            seconds = time.perf_counter() - start
            path = Path(folder) / f"{run}.warc.gz"
            size = path.stat().st_size if path.exists() else 0
            label = "first night" if night == 0 else "unchanged night"
            print(f"{label}: {options.n} documents of 50 KiB, {size} bytes on disk"
                  f" ({size / options.n:.0f} per document), {seconds:.2f} s")
        store.close()


if __name__ == "__main__":
    main()
