"""Resolve toponyms to gazetteer places in the article's context.

Context: the article's countries (focus country first), the feature word beside the
name ("province" prefers a first-level division, "mountains" a terrain feature,
"village"/"town" a populated place), and population as the last tie-breaker. A
name that resolves to nothing keeps its text.
"""

from __future__ import annotations

from eventcoder.extract.places import Toponym
from eventcoder.resolve.gazetteer import Gazetteer, Place
from eventcoder.resolve.gazetteer.names import fold, strip_feature_word

_ADMIN_WORDS = {"province", "state", "region", "governorate", "department", "oblast", "prefecture", "division"}
_LOCAL_ADMIN = {"district", "county", "territory", "municipality", "lga", "upazila", "tehsil", "commune"}
_TERRAIN_WORDS = {"mountains", "valley", "desert", "forest", "lake", "island", "islands", "wadi"}
_TOWN_WORDS = {"village", "villages", "town", "city", "hamlet", "locality", "settlement", "market town",
               "border town", "capital", "neighbourhood", "neighborhood", "commune"}
_BIG_CITY = 1_000_000



class PlaceResolver:
    """Resolve toponyms with a ``Gazetteer`` (or without one: nothing resolves)."""

    def __init__(self, gazetteer: Gazetteer | None, overlay: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer
        self.overlay = overlay

    def candidates(self, name: str) -> list[Place]:
        """Places for a name, trying it with and without a trailing feature word.

        The user's own places (``overlay``) have priority: when they know the name, the
        main gazetteer is not consulted.
        """
        for gaz in (self.overlay, self.gazetteer):
            if gaz is None:
                continue
            seen: dict[tuple, Place] = {}
            for variant in (name, strip_feature_word(name)):
                if not variant:
                    continue
                for p in gaz.lookup(variant):
                    seen.setdefault((p.geonameid, p.name, p.feature_code, p.country), p)
            if seen:
                return list(seen.values())
        return []

    def resolve(self, top: Toponym, countries: list[str],
                admin1s: set[tuple[str, str | None]] | frozenset = frozenset()) -> Place | None:
        """The best place for a toponym given the article's countries (focus first).

        Countries (PCL*) resolve anywhere; other places only inside the article's
        countries, except cities of a million people or more. Unknown names are
        tried by consonant skeleton inside the focus country (Hamreen -> Hamrin).
        """
        if self.gazetteer is None and self.overlay is None:
            return None
        cands = self.candidates(top.text)
        feat = (top.feature or "").lower()
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
        allowed = [p for p in cands if p.country in countries] if countries else list(cands)
        if not allowed and not countries:
            allowed = [p for p in cands if p.is_country or (p.population or 0) >= _BIG_CITY]
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
            return (cls, in_admin, -rank, p.population or 0)

        return max(allowed, key=score)
