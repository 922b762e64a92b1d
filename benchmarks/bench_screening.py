"""Benchmark: precision and recall of pipelines.screening on the screening case files.

Run: .venv/bin/python benchmarks/bench_screening.py [--show] [--dev]   (prints figures; asserts
nothing)

Reads the reference entities of tests/cases/screening_entities.yaml and every other
tests/cases/screening_*.yaml (the development set, and a held-out set when there is one). A case
file is either a list of cases over the reference entities, or a mapping with its own `entities`
(id, name_zh, name_en, aliases) and `cases` (the held-out set's form, checked by
tests/test_corpus_format.py). Counting, per query: a returned id in `expect` is a true positive,
one in `also_ok` (acceptable, not required) is not counted, any other returned id a false
positive, an id of `expect` not returned a false negative; a query screen() refuses
(ValueError) returns nothing. --show lists the mistakes of the development file only
(screening_dev.yaml): the held-out file is for measuring, not tuning. --dev measures the
development file alone (the held-out files are not even read): what to run while changing the
rules. The figures measured are kept in tests/cases/SCREENING.md.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pipelines.screening import EntityNames, screen

CASES = Path(__file__).resolve().parent.parent / "tests" / "cases"
ENTITIES = CASES / "screening_entities.yaml"
DEVELOPMENT = "screening_dev.yaml"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    queries: int = 0
    mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_entities(path: Path = ENTITIES) -> list[EntityNames]:
    return entity_names(yaml.safe_load(path.read_text("utf-8")))


def entity_names(rows: list[dict]) -> list[EntityNames]:
    return [EntityNames(e["id"], e.get("name_zh"), e.get("name_en"), tuple(e.get("aliases") or ()))
            for e in rows]


def load_case_file(path: Path, reference: list[EntityNames]) -> tuple[list[dict],
                                                                      list[EntityNames]]:
    """(cases, the entities they are screened against) of a case file (either form)."""
    data = yaml.safe_load(path.read_text("utf-8")) or []
    if isinstance(data, dict):
        return data.get("cases") or [], entity_names(data.get("entities") or [])
    return data, reference


def case_files(folder: Path = CASES) -> list[Path]:
    """Every screening_*.yaml but the entities file."""
    return [p for p in sorted(folder.glob("screening_*.yaml")) if p.name != ENTITIES.name]


def evaluate(cases: list[dict], entities: list[EntityNames]) -> Tally:
    tally = Tally()
    for case in cases:
        expected = set(case.get("expect") or [])
        try:
            hits = screen(case["query"], entities)
        except ValueError as e:  # a query screen() refuses matches nothing
            hits, refused = [], str(e)
        else:
            refused = ""
        found = {h.entity_id for h in hits} - (set(case.get("also_ok") or []) - expected)
        tally.queries += 1
        tally.tp += len(found & expected)
        tally.fp += len(found - expected)
        tally.fn += len(expected - found)
        if found != expected:
            shown = ", ".join(f"{h.entity_id}:{h.matched_name}={h.score}/{h.how}" for h in hits)
            tally.mistakes.append(f"  {case['query']!r}: missed {sorted(expected - found)}, "
                                  f"extra {sorted(found - expected)} [{shown or refused}]")
    return tally


def main(show: bool, dev_only: bool = False) -> None:
    entities = load_entities()
    files = [p for p in case_files() if not dev_only or p.name == DEVELOPMENT]
    if not files:
        print(f"no case files in {CASES}")
        return
    for path in files:
        cases, against = load_case_file(path, entities)
        start = time.perf_counter()
        tally = evaluate(cases, against)
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{path.name}: {tally.queries} queries over {len(against)} entities: "
              f"precision {tally.precision:.3f}, recall {tally.recall:.3f} "
              f"(tp {tally.tp}, fp {tally.fp}, fn {tally.fn}; {elapsed:.0f} ms)")
        if show and path.name == DEVELOPMENT:
            print("\n".join(tally.mistakes) or "  no mistakes")


if __name__ == "__main__":
    main("--show" in sys.argv[1:], "--dev" in sys.argv[1:])
