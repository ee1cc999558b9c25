"""Which trigger matches of a sentence stand for an occurrence: one per occurrence, the stronger reading wins."""

from __future__ import annotations

import re
from dataclasses import replace

from eventcoder.assemble.clauses import COMMENT, in_clause, nearest
from eventcoder.assemble.records import SentenceInfo
from eventcoder.extract.fatalities import parse_quantity
from eventcoder.extract.triggers import TriggerMatch
from eventcoder.resolve.actors import GROUP, STATE, UNIDENTIFIED
from eventcoder.resolve.gazetteer.names import fold

# "The shelling reportedly followed clashes between the RSF and the army on Sunday": the act
# just told (the subject, referred back to) and an earlier one it followed, news of its own
_FOLLOWED = re.compile(r"^\W*(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?P<ref>[\w-]+)\s+(?:\w+\s+)?"
                       r"(?:followed|came (?:\w+ ){0,3}?(?:after|amid)|was preceded by)\s+", re.I)
# the cause or the prior act a report names after its own ("a day after they pounded it")
AFTER_CAUSE = re.compile(r"(?:,|\s[–—-])\s+(?:(?:a|one|two|three) days?\s+|hours\s+|shortly\s+|soon\s+)?(?:after|following)\s",
                         re.I)
# with no comma, a death the act followed ("torched a police station on Wednesday after a man
# died in custody"): the cause of a riot or a protest, not its toll
AFTER_DEATH_CAUSE = re.compile(
    r"\s(?:after|following|over)\s+(?:(?:the|a|an)\s+)?(?:deaths?|killings?|murders?|shooting)\s+of\b|"
    r"\s(?:after|following)\s+(?:a|an|the|two|three|four|five|\d+|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:died|was killed|were killed|was shot dead|were shot dead|was beaten to death|had died|had been killed)\b", re.I)
# "The ministry denied that soldiers had killed civilians": a denial, not a report
_DENIED_THAT = re.compile(r"\b(?:denied|denies|deny|denying|dismissed|rejected)\s+(?:\w+\s+){0,2}?"
                          r"(?:that|claims|reports|allegations|accusations)\b[^.;]*$", re.I)
_NEGATED = re.compile(r"\b(?:no|not|never|without|nor|denied|deny|denies|neither)\b(?:\s+\w+){0,2}\s*$", re.I)

CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|villagers?|residents?|people|worshippers|children|women|farmers?|passengers?|shoppers|"
    r"families|market|homes?|houses?|villages?|hamlets?|communit(?:y|ies)|school|mosque|church|hospital|neighbou?rhood|residential|teachers?|"
    r"students?|pupils|traders?|displaced|camp for|boys?|girls?|man|woman|men|thieves|individuals|persons|locals|inhabitants|"
    r"pedestrians|bystanders|passers-by|commuters|crowds?|restaurant|caf[eé]|hotel|tea shop|shops?|bus station|wedding|funeral|"
    # unarmed officials and workers: an attack on a minister's car is violence against civilians
    r"ministers?|mayors?|lawmakers?|politicians?|judges?|journalists?|activists?|aid workers|humanitarian workers|"
    r"candidates?|councillors?|councilors?|tribal elders?|clerics?|imams?|priests?|"
    # places and people of ordinary life
    r"bars?|nightclubs?|pubs?|cantinas?|customers|patrons|diners|guests|revell?ers|partygoers|spectators|tourists|"
    r"pilgrims|worshipers|mourners|congregants|motorists|drivers|vendors|workers|fishermen|miners|herders|supporters|"
    r"concert|festival|clinic|university|college|dormitory|hostel|buses|bus|minibus|taxis?|"
    # a person told by age: "shot dead a nine-year-old", "eighteen year old Fuadah"
    r"child|toddler|infant|baby|teenagers?|\w+[- ]years?[- ]old)\b",
    re.I,
)

_ARMED_TARGET = re.compile(
    r"\b(?:soldiers?|troops|army|military|police|policemen|officers?|checkpoint|checkpost|base|barracks|outpost|"
    r"positions?|convoy|patrol|station|post|rangers|gendarmes|militants|fighters|insurgents|rebels|forces)\b",
    re.I,
)

# an event named as the cause or case of another ("in connection with the clashes"), or as the
# support of the one reported ("supported by airstrikes")
_REFERENCE_BEFORE = re.compile(r"\b(?:in connection with|for (?:their|his|her) (?:role|part|involvement) in|"
                               r"charged (?:over|with|for)|accused of (?:involvement in)?|suspected of involvement in|"
                               # "groups, supported by airstrikes, and forces killed": the support, not the event
                               r"supported by|backed by|aided by|assisted by|with the (?:support|help|backing) of|"
                               r"under (?:the )?cover of)"
                               r"\s+(?:the\s+|an?\s+|last\s+\w+'s\s+|\w+day's\s+)?(?:\w+\s+){0,2}$", re.I)


_TWO_SIDES = re.compile(r"(?i)(?:(?:fierce|heavy|deadly|pitched)\s+)?(?:battles?|clashes|fighting|gun ?battles?)\s+"
                        r"(?:(?:broke out|erupted|raged|continued|resumed)\s+)?(?:between|with|against)\b"
                        # "Fighting in El Fasher killed 15", "killed in fighting around Wad Madani": fighting
                        # has two sides whoever died
                        r"|fighting\s+(?:in|around|near|across)\b")


def choose_triggers(matches: list[TriggerMatch], info: SentenceInfo,
                    previous: SentenceInfo | None = None, *, reported_before: bool = False,
                    political: set[str] | frozenset[str] = frozenset()) -> list[TriggerMatch]:
    """Reduce a sentence's trigger matches to one per occurrence it describes.

    Highest priority first; a lower trigger is kept only when it is of another event
    type and sits at another place. Armed clash vs attack on civilians is decided by
    who was targeted. ``political``: the sub-event types the article has already reported
    (arrests at a town of their own then need no political words: "In Dortmund, police
    arrested a 28-year-old" after arrests of an Islamic State cell).
    """
    if not matches:
        return []
    text = info.sentence.text
    off = info.sentence.start
    places = [(t, p) for t, p in info.toponyms]
    cm = COMMENT.search(text)
    if cm and any(m.start - off < cm.start() for m in matches):
        # ", marking the deadliest attack on security forces since ...": a comment on the act
        matches = [m for m in matches if m.start - off < cm.start()]

    def place_of(m: TriggerMatch) -> str | None:
        # the nearest place of the trigger's own clause ("... in Peshawar on Monday while a
        # roadside bomb killed four soldiers in Kandahar": Kandahar for the second)
        cands = in_clause([t for t, p in places if p is None or not p.is_country], info, m.start)
        t = nearest(cands, m.start)
        return fold(t.text) if t is not None else None

    # generic wording inside a quotation ("They opened fire on people," said ...) after a report
    # is a witness's account of the event reported before it, not a report of its own
    if reported_before:
        quoted = [(q.start() + info.sentence.start, q.end() + info.sentence.start)
                  for q in re.finditer(r"[\"“][^\"”]{3,}[\"”]", info.sentence.text)]
        # (unless the quotation names a place of its own: "Also an attack was made in Kaikuin village")
        quoted = [(a, b) for a, b in quoted if not any(a <= t.start < b for t, _p in info.toponyms)]
        matches = [m for m in matches if not (m.generic and any(a <= m.start < b for a, b in quoted))]
    taken = [m for m in matches if m.sub_event_type == "Abduction/forced disappearance"
             and _armed_taken(text[max(0, m.start - off - 30):m.end - off + 30], m.start - off - max(0, m.start - off - 30))]
    if taken and any(m.sub_event_type == "Armed clash" for m in matches):
        # "is holding two soldiers hostage after capturing them in an attack that killed 12
        # troops": soldiers taken in a fight are part of the battle, not an abduction of civilians
        matches = [m for m in matches if m not in taken]
    elif taken and _ATTACK_WORD.search(text):
        # "'Two soldiers have been kidnapped,' said the minister ... in the wake of Monday's
        # attack": the taking is told of the attack, a battle
        matches = [replace(m, sub_event_type="Armed clash", event_type="Battles", generic=True) if m in taken else m
                   for m in matches]
    # (a context-bound specific trigger with no political context, "arson attacks against trucks",
    # leaves the generic words their say)
    specific = [m for m in matches if not m.generic and (m.sub_event_type not in _CONTEXT_BOUND
                                                         or _political(m.sub_event_type, info))]
    if specific:
        # "attack", "opened fire": generic wording yields to a specific trigger in the sentence
        matches = [m for m in matches if not m.generic]
    referred = [m for m in matches if _REFERENCE_BEFORE.search(text[max(0, m.start - off - 40):m.start - off])]
    if referred and len(referred) < len(matches):
        # "police arrested party leaders in connection with the clashes": the clashes are the
        # arrests' cause, an event told elsewhere
        matches = [m for m in matches if m not in referred]
    # (arrests at a town of their own after arrests the article has reported as political:
    # the same operation's arrests elsewhere; not in a report of demonstrations, where
    # detentions are the police's intervention in a rally)
    own_town = any(p is not None and not p.is_country and not p.is_admin1 for _t, p in info.toponyms)
    matches = [m for m in matches if _political(m.sub_event_type, info)
               or (m.sub_event_type == "Arrests" and m.sub_event_type in political and own_town
                   and not political & _DEMONSTRATION)
               or (previous is not None and previous.sentence.paragraph >= info.sentence.paragraph - 1
                   and _political(m.sub_event_type, previous))]
    subs = {m.sub_event_type for m in matches}
    has_deaths = any(d.value > 0 for d in info.deaths)
    victims = " ".join(d.victims for d in info.deaths if d.value > 0)
    # the dead named and none of them armed ("shot dead a local journalist"): civilians
    civ = bool(CIVILIAN_TARGET.search(text)) or bool(re.search(r"[a-z]", victims) and not ARMED_VICTIMS.search(victims))
    drop: set[str] = set()
    if "Attack" in subs and "Armed clash" in subs:
        two_sides = any(m.sub_event_type == "Armed clash" and _TWO_SIDES.match(text, m.start - off) for m in matches)
        # "Battles between A and B killed 37 people": a battle whoever the dead were
        drop.add("Attack" if two_sides or _armed_target(info, matches) else "Armed clash")
    if "Abduction/forced disappearance" in subs and "Attack" in subs and has_deaths:
        drop.add("Abduction/forced disappearance")
    if "Abduction/forced disappearance" in subs and "Arrests" in subs and any(a.kind == STATE for a in info.actors):
        # "were arrested by a group of hooded soldiers ..., describing the arrest as a
        # kidnapping": state forces taking people is an arrest, whatever the critics call it
        drop.add("Abduction/forced disappearance")
    if "Abduction/forced disappearance" in subs and "Armed clash" in subs and victims \
            and ARMED_VICTIMS.search(victims):
        # "ambushed a UN convoy, sparking a firefight and kidnappings that left four
        # peacekeepers dead": the taking of soldiers is part of the battle
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
    if "Violent demonstration" in subs and any(a.kind in (GROUP, UNIDENTIFIED) for a in info.actors) \
            and not _CROWD_WORDS.search(text):
        # "the gunmen also set fire to a grain store": armed men burning, not a crowd rioting
        drop.add("Violent demonstration")
        subs = subs - {"Violent demonstration"}
    if "Violent demonstration" in subs and "Armed clash" in subs and _CLASH_WITH_ARMED.search(text):
        # "a clash between local youths and cattle raiders": armed men on one side make it a
        # battle, not a riot (ACLED)
        drop.add("Violent demonstration")
        subs = subs - {"Violent demonstration"}
    if "Excessive force against protesters" in subs and _PROTESTERS_KILLED.search(text):
        # "Protesters shot and killed two members of the security forces": the crowd's violence
        # is a riot, not force used on it
        matches = [replace(m, sub_event_type="Violent demonstration", event_type="Riots")
                   if m.sub_event_type == "Excessive force against protesters" else m for m in matches]
        subs = {m.sub_event_type for m in matches}
    if {"Violent demonstration", "Mob violence"} & subs:
        # (hostages a riot takes are the riot's: "prisoners rioted, taking guards hostage")
        drop |= {"Peaceful protest", "Protest with intervention", "Looting/property destruction", "Attack",
                 "Abduction/forced disappearance"}
        if "Mob violence" in subs:
            drop.add("Violent demonstration")
    if {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"} & subs:
        drop |= {"Arrests", "Attack", "Armed clash"}
    if "Excessive force against protesters" in subs and not has_deaths and not re.search(r"opened fire|live (?:ammunition|rounds)|shot", text, re.I):
        drop.add("Excessive force against protesters")
    if victims and re.search(r"[a-z]", victims) and not ARMED_VICTIMS.search(victims):
        # "Israeli troops shot dead a Palestinian man": forces killing unarmed people they name
        # is violence against civilians, not a clash
        matches = [replace(m, sub_event_type="Attack", event_type="Violence against civilians")
                   if m.sub_event_type == "Armed clash" and _ACTIVE_KILL.search(m.text) else m for m in matches]
        subs = {m.sub_event_type for m in matches}
    if "Attack" in subs and not civ and "Armed clash" not in subs \
            and _armed_target(info, matches, subs=("Attack",), unnamed=False):
        # "Gunmen killed three soldiers": an armed group's attack on security forces or fighters
        # is a battle (ACLED: armed clash), not violence against civilians
        matches = [replace(m, sub_event_type="Armed clash", event_type="Battles") if m.sub_event_type == "Attack"
                   else m for m in matches]
        subs = {m.sub_event_type for m in matches}
    if "Attack" in subs and not civ and not ({"Armed clash"} & subs):
        drop.add("Attack")
    if "Attack" in subs and any(m.event_type == "Explosions/Remote violence" for m in matches):
        drop.add("Attack")
    if "Attack" in subs and "Arrests" in subs and not has_deaths:
        drop.add("Attack")  # a raid in which people were detained is an arrest
    ordered = sorted((m for m in matches if m.sub_event_type not in drop), key=lambda m: -m.priority)
    cause = AFTER_CAUSE.search(text)
    if cause and any(m.start - off < cause.start() for m in ordered):
        # "clashes in Taiz on Thursday, a day after they pounded it with rockets": the act the
        # sentence reports comes before what it followed, whatever their priorities
        ordered = sorted(ordered, key=lambda m: (m.start - off > cause.start(), -m.priority))
    fm = _FOLLOWED.match(text)
    if fm:
        # the subject refers back (it joins the act told before); what it followed is kept apart
        later = [m for m in ordered if m.start - off >= fm.end()]
        if later and any(m.start - off == fm.start("ref") for m in ordered):
            ordered = later
    kept: list[TriggerMatch] = []
    for m in ordered:
        before = text[max(0, m.start - off - 50):m.start - off]
        if _NEGATED.search(before) or _DENIED_THAT.search(text[max(0, m.start - off - 120):m.start - off]):
            continue
        if any(m.start < k.end and k.start < m.end for k in kept):
            continue  # the same words read as a weaker type ("jets had killed dozens of insurgents")
        pm = place_of(m)
        clash = False
        for k in kept:
            if pm is None or place_of(k) is None or place_of(k) == pm:
                clash = True
                break
            if k.event_type == m.event_type and k.start < m.start and _RESULT.match(m.text) \
                    and re.search(r",\s*$", text[max(0, m.start - off - 3):m.start - off]):
                # ", killing 12 people" after "attacked the villages of A, B and C": what the act
                # did, wherever the nearest name lies
                clash = True
                break
        if not clash:
            kept.append(m)
    return kept

# a participle telling what the act just told did (", killing 12 people", ", leaving five dead")
_RESULT = re.compile(r"(?:killing|leaving|wounding|injuring)\b", re.I)


# the words of a crowd: a riot's own people
_CROWD_WORDS = re.compile(r"\b(?:protest\w*|demonstrat\w*|rioters?|rioting|riots?|mobs?|crowds?|youths|marchers|"
                          r"students|supporters|residents|villagers)\b", re.I)

# a force as the subject of an active killing verb ("troops shot dead", "police killed")
_ACTIVE_KILL = re.compile(r"^(?!.*\b(?:were|was|been|are|is)\b).*\b(?:killed|shot dead|shot)$", re.I)

ARMED_VICTIMS = re.compile(r"\b(?:soldiers?|troops|policem[ae]n|police officers?|officers?|gendarmes?|rangers?|guards?|"
                            r"reservists?|servicem[ae]n|militiam[ae]n|combatants?|"
                            r"militants?|fighters?|insurgents?|rebels?|attackers?|personnel|servicemen|militiamen|them|bandits?|terrorists?|"
                            r"peacekeepers?|paramilitar(?:y|ies)|commandos?|marines?|"
                            # (the adjective alone too: "four separatist fighters" gives "separatist")
                            r"jihadists?|gunm[ae]n|assailants?|kidnappers?|extremists?|separatists?|guerrillas?|hoodlums?|khwarij|khawarij)\b", re.I)

# "a clash between local youths and cattle raiders": armed men on one side
_CLASH_WITH_ARMED = re.compile(r"(?i)\bclash(?:es|ed)?\s+(?:\w+\s+){0,3}?(?:between|with)\s+[^.;]{0,60}?\b(?:(?:cattle\s+)?raiders|"
                               r"(?:cattle\s+)?rustlers|bandits|gunmen|militants|militiam[ae]n|militias?|armed\s+(?:men|groups?)|"
                               r"rebels|insurgents|jihadists|terrorists)\b")
# "Protesters shot and killed two members of the security forces" (not "Protesters were shot",
# nor the headline's "Protesters shot dead in Tehran")
_PROTESTERS_KILLED = re.compile(r"(?i)\b(?:protesters|protestors|demonstrators|rioters)\s+"
                                r"(?:(?!were\b|was\b|been\b|being\b|are\b|is\b|who\b)\w+\s+)?"
                                r"(?:opened\s+fire|shot\s+and\s+killed|(?:shot|killed|stabbed|beat|lynched|hacked)\b"
                                r"(?!\s+(?:dead\s+)?(?:in|by|at|on|during|as|after|near|outside)\b))")
# the source told after the act (", police said Friday"): no party to it
_SOURCE_CLAUSE = re.compile(r"(?i),\s*(?:(?:[\w'’-]+\s+){0,4}?(?:said|says|told|reported|added|confirmed)\b|according\s+to\b)")
# victims that say nothing of who they were ("19 people were killed when rebels ambushed a
# military convoy"): the target decides
_ANYONE = re.compile(r"(?:people|persons|individuals|others|\s)+", re.I)
_INCLUDING = re.compile(r"\bincluding\s+(?:at least\s+)?(?P<n>\d+|[a-z]+)\s+(?:\w+\s+)?(?P<who>\w+)", re.I)


def _armed_taken(window: str, at: int) -> bool:
    """Whether the people an abduction trigger (at ``at`` in ``window``) took are armed:
    named just after it or as the subject of its passive ("holding two soldiers hostage",
    "two soldiers have been kidnapped"), not its agents ("kidnapped by gunmen")."""
    before = re.search(r"(?:^|[,;.“\"])\s*(?P<who>(?:[\w-]+\s+){0,3}?)(?:have|has|had|were|was)\s+(?:been\s+)?$",
                       window[:at])
    if before and ARMED_VICTIMS.search(before.group("who")):
        return True
    after = window[at:]
    return any(not _BY_AGENT.search(after[:a.start()]) for a in ARMED_VICTIMS.finditer(after)
               if a.group(0).lower() not in ("them", "attackers", "kidnappers", "assailants", "gunmen", "gunman"))


# an attack or a fight named in the sentence
_ATTACK_WORD = re.compile(r"\b(?:attacks?|ambush(?:ed)?|clash(?:es)?|raid|assault|fighting|firefight|gunfight)\b", re.I)


# the agent of a passive ("attacked by the ... rebels", "an attack on Sunday by rebels")
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+|suspected\s+|armed\s+)*(?:[\w()’'-]+\s+){0,4}$", re.I)


def _armed_target(info: SentenceInfo, matches: list[TriggerMatch], *,
                  subs: tuple[str, ...] = ("Attack", "Armed clash"), unnamed: bool | None = None) -> bool:
    """Whether an attack in this sentence targeted armed people (a battle), not civilians.

    Decided by the victims of its death figures, else by the words just after a trigger of
    ``subs`` ("attacked an army post" vs "attacked the village"), else by ``unnamed`` (None:
    no civilian word in the sentence; False: a sentence that names no victim says nothing).
    """
    victims = " ".join(d.victims for d in info.deaths if d.value > 0)
    if victims and not _ANYONE.fullmatch(victims):
        if ARMED_VICTIMS.search(victims):
            return True
        # "19 people, including 12 soldiers, were killed": armed people when they are half or more
        for d in info.deaths:
            inc = _INCLUDING.search(d.text)
            q = parse_quantity(inc.group("n")) if inc else None
            if d.value > 0 and inc and q and ARMED_VICTIMS.match(inc.group("who")) and 2 * q[0] >= d.value:
                return True
        return False
    text, off = info.sentence.text, info.sentence.start
    # (not the source after it: "gunmen attacked a market in Gusau, police said Friday")
    for m in matches:
        if m.sub_event_type not in subs:
            continue
        window = _SOURCE_CLAUSE.split(text[m.start - off:m.end - off + 50])[0]
        # (not the attackers: "were attacked by the Allied Democratic Forces rebels")
        if any(not _BY_AGENT.search(window[:a.start()]) for a in _ARMED_TARGET.finditer(window)):
            return True
    return not CIVILIAN_TARGET.search(text) if unnamed is None else unnamed


# Who or what makes an arrest, an abduction, a rape or a seizure political violence (ACLED
# codes these only in that context; a burglar's arrest or a custody abduction is not an event).
_POLITICAL = re.compile(
    r"\b(?:militants?|insurgents?|rebels?|terroris[tm]s?|jihadists?|extremists?|fighters|separatists|guerrillas?|"
    r"militia(?:s|men)?|bandits|gunmen|armed (?:men|group|gang)s?|tribesmen|gang members|kidnappers|protesters|demonstrators|"
    r"settlers|price[- ]tag|"
    r"aid workers|humanitarian workers|"
    r"rioters|activists?|opposition|dissidents?|journalists?|lawmakers?|politicians?|party (?:members|leaders?|"
    r"supporters|officials)|supporters of|members of|cells?|commanders?|coup|plot(?:ters)?|sedition|treason|"
    r"espionage|spying|blasphemy|soldiers|troops|army|military|security forces|hostages?|ransom|war|conflicts?|"
    r"junta|civil society|sabotage|saboteurs?|(?:preparing|planning|plotting) (?:\w+ )?(?:attacks?|bombings?)|"
    r"(?:pre-)?candidates?|presiden(?:cy|tial)|critics?|campaigners?|(?:trade )?unionists?|rights defenders?|"
    r"ministers?|mayors?|governors?|parliamentarians?|MPs|senators?|legislators?|opposition figures?|"
    # arrests over unrest: "arrested 14 people over the weekend's unrest"
    r"unrest|riots?|rioting|clashes|demonstrations?|protests?)\b",
    re.I)
_DEMONSTRATION = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                  "Violent demonstration", "Mob violence"}
_CONTEXT_BOUND = {"Arrests", "Sexual violence", "Abduction/forced disappearance",
                  "Non-state actor overtakes territory", "Looting/property destruction"}


def _political(sub_event_type: str, info: SentenceInfo) -> bool:
    """Whether a context-bound sub-type (arrests, abductions, sexual violence, seizures,
    looting) stands in a political-violence context: an armed or political group named,
    or the words of one. Other sub-types always pass."""
    if sub_event_type not in _CONTEXT_BOUND:
        return True
    if any(a.kind in (GROUP, UNIDENTIFIED) for a in info.actors):
        return True
    if sub_event_type != "Arrests" and any(a.kind == STATE and a.force == "military" for a in info.actors):
        return True
    return bool(_POLITICAL.search(info.sentence.text))
