"""Adding a member."""

from __future__ import annotations

from desktop.data.enums import MemberStatus, Sex
from desktop.i18n import _
from desktop.services.labels import enum_label
from desktop.services.members import MemberInput, MemberService
from desktop.services.validation import ValidationError
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.qt.widgets import QComboBox, QLineEdit, QWidget
from desktop.ui.widgets import DateField

NEW_MEMBER_STATUSES = (
    MemberStatus.FULL,
    MemberStatus.PROBATIONARY,
    MemberStatus.EXEMPT,
    MemberStatus.ATTACHED,
)


class MemberDialog(FormDialog):
    def __init__(self, service: MemberService, parent: QWidget | None = None) -> None:
        super().__init__(parent, _("Add a member"))
        self.service = service
        form = self.form
        self.full_name = QLineEdit()
        self.full_name.setMaxLength(120)
        form.add_field("full_name", self.full_name)
        self.sex = QComboBox()
        for sex in Sex:
            self.sex.addItem(enum_label(sex), sex)
        form.add_field("sex", self.sex)
        self.status = QComboBox()
        for status in NEW_MEMBER_STATUSES:
            self.status.addItem(enum_label(status), status)
        form.add_field("status", self.status)
        self.date_of_birth = DateField()
        form.add_field("date_of_birth", self.date_of_birth)
        self.admission_date = DateField()
        form.add_field("admission_date", self.admission_date)
        self.official_date = DateField()
        form.add_field("official_date", self.official_date)
        self.card_number = QLineEdit()
        self.card_number.setMaxLength(20)
        form.add_field("card_number", self.card_number)
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        form.add_field("phone", self.phone)
        self.address = QLineEdit()
        form.add_field("address", self.address)
        self.finish_form()
        self.full_name.setFocus()

    def save(self) -> str:
        dates, problems = self.dates(
            date_of_birth=self.date_of_birth,
            admission_date=self.admission_date,
            official_date=self.official_date,
        )
        data = MemberInput(
            full_name=self.full_name.text(),
            sex=Sex(self.sex.currentData()),
            status=MemberStatus(self.status.currentData()),
            card_number=self.card_number.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            **dates,  # type: ignore[arg-type]
        )
        if problems:
            # Check the other fields too, so every problem shows at once.
            try:
                self.service.validate(data.cleaned())
            except ValidationError as error:
                problems += error.errors
            raise ValidationError(problems)
        return self.service.create(data)
