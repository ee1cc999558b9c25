"""The command line: formats, batches with failures, exit codes."""

import csv
import io
import json

from eventcoder.cli import app
from eventcoder.export import ACLED_COLUMNS

ARTICLE = (
    "Bandits abduct travellers\n\n"
    "GUSAU - Bandits abducted nine travellers on the road between Tsafe and Gusau in Zamfara State on Tuesday, police said.\n"
)




def test_code_json_one_article(runner, tmp_path):
    f = tmp_path / "zamfara.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(app, ["code", str(f), "--published", "2022-11-17", "--format", "json"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert rec["id"] == "zamfara"
    [ev] = rec["events"]
    assert (ev["sub_event_type"], ev["event_date"], ev["country"], ev["admin1"]) == (
        "Abduction/forced disappearance", "2022-11-15", "NG", "Zamfara")


def test_batch_with_bad_line_codes_the_rest_and_exits_3(runner, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "ok1", "text": ARTICLE, "published": "2022-11-17"}) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "coded.jsonl"
    res = runner.invoke(app, ["code", str(batch), "--format", "jsonl", "--output", str(out)])
    assert res.exit_code == 3
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["ok1", "batch-2"]
    assert lines[0]["error"] is None and len(lines[0]["events"]) == 1
    assert lines[1]["error"]["stage"] == "ingest" and "malformed JSON" in lines[1]["error"]["reason"]
    assert "batch.jsonl:2" in res.stderr


def test_acled_csv_columns(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(app, ["code", str(f), "--published", "2022-11-17", "--format", "acled-csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(rows[0].keys()) == ACLED_COLUMNS
    row = rows[0]
    assert (row["iso"], row["country"], row["interaction"], row["event_date"], row["year"]) == (
        "566", "Nigeria", "37", "2022-11-15", "2022")
    assert row["disorder_type"] == "Political violence" and row["civilian_targeting"] == "Civilian targeting"


def test_empty_file_exits_3_with_reason(runner, tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("", encoding="utf-8")
    res = runner.invoke(app, ["code", str(f), "--format", "json"])
    assert res.exit_code == 3
    assert "empty.txt" in res.stderr and "empty input" in res.stderr


def test_bad_published_is_a_usage_error(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(app, ["code", str(f), "--published", "April 10"])
    assert res.exit_code == 2


def test_unknown_format_is_a_usage_error(runner, tmp_path):
    res = runner.invoke(app, ["code", "x.txt", "--format", "xml"])
    assert res.exit_code == 2


def test_evaluate_prints_scores_and_writes_json(runner, tmp_path):
    from pathlib import Path

    gold = Path(__file__).parent / "fixtures" / "gold"
    out = tmp_path / "scores.json"
    res = runner.invoke(app, ["evaluate", str(gold), "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert "events" in res.stdout and "F1" in res.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["articles"] == 20


def test_internal_error_in_one_article_is_recorded_and_the_batch_goes_on(runner, tmp_path, monkeypatch):
    from eventcoder import pipeline as pipeline_module

    real = pipeline_module.Pipeline.code_article

    def flaky(self, article):
        if "EXPLODE" in article.text:
            raise RuntimeError("simulated bug")
        return real(self, article)

    monkeypatch.setattr(pipeline_module.Pipeline, "code_article", flaky)
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "bad", "text": "EXPLODE " + ARTICLE}) + "\n"
                     + json.dumps({"id": "good", "text": ARTICLE, "published": "2022-11-17"}) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["code", str(batch), "--format", "jsonl", "--workers", "1"])
    assert res.exit_code == 3
    recs = [json.loads(x) for x in res.stdout.splitlines()]
    assert [r["id"] for r in recs] == ["bad", "good"]
    assert "simulated bug" in recs[0]["error"]["reason"] and len(recs[1]["events"]) == 1


def test_code_batch_with_two_workers_gives_the_single_process_records_in_order(runner, tmp_path):
    import json

    from eventcoder.cli import app

    batch = tmp_path / "b.jsonl"
    lines = [{"id": f"a{i}", "published": "2023-05-09",
              "text": f"Bandits killed {i + 2} villagers in Tsafe, Zamfara state, on Monday, police said."}
             for i in range(5)]
    lines.insert(2, {"id": "bad", "published": "2023-02-30", "text": "x"})
    batch.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    outs = {}
    for n in (1, 2):
        out = tmp_path / f"o{n}.jsonl"
        res = runner.invoke(app, ["code", str(batch), "--format", "jsonl", "--output", str(out), "--workers", str(n)])
        assert res.exit_code == 3, res.output  # one input failed, the others were coded
        assert "b.jsonl:3" in res.output
        outs[n] = [(r["id"], [e["fatalities"] for e in r["events"]])
                   for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())]
    assert outs[1] == outs[2]
    assert outs[2][0] == ("a0", [2]) and outs[2][2][0] == "bad" and outs[2][-1] == ("a4", [6])


def test_workers_beyond_the_cpu_count_are_capped_with_a_note(monkeypatch):
    # bad-input helper: "--workers 100000" started that many processes and ran for minutes
    import os

    from eventcoder.cli import _capped_workers

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert _capped_workers(1) == 1 and _capped_workers(2) == 2 and _capped_workers(100000) == 2


def test_parquet_export_to_a_missing_folder_or_a_folder_is_a_clear_error(runner, tmp_path, coded_store):
    # bad-input helper: both gave a DuckDB traceback
    from eventcoder.cli import app

    for target in (tmp_path / "missing" / "dir" / "out.parquet", tmp_path):
        res = runner.invoke(app, ["export", "--db", str(coded_store), "--format", "parquet", "--output", str(target)])
        assert res.exit_code == 2 and "cannot write" in res.stderr and "Traceback" not in res.output
