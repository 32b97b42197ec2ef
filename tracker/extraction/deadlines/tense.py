"""The sentence decides: a year-less date in a clause about the past is the last such date.

By the spec's roll-forward rule a year-less phrase whose date this year has passed
means next year (``op 9 maart`` on 4 April → 9 March next year). Said in the past
tense (``Op 9 maart heeft u mij verzocht …``, ``In juli heeft de Mijnraad een advies
uitgebracht``, ``In het notaoverleg op 25 januari heb ik toegezegd …``) it is the
date just gone. ``find_deadlines`` asks :func:`past_clause` for such phrases and
resolves them against a reference date one year earlier (see docs/decisions.md).
"""

from __future__ import annotations

import re

# Rules whose phrase names a calendar date or period without saying which year.
YEARLESS_RULES = frozenset({"date", "month", "season", "recess", "quarter_word", "quarter_q", "half"})

# Words that fix the year or count from the reference date: the phrase says which year.
_FIXED_RE = re.compile(
    r"\d{4}|\b(?:dit|deze|volgend\w*|komend\w*|aankomend\w*|aanstaand\w*|a\.?s\.?|as\.|jl\.?|j\.l\.?|"
    r"jongstleden|vorig\w*|afgelopen|voorbije|nog|eerstvolgend\w*)\b",
    re.I,
)
_CLAUSE_BREAK_RE = re.compile(
    r"[.;:!?]\s|[,()]|\n\s*\n|\s[–—]\s"
    r"|\b(?:dat|die|omdat|zodat|waarin|waarover|waarmee|waarop|welke|terwijl|nadat|voordat|zodra|wanneer)\b"
)
# A finite verb of the past: an auxiliary of the perfect with a participle, or a past form.
_PAST_AUX_RE = re.compile(r"\b(?:was|waren|werd|werden|had|hadden|zou|zouden)\b", re.I)
_PERFECT_AUX_RE = re.compile(r"\b(?:heeft|hebben|heb|hebt|is|zijn|ben|bent)\b", re.I)
_PARTICIPLE_RE = re.compile(
    r"\b(?:(?:aan|af|bij|in|mee|na|om|op|over|toe|uit|voor|vast|door|terug)?ge[a-zà-ÿ]{2,}(?:d|t|en)"
    r"|(?:be|ver|ont|her|er)[a-zà-ÿ]{2,}(?:d|t))\b"
)
_NOT_PARTICIPLES = frozenset({
    "gezien", "gelet", "geleden", "gedurende", "genoeg", "gebied", "gemeenten", "gegeven", "gevolg",
    "gebonden", "gesprekken", "getuigen", "gebouwen", "gegevens", "geld", "geen", "gelden", "geldt", "gewend",
    "betreft", "bent", "beschikbaar", "verband", "verschillend", "bericht", "verslag", "vervolgens",
})
_FUTURE_RE = re.compile(r"\b(?:zal|zullen|zult|gaat|gaan|ga)\b", re.I)


_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+(?=[A-ZÀ-Þ])|[;:]\s|\n\s*\n")
_ANY_VERB_RE = re.compile(
    r"\b(?:was|waren|werd|werden|had|hadden|heeft|hebben|heb|hebt|is|zijn|ben|bent|zal|zullen|zult|zou|"
    r"zouden|gaat|gaan|ga|wordt|worden|kan|kunnen|moet|moeten|wil|willen)\b",
    re.I,
)


def _span(text: str, start: int, end: int, breaks: re.Pattern[str]) -> tuple[str, bool]:
    """The text between the breaks around ``start:end``, and whether a word (a
    subordinator) opens it."""
    lo = max(0, start - 200)
    found = list(breaks.finditer(text, lo, start))
    a = found[-1].end() if found else lo
    m = breaks.search(text, end, min(len(text), end + 200))
    b = m.start() if m else min(len(text), end + 200)
    return text[a:b], bool(found and found[-1].group(0)[:1].isalpha())


def _clause(text: str, start: int, end: int) -> str:
    """The clause around the phrase; the sentence when a comma or bracket cut off a
    clause without a verb of its own (``In het notaoverleg op 25 januari (…) heb ik
    toegezegd``). A clause opened by ``dat``/``die``/… has its own verb."""
    clause, subordinate = _span(text, start, end, _CLAUSE_BREAK_RE)
    if subordinate or _ANY_VERB_RE.search(clause):
        return clause
    return _span(text, start, end, _SENTENCE_BREAK_RE)[0]


def past_clause(text: str, start: int, end: int) -> bool:
    """The clause holding ``text[start:end]`` speaks of the past and not of the future."""
    phrase = text[start:end]
    if _FIXED_RE.search(phrase):
        return False
    clause = _clause(text, start, end)
    if _FUTURE_RE.search(clause):
        return False
    if _PAST_AUX_RE.search(clause):
        return True
    return bool(_PERFECT_AUX_RE.search(clause)) and any(
        p.group(0).lower() not in _NOT_PARTICIPLES for p in _PARTICIPLE_RE.finditer(clause)
    )
