"""GeoNames dump files: read them into a gazetteer, and download per-country dumps.

Files (https://download.geonames.org/export/dump/, CC BY 4.0), plain or zipped:

- ``allCountries.txt`` or per-country ``XX.txt`` and/or ``cities500.txt``: the 19-column
  main table (geonameid, name, asciiname, alternatenames, latitude, longitude, feature
  class, feature code, country code, cc2, admin1 code, admin2 code, admin3 code, admin4
  code, population, elevation, dem, timezone, modification date);
- ``admin1CodesASCII.txt``: ``CC.code, name, ascii name, geonameid``;
- ``admin2Codes.txt``: ``CC.admin1.admin2, name, ascii name, geonameid``;
- ``alternateNamesV2.txt`` (optional): ``id, geonameid, isolanguage, name, ...``.

Rows with the wrong number of columns or unreadable numbers raise ``GazetteerError``
naming the file and line; the build writes a temporary file and moves it in place only
when everything was read.
"""

from __future__ import annotations

import io
import os
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventcoder.errors import GazetteerError
from eventcoder.resolve.gazetteer.build import (
    PlaceRow,
    _add_places_csv,
    _data_text,
    _finish,
    _open_tmp,
    _Writer,
    add_forms,
)

DOWNLOAD_URL = "https://download.geonames.org/export/dump/"
_KEPT_CLASSES = {"P", "A", "T", "H", "V", "L"}
_KEPT_A_CODES = {"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "ADM1", "ADM2", "TERR"}


@contextmanager
def _open_text(path: Path, *, zipped: bool | None = None) -> Iterator[io.TextIOBase]:
    """Open a dump file, or the .txt inside a zip (by suffix unless ``zipped`` says)."""
    try:
        if zipped if zipped is not None else path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                inner = [n for n in zf.namelist() if n.endswith(".txt") and not n.startswith("readme")]
                if not inner:
                    raise GazetteerError(f"{path}: no .txt file inside the zip")
                with zf.open(inner[0]) as raw:
                    yield io.TextIOWrapper(raw, encoding="utf-8")
        else:
            with open(path, encoding="utf-8") as fh:
                yield fh
    except zipfile.BadZipFile as err:
        raise GazetteerError(f"{path}: not a valid zip file ({err})") from err
    except UnicodeDecodeError as err:
        raise GazetteerError(f"{path}: not UTF-8 text ({err.reason})") from err


def _find(folder: Path, stem: str) -> Path | None:
    for cand in (folder / f"{stem}.txt", folder / f"{stem}.zip"):
        if cand.is_file():
            return cand
    return None


def _rows(path: Path, columns: int, *, zipped: bool | None = None) -> Iterator[tuple[int, list[str]]]:
    with _open_text(path, zipped=zipped) as fh:
        for line_no, line in enumerate(fh, start=1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != columns:
                raise GazetteerError(f"{path}:{line_no}: expected {columns} tab-separated columns, found {len(cols)} "
                                     "(a truncated or corrupt dump?)")
            yield line_no, cols


def main_tables(folder: Path) -> list[Path]:
    """The 19-column tables in a folder: allCountries, per-country XX files, cities500."""
    out = []
    all_countries = _find(folder, "allCountries")
    if all_countries:
        out.append(all_countries)
    else:
        for p in sorted(folder.iterdir()):
            if len(p.stem) == 2 and p.stem.isupper() and p.suffix in (".txt", ".zip"):
                out.append(p)
    cities = _find(folder, "cities500")
    if cities:
        out.append(cities)
    return out


def build_from_geonames(folder: str | Path, target: str | Path, *, progress: bool = True,
                        terrain: bool = True) -> Path:
    """Build a gazetteer from GeoNames dump files in ``folder``.

    Keeps populated places (P), administrative divisions and countries (A: ADM1, ADM2,
    PCL*), and terrain (T, H, V, L). Admin1 and admin2 names come from
    ``admin1CodesASCII`` and ``admin2Codes``; alternate names from the main table and, when
    present, ``alternateNamesV2`` (names in English, undetermined language or abbreviations).

    Raises:
        GazetteerError: no main table, or a file with a malformed row (file and line named).
    """
    from rich.progress import Progress

    src = Path(folder)
    if not src.is_dir():
        raise GazetteerError(f"{src}: not a folder of GeoNames files")
    tables = main_tables(src)
    if not tables:
        raise GazetteerError(f"{src}: no GeoNames main table (allCountries.txt, XX.txt/.zip or cities500.txt)")
    db, tmp = _open_tmp(Path(target))
    try:
        w = _Writer(db)
        admin1_file = _find(src, "admin1CodesASCII")
        admin1: dict[tuple[str, str], str] = {}
        if admin1_file:
            for _n, cols in _rows(admin1_file, 4):
                cc, _sep, code = cols[0].partition(".")
                admin1[(cc, code)] = cols[2] or cols[1]
                db.execute("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?)",
                           (cc, code, cols[2] or cols[1], int(cols[3]) if cols[3].isdigit() else None))
        admin2: dict[tuple[str, str, str], str] = {}
        admin2_file = _find(src, "admin2Codes")
        if admin2_file:
            for _n, cols in _rows(admin2_file, 4):
                parts = cols[0].split(".")
                if len(parts) == 3:
                    admin2[(parts[0], parts[1], parts[2])] = cols[2] or cols[1]
        extra_names: dict[int, list[str]] = {}
        alt_file = _find(src, "alternateNamesV2") or _find(src, "alternateNames")
        if alt_file:
            with _open_text(alt_file) as fh:
                for line in fh:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) >= 4 and cols[2] in ("", "en", "abbr") and cols[1].isdigit():
                        extra_names.setdefault(int(cols[1]), []).append(cols[3])
        seen: set[int] = set()
        with Progress(disable=not progress, transient=True) as bar:
            for table in tables:
                task = bar.add_task(f"reading {table.name}", total=None)
                for line_no, cols in _rows(table, 19):
                    fclass, fcode = cols[6], cols[7]
                    if fclass not in _KEPT_CLASSES or (fclass == "A" and fcode not in _KEPT_A_CODES):
                        continue
                    try:
                        gid = int(cols[0])
                        lat, lon = float(cols[4]), float(cols[5])
                        pop = int(cols[14] or 0)
                    except ValueError as err:
                        raise GazetteerError(f"{table}:{line_no}: unreadable number ({err})") from err
                    if gid in seen:
                        continue
                    seen.add(gid)
                    cc, a1, a2 = cols[8], cols[10], cols[11]
                    names = [n for n in cols[3].split(",") if n] + [cols[2]] + extra_names.get(gid, [])
                    if fcode == "ADM1" and (cc, a1) in admin1:
                        names.append(admin1[(cc, a1)])
                    w.add(PlaceRow(gid, cols[1], names, fclass, fcode, cc, a1 or None, lat, lon, pop,
                                   admin2.get((cc, a1, a2)), table.name))
                    if w.count % 20000 == 0:
                        bar.update(task, description=f"reading {table.name}: {w.count:,} places")
        n_terrain = 0
        if terrain:
            n_terrain = _add_places_csv(w, "terrain.csv", "terrain.csv", _data_text("terrain.csv"))
        add_forms(w)
        _finish(db, tmp, Path(target), {
            "sources": "GeoNames dumps (CC BY 4.0): " + ", ".join(t.name for t in tables)
                       + (f", {admin1_file.name}" if admin1_file else "") + (f", {admin2_file.name}" if admin2_file else "")
                       + (f", {alt_file.name}" if alt_file else "") + (", eventcoder terrain.csv" if terrain else ""),
            "places": str(w.count), "terrain": str(n_terrain),
        })
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    return Path(target)


def download(countries: list[str], folder: str | Path, *, base_url: str = DOWNLOAD_URL, progress: bool = True,
             timeout: float = 60.0) -> list[Path]:
    """Download per-country dumps (``XX.zip``) and the admin code files into ``folder``.

    Each zip is checked (it opens, holds ``XX.txt``, and its rows have 19 columns) before it
    is kept; a failed download leaves no partial file behind.

    Raises:
        GazetteerError: a country code that is not ISO alpha-2, a download that fails, or a
            file that is not what GeoNames serves.
    """
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

    dest = Path(folder)
    dest.mkdir(parents=True, exist_ok=True)
    codes = [c.upper() for c in countries]
    for c in codes:
        if len(c) != 2 or not c.isalpha():
            raise GazetteerError(f"{c!r} is not an ISO 3166-1 alpha-2 country code")
    wanted = [f"{c}.zip" for c in codes] + ["admin1CodesASCII.txt", "admin2Codes.txt"]
    got: list[Path] = []
    with Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                  disable=not progress) as bar:
        for name in wanted:
            url = base_url.rstrip("/") + "/" + name
            final = dest / name
            fd, tmp_name = tempfile.mkstemp(prefix=name + ".", suffix=".part", dir=dest)
            os.close(fd)
            tmp = Path(tmp_name)
            try:
                with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 - https or a test server
                    total = int(resp.headers.get("Content-Length") or 0) or None
                    task = bar.add_task(name, total=total)
                    with open(tmp, "wb") as out:
                        while chunk := resp.read(1 << 16):
                            out.write(chunk)
                            bar.advance(task, len(chunk))
                if name.endswith(".zip"):
                    for _row in _rows(tmp, 19, zipped=True):
                        pass  # every row is checked for the 19 columns
                os.replace(tmp, final)
                got.append(final)
            except (urllib.error.URLError, OSError, TimeoutError) as err:
                tmp.unlink(missing_ok=True)
                raise GazetteerError(f"{url}: download failed ({getattr(err, 'reason', err)})") from err
            except GazetteerError:
                tmp.unlink(missing_ok=True)
                raise
    return got
