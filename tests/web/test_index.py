"""serve's in-memory event list answers exactly as the SQL filters do (random filters on a synthetic store)."""

from __future__ import annotations

import random

import duckdb
import pytest

from eventcoder.filters import StoreFilter
from eventcoder.web import queries
from eventcoder.web.index import SORTABLE, EventIndex


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    from loadtest import build_store  # scripts/loadtest.py: the load test's synthetic store

    path = tmp_path_factory.mktemp("synthetic") / "events.duckdb"
    build_store(path, 3000)
    con = duckdb.connect(str(path))
    # edge cases the synthetic rows lack: missing values and mixed case
    con.execute("UPDATE events SET fatalities = NULL, event_date = NULL WHERE event_id IN ('syn00000001', 'syn00000002')")
    con.execute("UPDATE events SET actor1 = NULL, admin1 = NULL, country = NULL WHERE event_id = 'syn00000003'")
    con.execute("UPDATE events SET assoc_actor_1 = 'Wagner Group' WHERE event_id = 'syn00000004'")
    con.close()
    con = duckdb.connect(str(path), read_only=True)
    yield con, EventIndex(con)
    con.close()


def _random_filter(rng: random.Random) -> StoreFilter:
    from loadtest import random_query

    q = random_query(rng)
    if rng.random() < 0.1:
        q["actor"] = rng.choice(["WAGNER", "al-", "|", "%", "forces of"])
    if rng.random() < 0.1:
        q["since"], q["until"] = "2021-02-30", "2021-13-01"  # strings, compared as strings
    if rng.random() < 0.1:
        q["event_type"] = q.get("event_type", "battles").upper()
    return StoreFilter(**{k: (int(v) if k.startswith("min_") else v) for k, v in q.items()
                          if k in StoreFilter.__dataclass_fields__})


def test_index_pages_equal_the_sql_pages(synthetic):
    con, index = synthetic
    rng = random.Random(7)
    for _ in range(150):
        flt = _random_filter(rng)
        sort, order = rng.choice(SORTABLE), rng.choice(["asc", "desc"])
        page, size = rng.choice([1, 1, 2, 5]), rng.choice([10, 50])
        want = queries.list_events(con.cursor(), flt, sort=sort, order=order, page=page, page_size=size)
        got = index.page(flt, sort=sort, order=order, page=page, page_size=size)
        assert got["total"] == want["total"], flt
        # the same rows in the same order, up to ties of the descending sort (broken the other way)
        got_keys = [(r[sort] is None, r[sort]) for r in got["items"]]
        assert got_keys == [(r[sort] is None, r[sort]) for r in want["items"]], (flt, sort, order)
        if order == "asc":
            assert got["items"] == want["items"]


def test_index_json_is_the_page(synthetic):
    import json

    _, index = synthetic
    flt = StoreFilter(country="IQ", min_fatalities=5)
    page = index.page(flt, sort="fatalities", page_size=20)
    assert json.loads(index.page_json(flt, sort="fatalities", page_size=20)) == page
    geo = json.loads(index.page_json(flt, sort="fatalities", page_size=20, geojson=True))
    assert [f["properties"] for f in geo["features"]] == page["items"]
    assert geo["features"][0]["geometry"]["coordinates"] == [page["items"][0]["longitude"], page["items"][0]["latitude"]]
