"""Deadline phrase resolution (shared/spec/deadlines.md, implemented row by row).

Public API::

    resolve_phrase(phrase, reference_date, calendar=None) -> Deadline
    find_deadlines(text, reference_date, calendar=None) -> list[Deadline]
    parse_absolute_date(text, reference_date=None) -> date | None

``find_deadlines`` returns every time expression in ``text``, left to right,
non-overlapping, leftmost-longest, each with ``text`` exactly as it stands in
the input (line breaks and double spaces included) and ``start``/``end``
offsets into it. Dated phrases, vague phrases (``precision="vague"``) and
undated events (``precision="event"``, ``due=None``) are all returned, and so
are plain absolute dates in the past (``op 10 september 2025``, ``27 januari
jl.``); a later stage picks the phrase that governs the promised act. To help
it, a phrase's ``text`` includes its governing preposition (``uiterlijk``,
``voor``/``vóór``, ``in``, ``op``, ``per``, ``bij``, ``na``, ``tijdens``) and
a ``jl.`` date resolves into the past, so ``due < reference_date`` marks a
retrospective mention.

How it works: the text is lower-cased once (offsets unchanged). Every phrase
contains an *anchor* word (a month, ``kwartaal``, ``zomer``, a year,
``termijn``, an event noun, ...) preceded only by a short run of *prefix*
words (``uiterlijk``, ``in``, ``het``, ``derde``, ``1``, ...). One trie-shaped
regex finds the anchors; the prefix run before each gives a few candidate
starts, tried leftmost first with the combined pattern of all rules; at a start
that pattern accepts, every rule is tried and the longest match whose resolver
accepts it wins (ties go to the earlier rule). The tests check that this finds
exactly what trying every position would. Resolution is cached per (rule,
normalised phrase, reference date, calendar); day-month-year dates are
validated by ``dateparser`` (Dutch, DMY, one strict format, cached).
Adjacent periods joined by ``/``, ``-``, ``of``, ``à``, ``tot (en met)``, ``t/m``
or ``en`` (``eind 2026/begin 2027``, ``september of oktober 2026``,
``het voorjaar en de zomer van 2020``) merge into one phrase whose window runs
from the start of the first to the end of the last; a year stated only on the
second part applies to the first. Two days joined by ``en`` stay two phrases
(``op 1 juni en op 1 december`` are two deliveries).

Decisions where the spec is silent (what a committee clerk would expect):

- ``uiterlijk X``, ``in X``, ``nog X``, ``tegen X``, ``rond X`` keep X's window
  (the table gives ``uiterlijk 1 juni`` and ``uiterlijk dit najaar`` their
  full window). ``voor X``/``vóór X`` for a calendar period or day means
  strictly before X: due = the day before X starts, ``window_start=None``,
  precision of X (``voor maart``, ``voor 1 juni``, ``voor Q3``, ``vóór 2027``).
  ``voor of op 1 juni`` is inclusive.
- Parts of a period: ``begin``/``medio`` (``half``, ``halverwege``,
  ``midden``)/``eind`` (``einde``, ``ultimo``, ``aan het eind van``) take the
  first/middle/last 10 days of a month, the first/middle/last month of a
  quarter or season (precision month), the first/middle/last three months of a
  year (precision quarter), and the first three/middle two/last three months
  of a half year. ``voor eind X`` and ``voor medio X`` keep that part's window
  (as the table does for ``voor eind maart``); ``voor begin X`` means before X
  starts. ``voor het einde van X`` means "by the end of X": window from the
  reference date (or from X's start when the reference date is outside X) to
  X's end, X's precision — as the table has it for ``voor het einde van het
  jaar``. ``in de loop van X`` is X's full window; ``later X`` / ``later in X``
  / ``de rest van X`` run from the reference date; ``eerder dit jaar`` runs
  from X's start to the reference date.
- ``dit jaar``/``dit kalenderjaar``/``het lopende jaar`` (also after ``in``,
  ``nog``, ``uiterlijk``) run from the reference date; an explicit year
  (``in 2026``) is the whole year even when the reference date is inside it.
- ``voor <year>`` without accent or part is not read (``voor 2026`` is mostly
  "for 2026"); ``vóór 2027`` is. In ``voor dit jaar``, ``voor volgend jaar``
  and ``voor het jaar 2025`` the ``voor`` likewise means "for": only ``dit
  jaar`` / ``volgend jaar`` / ``het jaar 2025`` is returned.
- Seasons: ``dit``/``deze``/``het``/``de`` + season or no year → the
  missing-year rule (spec); ``komend``/``volgend``/``aanstaande`` → the next
  season that has not started; ``afgelopen``/``vorige`` → the last one that
  has ended. ``winter 2026`` is December 2026 – February 2027 (a season's
  window starts in its stated year); ``winter 2025/2026`` likewise starts in
  the first year. ``lente``/``herfst`` are ``voorjaar``/``najaar``.
- Missing years: the first year (from the reference year minus one on) whose
  *due* is on or after the reference date, after applying ``voor``/parts. A
  stated year, ``dit jaar``, ``volgend jaar`` or ``jl.`` is kept even if past.
  Day-month dates without year: the next such date not yet passed;
  ``jl.`` → the most recent such date on or before the reference date;
  ``a.s.`` → the next on or after it. ``maart jl.`` → the most recent March
  that has begun.
- Durations: ``binnen``/``over``/``de komende`` + number + unit → due =
  reference date + N (months clamp to month end; ``een half jaar`` = 6 months,
  ``anderhalf jaar`` = 18 months, ``anderhalve maand`` = 1 month 15 days,
  ``werkdagen`` skip weekends but not holidays), window from the reference
  date, precision day; a range (``twee à drie maanden``, ``vijf tot tien
  jaar``) takes the upper bound. ``het komende jaar`` (with article) is the
  coming twelve months; ``komend jaar`` (without) is the next calendar year,
  like ``volgend jaar``. With an unquantified number (``enkele``, ``een paar``,
  ``een aantal``) or a plural without number (``de komende maanden``) the
  phrase is vague. Relative to an event (``binnen zes maanden na
  inwerkingtreding``, ``twee weken voor het commissiedebat``) → event, due None.
- Weeks/days: ``deze``/``volgende``/``vorige week`` → Monday–Sunday of that
  week, due the Sunday, precision day; ``vandaag``/``morgen`` → that day.
- Recesses: ``voor de zomer``/``vóór het zomerreces``/``voor de
  zomervakantie``/``voor zomer 2026`` → first day of the summer recess;
  ``na de zomer`` → 30 September, window from the recess's last day (the
  calendar's end date); ``tijdens het zomerreces``/``kerstreces`` → the recess
  itself; ``voor de kerst``/``het kerstreces``/``de kerstvakantie`` → first day
  of the Christmas recess. ``na de kerst``/``na het kerstreces`` and ``na de
  jaarwisseling`` have no date in the spec → event, due None. ``voor de
  jaarwisseling`` → 31 December (event, no window). ``rond de jaarwisseling``
  → 31 January of the next year with window from 1 December; ``rond de
  jaarwisseling 2026/2027`` uses the first year. Other recesses (``meireces``,
  ``herfstreces``, ``het reces``) are undated events.
- Budget events: ``voor`` + a budget moment means by that moment (due = its
  date, as ``voor de zomer`` does with the recess); ``na`` + a budget moment
  → event with no date. Prinsjesdag, begroting/Miljoenennota/HGIS-nota/
  Belastingplan, Verantwoordingsdag and jaarverslag/slotwet fall on a known
  day, so their window is that day; Voorjaarsnota/eerste suppletoire and
  Najaarsnota/tweede suppletoire give only a latest date (no window). A bare
  ``suppletoire begroting`` (no first/second) is an undated event. A yearless
  ``begroting`` is read only after ``bij``/``met`` (``bij de begroting``) and a
  yearless ``jaarverslag`` only after ``bij``; both then take the next such
  moment not yet passed.
- Undated events are a closed list of parliamentary and process nouns after a
  trigger (``voor``, ``bij``, ``na``, ``tijdens``, ``in de aanloop naar``, …)
  with up to two following ``van/over/naar/…`` phrases; reports and letters
  count only with ``volgende``/``eerstvolgende``/``komende``/… (``bij de
  volgende voortgangsrapportage``). ``zodra … bekend/duidelijk is`` is vague;
  ``zodra … is afgerond/verschenen/…`` is an event.
- ``na <date or period>`` (other than the recess and budget rows) names no
  deadline, only when the window opens: ``precision="vague"``, ``due=None``,
  ``window_start`` = the day after X (``na 1 juni`` → from 2 June). ``sinds X``
  refers back: X is the most recent such day/period that has begun.
  ``vanaf X`` reads like ``per X``/``in X``. ``tot X`` is not part of the
  phrase (X alone is returned).
- ``zodra``/``op het moment dat`` + up to twelve words + ``bekend``/``duidelijk``
  (… ``is``/``zijn``) is vague; with a completion word (``afgerond``,
  ``verschenen``, ``vastgesteld``, ``genomen``, …) it is an undated event.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tracker.extraction import calendar as cal_mod
from tracker.extraction.calendar import DEFAULT_CALENDAR, ParliamentaryCalendar
from tracker.extraction.types import PRECISION_NONE, Deadline

__all__ = ["find_deadlines", "parse_absolute_date", "resolve_phrase"]

DAY, MONTH, QUARTER, HALF, SEASON, YEAR, EVENT, VAGUE = (
    "day", "month", "quarter", "half", "season", "year", "event", "vague",
)
_CAL_PRECISIONS = (DAY, MONTH, QUARTER, HALF, SEASON, YEAR)

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

MONTH_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
_MONTH_NUM = {name: i + 1 for i, name in enumerate(MONTH_NAMES)}
_MONTH_NUM.update({
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
})

_NUMBER_WORDS = {
    "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11,
    "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
    "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20,
    "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90, "honderd": 100,
    "anderhalf": 1.5, "anderhalve": 1.5,
}
_VAGUE_NUMBERS = ("enkele", "een paar", "een aantal", "enige", "meerdere", "verscheidene")

# unit -> (days, months, workdays)
_UNITS = {
    "dag": (1, 0, False), "dagen": (1, 0, False),
    "werkdag": (1, 0, True), "werkdagen": (1, 0, True),
    "week": (7, 0, False), "weken": (7, 0, False),
    "maand": (0, 1, False), "maanden": (0, 1, False),
    "kwartaal": (0, 3, False), "kwartalen": (0, 3, False),
    "half jaar": (0, 6, False), "halfjaar": (0, 6, False),
    "jaar": (0, 12, False), "jaren": (0, 12, False),
    "decennium": (0, 120, False), "decennia": (0, 120, False),
}
_PLURAL_UNITS = ("dagen", "werkdagen", "weken", "maanden", "kwartalen", "jaren", "decennia")

_SEASONS = {
    "voorjaar": "voorjaar", "lente": "voorjaar", "zomer": "zomer",
    "najaar": "najaar", "herfst": "najaar", "winter": "winter",
}

# ---------------------------------------------------------------------------
# Regex building blocks. In these sources a literal space means ``\s+`` (text
# may break lines or double spaces between words); never put a literal space
# inside a character class.
# ---------------------------------------------------------------------------


def _p(src: str) -> str:
    return src.replace(" ", r"\s+")


_B = r"(?<![\w-])"  # a phrase starts at a word start
_END = r"(?:(?<=\w)(?!\w)|(?<!\w))"  # and does not stop inside a word

_NUM_UNITS_AFTER_YEAR = (
    r"(?!\s*(?:euro|eur|mensen|personen|gevallen|keer|stuks|miljoen|miljard|km|"
    r"procent|%|medewerkers|fte|banen|woningen|leden)\b)"
)
YEAR_ABS = r"(?:19|20)\d\d(?![\d])(?![.,]\d)" + _NUM_UNITS_AFTER_YEAR
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
    r"vanaf|sinds|na)|nog) )?"
)
_PART = (
    r"(?:(?P<part>begin(?: van)?|(?:aan |in )?het begin van|vroeg in|medio|half|"
    r"halverwege(?: in)?|(?:in )?het midden van|midden|eind(?:e)?(?: van)?|"
    r"(?:aan |tegen )?het eind(?:e)? van|ultimo|in de loop van|later in|later|eerder in|"
    r"eerder|(?:in )?de eerste maanden van|(?:in )?de laatste maanden van|(?:in )?de rest van"
    r") )?"
)
_PRE_DATE = (
    r"(?:(?P<pre>(?:(?:nog|ruim|al|kort|reeds) )?(?:uiterlijk(?: op| voor| vóór)?|"
    r"niet later dan|voor of op|op of voor|op|per|met ingang van|m\.i\.v\.|rond|rondom|"
    r"omstreeks|tegen|voor|vóór|vanaf|sinds|na)) )?"
)
_WEEKDAY = r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) )?"
_MONTH_FULL = "|".join(MONTH_NAMES)
_MONTH_ANY = (
    rf"(?:{_MONTH_FULL}|(?:jan|febr?|mrt|apr|jun|jul|aug|sept?|okt|nov|dec)"
    r"(?:\.(?=\s+(?:19|20)\d\d))?)(?![\w])"
)
_REL_PAST = r"jl\.|jl(?![\w])|j\.l\.|jongstleden|ll\.|laatstleden"
_REL_NEXT = r"a\.s\.|a\.s(?![\w])|aanstaande|aanstaand"
_REL = rf"(?: (?P<rel>{_REL_PAST}|{_REL_NEXT}))?"

_NUMWORDS_RE = (
    r"\d{1,3}(?:[.,]5)?|een paar|een aantal|enkele|enige|meerdere|verscheidene|"
    r"anderhalf|anderhalve|één|eén|een|twee|drie|vier|vijftien|vijftig|vijf|zestien|"
    r"zestig|zes|zeventien|zeventig|zeven|achttien|acht|negentien|negentig|negen|tien|"
    r"elf|twaalf|dertien|dertig|veertien|veertig|twintig|tachtig|honderd"
)
_NUM = rf"(?P<n>{_NUMWORDS_RE})(?![\w])(?:(?:\s*[-–]\s*| (?:à|a|tot|of) )(?P<n2>{_NUMWORDS_RE})(?![\w]))?"
_UNIT = (
    r"(?P<u>werkdagen|werkdag|dagen|dag|weken|week|maanden|maand|kwartalen|kwartaal|"
    r"half jaar|halfjaar|jaren|jaar|decennia|decennium)(?![\w])"
)

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
_EV_ADJ = (
    r"(?:volgende|eerstvolgende|eerstkomende|komende|aankomende|aanstaande|nieuwe|nieuw|"
    r"eerste|tweede|derde|vierde|jaarlijkse|halfjaarlijkse|geplande|voorziene|verwachte|"
    r"laatste|definitieve|formele|plenaire|schriftelijke|mondelinge|aangekondigde|"
    r"toegezegde|volgend|eerstvolgend|komend)"
)
_NEXT_ADJ = (
    r"(?:volgende|eerstvolgende|eerstkomende|komende|aankomende|aanstaande|volgend|"
    r"eerstvolgend|komend|nieuwe|jaarlijkse|halfjaarlijkse)"
)
_EV_NOUN = (
    r"(?:commissiedebat(?:ten)?|(?:plenair |plenaire )?debat(?:ten)?|notaoverleg|"
    r"wetgevingsoverleg|(?:algemeen|schriftelijk|bestuurlijk) overleg|tweeminutendebat|"
    r"dertigledendebat|begrotingsbehandeling(?:en)?|(?:plenaire )?behandeling|"
    r"verantwoordingsdebat|stemmingen|(?:algemene|financiële) (?:politieke )?beschouwingen|"
    r"europese raad|raad buitenlandse zaken(?: handel)?|raad algemene zaken|rbz|raz|"
    r"ecofin(?:-raad)?|eurogroep|[a-z]+-raad|(?:[\w]+-)?top(?:ontmoeting)?|"
    r"algemene vergadering|[\w-]*verkiezingen|kabinetsformatie|formatie|aantreden|"
    r"installatie|beëdiging|afronding|afloop|publicatie|verschijning|verschijnen|"
    r"oplevering|vaststelling|[\w-]*evaluatie|mid-?term review|inwerkingtreding|"
    r"uitkomsten|uitkomst|resultaten|besluitvorming|kabinetsreactie|voortgangsrapportages|"
    r"voortgangsrapportage|voortgangsbrief|voortgangsrapport|tussenrapportage|eindrapport|"
    r"ondertekening|goedkeuring|internetconsultatie|consultatie|start|lancering|herijking|"
    r"[\w-]*reces)(?![\w])"
)
_EV_NOUN_NEXT = (
    r"(?:brief|kamerbrief|verzamelbrief|rapportage|jaarrapportage|update|verslag|"
    r"monitor|geannoteerde agenda|stand van zaken(?:brief)?)(?![\w])"
)
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
_EV_DOC_NOUN = (
    r"(?:kabinetsreactie|voortgangsrapportages|voortgangsrapportage|voortgangsbrief|"
    r"voortgangsrapport|tussenrapportage|eindrapport|[\w-]*evaluatie)(?![\w])"
)
_EV_DOC = (
    rf"{_EV_MOD}(?:in|met) {_DET} (?:(?:{_EV_ADJ} ){{0,2}}{_EV_DOC_NOUN}|"
    rf"(?:{_EV_ADJ} )?{_NEXT_ADJ} (?:{_EV_ADJ} )?{_EV_NOUN_NEXT})(?: {YEAR_ABS})?"
)
_EV_HEAD = (
    rf"(?:(?:{_EV_ADJ} ){{0,2}}{_EV_NOUN}|(?:{_EV_ADJ} )?{_NEXT_ADJ} (?:{_EV_ADJ} )?{_EV_NOUN_NEXT})"
    rf"(?: {YEAR_ABS})?"
)
_EV_TAIL = rf"(?:{_DET} )?(?:{_WORD} ){{0,2}}{_WORD}{_PP}"

# ---------------------------------------------------------------------------
# Small date helpers
# ---------------------------------------------------------------------------

_ONE = timedelta(days=1)


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - _ONE


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, _month_end(year, month).day))


def _months_between(s: date, e: date) -> int:
    return (e.year - s.year) * 12 + e.month - s.month + 1


def _add_workdays(d: date, n: int) -> date:
    weeks, rest = divmod(n, 5)
    d += timedelta(weeks=weeks)
    while rest:
        d += _ONE
        if d.weekday() < 5:
            rest -= 1
    return d


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


# dateparser reads the canonical "<day> <Dutch month> <year>" that our own
# regexes extracted: Dutch only, day-month-year order, strict, one fixed format
# (the only parser that is both exact and fast: ~0.1 ms uncached).
_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "DATE_ORDER": "DMY",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["custom-formats"],
}
_DATE_FORMATS = ["%d %B %Y"]


@functools.lru_cache(maxsize=1)
def _date_parser() -> Any:
    from dateparser.date import DateDataParser  # imported lazily: loading takes ~0.1 s

    return DateDataParser(languages=["nl"], settings=_DATEPARSER_SETTINGS)


@functools.lru_cache(maxsize=8192)
def _dp(day: int, month: int, year: int) -> date | None:
    """A valid calendar date for day/month/year, via dateparser (Dutch, DMY), or None."""
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 9999):
        return None
    parsed = _date_parser().get_date_data(
        f"{day} {MONTH_NAMES[month - 1]} {year}", date_formats=_DATE_FORMATS,
    ).date_obj
    return parsed.date() if parsed is not None else None


# ---------------------------------------------------------------------------
# Resolution results
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _R:
    """A resolved phrase before it becomes a Deadline."""

    window_start: date | None
    due: date | None
    precision: str
    year: int | None = None  # the stated (or relative) year, for range merging
    missing: bool = False  # the year came from the missing-year rule
    before: bool = False  # ``voor X``: strictly before


_VAGUE_R = _R(None, None, VAGUE)
_EVENT_R = _R(None, None, EVENT)

Window = tuple[date, date, str]


def _pre_kind(pre: str | None) -> str:
    if not pre:
        return ""
    p = _norm(pre)
    if p in ("voor of op", "op of voor"):
        return "in"
    last = p.rsplit(" ", 1)[-1]
    if last in ("voor", "vóór"):
        return "before"
    if last == "na":
        return "after"
    if last == "sinds":
        return "since"
    return "in"


def _after_period(r: _R | None) -> _R | None:
    """``na X``: no due date; the window opens the day after X."""
    if r is None or r.due is None:
        return None
    return _R(r.due + _ONE, None, VAGUE, year=r.year)


def _part_kind(part: str | None, pre: str) -> str:
    if not part:
        return ""
    p = _norm(part)
    if p == "in de loop van":
        return "during"
    if p.startswith("later") or "rest van" in p:
        return "later"
    if p.startswith("eerder"):
        return "earlier"
    if "begin" in p or "eerste maanden" in p or p == "vroeg in":
        return "begin"
    if "midden" in p or p in ("medio", "half") or p.startswith("halverwege"):
        return "mid"
    if pre == "before" and p.startswith("het eind"):
        return "by_end"
    return "end"


def _slice(kind: str, s: date, e: date) -> Window:
    """The begin/mid/end part of window s..e."""
    m = _months_between(s, e)
    if m == 1:
        if kind == "begin":
            return s, s.replace(day=10), MONTH
        if kind == "mid":
            return s.replace(day=11), s.replace(day=20), MONTH
        return s.replace(day=21), e, MONTH
    k = 3 if m >= 6 else 1
    if kind == "begin":
        first, length = 0, k
    elif kind == "end":
        first, length = m - k, k
    else:
        length = 3 if m >= 9 else (2 if m >= 4 else 1)
        first = (m - length) // 2
    start = _add_months(s, first)
    last = _add_months(s, first + length - 1)
    return start, _month_end(last.year, last.month), MONTH if length == 1 else QUARTER


def _shape(
    s: date, e: date, prec: str, pre: str, part: str, ref: date, from_ref: bool = False,
) -> tuple[date | None, date, str, bool]:
    """Apply the prefix (voor/uiterlijk/in) and part (begin/eind/...) to window s..e."""
    if part in ("begin", "mid", "end"):
        ps, pe, pprec = _slice(part, s, e)
        if part == "begin" and pre == "before":
            return None, s - _ONE, pprec, True
        return ps, pe, pprec, False
    inside = s <= ref <= e
    if part in ("by_end", "later"):
        return (ref if inside else s), e, prec, False
    if part == "earlier":
        return s, (ref if inside else e), prec, False
    if part == "during":
        return s, e, prec, False
    if pre == "before":
        return None, s - _ONE, prec, True
    if from_ref:
        return (ref if inside else s), e, prec, False
    return s, e, prec, False


def _rel_year(text: str | None, ref: date) -> tuple[int | None, bool]:
    """(year, known) for a relative year expression; ``het jaar`` → (None, False)."""
    if not text:
        return None, False
    t = _norm(text)
    if t.startswith("dit") or "lopende" in t:
        return ref.year, True
    if "volgend" in t or "komend" in t:
        return ref.year + 1, True
    if "vorig" in t or "afgelopen" in t:
        return ref.year - 1, True
    return None, False


def _stated_year(gd: dict[str, Any], ref: date, tag: str = "") -> tuple[int | None, bool]:
    """The year named in groups ``yabs<tag>``/``yrel<tag>``: (year, stated)."""
    ya = gd.get("yabs" + tag)
    if ya:
        return int(ya), True
    return _rel_year(gd.get("yrel" + tag), ref)


def _with_year(
    fn: Callable[[int], _R | None], year: int | None, hint: int | None, ref: date,
) -> _R | None:
    """Resolve with the stated year, the merge hint, or the missing-year rule."""
    if year is not None:
        return fn(year)
    if hint is not None:
        r = fn(hint)
        return None if r is None else _replace(r, missing=True)
    for y in range(ref.year - 1, ref.year + 9):
        r = fn(y)
        if r is not None and r.due is not None and r.due >= ref:
            return _replace(r, missing=True, year=y)
    return None


def _replace(r: _R, **kw: Any) -> _R:
    fields = {
        "window_start": r.window_start, "due": r.due, "precision": r.precision,
        "year": r.year, "missing": r.missing, "before": r.before,
    }
    fields.update(kw)
    return _R(**fields)


def _period(
    gd: dict[str, Any], ref: date, hint: int | None, base: Callable[[int], Window | None],
    year: int | None, from_ref: bool = False,
) -> _R | None:
    pre = _pre_kind(gd.get("pre"))
    part = _part_kind(gd.get("part"), pre)
    shape_pre = "in" if pre in ("after", "since") else pre

    def fn(y: int) -> _R | None:
        w = base(y)
        if w is None:
            return None
        ws, due, prec, before = _shape(w[0], w[1], w[2], shape_pre, part, ref, from_ref)
        return _R(ws, due, prec, year=y, before=before)

    if pre == "since" and year is None and hint is None:
        # "sinds maart": the most recent such period that has begun
        for y in range(ref.year, ref.year - 9, -1):
            r = fn(y)
            if r is not None and (r.window_start or r.due or ref) <= ref:
                return r
        return None
    r = _with_year(fn, year, hint, ref)
    return _after_period(r) if pre == "after" else r


# ---------------------------------------------------------------------------
# Handlers: (groupdict, reference date, calendar, year hint) -> _R | None
# ---------------------------------------------------------------------------

Handler = Callable[[dict[str, Any], date, ParliamentaryCalendar, "int | None"], "_R | None"]


def _h_vague(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R:
    return _VAGUE_R


def _h_event(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R:
    return _EVENT_R


def _h_zodra(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R:
    word = _norm(gd["zv"])
    if word in ("bekend", "duidelijk", "duidelijkheid", "mogelijk"):
        return _VAGUE_R
    return _EVENT_R


def _quarter_window(q1: int, q2: int) -> Callable[[int], Window]:
    def base(y: int) -> Window:
        s = date(y, 3 * q1 - 2, 1)
        ey = y if q2 >= q1 else y + 1
        return s, _month_end(ey, 3 * q2), QUARTER

    return base


_ORDINALS = {
    "eerste": 1, "1e": 1, "1ste": 1, "tweede": 2, "2e": 2, "2de": 2, "derde": 3,
    "3e": 3, "3de": 3, "vierde": 4, "4e": 4, "4de": 4, "laatste": 4,
}


def _h_quarter(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    if gd.get("q1"):
        q1 = int(gd["q1"])
        q2 = int(gd["q2"]) if gd.get("q2") else q1
    else:
        q1 = _ORDINALS[_norm(gd["o1"])]
        q2 = _ORDINALS[_norm(gd["o2"])] if gd.get("o2") else q1
    year, _ = _stated_year(gd, ref)
    if gd.get("yshort"):
        year = 2000 + int(gd["yshort"])
    elif gd.get("yabs2"):
        year = int(gd["yabs2"])
    return _period(gd, ref, hint, _quarter_window(q1, q2), year)


def _h_quarter_rel(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    rel = _norm(gd["qrel"])
    q = (ref.month - 1) // 3 + 1
    y = ref.year
    if "volgend" in rel or "komend" in rel:
        q, y = (1, y + 1) if q == 4 else (q + 1, y)
    elif "vorig" in rel or "afgelopen" in rel:
        q, y = (4, y - 1) if q == 1 else (q - 1, y)
    return _period(gd, ref, None, _quarter_window(q, q), y)


def _h_half(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    if gd.get("hn"):
        h = int(gd["hn"])
        year: int | None = int(gd["yabsh"])
    else:
        h = 1 if _norm(gd["h"]) in ("eerste", "1e") else 2
        year, stated = _stated_year(gd, ref)
        if _norm(gd["hw"]) == "helft" and not (stated or gd.get("yrel")):
            return None  # "de eerste helft" of something else

    def base(y: int) -> Window:
        if h == 1:
            return date(y, 1, 1), date(y, 6, 30), HALF
        return date(y, 7, 1), date(y, 12, 31), HALF

    return _period(gd, ref, hint, base, year)


def _season_window(season: str) -> Callable[[int], Window]:
    def base(y: int) -> Window:
        if season == "voorjaar":
            return date(y, 3, 1), date(y, 5, 31), SEASON
        if season == "zomer":
            return date(y, 6, 1), date(y, 8, 31), SEASON
        if season == "najaar":
            return date(y, 9, 1), date(y, 11, 30), SEASON
        return date(y, 12, 1), _month_end(y + 1, 2), SEASON

    return base


def _h_season(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    season = _SEASONS[_norm(gd["season"])]
    det = _norm(gd.get("sdet") or "")
    year, stated = _stated_year(gd, ref, "s")
    if not (det or stated or gd.get("yrels") or gd.get("part")):
        return None  # a bare season word ("zomer") is not a time phrase
    base = _season_window(season)
    if year is None and det in ("afgelopen", "vorig", "vorige"):
        year = next(y for y in range(ref.year, ref.year - 3, -1) if base(y)[1] < ref)
    elif year is None and det in (
        "komend", "komende", "volgend", "volgende", "aanstaande", "aankomende",
    ):
        year = next(y for y in range(ref.year - 1, ref.year + 3) if base(y)[0] > ref)
    return _period(gd, ref, hint, base, year)


def _month_window(month: int) -> Callable[[int], Window]:
    def base(y: int) -> Window:
        return date(y, month, 1), _month_end(y, month), MONTH

    return base


def _h_month(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    month = _MONTH_NUM[_norm(gd["m"])]
    year, _ = _stated_year(gd, ref, "m")
    rel = _norm(gd.get("rel") or "")
    if year is None and rel and not rel.startswith(("a", "aanstaand")) and hint is None:
        # jl. / jongstleden: the most recent such month that has begun
        year = ref.year if date(ref.year, month, 1) <= ref else ref.year - 1
    return _period(gd, ref, hint, _month_window(month), year)


def _h_month_rel(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    rel = _norm(gd["mr"])
    first = ref.replace(day=1)
    if "volgend" in rel or "komend" in rel:
        first = _add_months(first, 1)
    elif "vorig" in rel or "afgelopen" in rel:
        first = _add_months(first, -1)
    return _period(gd, ref, None, _month_window(first.month), first.year)


def _h_year(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    pre_raw = _norm(gd.get("pre") or "")
    part = gd.get("part")
    if gd.get("yabs"):
        y1 = int(gd["yabs"])
        y2 = y1
        if gd.get("yabs2"):
            y2 = int(gd["yabs2"])
        elif gd.get("yshort"):
            y2 = (y1 // 100) * 100 + int(gd["yshort"])
        if y2 < y1:
            return None
        if not (pre_raw or part or gd.get("ylead")):
            return None  # a bare year number is not a time phrase
        if pre_raw == "voor" and not part:
            return None  # "voor 2026" is mostly "for 2026"

        def base(y: int) -> Window:
            return date(y, 1, 1), date(y + (y2 - y1), 12, 31), YEAR

        return _period(gd, ref, hint, base, y1)
    rel = _norm(gd["yrel"])
    year, known = _rel_year(rel, ref)
    during = rel in ("het jaar", "het kalenderjaar") and pre_raw in ("gedurende", "tijdens")
    if rel.startswith("het") and "lopende" not in rel and not part and not during:
        return None  # "het komende jaar" etc. alone: see the duration rules
    if not part and pre_raw.endswith("voor"):
        return None  # "voor dit jaar", "voor volgend jaar": "for"
    from_ref = rel.startswith("dit") or "lopende" in rel
    return _period(
        gd, ref, hint if not known else None,
        lambda y: (date(y, 1, 1), date(y, 12, 31), YEAR), year, from_ref,
    )


def _h_week(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    w = _norm(gd["wk"])
    if w == "vandaag":
        return _R(ref, ref, DAY, year=ref.year)
    if w == "morgen":
        d = ref + _ONE
        return _R(d, d, DAY, year=d.year)
    if w == "overmorgen":
        d = ref + 2 * _ONE
        return _R(d, d, DAY, year=d.year)
    monday = ref - timedelta(days=ref.weekday())
    if "volgend" in w or "komend" in w:
        monday += timedelta(days=7)
    elif "vorig" in w or "afgelopen" in w:
        monday -= timedelta(days=7)
    sunday = monday + timedelta(days=6)
    pre = _pre_kind(gd.get("pre"))
    if pre == "before":
        return _R(None, monday - _ONE, DAY, year=monday.year, before=True)
    r = _R(monday, sunday, DAY, year=monday.year)
    return _after_period(r) if pre == "after" else r


def _day_month(gd: dict[str, Any]) -> tuple[int, int | None, int]:
    d1 = int(gd["d1"])
    d2 = int(gd["d2"]) if gd.get("d2") else None
    month = _MONTH_NUM[_norm(gd["mon"]).rstrip(".")]
    return d1, d2, month


def _date_r(first: date, last: date, pre: str, year: int) -> _R:
    if pre == "before":
        return _R(None, first - _ONE, DAY, year=year, before=True)
    return _R(first, last, DAY, year=year)


def _h_date(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    d1, d2, month = _day_month(gd)
    if d2 is not None and d2 <= d1:
        return None
    pre = _pre_kind(gd.get("pre"))
    rel = _norm(gd.get("rel") or "")
    past = (bool(rel) and not rel.startswith("a")) or pre == "since"
    date_pre = "in" if pre in ("after", "since") else pre

    def fn(y: int) -> _R | None:
        first = _dp(d1, month, y)
        last = _dp(d2, month, y) if d2 is not None else first
        if first is None or last is None:
            return None
        return _date_r(first, last, date_pre, y)

    if gd.get("y"):
        r = fn(int(gd["y"]))
    elif past and hint is None:
        r = None
        for y in range(ref.year, ref.year - 9, -1):
            found = fn(y)
            if found is not None and (found.window_start or found.due or ref) <= ref:
                r = found
                break
    else:
        r = _with_year(fn, None, hint, ref)
    return _after_period(r) if pre == "after" else r


def _h_numdate(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    if gd.get("nd"):
        d, m, y = int(gd["nd"]), int(gd["nm"]), int(gd["ny"])
    else:
        d, m, y = int(gd["id"]), int(gd["im"]), int(gd["iy"])
    if not 1 <= m <= 12:
        return None
    first = _dp(d, m, y)
    if first is None:
        return None
    pre = _pre_kind(gd.get("pre"))
    if pre == "after":
        return _after_period(_date_r(first, first, "in", y))
    return _date_r(first, first, "in" if pre == "since" else pre, y)


def _number(word: str) -> float | None:
    w = _norm(word)
    if w in _VAGUE_NUMBERS:
        return None
    if w[0].isdigit():
        return float(w.replace(",", "."))
    return float(_NUMBER_WORDS[w])


def _after(ref: date, n: float, unit: str) -> date:
    days, months, work = _UNITS[unit]
    if work:
        return _add_workdays(ref, round(n))
    if days:
        return ref + timedelta(days=round(n * days))
    total = n * months
    whole = int(total)
    d = _add_months(ref, whole)
    frac = total - whole
    return d + timedelta(days=round(frac * 30)) if frac else d


def _h_duration(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    unit = _norm(gd["u"])
    if gd.get("evt"):
        return _EVENT_R  # "binnen zes maanden na inwerkingtreding"
    n_word = gd.get("n")
    if n_word is None:
        # "het komende half jaar", "de komende maand"; plural → vague
        if unit in _PLURAL_UNITS:
            return _VAGUE_R
        n: float | None = 1.0
    else:
        n = _number(n_word)
        if gd.get("n2"):
            n2 = _number(gd["n2"])
            n = None if n is None or n2 is None else max(n, n2)
    if n is None:
        return _VAGUE_R
    due = _after(ref, n, unit)
    return _R(ref, due, DAY, year=due.year)


def _h_duration_past(
    gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None,
) -> _R | None:
    """``de afgelopen tien jaar``, ``het afgelopen jaar``: the window up to the reference date."""
    unit = _norm(gd["u"])
    if gd.get("n") is None:
        if unit in _PLURAL_UNITS:
            return None  # "de afgelopen maanden": no deadline, not read
        n: float | None = 1.0
    else:
        n = _number(gd["n"])
        if gd.get("n2"):
            n2 = _number(gd["n2"])
            n = None if n is None or n2 is None else max(n, n2)
    if n is None:
        return None
    days, months, work = _UNITS[unit]
    if months:
        start = _add_months(ref, -round(n * months))
    else:
        start = ref - timedelta(days=round(n * days * (7 / 5 if work else 1)))
    return _R(start, ref, DAY, year=ref.year)


def _recess_year_fn(
    kind: str, ev: str, cal: ParliamentaryCalendar,
) -> Callable[[int], _R | None] | None:
    if ev == "zomer":
        if kind == "before":
            return lambda y: _R(None, cal.zomerreces(y), EVENT, year=y, before=True)
        if kind == "after":
            def after(y: int) -> _R:
                due = date(y, 9, 30)
                return _R(min(cal.zomerreces_end(y), due), due, EVENT, year=y)
            return after
        if kind == "during":
            return lambda y: _R(cal.zomerreces(y), cal.zomerreces_end(y), EVENT, year=y)
        return None
    if ev == "kerst":
        if kind == "before":
            return lambda y: _R(None, cal.kerstreces(y), EVENT, year=y, before=True)
        if kind == "during":
            return lambda y: _R(cal.kerstreces(y), cal.kerstreces_end(y), EVENT, year=y)
        return None
    # jaarwisseling
    if kind == "around":
        return lambda y: _R(date(y, 12, 1), date(y + 1, 1, 31), EVENT, year=y)
    if kind == "before":
        return lambda y: _R(None, date(y, 12, 31), EVENT, year=y, before=True)
    return None


def _h_recess(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    k = _norm(gd["k"])
    ev_word = _norm(gd["ev"])
    ev = "zomer" if ev_word.startswith("zomer") else "kerst" if ev_word.startswith("kerst") else "jw"
    is_recess = ev_word.endswith("reces")
    if k.endswith("na"):
        kind = "after"
    elif k in ("tijdens", "in", "gedurende"):
        kind = "during"
        if not is_recess:
            return None  # "in de zomer" is the season
    elif k in ("rond", "rondom", "omstreeks", "tegen", "bij"):
        kind = "around"
    else:
        kind = "before"
    lead = _norm(gd.get("lead") or "")
    if kind == "before" and lead.startswith(("einde", "afloop")):
        return None  # "voor het einde van de zomer": the season rule
    if kind == "after" and ev != "zomer":
        return _EVENT_R  # na de kerst / na de jaarwisseling: no date in the spec
    if ev == "jw" and kind == "during":
        return None
    if ev != "jw" and kind == "around":
        return None
    fn = _recess_year_fn(kind, ev, cal)
    if fn is None:
        return None
    year, _ = _stated_year(gd, ref)
    return _with_year(fn, year, hint, ref)


def _h_budget(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    doc = _norm(gd["doc"])
    pre = _norm(gd.get("pre") or "")
    trig = pre.split(" ")[-1] if pre else ""
    year, stated = _stated_year(gd, ref)
    if doc.startswith("suppletoire"):
        return _EVENT_R
    if trig == "na":
        return _EVENT_R  # after a budget moment: no date
    window_is_day = True
    if doc == "voorjaarsnota" or re.match(r"(?:eerste|1e|1ste)\s", doc):
        fn_date, window_is_day = cal_mod.voorjaarsnota, False
    elif doc == "najaarsnota" or re.match(r"(?:tweede|2e|2de)\s", doc):
        fn_date, window_is_day = cal_mod.najaarsnota, False
    elif doc == "prinsjesdag":
        fn_date = cal_mod.prinsjesdag
    elif doc == "verantwoordingsdag":
        fn_date = cal_mod.verantwoordingsdag
    elif doc.endswith(("jaarverslag", "jaarverslagen")) or doc.startswith("slotwet"):
        if not stated and trig != "bij":
            return None  # "in het jaarverslag": this very document
        fn_date = cal_mod.jaarverslag
    else:  # begroting, Miljoenennota, HGIS-nota, Belastingplan
        if doc.endswith(("begroting", "begrotingen")) and not stated and trig not in ("bij", "met"):
            return None  # "op de begroting", "in de Rijksbegroting"
        fn_date = cal_mod.begroting
    before = trig in ("voor", "vóór")

    def fn(y: int) -> _R:
        d = fn_date(y)
        ws = d if window_is_day and not before else None
        return _R(ws, d, EVENT, year=y, before=before)

    return _with_year(fn, year, hint, ref)


# ---------------------------------------------------------------------------
# Rules. Order = priority among equally long matches.
# ---------------------------------------------------------------------------

_RULE_SOURCES: list[tuple[str, str, Handler]] = [
    (
        "vague",
        r"(?:zo (?:spoedig|snel|vlot|gauw) (?:als )?mogelijk|(?:zo )?spoedig mogelijk|binnenkort|"
        r"eerdaags|eerstdaags|binnen afzienbare tijd|op afzienbare termijn|"
        r"op (?:(?:zeer|zo) )?korte(?:re)? termijn|op (?:een )?zo kort mogelijke termijn|"
        r"op (?:de )?(?:middel)?lange(?:re)? termijn|te zijner tijd|t\.z\.t\.|t\.z\.t|tzt|"
        r"op termijn|op een (?:later(?:e)?|nader te bepalen) (?:moment|tijdstip|datum)|in een later stadium|"
        r"in de nabije toekomst|"
        r"(?:(?:in|gedurende|binnen) )?(?:de |het )?(?:komende|aankomende|nabije|eerstkomende) "
        r"(?:maanden|weken|jaren|tijd|periode|decennia|dagen|kabinetsperiode)|"
        r"(?:(?:in|gedurende) )?(?:deze|de huidige) kabinetsperiode|"
        r"(?:over|binnen) (?:enkele|een paar|een aantal|enige|meerdere) "
        r"(?:dagen|weken|maanden|jaren))(?![\w])",
        _h_vague,
    ),
    (
        "zodra",
        r"(?:zodra|op het moment dat)(?: [^\s.;:!?]+){0,12}? (?P<zv>bekend|duidelijk|duidelijkheid|mogelijk|"
        r"beschikbaar|gereed|klaar|afgerond|vastgesteld|gepubliceerd|verschenen|ontvangen|"
        r"genomen|gestart|aangetreden|opgeleverd|uitgebracht|goedgekeurd|besloten|ingediend|"
        r"aangenomen|verstuurd|geëvalueerd)(?![\w])"
        r"(?: (?:is|zijn|wordt|worden|zal zijn|zullen zijn|bestaat))?",
        _h_zodra,
    ),
    (
        "recess",
        r"(?P<pre>(?:(?:nog|ruim|kort|al|uiterlijk|ook) )*)"
        r"(?P<k>voor|vóór|voorafgaand aan|voorafgaande aan|(?:(?:direct|meteen|kort|vlak|snel|"
        r"zo snel mogelijk|zo spoedig mogelijk) )?na|tijdens|gedurende|in|rond|rondom|omstreeks|"
        r"tegen) (?:(?:de|het|deze|dit) )?(?:(?P<lead>aanvang|begin|start|einde|afloop) van (?:de |het )?)?"
        r"(?P<ev>zomerreces|zomervakantie|zomerperiode|zomer|kerstreces|kerstvakantie|"
        r"kerstperiode|kerstmis|kerst|jaarwisseling|jaareinde)(?![\w])"
        rf"(?:(?: van)? (?:(?P<yabs>{YEAR_ABS})(?:\s*[-/]\s*(?:19|20)?\d\d(?![\d]))?"
        rf"|(?P<yrel>{_YREL_BARE})(?![\w])))?",
        _h_recess,
    ),
    (
        "budget",
        r"(?:(?P<pre>(?:(?:uiterlijk|nog|ruim|kort|direct|al) )?(?:bij|in|met|via|op|tijdens|"
        r"voor|vóór|rond|rondom|na|ten tijde van|gelijktijdig met|tegelijk met|"
        r"voorafgaand aan)) )?(?:(?:de|het|een) )?"
        r"(?:(?:eerstvolgende|volgende|komende|aankomende|aanstaande|eerstkomende) )?"
        r"(?P<doc>voorjaarsnota|najaarsnota|(?:eerste|1e|1ste|tweede|2e|2de) suppletoire "
        r"(?:begrotingswet(?:ten)?|begroting(?:en)?|wet(?:ten)?)|suppletoire begroting(?:en)?|"
        r"prinsjesdag|miljoenennota|hgis(?:-|\s+)?nota|belastingplan|verantwoordingsdag|"
        r"slotwet(?:ten)?|[\w-]*jaarverslag(?:en)?|[\w-]*begroting(?:en)?)(?![\w])"
        r"(?:(?: (?:van|voor|over))?(?: het (?:begrotings)?jaar)? "
        rf"(?:(?P<yabs>{YEAR_ABS})|(?P<yrel>{_YREL_BARE}|het komende jaar|het volgende jaar)"
        r"(?![\w])))?",
        _h_budget,
    ),
    (
        "dur_binnen",
        r"(?:(?:uiterlijk|nog|ruim) )?binnen (?:(?:een|de) (?:(?:gestelde|wettelijke|afgesproken) )?(?:termijn|periode) van )?"
        rf"{_NUM} {_UNIT}(?P<evt> (?:na|nadat|na afloop van|na ontvangst van) {_EV_TAIL})?",
        _h_duration,
    ),
    ("dur_over", rf"over {_NUM} {_UNIT}", _h_duration),
    (
        "dur_komende",
        r"(?:(?:in|gedurende|binnen) )?(?:de|het) (?:komende|aankomende|eerstkomende) "
        rf"(?:{_NUM} )?{_UNIT}",
        _h_duration,
    ),
    (
        "dur_past",
        r"(?:(?:in|gedurende|over) )?(?:de|het) (?:afgelopen|voorbije|laatste|vorige) "
        rf"(?:{_NUM} )?{_UNIT}",
        _h_duration_past,
    ),
    (
        "dur_event",
        rf"(?:(?:uiterlijk|ruim|minimaal|minstens|ten minste|tenminste) )?{_NUM} {_UNIT}"
        r"(?P<evt> (?:na|nadat|voor|vóór|voorafgaand aan|voorafgaande aan|voordat) "
        rf"(?:{_DET} )?(?:{_EV_ADJ} ){{0,2}}(?:{_EV_NOUN}|{_EV_NOUN_NEXT}){_PP})",
        _h_duration,
    ),
    (
        "date",
        rf"{_PRE_DATE}{_WEEKDAY}(?P<d1>[0-3]?\d)(?:e|ste|de)?"
        r"(?:(?:\s*[-–/]\s*| (?:en|t/m|tot en met) )(?P<d2>[0-3]?\d)(?:e|ste|de)?)? "
        rf"(?P<mon>{_MONTH_ANY})(?: (?P<y>{YEAR_ABS}))?{_REL}",
        _h_date,
    ),
    (
        "numdate",
        rf"{_PRE_DATE}{_WEEKDAY}(?:(?P<nd>[0-3]?\d)[-/.](?P<nm>[01]?\d)[-/.]"
        r"(?P<ny>(?:19|20)\d\d)|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?![\d])",
        _h_numdate,
    ),
    (
        "quarter_q",
        rf"{_PRE_PERIOD}{_PART}q(?P<q1>[1-4])(?:(?:\s*[-–/]\s*| (?:of|en|t/m|tot en met) )"
        r"q?(?P<q2>[1-4]))?(?![\w])"
        rf"(?:\s*['’](?P<yshort>\d\d)(?![\d])|\s*-\s*(?P<yabs2>(?:19|20)\d\d)(?![\d])|{_year_tail('')})",
        _h_quarter,
    ),
    (
        "quarter_word",
        rf"{_PRE_PERIOD}{_PART}(?:het )?(?P<o1>eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e|"
        r"1ste|2de|3de|4de)(?:(?:\s*[-–/]\s*| (?:of|en|t/m|tot en met) )(?:het )?"
        r"(?P<o2>eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e|1ste|2de|3de|4de))? "
        rf"kwartaal(?![\w]){_year_tail('')}",
        _h_quarter,
    ),
    (
        "quarter_rel",
        rf"{_PRE_PERIOD}{_PART}(?P<qrel>dit|het lopende|het huidige|volgend|het volgende|komend|"
        r"het komende|vorig|het vorige|het afgelopen) kwartaal(?![\w])",
        _h_quarter_rel,
    ),
    (
        "half",
        rf"{_PRE_PERIOD}{_PART}(?:(?:de|het) )?(?P<h>eerste|tweede|1e|2e|laatste) "
        rf"(?P<hw>helft|jaarhelft|halfjaar|half jaar)(?![\w]){_year_tail('')}",
        _h_half,
    ),
    ("half_h", rf"{_PRE_PERIOD}{_PART}h(?P<hn>[12])(?: van)? (?P<yabsh>{YEAR_ABS})", _h_half),
    (
        "season",
        rf"{_PRE_PERIOD}{_PART}(?:(?P<sdet>dit|deze|het|de|komend|komende|volgend|volgende|"
        r"aanstaande|aankomende|afgelopen|vorig|vorige) )?"
        r"(?P<season>voorjaar|lente|zomer|najaar|herfst|winter)(?![\w])"
        rf"(?:(?: van)? (?:(?P<yabss>{YEAR_ABS})(?:\s*[-/]\s*(?:19|20)?\d\d(?![\d]))?"
        rf"|(?P<yrels>{_YREL})(?![\w])))?",
        _h_season,
    ),
    (
        "month",
        rf"{_PRE_PERIOD}{_PART}(?:de maand )?(?P<m>{_MONTH_FULL})(?![\w]){_year_tail('m')}{_REL}",
        _h_month,
    ),
    (
        "month_rel",
        rf"{_PRE_PERIOD}{_PART}(?P<mr>deze maand|volgende maand|komende maand|vorige maand|"
        r"afgelopen maand)(?![\w])",
        _h_month_rel,
    ),
    (
        "year",
        rf"{_PRE_PERIOD}{_PART}(?P<ylead>het (?:kalender)?jaar |de jaren |de periode )?"
        rf"(?P<yabs>{YEAR_ABS})(?:(?:\s*[-–/]\s*| (?:t/m|tot en met|en|of) )"
        rf"(?:(?P<yabs2>{YEAR_ABS})|(?P<yshort>\d\d)(?![\d])))?",
        _h_year,
    ),
    ("year_rel", rf"{_PRE_PERIOD}{_PART}(?P<yrel>{_YREL})(?![\w])", _h_year),
    (
        "week",
        rf"{_PRE_PERIOD}(?P<wk>deze week|volgende week|komende week|vorige week|afgelopen week|"
        r"vandaag|morgen|overmorgen)(?![\w])",
        _h_week,
    ),
    (
        "event_fixed",
        r"(?:op dat moment|op dat tijdstip|te dien tijde|na afloop(?: (?:daarvan|hiervan|ervan))?)",
        _h_event,
    ),
    ("event", rf"{_EV_TRIG} {_EV_HEAD}{_PP}", _h_event),
    ("event_doc", rf"{_EV_DOC}{_PP}", _h_event),
    (
        "event_receipt",
        rf"(?:(?:direct|kort|meteen|onmiddellijk) )?(?:na|bij) (?:de )?ontvangst{_PP}",
        _h_event,
    ),
]

# All matching runs on a lower-cased copy of the text (same length, same
# offsets), so the patterns are compiled case-sensitively: that lets the
# regex engine skip alternatives on their first literal.


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler


def _compile_rules() -> tuple[list[_Rule], re.Pattern[str]]:
    rules = []
    alternatives = []
    for name, src, handler in _RULE_SOURCES:
        body = _p(src) + _END
        rules.append(_Rule(name, re.compile(_B + body), handler))
        alternatives.append("(?:" + re.sub(r"\(\?P<\w+>", "(?:", body) + ")")
    master = re.compile(_B + "(?:" + "|".join(alternatives) + ")")
    return rules, master


_RULES, _MASTER = _compile_rules()
_RULES_BY_NAME = {rule.name: rule for rule in _RULES}


@functools.lru_cache(maxsize=65536)
def _resolve_cached(
    rule_index: int, norm_text: str, ref: date, cal: ParliamentaryCalendar, hint: int | None,
) -> _R | None:
    rule = _RULES[rule_index]
    m = rule.regex.fullmatch(norm_text)
    if m is None:  # pragma: no cover - normalisation keeps every rule's match
        return None
    try:
        return rule.handler(m.groupdict(), ref, cal, hint)
    except (ValueError, OverflowError):  # a date beyond year 9999 ("binnen 999 decennia")
        return None


# ---------------------------------------------------------------------------
# Scanning
#
# Running every rule at every word start is far too slow, so scanning is
# anchored: every phrase contains an *anchor* word (a month, ``kwartaal``,
# ``zomer``, a year, ``termijn``, an event noun, ...) and everything before
# its first anchor is a short run of *prefix* words (``uiterlijk``, ``in``,
# ``het``, ``derde``, ``1``, ...). One trie-shaped regex finds the anchors;
# for each, the run of prefix words before it gives a handful of candidate
# starts, tried leftmost first with the combined master pattern and then with
# every rule (the longest accepted match wins).
# ---------------------------------------------------------------------------

_ANCHOR_WORDS = f"""
{" ".join(MONTH_NAMES)} jan feb febr mrt apr jun jul aug sep sept okt nov dec
kwartaal kwartalen helft jaarhelft halfjaar voorjaar lente zomer najaar herfst winter
jaar kalenderjaar jaren maand maanden week weken dag dagen werkdag werkdagen decennia
decennium zomerreces zomervakantie zomerperiode kerstreces kerstvakantie kerstperiode
kerstmis kerst jaarwisseling jaareinde reces meireces herfstreces krokusreces
voorjaarsreces paasreces voorjaarsnota najaarsnota suppletoire prinsjesdag
miljoenennota hgis belastingplan verantwoordingsdag slotwet slotwetten begroting
begrotingen rijksbegroting ontwerpbegroting meerjarenbegroting jaarverslag jaarverslagen
spoedig snel vlot gauw binnenkort eerdaags eerstdaags termijn tijd tzt moment tijdstip
datum stadium toekomst periode kabinetsperiode zodra vandaag morgen overmorgen tijde
afloop commissiedebat commissiedebatten debat debatten notaoverleg wetgevingsoverleg
overleg tweeminutendebat dertigledendebat behandeling begrotingsbehandeling
begrotingsbehandelingen verantwoordingsdebat stemmingen beschouwingen raad rbz raz
ecofin eurogroep top topontmoeting vergadering verkiezingen kamerverkiezingen
formatie kabinetsformatie aantreden installatie beëdiging afronding ontvangst
publicatie verschijning verschijnen oplevering vaststelling evaluatie tussenevaluatie
eindevaluatie beleidsevaluatie review inwerkingtreding uitkomst uitkomsten resultaten
besluitvorming kabinetsreactie voortgangsrapportage voortgangsrapportages
voortgangsbrief voortgangsrapport tussenrapportage eindrapport ondertekening
goedkeuring consultatie internetconsultatie start lancering herijking volgende
eerstvolgende eerstkomende komende aankomende aanstaande volgend eerstvolgend komend
nieuwe jaarlijkse halfjaarlijkse
""".split()

_PREFIX_WORDS = frozenset(f"""
nog ruim al kort reeds ook uiterlijk niet later dan ergens in op per voor vóór tijdens
gedurende rond rondom omstreeks tegen of met ingang van m.i.v. na aan het de een deze dit
die dat begin vroeg medio half halverwege midden eind einde ultimo loop eerder rest
eerste tweede derde vierde laatste 1e 2e 3e 4e 1ste 2de 3de 4de lopende huidige volgend
volgende komend komende aankomende eerstkomende eerstvolgende eerstvolgend aanstaande
afgelopen vorig vorige zo spoedig snel vlot gauw als binnen afzienbare zeer korte
kortere kort mogelijke lange langere middellange middellangere te zijner dien nabije
over enkele paar aantal enige meerdere verscheidene en t/m tot à a - – / bij via ten
tijde gelijktijdig tegelijk tegelijkertijd voorafgaand voorafgaande aanloop naar direct
meteen vlak onmiddellijk minimaal minstens minste tenminste maandag dinsdag woensdag
donderdag vrijdag zaterdag zondag vanaf sinds nieuwe nieuw jaarlijkse halfjaarlijkse geplande
voorziene verwachte definitieve formele plenaire plenair schriftelijke mondelinge
aangekondigde toegezegde europese algemeen algemene schriftelijk bestuurlijk
financiële politieke mid-term midterm aanvang start maand later voorbije
gestelde wettelijke afgesproken nader bepalen
{" ".join(_NUMBER_WORDS)}
""".split())
_PREFIX_NUMBER = re.compile(r"\d{1,3}(?:e|ste|de|[.,]5)?|\d{1,2}[-–/]\d{1,2}")
_LEADING_PUNCT = "([{«“‘\"'„"


def _trie_regex(words: list[str]) -> str:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


_ANCHOR = re.compile(
    r"\b(?:" + _trie_regex(sorted(set(_ANCHOR_WORDS)))
    + r"|(?:19|20)\d\d|q[1-4]|h[12]|t\.z\.t)\b"
)
_TOKEN = re.compile(r"t/m|[^\s/]+|/")  # "/" splits: "eind 2026/begin 2027"
_BACK = 160  # how far before an anchor a phrase may start


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    rule: int
    norm: str
    r: _R
    has_pre: bool


_PRE_WORD = re.compile(
    r"(?:uiterlijk|nog|in|op|per|voor|vóór|tijdens|gedurende|rond|rondom|omstreeks|tegen|"
    r"bij|met|na|binnen|over)\b"
)
_JOIN = re.compile(r"\s*[/–-]\s*|\s+(?:of|à|a|tot(?:\s+en\s+met)?|t/m|tot\s+uiterlijk|en)\s+")
_PREC_RANK = {p: i for i, p in enumerate(_CAL_PRECISIONS)}


def _lower(text: str) -> str:
    """Lower-case ``text`` without changing its length (offsets stay valid)."""
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ": keep such characters as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _candidates(low: str, a: int, floor: int) -> list[int]:
    """Possible phrase starts for the anchor at ``a``: the run of prefix words before it."""
    for back in (48, _BACK):  # a short look first; most runs are one or two words
        lo = max(floor, a - back)
        tokens = list(_TOKEN.finditer(low, lo, a))
        anchor_start = a
        if tokens and tokens[-1].end() == a:  # anchor inside a token: "1-6-2026", "(2026"
            tok = tokens.pop().group()
            core = tok.lstrip(_LEADING_PUNCT)
            anchor_start = a - len(core)
            if core != tok:
                return [anchor_start]
        starts = [anchor_start]
        stopped = False
        for m in reversed(tokens):
            tok = m.group()
            core = tok.lstrip(_LEADING_PUNCT)
            if core not in _PREFIX_WORDS and not _PREFIX_NUMBER.fullmatch(core):
                stopped = True
                break
            starts.append(m.end() - len(core))
            if core != tok:
                stopped = True
                break
        if stopped or lo == floor:
            break
    starts.reverse()
    return starts


def _match_at(low: str, p: int, ref: date, cal: ParliamentaryCalendar) -> _Hit | None:
    """The longest accepted rule match starting at ``p``."""
    found = []
    for i, rule in enumerate(_RULES):
        cm = rule.regex.match(low, p)
        if cm is not None and cm.end() > p:
            found.append((-cm.end(), i))
    found.sort()
    for neg_end, i in found:
        norm = _norm(low[p:-neg_end])
        r = _resolve_cached(i, norm, ref, cal, None)
        if r is not None:
            return _Hit(p, -neg_end, i, norm, r, bool(_PRE_WORD.match(norm)))
    return None


def _scan(text: str, ref: date, cal: ParliamentaryCalendar) -> list[_Hit]:
    low = _lower(text)
    hits: list[_Hit] = []
    pos = 0
    tried: set[int] = set()
    master_match = _MASTER.match
    for am in _ANCHOR.finditer(low):
        a = am.start()
        if a < pos:
            continue
        for p in _candidates(low, a, pos):
            if p in tried:
                continue
            tried.add(p)
            if master_match(low, p) is None:
                continue
            hit = _match_at(low, p, ref, cal)
            if hit is not None:
                hits.append(hit)
                pos = hit.end
                tried.clear()
                break
    return _merge_ranges(text, hits, ref, cal) if len(hits) > 1 else hits


def _mergeable(r: _R) -> bool:
    return r.precision in _PREC_RANK and r.due is not None and not r.before


def _merge_ranges(text: str, hits: list[_Hit], ref: date, cal: ParliamentaryCalendar) -> list[_Hit]:
    out: list[_Hit] = [hits[0]]
    for b in hits[1:]:
        a = out[-1]
        gap = text[a.end:b.start]
        jm = _JOIN.fullmatch(gap) if len(gap) < 20 else None
        if jm is None or not (_mergeable(a.r) and _mergeable(b.r)):
            out.append(b)
            continue
        if _norm(gap) == "en" and (b.has_pre or a.r.precision == DAY):
            # "op 1 juni en op 1 december", "1 juni en 1 december": two dates
            out.append(b)
            continue
        ar = a.r
        if ar.missing and not b.r.missing and b.r.year is not None:
            redone = _resolve_cached(a.rule, a.norm, ref, cal, b.r.year)
            if redone is not None and _mergeable(redone):
                ar = redone
        assert ar.due is not None and b.r.due is not None
        if b.r.due <= ar.due:
            out.append(b)
            continue
        prec = max(ar.precision, b.r.precision, key=_PREC_RANK.__getitem__)
        merged = _R(ar.window_start, b.r.due, prec, year=b.r.year)
        out[-1] = _Hit(a.start, b.end, -1, "", merged, a.has_pre)
    return out


def _deadline(text: str, hit: _Hit) -> Deadline:
    r = hit.r
    return Deadline(text[hit.start:hit.end], r.due, r.window_start, r.precision, hit.start, hit.end)


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def find_deadlines(
    text: str, reference_date: date, calendar: ParliamentaryCalendar | None = None,
) -> list[Deadline]:
    """Every time expression in ``text``, left to right, non-overlapping, longest first.

    Each Deadline's ``text`` is the exact source substring (``text[start:end]``).
    """
    if not text:
        return []
    cal = calendar if calendar is not None else DEFAULT_CALENDAR
    return [_deadline(text, h) for h in _scan(text, _as_date(reference_date), cal)]


def resolve_phrase(
    phrase: str, reference_date: date, calendar: ParliamentaryCalendar | None = None,
) -> Deadline:
    """Resolve one phrase (``manage.py parse_deadline``).

    ``text`` is the phrase as given (stripped), ``start``/``end`` are None. If
    the whole phrase is not one time expression, the best one inside it is
    used: a dated one over an undated one, then the longest, then the first.
    Nothing found → ``precision="none"``.
    """
    text = phrase.strip()
    cal = calendar if calendar is not None else DEFAULT_CALENDAR
    hits = _scan(text, _as_date(reference_date), cal) if text else []
    if not hits:
        return Deadline(text, None, None, PRECISION_NONE)
    best = hits[0]
    if not (len(hits) == 1 and best.start == 0 and best.end == len(text)):
        best = max(
            hits, key=lambda h: (h.r.due is not None, h.end - h.start, -h.start),
        )
    return Deadline(text, best.r.due, best.r.window_start, best.r.precision)


def parse_absolute_date(text: str, reference_date: date | None = None) -> date | None:
    """The first day-month(-year) date in ``text`` (``1 juni 2026``, ``27 januari jl.``,
    ``per 1 juli a.s.``, ``15-09-2022``), or None.

    Without a year: ``jl.`` → the most recent such date on or before
    ``reference_date``; ``a.s.`` or nothing → the next on or after it; without
    a reference date such a date gives None. A day range (``24 en 25 mei``)
    gives its first day. A leading ``voor`` is ignored here (this returns the
    date named, not a deadline).
    """
    low = _lower(text)
    found = []
    for name in ("date", "numdate"):
        m = _RULES_BY_NAME[name].regex.search(low)
        if m is not None:
            found.append((m.start(), name, m))
    for _, name, m in sorted(found, key=lambda f: f[0]):
        gd = dict(m.groupdict())
        gd["pre"] = None
        ref = _as_date(reference_date) if reference_date is not None else date.min
        if name == "numdate":
            r = _h_numdate(gd, ref, DEFAULT_CALENDAR, None)
        elif gd.get("y") or reference_date is not None:
            r = _h_date(gd, ref, DEFAULT_CALENDAR, None)
        else:
            r = None
        if r is not None:
            return r.window_start
    return None
