"""What the documents of an annual review share (domain.md section 5): the
campaign as printed, its meeting and attendance, levels, votes, posts,
criticism and shortcomings in the document's words.

Review texts are printed here and nowhere else: nothing in these modules
logs them or puts them in an error message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop.data.enums import (
    CommitteePostKind,
    CriticismKind,
    ReviewPeriod,
    ReviewState,
)
from desktop.data.models import Meeting, Member
from desktop.export.documents.common import (
    DOTS,
    SHORT_DOTS,
    Translate,
    comrade,
    enum_text,
    file_stem,
)
from desktop.export.documents.meeting_parts import (
    load_meeting,
    meeting_day,
    post_label,
    posts_on,
    vote_sentence,
    vote_share_text,
)
from desktop.export.model import Block, DottedLines, Style, para
from desktop.i18n import format_date
from desktop.rules.ruleset import ReviewForm, RuleSet
from desktop.services.book import Book
from desktop.services.meeting_rules import AttendanceCounts
from desktop.services.minutes import MinutesService
from desktop.services.reviews import (
    STATE_ORDER,
    CampaignDetail,
    CriticismRow,
    ReviewService,
    ShortcomingRow,
    Votes,
)

# Lines left to write on where a text is not known yet.
TEXT_LINES = 4
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True)
class Campaign:
    """A campaign with what its documents print beside the records."""

    detail: CampaignDetail
    meeting: Meeting | None  # where the cell discussed and voted
    counts: AttendanceCounts | None  # that meeting's attendance, when taken
    day: date  # the day posts are read on: the meeting's, else the campaign's start
    posts: dict[str, CommitteePostKind]

    @property
    def voters_present(self) -> int | None:
        """Full members present at the review meeting; None without attendance."""
        if self.counts is None or not self.counts.total:
            return None
        return self.counts.voting_present


def load_campaign(book: Book, campaign_id: str, today: date | None = None) -> Campaign:
    detail = ReviewService(book, today).campaign(campaign_id)
    meeting = load_meeting(book, detail.meeting_id) if detail.meeting_id else None
    counts = MinutesService(book).counts(meeting.id) if meeting is not None else None
    day = meeting_day(meeting) if meeting is not None else detail.started_on
    return Campaign(detail, meeting, counts, day, posts_on(book, day))


def members_by_id(book: Book, ids: list[str]) -> dict[str, Member]:
    with book.reader() as session:
        found = {member_id: session.get(Member, member_id) for member_id in ids}
    return {member_id: member for member_id, member in found.items() if member is not None}


# --- words ------------------------------------------------------------------------


def period_words(detail: CampaignDetail, _: Translate) -> str:
    """ "năm 2026", "quý 1 năm 2026" (inside a sentence)."""
    if detail.period is ReviewPeriod.QUARTERLY and detail.quarter:
        return _("quarter {quarter} of {year}").format(quarter=detail.quarter, year=detail.year)
    return _("year {year}").format(year=detail.year)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def roman(number: int) -> str:
    return ROMAN[number - 1] if 0 < number <= len(ROMAN) else str(number)


def level_text(rules: RuleSet, level_id: str, language: str) -> str:
    """A rating level's title in the document's language; dots when not known."""
    if not level_id:
        return DOTS
    for band in rules.rating_levels:
        if band.id == level_id:
            return band.title(language)
    return level_id


def party_post(posts: dict[str, CommitteePostKind], member_id: str, _: Translate) -> str:
    """The member's committee post, else "Đảng viên"."""
    post = posts.get(member_id)
    return post_label(post, _) if post is not None else _("Party member")


def date_text(day: date | None) -> str:
    return format_date(day) if day is not None else DOTS


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a written text, split on blank lines."""
    return [part.strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]


def text_blocks(text: str, lines: int = TEXT_LINES) -> list[Block]:
    """The text's paragraphs, or dotted lines to write on when there is none."""
    parts = paragraphs(text)
    if not parts:
        return [DottedLines(lines)]
    return [para(part) for part in parts]


def form_heading(form: ReviewForm, language: str) -> tuple[str, str]:
    """ "BẢN KIỂM ĐIỂM CÁ NHÂN" and "(Dùng cho ...)" from the rule set's title."""
    title = form.title(language)
    head, _sep, rest = title.partition("(")
    note = f"({capitalised(rest.strip())}" if rest else ""
    return head.strip().upper(), note


def reached(state: ReviewState, step: ReviewState) -> bool:
    return STATE_ORDER.index(state) >= STATE_ORDER.index(step)


# --- votes --------------------------------------------------------------------------


def vote_counts(votes: Votes | None, voters: int | None) -> tuple[int, int, int, int] | None:
    """(for, against, abstain, voters): out of the full members present, or of
    the hands counted when the meeting's attendance is not in the book."""
    if votes is None:
        return None
    return (votes.for_, votes.against, votes.abstain, voters if voters else votes.total)


def vote_line(votes: Votes | None, voters: int | None, _: Translate, language: str) -> str:
    """For, against and abstaining out of the full members present, with the share."""
    return vote_sentence(vote_counts(votes, voters), _, language)


def approval_text(votes: Votes | None, voters: int | None, _: Translate, language: str) -> str:
    """ "tán thành 8/9 đồng chí (88,89%)"; dots before the vote."""
    counts = vote_counts(votes, voters)
    if counts is None:
        return _("{for_}/{voters} comrades in favour ({share})").format(
            for_=SHORT_DOTS, voters=SHORT_DOTS, share=SHORT_DOTS + "%"
        )
    for_, _against, _abstain, total = counts
    return _("{for_}/{voters} comrades in favour ({share})").format(
        for_=for_, voters=total, share=vote_share_text(for_, total, language)
    )


def points_text(level: str, points: int | None, _: Translate) -> str:
    if points is None:
        return level
    return _("{level} ({points} points)").format(level=level, points=points)


# "Quyết định số 12-QĐ/ĐU", "Số 12-QĐ/ĐU", "No. 12": the number alone is kept.
PREFIX = r"^((quyết định|quyet dinh|decision)\s+)?(số|so|no\.?)\s*"


def decision_text(
    rules: RuleSet, level_id: str, on: date | None, ref: str, _: Translate, language: str
) -> str:
    """ "Hoàn thành tốt nhiệm vụ, Quyết định số 12-QĐ/ĐU ngày 15/01/2027"."""
    level = level_text(rules, level_id, language)
    number = re.sub(PREFIX, "", ref.strip(), flags=re.IGNORECASE) or SHORT_DOTS
    return _("{level}, Decision No. {number} of {date}").format(
        level=level, number=number, date=date_text(on)
    )


# --- criticism and shortcomings -------------------------------------------------------


def speaker(row: CriticismRow, _: Translate) -> str:
    """ "Đồng chí Lê Văn Bình"; a guest or the commune by the name recorded."""
    name = comrade(row.by_name, _) if row.by_member_id else row.by_name
    if row.kind is CriticismKind.SELF:
        return _("{name} (self-criticism)").format(name=name)
    return name


def criticism_blocks(rows: Sequence[CriticismRow], _: Translate) -> list[Block]:
    """ "- Đồng chí X: what they said", one line each, in the order given."""
    return [para(f"- {speaker(row, _)}: {row.content.strip()}", Style.BULLET) for row in rows]


def shortcoming_line(row: ShortcomingRow, _: Translate) -> str:
    """A carried shortcoming: content, remedy, deadline, where it stands, follow-up."""
    parts = [row.content.strip().rstrip(".")]
    if row.remedy.strip():
        parts.append(_("remedy: {remedy}").format(remedy=row.remedy.strip().rstrip(".")))
    if row.deadline is not None:
        parts.append(_("deadline: {date}").format(date=format_date(row.deadline)))
    parts.append(_("status: {status}").format(status=enum_text(row.status, _).lower()))
    if row.follow_up.strip():
        note = row.follow_up.strip().rstrip(".")
        if row.followed_up_on is not None:
            note = f"{note} ({format_date(row.followed_up_on)})"
        parts.append(_("follow-up: {note}").format(note=note))
    return "- " + "; ".join(parts) + "."


def shortcoming_blocks(rows: Sequence[ShortcomingRow], _: Translate) -> list[Block]:
    if not rows:
        return []
    return [
        para(_("Shortcomings pointed out earlier:"), Style.PLAIN),
        *(para(shortcoming_line(row, _), Style.BULLET) for row in rows),
    ]


# --- files ----------------------------------------------------------------------------


def campaign_stem(prefix: str, detail: CampaignDetail) -> str:
    """ "bien-ban-kiem-diem-2026"; a quarter's adds "q1", an ad hoc review its day."""
    if detail.period is ReviewPeriod.QUARTERLY and detail.quarter:
        return file_stem(prefix, detail.year, f"q{detail.quarter}")
    if detail.period is ReviewPeriod.AD_HOC:
        return file_stem(prefix, detail.started_on.isoformat())
    return file_stem(prefix, detail.year)
