"""The hand-computed October (cases A–G) shared by the analysis tests."""

from datetime import datetime, timedelta

from factories import act, cell_center

from gridapp.domain.actions import Action
from gridapp.domain.case import RejectReason, Satisfaction, Source
from gridapp.domain.period import Period

MON = datetime(2026, 10, 12, 9, 0)   # Monday; E0102 暴露垃圾 has 4 working hours
TUE, WED = MON + timedelta(days=1), MON + timedelta(days=2)
NOW = datetime(2026, 11, 21, 9, 0)   # October is judged at its end: 2026-11-01 00:00
OCT = Period.parse("2026-10")


def at(base, h, m=0):
    return base.replace(hour=h, minute=m)


def _report(store, who, cell, when, source=Source.GRID_PATROL):
    x, y = cell_center(*cell)
    return act(store, who, None, Action.REPORT, source=source, class_code='E0102', x=x, y=y, at=when, description='暴露垃圾').case.id


def _open(store, who, cell, when, dept="sanitation", source=Source.GRID_PATROL):
    cid = _report(store, who, cell, when, source)
    act(store, 'leader_shift', cid, Action.REGISTER, at=when + timedelta(minutes=5))
    act(store, 'dispatcher', cid, Action.DISPATCH, assignee=(("department", dept) if dept else None), at=when + timedelta(minutes=10))
    return cid


def build_october(store):

    # A: on time all the way; worker2 verifies 1.5 working hours after the fix
    a = _open(store, "worker1", ("420102001001", 1), MON)          # deadline Mon 15:10
    act(store, 'sanitation1', a, Action.SIGN, at=at(MON, 9, 20))
    act(store, 'sanitation2', a, Action.RECTIFY, note='已清运', at=at(MON, 11))
    act(store, 'dispatcher', a, Action.ASSIGN_VERIFIER, verifier='worker2', at=at(MON, 14, 30))
    act(store, 'worker2', a, Action.VERIFY_PASS, at=at(MON, 14, 30))
    act(store, 'leader_shift', a, Action.CLOSE, at=at(MON, 15))
    # B: fixed a day late; worker1 verifies 7 working hours after the fix (late)
    b = _open(store, "worker1", ("420102001001", 4), MON)
    act(store, 'sanitation1', b, Action.SIGN, at=at(MON, 9, 20))
    act(store, 'sanitation2', b, Action.RECTIFY, note='已清运', at=at(TUE, 10))
    act(store, 'worker1', b, Action.VERIFY_PASS, at=at(WED, 10))
    act(store, 'leader_shift', b, Action.CLOSE, at=at(WED, 11))
    # C: returned by sanitation, re-dispatched to municipal, signed, never fixed: overdue
    c = _open(store, "worker1", ("420102002001", 3), MON)
    act(store, 'sanitation1', c, Action.RETURN, reason='非本单位职责', at=at(MON, 9, 30))
    act(store, 'dispatcher', c, Action.DISPATCH, assignee=("department", 'municipal'), at=at(MON, 9, 40))
    act(store, 'municipal1', c, Action.SIGN, at=at(MON, 10))
    # D: reported, rejected (not registered)
    d = _report(store, "worker1", ("420102002001", 4), MON)
    act(store, 'acceptor', d, Action.REJECT, reason_code=RejectReason.INVALID, note='不属于城管问题', at=at(MON, 9, 30))
    # E: registered on the last Friday afternoon; its deadline is after the cut-off
    _open(store, "worker2", ("420102002002", 6), datetime(2026, 10, 30, 16, 0))
    # F: hotline; fails verification once, fixed again on time; replied and visited
    f = _open(store, "acceptor", ("420102001002", 5), TUE, source=Source.HOTLINE_12345)
    act(store, 'sanitation1', f, Action.SIGN, at=at(TUE, 9, 20))
    act(store, 'sanitation1', f, Action.RECTIFY, note='已清运', at=at(TUE, 10))
    act(store, 'dispatcher', f, Action.ASSIGN_VERIFIER, verifier='worker2', at=at(TUE, 10, 30))
    act(store, 'worker2', f, Action.VERIFY_FAIL, note='仍有残留', at=at(TUE, 10, 30))
    act(store, 'sanitation2', f, Action.RECTIFY, note='再次清运', at=at(TUE, 11))
    act(store, 'dispatcher', f, Action.ASSIGN_VERIFIER, verifier='worker2', at=at(TUE, 11, 30))
    act(store, 'worker2', f, Action.VERIFY_PASS, at=at(TUE, 11, 30))
    act(store, 'leader_shift', f, Action.CLOSE, at=at(TUE, 14, 30))
    act(store, 'acceptor', f, Action.REPLY, note='已处理', at=at(TUE, 15))
    act(store, 'acceptor', f, Action.VISIT, satisfaction=Satisfaction.SATISFIED, at=at(TUE, 16))
    # G: a September case closed in October: September's, not October's
    sep = datetime(2026, 9, 28, 9, 0)
    g = _open(store, "worker1", ("420102001001", 2), sep)
    act(store, 'sanitation1', g, Action.SIGN, at=at(sep, 9, 20))
    act(store, 'sanitation1', g, Action.RECTIFY, note='已清运', at=at(sep, 11))
    act(store, 'dispatcher', g, Action.ASSIGN_VERIFIER, verifier='worker2', at=datetime(2026, 10, 12, 9, 0))
    act(store, 'worker2', g, Action.VERIFY_PASS, at=datetime(2026, 10, 12, 9, 0))
    act(store, 'leader_shift', g, Action.CLOSE, at=datetime(2026, 10, 12, 9, 30))
    with store.uow(write=False) as uow:
        cal = uow.config.calendar()
    return store, cal
