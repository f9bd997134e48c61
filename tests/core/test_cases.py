"""Working cases (issue 5 core): claim, notes, decisions, the four-eyes check and no lost
updates, on SQLite, PostgreSQL and MariaDB."""
from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.cases import NoteDraft
from riskdesk.errors import InvalidInput, NeedsConfirmation, PermissionDenied, StaleVersion
from riskdesk.services.actor import Actor
from riskdesk.services.admin.users import create_user
from riskdesk.services.cases import work as cases
from riskdesk.storage.session import unit_of_work
from tests.conftest import sign_in_countersigned


def test_override_waits_for_a_senior_checker(engine: Engine, actors: dict[str, Actor],
        scored: tuple[int, int]) -> None:
    override, alone = scored
    officer, senior = actors["officer"], actors["senior"]
    with unit_of_work(engine) as s:
        c = cases.claim(s, officer, case_id=override, version=1)
        assert c.status == "in_review" and c.assignee_id == officer.user_id
        with pytest.raises(InvalidInput):
            cases.decide(s, officer, case_id=override, version=c.version, decision="approve",
                         reason="  ")
        c = cases.decide(s, officer, case_id=override, version=c.version, decision="approve",
                         reason="income verified by payslip")
        assert c.status == "awaiting_check" and c.decided_by_id is None
    with unit_of_work(engine) as s, pytest.raises(PermissionDenied):
        cases.check(s, officer, case_id=override, version=c.version, confirm=True)
    with unit_of_work(engine) as s:
        back = cases.check(s, senior, case_id=override, version=c.version, confirm=False,
                           reason="call employer")
        assert back.status == "returned" and back.decision is None
        assert back.assignee_id == officer.user_id  # back with its maker (issue 26)
        with pytest.raises(NeedsConfirmation):  # the officer's case: the senior must say so
            cases.decide(s, senior, case_id=override, version=back.version, decision="approve",
                         reason="employer confirmed")
        again = cases.decide(s, senior, case_id=override, version=back.version, decision="approve",
                             reason="employer confirmed",
                             other_assignee=True)
        assert again.status == "awaiting_check"
        with pytest.raises(PermissionDenied):  # the senior made it: not their own check
            cases.check(s, senior, case_id=override, version=again.version, confirm=True)
    with unit_of_work(engine) as s:
        create_user(s, actors["admin"], username="senior2", password="pw-senior-2-long",
                    roles=["senior_officer"])
    senior2 = sign_in_countersigned(engine, "senior2", actors["admin"], "pw-senior-2-long")
    with unit_of_work(engine) as s:
        done = cases.check(s, senior2, case_id=override, version=again.version, confirm=True)
        assert done.status == "decided" and done.decided_by_id == senior.user_id
        assert done.checked_by_id == senior2.user_id
    with unit_of_work(engine) as s:
        c = cases.get_case(s, case_id=alone)
        c = cases.decide(s, officer, case_id=alone, version=c.version, decision="decline",
                         reason="identity could not be verified")
        assert c.status == "decided" and c.decision == "decline"
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.entity_type == "case")
                            .order_by(AuditEvent.seq)).all()
    assert actions == ["case.claim", "case.decide", "case.check.send_back", "case.decide",
                       "case.check.confirm", "case.decide"]


def test_stale_version_is_refused_with_what_changed(engine: Engine,
                                                    actors: dict[str, Actor],
        scored: tuple[int, int]) -> None:
    _, alone = scored
    with unit_of_work(engine, write=False) as s:
        seen = cases.get_case(s, case_id=alone).version  # both officers read version 1
    with unit_of_work(engine) as s:
        cases.decide(s, actors["officer"], case_id=alone, version=seen, decision="decline",
                     reason="first")
    with unit_of_work(engine) as s, pytest.raises(StaleVersion) as stale:
        cases.decide(s, actors["senior"], case_id=alone, version=seen, decision="approve",
                     reason="second")
    assert "reload" in str(stale.value)
    with unit_of_work(engine, write=False) as s:
        assert cases.get_case(s, case_id=alone).decision == "decline"


def test_notes_are_append_only_with_corrections_and_drafts(engine: Engine,
                                                           actors: dict[str, Actor],
        scored: tuple[int, int]) -> None:
    _, alone = scored
    officer = actors["officer"]
    with unit_of_work(engine) as s:
        cases.save_draft(s, officer, case_id=alone, kind="phone", outcome="verified",
                         text="called the")
    with unit_of_work(engine) as s:
        draft = s.get(NoteDraft, (alone, officer.user_id))
        assert draft is not None and draft.text == "called the"
        first = cases.add_note(s, officer, case_id=alone, kind="phone", outcome="verified",
                               text="called the applicant, confirmed")
        assert s.get(NoteDraft, (alone, officer.user_id)) is None
        fix = cases.add_note(s, officer, case_id=alone, kind="phone", outcome="discrepancy",
                             text="the number belongs to someone else", corrects_id=first.id)
        with pytest.raises(InvalidInput):
            cases.add_note(s, officer, case_id=alone, kind="gossip", outcome="verified", text="x")
    with unit_of_work(engine, write=False) as s:
        listed = cases.notes(s, case_id=alone)
    assert [n.id for n in listed] == [first.id, fix.id] and listed[1].corrects_id == first.id


def test_auditor_and_compliance_cannot_work_cases(engine: Engine,
                                                  actors: dict[str, Actor],
        scored: tuple[int, int]) -> None:
    _, alone = scored
    for who in ("auditor", "compliance", "admin"):
        with unit_of_work(engine) as s:
            for call in (lambda a: cases.claim(s, a, case_id=alone, version=1),
                         lambda a: cases.decide(s, a, case_id=alone, version=1, decision="decline",
                                                reason="r"),
                         lambda a: cases.add_note(s, a, case_id=alone, kind="other",
                                                  outcome="verified", text="t"),
                         lambda a: cases.check(s, a, case_id=alone, version=1, confirm=True),
                         lambda a: cases.assign(s, a, case_id=alone, version=1,
                                                user_id=a.user_id or 0)):
                with pytest.raises(PermissionDenied):
                    call(actors[who])


def test_case_detail_has_everything_to_decide_and_is_audited(
        engine: Engine, actors: dict[str, Actor], scored: tuple[int, int]) -> None:
    from riskdesk.services.cases.detail import load_case

    override, _ = scored
    with unit_of_work(engine) as s:
        cases.add_note(s, actors["officer"], case_id=override, kind="income", outcome="verified",
                       text="payslips for three months")
    with unit_of_work(engine) as s:
        d = load_case(s, actors["auditor"], case_id=override)
        assert d.application is not None and d.decision is not None
        assert d.application.id_no.count("*") == 8 and "****" in d.application.phone
        assert d.decision.band in ("approve", "review", "decline")
        assert d.decision.model.startswith("1") and d.decision.rule_set >= 1
        assert len(d.reasons) == 5 and all(r.text for r in d.reasons)
        assert all(h.text and h.source for h in d.hits)
        assert [n.kind for n in d.notes] == ["income"]
        assert d.check_reasons  # approving this one needs a second person
        assert [h.action for h in d.history] == ["case.note", "case.view"]
        assert all(set(link.via) <= {"id_no", "phone", "device", "card"} and link.via
                   for link in d.linked)
    with unit_of_work(engine, write=False) as s:
        seen = s.scalars(select(AuditEvent).where(AuditEvent.action == "case.view")).one()
        assert seen.actor == "auditor" and seen.entity_id == str(override)


def test_linked_applications_share_an_identifier(engine: Engine,
                                                 actors: dict[str, Actor],
        scored: tuple[int, int]) -> None:
    from sqlalchemy import func

    from riskdesk.domain.applications import Applicant, Application
    from riskdesk.services.cases.detail import _linked

    with unit_of_work(engine, write=False) as s:
        person_id = s.execute(select(Application.applicant_id).group_by(
            Application.applicant_id).having(func.count() > 1)).scalars().first()
        assert person_id is not None  # the demo sample has repeat applicants
        apps = s.scalars(select(Application).where(Application.applicant_id == person_id)).all()
        person = s.get(Applicant, person_id)
        assert person is not None
        links = _linked(s, apps[0], person)
    assert {link.application_no for link in links} >= {a.application_no for a in apps[1:]}
    assert all("id_no" in link.via for link in links
               if link.application_no in {a.application_no for a in apps[1:]})
    # each names what to open: its application, and its case where it has one (issue 26)
    assert {link.application_id for link in links} >= {a.id for a in apps[1:]}
    with unit_of_work(engine, write=False) as s:
        from riskdesk.domain.cases import Case

        for link in links:
            owned = s.scalars(select(Case.id).where(
                Case.application_id == link.application_id)).all()
            assert (link.case_id in owned) if owned else link.case_id is None
