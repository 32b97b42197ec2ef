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

The stated status vocabulary is in :mod:`tracker.extraction.motions_status`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from functools import cached_property

from tracker.extraction.motions_grammar import HIT_RE, Raw, bare_name, parse_hit, used_as_place
from tracker.extraction.motions_refs import (
    HS,
    MOTION_TITLE_RE,
    REF_WORD,
    Ref,
    assigned_numbers,
    canonical_key,
    close_paren,
    document_dossiers,
    footnote_entries,
    footnote_map,
    footnotes_in_text,
    iter_kamerstukken,
    key,
    key_from_text,
    motion_refs,
    norm_ws,
    numbered_refs,
    pair_titles,
    parse_kamerstuk,
    pick_footnote_ref,
    split_key,
    split_top,
)
from tracker.extraction.motions_status import (
    ADJECTIVE_STATUS,
    ATTRIBUTIVE_RE,
    CLAUSE_BREAK_RE,
    COORDINATED_RE,
    POINT_BACK_RE,
    Sentence,
    Sentences,
    best,
    statuses_in,
)
from tracker.extraction.motions_texts import ParsedMotion, parse_motion_text
from tracker.extraction.types import MotionCitation

__all__ = [
    "STATUSES",
    "ParsedMotion",
    "canonical_key",
    "find_citations",
    "footnote_map",
    "iter_kamerstukken",
    "key_from_text",
    "parse_kamerstuk",
    "parse_motion_text",
    "split_key",
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
# find_citations
# --------------------------------------------------------------------------


_BLANK_LINE_RE = re.compile(rf"\n{HS}*\r?\n")
_LIST_HEAD_RE = re.compile(rf"\s*(?:\d{{1,3}}\s+)?(?:Zie\s+(?:ook\s+)?)?{REF_WORD}")


def _title_ref(text: str, raw: Raw) -> Ref | None:
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
    close = close_paren(text, i)
    parts = split_top(text[i + 1 : close])
    offset, idx = i + 1, None
    for n, part in enumerate(parts):
        if offset <= raw.start < offset + len(part) + 1:
            idx = n
            lead = part.lstrip()
            lead_at = offset + len(part) - len(lead)
            if not (MOTION_TITLE_RE.match(lead) and raw.start <= lead_at + 30):
                return None
            break
        offset += len(part) + 1
    paired = pair_titles(refs, parts)
    if idx is None or idx >= len(paired) or paired[idx][1] is None:
        return None
    return paired[idx][0]


# A stuk number without its "Zij krijgt" line is taken to share the dossier of a
# motion numbered at most this far from it in the same debate.
_NEAR_NUMBERS = 30
# How far after "Deze motie is voorgesteld door ..." its "Zij krijgt nr." may follow.
_SUBMITTED_REACH = 400


_NR_RE = re.compile(r"[Nn][Rr]\.?\s*(\d{1,4})(?!\w)")


class _DocumentRefs:
    """The text's own full references and headings, read only when a stuk number needs them."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _nr_at(self) -> dict[str, list[tuple[int, int]]]:
        spans: dict[str, list[tuple[int, int]]] = {}
        for m in _NR_RE.finditer(self.text):
            spans.setdefault(m.group(1), []).append((m.start(), m.end()))
        return spans

    def numbered(self, number: str) -> list[tuple[int, str, str]]:
        """Full references to ``number`` (``(38 412, nr. 12)``): found from the ``nr. N`` they end in."""
        out: list[tuple[int, str, str]] = []
        for a, b in self._nr_at.get(number, ()):
            window = self.text[max(0, a - 60):b]
            out += [(a, nr, k) for _at, nr, k in numbered_refs(window) if nr == number]
        return out

    @cached_property
    def dossiers(self) -> list[tuple[int, str]]:
        return document_dossiers(self.text)


def _assigned_key(raw: Raw, assigned: list[tuple[int, str, str]], doc: _DocumentRefs | None = None) -> str:
    """The key of a Handelingen motion from ``Zij krijgt nr. N (dossier)`` in the same text.

    ``op stuk nr. N`` takes the dossier of the nearest line assigning N, else of a full
    reference to N elsewhere in the text (``(38 412, nr. 12)``); without one, of the
    nearest line assigning a number close to N (one debate numbers its motions in a
    run), else of the heading the text is under (``… (38 412)``, the nearest before it,
    or the first one). A motion being submitted takes the line that follows it.
    """
    if raw.submitted:
        after = [(at, k) for at, _nr, k in assigned if raw.end <= at <= raw.end + _SUBMITTED_REACH]
        return after[0][1] if after else ""
    if raw.stuk is None:
        return ""
    for table in (assigned, doc.numbered(raw.stuk) if doc is not None else ()):
        same = [(abs(at - raw.start), k) for at, nr, k in table if nr == raw.stuk]
        if same:
            return min(same)[1]
    near = [
        (abs(at - raw.start), k.rsplit("-", 1)[0])
        for at, nr, k in assigned
        if abs(int(nr) - int(raw.stuk)) <= _NEAR_NUMBERS
    ]
    if near:
        return f"{min(near)[1]}-{raw.stuk}"
    dossiers = doc.dossiers if doc is not None else []
    if dossiers:
        before = [d for at, d in dossiers if at < raw.start]
        return canonical_key(before[-1] if before else dossiers[0][1], raw.stuk)
    return ""


def _identity(raw: Raw) -> frozenset[str] | None:
    if raw.members:
        return frozenset(norm_ws(m).casefold() for m in raw.members)
    if raw.party:
        return frozenset({"party:" + raw.party.casefold()})
    return None


def find_citations(text: str, footnotes: Mapping[str, str] | None = None) -> list[MotionCitation]:
    """Every motion citation in ``text``, in order, with exact spans and keys.

    ``footnotes`` maps a footnote number to its text (``{"7": "Kamerstuk 32735-406"}``);
    numbers it lacks are looked up in footnote lines left in ``text``. See the module docstring
    for what counts as a citation, how keys are found and the status vocabulary.
    """
    raws: list[Raw] = []
    pos = 0
    group = 0
    while hit := HIT_RE.search(text, pos):
        group += 1
        found = parse_hit(text, hit, group)
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
                    in_text = footnotes_in_text(text)
                fn_text = in_text.get(number)
            fn_cache[number] = footnote_entries(fn_text) if fn_text else []
        return fn_cache[number]

    # 1. Keys from attached references, glued footnote markers and stuk numbers.
    assigned = assigned_numbers(text) if any(r.stuk or r.submitted for r in raws) else []
    doc = _DocumentRefs(text)
    by_group: dict[int, list[Raw]] = {}
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
            refs = motion_refs(entries(last.marker))
            if len(refs) == len(items):
                for r, ref in zip(items, refs, strict=True):
                    r.key = key(ref)
                continue
        if len(items) > 1 and len(last.refs) == len(items) and all(not r.refs for r in items[:-1]):
            for r, ref in zip(items, last.refs, strict=True):
                r.key = key(ref)
            continue
        for raw in items:
            if raw.refs:
                raw.key = key(raw.refs[0])
            elif (
                raw.marker
                and (raw.named or not raw.plural)
                and (ref := pick_footnote_ref(entries(raw.marker), raw.members, False))
            ):
                raw.key = key(ref)
            elif raw.stuk or raw.submitted:
                raw.key = _assigned_key(raw, assigned, doc)
    # Unnamed "beide moties14" whose footnote lists several motions.
    expanded: list[Raw] = []
    for raw in raws:
        if raw.plural and not raw.named and not raw.key and raw.marker:
            for ref in motion_refs(entries(raw.marker)):
                expanded.append(
                    Raw(
                        raw.start,
                        raw.end,
                        raw.anchor,
                        (),
                        None,
                        [ref],
                        raw.marker,
                        raw.group,
                        key(ref),
                    )
                )
            continue
        expanded.append(raw)
    places: dict[str, bool] = {}
    for raw in expanded:
        if not raw.key and bare_name(text, raw):
            name = raw.members[0]
            if name not in places:
                places[name] = used_as_place(text, name)
            if places[name]:
                raw.members = ()  # "de motie Bonaire … op Bonaire": a place, not a member
    raws = [r for r in expanded if r.key or r.named]

    # 2. A motion named in a footnote's title list.
    for raw in raws:
        if not raw.key and (ref := _title_ref(text, raw)):
            raw.key = key(ref)

    # 3. Sentences; a footnote marker closing a sentence with one unnumbered motion.
    finder = Sentences(text)
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
            if ref := pick_footnote_ref(entries(s.marker), raw.members, True):
                raw.key = key(ref)

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
                or COORDINATED_RE.fullmatch(text, raws[prev].end, raws[i].start)
            ):
                runs[-1].append(i)
            else:
                runs.append([i])
        for n, run in enumerate(runs):
            lo, hi = s_start, s_end
            if n:  # a clause break after the previous run starts this one's scope
                lo = raws[runs[n - 1][-1]].end
                breaks = list(CLAUSE_BREAK_RE.finditer(text, lo, raws[run[0]].start))
                lo = breaks[-1].end() if breaks else lo
            if n + 1 < len(runs):
                hi = raws[runs[n + 1][0]].start
                brk = CLAUSE_BREAK_RE.search(text, raws[run[-1]].end, hi)
                hi = brk.start() if brk else hi
            shared: list[str] = []
            if not s.question:
                shared = statuses_in(text, lo, hi)
                if len(runs) == 1:
                    shared += _next_sentence_statuses(text, s, finder, starts)
            for i in run:
                found = list(shared)
                if a := ATTRIBUTIVE_RE.search(text, max(0, raws[i].start - 40), raws[i].start):
                    word = a[1].lower()
                    found.append(ADJECTIVE_STATUS.get(word, word))
                raws[i].status = best(found)

    return [
        MotionCitation(r.key, r.members, text[r.start : r.end], r.start, r.end, r.status)
        for r in raws
    ]


def _next_sentence_statuses(
    text: str, s: Sentence, finder: Sentences, starts: list[int]
) -> list[str]:
    nxt = finder.around(s.end, s.end)
    if nxt.start < s.end or nxt.question or nxt.end <= nxt.start:
        return []
    k = bisect_left(starts, nxt.start)
    if k < len(starts) and starts[k] < nxt.end:  # it cites a motion itself
        return []
    if not POINT_BACK_RE.search(text, nxt.start, nxt.end):
        return []
    return statuses_in(text, nxt.start, nxt.end)


