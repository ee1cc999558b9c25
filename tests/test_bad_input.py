"""Regression tests for faults found by trying to break eventcoder with bad input."""

import json

import pytest

from eventcoder.cli import app
from eventcoder.errors import InputError
from eventcoder.ingest import iter_documents

ARTICLE = ("Blast in Baidoa\n\nBAIDOA - A roadside bomb killed three soldiers near Baidoa on Sunday, "
           "an officer said.\n")




def test_impossible_published_date_is_a_usage_error_not_a_crash(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    for bad in ("2020-13-45", "2020-02-30"):
        res = runner.invoke(app, ["code", str(f), "--published", bad])
        assert res.exit_code == 2 and "not a real date" in res.stderr


def test_impossible_date_in_a_record_fails_that_record_only(tmp_path):
    f = tmp_path / "b.jsonl"
    f.write_text(json.dumps({"id": "bad", "text": ARTICLE, "published": "2024-02-30"}) + "\n"
                 + json.dumps({"id": "good", "text": ARTICLE, "published": "2024-03-04"}) + "\n", encoding="utf-8")
    items = list(iter_documents([str(f)]))
    assert isinstance(items[0], InputError) and items[0].doc_id == "bad" and "not a real date" in items[0].reason
    assert items[1].id == "good"


def test_deeply_nested_json_line_and_bom_and_bad_types(tmp_path):
    f = tmp_path / "b.jsonl"
    f.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "first", "text": ARTICLE}).encode() + b"\n"
                  + b"[" * 100000 + b"\n"
                  + json.dumps({"id": ["x"], "text": ARTICLE}).encode() + b"\n"
                  + json.dumps({"id": "num", "text": 42}).encode() + b"\n")
    items = list(iter_documents([str(f)]))
    assert items[0].id == "first"
    assert isinstance(items[1], InputError) and "nested too deeply" in items[1].reason
    assert isinstance(items[2], InputError) and "'id' must be a string or a number" in items[2].reason
    assert isinstance(items[3], InputError) and "'text' must be a string" in items[3].reason and items[3].doc_id == "num"


def test_unwritable_output_is_a_usage_error(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(app, ["code", str(f), "-o", str(tmp_path / "no" / "such" / "dir.json")])
    assert res.exit_code == 2 and "cannot write there" in res.stderr


def test_html_fragment_is_coded(code):
    coded = code("<p>BAIDOA - A roadside bomb killed three soldiers near Baidoa on Sunday, an officer said.</p>",
                 published="2023-08-14")
    assert [(e.sub_event_type, e.fatalities, e.event_date) for e in coded.events] == [
        ("Remote explosive/landmine/IED", 3, "2023-08-13")]


def test_invisible_characters_do_not_hide_events(code):
    text = "BAIDOA - A roadside bomb kil\u00adled three\u200b soldiers near Baidoa on Sunday, an officer said."
    [ev] = code(text, published="2023-08-14").events
    assert ev.fatalities == 3


def test_implausible_toll_is_ignored_and_impossible_date_left_null(code):
    text = ("BAIDOA - A roadside bomb exploded near Baidoa on February 30, killing 99999999999999999999 people, "
            "an officer said.")
    [ev] = code(text, published="2023-03-10").events
    assert ev.fatalities == 0
    assert ev.event_date is None and ev.time_precision is None


def test_api_rejects_wrong_types_with_input_errors(pipeline):
    with pytest.raises(InputError, match="must be a string"):
        pipeline.code(123)
    with pytest.raises(InputError, match="published"):
        pipeline.code(ARTICLE, published="yesterday")
    with pytest.raises(InputError, match="not a real date"):
        pipeline.code(ARTICLE, published="2024-02-30")
    assert pipeline.code(ARTICLE.encode("utf-8"), published="2023-08-14").events


def test_failed_records_beside_acled_csv(runner, tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "ok", "text": ARTICLE, "published": "2023-08-14"}) + "\n{oops\n", encoding="utf-8")
    out = tmp_path / "events.csv"
    res = runner.invoke(app, ["code", str(batch), "--format", "acled-csv", "--output", str(out)])
    assert res.exit_code == 3
    errors = [json.loads(x) for x in (tmp_path / "events.csv.errors.jsonl").read_text().splitlines()]
    assert [e["id"] for e in errors] == ["b-2"] and errors[0]["error"]["stage"] == "ingest"


def test_command_line_date_applies_to_jsonl_records_without_one(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"id": "undated", "text": ARTICLE}) + "\n"
                 + json.dumps({"id": "dated", "text": ARTICLE, "published": "2024-03-04"}) + "\n", encoding="utf-8")
    undated, dated = list(iter_documents([str(f)], published="2024-05-07"))
    assert (undated.published, dated.published) == ("2024-05-07", "2024-03-04")


def test_one_line_report_without_a_full_stop_is_coded(code):
    coded = code("A roadside bomb killed three soldiers near Baidoa on Sunday", published="2024-05-07")
    assert [(e.sub_event_type, e.event_date, e.location, e.fatalities) for e in coded.events] == [
        ("Remote explosive/landmine/IED", "2024-05-05", "Baidoa", 3)]


def test_words_the_markup_glued_are_parted(code):
    coded = code("Report\n\nA roadside bomb killed three soldiers near Baidoa on Sunday.Officials blamed "
                 "al-Shabaab for the blast inSomalia.", published="2024-05-07")
    assert "Sunday. Officials" in coded.text and "in Somalia" in coded.text
    assert [(e.location, e.fatalities) for e in coded.events] == [("Baidoa", 3)]


def test_another_storys_headline_inside_the_page_is_a_caption(pipeline):
    from eventcoder.models import RawDocument

    text = ("Police fire tear gas at protesters in Kirkuk\n\nPolice fired tear gas at protesters in Kirkuk "
            "on Wednesday, witnesses said.\n\nToll From Clashes In Kirkuk Rises To 235 Dead And 2,001 Wounded"
            "\n\nThe protesters had called for elections.")
    article = pipeline.clean(RawDocument("h", "h", text, "text", None, "2013-08-14"))
    marks = [(article.text[p.start:p.end][:9], p.is_caption) for p in article.paragraphs]
    assert article.title == "Police fire tear gas at protesters in Kirkuk"
    assert marks[-3:] == [("Police fi", False), ("Toll From", True), ("The prote", False)]


def test_hard_wrapped_wire_copy_is_joined_into_paragraphs(pipeline):
    from eventcoder.models import RawDocument

    text = ("BAGHDAD, Aug 8 (Reuters) - Iraqi security forces have recaptured the\n"
            "town of Hawija from Islamic State fighters after a week of heavy\n"
            "fighting, the Joint Operations Command said on Sunday in a brief\n"
            "statement that gave no further details about any casualties.\n"
            "Hawija, 60 kilometres west of Kirkuk, had been held by the group\n"
            "since the summer of 2014 and was one of its last strongholds in\n"
            "the north of the country, according to officials in the province.\n")
    article = pipeline.clean(RawDocument("w", "w", text, "text", None, "2021-08-08"))
    assert len(article.paragraphs) == 2
    assert "recaptured the town of Hawija from Islamic State fighters" in article.text


def test_table_output_says_why_a_date_is_missing(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(app, ["code", str(f), "--format", "table"])
    assert res.exit_code == 0 and "a: no publication date" in res.stderr


def test_short_text_wrapped_at_forty_characters_keeps_all_its_events(code):
    import textwrap

    body = ("A car bomb killed seven people in Kirkuk on Monday, police said. Gunmen killed two "
            "soldiers in Hawija on Tuesday, officials said.")
    coded = code("\n".join(textwrap.wrap(body, 40)) + "\n", published="2024-05-09")
    assert sorted((e.location, e.event_date, e.fatalities) for e in coded.events) == [
        ("Hawija", "2024-05-07", 2), ("Kirkuk", "2024-05-06", 7)]
    coded = code("A car bomb killed seven people in Kir-\nkuk on Monday, police said in a\nstatement on Tuesday.\n",
                 published="2024-05-09")
    assert "in Kirkuk on Monday" in coded.text


def test_a_web_address_in_the_text_hides_no_event(code):
    coded = code("Gunmen killed three soldiers in Tsafe (http://news.example.com/Gusau?id=3) on Monday, police said.",
                 published="2024-05-07")
    assert [(e.location, e.fatalities) for e in coded.events] == [("Tsafe", 3)]
    assert "http" not in coded.text


def test_reports_left_out_as_old_recaps_are_named_in_a_warning(code):
    coded = code("Gunmen killed five villagers in Tsafe on March 3, police said.", published="2024-05-07")
    assert coded.events == []
    assert any("recaps" in w and "March 3" in w for w in coded.warnings)


def test_utf8_with_a_stray_bad_byte_stays_utf8():
    from eventcoder.ingest.files import decode_bytes

    data = "Gunmen killed five people in Tillabéri on Monday.\n\nPhoto credit ".encode() + b"\xff"
    text = decode_bytes(data, "t.txt")
    assert "Tillabéri" in text and text.endswith("ÿ")  # (the stray byte read as Windows-1252)


def test_windows_1252_bytes_pasted_into_utf8_keep_their_characters():
    # bad-input helper: "Caf\xe9" and curly quotes in cp1252 inside UTF-8 text came out as "�"
    from eventcoder.ingest.files import decode_bytes

    data = "Gunmen attacked the Café Tsafe in Gusau on Monday. ".encode() * 3 + b"He said \x93we are afraid\x94."
    text = decode_bytes(data, "t.txt")
    assert text.endswith("He said “we are afraid”.") and "\ufffd" not in text


def test_a_dateline_without_a_city_dates_the_report_not_the_event(code):
    coded = code("Five killed near Mosul\n\n14 March 2023 — Gunmen killed five villagers near Mosul on Sunday, "
                 "police said.",
                 published="2023-03-14")
    assert [(e.event_date, e.location) for e in coded.events] == [("2023-03-12", "Mosul")]


def test_a_preposition_after_a_region_is_not_part_of_its_name():
    from eventcoder.extract.places import find_toponyms
    from eventcoder.nlp import Entity

    text = "Jihadists attacked a village in the Sahel on Sunday."
    ents = [Entity("LOC", text.index("Sahel"), text.index("Sahel") + len("Sahel on"), "Sahel on")]
    assert [t.text for t in find_toponyms(text, 0, ents)] == ["Sahel"]


def test_the_gulf_alone_is_the_persian_gulf_not_a_province_of_papua_new_guinea(geo_pipeline):
    from eventcoder.models import RawDocument

    coded = geo_pipeline.code_document(RawDocument(
        "t", "t", "Houthi forces fired a missile at a tanker in the Gulf on Monday, the navy said.",
        "text", None, "2023-03-14"))
    [ev] = coded.events
    assert (ev.country, ev.location, ev.event_date) == ("YE", None, "2023-03-13")


def test_a_long_run_of_abbreviations_is_split_in_linear_time(code):
    # found by a breaker: 18,000 "Dr. " before a sentence took 52 s, the look-back before each
    # full stop growing with the run (now about 3 s); the report after the run is still coded
    coded = code("Dr. " * 3000 + "Gunmen killed two farmers in Tsafe on Monday. Police said so.",
                 published="2024-05-07")
    assert [(e.sub_event_type, e.location, e.fatalities) for e in coded.events] == [("Attack", "Tsafe", 2)]


def test_a_full_disk_on_output_is_a_clear_error_not_a_traceback(runner, tmp_path):
    from pathlib import Path

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(app, ["code", str(f), "-f", "jsonl", "-o", "/dev/full"])
    assert res.exit_code == 2 and "/dev/full: cannot write (No space left on device)" in res.stderr


def test_a_text_not_in_english_and_a_future_date_are_flagged(pipeline):
    from eventcoder.models import RawDocument

    fr = ("Des hommes armés ont tué cinq villageois à Gusau lundi, a déclaré la police. L'attaque a eu lieu dans "
          "la nuit et les assaillants ont pris la fuite vers la forêt voisine selon les habitants du village.")
    art = pipeline.clean(RawDocument("fr", "fr.txt", fr, "text", None, "2024-03-12"))
    assert art.language == "und" and any("does not read as English" in w for w in art.warnings)
    art = pipeline.clean(RawDocument("en", "en.txt", ARTICLE, "text", None, "3025-03-12"))
    assert art.language == "en" and any("3025-03-12 is in the future" in w for w in art.warnings)


def test_a_json_lines_batch_saved_as_utf16_is_read(tmp_path):
    # bad-input helper: a UTF-16 batch of three records gave four failures ("line is not UTF-8",
    # then "malformed JSON" three times)
    import json

    from eventcoder.ingest.files import iter_jsonl

    batch = tmp_path / "u16.jsonl"
    batch.write_bytes("\n".join(json.dumps({"id": f"u{i}", "text": "Gunmen killed two villagers in Tsafe."})
                                for i in range(3)).encode("utf-16"))
    docs = list(iter_jsonl(batch))
    assert [d.id for d in docs] == ["u0", "u1", "u2"]


# session 15's bad-input round

def test_two_articles_with_one_id_keep_both_events(runner, tmp_path):
    # two records with id "same" (folders of index.html files, ids that restart): the second
    # article's event was taken for a re-run of the first and lost
    f = tmp_path / "dup.jsonl"
    f.write_text(json.dumps({"id": "same", "text": ARTICLE, "published": "2024-03-04"}) + "\n"
                 + json.dumps({"id": "same", "published": "2024-03-04", "text": "Clash in Gusau\n\nGUSAU - Bandits "
                               "killed nine vigilantes in a clash near Gusau on Saturday, police said.\n"}) + "\n",
                 encoding="utf-8")
    db = tmp_path / "e.duckdb"
    res = runner.invoke(app, ["run", str(f), "--db", str(db)])
    assert res.exit_code == 0, res.output
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT location, fatalities FROM events ORDER BY location").fetchall()
    con.close()
    assert rows == [("Baidoa", 3), ("Gusau", 9)]
    res = runner.invoke(app, ["run", str(f), "--db", str(db)])  # a re-run adds nothing
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 2
    con.close()


def test_an_output_that_is_an_input_or_the_store_is_refused(runner, tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "a", "text": ARTICLE, "published": "2024-03-04"}) + "\n", encoding="utf-8")
    before = f.read_text(encoding="utf-8")
    res = runner.invoke(app, ["code", str(f), "--format", "jsonl", "--output", str(f)])
    assert res.exit_code == 2 and "is one of the inputs" in res.stderr
    assert f.read_text(encoding="utf-8") == before
    db = tmp_path / "e.duckdb"
    assert runner.invoke(app, ["run", str(f), "--db", str(db)]).exit_code == 0
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--output", str(db)])
    assert res.exit_code == 2 and "is the event store itself" in res.stderr
    assert runner.invoke(app, ["status", "--db", str(db)]).exit_code == 0


def test_a_malformed_address_is_one_failure_and_the_run_goes_on(runner, tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "a", "text": ARTICLE, "published": "2024-03-04"}) + "\n", encoding="utf-8")
    urls = tmp_path / "urls.txt"
    urls.write_text("https://[::1\n", encoding="utf-8")
    res = runner.invoke(app, ["run", str(f), "--urls", str(urls), "--db", str(tmp_path / "e.duckdb")])
    assert res.exit_code == 3 and "not a valid web address" in res.output and "1 articles coded" in res.output


def test_a_cut_uncompressed_warc_drops_its_last_record(tmp_path):
    from eventcoder.ingest.corpus import SourceStats, iter_warc

    def record(n: int) -> bytes:
        body = (f"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nReport {n}\n\n" + ARTICLE).encode()
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{n:08d}-0000-0000-0000-000000000000>\r\n"
                f"WARC-Target-URI: http://example.org/{n}\r\nContent-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode()
        return head + body + b"\r\n\r\n"

    whole = record(1) + record(2)
    f = tmp_path / "cut.warc"
    f.write_bytes(whole[:-30])
    items = list(iter_warc(f, SourceStats()))
    assert [type(x).__name__ for x in items] == ["RawDocument", "InputError"]
    assert "ends inside a record" in items[1].reason
    f.write_bytes(whole)
    assert [type(x).__name__ for x in iter_warc(f, SourceStats())] == ["RawDocument", "RawDocument"]


def test_csv_cells_that_read_as_formulas_are_quoted():
    from eventcoder.export import safe_cells

    assert safe_cells({"source": "=HYPERLINK(\"http://x\")", "longitude": "-3.5", "n": -2, "notes": "@x"}) == {
        "source": "'=HYPERLINK(\"http://x\")", "longitude": "-3.5", "n": -2, "notes": "'@x"}


def test_a_placeholder_year_and_control_characters_and_decomposed_letters(runner, tmp_path):
    from eventcoder.errors import InputError as IE

    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(app, ["code", str(f), "--published", "0001-01-01"])
    assert res.exit_code == 2 and "implausibly early" in res.stderr
    assert IE("x.warc", "first line: \x1b[2J\x07").reason == "first line: \\x1b[2J\\x07"
    from eventcoder.clean import strip_invisible

    assert strip_invisible("Bogota\u0301") == "Bogot\u00e1"


def test_an_unknown_event_type_and_a_feed_path_that_is_a_folder_say_so(runner, tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "a", "text": ARTICLE, "published": "2024-03-04"}) + "\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    assert runner.invoke(app, ["run", str(f), "--db", str(db)]).exit_code == 0
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--event-type", "Nope"])
    assert res.exit_code == 2 and "must be one of ACLED's event types" in res.stderr
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--event-type", "explosions/remote violence"])
    assert res.exit_code == 0 and json.loads(res.stdout.splitlines()[0])["location"] == "Baidoa"
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(str(tmp_path) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["run", "--feeds", str(feeds), "--db", str(db)])
    assert res.exit_code == 3 and "is a folder, not a feed file" in res.output
