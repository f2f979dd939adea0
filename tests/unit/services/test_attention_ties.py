"""Needs attention: lines the sort key ties on come in one order, by subject."""

from __future__ import annotations

from peerdesk.services.bundle import Services
from tests.unit.services.checks_helpers import D, complete_evidence, dbs_details, new_psw


def test_namesakes_due_the_same_day_are_listed_by_id(services: Services) -> None:
    people = []
    for n in range(3):
        psw = new_psw(services, "Sam Namesake", known_as="")
        complete_evidence(services, psw)
        services.dbs.add(
            psw, dbs_details(issued_on=D(2023, 12, 10), certificate_number=f"00987654321{n}")
        )
        old = next(c for c in services.dbs.checks(psw) if c.details.issued_on == D(2026, 9, 1))
        services.dbs.remove(old.id)
        people.append(psw)
    lines = [i for i in services.attention.items() if i.item == "DBS (enhanced)"]
    assert [i.subject_id for i in lines] == sorted(people)
    assert {(i.name, i.due_on) for i in lines} == {("Sam Namesake", D(2026, 12, 10))}
