"""`eventcoder places` and the user's own places file."""

import json

from eventcoder.cli import app

ARTICLE = (
    "Refugees cross into Chad\n\n"
    "ABECHE - Some 2,000 refugees crossed from Sudan into Chad on Monday, and many had fled South Sudan years ago. "
    "Aid groups in Chad said camps were full."
)




def test_country_names_are_countries_not_namesake_towns(runner, tmp_path):
    # kind of probe 15: Chad is the country, not the town in Texas; "South Sudan" is one place
    f = tmp_path / "chad.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(app, ["places", str(f), "--format", "json"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    by_text = {}
    for t in rec["toponyms"]:
        by_text.setdefault(t["text"], []).append(t)
        assert rec["text"][t["start"]:t["end"]] == t["text"]
    assert {(t["country"], t["feature_code"], t["admin1"]) for t in by_text["Chad"]} == {("TD", "PCLI", None)}
    assert len(by_text["Chad"]) == 3
    assert [(t["country"]) for t in by_text["South Sudan"]] == ["SS"]
    assert [(t["country"]) for t in by_text["Sudan"]] == ["SD"]


def test_user_places_are_found_with_priority(runner, tmp_path):
    places = tmp_path / "mine.csv"
    places.write_text("name,alternate_names,latitude,longitude,country,admin1,feature_code\n"
                      "Dandume Camp,Dandume IDP camp,12.01,6.95,NG,Zamfara,PPL\n"
                      "Tsafe,,11.97,6.93,NG,Zamfara,PPLX\n", encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("Bandits raid camp\n\nGUSAU - Bandits attacked Dandume IDP camp near Tsafe in Zamfara State on Monday, "
                   "killing four people, police said.\n", encoding="utf-8")
    res = runner.invoke(app, ["code", str(art), "--published", "2023-05-09", "--places", str(places), "--format", "json"])
    assert res.exit_code == 0, res.output
    [ev] = json.loads(res.stdout)["events"]
    assert (ev["location"], ev["admin1"], ev["latitude"], ev["longitude"]) == ("Dandume IDP camp", "Zamfara", 12.01, 6.95)
    res = runner.invoke(app, ["places", str(art), "--places", str(places), "--format", "json"])
    tsafe = [t for t in json.loads(res.stdout)["toponyms"] if t["text"] == "Tsafe"]
    assert tsafe[0]["feature_code"] == "PPLX"  # the user's row wins over the gazetteer's


def test_bad_places_file_is_a_clear_usage_error(runner, tmp_path):
    places = tmp_path / "bad.csv"
    places.write_text("name,latitude\nX,1\n", encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(app, ["code", str(art), "--places", str(places)])
    assert res.exit_code == 2
    assert "missing columns" in res.stderr


def test_division_word_written_after_a_division_is_part_of_its_span(runner, tmp_path):
    f = tmp_path / "gusau.txt"
    f.write_text("Gunmen attack market\n\nGunmen attacked a market in Gusau, Zamfara State, on Monday.",
                 encoding="utf-8")
    res = runner.invoke(app, ["places", str(f), "--format", "json"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    tops = {t["text"]: t for t in rec["toponyms"]}
    assert (tops["Zamfara State"]["feature_code"], tops["Zamfara State"]["admin1"]) == ("ADM1", "Zamfara")
    t = tops["Zamfara State"]
    assert rec["text"][t["start"]:t["end"]] == "Zamfara State"
    assert (tops["Gusau"]["latitude"], tops["Gusau"]["longitude"]) == (12.16, 6.66)


def test_places_lists_the_toponyms_of_a_paragraph_the_page_repeats(runner, tmp_path):
    f = tmp_path / "twice.txt"
    para = ("Gunmen on motorcycles attacked a crowded market in Gusau, Zamfara State, on Monday, burning stalls and "
            "shops, residents and traders said.")
    other = "Police said they were investigating the attack and had deployed more officers to the area."
    f.write_text(f"Market attack\n\n{para}\n\n{other}\n\n{para}", encoding="utf-8")
    res = runner.invoke(app, ["places", str(f), "--format", "json"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert [t["text"] for t in rec["toponyms"]] == ["Gusau", "Zamfara State", "Gusau", "Zamfara State"]
    assert rec["text"].count(para) == 2


def test_lowercase_state_after_a_division_belongs_to_its_span(runner, tmp_path):
    # Nigerian papers write "Zamfara state": the gold span of such corpora holds the word
    art = tmp_path / "a.txt"
    art.write_text("Bandits raid village\n\nGunmen attacked a village near Tsafe in Zamfara state on Monday, "
                   "police said.\n", encoding="utf-8")
    res = runner.invoke(app, ["places", str(art), "--format", "json"])
    assert res.exit_code == 0, res.output
    tops = {t["text"]: t for t in json.loads(res.stdout)["toponyms"]}
    assert tops["Zamfara state"]["feature_code"] == "ADM1"
