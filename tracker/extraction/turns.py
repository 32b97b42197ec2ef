"""Speaker turns in debate transcripts (Handelingen, commissiedebat stenograms).

A turn opens with a speaker label at the start of a line, followed by a colon:
``Minister Van der Berg:``, ``Staatssecretaris De Wit:``, ``De minister van
Financiën:``, ``Minister-president Jansen:`` (government), ``De heer Pietersen
(CDA):``, ``Mevrouw Bakker (VVD):`` (members), ``De voorzitter:`` (chair). The
label may stand on its own line or open the first line of the turn. A turn runs
to the next label or the end of the text.

Only government speakers promise; a member's turn is the question that the
next government turn answers (``Ja, dat zeg ik toe.``). Text without labels is
no transcript: :func:`find_turns` returns ``[]`` and the document is read as a
letter. Pure Python, no Django.

Public API: ``find_turns(text) -> list[Turn]``; ``question_items(text, turns)
-> list[QAItem]`` (each member question with the government turn answering it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.lexicon.actors import GOVERNMENT_ROLES, MEMBER_TITLES, NAME_PARTICLES
from tracker.extraction.types import QAItem

__all__ = ["GOVERNMENT", "MEMBER", "CHAIR", "Turn", "find_turns", "question_items"]

GOVERNMENT, MEMBER, CHAIR = "government", "member", "chair"

_NAME_WORD = r"[A-Z][\w'’.-]*"
_PARTICLE = "|".join(NAME_PARTICLES)
_NAME = rf"(?:(?:{_PARTICLE})\s+|{_NAME_WORD}\s+){{0,4}}{_NAME_WORD}"
_ROLE = "|".join(rf"{r[0].upper()}{r[1:]}|{r}" for r in sorted(GOVERNMENT_ROLES, key=len, reverse=True))
_TITLE = "|".join(MEMBER_TITLES)
_BRACKET = r"(?:[ \t]*\([^()\n]{1,60}\))?"
_LABEL_RE = re.compile(
    r"^[ \t]*(?:"
    rf"(?P<gov>(?:De[ \t]+)?(?:{_ROLE})(?:[ \t]+(?:van|voor)[ \t]+[^:\n]{{2,70}}?|[ \t]+{_NAME})?){_BRACKET}"
    rf"|(?P<member>(?:{_TITLE})[ \t]+{_NAME}){_BRACKET}"
    rf"|(?P<chair>(?:De[ \t]+)?[Vv]oorzitter(?:[ \t]+{_NAME})?){_BRACKET}"
    r")[ \t]*:(?=[ \t]*(?:\n|\S))",
    re.M,
)
# ``^`` under re.M is tried at every character; the same pattern led by a
# literal newline lets ``re`` jump from line to line (see _labels).
_LABEL_AT = re.compile(_LABEL_RE.pattern[1:], re.M)
_LABEL_SCAN = re.compile("\n" + _LABEL_RE.pattern[1:], re.M)
_BARE_LINE_RE = re.compile(r"[ \t]*\n")
_PARTY_RE = re.compile(r"\(([^()\n]{1,40})\)\s*$")
_WS_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's turn: ``start``/``end`` of what is said (label excluded)."""

    role: str  # GOVERNMENT, MEMBER or CHAIR
    speaker: str  # the label as printed, whitespace-normalised, no brackets
    party: str | None
    label_start: int
    start: int
    end: int

    @property
    def actor(self) -> str:
        """The promiser of a government turn: ``minister Van der Berg``."""
        words = self.speaker.split(" ")
        if words[0].lower() == "de":
            words = words[1:]
        return " ".join([words[0].lower(), *words[1:]])


def find_turns(text: str) -> list[Turn]:
    """The speaker turns of a transcript, or ``[]`` when the text is none.

    A text is a transcript when a government label stands alone on its line,
    when labels of a government speaker and of a member or the chair occur, or
    when a member's label with a party (``De heer Pietersen (CDA):``) stands
    alone on its line.
    """
    labels = _labels(text)
    roles = {_role(m) for m in labels}
    bare = {_role(m) for m in labels if _BARE_LINE_RE.match(text, m.end())}
    if GOVERNMENT not in roles:
        # Only members and the chair speak: still a transcript (nobody in it promises) when a
        # member's label with a party stands alone on its line.
        if not any(_role(m) == MEMBER and _PARTY_RE.search(m.group().rstrip(" \t:")) and
                   _BARE_LINE_RE.match(text, m.end()) for m in labels):
            return []
    elif GOVERNMENT not in bare and not (roles & {MEMBER, CHAIR}):
        return []
    turns: list[Turn] = []
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        start = m.end()
        while start < end and text[start].isspace():
            start += 1
        label = m.group({GOVERNMENT: "gov", MEMBER: "member", CHAIR: "chair"}[_role(m)])
        party = _PARTY_RE.search(m.group().rstrip(" \t:"))
        turns.append(Turn(
            role=_role(m), speaker=_WS_RE.sub(" ", label).strip(), party=party.group(1) if party else None,
            label_start=m.start(), start=start, end=max(start, end),
        ))
    return turns


def _labels(text: str) -> list[re.Match[str]]:
    """``list(_LABEL_RE.finditer(text))``, found from line start to line start."""
    out: list[re.Match[str]] = []
    pos = 0
    while True:
        m = _LABEL_AT.match(text, pos) if pos == 0 or text[pos - 1] == "\n" else None
        if m is None:
            hit = _LABEL_SCAN.search(text, max(pos, 1) - 1)  # a label on a line starting at >= pos
            if hit is None:
                return out
            m = _LABEL_AT.match(text, hit.start() + 1)
            assert m is not None
        out.append(m)
        pos = m.end()


def _role(m: re.Match[str]) -> str:
    return GOVERNMENT if m.group("gov") else MEMBER if m.group("member") else CHAIR


def question_items(text: str, turns: list[Turn]) -> list[QAItem]:
    """Each member turn with the government turn that follows it (only the
    chair speaking in between).

    The question is the member's last sentence with a question mark (else the
    whole turn); the answer is the government turn. A member's name is the
    label without its title (``Pietersen``).
    """
    items: list[QAItem] = []
    prev: Turn | None = None
    for turn in turns:
        if turn.role == CHAIR:
            continue  # "Dan geef ik het woord aan de minister." stands between question and answer
        if prev is None or prev.role != MEMBER or turn.role != GOVERNMENT:
            prev = turn
            continue
        q_start, q_end = _asked(text, prev)
        member = re.sub(rf"^(?:{_TITLE})\s+", "", prev.speaker)
        items.append(QAItem(
            number=None, question=_WS_RE.sub(" ", text[q_start:q_end]).strip(),
            question_start=q_start, question_end=q_end, answer_start=turn.start, answer_end=turn.end,
            member=member, party=prev.party,
        ))
        prev = turn
    return items


def _asked(text: str, turn: Turn) -> tuple[int, int]:
    """The span of the last question sentence of a member's turn."""
    body = text[turn.start:turn.end]
    q = body.rfind("?")
    if q < 0:
        return turn.start, turn.start + len(body.rstrip())
    a = max(body.rfind(c, 0, q) for c in ".!?") + 1
    while a < q and body[a].isspace():
        a += 1
    return turn.start + a, turn.start + q + 1
