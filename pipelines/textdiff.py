"""Text diffs a reader sees: character level (diff-match-patch), so a one-character correction in
Chinese is one marked character, not a red paragraph and a green one.

`char_diff(before, after)` gives the operations: ("=", text), ("-", text), ("+", text), cleaned
up for people (diff_cleanupSemantic) and with long unchanged runs shortened to their ends
(`context` characters each side). Renderers:
- `diff_html(ops)`: `<del>` and `<ins>` around the changed characters, everything escaped;
- `diff_text(ops)`: `[-removed-]{+added+}` for plain text and Markdown code blocks;
- `paragraph_diffs(before, after)`: one entry per changed paragraph (the unit of a body);
  `line_diffs` one per changed line (the unit of an annex's text).
"""

from __future__ import annotations

import difflib
from html import escape

from diff_match_patch import diff_match_patch

Op = tuple[str, str]
_KIND = {0: "=", -1: "-", 1: "+"}
ELLIPSIS = "…"


def char_diff(before: str, after: str, context: int = 40) -> list[Op]:
    """The character-level operations turning before into after, unchanged runs shortened."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 1.0
    diffs = dmp.diff_main(before or "", after or "")
    dmp.diff_cleanupSemantic(diffs)
    ops = _fold_short_equalities([(_KIND[kind], text) for kind, text in diffs if text])
    return [_shorten(op, i, len(ops), context) for i, op in enumerate(ops)]


def _fold_short_equalities(ops: list[Op], limit: int = 2) -> list[Op]:
    """`1[-6-]5{+6+}` reads better as `1[-65-]{+56+}`: an unchanged run of at most `limit`
    characters between two changes is folded into one removal and one addition."""
    out: list[Op] = []
    removed, added = "", ""
    for i, (kind, text) in enumerate(ops):
        inner = 0 < i < len(ops) - 1 and (removed or added)
        if kind == "=" and not (inner and len(text) <= limit and ops[i + 1][0] != "="):
            if removed:
                out.append(("-", removed))
            if added:
                out.append(("+", added))
            removed, added = "", ""
            out.append((kind, text))
        elif kind == "=":
            removed, added = removed + text, added + text
        elif kind == "-":
            removed += text
        else:
            added += text
    if removed:
        out.append(("-", removed))
    if added:
        out.append(("+", added))
    return out


def _shorten(op: Op, index: int, count: int, context: int) -> Op:
    kind, text = op
    if kind != "=" or len(text) <= 2 * context:
        return op
    head = text[:context] if index > 0 else ""
    tail = text[-context:] if index < count - 1 else ""
    return kind, f"{head}{ELLIPSIS}{tail}"


def changed(ops: list[Op]) -> str:
    """Only the changed characters, for a test or a one-line summary: `-165+156`."""
    return "".join(f"{kind}{text}" for kind, text in ops if kind != "=")


def diff_html(ops: list[Op]) -> str:
    """The operations as HTML: unchanged text, <del> removed and <ins> added characters."""
    tags = {"-": "del", "+": "ins"}
    return "".join(escape(text) if kind == "=" else f"<{tags[kind]}>{escape(text)}</{tags[kind]}>"
                   for kind, text in ops)


def diff_text(ops: list[Op]) -> str:
    """The operations as plain text: [-removed-] and {+added+}, on one line."""
    marks = {"-": ("[-", "-]"), "+": ("{+", "+}")}
    return " ".join("".join(text if kind == "=" else f"{marks[kind][0]}{text}{marks[kind][1]}"
                            for kind, text in ops).split())


def paragraph_diffs(before: str, after: str, context: int = 40) -> list[list[Op]]:
    """One character diff per changed paragraph (paragraphs are separated by blank lines);
    a paragraph added or removed whole is one operation."""
    return block_diffs((before or "").split("\n\n"), (after or "").split("\n\n"), context)


def line_diffs(before: str, after: str, context: int = 40) -> list[list[Op]]:
    """One character diff per changed line (an annex's text: one table row a line); a line
    added or removed whole is one operation."""
    return block_diffs((before or "").splitlines(), (after or "").splitlines(), context)


def block_diffs(old: list[str], new: list[str], context: int = 40) -> list[list[Op]]:
    """One character diff per changed block of two sequences (paragraphs, lines)."""
    out: list[list[Op]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = max(a2 - a1, b2 - b1)
        for k in range(pairs):
            first = old[a1 + k] if a1 + k < a2 else ""
            second = new[b1 + k] if b1 + k < b2 else ""
            out.append(char_diff(first, second, context))
    return out


def from_unified(lines: list[str], context: int = 40) -> list[list[Op]]:
    """Character diffs from a stored paragraph diff (pipelines.diff.text_diff's `-`/`+` lines):
    each run of removed paragraphs is paired with the added run after it."""
    out: list[list[Op]] = []
    removed: list[str] = []
    added: list[str] = []

    def flush() -> None:
        for k in range(max(len(removed), len(added))):
            first = removed[k] if k < len(removed) else ""
            second = added[k] if k < len(added) else ""
            out.append(char_diff(first, second, context))
        removed.clear()
        added.clear()

    for line in lines:
        if line.startswith("-"):
            if added:
                flush()
            removed.append(line[1:])
        elif line.startswith("+"):
            added.append(line[1:])
        else:
            flush()
    flush()
    return out
