"""Repair stages 2 and 4, characters: ligature glyphs and odd spaces; blank lines and
line-end hyphens; and the inline repair of footnote text.
"""

from __future__ import annotations

import re

from tracker.extraction.lexicon.repair import (
    ELLIPSIS_WORDS,
    ENGLISH_LINKS,
    HYPHEN_PREFIXES,
    VOWEL_CLASH,
)
from tracker.extraction.repair_common import (
    HSPACE,
    HSPACE_CHARS,
    LIGATURES,
    LOWER,
    LOWER_CHARS,
    H,
    expand,
    runs_on,
    starts_lower,
)
from tracker.extraction.repair_offsets import resolve

# --------------------------------------------------------------------------
# Stage 3: characters
# --------------------------------------------------------------------------

# Passes are split so that most patterns start with a literal character:
# Python's regex engine finds those with a fast scan.
_JUNCTIONS = {
    ch: re.compile(rf"{ch}[ \t]*\n") for ch in ("-", "\u2010", "\xad")
}
_LEAD = re.compile(rf"(?:{H}*\n)+")
_GAP_REST = re.compile(rf"(?:{H}*\n)*{H}*")
# Characters that are rare in good text: ligature glyphs, odd spaces,
# zero-width characters, soft hyphens, control characters.
_RARE = re.compile(
    "[ƟƩŌƯ\ufb00-\ufb06\xa0\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\xad"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f\r]"
)
_SOFT_HYPHEN_AT_LINE_END = re.compile("\xad[ \t]*\n")
_LIG = re.compile("[ƟƩŌƯ\ufb00-\ufb06]")
# Blank-line runs that need normalising (a whitespace-only line, or two or
# more blank lines), and plain blank lines followed by a lower-case letter
# (a sentence may run on across them).
_BLANK_MESSY = re.compile(rf"\n(?:{H}+\n|\n{H}*\n)(?:{H}*\n)*")
_BLANK_RUNON = re.compile(rf"\n\n(?={H}*[{LOWER}])")
_ODD_SPACE_CHARS = frozenset("\xa0\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))
_DROP_CHARS = frozenset("\u200b\u200c\u200d\u2060\ufeff\xad")
_DROP_TABLE = str.maketrans(dict.fromkeys(_DROP_CHARS))
_TOKEN = re.compile(r"\S+")
_WS_AFTER = re.compile(rf"{H}+")
_DIGIT = re.compile(r"\d")
_LEFT_WORD = re.compile(r"[^\W\d_]+\Z")
_RIGHT_WORD = re.compile(r"[^\W\d_]+")
_DANGEROUS_LINE_START = re.compile(
    r"[\d\-•–—*·▪►→]|(?:Antwoord|Vraag|Vragen)\b|[a-zA-Z]\)|\((?:\d{1,3}|[a-zA-Z]|[ivx]{1,4})\)"
)



def keep_line_end_hyphen(left: str, right: str) -> bool:
    """Decide whether the hyphen in ``left-`` + line break + ``right`` is real.

    ``left`` is the token before the hyphen, ``right`` the token after the
    break (ligature glyphs may still be in them). Rules only; :func:`repair`
    first looks for the same compound written nearby.
    """
    left = expand(left)
    right = expand(right)
    lw = _LEFT_WORD.search(left)
    rw = _RIGHT_WORD.match(right)
    return _keep_hyphen(left, lw.group() if lw else "", right, rw.group() if rw else "")


def _keep_hyphen(left: str, word: str, right: str, rword: str) -> bool:
    """``keep_line_end_hyphen`` on expanded tokens and their letter words."""
    return _hyphen_is_structural(left, word, right, rword) or _hyphen_by_spelling(
        left, word, rword
    )


def _hyphen_is_structural(left: str, word: str, right: str, rword: str) -> bool:
    """Hyphens that stay whatever the rest of the document says."""
    first = right[:1]
    if not first.isalpha() or not first.islower():
        return True  # Noord-\nAfrika, 21 501-\n02
    if len(word) < 2:
        return True  # 2020-, (x)-, e-mail, x-as
    if _DIGIT.search(left) or "/" in left or "@" in left or "www." in left:
        return True
    if not word[1:].islower() or word.isupper():
        return True  # EU-, ICT-, GroenLinks-
    # veiligheids- en defensiebeleid
    return rword.lower() in ELLIPSIS_WORDS and (
        len(right) == len(rword) or right[len(rword)] in ",;:"
    )


def _hyphen_by_spelling(left: str, word: str, rword: str) -> bool:
    """Hyphens Dutch spelling asks for; nearby usage may overrule these."""
    lower = word.lower()
    if lower in HYPHEN_PREFIXES:
        return True
    if lower in ENGLISH_LINKS and len(left) > len(word) and left[-len(word) - 1] == "-":
        return True  # whole-of-government
    return bool(rword) and (lower[-1] + rword[0]) in VOWEL_CLASH


def _junction_edits(text: str, hyphen: int, gap_end: int) -> list[tuple[int, int, int, str]]:
    """Edits for a hyphen at a line end (``hyphen``) up to the next word (``gap_end``)."""
    gap = text[hyphen + 1 : gap_end]
    multi = gap.count("\n") > 1
    # Blank-line collapse keeps the next line's indentation.
    breaks_end = hyphen + 1 + gap.rfind("\n") + 1
    left_ctx = text[max(0, hyphen - 80) : hyphen]
    # "- \n" after a space is a dash, not a hyphen: no left token.
    left_tok = "" if not left_ctx or left_ctx[-1].isspace() else left_ctx.rsplit(None, 1)[-1]
    tm = _TOKEN.match(text, gap_end)
    right_tok = tm.group() if tm else ""
    right_end = tm.end() if tm else gap_end
    if multi and not starts_lower(right_tok):
        # Not a run-on: keep the hyphen, cut the blank lines to one.
        if text[hyphen + 1 : breaks_end] == "\n\n":
            return []
        return [(hyphen + 1, 1, breaks_end, "\n\n")]
    keep = [(hyphen + 1, 1, breaks_end, "\n")] if multi else []
    if not left_tok or not right_tok[:1].isalpha():
        return keep
    if text[hyphen] != "\xad":  # a soft hyphen always joins
        lw = _LEFT_WORD.search(left_tok)
        rw = _RIGHT_WORD.match(right_tok)
        raw_word = lw.group() if lw else ""
        raw_rword = rw.group() if rw else ""
        # (Ligature glyphs were expanded by the glyph pass already.)
        if _hyphen_is_structural(left_tok, raw_word, right_tok, raw_rword):
            return keep
        evidence = _nearby_evidence(text, hyphen, raw_word, raw_rword)
        if evidence is None:
            if _hyphen_by_spelling(left_tok, raw_word, raw_rword) or _names_a_proper_noun(
                text, hyphen, raw_word
            ):
                return keep
        elif evidence:
            return keep
    edits = [(hyphen, 1, gap_end, "")]
    ws = _WS_AFTER.match(text, right_end)
    if (
        ws
        and ws.end() < len(text)
        and text[ws.end()] != "\n"
        and not _DANGEROUS_LINE_START.match(text, ws.end())
    ):
        edits.append((ws.start(), 0, ws.end(), "\n"))
    return edits


_EVIDENCE_WINDOW = 2500
_NAME_WINDOW = 20000


def _nearby_evidence(text: str, hyphen: int, left: str, right: str) -> bool | None:
    """How the same compound is written nearby: True hyphenated, False joined, None unknown.

    ``left``/``right`` are the letter words around the break. ``sanctie-eenheid``
    elsewhere on a line keeps ``sanctie-\neenheid``; ``mensenrechten``
    elsewhere joins ``mensen-\nrechten``. Only lower-case continuations
    count (capitals keep the hyphen anyway).
    """
    if len(left) < 2 or len(right) < 2 or not right[0].islower():
        return None
    lo = max(0, hyphen - _EVIDENCE_WINDOW)
    hi = hyphen + _EVIDENCE_WINDOW
    if text.find(f"{left}-{right}", lo, hi) >= 0:
        return True
    # The joined word; its first letter may differ in case (sentence start).
    if text.find(f"{left[1:]}{right}", lo, hi) >= 0:
        return False
    return None


def _names_a_proper_noun(text: str, hyphen: int, word: str) -> bool:
    """``Assad-\nregime``: a capitalised name before the hyphen keeps it.

    Dutch writes compounds with a proper name with a hyphen (Assad-regime,
    China-beleid). A capitalised word that is not a name (``Buiten-\nlandse``,
    ``Samen-\nwerking`` at a sentence start) is hyphenated like any other.
    The surrounding text decides: the name occurs on its own inside a
    sentence. (A joined spelling nearby was already taken as evidence.)
    """
    if len(word) < 3 or not word[0].isupper() or not word[1:].islower():
        return False
    # The name inside a sentence (after a lower-case word or a comma), not
    # itself hyphenated.
    needle = " " + word
    hi = min(len(text), hyphen + _NAME_WINDOW)
    i = text.find(needle, max(1, hyphen - _NAME_WINDOW), hi)
    while i >= 0:
        before = text[i - 1]
        after = text[i + len(needle) : i + len(needle) + 1]
        if (before == "," or LOWER_CHARS.match(before)) and not (
            after.isalnum() or after in ("-", "_")
        ):
            return True
        i = text.find(needle, i + 1, hi)
    return False


def _blank_edit(text: str, start: int, end: int) -> tuple[int, int, int, str] | None:
    before = text[max(0, start - 200) : start]
    after = text[end : end + 50]
    repl = "\n" if runs_on(before, after) else "\n\n"
    if text[start:end] == repl:
        return None
    return (start, 2, end, repl)


def _rare_edits(text: str, m: re.Match[str], add) -> None:
    """Edits for a run of rare characters (ligatures, odd spaces, controls)."""
    run = m.group()
    base = m.start()
    i = 0
    n = len(run)
    while i < n:
        ch = run[i]
        pos = base + i
        if ch in LIGATURES:
            if ch in "ŌƯ" and not (pos and text[pos - 1].isalpha()):
                pass  # a real Ō/Ư (Ōsaka), not a broken ligature
            else:
                add((pos, 3, pos + 1, LIGATURES[ch]))
        elif ch in _ODD_SPACE_CHARS:
            add((pos, 4, pos + 1, " "))
        elif ch == "\xad" and _SOFT_HYPHEN_AT_LINE_END.match(text, pos):
            pass  # a hyphenation point: the junction pass joins the word
        elif ch in _DROP_CHARS:
            add((pos, 5, pos + 1, ""))
        elif ch == "\r":  # \r\n → \n, a lone \r → \n
            add((pos, 5, pos + 1, "" if text[pos + 1 : pos + 2] == "\n" else "\n"))
        elif ch in "\x0b\x0c":
            add((pos, 5, pos + 1, "\n"))
        else:
            add((pos, 5, pos + 1, ""))
        i += 1


def glyph_edits(text: str) -> list[tuple[int, int, str]]:
    """Ligature glyphs, odd spaces, invisible and control characters."""
    edits: list[tuple[int, int, int, str]] = []
    add = edits.append
    for m in _RARE.finditer(text):
        _rare_edits(text, m, add)
    return resolve(edits)


def character_edits(text: str) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, int, str]] = []
    add = edits.append
    n = len(text)
    lead = _LEAD.match(text)
    if lead and lead.end():
        add((0, 0, lead.end(), ""))
    trail = len(text.rstrip(HSPACE_CHARS))
    if trail < n:
        add((trail, 0, n, ""))
    for ch, pattern in _JUNCTIONS.items():
        if ch != "-" and ch not in text:
            continue
        for m in pattern.finditer(text):
            gap_end = _GAP_REST.match(text, m.end()).end()
            if gap_end < n and not text[gap_end].isspace():
                edits.extend(_junction_edits(text, m.start(), gap_end))
    for pattern in (_BLANK_MESSY, _BLANK_RUNON):
        for m in pattern.finditer(text):
            e = _blank_edit(text, m.start(), m.end())
            if e is not None:
                add(e)
    return resolve(edits)


# --------------------------------------------------------------------------
# Footnote text
# --------------------------------------------------------------------------

_INLINE_SPACE = re.compile(rf"[{HSPACE}]+")


def repair_inline(text: str) -> str:
    """Repair a short piece of text that has no line structure worth keeping.

    Ligatures and odd spaces as in :func:`repair`; lines are joined with a
    space, hyphenated words are joined, runs of spaces become one.
    """
    return join_footnote_lines(text.split("\n"))


def join_footnote_lines(lines: list[str]) -> str:
    out = ""
    for raw in lines:
        line = _LIG.sub(lambda m: LIGATURES[m.group()], raw)
        line = _INLINE_SPACE.sub(" ", line.translate(_DROP_TABLE)).strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        left_tok = out.rsplit(" ", 1)[-1]
        right_tok = line.split(" ", 1)[0]
        url = "://" in left_tok or "www." in left_tok
        if out.endswith("-") and not out.endswith(" -"):
            if url or keep_line_end_hyphen(left_tok[:-1], right_tok):
                out += line
            else:
                out = out[:-1] + line
        elif url and out.endswith(("/", ".", "_", "=", "?", "&")):
            out += line
        else:
            out += " " + line
    return out


