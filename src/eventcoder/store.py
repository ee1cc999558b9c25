"""The event store: one embedded DuckDB file.

Tables: ``meta`` (schema version), ``runs`` (start, end, version, configuration, counts),
``articles`` (canonical URL, content hash, MinHash signature, outlet, published, clean
text), ``events`` (one row per occurrence, merged across reports), ``event_sources``
(which article reported an event, with its attribution and evidence), ``measures``,
``quotes`` and ``failures`` (input, stage, reason). Writes go in transactions, one batch
of articles at a time, so a run killed at any point leaves whole articles only and a
re-run finishes the job without duplicates.

Raises ``StoreError`` for a file that cannot be opened (locked by another process, not
a DuckDB file, a newer schema) or written (a full disk).
"""

from __future__ import annotations

import errno
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from eventcoder.errors import StoreError

SCHEMA_VERSION = 1

_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS runs (
        run_id INTEGER PRIMARY KEY, started VARCHAR, finished VARCHAR, version VARCHAR, config VARCHAR,
        articles INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0, events INTEGER DEFAULT 0, failures INTEGER DEFAULT 0)""",
    """CREATE TABLE IF NOT EXISTS articles (
        article_key VARCHAR PRIMARY KEY, doc_id VARCHAR, source VARCHAR, url VARCHAR, canonical_url VARCHAR,
        content_hash VARCHAR, minhash VARCHAR, duplicate_of VARCHAR, outlet VARCHAR, published VARCHAR,
        title VARCHAR, text VARCHAR, relevant BOOLEAN, run_id INTEGER, coded_with VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY, event_type VARCHAR, sub_event_type VARCHAR, event_date VARCHAR,
        time_precision INTEGER, actor1 VARCHAR, inter1 INTEGER, assoc_actor_1 VARCHAR, actor2 VARCHAR,
        inter2 INTEGER, assoc_actor_2 VARCHAR, interaction INTEGER, country VARCHAR, admin1 VARCHAR,
        admin2 VARCHAR, location VARCHAR, latitude DOUBLE, longitude DOUBLE, geonameid BIGINT,
        geo_precision INTEGER, fatalities INTEGER, fatalities_low INTEGER, fatalities_high INTEGER,
        number_of_sources INTEGER, notes VARCHAR, confidence DOUBLE)""",
    """CREATE TABLE IF NOT EXISTS event_sources (
        event_id VARCHAR, article_key VARCHAR, outlet VARCHAR, url VARCHAR, fatalities INTEGER,
        attribution VARCHAR, evidence VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS measures (
        measure_id VARCHAR PRIMARY KEY, measure VARCHAR, country VARCHAR, admin1 VARCHAR, start_date VARCHAR,
        end_date VARCHAR, hours VARCHAR, imposed_by VARCHAR, number_of_sources INTEGER)""",
    "CREATE TABLE IF NOT EXISTS measure_sources (measure_id VARCHAR, article_key VARCHAR, evidence VARCHAR)",
    """CREATE TABLE IF NOT EXISTS quotes (
        article_key VARCHAR, speaker VARCHAR, role VARCHAR, organization VARCHAR, text VARCHAR,
        start_offset INTEGER, end_offset INTEGER, direct BOOLEAN)""",
    """CREATE TABLE IF NOT EXISTS failures (
        run_id INTEGER, input VARCHAR, doc_id VARCHAR, stage VARCHAR, reason VARCHAR)""",
    "CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash)",
    "CREATE INDEX IF NOT EXISTS articles_url ON articles (canonical_url)",
    "CREATE INDEX IF NOT EXISTS events_lookup ON events (event_type, country)",
    "CREATE INDEX IF NOT EXISTS sources_event ON event_sources (event_id)",
]
# Migrations from version N to N+1, in order (none yet beyond version 1).
_MIGRATIONS: dict[int, list[str]] = {}


def _is_disk_full(err: BaseException) -> bool:
    return isinstance(err, OSError) and err.errno == errno.ENOSPC or "No space left" in str(err)


class Store:
    """An open event store.

    Args:
        path: the DuckDB file (created when missing).
        read_only: open for reading (``status``, ``export``).
        lock_wait_s: how long a writer waits for a file another process holds (``eventcoder
            serve`` holds it for reading while it copies it, well under a second).

    Raises:
        StoreError: locked by another process, not a DuckDB file, or a newer schema.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, lock_wait_s: float = 5.0) -> None:
        import duckdb

        self.path = Path(path)
        if read_only and not self.path.is_file():
            raise StoreError(f"{self.path}: no such event store; create it with `eventcoder run ... --db {self.path}`")
        if self.path.is_file() and self.path.stat().st_size > 0:
            # DuckDB opens some other files ("out.jsonl", "events.csv") as a throw-away in-memory
            # database: a run would code everything and keep nothing
            with self.path.open("rb") as fh:
                head = fh.read(12)
            if head[8:12] != b"DUCK":
                raise StoreError(f"{self.path}: not an eventcoder database (not a DuckDB file); "
                                 "give --db a new file name or an existing store")
        try:
            self.db = self._connect(read_only, lock_wait_s)
        except duckdb.IOException as err:
            msg = str(err)
            if "lock" in msg.lower():
                raise StoreError(f"{self.path}: the database is locked by another process "
                                 "(another `eventcoder run`?); wait for it or use another --db") from err
            raise StoreError(f"{self.path}: cannot open the database ({msg.splitlines()[0]})") from err
        except duckdb.Error as err:
            raise StoreError(f"{self.path}: not an eventcoder database ({str(err).splitlines()[0]})") from err
        # DuckDB caches pages up to most of the machine's memory by default; a corpus run needs little
        self.db.execute("SET memory_limit = '512MB'")
        if not read_only:
            self._migrate()
        else:
            self._check_version()

    def _connect(self, read_only: bool, lock_wait_s: float) -> Any:
        import time

        import duckdb

        deadline = time.monotonic() + (0.0 if read_only else lock_wait_s)
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=read_only)
            except duckdb.IOException as err:
                if "lock" not in str(err).lower() or time.monotonic() >= deadline:
                    raise
                time.sleep(0.1)

    def close(self) -> None:
        self.db.close()

    def _check_version(self) -> int:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except Exception as err:  # duckdb.CatalogException: no meta table
            raise StoreError(f"{self.path}: not an eventcoder database (no meta table)") from err
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this eventcoder "
                             f"({SCHEMA_VERSION}); upgrade eventcoder")
        return version

    def _migrate(self) -> None:
        with self.transaction():
            for stmt in _SCHEMA:
                self.db.execute(stmt)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row else SCHEMA_VERSION
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: schema version {version} is newer than this eventcoder "
                                 f"({SCHEMA_VERSION}); upgrade eventcoder")
            while version < SCHEMA_VERSION:
                for stmt in _MIGRATIONS.get(version, []):
                    self.db.execute(stmt)
                version += 1
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; rolled back on any error (a full disk raises ``StoreError``)."""
        self.db.execute("BEGIN TRANSACTION")
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException as err:
            try:
                self.db.execute("ROLLBACK")
            except Exception:  # noqa: S110 - the connection may already have aborted the transaction
                pass
            if _is_disk_full(err):
                raise StoreError(f"{self.path}: the disk is full; nothing of the last batch was written") from err
            raise

    # ------------------------------------------------------------------ queries
    def known_article(self, canonical_url: str | None, content_hash: str, *, con: Any = None) -> str | None:
        """The key of an article already stored with this canonical URL or content hash.

        ``con``: another connection to the same database (``store.db.cursor()``), for a
        thread that looks up while the main thread writes.
        """
        db = con if con is not None else self.db
        row = db.execute("SELECT article_key FROM articles WHERE content_hash = ? LIMIT 1", [content_hash]).fetchone()
        if row is None and canonical_url is not None:
            row = db.execute("SELECT article_key FROM articles WHERE canonical_url = ? LIMIT 1",
                             [canonical_url]).fetchone()
        return row[0] if row else None

    def minhashes(self) -> Iterator[tuple[str, str]]:
        """(article key, stored MinHash signature) of every original article."""
        yield from self.db.execute(
            "SELECT article_key, minhash FROM articles WHERE minhash IS NOT NULL AND duplicate_of IS NULL").fetchall()

    def candidate_events(self, event_type: str, country: str | None, date_from: str, date_to: str) -> list[dict[str, Any]]:
        """Stored events that could be the same occurrence (same type and country, dates in range)."""
        cur = self.db.execute(
            "SELECT * FROM events WHERE event_type = ? AND coalesce(country, '') = coalesce(?, '') "
            "AND event_date BETWEEN ? AND ?", [event_type, country, date_from, date_to])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", "events", "event_sources", "measures", "quotes", "failures", "runs"):
            out[table] = self._count(f"SELECT count(*) FROM {table}")  # noqa: S608
        out["duplicates"] = self._count("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")
        return out

    def _count(self, sql: str) -> int:
        row = self.db.execute(sql).fetchone()
        return int(row[0]) if row else 0

    def last_run(self) -> dict[str, Any] | None:
        cur = self.db.execute("SELECT * FROM runs ORDER BY run_id DESC LIMIT 1")
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None

    def recent_failures(self, limit: int = 20) -> list[tuple[str, str, str]]:
        return [tuple(r) for r in self.db.execute(  # type: ignore[misc]
            "SELECT input, stage, reason FROM failures ORDER BY rowid DESC LIMIT ?", [limit]).fetchall()]

    def start_run(self, version: str, config: dict[str, Any]) -> int:
        import datetime as _dt

        with self.transaction():
            row = self.db.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
            run_id = int(row[0]) if row else 1
            self.db.execute("INSERT INTO runs (run_id, started, version, config) VALUES (?, ?, ?, ?)",
                            [run_id, _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"), version,
                             json.dumps(config, sort_keys=True)])
        return run_id

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        import datetime as _dt

        with self.transaction():
            self.db.execute(
                "UPDATE runs SET finished = ?, articles = ?, skipped = ?, events = ?, failures = ? WHERE run_id = ?",
                [_dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"), counts.get("articles", 0),
                 counts.get("skipped", 0), counts.get("events", 0), counts.get("failures", 0), run_id])
