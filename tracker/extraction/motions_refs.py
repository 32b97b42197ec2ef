"""Kamerstuk references, motion keys and the footnotes that carry them.

``canonical_key`` is the one place a motion key is built: the extraction engine,
the motions register, the review forms and the open-data import all call it
(directly or through :func:`key_from_text`). Pure Python, no Django import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tracker.extraction.types import Footnote

# --------------------------------------------------------------------------
# Kamerstuk references
# --------------------------------------------------------------------------

UP = "A-ZÀ-ÖØ-Þ"
LO = "a-zß-öø-ÿ"
HS = r"[ \t\u00a0]"
# Whitespace holding at most one line break (never a blank line).
S1 = rf"(?:{HS}+(?:\r?\n{HS}*)?|\r?\n{HS}*)"
S0 = rf"(?:{S1})?"

# The word that opens a reference: Kamerstuk(ken), Kamerstuknummer, Kst., kst- (a key), TK.
# The words that open a reference: Kamerstuk(ken), Kamerstuknummer, Kst., kst- (a key),
# TK/EK, and the running head of the printed Kamerstuk ("Tweede Kamer, vergaderjaar").
REF_WORD = (
    r"(?:[Kk]amerstuk(?:ken|nummer)?|[Kk]st(?:\.|-|\b)|TK\b|EK\b"
    r"|(?:Tweede|Eerste)\s+Kamer,?\s+vergaderjaar\b)"
)
_REF_PREFIX = (
    rf"{REF_WORD}"
    r"(?:\s+I{1,2}(?=[\s,]))?,?"
    r"(?:\s+\d{4}\s*[/–-]\s*\d{2,4})?"
    r"\s*,?\s*"
)
_DOSSIER = (
    r"(?<!\d)(?P<base>\d{2}[ \u00a0]?\d{3})(?!\d)"
    # 21 501-02: a two-digit sub-dossier when a number follows (36045-24 is a number).
    r"(?:(?P<sub>-\d{2})(?=-\d|,?\s*[Nn][Rr]))?+"
    r"(?:(?:[ \u00a0]|-)(?P<tv>[IVXLC]{1,6}|[A-Z])(?![^\W_]))?"
    # joint dossiers ("Kamerstukken 28 638 en 29 861, nr. 9"): the key takes the first
    r"(?:\s+en\s+\d{2}[ \u00a0]?\d{3}(?!\d)(?:-\d{2}|(?:[ \u00a0]|-)(?:[IVXLC]{1,6}|[A-Z])(?![^\W_]))?(?=,?\s*[Nn][Rr]))?"
)
_NUMBER = (
    r"(?:(?:,\s*|\s+)(?:nr|Nr|NR)(?P<nrs>s)?\.?\s*(?P<nr>\d+[a-z]?)(?![\w])"
    r"|,\s*(?P<letter>[A-Z]{1,2})(?![^\W_])"
    r"|-(?P<hy>\d+|[A-Z]{1,2})(?![^\W_]))"
)
REF_RE = re.compile(rf"(?P<prefix>{_REF_PREFIX})?{_DOSSIER}{_NUMBER}")
_NRS_CONT_RE = re.compile(r"\s*(?:,|en|&)\s*(?:nr\.?\s*)?(\d+[a-z]?)(?![\w])")
_TOEVOEGING_RE = re.compile(r"(\d{5})(-\d{2})?-?([A-Z]+)?")

Ref = tuple[str, str]


def norm_ws(s: str) -> str:
    return " ".join(s.split())


def normalise_dossier(dossier: str) -> str:
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
    d = normalise_dossier(dossier)
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


def refs_at(text: str, m: re.Match[str]) -> tuple[list[Ref], int]:
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
    while m := REF_RE.search(text, pos):
        refs, pos = refs_at(text, m)
        yield from refs


def parse_kamerstuk(text: str) -> Ref | None:
    """The first Kamerstuk reference in ``text`` as ``(dossier, number)``, or None.

    ``Kamerstuk 33 694, nr. 43`` -> ``("33694", "43")``; ``36600-V-27`` ->
    ``("36600-V", "27")``; ``35 403, F`` -> ``("35403", "F")``. Feed the pair to
    :func:`canonical_key` for the key.
    """
    m = REF_RE.search(text)
    return _ref_from_match(m) if m else None


def key(ref: Ref) -> str:
    return canonical_key(*ref)


def split_key(key: str) -> tuple[str, str]:
    """``kst-36800-V-30`` -> ``("36800-V", "30")``: the dossier and number a key was built from."""
    dossier, _sep, number = key.removeprefix("kst-").rpartition("-")
    return dossier, number


# Handelingen record each submitted motion's number: "Zij krijgt nr. 346 (32847)."
_ASSIGNED_RE = re.compile(
    rf"(?i:zij){S1}(?i:krijgt){S1}(?i:nr\.?|nummer){S0}(?P<nr>\d{{1,4}}){S0}\({S0}"
    rf"(?P<dossier>\d{{2}}[ \u00a0]?\d{{3}}(?:-\d{{2}})?(?:(?:[ \u00a0]|-)(?:[IVXLC]{{1,6}}|[A-Z]))?){S0}\)"
)


def assigned_numbers(text: str) -> list[tuple[int, str, str]]:
    """``(offset, number, key)`` of every ``Zij krijgt nr. N (dossier)`` in ``text``."""
    return [(m.start(), m["nr"], canonical_key(m["dossier"], m["nr"])) for m in _ASSIGNED_RE.finditer(text)]


def numbered_refs(text: str) -> list[tuple[int, str, str]]:
    """``(offset, number, key)`` of every full Kamerstuk reference in ``text``
    (``(38 412, nr. 12)``, ``Kamerstuk 38 412, nr. 12``)."""
    out: list[tuple[int, str, str]] = []
    pos = 0
    while m := REF_RE.search(text, pos):
        refs, pos = refs_at(text, m)
        out.extend((m.start(), ref[1], key(ref)) for ref in refs)
    return out


# The dossier a Handelingen item or a verslag is about: a heading line that ends in
# the bare dossier number (``Wijziging van de Wet op de vaarwegen (38 412)``), or the
# number that opens a printed Kamerstuk (``38 412 Vaarwegbeleid``, its first lines).
_DOSSIER_NO = r"\d{2}[ \u00a0]?\d{3}(?:-\d{2})?(?:[ \u00a0-](?:[IVXLC]{1,6}|[A-Z]))?"
_HEADING_DOSSIER_RE = re.compile(rf"\({HS}*(?P<dossier>{_DOSSIER_NO}){HS}*\)[.:]?{HS}*$", re.M)
# A heading is one short line; "Zij krijgt nr. 12 (38 412)." numbers one motion, it heads nothing.
_HEADING_MAX = 300
_HEADER_DOSSIER_RE = re.compile(rf"^{HS}*(?P<dossier>\d{{2}}[ \u00a0]\d{{3}}(?:-\d{{2}})?){HS}+[{UP}]", re.M)
# How far into the document a printed Kamerstuk's own number stands.
_HEADER_REACH = 600


def document_dossiers(text: str) -> list[tuple[int, str]]:
    """``(offset, dossier)`` of the headings that say which dossier the text is about."""
    out = []
    for m in _HEADING_DOSSIER_RE.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1:m.end()]
        if len(line) <= _HEADING_MAX and not re.search(r"\bkrijgt\b", line, re.I):
            out.append((m.start("dossier"), normalise_dossier(m["dossier"])))
    head = _HEADER_DOSSIER_RE.search(text, 0, _HEADER_REACH)
    if head:
        out.append((head.start("dossier"), normalise_dossier(head["dossier"])))
    return sorted(out)


def key_from_text(value: str) -> str | None:
    """The key a person or a register means by ``value``, or None when it names no motion.

    Accepts a key in any case (``kst-36800-v-30``), a bare ``36800-V-30`` or
    ``36 800 V, nr. 30``, and a full reference (``Kamerstuk 36 800 V, nr. 30``).
    The register, the review form and the reviewers' motion forms all use this one
    reading, so a key typed anywhere lands on the same motion.
    """
    raw = " ".join(value.split())
    if raw[:4].lower() == "kst-":
        dossier, _sep, number = raw[4:].rpartition("-")
        if dossier and number:
            try:
                return canonical_key(dossier, number)
            except ValueError:
                pass
    ref = parse_kamerstuk(raw) or parse_kamerstuk(f"Kamerstuk {raw}")
    return canonical_key(*ref) if ref else None


# --------------------------------------------------------------------------
# Footnotes
# --------------------------------------------------------------------------


def footnote_map(footnotes: Iterable[Footnote]) -> dict[str, str]:
    """``Footnote`` records as the ``number -> text`` mapping of ``find_citations``."""
    return {f.number: f.text for f in footnotes}


_FOOTNOTE_LINE_RE = re.compile(
    rf"^{HS}?(\d{{1,3}}){HS}+((?:Zie{HS}+(?:ook{HS}+)?)?{REF_WORD}[^\n]*"
    rf"(?:\n(?!{HS}*\r?\n)(?!{HS}?\d{{1,3}}{HS})[^\n]*)*)",
    re.M,
)
MOTION_TITLE_RE = re.compile(r"(?:(?:nader\s+)?gewijzigde\s+)?moties?\b", re.I)


def footnotes_in_text(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in _FOOTNOTE_LINE_RE.finditer(text):
        found.setdefault(m[1], m[2])
    return found


def split_top(s: str, sep: str = ";") -> list[str]:
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


def close_paren(s: str, open_at: int) -> int:
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


def pair_titles(refs: list[Ref], titles: list[str]) -> list[tuple[Ref, str | None]]:
    # A title list may end with the dossier's own title (one more than refs).
    if titles and len(titles) in (len(refs), len(refs) + 1):
        return [(r, t.strip()) for r, t in zip(refs, titles, strict=False)]
    return [(r, None) for r in refs]


def footnote_entries(fn_text: str) -> list[tuple[Ref, str | None]]:
    """References in a footnote with the title each one has, when listed."""
    paren = fn_text.find("(")
    head = fn_text if paren < 0 else fn_text[:paren]
    refs = list(iter_kamerstukken(head)) or list(iter_kamerstukken(fn_text))
    if not refs:
        return []
    titles: list[str] = []
    if paren >= 0:
        titles = split_top(fn_text[paren + 1 : close_paren(fn_text, paren)])
    return pair_titles(refs, titles)


def pick_footnote_ref(
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
    motions = [(r, t) for r, t in titled if MOTION_TITLE_RE.match(t)]
    for r, t in motions:
        low = t.casefold()
        if any(mem.casefold() in low for mem in members):
            return r
    if motions:
        return motions[0][0]
    return None if strict else entries[0][0]


def motion_refs(entries: list[tuple[Ref, str | None]]) -> list[Ref]:
    if any(t is not None for _, t in entries):
        return [r for r, t in entries if t is not None and MOTION_TITLE_RE.match(t)]
    return [r for r, _ in entries]


