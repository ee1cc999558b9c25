#!/usr/bin/env python3
"""Benchmark `eventcoder places` on real news: articles per second on one core, loading included.

Reads the article texts of the geoparsing corpora in ../shared/geo (GeoWebNews and LGL, or
--corpora), writes them as JSON lines, and times one `eventcoder places FILE --format jsonl`
process pinned to one core (``taskset -c 0`` where available), from start (spaCy, gazetteer
and dictionaries loading) to exit. Prints articles, seconds and articles per second.

usage: python scripts/bench_places.py [--geo ../shared/geo] [--cmd .venv/bin/eventcoder] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

FILES = {"gwn": "GWN.xml", "lgl": "lgl.xml"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--geo", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "geo")
    ap.add_argument("--cmd", default=str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "eventcoder"))
    ap.add_argument("--corpora", default="gwn,lgl")
    ap.add_argument("--repeat", type=int, default=1, help="times to repeat the articles")
    a = ap.parse_args()
    texts = []
    for name in a.corpora.split(","):
        root = ET.parse(a.geo / FILES[name]).getroot()
        texts += [t for art in root.iter("article") if (t := art.findtext("text") or "").strip()]
    texts = texts * a.repeat
    with tempfile.TemporaryDirectory() as d:
        inp = Path(d) / "in.jsonl"
        inp.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
        pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
        t0 = time.perf_counter()
        r = subprocess.run([*pin, *a.cmd.split(), "places", str(inp), "--format", "jsonl"],
                           capture_output=True, text=True)
        secs = time.perf_counter() - t0
    if r.returncode not in (0, 3):
        raise SystemExit(f"places failed (exit {r.returncode}): {r.stderr[-500:]}")
    n = sum(1 for line in r.stdout.splitlines() if line.strip())
    print(f"{n} articles in {secs:.1f} s on one core, loading included: {n / secs:.1f} articles/s")


if __name__ == "__main__":
    main()
