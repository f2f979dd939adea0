"""Every service for one unlocked vault, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from peerdesk.domain.viewer import Viewer
from peerdesk.services.attention_service import AttentionService
from peerdesk.services.backup_service import BackupService
from peerdesk.services.clock import Clock, SystemClock
from peerdesk.services.concern_service import ConcernService
from peerdesk.services.conflict_service import ConflictService
from peerdesk.services.consent_service import ConsentService
from peerdesk.services.dbs_service import DbsService
from peerdesk.services.draft_service import DraftService
from peerdesk.services.health_service import HealthService
from peerdesk.services.induction_service import InductionService
from peerdesk.services.interview_service import InterviewService
from peerdesk.services.list_service import ListService
from peerdesk.services.lock_settings import LockSettings
from peerdesk.services.login import viewer_for
from peerdesk.services.match_service import MatchService
from peerdesk.services.matching_service import MatchingService
from peerdesk.services.matching_settings import MatchingSettings
from peerdesk.services.outcome_service import OutcomeService
from peerdesk.services.person_consent_service import PersonConsentService
from peerdesk.services.person_service import PersonService
from peerdesk.services.plan_service import PlanService
from peerdesk.services.policy_service import PolicyService
from peerdesk.services.protection_service import ProtectionService
from peerdesk.services.psw_service import PswService
from peerdesk.services.references_service import ReferenceService
from peerdesk.services.review_service import ReviewService
from peerdesk.services.rights_service import RightsService
from peerdesk.services.search_service import SearchService
from peerdesk.services.settings_service import SettingsService
from peerdesk.services.supervision_service import SupervisionService
from peerdesk.services.team_service import TeamService
from peerdesk.services.training_service import TrainingService
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.workspace import Workspace

if TYPE_CHECKING:  # printing, import and checks load their libraries when first used
    from peerdesk.services.audit_service import AuditService
    from peerdesk.services.form_documents import FormDocuments
    from peerdesk.services.import_service import ImportService
    from peerdesk.services.integrity_service import IntegrityService
    from peerdesk.services.match_documents import MatchDocuments
    from peerdesk.services.psw_documents import PswDocumentService
    from peerdesk.services.retention_service import RetentionService
    from peerdesk.services.review_documents import ReviewDocuments
    from peerdesk.services.trustees_report import TrusteesReportService
    from peerdesk.services.user_service import UserService


@dataclass(frozen=True)
class Services:
    paths: VaultPaths
    clock: Clock
    viewer: Viewer
    """Who unlocked: the coordinator without users, else the user's role and supervisees."""
    psws: PswService
    backups: BackupService
    lists: ListService
    settings: SettingsService
    workspace: Workspace
    references: ReferenceService
    dbs: DbsService
    health: HealthService
    induction: InductionService
    training: TrainingService
    policies: PolicyService
    interviews: InterviewService
    attention: AttentionService
    consents: ConsentService
    people: PersonService
    matches: MatchService
    matching_settings: MatchingSettings
    matching: MatchingService
    conflicts: ConflictService
    protection: ProtectionService
    person_consents: PersonConsentService
    outcomes: OutcomeService
    teams: TeamService
    plans: PlanService
    supervision: SupervisionService
    concerns: ConcernService
    reviews: ReviewService
    search: SearchService
    rights: RightsService

    @property
    def match_documents(self) -> MatchDocuments:
        """Match summaries, both copies (stateless, made on demand)."""
        from peerdesk.services.match_documents import MatchDocuments

        return MatchDocuments(self.workspace, self.clock, self.settings, self.viewer)

    @property
    def review_documents(self) -> ReviewDocuments:
        """Printed annual reviews (stateless, made on demand)."""
        from peerdesk.services.review_documents import ReviewDocuments

        return ReviewDocuments(self.workspace, self.clock, self.settings, self.viewer)

    @property
    def forms(self) -> FormDocuments:
        """Blank forms to print (stateless, made on demand)."""
        from peerdesk.services.form_documents import FormDocuments

        return FormDocuments(
            self.clock, lists=self.lists, supervision=self.supervision, settings=self.settings
        )

    @property
    def imports(self) -> ImportService:
        """Import of volunteers from spreadsheets (stateless, so made on demand)."""
        from peerdesk.services.import_service import ImportService

        return ImportService(self.workspace, self.clock, self.viewer)

    @property
    def psw_documents(self) -> PswDocumentService:
        """A PSW's printed record, supervision sessions and plans (stateless, made on demand)."""
        from peerdesk.services.psw_documents import PswDocumentService

        return PswDocumentService(self.workspace, self.clock, self.viewer)

    @property
    def trustees_report(self) -> TrusteesReportService:
        """The trustees' report: figures, threshold and PDF (stateless, made on demand)."""
        from peerdesk.services.trustees_report import TrusteesReportService

        return TrusteesReportService(self.workspace, self.clock, self.viewer)

    @property
    def retention(self) -> RetentionService:
        """Retention rules, holds, preview and erasure (stateless, made on demand)."""
        from peerdesk.services.retention_service import RetentionService

        return RetentionService(self.workspace, self.clock, self.viewer)

    @property
    def drafts(self) -> DraftService:
        """Unsaved forms kept in the vault when PeerDesk locks (stateless, made on demand)."""
        return DraftService(self.workspace, self.clock)

    @property
    def lock_settings(self) -> LockSettings:
        """How long PeerDesk may sit idle before it locks (stateless, made on demand)."""
        return LockSettings(self.workspace, self.viewer)

    @property
    def audit(self) -> AuditService:
        """The audit log: entries, checking the chain, export (stateless, made on demand)."""
        from peerdesk.services.audit_service import AuditService

        return AuditService(self.workspace, self.clock, self.viewer)

    @property
    def integrity(self) -> IntegrityService:
        """Integrity checks; setting a damaged vault aside (stateless, made on demand)."""
        from peerdesk.services.integrity_service import IntegrityService

        return IntegrityService(self.workspace, self.clock, self.viewer)

    @property
    def users(self) -> UserService:
        """Users, roles and their passphrase slots (stateless, made on demand)."""
        from peerdesk.services.user_service import UserService

        return UserService(self.workspace, self.clock, self.viewer)

    def close(self) -> None:
        self.workspace.close()


def build(
    workspace: Workspace, clock: Clock | None = None, viewer: Viewer | None = None
) -> Services:
    """``viewer`` defaults to whoever unlocked ``workspace`` (``login.viewer_for``)."""
    clock = clock or SystemClock()
    viewer = viewer if viewer is not None else viewer_for(workspace)
    workspace.now = clock.now  # the audit log's time is the services' clock
    workspace.user = viewer.id  # the audit log's user is whoever unlocked
    matches = MatchService(workspace, clock, viewer)
    return Services(
        paths=workspace.paths,
        clock=clock,
        viewer=viewer,
        psws=PswService(workspace, clock, viewer),
        backups=BackupService(workspace, clock, viewer),
        lists=ListService(workspace, viewer),
        settings=SettingsService(workspace, viewer),
        workspace=workspace,
        references=ReferenceService(workspace, clock, viewer),
        dbs=DbsService(workspace, clock, viewer),
        health=HealthService(workspace, clock, viewer),
        induction=InductionService(workspace, clock, viewer),
        training=TrainingService(workspace, clock, viewer),
        policies=PolicyService(workspace, clock, viewer),
        interviews=InterviewService(workspace, clock, viewer),
        attention=AttentionService(workspace, clock, viewer=viewer),
        consents=ConsentService(workspace, clock, viewer),
        people=PersonService(workspace, clock, viewer),
        matches=matches,
        matching_settings=MatchingSettings(workspace, viewer),
        matching=MatchingService(workspace, clock, matches, viewer),
        conflicts=ConflictService(workspace, clock, viewer),
        protection=ProtectionService(workspace, clock, viewer),
        person_consents=PersonConsentService(workspace, clock, viewer),
        outcomes=OutcomeService(workspace, clock, viewer),
        teams=TeamService(workspace, clock, viewer),
        plans=PlanService(workspace, clock, viewer),
        supervision=SupervisionService(workspace, clock, viewer),
        concerns=ConcernService(workspace, clock, viewer),
        reviews=ReviewService(workspace, clock, viewer),
        search=SearchService(workspace, viewer),
        rights=RightsService(workspace, clock, viewer),
    )
