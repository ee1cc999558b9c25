"""Benchmark on a general-news stream: eventcoder against the parse-everything baseline.

The stream is 9 articles in 10 from the real local and international news of
../shared/geo/ (GeoWebNews and LGL, mostly not about political violence) and 1 in 10 from
the real-news corpus texts (corpora/realnews/texts/, git-ignored; refill them first). Both
coders run with the same number of processes on the same articles in the same run;
the script prints articles per second, their ratio and peak memory, and how many of the
general-news articles came out with events (ordinary crime, sport and local news should
yield none), by sub-event type.

Usage: python scripts/bench_stream.py [--processes 2] [--repeat 1] [--gazetteer PATH]
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark import _STATE, _baseline, _init_baseline, _init_coder, _run  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GEO = ROOT.parent / "shared" / "geo"


def _stream(repeat: int) -> list[tuple[str, str, str, str | None]]:
    general = []
    for name in ("GWN.xml", "lgl.xml"):
        for i, art in enumerate(ET.parse(GEO / name).getroot().iter("article")):
            text = (art.findtext("text") or "").strip()
            if text:
                general.append((f"geo-{name[:3]}-{i}", "text", text, None))
    own = [(p.stem, "text", p.read_text(encoding="utf-8"), None)
           for p in sorted((ROOT / "corpora" / "realnews" / "texts").glob("*.txt"))]
    if not own:
        sys.exit("bench_stream: corpora/realnews/texts/ is empty (see corpora/realnews/README.md)")
    n_own = max(1, len(general) // 9)
    items = []
    for k, g in enumerate(general):
        items.append(g)
        if k % 9 == 8:
            items.append(own[(k // 9) % len(own)])
    items = items[: len(general) + n_own]
    return [(f"{a}-{r}", b, c, d) for r in range(repeat) for a, b, c, d in items]


def _code_full(item: tuple[str, str, str, str | None]) -> tuple[str, list[str]]:
    from eventcoder.models import RawDocument

    doc_id, kind, content, published = item
    coded = _STATE["pipe"].code_document(RawDocument(doc_id, doc_id, content, kind, None, published))
    return doc_id, [e.sub_event_type for e in coded.events]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--gazetteer", default=None)
    args = ap.parse_args()
    items = _stream(args.repeat)
    if args.gazetteer is None:
        from eventcoder.resolve.gazetteer import open_default

        args.gazetteer = str(open_default().path)
    print(f"stream: {len(items)} articles ({sum(1 for i in items if i[0].startswith('geo-'))} general news)")
    coder = _run("eventcoder code", _init_coder, (args.gazetteer,), _code_count, items, args.processes)
    base = _run("baseline (trafilatura+spaCy)", _init_baseline, (), _baseline, items, args.processes)
    print(f"speed ratio eventcoder/baseline: {coder['rate'] / base['rate']:.2f}x")
    with Pool(args.processes, initializer=_init_coder, initargs=(args.gazetteer,)) as pool:
        results = pool.map(_code_full, [i for i in items if i[0].startswith("geo-")], chunksize=8)
    with_events = [subs for _id, subs in results if subs]
    print(f"general-news articles with events: {len(with_events)} of {len(results)} "
          f"({len(with_events) / max(1, len(results)):.1%}); sub-event types: "
          + ", ".join(f"{k} {v}" for k, v in Counter(s for subs in with_events for s in subs).most_common(8)))


def _code_count(item: tuple[str, str, str, str | None]) -> int:
    return len(_code_full(item)[1])


if __name__ == "__main__":
    main()
