"""Monthly charts for the trustees' report, drawn with reportlab.graphics, values printed on them.

Bars are this period; a second series is told apart by shape as well as shade (an outlined bar
beside a solid one, or a dashed line with square markers for the previous period), so nothing
depends on colour. A month whose count is suppressed draws no bar: its label ("<5") stands on
the axis, so the chart gives away no more than the table beside it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from peerdesk.export.pdf.fonts import SANS

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SOLID = colors.HexColor("#2f4b7c")
_LINE = colors.HexColor("#7a7a7a")
_GRID = colors.HexColor("#d0d0d0")
_LEFT, _BOTTOM, _TOP, _RIGHT = 34.0, 26.0, 30.0, 6.0
_VALUE_FONT = 7.0
_MIN_FONT = 4.5


@dataclass(frozen=True)
class Series:
    """One series: a value per month (None: suppressed, no bar) and the text printed for each."""

    label: str
    values: Sequence[float | None]
    shown: Sequence[str]


def nice_step(top: float, ticks: int = 4) -> float:
    """A round gridline step (1, 2 or 5 times a power of ten) giving about ``ticks`` lines."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def month_label(month: dt.date, first: bool) -> tuple[str, str]:
    """("Apr", "2025") under the first month and each January; ("May", "") otherwise."""
    year = str(month.year) if first or month.month == 1 else ""
    return _MONTHS[month.month - 1], year


def _fitted(text: str, room: float) -> float:
    size = _VALUE_FONT
    while size > _MIN_FONT and stringWidth(text, SANS, size) > room:
        size -= 0.5
    return size


def _scale_top(series: Sequence[Series]) -> tuple[float, float]:
    values = [v for s in series for v in s.values if v is not None]
    top = max(values, default=0.0)
    step = nice_step(top)
    return max(step * math.ceil(top / step), step), step


def monthly_chart(
    months: Sequence[dt.date],
    bars: Sequence[Series],
    *,
    previous: Series | None = None,
    width: float,
    height: float = 170.0,
) -> Drawing:
    """Bars per month (one or two series side by side), values over them; a previous line."""
    drawing = Drawing(width, height)
    plot_w, plot_h = width - _LEFT - _RIGHT, height - _BOTTOM - _TOP
    everything = [*bars, *([previous] if previous is not None else [])]
    top, step = _scale_top(everything)

    def y_of(value: float) -> float:
        return _BOTTOM + plot_h * value / top

    _axes(drawing, top, step, plot_w, y_of)
    group = plot_w / max(len(months), 1)
    bar_w = group * (0.62 if len(bars) == 1 else 0.4)
    for m, month in enumerate(months):
        x0 = _LEFT + m * group + (group - bar_w * len(bars)) / 2
        for b, series in enumerate(bars):
            x = x0 + b * bar_w
            _bar(drawing, x, bar_w, series.values[m], series.shown[m], y_of, outlined=b == 1)
        name, year = month_label(month, m == 0)
        centre = _LEFT + (m + 0.5) * group
        size = _fitted(name, group - 1)
        drawing.add(
            String(centre, _BOTTOM - 10, name, fontName=SANS, fontSize=size, textAnchor="middle")
        )
        if year:
            drawing.add(
                String(
                    centre, _BOTTOM - 19, year, fontName=SANS, fontSize=size, textAnchor="middle"
                )
            )
    if previous is not None:
        _previous_line(drawing, previous, group, y_of)
    _legend(drawing, bars, previous, width, height)
    return drawing


def _axes(
    drawing: Drawing, top: float, step: float, plot_w: float, y_of: Callable[[float], float]
) -> None:
    value = 0.0
    while value <= top + step / 1000:
        y = y_of(value)
        drawing.add(Line(_LEFT, y, _LEFT + plot_w, y, strokeColor=_GRID, strokeWidth=0.4))
        text = f"{value:,.0f}" if step >= 1 else f"{value:,.1f}"
        drawing.add(String(_LEFT - 3, y - 2.5, text, fontName=SANS, fontSize=6.5, textAnchor="end"))
        value += step
    drawing.add(
        Line(_LEFT, _BOTTOM, _LEFT + plot_w, _BOTTOM, strokeColor=colors.black, strokeWidth=0.6)
    )


def _bar(
    drawing: Drawing,
    x: float,
    bar_w: float,
    value: float | None,
    shown: str,
    y_of: Callable[[float], float],
    *,
    outlined: bool,
) -> None:
    base = y_of(0)
    y = base
    if value is not None and value > 0:
        y = y_of(value)
        fill = colors.white if outlined else _SOLID
        drawing.add(
            Rect(
                x + 0.5,
                base,
                bar_w - 1,
                y - base,
                fillColor=fill,
                strokeColor=_SOLID,
                strokeWidth=0.7,
            )
        )
    size = _fitted(shown, bar_w + 2)
    drawing.add(
        String(x + bar_w / 2, y + 2, shown, fontName=SANS, fontSize=size, textAnchor="middle")
    )


def _previous_line(
    drawing: Drawing, previous: Series, group: float, y_of: Callable[[float], float]
) -> None:
    points: list[float] = []
    for m, value in enumerate(previous.values):
        if value is None:
            continue
        x, y = _LEFT + (m + 0.5) * group, y_of(value)
        points += [x, y]
        drawing.add(
            Rect(x - 1.8, y - 1.8, 3.6, 3.6, fillColor=_LINE, strokeColor=_LINE, strokeWidth=0)
        )
    if len(points) >= 4:
        drawing.add(PolyLine(points, strokeColor=_LINE, strokeWidth=0.9, strokeDashArray=[3, 2]))


def _legend(
    drawing: Drawing, bars: Sequence[Series], previous: Series | None, width: float, height: float
) -> None:
    x, y = _LEFT, height - 10
    for b, series in enumerate(bars):
        fill = colors.white if b == 1 else _SOLID
        drawing.add(Rect(x, y - 1, 8, 7, fillColor=fill, strokeColor=_SOLID, strokeWidth=0.7))
        drawing.add(String(x + 11, y, series.label, fontName=SANS, fontSize=7.5))
        x += 11 + stringWidth(series.label, SANS, 7.5) + 14
    if previous is not None:
        drawing.add(
            Line(
                x,
                y + 2.5,
                x + 14,
                y + 2.5,
                strokeColor=_LINE,
                strokeWidth=0.9,
                strokeDashArray=[3, 2],
            )
        )
        drawing.add(
            Rect(x + 5.2, y + 0.7, 3.6, 3.6, fillColor=_LINE, strokeColor=_LINE, strokeWidth=0)
        )
        drawing.add(String(x + 17, y, previous.label, fontName=SANS, fontSize=7.5))
