"""Ingest: turn files, standard input and JSONL batches into ``RawDocument`` records.

Every reader yields either a ``RawDocument`` or an ``InputError`` naming the input
and the reason, so one broken input never stops a batch.
"""

from eventcoder.ingest.files import decode_bytes, iter_documents, read_document

__all__ = ["decode_bytes", "iter_documents", "read_document"]
