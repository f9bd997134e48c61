"""How the main window builds its tabs after the queue, each when first shown (issue 35): at
start only the queue is built and read; a tab's page, its first reads and its module (for
partners, findings, lists and rules) come the first time it is shown or asked for.

Every function takes the main window (its ``backend``, ``dialogs`` and ``tabs``) and the
place the page goes into; the titles stay in :mod:`riskdesk.ui.main_window` (translated there).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from riskdesk.ui.lazy_tabs import LazyPage, LazyTabs
from riskdesk.ui.table_tools import equip_all, equip_table


def later(window: Any, build: Callable[[Any, QWidget], QWidget], title: str) -> LazyPage:
    """A tab built by ``build(window, parent)`` when first shown; every table in it then gets
    the export in its context menu, titled by the tab (issue 28)."""
    tabs: LazyTabs = window.tabs
    return tabs.add_later(
        lambda parent: build(window, parent), title,
        on_built=lambda page, text: equip_all(page, window.backend, window.dialogs,
                                              text.replace("&", "")))


def applications(window: Any, parent: QWidget) -> QWidget:
    """The Applications tab around the window's own table and model (the status bar counts
    them from the start): fitted, kept per user and exportable only now (issue 28)."""
    from riskdesk.ui.applications.tab import ApplicationsTab

    equip_table(window.table, window.backend, window.dialogs, key="applications",
                title=QCoreApplication.translate("MainWindow", "Applications"))
    window.table.resizeColumnsToContents()
    page = ApplicationsTab(window.model, window.table, window.open_application, parent)
    window.table.show()
    return page


def complaints(window: Any, parent: QWidget) -> QWidget:
    from riskdesk.ui.complaints.tab import ComplaintsTab

    return ComplaintsTab(window.backend, window.dialogs, window.open_case_id, parent)


def postloan(window: Any, parent: QWidget) -> QWidget:
    from riskdesk.ui.loans.portfolio import PortfolioTab

    return PortfolioTab(window.backend, window.dialogs, parent)


def reports(window: Any, parent: QWidget) -> QWidget:
    from riskdesk.ui.reports import ReportsTab

    tab = ReportsTab(window.backend, window.dialogs, parent)
    if window.pack is not None:
        for button in (tab.buttons["case"], tab.buttons["monthly"]):
            button.setEnabled(False)  # a pack is read-only: reports were issued live
    return tab


def partners(window: Any, parent: QWidget) -> QWidget:
    from riskdesk.ui.partners import PartnersTab

    return PartnersTab(window.backend, window.dialogs, parent)


def findings(window: Any, parent: QWidget) -> QWidget:
    from riskdesk.ui.findings import FindingsTab

    pack = window.pack
    return FindingsTab(window.backend, window.dialogs, pack.path if pack else None, parent)


def lists(window: Any, parent: QWidget) -> QWidget:
    from riskdesk.ui.lists_tab import ListsTab

    return ListsTab(window.backend, window.dialogs, parent)


def feed(window: Any, parent: QWidget) -> QWidget:
    from riskdesk.ui.feed import FeedTab

    return FeedTab(window.backend, parent)


def rules(window: Any, parent: QWidget) -> QWidget:
    from riskdesk.ui.rules_tab import RulesTab

    return RulesTab(window.backend, window.dialogs, parent)


def rules_tab(window: Any) -> LazyPage | None:
    """The rules tab for those who propose, approve or backtest changes (not in an audit
    pack: it is read-only and its rules are the bank's, not the pack's); issue 30."""
    from riskdesk.services.credit.proposals import may_backtest

    if window.pack is not None or not may_backtest(window.backend.actor):
        return None
    return later(window, rules, QCoreApplication.translate("RulesTab", "Rules and policy"))
