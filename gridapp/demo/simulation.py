"""A year of cases as a discrete-event simulation through the real services.

Each case has a story: a generator yielding timed steps (report, register, dispatch, …). The
engine runs every step of every case in global time order on an in-memory store, so a
duplicate report meets the original in the state it had at that moment, and cases not
finished by the end date are left open where their story stands (in progress, overdue…).
"""

from __future__ import annotations

import heapq
import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
import shapely

from ..domain.case import Case, CaseState, RejectReason, Satisfaction, Source
from ..domain.errors import DomainError
from ..domain.people import AssignmentKind, Role
from ..io.crs import lonlat_to_store, store_to_lonlat
from ..services import cases as svc
from ..services import locating
from ..store.memory import MemoryStore
from . import mix
from .reports import CITIZEN, SOURCES, Reports, Spec

PRIME = 20_000  # reports located ahead at a time


@dataclass
class _Step:
    at: datetime
    seq: int
    action: str = field(compare=False)
    user: str = field(compare=False)
    kwargs: dict = field(compare=False, default_factory=dict)
    new_id: int = field(compare=False, default=0)  # a report: the id of the case it opens


@dataclass
class Sites:
    """Where things are: cells, segments, components, hotspots, addresses."""

    cell_codes: np.ndarray
    cell_geoms: np.ndarray
    community_names: dict[str, str]
    segment_codes: list[str]
    segment_lines: list
    segment_roads: list[str]
    components: dict[str, tuple[np.ndarray, list[str]]]  # class → (xy, codes)
    hotspots: list
    district: object


class Simulation:
    def __init__(self, mem: MemoryStore, sites: Sites | None, rng: np.random.Generator | None,
                 start: datetime, until: datetime, srid: int) -> None:
        """`sites` and `rng` draw the year's reports (`specs`); a process that only runs
        parts of the year (`run_part`) needs neither."""
        self.mem, self.sites, self.rng = mem, sites, rng
        # scalar draws in the stories: the stdlib generator is ~10× cheaper per call (a part
        # of the year has a stream of its own; this draw keeps the reports as they were)
        self.r = random.Random(int(rng.integers(2 ** 31)) if rng is not None else 0)
        self.start, self.until, self.srid = start, until, srid
        d = mem.data
        self.calendar = d.calendar
        self.catalog = d.catalog
        self.username = {p.id: p.username for p in d.people.values()}
        by_role = defaultdict(list)
        for p in sorted(d.people.values(), key=lambda p: p.id):
            if p.username == "system":  # never a person who acts: only automatic links
                continue
            for r in p.roles:
                by_role[r].append(p.username)
        self.by_role = by_role
        self.handlers = defaultdict(list)
        for p in d.people.values():
            if Role.DEPT_HANDLER in p.roles and p.department_id:
                self.handlers[p.department_id].append(p.username)
        self.dept_code = {i: dep.code for i, dep in d.departments.items()}
        self.seq = 0
        self.clock = start  # time of the step just executed
        self.failed = defaultdict(int)
        self.errors: dict[str, str] = {}  # the first message of each kind of failure
        self.executed = 0

    # ---- the reports of the year -----------------------------------------------------
    def specs(self, n: int) -> Reports:
        """`n` reports over the year, drawn in bulk (numpy) and sorted by time."""
        rng, s = self.rng, self.sites
        classes = np.array([c.code for c in self.catalog if c.active])
        cw = np.array([mix.CLASS_WEIGHTS.get(c, 0.3) for c in classes])
        sources = np.array(list(mix.SOURCE_WEIGHTS))
        sw = np.array([mix.SOURCE_WEIGHTS[k] for k in sources], float)
        days = (self.until.date() - self.start.date()).days + 1  # the last day counts too
        day_of = np.array([(self.start + timedelta(d)).timetuple().tm_yday for d in range(days)])
        weekday = np.array([(self.start + timedelta(d)).weekday() for d in range(days)])
        day_w = 1 + 0.25 * np.sin(day_of / 365 * 2 * np.pi - 1.6)  # busier in summer
        minx, miny, maxx, maxy = s.district.bounds
        spots = np.column_stack([rng.uniform(minx, maxx, max(8, n // 1500)),
                                 rng.uniform(miny, maxy, max(8, n // 1500))])
        spots = spots[shapely.contains_xy(s.district, spots[:, 0], spots[:, 1])]
        spot_cls = rng.choice(classes, len(spots), p=cw / cw.sum())
        m = int(n * 1.6) + 100  # draw extra: some fall outside the district or after 'until'
        src = rng.choice(len(sources), m, p=sw / sw.sum())
        day = rng.choice(days, m, p=day_w / day_w.sum())
        patrol = np.isin(sources[src], ["grid_patrol", "inspection", "road_chief_patrol"])
        machine = np.isin(sources[src], ["video", "sensor"])
        hour = np.empty(m, int)
        for mask, hw in ((patrol, mix.PATROL_HOURS), (machine, mix.VIDEO_HOURS),
                         (~patrol & ~machine, mix.CITIZEN_HOURS)):
            w = np.array(hw, float)
            hour[mask] = rng.choice(24, int(mask.sum()), p=w / w.sum())
        keep = ~(patrol & (weekday[day] >= 5) & (rng.random(m) < 0.6))  # fewer weekend patrols
        cls = rng.choice(classes, m, p=cw / cw.sum())
        x, y = rng.uniform(minx, maxx, m), rng.uniform(miny, maxy, m)
        roll = rng.random(m)
        hot = roll < 0.35
        if s.hotspots:
            h = rng.integers(len(s.hotspots), size=m)
            hx = np.array([hs.x for hs in s.hotspots])[h]
            hy = np.array([hs.y for hs in s.hotspots])[h]
            hr = np.array([hs.radius for hs in s.hotspots])[h] / 2
            x = np.where(hot, hx + rng.normal(0, 1, m) * hr, x)
            y = np.where(hot, hy + rng.normal(0, 1, m) * hr, y)
            kinds = np.array([hs.kind for hs in s.hotspots])[h]
            for kind in mix.HOTSPOT_CLASSES:
                mask = hot & (kinds == kind)
                hc = mix.HOTSPOT_CLASSES[kind]
                w = np.array(list(hc.values()), float)
                cls[mask] = rng.choice(list(hc), int(mask.sum()), p=w / w.sum())
        rep = (roll >= 0.35) & (roll < 0.45) & (len(spots) > 0)
        if len(spots):  # 重复投诉: the same problem at the same place
            j = rng.integers(len(spots), size=m)
            x = np.where(rep, spots[j, 0] + rng.normal(0, 8, m), x)
            y = np.where(rep, spots[j, 1] + rng.normal(0, 8, m), y)
            cls = np.where(rep, spot_cls[j], cls)
        road = (roll >= 0.45) & (roll < 0.62)
        seg = rng.integers(len(s.segment_lines), size=m)
        along = rng.random(m)
        rxy = np.zeros((m, 2))  # only the reports on roads need their point on the road
        rxy[road] = shapely.get_coordinates(shapely.line_interpolate_point(
            np.asarray(s.segment_lines)[seg[road]], along[road], normalized=True))
        x = np.where(road, rxy[:, 0] + rng.normal(0, 8, m), x)
        y = np.where(road, rxy[:, 1] + rng.normal(0, 8, m), y)
        comp = np.full(m, None, dtype=object)
        for c, (cxy, codes) in s.components.items():  # 部件 problems sit at the component
            mask = cls == c
            if not mask.any():
                continue
            tree = shapely.STRtree(shapely.points(cxy))
            near = tree.query_nearest(shapely.points(x[mask], y[mask]), all_matches=False)[1]
            x[mask] = cxy[near, 0] + rng.normal(0, 1, int(mask.sum()))
            y[mask] = cxy[near, 1] + rng.normal(0, 1, int(mask.sum()))
            comp[mask] = np.asarray(codes, dtype=object)[near]
        sensor_ok = np.char.startswith(cls.astype(str), "C01")
        src_names = sources[src].astype(object)
        src_names[(src_names == "sensor") & ~sensor_ok] = "video"
        src_names[sensor_ok & (rng.random(m) < 0.3)] = "sensor"
        keep &= shapely.contains_xy(s.district, x, y)
        second = rng.integers(0, 3600, m)
        at0 = np.datetime64(self.start.date()) + day.astype("timedelta64[D]") + \
            (hour * 3600 + second).astype("timedelta64[s]")
        keep &= at0 <= np.datetime64(self.until)
        n_echo = round(n * 0.05)  # the same problem reported twice
        idx = np.flatnonzero(keep)[:n - n_echo]
        code = {v.value: k for k, v in enumerate(SOURCES)}
        base = dict(at=at0[idx].astype("datetime64[us]"), cls=cls[idx],
                    source=np.array([code[v] for v in src_names[idx].tolist()], np.int8),
                    x=x[idx], y=y[idx], ticket=idx.astype(np.int64),
                    echo_of=np.full(len(idx), -1, np.int64), phone=np.zeros(len(idx), np.int64),
                    component=comp[idx])
        # the same problem reported again by someone else a little later, near the original
        k = min(n_echo, len(idx))
        picks = np.sort(rng.choice(len(idx), k, replace=False))
        minutes = rng.uniform(20, 60 * 40, k)
        ex, ey = base["x"][picks] + rng.normal(0, 12, k), base["y"][picks] + rng.normal(0, 12, k)
        phone = rng.integers(100000000, 999999999, k)
        eat = base["at"][picks] + (minutes * 6e7).astype("timedelta64[us]")
        ok = (eat <= np.datetime64(self.until)) & shapely.contains_xy(s.district, ex, ey)
        hotline = code[Source.HOTLINE_12345.value]
        echo = dict(at=eat[ok], cls=base["cls"][picks][ok],
                    source=np.where(base["source"][picks] == hotline, code[Source.SNAPSHOT.value],
                                    hotline).astype(np.int8)[ok],
                    x=ex[ok], y=ey[ok], ticket=base["ticket"][picks][ok],
                    echo_of=picks[ok].astype(np.int64), phone=phone[ok],
                    component=base["component"][picks][ok])
        cols = {name: np.concatenate([base[name], echo[name]]) for name in base}
        order = np.argsort(cols["at"], kind="stable")
        cols = {name: col[order] for name, col in cols.items()}
        rows = len(order)
        # where each report is (before its lon/lat round trip, as the caller saw it)
        street, community, road = self._addresses(cols["x"], cols["y"])
        is_echo = cols["echo_of"] >= 0
        if is_echo.any():  # an echo is simulated beside its original, wherever it fell
            position = np.empty(rows, np.int64)
            position[order] = np.arange(rows)
            street[is_echo] = street[position[cols["echo_of"][is_echo]]]
        # hotline exports carry GCJ-02 lon/lat: the case's point is what converting them gives
        lon, lat = np.full(rows, np.nan), np.full(rows, np.nan)
        hot = is_echo | CITIZEN[cols["source"]]
        if hot.any():
            glon, glat = store_to_lonlat(cols["x"][hot], cols["y"][hot], self.srid, "gcj02")
            lon[hot], lat[hot] = np.round(glon, 6), np.round(glat, 6)
            cols["x"][hot], cols["y"][hot] = lonlat_to_store(lon[hot], lat[hot], "gcj02",
                                                             self.srid)
        first = self.mem.data.next_id
        return Reports(**cols, lon=lon, lat=lat, street=street, community=community, road=road,
                       house=rng.integers(1, 300, rows),
                       case_id=np.arange(first, first + rows, dtype=np.int64),
                       names={c.code: c.name for c in self.catalog})

    def _addresses(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, ...]:
        """Each point's street code, and the community and road names its address gives
        (the road nearest to the middle of its cell: one search a cell, not one a report)."""
        s = self.sites
        codes = [str(c) for c in s.cell_codes]
        roads = np.array(list(s.segment_roads), dtype=object)
        near = shapely.STRtree(s.segment_lines).query_nearest(
            shapely.point_on_surface(s.cell_geoms), all_matches=False)
        # per cell, the last entry for no cell; then per point
        cell_road = np.full(len(codes) + 1, "", dtype=object)
        cell_road[near[0]] = roads[near[1]]
        cell_street = np.array([c[:9] for c in codes] + [""], dtype=object)  # district 6 + 3
        cell_comm = np.array([s.community_names.get(c[:12], "") for c in codes] + [""],
                             dtype=object)
        cell = np.full(len(x), len(codes), np.int64)
        ids_pt, ids_cell = shapely.STRtree(s.cell_geoms).query(shapely.points(x, y),
                                                               predicate="intersects")
        cell[ids_pt] = ids_cell
        return cell_street[cell], cell_comm[cell], cell_road[cell]

    # ---- one case's story ----------------------------------------------------------------
    def _step(self, at: datetime, action: str, user: str, **kwargs) -> _Step:
        self.seq += 1
        return _Step(at, self.seq, action, user, kwargs)

    def _opening(self, spec: Spec, action: str, user: str, kwargs: dict) -> _Step:
        step = self._step(spec.at, action, user, **kwargs)
        step.new_id = spec.case_id
        return step

    def _wall(self, t: datetime, lo: float, hi: float) -> datetime:
        return t + timedelta(minutes=self.r.uniform(lo, hi))

    def _work(self, t: datetime, lo: float, hi: float) -> datetime:
        return self.calendar.add_working_minutes(t, self.r.uniform(lo, hi))

    def _pick(self, role: Role) -> str:
        users = self.by_role[role]
        return users[self.r.randrange(len(users))]

    def _reporter(self, spec: Spec) -> str:
        if spec.source is Source.SENSOR:  # the IoT platform's alarm, taken in by an acceptor
            return self._pick(Role.ACCEPTOR)
        if spec.source in (Source.GRID_PATROL, Source.INSPECTION):
            with self.mem.uow() as uow:
                loc = uow.places.locate(spec.x, spec.y, 0)
                a = uow.people.responsible(AssignmentKind.GRID_WORKER_CELL.value,
                                           loc.cell_code or "", spec.at)
            return self.username[a.person_id] if a else self._pick(Role.GRID_WORKER)
        if spec.source is Source.ROAD_CHIEF_PATROL:
            with self.mem.uow() as uow:
                loc = uow.places.locate(spec.x, spec.y, 30)
                a = uow.people.responsible(AssignmentKind.ROAD_CHIEF_SEGMENT.value,
                                           loc.segment_code or "", spec.at) \
                    if loc.segment_code else None
            if a:
                return self.username[a.person_id]
            spec.source = Source.GRID_PATROL
            return self._reporter(spec)
        return self._pick(Role.ACCEPTOR)

    def _handler(self, case: Case) -> str | None:
        a = case.assignee
        if a is None:
            return None
        if a.person_id:
            return self.username[a.person_id]
        users = self.handlers.get(a.department_id)
        return users[self.r.randrange(len(users))] if users else None

    def _verifier(self, case: Case) -> str:
        worker = self.username.get(case.location.grid_worker_id or -1)
        if worker and case.location.grid_worker_id not in case.rectifier_ids:
            return worker
        return "supervisor01"

    def _on_time_share(self, case: Case) -> float:
        code = self.dept_code.get(case.assignee.department_id) if case.assignee else None
        if case.assignee and case.assignee.person_id:
            return 0.82
        if code and code.startswith("street-"):
            return 0.7 + 0.25 * ((int(code[-3:]) * 37) % 10) / 10
        return mix.ON_TIME.get(code, 0.85)

    def story(self, spec: Spec) -> Iterator[_Step]:
        rng = self.r
        reporter = self._reporter(spec)  # may turn a chief's patrol off the roads into a grid one
        kwargs = dict(source=spec.source, class_code=spec.class_code, description=spec.description,
                      address=spec.address, component_code=spec.component_code,
                      contact=spec.contact, external_id=spec.external_id)
        if spec.unplaced:  # 待定位: the acceptor calls back and places it on the map
            kwargs.pop("component_code")
            case = yield self._opening(spec, "report_unplaced", reporter, kwargs)
            case = yield self._step(self._wall(case.reported_at, 10, 120), "place",
                                    self._pick(Role.ACCEPTOR), x=spec.x, y=spec.y,
                                    note="回拨市民核实位置")
        else:
            kwargs.update(x=spec.x, y=spec.y)
            case = yield self._opening(spec, "report", reporter, kwargs)
        citizen = spec.source.citizen_facing
        if case.state is CaseState.REJECTED:  # linked to an open original
            if citizen:
                yield self._step(self._wall(case.reported_at, 60, 600), "reply",
                                 self._pick(Role.ACCEPTOR), note="该问题已有案件在办理中，请耐心等待")
            return
        t = self._wall(case.reported_at, 5, 90)
        if rng.random() < 0.03:
            reason = [RejectReason.INVALID, RejectReason.NOT_RESPONSIBLE,
                      RejectReason.OUT_OF_AREA][rng.randrange(3)]
            case = yield self._step(t, "reject", self._pick(Role.ACCEPTOR),
                                    reason_code=reason.value, note="经核实不予立案")
            if citizen:
                yield self._step(self._wall(t, 30, 600), "reply", self._pick(Role.ACCEPTOR),
                                 note="经核实不属于城管受理范围，已告知相关部门")
            return
        case = yield self._step(t, "register", self._pick(Role.ACCEPTOR))
        reopened = False
        while True:
            case = yield from self._handle(case)
            if case is None or case.state is not CaseState.CLOSED:
                return
            if citizen and rng.random() < 0.95:
                t = self._wall(case.closed_at, 60, 60 * 20)
                case = yield self._step(t, "reply", self._pick(Role.ACCEPTOR),
                                        note="您反映的问题已处理完毕")
                if rng.random() < 0.8:
                    p = rng.random()
                    sat = Satisfaction.SATISFIED if p < 0.82 else \
                        Satisfaction.BASIC if p < 0.94 else Satisfaction.DISSATISFIED
                    case = yield self._step(self._wall(t, 60 * 20, 60 * 70), "visit",
                                            self._pick(Role.ACCEPTOR), satisfaction=sat)
            if rng.random() < 0.04:  # 回头看
                case = yield self._step(self._wall(case.closed_at, 7 * 1440, 30 * 1440),
                                        "reinspect", self._verifier(case), note="回头看复查合格")
            if reopened or rng.random() > 0.008:
                return
            reopened = True
            case = yield self._step(self._wall(case.closed_at, 10 * 1440, 40 * 1440), "reopen",
                                    self._verifier(case), reason="回头看发现问题反弹")

    def _handle(self, case: Case):
        """From dispatch to close; returns the closed case, or None when the story stops."""
        rng = self.r
        t = self._wall(self.clock, 5, 60)
        returns = 0
        while True:
            dept = None
            if rng.random() < 0.12:
                dept = self.catalog[case.class_code].department_code
            case = yield self._step(t, "dispatch", self._pick(Role.DISPATCHER),
                                    assignee=("department", dept) if dept else None)
            handler = self._handler(case)
            if handler is None:
                return None
            t = self._work(case.dispatched_at, 10, 150)
            if returns == 0 and rng.random() < 0.04:
                case = yield self._step(t, "return", handler, reason="非本单位职责，请重新派遣")
                returns += 1
                t = self._wall(t, 10, 90)
                continue
            break
        case = yield self._step(t, "sign", handler)
        limit = case.time_limit_minutes or 240
        if rng.random() < 0.03:
            t = self._work(case.signed_at, 0.3 * limit, 0.6 * limit)
            case = yield self._step(t, "request_extension", handler, extra="1d",
                                    reason="需协调多部门共同处置")
            approve = rng.random() < 0.75
            t = self._work(t, 30, 240)
            case = yield self._step(t, "approve_extension" if approve else "deny_extension",
                                    self._pick(Role.LEADER),
                                    note="" if approve else "不予延期，请抓紧办理")
        if rng.random() < 0.01:
            t = self._work(case.signed_at, 0.1 * limit, 0.3 * limit)
            case = yield self._step(t, "request_suspension", handler,
                                    reason="需纳入年度改造计划，待资金到位")
            t = self._wall(t, 60, 600)
            if rng.random() < 0.8:
                case = yield self._step(t, "approve_suspension", self._pick(Role.SHIFT_LEADER))
                t = self._wall(t, 10 * 1440, 60 * 1440)
                case = yield self._step(t, "resume", self._pick(Role.DISPATCHER),
                                        note="资金到位，恢复处置")
            else:
                case = yield self._step(t, "deny_suspension", self._pick(Role.SHIFT_LEADER),
                                        note="可先行临时处置")
        start = case.dispatched_at
        left = max(30.0, self.calendar.working_minutes_between(start, case.deadline_at))
        on_time = rng.random() < self._on_time_share(case)
        frac = rng.uniform(0.25, 0.95) if on_time else rng.uniform(1.05, 3.0)
        due = self.calendar.add_working_minutes(start, left * frac)
        if max(due, case.signed_at or start) > self.calendar.add_working_minutes(
                case.deadline_at, 420) and rng.random() < 0.5:
            case = yield self._step(self._work(case.deadline_at, 60, 420), "supervise",
                                    self._pick(Role.LEADER), note="案件已超期，请立即办理")
        t = max(due, self._wall(case.signed_at or t, 10, 30))
        attempts = 0
        while True:
            case = yield self._step(t, "rectify", handler, note="已按要求处置完毕")
            attempts += 1
            t = self._work(t, 30, 240)
            fail = rng.random() < (0.06 if attempts == 1 else 0.01)
            verifier = self._verifier(case)
            if case.location.grid_worker_id is None or \
                    self.username.get(case.location.grid_worker_id) != verifier:
                # not the cell's own worker: the dispatcher assigns the verification first
                t = self._wall(t, 1, 10)
                case = yield self._step(t, "assign_verifier", self._pick(Role.DISPATCHER),
                                        verifier=verifier)
            case = yield self._step(t, "verify_fail" if fail else "verify_pass", verifier,
                                    note="现场仍有问题，需返工" if fail else "现场核查合格")
            if not fail:
                break
            t = self._work(t, 0.2 * limit, 0.8 * limit)
        case = yield self._step(self._wall(t, 10, 120), "close", self._pick(Role.SHIFT_LEADER))
        return case

    # ---- the engine ----------------------------------------------------------------------
    def _prime(self, specs: list[Spec]) -> None:
        """Locate the coming reports' points in bulk: where their reporter patrols (grid
        patrols and inspections exactly at the point, road chiefs within 30 m) and where the
        report itself falls. One vectorised query each instead of one per step."""
        patrol = (Source.GRID_PATROL, Source.INSPECTION, Source.ROAD_CHIEF_PATROL)
        lots = []
        for tolerance, picked in (
                (0.0, [sp for sp in specs if sp.source in patrol]),
                (30.0, [sp for sp in specs if sp.source is Source.ROAD_CHIEF_PATROL]),
                (self.mem.data.settings.road_tolerance_m, specs)):
            lots.append(([sp.x for sp in picked], [sp.y for sp in picked], tolerance))
        self.mem.places.prime(lots)

    def _call(self, step: _Step, case_id: int | None) -> Case:
        """One step through the service entry, at the step's time on the simulated clock."""
        self.mem.clock.set(step.at)
        if step.new_id:  # the case gets the id of its place in the year, whichever part runs it
            self.mem.data.next_id = step.new_id
        if step.action == "report":
            return svc.report(self.mem.uow(), step.user, **step.kwargs).case
        if step.action == "report_unplaced":
            return locating.report_unplaced(self.mem.uow(), step.user, **step.kwargs).case
        if step.action == "place":
            return locating.place_case(self.mem.uow(), step.user, case_id, **step.kwargs).case
        return svc.perform(self.mem.uow(), step.user, case_id, step.action,
                           **step.kwargs).case

    def run_part(self, specs: list[Spec], stream: str, on_finished: Callable[[list[int]], None],
                 progress: Callable[[int, int, str], None] | None = None,
                 flush_every: int = 100_000) -> None:
        """One part of the year on its own (a street's reports with their echoes): it starts
        with no cases in the store and its stories draw from `stream`'s own generator, so a
        part comes out the same whichever process runs it and after whichever other part.
        `on_finished` gets every case of the part, those left open when it ends last; then
        the part is forgotten."""
        self.mem.forget_cases()
        self.r = random.Random(stream)
        self.seq = 0
        self.clock = self.start
        handed: set[int] = set()

        def finished(ids: list[int]) -> None:
            handed.update(ids)
            on_finished(ids)
        self.run(specs, finished, progress, flush_every)
        rest = [i for i in self.mem.data.cases if i not in handed]
        if rest:
            on_finished(rest)
        self.mem.forget_cases()

    def run(self, specs: list[Spec], on_finished: Callable[[list[int]], None] | None = None,
            progress: Callable[[int, int, str], None] | None = None,
            flush_every: int = 100_000) -> None:
        # plain tuples: (time, tie-break, …) compare in C, a dataclass's __lt__ in Python
        heap: list[tuple[datetime, int, _Step, Iterator[_Step], int | None]] = []
        pending = iter(specs)
        nxt = next(pending, None)
        finished: list[int] = []
        done = 0
        while heap or nxt is not None:
            if nxt is not None and (not heap or nxt.at <= heap[0][0]):
                if done % PRIME == 0:
                    self._prime(specs[done:done + PRIME])
                story = self.story(nxt)
                step = next(story)
                heapq.heappush(heap, (step.at, step.seq, step, story, None))
                nxt = next(pending, None)
                done += 1
                if progress and done % 2000 == 0:
                    progress(done, len(specs), "cases")
                continue
            _, _, step, story, case_id = heapq.heappop(heap)
            step_at = step.at
            if step.at > self.until:
                continue  # the story stands where it is: the case stays open
            try:
                case = self._call(step, case_id)
                self.executed += 1
                self.clock = step.at
            except DomainError as exc:
                self.failed[f"{step.action}: {type(exc).__name__}"] += 1
                self.errors.setdefault(f"{step.action}: {type(exc).__name__}", str(exc))
                continue
            try:
                step = story.send(case)
                step.at = max(step.at, step_at)  # a story never goes back before its last step
                heapq.heappush(heap, (step.at, step.seq, step, story, case.id))
            except StopIteration:
                finished.append(case.id)
                if on_finished and len(finished) >= flush_every:
                    on_finished(finished)
                    finished = []
        if progress:
            progress(len(specs), len(specs), "cases")
