"""The read-only API: every operation of its OpenAPI schema (schemathesis), and the answers the page relies on."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.parse

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")
from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402

from eventcoder.web.api import create_app  # noqa: E402
from eventcoder.web.snapshot import StoreSnapshot  # noqa: E402


@pytest.fixture(scope="module")
def snapshot(coded_store, tmp_path_factory):
    snap = StoreSnapshot(coded_store, refresh_s=0, workdir=tmp_path_factory.mktemp("api-snap"))
    yield snap
    snap.close()


@pytest.fixture(scope="module")
def app(snapshot):
    return create_app(snapshot)


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app)


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


OPERATIONS = ["/api/status", "/api/facets", "/api/events", "/api/events/{event_id}", "/api/timeline",
              "/api/measures", "/api/quotes", "/api/articles/{article_key}"]


def test_the_schema_lists_every_operation(api_schema):
    assert sorted(op.ok().path for op in api_schema.get_all_operations()) == sorted(OPERATIONS)


@pytest.mark.parametrize("path", OPERATIONS)
def test_every_operation_conforms_to_the_schema(api_schema, path):
    """Generated requests (valid and invalid): no server error; status codes, content types and
    bodies as the schema declares (schemathesis' default checks)."""
    op = api_schema[path]["GET"]

    @given(case=op.as_strategy())
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case):
        case.call_and_validate()

    check()


def test_events_page_filters_and_sorts(client):
    res = client.get("/api/events", params={"sort": "fatalities", "order": "desc", "page_size": 2})
    body = res.json()
    assert res.status_code == 200 and body["total"] == 5 and len(body["items"]) == 2
    assert [e["fatalities"] for e in body["items"]] == [7, 4]
    page3 = client.get("/api/events", params={"sort": "fatalities", "order": "desc", "page_size": 2, "page": 3}).json()
    assert [e["fatalities"] for e in page3["items"]] == [0]
    so = client.get("/api/events", params={"country": "so", "event_type": "violence against civilians"}).json()
    assert [e["location"] for e in so["items"]] == ["Wanlaweyn"]
    assert client.get("/api/events", params={"min_sources": 2}).json()["items"][0]["location"] == "Dandume"
    assert client.get("/api/events", params={"admin1": "kirkuk", "since": "2021-11-22"}).json()["total"] == 1


def test_user_values_are_parameters_not_sql(client):
    for evil in ("' OR 1=1 --", "%", "_", "\\", "x'); DROP TABLE events; --"):
        assert client.get("/api/events", params={"actor": evil}).json()["total"] == 0
    assert client.get("/api/events").json()["total"] == 5  # nothing was dropped


def test_limits_on_page_size(client):
    assert client.get("/api/events", params={"page_size": 5000, "format": "geojson"}).status_code == 200
    assert client.get("/api/events", params={"page_size": 5001, "format": "geojson"}).status_code == 422
    assert client.get("/api/quotes", params={"page_size": 501}).status_code == 422
    assert client.get("/api/measures", params={"page_size": 0}).status_code == 422


def test_geojson_is_rfc7946(client):
    doc = client.get("/api/events", params={"format": "geojson"}).json()
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 5
    by_place = {f["properties"]["location"]: f for f in doc["features"]}
    lon, lat = by_place["Baidoa"]["geometry"]["coordinates"]
    assert 40 < lon < 46 and 0 < lat < 5  # longitude first
    assert by_place["Wadi al-Shay valley"]["geometry"] is None


def test_event_detail_carries_each_source_with_figure_attribution_and_evidence(client):
    [ev] = client.get("/api/events", params={"country": "NG"}).json()["items"]
    detail = client.get(f"/api/events/{ev['event_id']}").json()
    assert (detail["fatalities"], detail["fatalities_low"], detail["fatalities_high"]) == (7, 7, 9)
    figures = {s["article_key"]: s["fatalities"] for s in detail["sources"]}
    assert figures == {"https://example.org/tsafe-a": 7, "https://news.example.com/zamfara": 9}
    src = next(s for s in detail["sources"] if s["article_key"] == "https://example.org/tsafe-a")
    assert src["attribution"]["organization"] == "Residents"
    art = client.get("/api/articles/" + urllib.parse.quote(src["article_key"], safe="")).json()
    for span in src["evidence"]:
        assert art["text"][span["start"]:span["end"]] == span["text"]
    assert {"field": "location", "start": 111, "end": 118, "text": "Dandume"} in src["evidence"]
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404


def test_timeline_counts_per_week(client):
    rows = client.get("/api/timeline", params={"bucket": "week", "country": "IQ"}).json()["rows"]
    assert [(r["period"], r["event_type"], r["events"]) for r in rows] == [
        ("2021-11-15", "Battles", 1), ("2021-11-22", "Explosions/Remote violence", 1)]


def test_measures_and_quotes(client):
    [m] = client.get("/api/measures", params={"country": "IQ", "since": "2020-03-25"}).json()["items"]
    assert (m["measure"], m["admin1"], m["start_date"], m["end_date"], m["iso_numeric"]) == (
        "curfew", "Baghdad", "2020-03-22", "2020-03-29", "368")
    assert m["evidence"] and m["sources"][0]["article_key"] == "https://example.org/curfew"
    assert client.get("/api/measures", params={"since": "2020-04-01"}).json()["total"] == 0
    quotes = client.get("/api/quotes", params={"actor": "obeidi"}).json()
    assert quotes["total"] == 2 and {q["attribution"]["speaker"] for q in quotes["items"]} == {"Ahmed al-Obeidi"}


def test_page_is_served_with_a_strict_content_security_policy(coded_store, snapshot):
    from eventcoder.web import assets

    client = TestClient(create_app(snapshot, static_dir=assets.STATIC))
    res = client.get("/")
    assert res.status_code == 200 and "<div id=\"map\"" in res.text
    assert "script-src 'self'" in res.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200


def _hold_for_writing(db, seconds):
    """Another process holding the store for writing, as `eventcoder run` does; returns once it holds it."""
    code = ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
            "c.execute('CREATE TABLE IF NOT EXISTS held (x INTEGER)'); c.execute('INSERT INTO held VALUES (1)'); "
            "print('held', flush=True); time.sleep(float(sys.argv[2]))")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_busy_store_is_said_plainly_and_the_last_copy_keeps_answering(coded_store, tmp_path):
    import shutil

    db = tmp_path / "events.duckdb"
    shutil.copyfile(coded_store, db)
    # serve starts while a run holds the store: no copy yet, so it says the store is busy
    proc = _hold_for_writing(db, 3)
    snap = StoreSnapshot(db, refresh_s=0, workdir=tmp_path / "snap")
    client = TestClient(create_app(snap))
    assert client.get("/api/status").json()["state"] == "busy"
    res = client.get("/api/events")
    assert res.status_code == 503 and "eventcoder run" in res.json()["detail"]
    proc.wait()
    assert snap.refresh() is True  # the writer is gone: a copy is taken
    assert client.get("/api/events").json()["total"] == 5
    assert client.get("/api/status").json()["state"] == "ok"
    # a run holds it again: the last copy answers and the status says since when it is old
    proc = _hold_for_writing(db, 2)
    time.sleep(0.05)
    assert snap.refresh() is False
    assert client.get("/api/events").json()["total"] == 5
    status = client.get("/api/status").json()
    assert status["state"] == "busy" and "showing it as it was at" in status["message"]
    proc.wait()
    snap.refresh()
    assert client.get("/api/status").json()["state"] == "ok"
    snap.close()


def test_a_writer_waits_while_serve_copies_the_store(coded_store, tmp_path):
    """serve holds the file for reading while it copies it: `eventcoder run` waits instead of failing."""
    import shutil

    from eventcoder.store import Store

    db = tmp_path / "events.duckdb"
    shutil.copyfile(coded_store, db)
    code = ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); "
            "print('held', flush=True); time.sleep(1.0)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    t0 = time.monotonic()
    store = Store(db)  # would fail at once without the wait
    assert time.monotonic() - t0 > 0.3
    store.close()
    proc.wait()


def test_impossible_dates_are_refused(client):
    res = client.get("/api/events", params={"since": "2023-02-30"})
    assert res.status_code == 422
    assert client.get("/api/events", params={"until": "2023-02-28"}).status_code == 200
