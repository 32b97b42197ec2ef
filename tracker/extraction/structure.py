"""Document structure: metadata and question/answer segmentation.

Pure Python (no Django). Input is the *repaired* text (ligatures fixed,
line-end hyphenation joined, line structure preserved); every offset returned
indexes that text. All work is done with precompiled, line-anchored regexes
over the whole text; ``dateparser`` only ever sees a handful of candidate
date strings that our own regexes found (never ``search_dates``).

Public API
----------
``document_info(text) -> DocumentInfo``
``segment(text) -> list[QAItem]``
``item_at(items, offset) -> QAItem | None``

Decisions (where the sources were ambiguous)
--------------------------------------------
Reference date
    The first line-initial ``Den Haag, <d> <maand> <jjjj>``,
    ``Vastgesteld …``, ``Voorgesteld …`` (motions) or ``Datum …`` date is the
    document date (source ``"document"``); failing that, ``(ontvangen <d>
    <maand> <jjjj>)`` in the head of answers to Kamervragen. Otherwise the *latest*
    ``<d> <maand> jl.`` date is used (source ``"inferred"``). Its year comes
    from context, in this order: a ``vergaderjaar A–B`` running header
    (September–December → A, January–August → B); a year in the title
    (``Jaarverslag … 2024`` / ``Slotwet`` → 2025 because accountability is
    debated the year after; ``begroting … 2026`` → 2025 for September–December
    dates, else 2026; any other title year as is). No context year → None.
    When ``jl.`` dates straddle a year end (December and January) the latest
    one is the date before the largest gap on the circular calendar, and
    dates after it fall in the previous year.
Kind
    ``motie``: ``De Kamer, gehoord de beraadslaging`` in the head of a text
    that is not a letter. ``lijst_van_vragen``: a heading *Lijst van vragen
    (en antwoorden)* or the ``Nr Vraag Blz.`` column header (whatever the
    label shape), or items that are numbered questions each followed by an
    ``Antwoord`` line (shapes 1–2). ``schriftelijke_antwoorden``: items in
    ``Vraag``/``Antwoord`` blocks (shape 4) or ``n. Antwoord:`` answers after
    fractie introductions (shape 3), or a head speaking of *schriftelijke
    antwoorden*. So the difference between the two is the shape of the
    items unless the heading says *lijst*. A *verslag (schriftelijk overleg)*
    that already contains the government's answers is
    ``schriftelijke_antwoorden`` (the answers are what the tracker reads); a
    verslag without answers is ``verslag``. A text without questions that is
    addressed to the Voorzitter or dated ``Den Haag, …`` is ``brief`` (also
    when it is titled *Verslag van de Raad …* or quotes a motion); anything
    else is ``other``.
Title
    1. the heading after a kamerstuk number at the top
       (``36740-V-1 Jaarverslag …`` / ``36 740 V Jaarverslag …``);
    2. a ``Onderwerp``/``Betreft`` line;
    3. the subject in a committee preamble (``… voorgelegd aan de minister
       van X over de brief … inzake <subject> (…)``);
    4. a letter's opening sentence with its formula removed
       (``Hierbij treft u <object> aan <rest>`` → ``<Object> <rest>``,
       ``… informeer ik uw Kamer over <topic>`` → ``<Topic>``), a trailing
       ``op <datum>`` dropped; a sentence without a known formula is kept
       whole;
    5. what the first fractie ``heeft kennisgenomen van`` (verslagen);
    6. otherwise ``""``.
    Capitalised, whitespace-normalised, at most 200 characters.
Kamerstuk
    ``<dossier>-<toevoeging>-<nr>`` without spaces (``35925-V-84``,
    ``21501-02-3236``), the same spelling as motion keys without ``kst-``.
    The running header (``Tweede Kamer, vergaderjaar …, 35 925 V, nr. 84``)
    names the document itself and wins; else the number heading the title
    (for a draft *lijst van vragen* whose own number is not yet filled in, that
    is the kamerstuk the questions are about, e.g. ``36740-V-1``).
Ministry / minister
    From the signature (``De minister van X,`` + name line); else the
    preamble (``voorgelegd aan de minister van X``); else the most frequent
    ``Ministerie van X``. ``minister`` is ``"<name>, Minister van X"`` (the
    OData ``Functie`` spelling) when signed, else the function alone when the
    preamble names it, else None. A ``minister voor X`` (no department of
    its own) gives no ministry by itself.
Items
    ``number`` is the printed number (shapes 1–3, numbered ``Vraag 3``
    labels); unnumbered ``Vraag``/``Antwoord`` blocks are numbered by
    position over the whole document (``"1"``, ``"2"``, …), which is how a
    clerk refers to them. ``member`` is the heading's wording
    (``van der Werf en Klos``); ``party`` the parenthesised party or the
    ``X-fractie``. ``question`` is whitespace-normalised; the spans are
    exact and trimmed of surrounding whitespace. An answer runs to the next
    item's question (or a members' heading); the last one to a closing
    boundary (a Roman-numbered section heading, a signature, ``Bijlage``) or
    the end of the text. In shape 1 trailing lone page-column numbers are
    trimmed off the answer. In shape 3 the question is the run of
    question-like paragraphs (a ``?``, ``X-fractie``, ``deze leden``,
    ``de Minister``) directly above ``n. Antwoord:``, skipping footnotes and
    running headers, starting no earlier than the fractie heading and always
    including at least the nearest paragraph. Running headers and one-line
    page footnotes between a label and its text are trimmed off the spans.
``item_at``
    Half-open ``[question_start, answer_end)``: an offset in a heading or
    cover letter between items belongs to no item.

Speed: line-anchored patterns are scanned newline to newline (see
``_Lines``); ``document_info`` and ``segment`` share one segmentation of the
same string object. About 30–40 MB/s for both together on the corpus
(``segment`` alone about 55 MB/s), on one core.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache

import dateparser

from tracker.extraction.types import DocumentInfo, QAItem

__all__ = ["document_info", "item_at", "segment"]

# --------------------------------------------------------------------------
# Shared patterns
# --------------------------------------------------------------------------


class _Lines:
    """A pattern anchored at the start of a line, found fast.

    ``re`` tests ``^`` (re.M) at every character; a pattern that starts with
    a literal ``\\n`` lets it jump from newline to newline instead (about
    seven times faster on these documents). Matches are re-taken at the line
    start with the bare pattern, so groups and offsets are those of the line.
    """

    __slots__ = ("at", "_scan")

    def __init__(self, body: str, flags: int = 0) -> None:
        self.at = re.compile(body, flags | re.M)
        self._scan = re.compile("\n" + body, flags | re.M)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        if pos == 0 or text[pos - 1] == "\n":
            m = self.at.match(text, pos, end)
            if m:
                yield m
        for hit in self._scan.finditer(text, pos, end):
            m = self.at.match(text, hit.start() + 1, end)
            if m:
                yield m

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)


_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december",
)
_MONTH_NUM = {m: i for i, m in enumerate(_MONTHS, 1)}
_MONTH_RE = "|".join(_MONTHS)

_HEAD_CHARS = 3000  # the "head" of a document: title block, letter header

_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
    "PARSERS": ["absolute-time"],
}

# Document date: line-initial "Den Haag, 28 januari 2026", "Vastgesteld 15
# september 2022", "Datum 3 maart 2025".
_DOC_DATE = _Lines(
    r"[^\S\n]*(?:(?P<lab>Den[^\S\n]+Haag|Vastgesteld|Voorgesteld|Datum)[^\S\n]*[,:]?)[^\S\n]*"
    rf"(?P<d>\d{{1,2}})[^\S\n]+(?P<m>{_MONTH_RE})[^\S\n]+(?P<y>(?:19|20)\d\d)\b",
    re.I,
)
# Answers to Kamervragen: "Antwoord van minister X (…) (ontvangen 5 maart 2025)".
_RECEIVED_DATE = re.compile(
    rf"\(ontvangen\s+(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_RE})\s+(?P<y>(?:19|20)\d\d)\)", re.I
)
# "op 27 januari jl.", "24 en 25 mei jl." (the last day counts): find the
# literal "jl." first, then read the date in the few characters before it.
_JL = re.compile(r"jl\.|jongstleden\b")
_JL_DATE_BEFORE = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_RE})\s+\Z",
    re.I,
)
_VERGADERJAAR = re.compile(r"ergaderjaar\s+((?:19|20)\d\d)\s*[–/-]\s*((?:19|20)\d\d)")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")

# Running header: "Tweede Kamer, vergaderjaar 2021–2022, 35 925 V, nr. 84 2".
_RUNNING_HEADER = _Lines(
    r"[^\S\n]*(?:Tweede|Eerste)[^\S\n]+Kamer(?:[^\S\n]+der[^\S\n]+Staten-Generaal)?,?[^\S\n]+"
    r"vergaderjaar[^\S\n]+\d{4}[^\S\n]*[–/-][^\S\n]*\d{4},[^\S\n]*"
    r"(?P<dossier>\d{2}[^\S\n]?\d{3})(?:(?:[^\S\n]|-)*(?P<suffix>[A-Z]{1,4}|\d{2}))?,[^\S\n]*"
    r"(?:nr\.[^\S\n]*(?P<nr>\d{1,4})|(?P<letter>[A-Z]{1,3})\b)",
)
# Heading line "36740-V-1 Jaarverslag …" / "36 740 V Jaarverslag …".
_DOSSIER_HEADING = re.compile(
    r"^[^\S\n]*(?P<dossier>\d{2}[ ]?\d{3})(?:[ -](?P<suffix>[A-Z]{1,4}|\d{2})(?=[ -]))?"
    r"(?:-(?P<nr>\d{1,4}))?[^\S\n]+(?P<title>[A-Z][^\n]{3,}?)[^\S\n]*$",
    re.M,
)
# "Nr. 27 MOTIE VAN HET LID …" under the dossier heading.
_NR_LINE = re.compile(r"^[^\S\n]*Nr\.?[^\S\n]*(?P<nr>\d{1,4})\b", re.M | re.I)
_SUBJECT_LINE = re.compile(r"^[^\S\n]*(?:Onderwerp|Betreft)[^\S\n]*:?[^\S\n]+(?P<s>\S[^\n]*)$", re.M)

_COMMITTEE = re.compile(
    r"\b(?:vaste|algemene)\s+commissie\s+voor\s+"
    r"(?P<c>[A-Z][^,.;:()\n]*(?:(?:,[^\S\n]*|,?[^\S\n]*\n[^\S\n]*)[A-Za-z][^,.;:()\n]*){0,3})"
)
_COMMITTEE_STOP = re.compile(
    r"\s+(?:heeft|hebben|had|hadden|over|inzake|is|zijn|verzoekt|legt|stelt|van\s+de\s+Tweede)\b.*",
    re.S,
)
_PREAMBLE_SUBJECT = re.compile(
    r"voorgelegd\s+aan\s+de\s+(?:[Mm]inister|[Ss]taatssecretaris)\s+(?:van|voor)\s+[^\n]*?"
    r"\s+over\s+(?:de\s+brief\s+van\s+[^\n]{0,80}?\s+inzake\s+)?(?P<s>[^()]{5,300}?)"
    r"\s*(?:\([^()]*\)\s*)?\.",
    re.S,
)

# Ministries, longest names first so alternation prefers them.
_MINISTRIES = sorted(
    (
        "Algemene Zaken", "Asiel en Migratie",
        "Binnenlandse Zaken en Koninkrijksrelaties", "Buitenlandse Zaken",
        "Defensie", "Economische Zaken en Klimaat", "Economische Zaken",
        "Financiën", "Infrastructuur en Waterstaat", "Infrastructuur en Milieu",
        "Justitie en Veiligheid", "Veiligheid en Justitie", "Klimaat en Groene Groei",
        "Landbouw, Natuur en Voedselkwaliteit",
        "Landbouw, Visserij, Voedselzekerheid en Natuur",
        "Onderwijs, Cultuur en Wetenschap", "Sociale Zaken en Werkgelegenheid",
        "Volksgezondheid, Welzijn en Sport", "Volkshuisvesting en Ruimtelijke Ordening",
    ),
    key=len,
    reverse=True,
)
_MINISTRY_NAME = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in _MINISTRIES)
# Any other department or portfolio: capitalised words joined by spaces,
# commas or "en" ("Buitenlandse Handel en Ontwikkelingshulp").
_OTHER_PORTFOLIO = r"[A-Z][\w'-]*(?:(?:,?\s+en\s+|,\s+|\s+)[A-Z][\w'-]*)*"
_PREAMBLE_MINISTER = re.compile(
    r"voorgelegd\s+aan\s+de\s+(?P<f>[Mm]inister|[Ss]taatssecretaris)\s+(?P<vv>van|voor)\s+"
    rf"(?P<x>{_MINISTRY_NAME}|{_OTHER_PORTFOLIO})"
)
# "Ministerie van X": searched from the literal "inisterie" (fast prefix scan).
_MINISTERIE = re.compile(rf"inisterie\s+van\s+(?P<x>{_MINISTRY_NAME})\b")
_SIGNATURE = _Lines(
    r"[^\S\n]*De[^\S\n]+(?P<f>[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris)"
    r"(?:[^\S\n]+(?P<vv>van|voor)[^\S\n]+(?P<x>[^\n]{3,90}?))?[^\S\n]*,[^\S\n]*\n"
    r"(?:[^\S\n]*\n){0,2}"
    r"[^\S\n]*(?P<name>[A-Z][^\n,;:]{1,60}?)[^\S\n]*$",
)
# A signing name: "D.M. van Weel", "W.B. Hoekstra", "Ruben Brekelmans",
# "Mona Keijzer-de Vries" — not the next line of a sentence.
_PARTICLES = r"(?:van|de|der|den|ter|ten|te|in|het|'t)"
_SURNAME = rf"[A-Z][\w'’]+(?:-(?:{_PARTICLES}[ -])*[A-Z][\w'’]+)*"
_NAME_OK = re.compile(
    rf"(?:(?:[A-Z][a-z]{{0,2}}\.[ ]?)+|[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?[ ])"
    rf"(?:{_PARTICLES}[ ])*{_SURNAME}(?:[ ]{_SURNAME})?"
)

_LETTER_ADDRESS = re.compile(r"^[^\S\n]*(?:\S+[^\S\n]+)?Aan\s+de\s+Voorzi\w{1,3}er\b", re.M)
_MOTIE = re.compile(r"\bDe\s+Kamer,\s+gehoord\s+de\s+beraadslaging", re.I)
# "Lijst van vragen en antwoorden" as a heading (possibly after "Nr. 5"), or
# the "Nr Vraag Blz. (van) t/m" column header.
_LIJST_HEAD = re.compile(
    r"^[^\S\n]*(?:nr\.?[^\S\n]*\d*[^\S\n]+)?lijst[^\S\n]+van[^\S\n]+vragen\b"
    r"|^[^\S\n]*Nr\.?[^\S\n]+Vraag\b",
    re.I | re.M,
)
_SCHRIFTELIJK_HEAD = re.compile(
    r"\bschriftelijke\s+antwoorden\b|\bantwoorden\s+op\s+(?:de\s+)?(?:schriftelijke\s+|Kamer)vragen\b",
    re.I,
)
_VERSLAG_HEAD = re.compile(r"^[^\S\n]*(?:Nr\.?[^\S\n]*\d*[^\S\n]+)?Verslag\b", re.M | re.I)

# --------------------------------------------------------------------------
# Segmentation patterns
# --------------------------------------------------------------------------

# "Antwoord" / "Vraag" labels: alone on their line ("Vraag", "Vraag 3",
# "Antwoord:"), or followed by inline text after a colon ("Antwoord: Ja.") or,
# for questions, after a number ("Vraag 2 Bent u bekend …").
_ANTWOORD = _Lines(
    r"[^\S\n]*Antwoord(?:[^\S\n]+(?P<n>\d{1,3}))?[^\S\n]*(?:[:.][^\S\n]*$|$|:[^\S\n]*(?=\S))",
)
_VRAAG = _Lines(
    r"[^\S\n]*Vraag(?:[^\S\n]+(?P<n>\d{1,3}))?[^\S\n]*"
    r"(?:[:.][^\S\n]*$|$|:[^\S\n]*(?=\S)|(?<=\d)[^\S\n]*[.:]?[^\S\n]+(?=\S))",
)
# Shape 3: "12. Antwoord:" (answer text may follow on the same line).
_NUM_ANTWOORD = _Lines(r"[^\S\n]*(?P<n>\d{1,3})\.[^\S\n]*Antwoord\b[^\S\n]*:?[^\S\n]*")
# Shapes 1/2: a line starting with an item number, with or without text.
_NUM_LINE = _Lines(r"[^\S\n]*(?P<n>\d{1,3})\.?(?:[^\S\n]+(?P<rest>\S[^\n]*?))?[^\S\n]*$")
_MEMBERS_HEADING = _Lines(
    r"[^\S\n]*Vragen[^\S\n]+van[^\S\n]+"
    r"(?:de[^\S\n]+(?:leden[^\S\n]+van[^\S\n]+de[^\S\n]+)?(?P<p2>\S+?)-fractie"
    r"|(?:het[^\S\n]+(?:Kamer)?lid|de[^\S\n]+leden|de[^\S\n]+heer|mevrouw)[^\S\n]+(?P<m>[^\n()]+?)"
    r"(?:[^\S\n]*\((?P<p>[^()\n]+)\))?)[^\S\n]*$",
)
_FRACTIE_HEADING = _Lines(
    r"[^\S\n]*Vragen[^\S\n]+(?:en[^\S\n]+opmerkingen[^\S\n]+)?van[^\S\n]+(?:de[^\S\n]+leden|het[^\S\n]+lid)"
    r"[^\S\n]+van[^\S\n]+de[^\S\n]+(?:(?P<p>\S+?)-fractie|fractie[^\S\n]+van[^\S\n]+(?:de[^\S\n]+)?(?P<p2>[^\n]+?))"
    r"[^\S\n]*$",
)
_SECTION = _Lines(r"[^\S\n]*[IVX]{1,4}\.?[^\S\n]+[A-Z][^\n.?!,;:]{0,70}$")
# After the last answer: a Roman-numbered section or an annex heading (a
# signature, checked with _SIGNATURE, closes it too).
_CLOSING = _Lines(
    r"[^\S\n]*(?:[IVX]{1,4}\.?[^\S\n]+[A-Z][^\n.?!,;:]{0,70}"
    r"|Bijlagen?(?:[^\S\n]+\d+)?[^\S\n]*:?)[^\S\n]*$",
)
_BLANK_RUN = re.compile(r"\n(?:[^\S\n]*\n)+")
# Page furniture that may sit between a label and the text it introduces.
_HEADER_LINE = re.compile(
    r"[^\S\n]*(?:(?:Tweede|Eerste)[^\S\n]+Kamer,[^\S\n]+vergaderjaar"
    r"|Nr\.?[^\S\n]+Vraag[^\S\n]+Blz\.)[^\n]*"  # the lijst's column header, repeated per page
)
# "…genomen? 12 13": the Blz. (van) t/m columns after a question's last line.
_PAGE_COLUMNS = re.compile(r"\?(?:[^\S\n]+\d{1,3}){1,2}[^\S\n]*\Z")
_FOOTNOTE_LINE = re.compile(r"[^\S\n]*\d{1,3}[^\S\n]+\S[^\n]*")
# What makes "12 …" a footnote rather than a sentence that starts with a
# number: it cites something, or (one line) it does not end like a sentence.
_CITATION_CUE = re.compile(r"Kamerstuk|Handelingen|Aanhangsel|https?://|www\.|\bZie\b|\bnr\.\s*\d")
_UNFINISHED = re.compile(r"[^.!?:;\s][^\S\n]*\Z")
_CITATION_START = re.compile(
    r"[^\S\n]*\d{1,3}[^\S\n]+(?:Kamerstuk|Handelingen|Aanhangsel|Zie\b|https?://|www\.)"
)

# Shape-3 paragraph classes.
_TRANSPARENT = re.compile(
    r"\A\s*(?:(?:Tweede|Eerste)\s+Kamer,\s+vergaderjaar|\d{1,3}[^\S\n]+\S|https?://)"
)
_FRACTIE_CUE = re.compile(r"\w-fractie\b|\bfractieleden\b|\bfractie\s+van\b")
_LEDEN_CUE = re.compile(r"\b[Dd]eze\s+leden\b")
_MINISTER_CUE = re.compile(r"\b[Dd]e\s+(?:Minister|Staatssecretaris)\b(?!\s+(?:van|voor)\b)")


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


def _norm(s: str) -> str:
    return " ".join(s.split())


def _question_like(chunk: str) -> bool:
    """Does a paragraph read like the Kamer's question prose (shape 3)?"""
    return (
        "?" in chunk
        or ("fractie" in chunk and _FRACTIE_CUE.search(chunk) is not None)
        or ("leden" in chunk and _LEDEN_CUE.search(chunk) is not None)
        or (
            ("Minister" in chunk or "Staatssecretaris" in chunk)
            and _MINISTER_CUE.search(chunk) is not None
        )
    )


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends with whitespace."""
    seg = text[start:end]
    core = seg.lstrip()
    start += len(seg) - len(core)
    return start, start + len(core.rstrip())


def _trim(text: str, start: int, end: int, *, footnotes: bool) -> tuple[int, int]:
    """Strip whitespace, running headers and (optionally) page footnotes off a span.

    Page breaks put running headers and the page's footnotes between a label
    and its text; they belong to neither the question nor the answer.
    """
    start, end = _strip_span(text, start, end)
    while start < end:
        nl = text.find("\n", start, end)
        if nl < 0:
            break
        if _HEADER_LINE.fullmatch(text, start, nl):
            start, end = _strip_span(text, nl + 1, end)
            continue
        block_end = _footnote_block_end(text, start, end) if footnotes else None
        if block_end is None or block_end >= end:
            break
        start, end = _strip_span(text, block_end, end)
    while start < end:
        ls = text.rfind("\n", start, end) + 1
        if ls <= start:
            break
        if _HEADER_LINE.fullmatch(text, ls, end):
            start, end = _strip_span(text, start, ls)
            continue
        if not footnotes:
            break
        para = _last_paragraph(text, start, end)
        if para <= start or _footnote_block_end(text, para, end) != end:
            break
        start, end = _strip_span(text, start, para)
    return start, end


def _footnote_block_end(text: str, start: int, end: int) -> int | None:
    """Where the page footnote starting at line ``start`` ends (before the next
    blank line), or None when no footnote starts there."""
    nl = text.find("\n", start, end)
    line_end = end if nl < 0 else nl
    if not _FOOTNOTE_LINE.fullmatch(text, start, line_end):
        return None
    blank = _BLANK_RUN.search(text, start, end)
    block_end = blank.start() if blank else end
    lines = text.count("\n", start, block_end) + 1
    cited = _CITATION_CUE.search(text, start, block_end) is not None
    unfinished = _UNFINISHED.search(text, start, line_end) is not None
    if lines == 1:
        return block_end if cited or unfinished else None
    # A footnote running over several lines must cite: right after its number
    # ("9 Kamerstukken 36200 V, J …"), or with a first line that breaks off.
    if lines > 6 or not cited:
        return None
    return block_end if unfinished or _CITATION_START.match(text, start, line_end) else None


def _last_paragraph(text: str, start: int, end: int) -> int:
    """Start of the last paragraph of text[start:end] (looking back 8 lines)."""
    pos = end
    for _ in range(8):
        nl = text.rfind("\n", start, pos)
        if nl < 0:
            return start
        prev = max(start, text.rfind("\n", start, nl) + 1)
        if not text[prev:nl].strip():
            return nl + 1
        pos = nl
    return start


@lru_cache(maxsize=4096)
def _parse_date(day: int, month: str, year: int) -> date | None:
    """Parse an absolute Dutch date with dateparser (a few calls per document)."""
    parsed = dateparser.parse(
        f"{day} {month.lower()} {year}", languages=["nl"], settings=_DATEPARSER_SETTINGS
    )
    return parsed.date() if parsed else None


def _kamerstuk(dossier: str, suffix: str | None, nr: str | None) -> str:
    parts = ["".join(dossier.split())]
    if suffix:
        parts.append(suffix.upper())
    if nr:
        parts.append(nr)
    return "-".join(parts)


def _capitalise(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _clean_title(s: str) -> str:
    s = _norm(s)
    s = re.sub(r"^(?:de|het|een)\s+", "", s, flags=re.I)
    s = re.sub(r"\s*\([^()]*\)\s*$", "", s)  # trailing "(36740-V-1, nr. 1)"
    s = s.rstrip(" .:;,")
    if len(s) > 200:
        s = s[:200].rsplit(" ", 1)[0] + "…"
    return _capitalise(s)


# --------------------------------------------------------------------------
# document_info
# --------------------------------------------------------------------------


def document_info(text: str) -> DocumentInfo:
    """Metadata of a repaired document: date, kind, title, kamerstuk, people."""
    head = text[:_HEAD_CHARS]
    info = DocumentInfo()

    kamerstuk, heading_title = _kamerstuk_and_heading(text, head)
    info.kamerstuk = kamerstuk
    info.committee = _committee(head)
    info.ministry, info.minister = _ministry_and_minister(text, head)
    info.kind = _kind(text, head)
    info.title = heading_title or _title(text, head)
    info.reference_date, info.reference_date_source = _reference_date(text, info.title)
    return info


def _kamerstuk_and_heading(text: str, head: str) -> tuple[str | None, str]:
    heading = _DOSSIER_HEADING.search(head)
    title = _clean_title(heading["title"]) if heading else ""
    m = _RUNNING_HEADER.search(text)
    if m:
        return _kamerstuk(m["dossier"], m["suffix"], m["nr"] or m["letter"]), title
    if heading:
        nr = heading["nr"]
        if nr is None:
            below = _NR_LINE.search(head, heading.end(), heading.end() + 300)
            nr = below["nr"] if below else None
        return _kamerstuk(heading["dossier"], heading["suffix"], nr), title
    return None, title


def _committee(head: str) -> str | None:
    m = _COMMITTEE.search(head)
    if not m:
        return None
    name = _COMMITTEE_STOP.sub("", m["c"])
    return _norm(name) or None


def _ministry_and_minister(text: str, head: str) -> tuple[str | None, str | None]:
    ministry: str | None = None
    minister: str | None = None
    for sig in _signatures(text):
        name = sig["name"].strip()
        function = _capitalise(sig["f"])
        if sig["x"]:
            function += f" {sig['vv']} {_norm(sig['x'])}"
            if sig["vv"] == "van":
                ministry = _norm(sig["x"])
        minister = f"{name}, {function}"
        break
    if minister is None:
        pre = _PREAMBLE_MINISTER.search(head)
        if pre:
            x = _norm(pre["x"])
            minister = f"{_capitalise(pre['f'])} {pre['vv']} {x}"
            if pre["vv"] == "van" and ministry is None:
                ministry = x
    if ministry is None:
        counts = Counter(
            _norm(m["x"])
            for m in _MINISTERIE.finditer(text)
            if m.start() > 0 and text[m.start() - 1] in "Mm"
        )
        if counts:
            ministry = counts.most_common(1)[0][0]
    return ministry, minister


def _kind(text: str, head: str) -> str:
    letter = _LETTER_ADDRESS.search(head) is not None
    dated_letter = any(m["lab"][:3].lower() == "den" for m in _DOC_DATE.finditer(head))
    if not (letter or dated_letter) and _MOTIE.search(head):
        return "motie"
    lijst = _LIJST_HEAD.search(head) is not None
    shape, items = _segment(text)
    if items:
        return "lijst_van_vragen" if lijst or shape == "numbered" else "schriftelijke_antwoorden"
    if lijst:
        return "lijst_van_vragen"
    if _SCHRIFTELIJK_HEAD.search(head):
        return "schriftelijke_antwoorden"
    if letter:
        return "brief"
    if _VERSLAG_HEAD.search(head):
        return "verslag"
    return "brief" if dated_letter else "other"


_LETTER_FORMULA_U = re.compile(
    r"^(?:Hierbij|Hiermee|Bijgaand|Met\s+deze\s+brief|Via\s+deze\s+brief)\s+\w+\s+(?:ik\s+)?u\s+"
    r"(?:,[^,]*,\s*)?(?P<obj>.+)$",
    re.S,
)
# The separable particle of "treft u … aan" / "bied ik u … aan".
_PARTICLE_AAN = re.compile(
    r"\s+aan\b(?=\s+(?:op|over|inzake|betreffende|naar|met|ter|in|van)\b|\s*[.,]?\s*$)"
)
_LETTER_FORMULA_OVER = re.compile(
    r"\b(?:ik|wij|het\s+kabinet)\s+(?:uw|de)\s+Kamer\s+(?:\w+\s+){0,3}?over\s+(?P<topic>.+)$",
    re.S,
)
_TRAILING_DATE = re.compile(
    rf"\s+(?:op|van|d\.d\.)\s+\d{{1,2}}\s+(?:{_MONTH_RE})(?:\s+(?:\d{{4}}|jl\.))?\s*\.?\s*$",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<!\bjl)(?<!\bnr)(?<!\bo\.a)\.(?=\s+[A-Z]|\s*\Z)")
_KENNISGENOMEN = re.compile(
    r"-fractie\w*\s+hebben\s+(?:\w+\s+){0,3}?kennisgenomen\s+van\s+(?P<s>[^.]{5,250})\."
)


def _title(text: str, head: str) -> str:
    m = _SUBJECT_LINE.search(head)
    if m:
        return _clean_title(m["s"])
    m = _PREAMBLE_SUBJECT.search(head)
    if m:
        return _clean_title(m["s"])
    sentence = _opening_sentence(text, head)
    if sentence:
        m = _LETTER_FORMULA_U.match(sentence)
        if m:
            sentence = _PARTICLE_AAN.sub("", m["obj"], count=1)
        else:
            m = _LETTER_FORMULA_OVER.search(sentence)
            if m:
                sentence = m["topic"]
        return _clean_title(_TRAILING_DATE.sub("", _norm(sentence)))
    m = _KENNISGENOMEN.search(head)
    if m:
        return _clean_title(m["s"])
    return ""


def _opening_sentence(text: str, head: str) -> str:
    """First sentence of a letter's body (after its date line or address)."""
    anchor = _DOC_DATE.search(head)
    if anchor is None or anchor["lab"][:3].lower() != "den":
        anchor = _LETTER_ADDRESS.search(head)
        if anchor is None:
            return ""
        pos = text.find("\n", anchor.end())
    else:
        pos = anchor.end()
    if pos < 0:
        return ""
    rest = text[pos : pos + 1500]
    for para in _BLANK_RUN.split(rest):
        p = para.strip()
        if not p or p.startswith(("Geachte", "Den Haag")) or len(p) < 15:
            continue
        end = _SENTENCE_END.search(p)
        return p[: end.start()] if end else p
    return ""


def _context_year(text: str, title: str, month: int) -> int | None:
    m = _VERGADERJAAR.search(text)
    if m:
        return int(m[1]) if month >= 9 else int(m[2])
    years = _YEAR.findall(title)
    if not years:
        return None
    y = int(years[-1])
    low = title.lower()
    if "jaarverslag" in low or "slotwet" in low or "verantwoording" in low:
        return y + 1
    if "begroting" in low:
        return y - 1 if month >= 9 else y
    return y


def _reference_date(text: str, title: str) -> tuple[date | None, str | None]:
    for m in _DOC_DATE.finditer(text):
        if m["lab"].lower() == "datum" and m.start() > _HEAD_CHARS:
            continue  # a "Datum …" line deep in the text is a table row, not the letter's date
        d = _parse_date(int(m["d"]), m["m"], int(m["y"]))
        if d:
            return d, "document"
    m = _RECEIVED_DATE.search(text, 0, _HEAD_CHARS)
    if m:
        d = _parse_date(int(m["d"]), m["m"], int(m["y"]))
        if d:
            return d, "document"
    seen: set[tuple[int, int]] = set()
    for jl in _JL.finditer(text):
        m = _JL_DATE_BEFORE.search(text, max(0, jl.start() - 30), jl.start())
        if m and 1 <= int(m["d"]) <= 31:
            seen.add((_MONTH_NUM[m["m"].lower()], int(m["d"])))
    if not seen:
        return None, None
    ordered = sorted(seen)
    # The latest date sits just before the largest gap on the circular calendar.
    doy = [(mo - 1) * 31 + dy for mo, dy in ordered]
    best_i, best_gap = len(ordered) - 1, -1
    for i in range(len(ordered)):
        nxt = doy[(i + 1) % len(doy)] + (372 if i + 1 == len(doy) else 0)
        gap = nxt - doy[i]
        if gap > best_gap:
            best_i, best_gap = i, gap
    month, day = ordered[best_i]
    year = _context_year(text, title, month)
    if year is None:
        return None, None
    d = _parse_date(day, _MONTHS[month - 1], year)
    return (d, "inferred") if d else (None, None)


# --------------------------------------------------------------------------
# segment
# --------------------------------------------------------------------------


def segment(text: str) -> list[QAItem]:
    """Question/answer items of a repaired document, in document order."""
    return list(_segment(text)[1])


# document_info() needs the segmentation to decide the kind and the pipeline
# then calls segment() on the same string: remember the last result, keyed on
# the identity of the (immutable) text object, so the work is done once.
_last: tuple[str, tuple[str | None, list[QAItem]]] | None = None


def _segment(text: str) -> tuple[str | None, list[QAItem]]:
    global _last
    last = _last
    if last is not None and last[0] is text:
        return last[1]
    result = _segment_uncached(text)
    _last = (text, result)
    return result


def _segment_uncached(text: str) -> tuple[str | None, list[QAItem]]:
    """Try every shape; the one that finds the most items wins (ties: first)."""
    antwoord = list(_ANTWOORD.finditer(text))
    best: tuple[str | None, list[QAItem]] = (None, [])
    blocks = _segment_blocks(text, antwoord)
    if blocks:
        best = ("blocks", blocks)
        if len(blocks) >= len(antwoord):
            return best  # every "Antwoord" is used: numbering cannot do better
    fracties = _segment_fracties(text)
    if len(fracties) > len(best[1]):
        best = ("fracties", fracties)
    if len(antwoord) > len(best[1]):  # one item per "Antwoord" line at most
        numbered = _segment_numbered(text, antwoord)
        if len(numbered) > len(best[1]):
            best = ("numbered", numbered)
    return best


def _signatures(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """Signature blocks ("De minister van X," + a name line) in text[pos:endpos]."""
    for sig in _SIGNATURE.finditer(text, pos, endpos):
        if _NAME_OK.fullmatch(sig["name"].strip()):
            yield sig


def _last_answer_end(text: str, start: int) -> int:
    m = _CLOSING.search(text, start)
    end = m.start() if m else len(text)
    sig = next(_signatures(text, start, end), None)
    return sig.start() if sig else end


# Shapes 1 and 2 ------------------------------------------------------------


def _segment_numbered(text: str, labels: list[re.Match[str]]) -> list[QAItem]:
    if not labels:
        return []
    lines = [
        m for m in _NUM_LINE.finditer(text)
        if not (m["rest"] and m["rest"].startswith("Antwoord"))
    ]
    inline = [m for m in lines if m["rest"]]
    alone = [m for m in lines if not m["rest"]]
    a = _numbered_with(text, labels, inline, inline=True)
    b = _numbered_with(text, labels, alone, inline=False)
    return a if len(a) >= len(b) else b


def _numbered_with(
    text: str, labels: list[re.Match[str]], cands: list[re.Match[str]], *, inline: bool
) -> list[QAItem]:
    if not cands:
        return []
    # Candidate positions per printed number, so each lookup is a bisect.
    by_number: dict[int, list[int]] = {}
    for idx, c in enumerate(cands):
        by_number.setdefault(int(c["n"]), []).append(idx)
    starts = [c.start() for c in cands]

    def last_with(number: int, lo: int, hi: int) -> re.Match[str] | None:
        idxs = by_number.get(number)
        if not idxs:
            return None
        j = bisect_right(idxs, hi - 1) - 1
        return cands[idxs[j]] if j >= 0 and idxs[j] >= lo else None

    chosen: list[tuple[re.Match[str], re.Match[str]]] = []  # (number line, label)
    expected: int | None = None
    boundary = 0
    for label in labels:
        # Candidates between the previous chosen label and this one.
        lo = bisect_right(starts, boundary - 1)
        hi = bisect_right(starts, label.start() - 1)
        if lo >= hi:
            continue
        if expected is None:
            pick = last_with(1, lo, hi) or cands[hi - 1]
        else:
            # The next number, tolerating up to two missing ones; else a list
            # that starts again at 1.
            pick = (
                last_with(expected, lo, hi)
                or last_with(expected + 1, lo, hi)
                or last_with(expected + 2, lo, hi)
                or last_with(1, lo, hi)
            )
        if pick is None:
            continue  # an "Antwoord" line inside the previous answer
        chosen.append((pick, label))
        expected = int(pick["n"]) + 1
        boundary = label.end()
    if len(chosen) < 2 and not (chosen and int(chosen[0][0]["n"]) == 1):
        return []

    items: list[QAItem] = []
    for i, (line, label) in enumerate(chosen):
        q_from = line.start("rest") if inline else line.end()
        qs, qe = _trim(text, q_from, label.start(), footnotes=False)
        cols = _PAGE_COLUMNS.search(text, max(qs, qe - 12), qe)
        if cols:
            qe = cols.start() + 1
        a_limit = chosen[i + 1][0].start() if i + 1 < len(chosen) else _last_answer_end(
            text, label.end()
        )
        as_, ae = _trim(text, label.end(), a_limit, footnotes=False)
        if inline:  # a lone number closing the answer is the next row's "Blz." cell
            while as_ < ae:
                ls = text.rfind("\n", as_, ae) + 1
                if ls <= as_ or not text[ls:ae].isdigit():
                    break
                as_, ae = _strip_span(text, as_, ls)
        items.append(QAItem(line["n"], _norm(text[qs:qe]), qs, qe, as_, max(as_, ae)))
    return items


# Shape 3 -------------------------------------------------------------------


def _segment_fracties(text: str) -> list[QAItem]:
    labels = list(_NUM_ANTWOORD.finditer(text))
    if not labels:
        return []
    headings = list(_FRACTIE_HEADING.finditer(text))
    heading_starts = [h.start() for h in headings]
    sections = list(_SECTION.finditer(text))
    section_starts = [s.start() for s in sections]

    prev_end = 0  # end of the previous label (start of the previous answer)
    q_spans: list[tuple[int, int]] = []
    for label in labels:
        lo = prev_end
        # A fractie heading or section heading between the answers bounds the question.
        floor = lo
        hi_h = bisect_right(heading_starts, label.start()) - 1
        if hi_h >= 0 and headings[hi_h].start() >= lo:
            floor = max(floor, headings[hi_h].end())
        hi_s = bisect_right(section_starts, label.start()) - 1
        if hi_s >= 0 and sections[hi_s].start() >= lo:
            floor = max(floor, sections[hi_s].end())
        # Without a heading in between, the region starts with the previous
        # answer, whose first paragraph is never part of this question.
        keeps_answer = floor == lo and bool(q_spans)
        q_spans.append(_question_above(text, floor, label.start(), keeps_answer))
        prev_end = label.end()

    items: list[QAItem] = []
    for i, label in enumerate(labels):
        qs, qe = q_spans[i]
        if i + 1 < len(labels):
            limit = q_spans[i + 1][0]
            # A heading between this answer and the next question ends the answer.
            j = bisect_right(heading_starts, limit) - 1
            if j >= 0 and headings[j].start() >= label.end():
                limit = min(limit, headings[j].start())
            k = bisect_right(section_starts, limit) - 1
            if k >= 0 and sections[k].start() >= label.end():
                limit = min(limit, sections[k].start())
        else:
            limit = _last_answer_end(text, label.end())
        as_, ae = _trim(text, label.end(), limit, footnotes=True)
        party = None
        h = bisect_right(heading_starts, qs) - 1
        if h >= 0:
            party = headings[h]["p"] or _norm(headings[h]["p2"] or "") or None
        items.append(
            QAItem(label["n"], _norm(text[qs:qe]), qs, qe, as_, max(as_, ae), party=party)
        )
    return items


def _question_above(text: str, lo: int, hi: int, keeps_answer: bool) -> tuple[int, int]:
    """Span of the question paragraphs directly above an ``n. Antwoord:`` label."""
    paras: list[tuple[int, int]] = []
    pos = lo
    for sep in _BLANK_RUN.finditer(text, lo, hi):
        s, e = _strip_span(text, pos, sep.start())
        if s < e:
            paras.append((s, e))
        pos = sep.end()
    s, e = _strip_span(text, pos, hi)
    if s < e:
        paras.append((s, e))
    if not paras:
        return hi, hi
    first_allowed = 1 if keeps_answer and len(paras) > 1 else 0
    start_idx: int | None = None
    i = len(paras) - 1
    while i >= first_allowed:
        ps, pe = paras[i]
        chunk = text[ps:pe]
        if _TRANSPARENT.match(chunk):
            i -= 1
            continue
        if "\n" not in chunk and _SECTION.at.match(chunk):
            break
        if start_idx is None or _question_like(chunk):
            start_idx = i
            i -= 1
            continue
        break
    if start_idx is None:
        start_idx = len(paras) - 1
    return _trim(text, paras[start_idx][0], paras[-1][1], footnotes=True)


# Shape 4 -------------------------------------------------------------------


def _segment_blocks(text: str, antwoord: list[re.Match[str]]) -> list[QAItem]:
    if not antwoord:
        return []
    vraag = list(_VRAAG.finditer(text))
    if not vraag:
        return []
    headings = list(_MEMBERS_HEADING.finditer(text))
    heading_starts = [h.start() for h in headings]
    events = sorted([(m.start(), 0, m) for m in vraag] + [(m.start(), 1, m) for m in antwoord],
                    key=lambda t: t[0])

    # Pair each Vraag label with the first Antwoord label before the next Vraag.
    pairs: list[tuple[re.Match[str], re.Match[str] | None]] = []
    for _, is_answer, m in events:
        if not is_answer:
            pairs.append((m, None))
        elif pairs and pairs[-1][1] is None:
            pairs[-1] = (pairs[-1][0], m)
    items: list[QAItem] = []
    for i, (q, a) in enumerate(pairs):
        next_q = pairs[i + 1][0].start() if i + 1 < len(pairs) else None
        q_limit = a.start() if a else (next_q if next_q is not None else len(text))
        h = bisect_right(heading_starts, q_limit) - 1
        if a is None and h >= 0 and headings[h].start() > q.end():
            q_limit = headings[h].start()
        qs, qe = _trim(text, q.end(), q_limit, footnotes=True)
        if a is not None:
            limit = next_q if next_q is not None else _last_answer_end(text, a.end())
            h = bisect_right(heading_starts, limit) - 1
            if h >= 0 and headings[h].start() >= a.end():
                limit = headings[h].start()
            as_, ae = _trim(text, a.end(), limit, footnotes=True)
        else:
            as_ = ae = qe
        member = party = None
        h = bisect_right(heading_starts, q.start()) - 1
        if h >= 0:
            hd = headings[h]
            member = _norm(hd["m"]) if hd["m"] else None
            party = _norm(hd["p"] or hd["p2"] or "") or None
        number = q["n"] or str(i + 1)
        items.append(QAItem(number, _norm(text[qs:qe]), qs, qe, as_, max(as_, ae),
                            member=member, party=party))
    return items


# --------------------------------------------------------------------------
# item_at
# --------------------------------------------------------------------------


def item_at(items: Sequence[QAItem], offset: int) -> QAItem | None:
    """The item whose question-or-answer span [question_start, answer_end) holds offset.

    ``items`` must be in document order, as :func:`segment` returns them.
    """
    i = bisect_right(items, offset, key=lambda it: it.question_start) - 1
    if i >= 0 and offset < items[i].answer_end:
        return items[i]
    return None
