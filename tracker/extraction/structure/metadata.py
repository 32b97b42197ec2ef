"""document_info: date, kind, title, kamerstuk, committee, ministry and minister of a document."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from tracker.extraction.prefilter import required_words
from tracker.extraction.structure.items import _segment
from tracker.extraction.structure.patterns import (
    _BLANK_RUN,
    _CO_SIGNED,
    _COMMITTEE,
    _COMMITTEE_STOP,
    _DOC_DATE,
    _DOSSIER_HEADING,
    _HEAD_CHARS,
    _JL,
    _JL_DATE_BEFORE,
    _LETTER_ADDRESS,
    _LETTER_OF,
    _LIJST_HEAD,
    _MINISTERIE,
    _MONTH_NUM,
    _MONTH_RE,
    _MONTHS,
    _MOTIE,
    _NAME_OK,
    _NR_LINE,
    _PREAMBLE_MINISTER,
    _PREAMBLE_SUBJECT,
    _RECEIVED_DATE,
    _RUNNING_HEADER,
    _SCHRIFTELIJK_HEAD,
    _SIGNATURE_CAPS,
    _SIGNATURE_LINE,
    _SUBJECT_LINE,
    _VERGADERJAAR,
    _VERSLAG_HEAD,
    _YEAR,
    _Gated,
)
from tracker.extraction.structure.text import (
    _capitalise,
    _clean_title,
    _kamerstuk,
    _norm,
    _parse_date,
    _signatures,
)
from tracker.extraction.types import DocumentInfo


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


# "Antwoord van minister X (Ministry)", "Mededeling van staatssecretaris Y (Ministry)".
_ANSWERED_BY = _Gated(re.compile(
    r"\b(?:Antwoord|Mededeling)\s+van\s+(?:de\s+)?(?P<f>[Mm]inister|[Ss]taatssecretaris)\s+"
    r"(?P<name>[A-Z][^\n()]{1,50}?)\s*\((?P<x>[A-Z][^()\n]{2,80})\)"
), ("Antwoord", "Mededeling"))


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
        for sig in (*_SIGNATURE_LINE.finditer(text), *_SIGNATURE_CAPS.finditer(text)):
            name = sig["name"].strip()
            if not _NAME_OK.fullmatch(name):
                continue
            function, x = _function(sig["f"], sig["vv"], sig["x"])
            if sig["vv"] and sig["vv"].lower() == "van":
                ministry = x
            minister = f"{name}, {function}"
            break
    if minister is None:
        # A Kamerstuk letter's head names the function only: "BRIEF VAN DE STAATSSECRETARIS VAN …".
        head_of = _LETTER_OF.search(head)
        if head_of:
            minister, x = _function(head_of["f"], head_of["vv"], head_of["x"])
            if head_of["vv"] and head_of["vv"].lower() == "van":
                ministry = x
    if minister is None:
        # Answers to Kamervragen: "Antwoord van staatssecretaris De Vries (Financiën)".
        ans = _ANSWERED_BY.search(head)
        if ans:
            x = _norm(ans["x"])
            minister = f"{_norm(ans['name'])}, {_capitalise(ans['f'].lower())} van {x}"
            ministry = ministry or x
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


def co_signatories(text: str) -> str | None:
    """Who else a letter speaks for ("Mede namens de minister van Defensie, informeer ik …"), lower-cased
    roles, from the first such phrase in the letter's opening."""
    m = _CO_SIGNED.search(text, 0, _HEAD_CHARS + 3000) if _may_co_sign(text) else None
    if m is None:
        return None
    who = re.sub(r"\b(Minister|Staatssecretaris|Ministers)\b", lambda r: r.group(1).lower(), _norm(m["who"]))
    who = re.sub(r"^mijn\s+(?:ambtgeno\w+|collega\S*)\s+(?=[A-Z])", "", who)  # "mijn ambtgenoot Jan de Wit van …"
    return re.sub(r"^mijn\s+", "de ", who)


_CO_SIGNED_WORDS = required_words(_CO_SIGNED)


def _may_co_sign(text: str) -> bool:
    """A plain substring test in the opening before the co-signing pattern tries every position."""
    if _CO_SIGNED_WORDS is None:
        return True
    return any(text.find(w, 0, _HEAD_CHARS + 3000) >= 0 for w in _CO_SIGNED_WORDS)


_SMALL_WORDS = frozenset({"en", "van", "voor", "de", "het", "der"})


def _function(f: str, vv: str | None, x: str | None) -> tuple[str, str | None]:
    """"Staatssecretaris van Defensie" from a signature or head in any case ("STAATSSECRETARIS VAN DEFENSIE")."""
    function = _capitalise(f.lower())
    if not x:
        return function, None
    name = _norm(x).rstrip(",")
    if name.isupper():
        name = " ".join(w.lower() if w.lower() in _SMALL_WORDS else w.capitalize() for w in name.split())
    return f"{function} {vv.lower() if vv else 'van'} {name}", name


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
