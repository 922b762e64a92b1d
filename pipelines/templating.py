"""The one Jinja environment of regwatch's reports and digests (pipelines/templates/).

HTML templates are autoescaped; the `http_only` filter keeps a scraped link only if it is http(s).
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape


def http_only(url: str | None) -> str:
    """A scraped link is shown only if it is http(s): no javascript: or data: URLs."""
    return url if url and url.startswith(("http://", "https://")) else "#"


ENV = Environment(loader=PackageLoader("pipelines", "templates"),
                  autoescape=select_autoescape(["html", "html.j2"]),
                  trim_blocks=True, lstrip_blocks=True)
ENV.filters["http_only"] = http_only


def render(template: str, context: dict[str, Any]) -> str:
    return ENV.get_template(template).render(context)
