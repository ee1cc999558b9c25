"""Resolve date expressions against the publication date, by FORMAT.md's rules.

- A weekday is the most recent such day on or before the publication date.
- "yesterday" and "last night" are the day before (ACLED's practice, and what both real-news
  annotators wrote: a publication time, which would tell a morning report, is rarely known;
  FORMAT.md's one-day tolerance covers either reading); "overnight", "today" the
  publication day.
- "last week": the Wednesday of the previous Monday-Sunday week, time precision 2 (week).
- "this month"/"earlier this month": the 15th, precision 3 (month); "last month" the 15th
  of the previous month.
- A month and day without a year: the most recent such date on or before publication
  (dateparser, ``PREFER_DATES_FROM='past'``, anchored on the publication date).
- "on the 2nd": that day of the publication month (or the month before, if later).
- With no publication date and no year in the expression: None, never a guess.
- A publication date known in part (``2023-03``, ``2023``; FORMAT.md): a day and month
  take the year from it; relative expressions (weekdays, "yesterday") stay None.

Time precision is ACLED's: 1 day, 2 week, 3 month.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from eventcoder.extract.dates import _ORD_WORDS, MONTHS, WEEKDAYS, DateMention


def _month_index(text: str) -> int | None:
    t = text.lower().rstrip(".")
    for i, name in enumerate(MONTHS, start=1):
        if name.startswith(t[:3]) and len(t) >= 3:
            return i
    return None


def _ordinal_day(text: str) -> int | None:
    m = re.search(r"(\d{1,2})(?:st|nd|rd|th)?", text)
    if m:
        return int(m.group(1))
    best = None
    for i, w in enumerate(_ORD_WORDS, start=1):
        if re.search(r"\b" + w + r"\b", text, re.I):
            best = i  # the last (longest) match wins: "twenty-first" over "first"
    return best


def parse_published(value: str | None) -> tuple[date | None, int | None]:
    """A publication date as ``(full date or None, year or None)``.

    ``"2023-03-14"`` gives ``(date(2023, 3, 14), 2023)``; the partial forms ``"2023-03"``
    and ``"2023"`` give ``(None, 2023)``: the year anchors a day and month, nothing else.
    """
    if not value:
        return None, None
    try:
        if len(value) >= 10:
            d = date.fromisoformat(value[:10])
            return d, d.year
        return None, int(value[:4])
    except ValueError:
        return None, None


def published_bound(value: str | None) -> date | None:
    """The latest day a publication date allows: the date itself, or the last day of a
    publication month (``"2023-09"`` gives 30 September 2023); None for a year alone or none."""
    full, _year = parse_published(value)
    if full is not None:
        return full
    month = re.fullmatch(r"(\d{4})-(\d{2})", value or "")
    if month is None or not 1 <= int(month.group(2)) <= 12:
        return None
    year, mon = int(month.group(1)), int(month.group(2))
    return date(year, mon, calendar.monthrange(year, mon)[1])


_SIMPLE_MDY = re.compile(r"^(?:on\s+)?(?P<m>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:[,.]?\s+(?P<y>\d{4}))?$", re.I)
_SIMPLE_DMY = re.compile(r"^(?:on\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[A-Za-z]{3,9})\.?(?:,?\s+(?P<y>\d{4}))?$", re.I)


def _parse_simple(text: str, published: date | None, year: int | None) -> date | None | bool:
    """The common forms ("March 5", "5 March 2023", "Dec. 16, 2014") without dateparser;
    False when the text is not one of them."""
    m = _SIMPLE_MDY.match(text.strip()) or _SIMPLE_DMY.match(text.strip())
    if not m:
        return False
    word = m.group("m").lower().rstrip(".")
    month = next((i for i, name in enumerate(MONTHS, start=1) if name.startswith(word)), None)
    if month is None:
        return False
    day = int(m.group("d"))
    y = int(m.group("y")) if m.group("y") else None
    try:
        if y is not None:
            return date(y, month, day)
        if published is not None:
            d = date(published.year, month, day)
            return d.replace(year=d.year - 1) if d > published else d
        return date(year, month, day) if year is not None else None
    except ValueError:
        return None


def _parse_absolute(text: str, published: date | None, year: int | None = None) -> date | None:
    import dateparser

    simple = _parse_simple(text, published, year)
    if simple is not False:
        return simple  # type: ignore[return-value]
    clean = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", text)
    for i, w in sorted(enumerate(_ORD_WORDS, start=1), key=lambda x: -len(x[1])):
        clean = re.sub(r"\bthe\s+" + w + r"\s+of\b", str(i), clean, flags=re.I)
    has_year = re.search(r"\b\d{4}\b", clean) is not None
    if not has_year and published is None:
        if year is None:
            return None
        clean, has_year = f"{clean} {year}", True
    settings: dict = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"], "DATE_ORDER": "MDY"}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day, 23, 59)
    parsed = dateparser.parse(clean, languages=["en"], settings=settings)
    if parsed is None:
        return None
    d = parsed.date()
    if not has_year and published is not None and d > published:
        d = d.replace(year=d.year - 1)
    return d


def resolve(mention: DateMention, published: date | None, *, year: int | None = None) -> tuple[date | None, int | None]:
    """Resolve one expression to ``(date, time_precision)``; ``(None, None)`` when it cannot be.

    ``year`` is the publication year when only part of the publication date is known
    (``published`` is then None): it completes a day and month and nothing else.
    ``old`` and ``future`` kinds and bare years return ``(None, None)``; callers use
    ``is_old``/``is_future`` for those.
    """
    kind, text = mention.kind, mention.text
    if kind == "absolute":
        d = _parse_absolute(text, published, year)
        return (d, 1) if d else (None, None)
    if kind == "month_year":
        m = re.search(r"(?P<m>[A-Za-z]+)\.?\s+(?P<y>\d{4})", text.split(None, 1)[-1])
        if m and _month_index(m.group("m")):
            return date(int(m.group("y")), _month_index(m.group("m")) or 1, 15), 3
        return None, None
    if published is None:
        return None, None
    if kind == "weekday":
        w = next(i for i, name in enumerate(WEEKDAYS) if name in text.lower())
        back = (published.weekday() - w) % 7
        return published - timedelta(days=back), 1
    if kind == "yesterday":
        return published - timedelta(days=1), 1
    if kind == "days_ago":
        return published - timedelta(days=_count_before(text, "day", default=2)), 1
    if kind == "holiday" and text.lower().startswith("easter"):
        # Western Easter (dateutil's computus), Sunday or Monday, the latest on or before publication
        from dateutil.easter import easter

        shift = 1 if text.lower().endswith("monday") else 0
        when = easter(published.year) + timedelta(days=shift)
        return (when if when <= published else easter(published.year - 1) + timedelta(days=shift)), 1
    if kind == "holiday":
        h_month, h_day = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
                          "christmas eve": (12, 24)}[text.lower().replace("’", "'")]
        when = date(published.year, h_month, h_day)
        return (when if when <= published else date(published.year - 1, h_month, h_day)), 1
    if kind == "weekend":
        # the Saturday of the weekend before the report (or of this one, on a Sunday), ACLED's
        # precision 2: a day within the week
        back = (published.weekday() - 5) % 7
        if "last" in text.lower() and back < 2:
            back += 7
        return published - timedelta(days=back), 2
    if kind == "today":
        return published, 1
    if kind == "ordinal":
        day = _ordinal_day(text)
        if not day:
            return None, None
        y, mo = published.year, published.month
        if day > published.day:
            y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
        try:
            return date(y, mo, day), 1
        except ValueError:
            return None, None
    if kind == "weeks_ago":
        monday = published - timedelta(days=published.weekday() + 7 * _count_before(text, "week", default=1))
        return monday + timedelta(days=2), 2  # the Wednesday of that week (ACLED's week precision)
    if kind == "last_week":
        monday = published - timedelta(days=published.weekday() + 7)
        return monday + timedelta(days=2), 2
    if kind == "this_week":
        monday = published - timedelta(days=published.weekday())
        return min(monday + timedelta(days=2), published), 2
    if kind == "month":
        # the latest such month on or before publication, at its 15th (ACLED's month precision)
        idx = _month_index(re.sub(r"^\W*\w+\s+(?:early\s+|late\s+|mid-?)?", "", text).strip(" ."))
        if not idx:
            return None, None
        year = published.year if idx <= published.month else published.year - 1
        return date(year, idx, 15), 3
    if kind == "this_month":
        return published.replace(day=15) if published.day >= 15 else published.replace(day=min(15, published.day)), 3
    if kind == "last_month":
        first = published.replace(day=1) - timedelta(days=1)
        return first.replace(day=15), 3
    return None, None


def _count_before(text: str, unit: str, *, default: int) -> int:
    """The number before "days ago"/"weeks ago" ("ten days ago" -> 10; the quantity words of
    ``data/quantities.yaml``, as tolls read them); ``default`` for "the day before yesterday"."""
    from eventcoder.extract.fatalities import parse_quantity

    m = re.search(r"(?P<n>\w+) " + unit + r"s? ago", text, re.I)
    value = parse_quantity(m.group("n")) if m else None
    return value[0] if value else default


def year_of(mention: DateMention) -> int | None:
    """The year a ``year`` or ``month_year`` expression names."""
    m = re.search(r"\b((?:19|20)\d{2})\b", mention.text)
    return int(m.group(1)) if m else None
