"""De-duplication: articles (canonical URL, content hash, MinHash near-duplicates) and events
reported by several articles (one event per occurrence).

Two reports are the same occurrence when they have the same event type, dates within a
day, the same place (the same admin2, the same location name, or coordinates within
25 km), and compatible actors (the same actor, or one side unidentified in the same
country). The merged event keeps ACLED's most conservative toll and the low and high
figures seen (as UCDP's low/best/high), and the ``event_id`` of its first report.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from eventcoder.models import Event
from eventcoder.resolve.gazetteer import km_between
from eventcoder.resolve.gazetteer.names import fold

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|amp|output)$", re.I)
NEAR_DUPLICATE_THRESHOLD = 0.8
MERGE_KM = 25.0


def canonical_url(url: str | None) -> str | None:
    """A URL without scheme differences, ``www.``, tracking parameters, fragment or trailing slash."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None  # "https://[::1/a": no address to compare by
    if not parts.netloc:
        return None
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = re.sub(r"/(?:amp|index\.html?)/?$", "/", parts.path).rstrip("/") or "/"
    return urlunsplit(("https", host, path, query, ""))


def content_hash(text: str) -> str:
    """SHA-256 of the text with case and whitespace folded."""
    norm = re.sub(r"\s+", " ", text.casefold()).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def shingles(text: str, k: int = 5) -> set[bytes]:
    """Word k-shingles of a text, for MinHash."""
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(max(1, len(words) - k + 1))}


class NearDuplicates:
    """MinHash LSH over the bodies of the articles seen (datasketch), threshold 0.8 Jaccard."""

    def __init__(self, num_perm: int = 128) -> None:
        from datasketch import MinHashLSH

        self.num_perm = num_perm
        # recall weighted: candidates are confirmed by their estimated Jaccard similarity below
        self.lsh = MinHashLSH(threshold=NEAR_DUPLICATE_THRESHOLD, num_perm=num_perm, weights=(0.2, 0.8))
        self._sigs: dict[str, Any] = {}

    def signature(self, text: str) -> Any:
        from datasketch import MinHash

        m = MinHash(num_perm=self.num_perm)
        m.update_batch(list(shingles(text)))
        return m

    @staticmethod
    def encode(sig: Any) -> str:
        """``scheme:v1,v2,...`` (the hashing scheme travels with the values)."""
        return f"{getattr(sig, 'scheme', 'legacy')}:" + ",".join(str(int(v)) for v in sig.hashvalues)

    def decode(self, value: str) -> Any:
        import numpy as np
        from datasketch import MinHash

        scheme, _sep, values = value.partition(":")
        kwargs = {"scheme": scheme} if hasattr(MinHash(num_perm=1), "scheme") else {}
        return MinHash(num_perm=self.num_perm, hashvalues=np.array([int(v) for v in values.split(",")], dtype=np.uint64),
                       **kwargs)

    def add(self, key: str, sig: Any) -> None:
        if key not in self._sigs:
            self.lsh.insert(key, sig)
            self._sigs[key] = sig.hashvalues.copy()  # 1 KB, not the whole MinHash object

    def match(self, sig: Any) -> str | None:
        """The key of a stored article at least 0.8 similar (estimated Jaccard), else None."""
        import numpy as np

        best = None
        for key in self.lsh.query(sig):
            j = float(np.mean(sig.hashvalues == self._sigs[key]))
            if j >= NEAR_DUPLICATE_THRESHOLD and (best is None or j > best[0]):
                best = (j, key)
        return best[1] if best else None


def _same_place(ev: Event, row: dict[str, Any]) -> bool:
    if ev.latitude is not None and row.get("latitude") is not None and ev.longitude is not None \
            and row.get("longitude") is not None:
        if km_between(ev.latitude, ev.longitude, row["latitude"], row["longitude"]) <= MERGE_KM:
            return True
    if ev.admin2 and row.get("admin2") and fold(ev.admin2) == fold(row["admin2"]):
        return True
    if ev.location and row.get("location") and fold(ev.location) == fold(row["location"]):
        return True
    return False


def _actors_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b or fold(a) == fold(b):
        return True
    return a.startswith("Unidentified Armed Group") or b.startswith("Unidentified Armed Group")


def same_occurrence(ev: Event, row: dict[str, Any]) -> bool:
    """Whether a coded event and a stored event report the same occurrence."""
    if ev.event_type != row["event_type"] or (ev.country or "") != (row["country"] or ""):
        return False
    if ev.event_date is None or row["event_date"] is None:
        return False
    if abs((date.fromisoformat(ev.event_date) - date.fromisoformat(row["event_date"])).days) > 1:
        return False
    if not _same_place(ev, row):
        return False
    return _actors_compatible(ev.actor1, row["actor1"]) and _actors_compatible(ev.actor2, row["actor2"])


def date_window(event_date: str) -> tuple[str, str]:
    d = date.fromisoformat(event_date)
    return (d - timedelta(days=1)).isoformat(), (d + timedelta(days=1)).isoformat()
