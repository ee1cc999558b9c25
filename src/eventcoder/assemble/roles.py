"""Actor choice: actor1 and actor2 of an event by ACLED's role rules (FORMAT.md, "Actors")."""

from __future__ import annotations

import re

from eventcoder.assemble.grouping import Draft
from eventcoder.assemble.records import Mention
from eventcoder.assemble.trigger_choice import ARMED_VICTIMS, CIVILIAN_TARGET
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
from eventcoder.resources import Resources

_SOURCE_AFTER = re.compile(r"^[\s,]*"
                           # "Police in Kano said ...": the force's seat before its verb of saying
                           r"(?:in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?:\s+(?:[Ss]tate|[Pp]rovince|[Cc]ounty))?[\s,]+)?"
                           r"(?:said|says|say|told|spokesm[ae]n|spokesperson|statement|officials?|sources?|"
                           r"reported|confirmed|announced|denied|claimed|chief|commander|command|headquarters)\b", re.I)

_SELF_REPORT = re.compile(r"^[\s,]*(?:said|says|claimed|announced)\s+(?:that\s+)?(?:it|its|they|their)\b", re.I)

_BY = re.compile(r"\b(?:by|from)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$", re.I)

_TERRITORY = {"Non-state actor overtakes territory", "Government regains territory"}
_STATE_ONLY = {"Air/drone strike", "Government regains territory", "Arrests", "Disrupted weapons use",
               "Headquarters or base established", "Non-violent transfer of territory", "Agreement"}

# Device attacks whose victims often open the sentence ("Two soldiers were killed by a roadside bomb").
_FORCE_VICTIMS = re.compile(r"\b(?:soldiers?|troops|policem[ae]n|police officers?|gendarmes|servicem[ae]n|personnel)\b",
                            re.I)
# the words that open the clause of who acts after the dead ("were killed when rebels attacked")
_WHEN = re.compile(r"\b(?:when|as|after|while)\b")
# a killing told by the bodies found ("the bullet-riddled bodies of seven men")
_BODIES = re.compile(r"\bbod(?:y|ies)\b", re.I)
_PLANTED = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}
_ARMED_WORDS = re.compile(r"\b(?:soldiers?|troops|army|military|police|policem[ae]n|officers?|convoy|patrol|checkpoint|"
                          r"base|barracks|militants?|fighters?|insurgents?|rebels?|forces)\b", re.I)
# "Russian shelling", "an Israeli drone strike": a demonym just before the weapon.
# "Russian shelling", "an Israeli drone strike", "A U.S. drone strike": whose weapon
_DEMONYM_WEAPON = re.compile(r"(?:\b(?P<d>[A-Z][a-z]+)|(?<![\w.])(?P<d2>U\.S\.|US|UK|UAE))\s+(?:[a-z-]+\s+)?$")
Named = tuple[str, int, ActorMention | None]
"""An actor as coded: ACLED name, inter code, and the mention it came from (None when inferred)."""

_PASSIVE_DEATH = re.compile(r"\b(?:were|was|have been|has been|had been)\s+(?:\w+\s+)?(?:killed|shot dead|martyred|slain)\b|"
                            r"\blost their lives\b", re.I)


# two armed sides of one kind, neither the state's ("rival militias", "factions fought each other")
_RIVALS = re.compile(r"\b(?:rival (?:militias|groups|factions|gangs|armed groups)|factions?\b[^.]{0,40}\b(?:each other|one "
                     r"another|among themselves)|fought (?:each other|one another|among themselves)|infighting)\b", re.I)

# locals who fight armed men ("a clash between local youths and cattle raiders", "vigilantes
# repelled the bandits")
_LOCAL_SIDE = re.compile(r"(?i)\b(?:clash(?:es|ed)?|fighting|fought|battled?|gunfight|exchange of (?:gun)?fire)\s+"
                         r"(?:\w+\s+){0,3}?(?:between|with)\s+(?:the\s+)?(?:local\s+|armed\s+|angry\s+)?"
                         r"(?:youths|villagers|residents|vigilantes|locals|hunters)\b"
                         r"|\b(?:youths|villagers|residents|vigilantes|locals|hunters)\s+(?:\w+\s+){0,2}?"
                         r"(?:confronted|repelled|fought|engaged|resisted|chased)\b")

# fighting between communities, clans or ethnic groups: ACLED's communal militias
_COMMUNAL = re.compile(r"\b(?:(?:inter-?)?communal|inter-?ethnic|ethnic (?:clashes|violence|fighting)|tribal "
                       r"(?:clashes|fighting|violence)|clan (?:clashes|fighting|militias?)|rival (?:clans|tribes|communities)|"
                       r"between (?:the )?(?:(?:two|rival|neighbou?ring) )*"
                       r"(?:communities|clans|tribes|ethnic groups))\b", re.I)


def pick_actors(draft: Draft, event_type: str, sub: str, country: str | None,
                countries: list[str], res: Resources, claims: list[ActorMention]
                ) -> tuple[Named | None, Named | None]:
    """actor1 and actor2 for an event, by ACLED's role rules (FORMAT.md, "Actors").

    In a report of communal fighting ("clashes between two communities", "ethnic clashes"),
    an unidentified armed side is ACLED's "Unidentified Communal Militia (<country>)" (inter
    4), and a battle's unnamed other side is one too rather than the state's forces.
    """
    a1, a2 = _pick_actors(draft, event_type, sub, country, countries, res, claims)
    where = res.actors.country_name(country) if country else "Unknown"
    communal: Named = (f"Unidentified Communal Militia ({where})", 4, None)
    if event_type == "Battles" and a2 is not None and a2[2] is None and a2[1] == 1 \
            and any(_LOCAL_SIDE.search(m.sentence.text) for m in draft.mentions):
        # "a clash between local youths and cattle raiders": the armed locals, not the state's
        # forces no sentence names, are the other side (ACLED: a communal militia)
        a2 = communal
    if event_type not in ("Battles", "Violence against civilians") or not any(
            _COMMUNAL.search(m.sentence.text) for m in draft.mentions):
        return a1, a2

    def swap(a: Named | None, default_state: bool) -> Named | None:
        if a is None:
            return a
        if a[0].startswith("Unidentified Armed Group") or (default_state and a[2] is None and a[1] == 1):
            return communal
        return a

    a1 = swap(a1, False)
    a2 = swap(a2, event_type == "Battles")
    return a1, a2


def _pick_actors(draft: Draft, event_type: str, sub: str, country: str | None,
                 countries: list[str], res: Resources, claims: list[ActorMention]
                 ) -> tuple[Named | None, Named | None]:
    """The role rules before the communal reading (``pick_actors``)."""
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
        before = [a for a in armed if a.end <= trig.start + 5
                  or (a.start <= trig.start < a.end <= trig.end and not _PASSIVE_DEATH.search(trig.text)
                      and (a.kind == GROUP or a.country is not None
                           or (a.kind == UNIDENTIFIED and a.start == trig.start)))]
        # ("Israeli troops shot dead ...", "gunmen attacked": the trigger opens with its subject)
        # the dead named before the trigger are its victims ("Jihadists killed five soldiers in
        # an attack on a base"), not who attacked
        dead = [(d.start, d.end) for d in primary.deaths if d.value > 0]
        off = primary.sentence.start

        def among_dead(a: ActorMention) -> bool:
            return any(s <= a.start and a.end <= e for s, e in dead)

        alive = [a for a in before if not among_dead(a)]
        if not alive and dead:
            # "19 people, including 12 soldiers, were killed when rebels attacked": who acts in
            # the clause after the dead
            alive = [a for a in armed if a.start >= trig.start and not among_dead(a)
                     and re.search(_WHEN.pattern + r"\s+(?:[\w-]+\s+){0,4}$",
                                   primary.sentence.text[max(0, trig.start - off - 5):a.start - off])][:1]
        before = alive or before
        # "killed by militants": the agent after "by", also when the trigger's words hold it
        by = [a for a in armed if a.start > trig.start and _BY.search(primary.sentence.text[:a.start - primary.sentence.start][-40:])]
        if sub in _TERRITORY:
            # "seized the town from government forces": who lost it, not who took it
            by = [a for a in by if not re.search(r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
                                                primary.sentence.text[:a.start - primary.sentence.start][-40:], re.I)]
        if _PASSIVE_DEATH.search(trig.text):
            # "ten soldiers were killed in an ambush by ...": the dead named in the trigger are
            # its victims, and the attacker is the other side the sentence names
            # (not who acts in a clause the trigger runs into: "were killed when rebels ...")
            victims = [a for a in armed if trig.start <= a.start < trig.end
                       and not _WHEN.search(primary.sentence.text[trig.start - off:a.start - off])]
            victims = victims or [a for a in armed if among_dead(a)]
            if victims:
                kinds = {v.kind for v in victims}
                rest = [a for a in armed if a not in victims and a.kind not in kinds]
                rest.sort(key=lambda a: {GROUP: 0, UNIDENTIFIED: 1}.get(a.kind, 2))
                return by + [a for a in rest if a not in by]
        cands = by + list(reversed(before))
        if not cands:
            # "fighting between the army and RSF", "clashes between Hema and Lendu militias":
            # the sides in the order written, the first as actor1
            off = primary.sentence.start
            between = re.search(r"\bbetween\b", primary.sentence.text[trig.start - off:trig.end - off + 60])
            if between:
                cands = sorted((a for a in armed if a.start >= trig.start + between.end()), key=lambda a: a.start)
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
        if _BODIES.search(trig.text):
            # "Police found the bullet-riddled bodies of seven men": who found them did not kill
            perp = [a for a in perp if a.kind != STATE or a.start > trig.start]
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
            off = primary.sentence.start
            passive = sub == "Arrests" and re.search(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$",
                                                     primary.sentence.text[max(0, trig.start - off - 30):trig.start - off])
            arrested = [a for a in subject if a.kind == GROUP] if passive else []
            if arrested:
                # "suspected Islamic State members were arrested": the group is who was arrested
                state = [a for a in state if a.end > trig.start] or state
                a1 = named(state[0]) if state else (ad.state(country, "police") + (None,))
                return a1, named(arrested[0])
            if sub == "Arrests" and subject and subject[0].kind == GROUP:
                grp, state = [subject[0]], []
            if sub == "Arrests" and grp and not state and grp[0].start < trig.start:
                a1 = named(grp[0])
                rest = [a for a in grp[1:] + [a for a in armed if a.kind == UNIDENTIFIED] if a is not grp[0]
                        and not (grp[0].start <= a.start <= grp[0].end + 1)]  # not "al-Shabaab fighters"
                target = [a for a in mentions if a.kind == GROUP and ad.name(a, country, countries)[0] != a1[0]]
                return a1, (named(target[0]) if target else (named(rest[0]) if rest else civ + (None,)))
            # arrests with no force named are the police's (ACLED codes most arrests to them)
            force = "police" if sub == "Arrests" else "military"
            a1 = named(state[0]) if state else (ad.state(country, force) + (None,))
            other = [a for a in others_armed if a.kind in (GROUP, UNIDENTIFIED) or (a.kind == STATE and a.country and a.country != country)]
            other = [a for a in other if ad.name(a, country, countries)[0] != a1[0]]
            if sub == "Headquarters or base established":
                return a1, None
            if not other and sub == "Arrests":
                # the arrested named by no group are civilians (ACLED names who was arrested)
                return a1, civ + (None,)
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
    demonym = _DEMONYM_WEAPON.search(primary.sentence.text[max(0, trig.start - primary.sentence.start - 30):
                                                            trig.start - primary.sentence.start])
    if demonym and event_type == "Explosions/Remote violence":
        # "Russian shelling", "an Israeli drone strike": that country's armed forces
        word = demonym.group("d") or demonym.group("d2")
        iso = ad.country_of_demonym(word)
        if iso is not None and not any(a.kind == STATE and a.country == iso for a in cands[:1]):
            cands = [ActorMention(STATE, trig.start, trig.start, word, iso, "military"), *cands]
    dead_forces = any(d.value > 0 and _FORCE_VICTIMS.search(d.victims) for m in draft.mentions for d in m.deaths)
    if sub in _PLANTED and cands and cands[0].kind == STATE and (
            cands[0].end <= trig.start or (dead_forces and all(a.kind == STATE for a in cands))):
        # (or every force named is one whose men the device killed: "Three Iraqi soldiers were
        # killed by a bombing targeting a military patrol vehicle")
        # soldiers before "roadside bomb"/"suicide bomber" are its targets, not who set it off
        targets = [a for a in cands if a.kind == STATE]
        cands = [a for a in cands if a.kind != STATE]
        if not cands:
            grp = [c for c in claims if c.kind == GROUP] or [a for a in others_armed if a.kind == GROUP]
            a1 = named(grp[0]) if grp else ad.unidentified(country) + (None,)
            return a1, named(targets[0])
    if not cands and sub in ("Shelling/artillery/missile attack", "Air/drone strike"):
        # the lead names no one who fired ("nine people were killed in last night's shelling");
        # a later report of the same strike names the force as its subject ("The Russian air
        # forces shelled Avdiivka this morning")
        for m in draft.mentions[1:]:
            subj = [a for a in m.actors if a.kind == STATE and a.force in (None, "military") and a.end <= m.trigger.start
                    and not_source(a, m)]
            if subj:
                cands = subj[-1:]
                break
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
    if sub == "Air/drone strike" and cands and cands[0].kind != STATE and cands[0].end <= trig.start and \
            _PASSIVE_DEATH.search(primary.sentence.text[cands[0].end - primary.sentence.start:trig.start - primary.sentence.start]):
        # "the bandits were killed ... following air strikes": the dead group is the target; the
        # strike is the state's (its forces named in the sentence, else the country's military)
        state = [a for a in armed if a.kind == STATE]
        a1 = named(state[0]) if state else ad.state(country) + (None,)
        return a1, named(cands[0])
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
    civilian_dead = bool(victims) and not ARMED_VICTIMS.search(victims) and bool(CIVILIAN_TARGET.search(victims))
    if event_type == "Explosions/Remote violence" and civilian_dead:
        # the dead were civilians: ACLED codes them as the second actor
        a2 = civ + (None,)
    elif others:
        # prefer a named group, then a state force, then unidentified
        others.sort(key=lambda a: {GROUP: 0, STATE: 1, UNIDENTIFIED: 2}.get(a.kind, 3))
        a2 = named(others[0])
    elif event_type == "Explosions/Remote violence":
        texts = " ".join(m.sentence.text for m in draft.mentions)
        dead = any(dc.value > 0 for m in draft.mentions for dc in m.deaths)
        # the source ("..., a police officer said") is not a target
        told = " ".join(re.sub(r",[^,]*\b(?:said|says|told|according)\b[^,]*$", "", m.sentence.text.rstrip(". "))
                        for m in draft.mentions)
        # a bomb that kills with no armed target named: its dead are civilians (ACLED)
        a2 = (civ + (None,)) if CIVILIAN_TARGET.search(texts) or (
            sub in _PLANTED and dead and not _ARMED_WORDS.search(told)) else None
    elif event_type == "Battles" and a1[1] != 1 and _RIVALS.search(" ".join(m.sentence.text for m in draft.mentions)):
        # "fighting between rival militias", "two factions fought each other": no state side
        a2 = a1
    elif event_type == "Battles":
        a2 = ad.state(country) + (None,) if a1[1] != 1 else ad.unidentified(country) + (None,)
    else:
        a2 = None
    return a1, a2
