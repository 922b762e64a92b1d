"""The text of annex files (PDF, DOCX, XLSX, XLS, ZIP of those), read without risk to the caller.

`extract_text(data, name, media_type)` never raises for bad data and never hangs: the file is
recognised by its bytes (not its name), refused early when it cannot be an annex (empty, an HTML
error page, a truncated PDF or ZIP, an old binary DOC, too large), and otherwise parsed in a child
process with a time limit and a memory limit (RLIMIT_AS). What could not be read comes back as
`text == ""` (or partial text) with a `reason` starting with a `Reason` code.

Tables come out one row per line, cells separated by " | ", so entity tables (序号 | 中文名称 |
英文名称 | 国家/地区 | 地址) and control-list tables can be read line by line. Sheets start with
a `[sheet name]` line, ZIP members with `== member name ==`.
"""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import subprocess
import sys
import unicodedata
from dataclasses import asdict, dataclass
from enum import StrEnum
from io import BytesIO
from pathlib import Path
from typing import Any

CELL_SEPARATOR = " | "


class Reason(StrEnum):
    """Why an annex has no (or only part of its) text; a reason reads `<code>: <detail>`."""

    TOO_LARGE = "too-large"
    EMPTY = "empty"
    HTML_PAGE = "html-page"
    TRUNCATED = "truncated"
    BINARY_DOC = "binary-doc"
    UNSUPPORTED = "unsupported"
    NO_TEXT_LAYER = "no-text-layer"
    ENCRYPTED = "encrypted"
    ARCHIVE_REFUSED = "archive-refused"
    PARTIAL = "partial"
    TEXT_CUT = "text-cut"
    UNREADABLE = "unreadable"
    TIMEOUT = "timeout"
    MEMORY = "memory"
    CRASHED = "crashed"


class Kind(StrEnum):
    PDF = "application/pdf"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    XLS = "application/vnd.ms-excel"
    DOC = "application/msword"
    OLE = "application/x-ole-storage"
    ZIP = "application/zip"
    HTML = "text/html"
    RTF = "application/rtf"
    EMPTY = "application/x-empty"
    UNKNOWN = "application/octet-stream"


@dataclass(frozen=True)
class AnnexText:
    text: str
    media_type: str  # what the bytes are (Kind), whatever the name or the server said
    reason: str | None = None  # None when the whole text was read
    pages: int | None = None  # pages of a PDF

    @property
    def reason_code(self) -> Reason | None:
        return Reason(self.reason.split(":", 1)[0]) if self.reason else None


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * 1024 * 1024  # checked before anything is parsed
    seconds: float = 20.0  # wall time of the child process
    memory_bytes: int = 512 * 1024 * 1024  # its address space (RLIMIT_AS)
    max_unpacked_bytes: int = 200 * 1024 * 1024  # a ZIP's (or DOCX's, XLSX's) members, together
    max_ratio: int = 200  # unpacked / packed size of one member over 1 MiB
    max_members: int = 2000
    max_text_chars: int = 5_000_000


STANDARD_LIMITS = Limits()

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MARKUP = (b"<html", b"<!doctype", b"<head", b"<body", b"<title", b"<?xml", b"<error")
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.I | re.S)
_CJK_RADICALS = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")
# Control characters (C0 but tab and newline, C1) and bidirectional overrides and isolates: a
# hostile annex must not make a name read otherwise than it is stored (pipelines.normalize.CONTROL,
# for pages, drops the same).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                      "\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")


def reason(code: Reason, detail: str) -> str:
    return f"{code}: {detail}"


def extract_text(data: bytes, name: str, media_type: str | None = None,
                 limits: Limits = STANDARD_LIMITS) -> AnnexText:
    """The annex's text, or '' and a reason; parsing runs in a limited child process."""
    kind = sniff(data)
    refused = refuse_before_parsing(data, kind, name, media_type, limits)
    if refused:
        return refused
    return _run_child(data, name, kind, limits)


def sniff(data: bytes) -> Kind:
    """What the bytes are, from their first bytes (and, for a ZIP, the names inside it)."""
    head = data[:1024]
    if not data.strip():
        return Kind.EMPTY
    if b"%PDF-" in head:
        return Kind.PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if b"word/document.xml" in data:
            return Kind.DOCX
        if b"xl/workbook.xml" in data:
            return Kind.XLSX
        return Kind.ZIP
    if head.startswith(_OLE_MAGIC):
        if "WordDocument".encode("utf-16-le") in data:
            return Kind.DOC
        if "Workbook".encode("utf-16-le") in data or "Book\0".encode("utf-16-le") in data:
            return Kind.XLS
        return Kind.OLE
    if head.startswith(b"{\\rtf"):
        return Kind.RTF
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(b"<") and any(tag in lowered for tag in _MARKUP):
        return Kind.HTML
    return Kind.UNKNOWN


def refuse_before_parsing(data: bytes, kind: Kind, name: str, media_type: str | None,
                          limits: Limits) -> AnnexText | None:
    """An AnnexText with a reason when the bytes cannot be (or must not be) parsed, else None."""
    said = _what_it_claimed(name, media_type)
    if len(data) > limits.max_bytes:
        return AnnexText("", kind, reason(
            Reason.TOO_LARGE, f"{len(data)} bytes, over the cap of {limits.max_bytes}"))
    if kind == Kind.EMPTY:
        return AnnexText("", kind, reason(Reason.EMPTY, f"{len(data)} bytes, no content{said}"))
    if kind == Kind.HTML:
        return AnnexText("", kind, reason(
            Reason.HTML_PAGE, f"a web page{_page_title(data)}, not an annex file{said}"))
    if kind == Kind.PDF and b"%%EOF" not in data[-2048:]:
        return AnnexText("", kind, reason(
            Reason.TRUNCATED, f"the PDF has no end-of-file marker ({len(data)} bytes)"))
    if kind in (Kind.ZIP, Kind.DOCX, Kind.XLSX) and b"PK\x05\x06" not in data[-65_600:]:
        return AnnexText("", kind, reason(
            Reason.TRUNCATED, f"the ZIP container has no central directory ({len(data)} bytes)"))
    if kind == Kind.DOC:
        return AnnexText("", kind, reason(
            Reason.BINARY_DOC, "an old binary Word document (.doc); its text is not read"))
    if kind in (Kind.OLE, Kind.RTF, Kind.UNKNOWN):
        return AnnexText("", kind, reason(
            Reason.UNSUPPORTED, f"not a PDF, DOCX, XLSX, XLS or ZIP (starts {data[:12]!r}){said}"))
    return None


def _what_it_claimed(name: str, media_type: str | None) -> str:
    claims = [claim for claim in (Path(name).suffix.lower(), media_type) if claim]
    return f" (named or served as {', '.join(claims)})" if claims else ""


def _page_title(data: bytes) -> str:
    match = _TITLE.search(data[:8192])
    if not match:
        return ""
    raw = match.group(1)
    for encoding in ("utf-8", "gb18030"):
        try:
            title = " ".join(raw.decode(encoding).split())[:80]
            return f' titled "{title}"' if title else ""
        except UnicodeDecodeError:
            continue
    return ""


# --------------------------------------------------------------------------- the child process


def _run_child(data: bytes, name: str, kind: Kind, limits: Limits) -> AnnexText:
    package_root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [package_root, *filter(None, [os.environ.get("PYTHONPATH")])]))
    args = json.dumps({"name": name, "kind": kind.value, "limits": asdict(limits)})
    try:
        done = subprocess.run([sys.executable, "-m", "pipelines.annex_text", args], input=data,
                              capture_output=True, timeout=limits.seconds, env=env,
                              close_fds=True)
    except subprocess.TimeoutExpired:
        return AnnexText("", kind, reason(
            Reason.TIMEOUT, f"reading it took more than {limits.seconds:g} s; stopped"))
    return _child_result(done, kind, limits)


def _child_result(done: subprocess.CompletedProcess, kind: Kind, limits: Limits) -> AnnexText:
    if done.returncode == 0:
        try:
            return AnnexText(**json.loads(done.stdout))
        except (ValueError, TypeError):
            pass
    last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or [""])[-1][:200]
    if done.returncode == -signal.SIGXCPU:
        return AnnexText("", kind, reason(Reason.TIMEOUT, "the reader used up its CPU time"))
    if "MemoryError" in last or "memory" in last.lower():
        return AnnexText("", kind, reason(
            Reason.MEMORY, f"the reader needed more than {limits.memory_bytes >> 20} MB"))
    return AnnexText("", kind, reason(
        Reason.CRASHED, f"the reader stopped with code {done.returncode} ({last or 'no output'})"))


def _child_main(argv: list[str]) -> int:
    """Entry point of the child: limits first, then read stdin, write one JSON object."""
    request = json.loads(argv[0])
    limits = Limits(**request["limits"])
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    cpu = int(limits.seconds) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    data = sys.stdin.buffer.read()
    kind = Kind(request["kind"])
    try:
        result = read_annex(data, request["name"], kind, limits)
    except MemoryError:
        result = AnnexText("", kind, reason(
            Reason.MEMORY, f"the reader needed more than {limits.memory_bytes >> 20} MB"))
    sys.stdout.write(json.dumps(asdict(result), ensure_ascii=False))
    return 0


# --------------------------------------------------------------------------- readers (in the child)


def read_annex(data: bytes, name: str, kind: Kind, limits: Limits) -> AnnexText:
    """Parse bytes already sniffed and checked; in-process, so only ever call it in the child."""
    try:
        if kind in (Kind.ZIP, Kind.DOCX, Kind.XLSX):
            problem = check_zip(data, limits)
            if problem:
                return AnnexText("", kind, reason(Reason.ARCHIVE_REFUSED, problem))
        if kind == Kind.ZIP:
            return read_zip(data, limits)
        text, pages = _READERS[kind](data)
    except MemoryError:
        raise
    except Exception as error:  # a parser's own error on bad bytes: reported, never raised
        return AnnexText("", kind, _parser_error(error), None)
    return finish(clean_text(text), kind, pages, limits)


def _parser_error(error: Exception) -> str:
    message = " ".join(str(error).split())[:200]
    kind = type(error).__name__
    # pdfplumber wraps pdfminer's error (PdfminerException(PDFPasswordIncorrect())), whose
    # text is empty: what it wraps says what it is
    wrapped = " ".join(dict.fromkeys(type(e).__name__ for e in (
        *error.args, error.__cause__, error.__context__) if isinstance(e, BaseException)))
    if wrapped and not message:
        message = wrapped
    if "password" in (message + wrapped).lower() or "encrypt" in (
            message + kind + wrapped).lower():
        return reason(Reason.ENCRYPTED, f"{kind}: {message}")
    if "allocate" in message.lower() or "out of memory" in message.lower():
        return reason(Reason.MEMORY, f"{kind}: {message}")
    return reason(Reason.UNREADABLE, f"{kind}: {message}" if message else kind)


def finish(text: str, kind: Kind, pages: int | None, limits: Limits) -> AnnexText:
    if len(text) > limits.max_text_chars:
        return AnnexText(text[:limits.max_text_chars], kind, reason(
            Reason.TEXT_CUT, f"{len(text)} characters, cut at {limits.max_text_chars}"), pages)
    if not text.strip():
        if kind == Kind.PDF and pages:
            return AnnexText("", kind, reason(
                Reason.NO_TEXT_LAYER, f"{pages} page(s) without a text layer (a scan?)"), pages)
        return AnnexText("", kind, reason(Reason.EMPTY, "the file holds no text"), pages)
    return AnnexText(text, kind, None, pages)


def clean_text(text: str) -> str:
    """Control characters out; Kangxi radicals and compatibility ideographs (common in Chinese
    PDFs: ⼀ for 一) to the ideographs they stand for; no trailing spaces; no blank runs."""
    text = _CONTROL.sub("", _LINE_BREAKS.sub("\n", text))
    text = _CJK_RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def join_fragments(parts: list[str]) -> str:
    """Pieces of one cell or line: no space between two CJK characters, else one space."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and not (_is_cjk(out[-1]) and _is_cjk(part[0])):
            out += " "
        out += part
    return out


def _is_cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def table_row(cells: list[Any]) -> str:
    """One table row as a line (a cell's own line breaks, of any kind, joined); empty trailing
    cells dropped, '' for an empty row."""
    texts = [join_fragments(str(c).splitlines()) if c is not None else "" for c in cells]
    while texts and not texts[-1]:
        texts.pop()
    return CELL_SEPARATOR.join(texts)


def cell_text(value: Any) -> str:
    """A spreadsheet value as text: whole floats without '.0' (HS codes), dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:-9] if text.endswith("T00:00:00") else text
    return str(value)


# PDF -----------------------------------------------------------------------------------------


def read_pdf(data: bytes) -> tuple[str, int]:
    import pdfplumber

    pages = []
    with pdfplumber.open(BytesIO(data)) as pdf:
        count = len(pdf.pages)
        for page in pdf.pages:
            pages.append(pdf_page_text(page))
            page.close()
    return "\n\n".join(pages), count


def pdf_page_text(page: Any) -> str:
    """Ruled tables as rows of cells, other words as lines (wide gaps become ' | '), top down."""
    tables = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 2]
    blocks: list[tuple[float, str]] = []
    for table in tables:
        rows = [table_row(cells) for cells in table.extract()]
        blocks.append((table.bbox[1], "\n".join(row for row in rows if row)))
    boxes = [table.bbox for table in tables]
    outside = page.filter(lambda obj: not any(_inside(obj, box) for box in boxes)) if boxes \
        else page
    words = outside.extract_words(extra_attrs=["size"], keep_blank_chars=False)
    blocks += pdf_lines(words)
    blocks.sort(key=lambda block: block[0])
    return "\n".join(text for _, text in blocks)


def _inside(obj: dict, box: tuple[float, float, float, float]) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def pdf_lines(words: list[dict]) -> list[tuple[float, str]]:
    """Words grouped into lines by their top; a gap of 1.5 font sizes or more starts a cell."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        tolerance = max(2.0, 0.4 * float(word.get("size") or 10))
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    out = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        text = line[0]["text"]
        for before, word in zip(line, line[1:], strict=False):
            size = max(float(before.get("size") or 10), float(word.get("size") or 10))
            gap = word["x0"] - before["x1"]
            text += (CELL_SEPARATOR if gap >= 1.5 * size else " ") + word["text"]
        out.append((line[0]["top"], text))
    return out


# DOCX, XLSX, XLS -------------------------------------------------------------------------------


def read_docx(data: bytes) -> tuple[str, None]:
    import docx
    from docx.table import Table

    document = docx.Document(BytesIO(data))
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(docx_table_rows(block))
        else:
            lines.append(block.text)
    return "\n".join(lines), None


def docx_table_rows(table: Any) -> list[str]:
    rows = []
    for row in table.rows:
        cells, seen = [], None
        for cell in row.cells:
            if cell._tc is seen:  # a horizontally merged cell repeats: keep it once
                continue
            seen = cell._tc
            cells.append(cell.text)
        line = table_row(cells)
        if line:
            rows.append(line)
    return rows


def read_xlsx(data: bytes) -> tuple[str, None]:
    import openpyxl

    book = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True)
    try:
        lines = []
        for sheet in book.worksheets:
            lines.append(f"[{sheet.title}]")
            for values in sheet.iter_rows(values_only=True):
                line = table_row([cell_text(v) for v in values])
                if line:
                    lines.append(line)
        return "\n".join(lines), None
    finally:
        book.close()


def read_xls(data: bytes) -> tuple[str, None]:
    import xlrd

    book = xlrd.open_workbook(file_contents=data, on_demand=True)
    lines = []
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        lines.append(f"[{sheet.name}]")
        for r in range(sheet.nrows):
            line = table_row([_xls_cell(book, cell) for cell in sheet.row(r)])
            if line:
                lines.append(line)
        book.unload_sheet(index)
    return "\n".join(lines), None


def _xls_cell(book: Any, cell: Any) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return cell_text(xlrd.xldate_as_datetime(cell.value, book.datemode))
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell_text(cell.value)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return cell_text(bool(cell.value))
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return "#ERROR"
    return cell_text(cell.value)


_READERS = {Kind.PDF: read_pdf, Kind.DOCX: read_docx, Kind.XLSX: read_xlsx, Kind.XLS: read_xls}


# ZIP -------------------------------------------------------------------------------------------


def check_zip(data: bytes, limits: Limits) -> str | None:
    """A ZIP bomb's signs from the central directory (sizes zipfile then enforces), else None."""
    import zipfile

    with zipfile.ZipFile(BytesIO(data)) as archive:
        infos = archive.infolist()
    if len(infos) > limits.max_members:
        return f"{len(infos)} members, over the cap of {limits.max_members}"
    total = sum(info.file_size for info in infos)
    if total > limits.max_unpacked_bytes:
        return f"{total} bytes unpacked, over the cap of {limits.max_unpacked_bytes} (a ZIP bomb?)"
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1 << 20 and ratio > limits.max_ratio:
            return (f"{member_name(info)} unpacks {ratio:.0f} times its size, over the cap of"
                    f" {limits.max_ratio} (a ZIP bomb?)")
    return None


def member_name(info: Any) -> str:
    """A member's name; names without the UTF-8 flag are read as GBK, as Chinese Windows wrote."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def read_zip(data: bytes, limits: Limits) -> AnnexText:
    """Each annex in the ZIP under its name; nested archives and other files are not opened."""
    import zipfile

    parts, problems, read = [], [], 0
    with zipfile.ZipFile(BytesIO(data)) as archive:
        members = [info for info in archive.infolist() if not _skipped(info)]
        for info in members:
            name = member_name(info)
            result = read_member(archive.read(info), name, limits)
            if result.text:
                parts.append(f"== {name} ==\n{result.text}")
            if result.reason:
                problems.append(f"{name}: {result.reason}")
            else:
                read += 1
    text = "\n\n".join(parts)
    if not members:
        return AnnexText("", Kind.ZIP, reason(Reason.EMPTY, "the ZIP holds no files"))
    if problems:
        summary = f"{len(members) - read} of {len(members)} files not (fully) read: "
        code = Reason.PARTIAL if text else Reason.UNREADABLE
        cut = finish(text, Kind.ZIP, None, limits)
        return AnnexText(cut.text, Kind.ZIP, reason(code, summary + "; ".join(problems)))
    return finish(text, Kind.ZIP, None, limits)


def _skipped(info: Any) -> bool:
    name = info.filename
    return info.is_dir() or name.startswith("__MACOSX/") or Path(name).name.startswith(".")


def read_member(data: bytes, name: str, limits: Limits) -> AnnexText:
    kind = sniff(data)
    if kind in (Kind.ZIP,) or Path(name).suffix.lower() in (".zip", ".rar", ".7z", ".gz"):
        return AnnexText("", kind, reason(Reason.ARCHIVE_REFUSED, "an archive inside the ZIP"))
    refused = refuse_before_parsing(data, kind, name, None, limits)
    return refused or read_annex(data, name, kind, limits)


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]))
