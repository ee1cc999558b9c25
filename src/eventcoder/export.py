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
# ACLED's disorder type by sub-event type where it differs from the event type's (ACLED
# Codebook 2023, "Disorder type"): a violent demonstration is a demonstration, mob violence
# political violence, excessive force against protesters both
_DISORDER_BY_SUB = {
    "Violent demonstration": "Demonstrations",
    "Excessive force against protesters": "Political violence; Demonstrations",
}
_REGIONS: dict[str, str] = {}


def disorder_type(event_type: str, sub_event_type: str | None) -> str:
    """ACLED's disorder type of an event ("Political violence", "Demonstrations", "Political
    violence; Demonstrations", "Strategic developments"); "" for an unknown event type."""
    return _DISORDER_BY_SUB.get(sub_event_type or "") or _DISORDER.get(event_type, "")


def acled_region(iso2: str | None) -> str:
    """ACLED's region of a country (``data/acled_regions.csv``; "" when not listed).

    Sudan and Egypt are "Northern Africa" in ACLED, not Eastern Africa or the Middle East.
    """
    if not iso2:
        return ""
    if not _REGIONS:
        from eventcoder.resolve.gazetteer.build import read_data_csv

        _REGIONS.update({r["iso2"]: r["region"] for r in read_data_csv("acled_regions.csv")})
    return _REGIONS.get(iso2.upper(), "")


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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cells(row: dict[str, Any]) -> dict[str, Any]:
    """A CSV row whose text cells cannot run as spreadsheet formulas: a cell that opens with
    ``= + - @``, a tab or a carriage return (an outlet named "=HYPERLINK(...)" in a page's
    metadata) gets a leading apostrophe (OWASP's advice on CSV injection); numbers stay."""
    out = {}
    for k, v in row.items():
        if isinstance(v, str) and v.startswith(_FORMULA_START):
            try:
                float(v)
            except ValueError:
                v = "'" + v
        out[k] = v
    return out


def acled_row(ev: Event, article: CodedArticle) -> dict[str, Any]:
    """One ACLED-column CSV row for an event (columns in ``ACLED_COLUMNS``)."""
    iso_num, country_name = _country_info(ev.country)
    disorder = disorder_type(ev.event_type, ev.sub_event_type)
    # (ACLED flags civilian targeting on political violence only: not on arrests or agreements)
    civ = "Civilian targeting" if (ev.inter2 == 7 or ev.inter1 == 7) and "Political violence" in disorder else ""
    return {
        "event_id_cnty": f"{ev.country or 'XX'}{ev.event_id}",
        "event_date": ev.event_date or "",
        "year": ev.event_date[:4] if ev.event_date else "",
        "time_precision": ev.time_precision or "",
        "disorder_type": disorder,
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
        "region": acled_region(ev.country),
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
            self._w.writerow(safe_cells(acled_row(ev, article)))


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
STORE_TABLES = ("events", "measures", "quotes")

# DuckDB types of the JSON kept in event_sources / measure_sources (see run.py)
_EVIDENCE_T = '[{"field": "VARCHAR", "start": "INTEGER", "end": "INTEGER", "text": "VARCHAR"}]'
_ATTRIBUTION_T = '{"speaker": "VARCHAR", "role": "VARCHAR", "organization": "VARCHAR"}'


def _evidence_agg(src: str) -> str:
    """SQL: the evidence lists of a group of source rows, flattened, each span with its article key."""
    return (f"flatten(list(list_transform(coalesce(from_json({src}.evidence, '{_EVIDENCE_T}'), []), "
            f"lambda x: struct_insert(x, article_key := {src}.article_key)) ORDER BY {src}.article_key))")


def events_sql(where: str) -> str:
    """The typed, evidence-carrying event rows of the store, for ``WHERE where`` over ``events AS e``.

    Columns: the ``events`` table's (``event_date`` as DATE, ``year`` INTEGER), then
    ``attribution`` (STRUCT speaker, role, organization: the first source's that has one),
    ``evidence`` (LIST of STRUCT field, start, end, text, article_key: offsets are 0-based,
    end-exclusive on that article's clean text) and ``sources`` (LIST of STRUCT article_key,
    outlet, url, title, published DATE, fatalities INTEGER: that report's own figure,
    attribution). Ordered by date and id.
    """
    return (
        "WITH src AS (SELECT s.event_id, "
        "list({'article_key': s.article_key, 'outlet': s.outlet, 'url': s.url, 'title': a.title, "
        "'published': TRY_CAST(a.published AS DATE), 'fatalities': s.fatalities, "
        f"'attribution': from_json(s.attribution, '{_ATTRIBUTION_T}')}} ORDER BY s.article_key) AS sources, "
        f"{_evidence_agg('s')} AS evidence, "
        f"first(from_json(s.attribution, '{_ATTRIBUTION_T}') ORDER BY s.article_key) "
        "FILTER (WHERE s.attribution IS NOT NULL) AS attribution "
        "FROM event_sources s LEFT JOIN articles a ON a.article_key = s.article_key GROUP BY s.event_id) "
        "SELECT e.event_id, e.event_type, e.sub_event_type, TRY_CAST(e.event_date AS DATE) AS event_date, "
        "CAST(year(TRY_CAST(e.event_date AS DATE)) AS INTEGER) AS year, e.time_precision, "
        "e.actor1, e.inter1, e.assoc_actor_1, e.actor2, e.inter2, e.assoc_actor_2, e.interaction, "
        "e.country, e.admin1, e.admin2, e.location, e.latitude, e.longitude, e.geonameid, e.geo_precision, "
        "e.fatalities, e.fatalities_low, e.fatalities_high, e.number_of_sources, e.notes, e.confidence, "
        "src.attribution, coalesce(src.evidence, []) AS evidence, src.sources "
        f"FROM events e LEFT JOIN src ON src.event_id = e.event_id WHERE {where} "
        "ORDER BY e.event_date, e.event_id"
    )


def measures_sql(where: str) -> str:
    """Typed, evidence-carrying measure rows for ``WHERE where`` over ``measures AS m``.

    ``start_date``/``end_date`` are DATE; ``attribution`` names who imposed the measure (as
    ``organization``); ``evidence`` and ``sources`` as in ``events_sql``.
    """
    return (
        "WITH src AS (SELECT ms.measure_id, "
        "list({'article_key': ms.article_key, 'outlet': a.outlet, 'url': a.url, 'title': a.title, "
        "'published': TRY_CAST(a.published AS DATE)} ORDER BY ms.article_key) AS sources, "
        f"{_evidence_agg('ms')} AS evidence "
        "FROM measure_sources ms LEFT JOIN articles a ON a.article_key = ms.article_key GROUP BY ms.measure_id) "
        "SELECT m.measure_id, m.measure, m.country, m.admin1, TRY_CAST(m.start_date AS DATE) AS start_date, "
        "TRY_CAST(m.end_date AS DATE) AS end_date, m.hours, m.imposed_by, m.number_of_sources, "
        "{'speaker': NULL::VARCHAR, 'role': NULL::VARCHAR, 'organization': m.imposed_by} AS attribution, "
        "coalesce(src.evidence, []) AS evidence, src.sources "
        f"FROM measures m LEFT JOIN src ON src.measure_id = m.measure_id WHERE {where} "
        "ORDER BY m.start_date, m.measure_id"
    )


QUOTE_ID_SQL = "substr(md5(q.article_key || ':' || q.start_offset || ':' || q.end_offset), 1, 16)"


def quotes_sql(where: str) -> str:
    """Typed quote rows for ``WHERE where`` over ``quotes AS q`` joined to ``articles AS a``.

    ``quote_id`` is stable (a hash of article key and offsets); ``start``/``end`` are the
    quote's offsets in its article's clean text; ``attribution`` is the speaker with role
    and organisation; ``evidence`` the quote's own span; ``sources`` its article.
    """
    return (
        f"SELECT {QUOTE_ID_SQL} AS quote_id, q.article_key, TRY_CAST(a.published AS DATE) AS published, "
        "q.speaker, q.role, q.organization, q.text, q.start_offset AS \"start\", q.end_offset AS \"end\", q.direct, "
        "{'speaker': q.speaker, 'role': q.role, 'organization': q.organization} AS attribution, "
        "[{'field': 'quote', 'start': q.start_offset, 'end': q.end_offset, 'text': q.text, "
        "'article_key': q.article_key}] AS evidence, "
        "[{'article_key': q.article_key, 'outlet': a.outlet, 'url': a.url, 'title': a.title, "
        "'published': TRY_CAST(a.published AS DATE)}] AS sources "
        f"FROM quotes q LEFT JOIN articles a ON a.article_key = q.article_key WHERE {where} "
        "ORDER BY a.published, q.article_key, q.start_offset"
    )


def table_query(table: str, flt: Any = None) -> tuple[str, list[Any]]:
    """``(sql, args)`` of one table's export rows under a ``StoreFilter``."""
    from eventcoder.filters import StoreFilter

    flt = flt or StoreFilter()
    if table == "events":
        where, args = flt.events_where("e")
        return events_sql(where), args
    if table == "measures":
        where, args = flt.measures_where("m")
        return measures_sql(where), args
    if table == "quotes":
        where, args = flt.quotes_where("q", "a")
        return quotes_sql(where), args
    raise ValueError(f"unknown table {table!r}; choose one of {', '.join(STORE_TABLES)}")


def _json_default(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def geojson_feature(row: dict[str, Any], id_key: str = "event_id") -> dict[str, Any]:
    """An RFC 7946 feature: geometry ``[longitude, latitude]`` or null; every column a property."""
    geom = None
    if row.get("latitude") is not None and row.get("longitude") is not None:
        geom = {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
    return {"type": "Feature", "id": row[id_key], "geometry": geom, "properties": row}


def _acled_store_row(r: dict[str, Any]) -> dict[str, Any]:
    ev = Event(**{k: r.get(k) for k in (  # type: ignore[arg-type]
        "event_id", "event_type", "sub_event_type", "time_precision", "actor1", "inter1",
        "assoc_actor_1", "actor2", "inter2", "assoc_actor_2", "interaction", "country", "admin1",
        "admin2", "location", "latitude", "longitude", "geonameid", "geo_precision", "fatalities",
        "fatalities_low", "fatalities_high")},
        event_date=r["event_date"].isoformat() if r["event_date"] is not None else None,
        date_text=None, fatalities_text=None, number_of_sources=r["number_of_sources"], notes=r["notes"] or "")
    outlets: list[str] = []
    for s in r["sources"] or []:
        name = s["outlet"] or s["url"] or s["article_key"]
        if name and name not in outlets:
            outlets.append(name)
    art = CodedArticle(id="", url=None, title=None, outlet="; ".join(outlets), byline=None, published=None,
                       language="en", text="", relevant=True)
    return acled_row(ev, art)


def export_store(store: Any, fmt: str, output: Any, *, table: str = "events", flt: Any = None) -> int:
    """Write one table of the store in ``fmt``; returns the row count.

    Every JSON lines, GeoJSON and Parquet row carries its ``evidence`` (field, start, end,
    text, article_key), ``attribution`` and ``sources`` (see ``events_sql``). Parquet
    columns are typed: dates DATE, counts and codes INTEGER, evidence and sources lists
    of structs. GeoJSON (events only) follows RFC 7946: ``[longitude, latitude]``,
    ``geometry: null`` without coordinates. ACLED CSV (events only) has exactly
    ``ACLED_COLUMNS``; its ``source`` lists the outlets, ``notes`` the summary.

    Args:
        store: an open ``eventcoder.store.Store``.
        fmt: one of ``STORE_FORMATS``.
        output: a path (required for parquet) or a text stream.
        table: one of ``STORE_TABLES``.
        flt: an ``eventcoder.filters.StoreFilter`` (None: everything).

    Raises:
        ValueError: an unknown format or table, or a format the table has not.
    """
    from pathlib import Path

    if fmt not in STORE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(STORE_FORMATS)}")
    if table != "events" and fmt in ("acled-csv", "geojson"):
        raise ValueError(f"--format {fmt} exports events only; use jsonl or parquet for {table}")
    sql, args = table_query(table, flt)
    if fmt == "parquet":
        if not isinstance(output, (str, Path)):
            raise ValueError("parquet needs an --output file")
        import duckdb

        n_row = store.db.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()  # noqa: S608
        target = Path(output)
        if target.is_dir():
            raise IsADirectoryError(21, "is a folder", str(target))
        if not target.parent.is_dir():
            raise FileNotFoundError(2, "no such folder", str(target.parent))
        path = str(output).replace("'", "''")
        try:
            store.db.execute(f"COPY ({sql}) TO '{path}' (FORMAT PARQUET)", args)
        except duckdb.IOException as err:  # (read-only folder, full disk): an OSError to the caller
            raise OSError(5, str(err).splitlines()[0], str(target)) from err
        return int(n_row[0]) if n_row else 0
    cur = store.db.execute(sql, args)
    cols = [d[0] for d in cur.description]
    own = isinstance(output, (str, Path))
    out = open(output, "w", encoding="utf-8", newline="") if own else output  # noqa: SIM115
    n = 0
    try:
        if fmt == "geojson":
            out.write('{"type": "FeatureCollection", "features": [')
        elif fmt == "acled-csv":
            writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
            writer.writeheader()
        while chunk := cur.fetchmany(1000):
            for values in chunk:
                r = dict(zip(cols, values, strict=True))
                if fmt == "jsonl":
                    out.write(json.dumps(r, ensure_ascii=False, default=_json_default) + "\n")
                elif fmt == "geojson":
                    out.write(("," if n else "") + "\n" + json.dumps(geojson_feature(r), ensure_ascii=False,
                                                                      default=_json_default))
                else:
                    writer.writerow(safe_cells(_acled_store_row(r)))
                n += 1
        if fmt == "geojson":
            out.write("\n]}\n")
    finally:
        if own:
            out.close()
    return n
