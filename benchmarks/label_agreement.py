"""How far two annotators of the same real excerpts agree: relevance, categories (on the texts
both call relevant) and links (the second's, scored against the first's as the benchmark scores
regwatch's: an id either annotator calls ambiguous is neither required nor false). It tells
what the figures of `bench_news.py --file` can mean: where two careful readers of the corpus
README agree, regwatch's distance from them is the rules', not the labels'.

    cd benchmarks/real_excerpts
    ../../.venv/bin/python ../label_agreement.py real31.labels.yaml real31.second.labels.yaml
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, NamedTuple

import yaml


class Agreement(NamedTuple):
    texts: int
    relevance: int  # texts both annotators call relevant or not alike
    both_relevant: int
    categories: int  # of the texts both call relevant, those with the same category
    tp: int
    fp: int  # links of the second's the first did not make
    fn: int  # links of the first's the second did not make


def labels(path: Path) -> dict[str, dict[str, Any]]:
    """A label file's records by id."""
    return {t["id"]: t for t in yaml.safe_load(path.read_text(encoding="utf-8"))["texts"]}


def agreement(first: dict[str, dict[str, Any]], second: dict[str, dict[str, Any]]) -> Agreement:
    """The two annotators' agreement on the texts both labelled; raises on a text one lacks."""
    if first.keys() != second.keys():
        missing = sorted(first.keys() ^ second.keys())
        raise ValueError(f"the two files label different texts: {', '.join(missing[:5])}")
    relevance = both = categories = tp = fp = fn = 0
    for key, a in first.items():
        b = second[key]
        relevance += a["relevant"] == b["relevant"]
        if a["relevant"] and b["relevant"]:
            both += 1
            categories += a["category"] == b["category"]
        doubtful = set(a.get("ambiguous") or []) | set(b.get("ambiguous") or [])
        made_a = set(a.get("links") or []) - doubtful
        made_b = set(b.get("links") or []) - doubtful
        tp += len(made_a & made_b)
        fp += len(made_b - made_a)
        fn += len(made_a - made_b)
    return Agreement(len(first), relevance, both, categories, tp, fp, fn)


def _ratio(n: int, d: int) -> str:
    return f"{n / d:.3f}" if d else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args()
    try:
        a = agreement(labels(args.first), labels(args.second))
    except (OSError, ValueError, KeyError, TypeError, yaml.YAMLError) as exc:
        sys.exit(f"label_agreement: {exc}")
    print(f"{a.texts} texts: relevance {a.relevance}/{a.texts}; categories {a.categories}/"
          f"{a.both_relevant} ({_ratio(a.categories, a.both_relevant)}); links of the second "
          f"against the first: precision {_ratio(a.tp, a.tp + a.fp)}, recall "
          f"{_ratio(a.tp, a.tp + a.fn)} (tp {a.tp}, fp {a.fp}, fn {a.fn})")


if __name__ == "__main__":
    main()
