"""Actors: find actor mentions in a sentence and name them as ACLED does, with inter codes.

Data: ``data/armed_groups.csv`` (non-state armed groups and external forces, with
aliases), ``data/countries.csv`` (ACLED country names and demonyms),
``data/force_words.yaml`` (words for state forces, unidentified attackers,
civilians, protesters, rioters). Inter codes are ACLED's (FORMAT.md, "Actors"):
1 state forces, 2 rebel groups, 3 political militias, 4 identity militias,
5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
"""

from __future__ import annotations

import csv
import importlib.resources
import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from eventcoder.nlp import PhraseIndex
from eventcoder.resolve.gazetteer.build import read_data_csv

STATE, GROUP, UNIDENTIFIED, CIVILIANS, PROTESTERS, RIOTERS, GOVERNMENT = (
    "state", "group", "unidentified", "civilians", "protesters", "rioters", "government")
ARMED = {STATE, GROUP, UNIDENTIFIED}


# a group named only to qualify another ("the al-Qaeda-linked JNIM", "an Islamic State-affiliated
# faction"): the other one is the actor
_AFFILIATE_AFTER = re.compile(r"[-\s](?:linked|affiliated|allied|aligned|inspired|backed|loyal)\b", re.I)


# a group named as who holds the area, not who acted ("the area is a stronghold of JNIM")
_STRONGHOLD_BEFORE = re.compile(r"\b(?:stronghold|bastion|heartland|hotbed|fief(?:dom)?)s?\s+of\s+(?:the\s+)?"
                                r"(?:[\w-]+\s+){0,3}$", re.I)


@dataclass(frozen=True)
class Group:
    """A row of armed_groups.csv."""

    name: str
    inter: int
    countries: frozenset[str]
    aliases: tuple[str, ...]
    identity: bool = False


@dataclass(frozen=True)
class ActorMention:
    """An actor named in the text.

    Attributes:
        kind: state, group, unidentified, civilians, protesters, rioters or government.
        start, end, text: span in the article text.
        country: ISO alpha-2 of a state force named by its country ("Iraqi jets"), else None.
        force: "military" or "police" for state forces.
        groups: candidate dictionary rows for a group alias (resolved by country later).
    """

    kind: str
    start: int
    end: int
    text: str
    country: str | None = None
    force: str | None = None
    groups: tuple[Group, ...] = ()


def _words(words: list[str]) -> PhraseIndex:
    """Words and phrases on word boundaries, in any case."""
    return PhraseIndex(((w, True) for w in words), before="", after="")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# impostors: "men dressed in police uniforms", "gunmen disguised as soldiers"
_IMPOSTOR = re.compile(r"\b(?:disguised as|posing as|dressed as|impersonating)\s+(?:an?\s+)?$", re.I)
_UNIFORM_AFTER = re.compile(r"\s+(?:uniforms?|fatigues|gear)\b", re.I)


class ActorDictionary:
    """Actor names, aliases and demonyms, compiled once (load with ``ActorDictionary.load()``)."""

    def __init__(self, groups: list[Group], countries: list[dict[str, str]], words: dict[str, list[str]]) -> None:
        self.groups = groups
        self.countries = {r["iso2"]: r for r in countries}
        self._alias_groups: dict[str, list[Group]] = {}
        exact: list[str] = []
        folded: list[str] = []
        # identity militias: one compact pattern (a people's names before a word for armed men),
        # not an alias alternative per name and word
        self._identity_by_name: dict[str, list[Group]] = {}
        for g in groups:
            if g.identity:
                for a in g.aliases:
                    self._identity_by_name.setdefault(a.casefold(), []).append(g)
        self._identity = re.compile(
            r"(?<![\w-])(?:armed\s+)?(?P<n>" + _alt(list(self._identity_by_name) or ["(?!x)x"]) + r")\s+(?:"
            + _alt(list(_IDENTITY_ARMED)) + r")(?![\w])", re.I) if self._identity_by_name else None
        self._identity_pair = re.compile(
            r"(?<![\w-])(?P<n>" + _alt(list(self._identity_by_name) or ["(?!x)x"]) + r")\s+(?:and|&)\s+$", re.I)
        for g in groups:
            if g.identity:
                continue
            for a in g.aliases:
                key = a if (a.isupper() or any(c.isdigit() for c in a)) else a.casefold()
                self._alias_groups.setdefault(key, []).append(g)
                (exact if key == a and not a.islower() and (a.isupper() or any(c.isdigit() for c in a)) else folded).append(a)
        self._exact = PhraseIndex(((a, False) for a in exact), before="-", after="-")
        self._folded = PhraseIndex(((a, True) for a in folded), before="-", after="")
        self._demonym: dict[str, str] = {}
        self._acronyms: set[str] = set()
        self._demonyms_only = {d.casefold() for r in self.countries.values() for d in r["demonyms"].split("|")
                               if d and d.casefold() != r["acled_name"].casefold()}
        for iso, r in self.countries.items():
            for d in [r["acled_name"], *r["demonyms"].split("|"), *r["aliases"].split("|")]:
                if d:
                    self._demonym.setdefault(d.casefold(), iso)
                    if d.replace(".", "").isupper():
                        self._acronyms.add(d)
        dem = _alt([d for d in self._demonym if len(d) > 2 and not d.replace(".", "").isalpha() or len(d) > 3])
        self.words = words
        mil = _alt(words["military"])
        pol = _alt(words["police"])
        self._state_named = re.compile(
            r"\b(?P<c>" + dem + r")(?:'s|’s)?\s+(?:(?:[A-Za-z0-9-]+)\s+){0,2}?(?:(?P<p>" + pol + r")|(?P<m>" + mil + r"|positions|units|servicemen|military positions))\b",
            re.I,
        )
        self._state_bare = re.compile(r"\b(?:(?P<p>" + pol + r")|(?P<m>" + mil + r"))\b", re.I)
        # a country that acts ("Israel struck Gaza", "Russia targeted Kharkiv with missiles"):
        # its armed forces (the name as written, capitalised; not a demonym)
        self._acting_names = {d for r in self.countries.values() for d in [r["acled_name"], *r["aliases"].split("|")]
                              if d and d[:1].isupper() and len(d) > 3 and d not in _TERRITORY_ALIASES}
        self._unidentified = _words(words["unidentified"])
        self._civilians = _words(words["civilians"])
        self._protesters = _words(words["protesters"])
        self._rioters = _words(words["rioters"])
        self._government = _words(words["government"])

    @classmethod
    def load(cls) -> ActorDictionary:
        """Load the packaged data files."""
        groups = []
        for r in read_data_csv("armed_groups.csv"):
            groups.append(Group(
                r["name"], int(r["inter"]),
                frozenset(c for c in r["countries"].split("|") if c),
                tuple(a for a in r["aliases"].split("|") if a),
            ))
        words = yaml.safe_load(
            importlib.resources.files("eventcoder.data").joinpath("force_words.yaml").read_text(encoding="utf-8"))
        countries = read_data_csv("countries.csv")
        groups.extend(_identity_groups({r["iso2"]: r["acled_name"] for r in countries}))
        return cls(groups, countries, words)

    def country_pattern(self) -> PhraseIndex:
        """Country names and demonyms (case-insensitive) and acronyms such as CAR, DRC, UAE
        (case-sensitive), with no word character or hyphen on either side."""
        upper = {a.upper() for a in self._acronyms}
        words = [(d, True) for d in self._demonym if len(d) > 2 and d.upper() not in upper]
        return PhraseIndex([*words, *((a, False) for a in self._acronyms)], before="-", after="-")

    def is_demonym(self, word: str) -> bool:
        """Whether a word is a demonym ("Somali", "Iraqi") and not itself a country name."""
        return word.casefold() in self._demonyms_only

    def country_of_demonym(self, word: str) -> str | None:
        """ISO alpha-2 for a demonym or country name ("Iraqi" -> "IQ"), else None."""
        return self._demonym.get(word.casefold())

    def country_name(self, iso2: str, *, article: bool = False) -> str:
        """ACLED's country name for actor names ("Democratic Republic of Congo")."""
        row = self.countries.get(iso2)
        if row is None:
            import pycountry

            c = pycountry.countries.get(alpha_2=iso2)
            return c.name if c else iso2
        return (f"{row['article']} " if article and row["article"] else "") + row["acled_name"]

    def find(self, text: str, offset: int = 0) -> list[ActorMention]:
        """Actor mentions in a sentence, without overlaps (named groups and state forces win)."""
        found: list[ActorMention] = []
        for pat in (self._exact, self._folded):
            for pm in pat.finditer(text):
                a = pm.group(0)
                key = a if (a.isupper() or any(c.isdigit() for c in a)) and pat is self._exact else a.casefold()
                groups = self._alias_groups.get(key) or self._alias_groups.get(a.casefold()) or self._alias_groups.get(a)
                if groups and not _AFFILIATE_AFTER.match(text, pm.end()) \
                        and not _STRONGHOLD_BEFORE.search(text[max(0, pm.start() - 60):pm.start()]):
                    found.append(ActorMention(GROUP, offset + pm.start(), offset + pm.end(), a, groups=tuple(groups)))
        if self._identity is not None:
            for m in self._identity.finditer(text):
                ig = self._identity_by_name.get(m.group("n").casefold())
                if ig:
                    found.append(ActorMention(GROUP, offset + m.start(), offset + m.end(), m.group(0), groups=tuple(ig)))
                    # "Hema and Lendu militias": the people named before "and" arm one side too
                    pair = self._identity_pair.search(text[:m.start("n")])
                    other = self._identity_by_name.get(pair.group("n").casefold()) if pair else None
                    if pair and other:
                        found.append(ActorMention(GROUP, offset + pair.start("n"), offset + pair.end("n"),
                                                  pair.group("n"), groups=tuple(other)))
        for m in self._state_named.finditer(text):
            iso = self.country_of_demonym(m.group("c"))
            force = "police" if m.group("p") else "military"
            found.append(ActorMention(STATE, offset + m.start(), offset + m.end(), m.group(0), iso, force))
        for start, end in self._acting_countries(text):
            found.append(ActorMention(STATE, offset + start, offset + end, text[start:end],
                                      self.country_of_demonym(text[start:end]), "military"))
        for m in self._state_bare.finditer(text):
            if m.group(0).casefold() in _WHOSE_UNSAID:
                continue  # "The invaders shelled Kherson": whose forces the word alone does not say
            if _IMPOSTOR.search(text[max(0, m.start() - 25):m.start()]) or _UNIFORM_AFTER.match(text, m.end()):
                continue  # "men dressed in police uniforms", "gunmen disguised as soldiers": not the force
            prev = re.search(r"([A-Z][\w'’-]+)\s+$", text[max(0, m.start() - 40):m.start()])
            if m.group(0)[:1].isupper() and prev and prev.group(1) not in ("The", "A", "An") \
                    and self.country_of_demonym(prev.group(1)) is None:
                continue  # "National Liberation Army", "Arakan Army": a group's name, not state forces
            force = "police" if m.group("p") else "military"
            found.append(ActorMention(STATE, offset + m.start(), offset + m.end(), m.group(0), None, force))
        for kind, pat in ((UNIDENTIFIED, self._unidentified), (CIVILIANS, self._civilians),
                          (PROTESTERS, self._protesters), (RIOTERS, self._rioters), (GOVERNMENT, self._government)):
            for pm in pat.finditer(text):
                found.append(ActorMention(kind, offset + pm.start(), offset + pm.end(), pm.group(0)))
        rank = {GROUP: 0, STATE: 1, UNIDENTIFIED: 2, GOVERNMENT: 3, PROTESTERS: 4, RIOTERS: 5, CIVILIANS: 6}
        found.sort(key=lambda x: (x.start, rank[x.kind], -(x.end - x.start)))
        out: list[ActorMention] = []
        for f in sorted(found, key=lambda x: (rank[x.kind] > 1, -(x.end - x.start), x.start)):
            if any(f.start < o.end and o.start < f.end for o in out):
                # a class word inside a longer span: keep the other kinds as alternates for role rules
                if f.kind in (PROTESTERS, RIOTERS, CIVILIANS) and any(
                        o.start == f.start and o.end == f.end and o.kind in (PROTESTERS, RIOTERS, CIVILIANS) for o in out):
                    out.append(f)
                continue
            out.append(f)
        out.sort(key=lambda x: (x.start, rank[x.kind]))
        return out

    def _acting_countries(self, text: str) -> list[tuple[int, int]]:
        """Spans of country names right before a verb of attack ("Israel struck", "the United
        States has targeted"): the verbs are found first, then the capitalised words before
        each are looked up, longest first (no alternation of every country's name)."""
        out = []
        for v in _ACTS_BEFORE.finditer(text):
            words = list(re.finditer(r"[A-Z][\w.'’-]*", text[max(0, v.start() - 40):v.start()]))
            base = max(0, v.start() - 40)
            for k in range(len(words)):
                start, end = base + words[k].start(), base + words[-1].end()
                if end != v.start() or text[start:end] not in self._acting_names:
                    continue
                if not _PLACE_BEFORE.search(text[max(0, start - 12):start]):
                    out.append((start, end))  # (not "a rocket fired from Gaza hit": where from)
                break
        return out

    def pick_group(self, mention: ActorMention, countries: list[str]) -> Group | None:
        """The dictionary row for a group mention, preferring rows scoped to the article's countries."""
        if not mention.groups:
            return None
        for c in countries:
            for g in mention.groups:
                if c in g.countries:
                    return g
        if all(g.identity for g in mention.groups):
            return None  # "Arab militiamen" outside the countries where ACLED names that militia
        unscoped = [g for g in mention.groups if not g.countries]
        if unscoped:
            return unscoped[0]
        if countries and mention.text[:1].islower():
            # a common noun ("separatists") names a country's group only in that country
            return None
        # no country to go by: the group whose own name or first alias this is
        text = mention.text.casefold()
        own = [g for g in mention.groups if text in (g.name.casefold(), g.aliases[0].casefold() if g.aliases else "")]
        return own[0] if own else mention.groups[0]

    def name(self, mention: ActorMention, event_country: str | None, countries: list[str]) -> tuple[str, int]:
        """ACLED name and inter code of a mention for an event in ``event_country``.

        State forces of another country than the event's are external (inter 8), as ACLED
        codes foreign forces operating in a country.
        """
        cc = event_country or (countries[0] if countries else None)
        if mention.kind == GROUP:
            g = self.pick_group(mention, countries)
            if g is not None:
                return g.name, g.inter
        if mention.kind == STATE:
            iso = mention.country or cc
            label = "Police Forces of" if mention.force == "police" else "Military Forces of"
            inter = 8 if (mention.country and cc and mention.country != cc) else 1
            # (no country known anywhere in the article: "Military Forces (Unknown)", as
            # "Civilians (Unknown)", not "Military Forces of Unknown")
            return (f"{label} {self.country_name(iso, article=True)}" if iso
                    else f"{label.removesuffix(' of')} (Unknown)"), inter
        where = self.country_name(cc) if cc else "Unknown"
        if mention.kind == GOVERNMENT:
            return (f"Government of {self.country_name(cc, article=True)}" if cc else "Government (Unknown)"), 1
        if mention.kind == CIVILIANS:
            return f"Civilians ({where})", 7
        if mention.kind == PROTESTERS:
            return f"Protesters ({where})", 6
        if mention.kind == RIOTERS:
            return f"Rioters ({where})", 5
        return f"Unidentified Armed Group ({where})", 3

    def civilians(self, country: str | None) -> tuple[str, int]:
        return f"Civilians ({self.country_name(country) if country else 'Unknown'})", 7

    def state(self, country: str | None, force: str = "military") -> tuple[str, int]:
        label = "Police Forces of" if force == "police" else "Military Forces of"
        return (f"{label} {self.country_name(country, article=True)}" if country
                else f"{label.removesuffix(' of')} (Unknown)"), 1

    def unidentified(self, country: str | None) -> tuple[str, int]:
        return f"Unidentified Armed Group ({self.country_name(country) if country else 'Unknown'})", 3


# force words that never mean the article's own state's forces without a demonym before them
_WHOSE_UNSAID = frozenset({"occupiers", "invaders", "occupying forces", "occupation forces"})
# aliases of a country that name a territory, not a state that acts ("Gaza fired")
_TERRITORY_ALIASES = frozenset({"Gaza", "Gaza Strip", "West Bank"})
# what follows a country or force that acts: "Russia targeted", "Israel has struck" (a country
# named so is the attacker, not where the act happened)
# ("Russia keeps shelling other regions of Ukraine", "Israel continued to bomb Gaza")
ACTS_AFTER = re.compile(r"\s+(?:has\s+|had\s+|have\s+|also\s+|then\s+|again\s+|keeps\s+|kept\s+|continues\s+"
                        r"(?:to\s+)?|continued\s+(?:to\s+)?)?(?:targeted|struck|attacked|bombed|"
                        r"shelled|launched|fired|hit|pounded|raided|invaded|shot down|carried out|shelling|bombing|"
                        r"attacking|striking|pounding|shell|bomb|attack|strike|pound)\b")
_ACTS_BEFORE = re.compile(r"(?<=[\w.])" + ACTS_AFTER.pattern)
# a preposition before a country name: a place, not the subject of the verb after it
_PLACE_BEFORE = re.compile(r"\b(?:from|in|of|near|at|into|on|to|over|across|against|by|with)\s+(?:the\s+)?$", re.I)

# words after a people's name that make its armed members an actor ("Pokomo militiamen")
_IDENTITY_ARMED = ("militia", "militias", "militiamen", "ethnic militia", "youths", "youth", "gunmen", "fighters",
                   "herders", "herdsmen", "raiders", "warriors", "tribesmen", "attackers", "assailants", "clansmen",
                   "men", "mob", "vigilantes")


def _identity_groups(country_names: dict[str, str]) -> list[Group]:
    """One identity militia per group and country of ``identity_groups.csv``: "<group> Ethnic
    Militia (<country>)", ACLED inter 4; its aliases are the group's names, matched only
    before a word for armed men ("Fulani herders", "armed Murle youths"; ``ActorDictionary.find``)."""
    out = []
    for r in read_data_csv("identity_groups.csv"):
        aliases = tuple(dict.fromkeys([r["name"], *(a for a in r["aliases"].split("|") if a)]))
        for c in (x for x in r["countries"].split("|") if x):
            out.append(Group(f"{r['name']} Ethnic Militia ({country_names.get(c, c)})", 4, frozenset({c}), aliases,
                             identity=True))
    return out


@lru_cache(maxsize=1)
def _territories() -> dict[str, tuple[str, str]]:
    text = importlib.resources.files("eventcoder.data").joinpath("acled_territories.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {r["iso2"]: (r["acled_iso2"], r["admin1"]) for r in rows}


def acled_country(iso2: str | None) -> tuple[str | None, str | None]:
    """The country ACLED codes an event of ``iso2`` in, and the admin1 a territory becomes
    there: ``"HK"`` -> ``("CN", "Hong Kong")``; any other code -> ``(iso2, None)``
    (``data/acled_territories.csv``)."""
    if iso2 is None:
        return None, None
    return _territories().get(iso2, (iso2, None))  # type: ignore[return-value]
