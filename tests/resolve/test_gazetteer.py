"""The gazetteer file: builds, look-ups by any spelling, errors on bad files."""

import sqlite3

import pytest

from eventcoder.errors import GazetteerError
from eventcoder.extract.places import Toponym
from eventcoder.resolve.gazetteer import Gazetteer
from eventcoder.resolve.gazetteer.build import build_from_csv, display_name
from eventcoder.resolve.gazetteer.names import name_keys, skeleton
from eventcoder.resolve.places import PlaceResolver


def test_name_keys_fold_accents_case_and_articles():
    assert "menaka" in name_keys("Ménaka")
    assert {"al hawija", "hawija"} <= name_keys("Al-Hawija")
    assert "salahaddin" in name_keys("Salah ad Din")


def test_skeleton_joins_transliterations():
    assert skeleton("Hamrin") == skeleton("Hamreen") == skeleton("Himreen")
    assert skeleton("Salahuddin") == skeleton("Salah ad Din") == skeleton("Salaheddine")


def test_display_name_prefers_english_alias():
    assert display_name("Dahūk", ["Duhok", "Duhok Governorate"]) == "Duhok"
    assert display_name("Banaadir", ["Banadir Region"]) == "Banadir"
    assert display_name("Belgorodskaya oblast'", []) == "Belgorod"


def test_lookup_any_spelling(gazetteer_path):
    g = Gazetteer(gazetteer_path)
    [p] = g.lookup("Sévaré")
    assert (p.name, p.country, p.admin1) == ("Sevare", "ML", "Mopti")
    assert [x.name for x in g.lookup("MAKHOOL MOUNTAINS")] == ["Makhoul Mountains"]
    assert g.fuzzy_lookup("Salahuddin", "IQ")[0].name == "Salah ad Din"


def test_a_name_as_written_beats_a_variant_key_of_another_place(tmp_path):
    # "Maan" with its doubled letter single is "man", which an alternate name of the capital
    # also gives: the town spelt as written wins; a variant key still finds a name written
    # with a doubled letter the gazetteer lacks
    csv = tmp_path / "places.csv"
    csv.write_text("name,alternate_names,latitude,longitude,country,admin1,feature_code\n"
                   "Ma'an,,30.19,35.73,JO,Ma'an,PPL\n"
                   "Amman,An Man,31.95,35.93,JO,Amman,PPLC\n"
                   "Baramula,,34.20,74.34,IN,Jammu and Kashmir,PPL\n", encoding="utf-8")
    g = Gazetteer(build_from_csv(tmp_path / "g.sqlite", csv, admin1=[("JO", "19", "Ma'an"), ("JO", "16", "Amman"),
                                                                       ("IN", "12", "Jammu and Kashmir")]))
    assert [p.name for p in g.lookup("Maan") if p.feature_code == "PPL"] == ["Ma'an"]
    assert "Amman" not in [p.name for p in g.lookup("Maan")]
    assert [p.name for p in g.lookup("Baramulla")] == ["Baramula"]


def test_country_beats_namesake_town(gazetteer_path):
    res = PlaceResolver(Gazetteer(gazetteer_path))
    place = res.resolve(Toponym("Chad", 0, 4), ["SD"])
    assert place is not None and place.feature_code == "PCLI" and place.country == "TD"


def test_unknown_name_resolves_to_nothing(gazetteer_path):
    res = PlaceResolver(Gazetteer(gazetteer_path))
    assert res.resolve(Toponym("Nkiedonwhro", 0, 11), ["NG"]) is None


def test_missing_and_foreign_files_are_clear_errors(tmp_path):
    with pytest.raises(GazetteerError, match="no gazetteer file"):
        Gazetteer(tmp_path / "none.sqlite")
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"this is not sqlite at all" * 10)
    with pytest.raises(GazetteerError, match="not a gazetteer"):
        Gazetteer(bogus)


def test_old_schema_version_is_refused(tmp_path, gazetteer_path):
    old = tmp_path / "old.sqlite"
    old.write_bytes(gazetteer_path.read_bytes())
    db = sqlite3.connect(old)
    db.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    with pytest.raises(GazetteerError, match="schema version 0"):
        Gazetteer(old)


def test_bad_coordinates_name_file_and_line_and_leave_nothing(tmp_path):
    csv_path = tmp_path / "places.csv"
    csv_path.write_text("name,alternate_names,latitude,longitude,country,admin1,feature_code\n"
                        "Tsafe,,11.96,6.92,NG,Zamfara,PPL\n"
                        "Gusau,,north,6.66,NG,Zamfara,PPL\n", encoding="utf-8")
    target = tmp_path / "g.sqlite"
    with pytest.raises(GazetteerError, match=r"places.csv:3: bad coordinates"):
        build_from_csv(target, csv_path)
    assert not target.exists()
    assert not list(tmp_path.glob("g.sqlite.*"))


def test_a_capital_s_foreign_name_yields_to_a_town_that_has_it_as_its_own(tmp_path):
    # GeoNames lists "Tera" among Tehran's names; Téra in Niger is a town of that name
    csv = tmp_path / "places.csv"
    csv.write_text("name,alternate_names,latitude,longitude,country,admin1,feature_code\n"
                   "Tehran,Tera,35.69,51.39,IR,Tehran,PPLC\n"
                   "Téra,,14.01,0.75,NE,Tillaberi,PPL\n", encoding="utf-8")
    res = PlaceResolver(Gazetteer(build_from_csv(tmp_path / "g.sqlite", csv,
                                                 admin1=[("IR", "26", "Tehran"), ("NE", "06", "Tillaberi")])))
    [place] = res.resolve_article([Toponym("Tera", 20, 24)], "Gunmen attacked near Tera on Monday.")
    assert place is not None and (place.name, place.country) == ("Téra", "NE")
