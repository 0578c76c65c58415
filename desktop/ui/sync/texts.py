"""The words the Sync page uses for what bundles carry: kinds of records,
how an enrolled book stands to this one, what came in with an import."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from desktop.data.enums import DecisionKind, OrgKind, PeerRole, SharedDocumentKind
from desktop.i18n import N_, _, format_datetime, ngettext

if TYPE_CHECKING:
    from desktop.services.sync.apply import Applied

# Kinds of records, by table, in the order they are listed.
TABLE_LABELS: dict[str, str] = {
    "meeting": N_("Meetings"),
    "member": N_("Members"),
    "attendance": N_("Attendance"),
    "recommendation": N_("Recommendations"),
    "shared_document": N_("Documents"),
    "commune_decision": N_("Commune decisions"),
    "resolution": N_("Resolutions"),
    "resolution_task": N_("Resolution tasks"),
    "review_campaign": N_("Reviews of the cell"),
    "member_review": N_("Members' reviews"),
    "speech": N_("Speeches"),
    "agenda_item": N_("Agenda items"),
    "meeting_guest": N_("Guests"),
    "meeting_amendment": N_("Amendments to minutes"),
    "meeting_document": N_("Meeting handouts"),
    "document_record": N_("Register of documents"),
    "member_event": N_("Member events"),
    "committee_term": N_("Committee terms"),
    "committee_post": N_("Committee posts"),
    "emulation_pledge": N_("Emulation pledges"),
    "commendation": N_("Commendations"),
    "dues_payment": N_("Dues payments"),
    "criticism": N_("Criticism"),
    "shortcoming": N_("Shortcomings"),
    "organisation": N_("Organisation details"),
    "deleted": N_("Deleted records"),
}

# The kind of a single record (kept versions).
RECORD_LABELS: dict[str, str] = {
    "organisation": N_("Organisation details"),
    "member": N_("Member"),
    "member_event": N_("Member event"),
    "committee_term": N_("Committee term"),
    "committee_post": N_("Committee post"),
    "meeting": N_("Meeting"),
    "agenda_item": N_("Agenda item"),
    "attendance": N_("Attendance"),
    "meeting_guest": N_("Guest"),
    "speech": N_("Speech"),
    "resolution": N_("Resolution"),
    "resolution_task": N_("Resolution task"),
    "meeting_amendment": N_("Amendment to minutes"),
    "meeting_document": N_("Meeting handout"),
    "document_record": N_("Numbered document"),
    "recommendation": N_("Recommendation"),
    "review_campaign": N_("Review of the cell"),
    "member_review": N_("Member's review"),
    "emulation_pledge": N_("Emulation pledge"),
    "commendation": N_("Commendation"),
    "shared_document": N_("Document"),
    "commune_decision": N_("Commune decision"),
}

DOCUMENT_KIND_LABELS: dict[SharedDocumentKind, str] = {
    SharedDocumentKind.MINUTES: N_("Minutes"),
    SharedDocumentKind.RESOLUTION: N_("Resolution"),
    SharedDocumentKind.DIRECTIVE: N_("Directive"),
    SharedDocumentKind.DOCUMENT: N_("Document"),
}

DECISION_LABELS: dict[DecisionKind, str] = {
    DecisionKind.ANSWER: N_("Answer"),
    DecisionKind.MEMBER_RATING: N_("Member's rating"),
    DecisionKind.CELL_RATING: N_("Cell's rating"),
}


def table_label(name: str) -> str:
    return _(TABLE_LABELS.get(name, name))


def record_label(name: str) -> str:
    return _(RECORD_LABELS.get(name, TABLE_LABELS.get(name, name)))


def role_label(role: PeerRole, own_kind: OrgKind) -> str:
    if role is PeerRole.SUPERIOR:
        return _("Commune committee")
    if role is PeerRole.CELL:
        return _("Cell")
    if own_kind is OrgKind.COMMUNE:
        return _("This commune on another computer")
    return _("This cell on another computer")


def counts_text(counts: Mapping[str, int], separator: str = ", ") -> str:
    """ "Meetings: 2, Members: 5" in the order of `TABLE_LABELS`; "" for none."""
    order = list(TABLE_LABELS)
    names = sorted(
        (name for name, count in counts.items() if count),
        key=lambda name: order.index(name) if name in order else len(order),
    )
    return separator.join(
        _("{what}: {count}").format(what=table_label(name), count=counts[name]) for name in names
    )


def carried_text(summary: Mapping[str, int]) -> str:
    """What a bundle made here carries, in one line."""
    text = counts_text(summary)
    return text or _("no new records (it still tells the other book what this one has received)")


def applied_lines(applied: Applied) -> list[str]:
    """What an import brought in, one line per kind of change."""
    lines = []
    documents = applied.added.get("shared_document", 0) + applied.changed.get("shared_document", 0)
    if documents:
        lines.append(
            ngettext("{count} document received.", "{count} documents received.", documents).format(
                count=documents
            )
        )
    added = counts_text(_without_documents(applied.added))
    if added:
        lines.append(_("New: {counts}.").format(counts=added))
    changed = counts_text(_without_documents(applied.changed))
    if changed:
        lines.append(_("Changed: {counts}.").format(counts=changed))
    if applied.deleted:
        lines.append(
            ngettext("{count} record deleted.", "{count} records deleted.", applied.deleted).format(
                count=applied.deleted
            )
        )
    if applied.rules_installed:
        lines.append(_("New rules put in force: {name}.").format(name=applied.rules_installed))
    if applied.topics_installed:
        lines.append(
            _("New topic library installed: {name}.").format(name=applied.topics_installed)
        )
    if applied.decisions_applied:
        lines.append(
            ngettext(
                "{count} answer or decision of the commune taken into the cell's records.",
                "{count} answers and decisions of the commune taken into the cell's records.",
                applied.decisions_applied,
            ).format(count=applied.decisions_applied)
        )
    if applied.conflicts:
        lines.append(
            ngettext(
                "{count} record had been changed on two computers: the newer version is kept "
                "in the book, the other is shown under Kept versions.",
                "{count} records had been changed on two computers: the newer versions are kept "
                "in the book, the others are shown under Kept versions.",
                applied.conflicts,
            ).format(count=applied.conflicts)
        )
    if not lines:
        lines.append(_("Nothing new: the book already had everything in it."))
    return lines


def _without_documents(counts: Mapping[str, int]) -> dict[str, int]:
    """Documents have a line of their own."""
    return {name: count for name, count in counts.items() if name != "shared_document"}


def device_text(device: str, this_device: str) -> str:
    """Which computer wrote a version."""
    if device and device == this_device:
        return _("this computer")
    if not device:
        return _("another computer")
    return _("another computer ({code})").format(code=device[:8].upper())


def moment_text(value: datetime | None) -> str:
    return format_datetime(value.astimezone()) if value is not None else ""


def minutes_text(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)
