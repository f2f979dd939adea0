"""A PSW already proposed for or matched with the person, and the reason a lower pick needs."""

from __future__ import annotations

import pytest

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.match_lifecycle import MatchStage
from peerdesk.domain.matching.constraints import ALREADY_MATCHED
from peerdesk.services.bundle import Services
from peerdesk.services.match_service import RATIONALE_MIN
from tests.unit.services.test_matching_service import D, ready_psw, waiting


def test_a_short_reason_below_the_top_says_a_reason_is_needed(services: Services) -> None:
    ready_psw(services, "Łukasz Nowak", languages=("Polish",))
    second = ready_psw(services, "Ann Smith", languages=("English",))
    who = waiting(services, "Marta", languages=("Polish",), referred=D(2026, 9, 1))

    for short in ("x", "Lives nearby", "y" * (RATIONALE_MIN - 1)):
        with pytest.raises(ValidationFailed) as raised:
            services.matching.propose(who, second, short)
        (problem,) = raised.value.problems
        assert problem.field == "rationale"
        assert f"a pick below the top needs a reason of at least {RATIONALE_MIN}" in (
            problem.message
        )
        assert "leave it empty" not in problem.message
    services.matching.propose(who, second, "z" * RATIONALE_MIN)


def test_a_psw_already_proposed_is_excluded_with_the_reason(services: Services) -> None:
    first = ready_psw(services, "Łukasz Nowak", languages=("Polish",))
    second = ready_psw(services, "Ann Smith", languages=("English",))
    who = waiting(services, "Marta", languages=("Polish",), referred=D(2026, 9, 1))
    services.matching.propose(who, first)

    found = services.matching.suggest(who)

    assert [s.psw_id for s in found.suggestions] == [second]
    assert found.total == 1
    why = {e.psw_id: e.why_not for e in found.excluded}
    assert why[first] == (ALREADY_MATCHED,)
    assert any(g.headline == ALREADY_MATCHED and g.count == 1 for g in found.groups)
    # Ann is now the top suggestion: no reason needed; Łukasz is refused with the why-not
    with pytest.raises(ValidationFailed, match="already proposed"):
        services.matching.propose(who, first)


def test_a_withdrawn_match_no_longer_excludes(services: Services) -> None:
    first = ready_psw(services, "Łukasz Nowak", languages=("Polish",))
    who = waiting(services, "Marta", languages=("Polish",), referred=D(2026, 9, 1))
    (match_id,) = services.matching.propose(who, first).matches
    assert not services.matching.suggest(who).suggestions

    services.matches.step(match_id, MatchStage.WITHDRAWN, on=D(2026, 11, 23), note="Moved away")

    assert [s.psw_id for s in services.matching.suggest(who).suggestions] == [first]
