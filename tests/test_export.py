"""Store exports read back: Parquet by DuckDB (typed, with evidence), GeoJSON, JSON lines, ACLED CSV's header and regions."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest

from eventcoder.cli import app
from eventcoder.export import ACLED_COLUMNS, acled_region

TSAFE = "https://example.org/tsafe-a"


def _export(runner, db, *args):
    res = runner.invoke(app, ["export", "--db", str(db), *args])
    assert res.exit_code == 0, res.output
    return res.stdout


def test_parquet_events_are_typed_and_carry_evidence_attribution_and_sources(runner, coded_store, tmp_path):
    out = tmp_path / "events.parquet"
    _export(runner, coded_store, "-f", "parquet", "-o", str(out))
    types = dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{out}')").fetchall())
    assert types["event_date"] == "DATE" and types["year"] == "INTEGER"
    assert types["fatalities"] == "INTEGER" and types["number_of_sources"] == "INTEGER"
    assert types["evidence"].startswith("STRUCT(field VARCHAR, \"start\" INTEGER, \"end\" INTEGER, \"text\" VARCHAR")
    assert types["attribution"] == "STRUCT(speaker VARCHAR, \"role\" VARCHAR, organization VARCHAR)"
    assert types["sources"].startswith("STRUCT(article_key VARCHAR")
    [row] = duckdb.sql(f"SELECT event_date, fatalities, fatalities_low, fatalities_high, number_of_sources, evidence, "
                       f"sources FROM '{out}' WHERE location = 'Dandume'").fetchall()
    assert str(row[0]) == "2023-05-08" and row[1:5] == (7, 7, 9, 2)
    evidence, sources = row[5], row[6]
    assert {"field": "location", "start": 111, "end": 118, "text": "Dandume", "article_key": TSAFE} in evidence
    assert {s["article_key"]: s["fatalities"] for s in sources} == {TSAFE: 7, "https://news.example.com/zamfara": 9}
    assert next(s for s in sources if s["article_key"] == TSAFE)["attribution"]["organization"] == "Residents"
    # offsets point into the stored article text
    con = duckdb.connect(str(coded_store), read_only=True)
    [(text,)] = con.execute("SELECT text FROM articles WHERE article_key = ?", [TSAFE]).fetchall()
    con.close()
    for span in evidence:
        if span["article_key"] == TSAFE:
            assert text[span["start"]:span["end"]] == span["text"]


def test_parquet_measures_and_quotes(runner, coded_store, tmp_path):
    m = tmp_path / "measures.parquet"
    _export(runner, coded_store, "-f", "parquet", "-o", str(m), "--table", "measures")
    types = dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{m}')").fetchall())
    assert types["start_date"] == "DATE" and types["end_date"] == "DATE" and types["number_of_sources"] == "INTEGER"
    [(measure, start, end, evidence, sources)] = duckdb.sql(
        f"SELECT measure, start_date, end_date, evidence, sources FROM '{m}'").fetchall()
    assert (measure, str(start), str(end)) == ("curfew", "2020-03-22", "2020-03-29")
    assert evidence and all(e["article_key"] == "https://example.org/curfew" for e in evidence)
    assert sources[0]["outlet"] == "example.org"
    q = tmp_path / "quotes.parquet"
    _export(runner, coded_store, "-f", "parquet", "-o", str(q), "--table", "quotes", "--country", "SO")
    [(speaker, text, start, end, attribution)] = duckdb.sql(
        f"SELECT speaker, text, \"start\", \"end\", attribution FROM '{q}'").fetchall()
    assert (speaker, text, attribution["role"]) == ("Abdi Nur", "The attackers came at noon", "trader")
    assert end - start == len(text)


def test_jsonl_rows_carry_evidence_attribution_and_sources(runner, coded_store):
    rows = [json.loads(line) for line in _export(runner, coded_store, "-f", "jsonl").splitlines()]
    assert len(rows) == 5
    for r in rows:
        assert r["evidence"] and r["sources"] and "attribution" in r
        assert {"field", "start", "end", "text", "article_key"} <= set(r["evidence"][0])
    kirkuk = next(r for r in rows if r["location"] == "Hawija")
    assert kirkuk["attribution"] == {"speaker": "Ahmed al-Obeidi", "role": "spokesman",
                                     "organization": "Kirkuk Operations Command"}
    quotes = [json.loads(line) for line in _export(runner, coded_store, "-f", "jsonl", "--table", "quotes").splitlines()]
    # the Zamfara councillor's words are read (the report's title tells of an attack); the
    # Security Media Cell's statement names no person, so it is no quote
    assert len(quotes) == 7 and all(q["evidence"][0]["field"] == "quote" for q in quotes)
    assert {q["speaker"] for q in quotes} == {"Ahmed Mulla Talal", "Ahmed al-Obeidi", "Abdi Nur", None}
    measures = _export(runner, coded_store, "-f", "jsonl", "--table", "measures", "--since", "2020-03-28")
    assert json.loads(measures)["measure"] == "curfew"


def test_geojson_is_a_valid_feature_collection_with_evidence(runner, coded_store):
    doc = json.loads(_export(runner, coded_store, "-f", "geojson"))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 5
    for f in doc["features"]:
        assert f["type"] == "Feature" and f["id"] == f["properties"]["event_id"]
        geom = f["geometry"]
        if geom is not None:
            lon, lat = geom["coordinates"]
            assert geom["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
            assert (lat, lon) == (f["properties"]["latitude"], f["properties"]["longitude"])
        assert f["properties"]["evidence"] and f["properties"]["sources"]
    nulls = [f["properties"]["location"] for f in doc["features"] if f["geometry"] is None]
    assert nulls == ["Wadi al-Shay valley"]


def test_acled_csv_has_acleds_columns_and_regions(runner, coded_store):
    text = _export(runner, coded_store, "-f", "acled-csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0].split(",") == ACLED_COLUMNS
    assert len(rows) == 5
    by_place = {r["location"]: r for r in rows}
    assert (by_place["Baidoa"]["region"], by_place["Baidoa"]["country"], by_place["Baidoa"]["iso"]) == (
        "Eastern Africa", "Somalia", "706")
    assert by_place["Dandume"]["region"] == "Western Africa"
    assert by_place["Hawija"]["region"] == "Middle East"
    assert by_place["Dandume"]["source"] == "example.org; news.example.com"  # the outlets of both reports
    assert by_place["Dandume"]["notes"].startswith("On 2023-05-08")


def test_acled_regions_follow_acled_not_the_un():
    assert acled_region("SD") == "Northern Africa"  # ACLED: Sudan is Northern Africa
    assert acled_region("EG") == "Northern Africa"
    assert acled_region("SS") == "Eastern Africa"
    assert acled_region("UA") == "Europe" and acled_region("AF") == "South Asia"
    assert acled_region("ZZ") == ""


def test_every_country_eventcoder_names_has_an_acled_region():
    from eventcoder.resolve.gazetteer.build import read_data_csv

    regions = {r["iso2"]: r for r in read_data_csv("acled_regions.csv")}
    acled_names = {r["iso2"]: r["acled_name"] for r in read_data_csv("countries.csv")}
    assert set(acled_names) <= set(regions)
    for code, name in acled_names.items():
        assert regions[code]["country"] == name  # the same ACLED spelling in both files
    assert {r["region"] for r in regions.values()} == {
        "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa", "Middle East",
        "South Asia", "Southeast Asia", "East Asia", "Caucasus and Central Asia", "Europe", "Central America",
        "South America", "Caribbean", "North America", "Oceania"}


@pytest.mark.parametrize("fmt", ["acled-csv", "geojson"])
def test_measures_and_quotes_have_no_event_only_formats(runner, coded_store, fmt):
    res = runner.invoke(app, ["export", "--db", str(coded_store), "-f", fmt, "--table", "measures"])
    assert res.exit_code == 2 and "events only" in res.stderr


def test_disorder_type_follows_acleds_sub_event_types():
    # new-user helper: a violent demonstration was "Political violence" and an arrest was flagged
    # as civilian targeting
    from eventcoder.export import disorder_type

    assert disorder_type("Riots", "Violent demonstration") == "Demonstrations"
    assert disorder_type("Riots", "Mob violence") == "Political violence"
    assert disorder_type("Protests", "Excessive force against protesters") == "Political violence; Demonstrations"
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert disorder_type("Strategic developments", "Arrests") == "Strategic developments"
    assert disorder_type("Battles", "Armed clash") == "Political violence"
