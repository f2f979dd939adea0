"""The editable lists: lived experience (in families), skills, interests, languages and areas."""

from __future__ import annotations

import math

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.roles import Action
from peerdesk.domain.taxonomy import ListItem, ListItemDraft, ListKind
from peerdesk.domain.text import SHORT_TEXT_MAX, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.storage import list_items
from peerdesk.storage.workspace import Workspace


class ListService:
    def __init__(self, workspace: Workspace, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace

    def items(
        self, kind: ListKind | None = None, *, include_retired: bool = True
    ) -> list[ListItem]:
        with self._ws.reading() as s:
            found = list_items.all_items(s)
        return [
            i
            for i in found
            if (kind is None or i.kind is kind) and (include_retired or not i.retired)
        ]

    def add(self, draft: ListItemDraft) -> tuple[ListItem, Changes]:
        self._viewer.require(Action.SETTINGS)
        with self._ws.transaction() as s:
            clean = self._validated(draft)
            if list_items.name_taken(s, clean, except_id=None):
                raise ValidationFailed([Problem("name", f'"{clean.name}" is already in the list.')])
            (item,) = list_items.add_items(s, [clean])
        return item, Changes(lists=True)

    def update(self, item_id: TaxonomyItemId, draft: ListItemDraft) -> tuple[ListItem, Changes]:
        """Rename or move an item: every record using it shows the new name."""
        self._viewer.require(Action.SETTINGS)
        with self._ws.transaction() as s:
            clean = self._validated(draft)
            if list_items.name_taken(s, clean, except_id=item_id):
                raise ValidationFailed([Problem("name", f'"{clean.name}" is already in the list.')])
            item = list_items.update_item(s, item_id, clean)
        return item, Changes(lists=True, psw_membership=True)

    def set_retired(self, item_id: TaxonomyItemId, retired: bool) -> tuple[ListItem, Changes]:
        self._viewer.require(Action.SETTINGS)
        with self._ws.transaction() as s:
            item = list_items.set_retired(s, item_id, retired)
        return item, Changes(lists=True)

    def usage(self, item_id: TaxonomyItemId) -> int:
        with self._ws.reading() as s:
            return list_items.usage_count(s, item_id)

    def remove(self, item_id: TaxonomyItemId) -> Changes:
        """Delete an unused item; one in use must be retired instead, so no record loses it."""
        self._viewer.require(Action.SETTINGS)
        with self._ws.transaction() as s:
            used = list_items.usage_count(s, item_id)
            if used:
                raise ValidationFailed(
                    [
                        Problem(
                            "name",
                            f"{used} record(s) use this entry, so it cannot be deleted. "
                            "Retire it instead: it stays on those records but is not offered "
                            "again.",
                        )
                    ]
                )
            list_items.delete_item(s, item_id)
        return Changes(lists=True)

    @staticmethod
    def _validated(draft: ListItemDraft) -> ListItemDraft:
        name, family = tidy_line(draft.name), tidy_line(draft.family)
        problems = []
        if not name:
            problems.append(Problem("name", "Enter a name."))
        if len(name) > SHORT_TEXT_MAX or len(family) > SHORT_TEXT_MAX:
            problems.append(Problem("name", f"Names can be at most {SHORT_TEXT_MAX} characters."))
        if draft.kind is ListKind.LIVED_EXPERIENCE and not family:
            problems.append(Problem("family", "Choose or type the family this experience is in."))
        lat, lon = draft.latitude, draft.longitude
        if (lat is None) != (lon is None):
            problems.append(Problem("latitude", "Give both latitude and longitude, or neither."))
        elif lat is not None and lon is not None:
            if not (math.isfinite(lat) and -90 <= lat <= 90):
                problems.append(Problem("latitude", "Latitude must be between -90 and 90."))
            if not (math.isfinite(lon) and -180 <= lon <= 180):
                problems.append(Problem("longitude", "Longitude must be between -180 and 180."))
        if problems:
            raise ValidationFailed(problems)
        return ListItemDraft(draft.kind, name, family, lat, lon)
