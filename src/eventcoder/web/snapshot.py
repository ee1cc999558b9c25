"""A read-only view of an event store that never blocks ``eventcoder run`` for long.

DuckDB lets one process write a file and no other process read it meanwhile; a reader that
keeps the file open also stops a writer from opening it. So ``serve`` never holds the
store itself: it opens it read-only for as long as it takes to copy it (the copy is
consistent because no writer can hold the file then), closes it, and answers from the
copy. A background thread checks every ``refresh_s`` seconds whether the file changed and,
when it did, copies it again. While ``eventcoder run`` holds the file the copy fails with
DuckDB's lock error: the view keeps answering from the last copy (``state`` says
"busy"), or, with no copy yet, every query raises ``StoreBusy``, which the API turns
into a 503 that says so.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventcoder.errors import StoreError
from eventcoder.web.index import EventIndex


class StoreBusy(StoreError):
    """The store is being written by another process and no earlier copy of it exists."""


class QueryTimeout(StoreError):
    """A query ran past the time limit and was interrupted."""


@dataclass
class _Generation:
    """One copy of the store and the connection to it; closed when retired and unused."""

    path: Path
    con: Any
    taken_at: float
    signature: tuple[int, int, int]
    index: Any  # EventIndex
    users: int = 0
    retired: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


def _open_copy(path: Path) -> Any:
    """A read-only DuckDB connection to a copy."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    con.execute("SET memory_limit = '1GB'")
    con.execute("SET enable_progress_bar = false")
    return con


def _signature(path: Path) -> tuple[int, int, int]:
    """(mtime ns, size, WAL mtime ns or 0): changes whenever a writer changes the store."""
    st = path.stat()
    wal = path.with_name(path.name + ".wal")
    wal_m = wal.stat().st_mtime_ns if wal.exists() else 0
    return st.st_mtime_ns, st.st_size, wal_m


class StoreSnapshot:
    """Copies of ``path`` taken while no writer holds it; queries run on the newest copy.

    Args:
        path: the DuckDB event store.
        refresh_s: seconds between checks for a changed store (0: no background thread;
            call ``refresh()`` yourself).
        workdir: where copies go (default: a new temporary folder, removed on ``close``).

    Raises:
        StoreError: the file does not exist, or is not an eventcoder store.
    """

    def __init__(self, path: str | Path, *, refresh_s: float = 2.0, workdir: str | Path | None = None) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(f"{self.path}: no such event store; create it with `eventcoder run ... --db {self.path}`")
        self._own_dir = workdir is None
        self.workdir = Path(workdir) if workdir is not None else Path(tempfile.mkdtemp(prefix="eventcoder-serve-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._current: _Generation | None = None
        self._n = 0
        self.busy_since: float | None = None
        self.last_error: str | None = None
        self._stop = threading.Event()
        self.refresh()
        if self._current is None and self.last_error and self.busy_since is None:
            raise StoreError(self.last_error)
        self._thread: threading.Thread | None = None
        if refresh_s > 0:
            self._thread = threading.Thread(target=self._loop, args=(refresh_s,), daemon=True,
                                            name="eventcoder-snapshot")
            self._thread.start()

    # ------------------------------------------------------------------ refresh
    def _loop(self, every: float) -> None:
        while not self._stop.wait(every):
            try:
                self.refresh()
            except Exception as err:  # noqa: BLE001 - the thread must live on; the state reports it
                self.last_error = f"{type(err).__name__}: {err}"

    def refresh(self) -> bool:
        """Copy the store when it changed since the last copy; returns True when a new copy is in use."""
        import duckdb

        from eventcoder.store import Store

        try:
            sig = _signature(self.path)
        except OSError as err:
            self.last_error = f"{self.path}: {err.strerror}"
            return False
        cur = self._current
        if cur is not None and cur.signature == sig:
            return False
        self._n += 1
        target = self.workdir / f"snapshot-{self._n}.duckdb"
        try:
            src = duckdb.connect(str(self.path), read_only=True)
        except duckdb.IOException as err:
            if "lock" in str(err).lower():
                if self.busy_since is None:
                    self.busy_since = time.time()
                return False
            self.last_error = f"{self.path}: cannot open the database ({str(err).splitlines()[0]})"
            return False
        except duckdb.Error as err:
            self.last_error = f"{self.path}: not an eventcoder database ({str(err).splitlines()[0]})"
            return False
        try:
            sig = _signature(self.path)  # what is copied: no writer can change it while src is open
            shutil.copyfile(self.path, target)
            wal = self.path.with_name(self.path.name + ".wal")
            if wal.exists():
                shutil.copyfile(wal, target.with_name(target.name + ".wal"))
        finally:
            src.close()
        try:
            Store(target, read_only=True).close()  # an eventcoder store of a version this code reads
            con = _open_copy(target)
            index = EventIndex(con)
        except StoreError as err:
            self.last_error = str(err).replace(str(target), str(self.path))
            target.unlink(missing_ok=True)
            return False
        gen = _Generation(target, con, time.time(), sig, index)
        with self._lock:
            old, self._current = self._current, gen
        self.busy_since = None
        self.last_error = None
        if old is not None:
            with old.lock:
                old.retired = True
                idle = old.users == 0
            if idle:
                self._drop(old)
        return True

    @staticmethod
    def _drop(gen: _Generation) -> None:
        gen.con.close()
        for p in (gen.path, gen.path.with_name(gen.path.name + ".wal")):
            p.unlink(missing_ok=True)

    # ------------------------------------------------------------------ queries
    def state(self) -> dict[str, Any]:
        """``{state: ok|busy|unavailable, snapshot_at, busy_since, message}`` (times: UTC ISO 8601)."""
        def iso(t: float | None) -> str | None:
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t)) if t is not None else None

        cur = self._current
        if self.busy_since is not None:
            msg = ("the store is being written by another process (`eventcoder run`); "
                   + (f"showing it as it was at {iso(cur.taken_at)}" if cur else "nothing to show until it finishes"))
            state = "busy"
        elif cur is None:
            state, msg = "unavailable", self.last_error or "the store could not be read"
        else:
            state, msg = "ok", None
        return {"state": state, "snapshot_at": iso(cur.taken_at) if cur else None,
                "busy_since": iso(self.busy_since), "message": msg}

    def index(self) -> Any:
        """The ``EventIndex`` of the newest copy.

        Raises:
            StoreBusy: no copy exists yet and the store is held by a writer.
        """
        gen = self._current
        if gen is None:
            raise StoreBusy(self.state()["message"] or "the store is busy")
        return gen.index

    @contextmanager
    def cursor(self, *, timeout_s: float | None = None) -> Iterator[Any]:
        """A DuckDB cursor on the newest copy, for one thread; interrupted after ``timeout_s``.

        Raises:
            StoreBusy: no copy exists yet and the store is held by a writer.
            QueryTimeout: a query of the block ran past ``timeout_s``.
        """
        import duckdb

        with self._lock:
            gen = self._current
            if gen is None:
                raise StoreBusy(self.state()["message"] or "the store is busy")
            with gen.lock:
                gen.users += 1
        cur = gen.con.cursor()
        timer = threading.Timer(timeout_s, cur.interrupt) if timeout_s else None
        if timer is not None:
            timer.daemon = True
            timer.start()
        try:
            yield cur
        except duckdb.InterruptException as err:
            raise QueryTimeout(f"the query took longer than {timeout_s:g} s; narrow the filters") from err
        finally:
            if timer is not None:
                timer.cancel()
            cur.close()
            with gen.lock:
                gen.users -= 1
                drop = gen.retired and gen.users == 0
            if drop:
                self._drop(gen)

    def close(self) -> None:
        """Stop refreshing, close the copy and remove it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        with self._lock:
            gen, self._current = self._current, None
        if gen is not None:
            self._drop(gen)
        if self._own_dir:
            shutil.rmtree(self.workdir, ignore_errors=True)
