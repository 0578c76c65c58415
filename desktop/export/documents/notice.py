"""Calling a meeting: the notice to members (thông báo, TB) and the invitation
to the superior committee member and other guests (giấy mời).

Invitations are not numbered: the register numbers the types of the number
symbol (`DocumentType`), which has no invitation type, and an invitation goes
out with the numbered notice of the same meeting.
"""

from __future__ import annotations

from datetime import date

from desktop.data.enums import DocumentType, MeetingKind
from desktop.data.models import DocumentRecord, Meeting, MeetingGuest
from desktop.export.documents import common
from desktop.export.documents.common import DOTS, Translate, clock, comrade, long_date
from desktop.export.documents.meeting_parts import (
    attendees,
    comrades,
    counts_of,
    load_meeting,
    lower_first,
    meeting_day,
    meeting_stem,
    purpose,
    secretary_name,
)
from desktop.export.model import Block, Closing, Document, Signature, Style, labelled, para
from desktop.i18n import _ as _app
from desktop.services.book import Book
from desktop.services.minutes import MinutesService
from desktop.services.validation import FieldError, ValidationError


def build_notice(
    book: Book,
    meeting_id: str,
    *,
    record: DocumentRecord | None = None,
    language: str = "vi",
    today: date | None = None,
) -> Document:
    """Dated the day the notice is issued (the record's, else `today`)."""
    _ = common.document_gettext(language)
    meeting = load_meeting(book, meeting_id)
    org = book.organisation()
    kind = MeetingKind(meeting.kind)
    what = lower_first(purpose(meeting, _))
    counts = counts_of(attendees(book, meeting))

    blocks: list[Block] = [
        para(
            _("{cell} gives notice of its {purpose} as follows:").format(
                cell=common.cell_name(org), purpose=what
            )
        ),
        *_when_and_where(book, meeting, _, language, numbered=True),
        para(_("3. Content:"), Style.PLAIN),
    ]
    for item in meeting.agenda_items:
        presenter = item.presenter.full_name if item.presenter is not None else ""
        text = (
            _("{title} (presented by {name})").format(title=item.title, name=comrade(presenter, _))
            if presenter
            else item.title
        )
        blocks.append(para(f"- {text}", Style.BULLET))
    if not meeting.agenda_items:
        blocks.append(para(f"- {purpose(meeting, _)}", Style.BULLET))

    blocks.append(para(_("4. Participants:"), Style.PLAIN))
    if kind is MeetingKind.COMMITTEE:
        who = _("The members of the cell committee ({count}).")
    else:
        who = _("All members of the cell ({count}).")
    blocks.append(para("- " + who.format(count=comrades(counts.total, _)), Style.BULLET))
    if counts.attached and kind is not MeetingKind.COMMITTEE:
        blocks.append(
            para(
                "- "
                + _("Members temporarily attached to the cell ({count}).").format(
                    count=comrades(counts.attached, _)
                ),
                Style.BULLET,
            )
        )
    for guest in invited_guests(meeting):
        blocks.append(
            para("- " + _("Invited: {guest}.").format(guest=guest_text(guest, _)), Style.BULLET)
        )

    blocks.append(para(_("5. Preparation:"), Style.PLAIN))
    preparation = [
        _(
            "Comrades given a part of the agenda prepare it and hand it to the committee "
            "before the meeting."
        )
    ]
    if kind is MeetingKind.REGULAR:
        preparation.append(_("Members bring their party handbook and pay this month's party dues."))
    if kind is MeetingKind.THEMATIC:
        preparation.append(_("Members study the topic paper sent out before the meeting."))
    if meeting.prepared_note.strip():
        preparation.append(meeting.prepared_note.strip())
    blocks.extend(para(f"- {text}", Style.BULLET) for text in preparation)
    blocks.append(
        para(
            _(
                "Comrades are asked to attend in full and on time; anyone who cannot come "
                "reports the reason to the cell committee beforehand."
            )
        )
    )
    recipients: tuple[str, ...]
    signer: tuple[str, ...]
    if kind is MeetingKind.COMMITTEE:
        recipients = ("- " + _("Members of the cell committee,"), "- " + _("Filed."))
        signer = (_("ON BEHALF OF THE CELL COMMITTEE"), _("SECRETARY"))
    else:
        recipients = (
            "- " + _("Members of the cell,"),
            "- " + _("The superior committee member in charge of the cell,"),
            "- "
            + _("{committee} (to report),").format(committee=common.superior_committee(org, _)),
            "- " + _("Filed."),
        )
        signer = common.cell_signature("", _).roles
    blocks.append(
        Closing(recipients=recipients, right=Signature(signer, secretary_name(book, meeting)))
    )
    issued = record.issued_on if record is not None else (today or date.today())
    return Document(
        kind="notice",
        header=common.header(org, issued, DocumentType.NOTICE, record),
        title=_("NOTICE"),
        summary=(_("On the {purpose}").format(purpose=what),),
        blocks=tuple(blocks),
        file_stem=meeting_stem("thong-bao", meeting),
        margins=common.margins(book.rules),
    )


def build_invitation(
    book: Book,
    meeting_id: str,
    guest_id: str | None = None,
    *,
    language: str = "vi",
    today: date | None = None,
) -> Document:
    """To `guest_id`, else to the superior committee member in charge of the
    cell (else the first superior delegate); with no guest, the name is left
    to write in by hand."""
    _ = common.document_gettext(language)
    meeting = load_meeting(book, meeting_id)
    org = book.organisation()
    guest = _addressee(meeting, guest_id)
    blocks: list[Block] = [
        para(
            _("Dear {name}").format(name=comrade(guest.name, _) if guest else comrade(DOTS, _)),
            Style.CENTRED,
        )
    ]
    if guest is not None and guest.title:
        blocks.append(para(guest.title, Style.CENTRED))
    blocks.append(
        para(
            _("{cell} respectfully invites you to attend its {purpose}.").format(
                cell=common.cell_name(org), purpose=lower_first(purpose(meeting, _))
            )
        )
    )
    blocks.extend(_when_and_where(book, meeting, _, language, numbered=False))
    content = [item.title for item in meeting.agenda_items]
    if content:
        blocks.append(para(_("Content:"), Style.PLAIN))
        blocks.extend(para(f"- {title}", Style.BULLET) for title in content)
    blocks.append(para(_("We look forward to your attendance.")))
    blocks.append(
        Closing(
            recipients=("- " + _("As addressed,"), "- " + _("Filed.")),
            right=common.cell_signature(secretary_name(book, meeting), _),
        )
    )
    issued = today or date.today()
    stem_guest = common.file_stem(guest.name) if guest is not None else ""
    return Document(
        kind="invitation",
        header=common.header(org, issued),
        title=_("INVITATION"),
        blocks=tuple(blocks),
        file_stem=common.file_stem(meeting_stem("giay-moi", meeting), stem_guest),
        margins=common.margins(book.rules),
    )


def invited_guests(meeting: Meeting) -> list[MeetingGuest]:
    """Guests marked invited; in books from before invitations were marked, all guests."""
    marked = [g for g in meeting.guests if getattr(g, "invited", False)]
    return marked or list(meeting.guests)


def guest_text(guest: MeetingGuest, _: Translate) -> str:
    name = comrade(guest.name, _)
    return _("{name}, {title}").format(name=name, title=guest.title) if guest.title else name


def _addressee(meeting: Meeting, guest_id: str | None) -> MeetingGuest | None:
    if guest_id is not None:
        guest = next((g for g in meeting.guests if g.id == guest_id), None)
        if guest is None:
            raise ValidationError(
                [FieldError("guest", _app("This guest is no longer in the book."))]
            )
        return guest
    guests = invited_guests(meeting)
    in_charge = [g for g in guests if str(getattr(g, "role", "")) == "superior_in_charge"]
    superior = [g for g in guests if g.is_superior]
    return next(iter(in_charge or superior or guests), None)


def _when_and_where(
    book: Book, meeting: Meeting, _: Translate, language: str, *, numbered: bool
) -> list[Block]:
    """Time and place, defaulted like the minutes (from the last meeting) when not set."""
    defaults = MinutesService(book).defaults(meeting.id)
    start = meeting.start_time or defaults.start_time
    place = meeting.place or defaults.place
    day = meeting_day(meeting)
    when = _("{time}, {weekday}, {date}.").format(
        time=clock(start, _), weekday=common.weekday(day, language), date=long_date(day, _)
    )
    time_label, place_label = (
        (_("1. Time: "), _("2. Place: ")) if numbered else (_("Time: "), _("Place: "))
    )
    return [labelled(time_label, when), labelled(place_label, place or DOTS)]
