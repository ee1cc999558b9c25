"""The Pipeline: loads heavy resources once and codes articles with them.

    >>> from eventcoder import Pipeline
    >>> pipe = Pipeline()                      # loads spaCy, the gazetteer, the dictionaries
    >>> coded = pipe.code("MOSUL, Iraq ...", published="2020-04-10")

``Pipeline.code_document`` never raises on bad input: it returns a ``CodedArticle``
whose ``error`` says which stage failed and why.
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from eventcoder.assemble import (
    CLAIM,
    SentenceInfo,
    article_countries,
    assemble_events,
    court_report,
    disaster_report,
    frame_irrelevant,
    history_report,
    is_follow_up,
)
from eventcoder.assemble.focus import NEAR_DIVISION
from eventcoder.clean import AGENCY_NAME, agency_dateline_end, clean, dateline_end
from eventcoder.errors import EventcoderError, GazetteerError, InputError, WorkerError
from eventcoder.extract.dates import find_dates
from eventcoder.extract.fatalities import find_deaths
from eventcoder.extract.measures import MeasureLexicon, find_measures
from eventcoder.extract.places import (
    Toponym,
    find_known_places,
    find_streets,
    find_toponyms,
    join_particle_names,
    keep_unresolved,
    names_no_place,
    near_place_words,
    not_a_place_here,
    people_in_text,
    reads_as_person,
    reads_as_product,
    speaks,
)
from eventcoder.extract.quotes import attribute_events, find_quotes
from eventcoder.extract.triggers import TriggerLexicon
from eventcoder.models import Article, CodedArticle, Measure, Quote, RawDocument
from eventcoder.nlp import Entity, Sentence, entities_for, load_spacy, split_sentences
from eventcoder.resolve.actors import ActorDictionary
from eventcoder.resolve.gazetteer import Gazetteer, Place, open_default
from eventcoder.resolve.gazetteer.names import fold
from eventcoder.resolve.places import PlaceResolver
from eventcoder.resources import Resources


def _load_frames() -> tuple[dict[str, list[str]], int]:
    text = importlib.resources.files("eventcoder.data").joinpath("frames.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return data["frames"], int(data["min_distinct"])


_COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}


def _demonym(text: str, res: Resources) -> bool:
    """A demonym written where a place name stands ("an East Timorese town", "Iraqi")."""
    words = text.split()
    return res.actors.is_demonym(text) or (
        len(words) > 1 and all(w.casefold() in _COMPASS_WORDS for w in words[:-1]) and res.actors.is_demonym(words[-1]))


def _dateline_town(t: Toponym, p: Place | None, res: Resources) -> Place | None:
    """A dateline's place as a town: a division named like its seat ("Yala", Thailand's
    province) is its town of that name (GeoNames feature class P, the most populous);
    a country is none."""
    if p is None or p.is_country:
        return None
    if not p.is_admin1:
        return p
    towns = [c for c in res.places.candidates(t.text) if c.feature_class == "P" and c.country == p.country
             and c.admin1_code == p.admin1_code and fold(c.name) == fold(t.text)]
    return max(towns, key=lambda c: c.population or 0) if towns else None


class Pipeline:
    """Codes articles; holds the spaCy pipeline, gazetteer and dictionaries.

    Args:
        gazetteer: a ``Gazetteer``, a path to a gazetteer file, ``None`` for the default
            one (built on first use, about a minute, offline), or ``False`` for none
            (places keep their text; country comes from names and demonyms only).
        places: a CSV of the user's own places (``name,alternate_names,latitude,longitude,
            country,admin1,feature_code``), looked up before the gazetteer.
        spacy_model: a spaCy pipeline name to load instead of the default English one.
        nlp: an already-loaded spaCy pipeline to use.
        progress: show a progress bar if the default gazetteer has to be built.

    Raises:
        ConfigError: no English spaCy pipeline is installed.
        GazetteerError: the gazetteer file cannot be used.
    """

    def __init__(self, *, gazetteer: Gazetteer | str | Path | None | bool = None,
                 places: str | Path | None = None,
                 spacy_model: str | None = None, nlp: Any = None, progress: bool = True) -> None:
        if gazetteer is False:
            gaz = None
        elif isinstance(gazetteer, Gazetteer):
            gaz = gazetteer
        elif isinstance(gazetteer, (str, Path)):
            gaz = Gazetteer(gazetteer)
        else:
            gaz = open_default(progress=progress)
        overlay = None
        self._user_names: re.Pattern[str] | None = None
        # trigger and death-word offsets of the article being coded (``_sentence_infos``)
        self._hits: list[int] | None = None
        if places is not None:
            overlay = _user_places(Path(places), gaz)
            self._user_names = _user_name_pattern(Path(places))
        actors = ActorDictionary.load()
        frames, frame_min = _load_frames()
        country_pattern = actors.country_pattern()
        self.resources = Resources(
            nlp=nlp if nlp is not None else load_spacy(spacy_model),
            lexicon=TriggerLexicon.load(),
            actors=actors,
            places=PlaceResolver(gaz, overlay),
            frames=frames,
            frame_min=frame_min,
            frame_patterns={name: re.compile(r"(?<![\w-])(?:" + "|".join(
                re.escape(w.casefold()) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])")
                for name, words in frames.items()},
            country_pattern=country_pattern,
            measures=MeasureLexicon.load(),
        )

    def _not_person(self, name: str) -> bool:
        """Whether a capitalised name is a group, a country, a place or a dateline, not a person."""
        res = self.resources
        if name.isupper() or res.actors.country_of_demonym(name) is not None:
            return True
        if any(a.kind == "group" and a.text == name for a in res.actors.find(name)):
            return True
        from eventcoder.resolve.gazetteer.names import fold

        # a town by its own name, not by one of its alternate names ("Yakubu" is an old name
        # of Bauchi, and a common surname)
        key = fold(name)
        places = res.places.candidates(name)
        return any(p.is_country or p.is_admin1 or p.is_admin2 or ((p.population or 0) >= 50_000 and fold(p.name) == key)
                   for p in places)

    # ------------------------------------------------------------------ stages
    def clean(self, doc: RawDocument, *, keep_repeats: bool = False) -> Article:
        """Clean one raw document (raises ``InputError``); ``keep_repeats`` keeps paragraphs
        the page repeats (``clean.clean``)."""
        return clean(doc, keep_repeats=keep_repeats)

    def _sentence_infos(self, article: Article, sentences: list[Sentence], *,
                        every_sentence: bool = False) -> list[SentenceInfo]:
        res = self.resources
        body = [s for s in sentences if not s.is_caption]
        if every_sentence:
            cands = list(body)
        else:
            import bisect

            hits = res.lexicon.candidate_offsets(article.text)
            self._hits = hits

            def marked(s: Sentence) -> bool:
                i = bisect.bisect_left(hits, s.start)
                return i < len(hits) and hits[i] < s.end and res.lexicon.candidate(s.text)

            cands = [s for s in body if not s.is_title and marked(s)]
            if cands:
                # a sentence that dates the event just reported ("The attack took place on
                # Thursday night") right after a marked one
                paras = {s.paragraph for s in cands}
                chosen = {s.start for s in cands}
                cands = [s for s in body if s.start in chosen or (
                    not s.is_title and (s.paragraph in paras or s.paragraph - 1 in paras) and is_follow_up(s.text))]
        lead = next((s for s in body if not s.is_title), None)
        if not cands and not every_sentence:
            # no trigger and no death word anywhere (most of a general news stream): no event
            # can come of it; the countries come from names and demonyms alone (for measures)
            self._countries = article_countries(article, body, [], res)
            self._claims = []
            return []
        if lead is not None and lead not in cands:
            cands.insert(0, lead)
        # spaCy's NER only where a trigger stands (its needs met) and on the lead: a sentence
        # marked by a death word alone only adds its figures to the report before it
        before = {s.start: body[i - 1].text for i, s in enumerate(body) if i and not body[i - 1].is_title}
        triggers = {s.start: res.lexicon.find(s.text, s.start, before.get(s.start, ""), article.title or "")
                    for s in cands}
        needs_ner = cands if every_sentence else [s for s in cands if s is lead or triggers[s.start]]
        ents = entities_for(res.nlp, needs_ner)
        infos = []
        for s in cands:
            e = ents.get(s.start, [])
            dates = find_dates(s.text, s.start)
            cut = s.start + (dateline_end(s.text) if s is lead else agency_dateline_end(s.text))
            dates = [d for d in dates if d.start >= cut]
            infos.append(SentenceInfo(
                sentence=s, entities=e,
                toponyms=[],
                dates=dates,
                actors=res.actors.find(s.text, s.start),
                deaths=find_deaths(s.text, s.start),
                triggers=triggers[s.start],
            ))
        # toponyms need the article's countries; resolve in two passes
        first_pass: list[list] = []
        for info in infos:
            tops = find_toponyms(info.sentence.text, info.sentence.start, info.entities)
            tops = _misread_places(tops, info, res)
            tops = join_particle_names(tops, info.sentence.text, info.sentence.start, res.places.known,
                                       res.places.form_place)
            if self._user_names is not None:
                tops = _with_user_names(tops, info.sentence, self._user_names)
            tops = [t for t in tops if not _demonym(t.text, res) and (
                not _is_actor_span(t, info) or (every_sentence and res.actors.country_of_demonym(t.text)))]
            first_pass.append(tops)
            # first pass: only strong evidence of the article's countries (country names and
            # first-level divisions; town names are too often ambiguous across countries)
            # (not the dateline's: it names where the report was filed and counts as the dateline)
            cut = info.sentence.start + (dateline_end(info.sentence.text) if info.sentence is lead and (
                article.dateline_city or article.dateline_country) else 0)
            info.toponyms = [(t, p) for t in tops if t.start >= cut for p in [res.places.resolve(t, [])]
                             if p is not None and (p.is_country or p.is_admin1 or _unambiguous(t, p, res))
                             and not (p.is_admin1 and _beside(t, info.sentence))]
        countries = article_countries(article, body, infos, res, weak_ok=False)
        if not countries and any(info.triggers for info in infos):
            # no country or division named in the candidate sentences: the article's toponyms,
            # title included, all found and resolved together ("Wase, Plateau" is Nigeria's
            # Plateau, not Dakar's; "Ferguson" under a "Missouri" headline), else town names
            countries = (self._toponym_countries(article, {i.sentence.paragraph for i in infos}, ents)
                         or article_countries(article, body, infos, res))
        elif not countries:
            # no trigger in the article (death words only): no event can come of it, and
            # town names are enough for its measures
            countries = article_countries(article, body, infos, res)
        # second pass: every toponym in the article's countries; the divisions they fall in
        # then break ties between namesakes (Pattan in Jammu and Kashmir, not in Gujarat)
        admin1s: set[tuple[str, str | None]] = set()
        for info, tops in zip(infos, first_pass, strict=True):
            for t in tops:
                p = res.places.resolve(t, countries)
                if p is not None and p.is_admin1 and _beside(t, info.sentence):
                    continue  # "a border town near the Gaza Strip": beside the division, not in it
                if p is not None and not p.is_country and (
                        len({(c.country, c.admin1_code) for c in res.places.candidates(t.text)}) == 1
                        or (p.is_admin1 and fold(p.name) == fold(t.text) and bool(countries) and p.country == countries[0])):
                    # a town of one division only, or a division of the focus country by its own
                    # name ("Miguel Aleman, Tamaulipas": the Miguel Alemán of Tamaulipas, not Sonora's)
                    admin1s.add((p.country, p.admin1_code))
        for info, tops in zip(infos, first_pass, strict=True):
            # the dateline names where the report was filed, not where events happened
            cut = info.sentence.start + (dateline_end(info.sentence.text)
                                         if info.sentence is lead and not every_sentence
                                         else agency_dateline_end(info.sentence.text))
            if info.sentence is lead and article.dateline_city and cut > info.sentence.start:
                at = info.sentence.text.casefold().find(article.dateline_city.casefold(), 0, cut - info.sentence.start)
                if at >= 0 and countries:
                    t = Toponym(info.sentence.text[at:at + len(article.dateline_city)], info.sentence.start + at,
                                info.sentence.start + at + len(article.dateline_city), source="dateline")
                    p = _dateline_town(t, res.places.resolve(t, countries, admin1s), res)
                    info.dateline = (t, p) if p is not None and p.country == countries[0] else None
            resolved = [(t, res.places.resolve(t, countries, admin1s) or _dominant_city(t, res))
                        for t in tops if t.start >= cut]
            # a sea, macro-region, river or island ("in the Red Sea", "across the Sahel", "on the
            # Nile near Kosti") is no event location:
            # the event keeps its country from its actors and other places
            resolved = [(t, p) for t, p in resolved if p is None or not p.is_area_feature]
            resolved = _held_by_division(resolved, info.sentence)
            # a name left unresolved inside the article's countries that is a country, a
            # division or a city elsewhere ("Dubai" in a report on Bahrain) is no unknown village
            resolved = [(t, p) for t, p in resolved if p is not None or not (
                _known_elsewhere(t, res) or _first_name(t, info.sentence))]
            resolved += _capitals(info, countries, res)
            # events known only to a country or province take its capital's point (ACLED, geo precision 3)
            info.toponyms = sorted(((t, p.at_seat() if p is not None and (p.is_country or p.is_admin1) else p)
                                    for t, p in resolved if p is not None or t.source != "prep"),
                                   key=lambda tp: tp[0].start)
        self._countries = countries
        self._claims = [a for s in body if CLAIM.search(s.text) for a in res.actors.find(s.text, s.start)
                        if a.kind == "group"]
        return infos

    def _toponym_countries(self, article: Article, paragraphs: set[int],
                           entities: dict[int, list[Entity]] | None = None) -> list[str]:
        """Countries of the toponyms of the article's title and of the given paragraphs (the
        candidate sentences' ones), resolved together, most named first: a country or a
        first-level division counts 1, a town or district 0.5, a demonym 0.5."""
        from dataclasses import replace as dc_replace

        title_para = 0 if article.title is not None else -1
        part = dc_replace(article, paragraphs=tuple(p for i, p in enumerate(article.paragraphs)
                                                    if i in paragraphs or i == title_para))
        counts: dict[str, float] = {}
        for _t, p in self.toponyms(part, entities):
            if p is None or not p.country:
                continue
            if (p.is_admin1 or p.is_country) and NEAR_DIVISION.search(article.text[max(0, _t.start - 25):_t.start]):
                continue  # "near the Gaza Strip": beside it
            counts[p.country] = counts.get(p.country, 0) + (1.0 if (p.is_country or p.is_admin1) and _t.kind == "place" else 0.5)
        return [c for c, _ in sorted(counts.items(), key=lambda kv: -kv[1])]

    def toponyms(self, article: Article, entities: dict[int, list[Entity]] | None = None
                 ) -> list[tuple[Toponym, Place | None]]:
        """Every toponym of the article (title, body and captions) with its place.

        Detection: spaCy's place entities and the patterns of ``find_toponyms``, merged with
        the gazetteer's known names, short forms and demonyms (``find_known_places``).
        Resolution: all toponyms of the article together (``PlaceResolver.resolve_article``).
        Countries and divisions come with their own point, not their capital's.
        ``entities``: spaCy entities already found, by sentence start; when given, NER is not
        run again and a sentence without an entry is read without it.
        """
        res = self.resources
        # captions too: a place a caption names is a toponym of the text, and a paragraph the
        # page repeats is marked as a caption even when it is the story's own
        sentences = split_sentences(article)
        ents = entities if entities is not None else entities_for(res.nlp, sentences)
        # surnames of the article's people ("Jeff Hamilton"); a big city's name ends a longer
        # span only after a given name or an initial: a headline NER took for a person ("Freemason
        # Bogdanov Joins Sochi") names no person Sochi
        people = frozenset(w for e in ents.values() for x in e if x.label == "PERSON" and len(x.text.split()) > 1
                           for w in [x.text.split()[-1]] if not res.places.known(w).capital_or_country and not (
                               res.places.known(w).big and len(x.text.split()) > 2
                               and res.places.person_names.get(x.text.split()[-2]) not in ("given", "both")
                               and not re.fullmatch(r"[A-Z]\.", x.text.split()[-2])))
        tops: list[Toponym] = []
        for s in sentences:
            e = ents.get(s.start, [])
            found = find_toponyms(s.text, s.start, e)
            labels = {(x.start, x.end): x.label for x in e}
            found = [replace(t, label=labels.get((t.start, t.end))) if t.source == "ner" else t for t in found]
            if self._user_names is not None:
                found = _with_user_names(found, s, self._user_names)
            groups = [a for a in res.actors.find(s.text, s.start) if a.kind == "group"]
            found = [t for t in found if not any(a.start <= t.start and t.end <= a.end for a in groups)]
            known = find_known_places(s.text, s.start, e, found, res.places.known, res.places.forms, people)
            tops.extend(known)
            tops.extend(find_streets(s.text, s.start, known))
        lead = next((s for s in sentences if not s.is_title), None)
        if lead is not None:
            m = re.match(r"^(?P<city>[A-Z][A-Z\u00C0-\u00DE .'\-]{1,40}?)(?=\s*[,:—–-])", lead.text)
            if m and not AGENCY_NAME.search(m.group("city")) \
                    and not any(lead.start <= t.start < lead.start + m.end() for t in tops):
                city = m.group("city").strip()
                tops.append(Toponym(city, lead.start, lead.start + len(city), "city", False, "dateline"))
        tops.sort(key=lambda t: t.start)
        places = res.places.resolve_article(tops, article.text)
        out = [(t, p) for t, p in zip(tops, places, strict=True)
               if p is not None or (t.source not in ("prep", "dateline") and keep_unresolved(t, article.text))]
        # people named like places ("Jeff Hamilton ... Hamilton said"): never countries or divisions
        people_words = people | people_in_text(article.text, res.places.person_names)

        def person(t: Toponym, p: Place | None, words: frozenset[str]) -> bool:
            return not (p is not None and (p.is_country or p.is_admin1 or p.is_continent)) and reads_as_person(
                t, article.text, res.places.person_names, words, res.places.known,
                big=p is not None and (p.population or 0) >= 100_000)

        # one sense per article: a name that reads as a person once is a person throughout
        people_words |= {t.text for t, p in out if person(t, p, people_words)}
        # ... and so is one that speaks ("Petrova said"), and a name that once reads as a product
        # ("a 1992 Toyota Corolla") is one throughout, wherever no locative or place word says place
        others = {t.text for t, p in out if speaks(t, article.text, big=p is not None and (
            p.is_country or p.is_admin1 or p.feature_code == "PPLC" or (p.population or 0) >= 100_000))
            or (reads_as_product(t, article.text) and not (p is not None and (p.is_country or p.is_admin1 or p.is_admin2)))}

        def no_place_here(t: Toponym, p: Place | None) -> bool:
            if names_no_place(t, article.text, p is not None and p.feature_class == "P" and p.feature_code != "PPLC"
                              and (p.population or 0) < 100_000):
                return True  # "NATO"
            if p is not None and p.is_country and _given_name_before(t, article.text, res.places.person_names):
                return True  # "Andrew Jordan"
            if p is not None and (p.is_country or p.is_admin1):
                return False  # (nor "the 2008 Walker County Fair": a division keeps its name)
            return not_a_place_here(t, article.text, res.places.known) or (
                t.text in others and t.source not in ("user", "dateline", "form") and not t.feature
                and not near_place_words(t, article.text))

        out = [(t, p) for t, p in out if not person(t, p, people_words) and not no_place_here(t, p)]
        countries = list(dict.fromkeys(p.country for _t, p in out if p is not None and p.country))
        for s in sentences:
            info = SentenceInfo(sentence=s, entities=[], toponyms=[], dates=[], actors=[], deaths=[])
            for t, p in _capitals(info, countries, res):
                if not any(t.start < x.end and x.start < t.end for x, _p in out):
                    out.append((t, p))
        return sorted(out, key=lambda tp: tp[0].start)

    def code_article(self, article: Article) -> CodedArticle:
        """Code a cleaned article: events with evidence (measures and quotes: later issues)."""
        res = self.resources
        sentences = split_sentences(article)
        body_text = " ".join(s.text for s in sentences if not s.is_caption and not s.is_title)
        relevant_frame = not frame_irrelevant(body_text, res)
        self._hits = None  # _sentence_infos sets them for this article
        events = []
        measures: list[Measure] = []
        quotes: list[Quote] = []
        recaps: list[str] = []
        if relevant_frame:
            infos = self._sentence_infos(article, sentences)
            lead = next((s.text for s in sentences if not s.is_title and not s.is_caption), "")
            # (a first paragraph the page repeats is marked a caption: history reads it too)
            first = next((s.text for s in sentences if not s.is_title), "")
            if not disaster_report(lead, infos) and not court_report(lead, body_text, article.title or "") \
                    and not history_report(first, article.title):
                events = assemble_events(article, infos, self._countries, res, self._claims, sentences, recaps)
            measures = find_measures(article, sentences, self._countries, res.measures, res.actors, res.places)
        if events or measures or (relevant_frame and _violent_lead(article, res, self._hits)):
            quotes = find_quotes(article, self._not_person)
            attribute_events(events, quotes)
        warnings = list(article.warnings)
        if recaps:
            shown = "; ".join(dict.fromkeys(recaps[:5]))
            warnings.append(f"not coded, dated more than 30 days before publication or after it (recaps): {shown}")
        if article.published is None:
            warnings.append("no publication date: relative dates (weekdays, yesterday) are left null")
        elif len(article.published) < 10:
            warnings.append(f"publication date known only as {article.published}: relative dates "
                            "(weekdays, yesterday) are left null")
        return CodedArticle(
            id=article.id, url=article.url, title=article.title, outlet=article.outlet,
            byline=article.byline, published=article.published, language=article.language,
            text=article.text, relevant=bool(events or measures), events=events, measures=measures,
            quotes=quotes, warnings=warnings,
        )

    def code_document(self, doc: RawDocument) -> CodedArticle:
        """Clean and code one raw document; failures come back as a record with ``error``."""
        try:
            article = self.clean(doc)
        except InputError as err:
            return CodedArticle.failed(doc.id, err.stage, err.reason, url=doc.url)
        except Exception as err:  # trafilatura or lxml failing on a page must not stop a batch
            return CodedArticle.failed(doc.id, "clean", f"cannot clean the page ({type(err).__name__}: {err})", url=doc.url)
        return self.code_cleaned(article)

    def code_cleaned(self, article: Article) -> CodedArticle:
        """Code a cleaned article; a failure comes back as a record with ``error``, never raised."""
        try:
            return self.code_article(article)
        except EventcoderError as err:
            return CodedArticle.failed(article.id, "code", str(err), url=article.url)
        except Exception as err:  # a bug must not stop a batch: record it and go on
            return CodedArticle.failed(article.id, "code", f"internal error ({type(err).__name__}: {err})",
                                       url=article.url)

    def code(self, text_or_html: str, *, published: str | date | None = None, url: str | None = None,
             doc_id: str = "text", title: str | None = None) -> CodedArticle:
        """Code one article given as a string of plain text or HTML.

        Args:
            text_or_html: the article; HTML is recognised by its tags.
            published: the publication date (ISO string or ``date``); wins over the page's.
            url: where it came from.
            doc_id: the id of the record.
            title: the title, when known.

        Raises:
            InputError: the input is empty or holds no article text.
        """
        from eventcoder.ingest.files import check_date, decode_bytes

        if isinstance(text_or_html, bytes):
            text_or_html = decode_bytes(text_or_html, doc_id, html=True)
        if text_or_html is not None and not isinstance(text_or_html, str):
            raise InputError(doc_id, f"text_or_html must be a string, got {type(text_or_html).__name__}")
        if isinstance(published, date):
            published = published.isoformat()[:10]
        if published is not None and not isinstance(published, str):
            raise InputError(doc_id, f"published must be an ISO date string or a date, got {type(published).__name__}")
        published = check_date(published, doc_id, "published")
        if not text_or_html or not text_or_html.strip():
            raise InputError(doc_id, "empty input: nothing to code")
        head = text_or_html[:2000].lower()
        kind = "html" if ("<html" in head or "<body" in head or "<p>" in head or "<article" in head) else "text"
        doc = RawDocument(doc_id, doc_id, text_or_html, kind, url, published, title)
        article = self.clean(doc)
        return self.code_article(article)

    def code_many(self, docs: Iterable[RawDocument | InputError]) -> Iterator[CodedArticle]:
        """Code a stream of documents; read errors become records with ``error``."""
        for doc in docs:
            if isinstance(doc, InputError):
                yield CodedArticle.failed(doc.doc_id or _id_of(doc.source), doc.stage, doc.reason)
                continue
            yield self.code_document(doc)


_WORKER: dict[str, Any] = {}


def init_worker(pipeline_args: dict[str, Any]) -> None:
    """Load one ``Pipeline`` in a worker process (``multiprocessing`` initializer). Ctrl-C is the
    parent's to handle (it stops the pool and says how to resume): a worker ignores it rather
    than print a traceback of its own. A worker whose parent dies (``kill -9``) exits within
    two seconds."""
    import os
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def watch_parent() -> None:
        # a parent killed with -9 (or by the out-of-memory killer) tells no worker: one left
        # waiting for work would live on for ever, holding its pipeline's memory
        import time

        while os.getppid() == parent:
            time.sleep(2)
        os._exit(1)

    threading.Thread(target=watch_parent, daemon=True, name="eventcoder-parent-watch").start()
    _WORKER["pipe"] = Pipeline(progress=False, **pipeline_args)


def worker_pipeline() -> Pipeline:
    """The pipeline ``init_worker`` loaded in this process."""
    return _WORKER["pipe"]


def _code_one(item: RawDocument | CodedArticle) -> CodedArticle:
    return item if isinstance(item, CodedArticle) else worker_pipeline().code_document(item)


def code_in_processes(docs: Iterable[RawDocument | InputError], *, workers: int,
                      pipeline_args: dict[str, Any]) -> Iterator[CodedArticle]:
    """Code documents in ``workers`` processes, each with its own ``Pipeline(**pipeline_args)``.

    Results come back in input order and stream (at most a few chunks are in flight, so
    memory stays flat in the size of the input). Inputs that failed to read become failure
    records here, without a round trip to a worker.
    """

    def items() -> Iterator[RawDocument | CodedArticle]:
        for doc in docs:
            if isinstance(doc, InputError):
                yield CodedArticle.failed(doc.doc_id or _id_of(doc.source), doc.stage, doc.reason)
            else:
                yield doc

    yield from ordered_map(_code_one, items(), workers=workers, pipeline_args=pipeline_args)


def _code_chunk(fn: Callable[[Any], Any], chunk: list[Any]) -> list[Any]:
    return [fn(x) for x in chunk]


def ordered_map(fn: Callable[[Any], Any], items: Iterable[Any], *, workers: int, pipeline_args: dict[str, Any],
                chunksize: int = 4) -> Iterator[Any]:
    """``fn`` over ``items`` in ``workers`` spawned processes (each loads its ``Pipeline`` once,
    ``init_worker``), results in input order. At most ``workers * 2`` chunks are in flight,
    so memory stays flat in the size of the input; a worker is replaced after 500 chunks.

    Raises:
        WorkerError: a worker process died (killed, or out of memory): the results yielded
            so far stand, the rest is not coded (a ``run`` resumes from there).
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context("spawn")
    it = iter(items)
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=init_worker, initargs=(pipeline_args,),
                             max_tasks_per_child=500) as pool:
        pending: deque[Any] = deque()

        def submit() -> bool:
            chunk = [x for _, x in zip(range(chunksize), it, strict=False)]
            if chunk:
                pending.append(pool.submit(_code_chunk, fn, chunk))
            return bool(chunk)

        while len(pending) < workers * 2 and submit():
            pass
        try:
            while pending:
                results = pending.popleft().result()
                submit()
                yield from results
        except BrokenProcessPool as err:
            for f in pending:
                f.cancel()
            raise WorkerError("a worker process died (killed, or out of memory); what was coded before it "
                              "stands, the rest was not coded") from err


def _id_of(source: str) -> str:
    return Path(source.split(":")[0]).stem + (f"-{source.split(':')[-1]}" if ":" in source else "")


def _misread_places(tops: list[Toponym], info: SentenceInfo, res: Resources) -> list[Toponym]:
    """The sentence's toponyms plus names NER took for an organisation that are a country, a
    first-level division or a town of some size by their whole name, and no common word
    ("protests in the east end of Freetown": spaCy's ORG). Names inside a longer entity
    ("Freetown City Council") stay the organisation's, except a facility named for its city
    ("Misrata Air College", ``_town_of_facility``), found as a toponym or an ORG."""
    extra = []
    tops = [_town_of_facility(t, res) for t in tops]
    for e in info.entities:
        if e.label != "ORG" or not e.text[:1].isupper() or any(t.start < e.end and e.start < t.end for t in tops):
            continue
        k = res.places.known(e.text)
        top = Toponym(e.text, e.start, e.end, None, False, "ner", label="GPE")
        if k.strength == 2 and not k.common and (k.capital_or_country or k.big):
            extra.append(top)
        elif (town := _town_of_facility(top, res)) is not top:
            extra.append(town)
    return sorted([*tops, *extra], key=lambda t: t.start) if extra else tops


def _town_of_facility(t: Toponym, res: Resources) -> Toponym:
    """A facility named for its town and unknown to the gazetteer ("Misrata Air College") is
    that town, when the town is a capital or a city of some size (GeoNames population)."""
    head = _FACILITY_OF_TOWN.match(t.text)
    if head is None or res.places.known(t.text).strength:
        return t
    k = res.places.known(head.group(1))
    if k.strength == 2 and not k.common and (k.capital_or_country or k.big):
        return replace(t, text=head.group(1), end=t.start + len(head.group(1)))
    return t


# a town's name before a facility word: "Misrata Air College", "Kandahar Airfield" (not universities,
# colleges or hospitals: "Dhaka University students" are an actor, not a place)
_FACILITY_OF_TOWN = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)??) (?:(?:International |Military |Air |Naval |Central )?"
                               r"(?:Airport|Air ?[Bb]ase|Airfield|Air College|Military Academy|Barracks|Garrison|Prison|"
                               r"Central Prison|Seaport|Refinery|Power Station|Power Plant|Police Station|Police Headquarters))$")


def _is_actor_span(t, info: SentenceInfo) -> bool:
    """A toponym that is really part of an actor name ("Iraqi", "Islamic State")."""
    for a in info.actors:
        if a.kind in ("group", "state") and a.start <= t.start and t.end <= a.end:
            return True
        if a.kind == "unidentified" and (a.start, a.end) == (t.start, t.end):
            return True  # "Gunmen abducted 30 students": NER's place at a sentence's start
    return False


def _user_places(path: Path, gaz: Gazetteer | None) -> Gazetteer:
    """Build the user's places into a temporary gazetteer file (admin1 names keyed as in ``gaz``)."""
    import atexit
    import tempfile

    from eventcoder.resolve.gazetteer.build import build_from_csv

    if not path.is_file():
        raise GazetteerError(f"{path}: no such places file")
    folder = Path(tempfile.mkdtemp(prefix="eventcoder-places-"))
    target = folder / "places.sqlite"
    build_from_csv(target, path, admin1=gaz.admin1_rows() if gaz is not None else [], admin1_places=False)
    overlay = Gazetteer(target)

    def _remove() -> None:
        overlay.close()
        target.unlink(missing_ok=True)
        folder.rmdir()

    atexit.register(_remove)
    return overlay


def _user_name_pattern(path: Path) -> re.Pattern[str] | None:
    """The names and alternate names of the user's places, found anywhere in the text."""
    from eventcoder.resolve.gazetteer.build import iter_places_csv

    names: set[str] = set()
    for _line, row in iter_places_csv(path):
        names.add(row["name"].strip())
        names |= {a.strip() for a in (row.get("alternate_names") or "").split("|") if a.strip()}
    names = {n for n in names if len(n) >= 3}
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")


def _with_user_names(tops: list[Toponym], sentence: Sentence, pattern: re.Pattern[str]) -> list[Toponym]:
    """Add the user's place names found in a sentence; they win over overlapping toponyms."""
    found = [Toponym(m.group(0), sentence.start + m.start(), sentence.start + m.end(), None, False, "user")
             for m in pattern.finditer(sentence.text)]
    kept = [t for t in tops if not any(t.start < u.end and u.start < t.end for u in found)]
    return sorted(kept + found, key=lambda t: t.start)


def _violent_lead(article: Article, res: Resources, hits: list[int] | None = None) -> bool:
    """Whether the title or the first two body paragraphs report violence (a trigger or a
    death word). ``hits``: the trigger and death-word offsets of the whole article text
    (``TriggerLexicon.candidate_offsets``), when already found."""
    body = [p for i, p in enumerate(article.paragraphs) if not p.is_caption and not (i == 0 and article.title)]
    lead = " ".join([article.title or ""] + [article.text[p.start:p.end] for p in body[:2]])
    if hits is not None:
        spans = [(p.start, p.end) for p in body[:2]]
        if article.title and article.paragraphs:
            spans.append((article.paragraphs[0].start, article.paragraphs[0].end))
        found = any(a <= h < b for h in hits for a, b in spans)
    else:
        found = res.lexicon.candidate(lead)
    return bool(lead.strip()) and (found or bool(
        re.search(r"\b(?:explosions?|blasts?|attacks?|bomb(?:ing)?s?|gunfire|riots?|clash(?:es)?)\b", lead, re.I)))


_TITLE_BEFORE_NAME = re.compile(r"\b(?:chief|commander|spokes(?:man|woman|person)|governor|commissioner|minister|"
                                r"officer|leader|head|president|chairman|mayor|Mr|Mrs|Ms|Dr|Gen|Col|Capt)\.?\s+$", re.I)
_NAME_AFTER = re.compile(r"^\s+[A-Z][a-z]+\b(?!\s+(?:Village|Town|State|Province|District|Area|County|Community|Camp))")


def _first_name(t: Toponym, sentence: Sentence) -> bool:
    """Whether an unresolved toponym is a person's first name: after a title or an office and
    before a capitalised surname ("Kaduna Police chief Olufemi Adenaike"), which NER may tag
    as a place."""
    rel_s, rel_e = t.start - sentence.start, t.end - sentence.start
    return bool(_TITLE_BEFORE_NAME.search(sentence.text[max(0, rel_s - 30):rel_s])
                and _NAME_AFTER.match(sentence.text[rel_e:]))


def _beside(t: Toponym, sentence: Sentence) -> bool:
    """Whether the text names the division ``t`` as what something is beside, not in ("near the
    Gaza Strip")."""
    rel = t.start - sentence.start
    return bool(NEAR_DIVISION.search(sentence.text[max(0, rel - 25):rel]))


# a town and the division that holds it: "the village of Dronovka in the Belgorod region",
# "Krasnoye, Shebekinsky district"
_HELD_GAP = re.compile(r",\s*|\s+in\s+(?:the\s+)?")
_DIVISION_AFTER = re.compile(r"\s*(?:region|oblast|province|governorate|state|prefecture|department)\b", re.I)
_DIVISION_END = re.compile(r"\s(?:region|oblast|province|governorate|state|prefecture|department)$", re.I)


def _held_by_division(resolved: list[tuple[Toponym, Place | None]], sentence: Sentence
                      ) -> list[tuple[Toponym, Place | None]]:
    """A town the text puts inside a first-level division ("Dronovka in the Belgorod region")
    that the gazetteer knows only elsewhere (a Dronivka in Ukraine's Donetsk) is a town the
    gazetteer lacks: its namesake is another place. It is left unresolved, so the event keeps
    the town's name and takes its division and country from the division named with it.

    Args:
        resolved: a sentence's toponyms with their places, in text order.
        sentence: the sentence (offsets of ``resolved`` are in the clean text).

    Returns:
        ``resolved`` with such towns' places set to None.
    """
    out = list(resolved)
    text, st = sentence.text, sentence.start
    for k in range(len(out) - 1):
        (t1, p1), (t2, p2) = out[k], out[k + 1]
        if p1 is None or p2 is None or not p2.is_admin1 or p1.is_country or p1.is_admin1:
            continue
        if not _HELD_GAP.fullmatch(text[t1.end - st:t2.start - st]):
            continue
        if not (_DIVISION_END.search(t2.text) or _DIVISION_AFTER.match(text, t2.end - st)):
            continue
        if (p1.country, p1.admin1_code) != (p2.country, p2.admin1_code):
            out[k] = (t1, None)
    return out


def _given_name_before(t: Toponym, text: str, names: dict[str, str]) -> bool:
    """Whether a one-word country name is a surname here: a given name right before it and no
    place word after it ("teammates Colin Turkington and Andrew Jordan"; not "in Jordan")."""
    if " " in t.text or t.source in ("user", "dateline", "form"):
        return False
    prev = re.search(r"\b([A-Z][a-z]+)\s$", text[max(0, t.start - 30):t.start])
    return prev is not None and names.get(prev.group(1)) in ("given", "both") \
        and not re.match(r"^\s*(?:,\s*[A-Z]|['’]s\s+(?:capital|government|king|army|border))", text[t.end:t.end + 20])


def _known_elsewhere(t: Toponym, res: Resources) -> bool:
    """Whether a toponym's name is a country, a first-level division, a continent or a city of
    100,000 people or more somewhere (GeoNames feature codes and population; a city by its
    own name, not an alternate one)."""
    from eventcoder.resolve.gazetteer.names import fold

    name = fold(t.text)
    return any(p.is_country or p.is_admin1 or (p.feature_class == "P" and (p.population or 0) >= 100_000
                                                and fold(p.name) == name)
               for p in res.places.candidates(t.text)) \
        or (res.places.gazetteer is not None  # a continent: "Africa's last monarchy"
            and any(p.is_continent for p in res.places.gazetteer.strict_lookup(t.text)))


def _dominant_city(t: Toponym, res: Resources) -> Place | None:
    """A national capital outside the article's countries that no namesake rivals ("marched
    through central London calling for a ceasefire in Gaza"): that city, else None."""
    p = res.places.resolve(t, [])
    return p if p is not None and p.feature_code == "PPLC" and _unambiguous(t, p, res) else None


def _unambiguous(t: Toponym, p: Place, res: Resources) -> bool:
    """A town name that only one country has (all its gazetteer entries in one country), or a
    national capital five times the size of any namesake abroad (London, not London, Ontario;
    not Dubai, a city of the UAE named in a report on Bahrain)."""
    cands = res.places.candidates(t.text)
    if p.feature_class != "P" or (p.population or 0) < 1000:
        return False
    if len({c.country for c in cands}) == 1:
        return True
    abroad = max(((c.population or 0) for c in cands if c.country != p.country), default=0)
    return p.feature_code == "PPLC" and (p.population or 0) >= 5 * max(abroad, 1)


# "the Somali capital", "Peru's capital", "the capital city of Mali"
_CAPITAL = re.compile(r"\b(?:the\s+)?(?P<d>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:['’]s)?\s+capital\b"
                      r"|\bcapital(?:\s+city)?\s+of\s+(?:the\s+)?(?P<c>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
# "as he left a cabinet meeting in the capital": the capital of the article's country
_THE_CAPITAL = re.compile(r"\b(?i:in|near|outside|around|across|into|to)\s+the\s+(?:country['’]s\s+|nation['’]s\s+)?"
                          r"capital(?:\s+city)?\b(?![\s,]+(?:city\b|of\b|[A-Z]))")


def _capitals(info: SentenceInfo, countries: list[str], res: Resources) -> list[tuple[Toponym, Place | None]]:
    """"the Somali capital" is the capital city of Somalia (the gazetteer's PPLC); "in the
    capital", with no country named before the word, the capital of the article's country."""
    gaz = res.places.gazetteer
    if gaz is None:
        return []
    out: list[tuple[Toponym, Place | None]] = []
    for m in _CAPITAL.finditer(info.sentence.text):
        iso = res.actors.country_of_demonym(m.group("d") or m.group("c"))
        if iso is None:
            continue
        cap = gaz.capital(iso)
        if cap is not None:
            s = info.sentence.start
            out.append((Toponym(cap.name, s + m.start(), s + m.end(), "capital"), cap))
    found = _THE_CAPITAL.search(info.sentence.text) if countries and not out else None
    if found is None:
        return out
    named = {p.country for _t, p in info.toponyms if p is not None and p.is_country}
    if len(named) > 1 or any(p is not None and p.is_admin1 for _t, p in info.toponyms):
        # two countries, or a state or province ("In Sokoto State, traders protested in the
        # capital": the state's capital): no national capital
        return out
    cap = gaz.capital(named.pop() if named else countries[0])  # the sentence's country, else the article's
    if cap is not None:
        s = info.sentence.start + found.start() + found.group(0).rfind("capital")
        out.append((Toponym(cap.name, s, s + len("capital"), "capital"), cap))
    return out


__all__ = ["Pipeline", "Resources", "GazetteerError"]
