"""The records the assemble stage passes between its parts: a candidate sentence with
what it holds, and one event mention."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from eventcoder.extract.dates import DateMention
from eventcoder.extract.fatalities import DeathCount
from eventcoder.extract.places import Toponym
from eventcoder.extract.triggers import TriggerMatch
from eventcoder.models import Attribution
from eventcoder.nlp import Entity, Sentence
from eventcoder.resolve.actors import ActorMention
from eventcoder.resolve.gazetteer import Place


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
    anaphoric: bool = False
    """The trigger refers back ("The attack on Khuafo village also wounded 20"): it adds to the
    event reported just before, whatever type its own words would give."""
    ensuing: bool = False
    """The trigger names the fight the act just reported led to ("In an ensuing gun battle"):
    anaphoric too, up to four paragraphs on, and it makes an attack a battle."""
    again: bool = False
    """The act told for a second day in the same words ("on Saturday night and again on Sunday
    night"): another occurrence, never grouped with a report of another day."""

@dataclass
class SentenceInfo:
    """What one candidate sentence holds, computed once."""

    sentence: Sentence
    entities: list[Entity]
    toponyms: list[tuple[Toponym, Place | None]]
    dates: list[DateMention]
    actors: list[ActorMention]
    deaths: list[DeathCount]
    triggers: list[TriggerMatch] = field(default_factory=list)
    """The sentence's trigger matches (found once, when the sentence is read)."""
    dateline: tuple[Toponym, Place] | None = None
    """The lead's dateline city, resolved in the article's countries ("Yala (Thailand) :"):
    where the report was filed, the place of a lead event that names no other."""
