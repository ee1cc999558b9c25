"""Event triggers: which sentences mention which ACLED sub-event types.

The lexicon is ``data/triggers.yaml``. ``TriggerLexicon.candidate`` is the cheap
lexical filter that decides which sentences go to spaCy at all.
"""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass

import yaml

from eventcoder.errors import ConfigError

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
_DEATH_WORDS = re.compile(r"\b(?:killed|dead|died|bodies|death toll|lost their lives)\b", re.I)
SUB_TO_TYPE = {sub: et for et, subs in EVENT_TYPES.items() for sub in subs}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a sub-event type and its compiled patterns."""

    sub_event_type: str
    event_type: str
    priority: int
    pattern: re.Pattern[str]
    needs: re.Pattern[str] | None
    actor: str
    generic: bool = False
    literals: frozenset[str] = frozenset()
    """Lower-case strings one of which every match contains (``required_literals``): a text
    holding none of them cannot match, and is not scanned. Empty: always scanned."""



def required_literals(pattern: str) -> frozenset[str]:
    """Lower-case strings of three or more characters, one of which every match of the
    (case-insensitive) regular expression contains; empty when no such set is found.

    Read from the pattern's parse tree (``re._parser``): literal runs, and alternations whose
    every branch has such a set; optional parts and character classes give nothing.
    ``"(?:hurled|threw) (?:hand )?grenades?"`` -> ``{"grenade"}``.
    """
    import re._constants as C
    import re._parser as P

    def factors(items: list) -> list[frozenset[str]]:
        out: list[frozenset[str]] = []
        cur = ""
        for op, av in items:
            if op is C.LITERAL:
                cur += chr(av).lower()
                continue
            if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
                continue  # zero width
            if cur:
                out.append(frozenset([cur]))
            cur = ""
            branch = None
            if op is C.SUBPATTERN:
                sub = list(av[3])
                if len(sub) == 1 and sub[0][0] is C.BRANCH:
                    branch = sub[0][1][1]
                else:
                    b = best(sub)
                    if b:
                        out.append(b)
            elif op is C.BRANCH:
                branch = av[1]
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
                b = best(list(av[2]))
                if b:
                    out.append(b)
            if branch is not None:
                alts = [best(list(a)) for a in branch]
                if all(alts):
                    out.append(frozenset().union(*alts))
        if cur:
            out.append(frozenset([cur]))
        return out

    def best(items: list) -> frozenset[str]:
        fs = [f for f in factors(items) if min(len(x) for x in f) >= 3]
        return max(fs, key=lambda f: (min(len(x) for x in f), -len(f))) if fs else frozenset()

    try:
        return best(list(P.parse(pattern, re.I)))
    except Exception:  # noqa: BLE001 - a pattern this reader does not follow is always scanned
        return frozenset()


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in the text (offsets into the article text)."""

    sub_event_type: str
    event_type: str
    priority: int
    start: int
    end: int
    text: str
    actor: str
    generic: bool = False
    """A generic wording ("attack", "opened fire"): it stands for an event only in a
    sentence with no specific trigger."""


# a protest that was blocked, banned or prevented did not happen ("as the authorities moved to
# block a mass protest", "an injunction against the demonstrations"): it gives no context to the words around it
_PREVENTED = re.compile(r"\b(?:block|prevent|ban|banned|banning|thwart|foil|forbid|forbade|outlaw|prohibit|injunction|"
                        r"restrain)\w*\s+(?:\w+\s+){0,3}$", re.I)
# ... unless it was defied ("defied a police ban and marched")
_DEFIED = re.compile(r"\b(?:defied|defying|defy|despite|in defiance of)\s+(?:\w+\s+){0,3}$", re.I)


def _prevented(before: str) -> bool:
    """Whether the words before a protest word say it was blocked or banned, and not defied."""
    m = _PREVENTED.search(before)
    return m is not None and not _DEFIED.search(before[:m.start()])


# a protest announced, called, planned, called off or postponed has not happened ("the federation announced 'border
# protest action' on Wednesday")
_PLANNED = re.compile(r"\b(?:announced|announces|called for|calling for|calls for|planned|planning|plans|vowed|"
                      r"threatened|threatens|urged|called off|calling off|cancell?ed|postponed|suspended)\s+(?:[\w“”\"'‘’-]+\s+){0,3}[“\"'‘]?$", re.I)


# ... or said after it: "the protest (that had been scheduled for Monday in Lima) was postponed"
_CALLED_OFF_AFTER = re.compile(r"(?:\s+(?:in|at|near|outside|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?"
                               r"(?:\s+(?:(?:that|which)\s+(?:had\s+been|was|were)\s+)?(?:scheduled|planned|set|due)\b"
                               r"[^.;]{0,60}?)?"
                               r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:postponed|cancell?ed|"
                               r"called\s+off|suspended|put\s+off|scrapped|banned|blocked|prevented)\b"
                               # "fresh protests were being organised on social media": not yet held
                               r"|\s+(?:(?:were|was|are|is)\s+being|(?:were|was|are|is)\s+(?:still\s+)?to\s+be|to\s+be)\s+"
                               r"(?:organi[sz]ed|planned|called|prepared|held)\b", re.I)


_PRONOUN = re.compile(r"\b(?:[Tt]hey|[Ss]ome of them|[Mm]any of them|[Oo]thers)\b")


# a protest still to come gives no context either ("detained activists ahead of a planned rally")
_AHEAD = re.compile(r"\b(?:(?:ahead of|before|in the run-up to)\s+(?:a|an|the|their|its|this|next)?\s*(?:\w+\s+)?|"
                    r"(?:planned|proposed|scheduled|upcoming|forthcoming)\s+)$", re.I)


def _context(needs: re.Pattern[str], text: str) -> bool:
    """Whether ``text`` holds the context a sub-type needs (``needs``), not only as something
    prevented or still to come."""
    return any(not _prevented(before := text[max(0, m.start() - 40):m.start()]) and not _AHEAD.search(before)
               for m in needs.finditer(text))


# a capitalised word right before a trigger in capitals: the trigger is a word of a name
# ("the National Rally of Independents", "Democratic Rally"), not a sentence's opening word
_IN_A_NAME = re.compile(r"(?-i:[A-Z][\w'’-]+)\s+$")


# armed doers: a sentence that names them tells no riot by its headline's crowd alone
# words of a crowd proper (students, youths or supporters may be an attack's victims)
_CROWD = re.compile(r"\b(?:protest\w*|demonstrat\w*|riot\w*|mobs?|crowds?)\b", re.I)
_RIOT_FRAME = re.compile(r"\b(?:riots?|rioters?|rioting|mobs?)\b", re.I)
_ARMED = re.compile(r"\b(?:gunm[ae]n|attackers?|assailants?|militants?|bandits?|insurgents?|rebels?|terrorists?|"
                    r"jihadists?|militia\w*|armed (?:men|group|gang)|fighters?)\b", re.I)


def _title_case(text: str) -> bool:
    """Whether a line is written in Title Case (a headline: "Police Fire Tear Gas at
    Protesters"): most of its words of four letters or more open with a capital."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 4]
    return bool(words) and sum(w[0].isupper() for w in words) > 0.6 * len(words)


class TriggerLexicon:
    """The compiled trigger lexicon.

    Raises:
        ConfigError: the YAML names an unknown sub-event type or a bad pattern.
    """

    def __init__(self, entries: list[dict]) -> None:
        triggers: list[Trigger] = []
        for e in entries:
            sub = e["sub_event_type"]
            if SUB_TO_TYPE.get(sub) != e["event_type"]:
                raise ConfigError(f"triggers.yaml: {sub!r} is not an ACLED sub-event type of {e['event_type']!r}")
            try:
                pat = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in e["patterns"]) + r")(?!\w)", re.I)
                needs = re.compile(e["needs"], re.I) if e.get("needs") else None
            except re.error as err:
                raise ConfigError(f"triggers.yaml: bad pattern for {sub!r}: {err}") from err
            needed = [required_literals(p) for p in e["patterns"]]
            literals = frozenset().union(*needed) if all(needed) else frozenset()
            triggers.append(Trigger(sub, e["event_type"], int(e["priority"]), pat, needs, e.get("actor", "any"),
                                    bool(e.get("generic", False)), literals))
        self.triggers = tuple(triggers)
        # each pattern on its own, with its literals: the article-wide scan runs only those
        # whose literals the article holds
        self._scans = tuple((lits, re.compile(r"\b(?:" + p + r")(?!\w)", re.I))
                            for e in entries for p in e["patterns"] for lits in [required_literals(p)])
        self._literals = tuple(sorted({x for lits, _p in self._scans for x in lits}))

    @classmethod
    def load(cls) -> TriggerLexicon:
        """Load the packaged ``data/triggers.yaml``."""
        text = importlib.resources.files("eventcoder.data").joinpath("triggers.yaml").read_text(encoding="utf-8")
        return cls(yaml.safe_load(text)["triggers"])

    def candidate_offsets(self, text: str) -> list[int]:
        """Start offsets of every trigger or death-word match in ``text`` (one scan of a
        whole article: cheaper than ``candidate`` on each of its sentences). Only the
        entries whose literals the text holds are scanned."""
        present = self._present(text)
        starts = {m.start() for m in _DEATH_WORDS.finditer(text)}
        for lits, pat in self._scans:
            if not lits or not lits.isdisjoint(present):
                starts.update(m.start() for m in pat.finditer(text))
        return sorted(starts)

    def _present(self, text: str) -> frozenset[str]:
        """The lexicon's literals that occur in the text (each looked for once)."""
        lowered = text.lower()
        return frozenset(x for x in self._literals if x in lowered)

    def candidate(self, text: str) -> bool:
        """Whether any trigger or death word occurs in the text (the cheap filter before NER)."""
        present = self._present(text)
        return _DEATH_WORDS.search(text) is not None or any(
            (not t.literals or not t.literals.isdisjoint(present)) and t.pattern.search(text) is not None
            for t in self.triggers)

    def find(self, text: str, offset: int = 0, context: str = "", frame: str = "") -> list[TriggerMatch]:
        """Every trigger match in ``text``; ``offset`` is added to the spans. ``context``: the
        sentence before, where ``text`` refers back to its people by a pronoun ("Along the road,
        they burned tyres" after "protesters started marching"): a sub-type's needed words
        may stand there."""
        out = []
        present = self._present(text)
        around = text if not context or not _PRONOUN.search(text) else context + " " + text
        armed = _ARMED.search(text) is not None
        # (a riot's crowd may stand in the headline only: "anti-Muslim riots" over "Three shops
        # ... were torched on May 13", when no armed men are named)
        riot_frame = bool(frame) and not armed and _RIOT_FRAME.search(frame) is not None and not _ARMED.search(frame)
        for t in self.triggers:
            if t.literals and t.literals.isdisjoint(present):
                continue
            if t.needs is not None and not _context(t.needs, around) and not (t.event_type == "Riots" and riot_frame):
                continue
            if t.event_type == "Riots" and armed and not _CROWD.search(text):
                continue  # "The attackers stormed the college ... abducted many students": no crowd
            for m in t.pattern.finditer(text):
                if t.event_type == "Protests" and (_prevented(text[max(0, m.start() - 60):m.start()])
                                                   or _PLANNED.search(text[max(0, m.start() - 40):m.start()])
                                                   or _AHEAD.search(text[max(0, m.start() - 40):m.start()])):
                    continue  # "moved to block a mass protest", "banned the rally", "announced protest action",
                    # "arrested ahead of a planned rally"
                if t.event_type == "Protests" and _CALLED_OFF_AFTER.match(text, m.end()):
                    continue  # "a protest that had been scheduled for Monday was postponed"
                if t.event_type == "Protests" and _IN_A_NAME.search(text[max(0, m.start() - 40):m.start()]) \
                        and m.group(0)[:1].isupper() and not _title_case(text):
                    continue  # a word of a name: "National Rally of Independents", "Democratic Rally"
                out.append(TriggerMatch(t.sub_event_type, t.event_type, t.priority,
                                        offset + m.start(), offset + m.end(), m.group(0), t.actor, t.generic))
        out.sort(key=lambda m: (m.start, -m.priority))
        return out
