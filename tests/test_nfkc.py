"""pipelines.nfkc: the same text as unicodedata's NFKC, on every kind of text."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from pipelines.nfkc import SAFE_RANGES, changing_characters, nfkc


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


SAFE = [ch for ch in map(chr, range(0x110000))
        if re.fullmatch(f"[{SAFE_RANGES}]", ch)]
PLAIN = [chr(c) for c in range(0x80)] + [chr(c) for c in range(0x4E00, 0xA000, 37)]


def test_every_safe_character_changes_on_its_own():
    """No safe character is or becomes a combining mark, and none composes or reorders with a
    neighbour: NFKC of any pair is the pair of NFKCs."""
    assert len(SAFE) > 1000
    for ch in SAFE:
        assert unicodedata.combining(ch) == 0, hex(ord(ch))
        assert all(unicodedata.combining(x) == 0 for x in _nfkc(ch)), hex(ord(ch))
    neighbours = SAFE + PLAIN
    for ch in SAFE:
        alone = _nfkc(ch)
        for other in neighbours:
            assert _nfkc(ch + other) == alone + _nfkc(other), (hex(ord(ch)), hex(ord(other)))
            assert _nfkc(other + ch) == _nfkc(other) + alone, (hex(ord(other)), hex(ord(ch)))


@pytest.mark.parametrize("ch", ["\u00b4", "\u0301", "\u3099", "\uff9e", "\u1100", "\uac00",
                                "\u302a", "\u2017"])
def test_a_character_that_composes_or_combines_is_not_safe(ch):
    """Spacing accents, combining marks, kana voicing marks, jamo, Hangul: left to unicodedata
    (they compose or reorder with their neighbours)."""
    assert ch not in SAFE


def test_the_same_as_unicodedata_on_mixed_text():
    rng = random.Random(7)
    pools = [
        "，。；：！？（）【】《》“”、…—０１２３ＡＢＣａｂｃ①②㈠㎡　",  # what Chinese pages carry
        "稀土镓锗出口管制公告商务部海关总署第号年月日",
        "abc XYZ 2025 No. 61, \n\t",
        "é\u0301\u0308\u00b4\u00a8ｶﾞﾊﾟ\u3099か\u1100\u1161\uac00ﬁ\u2126\u212bÅ\u0130ı",  # not safe
    ]
    for _ in range(3000):
        text = "".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(0, 40)))
        assert nfkc(text) == _nfkc(text), repr(text)


def test_long_chinese_text():
    text = ("根据《中华人民共和国出口管制法》（２０２０年）第１２条，"
            "决定：一、对镓（Ga）实施管制；…") * 200
    assert nfkc(text) == _nfkc(text)
    assert changing_characters(text) >= {"（", "）", "２", "，", "…"}
