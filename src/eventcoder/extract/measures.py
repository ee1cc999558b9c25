"""Government measures: curfews, lockdowns, closures, gathering bans, internet shutdowns,
states of emergency, mourning (FORMAT.md, "Measures"; lexicon in ``data/measures.yaml``).

A measure is coded when the text says it was imposed or is in force, with its stated start
(announced measures included); measures only proposed, demanded, or that someone merely has
the power to impose ("can impose curfews") are not; nor are "lockdowns" ordered by armed
groups. Start and end dates resolve against the publication date like event dates, except
that a weekday after "from", "until" or "to" in an announcement may lie ahead of publication.
"""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

import yaml

from eventcoder.extract.dates import WEEKDAYS, DateMention, find_dates
from eventcoder.models import Article, Evidence, Measure
from eventcoder.resolve.dates import resolve as resolve_date

if TYPE_CHECKING:
    from eventcoder.nlp import Sentence
    from eventcoder.resolve.actors import ActorDictionary
    from eventcoder.resolve.places import PlaceResolver

_MODAL = re.compile(
    r"\b(?:can|could|may(?!\s+\d)|might|would be able to|propos(?:ed|es|al)|calls? for|called for|calling for|"
    r"demand(?:ed|s|ing)?|urg(?:ed|es|ing)|threaten(?:ed|s|ing)?|consider(?:ing|s|ed)?|plans? to|powers? to|"
    r"allow(?:s|ed)? (?:it|them|the \w+) to|no need for|ruled out|rejected|lift(?:ed|ing|s)?|ended|end to|such|often|usually|"
    r"typically|regularly|frequently)\b",
    re.I,
)
_CLAUSE = re.compile(r";|,\s*(?:after|as|because|when|while|which|who)\s|\s(?:after|because|when|while)\s|,?\s+and that\s"
                     # "lifted the state of emergency in Borno and imposed a curfew in Yola": two orders
                     r"|\s+and\s+(?=(?:imposed|declared|ordered|announced|introduced|extended|reimposed)\b)")
_RELATIVE = re.compile(r"^(?:,\s*(?:which|who)\s)")
_ARMED_WORDS = re.compile(r"\b(?:bandit|militant|rebel|separatist|insurgent|jihadist|gang|militia)s?\b", re.I)
_NATIONAL = re.compile(r"\b(?:nationwide|national|across the country|countrywide|throughout the country)\b", re.I)
_HOURS = re.compile(
    r"\b(?P<a>\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm))\s*(?:to|-|–|until|and)\s*(?P<b>\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm))"
    r"|\b(?P<dd>dusk-to-dawn|dawn-to-dusk|sunset-to-sunrise|24-hour)\b",
    re.I,
)
_DURATION = re.compile(r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+)[- ](?P<u>day|week|month|year)s?\b"
                       r"|\bfor (?P<n2>one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+) (?P<u2>day|week|month|year)s?\b", re.I)
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "twelve": 12}
_IMPOSER = re.compile(
    r"(?:^|[,;—]\s*|\b(?:after|as)\s+)(?P<by>(?:the\s+)?[A-Za-z][\w'’ -]{1,60}?)\s+(?:has\s+|have\s+|had\s+|also\s+)?"
    r"(?:imposed|declared|ordered|announced|banned|suspended|introduced|extended|decided|approved|closed|shut)\b"
)
_NOT_IMPOSER = re.compile(r"(?i)\b(?:was|were|is|are|been|being|says|said|say|told|monday|tuesday|wednesday|thursday|friday|saturday|"
                          r"sunday|today|yesterday|january|february|march|april|june|july|august|september|"
                          r"october|november|december)\b|\d{4}")
_APPROVED_BY = re.compile(r"\b(?:approved|ordered|imposed|declared|announced) by\s+(?:the\s+)?(?P<by>[^,.;]{3,60})")


@dataclass(frozen=True)
class MeasureLexicon:
    """Compiled measure patterns (``data/measures.yaml``)."""

    patterns: dict[str, list[re.Pattern[str]]]
    needs_order: frozenset[str]
    order: re.Pattern[str]
    any_pattern: re.Pattern[str] | None = None

    @classmethod
    def load(cls) -> MeasureLexicon:
        data = yaml.safe_load(importlib.resources.files("eventcoder.data").joinpath("measures.yaml").read_text(encoding="utf-8"))
        pats = {m: [re.compile(p, re.I) for p in spec["patterns"]] for m, spec in data["measures"].items()}
        needs = frozenset(data["measures"])
        any_pattern = re.compile("|".join(f"(?:{p.pattern})" for ps in pats.values() for p in ps), re.I)
        return cls(pats, needs, re.compile(r"\b" + data["order_words"], re.I), any_pattern)

    def candidate(self, text: str) -> bool:
        """Whether any measure pattern occurs in the text (one compiled alternation)."""
        if self.any_pattern is not None:
            return self.any_pattern.search(text) is not None
        return any(p.search(text) for ps in self.patterns.values() for p in ps)


@dataclass
class _Mention:
    measure: str
    start: int
    end: int
    text: str
    sentence: Sentence
    start_date: date | None
    end_date: date | None
    date_span: DateMention | None
    hours: str | None
    imposed_by: str | None
    admin1: str | None
    national: bool
    country: str | None = None
    duration: tuple[int, str] | None = None
    explicit_by: bool = False


def _clause(text: str, pos: int) -> tuple[int, int]:
    a, b = 0, len(text)
    for m in _CLAUSE.finditer(text):
        if m.start() <= pos:
            a = m.end()
        else:
            b = m.start()
            break
    return a, b


def _forward_weekday(d: DateMention, anchor: date) -> date | None:
    w = next((i for i, name in enumerate(WEEKDAYS) if name in d.text.lower()), None)
    if w is None:
        return None
    return anchor + timedelta(days=(w - anchor.weekday()) % 7)


def _nearest_year(d: date, anchor: date) -> date:
    """A month and day without a year may be ahead of publication in an announcement."""
    candidates = [d.replace(year=anchor.year - 1), d.replace(year=anchor.year), d.replace(year=anchor.year + 1)]
    return min(candidates, key=lambda x: abs((x - anchor).days))


def _resolve(d: DateMention, published: date | None, *, forward_from: date | None) -> date | None:
    if d.kind == "weekday" and forward_from is not None:
        return _forward_weekday(d, forward_from)
    resolved, _prec = resolve_date(d, published)
    if resolved is not None and d.kind == "absolute" and published is not None and not re.search(r"\d{4}", d.text):
        return _nearest_year(resolved, published)
    return resolved


def _add_duration(start: date, n: int, unit: str) -> date:
    if unit == "day":
        return start + timedelta(days=n)
    if unit == "week":
        return start + timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    y, m = divmod(start.month - 1 + months, 12)
    day = min(start.day, 28)
    return date(start.year + y, m + 1, day if start.day > 28 else start.day)


def _dates(sent: str, offset: int, a: int, b: int, published: date | None,
           cut: int = 0) -> tuple[date | None, date | None, DateMention | None]:
    """Start and end dates stated in the clause [a, b) of a sentence."""
    everything = [d for d in find_dates(sent, offset) if d.kind not in ("year", "old") and d.start - offset >= cut]
    found = [d for d in everything if a <= d.start - offset < b]
    if not found:
        # "The curfew, which runs from 6 p.m., took effect on Wednesday": a relative clause
        # about the measure, and the main clause it sits in, may date it; a cause ("after ...") may not
        for m in _CLAUSE.finditer(sent):
            if m.start() >= b and _RELATIVE.match(sent[m.start():m.end()]):
                found = [d for d in everything if d.start - offset >= b and not any(
                    x.start() < d.start - offset and not _RELATIVE.match(sent[x.start():x.end()])
                    for x in _CLAUSE.finditer(sent) if x.start() >= b)]
                break
    # "Tuesday, Oct. 31": the absolute date wins over the weekday beside it
    found = [d for d in found if not (d.kind == "weekday" and any(
        x.kind == "absolute" and 0 <= x.start - d.end <= 3 for x in found))]
    future = re.search(r"\b(?:will|would|from|starting|as of|effective)\b", sent, re.I) is not None
    start = end = None
    start_span = None
    for d in found:
        before = sent[max(0, d.start - offset - 25):d.start - offset].lower()
        if re.search(r"\b(?:until|till|to|through|ending)(?:\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?)?"
                     r"(?:\s+[\d:.]+\s*(?:a\.m\.|p\.m\.|am|pm)?)?\s*(?:on\s+)?$", before):
            end = _resolve(d, published, forward_from=(start or published) if published else None)
        elif start is None:
            fwd = published if (future and re.search(
                r"\b(?:from|starting|as of|effective|(?:will|would|to|is to|are to|set to)\s+(?:begin|start|run|last|take effect|come into (?:effect|force))(?:\s+on)?)\s*$",
                before)) else None
            start = _resolve(d, published, forward_from=fwd)
            start_span = d
    if start is None:
        # a reporting date ("told state television on Friday") is the date of the announcement
        rep = [d for d in find_dates(sent, offset) if d.reporting and d.start - offset >= cut]
        if rep:
            start = _resolve(rep[0], published, forward_from=None)
            start_span = rep[0]
    return start, end, start_span


def find_measures(article: Article, sentences: list[Sentence], countries: list[str], lexicon: MeasureLexicon,
                  actors: ActorDictionary, places: PlaceResolver | None) -> list[Measure]:
    """The government measures an article reports, one per measure and start date.

    Args:
        article: the cleaned article.
        sentences: its sentences (titles and captions are skipped).
        countries: the article's countries, focus first (the measure's country).
        lexicon: measure patterns.
        actors: to recognise armed groups announcing their own "lockdowns".
        places: to find the first-level division a measure applies to.
    """
    from eventcoder.clean import dateline_end
    from eventcoder.extract.places import find_toponyms
    from eventcoder.resolve.dates import parse_published

    published, _year = parse_published(article.published)
    first_body = next((s for s in sentences if not s.is_title and not s.is_caption), None)
    mentions: list[_Mention] = []
    for s in sentences:
        if s.is_title or s.is_caption or not lexicon.candidate(s.text):
            continue
        for measure, pats in lexicon.patterns.items():
            for pat in pats:
                for m in pat.finditer(s.text):
                    a, b = _clause(s.text, m.start())
                    window = s.text[max(a, m.start() - 80):m.start()]
                    if _MODAL.search(window):
                        continue
                    if measure in lexicon.needs_order and not lexicon.order.search(s.text):
                        continue
                    if (any(x.kind in ("group", "unidentified") for x in actors.find(s.text[:m.start()], s.start))
                            or _ARMED_WORDS.search(s.text[:m.start()])) and not re.search(
                               r"\b(?:government|authorities|ministry|governor|council|police|army|magistrates?)\b",
                               s.text[:m.start()], re.I):
                        continue  # an armed group's own "lockdown" is not a government measure
                    cut = dateline_end(s.text) if s is first_body else 0
                    start, end, span = _dates(s.text, s.start, a, b, published, cut)
                    duration = None
                    dm = next((x for x in _DURATION.finditer(s.text) if 0 <= m.start() - x.end() <= 12), None)
                    if dm:
                        n = dm.group("n") or dm.group("n2")
                        k = int(n) if n.isdigit() else _NUM.get(n.lower())
                        if k:
                            duration = (k, (dm.group("u") or dm.group("u2")).lower())
                    hm = _HOURS.search(s.text)
                    hours = (f"{hm.group('a')}–{hm.group('b')}" if hm.group("a") else hm.group("dd")) if hm else None
                    explicit_by = _APPROVED_BY.search(s.text)
                    by = explicit_by or _IMPOSER.search(s.text[cut:m.end()])
                    imposer = re.split(r"\s+(?:that|which|who)\s+", by.group("by").strip())[0] if by else None
                    if imposer and (imposer.lower() in ("it", "they", "he", "she") or len(imposer.split()) > 8
                                    or _NOT_IMPOSER.search(imposer)):
                        imposer = None  # (nor a date, "Wednesday 10 August 2022", nor a clause, "internet ... was")
                    admin1 = None
                    country = None
                    # the divisions a list of places names ("in Port Said, Suez and Ismailia")
                    listed: list[tuple[str, str]] = []
                    named_division = False
                    if places is not None and places.gazetteer is not None:
                        prev_end = None
                        for t in find_toponyms(s.text, s.start, []):
                            p = places.resolve(t, countries)
                            if p is None or p.is_country:
                                prev_end = None
                                continue
                            adm = (p.admin1 or p.name) if p.is_admin1 else p.admin1
                            coordinated = prev_end is not None and re.fullmatch(
                                r"\s*(?:,|,?\s+and)\s+", s.text[prev_end - s.start:t.start - s.start]) is not None
                            if adm and (coordinated or not listed):
                                listed = (listed if coordinated else []) + [(adm, p.country)]
                            prev_end = t.end
                            if adm and (admin1 is None or (p.is_admin1 and not named_division)):
                                # the first division named, else the division of the first town
                                admin1, country, named_division = adm, p.country, p.is_admin1
                    listed = list(dict.fromkeys(listed))
                    for adm, cc in (listed if len(listed) > 1 else [(admin1, country)]):
                        # one measure per division a list names (ACLED codes each)
                        mentions.append(_Mention(measure, s.start + m.start(), s.start + m.end(), m.group(0), s, start,
                                                 end, span, hours, imposer, adm, bool(_NATIONAL.search(s.text)),
                                                 cc, duration, explicit_by is not None))
    # merge: one measure per kind and start date
    merged: list[_Mention] = []
    for mm in mentions:
        same = next((x for x in merged if x.measure == mm.measure and (
            x.start_date is None or mm.start_date is None or abs((x.start_date - mm.start_date).days) <= 1)
            and (x.admin1 is None or mm.admin1 is None or x.admin1 == mm.admin1 or x.sentence is not mm.sentence)), None)
        if same is None:
            merged.append(mm)
            continue
        same.start_date = same.start_date or mm.start_date
        same.date_span = same.date_span or mm.date_span
        same.end_date = same.end_date or mm.end_date
        same.duration = same.duration or mm.duration
        same.hours = same.hours or mm.hours
        if mm.explicit_by and not same.explicit_by:
            same.imposed_by, same.explicit_by = mm.imposed_by, True
        same.imposed_by = same.imposed_by or mm.imposed_by
        same.admin1 = same.admin1 or mm.admin1
        same.country = same.country or mm.country
        same.national = same.national or mm.national
    # an undated measure announced with others takes the date (and division) of the one before it
    last: date | None = None
    last_admin1: str | None = None
    for mm in merged:
        if mm.start_date is None:
            # else the day of the report (as an undated event takes it; no start_date evidence)
            mm.start_date = last or published
        last = mm.start_date or last
        if mm.admin1 is None and not mm.national:
            mm.admin1 = last_admin1  # "... also been banned in the state"
        last_admin1 = mm.admin1 or last_admin1
        if mm.end_date is None and mm.start_date is not None and mm.duration is not None:
            mm.end_date = _add_duration(mm.start_date, *mm.duration)
    out = []
    for mm in merged:
        ev = [Evidence("measure", mm.start, mm.end, mm.text)]
        if mm.date_span is not None:
            ev.append(Evidence("start_date", mm.date_span.start, mm.date_span.end, mm.date_span.text))
        out.append(Measure(
            measure=mm.measure, country=mm.country or (countries[0] if countries else None),
            admin1=None if mm.national else mm.admin1, location=None,
            start_date=mm.start_date.isoformat() if mm.start_date else None,
            end_date=mm.end_date.isoformat() if mm.end_date else None,
            imposed_by=mm.imposed_by, hours=mm.hours, evidence=ev,
            confidence=0.7 if mm.date_span is not None else 0.5,
        ))
    return out
