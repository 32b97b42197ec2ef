"""Extraction speed and memory.

    .venv/bin/python benchmarks/extraction.py [--mb 10] [--corpus ../shared/corpus] [--pages 500]
        [--devset ../shared/devset/passages.jsonl] [--genre-mb 1]

1. The whole pipeline (repair, structure, deadlines, motions, commitments) over
   the corpus documents, repeated until at least --mb MB have been processed,
   one document at a time on one core: MB/s per core.
2. In the same run, one pass of a single cue-word regex over the same text: the
   practical ceiling of any engine that must at least look at every word, and
   the share of it the pipeline reaches.
3. In the same run, when the development set exists, the pipeline and the cue
   scan per genre: each genre's passages (read at run time, never copied into
   the repository) repeated until at least --genre-mb MB.
4. In the same run, dateparser.search_dates (languages=["nl"]) over the same
   text: MB/s, and the ratio.
5. Peak RSS of extracting a --pages page PDF page by page, in a fresh process.

Targets (issues #3 and #12): ≥ 2.5 MB/s per core (corpus and every genre), ≥ 30× search_dates.
Quick run without dateparser and the PDF: --search-dates-mb 0.05 --pages 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.extraction.calendar import ParliamentaryCalendar  # noqa: E402
from tracker.extraction.pipeline import extract_pages  # noqa: E402

REFERENCE = dt.date(2026, 1, 28)
# The words a promise or a motion citation cannot do without; one scan for them is the ceiling.
CUE_RE = re.compile(r"\b(?:zal|zullen|zeg\w*|bereid|informeer\w*|ontvang\w*|stuur\w*|motie\w*)\b", re.I)


def load_corpus(folder: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt files in {folder}")
    return texts


def workload(texts: list[str], megabytes: float) -> list[str]:
    docs: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        for text in texts:
            docs.append(text)
            size += len(text.encode("utf-8"))
    return docs


def load_genres(path: Path) -> dict[str, list[str]]:
    """The dev-set passages by genre, in file order."""
    genres: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                passage = json.loads(line)
                genres.setdefault(passage["genre"], []).append(passage["text"])
    return genres


def bench_pipeline(docs: list[str]) -> tuple[float, int, int]:
    calendar = ParliamentaryCalendar({})
    size = sum(len(d.encode("utf-8")) for d in docs)
    commitments = 0
    start = time.process_time()
    for doc in docs:
        commitments += len(extract_pages([doc], reference_date=REFERENCE, calendar=calendar).commitments)
    return time.process_time() - start, size, commitments


def bench_cue_scan(docs: list[str]) -> tuple[float, int]:
    hits = 0
    start = time.process_time()
    for doc in docs:
        hits += sum(1 for _ in CUE_RE.finditer(doc))
    return time.process_time() - start, hits


def bench_search_dates(docs: list[str], limit_mb: float | None) -> tuple[float, int]:
    from dateparser.search import search_dates

    size = 0
    start = time.process_time()
    for doc in docs:
        search_dates(doc, languages=["nl"], settings={"RELATIVE_BASE": dt.datetime(2026, 1, 28)})
        size += len(doc.encode("utf-8"))
        if limit_mb and size >= limit_mb * 1_000_000:
            break
    return time.process_time() - start, size


def make_pdf(path: Path, pages: int, texts: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    pdf = canvas.Canvas(str(path), pagesize=A4)
    cursor = 0
    for page in range(pages):
        y = 800
        pdf.setFont("Helvetica", 9)
        pdf.drawString(40, 820, "Tweede Kamer, vergaderjaar 2025–2026, 36 800 V, nr. 99")
        while y > 60:
            pdf.drawString(40, y, lines[cursor % len(lines)][:110])
            cursor += 1
            y -= 12
        pdf.drawString(290, 30, str(page + 1))
        pdf.showPage()
    pdf.save()


CHILD = """
import datetime as dt, resource, sys, time
sys.path.insert(0, {root!r})
from tracker.extraction.pipeline import extract_file
start = time.perf_counter()
result = extract_file({path!r}, reference_date=dt.date(2026, 1, 28))
elapsed = time.perf_counter() - start
print(result.page_count, len(result.commitments), elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def bench_pdf(pages: int, texts: list[str]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.pdf"
        make_pdf(path, pages, texts)
        size_mb = path.stat().st_size / 1e6
        out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), path=str(path))],
                             capture_output=True, text=True, check=True).stdout.split()
    page_count, found, elapsed, rss_kb = int(out[0]), int(out[1]), float(out[2]), int(out[3])
    return (f"{page_count}-page PDF ({size_mb:.1f} MB): {elapsed:.1f} s, {found} commitments, "
            f"peak RSS {rss_kb / 1024:.0f} MB")


def report_genres(path: Path, megabytes: float, corpus_speed: float) -> None:
    if not path.is_file():
        print(f"per genre:    skipped, no development set at {path}")
        return
    print(f"per genre:    {path}, each genre repeated to >= {megabytes:g} MB (corpus: {corpus_speed:.2f} MB/s)")
    for genre, texts in sorted(load_genres(path).items()):
        docs = workload(texts, megabytes)
        seconds, size, commitments = bench_pipeline(docs)
        cue_seconds, _ = bench_cue_scan(docs)
        speed, ceiling = size / seconds / 1e6, size / cue_seconds / 1e6
        print(f"  {genre:<13} {speed:5.2f} MB/s per core  cue scan {ceiling:6.2f} MB/s  ratio {speed / ceiling:4.0%}"
              f"  ({len(texts)} passages, {size / 1e6:.2f} MB, {commitments} commitments)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--search-dates-mb", type=float, default=None,
                        help="stop search_dates after this many MB (default: the whole workload)")
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset" / "passages.jsonl",
                        help="dev-set passages.jsonl, measured per genre (skipped when absent)")
    parser.add_argument("--genre-mb", type=float, default=1.0,
                        help="repeat each genre's passages to at least this many MB")
    parser.add_argument("--pages", type=int, default=500, help="0 skips the memory measurement")
    args = parser.parse_args()

    texts = load_corpus(args.corpus)
    docs = workload(texts, args.mb)
    seconds, size, commitments = bench_pipeline(docs)
    ours = size / seconds / 1e6
    print(f"pipeline:     {size / 1e6:.1f} MB in {seconds:.2f} s CPU = {ours:.2f} MB/s per core "
          f"({len(docs)} documents, {commitments} commitments)")
    cue_seconds, hits = bench_cue_scan(docs)
    ceiling = size / cue_seconds / 1e6
    print(f"cue scan:     {size / 1e6:.1f} MB in {cue_seconds:.2f} s CPU = {ceiling:.2f} MB/s per core "
          f"({hits} cue words; one regex pass, the practical ceiling)")
    print(f"ratio:        pipeline at {ours / ceiling:.0%} of the cue scan ({ceiling / ours:.1f}x slower)")
    report_genres(args.devset, args.genre_mb, ours)
    sd_seconds, sd_size = bench_search_dates(docs, args.search_dates_mb)
    theirs = sd_size / sd_seconds / 1e6
    print(f"search_dates: {sd_size / 1e6:.1f} MB in {sd_seconds:.2f} s CPU = {theirs * 1000:.1f} KB/s")
    print(f"ratio:        {ours / theirs:.0f}x dateparser.search_dates")
    if args.pages:
        print(f"memory:       {bench_pdf(args.pages, texts)}")
    print(f"this process: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
