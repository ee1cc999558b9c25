"""Toponyms in a sentence: spaCy's GPE/LOC/FAC entities plus patterns NER misses
("the village of Foubé", "in Diyala province", "near Boni"), and, for the `places`
command, names the gazetteer knows found without NER (``find_known_places``): short
forms and demonyms as written ("U.S.", "EU", "Turkish"), capitalised word sequences
that are known names (with particles: "Deir el-Zour", "Ras al-Ain"), and NER spans
trimmed to the place they begin with ("Granville County Fire Marshal" -> "Granville County").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from eventcoder.nlp import Entity

# a particle before the name: joined by a hyphen ("as-Sulaymaniyah"), or by a space only where
# it is no English word ("al Anbar"; never "an Anderson County", "at Aleppo")
_CAP = r"(?:(?:(?:al|el|ad|as|an|ar|at|ash|de|del|la|le|du|des|di)-)|(?:(?:al|el|ash|del|du|des) ))?" \
    r"[A-Z\u00C0-\u00DE][\w'’\u00C0-\u017F-]*"
# words joined by spaces (a hyphen is inside a word already: "Kano-Kano-..." must not be split
# in every possible way, which made the matcher's time explode on long hyphenated runs)
# (and "al", "el", "del", "du", "des" before a name are _CAP's own, never a word of their
# own here: "al Kano al Kano ..." must have one reading)
_NAME = _CAP + r"(?: (?:" + _CAP + r"|(?:de|la|wa|ya|do|da|dos|das|ad|ez|ed|ud|ul)\b(?=[ -][A-Z])))*"
_FEATURE_BEFORE = re.compile(
    r"\b(?P<f>village|villages|town|city|hamlet|locality|district|neighbou?rhoods?|districts|areas|area|region|province|state|county|"
    r"commune|settlement|camp|island|islands|market town|border town|capital|municipality|department|governorate|"
    r"sub-district|territory|valley|mountains|forest|centre|center|outskirts|heart|suburbs?|edge|"
    r"port(?:\s+(?:city|town))?)\s+of\s+(?P<n>" + _NAME + r")"
)
_FEATURE_AFTER = re.compile(
    # (the common division words capitalised too: "Zamfara State", "Kandahar Province")
    r"\b(?P<n>" + _NAME + r")\s+(?P<f>[Pp]rovince|[Ss]tate|region|urban district|municipal district|[Dd]istrict|raion|rayon|okrug|"
    r"[Gg]overnorate|county|department|[Oo]blast|"
    r"prefecture|division|territory|municipality|LGA|local government area|upazila|tehsil|mountains|valley|desert|"
    r"forest|lake|towns|villages|communities|town|village|city)\b"
)
# "of Kwarbaga community", "in Bakin Ladi community": a village named as a community (West
# African usage); only after a preposition, so "the Fulani community" is no place
_COMMUNITY = re.compile(r"\b(?:of|in|at|from|near)\s+(?P<n>" + _NAME + r")\s+(?P<f>community)\b")
# "In Shakhoora, a village west of the capital", "at Kabrike, a small farming town in": the
# name an appositive calls a village or town
_APPOSITIVE = re.compile(r"\b(?i:in|at|near|of|from|into)\s+(?P<n>" + _NAME + r"),\s+(?:a|an|the)\s+"
                         r"(?:[a-z-]+\s+){0,2}(?P<f>village|town|city|hamlet|settlement|locality|suburb|"
                         r"neighbou?rhood|district|area|market town|border town)\b")
_LIST_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
_FEATURE_LIST = re.compile(
    r"\b(?P<list>" + _LIST_NAME + r"(?:,\s+" + _LIST_NAME + r")*,?\s+(?:and|or)\s+" + _LIST_NAME + r")\s+"
    r"(?P<f>counties|parishes|provinces|states|districts|governorates|townships|municipalities)\b")
# "the villages of al Sakhr, al Arima, Bab al Taqa and Karakat": each name is a village
_PLACE_NAME = (r"(?:(?:al|el|ash|an|ad) )?[A-Z][\w'’-]+(?: (?:(?:al|el|ad|as|de|la|da|do|du|del|ash) )?[A-Z][\w'’-]+){0,2}")
_PLURAL_OF_LIST = re.compile(
    r"\b(?P<f>villages|towns|communities|localities|hamlets|settlements|neighbou?rhoods|cities) of\s+(?:the\s+)?"
    r"(?P<list>" + _PLACE_NAME + r"(?:,\s+" + _PLACE_NAME + r")*,?\s+(?:and|&)\s+" + _PLACE_NAME + r")")
_PLURAL_SINGULAR = {"villages": "village", "towns": "town", "communities": "community", "localities": "locality",
                    "hamlets": "hamlet", "settlements": "settlement", "neighborhoods": "neighborhood",
                    "neighbourhoods": "neighbourhood", "cities": "city"}
_SINGULAR = {"counties": "county", "parishes": "parish", "provinces": "province", "states": "state",
             "districts": "district", "governorates": "governorate", "townships": "township",
             "municipalities": "municipality"}
_PREP = re.compile(r"\b(?i:in|near|at|outside|around|from|into|on|towards|toward|between|and|struck|hit|shelled|"
                   r"bombed|attacked|reached|entered|captured|seized)\s+(?:the\s+|an?\s+)?"
                   # "in downtown Taiz", "in northern Kaduna"
                   r"(?:(?:downtown|central|(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?)\s+)?"
                   r"(?P<n>" + _NAME + r")")
# a place given by its distance ("25 kilometres (15 miles) from Gorgadji", "10 km north of
# Djibo"): a place even when no look-up knows it
_DISTANCE = re.compile(r"\b(?:kilometres?|kilometers?|kms?|miles?)\s+(?:\([^()]{1,30}\)\s+)?"
                       r"(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+)?(?:from|of|outside)\s+"
                       r"(?:the\s+)?(?:(?:town|city|village) of\s+)?(?P<n>" + _NAME + r")")
_NOT_PLACE_AFTER = re.compile(
    r"^\s*(?:said|says|told|announced|claimed|denied|has said|officials|government|authorities|launched|fired|"
    r"attacked|accused|has|had|have|is|was|were|will|would|sent|deployed|struck|shelled|bombed|army|forces|troops)\b"
)
# a place that suffered the act, in the passive ("Kyiv was struck by Russian missiles"): after
# the name, and the name a sentence opens with
_STRUCK = (r"\s+(?:was|were|has been|had been)\s+(?:\w+\s+)?(?:struck|hit|shelled|attacked|bombed|targeted|raided|"
           r"overrun|stormed|rocked|pounded|besieged)\b")
_STRUCK_AFTER = re.compile(r"^" + _STRUCK)
_STRUCK_SUBJECT = re.compile(r"^(?P<n>" + _NAME + r")(?=" + _STRUCK + r")")
_TIME_ZONE_AFTER = re.compile(r"^\s+(?:standard\s+|summer\s+|daylight\s+)?time\b", re.I)
_FAITHS = {"Sunni", "Shia", "Shiite", "Shi'ite", "Shi’ite", "Alawite", "Druze", "Coptic", "Muslim", "Christian",
           "Catholic", "Jewish", "Hindu", "Buddhist"}
_STOP = {"The", "A", "An", "On", "In", "At", "He", "She", "They", "It", "We", "I", "But", "And", "Police", "Army",
         "His", "Her", "Their", "Its", "This", "That", "These", "Those", "Troops", "Soldiers", "Government",
         "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
         "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
         "God", "Allah", "President", "Minister", "General", "Colonel", "Captain", "Major",
         # faiths and peoples named as adjectives ("in Sunni areas", "an Indigenous community")
         "Sunni", "Shia", "Shiite", "Shi'ite", "Shi’ite", "Alawite", "Druze", "Coptic", "Muslim", "Christian",
         "Catholic", "Jewish", "Hindu", "Buddhist",
         "Indigenous", "Western", "Eastern", "Northern", "Southern",
         # states that are no more, named as adjectives ("the ex-Soviet state of Georgia")
         "Soviet", "Ex-Soviet", "Yugoslav", "Ottoman",
         # counts opening a sentence ("Three village residents were killed"): never a name
         "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Several", "Many", "Some",
         "Dozens", "Hundreds", "Thousands", "Both", "Other", "Few"}


@dataclass(frozen=True)
class Toponym:
    """A place name in the text (offsets into the article text) and the feature word beside it.

    ``kind`` is ``"place"``, ``"adjectival"`` (a demonym or adjective standing for the place:
    "Turkish troops") or ``"metonym"`` (a capital or country standing for its government:
    "Moscow said"); ``label`` is the spaCy entity label when NER found it.
    """

    text: str
    start: int
    end: int
    feature: str | None = None
    near: bool = False
    source: str = "ner"
    moving: bool = False
    kind: str = "place"
    label: str | None = None


_NEAR = re.compile(r"(?:\bnear|\boutside|\boutskirts of|\bclose to|\baround|\bkilometres? (?:\w+ )?(?:of|from)|"
                   r"\bkm (?:\w+ )?(?:of|from)|\bmiles? (?:\w+ )?(?:of|from)|\bnorth of|\bsouth of|\beast of|\bwest of|"
                   r"\bnorth-?east of|\bnorth-?west of|\bsouth-?east of|\bsouth-?west of|\bedge of|\bbetween)\s+(?:the\s+)?(?:town of\s+|city of\s+|village of\s+|(?:\w+\s+)?capital,?\s+)?$", re.I)


_TERRAIN = {"mountains", "valley", "desert", "forest", "lake"}
_MOVING = re.compile(r"\b(?:(?:towards?|fled (?:to|into)|escaped (?:to|into)|retreated (?:to|into)|"
                     r"withdrew (?:to|into)|headed (?:to|for)|on (?:its|their|his|her) way to)\s+(?:the\s+)?"
                     r"(?:(?:[\w-]+\s+)?(?:city|town|village)\s+of\s+)?|"
                     r"from\s+(?:the\s+)?)$", re.I)


_BARE_COMPASS = {"west", "east", "north", "south", "occident", "orient"}
# ... unless a division word follows: Cameroon's "North region", Lebanon's "South governorate"
_DIVISION_AFTER = re.compile(r"\s+(?:region|province|governorate|state|department|district)\b", re.I)
# names spaCy's small model sometimes calls places
_NEVER_PLACES = {"Quran", "Koran", "Qur'an", "Qur’an", "Bible", "Torah", "Allah", "God", "Brgy", "Bgy", "Barangay",
                 "Sitio", "Purok"}


# "a residential district of Kharkiv", "an industrial area of Aden": a part of a town
_PART_OF_TOWN = re.compile(r"\b(?:a|an|residential|industrial|commercial|business|busy|crowded|densely populated|"
                           r"poor|upscale)\s+$", re.I)
# a federation's name before "state of" ("the US state of Georgia"): its state, not a country
_FEDERATION_BEFORE = re.compile(r"\b(?:US|U\.S\.|American|United States|Mexican|Indian|Nigerian|Brazilian|"
                                r"Australian|German|Malaysian|Venezuelan|Sudanese)\s+$")
# "<Country> state of <Name>": the feature word belongs to the name after "of"
_COUNTRY_QUALIFIER = re.compile(r"\s+of\s+[A-Z]")


@lru_cache(maxsize=4096)
def _is_country_name(name: str) -> bool:
    """Whether a name is a country's (ISO 3166-1 names in pycountry, fuzzy forms left out)."""
    import pycountry

    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


def _clean_name(name: str) -> str:
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    name = re.sub(r"(?:'s|’s)$", "", name)
    # a faith or people named before the place ("Shi'ite Iran", "Sunni Anbar"): the place
    words = name.split()
    while len(words) > 1 and words[0] in _FAITHS:
        words = words[1:]
    name = " ".join(words).strip(" ,;:")
    # a Philippine barangay or sitio word before its name ("Brgy. Panuran", "Sitio Cambaga")
    name = re.sub(r"^(?:Brgy\.?|Bgy\.?|Barangay|Sitio|Purok)\s+(?=[A-Z])", "", name)
    # a preposition NER ran on into ("the Sahel on Sunday" gave "Sahel on")
    name = re.sub(r"(?:\s+(?:on|in|at|of|to|from|for|with|by|and|or|the))+$", "", name)
    # a final full stop goes, unless it closes initials ("U.S.", "D.C.")
    return name if re.search(r"(?:\b[A-Z]\.){2,}$", name) else name.strip(" ,.;:")


# the Arabic article joined to a name ("al-Kararim", "el-Arish", "ash-Shuwayrif")
_ARTICLE = r"(?:al|el|ad|as|ash|an|ar|at|az)-"
# a name led by it, as lists of villages write them
_PARTICLE_NAME = re.compile(_ARTICLE + r"[A-Z]")
# such a name after a list's comma ("at Saddada, al-Shuwayrif, and al-Kararim"), which no
# preposition introduces
_LISTED_PARTICLE = re.compile(r"(?<=,\s)(?P<n>" + _ARTICLE + r"[A-Z][\w'’-]+)(?=,|\s+and\b|\s+in\b|[.;]|$)")
# a possessive between two names: "Khyber Pakhtunkhwa's Lakki Marwat", "Philippines' Malaybalay"
_POSSESSIVE = re.compile(r"['’]s (?=\S)|(?<=s)['’] (?=[A-Z])")


# words that make a longer country's or region's name with a country's ("South Sudan",
# "Papua New Guinea", "Western Sahara") rather than a town before it
_NOT_TOWN_BEFORE_COUNTRY = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
                            "New", "Upper", "Lower", "Greater", "Equatorial", "Democratic", "Republic", "Federal",
                            "Islamic", "Arab", "United", "Occupied", "Free", "Old", "Little", "Great", "of", "the", "and"}


def _country_after_town(name: str) -> int | None:
    """The word index where a country's name follows a town's in one name ("Kampala Uganda"
    gives 1), or None ("South Sudan", "Papua New Guinea" and other country names; never a
    country's code: "Region - At" is no Austria)."""
    words = name.split(" ")
    if not 2 <= len(words) <= 4 or _is_country_name(name):
        return None
    return next((k for k in range(len(words) - 1, 0, -1)
                 if words[k - 1] not in _NOT_TOWN_BEFORE_COUNTRY and words[k - 1][:1].isupper()
                 and len(" ".join(words[k:])) > 3 and _is_country_name(" ".join(words[k:]))), None)


# the capitalised words after a name NER cut at "of" / "of the" (before a possessive)
_NAME_RUNS_ON = re.compile(r"\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?=[’']s\b|[^\w’']|$)")


def find_toponyms(text: str, offset: int, entities: list[Entity]) -> list[Toponym]:
    """Toponyms in one sentence, longest first where they overlap, in text order.

    Args:
        text: the sentence.
        offset: the sentence's start in the article text.
        entities: spaCy entities of the sentence (offsets into the article text).
    """
    found: list[Toponym] = []
    for ent in entities:
        if ent.label not in ("GPE", "LOC", "FAC"):
            continue
        s, e = ent.start - offset, ent.end - offset
        # (not "the City of| Richmond's": the town is the place)
        ran = _NAME_RUNS_ON.match(text, e) if re.search(r"\s(?:of|of the)$", text[s:e]) \
            and re.sub(r"^(?:the|The)\s+", "", text[s:e]).split(" ")[0].casefold() not in _FEATURE_HEADS else None
        if ran:
            e = ran.end()  # NER stopped short of a name's end: "the Democratic Republic of the| Congo’s"
        if _TIME_ZONE_AFTER.match(text[e:]):
            continue  # "2 p.m. Moscow time": a time zone
        if _NOT_PLACE_AFTER.match(text[e:]) and ent.label == "GPE" and not re.search(r"\b(?:in|near|at|of|from|to)\s+(?:the\s+)?$", text[:s]) \
                and not _STRUCK_AFTER.match(text[e:]):
            continue
        name = _clean_name(text[s:e])
        bare_compass = name.casefold() in _BARE_COMPASS and not _DIVISION_AFTER.match(text[e:])
        if not name or bare_compass or not (name[0].isupper() or name[0].isdigit()) or name in _NEVER_PLACES:
            continue  # "support from the West": the West is no place; nor NER's "mosques" or "Quran"
        if "\n" in text[s:e]:
            # an entity across a line break joins two lines ("Europe" / "Kosovo police clash"):
            # the name on the last line only
            cut = text.rfind("\n", s, e) + 1
            name = _clean_name(text[cut:e])
            s = cut
            if not name or not name[0].isupper():
                continue
        if ", " in name and ent.label in ("GPE", "LOC"):
            # "Enugu, Nigeria" read as one entity: the town, then the country or division (or
            # two places of a list: "at Saddada, Shuwayrif and ...")
            head, tail = name.split(", ", 1)
            hs = text.find(head, s)
            found.append(Toponym(head, offset + hs, offset + hs + len(head), None, False, "ner", label=ent.label))
            s = text.find(tail, hs + len(head))
            name = tail
        words = name.split(" ")
        town_end = _country_after_town(name) if ent.label == "GPE" else None
        if town_end is not None:
            # "Police in Kampala Uganda on Monday": a town and its country run together
            head = " ".join(words[:town_end])
            hs = text.find(head, s)
            found.append(Toponym(head, offset + hs, offset + hs + len(head), None, False, "ner", label=ent.label))
            s = text.find(words[town_end], hs + len(head))
            name = " ".join(words[town_end:])
        owner = _POSSESSIVE.search(name)
        if owner:
            # "Khyber Pakhtunkhwa's Lakki Marwat", "southern Philippines' Malaybalay City": two
            # places, the second inside the first
            head, tail = name[:owner.start()], name[owner.end():]
            hs = text.find(head, s)
            found.append(Toponym(head, offset + hs, offset + hs + len(head), None, False, "ner"))
            s = text.find(tail, hs + len(head))
            name = tail
        s = s + text[s:e].find(name) if text[s:e].find(name) >= 0 else s
        feat = None
        m = re.match(r"\s+(province|state|region|district|governorate|county|department|oblast|mountains|valley|desert|"
                     r"forest|lake)\b", text[s + len(name):], re.I)
        if m and _COUNTRY_QUALIFIER.match(text[s + len(name) + m.end():]) and _is_country_name(name):
            m = None  # "the central Mexico state of Guanajuato": the word is the next name's
        if m:
            feat = m.group(1).lower()
            if feat in ("mountains", "valley", "desert", "forest", "lake"):
                name = text[s:s + len(name) + m.end()]
        found.append(Toponym(name, offset + s, offset + s + len(name), feat,
                             bool(_NEAR.search(text[:s])), "ner", label=ent.label))
    for pat in (_FEATURE_BEFORE, _FEATURE_AFTER, _COMMUNITY, _APPOSITIVE, _DISTANCE, _PREP, _STRUCK_SUBJECT,
                _LISTED_PARTICLE):
        for m in pat.finditer(text):
            name = _clean_name(m.group("n"))
            town_end = _country_after_town(name) if pat is _PREP else None
            if town_end is not None:
                name = " ".join(name.split(" ")[:town_end])  # "in Kampala Uganda": the town
            owner = _POSSESSIVE.search(name) if pat is _PREP else None
            if owner:
                name = name[owner.end():]  # "in southern Philippines' Malaybalay City": the town
            if not name or name.split()[0] in _STOP or (
                    name.casefold() in _BARE_COMPASS and not _DIVISION_AFTER.match(text[m.end("n"):])):
                continue
            s = m.start("n") + m.group("n").find(name)
            feat = m.groupdict().get("f")
            if pat is _FEATURE_AFTER and _COUNTRY_QUALIFIER.match(text[m.end():]) and _is_country_name(name):
                continue  # "the central Mexico state of Guanajuato": the word is the next name's
            if pat is _FEATURE_AFTER and feat and feat[:1].isupper() and re.match(r"\s+[A-Z]", text[m.end():]):
                continue  # "the Zamfara State Police Command", "Kaduna State Government": a body
            if pat is _FEATURE_BEFORE and feat and feat.lower() == "state" and _is_country_name(name) \
                    and not _FEDERATION_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
                feat = None  # "the ex-Soviet state of Georgia", "the Gulf state of Qatar": the country
            if pat is _FEATURE_BEFORE and feat and feat.lower() in ("neighbourhoods", "neighborhoods", "districts", "areas"):
                feat = None  # "several neighborhoods of El-Fasher": parts of the city, which is the place
            if pat is _FEATURE_BEFORE and feat and feat.lower() in ("district", "area", "region") \
                    and _PART_OF_TOWN.search(text[max(0, m.start() - 20):m.start()]):
                feat = None  # "a residential district of Kharkiv": a part of the city, not a division
            if pat is _FEATURE_AFTER and feat and feat.lower() in _TERRAIN:
                name = text[s:m.end("f")]  # "Hamreen mountains": the feature word is part of the name
            found.append(Toponym(name, offset + s, offset + s + len(name), feat.lower() if feat else None,
                                 pat is _DISTANCE or bool(_NEAR.search(text[:m.start("n")]))
                                 or bool(_NEAR.search(text[:m.start()])),
                                 "prep" if pat in (_PREP, _LISTED_PARTICLE) else "pattern"))
    for m in _FEATURE_LIST.finditer(text):
        # "Walton and Oconee counties": each name is a county
        feat = _SINGULAR[m.group("f")]
        for n in re.finditer(_LIST_NAME, m.group("list")):
            if n.group(0).split()[0] in _STOP:
                continue
            s = m.start("list") + n.start()
            found.append(Toponym(n.group(0), offset + s, offset + s + len(n.group(0)), feat, False, "pattern"))
    for m in _PLURAL_OF_LIST.finditer(text):
        feat = _PLURAL_SINGULAR[m.group("f").lower()]
        for n in re.finditer(_PLACE_NAME, m.group("list")):
            if n.group(0).split()[0] in _STOP:
                continue
            s = m.start("list") + n.start()
            # (it replaces the same name found after a preposition, which must be a known place)
            found = [t for t in found if not (t.source == "prep" and t.start == offset + s)]
            if not any(t.start <= offset + s < t.end for t in found):
                found.append(Toponym(n.group(0), offset + s, offset + s + len(n.group(0)), feat, False, "pattern"))
    split: list[Toponym] = []
    for t in found:
        parts = re.split(r"(?:'s |’s )", t.text, maxsplit=1)
        if len(parts) == 2 and parts[0] and parts[1]:
            split.append(Toponym(parts[0], t.start, t.start + len(parts[0]), None, False, t.source, label=t.label))
            tail_start = t.end - len(parts[1])
            split.append(Toponym(parts[1], tail_start, t.end, t.feature, t.near, t.source, label=t.label))
        else:
            split.append(t)
    found = [Toponym(t.text, t.start, t.end, t.feature, t.near, t.source,
                     bool(_MOVING.search(text[:t.start - offset])), label=t.label)
             for t in split if not _MODEL_CODE.match(t.text)]
    found.sort(key=lambda t: (t.start, -(t.end - t.start), {"ner": 0, "pattern": 1}.get(t.source, 2)))
    out: list[Toponym] = []
    for t in found:
        if out and t.start < out[-1].end:
            prev = out[-1]
            if t.feature and not prev.feature and t.start == prev.start:
                out[-1] = replace(prev, feature=t.feature, near=prev.near or t.near)
            continue
        out.append(t)
    # "near Ge Laung and Lone Kauk villages": the plural feature word names each place of the list
    for k in range(len(out) - 1, 0, -1):
        t = out[k]
        if t.feature in ("villages", "towns", "communities"):
            singular = {"villages": "village", "towns": "town", "communities": "community"}[t.feature]
            out[k] = replace(t, feature=singular)
            j = k
            while j > 0 and re.fullmatch(r"\s*(?:,|,?\s+and)\s+", text[out[j - 1].end - offset:out[j].start - offset]):
                prev = out[j - 1]
                out[j - 1] = Toponym(prev.text, prev.start, prev.end, singular, prev.near, "pattern", prev.moving)
                j -= 1
    # the rest of a list of places ("in Guayaquil, Quito, Ambato and Cuenca"): each name
    # joined by a comma or "and" to a place found before it
    i = 0
    while i < len(out):
        t = out[i]
        m = _LIST_NEXT.match(text, t.end - offset)
        if m and m.group("n").split()[0] not in _STOP and not any(
                x.start < offset + m.end("n") and offset + m.start("n") < x.end for x in out):
            nt = Toponym(m.group("n"), offset + m.start("n"), offset + m.end("n"), None, t.near, "prep", t.moving)
            out.insert(i + 1, nt)
        i += 1
    # and its head, when NER took it for something else ("cities including Rotterdam,
    # Amsterdam and Den Bosch"): a name after a locative word and before a comma and a place
    heads: list[Toponym] = []
    for t in out:
        m = _LIST_HEAD.search(text, max(0, t.start - offset - 80), t.start - offset)
        if m and m.group("n").split()[0] not in _STOP and not any(
                x.start < offset + m.end("n") and offset + m.start("n") < x.end for x in out + heads):
            heads.append(Toponym(m.group("n"), offset + m.start("n"), offset + m.end("n"), None, t.near, "prep",
                                 t.moving))
    if heads:
        out = sorted(out + heads, key=lambda t: t.start)
    # an Arabic name by its article in a list after a place ("at Saddada, al-Shuwayrif, and
    # al-Kararim"): a place even when no gazetteer knows it
    for i in range(1, len(out)):
        t, prev = out[i], out[i - 1]
        if t.source == "prep" and _PARTICLE_NAME.match(t.text) \
                and text[prev.end - offset:t.start - offset] in (", ", " and ", ", and "):
            out[i] = replace(t, source="pattern")
    return out


_LIST_HEAD = re.compile(r"\b(?:in|including|such as|like|at|near)\s+(?:the\s+)?(?:(?:cities|towns|villages) of\s+)?"
                        r"(?P<n>" + _NAME + r"),\s+$")
_LIST_NEXT = re.compile(r"(?:,\s+|,?\s+and\s+)(?P<n>" + _NAME + r")(?=\s*(?:,|\s+and\b|\s+(?:on|in|at|as|where|when|after|before|were|was)\b|[.;:]|$))")


# --------------------------------------------------------------------------- known names
_PARTICLE = r"(?:al|el|ad|ag|an|ar|as|at|ash|az|ed|er|es|et|ul|bin|ibn|abu|bani|beni|de|del|der|des|di|da|do|dos|du|la|le|les|los|las|van|von|upon|on|of|sur|en)"
_WORD = r"(?:[A-Z\u00C0-\u00DE][\w\u00C0-\u017F'’]*\.?|[A-Z]{2,}|" + _PARTICLE + r"-[A-Z\u00C0-\u00DE][\w\u00C0-\u017F'’]*)"
_SEQ = re.compile(r"(?<![\w-])" + _WORD + r"(?:(?:[ -]|-" + _PARTICLE + r"-| " + _PARTICLE + r" | " + _PARTICLE + r"-)"
                  + _WORD + r")*")
_TOKEN = re.compile(r"[^\s-]+(?:-" + _PARTICLE + r"-[^\s-]+)?|-")
_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|from|to|into|outside|across|around|toward|towards|through|of|"
                       r"throughout|within|visited|visiting)\s+(?:the\s+)?(?:city of\s+|town of\s+)?"
                       # a compass word between ("of eastern Ghouta", "in southern Kordofan")
                       r"(?:(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+)?)$", re.I)
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|President|Sen|Senator|Gov|Governor|Rep|Judge|Justice|Mayor|"
                           r"Gen|Col|Capt|Sgt|Lt|Officer|Coach|Pastor|Rev|St|Saint|Prince|Princess|King|Queen|"
                           r"Lord|Lady|Sir|Pope|Bishop|Father|Brother|Sister|Uncle|Aunt)\.?\s+$")
_COMPASS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "northeast",
            "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "middle",
            "upper", "lower", "northeastern", "northwestern", "southeastern", "southwestern", "midwest"}
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "christmas",
             "easter"}
_NOT_PLACE_WORD = {"the", "a", "an", "i", "mr", "mrs", "ms", "dr", "st", "mt", "he", "she", "it", "we", "they",
                   "as", "at", "in", "on", "of", "to", "by", "or", "if", "so", "no", "and", "but", "for", "with",
                   "from", "into", "is", "was", "be", "my", "our", "your", "his", "her", "its", "their"}
METONYM_AFTER = re.compile(r"^\s+(?:and\s+[A-Z][\w-]+\s+)?"  # "both Moscow and Kyiv reported"
                            r"(?:has\s+|have\s+|had\s+|will\s+|would\s+|also\s+|both\s+)?(?:said|says|announced|accused|"
                            r"reported|blamed|vowed|confirmed|"
                            r"warned|insists?|insisted|denied|claimed|demanded|wants?|wanted|rejected|threatened|"
                            r"condemned|responded|retaliated|imposed|sanctioned|refused|agreed|urged|called)\b")


_LOCAL_BODY = re.compile(r"^\s+(?:Police|Fire|City|Town|Village|County|Township|Borough|Board|Council|"
                         r"School|Schools|Public|Municipal|Volunteer|Mayor|Sheriff|Planning|Zoning|Selectmen|"
                         r"Historical|Chamber|Parks|Housing|Water|Library|Community)\b")
_REGION_BEFORE = re.compile(r"\b(?:Latin|Central|South|North|East|West|Northern|Southern|Eastern|Western|"
                            r"Sub-Saharan)\s$")
_REGION_NAME = re.compile(r"^(?:Latin|Central|South|North|East|West|Northern|Southern|Eastern|Western|"
                          r"Sub-Saharan|Middle|Far|Near)\s+[A-Z]")
_ORG_WORDS = re.compile(
    r"\b(?:of|for|and|Chamber|Commerce|Council|Society|Foundation|Association|Club|Company|Corporation|Bank|"
    r"Press|Times|News|Police|Department|University|College|School|Hospital|Church|Center|Centre|Institute|"
    r"Authority|Board|Commission|Committee|Agency|Service|Services|Group|Party|League|Union|Team|Airport|"
    r"Museum|Library|Court|Ministry|Office|Fund|Trust|Inc|Ltd|LLC|Mayor|Governor|Sheriff|Chief|Commissioner|"
    r"Councilman|Councilwoman|Superintendent|Director|Judge|Coroner|Manager)\b")


@dataclass(frozen=True)
class KnownName:
    """What the gazetteer says of a candidate name: ``strength`` 0 (not a place), 1 (a place
    name that is also a common word or a small place: needs NER or a locative word before it),
    2 (a place on its own: a country, division, continent or town of some size);
    ``common``: the name is also a common English word, so only NER can vouch for it;
    ``big``: a country or a place of 100,000 people or more by this very name."""

    strength: int
    capital_or_country: bool = False
    common: bool = False
    big: bool = False


def find_known_places(text: str, offset: int, entities: list, found: list[Toponym],
                      know: Callable[[str], KnownName],
                      forms: Mapping[str, str], people_words: frozenset[str] = frozenset()) -> list[Toponym]:
    """Toponyms of one sentence: those already ``found`` (NER and patterns) merged with the
    gazetteer's known names, short forms and demonyms.

    Args:
        text: the sentence.
        offset: its start in the article text.
        entities: its spaCy entities (offsets into the article text).
        found: toponyms from ``find_toponyms`` for the sentence.
        know: tells whether a name is a known place and how strongly (``KnownName``).
        forms: short forms and demonyms as written -> kind (``"abbreviation"``, ``"name"``,
            ``"adjectival"``, ``"state_abbr"``, ``"postal"``).
        people_words: surnames of the article's people (last words of its multi-word PERSON
            entities): never a place on their own ("Modi" after "Narendra Modi").

    Returns:
        The sentence's toponyms in text order, without overlaps.
    """
    # NER's PERSON spans, less those that read as an organisation ("Abuja Chamber of Commerce",
    # "Seattle Seahawks Foundation"): a place may begin those
    people = [(e.start - offset, e.end - offset) for e in entities
              if (e.label == "PERSON" and not _ORG_WORDS.search(e.text))
              or (e.label in ("ORG", "GPE") and _HONORIFIC.match(e.text) and len(e.text.split()) >= 2)]
    person_at = set(people)
    orgs = [(e.start - offset, e.end - offset) for e in entities if e.label in ("ORG", "NORP", "WORK_OF_ART", "EVENT")]
    org_at = set(orgs)
    places = [(e.start - offset, e.end - offset, e.label) for e in entities if e.label in ("GPE", "LOC", "FAC")]
    ner_at = {(s, e): lab for s, e, lab in places}

    def inside(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
        return any(a <= s and e <= b for a, b in spans)

    extra: list[Toponym] = []
    # short forms and demonyms, as written
    for m in _forms_pattern(forms).finditer(text) if forms else ():
        form = m.group(0)
        kind = forms[form]
        s, e = m.start(), m.end()
        before = text[:s]
        initials = kind == "state_abbr" and re.fullmatch(r"(?:[A-Z]\.){2,}", form) is not None \
            and not re.match(r"^\s+[A-Z][a-z]", text[e:])
        if kind in ("state_abbr", "postal") and not initials and not re.search(r"(?:,\s*|\(|\b[DRI]-)$", before):
            continue  # "Ga." or "GA" names the state after a town: "Gainesville, Ga."; initials
            # ("S.C.", "D.C.") are the state anywhere, unless a name follows ("J.C. Penney")
        if kind == "postal" and re.match(r"^\s+[A-Z][a-z]", text[e:]):
            continue
        if kind in ("abbreviation", "name", "adjectival") and inside(s, e, people) \
                and not (kind == "adjectival" and (s, e) in person_at):
            continue  # a demonym that is the whole PERSON span is NER's slip ("by Azerbaijani soldiers")
        if kind == "seat":
            # "the White House said" names the government, no place: the span is held (so that
            # no namesake town matches it) and dropped below; "outside the White House" is a place
            seat = "place" if _AT_SEAT.search(before) else "seat"
            extra.append(Toponym(form, offset + s, offset + e, None, False, "form", False, seat))
            continue
        tkind = "adjectival" if kind == "adjectival" else "place"
        region = _REGION_BEFORE.search(before) if kind == "adjectival" or form == "America" else None
        if region and know(text[region.start():e]).strength == 0:
            # "Latin America", "Central American", "West African": a region, not the country the
            # demonym stands for ("South Venezuela" stays in Venezuela)
            s = region.start()
            extra.append(Toponym(text[s:e], offset + s, offset + e, None, False, "region", False, tkind))
            continue
        extra.append(Toponym(form, offset + s, offset + e, None, False, "form", False, tkind))
    # capitalised word sequences that are known names (longest known sub-sequence first)
    for m in _SEQ.finditer(text):
        toks = [(t.start() + m.start(), t.end() + m.start()) for t in _TOKEN.finditer(m.group(0)) if t.group(0) != "-"]
        i = 0
        while i < len(toks):
            hit = None
            for j in range(min(len(toks), i + 5), i, -1):
                s, e = toks[i][0], toks[j - 1][1]
                name = re.sub(r"['’]s?$", "", text[s:e].rstrip("."))
                e = s + len(name)
                if not name or name.split()[0].casefold() in _NOT_PLACE_WORD or name.split()[-1].casefold() in _PARTICLES:
                    continue
                if re.search(r"['’](?:d|ll|re|ve|m|t)$", name):
                    continue  # a contraction ("He'd", "Didn't")
                if len(name.split()) > 1 and len(name.split()[-1]) == 1:
                    continue  # an initial ends it: a person ("Leader R. Sampanthan")
                if not name[0].isupper():
                    continue
                if (j < len(toks) and text[toks[j][0]:toks[j][1]] in _PARTICLES and text[toks[j][1]:toks[j][1] + 1] == "-") \
                        or (i > 0 and text[toks[i - 1][0]:toks[i - 1][1]] in _PARTICLES and text[toks[i - 1][1]:toks[i - 1][1] + 1] == "-"):
                    continue  # never half of a name joined by a particle ("Ras" of "Ras al-Ain")
                if name.casefold() in _CALENDAR or name.split()[0].casefold() in _CALENDAR:
                    continue
                # a dateline opens the sentence, or follows the story's date ("March 30, 2009 NEWARK --")
                dateline = i == 0 and (m.start() == 0 or bool(re.search(r"\b\d{4}\s+$", text[:m.start()]))) \
                    and bool(re.match(r"^\s*(?:,|:|—|–|-|\()", text[e:]))
                caps = name.replace(".", "").replace(" ", "")
                if any(w.isupper() and len(w) > 1 for w in name.replace(".", "").split()) and not dateline and not (
                        name.isupper() and len(caps) >= 5 and caps.isalpha() and know(name.title()).strength == 2
                        and know(name.title()).big and not re.search(r"\b[A-Z]{1,4}\.\s+$", text[:s])):
                    continue  # acronyms are never town names ("NAFTA"); datelines are ("KOBE, Japan"), and so is
                    # a big place in capitals ("SAN DIEGO", "FLORIDA" in a headline; not "PARIS" of "ST. PARIS")
                if re.search(r"^[A-Z]{2,}[a-z]|[a-z][A-Z]$", name) or name in people_words:
                    continue  # brand casing ("UConn", "MoD"); a surname used in the article
                k = know(name)
                if k.strength == 0:
                    continue
                loc = bool(_LOCATIVE.search(text[:s])) or bool(re.match(r"^,\s+[A-Z]", text[e:]))
                listed = bool(re.search(r",\s*$", text[:s])) or bool(re.match(r"^\s*(?:,|and\b)", text[e:]))
                if inside(s, e, people) and not (((s, e) in person_at and (loc or listed or k.strength == 2)) or (
                        k.capital_or_country and not any(a == s and b > e for a, b in people))):
                    # "Andrew Jackson", "Jordan Peterson"; but NER's "person" Kismayo in a list of
                    # towns is a town, and "Rethinking Egypt" holds a country
                    continue
                ner = ner_at.get((s, e)) or next((lab for a, b, lab in places if a <= s and e <= b), None)
                if (k.common and k.strength < 2 and len(toks) > 1) or all(w.casefold() in _COMPASS for w in name.split()):
                    continue  # "Valley" of "Kanawha Valley", "South" of "40th Avenue South": part of a name
                before, after = text[:s], text[e:]
                if not (loc or k.capital_or_country or k.big or _LOCAL_BODY.match(after)) and k.strength < 2 \
                        and re.search(r"\bthe\s+$", before):
                    continue  # a small place's name after "the" ("rebuffed by the White House"): a building
                    # or a body, not the town
                if _STREET_AFTER.match(after) or _TIME_ZONE_AFTER.match(after):
                    continue  # "Kano Road", "Lagos Street" in Maiduguri: a street, not the town
                if _TITLE_BEFORE.search(before) or re.match(r"^\s+administration\b", after):
                    continue  # "Mrs. Lincoln", "St. Patrick", "the Obama administration"
                if (before.endswith("-") or re.match(r"^-[A-Z]", after)) and not k.capital_or_country \
                        and not re.search(r"\b(?:D|R|I|DFL)-$", before) and not _hyphen_pair(text, s, e, know):
                    continue  # "Wal-Mart"; but "Egypt-US relations", "Rep. Lee, D-Oakland", "Fargo-Moorhead"
                mid = bool(re.search(r"(?:[a-z0-9,;:]\s+|\()$", text[:s]))  # a capital letter mid-sentence
                if k.common and not (ner in ("GPE", "LOC") or (k.strength == 2 and (mid or _LOCAL_BODY.match(after)))):
                    continue
                if k.common and ner not in ("GPE", "LOC") and not loc and not _LOCAL_BODY.match(after) and (
                        re.search(r"[A-Z][\w.]*\s$", before) or re.match(r"^\s[A-Z]", after)):
                    continue  # a common word inside a longer capitalised name ("Iron Man", "Olympic Games")
                if k.common and (re.search(r"\bthe\s+$", before, re.I) or re.match(r"^\s+\d", after)):
                    continue  # "the Gulf", "the Bay", "Metro 911": the common word
                if k.strength == 1 and not (ner or loc or (dateline and name.isupper()) or _LOCAL_BODY.match(after)):
                    continue
                if inside(s, e, orgs) and k.strength < 2 and not ((s, e) in org_at and (loc or dateline)) \
                        and not _LOCAL_BODY.match(after):
                    continue  # "Grovetown Sears"; but "Sears, 41, of Grovetown," (NER's ORG) is the town,
                    # and so is the town a local body is named for ("the Hopkinton Police Department")
                kind = "metonym" if k.capital_or_country and METONYM_AFTER.match(text[e:]) else "place"
                # a division word after it ("Lagos State", "Kano state"): the division, not the city
                div = _DIVISION_WORD_AFTER.match(after)
                hit = Toponym(name, offset + s, offset + e, div.group(1).lower() if div else None,
                              bool(_NEAR.search(text[:s])), "gazetteer", bool(_MOVING.search(text[:s])), kind, ner)
                i = j
                break
            if hit is not None:
                extra.append(hit)
            else:
                i += 1
    # an abbreviation NER found without its full stop ("Ill" of "Missing Ill. man"): the form, as written
    found = [replace(t, text=t.text + ".", end=t.end + 1, source="form")
             if text[t.end - offset:t.end - offset + 1] == "." and forms.get(t.text + ".") is not None
             and t.source == "ner" else t for t in found]
    return [t for t in _merge(found, extra, text, offset, know, people_words) if t.kind != "seat"]


# a division word written after a known name ("Lagos State", "Kano state"; never "State of ...")
_DIVISION_WORD_AFTER = re.compile(r"^\s+(State|state|Province|province|Region|Governorate|Oblast|Prefecture)\b(?!\s+of\b)")
# a locative word before a seat of government puts something there ("outside the White House")
_AT_SEAT = re.compile(r"\b(?:in|at|near|outside|inside|into|to|from|around|toward|towards|front of|gates of)\s+"
                      r"(?:the\s+)?$", re.I)
_PARTICLES = {p for p in _PARTICLE[3:-1].split("|")}


def find_streets(text: str, offset: int, found: list[Toponym]) -> list[Toponym]:
    """Streets and roads named in a sentence ("Baga Road", "Assembly Street") that overlap
    no toponym already ``found``: places of their own shape, for the ``places`` command
    (``containing_places`` gives them their town)."""
    out = []
    for m in _STREET.finditer(text):
        s, e = offset + m.start(), offset + m.end()
        lead = re.match(r"(?:(?:The|A|An|On|In|At|Along|Near|Police|Residents|Protesters)\s+)+", m.group(0))
        if lead:
            s += lead.end()
        if len(text[s - offset:e - offset].split()) < 2:
            continue
        if not any(t.start < e and s < t.end for t in found):
            out.append(Toponym(text[s - offset:e - offset], s, e, None, False, "street"))
    return out


def _hyphen_pair(text: str, s: int, e: int, know: Callable[[str], KnownName]) -> bool:
    """Whether the name at [s, e) is half of two place names joined by a hyphen, both known and
    one of them a place on its own ("Fargo-Moorhead", "Logan-Rogersville"; not "Wal-Mart")."""
    left = re.search(r"([A-Z][\w'’]+)-$", text[:s])
    right = re.match(r"^-([A-Z][\w'’]+)", text[e:])
    other = (left or right)
    if other is None:
        return False
    a, b = know(text[s:e]), know(other.group(1))
    return min(a.strength, b.strength) >= 1 and max(a.strength, b.strength) == 2 and not (a.common or b.common)


def _not_a_place(t: Toponym, text: str, offset: int, know: Callable[[str], KnownName]) -> bool:
    """An NER or pattern toponym that reads as something else: an acronym or brand the
    gazetteer does not know as a place ("NATO", "UConn"), or a common word after "the"
    ("the Centre" for a government), a month before its day."""
    if t.source in ("user", "dateline"):
        return False
    if t.text.casefold() in _CALENDAR and re.match(r"\.?\s*\d", text[t.end - offset:]):
        return True  # a month's short form before its day ("on Nov. 5")
    k = know(t.text)
    if (re.fullmatch(r"[A-Z][A-Z.&*]{1,5}", t.text) or re.search(r"^[A-Z]{2,}[a-z]|[a-z][A-Z]$", t.text)) \
            and k.strength == 0:
        return True
    return k.common and bool(re.search(r"\bthe\s+$", text[:t.start - offset], re.I))
_FORMS_CACHE: dict[int, re.Pattern[str]] = {}


def _forms_pattern(forms: Mapping[str, str]) -> re.Pattern[str]:
    key = id(forms)
    pat = _FORMS_CACHE.get(key)
    if pat is None:
        alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        pat = re.compile(r"(?<![\w.&])(?:" + alts + r")(?![\w&]|\.\w)")
        _FORMS_CACHE[key] = pat
    return pat


# words that open a division's or an institution's long name ("City of Richmond", "Republic of
# Korea"): the name after "of" is the place a text means
_FEATURE_HEADS = frozenset({"city", "county", "town", "village", "state", "province", "district", "republic",
                            "region", "municipality", "township", "borough", "department", "university", "bank",
                            "kingdom", "commonwealth", "parish", "diocese"})


# the particle inside a name ("Port of Spain", "Ciudad del Este")
_JOINING_PARTICLE = re.compile(r" (?:of|de|del|da|do|du|la|el|al|on|upon) ")


def _whole_known_name(name: str, know: Callable[[str], KnownName]) -> bool:
    """Whether a name joined by its particle is a place on its own (``KnownName.strength`` 2),
    not a division's or an institution's long name ("City of Richmond")."""
    return name.split()[0].casefold() not in _FEATURE_HEADS and know(name).strength == 2


def join_particle_names(found: list[Toponym], text: str, offset: int,
                        know: Callable[[str], KnownName],
                        form: Callable[[str], object | None] | None = None) -> list[Toponym]:
    """Toponyms of one sentence (``find_toponyms``) with a known name NER cut in two at its
    particle joined again: "Port" and "Spain" of "Port of Spain" (the capital of Trinidad and
    Tobago) become one toponym when the gazetteer knows the whole name as a place on its own
    (``KnownName.strength`` 2); "City of Richmond" stays the town. Two names joined by "and"
    that ``form`` knows as one ("Sistan" and "Baluchistan": data/place_forms.csv) are joined
    too. Offsets: ``text`` is the sentence, ``offset`` its start in the article."""
    out: list[Toponym] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and _JOINING_PARTICLE.fullmatch(text[a.end - offset:b.start - offset]):
            name = text[a.start - offset:b.end - offset]
            if _whole_known_name(name, know):
                out.append(replace(a, text=name, end=b.end, feature=b.feature))
                i += 2
                continue
        if b is not None and form is not None and text[a.end - offset:b.start - offset] == " and ":
            name = text[a.start - offset:b.end - offset]
            if form(name) is not None:
                out.append(replace(a, text=name, end=b.end, feature=a.feature or b.feature))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _merge(found: list[Toponym], extra: list[Toponym], text: str, offset: int,
           know: Callable[[str], KnownName], people_words: frozenset[str] = frozenset()) -> list[Toponym]:
    """NER/pattern toponyms and known names together: a known name inside a longer NER span
    that is no known name itself replaces it ("Granville County Fire Marshal"); otherwise
    the NER span stays and known names that overlap it are dropped."""
    found = [t for t in found if t.text not in people_words and not _not_a_place(t, text, offset, know)]
    # a longer name holds the form: a known place ("South Africa"), or a place of its own shape
    # NER found ("Indian Ocean")
    longer = [t for t in [*found, *extra] if t.source != "form" and (
        know(t.text).strength > 0 or (t.source == "ner" and _PLACE_SHAPE.search(t.text)))]
    forms = [x for x in extra if x.source == "form" and not any(
        t.start <= x.start and x.end <= t.end and t.end - t.start > x.end - x.start for t in longer)]
    found = [t for t in found if not any(x.start < t.end and t.start < x.end for x in forms)]
    kept: list[Toponym] = list(forms)
    extra = [x for x in extra if x.source != "form"]
    # a known name joined by a particle that NER cut in two ("Port" and "Spain" of "Port of
    # Spain", the capital of Trinidad and Tobago): the whole name
    joined = [x for x in extra if _JOINING_PARTICLE.search(x.text)
              and any(x.start <= t.start and t.end <= x.end and (t.start, t.end) != (x.start, x.end) for t in found)
              and _whole_known_name(x.text, know)]
    found = [t for t in found if not any(x.start <= t.start and t.end <= x.end for x in joined)]
    # a name after a preposition ("at the University") must be a known place, and no common word
    def known(t: Toponym) -> bool:
        return t.source != "prep" or (know(t.text).strength > 0 and not (know(t.text).common and know(t.text).strength < 2))

    def listed(t: Toponym) -> bool:
        # an unknown name between a place of a list and the division that holds both ("in Kafr
        # Nabl and Maarat in Idlib province"); Arabic names by their article in a list come
        # marked already (``find_toponyms``)
        after = re.match(r"\s+in\s+(?:the\s+)?", text[t.end - offset:])
        return after is not None and any(
            o.end <= t.start and text[o.end - offset:t.start - offset] in (" and ", ", ") and known(o) for o in found
        ) and any(o.start == t.end + after.end() and known(o) for o in found)
    found = [t if known(t) else replace(t, source="pattern") for t in found if known(t) or listed(t)]
    for t in found:
        inner = [x for x in extra if t.start <= x.start and x.end <= t.end and (x.start, x.end) != (t.start, t.end)]
        tail = _DIVISION_TAIL.search(t.text)
        if tail and any((x.start, x.end) == (t.start, t.start + tail.start()) for x in inner):
            # a known name and its division word ("Sokoto State"): the division, as written
            kept.append(replace(t, feature=t.feature or tail.group(1).lower()))
            continue
        if inner and t.source != "user" and know(t.text).strength == 0:
            continue  # the known names inside stand for it ("Gainesville Public Utilities")
        same = next((x for x in extra if (x.start, x.end) == (t.start, t.end)), None)
        if same is not None and same.kind != "place":
            t = replace(t, kind=same.kind)
        kept.append(t)
    out = list(kept)
    for x in extra:
        if any(x.start < t.end and t.start < x.end for t in kept):
            continue
        out.append(x)
    out.sort(key=lambda t: (t.start, -(t.end - t.start)))
    final: list[Toponym] = []
    for t in out:
        if final and t.start < final[-1].end:
            continue
        final.append(t)
    return final


# an entity that opens with a title or honorific is a person ("Alhaji Aminu Tambuwal", which
# NER may take for an organisation): a town may not be its last word
_HONORIFIC = re.compile(r"(?:Alhaji|Alhaja|Mallam|Malam|Sheikh|Shaykh|Imam|Mullah|Chief|Oba|Emir|Sultan|Pastor|"
                        r"Bishop|Rev|Reverend|Mr|Mrs|Ms|Dr|Gen|Col|Maj|Capt|Lt|Sgt|Hon|Sen|Senator|Governor|Gov)"
                        r"\.?\s+[A-Z]")
# a weapon's or an aircraft's model code ("RPG-7", "AK-47", "MiG-29", "BM-21"), never a place
_MODEL_CODE = re.compile(r"(?:RPG|AKM?|PKM|BM|MiG|Su|SPG|ZU|Mi|Ka|Tu|Il|An|T|F|S)-\d{1,3}[A-Za-z]?s?$")
_DIVISION_TAIL = re.compile(r"\s+(State|Province|Region|County|District|Governorate|Oblast|Prefecture|Department)$")


# --------------------------------------------------------------------------- unresolved names
_STREET_AFTER = re.compile(r"^\s+(?:Road|Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.?|Lane|Drive)\b(?!\s*\d)")
# a street's name as written: capitalised words before a street word
_STREET = re.compile(r"(?<![\w-])(?:[A-Z][\w'’.-]*\s+){1,3}(?:Road|Street|Avenue|Boulevard|Lane|Drive)\b(?!\s*\d)")
_PLACE_SHAPE = re.compile(
    r"\b(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Trail|Highway|Hwy|Route|Interstate|"
    r"Parkway|Pkwy|Way|Court|Ct|Place|Pl|Terrace|Exit|River|Lake|Creek|Brook|Mountains?|Mount|Mt|Sea|Ocean|Bay|"
    r"Gulf|Island|Islands|Isle|Valley|Hills?|Park|Square|Bridge|County|Township|Parish|Borough|Province|State|"
    r"Region|District|Governorate|Oblast|City|Town|Village|Beach|Coast|Forest|Desert|Peninsula|Canyon|Falls|"
    r"Springs?|Harbou?r|Point|Heights|Ridge|Crossing|Gap|Pass|Airport|Base|Camp|Fort|Strip|Bank|Delta|Basin|"
    r"Plains?|Plateau|Wadi|Jebel|Jabal)\.?$")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|to|into|onto|outside|across|around|toward|towards|through|throughout|within|via|"
    r"between|along|off|of|visited|visiting|entered|reached|left|fled|crossed)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|county|region|province|state|district|area) of\s+)?$", re.I)


def keep_unresolved(t: Toponym, text: str) -> bool:
    """Whether a toponym the gazetteer does not know still reads as a place.

    A name NER or a pattern proposed but no gazetteer entry matched is kept when its
    shape or its context says place: a feature word beside it ("the village of Foubé",
    "Neches River", "Elm Street"), a locative word before it ("lives in Cockerham"), or a
    place named right after it ("Headington, Oxford"). Otherwise it is most often a
    person, organisation or product that NER took for a place ("Ocean Infinity",
    "Tchaikovsky's concerto"), and is dropped. Names from the user's places file and
    datelines are always kept.

    Args:
        t: the toponym (offsets into ``text``).
        text: the article text.
    """
    if t.source in ("user", "dateline", "form", "region"):
        return True
    if not re.sub("^" + _ARTICLE, "", t.text)[:1].isupper():
        return False  # (an Arabic article before the name: "al-Arman")
    if t.feature or _PLACE_SHAPE.search(t.text) or _REGION_NAME.match(t.text):
        return True  # "Neches River", "Latin America"
    if _LOCATIVE_BEFORE.search(text[max(0, t.start - 60):t.start]):
        return True
    return bool(re.match(r",\s+[A-Z][a-z]", text[t.end:t.end + 4]))


# --------------------------------------------------------------------------- people named like places
# verbs of speech a place never takes, even as a metonym of its people ("Moscow said" is the
# caller's to keep: it never asks about a big place)
_SPEECH_VERBS = (r"said|says|told|added|explained|stated|noted|wrote|asked|replied|testified|recalled|admitted|"
                 r"insisted|argued")
_SPOKE_AFTER = re.compile(r"^\s+(?:also\s+)?(?:" + _SPEECH_VERBS + r")\b")
# ... and what a person named like a place does in the article's other sentences
_SPEECH_AFTER = re.compile(r"^\s+(?:also\s+)?(?:" + _SPEECH_VERBS + r"|agreed|believes|thinks|joined|scored|finished|"
                           r"played|who)\b")
_GIVEN_NAME_PAIR = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+(?:['’][A-Z][a-z]+)?)\b")
_PLACE_WORD_AFTER = re.compile(r"^\s+(?:[A-Z][a-z]+\s+)?(?:County|City|Township|Parish|Borough|Province|State|"
                               r"Region|District|Valley|River|Lake|Mountains?|Island|Islands|Bay|Beach|Park|"
                               r"Heights|Springs?|Falls|Harbou?r|Creek|Hills?|Square|Village|Town|Airport|Road|"
                               r"Street|Avenue|Drive|Boulevard)\b")


def speaks(t: Toponym, text: str, *, big: bool) -> bool:
    """Whether a toponym is used for a person: the subject of a verb of speech ("Petrova said",
    "St. Clair told reporters") or given an age ("whose son, Parker, 8, has"). A small place
    never says anything; a city of 100,000 or more, a capital or a country may speak for its
    government ("Moscow said"), so ``big`` ones are never asked about speech. A locative word
    before it ("police in Kagara said") or a comma ("Kagara, said") keeps the place.

    Args:
        t: the toponym (offsets into ``text``).
        text: the article text.
        big: the place it resolved to is a country, a capital or a city of 100,000 or more.
    """
    if t.source in ("user", "dateline", "form") or t.feature:
        return False
    before, after = text[max(0, t.start - 60):t.start], text[t.end:t.end + 30]
    if re.match(r"^,\s+\d{1,3}\s*,", after) and not _LOCATIVE_BEFORE.search(before):
        return True  # news style gives a person's age after the name ("Parker, 8,")
    return not big and bool(_SPOKE_AFTER.match(after)) and not _LOCATIVE_BEFORE.search(before) \
        and not re.search(r"[,(]\s*$", before)


def not_a_place_here(t: Toponym, text: str, know: Callable[[str], KnownName] | None = None) -> bool:
    """Whether this mention of a place name is part of something else: a saint's day ("St.
    Patrick's Day"), a title written short ("Sens. Tim Grendell", "Reps."), a shop by its
    owner's name after a locative word ("at Culver's, 1200 DeKalb Ave.", "to Jones' in
    Covington": a possessive with no noun after it), or one of two
    names joined by "&" in a firm's or a charity's name ("Helen & Douglas House",
    "McPherson & Jacobsen LLC"; not a country or division, nor names in capitals:
    "TIJUANA & SAN DIEGO", nor a name beside a strong place, ``know``'s strength 2:
    "Israel & Gaza")."""
    if t.source in ("user", "dateline"):
        return False
    after = text[t.end:t.end + 12]
    if re.match(r"^['’]s\s+Day\b", after):
        return True
    if t.text in ("Sens", "Reps") and after.startswith("."):
        return True
    if (re.match(r"^['’]s?(?=\s*(?:[,.;:)]|$|\s+(?:in|on|at|of|and|for|with|near)\b))", after)
            or re.search(r"['’]s?$", t.text)) and re.search(r"\b(?:at|to|from|near|outside|inside)\s+$",
                                                          text[max(0, t.start - 12):t.start]):
        return True  # a shop or a restaurant by its owner's name: "at Culver's, 1200 DeKalb Ave."
    if t.text.isupper() or t.source == "form":
        return False
    partner = re.match(r"^\s*&\s*([A-Z][a-z][\w.]*)", after) or re.search(r"\b([A-Z][a-z][\w.]*)\s*&\s*$",
                                                                          text[max(0, t.start - 30):t.start])
    # (a strong place on the other side keeps both: "Israel & Gaza")
    return partner is not None and not (know is not None and know(partner.group(1)).strength == 2)


def names_no_place(t: Toponym, text: str, small_town: bool) -> bool:
    """Whether a name written as an acronym stands for an organisation that only a small town
    shares ("NATO", GeoNames' Nato in the Philippines; ``small_town``: it resolved to a
    populated place of fewer than 100,000 people, not a capital, a country or a division): not
    a dateline's city ("HELENA, Mont. (AP) -", "BEIRUT: ..."), nor a word of a line written all
    in capitals."""
    if t.source in ("user", "dateline", "form") or not small_town or not re.fullmatch(r"[A-Z]{3,6}", t.text):
        return False
    line_start = text.rfind("\n", 0, t.start) + 1
    if not text[line_start:t.start].strip() or re.match(r"\s*(?:,|\(|:|—|–|--|\s-|\s\s)", text[t.end:t.end + 4]):
        return False  # a dateline ("By Jane Doe  BEIRUT (AP) -")
    line_end = text.find("\n", t.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return any(c.islower() for c in line)


# a model year before a name is a make of car ("a 1992 Toyota Corolla", "his 2007 Lincoln"); "brand"
# after it a maker ("a Milwaukee brand hammer drill")
_MODEL_YEAR_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their|its|my|your|our)\s+(?:19|20)\d\d\s+$", re.I)
_BRAND_AFTER = re.compile(r"^(?:-|\s+)brand\b")
# the model's name after the make ("Toyota Corolla"); never an event named by its year and
# place ("the 2008 Mumbai attacks", "the 2014 Gaza War")
_MODEL_AFTER = re.compile(r"^\s+(?!(?:War|Wars|Attacks?|Massacre|Bombings?|Uprising|Revolution|Olympics|Games|Election|"
                          r"Elections|Summit|Agreement|Accords?|Protests?|Riots?|Crisis|Conflict|Offensive|Earthquake|"
                          r"Floods?|Siege|Battle|Ceasefire|Truce|Talks|Declaration|Conference|Marathon|Cup)\b)[A-Z][\w-]+")


def reads_as_product(t: Toponym, text: str) -> bool:
    """Whether a toponym names a product or its maker here: a model year before it and the
    model's name after it ("a 1992 Toyota Corolla"; not "the 2008 Mumbai attacks" nor "the
    2014 Gaza War"), or "brand" after it ("a Milwaukee brand drill"). The caller treats the
    name as a product throughout the article ("The Toyota failed to yield")."""
    if t.source in ("user", "dateline", "form"):
        return False
    after = text[t.end:t.end + 30]
    return bool(_MODEL_YEAR_BEFORE.search(text[max(0, t.start - 20):t.start]) and _MODEL_AFTER.match(after)
                or _BRAND_AFTER.match(after))


def near_place_words(t: Toponym, text: str) -> bool:
    """Whether the words around a toponym say place: a locative word before it ("in Petrova",
    "the village of Petrova"), a place word after it ("Petrova County") or a place named right
    after it ("Petrova, Romania")."""
    after = text[t.end:t.end + 60]
    return bool(_LOCATIVE_BEFORE.search(text[max(0, t.start - 60):t.start]) or _PLACE_WORD_AFTER.match(after)
                or re.match(r"^,\s+[A-Z]", after))


def people_in_text(text: str, names: Mapping[str, str]) -> frozenset[str]:
    """Words used as a person's surname in the text: those right after a given name
    ("Jeff Hamilton" makes "Hamilton" a surname of the article).

    Args:
        text: the article text.
        names: given names and surnames (``data/place_person_names.txt``): name -> kind.
    """
    out = set()
    for m in _GIVEN_NAME_PAIR.finditer(text):
        first, second = m.group(1), m.group(2)
        if names.get(first) in ("given", "both") and first != second and first.casefold() not in _CALENDAR:
            out.add(second)
    return frozenset(out)


def reads_as_person(t: Toponym, text: str, names: Mapping[str, str], people_words: frozenset[str],
                    know: Callable[[str], KnownName], *, big: bool) -> bool:
    """Whether a one-word toponym that is also a personal name is used for a person here.

    Signs of a person: a surname after the given name ("Nancy Pelosi"), a given name before
    it ("Jeff Hamilton"), a verb of speech after it ("Gardner said"), or the name used as a
    surname elsewhere in the article ("Hamilton will appear" after "Jeff Hamilton"). A place
    word after it ("Lincoln Park"), a place named right after it ("Lincoln, Nebraska") or,
    for the surname sign, a locative word before an NER place ("in Hamilton") says place.
    Countries, divisions and user places are never asked (the caller leaves them out).

    Args:
        t: the toponym (offsets into ``text``).
        text: the article text.
        names: given names and surnames that are also places (name -> kind).
        people_words: the article's surnames (``people_in_text`` and NER's PERSON entities).
        know: the gazetteer's verdict on a name (``PlaceResolver.known``).
        big: the place it resolved to is a city of 100,000 people or more.
    """
    name = t.text
    if " " in name or t.source in ("user", "dateline", "form") or t.feature:
        return False
    kind = names.get(name)
    if kind is None and name not in people_words:
        return False
    before, after = text[max(0, t.start - 60):t.start], text[t.end:t.end + 60]
    if _PLACE_WORD_AFTER.match(after) or re.match(r"^,\s+[A-Z]", after):
        return False
    place_label = t.label in ("GPE", "LOC")
    locative = bool(_LOCATIVE_BEFORE.search(before))
    prev = re.search(r"\b([A-Z][a-z]+)\s$", before)
    if prev and names.get(prev.group(1)) in ("given", "both") and prev.group(1).casefold() not in _CALENDAR \
            and not (locative and place_label):
        return True  # "Jeff Hamilton"
    if place_label or locative:
        return False  # NER or a preposition says place
    if big:
        # a city ("Paris Public Library", "Oakland police"), unless the article uses the name as a
        # surname and nothing says place ("Abraham Lincoln ... Lincoln signed")
        return name in people_words and not re.match(r"^\s+[A-Z]", after)
    pair = re.match(r"^\s+(?:and|&)\s+([A-Z][a-z]+)\b", after)
    if kind == "given" and pair and names.get(pair.group(1)) == "given":
        return True  # "Kristina and Tim Jones"
    nxt = re.match(r"^\s([A-Z][a-z]+)\b", after)
    if kind == "given" and nxt and know(nxt.group(1)).strength == 0 and nxt.group(1) not in _INSTITUTION \
            and not _ORG_WORDS.fullmatch(nxt.group(1)):
        return True  # "Nancy Pelosi", "Conor McGregor"
    return bool(_SPEECH_AFTER.match(after)) or name in people_words  # "Gardner said"


_INSTITUTION = {"Police", "Council", "Library", "Public", "High", "Middle", "Elementary", "School", "College",
                "University", "Hospital", "Government", "Department", "Fire", "City", "County", "Community",
                "Regional", "Memorial", "Medical", "Center", "Centre", "Chamber", "Board", "Church", "Airport",
                "Station", "Township", "Area", "Mayor", "Sheriff", "Court", "District", "Municipal"}
