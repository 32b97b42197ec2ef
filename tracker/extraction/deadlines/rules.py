"""The deadline rule table: one row per phrase family.

Each row is ``(name, pattern, handler, anchors)``:

- ``pattern`` is a regex over lower-cased text in which a literal space means
  ``\\s+``; it is built from the lexicon (``tracker.extraction.lexicon``);
- ``handler`` turns the match into a window, a due date and a precision
  (``periods``, ``durations``, ``events``);
- ``anchors`` are the cue words of which every phrase of the row contains at
  least one (a plain word, or a small regex such as ``q[1-4]``). The scanner
  only looks near these words, so text without any of them costs one regex pass.

Order is the priority among equally long matches. Adding a phrase: change its
row (or add one) and add a test row in ``tests/extraction/test_deadlines*.py``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from tracker.extraction.calendar import ParliamentaryCalendar
from tracker.extraction.deadlines.dates import _R, Handler
from tracker.extraction.deadlines.durations import _h_duration, _h_duration_past
from tracker.extraction.deadlines.events import (
    _h_budget,
    _h_event,
    _h_recess,
    _h_vague,
    _h_zodra,
)
from tracker.extraction.deadlines.patterns import (
    _B,
    _DAY,
    _DET,
    _END,
    _EV_ADJ,
    _EV_DOC,
    _EV_HEAD,
    _EV_MOD,
    _EV_NOUN,
    _EV_NOUN_NEXT,
    _EV_TAIL,
    _EV_TRIG,
    _MEETING,
    _MONTH_ANY,
    _MONTH_FULL,
    _NUM,
    _NUMWORDS_RE,
    _PART,
    _PP,
    _PRE_DATE,
    _PRE_PERIOD,
    _REL,
    _UNIT,
    _WEEKDAY,
    _WEEKDAY_NAME,
    _WEEKDAY_NEXT,
    _YREL,
    _YREL_BARE,
    YEAR_ABS,
    _year_tail,
    alternation,
    spaced,
)
from tracker.extraction.deadlines.periods import (
    _h_date,
    _h_half,
    _h_month,
    _h_month_rel,
    _h_numdate,
    _h_quarter,
    _h_quarter_rel,
    _h_season,
    _h_week,
    _h_year,
)
from tracker.extraction.deadlines.relative import (
    _h_approx,
    _h_dated_event,
    _h_from_date,
    _h_refer_back,
    _h_that_year,
    _h_until_year,
    _h_weekday,
)
from tracker.extraction.deadlines.weekdays import (
    _h_nth_week,
    _h_nth_weekday,
    _h_week_number,
    _h_week_of,
)
from tracker.extraction.lexicon.calendar import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    SEASONS,
    UNIT_DIMINUTIVES,
    UNITS,
    WEEKDAYS,
)
from tracker.extraction.lexicon.events import (
    BUDGET_MOMENTS,
    EVENT_NOUNS,
    MEETING_NOUNS,
    MEETING_NOUNS_EXTRA,
    NEXT_ADJECTIVES,
    RECESS_WORDS,
    SCHEDULED_VERBS,
    YEAR_TURN_WORDS,
)

YEAR_ANCHOR = r"(?:19|20)\d\d(?:[1-9]\d?)?"
_MONTH_ANCHORS = (*MONTH_NAMES, *MONTH_ABBREVIATIONS)
_UNIT_ANCHORS = tuple(w for unit in UNITS for w in unit.split()) + ("termijn", "periode")
_RECESS_ANCHORS = (
    *(w for words in RECESS_WORDS.values() for w in words), *YEAR_TURN_WORDS,
    "reces", "paasreces",
)
_BUDGET_ANCHORS = (
    *BUDGET_MOMENTS, "suppletoire", "hgis", "slotwet", "slotwetten", "begroting", "begrotingen",
    "rijksbegroting", "ontwerpbegroting", "meerjarenbegroting", "jaarverslag", "jaarverslagen",
)
_VAGUE_ANCHORS = (
    "spoedig", "snel", "vlot", "gauw", "binnenkort", "eerdaags", "eerstdaags", "termijn", "tijd",
    "tzt", r"t\.z\.t", "moment", "tijdstip", "datum", "stadium", "toekomst", "periode",
    "kabinetsperiode", "dagen", "weken", "maanden", "jaren", "decennia",
)


def _head_words(fragments: tuple[str, ...]) -> tuple[str, ...]:
    """The head noun of each noun pattern: its last whole word (``(?:plenair )?debat(?:ten)?``
    → ``debat``), but the first of a council's name (``raad buitenlandse zaken`` → ``raad``)."""
    words = []
    for fragment in fragments:
        bare = re.sub(r"\(\?:[^()]*\)\?|\[[^\]]*\][*+]?|[()?|-]", " ", fragment).split()
        head = bare[0] if bare and bare[0] == "raad" else bare[-1] if bare else ""
        if head.isalpha():
            words.append(head)
    return tuple(words)


_EVENT_ANCHORS = (
    *_head_words(EVENT_NOUNS), *NEXT_ADJECTIVES,
    "debat", "debatten", "commissiedebatten", "begrotingsbehandelingen", "overleg",
    "beschouwingen", "raad", "top", "topontmoeting", "vergadering", "verkiezingen",
    "kamerverkiezingen", "evaluatie", "tussenevaluatie", "eindevaluatie", "beleidsevaluatie",
    "review", "reces", "meireces", "herfstreces", "krokusreces", "voorjaarsreces", "paasreces",
    "ecofin",
)

RULE_TABLE: list[tuple[str, str, Handler, tuple[str, ...]]] = [
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
        _VAGUE_ANCHORS,
    ),
    (
        # "daar kom ik een keer op terug": some time, like "te zijner tijd" (not "nog een keer",
        # "één keer", "een keer per jaar"); "twee keer per jaar": a frequency, no due date.
        "vague_count",
        r"(?:(?<!nog\s)(?<!weer\s)(?<!nóg\s)(?<!voor\s)een keer(?! (?:per|eerder|meer|extra|opnieuw|zoveel|zo|te))"
        rf"|(?:{_NUMWORDS_RE}) keer per (?:jaar|maand|week|kwartaal|halfjaar|half jaar))(?![\w])",
        _h_vague,
        ("keer",),
    ),
    (
        "zodra",
        r"(?:zodra|op het moment dat)(?: [^\s.;:!?]+){0,12}? (?P<zv>bekend|duidelijk|duidelijkheid|mogelijk|"
        r"beschikbaar|gereed|klaar|afgerond|vastgesteld|gepubliceerd|verschenen|ontvangen|"
        r"genomen|gestart|aangetreden|opgeleverd|uitgebracht|goedgekeurd|besloten|ingediend|"
        r"aangenomen|verstuurd|geëvalueerd)(?![\w])"
        r"(?: (?:is|zijn|wordt|worden|zal zijn|zullen zijn|bestaat))?",
        _h_zodra,
        ("zodra", "moment"),
    ),
    (
        "recess",
        r"(?P<pre>(?:(?:nog|ruim|kort|al|uiterlijk|ook) )*)"
        r"(?P<k>voor|vóór|voorafgaand aan|voorafgaande aan|(?:(?:direct|meteen|kort|vlak|snel|"
        r"zo snel mogelijk|zo spoedig mogelijk) )?na|tijdens|gedurende|in|rond|rondom|omstreeks|"
        r"tegen) (?:(?:de|het|deze|dit) )?(?:(?P<lead>aanvang|begin|start|einde|afloop) van (?:de |het )?)?"
        rf"(?P<ev>{alternation([*(w for ws in RECESS_WORDS.values() for w in ws), *YEAR_TURN_WORDS])})(?![\w])"
        rf"(?:(?: van)? (?:(?P<yabs>{YEAR_ABS})(?:\s*[-/]\s*(?:19|20)?\d\d(?![\d]))?"
        rf"|(?P<yrel>{_YREL_BARE})(?![\w])))?",
        _h_recess,
        _RECESS_ANCHORS,
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
        _BUDGET_ANCHORS,
    ),
    (
        "dur_binnen",
        r"(?:(?:uiterlijk|nog|ruim) )?binnen (?:(?:een|de) (?:(?:gestelde|wettelijke|afgesproken) )?(?:termijn|periode) van )?"
        rf"{_NUM} {_UNIT}(?P<evt> (?:na|nadat|na afloop van|na ontvangst van) {_EV_TAIL})?",
        _h_duration,
        _UNIT_ANCHORS,
    ),
    ("dur_over", rf"over {_NUM} {_UNIT}", _h_duration, _UNIT_ANCHORS),
    (
        "dur_komende",
        r"(?:(?:in|gedurende|binnen) )?(?:de|het) (?:komende|aankomende|eerstkomende) "
        rf"(?:{_NUM} )?{_UNIT}",
        _h_duration,
        _UNIT_ANCHORS,
    ),
    (
        "dur_past",
        r"(?:(?:in|gedurende|over) )?(?:de|het) (?:afgelopen|voorbije|laatste|vorige) "
        rf"(?:{_NUM} )?{_UNIT}",
        _h_duration_past,
        _UNIT_ANCHORS,
    ),
    (
        "dur_event",
        rf"(?:(?:uiterlijk|ruim|minimaal|minstens|ten minste|tenminste) )?{_NUM} {_UNIT}"
        r"(?P<evt> (?:na|nadat|voor|vóór|voorafgaand aan|voorafgaande aan|voordat) "
        rf"(?:{_DET} )?(?:{_EV_ADJ} ){{0,2}}(?:{_EV_NOUN}|{_EV_NOUN_NEXT}){_PP})",
        _h_duration,
        _UNIT_ANCHORS,
    ),
    (
        "dur_from_date",
        rf"(?P<lead>(?:uiterlijk|binnen|ruim|minimaal|minstens|ten minste|tenminste|exact|precies) )?{_NUM} {_UNIT} "
        rf"(?P<dir>na|voor|vóór) {_WEEKDAY}(?P<d1>{_DAY}) (?P<mon>{_MONTH_ANY})(?: (?P<y>{YEAR_ABS}))?{_REL}",
        _h_from_date,
        _UNIT_ANCHORS,
    ),
    (
        # "binnen twee maanden na de verkiezingen van 7 september", "twee weken na het debat,
        # dat gepland staat op 9 juni": N units from the meeting's own date.
        "dur_from_dated_event",
        rf"(?P<lead>(?:uiterlijk|binnen|ruim|minimaal|minstens|ten minste|tenminste|exact|precies) )?"
        rf"{_NUM} {_UNIT} (?P<dir>na|voor|vóór) (?:de|het|een) (?:{_EV_ADJ} ){{0,2}}(?:{_MEETING}|{alternation(MEETING_NOUNS_EXTRA)})"
        r"(?: [^\s.;:!?,]+){0,4}?(?:(?: van| op)|,? (?:die|dat) (?:nu |thans |inmiddels )?"
        rf"(?:{alternation(SCHEDULED_VERBS)}) (?:voor|op)) {_WEEKDAY}"
        rf"(?P<d1>{_DAY}) (?P<mon>{_MONTH_ANY})(?: (?P<y>{YEAR_ABS}))?{_REL}",
        _h_from_date,
        _UNIT_ANCHORS,
    ),
    (
        # "negen jaar na 10-10-10", "drie maanden na 1-7-2026": N units from a numeric date.
        "dur_from_numdate",
        rf"(?P<lead>(?:uiterlijk|binnen|ruim|minimaal|minstens|ten minste|tenminste|exact|precies) )?"
        rf"{_NUM} {_UNIT} (?P<dir>na|voor|vóór) "
        r"(?P<nd>[0-3]?\d)[-/.](?P<nm>[01]?\d)[-/.](?P<ny>(?:19|20)?\d\d)(?![\w-])(?![\d])",
        _h_from_date,
        _UNIT_ANCHORS,
    ),
    (
        "date",
        rf"{_PRE_DATE}{_WEEKDAY}(?:de )?(?P<d1>{_DAY})"
        r"(?:(?:\s*[-–/]\s*| (?:en|t/m|tot en met) )(?P<d2>[0-3]?\d(?:e|ste|de)?))? "
        rf"(?P<mon>{_MONTH_ANY})(?: (?P<y>{YEAR_ABS}))?{_REL}",
        _h_date,
        _MONTH_ANCHORS,
    ),
    (
        "weekday",
        rf"{_PRE_DATE}(?:(?P<wn>{_WEEKDAY_NEXT})(?P<wk> week)? (?P<wd>{_WEEKDAY_NAME})|"
        rf"(?P<wd2>{_WEEKDAY_NAME}) (?:aanstaande|a\.s\.|as\.|a\.s(?![\w])))",
        _h_weekday,
        tuple(WEEKDAYS),
    ),
    (
        "nth_weekday",
        rf"{_PRE_DATE}(?:de )?(?P<nth>eerste|tweede|derde|vierde|laatste) (?P<wd>{_WEEKDAY_NAME}) (?:van|in) "
        rf"(?P<mon>{_MONTH_FULL})(?: (?P<y>{YEAR_ABS}))?",
        _h_nth_weekday,
        tuple(WEEKDAYS),
    ),
    (
        "nth_week",
        rf"{_PRE_DATE}(?:in )?(?:(?:de|het) )?(?P<wnth>eerste|tweede|derde|vierde|laatste) week (?:van|in) "
        rf"(?P<mon>{_MONTH_FULL})(?: (?P<y>{YEAR_ABS}))?",
        _h_nth_week,
        ("week",),
    ),
    (
        "week_of",
        rf"{_PRE_DATE}(?:in )?de week van (?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag) )?"
        rf"(?P<d>[0-3]?\d) (?P<mon>{_MONTH_FULL})(?: (?P<y>{YEAR_ABS}))?",
        _h_week_of,
        ("week",),
    ),
    (
        "week_number",
        rf"{_PRE_DATE}(?:in )?week (?P<wno>[1-5]?\d)(?!\d|[.,]\d)(?:(?: van| in)? (?P<y>{YEAR_ABS}))?",
        _h_week_number,
        ("week",),
    ),
    (
        "dated_event",
        rf"{_EV_MOD}(?P<k>voor|vóór|voorafgaand aan|voorafgaande aan|in aanloop naar|"
        r"in de aanloop naar|na) (?:de|het|een) "
        rf"(?:{_EV_ADJ} ){{0,2}}(?:{_MEETING})(?: [^\s.;:!?,]+){{0,6}}? (?:van|op) {_WEEKDAY}"
        rf"(?P<d1>{_DAY}) (?P<mon>{_MONTH_ANY})(?: (?P<y>{YEAR_ABS}))?{_REL}",
        _h_dated_event,
        tuple(noun.split()[-1] for noun in MEETING_NOUNS),
    ),
    (
        "until_year",
        rf"(?:tot en met|t/m) (?:het jaar )?(?P<yabs>{YEAR_ABS})",
        _h_until_year,
        (YEAR_ANCHOR,),
    ),
    (
        "approx_duration",
        r"(?:(?:binnen|over|in) )?(?:ongeveer |zo'n |zo’n )?een "
        rf"(?P<u>{alternation([*UNIT_DIMINUTIVES, *UNIT_DIMINUTIVES.values()])}) of (?P<n>{_NUMWORDS_RE})(?![\w])",
        _h_approx,
        (*UNIT_DIMINUTIVES, *UNIT_DIMINUTIVES.values()),
    ),
    (
        "that_year",
        rf"{_PRE_PERIOD}{_PART}(?:dat|datzelfde|hetzelfde|diezelfde) (?:kalender)?jaar(?![\w])",
        _h_that_year,
        ("jaar", "kalenderjaar"),
    ),
    (
        "refer_back",
        r"(?P<rb>op dat moment|op dat tijdstip|op die datum|op die dag|tegen die tijd|rond die tijd|"
        r"te dien tijde|daarna|daarop|"
        r"dan(?! (?:ook|wel|niet)(?![\w]))(?!\s*\?))",
        _h_refer_back,
        ("moment", "tijdstip", "datum", "dag", "tijd", "tijde", "daarna", "daarop", "dan"),
    ),
    (
        "numdate",
        rf"{_PRE_DATE}{_WEEKDAY}(?:(?P<nd>[0-3]?\d)[-/.](?P<nm>[01]?\d)[-/.]"
        r"(?P<ny>(?:19|20)\d\d)|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)|"
        r"(?P<sd>[0-3]\d)-(?P<sm>[01]\d)-(?P<sy>\d\d)(?![\w-]))(?![\d])",
        _h_numdate,
        (YEAR_ANCHOR, r"[0-3]\d-[01]\d-\d\d"),
    ),
    (
        "quarter_q",
        rf"{_PRE_PERIOD}{_PART}q(?P<q1>[1-4])(?:(?:\s*[-–/]\s*| (?:of|en|t/m|tot en met) )"
        r"q?(?P<q2>[1-4]))?(?![\w])"
        rf"(?:\s*['’](?P<yshort>\d\d)(?![\d])|\s*-\s*(?P<yabs2>(?:19|20)\d\d)(?![\d])|{_year_tail('')})",
        _h_quarter,
        (r"q[1-4]",),
    ),
    (
        "quarter_word",
        rf"{_PRE_PERIOD}{_PART}(?:het )?(?P<o1>eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e|"
        r"1ste|2de|3de|4de)(?:(?:\s*[-–/]\s*| (?:of|en|t/m|tot en met) )(?:het )?"
        r"(?P<o2>eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e|1ste|2de|3de|4de))? "
        rf"kwartaal(?![\w]){_year_tail('')}",
        _h_quarter,
        ("kwartaal",),
    ),
    (
        "quarter_rel",
        rf"{_PRE_PERIOD}{_PART}(?P<qrel>dit|het lopende|het huidige|volgend|het volgende|komend|"
        r"het komende|vorig|het vorige|het afgelopen) kwartaal(?![\w])",
        _h_quarter_rel,
        ("kwartaal",),
    ),
    (
        "half",
        rf"{_PRE_PERIOD}{_PART}(?:(?:de|het) )?(?P<h>eerste|tweede|1e|2e|laatste) "
        rf"(?P<hw>helft|jaarhelft|halfjaar|half jaar)(?![\w]){_year_tail('')}",
        _h_half,
        ("helft", "jaarhelft", "halfjaar", "jaar"),
    ),
    ("half_h", rf"{_PRE_PERIOD}{_PART}h(?P<hn>[12])(?: van)? (?P<yabsh>{YEAR_ABS})", _h_half, (r"h[12]",)),
    (
        "season",
        rf"{_PRE_PERIOD}{_PART}(?:(?P<sdet>dit|deze|het|de|komend|komende|volgend|volgende|"
        r"aanstaande|aankomende|afgelopen|vorig|vorige) )?"
        r"(?P<season>voorjaar|lente|zomer|najaar|herfst|winter)(?![\w])"
        rf"(?:(?: van)? (?:(?P<yabss>{YEAR_ABS})(?:\s*[-/]\s*(?:19|20)?\d\d(?![\d]))?"
        rf"|(?P<yrels>{_YREL})(?![\w])))?",
        _h_season,
        tuple(SEASONS),
    ),
    (
        "month",
        rf"{_PRE_PERIOD}{_PART}(?:de maand )?(?P<m>{_MONTH_FULL})(?![\w]){_year_tail('m')}{_REL}",
        _h_month,
        tuple(MONTH_NAMES),
    ),
    (
        "month_rel",
        rf"{_PRE_PERIOD}{_PART}(?P<mr>deze maand|volgende maand|komende maand|vorige maand|"
        r"afgelopen maand)(?![\w])",
        _h_month_rel,
        ("maand",),
    ),
    (
        "year",
        rf"{_PRE_PERIOD}{_PART}(?P<ylead>het (?:kalender)?jaar |de jaren |de periode )?"
        rf"(?P<yabs>{YEAR_ABS})(?:(?:\s*[-–/]\s*| (?:t/m|tot en met|en|of) )"
        rf"(?:(?P<yabs2>{YEAR_ABS})|(?P<yshort>\d\d)(?![\d])))?",
        _h_year,
        (YEAR_ANCHOR,),
    ),
    ("year_rel", rf"{_PRE_PERIOD}{_PART}(?P<yrel>{_YREL})(?![\w])", _h_year, ("jaar", "kalenderjaar")),
    (
        "week",
        rf"{_PRE_PERIOD}(?P<wk>deze week|volgende week|komende week|vorige week|afgelopen week|"
        r"vandaag|morgen|overmorgen)(?![\w])",
        _h_week,
        ("week", "vandaag", "morgen", "overmorgen"),
    ),
    (
        "event_fixed",
        r"na afloop(?: (?:daarvan|hiervan|ervan))?",
        _h_event,
        ("afloop",),
    ),
    ("event", rf"{_EV_TRIG} {_EV_HEAD}{_PP}", _h_event, _EVENT_ANCHORS),
    ("event_doc", rf"{_EV_DOC}{_PP}", _h_event, _EVENT_ANCHORS),
    (
        "event_receipt",
        rf"(?:(?:direct|kort|meteen|onmiddellijk) )?(?:na|bij) (?:de )?ontvangst{_PP}",
        _h_event,
        ("ontvangst",),
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
    anchors: tuple[str, ...]


def _compile_rules() -> tuple[list[_Rule], re.Pattern[str]]:
    rules = []
    alternatives = []
    for name, src, handler, anchors in RULE_TABLE:
        body = spaced(src) + _END
        rules.append(_Rule(name, re.compile(_B + body), handler, anchors))
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

