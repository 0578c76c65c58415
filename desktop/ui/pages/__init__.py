"""The main window's pages, one module each, imported and built on first show."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.i18n import N_

if TYPE_CHECKING:
    from desktop.ui.pages.base import Page, PageHost


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # marked with N_(), translated when shown
    module: str
    class_name: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", N_("Home"), "desktop.ui.pages.home", "HomePage"),
    PageSpec("members", N_("Members"), "desktop.ui.pages.members", "MembersPage"),
    PageSpec("dues", N_("Dues"), "desktop.ui.pages.dues", "DuesPage"),
    PageSpec("meetings", N_("Meetings"), "desktop.ui.pages.meetings", "MeetingsPage"),
    PageSpec("evaluations", N_("Evaluations"), "desktop.ui.pages.evaluations", "EvaluationsPage"),
    PageSpec(
        "recommendations",
        N_("Recommendations"),
        "desktop.ui.pages.recommendations",
        "RecommendationsPage",
    ),
    PageSpec("documents", N_("Documents"), "desktop.ui.pages.documents", "DocumentsPage"),
    PageSpec("sync", N_("Sync"), "desktop.ui.pages.sync", "SyncPage"),
)

PAGE_KEYS = tuple(spec.key for spec in PAGES)


def spec_for(key: str) -> PageSpec:
    return next(spec for spec in PAGES if spec.key == key)


def build_page(key: str, host: PageHost) -> Page:
    """Import the page's module and build the page (first time it is shown)."""
    spec = spec_for(key)
    page_class = getattr(importlib.import_module(spec.module), spec.class_name)
    page: Page = page_class(host)
    return page
