"""The fault suite: every case of tests/faults/nights.py (a healthy night, then four faulty nights
through the real network path) holds: exit 0, the fault reported as a source problem naming the
source and the page, nothing removed, no status or document changed, no new version, an intact
archive. `python tests/faults/nights.py` prints the same cases as a table."""

from __future__ import annotations

import pytest

from faults.nights import CASES, Case, Outcome, run_cases

pytestmark = pytest.mark.faults


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, Outcome]:
    """Every case run once (several at a time), by name."""
    return {o.case.name: o for o in run_cases(CASES, tmp_path_factory.mktemp("faults"))}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_faulty_source_is_reported_and_nothing_is_removed_or_changed(outcomes, case: Case):
    outcome = outcomes[case.name]
    assert len(outcome.nights) == 4
    assert outcome.broken == []


def test_the_suite_covers_every_fault_kind_and_every_source():
    from faults.nights import SOURCES
    from faults.proxy import CERTIFICATE_KINDS, Kind

    kinds = {c.kind for c in CASES}
    assert set(Kind) - CERTIFICATE_KINDS <= kinds
    assert {c.source for c in CASES} == set(SOURCES)
