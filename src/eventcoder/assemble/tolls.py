"""Toll choice: an event's fatalities from its mentions' death figures, ACLED's most conservative figure."""

from __future__ import annotations

import re

from eventcoder.assemble.grouping import Draft
from eventcoder.extract.fatalities import DeathCount

# a figure that adds to the toll: "One soldier also died", "two others", "Two people later died
# in hospital" (the wounded who died, not bodies "later found")
_PART = re.compile(r"\b(?:also|others?|another|later (?:died|succumbed)|(?:died|succumbed) later|"
                   # "A third man was killed": one more (the figure opens with it)
                   r"^an? (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\b", re.I)
_INCLUDING_ATTACKER = re.compile(r"\bincluding (?:the |a |two |three )?(?:(?:suicide )?(?:bombers?|attackers?)|(?:him|them|her)sel(?:f|ves))\b", re.I)

_UNKNOWN_NUMBER = re.compile(r"\b(?:unknown|undisclosed|unspecified|unconfirmed) number\b", re.I)


_VAGUE = re.compile(r"\b(?:several|dozens|scores|tens|hundreds|thousands|some|many|numerous|a few|a number of)\b", re.I)


# a report's toll from which a later single death is one of its dead, not a lower count
SINGLE_OF_MANY = 5

# a figure told as part of a group ("seven of them", "Among the dead were four children",
# "The victims included two police officers")
_SUBSET = re.compile(r"\bof (?:them|those|whom)\b|^among\b|\b(?:were|was)\s+included\b|\binclud(?:ed|es|e)\b", re.I)


_BATTLE_SUBTYPES = {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}
# the state forces' dead of a battle, by the words for them (the armed side's dead are the
# figures ``find_deaths`` marks as attackers: data/quantities.yaml's "attackers")
_STATE_DEAD = re.compile(r"\b(?:soldiers?|troops|servicem[ae]n|policem[ae]n|police(?: officers?)?|officers?|gendarmes?|"
                         r"security (?:personnel|forces|men|officials)|personnel|guards?|rangers?|jawans|commandos?)\b", re.I)


def _sides(totals: list[tuple[int, int, DeathCount]]) -> tuple[list, list] | None:
    """The figures of a battle's dead split by side (state forces, armed men), when every figure
    names its dead and each side has one from a sentence of its own; else None."""
    state = [t for t in totals if t[2].victims and _STATE_DEAD.search(t[2].victims) and not t[2].attackers]
    armed = [t for t in totals if t[2].victims and t[2].attackers and not _STATE_DEAD.search(t[2].victims)]
    if not state or not armed or len(state) + len(armed) != len(totals):
        return None
    if {t[2].start for t in state} & {t[2].start for t in armed}:
        return None
    return state, armed


_QUOTATION = re.compile(r"[\"“][^\"”]{3,}[\"”]")


def _quoted(f: DeathCount, start: int, sentence: str) -> bool:
    """Whether a figure stands inside a quotation of its sentence (``start``: the sentence's
    offset in the article)."""
    return any(q.start() <= f.start - start < q.end() for q in _QUOTATION.finditer(sentence))


def event_toll(draft: Draft, sub_event_type: str) -> tuple[int | None, int | None, int | None, DeathCount | None]:
    """(fatalities, low, high, evidence): per sentence the sum of its figures, then the
    smallest positive figure across sentences (ACLED's most conservative figure)."""
    per_sentence: dict[int, list[DeathCount]] = {}
    for m in draft.mentions:
        # (a figure told for another place, "and seven others in Bama", is that place's toll)
        for dc in m.deaths:
            if not dc.per_place:
                per_sentence.setdefault(m.sentence.start, []).append(dc)
        for key, figures in m.follow_up_deaths.items():
            per_sentence.setdefault(key, []).extend(f for f in figures if not f.per_place)
    totals: list[tuple[int, int, DeathCount]] = []
    added: list[tuple[int, int, DeathCount]] = []
    zero: DeathCount | None = None
    texts = {m.sentence.start: m.sentence.text for m in draft.mentions}
    # the figures of the report's own sentences (where its triggers stand), by their start
    own = {dc.start for m in draft.mentions for dc in m.deaths}
    for key, figures in per_sentence.items():
        also = [f for f in figures if f.value > 0 and _PART.search(f.text)]
        if key not in texts and also and len(also) == sum(1 for f in figures if f.value > 0):
            # a later sentence: "One soldier also died" adds its dead to the event's toll
            added.extend((f.value, f.high, f) for f in also)
            continue
        positive = [f for f in figures if f.value > 0]
        # (a figure a witness or an official gives in a quotation retells the toll: "'Mullah Daoud
        # and 16 other armed troops have been killed,' the spokesman said")
        # (not in the report's first sentence, where nothing came before to add to: "have
        # kidnapped up to 25 soldiers ... and killed five others")
        if positive and key in texts and key != min(texts) and all(_PART.search(f.text) and not _quoted(f, key, texts[key])
                                                                   for f in positive):
            # "also gunned down two other residents": a part of the toll, not a total of its own
            added.extend((f.value, f.high, f) for f in positive)
            continue
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
    # the same added figure told twice ("two other residents" ... "two other people", in a
    # quote) is one group of victims
    added = list({t[0]: t for t in added}.values())
    if not totals and added:
        totals, added = added, []
    if not totals:
        return (0, 0, 0, zero)
    known = [t for t in totals if not _UNKNOWN_NUMBER.search(t[2].text)]
    if known:
        # "an unknown number of civilians were killed" says no figure: it does not undercut
        # the 30 dead another report gives
        totals = known
    whole = [t for t in totals if not _SUBSET.search(t[2].text)]
    if whole:
        # "thereby killing seven of them" (the policemen of "killed 12 villagers and seven
        # policemen"): a part of a group told elsewhere does not undercut the whole
        totals = whole
    current = [t for t in totals if not t[2].superseded]
    if current:
        # "had earlier placed the death toll at 12, but ... raised it to 14": a superseded figure
        totals = current
    counted = [t for t in totals if t[2].start in own and not _VAGUE.search(t[2].text)]
    if counted:
        # a vague figure in a later sentence ("seeing several bodies being taken away") does
        # not undercut the count the report itself gives ("killed six civilians")
        totals = [t for t in totals if t[2].start in own or not _VAGUE.search(t[2].text)]
    lead = [t for t in totals if t[2].start in own]
    if lead:
        # a single death a later sentence tells ("one resident had been shot and killed on
        # site") is one of the report's many dead, not a lower count of them
        top = max(t[0] for t in lead)
        totals = [t for t in totals if t[2].start in own or not (t[0] == 1 and top >= SINGLE_OF_MANY)]
    sides = _sides(totals) if sub_event_type in _BATTLE_SUBTYPES else None
    if sides is not None:
        # a battle's dead on each side told apart ("killing five soldiers", then "troops ...
        # killed 12 of the insurgents"): both sides' dead (ACLED counts every death of the
        # event), the smallest figure of each
        state, armed = sides
        low_s, low_a = min(state, key=lambda t: t[0]), min(armed, key=lambda t: t[0])
        totals = [(low_s[0] + low_a[0], low_s[1] + low_a[1], low_s[2])]
    best = min(totals, key=lambda t: t[0])
    extra, extra_high = sum(t[0] for t in added), sum(t[1] for t in added)
    value = best[0] + extra
    low = min(t[0] for t in totals) + extra
    high = max(t[1] for t in totals) + extra_high
    if sub_event_type == "Suicide bomb":
        sentences = " ".join(m.sentence.text for m in draft.mentions)
        if not _INCLUDING_ATTACKER.search(sentences):
            value += 1
            low += 1
            high += 1
    return value, low, high, best[2]
