"""Text utilities of nlp.py: the phrase index that stands in for large alternations."""

import re

from eventcoder.nlp import PhraseIndex


def _spans(index, text):
    return [(m.start(), m.end(), m.group(0)) for m in index.finditer(text)]


def test_phrase_index_finds_what_the_escaped_alternation_finds():
    phrases = [("Iraq", True), ("Iraqi", True), ("North Korea", True), ("North", True), ("U.S.", True),
               ("al-Shabaab", True), ("CAR", False), ("South Sudan", True), ("Sudan", True)]
    index = PhraseIndex(phrases, before="-", after="-")
    text = ("North Korean and IRAQI troops met U.S. envoys in South Sudan; the car bomb in CAR "
            "and anti-Iraq slogans, Sudan-based Al-Shabaab and north korea.")
    alternation = re.compile(r"(?<![\w-])(?:(?i:" + "|".join(
        re.escape(p) for p, ic in sorted(phrases, key=lambda x: -len(x[0])) if ic) + r")|CAR)(?![\w-])")
    assert _spans(index, text) == [(m.start(), m.end(), m.group(0)) for m in alternation.finditer(text)]
    assert [t for _s, _e, t in _spans(index, text)] == [
        "North", "IRAQI", "U.S.", "South Sudan", "CAR", "Al-Shabaab", "north korea"]


def test_phrase_index_case_sensitive_phrases_and_word_boundaries():
    index = PhraseIndex([("DRC", False), ("army", True)], before="", after="")
    assert _spans(index, "The DRC army, drc armys and the Army-led force") == [
        (4, 7, "DRC"), (8, 12, "army"), (32, 36, "Army")]
    assert index.search("no match here") is None


def test_a_date_written_with_a_full_stop_does_not_end_the_sentence():
    from eventcoder.nlp import _split_paragraph

    text = "Militants attacked a school in Peshawar on Dec. 16. 2014. Parents gathered on Friday."
    assert [text[a:b] for a, b in _split_paragraph(text)] == [
        "Militants attacked a school in Peshawar on Dec. 16. 2014.", "Parents gathered on Friday."]
