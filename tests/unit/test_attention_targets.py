"""Where Needs attention lines and refused activations' reasons open on the PSW form."""

from __future__ import annotations

import datetime as dt

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.requirement_policy import Policy, RequirementKind
from peerdesk.domain.requirements import RequirementResult, RequirementStatus
from peerdesk.ui.attention_targets import attention_target, links_html, reason_links

DAY = dt.date(2026, 11, 23)
POLICIES = [
    Policy(1, "DBS (enhanced)", RequirementKind.DBS),
    Policy(2, "References", RequirementKind.REFERENCES),
    Policy(3, "Occupational health", RequirementKind.OCCUPATIONAL_HEALTH),
    Policy(4, "Induction", RequirementKind.INDUCTION),
    Policy(5, "Safeguarding adults", RequirementKind.TRAINING, topic="Safeguarding adults"),
    Policy(6, "Criminal record check", RequirementKind.DBS),
]


def line(item: str, status: str = "Expired", kind: str = "psw") -> AttentionItem:
    return AttentionItem(kind, 1, "Zoë Nguyễn", item, status, DAY)


def test_each_kind_of_line_opens_its_section() -> None:
    cases = {
        line("DBS (enhanced)"): "dbs",
        line("Criminal record check"): "dbs",  # renamed policy: known by its kind
        line("Safeguarding adults", "Due soon"): "training",
        line("Occupational health"): "health",
        line("Induction"): "induction",
        line("Reference 2 from Sam Ortiz, not received", "Awaited"): "references",
        line("At interview since 1 October 2026 (target 21 days)", "Stalled"): "journey",
        line("At checks since 1 October 2026 (target 60 days)", "Near stage target"): "journey",
        line("Adjustment review: Flexible hours", "In place"): "adjustments",
        line("Active, not cleared (DBS (enhanced))", "Not cleared"): "readiness",
    }
    for item, section in cases.items():
        assert attention_target(item, POLICIES) == section, item.item


def test_unknown_lines_and_other_subjects_just_open_the_record() -> None:
    assert attention_target(line("Something new")) == ""
    assert attention_target(line("DBS (enhanced)", kind="request"), POLICIES) == ""
    # without the policies, the common names still land
    assert attention_target(line("DBS (basic)")) == "dbs"
    assert attention_target(line("At the beach", "Expired"), POLICIES) == ""


def test_refusal_reasons_link_to_their_sections_with_text_escaped() -> None:
    blocking = [
        RequirementResult(1, "DBS (enhanced)", RequirementStatus.MISSING, None, "DBS not <b>"),
        RequirementResult(5, "Safeguarding", RequirementStatus.EXPIRED, DAY, "Safeguarding & co"),
        RequirementResult(99, "Gone", RequirementStatus.MISSING, None, "Gone not recorded"),
    ]
    links = reason_links(blocking, POLICIES)
    assert links == [
        ("dbs", "DBS not <b>"),
        ("training", "Safeguarding & co"),
        ("readiness", "Gone not recorded"),
    ]
    text = links_html(links)
    assert '<a href="dbs">DBS not &lt;b&gt;</a>' in text
    assert '<a href="training">Safeguarding &amp; co</a>' in text
    assert links_html([]) == ""
