"""Bulk load of list entries from a CSV or Excel file (issue 30), with the imports' rules: the
file read by the application import's reader (encodings, Excel numbers in the value column
refused), every problem named by row and column with the value masked, and the file lands
whole or not at all. Values are hashed as they are read: nothing plain is written, not in the
table, not in the problems, not in the audit trail (which records the file's name, digest and
counts).

Columns (Chinese or English headers): kind (``id_no``, ``phone``, ``card``, ``device`` or
身份证号 / 手机号 / 银行卡 / 设备), value, reason, and optionally expires (a date) and
source (default: the file's name).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine

from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.security.datakey import load_cipher
from riskdesk.security.redact import mask_field, redact
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.intake import cells
from riskdesk.services.intake.columns import header_key, value_key
from riskdesk.services.intake.reader import read_table
from riskdesk.services.intake.validate import FIRST_DATA_ROW, PROBLEM_COLUMNS
from riskdesk.services.lists import entries
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from riskdesk.tasks import TaskState

HEADERS: dict[str, tuple[str, ...]] = {
    "kind": ("类型", "名单类型", "种类", "type"),
    "value": ("值", "号码", "名单值", "identifier"),
    "reason": ("原因", "理由", "列入原因"),
    "expires": ("到期日", "失效日期", "有效期至", "expiry", "expires_on"),
    "source": ("来源", "origin"),
}
REQUIRED = ["kind", "value", "reason"]
ALIASES = {header_key(a): name for name, spellings in HEADERS.items()
           for a in (name, *spellings)}
KIND_WORDS = {value_key(k): v for k, v in {
    **{k: k for k in entries.KINDS}, "身份证": "id_no", "身份证号": "id_no",
    "证件号码": "id_no", "id": "id_no", "id_number": "id_no", "手机": "phone",
    "手机号": "phone", "电话": "phone", "银行卡": "card", "银行卡号": "card", "卡号": "card",
    "card_no": "card", "设备": "device", "设备号": "device", "设备id": "device"}.items()}


@dataclass(frozen=True)
class ListImportResult:
    file_name: str
    sha256: str
    rows_total: int
    added: int = 0
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PROBLEM_COLUMNS))

    @property
    def refused(self) -> bool:
        return len(self.problems) > 0


@dataclass
class _Row:
    line: int
    kind: str
    key: str
    masked: str
    reason: str
    expires: date | None
    source: str


def import_list(engine: Engine, actor: Actor, *, path: Path, list_name: str,
                state: TaskState | None = None) -> ListImportResult:
    """Adds every row of ``path`` to ``list_name``, or none: with any problem the result
    lists them (row, column, masked value, reason) and nothing is written."""
    require(actor, Action.LIST_CHANGE)
    if list_name not in entries.LISTS:
        raise InvalidInput(translate("Lists", "The list must be black or allow, not {v}.")
                           .format(v=list_name))
    state = state or TaskState()
    raw = read_table(path, ALIASES, REQUIRED, text_columns={"value"})
    result = ListImportResult(path.name, raw.sha256, len(raw.frame))
    problems: list[dict[str, Any]] = [
        {"row": int(str(r["row"])), "column": raw.headers.get(str(r["column"]), r["column"]),
         "value": r["value"], "reason": r["reason"]} for r in raw.problems.to_dict("records")]
    refused = {int(str(r["row"])) for r in problems}
    problem = _Problems(raw.headers, problems)
    with unit_of_work(engine) as session:
        cipher = load_cipher(session)
        entries.hash_unhashed(session)
        rows: list[_Row] = []
        seen: dict[tuple[str, str], int] = {}
        for i, v in enumerate(raw.frame.to_dict("records")):
            line = i + FIRST_DATA_ROW
            if line in refused:
                continue
            state.check()
            row = _row(line, {k: str(v.get(k, "") or "").strip() for k in HEADERS},
                       problem, cipher, path.name)
            if row is None:
                continue
            earlier = seen.get((row.kind, row.key))
            if earlier is not None:
                problem.add(line, "value", row.masked, translate(
                    "Lists", "the same value as row {row}").format(row=earlier))
                continue
            seen[(row.kind, row.key)] = line
            rows.append(row)
        state.progress(0.5, translate("Lists", "Checked {n} rows").format(n=len(rows)))
        now = utcnow(session)
        added = []
        for r in rows if not problems else []:
            try:
                added.append(entries._new_entry(
                    session, actor, r.kind, r.key, r.masked, list_name=list_name,
                    reason=r.reason, expires_at=entries.expiry_instant(session, day=r.expires),
                    source=r.source, now=now))
            except InvalidInput as exc:  # already listed, an expiry past: named by row
                problems.append({"row": r.line, "column": raw.headers.get("value", "value"),
                                 "value": r.masked, "reason": str(exc)})
        if problems:
            problems.sort(key=lambda p: int(p["row"]))
            session.rollback()
            return replace(result, problems=pd.DataFrame(problems, columns=PROBLEM_COLUMNS))
        audit.append(session, actor, action="list.import", entity_type="file",
                     entity_id=raw.sha256[:64], after={
            "file": path.name, "list": list_name, "rows": len(raw.frame), "added": len(added),
            "first_entry": added[0].id if added else None,
            "last_entry": added[-1].id if added else None})
    return replace(result, added=len(added))


@dataclass
class _Problems:
    """The problems found, each value shown masked by the kind its row names."""
    headers: dict[str, str]  # canonical column -> as the file named it
    rows: list[dict[str, Any]]

    def add(self, line: int, column: str, value: str, reason: str, kind: str = "") -> None:
        shown = cells.shown(mask_field(kind or "any", value) if column == "value" else value)
        self.rows.append({"row": line, "column": self.headers.get(column, column),
                          "value": shown, "reason": redact(reason)})


def _row(line: int, v: dict[str, str], problem: _Problems, cipher: Any,
         file_name: str) -> _Row | None:
    """One row checked and hashed, or None after naming its problems."""
    before = len(problem.rows)
    for name in ("kind", "reason", "expires", "source"):
        why = cells.bad_char_reason(v[name]) if v[name] else None
        found = cells.pii_kind(v[name]) if v[name] and name != "reason" else None
        if why is None and found:  # a reason's personal data is kept apart, as typed ones
            why = cells.misplaced_reason(found)
        if why is not None:
            problem.add(line, name, v[name], why)
    kind = KIND_WORDS.get(value_key(v["kind"])) if v["kind"] else None
    if kind is None:
        problem.add(line, "kind", v["kind"], translate(
            "Lists", "unknown kind; expected one of: id_no, phone, card, device"))
    if not v["reason"]:
        problem.add(line, "reason", "", translate("Lists", "the reason is missing"))
    expires = None
    if v["expires"]:
        try:
            expires = date.fromisoformat(v["expires"][:10])
        except ValueError:
            problem.add(line, "expires", v["expires"], translate(
                "Lists", "not a date (write 2027-06-30)"))
    normal = ""
    if kind is not None:
        try:
            normal = entries.normalise(kind, v["value"])
        except InvalidInput as exc:
            problem.add(line, "value", v["value"], str(exc), kind)
    if len(problem.rows) > before or kind is None:
        return None
    return _Row(line, kind, entries.value_key(cipher, kind, normal), entries.masked(kind, normal),
                v["reason"], expires, v["source"] or file_name)
