"""Import of volunteers from a spreadsheet: mapping presets, the dry run, and the one-go commit."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from peerdesk.domain.errors import PeerDeskError, Problem, ValidationFailed
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.import_dates import looks_month_first
from peerdesk.domain.import_duplicates import find_duplicates
from peerdesk.domain.import_fields import (
    FIELD_BY_KEY,
    mapping_problems,
    preset_from,
    presets_from_json,
    presets_to_json,
)
from peerdesk.domain.import_rows import RowOutcome, Taxonomies, build_row
from peerdesk.domain.import_table import ImportProblem, ParsedTable
from peerdesk.domain.progress import Exported, Progress
from peerdesk.domain.roles import Action
from peerdesk.domain.taxonomy import ListKind
from peerdesk.domain.text import SHORT_TEXT_MAX, fold, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.export.table_export import write_csv
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.pipeline_settings import recorder_from
from peerdesk.services.psw_service import insert_new_psws
from peerdesk.storage import audit_log, import_queries, list_items, settings_store
from peerdesk.storage.workspace import Workspace

PRESETS_KEY = "import_mapping_presets"
"""Setting holding the saved mappings as JSON: name -> {folded header: field key}."""
STEP = 100
"""Rows between progress reports in the dry run."""
COMMIT_CHUNK = 500
"""Rows written between progress reports (and chances to cancel) in the commit."""
ERROR_HEADERS = ("Row", "Column", "Value", "Message")


class DateOrderNeeded(PeerDeskError):
    """Date columns read month first (04/13/2024): the person must say which order they use."""

    def __init__(self, columns: Sequence[int], headers: Sequence[str]) -> None:
        self.columns = tuple(columns)
        names = ", ".join(f"“{headers[c]}”" for c in columns)
        super().__init__(
            f"The dates in {names} look month first (like 04/13/2024). Say whether they are "
            "day first or month first, then run the check again."
        )


@dataclass(frozen=True)
class ImportCounts:
    new: int
    duplicates: int
    errors: int
    left_out: int


@dataclass(frozen=True)
class ImportPlan:
    """The dry run: every row's outcome, duplicates, and problems by row and column."""

    headers: tuple[str, ...]
    outcomes: tuple[RowOutcome, ...]
    duplicates: Mapping[int, str]
    file_problems: tuple[ImportProblem, ...]
    """Problems the parser found (rows, headers, the whole file)."""
    unknown: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def problems(self, left_out: frozenset[int] = frozenset()) -> list[ImportProblem]:
        """Every problem (warnings too) in rows not left out, in row order."""
        found = [p for p in self.file_problems if p.row is None or p.row not in left_out]
        found += [p for o in self.outcomes if o.row not in left_out for p in o.problems]
        return sorted(found, key=lambda p: p.row or 0)

    def errors(self, left_out: frozenset[int] = frozenset()) -> list[ImportProblem]:
        """Problems that stop the import until corrected or their rows are left out."""
        return [p for p in self.problems(left_out) if p.blocking]

    def error_rows(self) -> frozenset[int]:
        return frozenset(p.row for p in self.errors() if p.row is not None and p.row > 1)

    def counts(
        self, left_out: frozenset[int] = frozenset(), *, import_duplicates: bool = False
    ) -> ImportCounts:
        bad = self.error_rows() - left_out
        rows = [o.row for o in self.outcomes if o.row not in left_out and o.row not in bad]
        duplicates = sum(1 for r in rows if r in self.duplicates)
        new = len(rows) if import_duplicates else len(rows) - duplicates
        kept_out = sum(1 for o in self.outcomes if o.row in left_out)
        return ImportCounts(new, duplicates, len(bad), kept_out)

    def can_commit(self, left_out: frozenset[int] = frozenset()) -> bool:
        return not self.errors(left_out)


@dataclass(frozen=True)
class ImportResult:
    created: tuple[PswId, ...]
    skipped_duplicates: int
    changes: Changes


class ImportService:
    """Dry run, then commit all of it or none, in one transaction."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def presets(self) -> dict[str, dict[str, str]]:
        """Saved mappings by name: folded header -> field key."""
        with self._ws.reading() as s:
            return presets_from_json(settings_store.read_all(s).get(PRESETS_KEY, ""))

    def save_preset(self, name: str, headers: Sequence[str], fields: Sequence[str]) -> Changes:
        """Save (or replace) the mapping ``fields`` for ``headers`` under ``name``."""
        self._viewer.require(Action.IMPORT)
        clean = tidy_line(name)
        if not clean or len(clean) > SHORT_TEXT_MAX:
            raise ValidationFailed(
                [Problem("preset", f"Give the mapping a name of 1 to {SHORT_TEXT_MAX} characters.")]
            )
        with self._ws.transaction() as s:
            saved = presets_from_json(settings_store.read_all(s).get(PRESETS_KEY, ""))
            saved[clean] = preset_from(headers, fields)
            settings_store.write(s, PRESETS_KEY, presets_to_json(saved))
        return Changes(settings=True)

    def taxonomies(self) -> Taxonomies:
        with self._ws.reading() as s:
            items = list_items.all_items(s)
        found: dict[ListKind, dict[str, TaxonomyItemId]] = {}
        for item in items:
            if not item.retired:
                found.setdefault(item.kind, {}).setdefault(fold(item.name), item.id)
        return found

    def month_first_columns(self, table: ParsedTable, fields: Sequence[str]) -> tuple[int, ...]:
        """Date columns whose values read month first (04/13/2024)."""
        return tuple(
            i
            for i, key in enumerate(fields)
            if key in FIELD_BY_KEY
            and FIELD_BY_KEY[key].date
            and looks_month_first(row[i] for row in table.rows)
        )

    def dry_run(
        self,
        table: ParsedTable,
        fields: Sequence[str],
        *,
        date_orders: Mapping[int, str] | None = None,
        progress: Progress | None = None,
    ) -> ImportPlan:
        """Check every row under the mapping ``fields``; nothing is written.

        ``date_orders`` gives "day" or "month" (first) for date columns; DateOrderNeeded is
        raised for a month-first-looking column not given there.
        """
        self._viewer.require(Action.IMPORT)
        if len(fields) != len(table.headers):
            raise ValueError("one field per column")
        if problems := mapping_problems(fields):
            raise ValidationFailed([Problem("mapping", m) for m in problems])
        orders = dict(date_orders or {})
        unsure = [c for c in self.month_first_columns(table, fields) if c not in orders]
        if unsure:
            raise DateOrderNeeded(unsure, table.headers)
        month_first = frozenset(c for c, o in orders.items() if o == "month")
        progress = progress or Progress()
        lists = self.taxonomies()
        today = self._clock.today()
        total = len(table.rows)
        outcomes: list[RowOutcome] = []
        for index, (number, cells) in enumerate(zip(table.row_numbers, table.rows, strict=True)):
            if index % STEP == 0:
                progress.step(index, total)
            outcomes.append(
                build_row(
                    number,
                    table.headers,
                    fields,
                    cells,
                    lists=lists,
                    month_first=month_first,
                    today=today,
                )
            )
        with self._ws.reading() as s:
            known = import_queries.known_psws(s)
        duplicates = find_duplicates(
            ((o.row, o.details) for o in outcomes if o.details is not None), known
        )
        progress.step(total, total)
        unknown: dict[str, set[str]] = {}
        for outcome in outcomes:
            for key, values in outcome.unknown.items():
                unknown.setdefault(key, set()).update(values)
        return ImportPlan(
            headers=table.headers,
            outcomes=tuple(outcomes),
            duplicates=duplicates,
            file_problems=table.problems,
            unknown={k: tuple(sorted(v, key=fold)) for k, v in unknown.items()},
        )

    def commit(
        self,
        plan: ImportPlan,
        *,
        left_out: frozenset[int] = frozenset(),
        import_duplicates: bool = False,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Create every row not left out, in one transaction: all of them or none.

        Refused (ValidationFailed) while any error remains outside the rows left out.
        Duplicates are judged again against the vault as it is now.
        """
        self._viewer.require(Action.IMPORT)
        if not plan.can_commit(left_out):
            raise ValidationFailed(
                [Problem("import", "Correct the errors, or leave their rows out, first.")]
            )
        progress = progress or Progress()
        wanted = [o for o in plan.outcomes if o.row not in left_out and o.details is not None]
        created: list[PswId] = []
        with self._ws.transaction() as s:
            duplicates = find_duplicates(
                ((o.row, o.details) for o in wanted if o.details is not None),
                import_queries.known_psws(s),
            )
            recorder = recorder_from(settings_store.read_all(s))
            kept = [o for o in wanted if import_duplicates or o.row not in duplicates]
            skipped = len(wanted) - len(kept)
            for start in range(0, len(kept), COMMIT_CHUNK):
                progress.step(start, len(kept))
                chunk = kept[start : start + COMMIT_CHUNK]
                created += insert_new_psws(
                    s,
                    [(o.details, o.status, o.since) for o in chunk if o.details is not None],
                    clock=self._clock,
                    recorded_by=recorder,
                )
            audit_log.record(s, "import", "psw", fields=("count",))  # one row, never the rows
            progress.step(len(kept), len(kept))  # Cancel before here rolls everything back
        return ImportResult(
            created=tuple(created),
            skipped_duplicates=skipped,
            changes=Changes(psws=frozenset(created), psw_membership=True),
        )

    def errors_csv(self, plan: ImportPlan, left_out: frozenset[int] = frozenset()) -> Exported:
        """The problems (row, column, value, message) as a guarded CSV, for saving."""
        rows = [
            (p.row, p.column or "", p.value, p.message if p.blocking else f"Warning: {p.message}")
            for p in plan.problems(left_out)
        ]
        stream = io.BytesIO()
        write_csv(stream, ERROR_HEADERS, rows)
        return Exported(stream.getvalue(), "import-errors.csv", f"{len(rows):,} problems")
