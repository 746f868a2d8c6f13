"""Every action of the loop as ONE entry: its rules, its inputs, its effect, its counter, labels.

The transition table, the service entry, the CLI verbs, the app's forms and the stateful test
are all built from `SPECS`; adding an action means adding its entry here (and its enum value).
An effect only prepares: it validates its inputs and returns a `Change`; the engine in
`workflow` applies it once every check has passed, so a refused action changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from .calendar import WorkCalendar
from .case import Assignee, Case, CaseEvent, CaseState, RejectReason, Satisfaction, Source
from .catalog import CatalogClass, TimeLimit
from .codes import ComponentCode
from .errors import InvalidInput
from .people import Actor, Role
from .places import LocatedBy, Location

S = CaseState
R = Role


class Action(StrEnum):
    REPORT = "report"                          # 上报
    REGISTER = "register"                      # 立案
    REJECT = "reject"                          # 不予立案/作废
    DISPATCH = "dispatch"                      # 派遣
    SIGN = "sign"                              # 签收
    RETURN = "return"                          # 退回
    RECTIFY = "rectify"                        # 处置反馈
    ASSIGN_VERIFIER = "assign_verifier"        # 指派核查
    VERIFY_PASS = "verify_pass"                # 核查通过
    VERIFY_FAIL = "verify_fail"                # 核查不通过 → 返工
    CLOSE = "close"                            # 结案
    REQUEST_EXTENSION = "request_extension"    # 申请延期
    APPROVE_EXTENSION = "approve_extension"    # 批准延期
    DENY_EXTENSION = "deny_extension"          # 驳回延期
    REQUEST_SUSPENSION = "request_suspension"  # 申请挂账
    APPROVE_SUSPENSION = "approve_suspension"  # 批准挂账
    DENY_SUSPENSION = "deny_suspension"        # 驳回挂账
    RESUME = "resume"                          # 恢复处置 (解除挂账)
    REOPEN = "reopen"                          # 回头看: 重新立案
    REINSPECT = "reinspect"                    # 回头看: 复查合格
    REPLY = "reply"                            # 回告
    VISIT = "visit"                            # 回访
    SUPERVISE = "supervise"                    # 督办
    PLACE = "place"                            # 标定位置 (待定位 → a point on the map)

    @property
    def spec(self) -> ActionSpec:
        return SPECS[self]

    @property
    def label_zh(self) -> str:
        return SPECS[self].label_zh

    @property
    def label_en(self) -> str:
        return SPECS[self].label_en


class Kind(StrEnum):
    """What an input holds; the CLI, the forms and the service resolve each kind one way."""

    TEXT = "text"          # free text, stripped and length-checked
    CHOICE = "choice"      # one of `choices`
    CLASS = "class"        # a catalog class code
    COORD = "coord"        # x or y in the store's CRS (the CLI also takes lon/lat)
    CASE = "case"          # another case, by number or id
    DURATION = "duration"  # working time: 4h, 1d
    ASSIGNEE = "assignee"  # ("department", code) or ("road_chief", username); None: suggested
    PERSON = "person"      # a user name
    PHOTOS = "photos"      # sha256 of photos already in the store


# Text limits, the same on both backends (checked before anything is written).
NOTE_MAX = 2000
SHORT_MAX = 200


@dataclass(frozen=True, slots=True)
class Input:
    """One thing an action asks for: its name, kind, labels, whether it must be given."""

    name: str
    kind: Kind
    label_zh: str
    label_en: str
    required: bool = False
    choices: tuple[tuple[str, str, str], ...] = ()   # (value, 中文, English)
    max_length: int | None = None
    option: str | None = None   # CLI option when it is not --<name>
    help: str = ""

    @property
    def cli_option(self) -> str:
        return self.option or "--" + self.name.replace("_", "-")


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of the transition table. `to` None means the state stays (a recorded act)."""

    action: Action
    sources: frozenset[CaseState]
    to: CaseState | None
    roles: tuple[Role, ...]
    by_assignee: bool = False  # only the unit the case is dispatched to


@dataclass(frozen=True)
class Context:
    """What effects need from the store's configuration at the moment of the action."""

    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    warning_share: float = 0.8
    time_limit: TimeLimit | None = None    # the case class's limit in the current catalog
    catalog_version: int | None = None
    deadline: datetime | None = None       # a migrated record's own deadline (应办结时间)


@dataclass
class Change:
    """What an action will do once allowed: the audit row's reason and data, and the edit."""

    reason: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    attachments: tuple[str, ...] = ()
    apply: Callable[[Case], None] | None = None


@dataclass
class Facts:
    """What the audit trail alone says about a case (counters, who did what)."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))
    rectifiers: set[int] = field(default_factory=set)
    verifier_id: int | None = None
    assigned_verifier_id: int | None = None
    replied_at: datetime | None = None
    visited_at: datetime | None = None


# each counter of the trail and the case field that mirrors it
COUNT_FIELDS: dict[str, str] = {"returns": "return_count", "reworks": "rework_count",
                "extensions": "extension_count", "reopens": "reopen_count",
                "supervisions": "supervision_count"}
COUNTERS: tuple[str, ...] = tuple(COUNT_FIELDS)

Values = Mapping[str, Any]   # an action's inputs by name, each of its Input's kind
Prepare = Callable[[Case, Actor, datetime, Context, Values], Change]
Trail = Callable[[Facts, CaseEvent], None]   # (facts, audit event) → facts updated


@dataclass(frozen=True)
class ActionSpec:
    """Everything about one action; see the module docstring."""

    action: Action
    label_zh: str
    label_en: str
    rules: tuple[Rule, ...]
    inputs: tuple[Input, ...] = ()
    prepare: Prepare | None = None
    trail: Trail | None = None
    counter: str | None = None   # the Facts counter one such event adds to
    verb: str = ""               # CLI verb (`gridapp case VERB`)
    flag: tuple[str, bool] | None = None  # (--a/--b, which side): two actions share a verb
    help: str = ""
    citizen_only: bool = False   # 回告/回访: only cases a citizen raised

    def input(self, name: str) -> Input | None:
        return next((i for i in self.inputs if i.name == name), None)


# ---- inputs used by several actions -----------------------------------------------------

def _note(required: bool = False, zh: str = "说明") -> Input:
    return Input("note", Kind.TEXT, zh, "Note", required, max_length=NOTE_MAX)


_REASON = Input("reason", Kind.TEXT, "原因", "Reason", True, max_length=NOTE_MAX)
_PHOTOS = Input("photos", Kind.PHOTOS, "照片", "Photos", option="--photo",
                help="Photo file (JPEG/PNG/WebP); repeatable.")


def text(values: Mapping[str, Any], name: str) -> str:
    value = values.get(name)
    return "" if value is None else str(value).strip()


def _required(case: Case, values: Mapping[str, Any], name: str, what: str,
              action: Action) -> str:
    value = text(values, name)
    if not value:
        raise InvalidInput(f"case {case.number}: {what} needs a reason", case=case.number,
                           why="needs_reason", action=action.value, field=name)
    return value


def _photos(values: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(values.get("photos") or ())


# ---- effects ----------------------------------------------------------------------------

def _register(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    """立案; the acceptor may correct the class (and so the time limit dispatch will give)
    and the point (and so the cell, segment and people in charge) — the audit row keeps
    what was there before."""
    new: CatalogClass | None = v.get("class_code")
    if new is not None and new.code == case.class_code:
        new = None
    raw_x, raw_y = v.get("x"), v.get("y")
    location: Location | None = v.get("location")
    if (raw_x is None) != (raw_y is None):
        raise InvalidInput(f"case {case.number}: a corrected point needs both x and y",
                           case=case.number, field="x", why="point_pair")
    moved = raw_x is not None
    x = y = 0.0
    data: dict[str, Any] = {}
    previous: dict[str, Any] = {}
    if new is not None:
        if not new.active:
            raise InvalidInput(f"case {case.number}: class {new.code} is no longer in use",
                               case=case.number, field="class_code", value=new.code,
                               why="class_inactive")
        if case.component_code and ComponentCode.parse(case.component_code).class_code != \
                new.code:
            raise InvalidInput(f"case {case.number} is about component {case.component_code}, "
                               f"which class {new.code} does not describe",
                               case=case.number, field="class_code", value=new.code,
                               why="component_class", component=case.component_code)
        previous["class"] = case.class_code
        data.update({"class": new.code, "time_limit": str(new.time_limit)})
    if raw_x is not None and raw_y is not None:
        x, y = float(raw_x), float(raw_y)
        if location is None or not location.inside_district:
            raise InvalidInput(f"case {case.number}: ({x:.1f}, {y:.1f}) lies outside every "
                               "unit grid cell of the district", case=case.number, x=x, y=y,
                               why="outside", action="register")
        previous.update({"x": case.x, "y": case.y, "cell_code": case.location.cell_code})
        data.update({"x": round(x, 2), "y": round(y, 2), "cell_code": location.cell_code})
    address = text(v, "address")
    if address and address != case.address:
        previous["address"] = case.address
        data["address"] = address
    if previous:
        data["previous"] = previous

    def apply(c: Case) -> None:
        c.registered_at = at
        if new is not None:
            c.class_code, c.kind = new.code, new.kind
        if moved and location is not None:
            c.x, c.y, c.location = x, y, location
            c.located_by, c.locate_confidence, c.locate_match = LocatedBy.MAP, 1.0, ""
        if "address" in data:
            c.address = address
    return Change(text(v, "note"), data, apply=apply)


def _reject(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    raw = v.get("reason_code")
    if not raw:
        raise InvalidInput(f"case {case.number}: say why it is not registered "
                           f"({', '.join(r.value for r in RejectReason)})", case=case.number, why="reject_reason")
    try:
        reason = RejectReason(raw)
    except ValueError:
        raise InvalidInput(f"case {case.number}: {raw!r} is not a reject reason "
                           f"({', '.join(r.value for r in RejectReason)})",
                           case=case.number, why="choice", field="reason_code") from None
    original = v.get("duplicate_of")
    if reason is RejectReason.DUPLICATE and original is None:
        raise InvalidInput(f"case {case.number}: a duplicate must name its original",
                           case=case.number, why="duplicate_needs_original")
    if original is not None and original == case.id:
        raise InvalidInput(f"case {case.number} cannot duplicate itself", case=case.number, why="duplicate_self")

    def apply(c: Case) -> None:
        c.reject_reason, c.duplicate_of = reason, original
    return Change(text(v, "note") or reason.label_zh,
                  {"reject_reason": reason.value, "duplicate_of": original}, apply=apply)


def _dispatch(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    if not case.placed:
        raise InvalidInput(f"case {case.number} has no position yet (待定位): place it on the "
                           "map before dispatching it", case=case.number, why="unplaced")
    assignee: Assignee | None = v.get("assignee")
    if assignee is None or (assignee.department_id is None and assignee.person_id is None):
        raise InvalidInput(f"case {case.number}: dispatch needs a department or a road chief",
                           case=case.number, why="no_assignee")
    cal = ctx.calendar
    if ctx.deadline is not None:  # history: the record's own deadline, not today's catalog
        if ctx.deadline < at:
            raise InvalidInput(f"case {case.number}: deadline {ctx.deadline:%Y-%m-%d %H:%M} "
                               f"is before the dispatch ({at:%Y-%m-%d %H:%M})",
                               case=case.number, why="deadline_before")
        minutes = round(cal.working_minutes_between(at, ctx.deadline))
        deadline = ctx.deadline
    elif ctx.time_limit is None:
        raise InvalidInput(f"case {case.number}: class {case.class_code} has no time limit",
                           case=case.number, why="no_time_limit", value=case.class_code)
    else:
        minutes = ctx.time_limit.working_minutes(cal.minutes_per_day)
        deadline = cal.add_working_minutes(at, minutes)
    warning = cal.add_working_minutes(at, minutes * ctx.warning_share)

    def apply(c: Case) -> None:
        c.assignee = c.last_assignee = assignee
        c.dispatched_at, c.signed_at = at, None
        c.time_limit_minutes, c.deadline_at, c.warning_at = minutes, deadline, warning
        c.catalog_version = ctx.catalog_version
    return Change(text(v, "note"), {
        "department_id": assignee.department_id, "person_id": assignee.person_id,
        "time_limit": str(ctx.time_limit) if ctx.deadline is None else f"{minutes} min",
        "deadline_at": deadline.isoformat(timespec="minutes"),
        "catalog_version": ctx.catalog_version}, apply=apply)


def _sign(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    def apply(c: Case) -> None:
        c.signed_at = at
    return Change(apply=apply)


def _return(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    reason = _required(case, v, "reason", "return", Action.RETURN)

    def apply(c: Case) -> None:
        c.assignee = None
        c.deadline_at = c.warning_at = c.time_limit_minutes = None
    return Change(reason, apply=apply)


def _rectify(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    note = _required(case, v, "note", "rectification report", Action.RECTIFY)

    def apply(c: Case) -> None:
        c.rectified_at = at
        c.rectifier_ids = c.rectifier_ids | {actor.id}
    on_time = case.deadline_at is None or at <= case.deadline_at
    return Change(note, {"on_time": on_time}, _photos(v), apply)


def _assign_verifier(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    verifier: Actor | None = v.get("verifier")
    if verifier is None:
        raise InvalidInput(f"case {case.number}: name the grid worker who verifies",
                           case=case.number, why="no_verifier")
    who = verifier.person
    if R.GRID_WORKER not in who.roles or not who.active:
        raise InvalidInput(f"case {case.number}: {who.username} is not an active grid worker",
                           case=case.number, user=who.username, why="not_grid_worker")
    if who.id in case.rectifier_ids:
        raise InvalidInput(f"case {case.number}: {who.username} rectified this case and may "
                           "not verify it (监管分离)", case=case.number, user=who.username, why="verifier_rectified")

    def apply(c: Case) -> None:
        c.assigned_verifier_id = who.id
    return Change(text(v, "note"), {"verifier_id": who.id, "verifier": who.username},
                  apply=apply)


def _verify_pass(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    def apply(c: Case) -> None:
        c.verified_at, c.verifier_id = at, actor.id
    return Change(text(v, "note"), attachments=_photos(v), apply=apply)


def _verify_fail(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    note = _required(case, v, "note", "failed verification", Action.VERIFY_FAIL)

    def apply(c: Case) -> None:
        c.rectified_at = None
    return Change(note, attachments=_photos(v), apply=apply)


def _close(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    def apply(c: Case) -> None:
        c.closed_at = at
    # 按期结案: the fix that passed verification was reported by the deadline; the time the
    # command room then takes to verify and close is not the handling unit's delay
    on_time = case.deadline_at is None or (case.rectified_at or at) <= case.deadline_at
    return Change(text(v, "note"), {"on_time": on_time}, apply=apply)


def _request_extension(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    reason = _required(case, v, "reason", "extension request", Action.REQUEST_EXTENSION)
    extra: TimeLimit | None = v.get("extra")
    if extra is None:
        raise InvalidInput(f"case {case.number}: say how much more time (e.g. 4h, 1d)",
                           case=case.number, why="no_extra")
    minutes = extra.working_minutes(ctx.calendar.minutes_per_day)

    def apply(c: Case) -> None:
        c.pending_extension_minutes = minutes
    return Change(reason, {"extra": str(extra), "extra_minutes": minutes}, apply=apply)


def _approve_extension(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    cal = ctx.calendar
    extra = case.pending_extension_minutes or 0
    deadline = cal.add_working_minutes(case.deadline_at or at, extra)

    def apply(c: Case) -> None:
        c.time_limit_minutes = (c.time_limit_minutes or 0) + extra
        c.deadline_at = deadline
        c.warning_at = cal.add_working_minutes(c.dispatched_at or at,
                                               c.time_limit_minutes * ctx.warning_share)
        c.pending_extension_minutes = None
    return Change(text(v, "note"), {"deadline_at": deadline.isoformat(timespec="minutes"),
                                    "extra_minutes": extra}, apply=apply)


def _deny_extension(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    note = _required(case, v, "note", "denied extension", Action.DENY_EXTENSION)

    def apply(c: Case) -> None:
        c.pending_extension_minutes = None
    return Change(note, apply=apply)


def _request_suspension(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    return Change(_required(case, v, "reason", "suspension request", Action.REQUEST_SUSPENSION))


def _approve_suspension(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    remaining = max(0.0, ctx.calendar.working_minutes_between(at, case.deadline_at)) \
        if case.deadline_at else 0.0

    def apply(c: Case) -> None:
        c.suspended_remaining_minutes = remaining
    return Change(text(v, "note"), {"remaining_minutes": round(remaining)}, apply=apply)


def _deny_suspension(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    return Change(_required(case, v, "note", "denied suspension", Action.DENY_SUSPENSION))


def _resume(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    cal = ctx.calendar
    remaining = case.suspended_remaining_minutes or 0.0
    deadline = cal.add_working_minutes(at, remaining)

    def apply(c: Case) -> None:
        c.deadline_at = deadline
        c.warning_at = cal.add_working_minutes(at, remaining * ctx.warning_share)
        c.suspended_remaining_minutes = None
    return Change(text(v, "note"), {"deadline_at": deadline.isoformat(timespec="minutes")},
                  apply=apply)


def _reopen(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    reason = _required(case, v, "reason", "reopen", Action.REOPEN)

    def apply(c: Case) -> None:
        c.assignee = None
        c.closed_at = c.verified_at = c.rectified_at = None
        c.verifier_id = c.assigned_verifier_id = None
        c.deadline_at = c.warning_at = c.time_limit_minutes = None
    return Change(reason, apply=apply)


def _reinspect(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    return Change(text(v, "note"), attachments=_photos(v))


def _reply(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    if case.replied_at is not None:
        raise InvalidInput(f"case {case.number} was already replied to", case=case.number, why="already_replied")
    note = _required(case, v, "note", "reply", Action.REPLY)

    def apply(c: Case) -> None:
        c.replied_at = at
    return Change(note, apply=apply)


def _visit(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    if case.replied_at is None:
        raise InvalidInput(f"case {case.number}: reply (回告) before the return visit",
                           case=case.number, why="reply_first")
    if case.visited_at is not None:
        raise InvalidInput(f"case {case.number} already had its return visit", case=case.number, why="already_visited")
    raw = v.get("satisfaction")
    try:
        sat = Satisfaction(raw or "")  # none given: refused below like a wrong one
    except ValueError:
        raise InvalidInput(f"case {case.number}: satisfaction must be one of "
                           f"{', '.join(s.value for s in Satisfaction)}, not {raw!r}",
                           case=case.number, why="choice", field="satisfaction") from None

    def apply(c: Case) -> None:
        c.visited_at, c.satisfaction = at, sat
    return Change(text(v, "note"), {"satisfaction": sat.value}, apply=apply)


def _supervise(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    return Change(_required(case, v, "note", "supervision order", Action.SUPERVISE))


def _place(case: Case, actor: Actor, at: datetime, ctx: Context, v: Values) -> Change:
    """标定位置: the case gets its point (and the cell, segment and people there); only a case
    without one (待定位) or one located from its address is placed by hand."""
    if case.placed and case.located_by is None:
        raise InvalidInput(f"case {case.number} was reported with its own point; only a case "
                           "located from its address, or not yet, is placed on the map",
                           case=case.number, why="own_point")
    x, y = v.get("x"), v.get("y")
    location: Location | None = v.get("location")
    if x is None or y is None or location is None:
        raise InvalidInput(f"case {case.number}: click the case's place on the map first "
                           "(标定位置)", case=case.number, why="no_point")
    x, y = float(x), float(y)
    if not location.inside_district:
        raise InvalidInput(f"case {case.number}: ({x:.1f}, {y:.1f}) lies outside every unit "
                           "grid cell of the district", case=case.number, x=x, y=y, why="outside", action="place")
    previous = {"x": case.x, "y": case.y,
                "located_by": case.located_by.value if case.located_by else None,
                "match": case.locate_match or None}
    data = {"x": round(x, 2), "y": round(y, 2), "cell_code": location.cell_code}
    address = text(v, "address")
    if address and address != case.address:
        previous["address"] = case.address
        data["address"] = address

    def apply(c: Case) -> None:
        c.x, c.y, c.location = x, y, location
        c.located_by, c.locate_confidence, c.locate_match = LocatedBy.MAP, 1.0, ""
        if "address" in data:
            c.address = address
    return Change(text(v, "note"), {**data, "previous": previous}, apply=apply)


# ---- what each action leaves in the trail (replay) ---------------------------------------

def _trail_rectify(f: Facts, ev: CaseEvent) -> None:
    f.rectifiers.add(ev.actor_id)


def _trail_assign(f: Facts, ev: CaseEvent) -> None:
    f.assigned_verifier_id = ev.data.get("verifier_id")


def _trail_verify(f: Facts, ev: CaseEvent) -> None:
    f.verifier_id = ev.actor_id


def _trail_reopen(f: Facts, ev: CaseEvent) -> None:
    f.verifier_id = f.assigned_verifier_id = None


def _trail_reply(f: Facts, ev: CaseEvent) -> None:
    f.replied_at = ev.at


def _trail_visit(f: Facts, ev: CaseEvent) -> None:
    f.visited_at = ev.at


# ---- the table ----------------------------------------------------------------------------

OPEN_WORK = frozenset({S.REGISTERED, S.DISPATCHED, S.RETURNED, S.IN_PROGRESS,
                       S.EXTENSION_PENDING, S.SUSPENSION_PENDING, S.SUSPENDED, S.RECTIFIED})
_REPLIABLE = frozenset({S.REJECTED, S.VERIFIED, S.CLOSED})
CLERKS = (R.ACCEPTOR, R.SHIFT_LEADER)
HANDLERS = (R.DEPT_HANDLER, R.ROAD_CHIEF)
REPORT_ROLES = (R.GRID_WORKER, R.ROAD_CHIEF, R.ACCEPTOR, R.SHIFT_LEADER, R.LEADER)
_APPROVERS = (R.DISPATCHER, R.SHIFT_LEADER, R.LEADER)
A = Action


def _rule(action: Action, sources: Iterable[CaseState], to: CaseState | None,
          roles: Iterable[Role], by_assignee: bool = False) -> tuple[Rule, ...]:
    return (Rule(action, frozenset(sources), to, tuple(roles), by_assignee),)


_SATISFACTION = tuple((s.value, s.label_zh, {"satisfied": "Satisfied", "basic": "Fairly satisfied",
                                              "dissatisfied": "Dissatisfied"}[s.value])
                      for s in Satisfaction)
_REJECT_REASONS = tuple((r.value, r.label_zh, {
    "duplicate": "Duplicate", "invalid": "Does not meet the conditions",
    "not_responsible": "Not city management's", "out_of_area": "Outside the district"}[r.value])
    for r in RejectReason)
_SOURCES = tuple((s.value, s.label_zh, s.value.replace("_", " ")) for s in Source)

SPECS: dict[Action, ActionSpec] = {s.action: s for s in (
    ActionSpec(A.REPORT, "上报", "Report", (), (
        Input("class_code", Kind.CLASS, "问题类别", "Class", True, option="--class",
              help="Catalog class code, e.g. E0102.", max_length=5),
        Input("source", Kind.CHOICE, "来源", "Source", choices=_SOURCES),
        Input("x", Kind.COORD, "X", "X", help="Easting in the store's CRS (metres)."),
        Input("y", Kind.COORD, "Y", "Y", help="Northing in the store's CRS (metres)."),
        Input("description", Kind.TEXT, "问题描述", "Description", option="--desc",
              max_length=NOTE_MAX),
        Input("address", Kind.TEXT, "地址", "Address", max_length=SHORT_MAX),
        Input("component_code", Kind.TEXT, "部件编码", "Component", option="--component",
              help="16-digit component code.", max_length=16),
        Input("contact", Kind.TEXT, "联系人", "Contact", max_length=SHORT_MAX,
              help="Citizen's name/phone for hotline cases."),
        Input("external_id", Kind.TEXT, "热线工单号", "Ticket number", max_length=64,
              help="Hotline ticket number."),
        _PHOTOS), verb="report", help="上报: open a case at a point."),
    ActionSpec(A.REGISTER, "立案", "Register", _rule(A.REGISTER, {S.REPORTED}, S.REGISTERED,
                                                    CLERKS),
               (_note(),
                Input("class_code", Kind.CLASS, "问题类别", "Class", option="--class",
                      max_length=5, help="Correct the class (catalog code), e.g. E0103."),
                Input("x", Kind.COORD, "X", "X", help="Correct the point: easting (store CRS)."),
                Input("y", Kind.COORD, "Y", "Y", help="Correct the point: northing."),
                Input("address", Kind.TEXT, "地址", "Address", max_length=SHORT_MAX,
                      help="Correct the address.")),
               _register, verb="register",
               help="立案: accept a reported case, correcting its class or point if wrong."),
    ActionSpec(A.REJECT, "不予立案", "Reject",
               _rule(A.REJECT, {S.REPORTED}, S.REJECTED, CLERKS)
               + _rule(A.REJECT, {S.REGISTERED, S.RETURNED}, S.REJECTED, (R.SHIFT_LEADER,)),
               (Input("reason_code", Kind.CHOICE, "不予立案原因", "Reason", True,
                      _REJECT_REASONS, option="--reason"),
                _note(),
                Input("duplicate_of", Kind.CASE, "原案卷号", "Original case",
                      help="The original case (number or id).")),
               _reject, verb="reject",
               help="不予立案: reject as invalid, duplicate, not ours or out of area."),
    ActionSpec(A.DISPATCH, "派遣", "Dispatch",
               _rule(A.DISPATCH, {S.REGISTERED, S.RETURNED}, S.DISPATCHED,
                     (R.DISPATCHER, R.SHIFT_LEADER)),
               (Input("assignee", Kind.ASSIGNEE, "派遣至", "Dispatch to"), _note()),
               _dispatch, verb="dispatch",
               help="派遣: to a department or a road chief (default: the suggested unit)."),
    ActionSpec(A.SIGN, "签收", "Sign for", _rule(A.SIGN, {S.DISPATCHED}, S.IN_PROGRESS, HANDLERS,
                                                 True),
               (), _sign, verb="sign", help="签收: the unit accepts the dispatched case."),
    ActionSpec(A.RETURN, "退回", "Return", _rule(A.RETURN, {S.DISPATCHED}, S.RETURNED, HANDLERS,
                                                True),
               (_REASON,), _return, counter="returns", verb="return",
               help="退回: not ours; back to the dispatcher."),
    ActionSpec(A.RECTIFY, "处置反馈", "Report the fix",
               _rule(A.RECTIFY, {S.IN_PROGRESS}, S.RECTIFIED, HANDLERS, True),
               (_note(required=True), _PHOTOS), _rectify, _trail_rectify, verb="rectify",
               help="处置反馈: report the fix with a note and photos."),
    ActionSpec(A.ASSIGN_VERIFIER, "指派核查", "Assign verification",
               _rule(A.ASSIGN_VERIFIER, OPEN_WORK - {S.REGISTERED, S.RETURNED}, None,
                     (R.DISPATCHER, R.SHIFT_LEADER)),
               (Input("verifier", Kind.PERSON, "核查人", "Verifier", True,
                      help="User name of the grid worker who verifies."), _note()),
               _assign_verifier, _trail_assign, verb="assign-verifier",
               help="指派核查: let a grid worker verify a case outside his own cells."),
    ActionSpec(A.VERIFY_PASS, "核查通过", "Verification passed",
               _rule(A.VERIFY_PASS, {S.RECTIFIED}, S.VERIFIED, (R.GRID_WORKER,)),
               (_note(), _PHOTOS), _verify_pass, _trail_verify, verb="verify",
               flag=("--pass/--fail", True),
               help="核查: on-site check; --pass closes the loop, --fail sends it back."),
    ActionSpec(A.VERIFY_FAIL, "核查不通过(返工)", "Verification failed (rework)",
               _rule(A.VERIFY_FAIL, {S.RECTIFIED}, S.IN_PROGRESS, (R.GRID_WORKER,)),
               (_note(), _PHOTOS), _verify_fail, counter="reworks", verb="verify",
               flag=("--pass/--fail", False)),
    ActionSpec(A.CLOSE, "结案", "Close", _rule(A.CLOSE, {S.VERIFIED}, S.CLOSED, (R.SHIFT_LEADER,)),
               (_note(),), _close, verb="close", help="结案: the shift leader closes a verified case."),
    ActionSpec(A.REQUEST_EXTENSION, "申请延期", "Request an extension",
               _rule(A.REQUEST_EXTENSION, {S.IN_PROGRESS}, S.EXTENSION_PENDING, HANDLERS, True),
               (Input("extra", Kind.DURATION, "延期时长", "Extra time", True, option="--by",
                      help="Working time, e.g. 4h or 1d."), _REASON),
               _request_extension, verb="extend",
               help="申请延期: ask for more time: --by 1d, --by 4h."),
    ActionSpec(A.APPROVE_EXTENSION, "批准延期", "Approve the extension",
               _rule(A.APPROVE_EXTENSION, {S.EXTENSION_PENDING}, S.IN_PROGRESS, _APPROVERS),
               (_note(),), _approve_extension, counter="extensions", verb="extension",
               flag=("--approve/--deny", True),
               help="审批延期: approve or deny the pending extension."),
    ActionSpec(A.DENY_EXTENSION, "驳回延期", "Deny the extension",
               _rule(A.DENY_EXTENSION, {S.EXTENSION_PENDING}, S.IN_PROGRESS, _APPROVERS),
               (_note(),), _deny_extension, verb="extension", flag=("--approve/--deny", False)),
    ActionSpec(A.REQUEST_SUSPENSION, "申请挂账", "Request suspension",
               _rule(A.REQUEST_SUSPENSION, {S.IN_PROGRESS}, S.SUSPENSION_PENDING, HANDLERS, True),
               (_REASON,), _request_suspension, verb="suspend",
               help="申请挂账: the problem cannot be fixed now."),
    ActionSpec(A.APPROVE_SUSPENSION, "批准挂账", "Approve suspension",
               _rule(A.APPROVE_SUSPENSION, {S.SUSPENSION_PENDING}, S.SUSPENDED,
                     (R.SHIFT_LEADER, R.LEADER)),
               (_note(),), _approve_suspension, verb="suspension",
               flag=("--approve/--deny", True),
               help="审批挂账: approve or deny the pending suspension."),
    ActionSpec(A.DENY_SUSPENSION, "驳回挂账", "Deny suspension",
               _rule(A.DENY_SUSPENSION, {S.SUSPENSION_PENDING}, S.IN_PROGRESS,
                     (R.SHIFT_LEADER, R.LEADER)),
               (_note(),), _deny_suspension, verb="suspension",
               flag=("--approve/--deny", False)),
    ActionSpec(A.RESUME, "解除挂账", "Resume", _rule(A.RESUME, {S.SUSPENDED}, S.IN_PROGRESS,
                                                 _APPROVERS),
               (_note(),), _resume, verb="resume",
               help="解除挂账: handling restarts with the time that was left."),
    ActionSpec(A.REOPEN, "回头看·重新立案", "Reopen (re-inspection)",
               _rule(A.REOPEN, {S.CLOSED}, S.REGISTERED, (R.GRID_WORKER, R.SHIFT_LEADER, R.LEADER)),
               (_REASON,), _reopen, _trail_reopen, counter="reopens", verb="reopen",
               help="回头看: the problem came back; reopen for dispatch."),
    ActionSpec(A.REINSPECT, "回头看·复查合格", "Re-inspection passed",
               _rule(A.REINSPECT, {S.CLOSED}, None, (R.GRID_WORKER, R.SHIFT_LEADER, R.LEADER)),
               (_note(), _PHOTOS), _reinspect, verb="reinspect",
               help="回头看: record a re-inspection that found the fix holding."),
    ActionSpec(A.REPLY, "回告", "Reply", _rule(A.REPLY, _REPLIABLE, None, CLERKS),
               (_note(required=True),), _reply, _trail_reply, verb="reply",
               help="回告: tell the citizen what was done.", citizen_only=True),
    ActionSpec(A.VISIT, "回访", "Return visit", _rule(A.VISIT, {S.CLOSED}, None, CLERKS),
               (Input("satisfaction", Kind.CHOICE, "满意度", "Satisfaction", True, _SATISFACTION),
                _note()), _visit, _trail_visit, verb="visit",
               help="回访: the citizen's satisfaction.", citizen_only=True),
    ActionSpec(A.SUPERVISE, "督办", "Supervision order",
               _rule(A.SUPERVISE, OPEN_WORK, None, (R.LEADER, R.SHIFT_LEADER)),
               (_note(required=True),), _supervise, counter="supervisions", verb="supervise",
               help="督办: a supervision order on a case that drags."),
    # before a unit holds it, the command room may (re)place a case: one without a position
    # (待定位) or one whose address gave only a rough point
    ActionSpec(A.PLACE, "标定位置", "Place on the map",
               _rule(A.PLACE, {S.REPORTED, S.REGISTERED, S.RETURNED}, None,
                     (R.ACCEPTOR, R.SHIFT_LEADER, R.DISPATCHER)),
               (Input("x", Kind.COORD, "X", "X", True,
                      help="Easting in the store's CRS (metres)."),
                Input("y", Kind.COORD, "Y", "Y", True,
                      help="Northing in the store's CRS (metres)."), _note(),
                Input("address", Kind.TEXT, "地址", "Address", max_length=SHORT_MAX,
                      help="The address of the point (kept when not given).")),
               _place, verb="place",
               help="标定位置: give a 待定位 case (or one located from its address) its point."),
)}

assert set(SPECS) == set(Action), set(Action) - set(SPECS)
