"""A live ``eventcoder serve`` on the coded test store, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))  # browser.py: the launch shared with scripts/screenshots.py


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(coded_store, tmp_path_factory):
    """``eventcoder serve`` on the test store, in a thread, at a free loopback port: its base URL."""
    import uvicorn

    from eventcoder.web import assets
    from eventcoder.web.api import create_app
    from eventcoder.web.snapshot import StoreSnapshot

    assets.ensure()
    snap = StoreSnapshot(coded_store, refresh_s=0, workdir=tmp_path_factory.mktemp("snap"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(snap, static_dir=assets.STATIC), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    snap.close()
