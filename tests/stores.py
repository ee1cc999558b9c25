"""A small event store coded from written articles, for the export and web tests (and `make screenshots`
when no other store is given)."""

from __future__ import annotations

from pathlib import Path

from eventcoder.models import RawDocument

ROOT = Path(__file__).resolve().parents[1]

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
