"""Scenario replays: each bundled night, replayed after the nights before it, reports exactly the
changes written next to it in demo/nights/<night>.expected.yaml: no more, no fewer."""

import json

import pytest
import yaml
from conftest import REPO

NIGHTS = REPO / "demo" / "nights"
EXPECTED = sorted(NIGHTS.glob("*.expected.yaml"))
# The fields an expected change may pin down (summaries and titles are prose, not pinned).
KEYS = {"kind", "measure", "from", "to", "by", "until", "url", "source", "entity", "list"}


def text(value):
    return None if value is None else str(value)  # YAML reads 2026-11-10 as a date


def matches(change: dict, expected: dict) -> bool:
    return all(text(change.get(key)) == text(value) for key, value in expected.items())


def test_every_night_has_its_expected_changes():
    nights = sorted(p.name for p in NIGHTS.iterdir() if p.is_dir())
    assert [p.name.removesuffix(".expected.yaml") for p in EXPECTED] == nights


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_night_reports_exactly_the_expected_changes(path, demo):
    folder, _ = demo
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert all(set(e) <= KEYS and "kind" in e for e in expected["changes"])
    report = json.loads((folder / "diff_reports" / f"{expected['run_id']}.json").read_text(
        encoding="utf-8"))
    remaining, unexpected = list(expected["changes"]), []
    for change in report["changes"]:
        match = next((e for e in remaining if matches(change, e)), None)
        if match is None:
            unexpected.append(f"{change['kind']}: {change['summary']}")
        else:
            remaining.remove(match)
    assert unexpected == [], "reported but not expected"
    assert remaining == [], "expected but not reported"
    assert {s["name"]: s["status"] for s in report["sources"]} == expected["sources"]
