"""Full motion texts: ``Motie van het lid X ... verzoekt de regering ...``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tracker.extraction.motions_refs import Ref, key, norm_ws, normalise_dossier, parse_kamerstuk

# --------------------------------------------------------------------------
# Full motion texts
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParsedMotion:
    """The parts of a motion text (``Motie van het lid X ... en gaat over tot de orde``).

    ``key`` is ``""`` when the text carries no Kamerstuk number. ``considerations``
    keep their lead words (``overwegende dat ...``); ``request`` is the dictum
    (``verzoekt de regering ...``, ``spreekt uit dat ...``).
    """

    key: str
    dossier: str | None
    number: str | None
    members: tuple[str, ...]
    considerations: tuple[str, ...]
    request: str
    proposed: date | None = None
    amended: bool = False


_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        start=1,
    )
}
_HEADER_RE = re.compile(
    r"(?P<amended>(?:nader\s+)?gewijzigde\s+)?motie\s+van\s+(?:het\s+lid|de\s+leden)\s+"
    r"(?P<names>[^\n(]+?)(?:\s+c\.\s?s\.?)?"
    r"(?:\s*\(|\s+(?:over|inzake|betreffende|ter\s+vervanging|voorgesteld|de\s+kamer)\b|[ \t]*$)",
    re.I | re.M,
)
_PROPOSED_RE = re.compile(
    r"\bvoorgesteld\s+(?:op\s+)?(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})", re.I
)
_HEARD_RE = re.compile(r"\bgehoord\s+de\s+beraadslaging\s*,?", re.I)
_CLOSE_RE = re.compile(r",?\s*en\s+gaat\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag\.?", re.I)
_LEADS = (
    r"(?:(?:voorts|tevens|verder|mede|ook)\s+)?(?:overwegende|constaterende|van\s+mening|"
    r"van\s+oordeel|gelet\s+op|erkennende|vaststellende|concluderende|wijzende\s+op|"
    r"in\s+aanmerking\s+nemende|overwegend|constaterend|benadrukkende|verzoekt|"
    r"spreekt\b|roept\b|draagt\b|besluit\b|wijst\b)"
)
# A clause starts after ";", "," or ":" or a blank line, never at a wrapped line.
_CLAUSE_SPLIT_RE = re.compile(rf"(?:[;,:]\s*|\n[ \t]*\r?\n\s*)(?={_LEADS})", re.I)
_DICTUM_RE = re.compile(r"(?:verzoekt|spreekt|roept|draagt|besluit|wijst)\b", re.I)
_HEADER_DOSSIER_RE = re.compile(
    r"^[ \t]*(\d{2}[ \u00a0]?\d{3}(?:-\d{2}|(?:[ \u00a0]|-)(?:[IVXLC]{1,6}|[A-Z]))?)(?![\w-])"
    r"(?:[^\n]*\n){0,8}?[^\n]*?\bnr\.?\s*(\d+)\b",
    re.I | re.M,
)
_TUSSEN_WORDS = frozenset(["van", "de", "der", "den", "te", "ter", "ten", "'t", "in", "het"])


def _title_case(name: str) -> str:
    words = name.split()
    out = []
    for n, w in enumerate(words):
        low = w.lower()
        if low in _TUSSEN_WORDS and n < len(words) - 1:
            out.append(low.capitalize() if n == 0 else low)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def _motion_members(names: str, text: str, closing_end: int | None) -> tuple[str, ...]:
    parts = [p.strip() for p in re.split(r"\s*/\s*|\s*,\s*|\s+en\s+|\s*&\s*", names, flags=re.I)]
    signed = []
    if closing_end is not None:
        signed = [norm_ws(line) for line in text[closing_end:].splitlines() if line.strip()]
    result = []
    for p in parts:
        if not p:
            continue
        p = norm_ws(p)
        match = next((s for s in signed if s.casefold() == p.casefold()), None)
        if match:
            result.append(match)
        elif p.isupper():
            result.append(_title_case(p))
        else:
            result.append(p)
    return tuple(result)


def parse_motion_text(text: str) -> ParsedMotion | None:
    """Members, considerations, dictum and number of a motion text; None if not one.

    Recognises the header ``Motie van het lid X c.s.`` / ``MOTIE VAN DE LEDEN X EN Y``
    (``Gewijzigde motie`` sets ``amended``), ``Voorgesteld <date>``, the body
    ``De Kamer, gehoord de beraadslaging, overwegende dat ...; verzoekt ...,
    en gaat over tot de orde van de dag.`` and a number from a ``Kamerstuk`` reference
    or a ``36 800 V ... Nr. 30`` header.
    """
    header = _HEADER_RE.search(text)
    heard = _HEARD_RE.search(text)
    if header is None and heard is None:
        return None

    closing = _CLOSE_RE.search(text, heard.end() if heard else 0)
    body_start = heard.end() if heard else (header.end() if header else 0)
    body_end = closing.start() if closing else len(text)
    clauses = [
        norm_ws(c).rstrip(",;:.").strip()
        for c in _CLAUSE_SPLIT_RE.split(text[body_start:body_end])
    ]
    clauses = [c for c in clauses if c]
    dictum_at = next((n for n, c in enumerate(clauses) if _DICTUM_RE.match(c)), len(clauses))
    considerations = tuple(clauses[:dictum_at])
    request = norm_ws(" ".join(clauses[dictum_at:])) if dictum_at < len(clauses) else ""
    if not considerations and not request and header is None:
        return None

    members: tuple[str, ...] = ()
    if header:
        members = _motion_members(header["names"], text, closing.end() if closing else None)

    ref: Ref | None = None
    head_text = text[: heard.start()] if heard else text
    if m := re.search(r"Kamerstuk", head_text):
        ref = parse_kamerstuk(head_text[m.start() :])
    if ref is None and (h := _HEADER_DOSSIER_RE.search(head_text)):
        ref = (normalise_dossier(h[1]), h[2])

    proposed = None
    if p := _PROPOSED_RE.search(text):
        try:
            proposed = date(int(p[3]), _MONTHS[p[2].lower()], int(p[1]))
        except ValueError:
            proposed = None

    return ParsedMotion(
        key=key(ref) if ref else "",
        dossier=ref[0] if ref else None,
        number=ref[1] if ref else None,
        members=members,
        considerations=considerations,
        request=request,
        proposed=proposed,
        amended=bool(header and header["amended"]),
    )
