"""``serve``: checks, the host warning, the store's read-only view and uvicorn."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

from eventcoder.errors import ConfigError


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_web_extra() -> None:
    """Raises ConfigError naming the install command when FastAPI or uvicorn is missing."""
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as err:
        raise ConfigError(f"`eventcoder serve` needs the web extra ({err.name} is missing): "
                          "pip install 'eventcoder[web]'") from err


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000, refresh_s: float = 2.0,
          query_timeout_s: float = 5.0) -> None:
    """Serve the workspace for ``db`` until interrupted (Ctrl-C).

    Raises:
        ConfigError: the web extra or the page's browser files are missing.
        StoreError: ``db`` is not an event store.
    """
    require_web_extra()
    import uvicorn

    from eventcoder.web import assets
    from eventcoder.web.api import create_app
    from eventcoder.web.snapshot import StoreSnapshot

    assets.ensure()
    if not is_loopback(host):
        print(f"eventcoder: warning: serving on {host}, not only this machine: anyone who can reach port {port} "
              "can read the store (there is no login)", file=sys.stderr)
    snapshot = StoreSnapshot(db, refresh_s=refresh_s)
    state = snapshot.state()
    if state["state"] == "busy":
        print(f"eventcoder: {state['message']}", file=sys.stderr)
    app = create_app(snapshot, static_dir=assets.STATIC, query_timeout_s=query_timeout_s)
    shown = f"[{host}]" if ":" in host else host
    print(f"eventcoder: serving {db} read-only at http://{shown}:{port}/ (Ctrl-C stops)", file=sys.stderr)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    finally:
        snapshot.close()
