"""Closed vocabularies of the domain, stored as their string values.

English names follow the glossary in domain.md; labels for people are in
`desktop.services.labels`.
"""

from __future__ import annotations

from enum import StrEnum


class OrgKind(StrEnum):
    CELL = "cell"
    COMMUNE = "commune"


class CellType(StrEnum):
    VILLAGE = "village"
    RESIDENTIAL = "residential"
    AGENCY = "agency"
    SCHOOL = "school"
    ENTERPRISE = "enterprise"
    OTHER = "other"


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


class MemberStatus(StrEnum):
    FULL = "full"
    PROBATIONARY = "probationary"
    EXEMPT = "exempt"
    ATTACHED = "attached"  # temporarily attached from another cell
    AWAY = "away"  # temporarily transferred to another cell; still a member here
    TRANSFERRED = "transferred"
    DECEASED = "deceased"
    REMOVED = "removed"

    @property
    def is_current(self) -> bool:
        return self in CURRENT_STATUSES

    @property
    def counts_in_cell(self) -> bool:
        """Whether the member is expected at this cell's meetings and counted in
        its attendance: exempt, attached and away members are not."""
        return self in (MemberStatus.FULL, MemberStatus.PROBATIONARY)

    @property
    def votes(self) -> bool:
        return self is MemberStatus.FULL


CURRENT_STATUSES = frozenset(
    {
        MemberStatus.FULL,
        MemberStatus.PROBATIONARY,
        MemberStatus.EXEMPT,
        MemberStatus.ATTACHED,
        MemberStatus.AWAY,
    }
)


class MemberEventKind(StrEnum):
    """What can happen to a member; the member's status follows from these."""

    ADMISSION = "admission"  # admitted (kết nạp): probationary from this day
    RECOGNITION = "recognition"  # recognised as a full member (công nhận chính thức)
    EXEMPTION = "exemption"  # exempt from party work and meetings
    EXEMPTION_END = "exemption_end"
    ATTACHMENT = "attachment"  # temporarily attached here from another cell
    ATTACHMENT_END = "attachment_end"
    TEMPORARY_TRANSFER = "temporary_transfer"  # away for 3 months to 2 years
    OFFICIAL_TRANSFER = "official_transfer"  # moved to another party organisation
    RETURN = "return"  # back from a temporary transfer
    DEATH = "death"
    REMOVAL = "removal"  # removed from the party (xóa tên, khai trừ)


class CommitteePostKind(StrEnum):
    SECRETARY = "secretary"
    DEPUTY_SECRETARY = "deputy_secretary"
    COMMITTEE_MEMBER = "committee_member"


class MeetingKind(StrEnum):
    REGULAR = "regular"
    THEMATIC = "thematic"
    EXTRAORDINARY = "extraordinary"
    COMMITTEE = "committee"


class MeetingState(StrEnum):
    DRAFT = "draft"
    PREPARED = "prepared"
    HELD = "held"
    ADOPTED = "adopted"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    ABSENT_EXCUSED = "absent_excused"
    ABSENT_UNEXCUSED = "absent_unexcused"


class GuestRole(StrEnum):
    """Who a guest of a meeting is: the superior committee member in charge of
    the cell (cấp ủy viên cấp trên phụ trách), a member of the commune's
    working group (tổ công tác), or another guest."""

    SUPERIOR_IN_CHARGE = "superior_in_charge"
    WORKING_GROUP = "working_group"
    GUEST = "guest"

    @property
    def is_superior(self) -> bool:
        """Both come from the commune party committee: superior delegates."""
        return self is not GuestRole.GUEST


class TaskResult(StrEnum):
    PENDING = "pending"
    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"


class RecommendationStatus(StrEnum):
    OPEN = "open"
    FORWARDED = "forwarded"
    ANSWERED = "answered"
    CLOSED = "closed"


class DocumentType(StrEnum):
    """Type codes of the number symbol "Số 05-NQ/CB"."""

    RESOLUTION = "NQ"
    MINUTES = "BB"
    REPORT = "BC"
    NOTICE = "TB"
    PLAN = "KH"
    DECISION = "QĐ"
    PROPOSAL = "TTr"
    LETTER = "CV"


class WorkGroup(StrEnum):
    """Where a member works, which decides the personal review form."""

    LEADER = "leader"  # a leading or managing post in the political system (form 2A)
    POLITICAL_SYSTEM = "political_system"  # works in the political system (form 2B)
    OUTSIDE = "outside"  # farmers, retired, outside the political system (form 2C)


class ReviewPeriod(StrEnum):
    ANNUAL = "annual"
    QUARTERLY = "quarterly"
    AD_HOC = "ad_hoc"


class ReviewState(StrEnum):
    """A member's way through a review, in order."""

    NOT_STARTED = "not_started"
    WRITTEN = "written"  # the personal review is written
    DISCUSSED = "discussed"  # the cell has discussed it and given criticism
    VOTED = "voted"  # the cell has voted a proposed level
    DECIDED = "decided"  # the commune has decided the level


class CriticismKind(StrEnum):
    SELF = "self"  # self-criticism (tự phê bình)
    CRITICISM = "criticism"  # criticism by another (phê bình, góp ý)


class ShortcomingStatus(StrEnum):
    OPEN = "open"
    FIXING = "fixing"
    FIXED = "fixed"
    NOT_FIXED = "not_fixed"  # followed up and found not fixed by the deadline


class PeerRole(StrEnum):
    """How an enrolled book stands to this one."""

    SUPERIOR = "superior"  # the commune committee's book, seen from a cell
    CELL = "cell"  # a cell's book, seen from the commune
    SIBLING = "sibling"  # another computer's book of the same organisation


class SharedDocumentKind(StrEnum):
    MINUTES = "minutes"  # adopted minutes, as a PDF, handed up by a cell
    RESOLUTION = "resolution"  # an adopted resolution, as a PDF, handed up by a cell
    DIRECTIVE = "directive"  # a directive or instruction handed down by the commune
    DOCUMENT = "document"  # any other document handed down


class DecisionKind(StrEnum):
    """What the commune committee sends back about a cell's record."""

    ANSWER = "answer"  # the answer to a member's opinion or recommendation
    MEMBER_RATING = "member_rating"  # the level decided for a member's review
    CELL_RATING = "cell_rating"  # the level decided for the cell's own review
