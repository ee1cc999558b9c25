"""Typed records that pass between the stages of the flow (see docs/architecture.md).

Offsets are 0-based and end-exclusive on ``CodedArticle.text`` (the clean text).
Dates are ISO 8601 strings (``YYYY-MM-DD``). Coordinates are WGS84 degrees.
Field names follow ACLED's codebook where ACLED has one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """The span a field's value came from."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class RawDocument:
    """One input as read, before clean-up.

    Attributes:
        id: the file stem, ``"stdin"``, or the JSONL record's id.
        source: where it came from (a path, ``"-"``, ``path:line``), for messages.
        content: the decoded text or HTML.
        kind: ``"text"`` or ``"html"``.
        url, published, title: metadata given with the input (command line or
            JSONL record); they win over what the page says.
        published_fallback: a publication date to use only when neither the input nor the
            page gives one (``eventcoder run --published``).
        notes: what the reader of the input should know (a feed item coded from its summary
            because its page could not be fetched); they become the article's warnings.
    """

    id: str
    source: str
    content: str
    kind: str
    url: str | None = None
    published: str | None = None
    title: str | None = None
    published_fallback: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the clean text with its offsets."""

    start: int
    end: int
    is_caption: bool = False


@dataclass(frozen=True)
class Article:
    """A cleaned article: ``text`` is what every offset points into."""

    id: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str = "en"
    dateline_country: str | None = None
    dateline_city: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Attribution:
    """Who reported a fact: a person with role and organisation, or an organisation."""

    speaker: str | None
    role: str | None
    organization: str | None


@dataclass
class Event:
    """One coded event, ACLED's fields plus evidence (see DESIGN.md's contract)."""

    event_id: str
    event_type: str
    sub_event_type: str
    event_date: str | None
    time_precision: int | None
    date_text: str | None
    actor1: str | None
    inter1: int | None
    assoc_actor_1: str | None
    actor2: str | None
    inter2: int | None
    assoc_actor_2: str | None
    interaction: int | None
    country: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    geo_precision: int | None
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    fatalities_text: str | None
    number_of_sources: int = 1
    attribution: Attribution | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    notes: str = ""


@dataclass
class Measure:
    """A government measure (curfew, closure, ban ...) the article reports.

    ``start_date`` is ISO ``YYYY-MM-DD``: the date the text gives (with a ``start_date``
    evidence span), else that of the measure announced before it, else the publication date
    (no evidence span, confidence 0.5); None when the publication date is known only in part.
    """

    measure: str
    country: str | None
    admin1: str | None
    location: str | None
    start_date: str | None
    end_date: str | None
    imposed_by: str | None
    hours: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5


@dataclass
class Quote:
    """An attributed quotation or reported speech."""

    speaker: str | None
    role: str | None
    organization: str | None
    text: str
    start: int
    end: int
    direct: bool


@dataclass(frozen=True)
class ErrorInfo:
    """Why an article could not be coded: the stage and a one-line reason."""

    stage: str
    reason: str


@dataclass
class CodedArticle:
    """The output for one article (DESIGN.md, "Contract: the coded article")."""

    id: str
    url: str | None
    title: str | None
    outlet: str | None
    byline: str | None
    published: str | None
    language: str
    text: str
    relevant: bool
    events: list[Event] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: ErrorInfo | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of the record (nested records become dicts)."""
        return asdict(self)

    @classmethod
    def failed(cls, doc_id: str, stage: str, reason: str, *, url: str | None = None) -> CodedArticle:
        """A record for an article that could not be coded."""
        return cls(
            id=doc_id, url=url, title=None, outlet=None, byline=None, published=None,
            language="en", text="", relevant=False, error=ErrorInfo(stage, reason),
        )
