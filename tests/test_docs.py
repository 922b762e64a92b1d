"""The docs follow the code: every command is in the README with an example in its --help, and
nothing a user reads points outside the repository (a user's clone has only the repository)."""

import re

import pytest
from click.testing import CliRunner
from conftest import REPO

from crawler.cli import cli

COMMANDS = sorted(cli.commands)
USER_DOCS = [REPO / "README.md", REPO / "demo" / "README.md", *sorted((REPO / "docs").glob("*.md"))]
# A pointer out of the repository: the team's shared folder, its contract, a parent folder.
OUTSIDE = re.compile(r"shared/|CONTRACT\.md|\.\./")


def help_text(*args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--help"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme_and_the_reference(command):
    assert f"regwatch {command}" in (REPO / "README.md").read_text(encoding="utf-8")
    assert f"regwatch {command}" in (REPO / "docs" / "REFERENCE.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_an_example_in_its_help(command):
    text = help_text(command)
    example = text.split("Example:", 1)
    assert len(example) == 2, text
    assert f"regwatch {command}" in example[1]


@pytest.mark.parametrize("path", USER_DOCS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_user_docs_never_point_outside_the_repository(path):
    assert OUTSIDE.findall(path.read_text(encoding="utf-8")) == []


def test_help_never_points_outside_the_repository():
    for text in [help_text(), *(help_text(c) for c in COMMANDS)]:
        assert OUTSIDE.findall(text) == []


def test_files_the_docs_name_exist():
    """Paths in backticks in the docs (`pipelines/x.py`, `docs/X.md`) are in the tree."""
    named = set()
    for path in USER_DOCS:
        named |= set(re.findall(r"`((?:crawler|pipelines|docs|tests|demo|benchmarks)/[\w./-]+)`",
                                path.read_text(encoding="utf-8")))
    missing = sorted(n for n in named if "<" not in n and not (REPO / n.rstrip("/")).exists())
    assert missing == []


def test_the_architecture_lists_every_module():
    text = (REPO / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    modules = [p for folder in ("crawler", "pipelines") for p in (REPO / folder).rglob("*.py")
               if p.name != "__init__.py" and "spiders" not in p.parts]
    missing = [p.relative_to(REPO).as_posix() for p in modules
               if f"`{p.relative_to(REPO / p.parts[len(REPO.parts)]).as_posix()}`" not in text]
    assert missing == []
