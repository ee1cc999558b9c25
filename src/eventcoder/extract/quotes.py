"""Attributed quotes: direct quotations and reported speech of named people (FORMAT.md, "Quotes").

Patterns, applied per paragraph of the clean text:

- ``"...," Name, a role at Org, said.`` and ``"...," said Name.`` (quotation first);
- ``Name, a role, said: "..."`` (a quotation that may run over the paragraph break);
- ``Org role Title Name said (that) <clause>`` (reported speech, the clause is the text);
- ``<clause>, Name said.`` (reported speech, attribution last);
- a quotation with no attribution of its own belongs to the last speaker named.

Speakers: "he"/"she" and a bare surname resolve to the last named person (or the one whose
full name ends with that surname); rank and title abbreviations (Maj. Gen., Brig., Lt. Col.,
Gov., Dr.) are dropped from names; roles come from a role lexicon in front of the name
("Joint Operations Command spokesman ...") or from an apposition after it ("..., a nurse at
the district hospital,"); the organisation is what the text gives beside the role.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from eventcoder.models import Article, Attribution, Event, Quote

_VERBS = (r"said|says|say|told|tells|added|adds|stressed|explained|noted|warned|confirmed|announced|stated|"
          r"insisted|declared|claimed|wrote|recalled|recounted|urged|asked|replied|argued|acknowledged|"
          r"emphasised|emphasized|continued|went on|reported|tweeted|informed|disclosed|revealed|posted|"
          r"indicated|maintained|alleged|asserted|assured|pointed out|clarified|mentioned|admitted|estimated|"
          r"observed|lamented|cautioned|affirmed|reiterated|underscored|underlined")
# Verbs of speaking after which the words that follow are what was said, with or without
# "that" ("the governor said five people died"); the other verbs of _VERBS take an object
# as often as a clause ("declared a state of emergency", "urged residents to stay home",
# "confirmed the attack"), so their words count as reported speech only after "that" or
# when they read as a clause (a finite verb among their first words).
_BARE_CLAUSE_VERBS = frozenset({"said", "says", "say", "told", "tells", "added", "adds", "insisted", "stated"})
_FINITE = re.compile(r"\b(?:was|were|is|are|had|has|have|will|would|could|can|may|might|must|should|did|does|"
                     r"do|died|killed|wounded|injured|fled|left|came|went|took|began|broke|opened|fired|attacked|"
                     r"stormed|abducted|kidnapped|arrested|destroyed|burned|torched|lost|occurred|happened|struck|"
                     r"exploded|clashed|shot|raided|ambushed|remained)\b", re.I)


def _reads_as_clause(words: str) -> bool:
    """Whether reported words read as a clause (a finite verb among the first ten words, not
    as the modifier after an article: "the armed group"), not as the object of the verb."""
    toks = words.split()[:10]
    for k, tok in enumerate(toks):
        if _FINITE.fullmatch(tok.strip(",;:")) and not (k and toks[k - 1].casefold() in ("a", "an", "the")):
            return True
    return False
_TITLES = (r"(?:Pol\.|Gen\.|Maj\.|Brig\.|Lt\.|Col\.|Gen\.|Capt\.|Cpt\.|Sgt\.|Cpl\.|Gov\.|Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|Rev\.|Sen\.|Rep\.|"
           r"Adm\.|Cmdr\.|Insp\.|Supt\.|Major|General|Brigadier|Colonel|Lieutenant|Captain|Sergeant|Commandant|"
           r"Commander|Governor|Air Commodore|Commodore|Admiral|Sheikh|Imam|Pastor|Father|Bishop|Chief|Judge|Justice|"
           r"President|Minister|Senator|Mayor|Professor|Doctor|Ambassador)")
_ROLES = [
    "media director", "communications chief", "police spokesman", "army spokesman", "military spokesman",
    "government spokesman", "district police officer", "police commissioner", "police chief", "deputy director",
    "deputy governor", "district commissioner", "community leader", "civil society leader", "council member",
    "local official", "security official", "military official", "health official", "police officer",
    "spokesman", "spokeswoman", "spokesperson", "director", "commander", "governor", "minister", "official",
    "officer", "head", "chief", "mayor", "president", "leader", "nurse", "doctor", "teacher", "resident",
    "member", "analyst", "researcher", "chairman", "chairwoman", "secretary", "coordinator", "administrator",
    "monitor", "witness", "farmer", "trader", "shepherd", "councillor", "representative", "envoy",
    "prefect", "sub-prefect", "chief executive", "activist", "lawyer", "journalist", "survivor",
    "judge", "prosecutor", "magistrate",
]
_ROLE_RE = re.compile(r"\b(" + "|".join(re.escape(r) for r in sorted(_ROLES, key=len, reverse=True)) + r")\b", re.I)
_NAME_TOKEN = (r"(?:(?:van der|van den|van de|de la|de los|al|el|bin|ibn|abu|de|del|van|von|da|dos|du|le)[- ])?"
               r"(?:[A-Z][a-z]?\.(?=\s+[A-Z])|[A-Z][\w'’\-]*)")
_NAME = re.compile(r"(?:" + _NAME_TOKEN + r")(?:\s+(?:" + _NAME_TOKEN + r"))*")
_PRONOUN = re.compile(r"^(?:he|she)(?:\s+(?:also|later|further|then|again))?$", re.I)
_OPEN = "\"“"
_CLOSE = "\"”"
_NOT_PERSON = {"police", "officials", "residents", "witnesses", "sources", "authorities", "they", "we", "it",
               "the army", "the military", "the government", "the ministry", "the statement", "the group",
               "the agency", "a statement", "the police", "army", "government", "ministry"}


# news agencies and monitors that report, never a person who spoke
_NEWS_WIRES = {"reuters", "afp", "ap", "xinhua", "anadolu", "efe", "ians", "pti", "ani", "tass", "ria novosti",
               "netblocks", "ahram online", "al jazeera", "bbc", "cnn", "dpa", "kyodo", "yonhap", "irna", "sana",
               "clashes", "attackers", "gunmen", "militants", "rebels", "soldiers", "troops", "protesters"}


@dataclass(frozen=True)
class Speaker:
    """Who spoke, as the text gives it (None where it does not)."""

    name: str | None
    role: str | None
    organization: str | None


_NOT_FIRST = {"On", "In", "At", "After", "Before", "During", "Separately", "Meanwhile", "Later", "Earlier",
              "Several", "Some", "Many", "Critics", "Prosecutors", "The", "A", "An", "Residents", "Officials",
              "Police", "Witnesses", "Survivors", "Relatives", "Activists", "Analysts", "Local", "Both", "It",
              "They", "We", "He", "She", "His", "Her", "Their", "Its", "This", "That", "These", "Those", "But",
              "And", "Under", "Since", "When", "While", "As", "If", "According", "Further", "Furthermore",
              "Moreover", "Additionally", "Also", "However", "Two", "Three", "Four", "Five", "Six", "Seven",
              "Eight", "Nine", "Ten"}
_MONTH_DAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                        r"April|June|July|August|September|October|November|December)\b")


def _strip_titles(text: str) -> str:
    prev = None
    text = text.strip()
    while prev != text:
        prev = text
        text = re.sub(r"^" + _TITLES + r"\s+", "", text).strip()
    return text


# words that make a capitalised sequence an organisation or a place, not a person
_ORG_WORD = re.compile(r"(?i)\b(?:ministry|ministries|department|agency|office|council|observatory|army|forces|"
                       r"international|rights|fund|programme|bank|"
                       r"police|committee|commission|government|authority|organi[sz]ation|group|front|movement|"
                       r"party|union|association|institute|network|news|radio|times|post|press|state|province|"
                       r"region|county|district|brigade|battalion|command|university|hospital|church|mission|"
                       r"cent(?:er|re)|operations|headquarters|directorate|online|tv|television|channel|staff|"
                       r"daily|gazette|tribune|herald|journal|magazine|newspaper|administration|affairs|interior|"
                       r"defen[cs]e|room|nations|forum|watch|coalition|alliance|foundation|society|initiative|"
                       r"monitor|unit|team|force|bureau|service|services|crescent|cross|corps|project|cell|media|"
                       # Arabic place words that begin a toponym, never a person's name
                       r"wadi|jabal|jebel|bir|deir|kafr|tell)\b|\d")


def _is_name(text: str, not_person: Callable[[str], bool]) -> bool:
    core = _strip_titles(text)
    m = _NAME.fullmatch(core)
    if not m or len(core.split()) > 5:
        return False
    toks = core.split()
    first = toks[0]
    # a weekday or month may be a first name ("Sunday Abdu"), never a surname or a lone word
    dated = _MONTH_DAY.search(" ".join(toks[1:])) if len(toks) > 1 else _MONTH_DAY.search(core)
    if re.search(r"['’]s$", core) or core.casefold() in _NOT_PERSON or core.casefold() in _NEWS_WIRES:
        return False  # "Mwai Kibaki's government", "Authorities", "Reuters": no person speaking
    if len(toks) == 1 and core.endswith("s") and not_person(core[:-1]):
        return False  # "Palestinians", "Iraqis": a people, not a person
    return (first not in _NOT_FIRST and not dated and not _ROLE_RE.search(core)
            and not _ORG_WORD.search(core) and not not_person(core))


# words that open a title ("Vice President", "Prime Minister", "Acting Governor"): the role's own
_ROLE_PREFIX = r"(?:vice|deputy|acting|interim|former|prime|assistant|senior|lieutenant|first|chief|junior|state)"


def _role_org(part: str) -> tuple[str | None, str | None]:
    """Role and organisation from a phrase such as "deputy director of the Taiz health office",
    "the army's spokesman in Ituri", "An M23 spokesman", "the town's mayor"."""
    part = re.sub(r"^(?:an?|the)\s+", "", part.strip(), flags=re.I)
    part = re.split(r"\s+who\s+|\s+whose\s+|\s+reached\s+", part)[0]
    m = _ROLE_RE.search(part)
    if not m:
        return None, None
    before, role, after = part[:m.start()].strip(), m.group(1), part[m.end():].strip()
    org = None
    om = re.match(r"^(?:of|at|for|with|in)\s+(?:the\s+)?(?P<org>.+)$", after)
    if om:
        org = om.group("org").strip()
    if before:
        poss = re.match(r"^(?P<org>.+?)(?:'s|’s)$", before)
        if poss:
            org = org or poss.group("org")
        elif re.fullmatch(_ROLE_PREFIX, before, re.I):
            role = f"{before} {role}"  # "Vice President", "Prime Minister", "Deputy Governor": one title
        elif before[:1].isupper() or before.lower() in ("police", "army", "government", "military"):
            org = org or before
        elif len(before.split()) <= 3 and not re.search(
                r"\b(?:was|were|is|are|been|by|said|says|told|has|have|had|condemned|added)\b", before, re.I):
            role = f"{before} {role}"  # "deputy director"; not "attack was condemned by the governor"
    return role, org


def parse_speaker(who: str, not_person: Callable[[str], bool] = lambda s: False) -> Speaker:
    """Split an attribution phrase into name, role and organisation.

    Handles "Org role Title Name" ("Joint Operations Command spokesman Maj. Gen. Tahseen
    al-Khafaji"), "Name, a role at Org" ("Leila Haddad, a nurse at the district hospital"),
    "role, Title Name" ("the town's mayor, Thierry Doko-Yangué") and "..., who identified
    himself only as Name".
    """
    who = re.sub(r"\s+", " ", who).strip(" ,.")
    who = re.sub(r"\s+(?:has|have|had|also|later|then|previously)$", "", who)
    who = re.sub(r"^(?:and|but)\s+", "", who)
    parts = [p.strip() for p in re.split(r",\s+", who) if p.strip()]
    name: str | None = None
    role: str | None = None
    org: str | None = None
    for part in parts:
        core = _strip_titles(part)
        if name is None and _is_name(core, not_person):
            name = core
            continue
        ident = re.search(r"\b(?:as|nom de guerre|first name|name)\s+(?P<n>" + _NAME.pattern + r")$", part)
        if name is None and ident and _is_name(ident.group("n"), not_person):
            name = ident.group("n")
            continue
        if name is None:
            # pre-modified: "Org role Title Name"
            last = None
            for rm in _ROLE_RE.finditer(part):
                last = rm
            if last is not None and last.end() < len(part):
                tail = _strip_titles(part[last.end():])
                nm = _NAME.match(tail)
                if nm and _is_name(nm.group(0), not_person):
                    name = nm.group(0)
                    r, o = _role_org(part[:last.end()])
                    role, org = role or r, org or o
                    continue
        if name is None:
            # "Peshawar SSP Operations Haroon Rasheed Khan", "bus conductor Dennis Kariuki",
            # "46-year-old Fatou Ba": words of office or description the role list does not
            # know, then the name: the trailing run of capitalised words (three of them when
            # the run is three long, else the last two)
            toks = part.split()
            run = 0
            while run < len(toks) and (toks[len(toks) - 1 - run][:1].isupper()
                                       or re.match(r"(?:al|el)-[A-Z]", toks[len(toks) - 1 - run])):
                run += 1  # "Colonel Mohammad al-Afif": a particle joined to the name is part of it
            if 2 <= run < len(toks) + (1 if len(toks) >= 4 else 0) and toks[0] not in _NOT_FIRST \
                    and toks[0].casefold() not in _FRAGMENT_WORDS:
                for k in ((3, 2) if run >= 3 else (2,)):
                    cand = " ".join(toks[-k:])
                    if _is_name(cand, not_person) and not not_person(toks[-1]) and not _ORG_WORD.search(cand):
                        rest = " ".join(toks[:-k])
                        r, o = _role_org(rest)
                        name, role, org = cand, role or r or rest, org or o
                        break
                if name is not None:
                    continue
        if role is None:
            r, o = _role_org(part)
            if r:
                role, org = r, org or o
    if name is None and role is None and parts:
        org = re.sub(r"^(?:the|a|an)\s+", "", parts[0])
    if org is not None and (not org.split() or org.split()[0].casefold() in _FRAGMENT_WORDS or len(org.split()) > 8):
        org = None  # "They", "When the army", "statement": a sentence fragment, not an organisation
    if name is not None and name.split()[0].casefold() in _FRAGMENT_WORDS:
        name = None
    return Speaker(name, role, org)


# First words of a phrase that is a piece of a sentence, never a speaker or an organisation.
_FRAGMENT_WORDS = frozenset("""he she they it we i you this that these those there here however meanwhile separately
also but and or so yet when while after before since although though if as last next earlier later then now today
yesterday statement statements report reports according""".split())


def _same_office(known: Speaker, role: str) -> bool:
    """Whether "the <role>" can refer back to a named speaker: the role's head word is a word
    of the speaker's role or organisation phrase ("the spokesman" for "the Minister of
    Communication and government Spokesman, Issa Tchiroma Bakari")."""
    head = role.casefold().split()[-1]
    words = " ".join(x for x in (known.role, known.organization) if x).casefold().split()
    return head in words


class _Speakers:
    """Named speakers seen so far, for pronouns and bare surnames."""

    def __init__(self) -> None:
        self.known: list[Speaker] = []

    def resolve(self, sp: Speaker, raw: str) -> Speaker:
        if _PRONOUN.match(raw.strip()):
            return self.known[-1] if self.known else Speaker(None, None, None)
        if not sp.name and sp.role and re.match(r"^(?:the|this)\s", raw.strip(), re.I):
            # "The youth leader said": the named speaker introduced with that role
            for k in reversed(self.known):
                if k.name and _same_office(k, sp.role):
                    return k
        if sp.name and " " not in sp.name.strip():
            key = sp.name.casefold().removeprefix("al-")
            for k in reversed(self.known):
                if not k.name:
                    continue
                toks = k.name.casefold().split()
                if toks[-1].removeprefix("al-") == key or toks[0] == key:
                    return Speaker(k.name, sp.role or k.role, sp.organization or k.organization)
        if sp.name:
            self.known.append(sp)
        return sp


# "With more police on the streets, he said, calm will return": the words after the aside.
_PARENTHETICAL = re.compile(r"^[^\"“,]{3,80},\s+(?P<who>he|she|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:said|says|added),\s+"
                            r"(?P<q>[^\"“\s][^\"“]{8,}?)\.?$")
# "..., Horace said, adding: “We counted nine bodies.”"
_SAID_ADDING = re.compile(r"(?:^|,\s+)(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})\s+(?:said|says),\s+adding:?\s*$")


def _known_speaker(speakers: _Speakers, sp: Speaker, raw: str) -> Speaker | None:
    """A named speaker met before that an unnamed attribution refers to: "the youth leader"
    (the same role) or a bare surname ("Yakubu")."""
    text = raw.strip()
    if sp.role and re.match(r"^(?:the|this)\s", text, re.I):
        for k in reversed(speakers.known):
            if k.name and _same_office(k, sp.role):
                return k
    if re.fullmatch(r"[A-Z][\w’'-]+", text):
        key = text.casefold().removeprefix("al-")
        for k in reversed(speakers.known):
            if k.name and k.name.casefold().split()[-1].removeprefix("al-") == key:
                return k
    return None


_Q = r"[\"“](?P<q>[^\"”“]{3,}?)[\"”]"
# "confirmed to DAILY POST that ...": the adverbial runs to "that" when one follows
_VERB_ADV = (r"(?:\s+(?:on|in|to|at|by|from|during|after|over|via)\s+[^,\"“]{1,40}?(?=\s+that\b)|"
             r"\s+(?:on|in|to|at|by|from|during|after|over|via)\s+[^,\"“]{1,40}?)?")
_AFTER_QUOTE = re.compile(r"^\s*,?\s*(?:(?:" + _VERBS + r")\s+(?P<who1>.+?)|(?P<who2>.+?)\s+(?:" + _VERBS + r")\b.*?)\.?\s*$")
_BEFORE_QUOTE = re.compile(r"^(?:.*?\b(?:and|but)\s+)?(?P<who>[A-Z][^\"“]*?)\s+(?:(?:" + _VERBS + r")(?:\s+[\w-]+){0,5}?\s*[:,]?"
                           # any verb before a colon ("the president Idriss Deby, deplored: ...")
                           r"|[a-z]{3,}ed\s*:)\s*$")
# "Kurti joined the protesters, saying: ..." : the sentence's subject speaks
_SUBJECT_SAYING = re.compile(r"^(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})\s+[a-z][^\"“]{0,120}?,\s+(?:saying|adding)\s*:?\s*$")
_REPORTED = re.compile(r"^(?P<who>[A-Z][^\"“]{1,160}?)\s+(?:told\s+(?:the\s+)?[\w-]+(?:\s+[A-Z][\w-]+)*|"
                       r"(?:was|were) quoted as saying(?:\s+by\s+[^,\"“]{2,60}?(?=\s+that\b))?|(?P<verb>" + _VERBS + r"))"
                       + _VERB_ADV + r"\s+(?P<that>that\s+)?(?P<q>[^\s].{8,}?)\.?$")
_REPORTED_AFTER = re.compile(r"^(?P<q>[^\"“].{12,}?),\s+(?:(?:" + _VERBS + r")\s+(?P<who1>[^\"“]{2,200}?)|"
                             r"according to\s+(?P<who3>[^\"“]{2,200}?)|"
                             r"(?P<who2>[^,\"“]{2,120}?(?:,\s+[^,\"“]{2,80},)?)\s+(?:" + _VERBS + r")(?:\s+[\w-]+){0,6})\.?$")
_SAYING = re.compile(r",?\s+(?:saying|adding|and added|and said)\s+(?!to\b)(?:that\s+)?(?P<q>[^\"“].{8,}?)"
                     r"(?=(?:,?\s+and\s+(?:saying|adding)\b)|\.?$)")


# A sentence that opens with a person's name and an apposition or a verb of speaking or
# stance ("Sunday Abdu, the president of ..., blamed ..."): the name may speak next.
_SUBJECT_NAME = re.compile(
    r"(?:^|(?<=\bthat )|(?<=, ))(?P<who>(?:(?:" + _TITLES[3:-1] + r")\s+)*(?:[A-Z][\w’'-]+\.?\s+){0,2}[A-Z][\w’'-]+(?:\s+(?:al-|el-|bin\s+|de\s+)?[A-Z][\w’'-]+){1,3})"
    r"(?=\s*,\s+(?:the|a|an|who|whose|[a-z]+ (?:of|for|at))\b|\s*,?\s+(?:" + _VERBS + r"|blamed|accused|condemned|described|called|"
    r"alleged|denied|said|narrated|recounted|recalled|described|spoke|testified)\b)")


def _pair_quotes(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks, paired in order; an unclosed one runs to the paragraph end."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, ch in enumerate(text):
        if start is None and ch in _OPEN:
            start = i + 1
        elif start is not None and ch in _CLOSE:
            if i - start >= 3:
                spans.append((start, i))
            start = None
    if start is not None and len(text) - start >= 3:
        spans.append((start, len(text)))
    # British single quotation marks (‘...’): the closing mark is also the apostrophe, so it
    # closes only before punctuation, a verb of speaking or the paragraph's end
    for om in re.finditer(r"(?:^|(?<=[\s(\[—–-]))‘(?!’)", text):  # (not "‘’", a double mark typed as two)
        qs = om.end()
        if any(a <= qs < b for a, b in spans):
            continue
        cm = _SINGLE_CLOSE.search(text, qs + 3)
        if cm is not None and not any(qs < b and a < cm.start() for a, b in spans) \
                and len(text[qs:cm.start()].split()) >= 3 and "‘" not in text[qs:cm.start()]:
            spans.append((qs, cm.start()))
    return sorted(spans)


_SINGLE_CLOSE = re.compile(r"’(?=[,.!?;:]|\s+(?:said|says|told|added|he|she|they|according)\b|\s*$)")


# a time phrase before the subject: "Yesterday,", "On Friday,", "Earlier on Monday,"
_TIME_LEAD = re.compile(r"^(?:Yesterday|Today|Earlier|Later|Meanwhile|On \w+day(?: (?:morning|evening|night))?|"
                        r"Earlier (?:on|this) \w+|Late on \w+day),\s+(?=[A-Z])")


def _according_to(sent: str, not_person: Callable[[str], bool]) -> tuple[str, int] | None:
    """("According to Chief District Officer Rishiram Tiwari, the Socialist Front had been ...")
    the speaker phrase and where the reported clause starts, when a person is named (or "him",
    "her"); None otherwise."""
    m = re.match(r"^According to\s+", sent)
    if not m:
        return None
    rest = sent[m.end():]
    commas = [i for i, ch in enumerate(rest) if ch == ","]
    for i in commas[:3]:
        who = rest[:i]
        q_at = m.end() + i + 1
        tail = sent[q_at:].strip()
        if len(tail.split()) < 4 or tail[:1] in _OPEN:
            continue
        if re.fullmatch(r"him|her", who.strip(), re.I):
            return "he", q_at
        sp = parse_speaker(who, not_person)
        if sp.name:
            return who, q_at
    return None


def _who_ok(who: str) -> bool:
    who = who.strip()
    return bool(who) and len(who.split()) <= 24 and not re.search(r"\b(?:if|when|because|while)\b", who)


def _subject_ok(who: str) -> bool:
    """A speaker phrase at the start of a sentence: a name (with role words) or a pronoun, short."""
    who = who.strip()
    if _PRONOUN.match(who):
        return True
    return len(who.split()) <= 22 and bool(_NAME.search(who)) and who.split()[0] not in {"It", "There", "This"}


def find_quotes(article: Article, not_person: Callable[[str], bool] = lambda s: False) -> list[Quote]:
    """Quotes of the article's body paragraphs, in text order, with speakers resolved.

    Args:
        article: the cleaned article.
        not_person: says whether a capitalised name is an organisation or place, not a person
            (the pipeline passes the actor dictionary and gazetteer).

    Returns:
        ``Quote`` records whose ``start``/``end`` point at the quoted or reported text in
        ``article.text``. Quotes attributed to no named person carry ``speaker=None``.
    """
    from eventcoder.clean import dateline_end
    from eventcoder.nlp import _split_paragraph

    speakers = _Speakers()
    quotes: list[Quote] = []
    carried: Speaker | None = None  # speaker of a quotation that ran over a paragraph break
    last_para_with_speaker = -10
    for idx, para in enumerate(article.paragraphs):
        if para.is_caption or (idx == 0 and article.title is not None):
            continue
        text = article.text[para.start:para.end]
        base = para.start
        spans = _split_paragraph(text)
        local: list[tuple[int, int, Speaker, bool]] = []
        _pronouns: list[int] = []  # where reported speech by "he"/"she" starts

        def add(s: int, e: int, sp: Speaker, direct: bool, raw: str | None,
                _local: list = local, text: str = text, _pronouns: list = _pronouns) -> Speaker:
            while s < e and text[s] in " ,\"“":
                s += 1
            while e > s and text[e - 1] in " ,.\"”":
                e -= 1
            resolved = speakers.resolve(sp, raw) if raw is not None else sp
            if len(text[s:e].split()) >= 3 and not any(s < b and a < e for a, b, *_ in _local):
                _local.append((s, e, resolved, direct))
                if raw is not None and _PRONOUN.match(raw.strip()):
                    _pronouns.append(s)
            return resolved

        def sentence_of(pos: int, spans: list = spans, text: str = text) -> tuple[int, int]:
            for a, b in spans:
                if a <= pos < b or (pos == b):
                    return a, b
            return 0, len(text)

        # 1. reported speech, sentence by sentence
        for a, b in spans:
            sent = text[a:b]
            cut = dateline_end(sent) if a == 0 else 0
            if cut:
                # "KHERSON, Ukraine, 3 February 2024 — Russian forces shelled ..., the governor
                # said": the dateline is no part of what was said
                a += cut
                sent = text[a:b]
            lead_in = _TIME_LEAD.match(sent)
            if lead_in and sent[lead_in.end():lead_in.end() + 1] not in _OPEN:
                # "Yesterday, Abdul Basir Zabuli ... reported that ...": the sentence after the time
                a += lead_in.end()
                sent = text[a:b]
            acc = _according_to(sent, not_person)
            if acc is not None:
                who, q_at = acc
                add(a + q_at, b, parse_speaker(who, not_person), False, who)
                continue
            for subj in _SUBJECT_NAME.finditer(sent):
                sp0 = parse_speaker(subj.group("who"), not_person)
                if sp0.name and " " in sp0.name.strip():
                    lead = sent[:subj.start("who")]
                    r, o = _role_org(lead.strip(" ,")) if lead.strip() else (None, None)
                    speakers.resolve(Speaker(sp0.name, sp0.role or r, sp0.organization or o), subj.group("who"))
                    last_para_with_speaker = idx
            if sent[:1] in _OPEN:
                continue
            par = _PARENTHETICAL.match(sent)
            if par:
                psp = parse_speaker(par.group("who"), not_person)
                if psp.name or _PRONOUN.match(par.group("who")):
                    add(a + par.start("q"), a + par.end("q"), psp, False, par.group("who"))
                    continue
            m2 = _REPORTED_AFTER.match(sent)
            if m2 and re.match(r"(?:Talking|Speaking|Addressing|Briefing|Writing)\b", m2.group("q")):
                m2 = None  # "Talking to the media, X said ...": the words after the verb are the quote
            if m2 and len(m2.group("q").split()) <= 6 and re.search(_ROLE_RE.pattern + r"$", m2.group("q"), re.I):
                m2 = None  # "The state police spokesman, SP Idris Gana disclosed this": a role, no words
            if m2:
                who = m2.group("who1") or m2.group("who2") or m2.group("who3") or ""
                rsp = parse_speaker(who, not_person)
                if not rsp.name and m2.group("who1"):
                    # "..., says the BBC's David Ogot in the town": the place after the name
                    trimmed = re.sub(r"\s+(?:in|on|at|from|during|to)\s+[^,]*$", "", who)
                    tsp = parse_speaker(trimmed, not_person) if trimmed != who else rsp
                    if tsp.name:
                        who, rsp = trimmed, tsp
                if _who_ok(who) and (rsp.name or _PRONOUN.match(who.strip())):
                    add(a + m2.start("q"), a + m2.end("q"), rsp, False, who)
                    continue
            m = _REPORTED.match(sent)
            # (a clause before the coordination is no speaker: "No deaths were reported, but the
            # Kenya Red Cross said ...")
            clause_first = m is not None and bool(re.search(r",\s+(?:and|but|while)\s+(?=[A-Z]|the\s+[A-Z])",
                                                           m.group("who"))) \
                and _reads_as_clause(m.group("who").split(",")[0])
            if not (m and _subject_ok(m.group("who"))) or clause_first:
                # "The government denounced the blockade, and Hashim Thaci, the prime minister,
                # has said ...": the speaker of the clause after the coordination
                co = re.search(r",\s+(?:and|but|while)\s+(?=[A-Z]|the\s+[A-Z])", sent)
                rest = sent[co.end():] if co else ""
                mc = _REPORTED.match(rest[:1].upper() + rest[1:]) if co else None  # ("but the Kenya Red Cross said")
                if co and mc and _subject_ok(mc.group("who")):
                    a += co.end()
                    sent = text[a:b]
                    m = mc
            if m and _subject_ok(m.group("who")):
                who = sent[m.start("who"):m.end("who")]  # (as written, not as capitalised above)
                q_start = m.start("q")
                q_text = sent[q_start:m.end("q")]
                if re.match(r"(?i)responsibility\b", q_text):
                    continue  # "X claimed responsibility for the blast" is a claim, not a quotation
                if re.match(r"(?i)(?:nothing|little|no more|no word)\b", q_text):
                    continue  # "The army said nothing about its casualties"
                verb = m.group("verb")
                obj_that = re.match(r"^(?:[\w'’-]+\s+){1,4}?that\s+", q_text) if verb else None
                if obj_that and not m.group("that") and verb.casefold() in ("informed", "assured", "warned"):
                    # "informed journalists that the attackers fled": the words after "that"
                    q_start += obj_that.end()
                    q_text = sent[q_start:m.end("q")]
                elif verb and verb.casefold() not in _BARE_CLAUSE_VERBS and not m.group("that") \
                        and not _reads_as_clause(re.split(r",\s+(?:saying|adding)\b", q_text)[0]):
                    # "X declared a state of emergency", "X urged residents to stay home": no
                    # words quoted, but X may speak next ("he said"), or in the same sentence
                    # ("confirmed the attack, saying the suspects had been identified")
                    rsp = speakers.resolve(parse_speaker(who, not_person), who)
                    sm = _SAYING.search(sent)
                    if sm and (rsp.name or _PRONOUN.match(who.strip())):
                        add(a + sm.start("q"), a + sm.end("q"), rsp, False, None)
                    continue
                if re.match(r"\s*reported\b", sent[m.end("who"):]):
                    # "Vanguard reported that ...": an outlet reports; a person with a full name
                    # ("Abdul Basir Zabuli, the police spokesman, reported that ...") speaks; and
                    # "reported the kidnapping to the police" reports no words
                    rname = parse_speaker(who, not_person).name
                    if not rname or len(rname.split()) < 2 or not re.match(r"\s*reported\s+(?:[^,]{0,30}\s+)?that\b",
                                                                           sent[m.end("who"):]):
                        continue
                # "confirmed the attack and said security forces ...": the words after "and said"
                # ("confirmed the attack but said only eight people were killed" too)
                joined = re.match(r"^[^,\"“]{0,60}?\b(?:and|but) (?:said|added|told [\w ]{1,30}?)\s+(?:that\s+)?", q_text)
                if joined:
                    q_start += joined.end()
                rsp = add(a + q_start, a + m.end("q"), parse_speaker(who, not_person), False, who)
                sm = _SAYING.search(sent)
                if sm:
                    add(a + sm.start("q"), a + sm.end("q"), rsp, False, None)
                continue
            sm = _SAYING.search(sent)
            if sm:
                head = sent[:sm.start()]
                nm = re.match(r"^(?P<who>[^,]+(?:,\s+[^,]+,)?)", head)
                if nm:
                    rsp = parse_speaker(nm.group("who"), not_person)
                    if rsp.name:
                        add(a + sm.start("q"), a + sm.end("q"), rsp, False, nm.group("who"))
        # 2. direct quotations: pair the marks in order (straight quotes alternate)
        qspans = _pair_quotes(text)
        for qs, qe in sorted(qspans):
            if any(s <= qs < e for s, e, *_ in local):
                continue
            _sa, sb = sentence_of(min(qe + 1, len(text) - 1))
            after = text[qe + 1:sb] if qe < len(text) else ""
            adding = _SAYING.search(after)
            if adding:
                # '"...," said Duggan, adding that the curfew will remain': the attribution is
                # the words before "adding"; what follows is more of the same speaker's words
                after = after[:adding.start()]
            sp: Speaker | None = None
            raw: str | None = None
            # the attribution after the quote, within its sentence ("Gov. Silvano Aureoles said")
            ma = _AFTER_QUOTE.match(after) if re.match(r"^\s*[,;]?\s*(?:[A-Za-z][^\"“]*?\s)?(?:" + _VERBS + r")\b",
                                                       after) else None
            signed = re.search(r"\b(?:signed|issued|read out) by\s+(?P<who>[^.\"“]+)", after)
            if signed:
                raw = signed.group("who").strip()
                sp = parse_speaker(raw, not_person)
                if not sp.name:
                    sp, raw = None, None
            elif ma:
                raw = (ma.group("who1") or ma.group("who2") or "").strip()
                raw = re.sub(r"\s+(?:in|on|by|to|at|from|during)\s+.*$", "", raw) if ma.group("who1") else raw
                if _who_ok(raw):
                    sp = parse_speaker(raw, not_person)
                else:
                    sp, raw = None, None
            if sp is None:
                ba, _bb = sentence_of(qs - 1 if qs > 0 else 0)
                before = text[ba:max(qs - 1, ba)]
                mb = _BEFORE_QUOTE.match(before)
                if mb and (_who_ok(mb.group("who")) or (len(mb.group("who").split()) <= 40 and "," in mb.group("who")
                                                        and parse_speaker(mb.group("who"), not_person).name)):
                    # a long lead-in ("Prior to ..., the Minister ..., Issa Tchiroma Bakari, reviewing
                    # ..., said") is kept when one of its comma parts names the person
                    raw = mb.group("who")
                    sp = parse_speaker(raw, not_person)
                else:
                    ma2 = _SAID_ADDING.search(before) or _SUBJECT_SAYING.match(before)
                    if ma2:
                        raw = ma2.group("who")
                        sp = parse_speaker(raw, not_person)
            if sp is not None and not sp.name and raw:
                # "The youth leader said:", "Yakubu said,": a role or a surname of a named speaker
                known = _known_speaker(speakers, sp, raw)
                if known is not None:
                    sp, raw = known, None
            if sp is None or not (sp.name or (raw and _PRONOUN.match(raw.strip()))):
                if sp is not None and not sp.name and sp.organization and not (raw and _PRONOUN.match(raw.strip())):
                    pass  # an organisation's statement with no person named
                else:
                    named = next((x[2] for x in local if x[2].name), None)
                    if named is None and carried is not None:
                        named = carried
                    if named is None and speakers.known and idx - last_para_with_speaker <= 1 \
                            and (qs <= 1 or re.match(r"^\s*,?\s*(?:he|she)\b", after or "", re.I)):
                        # a quotation paragraph after a named speaker's: the same voice
                        # (news convention), as is a quotation closed by "he said"
                        named = speakers.known[-1]
                    sp, raw = named or Speaker(None, None, None), None
            whole = qe - qs
            if raw is None and sp.name is None and whole < 40:
                continue  # a scare quote ("Amba boys"), not a statement
            if raw is None and len(text[qs:qe].split()) < 5 and not re.search(r"[.!?]$", text[qs:qe].strip()):
                continue
            said_by = add(qs, qe, sp, True, raw)
            if adding and said_by.name:
                # "“There was no fighting,” he said, adding 11 houses had been destroyed": the
                # words after "adding" are the same speaker's reported speech
                add(qe + 1 + adding.start("q"), qe + 1 + adding.end("q"), said_by, False, None)
        # "..., said Maj. Gen. Khalid al Muhanna. He said the bomber had fallen": the pronoun
        # is the speaker named last before it in the paragraph (direct quotations are read
        # after reported speech, so this is settled once both are)
        for k, (s0, e0, _sp0, d0) in enumerate(local):
            if s0 in _pronouns:
                earlier = [x for x in local if x[0] < s0 and x[2].name]
                if earlier:
                    local[k] = (s0, e0, max(earlier, key=lambda x: x[0])[2], d0)
        carried = None
        if qspans and max(e for _, e in qspans) == len(text) and local:
            carried = local[-1][2]
        if any(x[2].name for x in local):
            last_para_with_speaker = idx
        for s, e, sp, direct in sorted(local, key=lambda x: x[0]):
            quotes.append(Quote(sp.name, sp.role, sp.organization, text[s:e], base + s, base + e, direct))
    return quotes


def attribute_events(events: list[Event], quotes: list[Quote]) -> None:
    """Give each event the source of the sentence it came from: the speaker of the quote or
    reported speech that holds its trigger (speaker, role, organisation)."""
    for ev in events:
        triggers = [e for e in ev.evidence if e.field == "sub_event_type"]
        for q in quotes:
            if any(q.start <= t.start < q.end for t in triggers) and (q.speaker or q.organization):
                ev.attribution = Attribution(q.speaker, q.role, q.organization)
                break
