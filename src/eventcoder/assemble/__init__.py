"""Assemble: from the mentions in an article's sentences to coded events.

One event per real occurrence (FORMAT.md, "What is an event"). The stage is split by
the decision each part makes:

- ``focus``: the article's countries, and whether it reads as another frame;
- ``clauses``: clause bounds and nearest items within a sentence;
- ``trigger_choice``: which trigger matches of a sentence stand for an occurrence;
- ``mentions``: each kept trigger with its clause's date, place, actors and tolls;
  background, modal, negated and old (over 30 days) mentions dropped;
- ``grouping``: mentions of one occurrence merged into one draft; parts of a main
  event and drafts with neither place nor date dropped;
- ``tolls``: an event's fatalities (ACLED's most conservative figure);
- ``roles``: actor1 and actor2 by ACLED's role rules;
- ``events``: drafts to ``Event`` records with evidence and notes.
"""

from eventcoder.assemble.events import assemble_events
from eventcoder.assemble.focus import (
    article_countries,
    court_report,
    disaster_report,
    frame_irrelevant,
    history_report,
)
from eventcoder.assemble.mentions import CLAIM, is_follow_up
from eventcoder.assemble.records import SentenceInfo

__all__ = ["CLAIM", "SentenceInfo", "article_countries", "assemble_events", "court_report", "disaster_report",
           "frame_irrelevant", "history_report", "is_follow_up"]
