"""The closed loop through services and a real store, on SpatiaLite and on PostGIS."""

from datetime import datetime, timedelta

import pytest
from factories import X0, Y0, act, cell_center

from gridapp.domain import workflow as wf
from gridapp.domain.actions import Action
from gridapp.domain.case import CaseState, RejectReason, Satisfaction, Source
from gridapp.domain.duplicates import DuplicatePolicy
from gridapp.domain.errors import (
    IllegalTransition,
    InvalidInput,
    OutOfScope,
    PermissionDenied,
    SeparationOfDuties,
    StaleCase,
)
from gridapp.domain.people import AssignmentKind
from gridapp.domain.settings import Settings
from gridapp.services import admin
from gridapp.services import cases as svc
from gridapp.services.ports import CaseQuery

S = CaseState
T0 = datetime(2026, 11, 2, 9, 0)  # Monday
NORTH_WEST = cell_center("420102001001", 2)  # away from every road


def report(store, who="worker1", cls="E0102", xy=NORTH_WEST, at=T0, **kw):
    kw.setdefault("source", Source.GRID_PATROL)
    return act(store, who, None, Action.REPORT, class_code=cls, x=xy[0], y=xy[1], at=at, description=kw.pop('description', '路边暴露垃圾'), **kw).case


def events(store, case_id):
    with store.uow(write=False) as uow:
        return uow.cases.events(case_id)


def count_cases(store):
    with store.uow(write=False) as uow:
        return uow.cases.count(CaseQuery(limit=None))


def test_report_locates_cell_segment_and_people(store):
    c = report(store, xy=(X0 + 150, Y0 + 210))  # 10 m north of 解放大道 west segment
    loc = c.location
    assert loc.cell_code == "420102001001006" and loc.community_code == "420102001001"
    assert loc.street_code == "420102001"
    assert loc.segment_distance == pytest.approx(10)
    with store.uow(write=False) as uow:
        assert uow.places.segment_code(loc.segment_id) == "420102-R001-01"
        assert uow.people.get(loc.road_chief_id).username == "chief1"
        assert uow.people.get(loc.grid_worker_id).username == "worker1"
    far = report(store, cls="E0104", xy=NORTH_WEST)
    assert far.location.segment_id is None and far.location.road_chief_id is None
    assert far.number.startswith("2026") and len(far.number) == 12


def test_report_outside_the_district_writes_nothing(store):
    before = count_cases(store)
    with pytest.raises(InvalidInput) as e:
        report(store, xy=(X0 - 50, Y0 + 50))
    assert "outside" in str(e.value)
    with pytest.raises(InvalidInput):
        report(store, cls="E9999")
    assert count_cases(store) == before


def test_full_loop_leaves_a_complete_audit_trail(store):
    c = report(store)
    act(store, 'acceptor', c.id, Action.REGISTER, note='符合立案条件', at=T0 + timedelta(minutes=5))
    sugg = svc.dispatch_suggestions(store.uow(), c.id, T0)
    assert sugg[0].basis == "street"  # 事件先属地: the street office first, no road nearby
    d = act(store, 'dispatcher', c.id, Action.DISPATCH, assignee=("department", 'sanitation'), at=T0 + timedelta(minutes=10)).case
    assert d.deadline_at == datetime(2026, 11, 2, 15, 10) and d.catalog_version == 1
    act(store, 'sanitation1', c.number, Action.SIGN, at=T0 + timedelta(minutes=20))
    act(store, 'sanitation2', c.id, Action.RECTIFY, note='已清运', at=T0 + timedelta(hours=2))
    with pytest.raises(PermissionDenied):
        act(store, 'chief1', c.id, Action.VERIFY_PASS)
    act(store, 'worker1', c.id, Action.VERIFY_PASS, note='现场核查通过', at=T0 + timedelta(hours=3))
    closed = act(store, 'leader_shift', c.id, Action.CLOSE, at=T0 + timedelta(hours=4)).case
    assert closed.state is S.CLOSED and closed.version == 7
    trail = events(store, c.id)
    assert [e.action for e in trail] == ["report", "register", "dispatch", "sign", "rectify",
                                         "verify_pass", "close"]
    assert all(e.actor_id and e.at and e.to_state for e in trail)
    assert trail[1].reason == "符合立案条件" and trail[2].data["deadline_at"] == "2026-11-02T15:10"
    assert wf.replay(trail).state is S.CLOSED


def test_road_chief_receives_events_on_his_segment(store):
    c = report(store, cls="E0501", xy=(X0 + 600, Y0 + 195))  # vending on 解放大道 east
    act(store, 'acceptor', c.id, Action.REGISTER)
    assert svc.dispatch_suggestions(store.uow(), c.id)[0].basis == "road_chief"
    d = act(store, 'dispatcher', c.id, Action.DISPATCH).case
    with store.uow(write=False) as uow:
        assert uow.people.get(d.assignee.person_id).username == "chief2"
    with pytest.raises(OutOfScope):
        act(store, 'chief1', c.id, Action.SIGN)
    assert act(store, 'chief2', c.id, Action.SIGN).case.state is S.IN_PROGRESS
    with pytest.raises(InvalidInput):  # chief1 is not responsible for this segment
        other = report(store, cls="E0501", xy=(X0 + 720, Y0 + 195), source=Source.VIDEO)
        act(store, 'acceptor', other.id, Action.REGISTER)
        act(store, 'dispatcher', other.id, Action.DISPATCH, assignee=("road_chief", 'chief1'))


def test_component_goes_to_its_owner(store):
    c = report(store, cls="C0101", xy=(X0 + 150, Y0 + 205), component_code="4201020101000001",
               description="井盖破损")
    act(store, 'acceptor', c.id, Action.REGISTER)
    first = svc.dispatch_suggestions(store.uow(), c.id)[0]
    assert first.basis == "owner"  # 部件先属主
    with store.uow(write=False) as uow:
        assert uow.people.department(first.assignee.department_id).code == "water"
    with pytest.raises(InvalidInput):
        report(store, cls="C0102", component_code="4201020101000001")


def test_return_puts_the_returning_unit_last(store):
    c = report(store)
    act(store, 'acceptor', c.id, Action.REGISTER)
    act(store, 'dispatcher', c.id, Action.DISPATCH)  # to the street office
    street = svc.dispatch_suggestions(store.uow(), c.id)[0].assignee
    # the street office has no handler in the fixture; a sanitation handler cannot return it
    with pytest.raises(OutOfScope):
        act(store, 'sanitation1', c.id, Action.RETURN, reason='不归我们')
    c2 = report(store, cls="E0104", xy=cell_center("420102002002", 8))
    act(store, 'acceptor', c2.id, Action.REGISTER)
    act(store, 'dispatcher', c2.id, Action.DISPATCH, assignee=("department", 'sanitation'))
    with pytest.raises(InvalidInput):
        act(store, 'sanitation1', c2.id, Action.RETURN, reason='  ')
    r = act(store, 'sanitation1', c2.id, Action.RETURN, reason='非本部门职责').case
    assert r.state is S.RETURNED and r.return_count == 1
    ranked = svc.dispatch_suggestions(store.uow(), c2.id)
    assert ranked[-1].basis == "class_department" and street is not None


def test_rework_reopen_extension_suspension_reply_visit(store):
    c = report(store, source=Source.HOTLINE_12345, contact="王先生 139xxxx", external_id="HL-1")
    act(store, 'acceptor', c.id, Action.REGISTER)
    act(store, 'dispatcher', c.id, Action.DISPATCH, assignee=("department", 'sanitation'), at=T0)
    act(store, 'sanitation1', c.id, Action.SIGN, at=T0)
    e = act(store, 'sanitation1', c.id, Action.REQUEST_EXTENSION, extra='1d', reason='需要调度车辆', at=T0).case
    assert e.state is S.EXTENSION_PENDING
    a = act(store, 'boss', c.id, Action.APPROVE_EXTENSION, at=T0).case
    assert a.deadline_at == datetime(2026, 11, 3, 15, 0) and a.extension_count == 1
    act(store, 'sanitation1', c.id, Action.REQUEST_SUSPENSION, reason='等待资金', at=T0)
    s = act(store, 'leader_shift', c.id, Action.APPROVE_SUSPENSION, at=T0 + timedelta(hours=1)).case
    assert s.state is S.SUSPENDED
    r = act(store, 'dispatcher', c.id, Action.RESUME, at=datetime(2026, 11, 9, 9, 0)).case
    assert r.state is S.IN_PROGRESS and r.deadline_at > datetime(2026, 11, 9, 9, 0)
    act(store, 'sanitation1', c.id, Action.RECTIFY, note='已清运')
    act(store, 'worker1', c.id, Action.VERIFY_FAIL, note='仍有残留')
    act(store, 'dual', c.id, Action.RECTIFY, note='再次清运')
    with pytest.raises(SeparationOfDuties):
        act(store, 'dual', c.id, Action.VERIFY_PASS)
    with pytest.raises(OutOfScope):  # not his cell, and nobody assigned it to him
        act(store, 'worker2', c.id, Action.VERIFY_PASS)
    act(store, 'dispatcher', c.id, Action.ASSIGN_VERIFIER, verifier='worker2')
    act(store, 'worker2', c.id, Action.VERIFY_PASS)
    act(store, 'leader_shift', c.id, Action.CLOSE)
    act(store, 'acceptor', c.id, Action.REPLY, note='您反映的垃圾已清运')
    v = act(store, 'acceptor', c.id, Action.VISIT, satisfaction=Satisfaction.SATISFIED).case
    assert v.satisfaction is Satisfaction.SATISFIED
    act(store, 'worker2', c.id, Action.REINSPECT, note='回头看合格')
    o = act(store, 'worker1', c.id, Action.REOPEN, reason='问题反弹').case
    assert (o.state, o.rework_count, o.reopen_count) == (S.REGISTERED, 1, 1)
    replay = wf.replay(events(store, c.id))
    assert replay.state is o.state and replay.version == o.version and replay.reworks == 1


def test_duplicates_are_linked_to_the_original(store):
    first = report(store)
    x, y = NORTH_WEST
    dup = act(store, 'worker2', None, Action.REPORT, source=Source.SNAPSHOT, class_code='E0102', x=x + 20, y=y, at=T0 + timedelta(hours=1))
    assert dup.case.state is S.REJECTED and dup.case.reject_reason is RejectReason.DUPLICATE
    assert dup.case.duplicate_of == first.id and dup.duplicate_of.number == first.number
    assert [e.action for e in dup.events] == ["report", "reject"]
    assert report(store, xy=(x + 80, y), at=T0 + timedelta(hours=1)).state is S.REPORTED  # far
    assert report(store, cls="E0104", at=T0 + timedelta(hours=1)).state is S.REPORTED  # class
    assert report(store, at=T0 + timedelta(days=4)).state is S.REPORTED  # after the window


def test_duplicate_check_can_leave_it_to_the_acceptor(store):
    admin.save_settings(store.uow(), "admin",
                        Settings(duplicates=DuplicatePolicy(auto_link=False, radius_m=30)))
    first = report(store)
    x, y = NORTH_WEST
    second = act(store, 'worker2', None, Action.REPORT, source=Source.GRID_PATROL, class_code='E0102', x=x + 10, y=y, at=T0 + timedelta(minutes=30))
    assert second.case.state is S.REPORTED
    assert [c.case_id for c in second.duplicate_candidates] == [first.id]
    r = act(store, 'acceptor', second.case.id, Action.REJECT, reason_code=RejectReason.DUPLICATE, duplicate_of=first.number).case
    assert r.duplicate_of == first.id


def test_stale_write_is_refused_and_explained(store):
    c = report(store)
    seen = svc.view(store.uow(), "acceptor", c.id).case.version  # workstation A shows v1
    act(store, 'leader_shift', c.id, Action.REJECT, reason_code=RejectReason.INVALID, note='无效')  # B acts first
    with pytest.raises(StaleCase) as e:
        act(store, 'acceptor', c.id, Action.REGISTER, expected_version=seen)
    assert "李值班" in str(e.value) and "version 1" in str(e.value)
    after = svc.view(store.uow(), None, c.id)
    assert after.case.state is S.REJECTED and len(after.events) == 2


def test_cached_case_cannot_overwrite_a_newer_row(store):
    c = report(store)
    with store.uow(write=False) as uow:
        stale = uow.cases.get(c.id)
    act(store, 'acceptor', c.id, Action.REGISTER)
    stale_version = stale.version
    wf.act(stale, Action.REJECT, wf_actor(store, "leader_shift"), T0,
           reason_code=RejectReason.INVALID)
    with store.uow() as uow, pytest.raises(StaleCase):
        uow.cases.update(stale, expected_version=stale_version)
    assert svc.view(store.uow(), None, c.id).case.state is S.REGISTERED


def wf_actor(store, username):
    with store.uow(write=False) as uow:
        return svc.actor_for(uow, username, T0)


def test_failed_transition_is_rolled_back_whole(store, monkeypatch):
    c = report(store)
    from gridapp.store.cases import SqlCaseRepository

    def boom(self, event):
        raise RuntimeError("disk full")
    monkeypatch.setattr(SqlCaseRepository, "add_event", boom)
    with pytest.raises(RuntimeError):
        act(store, 'acceptor', c.id, Action.REGISTER)
    monkeypatch.undo()
    view = svc.view(store.uow(), None, c.id)
    assert view.case.state is S.REPORTED and view.case.version == 1 and len(view.events) == 1


def test_illegal_transition_through_the_service_changes_nothing(store):
    c = report(store)
    with pytest.raises(IllegalTransition):
        act(store, 'leader_shift', c.id, Action.CLOSE)
    assert len(events(store, c.id)) == 1


def test_an_action_without_its_case_is_refused_by_name(store):
    # found by mypy: `perform` took case_ref None for any action and looked up case "None"
    with pytest.raises(InvalidInput, match="register acts on a case: give its number or id"):
        act(store, "acceptor", None, Action.REGISTER)


def test_catalog_versions_keep_old_deadlines(store):
    a = report(store)
    act(store, 'acceptor', a.id, Action.REGISTER)
    da = act(store, 'dispatcher', a.id, Action.DISPATCH, assignee=("department", 'sanitation'), at=T0).case
    v2 = admin.edit_class(store.uow(), "admin", "E0102", limit="8h", note="暴露垃圾时限调整")
    assert v2 == 2
    b = report(store, xy=cell_center("420102002002", 3))
    act(store, 'acceptor', b.id, Action.REGISTER)
    db = act(store, 'dispatcher', b.id, Action.DISPATCH, assignee=("department", 'sanitation'), at=T0).case
    assert (da.catalog_version, da.time_limit_minutes) == (1, 240)
    assert (db.catalog_version, db.time_limit_minutes) == (2, 480)
    again = svc.view(store.uow(), None, a.id).case
    assert again.deadline_at == da.deadline_at and again.catalog_version == 1
    with store.uow(write=False) as uow:
        assert str(uow.config.catalog(1)["E0102"].time_limit) == "4 工作时"


def test_assignment_history_stays_true(store):
    x, y = X0 + 150, Y0 + 210
    before = report(store, cls="E0501", xy=(x, y), at=datetime(2026, 3, 1, 9))
    admin.assign(store.uow(), AssignmentKind.ROAD_CHIEF_SEGMENT, "420102-R001-01",
                 person="chief2", valid_from=datetime(2026, 6, 1))
    after = report(store, cls="E0501", xy=(x, y), at=datetime(2026, 7, 1, 9))
    with store.uow(write=False) as uow:
        assert uow.people.get(before.location.road_chief_id).username == "chief1"
        assert uow.people.get(after.location.road_chief_id).username == "chief2"
        chief1 = uow.people.by_username("chief1").id
        assert uow.people.scope(chief1, datetime(2026, 5, 1))[0]
        assert not uow.people.scope(chief1, datetime(2026, 7, 1))[0]


def test_photos_are_checked_and_content_addressed(store, tmp_path):
    from io import BytesIO

    from PIL import Image

    from gridapp.services.photos import add_photo
    buf = BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buf, "JPEG")
    sha = add_photo(store.uow(), buf.getvalue(), "before.jpg")
    assert add_photo(store.uow(), buf.getvalue(), "again.jpg") == sha
    with pytest.raises(InvalidInput) as e:
        add_photo(store.uow(), b"MZ\x90\x00not an image", "virus.exe")
    assert "virus.exe" in str(e.value)
    admin.save_settings(store.uow(), "admin", Settings(photo_max_bytes=1024))
    big = BytesIO()
    Image.effect_noise((64, 48), 80).convert("RGB").save(big, "JPEG")
    assert len(big.getvalue()) > 1024
    with pytest.raises(InvalidInput):
        add_photo(store.uow(), big.getvalue(), "big.jpg")
    c = report(store, photos=[sha])
    assert svc.view(store.uow(), None, c.id).photos == [(1, "report", sha)]
    with pytest.raises(InvalidInput):
        report(store, photos=["0" * 64])


def test_photo_survives_a_failed_transition(store):
    from io import BytesIO

    from PIL import Image

    from gridapp.services.photos import add_photo
    buf = BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "PNG")
    sha = add_photo(store.uow(), buf.getvalue())
    c = report(store)
    with pytest.raises(IllegalTransition):
        act(store, 'sanitation1', c.id, Action.RECTIFY, note='已处理', photos=[sha])
    with store.uow(write=False) as uow:
        ref, data = uow.photos.get(sha)
    assert data == buf.getvalue() and ref.mime == "image/png"


def test_one_case_per_hotline_ticket(store):
    first = report(store, source=Source.HOTLINE_12345, external_id="12345-0001")
    with pytest.raises(InvalidInput, match=f"already case {first.number}"):
        report(store, xy=cell_center("420102002002", 3), source=Source.HOTLINE_12345,
               external_id="12345-0001")
    assert count_cases(store) == 1


def test_texts_are_limited_the_same_on_both_backends(store):
    with pytest.raises(InvalidInput, match=r"description.*5,000,000 characters; at most 2,000"):
        report(store, description="垃" * 5_000_000)
    with pytest.raises(InvalidInput, match=r"external_id.*65 characters; at most 64"):
        report(store, source=Source.HOTLINE_12345, external_id="T" * 65)
    c = report(store)
    with pytest.raises(InvalidInput, match=r"note.*2,001 characters; at most 2,000"):
        act(store, "acceptor", c.id, Action.REGISTER, note="x" * 2001)
    assert count_cases(store) == 1 and len(events(store, c.id)) == 1


def test_the_same_photo_twice_in_one_action_is_one_photo(store):
    from io import BytesIO

    from PIL import Image

    from gridapp.services.photos import add_photo
    buf = BytesIO()
    Image.new("RGB", (16, 16), (10, 200, 10)).save(buf, "PNG")
    sha = add_photo(store.uow(), buf.getvalue(), "after.png")
    c = report(store)
    act(store, "acceptor", c.id, Action.REGISTER)
    act(store, "dispatcher", c.id, Action.DISPATCH, assignee=("department", "sanitation"))
    act(store, "sanitation1", c.id, Action.SIGN)
    out = act(store, "sanitation1", c.id, Action.RECTIFY, note="已清运", photos=[sha, sha])
    assert out.events[0].attachments == (sha,)
    assert svc.view(store.uow(), None, c.id).photos == [(5, "rectify", sha)]


def test_a_grid_worker_verifies_in_his_cells_or_when_assigned(store):
    c = report(store, xy=cell_center("420102002002", 4))  # worker2's cell
    for who, action, values in (("acceptor", Action.REGISTER, {}),
                                ("dispatcher", Action.DISPATCH,
                                 {"assignee": ("department", "sanitation")}),
                                ("sanitation1", Action.SIGN, {}),
                                ("sanitation1", Action.RECTIFY, {"note": "已清运"})):
        act(store, who, c.id, action, **values)
    with pytest.raises(OutOfScope, match="not one of worker1's cells"):
        act(store, "worker1", c.id, Action.VERIFY_PASS)
    with pytest.raises(PermissionDenied):  # only a dispatcher or shift leader assigns
        act(store, "acceptor", c.id, Action.ASSIGN_VERIFIER, verifier="worker1")
    with pytest.raises(InvalidInput, match="sanitation1 is not an active grid worker"):
        act(store, "dispatcher", c.id, Action.ASSIGN_VERIFIER, verifier="sanitation1")
    act(store, "dispatcher", c.id, Action.ASSIGN_VERIFIER, verifier="worker1")
    assert act(store, "worker1", c.id, Action.VERIFY_PASS).case.state is S.VERIFIED
