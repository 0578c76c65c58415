"""Agenda templates and the topic library: shipped data and refused files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.data.enums import MeetingKind
from desktop.rules import RuleSetError
from desktop.rules.agenda import (
    PRESENTER_ROLES,
    SECTIONS,
    load_agenda_file,
    load_default_agenda,
    load_default_topics,
    load_topics_file,
    parse_agenda_templates,
    parse_topics,
)
from desktop.rules.loading import shipped_rules_dir


def _agenda_data() -> dict:
    return json.loads((shipped_rules_dir() / "agenda-v1.json").read_text(encoding="utf-8"))


def test_shipped_templates_cover_every_kind_in_order():
    templates = load_default_agenda()
    for kind in MeetingKind:
        items = templates.for_kind(kind)
        assert items, kind
        sections = [SECTIONS.index(item.section) for item in items]
        assert sections == sorted(sections), kind
        assert all(item.presenter in PRESENTER_ROLES for item in items)
        assert all(item.title_vi and item.title_en for item in items)
    regular = [item.id for item in templates.for_kind(MeetingKind.REGULAR)]
    assert regular[:5] == ["dues", "attendance", "guests", "agenda", "minute_taker"]
    assert {"current_affairs", "evaluation", "ho_chi_minh", "next_tasks"} <= set(regular)
    assert regular[-4:] == ["conclusion", "vote", "scoring", "minutes"]
    first = templates.for_kind(MeetingKind.REGULAR)[0]
    assert first.title("vi") == "Thu đảng phí"
    assert first.title("en") == "Dues collection"


def test_shipped_topic_library():
    library = load_default_topics()
    assert len(library.topics) >= 12
    assert len({topic.id for topic in library.topics}) == len(library.topics)
    assert library.get("digital-transformation").title("en").startswith("Digital")
    assert library.get("nothing") is None


def test_missing_kind_is_refused_with_the_place():
    data = _agenda_data()
    del data["kinds"]["committee"]
    with pytest.raises(RuleSetError, match="agenda.json.*kinds"):
        parse_agenda_templates(data, "agenda.json")


def test_unknown_presenter_role_is_refused():
    data = _agenda_data()
    data["kinds"]["regular"][0]["presenter"] = "chairman"
    with pytest.raises(RuleSetError, match="kinds/regular/0/presenter"):
        parse_agenda_templates(data, "agenda.json")


def test_repeated_item_id_is_refused():
    data = _agenda_data()
    data["kinds"]["regular"][1]["id"] = data["kinds"]["regular"][0]["id"]
    with pytest.raises(RuleSetError, match="kinds/regular.*dues"):
        parse_agenda_templates(data, "agenda.json")


def test_topic_without_english_title_is_refused():
    data = {
        "topic_set_id": "t1",
        "version": 1,
        "title": "T",
        "topics": [{"id": "a-topic", "title": {"vi": "Chuyên đề"}}],
    }
    with pytest.raises(RuleSetError, match="topics/0/title"):
        parse_topics(data, "topics.json")


def test_repeated_topic_is_refused():
    topic = {"id": "a-topic", "title": {"vi": "Chuyên đề", "en": "Topic"}}
    data = {"topic_set_id": "t1", "version": 1, "title": "T", "topics": [topic, topic]}
    with pytest.raises(RuleSetError, match="topics.*a-topic"):
        parse_topics(data, "topics.json")


def test_unreadable_and_missing_files(tmp_path: Path):
    broken = tmp_path / "agenda.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(RuleSetError, match="agenda.json"):
        load_agenda_file(broken)
    with pytest.raises(RuleSetError, match="none.json"):
        load_topics_file(tmp_path / "none.json")
