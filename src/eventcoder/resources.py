"""The loaded resources every stage receives: spaCy, lexicons, dictionaries, gazetteer.

``Pipeline`` builds one ``Resources`` when it starts; the stages take it as an argument
and never load anything themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eventcoder.extract.measures import MeasureLexicon
from eventcoder.extract.triggers import TriggerLexicon
from eventcoder.nlp import PhraseIndex
from eventcoder.resolve.actors import ActorDictionary
from eventcoder.resolve.places import PlaceResolver


@dataclass
class Resources:
    """What the stages need, loaded once: spaCy, lexicons, actor dictionary, gazetteer."""

    nlp: Any
    lexicon: TriggerLexicon
    actors: ActorDictionary
    places: PlaceResolver
    frames: dict[str, list[str]]
    frame_min: int
    frame_patterns: dict[str, re.Pattern[str]]
    country_pattern: PhraseIndex
    measures: MeasureLexicon
