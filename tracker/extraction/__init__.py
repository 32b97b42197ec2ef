"""The extraction engine: pure Python, deterministic, no Django import.

Stages, each its own module:
    readers      bytes → page texts (PDF, DOCX, HTML, plain text)
    repair       page texts → one repaired text with an offset map and footnotes
                 (repair_pages, repair_lines, repair_characters, repair_offsets)
    structure    document kind, title, reference date; question/answer items
    deadlines    Dutch time phrases → due dates (calendar: recesses, budget cycle)
    motions      motion citations → canonical keys (motions_refs holds ``canonical_key``;
                 motions_grammar, motions_status, motions_texts)
    commitments  commitments (toezeggingen), their deadline and revisions
    pipeline     runs the stages in order; ``to_json`` is the CLI contract

Every record carries ``EXTRACTOR_VERSION``; bump it whenever a change can alter
what is extracted, so stored documents are re-extracted.
"""

EXTRACTOR_VERSION = "2.1.0"
