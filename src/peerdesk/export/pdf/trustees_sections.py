"""The trustees' report's breakdowns: equality monitoring bands and outcome measure changes.

Bands are counts of people, so each table is suppressed as a whole (``suppress``, with the
total by ``shown_total``); an outcome change or share is not shown for fewer people than the
threshold.
"""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.platypus import Flowable, KeepTogether

from peerdesk.domain.demographics import QUESTIONS
from peerdesk.domain.trustees import PeriodFigures
from peerdesk.domain.trustees_inputs import AGE_BAND
from peerdesk.domain.trustees_suppression import shown_total, suppress
from peerdesk.export.pdf.trustees_layout import NOT_SHOWN, TrusteesLayout


def equality(layout: TrusteesLayout, now: PeriodFigures, before: PeriodFigures | None) -> None:
    for question in QUESTIONS:
        _breakdown(
            layout,
            f"Peer support workers: {_question(question.key, question.label)}",
            now.psw_equality[question.key],
            None if before is None else before.psw_equality[question.key],
            note="Peer support workers active at any time in the period."
            if question is QUESTIONS[0]
            else "",
            heading="Equality monitoring" if question is QUESTIONS[0] else "",
        )
    _breakdown(
        layout,
        "Supported people: age band when referred",
        now.people_equality[AGE_BAND],
        None if before is None else before.people_equality[AGE_BAND],
        note="People supported in the period. Supported people are not asked the other "
        "equality questions.",
    )


def _breakdown(
    layout: TrusteesLayout,
    title: str,
    counts: Mapping[str, int],
    earlier: Mapping[str, int] | None,
    *,
    note: str = "",
    heading: str = "",
) -> None:
    shown = suppress(counts, layout.t)
    old = suppress(earlier, layout.t) if earlier is not None else {}
    rows = [[title, "This period", *(["Previous period"] if earlier is not None else [])]]
    for label in counts:
        rows.append([label, shown[label], *([old[label]] if earlier is not None else [])])
    rows.append(
        [
            "Total",
            shown_total(counts, layout.t),
            *([shown_total(earlier, layout.t)] if earlier is not None else []),
        ]
    )
    table = layout.table(rows, total_row=True)
    if heading:
        layout.section(heading, table, note=note)
        return
    items: list[Flowable] = [table]
    if note:
        items.insert(0, layout.story.paragraph(note))
        layout.story.flowables.pop()  # kept with its table
    layout.story.add(KeepTogether(items))
    layout.story.space(2)


def outcomes(
    layout: TrusteesLayout,
    now: PeriodFigures,
    before: PeriodFigures | None,
    names: Mapping[str, str],
) -> None:
    measures = list(now.outcomes) + [
        m for m in (before.outcomes if before else {}) if m not in now.outcomes
    ]
    if not measures:
        layout.section(
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
            elif found.people < layout.t:
                rows.append([name + label, layout.count(found.people), NOT_SHOWN, NOT_SHOWN])
            else:
                change = f"{found.mean_change:+,.1f}".replace("+0.0", "0.0").replace("-0.0", "0.0")
                rows.append(
                    [name + label, layout.count(found.people), change, layout.share(found.improved)]
                )
    layout.section(
        "Outcome measures",
        layout.table(rows),
        note="People whose latest score in the period came after their first score; change "
        "is latest minus first, improved in the measure's better direction.",
    )


def _question(key: str, label: str) -> str:
    return "age band" if key == AGE_BAND else label[0].lower() + label[1:]
