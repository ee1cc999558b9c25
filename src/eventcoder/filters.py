"""Filters over the event store, shared by ``eventcoder export`` and ``eventcoder serve``.

A ``StoreFilter`` becomes a SQL ``WHERE`` clause with ``?`` placeholders and its
arguments: every value a user gives travels as a query parameter, never as SQL text.
Dates are ISO 8601 strings (``YYYY-MM-DD``), compared as strings as the store keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


def like_pattern(text: str) -> str:
    """``%text%`` for ``ILIKE ... ESCAPE '\\'``, with the user's ``%``, ``_`` and ``\\`` taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True)
class StoreFilter:
    """What the table, the map, the timeline and the exports narrow to.

    Attributes:
        country: ISO 3166-1 alpha-2 code.
        admin1: first-level division name, as stored (case-insensitive).
        since, until: first and last date, inclusive (ISO 8601). Events: ``event_date``;
            measures: in force at some day of the range; quotes: the article's
            publication date.
        event_type, sub_event_type: ACLED's names (case-insensitive).
        actor: part of an actor's name (events: actor1, actor2, associated actors;
            measures: who imposed it; quotes: speaker or organisation).
        min_fatalities: events with at least this many fatalities.
        min_sources: events reported by at least this many articles.
    """

    country: str | None = None
    admin1: str | None = None
    since: str | None = None
    until: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    min_fatalities: int | None = None
    min_sources: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, "")}

    # ------------------------------------------------------------------ events
    def events_where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """``(sql, args)``: the clause over ``events AS alias`` ("TRUE" when nothing is set).

        The actor search looks for the text, ignoring case, in the actor names joined by ``|``.
        """
        e = alias
        where: list[str] = []
        args: list[Any] = []
        if self.country:
            where.append(f"{e}.country = ?")
            args.append(self.country.upper())
        if self.admin1:
            where.append(f"lower({e}.admin1) = lower(?)")
            args.append(self.admin1)
        if self.since:
            where.append(f"{e}.event_date >= ?")
            args.append(self.since)
        if self.until:
            where.append(f"{e}.event_date <= ?")
            args.append(self.until)
        if self.event_type:
            where.append(f"lower({e}.event_type) = lower(?)")
            args.append(self.event_type)
        if self.sub_event_type:
            where.append(f"lower({e}.sub_event_type) = lower(?)")
            args.append(self.sub_event_type)
        if self.actor:
            actors = f"lower(concat_ws('|', {e}.actor1, {e}.actor2, {e}.assoc_actor_1, {e}.assoc_actor_2))"
            where.append(f"contains({actors}, lower(?))")
            args.append(self.actor)
        if self.min_fatalities is not None:
            where.append(f"coalesce({e}.fatalities, 0) >= ?")
            args.append(self.min_fatalities)
        if self.min_sources is not None:
            where.append(f"{e}.number_of_sources >= ?")
            args.append(self.min_sources)
        return (" AND ".join(where) or "TRUE"), args

    # ------------------------------------------------------------------ measures
    def measures_where(self, alias: str = "m") -> tuple[str, list[Any]]:
        """The clause over ``measures AS alias``: country, admin1, dates (in force), actor."""
        m = alias
        where: list[str] = []
        args: list[Any] = []
        if self.country:
            where.append(f"{m}.country = ?")
            args.append(self.country.upper())
        if self.admin1:
            where.append(f"lower({m}.admin1) = lower(?)")
            args.append(self.admin1)
        if self.since:
            where.append(f"coalesce({m}.end_date, {m}.start_date) >= ?")
            args.append(self.since)
        if self.until:
            where.append(f"{m}.start_date <= ?")
            args.append(self.until)
        if self.actor:
            where.append(f"{m}.imposed_by ILIKE ? ESCAPE '\\'")
            args.append(like_pattern(self.actor))
        return (" AND ".join(where) or "TRUE"), args

    # ------------------------------------------------------------------ quotes
    def quotes_where(self, alias: str = "q", article: str = "a") -> tuple[str, list[Any]]:
        """The clause over ``quotes AS alias`` joined to ``articles AS article``.

        Country, admin1 and event types match the events the quote's article reported.
        """
        q, a = alias, article
        where: list[str] = []
        args: list[Any] = []
        ev = StoreFilter(country=self.country, admin1=self.admin1, event_type=self.event_type,
                         sub_event_type=self.sub_event_type)
        if ev.as_dict():
            ev_sql, ev_args = ev.events_where("qe")
            where.append("EXISTS (SELECT 1 FROM event_sources qs JOIN events qe ON qe.event_id = qs.event_id "
                         f"WHERE qs.article_key = {q}.article_key AND {ev_sql})")
            args += ev_args
        if self.since:
            where.append(f"{a}.published >= ?")
            args.append(self.since)
        if self.until:
            where.append(f"{a}.published <= ?")
            args.append(self.until)
        if self.actor:
            pat = like_pattern(self.actor)
            where.append(f"({q}.speaker ILIKE ? ESCAPE '\\' OR {q}.organization ILIKE ? ESCAPE '\\')")
            args += [pat, pat]
        return (" AND ".join(where) or "TRUE"), args
