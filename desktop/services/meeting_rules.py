"""The rules of one meeting, computed from what was recorded, never typed.

Attendance counts, the quorum, the vote on the resolution, the meeting's
length and how far last month's resolution was carried out. Pure functions
over plain values, so the minutes screen, the documents and the commune view
all compute them the same way.

Rates (`AttendanceCounts.rate`, `implementation_rate`) are fractions from 0
to 1, as `desktop.i18n.format_percent` takes them; `vote_share` is a
percentage, as the minutes write it ("đạt 93,75%").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time
from decimal import ROUND_HALF_UP, Decimal

from desktop.data.enums import AttendanceStatus, MeetingKind, MemberStatus, TaskResult
from desktop.i18n import _
from desktop.rules.ruleset import RuleSet
from desktop.services.validation import FieldError, ValidationError

# --- attendance ---------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceCounts:
    """The attendance report of the minutes.

    Only full and probationary members are expected and counted. Exempt and
    away members are left out of the counts; temporarily attached members
    are listed separately ("also present"), as are exempt members who came.
    """

    full: int = 0
    probationary: int = 0
    present_full: int = 0
    present_probationary: int = 0
    absent_excused: int = 0
    absent_unexcused: int = 0
    exempt: int = 0
    exempt_present: int = 0
    attached: int = 0
    attached_present: int = 0
    away: int = 0

    @property
    def total(self) -> int:
        """Members expected: full and probationary."""
        return self.full + self.probationary

    @property
    def present(self) -> int:
        return self.present_full + self.present_probationary

    @property
    def absent(self) -> int:
        return self.absent_excused + self.absent_unexcused

    @property
    def voting_present(self) -> int:
        """Members present who vote: full members (probationary members do not)."""
        return self.present_full

    @property
    def rate(self) -> float | None:
        """Present out of expected, 0 to 1; None when nobody is expected."""
        if self.total <= 0:
            return None
        return self.present / self.total


def attendance_counts(
    rows: Iterable[tuple[MemberStatus | str, AttendanceStatus | str]],
) -> AttendanceCounts:
    """Count (member status on the day, attendance) pairs.

    Members no longer in the cell (transferred, deceased, removed) are ignored.
    """
    counts: dict[str, int] = {}

    def bump(name: str) -> None:
        counts[name] = counts.get(name, 0) + 1

    for raw_member, raw_attendance in rows:
        member = MemberStatus(raw_member)
        attendance = AttendanceStatus(raw_attendance)
        present = attendance is AttendanceStatus.PRESENT
        if member is MemberStatus.EXEMPT:
            bump("exempt")
            if present:
                bump("exempt_present")
        elif member is MemberStatus.ATTACHED:
            bump("attached")
            if present:
                bump("attached_present")
        elif member is MemberStatus.AWAY:
            bump("away")
        elif member.counts_in_cell:
            split = "full" if member is MemberStatus.FULL else "probationary"
            bump(split)
            if present:
                bump(f"present_{split}")
            elif attendance is AttendanceStatus.ABSENT_EXCUSED:
                bump("absent_excused")
            else:
                bump("absent_unexcused")
    return AttendanceCounts(**counts)


# --- quorum -------------------------------------------------------------------


@dataclass(frozen=True)
class QuorumCheck:
    met: bool
    needed: int  # the fewest full members present that make the meeting valid
    present_full: int
    total_full: int
    message: str


def quorum(counts: AttendanceCounts, rules: RuleSet) -> QuorumCheck:
    """Whether enough full members are present (more than half by default)."""
    total, present = counts.full, counts.present_full
    needed = next((n for n in range(total + 1) if rules.quorum_met(n, total)), total + 1)
    met = rules.quorum_met(present, total)
    if total <= 0:
        message = _("No full members are listed, so the meeting cannot be valid.")
    elif met:
        message = _(
            "{present} of {total} full members are present; {needed} are needed. "
            "The meeting is valid."
        ).format(present=present, total=total, needed=needed)
    else:
        message = _(
            "Only {present} of {total} full members are present; at least {needed} are "
            "needed, so the meeting is not valid."
        ).format(present=present, total=total, needed=needed)
    return QuorumCheck(
        met=met, needed=needed, present_full=present, total_full=total, message=message
    )


# --- votes --------------------------------------------------------------------


def check_votes(
    for_: int | None, against: int | None, abstain: int | None, voting_present: int
) -> list[FieldError]:
    """Problems with a show of hands; a vote left empty is not checked.

    Fields are named as on the resolution: votes_for, votes_against,
    votes_abstain.
    """
    errors: list[FieldError] = []
    messages = {
        "votes_for": _("Votes for cannot be negative."),
        "votes_against": _("Votes against cannot be negative."),
        "votes_abstain": _("Abstentions cannot be negative."),
    }
    values = {"votes_for": for_, "votes_against": against, "votes_abstain": abstain}
    for field, value in values.items():
        if value is not None and value < 0:
            errors.append(FieldError(field, messages[field]))
    if voting_present < 0:
        errors.append(FieldError("voters_present", _("Voting members present cannot be negative.")))
    total = sum(value for value in values.values() if value is not None and value > 0)
    if not errors and total > voting_present:
        errors.append(
            FieldError(
                "votes_for",
                _(
                    "The votes add up to {total}, but only {present} voting members are "
                    "present. Only full members vote; probationary members do not."
                ).format(total=total, present=voting_present),
            )
        )
    return errors


def vote_share(for_: int, voting_present: int, decimals: int = 2) -> float | None:
    """Votes for as a percentage of voting members present, rounded half up
    (1 of 32 is 3.13); None when nobody votes."""
    if voting_present <= 0:
        return None
    share = Decimal(for_) * 100 / Decimal(voting_present)
    return float(share.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def adopted(for_: int, voting_present: int) -> bool:
    """Adopted when more than half of the voting members present vote for it."""
    return voting_present > 0 and 2 * for_ > voting_present


# --- duration -----------------------------------------------------------------


@dataclass(frozen=True)
class DurationCheck:
    minutes: int
    required: int
    ok: bool
    message: str


def duration_check(
    kind: MeetingKind,
    start: time | None,
    end: time | None,
    members: int,
    rules: RuleSet,
    combined: bool = False,
) -> DurationCheck:
    """How long the meeting ran against the rule set's minimum.

    `members` is the cell's size for the large-cell rule (the members
    expected, `AttendanceCounts.total`). Raises `ValidationError` on the
    `end_time` field when a time is missing or the meeting ends before it
    starts (a meeting running past midnight cannot be recorded).
    """
    if start is None or end is None:
        raise ValidationError(
            [FieldError("end_time", _("Enter the opening and closing times of the meeting."))]
        )
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    if minutes < 0:
        raise ValidationError(
            [
                FieldError(
                    "end_time",
                    _(
                        "The closing time is before the opening time. Check the times; "
                        "a meeting that runs past midnight cannot be recorded."
                    ),
                )
            ]
        )
    required = rules.min_duration_minutes(kind, members, combined)
    ok = minutes >= required
    if ok:
        message = _("{minutes} minutes; at least {required} are required.").format(
            minutes=minutes, required=required
        )
    else:
        message = _("{minutes} minutes is shorter than the {required} minutes required.").format(
            minutes=minutes, required=required
        )
    return DurationCheck(minutes=minutes, required=required, ok=ok, message=message)


# --- carrying out the resolution ---------------------------------------------

_TASK_WEIGHT = {TaskResult.DONE: 1.0, TaskResult.PARTLY: 0.5, TaskResult.NOT_DONE: 0.0}


def implementation_rate(task_results: Iterable[TaskResult | str]) -> float | None:
    """How far a resolution was carried out, 0 to 1: done counts 1, partly
    0.5, not done 0; pending tasks are left out. None when nothing was
    evaluated."""
    weights = [
        _TASK_WEIGHT[result]
        for result in map(TaskResult, task_results)
        if result is not TaskResult.PENDING
    ]
    if not weights:
        return None
    return sum(weights) / len(weights)
