"""Corpus sources: folders, WARC archives, RSS/Atom feeds and URL lists, as ``RawDocument`` records.

- Folders are walked recursively for ``.txt``, ``.html``/``.htm``, ``.jsonl``, ``.warc`` and
  ``.warc.gz`` files.
- WARC response records (warcio) with an HTML or plain-text payload become documents;
  the charset comes from the HTTP header, then the page's ``<meta>``, then detection.
  Other records (requests, metadata, images, PDFs) are skipped and counted. A truncated
  gzip member or a broken record header ends that file with an ``InputError``; the run
  goes on with the next input.
- Feeds (feedparser): an item's own content when present, else its link is fetched (when
  online). A date feedparser cannot read is kept in a warning, never filled with a guess.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.errors import InputError
from eventcoder.ingest.files import JSONL_SUFFIXES, decode_bytes, iter_documents
from eventcoder.models import RawDocument

CORPUS_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".ndjson", ".warc", ".warc.gz")


@dataclass
class SourceStats:
    """Counts of what the sources held besides articles."""

    skipped_records: int = 0
    skipped_by_type: dict[str, int] = field(default_factory=dict)


def _is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(".warc") or name.endswith(".warc.gz")


def expand_inputs(inputs: list[str]) -> Iterator[str]:
    """Files named, and every corpus file under the folders named (sorted, recursive)."""
    for item in inputs:
        p = Path(item)
        if item != "-" and p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and (f.name.lower().endswith(CORPUS_SUFFIXES)):
                    yield str(f)
        else:
            yield item


def count_articles(inputs: list[str], *, limit_bytes: int = 2_000_000_000) -> int | None:
    """How many articles the inputs hold, for a progress bar's total and ETA: one per plain
    file, one per non-blank line of a JSON-lines batch; None when that cannot be known cheaply
    (standard input, WARC archives, feeds, or more than ``limit_bytes`` of batches to scan)."""
    total, scanned = 0, 0
    for item in expand_inputs(inputs):
        p = Path(item)
        if item == "-" or _is_warc(p) or not p.is_file():
            return None
        if p.name.lower().endswith(tuple(JSONL_SUFFIXES)):
            scanned += p.stat().st_size
            if scanned > limit_bytes:
                return None
            with p.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset=([\w-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def iter_warc(path: str | Path, stats: SourceStats) -> Iterator[RawDocument | InputError]:
    """Documents of a WARC file's response records; an ``InputError`` ends a broken file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    gz = str(path).lower().endswith(".gz")
    # (an uncompressed WARC record always ends in two CRLFs: a file that does not was cut)
    truncated = not _gzip_complete(Path(path)) if gz else not _ends_whole(Path(path))
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed in finally
    except OSError as err:
        yield InputError(source, f"cannot read the file ({err.strerror})")
        return
    head = fh.read(8)
    fh.seek(0)
    if not head or not (head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/")):
        fh.close()
        yield InputError(source, "empty WARC file" if not head else
                         "not a WARC file (it starts neither with 'WARC/' nor with gzip data)")
        return
    n = pending_n = 0
    pending: RawDocument | InputError | None = None  # held back: the last record of a truncated file is incomplete
    try:
        for record in ArchiveIterator(fh):
            n += 1
            if record.rec_type != "response":
                stats.skipped_records += 1
                stats.skipped_by_type[record.rec_type] = stats.skipped_by_type.get(record.rec_type, 0) + 1
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            ctype = record.http_headers.get_header("Content-Type") if record.http_headers else ""
            ctype = ctype or ""
            if not re.match(r"\s*(?:text/html|application/xhtml|text/plain)", ctype, re.I):
                stats.skipped_records += 1
                key = ctype.split(";")[0].strip() or "unknown"
                stats.skipped_by_type[key] = stats.skipped_by_type.get(key, 0) + 1
                continue
            where = f"{source}#{n}"
            data = record.content_stream().read()
            doc_id = record.rec_headers.get_header("WARC-Record-ID") or where
            doc_id = doc_id.strip("<>").removeprefix("urn:uuid:")
            try:
                charset = _charset(ctype)
                if charset:
                    try:
                        text = data.decode(charset)
                    except (LookupError, UnicodeDecodeError):
                        text = decode_bytes(data, where, html=True)
                else:
                    text = decode_bytes(data, where, html=True)
            except InputError as err:
                yield InputError(where, err.reason, doc_id=doc_id)
                continue
            kind = "text" if "text/plain" in ctype.lower() else "html"
            if pending is not None:
                yield pending
            pending = RawDocument(doc_id, where, text, kind, uri, None)
            pending_n = n
        if pending is not None and (not truncated or pending_n < n):
            # (a response followed by other records is whole: only the very last record is cut)
            yield pending
        if truncated:
            how = "the gzip data ends early" if gz else "the file ends inside a record"
            yield InputError(source, f"broken WARC: {how} (truncated file); its last record "
                                     f"(#{n}) is incomplete and was not coded, the records before it were read")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError, KeyError, TypeError) as err:
        # (warcio itself fails with AttributeError on a response record with no target URI)
        if pending is not None:
            yield pending
        yield InputError(source, f"broken WARC after record {n} ({type(err).__name__}: {err}); "
                                 "the records before it were read")
    finally:
        fh.close()


def _ends_whole(path: Path) -> bool:
    """Whether an uncompressed WARC file ends as a record does (CRLF CRLF); an empty or
    unreadable file counts as whole (other checks report it)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            if fh.tell() < 4:
                return True
            fh.seek(-4, 2)
            return fh.read(4) == b"\r\n\r\n"
    except OSError:
        return True


def _gzip_complete(path: Path) -> bool:
    """Whether a gzip file (all its members) decompresses to its end."""
    import gzip
    import zlib

    try:
        with gzip.open(path, "rb") as gz:
            while gz.read(1 << 20):
                pass
        return True
    except (EOFError, OSError, zlib.error):
        return False


def iter_feed(location: str, *, fetch: bool = True) -> Iterator[RawDocument | InputError]:
    """Items of an RSS or Atom feed (a URL or a local file)."""
    import feedparser

    if "://" not in location:
        # a local file: say what is wrong with the path before asking the feed parser
        local = Path(location)
        if local.is_dir():
            yield InputError(location, "is a folder, not a feed file")
            return
        if not local.exists():
            yield InputError(location, "no such feed file")
            return
    parsed = feedparser.parse(location)
    if parsed.get("bozo") and not parsed.get("entries"):
        reason = parsed.get("bozo_exception")
        yield InputError(location, f"not a readable RSS/Atom feed ({type(reason).__name__ if reason else 'no entries'})")
        return
    for i, entry in enumerate(parsed.entries, start=1):
        where = f"{location}#{i}"
        link = entry.get("link")
        doc_id = entry.get("id") or link or where
        published = None
        if entry.get("published_parsed") or entry.get("updated_parsed"):
            t = entry.get("published_parsed") or entry.get("updated_parsed")
            published = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}"
        content = ""
        if entry.get("content"):
            content = entry.content[0].get("value", "")
        content = content or entry.get("summary", "")
        title = entry.get("title")
        notes: tuple[str, ...] = ()
        if len(re.sub(r"<[^>]+>", " ", content).split()) < 60 and link and fetch:
            try:
                yield fetch_url(link, doc_id=str(doc_id), published=published, title=title)
                continue
            except InputError as err:
                if not re.sub(r"<[^>]+>", " ", content).strip():
                    yield err
                    continue
                # the item's own summary is still news: coded, with the reason its page is missing
                notes = (f"coded from the feed's summary: {err.reason}",)
        if not content.strip():
            yield InputError(where, "feed item without content or a fetchable link", doc_id=str(doc_id))
            continue
        html = content if "<" in content else f"<html><body><p>{content}</p></body></html>"
        if "<html" not in html.lower():
            html = f"<html><body>{html}</body></html>"
        yield RawDocument(str(doc_id), where, html, "html", link, published, title, notes=notes)


def fetch_url(url: str, *, doc_id: str | None = None, published: str | None = None, title: str | None = None,
              timeout: float = 30.0) -> RawDocument:
    """Fetch one page (needs the internet).

    Only ``http`` and ``https`` addresses are fetched: a feed item's link to ``file://`` or
    ``ftp://`` would read what the user never named (a local file) into the store.

    Raises:
        InputError: the page cannot be fetched or decoded, or the address is not http(s).
    """
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises for a port that is no number
    except ValueError as err:
        raise InputError(url, f"not a valid web address ({err})", doc_id=doc_id) from err
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(url, f"not a web address (scheme {scheme or 'none'!r}; only http and https are fetched)",
                         doc_id=doc_id)
    try:
        req = urllib.request.Request(url, headers={"User-Agent": "eventcoder/0.1 (+news event coding)"})
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310
            data = resp.read(5_000_000)
            ctype = resp.headers.get("Content-Type", "")
    except (urllib.error.URLError, OSError, ValueError) as err:
        raise InputError(url, f"cannot fetch the page ({getattr(err, 'reason', err)})", doc_id=doc_id) from err
    charset = _charset(ctype)
    text = None
    if charset:
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = None
    text = text or decode_bytes(data, url, html=True)
    return RawDocument(doc_id or url, url, text, "text" if "text/plain" in ctype else "html", url, published, title)


def iter_corpus(inputs: list[str], *, feeds: list[str] = (), urls: list[str] = (),  # type: ignore[assignment]
                stats: SourceStats | None = None, published: str | None = None) -> Iterator[RawDocument | InputError]:
    """Every document of a corpus run: files and folders, then feeds, then URLs.

    ``published`` (ISO date, or ``YYYY-MM``/``YYYY``) is the publication date of documents
    that carry none of their own (no record field, page metadata, dateline or URL date).
    """
    if published is not None:
        from dataclasses import replace

        for doc in iter_corpus(inputs, feeds=feeds, urls=urls, stats=stats):
            yield doc if isinstance(doc, InputError) else replace(doc, published_fallback=published)
        return
    stats = stats or SourceStats()
    for item in expand_inputs(inputs):
        p = Path(item)
        if item != "-" and not p.exists():
            yield InputError(item, "no such file or folder")
        elif item != "-" and _is_warc(p):
            yield from iter_warc(p, stats)
        elif item != "-" and p.suffix.lower() in JSONL_SUFFIXES:
            yield from iter_documents([item])
        else:
            yield from iter_documents([item])
    for feed in feeds:
        yield from iter_feed(feed)
    for url in urls:
        try:
            yield fetch_url(url)
        except InputError as err:
            yield err


def read_list(path: str | Path) -> list[str]:
    """Non-empty, non-comment lines of a --feeds or --urls file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(str(path), f"cannot read the list ({err.strerror})") from err
    return [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith("#")]
