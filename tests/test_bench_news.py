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


def test_a_file_kept_outside_the_corpus_is_scored_and_held_apart_on_request(tmp_path: Path
                                                                            ) -> None:
    """--file runs texts that cannot live in the repository (real pages' excerpts) through the
    same path; --held-apart never lists their mistakes."""
    import yaml

    dev = yaml.safe_load((REPO / "tests/cases/news/dev.yaml").read_text("utf-8"))["texts"]
    chosen = [t for t in dev if t["id"] in ("dev-01", "dev-02")]
    wrong = dict(chosen[0], id="outside-02", url=chosen[0]["url"].replace(".shtml", "9.shtml"),
                 relevant=not chosen[0]["relevant"])  # one expectation made wrong on purpose
    path = tmp_path / "outside.yaml"
    path.write_text(yaml.safe_dump({"texts": [chosen[1], wrong]}, allow_unicode=True), "utf-8")
    for extra, listed in (([], True), (["--held-apart"], False)):
        result = subprocess.run([sys.executable, "benchmarks/bench_news.py", "--file", str(path),
                                 "--show", *extra], cwd=REPO, capture_output=True, text=True,
                                timeout=300)
        assert result.returncode == 0, result.stderr[-2000:]
        assert result.stdout.startswith("outside: 2 texts")
        assert "relevance: 0.500 (1/2" in result.stdout
        assert ("outside-02" in result.stdout) is listed


def test_a_chinese_paragraph_keeps_the_spaces_between_latin_words() -> None:
    """A Chinese text's paragraph is unwrapped without the spaces its line breaks put next to
    Chinese characters, but the English of a bilingual page keeps its spaces ("Recently, China
    announced …" stayed "Recently,Chinaannounced…" before the sixty-eighth pass)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import bench_news
    finally:
        sys.path.pop(0)
    text = {"language": "zh", "body": "近日，中国宣布自8月1日起\n对镓实施出口管制。\n\n"
                                      "Recently, China announced\nexport controls on gallium."}
    assert bench_news.paragraphs(text) == ["近日，中国宣布自8月1日起对镓实施出口管制。",
                                           "Recently, China announced export controls on gallium."]
    bullets = {"language": "zh", "body": "断供危机 [1][3] - 2025年10月中国实施的\n新一轮管制"}
    assert bench_news.paragraphs(bullets) == ["断供危机[1][3] - 2025年10月中国实施的新一轮管制"]
