"""Publication dates: known in part (FORMAT.md), date lines under the title or byline,
datelines with the day first, and the dateline as the anchor of weekdays."""

import json

from eventcoder.clean import clean_text, date_line
from eventcoder.models import RawDocument

REPORT = ("Gunmen shot dead four farmers on Sunday in Tsafe, Zamfara state, police said. "
          "On March 5 bandits killed two traders in Gusau, residents said.")


def test_year_month_publication_date_is_accepted_and_no_day_is_guessed(code):
    coded = code(REPORT, published="2023-03")
    assert coded.error is None
    assert coded.published == "2023-03"
    by_place = {ev.location: ev for ev in coded.events}
    # "on Sunday" cannot be placed without the day of publication
    assert by_place["Tsafe"].event_date is None
    assert by_place["Tsafe"].fatalities == 4
    # a day and month take the year from the partial date
    assert by_place["Gusau"].event_date == "2023-03-05"
    assert any("known only as 2023-03" in w for w in coded.warnings)


def test_year_only_publication_date_is_accepted(code):
    coded = code(REPORT, published="2023")
    assert coded.published == "2023"
    assert {ev.location: ev.event_date for ev in coded.events}["Gusau"] == "2023-03-05"


def test_partial_date_in_a_jsonl_batch_does_not_fail_the_article(runner, tmp_path):
    from eventcoder.cli import app

    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "m1", "text": REPORT, "published": "2023-03"}) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["code", str(batch), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.output.splitlines()[0])
    assert rec["error"] is None and rec["published"] == "2023-03"


def test_day_first_dateline_is_the_publication_date_and_anchors_weekdays(code):
    coded = code("GUSAU, 14 March 2023 — Gunmen killed four villagers on Sunday in Tsafe, police said.")
    assert coded.published == "2023-03-14"
    [ev] = coded.events
    assert ev.event_date == "2023-03-12"


def test_dateline_names_the_day_of_a_partial_date_given_with_the_input(code):
    coded = code("GUSAU, 14 March 2023 — Gunmen killed four villagers on Sunday in Tsafe, police said.",
                 published="2023-03")
    assert coded.published == "2023-03-14"
    assert coded.events[0].event_date == "2023-03-12"


def test_date_line_under_the_byline_is_the_publication_date():
    page = ("Bandits kill three in raid on Zamfara village\n\nBy Musa Bello\n\n"
            "Posted March 9th, 2021 at 4:10 pm\n\n"
            "Bandits killed three villagers in Tsafe on Monday, a police spokesman said.\n")
    art = clean_text(RawDocument("p", "p.txt", page, "text", None, None))
    assert art.published == "2021-03-09"
    assert "Posted" not in art.text


def test_date_line_forms():
    assert date_line("Thursday, 14 March 2023 | 10:02") == "2023-03-14"
    assert date_line("Published: July 12, 2012") == "2012-07-12"
    assert date_line("date 2024-07-09 News") == "2024-07-09"
    assert date_line("Troops killed 12 militants on July 12, 2012 in the north of the country") is None


def test_url_with_year_and_month_only_gives_a_partial_date():
    art = clean_text(RawDocument("u", "u.txt", "Police arrested four suspects in Gusau after a raid on a market, "
                                 "officials said on Tuesday.", "text", "https://example.org/2019/06/raid-story", None))
    assert art.published == "2019-06"


def test_date_stamp_before_the_text_is_the_page_date_and_not_text():
    art = clean_text(RawDocument("s", "s.txt", " date 2022-10-18 Gunmen on Monday night killed the head of a "
                                 "village in Tsafe, police said.\nResidents fled.", "text", None, None))
    assert art.published == "2022-10-18"
    assert art.text.startswith("Gunmen on Monday night")
