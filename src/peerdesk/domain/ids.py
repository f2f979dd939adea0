"""Typed ids, so a PSW id cannot be passed where a list item id is wanted."""

from typing import NewType

PswId = NewType("PswId", int)
TaxonomyItemId = NewType("TaxonomyItemId", int)
PersonId = NewType("PersonId", int)
