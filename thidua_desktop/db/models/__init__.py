"""ORM models. Importing this package registers every table on ``Base.metadata``."""

from .base import Base, Synced, new_uuid, utcnow
from .movements import (
    Activity,
    ActivityIndicatorValue,
    Exemplar,
    ExemplarStageEntry,
    Movement,
    MovementIndicator,
)
from .nominations import (
    CouncilBallot,
    CouncilMeeting,
    Decision,
    DecisionRecipient,
    Nomination,
    NominationBatch,
    NominationDocument,
    NominationEvent,
)
from .office import AdminUnit, Attachment, AuditEntry, CouncilMember, LocalParameter, Office, Village
from .register import (
    AwardHistory,
    Collective,
    CollectiveMember,
    DisciplineRecord,
    Initiative,
    InitiativeOwner,
    PendingMatter,
    Person,
    Registration,
    TaskRating,
)

__all__ = [
    "Activity", "ActivityIndicatorValue", "AdminUnit", "Attachment", "AuditEntry", "AwardHistory", "Base",
    "Collective", "CollectiveMember", "CouncilBallot", "CouncilMeeting", "CouncilMember", "Decision",
    "DecisionRecipient", "DisciplineRecord", "Exemplar", "ExemplarStageEntry", "Initiative", "InitiativeOwner",
    "LocalParameter", "Movement", "MovementIndicator", "Nomination", "NominationBatch", "NominationDocument",
    "NominationEvent", "Office", "PendingMatter", "Person", "Registration", "Synced", "TaskRating", "Village",
    "new_uuid", "utcnow",
]
