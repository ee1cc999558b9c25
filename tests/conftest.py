"""Shared fixtures: one spaCy pipeline, one small gazetteer built from tests/fixtures/places.csv."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

ADMIN1 = [
    ("IQ", "07", "Baghdad"), ("IQ", "10", "Diyala"), ("IQ", "13", "Kirkuk"), ("IQ", "15", "Nineveh"),
    ("IQ", "18", "Salah ad Din"), ("NG", "57", "Zamfara"), ("KE", "33", "Nakuru"), ("KE", "30", "Nairobi"),
    ("SO", "04", "Bay"), ("SO", "12", "Lower Shabelle"), ("SO", "02", "Banadir"), ("ML", "08", "Bamako"),
    ("ML", "04", "Mopti"), ("GH", "07", "Greater Accra"), ("GH", "02", "Ashanti"), ("US", "TX", "Texas"),
    ("UA", "05", "Donetsk"), ("RU", "09", "Belgorod"), ("EG", "27", "North Sinai"), ("PS", "GZ", "Gaza Strip"),
]
COUNTRIES = [
    ("IQ", "Iraq", 33.34, 44.40), ("NG", "Nigeria", 9.08, 7.53), ("KE", "Kenya", -1.29, 36.82),
    ("SO", "Somalia", 2.04, 45.34), ("ML", "Mali", 12.65, -8.0), ("GH", "Ghana", 5.56, -0.20),
    ("TD", "Chad", 12.11, 15.04), ("SD", "Sudan", 15.50, 32.56), ("SS", "South Sudan", 4.85, 31.58),
    ("US", "United States", 38.9, -77.04), ("UA", "Ukraine", 50.45, 30.52), ("RU", "Russia", 55.75, 37.62),
    ("EG", "Egypt", 30.04, 31.24), ("PS", "Palestine", 31.90, 35.20),
]


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from eventcoder.resolve.gazetteer.build import build_from_csv

    path = tmp_path_factory.mktemp("gaz") / "test-gazetteer.sqlite"
    return build_from_csv(path, FIXTURES / "places.csv", admin1=ADMIN1, countries=COUNTRIES)


@pytest.fixture(scope="session")
def pipeline(gazetteer_path: Path):
    from eventcoder.pipeline import Pipeline

    return Pipeline(gazetteer=gazetteer_path)


@pytest.fixture(scope="session")
def code(pipeline):
    """Code a written article: ``code(text, published=...)`` -> CodedArticle."""

    def _code(text: str, published: str | None = None):
        return pipeline.code(text, published=published)

    return _code


@pytest.fixture()
def runner(monkeypatch, gazetteer_path):
    """A Typer CLI runner with the test gazetteer active."""
    from typer.testing import CliRunner

    monkeypatch.setenv("EVENTCODER_GAZETTEER", str(gazetteer_path))
    return CliRunner()


@pytest.fixture(scope="session")
def subset_pipeline(tmp_path_factory: pytest.TempPathFactory):
    """A pipeline on the default gazetteer restricted to the countries of the own gold sets
    (tests/fixtures/gold and tests/fixtures/toponyms): the real data, built small (seconds)."""
    import json

    from eventcoder.pipeline import Pipeline
    from eventcoder.resolve.gazetteer.build import build_default

    countries: set[str] = set()
    for rec in (FIXTURES / "gold").glob("*.json"):
        data = json.loads(rec.read_text(encoding="utf-8"))
        countries |= {e["country"] for e in data["events"]} | {m["country"] for m in data["measures"]}
    for line in (FIXTURES / "toponyms" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            countries.add(json.loads(line)["country"])
    path = build_default(tmp_path_factory.mktemp("subset") / "subset.sqlite", progress=False,
                         countries=sorted(countries))
    return Pipeline(gazetteer=path)


@pytest.fixture(scope="session")
def coded_store(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Path:
    """A DuckDB event store coded from the written articles of tests/stores.py (test gazetteer)."""
    from tests.stores import build_store

    return build_store(tmp_path_factory.mktemp("store") / "events.duckdb", pipeline)

GEO_COUNTRIES = ["US", "FR", "GB", "SY", "IL", "CD", "MX", "UA", "SO", "AF", "BF", "RU", "TR", "IQ", "LB", "LY", "AZ",
                 "YE", "NG", "IT", "TT", "MA", "ZW", "PS", "MW", "SD", "MV", "IR", "PK"]


@pytest.fixture(scope="session")
def geo_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default gazetteer build restricted to the countries the place tests write about."""
    from eventcoder.resolve.gazetteer.build import build_default

    return build_default(tmp_path_factory.mktemp("geo") / "geo.sqlite", progress=False, countries=GEO_COUNTRIES)


@pytest.fixture(scope="session")
def geo_pipeline(geo_gazetteer: Path):
    from eventcoder.pipeline import Pipeline

    return Pipeline(gazetteer=geo_gazetteer)


@pytest.fixture(scope="session")
def places_of(geo_pipeline):
    """Toponyms of a written article as ``{text: (toponym, place)}`` (the first of each text)."""
    from eventcoder.models import RawDocument

    def _places(text: str) -> dict:
        article = geo_pipeline.clean(RawDocument("t", "t", "Report\n\n" + text, "text", None, None))
        out: dict = {}
        for t, p in geo_pipeline.toponyms(article):
            assert article.text[t.start:t.end] == t.text
            out.setdefault(t.text, (t, p))
        return out

    return _places
