"""The layers import one way: pipelines/ (the library) never imports crawler/ (the application).

Checked on the source, every import statement, at any depth (inside functions too)."""

import ast
from pathlib import Path

import pytest
from conftest import REPO

LIBRARY = REPO / "pipelines"


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in a Python file, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(REPO).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((node.lineno, module))
    return found


def upward_imports(folder: Path, forbidden: str) -> list[str]:
    return [f"{path.relative_to(REPO)}:{line} imports {module}"
            for path in sorted(folder.rglob("*.py"))
            for line, module in imported_modules(path)
            if module == forbidden or module.startswith(forbidden + ".")]


def test_the_library_never_imports_the_application():
    assert upward_imports(LIBRARY, "crawler") == []


@pytest.mark.parametrize("source", [
    "from crawler.runner import Run\n",
    "def f():\n    import crawler.cli\n",
    "def f():\n    from crawler import settings\n",
])
def test_the_check_finds_an_upward_import_anywhere(tmp_path, monkeypatch, source):
    import test_layers

    fake_repo = tmp_path
    (fake_repo / "pipelines").mkdir()
    (fake_repo / "pipelines" / "stage.py").write_text(source, encoding="utf-8")
    monkeypatch.setattr(test_layers, "REPO", fake_repo)
    assert len(upward_imports(fake_repo / "pipelines", "crawler")) == 1


def test_relative_imports_are_resolved(tmp_path, monkeypatch):
    import test_layers

    (tmp_path / "pipelines").mkdir()
    path = tmp_path / "pipelines" / "stage.py"
    path.write_text("from .archive import Archive\nfrom . import items\n", encoding="utf-8")
    monkeypatch.setattr(test_layers, "REPO", tmp_path)
    assert [m for _, m in imported_modules(path)] == ["pipelines.archive", "pipelines"]
