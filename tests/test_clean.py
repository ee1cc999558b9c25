"""Clean-up of scraped text and HTML pages."""

from eventcoder.clean import clean_html, clean_text
from eventcoder.models import RawDocument

SCRAPED = """World News
Conflict

Gunmen kill four herders near Kidal market

By Aissata Maiga | Desert Post

Herders water camels at a well outside Kidal. [Photo: Desert Post]

Herders water camels at a well outside Kidal. [Photo: Desert Post]

KIDAL, Mali, Sept. 3, 2022 — Gunmen killed four herders near the cattle market of Kidal on Thursday, a local official said.

Share this

Do you like this article?

7 Comment(s)
Comment Policy * Denotes Required Field 1500 / 1500
"""


def _doc(text: str, kind: str = "text", published: str | None = None) -> RawDocument:
    return RawDocument("t", "t.txt", text, kind, None, published)


def test_scraped_text_drops_breadcrumbs_widgets_and_repeated_caption():
    art = clean_text(_doc(SCRAPED))
    assert art.title == "Gunmen kill four herders near Kidal market"
    assert art.byline == "Aissata Maiga"
    assert art.outlet == "Desert Post"
    assert "World News" not in art.text
    assert "Do you like this article" not in art.text
    assert "Comment" not in art.text and "1500" not in art.text
    assert art.text.count("Herders water camels") == 1
    captions = [art.text[p.start:p.end] for p in art.paragraphs if p.is_caption]
    assert captions == ["Herders water camels at a well outside Kidal. [Photo: Desert Post]"]


def test_dateline_gives_published_date_and_country():
    art = clean_text(_doc(SCRAPED))
    assert art.published == "2022-09-03"
    assert art.dateline_country == "Mali"


def test_given_published_date_wins_with_a_warning():
    art = clean_text(_doc(SCRAPED, published="2022-09-04"))
    assert art.published == "2022-09-04"
    assert any("2022-09-03" in w for w in art.warnings)


def test_offsets_of_paragraphs_point_into_text():
    art = clean_text(_doc(SCRAPED))
    for p in art.paragraphs:
        assert art.text[p.start:p.end].strip() == art.text[p.start:p.end]
        assert art.text[p.start:p.end]


PAGE = """<!DOCTYPE html><html><head><title>Mortars hit Baidoa</title>
<meta property="article:published_time" content="2023-08-14T07:00:00Z">
<script>var cfg = {"expires": "2031-01-01"};</script></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Mortars hit Baidoa</h1>
<p>Several mortar rounds landed near the airport in Baidoa overnight, officials said. There were no casualties.</p>
<p>The attack was the third on the airport this month, residents said, and flights were delayed.</p>
<div class="related"><h4>More stories</h4><p><a href="/x">Forty dead in Beledweyne blast</a></p></div>
</article>
<section id="comments"><p>reader_z: they say ten people died</p></section>
</body></html>"""


def test_html_keeps_body_and_page_date_drops_comments_and_script_dates():
    art = clean_html(_doc(PAGE, "html"))
    assert art.published == "2023-08-14"
    assert "Several mortar rounds landed" in art.text
    assert "ten people died" not in art.text
    assert "2031" not in art.text
    assert art.title == "Mortars hit Baidoa"


def test_page_date_from_byline_anchors_yesterday(code):
    # kind of probe 04: no --published; the byline date, not a script date or the "updated" date
    page = ("<!DOCTYPE html><html><head><title>Strike on Tsafe market</title>"
            "<script>var cfg = {\"expires\": \"2031-05-01\"};</script></head><body><article>"
            "<h1>Strike on Tsafe market</h1>"
            "<p>Warplanes struck the market of Tsafe in Zamfara State yesterday, killing six traders, residents said.</p>"
            "<p>The market was crowded with farmers selling grain when the jets came over.</p>"
            "<p class=\"byline\">Published 12 April 2024 · Updated 14 April 2024</p></article></body></html>")
    coded = code(page)
    assert coded.published == "2024-04-12"
    [ev] = coded.events
    assert (ev.event_date, ev.fatalities, ev.sub_event_type) == ("2024-04-11", 6, "Air/drone strike")


def test_headline_not_a_time_stamp_line_or_a_lead_cut_before_its_full_stop():
    text = ("World News\n"
            "Gunmen Kill Three Miners Near Gusau\n"
            "Amina Bello 12 minutes ago Tue 4th June 2024 | 10:15 AM\n"
            "Three miners were killed by gunmen near a gold site outside the northern town of Gusau on Tuesday, "
            "officials told reporters, the second such attack in the area this month\n"
            "Another five were wounded, a local official said.")
    art = clean_text(_doc(text))
    assert art.title == "Gunmen Kill Three Miners Near Gusau"
    assert art.text.split("\n\n")[1].startswith("Three miners were killed by gunmen")


def test_photo_credit_before_the_lead_is_not_the_headline():
    text = ("Nation\n\n"
            "Gunmen kill five in raid on village market, officials say\n\n"
            "Village raid\n\n"
            "A soldier stands guard near the market where gunmen opened fire on traders. (AFP/Getty Images)\n\n"
            "KADUNA, Nigeria -- Gunmen killed five traders at a village market on Monday, police said.")
    art = clean_text(_doc(text))
    assert art.title == "Gunmen kill five in raid on village market, officials say"


def test_a_section_label_and_headline_packed_above_the_lead_stay_apart():
    # lines of one block: a section label ("Africa") and a headline before the standfirst are
    # not one run-on sentence with it ("Africa Mali police ..." read "Africa Mali" as a place)
    art = clean_text(_doc("[Share]\nAfrica\nMali police clash with traders\nPolice fired tear gas at hundreds of "
                          "traders who blocked roads into Bamako.\nUpdated: 3 May 2024\n\nPolice in Mali fired tear gas "
                          "at traders in Bamako on Friday, officials said."))
    assert art.title == "Mali police clash with traders"
    assert "Africa Mali" not in art.text
    assert art.text.startswith("Mali police clash with traders\n\nPolice fired tear gas at hundreds of traders who "
                               "blocked roads into Bamako.\n\n")


def test_a_title_case_city_and_a_spaced_dash_open_the_lead_as_a_dateline():
    from eventcoder.clean import dateline_end

    lead = "Jakarta – Gunmen attacked construction workers in a remote village, police said Tuesday."
    assert lead[dateline_end(lead):].startswith("Gunmen attacked")
    assert dateline_end("Gunmen – at least ten – attacked a village.") == 0


def test_a_list_of_other_stories_after_the_article_is_dropped():
    # "Popular posts from this blog" and the headlines under it are other stories (one of them a
    # protest in another country came out as an event of this report)
    art = clean_text(_doc("Shooting reported on the front line\n\nBAKU -- An army officer was shot dead on Monday, "
                          "officials said.\n\nThe officials said the ceasefire was violated near Aghdam.\n\n"
                          "Popular posts from this blog\n\nHow a cyber attack hampered protesters in a far city\n\n"
                          "Former guerrilla and police officer pose together"))
    assert art.text.endswith("The officials said the ceasefire was violated near Aghdam.")
    # a heading of that kind before the article has begun is page furniture, not its end
    art = clean_text(_doc("Latest news\n\nGunmen kill four herders near Kidal market\n\nKIDAL, Mali, Sept. 3, 2022 - "
                          "Gunmen killed four herders near Kidal on Thursday.\n\nThe attack was the third this month."))
    assert art.text.endswith("The attack was the third this month.")


def test_links_to_videos_with_their_length_are_dropped():
    # "Sudan: U.S. sanctions over alleged chemical weapons use come into force 01:47" under a
    # report on another country came out as a chemical weapons event
    art = clean_text(_doc("Peacekeepers' base comes under fire\n\nBANGUI -- Gunmen fired on a UN base in Bria on "
                          "Monday, the mission said.\n\n01:11\nSudan: U.S. sanctions over alleged chemical weapons use "
                          "come into force\n01:47\n\nPeace talks resume in the capital 02:05"))
    assert art.text.endswith("Gunmen fired on a UN base in Bria on Monday, the mission said.")
    # a date line with a time is no video
    art = clean_text(_doc("Gunmen kill four herders near Kidal market\n\nUpdated: 2022-09-03 11:35\n\nGunmen killed four "
                          "herders near Kidal on Thursday, a local official said."))
    assert str(art.published) == "2022-09-03"


def test_bullet_lines_of_one_width_stay_apart():
    # three "***" lines of about one width were joined as hard-wrapped text, so one riot took
    # another town's words
    art = clean_text(_doc("Riots across Bangladesh\n\nProtesters tried to storm the parliament in Dhaka on Saturday, "
                          "police said.\n\n*** Protesters torch court building in Sylhet town\n*** Youths stoned police "
                          "in Chittagong on Saturday\n*** A mob set the police station ablaze in Khulna\n*** Students "
                          "blocked the highway in Rajshahi on Saturday"))
    paras = [art.text[p.start:p.end] for p in art.paragraphs]
    assert paras[-4:] == ["*** Protesters torch court building in Sylhet town",
                          "*** Youths stoned police in Chittagong on Saturday",
                          "*** A mob set the police station ablaze in Khulna",
                          "*** Students blocked the highway in Rajshahi on Saturday"]


def test_a_sentence_broken_into_blocks_by_blank_lines_is_joined_back():
    from eventcoder.clean import clean
    from eventcoder.models import RawDocument

    raw = ("Shelling kills eight\n\nIn one day, eight civilians were killed\n\nin Donetsk region due to\n\n"
           "Russian shelling.\n\nOn February 24, Russia attacked Ukraine\n\n, carrying out missile strikes on "
           "Kyiv.\n\nRead also:\n  • A story\n  • Another story\n\nArmy ends sit-in\n\nMUSCAT — Troops cleared "
           "the square.")
    art = clean(RawDocument("t", "t.txt", raw, "text", None, "2022-09-30"))
    assert "In one day, eight civilians were killed in Donetsk region due to Russian shelling." in art.text
    assert "On February 24, Russia attacked Ukraine, carrying out missile strikes on Kyiv." in art.text
    assert "sit-in MUSCAT" not in art.text  # a title ending in "sit-in" runs into nothing


def test_a_page_of_headlines_of_one_width_is_not_hard_wrapped_prose():
    # bad-input helper: five headlines with no full stop were joined into one sentence, and gave
    # a riot in Monguno with the next headline's toll
    from eventcoder.errors import InputError

    page = ("Gunmen kill 12 in Zamfara village raid\nArmy repels ISWAP attack on Monguno base\n"
            "Protesters torch police station in Kano\nThree soldiers killed in Borno ambush\n"
            "Curfew imposed in Jos after clashes")
    import pytest

    with pytest.raises(InputError, match="no article text"):  # nothing but headlines: no article
        clean_text(RawDocument("h", "h", page, "text", None, "2024-07-10"))


def test_a_dateline_naming_the_news_agency_names_no_city():
    # developed: "PRESS ASSOCIATION -- At least seven police officers ..." made "Press Association"
    # a dateline town, resolved in the United States
    art = clean_text(_doc("Riots break out in Belfast\n\nPRESS ASSOCIATION -- At least seven police officers were "
                          "injured in Belfast overnight.\n\nPetrol bombs were thrown at officers.", published="2011-07-12"))
    assert art.dateline_city is None
    art = clean_text(_doc("Gunmen kill five in Gusau\n\nGUSAU, Nigeria -- Gunmen killed five people in Gusau on Monday.\n\n"
                          "Police confirmed the attack.", published="2024-07-10"))
    assert art.dateline_city == "Gusau"
