"""Death tolls in a sentence, by ACLED's conventions (../shared/gold/FORMAT.md, "Fatalities").

Deaths only, never injuries; sums of victim groups in one phrase ("three soldiers and
two civilians were killed" = 5); vague words by ``data/quantities.yaml`` ("dozens" =
12); "no casualties" = 0. The most conservative figure across reports is chosen
later, in ``assemble``.
"""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass, replace
from functools import lru_cache

import yaml

MAX_PLAUSIBLE = 1_000_000
_MONTH_WORD = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
               r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_DATES_TO_MASK = re.compile(
    r"\b" + _MONTH_WORD + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{2})?\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_WORD + r"(?:,?\s+(?:19|20)\d{2})?\b"
    r"|\b(?:in|since|of|until|by|from|during|before|after)\s+(?:19|20)\d{2}\b",
    re.I,
)


@dataclass(frozen=True)
class DeathCount:
    """A death figure found in the text.

    Attributes:
        value: deaths, by FORMAT.md's table (the low end of a range).
        high: the high end of a range, else equal to value.
        start, end, text: the span of the figure and its verb in the article text.
        victims: the victim nouns, as written.
        attackers: whether the dead are the attackers.
        superseded: an earlier figure the sentence replaces ("had earlier placed the death
            toll at 12, but ... raised it to 14").
        per_place: a figure told after another's place without its verb ("three in Gwoza
            and seven others in Bama"): the next place's own toll, never added to the first's.
    """

    value: int
    high: int
    start: int
    end: int
    text: str
    victims: str
    attackers: bool
    superseded: bool = False
    per_place: bool = False


# up to three words between a number and its victims, a dotted short form among them ("four
# U.S. soldiers", "two young Malian herders")
# up to three words between a figure and its victims ("three Afghan army soldiers"), none of
# them another figure or a verb of saying ("some outlets saying nine people": nine, not "some")
_ADJ = (r"(?:(?!(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|"
        r"thousands?|several|saying|said|says|told|reported|according)\b)[\w'’.-]+\s+){0,3}?")


@lru_cache(maxsize=1)
def _quantities() -> dict:
    text = importlib.resources.files("eventcoder.data").joinpath("quantities.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _num() -> str:
    q = _quantities()
    words = list(q["number_words"]) + list(q["vague"])
    # the number words of data/quantities.yaml: units ("one" to "nine") and tens ("ten" to "ninety")
    single = {w: int(v) for w, v in q["number_words"].items() if " " not in w and w not in ("a", "an")}
    units = _alt([w for w, v in single.items() if v < 10])
    tens = _alt([w for w, v in single.items() if 10 <= v < 100])
    small = r"(?:(?:" + tens + r")(?:[- ](?:" + units + r"))?|(?:" + units + r"))"
    # "one hundred and twenty", "two hundred and fifty", "a hundred"
    hundreds = r"(?:(?:a|" + units + r")\s+)?hundred(?:\s+and\s+" + small + r")?"
    return (r"(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|an estimated|between|"
           r"roughly|approximately|fewer than|less than|at most|no fewer than|not less than|no less than|"
           r"not fewer than|upwards of|in excess of|well over)\s+)?"
           r"(?:\d[\d,]*(?:\s*[-–]\s*\d[\d,]*|\s+dozen|-plus|\+)?|" + hundreds + r"|(?:" + _alt(words) + r")(?:[- ](?:" + units + r"))?)"
           r"(?:\s+(?:to|or|and|-)\s+(?:\d[\d,]*|" + _alt(list(q["number_words"])) + r"))?")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    q = _quantities()
    num = _num()
    victim = _alt(q["victims"])
    adj = _ADJ
    def group_named(name: str) -> str:
        return (r"(?P<" + name + ">" + num + r"\s+(?:of\s+(?:the\s+|their\s+|its\s+)?)?" + adj + r"(?:" + victim + r")"
                r"(?:,?\s+(?:and|as well as|plus)\s+" + num + r"\s+(?:of\s+(?:the\s+)?)?" + adj + r"(?:" + victim + r")"
                # (not a second clause's subject: "killed a farmer, and a soldier was wounded")
                r"(?!\s+(?:was|were|is|are)\s+(?:\w+\s+)?(?:wounded|injured|hurt|abducted|kidnapped|arrested)))*)")

    group = group_named("g")
    death = (r"(?:killed|dead|died|slain|murdered|massacred|executed|beheaded|shot dead|shot and killed|"
             r"lost their lives|lost his life|lost her life|burned to death|hacked to death|perished|"
             r"(?:beaten|stoned|burnt|clubbed|stabbed|lynched) to death|lynched|(?:burned|burnt) alive|"
             r"were killed|was killed|have been killed|had been killed|has been killed|had died|have died|"
             r"fell as martyrs|were martyred|was martyred|embraced martyrdom|martyred|killed in action|"
             # the Pakistani army's press wing: "12 khwarij were sent to hell"
             r"were sent to hell|was sent to hell|sent to hell)")
    # A: "<group> (were|had been) killed"
    # "six members of the PKK were killed", "three residents from the village were killed"
    # "11 militants affiliated with al-Qaeda were killed"
    after = (r"(?:\s+(?:of|from|affiliated\s+with|linked\s+to|loyal\s+to|belonging\s+to|allied\s+(?:to|with)|"
             r"associated\s+with)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?")
    # ("Four suspected thieves were on Sunday lynched", "Five soldiers were on Monday killed")
    when = r"(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|evening|afternoon))?\s+)?"
    a = re.compile(r"\b" + group + after + r"(?:\s*,[^,.;]{0,60},)?\s+(?:(?:were|was|had|have|has|are|is|been|reportedly|all|also|later|being|found|confirmed|left)\s+){0,3}" + when + death + r"\b", re.I)
    # B: "killing/killed <group>"
    b = re.compile(r"\b(?:(?:killing|killed|kills|kill|claimed the lives of|claiming the lives of|took the lives of|"
                   r"shot dead|shooting dead|shot and killed|gunned down|gunning down|murdered|murdering|massacred|"
                   r"fatally (?:beat|beaten|shot|stabbed|struck|wounded)|lost|"
                   r"massacring|slaughtered|slaughtering|executed|executing|beheaded|beheading|slew|lynched|lynching|"
                   r"(?:resulted|resulting) in the deaths? of|caused the deaths? of|causing the deaths? of|"
                   r"led to the deaths? of|leading to the deaths? of|"
                   # "the killing of 23 persons"; not the cause of a protest ("protesting the killing of")
                   r"(?<!protesting the )(?<!protest the )(?<!against the )(?<!over the )(?<!condemned the )"
                   r"(?<!condemning the )(?<!condemn the )(?<!protested the )(?<!protests the )(?<!denounced the )"
                   r"(?<!denouncing the )(?<!mourned the )(?<!mourning the )(?:killings?|murders?|massacre) of|"
                   r"collected|recovered|found|retrieved|"
                   # "Among those killed were 11 soldiers and one police officer": the dead listed
                   # (a part of a toll told elsewhere: tolls._SUBSET)
                   r"(?:among\s+)?(?:those\s+killed|those\s+who\s+died|the\s+dead|the\s+victims)\s+"
                   r"(?:were|was|included|include|includes))\s+" + group + r"(?:\s+dead)?"
                   r"|(?:leaving|left)\s+" + group_named("g3") + r"\s+dead"
                   r"|(?:beat|beaten|stoned|hacked|burned|burnt|stabbed|clubbed|lynched)\s+" + group_named("g4") + r"\s+to death"
                   r"|(?:burned|burnt)\s+" + group_named("g6") + r"\s+alive)\b",
                   re.I)
    # C: "death toll ... N", "N dead"
    c = re.compile(r"\b(?:death toll|toll|number of (?:dead|deaths))\s+(?:\w+\s+){0,5}?(?:at|to|of|reached|was|is|stood at|rose to|climbed to)\s+(?P<g>" + num + r")\b", re.I)
    d = re.compile(r"\b(?:(?P<g>" + num + r")\s+(?:people\s+)?(?:dead|deaths|killed|bodies|fatalities)|"
                   r"(?:killing|killed|kills)\s+(?P<g5>(?!(?:19|20)\d\d\b)" + num + r")(?=\s*(?:[,.;:]|and\b|$)|\s+(?:near|in|at|on|outside|"
                   r"during|when|after|overnight|yesterday|today|last)\b)|"
                   # "the bodies of seven men and four women": every group counted
                   r"bodies\s+of\s+" + group_named("g7") + r"|"
                   r"bodies\s+of\s+(?P<g2>" + num + r")\s+(?:[\w'-]+\s+){0,2}?(?:" + victim + r"))\b", re.I)
    return a, b, c, d


_NONE = re.compile(
    r"\b(?:no (?:casualties|deaths|fatalities|one was (?:killed|hurt|injured)|injuries)|"
    r"nobody was (?:killed|hurt|injured)|no one (?:was|were) (?:killed|hurt|injured)|"
    r"without (?:causing )?casualties|caused no casualties|no loss of life|"
    r"(?:there were|reported) no casualties|no (?:one|body) (?:died|was harmed)|no lives were lost)\b",
    re.I,
)
_KILLED_OR_WOUNDED = re.compile(r"\b(?:killed|dead) or (?:wounded|injured)\b", re.I)
# nouns for one person, after "killed a/an/one ..." (fatalities 1 each)
_ONE_NOUNS = (
    r"man|woman|boy|girl|child|soldier|policeman|policewoman|police officer|officer|civilian|fighter|militant|farmer|"
    r"villager|resident|teacher|student|pupil|driver|trader|ranger|guard|gendarme|militiaman|person|protester|journalist|"
    r"reporter|shepherd|herder|fisherman|worker|pedestrian|passer-by|motorist|worshipper|demonstrator|activist|marcher|"
    r"youth|rioter|lawyer|doctor|nurse|official|politician|businessman|businesswoman|cleric|scholar|engineer|labou?rer|"
    r"miner|insurgent|rebel|jihadist|bandit|suspect|prisoner|detainee|refugee|migrant|elder|lecturer|professor|"
    r"candidate|nun|monk|motorcyclist|cyclist|vendor|shopkeeper|merchant"
)


_SINGLE = re.compile(
    r"\b(?:(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?(?P<v>" + _ONE_NOUNS + r"|passenger|customer|shopper|pilgrim|bystander)"
    # (an aside between: "a man suspected of being a thief was stoned to death")
    r"(?:\s+(?:who|suspected|accused|believed|identified|alleged(?:ly)?)\b[^.;,]{0,60}?)?"
    r"\s+(?:was|had been|has been)\s+(?:killed|shot dead|killed and|(?:beaten|burned|burnt|hacked|stabbed|stoned|clubbed|lynched) to death|"
    r"lynched|(?:burned|burnt) alive)|"
    r"shot\s+(?:the|a|an|one)\s+(?:[\w-]+\s+){0,1}?(?P<x>driver|man|woman|boy|girl|soldier|policeman|officer|villager|farmer|trader|teacher|student|guard)\s+dead|"
    # "They beheaded the man and kidnapped the women": one person told by the article
    r"(?:beheaded|beheading|hacked to death|stabbed to death|lynched|shot dead|executed)\s+the\s+"
    r"(?P<b>man|woman|boy|girl|husband|wife|father|mother|son|daughter|driver|soldier|policeman|villager|farmer|"
    r"trader|teacher|chief|pastor|priest|imam)\b(?!['’])|"
    r"(?:killing|killed|claimed the life of|claiming the life of|took the life of|shot dead|shooting dead|gunned down|"
    r"gunning down|murdered|murdering|assassinated|stabbed to death|hacked to death|beheaded|executed|lynched|"
    r"(?:beat|beaten|stoned|hacked|clubbed) to death(?:\s+and\s+set\s+(?:ablaze|alight|on fire))?|(?:burned|burnt) alive)\s+(?:a|an|one)\s+"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?P<w>" + _ONE_NOUNS + r")|"
    # one person told by age: "shot dead 23 year old Ahmed", "killed a nine-year-old girl"
    r"(?:killing|killed|shot dead|shooting dead|gunned down|murdered|assassinated|stabbed to death|hacked to death|"
    r"beheaded|executed)\s+(?:a\s+|an\s+)?(?P<age>\d{1,2}|[a-z]+(?:-[a-z]+)?)[- ]years?[- ]old\b|"
    # a named person in apposition: "Jesus Ortiz, president of a community board, was shot dead"
    r"(?P<named>(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}),[^,;.]{3,100},\s+was\s+(?:shot dead|killed|gunned down|"
    r"murdered|assassinated|stabbed to death|hacked to death|beheaded|executed|lynched|beaten to death))|"
    # one person named by office: "killed the village head", "shot dead a local chief"
    r"(?:killing|killed|shot dead|assassinated|murdered)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<t>head|headman|chief|ruler|imam|pastor|priest|chairman|mayor|councillor|councilor|commander|"
    r"governor|lawmaker|legislator|judge|prosecutor|emir|monarch)(?!\s+(?:of|and)\s+(?:the\s+)?[\w-]+\s+(?:were|have|had))\b)",
    re.I,
)


_AND_ONE = re.compile(r",?\s+and\s+(?:a|an|one|another)\s+(?:[\w-]+\s+){0,2}?(?P<n>" + _ONE_NOUNS + r")\b(?!\s+(?:was|were|had|has)\b)",
                     re.I)


def parse_quantity(text: str) -> tuple[int, int] | None:
    """The value of a quantity phrase: ``(value, high)``.

    ``"at least 12"`` -> (12, 12); ``"dozens"`` -> (12, 12); ``"five to seven"`` -> (5, 7);
    ``"5-7"`` -> (5, 7); ``"twenty-one"`` -> (21, 21); ``"one hundred and twenty"`` -> (120, 120);
    ``"1,200"`` -> (1200, 1200); ``"3 dozen"`` -> (36, 36); ``"30-plus"`` -> (30, 30). None when not
    a quantity.
    """
    q = _quantities()
    t = text.lower().strip()
    between = t.startswith("between ")
    t = re.sub(r"^(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|an estimated|"
               r"roughly|approximately|fewer than|less than|at most|between|no fewer than|not less than|"
               r"no less than|not fewer than|upwards of|in excess of|well over)\s+", "", t)
    t = re.sub(r"(?:-plus|\+|-odd)$", "", t)
    # a range: "five to seven", "5-7", "between 5 and 7" (not "one hundred and twenty")
    parts = re.split(r"\s+(?:to|or)\s+|(?<=\d)\s*[-–]\s*(?=\d)" + (r"|\s+and\s+" if between else ""), t, maxsplit=1)

    def one(s: str) -> int | None:
        s = s.strip()
        if re.fullmatch(r"\d[\d,]*", s):
            return int(s.replace(",", ""))
        m = re.fullmatch(r"(\d+)\s+dozen", s)
        if m:
            return int(m.group(1)) * 12
        if s in q["vague"]:
            return int(q["vague"][s])
        if s in q["number_words"]:
            return int(q["number_words"][s])
        # number words: "twenty-one", "one hundred and twenty", "two hundred and fifty"
        total = current = 0
        for w in re.split(r"[\s-]+", s):
            if w == "and":
                continue
            v = q["number_words"].get(w)
            if v is None:
                return None
            v = int(v)
            if v in (100, 1000):
                current = max(current, 1) * v
                if v == 1000:
                    total, current = total + current, 0
            else:
                current += v
        return total + current or None

    low = one(parts[0])
    if low is None:
        return None
    high = one(parts[1]) if len(parts) > 1 else None
    return (low, high if high is not None and high >= low else low)


def _group_value(group: str) -> tuple[int, int, str, bool] | None:
    """Sum the quantities of a victim group phrase; return (value, high, victims, attackers)."""
    q = _quantities()
    victim_alt = _alt(q["victims"])
    if re.match(r"between\s", group, re.I):
        group = re.sub(r"\s+and\s+", " to ", group, count=1)  # "between 10 and 15 villagers": a range
    pieces = re.split(r",?\s+(?:and|as well as|plus)\s+(?=(?:at least |more than |over |nearly |about |some )?(?:\d[\d,]*|" + _alt(list(q["number_words"]) + list(q["vague"])) + r")\b)", group, flags=re.I)
    total = high = 0
    victims: list[str] = []
    attackers = False
    for piece in pieces:
        m = re.match(r"(" + _num() + r")\s+(?:of\s+(?:the\s+|their\s+|its\s+)?)?" + _ADJ + r"(" + victim_alt + r")\b", piece, re.I)
        if m:
            qty = parse_quantity(m.group(1))
            noun = m.group(2)
        else:
            qty = parse_quantity(piece)
            noun = ""
        if qty is None:
            return None
        total += qty[0]
        high += qty[1]
        victims.append(noun)
        if noun.lower() in q["attackers"]:
            attackers = True
    return total, high, " and ".join(v for v in victims if v), attackers


def find_deaths(text: str, offset: int = 0) -> list[DeathCount]:
    """Death figures in one sentence; spans are offset into the article text.

    Overlapping matches keep the longest; "killed or wounded" figures are skipped
    (they mix injuries in). "No casualties" gives a 0 figure.
    """
    if _KILLED_OR_WOUNDED.search(text):
        return []
    # dates are not tolls: "March 14, 2024 - Seven people were killed" (same length, offsets kept)
    text = _DATES_TO_MASK.sub(lambda m: " " * len(m.group(0)), text)
    found: list[DeathCount] = []
    a, b, c, d = _patterns()
    for pat in (a, b, c, d):
        for m in pat.finditer(text):
            gd = m.groupdict()
            g = (gd.get("g") or gd.get("g7") or gd.get("g2") or gd.get("g3") or gd.get("g4") or gd.get("g5")
                 or gd.get("g6") or "")
            val = _group_value(g) if pat in (a, b) or gd.get("g7") else None
            if val is None:
                qty = parse_quantity(re.sub(r"\s+(?:people|dead|deaths|killed|bodies|fatalities)$", "", g.strip(), flags=re.I))
                if qty is None:
                    continue
                val = (qty[0], qty[1], "", False)
            if val[0] > MAX_PLAUSIBLE:
                continue  # "99999999999999999999 people": not a toll anyone reports
            if re.search(r"\b(?:how|so|too|as)\s+$", text[max(0, m.start() - 5):m.start()], re.I) \
                    and re.match(r"(?:many|much|few)\b", g.strip(), re.I):
                continue  # "did not clarify how many assailants were slain": no figure
            found.append(DeathCount(val[0], val[1], offset + m.start(), offset + m.end(), m.group(0), val[2], val[3]))
    for m in _SINGLE.finditer(text):
        v = (m.group("v") or m.group("w") or m.group("x") or m.group("b") or m.group("t")
             or ("person" if m.group("age") or m.group("named") else "")).lower()
        n, end, nouns = 1, m.end(), [v]
        if m.group("w") or m.group("t"):
            # "killed a Libyan engineer and a guard": one more for each "and a <noun>"
            for more in _AND_ONE.finditer(text, end):
                if more.start() != end:
                    break
                n, end = n + 1, more.end()
                nouns.append(more.group("n").lower())
        found.append(DeathCount(n, n, offset + m.start(), offset + end, text[m.start():end], " and ".join(nouns),
                                v in _quantities()["attackers"]))
    for m in _NONE.finditer(text):
        found.append(DeathCount(0, 0, offset + m.start(), offset + m.end(), m.group(0), "", False))
    # keep the longest of overlapping matches
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[DeathCount] = []
    for f in found:
        if out and f.start < out[-1].end:
            if (f.end - f.start) > (out[-1].end - out[-1].start):
                out[-1] = f
            continue
        out.append(f)
    # "killed three people in Tsafe and seven others in Gusau": a figure told per place, the
    # later ones without their verb
    per_place: list[DeathCount] = []
    for f in out:
        if f.value <= 0 or f.attackers:
            continue
        # (a chain: "three people in Gwoza, four in Konduga and seven others in Bama")
        pos = f.end - offset
        while (cont := _PER_PLACE_MORE.match(text, pos)) is not None:
            qty = parse_quantity(cont.group("n").replace(",", ""))
            start = offset + cont.start("n")
            end = offset + (cont.end("w") if cont.group("w") else cont.end("n"))
            if qty is None or qty[0] > MAX_PLAUSIBLE or any(o.start < end and start < o.end for o in out):
                break
            per_place.append(DeathCount(qty[0], qty[1], start, end, text[start - offset:end - offset], f.victims,
                                        False, per_place=True))
            pos = end - offset
    out = sorted(out + per_place, key=lambda x: x.start)
    return [replace(f, superseded=True) if _EARLIER_FIGURE.search(text[max(0, f.start - offset - 50):f.start - offset])
            else f for f in out]


# after a death figure and its place, "and seven others in the village of Sarja": the next
# place's own figure
_PER_PLACE_MORE = re.compile(r"\s+(?:in|at|near)\s+[^,;.]{1,60}?(?:,\s+(?:and\s+)?|\s+and\s+)(?:(?:at least|another)\s+)?"
                             r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                             r"\w+teen|\w+ty)(?:\s+(?P<w>others?|more|people|persons|civilians))?"
                             r"(?=\s+(?:(?:were|was)\s+(?:killed|dead)\s+)?(?:in|at|near)\b)", re.I)


# "had earlier placed the death toll at 12", "initially put the toll at": a figure a later one replaces
_EARLIER_FIGURE = re.compile(r"\b(?:earlier|initially|previously|first)\s+(?:placed|put|gave|reported|said|estimated|"
                             r"set)\b[^.;]*$", re.I)
