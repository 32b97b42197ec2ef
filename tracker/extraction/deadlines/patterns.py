r"""Regex building blocks of the deadline rules, generated from the lexicon.

In these sources a literal space means ``\s+`` (text may break lines or double
spaces between words); never put a literal space inside a character class.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tracker.extraction.lexicon.calendar import (
    DAY_ORDINALS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    NEXT_MARKERS,
    NUMBER_WORDS,
    PAST_MARKERS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY_NEXT,
    WEEKDAYS,
)
from tracker.extraction.lexicon.events import (
    DATED_DOCUMENT_NOUNS,
    EVENT_ADJECTIVES,
    EVENT_NOUNS,
    MEETING_NOUNS,
    NEXT_ADJECTIVES,
    NEXT_DOCUMENT_NOUNS,
    REPORT_NOUNS,
)


def alternation(words: Iterable[str]) -> str:
    """``a|b|c`` of ``words``, longest first, regex metacharacters of plain words escaped.

    Entries holding regex syntax (``(``, ``[``, ``?``) are used as they are.
    """
    out = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        out.append(w if any(c in w for c in "([?\\") else re.escape(w).replace("\\ ", " "))
    return "|".join(out)


def spaced(src: str) -> str:
    return src.replace(" ", r"\s+")


_B = r"(?<![\w-])"  # a phrase starts at a word start
_END = r"(?:(?<=\w)(?!\w)|(?<!\w))"  # and does not stop inside a word

_NUM_UNITS_AFTER_YEAR = (
    r"(?!\s*(?:euro|eur|mensen|personen|gevallen|keer|stuks|miljoen|miljard|km|"
    r"procent|%|medewerkers|fte|banen|woningen|leden)\b)"
)
# A year may carry a footnote marker glued to it by the PDF (``20181`` = 2018 + note 1):
# handlers read a year with ``year_of`` (its first four digits).
YEAR_ABS = r"(?:19|20)\d\d(?:[1-9]\d?)?(?![\d])(?![.,]\d)" + _NUM_UNITS_AFTER_YEAR
_YREL_BARE = r"dit (?:kalender)?jaar|het lopende (?:kalender)?jaar|volgend jaar|komend jaar|vorig jaar"
_YREL_COMBO = r"het (?:kalender)?jaar|het (?:komende?|volgende?|vorige|afgelopen) jaar"
_YREL = f"(?:{_YREL_BARE}|{_YREL_COMBO})"


def _year_tail(tag: str) -> str:
    """Optional ``(van) 2026`` / ``(van) dit jaar`` after a period name."""
    return (
        rf"(?:(?: van)? (?:(?P<yabs{tag}>{YEAR_ABS})|(?P<yrel{tag}>{_YREL})(?![\w])))?"
    )


_PRE_PERIOD = (
    r"(?:(?P<pre>(?:(?:nog|ruim|al|kort|reeds) )?(?:uiterlijk(?: in| voor| vóór)?|"
    r"niet later dan|ergens in|in|tijdens|gedurende|rond|rondom|omstreeks|tegen|voor|vóór|"
    r"vanaf|sinds|na|eerder dan)|nog) )?"
)
_PART = (
    r"(?:(?P<part>begin(?: van)?|(?:aan |in )?het begin van|vroeg in|medio|half|"
    r"halverwege(?: in)?|(?:in )?het midden van|midden|eind(?:e)?(?: van)?|"
    r"(?:aan |tegen )?het eind(?:e)? van|ultimo|in de loop van|later in|later|eerder in|"
    r"eerder|(?:in )?de eerste maanden van|(?:in )?de laatste maanden van|(?:in )?de rest van"
    r") )?"
)
_DATED_DOC = alternation(DATED_DOCUMENT_NOUNS)
_PRE_DATE = (
    r"(?:(?P<pre>(?:(?:nog|ruim|al|kort|reeds) )?(?:uiterlijk(?: op| voor| vóór)?|"
    r"niet later dan|voor of op|op of voor|op|per|met ingang van|m\.i\.v\.|rond|rondom|"
    r"omstreeks|tegen|voor|vóór|vanaf|sinds|na|eerder dan|d\.d\.|de dato|"
    r"(?:(?:staat |is |zijn |worden |wordt )?gepland|staat|staan) (?:voor|op)|"
    rf"(?:(?:bij|in|met|per) )?(?:(?:mijn|onze|de|uw|haar|zijn|het|een|hun) )?(?:{_DATED_DOC}) van)) )?"
)
_WEEKDAY_NAME = f"(?:{alternation(WEEKDAYS)})"
_WEEKDAY_NEXT = alternation(WEEKDAY_NEXT)
# A day of the month written out (``vijftien maart``, ``de eerste juni``): not ``een``.
DAY_WORDS: dict[str, int] = {
    w: int(n) for w, n in NUMBER_WORDS.items() if n == int(n) and 1 <= n <= 31 and w not in ("een", "eén")
} | DAY_ORDINALS
_DAY = rf"(?:[0-3]?\d(?:e|ste|de)?|{alternation(DAY_WORDS)})"
_WEEKDAY = f"(?:(?:(?:{_WEEKDAY_NEXT}) )?{_WEEKDAY_NAME} )?"
_MONTH_FULL = "|".join(MONTH_NAMES)
_MEETING = alternation(MEETING_NOUNS)
_MONTH_ANY = (
    rf"(?:{_MONTH_FULL}|(?:{alternation(MONTH_ABBREVIATIONS)})"
    r"(?:\.(?=\s+(?:19|20)\d\d))?)(?![\w])"
)
_REL_PAST = alternation(m for m in PAST_MARKERS if m[-1] != "l") + r"|jl(?![\w])"
_REL_NEXT = alternation(m for m in NEXT_MARKERS if m != "a.s") + r"|as\.|a\.s(?![\w])"
_REL = rf"(?: (?P<rel>{_REL_PAST}|{_REL_NEXT}))?"

_NUMWORDS_RE = r"\d{1,3}(?:[.,]5)?|" + alternation([*VAGUE_NUMBERS, *NUMBER_WORDS])
_NUM = rf"(?P<n>{_NUMWORDS_RE})(?![\w])(?:(?:\s*[-–]\s*| (?:à|a|tot|of) )(?P<n2>{_NUMWORDS_RE})(?![\w]))?"
_UNIT = rf"(?P<u>{alternation(UNITS)})(?![\w])"

# Undated events -------------------------------------------------------------

_STOP = (
    # function words, pronouns and the commonest finite verbs: an event's
    # noun phrase stops before them
    r"zal|zullen|zou|zouden|wordt|worden|werd|werden|is|zijn|was|waren|kan|kunnen|"
    r"moet|moeten|mag|mogen|wil|wilt|willen|heb|heeft|hebben|had|hadden|ben|bent|"
    r"informeer|informeert|informeren|stuur|stuurt|sturen|zend|zendt|ontvangt|ontvangen|"
    r"volgt|volgen|komt|komen|kom|gaat|gaan|ga|geef|geeft|geven|bericht|berichten|bezie|"
    r"beziet|bezien|besluit|besluiten|neem|neemt|nemen|laat|laten|doe|doet|doen|"
    r"verwacht|verwachten|zie|ziet|ik|wij|we|u|uw|hij|zij|ze|men|ons|onze|mijn|het|de|"
    r"een|en|of|maar|dat|die|dit|deze|om|te|als|dan|ook|nog|niet|wel|zo|er|hier|daar|"
    r"daarna|vervolgens|nader|waarbij|waarin|waarna|welke|wat|wie|hoe|wanneer|toe|aan|"
    r"op|in|van|voor|vóór|na|bij|met|door|over|naar|tot|tegen|uit|via|zodat|omdat|"
    r"terwijl|indien|mits|tenzij|alsook|evenals|alsmede|uiterlijk|binnenkort|"
    # time words: a time phrase after an event is its own phrase
    rf"{_MONTH_FULL}|voorjaar|lente|zomer|najaar|herfst|winter|kerst|kerstmis|"
    r"jaarwisseling|jaar|jaren|maand|maanden|week|weken|dag|dagen|kwartaal|helft|begin|"
    r"eind|einde|medio|half|[\w-]*reces|prinsjesdag|voorjaarsnota|najaarsnota|"
    r"[\w-]*begroting|miljoenennota|[\w-]*jaarverslag|verantwoordingsdag|termijn|periode|"
    r"moment|tijd|q[1-4]|h[12]|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
)
_WORD = rf"(?!(?:{_STOP})(?![\w-]))[^\W\d_][\w’'-]*"
_DET = r"(?:de|het|een|deze|dit|die|dat)"
_NP = rf"(?:{_DET} )?(?:{_WORD} ){{0,2}}{_WORD}"
_PP = (
    rf"(?: (?:van|over|naar|inzake|omtrent|door|met betrekking tot|in|op|aan|tussen) {_NP})"
    r"{0,2}(?: (?:hiervan|daarvan|ervan|hierover|daarover))?"
)
_EV_ADJ = f"(?:{alternation(EVENT_ADJECTIVES)})"
_NEXT_ADJ = f"(?:{alternation(NEXT_ADJECTIVES)})"
_EV_NOUN = rf"(?:{alternation(EVENT_NOUNS)})(?![\w])"
_EV_NOUN_NEXT = rf"(?:{alternation(NEXT_DOCUMENT_NOUNS)})(?![\w])"
_EV_MOD = (
    r"(?:(?:uiterlijk|nog|ruim|kort|direct|meteen|vlak|onmiddellijk|zo snel mogelijk|"
    r"zo spoedig mogelijk) )?"
)
# "voor"/"voorafgaand aan" need an article ("voor behandeling" is "for treatment").
_EV_TRIG = (
    rf"{_EV_MOD}(?:(?:voor|vóór|voorafgaand aan|voorafgaande aan|in aanloop naar|"
    rf"in de aanloop naar|ten tijde van) {_DET}|(?:tijdens|bij|na|rond|rondom|"
    rf"gelijktijdig met|tegelijk met|tegelijkertijd met)(?: {_DET})?)"
)
# "in"/"met" only before a report ("in de volgende voortgangsrapportage"), not
# before a meeting or a body ("in de Europese Raad", "in de top").
_EV_DOC_NOUN = rf"(?:{alternation(REPORT_NOUNS)})(?![\w])"
_EV_DOC = (
    rf"{_EV_MOD}(?:in|met) {_DET} (?:(?:{_EV_ADJ} ){{0,2}}{_EV_DOC_NOUN}|"
    rf"(?:{_EV_ADJ} )?{_NEXT_ADJ} (?:{_EV_ADJ} )?{_EV_NOUN_NEXT})(?: {YEAR_ABS})?"
)
_EV_HEAD = (
    rf"(?:(?:{_EV_ADJ} ){{0,2}}{_EV_NOUN}|(?:{_EV_ADJ} )?{_NEXT_ADJ} (?:{_EV_ADJ} )?{_EV_NOUN_NEXT})"
    rf"(?: {YEAR_ABS})?"
)
_EV_TAIL = rf"(?:{_DET} )?(?:{_WORD} ){{0,2}}{_WORD}{_PP}"
