"""The `eventcoder serve` command: loopback by default, a warning otherwise, clear errors, a real server."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from eventcoder.cli import app
from eventcoder.errors import ConfigError
from eventcoder.web.server import is_loopback, require_web_extra, serve


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("localhost", True), ("127.0.0.2", True),
                                                  ("::1", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                                  ("example.org", False)])
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_another_host_is_warned_about(coded_store, monkeypatch, capsys):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: seen.update(host=host, port=port))
    serve(coded_store, host="0.0.0.0", port=8123, refresh_s=0)  # uvicorn.run replaced: nothing listens
    err = capsys.readouterr().err
    assert seen == {"host": "0.0.0.0", "port": 8123}
    assert "warning: serving on 0.0.0.0" in err and "no login" in err
    serve(coded_store, refresh_s=0)
    assert seen["host"] == "127.0.0.1" and "warning" not in capsys.readouterr().err


def test_a_missing_web_extra_names_the_install_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "fastapi", None)
    with pytest.raises(ConfigError, match=r"pip install 'eventcoder\[web\]'"):
        require_web_extra()


def test_serve_on_a_missing_store_is_a_usage_error(runner, tmp_path):
    res = runner.invoke(app, ["serve", "--db", str(tmp_path / "nope.duckdb")])
    assert res.exit_code == 2 and "no such event store" in res.stderr


def test_the_command_serves_the_store_read_only(coded_store, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    before = Path(coded_store).stat().st_mtime_ns
    exe = Path(sys.executable).with_name("eventcoder")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(coded_store), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?country=SO") as res:
                    assert json.loads(res.read())["total"] == 2
                break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as res:
            assert b'id="timeline"' in res.read()
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in err
    assert Path(coded_store).stat().st_mtime_ns == before  # never written
