"""The page's third-party browser files: pinned npm packages, copied into ``static/vendor/``.

``package.json`` and ``package-lock.json`` at the repository root pin the packages;
``npm ci`` fetches them from the npm registry and ``build()`` copies the files the page
loads into ``src/eventcoder/web/static/vendor/`` (git-ignored, shipped as package data).
Nothing is loaded from a CDN at run time.

- Leaflet 1.9.4 (BSD-2-Clause): the map.
- topojson-client 3.1.0 (ISC): TopoJSON to GeoJSON in the browser.
- world-atlas 2.0.2 (ISC; data: Natural Earth, public domain): country outlines at
  1:50m, ``countries-50m.json`` (feature ids: ISO 3166-1 numeric codes).

``python -m eventcoder.web.assets`` runs ``npm ci`` (when ``node_modules`` is missing or
older than the lock file) and copies the files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from eventcoder.errors import ConfigError

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"
# npm file (under node_modules) -> name in static/vendor
FILES = {
    "leaflet/dist/leaflet.js": "leaflet.js",
    "leaflet/dist/leaflet.css": "leaflet.css",
    "topojson-client/dist/topojson-client.min.js": "topojson-client.min.js",
    "world-atlas/countries-50m.json": "countries-50m.json",
}


def missing() -> list[str]:
    """The vendor files not built yet."""
    return [name for name in FILES.values() if not (VENDOR / name).is_file()]


def source_root() -> Path | None:
    """The repository root when eventcoder runs from a checkout (it has package-lock.json)."""
    root = Path(__file__).resolve().parents[3]
    return root if (root / "package-lock.json").is_file() else None


def build(root: Path | None = None) -> None:
    """``npm ci`` when needed, then copy the files into ``static/vendor/``.

    Raises:
        ConfigError: not a source checkout, npm missing, or ``npm ci`` failed.
    """
    root = root or source_root()
    if root is None:
        raise ConfigError("the page's browser files are missing from this installation; build them in a source "
                          "checkout with `make web` before installing")
    modules = root / "node_modules"
    lock = root / "package-lock.json"
    stamp = modules / ".package-lock.json"
    if not stamp.is_file() or stamp.stat().st_mtime < lock.stat().st_mtime:
        npm = shutil.which("npm")
        if npm is None:
            raise ConfigError("npm is needed to fetch the page's browser libraries: install Node.js and npm "
                              "(Debian: `apt-get install nodejs npm`), then run `make web`")
        res = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=root,
                             capture_output=True, text=True, check=False)
        if res.returncode != 0:
            raise ConfigError(f"`npm ci` failed in {root}: {res.stderr.strip()[-500:]}")
    VENDOR.mkdir(parents=True, exist_ok=True)
    for src, name in FILES.items():
        shutil.copyfile(modules / src, VENDOR / name)


def ensure() -> None:
    """Build the vendor files when some are missing (from a checkout), else do nothing.

    Raises:
        ConfigError: they are missing and cannot be built here.
    """
    if missing():
        build()


if __name__ == "__main__":
    try:
        build()
    except ConfigError as err:
        print(f"eventcoder: {err}", file=sys.stderr)
        sys.exit(2)
    print(f"browser files in {VENDOR}")
