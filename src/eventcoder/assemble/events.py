"""From drafts to Event records: date, place, geo precision, actors, tolls, evidence and notes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date

from eventcoder.assemble.grouping import (
    DIVISION_FEATURES,
    Draft,
    ambush_by_bomb,
    bare,
    coordinated_places,
    drop_duplicates,
    merge_mentions,
    province_named,
    separate,
    suicide_attack,
    suppress_parts,
)
from eventcoder.assemble.mentions import (
    ACT_NOUNS,
    ROAD_ENDS,
    build_mentions,
    reference_point,
    restated_act_date,
    specificity,
)
from eventcoder.assemble.records import Mention, SentenceInfo
from eventcoder.assemble.roles import pick_actors
from eventcoder.assemble.tolls import event_toll
from eventcoder.clean import agency_dateline_end
from eventcoder.extract.dates import DateMention
from eventcoder.extract.places import Toponym
from eventcoder.models import Article, Event, Evidence
from eventcoder.nlp import Sentence
from eventcoder.resolve.actors import (
    ActorMention,
    acled_country,
)
from eventcoder.resolve.dates import parse_published
from eventcoder.resolve.dates import resolve as resolve_date
from eventcoder.resolve.gazetteer import Place
from eventcoder.resolve.gazetteer.names import fold
from eventcoder.resources import Resources


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

def _only_division(infos: list[SentenceInfo], country: str | None) -> str | None:
    """The one first-level division (ACLED's admin1 name) the article's candidate sentences
    name in ``country``, directly or through a second-level division; None when they name
    none or several."""
    names = {(p.admin1 or p.name) if p.is_admin1 else p.admin1 for info in infos for _t, p in info.toponyms
             if p is not None and p.country == country and (p.is_admin1 or (p.is_admin2 and p.admin1))}
    return names.pop() if len(names) == 1 else None


def _reported(drafts: list[Draft], lead_para: int = -1) -> list[Draft]:
    """Drafts that report an occurrence: not ``bare`` ones, except a bare one with its own
    toll told within two paragraphs after a placed or dated report ("The clash followed a
    suicide attack which killed five soldiers"): it happened there and then, and takes the
    place and date of the reports before it; and the lead's own report told by a specific
    word with an armed or state actor ("Zimbabwe police have arrested more than 200 opposition
    activists"): the news of the article, at its country and publication date (a lead's
    "demonstration" or "battled" with nobody armed is too often no political event)."""
    out: list[Draft] = []
    for d in drafts:
        if not bare(d) or (d.first.sentence.paragraph == lead_para and not d.first.trigger.generic
                           and any(a.kind in ("state", "group", "unidentified") for a in d.first.actors)):
            out.append(d)
            continue
        para = d.first.sentence.paragraph
        if any(m.deaths for m in d.mentions) and any(
                0 <= para - o.mentions[-1].sentence.paragraph <= 2 and o.first.sentence.start < d.first.sentence.start
                for o in out):
            out.append(d)
    return out


# "the clash was between the La Familia Michoacana and Los Tlacos crime groups": what the attack
# just reported was
_CLASH_BETWEEN = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:clash|clashes|fighting|gun ?battle|shoot-?out|confrontation)"
                            r"\s+(?:was|were)\s+(?:\w+\s+)?between\b")


def _told_as_clash(merged: list[Draft], reported: list[Draft]) -> set[int]:
    """The attack drafts (by id) that a later sentence tells as a clash of two sides, in a draft
    of its own that names no place or date ("The statement said the clash was between ..."):
    the last reported attack before that sentence, which takes that sentence's mentions."""
    out: set[int] = set()
    kept = {id(d) for d in reported}
    for d in merged:
        if id(d) in kept or not any(_CLASH_BETWEEN.search(m.sentence.text) for m in d.mentions):
            continue
        before = [o for o in reported if o.first.sentence.start < d.first.sentence.start]
        if before and (before[-1].first.event_type, before[-1].first.sub_event_type) == \
                ("Violence against civilians", "Attack"):
            out.add(id(before[-1]))
            before[-1].mentions.extend(d.mentions)  # its sides (and evidence) join the attack's
    return out


# a settlement word written after the name ("Kagara village"): ACLED's location is the name
_DIVISION_BEFORE = re.compile(r"^(?:District|Tehsil|Division)\s+(?=[A-Z])")
_SETTLEMENT_AFTER = re.compile(r"\s+(?:village|town|city|hamlet|community|settlement|locality)$", re.I)


def _bare_name(name: str) -> str:
    """A location as ACLED writes it: "Kagara village" -> "Kagara" (a settlement word in lower
    case goes; "Kansas City" and "Mexico City" keep theirs: it is part of the name)."""
    before = _DIVISION_BEFORE.match(name)
    if before:
        return name[before.end():]  # "District Kech" (South Asian order): Kech
    bare = _SETTLEMENT_AFTER.sub("", name)
    return bare if bare and name[len(bare):].strip()[:1].islower() else name


# "an overnight attack", "last night": a night that the evening before may date more exactly
_OVERNIGHT = re.compile(r"(?i)(?:in\s+an?\s+|during\s+the\s+)?(?:overnight|last\s+night)")

# how far after an event's last report a sentence that names the act again may date it
RESTATED_PARAGRAPHS = 3
# how long before publication such a date may lie (older: the event is a recap, not coded)
RESTATED_DAYS = 30


def _restated_date(draft: Draft, drafts: list[Draft], sentences: list[Sentence], published: date,
                   pub_year: int | None, seen: dict[int, DateMention | None]
                   ) -> tuple[date, int | None, DateMention] | None:
    """The day a later sentence gives the act of an event dated only by its report ("an
    army official said Tuesday"): "The soldier died Monday", "The attack took place Thursday
    afternoon near Tintaypunco", "the Sunday night bus attacks" (``restated_act_date``).

    Looks from the event's first report to ``RESTATED_PARAGRAPHS`` paragraphs after its
    last, past sentences that open another event of the article, for a day on or before
    ``published`` (one over ``RESTATED_DAYS`` back makes the event a recap: the caller's
    call). ``seen``: each sentence's restated date by its start, shared by the article's
    events. Returns (date, time precision, date mention) or None."""
    ms = draft.mentions
    first, last_para = ms[0].sentence, ms[-1].sentence.paragraph
    others = {d.mentions[0].sentence.start for d in drafts if d is not draft}
    for s in sentences:
        if s.start < first.start or s.is_title or s.is_caption or s.start in others:
            continue
        if s.paragraph > last_para + RESTATED_PARAGRAPHS:
            break
        if s.start not in seen:
            seen[s.start] = restated_act_date(s.text, s.start)
        dm = seen[s.start]
        if dm is None:
            continue
        d, prec = resolve_date(dm, published, year=pub_year)
        if d is not None and 0 <= (published - d).days:
            return d, prec, dm  # (older than ``RESTATED_DAYS``: the caller drops a recap)
    return None


# armed people named as the doers ("gunmen", "soldiers opened fire"): no riot, whatever the story
_ARMED_WORDS = re.compile(r"\b(?:gunm[ae]n|militants?|bandits?|insurgents?|rebels?|terrorists?|jihadists?|"
                          r"armed (?:men|group|gang|assailants|attackers)|fighters?|soldiers?|troops|army|militia\w*|"
                          r"snipers?|separatists?|guerrillas?|shot dead|opened fire|gunfire|gunshots?|shooting|"
                          r"bombs?|explosions?|blasts?|grenades?)\b", re.I)
# a strike of unstated kind ("strikes killed", "wounded in strikes near")
# words of an assault by men on the ground: an attack told with them is no shelling's
_GROUND_ASSAULT = re.compile(r"\b(?:gunm[ae]n|gunfire|gunshots?|shot|shooting|opened fire|stormed|raided|raid|stabbed|"
                             r"knives|knife|machetes?|hacked|beheaded|executed|abducted|kidnapped|burned|burnt|set fire|"
                             r"torched|beat|beaten|lynched|rifles?|bullets?)\b", re.I)
_BARE_STRIKE = re.compile(r"\bstrikes?\b(?!.*\b(?:missile|rocket|artillery|shell))", re.I)


def assemble_events(article: Article, infos: list[SentenceInfo], countries: list[str], res: Resources,
                    claims: list[ActorMention] | None = None, sentences: list[Sentence] | None = None,
                    recaps: list[str] | None = None) -> list[Event]:
    """Code the events of one article from its candidate sentences.

    Args:
        article: the cleaned article.
        infos: its candidate sentences with their mentions.
        countries: the article's countries, focus first.
        res: loaded resources.
        claims: named groups in sentences that claim an attack ("X claimed responsibility").
        sentences: all the article's sentences, where an event placed only at a division or a
            country looks for its town or village in the sentences around its report.
        recaps: when given, gets the reports left out by the 30-day recap rule (``build_mentions``).
    """
    # a publication date known in part ("2023-03") dates only what names its day and month
    published, pub_year = parse_published(article.published)
    mentions = build_mentions(infos, article, res, published, pub_year, recaps)
    if any(m.sub_event_type == "Air/drone strike" for m in mentions):
        # "strikes" of unstated kind in a report of air strikes ("Five civilians were wounded in
        # strikes near a refugee camp in Makhmour"): air strikes too
        for m in mentions:
            if m.sub_event_type == "Shelling/artillery/missile attack" and _BARE_STRIKE.search(m.trigger.text):
                m.sub_event_type = "Air/drone strike"
    remote = [m for m in mentions if m.sub_event_type in ("Shelling/artillery/missile attack", "Air/drone strike")]
    if remote:
        # in a report of shelling or air strikes, civilians killed "in attacks" by the armed
        # forces, or a village the forces "also attacked", with nothing told of a ground assault
        # ("Three more civilians were killed in attacks in the town of Habit"): the same
        # remote violence as the report before it (ACLED codes the weapon, not the victims)
        for m in mentions:
            if (m.event_type, m.sub_event_type) != ("Violence against civilians", "Attack") \
                    or _GROUND_ASSAULT.search(m.sentence.text) \
                    or any(a.kind in ("group", "unidentified") or (a.kind == "state" and a.force == "police")
                           for a in m.actors):
                continue
            before = [r for r in remote if r.sentence.start < m.sentence.start]
            model = before[-1] if before else remote[0]
            if abs(model.sentence.paragraph - m.sentence.paragraph) > 3:
                continue
            m.event_type, m.sub_event_type = model.event_type, model.sub_event_type
    if any(m.event_type == "Riots" and not m.trigger.generic for m in mentions):
        # in a report of riots, killings and attacks nobody armed is said to have done
        # ("Attackers targeting a police station in Kermanshah killed one officer", "two people
        # were killed ... after attacks on about 20 supermarkets") are the rioters' (ACLED: riots)
        for m in mentions:
            if (m.event_type, m.sub_event_type) in (("Violence against civilians", "Attack"), ("Battles", "Armed clash")) \
                    and not _ARMED_WORDS.search(m.sentence.text) \
                    and not any(a.kind == "group" for a in m.actors):
                m.event_type, m.sub_event_type = "Riots", "Violent demonstration"
    merged = suicide_attack(ambush_by_bomb(suppress_parts(merge_mentions(mentions), published)))
    lead_para = next((x.paragraph for x in sentences or [] if not x.is_title and not x.is_caption), -1)
    drafts = _reported(merged, lead_para)
    told_as_clash = _told_as_clash(merged, drafts)
    restated_seen: dict[int, DateMention | None] = {}
    claims = claims or []
    events: list[Event] = []
    focus = countries[0] if countries else None
    lead_place: Mention | None = next((m for m in mentions if m.place is not None and not m.place.is_country), None)
    lead_info = next((i for i in infos if i.dateline is not None), None)
    dateline = lead_info.dateline if lead_info is not None else None
    dateline_para = lead_info.sentence.paragraph if lead_info is not None else -1
    for draft in drafts:
        ms = draft.mentions
        f = ms[0]
        # sub-event type: the highest-priority sub-type among the mentions for protests/riots
        sub = f.sub_event_type
        etype = f.event_type
        if f.event_type in ("Protests", "Riots"):
            # a demonstration whose report says it turned violent is one Riots event (ACLED)
            top_m = max(ms, key=lambda m: m.trigger.priority)
            sub, etype = top_m.sub_event_type, top_m.event_type
        elif (etype, sub) == ("Violence against civilians", "Attack") and (any(
                m.event_type == "Battles" and m.ensuing for m in ms) or id(draft) in told_as_clash):
            # an attack that led to a gun battle with security forces ("In an ensuing gun battle,
            # security forces killed 58") is a battle: armed men fought on both sides (ACLED); so
            # is one a later sentence tells as a clash of two sides ("the clash was between the La
            # Familia Michoacana and Los Tlacos crime groups")
            etype, sub = "Battles", "Armed clash"
        # a date of the event itself before one that dates only the report ("said on Saturday")
        # (the most precise of them: "Thursday night" over "this week")
        own_dates = [m for m in ms if m.date is not None and not (m.date_mention and m.date_mention.reporting)]
        dated = min(own_dates, key=lambda m: m.precision or 1, default=None) \
            or next((m for m in ms if m.date is not None), None)
        inherited = None
        unresolvable = dated is None and any(m.date_mention is not None for m in ms)
        if dated is None and not unresolvable:
            # an undated report in a dated story: the date of the report before it
            prior = [m for m in mentions if m.date is not None and m.sentence.start < f.sentence.start]
            inherited = prior[-1] if prior else None
        # the most specific place of the event's mentions, the earliest report first: a village
        # the lead names ("the village of Dalwa") is not displaced by a town a quote names later
        # (a division that only stands in for the place, "a town in Tigray region", is none)
        specific = [m for m in ms if m.toponym is not None and not (m.place is not None and (m.place.is_country or m.place.is_admin1))
                    and not (m.place is None and m.toponym is m.admin1_toponym)]
        # a town in another country than the first report's place refines nothing ("an ambush
        # in Putumayo" and "the ambush occurred two days after talks in Hurdal, Norway")
        # (the country most of the reports are placed in, the earliest on a tie)
        placed_in = [p.country for m in ms for p in [m.place or m.admin1] if p is not None]
        if placed_in:
            anchor = max(placed_in, key=lambda c: (placed_in.count(c), -placed_in.index(c)))
            specific = [m for m in specific if m.place is None or m.place.country == anchor]
        placed = max(specific, key=lambda m: (specificity((m.toponym, m.place)), -ms.index(m))) if specific else None  # type: ignore[arg-type]
        placed = placed or next((m for m in ms if m.toponym is not None), None)
        adm_m = next((m for m in ms if m.admin1 is not None), None)
        place = placed.place if placed else None
        top = placed.toponym if placed else None
        admin1_place = adm_m.admin1 if adm_m else None
        if place is not None and place.is_admin1:
            admin1_place = place
        country = place.country if place is not None else (admin1_place.country if admin1_place else None)
        # a report that opens as another occurrence ("Also Friday, militants ambushed ...") takes
        # no place from the report before it or the lead
        elsewhere = separate(f)
        if country is None and top is None and not elsewhere \
                and not any(m.toponym is not None or m.admin1 is not None for m in ms):
            # no place in the event's sentences: the place of the report just before it (within
            # two paragraphs), else the article's lead place
            before = [m for m in mentions if m.toponym is not None and m.sentence.start < f.sentence.start
                      and f.sentence.paragraph - m.sentence.paragraph <= 2
                      and not (m.place is not None and m.place.is_country)]
            if before:
                place, top = before[-1].place, before[-1].toponym
                admin1_place = admin1_place or before[-1].admin1
                country = place.country if place else (admin1_place.country if admin1_place else None)
        # a lead report with no place of its own ("detonated a bomb near a popular market of the
        # town"), in an article whose first place is another kind of event's: the dateline's
        # city, in the article's focus country, unless the sentences around name its town
        at_dateline = country is None and top is None and not elsewhere and dateline is not None \
            and f.sentence.paragraph == dateline_para \
            and (lead_place is None or lead_place.event_type != f.event_type)
        if country is None and top is None and not elsewhere and lead_place is not None \
                and lead_place.place is not None and not at_dateline:
            # no place in the event's sentences: the article's lead place
            place, top = lead_place.place, lead_place.toponym
            country = place.country if place else None
        if country is None and top is not None:
            # an unknown village: the country of the towns and divisions named with it ("the
            # village of Mansouri near the coastal city of Tyre"); not of a country named beside
            # it, which may be a border ("bordering Afghanistan")
            # (nor a town the act came from: "detained on his return from London")
            named = [p.country for m in ms for t, p in m.sentence_places
                     if p is not None and not p.is_country and (not t.moving or t.near)]
            if named:
                country = max(set(named), key=named.count)
        if country is None and top is None:
            # placed nowhere (at sea, "in the Red Sea"): the home country of a named group that
            # acts in one country only (Houthis: Yemen), before a country a source names
            # (by its name: "separatists", a common noun, says nothing of where)
            homes = {c for m in ms for a in m.actors if a.kind == "group" and len(a.groups) == 1
                     and any(ch.isupper() for ch in a.text)
                     for g in a.groups if len(g.countries) == 1 for c in g.countries}
            if len(homes) == 1 and (focus is None or focus not in {c for m in ms for a in m.actors for g in a.groups
                                                                   for c in g.countries}):
                country = homes.pop()
        if country is None:
            country = focus
        country, territory = acled_country(country)
        listed: list[tuple[Toponym, Place | None]] = []
        if sentences is not None and _broad(place, top):
            finer = _finer_place(ms, sentences, drafts, infos, res, countries, country, admin1_place or place,
                                 article.text)
            if finer is not None:
                top, place, listed = finer
                if place is not None and place.is_admin1:
                    admin1_place = place
        if at_dateline and dateline is not None and top is None and (place is None or place.is_country) \
                and dateline[1].country == country:
            top, place = dateline

        admin1_name = territory
        if territory is not None:
            pass  # Hong Kong is an admin1 of China in ACLED
        elif place is not None and place.admin1 and not place.is_country:
            admin1_name = place.admin1
        elif admin1_place is not None and admin1_place.country == country:
            admin1_name = admin1_place.admin1 or admin1_place.name
        elif place is None and province_named(top):
            pass  # an unknown province ("Hoddeydah province"): no other division is its own
        elif place is None and top is not None:
            # an unknown village: the division of a known place in its sentence, else of the lead
            near_known = [p for m in ms for t, p in m.sentence_places
                          if p is not None and not p.is_country and p.country == country and p.admin1
                          and (not t.moving or t.near)]
            if near_known:
                admin1_name = near_known[0].admin1
            elif lead_place is not None and lead_place.place is not None and lead_place.place.country == country:
                admin1_name = lead_place.place.admin1
            else:
                # else the division the article names, when it names one only in the event's
                # country ("Jonglei Governor Kuol Manyang"; a district names its province)
                admin1_name = _only_division(infos, country)
        # time
        ev_date = dated.date if dated else (inherited.date if inherited else None)
        prec = dated.precision if dated else (inherited.precision if inherited else None)
        if ev_date is None and published is not None and not unresolvable:
            ev_date, prec = published, 1
        date_ev = dated.date_mention if dated else None
        if sentences is not None and published is not None and not unresolvable \
                and etype not in ("Protests", "Strategic developments") \
                and (date_ev is None or date_ev.reporting or _OVERNIGHT.fullmatch(date_ev.text)):
            # dated only by its report (or not at all): a later sentence that names the act
            # again with its day ("The attack took place Thursday afternoon")
            restated = _restated_date(draft, drafts, sentences, published, pub_year, restated_seen)
            if restated is not None and date_ev is not None and not date_ev.reporting \
                    and not (ev_date is not None and 0 < (ev_date - restated[0]).days <= 1):
                restated = None  # "an overnight attack": only the night's own evening refines it
            if restated is not None and (published - restated[0]).days > RESTATED_DAYS:
                # "The attack took place on 2 July" in a report of 20 August: a recap (FORMAT.md)
                if recaps is not None:
                    recaps.append(f"{f.trigger.text} ({restated[2].text})")
                continue
            if restated is not None:
                ev_date, prec, date_ev = restated
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
            # (a dateline's "PESHAWAR" by its gazetteer name)
            location = _bare_name(top.text) if top and not top.text.isupper() else place.name
        elif top is not None and admin1_name is not None \
                and (top.feature or top.text.split()[-1]).lower() in DIVISION_FEATURES \
                and any(m.admin1_toponym is top for m in ms):
            # "in the southern Abyan province": the division itself, by its name (geo precision 3)
            geo = 3
            location = admin1_name
        elif top is not None:
            geo = 2
            location = _bare_name(top.text)
        else:
            geo = 3 if admin1_name else None
            location = admin1_name
        # an unknown village near a known town: ACLED's coordinates of the nearest town, precision 2
        coords = place
        if place is None and top is not None:
            # (in the event's division when it is known: not a namesake of the village elsewhere)
            coords = next((p for m in ms for t, p in m.sentence_places
                           if p is not None and p.feature_class == "P" and p.country == country
                           and (admin1_name is None or p.admin1 == admin1_name)
                           and fold(t.text) != fold(top.text)), None)
            if coords is None:
                # else the district it lies in ("villages of A and B in Yatenga province")
                coords = next((p for m in ms for _t, p in m.sentence_places
                               if p is not None and p.is_admin2 and p.country == country
                               and (admin1_name is None or p.admin1 == admin1_name)), None)
            if coords is None and admin1_place is not None and admin1_place.country == country:
                # else its province's seat (ACLED's point for a place known only to its province)
                coords = admin1_place.at_seat()
        a1, a2 = pick_actors(draft, etype, sub, country, [country, *countries] if country else countries, res, claims)
        if a1 and a2 and a1[0] == a2[0] and a1[1] != 4 and not a1[0].startswith("Unidentified Armed Group"):
            # one actor on both sides, except identity and communal militias (inter 4) and unidentified
            # armed groups ("rival militias"), whose members ACLED codes fighting each other
            a2 = None
        fat, low, high, fat_ev = event_toll(draft, sub)
        evidence: list[Evidence] = []
        for m in ms:
            evidence.append(Evidence("sub_event_type", m.trigger.start, m.trigger.end, m.trigger.text))
        if date_ev is not None:
            evidence.append(Evidence("event_date", date_ev.start, date_ev.end, date_ev.text))
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
        key = "|".join([article.id, etype, sub, str(ev_date), fold(location or ""), str(f.trigger.start)])
        attribution = next((m.attribution for m in ms if m.attribution is not None), None)
        confidence = 0.4 + 0.15 * (dated is not None) + 0.15 * (place is not None) + 0.1 * (a1 is not None and a1[2] is not None) + 0.1 * (len(ms) > 1)
        ev = Event(
            event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            event_type=etype,
            sub_event_type=sub,
            event_date=ev_date.isoformat() if ev_date else None,
            time_precision=prec if ev_date else None,
            date_text=date_ev.text if date_ev is not None else None,
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
        split = _tolls_by_place(ev, ms, article, country)
        if not split and len(listed) > 1:
            # "The attack took place in A, B and C": one event per place, the toll split
            n, fat = len(listed), ev.fatalities
            split = [_at_place(ev, i, t, p, None if fat is None else fat // n + (1 if i < fat % n else 0))
                     for i, (t, p) in enumerate(listed)]
        events.extend(split if split else _one_per_place(ev, top, placed, article, country, ms))
    return _at_country(_remote_attacker(drop_duplicates(events)), res, article.text)


_REMOTE = ("Shelling/artillery/missile attack", "Air/drone strike")


def _remote_attacker(events: list[Event]) -> list[Event]:
    """Shelling or air strikes whose attacker the report leaves unnamed ("Today's shelling
    areas include the regions of Zaporizhzhia, Kharkiv ..."), in an article whose other
    shelling or strikes one state force carries out ("The Russian air forces shelled
    Avdiivka"): that force's (ACLED codes the side that fires when the report makes it
    plain). Not when two or more forces fire in the article."""
    forces = {(e.actor1, e.inter1) for e in events if e.sub_event_type in _REMOTE and e.inter1 in (1, 8)}
    if len(forces) != 1:
        return events
    (name, inter), = forces
    for ev in events:
        if ev.sub_event_type in _REMOTE and (ev.actor1 or "").startswith("Unidentified Armed Group") \
                and ev.actor2 != name:
            ev.actor1, ev.inter1 = name, inter
            ev.interaction = int(f"{min(inter, ev.inter2)}{max(inter, ev.inter2)}") if ev.inter2 is not None \
                else int(f"{inter}0")
            ev.notes = _notes(ev)
    return events


# waters: an event there ("fired a missile at a tanker in the Gulf") is at sea, not in a country
_AT_SEA = re.compile(r"\b(?:sea|gulf|strait|straits|ocean|waters|offshore|off the coast|bay|channel)\b", re.I)


def _at_country(events: list[Event], res: Resources, text: str) -> list[Event]:
    """Events placed by nothing but their country (its actors' or the article's: "Zimbabwe
    police have arrested ..."), after duplicates are settled (one placed nowhere is another
    occurrence): the country itself, by its GeoNames name, at its capital's point (ACLED, geo
    precision 3); not one told at sea."""
    gaz = res.places.gazetteer
    if gaz is None:
        return events
    for ev in events:
        if ev.location is not None or ev.admin1 is not None or not ev.country or ev.geo_precision is not None:
            continue
        told = " ".join(text[max(0, e.start - 150):e.end + 150] for e in ev.evidence if e.field == "sub_event_type")
        if not _AT_SEA.search(told):
            whole = gaz.country_place(ev.country)
            if whole is not None:
                seat = whole.at_seat()
                ev.location, ev.geo_precision, ev.geonameid = whole.name, 3, whole.geonameid
                ev.latitude, ev.longitude = seat.latitude, seat.longitude
    return events


_FIGURE_TO_PLACE = re.compile(r"^\s*(?:people\s+)?"
                              # "killed in attacks in the town of Habit"
                              r"(?:in\s+(?:\w+\s+)?(?:attacks?|shelling|strikes?|air ?strikes?|raids?|clashes|fighting)\s+)?"
                              r"(?:in|at|near)\s+(?:the\s+)?"
                              # "eight others were killed in the province's Uludere district"
                              r"(?:(?:province|district|region|state|county|country)['’]s\s+)?"
                              r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|central\s+)?"
                              r"(?:(?:village|town|area)\s+of\s+)?$", re.I)


_FIGURE_THEN_NAME = re.compile(r"\s*(?:people\s+)?(?:in|at|near)\s+(?:the\s+)?(?:(?:village|town)\s+of\s+)?"
                               r"(?P<n>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_NOT_A_NAME = {"The", "A", "An", "This", "That", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
               "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"}


# a toll broken down by place after a colon ("killed 8 civilians of Donetsk region: 4 - in
# Dolyna, 1 - in Bogorodychny, 1 - in Slovyansk"; "three dead: two in Gusau and one in Tsafe")
_BREAKDOWN_ITEM = re.compile(r"(?P<v>\d{1,3})\s*(?:[-–—]\s*)?(?:(?:people|persons|dead|killed)\s+)?(?:in|at)\s+"
                             r"(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?"
                             r"(?P<n>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")


def _breakdown(m: Mention, text: str, country: str | None) -> list[tuple[int, Toponym, Place | None]]:
    """(figure, toponym, place) of each item of a toll broken down by place after a colon in a
    mention's sentence; fewer than two items: []."""
    sent = m.sentence.text
    colon = sent.find(":")
    if colon < 0 or not re.search(r"\b(?:killed|killing|dead|died|deaths?|lives)\b", sent[:colon]):
        return []
    out: list[tuple[int, Toponym, Place | None]] = []
    pos = colon + 1
    while True:
        it = _BREAKDOWN_ITEM.match(sent, pos) if out else _BREAKDOWN_ITEM.search(sent, pos)
        if it is None or it.start() > pos + 12:
            break
        start = m.sentence.start + it.start("n")
        known = next(((t, p) for t, p in m.sentence_places if t.start == start), None)
        top, place = known if known is not None else (
            Toponym(it.group("n"), start, m.sentence.start + it.end("n"), None, False, "pattern"), None)
        if place is not None and country is not None and place.country != country:
            return []
        out.append((int(it.group("v")), top, place))
        sep = re.match(r"\s*(?:,|;|and|,\s*and)\s*", sent[it.end():])
        if sep is None:
            break
        pos = it.end() + sep.end()
    return out if len(out) >= 2 else []


def _tolls_by_place(ev: Event, ms: list[Mention], article: Article, country: str | None) -> list[Event]:
    """One event per place when a report gives each place its own toll ("leaving two dead in
    Dialloube and four dead in the Hombori area"): ACLED codes each place with its own
    fatalities. Empty when the sentence does not pair two or more figures with places."""
    for m in ms:
        pairs: list[tuple[int, Toponym, Place | None]] = []
        for dc in m.deaths:
            # (a province counts when named with its word: "three killed in Sirnak province")
            nxt = min((tp for tp in m.sentence_places if tp[0].start >= dc.end and not tp[0].moving
                       and not (tp[1] is not None and (tp[1].is_country or (
                           tp[1].is_admin1 and (tp[0].feature or "").lower() not in DIVISION_FEATURES)))),
                      key=lambda tp: tp[0].start, default=None)
            if nxt is None or not _FIGURE_TO_PLACE.match(article.text[dc.end:nxt[0].start]):
                # a village no look-up knows, named right after its figure ("two dead in Dialloube")
                named = _FIGURE_THEN_NAME.match(article.text, dc.end)
                if named is None or named.group("n").split()[0] in _NOT_A_NAME:
                    continue
                nxt = (Toponym(named.group("n"), named.start("n"), named.end("n"), None, False, "pattern"), None)
            if nxt[1] is not None and country is not None and nxt[1].country != country:
                continue
            pairs.append((dc.value, nxt[0], nxt[1]))
        if len(pairs) < 2:
            pairs = _breakdown(m, article.text, country)
        if len(pairs) < 2 or len({fold(t.text) for _v, t, _p in pairs}) < len(pairs):
            continue
        return [_at_place(ev, i, t, p, value, own_toll=True) for i, (value, t, p) in enumerate(pairs)]
    return []


def _at_place(ev: Event, i: int, t: Toponym, p: Place | None, fatalities: int | None, *,
              own_toll: bool = False) -> Event:
    """Copy ``i`` of an event split over several places, at toponym ``t`` (place ``p``, None
    for a village no look-up knows) with its share of the toll. The first copy keeps the
    event's id; an unknown village keeps the event's nearest-town point only as the first.
    ``own_toll``: the figure is the place's own, so the event's toll evidence is dropped."""
    dropped = ("location", "fatalities") if own_toll else ("location",)
    evidence = [x for x in ev.evidence if x.field not in dropped] + [Evidence("location", t.start, t.end, t.text)]
    copy = replace(
        ev, event_id=hashlib.sha1(f"{ev.event_id}|{t.start}".encode()).hexdigest()[:16] if i else ev.event_id,
        location=_bare_name(t.text), geonameid=p.geonameid if p is not None else None,
        latitude=p.latitude if p is not None else (ev.latitude if i == 0 else None),
        longitude=p.longitude if p is not None else (ev.longitude if i == 0 else None),
        admin1=(p.name if p.is_admin1 else (p.admin1 or ev.admin1)) if p is not None else ev.admin1,
        admin2=p.admin2 if p is not None else None,
        geo_precision=(1 if p.feature_class == "P" and not t.near else 2) if p is not None else 2,
        fatalities=fatalities, fatalities_low=fatalities, fatalities_high=fatalities,
        evidence=evidence)
    copy.notes = _notes(copy)
    return copy


def _one_per_place(ev: Event, top: Toponym | None, placed: Mention | None, article: Article,
                   country: str | None, ms: list[Mention] | None = None) -> list[Event]:
    """The event, or one copy per place when its sentence names several coordinated places
    ("attacked the villages of A and B"): ACLED codes one event per place and splits a
    single toll evenly between them, the remainder to the first (FORMAT.md). Another report
    of the event may give the list that holds its place ("Police put down protests in
    Algiers", then "March suppressed in Algiers and Annaba")."""
    if top is None or placed is None:
        return [ev]
    group = coordinated_places(top, placed.sentence_places, article.text)
    group = [tp for tp in group if tp[1] is None or tp[1].country == country]
    for m in ms or []:
        if len(group) >= 2:
            break
        if m is placed or m.toponym is None or m.event_type != ev.event_type:
            continue
        own = next((t for t, _p in m.sentence_places if fold(t.text) == fold(top.text)), None)
        if own is None:
            continue
        other = coordinated_places(own, m.sentence_places, article.text)
        other = [tp for tp in other if tp[1] is None or tp[1].country == country]
        if len(other) >= 2:
            # (the event's own place first, as told in the report that placed it)
            group = [next((top, p) for t, p in other if t.start == own.start),
                     *[tp for tp in other if tp[0].start != own.start]]
    if len(group) < 2:
        return [ev]
    n = len(group)
    fat = ev.fatalities
    return [_at_place(ev, i, t, p, None if fat is None else fat // n + (1 if i < fat % n else 0))
            for i, (t, p) in enumerate(group)]


_PLACE_FEATURES = {"village", "villages", "town", "city", "hamlet", "locality", "settlement", "camp", "neighbourhood",
                   "neighborhood", "commune", "community", "area", "market"}


def _broad(place: Place | None, top: Toponym | None) -> bool:
    """Whether an event is placed only at a country, a division or a district."""
    if top is None:
        return True
    if place is not None and (place.is_country or place.is_admin1 or place.is_admin2):
        return True
    return (top.feature or "").lower() in DIVISION_FEATURES


def _finer_place(ms: list[Mention], sentences: list[Sentence], drafts: list, infos: list[SentenceInfo],
                 res: Resources, countries: list[str], country: str | None,
                 region: Place | None, text: str
                 ) -> tuple[Toponym, Place | None, list[tuple[Toponym, Place | None]]] | None:
    """A town or village named in the sentences around an event's report (its paragraphs and
    the paragraph after each, but not a sentence that reports another event), inside the event's
    country and division: ACLED codes the most specific place the article gives.

    Returns (toponym, place, listed): ``listed`` holds every place of a sentence that says
    where the event happened ("The attack took place in Mayele, Toya and Kabrike"), known to
    the gazetteer or not, when it names two or more (one event each); else it is empty."""
    from eventcoder.extract.places import find_toponyms

    paras = {m.sentence.paragraph for m in ms}
    window = paras | {p + 1 for p in paras}
    own = {m.sentence.start for m in ms}
    others = {m.sentence.start for d in drafts for m in d.mentions} - own
    by_start = {info.sentence.start: info for info in infos}
    near = [sent for sent in sentences
            if sent.paragraph in window and not sent.is_caption and not sent.is_title and sent.start not in others]
    for sent in near:
        # a sentence that says where the event happened comes first
        where = _OCCURRED_IN.search(sent.text)
        if where is None:
            continue
        tps = [(t, res.places.resolve(t, countries)) for t in find_toponyms(sent.text, sent.start, [])
               if t.start >= sent.start + where.end() and not reference_point(text, t)
               and not ROAD_ENDS.search(text[max(0, t.start - 140):t.start])]
        if tps:
            group = coordinated_places(tps[0][0], tps, text)
            group = [tp for tp in group if tp[1] is None or (tp[1].country == country and not tp[1].is_admin1)]
            if group:
                return group[0][0], group[0][1], group if len(group) > 1 else []
    for sent in near:
        info = by_start.get(sent.start)
        if info is not None:
            found = list(info.toponyms)
        else:
            found = [(t, res.places.resolve(t, countries)) for t in find_toponyms(sent.text, sent.start, [])]
        for t, p in found:
            if t.moving or reference_point(text, t) or (t.text.isupper() and agency_dateline_end(text[t.start:t.start + 120])):
                continue  # (nor a dateline in capitals after a summary line: "MANILA, Dec 18 (NNN-PNA) –")
            if p is not None:
                if p.is_country or p.is_admin1 or p.country != country:
                    continue
                if region is not None and region.is_admin1 and p.admin1_code != region.admin1_code:
                    continue
                if p.feature_class in ("P", "T", "H", "L", "S", "V") or (t.feature or "").lower() in _PLACE_FEATURES:
                    return t, p, []
            elif (t.feature or "").lower() in _PLACE_FEATURES and t.source != "prep":
                return t, None, []
    return None


# "The attack overnight Wednesday took place in Mayele, Toya and Kabrike": where the event
# just reported happened (the places follow the match)
_OCCURRED_IN = re.compile(
    r"(?i)\b(?:the|this|that)\s+(?:(?:deadly|latest|fatal|twin|overnight|night|early|suicide|bomb)\s+)?"
    + ACT_NOUNS +
    r"\b[^.;]{0,60}?\b(?:took place|occurred|happened|were carried out|was carried out)\s+(?:[^.;]{0,30}?\s)?(?:in|at|near)\s+"
    r"(?:the\s+)?(?:(?:villages?|towns?|localities|communities|areas?)\s+of\s+)?")
