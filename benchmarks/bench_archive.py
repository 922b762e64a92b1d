"""Benchmark: store throughput, rerun (touch) cost, search latency, the choice of a night's
revisits of archived articles no list shows, and size of an archive.

Run: .venv/bin/python benchmarks/bench_archive.py [N]   (prints figures; asserts nothing)
"""

import random
import sys
import tempfile
import time
from pathlib import Path

from pipelines.archive import Archive
from pipelines.diff import item_changes
from pipelines.items import DocumentItem
from pipelines.normalize import normalize_item
from pipelines.store import store_item

PHRASES = ["出口管制", "稀土相关物项", "两用物项", "许可证", "暂停实施", "海关总署", "锂电池",
           "人造石墨负极材料", "超硬材料", "自公布之日起正式实施"]


def document(i: int, rng: random.Random) -> DocumentItem:
    body = "\n\n".join("".join(rng.choice(PHRASES) for _ in range(12)) + "。" for _ in range(30))
    return normalize_item(DocumentItem(
        url=f"https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_{i:032x}.html", source="mofcom",
        source_kind="authority",
        title=f"商务部公告{2000 + i % 26}年第{i}号 关于{rng.choice(PHRASES)}的决定",
        body=body, language="zh", published_raw="2025-10-09 09:00"))


def crawl(archive: Archive, items: list[DocumentItem], as_of: str) -> float:
    start = time.perf_counter()
    run_id = archive.start_run(as_of, ["mofcom"], None)
    for item in items:
        item.changes = item_changes(archive, item)
        store_item(archive, item, run_id, as_of)
    return time.perf_counter() - start


def choose_revisits(archive: Archive, items: list[DocumentItem], as_of: str,
                    per_night: int = 20) -> float:
    """Milliseconds to pick and mark a night's revisits as crawler.revisit.UnlistedRevisits
    does (a first page's 20 articles listed tonight are passed over)."""
    listed = {item.url for item in items[:20]}
    start = time.perf_counter()
    chosen = []
    for document_row in archive.unlisted_to_revisit("mofcom", "2025-11-01"):
        if document_row["url"] not in listed:
            chosen.append(document_row["id"])
        if len(chosen) >= per_night:
            break
    archive.mark_revisited(chosen, as_of)
    return (time.perf_counter() - start) * 1000


def main(n: int) -> None:
    rng = random.Random(7)
    items = [document(i, rng) for i in range(n)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        archive = Archive.open(path)
        first = crawl(archive, items, "2025-10-09")
        again = crawl(archive, items, "2025-10-10")
        queries = ["稀土", "出口管制", "暂停实施 锂电池", "rare earth"]
        start = time.perf_counter()
        hits = [len(archive.search(q, limit=50)) for q in queries for _ in range(10)]
        search_ms = (time.perf_counter() - start) / len(hits) * 1000
        revisit_ms = choose_revisits(archive, items, "2025-12-01")
        archive.close()
        size = sum(p.stat().st_size for p in Path(folder).iterdir()) / 1e6
    print(f"documents: {n}")
    print(f"first night: {first:.2f} s ({n / first:.0f} documents/s stored)")
    print(f"rerun, nothing changed: {again:.2f} s ({n / again:.0f} documents/s compared)")
    print(f"search: {search_ms:.1f} ms per query (top 50)")
    print(f"choosing a night's revisits (20 of the longest unread, not listed): "
          f"{revisit_ms:.1f} ms")
    print(f"archive size: {size:.1f} MB ({size * 1e6 / n / 1024:.1f} KiB per document)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
