"""Read plain-text, HTML and JSONL inputs into ``RawDocument`` records."""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from eventcoder.errors import InputError
from eventcoder.models import RawDocument

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
MAX_CHARS = 1_000_000  # longer inputs are not news articles; refuse them with a reason


def _cp1252_bytes(err: UnicodeError) -> tuple[str, int]:
    """``codecs`` error handler: the bytes UTF-8 cannot decode, read as Windows-1252."""
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start:err.end].decode("cp1252", errors="replace"), err.end


codecs.register_error("eventcoder-cp1252", _cp1252_bytes)


def decode_bytes(data: bytes, source: str, *, html: bool = False) -> str:
    """Decode an input's bytes to text.

    Order: a BOM, UTF-8, the charset of an HTML ``<meta>`` tag, then cp1252 (the
    usual mislabelled Western encoding). Rejects empty and binary input.

    Args:
        data: the raw bytes.
        source: the input's name, for the error message.
        html: whether to look for a ``<meta charset>``.

    Raises:
        InputError: empty input, binary data (NUL bytes or mostly control
            characters), or bytes that no encoding above decodes.
    """
    if not data.strip():
        raise InputError(source, "empty input: nothing to code")
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(source, "binary data (NUL bytes): not a text or HTML article")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
        lenient = data.decode("utf-8", errors="replace")
        bad = lenient.count("\ufffd")
        if bad <= max(3, len(lenient) // 1000) and any(ord(ch) > 127 and ch != "\ufffd" for ch in lenient):
            # UTF-8 with a stray bad byte or two ("Tillabéri ... \xff"): UTF-8, not Windows-1252;
            # each stray byte read as Windows-1252 (text pasted from another file: "Caf\xe9" is Café)
            text = data.decode("utf-8", errors="eventcoder-cp1252")
        if not text and html:
            m = _META_CHARSET.search(head)
            if m:
                try:
                    text = data.decode(m.group(1).decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    text = ""
        if not text:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as err:
                raise InputError(source, "cannot decode the bytes as text (neither UTF-8 nor Windows-1252): "
                                         "not a text or HTML article") from err
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 4096):
        raise InputError(source, "binary data (control characters): not a text or HTML article")
    if len(text) > MAX_CHARS:
        raise InputError(source, f"too long for one article ({len(text):,} characters; the limit is {MAX_CHARS:,})")
    return text


def _looks_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def check_date(value: object, source: str, name: str = "published") -> str | None:
    """Validate a publication date and return it in ISO form, or None when empty.

    A full date (``YYYY-MM-DD``, a real calendar day) or, when only part is known, a
    year and month (``YYYY-MM``) or a year (``YYYY``), as FORMAT.md's "Publication dates
    known in part" allows; a timestamp keeps its date part. A partial date is kept as it
    is: no day is ever guessed.

    Raises:
        InputError: not a string in one of those forms, not a real date (2020-02-30), or a
            year before ``EARLIEST_YEAR``.
    """
    from datetime import date

    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(source, f"{name} must be an ISO date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    value = value.strip()
    head = value[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", value) else value
    if not _DATE.match(head):
        raise InputError(source, f"{name} must be an ISO date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    parts = [int(p) for p in head.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as err:
        raise InputError(source, f"{name} {head!r} is not a real date ({err})") from err
    if parts[0] < EARLIEST_YEAR:
        # (a year-0001 placeholder would date "late Sunday" before the calendar's start)
        raise InputError(source, f"{name} {head!r} is implausibly early for a news report (before {EARLIEST_YEAR})")
    return head


# the earliest year a publication date may have: older values are placeholders, not dates
EARLIEST_YEAR = 1800


_check_date = check_date


def _clean_str(value: str) -> str:
    """Replace lone surrogates (from JSON escapes) so the text can be written as UTF-8."""
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def read_document(
    path: str | Path,
    *,
    published: str | None = None,
    url: str | None = None,
    doc_id: str | None = None,
) -> RawDocument:
    """Read one ``.txt``/``.html`` file (or ``-`` for standard input).

    Args:
        path: the file, or ``"-"``.
        published: ISO date given by the user; wins over the page's own date.
        url: the article's address, given by the user.
        doc_id: the id to use; default the file stem, or ``"stdin"``.

    Raises:
        InputError: unreadable, empty, binary or undecodable input.
    """
    source = str(path)
    if source == "-":
        data = sys.stdin.buffer.read()
        text = decode_bytes(data, "stdin", html=True)
        kind = "html" if _looks_html(text) else "text"
        return RawDocument(doc_id or "stdin", "stdin", text, kind, url,
                           _check_date(published, "stdin"))
    p = Path(path)
    if p.is_dir():
        raise InputError(source, "is a folder: give files, or use `eventcoder run` for folders")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise InputError(source, f"cannot read the file ({err.strerror or err})") from err
    is_html = p.suffix.lower() in HTML_SUFFIXES
    text = decode_bytes(data, source, html=True)
    if not is_html and p.suffix.lower() not in TEXT_SUFFIXES:
        is_html = _looks_html(text)
    return RawDocument(doc_id or p.stem, source, text, "html" if is_html else "text", url,
                       _check_date(published, source))


def _record(obj: object, source: str, line_no: int) -> RawDocument:
    where = f"{source}:{line_no}"
    fallback_id = f"{Path(source).stem}-{line_no}"
    if not isinstance(obj, dict):
        raise InputError(where, "a JSONL record must be an object {id, url, published, title, text|html}",
                         doc_id=fallback_id)
    raw_id = obj.get("id")
    if raw_id not in (None, "") and (not isinstance(raw_id, (str, int)) or isinstance(raw_id, bool)):
        raise InputError(where, f"'id' must be a string or a number, got {type(raw_id).__name__}", doc_id=fallback_id)
    rec_id = _clean_str(str(raw_id)) if raw_id not in (None, "") else fallback_id
    for key in ("text", "html", "url", "title"):
        if obj.get(key) is not None and not isinstance(obj.get(key), str):
            raise InputError(where, f"record {rec_id!r}: '{key}' must be a string, got {type(obj[key]).__name__}",
                             doc_id=rec_id)
    html = obj.get("html")
    text = obj.get("text")
    if isinstance(html, str) and html.strip():
        content, kind = _clean_str(html), "html"
    elif isinstance(text, str) and text.strip():
        content, kind = _clean_str(text), "text"
    else:
        raise InputError(where, f"record {rec_id!r} has no non-empty 'text' or 'html' field", doc_id=rec_id)
    if len(content) > MAX_CHARS:
        raise InputError(where, f"record {rec_id!r} is too long for one article ({len(content):,} characters; "
                                f"the limit is {MAX_CHARS:,})", doc_id=rec_id)
    url = _clean_str(obj["url"]) if isinstance(obj.get("url"), str) else None
    title = _clean_str(obj["title"]) if isinstance(obj.get("title"), str) else None
    try:
        published = check_date(obj.get("published"), where)
    except InputError as err:
        raise InputError(where, f"record {rec_id!r}: {err.reason}", doc_id=rec_id) from err
    return RawDocument(rec_id, where, content, kind, url, published, title)


def iter_jsonl(path: str | Path, published: str | None = None) -> Iterator[RawDocument | InputError]:
    """Yield one ``RawDocument`` per line of a JSONL batch, or an ``InputError`` for a bad line.

    Blank lines are skipped. Records: ``{id, url, published, title, text | html}``.
    ``published``: the date of records that carry none of their own (the command line's).
    """
    source = str(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as err:
        yield InputError(source, f"cannot read the file ({err.strerror or err})")
        return
    with fh:
        head = fh.read(4)
        fh.seek(0)
        wide = "utf-32" if head[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff") else \
            "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else None
        lines: Iterable[bytes | str] = fh
        if wide is not None:
            # a batch saved as UTF-16 or UTF-32 (its byte-order mark says so): read as such
            try:
                lines = fh.read().decode(wide).splitlines()
            except UnicodeDecodeError:
                yield InputError(source, f"cannot read the batch: it starts as {wide.upper()} but is not")
                return
        for line_no, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            where = f"{source}:{line_no}"
            fallback_id = f"{Path(source).stem}-{line_no}"
            try:
                obj = json.loads(raw if isinstance(raw, str) else raw.decode("utf-8-sig" if line_no == 1 else "utf-8"))
            except UnicodeDecodeError:
                yield InputError(where, "line is not UTF-8", doc_id=fallback_id)
                continue
            except json.JSONDecodeError as err:
                msg = re.sub(r"\s+at$", "", err.msg)
                yield InputError(where, f"malformed JSON ({msg}, column {err.colno})", doc_id=fallback_id)
                continue
            except RecursionError:
                yield InputError(where, "malformed JSON (nested too deeply)", doc_id=fallback_id)
                continue
            try:
                doc = _record(obj, source, line_no)
            except InputError as err:
                yield err
                continue
            yield doc if doc.published or published is None else replace(doc, published=published)


def iter_documents(
    paths: list[str],
    *,
    published: str | None = None,
    url: str | None = None,
) -> Iterator[RawDocument | InputError]:
    """Yield the documents of several inputs: files, ``-``, and JSONL batches.

    ``published`` applies to single files and to JSONL records that carry no date of their
    own; ``url`` to single files only.
    """
    for path in paths:
        if path != "-" and Path(path).suffix.lower() in JSONL_SUFFIXES:
            yield from iter_jsonl(path, published=published)
            continue
        try:
            yield read_document(path, published=published, url=url)
        except InputError as err:
            yield err
