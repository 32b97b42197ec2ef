"""Word tables and lower-case twins of the patterns on the hot path."""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.extraction.commitments.patterns import (
    _ACTION_RE,
    _BEREID_RE,
    _EARLIER_RE,
    _EXPECT_RE,
    _FUT_RE,
    _GAAN_RE,
    _INFORM_SEND_RE,
    _INFORM_TRUE_RE,
    _INTENT_RE,
    _KAMER_PASSIVE_RE,
    _MOTION_ACT_RE,
    _PRODUCT_HEAD,
    _PRODUCT_VERB_RE,
    _RESTATED_RE,
    _SLIP_WORD_RE,
    _TEGEMOET_RE,
    _TIME_HINT_RE,
    _TOEZEG_RE,
    _TRIGGER_RE,
    _UNCERTAIN_RE,
    _by_first_letter,
    _lc,
    _words,
)
from tracker.extraction.prefilter import Hints
from tracker.extraction.types import Deadline

# Lower-case twins of the regexes on the hot path (applied to ``text.lower()``).
_L_TRIGGER = _lc(_TRIGGER_RE)
# Act verbs: single words are looked up in a table (fast); the multi-word
# forms ("op de hoogte houden", "invulling geven", "ter beschikking stellen")
# come from one regex of the phrase alternatives.
_ACT_FAMILIES = (("motion", _MOTION_ACT_RE), ("inform", _INFORM_TRUE_RE), ("send", _INFORM_SEND_RE),
                 ("product", _PRODUCT_VERB_RE), ("action", _ACTION_RE))


def _expand(pattern: str) -> tuple[list[str], list[str]]:
    """Split a ``\\b(?:a|b|…)\\b`` word alternation into plain words (with
    ``[iï]`` classes and ``(?:toe)?`` prefixes expanded) and phrase patterns."""
    body = pattern.lower()
    body = body[body.index("(?:") + 3:body.rindex(")")]
    alts: list[str] = []
    depth = 0
    cur = ""
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            alts.append(cur)
            cur = ""
        else:
            cur += ch
    alts.append(cur)
    words: list[str] = []
    phrases: list[str] = []
    for alt in alts:
        variants = [alt]
        m = re.fullmatch(r"\(\?:([^()]+)\)\?(\w+)", alt)
        if m and re.fullmatch(r"\w+", m.group(1)):
            variants = [m.group(1) + m.group(2), m.group(2)]
        elif m:  # "(?:laten\s+)?uitvoeren": the bare verb is a word, the rest a phrase
            words.append(m.group(2))
            phrases.append(alt)
            continue
        out: list[str] = []
        for v in variants:
            cls = re.search(r"\[(\w+)\]", v)
            out.extend(v[:cls.start()] + c + v[cls.end():] for c in cls.group(1)) if cls else out.append(v)
        if all(re.fullmatch(r"\w+", v) for v in out):
            words.extend(out)
        else:
            phrases.append(alt)
    return words, phrases


def _act_tables() -> tuple[
    dict[str, tuple[str, ...]], re.Pattern[str], list[tuple[str, re.Pattern[str]]]
]:
    table: dict[str, tuple[str, ...]] = {}
    all_phrases: list[str] = []
    families: list[tuple[str, re.Pattern[str]]] = []
    for family, rx in _ACT_FAMILIES:
        words, phrases = _expand(rx.pattern)
        for w in words:
            table[w] = (*table.get(w, ()), family)
        if phrases:
            all_phrases.extend(phrases)
            families.append((family, re.compile("(?:" + "|".join(phrases) + ")")))
    return table, re.compile(_by_first_letter(r"(?<!\w)(?:" + "|".join(all_phrases) + r")\b")), families


_ACT_WORDS, _L_ACT_PHRASES, _PHRASE_FAMILIES = _act_tables()
_ACT_KEYS = frozenset(_ACT_WORDS)
_PUNCT_TO_SPACE = str.maketrans(dict.fromkeys(".,;:!?()[]{}«»\"'“”‘’/–—-…*•0123456789", " "))


def _word_positions(low: str, word: str) -> list[int]:
    """Start offsets of ``word`` as a whole word in ``low``."""
    out = []
    i = low.find(word)
    n = len(word)
    while i >= 0:
        if (i == 0 or not low[i - 1].isalnum()) and (i + n == len(low) or not low[i + n].isalnum()):
            out.append(i)
        i = low.find(word, i + 1)
    return out
_RESTATED_HINT_RE = re.compile(r"toegezegd|aangekondigd|aangegeven|beloofd|voornemen")
_UNCERTAIN_HINT_RE = Hints(r"duidelijk|afhang|hangt|besluit|is aan ")
_REVISION_HINT_RE = Hints(
    r"maar in|maar voor|maar na|anders dan|eerder|oorspronkelijk|aanvankelijk|destijds|vertra|later|uitgesteld|verscho|verschuift|schuift|"
    r"speling|meer tijd|haalbaar|gehaald|plaats van"
)
# "Uw Kamer ontvangt …", "ontvangt u …", "Daar krijgt u een brief over", "U hoort dat in mei".
_KAMER_RECEIVES_RE = re.compile(
    r"(?:\b(?:uw|de)\s+kamer|(?<!\w)u)\s+(?:ontvangt|krijgt|hoort)\b"
    r"|\b(?:ontvangt|krijgt|hoort)\s+(?:\w+\s+){0,2}?(?:u|uw\s+kamer|de\s+kamer)\b"
    # the verb last in a subordinate clause: "(ik zorg ervoor) dat de Kamer de cijfers in mei krijgt"
    r"|\b(?:zorg\w*\s+(?:\w+\s+)?ervoor|ervoor\s+(?:te\s+)?zorg\w*)\s*,?\s*dat\s+(?:uw|de)\s+kamer\b"
    r"[^.;:,?]{0,100}?\b(?:ontvangt|krijgt)\b"
)
_I_REPORT_RE = re.compile(
    r"\b(?:ik|wij|we)\s+bericht(?:en)?\b|\bbericht(?:en)?\s+(?:ik|wij|we)\b"
    r"|\b(?:wordt|worden)\s+(?:\w+\s+){0,4}?bericht\b"  # "De Kamer zal hierover nader worden bericht"
)
# First-person effort promises that bind: "Ik streef ernaar de vragen … te beantwoorden".
_OWN_EFFORT_RE = re.compile(
    r"\b(?:ik|wij|we)\s+(?:stre(?:ef|ven)\s+ernaar|zet(?:ten)?\s+alles\s+in\s+het\s+werk)\b"
    r"|\bstre(?:ef|ven)\s+(?:ik|wij|we)\s+ernaar\b"
)
_WITH_KAMER_LOW_RE = re.compile(r"\bmet\s+(?:uw|de)\s+kamer\b|\bmet\s+u\b")
_YOU_CAN_RE = re.compile(r"\b(?:kunt|kan|mag)\s+u\b|\bu\s+(?:kunt|kan|mag)\b|\b(?:uw|de)\s+kamer\s+(?:kan|mag)\b")
_PHRASE_HINT_RE = Hints(
    r"hoogte|invulling|uitvoering|opvolging|verslag|tegemoet|inzicht|beschik|aandacht|steun|"
    r"overleg|contact|initiatief|voor te|laten|doen|onderzoek |besluit|inzage|bereik|papier|dat doe|dit doe|laat "
)
# Separable verbs as te-infinitive: "op te stellen", "af te ronden", "toe te zenden".
_SEP_TE_RE = re.compile(
    r"(?<!\w)(op|af|uit|toe|aan|voor|in|vast|door|bij|over|terug|mee|na|ter\s+beschikking)\s+te\s+(\w+)"
)
_LOW_WORD_RE = re.compile(r"[^\W\d_]+")
# Product nouns are found by their ending (much cheaper than a leading [\w-]*).
_L_PRODUCT_END = re.compile(_PRODUCT_HEAD.lower().replace("[\\w-]*", "", 1) + r"\b")
_L_FUT = _lc(_FUT_RE)
_L_GAAN = _lc(_GAAN_RE)
_L_BEREID = _lc(_BEREID_RE)
_L_TOEZEG = _lc(_TOEZEG_RE)
_L_TEGEMOET = _lc(_TEGEMOET_RE)
_L_EXPECT = _lc(_EXPECT_RE)
_L_RESTATED = _lc(_RESTATED_RE)
_L_KAMER_PASSIVE = _lc(_KAMER_PASSIVE_RE)
_L_INTENT = _lc(_INTENT_RE)
_L_EARLIER = _lc(_EARLIER_RE)
_L_SLIP_WORD = _lc(_SLIP_WORD_RE)
_L_UNCERTAIN = _lc(_UNCERTAIN_RE)
_L_TIME_HINT = _lc(_TIME_HINT_RE)  # on the lower-cased sentence: about six times faster

_WS_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"[\w'’-]+")
_DETERMINERS = _words(
    "een de het deze dit die dat zijn haar hun onze ons mijn uw nieuwe nieuw hernieuwde gerichte "
    "overkoepelende aparte nadere volgende eerste tweede derde uitgebreide"
)
_STOP_LEFT = _words(
    "een de het deze dit die dat en of van voor in op met aan over naar bij door te om als zal "
    "zullen wordt worden is zijn u uw kamer ik wij we er ook nog tot"
)
_STOP_RIGHT = _words(
    "die dat waarin waarmee waarover waarbij en om te zal zullen wordt worden is zijn kan "
    "kunnen moet ontvangt ontvangen informeren toekomen sturen opleveren opstellen afronden "
    "volgt volgen verschijnt verschijnen komt komen gaat wil kan toe af laten uitvoeren presenteren "
    "publiceren opleveren uitwerken evalueren indienen aanbieden toezenden versturen "
    "in voor bij uiterlijk"
)
# Words after "dat"/"die" that show a clause, not a noun ("uit dat de Commissie …").
_CLAUSE_STARTERS = _words("de het een er ik wij we u zij hij dit deze die dat nog ook niet al zo men")
_PREV_WORD_RE = re.compile(r"([\w'’-]+)[^\w]*$")
_PREPOSITIONS = _words(
    "om in op met voor van bij door na tot aan over naar uit onder tegen vanwege volgens "
    "zonder tijdens sinds via"
)
_TAIL_WORDS = _words(
    "de het een van en of over voor in op met aan te om die dat naar bij door als hoe rond tot "
    "tegen tussen binnen onder na sinds zonder"
)



_DeadlineFinder = Callable[..., list[Deadline]]
