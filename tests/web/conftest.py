"""A small event store built by coding written articles (test gazetteer), and a live server on it."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from eventcoder.models import RawDocument

ROOT = Path(__file__).resolve().parents[2]

TSAFE_A = ("Bandits kill seven in Tsafe raid\n\nGUSAU, Nigeria, May 9, 2023 — Bandits on motorcycles attacked the village "
           "of Dandume near Tsafe in Zamfara State on Monday, killing at least seven villagers, police said. Residents "
           "said the gunmen also burned several houses before fleeing into the forest.\n\nThe local government chairman "
           "said security forces had been deployed to the area and that the wounded had been taken to the general "
           "hospital in Gusau.\n")
TSAFE_B = ("Zamfara: nine villagers dead after bandit attack\n\nGUSAU, Nigeria, May 9, 2023 — Nine people were killed when "
           "armed bandits stormed Dandume village near Tsafe in Zamfara on Monday, a local councillor told reporters. "
           "The councillor said the attackers arrived at dusk and shot at anyone who ran.\n")
BAIDOA = ("Mortars hit Baidoa airport\n\nBAIDOA, Somalia, Aug. 14, 2023 — Al-Shabaab fighters fired several mortar rounds "
          "at the airport in Baidoa overnight, officials said. There were no casualties.\n")
SCRIPT = ("Gunmen kill four in Wanlaweyn <script>alert(1)</script>\n\nWANLAWEYN, Somalia, Aug. 2, 2023 — "
          "Al-Shabaab gunmen killed four civilians at a market in Wanlaweyn in Lower Shabelle on Tuesday, a district "
          "official said. <script>alert(1)</script> \"The attackers came at noon,\" said Abdi Nur, a trader.\n")
CURFEW = ("Curfew in Baghdad after clashes\n\nBAGHDAD, Iraq, March 21, 2020 — The Iraqi government imposed a curfew in "
          "Baghdad from 22 March to 29 March to stop the spread of the virus, a government spokesman said. "
          "\"Everyone must stay at home,\" said Ahmed Mulla Talal, the government spokesman.\n")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(path: Path, pipeline) -> Path:
    """The store: the Tsafe attack (two reports, merged), Baidoa, Wanlaweyn (an article with a
    <script> tag), the Kirkuk example (two events) and a Baghdad curfew."""
    from eventcoder.run import CorpusRunner
    from eventcoder.store import Store

    docs = [
        RawDocument("tsafe-a", "tsafe-a.txt", TSAFE_A, "text", url="https://example.org/tsafe-a", published="2023-05-09"),
        RawDocument("tsafe-b", "tsafe-b.txt", TSAFE_B, "text", url="https://news.example.com/zamfara", published="2023-05-09"),
        RawDocument("baidoa", "baidoa.txt", BAIDOA, "text", url="https://example.org/baidoa", published="2023-08-14"),
        RawDocument("wanlaweyn", "wanlaweyn.txt", SCRIPT, "text", url="https://example.org/wanlaweyn", published="2023-08-02"),
        RawDocument("kirkuk", "kirkuk-ambush.txt", (ROOT / "examples" / "kirkuk-ambush.txt").read_text(encoding="utf-8"),
                    "text", url="https://example.org/kirkuk", published="2021-11-22"),
        RawDocument("curfew", "curfew.txt", CURFEW, "text", url="https://example.org/curfew", published="2020-03-21"),
    ]
    store = Store(path)
    CorpusRunner(pipeline, store, workers=1).run(docs)
    store.close()
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, pipeline) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "events.duckdb", pipeline)


@pytest.fixture(scope="session")
def live_server(web_db, tmp_path_factory):
    """``eventcoder serve`` on the test store, in a thread, at a free loopback port: its base URL."""
    import uvicorn

    from eventcoder.web import assets
    from eventcoder.web.api import create_app
    from eventcoder.web.snapshot import StoreSnapshot

    assets.ensure()
    snap = StoreSnapshot(web_db, refresh_s=0, workdir=tmp_path_factory.mktemp("snap"))
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
