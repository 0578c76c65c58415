"""Small pieces of the review documents."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.export.documents.common import document_gettext
from desktop.export.documents.review_common import decision_text
from desktop.rules.loading import load_default_rule_set


@pytest.mark.parametrize(
    "ref",
    ["Quyết định số 197-QĐ/ĐU", "quyết định số 197-QĐ/ĐU", "Số 197-QĐ/ĐU", "197-QĐ/ĐU"],
)
def test_the_decision_number_is_printed_once_however_it_was_typed(ref: str):
    text = decision_text(
        load_default_rule_set(), "good", date(2025, 12, 29), ref, document_gettext("vi"), "vi"
    )
    assert text.endswith("Quyết định số 197-QĐ/ĐU ngày 29/12/2025")
    assert text.count("Quyết định") == 1
