"""Aliases from an entity table's alias column, and `regwatch screen --file` as an audit record.

Through the real parts: announcements in the offline-mirror layout crawled by the mofcom spider
into a SQLite archive, then `regwatch screen` in a child process. The names of firms are
invented; the alias cells take the shapes announcements write them in (a label, several names
in one cell, a Chinese name with its English one in brackets, line breaks)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import regwatch

from pipelines.names import entity_id

MOFCOM = "https://www.mofcom.gov.cn"
ENV = {**os.environ, "REGWATCH_BACKFILL_SINCE": "2026-01-01"}
NIGHT = "2026-03-03"
TABLE_URL = f"{MOFCOM}/zwgk/zcfb/art/2026/art_5a1e0c7d2b9f4e6a8c3d1f0b7e9a2c41.html"
BODY_URL = f"{MOFCOM}/zwgk/zcfb/art/2026/art_6b2f1d8e3c0a4f7b9d4e2a1c8f0b3d52.html"
POLARIS_ADDRESS = "12 Lake Street, Austin, TX"
# (中文名称, 英文名称, 地址, 别名 as the page writes the cell)
ROWS = (
    ("北辰光学有限公司", "Polaris Optics Co., Ltd.", POLARIS_ADDRESS,
     "曾用名：北辰镜片公司（Polaris Lens Corporation）"),
    ("海鹰无人机公司", "Seahawk Drones LLC", "",
     "Seahawk UAV Inc.; f/k/a Ocean Hawk Robotics LLC"),
    ("赤岭材料公司", "Redridge Materials Inc.", "",
     "又名：赤岭新材科技公司、红岭复合材料公司<br>formerly Red Ridge Composites Corp."),
    ("银河测控公司", "Galaxy Metrology Corp.", "", "別名:銀河計量儀器公司(Galaxy Gauges Ltd.)"),
    ("松石电子公司", "Turquoise Electronics Inc.", "", "—"),
)
POLARIS = entity_id(ROWS[0][0], ROWS[0][1])


def page(title: str, published: str, body: str) -> str:
    """An announcement page as the mofcom spider reads it."""
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="PubDate" content="{published} 10:00"><title>{title}</title></head>'
            f'<body><div id="zoom">{body}</div></body></html>')


def table_page() -> str:
    """A listing whose annex table has an alias column."""
    cells = "".join(
        f"<tr><td>{i}</td><td>{zh}</td><td>{en}</td><td>美国</td><td>{address}</td>"
        f"<td>{alias}</td></tr>" for i, (zh, en, address, alias) in enumerate(ROWS, start=1))
    return page("商务部公告2026年第14号 关于将5家美国实体列入出口管制管控名单的公告", "2026-03-02",
                '<p style="text-indent:2em;">商务部决定将以下5家美国实体列入出口管制管控名单：</p>'
                '<table border="1"><tr><td>序号</td><td>中文名称</td><td>英文名称</td>'
                f"<td>国家/地区</td><td>地址</td><td>别名</td></tr>{cells}</table>")


def body_page() -> str:
    """A listing on another list that names one of the firms in its body, with no address."""
    return page("不可靠实体清单工作机制公告〔2026〕3号 关于将1家美国实体列入不可靠实体清单的公告",
                "2026-03-02",
                '<p style="text-indent:2em;">不可靠实体清单工作机制决定将北辰光学有限公司'
                "（Polaris Optics Co., Ltd.）列入不可靠实体清单。</p>")


def mirror(folder: Path) -> Path:
    """The two announcements in the offline-mirror layout, linked from the lists."""
    root = folder / "mirror"
    for url, html in ((TABLE_URL, table_page()), (BODY_URL, body_page())):
        target = root / url.split("://", 1)[1]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    links = "".join(f'<li><a href="{url}">x</a><span>2026-03-02</span></li>'
                    for url in (TABLE_URL, BODY_URL))
    index = f'<html><body><ul class="txtList_01">{links}</ul></body></html>'
    for path in ("zcfb/blgg/gg/2026/index.html", "zwgk/zcfb/index.html"):
        target = root / "www.mofcom.gov.cn" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(index, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Path:
    """An archive after crawling the two announcements."""
    folder = tmp_path_factory.mktemp("aliases")
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(mirror(folder)),
                      "--as-of", NIGHT, "--db", "archive.db", "--reports", "reports",
                      cwd=folder, env=ENV)
    assert result.returncode == 0, result.stderr
    return folder


def screen(folder: Path, *args: str, db: str = "archive.db") -> tuple[int, str, str]:
    result = regwatch("screen", *args, "--db", str(folder / db), cwd=folder)
    return result.returncode, result.stdout, result.stderr


def stored_aliases(db: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(db)
    try:
        return {name: json.loads(aliases) for name, aliases in conn.execute(
            "select name_zh, aliases from entities")}
    finally:
        conn.close()


# --------------------------------------------------------------------------- A: aliases

EXPECTED_ALIASES = {
    "北辰光学有限公司": ["北辰镜片公司", "Polaris Lens Corporation"],
    "海鹰无人机公司": ["Seahawk UAV Inc.", "Ocean Hawk Robotics LLC"],
    "赤岭材料公司": ["赤岭新材科技公司", "红岭复合材料公司", "Red Ridge Composites Corp."],
    "银河测控公司": ["银河计量仪器公司", "Galaxy Gauges Ltd."],
    "松石电子公司": [],
}


def test_an_alias_cell_gives_each_name_without_its_label(crawled):
    """Labels (曾用名, 又名, 別名, f/k/a, formerly) dropped; several names in one cell (；、;
    and line breaks) one alias each; a Chinese name and its English name in brackets
    (full-width or ASCII) both kept; a placeholder (—) no alias."""
    aliases = stored_aliases(crawled / "archive.db")
    assert {k: sorted(v) for k, v in aliases.items()} == {
        k: sorted(v) for k, v in EXPECTED_ALIASES.items()}


@pytest.mark.parametrize("query", [
    "Polaris Lens Corporation", "北辰镜片公司", "Ocean Hawk Robotics", "Seahawk UAV",
    "紅嶺複合材料公司", "Red Ridge Composites", "赤岭新材科技公司", "Galaxy Gauges Ltd",
    "銀河計量儀器公司"])
def test_every_former_name_and_alias_is_screened(crawled, query):
    code, out, err = screen(crawled, query, "--on", NIGHT, "--json")
    assert code == 0, (out, err)
    hits = json.loads(out)["hits"]
    assert hits[0]["how"] == "exact" and hits[0]["score"] >= 95, hits[0]


@pytest.mark.parametrize(("cell", "names"), [
    ("原名：甲乙科技公司（Jiayi Technology Inc.）", ["甲乙科技公司", "Jiayi Technology Inc."]),
    ("曾用名:丙丁公司(Bingding Corp.)；又名：戊己公司", ["丙丁公司", "Bingding Corp.", "戊己公司"]),
    ("also known as Alpha Beta LLC / Gamma Delta Inc.", ["Alpha Beta LLC", "Gamma Delta Inc."]),
    ("Old Name Corp., a.k.a. Older Name Ltd.", ["Old Name Corp.", "Older Name Ltd."]),
    ("Zeta Holdings Inc.（泽塔控股公司）", ["Zeta Holdings Inc.", "泽塔控股公司"]),
    ("庚辛公司\n壬癸公司", ["庚辛公司", "壬癸公司"]),
    ("Institute of\nAdvanced Materials, Inc.", ["Institute of Advanced Materials, Inc."]),
    ("Wrapped Instruments\nCorporation", ["Wrapped Instruments Corporation"]),
    ("Maersk Line A/S", ["Maersk Line A/S"]),
    ("Alias Systems Corp", ["Alias Systems Corp"]),
    ("Acme Tools Inc. (USA)", ["Acme Tools Inc. (USA)"]),
    ("华为技术（上海）有限公司", ["华为技术(上海)有限公司"]),
    ("无", []),
])
def test_alias_cell_shapes(cell, names):
    """The shapes an alias cell takes, read into names (and what is one name, not split)."""
    from pipelines.entities import alias_names

    assert alias_names(cell) == names


def test_an_archive_written_before_reads_its_stored_aliases_again(crawled, tmp_path):
    """An archive that stored an alias cell whole (labels, both names, several names; the
    cells as the code before stored them, lines joined) is read again by `regwatch upgrade`
    (migration m970), and screens each name."""
    from pipelines.migrations import migrations

    shutil.copy(crawled / "archive.db", tmp_path / "archive.db")
    old_cells = {"北辰光学有限公司": ["曾用名:北辰镜片公司(Polaris Lens Corporation)"],
                 "海鹰无人机公司": ["Seahawk UAV Inc.; f/k/a Ocean Hawk Robotics LLC"],
                 "赤岭材料公司": ["又名:赤岭新材科技公司、红岭复合材料公司"
                                  "formerly Red Ridge Composites Corp."],
                 "银河测控公司": ["別名:銀河計量儀器公司(Galaxy Gauges Ltd.)"]}
    conn = sqlite3.connect(tmp_path / "archive.db")
    for name, aliases in old_cells.items():
        conn.execute("update entities set aliases = ? where name_zh = ?",
                     [json.dumps(aliases, ensure_ascii=False), name])
    newer = [m.name for m in migrations._migrations if m.name >= "m970"]
    conn.executemany("delete from _sqlite_migrations where name = ?", [[m] for m in newer])
    conn.commit()
    conn.close()
    code, _, err = screen(tmp_path, "Polaris Lens Corporation")
    assert code == 2 and "regwatch upgrade" in err  # behind: the read commands say so
    result = regwatch("upgrade", "--db", "archive.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    aliases = stored_aliases(tmp_path / "archive.db")
    assert {k: sorted(v) for k, v in aliases.items()} == {
        k: sorted(v) for k, v in EXPECTED_ALIASES.items()}
    for query in ("Polaris Lens Corporation", "北辰镜片公司", "Ocean Hawk Robotics LLC",
                  "Galaxy Gauges", "銀河計量儀器公司", "Red Ridge Composites"):
        code, out, err = screen(tmp_path, query, "--on", NIGHT, "--json")
        assert code == 0, (query, out, err)
        assert json.loads(out)["hits"][0]["how"] == "exact"


# --------------------------------------------------------------------------- B: the CSV record


def names_file(folder: Path) -> Path:
    path = folder / "names.csv"
    path.write_text("name\nPolaris Lens Corporation\nNobody Such Firm Ltd\n...\n海鹰无人机公司\n",
                    encoding="utf-8")
    return path


def test_the_csv_is_an_audit_record_of_every_name(crawled, tmp_path):
    """UTF-8 with a byte-order mark (as `regwatch export`); the day of the statuses in `on`;
    `until_computed` as in JSON; a row for a name without a match and for a line that is not a
    name; each designation's own announcement's address (empty when it gave none), the
    entity's in `entity_address`."""
    code, _, err = screen(crawled, "--file", str(names_file(tmp_path)), "--on", NIGHT,
                          "--out", str(tmp_path / "hits.csv"))
    assert code == 0, err
    data = (tmp_path / "hits.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {"on", "until_computed", "entity_address"} <= set(rows[0])
    assert {r["on"] for r in rows} == {NIGHT}
    assert [(r["line"], r["how"]) for r in rows if not r["entity"]] == [
        ("3", "no match"), ("4", "not screened: the name has no letters: '...'")]
    assert {r["line"] for r in rows} == {"2", "3", "4", "5"}  # every line of the file
    polaris = {r["list"]: r for r in rows if r["entity"] == POLARIS}
    assert set(polaris) == {"export_control_list", "unreliable_entity_list"}
    assert polaris["export_control_list"]["address"] == POLARIS_ADDRESS
    assert polaris["unreliable_entity_list"]["address"] == ""  # its announcement gave none
    assert {r["entity_address"] for r in polaris.values()} == {POLARIS_ADDRESS}
    # today's day when --on is not given; stdout (--out -) holds the same bytes
    code, out, _ = screen(crawled, "--file", str(names_file(tmp_path)), "--out", "-")
    assert code == 0
    piped = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert len({r["on"] for r in piped}) == 1 and piped[0]["on"] > NIGHT


def test_the_csv_agrees_with_the_json(crawled, tmp_path):
    """What a CSV row says of a designation is what JSON says (address, until_computed, the
    day); --file --json gives every name, a name without a match with no hits."""
    names = names_file(tmp_path)
    code, out, _ = screen(crawled, "--file", str(names), "--on", NIGHT, "--json")
    assert code == 0
    document = json.loads(out)
    assert document["on"] == NIGHT
    entries = {e["line"]: e for e in document["names"]}
    assert sorted(entries) == [2, 3, 4, 5]
    assert (entries[3]["screened"], entries[3]["hits"]) == (True, [])
    assert (entries[4]["screened"], entries[4]["hits"]) == (False, [])
    assert entries[4]["reason"] == "the name has no letters: '...'"
    _, csv_out, _ = screen(crawled, "--file", str(names), "--on", NIGHT)
    rows = list(csv.DictReader(io.StringIO(csv_out.removeprefix("\ufeff"))))
    for line, entry in entries.items():
        for hit in entry["hits"]:
            for d in hit["designations"]:
                (row,) = [r for r in rows if r["line"] == str(line)
                          and r["entity"] == hit["entity"] and r["measure"] == d["measure"]]
                assert row["address"] == (d["address"] or "")
                assert row["until_computed"] == (d["until_computed"] or "")
                assert row["entity_address"] == (hit["address"] or "")
    single = json.loads(screen(crawled, "Polaris Lens Corporation", "--on", NIGHT, "--json")[1])
    assert single["on"] == NIGHT
    assert single["hits"] == entries[2]["hits"]


def test_only_misses_exit_1_with_a_row_each(crawled, tmp_path):
    """A file whose names all miss: exit 1, and each name still leaves its row; one name that
    misses: exit 1 and JSON with no hits."""
    path = tmp_path / "misses.txt"
    path.write_text("Acme Widgets\nGlobex Corporation\n", encoding="utf-8")
    code, out, _ = screen(crawled, "--file", str(path), "--on", NIGHT)
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [(r["query"], r["line"], r["on"], r["how"]) for r in rows] == [
        ("Acme Widgets", "1", NIGHT, "no match"), ("Globex Corporation", "2", NIGHT, "no match")]
    code, out, _ = screen(crawled, "Acme Widgets", "--on", NIGHT, "--json")
    assert code == 1 and json.loads(out)["hits"] == [] and json.loads(out)["on"] == NIGHT


def test_more_matches_than_the_limit_are_said_in_every_form(demo, tmp_path):
    """The demo's invented firms share a word (示例, fifteen of them): with the default limit of
    10, the line, JSON (`more`) and the CSV record say that more entities match than are shown
    (before, the cut was silent, and a saved screening lost designations); within the limit,
    nothing is said."""
    folder, _ = demo
    on = ("--on", "2026-11-22")
    code, out, _ = screen(folder, "示例", *on)
    assert code == 0
    assert out.splitlines()[-1] == ("… more entities match than the 10 shown: screen again "
                                    "with a higher --limit (up to 100) or a fuller name")
    document = json.loads(screen(folder, "示例", *on, "--json")[1])
    assert len(document["hits"]) == 10 and document["more"] is True
    wide = json.loads(screen(folder, "示例", *on, "--limit", "100", "--json")[1])
    assert len(wide["hits"]) > 10 and wide["more"] is False
    names = tmp_path / "names.txt"
    names.write_text("示例\n", encoding="utf-8")
    _, csv_out, _ = screen(folder, "--file", str(names), *on)
    rows = list(csv.DictReader(io.StringIO(csv_out.removeprefix("\ufeff"))))
    assert rows[-1]["how"].startswith("more entities match than the 10 shown")
    assert rows[-1]["line"] == "1" and not rows[-1]["entity"]
    assert len({r["entity"] for r in rows if r["entity"]}) == 10


def test_an_archive_without_designations_screens_nothing_and_says_so(tmp_path):
    """An archive no entity list has reached: not "no match" (exit 1, read as a clean result)
    but one line saying nothing can be screened, exit 2, for one name and for a file."""
    from pipelines.archive import Archive

    db = tmp_path / "empty.db"
    archive = Archive.open(db)
    archive.finish_run(archive.start_run(NIGHT, ["customs"], None), {})
    archive.close()
    names = tmp_path / "names.txt"
    names.write_text("Skydio\n", encoding="utf-8")
    for args in (["Skydio"], ["Skydio", "--json"], ["--file", str(names)]):
        code, out, err = screen(tmp_path, *args, "--on", NIGHT, db="empty.db")
        assert code == 2 and out == "", (args, out)
        assert err.strip().endswith("holds no designations: no entity list has been archived, "
                                    "so nothing can be screened (crawl the MOFCOM sources "
                                    "first)"), err
