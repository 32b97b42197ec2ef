"""Look-alikes that are no promise, judged on the document or on one sentence.

Document level: a text written by a body other than the government (a letter
of the Algemene Rekenkamer, an advice of the Raad van State, a committee's
letter, a member's motion) holds no government promise; a motion's own text
inside a debate (``De Kamer, gehoord de beraadslaging, … verzoekt de regering
…``) is the Kamer's request; a restated promise that a later sentence of the
same letter says it fulfils (``Met deze brief kom ik tevens tegemoet aan …
toezeggingen``) is no longer open. Sentence level: an open condition or an open
willingness (``ik ben bereid om die op te pakken waar dat nuttig is``,
``bereid is om daarbij te helpen``) promises nothing checkable.

The words are rows in :mod:`tracker.extraction.lexicon.rejections`.
"""

from __future__ import annotations

import re

from tracker.extraction.lexicon import rejections as words
from tracker.extraction.prefilter import may_match, required_words


def _alt(rows: tuple[str, ...]) -> str:
    return "(?:" + "|".join(r.replace(" ?", r"\s*").replace(" ", r"\s+") for r in rows) + ")"


_OPEN_CONDITION_RE = re.compile(r"\b" + _alt(words.OPEN_CONDITIONS) + r"(?!\w)", re.I)
_FREE_CHOICE_RE = re.compile(r"\b" + _alt(words.FREE_CHOICE) + r"\b", re.I)
_OPEN_WILLINGNESS_RE = re.compile(
    r"\b(?:om\s+)?" + _alt(words.VAGUE_OBJECTS) + r"\s+(?:" + _alt(words.FILLERS) + r"\s+){0,2}(?:te\s+)?"
    + _alt(words.OPEN_WILLINGNESS_VERBS) + r"\b",
    re.I,
)
_OBJECTLESS_RE = re.compile(
    r"\b(?:bereid|toe)\s+(?:(?:is|ben|zijn)\s+)?(?:om\s+)?(?:" + _alt(words.FILLERS) + r"\s+){0,2}(?:te\s+)?"
    + _alt(words.OPEN_WILLINGNESS_VERBS) + r"\b",
    re.I,
)
_LASTING_RE = re.compile(r"\b" + _alt(words.LASTING_WILLINGNESS) + r"\s+(?:\w+\s+)?bereid\b", re.I)
_HEADING_RE = re.compile(
    r"^[ \t]*(?:nr\.?\s*\d+\s+)?" + _alt(words.AUTHORED_GENRES) + r"\s+(?:(?:van|uit)\s+)?(?:de\s+|het\s+)?"
    + _alt(words.NON_GOVERNMENT_AUTHORS) + r"\b",
    re.I | re.M,
)
_LETTERHEAD_RE = re.compile(r"^[ \t]*" + _alt(words.LETTERHEAD_AUTHORS) + r"[ \t]*$", re.I | re.M)
_SIGNATURE_RE = re.compile(
    _alt(words.LETTERHEAD_AUTHORS) + r"[ \t]*,?[ \t]*\n(?:[^\n]*\n){0,3}?[^\n]*,[ \t]*\n?[ \t]*"
    + _alt(words.SIGNATURE_TITLES) + r"[ \t]*$",
    re.I | re.M,
)
# Words every signature holds (its titles): a substring test on the lower-cased last lines rules
# most texts out before the full pattern is tried at every position there.
_SIGNATURE_WORDS = required_words(_SIGNATURE_RE)
_TOP, _BOTTOM = 300, 500  # a letterhead stands in the first lines, a signature in the last
_REPLY_RE = re.compile(_alt(words.GOVERNMENT_REPLY_IN_HEADING), re.I)
_HEAD_SIZE = 1500  # the heading of a Kamerstuk sits in its first lines
_MOTION_OPEN_RE = re.compile(_alt(words.MOTION_OPENINGS), re.I)
_MOTION_CLOSE_RE = re.compile(_alt(words.MOTION_CLOSINGS), re.I)
_MOTION_REQUEST_RE = re.compile(r"\b" + _alt(words.MOTION_REQUESTS) + r"\b", re.I)
_OWN_UNDERTAKING_RE = re.compile(r"\b(?:ik|wij|we|zal|zullen|bereid|toe|kabinet|regering)\b", re.I)
_MOTION_REACH = 6000  # a motion's text is a page at most
_FULFILMENT_RE = re.compile(r"\b" + _alt(words.FULFILMENTS) + r"\b", re.I)
_FULFIL_REACH = 2500  # the fulfilment sentence follows the restated promise in the same opening


_DEBATE_MOMENT_RE = re.compile(r"\b" + _alt(words.DEBATE_MOMENTS) + r"\b", re.I)
_OUTSIDE_DEBATE_RE = re.compile(r"\b" + _alt(words.OUTSIDE_THE_DEBATE) + r"\b", re.I)
_COME_BACK_RE = re.compile(r"\bkom\w*\b.*\bterug\b|\bterugkom\w*\b|\bbeantwoord\w*\b|\bga\w*\b.*\bin\s+op\b", re.I)


_THIS_DOCUMENT_RE = re.compile(
    r"\b(?:in|met|via|bij)\s+" + _alt(words.THIS_DOCUMENT_DETERMINERS) + r"\s+[\w-]*?(?P<head>"
    + "|".join(words.THIS_DOCUMENT_HEADS) + r")\b",
    re.I,
)
_LOOK_BACK = 300  # the sentence or two before: "Ik stuur u in juni een brief. In deze brief zal ik …"


def in_this_document(text: str, start: int, sentence: str) -> bool:
    """The act is done in the document at hand (``zal ik in deze brief ingaan op``), not in a
    document promised just before (``… een brief. In deze brief zal ik …``)."""
    m = _THIS_DOCUMENT_RE.search(sentence)
    if m is None:
        return False
    earlier = text[max(0, start - _LOOK_BACK):start] + sentence[:m.start()]
    for p in re.finditer(rf"\b(?:een|de|het|nieuwe|volgende|aparte|afzonderlijke|separate)\s+(?P<adj>[\w-]+\s+)?"
                         rf"[\w-]*{m['head']}\b(?P<tail>\s+(?:van|d\.d\.)\s+\d)?", earlier, re.I):
        if not p["tail"] and not (p["adj"] and _EARLIER_ADJ_RE.match(p["adj"])):
            return False  # a document promised just before: "deze brief" is that one
    return True


_EARLIER_ADJ_RE = re.compile(r"(?:boven|voor)?genoemde|eerdere|vorige|laatste|recente", re.I)


def within_this_debate(sentence: str) -> bool:
    """``Daar kom ik in de tweede termijn op terug``: coming back at a moment of the debate
    under way (not ``schriftelijk``, not in a letter)."""
    return bool(
        _COME_BACK_RE.search(sentence) and _DEBATE_MOMENT_RE.search(sentence)
        and not _OUTSIDE_DEBATE_RE.search(sentence)
    )


def other_author(text: str) -> bool:
    """True when the document's heading names an author other than the government
    (``ADVIES RAAD VAN STATE EN NADER RAPPORT`` holds the government's reply: no)."""
    tail = max(0, len(text.rstrip()) - _BOTTOM)
    if _LETTERHEAD_RE.search(text, 0, min(len(text), _TOP)) or (
        may_match(_SIGNATURE_WORDS, text[tail:].lower()) and _SIGNATURE_RE.search(text, tail)
    ):
        return True  # "Algemene Rekenkamer" as letterhead, "…, president" under its name
    m = _HEADING_RE.search(text, 0, min(len(text), _HEAD_SIZE))
    if m is None:
        return False
    line_end = text.find("\n", m.end())
    return not _REPLY_RE.search(text, m.start(), line_end if line_end >= 0 else len(text))


def motion_bodies(text: str) -> list[tuple[int, int]]:
    """Spans of motions' own texts: from ``De Kamer, gehoord de beraadslaging`` to
    ``en gaat over tot de orde van de dag``."""
    out: list[tuple[int, int]] = []
    pos = 0
    while m := _MOTION_OPEN_RE.search(text, pos):
        close = _MOTION_CLOSE_RE.search(text, m.end(), m.end() + _MOTION_REACH)
        end = close.end() if close else min(len(text), m.end() + _MOTION_REACH)
        if close is None:  # an unfinished excerpt: up to the blank line after the request
            req = _MOTION_REQUEST_RE.search(text, m.end(), end)
            blank = text.find("\n\n", req.end() if req else m.end(), end)
            end = blank if blank >= 0 else end
        out.append((m.start(), end))
        pos = end
    return out


def without(regions: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``regions`` minus ``holes`` (both sorted, non-overlapping)."""
    out = []
    for a, b in regions:
        for ha, hb in holes:
            if hb <= a or ha >= b:
                continue
            if ha > a:
                out.append((a, ha))
            a = max(a, hb)
        if b > a:
            out.append((a, b))
    return out


def is_motion_request(sentence: str) -> bool:
    """``verzoekt de regering …``: the Kamer asks, the government does not promise
    (unless a promise of its own comes first: ``Ik zal de motie die de regering verzoekt …``)."""
    m = _MOTION_REQUEST_RE.search(sentence)
    return m is not None and not _OWN_UNDERTAKING_RE.search(sentence, 0, m.start())


def open_willingness(sentence: str, after: int) -> bool:
    """An undertaking (from ``after`` on) whose act waits on an open condition
    or names nothing checkable: ``bereid om die op te pakken waar dat nuttig is``."""
    tail = sentence[after:]
    return bool(
        _OPEN_CONDITION_RE.search(tail) or _OPEN_WILLINGNESS_RE.search(tail) or _OBJECTLESS_RE.search(tail)
        or _FREE_CHOICE_RE.search(sentence, 0, after) or _LASTING_RE.search(sentence)
    )


def fulfilled_later(text: str, end: int) -> bool:
    """A later sentence of this letter says it fulfils earlier promises."""
    return bool(_FULFILMENT_RE.search(text, end, min(len(text), end + _FULFIL_REACH)))


_DURATION_RE = re.compile(r"\b" + _alt(words.DURATION_STATEMENTS) + r"\b", re.I)
_NOT_YET_RE = re.compile(r"\b" + _alt(words.NOT_YET_POSSIBLE) + r"\s*[.!]?\s*$", re.I)
_MISTAKEN_RE = re.compile(r"\b" + _alt(words.MISTAKEN_PROMISES) + r"\b", re.I)
_OTHER_UNDERTAKING_RE = re.compile(r"\b" + _alt(words.OTHER_UNDERTAKING_WORDS) + r"\b", re.I)
_STATEMENT_HINT_RE = re.compile(r"tijd|duren|vertraging|nog niet|abuis|abusievelijk|vergissing|onrecht|misverstand")
INTENT_TOPIC_RE = re.compile(r"\b" + _alt(words.INTENT_TOPIC_PREPOSITIONS) + r"\s+$", re.I)


def not_a_promise(sent: str, low: str) -> str | None:
    """A statement about the work rather than a promise of it: "duration" (it will take longer),
    "not_yet" (it cannot be said yet), "mistaken" (an earlier promise called a mistake); None otherwise.
    A duration or not-yet statement beside another undertaking ("…, maar ik stuur u …") is left alone."""
    if not _STATEMENT_HINT_RE.search(low):
        return None
    if _MISTAKEN_RE.search(sent):
        return "mistaken"
    for name, rx in (("duration", _DURATION_RE), ("not_yet", _NOT_YET_RE)):
        m = rx.search(sent)
        if m and not _OTHER_UNDERTAKING_RE.search(sent, 0, m.start()) and not _OTHER_UNDERTAKING_RE.search(
            sent, m.end()
        ):
            return name
    return None
