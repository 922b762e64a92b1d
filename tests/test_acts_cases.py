"""The act sentences (tests/cases/acts/): the files hold what benchmarks/bench_acts.py reads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from pipelines.vocab import Category

ACTS = Path(__file__).parent / "cases" / "acts"
FILES = sorted(p.stem for p in ACTS.glob("*.yaml"))
FIELDS = {"id", "lang", "published", "sentence", "category", "note"}


def load(name: str) -> list[dict]:
    return yaml.safe_load((ACTS / f"{name}.yaml").read_text("utf-8"))


@pytest.mark.parametrize("name", FILES)
def test_every_item_is_well_formed(name):
    items = load(name)
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        assert set(item) == FIELDS, item["id"]
        assert item["id"].startswith(f"acts-{name}-")
        assert name.startswith(("dev", "heldout"))
        assert item["lang"] in ("en", "zh")
        assert date(2023, 7, 1) <= item["published"] <= date(2026, 11, 30)
        assert item["category"] in set(Category), item["id"]
        assert item["sentence"].strip() and item["note"].strip()


def test_the_files_share_no_sentence():
    """A held-out file measures rules developed on the others: no sentence is in two files."""
    sentences = [i["sentence"] for name in FILES for i in load(name)]
    assert len(set(sentences)) == len(sentences)


def test_the_benchmark_reads_a_sentence_as_a_page_s_lead():
    """benchmarks/bench_acts.py classifies the page a sentence opens: an act told plainly is
    the act, another government's is a statement."""
    import sys
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    from bench_acts import page_category

    def case(sentence: str) -> dict:
        return {"sentence": sentence, "lang": "en", "published": date(2025, 10, 10)}

    assert page_category(case("China on Thursday imposed export controls on five more rare "
                              "earth elements.")) == Category.CONTROLLED_ITEM_CHANGE
    assert page_category(case("Japan on Thursday imposed export controls on 23 types of "
                              "chipmaking equipment.")) == Category.POLICY_STATEMENT
