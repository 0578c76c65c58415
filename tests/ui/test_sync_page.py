"""The Sync page: the book's identity and key card, enrolling a book after
comparing fingerprints, bundles saved to a USB stick and imported, versions
kept after a conflict, what the commune handed down, the rules in force, and
the hub's outbox running in the background."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.data.enums import DecisionKind, OrgKind, RecommendationStatus, SharedDocumentKind
from desktop.data.models import CommuneDecision, Recommendation, SharedDocument, SyncConflict
from desktop.data.types import utcnow
from desktop.export.bundle import exchange
from desktop.export.bundle.exchange import ImportStatus
from desktop.rules.loading import DEFAULT_RULE_FILE, shipped_rules_dir
from desktop.services import removable_drives
from desktop.services.book import Book, NewBookDetails
from desktop.services.sync import identity
from desktop.ui.qt.core import Qt
from desktop.ui.qt.gui import QDesktopServices
from desktop.ui.qt.widgets import QApplication, QFileDialog, QInputDialog, QMessageBox
from desktop.ui.sync.outbox_worker import RETRY_AFTER_PROBLEM, OutboxWorker, RoundProblem

pytestmark = pytest.mark.gui

COMMUNE = "Đảng ủy xã An Phú"
DIRECTIVE = "Hướng dẫn sinh hoạt chi bộ quý IV"
ANSWER = "Đảng ủy xã đã chỉ đạo sửa đèn đường trong tháng 12."
PDF = b"%PDF-1.4\n% directive\n"


# --- books -------------------------------------------------------------------------------


@pytest.fixture
def commune(tmp_path: Path) -> Iterator[Book]:
    book = Book.create(
        tmp_path / "commune" / "commune.cellbook",
        NewBookDetails(cell_name=COMMUNE, commune_name="An Phú", kind=OrgKind.COMMUNE),
        device_id="commune-pc",
        backup_folder=tmp_path / "commune-backups",
    )
    yield book
    book.close()


def open_cell(path: Path) -> Book:
    return Book.open(path, device_id="cell-pc")


def enrol_both(cell_path: Path, commune: Book) -> None:
    cell = open_cell(cell_path)
    try:
        identity.enrol(commune, identity.card_file_bytes(cell))
        identity.enrol(cell, identity.card_file_bytes(commune))
    finally:
        cell.close()


def hand_up(cell_path: Path, commune: Book) -> None:
    """The cell's first bundle, imported by the commune (so it has the cell's records)."""
    cell = open_cell(cell_path)
    try:
        made = exchange.make_bundle(cell, commune.book_id)
    finally:
        cell.close()
    assert exchange.import_bundle(commune, made.data).status is ImportStatus.IMPORTED


def hand_down(commune: Book, cell_book_id: str, cell_org_id: str, folder: Path) -> Path:
    """The commune's bundle with a directive, and the answer to the cell's recommendation."""
    with commune.reader() as session:
        recommendation = session.query(Recommendation).filter_by(org_id=cell_org_id).one()
        recommendation_id = recommendation.id
    with commune.session() as session:
        session.add(
            SharedDocument(
                kind=SharedDocumentKind.DIRECTIVE,
                title=DIRECTIVE,
                number="12-HD/ĐU",
                issued_on=date(2026, 10, 5),
                file_name="huong-dan.pdf",
                size=len(PDF),
                sha256=hashlib.sha256(PDF).hexdigest(),
                data=PDF,
            )
        )
        session.add(
            CommuneDecision(
                kind=DecisionKind.ANSWER,
                cell_org_id=cell_org_id,
                target_id=recommendation_id,
                text=ANSWER,
                decided_on=date(2026, 11, 10),
            )
        )
    return exchange.make_bundle(commune, cell_book_id).save(folder)


def sync_page(open_main: object, path: Path) -> tuple[object, object]:
    window = open_main(path)  # type: ignore[operator]
    return window, window.go_to("sync")


def wait_idle(qtbot: object, page: object) -> None:
    qtbot.waitUntil(lambda: not page.busy, timeout=60000)  # type: ignore[attr-defined]


# --- the rules (as before) --------------------------------------------------------------


def test_a_broken_rule_file_keeps_the_rules_in_force(open_main, empty_book, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    window = open_main(empty_book)
    page = window.go_to("sync")
    broken = tmp_path / "rules.json"
    broken.write_text('{"rule_set_id": "x"', encoding="utf-8")
    assert not page.install_from(broken)
    assert "rules.json" in warnings[0]
    assert "The rules in force were kept." in warnings[0]
    assert page.text_of("rules_id") == "vn-default, version 1"


def test_a_new_rule_file_is_installed(open_main, empty_book, tmp_path):
    data = json.loads((shipped_rules_dir() / DEFAULT_RULE_FILE).read_text(encoding="utf-8"))
    data["version"] = 2
    data["recommendations"]["answer_limit_days"] = 15
    newer = tmp_path / "vn-default-v2.json"
    newer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    window = open_main(empty_book)
    page = window.go_to("sync")
    assert page.install_from(newer)
    assert page.text_of("rules_id") == "vn-default, version 2"
    assert "version 2" in window.statusBar().currentMessage()
    assert window.book.rules.recommendation_limit_days == 15


# --- this book and the books it has enrolled ----------------------------------------------


def test_the_page_shows_the_fingerprint_and_the_enrolled_commune(open_main, sample_book, commune):
    path, _ids = sample_book
    enrol_both(path, commune)
    window, page = sync_page(open_main, path)
    own = identity.own_card(window.book).fingerprint
    assert page.fingerprint.text() == own
    assert [group.text() for group in page.fingerprint.groups] == own.split("-")
    assert page.text_of("book_id") == window.book.book_id
    peers = page.peers
    assert peers.model.rowCount() == 1
    assert peers.text_at(0, 0) == COMMUNE
    assert peers.text_at(0, 1) == "Commune committee"
    assert peers.text_at(0, 2) == identity.own_card(commune).fingerprint
    assert peers.text_at(0, 3) == "0"
    assert peers.text_at(0, 5) == "not yet"
    assert peers.bundle_heading.text() == f"Bundles for {COMMUNE}"
    assert not peers.bundle_box.isHidden() and peers.empty.isHidden()
    # Enrolled: the bundles come first, the key card further down.
    assert page.sections.indexOf(peers) < page.sections.indexOf(page.identity_box)


def test_before_enrolling_the_key_card_comes_first(open_main, empty_book):
    _window, page = sync_page(open_main, empty_book)
    assert page.peers.model.rowCount() == 0
    assert page.peers.bundle_box.isHidden()
    assert "commune party committee for its key card" in page.peers.empty.text()
    assert page.sections.indexOf(page.identity_box) == 0
    assert page.kept.isHidden() and page.from_commune.isHidden()


def test_the_key_card_is_saved_to_the_usb_stick_first(open_main, empty_book, tmp_path, monkeypatch):
    stick = tmp_path / "media" / "STICK"
    stick.mkdir(parents=True)
    monkeypatch.setattr(
        removable_drives,
        "find_drives",
        lambda: removable_drives.linux_drives([tmp_path / "media"], is_mount=lambda p: True),
    )
    offered = []

    def save_name(parent, title, start, filters):
        offered.append(start)
        return start, filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window, page = sync_page(open_main, empty_book)
    saved = page.save_key_card()
    assert offered == [str(stick / "thon-an-hoa.cellbook-card")]
    assert saved == stick / "thon-an-hoa.cellbook-card"
    assert identity.read_card_for_enrolment  # the file is a card another book can read:
    from desktop.services.sync.keys import read_card

    assert read_card(saved.read_bytes()).book_id == window.book.book_id


def test_the_printed_key_card_is_previewed_printed_and_saved(
    open_main, empty_book, tmp_path, monkeypatch
):
    from desktop.ui.documents import printing

    outputs = []

    def into_file(parent, printer, title):
        target = tmp_path / f"printed-{len(outputs)}.pdf"
        outputs.append(target)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(printing, "choose_printer", into_file)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "card.pdf"), "")
    )
    window, page = sync_page(open_main, empty_book)
    dialog = page.print_key_card()
    assert dialog is not None and dialog.preview.page_count() == 1
    assert dialog.print_card() == 1 and outputs[0].stat().st_size > 0
    assert dialog.save_pdf() == tmp_path / "card.pdf"
    from pypdf import PdfReader

    text = PdfReader(tmp_path / "card.pdf").pages[0].extract_text()
    assert identity.own_card(window.book).fingerprint.split("-")[0] in text
    dialog.close()


def test_enrolling_needs_the_fingerprints_compared(
    open_main, empty_book, commune, tmp_path, monkeypatch, qtbot
):
    card = tmp_path / "an-phu.cellbook-card"
    card.write_bytes(identity.card_file_bytes(commune))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(card), ""))
    window, page = sync_page(open_main, empty_book)
    page.enrol_card()
    dialog = page.enrol_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.name.text() == COMMUNE
    assert dialog.fingerprint.text() == identity.own_card(commune).fingerprint
    assert not dialog.enrol_button.isEnabled()
    dialog.accept()  # Enter alone does not enrol
    assert dialog.isVisible() and identity.peers(window.book) == []

    dialog.same.setChecked(True)
    assert dialog.enrol_button.isEnabled()
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert [peer.org_name for peer in identity.peers(window.book)] == [COMMUNE]
    assert page.peers.model.rowCount() == 1
    assert page.peers.text_at(0, 0) == COMMUNE
    assert "is enrolled" in window.statusBar().currentMessage()


def test_a_file_that_is_not_a_key_card_changes_nothing(
    open_main, empty_book, tmp_path, monkeypatch
):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    not_a_card = tmp_path / "notes.cellbook-card"
    not_a_card.write_text("hello", encoding="utf-8")
    window, page = sync_page(open_main, empty_book)
    assert page.enrol_from(not_a_card) is None
    assert "not a CellBook key card" in warnings[0]
    assert "Nothing was changed." in warnings[0]
    assert identity.peers(window.book) == []
    # Nor is the book's own card.
    own = tmp_path / "own.cellbook-card"
    own.write_bytes(identity.card_file_bytes(window.book))
    assert page.enrol_from(own) is None
    assert "own key card" in warnings[1]


# --- bundles ------------------------------------------------------------------------------


def test_save_bundle_to_usb_writes_a_bundle_the_commune_imports(
    open_main, sample_book, commune, tmp_path, monkeypatch, qtbot
):
    path, _ids = sample_book
    enrol_both(path, commune)
    stick = tmp_path / "media" / "STICK"
    stick.mkdir(parents=True)
    monkeypatch.setattr(
        removable_drives,
        "find_drives",
        lambda: removable_drives.linux_drives([tmp_path / "media"], is_mount=lambda p: True),
    )
    window, page = sync_page(open_main, path)
    assert page.save_to_usb()
    assert page.busy and not page.busy_bar.isHidden()
    assert not page.peers.usb_button.isEnabled()
    assert not page.save_to_usb()  # one bundle at a time
    wait_idle(qtbot, page)
    assert page.busy_bar.isHidden() and page.peers.usb_button.isEnabled()

    files = sorted(stick.glob("*.cellbook-bundle"))
    assert [file.name for file in files] == [
        "thon-an-hoa--dang-uy-xa-an-phu--ban-0001.cellbook-bundle"
    ]
    banner = page.banner.text()
    assert f"Bundle 1 for {COMMUNE} is saved" in banner
    assert "On the USB stick STICK" in banner
    assert "It carries: Meetings: 1, Members: 3, Attendance: 2, Recommendations: 1" in banner
    assert page.peers.text_at(0, 3) == "1"
    assert page.history.model.rowCount() == 1

    result = exchange.import_bundle_file(commune, files[0])
    assert result.status is ImportStatus.IMPORTED
    assert result.sender == "Thôn An Hòa"


def test_with_several_sticks_the_secretary_chooses_and_without_one_a_file(
    open_main, sample_book, commune, tmp_path, monkeypatch, qtbot
):
    path, _ids = sample_book
    enrol_both(path, commune)
    for name in ("ONE", "TWO"):
        (tmp_path / "media" / name).mkdir(parents=True)
    drives = removable_drives.linux_drives([tmp_path / "media"], is_mount=lambda p: True)
    monkeypatch.setattr(removable_drives, "find_drives", lambda: drives)
    asked = []

    def choose(parent, title, text, items, current, editable):
        asked.append(items)
        return items[1], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    _window, page = sync_page(open_main, path)
    assert page.save_to_usb()
    wait_idle(qtbot, page)
    assert len(asked[0]) == 2
    assert len(list((tmp_path / "media" / "TWO").glob("*.cellbook-bundle"))) == 1
    assert not list((tmp_path / "media" / "ONE").iterdir())

    monkeypatch.setattr(removable_drives, "find_drives", lambda: [])
    target = tmp_path / "chosen.cellbook-bundle"
    titles = []

    def save_name(parent, title, start, filters):
        titles.append((title, Path(start).name))
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    assert page.save_to_usb()
    wait_idle(qtbot, page)
    assert titles == [
        (
            "No USB stick found: save the bundle as",
            "thon-an-hoa--dang-uy-xa-an-phu--ban-0002.cellbook-bundle",
        )
    ]
    assert target.exists()


def test_a_full_bundle_and_an_earlier_bundle_saved_again(
    open_main, sample_book, commune, tmp_path, monkeypatch, qtbot
):
    path, _ids = sample_book
    enrol_both(path, commune)
    monkeypatch.setattr(removable_drives, "find_drives", lambda: [])
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    names = iter([tmp_path / "full.cellbook-bundle", tmp_path / "again.cellbook-bundle"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(next(names)), ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: (args[3][0], True))
    _window, page = sync_page(open_main, path)
    book_id = commune.book_id
    assert page.bundles.full(book_id)
    wait_idle(qtbot, page)
    assert "Full bundle 1" in page.banner.text()
    assert page.bundles.again(book_id)
    wait_idle(qtbot, page)
    assert (tmp_path / "again.cellbook-bundle").read_bytes() == (
        tmp_path / "full.cellbook-bundle"
    ).read_bytes()
    assert page.peers.text_at(0, 3) == "1"  # saving again makes no new bundle


def test_importing_shows_what_came_in_and_refuses_a_tampered_bundle(
    open_main, sample_book, commune, tmp_path, monkeypatch, qtbot
):
    path, _ids = sample_book
    enrol_both(path, commune)
    hand_up(path, commune)
    cell = open_cell(path)
    cell_book_id, cell_org_id = cell.book_id, cell.owner_org_id
    cell.close()
    bundle = hand_down(commune, cell_book_id, cell_org_id, tmp_path)
    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile()))
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: ([str(bundle)], ""))
    window, page = sync_page(open_main, path)

    page.import_bundles()
    wait_idle(qtbot, page)
    text = page.import_dialog.text()
    assert "1 bundle imported." in text
    assert f"Imported: bundle 1 from {COMMUNE}" in text
    assert "1 document received." in text
    assert "1 answer or decision of the commune taken into the cell's records." in text
    assert "Commune decisions: 1" in text
    page.import_dialog.close()

    # What came from the commune: the directive to open, the answer taken in.
    section = page.from_commune
    assert not section.isHidden()
    assert section.documents.rowCount() == 1
    assert section.documents.row_at(0).title == DIRECTIVE
    assert section.decisions.rowCount() == 1
    decision = section.decisions.row_at(0)
    assert decision.applied and decision.about == "Đề nghị xã sửa đèn đường"
    assert section.decisions.index(0, 2).data() == "Yes"
    shown = section.open_selected()
    assert opened == [shown] and shown.name == "huong-dan.pdf" and shown.read_bytes() == PDF
    with window.book.reader() as session:
        answered = session.query(Recommendation).one()
        assert answered.status is RecommendationStatus.ANSWERED
        assert answered.answer == ANSWER

    # The same bundle again: imported before, nothing to do.
    assert page.import_files([bundle])
    wait_idle(qtbot, page)
    assert "Already imported" in page.import_dialog.text()
    assert "was imported before" in page.import_dialog.text()
    page.import_dialog.close()

    # A changed file is refused and the book stays as it was.
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered = tmp_path / "tampered.cellbook-bundle"
    tampered.write_bytes(bytes(data))
    before = (window.book.change_counter(), page.history.model.rowCount())
    assert page.import_files([tampered])
    wait_idle(qtbot, page)
    text = page.import_dialog.text()
    assert "1 refused." in text and "Refused" in text
    assert "Nothing was changed." in text
    assert (window.book.change_counter(), page.history.model.rowCount()) == before


def test_kept_versions_are_listed_until_marked_as_seen(open_main, sample_book):
    path, _ids = sample_book
    cell = open_cell(path)
    with cell.session() as session:
        for phone in ("0912 000 111", "0912 000 222"):
            lost = {"id": "m1", "full_name": "Nguyễn Văn An", "phone": phone, "org_id": "x"}
            session.add(
                SyncConflict(
                    table_name="member",
                    record_id="m1",
                    lost_version=json.dumps(lost, ensure_ascii=False),
                    lost_updated_at=utcnow(),
                    lost_on="other-computer-id",
                    won_updated_at=utcnow(),
                    won_on="cell-pc",
                    source="Thôn An Hòa",
                )
            )
    cell.close()
    _window, page = sync_page(open_main, path)
    kept = page.kept
    assert not kept.isHidden()
    assert kept.title() == "Kept versions (2)"
    assert kept.model.index(0, 0).data() == "Member"
    assert kept.model.index(0, 1).data() == "Nguyễn Văn An"
    assert "another computer (OTHER-CO)" in kept.model.index(0, 2).data()
    fields = {
        kept.fields.itemAt(row, kept.fields.ItemRole.LabelRole).widget().text(): kept.fields.itemAt(
            row, kept.fields.ItemRole.FieldRole
        )
        .widget()
        .text()
        for row in range(kept.fields.rowCount())
    }
    assert fields["Full name"] == "Nguyễn Văn An"
    assert fields["Phone"] in ("0912 000 111", "0912 000 222")
    assert "Org id" not in fields

    kept.seen_button.click()
    assert kept.title() == "Kept versions (1)"
    kept.seen_button.click()
    assert kept.isHidden()
    with page.book.reader() as session:
        assert all(row.resolved for row in session.query(SyncConflict))


# --- the hub's outbox ---------------------------------------------------------------------


class FakeRunner:
    """Counts rounds and how many ran at once; each waits for `gate`."""

    def __init__(self, next_delay: float) -> None:
        self.next_delay = next_delay
        self.gate = threading.Event()
        self.calls = 0
        self.active = 0
        self.most = 0
        self.lock = threading.Lock()

    def run_once(self) -> SimpleNamespace:
        with self.lock:
            self.active += 1
            self.most = max(self.most, self.active)
        self.gate.wait(10)
        with self.lock:
            self.active -= 1
            self.calls += 1
        return SimpleNamespace(
            sent=1, imported=[], refused=[], error=None, next_delay=self.next_delay
        )


def test_the_outbox_runs_one_round_at_a_time_and_waits_next_delay(qtbot, tmp_path):
    book = SimpleNamespace(path=tmp_path / "book.cellbook")
    runner = FakeRunner(next_delay=0.3)
    made = []

    def factory(given: object) -> FakeRunner:
        made.append(given)
        return runner

    worker = OutboxWorker(lambda: book, runner=factory, configured=lambda given: True)
    try:
        assert worker.run_now()
        assert worker.running and worker.seconds_to_next is None
        assert not worker.run_now()  # a round is under way: no second one
        with qtbot.waitSignal(worker.round_finished, timeout=10000) as finished:
            runner.gate.set()
        assert finished.args[0].sent == 1
        assert not worker.running
        assert worker.timer.isActive() and worker.timer.interval() == 300
        assert 0 < worker.seconds_to_next <= 0.3
        qtbot.waitUntil(lambda: runner.calls >= 3, timeout=10000)
        assert runner.most == 1
        assert made == [book]  # one runner, kept: it counts failures for its back-off
    finally:
        assert worker.stop()
    assert not worker.timer.isActive() and not worker.run_now()


def test_the_outbox_does_nothing_without_a_hub_and_retries_after_a_problem(qtbot, tmp_path):
    book = SimpleNamespace(path=tmp_path / "book.cellbook")
    configured = {"hub": False}

    class Broken:
        def run_once(self) -> None:
            raise RuntimeError("connection reset")

    worker = OutboxWorker(
        lambda: book, runner=lambda given: Broken(), configured=lambda given: configured["hub"]
    )
    try:
        assert not worker.start()
        assert not worker.run_now() and not worker.timer.isActive()
        configured["hub"] = True
        assert worker.start(delay=60)
        assert worker.timer.isActive() and worker.timer.interval() == 60000
        with qtbot.waitSignal(worker.round_finished, timeout=10000) as finished:
            worker.run_now()
        report = finished.args[0]
        assert isinstance(report, RoundProblem)
        assert "Nothing was lost" in report.error
        assert worker.timer.interval() == int(RETRY_AFTER_PROBLEM * 1000)
    finally:
        worker.stop()


def test_the_page_shows_the_hub_round(open_main, empty_book, qtbot, monkeypatch):
    from desktop.export.bundle import outbox

    window, page = sync_page(open_main, empty_book)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    assert not page.connect_hub("not an address")
    assert "not a hub address" in warnings[0]
    assert outbox.hub_settings(window.book).url == ""

    worker = page.hub_control.attach(start=False)
    runner = FakeRunner(next_delay=600)
    runner.gate.set()
    worker._make_runner = lambda book: runner
    worker._configured = lambda book: True
    with qtbot.waitSignal(worker.round_finished, timeout=10000):
        assert page.send_and_receive()
    status = page.hub.status.text()
    assert "1 bundle sent, 0 bundles received" in status
    assert "Next try in 10 minutes." in status
    worker.stop()


def test_the_windows_outbox_is_the_pages_and_stops_with_the_window(open_main, empty_book):
    from desktop.ui.sync import outbox_worker

    window = open_main(empty_book)
    worker = outbox_worker.start_for(window.handle, window)
    assert outbox_worker.worker_for(empty_book) is worker
    assert not worker.timer.isActive()  # no hub: no rounds
    page = window.go_to("sync")
    assert page.outbox is worker
    window.close()
    assert worker.stopped
    assert outbox_worker.worker_for(empty_book) is None


def test_closing_the_window_lets_the_bundle_finish_first(
    open_main, sample_book, commune, tmp_path, monkeypatch, qtbot
):
    path, _ids = sample_book
    enrol_both(path, commune)
    stick = tmp_path / "media" / "STICK"
    stick.mkdir(parents=True)
    monkeypatch.setattr(
        removable_drives, "find_drives", lambda: [removable_drives.Drive("STICK", stick)]
    )
    window, page = sync_page(open_main, path)
    handle = window.handle
    assert page.save_to_usb() and page.busy
    window.close()
    QApplication.processEvents()  # the job's result arrives after the book closed: ignored
    assert not handle.is_open
    assert len(list(stick.glob("*.cellbook-bundle"))) == 1
    assert exchange.import_bundle_file(commune, next(stick.glob("*.cellbook-bundle")))


def test_a_copy_for_a_second_computer_is_enrolled_as_this_cells_other_book(
    open_main, empty_book, tmp_path, monkeypatch
):
    window, page = sync_page(open_main, empty_book)
    target = tmp_path / "second.cellbook"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.copy_button.click()
    assert target.exists()
    assert page.peers.model.rowCount() == 1
    assert page.peers.text_at(0, 0) == window.book.organisation().name
    copy = Book.open(target)
    try:
        assert copy.book_id != window.book.book_id
        assert [p.book_id for p in identity.peers(copy)] == [window.book.book_id]
    finally:
        copy.close(backup=False)
