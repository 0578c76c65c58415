"""Rule sets are validated data; a broken file never replaces the rules in force."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.data.enums import MeetingKind
from desktop.rules import RuleSetError, load_rule_file
from desktop.rules.loading import DEFAULT_RULE_FILE, load_default_rule_set, shipped_rules_dir
from desktop.services.book import Book


def _default_data() -> dict:
    return json.loads((shipped_rules_dir() / DEFAULT_RULE_FILE).read_text(encoding="utf-8"))


def test_shipped_rule_set_is_valid_and_scores_add_up():
    rules = load_default_rule_set()
    assert rules.rule_set_id == "vn-default"
    total = sum(criterion["points"] for criterion in rules.scoring_criteria)
    assert total == 100
    assert rules.margins_mm == {"top": 20, "bottom": 20, "left": 30, "right": 15}


@pytest.mark.parametrize(
    ("score", "hard", "grade"),
    [
        (95, True, "Tốt"),
        (90, True, "Tốt"),
        (95, False, "Khá"),
        (89.5, True, "Khá"),
        (70, True, "Khá"),
        (69, True, "Trung bình"),
        (50, True, "Trung bình"),
        (49, True, "Kém"),
    ],
)
def test_meeting_grade_bands(score: float, hard: bool, grade: str):
    assert load_default_rule_set().meeting_grade(score, hard).title_vi == grade


def test_quorum_is_more_than_half_of_full_members():
    rules = load_default_rule_set()
    assert rules.quorum_met(11, 20)
    assert not rules.quorum_met(10, 20)
    assert not rules.quorum_met(0, 0)


def test_duration_rule_depends_on_cell_size():
    rules = load_default_rule_set()
    assert rules.min_duration_minutes(MeetingKind.REGULAR, 12) == 90
    assert rules.min_duration_minutes(MeetingKind.REGULAR, 35) == 120
    assert rules.min_duration_minutes(MeetingKind.REGULAR, 12, combined=True) == 120


def test_holidays_include_fixed_and_dated_days():
    holidays = load_default_rule_set().holidays(2026)
    from datetime import date

    assert date(2026, 9, 2) in holidays
    assert date(2026, 2, 17) in holidays  # Tết Bính Ngọ


def _write(tmp_path: Path, data: object, name: str = "rules.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_schema_errors_name_the_place(tmp_path: Path):
    data = _default_data()
    data["meeting"]["quorum"]["fraction"] = 2
    with pytest.raises(RuleSetError) as raised:
        load_rule_file(_write(tmp_path, data))
    assert "meeting/quorum/fraction" in str(raised.value)


def test_points_that_do_not_add_up_are_refused(tmp_path: Path):
    data = _default_data()
    data["meeting_quality"]["criteria"][0]["points"] = 7
    with pytest.raises(RuleSetError):
        load_rule_file(_write(tmp_path, data))


def test_unreadable_json_is_refused(tmp_path: Path):
    path = tmp_path / "broken.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(RuleSetError):
        load_rule_file(path)


def test_book_records_its_rule_set_and_keeps_it_when_a_file_is_broken(book: Book, tmp_path: Path):
    assert (book.rules.rule_set_id, book.rules.version) == ("vn-default", 1)
    newer = _default_data()
    newer["version"] = 2
    newer["recommendations"]["answer_limit_days"] = 15
    assert book.install_rule_file(_write(tmp_path, newer, "v2.json")).version == 2

    broken = _default_data()
    broken["version"] = 3
    del broken["dues"]
    with pytest.raises(RuleSetError):
        book.install_rule_file(_write(tmp_path, broken, "v3.json"))
    book.close(backup=False)

    reopened = Book.open(book.path)
    try:
        assert reopened.rules.version == 2
        assert reopened.rules.recommendation_limit_days == 15
    finally:
        reopened.close(backup=False)
