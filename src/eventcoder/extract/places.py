"""Toponyms in a sentence: spaCy's GPE/LOC/FAC entities plus patterns NER misses
("the village of Foubé", "in Diyala province", "near Boni")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventcoder.nlp import Entity

_CAP = r"(?:(?:al|el|ad|as|an|ar|at|ash|de|del|la|le|du|des|di)[- ])?[A-Z\u00C0-\u00DE][\w'’\u00C0-\u017F-]*"
_NAME = _CAP + r"(?:[ -](?:" + _CAP + r"|de|del|la|du|des|al|el|wa|ya))*"
_FEATURE_BEFORE = re.compile(
    r"\b(?P<f>village|villages|town|city|hamlet|locality|district|neighbou?rhood|area|region|province|state|county|"
    r"commune|settlement|camp|island|islands|market town|border town|capital|municipality|department|governorate|"
    r"sub-district|territory|valley|mountains|forest|centre|center|outskirts|heart|suburbs?|edge)\s+of\s+(?P<n>" + _NAME + r")"
)
_FEATURE_AFTER = re.compile(
    r"\b(?P<n>" + _NAME + r")\s+(?P<f>province|state|region|district|governorate|county|department|oblast|"
    r"prefecture|division|territory|municipality|LGA|local government area|upazila|tehsil|mountains|valley|desert|"
    r"forest|lake|town|village|city)\b"
)
_PREP = re.compile(r"\b(?i:in|near|at|outside|around|from|into|on|towards|toward|between|and|struck|hit|shelled|"
                   r"bombed|attacked|reached|entered|captured|seized)\s+(?:the\s+)?(?P<n>" + _NAME + r")")
_NOT_PLACE_AFTER = re.compile(
    r"^\s*(?:said|says|told|announced|claimed|denied|has said|officials|government|authorities|launched|fired|"
    r"attacked|accused|has|had|have|is|was|were|will|would|sent|deployed|struck|shelled|bombed|army|forces|troops)\b"
)
_STOP = {"The", "A", "An", "On", "In", "At", "He", "She", "They", "It", "We", "I", "But", "And", "Police", "Army",
         "His", "Her", "Their", "Its", "This", "That", "These", "Those", "Troops", "Soldiers", "Government",
         "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
         "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
         "God", "Allah", "President", "Minister", "General", "Colonel", "Captain", "Major"}


@dataclass(frozen=True)
class Toponym:
    """A place name in the text (offsets into the article text) and the feature word beside it."""

    text: str
    start: int
    end: int
    feature: str | None = None
    near: bool = False
    source: str = "ner"
    moving: bool = False


_NEAR = re.compile(r"(?:\bnear|\boutside|\boutskirts of|\bclose to|\baround|\bkilometres? (?:\w+ )?(?:of|from)|"
                   r"\bkm (?:\w+ )?(?:of|from)|\bmiles? (?:\w+ )?(?:of|from)|\bnorth of|\bsouth of|\beast of|\bwest of|"
                   r"\bnorth-?east of|\bnorth-?west of|\bsouth-?east of|\bsouth-?west of|\bedge of|\bbetween)\s+(?:the\s+)?(?:town of\s+|city of\s+|village of\s+)?$", re.I)


_TERRAIN = {"mountains", "valley", "desert", "forest", "lake"}
_MOVING = re.compile(r"\b(?:towards?|fled (?:to|into)|escaped (?:to|into)|retreated (?:to|into)|"
                     r"withdrew (?:to|into)|headed (?:to|for)|from)\s+(?:the\s+)?$", re.I)


def _clean_name(name: str) -> str:
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    name = re.sub(r"(?:'s|’s)$", "", name)
    return name.strip(" ,.;:")


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
        if _NOT_PLACE_AFTER.match(text[e:]) and ent.label == "GPE" and not re.search(r"\b(?:in|near|at|of|from|to)\s+(?:the\s+)?$", text[:s]):
            continue
        name = _clean_name(text[s:e])
        if not name:
            continue
        if "'s " in name or "’s " in name:
            # "Khyber Pakhtunkhwa's Lakki Marwat": two places, the second inside the first
            head, tail = re.split(r"(?:'s |’s )", name, maxsplit=1)
            hs = text.find(head, s)
            found.append(Toponym(head, offset + hs, offset + hs + len(head), None, False, "ner"))
            s = text.find(tail, s)
            name = tail
        s = s + text[s:e].find(name) if text[s:e].find(name) >= 0 else s
        feat = None
        m = re.match(r"\s+(province|state|region|district|governorate|county|department|oblast|mountains|valley|desert|forest|lake)\b", text[s + len(name):], re.I)
        if m:
            feat = m.group(1).lower()
            if feat in ("mountains", "valley", "desert", "forest", "lake"):
                name = text[s:s + len(name) + m.end()]
        found.append(Toponym(name, offset + s, offset + s + len(name), feat,
                             bool(_NEAR.search(text[:s])), "ner"))
    for pat in (_FEATURE_BEFORE, _FEATURE_AFTER, _PREP):
        for m in pat.finditer(text):
            name = _clean_name(m.group("n"))
            if not name or name.split()[0] in _STOP:
                continue
            s = m.start("n") + m.group("n").find(name)
            feat = m.groupdict().get("f")
            if pat is _FEATURE_AFTER and feat and feat.lower() in _TERRAIN:
                name = text[s:m.end("f")]  # "Hamreen mountains": the feature word is part of the name
            found.append(Toponym(name, offset + s, offset + s + len(name), feat.lower() if feat else None,
                                 bool(_NEAR.search(text[:m.start("n")])) or bool(_NEAR.search(text[:m.start()])),
                                 "pattern" if pat is not _PREP else "prep"))
    split: list[Toponym] = []
    for t in found:
        parts = re.split(r"(?:'s |’s )", t.text, maxsplit=1)
        if len(parts) == 2 and parts[0] and parts[1]:
            split.append(Toponym(parts[0], t.start, t.start + len(parts[0]), None, False, t.source))
            tail_start = t.end - len(parts[1])
            split.append(Toponym(parts[1], tail_start, t.end, t.feature, t.near, t.source))
        else:
            split.append(t)
    found = [Toponym(t.text, t.start, t.end, t.feature, t.near, t.source,
                     bool(_MOVING.search(text[:t.start - offset]))) for t in split]
    found.sort(key=lambda t: (t.start, -(t.end - t.start), t.source != "ner"))
    out: list[Toponym] = []
    for t in found:
        if out and t.start < out[-1].end:
            prev = out[-1]
            if t.feature and not prev.feature and t.start == prev.start:
                out[-1] = Toponym(prev.text, prev.start, prev.end, t.feature, prev.near or t.near, prev.source, prev.moving)
            continue
        out.append(t)
    return out
