"""Which countries an article is about, and whether it reads as another frame (sport, business, history)."""

from __future__ import annotations

import re

from eventcoder.assemble.mentions import border_reference
from eventcoder.assemble.records import SentenceInfo
from eventcoder.clean import dateline_end
from eventcoder.models import Article
from eventcoder.nlp import Sentence
from eventcoder.resolve.actors import ACTS_AFTER
from eventcoder.resolve.gazetteer.names import fold
from eventcoder.resources import Resources

PART_OF_NAME_BEFORE = re.compile(r"\b(?:Lake|River|Gulf|Sea|Mount|Basin|of the|New|North|South|East|West|"
                                 r"(?:Gulf|Bay|Sea|Strait|Straits|Lake|River) of)\s+$")

PART_OF_NAME_AFTER = re.compile(r"^\s+(?:Basin|River|Lake|Sea|Ocean|Liberation|People's|Peoples|Democratic Forces|Workers|"
                                # a division named like a country: "Niger State" (Nigeria),
                                # "Mexico State", "Lebanon County"
                                r"State|Province|County|Governorate|Region|Department|District|"
                                # a country's diplomats or spokesmen speak of events elsewhere: "the US
                                # embassy in Baghdad condemned it", "the US military said"
                                r"(?:embassy|consulate|ambassador|envoy|diplomats?|State Department)\b|"
                                r"(?:\w+\s+)?(?:said|says|spokesman|spokeswoman|statement)\b)")

# a word that is a demonym and a surname: after a first name, before a comma or a verb of saying
SURNAME_BEFORE = re.compile(r"(?:^|[.,;:]\s+|\b(?:said|says|told|by|and|with)\s+)[A-Z][a-z]{2,}\s+$")
SURNAME_AFTER = re.compile(r"^(?:,|\s+(?:said|says|told|tweeted|wrote|added)\b|['’]s\s)")

# arms or forces after a demonym ("Russian missiles", "Israeli warplanes", "Turkish troops"), a
# model's name or a kind between them ("a Russian Shahed drone", "Russian Kh-101 cruise missiles")
_ARMS_AFTER = re.compile(
    r"\s+(?:[A-Za-z0-9-]+\s+){0,2}?(?:missiles?|rockets?|drones?|jets?|warplanes?|aircraft|planes?|helicopters?|artillery|"
    r"shells?|shelling|strikes?|air ?strikes?|airstrikes?|troops|forces|soldiers|army|military|navy|tanks?|"
    r"bombers?|gunships?|bombardment|bombs?|raids?|occupiers|occupying forces|occupation forces|invaders|"
    r"Armed Forces)\b")


# a country or division named as what a place is beside ("a border town near the Gaza Strip"); with
# its article ("near Donetsk" may be the city)
NEAR_DIVISION = re.compile(r"\b(?:near|close to|bordering|borders?|outside|next to)\s+the\s+$", re.I)


def frame_irrelevant(text: str, res: Resources) -> bool:
    """Whether the article reads as sports, business, film or history rather than news of violence
    (at least ``frame_min`` distinct words of one frame)."""
    low = text.casefold()
    best = 0
    for pattern in res.frame_patterns.values():
        best = max(best, len({m.group(0) for m in pattern.finditer(low)}))
    return best >= res.frame_min

# What kills in a natural disaster or an accident, named as the news of an article's lead.
_DISASTER = re.compile(
    r"\b(?:earthquakes?|quakes?|tremors?|floods?|flooding|flash floods|landslides?|mudslides?|cyclones?|typhoons?|"
    r"hurricanes?|tornado(?:es)?|tsunamis?|avalanches?|wildfires?|bushfires?|forest fires?|stampedes?|heatwaves?|"
    r"(?:road|bus|train|plane|boat|car|air) (?:crash|accident)|capsized|building collapse|mine collapse)\b", re.I)


def disaster_report(lead: str, infos: list[SentenceInfo]) -> bool:
    """Whether the article reports a natural disaster or an accident and names no armed group
    or gunmen (state forces come to the rescue): its deaths are not ACLED events."""
    from eventcoder.resolve.actors import GROUP, UNIDENTIFIED

    return bool(_DISASTER.search(lead)) and not any(a.kind in (GROUP, UNIDENTIFIED) for info in infos for a in info.actors)


# A court's verdict or a trial as the news of an article's lead ("Thirty men were sentenced on
# Saturday ... for planning a suicide bombing"): the attack it names is old or never happened.
_COURT_LEAD = re.compile(
    r"\b(?:(?:was|were|has been|have been) (?:sentenced|convicted|acquitted|jailed|found guilty|indicted)|"
    # (any words between: "sentenced two jihadists described as “dangerous” to death")
    r"(?:sentenced|convicted|acquitted|jailed)\s+(?:\S+\s+){0,6}?(?:to|for|of|over|in)\b|"
    r"went on trial|stood trial|goes on trial|trial (?:of|opened|began|resumed)|"
    # an appeal's ruling: "upheld a life sentence", "upholds 33-year sentence", "dismissed an appeal"
    r"(?:upheld|upholds|confirmed|confirms|overturned|overturns|quashed|quashes) (?:\S+ ){0,4}?"
    r"(?:sentences?|verdicts?|convictions?|acquittals?)|dismissed (?:an|the|their|his|her) appeal)", re.I)
_COURT_WORDS = re.compile(
    r"\b(?:sentenced|sentences?|court|judge|jury|verdict|trial|defendants?|convicted|conviction|acquitted|"
    r"prosecutors?|prosecution|in absentia|life in prison|years in prison|life terms?|appeal|lawyers?|testified|"
    r"guilty|charges|hearing|jailed)\b", re.I)


# History as the news of an article's lead or title ("Twenty years ago, the first war ... ended");
# an anniversary is not enough: a march marking one can turn into a riot
_HISTORY_LEAD = re.compile(r"^\W*(?:(?:\w+|\d+)[ -](?:years?|decades?) ago|decades ago|on this day in)\b", re.I)


def history_report(lead: str, title: str | None) -> bool:
    """Whether the article tells history (its lead or title opens with "Twenty years ago", "On
    this day in"): ACLED codes no event from it (FORMAT.md, "What is an event")."""
    return bool(_HISTORY_LEAD.search(lead) or (title and _HISTORY_LEAD.search(title)))


def court_report(lead: str, body: str, title: str = "") -> bool:
    """Whether the article reports a verdict or a trial (its lead or its title) and reads as one
    (four or more distinct court words in its body): the attacks it names are the case's, not
    news events."""
    if not (_COURT_LEAD.search(lead) or _COURT_LEAD.search(title)):
        return False
    return len({m.group(0).casefold() for m in _COURT_WORDS.finditer(body)}) >= 4


# a title before a name ("Father Israel Mensah", "Pastor Chad Okoro")
_PERSON_TITLE_BEFORE = re.compile(r"\b(?:Father|Fr\.|Pastor|Rev\.?|Reverend|Imam|Sheikh|Bishop|Brother|Sister|Mr\.?|Mrs\.?|"
                                  r"Ms\.?|Dr\.?|Chief|Alhaji|Mallam)\s+$")
# a capitalised word after a country's name and then a comma or a small word: a surname
# ("Israel Mensah, a priest", "Jordan Peters said"), unless it names a body ("Pakistan Army said")
_SURNAME_NEXT = re.compile(r"\s+[A-Z][a-z]+(?=,|\s+(?:said|says|told|was|is|who|has|had|in|on|at|and)\b)")
_NAME_OF_BODY = re.compile(r"\s+(?:Army|Police|Navy|Air|Airways|Airlines|Tribune|Times|Post|Herald|Television|Radio|News|"
                           r"Government|Ministry|Embassy|Republic|Federation|Union|National|People|Party|Front|Forces?|"
                           r"Guard|Rangers|Border|Coast|Today|Daily|Observer|Mirror|Express|Gazette|Agency|Press|"
                           r"Broadcasting|Council|Assembly|Parliament|Senate|Congress|Customs|Prisons?|Railways?|Telecom|"
                           r"Football|Cricket|Olympic|Bank|Power|Petroleum|Oil|Gas|Mining|Electricity|Water|Health|"
                           r"Standard|Monitor|Guardian|Insider|Online|Voice|Star|Sun|Nation|Weekly|Review)\b")
# a demonym that is a given name: a capitalised word and a comma or a verb of speech after it
# ("Saudi Satapor, a suspected commander", "Afghan Khan said")
_GIVEN_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+(?:,\s+(?:a|an|the|who)\b|\s+(?:said|says|told|was|is|who|has|had)\b)")


# a town of this many people (GeoNames population), named in the body, outweighs a dateline
# that is the only country named
ABROAD_TOWN = 50_000


def article_countries(article: Article, body: list[Sentence], infos: list[SentenceInfo], res: Resources,
                      weak_ok: bool = True) -> list[str]:
    """The article's countries, focus first: country names and demonyms counted in the body,
    the dateline's country, and the countries of places resolved in candidate sentences.
    With ``weak_ok=False`` an article that names no country or division gives [] rather
    than the countries of its town names alone."""
    counts: dict[str, float] = {}
    weak_arms: dict[str, float] = {}
    # (the dateline's own names count once, below, as the dateline: "NAIROBI, Kenya —")
    lead_cut = dateline_end(body[0].text) if body and (article.dateline_country or article.dateline_city) else 0
    text = " ".join([body[0].text[lead_cut:]] + [s.text for s in body[1:]]) if body else ""
    dateline_only: set[str] = set()
    for m in res.country_pattern.finditer(text):
        before = PART_OF_NAME_BEFORE.search(text[max(0, m.start() - 12):m.start()])
        if (before and not (before.group(0).startswith("of the") and res.actors.is_demonym(m.group(0)))) \
                or PART_OF_NAME_AFTER.match(text[m.end():]):
            continue  # "Republic of the Congo", "Lake Victoria"; not "the genocide of the Ukrainian people"
        if m.group(0) == "Ireland" and text[max(0, m.start() - 9):m.start()] == "Northern ":
            continue  # Northern Ireland is in the United Kingdom
        if SURNAME_BEFORE.search(text[max(0, m.start() - 30):m.start()]) and SURNAME_AFTER.match(text[m.end():]):
            continue  # "Antonio French, a St. Louis alderman": a person's surname
        if _GIVEN_NAME_AFTER.match(text, m.end()) and res.actors.is_demonym(m.group(0)):
            continue  # "Saudi Satapor, a suspected commander": a person's given name
        if not res.actors.is_demonym(m.group(0)) and (
                _PERSON_TITLE_BEFORE.search(text[max(0, m.start() - 12):m.start()])
                or (_SURNAME_NEXT.match(text, m.end()) and not _NAME_OF_BODY.match(text, m.end()))):
            continue  # "Father Israel Mensah", "activist Jordan Peters said": a person's given name
        if border_reference(text, m.start(), m.end()) or NEAR_DIVISION.search(text[max(0, m.start() - 25):m.start()]):
            continue  # "near the Afghan border", "bordering Venezuela", "near the Gaza Strip": where it is not
        iso = res.actors.country_of_demonym(m.group(0))
        if iso and ((_ARMS_AFTER.match(text, m.end()) and res.actors.is_demonym(m.group(0)))
                    or (not res.actors.is_demonym(m.group(0)) and ACTS_AFTER.match(text[m.end():m.end() + 40]))):
            # "Russian missiles struck Kharkiv", "Russia targeted Kharkiv": whose arms, not
            # where; as weak as a town name
            weak_arms[iso] = weak_arms.get(iso, 0) + 0.5
        elif iso:
            counts[iso] = counts.get(iso, 0) + 1.0
    named = set(counts)
    if article.dateline_country:
        iso = res.actors.country_of_demonym(article.dateline_country)
        if iso:
            counts[iso] = counts.get(iso, 0) + 2.0
            dateline_only.add(iso)
    if article.dateline_city:
        # a dateline city ("OUAGADOUGOU, March 9 —"): where the report was filed, a weaker
        # sign than a country named, and only for a capital or a city of 100,000
        city = _dateline_city(article.dateline_city, res)
        if city is not None:
            counts[city] = counts.get(city, 0) + 1.0
            dateline_only.add(city)
    dateline_only -= named
    weak: dict[str, float] = {}
    towns: dict[str, float] = {}  # of the weak: towns of some size, by their own name
    for info in infos:
        for _top, place in info.toponyms:
            if place is not None and place.is_admin1:
                counts[place.country] = counts.get(place.country, 0) + 1.0
            elif place is not None and not place.is_country and place.feature_code != "PPLC" and any(
                    c.is_admin1 and c.country == place.country for c in res.places.candidates(_top.text)):
                # a town named like its province ("Narathiwat", "Yala"): as strong as the province
                # (not a capital: "NAIROBI -" is where a report on Somalia was filed)
                counts[place.country] = counts.get(place.country, 0) + 1.0
            elif place is not None and not place.is_country:
                weak[place.country] = weak.get(place.country, 0) + 0.5
                if fold(place.name) == fold(_top.text) and (place.population or 0) >= ABROAD_TOWN:
                    towns[place.country] = towns.get(place.country, 0) + 0.5
    if not counts:
        # no country or division named: towns whose names only one country has
        for iso, v in weak_arms.items():
            weak[iso] = weak.get(iso, 0) + v
        if not weak_ok:
            return []
        counts = weak
    elif set(counts) <= dateline_only and any(c not in counts for c in towns) and not (
            article.title and res.country_pattern.search(article.title)):
        # only the dateline names a country, and the body's towns (of ``ABROAD_TOWN`` people,
        # by their own name) lie in another ("NAIROBI, Kenya — ... attacked a military base in
        # Baidoa"): the report was filed abroad; the towns' countries come first
        ranked = [c for c, _ in sorted(towns.items(), key=lambda kv: -kv[1])]
        return ranked + [c for c, _ in sorted(counts.items(), key=lambda kv: -kv[1]) if c not in towns]
    else:
        # whose arms say little of where once a country or division is named: however often
        # "Ukrainian Armed Forces" shell a village "in the Belgorod region", half a name at most
        for iso, v in weak_arms.items():
            counts[iso] = counts.get(iso, 0) + min(v, 0.5)
    if article.title:
        for m in res.country_pattern.finditer(article.title):
            iso = res.actors.country_of_demonym(m.group(0))
            if iso:
                counts[iso] = counts.get(iso, 0) + 1.0
    return [c for c, _ in sorted(counts.items(), key=lambda kv: -kv[1])]


def _dateline_city(name: str, res: Resources) -> str | None:
    """The country of a dateline's city when the name is a national capital or a city of
    100,000 people or more, and no other such place shares it (GeoNames PPLC, population)."""
    cands = [p for p in res.places.candidates(name)
             if p.feature_code == "PPLC" or (p.feature_class == "P" and (p.population or 0) >= 100_000)]
    countries = {p.country for p in cands}
    return countries.pop() if len(countries) == 1 else None
