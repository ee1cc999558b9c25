"""Benchmark: eventcoder against the parse-everything baseline, in the same run.

Codes the dev set (../shared/gold/dev, or --gold DIR) repeated to N articles (default 500)
with 2 worker processes, then runs the baseline on the same articles with 2 processes:
trafilatura for HTML pages (plain text read as is) plus spaCy's whole English pipeline
on every article, nothing else. Prints articles per second for both, their ratio, and
peak memory (the summed resident memory of the parent and all workers, sampled every
50 ms).

Usage: python scripts/benchmark.py [--gold DIR] [--articles 500] [--processes 2] [--gazetteer PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from multiprocessing import Pool
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import PeakMemory  # noqa: E402

_STATE: dict[str, Any] = {}


def _init_coder(gazetteer: str | None) -> None:
    from eventcoder.pipeline import Pipeline

    _STATE["pipe"] = Pipeline(gazetteer=gazetteer, progress=False)


def _code(item: tuple[str, str, str, str | None]) -> int:
    from eventcoder.models import RawDocument

    doc_id, kind, content, published = item
    coded = _STATE["pipe"].code_document(RawDocument(doc_id, doc_id, content, kind, None, published))
    return len(coded.events)


def _init_baseline() -> None:
    from eventcoder.nlp import load_spacy

    _STATE["nlp"] = load_spacy()


def _baseline(item: tuple[str, str, str, str | None]) -> int:
    import trafilatura

    _doc_id, kind, content, _published = item
    text = content
    if kind == "html":
        text = trafilatura.extract(content, include_comments=False) or ""
    doc = _STATE["nlp"](text)
    return len(doc)


def _load(gold: Path, n: int) -> list[tuple[str, str, str, str | None]]:
    base = []
    for rec_path in sorted(gold.glob("*.json")):
        rec = json.loads(rec_path.read_text(encoding="utf-8"))
        for ext, kind in ((".txt", "text"), (".html", "html")):
            art = rec_path.with_suffix(ext)
            if art.is_file():
                base.append((rec["id"], kind, art.read_text(encoding="utf-8"), rec.get("published")))
    if not base:
        sys.exit(f"benchmark: no articles in {gold}")
    return [(f"{b[0]}-{i}", b[1], b[2], b[3]) for i, b in enumerate(base * (n // len(base) + 1))][:n]


def _run(label: str, init: Any, initargs: tuple, fn: Any, items: list, processes: int) -> dict[str, float]:
    with PeakMemory() as mem:
        with Pool(processes, initializer=init, initargs=initargs) as pool:
            pool.map(fn, items[:processes * 2], chunksize=1)  # warm-up: models loaded in every worker
            t0 = time.perf_counter()
            total = sum(pool.imap_unordered(fn, items, chunksize=4))
            elapsed = time.perf_counter() - t0
    rate = len(items) / elapsed
    print(f"{label:<28} {len(items)} articles in {elapsed:6.1f} s = {rate:6.1f} articles/s; "
          f"peak memory {mem.peak / 2**20:7.0f} MiB (output units: {total})", flush=True)
    return {"rate": rate, "seconds": elapsed, "peak_mib": mem.peak / 2**20}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev")
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--gazetteer", default=None, help="gazetteer file (default: the active one)")
    args = ap.parse_args()
    items = _load(args.gold, args.articles)
    if args.gazetteer is None:
        from eventcoder.resolve.gazetteer import open_default

        args.gazetteer = str(open_default().path)  # build once in the parent, not in each worker
    coder = _run("eventcoder code", _init_coder, (args.gazetteer,), _code, items, args.processes)
    base = _run("baseline (trafilatura+spaCy)", _init_baseline, (), _baseline, items, args.processes)
    print(f"speed ratio eventcoder/baseline: {coder['rate'] / base['rate']:.2f}x")


if __name__ == "__main__":
    main()
