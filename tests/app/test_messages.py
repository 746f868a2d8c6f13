"""Every error the action spec can raise reads in the interface's language with the case
number (and the field): Chinese in zh, English in en; store and driver errors give one plain
sentence, the technical details apart."""

import ast
import re
from pathlib import Path

import pytest
from factories import X0, Y0, cell_center
from fakes import fake_store

from gridapp.app.messages import TEMPLATES, details, explain
from gridapp.domain.actions import SPECS, Action
from gridapp.domain.case import CaseState, Source
from gridapp.domain.errors import DomainError, InvalidInput
from gridapp.services import cases as svc

CJK = re.compile(r"[\u4e00-\u9fff]")
WORDS = re.compile(r"[A-Za-z]{3,}")
# what Chinese text may keep in Latin letters: formats, commands, the X/Y of a point
LATIN_OK = {"JPEG", "PNG", "WebP", "gridapp", "audit", "verify", "store", "check"}
USERS = ("acceptor", "leader_shift", "dispatcher", "worker1", "worker2", "sanitation1",
         "enforce1", "chief1", "chief2", "boss", "dual")
RAISING = ["gridapp/domain/actions.py", "gridapp/domain/workflow.py", "gridapp/domain/clock.py",
           "gridapp/services/cases.py", "gridapp/services/locating.py",
           "gridapp/services/photos.py", "gridapp/store/cases.py"]
ERRORS = {"InvalidInput", "IllegalTransition", "PermissionDenied", "OutOfScope",
          "SeparationOfDuties", "StaleCase", "NotFound"}
# raised only by programs, never by a person's input in the client (history migration, the
# system account, wrong call signatures)
PROGRAMMERS = ("does not act on an existing case", "a new case starts in REPORTED",
               "takes ", "report takes", "only a history migration", "is not an administrator",
               "the system account", "a report opens a new case", "dispatch to ",
               "deadline {ctx.deadline", "audit row", "audit trail",
               "empty audit trail")  # replay: wrapped as trail_damaged where people act


def _without(text: str, values) -> str:
    for v in sorted((str(v) for v in values if v not in (None, "")), key=len, reverse=True):
        text = text.replace(v, "")
    return text


def check_readable(exc: DomainError) -> None:
    values = list(exc.params.values())
    zh, en = explain(exc, "zh"), explain(exc, "en")
    case = exc.params.get("case")
    if case:
        assert str(case) in zh and str(case) in en, (exc, zh, en)
    assert CJK.search(zh), (exc, zh)
    latin = set(WORDS.findall(_without(zh, values))) - LATIN_OK
    assert not latin, (exc, zh, latin)                      # nothing left in English
    assert str(exc) not in zh
    assert not CJK.search(_without(en, values + [_zh_field(exc)])), (exc, en)


def _zh_field(exc) -> str:
    name = exc.params.get("field")
    for spec in SPECS.values():
        inp = spec.input(name) if name else None
        if inp:
            return inp.label_zh
    return ""


def test_every_raise_of_the_loop_says_why_and_has_both_languages():
    whys = set()
    for path in RAISING:
        for node in ast.walk(ast.parse(Path(path).read_text("utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            name = getattr(node.exc.func, "id", "")
            if name not in ERRORS:
                continue
            kw = {k.arg: k.value for k in node.exc.keywords}
            text = ast.unparse(node.exc.args[0]) if node.exc.args else ""
            if "why" not in kw:
                assert any(p in text for p in PROGRAMMERS), f"{path}:{node.lineno} {text}"
                continue
            why = kw["why"].value
            action = kw.get("action")
            whys.add(why)
            keys = {why, f"{why}:{action.value}" if isinstance(action, ast.Constant) else why}
            assert keys & set(TEMPLATES), f"{path}:{node.lineno}: no template for {why}"
    assert len(whys) > 40
    for key, (zh, en) in TEMPLATES.items():
        assert CJK.search(zh) and not CJK.search(en), key
        assert not set(WORDS.findall(re.sub(r"\{\w+\}", "", zh))) - LATIN_OK, key
        assert set(re.findall(r"\{(\w+)\}", zh)) == set(re.findall(r"\{(\w+)\}", en)), key


def _walk(store):
    """Every action by every user on cases in every state, without its inputs and with
    bad ones: the errors a person meets."""
    errors = []

    def attempt(user, case_id, action, **values):
        try:
            svc.perform(store.uow(), user, case_id, action, **values)
        except DomainError as exc:
            errors.append(exc)
            return False
        return True
    x, y = cell_center("420102001001", 2)
    cases = {}

    def fresh(cls="E0102", at=(x, y), source=Source.HOTLINE_12345):
        return svc.report(store.uow(), "worker1", class_code=cls, x=at[0], y=at[1],
                          source=source).case.id
    # one case in each state on the way round the loop
    c = fresh()
    cases[CaseState.REPORTED] = c
    c = fresh(cls="E0103")
    attempt("acceptor", c, Action.REGISTER)
    cases[CaseState.REGISTERED] = c
    steps = [("dispatcher", Action.DISPATCH, {"assignee": ("department", "sanitation")},
              CaseState.DISPATCHED), ("sanitation1", Action.SIGN, {}, CaseState.IN_PROGRESS),
             ("sanitation1", Action.RECTIFY, {"note": "已清运"}, CaseState.RECTIFIED),
             ("worker1", Action.VERIFY_PASS, {}, CaseState.VERIFIED),
             ("leader_shift", Action.CLOSE, {}, CaseState.CLOSED)]
    for k in range(len(steps)):
        c = fresh(cls=["E0104", "E0105", "E0106", "E0107", "E0108"][k])
        attempt("acceptor", c, Action.REGISTER)
        for user, action, values, _state in steps[:k + 1]:
            assert attempt(user, c, action, **values), errors[-1]
        cases[steps[k][3]] = c
    for case_id in cases.values():
        for action in SPECS:
            if action is Action.REPORT:
                continue
            for user in USERS:
                attempt(user, case_id, action)
                if SPECS[action].input("note"):
                    attempt(user, case_id, action, note="说" * 2001)
    # bad inputs that pass the table, on fresh cases (the walk above moved the others on)
    r = fresh(cls="E0109")
    working = fresh(cls="E0110")
    attempt("acceptor", working, Action.REGISTER)
    for user, action, values, _state in steps[:2]:
        attempt(user, working, action, **values)
    attempt("sanitation1", working, Action.REQUEST_EXTENSION, reason="需采购配件")
    attempt("acceptor", r, Action.REGISTER, class_code="E9999")
    attempt("acceptor", r, Action.REGISTER, x=X0 - 9000, y=Y0 - 9000)
    attempt("acceptor", r, Action.REGISTER, x=X0 + 10)
    attempt("acceptor", r, Action.REJECT, reason_code="nonsense")
    attempt("acceptor", r, Action.REJECT, reason_code="duplicate")
    attempt("acceptor", r, Action.REJECT, reason_code="duplicate", duplicate_of=r)
    attempt("dispatcher", working, Action.ASSIGN_VERIFIER, verifier="acceptor")
    registered = fresh(cls="E0111")
    attempt("acceptor", registered, Action.REGISTER)
    attempt("dispatcher", registered, Action.DISPATCH, assignee=("road_chief", "chief1"))
    attempt("acceptor", r, Action.REGISTER, expected_version=0)
    for bad in ({"x": X0 - 9000, "y": Y0 - 9000}, {"source": "pigeon"}, {"x": None}):
        try:
            svc.report(store.uow(), "worker1", class_code="E0102",
                       **{"x": x, "y": y, "source": Source.GRID_PATROL, **bad})
        except DomainError as exc:
            errors.append(exc)
    return errors


def test_every_error_a_person_meets_reads_in_both_languages():
    errors = _walk(fake_store())
    whys = {e.params.get("why") for e in errors}
    assert {"illegal", "role", "not_assignee", "needs_reason", "too_long", "reject_reason",
            "unknown_class", "outside", "point_pair", "choice", "duplicate_needs_original",
            "duplicate_self", "not_chiefs_segment", "not_grid_worker", "stale",
            "no_extra", "no_verifier"} <= whys, whys
    assert None not in whys, [e for e in errors if "why" not in e.params]
    for exc in errors:
        check_readable(exc)


def test_the_half_english_message_of_the_issue():
    exc = InvalidInput("case 202600000007: rectification report needs a reason",
                       case="202600000007", why="needs_reason", action="rectify", field="note")
    assert explain(exc, "zh") == "案件 202600000007：处置反馈须填写“说明”。"
    assert explain(exc, "en") == "Case 202600000007: “Report the fix” needs the note."


def test_store_and_driver_errors_are_one_sentence_with_details_apart():
    import sqlite3

    from sqlalchemy.exc import IntegrityError

    from gridapp.store.errors import StoreBusy, StoreReadOnly
    driver = IntegrityError("INSERT INTO cases (id, x) VALUES (?, ?)", (7, 1.0),
                            sqlite3.IntegrityError("UNIQUE constraint failed: cases.id"))
    zh, more = explain(driver, "zh"), details(driver, "zh")
    assert zh == "数据库拒绝了此次更改，未保存任何内容。" and "INSERT" not in zh
    assert "INSERT INTO cases" in more and "UNIQUE constraint failed" in more
    assert "INSERT" not in explain(driver, "en")
    busy = StoreBusy("/data/district.sqlite is busy: it is being written by `gridapp import "
                     "hotline 12345.xlsx` (user zhang on ws-3, pid 4711); waited 60 s")
    assert explain(busy, "zh").startswith("数据库正忙") and "ws-3" in details(busy, "zh")
    assert explain(busy, "en").startswith("/data/district.sqlite is busy")
    ro = StoreReadOnly("x.sqlite is read-only: the file is write-protected; nothing was changed")
    ro.__cause__ = sqlite3.OperationalError("attempt to write a readonly database")
    assert "只读" in explain(ro, "zh") and "attempt to write" in details(ro, "zh")
    assert "attempt to write" not in explain(ro, "en")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_file_error_names_the_file(lang):
    exc = FileNotFoundError(2, "No such file or directory", "/tmp/none.jpg")
    text = explain(exc, lang)
    assert "/tmp/none.jpg" in text
    assert ("不存在" in text) if lang == "zh" else ("No such file" in text)
