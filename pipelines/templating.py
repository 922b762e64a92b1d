"""The one Jinja environment of regwatch's reports and digests (pipelines/templates/).

HTML templates are autoescaped; the `http_only` filter keeps a scraped link only if it is http(s).
Markdown templates escape every scraped value with `md` (text), `md_url` (a link target) and
`md_fence` (a code fence no scraped line can close), so a CommonMark renderer shows scraped text as
text: no raw HTML, no script, no javascript: or data: link.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape


def http_only(url: str | None) -> str:
    """A scraped link is shown only if it is http(s): no javascript: or data: URLs."""
    return url if url and url.startswith(("http://", "https://")) else "#"


# CommonMark: a backslash before ASCII punctuation makes it text. These are what could start a
# link, an image, raw HTML, emphasis, code, a heading, a table cell or strike-through.
MARKDOWN_SPECIAL = set("\\`*_[]<>|!#~{}()")


def markdown_text(value: object) -> str:
    """Scraped text as Markdown that renders as the same text: no HTML, no link, no markup;
    one line (a newline could start a block of its own)."""
    text = " ".join(str(value if value is not None else "").split())
    text = text.replace("&", "&amp;")
    return "".join(f"\\{ch}" if ch in MARKDOWN_SPECIAL else ch for ch in text)


def markdown_url(url: str | None) -> str:
    """A scraped link for a Markdown link target: http(s) only, nothing that ends the target."""
    safe = http_only(url)
    return "".join(f"%{ord(ch):02X}" if ch in "()<> \"\\`" or ord(ch) < 0x20 else ch
                   for ch in safe)


def markdown_fence(lines: list[str]) -> str:
    """A code fence longer than any backtick run in lines, so no line can close it."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    return "`" * max(3, longest + 1)


ENV = Environment(loader=PackageLoader("pipelines", "templates"),
                  autoescape=select_autoescape(["html", "html.j2"]),
                  trim_blocks=True, lstrip_blocks=True)
ENV.filters["http_only"] = http_only
ENV.filters["md"] = markdown_text
ENV.filters["md_url"] = markdown_url
ENV.filters["md_fence"] = markdown_fence


def render(template: str, context: dict[str, Any]) -> str:
    return ENV.get_template(template).render(context)
