"""Score coded articles against gold records, exactly as ../shared/gold/FORMAT.md defines.

Events: candidates are (system, gold) pairs with the same event type and country;
similarity = [sub-type equal] + [dates within a day, both null counts] + [admin1
matches, or gold admin1 empty] + [fatalities equal]; pairs are made greedily
(highest similarity, then gold order, then system order). Pairs with a required
gold event are true positives; system events in no pair are false positives
(a pair with an optional gold event is neither); required gold events in no pair
are false negatives. Field accuracy is over true-positive pairs. Measures pair on
measure, country and start date (within a day). Quotes: a gold quote is found when
a system quote's normalised text contains the first 40 characters of the
normalised ``starts_with`` and the speaker matches.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventcoder.errors import InputError
from eventcoder.resolve.gazetteer import km_between

_ADMIN_WORDS = {"province", "governorate", "state", "region", "district", "department", "county", "oblast",
                "division", "prefecture", "municipality", "territory"}


def normalise(name: str | None, *, admin: bool = False) -> str:
    """FORMAT.md's name normalisation: accents removed, case folded, punctuation dropped,
    a parenthesised year range removed, "al-"/"el-" joined to the word, and for admin1
    and location the admin words dropped."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)", " ", s)
    s = s.casefold()
    s = re.sub(r"\b(al|el)[-\s]+(?=\w)", r"\1", s)
    s = re.sub(r"[^\w\s]", " ", s)
    words = s.split()
    if admin:
        words = [w for w in words if w not in _ADMIN_WORDS]
    return " ".join(words)


def name_matches(system: str | None, gold: list[str], *, admin: bool = False) -> bool:
    """A system name matches a gold list when it equals a name, or one starts with the other
    followed by a space."""
    s = normalise(system, admin=admin)
    if not s:
        return False
    for g in gold:
        n = normalise(g, admin=admin)
        if not n:
            continue
        if s == n or s.startswith(n + " ") or n.startswith(s + " "):
            return True
    return False


def _dates_close(a: str | None, b: str | None) -> bool:
    if a is None and b is None:
        return True
    if a is None or b is None:
        return False
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= 1
    except ValueError:
        return False


def admin_ok(s: dict, g: dict) -> bool:
    return not g.get("admin1") or name_matches(s.get("admin1"), g["admin1"], admin=True)


def _similarity(s: dict, g: dict) -> int:
    return (int(s.get("sub_event_type") == g.get("sub_event_type"))
            + int(_dates_close(s.get("event_date"), g.get("event_date")))
            + int(admin_ok(s, g))
            + int(s.get("fatalities") == g.get("fatalities")))


def pair_events(system: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """Greedy pairs ``(system index, gold index)`` by FORMAT.md's rule."""
    cands = []
    for si, s in enumerate(system):
        for gi, g in enumerate(gold):
            if s.get("event_type") == g.get("event_type") and (s.get("country") or "") == (g.get("country") or ""):
                cands.append((-_similarity(s, g), gi, si))
    cands.sort()
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _neg, gi, si in cands:
        if si in used_s or gi in used_g:
            continue
        used_s.add(si)
        used_g.add(gi)
        pairs.append((si, gi))
    return pairs


def actor_ok(s: dict, g: dict, which: str, country: str | None) -> bool:
    gold_names = g.get(which) or []
    sys_name = s.get(which)
    if not gold_names:
        return not sys_name
    if name_matches(sys_name, gold_names):
        return True
    inter = "inter1" if which == "actor1" else "inter2"
    if s.get(inter) == 1 and g.get(inter) == 1 and sys_name and country and (
            country.casefold() in sys_name.casefold() or _country_in(sys_name, country)):
        return True
    return False


def _country_in(name: str, iso2: str) -> bool:
    import pycountry

    c = pycountry.countries.get(alpha_2=iso2)
    if c is None:
        return False
    names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
    return any(n and n.casefold() in name.casefold() for n in names)


@dataclass
class Counter:
    """Counts for precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    """Everything FORMAT.md's scoring reports, accumulated over articles."""

    events: Counter = field(default_factory=Counter)
    measures: Counter = field(default_factory=Counter)
    fields: dict[str, list[int]] = field(default_factory=dict)
    strict: list[int] = field(default_factory=list)
    relevance: list[int] = field(default_factory=list)
    quotes_found: list[int] = field(default_factory=list)
    quote_precision: list[int] = field(default_factory=list)
    articles: int = 0
    per_article: list[dict[str, Any]] = field(default_factory=list)

    def add_field(self, name: str, ok: bool) -> None:
        self.fields.setdefault(name, []).append(int(ok))

    def as_dict(self) -> dict[str, Any]:
        def acc(xs: list[int]) -> float | None:
            return round(sum(xs) / len(xs), 4) if xs else None

        return {
            "articles": self.articles,
            "events": self.events.scores(),
            "fields": {k: acc(v) for k, v in sorted(self.fields.items())},
            "strict_event_accuracy": acc(self.strict),
            "relevance_accuracy": acc(self.relevance),
            "measures": self.measures.scores(),
            "quotes": {"recall": acc(self.quotes_found), "precision": acc(self.quote_precision),
                       "gold": len(self.quotes_found), "system_with_speaker": len(self.quote_precision)},
            "per_article": self.per_article,
        }


def score_article(pred: dict, gold: dict, scores: Scores) -> None:
    """Add one article's comparison to ``scores``."""
    scores.articles += 1
    sys_events = pred.get("events") or []
    gold_events = gold.get("events") or []
    pairs = pair_events(sys_events, gold_events)
    paired_s = {si for si, _ in pairs}
    paired_g = {gi for _, gi in pairs}
    tp = fp = fn = 0
    for si, gi in pairs:
        s, g = sys_events[si], gold_events[gi]
        if g.get("optional"):
            continue
        tp += 1
        scores.add_field("sub_event_type", s.get("sub_event_type") == g.get("sub_event_type"))
        exact = s.get("event_date") == g.get("event_date")
        scores.add_field("event_date_exact", exact)
        scores.add_field("event_date_within_1_day", _dates_close(s.get("event_date"), g.get("event_date")))
        scores.add_field("time_precision", s.get("time_precision") == g.get("time_precision"))
        country = g.get("country")
        for which in ("actor1", "actor2"):
            ok = actor_ok(s, g, which, country)
            if not ok and g.get("sub_event_type") == "Agreement":
                other = "actor2" if which == "actor1" else "actor1"
                ok = name_matches(s.get(other), g.get(which) or []) or (not g.get(which) and not s.get(other))
            scores.add_field(which, ok)
        admin = admin_ok(s, g)
        scores.add_field("admin1", admin)
        loc = name_matches(s.get("location"), g.get("location") or [], admin=True)
        if not loc and None not in (s.get("latitude"), s.get("longitude"), g.get("latitude"), g.get("longitude")):
            loc = km_between(s["latitude"], s["longitude"], g["latitude"], g["longitude"]) <= 25
        scores.add_field("location", loc)
        sf, gf = s.get("fatalities"), g.get("fatalities")
        scores.add_field("fatalities_exact", sf == gf)
        within = sf == gf or (isinstance(sf, int) and isinstance(gf, int) and gf != 0 and abs(sf - gf) <= 0.2 * gf)
        scores.add_field("fatalities_within_20pct", within)
        scores.strict.append(int(exact and admin and sf == gf))
    for si in range(len(sys_events)):
        if si not in paired_s:
            fp += 1
    for gi, g in enumerate(gold_events):
        if not g.get("optional") and gi not in paired_g:
            fn += 1
            scores.strict.append(0)
    scores.events.tp += tp
    scores.events.fp += fp
    scores.events.fn += fn
    # relevance
    sys_rel = pred.get("relevant")
    if sys_rel is None:
        sys_rel = bool(sys_events or pred.get("measures"))
    scores.relevance.append(int(bool(sys_rel) == bool(gold.get("relevant"))))
    # measures
    m_tp, m_fp, m_fn = _score_measures(pred.get("measures") or [], gold.get("measures") or [])
    scores.measures.tp += m_tp
    scores.measures.fp += m_fp
    scores.measures.fn += m_fn
    # quotes
    _score_quotes(pred.get("quotes") or [], gold.get("quotes") or [], scores)
    scores.per_article.append({"id": gold.get("id"), "tp": tp, "fp": fp, "fn": fn,
                               "error": (pred.get("error") or {}).get("reason") if pred.get("error") else None})


def _score_measures(system: list[dict], gold: list[dict]) -> tuple[int, int, int]:
    cands = []
    for si, s in enumerate(system):
        for gi, g in enumerate(gold):
            if s.get("measure") != g.get("measure") or (s.get("country") or "") != (g.get("country") or ""):
                continue
            if g.get("start_date") is not None and not _dates_close(s.get("start_date"), g.get("start_date")):
                continue
            cands.append((gi, si))
    used_s: set[int] = set()
    used_g: set[int] = set()
    tp = 0
    for gi, si in sorted(cands):
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        if not gold[gi].get("optional"):
            tp += 1
    fp = sum(1 for si in range(len(system)) if si not in used_s)
    fn = sum(1 for gi, g in enumerate(gold) if not g.get("optional") and gi not in used_g)
    return tp, fp, fn


def _speaker_ok(system: str | None, gold: list[str]) -> bool:
    if name_matches(system, gold):
        return True
    s = normalise(system).split()
    return bool(s) and any(normalise(g).split()[-1:] == s[-1:] for g in gold if normalise(g))


def quote_hits(q: dict, g: dict) -> bool:
    want = normalise(g.get("starts_with"))[:40]
    return bool(want) and want in normalise(q.get("text")) and _speaker_ok(q.get("speaker"), g.get("speaker") or [])


def _score_quotes(system: list[dict], gold: list[dict], scores: Scores) -> None:
    for g in gold:
        scores.quotes_found.append(int(any(quote_hits(q, g) for q in system)))
    for q in system:
        if q.get("speaker"):
            scores.quote_precision.append(int(any(quote_hits(q, g) for g in gold)))


def load_gold(gold_dir: Path, *, texts: Path | None = None,
              ids: set[str] | None = None) -> list[tuple[dict, Path | None]]:
    """Gold records in a folder, each with its article file (``<id>.txt|.html``).

    Args:
        gold_dir: folder of ``<id>.json`` gold records (FORMAT.md).
        texts: folder holding the articles when they are kept apart from the gold (the
            real-news corpus keeps third-party texts in a git-ignored folder); default:
            beside each record.
        ids: score only these record ids (a split of the corpus); default all.

    Returns:
        ``(record, article path or None)`` in id order; None where the text is missing.

    Raises:
        InputError: the folder has no gold records, a record is not valid JSON, or
            ``texts`` is not a folder.
    """
    if not gold_dir.is_dir():
        raise InputError(str(gold_dir), "not a folder of gold records")
    if texts is not None and not texts.is_dir():
        hint = ""
        if texts.name == "texts" and (texts.parent / "sources.jsonl").is_file():
            # the real-news corpus keeps its third-party texts out of git
            hint = f" (the texts are not in git: {texts.parent / 'README.md'} says how to refill them)"
        raise InputError(str(texts), "not a folder of article texts" + hint)
    out = []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            rec = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as err:
            raise InputError(str(path), f"not valid JSON ({err})") from err
        if not isinstance(rec, dict) or "events" not in rec:
            continue
        rec.setdefault("id", path.stem)
        if ids is not None and str(rec["id"]) not in ids:
            continue
        article = None
        base = (texts / path.name) if texts is not None else path
        for ext in (".txt", ".html", ".htm"):
            cand = base.with_suffix(ext)
            if cand.is_file():
                article = cand
                break
        out.append((rec, article))
    if not out:
        raise InputError(str(gold_dir), "no gold records (<id>.json) in the folder")
    return out


def gold_as_prediction(rec: dict) -> dict:
    """A gold record in the coder's output shape, to score one annotator against another.

    Every name list becomes its first (canonical) name; optional events are kept as
    events (a second coder who coded them is not penalised: they pair with the first
    coder's events, optional or not).
    """
    def first(v: Any) -> Any:
        return (v[0] if v else None) if isinstance(v, list) else v

    events = [{k: first(v) for k, v in ev.items()} for ev in rec.get("events") or []]
    measures = [{k: first(v) for k, v in m.items()} for m in rec.get("measures") or []]
    quotes = [{"speaker": first(q.get("speaker")), "role": q.get("role"), "organization": q.get("organization"),
               "text": q.get("starts_with") or ""} for q in rec.get("quotes") or []]
    return {"id": rec.get("id"), "relevant": rec.get("relevant"), "events": events, "measures": measures,
            "quotes": quotes}


def read_ids(path: Path) -> set[str]:
    """Record ids from a split file: one id a line, ``#`` comments and blank lines skipped.

    Raises:
        InputError: the file cannot be read.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(str(path), f"cannot read the id list ({err.strerror})") from err
    return {ln.split("#", 1)[0].strip() for ln in lines if ln.split("#", 1)[0].strip()}


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table of the scores."""
    e = result["events"]
    lines = [
        f"articles              {result['articles']}",
        f"events                P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}  (tp {e['tp']}, fp {e['fp']}, fn {e['fn']})",
        f"strict event accuracy {result['strict_event_accuracy'] if result['strict_event_accuracy'] is not None else '-'}",
        f"relevance accuracy    {result['relevance_accuracy']}",
    ]
    lines.append("field accuracy (true-positive pairs)")
    for k, v in result["fields"].items():
        lines.append(f"  {k:<24}{v if v is not None else '-'}")
    m = result["measures"]
    lines.append(f"measures              P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  (tp {m['tp']}, fp {m['fp']}, fn {m['fn']})")
    q = result["quotes"]
    lines.append(f"quotes                recall {q['recall']}  precision {q['precision']}  (gold {q['gold']}, system with speaker {q['system_with_speaker']})")
    return "\n".join(lines)
