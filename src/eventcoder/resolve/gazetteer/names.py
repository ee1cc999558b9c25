"""Name keys for gazetteer look-ups: accent- and case-insensitive, with transliteration variants."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|az|an|ash|ed|es|ul|la|le|les|los|las|the)\s+")
_INNER_ARTICLES = {"al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ed", "es", "ez", "ul", "ud", "ur", "us"}
_FEATURE_WORDS = re.compile(
    r"\s+(?:province|governorate|state|region|district|department|county|oblast|division|prefecture|"
    r"municipality|territory|city|town|village|krai|kray|raion|rayon|lga|local government area|"
    r"sub-?district|mountains?|mounts?|range|hills?|valley|desert|forest|lake|river|wadi|camp)$"
)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Fold a name: accents removed, case folded, punctuation and hyphens as spaces.

    ``"Ménaka"`` -> ``"menaka"``; ``"Al-Hasaheisa"`` -> ``"al hasaheisa"``; ``"Diyarbakır"`` -> ``"diyarbakir"``.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ı", "i")  # Turkish dotless i has no decomposition ("Diyarbakır")
    text = text.replace("ʼ", "").replace("’", "").replace("'", "").replace("‘", "").replace("`", "")
    text = text.casefold()
    text = re.sub(r"[^\w]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def name_keys(name: str, *, loose: bool = True) -> set[str]:
    """Every exact key a name is stored and looked up under.

    The folded name, without a leading article (al-, el-, ad- ...), joined without
    spaces (``"salah ad din"`` -> ``"salahaddin"``), with doubled letters single and
    French "ou" as "u" (``"douma"`` -> ``"duma"``; not with ``loose=False``).
    """
    f = fold(name)
    if not f:
        return set()
    keys = {f}
    bare = _ARTICLE.sub("", f)
    if bare and bare != f:
        keys.add(bare)
    for k in list(keys):
        if re.search(r"[aeiou]h$", k):
            keys.add(k[:-1])  # Hawijah / Hawija, Tal Afarah / Tal Afara
        keys.add(k.replace(" ", ""))
    for k in list(keys):
        keys.add(k.replace(" ", ""))
        keys.add(re.sub(r"([a-z])\1", r"\1", k))  # Baramulla / Baramula
    for k in list(keys) if loose else ():
        if "ou" in k:
            keys.add(k.replace("ou", "u"))  # French transliteration: Douma / Duma, Zour / Zur
    return keys


def exact_keys(name: str) -> set[str]:
    """The keys of a name as written: folded, without a leading article, with and without its
    spaces (``"Al Qaim"`` -> ``{"al qaim", "alqaim", "qaim"}``); a subset of ``name_keys``."""
    f = fold(name)
    return {k for k in (f, _ARTICLE.sub("", f)) for k in (k, k.replace(" ", "")) if k}


def skeleton(name: str) -> str:
    """A consonant skeleton for transliteration variants.

    Vowels (and y, w, h after a consonant) dropped after the first letter, doubled
    letters collapsed, spaces removed, articles dropped (leading, and inside: "Deir el-Zour"
    and "Deir ez-Zor" -> ``"drzr"``):
    Hamrin/Hamreen/Himreen -> ``"hmrn"``; Salahuddin/Salah ad Din -> ``"slhdn"``.
    """
    f = "".join(w for w in _ARTICLE.sub("", fold(name)).split() if w not in _INNER_ARTICLES)
    if not f:
        return ""
    first, rest = f[0], f[1:]
    rest = re.sub(r"[aeiouyw]", "", rest)
    out = first + rest
    out = re.sub(r"(.)\1+", r"\1", out)
    out = out.replace("kh", "k").replace("q", "k").replace("dh", "d").replace("th", "t")
    return out


def strip_feature_word(name: str) -> str:
    """Drop a trailing feature word ("Diyala province" -> "diyala")."""
    return _FEATURE_WORDS.sub("", fold(name))
