"""Score the coder on the written probe reports of ``corpora/probes/`` (session 9).

usage: python scripts/score_probes.py [FILE.jsonl ...] [--half developed|kept] [--show]

Each line is one short report written for the project by a helper who never saw the
coder: ``{"id", "published", "text", "expected": [events], "optional": [events]}``, each
event with event_type, sub_event_type, location, country, actor1, actor2, fatalities and
event_date. Events pair as in ``eventcoder evaluate`` (event type and country, then the
closest fields). Items with odd ids were read and developed on; items with even ids are
kept aside (``--half kept``) and give the honest figure. Prints tp/fp/fn, event P/R/F1 and
sub-event type, location and fatalities agreement over the pairs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventcoder.evaluate import pair_events
from eventcoder.pipeline import Pipeline

HERE = Path(__file__).resolve().parents[1] / "corpora" / "probes"
FIELDS = ("event_type", "sub_event_type", "country", "location", "fatalities", "actor1", "actor2", "event_date")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--half", choices=("developed", "kept"))
    ap.add_argument("--show", action="store_true", help="print every item the coder gets wrong")
    a = ap.parse_args()
    files = a.files or sorted(HERE.glob("*.jsonl"))
    pipe = Pipeline()
    tp = fp = fn = n = sub = loc = fat = 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            odd = int("".join(c for c in item["id"] if c.isdigit())) % 2 == 1
            if (a.half == "developed" and not odd) or (a.half == "kept" and odd):
                continue
            coded = pipe.code(item["text"], published=item["published"])
            system = [{k: getattr(e, k) for k in FIELDS} for e in coded.events]
            required = item["expected"]
            gold = required + [dict(o, optional=True) for o in item.get("optional") or []]
            pairs = pair_events(system, gold)
            hits = [(s, g) for s, g in pairs if not gold[g].get("optional")]
            tp += len(hits)
            fp += len(system) - len(pairs)
            fn += len(required) - len(hits)
            for s, g in hits:
                n += 1
                sub += system[s]["sub_event_type"] == gold[g]["sub_event_type"]
                loc += (system[s]["location"] or "").casefold() == (gold[g]["location"] or "").casefold()
                fat += system[s]["fatalities"] == gold[g]["fatalities"]
            if a.show and (len(hits) != len(required) or len(pairs) != len(system)):
                print(f"== {item['id']} {item['text'][:300]}")
                for e in system:
                    print("   got     ", e["sub_event_type"], e["location"], e["country"], e["fatalities"], e["actor1"], "/", e["actor2"])
                for e in required:
                    print("   expected", e["sub_event_type"], e["location"], e["country"], e["fatalities"], e["actor1"], "/", e.get("actor2"))
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    f1 = 2 * p * r / max(p + r, 1e-9)
    print(f"events tp {tp} fp {fp} fn {fn}  P {p:.3f} R {r:.3f} F1 {f1:.3f} | sub-event type {sub}/{n}, "
          f"location {loc}/{n}, fatalities {fat}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
