"""Benchmark: the category of a news page whose first sentence tells an act in a reporter's words.

Run: .venv/bin/python benchmarks/bench_acts.py [--show] [--dev]   (prints figures; asserts
nothing; a few seconds; --dev: the development file alone, what to run while changing rules)

The cases are tests/cases/acts/ (README.md there): one-sentence leads, each telling China's act
of the day in a different wording (or the same words where China does nothing new), with the
category a trade-compliance analyst gives the page. dev*.yaml are for developing the reading
rules; heldout*.yaml are kept out of their development (their figures are the ones that matter).
--show lists the mistakes of the development files only, never of a held-out one.

Each sentence is read as the lead of a news page (pipelines.classify.classify_category, source
kind `news`) under a headline that names no act and above a paragraph that reports none, so
the category comes from the sentence alone.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

from pipelines.classify import classify_category

CASES = Path(__file__).resolve().parent.parent / "tests" / "cases" / "acts"
TITLE = {"en": "Trade roundup", "zh": "经贸动态"}
AFTER = {"en": "Analysts said markets would take time to adjust.",
         "zh": "分析人士表示，市场需要时间适应。"}


def page_category(case: dict) -> str:
    """The category of a news page whose lead is the case's sentence."""
    lang = case.get("lang", "en")
    body = f"{case['sentence']}\n{AFTER[lang]}"
    return classify_category(TITLE[lang], body, "news", str(case["published"])[:10])


def report(name: str, cases: list[dict], show: bool) -> None:
    right, confused, per_category = 0, Counter(), Counter()
    mistakes = []
    for case in cases:
        got = page_category(case)
        per_category[case["category"]] += 1
        if got == case["category"]:
            right += 1
        else:
            confused[(case["category"], got)] += 1
            mistakes.append((case, got))
    print(f"{name}: {len(cases)} sentences, categories {right}/{len(cases)} = "
          f"{right / max(len(cases), 1):.3f}")
    by_category = Counter(c["category"] for c, _ in mistakes)
    print("  right per category: " + ", ".join(
        f"{c} {per_category[c] - by_category[c]}/{per_category[c]}" for c in sorted(per_category)))
    if confused:
        print("  confused (expected -> got): " + ", ".join(
            f"{a} -> {b} {n}" for (a, b), n in sorted(confused.items())))
    if show:
        for case, got in mistakes:
            print(f"  {case['id']}: {got}, expected {case['category']}: {case['sentence']}")


def files(dev_only: bool) -> list[Path]:
    """The development files (dev, dev2, …), then the held-out ones (heldout, heldout2, …)."""
    development = sorted(CASES.glob("dev*.yaml"))
    return development if dev_only else development + sorted(CASES.glob("heldout*.yaml"))


def main(show: bool, dev_only: bool = False) -> None:
    for path in files(dev_only):
        development = path.stem.startswith("dev")
        report(path.stem, yaml.safe_load(path.read_text("utf-8")), show and development)


if __name__ == "__main__":
    main("--show" in sys.argv[1:], "--dev" in sys.argv[1:])
