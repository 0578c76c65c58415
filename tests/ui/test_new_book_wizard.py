"""Creating a book with the wizard."""

from __future__ import annotations

import pytest

from desktop.paths import books_dir
from desktop.services.book import Book, place_from_commune
from desktop.ui.new_book_wizard import NewBookWizard, unique_book_path
from desktop.ui.qt.widgets import QWizard

pytestmark = pytest.mark.gui


def _click(wizard: QWizard, which: QWizard.WizardButton) -> None:
    wizard.button(which).click()


def test_wizard_creates_the_book_and_opens_it(qtbot, controller):
    screen = controller.show_start_screen()
    wizard = controller.new_book(screen)
    assert wizard.meeting_day.value() == 3
    wizard.cell_name.setText("Thôn An Hòa")
    _click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.commune_page
    wizard.commune.setText("Xã An Phú")
    assert wizard.place_name.text() == "An Phú"  # follows the commune until edited
    wizard.province.setText("Đồng Tháp")
    _click(wizard, QWizard.WizardButton.NextButton)
    wizard.meeting_day.setValue(5)
    _click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.summary_page
    preview = wizard.summary_page.preview.text()
    assert "ĐẢNG BỘ XÃ AN PHÚ" in preview
    assert "CHI BỘ THÔN AN HÒA" in preview
    assert "An Phú, ngày" in preview

    with qtbot.waitSignal(wizard.book_created):
        _click(wizard, QWizard.WizardButton.FinishButton)

    path = books_dir() / "thon-an-hoa.cellbook"
    assert path.exists()
    window = controller.main_window
    assert window is not None
    assert window.windowTitle() == "Thôn An Hòa — CellBook"
    assert controller.start_screen is None
    org = window.book.organisation()
    assert (org.commune_name, org.place_name, org.province, org.meeting_day) == (
        "Xã An Phú",
        "An Phú",
        "Đồng Tháp",
        5,
    )
    assert str(path.resolve()) == controller.settings.recent_books[0]


def test_wizard_shows_problems_next_to_the_field(qtbot, settings):
    wizard = NewBookWizard(settings)
    qtbot.addWidget(wizard)
    wizard.show()
    _click(wizard, QWizard.WizardButton.NextButton)  # no cell name
    assert wizard.currentPage() is wizard.cell_page
    assert wizard.cell_page.form.error_text("cell_name")
    wizard.cell_name.setText("Tổ dân phố 3")
    _click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.commune_page
    assert not wizard.cell_page.form.error_text("cell_name")
    _click(wizard, QWizard.WizardButton.NextButton)  # no commune
    assert wizard.currentPage() is wizard.commune_page
    assert wizard.commune_page.form.error_text("commune_name")
    assert not list(books_dir().glob("*.cellbook")) if books_dir().exists() else True


def test_existing_file_names_get_a_number(cellbook_home):
    folder = books_dir()
    folder.mkdir(parents=True)
    (folder / "thon-a.cellbook").write_bytes(b"")
    (folder / "thon-a-2.cellbook").write_bytes(b"")
    assert unique_book_path(folder, "thon-a.cellbook").name == "thon-a-3.cellbook"


def test_wizard_never_overwrites_a_book(qtbot, settings, empty_book):
    wizard = NewBookWizard(settings)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.cell_name.setText("Thôn An Hòa")
    wizard.commune.setText("Xã An Phú")
    assert wizard.target_path().name == "thon-an-hoa-2.cellbook"
    assert wizard.create_book()
    assert wizard.book is not None
    wizard.book.close()
    book = Book.open(empty_book)
    assert book.organisation().name == "Thôn An Hòa"
    book.close()


@pytest.mark.parametrize(
    ("commune", "place"),
    [("Xã An Phú", "An Phú"), ("phường Hòa Bình", "Hòa Bình"), ("An Phú", "An Phú")],
)
def test_place_from_commune(commune, place):
    assert place_from_commune(commune) == place
