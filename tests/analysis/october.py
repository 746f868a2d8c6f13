"""The hand-computed October (cases A–G) shared by the analysis tests."""

from datetime import datetime, timedelta

from factories import cell_center

from gridapp.domain.case import RejectReason, Satisfaction, Source
from gridapp.domain.period import Period
from gridapp.services import cases as svc

MON = datetime(2026, 10, 12, 9, 0)   # Monday; E0102 暴露垃圾 has 4 working hours
TUE, WED = MON + timedelta(days=1), MON + timedelta(days=2)
NOW = datetime(2026, 11, 21, 9, 0)   # October is judged at its end: 2026-11-01 00:00
OCT = Period.parse("2026-10")


def at(base, h, m=0):
    return base.replace(hour=h, minute=m)


def _report(store, who, cell, when, source=Source.GRID_PATROL):
    x, y = cell_center(*cell)
    return svc.report(store.uow(), who, source=source, class_code="E0102", x=x, y=y, at=when,
                      description="暴露垃圾").case.id


def _open(store, who, cell, when, dept="sanitation", source=Source.GRID_PATROL):
    cid = _report(store, who, cell, when, source)
    svc.register(store.uow(), "leader_shift", cid, at=when + timedelta(minutes=5))
    svc.dispatch(store.uow(), "dispatcher", cid, department=dept, at=when + timedelta(minutes=10))
    return cid


def build_october(store):
    u = store.uow
    # A: on time all the way; worker2 verifies 1.5 working hours after the fix
    a = _open(store, "worker1", ("420102001001", 1), MON)          # deadline Mon 15:10
    svc.sign(u(), "sanitation1", a, at=at(MON, 9, 20))
    svc.rectify(u(), "sanitation2", a, "已清运", at=at(MON, 11))
    svc.verify(u(), "worker2", a, True, at=at(MON, 14, 30))
    svc.close(u(), "leader_shift", a, at=at(MON, 15))
    # B: fixed a day late; worker1 verifies 7 working hours after the fix (late)
    b = _open(store, "worker1", ("420102001001", 4), MON)
    svc.sign(u(), "sanitation1", b, at=at(MON, 9, 20))
    svc.rectify(u(), "sanitation2", b, "已清运", at=at(TUE, 10))
    svc.verify(u(), "worker1", b, True, at=at(WED, 10))
    svc.close(u(), "leader_shift", b, at=at(WED, 11))
    # C: returned by sanitation, re-dispatched to municipal, signed, never fixed: overdue
    c = _open(store, "worker1", ("420102002001", 3), MON)
    svc.return_case(u(), "sanitation1", c, "非本单位职责", at=at(MON, 9, 30))
    svc.dispatch(u(), "dispatcher", c, department="municipal", at=at(MON, 9, 40))
    svc.sign(u(), "municipal1", c, at=at(MON, 10))
    # D: reported, rejected (not registered)
    d = _report(store, "worker1", ("420102002001", 4), MON)
    svc.reject(u(), "acceptor", d, RejectReason.INVALID, "不属于城管问题", at=at(MON, 9, 30))
    # E: registered on the last Friday afternoon; its deadline is after the cut-off
    _open(store, "worker2", ("420102002002", 6), datetime(2026, 10, 30, 16, 0))
    # F: hotline; fails verification once, fixed again on time; replied and visited
    f = _open(store, "acceptor", ("420102001002", 5), TUE, source=Source.HOTLINE_12345)
    svc.sign(u(), "sanitation1", f, at=at(TUE, 9, 20))
    svc.rectify(u(), "sanitation1", f, "已清运", at=at(TUE, 10))
    svc.verify(u(), "worker2", f, False, "仍有残留", at=at(TUE, 10, 30))
    svc.rectify(u(), "sanitation2", f, "再次清运", at=at(TUE, 11))
    svc.verify(u(), "worker2", f, True, at=at(TUE, 11, 30))
    svc.close(u(), "leader_shift", f, at=at(TUE, 14, 30))
    svc.reply(u(), "acceptor", f, "已处理", at=at(TUE, 15))
    svc.visit(u(), "acceptor", f, Satisfaction.SATISFIED, at=at(TUE, 16))
    # G: a September case closed in October: September's, not October's
    sep = datetime(2026, 9, 28, 9, 0)
    g = _open(store, "worker1", ("420102001001", 2), sep)
    svc.sign(u(), "sanitation1", g, at=at(sep, 9, 20))
    svc.rectify(u(), "sanitation1", g, "已清运", at=at(sep, 11))
    svc.verify(u(), "worker2", g, True, at=datetime(2026, 10, 12, 9, 0))
    svc.close(u(), "leader_shift", g, at=datetime(2026, 10, 12, 9, 30))
    with store.uow(write=False) as uow:
        cal = uow.config.calendar()
    return store, cal
