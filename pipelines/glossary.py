"""A built-in English/Chinese glossary of the regime's subjects, for topics.

A topic's term (`rare earths`) is expanded into every form the archive writes the subject in:
its English spellings and its Chinese words (稀土) and, for element groups, the names of the
elements themselves (钐、钆、铽、镝 ...), so that a topic matches the measures whose titles say so
in either language.

API (pure, no I/O):
- `subject_of(term)`: the glossary's `Subject` a term names, or None;
- `expand(terms)`: the terms with every equivalent form, lower-cased, deduplicated, in order;
- `found_in(text, terms)`: the (expanded) terms that occur in text.

Matching is by substring on lower-cased text (Chinese has no word boundaries); English forms
shorter than four letters are left out so that they cannot match inside other words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Subject:
    """One subject: its name, its English forms and its Chinese forms."""

    name: str
    en: tuple[str, ...]
    zh: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        return (*self.en, *self.zh)


SUBJECTS = (
    Subject("rare earths",
            ("rare earth", "rare-earth", "samarium", "gadolinium", "terbium", "dysprosium",
             "lutetium", "scandium", "yttrium", "holmium", "erbium", "thulium", "ytterbium"),
            ("稀土", "钐", "钆", "铽", "镝", "镥", "钪", "钇", "钬", "铒", "铥", "镱")),
    Subject("gallium", ("gallium",), ("镓",)),
    Subject("germanium", ("germanium",), ("锗",)),
    Subject("antimony", ("antimony",), ("锑",)),
    Subject("graphite", ("graphite",), ("石墨",)),
    Subject("superhard materials", ("superhard", "super-hard", "synthetic diamond"),
            ("超硬材料", "人造金刚石")),
    Subject("lithium batteries", ("lithium batter", "lithium-ion", "anode material"),
            ("锂电池", "负极材料", "锂离子")),
    Subject("tungsten", ("tungsten",), ("钨",)),
    Subject("tellurium", ("tellurium",), ("碲",)),
    Subject("bismuth", ("bismuth",), ("铋",)),
    Subject("molybdenum", ("molybdenum",), ("钼",)),
    Subject("indium", ("indium",), ("铟",)),
    Subject("drones", ("drone", "unmanned aerial"), ("无人机", "无人驾驶航空器")),
    Subject("semiconductors", ("semiconductor", "chip", "integrated circuit"),
            ("半导体", "芯片", "集成电路")),
    Subject("dual-use items", ("dual-use", "dual use"), ("两用物项",)),
    Subject("unreliable entity list", ("unreliable entity",), ("不可靠实体",)),
    Subject("export control list", ("export control control list", "control list"),
            ("管控名单",)),
    Subject("tariffs", ("tariff",), ("关税",)),
)


def _key(term: str) -> str:
    """A term as looked up: lower case, hyphens as spaces, one space, no plural s."""
    text = re.sub(r"[\s\-_]+", " ", term.strip().lower())
    return text[:-1] if text.endswith("s") and len(text) > 4 else text


_INDEX = {_key(form): subject for subject in SUBJECTS
          for form in (subject.name, *subject.forms)}


def subject_of(term: str) -> Subject | None:
    """The subject a term names in English or Chinese (`rare earths`, `Rare-Earth`, `稀土`)."""
    return _INDEX.get(_key(term))


def _usable(form: str) -> bool:
    return bool(re.search(r"[^\x00-\x7f]", form)) or len(form) >= 4


def expand(terms: Iterable[str]) -> list[str]:
    """The terms and every equivalent form the glossary knows, lower-cased, each once."""
    out: list[str] = []
    for term in terms:
        subject = subject_of(term)
        forms = [term.strip(), *(subject.forms if subject else ())]
        for form in forms:
            low = form.lower()
            if low and _usable(low) and low not in out:
                out.append(low)
    return out


def found_in(text: str | None, terms: Iterable[str]) -> list[str]:
    """The terms (already expanded) found in text, case-insensitively."""
    low = (text or "").lower()
    return [term for term in terms if term in low]
