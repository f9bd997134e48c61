"""The "Rules and policy" tab (issue 30), for compliance and senior officers: every rule's
parameters, severity, enabled and hard stop with its source, and the decision policy; a change
proposed with its reason and backtested over the last N days before anyone approves it; the
proposals awaiting a second person; every version, compared with any other or restored (a
restore is a proposal too). All through the services: proposals, rule_versions, backtest."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import label
from riskdesk.errors import RiskdeskError
from riskdesk.services.admin.backend import Backend
from riskdesk.services.credit import proposals, rule_versions
from riskdesk.services.credit.proposals import ProposalView, may_backtest
from riskdesk.services.credit.rule_versions import DiffRow, RuleRow, RulesOverview, VersionRow
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.formats import clock_today, date_format, datetime_text, number, percent
from riskdesk.ui.operations import read_op, write_op
from riskdesk.ui.rules_model import RowsModel
from riskdesk.ui.table_tools import equip_table

if TYPE_CHECKING:  # the backtest loads pandas and the scoring job: on the worker (issue 35)
    from riskdesk.services.credit.backtest import BacktestResult


def _backtest(session: Any, actor: Any, **kw: Any) -> BacktestResult:
    """The backtest service, imported here on the worker thread the first time it runs."""
    from riskdesk.services.credit.backtest import backtest

    return backtest(session, actor, **kw)

shown = rule_versions.shown


def _params(p: dict[str, Any]) -> str:
    return ", ".join(f"{k}={shown(v)}" for k, v in p.items())


class RulesTab(QWidget):
    def __init__(self, backend: Backend, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.dialogs = backend, dialogs
        self.overview: RulesOverview | None = None
        self.result: BacktestResult | None = None
        self.summary = QLabel(self)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)
        self.pages = QTabWidget(self)
        self.pages.addTab(self._in_force_page(), self.tr("In force and change"))
        self.pages.addTab(self._proposals_page(), self.tr("Proposals"))
        self.pages.addTab(self._versions_page(), self.tr("Versions"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self.refresh()

    # --- pages ------------------------------------------------------------------------------
    def _table(self, model: RowsModel[Any], key: str, title: str) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        equip_table(view, self.backend, self.dialogs, key=key, title=title)
        return view

    def _in_force_page(self) -> QWidget:
        page = QWidget(self)
        yes, no = self.tr("yes"), self.tr("no")
        verdicts = {"approved": self.tr("auto-approved"), "flagged": label("flagged")}
        self.rules_model: RowsModel[RuleRow] = RowsModel("RulesTab", [
            (self.tr("Code"), lambda r: r.code, lambda r: r.code),
            (self.tr("Rule"), lambda r: r.name, lambda r: r.name),
            (self.tr("Severity"), lambda r: r.severity, lambda r: label(r.severity)),
            (self.tr("Enabled"), lambda r: r.enabled, lambda r: yes if r.enabled else no),
            (self.tr("Hard stop"), lambda r: r.hard_stop, lambda r: yes if r.hard_stop else no),
            (self.tr("Parameters"), lambda r: _params(r.params), lambda r: _params(r.params)),
            (self.tr("Source"), lambda r: r.source, lambda r: r.source)], self)
        self.rules_table = self._table(self.rules_model, "rules", self.tr("Rules in force"))
        self.rules_table.doubleClicked.connect(self._take_rule)
        self.policy_label = QLabel(page)
        self.policy_label.setWordWrap(True)
        form = QFormLayout()
        self.rule_edit = QLineEdit(page)
        self.rule_edit.setPlaceholderText(self.tr(
            "CODE.PARAMETER=VALUE separated by spaces, e.g. SHARED_DEVICE.min_applicants=10 "
            "(double-click a rule)"))
        self.policy_edit = QLineEdit(page)
        self.policy_edit.setPlaceholderText(self.tr(
            "NAME=VALUE separated by spaces, e.g. approve_below=0.06"))
        self.why_edit = QLineEdit(page)
        self.why_edit.setPlaceholderText(self.tr("Why the change is needed (required)"))
        self.effective_check = QCheckBox(self.tr("Effective from"), page)
        self.effective_date = QDateEdit(clock_today(), page)
        self.effective_date.setDisplayFormat(date_format())
        self.effective_date.setCalendarPopup(True)
        self.effective_date.setEnabled(False)
        self.effective_check.toggled.connect(self.effective_date.setEnabled)
        when = QHBoxLayout()
        when.addWidget(self.effective_check)
        when.addWidget(self.effective_date)
        when.addWidget(QLabel(self.tr("(otherwise at approval)"), page))
        when.addStretch(1)
        form.addRow(self.tr("Rule changes:"), self.rule_edit)
        form.addRow(self.tr("Policy changes:"), self.policy_edit)
        form.addRow(self.tr("Reason:"), self.why_edit)
        form.addRow("", when)
        self.days = QSpinBox(page)
        self.days.setRange(1, 3650)
        self.days.setValue(90)
        self.days.setSuffix(self.tr(" days"))
        self.backtest_button = QPushButton(self.tr("Backtest"), page)
        self.backtest_button.clicked.connect(lambda: self.run_backtest())
        self.propose_button = QPushButton(self.tr("Propose"), page)
        self.propose_button.clicked.connect(self.propose)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Backtest over the last"), page))
        buttons.addWidget(self.days)
        buttons.addWidget(self.backtest_button)
        buttons.addStretch(1)
        buttons.addWidget(self.propose_button)
        self.figures = QGridLayout()
        self.figure_labels: dict[str, QLabel] = {}
        self.backtest_note = QLabel(page)
        self.backtest_note.setWordWrap(True)
        self.changed_model: RowsModel[dict[str, Any]] = RowsModel("RulesTab", [
            (self.tr("Application no."), lambda r: r["application_no"],
             lambda r: r["application_no"]),
            (self.tr("Submitted"), lambda r: r["submitted_at"],
             lambda r: datetime_text(r["submitted_at"])),
            (self.tr("PD"), lambda r: r["pd"], lambda r: number(r["pd"], 4)),
            (self.tr("Before"), lambda r: r["before"], lambda r: f"{verdicts[r['before']]} "
             f"({label(r['band_before'])})"),
            (self.tr("After"), lambda r: r["after"], lambda r: f"{verdicts[r['after']]} "
             f"({label(r['band_after'])})"),
            (self.tr("Rules before"), lambda r: r["rules_before"], lambda r: r["rules_before"]),
            (self.tr("Rules after"), lambda r: r["rules_after"], lambda r: r["rules_after"]),
            (self.tr("Outcome"), lambda r: r["outcome"] or "",
             lambda r: label(r["outcome"]) if r["outcome"] else "")], self)
        self.changed_table = self._table(self.changed_model, "backtest",
                                         self.tr("Applications that change"))
        left = QVBoxLayout()
        left.addWidget(self.rules_table, 3)
        left.addWidget(self.policy_label)
        left.addLayout(form)
        left.addLayout(buttons)
        right = QVBoxLayout()
        right.addLayout(self.figures)
        right.addWidget(self.backtest_note)
        right.addWidget(self.changed_table, 1)
        row = QHBoxLayout(page)
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        self._figure_rows()
        return page

    def _figure_rows(self) -> None:
        heads = (self.tr("Before"), self.tr("After"))
        for c, text in enumerate(heads, start=1):
            self.figures.addWidget(QLabel(f"<b>{text}</b>", self), 0, c)
        names = {"flagged": self.tr("Flagged"), "approval": self.tr("Approval rate"),
                 "cases": self.tr("Cases per day"),
                 "bad_rate": self.tr("Bad rate among approved"),
                 "caught": self.tr("Share of bads caught")}
        for r, (key, text) in enumerate(names.items(), start=1):
            self.figures.addWidget(QLabel(text, self), r, 0)
            for c, side in enumerate(("before", "after"), start=1):
                lab = QLabel("-", self)
                self.figure_labels[f"{key}_{side}"] = lab
                self.figures.addWidget(lab, r, c)

    def _proposals_page(self) -> QWidget:
        page = QWidget(self)
        self.proposals_model: RowsModel[ProposalView] = RowsModel("RulesTab", [
            (self.tr("No."), lambda p: p.id, lambda p: str(p.id)),
            (self.tr("Status"), lambda p: p.status, lambda p: label(p.status)),
            (self.tr("Change"), lambda p: "; ".join(p.summary), lambda p: "; ".join(p.summary)),
            (self.tr("Reason"), lambda p: p.why, lambda p: p.why),
            (self.tr("Proposed by"), lambda p: p.proposed_by, lambda p: p.proposed_by),
            (self.tr("Proposed"), lambda p: p.proposed_at, lambda p: datetime_text(p.proposed_at)),
            (self.tr("Effective from"), lambda p: p.effective_from or p.proposed_at,
             lambda p: datetime_text(p.effective_from) or self.tr("at approval")),
            (self.tr("Decided by"), lambda p: p.decided_by or "", lambda p: p.decided_by or ""),
            (self.tr("Note"), lambda p: p.decision_note, lambda p: p.decision_note)], self)
        self.proposals_table = self._table(self.proposals_model, "proposals",
                                           self.tr("Proposals"))
        self.decision_note = QLineEdit(page)
        self.decision_note.setPlaceholderText(self.tr("Note with the decision (optional)"))
        self.proposal_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (
                ("backtest", self.tr("Backtest selected"), self.backtest_selected),
                ("approve", self.tr("Approve"), self.approve_selected),
                ("reject", self.tr("Reject or withdraw"), self.reject_selected)):
            button = QPushButton(text, page)
            button.clicked.connect(slot)
            self.proposal_buttons[key] = button
            row.addWidget(button)
        row.addWidget(self.decision_note, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.proposals_table, 1)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr(
            "A change takes effect only when a second person (compliance or a senior officer, "
            "never its proposer) approves it; the approval is signed."), page))
        return page

    def _versions_page(self) -> QWidget:
        page = QWidget(self)
        states = {"in_force": self.tr("in force"), "coming": self.tr("coming"),
                  "past": self.tr("past")}
        self.kind_names = kinds = {"rules": self.tr("rules"), "policy": self.tr("policy")}
        self.versions_model: RowsModel[VersionRow] = RowsModel("RulesTab", [
            (self.tr("Kind"), lambda v: v.kind, lambda v: kinds[v.kind]),
            (self.tr("Version"), lambda v: v.id, lambda v: str(v.id)),
            (self.tr("State"), lambda v: v.state, lambda v: states[v.state]),
            (self.tr("Effective from"), lambda v: v.effective_from,
             lambda v: datetime_text(v.effective_from)),
            (self.tr("Written by"), lambda v: v.created_by, lambda v: v.created_by),
            (self.tr("Approved by"), lambda v: v.approved_by or "",
             lambda v: v.approved_by or ""),
            (self.tr("Note"), lambda v: v.note, lambda v: v.note)], self)
        self.versions_table = self._table(self.versions_model, "rule_versions",
                                          self.tr("Versions"))
        self.versions_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.diff_model: RowsModel[DiffRow] = RowsModel("RulesTab", [
            (self.tr("Rule or setting"), lambda d: d.item, lambda d: d.item),
            (self.tr("Field"), lambda d: d.field, lambda d: d.field),
            (self.tr("First"), lambda d: shown(d.a), lambda d: shown(d.a)),
            (self.tr("Second"), lambda d: shown(d.b), lambda d: shown(d.b))], self)
        self.diff_table = self._table(self.diff_model, "rule_diff", self.tr("Differences"))
        self.diff_label = QLabel(page)
        compare = QPushButton(self.tr("Compare the two selected"), page)
        compare.clicked.connect(self.compare_selected)
        self.restore_button = QPushButton(self.tr("Propose restoring the selected"), page)
        self.restore_button.clicked.connect(self.restore_selected)
        row = QHBoxLayout()
        row.addWidget(compare)
        row.addWidget(self.restore_button)
        row.addWidget(self.diff_label, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.versions_table, 3)
        layout.addLayout(row)
        layout.addWidget(self.diff_table, 2)
        return page

    # --- reading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        read_op(self, rule_versions.overview, title=self.tr("Rules and policy"),
                on_done=self.show_overview)
        read_op(self, rule_versions.versions, title=self.tr("Rules and policy"),
                on_done=self.versions_model.set_rows)

    def show_overview(self, o: RulesOverview) -> None:
        self.overview = o
        waiting = sum(1 for p in o.proposals if p.status == proposals.PROPOSED)
        self.summary.setText(self.tr(
            "In force: rule set {rs}, policy version {pv}. Proposals awaiting approval: {n}.")
            .format(rs=o.rule_set_id, pv=o.policy_version_id, n=waiting))
        self.rules_model.set_rows(o.rules)
        p = o.policy
        self.policy_label.setText(self.tr(
            "Policy: approve below PD {a}, decline from PD {d}; review within {h} hours; "
            "approvals above {amount} CNY need a second person.").format(
            a=number(p["approve_below"], 3), d=number(p["decline_from"], 3),
            h=p["review_sla_hours"], amount=number(p["four_eyes_amount"])))
        self.proposals_model.set_rows(o.proposals)
        for w in (self.propose_button, self.why_edit, self.restore_button):
            w.setEnabled(o.may_propose)
        self.proposal_buttons["approve"].setEnabled(o.may_approve)
        self.backtest_button.setEnabled(may_backtest(self.backend.actor))

    def _take_rule(self, index: Any) -> None:
        r = self.rules_model.row(index.row())
        self.rule_edit.setText(" ".join(f"{r.code}.{k}={shown(v)}" for k, v in r.params.items())
                               or f"{r.code}.enabled={shown(not r.enabled)}")

    def _changes(self) -> dict[str, Any]:
        return proposals.parse_changes(self.rule_edit.text().split(),
                                       self.policy_edit.text().split())

    # --- backtest ---------------------------------------------------------------------------
    def run_backtest(self, proposal_id: int | None = None) -> None:
        try:
            changes = {} if proposal_id is not None else self._changes()
        except RiskdeskError as exc:  # a malformed item: said where, nothing run
            self.dialogs.error(self, self.tr("Backtest"), str(exc))
            return
        self.backtest_note.setText(self.tr("Backtesting..."))
        read_op(self, _backtest, title=self.tr("Backtest"), on_done=self.show_backtest,
                on_error=self._backtest_failed, slow=True, changes=changes,
                proposal_id=proposal_id, days=self.days.value())

    def _backtest_failed(self, error: BaseException) -> None:
        self.backtest_note.setText("")
        self.dialogs.error(self, self.tr("Backtest"), str(error))

    def show_backtest(self, r: BacktestResult) -> None:
        self.result = r
        self.pages.setCurrentIndex(0)
        for side_name, side in (("before", r.before), ("after", r.after)):
            values = {"flagged": number(side.flagged), "approval": percent(side.approval_rate),
                      "cases": number(side.cases_per_day, 1),
                      "bad_rate": percent(side.bad_rate_approved),
                      "caught": percent(side.bads_caught)}
            for key, text in values.items():
                self.figure_labels[f"{key}_{side_name}"].setText(text)
        self.backtest_note.setText(self.tr(
            "{n} applications submitted in the last {days} days ({unscored} not scored), "
            "{known} with a known outcome; {changed} change. Nothing was written.").format(
            n=number(r.applications), days=r.days, unscored=number(r.unscored),
            known=number(r.known), changed=number(len(r.changed))))
        from riskdesk.services.credit.backtest import changed_rows  # loaded by the run

        self.changed_model.set_rows(changed_rows(r))

    # --- proposing and deciding -------------------------------------------------------------
    def propose(self) -> None:
        try:
            changes = self._changes()
        except RiskdeskError as exc:
            self.dialogs.error(self, self.tr("Propose a change"), str(exc))
            return
        day = self.effective_date.date().toPython() if self.effective_check.isChecked() \
            else None
        if write_op(self, proposals.propose, changes=changes, why=self.why_edit.text(),
                    effective_on=day, title=self.tr("Propose a change")):
            self.rule_edit.clear()
            self.policy_edit.clear()
            self.why_edit.clear()
            self.refresh()
            self.pages.setCurrentIndex(1)

    def _selected_proposal(self) -> ProposalView | None:
        rows = self.proposals_table.selectionModel().selectedRows()
        return self.proposals_model.row(rows[0].row()) if rows else None

    def backtest_selected(self) -> None:
        p = self._selected_proposal()
        if p is not None:
            self.run_backtest(p.id)

    def approve_selected(self) -> None:
        p = self._selected_proposal()
        if p is None or not self.dialogs.confirm(self, self.tr("Approve"), self.tr(
                "Approve proposal {id}? It takes effect {when}:\n{change}").format(
                id=p.id, when=datetime_text(p.effective_from) or self.tr("at once"),
                change="\n".join(p.summary))):
            return
        if write_op(self, proposals.approve, proposal_id=p.id, note=self.decision_note.text(),
                    title=self.tr("Approve")):
            self.decision_note.clear()
            self.refresh()

    def reject_selected(self) -> None:
        p = self._selected_proposal()
        if p is not None and write_op(self, proposals.reject, proposal_id=p.id,
                                      note=self.decision_note.text(),
                                      title=self.tr("Reject or withdraw")):
            self.decision_note.clear()
            self.refresh()

    # --- versions ---------------------------------------------------------------------------
    def _selected_versions(self) -> list[VersionRow]:
        return [self.versions_model.row(i.row())
                for i in self.versions_table.selectionModel().selectedRows()]

    def compare_selected(self) -> None:
        chosen = self._selected_versions()
        if len(chosen) != 2 or chosen[0].kind != chosen[1].kind:
            self.dialogs.info(self, self.tr("Compare"), self.tr(
                "Select two versions of the same kind (two rule sets or two policies)."))
            return
        a, b = sorted(chosen, key=lambda v: v.id)
        self.diff_label.setText(self.tr("{kind} {a} -> {b}").format(
            kind=self.kind_names[a.kind], a=a.id, b=b.id))
        read_op(self, rule_versions.diff, a=a.id, b=b.id, kind=a.kind, title=self.tr("Compare"),
                on_done=self.diff_model.set_rows)

    def restore_selected(self) -> None:
        chosen = self._selected_versions()
        why = self.why_edit.text()
        if len(chosen) != 1 or not why.strip():
            self.dialogs.info(self, self.tr("Restore"), self.tr(
                "Select one version, and write the reason on the first page."))
            return
        v = chosen[0]
        rules = v.kind == rule_versions.RULES
        if write_op(self, proposals.propose_restore, why=why, title=self.tr("Restore"),
                    rule_set_id=v.id if rules else None,
                    policy_version_id=None if rules else v.id):
            self.why_edit.clear()
            self.refresh()
            self.pages.setCurrentIndex(1)
