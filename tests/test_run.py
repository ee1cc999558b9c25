"""Corpus runs into the DuckDB store: one event per occurrence, idempotent, resumable, faults recorded."""

import errno
import io
import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from eventcoder.cli import app
from eventcoder.errors import StoreError

REPORT_A = ("Bandits kill seven in Tsafe raid\n\nGUSAU, Nigeria, May 9, 2023 — Bandits on motorcycles attacked the village "
            "of Dandume near Tsafe in Zamfara State on Monday, killing at least seven villagers, police said. Residents said "
            "the gunmen also burned several houses before fleeing into the forest.\n\nThe local government chairman said "
            "security forces had been deployed to the area and that the wounded had been taken to the general hospital "
            "in Gusau, where doctors were treating eleven people for gunshot wounds. Community leaders appealed for more "
            "patrols on the roads between the villages, which farmers say they no longer dare to use after dark.\n")
REPORT_B = ("Zamfara: nine villagers dead after bandit attack\n\nGUSAU, Nigeria, May 9, 2023 — Nine people were killed when "
            "armed bandits stormed Dandume village near Tsafe in Zamfara on Monday, a local councillor told reporters. "
            "The councillor said the attackers arrived at dusk and shot at anyone who ran.\n")
REPORT_A_COPY = "Police: seven killed in Tsafe\n\n" + REPORT_A.split("\n\n", 1)[1] + "\nRead more stories on our site.\n"
OTHER = ("Mortars hit Baidoa airport\n\nBAIDOA, Somalia, Aug. 14, 2023 — Al-Shabaab fighters fired several mortar rounds "
         "at the airport in Baidoa overnight, officials said. There were no casualties.\n")


def _warc(path, pages, *, truncate=False):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for url, ctype, body in pages:
        hh = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=hh))
    data = buf.getvalue()
    path.write_bytes(data[: len(data) - 40] if truncate else data)


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (folder / "sub" / "b.html").write_text(
        "<html><head><title>Zamfara: nine villagers dead after bandit attack</title>"
        "<meta property='article:published_time' content='2023-05-09'></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in REPORT_B.split("\n\n")[1:]) + "</article></body></html>", encoding="utf-8")
    (folder / "c.jsonl").write_text(json.dumps({"id": "c1", "url": "https://example.org/baidoa?utm_source=x",
                                                "published": "2023-08-14", "text": OTHER}) + "\n{broken\n",
                                    encoding="utf-8")
    _warc(tmp_path / "crawl.warc.gz", [
        ("https://syndicator.example.com/tsafe", "text/html; charset=utf-8",
         ("<html><body><article>" + "".join(f"<p>{p}</p>" for p in REPORT_A_COPY.split("\n\n")) + "</article></body></html>").encode()),
        ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"0" * 50),
        ("https://www.example.org/baidoa/", "text/html; charset=utf-8",
         f"<html><body><article><p>{OTHER}</p></article></body></html>".encode()),
    ])
    return folder, tmp_path / "crawl.warc.gz"




def test_run_merges_reports_and_is_idempotent(runner, corpus, tmp_path):
    folder, warc = corpus
    db = tmp_path / "events.duckdb"
    res = runner.invoke(app, ["run", str(folder), str(warc), "--db", str(db)])
    assert res.exit_code == 3, res.output  # the broken JSONL line is a recorded failure
    con = duckdb.connect(str(db), read_only=True)
    events = con.execute("SELECT sub_event_type, event_date, number_of_sources, fatalities, fatalities_low, "
                         "fatalities_high FROM events ORDER BY event_date").fetchall()
    assert events == [("Attack", "2023-05-08", 2, 7, 7, 9),
                      ("Shelling/artillery/missile attack", "2023-08-14", 1, 0, 0, 0)]
    dup = con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
    assert dup == 1  # the syndicated copy with a new headline
    assert con.execute("SELECT count(*) FROM failures").fetchone()[0] == 1
    before = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM event_sources)").fetchone()
    con.close()
    res = runner.invoke(app, ["run", str(folder), str(warc), "--db", str(db)])
    assert "0 articles coded" in res.stdout
    con = duckdb.connect(str(db), read_only=True)
    after = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM event_sources)").fetchone()
    assert after == before
    con.close()


def test_exports_load_as_parquet_geojson_and_acled_csv(runner, corpus, tmp_path):
    folder, warc = corpus
    db = tmp_path / "events.duckdb"
    runner.invoke(app, ["run", str(folder), str(warc), "--db", str(db)])
    pq = tmp_path / "e.parquet"
    assert runner.invoke(app, ["export", "--db", str(db), "-f", "parquet", "-o", str(pq)]).exit_code == 0
    assert duckdb.sql(f"SELECT count(*) FROM '{pq}'").fetchall()[0][0] == 2
    gj = tmp_path / "e.geojson"
    runner.invoke(app, ["export", "--db", str(db), "-f", "geojson", "-o", str(gj), "--country", "NG"])
    doc = json.loads(gj.read_text())
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 1
    feat = doc["features"][0]
    assert feat["geometry"]["type"] == "Point"
    lon, lat = feat["geometry"]["coordinates"]
    assert 2 < lon < 15 and 4 < lat < 14  # longitude first (RFC 7946)
    assert feat["properties"]["number_of_sources"] == 2 and feat["properties"]["sources"]
    res = runner.invoke(app, ["export", "--db", str(db), "-f", "acled-csv", "--since", "2023-08-01"])
    lines = res.stdout.splitlines()
    assert lines[0].startswith("event_id_cnty,event_date,year") and len(lines) == 2 and "Baidoa" in lines[1]


def test_truncated_warc_is_recorded_and_the_run_goes_on(runner, tmp_path):
    bad = tmp_path / "bad.warc.gz"
    _warc(bad, [("https://x.example/1", "text/html", f"<html><body><p>{OTHER}</p></body></html>".encode())] * 2,
          truncate=True)
    good = tmp_path / "good.txt"
    good.write_text(REPORT_A, encoding="utf-8")
    db = tmp_path / "e.duckdb"
    res = runner.invoke(app, ["run", str(bad), str(good), "--db", str(db)])
    assert res.exit_code == 3
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    [(reason,)] = con.execute("SELECT reason FROM failures").fetchall()
    assert "broken WARC" in reason


def test_feed_items_are_coded(runner, tmp_path):
    feed = tmp_path / "feed.xml"
    item = OTHER.split("\n\n", 1)[1].strip()
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Mortars hit Baidoa airport</title><link>https://example.org/feed/1</link>
<pubDate>Mon, 14 Aug 2023 08:00:00 GMT</pubDate><description><![CDATA[<p>{item} Flights were delayed for several hours and
the airport authority said repairs to the runway lights would take two days, while residents of the nearby districts
said they had heard at least four explosions shortly after midnight and that security forces had sealed the roads
leading to the airport until the morning.</p>]]></description></item></channel></rss>""", encoding="utf-8")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# feeds\n{feed}\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    res = runner.invoke(app, ["run", "--feeds", str(feeds), "--db", str(db)])
    assert res.exit_code == 0, res.output
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT published FROM articles").fetchall() == [("2023-08-14",)]
    assert con.execute("SELECT sub_event_type FROM events").fetchall() == [("Shelling/artillery/missile attack",)]


def test_full_disk_leaves_whole_batches_only(tmp_path, pipeline, monkeypatch):
    from eventcoder.ingest.corpus import iter_corpus
    from eventcoder.run import CorpusRunner
    from eventcoder.store import Store

    folder = tmp_path / "n"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(REPORT_A.replace("seven", ["two", "three", "four", "five", "six", "eight"][i])
                                         .replace("Dandume", f"Dandume{i}"), encoding="utf-8")
    store = Store(tmp_path / "e.duckdb")
    runner = CorpusRunner(pipeline, store, batch_size=2)
    calls = {"n": 0}
    real = CorpusRunner._add_event

    def failing(self, *a, **k):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *a, **k)

    monkeypatch.setattr(CorpusRunner, "_add_event", failing)
    with pytest.raises(StoreError, match="disk is full"):
        runner.run(iter_corpus([str(folder)]))
    n_articles = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    orphans = store.db.execute("SELECT count(*) FROM articles a WHERE relevant AND NOT EXISTS "
                               "(SELECT 1 FROM event_sources s WHERE s.article_key = a.article_key)").fetchone()[0]
    assert n_articles == 2 and orphans == 0  # the first batch whole, nothing of the second
    store.close()


def test_locked_database_is_a_clear_error(runner, tmp_path):
    db = tmp_path / "e.duckdb"
    holder = subprocess.Popen([sys.executable, "-c",
                               f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        art = tmp_path / "a.txt"
        art.write_text(REPORT_A, encoding="utf-8")
        res = runner.invoke(app, ["run", str(art), "--db", str(db)])
        assert res.exit_code == 2 and "locked by another process" in res.stderr
    finally:
        holder.kill()
        holder.wait()


def _children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (Linux /proc; empty elsewhere)."""
    out = []
    for stat in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if stat.isdigit():
            try:
                with open(f"/proc/{stat}/stat", encoding="utf-8") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(stat))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_kill_minus_9_and_rerun_finishes_without_duplicates(tmp_path, gazetteer_path):
    folder = tmp_path / "many"
    folder.mkdir()
    import datetime

    for i in range(120):
        day = datetime.date(2023, 1, 3) + datetime.timedelta(days=2 * i)
        text = (REPORT_A.replace("Dandume", f"Dandume{i}").replace("seven", str(2 + i % 9))
                .replace("May 9, 2023", day.strftime("%B %-d, %Y")).replace(" on Monday", "")
                # distinct articles, not near-duplicates of each other
                + "\n" + " ".join(f"item{i}x{j}" for j in range(150)) + ".\n")
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "e.duckdb"
    env = {**os.environ, "EVENTCODER_GAZETTEER": str(gazetteer_path)}
    cmd = [sys.executable, "-m", "eventcoder", "run", str(folder), "--db", str(db), "--batch-size", "5", "--no-progress"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(6)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # the killed run's worker processes do not outlive it (they wait for work for ever otherwise)
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.5)
    assert not any(_alive(p) for p in workers)
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    con = duckdb.connect(str(db), read_only=True)
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    dup_sources = con.execute("SELECT count(*) FROM (SELECT event_id, article_key, count(*) c FROM event_sources "
                              "GROUP BY ALL HAVING c > 1)").fetchone()[0]
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert (n_articles, dup_sources, n_events) == (120, 0, 120)


def test_recode_replaces_an_articles_records(runner, tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(REPORT_A, encoding="utf-8")
    db = tmp_path / "e.duckdb"
    runner.invoke(app, ["run", str(art), "--db", str(db)])
    res = runner.invoke(app, ["run", str(art), "--db", str(db), "--recode"])
    assert res.exit_code == 0 and "1 articles coded" in res.stdout
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), max(number_of_sources) FROM events").fetchone() == (1, 1)
    assert con.execute("SELECT count(*) FROM event_sources").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_feed_that_is_not_xml_is_recorded(runner, tmp_path):
    bad = tmp_path / "feed.xml"
    bad.write_bytes(b"\x00\x01 this is not a feed")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(str(bad) + "\n", encoding="utf-8")
    good = tmp_path / "a.txt"
    good.write_text(REPORT_A, encoding="utf-8")
    db = tmp_path / "e.duckdb"
    res = runner.invoke(app, ["run", str(good), "--feeds", str(feeds), "--db", str(db)])
    assert res.exit_code == 3 and "not a readable RSS/Atom feed" in res.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_run_published_dates_inputs_without_a_date_of_their_own(runner, tmp_path):
    """class 7: `run --published` gives undated inputs a publication date; an input's own date wins."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "undated.txt").write_text("Bandits kill four in Tsafe\n\nBandits killed four villagers in Tsafe, "
                                        "Zamfara state, on Sunday, police said.\n", encoding="utf-8")
    (folder / "dated.txt").write_text("Gunmen kill two in Gusau\n\nGUSAU, Nigeria, May 9, 2023 — Gunmen killed two "
                                      "traders in Gusau on Monday, police said.\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    res = runner.invoke(app, ["run", str(folder), "--db", str(db), "--published", "2024-02-06", "--workers", "1",
                              "--no-progress"])
    assert res.exit_code == 0, res.output
    con = duckdb.connect(str(db), read_only=True)
    dates = sorted(r[0] for r in con.execute("SELECT event_date FROM events").fetchall())
    con.close()
    assert dates == ["2023-05-08", "2024-02-04"]
    res = runner.invoke(app, ["run", str(folder), "--db", str(db), "--published", "2024-02-31"])
    assert res.exit_code == 2
    # without --published the weekday-dated input's event is stored undated, and the run says so
    db2 = tmp_path / "e2.duckdb"
    res = runner.invoke(app, ["run", str(folder), "--db", str(db2), "--workers", "1", "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "1 new event(s) stored without a date" in res.output


def test_a_warc_record_without_target_uri_is_a_failure_not_a_crash(runner, tmp_path):
    # found by the bad-input check: warcio raises AttributeError on such a record
    bad = tmp_path / "nouri.warc"
    bad.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n")
    db = tmp_path / "e.duckdb"
    res = runner.invoke(app, ["run", str(bad), "--db", str(db)])
    assert res.exit_code == 3, res.output
    assert "broken WARC" in res.output


def test_a_truncated_warc_whose_last_record_is_metadata_keeps_its_last_page(tmp_path):
    from warcio.warcwriter import WARCWriter

    from eventcoder.ingest.corpus import SourceStats, iter_warc

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    from warcio.statusandheaders import StatusAndHeaders
    for i in range(2):
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://x.example/{i}", "response", http_headers=hh,
                                            payload=io.BytesIO(f"<html><body><p>{OTHER}</p></body></html>".encode())))
    w.write_record(w.create_warc_record("https://x.example/1", "metadata", payload=io.BytesIO(b"fetchTimeMs: 12\n" * 20),
                                        warc_content_type="application/warc-fields"))
    data = buf.getvalue()
    path = tmp_path / "meta.warc.gz"
    path.write_bytes(data[:-40])
    out = list(iter_warc(path, SourceStats()))
    assert [type(x).__name__ for x in out] == ["RawDocument", "RawDocument", "InputError"]
    assert "record (#3)" in out[-1].reason


def _run_one_item_feed(runner, tmp_path, title: str, link: str):
    """``run --feeds`` over a feed of one item with the given link and a short summary (five
    killed in Gusau); the store, read-only."""
    feed = tmp_path / "feed.xml"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>{title}</title><link>{link}</link>
<pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate>
<description>Gunmen killed five villagers in Gusau on Monday, police said.</description></item></channel></rss>""",
                    encoding="utf-8")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{feed}\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    res = runner.invoke(app, ["run", "--feeds", str(feeds), "--db", str(db)])
    assert res.exit_code == 0, res.output
    return duckdb.connect(str(db), read_only=True)


def test_a_feed_item_whose_page_cannot_be_fetched_is_coded_from_its_summary(runner, tmp_path):
    con = _run_one_item_feed(runner, tmp_path, "Gunmen kill five in Gusau", "http://127.0.0.1:9/nowhere")
    assert con.execute("SELECT event_date, fatalities FROM events").fetchall() == [("2024-03-11", 5)]


def test_a_file_that_is_not_a_duckdb_store_is_refused_before_any_coding(runner, tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "a", "text": REPORT_A}) + "\n", encoding="utf-8")
    not_db = tmp_path / "out.jsonl"
    not_db.write_text('{"id": "x"}\n', encoding="utf-8")
    res = runner.invoke(app, ["run", str(batch), "--db", str(not_db)])
    assert res.exit_code == 2 and "not an eventcoder database" in res.stderr
    assert not_db.read_text(encoding="utf-8") == '{"id": "x"}\n'


def test_an_empty_or_non_warc_file_named_warc_is_a_recorded_failure(runner, tmp_path):
    (tmp_path / "empty.warc").write_bytes(b"")
    (tmp_path / "notes.warc").write_text("just some notes\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(REPORT_A, encoding="utf-8")
    db = tmp_path / "e.duckdb"
    res = runner.invoke(app, ["run", str(tmp_path / "empty.warc"), str(tmp_path / "notes.warc"), str(good), "--db", str(db)])
    assert res.exit_code == 3
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert sorted(r for (r,) in con.execute("SELECT reason FROM failures").fetchall()) == [
        "empty WARC file", "not a WARC file (it starts neither with 'WARC/' nor with gzip data)"]


def test_the_progress_total_counts_files_and_batch_lines_and_gives_up_on_archives(tmp_path):
    from eventcoder.ingest.corpus import count_articles

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (folder / "b.jsonl").write_text('{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}\n', encoding="utf-8")
    assert count_articles([str(folder)]) == 3
    _warc(tmp_path / "c.warc.gz", [("https://x.example/1", "text/html", b"<html></html>")])
    assert count_articles([str(folder), str(tmp_path / "c.warc.gz")]) is None
    assert count_articles(["-"]) is None


def test_records_sharing_a_url_with_other_texts_are_named_not_lost_silently(runner, tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "a", "url": "https://x.example/n", "text": REPORT_A}) + "\n"
                     + json.dumps({"id": "b", "url": "https://x.example/n", "text": OTHER}) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["run", str(batch), "--db", str(tmp_path / "e.duckdb")])
    assert res.exit_code == 0
    assert "1 article(s) skipped as known by their URL though their text differs" in res.stderr
    assert f"{batch}:2" in res.stderr


def test_a_feed_item_linking_to_a_local_file_never_reads_it(runner, tmp_path):
    # bad-input helper: an item's link "file://localhost/..." read a local file into the store
    secret = tmp_path / "secret.txt"
    secret.write_text("Gunmen killed nine villagers in Tsafe on Monday, police said. " * 5, encoding="utf-8")
    con = _run_one_item_feed(runner, tmp_path, "Short", f"file://localhost{secret}")
    # coded from the item's own summary (five in Gusau), never from the local file (nine in Tsafe)
    assert con.execute("SELECT location, fatalities FROM events").fetchall() == [("Gusau", 5)]
