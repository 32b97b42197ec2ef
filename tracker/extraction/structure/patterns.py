"""Line-anchored patterns of the document structure: dates, headings, signatures, labels."""

from __future__ import annotations

import re
from collections.abc import Iterator


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


class _Gated:
    """A regex that cannot match unless one of its literal words occurs.

    A C-speed ``in`` check over the text comes first; most documents lack the
    word, and the regex (often IGNORECASE, or starting with ``\\b``, which
    ``re`` cannot skip ahead for) is never run. ``fold`` checks the lower-cased
    text (for IGNORECASE patterns; the words must avoid the letters that
    IGNORECASE folds specially, i, k and s).
    """

    __slots__ = ("rx", "_words", "_fold")

    def __init__(self, rx: re.Pattern[str], words: tuple[str, ...], *, fold: bool = False) -> None:
        self.rx, self._words, self._fold = rx, words, fold

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        subject = text.lower() if self._fold else text
        if not any(word in subject for word in self._words):
            return None
        return self.rx.search(text, pos, len(text) if endpos is None else endpos)


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

_COMMITTEE = _Gated(re.compile(
    r"\b(?:vaste|algemene)\s+commissie\s+voor\s+"
    r"(?P<c>[A-Z][^,.;:()\n]*(?:(?:,[^\S\n]*|,?[^\S\n]*\n[^\S\n]*)[A-Za-z][^,.;:()\n]*){0,3})"
), ("commissie",))
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
# Other signature shapes: on one line ("De Minister van Justitie en Veiligheid, F.B.J. Grapperhaus") or in capitals
# without the comma, with an academic title ("DE STAATSSECRETARIS VAN DEFENSIE" / "drs. J.G. de Vries").
_TITLES = r"(?:(?:drs|dr|mr|ir|ing|prof|ds)\.?[^\S\n]+)*"
_SIGNATURE_LINE = _Lines(
    r"[^\S\n]*(?i:de)[^\S\n]+(?P<f>(?i:minister(?:-president)?|staatssecretaris))"
    r"(?:[^\S\n]+(?P<vv>(?i:van|voor))[^\S\n]+(?P<x>[^\n]{3,90}))?[^\S\n]*,[^\S\n]*"
    rf"{_TITLES}(?P<name>[A-Z][^\n,;:]{{1,60}}?)[^\S\n]*$",
)
_SIGNATURE_CAPS = _Lines(
    r"[^\S\n]*DE[^\S\n]+(?P<f>MINISTER(?:-PRESIDENT)?|STAATSSECRETARIS)"
    r"(?:[^\S\n]+(?P<vv>VAN|VOOR)[^\S\n]+(?P<x>[A-ZÀ-Þ ,-]{3,90}?))?[^\S\n]*,?[^\S\n]*\n(?:[^\S\n]*\n){0,2}"
    rf"[^\S\n]*{_TITLES}(?P<name>[A-Z][^\n,;:]{{1,60}}?)[^\S\n]*$",
)
# The head of a Kamerstuk letter: "BRIEF VAN DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN MILIEU".
_LETTER_OF = re.compile(
    r"^[^\S\n]*(?:Nr\.[^\S\n]*\d+[^\S\n]+)?BRIEF[^\S\n]+VAN[^\S\n]+DE[^\S\n]+(?P<f>MINISTER(?:-PRESIDENT)?|STAATSSECRETARIS)"
    r"(?:[^\S\n]+(?P<vv>VAN|VOOR)[^\S\n]+(?P<x>[A-ZÀ-Þ ,-]{3,90}?))?[^\S\n]*$",
    re.M,
)
# Co-signatories in the opening of a letter: "Mede namens de minister van Defensie en de staatssecretaris van …,".
_CO_SIGNED = re.compile(
    r"\b[Mm]ede\s+namens\s+(?P<who>(?:(?:de|het)\s+(?:[Mm]inister|[Ss]taatssecretaris|[Mm]inisters)|mijn\s+(?:ambtgeno\w+|collega\S*))\b[^,.;:()\n]{0,160}?)"
    r"(?=\s*[,.;:(]|\s+(?:informeer|bied|stuur|zend|doe|geef|bericht|reageer|ga|wil|deel|kom|heb|treft|zal)\b)"
)
# A signing name: "D.M. van Weel", "W.B. Hoekstra", "Ruben Brekelmans",
# "Mona Keijzer-de Vries" — not the next line of a sentence.
_PARTICLES = r"(?:van|de|der|den|ter|ten|te|in|het|'t)"
_SURNAME = rf"[A-Z][\w'’]+(?:-(?:{_PARTICLES}[ -])*[A-Z][\w'’]+)*"
_NAME_OK = re.compile(
    rf"(?:(?:[A-Z][a-z]{{0,2}}\.[ ]?)+|[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?[ ])"
    rf"(?:{_PARTICLES}[ ])*{_SURNAME}(?:[ ]{_SURNAME})?"
)

_LETTER_ADDRESS = _Gated(
    re.compile(r"^[^\S\n]*(?:\S+[^\S\n]+)?Aan\s+de\s+Voorzi\w{1,3}er\b", re.M), ("Voorzi",)
)
_MOTIE = _Gated(re.compile(r"\bDe\s+Kamer,\s+gehoord\s+de\s+beraadslaging", re.I), ("gehoord",), fold=True)
# "Lijst van vragen en antwoorden" as a heading (possibly after "Nr. 5"), or
# the "Nr Vraag Blz. (van) t/m" column header.
_LIJST_HEAD = _Gated(re.compile(
    r"^[^\S\n]*(?:nr\.?[^\S\n]*\d*[^\S\n]+)?lijst[^\S\n]+van[^\S\n]+vragen\b"
    r"|^[^\S\n]*Nr\.?[^\S\n]+Vraag\b",
    re.I | re.M,
), ("vra",), fold=True)
_SCHRIFTELIJK_HEAD = _Gated(re.compile(
    r"\bschriftelijke\s+antwoorden\b|\bantwoorden\s+op\s+(?:de\s+)?(?:schriftelijke\s+|Kamer)vragen\b",
    re.I,
), ("antwoorden",), fold=True)
_VERSLAG_HEAD = _Gated(
    re.compile(r"^[^\S\n]*(?:Nr\.?[^\S\n]*\d*[^\S\n]+)?Verslag\b", re.M | re.I), ("lag",), fold=True
)


# "Antwoord" / "Vraag" labels: alone on their line ("Vraag", "Vraag 3",
# "Antwoord:"), or followed by inline text after a colon ("Antwoord: Ja.") or,
# for questions, after a number ("Vraag 2 Bent u bekend …").
# Ministries number them in many ways: "Antwoord 3", "Antwoord op vraag 3:", "Antwoord op vragen 3 en 4",
# "Vragen 2, 3 en 4", "Vraag 5 t/m 7", "Antwoord 1. Ja." (the item takes the first number).
_MORE_NUMBERS = r"(?:[^\S\n]*(?:,|en|t/m|tot[^\S\n]+en[^\S\n]+met|[-–])[^\S\n]*\d{1,3}(?!\d))*"
_ANTWOORD = _Lines(
    r"[^\S\n]*Antwoord(?:[^\S\n]+op[^\S\n]+(?:de[^\S\n]+)?vra(?:ag|gen)(?=[^\S\n]+\d))?"
    rf"(?:[^\S\n]+(?P<n>\d{{1,3}}){_MORE_NUMBERS})?[^\S\n]*"
    r"(?:[:.][^\S\n]*$|$|:[^\S\n]*(?=\S)|(?<=\d)[^\S\n]*[.:][^\S\n]+(?=\S))",
)
_VRAAG = _Lines(
    rf"[^\S\n]*(?:Vraag|Vragen(?=[^\S\n]+\d))(?:[^\S\n]+(?P<n>\d{{1,3}}){_MORE_NUMBERS})?[^\S\n]*"
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
    r"(?:[^\S\n]*\((?P<p>[^()\n]+)\))?)"
    # the title line of an answer document runs on: "… (GL) aan de minister van … over … (ingezonden …)."
    r"(?:[^\S\n]+(?:aan|over)[^\S\n]+[^\n]*)?[^\S\n]*$",
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
