"""How a news text is read: the acts it reports, who does them, when, and in whose voice.

A headline or a lead names measures in several ways, and only some of them make the measure the
news (docs/RULES.md, "Reading a news text"):

- **an act** is a measure reported with a verb of doing ("China adds 12 U.S. entities to …",
  "已向…颁发通用许可"), or named together with an event ("export licensing comes into force",
  "suspension … effective immediately"); a bare name ("rare earth export controls") is not;
- **who acts**: the actor of an act is the last government named before its verb in its clause; a
  foreign one (the US, Washington, the EU, Mexican lawmakers, 美方) makes it a foreign act, which
  is never the regime's act (a country after to/on/against/对 is a target, not an actor);
- **when**: an act announced for the future ("will", "to", "plans to", 将) is an intention until
  the text shows its instrument (a start date, "from August 1", 自…起; an announcement issued);
- **background**: an act inside a relative or participial clause ("controls, which took effect on
  April 4,", "the entities that China placed on its watch list", "since the controls were
  introduced in April", 10月9日公布的…) or a since/after clause is background, not the news;
- **spoken about**: a measure that is the subject of an evaluative predicate ("… are in line with
  international practice", "not targeted at any country", 实施出口管制是国际通行做法, …正当合法) is
  what a statement is about, not an act;
- **whose voice**: a text whose own sentences (outside quotation marks) argue — should, must, we,
  rhetorical questions, 必须, 应当 — more than they report what others said is an opinion piece.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipelines.clauses import split_sentences
from pipelines.countries import foreign_leaders, foreign_state_names_zh, foreign_states
from pipelines.glossary import spans
from pipelines.vocab import Category

Patterns = tuple[str, ...]
Rules = tuple[tuple[Category, Patterns], ...]

# --------------------------------------------------------------------------- what an act says

# Items (metals, minerals, materials) added to a control list are put under control, not
# listed entities ("China adds tungsten, tellurium and three other metals to export control list").
ITEMS_TO_LIST = (r"[^;:。；]{0,200}?\b(?:metals?|minerals?|items?|materials?|elements?)\s+"
                 r"(?:to|on(?:to)?)\s+(?:(?:its|the|China's)\s+)?(?:export\s+)?control\s+lists?\b")
# The same told in the passive, the items its subject ("Antimony, superhard materials added to
# export control list"): what is added decides the act, not the list.
ITEMS_BEFORE_PASSIVE = (r"\b(?:metals?|minerals?|items?|materials?|elements?|technolog(?:y|ies)"
                        r"|equipment|goods|products|compounds)\s+(?:(?:were|was|are|is|have\s+been"
                        r"|has\s+been|being)\s+)?$")
# Verbs that hold exports back when they govern them ("restricts exports of", "curbed exports",
# "clamped down on exports", "reined in overseas shipments").
CURBING_VERBS = (r"bans?|banned|banning|halts?|halted|stops?|stopped|bars?|barred|prohibits?"
                 r"|prohibited|prohibiting|restricts?|restricted|restricting|curb(?:ed|ing)?"
                 # (curbs and limits "on" exports are the measure's name, not its verb)
                 r"|curbs(?!\s+on\b)|limit(?:ed|ing)?|limits(?!\s+on\b)|clamp(?:s|ed|ing)?\s+down"
                 r"\s+on|rein(?:s|ed|ing)?\s+in")
# Places and their peoples, which a sanction "on" names as no party of a list (`ENTITY_ACT`):
# China, Taiwan and Hong Kong, and the foreign states (countries.foreign_states).
PLACE_WORDS = (r"(?:(?:China|Chinese|Beijing|Taiwan(?:ese)?|Taipei|Hong\s+Kong|North|South)\b|"
               + foreign_states(capitals=True) + ")")
# A headline's short 列 for 列入 before a list's name (中国将台湾8实体列出口管制名单; fifty-ninth
# pass): the verb of a listing, as 列入 is
SHORT_LISTING = r"列(?=(?:出口管制|出口管控|管控|关注|不可靠实体)[^，。；]{0,6}(?:清单|名单))"
ENTITY_ACT = (
              # a watch list or entity list unveiled or first used ("China Unveils Watchlist in
              # Export Controls"; sixty-eighth pass): the listing it makes
              r"\b(?:unveil(?:s|ed|ing)?|launch(?:es|ed|ing)?|debut(?:s|ed|ing)?)\s+"
              r"(?:an?\s+|its\s+|the\s+)?(?:new\s+|first\s+)?"
              r"(?:watch\s*list|entity\s+list)\b|"
              r"\b(?:adds?|added|adding|puts?|putting|places?|placed|includes?|included"
              r"|designates?|designated|removes?|removed|delist\w*|(?:go(?:es)?|went)\s+on"
              r"|(?:come|comes|came)\s+off)\b(?!" + ITEMS_TO_LIST + r")"
              r"[^;:。；]{0,200}?"
              r"\b(?:(?:unreliable entit(?:y|ies)|export control|control|watch|entity"
              r"|countermeasures?)"
              r" lists?|(?:export\s+)?blacklists?|反制清单"
              # the list named by what it holds ("its list of entities barred from receiving
              # Chinese dual-use items"): a list of entities is an entity list
              r"|lists?\s+of\s+(?:[\w-]+\s+){0,2}?(?:entities|firms|companies|enterprises))\b"
              # entities named to a list ("named 28 US entities … to its export control list")
              # counted parties added to "the list" its sentence has named ("a decision by the
              # unreliable entity list working mechanism … to add 14 foreign entities to the list")
              r"|\b(?:adds?|added|adding)\s+COUNTED\s+to\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?"
              r"list\b"
              # a party named on or to a list in the passive ("after being named on Chinese
              # control list")
              r"|\b(?:being|been|was|were|is|are)\s+named\s+(?:on|to)\s+(?:[\w’'-]+\s+){0,3}?"
              r"(?:list|blacklist)\b"
              r"|\bnam(?:e|es|ed|ing)\b[^;:。；]{0,120}?\bto\s+(?:its|the|China's|Beijing's)\s+"
              r"(?:[\w-]+\s+){0,4}?(?:list|blacklist)\b"
              # (not a list that names measures, "Watch-list measures on four … companies")
              r"|(?<!-)\b(?:targets?|targeted|sanctions?|sanctioned|blacklists?|blacklisted|lists?"
              r"|listed)"
              r"\s+(?:\w+\s+){0,2}?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven"
              r"|twelve|a dozen|dozens of|several)\s+(?:[\w.&-]+\s+){0,3}?(?:entities|firms"
              r"|companies|enterprises|units|subsidiaries|contractors|manufacturers|makers"
              r"|institutions|organi[sz]ations)\b"
              # a party blacklisted by its name ("China blacklists TechInsights after Huawei
              # chip report"; sixty-second pass)
              r"|\bblacklist(?:s|ed|ing)\s+(?!(?:of|and|or|are|is|was|were|that|which|list)\b)"
              r"(?-i:[A-Z])[\w&.-]+"
              # restrictions announced on counted parties ("announced import restrictions on 40
              # Japanese companies and entities"; sixty-second pass)
              # (announced or imposed: curbs on them stopped or lifted are a suspension's)
              r"|\b(?:announc|impos|introduc|unveil)\w*\s+(?:new\s+)?(?:(?:import|export|trade)\s+)?"
              r"(?:restrictions|curbs|bans?|controls)\s+on\s+(?:\w+\s+){0,2}?COUNTED"
              # ... or their exports restricted to or from counted parties ("China restricts
              # dual-use exports from 20 Japanese companies"; seventy-second pass)
              r"|\brestrict(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,2}?exports?\s+(?:to|from|for)\s+"
              r"(?:\w+\s+){0,2}?COUNTED"
              # parties blacklisted by their nationality, not counted ("China Blacklists US
              # Drone Companies")
              r"|\bblacklist(?:s|ed|ing)?\s+(?:U\.?S\.?|American|Japanese|Taiwan(?:ese)?|European"
              r"|EU|British|Canadian|Indian|Korean|Dutch|German|foreign)\s+(?:[\w-]+\s+){0,2}?"
              r"(?:entities|firms|companies|enterprises|contractors|manufacturers|makers)\b"
              r"|\bcountermeasures?\s+(?:against|on)\b[^.;:]{0,60}?\b(?:entities|firms|companies"
              r"|enterprises|units|subsidiaries|organi[sz]ations|institutions|contractors"
              r"|executives|individuals)\b"
              # parties hit with countermeasures or sanctions, or barred from dealings with
              # China ("six of its executives were hit with Chinese countermeasures", "Chinese
              # firms are now barred from transactions with five American subsidiaries")
              r"|\bhit\s+(?:by|with)\s+(?:\w+\s+){0,2}?(?:countermeasures|sanctions)\b"
              r"|\bbarred\s+from\s+(?:any\s+)?(?:transactions|dealings|cooperation)\s+with\s+"
              r"COUNTED"
              r"|\bfreez(?:e|es|ing)\b[^.;:]{0,60}?\b(?:assets|property)\b[^.;:]{0,40}?"
              r"\b(?:entities|firms|companies|enterprises|units|subsidiaries)\b"
              # entities designated by the list's own status ("designated three US companies
              # … as unreliable entities", 认定为不可靠实体): the designation is the listing
              r"|\b(?:designat\w*|nam(?:e|es|ed|ing)|declar\w*)\b[^.;:]{0,80}?\b(?:as\s+)?(?:an?\s+)?"
              r"unreliable entit(?:y|ies)\b|认定为不可靠实体"
              # a party blacklisted by pronoun or its noun ("after the ministry blacklisted
              # them on Friday")
              r"|\bblacklist(?:s|ed|ing)\s+(?:them|it|the\s+(?:[\w-]+\s+){0,2}?(?:company|firm"
              r"|group|maker|supplier|contractor))\b"
              # the same in the passive, "as" left out ("was named an unreliable entity on
              # Tuesday", "were designated unreliable entities")
              r"|\b(?:was|were|been|being)\s+(?:named|designated|declared|listed)\s+(?:as\s+)?"
              r"(?:an?\s+)?unreliable entit(?:y|ies)\b"
              r"|COUNTED\s+(?:(?:were|are)\s+)?designated\s+(?:as\s+)?unreliable entit(?:y|ies)\b"
              r"|\bhit(?:s|ting)?\b[^.;:]{0,60}?\bwith\s+(?:[\w-]+\s+){0,2}?unreliable[- ]entity"
              r"\s+designations?\b"
              # an export ban imposed on counted entities, parties cut off from dual-use goods,
              # firms banned from doing business with a party, new entries on a list
              r"|\b(?:bans?|curbs|controls|countermeasures|sanctions)\s+(?:(?:were|was|are|is)\s+)?"
              r"(?:imposed|placed)\s+on\s+(?:\w+\s+){0,2}?COUNTED"
              # parties that join a list, added to "Beijing's lists", moved off a list
              # (从关注名单中移出)
              r"|\bjoin(?:s|ed)?\s+(?:[\w’'-]+\s+){0,3}?(?:unreliable entit(?:y|ies)|export control"
              r"|control"
              r"|watch|entity)\s+list\b"
              r"|\badded\s+to\s+(?:Beijing|China)[’']s\s+lists\b"
              r"|从[^，。；]{0,20}(?:名单|清单)中?移出"
              r"|\b(?:cut\s+off|shut\s+out)\s+(?:from|of)\s+(?:Chinese\s+|China[’']s\s+)?"
              r"(?:dual-use|business|supplies|trade|dealings)\b"
              # goods banned to counted parties ("Banning Dual-Use Items to 20 Japanese
              # Entities"): their listing's effect (sixty-third pass)
              r"|\b(?:bans?|banned|banning|prohibit(?:s|ed|ing)?|halt(?:s|ed|ing)?)\s+"
              r"(?:(?:the\s+)?exports?\s+of\s+)?(?:[\w-]+\s+){0,2}?(?:items|goods|exports|products)"
              r"\s+to\s+COUNTED"
              # a list extended or added to, a party struck off it, listed parties' assets
              # frozen ("extended its export control list", "after Friday's addition to
              # Beijing's control list", "struck the company off", "had any assets in China
              # frozen")
              r"|\b(?:expand|extend|widen|enlarg|lengthen)\w*\s+(?:its|the|China[’']s|Beijing[’']s)"
              r"\s+(?:[\w-]+\s+){0,2}?(?:export control|control|unreliable entit(?:y|ies)|watch"
              r"|entity"
              r"|countermeasures?) list\b"
              r"|\badditions?\s+to\s+(?:[\w’'-]+\s+){0,3}?(?:control|unreliable entit(?:y|ies)"
              r"|watch|entity"
              r"|countermeasures?)\s+list\b"
              r"|\bstr(?:ike|ikes|uck|iking)\b[^.;:]{0,60}?\boff\s+(?:its|the|China[’']s"
              r"|Beijing[’']s)\s+(?:[\w-]+\s+){0,3}?list\b"
              r"|\b(?:entities|firms|companies|enterprises|units|subsidiaries|contractors)\b"
              r"[^.;:]{0,40}?\b(?:assets|property)\b[^.;:]{0,30}?\bfrozen\b"
              # an unreliable entity barred from exporting to China (the list's import ban:
              # "Illumina banned from exporting … to China as unreliable entity measures
              # widen", 不可靠实体清单工作机制…禁止…向中国出口)
              r"|\b(?:banned|barred|prohibited)\s+from\s+(?:exporting|selling|shipping)\b"
              r"[^.;:]{0,60}?\bto\s+China\b[^.;:]{0,60}?\bunreliable[- ]entit(?:y|ies)\b"
              r"|不可靠实体[^。；]{0,40}?禁止[^，。；]{1,30}?向中国(?:境内)?出口"
              r"|\bbans?\b[^.;:]{0,40}?\bfrom\s+doing\s+business\s+with\b"
              # counted parties' imports and exports restricted, the unreliable entity list's
              # effect ("restricting imports and exports for 11 U.S. defense manufacturers")
              r"|\b(?:restrict(?:s|ed|ing)?|bans?|banned|banning|bars?|barred|barring"
              r"|prohibit(?:s|ed|ing)?)\s+(?:\w+\s+){0,2}?"
              r"imports?\s+and\s+exports?\s+(?:for|of|by|with|to\s+and\s+from)\s+COUNTED"
              # export controls imposed on counted parties ("imposes export controls on 28 US
              # companies", 对28家美国实体实施出口管制): their listing on the control list
              # (or hit or target someone with them, tougher or new: "China hits Takaichi with
              # tougher export curbs on Japan firms"; sixty-fifth pass)
              r"|\b(?:impos(?:es?|ed|ing)|puts?|putting|plac(?:es?|ed|ing)|slap(?:s|ped|ping)?"
              r"|(?:hits?|hitting|targets?|targeted|targeting)\s+(?:[\w’'-]+\s+){0,3}?with)"
              r"\s+(?:(?:new|tougher|tighter|stricter|fresh|further|more)\s+)?(?:dual-use\s+)?"
              r"export\s+(?:controls?|curbs|restrictions|bans?)\s+on\s+"
              r"(?:COUNTED|(?:[\w.&-]+\s+){0,2}?(?:entities|firms|companies|corporations"
              r"|contractors|suppliers|manufacturers)\b)"
              r"|对\d+家[^，。；]{0,20}?(?:实体|企业|公司)[^，。；]{0,6}?实施出口管制"
              # the latest entries on a list, parties on a list from a day ("among the
              # latest foreign entries on China's unreliable entity list", "are on Beijing's
              # watch list as of Monday"): the listing told from the listed party's side
              r"|\b(?:latest|newest|new)\s+(?:[\w-]+\s+)?entries\s+on\b[^.;:]{0,40}?\blist\b"
              r"|\b(?:are|is)\s+(?:now\s+)?on\s+(?:[\w’'-]+\s+){0,3}?(?:watch|control"
              r"|unreliable entit(?:y|ies)|countermeasures?)\s+lists?\b"
              r"(?=[^.;:]{0,12}?\b(?:as\s+of|from"
              r"|starting|effective)\b)"
              r"|\b(?:are|is)\s+now\s+on\s+(?:[\w’'-]+\s+){0,3}?(?:watch|control"
              r"|unreliable entit(?:y|ies)|countermeasures?)\s+lists?\b"
              r"|\bentries\s+on\b[^.;:]{0,40}?\blist\b|\bgets?\s+its\s+first\s+entries\b"
              # parties that land on a list, or are taken off it ("lands on China's
              # export-control lists on Monday", "takes two US companies off its unreliable
              # entity list")
              r"|\b(?:lands?|landed|landing)\s+on\s+(?:[\w’'-]+\s+){0,3}?(?:lists?|blacklist)\b"
              r"|\b(?:takes?|took|taken|taking)\b[^.;:]{0,60}?\boff\s+(?:its|the|China[’']s"
              r"|Beijing[’']s)\s+(?:[\w-]+\s+){0,3}?(?:list|blacklist)\b"
              # counted parties barred from receiving dual-use items: their listing's effect
              r"|COUNTED\s+(?:(?:are|were|is|was|have been|has been|been)\s+)?barred\s+from\s+"
              r"(?:receiving|obtaining|buying|acquiring)\s+(?:Chinese\s+)?dual-use\b"
              # (a long list of the parties, their executives and a qualified countermeasure:
              # 对包括波音分公司…在内的20家美国军工企业及其10名高级管理人员采取严厉反制措施)
              # (banks, financial institutions and groups as well: 对欧盟两银行采取反制措施;
              # sixty-second pass)
              r"|对[^，。；]{0,50}(?:实体|企业|公司|银行|金融机构|集团)[^，。；]{0,16}(?:采取|实施)"
              r"[^，。；]{0,4}反制(?:措施)?"
              # counted parties sanctioned, as "sanctions 20 US defence firms"
              # (宣布制裁20家美军工企业; sixty-first pass)
              r"|制裁[^，。；]{0,10}?(?:\d+|[一二三四五六七八九十两]+)家[^，。；]{0,20}?(?:实体|企业|公司|机构)"
              # ... the count before the verb (已对20家美国国防相关企业与10名高阶主管实施制裁), and
              # a nationality's firms sanctioned (北京宣布制裁美国军工企业; sixty-second pass)
              r"|对[^，。；]{0,40}?(?:\d+|[一二三四五六七八九十两]+)\s*家[^，。；]{0,30}?(?:实体|企业|公司"
              r"|机构|业者)[^，。；]{0,30}?(?:实施|采取)[^，。；]{0,4}(?:制裁|反制)"
              r"|(?:宣布|决定)制裁(?:美国|美|日本|日|台湾|欧盟|英国|加拿大|澳大利亚|立陶宛)[^，。；]{0,10}?"
              r"(?:实体|企业|公司|机构|业者|军工)"
              r"|冻结[^，。；]{0,30}(?:实体|企业|公司)[^，。；]{0,30}财产"
              r"|(?:公布|宣布|决定)[^，。；]{0,6}对[^，。；]{0,30}(?:实体|企业|公司|银行|金融机构|集团)"
              r"[^，。；]{0,10}(?:采取)?的?反制措施"
              # parties sanctioned by name, not counted ("China sanctions its US
              # subsidiaries"); a party's assets frozen ("China has frozen whatever assets it
              # has"): a countermeasure, which lists the party
              r"|\bsanction(?:s|ed|ing)?\s+(?!(?:on|against|over|for|of|and|to|in|by|from|that"
              r"|which|were|was|are|is|have|has|had|imposed|list|lists)\b)(?:[\w.&’'-]+\s+){0,4}?"
              r"(?:entities|firms|companies|subsidiaries|units|contractors|executives"
              r"|affiliates)\b"
              # a party sanctioned by its name or by its trade and name ("China has sanctioned
              # Skydio, America's largest drone maker", "sanctions US drone maker Skydio",
              # "imposed sanctions on Skydio"): a countermeasure, which lists the party; a
              # place is no party ("sanctioned Taiwan", "sanctions on Chinese firms")
              r"|\bsanction(?:s|ed|ing)?\s+(?:(?:U\.?S\.?|American|Taiwan(?:ese)?)\s+)?"
              r"(?:[\w-]+\s+){0,2}?(?:maker|manufacturer|company|firm|contractor|giant|supplier"
              r"|group)\s+(?!" + PLACE_WORDS + r")(?-i:[A-Z])"
              r"|\bsanction(?:s|ed)\s+(?!" + PLACE_WORDS + r")(?-i:[A-Z][\w&.-]*)"
              r"(?=,|\s+(?:for|over|after|on)\b|\s+(?-i:[A-Z]))"
              r"|\b(?:impos\w*|announc\w*|slap\w*)\s+sanctions\s+(?:on|against)\s+"
              r"(?:(?:U\.?S\.?|American)\s+(?:[\w-]+\s+){0,2}?(?:maker|manufacturer|company|firm"
              r"|contractor|giant|supplier|group)\s+)?(?!" + PLACE_WORDS + r")(?-i:[A-Z][\w&.-]*)"
              r"|\b(?:has|have|had)\s+frozen\b[^.;:]{0,40}?\bassets\b|\bfroze\b[^.;:]{0,40}?"
              r"\bassets\b"
              # the same told by the party ("had their Chinese assets frozen on Friday"), and
              # parties put under sanctions ("put five of its US subsidiaries under sanctions")
              r"|\b(?:has|have|had)\s+(?:their|its)\s+(?:[\w-]+\s+){0,2}?assets\b[^.;:]{0,30}?"
              r"\bfrozen\b"
              r"|\b(?:put|puts|putting|placed|places)\s+(?:[\w’'-]+\s+){0,6}?under\s+"
              r"(?:sanctions|countermeasures)\b"
              # countermeasures that freeze parties' assets; a party's designation under a list
              # ("countermeasures that freeze their assets in China", "Thursday's
              # unreliable-entity designation")
              r"|\bfreez(?:e|es|ing)\s+(?:their|its)\s+assets\b"
              r"|\b(?:unreliable[- ]entity|entity[- ]list|export[- ]control[- ]list|watch[- ]list)"
              r"\s+designations?\b"
              # entities cut off from goods or supplies: the effect of their listing ("cut off
              # 20 Japanese companies and institutions from Chinese dual-use goods")
              r"|\bcut(?:s|ting)?\s+off\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten"
              r"|eleven|twelve|a dozen|dozens of|several)\s+(?:[\w.&-]+\s+){0,3}?(?:entities"
              r"|firms|companies|enterprises|units|subsidiaries)\b[^.;:]{0,40}?\bfrom\b"
              r"|COUNTED\s+(?:(?:are|were|is|was|have been|has been|been)\s+)?cut\s+off\s+from\b"
              r"|列入(?!《[^》]{0,40}(?:技术目录|管制清单|管制目录)》)[^，。；]{0,30}(?:清单|名单)"
              # (a headline's short 列 for 列入: 中国将台湾8实体列出口管制名单; fifty-ninth pass)
              r"|" + SHORT_LISTING + r"[^，。；]{0,12}?(?:清单|名单)"
              r"|移出[^，。；]{0,30}(?:清单|名单)"
              # (纳入 a control list of entities is a listing; 纳入…出口管制清单, the list of
              # controlled items, is a control: CONTROLS_ACT)
              r"|纳入[^，。；]{0,30}(?:管控名单|关注名单|不可靠实体清单)"
              # ... and parties put into the export-control system, no list named
              # (将共计40家日本法人及研究机构正式列入出口管控体系): a listing all the same
              # (goods are put under control, 纳入管制范围, not into a system)
              r"|(?:列入|纳入)[^，。；]{0,6}(?:出口)?(?:管控|管制)体系"
              # ... or counted parties put into the scope of (strict) control (宣布将40家日本企业
              # 纳入两用物项的严控范围内, 40家日企纳入两用物项严控; sixty-seventh pass): goods put
              # under control name no party
              r"|\d+(?:家|间)[^，。；]{0,10}?(?:实体|企业|公司|单位|法人|日企|美企)[^，。；]{0,4}?"
              r"纳入[^，。；]{0,20}?(?:严控|(?:管控|管制)范围)"
              # entities added to a list told from the list's side (名单…再添12家美国实体,
              # 20家实体上榜…名单)
              r"|(?:清单|名单)[^，。；]{0,10}(?:再添|新增|增加|添加)[^，。；]{0,6}\d+家"
              r"|上榜[^，。；]{0,20}名单"
              # an export ban aimed at named entities is their listing (禁止向15家美国实体出口)
              r"|禁止向[^，。；]{0,30}(?:实体|企业|公司|单位)[^，。；]{0,10}出口"
              # ... and so are export controls imposed on counted entities (对三菱等20间日本实体
              # 实施出口管制; sixty-sixth pass)
              r"|对[^，。；]{0,20}?\d+(?:家|间|个)[^，。；]{0,10}?(?:实体|企业|公司|单位)[^，。；]{0,4}"
              r"(?:实施|采取)(?:出口)?管制"
              # counted entities that may no longer obtain Chinese dual-use items (20家日本实体
              # 今后不得获得中国两用物项): the effect of their listing, as "cut off … from"
              r"|\d+家[^，。；]{0,20}(?:实体|企业|公司|单位)[^，。；]{0,10}不得(?:获得|采购|进口|购买)"
              r"[^，。；]{0,10}两用物项"
              # exports, sales or shipments to counted parties banned ("banned sales of
              # dual-use products to 28 American military suppliers")
              r"|\b(?:" + CURBING_VERBS + r")\b"
              r"[^.;:]{0,40}?\b(?:exports?|sales|shipments)\b[^.;:]{0,40}?"
              # (an aside between dashes before the parties: "banned the export of dual-use
              # items — goods with both civilian and military applications — to 20 Japanese
              # entities"; sixty-fifth pass)
              r"(?:[—–][^—–.;:]{0,100}[—–]\s*)?\bto\s+(?:\w+\s+){0,2}?COUNTED"
              # entities barred from trade, from import and export, from investing: what the
              # unreliable entity list does to them ("six US firms barred from China-related
              # trade", "barred six US companies … from engaging in import and export")
              r"|\b(?:bars?|barred|barring|bans?|banned|banning|prohibits?|prohibited)\s+"
              r"(?:\w+\s+){0,2}?COUNTED[^.;:]{0,100}?\bfrom\s+(?:engaging in\s+)?"
              r"(?:[\w-]+\s+){0,2}?(?:trade|trading|import|export|investment|investing|investments)"
              r"|COUNTED(?:,[^,.;:]{1,40},)?\s+(?:(?:are|were|is|was|have been|has been|been)\s+)?"
              r"(?:barred|banned"
              r"|prohibited)\s+from\s+(?:engaging in\s+)?(?:[\w-]+\s+){0,2}?(?:trade|trading|import"
              r"|export|investment|investing|investments)").replace(
    "COUNTED", r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen"
    r"|dozens of|several|(?:twenty|thirty|forty|fifty)(?:-\w+)?|\w+teen)\s+(?:[\w.&-]+\s+){0,3}?"
    r"(?:entities|firms|companies|enterprises|units|subsidiaries|organi[sz]ations"
    r"|institutions|contractors|manufacturers|makers|suppliers|corporations)\b")
# "lifts tariffs to 84%": a rate lifted *to* a figure is raised, not lifted off.
RATE_RAISED = r"[^.;:]{0,60}?\bto\s+\d[\d.]*\s*(?:%|percent|per cent)"
# Goods' ways abroad a verb of suspending governs ("decision in April to suspend exports of
# rare earths", "suspended shipments of gallium to the US", 暂停对美出口镓): exports halted, a
# ban, not a measure suspended (seventieth pass).
EXPORTS_SUSPENDED = (r"\bsuspen(?:d|ds|ded|ding)\s+(?:(?:the|all|its|some|most|direct)\s+)?"
                     r"(?:exports?|shipments|sales|supplies|deliveries)\s+(?:of|to)\b"
                     # (the goods told first: "suspend bauxite exports", not "suspended the
                     # controls on gallium exports" nor "suspend export controls")
                     r"|\bsuspen(?:d|ds|ded|ding)\s+(?:(?:the|all|its|some|most|direct)\s+)?"
                     r"(?:(?!(?:controls?|bans?|curbs|restrictions?|measures?|rules?|on|of|to|for"
                     r"|export)\b)[\w-]+\s+){1,3}?(?:exports|shipments)\b"
                     r"(?!\s+(?:controls?|bans?|curbs|restrictions?|licen\w*|rules?|measures?"
                     r"|permits?)\b)"
                     r"|\bsuspension\s+of\s+(?:(?:the|all|its|direct)\s+)?exports?\s+(?:of|to)\b"
                     r"|暂停(?:对|向)[^，。；、]{1,6}?出口"
                     r"(?!管制|管控|禁令|限制|许可|措施|政策|权|资质|业务|退税|[^，。；]{0,8}(?:禁令|管制措施))")
# A company's own work suspended ("Suzuki has suspended production of most of its Swift car
# models", "paused operations at two plants"), as 暂停生产线 is: no measure suspended.
OWN_WORK_SUSPENDED = (r"(?:suspen\w*|paus\w*)\s+(?:(?:its|their|the|some|all|most|vehicle|car"
                      r"|chip|engine)\s+){0,2}(?:production|output|operations|assembly"
                      r"|manufacturing|(?:production|assembly)\s+lines?|plants?|factories|work)\b"
                      r"(?![\s-]+(?:quotas?|rules?|controls?|limits?|caps?|permits?|licen[cs]es?)\b)")
SUSPENSION_ACT = (r"(?!" + EXPORTS_SUSPENDED + r"|" + OWN_WORK_SUSPENDED + r")"
                  r"(?:\bsuspen(?:d|ds|ded|ding|sion|sions)\b|\bpaus(?:e|es|ed)\b"
                  # (its object, not a clause after it: "prices lift as curbs bite")
                  r"|\blift(?:s|ed|ing)?\b(?!" + RATE_RAISED + r")"
                  r"(?:(?!\b(?:as|after|because|amid|while|despite|since|when)\b)[^.;:]){0,40}"
                  r"\b(?:controls?|bans?|measures?|countermeasures|restrictions?|curbs?"
                  r"|tariffs?|fees|levies|presumptions?\s+of\s+denial)\b"
                  r"|\bstop(?:s|ped|ping)? implementing\b"
                  # a fee no longer collected ("stopped charging special fees on US ships"; not
                  # duties, whose end is a trade-remedy decision)
                  r"|\bstop(?:s|ped|ping)?\s+(?:charging|collecting|levying)\s+(?:[\w-]+\s+){0,3}?"
                  r"(?:fees|charges)\b"
                  r"|\bstop(?:s|ped|ping)?\s+being\s+(?:implemented|enforced|applied)\b"
                  # a halt or an embargo lifted is a ban lifted ("lifted a four-year halt on
                  # imports of the crustaceans"), the halt its object, a few words on (not
                  # "lifting output after the halt")
                  r"|\blift(?:s|ed|ing)?\s+(?:(?!(?:after|before|since|following|during|until"
                  r"|amid|despite)\b)[\w’'-]+\s+){0,3}?(?:halts?|embargo(?:es)?)\b"
                  # imports readmitted by the regime (恢复美国原木输华, 恢复…进口, 恢复…对华出口
                  # 资质) end the halt that kept them out: a suspension's lifting
                  r"|恢复[^，。；]{0,20}(?:输华|进口|对华出口)"
                  # the same in English ("customs resumed imports of the crustaceans")
                  r"|\bresum(?:e|es|ed|ing)\s+(?:(?:the|all|its)\s+)?imports?\b"
                  r"|\bhalt(?:s|ed)?\b[^.;:]{0,20}\b(?:implementation|(?:counter)?measures?"
                  r"|controls?|tariffs?)\b"
                  # (licence reviews halted, 暂停对日稀土出口许可审查, hold licences back: a
                  # licensing story, not a measure suspended; sixtieth pass)
                  r"|暂停(?![^，。；]{0,12}许可(?:证)?(?:的)?(?:审查|审批|发放|申请)))"
                  # (nor production, lines or business halted: a company's, 零部件商…暂停生产线;
                  # sixty-third pass)
                  r"(?!生产|产线|营业|运营|经营|工作|作业|出货|交货|发货|供货|接单)"
                  r"|停止执行|停止实施|取消[^，。；]{0,20}管制"
                  # a ban lifted for a time (暂解镓锗锑出口禁令, 暂时解除…禁令; sixty-fifth pass)
                  r"|(?:暂解|暂时解除|暂时取消)[^，。；]{0,20}(?:禁令|管制|限制|措施)"
                  # a measure lifted, removed or waived in the passive ("Tariffs of up to 15% on
                  # American farm goods are lifted from Monday")
                  r"|\b(?:tariffs?|duties|levies|fees|controls?|bans?|measures?|restrictions?"
                  r"|curbs|prohibitions?)\b[^.;:]{0,80}?\b(?:are|were|is|was|will\s+be|have\s+been"
                  r"|has\s+been)\s+(?:lifted|removed|scrapped|cancell?ed|waived)\b"
                  # measures stopped, parties released from them, access restored ("stopped
                  # applying its April export-control measures", "were released from it on
                  # Monday", "had their access to Chinese dual-use goods restored for 90 days")
                  r"|\bstop(?:s|ped|ping)?\s+(?:applying|enforcing)\b"
                  r"|\bstop(?:s|ped|ping)?\s+the\s+(?:[\w-]+\s+){0,2}?(?:measures|controls"
                  r"|countermeasures)\b"
                  r"|\b(?:released|freed)\s+from\s+(?:it|them|the\s+(?:[\w-]+\s+){0,2}?(?:ban|measures?"
                  r"|controls?|restrictions?|curbs|countermeasures))\b"
                  r"|\baccess\b[^.;:]{0,50}?\brestored\b"
                  # a measure that stays suspended or on hold (the verb group its own, so that
                  # the noun before may be a tariff: _own_category), a date pushed back, a
                  # presumption set aside, parties no longer subject to a ban
                  r"|\b(?:stays?|remains?|stayed|remained)\s+(?:suspended|on\s+hold)\b"
                  # measures kept frozen ("Controls on 16 US defence firms stay frozen until
                  # November"; not assets, which a listing freezes)
                  r"|\b(?:controls?|measures?|countermeasures|bans?|restrictions?|curbs|sanctions)"
                  r"\b[^.;:]{0,60}?\b(?:stays?|remains?|stayed|remained)\s+frozen\b"
                  r"|\b(?:are|is)\s+(?:now\s+)?on\s+(?:hold|ice)\b"
                  r"|\bpush(?:es|ed|ing)?\s+back\b[^.;:]{0,120}?\b(?:resume|apply|take\s+effect)\b"
                  r"|\bset(?:s|ting)?\s+aside\b[^.;:]{0,30}?\b(?:presumption|ban|measures?|controls?"
                  r"|restrictions?|rules?)\b"
                  r"|\bno\s+longer\s+subject\s+to\b[^.;:]{0,40}?\b(?:bans?|controls?|measures?"
                  r"|restrictions?|curbs)\b"
                  # a charge no longer paid ("US-flagged vessels no longer pay China's special
                  # port charges", "will not be charged … for a year from Monday")
                  r"|\b(?:no\s+longer\s+(?:be\s+)?(?:pay|charged|levied)|not\s+be\s+charged)\b"
                  r"[^.;:]{0,60}?\b(?:charges?|fees?|duties|tariffs?|levies)\b"
                  # a measure eased, relaxed, waived, shelved or left unenforced for a time
                  # ("eased its ban on gallium exports to the US until November 2026", "shelved
                  # for one year the export controls", "would not enforce its ban")
                  r"|\b(?:eas(?:e|es|ed|ing)|relax(?:es|ed|ing)?|waiv(?:e|es|ed|ing)"
                  r"|shelv(?:e|es|ed|ing)|(?:will|would|shall)\s+not\s+enforce|stop(?:s|ped)?"
                  r"\s+enforcing)\b[^.;:]{0,40}?\b(?:controls?|bans?|measures?|restrictions?"
                  r"|curbs|rules?|requirements?|prohibitions?|duties|tariffs?|levies)\b"
                  # implementation deferred is suspended (暂缓实施, 推迟实施, "defers the rules")
                  r"|(?:暂缓|推迟|延缓)(?:实施|执行|施行)"
                  r"|\b(?:defer|postpone|delay)(?:s|red|ed|ring|ing)?\s+(?:the\s+)?implementation\b"
                  # a suspension extended, prolonged or rolled over; a reprieve; holding off
                  # ("extended the freeze on its gallium ban", "A further 90-day reprieve",
                  # "holds off on superhard material curbs", 延期实施)
                  r"|\b(?:extend\w*|prolong\w*|roll\w*\s+over|renew\w*)\b[^.;:]{0,40}?"
                  r"\b(?:suspensions?|freeze|pause|reprieve|truce)\b"
                  r"|\b(?:suspensions?|freeze|pause|reprieve)\b[^.;:]{0,120}?\b(?:extended|prolonged"
                  r"|rolled\s+over|renewed)\b|\breprieve\b"
                  r"|\bh(?:old|olds|eld|olding)\s+off\s+on\b[^.;:]{0,40}?\b(?:curbs|controls?"
                  r"|measures?|rules?|bans?|restrictions?)\b"
                  r"|\b(?:controls?|measures?|rules?|bans?|restrictions?|curbs)\b[^.;:]{0,60}?"
                  r"\b(?:are|were|is|was|will\s+be|have\s+been|has\s+been)\s+(?:delayed|deferred"
                  r"|postponed|put\s+off)\b|延期(?:实施|执行|施行)"
                  # checks or rules deferred ("deferred its tougher graphite end-user checks")
                  r"|\b(?:defer|postpone)(?:s|red|ed|ring|ing)?\b[^.;:]{0,40}?\b(?:checks?|controls?"
                  r"|measures?|rules?|requirements?|bans?|restrictions?|reviews?)\b"
                  # told by its effect: a measure put on hold, that no longer applies or will
                  # not be implemented, what it prohibited allowed once again
                  r"|\b(?:rules?|controls?|measures?|countermeasures|bans?|prohibitions?"
                  r"|restrictions?|curbs|requirements?|provisions?|listings?)\b[^.;:]{0,30}?"
                  r"\bon (?:hold|ice)\b"
                  # the same told verb first ("has put on hold for one year a rule")
                  r"|\b(?:put|puts|putting|placed|places)\s+on\s+(?:hold|ice)\b[^.;:]{0,30}?"
                  r"\b(?:rules?|controls?|measures?|bans?|prohibitions?|restrictions?|curbs"
                  r"|requirements?|provisions?|listings?)\b"
                  # and its object told between ("puts October export control measures on
                  # hold"): the verb governs the measure, which is what is suspended
                  r"|\b(?:put|puts|putting)\s+(?:[\w’'-]+\s+){0,5}?(?:rules?|controls?|measures?"
                  r"|bans?|prohibitions?|restrictions?|curbs|requirements?|provisions?|listings?)"
                  r"\s+on\s+(?:hold|ice)\b"
                  # measures kept on hold, however long their object ("keeps trade bans on 11
                  # American defence suppliers on ice")
                  r"|\b(?:keeps?|kept|keeping)\s+(?:[\w’'-]+\s+){0,5}?(?:rules?|controls?"
                  r"|measures?|bans?|prohibitions?|restrictions?|curbs|requirements?|listings?)"
                  r"\b[^.;:]{0,60}?\s+on\s+(?:hold|ice)\b"
                  # and in the passive, however long the measure's name before it ("controls
                  # that were due to take effect on Saturday have been put on hold")
                  r"|\b(?:rules?|controls?|measures?|bans?|prohibitions?|restrictions?|curbs"
                  r"|requirements?|provisions?|listings?)\b[^.;:]{0,80}?\b(?:been|was|were|is|are"
                  r"|be)\s+put\s+on\s+(?:hold|ice)\b"
                  r"|\b(?:rules?|controls?|measures?|bans?|prohibitions?|restrictions?|curbs"
                  r"|requirements?|provisions?|paragraph)\b[^.;:]{0,120}?\b(?:(?:do|does|will"
                  r"|would|shall)\s+not|no longer)\s+(?:be\s+)?(?:apply|applies|applied"
                  r"|implemented|enforced)\b"
                  r"|\b(?:may|can|could)\s+(?:once\s+)?again\s+(?:apply|export|ship|sell|file)\b"
                  # the same told in the passive of the goods ("lobsters … could again be
                  # imported"): what the halt kept out is let in again
                  r"|\b(?:may|can|could)\s+(?:once\s+)?again\s+be\s+(?:imported|exported"
                  r"|shipped|sold)\b"
                  r"|不再(?:适用|实施|执行)|暂不(?:适用|实施|执行)"
                  # a headline's passive with no auxiliary, the measure first ("Battery-material
                  # export curbs … postponed", "… superhard controls shelved till November
                  # 2026"): the participle ends the headline or takes the period's end
                  r"|\b(?:rules?|controls?|measures?|bans?|restrictions?|curbs|requirements?)\b"
                  r"[^.;:]{0,80}?\b(?<!be )(?:postponed|deferred|shelved|delayed)"
                  r"(?=\s*$|\s+(?:until|till|to|for|by)\b)"
                  # an authority that no longer applies a measure ("no longer applies its
                  # export-control measures to 15 US entities")
                  r"|\bno\s+longer\s+(?:applies|apply|enforces?|implements?)\b[^.;:]{0,40}?"
                  r"\b(?:controls?|measures?|rules?|bans?|restrictions?|curbs)\b"
                  # measures on listed parties adjusted (No. 69 of 2025: some stopped, some
                  # suspended for a further year): the listing stands, its measures change
                  r"|\badjust(?:s|ed|ing)?\s+(?:the\s+|its\s+)?measures\b[^.;:]{0,20}?"
                  r"\b(?:on|concerning|against|targeting)\b(?:[^.;:]|(?<=\b[A-Z])\.){0,60}?"
                  r"\bentit(?:y|ies)\b"
                  r"|\badjustments?\s+to\s+(?:the\s+|its\s+)?measures\b[^.;:]{0,20}?"
                  r"\b(?:on|concerning|against|targeting)\b(?:[^.;:]|(?<=\b[A-Z])\.){0,60}?"
                  r"\bentit(?:y|ies)\b"
                  r"|调整(?:对)?[^，。；]{0,30}实体[^，。；]{0,10}措施"
                  # measures told ended ("after Chinese measures against it stopped on Monday",
                  # "control list measures end"): stopped, as 停止执行
                  r"|\b(?:measures?|countermeasures?)\b[^.;:,]{0,40}?\b(?:stopped|ended|ends?)\b"
                  r"(?!\s+(?:of|up|in|with)\b)")
# Deposits posted by importers or collected by customs under a trade-remedy measure ("begin
# posting deposits at Chinese customs", "begins collecting anti-dumping deposits"), and a
# licence certificate told before its issuing (首张锗出口许可证发放至…; not 随着许可陆续发放,
# licences as they come): the act and its own verb at once (TARIFF_ACT, LICENSING_ACT,
# DOING_VERBS).
DEPOSITS_TAKEN = (r"\b(?:post|posts|posted|posting|collect|collects|collected|collecting)\s+"
                  r"(?:[\w-]+\s+){0,2}?deposits\b")
LICENCE_ISSUED_ZH = r"许可证[^，。；]{0,6}(?:发放|颁发|签发)"
# Licences that came through or began arriving: received, told by their holder.
LICENCE_ARRIVED = (r"\b(?:came|come|comes|coming)\s+through\b|\b(?:began|begin|begins|started"
                   r"|start|starts)\s+(?:arriving|to\s+arrive|coming\s+in)\b")
LICENSING_ACT = (r"\bapprov(?:e|es|ed|ing)\b[^.;:]{0,40}\b(?:applications?|licen[cs]\w*|exports?"
                 r"|shipments?|permits?|requests?)\b"
                 r"|\b(?:applications?|licen[cs]\w*|exports?|shipments?|requests?)\b[^.;:]{0,60}?"
                 r"\b(?:can|could|are|is|were|was|have|has|had|will|would)(?: \w+)? "
                 r"(?:being |been )?(?:\w+ and )?approved\b"
                 # licences told granted or issued in the passive ("licences for gallium were
                 # granted last week by …"): approved, by whoever the agent is; in the past
                 # or perfect only ("as licences are granted, exports should recover" tells a
                 # process, not an act)
                 r"|\b(?:licen[cs]es?|permits?)\b[^.;:]{0,60}?\b(?:were|was|have been|has been"
                 r"|had been) (?:granted|issued)\b"
                 r"|\b(?:licen[cs]es?|applications?) approved\b|\bapprovals?\b"
                 r"|\bgrant(?:s|ed|ing)?\b[^.;:]{0,40}\b(?:licen[cs]|exemptions?|permits?\b)"
                 # clearance given to export; licences that went to a producer; 获发, 获颁
                 r"|\bg(?:ive|ives|ave|iven|iving)\b[^.;:]{0,40}?\b(?:clearance|approval|permission"
                 r"|the green light|an?\s+(?:export\s+)?licen[cs]e)\s+to\s+(?:export|ship|sell)\b"
                 r"|\blicen[cs]es?\b[^.;:]{0,40}?\b(?:went|gone)\s+to\b"
                 r"|\bcleared\s+for\s+(?:export|shipment|sale\s+abroad)\b"
                 # (not a firm's rate of 0% in an anti-dumping ruling, 少数企业获0%豁免: a
                 # duty's rate; sixty-seventh pass)
                 r"|获(?:发|颁)[^，。；]{0,10}许可|许可证?[^，。；]{0,8}签发"
                 r"|获(?![^，。；]{0,4}\d+(?:\.\d+)?\s*[%％])[^，。；]{0,6}豁免"
                 # approval won, licences handed out, applications signed off, exports cleared
                 # ("win Chinese approval to buy gallium", "gets China's nod", "hands out
                 # general licences", "signing off on hundreds of magnet export applications",
                 # "clears tungsten exports for an Austrian tool maker")
                 r"|\b(?:win|wins|won|gets?|got|receives?|received|secures?|secured)\s+(?:[\w’']+\s+)?"
                 r"(?:approval|nod|green\s+light|go-ahead)\b"
                 r"|\bhand(?:s|ed|ing)?\s+out\b[^.;:]{0,30}?\blicen[cs]"
                 r"|\bsign(?:s|ed|ing)?\s+off\s+on\b[^.;:]{0,40}?\b(?:applications?|licen[cs]\w*"
                 r"|exports?|shipments?)\b"
                 r"|\bclear(?:s|ed|ing)\s+(?:[\w-]+\s+){0,2}?exports?\s+(?:for|to)\b"
                 # exports allowed for a use or a party ("China allows exports of Nexperia chips
                 # for civilian use"; sixty-fourth pass): a permission granted
                 r"|(?<!not )(?<!no longer )\b(?:allow|permit)(?:s|ted|ed|ting|ing)?\s+(?:the\s+)?"
                 r"exports?\s+of\b[^.;:]{0,60}?\bfor\b"
                 # ... or goods exempted from the controls ("China exempts Nexperia chips for
                 # civilian use from export restrictions"; sixty-fifth pass): an exemption granted
                 r"|(?<!not )\bexempt(?:s|ed|ing)?\b[^.;:]{0,60}?\bfrom\s+(?:the\s+|its\s+)?"
                 r"(?:[\w-]+\s+){0,2}?(?:export\s+)?(?:controls?|restrictions?|curbs|bans?)\b"
                 r"|\bissu(?:e|es|ed|ing)\b[^.;:]{0,30}\b(?:licen[cs]|permits?\b)"
                 r"|\bgeneral (?:export )?licen[cs]es?\b"
                 # applications green-lit or cleared ("cleared a batch of applications to
                 # export"; not goods that cleared customs)
                 r"|\b(?:greenl\w*|green-l\w*)\b[^.;:]{0,40}?\b(?:applications?|licen[cs]\w*"
                 r"|exports?|shipments?|requests?)\b"
                 r"|\bclear(?:s|ed|ing)\b[^.;:]{0,40}?\b(?:applications?|requests?)\b"
                 r"|\blicen[cs]es? (?:granted|issued|approved)\b"
                 # export exemptions granted ("after export exemptions granted")
                 r"|\b(?:export\s+)?exemptions?\s+(?:(?:were|was|have\s+been|has\s+been)\s+)?"
                 r"(?:granted|issued|approved)\b"
                 # the receiving side: a licence obtained is a licence granted; not one that
                 # must now be obtained (a requirement: CONTROLS_ACT)
                 r"|(?<!must )(?<!must now )\b(?:obtain|secur|receiv|won\b|got\b)\w*[^.;:]{0,30}?"
                 r"\b(?:export\s+)?licen[cs]es?\b"
                 # an export permit is a licence by another name ("received its first permits
                 # from the commerce authorities"): the permit the verb's own object (only
                 # determiners between, not "received notices that their permits …"), not
                 # one to be obtained ("need to obtain the new permits") nor a permit office
                 r"|(?<!\bto\s)\b(?:obtain|secur|receiv|won\b|got\b)\w*\s+(?:(?:its|their|his|her"
                 r"|the|a|an|first|new|export|several|some|\d+)\s+){0,3}permits?\b"
                 r"(?!\s+(?:office|offices|department|bureau|system|process|regime)\b)"
                 r"|通用许可|获批"
                 # a licence renewed, permits approved, exemptions obtained
                 r"|\b(?:licen[cs]es?|permits?)\b[^.;:]{0,60}?\b(?:had|has|have|was|were)\s+"
                 r"(?:been\s+)?renewed\b"
                 r"|\bpermits?\b[^.;:]{0,60}?\b(?:were|was|have\s+been|has\s+been)\s+approved\b"
                 r"|\b(?:obtain|secur|receiv|won\b|got\b)\w*\s+(?:[\w-]+\s+){0,2}?exemptions?\b"
                 # the holder's side: licences that came through or began arriving, a licensed
                 # cargo, goods that left under a licence, shipments licensed (已获…许可证)
                 r"|\b(?:licen[cs]es?|permits?|approvals?)\b[^.;:]{0,60}?(?:" + LICENCE_ARRIVED
                 + ")"
                 r"|(?<!\bonly\s)(?<!\bOnly\s)\blicensed\s+(?:shipments?|cargo(?:es)?|consignments?"
                 r"|exports?|batch(?:es)?)\b"
                 r"|\b(?:shipments?|cargo(?:es)?|consignments?|batch(?:es)?)\b[^.;:]{0,60}?"
                 r"\blicensed\s+under\b"
                 r"|(?<!\bonly\s)(?<!\bOnly\s)\blicensed\s+(?:an?\s+|the\s+|its\s+|their\s+)?"
                 r"(?:[\w’'-]+\s+){0,3}?"
                 r"(?:shipments?|exports?|sales|cargo(?:es)?)\b"
                 r"|\b(?:cleared\s+customs|shipped|sailed|left|departed)\b[^.;:]{0,40}?\bunder\s+"
                 r"(?:an?\s+|its\s+|their\s+)?(?:Chinese\s+)?(?:export\s+)?licen[cs]e\b"
                 r"|已获(?!得)[^，。；]{0,12}(?:许可证?|执照)"
                 # 经批准, 经国务院批准 ("upon approval"): the formula by which an announcement
                 # states its own authority, no licence granted to an exporter
                 # (and a working mechanism's or commission's approval of a decision:
                 # 经国家反外国制裁工作协调机制批准; sixty-second pass)
                 r"|(?<!经)(?<!经国务院)(?<!机制)(?<!委员会)批准"
                 # (执照, a licence in Hong Kong's and Singapore's Chinese, as 许可证)
                 r"|(?:颁发|发放)[^，。；]{0,10}(?:许可|执照)"
                 # the licence first (首张锗出口许可证发放至…), an exemption granted (给予豁免)
                 r"|" + LICENCE_ISSUED_ZH + r"|给予[^，。；]{0,8}豁免"
                 # the same in Chinese (获得…出口许可证件); not a licence one must or may obtain
                 # (须获得许可, 获得许可后方可出口), nor one not obtained (未获得); an export
                 # "pass" is the licence told figuratively (拿到稀土出口“通行证”; sixty-second pass)
                 r"|(?<![须需应要未能可])(?:获得|取得|拿到)[^，。；]{0,12}(?:许可(?:证件|证)?|执照"
                 r"|出口[“\"「]?通行证)"
                 r"(?![^，。；]{0,8}(?:后|方可|才能|才可|的前提))")
ENFORCEMENT_ACT = (r"\bsmuggl\w*"
                   # a licence lost or revoked for a breach; goods searched for that were held
                   # without a licence ("lost its licence on Monday for shipping …", "combed
                   # bonded warehouses for rare-earth stocks held without export paperwork")
                   r"|\b(?:los(?:t|es|ing)|stripped\s+of)\s+(?:its|their|his|her)\s+(?:export\s+)?"
                   r"licen[cs]es?\b(?=[^.;:]{0,40}?\bfor\b)"
                   # mis-declared or mislabelled exports, consignments checked against their
                   # licence, the right to apply for licences lost
                   r"|\bmis-?declar\w*|\bmislabel\w*"
                   r"|\bchecked\s+against\s+(?:its|their|the)\s+(?:export\s+)?licen[cs]e"
                   r"|\blos(?:e|es|t|ing)\s+(?:its|their)\s+right\s+to\s+apply\b"
                   r"|\b(?:comb(?:ed|s|ing)|search(?:ed|es|ing)|raid(?:ed|s|ing)|inspect(?:ed|s|ing))\b"
                   r"[^.;:]{0,80}?\bwithout\s+(?:export\s+)?(?:paperwork|permits?|licen[cs]es?"
                   r"|permission)\b"
                   r"|\bcrack(?:s|ed|ing)?\s+down\b|\bcrackdown\b|\billegal outflows?\b"
                   # an inspection that qualifies goods (inspection drones) names a product
                   r"|\binspections?\b(?!\s+(?:drones?|robots?|cameras?|equipment|vehicles?"
                   r"|systems?|devices?|tools?|services?))"
                   # nor one that names the standard goods must meet ("inspection and
                   # quarantine requirements", "inspection certificates"): a rule of trade
                   r"(?!\s+(?:and\s+quarantine\s+)?(?:requirements?|standards?|certificates?"
                   r"|rules?|protocols?|procedures?)\b)"
                   # (a fact check is a reporter's, not an inspection)
                   r"|(?<!\bfact )(?<!\bfact-)\bchecks? on\b"
                   # (not a chance seized: "opportunity to be seized", "seize the moment";
                   # sixty-fourth pass)
                   r"|(?<!opportunity to be )(?<!opportunities to be )\bseiz(?:e|es|ed|ure)\b"
                   r"(?!\s+(?:the|this|that|an?|every|its|their)\s+(?:opportunit|moment|chance"
                   r"|initiative|day|momentum))"
                   r"|\bpenalt(?:y|ies)\b"
                   # a fine imposed or upheld ("upheld a customs fine of 1.6 million yuan")
                   r"|\b(?:impos\w*|upheld|upholds?|levied|levies|levy|issued)\s+(?:an?\s+)?"
                   r"(?:\w+\s+)?fines?\b|\b(?:customs|administrative)\s+fines?\b"
                   r"|\bfined\b|\bpenali[sz]e[sd]?\b|\bconfiscat\w*|\bprosecut\w*"
                   # (a country or its industry punished is a countermeasure's target, not a
                   # breach pursued: "China Punishes the U.S. Drone Industry"; sixty-third pass)
                   r"|\bpunish(?:es|ed|ing|ments?)?\b(?!\s+(?:the\s+)?(?:U\.S\.|(?:US|American|Japan(?:ese)?|Taiwan(?:ese)?"
                   r"|European|EU|foreign|Western|Washington|Tokyo)\b))"
                   r"|\bintercept\w*|\bmisdeclar\w*|\bfalsely declar\w*|\bfalse declarations?\b"
                   r"|\bconceal\w*|\bhidden (?:in|inside)\b|\bdetain\w*"
                   # goods undeclared or stuffed inside others, licences revoked as a penalty
                   r"|\bundeclared\b|\bstuffed\s+(?:in|inside|into)\b"
                   r"|\bopen\w*\s+(?:a\s+)?cases?\s+against\b"
                   r"|\bfines?\s+(?:a|an|the|two|three|four|five|\d+)\s+(?:[\w-]+\s+){0,2}?"
                   r"(?:exporters?|companies|company|firms?|traders?)\b"
                   r"|\brevok(?:e|es|ed|ing)\b[^.;:]{0,30}?\blicen[cs]"
                   # trading rights lost as a penalty ("loses its dual-use trading rights for
                   # two years")
                   r"|\blos(?:e|es|t|ing)\s+(?:its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:trading"
                   r"|export(?:ing)?|import(?:ing)?)\s+(?:rights|licen[cs]es?|qualifications?"
                   r"|privileges)\b"
                   # a misdeclaration told by its content: goods declared as something else
                   r"|\b(?:shipments?|cargo|consignments?|containers?|goods|ingots|powder|items"
                   r"|products|parcels)\b[^.;:]{0,40}\bdeclared as\b"
                   r"|\bstopped at (?:a |the )?(?:\w+ ){0,2}(?:port|border|checkpoint)\b"
                   # customs apply controls, they do not make them: an export customs stop
                   # or block is a consignment held, not a ban; goods "bound for" someone are a
                   # shipment, and the officers of a place ("Customs officers in Ningbo, …,
                   # have stopped a shipment") are customs
                   r"|\b[Cc]ustoms\b(?:\s+(?:officers|officials|authorities))?(?:\s+(?:in|at)\s+"
                   r"[^.;:]{0,50}?)?[^.;:]{0,40}?\b(?:stops?|stopped|halts?|halted|blocks?"
                   r"|blocked)\b[^.;:]{0,30}?\b(?:exports?|shipments?|consignments?|cargo"
                   r"|bound for|destined for"
                   # travellers stopped carrying goods out are consignments held too
                   r"|(?:travell?ers|passengers)\b[^.;:]{0,30}?\bcarrying)\b"
                   r"|\bsentenc(?:ed|es|ing)\b[^.;:]{0,40}?\b(?:prison|jail|years?|months?)\b"
                   r"|\bjail(?:ed|s)?\b|\bimprison(?:ed|s)?\b|\bconvict(?:ed|s)\b"
                   # enforcement itself stepped up ("amid tightened Chinese enforcement",
                   # "Chinese Enforcement Push Drives Mineral Prices", "stepped up enforcement of
                   # its export controls"): breaches pursued harder, an enforcement (sixtieth
                   # pass); not enforcement merely named ("enforcement of the rules remains
                   # unclear")
                   r"|\b(?:tighten(?:s|ed|ing)?|stricter|tougher|intensifi(?:ed|es)|intensify(?:ing)?"
                   r"|step(?:s|ped|ping)?[\s-]up|ramp(?:s|ed|ing)?[\s-]up|beef(?:s|ed|ing)?[\s-]up"
                   r"|heightened|increased|stronger)\s+(?:(?:Chinese|China['’]s|Beijing['’]s|customs"
                   r"|its|the|export[\s-]control|border)\s+){0,2}enforcement\b"
                   r"|\benforcement\s+(?:push|drive|campaign|blitz|sweep|operations?)\b"
                   # a case uncovered, busted or cracked by an authority ("customs officers
                   # have uncovered a case in which a company tried to export … without a
                   # licence"): a breach found is an enforcement, whatever the goods
                   r"|\b(?:uncover(?:s|ed|ing)?|bust(?:s|ed|ing)?|crack(?:s|ed|ing)?|solv(?:e|es"
                   r"|ed|ing)|detect(?:s|ed|ing)?)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?cases?\b"
                   # an investigation of a breach ("opened investigations into several firms
                   # suspected of violating export controls", 对…违规出口…立案调查): a breach
                   # pursued is an enforcement (a trade-remedy probe names no breach)
                   r"|\binvestigat\w*\b[^.;:]{0,80}?\b(?:violat\w*|breach\w*|illegal(?:ly)?"
                   r"|evad\w*|evasion)\b"
                   # cases of controls evaded (逃避出口管制典型案例, 违规出口案件) published by an
                   # authority: breaches pursued, not a control imposed
                   r"|(?:逃避|规避|违反)[^，。；]{0,8}管制[^，。；]{0,4}(?:案例|案件)"
                   r"|(?:违规|违法)出口[^，。；]{0,6}(?:案例|案件)"
                   # customs questioning an export that may need a licence (海关质疑, "customs
                   # challenges to export control of dual-use items", a customs inquiry notice):
                   # goods held while a breach is checked (seventy-second pass)
                   r"|\b[Cc]ustoms\s+(?:challenges?|inquir(?:y|ies)|questioning)\b"
                   r"|海关质疑|质疑通知书"
                   r"|夹藏|藏匿|走私|查处"
                   # (a blow dealt, 致命打击, 沉重打击, is a figure of speech, no crackdown;
                   # sixty-third pass)
                   r"|(?<!致命)(?<!沉重)(?<!重大)(?<!巨大)(?<!严重)(?<!毁灭性)打击"
                   r"|执法|罚款|处罚|没收|罚没|查获|缉私|扣留|伪报|瞒报"
                   # goods intercepted (海关截获…货物), as "intercepted" (sixtieth pass)
                   r"|截获"
                   # (a ban evaded, circumvented or got around, goods transshipped, with no
                   # case or crackdown of an authority's, are traders' doings, no enforcement:
                   # "U.S. importers skirt China's mineral ban by rerouting antimony";
                   # seventieth pass, replacing the sixty-first's reading, as `dev-907` does)
                   # an inspection campaign of exporters (对钨出口企业开展专项检查)
                   r"|专项检查")
# Month and weekday words of the days that date acts and start them.
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TARIFF_ACT = (r"(?<!non-)(?<!non )\btariffs?\b|\bcustoms dut(?:y|ies)\b|(?<!非)关税|税则|税率"
              r"|\b(?:additional|extra|punitive|retaliatory)\s+levies\b|\blev(?:y|ies)\s+on\b"
              r"|\b(?:extra|additional)\s+\d+(?:\.\d+)?\s*(?:%|percent)"
              # duties told from the payer's side ("will pay lower duties in China from
              # January 1") and a trade-remedy ruling's rates ("set final rates of 4.9 to 19.8
              # percent", "in a final anti-dumping ruling")
              r"|\b(?:pays|paid|paying)\s+(?:[\w-]+\s+){0,3}?dut(?:y|ies)\b"
              r"|\bpay\s+(?:[\w-]+\s+){0,3}?dut(?:y|ies)\b(?=[^.;:]{0,40}?\b(?:from|starting"
              r"|as of|beginning)\s+(?:" + MONTH + r"[a-z]*\.?\s+\d|\d{1,2}\s+" + MONTH + "|"
              + WEEKDAY + r"|next\s+month))"
              r"|\bset\s+(?:final|preliminary|provisional)\s+(?:[\w-]+\s+)?rates?\b"
              r"|\b(?:preliminary|final)\s+(?:anti-?dumping|anti-?subsidy|countervailing)\s+"
              r"(?:rulings?|determinations?)\b"
              # goods that cost a share more to bring in ("will cost 10% more to bring into
              # China"): the duty told by its effect
              r"|\bcosts?\s+(?:an?\s+(?:extra|additional)\s+)?\d+(?:\.\d+)?\s*"
              r"(?:%|percent|per cent)(?:\s+more)?\s+to\s+(?:bring|import|ship)\b"
              # or that their sellers pay a share more to sell ("will pay 25% more to sell in
              # China from March 20")
              r"|\bpay\s+(?:an?\s+(?:extra|additional)\s+)?\d+(?:\.\d+)?\s*(?:%|percent"
              r"|per cent)\s+more\s+to\s+(?:sell|ship|export)\b"
              # duties on goods qualified as lower, higher or Chinese ("Lower Chinese duties on
              # Canadian canola take effect on Sunday"); deposits lodged or provided
              r"|\b(?:lower|higher|new|reduced|Chinese|China[’']s)\s+(?:[\w-]+\s+)?"
              r"dut(?:y|ies)\s+on\b"
              r"|\b(?:lodge|lodges|lodged|provide|provides|provided)\s+(?:[\w-]+\s+){0,2}?deposits?\b"
              # deposits posted by importers or collected by customs
              r"|" + DEPOSITS_TAKEN +
              r"|提供保证金"
              # a duty told by its rate alone ("as a 100 percent duty took effect")
              r"|\b\d+(?:\.\d+)?\s*(?:%|percent|per cent)\s+(?:dut(?:y|ies)|lev(?:y|ies))\b"
              r"|\banti-?(?:dumping|subsidy)\s+deposits?\b|双反[”’」]?税"
              # a provisional duty to be posted ("importers must now post anti-dumping
              # deposits")
              r"|\b(?:must|have\s+to|has\s+to|will\s+have\s+to)\s+(?:now\s+)?(?:post|pay)\b"
              r"[^.;:]{0,40}?\bdeposits?\b"
              # duties by other names: trade remedies and duties told by their rate
              r"|\blevies\s+of\s+(?:up\s+to\s+)?\d"
              r"|\b(?:anti-dumping|antidumping|countervailing|anti-subsidy|additional|extra|punitive"
              r"|retaliatory|provisional|import)\s+(?:duties|duty|measures)\b"
              r"|\bduties\s+(?:of|ranging from)\s+(?:up to\s+)?\d"
              # a provisional duty collected as deposits told by their rate ("importers will
              # have to pay deposits of 75.8 percent", 保证金): a preliminary trade-remedy
              # ruling's duty, a tariff decision
              r"|\b(?:cash\s+)?deposits?\s+(?:of|ranging from|at)\s+(?:up to\s+)?\d+(?:\.\d+)?"
              r"\s*(?:percent|per cent|%)|(?:反倾销|反补贴)?保证金"
              # a trade-remedy ruling ("made a preliminary ruling that imports … were dumped"):
              # the ruling decides the duty; a court's ruling names no dumping or subsidy
              r"|\b(?:(?:make|makes|made|making)\s+(?:an?\s+|its\s+|the\s+)?)?"
              r"(?:preliminary|final)\s+(?:rulings?|determinations?)\b(?=[^.;:]{0,80}"
              r"\b(?:dump(?:ed|ing)|subsidi[sz]ed|subsid(?:y|ies))\b)"
              # a levy told by its rate ("levy an additional 15 percent on coal")
              r"|\blev(?:y|ies|ied|ying)\s+(?:an?\s+)?(?:additional|extra|further)\s+\d+(?:\.\d+)?"
              r"\s*(?:percent|per cent|%)"
              r"|反倾销税|反补贴税|反倾销措施|反补贴措施|保障措施"
              r"|(?:反倾销|反补贴)[^，。；]{0,8}(?:最终|初步)裁定|(?:反倾销|反补贴)[^，。；]{0,8}(?:初裁|终裁)")
# A measure's name that qualifies another noun ("export control law", 出口管制对话) names no
# measure: the law, the dialogue, the system is what is spoken of.
NOT_A_MEASURE_AFTER = (r"(?:control\s+)?lists?|law|dialogue|cooperation|regime|system|compliance"
                       r"|mechanism|coordination|office|bureau|department|policy|policies|talks"
                       r"|issues?|officials?|authorities|experts?|toolkits?|toolbox(?:es)?|tools?"
                       r"|framework|arsenal|architecture|capacity|capabilit(?:y|ies)"
                       # a wrong done against a control ("export control violations", "export
                       # control cases"): the breach is what is spoken of, its punishment an
                       # enforcement, not a control imposed
                       r"|violations?|breach(?:es)?|offen[cs]es?|cases?|crimes?|infringements?")
# What goods are made subject to by a control ("to licensing", "to export controls", "to
# approval").
LICENCE_NEEDED = (r"(?:(?:export|government|prior|state|the)\s+)?(?:licensing|licen[cs]es?"
                  r"|approval|permits?|export\s+controls?|controls?)\b")
# A Chinese requirement's own verb (出口须申请许可: must apply for, obtain or hold; not 无需,
# no need to).
REQUIRED_ZH = (r"(?<![无不毋未])(?:须|需|需要|必须|应当?)先?(?:向[^，。；]{0,12})?"
               r"(?:申请|申领|获得|取得|办理)")
# Words that open what a company's act follows or is done by, not what it acts on ("halts
# production amid …", "halted by …", "due to …"): the controls after them are the cause.
CAUSE_BEFORE_CONTROLS = (r"\b(?:by|amid|amidst|due\s+to|because\s+of|following|despite|after"
                         r"|in\s+the\s+wake\s+of)\b")
CONTROLS_ACT = (r"(?<!evade )(?<!evades )(?<!evaded )(?<!evading )(?<!evasion of )(?<!circumvent )"
                r"(?<!circumventing )(?<!circumvented )"
                r"\bexport controls?\b(?!\s+(?:" + NOT_A_MEASURE_AFTER + r")\b)"
                r"|\bexport (?:curbs?|restrictions?|bans?|licensing|permits?|rules?)\b"
                # the same noun told as MOFCOM's English does ("tighten the control over the export
                # of relevant dual-use items to the United States")
                r"|\bcontrols?\s+(?:over|on)\s+(?:the\s+)?exports?\s+of\b"
                # a grip tightened on supplies ("after China tightens grip on global supplies";
                # sixty-third pass): controls told by their hold on what leaves
                r"|(?:(?<=tightens )|(?<=tightened )|(?<=tightening )|(?<=tighten )"
                r"|(?<=tightens its )|(?<=tightened its )|(?<=tighten its )|(?<=tightening its ))"
                r"grip\s+on\s+(?:the\s+)?"
                r"(?:global\s+|world\s+|overseas\s+)?(?:[\w-]+\s+){0,2}?(?:supplies|supply|exports?"
                r"|shipments?)\b(?!\s+chains?\b)"
                # (a list of goods may stand between: "MofCom restricts battery cathode, gallium
                # extraction tech exports"; sixty-second pass)
                # (not across a cause or a passive's agent: "Suzuki Halts Swift Production Amid
                # China's Rare Earth Export Curbs", "production halted by export restrictions"
                # halt a company's production, no exports; seventieth pass)
                r"|" + EXPORTS_SUSPENDED +
                r"|\b(?:" + CURBING_VERBS + r")\b(?:(?!" + CAUSE_BEFORE_CONTROLS + r")[^.;:]){0,45}"
                r"\bexports?\b"
                # the same verbs on goods' ways abroad ("curb shipments of gallium and germanium
                # abroad", "limit overseas sales of")
                r"|\b(?:" + CURBING_VERBS + r")\b[^.;:]{0,15}?\b(?:(?:overseas|foreign|outbound)"
                r"\s+(?:sales|shipments|deliveries)|(?:shipments?|sales|deliveries)\b[^.;:]{0,50}?"
                r"\b(?:abroad|overseas|out\s+of\s+(?:the\s+country|China)))\b"
                # a control regime widened to new goods ("expanded its export control regime to
                # cover five more rare earths"): the regime's reach is what changes
                r"|\b(?:expand|extend|widen|broaden)(?:s|ed|ing)?\b[^.;:]{0,20}?\bexport\s+control"
                r"\s+(?:regime|system)\b"
                # ... told by its noun ("a notice implementing a historic expansion of China's
                # export control regime", fifty-seventh pass)
                r"|\b(?:expansion|extension|widening|broadening)\s+of\s+(?:[\w’'-]+\s+){0,3}?"
                r"export\s+control\s+(?:regime|system)\b"
                # controls widened to new goods or reach ("widens rare earth controls to
                # foreign-made magnets")
                r"|\b(?:expand|extend|widen|broaden)(?:s|ed|ing)?\s+(?:its\s+|the\s+)?(?:[\w-]+\s+)"
                r"{0,3}?(?:controls|curbs|restrictions)\s+to\b"
                # goods made subject to a licence ("will subject exports of … to licensing",
                # "make exports of gallium subject to approval"); not goods that are subject to
                # controls (a state: the verb has no object between it and "to")
                r"|\bsubject(?:s|ed|ing)?\s+(?!to\b)[^.;:]{1,80}?\bto\s+" + LICENCE_NEEDED +
                r"|\b(?:make|makes|made|making)\s+[^.;:]{0,80}?\bsubject\s+to\s+" + LICENCE_NEEDED +
                # ... or told to be so ("announced that the export of gallium and germanium …
                # will now be subject to a license system"; sixty-sixth pass)
                r"|\b(?:will|shall|would)\s+(?:now\s+)?(?:be|become)\s+(?:made\s+)?subject(?:ed)?\s+to"
                r"\s+(?:an?\s+)?(?:(?:export\s+)?licen[cs](?:e|ing)\s+(?:system|regime|requirements?)\b|"
                + LICENCE_NEEDED + ")" +
                # a licence requirement for exports, named (with a verb of doing: "unveiled a
                # licensing requirement for exports of high-purity graphite")
                # licences imposed on goods, or to be secured to ship them ("imposes dual-use
                # licences on rare earth exports", "foreign firms must secure a dual-use items
                # export licence to ship"): a licence requirement, the control, none granted
                r"|\bimpos(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,2}?licen[cs](?:es?|ing)\s+"
                r"(?:requirements?\s+)?on\b"
                r"|\bmust\s+(?:secure|obtain|get|apply\s+for|seek)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?"
                r"export\s+licen[cs]es?\b"
                # goods that need a licence to leave the country ("now need a licence to leave
                # China"), or someone's approval to export ("will need Beijing's approval to
                # export magnets from December 1"): the requirement a control puts on them
                r"|\bneeds?\s+(?:an?\s+)?(?:[\w’']+\s+)?(?:licen[cs]e|permit)s?\s+to\s+(?:leave|exit)"
                r"\s+(?:China|the\s+country)\b"
                r"|\bneeds?\s+(?:[\w’']+\s+){1,2}?(?:approval|permission)\s+to\s+(?:export|ship|sell)\b"
                # what may no longer go to a party, goods refused licences for a country
                # ("dual-use goods may no longer go to US military users", 不予许可…对美国出口)
                r"|\b(?:may|can)\s+no\s+longer\s+(?:go|be\s+(?:sold|shipped|exported))\s+to\b"
                r"|不予(?:许可|批准)[^，。；]{0,40}出口"
                # licensing imposed on goods, exports banned in the passive, goods that become
                # controlled items or are added to the control regime, a list of dual-use items
                # published (纳入管控, 出口管制清单公布)
                r"|\bimpos\w*\s+(?:a\s+)?(?:licen[cs]ing|licen[cs]e)\s+(?:requirements?\s+)?on\b"
                r"|\bexports?\b[^.;:]{0,60}?\b(?:banned|prohibited)\s+(?:outright|entirely|from)\b"
                r"|\bbec(?:o|a)mes?\s+controlled\s+items\b"
                r"|\badded\s+to\s+(?:(?:China's|Beijing's|the|its)\s+)?export\s+control\s+(?:regime"
                r"|system)\b"
                r"|\bdual-use\s+(?:items\s+)?export\s+control\s+list\b"
                r"|纳入管控(?!名单)|出口管制清单[^，。；]{0,4}(?:公布|发布|出台)"
                # goods swept into the control net; stricter licence reviews
                r"|\b(?:swept|brought|pulled|folded)\s+(?:in)?to\s+(?:(?:China's|Beijing's|the|its)\s+)?"
                r"export[- ]control\s+(?:net|regime|list|system)\b"
                r"|\bsubject\s+to\s+(?:stricter|tighter|tougher)\s+(?:licen[cs]e|licensing|export)\s+"
                r"(?:reviews?|checks?|scrutiny)\b"
                # technologies added to the catalogue of those barred or restricted from export
                # ("adds rare-earth extraction know-how to its no-export technology list"; a
                # Chinese title's words are blanked before reading, so 列入《…目录》 is not read)
                r"|\b(?:adds?|added|adding|puts?|putting|places?|placed)\b[^.;:]{0,80}?\b(?:no-export"
                r"|export-ban|restricted)\s+(?:technology|technologies|items?)\s+(?:list|catalog(?:ue)?)\b"
                r"|\b(?:licen[cs]ing|licen[cs]e|permit|approval)\s+(?:requirements?|rules?)\s+"
                r"(?:for|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:exports?|overseas|foreign|outbound)\b"
                # the list of controlled goods lengthened ("expands list of controlled
                # minerals"): new goods under control
                r"|\b(?:expand|extend|widen|broaden|lengthen)(?:s|ed|ing)?\s+(?:its\s+|the\s+)?"
                r"(?:list|catalogue|catalog)\s+of\s+(?:[\w-]+\s+){0,2}?controlled\b"
                r"|\brequir(?:e|es|ed|ing)\b[^.;:]{0,30}\b(?:permits?|licen[cs]es?)\b"
                # goods that cannot leave the country without a permit ("metals that cannot
                # leave China without a permit from the Ministry of Commerce")
                r"|\b(?:cannot|can't|can\s+not|may\s+not|must\s+not)\s+(?:leave|exit)\s+(?:China"
                r"|the\s+country)\s+without\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:permits?"
                r"|licen[cs]es?|approval|permission)\b"
                # a licence exporters must now obtain: a requirement new from now on
                r"|\bmust\s+now\s+(?:obtain|get|hold|apply\s+for|seek)\s+(?:(?:a|an|the|export)\s+)?"
                r"(?:licen[cs]es?|permits?)\b"
                # a licence exporters need from a day on is required of them from then: a
                # control taking effect ("shippers need permits from today"); not a licence
                # that "has needed" (a state) or "will need" (intent)
                r"|(?<!will )(?<!would )(?<!not )\bneeds?\s+(?:to\s+(?:apply\s+for|obtain|get"
                r"|seek|hold)\s+)?(?:(?:a|an|export|the)\s+)?(?:permits?|licen[cs]es?|permission)"
                r"\b(?:[^.;:]{0,30}?\b(?:from|starting|as of|beginning)\b"
                # what the licence is for, however long its list of goods, then the day it is
                # needed from ("need licences to ship the metals and several of their compounds
                # abroad from Tuesday"; not "to ship them from China", a place)
                r"|\s+to\s+(?:ship|export|send|sell)\b[^.;:]{0,80}?\b(?:from|starting|as of"
                r"|beginning)\s+(?:today|tomorrow|next\s+\w+|this\s+\w+|Monday|Tuesday|Wednesday"
                r"|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
                r"|August|September|October|November|December|\d)\b)"
                r"|\blist of dual-use items\b|\bcontrols? on\b"
                # the same requirement with its start day told first ("From Tuesday, anyone
                # shipping gallium out of the country needs the permission of …", "Since Friday,
                # exporters have had to obtain a permit from the ministry"): the day opens the
                # sentence, the goods' way out (export, abroad, out of the country) comes before
                # the requirement; not a permit to dock, to park or to build, nor one "will need"
                r"|^\s*(?:(?:from|starting|beginning|as of)\s+(?:today|tomorrow|Monday|Tuesday"
                r"|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June"
                r"|July|August|September|October|November|December|\d)"
                # "since" a day of the news only: "Since March, exporters have had to …" tells
                # a requirement long in force, a state
                r"|since\s+(?:today|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
                r"|Sunday)\b)[^,.;:]{0,20},"
                r"[^.;:]{0,200}?\b(?:export\w*|abroad|overseas|out\s+of\s+(?:the\s+country|China))\b"
                r"[^.;:]{0,120}?\b(?:(?<!will )(?<!would )(?<!not )needs?"
                r"|must\s+(?:obtain|get|hold|have|apply\s+for|seek)"
                r"|(?:have|has)\s+had\s+to\s+(?:obtain|get|hold|apply\s+for|seek)"
                r"|(?:are|is)\s+required\s+to\s+(?:obtain|get|hold|apply\s+for|seek))\s+"
                r"(?:(?:a|an|the|export|government|official)\s+){0,2}(?:permits?|licen[cs]es?"
                r"|permission|approval)\b"
                # goods that need approval before they are shipped abroad: the requirement a
                # control puts on them, not a licence granted ("products will need government
                # approval before they are shipped abroad"); the need decided is the act
                r"|\b(?:need|needs|require|requires)\s+(?:(?:the|a|an|government|official"
                r"|prior|state|export)\s+){0,2}(?:approval|permission)\b(?=[^.;:]{0,20}?"
                r"\b(?:before|to\s+be)\s+(?:\w+\s+){0,3}?(?:shipped|exported|sent|sold)\b"
                r"|\s+before\s+(?:their\s+|its\s+)?(?:export|exporting|shipment)\b)"
                # the same requirement announced, with its start date: the announcement is done
                # and the future its effect ("announced last Thursday that exports of … will
                # need licences from Nov 8")
                r"|\bannounc(?:ed|es)\b[^.;:]{0,30}?\bthat\s+exports?\s+of\b[^.;:]{0,200}?"
                r"\b(?:will|would)\s+(?:need|require)\s+(?:export\s+)?(?:permits?|licen[cs]es?)"
                r"\b[^.;:]{0,20}?\b(?:from|starting|as of|beginning)\b"
                # a licence requirement with its start day: scheduled, not an intention ("will
                # need export licences from September 1"; without the day it is one)
                r"|(?:(?<=\bwill\s)|(?<=\bwould\s))(?:need|require)\s+(?:an?\s+)?(?:Chinese\s+)?"
                r"(?:export\s+)?"
                r"(?:permits?|licen[cs]es?)\b[^.;:,]{0,40}?\b(?:from|starting|as of|beginning)\s+"
                r"(?:" + MONTH + r"[a-z]*\.?\s+\d|\d{1,2}\s+" + MONTH + "|" + WEEKDAY
                + r"|next\s+month)"
                # rules on exports told as shipments abroad ("tightens rules on overseas
                # shipments of battery cells")
                r"|\brules?\s+(?:on|over|for)\s+(?:the\s+)?(?:overseas\s+(?:shipments|sales)"
                r"|(?:shipments?|sales)\s+(?:abroad|overseas))\b"
                r"|\b(?:restrictions?|curbs|bans?|limits)\s+on\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                r"exports?\b"
                # items put under control (or under licence), however long the list between
                # the verb and "control"
                r"|\b(?:puts?|putting|plac(?:e|es|ed|ing)|brings?|brought|bringing)\b[^.;:]{0,200}?"
                r"\bunder\s+(?:export\s+)?(?:control|licen[cs]e|licensing)\b|纳入[^，。；]{0,10}管制(?!管控名单)"
                r"|\b(?:adds?|added|adding|puts?|putting|places?|placed|includes?|included)\b"
                + ITEMS_TO_LIST +
                # an export conditional on a licence: the regime's formula of a control
                r"|未经许可[^，。；]{0,10}不得[^，。；]{0,6}出口"
                # exports that must apply for a licence (出口须申请许可, 出口需获得许可): the
                # requirement a control puts on them, as "need licences" in English
                # (the goods may come between: 出口含中国稀土成分的永磁体须申请许可)
                r"|出口(?:时)?(?:[^，。；]{1,20}?(?=须|需|必须|应))?" + REQUIRED_ZH
                + r"[^，。；]{0,4}许可"
                # a licence requirement that took effect, goods that come under export control,
                # licences now required, exporters required to obtain licences, 须凭…许可证
                r"|\blicen[cs](?:e|ing)\s+requirements?\b"
                r"|\b(?:come|comes|came|coming)\s+under\s+(?:Chinese\s+|China[’']s\s+)?export\s+control"
                r"|\blicen[cs]es?\s+(?:are|is)\s+now\s+required\b"
                r"|\brequir(?:e|es|ed|ing)\s+(?:[\w-]+\s+){1,8}?to\s+(?:obtain|get|hold|apply\s+for|seek)"
                r"\s+(?:an?\s+|export\s+)*(?:licen[cs]es?|permits?)\b"
                r"|出口[^，。；]{0,10}须凭[^，。；]{0,24}许可证"
                # the same told by shipments (对外发货须先申领出口许可证)
                r"|(?:发货|出货|发运|运出)" + REQUIRED_ZH + r"[^，。；]{0,6}许可"
                # goods that may leave only under licence, only licensed cargoes clearing
                r"|\b(?:leave|exit|be\s+exported|be\s+shipped)\b[^.;:]{0,40}?\bonly\s+(?:under|with)\s+"
                r"(?:an?\s+)?(?:export\s+)?(?:licen[cs]es?|permits?)\b"
                r"|\bonly\s+licensed\s+(?:cargoes|shipments|exports|goods|consignments)\b"
                # licensing that began ("once licensing for them began on Sunday")
                r"|\blicensing\s+(?:requirements?\s+)?(?:for|of|on)\s+[^.;:]{0,40}?\b(?:began"
                r"|begins|started|starts|took\s+effect|kicked\s+in)\b"
                # a licence requirement imposed on exports (实施出口许可管理) is a control
                r"|实施[^，。；]{0,6}许可(?:证)?管理|\bexport licen[cs]ing management\b"
                r"|\b(?:may|must|can)\s*not\s+be\s+exported\s+without\b"
                # a list of controlled items issued (发布《…两用物项出口管制清单》): the items
                # it lists are put under control, the measure's own category
                r"|(?:发布|公布|出台|印发)[^，。；《]{0,6}《[^》]{0,40}管制(?:清单|目录)》"
                # technologies put into the catalogue of those barred or restricted from export
                # (列入《中国禁止出口限制出口技术目录》), as "added to the no-export technology
                # list" is
                r"|(?:列入|纳入)《[^》]{0,40}(?:技术目录|管制清单|管制目录)》"
                # the same list told by what it does, in English ("released a revised list of
                # technologies whose transfer out of China is banned or restricted"): a list of
                # technologies or items barred from export or transfer abroad, released, is
                # its items put under control; not a list of goods encouraged, nor one of goods
                # banned from a shop or a flight
                r"|\b(?:list|catalogue|catalog)\s+of\s+(?:[\w-]+\s+){0,3}?(?:technolog(?:y|ies)"
                r"|items|goods|products)\b(?=[^.;:]{0,80}?\b(?:export\w*|transfer\w*)\b)"
                r"(?=[^.;:]{0,80}?\b(?:banned|prohibited|restricted|barred)\b)"
                # (controls named as what was evaded or violated are the breach's: ENFORCEMENT_ACT)
                r"|(?<!逃避)(?<!规避)(?<!违反)出口管制(?!管控名单|清单|法|对话|合作|体系|制度|机制|合规|领域"
                r"|[^，。；]{0,4}(?:案例|案件)"
                r"|交流|政策|工作|部门)|管制措施|实施管制|(?:禁止|严禁|不准)[^，。；]{0,40}出口"
                # 禁输, Taiwan's word for an export ban (全面禁输日本「军民两用物项」)
                r"|禁输(?!入)"
                # exports limited or tightened (限制镓、锗相关物项出口, 收紧部分技术出口), export
                # management tightened (加强出口管控), exports that need the ministry's permit
                # (出口须经商务部许可)
                r"|(?:限制|收紧)[^，。；]{0,40}出口|出口管控(?!名单|清单)"
                # (and sales to a foreign state banned, as exports to it are: 中国直接禁止对日本
                # 出售两用物项; seventy-second pass)
                r"|(?:禁止|严禁|不准|停止)对(?:" + foreign_state_names_zh() + r")[^，。；]{0,6}?"
                r"(?:出售|销售|售卖|供应)"
                # (and export restriction as a noun, imposed: 宣布对铟、钼、钨、铋、碲实施出口限制
                # 措施; sixty-eighth pass)
                r"|实施[^，。；]{0,4}出口限制"
                # control tightened on named goods without the word export (中国加强稀土管控)
                r"|(?:(?<=加强|收紧|强化|升级|扩大)|(?<=加强对|收紧对|强化对))(?:稀土|镓|锗|锑|石墨|钨"
                r"|碲|铋|钼|铟|超硬材料|锂电池|两用物项)[^，。；]{0,4}管控(?!名单|清单)"
                # control of the exports of named goods to a country tightened, the goods between
                # 出口 and 管制 (加强对日本出口两用物项管制, 强化对日本出口军民两用物资的管制)
                r"|(?<=加强|收紧|强化|升级)对[^，。；]{1,8}出口[^，。；]{0,10}?(?:物项|物资|产品|技术)的?管制"
                # controls named by their goods as they take effect ("Graphite curbs kick in
                # on Friday", "Antimony controls take effect today")
                r"|\b(?:controls|curbs)\b(?=\s+(?:take|takes|took|taking|kick|kicks|kicked"
                r"|kicking)\s+(?:effect|in)\b)"
                r"|出口(?:时)?(?:须|需|需要|必须|应当?)经[^，。；]{0,12}(?:许可|批准)"
                # ... or goods let out only once approved (人造钻石…必须要经过审批才能出口, 经许可
                # 方可出口; sixty-ninth pass)
                r"|(?<![无不毋未])(?:须|需|需要|必须)要?经过?[^，。；]{0,12}(?:审批|许可|批准)后?"
                r"(?:才能|方可|才可以?|方能)[^，。；]{0,4}出口")
# The acts by category; when a text reports several, the earliest wins.
NEWS_ACTS: Rules = (
    (Category.ENTITY_LISTING, (ENTITY_ACT,)),
    (Category.SUSPENSION, (SUSPENSION_ACT,)),
    (Category.LICENSING, (LICENSING_ACT,)),
    (Category.ENFORCEMENT, (ENFORCEMENT_ACT,)),
    (Category.TARIFF, (TARIFF_ACT,)),
    (Category.CONTROLLED_ITEM_CHANGE, (CONTROLS_ACT,)),
)
# An act's own words that are a verb of doing (the rest are names of measures).
ACT_VERB = (r"^(?:不可靠实体[^。；]{0,40}?禁止"
            r"|adds?|added|adding|puts?|putting|places?|placed|includes?|included|designat\w*"
            r"|unveil\w*|launch\w*|debut\w*"
            r"|remov\w*|target\w*|sanction\w*|blacklist\w*|lists?|listed|suspend\w*|paus\w*"
            r"|lift\w*|stops?|stopped|halt\w*|approv(?:e|es|ed|ing)\b|grant\w*|issu\w*|bans?\b(?!\s+on\b)"
            r"|allow(?:s|ed)\s+(?:the\s+)?exports?\b|exempt(?:s|ed)\b"
            r"|freez\w*|[^.;:]*?\b(?:frozen|restored)\b|str(?:ike|ikes|uck|iking)\b|shut\s+out\b"
            r"|additions?\s+to\b|冻结|(?:has|have|had)\s+frozen\b|froze\b|cut(?:s|ting)?\s+off\b"
            r"|(?:latest|newest|new)\s|(?:are|is)\s+(?:now\s+)?on\b|对[^，。；]{0,40}?(?:采取|实施)反制"
            # (sanctions imposed on counted parties, or announced: 对20家…企业…实施制裁,
            # 宣布制裁美国军工企业; sixty-second pass)
            r"|对[^，。；]{0,80}?(?:采取|实施)[^，。；]{0,4}(?:反制|制裁|(?:出口)?管制)|(?:宣布|决定)?制裁"
            r"|(?:announc|impos|introduc|unveil)\w*\s+(?:new\s+)?(?:(?:import|export|trade)\s+)?"
            r"(?:restrictions|curbs|bans?)\s+on\b"
            r"|lands?\b|landed\b|landing\b|takes?\b|took\b|taken\b|taking\b"
            r"|no\s+longer\s+(?:applies|apply|enforces?|implements?)\b"
            r"|(?:cannot|can't|can\s+not|may\s+not|must\s+not)\s+(?:leave|exit)\b"
            r"|banned|banning|bars?\b|barred|prohibit\w*|restrict\w*|requir\w*"
            # the other verbs that hold exports back (CURBING_VERBS), a regime widened to new
            # goods, goods made subject to a licence
            r"|curb(?:ed|ing)?\b|curbs\b(?!\s+on\b)|limit(?:ed|ing)?\b|limits\b(?!\s+on\b)"
            r"|clamp(?:s|ed|ing)?\s+down\b"
            r"|eas(?:e|es|ed|ing)\b|relax\w*|waiv\w*|shelv\w*|(?:will|would|shall)\s+not\s+enforce"
            r"|stop(?:s|ped)?\s+enforcing|greenl\w*|green-l\w*|clear(?:s|ed|ing)\b"
            r"|rein(?:s|ed|ing)?\s+in\b|subject(?:s|ed|ing)?\s+(?!to\b)"
            r"|(?:expand|extend|widen|broaden)\w*\b[^.;:]{0,20}?\bexport\s+control\s+(?:regime"
            r"|system)\b|(?:expand|extend|widen|broaden)\w*\s+(?:its\s+|the\s+)?(?:[\w-]+\s+)"
            r"{0,3}?(?:controls|curbs|restrictions)\s+to\b"
            r"|(?:expand|extend|widen|broaden|lengthen)\w*\s+(?:its\s+|the\s+)?(?:list|catalog(?:ue)?)"
            r"\s+of\b|(?:expand|extend|widen|enlarg|lengthen)\w*\s+(?:its|the|China[’']s|Beijing[’']s)"
            r"\s+(?:[\w-]+\s+){0,3}?list\b"
            r"|(?:make|makes|made|making)\s+[^.;:]{0,80}?\bsubject\s+to\b"
            # a listing, a licence or a countermeasure told from the party's side ("was named
            # an unreliable entity", "were cut off from", "were hit with countermeasures",
            # "licences went to a producer", 名单再添, 上榜, 获发许可)
            r"|[^.;:]*?\b(?:(?:was|were|been|being)\s+(?:named|designated|declared|listed)"
            r"|cut\s+off\s+from|hit\s+(?:by|with)|went\s+to|gone\s+to|licen[cs]es?\s+(?:granted|issued)"
            r"|exemptions?\s+(?:granted|issued|approved)"
            r"|(?:are|were|is|was|will\s+be|have\s+been"
            r"|has\s+been)\s+(?:lifted|removed|scrapped|cancell?ed|canceled|waived))\b"
            r"|[^，。；]*?(?:再添|新增|上榜|获发|获颁)"
            r"|(?:must|have\s+to|has\s+to|will\s+have\s+to)\s+(?:now\s+)?(?:post|pay)\b"
            r"|g(?:ive|ives|ave|iven|iving)\b|(?:may|can)\s+no\s+longer\b|不予"
            r"|nam(?:e|es|ed|ing)\b|delist\w*|(?:go(?:es)?|went)\s+on\b|(?:come|comes|came)\s+off\b"
            r"|hit(?:s|ting)?\b|延期"
            r"|extend\w*|prolong\w*|roll\w*\s+over|renew\w*|h(?:old|olds|eld|olding)\s+off"
            r"|win\b|wins\b|won\b|gets?\b|got\b|hand(?:s|ed|ing)?\s+out|sign(?:s|ed|ing)?\s+off"
            r"|impos\w*|bec(?:o|a)mes?\b|added\b"
            r"|[^.;:]*?\b(?:reprieve|extended|prolonged|rolled\s+over|renewed|designated"
            r"|postponed|deferred|shelved|delayed"
            r"|banned\s+(?:outright|entirely|from)|prohibited\s+(?:outright|entirely|from)"
            r"|(?:are|were|is|was|will\s+be|have\s+been|has\s+been)\s+(?:delayed|deferred|postponed"
            r"|put\s+off))\b|[^，。；]*?(?:签发|豁免|纳入管控|公布|发布)"
            r"|(?:swept|brought|pulled|folded)\b"
            r"|brings?\b|brought|bringing|纳入|obtain\w*|secur\w*|receiv\w*|won\b|got\b"
            r"|获得|取得|拿到"
            r"|lev(?:y|ies|ied|ying)\b|pay(?:s|ing)?\b|paid\b|costs?\b"
            r"|no\s+longer\s+(?:be\s+)?(?:pay|charged|levied)\b|not\s+be\s+charged\b"
            r"|(?:stays?|remains?|stayed|remained)\s+(?:suspended|on\s+hold)\b|push\w*\s+back\b"
            r"|set(?:s|ting)?\s+aside\b|no\s+longer\s+subject\s+to\b|joins?\b|joined\b"
            r"|(?:come|comes|came|coming)\s+under\b|[^.;:]*?\bnow\s+required\b|[^，。；]*?须凭"
            # (goods let out only once approved: 必须要经过审批才能出口; sixty-ninth pass)
            r"|(?:必须|须|需要|需)要?经"
            r"|[^，。；]*?提供保证金|defer\w*|postpon\w*|delay\w*|暂缓|推迟|延缓"
            # deposits posted or collected, a licence told before its issuing (许可证发放至…)
            r"|" + DEPOSITS_TAKEN + "|" + LICENCE_ISSUED_ZH +
            r"|列入|移出|暂停|停止|取消|批准|获批|颁发|发放|禁止|禁输|实施|发布|公布|出台|印发|恢复"
            r"|暂解|暂时解除|暂时取消"
            # (goods told to be made subject to licensing: "will now be subject to a license
            # system"; sixty-sixth pass)
            r"|(?:will|shall|would)\s+(?:now\s+)?(?:be|become)\s+(?:made\s+)?subject(?:ed)?\s+to\b"
            # (a ban told by 严禁 or 不准: 即日起严禁…向日本出口, 不准对日出口; sixty-sixth pass)
            r"|严禁|不准"
            r"|" + SHORT_LISTING +
            # exports limited or tightened told by their own verb (收紧对日稀土…的出口审查)
            r"|收紧|限制)"
            r"|\bapproved\b|\b(?:were|was|been) (?:granted|issued)\b"
            # a suspension told by its effect carries its own verb ("put on hold", "may again
            # file applications")
            # licences received: their coming through, their arriving, a cargo licensed
            r"|[^.;:]*?\bonly\s+(?:(?:under|with)\s+(?:an?\s+)?(?:export\s+)?(?:licen[cs]|permit)"
            r"|licensed\b)|[^.;:]*?\b(?:began|begins|started|starts|kicked\s+in)\b"
            r"|" + LICENCE_ARRIVED + r"|\blicensed\b|\bunder\s+"
            r"(?:an?\s+|its\s+|their\s+)?(?:Chinese\s+)?(?:export\s+)?licen[cs]e\b$|已获"
            r"|\bon (?:hold|ice)\b|\b(?:put|puts|putting|placed|places)\s+on\s+(?:hold|ice)\b"
            r"|^(?:may|can|could)\s+(?:once\s+)?again\b"
            # a trade-remedy ruling made (TARIFF_ACT): the making is the act's verb
            r"|^(?:make|makes|made|making)\s+(?:an?\s+|its\s+|the\s+)?(?:preliminary|final)\s"
            r"|\bneeds?\b|\bnot\s+(?:be\s+)?(?:apply|applied|implemented|enforced)\b"
            # a requirement in force carries its own verb, as "needs" does ("must obtain a
            # permit", "have had to obtain", 出口须申请许可)
            r"|\b(?:must|had\s+to|required\s+to)\s+(?:obtain|get|hold|have|apply\s+for|seek)\b"
            r"|" + REQUIRED_ZH + r"|(?:须|需|需要|必须|应当?)经" +
            # a prohibition carries its own verb (未经许可不得出口, "may not be exported without",
            # "six firms barred from trade")
            r"|不得|\bnot\s+be\s+exported\b|\b(?:barred|banned|prohibited)\s+from\b"
            r"|\bno longer\s+(?:be\s+)?appl|\bonce\s+again\b|不再|暂不"
            r"|\b(?:stopped|ended|ends?)$|^resum\w*|\bagain\s+be\s+\w+ed$|^announc(?:ed|es)\b[^.;:]{0,30}?\bthat\s+exports?\s+of\b")
# Verbs of doing before a measure's name in its clause ("imposes … export controls", 实施出口管制).
DOING_VERBS = (r"\b(?:impos|announc|introduc|issu|releas|rais|plac|remov|approv|requir"
               r"|designat|continu|resum)(?:e|es|ed|ing)\b|\binclud(?:e|es|ed)\b|\b(?:unveil|tighten|strengthen|expand|extend|broaden|widen|toughen"
               r"|adjust|implement|adopt|lift|suspend|grant|halt|prohibit|restrict|target|sanction"
               r"|exempt|add|enact)(?:s|ed|ing)?\b|\bpublish(?:es|ed|ing)?\b|\b(?:cut|put)(?:s|ting)?\b"
               r"|\blev(?:y|ies|ied|ying)\b|\bslap(?:s|ped|ping)?\b|\bban(?:s|ned|ning)?\b"
               # goods that carry a duty ("US cotton arriving from Monday carries an extra …")
               r"|\bcarr(?:y|ies|ied|ying)\b"
               # goods brought under a regime ("Beijing brought it under its export licensing
               # system"), as goods placed or put under it (sixty-first pass)
               r"|\bbr(?:ing|ings|inging|ought)\b(?=[^.;:，。；]{0,60}?\bunder\b)"
               # a duty faced by its payer ("US crude faces a 10% Chinese tariff"): who imposes
               # it is told by _faced_from
               r"|\bfac(?:e|es|ed|ing)\b"
               # licences held as of now ("magnet makers now hold general licences")
               r"|\bnow\s+holds?\b"
               # "hit US goods with an extra 34 percent tariff"
               r"|\bhit(?:s|ting)?\b(?=[^.;:]{0,60}?\bwith\b)"
               r"|\bhik(?:e|es|ed|ing)\b|\bscrap(?:s|ped|ping)?\b|\bretaliat\w*\s+with\b"
               r"|\blower(?:s|ed|ing)?\b|\breduc(?:e|es|ed|ing)\b"
               # the receiving side of an act ("obtained a general licence", 获得通用许可)
               r"|\b(?:obtain|secur)(?:s|ed|ing)?\b|\breceiv(?:e|es|ed|ing)\b|获得|取得"
               r"|\bstop(?:s|ped|ping)?\b|\bbar(?:s|red|ring)?\b|\broll(?:s|ed|ing)? out\b"
               # "takes countermeasures against", "sets tariff quotas", "keeps … unchanged"
               r"|\b(?:take|takes|took|taking|set|sets|setting|keep|keeps|kept|keeping)\b"
               r"|\bmaintain(?:s|ed|ing)?\b"
               # goods made subject to a measure from a day ("will be subject to export control
               # from August 1"); not a state ("items subject to export controls")
               r"|\b(?:will|shall|would)\s+(?:now\s+)?(?:be|become)\s+(?:made\s+)?subject(?:ed)?\s+to\b"
               r"|\bbec(?:o|a)mes?\s+subject\s+to\b"
               r"|实施|加强|强化|发布|公布|宣布|出台|调整|优化|决定|颁发|发放|批准|列入|移出|暂停|停止|取消|扩大|收紧"
               # (课征, Taiwan's word for levying: 陆商务部公告：课征反补贴税5年; seventieth pass)
               r"|加征|征收|课征|禁止|采取"
               # (加大, "steps up": 中国从2026年元旦起加大白银出口管制; sixty-eighth pass)
               r"|加大")
# An act denied is no act ("had not obtained the licence", 未获批): a negation right before
# its verb.
NEGATED_BEFORE = (r"(?:\b(?:not|never|no longer|neither|nor)\s+(?:\w+\s+){0,2}|n[’']t\s+(?:\w+\s+)?"
                  # no decision or plan yet on it ("no decision yet on extending the suspension")
                  r"|\bno\s+(?:decision|plans?|intention|timetable)\s+(?:yet\s+)?(?:on|to|about|for)"
                  r"\s+(?:whether\s+to\s+)?"
                  r"|未|没有|尚未|并未|不等于|不等同于|并非|(?<![要还])不是|不意味着"
                  # (不 right before the verb: 不发布双反税令, "issues no duty order"; sixty-fifth
                  # pass)
                  r"|(?<![要还])不)$")
# A licence applied for is sought, not granted (指导企业申请通用许可, "apply for general
# licences"): the licence named right after applying is no licence granted.
# So is one a trouble noun or verb holds up ("delays in obtaining export licences", "struggled
# to secure licences", 难以获得许可): the licence is waited for, not granted.
# The trouble words that hold a licence up ("delays in", "struggled to", 难以, 等待), English
# and Chinese.
TROUBLE_EN = (r"\b(?:delays?|difficult(?:y|ies)|trouble|problems?|hurdles?|struggl(?:e|es|ed|ing)"
              r"|wait(?:s|ed|ing)?)\s+(?:in\s+|to\s+|with\s+|for\s+)?")
TROUBLE_ZH = r"(?:难以|等待|迟迟未能?)"
SOUGHT_BEFORE = (r"申请[^，。；、]{0,12}$|\b(?:apply|applies|applied|applying|applications?)\s+for"
                 r"(?:\s+(?:a|an|the|their|its|export))*\s*$"
                 r"|" + TROUBLE_EN + r"(?:obtain(?:ing)?"
                 r"|get(?:ting)?|secur(?:e|ing)|receiv(?:e|ing))(?:\s+(?:a|an|the|their|its"
                 r"|export|new))*\s*$|" + TROUBLE_ZH + r"(?:获得|取得|拿到)[^，。；、]{0,12}$")
# A trouble word right before a licence's own receiving verb ("delays in obtaining export
# licences", 难以获得出口许可): the licence is waited for, not received.
HELD_UP_BEFORE = TROUBLE_EN + r"$|" + TROUBLE_ZH + r"$"
# An event told of a measure's name after it ("… comes into force", 自…起实施).
EVENT_AFTER = (r"\b(?:takes?|took|taking) effect\b|\bcomes? into (?:force|effect)\b"
               r"|\bcame into (?:force|effect)\b|\bwent into effect\b"
               # a measure that applies or begins from a day ("apply from today", "begins
               # September 15")
               r"|\b(?:apply|applies)\s+(?:from|as\s+of|starting)\s+(?:today|tomorrow|" + WEEKDAY
               + r"|" + MONTH + r")|\bbegins?\s+(?:on\s+)?(?:today|tomorrow|" + WEEKDAY + r"|"
               + MONTH + r"[a-z]*\.?\s+\d)"
               r"|\bg(?:o|oes|oing|one)\s+live\b|\bwent\s+live\b|\beffective (?:immediately"
               r"|from|on|as of|today)\b|\bwith immediate effect\b|\bkicks? in\b"
               # a measure (a suspension) extended in the passive after its name ("The
               # suspension …, due to end today, has been rolled over to January 10")
               r"|\b(?:has|have|had)\s+been\s+(?:extended|prolonged|rolled\s+over|renewed)\b"
               # an approval that came through, licences that have been issued or granted
               r"|\b(?:came|comes|come)\s+through\b"
               r"|\b(?:has|have)\s+been\s+(?:issued|granted)\b|\b(?:has|have)\s+gone\s+to\b"
               r"|生效|起(?:正式)?(?:实施|执行|施行)"
               # a measure ended from a day (…“双反”税3月29日起取消)
               r"|起(?:取消|停止征收|不再征收)"
               # a measure announced in the passive ("Final anti-dumping duties … were announced
               # by MOFCOM on Tuesday"), or that will apply from a day
               r"|\b(?:was|were|has\s+been|have\s+been)?\s*(?:announced|imposed|unveiled"
               r"|introduced|ordered)\s+(?:by|on|from)\b|\b(?:was|were|has\s+been|have\s+been)\s+"
               r"(?:announced|imposed|unveiled|introduced)\b|\bwill\s+apply\b[^.;:]{0,60}?\b(?:from|starting|as\s+of)\b")
# ("will now require": a change decided, told as from now on, no promise)
FUTURE_BEFORE = (r"\b(?:will(?!\s+now\b)|would|shall|could|might|plans? to|intends? to"
                 # what someone expects another to do ("expect the authorities to issue …")
                 r"|(?:expect|expects|expected|anticipates?|predicts?)\s+(?:[\w’'-]+\s+){1,4}?to"
                 r"|(?:is|are) set to|(?:is|are) to|expected to|(?:is|are) willing to|hopes? to)\b"
                 # (可以, 能够: "can", as "could" is: 合规的出口申请都可以获得批准 promises)
                 r"|拟|计划|愿意?|希望|可以|能够")
# What a government considers doing ("is considering tightening", 正考虑收紧, 研究收紧对日…):
# not done, nor promised, whatever instrument the page shows of an earlier act.
CONSIDERED_BEFORE = (r"\b(?:consider(?:s|ing)|mull(?:s|ing)|weigh(?:s|ing))\b"
                     r"|考虑(?!到)|酝酿|研究(?=\s*$|收紧|加强|扩大|出台|实施|限制|暂停|对)")
# 将 is "will", unless it marks the object of a listing (将28家美国实体列入…).
FUTURE_JIANG = r"将(?![^，。；]{0,30}(?:列入|移出|纳入|" + SHORT_LISTING + "))"
FUTURE_JUST_BEFORE = r"\bto\s*$"
# The same decision with a parenthesis before its "to" ("a decision by the working mechanism,
# published on Thursday, to add 14 foreign entities"): the decision is done, not promised.
DONE_TO_ACROSS = r"\b(?:decision|decided|decides|move|step)\b[^.;:]{0,100},\s*$"
DONE_TO = (r"\b(?:decision|decided|decides|move|step|launched|launches|started|starts|campaign"
           r"|operation|drive)\b[^,;:]{0,25}\bto\s*$")
# A promised approval, also with other participles joined to it ("will be reviewed and
# approved", "would be examined, processed and approved"): the auxiliary's future is theirs.
FUTURE_IN_ACT = (r"\b(?:will|would)(?: \w+)? be (?:\w+(?:ed|en),? (?:and |or )?){0,3}"
                 r"approved\b")
# What is recommended, proposed or called for is no act done, however long its list
# ("the report recommended publishing …, extending general licences to more products").
PROPOSED_BEFORE = (r"(?:\b(?:recommend(?:s|ed|ing)?|propos(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+for)"
                   r"\b|建议|呼吁)[^.;:。；]{0,160}$")
# A measure named as what a change is made to ("adjustments to export control … measures take
# effect") is the object of that change, not the act: the change is, and the body tells its kind.
CHANGED_OBJECT_BEFORE = (r"\b(?:adjustments?|changes?|amendments?|revisions?|modifications?)\s+"
                         r"(?:to|of|in)\s+(?:the\s+|its\s+|China[’']s\s+)?(?:[\w-]+\s+){0,2}$"
                         r"|(?:调整|修改|修订)$")
# A measure whose end is what the text tells ("the deadline of export control pause", "the
# suspension … is due to end"): its end is awaited, the measure is not done as news.
ENDING_BEFORE = (r"\b(?:deadline|expiry|expiration|end|lapse)\s+of\s+(?:the\s+|its\s+"
                 r"|China[’']s\s+)?(?:[\w-]+\s+){0,3}$")
ENDING_AFTER = (r"^[^.;:]{0,80}?\b(?:is|are)\s+(?:due|set|scheduled)\s+to\s+(?:end|expire|lapse)\b")
# Trade told paused ("Shipments had been paused for several weeks while the applications were
# reviewed", "deliveries were paused"): the traders' own halt, waiting for a licence, not a
# measure suspended by the regime.
TRADE_PAUSED_BEFORE = (r"\b(?:shipments?|deliveries|exports?|sales|orders|production|output"
                       r"|purchases|imports?|trading|trade)\s+(?:(?:had|have|has|were|was|are|is"
                       r"|been|being|temporarily|briefly)\s+){0,3}$")
# Traders halting their own business ("some distributors suspended the quotation", "buyers
# paused orders"): the market's halt, not a measure suspended by the regime.
TRADE_ACTOR_BEFORE = (r"\b(?:distributors|dealers|traders|suppliers|buyers|sellers|importers"
                      r"|exporters|producers|manufacturers|makers|smelters|refiners|refineries"
                      r"|mills|plants|brokers|customers)\s+(?:(?:have|had|has|also|all|then"
                      r"|temporarily|briefly|reportedly)\s+){0,2}$")
# A suspension told as the period it is in force ("during the suspension", 暂停实施期间,
# 仍处于暂停期间): the state of a measure already suspended, not the act of suspending it.
SUSPENSION_PERIOD_BEFORE = (r"\b(?:during|throughout)\s+(?:the\s+|its\s+|this\s+)?"
                            r"(?:[\w-]+\s+){0,2}$")
SUSPENSION_PERIOD_AFTER = r"^(?:实施|执行)?期(?:间|内)|^\s+period\b"
# "Ban on …" is a noun, the measure's name (not the verb "bans"): an act only with a verb of
# doing before it or an event after it, such as its announcing participle ("the ban on exports of
# antimony to the United States announced in December"), whose date then decides if it is news.
NOUN_BAN = r"^bans?\s+on\b"
ANNOUNCING_AFTER = r"^[^.;:]*?\b(?:announced|imposed|introduced|issued|unveiled|adopted)\b"
# A measure named in what is asked, doubted or wondered ("asked whether the export controls …
# would affect the drugs", 询问…是否适用): the question's subject, not an act told, and no
# event of the day, whatever day the asking is dated to.
QUESTIONED = r"\bwhether\b[^.;:?,]*$|是否[^，。；？]*$"
# … or a question asked of it after it (对镓、锗相关物项实施出口管制出于什么考虑？): the act is
# what is asked about, not an act of the news.
QUESTIONED_AFTER = (r"^[^，。；？?]{0,30}?(?:出于(?:什么|何种)(?:考虑|目的)"
                    r"|有(?:何|什么)(?:考虑|用意|影响|评论)|有哪些影响|意味着什么|为何|为什么)"
                    r"[^。；]{0,40}?[？?]")
# Both sides together as the actor (双方将暂停…, "the two sides will suspend …"): what two
# governments promise in a joint statement or at talks is a commitment, each side's own
# instrument still to come.
BOTH_SIDES = (r"双方|两国|\b(?:both|the two)\s+(?:sides|countries|governments|delegations)\b"
              r"|\bChina and the (?:US|U\.S\.|United States|EU)\s+(?:agreed|pledged|committed)\b")
# A passive act told after its subject ("applications … can be approved"): its verb group.
PASSIVE_VERB = (r"\b(?:can|could|are|is|were|was|have|has|had|will|would)(?: \w+)? "
                r"(?:being |been )?(?:\w+ and )?approved\b|\bapproved\b"
                r"|\b(?:were|was|have been|has been|had been) (?:granted|issued)\b")

# --------------------------------------------------------------------------- who acts

# Foreign states a Chinese text names by one character (美, 日, 韩 …).
ONE_CHARACTER_STATES = "[美日韩英荷德法澳印]"
FOREIGN_ACTORS = (r"\b(?:White House|BIS|Bureau of Industry and Security"
                  r"|(?:US |U\.S\. )?Department of Commerce|Commerce Department|Congress|Senate"
                  r"|European Commission"
                  # India's government by its own names ("The Union government on July 20
                  # prohibited export of non-basmati white rice", the DGFT; sixty-sixth pass)
                  r"|Union\s+(?:government|[Cc]abinet)|DGFT|Directorate[\s-]General\s+of\s+Foreign"
                  r"\s+Trade)\b|"
                  # any foreign state acts for itself: its name, adjective or capital, and the
                  # people who act for it named alone (Trump, 川普, Takaichi)
                  + foreign_states(capitals=True) + "|" + foreign_leaders() +
                  # another authority than the regime's: the Taiwan authorities and their offices
                  r"|\b(?:the\s+)?(?:Taiwan|DPP|Democratic Progressive Party|island's)"
                  r"\s+authorities\b"
                  r"|\b(?:trade\s+)?(?:authority|authorities) (?:of|on) the island(?: of Taiwan)?\b"
                  # ... and Taiwan's ministries and councils ("Taiwan's Economy Ministry said")
                  r"|\bTaiwan(?:'s|’s)\s+(?:[A-Z][\w-]*\s+){0,3}(?:Ministry|Council|Cabinet"
                  r"|Executive\s+Yuan|government)\b"
                  r"|台湾当局|台当局|民进党当局|岛内当局|台湾(?:地区)?(?:经济部|行政院|陆委会)"
                  # ... and the region named as the one that acts, with its office or alone
                  # (中国台湾地区经济部门近日更新…名单, 中国台湾地区将华为…列入…名单: fifty-seventh
                  # pass): the 中国 of its name is no actor of the regime
                  r"|(?:中国)?台湾地区(?:[^，。；、]{0,6}?(?:经济部门|贸易部门|主管部门|部门|当局))?"
                  # a foreign state's ministry by the state's one-character name (美商务部)
                  # (not 中美商务部长: both states' ministers)
                  r"|(?<![中与和])" + ONE_CHARACTER_STATES + r"(?:商务部|财政部|国务院|国会|政府"
                  r"|经产省|贸易代表办公室)"
                  # ... or by that name alone as a clause's subject (美以涉俄为由将…列入, 美对华…;
                  # the reason clause 以…为由 is blanked before actors are read: the space)
                  r"|(?:^|(?<=[，。；：:,\s“]))" + ONE_CHARACTER_STATES
                  + r"(?:以|将|对华|对中国|宣布|决定|拟|再次|正式|\s)")
CHINESE_ACTORS = (r"\b(?:China|Chinese|Beijing|MOFCOM|Ministry of Commerce|Commerce Ministry"
                  r"|[Mm]inistry|[Cc]ustoms|GACC|General Administration of Customs"
                  r"|Tariff Commission|[Ww]orking [Mm]echanism|State Council|[Aa]uthorities)\b"
                  r"|中方|中国|我国|商务部|外交部|海关|海关总署|税则委员会|工作机制|国务院")
# A country after these words is the target of an act, not its actor ("export controls on the
# US", "对美国出口管制", and the object 将/把 puts before its verb: 将美国PVH集团…列入); a
# possessive ("Washington's") is an actor all the same.
# A country or capital after "in" is where something happens ("shares fell in Tokyo on
# Wednesday", "traders in Washington"), a place, not a government acting.
TARGET_BEFORE = (r"(?:\b(?:to|on|against|with|from|for|toward|towards|of|over|into|at|in|targeting)"
                 # (what 反对 opposes is the act of the government after it: 反对美方…将…列入)
                 r"\s+(?:the\s+)?|(?<!反)对|[向与同和跟自从于将把])$")
# A country joined to where a company is based, registered or listed ("a Tokyo-based maker", "a
# Singapore-registered trading company"): the company's place, not a government.
REGISTERED_IN = r"-(?:based|registered|incorporated|headquartered|listed)\b"
# What joins countries in a list ("the US, the EU and Japan", 美国、欧盟和日本): a country joined
# to a target is a target too (对原产于美国、欧盟、日本的进口产品征收反倾销税).
COORDINATOR = (r"\s*(?:[、,，]\s*(?:(?:and|or)\s+)?|和|及|与|以及|\band\b|\bor\b)\s*"
               r"(?:the\s+)?")
# People and bodies that are no government: a country that qualifies them tells whose they are
# ("a US team has withdrawn", "Japanese researchers said", "importers of US medical equipment
# said"), not a government acting or reacting.
NOT_GOVERNMENT_NOUNS = (r"teams?|athletes?|players?|pilots?|clubs?|fans|scientists?|researchers?"
                        r"|scholars?|universit(?:y|ies)|schools?|students?|hospitals?|patients?"
                        r"|doctors?|tourists?|visitors?|organi[sz]ers?|sponsors?|museums?|artists?"
                        r"|labs?|laborator(?:y|ies)|institutes?|equipment|items|machinery")
# A country that qualifies a noun of companies or goods ("US firms", 美国实体) names the object,
# not the actor (将28家美国实体列入…).
# Qualifiers of industry may stack or be coordinated ("US drone and defense technology companies").
# A country word that qualifies a noun of companies, whatever industry words come between
# ("Japanese defense and materials companies", "German and French defence suppliers", the
# second country coordinated): the companies' place, not a government; the words
# between are any but a verb or a pronoun ("the US said its companies" is the government).
QUALIFIER_AFTER = (r"^(?:[’']s)?(?:-(?:flagged|made|built|owned|bound|linked|listed|origin)\b)?"
                   r"(?:\s*(?:,|and|or|&)\s+[A-Z][\w-]+)?\s*"
                   r"(?:(?:defen[cs]e|military|tech|chip|drone|shipbuilding|shipping"
                   r"|aerospace|aviation|semiconductor|battery|auto|steel|trading|technology"
                   r"|energy|mining|chemical|(?!(?:said|says|told|tells|urged|urges|asked|asks|has"
                   r"|have|had|is|are|was|were|will|would|its|their|his|her|and|or|to|on|of|in"
                   r"|for|with|by|at|the|a|an)\b)[a-z][a-z-]+)(?:\s*,|\s+and|\s+&)?\s+){0,4}"
                   r"(?:entities|entity|firms?|compan(?:y|ies)|enterprises?|goods|products|imports"
                   r"|exports|users|military users|(?!law|policy|decision)[a-z]*makers?|suppliers?"
                   r"|buyers?|customers?|units?"
                   r"|subsidiar(?:y|ies)|makers?|manufacturers?|contractors?|exporters|importers"
                   r"|organi[sz]ations?|institutions?|refiners?|processors?|producers?|smelters?"
                   r"|shipowners?|shippers?|brokers?|distributors?|dealers?|investors?|vessels?"
                   r"|projects?|developers?|miners?|mines?"
                   r"|ships"
                   # a border is a place ("along the Myanmar and Laos borders")
                   r"|borders?|frontiers?"
                   # a trader is a company ("a Singapore trader fined"), as a maker is
                   r"|traders?"
                   # goods by their origin ("Australian wine", "US crude"): a trade remedy's object
                   r"|wines?|barley|brandy|cognac|pork|beef|poultry|chicken|dairy|lobsters?|crude"
                   r"|soybeans?|sorghum|timber|logs|coal|LNG|cars|vehicles|EVs|steel|chemicals"
                   r"|wheat|corn|maize|cotton|peas|canola|rapeseed|seafood|fish|shrimp|fruit"
                   r"|cherries|lumber|propane|ethane|plastics?|copolymers?|aircraft|chips"
                   # people and bodies that are no government: a country that qualifies them
                   # tells whose they are ("a US team has withdrawn", "Japanese scientists")
                   r"|" + NOT_GOVERNMENT_NOUNS + r")\b"
                   # (a count may come between: 美国16家实体, 两家立陶宛银行 is the count before)
                   r"|^(?:\d+|[一二三四五六七八九十两几多]+)?(?:家|名|个|款|批)?"
                   r"(?:的|实体|企业|公司|银行|机构|商品|产品|农产品|大豆|葡萄酒|大麦|白兰地|猪肉|牛肉"
                   r"|禽肉|鸡肉|小麦|玉米|棉花|油菜籽|豌豆|水产品|水果|樱桃|乙烷|丙烷|芯片|飞机"
                   r"|乳制品|龙虾|原油|液化天然气|煤炭|木材|汽车|钢铁|高粱|军事用户|用户|军工|客户|高管"
                   r"|球队|运动员|大学|高校|学者|科学家|研究人员|游客|医院|患者|芥花籽油|菜籽油"
                   # goods imported from it (加拿大进口芥花籽油, fifty-seventh pass): their origin
                   r"|进口(?![^，。；]{0,4}(?:关税|禁令|限制|管制|措施)))"
                   # a maker by its industry (中国主要无人机制造商, 美国最大芯片厂商): a company
                   r"|^(?:主要|最大|知名|头部|领先|大型|龙头)?(?:的)?(?:无人机|芯片|半导体|稀土|电池"
                   r"|锂电|汽车|军工|航空|航天|科技|电子|钢铁|光伏|磁材|磁体|矿业|化工|国防)"
                   r"(?:制造商|厂商|生产商|供应商|出口商|企业|公司|巨头)")
PASSIVE_FOREIGN_AFTER = (r"^[^.;:，。；]{0,40}?\b(?:imposed|introduced|announced|unveiled|adopted"
                         r"|taken|issued)\s+by\s+(?:the\s+)?(?:" + FOREIGN_ACTORS + ")")

# --------------------------------------------------------------------------- background and talk

# A stance for a measure, as against it: what one supports or backs is the matter of one's
# statement, not an act one reports (协会表示支持…实施出口管制的决定, "backs the export controls").
STANCE: Patterns = (
    r"\b(?:support(?:s|ed|ing)?|back(?:s|ed|ing)|endors(?:e|es|ed|ing))\s+(?:for\s+)?"
    r"(?:the|China's|Beijing's|its|a)\b[^,;.]*",
    r"(?:支持|拥护|赞成|赞同)(?=[^，。；]{0,60}(?:出口管制|管制措施|措施|决定|清单|名单))[^，。；]*",
)
# A reminder and what it reminds of, to the end of its sentence.
REMINDER: Patterns = (r"\bremind(?:s|ed|ing)?\b[^;.]*", r"提醒[^。；]*")
# Relative, participial and subordinate clauses: acts inside them are background.
# Reduced relative clauses: a participle after a comma or after a measure's name (", announced
# on Tuesday", "controls imposed in 2023").
# The rest of a reduced relative clause after a measure's noun: to its clause's end or to the
# main clause's verb group ("the measures announced on October 9 will come into force in
# stages": "will come into force" is the sentence's own).
REDUCED_REST = (r"(?:(?!\s(?:will|would|shall|must|ha(?:ve|s)\s+been|(?:is|are)\s+now|took"
                r"|takes?|came|comes?|are|is|were|was|stays?|remains?)\s)"
                r"(?:[^,;.]|(?<=\d)[.,](?=\d)))*")
REDUCED_RELATIVES: Patterns = (
    r",\s*(?:announced|introduced|imposed|issued|unveiled|adopted|released|published|placed"
    r"|added|put|launched|implemented|first\s+\w+)\b[^,;.]*",
    r"\b(?:measures?|controls?|rules?|curbs|restrictions?|bans?|entities|firms|companies"
    r"|announcements?|items|suspension|package)\s+(?:(?:it|China|Beijing|MOFCOM|the ministry"
    r"|the Ministry of Commerce|the commerce ministry|they)\s+)?(?:had\s+|has\s+|have\s+)?"
    r"(?:announced|introduced|imposed|issued|unveiled"
    r"|adopted|released|published|placed|added|put|launched|implemented|in place|included)"
    r"\b" + REDUCED_REST,
)
# A relative clause runs to the clause's end, or, when it opens with its own finite verb, to
# the main clause's modal, perfect or "is now" after it ("measures that were due to resume next
# week will remain suspended", "any item that would strengthen …'s military is now barred": the
# main verb is the sentence's act).
# The rest of a clause, to its comma, semicolon or full stop; a number's decimal point or
# thousands comma ends nothing ("after Beijing set final rates of 4.9 to 19.8 percent on Tuesday").
# (a colon ends the clause too: "After US embargo: China bans …" labels the act that follows)
CLAUSE_REST = r"(?:[^,;.:：]|(?<=\d)[.,:](?=\d))*"
RELATIVE_CLAUSE_REST = (
    r"(?:\s+(?:were|was|is|are|had|has|have|would|could|can|may|might)\b"
    r"(?:(?!\s(?:will|would|shall|must|ha(?:ve|s)\s+been|(?:is|are)\s+now|stays?|remains?)\s)"
    r"[^,;.])*"
    r"|[^,;.]*)")
RELATIVE_CLAUSE = (
    r"\b(?:measures?|controls?|rules?|curbs|restrictions?|bans?|entities|firms|companies"
    r"|announcements?|items?|goods|products?|provisions?|paragraph|lists?|decision|package"
    r"|suspension)\s+(?:that|which)\b" + RELATIVE_CLAUSE_REST)
MODIFIERS: Patterns = (
    r",\s*(?:which|who)\b" + CLAUSE_REST,
    RELATIVE_CLAUSE,
    *REDUCED_RELATIVES,
    # ("its first shipment since April had cleared customs": "since April" dates a noun, the
    # verb after it is the sentence's own)
    r"\bsince\s+(?:" + MONTH + r"[a-z]*|(?:19|20)\d\d|last\s+\w+|" + WEEKDAY + r")"
    r"(?=\s+(?:had|has|have|was|were|is|are)\b)",
    # (so does "since the controls" before a singular verb, which is not theirs: "the first
    # licence … since the controls was issued on Tuesday")
    r"\bsince\s+(?:the\s+)?(?:[\w-]+\s+)?(?:controls|rules|curbs|restrictions|measures|bans)"
    r"(?=\s+(?:was|has|is)\b)",
    # (and the circumstance an act is told amid or ahead of: "rare earth supplies falter amid
    # China export curbs", "prices jump ahead of new export controls"; sixty-fourth pass; not
    # enforcement stepped up, whose push is the news prices move on: "surged amid tightened
    # Chinese enforcement", sixtieth pass)
    r"\b(?:since|after|before|when|following|ahead\s+of|in\s+the\s+wake\s+of"
    r"|amid(?:st)?(?!\s+(?:[\w'’-]+\s+){0,3}?enforcement\b))\b" + CLAUSE_REST,
    r"\b(?:protest\w*|oppos\w*|criticiz\w*|criticis\w*|condemn\w*|welcom\w*|react\w*|slam\w*)"
    r"\b(?:\s+\w+){0,2}?\s+(?:over|against|to|at)\b" + CLAUSE_REST,
    r"\b(?:protest\w*|oppos\w*|condemn\w*|welcom\w*|slam\w*|criticiz\w*|criticis\w*)\s+"
    r"(?:the|China's|Beijing's|its|a)\b" + CLAUSE_REST,
    *STANCE,
    # a rule cited (根据10月9日发布的对镓实施出口管制的公告，…) is the ground of what follows,
    # not an act (before the clause below, which would take its verb's 的 alone)
    r"(?:根据|按照|依照|依据)[^，。；]{0,60}?(?:公告|决定|规定)",
    # (a measure that names a decision's content, 实施出口管制的决定, is what is decided, not a
    # background clause: 公布…实施出口管制的决定 announces the act)
    # (停止实施, 暂停实施 are the verb of ending, whose object the 的 phrase names: 停止实施对…
    # 采取的措施 ends the measures, it is no background clause)
    # (nor is 宣布将 N家… that puts counted parties somewhere: 宣布将40家日本企业纳入两用物项的严控
    # 范围 lists them, its 的 inside the place; sixty-seventh pass)
    r"[^，。；、]{0,15}(?:公布(?!对)|发布(?!对)|(?<!停止)(?<!暂停)实施"
    r"|宣布(?!暂停|停止|取消|对|将[^，。；的]{0,6}?\d+(?:家|间|个))|出台|列入"
    r"|加征)"
    # (an announcement named by what it decides, 发布对…实施出口管制的公告, is the act issued,
    # as a decision is; the verb's own 的, 10月9日发布的公告, still makes a relative clause)
    r"(?:的|[^，。；、]{1,20}?的(?!决定|(?:\d+|[一二两三四五六七八九十]+)?[则项份个]?公告))",
    r"自[^，。；]{0,40}以来",
    # a time clause "after" an act (在1月加强两用物项对日本出口管制后，已批准…): the act is
    # the time of the news, not its news
    r"在[^，。；]{2,60}?(?:之后|以后|后)(?=[，,]|[^，。；]{0,4}(?:已|又|再|才|便|就|，))",
    # (…以来 without 自: 对稀土相关物项实施出口管制以来 starts the period its sentence speaks of)
    r"[^，。；：“”\s]{2,40}?以来(?=[，,]|$)",
    # the matter a statement or a protest is about (就中方…一事向中方提出交涉, 就…答记者问)
    r"就[^，。；]{2,80}?(?:一事|问题)|就[^，。；]{2,80}?(?=(?:向[^，。；]{0,10})?(?:提出交涉|表示"
    r"|表态|抗议|回应|答记者问|发表(?:评论|谈话|声明)))",
    # the same told with 针对 or 就, its speaker after the comma (针对荷兰政府6日宣布扩大…出口管制
    # 范围，商务部新闻发言人7日答记者问时表示): what the answer is about, not the speaker's act
    r"(?:针对|(?<![早也])就)[^，。；]{2,80}?(?=，[^，。；]{0,30}?(?:表示|回应|答记者问|指出|强调|说))",
    r"此前[^，。；]*",
    # what a spokesperson responds to or denies is the matter of the words, not an act ("China
    # responds to reports of lifting restrictions on rare earth exports to India")
    r"\b(?:respond(?:s|ed|ing)?|react(?:s|ed|ing)?|den(?:y|ies|ied|ying))\s+(?:to\s+)?(?:media\s+)?"
    r"(?:reports?|claims?|rumou?rs?)\s+(?:of|that|about|on)\b[^;.]*",
    # what an authority reminds traders of is a rule in force, not an act of the news
    # ("reminded exporters that shipments of gallium require a licence", 提醒企业…已纳入出口管制)
    *REMINDER,
    # what a meeting or a statement explains the impact of is its matter, as what is protested
    r"\b(?:explain\w*|discuss\w*|assess\w*|brief\w*\s+\w+\s+on)\s+(?:the\s+)?(?:possible\s+)?"
    r"(?:influence|impact|effects?|implications?|consequences?)\s+of\b[^;.]*",
    # what a body works to soften is its matter ("activated trade channels to minimize the
    # fallout from Beijing's sanctions on five subsidiaries")
    r"\b(?:minimi[sz]e|mitigate|limit|reduce|contain|cushion|soften|offset)\s+(?:the\s+)?"
    r"(?:potential\s+|possible\s+)?(?:fallout|impact|effects?|damage|consequences?|blow)\s+"
    r"(?:of|from)\b[^;.]*",
    # what an act retaliates for is its cause, not another act of the news ("threatened tariffs
    # in retaliation for China's expanded export controls", 以报复中国大幅扩大…出口管制); the
    # act told after "by" or "with" is the retaliation's own
    r"\b(?:in\s+(?:retaliation|revenge|reprisal)\s+(?:for|against)"
    r"|retaliat(?:e|es|ed|ing)\s+(?:for|against))\b(?:(?!\s(?:by|with)\s)[^,;.])*",
    r"(?:以|作为)?报复(?!性|措施|行动|手段)[^，。；]*|作为对[^，。；]{2,60}?的(?:报复|反制|回应|回击)",
    # a condition's act is not an act of the news ("urged the bloc to respond if Beijing doesn't
    # repeal them or swiftly grant export licenses", 如果中方批准…)
    r"\b(?:if|unless)\b" + CLAUSE_REST,
    r"(?:如果|如若|假如|倘若|若是|一旦)[^，。；]*",
    # what a government demands be withdrawn is the matter of its demand ("Japan has urged
    # China to revoke its decision to impose …", 要求中方撤回相关措施)
    r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+on|press(?:es|ed|ing)?|demand(?:s|ed|ing)?"
    r"|ask(?:s|ed|ing)?)\s+(?:China|Beijing|the\s+Chinese\s+(?:side|government))\s+to\s+"
    r"(?:revoke|withdraw|lift|scrap|reverse|rescind|drop|cancel|reconsider|remove|roll\s+back)"
    r"\b[^;.]*",
    r"(?:要求|敦促|呼吁|促请)(?:中方|中国|北京)?(?:撤回|撤销|收回|取消|解除)[^，。；]*",
    # what a speaker criticizes or protests, in Chinese, is the matter of the words
    # (高市早苗指责中国加强两用物项对日出口管制)
    r"(?:指责|批评|抨击|谴责|抗议|不满)(?=[^，。；]{0,40}(?:管制|措施|决定|清单|名单|制裁|反制))"
    # (a space before Chinese ends it, as a headline separates its clauses: 不满协助对台军售
    # 北京宣布制裁美国军工企业; sixty-second pass)
    r"(?:[^，。；：:\s]|\s(?![\u4e00-\u9fff]))*",
    # what a speaker responds to or answers, told after the verb (商务部回应对镓、锗相关物项实施出口
    # 管制, 在回答有关加强…出口管制的提问时说, 特朗普因应中国…实施出口管制): the matter of the
    # words; not 回应称, whose words follow; a space before Chinese ends it, as a headline
    # separates its clauses (回应2金融机构被制裁 中国商务部对欧盟两银行采取反制措施; sixty-second
    # pass)
    r"(?:回应|回答|答复|因应)(?!称|说|表示|指出)(?:[^，。；：:\s]|\s(?![\u4e00-\u9fff]))*",
    # what a speaker is asked about or answers on, told with 对于 or 关于 before the speaker
    # (对于有欧洲企业在等待商务部批准……，商务部新闻发言人何咏前表示): the matter of the
    # answer, even over a reporter's commas
    r"(?:对于|关于)[^。；]{2,120}?(?=，[^，。；]{0,30}?(?:发言人|负责人|司长|部长)[^，。；]{0,12}?"
    r"(?:表示|回应|答记者问|指出|强调|说))",
)
# What is said of a measure named as a subject (a statement about it, not an act).
EVALUATIVE: Patterns = (
    r"\b(?:in line with|consistent with|in accordance with international|not (?:targeted|aimed"
    r"|directed)|(?:does|do|did)\s+not\s+target|conform\w* with|compl(?:y|ies) with"
    r"|accords? with"
    # (or said to leave something unharmed: "will not affect global supply chains")
    r"|(?:will|would|does|do|did)\s+not\s+(?:affect|disrupt|harm|hurt)|won['’]t\s+(?:affect"
    r"|disrupt|harm|hurt))\b",
    r"\b(?:is|are|was|were|remains?)\s+(?:not\s+|also\s+)?(?:(?:fully|entirely|completely|totally"
    r"|perfectly|absolutely|legally)\s+)?(?:lawful|legitimate|legal|justified"
    r"|reasonable|normal|necessary|targeted|aimed|directed|about|an? (?:\w+\s+){0,3}?"
    r"(?:practice|response|step|move|measure|tool))\b",
    r"\ban?\s+(?:lawful|legitimate|justified|measured|reasonable|normal|necessary)\b",
)
EVALUATIVE_ZH = (r"^(?:措施|等|的)?[，,]?\s*(?:完全|均|都|也|并|既)?"
                 r"(?:是|不针对|符合|属于|正当|合法|合理|于法有据|旨在|有利于|体现|并非|不是"
                 # (or said to leave something unharmed: 加强稀土出口管制不会影响国际产业链
                 # 供应链稳定; seventy-second pass)
                 r"|不会(?:影响|冲击|损害|波及)|不影响)")
# A noun that makes the act after it a noun phrase ("China's move to put …", "the decision to
# restrict …"): the act can be the subject of an evaluation.
NOMINALIZED_BEFORE = (r"\b(?:move|decision|step|bid|plan)\s+"
                      r"(?:by\s+(?:China|Beijing|the\s+[\w\s]{3,30}?)\s+)?to\s+$")
# An event of the day or the week named with a measure ("announced on Friday", 6日发布).
RECENT = (r"\b(?:on\s+)?" + WEEKDAY + r"\b|\btoday\b"
          r"|\byesterday\b|\bthis week\b|\bthe same day\b|\d{1,2}日|今天|昨天|当天|同日"
          r"|\b(?:over|at)\s+the\s+weekend\b|\b(?:this|last)\s+weekend\b")
# A reaction told the day or hours after an act ("a day after China placed …", "hours after"):
# the act is the day's news, as a weekday would date it.
# Days after it, uncounted or by a few ("on Friday, days after China lifted …", "just two days
# after"), is within the week of the news as well; a long count ("90 days after") is a term.
NEXT_DAY = (r"\b(?:a|one|the) day|\bhours|\bminutes|\bthe morning|\bthe day"
            r"|(?:^|[,，]\s*|\b(?:just|only|mere|a few|few|two|three|several)\s+)days")
MODIFIER_EVENT = (r"\b(?:announc|introduc|impos|issu|unveil|adopt|releas|publish|plac|add|put"
                  r"|launch|implement)\w*|\b(?:took|takes?) effect\b|公布|发布|宣布|出台|列入"
                  # a decision is an event of its day ("after Tuesday's decision to …"), as
                  # is a designation ("after Thursday's unreliable-entity designation")
                  r"|\bdecisions?\b|\bdecided\b|\bdesignations?\b"
                  # as is a trade-remedy ruling and the rates it sets
                  r"|\brulings?\b|\bruled\b|\bset\s+(?:final|preliminary|provisional)\b")

# --------------------------------------------------------------------------- instruments

# A future act is the act when the text shows its instrument: a start date or an issued text.
INSTRUMENT: Patterns = (
    r"\b(?:from|starting|as of|effective|beginning)\s+(?:on\s+)?(?:" + MONTH + r"[a-z]*\.?|"
    + WEEKDAY + r"|today|tomorrow|next\s+(?:week|month|" + WEEKDAY + r")|\d{1,2}\s+" + MONTH + ")",
    # a suspension with its end day ("will stay suspended until January 10, 2027"): its term
    r"\b(?:suspended|on\s+hold|paused)\s+until\s+(?:" + MONTH + r"[a-z]*\.?\s+\d|\d{1,2}\s+"
    + MONTH + ")",
    # an authority of the regime announcing it (the announcement is the instrument; a ministry
    # that "said" it will act may be stating an intention)
    r"\b(?:commerce ministry|Ministry of Commerce|MOFCOM|General Administration of Customs)"
    r"(?:\s*\([A-Z]+\))?\s+(?:(?:has|had)\s+)?(?:(?:on\s+)?\w+day\s+)?announced\b",
    # the same day told by the measure's taking effect, the measure its subject ("The controls
    # take effect on September 15")
    r"\b(?:controls?|restrictions?|bans?|curbs|requirements?|measures?|rules?)\s+(?:will\s+"
    r"|would\s+|shall\s+|(?:is|are)\s+(?:set|due|scheduled)\s+to\s+)?"
    r"(?:takes?|took|comes?|came)\s+(?:into\s+)?(?:effect|force)\s+(?:on|from)\s+"
    r"(?:" + MONTH + r"[a-z]*\.?\s+\d|" + WEEKDAY + r"|today|tomorrow|\d{1,2}\s+" + MONTH + ")",
    r"\b(?:according to|under|in|said in|stated in|released|issued|published)\s+(?:a|an|the|its"
    r"|two)\s+(?:joint\s+)?announcements?\b",
    # a notice issued ("In a Sunday notice, MOFCOM said …"; "China's Ministry of Commerce posted
    # notices that the exports of eight gallium … products will require state approval";
    # seventy-second pass)
    r"\b(?:according to|under|in)\s+(?:a|an|the|its)\s+(?:\w+\s+)?notice\b"
    r"|\b(?:posted|issued|published|released)\s+(?:a\s+|two\s+|the\s+|its\s+)?notices?\b",
    r"\bannouncements?\s+(?:released|issued|published)\b",
    r"自[^，。；]{0,20}起|起(?:正式)?(?:实施|执行|施行)",
    # a start day without 自 (14日起将对该产品征收…反倾销税, fifty-seventh pass), as "from Thursday"
    r"(?<![\d.])\d{1,2}日起",
    r"(?<!后续)(?<!即将)(?<!将)发布(?:了)?(?:《[^》]*》|公告)|根据公告|公告(?:明确|规定|指出|显示)",
    # measures or a decision issued, named by their content (发布了改善调整石墨物项临时出口管制措施)
    r"(?<!后续)(?<!即将)(?<!将)(?<!拟)发布了?[^，。；]{0,30}?(?:措施|决定|办法)(?!\s*(?:草案|征求意见))",
    # a suspension or an extension with its term ("keep suspended for another 90 days",
    # 暂停实施一年): the term is the instrument's date, which a vow does not have
    r"\b(?:suspen\w*|extend\w*|extension|paus\w*)\s+(?:[\w-]+\s+){0,3}?for\s+(?:another\s+"
    r"|a further\s+|an additional\s+)?(?:\d+|one|two|three|six|ninety|a)\s+(?:more\s+)?"
    r"(?:days?|weeks?|months?|years?)\b",
    r"(?:暂停|延长)[^，。；]{0,20}?(?:为期)?(?:\d+|一|两|三|六)(?:个月|年|天|日)",
)
# Words that say the instrument is still to come (a statement of intent).
INTENT_MARKERS: Patterns = (
    r"\bwill study\b",
    r"\bspecific plans\b",
    r"\bin the coming days\b",
    r"\bdetails? (?:of|on) [^.]{0,60}\b(?:will|would) be (?:set out|announced|released)\b",
    r"具体方案",
    r"研究细化",
    # a draft put out for public comment (拟调整…目录…公开征求意见的通知, "a draft … for public
    # comment"): the act it proposes has no instrument yet (fifty-ninth pass)
    r"征求意见|意见征求|草案|\bdraft\b|\b(?:for|seeks?|seeking|solicits?|soliciting|invites?"
    r"|inviting)\s+(?:public\s+)?(?:comments?|feedback|opinions)\b",
)

# --------------------------------------------------------------------------- whose voice

QUOTED = r"\"[^\"]*\"|“[^”]*”|「[^」]*」"
REPORTING: Patterns = (
    r"\b(?:said|says|say|told|according to|added|noted|stressed|stated|explained|warned|urged"
    r"|learned|asked|reported|showed)\b",
    # (说 not in the writer's own turns of phrase, WRITER_SAYS, nor as the noun 说辞 / 说法)
    r"表示|介绍|获悉|据悉|据了解|(?<!应当)(?<!必须)指出|强调|认为|(?<!道)说(?![三道白辞法])",
    # a question asked of an official, or an answer, is reported, not the writer's question
    # (有媒体提问，…请问中方对此有何评论？; …出于什么考虑？中国商务部回应), but not an answer
    # as a noun (…最具冲击力的回应之一, 对其立场的直接回应: the writer's judgement of an act)
    r"提问|请问|问道|记者问|报道|援引|(?<![的之])(?<!的直接)(?<!的有力)(?<!的强烈)(?<!的正面)"
    r"(?<!的积极)(?<!的坚决)(?<!的精准)回应",
)
# The writer's own turns of phrase with 说 (也就是说, 相对来说, 可以说): nobody is reported.
WRITER_SAYS = (r"(?:也就是|就是|换句话|换言之|可以|相对来|总的来|总体来|一般来|严格来|具体来|不得不"
               r"|应该|比如|譬如|老实|坦白|不用|虽)说|说白了|说到底|话说"
               # (这说明, 更说明: what the writer infers from it)
               r"|(?:这|更|也|充分|足以|恰恰|正)说明")
ARGUING: Patterns = (
    r"\b(?:should|must|ought to|needs? to|cannot|can hardly|deserves?|let us"
    r"|nor (?:is|are|was|were|does|do|did|should|can|could|will|would)"
    r"|has every right|have every right|no (?:wonder|reason)|it is (?:also |equally )?(?:time"
    r"|worth|hard|clear|simple|high time)|the (?:answer|point|truth|lesson|question) is"
    r"|those who)\b",
    r"\?",
    r"必须|应当|应该|理应|不能|不应|只能|理所应当|毋庸置疑|难道|岂能|决不|绝不|？",
    # the Chinese of "the question is", "it is worth", "no wonder", "it is clear" and "don't"
    # (真正的问题在于, 更值得关注的是, 难怪, 可以预见, 美方不要…), and the writer's belief at a
    # clause's start with no one who believes (…，相信…将成为): the writer's judgement
    r"(?:问题|关键|症结|根源|要害)(?:恰恰|正)?在于|(?:真正|根本)的(?:问题|原因|目的|用意)"
    r"|值得(?:关注|注意|一提|警惕|深思|思考|玩味)的是|难怪|无怪乎|可以预见|可想而知|不言而喻"
    r"|(?:^|[，,；;])\s*相信"
    # (不要 in the writer's voice, not in an urging reported: 敦促美方不要…)
    r"|(?:^|(?<=[，,；;。]))(?![^，,；;。]*(?:敦促|呼吁|要求|劝|告诫|警告|希望|提醒))[^，,；;。]*不要",
    # "it must be seen that": a modal before a verb of seeing argues (也应看到, 要认识到)
    r"(?:应|要|须)(?:看到|认识到|注意到|清醒地看到)",
    # the writer's emphasis by a cleft or a contrast, saying who is to blame or what is right:
    # "It is the US that has made …", "What China will not do is …", "Cooperation, not
    # confrontation, is the way …" (a report tells what happened and who said it)
    r"^\s*It is (?:the |not |only )?(?-i:[A-Z])[\w'’-]*(?:\s+[\w'’-]+){0,3}\s+(?:that|who)\b",
    r"^\s*What\s+(?:[\w'’-]+\s+){1,4}?(?:(?:will|would|can|cannot|must|does|do|did)"
    r"(?:\s+not)?\s+)?(?:do|wants?|needs?|fears?|forgets?|ignores?|refuses? to \w+)\s+(?:is|was)\b",
    r"^\s*(?-i:[A-Z])[\w-]*(?:\s+[\w-]+)?,\s+not\s+[\w-]+(?:\s+[\w-]+)?,\s+(?:is|are)\s+(?:the\s+(?:only\s+|right\s+|real\s+)?"
    r"(?:way|answer|key|solution|path|cure)|what)\b",
    # the writer's stance opening a sentence ("Unfortunately, …", "Make no mistake", "More
    # importantly"; 表面上看, 显然, 更重要的是, 由此可见, 归根结底): a judgement nobody is reported
    # as making, which a report leaves to those it quotes
    r"^\s*(?:Unfortunately|Fortunately|Sadly|Ironically|Tellingly|Predictably|Alarmingly"
    r"|Frankly|Arguably|Admittedly|Clearly|Obviously|Of course|Make no mistake|Needless to say"
    r"|To be sure|To emphasi[sz]e|Put simply|Simply put|Worse(?: still)?|More importantly"
    r"|Most importantly|Even more troubling)\b",
    r"表面上看|看似[^，。；]{0,30}[，,]\s*(?:实则|实际上|其实)|显然|更重要的是|最重要的是|由此可见"
    r"|由此来看|归根结底|归根到底|究其(?:原因|根本|实质)|更像是|与其说|殊不知|诚然|不可否认"
    r"|平心而论|毋庸讳言"
    # (and what the reader is told they will find or feel: 就会发现, 不难发现, 让人感到, 显得格外)
    r"|(?:就会|不难)发现|(?:让人|令人)(?:感到|觉得)|显得(?:格外|尤为|十分|更加)",
)
# The self-media writer talking to the reader (别以为…, 说白了, 笔者, 下文将深入剖析): a column's
# voice, which a report does not use; under a headline that reports an act, a chatty retelling
# of it (classify._is_opinion).
ASIDES = (r"别以为|别小看|说白了|不难看出|显而易见|换句话说|毫无疑问|笔者|小编|(?:下|本)文将"
          r"|有意思的是|讽刺的是|不得不说|试问|更何况|可以说|动真格"
          # (别觉得…, 你看, 要知道, 奇怪的是, 最让人意外的是: the writer's turn to the reader)
          r"|别觉得|你看|要知道|(?:奇怪|可笑|耐人寻味|令人意外|让人意外)的是")
# The writer's "we" and "our" (咱们, 我们), and the writer's "I" outside quotations ("I have
# reported on Japan for 20 years", "I would ask them"), matched with their case ("US" is not
# "us").
WRITER_I = (r"\bI (?:have|had|would|will|cannot|can|could|am|was|do|did|think|believe|remember"
            r"|ask|suspect|doubt|must|see|know)\b|\b[Mm]y\b")
ARGUING_PRONOUNS = r"\b(?:[Ww]e|[Oo]ur)\b|咱们|我们|" + WRITER_I
OPINION_MIN_ARGUING = 3
# A sentence telling a rule's duty after the act or text that lays it down (马来西亚贸易部…宣布，
# 即日起，…必须取得贸易许可证; 草案要求企业…必须获得…许可; "announced that exporters must …"):
# the modal is the rule's word, reported, not the writer's.
DUTY_REPORTED = (r"(?:宣布|规定|要求|明确|声明|公告称|草案)[^。！？]{0,80}?(?:必须|应当|须)"
                 r"|\b(?:announced|announces|require[sd]?|requiring|stipulate[sd]?|mandate[sd]?)"
                 r"\b[^.?!]{0,100}?\bmust\b"
                 # ... or to those a rule binds by a class of its procedure ("new applicants
                 # must show …", "Existing qualified exporters must show …", "Provincial
                 # commerce departments must consolidate applications"); plain "Exporters must
                 # apply" may be the writer's own advice (dev-1162)
                 r"|\b(?:applicants?|licen[cs]e\s+holders|departments|(?:new|existing|qualified"
                 r"|eligible|registered)\s+(?:\w+\s+)?(?:exporters?|importers?|producers|traders"
                 r"|operators|applicants?))\s+(?:\w+\s+)?must\b")
# A sentence of at least this many characters said again (the headline in a breadcrumb, a
# paragraph the page repeats) is the writer's once (`voice`).
REPEAT_MIN_CHARS = 8
# A paragraph that opens by attributing what follows to a rule ("根据公告，…应当…", "Under the
# announcement, exporters must …") reports the rule's duties: its modals are the rule's words.
RULE_REPORTED = (r"^(?:根据|按照|依照|依据)(?:上述|该|这一|此)?(?:公告|规定|决定|条例|通知|办法)"
                 # the rule itself as the speaker of the paragraph (公告显示，…; "The
                 # announcement says …"): what follows is its content, its 应当 the rule's duties
                 r"|^(?:上述|该|这一|此)?(?:公告|规定|决定|条例|通知|办法)(?:显示|指出|称|明确|要求|规定)"
                 # ... and the controls themselves as the rule (这些限制要求…必须获得许可证, "The
                 # restrictions require …"): their duties, not the writer's
                 r"|^(?:上述|该|这一|此|这些|新)?(?:(?:限制|管制|管控)(?:措施)?|措施)(?:要求|规定)"
                 r"|^(?:the|this|that|these)\s+(?:new\s+)?(?:announcement|rules?|decision"
                 r"|regulations?|notice|restrictions|controls|measures)\s+(?:says?|said|states?"
                 r"|stated|shows?|showed|requires?|required|stipulates?|stipulated)\b"
                 r"|^(?:under|according to)\s+(?:the|this|that)\s+(?:new\s+)?(?:announcement|rules?"
                 r"|decision|regulations?|notice|measures?)\b")


@cache
def _compiled(patterns: Patterns, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _search(pattern: str, text: str) -> re.Match[str] | None:
    return _compiled((pattern,)).search(text)


@dataclass(frozen=True)
class Act:
    """One act a sentence reports, and how it reports it."""

    category: Category
    head: int  # where it starts: its verb of doing, or the measure's name
    done: bool  # told with a verb of doing or an event, not a bare name
    future: bool  # announced for the future (will, to, 将)
    foreign: bool  # done by another government
    background: bool  # in a relative, participial or since/after clause
    evaluated: bool  # a measure as the subject of an evaluative predicate
    recent_event: bool  # a background or evaluated measure with an event of the day or week
    negated: bool = False  # denied ("had not obtained", 未获批): no act
    joint: bool = False  # promised by both sides together (双方将, "the two sides will")
    promised: bool = False  # approvals promised ("will be approved"; FUTURE_IN_ACT)
    considered: bool = False  # only considered ("is considering", 正考虑; CONSIDERED_BEFORE)

    @property
    def reported_done(self) -> bool:
        """Told as done by China: not promised, another government's, background or evaluated."""
        return self.done and not (self.future or self.foreign or self.background or self.evaluated)


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding position `at` starts (after , ; : 。 ； ， or ' as ')."""
    cut = max(text.rfind(c, 0, at) for c in ",;:。；，")
    word = max((m.end() for m in re.finditer(r"\b(?:as|while|whereas)\s", text[:at])),
               default=-1)
    return max(cut + 1, word, 0)


# What ends a sentence: a decimal point (42.7%) ends none.
SENTENCE_END = re.compile(r"[;。；!?]|\.(?!\d)")


def _clause_end(text: str, at: int) -> int:
    """Where the sentence holding position `at` ends."""
    end = SENTENCE_END.search(text, at)
    return end.start() if end else len(text)


def _modifier_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _compiled(MODIFIERS).finditer(text)]
    # a headline's participle is its verb ("Export ban imposed on 20 more Japanese entities",
    # "Fourteen foreign organisations, including …, added to unreliable entity list"): a
    # reduced relative clause in a headline with no finite verb is its predicate
    if not _is_headline(text) or _search(FINITE_VERB, text):
        return spans
    reduced = [m.span() for m in _compiled(REDUCED_RELATIVES).finditer(text)]
    return [span for span in spans if span not in reduced]


# A headline: a short English line with no sentence's end.
HEADLINE_MAX_WORDS = 20
# A finite verb in a headline: an auxiliary, a modal, a verb of saying, or a common verb of
# headlines in the present ("… shares slide", "… firm says", "… see sales slump").
FINITE_VERB = (r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall"
               r"|should|does|do|did|says?|said|sees?|gets?|wins?|faces?|falls?|rises?|slides?"
               r"|fears?|warns?|urges?|vows?|hits?|takes?|loses?|seeks?)\b")


def _is_headline(text: str) -> bool:
    """A short English line with no sentence's end: a headline, whose participle may be its
    verb."""
    line = text.strip()
    return bool(line) and not re.search(r"[.!?。！？;；:]\s*$", line) \
        and not re.search(r"[\u4e00-\u9fff]", line) and len(line.split()) <= HEADLINE_MAX_WORDS


def _without_relatives_before(text: str, head: int) -> str:
    """The text with the relative clauses that close before head blanked (same length): their
    modals and governments are theirs, not the main verb's ("any item that would strengthen
    Japan's military is now barred" is barred now, by the speaker's government)."""
    for m in _compiled((RELATIVE_CLAUSE,)).finditer(text, 0, head):
        if m.end() <= head:
            start = m.start() + re.search(r"\s(?:that|which)\b", m.group(0), re.I).start()
            text = text[:start] + " " * (m.end() - start) + text[m.end():]
    return text


def _blanked_after_subject(text: str, spans: list[tuple[int, int]]) -> str:
    """Chinese text with the modifier spans that lie in it after their clause's subject blanked
    (same length): 特朗普因应中国…实施出口管制 keeps 特朗普, not 中国; a span opening its clause
    (中方相应取消…加征的) holds the clause's own subject and is kept."""
    for a, b in spans:
        if b <= len(text) and re.search(r"[\u4e00-\u9fff]", text[a:b]) \
                and not re.search(r"(?:^|[，。；：,;:])\s*$", text[:a]):
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    return any(a <= at < b for a, b in spans)


# An act's words holding a participle ("approved", "granted", "cleared for export", "put"),
# which a passive's agent can follow; an active verb and its object ("approves graphite
# export") cannot.
PARTICIPLE = (r"\w(?:ed|en|wn)\b|\b(?:put|set|cut|hit|held|sent|built|caught|brought|dealt"
              r"|left|kept|lost|won|shut)\b|[\u4e00-\u9fff]")


def _actor_is_foreign(text: str, head: int, end: int,
                      modifiers: list[tuple[int, int]] | None = None) -> bool:
    """The last government named before the act's verb in its clause is a foreign one; a
    participial clause with no actor of its own (", requiring Japanese companies to obtain
    licences", ", quadrupling … and raising tariffs") is done by the actor of the clause it
    continues, not by a government named in that clause's modifiers (特朗普因应中国…实施出口管制，
    宣布…加征关税: what Trump responds to is China's, the tariff his)."""
    giver = _received_from(text, head, end)
    if giver is not None:
        return giver  # a licence received names its giver: the receiver does not grant it
    owner = _list_owner(text, head, end)
    if owner is not None:
        return owner  # a party listed names the list's owner: the party lists nobody
    if re.match(CLEARED, text[head:], re.IGNORECASE) and not re.match(r"\s+by\b", text[end:]) \
            and _later_agent(text, head, end) is None:
        return False  # goods cleared for export: the regime clears them, whoever buys them
    imposer = _faced_from(text, head, end)
    if imposer is not None:
        return imposer  # a duty faced names who imposes it: the payer imposes nothing
    agent = re.match(r"\s+by\s+([^,;.:，。；]{0,60})", text[end:])
    # (only after a participle: "Approves Graphite Export by South Korea's Posco" names whose
    # export it is, not who approves; fifty-ninth pass)
    if agent and _last_actor(agent.group(1)) is not None and re.search(
            PARTICIPLE, text[head:end], re.IGNORECASE):
        return bool(_last_actor(agent.group(1)))  # a passive's agent ("approved by Chinese …")
    later = _later_agent(text, head, end)
    if later is not None:
        return later  # told after its object ("were barred from trade on Friday by …")
    start = _clause_start(text, head)
    # (what 将 marks before a listing's verb is its object, places named in it are the parties':
    # 将…参与提升日本军事实力的20家日本实体列入…)
    marked = text.rfind("将", start, head) if re.match(
        r"列入|纳入|移出|" + SHORT_LISTING, text[head:]) else -1
    # (the head's own word tells what a country just before it names: "Seven US defence firms
    # had any assets frozen", the firms' place)
    # (the 将 kept: a state named by one character is an actor before it, 美将…列入; sixty-sixth
    # pass)
    last = _last_actor(text[start:marked + 1] if marked >= 0 else text[start:head],
                       "" if marked >= 0 else re.match(r"\S*", text[head:]).group(0))
    if _list_continues(text, start):
        last = _last_actor(text[:head])  # ", EU, Japan and Taiwan": the list, not a clause
    # (an English clause after a semicolon whose first clause names China among its actors
    # takes no foreign actor from it: "China, Netherlands hold talks …; exemptions granted for
    # civilian exports"; a Chinese clause after ； goes on with its subject)
    own_sentence = text[start - 1:start] == ";" and bool(
        _compiled((CHINESE_ACTORS,), 0).search(text[:start]))
    if last is None and not own_sentence and (
            _search(CONTINUING_CLAUSE, text[start:])
            or _search(SUBJECTLESS_BEFORE, text[start:head])
            or _search(JOINED_AFTER_ADVERBIAL, text[:start])
            or re.search(r"[\u4e00-\u9fff]", text[start:head + 1])):
        last = _last_actor(_blanked_after_subject(text[:start], modifiers or []))
    if last is None and _search(PREPOSED_CLAUSE, text[start:head]):
        last = _main_subject(text, head)
    if last is None:
        return bool(_compiled((PASSIVE_FOREIGN_AFTER,), 0).search(text[end:]))
    return last


# A licence received is granted by its giver, not by its receiver: the receiving verb
# (obtained, received, secured, 获得, 取得) with China named as the giver between it and the
# licence ("Korean battery firms have obtained Chinese export licences", 韩国企业获得中方出口
# 许可, "secured licences from China's commerce ministry") is China's licence granted, however
# foreign the receiver.
RECEIVING_VERB = r"^(?:obtain\w*|secur\w*|receiv\w*|won\b|wins?\b|gets?\b|got\b|获得|取得|拿到)"
GIVER_CHINA = (r"中方|中国|我国|商务部|\bChina(?:'s|’s)?\b|\bChinese\b|\bMOFCOM\b"
               r"|\bBeijing(?:'s|’s)?\b")


def _received_from(text: str, head: int, end: int) -> bool | None:
    """For a receiving verb at head (RECEIVING_VERB), whether the giver its object names, up to
    the measure's name or in a "from" after it, is foreign: False when it names China
    (GIVER_CHINA) first, True when it names a foreign government first, None when it names
    none."""
    if not re.match(RECEIVING_VERB, text[head:], re.IGNORECASE):
        return None
    giver = re.sub(RECEIVING_VERB, " ", text[head:end], count=1, flags=re.IGNORECASE)
    source = re.match(r"\s+from\s+([^,;.:，。；]{0,40})", text[end:])
    if source:
        giver += " " + source.group(1)
    china = re.search(GIVER_CHINA, giver, re.IGNORECASE)
    foreign = _compiled((FOREIGN_ACTORS,), 0).search(giver)
    if china is None and foreign is None:
        return None
    # the first government named is the giver (美国商务部: the US one, not 商务部 alone)
    return china is None or (foreign is not None and foreign.start() < china.start())


# A listing told from the listed party's side (上榜, "has been put on", "were named", "are on
# … list as of Monday", "cut off from", "hit with"): the list's owner acts, named by a
# possessive or an adjective in the list's name ("Beijing's watch list", "the US Entity List"),
# or by a list only China keeps (the unreliable entity list, 管控名单, 关注名单).
LISTED_SIDE = (r"^(?:上榜|再添|(?:named|designated|declared|listed|added|put|placed)\b"
               r"|(?:was|were|been|being|is|are)\s+(?:now\s+)?(?:named|designated|declared"
               r"|listed|added|put|placed|on)\b|cut\s+off\s+from\b|hit\s+(?:by|with)\b"
               r"|(?:latest|newest|new)\s)")
LIST_WORD = r"\b(?:list|blacklist)\b|名单|清单"
PASSIVE_JUST_BEFORE = r"\b(?:is|are|was|were|be|been|being)\s+(?:now\s+)?$"
CHINA_ONLY_LISTS = (r"\bunreliable[- ]entit|\bwatch\s+list|\bcountermeasures?\b|不可靠实体|管控名单"
                    r"|关注名单|反制")


def _list_owner(text: str, head: int, end: int) -> bool | None:
    """For a listing told from the listed party's side (LISTED_SIDE), whether the list's owner
    is foreign; None when the act is not so told or its list names no owner."""
    told = text[head:end]
    if not (re.match(LISTED_SIDE, told, re.IGNORECASE) and (
            re.match(r"上榜|再添|(?:was|were|been|being|is|are|cut|hit|latest|newest|new)\b",
                     told, re.IGNORECASE)
            or re.search(PASSIVE_JUST_BEFORE, text[max(0, head - 20):head], re.IGNORECASE))):
        return None
    listed = _search(LIST_WORD, told)
    named = list(_compiled((FOREIGN_ACTORS, GIVER_CHINA), 0).finditer(
        told[:listed.start()] if listed else told))
    if named:  # the owner: the last named before the list's word, else the first named
        owner = named[-1] if listed else named[0]
        return bool(_compiled((FOREIGN_ACTORS,), 0).fullmatch(owner.group(0)))
    return False if _search(CHINA_ONLY_LISTS, told) else None


# A duty faced ("US crude faces a 10% Chinese tariff", "Hennessy faces deposits … after China's
# provisional ruling"): who imposes it is the government named with the duty or in the rest of
# the sentence, else not the payer's own (Chinese exporters face another country's duties).
FACED = r"^fac(?:e|es|ed|ing)\b"
CLEARED = r"^cleared\s+for\s+(?:export|shipment|sale)"


def _faced_from(text: str, head: int, end: int) -> bool | None:
    """For a duty faced (FACED), whether who imposes it is foreign; None for another verb."""
    if not re.match(FACED, text[head:], re.IGNORECASE):
        return None
    named = _last_actor(text[head:end])
    if named is not None:
        return named
    rest = text[end:_clause_end(text, end)]
    first = _compiled((FOREIGN_ACTORS, CHINESE_ACTORS), 0).search(rest)
    if first:
        return bool(_compiled((FOREIGN_ACTORS,), 0).fullmatch(first.group(0)))
    payer = _compiled((CHINESE_ACTORS,), 0).search(text[_clause_start(text, head):head])
    return True if payer else None


# A foreign government named last before a comma (the list a clause may continue).
FOREIGN_AT_END = r"(?:" + FOREIGN_ACTORS + r")\s*$"


def _list_continues(text: str, start: int) -> bool:
    """The clause at start continues a list of governments after a comma (", EU, Japan and
    Taiwan"): the comma joins the list, it opens no clause."""
    return start > 0 and text[start - 1] in ",，、" and bool(
        _compiled((FOREIGN_ACTORS, CHINESE_ACTORS), 0).match(text[start:].lstrip())) and bool(
        _compiled((FOREIGN_AT_END,), 0).search(text[:start - 1]))


# A passive's agent told later in the act's clause, after its object or its day ("licences …
# were granted last week by US customs", "six firms were barred from trade on Friday by the
# Commerce Ministry"): an authority after "by" (a point inside "U.S." or "2.3" does not end the
# clause), in a clause whose verb is passive (a form of "be" or "get" before the "by").
AGENT_CLAUSE = r"(?:[^,;:.，。；：]|\.(?=\w)){0,120}"
LATER_AGENT = r"\bby\s+(?P<who>(?:[^,;:.，。；：]|\.(?=\w)){1,40})"
AGENT_AUTHORITY = (r"\b(?:customs|ministry|ministries|department|MOFCOM|GACC|BIS|authorities"
                   r"|regulators?|courts?|bureau|administration|commission|government|cabinet"
                   r"|White House|Congress|Senate|State Council)\b|海关|商务部|法院")
PASSIVE_BE = (r"\b(?:is|are|was|were|be|been|being|get|gets|got|gotten)\s+(?:\w+\s+){0,2}?"
              r"\w+(?:ed|en|t)\b")


def _later_agent(text: str, head: int, end: int) -> bool | None:
    """Whether the agent of a passive act, an authority named after "by" later in its clause,
    is foreign; None when the clause names no such agent or its verb is not passive."""
    clause = re.match(AGENT_CLAUSE, text[end:])
    for m in re.finditer(LATER_AGENT, clause.group(0) if clause else "", re.IGNORECASE):
        if not _search(AGENT_AUTHORITY, m.group("who")):
            continue
        told = text[_clause_start(text, head):end + m.start()]
        if not _search(PASSIVE_BE, told):
            continue
        foreign = _last_actor(m.group("who"))
        if foreign is not None:
            return foreign
    return None


# A preposed time clause with no subject of its own (继…后，印尼…; "After banning …, Indonesia
# …") shares the subject of the main clause that follows it.
PREPOSED_CLAUSE = r"^\s*(?:继|在|自从|随着|\b(?:after|following|having)\b)"
MAIN_SUBJECT = r"^[^,，;；.。]*[,，]\s*([^,，;；.。]{0,12})"


def _main_subject(text: str, head: int) -> bool | None:
    """Whether the subject of the clause after the preposed clause holding `head` is foreign."""
    m = re.match(MAIN_SUBJECT, text[head:])
    return _last_actor(m.group(1)) if m else None


# Where a government is named without acting: the reason given for an act (以所谓“…”为由,
# "citing …", "on the grounds that …").
NOT_AN_ACTOR = (r"以[^，,。；;]{0,60}?为由|\b(?:citing|on the grounds? (?:of|that)|in the name of)"
                r"\b[^,;.]*")
# A clause that continues the one before it with a participle ("…, requiring", "… and raising").
# (a comma inside a quotation's closing mark ("… interests,” adding 32 entities") ends the
# clause all the same)
CONTINUING_CLAUSE = r"^[\s”’\"')]*(?:and\s+|thereby\s+)?\w+ing\b"
# A clause opened by its own verb, with no subject ("BIS announced new rules, adds 140 entities
# …", "… and added"): a verb that shares the subject of the clause before it.
SUBJECTLESS_BEFORE = r"^\s*(?:and\s+|then\s+|also\s+)?$"
# A clause joined by "and" after an adverbial of time ("the Dutch government announced … , and
# from April 1, the export of … will also require a license"): it goes on telling the act of the
# clause before it, whose actor it keeps.
JOINED_AFTER_ADVERBIAL = (r"\band\s+(?:from|since|starting|as\s+of|beginning|on|in|by)\b"
                          r"[^,;.]{0,30},\s*$")


# A ministry's name ending in its country ("the Ministry of Economy, Trade and Industry (METI)
# of Japan"): the country owns the ministry, it is not a target.
OFFICE_OF = (r"\b(?:Ministry|Department|Agency|Office|Commission|Bureau|Cabinet|Government)"
             r"(?:\s+of)?(?:[\s,&]+(?:and\s+)?(?:[A-Z][\w-]*|\([A-Z]+\)))*\s+of\s+(?:the\s+)?$")


# A region of a state named with a compass word ("rock lobsters from Western Australia", "farms
# in northern Japan", "Eastern Europe"): a place, not a government ("North Korea", "South
# Africa", the states' own names, are matched whole).
REGION_BEFORE = r"\b(?:western|eastern|northern|southern|central)\s+$"
# A possessive: 's, or a bare apostrophe after a name that ends in s ("the Netherlands' expanded
# export controls", "the United States' new rules", "the Philippines' ban"): the owner acts.
POSSESSIVE = r"[’']s\b|(?<=s)[’'](?!\w)"


# A country that qualifies a noun of deciding followed by what is decided ("opposition to the
# U.S. decision to tighten export controls", "in response to the Dutch move to expand …"): the
# country decides, as with a possessive, even after a preposition that would make it a target.
DECIDER_AFTER = (r"^\s+(?:decisions?|moves?|plans?|attempts?|efforts?|bids?|steps?)\s+to\b"
                 r"(?!\s+(?:the|its|their|China|Chinese|Beijing)\b)")


def _possessive(name: str, after: str) -> bool:
    """`after` (the text after the government `name`) opens with a possessive of the name."""
    return bool(re.match(r"[’']s\b", after)) or (
        name.endswith("s") and bool(re.match(r"[’'](?!\w)", after)))


def _last_actor(before: str, rest: str = "") -> bool | None:
    """Whether the last government named in `before` is foreign (None: none named); `rest`, the
    text that follows `before`, tells what a country names when `before` ends with it ("the 28
    US" of "the 28 US defense companies that China put on its list": the companies' place)."""
    last: bool | None = None
    actors = _compiled((FOREIGN_ACTORS, CHINESE_ACTORS), 0)
    foreign = _compiled((FOREIGN_ACTORS,), 0)
    before = _compiled((QUOTED, NOT_AN_ACTOR)).sub(lambda m: " " * len(m.group(0)), before)
    previous_end, previous_foreign, previous_target = -10, False, False
    for m in actors.finditer(before):
        after = before[m.end():] + rest
        is_foreign = bool(foreign.fullmatch(m.group(0)))
        gap = before[previous_end:m.start()]
        # (a possessive may own an office across a word or two: "Japan's trade ministry")
        owned = previous_foreign and re.fullmatch(
            r"(?:" + POSSESSIVE + r")?\s?|(?:" + POSSESSIVE + r")\s(?:[a-z][\w-]*\s){1,2}", gap)
        coordinated = previous_target and re.fullmatch(COORDINATOR, gap) \
            and not _possessive(m.group(0), after)
        previous_end, previous_foreign, previous_target = m.end(), is_foreign, False
        if coordinated:
            previous_target = True
            continue  # 原产于美国、欧盟、日本: a country coordinated with a target is one too
        if owned and not is_foreign:
            continue  # 美国商务部, "Japan's Ministry of Economy": the foreign country's ministry
        if re.search(QUALIFIER_AFTER, after, re.IGNORECASE) or re.match(REGISTERED_IN, after):
            continue  # "US firms", "a Tokyo-based maker": the object, a company's place
        if re.search(REGION_BEFORE, before[:m.start()], re.IGNORECASE):
            continue  # "lobsters from Western Australia", "northern Japan": a region, a place
        possessive = _possessive(m.group(0), after) or bool(
            re.match(DECIDER_AFTER, after, re.IGNORECASE))
        if not possessive and _compiled((TARGET_BEFORE,)).search(before[:m.start()]) and not \
                re.search(OFFICE_OF, before[:m.start()]):
            previous_target = True
            continue
        last = is_foreign
    return last


def stance_on(text: str, head: int) -> bool:
    """The act at head is what a stance supports or backs (STANCE): the matter of a statement."""
    return any(m.start() <= head < m.end() for m in _compiled(STANCE).finditer(text))


def reacted_to_by_foreign(text: str, head: int) -> bool:
    """The act at head sits in a clause that a foreign government's sentence governs (what
    "Japan's ministry held a meeting to explain the impact of" is about, what it protests)."""
    starts = [a for a, b in _modifier_spans(text) if a <= head < b]
    return bool(starts) and _last_actor(text[:min(starts)], text[min(starts):]) is True


def last_actor_is_foreign(before: str) -> bool | None:
    """Whether the last government named in `before` is foreign (False: Chinese; None: none)."""
    return _last_actor(before)


# Guidance a verb of doing has for its object, before the measure it is about ("issued new FAQs
# about its dual-use export controls", 发布指南…): the guidance is issued, not the measure; so
# is a statement, a comment or a report on it ("SEMI issues statement on U.S. export
# controls", 发表声明): its words are issued, the measure is their matter.
GUIDANCE_OBJECT = (r"\b(?:FAQs?|guidance|guidelines?|Q&As?|questions\s+and\s+answers|explainers?"
                   r"|handbooks?|manuals?|compliance\s+guides?|statements?|comments?|remarks"
                   r"|reports?|white\s+papers?|position\s+papers?|letters?|op-eds?"
                   # (or talk held on it: "strengthen dialogue on rare-earth export controls";
                   # sixty-sixth pass)
                   r"|dialogues?|communication|consultations?|talks|exchanges|cooperation)\b"
                   r"|指引|指南|问答|解读|声明|评论|白皮书|对话|沟通|磋商|交流")


def _verb_before(text: str, start: int) -> int | None:
    """The position of a verb of doing before a measure's name in its clause, if any."""
    clause = _clause_start(text, start)
    window = max(clause, start - 50)
    found = list(_compiled((DOING_VERBS,)).finditer(text, window, start))
    if found and _search(CAUSE_BEFORE_CONTROLS, text[found[-1].end():start]):
        # the measure is the verb's agent or cause ("production halted by China's export
        # restrictions", "halts production amid export curbs"), not what it acts on
        # (seventieth pass)
        return None
    return found[-1].start() if found else None


# A subordinator that opens a clause of its own time ("it would cancel the project after China
# added …"): a will or would before it is the main clause's, not the act's in it.
SUBORDINATOR = r"\b(?:after|since|following|because|once|now\s+that)\b"


# A participle of a done act qualifying its measure ("China's newly tightened export controls",
# "the recently imposed curbs"): done, whatever modal the main verb has ("could face disruption
# from China's newly tightened export controls").
DONE_PARTICIPLE_BEFORE = r"\b(?:newly|recently|previously|already)\s+$"


def _is_future(text: str, head: int, match: str) -> bool:
    if re.search(DONE_PARTICIPLE_BEFORE, text[:head], re.IGNORECASE) and re.match(
            r"\w+ed\b", text[head:]):
        return False
    if _search(FUTURE_IN_ACT, match) or _search(PROPOSED_BEFORE, text[:head]):
        return True
    start = _clause_start(text, head)
    clause = text[start:head]
    subordinate = list(re.finditer(SUBORDINATOR, clause, re.IGNORECASE))
    if subordinate:  # "would cancel … after China added …": the will is the main verb's
        start, clause = start + subordinate[-1].end(), clause[subordinate[-1].end():]
    if _search(DONE_TO, clause) or (_search(FUTURE_JUST_BEFORE, clause) and re.fullmatch(
            r"\s*to\s*", clause) and _search(DONE_TO_ACROSS, text[:start])):
        return False
    jiang = any(start + m.start() < head for m in re.finditer(FUTURE_JIANG, text[start:]))
    return bool(_search(FUTURE_BEFORE, clause) or _search(FUTURE_JUST_BEFORE, clause) or jiang
                or _search(CONSIDERED_BEFORE, clause))


def _rest_of_clause(text: str, end: int, spans: list[tuple[int, int]],
                    start: int | None = None) -> str:
    """The clause after a measure's name, without its relative and participial clauses."""
    stop = _clause_end(text, end)
    # (a measure named inside a clause that opens before it, "after the authorities said a
    # licensing requirement … will apply from September 15", has that clause's rest; a clause
    # that opens on the measure's own words, "the export controls China announced on Oct. 9",
    # is still its modifier)
    if start is not None:
        spans = [(a, b) for a, b in spans if not (a < start and end <= b)]
    kept = [c for i, c in enumerate(text[end:stop], end) if not _inside(spans, i)]
    return "".join(kept)


def _is_evaluated(text: str, end: int, spans: list[tuple[int, int]], has_verb: bool,
                  head: int | None = None) -> bool:
    """The measure named here is the subject of an evaluative predicate; an act told with its
    verb is, when a noun makes it one ("China's move to put … under licensing does not target
    any country": NOMINALIZED_BEFORE)."""
    if re.search(EVALUATIVE_ZH, text[end:end + 12]):
        return True
    if has_verb and not (head is not None and _search(NOMINALIZED_BEFORE, text[:head])):
        return False
    rest = _rest_of_clause(text, end, spans)[:120]
    found = _compiled(EVALUATIVE).search(rest)
    return bool(found) and not _compiled((DOING_VERBS,)).search(rest[:found.start()])


def _recent_event(text: str, head: int, end: int, spans: list[tuple[int, int]],
                  own_verb: bool = False) -> bool:
    """A relative or participial clause on this measure tells an event of the day or week; the
    clause runs on over a list of items to the day that ends it ("after the ministry announced
    export controls on tungsten, tellurium, bismuth and indium items on Tuesday"). An act told
    by its own verb of doing is its own event: a clause that tells it done on a day of the news
    ("after Beijing barred exports of dual-use goods to 28 American companies on Thursday")
    dates the act, as "announced" would."""
    for a, b in spans:
        if a <= head < b and _search(LONG_COUNT_BEFORE, text[max(0, a - 25):a]):
            return False  # "nearly two months after China introduced …": a term, not the day
        if a <= head < b and _dated_when(text, a):
            return True
        if re.match(SINCE_CLAUSE, text[a:b], re.IGNORECASE):
            continue  # "since" starts a period at the act: the act is when it began, not news
        clause = text[a:b] + (_list_tail(text[b:]) if a <= head < b else "")
        if own_verb and a <= head < b and (_search(RECENT, text[head:b]) or _search(
                RECENT + r"[\s,]*$", text[a:head])):
            # the act's own verb, dated to a day of the news, after it or just before it
            # ("after Beijing on Tuesday named …")
            return True
        if own_verb and a <= head < b and re.match(AFTER_CLAUSE, text[a:b], re.IGNORECASE) \
                and _search(RECENT, text[:a]) and not _compiled(HISTORY).search(text[a:b]):
            return True  # what the day's news follows ("were busy on Monday …, after …")
        if (a <= head < b or end <= a <= end + 100) and _search(MODIFIER_EVENT, clause) \
                and _search(RECENT, clause):
            return True
    return False


# An act the text dates to an earlier month or year is history, not the news ("issued … last
# November", "in 2023", 去年), unless the same sentence names the day of the news
# (pipelines.classify._is_history).
HISTORY: Patterns = (
    r"\blast (?:year|month|January|February|March|April|May|June|July|August|September|October"
    r"|November|December|spring|summer|autumn|fall|winter)\b",
    r"\b(?:in|since) (?:19|20)\d\d\b",
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) (?:19|20)\d\d\b",
    r"去年|上月|前年|\d{4}年\d{1,2}月",
)
# A day of a month an event is dated to ("took effect on Sept 15"): a date of its own, which a
# day of the news elsewhere in the sentence does not replace (a start day, "will apply from
# September 15", is no such date).
DAY_OF_MONTH = r"\bon\s+(?:" + MONTH + r"[a-z]*\.?\s+\d|\d{1,2}\s+" + MONTH + ")"
# A long count just before an after-clause ("nearly two months after", "a year after"): the
# act it dates is a term ago, not the day's news.
LONG_COUNT_BEFORE = (r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several"
                     r"|many|a\s+few)\s+(?:months|years|weeks)\s*$"
                     r"|(?<!\bfor\s)\b(?:a|one)\s+(?:month|year)\s*$")
# An after-clause: the act in it is what the main clause's event follows.
AFTER_CLAUSE = r"\s*(?:after|following)\b"
# A since-clause: the act in it starts the period the sentence measures ("the first shipment
# since China placed antimony under export control left the factory on Tuesday"), so a day
# later in the sentence dates the main event, not the act.
SINCE_CLAUSE = r"\s*(?:(?:ever\s+)?since\b|自从)"
# The rest of a list of items the clause ends in: items of a few words each, after commas, the
# last to the sentence's end (", tellurium, bismuth, molybdenum and indium related items on
# Tuesday."); a comma followed by a longer stretch opens another clause.
LIST_ITEM = r"\s*,\s*(?:and\s+|or\s+)?[\w-]+(?:\s+[\w-]+){0,2}(?=\s*,)"
LIST_LAST = r"\s*,\s*(?:and\s+|or\s+)?[\w-]+(?:\s+[\w-]+){0,9}\s*(?:[.;]|$)"


def _list_tail(rest: str) -> str:
    """The rest of a list of items that runs to the sentence's end, or nothing."""
    m = re.match(f"(?:{LIST_ITEM})*{LIST_LAST}", rest)
    return m.group(0) if m else ""


def _dated_when(text: str, at: int) -> bool:
    """A when- or after-clause that dates the day named just before it ("came on Sunday, when
    the ministry suspended …", "shares rose on Thursday after MOFCOM confirmed …"): the clause
    tells that day's event, not background."""
    if not re.match(r"(?:when|after|following)\b", text[at:], re.IGNORECASE):
        return False
    if re.search(r"(?:" + RECENT + "|" + NEXT_DAY + r")[\s,]*$", text[max(0, at - 30):at],
                 re.IGNORECASE):
        return True
    # trade resumed or a market moved after an act: the act is the day's cause, unless the
    # clause dates it earlier ("orders return after controls announced last month were put
    # on hold")
    return bool(re.search(r"(?:" + RESUMED + r")[\s,]*$", text[max(0, at - 60):at], re.IGNORECASE)
                or re.search(MARKET_MOVED, text[max(0, at - 90):at], re.IGNORECASE)) and not \
        _compiled(HISTORY).search(text[at:_clause_end(text, at)])


# A market's move told in the present before an after-clause ("Hanwha Ocean shares slide after
# China sanctions …"): the clause tells the day's cause of the move, not background.
MARKET_MOVED = (r"\b(?:shares?|stocks?|prices?|futures)\s+(?:\w+\s+){0,8}?(?:slides?|falls?"
                r"|drops?|tumbles?|plunges?|sinks?|jumps?|soars?|rises?|rall(?:y|ies)|surges?"
                r"|spikes?"
                # the same move told in the past ("the price of tungsten products in the
                # European market rose after China announced …")
                r"|slid|fell|dropped|tumbled|plunged|sank|jumped|soared|rose|rallied|surged"
                r"|spiked|climbed)[\s,]*$")


# Trade a measure had stopped, resuming: the after-clause that follows tells its cause, the act
# ("deliveries had resumed after the applications were approved").
RESUMED = (r"\b(?:resum(?:e|es|ed|ing)|restart(?:s|ed|ing)?|restored"
           r"|(?:flows?|flowed|flowing|ships?|shipped|moves?|moved)\s+again"
           # goods that began arriving, or arrive again ("began arriving in Poland again")
           r"|(?:began|begin|begins|started|starts)\s+(?:arriving|flowing|moving|shipping)"
           r"|(?:arriv\w*|reach\w*)(?:\s+[\w’'-]+){0,4}?\s+again)"
           # what resumed and where may come between ("resume chip shipments after …",
           # "can flow again to a Belgian refiner after …")
           r"(?:\s+[\w’'-]+){0,6}?")


# "suspended" as an adjective before a measure's noun, after a determiner or a possessive
# ("China's suspended export controls"): the measure's state, not an act of suspending.
SUSPENDED_STATE = (r"^suspended\s+(?:[\w-]+\s+){0,2}?(?:controls?|measures?|rules?|curbs"
                   r"|restrictions?|bans?|tariffs?|duties|provisions?|paragraph|clause|listings?)\b")
DETERMINER_BEFORE = r"(?:\bthe|\bits|\btheir|[’']s|\bthose|\bthese)\s+$"


# Firms that stop or halt their own trade ("Chinese state-owned enterprises stop new rare earth
# export contracts with Japanese companies", 国企停止…出口合同) take a business decision, not the
# regime's act, unless told to (`_other_sense`; sixty-seventh pass)
FIRMS_STOP_BEFORE = (r"\b(?:state[\s-]owned\s+|Chinese\s+|some\s+|several\s+)*(?:enterprises"
                     r"|compan(?:y|ies)|firms?|makers?|manufacturers?|producers?|suppliers?"
                     r"|exporters?|traders?|sellers?|smelters?|refiners?|refineries|SOEs)\s+"
                     r"(?:(?:have|has|had|will|would|also)\s+)?$"
                     r"|(?:企业|公司|国企|厂商|厂家|供应商)(?:已|将|决定|开始)?$")
FIRMS_TOLD_BEFORE = (r"\b(?:order|tell|told|instruct|ask|direct|urg|requir|forc)\w*\b"
                     r"|要求|命令|指示|责令")
# A prison term suspended is a court's leniency, not a measure suspended ("sentenced to three
# years in prison, suspended for four years", a suspended sentence).
SUSPENDED_TERM_BEFORE = r"\b(?:prison|jail|imprisonment|sentenced|probation)\b[^.;:]{0,30}$"
SUSPENDED_TERM_AFTER = r"^\s*(?:sentences?|terms?|jail|prison)\b"
# What a suspension stops, when it is a tariff (暂停实施24%的加征关税税率, "suspends the additional
# 24% tariff"): a decision on tariffs, which the tariff category holds in either direction.
# The duties may be told as the levy (停止执行…加征最高15%税款的措施, `dev-548`).
SUSPENDED_TARIFF_AFTER = (r"^[^.;:,，。；]{0,30}?(?:(?<!non-)(?<!non )\btariffs?\b|\bduties\b"
                          r"|(?<!非)关税|税率|\b(?:higher|lower|tariff|duty|additional)\s+rates?\b"
                          r"|加征[^，。；]{0,12}税款)")


# The same, the tariff its subject before "stays suspended" ("The 24% additional tariff on US
# goods stays suspended for another 90 days").
SUSPENDED_TARIFF_BEFORE = r"(?:\btariffs?\b|\bduties\b|关税)[^.;:,，。；]{0,30}$"


# A licence obtained by deception, or revoked, is an offence or a penalty, not a licence granted
# (以欺骗手段取得…许可的案件, 撤销该公司已取得的许可证).
OFFENCE_LICENCE_BEFORE = r"(?:欺骗|骗取|伪造|虚假|撤销|吊销|收回)[^，。；]{0,12}$"
RECEIVED_ZH = r"^(?:获得|取得|拿到)"


def _other_sense(sentence: str, category: Category, m: re.Match[str]) -> bool:
    """A suspension word in a court's sense (a suspended prison term) names no measure; a
    licence obtained by deception or revoked is no licence granted; firms stopping their own
    trade take a business decision (FIRMS_STOP_BEFORE), no control."""
    if category is Category.CONTROLLED_ITEM_CHANGE and re.match(
            r"(?:stop|halt|cease|end|停止|暂停)", m.group(0), re.IGNORECASE):
        before = sentence[_clause_start(sentence, m.start()):m.start()]
        if _search(FIRMS_STOP_BEFORE, before) and not _search(FIRMS_TOLD_BEFORE, before):
            return True  # a firm's business decision
    if category is Category.LICENSING and _search(RECEIVED_ZH, m.group(0)):
        return bool(_search(OFFENCE_LICENCE_BEFORE, sentence[max(0, m.start() - 20):m.start()]))
    return category is Category.SUSPENSION and bool(
        _search(SUSPENDED_TERM_BEFORE, sentence[max(0, m.start() - 60):m.start()])
        or _search(SUSPENDED_TERM_AFTER, sentence[m.end():m.end() + 20]))


def _goods_put_on_a_list(act: str) -> bool:
    """What an act adds to a list is goods (a subject of the glossary, no entity named): the
    controlled goods' list, not a listing of entities ("adds graphite to export control list")."""
    added = re.match(r"(?:adds?|added|adding|puts?|putting|places?|placed|includ(?:es?|ed|ing))"
                     r"\s+(?P<obj>.+?)\s+(?:to|on|in)\b(?P<list>.*)", act, re.IGNORECASE)
    if not added or _search(r"\bentit(?:y|ies)\b|\bunreliable\b|\bwatch\s+list", added["list"]):
        return False  # lists of entities only
    if _search(r"\b(?:entit(?:y|ies)|compan(?:y|ies)|firms?|organi[sz]ations?|individuals?"
               r"|persons?|people|makers?|manufacturers?|producers?|suppliers?|partners?"
               r"|contractors?|groups?|corp\w*|subsidiar\w*|units?|institut\w*|universit\w*)\b"
               r"|\d", added["obj"]):
        return False
    return any(not t.generic for t, _, _ in spans(added["obj"], ("subject",)))


def _own_category(sentence: str, category: Category, m: re.Match[str]) -> Category:
    """A suspension of tariffs is a tariff decision; items added to a list in the passive are a
    control (ITEMS_BEFORE_PASSIVE)."""
    if category is Category.ENTITY_LISTING and re.match(r"(?:added|placed|put|included)\b",
                                                         m.group(0), re.IGNORECASE) \
            and _search(ITEMS_BEFORE_PASSIVE, sentence[max(0, m.start() - 40):m.start()]):
        return Category.CONTROLLED_ITEM_CHANGE
    if category is Category.ENTITY_LISTING and _goods_put_on_a_list(m.group(0)):
        return Category.CONTROLLED_ITEM_CHANGE  # "China Adds Graphite to Export Control List"
    if category is Category.SUSPENSION and _search(
            SUSPENDED_TARIFF_AFTER, sentence[m.end():]) and not _search(TARIFF_ACT, m.group(0)):
        return Category.TARIFF
    if category is Category.SUSPENSION and _search(r"\btariffs?\b|\bduties\b|\blevies\b|关税",
                                                   m.group(0)):
        return Category.TARIFF
    if category is Category.SUSPENSION and re.match(r"(?:stays?|remains?)\s", m.group(0)) \
            and _search(SUSPENDED_TARIFF_BEFORE, sentence[max(0, m.start() - 40):m.start()]):
        return Category.TARIFF  # "The 24% additional tariff on US goods stays suspended …"
    return category


def first_part(text: str, limit: int) -> str:
    """text cut to at most limit characters, at the last comma, semicolon or space before it
    (at limit when there is none)."""
    cut = max(text.rfind(mark, 0, limit) for mark in ("，", ",", "；", ";", "、", " "))
    return text[:cut if cut > limit // 2 else limit]


# A "sentence" longer than this is no prose (a page's title repeated, a paragraph with no full
# stop): only its first part is read, so that the work per page stays bounded (the patterns
# below cost the square of a sentence's length).
LONGEST_READ = 1000


def read_acts(sentence: str) -> list[Act]:
    """Every act a sentence (or headline) reports, in order (of a sentence longer than
    LONGEST_READ, its first part, cut at a comma or a space)."""
    if len(sentence) > LONGEST_READ:
        sentence = first_part(sentence, LONGEST_READ)
    spans = _modifier_spans(sentence)
    found = []
    for category, patterns in NEWS_ACTS:
        for m in _compiled(patterns).finditer(sentence):
            if _other_sense(sentence, category, m):
                continue
            found.append((_act(sentence, _own_category(sentence, category, m), m, spans), m.span()))
    # a measure a suspension's verb governs is what is suspended, not a second act
    # ("suspends countermeasures against five US firms" is a suspension, not a listing), and so
    # is one named inside the suspension's own words ("export controls that were due … have been
    # put on hold")
    suspensions = [(a, span) for a, span in found if a.category is Category.SUSPENSION]
    # (or right before them: 出口管制措施暂停实施 suspends the measures it names)
    kept = [(a, (start, end)) for a, (start, end) in found
            if a.category is Category.SUSPENSION or not any(
                a.head == suspension.head or (start < s_end and s_start < end)
                or (0 <= s_start - end <= 3
                    and re.fullmatch(r"\s*(?:的?措施)?", sentence[end:s_start]))
                for suspension, (s_start, s_end) in suspensions)]
    # a ban named inside a listing's own words ("Export ban imposed on 20 more Japanese
    # entities") is what the listing does to the parties, not a control of goods; an export
    # permit inside a licence's own words ("their export permits had come through") is the
    # licence received, not a control either
    covering = [span for a, span in found if a.category is Category.ENTITY_LISTING
                or (a.category is Category.LICENSING and a.done
                    and _search(LICENCE_ARRIVED, sentence[span[0]:span[1]]))]
    spanned = [(a, end) for a, (start, end) in kept
               if a.category is not Category.CONTROLLED_ITEM_CHANGE or not any(
                   start < c_start < end or c_start <= start < c_end
                   for c_start, c_end in covering)]
    # a licence or an approval named inside a requirement's own words ("technologies require
    # approval before export", "must secure a dual-use items export licence") is what the
    # control requires, not a licence granted
    required = [span for a, span in found if a.category is Category.CONTROLLED_ITEM_CHANGE]
    inside = {id(a) for a, (start, end) in found if a.category is Category.LICENSING and any(
        r_start <= start and end <= r_end for r_start, r_end in required)}
    spanned = [(a, end) for a, end in spanned if id(a) not in inside]
    # a participle clause that follows an act after a comma tells what that act does ("added
    # 15 US entities to its export control list, banning exports of dual-use items to them"):
    # the act's content, not a second act
    spanned = [(a, end) for a, end in spanned if not (
        _elaborates(sentence, a.head) and any(b.head < a.head for b, _ in spanned))]
    # acts of one verb in the order of their words: the verb's object first ("imposes export
    # restrictions on key metals amid US tariff increase" imposes restrictions)
    return [a for a, _ in sorted(spanned, key=lambda pair: (pair[0].head, pair[1]))]


# A participle opening its clause after a comma, which tells the content or effect of the act
# before it (", banning …", ", barring …", ", requiring …").
ELABORATING_PARTICIPLE = r",\s*$"


def _elaborates(sentence: str, head: int) -> bool:
    """The act at head is told by a participle ("…ing") that opens its clause right after a
    comma (ELABORATING_PARTICIPLE)."""
    return bool(re.match(r"[a-z]+ing\b", sentence[head:])
                and re.search(ELABORATING_PARTICIPLE, sentence[:head]))


def _traders_own_halt(verb: str, before: str) -> bool:
    """Trade told paused ("deliveries were paused") or traders halting their own business
    ("some distributors suspended the quotation"): no measure suspended."""
    if re.match(r"paus", verb, re.IGNORECASE) and _search(TRADE_PAUSED_BEFORE, before):
        return True
    return bool(re.match(r"paus|suspend", verb, re.IGNORECASE)) and bool(
        _search(TRADE_ACTOR_BEFORE, before))


def _suspension_period(text: str, category: Category, m: re.Match[str]) -> bool:
    """A suspension named as the period it is in force (SUSPENSION_PERIOD_BEFORE, _AFTER)."""
    return category is Category.SUSPENSION and bool(
        _search(SUSPENSION_PERIOD_BEFORE, text[max(0, m.start() - 40):m.start()])
        or _search(SUSPENSION_PERIOD_AFTER, text[m.end():m.end() + 12]))


# A period since an earlier time before a requirement in its sentence (9月中旬以来，…).
SINCE_PERIOD_ZH = r"以来[^。；]{0,80}$"


# A start day opening a requirement's sentence ("From Tuesday, …", "Since Friday, …").
DAY_FIRST = r"^\s*(?:from|since|starting|beginning|as of)\s+[^,.;:]{0,30},"


# A modal of ability or possibility just before a licence's receiving verb ("exporters can
# still obtain licences", 企业可以获得许可): what may be received, not a licence received.
# (May the month before its verb, "since May had cleared", is no modal)
ABLE_BEFORE = (r"(?:\b(?:can|could|may(?!\s+(?:had|has|was|were|is|are)\b)|might"
               r"|(?:are|is|be) able to)\s+(?:\w+\s+)?"
               r"|(?:可以|(?<!许)可|能够|能|有望))$")


def _act(text: str, category: Category, m: re.Match[str],
         spans: list[tuple[int, int]]) -> Act:
    own_verb = bool(_search(ACT_VERB, m.group(0))) or category is Category.ENFORCEMENT
    verb_at = None if own_verb else _verb_before(text, m.start())
    if verb_at is not None and _inside(spans, m.start()) and not _inside(spans, verb_at):
        verb_at = None  # a verb outside a since/after or relative clause acts on something else
    if verb_at is not None and category is not Category.TARIFF \
            and re.match(FACED, text[verb_at:], re.IGNORECASE):
        verb_at = None  # a duty is faced; other measures' names after "face" are no act done
    if verb_at is not None and re.search(GUIDANCE_OBJECT, text[verb_at:m.start()], re.IGNORECASE):
        verb_at = None  # guidance issued about the measure ("issued new FAQs about its … controls")
    head = m.start() if verb_at is None else verb_at
    if category is Category.CONTROLLED_ITEM_CHANGE and _search(REQUIRED_ZH, m.group(0)) \
            and _search(SINCE_PERIOD_ZH, text[:m.start()]):
        # a requirement in force since an earlier time (9月中旬以来，…出口须向商务部申请许可):
        # a state the story stands in, no act done
        return Act(category, head, False, False, False, _inside(spans, head), False, False)
    if own_verb and _search(DAY_FIRST, m.group(0)):
        # a requirement told after its start day ("Since Friday, exporters have had to obtain
        # …"): the day is an adverb of the requirement's own verb, no since-clause of
        # background; the act stands at its verb
        head = m.start() + _search(ACT_VERB, m.group(0)).start()
    passive = _search(PASSIVE_VERB, m.group(0))
    if passive and not re.match(r"approv", m.group(0), re.IGNORECASE):
        head = m.start() + passive.start()  # the act's time and actor are its verb's
    rest = _rest_of_clause(text, m.end(), spans, m.start())[:100]
    event = bool(_compiled((EVENT_AFTER,)).search(rest)) or bool(
        _search(NOUN_BAN, m.group(0)) and _search(ANNOUNCING_AFTER, rest))
    negated = bool(re.search(NEGATED_BEFORE, text[max(0, head - 25):head], re.IGNORECASE)) or (
        category is Category.LICENSING and not own_verb
        and bool(re.search(SOUGHT_BEFORE, text[max(0, m.start() - 30):m.start()], re.IGNORECASE))
    ) or (
        category is Category.LICENSING and own_verb
        and bool(re.search(HELD_UP_BEFORE, text[max(0, head - 30):head], re.IGNORECASE)))
    if not own_verb and _search(CHANGED_OBJECT_BEFORE, text[max(0, m.start() - 60):m.start()]):
        return Act(category, head, False, False, False, _inside(spans, head), False, False)
    if category is Category.SUSPENSION and _traders_own_halt(
            m.group(0), text[max(0, m.start() - 60):m.start()]):
        return Act(category, head, False, False, False, _inside(spans, head), False, False)
    if category is Category.SUSPENSION and _search(SUSPENDED_STATE, text[m.start():]) \
            and _search(DETERMINER_BEFORE, text[max(0, m.start() - 20):m.start()]):
        # "China's suspended export controls", "the suspended measures": a state named, no act
        return Act(category, head, False, False, False, _inside(spans, head), False, False)
    if _search(ENDING_BEFORE, text[max(0, m.start() - 60):m.start()]) or _search(
            ENDING_AFTER, text[m.end():]) or _suspension_period(text, category, m):
        return Act(category, head, False, False, False, _inside(spans, head), False, False)
    questioned = bool(_search(QUESTIONED, text[:head])) or bool(
        re.search(QUESTIONED_AFTER, text[m.end():]))
    main = _without_relatives_before(text, head)
    if category is Category.LICENSING and re.search(
            ABLE_BEFORE, text[max(0, head - 30):head], re.IGNORECASE):
        negated = True  # a licence one can obtain: what may be received, none received
    return Act(
        category=category,
        head=head,
        done=(own_verb or verb_at is not None or event) and not negated,
        future=_is_future(main, head, m.group(0)),
        foreign=_actor_is_foreign(main, head, m.end(), spans),
        background=_inside(spans, head) or questioned,
        evaluated=_is_evaluated(text, m.end(), spans, own_verb or verb_at is not None or event,
                                head),
        recent_event=_recent_event(text, head, m.end(), spans, (own_verb or (
            event and not _search(DAY_OF_MONTH, text[m.end():_clause_end(text, m.end())])))
            and not negated)
        and not questioned,
        negated=negated,
        joint=bool(_search(BOTH_SIDES, text[_clause_start(text, head):head])),
        promised=bool(_search(FUTURE_IN_ACT, m.group(0))),
        considered=bool(_search(CONSIDERED_BEFORE, text[_clause_start(text, head):head])),
    )


def shows_instrument(text: str) -> bool:
    """The text shows the instrument of an act it announces (a start date, an issued text)."""
    return bool(_compiled(INSTRUMENT).search(text))


def says_instrument_is_to_come(text: str) -> bool:
    """The text says the instrument of an act it announces is still to come."""
    return bool(_compiled(INTENT_MARKERS).search(text))


# A paragraph of a transcript opens with its speaker's label (Q:, A:, GT:, Qiao:, 【问】, 答：),
# in Chinese also an official's office and name (中国商务部新闻发言人束珏婷：, 商务部新闻发言人
# 何咏前:).
SPEAKER_LABEL = (r"^\s*(?:【[^】]{1,6}】|(?:Q|A|问|答)\s*[:：]|[\u4e00-\u9fff]{1,5}\s*[:：]"
                 r"|[\u4e00-\u9fff]{0,16}(?:发言人|部长|司长|负责人|局长|主任|大使)\s*"
                 r"[\u4e00-\u9fff·]{0,5}\s*[:：]"
                 r"|(?!Editor)[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,2}\s*:\s)")
TRANSCRIPT_MIN_TURNS = 3


def speaker_turns(body: str) -> tuple[int, int]:
    """(paragraphs opened by a speaker's label, paragraphs)."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    return sum(bool(re.match(SPEAKER_LABEL, p)) for p in paragraphs), len(paragraphs)


def is_transcript(body: str) -> bool:
    """A Q&A or an interview: half its paragraphs or more are speakers' turns, whose words are
    the speakers', not the writer's."""
    turns, paragraphs = speaker_turns(body)
    return turns >= TRANSCRIPT_MIN_TURNS and 2 * turns >= paragraphs


# A paragraph that is one short question alone (为何是这几种关键物项？, 如何管制？): a heading
# of an explainer, which the paragraphs after it answer.
# (with its English after a slash on a bilingual page: 为什么镓锗如此重要?/Why are Gallium and
# Germanium So Important?; sixty-eighth pass)
QUESTION_HEADING = (r"^[^。！？?!.，,；;]{1,16}[？?]"
                    r"(?:\s*/\s*(?:Why|How|What|Which|Who|When|Where|Is|Are|Can|Will|Does|Do)\b"
                    r"[^.!?]{1,80}\?)?$")
# An explainer's question in English, as a sentence of its own ("What is tungsten and why is it
# important?", "How are rare earths used?"): a plain question about a thing, with no modal, no
# negation and no "you" or "we" (which a rhetorical question has: "Why should Washington …?",
# "Isn't it …?"), the reader's question the text answers ("us" with its case: "US" is a state).
EXPLAINER_QUESTION = (r"^\s*(?:What|Why|How|Which|Who|Where|When)\s+(?:is|are|was|were|does|do"
                      r"|did)\s+(?![^?]*\b(?:should|would|could|must|can|cannot|will|shall|might"
                      r"|may|ought|not|you|your|we|our|(?-i:us))\b)(?![^?]*n['’]t\b)"
                      r"(?:[\w'’.,-]+\s+){0,10}[\w'’.-]+\s*\?\s*$")


def voice(body: str, title: str = "", asides: bool = True) -> tuple[int, int]:
    """(sentences that report what others said, sentences that argue in the writer's voice); the
    headline is the writer's own sentence too ("Washington should not misread it"); the
    writer's asides to the reader (ASIDES) argue unless asides is False."""
    own = "\n".join(p for p in _compiled((QUOTED,)).sub(" ", body).split("\n")
                    if not re.match(SPEAKER_LABEL, p))
    headline = _compiled((QUOTED,)).sub(" ", title).strip()
    reporting = arguing = 0
    sentences = [headline] if headline else []
    for paragraph in own.split("\n"):
        if re.match(QUESTION_HEADING, paragraph.strip()):
            continue  # an explainer's heading (为何此时加强出口管制？), not the writer's argument
        if headline and re.sub(r"\s+", "", paragraph) == re.sub(r"\s+", "", headline):
            continue  # the headline again at the body's head: read once (sixty-eighth pass)
        if re.match(RULE_REPORTED, paragraph.strip(), re.IGNORECASE):
            reporting += len(split_sentences(paragraph))  # a rule's duties, reported
        else:
            sentences += split_sentences(paragraph)
    seen: set[str] = set()
    told = re.sub(r"\s+", "", headline)
    for n, sentence in enumerate(sentences):
        said = re.sub(r"\s+", "", sentence)
        if len(said) >= REPEAT_MIN_CHARS and (said in seen or (
                n and headline and len(told) >= REPEAT_MIN_CHARS and told in said)):
            continue  # said again: the headline in a breadcrumb or an image's text, once
        seen.add(said)
        if re.match(EXPLAINER_QUESTION, sentence, re.IGNORECASE):
            continue  # the reader's question, which the explainer answers
        if re.search(WRITER_I, sentence):
            arguing += 1  # "I have reported …" is the writer's own voice, not a report
        elif _compiled(REPORTING).search(re.sub(WRITER_SAYS, " ", sentence)) \
                or re.search(DUTY_REPORTED, sentence, re.IGNORECASE):
            reporting += 1
        elif _compiled(ARGUING).search(sentence) or re.search(ARGUING_PRONOUNS, sentence) or (
                asides and re.search(ASIDES, sentence)):
            arguing += 1
    return reporting, arguing


def argues(body: str, title: str = "", asides: bool = True) -> bool:
    """The text argues in its own voice more than it reports (an opinion piece)."""
    reporting, arguing = voice(body, title, asides)
    return arguing >= OPINION_MIN_ARGUING and arguing > reporting
