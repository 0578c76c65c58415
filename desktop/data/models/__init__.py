"""The book's tables. Importing this package registers every model."""

from desktop.data.models.amendment import MeetingAmendment
from desktop.data.models.book_state import BookState, RuleSetRecord, Tombstone
from desktop.data.models.dues import DuesPayment
from desktop.data.models.emulation import Commendation, EmulationPledge
from desktop.data.models.meeting import AgendaItem, Attendance, Meeting, MeetingGuest, Speech
from desktop.data.models.meeting_document import MeetingDocument
from desktop.data.models.member import Member
from desktop.data.models.member_event import MemberEvent
from desktop.data.models.organisation import CommitteePost, CommitteeTerm, Organisation
from desktop.data.models.recommendation import Recommendation
from desktop.data.models.register import DocumentRecord
from desktop.data.models.resolution import Resolution, ResolutionTask
from desktop.data.models.review import Criticism, MemberReview, ReviewCampaign, Shortcoming
from desktop.data.models.sync import (
    BundleLog,
    CommuneDecision,
    SharedDocument,
    SyncConflict,
    SyncIdentity,
    SyncPeer,
    TopicLibraryRecord,
)

__all__ = [
    "BundleLog",
    "CommuneDecision",
    "SharedDocument",
    "SyncConflict",
    "SyncIdentity",
    "SyncPeer",
    "TopicLibraryRecord",
    "Commendation",
    "Criticism",
    "EmulationPledge",
    "MemberReview",
    "ReviewCampaign",
    "Shortcoming",
    "AgendaItem",
    "Attendance",
    "BookState",
    "CommitteePost",
    "CommitteeTerm",
    "DocumentRecord",
    "DuesPayment",
    "Meeting",
    "MeetingAmendment",
    "MeetingDocument",
    "MeetingGuest",
    "Member",
    "MemberEvent",
    "Organisation",
    "Recommendation",
    "Resolution",
    "ResolutionTask",
    "RuleSetRecord",
    "Speech",
    "Tombstone",
]
