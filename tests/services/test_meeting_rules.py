"""The rules of one meeting: attendance, quorum, votes, duration, tasks carried out."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.data.enums import AttendanceStatus, MeetingKind, MemberStatus, TaskResult
from desktop.rules.loading import load_default_rule_set
from desktop.services.meeting_rules import (
    AttendanceCounts,
    adopted,
    attendance_counts,
    check_votes,
    duration_check,
    implementation_rate,
    quorum,
    vote_share,
)
from desktop.services.validation import ValidationError

RULES = load_default_rule_set()
P, EX, UN = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.ABSENT_EXCUSED,
    AttendanceStatus.ABSENT_UNEXCUSED,
)
FULL, PROB = MemberStatus.FULL, MemberStatus.PROBATIONARY


# --- attendance -----------------------------------------------------------------


def test_attendance_counts_split_and_leave_out_exempt_attached_and_away():
    rows = (
        [(FULL, P)] * 15
        + [(FULL, EX)] * 2
        + [(FULL, UN)]
        + [(PROB, P)] * 2
        + [(PROB, EX)]
        + [(MemberStatus.EXEMPT, P), (MemberStatus.EXEMPT, EX)]
        + [(MemberStatus.ATTACHED, P), (MemberStatus.ATTACHED, UN)]
        + [(MemberStatus.AWAY, EX)]
        + [(MemberStatus.TRANSFERRED, UN), (MemberStatus.DECEASED, UN)]
    )
    counts = attendance_counts(rows)
    assert counts == AttendanceCounts(
        full=18,
        probationary=3,
        present_full=15,
        present_probationary=2,
        absent_excused=3,
        absent_unexcused=1,
        exempt=2,
        exempt_present=1,
        attached=2,
        attached_present=1,
        away=1,
    )
    assert counts.total == 21
    assert counts.present == 17
    assert counts.absent == 4
    assert counts.voting_present == 15
    assert counts.rate == pytest.approx(17 / 21)


def test_attendance_counts_take_stored_strings():
    counts = attendance_counts([("full", "present"), ("probationary", "absent_unexcused")])
    assert (counts.present_full, counts.probationary, counts.absent_unexcused) == (1, 1, 1)


def test_rate_is_none_when_nobody_is_expected():
    assert attendance_counts([]).rate is None
    assert attendance_counts([(MemberStatus.EXEMPT, P)]).rate is None


@given(
    st.lists(
        st.tuples(st.sampled_from(list(MemberStatus)), st.sampled_from(list(AttendanceStatus)))
    )
)
def test_present_and_absent_add_up_to_expected(rows):
    counts = attendance_counts(rows)
    assert counts.present + counts.absent == counts.total
    assert counts.total == sum(1 for member, _ in rows if member.counts_in_cell)
    assert counts.rate is None or 0 <= counts.rate <= 1


# --- quorum ---------------------------------------------------------------------


def _counts(present_full: int, full: int) -> AttendanceCounts:
    return AttendanceCounts(
        full=full, present_full=present_full, absent_excused=full - present_full
    )


def test_quorum_needs_more_than_half_of_full_members():
    check = quorum(_counts(11, 20), RULES)
    assert check.met and check.needed == 11
    assert (check.present_full, check.total_full) == (11, 20)
    assert "11" in check.message and "20" in check.message

    check = quorum(_counts(10, 20), RULES)
    assert not check.met and check.needed == 11
    assert "10" in check.message and "11" in check.message


def test_quorum_counts_only_full_members():
    counts = AttendanceCounts(full=4, probationary=6, present_full=2, present_probationary=6)
    assert not quorum(counts, RULES).met
    assert quorum(_counts(3, 5), RULES).needed == 3


def test_quorum_without_full_members_is_never_met():
    check = quorum(AttendanceCounts(), RULES)
    assert not check.met and check.message


# --- votes ----------------------------------------------------------------------


def test_votes_within_voting_members_present_are_fine():
    assert check_votes(15, 0, 0, 15) == []
    assert check_votes(12, 2, 1, 15) == []
    assert check_votes(10, 1, 1, 15) == []  # some did not raise a hand
    assert check_votes(None, None, None, 15) == []


def test_votes_cannot_add_up_to_more_than_voting_members_present():
    errors = check_votes(15, 1, 0, 15)
    assert len(errors) == 1
    assert errors[0].field == "votes_for"
    assert "16" in errors[0].message and "15" in errors[0].message
    assert "probationary" in errors[0].message.lower() or "dự bị" in errors[0].message


def test_negative_votes_are_named_by_field():
    errors = check_votes(-1, 0, -2, 10)
    assert [error.field for error in errors] == ["votes_for", "votes_abstain"]
    assert [e.field for e in check_votes(0, 0, 0, -1)] == ["voters_present"]


def test_vote_share_is_a_percentage_rounded_half_up():
    assert vote_share(15, 15) == 100.0
    assert vote_share(15, 16) == 93.75
    assert vote_share(2, 3) == 66.67
    assert vote_share(1, 3) == 33.33
    assert vote_share(1, 32) == 3.13  # 3.125 rounds up, not to even
    assert vote_share(1, 8, decimals=0) == 13.0
    assert vote_share(0, 10) == 0.0
    assert vote_share(3, 0) is None


def test_adopted_needs_more_than_half_of_voting_members_present():
    assert adopted(11, 20)
    assert not adopted(10, 20)
    assert adopted(8, 15)
    assert not adopted(7, 15)
    assert not adopted(0, 0)


# --- duration -------------------------------------------------------------------


def test_regular_meeting_needs_90_minutes():
    short = duration_check(MeetingKind.REGULAR, time(8, 0), time(9, 29), 20, RULES)
    assert (short.minutes, short.required, short.ok) == (89, 90, False)
    assert "89" in short.message and "90" in short.message
    enough = duration_check(MeetingKind.REGULAR, time(8, 0), time(9, 30), 20, RULES)
    assert (enough.minutes, enough.required, enough.ok) == (90, 90, True)


def test_large_or_combined_meeting_needs_120_minutes():
    large = duration_check(MeetingKind.REGULAR, time(19, 0), time(20, 59), 30, RULES)
    assert (large.minutes, large.required, large.ok) == (119, 120, False)
    combined = duration_check(
        MeetingKind.REGULAR, time(19, 0), time(21, 0), 12, RULES, combined=True
    )
    assert (combined.required, combined.ok) == (120, True)
    small = duration_check(MeetingKind.REGULAR, time(19, 0), time(20, 59), 29, RULES)
    assert small.required == 90 and small.ok


def test_other_kinds_use_their_own_minimum():
    check = duration_check(MeetingKind.COMMITTEE, time(14, 0), time(14, 45), 40, RULES)
    assert (check.required, check.ok) == (45, True)
    check = duration_check(MeetingKind.EXTRAORDINARY, time(14, 0), time(14, 59), 10, RULES)
    assert (check.required, check.ok) == (60, False)


def test_end_before_start_or_past_midnight_is_an_error():
    with pytest.raises(ValidationError) as raised:
        duration_check(MeetingKind.REGULAR, time(9, 0), time(8, 0), 20, RULES)
    assert raised.value.for_field("end_time")
    with pytest.raises(ValidationError):
        duration_check(MeetingKind.REGULAR, time(23, 0), time(0, 30), 20, RULES)
    with pytest.raises(ValidationError):
        duration_check(MeetingKind.REGULAR, None, time(9, 0), 20, RULES)


def test_same_start_and_end_is_zero_minutes():
    check = duration_check(MeetingKind.REGULAR, time(8, 0), time(8, 0), 20, RULES)
    assert (check.minutes, check.ok) == (0, False)


# --- carrying out the resolution -----------------------------------------------


def test_implementation_rate_weights_results_and_skips_pending():
    D, H, N, W = TaskResult.DONE, TaskResult.PARTLY, TaskResult.NOT_DONE, TaskResult.PENDING
    assert implementation_rate([D, D, D, D]) == 1.0
    assert implementation_rate([D, H, N, W]) == pytest.approx(0.5)
    assert implementation_rate([D, D, D, H]) == pytest.approx(0.875)
    assert implementation_rate([N, N]) == 0.0
    assert implementation_rate(["done", "partly", "pending"]) == pytest.approx(0.75)


def test_implementation_rate_is_none_when_nothing_was_evaluated():
    assert implementation_rate([]) is None
    assert implementation_rate([TaskResult.PENDING, TaskResult.PENDING]) is None
