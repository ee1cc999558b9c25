"""Clean-up: raw HTML or scraped text into an ``Article`` whose text every offset points into.

HTML goes through trafilatura (no comments, no tables of links, precision
favoured) for the body and its metadata (title, author, date by htmldate, site
name). Plain text goes through our own clean-up: section breadcrumbs, the title,
the byline, share/like/comment widgets, and repeated paragraphs (scraped pages
repeat each photo caption) are removed or marked. Both then share the paragraph
pass that marks captions and drops repeats.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import urlparse

from eventcoder.errors import InputError
from eventcoder.models import Article, Paragraph, RawDocument

# Widgets and page furniture, matched against a whole paragraph (case-insensitive).
_WIDGET = re.compile(
    r"""^(?:
        do\ you\ like\ this\ article\??
      | \d+\s+comment\(?s?\)?
      | comment\ policy.*
      | \*?\s*denotes\ required\ field.*
      | \d+\s*/\s*\d+
      | share(?:\ this(?:\ article|\ story)?)?:?
      | share\ on\ \w+
      | (?:facebook|twitter|x|whatsapp|telegram|email|e-mail|print|linkedin|reddit|copy\ link|tweet|like)
      | (?:read\ more|related(?:\ articles|\ stories|\ news)?|more\ stories|advertisement|subscribe.*|sign\ up.*)
      | leave\ a\ (?:comment|reply)
      | (?:previous|next)\ (?:article|story|post).*
      | tags?:.*
      | we\ use\ cookies.*
    )$""",
    re.I | re.X,
)
# A link to another story inside a paragraph, its headline closed by a source after a dash
# ("... attack on the stronghold. READ ALSO: Bandits kill 10 in fresh Zamfara attack –Police NAF
# director ... said"): the link goes, the paragraph stays.
_INLINE_RELATED = re.compile(r"\s(?:READ ALSO|ALSO READ|Read also|Also read|READ MORE|Read more|RELATED)\s*:\s+"
                             r"(?:\S+\s+){1,20}?\S*\s?[–—]\s?[A-Z][\w.]*(?=\s+[A-Z])")
# A link to another story ("RELATED U.S. airstrikes target ...", "Read more: ..."), case-sensitive.
_RELATED = re.compile(r"^(?:RELATED|READ MORE|ALSO READ|SEE ALSO|MORE ON THIS)\b|^(?:Related|Read more|Also read|See also)\s*:")
# A link to a video: a headline with no full stop and no figures, the clip's length after it or
# on the next line ("Sudan: U.S. sanctions over alleged chemical weapons use come into force 01:47").
_VIDEO_LINK = re.compile(r"^(?!.*[.!?][\"”’']?\s+[A-Z])[^!?\d]{10,200}[^.!?\s\d]\s+\d{1,2}:\d{2}\s*$")
# the links to the stories before and after ("Previous Bukinanyana: Rwandan rebels killed, others
# arrested" / "Next ..."): other stories' headlines, with no full stop
_NAV_LINK = re.compile(r"^(?:Previous|Next|Prev|Older|Newer)(?:\s+(?:post|article|story|item))?\s*[:|»›]?\s+[A-Z][^.!?]{5,200}$")
_DURATION = re.compile(r"^\s*\d{1,2}:\d{2}\s*$")
# Once one of these appears, the rest of the page is comment machinery.
_TAIL_START = re.compile(r"^(?:do you like this article\??|\d+\s+comment\(s\)|comments?\s*\(\d+\)|leave a (?:comment|reply))$", re.I)
# A heading over a list of other stories' headlines ("Popular posts from this blog", "You may
# also like", "Most read"): once the article has begun, the rest of the page is those links.
_LIST_TAIL = re.compile(r"^(?:popular posts(?: from this blog)?|related (?:posts|articles|stories|news|content|coverage)|"
                        r"more from [\w .'’-]{1,40}|you (?:may|might) also (?:like|be interested in)|"
                        r"most (?:read|popular|viewed|shared)(?: stories| articles| news)?|trending(?: now| stories| news)?|"
                        r"recommended(?: for you| stories| articles| reading)?|more (?:stories|news|headlines)|"
                        r"read next|what to read next|other news|latest (?:news|stories|posts|headlines))\s*:?$", re.I)
_CAPTION = re.compile(
    r"(?:\[(?:photo|image|picture|file photo)[^\]]*\]\s*$|\((?:photo|image|file photo)[^)]*\)\s*$|^(?:photo|caption|image)\s*:)",
    re.I,
)
_BYLINE = re.compile(r"^by\s+(?P<who>[^\n]{2,120})$", re.I)
_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "as", "by", "with", "from",
                "after", "over", "into", "vs", "amid"}


def _headline_shaped(line: str) -> bool:
    """Whether a paragraph reads as a headline (another story's, a subheading): five to 25
    words, no final full stop, every word but the small ones capitalised ("Toll From Egypt
    Clashes Rises To 235 Dead"). Such a line is kept as a caption: read for places, never
    for events."""
    if line.rstrip().endswith((".", "?", "!", '"', "”", ":", ",")):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line)]
    if not 5 <= len(words) <= 25:
        return False
    big = [w for w in words if w.casefold() not in _SMALL_WORDS]
    return len(big) >= 4 and all(w[0].isupper() for w in big)
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+"
# A full date: "Feb. 20, 2023", "July 12th, 2012", "14 March 2023", "2024-07-09".
_FULL_DATE = (r"(?:(?:" + _MONTHS + r")[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
              r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTHS + r")[a-z]*\.?,?\s+\d{4}"
              r"|\d{4}-\d{2}-\d{2})")
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z\u00C0-\u00DE .'\-]{1,40})"
    r"(?:,\s*(?P<place>[A-Z][A-Za-z .'\-]+?))?"
    r"(?:,?\s*\(?(?:" + _WEEKDAY + r")?(?:(?P<date>" + _FULL_DATE + r")|(?:" + _MONTHS + r")[a-z]*\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?)\)?)?"  # "BUJUMBURA January 29th (ABP) –": a day without its year
    r"(?:\s*\((?P<agency>[^)]{2,40})\))?"
    r"\s*(?:—|–|--|-|:)\s+"
)
# A line that gives the page's date and little else ("Posted July 12th, 2012 at 3:40 pm",
# "Published: 14 March 2023", "Thursday, July 12, 2012"): the publication date.
_DATE_LINE = re.compile(
    r"^\W*(?:(?:published|posted|updated|last updated|first published|date|dated)\b\s*(?:on|at)?\s*:?\s*)?"
    r"(?:" + _WEEKDAY + r")?(?P<date>" + _FULL_DATE + r")(?:\s|$|[|,.;)\-–—])",
    re.I,
)
# An ISO date stamped before a scraped page's text, with or without a label.
_DATE_STAMP = re.compile(r"^\s*(?:(?:date|published|posted|updated)\s*:?\s*)?(?P<date>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?[ \t]+")
# "Peshawar: (Thursday, July 12, 2012) As the insurgents ...": a dateline in mixed case.
_PAREN_DATELINE = re.compile(r"^[A-Z][\w .'\-]{1,30}:\s*\((?:" + _WEEKDAY + r")?(?P<date>" + _FULL_DATE + r")\)\s*")
# a Title Case dateline with its agency ("Bogota, Sep 12 (IANS) At least five soldiers ...",
# "Casablanca (ADV) – Seven soldiers ..."): where the report was filed, not where events were
_AGENCY_DATELINE = re.compile(r"^(?P<city>[A-Z][a-z][\w'’\-]*(?:\s[A-Z][\w'’\-]+){0,2})"
                              r"(?:,\s*(?:" + _MONTHS + r")[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
                              r"\s*\((?P<agency>[A-Z][\w .&-]{1,25})\)\s*(?:(?:—|–|--|-|:)\s*)?(?=[A-Z\"“])")
# a dateline with no city ("14 March 2023 — Jihadists killed ..."): the report's date
_DATE_DATELINE = re.compile(r"^\(?(?:" + _WEEKDAY + r")?(?P<date>" + _FULL_DATE + r")\)?\s*(?:—|–|--)\s+")
_BAD_AUTHORS = {"published", "updated", "admin", "staff", "editor", "none"}


_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]")


def strip_invisible(text: str) -> str:
    """Remove zero-width characters, soft hyphens and bidirectional controls, and compose
    decomposed letters (Unicode NFC: "Bogota" + a combining accent, as macOS writes file text,
    becomes one "á", so names match whole)."""
    import unicodedata

    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


# words a page's markup glued together: "against Iran.Opposition figures", "rallies inBahrain"
_GLUED_STOP = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z]{2,})")
_GLUED_PREP = re.compile(r"\b(in|at|of|to|from|near|on|and)(?=[A-Z][a-z]{3,})")


# a web address in running text: its words are no places or dates ("Kano (http://x.com/Kano?id=3)")
_URL = re.compile(r"\s?\(?(?:https?://|www\.)[^\s()<>]+\)?")


def _norm_para(text: str) -> str:
    text = _URL.sub("", text)
    text = _GLUED_PREP.sub(r"\1 ", _GLUED_STOP.sub(". ", text))
    return re.sub(r"\s+", " ", text).strip()


def _parse_full_date(text: str) -> str | None:
    """An ISO date from a full date expression (day, month and year), or None."""
    import dateparser

    text = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", text)
    parsed = dateparser.parse(text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None


def _dateline_date(text: str) -> str | None:
    m = _DATELINE.match(text) or _PAREN_DATELINE.match(text) or _TITLE_DATELINE.match(text)
    if not m or not m.group("date"):
        return None
    return _parse_full_date(m.group("date"))


def date_line(line: str) -> str | None:
    """The ISO date a short page line gives as the article's date, or None.

    A line of at most 14 words that opens with a full date, optionally after
    "Published", "Posted", "Updated" or "Date" and a weekday ("Posted July 12th, 2012 at
    3:40 pm", "Thursday, 14 March 2023 | 10:02", "date 2024-07-09 News").
    """
    if len(line.split()) > 14:
        return None
    if _DATE_DATELINE.match(line.strip()) and line.rstrip().endswith((".", '"', "”")):
        return None  # "14 March 2023 — Gunmen killed five ...": a dateline and its report
    m = _DATE_LINE.match(line.strip())
    return _parse_full_date(m.group("date")) if m else None


def dateline_end(text: str) -> int:
    """Length of the dateline at the start of a paragraph ("MOGADISHU, Feb. 20, 2023 — ",
    "Jakarta – "), or 0."""
    m = _DATELINE.match(text) or _PAREN_DATELINE.match(text) or _DATE_DATELINE.match(text) \
        or _AGENCY_DATELINE.match(text) or _TITLE_DATELINE.match(text) or _CAPS_AGENCY_DATELINE.match(text)
    return m.end() if m else 0


# a city in capitals and a long bracket of agencies and the date ("MEXICO CITY (Pakistan Point
# News / Sputnik - 23rd November, 2019) Violent protests ..."): where and when it was filed
_CAPS_AGENCY_DATELINE = re.compile(r"^[A-Z][A-Z\u00C0-\u00DE .'\-]{1,40}?\s*\([^()]{2,80}\)\s*(?:(?:—|–|--|-|:)\s*)?(?=[A-Z\"“])")


# a Title Case city and a spaced dash opening the lead ("Jakarta – Gunmen attacked ...",
# "Tripoli, Sept 16, 2019 – Drone strikes ..."): where and when the report was filed
_TITLE_DATELINE = re.compile(r"^(?P<city>[A-Z][a-z][\w'’\-]*(?:\s[A-Z][\w'’\-]+){0,2})(?:,\s*[A-Z][a-z]+)?"
                             r"(?:,\s*(?P<date>" + _FULL_DATE + r")\s+(?:—|–|--|-)"  # a hyphen only after a full date
                             r"|(?:,\s*(?:" + _MONTHS + r")[a-z]*\.?\s+\d{1,2})?\s+(?:—|–|--))"
                             r"\s+(?=[A-Z\"“])")


def agency_dateline_end(text: str) -> int:
    """Length of a dateline with its news agency ("Bogota, Sep 12 (IANS) ") at the start of any
    paragraph (excerpts often begin mid-story, before the dateline's paragraph), or 0; so is a
    city in capitals and a dash ("NAIROBI - The US military said ..." after a summary line)."""
    m = _AGENCY_DATELINE.match(text) or _CAPS_AGENCY_DATELINE.match(text)
    if m is None:
        caps = _DATELINE.match(text)
        if caps is not None and caps.group("city").strip().isupper() and len(caps.group("city").strip()) >= 4 \
                and re.search(r"(?:—|–|--|-)\s+$", caps.group(0)):
            m = caps
    return m.end() if m else 0


def _dateline_place(text: str) -> str | None:
    m = _DATELINE.match(text)
    if not m:
        return None
    return m.group("place") or None


# a dateline that names the news agency, not a city ("PRESS ASSOCIATION -- At least seven ...")
AGENCY_NAME = re.compile(r"\b(?:PRESS|ASSOCIATION|ASSOCIATED|NEWS|AGENCY|REUTERS|AFP|UPI|XINHUA|ANADOLU|TASS|IANS|PTI|"
                         r"BERNAMA|WIRE|SERVICE|STAFF|REPORTER|CORRESPONDENT|DESK|UPDATE|UPDATED|BREAKING|EXCLUSIVE|"
                         r"TIMES|HERALD|TRIBUNE|DAILY|MEDIA|NETWORK|TV|RADIO|ONLINE|BUREAU)\b", re.I)


def _dateline_city(text: str) -> str | None:
    """The city of a dateline in capitals ("OUAGADOUGOU, March 9 —" gives "Ouagadougou"); None
    for an agency's name ("PRESS ASSOCIATION --")."""
    m = _DATELINE.match(text) or _AGENCY_DATELINE.match(text)
    if not m or AGENCY_NAME.search(m.group("city")):
        return None
    return m.group("city").strip().title()


def _netloc(url: str) -> str:
    """The host of an address without "www."; "" for an address that does not parse."""
    try:
        return urlparse(url).netloc.removeprefix("www.")
    except ValueError:
        return ""


def _url_date(url: str | None) -> str | None:
    if not url:
        return None
    m = re.search(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)", url)
    if not m:
        # "/2023/03/slug": the year and month only (FORMAT.md: never guess a day)
        ym = re.search(r"/(20\d{2}|19\d{2})/(0[1-9]|1[0-2])/(?!\d)", url)
        return f"{ym.group(1)}-{ym.group(2)}" if ym else None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _assemble(
    doc: RawDocument,
    paras: list[tuple[str, bool]],
    *,
    title: str | None,
    byline: str | None,
    outlet: str | None,
    page_date: str | None,
    warnings: list[str],
    keep_repeats: bool = False,
) -> Article:
    """Join paragraphs into the clean text; drop repeats (``keep_repeats``: keep them, marked
    as captions); mark captions; settle the date."""
    warnings = [*doc.notes, *warnings]
    seen: dict[str, int] = {}
    kept: list[tuple[str, bool]] = []
    for text, caption in paras:
        key = _norm_para(text).casefold()
        if not key:
            continue
        if key in seen and keep_repeats:
            kept[seen[key]] = (kept[seen[key]][0], True)
            kept.append((_norm_para(text), True))
            continue
        if key in seen:
            # A repeated paragraph is a caption (or furniture): keep the first copy, as caption;
            # a paragraph of prose (25 words or more, a full stop at its end) the page printed
            # twice is text: its first copy stays
            idx = seen[key]
            if not (len(text.split()) >= 25 and text.rstrip().endswith((".", '"', "”")) and idx > 0):
                kept[idx] = (kept[idx][0], True)
            continue
        seen[key] = len(kept)
        kept.append((_norm_para(text), caption or bool(_CAPTION.search(text))
                     or (bool(kept or title) and _headline_shaped(text))))
    if title:
        title = _norm_para(title)
        if kept and kept[0][0].casefold() == title.casefold():
            kept.pop(0)
        if not any(not caption for _t, caption in kept) and len(title.split()) >= 6:
            # a one-line report without a final full stop ("Gunmen killed five villagers in
            # Tsafe on Monday") read as a headline: it is the article's text
            kept.insert(0, (title, False))
            title = None
    pieces: list[str] = []
    spans: list[Paragraph] = []
    pos = 0
    if title:
        pieces.append(title)
        spans.append(Paragraph(0, len(title), is_caption=False))
        pos = len(title) + 2
    body_start = len(spans)
    for text, caption in kept:
        pieces.append(text)
        spans.append(Paragraph(pos, pos + len(text), is_caption=caption))
        pos += len(text) + 2
    clean = "\n\n".join(pieces)
    body = [p for p in spans[body_start:] if not p.is_caption]
    if not body or sum(p.end - p.start for p in body) < 40:
        raise InputError(doc.source, "no article text found (too short, or nothing but page furniture)", stage="clean")
    first_body = clean[body[0].start:body[0].end]
    text_date = _dateline_date(first_body)
    published = doc.published
    # the story's own dateline first, then the page's date line or metadata, then the URL
    found = text_date or page_date or _url_date(doc.url)
    if published and found and len(found) > len(published) and found.startswith(published):
        published = found  # "2023-03" given, the dateline names the day: take the day
    elif published and found and found != published:
        warnings.append(f"published date given as {published}; the page says {found}; using {published}")
    published = published or found or doc.published_fallback
    if published and published[:10] > (date.today() + timedelta(days=2)).isoformat():
        warnings.append(f"publication date {published} is in the future: relative dates resolve against it")
    language = "en"
    words = re.findall(r"[^\W\d_]+", " ".join(clean[p.start:p.end] for p in body).casefold())
    if len(words) >= 30 and sum(w in _ENGLISH_FUNCTION_WORDS for w in words) < 0.08 * len(words):
        # (English news runs at a quarter or more; French, Spanish or Arabic at almost none)
        language = "und"
        warnings.append("the text does not read as English: eventcoder codes English news only, "
                        "so events in it are likely missed")
    return Article(
        id=doc.id,
        text=clean,
        paragraphs=tuple(spans),
        title=title,
        byline=byline,
        published=published,
        url=doc.url,
        outlet=outlet,
        language=language,
        dateline_country=_dateline_place(first_body),
        dateline_city=_dateline_city(first_body),
        warnings=tuple(warnings),
    )


# common English function words: their share of a text's words says whether it is English
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is was were that with said by for on at from has have had it its he she they "
    "this be are as an who which not but after their his her been will".split())


# a list item ("*** Protesters torch court building in Karak", "• ...", "- ..."): never the
# run-on of the line before
_BULLET = re.compile(r"^\s*(?:[*•·▪◦‣]+\s*|[-–—]\s)")


def _unwrap(lines: list[str], *, by_width: bool = True) -> list[str]:
    """Lines of a hard-wrapped text (wire copy: "... recaptured the port town of Mocimboa da" /
    "Praia, an insurgents' stronghold ..."), joined back into paragraphs. A line that does not
    end a sentence runs on into the next when the next begins in lower case or with a digit,
    when it ends in a hyphen after a letter ("Kir-" / "kuk", joined without the hyphen), or,
    in a text whose lines are of one width (four or more lines of 20 characters or more,
    most within 12 of their median of 30 to 100), when it is of about that width
    (``by_width``; not for paragraphs set apart by blank lines)."""
    widths = sorted(len(x) for x in lines if len(x) >= 20)
    median = widths[len(widths) // 2] if widths else 0
    # (a list of headlines is of one width too, but no line of it ends a sentence anywhere)
    regular = by_width and len(widths) >= 4 and 30 <= median <= 100 and sum(
        1 for w in widths if abs(w - median) <= 12) >= 0.6 * len(widths) \
        and any(re.search(r"[.!?][\"”’)]?(?:\s|$)", x) for x in lines)
    out: list[str] = []
    last = ""  # the previous line as written (its width, not the joined paragraph's)
    for line in lines:
        prev = out[-1] if out else ""
        open_end = bool(prev) and bool(line) and not prev.rstrip().endswith((".", "?", "!", '"', "”", ":", ")"))
        if open_end and re.search(r"[A-Za-z]-$", prev) and line[:1].islower():
            out[-1] = prev[:-1] + line
        elif open_end and not _BULLET.match(line) and (
                line[:1].islower() or line[:1].isdigit() or (regular and abs(len(last) - median) <= 15)):
            out[-1] = prev + " " + line
        else:
            out.append(line)
        last = line
    return out


# a line's last word that cannot end a sentence ("... killed in Donetsk region due to")
_OPEN_WORD = re.compile(r"(?:^|\s)(?:to|of|in|on|at|by|for|from|with|the|a|an|and|or|but|that|as|into|near|after|"
                        r"before|during|against|between)$")


def _run_on(blocks: list[str]) -> list[str]:
    """Blocks of a page that sets a broken sentence's pieces apart by blank lines, joined: a
    block that ends no sentence runs on into the next when the next begins in lower case or
    with a comma ("... Russia attacked Ukraine" / ", carrying out a series of missile
    strikes"), or when it ends on a word no sentence ends on ("... due to" / "Russian
    shelling."). Blocks of several lines (lists, menus) are left as they are."""
    out: list[str] = []
    for b in blocks:
        prev = out[-1] if out else ""
        if prev and b and "\n" not in prev and "\n" not in b \
                and not prev.rstrip().endswith((".", "?", "!", '"', "”", ":", ")", "|")) \
                and not _BULLET.match(b) and (b[:1].islower() or b.startswith(",") or _OPEN_WORD.search(prev)):
            out[-1] = prev + ("" if b.startswith(",") else " ") + b
        else:
            out.append(b)
    return out


# a head line that is no headline: a time stamp ("47 seconds ago", "09:39 PM") or a photo credit
_NOT_HEADLINE = re.compile(r"\b(?:seconds?|minutes?|hours?) ago\b|\b\d{1,2}:\d{2}\b|\((?:[^()]*/)?(?:AFP|AP|Reuters|"
                           r"Getty Images|EPA|File|Photo)[^()]*\)\s*$|\b(?:Photo|Image|Picture) (?:credit|by)\b", re.I)


def clean_text(doc: RawDocument, *, keep_repeats: bool = False) -> Article:
    """Clean a scraped plain-text article.

    Breadcrumbs before the title, the title (the first line of four or more words
    that does not end a sentence), the byline (``By ...``; an outlet after ``|`` or
    a comma), widgets and everything after a comment counter are taken out;
    repeated paragraphs are kept once and marked as captions.

    Raises:
        InputError: nothing that reads as an article remains.
    """
    raw = strip_invisible(doc.content).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    # a page stamp before the text ("date 2024-07-09 Gunmen killed ..."): the page's date
    stamp = _DATE_STAMP.match(raw)
    stamp_date = None
    if stamp:
        stamp_date = _parse_full_date(stamp.group("date"))
        raw = raw[stamp.end():]
    blocks = [b.strip() for b in re.split(r"\n\s*\n", raw)]
    if len(blocks) <= 2:
        blocks = _unwrap([b.strip() for b in raw.split("\n")])
    elif all("\n" not in b for b in blocks):
        # one line per block: a hard wrap with blank lines between the lines
        blocks = _run_on(_unwrap(blocks, by_width=False))
    else:
        blocks = _run_on(blocks)
    lines: list[str] = []
    for b in blocks:
        # Short one-line furniture is often packed into one block (breadcrumbs, share links).
        sub = [s.strip() for s in b.split("\n") if s.strip()]
        if len(sub) > 1 and all(len(s.split()) <= 6 for s in sub):
            lines.extend(sub)
            continue
        if any(a == b for a, b in zip(sub, sub[1:], strict=False)):
            # a line printed twice running (a link's text and its title): a list of links,
            # related headlines or a menu, line by line; never one paragraph of prose
            lines.extend(sub)
            continue
        # (short lines that end no sentence before a line that begins in upper case open the
        # block: a section label and headline above the lead, "Europe" / "Kosovo police clash
        # with ...", not lines of one paragraph)
        while len(sub) > 1 and len(sub[0].split()) <= 6 and not sub[0].endswith((".", "?", "!", ",", ";", ":", "-")) \
                and sub[1][:1].isupper():
            lines.append(sub.pop(0))
        # (list items, "*** ..." or "• ...", are lines of their own: each may report another town;
        # so is a line that opens with a dateline, after a photo caption: "CAIRO - Two people ...")
        groups: list[list[str]] = []
        for item in sub:
            if groups and not _BULLET.match(item) and not agency_dateline_end(item):
                groups[-1].append(item)
            else:
                groups.append([item])
        lines.extend(" ".join(g) for g in groups)
    title = doc.title
    byline = None
    outlet = None
    paras: list[tuple[str, bool]] = []
    # The head of the page: the lines before the first sentence or byline. The longest of
    # them (three words or more) is the title; the others are section breadcrumbs.
    head: list[str] = []
    page_date: str | None = stamp_date
    idx = 0
    while idx < len(lines):
        line = lines[idx]
        found = date_line(line)
        if found is not None:
            # a date line under the title or byline is the page's date, not a paragraph
            page_date = page_date or found
            idx += 1
            continue
        if _BYLINE.match(line) or line.rstrip().endswith((".", "?", "!", '"', "”")) or len(line) > 200 \
                or len(line.split()) > 25 or _DATELINE.match(line):
            break  # (a line of more than 25 words is the lead, cut before its full stop)
        if not _WIDGET.match(line):
            head.append(line)
        idx += 1
    if head:
        # the headline: the first line of its shape (a byline's time stamp or a photo credit
        # may be longer), else the longest
        shaped = [h for h in head if 4 <= len(h.split()) <= 22 and not _NOT_HEADLINE.search(h)]
        best = shaped[0] if shaped else max(head, key=len)
        if title is None and len(best.split()) >= 3:
            title = best
        elif title is None:
            paras.extend((h, False) for h in head if len(h.split()) > 6)
    for n, line in enumerate(lines[idx:]):
        if _TAIL_START.match(line) or (len(paras) >= 2 and _LIST_TAIL.match(line.strip())):
            break
        if _WIDGET.match(line) or (_RELATED.match(line) and len(line.split()) <= 30) or _VIDEO_LINK.match(line) \
                or (paras and _NAV_LINK.match(line.strip())):
            continue
        if _DURATION.match(line):
            if paras and not paras[-1][0].rstrip().endswith((".", "!", "?", '"', "”")):
                paras.pop()  # the video's headline on the line before its length
            continue
        line = _INLINE_RELATED.sub("", line)
        if n < 4 and not paras:
            found = date_line(line)
            if found is not None:
                page_date = page_date or found
                continue
        m = _BYLINE.match(line)
        if m and byline is None and len(line.split()) <= 14:
            who = m.group("who")
            parts = re.split(r"\s*[|,]\s*", who, maxsplit=1)
            byline = parts[0].strip()
            if len(parts) > 1:
                outlet = parts[1].strip() or None
            continue
        paras.append((line, False))
    if outlet is None and doc.url:
        outlet = _netloc(doc.url) or None
    return _assemble(doc, paras, title=title, byline=byline, outlet=outlet, page_date=page_date, warnings=[],
                     keep_repeats=keep_repeats)


def clean_html(doc: RawDocument, *, keep_repeats: bool = False) -> Article:
    """Extract an HTML page's article body and metadata with trafilatura.

    Comments, navigation, related-story lists and cookie banners stay out; title,
    author, publication date (htmldate: page metadata first, never a script) and
    site name come from the page.

    Raises:
        InputError: trafilatura finds no article body in the page.
    """
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            doc.content,
            url=doc.url,
            include_comments=False,
            include_tables=False,
            include_links=False,
            include_images=False,
            favor_precision=True,
            with_metadata=True,
            deduplicate=False,
        )
    except Exception as err:  # trafilatura raises assorted errors on broken markup
        raise InputError(doc.source, f"cannot parse the HTML ({type(err).__name__}: {err})", stage="clean") from err
    if result is None or isinstance(result, dict) or not (result.text or "").strip():
        if "<html" not in doc.content[:3000].lower():
            # a fragment (<p>...</p>) rather than a page: take its text as it is
            text = _fragment_text(doc.content)
            if text.strip():
                return clean_text(RawDocument(doc.id, doc.source, text, "text", doc.url, doc.published, doc.title))
        raise InputError(doc.source, "no article text found in the HTML page", stage="clean")
    author = result.author
    if author and author.strip().casefold() in _BAD_AUTHORS:
        author = None
    page_date = result.date[:10] if result.date else None
    warnings: list[str] = []
    paras: list[tuple[str, bool]] = []
    for line in strip_invisible(result.text or "").split("\n"):
        line = line.strip()
        if not line:
            continue
        if _TAIL_START.match(line):
            break
        if _WIDGET.match(line):
            continue
        paras.append((line, False))
    return _assemble(
        doc,
        paras,
        title=doc.title or result.title,
        byline=author,
        outlet=result.sitename or (_netloc(doc.url) if doc.url else None),
        page_date=page_date,
        warnings=warnings,
        keep_repeats=keep_repeats,
    )


def _fragment_text(html: str) -> str:
    """The text of an HTML fragment, one paragraph per block element."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//nav|//footer"):
        bad.drop_tree()
    blocks = [el.text_content().strip() for el in root.iter("p", "h1", "h2", "h3", "li", "blockquote")]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else root.text_content().strip()


def clean(doc: RawDocument, *, keep_repeats: bool = False) -> Article:
    """Clean one raw document by its kind (``"html"`` or ``"text"``). ``keep_repeats``: keep a
    paragraph the page repeats (as a caption) rather than drop it: the ``places`` command
    lists the toponyms of the text as given."""
    return clean_html(doc, keep_repeats=keep_repeats) if doc.kind == "html" else clean_text(doc, keep_repeats=keep_repeats)
