"""Event mentions: each kept trigger with the date, place, actors and tolls of its clause; background, modal and old mentions dropped."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from eventcoder.assemble.clauses import clause_bounds, in_clause, nearest
from eventcoder.assemble.records import Mention, SentenceInfo
from eventcoder.assemble.trigger_choice import AFTER_CAUSE, AFTER_DEATH_CAUSE, choose_triggers
from eventcoder.extract.dates import DateMention
from eventcoder.extract.places import METONYM_AFTER, Toponym
from eventcoder.extract.triggers import TriggerMatch
from eventcoder.models import Article, Attribution
from eventcoder.resolve.actors import ACTS_AFTER
from eventcoder.resolve.dates import published_bound, year_of
from eventcoder.resolve.dates import resolve as resolve_date
from eventcoder.resolve.gazetteer import Place
from eventcoder.resolve.places import LOCAL_FEATURE
from eventcoder.resources import Resources

RECAP_DAYS = 30
NAMED_BY_DATE_DAYS = 7  # an act named by a date more than a week before the report is recalled

_GENERIC = re.compile(
    r"\b(?:since\b|ha(?:s|ve) (?:killed|displaced|left) (?:tens|hundreds|thousands|more than|over|about|some|at least)|repeated attacks|have been killed (?:since|this (?:year|month|week)|so far|in (?:the )?(?:conflict|violence|fighting|war|insurgency|unrest|crackdown|attacks|clashes|raids|region|country)\b)|has been (?:fighting|battling|hit|attacked)|"
    r"\baccuses? (?:\w+ ){0,4}?of\b|"  # "Rights groups accuse the military of ... air strikes": a charge, not a report
    # accidents ("killed when their truck overturned") and courts ("sentenced ... over the killing
    # of 21 civilians"): no act of political violence reported
    r"overturned|road accident|traffic accident|collided|collision|capsized|burst tyre|lost control of|"
    r"sentenced|convicted|acquitted|pleaded guilty|went on trial|on trial (?:for|over)|trial (?:of|over) (?:the|those)|"
    # disasters and sport: "cholera that has killed 20 people", "a gas cylinder blast", "the
    # keeper", "scored": no act of political violence ("an outbreak of violence" is one; football
    # fans who riot are rioters)
    r"(?:cholera|outbreak(?! of (?:violence|fighting|unrest|clashes|hostilities|attacks))|epidemic|pandemic|flood(?:s|ing|waters)?|landslides?|mudslides?|earthquake|gas cylinder|"
    r"gas explosion|(?<!a)blaze|stampede|lightning|cyclone|hurricane|typhoon|building collapse|"
    r"goalkeeper|keeper|scored|striker|midfielder|(?:football|soccer|cricket|rugby|basketball)(?! (?:fans|supporters|hooligans|ultras))|innings|wickets?|"
    r"Premier League|Champions League|World Cup)\b|"
    # drills and parades: "simulated air strikes ... as part of a joint military exercise"
    r"(?:military|joint|live[- ]fire|naval|annual|air|combat) (?:exercises?|drills?)|war games|paraded|military parade|"
    r"simulated|mock (?:drills?|attacks?|exercises?)|training (?:range|exercises?)|"
    # "has been the site of occasional deadly clashes": how often, not a report
    r"(?:site|scene)s? of (?:\w+ )?(?:occasional|frequent|sporadic|periodic|recurring|regular|numerous|many)\b|"
    r"\b(?:occasional|sporadic|periodic|recurring) (?:\w+ )?(?:clashes|attacks|fighting|violence|bombings|raids)\b|"
    # history's wars: "arrested in France during World War Two", "during the second intifada"
    r"(?:during|in|since|after) (?:the )?(?:(?:first|second) world war|world war (?:i|ii|one|two|1|2)\b|"
    r"(?:first|second) intifada)|"
    # "This year has seen waves of protests", "bedeviled by year-long protests": a period's unrest
    r"waves? of (?:\w+ )?(?:protests|demonstrations|unrest|strikes)|"
    r"(?:year|month|week|decade)s?-long (?:\w+ )?(?:protests|demonstrations|unrest)|"
    # "Turkey has suffered a series of deadly attacks ..., including one at a nightclub that killed 39"
    r"(?:has|have|had) (?:suffered|seen|witnessed|endured) a (?:series|string|spate|wave) of|"
    r"regularly|frequently|repeatedly|routinely|often\b|(?:almost|nearly) (?:daily|weekly)|near-daily|on a daily basis|"
    r"(?:are|is) (?:mainly|mostly|largely|usually )?the (?:work|hallmark|mark|trademark) of|many times|several times|every (?:week|month|year)|"
    r"tens of thousands|hundreds of thousands|thousands of people|millions|over the years|in recent (?:years|months)|"
    r"has come under|have come under|are regularly|is one of the most|has fought|have fought|has waged|has been waging|"
    r"broke out in (?:(?:early |late |mid-)?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December) )?(?:19|20)\d\d|the (?:war|conflict|insurgency) has|(?<!end to )(?<!against )(?<!ceasefire in )the (?:war|conflict|insurgency) in|has spread|have spread|dominant|split from|"
    r"is active|are active|operate[sd]? in|known for|allied with|linked to both|were marred by|"
    r"for (?:years|decades|months|weeks)|commonly|usually|typically|continue to carry out|carry out|"
    # a toll over a period: "from last October to July", "so far this year"
    r"from (?:last |early |late |mid-)?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December) (?:\d{4} )?(?:to|until|through) |"
    r"\btoll\b[^.;]{0,40}?\b(?:passed|surpassed|exceeded|topped|rose to|climbed to|reached)\b|"
    r"so far this (?:year|month)|since the (?:start|beginning) of|(?:in|over|during) the (?:past|last) (?:\w+ )?(?:weeks|months|years)\b|"
    r"(?:are|is) (?:battling|fighting|combating|combatting) (?:the )?(?:spread|insurgenc|extremis|jihad|terroris|militan)|"
    # a roundup's total: "killed in five separate attacks across Iraq"
    r"(?:attacks|bombings|incidents) across [A-Z])",
    re.I,
)

_MODAL = re.compile(
    r"\b(?:will|would|could|might|may(?!\s+\d)|plans? to|planned|planning|threaten(?:ed|s|ing)? to|vow(?:ed|s)? to|"
    r"intends? to|intended to|calls? for|called for|calling for|demand(?:ed|s|ing)?|warn(?:ed|s)? (?:of|that|against)|"
    r"prepar(?:e|es|ed|ing) to|expected to|set to|propos(?:ed|es|al)|fear(?:ed|s)? (?:of|that)|fearing|if|unless|"
    r"ready to|aim(?:s|ed)? to|seeks? to|sought to|to prevent|to stop|try(?:ing)? to|tried to|attempt(?:s|ed)? to|"
    r"to (?:incite|provoke|instigate|foment|stir up|avert|avoid|thwart|forestall|deter)|"
    r"against any|in case of|would-be|potential|possible|rumou?rs? of|urged|urging|appeal(?:ed)? for|ban on|"
    r"banned|prohibit(?:ed|s)?|allow(?:ed|s)? (?:to|the)|permission|permit)\b",
    re.I,
)
# a purpose ("a unit dispatched as a precursor to set up an outpost"): not yet done
_PURPOSE = re.compile(r"\b(?:dispatched|sent|deployed|tasked|ordered|mandated|assigned)\b[^.;,]{0,40}?\bto\s+$", re.I)

_ATTRIBUTION = re.compile(
    r"(?:according to\s+(?P<a>[^,.;\"]{3,80}))|(?:,\s*(?P<b>[^,.;\"]{3,80}?)\s+(?:said|says|told|reported|added|confirmed)\b)|"
    r"(?:^(?P<c>[A-Z][^,.;\"]{2,80}?)\s+(?:said|says|told|reported|confirmed)\b)"
)

# A sentence that names who did it: a claim, or blame ("blamed on al-Shabaab", "suspected Maoists").
CLAIM = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:responsibility|the attack|the bombing|it had|that it)|\bclaimed by\b|"
                   r"\bblam(?:ed|es|ing)\b|\battributed (?:the attack )?to\b|\bsuspected\b|\bbelieved to (?:be|have)\b|"
                   r"\bbehind the (?:\w+ )?(?:attacks?|bombings?|blasts?|ambush|killings?|explosions?)\b|"
                   r"\bclaim(?:ed|s|ing)?\s+that\s+(?:it|they|the (?:\w+ )?(?:group|militants|organi[sz]ation))\b", re.I)

def _skip_sentence(info: SentenceInfo) -> bool:
    return bool(_GENERIC.search(info.sentence.text)) or _separate_total(info, info.sentence.text, info.sentence.start,
                                                                        info.sentence.end)


def _separate_total(info: SentenceInfo, text: str, a: int, b: int) -> bool:
    """Whether ``text`` (the span a..b of the sentence) gives a roundup's total ("killed in five
    separate attacks across Iraq"): not when it names two or more towns or districts, those of
    the attacks ("Separate attacks in Borno's Gwoza and Bama districts left nine soldiers dead")."""
    if not _SEPARATE_TOTAL.search(text):
        return False
    return len({t.text.casefold() for t, p in info.toponyms if a <= t.start and t.end <= b
                and (p is None or not (p.is_country or p.is_admin1 or p.is_continent))
                and (t.feature or "") not in ("governorate", "province", "state", "region")
                and not re.match(r"(?:North|South|East|West|Central)(?:ern)?\s", t.text)}) < 2


_SEPARATE_TOTAL = re.compile(r"\bseparate (?:attacks|bombings|incidents|blasts|explosions|shootings|operations|raids)\b",
                             re.I)

_HABITUAL = re.compile(r"\b(?:often|usually|typically|regularly|frequently|routinely|repeatedly|commonly)\b", re.I)

# the size of a crowd ("hundreds of thousands of people marched"): background for a toll,
# not for a demonstration
_CROWD = re.compile(r"\b(?:tens of thousands|hundreds of thousands|thousands of people|millions)\b", re.I)


def _generic_clause(info: SentenceInfo, pos: int, event_type: str = "") -> bool:
    """Whether the trigger's clause is background ("has killed thousands since 2009"). A cause
    told after "after"/"following" is its own clause ("a curfew in several areas after clashes
    erupted": the clashes are news), unless the clause it explains says how often ("killed by
    mobs, often after being accused of kidnapping")."""
    a, b = clause_bounds(info, pos)
    ca, cb = clause_bounds(info, pos, causes=True)
    s = info.sentence
    if ca > a and not _HABITUAL.search(s.text[a - s.start:ca - s.start]):
        a, b = ca, cb
    clause = s.text[a - s.start:b - s.start]
    rel = _PLACE_RELATIVE.search(clause, pos - a)
    if rel:
        # what a place has long been ("in Chile's southern Araucania region that for years has been
        # marked by conflicts") says nothing of the act told before it
        clause = clause[:rel.start()]
    if event_type in ("Protests", "Riots"):
        clause = _CROWD.sub(" ", clause)
    if _GENERIC.search(clause) or _separate_total(info, clause, a, b):
        return True
    # unrest "in several towns" or "across the country" is a summary, unless the clause also
    # names a town where it happened ("in the east end of Freetown and in several towns")
    return bool(_SPREAD.search(clause)) and not any(
        a <= t.start and t.end <= b and p is not None and not (p.is_country or p.is_admin1 or p.is_continent)
        for t, p in info.toponyms)


# a relative clause on a place ("... region that for years has been ...", "the city, which has
# long been ...")
_PLACE_RELATIVE = re.compile(r"\b(?:region|province|state|area|city|town|village|district|country|county|"
                             r"territory|zone|border),?\s+(?:that|which|where)\b")


_SPREAD = re.compile(r"\b(?:in several (?:towns|cities|places|areas|villages|districts)|across the (?:country|region)|"
                     r"nationwide)\b")


def _modal_before(text: str, rel: int, event_type: str = "") -> bool:
    # the clause before the trigger: back to the last comma/semicolon (at most 80 characters)
    window = text[max(0, rel - 80):rel]
    # (or back to a reporting verb after an aside: "who threatened to ..., said they seized")
    window = re.split(r"[;:]|,\s+(?:while|as|but|and|said|says|claimed|told|added)\b", window)[-1]
    # (nor a time clause before the main one: "When police tried to push them back, protesters
    # threw stones")
    sub = re.search(r"\b(?:[Ww]hen|[Aa]fter|[Bb]efore|[Oo]nce|[Aa]s soon as)\b[^,]*,\s+", window)
    if sub:
        window = window[sub.end():]
    if _QUELL.search(window):
        return False  # "officers tried to calm down riots": the riots are under way
    modal = [m for m in _MODAL.finditer(window)
             if not (event_type in ("Protests", "Riots") and _DEMAND.fullmatch(m.group(0))
                     and not _DEMANDED.fullmatch(window[m.end():]) and _ACTED.match(text, rel))]
    # (what a crowd calls for is no modality of what it did: "demonstrators calling for the
    # government to resign tried to storm the parliament"; but "calls for a protest" and
    # "posts calling for Ugandans to come out and join the protests" are one)
    return bool(modal) or bool(_PURPOSE.search(window))


# a trigger that opens with a finite verb: what the crowd did ("tried to storm", "clashed")
_ACTED = re.compile(r"(?:[a-z]+ed|threw|fought|broke|tore|set|burnt|stoned)\b", re.I)
# the demand's object is the trigger itself ("calls for a nationwide anti-government protest"):
# a few modifiers and no clause of its own ("calling for the government to resign")
_DEMANDED = re.compile(r"\s*(?:an?\s+|the\s+|more\s+)?(?:(?!to\b)[\w-]+\s+){0,3}", re.I)
_DEMAND = re.compile(r"calls? for|called for|calling for|demand(?:ed|s|ing)?|urged|urging|appeal(?:ed)? for", re.I)


# a force's attempt on a crowd already out ("tried to disperse protesters", "tried to "calm down
# riots""): the crowd is real, whatever became of the attempt
_QUELL = re.compile(r"\b(?:tried|attempted|trying|attempting|sought|seeking|moved|moving|were sent|was sent) to\s+[“\"]?"
                    r"(?:calm(?:\s+down)?|quell|disperse|break\s+up|contain|stop|end|control|put\s+down|suppress|halt|"
                    r"push\s+back|clear|remove|dismantle|tear\s+down)\s+(?:the\s+)?[“\"]?(?:\w+\s+){0,2}$", re.I)

def _attribution(text: str) -> Attribution | None:
    m = _ATTRIBUTION.search(text)
    if not m:
        return None
    src = (m.group("a") or m.group("b") or m.group("c") or "").strip()
    src = re.sub(r"^(?:the|a|an)\s+", "", src, flags=re.I)
    if not src or len(src.split()) > 10 or src.lower() in {"he", "she", "they", "it", "we"}:
        return None
    return Attribution(speaker=None, role=None, organization=src)

# "The attack on ...", "This blast ...", "Thursday's strike ...": a noun that refers back.
_ANAPHOR_BEFORE = re.compile(r"(?:^|\b(?:[Tt]he|[Tt]his|[Tt]hat|[A-Z][a-z]+day's))\s+(?:(?:deadly|latest|fatal|twin|suicide|bomb|drone|air)\s+)?$")
_ANAPHOR_NOUN = re.compile(r"(?i)(?:attacks?|assault|raid|blast|explosion|bombing|strike|air ?strike|shelling|ambush)\b")
# "protested the next day", "A day earlier, gunmen ...": one day after or before the report
# just told
_DAY_SHIFT = re.compile(r"\b(?:(?:the|on the)\s+(?P<dir>next|following|previous)\s+day|"
                        r"(?:a|one)\s+day\s+(?P<dir2>later|after|earlier|before)|the\s+day\s+(?P<dir3>before|after)|"
                        # "Two days later" (not "came two days after <an act>": that act is the earlier)
                        r"(?P<n>two|three|four|five|six|[2-6])\s+days\s+(?P<dir4>later|earlier))\b",
                        re.I)
_DAYS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_EARLIER = {"previous", "earlier", "before"}
# "The attackers stormed the college": the attackers of the act just reported, doing more of it
_THE_ONLY = re.compile(r"^\W*The\s+$")
_ACTOR_NOUN = re.compile(r"(?i)(?:attackers|gunmen|assailants|kidnappers|abductors|bandits|militants|raiders|"
                         r"insurgents|snipers?)\b")
# "The attack killed 43 people": a toll whose subject is the act just reported
# the act just reported named as a subject ("The attack", "this deadly blast")
_THE_ACT = (r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:deadly|latest|fatal|twin|suicide|bomb|drone|air|morning|night|weekend)\s+)?"
            r"(?:attacks?|assault|raid|blast|explosion|bombing|strikes?|air ?strikes?|shelling|ambush)")
_SUBJECT_ANAPHOR = re.compile(r"^\W*" + _THE_ACT + r"\s+(?:also\s+|has\s+|had\s+)?$")
# "the strike at Mai Tsebri occurred in the afternoon and killed 17 civilians": a toll verb whose
# subject, not at the sentence's start, is the act just reported (with its place and time)
_SUBJECT_ANAPHOR_INNER = re.compile(
    r"\b" + _THE_ACT + r"(?:\s+(?:at|in|on|near)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"
    r"(?:\s+(?:occurred|took place|happened)\b[^.;,]{0,40}?\s+and)?\s+(?:also\s+|has\s+|had\s+)?$")
# "The weekend attack also involved the gunmen opening fire on security forces": the act just
# reported is the subject, and what follows tells more of it
_SUBJECT_INVOLVED = re.compile(r"^\W*" + _THE_ACT + r"\s+(?:also\s+)?(?:involved|included|saw)\b")
_TOLL_VERB = re.compile(r"(?i)(?:killed|killing|kills|left)\b")
# "In an ensuing gun battle, ...", "in the subsequent clashes": the fight the act just reported led to
_ENSUING = re.compile(r"\b(?:ensuing|subsequent|resulting)\s+$", re.I)
# ("blockaded border crossings to Serbia", "the crossing into Turkey")
_BORDER_BEFORE = re.compile(r"(?:\bbordering|\bborders?\s+(?:with\s+)?|\bfrontier\s+with|\bacross\s+from|"
                            r"\b(?:border\s+)?crossings?\s+(?:point\s+)?(?:to|into|with)\s+)\s*(?:the\s+)?$", re.I)
_BORDER_AFTER = re.compile(r"^['’]?s?\s+(?:border|frontier)\b", re.I)


# where an organisation sits ("Doha-based Al Jazeera aired footage of police firing tear gas"),
# and whose backing or make a compound names ("the Iran-backed Houthi militia", "a Saudi-led
# coalition", "Russian-made missiles"): not where the act happened
_BASED_AFTER = re.compile(r"[-‐–\s]based\b|[-‐–](?:backed|led|allied|aligned|linked|funded|supported|sponsored|"
                          r"made|trained|brokered|armed)\b", re.I)


# a city that names whose suburb or district the next name is ("the Paris suburb of Stains",
# "the Baghdad neighbourhood of Sadr City"): the next name is the place
# (after an article: "in Khuzdar district of Balochistan" names the district itself; a district
# is left out: "the Kohistan district of Badakhshan province" names the district)
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|another)\s+(?:(?!(?:in|at|of|near|on|from|to|into|outside)\s)[a-z-]+\s+){0,2}$",
                             re.I)
_QUALIFIES_NEXT = re.compile(r"\s+(?:suburbs?|neighbou?rhood|quarter|township)(?:\s+of\s+|,\s+)(?:the\s+)?[A-Z]")


def reference_point(text: str, t: Toponym) -> bool:
    """Whether a toponym only locates something else: "bordering Venezuela", "near the Mali
    border", "on the border with Chad", where a source sits ("an army official in Peshawar",
    "Doha-based Al Jazeera").
    Such a place is not where the event happened."""
    before = text[max(0, t.start - 80):t.start]
    return border_reference(text, t.start, t.end) or bool(_SOURCE_IN.search(before)) \
        or bool(_BASED_IN.search(before[-30:])) \
        or bool(_APPOSED_DISTANCE.search(before)) or bool(_APPOSED_DIRECTION.search(before)) \
        or bool(_BASED_AFTER.match(text, t.end)) \
        or bool(_QUALIFIES_NEXT.match(text, t.end) and _ARTICLE_BEFORE.search(before))


# the cause a demonstration names ("calling for a ceasefire in Gaza", "in solidarity with the
# people of Sudan", "against the war in Ukraine"): a place there is what it is about
_PROTEST_TOPIC = re.compile(r"\b(?:calling for|call for|calls for|demanding|demand|urging|in solidarity with|in support of|"
                            r"against|over|condemning|to condemn|to protest|protesting)\b[^.;]{0,40}?"
                            r"\b(?:ceasefire|war|conflict|genocide|killings?|bombing|invasion|occupation|people|offensive|"
                            r"crackdown|siege|strikes?)\s+(?:in|on|of|against)\s+(?:the\s+)?$", re.I)


# a distance in apposition to a place just named ("in Maan Governorate, 220 kilometres south of
# Amman", "Kidal (300 km north of Gao)"): the second place only tells where the first lies
_APPOSED_DISTANCE = re.compile(
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*(?:\s+(?:district|province|region|state|county|governorate|town|village|city|"
    r"area))?\s*(?:,|\()\s*(?:about|some|around|nearly|roughly|approximately|over)?\s*"
    r"\d[\d,.]*\s*(?:km|kms|kilometres|kilometers|miles|mi)\s+(?:\(\d[\d,.]*\s*(?:miles|mi|km)\)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|from|outside(?:\s+of)?)\s+(?:the\s+(?:capital|city|town)(?:,)?\s+)?$")


# the same with a direction only ("in Camarines Sur province, south of Manila", "Batangas
# province, south of Manila"): Manila tells where the province lies
# (a division only: "near Abu Grein, south of Misrata" keeps Misrata, whose division the
# unknown village takes)
_APPOSED_DIRECTION = re.compile(
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s+(?:district|province|region|state|county|governorate)"
    r"\s*,\s*(?:just\s+|far\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+"
    r"(?:the\s+(?:capital|city|town)(?:,)?\s+)?$", re.I)


def acting_country(text: str, tp: tuple[Toponym, Place | None]) -> bool:
    """Whether a country name is the subject of an act ("Russia targeted the area with six
    missiles", "Israel struck"), or a name qualifies a state's force ("an air raid by Damascus
    aircraft"): the attacker, not where the act happened."""
    t, p = tp
    after = text[t.end:t.end + 40]
    if p is not None and (p.feature_code == "PPLC" or (p.population or 0) >= 1_000_000) \
            and _BLAMED_BEFORE.search(text[max(0, t.start - 40):t.start]):
        return True  # "Nepal blames New Delhi for siding with the protesters": the capital is its government
    if p is not None and p.feature_code == "PPLC" and METONYM_AFTER.match(after):
        return True  # "as both Moscow and Kyiv reported a wave of attacks": the governments speaking
    return (p is not None and p.is_country and bool(ACTS_AFTER.match(after))) or bool(_FORCE_AFTER.match(after))


# a capital named as the party blamed, urged or accused: its government
_BLAMED_BEFORE = re.compile(r"\b(?:blames?|blamed|blaming|accus(?:es|ed|ing)|urg(?:es|ed|ing)|criticis(?:es|ed|ing)|"
                            r"criticiz(?:es|ed|ing)|condemn(?:s|ed|ing)|pressure on|called on|calls on|ties with|"
                            r"relations with)\s+$", re.I)


_FORCE_AFTER = re.compile(r"\s+(?:military\s+)?(?:aircraft|warplanes|jets|fighter jets|planes|drones|helicopters|"
                          r"gunships|regime|government forces|troops)\b")


# where a source sits ("an army official in Peshawar confirmed the attack", "the Interior Ministry
# in Gaza reported"): not the event's place
# ("according to the Francophone dominated government in Yaounde": where the source sits too)
_SOURCE_IN = re.compile(r"\b(?:officials?|spokes(?:man|woman|person)|sources?|correspondents?|reporters?|ministry|"
                        r"ministries)\s+"
                        r"(?:based\s+)?in\s+(?:the\s+(?:city|town)\s+of\s+)?$"
                        r"|\baccording\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:government|authorities|administration|"
                        r"presidency|junta|regime)\s+in\s+$", re.I)


# the towns a road links ("near the road linking Macomia to the districts of Mueda and Palma"):
# they say where the road runs, not a list of places where an act happened
ROAD_ENDS = re.compile(r"\b(?:road|highway|route|railway|rail\s+line|motorway)\s+(?:that\s+)?(?:links?|linking|connects?|"
                        r"connecting|joins?|joining|between|from)\b[^.;]{0,120}$", re.I)
# "a human rights organization based in Norway": where a source sits
_BASED_IN = re.compile(r"\b(?:based|headquartered)\s+(?:in|at)\s+(?:the\s+)?$", re.I)


def border_reference(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` names a border ("near the Afghan border",
    "bordering Venezuela", "on the border with Chad"), not where something happened."""
    return bool(_BORDER_BEFORE.search(text[max(0, start - 30):start]) or _BORDER_AFTER.match(text[end:end + 20]))


def latest_date(text: str) -> date | None:
    """The latest full date (day, month and year) an article's text names, or None.

    An article with no publication date is at least as recent as the dates it names: this
    anchors FORMAT.md's 30-day recap rule for it (never the resolution of weekdays).
    """
    from eventcoder.extract.dates import find_dates

    best = None
    for d in find_dates(text):
        if d.kind == "absolute" and re.search(r"\b(?:19|20)\d{2}\b", d.text):
            resolved, _prec = resolve_date(d, None)
            if resolved is not None and (best is None or resolved > best):
                best = resolved
    return best


# a relative clause on when the unrest began ("protests, that began on Thursday"), before a
# main clause that dates what the report tells ("resumed on Friday")
_BEGAN_BEFORE = re.compile(r"\b(?:that|which)\s+(?:began|started|erupted|broke out)\s+(?:\w+\s+){0,2}$", re.I)


def _date_for(info: SentenceInfo, trig: TriggerMatch, published: date | None,
              pub_year: int | None = None, anchor_of: Callable[[], date | None] | None = None
              ) -> tuple[date | None, int | None, DateMention | None, bool]:
    """The nearest event date in the sentence; the last flag says the mention is old or future.

    ``anchor_of`` gives, when asked, a stand-in for a missing publication date, used by the
    recap rule only.
    """
    given_year = pub_year  # a partial publication date's year dates a day and month
    anchor = anchor_of() if (published is None and anchor_of is not None and info.dates) else None
    if pub_year is None and anchor is not None:
        pub_year = anchor.year  # the anchor's year only rules out older years
    usable = [d for d in info.dates if not d.reporting and d.kind not in ("year",)]
    # a date before the report that introduces the act dates the reporter's own clause ("Rwandan
    # forces deployed last month ... said Sunday they had recaptured the port")
    told = [r for r in info.dates if r.reporting and r.end <= trig.start]
    usable = [d for d in usable if not any(d.end <= r.start for r in told)]
    for d in info.dates:
        if d.kind in ("old", "future"):
            # an old or future marker in the trigger's clause rules the mention out
            if abs(d.start - trig.start) < 120:
                return None, None, d, True
        if d.kind == "year" and pub_year is not None:
            y = year_of(d)
            if y is not None and y < pub_year and abs(d.start - trig.start) < 150:
                return None, None, d, True
    st = info.sentence.start
    began = [d for d in usable if _BEGAN_BEFORE.search(info.sentence.text[max(0, d.start - st - 40):d.start - st])]
    if began and any(d.start > b.end for b in began for d in usable if d not in began):
        # "Violent protests, that began on Thursday ..., resumed on Friday": the day the
        # report is about, not the day the unrest began
        usable = [d for d in usable if d not in began]
    if not usable:
        usable = [d for d in info.dates if d.kind not in ("year", "old", "future")]
    # the date of the trigger's own clause first ("a curfew on Thursday after clashes on Wednesday")
    clause_dates = in_clause(usable, info, trig.start, causes=True)
    near = nearest(clause_dates, trig.start)
    if near is None:
        return None, None, None, False
    if near.kind == "today" and near.text.lower() == "overnight" \
            and re.match(r"\s+" + ACT_NOUNS, info.sentence.text[near.end - st:]):
        # "an overnight raid ... on Friday": the day the clause names after the raid, not the
        # report's night ("struck Kharkiv on Thursday ... hit Odesa overnight" keeps the night)
        named = nearest([d for d in clause_dates if d.kind in ("weekday", "absolute") and d.start >= near.end],
                        trig.start)
        near = named or near
    resolved, prec = resolve_date(near, published, year=given_year)
    reference = published or anchor
    if resolved is not None and reference is not None:
        if resolved > reference or (reference - resolved).days > RECAP_DAYS:
            return None, None, near, True
        if (reference - resolved).days > NAMED_BY_DATE_DAYS and trig.start >= near.end \
                and re.search(r"\b[Tt]he\s+$", info.sentence.text[:near.start - st]) \
                and re.fullmatch(r"\s*(?:[a-z-]+\s+){0,2}", info.sentence.text[near.end - st:trig.start - st]):
            # an act named by its date ("a direct fallout of the April 21 suicide bombings", in a
            # report of May 13): a past event the story recalls, not one it reports
            return None, None, near, True
    elif resolved is None and published is None and anchor is not None:
        # a relative date stays null with a partial publication date, but it can still rule a
        # recap out ("a deadly clash with police in January" in a report from September)
        recap, _p = resolve_date(near, anchor)
        if recap is not None and (anchor - recap).days > RECAP_DAYS:
            return None, None, near, True
    return resolved, prec, near, False

# an act told as what another came long after ("two months after a deadly assault by the BLA on a
# passenger train ... that killed 31 people"): up to the trigger, no clause break (not "Two weeks
# after the election, police killed five protesters")
_LONG_AFTER = re.compile(r"\b(?:weeks|months|years|a (?:month|year))\s+after\s+(?:a|an|the)\b[^.;,]*$", re.I)


# between a day and the next one the act happened on again ("on Saturday night and again on
# Sunday night", "on Friday and again on Saturday")
_AGAIN_ON = re.compile(r"\s+(?:(?:night|morning|evening|afternoon)\s+)?(?:,\s*)?and\s+again\s+(?:on\s+)?$", re.I)


def _again_on(info: SentenceInfo, dm: DateMention | None, d: date | None, published: date | None,
              pub_year: int | None) -> tuple[date, int | None, DateMention] | None:
    """The second day of an act told "on Saturday and again on Sunday": (date, precision, its
    mention), or None. Only weekdays and full dates, on or before publication."""
    if dm is None or d is None:
        return None
    st = info.sentence.start
    for other in info.dates:
        if other.start <= dm.end or other.kind not in ("weekday", "absolute") or other.reporting:
            continue
        if not _AGAIN_ON.fullmatch(info.sentence.text[dm.end - st:other.start - st]):
            continue
        d2, prec = resolve_date(other, published, year=pub_year)
        if d2 is not None and d2 != d and (published is None or d2 <= published):
            return d2, prec, other
    return None


# the nouns by which a later sentence names a violent act just reported ("the attack", "the
# confrontation", "the gunfight"): one list for the follow-up date, place and "took place in"
ACT_NOUNS = (r"(?:attacks?|assault|raid|blast|explosion|bombing|killings?|incident|clash(?:es)?|"
             r"confrontation|shoot-?out|gun-?fight|gun ?battle|fire-?fight|exchange of fire|skirmish(?:es)?|"
             r"encounter|ambush|violence|massacre|shooting|fighting|operation|offensive|battle|siege|"
             r"kidnapping|abduction|air ?strikes?|strike|protests?|riots?|demonstrations?|unrest)")

# "The killings occurred on Monday night", "the attack on Friday": a later sentence that dates
# the event just reported
_FOLLOW_UP_NOUN = re.compile(r"(?i)\b(?:the|this|that)\s+(?:(?:deadly|latest|fatal|twin|suicide|bomb|night|early|tragic|"
                             r"pre-?dawn|dawn|overnight|midnight|morning|evening|afternoon|weekend|"
                             r"brutal|gruesome|horrific|shocking|armed|terrorist|terror|gun|cowardly|anti-terror|"
                             r"counter-terrorism|military|security|joint|army)\s+)?" + ACT_NOUNS + r"\b")


# between the noun and its date: nothing ("the attack on Friday"), an aside, or a verb of
# occurrence ("The killings, it was gathered, occurred on Monday night")
_NOUN_TO_DATE = re.compile(r"^\s*(?:,[^.;]{0,160}?,\s*)?(?:(?:which|that)\s+)?(?:(?:had\s+|reportedly\s+)?"
                           r"(?:occurred|took place|happened|was carried out|was launched|started|began|erupted|"
                           r"broke out)\s+)?(?:in\s+broad\s+daylight\s+)?"
                           r"(?:(?:about|around|at|shortly|just|before|after|midnight|dawn|noon|overnight|late|early|on|this|last)\s+){0,3}$",
                           re.I)


def follow_up_date(text: str, offset: int = 0, dates: list[DateMention] | None = None
                   ) -> tuple[re.Match[str], DateMention] | None:
    """The event noun and the date a sentence gives the event just reported ("The killings
    occurred on Monday night", "the attack on Friday"), or None. ``dates``: the sentence's
    date mentions when already found (offsets with ``offset`` added)."""
    from eventcoder.extract.dates import find_dates

    nouns = list(_FOLLOW_UP_NOUN.finditer(text))
    if not nouns:
        return None
    found = dates if dates is not None else find_dates(text, offset)
    return _date_after_head(nouns, found, text, offset)


def _date_after_head(heads: list[re.Match[str]], found: list[DateMention], text: str, offset: int,
                     occurred_ok: bool = False) -> tuple[re.Match[str], DateMention] | None:
    """The first head (the act or its people, named again) told with a date of its own: the
    date follows the head with nothing but an aside, a verb of occurrence or a time word
    between (``_NOUN_TO_DATE``). A reporting date ("the attack, police said Friday") counts only
    with ``occurred_ok`` and a verb of occurrence between ("adding the attacks took place
    Sunday"); "overnight Wednesday" is dated by its weekday."""
    for head in heads:
        for k, d in enumerate(found):
            if d.kind in ("year", "old", "future"):
                continue
            if d.kind == "today" and k + 1 < len(found) and 0 <= found[k + 1].start - d.end <= 1:
                continue  # "overnight Wednesday": the weekday dates it
            rel = d.start - offset
            between = text[head.end():rel]
            if rel < head.end() or not _NOUN_TO_DATE.match(between):
                continue
            if d.reporting and not (occurred_ok and _OCCURRED.search(between)):
                continue
            return head, d
    return None


def is_follow_up_date(text: str) -> bool:
    """Whether a sentence names the event just reported and its date (``follow_up_date``):
    such a sentence is read even without a trigger of its own."""
    return follow_up_date(text) is not None


# "The soldier died Monday", "The men were shot dead late Thursday": a later sentence that
# dates the deaths (or the abduction) just reported, by the people they befell
_VICTIMS = (r"(?:[Tt]he|THE|[Tt]hese|[Tt]hose|[Bb]oth|[Aa]ll(?:\s+of)?\s+the)\s+(?:[\w-]+\s+){0,3}?(?:soldiers?|troops|"
            r"policem[ae]n|police\s+officers?|officers?|men|man|women|woman|victims?|civilians|people|villagers|"
            r"workers|passengers|militants|rebels|fighters|suspects|employees|journalists|children|students|guards)\s+"
            r"(?:(?:had|have|has)\s+(?:been\s+)?|(?:were|was)\s+)?(?:died|killed|shot\s+dead|shot|abducted|kidnapped|"
            r"ambushed|attacked|beheaded)\b")
_VICTIMS_DATED = re.compile(r"\b" + _VICTIMS)
# "The soldiers were killed on Thursday on the outskirts of Aguililla": a sentence whose
# subject is the people of the report just before tells more of that act
_VICTIMS_SUBJECT = re.compile(r"^\W*" + _VICTIMS)
# "the Sunday night bus attacks", "Thursday's raid": a date told before the act it names
_DATE_THEN_ACT = re.compile(r"(?i)^(?:['’]s)?(?:\s+(?:night|morning|evening|afternoon))?\s+(?:[\w-]+\s+)?"
                            + ACT_NOUNS + r"\b")
_ATTACKERS_CAME = re.compile(r"(?i)\b(?:the|these)\s+(?:gunmen|attackers|assailants|bandits|militants|insurgents|"
                             r"raiders|jihadists|fighters|rebels)\s+(?:had\s+)?(?:arrived|struck|came|stormed|attacked|"
                             r"invaded|raided|opened\s+fire)\b")
# "the gunmen arrived late on Monday and opened fire on residents": the attackers of the report
# just told, doing more of the same act
_THE_ATTACKERS = re.compile(r"(?i)\b(?:the|these)\s+(?:gunmen|attackers|assailants|bandits|raiders)\b(?![^.;]*\b(?:also|another|second|other)\b)")
_OF_WOUNDS = re.compile(r"(?i)\b(?:hospital|later|succumbed|of (?:his|her|their) (?:wounds|injuries)|from (?:his|her|their) "
                        r"(?:wounds|injuries))\b")
_SIMILAR = re.compile(r"(?i)^\W*(?:in|during)\s+(?:a|another)\s+similar\s+(?:attack|strike|raid|incident)\b")
_THE_BEFORE = re.compile(r"(?i)\b(?:the|this|that)\s+$")
_OCCURRED = re.compile(r"(?i)\b(?:occurred|took place|happened)\b")


def _victims_subject(text: str, rel: int, trig: TriggerMatch) -> bool:
    """Whether the trigger (at ``rel`` in the sentence) is the verb of a sentence-opening
    subject that names the people of the report before ("The soldiers were killed on
    Thursday"): a generic toll, not a new act."""
    m = _VICTIMS_SUBJECT.match(text)
    return m is not None and trig.generic and rel < m.end()


def restated_act_date(text: str, offset: int = 0) -> DateMention | None:
    """The date a sentence gives an act it names again, or None: "The attack took place
    Thursday afternoon", "the invasion which occurred on Saturday night", "The soldier died
    Monday", "the Sunday night bus attacks", "Thursday's raid". A date told after the act
    only through a reporting verb ("the attack, police said Friday") is none, unless a verb
    of occurrence joins them ("adding the attacks took place Sunday"). Offsets with
    ``offset`` added, as ``find_dates`` gives them."""
    from eventcoder.extract.dates import find_dates

    found = [d for d in find_dates(text, offset) if d.kind not in ("year", "old", "future", "month_year")]
    if not found:
        return None
    # (not a death from wounds: "The soldier died Monday in hospital" dates the death, not the act)
    victims = [] if _OF_WOUNDS.search(text) else list(_VICTIMS_DATED.finditer(text))
    heads = sorted(list(_FOLLOW_UP_NOUN.finditer(text)) + victims, key=lambda h: h.start())
    dated = _date_after_head(heads, found, text, offset, occurred_ok=True)
    if dated is not None:
        return dated[1]
    for head in _ATTACKERS_CAME.finditer(text):
        # "the gunmen arrived on motorcycles late on Monday": the raiders' coming dates the raid
        for d in found:
            rel = d.start - offset
            # (a verb of saying before the raiders does not make their day the report's)
            if rel >= head.end() and re.fullmatch(r"[^,;.]{0,40}", text[head.end():rel]):
                return d
    for d in found:
        rel, rel_end = d.start - offset, d.end - offset
        if (_THE_BEFORE.search(text[:rel]) or d.text.endswith(("'s", "’s"))) \
                and d.kind in ("weekday", "yesterday", "today", "weekend") and _DATE_THEN_ACT.match(text[rel_end:]):
            return d
    return None


def is_follow_up(text: str) -> bool:
    """Whether a sentence can add to the event just reported without a trigger of its own: it
    names the act and its date, or opens by naming the act ("The confrontation occurred in the
    state of Sinaloa", "Police said the attack happened near Kidal")."""
    return _FOLLOW_UP_ACT.match(text) is not None or is_follow_up_date(text)


def _date_from_follow_up(last: Mention, info: SentenceInfo, published: date | None, pub_year: int | None,
                         anchor_of: Callable[[], date | None] | None) -> None:
    """Give the violent mention just reported the date a follow-up sentence names for it ("The
    killings occurred on Monday night"), when the mention has only the report's date ("the
    ministry reported on Saturday that ten soldiers were killed"), or a place and no date."""
    # the report's date only: a reporting verb's ("said Thursday") or none at all (the
    # publication date stands in for it)
    reporting_only = last.date is not None and (last.date_mention is None or last.date_mention.reporting)
    if last.event_type in ("Strategic developments", "Protests") or not (
            reporting_only or (last.date is None and last.toponym is not None)):
        return
    found = follow_up_date(info.sentence.text, info.sentence.start, info.dates)
    if found is None:
        return
    _noun, dm0 = found
    # the date the follow-up names ("overnight Wednesday": Wednesday), not whichever is nearest
    probe = replace(last.trigger, start=dm0.start, end=dm0.end)
    d, prec, dm, ruled_out = _date_for(info, probe, published, pub_year, anchor_of)
    if d is not None and not ruled_out and dm is not None and not dm.reporting:
        last.date, last.precision, last.date_mention = d, prec, dm


# a follow-up sentence that tells what the act left and where ("The assault left 14 soldiers
# dead 25 kilometres from Gorgadji"): the act is the one just reported
_FOLLOW_UP_ACT = re.compile(r"^(?:[A-Z][^.;:]{0,80}?\b(?:said|says|added|reported|stated|announced)\b[^.;:]{0,30}?\s"
                            r"(?:that\s+)?)?(?:(?:The|the|This|this|That|that)\s+"
                            r"(?:(?:deadly|latest|fatal|suicide|bomb|gun|armed)\s+)?" + ACT_NOUNS + r"\b"
                            # "It was perpetrated in the early morning near Ngouboua"
                            r"|It\s+(?:was|had\s+been)\s+(?:perpetrated|carried\s+out|committed|launched|staged)\b)")


def _place_from_follow_up(last: Mention, info: SentenceInfo, article: Article) -> None:
    """Give the violent mention just reported the town a follow-up sentence about the same act
    names, when the mention is placed only at its country or division ("an attack in northern
    Burkina Faso" / "The assault left 17 dead 25 kilometres from Gorgadji")."""
    if last.toponym is not None and not (last.place is not None and (last.place.is_country or last.place.is_admin1)):
        return
    if last.event_type in ("Strategic developments", "Protests") or not _FOLLOW_UP_ACT.match(info.sentence.text):
        return
    # (a place given by its distance counts: "25 kilometres from Gorgadji")
    towns = [(t, p) for t, p in info.toponyms if (not t.moving or t.near) and not reference_point(article.text, t)
             and (p is None or not (p.is_country or p.is_admin1 or p.is_area_feature))
             and (p is None or last.place is None or p.country == last.place.country)]
    if towns:
        if last.place is not None and last.place.is_admin1:
            last.admin1, last.admin1_toponym = last.place, last.toponym
        last.toponym, last.place = towns[0]  # type: ignore[misc]
    elif last.toponym is None:
        # no town: the division it names ("the confrontation occurred in the state of Sinaloa")
        divisions = [(t, p) for t, p in info.toponyms if p is not None and p.is_admin1 and not t.moving
                     and not reference_point(article.text, t)]
        if divisions:
            last.toponym, last.place = divisions[0]


def build_mentions(infos: list[SentenceInfo], article: Article, res: Resources, published: date | None,
                   pub_year: int | None = None, recaps: list[str] | None = None) -> list[Mention]:
    """Every event mention of the article's candidate sentences, in text order.

    ``published`` is the full publication date or None; ``pub_year`` its year, also
    known when only the year or month is (FORMAT.md, "Publication dates known in part").
    ``recaps``: when given, the reports left out as dated more than 30 days before
    publication (or after it) are appended to it as "trigger (date)" (FORMAT.md's recap rule).
    """
    mentions: list[Mention] = []
    last_para = -10
    cache: list[date | None] = []

    def anchor_of() -> date | None:
        # an undated article's latest full date, computed once and only when a date needs it
        if not cache:
            # a publication date known to the month: its last day (the recap rule's reference),
            # else the article's latest full date
            cache.append(published_bound(article.published) or latest_date(article.text))
        return cache[0]

    previous: SentenceInfo | None = None
    for info in infos:
        s = info.sentence
        if s.is_title or s.is_caption:
            continue
        matches = info.triggers
        kept = choose_triggers(matches, info, previous, reported_before=bool(mentions),
                               political={m.sub_event_type for m in mentions})
        previous = info
        continued = False
        if kept and mentions and all(k.generic for k in kept) and not info.toponyms \
                and s.paragraph - last_para <= 2:
            # generic wording with no place of its own after a report ("Four people were
            # killed in an attack, police said"): more about that report, not a new event
            # (and its date dates that report, as a follow-up's does)
            last = mentions[-1]
            if last.date is None and last.event_type == kept[0].event_type:
                # the report had no date of its own ("Two Colombian soldiers killed in alleged
                # ELN rebel attack" ... "Two soldiers were killed Sunday in an attack")
                d, prec, dm, ruled_out = _date_for(info, kept[0], published, pub_year, anchor_of)
                if d is not None and not ruled_out and dm is not None and not dm.reporting:
                    last.date, last.precision, last.date_mention = d, prec, dm
            kept, continued = [], True
        names_date = not kept and is_follow_up(s.text)
        if not kept and (not _skip_sentence(info) or names_date):
            # a follow-up sentence ("Dozens of the terrorists were killed," he said) adds its
            # figures to the mention just before it (a background one only its date: "The
            # operation started on Monday, since then ...")
            single = len({(m.event_type, m.place.name if m.place else None) for m in mentions}) == 1
            if mentions and info.deaths and (s.paragraph - last_para <= 2 or single) and not _skip_sentence(info):
                mentions[-1].follow_up_deaths[s.start] = list(info.deaths)
            # (two paragraphs on when the sentence names the act and its date: "the tragic
            # incident took place on Thursday night")
            if mentions and s.paragraph - last_para <= (2 if continued or names_date else 1):
                # (the last placed mention: "The incident is the second abduction this week" in
                # between names no place and no date of its own)
                target = next((m for m in reversed(mentions[-3:]) if m.toponym is not None
                               and s.paragraph - m.sentence.paragraph <= 2), mentions[-1])
                _date_from_follow_up(target, info, published, pub_year, anchor_of)
                # (the act placed only at its country or division, when one of the last reports
                # is: "a roadside bomb blew up a bus in southern Sri Lanka" ... "After the blast,
                # gunmen shot passengers" ... "The attack ... occurred in the town of Buttala")
                broad = next((m for m in mentions[-3:] if m.place is not None and (m.place.is_country or m.place.is_admin1)
                              and s.paragraph - m.sentence.paragraph <= 2), mentions[-1])
                _place_from_follow_up(broad, info, article)
            continue
        last_para = s.paragraph
        for trig in kept:
            rel = trig.start - s.start
            if _modal_before(s.text, rel, trig.event_type) or _generic_clause(info, trig.start, trig.event_type):
                continue
            if _LONG_AFTER.search(s.text[max(0, rel - 160):rel]):
                # "The latest attack came two months after a deadly assault ... that killed 31
                # people": what it came long after is an old event
                continue
            d, prec, dm, ruled_out = _date_for(info, trig, published, pub_year, anchor_of)
            if ruled_out:
                if recaps is not None and dm is not None and not dm.reporting:
                    recaps.append(f"{trig.text} ({dm.text})")
                continue
            if d is None and dm is None and mentions and mentions[-1].date is not None:
                # "the next day", "a day earlier": a day from the report just before
                shift = _DAY_SHIFT.search(s.text)
                if shift is not None:
                    way = shift.group("dir") or shift.group("dir2") or shift.group("dir3") or shift.group("dir4")
                    n = shift.group("n")
                    days = (_DAYS.get(n.lower()) or int(n)) if n else 1  # "Two days later, ..."
                    step = -days if way.lower() in _EARLIER else days
                    d, prec = mentions[-1].date + timedelta(days=step), 1
                    dm = DateMention("relative", s.start + shift.start(), s.start + shift.end(), shift.group(0), False)
                    if published is not None and d > published:
                        d, prec, dm = None, None, None
            sub, etype = trig.sub_event_type, trig.event_type
            if mentions and _SIMILAR.match(s.text) and s.paragraph - mentions[-1].sentence.paragraph <= 2:
                # "In a similar attack on Sunday, a commander and 11 other fighters were killed",
                # after a drone strike: another of the same kind (another event: ``separate``)
                sub, etype = mentions[-1].sub_event_type, mentions[-1].event_type
            m = Mention(trig, s, sub, etype, d, prec, dm)
            m.ensuing = bool(_ENSUING.search(s.text[max(0, rel - 25):rel]))
            m.anaphoric = m.ensuing or bool(_ANAPHOR_BEFORE.search(s.text[max(0, rel - 25):rel])
                                            and _ANAPHOR_NOUN.match(trig.text)) \
                or _SUBJECT_ANAPHOR.match(s.text[:rel]) is not None \
                or (_TOLL_VERB.match(trig.text) is not None and _SUBJECT_ANAPHOR_INNER.search(s.text[:rel]) is not None) \
                or _SUBJECT_INVOLVED.match(s.text[:rel]) is not None \
                or _victims_subject(s.text, rel, trig) \
                or (_THE_ATTACKERS.search(s.text[:rel + len(trig.text)]) is not None and bool(mentions)
                    and mentions[-1].event_type == trig.event_type) \
                or (_THE_ONLY.match(s.text[:rel]) is not None and _ACTOR_NOUN.match(trig.text) is not None)
            # place: the nearest specific toponym (a resolved town or feature, else any toponym)
            tkey = lambda tp: (tp[0].start, tp[0].end)  # noqa: E731
            placed = [tp for tp in info.toponyms if not reference_point(article.text, tp[0])
                      and not acting_country(article.text, tp)]
            if trig.event_type in ("Protests", "Riots"):
                # what a demonstration is about is not where it is ("marched through London
                # calling for a ceasefire in Gaza")
                placed = [tp for tp in placed if not _PROTEST_TOPIC.search(s.text[max(0, tp[0].start - s.start - 60):tp[0].start - s.start])] or placed
            specific = [(t, p) for t, p in placed if p is None or not (p.is_country or p.is_admin1)]
            # a building, square or street no gazetteer knows ("near the Kenyatta International
            # Convention Centre") lies in the town the report names; it is no event location
            local = [(t, p) for t, p in specific if p is None and (t.source == "street" or LOCAL_FEATURE.search(t.text))]
            specific = [tp for tp in specific if tp not in local]
            specific = [tp for tp in specific if not tp[0].moving or tp[0].near]  # "30 km from Gao": near it
            in_clause_places = in_clause(specific, info, trig.start, tkey)
            best = max((specificity(tp) for tp in in_clause_places), default=0)
            near = nearest([tp for tp in in_clause_places if specificity(tp) == best], trig.start, key=tkey)
            if near is not None:
                m.toponym, m.place = near  # type: ignore[misc]
            elif local and (town := next((x for x in reversed(mentions[-3:]) if x.place is not None
                                          and x.toponym is not None
                                          and not (x.place.is_country or x.place.is_admin1)), None)) is not None:
                # the building lies in the town of the reports before ("mortar rounds landed near
                # the Halane base complex next to Aden Adde International Airport", in Mogadishu)
                m.toponym, m.place = town.toponym, town.place
            # (a division of the place's own country: "a strike on Baidoa ... as both Mogadishu and
            # Nairobi reported" is not in Kenya's Nairobi county)
            admins = [(t, p) for t, p in placed if p is not None and p.is_admin1
                      and (m.place is None or m.place.country == p.country)]
            adm = nearest(in_clause(admins, info, trig.start, tkey), trig.start, key=tkey)
            if adm is not None:
                m.admin1 = adm[1]
                m.admin1_toponym = adm[0]
                if m.toponym is None:
                    m.toponym = adm[0]  # type: ignore[index]
            if m.admin1 is not None and m.place is not None and not (m.place.is_country or m.place.is_admin1) \
                    and m.place.country == m.admin1.country and m.place.admin1_code != m.admin1.admin1_code:
                # "Robotyne in the southern Zaporizhzhia region": the named division wins over a
                # namesake elsewhere in the country
                assert m.toponym is not None
                inside = [p for p in res.places.candidates(m.toponym.text)
                          if p.country == m.admin1.country and p.admin1_code == m.admin1.admin1_code]
                m.place = inside[0] if inside else None
            if m.toponym is None:
                countries = [(t, p) for t, p in placed if p is not None and p.is_country]
                # not the country a rocket came from ("fired from Gaza hit southern Israel")
                countries = [tp for tp in countries if not tp[0].moving] or countries
                c = nearest(countries, trig.start, key=lambda tp: (tp[0].start, tp[0].end))
                if c is not None:
                    m.toponym, m.place = c  # type: ignore[misc]
            # deaths nearest to this trigger rather than to another kept trigger
            cause = AFTER_CAUSE.search(s.text) or AFTER_DEATH_CAUSE.search(s.text)
            for dc in info.deaths:
                if cause and rel < cause.start() < dc.start - s.start and not any(k.start - s.start > cause.start() for k in kept):
                    # "houses were set on fire by a mob – a day after an attack left nine people
                    # dead": the dead of what it followed
                    continue
                owners = [k for k in kept if clause_bounds(info, k.start) == clause_bounds(info, dc.start)] or kept
                # "X struck Y, killing N": the act comes before its toll
                owner = min(owners, key=lambda k: (dc.start - k.end) if k.end <= dc.start else (k.start - dc.start) * 3)
                if owner is trig:
                    m.deaths.append(dc)
            m.actors = list(info.actors)
            m.sentence_places = list(info.toponyms)
            m.attribution = _attribution(s.text)
            mentions.append(m)
            again = _again_on(info, dm, d, published, pub_year)
            if again is not None:
                # "turned violent on Saturday night and again on Sunday night": one event a day
                # (ACLED), the second without the first's toll
                mentions.append(replace(m, date=again[0], precision=again[1], date_mention=again[2], deaths=[],
                                        follow_up_deaths={}, actors=list(m.actors),
                                        sentence_places=list(m.sentence_places), again=True))
    return mentions

_TOWN_FEATURES = {"village", "villages", "town", "city", "hamlet", "locality", "settlement", "camp", "neighbourhood",
                  "neighborhood", "commune", "market town", "border town", "capital", "community"}

_LOCAL_ADMIN_FEATURES = {"district", "county", "territory", "municipality", "lga", "local government area",
                         "upazila", "tehsil", "sub-district", "department", "division"}

def specificity(tp: tuple[Toponym, Place | None]) -> int:
    """How precisely a toponym places an event: a named town, village or terrain feature (3,
    known or not), a known place (3), an unknown name or a reference point ("south of
    Kirkuk") (2), a district (1)."""
    t, p = tp
    feat = (t.feature or "").lower()
    if feat in _TOWN_FEATURES or feat in ("mountains", "valley", "desert", "forest", "lake"):
        return 3
    if feat in _LOCAL_ADMIN_FEATURES or (p is not None and p.is_admin2):
        return 1
    if p is not None and not t.near:
        return 3
    return 2
