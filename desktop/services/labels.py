"""What people see for field names and closed vocabularies, in their language."""

from __future__ import annotations

from enum import StrEnum

from desktop.data.enums import (
    AttendanceStatus,
    CellType,
    CommitteePostKind,
    CriticismKind,
    DocumentType,
    MeetingKind,
    MeetingState,
    MemberEventKind,
    MemberStatus,
    OrgKind,
    RecommendationStatus,
    ReviewPeriod,
    ReviewState,
    Sex,
    ShortcomingStatus,
    TaskResult,
    WorkGroup,
)
from desktop.i18n import N_, _, current_language
from desktop.rules import RuleSet

FIELD_LABELS: dict[str, str] = {
    "cell_name": N_("Cell name"),
    "commune_name": N_("Commune"),
    "place_name": N_("Place name on documents"),
    "province": N_("Province"),
    "meeting_day": N_("Meeting day of the month"),
    "superior_line": N_("Superior body line"),
    "issuer_line": N_("Issuing body line"),
    "full_name": N_("Full name"),
    "sex": N_("Sex"),
    "date_of_birth": N_("Date of birth"),
    "citizen_id": N_("Citizen ID"),
    "phone": N_("Phone"),
    "address": N_("Address"),
    "admission_date": N_("Admission date"),
    "official_date": N_("Official date"),
    "card_number": N_("Party card number"),
    "status": N_("Status"),
    "ethnicity": N_("Ethnicity"),
    "religion": N_("Religion"),
    "education_level": N_("Education"),
    "theory_level": N_("Political theory"),
    "notes": N_("Notes"),
    "title": N_("Title"),
    "scheduled_on": N_("Date"),
    "place": N_("Place"),
    "kind": N_("Type"),
    "topic": N_("Topic"),
    "content": N_("Content"),
    "raised_on": N_("Raised on"),
    "addressee": N_("Sent to"),
    "description": N_("Task"),
    "due_on": N_("Due"),
    "summary": N_("Summary"),
    "term": N_("Committee term"),
    "post": N_("Post"),
    "member": N_("Member"),
    "starts_on": N_("From"),
    "ends_on": N_("Until"),
    "occurs_on": N_("Date"),
    "decision_ref": N_("Decision"),
    "counterpart": N_("Other party organisation"),
    "home_cell": N_("Home cell"),
    "amount_paid": N_("Amount paid"),
    "paid_on": N_("Paid on"),
    "dues_rate_id": N_("Dues rate"),
    "dues_base": N_("Salary or pension"),
    "dues_exempt_reason": N_("Reason for exemption"),
    "month": N_("Month"),
    "withdrawn_reason": N_("Why it is withdrawn"),
    "work_group": N_("Works in"),
    "workplace": N_("Unit where they work"),
    "year": N_("Year"),
    "quarter": N_("Quarter"),
    "strengths": N_("Strengths and results"),
    "shortcomings": N_("Shortcomings and their causes"),
    "earlier_fixes": N_("How earlier shortcomings were fixed"),
    "responsibility": N_("Own responsibility for the collective's shortcomings"),
    "remedies": N_("Remedies and timeline"),
    "self_level": N_("Self-rated level"),
    "written_on": N_("Written on"),
    "discussed_on": N_("Discussed on"),
    "points": N_("Points"),
    "proposed_level": N_("Proposed level"),
    "votes": N_("Votes"),
    "voted_on": N_("Voted on"),
    "decided_level": N_("Level decided by the commune"),
    "decided_on": N_("Decided on"),
    "given_on": N_("Date"),
    "by_member": N_("Given by"),
    "about_member": N_("About whom"),
    "remedy": N_("Remedy"),
    "shortcoming": N_("Shortcoming to fix"),
    "deadline": N_("Deadline"),
    "follow_up": N_("Follow-up"),
    "followed_up_on": N_("Followed up on"),
    "pledged_on": N_("Pledged on"),
    "result": N_("Result"),
    "given_by": N_("Awarded by"),
    "reason": N_("For"),
}

ENUM_LABELS: dict[StrEnum, str] = {
    OrgKind.CELL: N_("Party cell"),
    OrgKind.COMMUNE: N_("Commune party committee"),
    CellType.VILLAGE: N_("Village cell"),
    CellType.RESIDENTIAL: N_("Residential group cell"),
    CellType.AGENCY: N_("Agency cell"),
    CellType.SCHOOL: N_("School cell"),
    CellType.ENTERPRISE: N_("Enterprise cell"),
    CellType.OTHER: N_("Other cell"),
    Sex.MALE: N_("Male"),
    Sex.FEMALE: N_("Female"),
    MemberStatus.FULL: N_("Full member"),
    MemberStatus.PROBATIONARY: N_("Probationary member"),
    MemberStatus.EXEMPT: N_("Exempt from work and meetings"),
    MemberStatus.ATTACHED: N_("Temporarily attached"),
    MemberStatus.AWAY: N_("Temporarily transferred away"),
    MemberStatus.TRANSFERRED: N_("Transferred out"),
    MemberStatus.DECEASED: N_("Deceased"),
    MemberStatus.REMOVED: N_("Removed"),
    MemberEventKind.ADMISSION: N_("Admission"),
    MemberEventKind.RECOGNITION: N_("Recognised as a full member"),
    MemberEventKind.EXEMPTION: N_("Exempted from work and meetings"),
    MemberEventKind.EXEMPTION_END: N_("Back to work and meetings"),
    MemberEventKind.ATTACHMENT: N_("Temporarily attached here"),
    MemberEventKind.ATTACHMENT_END: N_("Attachment here ended"),
    MemberEventKind.TEMPORARY_TRANSFER: N_("Temporary transfer away"),
    MemberEventKind.OFFICIAL_TRANSFER: N_("Official transfer out"),
    MemberEventKind.RETURN: N_("Returned from temporary transfer"),
    MemberEventKind.DEATH: N_("Death"),
    MemberEventKind.REMOVAL: N_("Removal from the party"),
    CommitteePostKind.SECRETARY: N_("Secretary"),
    CommitteePostKind.DEPUTY_SECRETARY: N_("Deputy secretary"),
    CommitteePostKind.COMMITTEE_MEMBER: N_("Committee member"),
    MeetingKind.REGULAR: N_("Regular meeting"),
    MeetingKind.THEMATIC: N_("Thematic meeting"),
    MeetingKind.EXTRAORDINARY: N_("Extraordinary meeting"),
    MeetingKind.COMMITTEE: N_("Committee meeting"),
    MeetingState.DRAFT: N_("Draft"),
    MeetingState.PREPARED: N_("Prepared"),
    MeetingState.HELD: N_("Held"),
    MeetingState.ADOPTED: N_("Adopted"),
    AttendanceStatus.PRESENT: N_("Present"),
    AttendanceStatus.ABSENT_EXCUSED: N_("Absent with reason"),
    AttendanceStatus.ABSENT_UNEXCUSED: N_("Absent without reason"),
    TaskResult.PENDING: N_("Not yet evaluated"),
    TaskResult.DONE: N_("Done"),
    TaskResult.PARTLY: N_("Partly done"),
    TaskResult.NOT_DONE: N_("Not done"),
    RecommendationStatus.OPEN: N_("Open"),
    RecommendationStatus.FORWARDED: N_("Forwarded"),
    RecommendationStatus.ANSWERED: N_("Answered"),
    RecommendationStatus.CLOSED: N_("Closed"),
    DocumentType.RESOLUTION: N_("Resolution"),
    DocumentType.MINUTES: N_("Minutes"),
    DocumentType.REPORT: N_("Report"),
    DocumentType.NOTICE: N_("Notice"),
    DocumentType.PLAN: N_("Plan"),
    DocumentType.DECISION: N_("Decision"),
    DocumentType.PROPOSAL: N_("Proposal"),
    DocumentType.LETTER: N_("Letter"),
    WorkGroup.LEADER: N_("Leading or managing post"),
    WorkGroup.POLITICAL_SYSTEM: N_("Political system, no leading post"),
    WorkGroup.OUTSIDE: N_("Outside the political system"),
    ReviewPeriod.ANNUAL: N_("Annual review"),
    ReviewPeriod.QUARTERLY: N_("Quarterly review"),
    ReviewPeriod.AD_HOC: N_("Review when needed"),
    ReviewState.NOT_STARTED: N_("Not started"),
    ReviewState.WRITTEN: N_("Self-review written"),
    ReviewState.DISCUSSED: N_("Discussed"),
    ReviewState.VOTED: N_("Voted"),
    ReviewState.DECIDED: N_("Decided"),
    CriticismKind.SELF: N_("Self-criticism"),
    CriticismKind.CRITICISM: N_("Criticism"),
    ShortcomingStatus.OPEN: N_("To fix"),
    ShortcomingStatus.FIXING: N_("Being fixed"),
    ShortcomingStatus.FIXED: N_("Fixed"),
    ShortcomingStatus.NOT_FIXED: N_("Not fixed"),
}


def field_label(name: str) -> str:
    return _(FIELD_LABELS.get(name, name))


def enum_label(value: StrEnum | None) -> str:
    if value is None:
        return ""
    return _(ENUM_LABELS.get(value, str(value)))


def document_type_label(value: DocumentType) -> str:
    return enum_label(value)


def grade_label(rules: RuleSet, grade: str) -> str:
    """A meeting grade as stored ("good" or "Tốt") in the user's language."""
    if not grade:
        return ""
    for band in rules.meeting_bands:
        if grade in (band.id, band.title_vi, band.title_en):
            return band.title(current_language())
    return grade


def rating_label(rules: RuleSet, level_id: str) -> str:
    """A rating level id ("excellent") in the user's language; "" for none."""
    if not level_id:
        return ""
    for band in rules.rating_levels:
        if band.id == level_id:
            return band.title(current_language())
    return level_id
