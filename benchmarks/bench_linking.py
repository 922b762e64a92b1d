"""Benchmark: the end-of-run linking cost grows with what a night changed, not with the archive.

Run: .venv/bin/python benchmarks/bench_linking.py [N ...]   (prints figures; asserts nothing)

For each archive size N (default 500 and 4000 news documents, spread over 2023-2026 and over
the glossary's subjects), a night that stores 10 new news documents and one new measure is
timed at its end (pipelines.linking.link_run): the number of documents relinked and the time
should stay about the same whatever N, apart from the documents that may describe the new
measure (those sharing its subject and published after it).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from pipelines.archive import Archive
from pipelines.items import DocumentItem, MeasureEvent, MeasureRef
from pipelines.linking import link_run
from pipelines.normalize import content_hash, normalize_item
from pipelines.store import store_item

SUBJECTS = ["gallium", "germanium", "antimony", "graphite", "tungsten", "bismuth", "indium",
            "lithium batteries", "superhard materials", "rare earths", "drones", "tellurium"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def story(i: int, rng: random.Random) -> DocumentItem:
    year, month = rng.choice((2023, 2024, 2025, 2026)), rng.randrange(1, 13)
    subject = rng.choice(SUBJECTS)
    body = (f"China's export controls on {subject} announced in {MONTHS[month - 1]} are "
            f"lawful, experts said.\n\nExporters of {subject} must apply for licences.")
    return normalize_item(DocumentItem(
        url=f"https://www.globaltimes.cn/page/{year}{month:02d}/{1000000 + i}.shtml",
        source="globaltimes", source_kind="news", title=f"Export controls on {subject}",
        body=body, language="en", published_raw=f"{year}-{month:02d}-28 10:00"))


def measure(number: int, subject_zh: str, published: str) -> DocumentItem:
    title = f"商务部公告2026年第{number}号 关于对{subject_zh}相关物项实施出口管制的公告"
    item = DocumentItem(url=f"https://www.mofcom.gov.cn/art/2026/{number}.html",
                        source="mofcom", source_kind="authority", title=title, body=title,
                        language="zh", published=published, confidence="high")
    item.measures = [MeasureRef(id=f"MOFCOM-2026-{number}", series="MOFCOM", year=2026,
                                number=number, issuers=["MOFCOM"], relation="issues",
                                confidence="high", reason="own", title=title,
                                title_language="zh", published=published,
                                events=[MeasureEvent("issued", date=published)])]
    item.content_hash = content_hash(item)
    return item


def night(archive: Archive, as_of: str, items: list[DocumentItem]) -> tuple[int, float]:
    run_id = archive.start_run(as_of, ["bench"], None)
    for item in items:
        store_item(archive, item, run_id, as_of)
    start = time.perf_counter()
    linked = link_run(archive, run_id)
    return linked, time.perf_counter() - start


def main(sizes: list[int]) -> None:
    for n in sizes:
        rng = random.Random(n)
        with tempfile.TemporaryDirectory() as folder:
            archive = Archive.open(Path(folder) / "bench.db")
            first, first_time = night(archive, "2026-10-01", [story(i, rng) for i in range(n)])
            fresh = [story(n + i, rng) for i in range(10)]
            unrelated, quiet_time = night(archive, "2026-10-02",
                                          [*fresh, measure(900, "铪", "2026-09-30")])
            related, busy_time = night(archive, "2026-10-03",
                                       [measure(901, "钨", "2026-06-01")])
            archive.close()
        print(f"archive of {n} news documents: first night links {first} in {first_time:.2f} s; "
              f"a night with 10 new stories and an unrelated measure relinks {unrelated} in "
              f"{quiet_time * 1000:.0f} ms; a night with a tungsten measure of June 2026 "
              f"relinks {related} (stories on tungsten published since) in "
              f"{busy_time * 1000:.0f} ms")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [500, 4000])
