"""Reports: the contract's JSON, grouped Markdown/HTML, scraped text escaped, rewritable."""

import json

import lxml.html
import pytest
from click.testing import CliRunner

from crawler.cli import cli
from pipelines.archive import Archive
from pipelines.items import ChangeRecord, DocumentItem
from pipelines.report import KIND_ORDER, build_report, grouped, write_reports

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def archive_with_changes(path):
    archive = Archive.open(path)
    run_id = archive.start_run("2025-11-08", ["mofcom"], None)
    archive.record_source(run_id, "mofcom", {"status": "degraded", "items": 3,
                                             "problems": [f"odd page {HOSTILE}"]})
    archive.add_change(run_id, ChangeRecord(
        kind="new_document", summary=f"New document: {HOSTILE}", title=HOSTILE,
        url="javascript:alert(1)", source="mofcom", confidence="high"))
    archive.add_change(run_id, ChangeRecord(
        kind="status_changed", measure="MOFCOM-2025-61", from_="in_force", to="suspended",
        by="MOFCOM-2025-70", until="2026-11-10", summary="MOFCOM-2025-61 is now suspended",
        url="https://www.mofcom.gov.cn/a.html",
        diff={"sentence": "自即日起至2026年11月10日，暂停实施商务部公告2025年第61号"}))
    archive.finish_run(run_id, {})
    return archive, run_id


def test_json_report_has_the_contract_fields(tmp_path):
    archive, run_id = archive_with_changes(tmp_path / "a.db")
    report = build_report(archive, run_id)
    status = report["changes"][1]
    assert (status["from"], status["to"], status["by"], status["until"]) == (
        "in_force", "suspended", "MOFCOM-2025-70", "2026-11-10")
    assert report["sources"] == [{"name": "mofcom", "status": "degraded", "items": 3,
                                  "problems": [f"odd page {HOSTILE}"]}]


def test_groups_put_status_changes_first():
    changes = [{"kind": "source_problem"}, {"kind": "new_document"}, {"kind": "status_changed"}]
    assert [heading for heading, _ in grouped(changes)] == [
        "Status changes", "New documents", "Source problems"]
    assert KIND_ORDER[0] == "status_changed" and KIND_ORDER[-1] == "source_problem"


def test_html_escapes_scraped_text_and_links(tmp_path):
    archive, run_id = archive_with_changes(tmp_path / "a.db")
    html_path = write_reports(archive, run_id, tmp_path / "r")[2]
    html = html_path.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "javascript:" not in html
    assert "至2026年11月10日，暂停实施" in html  # the proving sentence is shown
    assert html.index("Status changes") < html.index("New documents")


def test_report_command_rewrites_a_run(tmp_path):
    archive, run_id = archive_with_changes(tmp_path / "a.db")
    archive.close()
    result = CliRunner().invoke(cli, ["report", "--db", str(tmp_path / "a.db"),
                                      "--reports", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "r" / f"{run_id}.json").read_text(encoding="utf-8"))
    assert written["run_id"] == run_id and len(written["changes"]) == 2
    assert (tmp_path / "r" / f"{run_id}.md").read_text(encoding="utf-8").startswith(
        f"# regwatch report {run_id}")


MARKDOWN_ATTACKS = [
    '<script>alert("x")</script>',
    "[click](javascript:alert(2))",
    "![pixel](data:text/html;base64,PHNjcmlwdD4=)",
    "<img src=x onerror=alert(3)>",
    "<javascript:alert(4)>",
    "```\n<script>alert(5)</script>\n```",
    "| a | b |\n# heading\n---",
]


def test_markdown_report_renders_scraped_text_as_text(tmp_path):
    """The .md report through a CommonMark renderer (markdown-it, raw HTML allowed): scraped
    titles, summaries, sentences, links and problems render as text, nothing runs or loads."""
    from markdown_it import MarkdownIt

    archive = Archive.open(tmp_path / "a.db")
    run_id = archive.start_run("2025-11-08", ["mofcom"], None)
    attack = " ".join(MARKDOWN_ATTACKS)
    archive.record_source(run_id, "mofcom", {"status": "degraded", "items": 1,
                                             "problems": [attack]})
    archive.add_change(run_id, ChangeRecord(
        kind="document_changed", summary=attack, title=attack, document="d1",
        url="javascript:alert(6)", source="mofcom", confidence="high",
        diff={"sentence": attack, "text": ["- ```", "+ <script>alert(7)</script>"]}))
    archive.finish_run(run_id, {})
    [_, md_path, _] = write_reports(archive, run_id, tmp_path / "reports")
    renderer = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    html = renderer.render(md_path.read_text(encoding="utf-8"))
    tree = lxml.html.fromstring(f"<div>{html}</div>")
    assert tree.xpath("//script|//img|//iframe|//object|//embed|//svg") == []
    assert [a.get("href") for a in tree.xpath("//a")
            if not a.get("href", "").startswith(("http://", "https://"))] == []
    assert [n.tag for n in tree.iter() if any(k.lower().startswith("on") for k in n.attrib)] == []
    assert len(tree.xpath("//h1")) == 1 and len(tree.xpath("//table")) == 1  # the report's own
    text = tree.text_content()
    assert '<script>alert("x")</script>' in text and "[click](javascript:alert(2))" in text


def test_sentences_not_understood_are_shown_in_the_report(tmp_path):
    """An announcement's operative sentence read into no event (a reference that names no
    measure) is shown as "not understood" with the new document, in Markdown and HTML."""
    from pipelines.diff import item_changes
    from pipelines.normalize import normalize_item
    from pipelines.store import store_item

    archive = Archive.open(tmp_path / "a.db")
    run_id = archive.start_run("2023-10-20", ["mofcom"], None)
    item = normalize_item(DocumentItem(
        url="https://www.mofcom.gov.cn/zcfb/blgg/art/2023/art_39.html", source="mofcom",
        source_kind="authority",
        title="商务部 海关总署公告2023年第39号 关于优化调整石墨物项临时出口管制措施的公告",
        body="一、满足以下特性的物项，未经许可，不得出口。\n\n"
             "二、对低敏感的5个石墨物项，取消临时出口管制。\n\n"
             "三、本公告自2023年12月1日起正式实施。",
        language="zh", published_raw="2023-10-20 17:30"))
    item.changes = item_changes(archive, item)
    store_item(archive, item, run_id, "2023-10-20")
    archive.finish_run(run_id, {})
    [new] = [c for c in build_report(archive, run_id)["changes"] if c["kind"] == "new_document"]
    assert new["diff"]["not_understood"] == ["二、对低敏感的5个石墨物项，取消临时出口管制。"]
    paths = write_reports(archive, run_id, tmp_path / "r")
    md, html = paths[1].read_text("utf-8"), paths[2].read_text("utf-8")
    assert ("not understood (no event read from it; read it yourself): "
            "二、对低敏感的5个石墨物项") in md
    assert "Not understood" in html and "取消临时出口管制" in html
    archive.close()


def test_a_night_of_persisting_outages_never_reads_nothing_changed(tmp_path):
    """A source that failed on an earlier night (its source_problem reported then) and fails
    again: the report's headline and the digest's subject name it, instead of "nothing
    changed"; a source that only degraded (a page missing) stays in the sources table."""
    from pipelines.config import Config, MailConfig, Recipient
    from pipelines.digest import build_mail
    from pipelines.report import headline

    archive = Archive.open(tmp_path / "a.db")
    run_id = archive.start_run("2025-11-12", ["mofcom", "customs", "globaltimes"], None)
    for source, status in (("mofcom", "failed"), ("customs", "failed"),
                           ("globaltimes", "degraded")):
        archive.record_source(run_id, source, {"status": status, "items": 0,
                                               "problems": [f"HTTP 503 for {source}"]})
    archive.finish_run(run_id, {})
    paths = write_reports(archive, run_id, tmp_path / "reports")
    markdown = next(p for p in paths if p.suffix == ".md").read_text(encoding="utf-8")
    assert "**nothing new; 2 sources still failing (customs, mofcom)**" in markdown
    config = Config(mail=MailConfig(recipients=[Recipient("a@example.org")],
                                    send_when_empty=True))
    runs = [dict(archive.run(run_id), id=run_id)]
    mail = build_mail(archive, config, config.mail.recipients[0], runs, [], {})
    assert mail["subject"].endswith("2025-11-12: nothing new; 2 sources still failing "
                                    "(customs, mofcom)")
    # a failure reported tonight is told as the change it is
    tonight = [{"kind": "source_problem", "source": "mofcom"}]
    assert headline(tonight, [{"name": "mofcom", "status": "failed"}]) == "1 source problem"
    assert headline([], [{"name": "globaltimes", "status": "degraded"}]) == "nothing changed"
    archive.close()


def test_the_summary_table_s_date_and_until_mean_the_same_on_every_row():
    """date: the day the new state begins; until: the last day of the state that ends, for a
    suspension passed or near alike (they read 2026-11-11 / 2026-11-10 and 2026-11-28 /
    2026-11-27, not a last day under "date" on one row and under "until" on the other)."""
    from pipelines.report import summary_rows

    changes = [
        {"kind": "deadline_passed", "measure": "MOFCOM-2025-61", "until": "2026-11-10",
         "diff": {"back_in_force_on": "2026-11-11"}},
        {"kind": "deadline_near", "measure": "MOFCOM-2024-46", "until": "2026-11-27",
         "diff": {"what": "suspension_ends", "days_left": 5}},
        {"kind": "deadline_near", "measure": "MOFCOM-2025-55", "until": "2025-11-08",
         "diff": {"what": "takes_effect", "days_left": 30}},
    ]
    rows = summary_rows(grouped(changes), "2026-11-22")
    assert {r["measure"]: (r["date"], r["until"]) for r in rows} == {
        "MOFCOM-2025-61": ("2026-11-11", "2026-11-10"),
        "MOFCOM-2024-46": ("2026-11-28", "2026-11-27"),
        "MOFCOM-2025-55": ("2025-11-08", "")}


def test_entity_rows_of_the_summary_table_name_the_entity():
    from pipelines.report import summary_rows

    changes = [{"kind": "entity_listed", "measure": "MOFCOM-2026-18", "to": "listed",
                "diff": {"name_zh": f"实体{n}公司", "name_en": f"Entity {n}"}} for n in (1, 2)]
    changes.append({"kind": "entity_status_changed", "measure": "MOFCOM-2026-18",
                    "to": "removed", "diff": {"name_en": "Entity 3 Inc."}})
    assert sorted(r["change"] for r in summary_rows(grouped(changes), "2026-05-12")) == [
        "entity listed: 实体1公司", "entity listed: 实体2公司", "entity removed: Entity 3 Inc."]


def test_a_changed_news_page_is_not_headlined_as_its_measure_changing(tmp_path):
    """A news page that cites No. 61 and is edited: the report's row and heading say it is a
    page that mentions No. 61, not No. 61's own text."""
    from test_linking import night

    from pipelines.normalize import normalize_item

    def story(extra: str) -> DocumentItem:
        return normalize_item(DocumentItem(
            url="https://www.globaltimes.cn/page/202510/1.shtml", source="globaltimes",
            source_kind="news", language="en", published_raw="2025-10-16",
            title="China reiterates position on rare earth export control",
            body="MOFCOM Announcement No. 61 of 2025 on rare earth items took effect on "
                 "December 1, the ministry said on Thursday." + extra))

    archive = Archive.open(tmp_path / "a.db")
    night(archive, "2025-10-16", story(""))
    run_id = night(archive, "2025-10-17", story(" Exporters may apply for general licences."))
    paths = write_reports(archive, run_id, tmp_path / "r")
    markdown = next(p for p in paths if p.suffix == ".md").read_text(encoding="utf-8")
    archive.close()
    assert "| document changed \\(a page that mentions it\\) |" in markdown
    assert "**MOFCOM-2025-61** (mentioned)" in markdown


def test_a_report_that_cannot_be_written_names_its_file_and_leaves_no_tmp(tmp_path):
    """A full disk (here /dev/full) while writing a report: the error names the file (a failed
    write names none: "No space left on device:" was all a user saw) and no .tmp is left."""
    from pipelines.report import _write_atomically

    (tmp_path / "r.json.tmp").symlink_to("/dev/full")
    with pytest.raises(OSError) as raised:
        _write_atomically(tmp_path / "r.json", "x" * 100_000)
    assert raised.value.filename == str(tmp_path / "r.json")
    assert "No space left" in raised.value.strerror
    assert not (tmp_path / "r.json.tmp").is_symlink() and not (tmp_path / "r.json").exists()
