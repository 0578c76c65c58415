"""The Sync page: the book's identity and installing a rule file."""

from __future__ import annotations

import json

import pytest

from desktop.rules.loading import DEFAULT_RULE_FILE, shipped_rules_dir
from desktop.ui.qt.widgets import QMessageBox

pytestmark = pytest.mark.gui


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
