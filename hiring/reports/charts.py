"""The trait-and-belief profile as a static SVG string (no JavaScript).

The same markup goes into the HTML page and the PDF, so both show the same picture.
It uses only rect, line and text, which WeasyPrint's SVG renderer draws quickly and
exactly as browsers do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from assessments.models import Dimension

SCALE_MAX = 5
# One colour per list of dimensions, dark enough to read in greyscale print.
GROUP_COLOURS = {
    "natural_traits": "#2f5f98",
    "cx_beliefs": "#2e7d4f",
    "basic_beliefs": "#7a4a9c",
}
GROUP_LABELS: dict[str, str] = dict(Dimension.List.choices)
DEFAULT_COLOUR = "#555555"
DISAGREEMENT_COLOUR = "#c0392b"


@dataclass(frozen=True)
class Bar:
    """One dimension on the chart: its short code, list, mean score and interviewers' range."""

    code: str
    group: str
    title: str
    value: float | None
    low: float | None = None
    high: float | None = None
    disagreement: bool = False


def _n(value: float) -> str:
    """Coordinates at one decimal keep the markup small and stable."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _groups(bars: Sequence[Bar]) -> list[tuple[str, list[Bar]]]:
    groups: list[tuple[str, list[Bar]]] = []
    for bar in bars:
        if groups and groups[-1][0] == bar.group:
            groups[-1][1].append(bar)
        else:
            groups.append((bar.group, [bar]))
    return groups


def profile_svg(bars: Sequence[Bar], *, width: int = 680, height: int = 190) -> str:
    """A labelled column chart: one column per dimension, grouped by list, with gridlines
    at each scale point and a whisker from the lowest to the highest interviewer score."""
    left, right, top, bottom = 22, 4, 8, 40
    gap = 10
    groups = _groups(bars)
    plot_w = width - left - right - gap * max(len(groups) - 1, 0)
    slot = plot_w / max(len(bars), 1)
    plot_h = height - top - bottom
    base = top + plot_h

    def y(value: float) -> float:
        return base - plot_h * value / SCALE_MAX

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="profile-chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Profile: mean score per dimension, 1 to {SCALE_MAX}" '
        f'font-family="DejaVu Sans, sans-serif" font-size="8">'
    ]
    for level in range(1, SCALE_MAX + 1):
        out.append(
            f'<line x1="{left}" y1="{_n(y(level))}" x2="{width - right}" y2="{_n(y(level))}" '
            f'stroke="#dddddd" stroke-width="0.6"/>'
            f'<text x="{left - 4}" y="{_n(y(level) + 3)}" text-anchor="end" '
            f'fill="#666666">{level}</text>'
        )
    out.append(f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="#999999"/>')
    x = float(left)
    for group, members in groups:
        colour = GROUP_COLOURS.get(group, DEFAULT_COLOUR)
        start = x
        for bar in members:
            centre = x + slot / 2
            if bar.value is not None:
                out.append(
                    f'<rect x="{_n(x + slot * 0.18)}" y="{_n(y(bar.value))}" '
                    f'width="{_n(slot * 0.64)}" height="{_n(base - y(bar.value))}" '
                    f'fill="{colour}"><title>{escape(bar.title)}: {bar.value:.2f}</title></rect>'
                )
            else:
                out.append(
                    f'<text x="{_n(centre)}" y="{base - 3}" text-anchor="middle" '
                    f'fill="#999999">–</text>'
                )
            if bar.low is not None and bar.high is not None and bar.high > bar.low:
                stroke = DISAGREEMENT_COLOUR if bar.disagreement else "#222222"
                out.append(
                    f'<line x1="{_n(centre)}" y1="{_n(y(bar.low))}" x2="{_n(centre)}" '
                    f'y2="{_n(y(bar.high))}" stroke="{stroke}" stroke-width="1.6"/>'
                )
            out.append(
                f'<text x="{_n(centre)}" y="{base + 10}" text-anchor="middle" '
                f'fill="#333333">{escape(bar.code)}</text>'
            )
            x += slot
        label = GROUP_LABELS.get(group, group)
        out.append(
            f'<text x="{_n((start + x) / 2)}" y="{base + 24}" text-anchor="middle" '
            f'fill="{colour}" font-size="9">{escape(label)}</text>'
        )
        x += gap
    out.append("</svg>")
    return "".join(out)


def mini_profile_svg(bars: Sequence[Bar], *, width: int = 64, height: int = 22) -> str:
    """A small unlabelled profile for the comparison matrix: same columns, same colours."""
    groups = _groups(bars)
    gap = 3
    slot = (width - gap * max(len(groups) - 1, 0)) / max(len(bars), 1)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mini-profile" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Profile: mean score per dimension">'
        f'<line x1="0" y1="{height - 0.5}" x2="{width}" y2="{height - 0.5}" '
        f'stroke="#999999" stroke-width="0.5"/>'
    ]
    x = 0.0
    for group, members in groups:
        colour = GROUP_COLOURS.get(group, DEFAULT_COLOUR)
        for bar in members:
            if bar.value is not None:
                h = (height - 1) * bar.value / SCALE_MAX
                out.append(
                    f'<rect x="{_n(x + slot * 0.1)}" y="{_n(height - 1 - h)}" '
                    f'width="{_n(slot * 0.8)}" height="{_n(h)}" fill="{colour}"/>'
                )
            x += slot
        x += gap
    out.append("</svg>")
    return "".join(out)
