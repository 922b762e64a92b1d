"""Conventions: one source = one spider module = one test module = one fixture folder."""

import pytest
from conftest import FIXTURES, TESTS

from crawler.runner import known_sources, spider_loader
from pipelines.vocab import SourceKind

SOURCES = known_sources()


def test_the_mofcom_sources_exist():
    assert {"mofcom", "mofcom_exportcontrol", "mofcom_consulates"} <= set(SOURCES)


@pytest.mark.parametrize("name", SOURCES)
def test_spider_has_test_module_and_fixtures(name):
    assert (TESTS / "spiders" / f"test_{name}.py").is_file()
    folder = FIXTURES / name
    assert folder.is_dir() and any(folder.iterdir())
    assert (folder / "contract.yaml").is_file()  # the pages of tests/spiders/test_contract.py


@pytest.mark.parametrize("name", SOURCES)
def test_spider_module_is_named_after_its_source(name):
    spider = spider_loader().load(name)
    assert spider.__module__ == f"crawler.spiders.{name}"


@pytest.mark.parametrize("name", SOURCES)
def test_spider_declares_source_facts(name):
    spider = spider_loader().load(name)
    assert SourceKind(spider.source_kind)
    assert spider.description and spider.entry_points
    assert spider.min_items >= 1


def test_no_source_file_holds_a_control_character():
    """A pattern written "\\b" in a plain string is a backspace, not a word boundary, and
    matches nothing (one did, unseen, in linking's _PUT_UNDER_CONTROL until the sixty-first
    pass): no Python or Markdown file of the project holds a control character but tab and
    newline."""
    from conftest import REPO
    control = [chr(c) for c in range(32) if chr(c) not in "\t\n\r"]
    found = [f"{path.relative_to(REPO)}:{n}"
             for folder in ("pipelines", "crawler", "tests", "benchmarks", "docs")
             for path in sorted((REPO / folder).rglob("*"))
             if path.suffix in (".py", ".md")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if any(c in line for c in control)]
    assert found == []
