"""Screenshots of the workspace for the README, taken in Debian's Chromium (the browser tests' driver).

Codes the development set (../shared/gold/dev, or --gold DIR: each article with its
record's publication date) into a store with `eventcoder run`'s runner and the default
gazetteer, unless --db names a store; serves it on loopback and writes under docs/screenshots/:

- workspace.png: map, timeline and table, every event;
- timeline.png: the weekly timeline with a brushed range, and the table it narrows;
- event.png: the event view of the event with the most sources (evidence highlighted);
- measures.png: the measures view (measures on their country or admin1).

Usage: python scripts/screenshots.py [--gold DIR] [--db STORE] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from browser import launch

ROOT = Path(__file__).resolve().parents[1]


def code_dev_set(gold: Path, db: Path) -> None:
    from eventcoder.models import RawDocument
    from eventcoder.pipeline import Pipeline
    from eventcoder.run import CorpusRunner
    from eventcoder.store import Store

    docs = []
    for rec_path in sorted(gold.glob("*.json")):
        rec = json.loads(rec_path.read_text(encoding="utf-8"))
        for ext, kind in ((".txt", "text"), (".html", "html")):
            art = rec_path.with_suffix(ext)
            if art.is_file():
                slug = (rec.get("outlet") or "news").lower().replace(" ", "-")
                docs.append(RawDocument(rec["id"], art.name, art.read_text(encoding="utf-8"), kind,
                                        url=f"https://{slug}.example/{rec['id']}", published=rec.get("published")))
    db.unlink(missing_ok=True)
    store = Store(db)
    CorpusRunner(Pipeline(progress=False), store, workers=1).run(docs)
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold" / "dev")
    ap.add_argument("--db", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from eventcoder.web import assets
    from eventcoder.web.api import create_app
    from eventcoder.web.snapshot import StoreSnapshot

    db = args.db
    if db is None:
        db = ROOT / "out" / "screenshots.duckdb"
        db.parent.mkdir(exist_ok=True)
        print(f"coding {args.gold} into {db} ...", file=sys.stderr)
        code_dev_set(args.gold, db)
    assets.ensure()
    snap = StoreSnapshot(db, refresh_s=0)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(snap, static_dir=assets.STATIC), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}/"
    args.out.mkdir(parents=True, exist_ok=True)
    with snap.cursor() as cur:
        # the event with the most sources, then the most evidence spans, a toll and an attribution
        [(top_event,)] = cur.execute(
            "SELECT e.event_id FROM events e JOIN event_sources s ON s.event_id = e.event_id "
            "GROUP BY e.event_id, e.number_of_sources, e.fatalities ORDER BY e.number_of_sources DESC, "
            "max(json_array_length(s.evidence)) + 3 * count(s.attribution) + CAST(e.fatalities > 0 AS INTEGER) DESC, "
            "e.event_id LIMIT 1").fetchall()
        [(lo, hi)] = cur.execute("SELECT min(event_date), max(event_date) FROM events").fetchall()
    try:
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 1440, "height": 900}, device_scale_factor=1)

            def shot(query: str, name: str, ready: str) -> None:
                page.goto(base + query)
                page.wait_for_selector(ready)
                page.wait_for_timeout(1200)  # the map's outlines and points
                page.screenshot(path=str(args.out / name))
                print(f"wrote {args.out / name}", file=sys.stderr)

            shot("", "workspace.png", "#table tbody tr")
            # the timeline per week with a brushed range: the middle half of the dates
            page.goto(base + "?bucket=week")
            page.wait_for_selector("#timeline rect.tl-bar")
            box = page.locator("#timeline").bounding_box()
            assert box is not None
            y = box["y"] + box["height"] / 2
            page.mouse.move(box["x"] + box["width"] * 0.35, y)
            page.mouse.down()
            page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=8)
            page.mouse.up()
            page.wait_for_timeout(1200)
            page.screenshot(path=str(args.out / "timeline.png"))
            print(f"wrote {args.out / 'timeline.png'}", file=sys.stderr)
            shot("?event=" + urllib.parse.quote(top_event), "event.png", ".source-article .article-text")
            page.evaluate("() => { const d = document.getElementById('detail'); "
                          "d.scrollTop = document.querySelector('#detail .source-article').offsetTop - 10; }")
            page.wait_for_timeout(300)
            page.screenshot(path=str(args.out / "event-article.png"))
            print(f"wrote {args.out / 'event-article.png'}", file=sys.stderr)
            shot("?view=measures", "measures.png", "#table tbody tr")
            browser.close()
    finally:
        server.should_exit = True
        snap.close()
    print(f"store: {db} (events {lo} to {hi})", file=sys.stderr)


if __name__ == "__main__":
    main()
