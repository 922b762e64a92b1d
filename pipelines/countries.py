"""The states the reading rules name, defined once: English names and adjectives, capitals, Chinese
names, and the patterns the rules build from them (`reading`, `relevance`).

A foreign state acts for itself in a text (a government's measure or its reaction), is the target
of a measure, or sets a story in trade; which of these a text tells is the rules' concern, not
this module's. Names are matched with their case (Turkey the state, not a turkey; Chile, not
chili) and whole (Korea, not the start of Korean).
"""

from __future__ import annotations

from typing import NamedTuple


class State(NamedTuple):
    """A state as news names it: its names and adjectives, its capital, its Chinese names."""

    names: tuple[str, ...]
    capital: str = ""
    zh: tuple[str, ...] = ()
    party: bool = False  # a party to the trade disputes the regime's measures answer or aim at


# The regime's targets and trading partners first, then the other states news about trade names.
FOREIGN_STATES: tuple[State, ...] = (
    State(("United States", "USA", "US", "America", "American"), "Washington", ("美国", "美方"),
          party=True),
    State(("European Union", "EU", "European", "Europe"), "Brussels", ("欧盟", "欧方"), party=True),
    State(("Japan", "Japanese"), "Tokyo", ("日本", "日方"), party=True),
    State(("Netherlands", "Dutch"), "The Hague", ("荷兰",), party=True),
    State(("Mexico", "Mexican"), "", ("墨西哥",), party=True),
    State(("Canada", "Canadian"), "Ottawa", ("加拿大",), party=True),
    State(("India", "Indian"), "New Delhi", (r"印度(?!尼)",), party=True),
    State(("United Kingdom", "UK", "Britain", "British"), "London", ("英国",), party=True),
    State(("South Korea", "Korea", "Korean"), "Seoul", ("韩国", "韩方")),
    State(("Germany", "German"), "Berlin", ("德国",)),
    State(("France", "French"), "Paris", ("法国",)),
    State(("Australia", "Australian"), "Canberra", ("澳大利亚",), party=True),
    State(("Russia", "Russian"), "Moscow", ("俄罗斯",), party=True),
    State(("Indonesia", "Indonesian"), "Jakarta", ("印尼", "印度尼西亚")),
    State(("Vietnam", "Vietnamese"), "Hanoi", ("越南", "越方")),
    State(("Malaysia", "Malaysian"), "", ("马来西亚",)),
    State(("Thailand", "Thai"), "", ("泰国",)),
    State(("Philippines",), "", ("菲律宾",)),
    State(("Myanmar",), "", ("缅甸",)),
    # (and by its full name: "The Democratic Republic of Congo has extended its suspension on
    # cobalt exports"; sixty-eighth pass)
    State((r"(?:the\s+)?Democratic\s+Republic\s+of\s+(?:the\s+)?Congo", "DR Congo", "Congo",
           "Congolese", "DRC"), "Kinshasa", ("刚果",)),
    State(("Zimbabwe",), "", ("津巴布韦",)),
    State(("Chile", "Chilean"), "", ("智利",)),
    State(("Brazil", "Brazilian"), "", ("巴西",)),
    State(("South Africa",), "", ("南非",)),
    State(("Kazakhstan", "Kazakh"), "Astana", ("哈萨克斯坦", "哈方")),
    State(("Kyrgyzstan",), "", ("吉尔吉斯斯坦",)),
    State(("Uzbekistan",), "", ("乌兹别克斯坦",)),
    State((r"(?<!Inner )Mongolia",), "", (r"(?<!内)蒙古",)),
    State(("Pakistan",), "", ("巴基斯坦",)),
    State(("Bangladesh",), "", ("孟加拉国",)),
    State(("Sri Lanka",), "", ("斯里兰卡",)),
    State(("Turkey", "Türkiye"), "", ("土耳其",)),
    State(("Iran",), "", ("伊朗",)),
    State(("Saudi Arabia",), "", ("沙特",)),
    State(("UAE",), "", ("阿联酋",)),
    State(("Singapore",), "", ("新加坡",)),
    State(("Cambodia",), "", ("柬埔寨",)),
    State(("Laos",), "", ("老挝",)),
    State(("Italy", "Italian"), "", ("意大利",)),
    State(("Spain", "Spanish"), "", ("西班牙",)),
    State(("Poland",), "", ("波兰",)),
    State(("Sweden", "Swedish"), "", ("瑞典",)),
    State(("Norway", "Norwegian"), "", ("挪威",)),
    State(("Denmark", "Danish"), "", ("丹麦",)),
    State(("Finland", "Finnish"), "", ("芬兰",)),
    State(("Switzerland", "Swiss"), "", ("瑞士",)),
    State(("Austria", "Austrian"), "", ("奥地利",)),
    State(("Belgium",), "", ("比利时",)),
    State(("Lithuania", "Lithuanian"), "", ("立陶宛",), party=True),
    State(("Czech Republic", "Czechia"), "", ("捷克",)),
    State(("Israel", "Israeli"), "", ("以色列",)),
    State(("Argentina",), "", ("阿根廷",)),
    State(("Peru",), "", ("秘鲁",)),
    State(("Bolivia",), "", ("玻利维亚",)),
    State(("Nigeria",), "", ("尼日利亚",)),
    State(("Kenya",), "", ("肯尼亚",)),
    State(("Egypt",), "", ("埃及",)),
    State(("New Zealand",), "", ("新西兰",)),
    State(("Ukraine",), "", ("乌克兰",)),
)


def _english_names(states: list[State], *, capitals: bool = False) -> str:
    """An alternation of the states' English names and adjectives, and their capitals when
    asked (match it with case, inside word boundaries the caller adds)."""
    names = [name for state in states for name in state.names]
    return "|".join(names + [state.capital for state in states if capitals and state.capital])


def foreign_state_names() -> str:
    """An alternation of every foreign state's English names and adjectives."""
    return _english_names(list(FOREIGN_STATES))


def foreign_state_names_zh() -> str:
    """An alternation of every foreign state's Chinese names (美国, 美方, 日本 …)."""
    return "|".join(name for state in FOREIGN_STATES for name in state.zh)


# The people who act or speak for a foreign state in news of the regime, named alone ("Trump
# threatened…", 川普威胁…, "Takaichi said…"): heads of state and government and the ministers
# of trade, finance and foreign affairs of 2023-2026, English (with case) and Chinese (高市 and
# 石破 not inside words: 提高市场, 石破天惊).
FOREIGN_LEADERS = (
    "Trump", "Biden", "Bessent", "Lutnick", "Greer", "Rubio", "Raimondo", "Yellen", "Blinken",
    "Katherine Tai", "Takaichi", "Ishiba", "Kishida", "Yoon Suk Yeol", "Lee Jae-myung",
    "von der Leyen", "Sefcovic", "Šefčovič", "Rutte", "Schoof",
)
FOREIGN_LEADERS_ZH = (
    "特朗普", "川普", "拜登", "贝森特", "卢特尼克", "格里尔", "葛里尔", "鲁比奥", "雷蒙多", "耶伦",
    "布林肯", "戴琪", "高市早苗", "高市(?![场值盈])", "石破茂", "石破(?!天惊)", "岸田", "尹锡悦",
    "李在明", "冯德莱恩", "谢夫乔维奇",
)


def foreign_leaders() -> str:
    """One pattern for a person who acts for a foreign state (FOREIGN_LEADERS), named alone."""
    english = "|".join(FOREIGN_LEADERS)
    return rf"(?-i:\b(?:{english})\b)|{'|'.join(FOREIGN_LEADERS_ZH)}"


def foreign_states(*, capitals: bool = False, parties_only: bool = False) -> str:
    """One pattern for a foreign state named in English (with case, in word boundaries, the
    U.S. included) or in Chinese, and its capital when asked; only the trade disputes' parties
    when asked (a consulate's page on its host's own banks names a state, not a party)."""
    states = [state for state in FOREIGN_STATES if state.party or not parties_only]
    chinese = "|".join(name for state in states for name in state.zh)
    return rf"\bU\.S\.|(?-i:\b(?:{_english_names(states, capitals=capitals)})\b)|{chinese}"
