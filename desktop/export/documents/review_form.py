"""The personal review form (bản kiểm điểm cá nhân; the probationary members'
bản tự kiểm điểm), filled from a member's review or blank to write by hand.

The form variant (2A, 2B, 2C, probationary) comes from the rule set: its
code, its printed heading and its sections, in their order. Under the
member's signature comes the cell's part: the criticism given, the proposed
level and the vote, signed for the cell, then the commune's decision.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from desktop.data.enums import ReviewState, WorkGroup
from desktop.export.documents import common
from desktop.export.documents.common import DOTS, Translate
from desktop.export.documents.review_common import (
    Campaign,
    approval_text,
    capitalised,
    criticism_blocks,
    date_text,
    decision_text,
    form_heading,
    level_text,
    load_campaign,
    members_by_id,
    party_post,
    period_words,
    points_text,
    reached,
    roman,
    shortcoming_blocks,
    text_blocks,
)
from desktop.export.model import (
    Block,
    Closing,
    Document,
    DottedLines,
    Header,
    Paragraph,
    Run,
    Signature,
    Style,
    labelled,
    para,
)
from desktop.rules.ruleset import ReviewForm, Titled
from desktop.services.book import Book
from desktop.services.reviews import ReviewDetail, ReviewService
from desktop.services.validation import FieldError, ValidationError

SECTION_LINES = 6  # dotted lines under each section of a blank form
CRITICISM_LINES = 5
BLANK_LINE = "\u00a0"  # an empty line (a plain space would be dropped)


@dataclass(frozen=True)
class _Member:
    name: str
    born: date | None
    post: str
    workplace: str | None  # None: the form has no line for it


def build_review_form(
    book: Book, review_id: str, *, language: str = "vi", today: date | None = None
) -> Document:
    """A member's personal review as written, with the cell's assessment."""
    _ = common.document_gettext(language)
    detail = ReviewService(book, today).review(review_id)
    form = _form(book, detail.row.form_id)
    campaign = load_campaign(book, detail.campaign_id, today)
    member = members_by_id(book, [detail.row.member_id])[detail.row.member_id]
    person = _Member(
        name=member.full_name,
        born=member.date_of_birth,
        post=party_post(campaign.posts, member.id, _),
        workplace=None if member.work_group is WorkGroup.OUTSIDE else member.workplace,
    )
    blocks = _front(form, language)
    blocks += _person_lines(person, common.cell_name(book.organisation()), _)
    for number, section in enumerate(form.sections, start=1):
        blocks.append(_section_heading(number, section, language))
        blocks += _section_body(book, section.id, detail, _, language)
    blocks.append(Closing(right=Signature((_("SELF-REVIEWING MEMBER"),), person.name)))
    blocks += _assessment(book, detail, campaign, _, language)
    heading, _note = form_heading(form, language)
    return Document(
        kind="review_form",
        header=_header(book, form, detail.written_on),
        title=heading,
        summary=(capitalised(period_words(campaign.detail, _)),),
        blocks=tuple(blocks),
        file_stem=common.file_stem("ban-kiem-diem", detail.year, person.name),
        margins=common.margins(book.rules),
    )


def build_blank_review_form(book: Book, form_id: str, *, language: str = "vi") -> Document:
    """The form variant with dotted lines to write on by hand."""
    _ = common.document_gettext(language)
    form = _form(book, form_id)
    blocks = _front(form, language)
    labels = [_("Full name: "), _("Date of birth: "), _("Party post: ")]
    if _has_workplace(form):
        labels.append(_("Workplace: "))
    labels.append(_("Party cell: "))
    blocks += [DottedLines(1, label) for label in labels]
    for number, section in enumerate(form.sections, start=1):
        blocks.append(_section_heading(number, section, language))
        if section.id == "self_level":
            blocks.append(DottedLines(1, _("Self-rated level: ")))
        else:
            blocks.append(DottedLines(SECTION_LINES))
    blocks.append(Closing(right=Signature((_("SELF-REVIEWING MEMBER"),))))
    blocks += _assessment_heading(_)
    blocks += [
        DottedLines(CRITICISM_LINES, _("Criticism and suggestions: ")),
        DottedLines(1, _("The cell proposed the level: ")),
        labelled(_("Vote: "), approval_text(None, None, _, language)),
        Closing(right=common.cell_signature("", _)),
        para(BLANK_LINE, Style.PLAIN),
        DottedLines(2, _("The superior committee decided the level: ")),
    ]
    heading, _note = form_heading(form, language)
    return Document(
        kind="blank_review_form",
        header=_header(book, form, None),
        title=heading,
        summary=(capitalised(_("year {year}").format(year="20" + common.SHORT_DOTS)),),
        blocks=tuple(blocks),
        file_stem=common.file_stem("ban-kiem-diem-mau", form.id),
        margins=common.margins(book.rules),
    )


# --- parts ------------------------------------------------------------------------------


def _form(book: Book, form_id: str) -> ReviewForm:
    form = book.rules.review_form(form_id)
    if form is None:
        from desktop.i18n import _ as _app

        raise ValidationError([FieldError("form", _app("This form is not in the rule set."))])
    return form


def _has_workplace(form: ReviewForm) -> bool:
    """Members outside the political system have no workplace line on their form."""
    return any(group != WorkGroup.OUTSIDE.value for group in form.work_groups)


def _header(book: Book, form: ReviewForm, day: date | None) -> Header:
    """The cell's header, unnumbered, with the form's code ("Mẫu 2C-HD KĐ.ĐG") above it."""
    return replace(common.header(book.organisation(), day), number_symbol="", form_code=form.code)


def _front(form: ReviewForm, language: str) -> list[Block]:
    """Who the form is for, under the title: "(Dùng cho đảng viên ...)"."""
    _heading, note = form_heading(form, language)
    if not note:
        return []
    return [Paragraph((Run(note, italic=True),), Style.CENTRED)]


def _person_lines(person: _Member, cell: str, _: Translate) -> list[Block]:
    lines: list[Block] = [
        labelled(_("Full name: "), person.name),
        labelled(_("Date of birth: "), date_text(person.born)),
        labelled(_("Party post: "), person.post),
    ]
    if person.workplace is not None:
        lines.append(labelled(_("Workplace: "), person.workplace or DOTS))
    lines.append(labelled(_("Party cell: "), cell))
    return lines


def _section_heading(number: int, section: Titled, language: str) -> Paragraph:
    return para(f"{roman(number)}. {section.title(language).upper()}", Style.SECTION)


def _section_body(
    book: Book, section_id: str, detail: ReviewDetail, _: Translate, language: str
) -> list[Block]:
    texts = detail.texts
    if section_id == "self_level":
        return [
            labelled(_("Self-rated level: "), level_text(book.rules, texts.self_level, language))
        ]
    text = getattr(texts, section_id, "")
    if section_id != "earlier_fixes":
        return text_blocks(text)
    blocks = shortcoming_blocks(detail.earlier_shortcomings, _)
    if text.strip() or not blocks:
        blocks = text_blocks(text) + blocks
    return blocks


def _assessment_heading(_: Translate) -> list[Block]:
    """A line's space under the member's signature, then the cell's part."""
    return [
        para(BLANK_LINE, Style.PLAIN),
        Paragraph((Run(_("ASSESSMENT BY THE PARTY CELL"), bold=True),), Style.CENTRED),
    ]


def _assessment(
    book: Book, detail: ReviewDetail, campaign: Campaign, _: Translate, language: str
) -> list[Block]:
    rules = book.rules
    row = detail.row
    blocks = _assessment_heading(_)
    if detail.criticisms:
        blocks.append(replace(labelled(_("Criticism and suggestions: "), ""), keep_with_next=True))
        blocks += criticism_blocks(detail.criticisms, _)
    elif reached(row.state, ReviewState.DISCUSSED):
        blocks.append(labelled(_("Criticism and suggestions: "), _("none")))
    else:
        blocks.append(DottedLines(CRITICISM_LINES, _("Criticism and suggestions: ")))
    proposed = level_text(rules, row.proposed_level, language)
    blocks.append(
        labelled(_("The cell proposed the level: "), points_text(proposed, row.points, _))
    )
    voters = campaign.voters_present
    blocks.append(labelled(_("Vote: "), approval_text(row.votes, voters, _, language)))
    secretary = common.secretary_name(book, campaign.day)
    blocks.append(Closing(right=common.cell_signature(secretary, _)))
    blocks.append(para(BLANK_LINE, Style.PLAIN))
    label = _("The superior committee decided the level: ")
    if row.decided_level:
        blocks.append(
            labelled(
                label,
                decision_text(
                    rules, row.decided_level, detail.decided_on, detail.decision_ref, _, language
                ),
            )
        )
    else:
        blocks.append(DottedLines(2, label))
    return blocks
