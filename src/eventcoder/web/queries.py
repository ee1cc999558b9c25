"""The read queries behind the API: each takes a DuckDB cursor and returns JSON-ready data.

Every value a user gives reaches DuckDB as a query parameter (``?``); the only SQL text
built from a request is a column name or a direction taken from a fixed table
(``SORT_COLUMNS``). Dates are ISO 8601 strings; coordinates WGS84 degrees; offsets 0-based,
end-exclusive on the article's clean text (``articles.text``), in Unicode code points.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from eventcoder.export import measures_sql, quotes_sql
from eventcoder.filters import StoreFilter
from eventcoder.web.index import SORTABLE

# request's sort key -> SQL expression over events AS e
SORT_COLUMNS = {c: f"e.{c}" for c in SORTABLE}
_SUMMARY_COLUMNS = ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                    "admin1", "location", "latitude", "longitude", "geo_precision", "time_precision",
                    "fatalities", "number_of_sources", "notes")
_SUMMARY_SQL = ", ".join(f"e.{c}" for c in _SUMMARY_COLUMNS)


def _rows(cur: Any, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cur.execute(sql, args)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _count(cur: Any, sql: str, args: list[Any]) -> int:
    row = cur.execute(sql, args).fetchone()
    return int(row[0]) if row else 0


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    """Dates as ISO strings, recursively (DuckDB returns ``datetime.date`` in structs too)."""
    def conv(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, list):
            return [conv(x) for x in v]
        return _iso(v)

    return {k: conv(v) for k, v in row.items()}


@lru_cache(maxsize=512)
def country_info(iso2: str | None) -> tuple[str | None, str | None]:
    """(ISO 3166-1 numeric code as world-atlas writes it, e.g. "368"; ACLED's country name)."""
    if not iso2:
        return None, None
    import pycountry

    from eventcoder.export import _country_info

    c = pycountry.countries.get(alpha_2=iso2)
    num = c.numeric if c is not None else None
    return num, _country_info(iso2)[1] or iso2


# ---------------------------------------------------------------------- events
def list_events(cur: Any, flt: StoreFilter, *, sort: str = "event_date", order: str = "desc", page: int = 1,
                page_size: int = 50) -> dict[str, Any]:
    """One page of events: ``{total, page, page_size, items: [summary]}``, sorted by a ``SORT_COLUMNS`` key.

    ``serve`` answers this from its ``EventIndex``; this SQL form is the reference the index is tested against.
    """
    where, args = flt.events_where("e")
    total = _count(cur, f"SELECT count(*) FROM events e WHERE {where}", args)  # noqa: S608
    col = SORT_COLUMNS[sort]
    direction = "DESC" if order == "desc" else "ASC"
    items = _rows(cur, f"SELECT {_SUMMARY_SQL} FROM events e WHERE {where} "  # noqa: S608
                  f"ORDER BY {col} {direction} NULLS LAST, e.event_id LIMIT ? OFFSET ?",
                  args + [page_size, (page - 1) * page_size])
    return {"total": total, "page": page, "page_size": page_size, "items": items}


def events_geojson(page: dict[str, Any]) -> dict[str, Any]:
    """A page of event summaries as an RFC 7946 FeatureCollection ([longitude, latitude]; null geometry)."""
    from eventcoder.export import geojson_feature

    return {"type": "FeatureCollection", "total": page["total"], "page": page["page"],
            "page_size": page["page_size"], "features": [geojson_feature(r) for r in page["items"]]}


def event_detail(cur: Any, event_id: str) -> dict[str, Any] | None:
    """Every field of an event with each source article: its figure, attribution and evidence."""
    rows = _rows(cur, "SELECT * FROM events WHERE event_id = ?", [event_id])
    if not rows:
        return None
    ev = rows[0]
    num, name = country_info(ev["country"])
    ev["country_name"] = name
    sources = _rows(cur, "SELECT s.article_key, s.outlet, s.url, s.fatalities, s.attribution, s.evidence, "
                    "a.title, a.published FROM event_sources s LEFT JOIN articles a ON a.article_key = s.article_key "
                    "WHERE s.event_id = ? ORDER BY a.published NULLS LAST, s.article_key", [event_id])
    for s in sources:
        s["attribution"] = json.loads(s["attribution"]) if s["attribution"] else None
        s["evidence"] = json.loads(s["evidence"]) if s["evidence"] else []
    ev["sources"] = sources
    return ev


def timeline(cur: Any, flt: StoreFilter, *, bucket: str = "day") -> dict[str, Any]:
    """Events per day or week (weeks start on Monday) and event type: ``{bucket, rows: [{period, event_type, events, fatalities}]}``."""
    where, args = flt.events_where("e")
    period = ("strftime(date_trunc('week', TRY_CAST(e.event_date AS DATE)), '%Y-%m-%d')" if bucket == "week"
              else "e.event_date")
    rows = _rows(cur, f"SELECT {period} AS period, e.event_type, count(*) AS events, "  # noqa: S608
                 f"CAST(sum(coalesce(e.fatalities, 0)) AS BIGINT) AS fatalities FROM events e "
                 f"WHERE {where} AND TRY_CAST(e.event_date AS DATE) IS NOT NULL "
                 "GROUP BY ALL ORDER BY period, e.event_type", args)
    return {"bucket": bucket, "rows": rows}


def facets(cur: Any) -> dict[str, Any]:
    """What the filters offer: countries, admin1s, event types and sub-types with counts; date range."""
    countries = []
    for code, n in cur.execute("SELECT country, count(*) FROM events WHERE country IS NOT NULL "
                               "GROUP BY country ORDER BY country").fetchall():
        num, name = country_info(code)
        countries.append({"code": code, "name": name, "iso_numeric": num, "events": n})
    admin1 = [{"country": c, "name": a, "events": n} for c, a, n in cur.execute(
        "SELECT country, admin1, count(*) FROM events WHERE admin1 IS NOT NULL GROUP BY ALL "
        "ORDER BY country, admin1 LIMIT 5000").fetchall()]
    types = [{"name": t, "events": n} for t, n in cur.execute(
        "SELECT event_type, count(*) FROM events GROUP BY ALL ORDER BY event_type").fetchall()]
    subs = [{"event_type": t, "name": s, "events": n} for t, s, n in cur.execute(
        "SELECT event_type, sub_event_type, count(*) FROM events GROUP BY ALL ORDER BY 1, 2").fetchall()]
    lo, hi = cur.execute("SELECT min(event_date), max(event_date) FROM events "
                         "WHERE TRY_CAST(event_date AS DATE) IS NOT NULL").fetchone() or (None, None)
    counts = {t: _count(cur, f"SELECT count(*) FROM {t}", [])  # noqa: S608 - fixed table names
              for t in ("events", "measures", "quotes", "articles")}
    return {"countries": countries, "admin1": admin1, "event_types": types, "sub_event_types": subs,
            "date_min": lo, "date_max": hi, "counts": counts}


# ---------------------------------------------------------------------- measures, quotes, articles
def list_measures(cur: Any, flt: StoreFilter, *, page: int = 1, page_size: int = 50) -> dict[str, Any]:
    """A page of measures with evidence and sources; each with its country's ISO numeric code and, when
    events in its admin1 have coordinates, their mean position (no admin1 outlines ship offline)."""
    where, args = flt.measures_where("m")
    total = _count(cur, f"SELECT count(*) FROM measures m WHERE {where}", args)  # noqa: S608
    items = [_jsonable(r) for r in _rows(cur, measures_sql(where) + " LIMIT ? OFFSET ?",
                                         args + [page_size, (page - 1) * page_size])]
    for m in items:
        num, name = country_info(m["country"])
        m["iso_numeric"], m["country_name"] = num, name
        m["latitude"] = m["longitude"] = None
        if m["admin1"]:
            pos = cur.execute("SELECT avg(latitude), avg(longitude) FROM events WHERE country = ? AND admin1 = ? "
                              "AND latitude IS NOT NULL", [m["country"], m["admin1"]]).fetchone()
            if pos and pos[0] is not None:
                m["latitude"], m["longitude"] = float(pos[0]), float(pos[1])
    return {"total": total, "page": page, "page_size": page_size, "items": items}


def list_quotes(cur: Any, flt: StoreFilter, *, page: int = 1, page_size: int = 50) -> dict[str, Any]:
    """A page of attributed quotes with their article."""
    where, args = flt.quotes_where("q", "a")
    total = _count(cur, "SELECT count(*) FROM quotes q LEFT JOIN articles a ON a.article_key = q.article_key "  # noqa: S608
                   f"WHERE {where}", args)
    items = [_jsonable(r) for r in _rows(cur, quotes_sql(where) + " LIMIT ? OFFSET ?",
                                         args + [page_size, (page - 1) * page_size])]
    return {"total": total, "page": page, "page_size": page_size, "items": items}


def article(cur: Any, key: str) -> dict[str, Any] | None:
    """An article's clean text with the events, measures and quotes coded from it, each with its spans."""
    rows = _rows(cur, "SELECT article_key, doc_id, source, url, outlet, published, title, text, duplicate_of "
                 "FROM articles WHERE article_key = ?", [key])
    if not rows:
        return None
    art = rows[0]
    events = _rows(cur, "SELECT s.event_id, e.event_type, e.sub_event_type, e.event_date, s.fatalities, "
                   "s.attribution, s.evidence FROM event_sources s JOIN events e ON e.event_id = s.event_id "
                   "WHERE s.article_key = ? ORDER BY e.event_date, s.event_id", [key])
    for e in events:
        e["attribution"] = json.loads(e["attribution"]) if e["attribution"] else None
        e["evidence"] = json.loads(e["evidence"]) if e["evidence"] else []
    measures = _rows(cur, "SELECT ms.measure_id, m.measure, m.start_date, m.end_date, ms.evidence FROM measure_sources ms "
                     "JOIN measures m ON m.measure_id = ms.measure_id WHERE ms.article_key = ? ORDER BY m.start_date",
                     [key])
    for m in measures:
        m["evidence"] = json.loads(m["evidence"]) if m["evidence"] else []
    quotes = _rows(cur, "SELECT speaker, role, organization, text, start_offset AS \"start\", end_offset AS \"end\", "
                   "direct FROM quotes WHERE article_key = ? ORDER BY start_offset", [key])
    art.update(events=events, measures=measures, quotes=quotes)
    return art
