"""Undertaking markers: what turns an act into a promise, and why a sentence is none."""

from __future__ import annotations

import re

from tracker.extraction.commitments.acts import _pick_act
from tracker.extraction.commitments.patterns import (
    _BLIJVEN_RE,
    _FORMULA_RE,
    _GOV_ACTOR_RE,
    _I,
    _MODAL_RE,
    _NEG_BEFORE_RE,
    _PASSIVE_PRESENT_RE,
    _PAST_AUX_RE,
    _PRESENT_ACT_RE,
    _WH_CLAUSE_BEFORE_RE,
)
from tracker.extraction.commitments.phrases import _segment
from tracker.extraction.commitments.records import Rejection, _Act
from tracker.extraction.commitments.rejections import INTENT_TOPIC_RE
from tracker.extraction.commitments.tables import (
    _L_BEREID,
    _L_EXPECT,
    _L_FUT,
    _L_GAAN,
    _L_INTENT,
    _L_KAMER_PASSIVE,
    _L_RESTATED,
    _L_TEGEMOET,
    _L_TOEZEG,
    _RESTATED_HINT_RE,
)
from tracker.extraction.lexicon import verbs

# "De heer X vroeg of ik bereid ben …", "Mevrouw Y heeft gevraagd om …", "wil weten wanneer …".
_REPORTED_ASK_RE = re.compile(
    r"\b(?:vroeg|vroegen|vraagt|vragen|gevraagd|verzocht|verzoekt|wil(?:de|den)?\s+weten|informeerde|"
    r"informeerden)\b[^.;:?]{0,80}?\b(?:of|om|wanneer|hoe|waarom|welke|wat)\b",
    re.IGNORECASE,
)
# "Als het onderzoek is afgerond, …" is a moment, not a condition (like "zodra"); words in lexicon/verbs.
_DONE_WHEN = (
    r"[^,]{3,120}\b(?:(?:is|zijn)\s+(?:" + "|".join(verbs.COMPLETED) + r")|(?:" + "|".join(verbs.COMPLETED)
    + r")\s+(?:is|zijn))\s*,"
)
# A sentence that opens with a condition: "Mocht …", "Indien …", "Als … , dan".
_LEADING_CONDITION_RE = re.compile(
    r"\s*(?:Mocht(?:en)?\b|Indien\b(?!\s+(?:mogelijk|nodig)\b)|Ingeval\b|In\s+het\s+geval\s+dat\b|"
    r"Als\b(?!" + _DONE_WHEN + r")(?=[^,]{3,120}\b(?:is|zijn|wordt|worden|blijkt|blijken|heeft|hebben|kan|kunnen|wil|wilt|"
    r"willen|wenst|wensen|mocht|komt|gaat|lukt)\b[^,]*,))"
)


_LINE_START_RE = re.compile(r"(?:^|\n)[ \t\xa0]*$")
# "Ik heb (u) toegezegd", "heb ik toegezegd": the speaker's own promise, restated.
_OWN_PROMISE_RE = re.compile(r"\b(?:ik\s+heb|heb\s+ik|wij\s+hebben|we\s+hebben|hebben\s+wij)\b")


# A perfect or past auxiliary: the act is done.
_DONE_RE = re.compile(r"\b(?:heb|heeft|hebben|had|hadden|was|waren|werd|werden|is|zijn|ben)\b", re.IGNORECASE)


def _no_undertaking(sent: str, acts: list[_Act]) -> Rejection:
    """Name the reason when no undertaking governs the acts."""
    if _REPORTED_ASK_RE.search(sent):
        return Rejection.REPORTED_QUESTION
    if _BLIJVEN_RE.search(sent):
        return Rejection.LASTING_POLICY
    if acts and (_DONE_RE.search(sent, 0, acts[0].start) or _DONE_RE.match(sent[acts[0].end:].lstrip())):
        return Rejection.PAST_ACT
    return Rejection.NO_UNDERTAKING


def _reported_question(sent: str, anchor: int) -> bool:
    """Is the undertaking part of a question someone else asked ("X vroeg of
    ik bereid ben …")? The asked clause runs to the next comma or semicolon."""
    for m in _REPORTED_ASK_RE.finditer(sent, 0, anchor + 1):
        if m.start() > anchor:
            break
        stop = re.search(r"[,;:]", sent[m.end():])
        clause_end = m.end() + stop.start() if stop else len(sent)
        if m.end() <= anchor + 1 and anchor < clause_end and not re.search(
            r"\b(?:ik|wij|we)\s+(?:vroeg|vraag|heb\s+gevraagd)\b", sent[max(0, m.start() - 12):m.end()], re.I
        ):
            return True
    return False


def _undertaking(
    sent: str, low: str, acts: list[_Act], explicit: tuple[re.Match[str] | None, re.Match[str] | None] | None = None,
) -> tuple[str | None, int, _Act | None]:
    """The undertaking marker, its offset and the act it governs.

    ``explicit``: the "toezeggen" and "bereid" matches of ``low`` when the caller has them already
    (the "bereid" one may be None when the first is found)."""
    toezeg, bereid = explicit or (_L_TOEZEG.search(low) if "toe" in low else None, None)
    m = toezeg
    if m and _NEG_BEFORE_RE.search(low, max(0, m.start() - 25), m.start() + 12):
        return None, 0, None  # "ik kan niet toezeggen"
    if m:
        act = _pick_act(sent, acts, m.end(), after_only=True) or _Act("pseudo", m.start(), m.end(), "toezeggen")
        return "toezeg", m.start(), act
    m = bereid if explicit is not None else _L_BEREID.search(low) if "bereid" in low else None
    if m and not re.search(r"\bniet\s+(?:\w+\s+)?$", sent[max(0, m.start() - 20):m.start()], _I):
        act = _pick_act(sent, acts, m.end(), after_only=True) or _Act("pseudo", m.start(), m.end(), "bereid")
        return "bereid", m.start(), act
    m = _L_TEGEMOET.search(low) if "tegemoet" in low else None
    if m and _GOV_ACTOR_RE.search(sent, 0, m.start()):
        return "tegemoet", m.start(), _Act("pseudo", m.start("verb"), m.end("verb"), m.group("verb").lower())
    for m in _L_FUT.finditer(low):
        if sent[max(0, m.start() - 3):m.start()].lower() == "te ":
            continue  # "te zullen sturen": reported, see _RESTATED_RE
        if _WH_CLAUSE_BEFORE_RE.search(low, max(0, m.start() - 160), m.start()):
            continue  # "de datum waarop het rapport zal verschijnen": names a moment, promises nothing
        act = _pick_act(sent, acts, m.start())
        if act is not None:
            return "future", m.start(), act
    for m in _L_GAAN.finditer(low):
        before = sent[max(0, m.start() - 4):m.start()].lower()
        after = sent[m.end():m.end() + 24].lower()
        if before.endswith("te ") or re.match(r"\s*(?:er\s*van\s*uit|ervanuit|over|om|het(?!\s+kabinet)|naar|uit|er)\b", after):
            continue
        act = _pick_act(sent, acts, m.start(), after_only=True, infinitive=True)
        if act is not None:
            return "gaan", m.start(), act
    m = _L_EXPECT.search(low) if "verwacht" in low else None
    if m:
        act = _pick_act(sent, acts, m.start(), after_only=True)
        if act is not None and act.kind == "inform":
            return "expect", m.start(), act
    restated = _L_RESTATED.finditer(low) if _RESTATED_HINT_RE.search(low) else ()
    for m in restated:
        if m.group("verb") and re.search(r"\bzoals\s+(?:\w+\s+){0,3}$", sent[max(0, m.start() - 40):m.start()], _I):
            continue
        inf = "inf" if m.group("inf") else "inf2"
        pos = m.start(inf)
        act = next((a for a in acts if pos - 12 <= a.start <= pos + 4 or a.start <= pos < a.end), None)
        if act is None and m.group("verb") in ("toegezegd", "beloofd") and _OWN_PROMISE_RE.search(
            low, max(0, m.start() - 30), m.start() + 1
        ):
            act = _Act("pseudo", pos, m.end(inf), m.group(inf))  # "Ik heb toegezegd te kijken of …"
        if act is None:
            continue
        return "restated", m.start(), act
    m = _L_KAMER_PASSIVE.search(low) if ("wordt" in low or "worden" in low) else None
    if m:
        act = next((a for a in acts if m.start() <= a.start < m.end() and a.kind == "inform"), None)
        if act is not None:
            return "kamer_passive", m.start(), act
    m = _L_INTENT.search(low)
    if m and INTENT_TOPIC_RE.search(low, max(0, m.start() - 12), m.start()):
        m = None  # "geïnformeerd over het voornemen tot …": the intention is the topic
    if m and not re.search(r"\bvan\s+(?:de|het)\b", sent[m.end():m.end() + 12], _I):
        act = _pick_act(sent, acts, m.start())
        if act is None:
            a0, b0 = _segment(sent, m.start())
            act = next((a for a in acts if a.start >= m.start() and a.start - m.start() < 200), None)
        if act is not None:
            return "intent", m.start(), act
    # Promise formulas in the present tense: no time phrase needed.
    m = _FORMULA_RE.search(low) if ("hoogte" in low or "terug" in low or "nader" in low) else None
    if m and not _PAST_AUX_RE.search(low, max(0, m.start() - 40), m.start()):
        act = next((a for a in acts if m.start() <= a.start < m.end() and a.kind == "inform"), None)
        act = act or _Act("inform", m.start(), m.end(), "terugkomen")
        return "formula", m.start(), act
    # Present tense act (finite) or present passive, to be confirmed by a
    # future time phrase.
    for a in acts:
        seg_a, _ = _segment(sent, a.start)
        if _MODAL_RE.search(sent, seg_a, a.start) and a.word not in (
            "verwachten", "tegemoetzien", "tegemoet zien", "tegemoet kunt zien"
        ):
            continue
        if _LINE_START_RE.search(sent, max(0, a.start - 40), a.start) and not a.word.startswith(("dat ", "dit ")):
            continue  # verb first on its line: a label ("Beantwoord 23 september 2020"), an imperative or a question
        if _PRESENT_ACT_RE.match(a.word) and sent[max(0, a.start - 3):a.start].lower() != "te ":
            return "present", a.start, a
        if a.word == "toekomen" and re.search(r"\b(?:doe|doet)\b", low[seg_a:a.start]):
            return "present", a.start, a  # "In mei doe ik u … toekomen"
        if _PASSIVE_PRESENT_RE.search(sent, seg_a, a.start) or _PASSIVE_PRESENT_RE.match(sent[a.end:].lstrip()):
            return "present", a.start, a
    return None, 0, None
