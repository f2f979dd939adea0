"""The trustees' report as an A4 PDF: counts and trends with the previous period, never names.

Every count of people goes through ``trustees_suppression`` (see ``trustees_layout``), so a
small number prints as "<5"; the only text from the vault is the organisation's name and its
outcome measures' names (set-up, not anyone's data). Not marked CONFIDENTIAL: it holds no
personal data. The opening and the headline sections are here; the monthly ones are in
``trustees_monthly`` and the breakdowns in ``trustees_sections``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from peerdesk.domain.trustees import PeriodFigures, TrusteesFigures
from peerdesk.domain.trustees_inputs import Period
from peerdesk.export.pdf.page import BuiltPdf, Story, build_pdf
from peerdesk.export.pdf.trustees_layout import TrusteesLayout, period_text
from peerdesk.export.pdf.trustees_monthly import hours, matches, monthly_counts
from peerdesk.export.pdf.trustees_sections import equality, outcomes


@dataclass(frozen=True)
class TrusteesDocument:
    figures: TrusteesFigures
    measure_names: Mapping[str, str]


def trustees_pdf(
    document: TrusteesDocument, *, organisation: str, printed_at: dt.datetime
) -> BuiltPdf:
    """The report; the same figures, organisation and time give the same bytes."""
    figures = document.figures
    now, before = figures.current, figures.previous
    layout = TrusteesLayout(Story(), figures.threshold)
    _opening(layout, now.period, None if before is None else before.period)
    _workers(layout, now, before)
    _people(layout, now, before)
    monthly_counts(
        layout,
        "Referrals by month",
        "Referrals",
        now.referrals_by_month,
        None if before is None else before.referrals_by_month,
    )
    matches(layout, now, before)
    hours(layout, now, before)
    equality(layout, now, before)
    outcomes(layout, now, before, document.measure_names)
    period = now.period
    return build_pdf(
        layout.story,
        title_ref=f"Trustees' report {period.start.isoformat()} to {period.end.isoformat()}",
        subject="Counts and trends only: no names or personal details",
        organisation=organisation,
        printed_at=printed_at,
        confidential=False,
    )


def _opening(layout: TrusteesLayout, period: Period, before: Period | None) -> None:
    t = layout.t
    layout.story.title("Trustees' report")
    layout.story.paragraph(f"For {period_text(period)}.")
    if before is not None:
        layout.story.paragraph(f"Compared with the period before: {period_text(before)}.")
    layout.story.paragraph(
        f"Counts from 1 to {t - 1:,} print as \u201c<{t}\u201d, and so does the "
        f"next smallest count in the same table, so that no one can be picked out or "
        f"worked out from a total. Waiting times, outcome changes and shares are not shown "
        f"for fewer than {t:,} people. No names or personal details are in this report."
        if t > 1
        else "No counts are hidden (the small-number threshold is set to 1)."
    )


def _workers(layout: TrusteesLayout, now: PeriodFigures, before: PeriodFigures | None) -> None:
    b = before or now
    count, share = layout.count, layout.share
    lines = [
        ("Active at the end of the period", count(now.active_psws), count(b.active_psws)),
        ("Joined (first became active)", count(now.joined), count(b.joined)),
        ("Left", count(now.left), count(b.left)),
        ("Training courses completed", count(now.training_done), count(b.training_done)),
        ("Active and cleared by their checks", share(now.cleared), share(b.cleared)),
        (
            "Active and in date for supervision",
            share(now.in_date_for_supervision),
            share(b.in_date_for_supervision),
        ),
    ]
    layout.section(
        "Peer support workers",
        layout.table([layout.columns(before), *layout.rows(lines, before)]),
        note="Cleared and in date are judged on each period's last day.",
    )


def _people(layout: TrusteesLayout, now: PeriodFigures, before: PeriodFigures | None) -> None:
    b = before or now
    count, days = layout.count, layout.days
    longest_now = now.waits.longest_days
    longest_then = b.waits.longest_days
    lines = [
        ("Referrals received", count(now.referrals), count(b.referrals)),
        (
            "People supported (matched at some time)",
            count(now.people_supported),
            count(b.people_supported),
        ),
        ("Waiting at the end of the period", count(now.waits.waiting), count(b.waits.waiting)),
        ("Median wait", days(now, now.waits.median_days), days(b, b.waits.median_days)),
        ("90th percentile wait", days(now, now.waits.p90_days), days(b, b.waits.p90_days)),
        (
            "Longest wait",
            days(now, None if longest_now is None else float(longest_now)),
            days(b, None if longest_then is None else float(longest_then)),
        ),
    ]
    layout.section(
        "Supported people",
        layout.table([layout.columns(before), *layout.rows(lines, before)]),
        note="Waits are counted from referral to the period's last day, less time on hold.",
    )
