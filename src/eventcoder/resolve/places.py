"""Resolve toponyms to gazetteer places in the article's context.

Context: the article's countries (focus country first), the feature word beside the
name ("province" prefers a first-level division, "mountains" a terrain feature,
"village"/"town" a populated place), and population as the last tie-breaker. A
name that resolves to nothing keeps its text.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache

from eventcoder.extract.places import KnownName, Toponym
from eventcoder.resolve.gazetteer import Gazetteer, Place, km_between
from eventcoder.resolve.gazetteer.names import fold, name_keys, skeleton, strip_feature_word

_ADMIN_WORDS = {"province", "state", "region", "governorate", "department", "oblast", "prefecture", "division"}
_LOCAL_ADMIN = {"district", "county", "territory", "municipality", "lga", "upazila", "tehsil", "commune"}
_TERRAIN_WORDS = {"mountains", "valley", "desert", "forest", "lake", "island", "islands", "wadi"}
_TOWN_WORDS = {"village", "villages", "town", "city", "hamlet", "locality", "settlement", "market town",
               "border town", "capital", "neighbourhood", "neighborhood", "commune"}
_BIG_CITY = 1_000_000
_PARTICLE_WORD = re.compile(r"\b(?:al|el|ad|ar|as|at|az|ash|ed|es|ez|ul|ud|ur|us)\b")


_DIVISION_WORD = re.compile(r"\s(State|Province|Region|Governorate|Oblast|Prefecture|Department)$")


# abbreviated first words of place names, as news writes them, and GeoNames' full word
_SHORT_WORDS = {"St": "Saint ", "Ste": "Sainte ", "Ft": "Fort ", "Mt": "Mount ", "Pt": "Point "}
_SHORT_PREFIX = re.compile(r"^(St|Ste|Ft|Mt|Pt)\.?\s+(?=[A-Z])", re.I)

class PlaceResolver:
    """Resolve toponyms with a ``Gazetteer`` (or without one: nothing resolves)."""

    def __init__(self, gazetteer: Gazetteer | None, overlay: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer
        self.overlay = overlay
        self.stopwords = load_stopwords()
        self.person_names = load_person_names()
        self.known = lru_cache(maxsize=100_000)(self._known)  # type: ignore[method-assign]
        self.forms: dict[str, str] = {}
        self._form_place: dict[str, Place] = {}
        if gazetteer is not None:
            for form, rows in gazetteer.forms.items():
                # "American": the United States, not the Northern Mariana Islands (most populous)
                kind, place = max(rows, key=lambda kp: kp[1].population or 0)
                self.forms[form] = kind
                self._form_place[form] = place
            for place in list(self._form_place.values()):
                if place.is_country and " and " in place.name and place.name not in self.forms:
                    # "Trinidad and Tobago": the capitalised-word matcher stops at "and"
                    self.forms[place.name] = "name"
                    self._form_place[place.name] = place
            for name, iso in load_seats().items():
                capital = gazetteer.capital(iso)
                if capital is not None and name not in self.forms:
                    # "the White House said": a government; "outside the White House": its capital
                    self.forms[name] = "seat"
                    self._form_place[name] = capital
            for form, kind in list(self.forms.items()):
                spaced = re.sub(r"^([A-Z])\.(?=[A-Z][a-z]+\.$)", r"\1. ", form)
                if kind == "state_abbr" and spaced != form and spaced not in self.forms:
                    # AP style is written both ways: "W.Va." and "W. Va."
                    self.forms[spaced] = kind
                    self._form_place[spaced] = self._form_place[form]

    def form_place(self, text: str) -> Place | None:
        """The place a short form or demonym stands for, as written ("U.S.", "Turkish")."""
        return self._form_place.get(text)

    def _known(self, name: str) -> KnownName:
        """Whether a capitalised word sequence names a known place, and how strongly.

        Strong (2): a country, continent or first-level division by its own name, a
        second-level division named with its feature word ("Walker County"), a town of
        15,000 people or more, a named terrain feature of several words. Weak (1): a town of
        1,000 or more, or any of these whose name is also a common English word
        (``common``) unless it is a country, a division of a million people or a city of
        100,000 or more (then strong
        but ``common``: the matcher wants NER or a capital letter mid-sentence). Alternate names count for towns of a million or more only (GeoNames'
        alternate names hold many short variants: "All", "Free").
        """
        if len(name) < 3 and name not in self.forms:
            return KnownName(0)
        short = _SHORT_PREFIX.match(name)
        if short and not self._candidates(name, False, False):
            # "St. Paris" is known as GeoNames' "Saint Paris"
            return self.known(_SHORT_WORDS[short.group(1).title()] + name[short.end():])
        cands = self.candidates(name, strip=False, legacy=False)
        if not cands:
            return KnownName(0)
        f = fold(name)
        keys = name_keys(name)
        compass = _COMPASS_ADJ.match(name)
        if compass:
            keys = keys | name_keys(compass.group(1) + name[compass.end():])  # "Northern Sinai"
        common = f in self.stopwords
        strength = 0
        cap = big = False
        # a transliteration with particles counts as the place's own name ("Jisr al-Shughur")
        sk = skeleton(name) if _PARTICLE_WORD.search(f) else None
        for p in cands:
            primary = bool(name_keys(p.name) & keys) or (sk is not None and skeleton(p.name) == sk)
            if p.is_country or p.is_continent or (p.is_admin1 and primary):
                strength = max(strength, 2)
                cap = cap or p.is_country
                big = big or (primary and (p.is_country or (p.population or 0) >= 1_000_000))
            elif p.is_admin2 and primary and " " in f:
                strength = max(strength, 2)
            elif p.feature_class == "P":
                pop = p.population or 0
                if not primary and (pop < 1_000_000 or all(w in self.stopwords for w in f.split())):
                    continue  # an alternate name counts for a city of a million, unless it is
                    # common English words (GeoNames' translations: "White House" for Casablanca)
                cap = cap or p.feature_code == "PPLC"
                # a common English word is spelled exactly ("Fourth" is not Fürth)
                if not primary or not (f == fold(p.name) if common else _same_spelling(f, p.name)):
                    # an alternate name ("Riad" for Riyadh) or a spelling variant ("Conor" for
                    # Coonoor): a place only with NER or a locative word
                    strength = max(strength, 1)
                elif pop >= 15_000:
                    strength = max(strength, 2)
                    big = big or (primary and pop >= 100_000)
                elif pop >= 1_000:
                    strength = max(strength, 1)
            elif p.feature_class in ("T", "H", "V", "L") and primary and (
                    " " in f or p.is_area_feature):
                strength = max(strength, 2)  # "Lake Chad"; one word for a sea, region, island or river
            elif p.feature_class in ("T", "H", "V", "L") and p.geonameid is None:
                # one word of the project's terrain list (no GeoNames id: "eastern Ghouta"): a place
                # with NER or a locative word
                strength = max(strength, 1)
        if common and strength:
            # "Mobile", "Reading", "Turkey": strong only for a big place, and then only where the
            # capital letter can only mean a name (mid-sentence, see find_known_places)
            return KnownName(2 if big else 1, cap, True, big)
        return KnownName(strength, cap, False, big)

    def scored_candidates(self, top: Toponym) -> list[tuple[Place, float]]:
        """Candidates of a toponym with their context-free score (prior, name match, feature word)."""
        form = self._form_place.get(top.text)
        if form is not None and not (form.is_country and self.forms.get(top.text) == "name"):
            return [(form, 20.0)]
        cands = self.candidates(top.text, legacy=False)
        if form is not None:
            # a country's other full name ("Palestine", "Russia") scores as the country does, and
            # its namesake towns may still win on the article's evidence (Palestine, Texas, in a
            # story on Anderson County)
            cands = [form] + [p for p in cands if p.geonameid != form.geonameid and not p.is_country]
        feat = (top.feature or "").lower()
        words = fold(top.text).split()
        if feat in ("county", "parish", "township") and words and words[-1] != feat:
            # "Walton and Oconee counties": GeoNames names them "Walton County", "Oconee County"
            named = self.candidates(f"{top.text} {feat.title()}", strip=False, legacy=False)
            cands = named + [p for p in cands if p not in named]
        if words and words[-1] in _COUNTY_WORDS:
            feat = feat or words[-1]
        keys = name_keys(top.text)
        if len(words) > 1 and (words[-1] in _COUNTY_WORDS | {"city", "colony", "town", "village"}
                               or words[0] in {"lake", "mount", "mt", "river", "port", "fort"}):
            # a name with its own feature word is not the country or state of the bare name
            # ("Guernsey County", "Iowa City", "Lake Vermont"), unless that is its own name
            cands = [p for p in cands if not (p.is_country or p.is_admin1) or name_keys(p.name) & keys]
        out = []
        plain_words = all(w in self.stopwords for w in words)
        # a capital's name in another language ("Tera" for Tehran) is no better than any alias
        # when a place has the name as its own (Téra, Niger)
        owned = any(name_keys(p.name) & keys for p in cands)
        for p in cands:
            sc = prior(p)
            if plain_words and not (name_keys(p.name) & keys) and p.feature_class == "P":
                continue  # GeoNames' translation of a name ("White House" for Casablanca): no alias
            if not (name_keys(p.name) & keys) and (p.feature_code != "PPLC" or owned):
                # an alternate name: a real risk for towns, less so for divisions and cities of a
                # million ("New York" is New York City, but "Manhattan" is Manhattan)
                sc -= 1.0 if (p.is_country or p.is_admin1 or (p.population or 0) >= 1_000_000) else ArticlePlaces.ALIAS_ONLY
            if feat in _ADMIN_WORDS:
                sc += 4 if p.is_admin1 else 0
            elif feat in _COUNTY_WORDS or feat in _LOCAL_ADMIN:
                sc += 4 if p.is_admin2 else 0
            elif feat in _TERRAIN_WORDS:
                sc += 4 if p.feature_class in ("T", "H", "V") else 0
            elif feat in _TOWN_WORDS:
                sc += 4 if p.feature_class == "P" else 0
            if p.latitude is None:
                sc -= 3
            out.append((p, sc))
        if feat not in _ADMIN_WORDS:
            # a province named for its city ("Aleppo", "Kharkiv"): the bare name is the city
            # and a division named like its country's capital ("Washington") is the capital
            cities = {(p.country, p.admin1_code) for p in cands
                      if p.feature_class == "P" and (p.population or 0) >= 100_000}
            capitals = {p.country for p in cands if p.feature_code == "PPLC"}
            out = [(p, sc - 3 if p.is_admin1 and ((p.country, p.admin1_code) in cities or p.country in capitals)
                    else sc) for p, sc in out]
        return out

    def resolve_article(self, tops: list[Toponym], text: str, countries: list[str] = ()) -> list[Place | None]:  # type: ignore[assignment]
        """Every toponym of an article resolved together (``ArticlePlaces``); same order as ``tops``."""
        if self.gazetteer is None and self.overlay is None:
            return [None] * len(tops)
        return ArticlePlaces(self).resolve(tops, text, countries)

    def candidates(self, name: str, *, strip: bool = True, legacy: bool = True) -> list[Place]:
        """Places for a name, trying it with and without a trailing feature word.

        The user's own places (``overlay``) have priority: when they know the name, the
        main gazetteer is not consulted. ``legacy`` (the default, what event coding uses)
        keeps to populated places, countries, first-level divisions and terrain, with
        exact keys only, and gives countries and divisions their capital's point and no
        population: the event rules were tuned on that. The `places` command passes
        ``legacy=False``: second-level divisions and continents too, loose transliteration
        keys, own points and populations, and a skeleton look-up for names of several words.
        """
        short = _SHORT_PREFIX.match(name)
        if short:
            # "St. Paris", "Ft. Myers": GeoNames often writes the word out ("Saint Paris")
            return self._candidates(name, strip, legacy) or self._candidates(
                _SHORT_WORDS[short.group(1).title()] + name[short.end():], strip, legacy)
        found = self._candidates(name, strip, legacy)
        compass = _COMPASS_ADJ.match(name)
        if not found and compass:
            # "Northern Sinai", "Southern Kordofan": the division's name is "North Sinai"
            found = [p for p in self._candidates(compass.group(1) + name[compass.end():], strip, legacy)
                     if p.is_admin1 or p.is_admin2]
        return found

    def _candidates(self, name: str, strip: bool, legacy: bool) -> list[Place]:
        for gaz in (self.overlay, self.gazetteer):
            if gaz is None:
                continue
            seen: dict[tuple, Place] = {}
            districts: dict[tuple, Place] = {}
            for variant in (name, strip_feature_word(name)) if strip else (name,):
                if not variant:
                    continue
                for p in (gaz.strict_lookup(variant) if legacy else gaz.lookup(variant)):
                    if legacy and p.is_admin2:
                        # a district is the event's place only when no town, division or
                        # terrain has the name ("in Yatenga province")
                        districts.setdefault((p.geonameid, p.name, p.feature_code, p.country), p)
                        continue
                    if legacy and p.is_continent:
                        continue
                    if legacy and (p.is_country or p.is_admin1):
                        p = replace(p.at_seat(), population=0 if p.is_admin1 else p.population)
                    seen.setdefault((p.geonameid, p.name, p.feature_code, p.country), p)
            if seen:
                found = list(seen.values())
                keys = name_keys(name)
                own = {p.country for p in found if p.is_admin1 and name_keys(p.name) & keys}
                # a division by its own name before its country known by it only as an
                # alternate name ("Gaza Strip", "West Bank": divisions of Palestine)
                found = [p for p in found if not (p.is_country and p.country in own and not name_keys(p.name) & keys)]
                return found
            if districts:
                return list(districts.values())
        if legacy:
            return []
        if self.gazetteer is not None and len(fold(name).split()) > 1 and _PARTICLE_WORD.search(fold(name)):
            # transliteration variants of names with particles ("Deir el-Zour" / "Deir ez-Zor"):
            # divisions and towns only
            return [p for p in self.gazetteer.fuzzy_lookup(name, min_length=3)
                    if p.is_admin1 or p.feature_class == "P"]
        return []

    def resolve(self, top: Toponym, countries: list[str],
                admin1s: set[tuple[str, str | None]] | frozenset = frozenset()) -> Place | None:
        """The best place for a toponym given the article's countries (focus first).

        Countries (PCL*) and seas or macro-regions (``Place.is_macro``) resolve anywhere;
        other places only inside the article's countries, except cities of a million
        people or more. Unknown names are
        tried by consonant skeleton inside the focus country (Hamreen -> Hamrin).
        """
        if self.gazetteer is None and self.overlay is None:
            return None
        cands = self.candidates(top.text)
        feat = (top.feature or "").lower()
        if not feat:
            # an entity span that carries its own division word ("Plateau State"): a division;
            # "Gaza City", "Kuwait City": the city, not the country of that name
            trailing = _DIVISION_WORD.search(top.text)
            feat = trailing.group(1).lower() if trailing else ("city" if top.text.endswith(" City") else "")
        chosen = self._choose(cands, countries, feat, top, admin1s)
        if chosen is None and countries and self.gazetteer is not None:
            for cc in countries[:2]:
                # transliteration variants only for divisions and terrain: town names are too many
                fuzzy = [p for p in self.gazetteer.fuzzy_lookup(strip_feature_word(top.text) or top.text, cc)
                         if p.is_admin1 or p.feature_class in ("T", "H", "V")]
                chosen = self._choose(fuzzy, countries, feat, top, admin1s)
                if chosen is not None:
                    break
        return chosen

    def _choose(self, cands: list[Place], countries: list[str], feat: str, top: Toponym,
                admin1s: set[tuple[str, str | None]] | frozenset = frozenset()) -> Place | None:
        if not cands:
            return None
        exact_country = [p for p in cands if p.is_country and fold(p.name) == fold(top.text)]
        if exact_country and feat not in _TOWN_WORDS and feat not in _ADMIN_WORDS:
            return exact_country[0]
        macro = [p for p in cands if p.is_macro]
        if macro and feat not in _TOWN_WORDS and feat not in _ADMIN_WORDS and not any(
                p.is_admin1 and countries and p.country == countries[0] for p in cands):
            # "the Red Sea", "the Sahel": the sea or region, unless the article's own country has
            # a division of that name ("Sahel" in a report on Burkina Faso)
            return macro[0]
        allowed = [p for p in cands if p.country in countries] if countries else list(cands)
        if not allowed and not countries:
            # no country known yet: countries, first-level divisions by their own name ("Yala",
            # "Narathiwat") and cities of a million
            allowed = [p for p in cands if p.is_country or (p.is_admin1 and fold(p.name) == fold(top.text))
                       or (p.population or 0) >= _BIG_CITY]
        if not allowed:
            return None

        def score(p: Place) -> tuple:
            cls = 0
            if feat in _ADMIN_WORDS:
                cls = 3 if p.is_admin1 else (1 if p.feature_class == "P" else 0)
            elif feat in _TERRAIN_WORDS:
                cls = 3 if p.feature_class in ("T", "H", "V", "L") else 0
            elif feat in _TOWN_WORDS:
                cls = 3 if p.feature_class == "P" else 0
            else:
                cls = 2 if p.is_country else (1 if p.feature_class in ("P", "T", "H", "V", "L") else (1 if p.is_admin1 else 0))
            rank = countries.index(p.country) if p.country in countries else len(countries)
            in_admin = (p.country, p.admin1_code) in admin1s
            size = p.population or 0
            if p.is_admin1 and fold(p.name) == fold(top.text):
                # a division by its own name outranks a village of that name ("Tamaulipas" is the
                # state, not the hamlet in Chiapas), not a city ("Kirkuk")
                size = max(size, _DIVISION_SIZE)
            return (cls, in_admin, -rank, size)

        best = max(allowed, key=score)
        if countries and best.feature_class == "P" and best.country != countries[0] \
                and (best.country, best.admin1_code) not in admin1s and (best.population or 0) < _BIG_CITY // 20:
            # a world city outranks a small namesake in a country the article names only in
            # passing ("on his return from London" in a report from Bahrain that names the U.S.
            # is not London, Ohio); not in the focus country nor in a division the article names
            world = [p for p in cands if p.feature_class == "P" and p.country not in countries
                     and ((p.population or 0) >= _BIG_CITY or p.feature_code == "PPLC")]
            if world and feat not in _ADMIN_WORDS and feat not in _TERRAIN_WORDS:
                return max(world, key=lambda p: p.population or 0)
        if feat in _TERRAIN_WORDS and best.feature_class == "P" and (not countries or best.country != countries[0]):
            return None  # "Manigah forest" in Kashmir is no village of Burkina Faso that shares an alternate name
        return best


# the population a division counts as against namesake towns (GeoNames gives most none)
_DIVISION_SIZE = 100_000


# --------------------------------------------------------------------------- article-level
_COUNTY_WORDS = {"county", "district", "parish", "borough", "municipality", "lga", "upazila", "tehsil",
                 "territory", "raion", "rayon"}


_LIST_TAIL = re.compile(r"^(?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?)*"
                        r"\s+(?P<f>counties|parishes|provinces|states|districts|governorates|townships)\b")
_PLURAL_FEATURE = {"counties": "county", "parishes": "parish", "provinces": "province", "states": "state",
                   "districts": "district", "governorates": "governorate", "townships": "township"}


def _plural_feature(t: Toponym, text: str) -> str | None:
    """The feature word a list of names shares ("Walton and Oconee counties": both are
    counties; "Kano, Kaduna and Katsina states"), or None."""
    if t.feature:
        return None
    m = _LIST_TAIL.match(text[t.end:t.end + 200])
    return _PLURAL_FEATURE[m.group("f")] if m else None


def _same_spelling(folded: str, name: str) -> bool:
    """Whether a folded name is spelled as a gazetteer name, give or take spaces, hyphens, a
    leading article and French or Arabic transliteration ("Deir ez-Zor" / "Deir Ez Zor",
    "al-Hasakah" / "Hasakah", "Douma" / "Duma"); doubled letters and joined words are another
    spelling ("Conor" is not Coonoor)."""
    strip = re.compile(r"^(?:al|el|ad|ar|as|at|az|an|ash|ed|es)(?=[a-z]{3})")

    def norm(x: str) -> str:
        # French "ou" and a final "h" after a vowel are transliteration, not spelling
        # (Douma / Duma, Hawijah / Hawija)
        x = strip.sub("", x.replace(" ", "")).replace("ou", "u")
        return re.sub(r"([aeiou])h$", r"\1", x)

    return norm(folded) == norm(fold(name))


def load_stopwords() -> frozenset[str]:
    """Common English words that are also place names (``data/place_stopwords.txt``)."""
    import importlib.resources

    text = importlib.resources.files("eventcoder.data").joinpath("place_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def load_seats() -> dict[str, str]:
    """Seats of government named for the government (``data/seats_of_government.csv``):
    name as written ("White House") -> ISO 3166-1 alpha-2 country code."""
    import csv
    import importlib.resources

    text = importlib.resources.files("eventcoder.data").joinpath("seats_of_government.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return {r["name"]: r["country"] for r in rows}


def load_person_names() -> dict[str, str]:
    """Given names, and surnames that are also place names (``data/place_person_names.txt``):
    name as written ("Hamilton") -> ``"given"``, ``"surname"`` or ``"both"``."""
    import importlib.resources

    text = importlib.resources.files("eventcoder.data").joinpath("place_person_names.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, kind = line.strip().partition(",")
            out[name] = kind
    return out


_COMPASS_ADJ = re.compile(r"^(North|South|East|West)ern(?= [A-Z])")


def prior(p: Place) -> float:
    """How likely a place is meant by its name before any context (log10-population scale).

    Populated places: log10 of their population (a capital one more; an unknown population
    counts as a thousand people); first-level divisions
    the same of their places' population plus 1.2; countries and continents above any town;
    seas, gulfs, straits and macro-regions just below countries, islands as a town of a million;
    second-level divisions and terrain below towns of their size.
    """
    pop = math.log10((p.population or 0) + 10)
    if p.is_continent:
        return 11.0
    if p.is_country:
        return 10.0
    if p.is_macro:
        return 9.5  # "the Middle East" is not Middle East, Maryland; "Red Sea" state needs its word
    if p.feature_code == "ISL":
        return 6.0
    if p.is_admin1:
        return pop + 1.2
    if p.is_admin2:
        return pop - 0.5
    if p.feature_class == "P":
        if not p.population:
            pop = 3.0  # GeoNames' 0 is "not known": the size of a small town
        return pop + (1.0 if p.feature_code == "PPLC" else 0.0)
    return 4.5  # terrain and areas: known to the project's list, no population


class ArticlePlaces:
    """Resolves every toponym of an article together (``PlaceResolver.resolve_article``).

    Each candidate is scored on its own merits (``prior``: feature class and population),
    how the name matched (its main name or only an alternate one), the feature word beside
    it ("county", "province", "town"), the division or country named right after it
    ("Tripoli, Lebanon"; "Gainesville, Ga."), a second-level division of the article that
    holds the town (or a town of the article that the division holds), and the countries
    and first-level divisions of the article's other toponyms (each distinct name votes
    once; a name never votes for itself; three rounds), the divisions the candidates of the
    other names could share (each name spreads one vote over its candidates' divisions:
    "Walton", "Oconee" and "Madison County" all have namesakes, but Georgia holds the three),
    plus the caller's countries (the event coder's focus) as one more signal.
    """

    COUNTRY_VOTE = 3.0
    ADMIN1_VOTE = 3.0
    QUALIFIER = 5.0
    ALIAS_ONLY = 2.0
    FOCUS = 1.5
    NESTED = 3.0
    SHARED = 6.0
    SHARED_GAP = 3.0
    NEAR = 3.0
    NEAR_KM = 150.0

    def __init__(self, resolver: PlaceResolver) -> None:
        self.r = resolver

    def resolve(self, tops: list[Toponym], text: str, countries: list[str] = ()) -> list[Place | None]:  # type: ignore[assignment]
        tops = [replace(t, feature=_plural_feature(t, text) or t.feature) for t in tops]
        cands = [self.r.scored_candidates(t) for t in tops]
        qual = self._qualifiers(tops, text)
        # second-level divisions named in the article: a town inside one of them, or a
        # division holding one of the article's towns, fits the article ("Paris" and
        # "Henry County": Paris, Tennessee)
        keys = [fold(t.text) for t in tops]
        adm2_named: dict[str, set[tuple[str, str | None, str]]] = {}
        town_in: dict[str, set[tuple[str, str | None, str]]] = {}
        for key, cs in zip(keys, cands, strict=True):
            for p, _sc in cs:
                if p.is_admin2:
                    adm2_named.setdefault(key, set()).add((p.country, p.admin1_code, fold(p.name)))
                elif p.feature_class == "P" and p.admin2:
                    town_in.setdefault(key, set()).add((p.country, p.admin1_code, fold(p.admin2)))
        nested: list[dict[int, float]] = []
        for key, cs in zip(keys, cands, strict=True):
            other_adm2 = set().union(*(v for k, v in adm2_named.items() if k != key))
            other_towns = set().union(*(v for k, v in town_in.items() if k != key))
            bonus: dict[int, float] = {}
            for n, (p, _sc) in enumerate(cs):
                if p.feature_class == "P" and p.admin2 and (p.country, p.admin1_code, fold(p.admin2)) in other_adm2:
                    bonus[n] = self.NESTED
                elif p.is_admin2 and (p.country, p.admin1_code, fold(p.name)) in other_towns:
                    bonus[n] = self.NESTED
            nested.append(bonus)
        # divisions the article's names could share ("Walton", "Oconee" and "Madison County"
        # each have namesakes, but only Georgia holds all three): each other name spreads one
        # vote over the divisions of its candidates
        spread: dict[str, dict[tuple[str, str | None], float]] = {}
        for key, cs in zip(keys, cands, strict=True):
            divs = {(p.country, p.admin1_code) for p, _sc in cs
                    if not (p.is_country or p.is_continent) and p.admin1_code}
            if divs and key not in spread:
                spread[key] = {d: 1.0 / len(divs) for d in divs}
        total: dict[tuple[str, str | None], float] = {}
        for v in spread.values():
            for d, w in v.items():
                total[d] = total.get(d, 0.0) + w
        for key, cs, bonus in zip(keys, cands, nested, strict=True):
            own = spread.get(key, {})
            n_others = len(spread) - (key in spread)
            if not n_others:
                continue
            best = max((sc for _p, sc in cs), default=0.0)
            for n, (p, sc) in enumerate(cs):
                # no namesake a thousand times smaller than the name's best candidate is promoted
                if not (p.is_country or p.is_continent) and sc >= best - self.SHARED_GAP:
                    d = (p.country, p.admin1_code)
                    share = (total.get(d, 0.0) - own.get(d, 0.0)) / n_others
                    # one or two other names are weak evidence: full weight from three
                    bonus[n] = bonus.get(n, 0.0) + self.SHARED * share * min(1.0, n_others / 3)
        # the division or country after a town and a comma holds that town: "Tacoma, Washington"
        # is the state, though a bare "Washington" is the capital
        for i, j in qual.items():
            if j != i + 1:
                continue
            held = {(p.country, p.admin1_code) for p, _sc in cands[i] if not (p.is_country or p.is_admin1)}
            for n, (p, _sc) in enumerate(cands[j]):
                if (p.is_admin1 and (p.country, p.admin1_code) in held) \
                        or (p.is_country and any(c == p.country for c, _a in held)):
                    nested[j][n] = nested[j].get(n, 0.0) + self.QUALIFIER
        picks = [self._pick(i, tops, cands, qual, {}, {}, [], None, nested[i]) for i in range(len(tops))]
        # the article's other places vote; three rounds let the votes settle ("Georgia" goes
        # to the state once "Gainesville" has gone to Georgia's Gainesville). Names are revised
        # one at a time, the least sure first (the narrowest lead of a name's best candidate
        # over its next), so that they follow the surer names: revised all at once, two names can
        # swap countries back and forth for ever ("Belfast" and "Broadway", each pulled to the
        # other's last pick)
        def lead(i: int) -> float:
            scores = sorted((sc for _p, sc in cands[i]), reverse=True)
            return scores[0] - scores[1] if len(scores) > 1 else (scores[0] if scores else 0.0)
        order = sorted(range(len(tops)), key=lead)
        votes_c, votes_a = self._votes(tops, picks)
        towns = self._towns(tops, picks)
        for _round in range(3):
            changed = False
            for i in order:
                if not cands[i]:
                    continue
                new = self._pick(i, tops, cands, qual, votes_c.get(keys[i], {}), votes_a.get(keys[i], {}),
                                 list(countries), picks, nested[i], [pt for k, pt in towns.items() if k != keys[i]])
                if new != picks[i]:
                    picks[i] = new
                    changed = True
                    # (the others vote with this pick from now on)
                    votes_c, votes_a = self._votes(tops, picks)
                    towns = self._towns(tops, picks)
            if not changed:
                break
        return picks

    @staticmethod
    def _towns(tops: list[Toponym], picks: list[Place | None]) -> dict[str, tuple[float, float]]:
        """Per distinct name: the point of its pick, for the populated places of the article."""
        out: dict[str, tuple[float, float]] = {}
        for t, p in zip(tops, picks, strict=True):
            if p is not None and p.feature_class == "P" and p.latitude is not None and p.longitude is not None \
                    and t.kind == "place":
                out.setdefault(fold(t.text), (p.latitude, p.longitude))
        return out

    @staticmethod
    def _votes(tops: list[Toponym], picks: list[Place | None]) -> tuple[dict, dict]:
        """Per distinct name: the shares of the article's other names in each country and division."""
        seen: dict[str, Place] = {}
        demonyms: set[str] = set()
        for t, p in zip(tops, picks, strict=True):
            if p is None or p.is_continent:
                continue
            if t.kind == "adjectival":
                # a demonym votes for its country only: "English" is also a language ("English
                # classes" in an Ontario paper says nothing of England's towns)
                demonyms.add(fold(t.text))
            seen.setdefault(fold(t.text), p)
        votes_c: dict[str, dict[str, float]] = {}
        votes_a: dict[str, dict[tuple[str, str | None], float]] = {}
        for key in seen:
            vc: dict[str, float] = {}
            va: dict[tuple[str, str | None], float] = {}
            n = n_local = 0
            for other, p in seen.items():
                if other == key:
                    continue
                n += 1
                vc[p.country] = vc.get(p.country, 0) + 1
                if not p.is_country and other not in demonyms:
                    n_local += 1
                    va[(p.country, p.admin1_code)] = va.get((p.country, p.admin1_code), 0) + 1
            votes_c[key] = {c: v / n for c, v in vc.items()} if n else {}
            # divisions: shares among the places below country level ("U.S." and "Iraq" do
            # not dilute a local article's state)
            votes_a[key] = {a: v / n_local for a, v in va.items()} if n_local else {}
        return votes_c, votes_a

    @staticmethod
    def _qualifiers(tops: list[Toponym], text: str) -> dict[int, int]:
        """toponym index -> index of the toponym that qualifies it: "X, Y" or "X (Y)", and a
        demonym before a feature word ("the English city of Salisbury", "the Syrian town of
        Ras al-Ain")."""
        out: dict[int, int] = {}
        for i in range(len(tops) - 1):
            gap = text[tops[i].end:tops[i + 1].start]
            if re.fullmatch(r",\s*|\s*\(\s*", gap):
                # not inside a list of places ("Washington, New York and Boston"), unless the
                # second is a division's short form ("Athens, Ga., and Macon")
                before = text[tops[i - 1].end:tops[i].start] if i else ""
                after = text[tops[i + 1].end:tops[i + 2].start] if i + 2 < len(tops) else ""
                if tops[i + 1].source != "form" and gap.startswith(",") and (
                        _LIST_GAP.fullmatch(before) or _LIST_GAP.fullmatch(after)):
                    continue
                out[i] = i + 1
            elif tops[i].kind == "adjectival" and _DEMONYM_OF.fullmatch(gap):
                out[i + 1] = i
        return out

    def _pick(self, i: int, tops: list[Toponym], cands: list[list[tuple[Place, float]]], qual: dict[int, int],
              vc: dict[str, float], va: dict[tuple[str, str | None], float], countries: list[str],
              first: list[Place | None] | None, nested: dict[int, float],
              towns: list[tuple[float, float]] = ()) -> Place | None:  # type: ignore[assignment]
        if not cands[i]:
            return None
        q = None
        if i in qual and first is not None:
            q = first[qual[i]]
        elif i in qual:
            qc = cands[qual[i]]
            q = max(qc, key=lambda c: c[1])[0] if qc else None
        if q is not None and not (q.is_country or q.is_admin1):
            q = None

        def score(nc: tuple[int, tuple[Place, float]]) -> float:
            n, (p, base) = nc
            sc = base + nested.get(n, 0.0) + self.COUNTRY_VOTE * vc.get(p.country, 0.0)
            if not p.is_country:
                sc += self.ADMIN1_VOTE * va.get((p.country, p.admin1_code), 0.0)
            if q is not None and p is not q and p.country == q.country and (q.is_country or p.admin1_code == q.admin1_code):
                sc += self.QUALIFIER
            if countries and p.country in countries:
                sc += self.FOCUS * (1.0 if p.country == countries[0] else 0.6)
            if towns and p.feature_class == "P" and p.latitude is not None and p.longitude is not None:
                # the article's other towns nearby: "Gainesville" beside Sherman, Texas
                near = sum(1 for lat, lon in towns if km_between(p.latitude, p.longitude, lat, lon) <= self.NEAR_KM)
                sc += self.NEAR * near / len(towns)
            return sc

        return max(enumerate(cands[i]), key=score)[1][0]


# the gap between two places of a list: "Washington, New York and Boston"
_LIST_GAP = re.compile(r",?\s*(?:and|or|&)\s+|,\s*")
# the gap between a demonym and the place it qualifies: "the English city of Salisbury"
_DEMONYM_OF = re.compile(r"\s+(?:(?:north|south|east|west|central)(?:ern|-?(?:east|west)ern)?\s+)?"
                         r"(?:city|town|village|capital|port|province|region|district|county|state|"
                         r"border town|border city|oil city|port city|market town|hamlet)\s+of\s+", re.I)


# names of features inside a town: streets, squares, buildings, parks and stations
LOCAL_FEATURE = re.compile(
    r"\b(?:Street|St|Avenue|Ave|Road|Rd|Drive|Boulevard|Blvd|Lane|Terrace|Square|Plaza|Park|Bridge|Airport|"
    r"Station|Stadium|Arena|Centre|Center|Hall|Church|Cathedral|Mosque|Temple|Synagogue|School|College|"
    r"University|Hospital|Castle|Tower|Market|Mall|Courthouse|Estate|Quarter|Library|Museum|Prison|Jail|"
    r"Hotel|Inn|Palace|Embassy|Barracks|Cemetery|Campus|Neighbourhood|Neighborhood)\.?$")


def containing_places(pairs: list[tuple[Toponym, Place | None]]) -> list[Place | None]:
    """The town holding each unresolved street, square, building or park of an article.

    A name the gazetteer does not know whose last word names a feature inside a town
    ("Frenchmen Street", "Rogers Centre", "Coffman Park") lies in the town named right after
    it ("Main Street in Columbia"), else the one the article names nearest before it, else
    the first after it: a populated place (GeoNames feature class P) or a second-level
    division. Rivers, seas and regions are never placed this way.

    Args:
        pairs: the article's toponyms with their places, in text order (``Pipeline.toponyms``).

    Returns:
        One entry per pair: the containing place, or None (resolved names, names of other
        shapes, and articles that name no town).
    """
    towns = [(t.start, p) for t, p in pairs
             if p is not None and (p.feature_class == "P" or p.is_admin2) and t.kind == "place"]
    out: list[Place | None] = []
    for t, p in pairs:
        if p is not None or not towns or not LOCAL_FEATURE.search(t.text):
            out.append(None)
            continue
        # the town named right after it ("Main Street in Columbia", "Baga Road, Maiduguri"),
        # else the nearest before it, else the first after it
        right_after = [tp for tp in towns if 0 <= tp[0] - t.end <= 5]
        before = [tp for tp in towns if tp[0] < t.start]
        out.append(right_after[0][1] if right_after else before[-1][1] if before else towns[0][1])
    return out
