"""NFKC normalization, the same as `unicodedata.normalize("NFKC", text)`, faster on Chinese text.

Whole-text NFKC composes, decomposes and reorders each character with its neighbours, which is
slow on long texts even when only a few full-width marks (，。（）) change. A text made only of
ASCII, CJK unified ideographs and the punctuation and symbols below changes character by
character: none of these characters is or becomes a combining mark, and none composes with a
neighbour (tests/test_nfkc.py checks every one of them against its neighbours). Such a text is
normalized by replacing each distinct changing character; any other text by `unicodedata`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Latin-1 (but its spacing accents ¨ ¯ ´ ¸), general punctuation (but ‗ ‾), letterlike symbols,
# enclosed alphanumerics, CJK symbols and punctuation (but the tone marks 〪-〯), enclosed CJK
# letters and compatibility, full-width ASCII.
SAFE_RANGES = (
    "\u00a0-\u00a7\u00a9-\u00ae\u00b0-\u00b3\u00b5-\u00b7\u00b9-\u00ff"
    "\u2000-\u2016\u2018-\u203d\u203f-\u206f\u2100-\u214f\u2460-\u24ff"
    "\u3000-\u3029\u3030-\u303f\u3200-\u33ff\uff01-\uff5e"
)
_PLAIN = "\x00-\x7f\u4e00-\u9fff"  # no compatibility decomposition, no composition
_OTHER = re.compile(f"[^{_PLAIN}{SAFE_RANGES}]")  # a character that needs unicodedata
_MAY_CHANGE = re.compile(f"[^{_PLAIN}]")


@lru_cache(maxsize=4096)
def _one(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), one str.replace per changing character when every
    character changes on its own."""
    if text.isascii() or _OTHER.search(text):
        return unicodedata.normalize("NFKC", text)
    for ch in set(_MAY_CHANGE.findall(text)):
        norm = _one(ch)
        if norm != ch:  # NFKC is idempotent: a replacement holds no character replaced later
            text = text.replace(ch, norm)
    return text


def changing_characters(text: str) -> set[str]:
    """The characters of text that are neither ASCII nor CJK unified ideographs (the only ones
    NFKC may change on their own)."""
    return set(_MAY_CHANGE.findall(text))
