"""Clauses of a sentence and the item nearest a trigger: how mentions find their date, place and toll."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from eventcoder.assemble.records import SentenceInfo

T = TypeVar("T")

def nearest(items: list[T], pos: int, key: Callable[[T], tuple[int, int]] = lambda x: (x.start, x.end)) -> T | None:  # type: ignore[attr-defined]
    """The item nearest to ``pos`` (an item after it is preferred to one as far before it)."""
    best, best_d = None, None
    for it in items:
        s, e = key(it)
        d = 0 if s <= pos < e else (s - pos if s > pos else (pos - e) * 1.3)
        if best_d is None or d < best_d:
            best, best_d = it, d
    return best

# a comment on the act just told ("..., marking the deadliest attack since ..."): its own
# clause, and no other act
COMMENT = re.compile(r",\s*(?:marking|making it|bringing|raising)\s")

_CLAUSE = re.compile(r";|,\s*(?:while|whereas|but|as|and then|which|who|where)\s|\swhile\s|\swhereas\s|,\s*(?:a|an|the) (?:town|city|village|district|region)\b"
                     # "killed ten civilians as fighting ravages the country since a coup": background
                     r"|\sas\s+(?:the\s+)?(?:fighting|violence|clashes|conflict|war|unrest|insurgency|crisis|tensions?)\b"
                     r"|" + COMMENT.pattern)

# "imposed on Thursday after clashes on Wednesday": for dates, a cause is its own clause
_CAUSE = re.compile(r"\s(?:after|following)\s")


def clause_bounds(info: SentenceInfo, pos: int, *, causes: bool = False) -> tuple[int, int]:
    """Start and end (article offsets) of the clause of the sentence that holds ``pos``.

    Clauses end at semicolons and at subordinate conjunctions ("while", ", which"); with
    ``causes``, also before "after"/"following" (used to choose a trigger's date).
    """
    s = info.sentence
    start, end = s.start, s.end
    cuts = sorted([m.start() for m in _CLAUSE.finditer(s.text)]
                  + ([m.start() for m in _CAUSE.finditer(s.text)] if causes else []))
    for c in cuts:
        cut = s.start + c
        if cut <= pos:
            start = cut
        else:
            end = cut
            break
    return start, end


def in_clause(items: list, info: SentenceInfo, pos: int, key=lambda x: (x.start, x.end), *,
              causes: bool = False) -> list:
    """The items inside the clause holding ``pos``; all items when none is."""
    a, b = clause_bounds(info, pos, causes=causes)
    inside = [it for it in items if a <= key(it)[0] < b]
    return inside or items
