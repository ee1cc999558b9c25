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
            triggers.append(Trigger(sub, e["event_type"], int(e["priority"]), pat, needs, e.get("actor", "any"),
                                    bool(e.get("generic", False))))
        self.triggers = tuple(triggers)
        self._any = re.compile("|".join(f"(?:{t.pattern.pattern})" for t in triggers), re.I)

    @classmethod
    def load(cls) -> TriggerLexicon:
        """Load the packaged ``data/triggers.yaml``."""
        text = importlib.resources.files("eventcoder.data").joinpath("triggers.yaml").read_text(encoding="utf-8")
        return cls(yaml.safe_load(text)["triggers"])

    def candidate_offsets(self, text: str) -> list[int]:
        """Start offsets of every trigger or death-word match in ``text`` (one scan of a
        whole article: cheaper than ``candidate`` on each of its sentences)."""
        return sorted([m.start() for m in self._any.finditer(text)] + [m.start() for m in _DEATH_WORDS.finditer(text)])

    def candidate(self, text: str) -> bool:
        """Whether any trigger or death word occurs in the text (the cheap filter before NER)."""
        return self._any.search(text) is not None or _DEATH_WORDS.search(text) is not None

    def find(self, text: str, offset: int = 0) -> list[TriggerMatch]:
        """Every trigger match in ``text``; ``offset`` is added to the spans."""
        out = []
        for t in self.triggers:
            if t.needs is not None and not t.needs.search(text):
                continue
            for m in t.pattern.finditer(text):
                out.append(TriggerMatch(t.sub_event_type, t.event_type, t.priority,
                                        offset + m.start(), offset + m.end(), m.group(0), t.actor, t.generic))
        out.sort(key=lambda m: (m.start, -m.priority))
        return out
