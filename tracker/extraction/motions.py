"""Motion citations (moties): find them in document text and parse motion texts.

Pure Python, no Django import. Contract: ``shared/spec/commitments.md``,
section "Motion citations (moties)".

Public API
----------
``canonical_key(dossier, number)``
    ``kst-<dossier>-<number>``: the dossier without spaces, letters upper-cased
    and its toevoeging joined with a hyphen (``35 925 V`` -> ``35925-V``,
    ``36800V`` -> ``36800-V``), so every spelling of one Kamerstuk gets one key.
``parse_kamerstuk(text)`` / ``iter_kamerstukken(text)``
    the first / every Kamerstuk reference in a string as ``(dossier, number)``,
    already normalised (``("21501-02", "3236")``, ``("35403", "F")``).
``find_citations(text, footnotes)``
    every motion citation in the (repaired) text, in order, with exact spans.
``parse_motion_text(text)``
    the parts of a full motion text (``Motie van het lid ... verzoekt de regering``).
``footnote_map(footnotes)``
    ``Footnote`` records to the ``number -> text`` mapping ``find_citations`` takes.

What counts as a citation
-------------------------
A mention of ``motie``/``moties`` counts when it identifies a motion: by member
names (``motie Koopmans c.s.``, ``motie-Karimi``, ``motie van de leden X en Y``,
``motie Van Campen/Boswijk``), by party (``de SGP-motie``, ``de motie van de SGP``)
or by number (an attached ``(Kamerstuk ...)``, a glued footnote marker such as
``een motie17``, or, for an unnamed motion, a ``(Kamerstuk ...)`` later in the same
clause). A mention that only gives a subject (``de aangenomen motie over X``) or
points back (``deze motie``, ``beide moties``) is not a citation. Amendments are
never motions: an ``amendement`` between a motion and a reference blocks the
reference.

Spans start at the ``motie`` word (at the party for ``SGP-motie``) and end after
the last part that identifies the motion (names, ``c.s.``, party, reference); a
footnote marker is never part of the span or of a name. ``members`` are the
surnames as written (whitespace normalised) without ``c.s.`` and party.

Keys, in order of strength: a reference attached to the citation; a glued footnote
marker (``c.s.7``, ``Dobbe19``, ``motie.8``); for a motion named in a footnote's
title list (``Kamerstukken A en B (Gewijzigde motie-X ...; Verslag ...)``) the
reference in the same position; a footnote marker closing the sentence when that
sentence holds exactly one named motion without a key; finally the name-only rule
of the spec: the key of the numbered citation with the same member set (compared
case-insensitively; a party stands in for members when none are named). When the
same member set is cited with two different numbers the name-only citation keeps
``""`` (a reviewer decides). A marker whose number ``footnotes`` lacks (or all
markers, when it is None) is looked up in footnote lines left in the text
(``7 Kamerstuk 32735-406`` at the start of a line).

Stated status vocabulary
------------------------
Looked for in the citation's sentence (the part between the neighbouring
citations) and in the next sentence when that one points back with ``de/deze
motie`` and holds no citation itself. In questions only the attributive form
(``de aangenomen motie X``) counts. A phrase preceded by ``niet``/``geen`` or
followed by a modal (``uitgevoerd kan worden``) does not count.

=====================  =========================================================
``aangenomen``         ``aangenomen`` (``de in augustus aangenomen motie X``,
                       ``de motie X is aangenomen``, ``heeft een motie aangenomen``)
``verworpen``          ``verworpen``
``aangehouden``        ``aangehouden``
``ingetrokken``        ``ingetrokken``
``in uitvoering``      ``in uitvoering``; ``wordt/worden (...) uitvoering/invulling
                       gegeven``; ``wordt (momenteel) uitgevoerd``; ``geeft/geven
                       (...) uitvoering aan``; ``werkt aan de uitvoering``;
                       ``Stand van zaken: lopend``
``deels uitgevoerd``   ``deels/gedeeltelijk/grotendeels/ten dele uitgevoerd/
                       afgedaan/uitvoering gegeven``; ``(invulling geven aan) de
                       rest / het resterende deel van de motie``
``uitgevoerd``         ``is/zijn/werd/werden (...) uitgevoerd/afgedaan/uitvoering
                       gegeven``; ``heeft/hebben (...) uitgevoerd/uitvoering gegeven``;
                       ``als uitgevoerd/afgedaan``; ``(is) voldaan aan``;
                       ``de uitgevoerde/afgedane motie``; ``Stand van zaken:
                       Afgedaan`` (the annex column)
=====================  =========================================================

When several apply, the furthest along wins: uitgevoerd > deels uitgevoerd >
in uitvoering > aangenomen = verworpen = ingetrokken > aangehouden.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from tracker.extraction.types import Footnote, MotionCitation

__all__ = [
    "STATUSES",
    "ParsedMotion",
    "canonical_key",
    "find_citations",
    "footnote_map",
    "iter_kamerstukken",
    "parse_kamerstuk",
    "parse_motion_text",
]

STATUSES = (
    "aangenomen",
    "verworpen",
    "aangehouden",
    "ingetrokken",
    "uitgevoerd",
    "deels uitgevoerd",
    "in uitvoering",
)

# --------------------------------------------------------------------------
# Kamerstuk references
# --------------------------------------------------------------------------

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_HS = r"[ \t\u00a0]"
# Whitespace holding at most one line break (never a blank line).
_S1 = rf"(?:{_HS}+(?:\r?\n{_HS}*)?|\r?\n{_HS}*)"
_S0 = rf"(?:{_S1})?"

_REF_PREFIX = (
    r"(?:Kamerstuk(?:ken)?|Kst\.?)"
    r"(?:\s+I{1,2}(?=[\s,]))?"
    r"(?:\s+\d{4}\s*[/–-]\s*\d{2,4})?"
    r"\s*,?\s*"
)
_DOSSIER = (
    r"(?<!\d)(?P<base>\d{2}[ \u00a0]?\d{3})(?!\d)"
    # 21 501-02: a two-digit sub-dossier when a number follows (36045-24 is a number).
    r"(?:(?P<sub>-\d{2})(?=-\d|,?\s*[Nn][Rr]))?+"
    r"(?:(?:[ \u00a0]|-)(?P<tv>[IVXLC]{1,6}|[A-Z])(?![^\W_]))?"
)
_NUMBER = (
    r"(?:(?:,\s*|\s+)(?:nr|Nr|NR)(?P<nrs>s)?\.?\s*(?P<nr>\d+[a-z]?)(?![\w])"
    r"|,\s*(?P<letter>[A-Z]{1,2})(?![^\W_])"
    r"|-(?P<hy>\d+|[A-Z]{1,2})(?![^\W_]))"
)
_REF_RE = re.compile(rf"(?P<prefix>{_REF_PREFIX})?{_DOSSIER}{_NUMBER}")
_NRS_CONT_RE = re.compile(r"\s*(?:,|en|&)\s*(?:nr\.?\s*)?(\d+[a-z]?)(?![\w])")
_TOEVOEGING_RE = re.compile(r"(\d{5})(-\d{2})?-?([A-Z]+)?")

Ref = tuple[str, str]


def _normalise_dossier(dossier: str) -> str:
    """``35 925 V`` -> ``35925-V``; ``21 501-02`` -> ``21501-02``."""
    d = re.sub(r"\s+", "", dossier).upper()
    if m := _TOEVOEGING_RE.fullmatch(d):
        base, sub, tv = m.groups()
        d = base + (sub or "") + (f"-{tv}" if tv else "")
    return d


def canonical_key(dossier: str, number: str) -> str:
    """``kst-<dossier>-<number>`` for a dossier and an ondernummer (or Senate letter).

    >>> canonical_key("36 800-V", "nr. 30")
    'kst-36800-V-30'
    >>> canonical_key("35 403", "F")
    'kst-35403-F'
    """
    d = _normalise_dossier(dossier)
    n = re.sub(r"\s+", "", re.sub(r"(?i)^\s*nr\.?", "", number)).upper()
    if not d or not n:
        raise ValueError(f"incomplete Kamerstuk reference: {dossier!r}, {number!r}")
    return f"kst-{d}-{n}"


def _ref_from_match(m: re.Match[str]) -> Ref:
    dossier = re.sub(r"\s+", "", m["base"]) + (m["sub"] or "")
    if m["tv"]:
        dossier += "-" + m["tv"]
    number = m["nr"] or m["letter"] or m["hy"]
    return dossier, number.upper()


def _refs_at(text: str, m: re.Match[str]) -> tuple[list[Ref], int]:
    """The reference matched by ``m`` plus a ``nrs. 406 en 407`` continuation."""
    refs = [_ref_from_match(m)]
    end = m.end()
    if m["nrs"]:
        dossier = refs[0][0]
        while c := _NRS_CONT_RE.match(text, end):
            refs.append((dossier, c[1].upper()))
            end = c.end()
    return refs, end


def iter_kamerstukken(text: str) -> Iterator[Ref]:
    """Every Kamerstuk reference in ``text`` as a normalised ``(dossier, number)``."""
    pos = 0
    while m := _REF_RE.search(text, pos):
        refs, pos = _refs_at(text, m)
        yield from refs


def parse_kamerstuk(text: str) -> Ref | None:
    """The first Kamerstuk reference in ``text`` as ``(dossier, number)``, or None.

    ``Kamerstuk 33 694, nr. 43`` -> ``("33694", "43")``; ``36600-V-27`` ->
    ``("36600-V", "27")``; ``35 403, F`` -> ``("35403", "F")``. Feed the pair to
    :func:`canonical_key` for the key.
    """
    m = _REF_RE.search(text)
    return _ref_from_match(m) if m else None


def _key(ref: Ref) -> str:
    return canonical_key(*ref)


# --------------------------------------------------------------------------
# Footnotes
# --------------------------------------------------------------------------


def footnote_map(footnotes: Iterable[Footnote]) -> dict[str, str]:
    """``Footnote`` records as the ``number -> text`` mapping of ``find_citations``."""
    return {f.number: f.text for f in footnotes}


_FOOTNOTE_LINE_RE = re.compile(
    rf"^{_HS}?(\d{{1,3}}){_HS}+((?:Zie{_HS}+(?:ook{_HS}+)?)?(?:Kamerstuk|Kst\.)[^\n]*"
    rf"(?:\n(?!{_HS}*\r?\n)(?!{_HS}?\d{{1,3}}{_HS})[^\n]*)*)",
    re.M,
)
_MOTION_TITLE_RE = re.compile(r"(?:(?:nader\s+)?gewijzigde\s+)?moties?\b", re.I)


def _footnotes_in_text(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in _FOOTNOTE_LINE_RE.finditer(text):
        found.setdefault(m[1], m[2])
    return found


def _split_top(s: str, sep: str = ";") -> list[str]:
    """Split at ``sep`` outside parentheses."""
    parts, depth, last = [], 0, 0
    for i, c in enumerate(s):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == sep and depth <= 0:
            parts.append(s[last:i])
            last = i + 1
    parts.append(s[last:])
    return parts


def _close_paren(s: str, open_at: int) -> int:
    """Index of the parenthesis closing ``s[open_at]`` (or len(s))."""
    depth = 0
    for i in range(open_at, len(s)):
        if s[i] == "(":
            depth += 1
        elif s[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return len(s)


def _pair_titles(refs: list[Ref], titles: list[str]) -> list[tuple[Ref, str | None]]:
    # A title list may end with the dossier's own title (one more than refs).
    if titles and len(titles) in (len(refs), len(refs) + 1):
        return [(r, t.strip()) for r, t in zip(refs, titles, strict=False)]
    return [(r, None) for r in refs]


def _footnote_entries(fn_text: str) -> list[tuple[Ref, str | None]]:
    """References in a footnote with the title each one has, when listed."""
    paren = fn_text.find("(")
    head = fn_text if paren < 0 else fn_text[:paren]
    refs = list(iter_kamerstukken(head)) or list(iter_kamerstukken(fn_text))
    if not refs:
        return []
    titles: list[str] = []
    if paren >= 0:
        titles = _split_top(fn_text[paren + 1 : _close_paren(fn_text, paren)])
    return _pair_titles(refs, titles)


def _pick_footnote_ref(
    entries: list[tuple[Ref, str | None]], members: tuple[str, ...], strict: bool
) -> Ref | None:
    """The reference a footnote gives one motion.

    With titles, prefer a motion title naming a member, then any motion title;
    ``strict`` (a marker closing the sentence rather than glued to the motion)
    refuses footnotes whose titles name no motion.
    """
    if not entries:
        return None
    titled = [(r, t) for r, t in entries if t is not None]
    if not titled:
        return entries[0][0]
    motions = [(r, t) for r, t in titled if _MOTION_TITLE_RE.match(t)]
    for r, t in motions:
        low = t.casefold()
        if any(mem.casefold() in low for mem in members):
            return r
    if motions:
        return motions[0][0]
    return None if strict else entries[0][0]


def _motion_refs(entries: list[tuple[Ref, str | None]]) -> list[Ref]:
    if any(t is not None for _, t in entries):
        return [r for r, t in entries if t is not None and _MOTION_TITLE_RE.match(t)]
    return [r for r, _ in entries]


# --------------------------------------------------------------------------
# Citation grammar
# --------------------------------------------------------------------------

_HIT_RE = re.compile(r"(?<![^\W\d_])motie(s)?(?![^\W\d_])", re.I)

_PARTIES = (
    "GroenLinks-PvdA",
    "GL-PvdA",
    "GroenLinks",
    "PvdA",
    "PvdD",
    "Partij voor de Dieren",
    "ChristenUnie",
    "SGP",
    "VVD",
    "CDA",
    "PVV",
    "D66",
    "SP",
    "CU",
    "DENK",
    "Denk",
    "JA21",
    "FvD",
    "FVD",
    "BBB",
    "NSC",
    "Volt",
    "50PLUS",
    "BIJ1",
    "Bij1",
    "GL",
)
_PARTY = "(?:" + "|".join(re.escape(p) for p in _PARTIES) + ")"
_PARTY_BEFORE_RE = re.compile(rf"(?<![\w-])(?P<party>{_PARTY})-\Z")
_PARTY_OF_RE = re.compile(
    rf"{_S1}(?i:van){_S1}(?:(?i:de){_S1})?(?P<party>{_PARTY})(?:-(?i:fractie))?(?![\w-])"
)
_LID_RE = re.compile(rf"{_S1}(?i:van){_S1}(?i:het){_S1}(?i:lid){_S1}")
_LEDEN_RE = re.compile(rf"{_S1}(?i:van){_S1}(?i:de){_S1}(?i:leden){_S1}")

_TUSSEN = rf"(?:(?:[Vv]an|[Dd]e[nr]?|[Tt]e[rn]?|[Ii]n{_S1}'t|'t|El|Al){_S1}){{0,3}}"
_CORE = rf"(?P<core>[{_UP}][{_LO}'’]+(?:-[{_UP}][{_LO}'’]+)*)(?![^\W\d_])"
_NAME_RE = re.compile(_TUSSEN + _CORE)
# Capitalised words that follow "motie" without being a member's name.
_NOT_NAMES = frozenset(
    """Kamer Kamerstuk Kamerstukken Kamerbrief Antwoord Vraag Vragen Nederland Nederlandse
    Regering Kabinet Minister Staatssecretaris Europa Europese Voorzitter Defensie Zie
    Dit Deze Die Het De Een In Op Met Bij Voor Over Naar Ook Daarnaast Daarom Hiermee
    Daarmee Tijdens Conform Zoals Gewijzigde Motie Moties Inzake Wanneer Hoe Wat Welke
    Is Kan Wordt Voorjaarsnota Najaarsnota Miljoenennota Begroting Verenigde Staten
    Oekraïne Rusland China Israël Iran Den Haag Brussel""".split()  # noqa: SIM905
)
_SEP_SINGLE_RE = re.compile(rf"{_S0}/{_S0}|,{_S1}|{_S1}(?:en|&){_S1}")
_SEP_GROUP_RE = re.compile(rf"{_S0}/{_S0}")
_SEP_ITEM_RE = re.compile(rf",?{_S1}(?:en|&){_S1}|,{_S1}")
_CS_RE = re.compile(rf"{_S1}c\.{_S0}s\.?(?![^\W\d_])")
_PARTY_PAREN_RE = re.compile(
    rf"{_S0}\((?!{_S0}(?:Kamerst|Kst|zie|Zie))(?=[^()\n]*[^\W\d_])"
    rf"[{_UP}0-9][\w-]{{0,24}}(?:{_HS}[\w-]{{1,20}}){{0,3}}\)"
)
_MARKER_RE = re.compile(r"\.?(\d{1,3})(?![\d\w])(?![.,]\d)")
_ATTACHED_REF_RE = re.compile(
    rf"{_S0}\({_S0}(?:(?i:zie){_S1}(?:(?i:ook){_S1})?)?(?=(?:Kamerstuk|Kst|\d))"
    rf"|,{_S1}(?:(?i:zie){_S1})?(?=Kamerstuk|Kst\.)"
)
_SUBJECT_RE = re.compile(rf"{_S1}(?:over|inzake|betreffende|m\.b\.t\.|omtrent){_S1}")
_DELAY_STOP_RE = re.compile(
    r"\b(?:moties?|amendement\w*|brief|brieven|kamerbrief\w*|verslag\w*|nota|notitie|"
    r"rapport\w*|geïnformeerd|informeer\w*|beantwoord\w*|antwoord\w*|wetsvoorstel\w*|"
    r"kabinetsreactie|reactie|strategie|gepubliceerd|gestuurd|verzonden|toegezonden)\b"
    r"|[;:]",
    re.I,
)
_DELAY_MAX = 160
_DELAY_CANDIDATE_RE = re.compile(r"\(|Kamerstuk|Kst\.")
_GAP_BREAK_RE = re.compile(rf"\n{_HS}*\r?\n|[.?!](?:\d{{1,3}})?\s+[{_UP}]")
_REF_JOIN_RE = re.compile(r"\s*(?:,|;|en)\s*")
_SPACE_RE = re.compile(_S1)


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    anchor: int  # start of the motie word
    members: tuple[str, ...]
    party: str | None
    refs: list[Ref]
    marker: str | None  # footnote number glued to the citation
    group: int  # citations of one "de moties X en Y" share a group
    key: str = ""
    status: str | None = None
    plural: bool = False

    @property
    def named(self) -> bool:
        return bool(self.members or self.party)


def _norm_ws(s: str) -> str:
    return " ".join(s.split())


def _match_name(text: str, pos: int) -> re.Match[str] | None:
    m = _NAME_RE.match(text, pos)
    if m is None or m["core"] in _NOT_NAMES:
        return None
    return m


def _parse_names(text: str, pos: int, sep_re: re.Pattern[str]) -> tuple[list[str], int]:
    """Names from ``pos`` joined by ``sep_re``; returns them and the end offset."""
    m = _match_name(text, pos)
    if m is None:
        return [], pos
    names, end = [_norm_ws(m[0])], m.end()
    while (s := sep_re.match(text, end)) and (n := _match_name(text, s.end())):
        names.append(_norm_ws(n[0]))
        end = n.end()
    return names, end


def _parse_tail(text: str, pos: int) -> tuple[int, str | None]:
    """``c.s.`` and ``(Party)`` in any order after the names; returns end and party."""
    party = None
    for _ in range(3):
        if m := _CS_RE.match(text, pos):
            pos = m.end()
        elif m := _PARTY_PAREN_RE.match(text, pos):
            party = party or m[0].strip()[1:-1]
            pos = m.end()
        else:
            break
    return pos, party


def _parse_attached(text: str, pos: int) -> tuple[list[Ref], int] | None:
    """An attached ``(Kamerstuk ...)`` / ``, Kamerstuk ...`` at ``pos``."""
    a = _ATTACHED_REF_RE.match(text, pos)
    if a is None:
        return None
    m = _REF_RE.match(text, a.end())
    if m is None:
        return None
    refs, end = _refs_at(text, m)
    while (c := _REF_JOIN_RE.match(text, end)) and (m2 := _REF_RE.match(text, c.end())):
        more, end = _refs_at(text, m2)
        refs.extend(more)
    if a[0].lstrip(" \t\u00a0\r\n").startswith("("):
        close = text.find(")", end, end + 200)
        if close >= 0 and "(" not in text[end:close]:
            end = close + 1
    return refs, end


def _parse_item(text: str, pos: int, plural: bool) -> tuple[list[str], str | None, int] | None:
    """One motion's names, party and end; None when no name starts at ``pos``."""
    names, end = _parse_names(text, pos, _SEP_GROUP_RE if plural else _SEP_SINGLE_RE)
    if not names:
        return None
    end, party = _parse_tail(text, end)
    return names, party, end


def _parse_hit(text: str, hit: re.Match[str], group: int) -> list[_Raw]:
    anchor = hit.start()
    plural = hit[1] is not None
    start = anchor
    pos = hit.end()
    party: str | None = None
    items: list[tuple[list[str], str | None, int, int]] = []  # names, party, start, end

    if (
        anchor
        and text[anchor - 1] == "-"
        and (pb := _PARTY_BEFORE_RE.search(text, max(0, anchor - 30), anchor))
    ):
        party, start = pb["party"], pb.start()

    if pos < len(text) and text[pos] == "-":  # motie-Koopmans
        if item := _parse_item(text, pos + 1, plural):
            items.append((item[0], item[1], start, item[2]))
    elif m := _LID_RE.match(text, pos) or _LEDEN_RE.match(text, pos):
        if item := _parse_item(text, m.end(), plural):
            items.append((item[0], item[1], start, item[2]))
    elif m := _PARTY_OF_RE.match(text, pos):
        party, pos = m["party"], m.end()
    elif (s := _SPACE_RE.match(text, pos)) and (item := _parse_item(text, s.end(), plural)):
        items.append((item[0], item[1], start, item[2]))

    if not items:
        end, p = _parse_tail(text, pos)
        raw = _Raw(start, end, anchor, (), party or p, [], None, group, plural=plural)
        _attach_numbers(text, raw, end)
        if party is None and p is None and not raw.refs and raw.marker is None:
            _delayed_ref(text, raw)
        return [raw]

    raws: list[_Raw] = []
    while True:
        names, p, istart, iend = items[-1]
        raw = _Raw(istart, iend, anchor, tuple(names), p, [], None, group, plural=plural)
        _attach_numbers(text, raw, iend)
        if not raw.refs and raw.marker is None and (sub := _SUBJECT_RE.match(text, raw.end)):
            _delayed_ref(text, raw, sub.end())
        raws.append(raw)
        if not plural:
            break
        sep = _SEP_ITEM_RE.match(text, raw.end)
        if sep is None:
            break
        nxt = _parse_item(text, sep.end(), plural)
        if nxt is None:
            break
        items.append((nxt[0], nxt[1], sep.end(), nxt[2]))
    return raws


def _attach_numbers(text: str, raw: _Raw, pos: int) -> None:
    """Glued footnote marker and attached reference right after the names."""
    if m := _MARKER_RE.match(text, pos):
        raw.marker = m[1]
        pos = m.end()
    if att := _parse_attached(text, pos):
        raw.refs, raw.end = att


def _delayed_ref(text: str, raw: _Raw, gap_from: int | None = None) -> None:
    """A reference later in the clause: ``een motie indienden om X (Kamerstuk ...)``."""
    lo = raw.end if gap_from is None else gap_from
    hi = min(len(text), lo + _DELAY_MAX)
    for m in _DELAY_CANDIDATE_RE.finditer(text, lo, hi):
        at = m.start()
        gap = text[raw.end : at]
        if _DELAY_STOP_RE.search(gap) or _is_break(gap):
            return
        if m[0] == "(":
            att = _parse_attached(text, at)
        else:
            r = _REF_RE.match(text, at)
            att = _refs_at(text, r) if r else None
        if att:
            raw.refs, raw.end = att
            return


def _is_break(gap: str) -> bool:
    return bool(_GAP_BREAK_RE.search(gap))


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------

_BOUND_RE = re.compile(
    rf"(?P<q>[?!])(?P<qm>\d{{1,3}})?(?=[\s\"'”’)]|$)"
    rf"|\.(?P<dm>\d{{1,3}})?(?=[\"'”’)]?\s+[\"'‘“]?[{_UP}]|[\"'”’)]?\s*$)"
    rf"|\n{_HS}*\r?\n"
)
_ABBREV = frozenset(
    """c.s nr nrs o.a cf jl d.d bijv n.a.v t.a.v m.b.t i.p.v e.d resp ca mr dr drs prof ir
    z.s.m a.s vs incl excl art blz e.a m.n i.c.m o.b.v d.w.z t.b.v i.o.m st dhr mw mevr
    min max vgl zgn evt""".split()  # noqa: SIM905
)
_TRAIL_MARK_RE = re.compile(rf"{_HS}?(\d{{1,3}}){_HS}*(?:\r?\n|$)")
_WINDOW = 900
_INITIALS_RE = re.compile(rf"(?:[{_UP}]\.)*[{_UP}]")


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    question: bool
    marker: str | None


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    if m[0].startswith(".") and not m["dm"]:
        i = m.start()
        j = i
        while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(/":
            j -= 1
        token = text[j:i]
        low = token.lower().rstrip(".")
        if low == "c.s":
            nxt = text[m.end() :].lstrip()[:9]
            return bool(nxt[:1].isupper()) and not nxt.startswith("Kamerstuk")
        if low in _ABBREV or _INITIALS_RE.fullmatch(token):
            return False
    return True


class _Sentences:
    """Sentence bounds around citations; boundaries are scanned once, only near them."""

    __slots__ = ("_done", "_ends", "_seen", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._done: list[tuple[int, int]] = []  # scanned intervals, sorted and merged
        self._starts: list[int] = []  # boundary starts, sorted
        self._ends: dict[int, re.Match[str]] = {}
        self._seen: set[int] = set()

    def _ensure(self, lo: int, hi: int) -> None:
        text = self.text
        lo, hi = max(0, lo), min(len(text), hi)
        gaps, cur = [], lo
        for a, b in self._done:
            if b <= cur:
                continue
            if a >= hi:
                break
            if a > cur:
                gaps.append((cur, a))
            cur = b
        if cur < hi:
            gaps.append((cur, hi))
        for a, b in gaps:
            for m in _BOUND_RE.finditer(text, max(0, a - 8), min(len(text), b + 40)):
                at = m.start()
                if at >= b:
                    break
                if at in self._seen:
                    continue
                self._seen.add(at)
                if _is_boundary(text, m):
                    insort(self._starts, at)
                    self._ends[at] = m
        if gaps:
            merged: list[tuple[int, int]] = []
            for a, b in sorted([*self._done, *gaps]):
                if merged and a <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
                else:
                    merged.append((a, b))
            self._done = merged

    def around(self, start: int, end: int) -> _Sentence:
        text = self.text
        self._ensure(start - _WINDOW, end + _WINDOW)
        lo = max(0, start - _WINDOW)
        s_start = lo
        j = bisect_left(self._starts, start) - 1
        while j >= 0 and self._ends[self._starts[j]].end() > start:
            j -= 1
        if j >= 0:
            s_start = max(lo, self._ends[self._starts[j]].end())
        s_end, question, marker = min(len(text), end + _WINDOW), False, None
        k = bisect_left(self._starts, end)
        if k < len(self._starts) and self._starts[k] < end + _WINDOW:
            m = self._ends[self._starts[k]]
            s_end = m.end()
            question = m["q"] == "?"
            marker = m["qm"] or m["dm"]
            if marker is None and m[0] in "?!." and (t := _TRAIL_MARK_RE.match(text, m.end())):
                marker = t[1]
        while s_start < start and text[s_start].isspace():
            s_start += 1
        return _Sentence(s_start, s_end, question, marker)


# --------------------------------------------------------------------------
# Stated status
# --------------------------------------------------------------------------

_RANK = {
    "aangehouden": 1,
    "aangenomen": 2,
    "verworpen": 2,
    "ingetrokken": 2,
    "in uitvoering": 3,
    "deels uitgevoerd": 4,
    "uitgevoerd": 5,
}
_W = r"(?:\s+\S+){0,8}?\s+"
_NOT_PART = r"(?<!deels\s)(?<!gedeeltelijk\s)(?<!grotendeels\s)(?<!dele\s)"
_EXECUTED = "uitgevoerd afgedaan uitvoering invulling"
# (status, words of which one must occur, pattern); the words gate the pattern.
_STATUS_RES = [
    (status, frozenset(words.split()), re.compile(p, re.I))
    for status, words, p in (
        (
            "deels uitgevoerd",
            "deels gedeeltelijk grotendeels dele deel",
            r"\b(?:deels|gedeeltelijk|grotendeels|ten\s+dele|voor\s+een\s+(?:groot\s+)?deel)\s+"
            r"(?P<w>uitgevoerd|afgedaan|(?:uitvoering|invulling)\s+(?:aan\s+)?(?:gegeven|geven))",
        ),
        (
            "deels uitgevoerd",
            "rest restant resterende overige",
            r"\b(?P<w>(?:de\s+rest|het\s+restant|het\s+resterende\s+deel|het\s+overige\s+deel|"
            r"de\s+overige\s+onderdelen)\s+van\s+(?:de(?:ze)?\s+)?moties?)\b",
        ),
        ("in uitvoering", "uitvoering", r"\b(?P<w>in\s+uitvoering)\b"),
        (
            "in uitvoering",
            "uitvoering invulling",
            rf"\b(?:wordt|worden){_W}{_NOT_PART}(?P<w>(?:uitvoering|invulling)\s+gegeven)\b",
        ),
        (
            "in uitvoering",
            "uitgevoerd",
            r"\b(?:wordt|worden)\s+(?:momenteel\s+|nu\s+|thans\s+|op\s+dit\s+moment\s+)?"
            r"(?P<w>uitgevoerd)\b",
        ),
        (
            "in uitvoering",
            "uitvoering",
            r"\b(?:geeft|geven|geef)\b(?:\s+\S+){0,6}?\s+(?P<w>uitvoering\s+aan)\b",
        ),
        (
            "in uitvoering",
            "uitvoering",
            r"\b(?:werkt|werken|werk)\b(?:\s+\S+){0,4}?\s+(?P<w>aan\s+de\s+uitvoering)\b",
        ),
        (
            "in uitvoering",
            "lopend loopt",
            r"\b(?:stand\s+van\s+zaken|status)\s*:?\s*(?P<w>lopend|loopt)\b",
        ),
        (
            "uitgevoerd",
            _EXECUTED,
            rf"\b(?:is|zijn|werd|werden){_W}{_NOT_PART}"
            r"(?P<w>uitgevoerd|afgedaan|(?:uitvoering|invulling)\s+(?:aan\s+)?gegeven)\b",
        ),
        (
            "uitgevoerd",
            _EXECUTED,
            rf"\b(?:heeft|hebben){_W}{_NOT_PART}(?P<w>uitvoering\s+gegeven|uitgevoerd|afgedaan)\b",
        ),
        ("uitgevoerd", "uitgevoerd afgedaan", r"\bals\s+(?P<w>uitgevoerd|afgedaan)\b"),
        (
            "uitgevoerd",
            "uitgevoerd afgedaan voldaan",
            r"\b(?:stand\s+van\s+zaken|status)\s*:?\s*(?P<w>afgedaan|voldaan|uitgevoerd)\b",
        ),
        (
            "uitgevoerd",
            "voldaan",
            r"\b(?P<w>voldaan)\s+aan\b|\bis\s+(?:hiermee\s+|daarmee\s+)?(?P<w2>voldaan)\b",
        ),
        ("aangenomen", "aangenomen", r"\b(?P<w>aangenomen)\b"),
        ("verworpen", "verworpen", r"\b(?P<w>verworpen)\b"),
        ("aangehouden", "aangehouden", r"\b(?P<w>aangehouden)\b"),
        ("ingetrokken", "ingetrokken", r"\b(?P<w>ingetrokken)\b"),
    )
]
_STATUS_WORD_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted({w for _, words, _ in _STATUS_RES for w in words}, key=len, reverse=True))
    + r")\b",
    re.I,
)
_NEG_BEFORE_RE = re.compile(r"\b(?:niet|geen|nooit)\s+(?:\S+\s+)?\Z", re.I)
_MODAL_AFTER_RE = re.compile(
    r"\s+(?:kan|kon|kunnen|konden|moet|moeten|zal|zullen|zou|zouden|gaat|gaan|wordt|worden|"
    r"te\s+worden)\b",
    re.I,
)
_ATTRIBUTIVE_RE = re.compile(
    r"\b(aangenomen|verworpen|aangehouden|ingetrokken|uitgevoerde|afgedane)\s+"
    r"(?:(?:nader\s+)?gewijzigde\s+)?\Z",
    re.I,
)
_ADJECTIVE_STATUS = {"uitgevoerde": "uitgevoerd", "afgedane": "uitgevoerd"}
_COORDINATED_RE = re.compile(r"\s*,?\s*(?:(?:en|of|alsook)\s+)?(?:(?:de|het)\s+)?", re.I)
_CLAUSE_BREAK_RE = re.compile(r"[,;:]|\s(?:en|maar|terwijl|of|want)\s", re.I)
_POINT_BACK_RE = re.compile(r"\b(?:de|deze|die|genoemde|bovengenoemde)\s+moties?\b", re.I)


def _statuses_in(text: str, lo: int, hi: int) -> list[str]:
    words = {m[0].lower() for m in _STATUS_WORD_RE.finditer(text, lo, hi)}
    found: list[str] = []
    if not words:
        return found
    for status, gate, rx in _STATUS_RES:
        if gate.isdisjoint(words):
            continue
        for m in rx.finditer(text, lo, hi):
            ws, we = m.span("w") if m["w"] is not None else m.span("w2")
            if _NEG_BEFORE_RE.search(text, max(lo, ws - 25), ws):
                continue
            if _MODAL_AFTER_RE.match(text, we):
                continue
            found.append(status)
    return found


def _best(statuses: Iterable[str]) -> str | None:
    return max(statuses, key=_RANK.__getitem__, default=None)


# --------------------------------------------------------------------------
# find_citations
# --------------------------------------------------------------------------


_BLANK_LINE_RE = re.compile(rf"\n{_HS}*\r?\n")
_LIST_HEAD_RE = re.compile(r"\s*(?:\d{1,3}\s+)?(?:Zie\s+(?:ook\s+)?)?(?:Kamerstuk|Kst\.)")


def _title_ref(text: str, raw: _Raw) -> Ref | None:
    """The reference of a motion named in a ``Kamerstukken A en B (title; title)`` list."""
    lo, i, depth = max(0, raw.start - 600), raw.start, 0
    while True:  # the unmatched "(" before the citation
        o, c = text.rfind("(", lo, i), text.rfind(")", lo, i)
        if o < 0:
            return None
        if c > o:
            depth, i = depth + 1, c
        elif depth:
            depth, i = depth - 1, o
        else:
            i = o
            break
    if _BLANK_LINE_RE.search(text, i, raw.start):
        return None
    line_start = text.rfind("\n", 0, i) + 1
    head = text[line_start:i]
    if not _LIST_HEAD_RE.match(head):
        return None
    refs = list(iter_kamerstukken(head))
    if not refs:
        return None
    close = _close_paren(text, i)
    parts = _split_top(text[i + 1 : close])
    offset, idx = i + 1, None
    for n, part in enumerate(parts):
        if offset <= raw.start < offset + len(part) + 1:
            idx = n
            lead = part.lstrip()
            lead_at = offset + len(part) - len(lead)
            if not (_MOTION_TITLE_RE.match(lead) and raw.start <= lead_at + 30):
                return None
            break
        offset += len(part) + 1
    paired = _pair_titles(refs, parts)
    if idx is None or idx >= len(paired) or paired[idx][1] is None:
        return None
    return paired[idx][0]


def _identity(raw: _Raw) -> frozenset[str] | None:
    if raw.members:
        return frozenset(_norm_ws(m).casefold() for m in raw.members)
    if raw.party:
        return frozenset({"party:" + raw.party.casefold()})
    return None


def find_citations(text: str, footnotes: Mapping[str, str] | None = None) -> list[MotionCitation]:
    """Every motion citation in ``text``, in order, with exact spans and keys.

    ``footnotes`` maps a footnote number to its text (``{"7": "Kamerstuk 32735-406"}``);
    numbers it lacks are looked up in footnote lines left in ``text``. See the module docstring
    for what counts as a citation, how keys are found and the status vocabulary.
    """
    raws: list[_Raw] = []
    pos = 0
    group = 0
    while hit := _HIT_RE.search(text, pos):
        group += 1
        found = _parse_hit(text, hit, group)
        raws.extend(found)
        pos = max(hit.end(), found[-1].end)
    if not raws:
        return []

    fn_cache: dict[str, list[tuple[Ref, str | None]]] = {}
    in_text: dict[str, str] | None = None

    def entries(number: str) -> list[tuple[Ref, str | None]]:
        nonlocal in_text
        if number not in fn_cache:
            fn_text = footnotes.get(number) if footnotes else None
            if fn_text is None:  # a footnote line the separation missed
                if in_text is None:
                    in_text = _footnotes_in_text(text)
                fn_text = in_text.get(number)
            fn_cache[number] = _footnote_entries(fn_text) if fn_text else []
        return fn_cache[number]

    # 1. Keys from attached references and glued footnote markers.
    by_group: dict[int, list[_Raw]] = {}
    for raw in raws:
        by_group.setdefault(raw.group, []).append(raw)
    for items in by_group.values():
        last = items[-1]
        if (
            len(items) > 1
            and not last.refs
            and last.marker
            and all(not r.refs and r.marker is None for r in items[:-1])
        ):
            refs = _motion_refs(entries(last.marker))
            if len(refs) == len(items):
                for r, ref in zip(items, refs, strict=True):
                    r.key = _key(ref)
                continue
        if len(items) > 1 and len(last.refs) == len(items) and all(not r.refs for r in items[:-1]):
            for r, ref in zip(items, last.refs, strict=True):
                r.key = _key(ref)
            continue
        for raw in items:
            if raw.refs:
                raw.key = _key(raw.refs[0])
            elif (
                raw.marker
                and (raw.named or not raw.plural)
                and (ref := _pick_footnote_ref(entries(raw.marker), raw.members, False))
            ):
                raw.key = _key(ref)
    # Unnamed "beide moties14" whose footnote lists several motions.
    expanded: list[_Raw] = []
    for raw in raws:
        if raw.plural and not raw.named and not raw.key and raw.marker:
            for ref in _motion_refs(entries(raw.marker)):
                expanded.append(
                    _Raw(
                        raw.start,
                        raw.end,
                        raw.anchor,
                        (),
                        None,
                        [ref],
                        raw.marker,
                        raw.group,
                        _key(ref),
                    )
                )
            continue
        expanded.append(raw)
    raws = [r for r in expanded if r.key or r.named]

    # 2. A motion named in a footnote's title list.
    for raw in raws:
        if not raw.key and (ref := _title_ref(text, raw)):
            raw.key = _key(ref)

    # 3. Sentences; a footnote marker closing a sentence with one unnumbered motion.
    finder = _Sentences(text)
    sentences = [finder.around(r.start, r.end) for r in raws]
    starts = [r.start for r in raws]
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, s in enumerate(sentences):
        by_sentence.setdefault((s.start, s.end), []).append(i)
    for (_, _), idxs in by_sentence.items():
        s = sentences[idxs[0]]
        open_ = [i for i in idxs if not raws[i].key and raws[i].named and not raws[i].marker]
        if s.marker and len(open_) == 1:
            raw = raws[open_[0]]
            if ref := _pick_footnote_ref(entries(s.marker), raw.members, True):
                raw.key = _key(ref)

    # 4. Name-only citations take the key of the same motion cited with a number.
    keys_of: dict[frozenset[str], set[str]] = {}
    for raw in raws:
        if raw.key and (ident := _identity(raw)) is not None:
            keys_of.setdefault(ident, set()).add(raw.key)
    for raw in raws:
        if not raw.key and (ident := _identity(raw)) is not None:
            keys = keys_of.get(ident, set())
            if len(keys) == 1:
                raw.key = next(iter(keys))

    # 5. Stated status, per run of coordinated citations ("de motie X en de motie Y").
    for (s_start, s_end), idxs in by_sentence.items():
        s = sentences[idxs[0]]
        runs: list[list[int]] = []
        for i in idxs:
            prev = runs[-1][-1] if runs else None
            if prev is not None and (
                raws[prev].group == raws[i].group
                or _COORDINATED_RE.fullmatch(text, raws[prev].end, raws[i].start)
            ):
                runs[-1].append(i)
            else:
                runs.append([i])
        for n, run in enumerate(runs):
            lo, hi = s_start, s_end
            if n:  # a clause break after the previous run starts this one's scope
                lo = raws[runs[n - 1][-1]].end
                breaks = list(_CLAUSE_BREAK_RE.finditer(text, lo, raws[run[0]].start))
                lo = breaks[-1].end() if breaks else lo
            if n + 1 < len(runs):
                hi = raws[runs[n + 1][0]].start
                brk = _CLAUSE_BREAK_RE.search(text, raws[run[-1]].end, hi)
                hi = brk.start() if brk else hi
            shared: list[str] = []
            if not s.question:
                shared = _statuses_in(text, lo, hi)
                if len(runs) == 1:
                    shared += _next_sentence_statuses(text, s, finder, starts)
            for i in run:
                found = list(shared)
                if a := _ATTRIBUTIVE_RE.search(text, max(0, raws[i].start - 40), raws[i].start):
                    word = a[1].lower()
                    found.append(_ADJECTIVE_STATUS.get(word, word))
                raws[i].status = _best(found)

    return [
        MotionCitation(r.key, r.members, text[r.start : r.end], r.start, r.end, r.status)
        for r in raws
    ]


def _next_sentence_statuses(
    text: str, s: _Sentence, finder: _Sentences, starts: list[int]
) -> list[str]:
    nxt = finder.around(s.end, s.end)
    if nxt.start < s.end or nxt.question or nxt.end <= nxt.start:
        return []
    k = bisect_left(starts, nxt.start)
    if k < len(starts) and starts[k] < nxt.end:  # it cites a motion itself
        return []
    if not _POINT_BACK_RE.search(text, nxt.start, nxt.end):
        return []
    return _statuses_in(text, nxt.start, nxt.end)


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
        signed = [_norm_ws(line) for line in text[closing_end:].splitlines() if line.strip()]
    result = []
    for p in parts:
        if not p:
            continue
        p = _norm_ws(p)
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
        _norm_ws(c).rstrip(",;:.").strip()
        for c in _CLAUSE_SPLIT_RE.split(text[body_start:body_end])
    ]
    clauses = [c for c in clauses if c]
    dictum_at = next((n for n, c in enumerate(clauses) if _DICTUM_RE.match(c)), len(clauses))
    considerations = tuple(clauses[:dictum_at])
    request = _norm_ws(" ".join(clauses[dictum_at:])) if dictum_at < len(clauses) else ""
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
        ref = (_normalise_dossier(h[1]), h[2])

    proposed = None
    if p := _PROPOSED_RE.search(text):
        try:
            proposed = date(int(p[3]), _MONTHS[p[2].lower()], int(p[1]))
        except ValueError:
            proposed = None

    return ParsedMotion(
        key=_key(ref) if ref else "",
        dossier=ref[0] if ref else None,
        number=ref[1] if ref else None,
        members=members,
        considerations=considerations,
        request=request,
        proposed=proposed,
        amended=bool(header and header["amended"]),
    )
