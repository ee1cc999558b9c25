"""Reading inputs: files, encodings, binary and empty input, JSONL batches."""

import json

import pytest

from eventcoder.errors import InputError
from eventcoder.ingest import iter_documents, read_document


def test_text_file_id_is_stem(tmp_path):
    f = tmp_path / "kidal-raid.txt"
    f.write_text("Gunmen killed four herders near Kidal on Thursday.", encoding="utf-8")
    doc = read_document(f, published="2022-09-03")
    assert (doc.id, doc.kind, doc.published) == ("kidal-raid", "text", "2022-09-03")


def test_empty_file_is_a_clear_error(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"  \n")
    with pytest.raises(InputError, match="empty.txt: empty input"):
        read_document(f)


def test_binary_file_is_rejected(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    with pytest.raises(InputError, match="binary"):
        read_document(f)


def test_latin1_text_is_decoded(tmp_path):
    f = tmp_path / "menaka.txt"
    f.write_bytes("Soldiers entered M\xe9naka on Monday.".encode("latin-1"))
    assert "Ménaka" in read_document(f).content


def test_html_charset_from_meta(tmp_path):
    f = tmp_path / "page.html"
    f.write_bytes('<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 attack in S\xe9var\xe9</p></body></html>'.encode("cp1252"))
    doc = read_document(f)
    assert doc.kind == "html" and "Sévaré" in doc.content


def test_bad_published_date_is_an_input_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("text", encoding="utf-8")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        read_document(f, published="10/04/2020")


def test_jsonl_batch_keeps_going_past_a_malformed_line(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text(
        json.dumps({"id": "a1", "text": "Gunmen killed two farmers in Tsafe on Monday.", "published": "2022-11-15"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "a3", "html": "<html><body><p>x</p></body></html>"}) + "\n"
        + json.dumps({"id": "a4", "text": ""}) + "\n",
        encoding="utf-8",
    )
    items = list(iter_documents([str(f)]))
    assert [getattr(i, "id", None) for i in items] == ["a1", None, "a3", None]
    assert isinstance(items[1], InputError) and "batch.jsonl:2" in str(items[1]) and "malformed JSON" in str(items[1])
    assert isinstance(items[3], InputError) and "no non-empty 'text' or 'html'" in str(items[3])
    assert items[0].published == "2022-11-15"


def test_missing_file_is_an_error_not_a_crash(tmp_path):
    items = list(iter_documents([str(tmp_path / "nope.txt")]))
    assert isinstance(items[0], InputError) and "cannot read" in items[0].reason
