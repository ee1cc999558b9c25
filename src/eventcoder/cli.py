"""The command line: a thin layer over ``Pipeline``, the exporters and the evaluator.

Exit codes: 0 all coded, 3 some or all inputs failed, 2 usage error.
"""

from __future__ import annotations

import json
import re
import sys
from contextlib import nullcontext
from dataclasses import replace as dc_replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from eventcoder import __version__
from eventcoder.errors import EventcoderError, InputError, WorkerError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Code news about political violence into ACLED-style events, with evidence.")
gazetteer_app = typer.Typer(no_args_is_help=True, help="Build and inspect the gazetteer.")
app.add_typer(gazetteer_app, name="gazetteer")
err = Console(stderr=True, soft_wrap=True)


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    acled_csv = "acled-csv"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventcoder {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """eventcoder: ACLED-style event coding with evidence, offline."""


def _pipeline(gazetteer: Path | None, no_gazetteer: bool, places: Path | None = None) -> Any:
    from eventcoder.pipeline import Pipeline
    from eventcoder.resolve.gazetteer import default_path, needs_build

    if no_gazetteer:
        return Pipeline(gazetteer=False, places=places)
    if gazetteer is None and needs_build(default_path()):
        why = "first run" if not default_path().is_file() else "it was built by another version or from other place data"
        err.print(f"building the default gazetteer at {default_path()} ({why}, about a minute) ...")
    return Pipeline(gazetteer=gazetteer, places=places, progress=err.is_terminal)


def _progress(enabled: bool) -> Any:
    if not enabled:
        return nullcontext(None)
    return Progress(TextColumn("[bold]coding"), BarColumn(bar_width=12), MofNCompleteColumn(),
                    TextColumn("{task.fields[events]} events, {task.fields[failed]} failed"),
                    TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                    console=err, transient=False)


def _print_table(articles: list[Any], console: Console) -> None:
    """One row per event: date, sub-event type, actors with inter codes, place, fatalities."""
    from rich.table import Table

    many = len(articles) > 1
    table = Table(show_lines=False, pad_edge=False)
    if many:
        table.add_column("article", overflow="fold")
    table.add_column("date", no_wrap=True)
    for col in ("sub-event type", "actor1", "actor2", "place (precision)"):
        table.add_column(col, overflow="fold")
    table.add_column("deaths", justify="right")
    for a in articles:
        lead = [a.id] if many else []
        if a.error:
            table.add_row(*lead, "", f"[red]error ({a.error.stage})", a.error.reason, "", "", "")
            continue
        if not a.events:
            table.add_row(*lead, a.published or "", "[dim]no events", "", "", "", "")
        for ev in a.events:
            place = ", ".join(x for x in (ev.location, ev.admin1, ev.country) if x)
            if place and ev.geo_precision:
                place += f" ({ev.geo_precision})"
            table.add_row(*lead, ev.event_date or "?", ev.sub_event_type,
                          f"{ev.actor1} ({ev.inter1})" if ev.actor1 else "",
                          f"{ev.actor2} ({ev.inter2})" if ev.actor2 else "",
                          place, str(ev.fatalities) if ev.fatalities is not None else "")
    console.print(table)


def _capped_workers(asked: int) -> int:
    """``--workers`` at most the CPU count: more processes than cores only load a spaCy model
    each and wait (``--workers 100000`` once ran for minutes before coding anything)."""
    import os

    cores = os.cpu_count() or 1
    if asked > cores:
        err.print(f"eventcoder: --workers {asked}: this machine has {cores} CPU cores; using {cores}",
                  markup=False, highlight=False)
        return cores
    return asked


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (an existing one: by inode; else by resolved path)."""
    try:
        if a.exists() and b.exists():
            return a.samefile(b)
        return a.resolve() == b.resolve()
    except OSError:
        return False


@app.command("code")
def code_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Articles: .txt, .html, .jsonl batches, or - for standard input.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD, or YYYY-MM / YYYY when only that is known (wins over a file's page date; for JSON-lines records, fills in only those without their own).")] = None,
    url: Annotated[str | None, typer.Option(help="The article's address.")] = None,
    format: Annotated[Format | None, typer.Option("--format", "-f", help="table, json, jsonl or acled-csv (default: table on a terminal, jsonl when piped).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")] = None,
    gazetteer: Annotated[Path | None, typer.Option(help="Gazetteer file (default: $EVENTCODER_GAZETTEER or the cached default).")] = None,
    no_gazetteer: Annotated[bool, typer.Option("--no-gazetteer", help="Resolve no places (country from names only).")] = False,
    places: Annotated[Path | None, typer.Option("--places", help="CSV of your own places, looked up first.")] = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Show a progress bar (default: for batches on a terminal).")] = None,
    workers: Annotated[int, typer.Option(min=0, help="Processes that code a batch; 0 (the default): the CPU count, at most 4, for batches, 1 for one article.")] = 0,
) -> None:
    """Code articles into events; one row (table/CSV) or record (JSON) per article or event."""
    from eventcoder.export import AcledCsvWriter, to_json, write_json_list
    from eventcoder.ingest import iter_documents
    from eventcoder.ingest.files import check_date

    try:
        check_date(published, "command line", "--published")
    except InputError as e:
        err.print(f"eventcoder: {e}", markup=False, highlight=False)
        raise typer.Exit(2) from e
    if output is not None and any(i != "-" and _same_file(Path(i), output) for i in inputs):
        # (opening the output would empty the input before it is read)
        err.print(f"eventcoder: --output {output} is one of the inputs; write the results elsewhere",
                  markup=False, highlight=False)
        raise typer.Exit(2)
    if output is not None:
        try:
            open(output, "a", encoding="utf-8").close()  # noqa: SIM115 - only checks that it can be written
        except OSError as e:
            err.print(f"eventcoder: --output {output}: cannot write there ({e.strerror})", markup=False, highlight=False)
            raise typer.Exit(2) from e
    fmt = format or (Format.table if output is None and sys.stdout.isatty() else Format.jsonl)
    try:
        pipe = _pipeline(gazetteer, no_gazetteer, places)
    except EventcoderError as e:
        err.print(f"eventcoder: {e}")
        raise typer.Exit(2) from e
    # inputs stream: a large JSONL batch is never held in memory (only json/table output collect)
    docs = iter_documents(inputs, published=published, url=url)
    batch_input = len(inputs) > 1 or any(i.lower().endswith((".jsonl", ".ndjson")) for i in inputs)
    import os

    # (one article is coded in this process, whatever --workers asks)
    n_workers = (_capped_workers(workers) if batch_input else 1) if workers > 0 else (
        min(4, os.cpu_count() or 1) if batch_input else 1)
    from collections import deque

    sources: deque[str] = deque()  # the input each result came from, in order, for failure messages

    def noted(stream: Any) -> Any:
        for d in stream:
            sources.append(d.source)
            yield d

    if n_workers > 1:
        from eventcoder.pipeline import code_in_processes

        gaz_arg: Any = False if no_gazetteer else (str(gazetteer) if gazetteer else None)
        results = code_in_processes(noted(docs), workers=n_workers, pipeline_args={
            "gazetteer": gaz_arg, "places": str(places) if places else None})
    else:
        results = pipe.code_many(noted(docs))
    show = progress if progress is not None else (batch_input and err.is_terminal)
    out_stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    failures: list[tuple[str, str]] = []
    failed_records: list[Any] = []
    coded: list[Any] = []
    n_events = n_docs = 0
    import time

    t0 = time.perf_counter()
    write_error: OSError | None = None
    try:
        csv_writer = AcledCsvWriter(out_stream) if fmt == Format.acled_csv else None
        with _progress(show) as bar:
            from eventcoder.ingest.corpus import count_articles

            # (the total and an ETA where the inputs can be counted: files and JSON-lines batches)
            task = bar.add_task("coding", total=count_articles(list(inputs)), events=0, failed=0,
                                rate="") if bar else None
            for art in results:
                n_docs += 1
                source = sources.popleft()
                if art.error:
                    failures.append((source, f"{art.error.stage}: {art.error.reason}"))
                    failed_records.append(art)
                n_events += len(art.events)
                if fmt == Format.jsonl:
                    out_stream.write(to_json(art) + "\n")
                elif csv_writer is not None:
                    csv_writer.write(art)
                else:
                    coded.append(art)
                if bar is not None:
                    rate = n_docs / max(time.perf_counter() - t0, 1e-9)
                    bar.update(task, advance=1, events=n_events, failed=len(failures), rate=f"{rate:.1f} art/s")
        if fmt == Format.json:
            write_json_list(coded, out_stream)
        elif fmt == Format.table:
            _print_table(coded, Console(file=out_stream) if output else Console())
            # the table has no column for them: why a date is missing, what disagreed
            for art in coded:
                for warning in art.warnings:
                    err.print(f"{art.id}: {warning}", markup=False, highlight=False)
    except BrokenPipeError:
        raise typer.Exit(0) from None  # "| head": the reader has what it wanted
    except OSError as e:  # a full disk ("-o /dev/full"), a vanished mount: the output, not the input
        write_error = e
    except WorkerError as e:
        err.print(f"eventcoder: {e} (the results above were written)", markup=False, highlight=False)
        raise typer.Exit(3) from e
    finally:
        if output:
            try:
                out_stream.close()
            except OSError as e:
                write_error = write_error or e
    if write_error is not None:
        err.print(f"eventcoder: {output or 'standard output'}: cannot write ({write_error.strerror or write_error})")
        raise typer.Exit(2)
    if failures and fmt == Format.acled_csv and output is not None:
        # ACLED's columns have no place for a failure: the records go beside the CSV
        side = Path(str(output) + ".errors.jsonl")
        with open(side, "w", encoding="utf-8") as fh:
            for art in failed_records:
                fh.write(to_json(art) + "\n")
        err.print(f"failure records written to {side}", markup=False, highlight=False)
    if failures:
        err.print(f"[red]{len(failures)} of {n_docs} input(s) failed:[/red]")
        for source, reason in failures:
            err.print(f"  {source}: {reason}", markup=False, highlight=False)
        raise typer.Exit(3)


@app.command("evaluate")
def evaluate_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold records (<id>.json) and articles (<id>.txt|.html).")],
    predictions: Annotated[Path | None, typer.Option(help="Score this JSONL of coded articles instead of coding; or a folder of a second annotator's gold records (agreement on the records both have).")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write every figure to this JSON file.")] = None,
    texts: Annotated[Path | None, typer.Option("--texts", help="Folder of the articles (<id>.txt) when they are not beside the gold.")] = None,
    ids: Annotated[Path | None, typer.Option("--ids", help="Score only the ids listed in this file (one a line): a split.")] = None,
    save: Annotated[Path | None, typer.Option("--save", help="Write the coded articles to this JSONL file.")] = None,
    gazetteer: Annotated[Path | None, typer.Option(help="Gazetteer file.")] = None,
    no_gazetteer: Annotated[bool, typer.Option("--no-gazetteer")] = False,
) -> None:
    """Score the coder against gold records (FORMAT.md's scoring)."""
    from eventcoder.evaluate import Scores, format_report, load_gold, read_ids, score_article
    from eventcoder.ingest import read_document

    try:
        gold = load_gold(gold_dir, texts=texts, ids=read_ids(ids) if ids is not None else None)
    except InputError as e:
        err.print(f"eventcoder: {e}")
        raise typer.Exit(2) from e
    missing = [rec["id"] for rec, article in gold if article is None]
    if missing and predictions is None:
        err.print(f"eventcoder: {len(missing)} of {len(gold)} gold records have no article text "
                  f"(e.g. {missing[0]}); they are left out of the scores. For the real-news corpus, "
                  "refill the texts as corpora/realnews/README.md says.")
        gold = [(rec, article) for rec, article in gold if article is not None]
        if not gold:
            raise typer.Exit(2)
    preds: dict[str, dict] = {}
    if predictions is not None and predictions.is_dir():
        # a second annotator's gold records: inter-annotator agreement
        from eventcoder.evaluate import gold_as_prediction

        try:
            second = load_gold(predictions)
        except InputError as e:
            err.print(f"eventcoder: {e}")
            raise typer.Exit(2) from e
        preds = {str(rec["id"]): gold_as_prediction(rec) for rec, _article in second}
        gold = [(rec, article) for rec, article in gold if str(rec["id"]) in preds]
    elif predictions is not None:
        try:
            with open(predictions, encoding="utf-8") as fh:
                for i, line in enumerate(fh, start=1):
                    if line.strip():
                        try:
                            rec = json.loads(line)
                        except ValueError as e:
                            err.print(f"eventcoder: {predictions}:{i}: malformed JSON ({e})")
                            raise typer.Exit(2) from e
                        preds[str(rec.get("id"))] = rec
        except OSError as e:
            err.print(f"eventcoder: {predictions}: cannot read ({e.strerror})")
            raise typer.Exit(2) from e
    else:
        pipe = _pipeline(gazetteer, no_gazetteer)
        with _progress(err.is_terminal) as bar:
            task = bar.add_task("coding", total=len(gold), events=0, failed=0, rate="") if bar else None
            for rec, article in gold:
                if article is None:
                    continue
                try:
                    doc = read_document(article, published=rec.get("published"), url=rec.get("url"), doc_id=rec["id"])
                    preds[rec["id"]] = pipe.code_document(doc).to_dict()
                except InputError as e:
                    preds[rec["id"]] = {"id": rec["id"], "events": [], "error": {"stage": e.stage, "reason": e.reason}}
                if bar is not None:
                    bar.update(task, advance=1)
    if save is not None:
        with open(save, "w", encoding="utf-8") as fh:
            for rec, _article in gold:
                if rec["id"] in preds:
                    fh.write(json.dumps(preds[rec["id"]], ensure_ascii=False) + "\n")
    scores = Scores()
    for rec, _article in gold:
        score_article(preds.get(rec["id"], {"events": []}), rec, scores)
    result = scores.as_dict()
    typer.echo(format_report(result))
    if json_out:
        json_out.write_text(json.dumps(result, indent=2), encoding="utf-8")


@app.command("run")
def run_cmd(
    inputs: Annotated[list[str] | None, typer.Argument(help="Files and folders: .txt, .html, .jsonl, .warc, .warc.gz.")] = None,
    db: Annotated[Path, typer.Option("--db", help="The DuckDB event store (created when missing).")] = Path("events.duckdb"),
    feeds: Annotated[Path | None, typer.Option("--feeds", help="File of RSS/Atom feed URLs, one a line.")] = None,
    urls: Annotated[Path | None, typer.Option("--urls", help="File of page URLs, one a line.")] = None,
    recode: Annotated[bool, typer.Option("--recode", help="Code known articles again and replace their records.")] = False,
    gazetteer: Annotated[Path | None, typer.Option(help="Gazetteer file.")] = None,
    places: Annotated[Path | None, typer.Option("--places", help="CSV of your own places, looked up first.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles written per transaction.")] = 25,
    workers: Annotated[int, typer.Option(min=0, help="Processes that code articles (0, the default: the number of CPU cores, at most 4).")] = 0,
    published: Annotated[str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD, YYYY-MM or YYYY) for inputs that carry none of their own.")] = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress")] = None,
) -> None:
    """Code a corpus into the event store: one event per occurrence, resumable, idempotent."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from eventcoder.ingest.corpus import SourceStats, iter_corpus, read_list
    from eventcoder.run import CorpusRunner, elapsed_rate
    from eventcoder.store import Store

    if published is not None:
        from eventcoder.ingest.files import check_date

        try:
            published = check_date(published, "command line", "--published")
        except InputError as e:
            err.print(f"eventcoder: {e}")
            raise typer.Exit(2) from e
    if not inputs and feeds is None and urls is None:
        err.print("eventcoder: give files or folders, --feeds or --urls")
        raise typer.Exit(2)
    try:
        feed_list = read_list(feeds) if feeds else []
        url_list = read_list(urls) if urls else []
        store = Store(db)
    except EventcoderError as e:
        err.print(f"eventcoder: {e}", markup=False, highlight=False)
        raise typer.Exit(2) from e
    try:
        pipe = _pipeline(gazetteer, False, places)
    except EventcoderError as e:
        err.print(f"eventcoder: {e}", markup=False, highlight=False)
        store.close()
        raise typer.Exit(2) from e
    stats = SourceStats()
    docs = iter_corpus(inputs or [], feeds=feed_list, urls=url_list, stats=stats, published=published)
    import os

    n_workers = _capped_workers(workers) if workers > 0 else min(4, os.cpu_count() or 1)
    runner = CorpusRunner(pipe, store, batch_size=batch_size, recode=recode, workers=n_workers,
                          pipeline_args={"gazetteer": str(gazetteer) if gazetteer else None,
                                         "places": str(places) if places else None})
    import time

    t0 = time.perf_counter()
    show = progress if progress is not None else err.is_terminal
    config = {"inputs": inputs or [], "feeds": str(feeds) if feeds else None, "urls": str(urls) if urls else None,
              "recode": recode, "gazetteer": str(gazetteer) if gazetteer else None}
    try:
        with Progress(SpinnerColumn(), BarColumn(bar_width=12), MofNCompleteColumn(), TextColumn("{task.description}"),
                      TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                      console=err, disable=not show) as bar:
            from eventcoder.ingest.corpus import count_articles

            # (a total and an ETA when only files and batches are read: not for feeds or URL lists)
            task = bar.add_task("coding", total=None if (feeds or urls) else count_articles(list(inputs or [])))

            def tick(c: Any) -> None:
                done = c.articles + c.skipped + c.duplicates + c.failures
                # (short enough for an 80-column terminal; the run's summary gives the rest)
                bar.update(task, completed=done, description=(f"{c.events} events, {c.failures} failed, "
                                                              f"{elapsed_rate(t0, done)}"))

            counts = runner.run(docs, config=config, on_article=tick)
    except EventcoderError as e:
        again = "; run the same command again to code the rest" if isinstance(e, WorkerError) else ""
        err.print(f"eventcoder: {e}{again}", markup=False, highlight=False)
        store.close()
        raise typer.Exit(2) from e
    except (KeyboardInterrupt, RuntimeError) as e:
        # Ctrl-C; DuckDB turns it into "Query interrupted" when it lands inside a query
        if isinstance(e, RuntimeError) and "interrupted" not in str(e).lower():
            raise
        try:
            store.close()
        except Exception:  # noqa: BLE001 - the store's last batch is rolled back; nothing more to save
            pass
        err.print(f"eventcoder: interrupted; the batches stored so far are kept in {db}: run the same command "
                  "again to resume (stored articles are skipped)", markup=False, highlight=False)
        raise typer.Exit(130) from None
    store.close()
    rate = elapsed_rate(t0, counts.articles + counts.skipped + counts.duplicates + counts.failures)
    typer.echo(f"{counts.articles} articles coded, {counts.skipped} already known, {counts.duplicates} near-duplicates, "
               f"{counts.events} new events, {counts.merged} reports merged into known events, "
               f"{counts.failures} failures, {stats.skipped_records} non-article records skipped ({rate})")
    if counts.undated:
        err.print(f"warning: {counts.undated} new event(s) stored without a date: their articles date them only by "
                  "weekday ('on Sunday') and carry no full publication date; give --published YYYY-MM-DD or "
                  "dated inputs", markup=False, highlight=False)
    if counts.changed:
        err.print(f"warning: {len(counts.changed)} article(s) skipped as known by their URL though their text "
                  "differs from the stored one (updated pages, or records sharing a URL); --recode codes them "
                  "again: " + ", ".join(counts.changed[:10]) + (" ..." if len(counts.changed) > 10 else ""),
                  markup=False, highlight=False)
    if counts.failed:
        err.print(f"{len(counts.failed)} input(s) failed:", markup=False)
        for source, stage, reason in counts.failed[:50]:
            err.print(f"  {source}: {stage}: {reason}", markup=False, highlight=False)
        raise typer.Exit(3)


@app.command("status")
def status_cmd(
    db: Annotated[Path, typer.Option("--db", help="The DuckDB event store.")] = Path("events.duckdb"),
) -> None:
    """Counts, the last run and recent failures of an event store."""
    from eventcoder.store import Store

    try:
        store = Store(db, read_only=True)
    except EventcoderError as e:
        err.print(f"eventcoder: {e}", markup=False, highlight=False)
        raise typer.Exit(2) from e
    counts = store.counts()
    typer.echo(f"store: {db}")
    for k in ("articles", "duplicates", "events", "event_sources", "measures", "quotes", "failures", "runs"):
        typer.echo(f"{k:<14}{counts[k]}")
    last = store.last_run()
    if last:
        typer.echo(f"last run      #{last['run_id']} started {last['started']}, finished {last['finished'] or 'not finished'}, "
                   f"{last['articles']} articles, {last['events']} events, {last['failures']} failures")
    for source, stage, reason in store.recent_failures(10):
        typer.echo(f"failure       {source}: {stage}: {reason}")
    store.close()


class StoreFormat(StrEnum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    parquet = "parquet"
    jsonl = "jsonl"


class StoreTable(StrEnum):
    events = "events"
    measures = "measures"
    quotes = "quotes"


@app.command("export")
def export_cmd(
    db: Annotated[Path, typer.Option("--db", help="The DuckDB event store.")] = Path("events.duckdb"),
    format: Annotated[StoreFormat, typer.Option("--format", "-f")] = StoreFormat.acled_csv,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (required for parquet).")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-2 country code.")] = None,
    since: Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")] = None,
    event_type: Annotated[str | None, typer.Option(help="ACLED event type, e.g. Battles.")] = None,
    actor: Annotated[str | None, typer.Option(help="Part of an actor name.")] = None,
    table: Annotated[StoreTable, typer.Option("--table", help="What to export (measures and quotes: jsonl or parquet).")] = StoreTable.events,
) -> None:
    """Export the store's events, measures or quotes: ACLED-column CSV, GeoJSON (RFC 7946), Parquet or
    JSON lines. Every JSON lines, GeoJSON and Parquet row carries its evidence, attribution and sources."""
    from eventcoder.export import export_store
    from eventcoder.filters import StoreFilter
    from eventcoder.ingest.files import check_date
    from eventcoder.store import Store

    try:
        check_date(since, "command line", "--since")
        check_date(until, "command line", "--until")
    except InputError as e:
        err.print(f"eventcoder: {e}", markup=False, highlight=False)
        raise typer.Exit(2) from e
    if table != StoreTable.events and format in (StoreFormat.acled_csv, StoreFormat.geojson):
        err.print(f"eventcoder: --format {format.value} exports events only; use jsonl or parquet for {table.value}")
        raise typer.Exit(2)
    if format == StoreFormat.parquet and output is None:
        err.print("eventcoder: --format parquet needs --output FILE")
        raise typer.Exit(2)
    if output is not None and any(_same_file(f, output) for f in (db, Path(f"{db}.wal"))):
        err.print(f"eventcoder: --output {output} is the event store itself; write the export elsewhere",
                  markup=False, highlight=False)
        raise typer.Exit(2)
    if country is not None:
        import pycountry

        if len(country) != 2 or pycountry.countries.get(alpha_2=country.upper()) is None:
            err.print(f"eventcoder: --country must be an ISO 3166-1 alpha-2 code (IQ, NG ...), got {country!r}",
                      markup=False, highlight=False)
            raise typer.Exit(2)
    if event_type is not None:
        from eventcoder.extract.triggers import EVENT_TYPES

        if event_type.casefold() not in {t.casefold() for t in EVENT_TYPES}:  # (the filter ignores case)
            err.print(f"eventcoder: --event-type must be one of ACLED's event types ({', '.join(EVENT_TYPES)}), "
                      f"got {event_type!r}", markup=False, highlight=False)
            raise typer.Exit(2)
    try:
        store = Store(db, read_only=True)
    except EventcoderError as e:
        err.print(f"eventcoder: {e}", markup=False, highlight=False)
        raise typer.Exit(2) from e
    try:
        # a month or a year given as --until covers the whole of it ("2020-03" -> up to "2020-03-31")
        until_day = (until + "-31" if len(until) == 7 else until + "-12-31" if len(until) == 4 else until) if until else None
        flt = StoreFilter(country=country, since=since, until=until_day, event_type=event_type, actor=actor)
        n = export_store(store, format.value, output if output is not None else sys.stdout, table=table.value,
                         flt=flt)
    except BrokenPipeError:  # `eventcoder export | head`: the reader has what it wanted
        sys.stderr.close()
        raise typer.Exit(0) from None
    except OSError as e:
        err.print(f"eventcoder: {output}: cannot write ({e.strerror})", markup=False, highlight=False)
        raise typer.Exit(2) from e
    finally:
        store.close()
    if output is not None:
        typer.echo(f"{n} {table.value} written to {output}")


@app.command("serve")
def serve_cmd(
    db: Annotated[Path, typer.Option("--db", help="The DuckDB event store (opened read-only).")] = Path("events.duckdb"),
    host: Annotated[str, typer.Option(help="Address to listen on; anything but loopback is warned about.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    r"""Serve the analyst's workspace (map, timeline, table, evidence) and a read-only API.

    Needs the web extra: pip install 'eventcoder\[web]'. While `eventcoder run` writes the
    store, the page shows the last state that could be read, or says the store is busy."""
    from eventcoder.web.server import serve

    try:
        serve(db, host=host, port=port)
    except EventcoderError as e:
        err.print(f"eventcoder: {e}", markup=False, highlight=False)
        raise typer.Exit(2) from e
    except OSError as e:  # the port is taken
        err.print(f"eventcoder: cannot listen on {host}:{port} ({e.strerror})", markup=False, highlight=False)
        raise typer.Exit(2) from e


class PlacesFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


# a capitalised division word after the name: "Borno State", "Walker County"; never "of" after
# it ("Ohio Department of ...")
_FEATURE_AFTER = re.compile(r"\s+(State|state|Province|Region|County|District|Governorate|Oblast|Parish|Prefecture|"
                            r"Department|Municipality)\b(?!\s+of\b)")  # Nigerian papers write "Benue state"


def _with_feature_word(top: Any, place: Any, text: str) -> Any:
    """The toponym with the division word written after it ("Borno State", "Walker County"),
    when that word is its feature word or it resolved to a division."""
    m = _FEATURE_AFTER.match(text, top.end)
    if m and m.group(1).lower() == "state" and place is not None and place.country == "US":
        return top  # a US state is never named "Ohio State": that is a university or a team
    if m and ((top.feature or "").lower() == m.group(1).lower()
              or (place is not None and (place.is_admin1 or place.is_admin2))):
        return dc_replace(top, text=text[top.start:m.end()], end=m.end())
    return top


def _toponym_record(top: Any, place: Any, within: Any = None) -> dict[str, Any]:
    if place is None and within is not None:
        # a street or building the gazetteer does not know: the point of the town it lies in
        return {
            "text": top.text, "start": top.start, "end": top.end, "name": None, "geonameid": None,
            "latitude": within.latitude, "longitude": within.longitude, "feature_code": None,
            "country": within.country or None, "admin1": within.admin1,
            "admin2": within.admin2 if within.feature_class == "P" else within.name,
            "kind": top.kind, "source": top.source, "ner_label": top.label,
            "within": {"name": within.name, "geonameid": within.geonameid},
        }
    return {
        "text": top.text, "start": top.start, "end": top.end,
        "name": place.name if place else None, "geonameid": place.geonameid if place else None,
        "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
        "feature_code": place.feature_code if place else None, "country": (place.country or None) if place else None,
        "admin1": (None if place.is_country else place.admin1) if place else None,
        "admin2": place.admin2 if place and not (place.is_country or place.is_admin1) else None,
        "kind": top.kind, "source": top.source, "ner_label": top.label,
    }


@app.command("places")
def places_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Articles, as for `code`.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (or YYYY-MM, YYYY).")] = None,
    format: Annotated[PlacesFormat | None, typer.Option("--format", "-f", help="table, json or jsonl.")] = None,
    gazetteer: Annotated[Path | None, typer.Option(help="Gazetteer file.")] = None,
    places: Annotated[Path | None, typer.Option("--places", help="CSV of your own places, looked up first.")] = None,
) -> None:
    """Every toponym in the articles, with its gazetteer resolution (offsets into the clean text).

    Each toponym: text, start, end, kind (place, adjectival, metonym), source (how it was found: ner, gazetteer, form, prep, pattern, street, dateline, user), ner_label (spaCy's label, when NER found it), and its place: name, GeoNames id, feature code, country, admin1, admin2, latitude, longitude (a country's or division's own point, not its capital's).

    A street, square or building the gazetteer does not know gets the point of the town it lies in (the town named right after it, else the nearest before it), and "within" names that town; its name and GeoNames id are then null.
    """
    from eventcoder.ingest import iter_documents
    from eventcoder.resolve.places import containing_places

    fmt = format or (PlacesFormat.table if sys.stdout.isatty() else PlacesFormat.jsonl)
    try:
        pipe = _pipeline(gazetteer, False, places)
    except EventcoderError as e:
        err.print(f"eventcoder: {e}")
        raise typer.Exit(2) from e
    failed = 0
    records = []
    for doc in iter_documents(inputs, published=published):
        if isinstance(doc, InputError):
            err.print(f"eventcoder: {doc}", markup=False, highlight=False)
            failed += 1
            continue
        try:
            article = pipe.clean(doc, keep_repeats=True)
        except InputError as e:
            err.print(f"eventcoder: {e}", markup=False, highlight=False)
            failed += 1
            continue
        pairs = pipe.toponyms(article)
        tops = [_toponym_record(_with_feature_word(t, p, article.text), p, w)
                for (t, p), w in zip(pairs, containing_places(pairs), strict=True)]
        rec = {"id": article.id, "text": article.text, "toponyms": tops}
        if fmt == PlacesFormat.jsonl:
            typer.echo(json.dumps(rec, ensure_ascii=False))
        else:
            records.append(rec)
    if fmt == PlacesFormat.json:
        typer.echo(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2))
    elif fmt == PlacesFormat.table:
        from rich.table import Table

        table = Table()
        for col in ("article", "toponym", "kind", "resolved to", "feature", "GeoNames id", "country", "admin1",
                    "admin2", "lat, lon"):
            table.add_column(col, overflow="fold")
        for rec in records:
            for t in rec["toponyms"]:
                coords = f"{t['latitude']:.3f}, {t['longitude']:.3f}" if t["latitude"] is not None else ""
                table.add_row(rec["id"], t["text"], t["kind"], t["name"] or "[dim]unresolved", t["feature_code"] or "",
                              str(t["geonameid"] or ""), t["country"] or "", t["admin1"] or "", t["admin2"] or "",
                              coords)
        Console().print(table)
    if failed:
        raise typer.Exit(3)


@gazetteer_app.command("build")
def gazetteer_build(
    output: Annotated[Path | None, typer.Option(help="Where to write (default: the active gazetteer path).")] = None,
    geonames: Annotated[Path | None, typer.Option("--geonames", help="Build from GeoNames dump files in this folder.")] = None,
) -> None:
    """Build the gazetteer: offline from installed packages, or from GeoNames dumps you have."""
    from eventcoder.resolve.gazetteer import default_path
    from eventcoder.resolve.gazetteer.build import build_default
    from eventcoder.resolve.gazetteer.geonames import build_from_geonames

    target = output or default_path()
    try:
        if geonames is not None:
            path = build_from_geonames(geonames, target, progress=err.is_terminal)
        else:
            path = build_default(target, progress=err.is_terminal)
    except EventcoderError as e:
        err.print(f"eventcoder: {e}", markup=False, highlight=False)
        raise typer.Exit(2) from e
    typer.echo(f"gazetteer written to {path}")


@gazetteer_app.command("download")
def gazetteer_download(
    countries: Annotated[list[str], typer.Argument(help="ISO alpha-2 country codes (IQ SY ...).")],
    to: Annotated[Path, typer.Option("--to", help="Folder for the dump files.")],
    build: Annotated[bool, typer.Option("--build/--no-build", help="Build the active gazetteer from them afterwards.")] = True,
    output: Annotated[Path | None, typer.Option(help="Gazetteer to build (default: the active one).")] = None,
    base_url: Annotated[str, typer.Option(help="Where the dumps are served.")] = "https://download.geonames.org/export/dump/",
) -> None:
    """Download GeoNames per-country dumps (needs the internet), check them, and build."""
    from eventcoder.resolve.gazetteer import default_path
    from eventcoder.resolve.gazetteer.geonames import build_from_geonames, download

    try:
        files = download(countries, to, base_url=base_url, progress=err.is_terminal)
        typer.echo(f"downloaded {len(files)} files to {to}")
        if build:
            path = build_from_geonames(to, output or default_path(), progress=err.is_terminal)
            typer.echo(f"gazetteer written to {path}")
    except EventcoderError as e:
        err.print(f"eventcoder: {e}", markup=False, highlight=False)
        raise typer.Exit(2) from e


@gazetteer_app.command("info")
def gazetteer_info(
    gazetteer: Annotated[Path | None, typer.Option(help="Gazetteer file (default: the active one).")] = None,
) -> None:
    """Show what the active gazetteer holds and its sources."""
    from eventcoder.resolve.gazetteer import Gazetteer, default_path

    path = gazetteer or default_path()
    try:
        g = Gazetteer(path)
    except EventcoderError as e:
        err.print(f"eventcoder: {e}")
        raise typer.Exit(2) from e
    typer.echo(f"path: {path}")
    for k, v in sorted(g.info().items()):
        typer.echo(f"{k}: {v}")


def main() -> None:
    """Entry point of the ``eventcoder`` command."""
    try:
        app()
    except EventcoderError as e:
        err.print(f"eventcoder: {e}")
        sys.exit(2)


if __name__ == "__main__":
    main()
