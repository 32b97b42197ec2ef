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

Layout (a package of small modules; the rules are data):

    rules.py      the rule table: (name, pattern, handler, anchor words) per phrase family
    patterns.py   regex building blocks generated from ``tracker.extraction.lexicon``
    periods.py    handlers for quarters, halves, seasons, months, years, weeks, days
    durations.py  handlers for ``binnen drie weken`` and the like
    events.py     handlers for vague phrases, events, recesses, the budget cycle
    relative.py   handlers for weekdays, dated meetings, ``tot en met``, references back
    dates.py      date arithmetic and window shaping shared by the handlers
    scan.py       the anchored scanner, range merging and references back

Adding a phrase: a new word for an existing family goes into the lexicon
(``lexicon/calendar.py``, ``lexicon/events.py``); a new shape is one row of
``rules.RULE_TABLE`` (pattern, handler, anchor words). Either way add one test
row (``tests/extraction/test_deadlines*.py``); a test checks that every
phrase holds one of its rule's anchor words.

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

Decisions where the spec is silent (what a committee clerk would expect; the
newer ones — references back, dated meetings, weekdays, footnote digits, every
recess — are in docs/decisions.md):

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
  names when a running period began: ``precision="vague"``, ``due=None``,
  ``window_start`` = the start of the most recent such X.
  ``vanaf X`` reads like ``per X``/``in X``. ``tot X`` is not part of the
  phrase (X alone is returned).
- ``zodra``/``op het moment dat`` + up to twelve words + ``bekend``/``duidelijk``
  (… ``is``/``zijn``) is vague; with a completion word (``afgerond``,
  ``verschenen``, ``vastgesteld``, ``genomen``, …) it is an undated event.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tracker.extraction.calendar import DEFAULT_CALENDAR, ParliamentaryCalendar
from tracker.extraction.deadlines.periods import _h_date, _h_numdate
from tracker.extraction.deadlines.rules import _RULES, _RULES_BY_NAME
from tracker.extraction.deadlines.scan import _deadline, _Hit, _lower, _scan
from tracker.extraction.deadlines.tense import YEARLESS_RULES, past_clause
from tracker.extraction.types import PRECISION_NONE, Deadline

__all__ = ["find_deadlines", "parse_absolute_date", "resolve_phrase"]


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
    ref = _as_date(reference_date)
    return [_deadline(text, _past_reading(text, h, ref, cal)) for h in _scan(text, ref, cal)]


def _past_reading(text: str, hit: _Hit, ref: date, cal: ParliamentaryCalendar) -> _Hit:
    """A year-less phrase rolled into next year, in a clause about the past, is the
    date just gone (``Op 9 maart heeft u mij verzocht``): resolved a year earlier."""
    r = hit.r
    if r.due is None or r.due.year <= ref.year or hit.rule < 0 or _RULES[hit.rule].name not in YEARLESS_RULES:
        return hit  # only a phrase the roll-forward rule moved into a later year
    if not past_clause(text, hit.start, hit.end):
        return hit
    try:
        earlier = ref.replace(year=ref.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        earlier = date(ref.year - 1, 3, 1)
    again = [h for h in _scan(text[hit.start:hit.end], earlier, cal) if h.start == 0 and h.end == hit.end - hit.start]
    if not again or again[0].r.due is None or again[0].r.due > ref:
        return hit
    return _Hit(hit.start, hit.end, hit.rule, hit.norm, again[0].r, hit.has_pre)


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
