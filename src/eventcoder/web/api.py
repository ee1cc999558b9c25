"""The read-only HTTP API and the page of ``eventcoder serve`` (FastAPI; OpenAPI at ``/openapi.json``).

Routes (all GET): ``/api/status``, ``/api/facets``, ``/api/events`` (JSON page or GeoJSON
with ``format=geojson``), ``/api/events/{event_id}``, ``/api/timeline``, ``/api/measures``,
``/api/quotes``, ``/api/articles/{article_key}`` (the key is URL-encoded: keys are
canonical URLs or ``hash:...``), and ``/`` with its static files. The table's filters
(``StoreFilter``) apply to events, timeline, measures and quotes alike.

Limits: ``page_size`` at most 500 (5,000 for events: the map's layer is one page); every query
block is interrupted after ``query_timeout_s`` (503). While no copy of the store could be
taken because ``eventcoder run`` holds it, data routes answer 503 with the reason.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from eventcoder.filters import StoreFilter
from eventcoder.web import queries
from eventcoder.web.snapshot import QueryTimeout, StoreBusy, StoreSnapshot

MAX_PAGE_SIZE = 500
MAX_EVENT_PAGE_SIZE = 5000  # the map's layer is one page of events
# the page runs only its own scripts; Leaflet positions its layers with inline styles
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


# ---------------------------------------------------------------------- response records
class Evidence(BaseModel):
    """A span of the article's clean text (0-based, end-exclusive, code points) a field came from."""

    field: str
    start: int
    end: int
    text: str


class ArticleEvidence(Evidence):
    article_key: str


class Attribution(BaseModel):
    speaker: str | None = None
    role: str | None = None
    organization: str | None = None


class EventSummary(BaseModel):
    event_id: str
    event_date: str | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    country: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    time_precision: int | None
    fatalities: int | None
    number_of_sources: int | None
    notes: str | None


class EventPage(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[EventSummary]


class Point(BaseModel):
    type: Literal["Point"]
    coordinates: list[float]


class Feature(BaseModel):
    type: Literal["Feature"]
    id: str
    geometry: Point | None
    properties: EventSummary


class FeatureCollection(BaseModel):
    type: Literal["FeatureCollection"]
    total: int
    page: int
    page_size: int
    features: list[Feature]


class EventSource(BaseModel):
    """One article that reported the event: its own figure, attribution and evidence."""

    article_key: str
    outlet: str | None
    url: str | None
    title: str | None
    published: str | None
    fatalities: int | None
    attribution: Attribution | None
    evidence: list[Evidence]


class EventDetail(EventSummary):
    inter1: int | None
    inter2: int | None
    assoc_actor_1: str | None
    assoc_actor_2: str | None
    interaction: int | None
    admin2: str | None
    geonameid: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    confidence: float | None
    country_name: str | None
    sources: list[EventSource]


class TimelineRow(BaseModel):
    period: str
    event_type: str
    events: int
    fatalities: int


class Timeline(BaseModel):
    bucket: str
    rows: list[TimelineRow]


class SourceRef(BaseModel):
    article_key: str
    outlet: str | None
    url: str | None
    title: str | None
    published: str | None


class Measure(BaseModel):
    measure_id: str
    measure: str
    country: str | None
    country_name: str | None
    iso_numeric: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    start_date: str | None
    end_date: str | None
    hours: str | None
    imposed_by: str | None
    number_of_sources: int | None
    attribution: Attribution
    evidence: list[ArticleEvidence]
    sources: list[SourceRef] | None


class MeasurePage(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[Measure]


class Quote(BaseModel):
    quote_id: str
    article_key: str
    published: str | None
    speaker: str | None
    role: str | None
    organization: str | None
    text: str
    start: int
    end: int
    direct: bool | None
    attribution: Attribution
    evidence: list[ArticleEvidence]
    sources: list[SourceRef]


class QuotePage(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[Quote]


class ArticleEvent(BaseModel):
    event_id: str
    event_type: str
    sub_event_type: str
    event_date: str | None
    fatalities: int | None
    attribution: Attribution | None
    evidence: list[Evidence]


class ArticleMeasure(BaseModel):
    measure_id: str
    measure: str
    start_date: str | None
    end_date: str | None
    evidence: list[Evidence]


class ArticleQuote(BaseModel):
    speaker: str | None
    role: str | None
    organization: str | None
    text: str
    start: int
    end: int
    direct: bool | None


class Article(BaseModel):
    article_key: str
    doc_id: str | None
    source: str | None
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None
    text: str | None
    duplicate_of: str | None
    events: list[ArticleEvent]
    measures: list[ArticleMeasure]
    quotes: list[ArticleQuote]


class CountryFacet(BaseModel):
    code: str
    name: str | None
    iso_numeric: str | None
    events: int


class Admin1Facet(BaseModel):
    country: str | None
    name: str
    events: int


class TypeFacet(BaseModel):
    name: str
    events: int


class SubTypeFacet(BaseModel):
    event_type: str
    name: str
    events: int


class Facets(BaseModel):
    countries: list[CountryFacet]
    admin1: list[Admin1Facet]
    event_types: list[TypeFacet]
    sub_event_types: list[SubTypeFacet]
    date_min: str | None
    date_max: str | None
    counts: dict[str, int]


class Status(BaseModel):
    state: Literal["ok", "busy", "unavailable"]
    snapshot_at: str | None
    busy_since: str | None
    message: str | None


class Problem(BaseModel):
    detail: str


# ---------------------------------------------------------------------- parameters
class SortKey(StrEnum):
    event_date = "event_date"
    fatalities = "fatalities"
    number_of_sources = "number_of_sources"
    country = "country"
    admin1 = "admin1"
    location = "location"
    event_type = "event_type"
    sub_event_type = "sub_event_type"
    actor1 = "actor1"
    actor2 = "actor2"


async def store_filter(
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code.")] = None,
    admin1: Annotated[str | None, Query(max_length=200, description="First-level division, as stored.")] = None,
    since: Annotated[date | None, Query(description="First date, YYYY-MM-DD (a real calendar day).")] = None,
    until: Annotated[date | None, Query(description="Last date, YYYY-MM-DD (a real calendar day).")] = None,
    event_type: Annotated[str | None, Query(max_length=100)] = None,
    sub_event_type: Annotated[str | None, Query(max_length=100)] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Part of an actor's name.")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=1_000_000)] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
) -> StoreFilter:
    """The table's filters, from the query string (async: no thread hop for the event list).

    ``since`` and ``until`` are validated as real calendar days (2023-02-30 is a 422 answer).
    """
    return StoreFilter(country=country, admin1=admin1, since=since.isoformat() if since else None,
                       until=until.isoformat() if until else None, event_type=event_type,
                       sub_event_type=sub_event_type, actor=actor, min_fatalities=min_fatalities,
                       min_sources=min_sources)


Filter = Annotated[StoreFilter, Depends(store_filter)]
Page = Annotated[int, Query(ge=1, le=1_000_000)]
_ERRORS: dict[int | str, dict[str, Any]] = {
    503: {"model": Problem, "description": "The store is busy (being written, no earlier copy) or a query ran too long."},
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {**_ERRORS, 404: {"model": Problem, "description": "No such record."}}


class SecurityHeaders:
    """ASGI middleware: no MIME sniffing, no referrer, and the page's Content-Security-Policy."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                            (b"content-security-policy", _CSP.encode())]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(snapshot: StoreSnapshot, *, static_dir: Path | None = None, query_timeout_s: float = 5.0) -> FastAPI:
    """The FastAPI application over a ``StoreSnapshot``.

    Args:
        snapshot: the store's read-only view.
        static_dir: the page (``index.html`` and its assets); None serves the API alone.
        query_timeout_s: a request's queries are interrupted after this many seconds.
    """
    # no Swagger/ReDoc pages: FastAPI loads their scripts from a CDN, and nothing here may
    app = FastAPI(title="eventcoder", version=_version(), description=__doc__,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")

    def run(fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            with snapshot.cursor(timeout_s=query_timeout_s) as cur:
                return fn(cur, *args, **kwargs)
        except (StoreBusy, QueryTimeout) as err:
            raise HTTPException(503, str(err)) from err

    @app.get("/api/status", response_model=Status, summary="Whether the store could be read, and when")
    def status() -> dict[str, Any]:
        return snapshot.state()

    @app.get("/api/facets", response_model=Facets, responses=_ERRORS, summary="Values the filters offer")
    def facets() -> Any:
        return run(queries.facets)

    @app.get("/api/events", response_model=EventPage | FeatureCollection, responses=_ERRORS,
             summary="Events under the filters: a sorted page, or GeoJSON (RFC 7946) for the map")
    async def events(flt: Filter, sort: SortKey = SortKey.event_date, order: Literal["asc", "desc"] = "desc",
                     page: Page = 1,
                     page_size: Annotated[int, Query(ge=1, le=MAX_EVENT_PAGE_SIZE,
                                                     description="Events per page (the map asks for 5,000).")] = 50,
                     format: Literal["json", "geojson"] = "json") -> Any:
        # the hot path: answered from memory on the event loop, each row's JSON made once per copy
        try:
            body = snapshot.index().page_json(flt, sort=sort.value, order=order, page=page, page_size=page_size,
                                              geojson=format == "geojson")
        except StoreBusy as err:
            raise HTTPException(503, str(err)) from err
        return Response(body, media_type="application/json")

    @app.get("/api/events/{event_id}", response_model=EventDetail, responses=_NOT_FOUND,
             summary="One event: every field, each source article with its figure, attribution and evidence")
    def event(event_id: str) -> Any:
        ev = run(queries.event_detail, event_id)
        if ev is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return ev

    @app.get("/api/timeline", response_model=Timeline, responses=_ERRORS,
             summary="Events per day or week and event type, under the filters")
    def timeline(flt: Filter, bucket: Literal["day", "week"] = "day") -> Any:
        return run(queries.timeline, flt, bucket=bucket)

    @app.get("/api/measures", response_model=MeasurePage, responses=_ERRORS,
             summary="Government measures (curfews, closures ...) under the filters, with evidence")
    def measures(flt: Filter, page: Page = 1,
                 page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50) -> Any:
        return run(queries.list_measures, flt, page=page, page_size=page_size)

    @app.get("/api/quotes", response_model=QuotePage, responses=_ERRORS,
             summary="Attributed quotes under the filters (country and types: of the article's events)")
    def quotes(flt: Filter, page: Page = 1,
               page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50) -> Any:
        return run(queries.list_quotes, flt, page=page, page_size=page_size)

    @app.get("/api/articles/{article_key:path}", response_model=Article, responses=_NOT_FOUND,
             summary="An article's clean text with what was coded from it and the spans")
    def article(article_key: str) -> Any:
        art = run(queries.article, article_key)
        if art is None:
            raise HTTPException(404, f"no article {article_key!r}")
        return art

    @app.exception_handler(HTTPException)
    async def problem(request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code,
                            headers={"Retry-After": "5"} if exc.status_code == 503 else None)

    app.add_middleware(SecurityHeaders)
    if static_dir is not None:
        index = static_dir / "index.html"

        @app.get("/", include_in_schema=False)
        def page() -> FileResponse:
            return FileResponse(index, headers={"Cache-Control": "no-cache"})

        app.mount("/static", StaticFiles(directory=static_dir), name="static")
    return app


def _version() -> str:
    from eventcoder import __version__

    return __version__
