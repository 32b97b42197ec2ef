"""Server-side SVG charts: no JavaScript, no CDN.

Each chart is decorative for assistive technology (``aria-hidden``): the page
puts a table with the same figures next to it. Colours keep at least 3:1
against white (WCAG 1.4.11) and every bar carries its value as text, so
nothing depends on colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

INK = "#1a1a1a"
MUTED = "#4d4d4d"
GRID = "#c8c8c8"
WARN = "#8a1c1c"
ACCENT = "#01689b"
PALE = "#d9e8f1"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    note: str = ""  # printed after the value, e.g. "van 12"


def _truncate(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def horizontal_bars(bars: Sequence[Bar], *, colour: str = WARN, width: int = 640, label_width: int = 250,
                    row_height: int = 28) -> SafeString:
    """One bar per row, longest first as given; the value printed at the end of each bar."""
    if not bars:
        return mark_safe("")
    top = max(bar.value for bar in bars) or 1
    plot = width - label_width - 70
    height = row_height * len(bars) + 8
    rows = []
    for n, bar in enumerate(bars):
        y = 4 + n * row_height
        length = max(round(plot * bar.value / top), 2 if bar.value else 0)
        value = f"{bar.value}" + (f" {bar.note}" if bar.note else "")
        rows.append(format_html(
            '<text x="{}" y="{}" text-anchor="end" fill="{}">{}</text>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" rx="2"></rect>'
            '<text x="{}" y="{}" fill="{}" font-weight="bold">{}</text>',
            label_width - 8, round(y + row_height * 0.65, 1), INK, _truncate(bar.label, 34),
            label_width, y + 4, length, row_height - 10, colour,
            label_width + length + 6, round(y + row_height * 0.65, 1), INK, value,
        ))
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'aria-hidden="true" focusable="false" font-size="13" font-family="inherit">'
        '<line x1="{}" y1="0" x2="{}" y2="{}" stroke="{}"></line>{}</svg>',
        width, height, label_width, label_width, height, GRID, mark_safe("".join(rows)),
    )


@dataclass(frozen=True)
class Column:
    label: str
    percent: int | None  # None: nothing delivered in this period
    note: str = ""  # under the label, e.g. "n = 14"


def percent_columns(columns: Sequence[Column], *, colour: str = ACCENT, width: int = 640,
                    height: int = 240) -> SafeString:
    """Columns of 0–100 %, with gridlines at 0, 50 and 100 % and the percentage above each column."""
    if not columns:
        return mark_safe("")
    left, right, top, bottom = 44, 8, 22, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / len(columns)
    grid = format_html_join(
        "", '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"></line>'
            '<text x="{}" y="{}" text-anchor="end" fill="{}">{}%</text>',
        ((left, round(top + plot_h * (1 - p / 100), 1), width - right, round(top + plot_h * (1 - p / 100), 1), GRID,
          left - 6, round(top + plot_h * (1 - p / 100) + 4, 1), MUTED, p) for p in (0, 50, 100)),
    )
    parts = []
    for n, column in enumerate(columns):
        x = round(left + n * step + step * 0.18, 1)
        w = round(step * 0.64, 1)
        centre = round(left + n * step + step / 2, 1)
        if column.percent is None:
            parts.append(format_html(
                '<text x="{}" y="{}" text-anchor="middle" fill="{}">–</text>', centre, top + plot_h - 6, MUTED
            ))
        else:
            h = round(plot_h * column.percent / 100, 1)
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" rx="2"></rect>'
                '<text x="{}" y="{}" text-anchor="middle" fill="{}" font-weight="bold">{}%</text>',
                x, round(top + plot_h - h, 1), w, max(h, 1), colour, centre, round(top + plot_h - h - 6, 1), INK, column.percent,
            ))
        parts.append(format_html(
            '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>'
            '<text x="{}" y="{}" text-anchor="middle" fill="{}" font-size="11">{}</text>',
            centre, top + plot_h + 18, INK, column.label, centre, top + plot_h + 34, MUTED, column.note,
        ))
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'aria-hidden="true" focusable="false" font-size="13" font-family="inherit">{}{}</svg>',
        width, height, grid, mark_safe("".join(parts)),
    )
