"""Write the demo's bundled history and its new official sources into demo/nights/ (idempotent).

The first night (2025-10-09) is a backfill: the demo runs with backfill_since = 2023-07-01, so
it walks MOFCOM's 2023, 2024 and 2025 announcement indexes (page 1 and the JPaaS pages behind
them) and the policy list's JPaaS pages. What this script writes (demo/README.md says it too):

- the 2024 index: Nos. 1-51 of 2024 except Nos. 47 and 48 (the deliberate number gap), page 1
  plus JPaaS pages 2 and 3; Nos. 33, 46 and 51 are the real pages (copies of the samples), the
  others are made-up trade-remedy announcements;
- the 2023 index from July 2023 (Nos. 23 and 39 real, three made up) and its JPaaS page 2,
  whose items are older than 2023-07-01 (where the walk stops);
- the samples' 2020-2022 indexes (one announcement each), for a crawl of the first night with
  the default backfill_since (the demo does not read them);
- from every night on: aqygzj.mofcom.gov.cn (No. 21 of 2025, and the 2024 control list), the
  English site (No. 61 of 2025 in English, No. 70's from 2025-11-08), the press lists (a
  transcript of 2025-09-25, the one of 2025-11-13 from that night, a readout of 2025-09-15 and
  the 8th-round readout of 2026-09-28 from that night);
- from 2025-11-08 on: page 2 of the Customs announcement list (three older announcements).

Run: python demo/make_history.py SAMPLES   (SAMPLES: the saved pages the real ones come from;
the files it writes are committed, so the demo needs neither the script nor the samples).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

NIGHTS = Path(__file__).resolve().parent / "nights"
FIRST = "2025-10-09"
WWW = "www.mofcom.gov.cn"
WEB_ID, TPL = "5fce1c9c898807554beaa5151c0db784", "NYWDrQM36vXN05IqkveVW"
PAGE_IDS = {2023: "64098b33a7a82cce13fff3bdcd0fac08", 2024: "8cc423bd56b921bcbaf8c17723fd79b9"}
GAP_2024 = {47, 48}
ORIGINS = ["美国", "欧盟", "日本", "台湾地区", "印度"]
PRODUCTS = ["共聚聚甲醛", "卤化丁基橡胶", "间甲酚", "聚苯硫醚", "不锈钢钢坯", "丙酸", "正丁醇",
            "碘化氢", "乙丙橡胶", "聚氯乙烯", "光纤预制棒", "邻氯对硝基苯胺", "苯酚", "氢碘酸",
            "三元乙丙橡胶", "赖氨酸", "牛肉", "猪肉", "乳制品", "白兰地", "酚醛树脂", "聚碳酸酯",
            "环氧氯丙烷", "丁腈橡胶", "甲基丙烯酸甲酯"]
ACTIONS = [("发起反倾销立案调查", "商务部决定自本公告发布之日起对原产于{o}的进口{p}进行反倾销立案调查。"),
           ("反倾销调查最终裁定", "商务部裁定，原产于{o}的进口{p}存在倾销，国内产业受到实质损害。"),
           ("期终复审裁定", "商务部裁定，如果终止反倾销措施，原产于{o}的进口{p}对中国的倾销可能继续。")]


def art_hex(key: str) -> str:
    return hashlib.sha256(f"regwatch-demo-{key}".encode()).hexdigest()[:32]


def dates_2024() -> dict[int, date]:
    """Publication dates of Nos. 1-51 of 2024 (33, 46 and 51 are the real ones)."""
    found = {n: date(2024, 1, 5) + timedelta(days=7 * (n - 1)) for n in range(1, 33)}
    found |= {n: date(2024, 8, 22) + timedelta(days=7 * (n - 34)) for n in range(34, 46)}
    found |= {33: date(2024, 8, 15), 46: date(2024, 12, 3), 49: date(2024, 12, 10),
              50: date(2024, 12, 20), 51: date(2024, 11, 15)}
    return {n: d for n, d in found.items() if n not in GAP_2024}


def filler(year: int, n: int, day: date) -> tuple[str, str, str]:
    """(url path, title, page) of a made-up MOFCOM announcement."""
    origin, product = ORIGINS[n % len(ORIGINS)], PRODUCTS[(n * 7 + year) % len(PRODUCTS)]
    action, sentence = ACTIONS[n % len(ACTIONS)]
    title = f"商务部公告{year}年第{n}号 关于对原产于{origin}的进口{product}{action}的公告"
    path = f"/zcfb/blgg/gg/{year}/art/{year}/art_{art_hex(f'{year}-{n}')}.html"
    body = [
        "【发布单位】贸易救济调查局", f"【发布文号】商务部公告{year}年第{n}号",
        f"【发文日期】{day.year}年{day.month:02d}月{day.day:02d}日",
        f"根据《中华人民共和国反倾销条例》的规定，商务部对原产于{origin}的进口{product}进行了调查。"
        "现将有关事项公告如下：",
        "一、" + sentence.format(o=origin, p=product),
        "二、本公告自公布之日起实施。", "商务部", f"{day.year}年{day.month}月{day.day}日",
    ]
    return path, title, mofcom_page(title, day, "贸易救济调查局", body)


def mofcom_page(title: str, day: date, unit: str, paragraphs: list[str],
                site: str = "中华人民共和国商务部", column: str = "公告") -> str:
    text = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="SiteName" content="{site}">
<meta name="ColumnName" content="{column}">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{day.isoformat()} 10:00">
<meta name="ContentSource" content="{unit}">
<title>{title}_{site}</title>
</head>
<body>
<div class="header"><div class="logo"><a href="/">{site}</a></div></div>
<div class="art-main">
  <h1 class="art-title">{title}</h1>
  <div class="art-info"><span class="time">{day.isoformat()} 10:00</span><span class="source">来源：{unit}</span></div>
  <div class="art-con art-con-bottonmLine" id="zoom">
{text}
  </div>
</div>
<div class="footer"><p>主办单位：{site}</p></div>
</body>
</html>
"""


def list_items(items: list[tuple[str, str, date]]) -> str:
    return "\n".join(f'  <li><a href="{url}" title="{title}" target="_blank">{title}</a>'
                     f"<span>{day.isoformat()}</span></li>" for url, title, day in items)


def list_page(title: str, column: str, items: list[tuple[str, str, date]], *,
              page_id: str | None = None, pages: int = 1, site: str = "中华人民共和国商务部",
              lang: str = "zh-CN") -> str:
    config = (f'<script type="text/javascript">\nvar jpaasConfig = {{webId: "{WEB_ID}", '
              f'pageId: "{page_id}", tplSetId: "{TPL}"}};\n</script>') if page_id else ""
    pager = "".join(f'<a href="javascript:;" data-page="{p}">{p}</a>' for p in range(2, pages + 1))
    if pages > 1:
        pager += '<a href="javascript:;" class="layui-laypage-next" data-page="2">下一页</a>'
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="ColumnName" content="{column}">
{config}</head>
<body>
<div class="header"><div class="logo"><a href="/">{site}</a></div></div>
<div class="listCon">
<ul class="txtList_01">
{list_items(items)}
</ul>
<div class="layui-laypage layui-laypage-default"><span class="layui-laypage-curr"><em class="layui-laypage-em"></em><em>1</em></span>{pager}</div>
</div>
<div class="footer"><p>主办单位：{site}</p></div>
</body></html>
"""


def jpaas_file(page_id: str, number: int) -> str:
    return (f"{WWW}/api-gateway/jpaas-publish-server/front/page/build/unit?pageId={page_id}"
            f'&pageType=column&paramJson={{"pageNo":{number},"pageSize":20}}'
            f"&parseType=bulidstatic&tagId=信息列表&tplSetId={TPL}&webId={WEB_ID}")


def jpaas_answer(items: list[tuple[str, str, date]], total: int) -> str:
    html = '<ul class="txtList_01">' + "".join(
        f'<li><a href="{u}" title="{t}" target="_blank">{t}</a><span>{d.isoformat()}</span></li>'
        for u, t, d in items) + "</ul>"
    return json.dumps({"data": {"html": html, "total": total}}, ensure_ascii=False) + "\n"


class Writer:
    def __init__(self, samples: Path) -> None:
        self.samples = samples

    def write(self, night: str, path: str, text: str) -> None:
        target = NIGHTS / night / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def copy(self, night: str, path: str, sample: str | None = None) -> None:
        target = NIGHTS / night / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.samples / (sample or path), target)

    def nights(self, since: str = FIRST) -> list[str]:
        return sorted(p.name for p in NIGHTS.iterdir() if p.is_dir() and p.name >= since)


# --- the first night's history --------------------------------------------------------------


def index_2024(w: Writer) -> None:
    real = {33: ("/zwgk/zcfb/art/2024/art_a4711acb06364199a3c5a06d7f2be6d8.html",
                 "商务部 海关总署公告2024年第33号 关于对锑等物项实施出口管制的公告"),
            46: ("/zcfb/blgg/gg/2024/art/2024/art_1f22e2926a1d49b88d6b329549afcbdc.html",
                 "商务部公告2024年第46号 关于加强相关两用物项对美国出口管制的公告"),
            51: ("/zcfb/blgg/gg/2024/art/2024/art_625107fb117be51ae95f5ab834f5c272.html",
                 "商务部 工业和信息化部 海关总署 国家密码管理局公告2024年第51号 关于发布《中华人民共和国"
                 "两用物项出口管制清单》的公告")}
    items = []
    for n, day in dates_2024().items():
        if n in real:
            path, title = real[n]
            w.copy(FIRST, WWW + path)
        else:
            path, title, page = filler(2024, n, day)
            w.write(FIRST, WWW + path, page)
        items.append((path, title, day))
    items.sort(key=lambda i: (i[2], i[0]), reverse=True)
    write_index(w, 2024, items)


def index_2023(w: Writer) -> None:
    items = [("/zcfb/blgg/art/2023/art_f6b1bc49e2c8482f8eb749012bc66dec.html",
              "商务部 海关总署公告2023年第39号 关于优化调整石墨物项临时出口管制措施的公告", date(2023, 10, 20)),
             ("/zcfb/dwmygl/art/2023/art_52b9a321087f402bb3d310d18b07967e.html",
              "商务部 海关总署公告2023年第23号 关于对镓、锗相关物项实施出口管制的公告", date(2023, 7, 3))]
    for path, _, _ in items:
        w.copy(FIRST, WWW + path)
    for n, day in ((45, date(2023, 12, 28)), (41, date(2023, 11, 24)), (32, date(2023, 8, 29))):
        path, title, page = filler(2023, n, day)
        w.write(FIRST, WWW + path, page)
        items.append((path, title, day))
    items.sort(key=lambda i: i[2], reverse=True)
    older = []  # on page 2: older than the demo's backfill_since, read with the default one
    for n, day in ((20, date(2023, 6, 16)), (15, date(2023, 5, 8))):
        path, title, page = filler(2023, n, day)
        w.write(FIRST, WWW + path, page)
        older.append((path, title, day))
    write_index(w, 2023, items + older, first_page=len(items))


def indexes_2020_to_2022(w: Writer) -> None:
    """The samples' indexes of 2020-2022 (one announcement each), so that a crawl of the first
    night with the default backfill_since (2020-01-01) finds every list it walks."""
    for year, path in ((2020, "/zcfb/blgg/gg/2020/art/2020/art_0a65de3a8e90ef06c49d1d29e6043ca5.html"),
                       (2021, "/zcfb/blgg/gg/2021/art/2021/art_84a483efbda47ecb0245d0f631214792.html"),
                       (2022, "/zcfb/blgg/gg/2022/art/2022/art_74a0fdf55975f64cd0dd97c7586c00ab.html")):
        w.copy(FIRST, f"{WWW}/zcfb/blgg/gg/{year}/index.html")
        w.copy(FIRST, WWW + path)


def write_index(w: Writer, year: int, items: list[tuple[str, str, date]],
                first_page: int = 20) -> None:
    pages = [items[:first_page]] + [items[i:i + 20] for i in range(first_page, len(items), 20)]
    w.write(FIRST, f"{WWW}/zcfb/blgg/gg/{year}/index.html", list_page(
        "公告_中华人民共和国商务部", "公告", pages[0], page_id=PAGE_IDS[year], pages=len(pages)))
    for number, page in enumerate(pages[1:], start=2):
        w.write(FIRST, jpaas_file(PAGE_IDS[year], number), jpaas_answer(page, len(items)))


def jpaas_pages_of_2025(w: Writer) -> None:
    """The 2025 index's and the policy list's JPaaS pages (the samples' answers) and the
    articles they link that the nights do not have yet."""
    for name in ("unit?pageId=cf53ea6266ff4e39f3131373a1d569e6&pageType=column&paramJson="
                 '{"pageNo":2,"pageSize":20}&parseType=bulidstatic&tagId=信息列表&tplSetId=' + TPL
                 + f"&webId={WEB_ID}",
                 *(f'unit?pageId=ff69eb048130901266cf2742e42abe0a&pageType=column&paramJson='
                   f'{{"pageNo":{n},"pageSize":20}}&parseType=bulidstatic&tagId=信息列表&tplSetId='
                   f"{TPL}&webId={WEB_ID}" for n in (2, 3))):
        w.copy(FIRST, f"{WWW}/api-gateway/jpaas-publish-server/front/page/build/{name}")
    for path in ("/zcfb/blgg/gg/2025/art/2025/art_54496e7efd23388afd7e8a04228f364b.html",
                 "/zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html"):
        w.copy(FIRST, WWW + path)


# --- the new official sources, every night --------------------------------------------------


def aqygzj(w: Writer) -> None:
    host = "aqygzj.mofcom.gov.cn"
    no51 = (w.samples / WWW / "zcfb/blgg/gg/2024/art/2024/art_625107fb117be51ae95f5ab834f5c272.html"
            ).read_text(encoding="utf-8")
    no51 = no51.replace("中华人民共和国商务部", "商务部安全与管制局").replace(
        "www.mofcom.gov.cn", host)
    title = ("商务部 工业和信息化部 海关总署 国家密码管理局公告2024年第51号 关于发布《中华人民共和国两用物项"
             "出口管制清单》的公告")
    path = f"/qdml/art/2024/art_{art_hex('aqygzj-2024-51')}.html"
    lists = list_page("清单目录_商务部安全与管制局", "清单目录", [(path, title, date(2024, 11, 15))],
                      site="商务部安全与管制局")
    for night in w.nights():
        w.copy(night, f"{host}/flzc/gzjgfxwj/index.html")
        w.copy(night, f"{host}/flzc/gzjgfxwj/art/2025/art_3c4d209fa18f4cf8906a496bff7473f3.html")
        w.write(night, f"{host}/qdml/index.html", lists)
        w.write(night, host + path, no51)


EN_61 = ("MOFCOM Announcement No. 61 of 2025 on the Decision to Implement Export Controls on "
         "Relevant Overseas Rare Earth Items")
EN_61_BODY = [
    "In accordance with the Export Control Law of the People's Republic of China, the Regulations "
    "of the People's Republic of China on the Export Control of Dual-use Items and other laws "
    "and regulations, and with the approval of the State Council, it is decided to implement "
    "export controls on relevant overseas rare earth items. The relevant matters are hereby "
    "announced as follows:",
    "1. Overseas organizations and individuals exporting the overseas-made items listed in Part "
    "Two of Annex 1 that contain, integrate or are mixed with items listed in Part One of Annex 1 "
    "originating in China, with a value ratio of 0.1% or more, shall apply to the Ministry of "
    "Commerce for a dual-use item export license.",
    "2. Items 1 and 2 of the preceding paragraph shall be implemented from December 1, 2025; the "
    "other provisions shall be implemented from the date of publication.",
    "3. Exports for humanitarian purposes such as emergency medical treatment, responses to public "
    "health emergencies and natural disaster relief do not require a license.",
    "Ministry of Commerce", "October 9, 2025",
]


def english(w: Writer) -> None:
    host = "english.mofcom.gov.cn"
    column = "/policyrelease/announcement"
    path_61 = f"{column}/art/2025/art_{art_hex('english-2025-61')}.html"
    path_70 = f"{column}/art/2025/art_3bfcb45d719c4677d5fd9d31ae4b1405.html"
    original = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_7fc9bff0fb4546ecb02f66ee77d0e5f6.html"
    body = "\n".join(f"<p>{p}</p>" for p in EN_61_BODY) + (
        f'\n<p class="original">Chinese original: <a href="{original}">{original}</a></p>')
    page_61 = english_page(EN_61, "2025-10-09 21:00", body)
    en_70 = ("MOFCOM General Administration of Customs Announcement No. 70 of 2025 on Suspending the "
             "Implementation of MOFCOM General Administration of Customs Announcements No. 55, No. "
             "56, No. 57 and No. 58 of 2025 and MOFCOM Announcements No. 61 and No. 62 of 2025")
    for night in w.nights():
        items = [(path_61, EN_61, date(2025, 10, 9))]
        if night >= "2025-11-08":
            items.insert(0, (path_70, en_70, date(2025, 11, 8)))
            w.copy(night, host + path_70)
        w.write(night, host + path_61, page_61)
        w.write(night, f"{host}{column}/index.html", list_page(
            "Announcements_Ministry of Commerce People's Republic of China", "Announcements",
            items, site="Ministry of Commerce People's Republic of China", lang="en"))


def english_page(title: str, published: str, body: str) -> str:
    site = "Ministry of Commerce People's Republic of China"
    return f"""<!DOCTYPE html>
<!-- constructed for the demo: an English rendering of the Chinese original -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="SiteName" content="{site}">
<meta name="ColumnName" content="Announcements">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{published}">
<meta name="ContentSource" content="MOFCOM">
<title>{title}</title>
</head>
<body>
<div class="header"><div class="logo"><a href="/">{site}</a></div></div>
<div class="art-main">
  <h1 class="art-title">{title}</h1>
  <div class="art-info"><span class="time">{published}</span><span class="source">Source: MOFCOM</span></div>
  <div class="art-con art-con-bottonmLine" id="zoom">
{body}
  </div>
  <div class="art-note">English is provided for reference only. In case of any discrepancy, the Chinese version shall prevail.</div>
</div>
<div class="footer"><p>{site}</p></div>
</body>
</html>
"""


CONFERENCE_0925 = ("商务部召开例行新闻发布会（2025年9月25日）", date(2025, 9, 25), [
    "【发言人】商务部新闻发言人何亚东",
    "记者：商务部 海关总署公告2025年第18号实施以来，相关物项出口许可审批情况如何？",
    "何亚东：商务部依法依规审查相关物项出口许可申请，对符合规定的申请予以许可，为合规贸易提供便利。",
    "记者：请介绍一下今年前8个月商务运行情况。",
    "何亚东：前8个月，商务运行总体平稳，消费市场保持增长。",
])
READOUT_0915 = ("商务部美大司负责人介绍中美经贸磋商有关情况（2025年9月15日）", date(2025, 9, 15), [
    "中美双方在西班牙马德里举行经贸会谈。双方围绕经贸领域共同关心的问题进行了坦诚、深入、富有建设性的沟通。",
    "双方同意继续发挥中美经贸磋商机制作用，保持密切沟通。",
])
READOUT_0928 = ("商务部美大司负责人介绍中美经贸磋商第八轮会谈情况", date(2026, 9, 28), [
    "中美双方举行第八轮经贸会谈，双方就落实吉隆坡经贸磋商联合安排等问题进行了深入交流。",
    "双方回顾了吉隆坡经贸磋商联合安排的落实情况。2025年11月，中方暂停实施了10月公布的稀土、超硬材料、"
    "锂电池等相关物项出口管制措施。",
    "中美双方同意在将吉隆坡经贸磋商联合安排延期至2027年1月10日的基础上，继续积极探讨这一事项。",
    "双方同意保持沟通，适时举行下一轮会谈。",
])


def press_page(page: tuple[str, date, list[str]], column: str, unit: str) -> str:
    title, day, paragraphs = page
    return mofcom_page(title, day, unit, paragraphs, column=column)


def press(w: Writer) -> None:
    sample = "/xwfb/xwrcjd/art/2025/art_35812e594d0358b34a4b148ee684762c.html"
    conference = f"/xwfb/xwrcjd/art/2025/art_{art_hex('press-2025-09-25')}.html"
    readout = f"/xwfb/sjfzrfb/art/2025/art_{art_hex('readout-2025-09-15')}.html"
    eighth = "/xwfb/sjfzrfb/art/2026/art_cd060e0649964da8ae13216c3bb1a645.html"
    for night in w.nights():
        conferences = [(conference, CONFERENCE_0925[0], CONFERENCE_0925[1])]
        if night >= "2025-11-13":
            conferences.insert(0, (sample, "商务部召开例行新闻发布会（2025年11月13日）",
                                   date(2025, 11, 13)))
            w.copy(night, WWW + sample)
        readouts = [(readout, READOUT_0915[0], READOUT_0915[1])]
        if night >= "2026-09-28":
            readouts.insert(0, (eighth, READOUT_0928[0], READOUT_0928[1]))
            w.write(night, WWW + eighth, press_page(READOUT_0928, "司局负责人发布", "美洲大洋洲司"))
        w.write(night, WWW + conference, press_page(CONFERENCE_0925, "例行新闻发布会", "新闻办公室"))
        w.write(night, WWW + readout, press_page(READOUT_0915, "司局负责人发布", "美洲大洋洲司"))
        w.write(night, f"{WWW}/xwfb/xwrcjd/index.html",
                list_page("例行新闻发布会_中华人民共和国商务部", "例行新闻发布会", conferences))
        w.write(night, f"{WWW}/xwfb/sjfzrfb/index.html",
                list_page("司局负责人发布_中华人民共和国商务部", "司局负责人发布", readouts))


CUSTOMS = "www.customs.gov.cn/customs/302249/zfxxgk/2799825/302274/302275"
GACC_OLDER = [
    (6720150, "海关总署公告2025年第201号（关于进口美国大豆检验检疫要求的公告）", "2025-10-20 16:00",
     "动植物检疫司"),
    (6698422, "海关总署公告2025年第150号（关于发布《进出口货物报关单填制规范》的公告）", "2025-07-30 10:00",
     "综合业务司"),
    (6650311, "海关总署公告2024年第189号（关于公布2025年关税实施方案的公告）", "2024-12-30 18:00",
     "关税征管司"),
]


def customs(w: Writer) -> None:
    items = "\n".join(
        f'  <li><a href="/customs/302249/zfxxgk/2799825/302274/302275/{i}/index.html" '
        f'title="{t}">{t}</a><span>{d[:10]}</span></li>' for i, t, d, _ in GACC_OLDER)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>海关总署公告</title></head>
<body>
<div class="easysite-head"><a href="/">中华人民共和国海关总署</a></div>
<div class="conList_ul">
<ul>
{items}
</ul>
<div class="easysite-page-wrap"><a class="easysite-page-prev" href="/customs/302249/zfxxgk/2799825/302274/302275/index.html">上一页</a></div>
</div>
</body></html>
"""
    for night in w.nights("2025-11-08"):
        w.write(night, f"{CUSTOMS}/index2.html", page)
        for number, title, published, unit in GACC_OLDER:
            w.write(night, f"{CUSTOMS}/{number}/index.html", customs_page(title, published, unit))


def customs_page(title: str, published: str, unit: str) -> str:
    day = date.fromisoformat(published[:10])
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{published}">
<meta name="ContentSource" content="{unit}">
<title>{title}</title></head>
<body>
<div class="easysite-news-content">
<div class="easysite-news-title"><h2>{title}</h2></div>
<div class="easysite-news-describe">发布时间：{published}:00 来源：{unit}</div>
<div class="easysite-news-text" id="easysiteText">
<p>根据有关法律法规规定，现将有关事项公告如下：</p>
<p>一、本公告所列事项按照附件执行。</p>
<p>二、本公告自公布之日起实施。</p>
<p>特此公告。</p>
<p>海关总署</p>
<p>{day.year}年{day.month}月{day.day}日</p>
</div>
</div>
</body></html>
"""


def main(samples: Path) -> None:
    w = Writer(samples)
    index_2024(w)
    index_2023(w)
    indexes_2020_to_2022(w)
    jpaas_pages_of_2025(w)
    aqygzj(w)
    english(w)
    press(w)
    customs(w)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
