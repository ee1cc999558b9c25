"""The page in a real Chromium (Debian's, driven by Playwright for Python) on the coded test store.

The store (tests/stores.py): five events with dates from 2021-11-21 to 2023-08-14, four
of them with coordinates (Hawija, Dandume, Wanlaweyn, Baidoa; the Wadi al-Shay strike has
none); the Dandume attack is reported by two articles (7 and 9 dead); the Wanlaweyn
article holds ``<script>alert(1)</script>`` twice; one curfew in Baghdad.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    from browser import chromium_path, launch

    if chromium_path() is None:
        pytest.fail("Chromium is missing: `make browser` (apt-get install chromium) installs it")
    with playwright_sync.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture()
def page(browser, live_server):
    # bypass_csp: the page must escape untrusted text by itself, not rely on its CSP; Playwright
    # also evaluates the tests' conditions as strings, which the CSP forbids
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)
    pg = ctx.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    assert pg.errors == []
    ctx.close()


def _api(live_server, path):
    with urllib.request.urlopen(live_server + path) as res:
        return json.loads(res.read())


def _open(page, live_server, query=""):
    page.goto(live_server + "/" + query)
    page.wait_for_function("document.querySelector('#table').dataset.total !== undefined")


def _table_total(page, expected):
    page.wait_for_function(f"document.querySelector('#table').dataset.total === '{expected}'")
    return page.locator("#table tbody tr").count()


def test_map_draws_every_event_with_coordinates(page, live_server):
    _open(page, live_server)
    page.wait_for_function("document.querySelector('#map').dataset.points === '4'")
    assert page.locator("path.ev-point").count() == 4
    # precision 1 (Wanlaweyn, Baidoa) and 2 (Hawija, Dandume) are drawn differently
    assert page.locator("path.ev-p1").count() == 2 and page.locator("path.ev-p2").count() == 2
    # the country outlines of the offline base layer are drawn
    assert page.locator(".leaflet-overlay-pane path").count() > 100
    # bigger toll, bigger point: Dandume (7 dead) is larger than Baidoa (0)
    radii = page.evaluate("""() => { const out = {}; map.eachLayer(l => { if (l.options && l.options.className &&
        l.options.className.startsWith('ev-point')) out[l.getLatLng().lat.toFixed(2)] = l.getRadius(); }); return out; }""")
    assert radii["11.96"] > radii["3.11"]


def test_filter_narrows_table_map_and_timeline(page, live_server):
    _open(page, live_server)
    assert _table_total(page, "5") == 5
    page.wait_for_function("document.querySelector('#timeline').dataset.total === '5'")
    page.select_option("#filters select[name=country]", "SO")
    assert _table_total(page, "2") == 2
    page.wait_for_function("document.querySelector('#timeline').dataset.total === '2'")
    page.wait_for_function("document.querySelector('#map').dataset.points === '2'")
    places = page.locator("#table tbody tr td:nth-child(5)").all_inner_texts()
    assert sorted(p.split(",")[0] for p in places) == ["Baidoa", "Wanlaweyn"]
    page.fill("#filters input[name=min_fatalities]", "1")
    page.dispatch_event("#filters input[name=min_fatalities]", "change")
    assert _table_total(page, "1") == 1
    assert "country=SO" in page.url and "min_fatalities=1" in page.url


def test_brushing_the_timeline_narrows_the_table(page, live_server):
    _open(page, live_server)
    _table_total(page, "5")
    page.wait_for_function("document.querySelector('#timeline').dataset.bars === '5'")
    box = page.locator("#timeline").bounding_box()
    # the axis runs from 2021-11-21 to 2023-08-14: the last 30 % holds only the three 2023 events
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.70, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.85, y, steps=5)
    page.mouse.move(box["x"] + box["width"] - 2, y, steps=5)
    page.mouse.up()
    assert _table_total(page, "3") == 3
    dates = page.locator("#table tbody tr td:nth-child(1)").all_inner_texts()
    assert all(d.startswith("2023-") for d in dates)
    query = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)
    assert "2022-" in query["since"][0] or "2023-" in query["since"][0]
    assert query["until"][0] >= "2023-08-14"
    page.wait_for_function("document.querySelector('#map').dataset.points === '3'")


def test_url_restores_filters(page, live_server):
    _open(page, live_server, "?country=SO&actor=shabaab&min_fatalities=1&sort=fatalities&order=asc")
    assert _table_total(page, "1") == 1
    assert page.input_value("#filters select[name=country]") == "SO"
    assert page.input_value("#filters input[name=actor]") == "shabaab"
    assert page.input_value("#filters input[name=min_fatalities]") == "1"
    assert "Wanlaweyn" in page.locator("#table tbody tr").inner_text()
    assert page.locator("#table th.sorted-asc").get_attribute("data-key") == "fatalities"
    # a shared view with dates and a page restores them too
    _open(page, live_server, "?since=2023-01-01&until=2023-06-30")
    assert _table_total(page, "1") == 1
    assert page.input_value("#filters input[name=since]") == "2023-01-01"
    assert page.is_visible("#clear-dates")


def _marked(page, article_key):
    """[(start, end, fields, text)] of the marks in an article's text, in code points, and the whole text."""
    return page.evaluate("""key => {
        const box = [...document.querySelectorAll('.source-article')].find(d => d.dataset.article === key);
        const text = box.querySelector('.article-text');
        const marks = []; let at = 0;
        for (const node of text.childNodes) {
            const n = Array.from(node.textContent).length;
            if (node.nodeName === 'MARK') marks.push([at, at + n, node.dataset.field.split(' '), node.textContent]);
            at += n;
        }
        return [marks, text.textContent];
    }""", article_key)


def test_event_view_highlights_each_evidence_span(page, live_server):
    [ev] = _api(live_server, "/api/events?country=NG")["items"]
    detail = _api(live_server, f"/api/events/{ev['event_id']}")
    assert len(detail["sources"]) == 2
    _open(page, live_server, "?event=" + ev["event_id"])
    page.wait_for_function("document.querySelectorAll('.source-article .article-text').length === 2")
    assert "7 (reports: 7–9)" in page.locator("#detail tr[data-field=fatalities] td.value").inner_text()
    figures = page.locator("#detail .figure").all_inner_texts()
    assert sorted(figures) == ["This report's toll: 7", "This report's toll: 9"]
    for src in detail["sources"]:
        marks, text = _marked(page, src["article_key"])
        article = _api(live_server, "/api/articles/" + urllib.parse.quote(src["article_key"], safe=""))
        assert text == article["text"]  # the text is shown whole, in order
        for span in src["evidence"]:
            covered = [m for m in marks if span["field"] in m[2] and m[0] >= span["start"] and m[1] <= span["end"]]
            assert "".join(m[3] for m in covered) == span["text"], span
            assert list(text)[span["start"]:span["end"]] == list(span["text"])
    # the place and the toll in the first report, by their own words
    marks, _ = _marked(page, "https://example.org/tsafe-a")
    assert [m[3] for m in marks if "location" in m[2]] == ["Dandume"]
    assert [m[3] for m in marks if "fatalities" in m[2]] == ["killing at least seven villagers"]
    assert [m[3] for m in marks if "event_date" in m[2]] == ["on Monday"]
    assert [m[3] for m in marks if "attribution" in m[2]] == ["Residents"]
    assert "according to Residents" in page.locator("#detail").inner_text()
    assert page.locator("path.ev-selected").count() == 1  # the open event is ringed on the map


def test_script_in_an_article_shows_as_text(page, live_server):
    key = "https://example.org/wanlaweyn"
    _open(page, live_server, "?article=" + urllib.parse.quote(key, safe=""))
    page.wait_for_selector(".source-article .article-text")
    text = page.locator(".source-article .article-text").inner_text()
    assert text.count("<script>alert(1)</script>") == 2
    assert page.locator(".source-article h3").first.inner_text() == "Gunmen kill four in Wanlaweyn <script>alert(1)</script>"
    assert page.locator("#detail script").count() == 0
    # the quote of that article is listed and highlighted
    assert "Abdi Nur" in page.locator("#detail ul.quotes").inner_text()
    assert page.locator(".article-text mark.hl-quote").inner_text() == "The attackers came at noon"
    page.wait_for_timeout(300)
    assert page.dialogs == []


def test_measures_view_shows_the_curfew_on_its_country(page, live_server):
    _open(page, live_server, "?view=measures")
    assert _table_total(page, "1") == 1
    assert "curfew" in page.locator("#table tbody tr").inner_text()
    page.wait_for_selector("path.country-measure")  # Iraq's outline: no Baghdad event has coordinates
    assert page.locator("path.ev-point").count() == 0


def test_quotes_view_filters_by_country(page, live_server):
    _open(page, live_server, "?view=quotes&country=SO")
    assert _table_total(page, "1") == 1
    row = page.locator("#table tbody tr").inner_text()
    assert "Abdi Nur" in row and "The attackers came at noon" in row
