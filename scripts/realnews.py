"""The real-news development corpus (corpora/realnews/): sources, splits, the input batch.

The gold records (``gold/<id>.json``) and ``sources.jsonl`` are ours and committed; the
article texts are third-party and live only in the git-ignored ``texts/`` folder, each
the page text exactly as the search tool's ``pages`` corpus returned it (sha256 in
``sources.jsonl``). Commands:

    python scripts/realnews.py merge     # sources.d/*.jsonl -> sources.jsonl (sorted, checked)
    python scripts/realnews.py split     # splits/{dev,validation,test}.txt, by a hash of each id
    python scripts/realnews.py verify    # which texts are missing or differ from their sha256
    python scripts/realnews.py batch OUT.jsonl [--split dev]   # the input batch for `eventcoder code`

``verify`` exits 1 when a text is missing or changed: refill it as corpora/realnews/README.md
says (search the ``pages`` corpus for its URL or title and save the text as returned);
a page the store no longer has is replaced by another article, never guessed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "corpora" / "realnews"
# Split sizes: 50 scored once, at the end; of the 150 developed on, 30 held out while
# choosing between approaches.
TEST, VALIDATION, HOLDOUT2 = 50, 30, 15


def _sources(root: Path) -> list[dict]:
    path = root / "sources.jsonl"
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def merge(root: Path) -> int:
    """Join the per-annotator source lists; keep only records with a gold file; check ids."""
    rows: dict[str, dict] = {}
    for part in sorted((root / "sources.d").glob("*.jsonl")):
        for ln in part.read_text(encoding="utf-8").splitlines():
            if ln.strip():
                rec = json.loads(ln)
                rows[rec["id"]] = rec
    kept = [r for i, r in sorted(rows.items()) if (root / "gold" / f"{i}.json").is_file()]
    urls: dict[str, str] = {}
    for r in kept:
        if r.get("url") in urls:
            print(f"duplicate url: {r['id']} and {urls[r['url']]}", file=sys.stderr)
        urls[r.get("url")] = r["id"]
    with open(root / "sources.jsonl", "w", encoding="utf-8") as fh:
        for r in kept:
            fh.write(json.dumps({k: r.get(k) for k in ("id", "url", "outlet", "title", "published", "chars", "sha256")},
                                ensure_ascii=False) + "\n")
    print(f"{len(kept)} sources ({len(rows) - len(kept)} without gold dropped)")
    return 0


def split(root: Path) -> int:
    """Assign ids to test, validation and dev by the sha1 of the id.

    ``fresh`` (``-051`` to ``-060``) is its own list, never written here; ``dev2`` and
    ``holdout2`` split session 5's articles (``-061`` to ``-070``) the same way; ``dev3`` holds
    its second round (``-071`` to ``-080``), all to develop on.
    The ranking runs over every id the annotators were given (``rn-<region>-001`` to
    ``-050`` for the four regions), fixed before any article was coded, so an id's split
    never depends on which other articles made it into the corpus: the first 50 in hash
    order are test, the next 30 validation, the rest dev.
    """
    planned = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(1, 51)]
    ranked = sorted(planned, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    # session 5's annotators: rn-<region>-061 to -070, ranked the same way: the first 15
    # held out until the session's end (holdout2), the rest to develop on (dev2)
    planned2 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(61, 71)]
    ranked2 = sorted(planned2, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    fresh = {f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(51, 61)}
    # session 5's second round (-071 to -080): all to develop on (dev3)
    planned3 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(71, 81)]
    # session 6's round (-081 to -090), ranked the same way: the first 15 held out until the
    # session's end (holdout3), the rest to develop on (dev4)
    planned4 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(81, 91)]
    ranked4 = sorted(planned4, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    # session 6's second round (-091 to -100): scored once before anyone read it, then developed on (dev5)
    planned5 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(91, 101)]
    # session 7's round (-101 to -110), ranked the same way: the first 20 held out (holdout4:
    # scored at the session's start and end only, never read), the rest scored first, then
    # developed on (dev6)
    planned6 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(101, 111)]
    ranked6 = sorted(planned6, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    # session 7's second round (-111 to -120): scored once mid-session before anyone read it
    # (with the coder of the session's start and of that moment), then developed on (dev7)
    planned7 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(111, 121)]
    # session 8's round (-121 to -130): scored before anyone read it (with the coder of the
    # session's start and of that moment), then developed on (dev8)
    planned8 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(121, 131)]
    # session 8's second round (-131 to -140): held out (holdout5), never read; scored with the
    # session's starting coder and its final one
    planned9 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(131, 141)]
    # session 9's rounds: -141 to -150 scored before anyone read it, then developed on (dev9);
    # -151 to -160 held out (holdout6), never read, scored at the session's start and end
    planned10 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(141, 151)]
    planned11 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(151, 161)]
    # session 10's rounds: -161 to -170 scored before anyone read it, then developed on (dev10);
    # -171 to -180 held out (holdout7), never read, scored at the session's start and end
    planned12 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(161, 171)]
    planned13 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(171, 181)]
    # session 10's third round (-181 to -190, harder articles asked for: roundups, remote
    # violence): scored before anyone read it, then developed on (dev11)
    planned14 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(181, 191)]
    # session 11's rounds: -191 to -200 scored before anyone read it, then developed on
    # (dev12); -201 to -210 held out (holdout8), never read, scored at the session's start and end
    planned15 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(191, 201)]
    planned16 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(201, 211)]
    # session 11's third round (-211 to -220, explosions/remote violence, riots and strategic
    # developments asked for): scored before anyone read it, then developed on (dev13)
    planned17 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(211, 221)]
    # session 13's round (-221 to -230), ranked by hash: the first 20 held out (holdout9: never
    # read, scored at the session's start, mid-session and end), the rest scored before anyone
    # read it, then developed on (dev14)
    planned18 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(221, 231)]
    ranked18 = sorted(planned18, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    # session 14's round (-231 to -240), the same way: holdout10 (never read) and dev15
    planned19 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(231, 241)]
    ranked19 = sorted(planned19, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    # session 15's round (-241 to -250), the same way: holdout11 (never read) and dev16
    planned20 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(241, 251)]
    ranked20 = sorted(planned20, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    # session 16's round (-251 to -260), the same way: holdout12 (never read) and dev17
    planned21 = [f"rn-{r}-{n:03d}" for r in ("afr", "ame", "asia", "mena") for n in range(251, 261)]
    ranked21 = sorted(planned21, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    have = {r["id"] for r in _sources(root)}
    extra = sorted(have - set(planned) - set(planned2) - set(planned3) - set(planned4) - set(planned5)
                   - set(planned6) - set(planned7) - set(planned8) - set(planned9) - set(planned10)
                   - set(planned11) - set(planned12) - set(planned13) - set(planned14) - set(planned15) - set(planned16) - set(planned17)
                   - set(planned18) - set(planned19) - set(planned20) - set(planned21) - fresh)
    parts = {"test": [i for i in ranked[:TEST] if i in have],
             "validation": [i for i in ranked[TEST:TEST + VALIDATION] if i in have],
             "dev": [i for i in ranked[TEST + VALIDATION:] if i in have] + extra,
             "holdout2": [i for i in ranked2[:HOLDOUT2] if i in have],
             "dev2": [i for i in ranked2[HOLDOUT2:] if i in have],
             "dev3": [i for i in planned3 if i in have],
             "holdout3": [i for i in ranked4[:HOLDOUT2] if i in have],
             "dev4": [i for i in ranked4[HOLDOUT2:] if i in have],
             "dev5": [i for i in planned5 if i in have],
             "holdout4": [i for i in ranked6[:20] if i in have],
             "dev6": [i for i in ranked6[20:] if i in have],
             "dev7": [i for i in planned7 if i in have],
             "dev8": [i for i in planned8 if i in have],
             "holdout5": [i for i in planned9 if i in have],
             "dev9": [i for i in planned10 if i in have],
             "holdout6": [i for i in planned11 if i in have],
             "dev10": [i for i in planned12 if i in have],
             "holdout7": [i for i in planned13 if i in have],
             "dev11": [i for i in planned14 if i in have],
             "dev12": [i for i in planned15 if i in have],
             "holdout8": [i for i in planned16 if i in have],
             "dev13": [i for i in planned17 if i in have],
             "holdout9": [i for i in ranked18[:20] if i in have],
             "dev14": [i for i in ranked18[20:] if i in have],
             "holdout10": [i for i in ranked19[:20] if i in have],
             "dev15": [i for i in ranked19[20:] if i in have],
             "holdout11": [i for i in ranked20[:20] if i in have],
             "dev16": [i for i in ranked20[20:] if i in have],
             "holdout12": [i for i in ranked21[:20] if i in have],
             "dev17": [i for i in ranked21[20:] if i in have]}
    (root / "splits").mkdir(exist_ok=True)
    for name, part in parts.items():
        (root / "splits" / f"{name}.txt").write_text(
            f"# {name} split of corpora/realnews ({len(part)} articles; scripts/realnews.py split)\n"
            + "\n".join(sorted(part)) + "\n", encoding="utf-8")
        print(f"{name}: {len(part)}")
    return 0


def verify(root: Path) -> int:
    """Check every text against its recorded sha256; list what is missing or changed."""
    bad = 0
    for r in _sources(root):
        path = root / "texts" / f"{r['id']}.txt"
        if not path.is_file():
            print(f"missing  {r['id']}  {r['url']}")
            bad += 1
        elif hashlib.sha256(path.read_bytes()).hexdigest() != r["sha256"]:
            print(f"changed  {r['id']}  {r['url']}")
            bad += 1
    print(f"{bad} of {len(_sources(root))} texts missing or changed")
    return 1 if bad else 0


def batch(root: Path, out: Path, split_name: str | None) -> int:
    """Write the input batch: one JSON line per article with id, url, published and text."""
    wanted = None
    if split_name:
        lines = (root / "splits" / f"{split_name}.txt").read_text(encoding="utf-8").splitlines()
        wanted = {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for r in _sources(root):
            if wanted is not None and r["id"] not in wanted:
                continue
            path = root / "texts" / f"{r['id']}.txt"
            if not path.is_file():
                print(f"skipped {r['id']}: no text (see corpora/realnews/README.md)", file=sys.stderr)
                continue
            gold = json.loads((root / "gold" / f"{r['id']}.json").read_text(encoding="utf-8"))
            fh.write(json.dumps({"id": r["id"], "url": r["url"], "published": gold.get("published"),
                                 "text": path.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} articles written to {out}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["merge", "split", "verify", "batch"])
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--split", dest="split_name")
    ap.add_argument("--root", type=Path, default=ROOT)
    a = ap.parse_args()
    if a.command == "merge":
        return merge(a.root)
    if a.command == "split":
        return split(a.root)
    if a.command == "verify":
        return verify(a.root)
    if a.out is None:
        ap.error("batch needs an output file")
    return batch(a.root, a.out, a.split_name)


if __name__ == "__main__":
    sys.exit(main())
