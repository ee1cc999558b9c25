"""Date expressions in a sentence: weekdays, relative days, weeks, months, absolute dates, years.

Only finds and classifies them; ``resolve.dates`` turns them into ISO dates against the
publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)?)"
_ORD_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
              "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
              "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
              "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth",
              "twenty-ninth", "thirtieth", "thirty-first")
_ORDW = "(?:" + "|".join(sorted(_ORD_WORDS, key=len, reverse=True)) + ")"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("absolute", re.compile(r"\b" + _MON + r"\s+" + _ORD + r"(?:[,.]?\s+(?P<y>(?:19|20)\d{2}))?\b", re.I)),
    ("absolute", re.compile(r"\b" + _ORD + r"\s+(?:of\s+)?" + _MON + r"(?:,?\s+(?P<y>\d{4}))?\b", re.I)),
    ("absolute", re.compile(r"\bthe\s+(?P<ow>" + _ORDW + r")\s+of\s+" + _MON + r"(?:,?\s+(?P<y>\d{4}))?\b", re.I)),
    ("ordinal", re.compile(r"\b(?:on|by|since|until|from)\s+the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?" + _MON + ")", re.I)),
    ("ordinal", re.compile(r"\b(?:on|by|since|until|from)\s+the\s+(?P<ow>" + _ORDW + r")\b(?!\s+(?:of\s+)?" + _MON + ")", re.I)),
    ("month_year", re.compile(r"\b(?:in|since|during|by|until|of|from)\s+(?:early\s+|late\s+|mid-?)?(?P<m>" + _MON + r")\s+(?P<y>\d{4})\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|during|by|until|of|from|before|after)\s+(?:(?:early|late|mid-?|the (?:spring|summer|autumn|fall|winter|end|start|beginning|middle) of)\s*)?(?P<y>(?:19|20)\d{2})\b", re.I)),
    # "Also in April, the military bombed ...", "took control of Sanaa last September": a month
    # named without its day or year (the latest such month before the report)
    ("month", re.compile(r"\b(?i:in|since|during|until|from|last)\s+(?i:early\s+|late\s+|mid-?)?(?P<m>January|February|"
                         r"March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)")),
    # "The September deal signed by Russia and Turkey": an agreement of that month
    ("month", re.compile(r"\b(?i:the)\s+(?P<m>January|February|March|April|May|June|July|August|September|October|"
                         r"November|December)(?=\s+(?:deal|agreement|accord|ceasefire|truce|pact|talks|summit)\b)")),
    ("year", re.compile(r"\b(?P<y>(?:19|20)\d{2})\s+(?:[A-Z][\w'-]+\s+){0,3}(?:war|conflict|bombings?|attacks?|massacres?|unrest|elections?|genocide|uprising|coup|offensive|peace agreement|agreement|riots?|protests?|clashes|siege|blasts?|explosions?|invasion|insurgency|crisis)\b")),
    ("weekday", re.compile(r"\b(?:(?:late|early)\s+)?(?:on\s+)?(?:(?:late|early)\s+)?(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?(?:\s+(?:night|morning|evening|afternoon))?\b", re.I)),
    ("days_ago", re.compile(r"\b(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                            r"fifteen|twenty|[2-9]|[1-2]\d|30|a) days? ago|the day before yesterday)\b", re.I)),
    # "on New Year's Day", "on Christmas Eve": the latest such day on or before publication
    ("holiday", re.compile(r"\b(?:(?:New Year's|New Year’s|Christmas) (?:Day|Eve)|Easter (?:Sunday|Monday))\b")),
    # ("The weekend attack on a church": the weekend as the act's adjective)
    ("weekend", re.compile(r"\b(?:(?:over|during|at|on) the weekend|(?:this|last) weekend|"
                           r"(?<=[Tt]he )weekend(?=\s+(?:\w+\s+)?(?:attacks?|clashes|violence|raids?|bombings?|protests?|"
                           r"riots?|fighting|shootings?|killings?|ambush|assault|strikes?|shelling)\b))\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|last night)\b", re.I)),
    ("today", re.compile(r"\b(?:today|this morning|this afternoon|this evening|earlier today|overnight|tonight)\b", re.I)),
    ("last_week", re.compile(r"\blast week\b", re.I)),
    ("weeks_ago", re.compile(r"\b(?P<n>a|one|two|three|four|[1-4]) weeks? ago\b", re.I)),
    ("this_week", re.compile(r"\b(?:earlier this week|this week)\b", re.I)),
    ("this_month", re.compile(r"\b(?:earlier this month|this month)\b", re.I)),
    ("last_month", re.compile(r"\blast month\b", re.I)),
    ("old", re.compile(r"\b(?:last year|earlier this year|years? ago|decades? ago|months ago|in recent years|over the years|the previous year|"
                      r"(?:that|the) same year|later that year|(?<=\w )that year)\b", re.I)),
    ("future", re.compile(r"\b(?:tomorrow|next week|next month|next year|later this (?:week|month|year))\b", re.I)),
]
# "said on Sunday", "in a statement on Monday", "told reporters on Friday": the report's date, not the event's.
_REPORTING = re.compile(
    r"(?:said|say|says|told\s+\w+|announced|statement|released|issued|reported|confirmed|claimed|added|wrote|posted|"
    r"broadcast|published|briefing|press conference|communiqu[eé])\b[^.;]{0,40}?(?:on|late|early)?\s*$",
    re.I,
)


# a date that belongs to a non-violent occasion named after it ("last month's election")
_NOT_EVENT_AFTER = re.compile(r"['’]s?\s+(?:\w+\s+)?(?:elections?|vote|polls|referendum|meeting|summit|talks|"
                              r"match|game|budget|speech|address|announcement|decision|ruling|hearing|trial)\b", re.I)


@dataclass(frozen=True)
class DateMention:
    """A date expression: its kind, span (offsets into the article text) and parts.

    Kinds: ``absolute`` (month and day, maybe a year), ``ordinal`` ("on the 2nd"),
    ``month_year``, ``month`` ("in April": the latest such month on or before publication),
    ``holiday`` (New Year's Day and Eve, Christmas Day and Eve),
    ``year``, ``weekday``, ``days_ago`` ("two days ago"), ``weekend``,
    ``yesterday``, ``weeks_ago`` ("two weeks ago": the Wednesday of that week), ``today`` (also
    overnight/last night), ``last_week``, ``this_week``, ``this_month``,
    ``last_month``, ``old`` ("last year"), ``future``; ``relative`` ("the next day", "a day
    earlier": set by the assemble stage from the report before it, never by ``find_dates``).
    """

    kind: str
    start: int
    end: int
    text: str
    reporting: bool = False


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Every date expression in a sentence, in text order, without overlaps.

    ``reporting`` marks a date that dates the report ("said on Sunday"), not the event.
    """
    found: list[DateMention] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            if _NOT_EVENT_AFTER.match(text, m.end()):
                continue  # "last month's presidential election": the date of something else
            before = text[max(0, m.start() - 60):m.start()]
            reporting = bool(_REPORTING.search(before)) and kind in ("weekday", "yesterday", "today", "absolute", "days_ago")
            found.append(DateMention(kind, offset + m.start(), offset + m.end(), m.group(0), reporting))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        if out and out[-1].kind == "weekday" and d.kind == "absolute" \
                and re.fullmatch(r"\s*,?\s*(?:the\s+)?", text[out[-1].end - offset:d.start - offset]):
            # "on Sunday, September 10": one date, the day and month say it (a publication
            # date known to the month resolves it; the weekday alone would not)
            d = DateMention(d.kind, out[-1].start, d.end, text[out[-1].start - offset:d.end - offset], out[-1].reporting)
            out[-1] = d
            continue
        out.append(d)
    return out
