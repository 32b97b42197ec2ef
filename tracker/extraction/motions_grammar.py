"""The grammar of one motion citation: ``motie`` + names, party, ``c.s.``, numbers.

``parse_hit`` reads what follows one ``motie``/``moties`` word into raw citations;
``tracker.extraction.motions.find_citations`` then settles their keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.lexicon.actors import GOVERNMENT_ROLES, MEMBER_TITLES
from tracker.extraction.lexicon.motions import (
    DOCUMENT_HEADS,
    FUNCTION_WORDS,
    INSTITUTION_WORDS,
    LOCATIVE_PREPOSITIONS,
    PARTIES,
)
from tracker.extraction.motions_refs import (
    HS,
    LO,
    REF_RE,
    REF_WORD,
    S0,
    S1,
    UP,
    Ref,
    norm_ws,
    refs_at,
)

# --------------------------------------------------------------------------
# Citation grammar
# --------------------------------------------------------------------------

# The letter check stands after the literal so that ``re`` can skip ahead to
# each "motie" (four times faster than a leading lookbehind; same matches).
HIT_RE = re.compile(r"motie(?<![^\W\d_]motie)(s)?(?![^\W\d_])", re.I)

_PARTY = "(?:" + "|".join(re.escape(p) for p in PARTIES) + ")"
_PARTY_BEFORE_RE = re.compile(rf"(?<![\w-])(?P<party>{_PARTY})-\Z")
_PARTY_OF_RE = re.compile(
    rf"{S1}(?i:van){S1}(?:(?i:de){S1})?(?P<party>{_PARTY})(?:-(?i:fractie))?(?![\w-])"
)
# How a speaker or a letter names the members: "van het lid", "van de leden",
# "van de heer", "van mevrouw"; after a stuk number also ", van" and "is van".
_TITLE = rf"(?:(?i:de){S1}(?i:heer|heren|dames)|(?i:mevrouw|mw\.)|(?i:het){S1}(?i:lid)|(?i:de){S1}(?i:leden))"
_MEMBERS_OF_RE = re.compile(rf"{S1}(?i:van){S1}{_TITLE}{S1}")
_MEMBERS_AFTER_STUK_RE = re.compile(rf",?{S1}(?:(?i:is){S1})?(?i:van){S1}{_TITLE}{S1}")
# "Deze motie is voorgesteld door de leden X en Y." just before "Zij krijgt nr. N (dossier)".
_SUBMITTED_RE = re.compile(
    rf"{S1}(?i:is){S1}(?i:voorgesteld){S1}(?i:door){S1}(?:(?i:het){S1}(?i:lid)|(?i:de){S1}(?i:leden)){S1}"
)
# Handelingen cite by number within the dossier under debate: "de motie op stuk nr. 346",
# "de eerste motie, die op stuk nr. 253", "motie (stuk nr. 12)".
_STUK_RE = re.compile(
    rf",?{S1}(?:(?i:die){S1})?(?i:op){S1}(?i:stuk){S1}(?i:nr\.?|nummer){S0}(?P<stuk>\d{{1,4}})(?![\w])"
    rf"|{S0}\({S0}(?i:stuk){S1}(?i:nr\.?|nummer){S0}(?P<stuk2>\d{{1,4}}){S0}\)"
)

_TUSSEN = rf"(?:(?:[Vv]an|[Dd]e[nr]?|[Tt]e[rn]?|[Ii]n{S1}'t|'t|El|Al){S1}){{0,3}}"
_CORE = rf"(?P<core>[{UP}][{LO}'’]+(?:-[{UP}][{LO}'’]+)*)(?![^\W\d_])"
_NAME_RE = re.compile(_TUSSEN + _CORE)
_SEP_SINGLE_RE = re.compile(rf"{S0}/{S0}|,{S1}(?:{_TITLE}{S1})?|{S1}(?:en|&){S1}(?:{_TITLE}{S1})?")
_SEP_GROUP_RE = re.compile(rf"{S0}/{S0}")
_SEP_ITEM_RE = re.compile(rf",?{S1}(?:en|&){S1}|,{S1}")
_CS_RE = re.compile(rf"{S1}c\.{S0}s\.?(?![^\W\d_])")
_PARTY_PAREN_RE = re.compile(
    rf"{S0}\((?!{S0}(?:Kamerst|Kst|zie|Zie))(?=[^()\n]*[^\W\d_])"
    rf"[{UP}0-9][\w-]{{0,24}}(?:{HS}[\w-]{{1,20}}){{0,3}}\)"
)
_MARKER_RE = re.compile(r"\.?(\d{1,3})(?![\d\w])(?![.,]\d)")
_ATTACHED_REF_RE = re.compile(
    rf"{S0}\({S0}(?:(?i:zie){S1}(?:(?i:ook){S1})?)?(?={REF_WORD}|\d)"
    # "(Handelingen II ..., item 4; Kamerstuk ...)", "(ingediend 3 april, Kamerstuk ...)"
    rf"|{S0}\([^()\n]{{1,80}}?[;,]{S1}(?={REF_WORD})"
    rf"|,{S1}(?:(?i:zie){S1})?(?={REF_WORD})"
)
_SUBJECT_RE = re.compile(rf"{S1}(?:over|inzake|betreffende|m\.b\.t\.|omtrent){S1}")
_DELAY_STOP_RE = re.compile(
    r"\b(?:moties?|amendement\w*|brief|brieven|kamerbrief\w*|verslag\w*|nota|notitie|"
    r"rapport\w*|geïnformeerd|informeer\w*|beantwoord\w*|antwoord\w*|wetsvoorstel\w*|"
    r"kabinetsreactie|reactie|strategie|gepubliceerd|gestuurd|verzonden|toegezonden)\b"
    r"|[;:]",
    re.I,
)
_DELAY_MAX = 160
_DELAY_CANDIDATE_RE = re.compile(rf"\(|{REF_WORD}")
_GAP_BREAK_RE = re.compile(rf"\n{HS}*\r?\n|[.?!](?:\d{{1,3}})?\s+[{UP}]")
_REF_JOIN_RE = re.compile(r"\s*(?:,|;|en)\s*")
_SPACE_RE = re.compile(S1)


@dataclass(slots=True)
class Raw:
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
    stuk: str | None = None  # "op stuk nr. N": a number whose dossier the document gives elsewhere
    submitted: bool = False  # "Deze motie is voorgesteld door ...": the motion being submitted

    @property
    def named(self) -> bool:
        return bool(self.members or self.party)


# Inflected adjectives: of a place ("Nederlandse", "Europese") or a participle ("Gewijzigde", "Verenigde").
_ADJECTIVE_RE = re.compile(r"\w{3,}(?:se|sche)|(?:ge|ver|be|aange|toege|onder)\w{2,}[dt]e")
_REF_WORD_RE = re.compile(REF_WORD)
_NOT_MEMBERS = INSTITUTION_WORDS | {r.lower() for r in GOVERNMENT_ROLES}


def not_a_name(core: str) -> bool:
    """A capitalised word after ``motie`` that grammar says is no member's surname."""
    low = core.lower()
    return (
        low in FUNCTION_WORDS
        or low in _NOT_MEMBERS
        or bool(_REF_WORD_RE.match(core))
        or any(low.endswith(h) and len(low) - len(h) >= 3 for h in DOCUMENT_HEADS)
        or bool(_ADJECTIVE_RE.fullmatch(low))
    )


# A given name before a surname with a tussenvoegsel, used to tell two members apart:
# "motie-Jasper van Houten", "de motie Inge van der Berg".
_GIVEN_EXT_RE = re.compile(
    rf"{HS}+(?:(?:van|de|der|den|ter|ten|te|in{HS}+'t|'t){HS}+){{1,3}}"
    rf"(?P<core>[{UP}][{LO}'’]+(?:-[{UP}][{LO}'’]+)*)(?![^\W\d_])"
)


def _match_name(text: str, pos: int) -> tuple[str, int] | None:
    """A member's name at ``pos``: its text and end, or None."""
    m = _NAME_RE.match(text, pos)
    if m is None or not_a_name(m["core"]):
        return None
    if m.start("core") == m.start() and (g := _GIVEN_EXT_RE.match(text, m.end())) and not not_a_name(g["core"]):
        return text[m.start():g.end()], g.end()
    return m[0], m.end()


_PERSON_BEFORE = "|".join(
    [t.split()[-1] for t in MEMBER_TITLES] + ["leden", "collega", "lid", *GOVERNMENT_ROLES]
)


_PLACE_BEFORE_RE = re.compile(rf"(?<![\w-])(?:{'|'.join(LOCATIVE_PREPOSITIONS)}){S1}\Z")
_PERSON_BEFORE_RE = re.compile(rf"(?<![\w-])(?i:{_PERSON_BEFORE}){S1}\Z")


def used_as_place(text: str, name: str) -> bool:
    """``name`` follows a locative preposition in the document (``in Bonaire``,
    ``naar Oekraïne``) and never a member's title (``de heer``, ``mevrouw``)."""
    esc = r"\s+".join(re.escape(w) for w in name.split())
    place = False
    # A literal search for the name, then a look at the words before each use: fast on long texts.
    for m in re.finditer(rf"{esc}(?![\w-])", text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"):
            continue
        before = text[max(0, m.start() - 24):m.start()]
        if _PERSON_BEFORE_RE.search(before):
            return False
        place = place or bool(_PLACE_BEFORE_RE.search(before))
    return place


def bare_name(text: str, raw: Raw) -> bool:
    """One name right after ``motie``, with nothing else that says it is a member
    (no title, ``c.s.``, party, number, footnote marker or second member)."""
    if len(raw.members) != 1 or raw.party or raw.refs or raw.marker or raw.stuk or raw.submitted:
        return False
    esc = r"\s+".join(re.escape(w) for w in raw.members[0].split())
    return re.fullmatch(rf"(?i:motie){S1}{esc}", text[raw.anchor:raw.end]) is not None


def _parse_names(text: str, pos: int, sep_re: re.Pattern[str]) -> tuple[list[str], int]:
    """Names from ``pos`` joined by ``sep_re``; returns them and the end offset."""
    m = _match_name(text, pos)
    if m is None:
        return [], pos
    names, end = [norm_ws(m[0])], m[1]
    while (s := sep_re.match(text, end)) and (n := _match_name(text, s.end())):
        names.append(norm_ws(n[0]))
        end = n[1]
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
    m = REF_RE.match(text, a.end())
    if m is None:
        return None
    refs, end = refs_at(text, m)
    while (c := _REF_JOIN_RE.match(text, end)) and (m2 := REF_RE.match(text, c.end())):
        more, end = refs_at(text, m2)
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


def parse_hit(text: str, hit: re.Match[str], group: int) -> list[Raw]:
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

    stuk = None
    if st := _STUK_RE.match(text, pos):
        stuk, pos = st["stuk"] or st["stuk2"], st.end()
    submitted = False

    if pos < len(text) and text[pos] == "-":  # motie-Koopmans
        if item := _parse_item(text, pos + 1, plural):
            items.append((item[0], item[1], start, item[2]))
    elif m := (_MEMBERS_AFTER_STUK_RE if stuk else _MEMBERS_OF_RE).match(text, pos):
        if item := _parse_item(text, m.end(), plural):
            items.append((item[0], item[1], start, item[2]))
    elif not stuk and (m := _SUBMITTED_RE.match(text, pos)):
        if item := _parse_item(text, m.end(), plural):
            items.append((item[0], item[1], start, item[2]))
            submitted = True
    elif m := _PARTY_OF_RE.match(text, pos):
        party, pos = m["party"], m.end()
    elif (s := _SPACE_RE.match(text, pos)) and (item := _parse_item(text, s.end(), plural)):
        items.append((item[0], item[1], start, item[2]))

    if not items:
        end, p = _parse_tail(text, pos)
        raw = Raw(start, end, anchor, (), party or p, [], None, group, plural=plural, stuk=stuk)
        _attach_numbers(text, raw, end)
        if raw.refs and (m := _MEMBERS_OF_RE.match(text, raw.end)) and (item := _parse_item(text, m.end(), plural)):
            # "de motie (Kamerstuk ...) van het lid X"
            raw.members, raw.party, raw.end = tuple(item[0]), raw.party or item[1], item[2]
        elif party is None and p is None and not raw.refs and raw.marker is None and not raw.stuk:
            _delayed_ref(text, raw)
        return [raw]

    raws: list[Raw] = []
    while True:
        names, p, istart, iend = items[-1]
        raw = Raw(istart, iend, anchor, tuple(names), p, [], None, group, plural=plural,
                  stuk=stuk if len(items) == 1 else None, submitted=submitted)
        _attach_numbers(text, raw, iend)
        if not raw.refs and raw.marker is None and not raw.stuk:
            sub = _SUBJECT_RE.match(text, raw.end)
            _delayed_ref(text, raw, sub.end() if sub else None)
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


def _attach_numbers(text: str, raw: Raw, pos: int) -> None:
    """Glued footnote marker and attached reference right after the names."""
    if m := _MARKER_RE.match(text, pos):
        raw.marker = m[1]
        pos = m.end()
    if att := _parse_attached(text, pos):
        raw.refs, raw.end = att
    elif raw.marker is None and raw.stuk is None and (st := _STUK_RE.match(text, pos)):
        raw.stuk, raw.end = st["stuk"] or st["stuk2"], st.end()


def _delayed_ref(text: str, raw: Raw, gap_from: int | None = None) -> None:
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
            r = REF_RE.match(text, at)
            att = refs_at(text, r) if r else None
        if att:
            raw.refs, raw.end = att
            return


def _is_break(gap: str) -> bool:
    return bool(_GAP_BREAK_RE.search(gap))


