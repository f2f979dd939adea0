"""The trustees' report as an A4 PDF: counts and trends with the previous period, never names.

Every count of people goes through ``trustees_suppression`` (shown_count, suppress, shown_total),
so a small number prints as "<5"; the only text from the vault is the organisation's name and
its outcome measures' names (set-up, not anyone's data). Not marked CONFIDENTIAL: it holds no
personal data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from peerdesk.domain.calendar import format_date
from peerdesk.domain.demographics import QUESTIONS
from peerdesk.domain.trustees import PeriodFigures, Share, TrusteesFigures
from peerdesk.domain.trustees_inputs import AGE_BAND, Period
from peerdesk.domain.trustees_suppression import shown_count, shown_total, suppress
from peerdesk.export.pdf.page import SMALL, BuiltPdf, Story, build_pdf
from peerdesk.export.pdf.trustees_charts import Series, monthly_chart

_WIDTH = 480.0
_NUMBER_W = 92.0
_NOT_SHOWN = "Not shown"


@dataclass(frozen=True)
class TrusteesDocument:
    figures: TrusteesFigures
    measure_names: Mapping[str, str]


def period_text(period: Period) -> str:
    return f"{format_date(period.start)} to {format_date(period.end)}"


def trustees_pdf(
    document: TrusteesDocument, *, organisation: str, printed_at: dt.datetime
) -> BuiltPdf:
    """The report; the same figures, organisation and time give the same bytes."""
    figures = document.figures
    now, before = figures.current, figures.previous
    report = _Report(Story(), figures.threshold)
    report.opening(now.period, None if before is None else before.period)
    report.workers(now, before)
    report.people(now, before)
    report.monthly_counts(
        "Referrals by month",
        "Referrals",
        now.referrals_by_month,
        None if before is None else before.referrals_by_month,
    )
    report.matches(now, before)
    report.hours(now, before)
    report.equality(now, before)
    report.outcomes(now, before, document.measure_names)
    period = now.period
    return build_pdf(
        report.story,
        title_ref=f"Trustees' report {period.start.isoformat()} to {period.end.isoformat()}",
        subject="Counts and trends only: no names or personal details",
        organisation=organisation,
        printed_at=printed_at,
        confidential=False,
    )


def _month(month: dt.date) -> str:
    return f"{month:%b} {month.year}"


def _number(value: float) -> str:
    text = f"{value:,.1f}"
    return text[:-2] if text.endswith(".0") else text


class _Report:
    def __init__(self, story: Story, threshold: int) -> None:
        self.story = story
        self.t = threshold

    # -- building blocks -------------------------------------------------------------------

    def table(
        self,
        rows: Sequence[Sequence[str]],
        *,
        first_width: float | None = None,
        total_row: bool = False,
    ) -> Table:
        columns = len(rows[0])
        first = first_width or _WIDTH - _NUMBER_W * (columns - 1)
        cells = [
            [
                self.story.markup(text, bold=r == 0 or (total_row and r == len(rows) - 1))
                for text in row
            ]
            for r, row in enumerate(rows)
        ]
        style = SMALL.clone("TrusteesCell", fontSize=8.5, leading=11)
        right = style.clone("TrusteesNumber", alignment=2)
        flow = [
            [Paragraph(cell, style if c == 0 else right) for c, cell in enumerate(row)]
            for row in cells
        ]
        table = Table(
            flow, colWidths=[first, *[_NUMBER_W] * (columns - 1)], repeatRows=1, hAlign="LEFT"
        )
        commands: list[tuple[object, ...]] = [
            ("LINEBELOW", (0, 0), (-1, 0), 0.7, colors.black),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#c8c8c8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        if total_row:
            commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.7, colors.black))
        table.setStyle(TableStyle(commands))
        return table

    def section(self, title: str, *parts: Flowable, note: str = "") -> None:
        heading = self.story.heading(title)
        self.story.flowables.pop()  # kept with what follows it
        items: list[Flowable] = [heading]
        if note:
            items.append(self.story.paragraph(note))
            self.story.flowables.pop()
        items.extend(parts)
        self.story.add(KeepTogether(items))
        self.story.space(2)

    def count(self, value: int) -> str:
        return shown_count(value, self.t)

    def share(self, share: Share | None) -> str:
        if share is None:
            return "Not recorded"
        if share.whole == 0:
            return "No one active"
        shown = suppress({"yes": share.part, "no": share.whole - share.part}, self.t)
        if shown["yes"] != f"{share.part:,}" or shown["no"] != f"{share.whole - share.part:,}":
            return f"{shown['yes']} of {self.count(share.whole)}"
        return f"{share.part:,} of {share.whole:,} ({round(100 * share.part / share.whole)}%)"

    def days(self, figures: PeriodFigures, value: float | None) -> str:
        if figures.waits.waiting == 0 or value is None:
            return "No one waiting"
        if figures.waits.waiting < self.t:
            return _NOT_SHOWN
        return f"{_number(value)} days"

    # -- sections ----------------------------------------------------------------------------

    def opening(self, period: Period, before: Period | None) -> None:
        self.story.title("Trustees' report")
        self.story.paragraph(f"For {period_text(period)}.")
        if before is not None:
            self.story.paragraph(f"Compared with the period before: {period_text(before)}.")
        self.story.paragraph(
            f"Counts from 1 to {self.t - 1:,} print as \u201c<{self.t}\u201d, and so does the "
            f"next smallest count in the same table, so that no one can be picked out or "
            f"worked out from a total. Waiting times, outcome changes and shares are not shown "
            f"for fewer than {self.t:,} people. No names or personal details are in this report."
            if self.t > 1
            else "No counts are hidden (the small-number threshold is set to 1)."
        )

    def _columns(self, before: PeriodFigures | None) -> list[str]:
        return ["", "This period", *(["Previous period"] if before is not None else [])]

    def _rows(
        self, lines: Sequence[tuple[str, str, str]], before: PeriodFigures | None
    ) -> list[list[str]]:
        return [[label, now, *([then] if before is not None else [])] for label, now, then in lines]

    def workers(self, now: PeriodFigures, before: PeriodFigures | None) -> None:
        b = before or now
        lines = [
            (
                "Active at the end of the period",
                self.count(now.active_psws),
                self.count(b.active_psws),
            ),
            ("Joined (first became active)", self.count(now.joined), self.count(b.joined)),
            ("Left", self.count(now.left), self.count(b.left)),
            (
                "Training courses completed",
                self.count(now.training_done),
                self.count(b.training_done),
            ),
            ("Active and cleared by their checks", self.share(now.cleared), self.share(b.cleared)),
            (
                "Active and in date for supervision",
                self.share(now.in_date_for_supervision),
                self.share(b.in_date_for_supervision),
            ),
        ]
        self.section(
            "Peer support workers",
            self.table([self._columns(before), *self._rows(lines, before)]),
            note="Cleared and in date are judged on each period's last day.",
        )

    def people(self, now: PeriodFigures, before: PeriodFigures | None) -> None:
        b = before or now
        lines = [
            ("Referrals received", self.count(now.referrals), self.count(b.referrals)),
            (
                "People supported (matched at some time)",
                self.count(now.people_supported),
                self.count(b.people_supported),
            ),
            (
                "Waiting at the end of the period",
                self.count(now.waits.waiting),
                self.count(b.waits.waiting),
            ),
            (
                "Median wait",
                self.days(now, now.waits.median_days),
                self.days(b, b.waits.median_days),
            ),
            (
                "90th percentile wait",
                self.days(now, now.waits.p90_days),
                self.days(b, b.waits.p90_days),
            ),
            (
                "Longest wait",
                self.days(
                    now, None if now.waits.longest_days is None else float(now.waits.longest_days)
                ),
                self.days(b, None if b.waits.longest_days is None else float(b.waits.longest_days)),
            ),
        ]
        self.section(
            "Supported people",
            self.table([self._columns(before), *self._rows(lines, before)]),
            note="Waits are counted from referral to the period's last day, less time on hold.",
        )

    def _counts(
        self, monthly: Sequence[tuple[dt.date, int]]
    ) -> tuple[list[float | None], list[str]]:
        shown = suppress({m.isoformat(): n for m, n in monthly}, self.t)
        texts = [shown[m.isoformat()] for m, _ in monthly]
        values: list[float | None] = [
            float(n) if text == f"{n:,}" else None
            for (_, n), text in zip(monthly, texts, strict=True)
        ]
        return values, texts

    def monthly_counts(
        self,
        title: str,
        what: str,
        monthly: Sequence[tuple[dt.date, int]],
        earlier: Sequence[tuple[dt.date, int]] | None,
    ) -> None:
        months = [m for m, _ in monthly]
        values, texts = self._counts(monthly)
        before = earlier
        earlier = earlier or ()
        previous = None
        rows = [["Month", "This period", *(["Previous period"] if before is not None else [])]]
        if before is not None:
            old_values, old_texts = self._counts(earlier)
            previous = Series(
                "Previous period",
                _aligned(old_values, len(months), None),
                _aligned(old_texts, len(months), ""),
            )
        for m, month in enumerate(months):
            row = [_month(month), texts[m]]
            if before is not None:
                row.append(
                    f"{_aligned(old_texts, len(months), '')[m]} ({_month(earlier[m][0])})"
                    if m < len(earlier)
                    else ""
                )
            rows.append(row)
        total = ["Total", self.count(sum(n for _, n in monthly))]
        if before is not None:
            total.append(self.count(sum(n for _, n in earlier)))
        rows.append(total)
        chart = monthly_chart(
            months, [Series(what, values, texts)], previous=previous, width=_WIDTH
        )
        self.section(title, chart, self.table(rows, first_width=120, total_row=True))

    def matches(self, now: PeriodFigures, before: PeriodFigures | None) -> None:
        months = [m for m, _ in now.started_by_month]
        started, started_text = self._counts(now.started_by_month)
        ended, ended_text = self._counts(now.ended_by_month)
        chart = monthly_chart(
            months,
            [Series("Started", started, started_text), Series("Ended", ended, ended_text)],
            width=_WIDTH,
        )
        rows = [["Month", "Started", "Ended"]]
        rows += [[_month(m), started_text[i], ended_text[i]] for i, m in enumerate(months)]
        rows.append(
            [
                "Total",
                self.count(sum(n for _, n in now.started_by_month)),
                self.count(sum(n for _, n in now.ended_by_month)),
            ]
        )
        if before is not None:
            rows.append(
                [
                    "Previous period",
                    self.count(sum(n for _, n in before.started_by_month)),
                    self.count(sum(n for _, n in before.ended_by_month)),
                ]
            )
        self.section(
            "Matches started and ended",
            chart,
            self.table(rows, first_width=120, total_row=before is None),
        )
        reasons = suppress(now.matches_ended, self.t)
        old = suppress(before.matches_ended, self.t) if before is not None else {}
        reason_rows = [
            ["Why matches ended", "This period", *(["Previous period"] if before else [])]
        ]
        labels = list(now.matches_ended) + [k for k in old if k not in now.matches_ended]
        for label in labels:
            reason_rows.append(
                [label, reasons.get(label, "0"), *([old.get(label, "0")] if before else [])]
            )
        reason_rows.append(
            [
                "Total",
                shown_total(now.matches_ended, self.t),
                *([shown_total(before.matches_ended, self.t)] if before else []),
            ]
        )
        self.section("Matches ended, by reason", self.table(reason_rows, total_row=True))

    def hours(self, now: PeriodFigures, before: PeriodFigures | None) -> None:
        months = [m for m, _ in now.hours_by_month]
        values: list[float | None] = [h for _, h in now.hours_by_month]
        texts = [_number(h) for _, h in now.hours_by_month]
        previous = None
        rows = [["Month", "This period", *(["Previous period"] if before is not None else [])]]
        earlier = before.hours_by_month if before is not None else ()
        if before is not None:
            old: list[float | None] = [h for _, h in earlier]
            previous = Series("Previous period", _aligned(old, len(months), None), [])
        for m, month in enumerate(months):
            row = [_month(month), texts[m]]
            if before is not None:
                row.append(
                    f"{_number(earlier[m][1])} ({_month(earlier[m][0])})"
                    if m < len(earlier)
                    else ""
                )
            rows.append(row)
        rows.append(
            [
                "Total",
                _number(sum(h for _, h in now.hours_by_month)),
                *([_number(sum(h for _, h in earlier))] if before else []),
            ]
        )
        chart = monthly_chart(
            months, [Series("Hours", values, texts)], previous=previous, width=_WIDTH
        )
        self.section(
            "Volunteer hours by month",
            chart,
            self.table(rows, first_width=120, total_row=True),
            note="Hours of contacts attended, from the contact logs.",
        )

    def equality(self, now: PeriodFigures, before: PeriodFigures | None) -> None:
        for question in QUESTIONS:
            self._breakdown(
                f"Peer support workers: {_question(question.key, question.label)}",
                now.psw_equality[question.key],
                None if before is None else before.psw_equality[question.key],
                note="Peer support workers active at any time in the period."
                if question is QUESTIONS[0]
                else "",
                heading="Equality monitoring" if question is QUESTIONS[0] else "",
            )
        self._breakdown(
            "Supported people: age band when referred",
            now.people_equality[AGE_BAND],
            None if before is None else before.people_equality[AGE_BAND],
            note="People supported in the period. Supported people are not asked the other "
            "equality questions.",
        )

    def _breakdown(
        self,
        title: str,
        counts: Mapping[str, int],
        earlier: Mapping[str, int] | None,
        *,
        note: str = "",
        heading: str = "",
    ) -> None:
        shown = suppress(counts, self.t)
        old = suppress(earlier, self.t) if earlier is not None else {}
        rows = [[title, "This period", *(["Previous period"] if earlier is not None else [])]]
        for label in counts:
            rows.append([label, shown[label], *([old[label]] if earlier is not None else [])])
        rows.append(
            [
                "Total",
                shown_total(counts, self.t),
                *([shown_total(earlier, self.t)] if earlier is not None else []),
            ]
        )
        table = self.table(rows, total_row=True)
        if heading:
            self.section(heading, table, note=note)
            return
        items: list[Flowable] = [table]
        if note:
            items.insert(0, self.story.paragraph(note))
            self.story.flowables.pop()  # kept with its table
        self.story.add(KeepTogether(items))
        self.story.space(2)

    def outcomes(
        self, now: PeriodFigures, before: PeriodFigures | None, names: Mapping[str, str]
    ) -> None:
        measures = list(now.outcomes) + [
            m for m in (before.outcomes if before else {}) if m not in now.outcomes
        ]
        if not measures:
            self.section(
                "Outcome measures",
                note="No one had a first and a later score on an outcome measure in the period.",
            )
            return
        rows = [["Measure", "People", "Mean change", "Improved"]]
        for measure in measures:
            name = names.get(measure, f"Measure {measure}")
            for label, figures in (("", now), (" (previous period)", before)):
                if figures is None:
                    continue
                found = figures.outcomes.get(measure)
                if found is None:
                    rows.append([name + label, "0", "", ""])
                elif found.people < self.t:
                    rows.append([name + label, self.count(found.people), _NOT_SHOWN, _NOT_SHOWN])
                else:
                    change = f"{found.mean_change:+,.1f}".replace("+0.0", "0.0").replace(
                        "-0.0", "0.0"
                    )
                    rows.append(
                        [name + label, self.count(found.people), change, self.share(found.improved)]
                    )
        self.section(
            "Outcome measures",
            self.table(rows),
            note="People whose latest score in the period came after their first score; change "
            "is latest minus first, improved in the measure's better direction.",
        )


T = TypeVar("T")


def _question(key: str, label: str) -> str:
    return "age band" if key == AGE_BAND else label[0].lower() + label[1:]


def _aligned(values: Sequence[T], length: int, fill: T) -> list[T]:
    """The previous period's months against this period's by position, padded or cut."""
    return [*values[:length], *[fill] * max(0, length - len(values))]
