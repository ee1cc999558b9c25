"""Event grouping: mentions of one occurrence become one draft event; parts of a main event and place-less, date-less drafts are dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from eventcoder.assemble.records import Mention
from eventcoder.extract.places import Toponym
from eventcoder.models import Event
from eventcoder.resolve.actors import GROUP, STATE, UNIDENTIFIED
from eventcoder.resolve.gazetteer import Place
from eventcoder.resolve.gazetteer.names import fold, strip_feature_word

MERGE_WINDOW = 40  # a mention is compared with the last 40 events only: merging stays linear

@dataclass
class Draft:
    """An event being assembled from one or more mentions."""

    mentions: list[Mention]

    @property
    def first(self) -> Mention:
        return self.mentions[0]

def _slack(m: Mention, x: Mention) -> int:
    """Days a report that refers back may lie from the one before it and still tell the same
    occurrence: one, unless both name their weekdays ("attacked ... on Sunday", then "pursued
    the attackers ... on Monday and killed four of them": the next day's is another event)."""
    both_days = all(y.date_mention is not None and y.date_mention.kind == "weekday"
                    and not y.date_mention.reporting and "night" not in y.date_mention.text.lower() for y in (m, x))
    return 0 if both_days else 1


def province_named(t: Toponym | None) -> bool:
    """Whether a toponym is a first-level division by its feature word ("Hajja province", "the
    province of Hajja", "Kaduna State")."""
    return t is not None and (t.feature or t.text.split()[-1]).lower() in ("province", "governorate", "state")


def _division(m: Mention) -> tuple[str, str | None] | None:
    """(country, admin1 code) of the first-level division a mention's place lies in: its own
    place's, else the division its sentence names for it (an unknown village "of Zamfara
    State"); None when neither is known."""
    if m.place is not None and not m.place.is_country and m.place.admin1_code:
        return (m.place.country, m.place.admin1_code)
    if m.place is None and m.admin1 is not None and m.admin1.admin1_code:
        return (m.admin1.country, m.admin1.admin1_code)
    return None


def _settlement(m: Mention) -> bool:
    """Whether a mention's toponym is told as a village or town ("the village of Dronovka",
    "Kagara village")."""
    t = m.toponym
    return t is not None and (t.feature or "").lower() in ("village", "town", "hamlet", "settlement")


def _same_place(a: Mention, b: Mention) -> bool | None:
    """True/False when both have a specific place; None when either lacks one."""
    if a.toponym is None or b.toponym is None:
        return None

    def holds(x: Mention, y: Mention) -> bool:
        # y's place is also named in x's sentence
        assert y.toponym is not None
        if y.place is not None and (y.place.is_country or y.place.is_admin1):
            return False  # a country or a division named in both sentences is context, not the place
        for t, p in x.sentence_places:
            if t.near and x.toponym is not None and fold(x.toponym.text) != fold(t.text):
                continue  # "in Baquba, north of Baghdad": Baghdad only locates x's place
            if fold(t.text) == fold(y.toponym.text):
                return True
            if p is not None and y.place is not None and (p.geonameid, p.name) == (y.place.geonameid, y.place.name) \
                    and not (p.is_country or p.is_admin1):
                return True
        return False

    if a.sentence.start != b.sentence.start and (holds(a, b) or holds(b, a)):
        return True
    pa, pb = a.place, b.place
    if province_named(a.toponym) and province_named(b.toponym) and fold(strip_feature_word(a.toponym.text)) != fold(strip_feature_word(b.toponym.text)) \
            and not (pa is not None and pb is not None) \
            and not (a.admin1 is not None and b.admin1 is not None and a.admin1.geonameid == b.admin1.geonameid):
        return False  # two provinces by name: "Hoddeydah province" (a spelling the gazetteer lacks) and "the province of Hajja"
    if pa is not None and pb is not None:
        if pa.is_country or pb.is_country:
            return None if pa.country == pb.country else False
        if pa.is_admin1 or pb.is_admin1 or pa.is_admin2 or pb.is_admin2:
            # a division or district holds the towns of its first-level division
            return None if (pa.country, pa.admin1_code) == (pb.country, pb.admin1_code) else False
        if (pa.geonameid, pa.name) == (pb.geonameid, pb.name):
            return True
        if pa.latitude is not None and pb.latitude is not None:
            return abs(pa.latitude - pb.latitude) + abs((pa.longitude or 0) - (pb.longitude or 0)) < 0.1
        return False
    da, db = _division(a), _division(b)
    if da is not None and db is not None and da[0] == db[0] and da[1] != db[1]:
        return False  # an unknown village "of Zamfara State" is not in a town of Sokoto
    if _settlement(a) and _settlement(b) and fold(strip_feature_word(a.toponym.text)) != fold(strip_feature_word(b.toponym.text)):
        return False  # "the village of Dronovka" (unknown) and "the village of Krasnoye": no village holds another
    if pa is not None or pb is not None:
        # one name the gazetteer does not know (a checkpoint, a neighbourhood, a village):
        # it may lie inside the other place
        return None
    if strip_feature_word(a.toponym.text) == strip_feature_word(b.toponym.text):
        return True  # (one name with its feature word: "Chibuak village" and "Chibuak")
    if ((a.toponym.feature or "").lower() in DIVISION_FEATURES or (b.toponym.feature or "").lower() in DIVISION_FEATURES) \
            and abs(a.sentence.paragraph - b.sentence.paragraph) <= 1:
        return None  # two unknown names, one a district ("Reu Soh district" and a village in it, told next)
    return False

_THE_PROTESTERS = re.compile(r"\b(?:[Tt]he|[Ss]ome|[Ss]everal|[Mm]any|[Oo]ther|[Tt]hese)\s+(?:of the\s+)?(?:angry\s+)?"
                             r"(?:protesters|protestors|demonstrators|marchers|crowds?|youths|students|supporters)\b")
# a report that opens by placing itself before the one just told is another occurrence on its
# own day ("Earlier on Wednesday night, 23 militants were killed ...")
_EARLIER = re.compile(r"^\W*(?:Earlier|Previously|A day earlier|The day before|The previous day|On the previous day)\b")
# a report that opens by placing itself before or after the one just told is another occurrence
# unless it names the same place ("Later on Friday, another group attacked Nangade")
_BEFORE_AFTER = re.compile(r"^\W*(?:Earlier|Later|Previously|Subsequently|A day earlier|A day later|The day before|"
                           r"The next day|The following day|The previous day|On the previous day)\b")
_SEPARATE = re.compile(r"\b(?:in (?:a|another) separate|in another|in other (?:violence|incidents?|attacks?)|separately|"
                       r"elsewhere|in a similar (?:attack|strike|raid|incident)|"
                       # "The attack came shortly after another assault in the town of Rafah, when ..."
                       r"(?:after|before|followed|as well as|and) another (?:attack|assault|raid|clash|incident|strike|bombing|explosion|blast|ambush))\b|"
                       # "They said a separate strike killed at least 20 people"
                       r"\b(?:a|another) separate\s+$|"
                       # "Also in Baquba, gunmen ...", "Also Friday, suspected militants ambushed ..."
                       r"^\s*(?:also|meanwhile),?\s+(?:in|on|at|near|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|"
                       # "Meanwhile, gunmen opened fire at the minister's car"
                       r"^\s*meanwhile,\s",
                       re.I)


# the arrest of a leader ("police arrested main opposition candidate Kizza Besigye"): ACLED's
# Arrests event of a politically significant person, never a detail of the demonstration
_LEADER_ARRESTED = re.compile(
    r"^\W{0,3}(?:the\s+|an?\s+)?(?:\w+\s+){0,2}?(?:opposition|party|presidential|former|rebel|separatist|protest)\s+"
    r"(?:\w+\s+)?(?:leaders?|candidates?|chiefs?|chairman|chairwoman|figures?|politicians?|president|prime minister|"
    r"lawmakers?|senators?|MPs?|deputies)\b")


def leader_arrested(m: Mention) -> bool:
    """Whether an arrest mention's object is a political leader (opposition leader, candidate,
    former president...), read in the words after its trigger."""
    after = m.sentence.text[m.trigger.end - m.sentence.start:][:80]
    return _LEADER_ARRESTED.search(after) is not None


def separate(m: Mention) -> bool:
    """Whether a mention opens as another occurrence ("In a separate incident", "Also in Baquba,")."""
    return _SEPARATE.search(m.sentence.text[:max(0, m.trigger.start - m.sentence.start)]) is not None


def merge_mentions(mentions: list[Mention]) -> list[Draft]:
    """Group mentions into events: same event type, compatible place and date, and the
    same sub-event type unless the later mention names neither place nor date."""
    drafts: list[Draft] = []
    for m in mentions:
        target = None
        last = drafts[-1] if drafts else None
        if m.event_type == "Riots" and m.toponym is None and m.date is None \
                and _THE_PROTESTERS.search(m.sentence.text[:max(0, m.trigger.start - m.sentence.start)]):
            # "The protesters threw stones at police": the demonstration just reported turned violent
            demo = next((d for d in reversed(drafts[-3:]) if d.first.event_type in ("Protests", "Riots")
                         and m.sentence.paragraph - d.mentions[-1].sentence.paragraph <= 2), None)
            if demo is not None:
                demo.mentions.append(m)
                continue
        if separate(m):
            drafts.append(Draft([m]))  # "In a separate incident, ...": never the event before
            continue
        if m.anaphoric and last is not None \
                and m.sentence.paragraph - last.mentions[-1].sentence.paragraph <= (4 if m.ensuing else 2) \
                and (m.date is None or all(x.date is None or abs((m.date - x.date).days) <= _slack(m, x)
                                           or (x.date_mention is not None and x.date_mention.reporting)
                                           for x in last.mentions)) \
                and not any(_same_place(x, m) is False for x in last.mentions) \
                and not (_BEFORE_AFTER.match(m.sentence.text) and m.toponym is not None
                         and not any(_same_place(x, m) is True for x in last.mentions)):
            last.mentions.append(m)  # "The attack on Khuafo village ...": more about the last event
            continue
        for d in drafts[-MERGE_WINDOW:]:
            f = d.first
            if f.event_type != m.event_type:
                continue
            places = d.mentions[:1] + d.mentions[-MERGE_WINDOW:] if len(d.mentions) > MERGE_WINDOW else d.mentions
            same = [_same_place(x, m) for x in places]
            if any(s is False for s in same) and not any(s is True for s in same):
                continue
            if _BEFORE_AFTER.match(m.sentence.text) and not any(s is True for s in same) and m.toponym is not None:
                continue
            dates = [x.date for x in d.mentions if x.date is not None]
            # two different days are two occurrences, unless the place is the same (a one-day
            # slip between a lead and a later paragraph, or "overnight"); not for another kind of
            # act (an air strike the day after shelling there is another occurrence)
            slack = 1 if any(s is True for s in same) and not _EARLIER.match(m.sentence.text) \
                and f.sub_event_type == m.sub_event_type else 0
            if all(x.toponym is None and (x.date is None or (x.date_mention is not None and x.date_mention.reporting))
                   for x in d.mentions) and m.date is not None and dates and all((x - m.date).days == 1 for x in dates):
                # a lead placed nowhere and dated only by its report ("an airstrike killed ten,
                # reports said on Wednesday"), then the strike itself "on Tuesday" at a village
                slack = 1
            if m.toponym is None and m.date_mention is not None and m.date_mention.reporting:
                # the other way round: a later report placed nowhere and dated only by its telling
                # ("... killed in a U.S. drone attack," the spokesman told the agency on Tuesday)
                slack = max(slack, 1)
            if m.date is not None and dates and all(abs((m.date - x).days) > slack for x in dates):
                continue
            if m.again and any(x != m.date for x in dates):
                continue  # "... and again on Sunday night": another day, another event
            if _other_groups(d, m):
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

def _groups(m: Mention) -> set[str]:
    """The armed groups a mention's sentence names (every dictionary row its aliases fit)."""
    return {g.name for a in m.actors if a.kind == "group" for g in a.groups}


def _other_groups(d: Draft, m: Mention) -> bool:
    """Whether a mention names armed groups and the draft others, none in common: strikes on
    "the camp of the Jund al-Aqsa group" and on "positions of the Jaish al-Fateh" the same day
    in one province are two events (one occurrence has the same actors, ACLED)."""
    mine = _groups(m)
    if not mine:
        return False
    theirs = set().union(*(_groups(x) for x in d.mentions))
    return bool(theirs) and not any(related_groups(a, b) for a in theirs for b in mine)


def related_groups(a: str, b: str) -> bool:
    """Whether two armed groups' names are one group or of one lineage by their first word
    ("FARC: Revolutionary Armed Forces of Colombia" and "FARC Dissidents"; "Islamic State" and
    "Islamic State West Africa Province"): news names them loosely ("former FARC guerrillas")."""
    def key(name: str) -> str:
        return (name.split(":")[0] if ":" in name else name).casefold()

    ka, kb = key(a), key(b)
    return ka == kb or ka.startswith(kb + " ") or kb.startswith(ka + " ")


def bare(draft: Draft) -> bool:
    """A draft none of whose sentences names a place (a division counts) or a date: a quote, a comment or
    background ("These mines do not distinguish ...") rather than a report of an occurrence."""
    return all(m.toponym is None and m.admin1 is None and m.date_mention is None for m in draft.mentions)

def _turned_into(demo: Draft, riot: Draft) -> bool:
    """Whether a demonstration turned into a riot the article reports: the same place, or one of
    the two placed nowhere (a riot with no place of its own only in the demonstration's
    paragraph or the next). A riot dated before every day the demonstration is dated is no turn
    it took ("On Monday, protesters tried to storm the parliament" in a report of Wednesday's
    march); only dates told beside their act count (within 80 characters of its trigger).
    """
    def days(d: Draft) -> list:
        return [m.date for m in d.mentions if m.date is not None and m.date_mention is not None
                and not m.date_mention.reporting
                and min(abs(m.date_mention.start - m.trigger.end), abs(m.trigger.start - m.date_mention.end)) <= 80]

    if days(demo) and days(riot) and max(days(riot)) < min(days(demo)):
        return False
    def towns(d: Draft) -> set[tuple]:
        return {(m.place.name, m.place.country, m.place.latitude, m.place.longitude)
                for m in d.mentions if m.place is not None and m.place.feature_class == "P"}

    towns_demo, towns_riot = towns(demo), towns(riot)
    if towns_demo and towns_riot and not towns_demo & towns_riot:
        return False  # stones thrown in Tripoli "as other protests were organized in Beirut and Sidon"
    return any(_same_place(x, y) for x in demo.mentions for y in riot.mentions) or all(
        x.toponym is None for x in demo.mentions) or (all(y.toponym is None for y in riot.mentions) and any(
            0 <= y.sentence.paragraph - x.sentence.paragraph <= 1 for x in demo.mentions for y in riot.mentions))


_AMBUSH = re.compile(r"\bambush", re.I)
_PLANTED_BOMB = {"Remote explosive/landmine/IED"}
_GUNFIRE = re.compile(r"\b(?:gunfire|gunmen|shot|shooting|opened fire|fired|firefight|gun ?battle|exchanged fire|"
                      r"rifles?|bullets?|grenades?|rocket-propelled)\b", re.I)


def ambush_by_bomb(drafts: list[Draft]) -> list[Draft]:
    """An ambush told as such ("Five soldiers were killed in an ambush in Putumayo") and a bomb
    set off on the same forces within two paragraphs ("guerrillas detonated a bomb as military
    vehicles were traveling"), at a compatible place and date, with no gunfire told: one
    event, the bomb's (ACLED codes an ambush carried out by an explosive device as remote
    violence); it takes the ambush's reports and toll."""
    out = list(drafts)
    for d in drafts:
        if d.first.event_type != "Battles" or not all(_AMBUSH.search(m.trigger.text) for m in d.mentions) \
                or any(_GUNFIRE.search(m.sentence.text) for m in d.mentions):
            continue
        bomb = next((o for o in drafts if o.first.sub_event_type in _PLANTED_BOMB
                     and min(abs(o.first.sentence.paragraph - m.sentence.paragraph) for m in d.mentions) <= 2
                     and not any(_same_place(x, y) is False for x in d.mentions for y in o.mentions)
                     and not any(x.date and y.date and abs((x.date - y.date).days) > 1
                                 for x in d.mentions for y in o.mentions)), None)
        if bomb is None or d not in out:
            continue
        bomb.mentions.extend(replace(m, event_type=bomb.first.event_type, sub_event_type=bomb.first.sub_event_type,
                                     trigger=replace(m.trigger, priority=-1)) for m in d.mentions)
        out.remove(d)
    return out


def suicide_attack(drafts: list[Draft]) -> list[Draft]:
    """An attack told first as a fight ("23 soldiers were killed in a militant attack") whose
    later reports tell a suicide bombing of the same occurrence ("the ensuing suicide bombing"):
    a Suicide bomb event (ACLED codes the attack by its most specific weapon, the bombing), with
    the fight's reports and toll."""
    out = []
    for d in drafts:
        if d.first.event_type == "Battles" and any(m.sub_event_type == "Suicide bomb" for m in d.mentions[1:]):
            d = Draft([replace(m, event_type="Explosions/Remote violence", sub_event_type="Suicide bomb")
                       for m in d.mentions])
        out.append(d)
    return out


def suppress_parts(drafts: list[Draft], published: date | None = None) -> list[Draft]:
    """Drop drafts that are part of another event: arrests during a protest, looting or
    burning during an attack, civilians killed in a battle or a bombing, at a compatible
    place and date (ACLED codes the main event). A main event no sentence dates stands at
    ``published`` (the report's day) against a part dated by its own words ("On Saturday,
    unknown gunmen killed two fishermen")."""
    main_types = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"}
    out = []
    for d in drafts:
        sub = d.first.sub_event_type
        if d.first.event_type == "Protests":
            # a demonstration that turned violent is one Riots event (ACLED)
            riots = [o for o in drafts if o is not d and o.first.event_type == "Riots"]
            riot = next((o for o in riots if _turned_into(d, o)), None)
            if riot is not None and any(_same_place(x, y) is not False for o in riots for x in d.mentions
                                        for y in o.mentions):
                # the riot it turned into takes its reports (their date and place among them)
                riot.mentions.extend(m for m in d.mentions if m not in riot.mentions)
                riot.mentions.sort(key=lambda m: m.sentence.start)
                continue
        demo = _demonstration_clash(d, drafts) if d.first.event_type == "Battles" else None
        if demo is not None and demo is not d:
            # its toll and evidence join the demonstration's, told in its own type's words
            demo.mentions.extend(replace(m, event_type=demo.first.event_type, sub_event_type=demo.first.sub_event_type,
                                         trigger=replace(m.trigger, priority=-1)) for m in d.mentions)
            continue
        if demo is d:
            # clashes elsewhere in a story of riots, with no armed group named: riots there too
            d.mentions[:] = [replace(m, event_type="Riots", sub_event_type="Violent demonstration")
                             for m in d.mentions]
        if sub in ("Arrests", "Looting/property destruction", "Attack") and not separate(d.first):
            part = False
            for o in drafts:
                if o is d or o.first.event_type not in main_types:
                    continue
                if sub == "Arrests" and (o.first.event_type not in ("Protests", "Riots")
                                         or any(leader_arrested(m) for m in d.mentions)):
                    continue
                if sub == "Attack" and o.first.event_type not in ("Battles", "Explosions/Remote violence"):
                    continue  # civilians killed in a battle or by a bomb are that event's dead (ACLED)
                if bare(o) and not bare(d):
                    continue  # a dated report is no part of a detail told with no place or date
                places = [_same_place(x, y) for x in d.mentions for y in o.mentions]
                dates_d = [x.date for x in d.mentions if x.date]
                dates_o = [x.date for x in o.mentions if x.date]
                if not dates_o and published is not None and any(x.date_mention is not None and x.precision == 1
                                                                  for x in d.mentions):
                    dates_o = [published]
                date_ok = not dates_d or not dates_o or any(abs((a - b).days) <= 1 for a in dates_d for b in dates_o)
                unplaced = all(x.toponym is None for x in d.mentions)
                # arrests told at the division that holds the demonstration's town ("Kisumu
                # county police commander said 14 people were arrested")
                in_division = sub == "Arrests" and all(p is not False for p in places) and all(
                    x.toponym is None or (x.place is not None and x.place.is_admin1)
                    or (x.toponym.feature or "").lower() in DIVISION_FEATURES for x in d.mentions)
                if date_ok and (any(p is True for p in places) or unplaced or in_division):
                    part = True
                    break
            if part:
                # its reports join the event's, told in the event's type (a date or a village
                # only they give: "On September 29, the Russians killed 8 civilians ... in Dolyna")
                # (not its dead: the event's own reports count them)
                o.mentions.extend(replace(m, event_type=o.first.event_type, sub_event_type=o.first.sub_event_type,
                                          trigger=replace(m.trigger, priority=-1), deaths=[], follow_up_deaths={})
                                  for m in d.mentions)
                continue
        out.append(d)
    return out

def _demonstration_clash(d: Draft, drafts: list[Draft]) -> Draft | None:
    """Clashes that name no armed group, at the place of a demonstration or riot the article
    reports ("17 people had been killed in the clashes in Bishkek" after protesters fought
    police there): the riot's clashes, not a battle (ACLED codes them as the demonstration).
    Clashes at another place, in an article that reports a riot, are riots of their own
    ("clashes on Monday night in Rotterdam and Amsterdam" after "a riot in Urk") when police
    are the one side named.
    Returns that demonstration's draft, ``d`` itself for riots of their own, or None."""
    if not all(_CLASH.search(m.trigger.text) for m in d.mentions):
        return None
    if any(a.kind in (GROUP, UNIDENTIFIED) or (a.kind == STATE and a.force not in (None, "police"))
           for m in d.mentions for a in m.actors):
        return None
    demos = [o for o in drafts if o is not d and o.first.event_type in ("Protests", "Riots")]
    same = next((o for o in demos if any(
        _same_place(x, y) is True or (x.toponym is not None and y.toponym is not None
                                      and fold(x.toponym.text) == fold(y.toponym.text))
        for x in d.mentions for y in o.mentions)), None)
    if same is None and any(o.first.event_type == "Riots" for o in demos) and any(
            a.kind == STATE and a.force == "police" for m in d.mentions for a in m.actors):
        return d
    return same


_CLASH = re.compile(r"\bclash", re.I)


def drop_duplicates(events: list[Event]) -> list[Event]:
    """Events with the same type, sub-type, date and location are one occurrence; so is one
    placed only at its country that a report of the same type in the same country retells
    within three days ("Rebels ambushed a UN convoy in the Central African Republic, the UN said
    today" and "killed in the battle Monday night ... near Bangassou"): the placed one stays."""
    out: list[Event] = []
    for ev in events:
        dup = next((o for o in out if o.event_type == ev.event_type and o.sub_event_type == ev.sub_event_type
                    and o.event_date == ev.event_date and fold(o.location or "") == fold(ev.location or "")
                    and not _other_armed_groups(o, ev)), None)
        if dup is None:
            out.append(ev)
        else:
            dup.evidence.extend(ev.evidence)
    for ev in list(out):
        keep = next((o for o in out if o is not ev and _retells(ev, o)), None)
        if keep is not None:
            keep.evidence.extend(ev.evidence)
            out.remove(ev)
    return out


def _other_armed_groups(a: Event, b: Event) -> bool:
    """Whether two events name different armed groups (rebel groups or political militias,
    ACLED inter 2 and 3) on the same side: strikes on two groups' camps in one province on one
    day are two occurrences."""
    return any(x and y and not related_groups(x, y) and ix in (2, 3) and iy in (2, 3)
               for x, ix, y, iy in ((a.actor1, a.inter1, b.actor1, b.inter1), (a.actor2, a.inter2, b.actor2, b.inter2)))


def _retells(broad: Event, other: Event) -> bool:
    """Whether ``broad``, placed only at its country, retells ``other`` (same type, same
    country, placed below country level, dated up to three days before ``broad``)."""
    if broad.event_type != other.event_type or broad.country != other.country \
            or not broad.event_date or not other.event_date:
        return False
    days = (date.fromisoformat(broad.event_date) - date.fromisoformat(other.event_date)).days
    if broad.admin1 is None and other.admin1 is not None:
        # (placed at its country by name: one placed nowhere is another occurrence, "Also Friday, ...")
        # (an unknown village or province, "Anbarr province", is a place of its own: precision 2;
        # a suicide bombing "in northern Iraq" retells no roadside bombing near Fallujah)
        return 0 <= days <= 3 and bool(broad.location) and broad.geo_precision != 2 \
            and broad.sub_event_type == other.sub_event_type
    # the same place a day later with no dead of its own: the report's date of the same fight
    # (not the same words told for two days: "on Saturday night and again on Sunday night")
    own = {(e.start, e.end) for e in broad.evidence if e.field == "sub_event_type"}
    if own & {(e.start, e.end) for e in other.evidence if e.field == "sub_event_type"}:
        return False
    return days == 1 and broad.sub_event_type == other.sub_event_type and bool(broad.location) \
        and fold(broad.location or "") == fold(other.location or "") and not broad.fatalities \
        and bool(other.fatalities)


_DIVISION_END = re.compile(r"\s(?:State|Province|Region|Governorate|County|District|Department|Oblast|Prefecture)$")

_COORD = re.compile(r"^\s*(?:(?:town|village|city)\s+)?(?:,\s*(?:and\s+)?|and\s+|&\s+)"
                    r"(?:(?:the\s+)?(?:villages?|hamlets?|towns?|communities|areas?|districts?|cities)\s+of\s+)?$",
                    re.I)


# a division named with its word after a town ("Surkhakhi village, Nazran District of
# Ingushetia"): it qualifies the town, it is no second place of a list
DIVISION_FEATURES = {"district", "province", "state", "region", "county", "governorate", "department", "division",
                      "prefecture", "oblast", "territory", "municipality", "lga", "local government area",
                      "upazila", "tehsil", "urban district", "municipal district", "raion", "rayon", "okrug"}


def coordinated_places(top: Toponym, sentence_places: list[tuple[Toponym, Place | None]],
                       text: str) -> list[tuple[Toponym, Place | None]]:
    """The places coordinated with an event's place in its sentence, itself included, in text
    order: "the villages of Dinguila and Barga", "in Quito, Guayaquil and Cuenca".

    ACLED codes one event per place when one report covers several (FORMAT.md: one toll
    given for attacks on several places is split between them). Countries and first-level
    divisions never form such lists here (they are context, not event places).
    """
    # cities that share their name with their province ("Kirkuk", "Baghdad") may resolve as the
    # province: in a list of towns they count as towns
    towns = sorted((tp for tp in sentence_places
                    if not (tp[1] is not None and tp[1].is_country) and not tp[0].moving
                    and (tp[1] is None or not tp[1].is_admin1 or not tp[0].feature)),
                   key=lambda tp: tp[0].start)
    idx = next((i for i, tp in enumerate(towns) if tp[0].start == top.start), None)
    if idx is None:
        return []
    lo = hi = idx
    while lo > 0 and _COORD.match(text[towns[lo - 1][0].end:towns[lo][0].start]):
        lo -= 1
    while hi + 1 < len(towns) and _COORD.match(text[towns[hi][0].end:towns[hi + 1][0].start]):
        hi += 1
    group = towns[lo:hi + 1]
    # a state's abbreviation after a town ("Charleston, S.C.", "Springfield, Ill.") qualifies it
    group = [tp for tp in group if not (tp[1] is None and (
        re.fullmatch(r"(?:[A-Z]\.?){1,3}", tp[0].text) or (len(tp[0].text) <= 5 and text[tp[0].end:tp[0].end + 1] == ".")))]
    # "in Tsafe, Zamfara State" / "Hawija, Kirkuk": a division that holds another place of the
    # list qualifies it; it is no second place
    group = [tp for tp in group if not (
        _DIVISION_END.search(tp[0].text) or (tp[0].feature or "").lower() in DIVISION_FEATURES
        or (tp[1] is not None and tp[1].is_admin1 and any(
            o is not tp and o[1] is not None and not o[1].is_admin1 and o[1].country == tp[1].country
            and o[1].admin1_code == tp[1].admin1_code for o in group)))]
    if len(group) < 2 or re.search(r"\b(?:between|near|close to)\s+(?:the\s+)?(?:(?:towns?|villages?|hamlets?|communities|"
                                    r"settlements?|cities)\s+of\s+)?$",
                                    text[max(0, group[0][0].start - 40):group[0][0].start], re.I):
        return []  # "the road between Qamishli and Amuda", "a camp near A and B": one place
    return group
