"""Exports: JSON records, JSON lines and ACLED-column CSV.

ACLED-column CSV columns and their order are DESIGN.md's: ``iso`` is the ISO 3166-1
numeric code and ``country`` the country's name, as in ACLED's export; ``interaction``
joins the two inter codes, lower first (17, never 71; 10 for one actor); ``source`` is
the outlet; ``notes`` the one-sentence summary.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import IO, Any

from eventcoder.models import CodedArticle, Event

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# ACLED's regions (the "region" column), by ISO alpha-2 country. Source: ACLED's region
# groupings as the team knows them (unchecked); countries not listed get an empty region.
_REGIONS: dict[str, str] = {}
for _region, _codes in {
    "Middle East": "IQ SY YE SA LB IL PS JO IR TR KW BH QA AE OM EG",
    "Northern Africa": "DZ LY MA TN",
    "Western Africa": "NG ML BF NE SN GN GH CI TG BJ LR SL GM GW MR CV",
    "Middle Africa": "CD CF CM TD CG GA GQ AO ST",
    "Eastern Africa": "SO ET KE UG TZ RW BI SS SD ER DJ MZ MW ZM ZW MG KM",
    "Southern Africa": "ZA NA BW LS SZ",
    "South Asia": "AF PK IN BD NP LK BT MV",
    "Southeast Asia": "MM TH PH ID MY KH LA VN TL",
    "East Asia": "CN JP KR KP TW MN",
    "Caucasus and Central Asia": "GE AM AZ KZ KG TJ TM UZ",
    "Europe": "UA RU BY MD PL RO HU RS BA HR ME MK AL XK GR BG DE FR GB IT ES",
    "South America": "CO VE PE EC BO BR AR CL PY UY",
    "Central America": "MX GT HN SV NI CR PA",
    "Caribbean": "HT DO CU JM",
}.items():
    for _c in _codes.split():
        _REGIONS[_c] = _region


def _acled_country_names() -> dict[str, str]:
    from eventcoder.resolve.gazetteer.build import read_data_csv

    return {r["iso2"]: r["acled_name"] for r in read_data_csv("countries.csv")}


_COUNTRY_NAMES: dict[str, str] = {}


def _country_info(iso2: str | None) -> tuple[str, str]:
    """ISO 3166-1 numeric code and ACLED's country name ("Democratic Republic of Congo")."""
    if not iso2:
        return "", ""
    import pycountry

    if not _COUNTRY_NAMES:
        _COUNTRY_NAMES.update(_acled_country_names())
    c = pycountry.countries.get(alpha_2=iso2)
    if c is None:
        return "", _COUNTRY_NAMES.get(iso2, iso2)
    return str(int(c.numeric)), _COUNTRY_NAMES.get(iso2) or getattr(c, "common_name", None) or c.name


def acled_row(ev: Event, article: CodedArticle) -> dict[str, Any]:
    """One ACLED-column CSV row for an event (columns in ``ACLED_COLUMNS``)."""
    iso_num, country_name = _country_info(ev.country)
    civ = "Civilian targeting" if (ev.inter2 == 7 or ev.inter1 == 7) and ev.event_type != "Protests" else ""
    return {
        "event_id_cnty": f"{ev.country or 'XX'}{ev.event_id}",
        "event_date": ev.event_date or "",
        "year": ev.event_date[:4] if ev.event_date else "",
        "time_precision": ev.time_precision or "",
        "disorder_type": _DISORDER.get(ev.event_type, ""),
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "actor1": ev.actor1 or "",
        "assoc_actor_1": ev.assoc_actor_1 or "",
        "inter1": ev.inter1 if ev.inter1 is not None else "",
        "actor2": ev.actor2 or "",
        "assoc_actor_2": ev.assoc_actor_2 or "",
        "inter2": ev.inter2 if ev.inter2 is not None else "",
        "interaction": ev.interaction if ev.interaction is not None else "",
        "civilian_targeting": civ,
        "iso": iso_num,
        "region": _REGIONS.get(ev.country or "", ""),
        "country": country_name,
        "admin1": ev.admin1 or "",
        "admin2": ev.admin2 or "",
        "admin3": "",
        "location": ev.location or "",
        "latitude": "" if ev.latitude is None else f"{ev.latitude:.4f}",
        "longitude": "" if ev.longitude is None else f"{ev.longitude:.4f}",
        "geo_precision": ev.geo_precision or "",
        "source": article.outlet or article.url or article.id,
        "source_scale": "",
        "notes": ev.notes,
        "fatalities": ev.fatalities if ev.fatalities is not None else "",
        "tags": "",
        "timestamp": int(datetime.now(UTC).timestamp()),
    }


class AcledCsvWriter:
    """Writes ACLED-column rows for coded articles to a text stream."""

    def __init__(self, out: IO[str]) -> None:
        self._w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        self._w.writeheader()

    def write(self, article: CodedArticle) -> None:
        for ev in article.events:
            self._w.writerow(acled_row(ev, article))


def to_json(article: CodedArticle) -> str:
    """One coded article as a JSON object on one line."""
    return json.dumps(article.to_dict(), ensure_ascii=False)


def write_json_list(articles: Iterable[CodedArticle], out: IO[str]) -> None:
    """A JSON document: one object for one article, else a list."""
    items = [a.to_dict() for a in articles]
    json.dump(items[0] if len(items) == 1 else items, out, ensure_ascii=False, indent=2)
    out.write("\n")


# ---------------------------------------------------------------------- store exports
STORE_FORMATS = ("acled-csv", "geojson", "parquet", "jsonl")


def _event_query(country: str | None, since: str | None, until: str | None, event_type: str | None,
                 actor: str | None) -> tuple[str, list[Any]]:
    where, args = [], []
    if country:
        where.append("e.country = ?")
        args.append(country.upper())
    if since:
        where.append("e.event_date >= ?")
        args.append(since)
    if until:
        where.append("e.event_date <= ?")
        args.append(until)
    if event_type:
        where.append("lower(e.event_type) = lower(?)")
        args.append(event_type)
    if actor:
        where.append("(e.actor1 ILIKE ? OR e.actor2 ILIKE ?)")
        args += [f"%{actor}%", f"%{actor}%"]
    sql = ("SELECT e.*, (SELECT string_agg(DISTINCT coalesce(s.outlet, s.url, s.article_key), '; ') "
           "FROM event_sources s WHERE s.event_id = e.event_id) AS sources, "
           "(SELECT list(DISTINCT coalesce(s.url, s.article_key)) FROM event_sources s WHERE s.event_id = e.event_id) "
           "AS source_urls FROM events e")
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + " ORDER BY e.event_date, e.event_id", args


def export_store(store: Any, fmt: str, output: Any, *, country: str | None = None, since: str | None = None,
                 until: str | None = None, event_type: str | None = None, actor: str | None = None) -> int:
    """Write the store's events in ``fmt`` (acled-csv, geojson, parquet, jsonl); returns the row count.

    GeoJSON follows RFC 7946: coordinates are [longitude, latitude]; an event without
    coordinates has ``geometry: null``; every property is present. Every row carries its
    sources (outlets and URLs).

    Args:
        store: an open ``eventcoder.store.Store``.
        output: a path (required for parquet) or a text stream.
    """
    from pathlib import Path

    sql, args = _event_query(country, since, until, event_type, actor)
    if fmt == "parquet":
        if not isinstance(output, (str, Path)):
            raise ValueError("parquet needs an --output file")
        n_row = store.db.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()  # noqa: S608
        path = str(output).replace("'", "''")
        store.db.execute(f"COPY ({sql}) TO '{path}' (FORMAT PARQUET)", args)
        return int(n_row[0]) if n_row else 0
    cur = store.db.execute(sql, args)
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    own = isinstance(output, (str, Path))
    out = open(output, "w", encoding="utf-8", newline="") if own else output  # noqa: SIM115
    try:
        if fmt == "jsonl":
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        elif fmt == "geojson":
            features = []
            for r in rows:
                geom = None
                if r["latitude"] is not None and r["longitude"] is not None:
                    geom = {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]}
                props = {k: v for k, v in r.items()}
                features.append({"type": "Feature", "id": r["event_id"], "geometry": geom, "properties": props})
            json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, default=str)
            out.write("\n")
        elif fmt == "acled-csv":
            writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + ["number_of_sources", "source_urls"],
                                    lineterminator="\n")
            writer.writeheader()
            for r in rows:
                ev = Event(**{k: r.get(k) for k in (  # type: ignore[arg-type]
                    "event_id", "event_type", "sub_event_type", "event_date", "time_precision", "actor1", "inter1",
                    "assoc_actor_1", "actor2", "inter2", "assoc_actor_2", "interaction", "country", "admin1",
                    "admin2", "location", "latitude", "longitude", "geonameid", "geo_precision", "fatalities",
                    "fatalities_low", "fatalities_high")}, date_text=None, fatalities_text=None,
                    number_of_sources=r["number_of_sources"], notes=r["notes"] or "")
                art = CodedArticle(id="", url=None, title=None, outlet=r["sources"], byline=None, published=None,
                                   language="en", text="", relevant=True)
                row = acled_row(ev, art)
                row["number_of_sources"] = r["number_of_sources"]
                row["source_urls"] = "; ".join(r["source_urls"] or [])
                writer.writerow(row)
        else:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(STORE_FORMATS)}")
    finally:
        if own:
            out.close()
    return len(rows)
