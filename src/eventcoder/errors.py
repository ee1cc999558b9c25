"""The one exception tree of eventcoder.

``EventcoderError`` is the root; catch it to catch everything eventcoder raises on
purpose.

- ``InputError``: an input cannot be read or is not an article (empty, binary,
  undecodable, HTML with no article body, a malformed JSONL record). The message
  names the input and the reason.
- ``ConfigError``: a setting or option is wrong (an unknown output format, a missing
  extra, a spaCy pipeline that is not installed). The message says what to install
  or change.
- ``GazetteerError``: the gazetteer file is missing, corrupt or of another version,
  or a places file has a bad row (the message gives file and line).
- ``StoreError``: the event store cannot be opened or written.

In batch runs a failed article is recorded as a ``CodedArticle`` with its ``error``
field set, not raised.
"""

from __future__ import annotations

import re

# control characters (terminal escapes, bells) a library's message may carry from a broken file
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str, limit: int = 500) -> str:
    """A message safe to print and store: control characters shown as escapes ("\\x1b"), and
    at most ``limit`` characters (a corrupt file's raw bytes can fill a page)."""
    text = _CONTROL.sub(lambda m: ascii(m.group(0))[1:-1], text)
    return text if len(text) <= limit else text[:limit] + " ..."


class EventcoderError(Exception):
    """Root of every error eventcoder raises on purpose."""


class InputError(EventcoderError):
    """An input that cannot be coded: names the input and the reason."""

    def __init__(self, source: str, reason: str, *, stage: str = "ingest", doc_id: str | None = None) -> None:
        self.source = source
        self.reason = printable(reason)
        self.stage = stage
        self.doc_id = doc_id
        super().__init__(f"{source}: {reason}")


class ConfigError(EventcoderError):
    """A wrong setting or a missing optional part; the message says what to do."""


class GazetteerError(EventcoderError):
    """A gazetteer or places file that cannot be used (file and line when known)."""


class StoreError(EventcoderError):
    """The event store cannot be opened or written."""


class WorkerError(EventcoderError):
    """A worker process of a parallel run died (killed, out of memory): the message says what
    was kept."""
