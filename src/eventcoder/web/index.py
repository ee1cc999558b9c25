"""The event list in memory: what the table and the map ask for most, answered without a query.

``/api/events`` is the request the page sends on every filter change, page turn and map
redraw. A DuckDB query per request costs milliseconds on a store of 100,000 events (the
count and a sorted page), too much at 100 requests a second on two cores; so each copy of
the store gets an ``EventIndex``: the list columns of every event in numpy arrays
(categories as integer codes, dates and names as ranks), built once per copy. A filter is
a few vectorised comparisons and a page a partial sort of integer keys.

The filters mean exactly what ``StoreFilter.events_where`` means in SQL (case-insensitive
names, dates compared as ISO strings, ``coalesce(fatalities, 0) >= N``, actor search as
"contained in any actor name, ignoring case"); ``tests/web/test_index.py`` checks the two
against each other on random filters.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any

import numpy as np

from eventcoder.filters import StoreFilter

SUMMARY_COLUMNS = ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                   "admin1", "location", "latitude", "longitude", "geo_precision", "time_precision",
                   "fatalities", "number_of_sources", "notes")
SORTABLE = ("event_date", "fatalities", "number_of_sources", "country", "admin1", "location", "event_type",
            "sub_event_type", "actor1", "actor2")
_BIG = np.int64(2**62)


def _codes(values: list[Any], *, fold: bool = True) -> tuple[np.ndarray, dict[Any, int]]:
    """Integer codes of (lower-cased) values; None gets -1."""
    table: dict[Any, int] = {}
    out = np.empty(len(values), dtype=np.int32)
    for i, v in enumerate(values):
        if v is None:
            out[i] = -1
            continue
        key = v.lower() if fold and isinstance(v, str) else v
        out[i] = table.setdefault(key, len(table))
    return out, table


class EventIndex:
    """Every event's list columns, for filtering, sorting and paging in memory.

    Args:
        con: a DuckDB connection (or cursor) to the store.
    """

    def __init__(self, con: Any) -> None:
        rows = con.execute(f"SELECT {', '.join(SUMMARY_COLUMNS)}, assoc_actor_1, assoc_actor_2 "  # noqa: S608
                           "FROM events ORDER BY event_id").fetchall()
        n_sum = len(SUMMARY_COLUMNS)
        self.rows = [r[:n_sum] for r in rows]
        self.n = len(rows)
        col = {name: [r[i] for r in rows] for i, name in enumerate(SUMMARY_COLUMNS)}
        self._country, self._country_t = _codes(col["country"])
        self._admin1, self._admin1_t = _codes(col["admin1"])
        self._type, self._type_t = _codes(col["event_type"])
        self._sub, self._sub_t = _codes(col["sub_event_type"])
        # dates: sorted distinct ISO strings; a date's code is its position, so string order is code order
        dates = sorted({d for d in col["event_date"] if d is not None})
        self._dates = dates
        pos = {d: i for i, d in enumerate(dates)}
        self._date = np.array([pos[d] if d is not None else -1 for d in col["event_date"]], dtype=np.int32)
        self._fat = np.array([f or 0 for f in col["fatalities"]], dtype=np.int64)
        self._src = np.array([s if s is not None else -1 for s in col["number_of_sources"]], dtype=np.int64)
        actors = ["|".join(a for a in (r[4], r[5], r[n_sum], r[n_sum + 1]) if a is not None).lower() for r in rows]
        del rows
        self._actor, actor_t = _codes(actors, fold=False)
        self._actor_names = list(actor_t)
        # sort keys: a row's rank in (column, event_id) order (rows are in event_id order, so a stable
        # sort of the column's value codes breaks ties by event_id); NULLS LAST both ways
        self._keys: dict[tuple[str, str], np.ndarray] = {}
        for name in SORTABLE:
            values = col[name]
            distinct = {v: i for i, v in enumerate(sorted({v for v in values if v is not None}))}
            codes = np.array([distinct[v] if v is not None else -1 for v in values], dtype=np.int64)
            rank = np.empty(self.n, dtype=np.int64)
            rank[np.argsort(codes, kind="stable")] = np.arange(self.n)
            null = codes < 0
            self._keys[(name, "asc")] = np.where(null, _BIG, rank)
            self._keys[(name, "desc")] = np.where(null, _BIG, -rank)
        self._actor_match = lru_cache(maxsize=1024)(self._actor_codes)
        self._json: list[str | None] = [None] * self.n  # each row's summary as JSON, made when first asked for

    def _actor_codes(self, text: str) -> np.ndarray:
        needle = text.lower()
        return np.array([i for i, s in enumerate(self._actor_names) if needle in s], dtype=np.int32)

    @staticmethod
    def _eq(codes: np.ndarray, table: dict[Any, int], value: str) -> np.ndarray:
        return codes == table.get(value.lower(), -2)

    def mask(self, flt: StoreFilter) -> np.ndarray:
        """The events ``flt`` keeps, as a boolean array over the index's rows."""
        m = np.ones(self.n, dtype=bool)
        if flt.country:
            m &= self._eq(self._country, self._country_t, flt.country.upper())
        if flt.admin1:
            m &= self._eq(self._admin1, self._admin1_t, flt.admin1)
        if flt.event_type:
            m &= self._eq(self._type, self._type_t, flt.event_type)
        if flt.sub_event_type:
            m &= self._eq(self._sub, self._sub_t, flt.sub_event_type)
        if flt.since:
            m &= self._date >= bisect_left(self._dates, flt.since)
        if flt.until:
            m &= (self._date >= 0) & (self._date < bisect_right(self._dates, flt.until))
        if flt.actor:
            m &= np.isin(self._actor, self._actor_match(flt.actor))
        if flt.min_fatalities is not None:
            m &= self._fat >= flt.min_fatalities
        if flt.min_sources is not None:
            m &= self._src >= flt.min_sources
        return m

    def _select(self, flt: StoreFilter, sort: str, order: str, page: int, page_size: int) -> tuple[int, np.ndarray]:
        """(total, row numbers of the page in order)."""
        idx = np.flatnonzero(self.mask(flt))
        total = int(idx.size)
        start = (page - 1) * page_size
        if start >= total:
            return total, idx[:0]
        keys = self._keys[(sort, order)][idx]
        stop = min(total, start + page_size)
        part = np.argpartition(keys, stop - 1)[:stop] if stop < total else np.arange(total)
        return total, idx[part[np.argsort(keys[part], kind="stable")][start:stop]]

    def page(self, flt: StoreFilter, *, sort: str = "event_date", order: str = "desc", page: int = 1,
             page_size: int = 50) -> dict[str, Any]:
        """``{total, page, page_size, items}`` as ``queries.list_events`` returns it."""
        total, rows = self._select(flt, sort, order, page, page_size)
        items = [dict(zip(SUMMARY_COLUMNS, self.rows[i], strict=True)) for i in rows]
        return {"total": total, "page": page, "page_size": page_size, "items": items}

    def _row_json(self, i: int) -> str:
        js = self._json[i]
        if js is None:
            js = self._json[i] = json.dumps(dict(zip(SUMMARY_COLUMNS, self.rows[i], strict=True)),
                                            ensure_ascii=False, allow_nan=False)
        return js

    def page_json(self, flt: StoreFilter, *, sort: str = "event_date", order: str = "desc", page: int = 1,
                  page_size: int = 50, geojson: bool = False) -> str:
        """The page as the API's JSON text: ``EventPage``, or with ``geojson`` an RFC 7946
        ``FeatureCollection`` (``[longitude, latitude]``; null geometry without coordinates).
        Each row's JSON is made once per copy of the store and reused."""
        total, rows = self._select(flt, sort, order, page, page_size)
        head = f'"total": {total}, "page": {page}, "page_size": {page_size}'
        if not geojson:
            return "{" + head + ', "items": [' + ", ".join(self._row_json(i) for i in rows) + "]}"
        feats = []
        for i in rows:
            r = self.rows[i]
            lat, lon = r[9], r[10]
            geom = (f'{{"type": "Point", "coordinates": [{json.dumps(lon)}, {json.dumps(lat)}]}}'
                    if lat is not None and lon is not None else "null")
            feats.append(f'{{"type": "Feature", "id": {json.dumps(r[0])}, "geometry": {geom}, '
                         f'"properties": {self._row_json(i)}}}')
        return '{"type": "FeatureCollection", ' + head + ', "features": [' + ", ".join(feats) + "]}"
