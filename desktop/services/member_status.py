"""A member's status, derived from their life events (never typed in).

Events are read in date order. Admission makes a probationary member,
recognition a full one; exemption, a temporary transfer away and temporary
attachment here are situations that end with their closing event; an
official transfer, death or removal ends membership of this cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from desktop.data.enums import MemberEventKind as Kind
from desktop.data.enums import MemberStatus

ENDING = {
    Kind.OFFICIAL_TRANSFER: MemberStatus.TRANSFERRED,
    Kind.DEATH: MemberStatus.DECEASED,
    Kind.REMOVAL: MemberStatus.REMOVED,
    Kind.ATTACHMENT_END: MemberStatus.TRANSFERRED,
}
SITUATIONS = {
    Kind.EXEMPTION: MemberStatus.EXEMPT,
    Kind.TEMPORARY_TRANSFER: MemberStatus.AWAY,
    Kind.ATTACHMENT: MemberStatus.ATTACHED,
}
CLOSING = {Kind.EXEMPTION_END: Kind.EXEMPTION, Kind.RETURN: Kind.TEMPORARY_TRANSFER}


@dataclass(frozen=True)
class EventFact:
    """What the derivation needs of an event (a model row or a form's input)."""

    kind: Kind
    occurs_on: date


@dataclass(frozen=True)
class DerivedStatus:
    status: MemberStatus
    admission_date: date | None
    official_date: date | None


def derive_status(events: Iterable[EventFact], *, default: MemberStatus) -> DerivedStatus:
    """The status the events lead to. With no events at all, `default` stands
    (a member typed in before any event was recorded)."""
    ordered = sorted(events, key=lambda event: event.occurs_on)
    if not ordered:
        return DerivedStatus(default, None, None)
    admitted: date | None = None
    official: date | None = None
    situation: MemberStatus | None = None
    situation_kind: Kind | None = None
    ended: MemberStatus | None = None
    for event in ordered:
        kind = Kind(event.kind)
        if kind is Kind.ADMISSION:
            admitted = admitted or event.occurs_on
        elif kind is Kind.RECOGNITION:
            official = event.occurs_on
        elif kind in SITUATIONS:
            situation, situation_kind = SITUATIONS[kind], kind
            ended = None
        elif kind in CLOSING and situation_kind is CLOSING[kind]:
            situation = situation_kind = None
        elif kind in ENDING:
            ended = ENDING[kind]
            situation = situation_kind = None
    if ended is not None:
        status = ended
    elif situation is not None:
        status = situation
    elif official is not None or (admitted is None and default is MemberStatus.FULL):
        status = MemberStatus.FULL
    else:
        status = MemberStatus.PROBATIONARY
    return DerivedStatus(status, admitted, official)
