"""The demo's dues ledger: the last twelve months, collected at the monthly meetings."""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from desktop.data.models import DuesPayment
from desktop.demo.people import BEHIND_WITH_DUES, FAR_AWAY, MemberPlan
from desktop.demo.records import RecordFactory, local_moment
from desktop.demo.story import HeldMeeting
from desktop.rules import RuleSet
from desktop.services.dues import dues_due, owes_dues

LEDGER_MONTHS = 12
# For each member behind with their dues, the months they have not paid among
# those before the present one, counted back from the latest (1); the present
# month, if its meeting has been held, they have not paid either.
UNPAID_MONTHS: dict[int, tuple[int, ...]] = {
    BEHIND_WITH_DUES[0]: (1, 2, 4),
    BEHIND_WITH_DUES[1]: (1, 2, 5),
}
UNPAID_NOTES = {FAR_AWAY: "Đi làm ăn xa, chưa nộp"}
SHORT_PAYMENT_NOTE = "Nộp trước một nửa, hẹn nộp đủ"


def write_ledger(
    rng: random.Random,
    factory: RecordFactory,
    rules: RuleSet,
    members: list[MemberPlan],
    days: list[date],
    held: list[HeldMeeting],
    until: date,
) -> None:
    """Dues lines for the last twelve months. Most members pay at the month's
    meeting; those absent pay some days later; a few are behind."""
    absent = {
        meeting.index: {plan.id for plan, _reason in meeting.roll.excused}
        | {plan.id for plan in meeting.roll.unexcused}
        for meeting in held
        if meeting.index is not None
    }
    first = len(days) - LEDGER_MONTHS
    short = (rng.choice([p for p in members if p.slot.kind == "full"]).id, rng.randint(3, 9))
    present = until.replace(day=1)
    before_present = [i for i in range(first, len(days)) if days[i] < present]
    back_from = {index: len(before_present) - n for n, index in enumerate(before_present)}
    for index in range(first, len(days)):
        day = days[index]
        month = day.replace(day=1)
        back = back_from.get(index, 1)  # 1 for the latest month before the present one
        for plan in members:
            member = plan.record
            if not owes_dues(plan.events, month, admitted=member.admission_date):
                continue
            due = dues_due(
                rules,
                month,
                rate_id=member.dues_rate_id,
                base=member.dues_base,
                exempt_reason=member.dues_exempt_reason,
                admitted=member.admission_date,
            )
            paid, paid_on, note = due.amount, None, ""
            if due.amount == 0:
                paid = 0
            elif back in UNPAID_MONTHS.get(plan.position, ()):
                paid, note = 0, UNPAID_NOTES.get(plan.position, "")
            elif (plan.id, back) == short:
                paid, note = due.amount // 2, SHORT_PAYMENT_NOTE
            if paid:
                paid_on = day
                if plan.id in absent.get(index, ()):
                    paid_on = min(day + timedelta(days=rng.randint(2, 9)), until - timedelta(1))
            opened = local_moment(day, time(7, 30))
            factory.make(
                DuesPayment,
                opened,
                updated=local_moment(paid_on, time(19)) if paid_on else opened,
                member_id=plan.id,
                month=month,
                amount_due=due.amount,
                amount_paid=paid,
                paid_on=paid_on,
                rate_id=due.rate_id,
                note=note,
            )
