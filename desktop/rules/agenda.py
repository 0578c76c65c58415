"""Agenda templates and the thematic topic library, kept as versioned data.

`resources/rules/agenda-v1.json` holds the order of business for each kind of
meeting; `resources/rules/topics-v1.json` the topics for thematic meetings.
Each file is checked against its own schema and a few rules a schema cannot
express (ids are unique). Anything wrong raises `RuleSetError` with a message
that names the file and the place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from desktop.data.enums import MeetingKind
from desktop.i18n import _
from desktop.rules.loading import RuleSetError, shipped_rules_dir

AGENDA_SCHEMA_FILE = "agenda.schema.json"
TOPICS_SCHEMA_FILE = "topics.schema.json"
DEFAULT_AGENDA_FILE = "agenda-v1.json"
DEFAULT_TOPICS_FILE = "topics-v1.json"

SECTIONS = ("opening", "content", "closing")
PRESENTER_ROLES = ("secretary", "deputy_secretary", "committee_member", "minute_taker", "any")


@dataclass(frozen=True)
class TemplateItem:
    id: str
    section: str  # opening / content / closing
    title_vi: str
    title_en: str
    presenter: str  # one of PRESENTER_ROLES

    def title(self, language: str) -> str:
        return self.title_vi if language == "vi" else self.title_en


@dataclass(frozen=True)
class AgendaTemplates:
    template_set_id: str
    version: int
    title: str
    kinds: dict[MeetingKind, tuple[TemplateItem, ...]]

    def for_kind(self, kind: MeetingKind) -> tuple[TemplateItem, ...]:
        return self.kinds[MeetingKind(kind)]


@dataclass(frozen=True)
class Topic:
    id: str
    title_vi: str
    title_en: str

    def title(self, language: str) -> str:
        return self.title_vi if language == "vi" else self.title_en


@dataclass(frozen=True)
class TopicLibrary:
    topic_set_id: str
    version: int
    title: str
    topics: tuple[Topic, ...]

    def get(self, topic_id: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.id == topic_id), None)


@cache
def _validator(schema_file: str) -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads((shipped_rules_dir() / schema_file).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _check_schema(data: Any, schema_file: str, source: str) -> None:
    errors = sorted(_validator(schema_file).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        place = "/".join(str(part) for part in first.absolute_path) or "(top)"
        raise RuleSetError(
            _("The rule file {source} is not valid at {place}: {problem}").format(
                source=source or "", place=place, problem=first.message
            )
        )


def _duplicate(ids: list[str]) -> str | None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            return value
        seen.add(value)
    return None


def _refuse_duplicate(ids: list[str], where: str, source: str) -> None:
    repeated = _duplicate(ids)
    if repeated is not None:
        raise RuleSetError(
            _("The rule file {source} is not valid at {place}: the id {id} appears twice").format(
                source=source or "", place=where, id=repeated
            )
        )


def parse_agenda_templates(data: Any, source: str = "") -> AgendaTemplates:
    """Validate already-decoded agenda templates."""
    _check_schema(data, AGENDA_SCHEMA_FILE, source)
    kinds: dict[MeetingKind, tuple[TemplateItem, ...]] = {}
    for kind in MeetingKind:
        raw = data["kinds"][kind.value]
        _refuse_duplicate([item["id"] for item in raw], f"kinds/{kind.value}", source)
        kinds[kind] = tuple(
            TemplateItem(
                item["id"],
                item["section"],
                item["title"]["vi"],
                item["title"]["en"],
                item["presenter"],
            )
            for item in raw
        )
    return AgendaTemplates(data["template_set_id"], int(data["version"]), data["title"], kinds)


def parse_topics(data: Any, source: str = "") -> TopicLibrary:
    """Validate an already-decoded topic library."""
    _check_schema(data, TOPICS_SCHEMA_FILE, source)
    _refuse_duplicate([topic["id"] for topic in data["topics"]], "topics", source)
    topics = tuple(
        Topic(topic["id"], topic["title"]["vi"], topic["title"]["en"]) for topic in data["topics"]
    )
    return TopicLibrary(data["topic_set_id"], int(data["version"]), data["title"], topics)


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise RuleSetError(
            _("The rule file {source} was not found.").format(source=path.name)
        ) from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RuleSetError(
            _("The rule file {source} cannot be read: {problem}").format(
                source=path.name, problem=str(error)
            )
        ) from error


def load_agenda_file(path: Path) -> AgendaTemplates:
    return parse_agenda_templates(_read(path), path.name)


def load_topics_file(path: Path) -> TopicLibrary:
    return parse_topics(_read(path), path.name)


def load_default_agenda() -> AgendaTemplates:
    return load_agenda_file(shipped_rules_dir() / DEFAULT_AGENDA_FILE)


def load_default_topics() -> TopicLibrary:
    return load_topics_file(shipped_rules_dir() / DEFAULT_TOPICS_FILE)
