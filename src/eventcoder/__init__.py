"""eventcoder: code news about political violence into ACLED-style events, with evidence.

Public API::

    import eventcoder
    coded = eventcoder.code(text_or_html, published="2020-04-10", url=None)
    pipe = eventcoder.Pipeline()            # load once, code many
    for coded in pipe.code_many(docs): ...

Importing this package loads no model and opens no file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventcoder.errors import ConfigError, EventcoderError, GazetteerError, InputError, StoreError
from eventcoder.models import CodedArticle, Event, Evidence, Measure, Quote

if TYPE_CHECKING:
    from eventcoder.pipeline import Pipeline

__version__ = "0.1.0"

_DEFAULT_PIPELINE: Any = None


def code(text_or_html: str, *, published: str | None = None, url: str | None = None) -> CodedArticle:
    """Code one article (plain text or HTML) with a shared default ``Pipeline``.

    Args:
        text_or_html: the article.
        published: ISO publication date; relative dates resolve against it.
        url: where the article came from.

    Returns:
        The ``CodedArticle``.

    Raises:
        InputError: empty input or no article text.
        ConfigError: no English spaCy pipeline installed.
    """
    global _DEFAULT_PIPELINE
    if _DEFAULT_PIPELINE is None:
        from eventcoder.pipeline import Pipeline

        _DEFAULT_PIPELINE = Pipeline()
    return _DEFAULT_PIPELINE.code(text_or_html, published=published, url=url)


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from eventcoder.pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'eventcoder' has no attribute {name!r}")


__all__ = [
    "CodedArticle", "ConfigError", "Event", "EventcoderError", "Evidence", "GazetteerError", "InputError",
    "Measure", "Pipeline", "Quote", "StoreError", "__version__", "code",
]
