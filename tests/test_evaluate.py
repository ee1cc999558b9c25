"""The evaluator implements FORMAT.md's scoring."""

from eventcoder.evaluate import Scores, name_matches, normalise, pair_events, score_article


def _ev(**kw):
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2021-06-12", "country": "NG",
            "admin1": ["Borno"], "fatalities": 13, "actor1": ["Military Forces of Nigeria"], "inter1": 1,
            "actor2": [], "inter2": None, "location": ["Monguno"], "optional": False}
    base.update(kw)
    return base


def test_normalise_and_match():
    assert normalise("Al-Fashir (2019-)") == "alfashir"
    assert name_matches("Nairobi City", ["Nairobi"])
    assert name_matches("Diyala Governorate", ["Diyala"], admin=True)
    assert not name_matches("Kisumu", ["Nairobi"])


def test_pairing_needs_type_and_country_and_prefers_similarity():
    gold = [_ev(fatalities=3), _ev(fatalities=13)]
    system = [dict(_ev(), admin1="Borno", actor1="Military Forces of Nigeria"), dict(_ev(country="TD"), admin1="Lac")]
    assert pair_events(system, gold) == [(0, 1)]


def test_scores_tp_fp_fn_and_optional():
    gold = {"id": "x", "relevant": True, "events": [_ev(), _ev(event_type="Riots", sub_event_type="Mob violence", optional=True)],
            "measures": [], "quotes": []}
    pred = {"events": [dict(_ev(), admin1="Borno", actor1="Military Forces of Nigeria", actor2=None, location="Monguno"),
                       dict(_ev(event_type="Riots", sub_event_type="Mob violence"), admin1=None, actor1=None, actor2=None,
                            location=None),
                       dict(_ev(event_type="Protests"), admin1=None, actor1=None, actor2=None, location=None)]}
    s = Scores()
    score_article(pred, gold, s)
    d = s.as_dict()
    assert (d["events"]["tp"], d["events"]["fp"], d["events"]["fn"]) == (1, 1, 0)
    assert d["fields"]["fatalities_exact"] == 1.0 and d["fields"]["location"] == 1.0


def test_quotes_found_by_prefix_and_last_name():
    gold = {"id": "q", "relevant": True, "events": [], "measures": [],
            "quotes": [{"speaker": ["Tahseen al-Khafaji"], "starts_with": "Military pressure on the terrorists"}]}
    pred = {"events": [], "quotes": [{"speaker": "Al-Khafaji", "text": "\"Military pressure on the terrorists is rising,\""}]}
    s = Scores()
    score_article(pred, gold, s)
    assert s.as_dict()["quotes"]["recall"] == 1.0


def test_evaluate_reads_texts_from_a_separate_folder_and_a_split(runner, tmp_path):
    """The real-news corpus keeps its third-party texts apart from the gold (--texts) and
    is scored by split (--ids)."""
    import json

    from eventcoder.cli import app

    gold, texts = tmp_path / "gold", tmp_path / "texts"
    gold.mkdir()
    texts.mkdir()
    ev = _ev(event_type="Violence against civilians", sub_event_type="Attack", event_date="2023-03-12",
             admin1=["Zamfara"], fatalities=4, location=["Tsafe"], actor1=["Unidentified Armed Group (Nigeria)"],
             inter1=3, actor2=["Civilians (Nigeria)"], inter2=7)
    for rid in ("a", "b"):
        (gold / f"{rid}.json").write_text(json.dumps({"id": rid, "published": "2023-03-14", "relevant": True,
                                                      "events": [ev], "measures": [], "quotes": []}), encoding="utf-8")
    (texts / "a.txt").write_text("Gunmen shot dead four villagers on Sunday in Tsafe, Zamfara state, police said.",
                                 encoding="utf-8")
    split = tmp_path / "dev.txt"
    split.write_text("# development split\na\n", encoding="utf-8")
    res = runner.invoke(app, ["evaluate", str(gold), "--texts", str(texts), "--ids", str(split)])
    assert res.exit_code == 0, res.output
    assert "articles              1" in res.output
    assert "tp 1, fp 0, fn 0" in res.output
    # without the split, b has no text: it is left out with a message, not scored as missed
    res = runner.invoke(app, ["evaluate", str(gold), "--texts", str(texts)])
    assert res.exit_code == 0
    assert "1 of 2 gold records have no article text" in res.output


def test_a_missing_real_news_texts_folder_says_how_to_refill_it(tmp_path):
    import pytest

    from eventcoder.errors import InputError
    from eventcoder.evaluate import load_gold

    (tmp_path / "gold").mkdir()
    (tmp_path / "sources.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_gold(tmp_path / "gold", texts=tmp_path / "texts")
    assert "not a folder of article texts" in str(err.value) and "README.md" in str(err.value)
