"""Debian's Chromium driven by Playwright for Python (no browser download): shared by the
browser tests and ``scripts/screenshots.py``."""

from __future__ import annotations

import os
import shutil
from typing import Any

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium_path() -> str | None:
    """Debian's Chromium (``apt-get install chromium``), or ``$EVENTCODER_CHROMIUM``."""
    for cand in (os.environ.get("EVENTCODER_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                 shutil.which("chromium-browser")):
        if cand and os.path.exists(cand):
            return cand
    return None


def launch(playwright: Any) -> Any:
    """A headless Chromium browser; raises RuntimeError naming the install command when missing."""
    path = chromium_path()
    if path is None:
        raise RuntimeError("Chromium is missing: apt-get update && apt-get install -y chromium")
    return playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
