"""Benchmark corpus runs: a WARC of article pages plus non-article records into a DuckDB store.

Builds a WARC (gzip) of N article pages made from the dev set's articles (each varied with
its own paragraph so that none is a near-duplicate of another) and N/5 image records, then:

1. runs ``CorpusRunner`` over the WARC into a fresh store (2 coding workers), sampling the
   peak memory of this process and its workers;
2. codes the same pages with ``Pipeline.code_document`` in this one process (the `code` rate);

and prints articles per second for both, their ratio, peak memory and the database size.
Run it at two sizes to see that memory stays flat: ``--pages 1000`` and ``--pages 5000``.

Usage: python scripts/bench_run.py [--gold DIR] [--pages 5000] [--gazetteer PATH] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import PeakMemory  # noqa: E402

WORDS = ("market road convoy village council river bridge school clinic harvest rain border district office "
         "elders water fuel price trader season farmers herders court election radio mosque church bus").split()


def build_warc(gold: Path, pages: int, out: Path) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    arts = []
    for rec_path in sorted(gold.glob("*.json")):
        for ext in (".txt", ".html"):
            p = rec_path.with_suffix(ext)
            if p.is_file():
                arts.append((ext, p.read_text(encoding="utf-8")))
    rng = random.Random(7)
    with open(out, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(pages):
            ext, text = arts[i % len(arts)]
            tail = " ".join(rng.choice(WORDS) + str(rng.randint(0, 99)) for _ in range(250))
            if ext == ".html":
                # inside the article body: after its first long paragraph
                import re

                m = next(m for m in re.finditer(r"<p[^>]*>(.*?)</p>", text, re.S) if len(m.group(1)) > 200)
                body = text[:m.end()] + f"<p>Note {i}: {tail}.</p>" + text[m.end():]
            else:
                paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
                body = f"<html><body><article>{paras}<p>Note {i}: {tail}.</p></article></body></html>"
            hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://bench.example/{i}", "response",
                                                payload=io.BytesIO(body.encode("utf-8")), http_headers=hh))
            if i % 5 == 0:
                hh = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(f"https://bench.example/img/{i}.jpg", "response",
                                                    payload=io.BytesIO(os.urandom(2048)), http_headers=hh))
    return pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev")
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--gazetteer", default=None)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--workers", type=int, default=2, help="coding processes of the run (default 2)")
    args = ap.parse_args()
    from eventcoder.ingest.corpus import SourceStats, iter_warc
    from eventcoder.pipeline import Pipeline
    from eventcoder.run import CorpusRunner
    from eventcoder.store import Store

    work = args.workdir or Path(tempfile.mkdtemp(prefix="eventcoder-bench-"))
    warc = work / "bench.warc.gz"
    build_warc(args.gold, args.pages, warc)
    pipe = Pipeline(gazetteer=args.gazetteer, progress=False)
    # the run first, in a fresh process state: its peak memory must not include the `code`
    # pass's list of documents or what that pass added to the main pipeline's caches
    db = work / "bench.duckdb"
    db.unlink(missing_ok=True)
    store = Store(db)
    stats = SourceStats()
    with PeakMemory() as peak:
        t0 = time.perf_counter()
        runner = CorpusRunner(pipe, store, workers=args.workers, pipeline_args={"gazetteer": args.gazetteer})
        counts = runner.run(iter_warc(warc, stats))
        run_rate = (counts.articles + counts.duplicates + counts.skipped) / (time.perf_counter() - t0)
    store.close()
    t0 = time.perf_counter()
    n = 0
    for d in iter_warc(warc, SourceStats()):
        if not isinstance(d, Exception):
            pipe.code_document(d)
            n += 1
    code_rate = n / (time.perf_counter() - t0)
    print(json.dumps({
        "pages": args.pages, "skipped_non_article_records": stats.skipped_records,
        "articles_coded": counts.articles, "near_duplicates": counts.duplicates, "known": counts.skipped,
        "failures": counts.failures, "events": counts.events,
        "merged_reports": counts.merged, "code_rate_articles_per_s": round(code_rate, 1),
        "run_rate_articles_per_s": round(run_rate, 1), "run_vs_code": round(run_rate / code_rate, 2),
        "run_workers": args.workers,
        "peak_memory_mib": round(peak.peak / 2**20), "db_mib": round(db.stat().st_size / 2**20, 1),
        "warc_mib": round(warc.stat().st_size / 2**20, 1),
    }, indent=2))


if __name__ == "__main__":
    sys.exit(main())
