"""Chinese/English full-text search over a real archive file."""

import pytest

from pipelines.archive import Archive
from pipelines.items import DocumentItem
from pipelines.migrations import (
    m503_search_single_characters,
    m504_search_simplified_characters,
    m840_search_full_width_forms,
)
from pipelines.search import (
    CJK_RUN,
    bigrams,
    fts_match,
    fts_query,
    fts_query_exact,
    glossary_note,
    query_problem,
    segment,
    segment_query,
)

DOCS = {
    "https://www.mofcom.gov.cn/a.html": (
        "商务部公告2025年第62号 公布对稀土相关技术实施出口管制的决定",
        "决定对稀土相关技术实施出口管制。本公告自公布之日起正式实施。",
    ),
    "https://www.mofcom.gov.cn/b.html": (
        "海关总署公告2025年第219号 关于公布进出口税则调整事项的公告",
        "自2025年11月10日起，调整部分商品的进出口关税。",
    ),
    "https://mumbai.mofcom.gov.cn/c.shtml": (
        "MOFCOM spokesperson on the suspension of export controls",
        "China announced a one-year suspension of export controls on rare earth items.",
    ),
}


@pytest.fixture
def archive(tmp_path):
    archive = Archive.open(tmp_path / "archive.db")
    archive.run_id = archive.start_run("2025-11-08", ["test"], None)
    for i, (url, (title, body)) in enumerate(DOCS.items()):
        item = DocumentItem(url=url, source="test", source_kind="authority", title=title,
                            body=body, language="zh", content_hash=str(i))
        archive.store_document(item, run_id=archive.run_id, as_of="2025-11-08")
    yield archive
    archive.close()


def found(archive, query):
    return {row["url"].rsplit("/", 1)[1] for row in archive.search(query)}


def test_bigrams_of_a_run():
    assert bigrams("出口管制") == ["出口", "口管", "管制"]
    assert bigrams("稀") == ["稀"]


def test_segment_leaves_latin_text_and_splits_chinese_runs():
    # as queried: as indexed, but for the last character of the run the words end with
    assert segment_query("No. 61 稀土ABC出口").split() == ["No.", "61", "稀土", "土", "ABC", "出口"]
    # as indexed: each run's last character stands alone too
    assert segment("No. 61 稀土ABC出口管制").split() == [
        "No.", "61", "稀土", "土", "ABC", "出口", "口管", "管制", "制"]
    assert segment("镓、锗").split() == ["镓", "、", "锗"]


def test_query_words_become_phrases():
    assert fts_query("出口管制 rare") == '"出口 口管 管制" "rare"'
    assert fts_query('say "hi"') == '"say" "hi"'  # quotes are punctuation: left out
    assert fts_query("   ") == ""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("稀土", {"a.html", "c.shtml"}),  # two characters; and "rare earth" through the glossary
        ("出口管制", {"a.html"}),
        ("关税", {"b.html"}),  # the glossary's "tariffs" is in no document here
        ("rare earth", {"a.html", "c.shtml"}),  # and 稀土 through the glossary
        ("suspension", {"c.shtml"}),
        ("Suspension", {"c.shtml"}),
        ("管制 suspension", set()),  # all words required
        ("口稀", set()),  # characters that never stand together
        ("稀", {"a.html"}),  # one character, the first of its bigram
        ("制", {"a.html"}),  # one character, the last of its run (管制。)
        ("税", {"b.html"}),  # inside a run (关税。) and at its end
        ("镓", set()),
    ],
)
def test_search_finds_documents_containing_the_words(archive, query, expected):
    assert found(archive, query) == expected


def test_query_words_and_glossary_terms():
    assert fts_query_exact("rare earth") == '"rare earth"'  # the term as typed
    assert fts_query("rare earth") == '("rare earth" OR "rare earths" OR "稀土")'
    assert fts_query("稀土 suspension") == '("稀土" OR "rare earths") AND "suspension"'
    assert glossary_note("稀土") == "稀土 = rare earths / 稀土"
    assert glossary_note("suspension") == ""


def test_a_glossary_term_with_other_words_is_a_valid_query(archive):
    """FTS5 refuses a parenthesized group joined by an implicit AND: the query says AND."""
    assert archive.search("稀土 出口管制") is not None
    assert archive.search("出口管制 稀土 suspension") is not None


def test_search_says_what_matched_through_the_glossary(archive):
    rows = {row["url"].rsplit("/", 1)[1]: row["matched"] for row in archive.search("稀土")}
    assert rows == {"a.html": "words", "c.shtml": "glossary: 稀土 = rare earths / 稀土"}
    rows = {row["url"].rsplit("/", 1)[1]: row["matched"] for row in archive.search("rare earth")}
    assert rows == {"a.html": "glossary: rare earth = rare earths / 稀土", "c.shtml": "words"}


def test_changed_document_is_reindexed(archive):
    item = DocumentItem(url="https://www.mofcom.gov.cn/b.html", source="test",
                        source_kind="authority", title="海关总署公告", body="锂电池 出口",
                        language="zh", content_hash="new")
    assert archive.store_document(item, run_id=archive.run_id, as_of="2025-11-09") == "changed"
    assert found(archive, "关税") == set()
    assert found(archive, "锂电池") == {"b.html"}


def test_one_character_query_is_a_prefix_of_the_index_tokens():
    assert fts_query_exact("镓") == '"镓" *'
    assert fts_query_exact("镓 锗") == '"镓" * "锗" *'
    assert fts_query_exact("稀土") == '"稀土"'  # two characters: the bigram, no prefix
    assert fts_query_exact("a") == '"a"'  # one Latin letter is a word, not a prefix


def test_one_character_element_is_found_wherever_it_stands(archive):
    for i, body in enumerate(["对金属镓和氧化镓实施出口管制。", "镓、锗相关物项", "高纯镓"]):
        item = DocumentItem(url=f"https://www.mofcom.gov.cn/ga{i}.html", source="test",
                            source_kind="authority", title="公告", body=body, language="zh",
                            content_hash=f"ga{i}")
        archive.store_document(item, run_id=archive.run_id, as_of="2025-11-08")
    assert found(archive, "镓") == {"ga0.html", "ga1.html", "ga2.html"}
    assert found(archive, "锗") == {"ga1.html"}
    # across languages: the glossary's one-character Chinese word of gallium
    assert found(archive, "gallium") == {"ga0.html", "ga1.html", "ga2.html"}


def test_migration_reindexes_an_archive_indexed_without_last_characters(archive):
    """An archive indexed before m503 (bigrams only) finds one character after the migration."""
    item = DocumentItem(url="https://www.mofcom.gov.cn/ga.html", source="test",
                        source_kind="authority", title="公告", body="出口高纯镓", language="zh",
                        content_hash="ga")
    archive.store_document(item, run_id=archive.run_id, as_of="2025-11-08")
    db = archive.db
    for rowid, title, body in db.execute("select rowid, title, body from documents").fetchall():
        db.execute("delete from documents_fts where rowid = ?", [rowid])
        db.execute("insert into documents_fts (rowid, title, body) values (?, ?, ?)",
                   [rowid, bigrams_only(title), bigrams_only(body)])
    assert found(archive, "镓") == set()  # only the second half of the bigram 纯镓
    m503_search_single_characters(db)
    assert found(archive, "镓") == {"ga.html"}
    assert found(archive, "出口管制") == {"a.html"}
    assert found(archive, "高纯") == {"ga.html"}


def bigrams_only(text):
    """Text as indexed before m503: each Chinese run its bigrams, without its last character."""
    return CJK_RUN.sub(lambda m: " " + " ".join(bigrams(m.group())) + " ", text)


def test_search_finds_a_page_whichever_script_it_is_written_in(archive):
    """A Hong Kong or Taiwan page (Traditional characters) and a mainland one (Simplified) are
    found by a query in either script, and through the glossary."""
    for name, title, body in (
            ("hk", "商務部對鎵、鍺相關物項實施出口管制", "將美國實體列入不可靠實體清單。"),
            ("cn", "商务部对镓锗相关物项实施出口管制", "将美国实体列入不可靠实体清单。")):
        item = DocumentItem(url=f"https://news.example.com/{name}.html", source="test",
                            source_kind="news", title=title, body=body, language="zh",
                            content_hash=name)
        archive.store_document(item, run_id=archive.run_id, as_of="2025-11-08")
    assert found(archive, "镓") == {"hk.html", "cn.html"}
    assert found(archive, "鎵") == {"hk.html", "cn.html"}
    assert found(archive, "不可靠實體清單") == {"hk.html", "cn.html"}
    assert found(archive, "gallium") == {"hk.html", "cn.html"}
    stored = archive.db.execute("select title from documents where url like '%hk.html'")
    assert stored.fetchone()[0].startswith("商務部對鎵")  # the page's own characters are kept


def test_migration_reindexes_an_archive_indexed_in_the_pages_own_characters(archive):
    item = DocumentItem(url="https://news.example.com/tw.html", source="test", source_kind="news",
                        title="經濟部", body="對鎵實施出口管制", language="zh", content_hash="tw")
    archive.store_document(item, run_id=archive.run_id, as_of="2025-11-08")
    db = archive.db
    rowid, title, body = db.execute(
        "select rowid, title, body from documents where id = (select id from documents "
        "where url like '%tw.html')").fetchone()
    db.execute("delete from documents_fts where rowid = ?", [rowid])
    db.execute("insert into documents_fts (rowid, title, body) values (?, ?, ?)",
               [rowid, title, " ".join(body)])  # as an archive before m504 indexed it
    assert found(archive, "镓") == set()
    m504_search_simplified_characters(db)
    assert found(archive, "镓") == {"tw.html"}
    assert found(archive, "经济") == {"tw.html"}


@pytest.mark.parametrize(("query", "expected"), [
    ("商务部公告2025年第62号", {"a.html"}),  # Chinese running into digits, as typed
    ("2025年第62号", {"a.html"}),
    ("公告2025", {"a.html", "b.html"}),
    ("告2025年第", {"a.html", "b.html"}),
    ("年第62号", {"a.html"}),
    ("62号", {"a.html"}),
    ("自2025年11月10日起", {"b.html"}),
    ("11月10日", {"b.html"}),
    ("2025年第61号", set()),  # not the number of any document here
])
def test_chinese_running_into_digits_is_found_as_typed(archive, query, expected):
    """The query is segmented as the index is: each run's last character stands alone before
    the digits that follow it, in the query as in the index."""
    assert found(archive, query) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("稀土，出口管制", {"a.html"}),  # full-width comma
    ("稀土：", {"a.html", "c.shtml"}),
    ("稀土*", {"a.html", "c.shtml"}),
    ("出口管制、稀土。", {"a.html"}),
    ("rare earth.", {"a.html", "c.shtml"}),
    ("rare earth)", {"a.html", "c.shtml"}),
    ("(suspension), export", {"c.shtml"}),
    ('"suspension"', {"c.shtml"}),
])
def test_punctuation_typed_with_the_words_is_left_out(archive, query, expected):
    assert found(archive, query) == expected


@pytest.mark.parametrize("query", ['"', ",", "、。：", " * ", ""])
def test_a_query_without_words_is_no_query(archive, query):
    """Nothing to search for (not "nothing found"): no FTS5 query, and the SQL function's
    form of it is still a valid one."""
    assert fts_query(query) == ""
    assert fts_match(query) == '""'
    assert archive.search(query) == []
    archive.db.execute("select count(*) from documents_fts where documents_fts match ?",
                       [fts_match(query)])


def test_a_repeated_word_or_term_is_asked_once(archive):
    long = "rare earth " * 2000
    assert fts_query(long) == fts_query("rare earth")
    assert fts_query("出口 出口 export 出口") == fts_query("出口 export")
    assert glossary_note(long) == glossary_note("rare earth")


def test_a_query_too_long_is_refused_with_a_message(archive):
    long = "rare earth " * 2000
    assert query_problem(long) == (
        "the search is 22,000 characters long: search for at most 500 characters")
    assert query_problem("rare earth") is None
    with pytest.raises(ValueError, match="22,000 characters"):
        archive.search(long)


def test_matched_through_the_glossary_only_when_the_typed_words_are_not_in_it(archive):
    """A document holding the words as typed is found by its words, punctuation or not, and a
    term typed in both languages is found by its words in either."""
    def matched(query):
        return {row["url"].rsplit("/", 1)[1]: row["matched"] for row in archive.search(query)}
    assert matched("稀土，出口管制") == {"a.html": "words"}
    assert matched("rare earth 稀土") == {"a.html": "words", "c.shtml": "words"}
    assert matched("稀土, suspension") == {
        "c.shtml": "glossary: 稀土 = rare earths / 稀土"}


def _store(archive, name, title, body):
    item = DocumentItem(url=f"https://news.example.com/{name}.html", source="test",
                        source_kind="news", title=title, body=body, language="zh",
                        content_hash=name)
    archive.store_document(item, run_id=archive.run_id, as_of="2025-11-08")


@pytest.mark.parametrize(("query", "expected"), [
    ("２０２５年第６２号", {"a.html"}),
    ("第６２号", {"a.html"}),
    ("ＭＯＦＣＯＭ", {"c.shtml"}),
    ("ｒａｒｅ ｅａｒｔｈ", {"a.html", "c.shtml"}),  # the glossary's term, as typed in full width
])
def test_full_width_letters_and_digits_typed_find_the_ascii_text(archive, query, expected):
    assert found(archive, query) == expected


def test_a_page_writing_full_width_digits_is_found_by_ascii_ones(archive):
    _store(archive, "fw", "商务部公告２０２５年第７０号", "暂停实施ＭＯＦＣＯＭ第５５号公告。")
    assert found(archive, "2025年第70号") == {"fw.html"}
    assert found(archive, "70号") == {"fw.html"}
    assert found(archive, "mofcom") == {"fw.html", "c.shtml"}
    stored = archive.db.execute("select title from documents where url like '%fw.html'")
    assert stored.fetchone()[0] == "商务部公告２０２５年第７０号"  # the page's own characters


def test_migration_reindexes_only_the_rows_with_full_width_forms(archive):
    _store(archive, "fw", "商务部公告２０２５年第７０号", "暂停实施。")
    db = archive.db
    rows = {url.rsplit("/", 1)[1]: (rowid, title, body) for rowid, url, title, body in db.execute(
        "select rowid, url, title, body from documents")}
    rowid, title, body = rows["fw.html"]
    db.execute("delete from documents_fts where rowid = ?", [rowid])
    db.execute("insert into documents_fts (rowid, title, body) values (?, ?, ?)",
               [rowid, title, body])  # as an archive before m840 indexed it
    other = rows["a.html"][0]
    db.execute("update documents_fts set body = 'untouched' where rowid = ?", [other])
    assert found(archive, "2025年第70号") == set()
    m840_search_full_width_forms(db)
    assert found(archive, "2025年第70号") == {"fw.html"}
    assert db.execute("select body from documents_fts where rowid = ?",
                      [other]).fetchone()[0] == "untouched"  # a row without any: left alone
    assert db.execute("select count(*) from documents_fts").fetchone()[0] == len(rows)
