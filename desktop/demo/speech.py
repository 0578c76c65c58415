"""Filling the phrase bank's slots so that texts read like a real meeting's."""

from __future__ import annotations

import random
from datetime import date

from desktop.data.enums import Sex
from desktop.demo import phrases, places
from desktop.demo.names import NameMaker
from desktop.demo.schedule import crop_season, flood_season, month_label

# In the south, older people are called by their birth order: "bà Tư", "ông Sáu".
BIRTH_ORDER_NAMES = ("Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười")

SPEECH_KINDS = ("evaluation", "opinions", "directions", "discussion")


class TextMaker:
    """Composes speeches and other texts from `phrases`, with fresh numbers each time."""

    def __init__(self, rng: random.Random, names: NameMaker) -> None:
        self.rng = rng
        self.names = names
        self._requests: set[str] = set()  # each recommendation is raised once in the book

    def slots(self, day: date) -> dict[str, object]:
        rng = self.rng
        money = rng.randint(4, 18) * 10
        return {
            "to": rng.randint(1, 6),
            "met": rng.randint(20, 60) * 10,
            "met2": rng.randint(5, 25) * 10,
            "ho": rng.randint(2, 7),
            "n": rng.randint(2, 6),
            "n2": rng.randint(3, 9),
            "tien": money,
            "tien2": money + rng.randint(10, 30) * 10,
            "pct": rng.randint(62, 93),
            "ha": rng.randint(8, 26) * 10,
            "vu": crop_season(day),
            "kenh": rng.choice(places.CANALS),
            "ba": rng.choice(BIRTH_ORDER_NAMES),
            "qc": self.names.full_name(Sex.MALE if rng.random() < 0.5 else Sex.FEMALE),
            "thang": month_label(day),
        }

    def fill(self, template: str, day: date, slots: dict[str, object] | None = None) -> str:
        return template.format(**(slots or self.slots(day)))

    def topics_for(self, day: date) -> dict[str, tuple[str, ...]]:
        topics = dict(phrases.TOPICS)
        if flood_season(day):
            topics["flood"] = phrases.SEASONAL_TOPICS["flood"]
        if day.month in (12, 1):
            topics["tet"] = phrases.SEASONAL_TOPICS["tet"]
        return topics

    def body(self, day: date, used: set[str]) -> str:
        """A topic sentence not yet used in this meeting."""
        topics = self.topics_for(day)
        choices = [text for texts in topics.values() for text in texts if text not in used]
        if not choices:
            choices = [text for texts in topics.values() for text in texts]
        body = self.rng.choice(choices)
        used.add(body)
        return body

    def speech(self, kind: str, day: date, used: set[str]) -> str:
        """One member's contribution on an agenda item of `kind` (see SPEECH_KINDS)."""
        slots = self.slots(day)
        parts = (
            self.rng.choice(phrases.OPENERS[kind]),
            self.body(day, used),
            self.rng.choice(phrases.CLOSINGS),
        )
        return " ".join(self.fill(part, day, slots) for part in parts if part)

    def thematic_speech(self, topic: str, day: date, used: set[str]) -> str:
        own = [text for text in phrases.THEMATIC_TOPICS[topic] if text not in used]
        if own:
            text = self.rng.choice(own)
            used.add(text)
            return text
        return self.speech("discussion", day, used)

    def recommendation(self, day: date) -> tuple[str, str, str]:
        """(speech, recommendation, answer) for a recommendation raised at a meeting."""
        slots = self.slots(day)
        choices = [pair for pair in phrases.RECOMMENDATIONS if pair[0] not in self._requests]
        request, answer = self.rng.choice(choices or list(phrases.RECOMMENDATIONS))
        self._requests.add(request)
        content = self.fill(request, day, slots)
        opener = self.fill(self.rng.choice(phrases.RECOMMENDATION_OPENERS), day, slots)
        return opener + content, content, self.fill(answer, day, slots)
