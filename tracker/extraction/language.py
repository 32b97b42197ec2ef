"""A fast language check: is this text Dutch?

Counts function words (stopwords) of Dutch, English, German and French in a
sample of the text. Function words make up a third or more of running text
in each of these languages, and their sets barely overlap, so the ratio is a
robust signal even for text damaged by PDF extraction. The words that two
languages share (``de``, ``en``, ``die``, ``is``, ...) count for both.
"""

from __future__ import annotations

import re
from collections import Counter


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "nl": _words(
        "de het een van en is dat niet zijn voor met op te wordt uw ook aan bij naar om "
        "deze worden heeft hebben als door over maar nog er tot uit dit wij ik zal kan of "
        "die wat hoe geen meer dan zich wel waar zo ons onze hun haar nu al u"
    ),
    "en": _words(
        "the of and to is that for with on are be this as by not it was from will have "
        "an which has been were their they its would there can we what these or"
    ),
    "de": _words(
        "der die das und ist nicht mit für auf ein eine zu den von sich dem auch werden "
        "wird des im sind nach bei aus wie oder einer über noch durch"
    ),
    "fr": _words(
        "le la les des et est une un du que pour pas dans sur avec qui au sont par ce il "
        "aux ne se plus nous elle ont été cette leur de en"
    ),
}

_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 6000  # per window; three windows (start, middle, end)
_MIN_WORDS = 12
_MIN_RATIO = 0.15


def _sample(text: str) -> str:
    n = len(text)
    if n <= 3 * _SAMPLE_CHARS:
        return text
    mid = n // 2 - _SAMPLE_CHARS // 2
    return " ".join(
        (text[:_SAMPLE_CHARS], text[mid : mid + _SAMPLE_CHARS], text[-_SAMPLE_CHARS:])
    )


def _scores(words: list[str]) -> dict[str, float]:
    total = len(words) or 1
    # Count each distinct word once, then look up only the distinct ones (same integer sums).
    counts = Counter(words)
    return {
        lang: sum(counts[w] for w in stop.intersection(counts)) / total for lang, stop in _STOPWORDS.items()
    }


def language_scores(text: str) -> dict[str, float]:
    """Share of words in the sample that are stopwords of each language."""
    return _scores(_WORD.findall(_sample(text).lower()))


def guess_language(text: str) -> str | None:
    """``"nl"``, ``"en"``, ``"de"`` or ``"fr"``; None when the text is too short or unclear."""
    words = _WORD.findall(_sample(text).lower())
    if len(words) < _MIN_WORDS:
        return None
    scores = _scores(words)
    best = max(scores, key=scores.__getitem__)
    if scores[best] < _MIN_RATIO:
        return None
    return best


def looks_dutch(text: str) -> bool:
    """True when the text reads as Dutch.

    Needs at least a dozen words; the Dutch stopword share must reach 15 %
    and beat every other language's share.
    """
    return guess_language(text) == "nl"
