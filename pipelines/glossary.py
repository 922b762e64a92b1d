"""One glossary of the regime's words, English and Chinese (docs/RULES.md, "The glossary").

Each term names a thing measures are about: a subject (a material, an item, a technology), a
target country, a list of entities, or an issuer, with its English forms (regular expressions,
case-insensitive, matched on word boundaries) and its Chinese words. The same glossary serves
linking (pipelines.linking: what a text and a measure are about), relevance and the documents
search across languages (pipelines.search: `rare earth` also finds 稀土, and 稀土 also finds
"rare earths"), and topics (pipelines.topics: `subject_of`, `expand`, `found_in` widen a topic's
term to every form of its subject).

`broader` terms are implied (中重稀土 is also 稀土); `generic` terms are broad words that alone
pick out nothing (technology, equipment, magnets, dual-use items).
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from pipelines.nfkc import nfkc

__all__ = ["NOT_GOODS", "TERMS", "Subject", "Term", "expand", "found_in", "spans", "subject_of",
           "term", "terms_in"]


@dataclass(frozen=True)
class Term:
    key: str
    kind: str  # "subject" | "country" | "list" | "issuer"
    en: str  # a regular expression of the English forms
    zh: tuple[str, ...]  # the Chinese words
    label: str  # how the term is shown: English / Chinese
    broader: tuple[str, ...] = ()
    generic: bool = False
    also: tuple[str, ...] = ()  # more English forms for search ("super-hard materials")
    zh_re: str = ""  # a Chinese form that needs context (a count of entities before it)
    together: bool = False  # a name for its broader subjects together ("the two chipmaking metals")

    @property
    def search_en(self) -> tuple[str, ...]:
        """The English forms a search for the term looks for."""
        return (self.english, *self.also)

    @property
    def english(self) -> str:
        return self.label.split(" / ")[0]

    @property
    def chinese(self) -> str:
        return self.zh[0] if self.zh else ""


# Subjects that are no goods: a place, an issue, an arrangement, the duties. A sentence naming
# goods by their class (dual-use items) for a country still names them by their class alone
# beside these ("dual-use goods to Japan … amid Taiwan tensions"; sixty-third pass).
NOT_GOODS = frozenset({"taiwan", "arms_sales", "kuala_lumpur", "tariff"})

# Strategic and critical metals beside the rare earths and the metals named in the terms below
# (their Chinese names are one character, as 镓 and 锗 are).
_STRATEGIC_METALS = (
    ("beryllium", "铍"), ("cobalt", "钴"), ("nickel", "镍"), ("manganese", "锰"),
    ("vanadium", "钒"), ("niobium", "铌"), ("tantalum", "钽"), ("titanium", "钛"),
    ("zirconium", "锆"), ("hafnium", "铪"), ("rhenium", "铼"), ("selenium", "硒"),
    ("magnesium", "镁"), ("chromium", "铬"), ("palladium", "钯"), ("platinum", "铂"),
    ("rhodium", "铑"), ("uranium", "铀"), ("boron", "硼"), ("cadmium", "镉"),
)


def _subject(key: str, en: str, zh: tuple[str, ...], label: str, *,
             broader: tuple[str, ...] = (), generic: bool = False,
             also: tuple[str, ...] = (), zh_re: str = "", together: bool = False) -> Term:
    return Term(key, "subject", en, zh, label, broader, generic, also, zh_re, together)


_MH = ("medium_heavy_rare_earth",)
_ELEMENTS = (  # the medium and heavy rare earths of Nos. 18 and 57 of 2025
    ("samarium", "钐"), ("gadolinium", "钆"), ("terbium", "铽"), ("dysprosium", "镝"),
    ("lutetium", "镥"), ("scandium", "钪"), ("yttrium", "钇"), ("holmium", "钬"),
    ("erbium", "铒"), ("thulium", "铥"), ("europium", "铕"), ("ytterbium", "镱"),
)

# A count of entities (of a place or kind: "20 Japanese companies", "seven US defense firms")
# and what they are barred from receiving: dual-use items ("from receiving Chinese dual-use
# goods", "from buying dual-use items"), what the export control list does to those on it.
_COUNTED = (r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
            r"|sixteen|twenty)\s+(?:[\w.-]+\s+){0,2}?(?:entities|companies|firms"
            r"|organi[sz]ations|institutes|institutions)")
_RECEIVING = (r"from\s+(?:receiving|buying|getting|obtaining|importing|acquiring|purchasing)"
              r"\s+(?:any\s+)?(?:Chinese\s+|China's\s+)?(?:-?origin\s+)?dual[- ]use\s+"
              r"(?:items|goods|products|exports)")

# a control list told as holding goods ("expanded its export control list to include several
# rare earth elements"): the list of dual-use items, not the list of entities
_HOLDS_GOODS = (r"\s+to\s+(?:include|cover)\s+(?:[\w-]+\s+){0,4}?(?:elements|minerals|metals|items"
                r"|materials|goods|products|technolog(?:y|ies)|rare[- ]earths?)\b")

TERMS: tuple[Term, ...] = (
    # --- subjects -------------------------------------------------------------------------
    # (and their abbreviations, capitals only: REEs, rare earth elements; REMs, magnets)
    _subject("rare_earth", r"rare[- ]earths?|(?-i:RE[EM]s?)", ("稀土",), "rare earths / 稀土"),
    _subject("medium_heavy_rare_earth",
             r"(?:medium(?:[- ]|\s+and\s+|\s*/\s*)|mid-)heavy\s+rare[- ]earths?"
             r"|heavy\s+rare[- ]earths?"
             # rare earth elements counted ("five more rare earths", "seven rare earth
             # elements"): the elements controlled are the medium and heavy ones
             r"|\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
             r"(?:more\s+|further\s+|additional\s+)?rare[- ]earth(?:s\b|\s+elements\b)",
             ("中重稀土", "重稀土"),
             "medium and heavy rare earths / 中重稀土", broader=("rare_earth",),
             also=("heavy rare earths",)),
    *(_subject(en, en, (zh,), f"{en} / {zh}", broader=(*_MH, "rare_earth"))
      for en, zh in _ELEMENTS),
    _subject("rare_earth_technology",
             # "rare earth mining, smelting, separation, magnet-making and recycling
             # technologies": a list of processes closed by "technologies" is the subject's
             # (a process may be told in two or three words: "magnet manufacturing")
             # (other goods in the list are no process: "rare earth magnets and battery
             # technology" is two subjects, not a rare-earth technology)
             r"rare[- ]earths?(?:[- ]related)?\s+(?:(?:(?!(?:exports?|imports?|items?|products?"
             r"|prices?|suppl(?:y|ies)|trade|and|or|magnets|batter(?:y|ies)|chips?)\b)[\w-]+\s+)"
             r"{0,2}(?!(?:exports?|imports?|items?|products?|prices?|suppl(?:y|ies)|trade|and|or"
             r"|magnets|batter(?:y|ies)|chips?)\b)[\w-]+(?:,\s+|,?\s+(?:and|or)\s+)){0,8}"
             r"(?:(?!(?:exports?|imports?|items?|products?|prices?|and|or|magnets"
             r"|batter(?:y|ies)|chips?)\b)[\w-]+\s+){0,2}"
             r"technolog(?:y|ies)|technolog(?:y|ies)\s+(?:for|of|used\s+in)\s+(?:the\s+)?"
             r"rare[- ]earths?"
             # the items and their technologies together ("export controls on rare earth items
             # and technology", "rare earth products and related technologies", "rare
             # earth-related items and technologies")
             r"|rare[- ]earths?(?:[- ]related)?\s+(?:items?|products?|materials?)\s+(?:and|&)\s+"
             r"(?:(?:related"
             r"|associated|processing)\s+)?technolog(?:y|ies)", ("稀土相关技术", "稀土技术"),
             "rare-earth technologies / 稀土相关技术", broader=("rare_earth",),
             # the same list of processes in Chinese (稀土开采、冶炼分离、…等相关技术)
             zh_re=r"稀土(?:(?:(?!出口|物项|产品|价格)[^，。；、]){1,12}、){1,8}"
                   r"(?:(?!出口|物项|产品|价格)[^，。；、]){1,12}?等(?:相关)?技术"
                   # ... and a process of theirs right before 技术, with no 等 (采用中国稀土
                   # 开采、冶炼、制磁技术, 限制稀土采矿及冶炼技术出口, 稀土冶炼技术)
                   r"|稀土[^，。；]{0,12}?(?:开采|采矿|冶炼|分离|提炼|精炼|制磁|磁材制造|回收利用)"
                   # (or a longer clause of what the technology is for: 用于稀土开采加工或制造
                   # 稀土磁铁的技术; sixty-second pass)
                   r"(?:[^，。；]{0,4}?|[^，。；]{0,14}?的)技术"
                   # (the items and their technologies together, as in English: 稀土及其相关技术,
                   # 稀土物项和相关技术; sixty-fifth pass)
                   r"|稀土(?:相关)?(?:物项|产品)?(?:及其|及|和|与)(?:其)?(?:相关|有关)?技术"),
    _subject("rare_earth_equipment",
             # (and the equipment named by its work: "rare earth processing equipment types";
             # sixty-second pass)
             r"rare[- ]earths?(?:[- ]related)?\s+(?:(?:production|processing|refining|mining"
             r"|smelting|separation|magnet[- ]making)\s+)?equipment"
             # (the works listed: "rare-earth production, processing, and separation
             # equipment"; sixty-third pass)
             r"|rare[- ]earths?\s+(?:production|processing|refining|mining|smelting|separation"
             r"|extraction)(?:,?\s+(?:and\s+|or\s+)?(?:production|processing|refining|mining"
             r"|smelting|separation|extraction)){1,4}\s+equipment"
             # ... named beside rare earths by its work ("products with small traces of rare
             # earths as well as processing equipment")
             r"|rare[- ]earths?\s+(?:as\s+well\s+as|and)\s+(?:their\s+)?(?:processing|production"
             r"|mining|smelting|separation|refining)\s+equipment",
             ("稀土设备",), "rare-earth equipment / 稀土设备", broader=("rare_earth",)),
    _subject("overseas_items",
             r"foreign-made|overseas-made|made (?:abroad|overseas)|produced (?:abroad|overseas)"
             r"|manufactured (?:abroad|overseas)|overseas rare[- ]earth"
             r"|re-?exports?|0\.1\s*(?:percent|%)|de\s+minimis|extraterritorial"
             # goods anywhere that contain China's rare earths ("products containing even
             # trace amounts of Chinese rare earths"), the rare earth items abroad as a machine
             # translates 境外相关稀土物项 ("relevant rare earth materials overseas")
             r"|contain(?:s|ed|ing)?\s+(?:even\s+)?(?:(?:small|tiny|minute|trace)\s+(?:amounts?"
             r"|quantities)\s+of\s+|traces\s+of\s+)?(?:Chinese|China[- ]origin|Chinese[- ]origin"
             r"|China[- ]sourced)\s+rare[- ]earths?"
             r"|rare[- ]earths?\s+(?:[\w-]+\s+){0,2}?(?:materials?|items?|products?)\s+overseas"
             # ... told by the goods holding them ("products with small traces of rare earths",
             # "goods containing trace amounts of rare earths")
             r"|\b(?:products?|goods|items?|components?)\s+(?:with|containing|that\s+contain)\s+"
             r"(?:even\s+)?(?:(?:small|tiny|minute|trace)\s+)?(?:traces?|amounts?|quantities)\s+of\s+"
             r"(?:Chinese\s+)?rare[- ]earths?",
             ("境外相关稀土", "境外稀土", "境外物项", "境外产品", "境外制造", "境外生产", "0.1%",
              "再出口"),
             "foreign-made items / 境外物项",
             # (含有原产中国的稀土, 含有中国稀土成分: goods abroad holding China's rare earths,
             # however little: 仅含极少量中国稀土的商品)
             # (and goods told by their rare-earth content, with no origin: 要求含稀土成分产品
             # 出口须事前获准; sixty-ninth pass)
             zh_re=r"含有?(?:极?少量|微量|少许)?(?:的)?(?:原产(?:于)?|来自)?中国(?:的)?(?:受控)?稀土"
                   r"|含有?(?:极?少量|微量|少许)?(?:的)?稀土成分(?:的)?(?:产品|商品|物项|货物)"
                   # (and controls stretched abroad: 直接把管制范围扩到了国外)
                   r"|管制(?:范围)?(?:扩|延伸|扩展|扩大|延展)(?:到|至)了?(?:国外|境外|海外)"),
    _subject("technology_catalogue",
             r"catalogue\s+of\s+technologies\s+prohibited|technology\s+export\s+catalogue"
             r"|catalogue\s+of\s+(?:prohibited|restricted)\s+(?:and\s+restricted\s+)?(?:export\s+)?"
             r"technologies", ("禁止出口限制出口技术目录", "技术目录"),
             "catalogue of technologies prohibited or restricted from export / "
             "中国禁止出口限制出口技术目录"),
    # the one list that unified every controlled item under one code ("the unified list",
    # "its unified control list", 统一的管制清单) is the dual-use items list: a list of
    # entities is never called unified
    _subject("dual_use_list",
             r"(?:export\s+control\s+)?list\s+of\s+dual[- ]use\s+items|dual[- ]use\s+items?"
             r"\s+(?:export\s+control\s+)?list|unified\s+(?:(?:export\s+)?control\s+)?lists?",
             ("两用物项出口管制清单", "统一的管制清单", "统一管制清单", "统一清单"),
             "export control list of dual-use items / 两用物项出口管制清单"),
    _subject("gallium", r"gallium", ("镓",), "gallium / 镓"),
    _subject("germanium", r"germanium", ("锗",), "germanium / 锗"),
    # gallium and germanium told by their use, as the press named them in 2023 ("restrictions on
    # exports of some metals used in the semiconductor industry", "the two chipmaking metals",
    # 两种芯片制造金属; seventy-first pass): both of them
    _subject("chipmaking_metals",
             r"(?:metals?|minerals?)\s+(?:used\s+(?:(?:widely|mainly|mostly|largely)\s+)?in"
             r"|vital\s+(?:to|for)|essential\s+(?:to|for)"
             r"|needed\s+(?:in|for)|critical\s+(?:to|for)|key\s+to)\s+(?:the\s+)?(?:making\s+)?"
             r"(?:chip-?making|chips|microchips|semiconductors|semiconductor\s+(?:industry"
             r"|manufacturing|production))"
             r"|(?:chip-?making|semiconductor)\s+metals",
             ("芯片制造金属",), "metals used in chipmaking / 芯片制造金属",
             broader=("gallium", "germanium"), together=True),
    _subject("antimony", r"antimony", ("锑",), "antimony / 锑"),
    _subject("superhard_materials", r"super-?hard\s+materials?", ("超硬材料",),
             "superhard materials / 超硬材料", also=("super-hard materials",)),
    _subject("synthetic_diamond",
             # diamonds grown are synthetic ("diamond growing equipment", "diamond-growing
             # reactors")
             r"(?:synthetic|artificial|lab-grown|man-made)\s+diamonds?|diamond[- ]growing"
             r"|diamond\s+(?:micropowder"
             r"|wire\s+saws?|single\s+crystals?|window)",
             # (and 人造钻石, as self-media write it: 国产的人造钻石粒径≤50μm; sixty-ninth pass)
             ("人造金刚石", "金刚石", "人造钻石"),
             "synthetic diamond / 人造金刚石", broader=("superhard_materials",)),
    # superhard-material equipment named by its item (No. 33 of 2024): cubic presses, MPCVD
    _subject("superhard_equipment",
             r"cubic\s+press(?:es)?|MPCVD|microwave\s+plasma\s+chemical\s+vapou?r\s+deposition",
             ("六面顶压机", "微波等离子体化学气相沉积"),
             "cubic presses and MPCVD equipment / 六面顶压机", broader=("superhard_materials",)),
    _subject("graphite", r"graphite", ("石墨",), "graphite / 石墨"),
    # natural flake and spherical graphite (and their products), No. 39 of 2023's own items;
    # the batteries' artificial graphite is another good (fifty-ninth pass)
    _subject("natural_graphite",
             r"(?:natural\s+)?flake\s+graphite|spherical\s+graphite|natural\s+graphite",
             ("天然鳞片石墨", "鳞片石墨", "球化石墨", "球形石墨", "天然石墨"),
             "natural flake and spherical graphite / 天然鳞片石墨", broader=("graphite",)),
    _subject("anode_materials", r"anodes?(?:\s+materials?)?", ("负极材料", "负极"),
             "anode materials / 负极材料"),
    _subject("lithium_battery",
             r"(?:lithium(?:[- ]ion)?\s+)?batter(?:y|ies)|lithium[- ]ion\s+cells",
             ("锂电池", "锂离子电池", "电池"), "lithium batteries / 锂电池",
             also=("lithium-ion batteries",)),
    _subject("cathode_materials", r"cathodes?(?:\s+materials?)?|lithium\s+iron\s+phosphate",
             ("正极材料", "磷酸铁锂"), "cathode materials / 正极材料",
             broader=("lithium_battery",)),
    _subject("tungsten", r"tungsten", ("钨",), "tungsten / 钨"),
    _subject("tellurium", r"tellurium", ("碲",), "tellurium / 碲"),
    _subject("bismuth", r"bismuth", ("铋",), "bismuth / 铋"),
    _subject("molybdenum", r"molybdenum", ("钼",), "molybdenum / 钼"),
    # (and indium phosphide by its formula, "a key supplier of InP"; sixty-eighth pass)
    _subject("indium", r"indium|(?-i:InP)", ("铟",), "indium / 铟"),
    # the other strategic metals a control may name (a closed vocabulary, as the elements
    # above): those whose English name is no everyday word (not lead, iron, tin, gold, silver)
    *(_subject(en, en, (zh,), f"{en} / {zh}") for en, zh in _STRATEGIC_METALS),
    _subject("drones", r"drones?|unmanned\s+aerial", ("无人机",), "drones / 无人机"),
    _subject("arms_sales", r"arms\s+sales?", ("军售", "售台武器"), "arms sales / 军售"),
    _subject("taiwan", r"Taiwan", ("台湾",), "Taiwan / 台湾"),
    _subject("kuala_lumpur", r"Kuala\s+Lumpur", ("吉隆坡",),
             "Kuala Lumpur arrangement / 吉隆坡经贸磋商联合安排"),
    _subject("tariff", r"tariffs?|customs\s+dut(?:y|ies)|import\s+and\s+export\s+duties",
             ("关税", "税则", "税率"), "tariffs / 关税"),
    # (and told by their two uses: "goods and technologies that can be used for both civilian
    # and military purposes", 军民两用; sixty-third pass)
    _subject("dual_use_items", r"dual[- ]use(?:\s+items?)?"
             r"|(?:for\s+)?both\s+civil(?:ian)?\s+and\s+military\s+(?:purposes|uses?|applications|ends)"
             # ("goods that can be used both for civilian purposes and for enhancing defense
             # capabilities"; sixty-fourth pass)
             r"|both\s+for\s+civil(?:ian)?\s+(?:purposes|uses?)\s+and\s+for\s+(?:enhancing\s+)?"
             r"(?:military|defen[cs]e)\b"
             # goods told by their possible military use ("items that have potential military
             # applications"; sixty-fourth pass)
             r"|(?:items|goods|products)\s+(?:that\s+(?:have|has|could\s+have|may\s+have)"
             r"|with)\s+"
             r"(?:potential|possible)\s+military\s+(?:applications|uses?)",
             ("两用物项", "军民两用"),
             "dual-use items / 两用物项", generic=True),
    _subject("military_users", r"military\s+(?:end[- ])?(?:users?|uses?)", ("军事用户", "军事用途"),
             "military users / 军事用户"),
    _subject("technology", r"technolog(?:y|ies)", ("技术",), "technologies / 技术", generic=True),
    _subject("equipment", r"equipment", ("设备",), "equipment / 设备", generic=True),
    _subject("magnets", r"magnets?|magnetic\s+materials?", ("磁体", "永磁", "磁材", "磁铁"),
             "magnets / 磁体", generic=True),
    # --- target countries -----------------------------------------------------------------
    # ("exports to America": the country, not Latin, South, North or Central America;
    # sixty-second pass)
    Term("US", "country", r"(?-i:U\.S\.|US)(?![a-z])|United\s+States|American|Washington"
         r"|(?<!Latin\s)(?<!South\s)(?<!North\s)(?<!Central\s)(?-i:America)(?![a-z])",
         ("美国", "对美", "美方"), "the United States / 美国", also=("US",)),
    Term("JP", "country", r"Japan(?:ese)?|Tokyo", ("日本", "对日", "日方"), "Japan / 日本"),
    # --- lists of entities ----------------------------------------------------------------
    # a list is also told by what it does to those on it: export control measures aimed at a
    # number of entities are the control list's (a relative clause between them included:
    # "the export control measures China announced on Tuesday against 15 US entities");
    # entities barred from import and export related to China, or from new investment in it,
    # are on the unreliable entity list
    Term("export_control_list", "list",
         r"(?<!unified\s)(?<!unified\sexport\s)(?:export\s+control\s+)?control\s+lists?"
         r"(?!\s+of\s+dual)(?!" + _HOLDS_GOODS + r")|(?<!unified\s)export\s+control\s+lists?"
         r"(?!\s+of\s+dual)(?!" + _HOLDS_GOODS + r")"
         r"|export\s+control(?:s|\s+measures)\s+(?:[\w.-]+\s+){0,5}?(?:against|on)"
         r"(?=\s+(?:the\s+)?"
         r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w.-]+\s+)?"
         r"(?:entities|companies|firms))"
         # entities counted and barred from receiving dual-use items ("bar 20 Japanese
         # companies … from receiving Chinese dual-use goods", "20 US firms banned from buying
         # dual-use items"): the English of 对20家日本实体禁止出口两用物项
         r"|\b(?:bar|bars|barred|barring|ban|bans|banned|banning|prohibit|prohibits"
         r"|prohibited|prohibiting)\s+(?:the\s+)?" + _COUNTED + r"\b[^.;:]{0,160}?\b"
         + _RECEIVING + r"|" + _COUNTED + r"\b[^.;:]{0,100}?(?<!not\s)(?<!never\s)"
         r"\b(?:barred|banned|prohibited)\s+" + _RECEIVING
         # the export of dual-use items to counted entities banned ("banned the export of
         # dual-use (civilian and military) items to 16 U.S. companies"): 禁止向…出口两用物项
         + r"|\b(?:bar|bars|barred|barring|ban|bans|banned|banning|prohibit|prohibits"
         r"|prohibited|prohibiting)\s+(?:the\s+)?exports?\s+of\s+dual[- ]use\s+"
         r"(?:\([^()]{0,40}\)\s+)?(?:items|goods|products)"
         # (with an aside between dashes: "dual-use items — goods with both civilian and
         # military applications — to 20 Japanese entities"; sixty-fifth pass)
         r"(?:\s*[—–][^—–.;:]{0,100}[—–])?\s+to\s+" + _COUNTED,
         # (出口管制名单: the shorthand the news uses, 将16家美国实体列入出口管制名单)
         ("出口管制管控名单", "管控名单", "出口管制名单"),
         "export control list / 出口管制管控名单",
         # entities counted and barred from dual-use items (对20家日本实体禁止出口两用物项)
         # (禁止向15家美国实体出口两用物项)
         zh_re=r"\d{1,3}家[^，。；、]{0,12}?禁止(?:出口|[^，。；、]{0,8}出口)两用物项"
               r"|禁止向\d{1,3}家[^，。；、]{0,12}?出口两用物项"),
    Term("unreliable_entity_list", "list", r"unreliable\s+entit(?:y|ies)(?:\s+list)?"
         r"|(?:import\s+and\s+export\s+activities|trade)\s+related\s+to\s+China"
         r"|China-related\s+(?:trade|import\s+and\s+export)",
         ("不可靠实体清单", "与中国有关的进出口活动"), "unreliable entity list / 不可靠实体清单"),
    # entities counted whose exports get stricter review (对另外20家企业加强审查) are watched
    # (a "monitoring" or "monitor list" too, as Japanese broadcasters and wires put it;
    # sixty-fifth pass)
    # (and firms put under closer scrutiny, the English of 加强审查: "placed 20 Japanese entities
    # on an export-control list and increased scrutiny of additional firms"; sixty-eighth pass)
    Term("watch_list", "list", r"watch\s*lists?|monitor(?:ing)?\s+lists?"
         r"|(?:increased|enhanced|stricter|heightened|tightened|closer)\s+(?:scrutiny|verification"
         r"|checks|reviews?)\s+(?:of|on|for)\s+(?:[\w-]+\s+){0,3}?(?:firms|companies|entities)\b",
         ("关注名单",),
         "watch list / 关注名单",
         zh_re=r"\d{1,3}家[^，。；、]{0,12}?加强(?:出口)?(?:审查|审核)"
               # (and the list's name set off by quotes: 列入「关注」名单; sixty-eighth pass)
               r"|[「“\"]关注[」”\"]名单"),
    # --- issuers --------------------------------------------------------------------------
    Term("MOFCOM", "issuer", r"Ministry\s+of\s+Commerce|MOFCOM|Commerce\s+Ministry",
         ("商务部",), "Ministry of Commerce / 商务部"),
    Term("GACC", "issuer", r"General\s+Administration\s+of\s+(?:China\s+)?Customs|GACC"
         r"|(?-i:Customs)(?!\s+Tariff)", ("海关总署",),
         "General Administration of Customs / 海关总署"),
    # a body whose decisions (tariff rates) are not the archive's announcements: a sentence it
    # acts in speaks of its decision, not of the Customs schedule that publishes it
    Term("Tariff Commission", "issuer",
         r"(?:Customs\s+)?Tariff\s+Commission(?:\s+of\s+the\s+State\s+Council)?",
         ("关税税则委员会", "税委会"), "Customs Tariff Commission / 国务院关税税则委员会"),
    Term("UEL working mechanism", "issuer",
         r"unreliable\s+entity\s+list\s+working\s+mechanism",
         ("不可靠实体清单工作机制",), "UEL working mechanism / 不可靠实体清单工作机制"),
)
_BY_KEY = {t.key: t for t in TERMS}


def term(key: str) -> Term:
    return _BY_KEY[key]


@cache
def _pattern(t: Term) -> re.Pattern[str]:
    # (words an English term spaces may be hyphenated: "export-control list", "rare-earth")
    en = t.en.replace(r"\s+", r"[\s-]+")
    parts = [rf"(?<![\w-])(?:{en})(?![\w])"] + [re.escape(w) for w in t.zh]
    parts += [t.zh_re] if t.zh_re else []
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def _norm(text: str) -> str:
    return nfkc(text or "")


def _literal_starts(items: list) -> frozenset[str] | None:
    """The lower-case letters or digits every match of a parsed expression starts with, one
    string per way it can start; None when some match may start otherwise."""
    head = ""
    for i, (op, arg) in enumerate(items):
        if op is _sre.LITERAL and 0 < arg < 128 and chr(arg).isalnum():
            head += chr(arg).lower()
            continue
        if head:
            return frozenset({head})
        if op is _sre.BRANCH:
            return _union([_literal_starts(list(branch)) for branch in arg[1]])
        if op is _sre.SUBPATTERN:
            return _literal_starts(list(arg[-1]))
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            inner = _literal_starts(list(arg[2]))
            return inner if arg[0] > 0 else _union([inner, _literal_starts(items[i + 1:])])
        return None
    return frozenset({head}) if head else None


def _union(parts: list[frozenset[str] | None]) -> frozenset[str] | None:
    return None if any(p is None for p in parts) else frozenset().union(*parts)


@cache
def _english_starts(t: Term) -> frozenset[str] | None:
    """How the term's English forms can start ("rare", "heavy", "mid", "medium" …)."""
    return _literal_starts(list(_sre_parse.parse(t.en, re.IGNORECASE)))


_FOLD = str.maketrans({"ı": "i", "İ": "i"})  # matched as i case-insensitively
_TOKEN = re.compile(r"[a-z0-9]+")


def _word_starts(text: str) -> set[str]:
    """Every start (first one to eight characters) of the text's ASCII words, lower case."""
    if "ı" in text or "İ" in text:  # (translate walks the whole text: only when needed)
        text = text.translate(_FOLD)
    words = set(_TOKEN.findall(text.lower()))
    return {w[:k] for w in words for k in range(1, min(len(w), 8) + 1)}


def _may_match(t: Term, text: str, starts: set[str]) -> bool:
    """False only when the term cannot occur in the text (a cheap test before the scan)."""
    if any(w in text for w in t.zh) or (t.zh_re and re.search(t.zh_re, text)):
        return True
    english = _english_starts(t)
    return english is None or any(s[:8] in starts for s in english)


def spans(text: str, kinds: tuple[str, ...] = ()) -> Iterator[tuple[Term, int, int]]:
    """(term, start, end) of every glossary word in text (NFKC; same offsets for most text)."""
    text = _norm(text)
    starts = _word_starts(text)
    for t in TERMS:
        if kinds and t.kind not in kinds:
            continue
        if not _may_match(t, text, starts):
            continue
        for m in _pattern(t).finditer(text):
            for named in _named(t):
                yield named, m.start(), m.end()


def _named(t: Term) -> tuple[Term, ...]:
    """What a term names: itself, or the subjects a name tells together ("the two chipmaking
    metals" are gallium and germanium; no measure is on the name itself)."""
    return tuple(_BY_KEY[b] for b in t.broader) if t.together else (t,)


def terms_found(text: str, kinds: tuple[str, ...] = ()) -> list[Term]:
    """The glossary terms a text names, each once: the terms `spans` finds, without walking
    every place each stands (a measure's text names its subjects dozens of times)."""
    text = _norm(text)
    starts = _word_starts(text)
    found = [named for t in TERMS if (not kinds or t.kind in kinds)
             and _may_match(t, text, starts) and _pattern(t).search(text) for named in _named(t)]
    return list(dict.fromkeys(found))


def terms_in(text: str, kinds: tuple[str, ...] = ("subject",)) -> set[str]:
    """The keys of the glossary terms a text names, broader terms included."""
    found: set[str] = set()
    for t in terms_found(text, kinds):
        found.add(t.key)
        found.update(t.broader)
    return found


# --- topics (pipelines.topics): a term widened to every form of its subject ------------------
@dataclass(frozen=True)
class Subject:
    """A subject as topics see it: its name and every form (English and Chinese) the archive
    may write it in, its narrower subjects' forms included (rare earths: 稀土, 镝, 钐 …)."""

    name: str
    forms: tuple[str, ...]


def _lookup(text: str) -> str:
    """A term as looked up: NFKC, lower case, hyphens as spaces, one space, no plural s."""
    key = re.sub(r"[\s\-_]+", " ", _norm(text).strip().lower())
    return key[:-1] if key.endswith("s") and len(key) > 4 else key


def _root(t: Term) -> Term:
    while t.broader:
        t = _BY_KEY[t.broader[-1]]
    return t


def _english_variants(form: str) -> list[str]:
    """rare earths → rare earths, rare earth, rare-earths, rare-earth."""
    singular = form[:-1] if form.endswith("s") and len(form) > 4 else form
    return list(dict.fromkeys(v for f in (form, singular)
                              for v in (f, f.replace(" ", "-"))))


@cache
def _subjects() -> dict[str, Subject]:
    """Every subject or list term's name and forms, by the lookup keys that name it."""
    index: dict[str, Subject] = {}
    for root in (t for t in TERMS if t.kind in ("subject", "list") and not t.broader):
        family = [t for t in TERMS if t.key == root.key or root.key in t.broader]
        forms = [f for t in family for en in t.search_en for f in _english_variants(en.lower())]
        forms += [w for t in family for w in t.zh]
        subject = Subject(root.english, tuple(dict.fromkeys(forms)))
        for t in family:
            for name in (t.key.replace("_", " "), t.english, *t.search_en, *t.zh):
                index.setdefault(_lookup(name), subject)
    return index


def subject_of(term: str) -> Subject | None:
    """The subject a term names in English or Chinese (`rare earths`, `Rare-Earth`, `稀土`,
    `dysprosium`: all rare earths), or None."""
    return _subjects().get(_lookup(term))


def _usable(form: str) -> bool:
    """A form a substring match can use: Chinese, or at least four letters (not inside words)."""
    return bool(re.search(r"[^\x00-\x7f]", form)) or len(form) >= 4


def expand(terms: Iterable[str]) -> list[str]:
    """The terms and every equivalent form the glossary knows, lower-cased, each once, in order."""
    out: list[str] = []
    for term_ in terms:
        subject = subject_of(term_)
        for form in (term_.strip(), *(subject.forms if subject else ())):
            low = form.lower()
            if low and _usable(low) and low not in out:
                out.append(low)
    return out


def found_in(text: str | None, terms: Iterable[str]) -> list[str]:
    """The terms (already expanded) found in text, case-insensitively."""
    low = _norm(text or "").lower()
    return [t for t in terms if t in low]
