"""The news benchmark stopped by a kill leaves no temporary folder and no crawl behind."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _processes_naming(text: str) -> list[int]:
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if text in cmdline.read_bytes().decode(errors="replace"):
                found.append(int(cmdline.parent.name))
        except OSError:
            continue
    return found


def test_a_killed_benchmark_removes_its_folder_and_stops_its_crawl(tmp_path: Path) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    bench = subprocess.Popen([sys.executable, "benchmarks/bench_news.py", "--split", "dev"],
                             cwd=REPO, env={**os.environ, "TMPDIR": str(scratch)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (folders := list(scratch.glob("bench-news-*"))) or not _processes_naming(
            str(folders[0])):  # wait for the crawl child, which names the folder
        assert time.monotonic() < deadline and bench.poll() is None
        time.sleep(0.1)
    bench.send_signal(signal.SIGTERM)
    assert bench.wait(timeout=60) == 128 + signal.SIGTERM
    assert list(scratch.iterdir()) == []
    deadline = time.monotonic() + 10
    while _processes_naming(str(folders[0])) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_naming(str(folders[0])) == []
