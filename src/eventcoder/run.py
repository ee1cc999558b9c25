"""Corpus runs: code a stream of documents into the event store, one event per occurrence.

Each article is known by its canonical URL and content hash: running the same inputs
twice adds nothing. Near-duplicates (syndicated copies) are found by MinHash and stored
as duplicates without coding them again. Articles are written in batches, each batch
in one transaction with its events, sources, measures and quotes, so a run killed at
any point (even ``kill -9``) loses at most the batch in flight, and the next run codes
those articles again with no duplicate. ``recode`` codes known articles again and
replaces their records.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from eventcoder import __version__
from eventcoder.dedup import (
    NearDuplicates,
    canonical_url,
    content_hash,
    date_window,
    same_occurrence,
)
from eventcoder.errors import InputError, WorkerError
from eventcoder.models import CodedArticle, Event, Measure, RawDocument
from eventcoder.store import Store


@dataclass
class RunCounts:
    """What a run did."""

    articles: int = 0
    skipped: int = 0
    duplicates: int = 0
    events: int = 0
    merged: int = 0
    failures: int = 0
    undated: int = 0  # new events stored without a date (relative dates and no publication date)
    failed: list[tuple[str, str, str]] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    """Sources skipped as known by their URL though their text differs from the stored one
    (an updated page, or records that share a URL): ``--recode`` codes them again."""

    def as_dict(self) -> dict[str, int]:
        return {k: v for k, v in asdict(self).items() if isinstance(v, int)}


def _article_key(doc: RawDocument, chash: str) -> str:
    return canonical_url(doc.url) or f"hash:{chash}"


class CorpusRunner:
    """Codes documents into a ``Store`` with a ``Pipeline``.

    Args:
        pipeline: a loaded ``Pipeline``.
        store: an open ``Store``.
        batch_size: articles per transaction.
        recode: code articles already in the store again and replace their records.
        workers: processes that code articles (1: code in this process).
        pipeline_args: keyword arguments of ``Pipeline`` for the workers (gazetteer, places).
    """

    def __init__(self, pipeline: Any, store: Store, *, batch_size: int = 25, recode: bool = False,
                 workers: int = 1, pipeline_args: dict[str, Any] | None = None) -> None:
        self.pipeline = pipeline
        self.workers = workers
        self.pipeline_args = pipeline_args or {}
        self.store = store
        self.batch_size = batch_size
        self.recode = recode
        self.near = NearDuplicates()
        for key, sig in store.minhashes():
            self.near.add(key, self.near.decode(sig))
        # articles checked but not yet written: known by key and by content hash
        self._pending: dict[str, str] = {}
        # look-ups run on their own connection: with workers, checking runs in the pool's feeder thread
        self._reader = store.db.cursor()

    def run(self, docs: Iterable[RawDocument | InputError], *, config: dict[str, Any] | None = None,
            on_article: Callable[[RunCounts], None] | None = None) -> RunCounts:
        """Code every document; returns the counts. Failures are stored and the run goes on.

        With ``workers`` > 1, articles are coded in that many worker processes (each loads
        its own pipeline) while this process reads, de-duplicates and writes, in input order.
        """
        counts = RunCounts()
        run_id = self.store.start_run(__version__, config or {})
        checked = (self._check(doc, counts) for doc in docs)
        if self.workers > 1:
            # workers are replaced every 2,000 articles: spaCy's string store and the look-up caches
            # grow with every new name a worker sees, and a long run must not grow with them
            from eventcoder.pipeline import ordered_map

            coded_items: Iterable[tuple[Any, CodedArticle | None]] = ordered_map(
                _code_in_worker, checked, workers=self.workers, pipeline_args=self.pipeline_args)
        else:
            coded_items = ((item, self.pipeline.code_cleaned(item[3]) if item[0] == "code" else None)
                           for item in checked)
        batch: list[Any] = []
        try:
            for item, coded in coded_items:
                batch.append(self._finish(item, coded, counts))
                if len(batch) >= self.batch_size:
                    self._write(batch, run_id, counts)
                    self._forget_pending(batch)
                    batch = []
                if on_article is not None:
                    on_article(counts)
        except WorkerError:
            # what the workers coded before one died is written; the run stays unfinished, and
            # running it again codes the rest (the written articles are known by then)
            if batch:
                self._write(batch, run_id, counts)
                self._forget_pending(batch)
            raise
        if batch:
            self._write(batch, run_id, counts)
            self._forget_pending(batch)
        self.store.finish_run(run_id, counts.as_dict())
        return counts

    # ------------------------------------------------------------------ stages
    def _check(self, doc: RawDocument | InputError, counts: RunCounts) -> Any:
        """Clean one document and decide what to do with it (skip, duplicate, code, failure)."""
        if isinstance(doc, InputError):
            counts.failures += 1
            counts.failed.append((doc.source, doc.stage, doc.reason))
            return ("failure", doc.source, doc.doc_id, doc.stage, doc.reason)
        try:
            article = self.pipeline.clean(doc)
        except InputError as err:
            counts.failures += 1
            counts.failed.append((doc.source, err.stage, err.reason))
            return ("failure", doc.source, doc.id, err.stage, err.reason)
        except Exception as err:  # a page that breaks the HTML extractor must not stop the run
            counts.failures += 1
            counts.failed.append((doc.source, "clean", f"{type(err).__name__}: {err}"))
            return ("failure", doc.source, doc.id, "clean", f"cannot clean the page ({type(err).__name__}: {err})")
        chash = content_hash(article.text)
        key = _article_key(doc, chash)
        known = self.store.known_article(canonical_url(doc.url), chash, con=self._reader)
        if known is None and not self.recode and (key in self._pending or chash in self._pending.values()):
            counts.skipped += 1
            if chash not in self._pending.values():
                counts.changed.append(doc.source)  # the same URL as an article of this run, another text
            return ("skip",)
        if known is not None and not self.recode:
            counts.skipped += 1
            if not self.store.known_article(None, chash, con=self._reader):
                counts.changed.append(doc.source)  # known by its URL only: another text
            return ("skip",)
        body = article.text[article.paragraphs[1].start:] if article.title and len(article.paragraphs) > 1 else article.text
        sig = self.near.signature(body)  # without the headline, which syndicators rewrite
        dup = self.near.match(sig) if known is None else None
        if dup is not None and dup != key:
            counts.duplicates += 1
            return ("duplicate", key, doc, article, chash, sig, dup)
        self._pending[key] = chash
        self.near.add(key, sig)
        return ("code", key, doc, article, chash, sig, known)

    def _forget_pending(self, batch: list[Any]) -> None:
        """Written articles are in the store now: drop them from the pending set."""
        for item in batch:
            if item[0] in ("article", "duplicate"):
                self._pending.pop(item[1], None)

    def _finish(self, item: Any, coded: CodedArticle | None, counts: RunCounts) -> Any:
        if item[0] != "code":
            return item
        _k, key, doc, _article, chash, sig, known = item
        assert coded is not None
        if coded.error is not None:
            counts.failures += 1
            counts.failed.append((doc.source, coded.error.stage, coded.error.reason))
            return ("failure", doc.source, doc.id, coded.error.stage, coded.error.reason)
        return ("article", key, doc, coded, chash, sig, known)

    def _write(self, batch: list[Any], run_id: int, counts: RunCounts) -> None:
        db = self.store.db
        with self.store.transaction():
            for item in batch:
                kind = item[0]
                if kind == "failure":
                    _k, source, doc_id, stage, reason = item
                    if not db.execute("SELECT 1 FROM failures WHERE input = ? AND stage = ? AND reason = ?",
                                      [source, stage, reason]).fetchone():
                        db.execute("INSERT INTO failures VALUES (?, ?, ?, ?, ?)", [run_id, source, doc_id, stage, reason])
                elif kind == "duplicate":
                    _k, key, doc, article, chash, sig, dup = item
                    db.execute("INSERT OR IGNORE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                               [key, doc.id, doc.source, doc.url, canonical_url(doc.url), chash, None, dup,
                                article.outlet, article.published, article.title, article.text, None, run_id,
                                __version__])
                elif kind == "article":
                    _k, key, doc, coded, chash, sig, known = item
                    if known is not None:
                        self._forget(known)
                    db.execute("INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                               [key, coded.id, doc.source, doc.url, canonical_url(doc.url), chash,
                                self.near.encode(sig), None, coded.outlet, coded.published, coded.title, coded.text,
                                coded.relevant, run_id, __version__])
                    for ev in coded.events:
                        self._add_event(ev, key, coded, counts, doc.source)
                    for m in coded.measures:
                        self._add_measure(m, key)
                    if coded.quotes:
                        db.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?)",
                                       [[key, q.speaker, q.role, q.organization, q.text, q.start, q.end, q.direct]
                                        for q in coded.quotes])
                    counts.articles += 1

    def _forget(self, key: str) -> None:
        """Remove an article's records before coding it again (``--recode``)."""
        db = self.store.db
        for (event_id,) in db.execute("SELECT event_id FROM event_sources WHERE article_key = ?", [key]).fetchall():
            db.execute("DELETE FROM event_sources WHERE event_id = ? AND article_key = ?", [event_id, key])
            row = db.execute("SELECT count(*) FROM event_sources WHERE event_id = ?", [event_id]).fetchone()
            left = int(row[0]) if row else 0
            if left == 0:
                db.execute("DELETE FROM events WHERE event_id = ?", [event_id])
            else:
                db.execute("UPDATE events SET number_of_sources = ? WHERE event_id = ?", [left, event_id])
        db.execute("DELETE FROM measure_sources WHERE article_key = ?", [key])
        db.execute("DELETE FROM measures WHERE measure_id NOT IN (SELECT measure_id FROM measure_sources)")
        db.execute("DELETE FROM quotes WHERE article_key = ?", [key])
        db.execute("DELETE FROM articles WHERE article_key = ?", [key])

    def _add_event(self, ev: Event, key: str, coded: CodedArticle, counts: RunCounts, source: str = "") -> None:
        db = self.store.db
        match = None
        if ev.event_date is not None:
            lo, hi = date_window(ev.event_date)
            for row in self.store.candidate_events(ev.event_type, ev.country, lo, hi):
                if same_occurrence(ev, row):
                    match = row
                    break
        attribution = json.dumps(asdict(ev.attribution)) if ev.attribution else None
        evidence = json.dumps([asdict(e) for e in ev.evidence], ensure_ascii=False)
        if match is None:
            event_id = ev.event_id
            if db.execute("SELECT 1 FROM events WHERE event_id = ?", [event_id]).fetchone():
                if db.execute("SELECT 1 FROM event_sources WHERE event_id = ? AND article_key = ?",
                              [event_id, key]).fetchone():
                    return  # the same article's event, already stored (a re-run): nothing to add
                # another article that shares the first's id (two "index.html" files, a batch
                # whose ids restart): its own event, under an id that takes its article key too
                import hashlib

                event_id = hashlib.sha1(f"{event_id}|{key}".encode()).hexdigest()[:16]
                if db.execute("SELECT 1 FROM events WHERE event_id = ?", [event_id]).fetchone():
                    return  # (stored by an earlier run of this article)
            db.execute(
                "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [event_id, ev.event_type, ev.sub_event_type, ev.event_date, ev.time_precision, ev.actor1, ev.inter1,
                 ev.assoc_actor_1, ev.actor2, ev.inter2, ev.assoc_actor_2, ev.interaction, ev.country, ev.admin1,
                 ev.admin2, ev.location, ev.latitude, ev.longitude, ev.geonameid, ev.geo_precision, ev.fatalities,
                 ev.fatalities_low, ev.fatalities_high, 1, ev.notes, ev.confidence])
            counts.events += 1
            counts.undated += ev.event_date is None
        else:
            event_id = match["event_id"]
            if db.execute("SELECT 1 FROM event_sources WHERE event_id = ? AND article_key = ?",
                          [event_id, key]).fetchone():
                return
            figures = [f for f in (match["fatalities"], ev.fatalities) if f is not None]
            lows = [f for f in (match["fatalities_low"], ev.fatalities_low) if f is not None]
            highs = [f for f in (match["fatalities_high"], ev.fatalities_high) if f is not None]
            db.execute(
                "UPDATE events SET number_of_sources = number_of_sources + 1, fatalities = ?, fatalities_low = ?, "
                "fatalities_high = ?, admin2 = coalesce(admin2, ?), latitude = coalesce(latitude, ?), "
                "longitude = coalesce(longitude, ?), actor1 = CASE WHEN actor1 LIKE 'Unidentified%' AND ? IS NOT NULL "
                "AND ? NOT LIKE 'Unidentified%' THEN ? ELSE actor1 END WHERE event_id = ?",
                [min(figures) if figures else None, min(lows) if lows else None, max(highs) if highs else None,
                 ev.admin2, ev.latitude, ev.longitude, ev.actor1, ev.actor1, ev.actor1, event_id])
            counts.merged += 1
        db.execute("INSERT INTO event_sources VALUES (?,?,?,?,?,?,?)",
                   [event_id, key, coded.outlet, coded.url or source, ev.fatalities, attribution, evidence])

    def _add_measure(self, m: Measure, key: str) -> None:
        import hashlib

        db = self.store.db
        mid = hashlib.sha1("|".join([m.measure, m.country or "", m.admin1 or "", m.start_date or ""]).encode()).hexdigest()[:16]
        if db.execute("SELECT 1 FROM measures WHERE measure_id = ?", [mid]).fetchone():
            if not db.execute("SELECT 1 FROM measure_sources WHERE measure_id = ? AND article_key = ?",
                              [mid, key]).fetchone():
                db.execute("UPDATE measures SET number_of_sources = number_of_sources + 1, "
                           "end_date = coalesce(end_date, ?), hours = coalesce(hours, ?) WHERE measure_id = ?",
                           [m.end_date, m.hours, mid])
        else:
            db.execute("INSERT INTO measures VALUES (?,?,?,?,?,?,?,?,?)",
                       [mid, m.measure, m.country, m.admin1, m.start_date, m.end_date, m.hours, m.imposed_by, 1])
        if not db.execute("SELECT 1 FROM measure_sources WHERE measure_id = ? AND article_key = ?", [mid, key]).fetchone():
            db.execute("INSERT INTO measure_sources VALUES (?,?,?)",
                       [mid, key, json.dumps([asdict(e) for e in m.evidence], ensure_ascii=False)])


def _code_in_worker(item: Any) -> tuple[Any, CodedArticle | None]:
    from eventcoder.pipeline import worker_pipeline

    if item[0] != "code":
        return item, None
    return item, worker_pipeline().code_cleaned(item[3])


def elapsed_rate(start: float, n: int) -> str:
    secs = max(time.perf_counter() - start, 1e-9)
    return f"{n / secs:.1f} art/s"
