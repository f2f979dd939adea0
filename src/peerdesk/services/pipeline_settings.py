"""Pipeline settings as stored in the ``setting`` table: stage targets and the recorder's name.

Shared by the settings service (which edits them) and the PSW service (which reads them inside
its own transaction), so both agree on keys and defaults.
"""

from __future__ import annotations

from collections.abc import Mapping

from peerdesk.domain.journey import DEFAULT_RECORDER, JourneyStatus
from peerdesk.domain.pipeline import DEFAULT_TARGET_DAYS

COORDINATOR_NAME = "coordinator_name"
"""Who "recorded by" names when a change does not say (e.g. the coordinator's own name)."""
TARGET_PREFIX = "stage_target_days."


def target_key(status: JourneyStatus) -> str:
    return TARGET_PREFIX + status.value


def targets_from(values: Mapping[str, str]) -> dict[JourneyStatus, int]:
    """Target days per stage: the defaults, overlaid with what Settings saved."""
    targets = dict(DEFAULT_TARGET_DAYS)
    for status in DEFAULT_TARGET_DAYS:
        stored = values.get(target_key(status), "")
        if stored.isdigit() and int(stored) > 0:  # anything else was never written by us
            targets[status] = int(stored)
    return targets


def recorder_from(values: Mapping[str, str]) -> str:
    """The coordinator's name from Settings, or "Coordinator" when none is set."""
    return values.get(COORDINATOR_NAME, "").strip() or DEFAULT_RECORDER
