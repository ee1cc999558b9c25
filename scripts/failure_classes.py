"""Count the coder's errors on a gold set by the failure classes of the real-news issue.

Reads gold records and the coded articles (``eventcoder evaluate ... --save coded.jsonl``)
and prints a Markdown table: how many errors of each class, over which base. Classes:

1. events missed: a required gold event of a type the article's output has none of;
2. tolls: a matched event whose fatalities differ (0 given where the text has deaths, or
   another figure);
3. events collapsed: a required gold event left unmatched although the output has events
   of its type (several occurrences coded as one);
4. spurious events: output events matching no gold event (background, recaps, duplicates),
   and events coded in articles that must yield none;
5. places: wrong country (an unmatched output and gold event of one type in different
   countries), admin1 or location wrong on a matched event;
6. actors: actor1 or actor2 wrong on a matched event;
7. dates: event date not exact on a matched event;
8. quotes: gold quotes not found; output quotes with a speaker that match no gold quote.

Usage: python scripts/failure_classes.py GOLD_DIR CODED.jsonl [--ids SPLIT.txt]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventcoder.evaluate import actor_ok, admin_ok, name_matches, pair_events, quote_hits, read_ids


def count(gold_dir: Path, coded: Path, ids: set[str] | None) -> list[tuple[str, str, int, int]]:
    preds = {}
    for line in coded.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            preds[str(rec.get("id"))] = rec
    c = {k: 0 for k in ("missed", "collapsed", "toll_zero", "toll_other", "fp", "fp_irrelevant", "country",
                        "admin1", "location", "actor1", "actor2", "date", "q_missed", "q_wrong")}
    n = {k: 0 for k in ("required", "matched", "system", "irrelevant", "gold_quotes", "sys_quotes")}
    for path in sorted(gold_dir.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        if ids is not None and g["id"] not in ids or g["id"] not in preds:
            continue
        p = preds[g["id"]]
        se, ge = p.get("events") or [], g.get("events") or []
        pairs = pair_events(se, ge)
        ps, pg = {a for a, _ in pairs}, {b for _, b in pairs}
        n["system"] += len(se)
        n["required"] += sum(1 for e in ge if not e.get("optional"))
        if not g.get("relevant"):
            n["irrelevant"] += 1
            c["fp_irrelevant"] += len(se)
        unmatched_sys = [se[i] for i in range(len(se)) if i not in ps]
        for gi, e in enumerate(ge):
            if e.get("optional") or gi in pg:
                continue
            if any(s["event_type"] == e["event_type"] and s.get("country") != e["country"] for s in unmatched_sys):
                c["country"] += 1
            elif any(s["event_type"] == e["event_type"] for s in se):
                c["collapsed"] += 1
            else:
                c["missed"] += 1
        if g.get("relevant"):
            c["fp"] += len(unmatched_sys)
        for si, gi in pairs:
            s, e = se[si], ge[gi]
            if e.get("optional"):
                continue
            n["matched"] += 1
            if s.get("fatalities") != e.get("fatalities"):
                c["toll_zero" if not s.get("fatalities") and e.get("fatalities") else "toll_other"] += 1
            c["admin1"] += not admin_ok(s, e)
            c["location"] += not name_matches(s.get("location"), e.get("location") or [], admin=True)
            c["actor1"] += not actor_ok(s, e, "actor1", e.get("country"))
            c["actor2"] += not actor_ok(s, e, "actor2", e.get("country"))
            c["date"] += s.get("event_date") != e.get("event_date")
        gq, sq = g.get("quotes") or [], p.get("quotes") or []
        n["gold_quotes"] += len(gq)
        c["q_missed"] += sum(1 for q in gq if not any(quote_hits(x, q) for x in sq))
        with_speaker = [x for x in sq if x.get("speaker")]
        n["sys_quotes"] += len(with_speaker)
        c["q_wrong"] += sum(1 for x in with_speaker if not any(quote_hits(x, q) for q in gq))
    return [
        ("1 events missed", "required gold events", c["missed"], n["required"]),
        ("2 tolls: 0 where the text gives deaths", "matched events", c["toll_zero"], n["matched"]),
        ("2 tolls: another figure", "matched events", c["toll_other"], n["matched"]),
        ("3 several events collapsed into one", "required gold events", c["collapsed"], n["required"]),
        ("4 spurious events in relevant articles", "output events", c["fp"], n["system"]),
        ("4 events in articles that must yield none", f"{n['irrelevant']} such articles", c["fp_irrelevant"],
         n["irrelevant"]),
        ("5 places: wrong country", "required gold events", c["country"], n["required"]),
        ("5 places: admin1 wrong", "matched events", c["admin1"], n["matched"]),
        ("5 places: location wrong", "matched events", c["location"], n["matched"]),
        ("6 actors: actor1 wrong", "matched events", c["actor1"], n["matched"]),
        ("6 actors: actor2 wrong", "matched events", c["actor2"], n["matched"]),
        ("7 dates: event date not exact", "matched events", c["date"], n["matched"]),
        ("8 quotes: gold quote not found", "gold quotes", c["q_missed"], n["gold_quotes"]),
        ("8 quotes: output quote matching none", "output quotes with a speaker", c["q_wrong"], n["sys_quotes"]),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("coded", type=Path)
    ap.add_argument("--ids", type=Path)
    a = ap.parse_args()
    rows = count(a.gold, a.coded, read_ids(a.ids) if a.ids else None)
    print("| failure class | errors | of |")
    print("|---|---|---|")
    for name, base, k, total in rows:
        print(f"| {name} | {k} | {total} {base} |")


if __name__ == "__main__":
    main()
