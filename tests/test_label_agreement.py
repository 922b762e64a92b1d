"""The agreement of two annotators' labels (benchmarks/label_agreement.py)."""

import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def _write(path: Path, texts: list[dict]) -> Path:
    path.write_text(yaml.safe_dump({"texts": texts}, allow_unicode=True), encoding="utf-8")
    return path


def _run(*args: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "benchmarks/label_agreement.py", *map(str, args)],
                          cwd=REPO, capture_output=True, text=True, timeout=60)


def test_two_annotators_are_compared_as_the_benchmark_scores_links(tmp_path: Path) -> None:
    """Relevance on every text, categories on those both call relevant, and the second's links
    against the first's, an id either calls ambiguous counted neither way."""
    first = _write(tmp_path / "a.yaml", [
        {"id": "x-1", "relevant": True, "category": "suspension", "ambiguous": [],
         "links": ["MOFCOM-2025-70", "MOFCOM-2025-57"]},
        {"id": "x-2", "relevant": True, "category": "tariff", "links": [], "ambiguous": []},
        {"id": "x-3", "relevant": False, "category": None, "links": [], "ambiguous": []},
        {"id": "x-4", "relevant": True, "category": "entity_listing",
         "links": ["UEL-2025-5"], "ambiguous": []}])
    second = _write(tmp_path / "b.yaml", [
        {"id": "x-1", "relevant": True, "category": "suspension",
         "links": ["MOFCOM-2025-70", "MOFCOM-2025-61"]},
        {"id": "x-2", "relevant": True, "category": "policy_statement", "links": []},
        {"id": "x-3", "relevant": True, "category": "tariff", "links": []},
        {"id": "x-4", "relevant": True, "category": "entity_listing", "links": ["UEL-2025-6"],
         "ambiguous": ["UEL-2025-5", "UEL-2025-6"]}])
    done = _run(first, second)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "4 texts: relevance 3/4; categories 2/3 (0.667); links of the second against the "
        "first: precision 0.500, recall 0.500 (tp 1, fp 1, fn 1)")


def test_files_of_different_texts_are_refused_in_one_line(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.yaml", [{"id": "x-1", "relevant": False, "category": None,
                                          "links": []}])
    second = _write(tmp_path / "b.yaml", [{"id": "y-1", "relevant": False, "category": None,
                                           "links": []}])
    done = _run(first, second)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip() == "label_agreement: the two files label different texts: " \
                                  "x-1, y-1"
    missing = _run(first, tmp_path / "none.yaml")
    assert missing.returncode == 1 and missing.stderr.startswith("label_agreement: ")
    assert len(missing.stderr.strip().splitlines()) == 1
