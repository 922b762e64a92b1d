"""Benchmark: precision and recall of pipelines.controlled_items on its cases file.

Cases: tests/cases/controlled_items.yaml.

Run: .venv/bin/python benchmarks/bench_controlled_items.py [--part dev|held_out] [-v]
Prints, for each part: items found (precision, recall, by code + HS code, or by description for
an item without codes) and, of the items found, how many have the expected Chinese and English
descriptions and clause. Asserts nothing; -v lists every miss and every extra item.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from pipelines.controlled_items import ControlledItem, find_controlled_items

CASES = Path(__file__).resolve().parent.parent / "tests" / "cases" / "controlled_items.yaml"


def load_cases() -> dict[str, list[dict]]:
    return yaml.safe_load(CASES.read_text(encoding="utf-8"))


def as_expected(item: ControlledItem) -> dict:
    return {"code": item.code, "hs": item.hs_code, "zh": item.description_zh,
            "en": item.description_en, "clause": item.clause}


def normalized(expected: dict) -> dict:
    """A case's expected item with YAML's types made plain (codes and HS as strings or None)."""
    return {key: (None if expected.get(key) is None else str(expected[key]))
            for key in ("code", "hs", "zh", "en", "clause")}


def item_key(item: dict) -> tuple:
    if item["code"] is None and item["hs"] is None:
        return (None, None, item["zh"] or item["en"])
    return (item["code"], item["hs"])


def score(cases: list[dict], verbose: bool = False) -> dict[str, float]:
    found_total = expected_total = matched_total = 0
    fields = Counter()
    for case in cases:
        found = [as_expected(item) for item in find_controlled_items(case["text"])]
        expected = [normalized(item) for item in case["expected"]]
        unmatched = list(expected)
        for item in found:
            twin = next((e for e in unmatched if item_key(e) == item_key(item)), None)
            if twin is None:
                if verbose:
                    print(f"  {case['id']}: extra {item}")
                continue
            unmatched.remove(twin)
            matched_total += 1
            for name in ("zh", "en", "clause"):
                if item[name] == twin[name]:
                    fields[name] += 1
                elif verbose:
                    print(f"  {case['id']}: {name} {item[name]!r}, expected {twin[name]!r}")
        if verbose:
            for item in unmatched:
                print(f"  {case['id']}: missed {item}")
        found_total += len(found)
        expected_total += len(expected)
    return {
        "cases": len(cases), "expected": expected_total, "found": found_total,
        "precision": matched_total / found_total if found_total else 1.0,
        "recall": matched_total / expected_total if expected_total else 1.0,
        **{f"{name} right": fields[name] / matched_total if matched_total else 1.0
           for name in ("zh", "en", "clause")},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "held_out"], action="append")
    parser.add_argument("-v", "--verbose", action="store_true")
    options = parser.parse_args()
    cases = load_cases()
    for part in options.part or ["dev", "held_out"]:
        print(f"{part}:")
        result = score(cases[part], options.verbose)
        print(f"  {result['cases']} cases, {result['expected']} items expected,"
              f" {result['found']} found")
        print(f"  precision {result['precision']:.2f}  recall {result['recall']:.2f}  "
              f"(items by code + HS code)")
        print(f"  of the items found: Chinese description right {result['zh right']:.2f},"
              f" English {result['en right']:.2f}, clause {result['clause right']:.2f}")


if __name__ == "__main__":
    main()
