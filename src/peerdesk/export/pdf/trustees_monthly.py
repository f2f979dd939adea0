"""The trustees' report's month-by-month sections: referrals, matches started and ended, hours.

Each is a chart with the previous period beside it and the table of the same figures (a chart
is never the only place a number is shown).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from peerdesk.domain.trustees import PeriodFigures
from peerdesk.domain.trustees_suppression import shown_total, suppress
from peerdesk.export.pdf.trustees_charts import Series, monthly_chart
from peerdesk.export.pdf.trustees_layout import (
    WIDTH,
    TrusteesLayout,
    aligned,
    month_text,
    number_text,
)


def monthly_counts(
    layout: TrusteesLayout,
    title: str,
    what: str,
    monthly: Sequence[tuple[dt.date, int]],
    earlier: Sequence[tuple[dt.date, int]] | None,
) -> None:
    months = [m for m, _ in monthly]
    values, texts = layout.counts(monthly)
    before = earlier
    earlier = earlier or ()
    previous = None
    rows = [["Month", "This period", *(["Previous period"] if before is not None else [])]]
    if before is not None:
        old_values, old_texts = layout.counts(earlier)
        previous = Series(
            "Previous period",
            aligned(old_values, len(months), None),
            aligned(old_texts, len(months), ""),
        )
    for m, month in enumerate(months):
        row = [month_text(month), texts[m]]
        if before is not None:
            row.append(
                f"{aligned(old_texts, len(months), '')[m]} ({month_text(earlier[m][0])})"
                if m < len(earlier)
                else ""
            )
        rows.append(row)
    total = ["Total", layout.count(sum(n for _, n in monthly))]
    if before is not None:
        total.append(layout.count(sum(n for _, n in earlier)))
    rows.append(total)
    chart = monthly_chart(months, [Series(what, values, texts)], previous=previous, width=WIDTH)
    layout.section(title, chart, layout.table(rows, first_width=120, total_row=True))


def matches(layout: TrusteesLayout, now: PeriodFigures, before: PeriodFigures | None) -> None:
    months = [m for m, _ in now.started_by_month]
    started, started_text = layout.counts(now.started_by_month)
    ended, ended_text = layout.counts(now.ended_by_month)
    chart = monthly_chart(
        months,
        [Series("Started", started, started_text), Series("Ended", ended, ended_text)],
        width=WIDTH,
    )
    rows = [["Month", "Started", "Ended"]]
    rows += [[month_text(m), started_text[i], ended_text[i]] for i, m in enumerate(months)]
    rows.append(
        [
            "Total",
            layout.count(sum(n for _, n in now.started_by_month)),
            layout.count(sum(n for _, n in now.ended_by_month)),
        ]
    )
    if before is not None:
        rows.append(
            [
                "Previous period",
                layout.count(sum(n for _, n in before.started_by_month)),
                layout.count(sum(n for _, n in before.ended_by_month)),
            ]
        )
    layout.section(
        "Matches started and ended",
        chart,
        layout.table(rows, first_width=120, total_row=before is None),
    )
    reasons = suppress(now.matches_ended, layout.t)
    old = suppress(before.matches_ended, layout.t) if before is not None else {}
    reason_rows = [["Why matches ended", "This period", *(["Previous period"] if before else [])]]
    labels = list(now.matches_ended) + [k for k in old if k not in now.matches_ended]
    for label in labels:
        reason_rows.append(
            [label, reasons.get(label, "0"), *([old.get(label, "0")] if before else [])]
        )
    reason_rows.append(
        [
            "Total",
            shown_total(now.matches_ended, layout.t),
            *([shown_total(before.matches_ended, layout.t)] if before else []),
        ]
    )
    layout.section("Matches ended, by reason", layout.table(reason_rows, total_row=True))


def hours(layout: TrusteesLayout, now: PeriodFigures, before: PeriodFigures | None) -> None:
    months = [m for m, _ in now.hours_by_month]
    values: list[float | None] = [h for _, h in now.hours_by_month]
    texts = [number_text(h) for _, h in now.hours_by_month]
    previous = None
    rows = [["Month", "This period", *(["Previous period"] if before is not None else [])]]
    earlier = before.hours_by_month if before is not None else ()
    if before is not None:
        old: list[float | None] = [h for _, h in earlier]
        previous = Series("Previous period", aligned(old, len(months), None), [])
    for m, month in enumerate(months):
        row = [month_text(month), texts[m]]
        if before is not None:
            row.append(
                f"{number_text(earlier[m][1])} ({month_text(earlier[m][0])})"
                if m < len(earlier)
                else ""
            )
        rows.append(row)
    rows.append(
        [
            "Total",
            number_text(sum(h for _, h in now.hours_by_month)),
            *([number_text(sum(h for _, h in earlier))] if before else []),
        ]
    )
    chart = monthly_chart(months, [Series("Hours", values, texts)], previous=previous, width=WIDTH)
    layout.section(
        "Volunteer hours by month",
        chart,
        layout.table(rows, first_width=120, total_row=True),
        note="Hours of contacts attended, from the contact logs.",
    )
