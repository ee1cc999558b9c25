"""Assemble: from the mentions in an article's sentences to coded events.

One event per real occurrence (FORMAT.md, "What is an event"): triggers in one
sentence and in several sentences about the same occurrence (same event type, a
compatible place and date) become one event. Mentions of old recaps (more than 30
days before publication), anniversaries, planned or threatened actions and
generic background are dropped. Fatalities are the most conservative figure across
the sentences of an event; a suicide bomber counts (ACLED).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from eventcoder.extract.dates import DateMention
from eventcoder.extract.fatalities import DeathCount
from eventcoder.extract.places import Toponym
from eventcoder.extract.triggers import TriggerMatch
from eventcoder.models import Article, Attribution, Event, Evidence
from eventcoder.nlp import Entity, Sentence
from eventcoder.resolve.actors import (
    ARMED,
    GOVERNMENT,
    GROUP,
    PROTESTERS,
    RIOTERS,
    STATE,
    UNIDENTIFIED,
    ActorMention,
)
from eventcoder.resolve.dates import resolve as resolve_date
from eventcoder.resolve.dates import year_of
from eventcoder.resolve.gazetteer import Place
from eventcoder.resolve.gazetteer.names import fold

if TYPE_CHECKING:
    from eventcoder.pipeline import Resources

RECAP_DAYS = 30
MERGE_WINDOW = 40  # a mention is compared with the last 40 events only: merging stays linear
T = TypeVar("T")

_GENERIC = re.compile(
    r"\b(?:since\b|ha(?:s|ve) (?:killed|displaced|left) (?:tens|hundreds|thousands|more than|over|about|some|at least)|repeated attacks|have been killed (?:in|since|this|so far)|has been (?:fighting|battling|hit|attacked)|"
    r"regularly|frequently|repeatedly|routinely|often\b|many times|several times|every (?:week|month|year)|"
    r"tens of thousands|hundreds of thousands|thousands of people|millions|over the years|in recent (?:years|months)|"
    r"has come under|have come under|are regularly|is one of the most|has fought|have fought|has waged|has been waging|"
    r"broke out in|the (?:war|conflict|insurgency) (?:has|in)|has spread|have spread|dominant|split from|"
    r"is active|are active|operate[sd]? in|known for|allied with|linked to both|were marred by|"
    r"in several (?:towns|cities|places|areas|villages|districts)|across the (?:country|region)|nationwide|"
    r"for (?:years|decades|months)|commonly|usually|typically|continue to carry out|carry out)",
    re.I,
)
_MODAL = re.compile(
    r"\b(?:will|would|could|might|may(?!\s+\d)|plans? to|planned|planning|threaten(?:ed|s|ing)? to|vow(?:ed|s)? to|"
    r"intends? to|intended to|calls? for|called for|calling for|demand(?:ed|s|ing)?|warn(?:ed|s)? (?:of|that|against)|"
    r"prepar(?:e|es|ed|ing) to|expected to|set to|propos(?:ed|es|al)|fear(?:ed|s)? (?:of|that)|if|unless|"
    r"ready to|aim(?:s|ed)? to|seeks? to|sought to|to prevent|to stop|try(?:ing)? to|tried to|attempt(?:s|ed)? to|"
    r"against any|in case of|would-be|potential|possible|rumou?rs? of|urged|urging|appeal(?:ed)? for|ban on|"
    r"banned|prohibit(?:ed|s)?|allow(?:ed|s)? (?:to|the)|permission|permit)\b",
    re.I,
)
_NEGATED = re.compile(r"\b(?:no|not|never|without|nor|denied|deny|denies|neither)\b(?:\s+\w+){0,2}\s*$", re.I)
_SOURCE_AFTER = re.compile(r"^[\s,]*(?:said|says|say|told|spokesm[ae]n|spokesperson|statement|officials?|sources?|"
                           r"reported|confirmed|announced|denied|claimed|chief|commander|command|headquarters)\b", re.I)
_SELF_REPORT = re.compile(r"^[\s,]*(?:said|says|claimed|announced)\s+(?:that\s+)?(?:it|its|they|their)\b", re.I)
_CLAIM = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:responsibility|the attack|the bombing|it had|that it)|\bclaimed by\b", re.I)
_BY = re.compile(r"\b(?:by|from)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$", re.I)
_INCLUDING_ATTACKER = re.compile(r"\bincluding (?:the |a |two |three )?(?:suicide )?(?:bombers?|attackers?)\b", re.I)
_ATTRIBUTION = re.compile(
    r"(?:according to\s+(?P<a>[^,.;\"]{3,80}))|(?:,\s*(?P<b>[^,.;\"]{3,80}?)\s+(?:said|says|told|reported|added|confirmed)\b)|"
    r"(?:^(?P<c>[A-Z][^,.;\"]{2,80}?)\s+(?:said|says|told|reported|confirmed)\b)"
)
_PROTEST_CONTEXT = re.compile(r"\b(?:protest|demonstrat|march|rally|rallies|sit-in|strike)", re.I)
_CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|villagers?|residents?|people|worshippers|children|women|farmers?|passengers?|shoppers|"
    r"families|market|homes?|houses?|village|school|mosque|church|hospital|neighbou?rhood|residential|teachers?|"
    r"students?|pupils|traders?|displaced|camp for|boys?|girls?|man|woman|men|thieves)\b",
    re.I,
)
_ARMED_TARGET = re.compile(
    r"\b(?:soldiers?|troops|army|military|police|policemen|officers?|checkpoint|checkpost|base|barracks|outpost|"
    r"positions?|convoy|patrol|station|post|rangers|gendarmes|militants|fighters|insurgents|rebels|forces)\b",
    re.I,
)
_STATE_ONLY = {"Air/drone strike", "Government regains territory", "Arrests", "Disrupted weapons use",
               "Headquarters or base established", "Non-violent transfer of territory", "Agreement"}


Named = tuple[str, int, ActorMention | None]
"""An actor as coded: ACLED name, inter code, and the mention it came from (None when inferred)."""


@dataclass
class Mention:
    """One trigger in one sentence, with what the sentence says around it."""

    trigger: TriggerMatch
    sentence: Sentence
    sub_event_type: str
    event_type: str
    date: date | None = None
    precision: int | None = None
    date_mention: DateMention | None = None
    toponym: Toponym | None = None
    place: Place | None = None
    admin1: Place | None = None
    admin1_toponym: Toponym | None = None
    actors: list[ActorMention] = field(default_factory=list)
    deaths: list[DeathCount] = field(default_factory=list)
    attribution: Attribution | None = None
    sentence_places: list[tuple[Toponym, Place | None]] = field(default_factory=list)
    follow_up_deaths: dict[int, list[DeathCount]] = field(default_factory=dict)


@dataclass
class Draft:
    """An event being assembled from one or more mentions."""

    mentions: list[Mention]

    @property
    def first(self) -> Mention:
        return self.mentions[0]


@dataclass
class SentenceInfo:
    """What one candidate sentence holds, computed once."""

    sentence: Sentence
    entities: list[Entity]
    toponyms: list[tuple[Toponym, Place | None]]
    dates: list[DateMention]
    actors: list[ActorMention]
    deaths: list[DeathCount]


_PART_OF_NAME_BEFORE = re.compile(r"\b(?:Lake|River|Gulf|Sea|Mount|Basin|of the|New|North|South|East|West)\s+$")
_PART_OF_NAME_AFTER = re.compile(r"^\s+(?:Basin|River|Lake|Sea|Liberation|People's|Peoples|Democratic Forces|Workers)")


def _frame_irrelevant(text: str, res: Resources) -> bool:
    """Whether the article reads as sports, business, film or history rather than news of violence
    (at least ``frame_min`` distinct words of one frame)."""
    low = text.casefold()
    best = 0
    for pattern in res.frame_patterns.values():
        best = max(best, len({m.group(0) for m in pattern.finditer(low)}))
    return best >= res.frame_min


def article_countries(article: Article, body: list[Sentence], infos: list[SentenceInfo], res: Resources) -> list[str]:
    """The article's countries, focus first: country names and demonyms counted in the body,
    the dateline's country, and the countries of places resolved in candidate sentences."""
    counts: dict[str, float] = {}
    text = " ".join(s.text for s in body)
    for m in res.country_pattern.finditer(text):
        if _PART_OF_NAME_BEFORE.search(text[max(0, m.start() - 12):m.start()]) or _PART_OF_NAME_AFTER.match(text[m.end():]):
            continue
        iso = res.actors.country_of_demonym(m.group(0))
        if iso:
            counts[iso] = counts.get(iso, 0) + 1.0
    if article.dateline_country:
        iso = res.actors.country_of_demonym(article.dateline_country)
        if iso:
            counts[iso] = counts.get(iso, 0) + 2.0
    weak: dict[str, float] = {}
    for info in infos:
        for _top, place in info.toponyms:
            if place is not None and place.is_admin1:
                counts[place.country] = counts.get(place.country, 0) + 1.0
            elif place is not None and not place.is_country:
                weak[place.country] = weak.get(place.country, 0) + 0.5
    if not counts:
        # no country or division named: towns whose names only one country has
        counts = weak
    if article.title:
        for m in res.country_pattern.finditer(article.title):
            iso = res.actors.country_of_demonym(m.group(0))
            if iso:
                counts[iso] = counts.get(iso, 0) + 1.0
    return [c for c, _ in sorted(counts.items(), key=lambda kv: -kv[1])]


def _nearest(items: list[T], pos: int, key: Callable[[T], tuple[int, int]] = lambda x: (x.start, x.end)) -> T | None:  # type: ignore[attr-defined]
    """The item nearest to ``pos`` (an item after it is preferred to one as far before it)."""
    best, best_d = None, None
    for it in items:
        s, e = key(it)
        d = 0 if s <= pos < e else (s - pos if s > pos else (pos - e) * 1.3)
        if best_d is None or d < best_d:
            best, best_d = it, d
    return best


_CLAUSE = re.compile(r";|,\s*(?:while|whereas|but|as|and then|which|who|where)\s|\swhile\s|\swhereas\s|,\s*(?:a|an|the) (?:town|city|village|district|region)\b")


def _clause_bounds(info: SentenceInfo, pos: int) -> tuple[int, int]:
    """Start and end (article offsets) of the clause of the sentence that holds ``pos``."""
    s = info.sentence
    start, end = s.start, s.end
    for m in _CLAUSE.finditer(s.text):
        cut = s.start + m.start()
        if cut <= pos:
            start = cut
        else:
            end = cut
            break
    return start, end


def _in_clause(items: list, info: SentenceInfo, pos: int, key=lambda x: (x.start, x.end)) -> list:
    a, b = _clause_bounds(info, pos)
    inside = [it for it in items if a <= key(it)[0] < b]
    return inside or items


def _choose_triggers(matches: list[TriggerMatch], info: SentenceInfo) -> list[TriggerMatch]:
    """Reduce a sentence's trigger matches to one per occurrence it describes.

    Highest priority first; a lower trigger is kept only when it is of another event
    type and sits at another place. Armed clash vs attack on civilians is decided by
    who was targeted.
    """
    if not matches:
        return []
    text = info.sentence.text
    off = info.sentence.start
    places = [(t, p) for t, p in info.toponyms]

    def place_of(m: TriggerMatch) -> str | None:
        cands = [t for t, p in places if p is None or not p.is_country]
        t = _nearest(cands, m.start)
        return fold(t.text) if t is not None else None

    subs = {m.sub_event_type for m in matches}
    has_deaths = any(d.value > 0 for d in info.deaths)
    civ = bool(_CIVILIAN_TARGET.search(text))
    drop: set[str] = set()
    if "Attack" in subs and "Armed clash" in subs:
        drop.add("Attack" if _armed_target(info, matches) else "Armed clash")
    if "Abduction/forced disappearance" in subs and "Attack" in subs and has_deaths:
        drop.add("Abduction/forced disappearance")
    if "Looting/property destruction" in subs and ({"Attack", "Armed clash"} & subs) and has_deaths:
        drop.add("Looting/property destruction")
    if "Grenade" in subs and "Armed clash" in subs:
        drop.add("Grenade")
    if "Shelling/artillery/missile attack" in subs and "Disrupted weapons use" in subs:
        drop.add("Shelling/artillery/missile attack")
    if "Air/drone strike" in subs and "Disrupted weapons use" in subs:
        drop.add("Air/drone strike")
    if "Remote explosive/landmine/IED" in subs and "Disrupted weapons use" in subs:
        drop.add("Remote explosive/landmine/IED")
    if {"Violent demonstration", "Mob violence"} & subs:
        drop |= {"Peaceful protest", "Protest with intervention", "Looting/property destruction", "Attack"}
        if "Mob violence" in subs:
            drop.add("Violent demonstration")
    if {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"} & subs:
        drop |= {"Arrests", "Attack", "Armed clash"}
    if "Excessive force against protesters" in subs and not has_deaths and not re.search(r"opened fire|live (?:ammunition|rounds)|shot", text, re.I):
        drop.add("Excessive force against protesters")
    if "Attack" in subs and not civ and not ({"Armed clash"} & subs):
        drop.add("Attack")
    if "Attack" in subs and any(m.event_type == "Explosions/Remote violence" for m in matches):
        drop.add("Attack")
    if "Attack" in subs and "Arrests" in subs and not has_deaths:
        drop.add("Attack")  # a raid in which people were detained is an arrest
    ordered = sorted((m for m in matches if m.sub_event_type not in drop), key=lambda m: -m.priority)
    kept: list[TriggerMatch] = []
    for m in ordered:
        before = text[max(0, m.start - off - 50):m.start - off]
        if _NEGATED.search(before):
            continue
        if any(m.start < k.end and k.start < m.end for k in kept):
            continue  # the same words read as a weaker type ("jets had killed dozens of insurgents")
        pm = place_of(m)
        clash = False
        for k in kept:
            if pm is None or place_of(k) is None or place_of(k) == pm:
                clash = True
                break
        if not clash:
            kept.append(m)
    return kept


_ARMED_VICTIMS = re.compile(r"\b(?:soldiers?|troops|policem[ae]n|police officers?|officers?|gendarmes|rangers|guards|"
                            r"militants|fighters|insurgents|rebels|attackers|personnel|servicemen|militiamen|them)\b", re.I)


def _armed_target(info: SentenceInfo, matches: list[TriggerMatch]) -> bool:
    """Whether an attack in this sentence targeted armed people (a battle), not civilians.

    Decided by the victims of its death figures, else by the words just after the
    attack trigger ("attacked an army post" vs "attacked the village").
    """
    victims = " ".join(d.victims for d in info.deaths if d.value > 0)
    if victims:
        return bool(_ARMED_VICTIMS.search(victims))
    text, off = info.sentence.text, info.sentence.start
    for m in matches:
        if m.sub_event_type in ("Attack", "Armed clash"):
            after = text[m.start - off:m.end - off + 50]
            if _ARMED_TARGET.search(after):
                return True
    return not _CIVILIAN_TARGET.search(text)


def _skip_sentence(info: SentenceInfo) -> bool:
    return bool(_GENERIC.search(info.sentence.text))


def _generic_clause(info: SentenceInfo, pos: int) -> bool:
    """Whether the trigger's clause is background ("has killed thousands since 2009")."""
    a, b = _clause_bounds(info, pos)
    s = info.sentence
    return bool(_GENERIC.search(s.text[a - s.start:b - s.start]))


def _modal_before(text: str, rel: int) -> bool:
    # the clause before the trigger: back to the last comma/semicolon (at most 80 characters)
    window = text[max(0, rel - 80):rel]
    window = re.split(r"[;:]|,\s+(?:while|as|but|and)\b", window)[-1]
    return bool(_MODAL.search(window))


def _attribution(text: str) -> Attribution | None:
    m = _ATTRIBUTION.search(text)
    if not m:
        return None
    src = (m.group("a") or m.group("b") or m.group("c") or "").strip()
    src = re.sub(r"^(?:the|a|an)\s+", "", src, flags=re.I)
    if not src or len(src.split()) > 10 or src.lower() in {"he", "she", "they", "it", "we"}:
        return None
    return Attribution(speaker=None, role=None, organization=src)


def _date_for(info: SentenceInfo, trig: TriggerMatch, published: date | None) -> tuple[date | None, int | None, DateMention | None, bool]:
    """The nearest event date in the sentence; the last flag says the mention is old or future."""
    usable = [d for d in info.dates if not d.reporting and d.kind not in ("year",)]
    for d in info.dates:
        if d.kind in ("old", "future"):
            # an old or future marker in the trigger's clause rules the mention out
            if abs(d.start - trig.start) < 120:
                return None, None, d, True
        if d.kind == "year" and published is not None:
            y = year_of(d)
            if y is not None and y < published.year and abs(d.start - trig.start) < 150:
                return None, None, d, True
    if not usable:
        usable = [d for d in info.dates if d.kind not in ("year", "old", "future")]
    near = _nearest(usable, trig.start)
    if near is None:
        return None, None, None, False
    resolved, prec = resolve_date(near, published)
    if resolved is not None and published is not None:
        if resolved > published or (published - resolved).days > RECAP_DAYS:
            return None, None, near, True
    return resolved, prec, near, False


def build_mentions(infos: list[SentenceInfo], article: Article, res: Resources, published: date | None) -> list[Mention]:
    """Every event mention of the article's candidate sentences, in text order."""
    mentions: list[Mention] = []
    last_para = -10
    for info in infos:
        s = info.sentence
        if s.is_title or s.is_caption:
            continue
        matches = res.lexicon.find(s.text, s.start)
        kept = _choose_triggers(matches, info)
        if not kept and not _skip_sentence(info):
            # a follow-up sentence ("Dozens of the terrorists were killed," he said) adds its
            # figures to the mention just before it
            single = len({(m.event_type, m.place.name if m.place else None) for m in mentions}) == 1
            if mentions and info.deaths and (s.paragraph - last_para <= 2 or single):
                mentions[-1].follow_up_deaths[s.start] = list(info.deaths)
            continue
        last_para = s.paragraph
        for trig in kept:
            rel = trig.start - s.start
            if _modal_before(s.text, rel) or _generic_clause(info, trig.start):
                continue
            d, prec, dm, ruled_out = _date_for(info, trig, published)
            if ruled_out:
                continue
            m = Mention(trig, s, trig.sub_event_type, trig.event_type, d, prec, dm)
            # place: the nearest specific toponym (a resolved town or feature, else any toponym)
            tkey = lambda tp: (tp[0].start, tp[0].end)  # noqa: E731
            specific = [(t, p) for t, p in info.toponyms if p is None or not (p.is_country or p.is_admin1)]
            specific = [tp for tp in specific if not tp[0].moving]
            in_clause = _in_clause(specific, info, trig.start, tkey)
            best = max((_specificity(tp) for tp in in_clause), default=0)
            near = _nearest([tp for tp in in_clause if _specificity(tp) == best], trig.start, key=tkey)
            if near is not None:
                m.toponym, m.place = near  # type: ignore[misc]
            admins = [(t, p) for t, p in info.toponyms if p is not None and p.is_admin1]
            adm = _nearest(_in_clause(admins, info, trig.start, tkey), trig.start, key=tkey)
            if adm is not None:
                m.admin1 = adm[1]
                m.admin1_toponym = adm[0]
                if m.toponym is None:
                    m.toponym = adm[0]  # type: ignore[index]
            if m.admin1 is not None and m.place is not None and not (m.place.is_country or m.place.is_admin1) \
                    and m.place.country == m.admin1.country and m.place.admin1_code != m.admin1.admin1_code:
                # "Robotyne in the southern Zaporizhzhia region": the named division wins over a
                # namesake elsewhere in the country
                assert m.toponym is not None
                inside = [p for p in res.places.candidates(m.toponym.text)
                          if p.country == m.admin1.country and p.admin1_code == m.admin1.admin1_code]
                m.place = inside[0] if inside else None
            if m.toponym is None:
                countries = [(t, p) for t, p in info.toponyms if p is not None and p.is_country]
                c = _nearest(countries, trig.start, key=lambda tp: (tp[0].start, tp[0].end))
                if c is not None:
                    m.toponym, m.place = c  # type: ignore[misc]
            # deaths nearest to this trigger rather than to another kept trigger
            for dc in info.deaths:
                owners = [k for k in kept if _clause_bounds(info, k.start) == _clause_bounds(info, dc.start)] or kept
                # "X struck Y, killing N": the act comes before its toll
                owner = min(owners, key=lambda k: (dc.start - k.end) if k.end <= dc.start else (k.start - dc.start) * 3)
                if owner is trig:
                    m.deaths.append(dc)
            m.actors = list(info.actors)
            m.sentence_places = list(info.toponyms)
            m.attribution = _attribution(s.text)
            mentions.append(m)
    return mentions


def _same_place(a: Mention, b: Mention) -> bool | None:
    """True/False when both have a specific place; None when either lacks one."""
    if a.toponym is None or b.toponym is None:
        return None

    def holds(x: Mention, y: Mention) -> bool:
        # y's place is also named in x's sentence
        assert y.toponym is not None
        for t, p in x.sentence_places:
            if fold(t.text) == fold(y.toponym.text):
                return True
            if p is not None and y.place is not None and (p.geonameid, p.name) == (y.place.geonameid, y.place.name) \
                    and not (p.is_country or p.is_admin1):
                return True
        return False

    if a.sentence.start != b.sentence.start and (holds(a, b) or holds(b, a)):
        return True
    pa, pb = a.place, b.place
    if pa is not None and pb is not None:
        if pa.is_country or pb.is_country:
            return None if pa.country == pb.country else False
        if pa.is_admin1 or pb.is_admin1:
            return None if pa.admin1_code == pb.admin1_code else False
        if (pa.geonameid, pa.name) == (pb.geonameid, pb.name):
            return True
        if pa.latitude is not None and pb.latitude is not None:
            return abs(pa.latitude - pb.latitude) + abs((pa.longitude or 0) - (pb.longitude or 0)) < 0.1
        return False
    if pa is not None or pb is not None:
        # one name the gazetteer does not know (a checkpoint, a neighbourhood, a village):
        # it may lie inside the other place
        return None
    return fold(a.toponym.text) == fold(b.toponym.text)


def merge_mentions(mentions: list[Mention]) -> list[Draft]:
    """Group mentions into events: same event type, compatible place and date, and the
    same sub-event type unless the later mention names neither place nor date."""
    drafts: list[Draft] = []
    for m in mentions:
        target = None
        for d in drafts[-MERGE_WINDOW:]:
            f = d.first
            if f.event_type != m.event_type:
                continue
            places = d.mentions[:1] + d.mentions[-MERGE_WINDOW:] if len(d.mentions) > MERGE_WINDOW else d.mentions
            same = [_same_place(x, m) for x in places]
            if any(s is False for s in same) and not any(s is True for s in same):
                continue
            dates = [x.date for x in d.mentions if x.date is not None]
            # two different days are two occurrences, unless the place is the same (a one-day
            # slip between a lead and a later paragraph, or "overnight")
            slack = 1 if any(s is True for s in same) else 0
            if m.date is not None and dates and all(abs((m.date - x).days) > slack for x in dates):
                continue
            bare = m.toponym is None and m.date is None
            if f.sub_event_type != m.sub_event_type and not bare and m.event_type not in ("Protests", "Riots"):
                if not any(s is True for s in same):
                    continue
            target = d
            break
        if target is None:
            drafts.append(Draft([m]))
        else:
            target.mentions.append(m)
    return drafts


def _fatalities(draft: Draft, sub_event_type: str) -> tuple[int | None, int | None, int | None, DeathCount | None]:
    """(fatalities, low, high, evidence): per sentence the sum of its figures, then the
    smallest positive figure across sentences (ACLED's most conservative figure)."""
    per_sentence: dict[int, list[DeathCount]] = {}
    for m in draft.mentions:
        for dc in m.deaths:
            per_sentence.setdefault(m.sentence.start, []).append(dc)
        for key, figures in m.follow_up_deaths.items():
            per_sentence.setdefault(key, []).extend(figures)
    totals: list[tuple[int, int, DeathCount]] = []
    zero: DeathCount | None = None
    for figures in per_sentence.values():
        positive = [f for f in figures if f.value > 0]
        if not positive:
            zero = zero or figures[0]
            continue
        # Same victims named twice in one sentence are one figure; different victims add up;
        # a bare toll ("put the death toll at 24") is another source's figure, not a sum.
        by_victims: dict[str, DeathCount] = {}
        for fig in positive:
            if not fig.victims:
                continue
            vkey = fig.victims.lower()
            if vkey not in by_victims or fig.value < by_victims[vkey].value:
                by_victims[vkey] = fig
        if by_victims:
            total = sum(x.value for x in by_victims.values())
            high = sum(x.high for x in by_victims.values())
            totals.append((total, high, max(by_victims.values(), key=lambda x: x.value)))
        for fig in positive:
            if not fig.victims:
                totals.append((fig.value, fig.high, fig))
    if sub_event_type == "Other":
        return 0, 0, 0, zero
    if not totals:
        return (0, 0, 0, zero)
    best = min(totals, key=lambda t: t[0])
    value = best[0]
    low = min(t[0] for t in totals)
    high = max(t[1] for t in totals)
    if sub_event_type == "Suicide bomb":
        sentences = " ".join(m.sentence.text for m in draft.mentions)
        if not _INCLUDING_ATTACKER.search(sentences):
            value += 1
            low += 1
            high += 1
    return value, low, high, best[2]


def _bare(draft: Draft) -> bool:
    """A draft none of whose sentences names a place or a date: a quote, a comment or
    background ("These mines do not distinguish ...") rather than a report of an occurrence."""
    return all(m.toponym is None and m.date_mention is None for m in draft.mentions)


_TOWN_FEATURES = {"village", "villages", "town", "city", "hamlet", "locality", "settlement", "camp", "neighbourhood",
                  "neighborhood", "commune", "market town", "border town", "capital"}
_LOCAL_ADMIN_FEATURES = {"district", "county", "territory", "municipality", "lga", "local government area",
                         "upazila", "tehsil", "sub-district", "department", "division"}


def _specificity(tp: tuple[Toponym, Place | None]) -> int:
    """How precisely a toponym places an event: a named town, village or terrain feature (3,
    known or not), a known place (3), an unknown name or a reference point ("south of
    Kirkuk") (2), a district (1)."""
    t, p = tp
    feat = (t.feature or "").lower()
    if feat in _TOWN_FEATURES or feat in ("mountains", "valley", "desert", "forest", "lake"):
        return 3
    if feat in _LOCAL_ADMIN_FEATURES:
        return 1
    if p is not None and not t.near:
        return 3
    return 2


def _suppress_parts(drafts: list[Draft]) -> list[Draft]:
    """Drop drafts that are part of another event: arrests during a protest, looting or
    burning during an attack, at a compatible place and date (ACLED codes the main event)."""
    main_types = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"}
    out = []
    for d in drafts:
        sub = d.first.sub_event_type
        if d.first.event_type == "Protests":
            # a demonstration that turned violent is one Riots event (ACLED)
            riots = [o for o in drafts if o is not d and o.first.event_type == "Riots"]
            if any(_same_place(x, y) is not False for o in riots for x in d.mentions for y in o.mentions) and riots \
                    and any(any(_same_place(x, y) for x in d.mentions for y in o.mentions) or
                            all(x.toponym is None for x in d.mentions) for o in riots):
                continue
        if sub in ("Arrests", "Looting/property destruction"):
            part = False
            for o in drafts:
                if o is d or o.first.event_type not in main_types:
                    continue
                if sub == "Arrests" and o.first.event_type not in ("Protests", "Riots"):
                    continue
                places = [_same_place(x, y) for x in d.mentions for y in o.mentions]
                dates_d = [x.date for x in d.mentions if x.date]
                dates_o = [x.date for x in o.mentions if x.date]
                date_ok = not dates_d or not dates_o or any(abs((a - b).days) <= 1 for a in dates_d for b in dates_o)
                bare = all(x.toponym is None for x in d.mentions)
                if date_ok and (any(p is True for p in places) or bare):
                    part = True
                    break
            if part:
                continue
        out.append(d)
    return out


def _pick_actors(draft: Draft, event_type: str, sub: str, country: str | None,
                 countries: list[str], res: Resources, claims: list[ActorMention]
                ) -> tuple[Named | None, Named | None]:
    """actor1 and actor2 for an event, by ACLED's role rules (FORMAT.md, "Actors")."""
    ad = res.actors
    a1: Named | None
    a2: Named | None
    primary = draft.first
    mentions = list(primary.actors)
    for m in draft.mentions[1:]:
        mentions.extend(m.actors)
    trig = primary.trigger

    def named(am: ActorMention) -> Named:
        n, i = ad.name(am, country, countries)
        return n, i, am

    def not_source(a: ActorMention, m: Mention) -> bool:
        after = m.sentence.text[a.end - m.sentence.start:][:60]
        return not _SOURCE_AFTER.match(after) or bool(_SELF_REPORT.match(after))

    armed = [a for a in primary.actors if a.kind in ARMED and not_source(a, primary)]
    others_armed = [a for m in draft.mentions for a in m.actors if a.kind in ARMED and not_source(a, m)]

    def attacker_candidates() -> list[ActorMention]:
        """Who acts: named with "by X", or an armed actor before the trigger (the subject)."""
        before = [a for a in armed if a.end <= trig.start + 5]
        by = [a for a in armed if a.start >= trig.end and _BY.search(primary.sentence.text[:a.start - primary.sentence.start][-40:])]
        cands = by + list(reversed(before))
        groups = [a for a in cands if a.kind == GROUP]
        if groups and cands and cands[0].kind == UNIDENTIFIED:
            cands = groups[:1] + [a for a in cands if a is not groups[0]]
        return cands

    civ = ad.civilians(country)
    if event_type == "Protests":
        a1 = (ad.name(ActorMention(PROTESTERS, 0, 0, ""), country, countries) + (None,))
        police = [a for a in mentions if a.kind == STATE]
        a2 = None
        if sub != "Peaceful protest":
            a2 = named(police[0]) if police else (ad.state(country, "police") + (None,))
            if police and police[0].force != "police" and police[0].country is None:
                a2 = (ad.state(country, "police") + (police[0],))
        return a1, a2
    if event_type == "Riots":
        a1 = (ad.name(ActorMention(RIOTERS, 0, 0, ""), country, countries) + (None,))
        if sub == "Mob violence":
            return a1, (civ + (None,))
        police = [a for a in mentions if a.kind == STATE]
        a2 = (ad.state(country, "police") + (police[0],)) if police else None
        return a1, a2
    cands = attacker_candidates()
    if event_type == "Violence against civilians" or sub in ("Looting/property destruction",):
        perp = [a for a in cands if a.kind in ARMED] or [a for a in others_armed if a.kind != STATE or sub == "Looting/property destruction"]
        claimed = [c for c in claims if c.kind == GROUP]
        if perp and perp[0].kind == UNIDENTIFIED:
            grp = [a for a in others_armed if a.kind == GROUP]
            if grp:
                perp = grp + perp
            elif claimed:
                perp = claimed + perp
        elif not perp and claimed:
            perp = claimed
        a1 = named(perp[0]) if perp else (ad.unidentified(country) + (None,))
        return a1, (civ + (None,))
    if event_type == "Strategic developments":
        if sub == "Agreement":
            gov = [a for a in mentions if a.kind in (GOVERNMENT, STATE)]
            grp = [a for a in mentions if a.kind == GROUP]
            a1 = ad.name(ActorMention(GOVERNMENT, 0, 0, ""), country, countries) + (gov[0] if gov else None,)
            return a1, (named(grp[0]) if grp else None)
        if sub in ("Arrests", "Disrupted weapons use", "Headquarters or base established"):
            state = [a for a in cands if a.kind == STATE]
            grp = [a for a in cands if a.kind == GROUP]
            subject = sorted((a for a in armed if a.end <= trig.start and a.kind in (GROUP, STATE)), key=lambda a: a.start)
            if sub == "Arrests" and subject and subject[0].kind == GROUP:
                grp, state = [subject[0]], []
            if sub == "Arrests" and grp and not state and grp[0].start < trig.start:
                a1 = named(grp[0])
                rest = [a for a in grp[1:] + [a for a in armed if a.kind == UNIDENTIFIED] if a is not grp[0]]
                target = [a for a in mentions if a.kind == GROUP and ad.name(a, country, countries)[0] != a1[0]]
                return a1, (named(target[0]) if target else (named(rest[0]) if rest else None))
            a1 = named(state[0]) if state else (ad.state(country) + (None,))
            other = [a for a in others_armed if a.kind in (GROUP, UNIDENTIFIED) or (a.kind == STATE and a.country and a.country != country)]
            other = [a for a in other if ad.name(a, country, countries)[0] != a1[0]]
            if sub == "Headquarters or base established":
                return a1, None
            return a1, (named(other[0]) if other else None)
        if sub == "Non-violent transfer of territory":
            # "X handed over ... to Y": Y takes over (actor1), X hands over (actor2)
            to_m = re.search(r"\bto\s+(?:the\s+)?", primary.sentence.text[trig.end - primary.sentence.start:])
            after = [a for a in mentions if a.kind in ARMED and to_m and a.start >= trig.end + to_m.start()]
            before = [a for a in mentions if a.kind in ARMED and a.end <= trig.start]
            a1 = named(after[0]) if after else (ad.state(country) + (None,))
            return a1, (named(before[0]) if before else None)
        if sub == "Change to group/activity":
            grp = [a for a in mentions if a.kind in (GROUP, UNIDENTIFIED)]
            state = [a for a in mentions if a.kind == STATE]
            return (named(grp[0]) if grp else (ad.unidentified(country) + (None,))), (named(state[0]) if state else None)
        a1 = named(cands[0]) if cands else None
        return a1, None
    # Battles and Explosions/Remote violence
    if sub == "Remote explosive/landmine/IED" and re.match(r"(?i)(?:hit|struck|stepped on|ran over|drove over|triggered)\b",
                                                            trig.text):
        # "a convoy struck an IED": who struck the device is its target, not who planted it
        targets = [a for a in cands if a.end <= trig.start]
        cands = [a for a in cands if a not in targets]
        if not cands:
            claimed = [c for c in claims if c.kind == GROUP]
            grp = [a for a in others_armed if a.kind == GROUP and a not in targets]
            a1 = named(claimed[0]) if claimed else (named(grp[0]) if grp else ad.unidentified(country) + (None,))
            a2 = named(targets[0]) if targets else None
            return a1, a2
    if not cands:
        claimed = [c for c in claims if c.kind == GROUP]
        if claimed:
            cands = claimed
    if cands and cands[0].kind == UNIDENTIFIED:
        claimed = [c for c in claims if c.kind == GROUP]
        grp = [a for a in armed if a.kind == GROUP]
        if grp:
            cands = grp + cands
        elif claimed:
            cands = claimed + cands
    if sub in _STATE_ONLY and not any(a.kind == STATE for a in cands[:1]):
        state = [a for a in armed if a.kind == STATE]
        if state:
            cands = state + [a for a in cands if a not in state]
    if cands:
        a1 = named(cands[0])
    elif sub in ("Air/drone strike",):
        a1 = ad.state(country) + (None,)
    else:
        a1 = ad.unidentified(country) + (None,)
    others = [a for a in others_armed if ad.name(a, country, countries)[0] != a1[0]]
    victims = " ".join(dc.victims for m in draft.mentions for dc in m.deaths if dc.value > 0)
    civilian_dead = bool(victims) and not _ARMED_VICTIMS.search(victims) and bool(_CIVILIAN_TARGET.search(victims))
    if event_type == "Explosions/Remote violence" and civilian_dead:
        # the dead were civilians: ACLED codes them as the second actor
        a2 = civ + (None,)
    elif others:
        # prefer a named group, then a state force, then unidentified
        others.sort(key=lambda a: {GROUP: 0, STATE: 1, UNIDENTIFIED: 2}.get(a.kind, 3))
        a2 = named(others[0])
    elif event_type == "Explosions/Remote violence":
        texts = " ".join(m.sentence.text for m in draft.mentions)
        a2 = (civ + (None,)) if _CIVILIAN_TARGET.search(texts) else None
    elif event_type == "Battles":
        a2 = ad.state(country) + (None,) if a1[1] != 1 else ad.unidentified(country) + (None,)
    else:
        a2 = None
    return a1, a2


def _notes(ev: Event) -> str:
    verb = {
        "Armed clash": "clashed with",
        "Government regains territory": "regained territory from",
        "Non-state actor overtakes territory": "took territory from",
        "Chemical weapon": "used a chemical weapon against",
        "Air/drone strike": "carried out an air/drone strike on",
        "Suicide bomb": "carried out a suicide bombing against",
        "Shelling/artillery/missile attack": "shelled",
        "Remote explosive/landmine/IED": "targeted with an explosive device",
        "Grenade": "threw a grenade at",
        "Sexual violence": "committed sexual violence against",
        "Attack": "attacked",
        "Abduction/forced disappearance": "abducted",
        "Peaceful protest": "protested peacefully",
        "Protest with intervention": "protested; intervention by",
        "Excessive force against protesters": "protested; excessive force used by",
        "Violent demonstration": "rioted; engaged",
        "Mob violence": "mob violence against",
        "Agreement": "reached an agreement with",
        "Arrests": "arrested members of",
        "Change to group/activity": "changed activity (surrender/defection); involving",
        "Disrupted weapons use": "disrupted weapons use by",
        "Headquarters or base established": "established a base",
        "Looting/property destruction": "looted or destroyed property of",
        "Non-violent transfer of territory": "took over territory from",
        "Other": "was involved in a strategic development",
    }.get(ev.sub_event_type, ev.sub_event_type.lower())
    when = f"On {ev.event_date}" if ev.event_date else "On an unknown date"
    where = ", ".join(x for x in (ev.location, ev.admin1, ev.country) if x)
    who = ev.actor1 or "an unidentified actor"
    target = f" {ev.actor2}" if ev.actor2 and not verb.endswith(("peacefully", "a base")) else ""
    if not ev.actor2 and verb.endswith((" with", " of", " against", " on", " from", " by", " at")):
        verb = verb.rsplit(" ", 1)[0]
    fat = "" if ev.fatalities is None else f"; {ev.fatalities} reported fatalities"
    return f"{when}, {who} {verb}{target} in {where or 'an unknown place'}{fat}."


def assemble_events(article: Article, infos: list[SentenceInfo], countries: list[str], res: Resources,
                    claims: list[ActorMention] | None = None) -> list[Event]:
    """Code the events of one article from its candidate sentences.

    Args:
        article: the cleaned article.
        infos: its candidate sentences with their mentions.
        countries: the article's countries, focus first.
        res: loaded resources.
        claims: named groups in sentences that claim an attack ("X claimed responsibility").
    """
    published = date.fromisoformat(article.published) if article.published else None
    mentions = build_mentions(infos, article, res, published)
    drafts = [d for d in _suppress_parts(merge_mentions(mentions)) if not _bare(d)]
    claims = claims or []
    events: list[Event] = []
    focus = countries[0] if countries else None
    lead_place: Mention | None = next((m for m in mentions if m.place is not None and not m.place.is_country), None)
    for draft in drafts:
        ms = draft.mentions
        f = ms[0]
        # sub-event type: the highest-priority sub-type among the mentions for protests/riots
        sub = f.sub_event_type
        if f.event_type in ("Protests", "Riots"):
            sub = max(ms, key=lambda m: m.trigger.priority).sub_event_type
        dated = next((m for m in ms if m.date is not None), None)
        inherited = None
        unresolvable = dated is None and any(m.date_mention is not None for m in ms)
        if dated is None and not unresolvable:
            # an undated report in a dated story: the date of the report before it
            prior = [m for m in mentions if m.date is not None and m.sentence.start < f.sentence.start]
            inherited = prior[-1] if prior else None
        placed = next((m for m in ms if m.place is not None and not (m.place.is_country or m.place.is_admin1)), None)
        placed = placed or next((m for m in ms if m.toponym is not None and m.place is None), None)
        placed = placed or next((m for m in ms if m.toponym is not None), None)
        adm_m = next((m for m in ms if m.admin1 is not None), None)
        place = placed.place if placed else None
        top = placed.toponym if placed else None
        admin1_place = adm_m.admin1 if adm_m else None
        if place is not None and place.is_admin1:
            admin1_place = place
        country = place.country if place is not None else (admin1_place.country if admin1_place else None)
        if country is None and top is None and lead_place is not None and lead_place.place is not None:
            # no place in the event's sentences: the article's lead place
            place, top = lead_place.place, lead_place.toponym
            country = place.country if place else None
        if country is None:
            country = focus
        admin1_name = None
        if place is not None and place.admin1 and not place.is_country:
            admin1_name = place.admin1
        elif admin1_place is not None and admin1_place.country == country:
            admin1_name = admin1_place.admin1 or admin1_place.name
        elif place is None and top is not None:
            # an unknown village: the division of a known place in its sentence, else of the lead
            near_known = [p for m in ms for _t, p in m.sentence_places
                          if p is not None and not p.is_country and p.country == country and p.admin1]
            if near_known:
                admin1_name = near_known[0].admin1
            elif lead_place is not None and lead_place.place is not None and lead_place.place.country == country:
                admin1_name = lead_place.place.admin1
        # time
        ev_date = dated.date if dated else (inherited.date if inherited else None)
        prec = dated.precision if dated else (inherited.precision if inherited else None)
        if ev_date is None and published is not None and not unresolvable:
            ev_date, prec = published, 1
        # geo precision
        geo: int | None
        location: str | None
        if place is not None and place.is_country:
            geo = 3
            location = place.name
        elif place is not None and place.is_admin1:
            geo = 3
            location = admin1_name or place.name
        elif place is not None:
            geo = 2 if (place.feature_class != "P" or (top and top.near)) else 1
            location = top.text if top else place.name
        elif top is not None:
            geo = 2
            location = top.text
        else:
            geo = 3 if admin1_name else None
            location = admin1_name
        # an unknown village near a known town: ACLED's coordinates of the nearest town, precision 2
        coords = place
        if place is None and top is not None:
            coords = next((p for m in ms for _t, p in m.sentence_places
                           if p is not None and p.feature_class == "P" and p.country == country), None)
        a1, a2 = _pick_actors(draft, f.event_type, sub, country, [country, *countries] if country else countries, res, claims)
        if a1 and a2 and a1[0] == a2[0]:
            a2 = None
        fat, low, high, fat_ev = _fatalities(draft, sub)
        evidence: list[Evidence] = []
        for m in ms:
            evidence.append(Evidence("sub_event_type", m.trigger.start, m.trigger.end, m.trigger.text))
        if dated and dated.date_mention:
            dm = dated.date_mention
            evidence.append(Evidence("event_date", dm.start, dm.end, dm.text))
        if top is not None:
            evidence.append(Evidence("location", top.start, top.end, top.text))
        if adm_m is not None and adm_m.admin1_toponym is not None and adm_m.admin1_toponym is not top:
            at = adm_m.admin1_toponym
            evidence.append(Evidence("admin1", at.start, at.end, at.text))
        for label, actor in (("actor1", a1), ("actor2", a2)):
            if actor and actor[2] is not None and actor[2].end > actor[2].start:
                evidence.append(Evidence(label, actor[2].start, actor[2].end, actor[2].text))
        if fat_ev is not None:
            evidence.append(Evidence("fatalities", fat_ev.start, fat_ev.end, fat_ev.text))
        inter1 = a1[1] if a1 else None
        inter2 = a2[1] if a2 else None
        interaction = None
        if inter1 is not None:
            interaction = int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter2 is not None else int(f"{inter1}0")
        key = "|".join([article.id, f.event_type, sub, str(ev_date), fold(location or ""), str(f.trigger.start)])
        attribution = next((m.attribution for m in ms if m.attribution is not None), None)
        confidence = 0.4 + 0.15 * (dated is not None) + 0.15 * (place is not None) + 0.1 * (a1 is not None and a1[2] is not None) + 0.1 * (len(ms) > 1)
        ev = Event(
            event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            event_type=f.event_type,
            sub_event_type=sub,
            event_date=ev_date.isoformat() if ev_date else None,
            time_precision=prec if ev_date else None,
            date_text=dated.date_mention.text if dated and dated.date_mention else None,
            actor1=a1[0] if a1 else None, inter1=inter1, assoc_actor_1=None,
            actor2=a2[0] if a2 else None, inter2=inter2, assoc_actor_2=None,
            interaction=interaction,
            country=country,
            admin1=admin1_name,
            admin2=coords.admin2 if coords is not None else None,
            location=location,
            latitude=coords.latitude if coords is not None else None,
            longitude=coords.longitude if coords is not None else None,
            geonameid=place.geonameid if place is not None else None,
            geo_precision=geo,
            fatalities=fat, fatalities_low=low, fatalities_high=high,
            fatalities_text=fat_ev.text if fat_ev is not None else None,
            attribution=attribution,
            evidence=evidence,
            confidence=round(min(confidence, 0.95), 2),
        )
        ev.notes = _notes(ev)
        events.append(ev)
    return _drop_duplicates(events)


def _drop_duplicates(events: list[Event]) -> list[Event]:
    """Events with the same type, sub-type, date and location are one occurrence."""
    out: list[Event] = []
    for ev in events:
        dup = next((o for o in out if o.event_type == ev.event_type and o.sub_event_type == ev.sub_event_type
                    and o.event_date == ev.event_date and fold(o.location or "") == fold(ev.location or "")), None)
        if dup is None:
            out.append(ev)
        else:
            dup.evidence.extend(ev.evidence)
    return out


__all__ = ["SentenceInfo", "article_countries", "assemble_events"]
