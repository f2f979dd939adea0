"""Small builders for matching tests."""

from __future__ import annotations

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.matching.profiles import PswItem, PswProfile, WishedItem

PND = WishedItem(TaxonomyItemId(1), "postnatal depression", "Perinatal")
BIRTH_TRAUMA = PswItem(TaxonomyItemId(2), "birth trauma", "Perinatal", shareable=True)
PSYCHOSIS = PswItem(TaxonomyItemId(3), "psychosis", "Psychosis", shareable=True)
ANXIETY = PswItem(TaxonomyItemId(4), "anxiety", "Anxiety", shareable=True)
MORNINGS = Availability.of([TimeRange(0, 18, 24), TimeRange(2, 18, 24)])  # Mon, Wed 09–12


def psw(psw_id: int = 1, **changes: object) -> PswProfile:
    base: dict[str, object] = {
        "id": PswId(psw_id),
        "name": f"PSW {psw_id}",
        "languages": ("English",),
        "availability": MORNINGS,
        "position": (51.5, -0.1),
        "travel_miles": 10.0,
        "contact_modes": ("phone",),
        "places": 3,
    }
    base.update(changes)
    return PswProfile(**base)  # type: ignore[arg-type]


def pnd_item(shareable: bool = True) -> PswItem:
    return PswItem(PND.item_id, PND.name, PND.family, shareable=shareable)
