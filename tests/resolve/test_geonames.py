"""GeoNames dump files: build from small files in the dump format, and download from a local server."""

import functools
import http.server
import threading
import zipfile

import pytest

from eventcoder.errors import GazetteerError
from eventcoder.resolve.gazetteer import Gazetteer
from eventcoder.resolve.gazetteer.geonames import build_from_geonames, download


def _row(gid, name, alt, lat, lon, fclass, fcode, cc, a1, a2="", pop=0):
    cols = [str(gid), name, name, ",".join(alt), str(lat), str(lon), fclass, fcode, cc, "", a1, a2, "", "",
            str(pop), "", "100", "Asia/Baghdad", "2024-01-01"]
    assert len(cols) == 19
    return "\t".join(cols)


IQ_ROWS = [
    _row(99237, "Iraq", ["Irak"], 33.0, 44.0, "A", "PCLI", "IQ", "00", pop=38000000),
    _row(96965, "Diyala", ["Diyala Governorate"], 33.9, 45.0, "A", "ADM1", "IQ", "10"),
    _row(91000, "Baqubah", ["Baquba", "Ba'qubah"], 33.75, 44.64, "P", "PPLA", "IQ", "10", "9001", pop=150000),
    _row(91001, "Jabal Hamrin", ["Hamrin Mountains", "Hamreen"], 34.4, 44.6, "T", "MTS", "IQ", "10"),
    _row(91002, "Some Road", [], 33.1, 44.1, "R", "RD", "IQ", "10"),
]


def _write_dumps(folder, rows=IQ_ROWS, zipped=True):
    folder.mkdir(parents=True, exist_ok=True)
    body = "\n".join(rows) + "\n"
    if zipped:
        with zipfile.ZipFile(folder / "IQ.zip", "w") as zf:
            zf.writestr("IQ.txt", body)
            zf.writestr("readme.txt", "GeoNames per-country dump")
    else:
        (folder / "IQ.txt").write_text(body, encoding="utf-8")
    (folder / "admin1CodesASCII.txt").write_text("IQ.10\tDiyālá\tDiyala\t96965\n", encoding="utf-8")
    (folder / "admin2Codes.txt").write_text("IQ.10.9001\tBa'qubah District\tBaqubah District\t9001\n", encoding="utf-8")


@pytest.mark.parametrize("zipped", [True, False])
def test_build_from_dump_files(tmp_path, zipped):
    _write_dumps(tmp_path / "dumps", zipped=zipped)
    target = tmp_path / "g.sqlite"
    build_from_geonames(tmp_path / "dumps", target, progress=False, terrain=False)
    g = Gazetteer(target)
    [p] = g.lookup("Baquba")
    assert (p.geonameid, p.country, p.admin1, p.admin2, p.population) == (91000, "IQ", "Diyala", "Baqubah District", 150000)
    assert [x.feature_code for x in g.lookup("Hamreen")] == ["MTS"]
    assert g.lookup("Some Road") == ()  # roads are not kept
    assert "IQ.zip" in g.info()["sources"] or "IQ.txt" in g.info()["sources"]


def test_truncated_row_names_file_and_line_and_leaves_nothing(tmp_path):
    rows = IQ_ROWS[:2] + ["91000\tBaqubah\tBaqubah"]
    _write_dumps(tmp_path / "dumps", rows=rows, zipped=False)
    target = tmp_path / "g.sqlite"
    with pytest.raises(GazetteerError, match=r"IQ.txt:3: expected 19 tab-separated columns, found 3"):
        build_from_geonames(tmp_path / "dumps", target, progress=False)
    assert not target.exists() and not list(tmp_path.glob("g.sqlite*"))


def test_corrupt_zip_is_a_clear_error(tmp_path):
    d = tmp_path / "dumps"
    d.mkdir()
    (d / "IQ.zip").write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(GazetteerError, match="not a valid zip"):
        build_from_geonames(d, tmp_path / "g.sqlite", progress=False)


@pytest.fixture()
def dump_server(tmp_path):
    served = tmp_path / "served"
    _write_dumps(served)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", served
    server.shutdown()


def test_download_checks_and_keeps_files(tmp_path, dump_server):
    url, _served = dump_server
    out = tmp_path / "out"
    files = download(["iq"], out, base_url=url, progress=False)
    assert sorted(f.name for f in files) == ["IQ.zip", "admin1CodesASCII.txt", "admin2Codes.txt"]
    build_from_geonames(out, tmp_path / "g.sqlite", progress=False, terrain=False)
    assert Gazetteer(tmp_path / "g.sqlite").lookup("Baqubah")[0].geonameid == 91000


def test_download_of_a_missing_country_fails_cleanly(tmp_path, dump_server):
    url, _served = dump_server
    out = tmp_path / "out"
    with pytest.raises(GazetteerError, match="SY.zip: download failed"):
        download(["SY"], out, base_url=url, progress=False)
    assert not list(out.glob("*.part"))


def test_download_rejects_a_file_that_is_not_a_dump(tmp_path, dump_server):
    url, served = dump_server
    (served / "IQ.zip").write_bytes(b"<html>not found</html>")
    with pytest.raises(GazetteerError, match="not a valid zip"):
        download(["IQ"], tmp_path / "out", base_url=url, progress=False)
    assert not (tmp_path / "out" / "IQ.zip").exists()


def test_bad_country_code():
    with pytest.raises(GazetteerError, match="not an ISO 3166-1 alpha-2"):
        download(["IRQ"], "/tmp/unused", progress=False)
