"""A field package back from QField: every edit becomes an action of the closed loop.

- Every row of every edit layer is checked first (its time, its case, its class, its point,
  every photo decoded as everywhere else); a problem is named as
  `<package>.gpkg, <layer> row <fid> [column]: …` and nothing is merged while any is left.
- Honest time: the action is stamped by the store's clock when the package is merged, like
  every everyday action; the time the person made it on his device is kept in the audit
  row's data (`field.time`, with the package and the edit), after checking it is not in the
  future, not before the package was made and not before the case's last event. A device's
  clock proves nothing, and the audit trail stays in the order the command room saw it.
- A case changed at the command room since the package was made (its version moved on) is
  a conflict: held, never overwritten, until someone accepts the edit as a new action or
  drops it (`gridapp field decide`).
- Each edit is recorded with the package in the action's own transaction: a package merged
  twice changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio

from ..domain.actions import Action
from ..domain.case import patrol_source
from ..domain.errors import DomainError, InvalidInput, PermissionDenied
from ..domain.people import Role
from ..services import cases as svc
from ..services.photos import add_photo, inspect_photo
from ..store import field as fq
from ..store import patrols as pq

COMMAND = frozenset({Role.DISPATCHER, Role.SHIFT_LEADER, Role.LEADER, Role.ADMIN})
ACTIONS = {"reports": "report", "checkins": "checkin", "rectifications": "rectify"}
MAX_SHOWN = 30


@dataclass
class Edit:
    layer: str
    fid: int
    edit_id: str
    time: datetime | None
    values: dict
    x: float | None = None
    y: float | None = None
    photos: list[tuple[str, bytes]] = field(default_factory=list)

    @property
    def action(self) -> str:
        if self.layer == "verifications":
            return Action.VERIFY_FAIL.value if self.values.get("result") == "fail" \
                else Action.VERIFY_PASS.value
        return ACTIONS[self.layer]


@dataclass
class FieldImport:
    package: str
    person: str
    applied: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    refused: list[dict] = field(default_factory=list)
    skipped: int = 0
    # why each refused edit was refused, as raised (the client words it in its language)
    refused_errors: list[DomainError] = field(default_factory=list)


def _text(v) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NaT:
        return ""
    return str(v).strip()


def _time(v) -> datetime | None:
    if v is None or v is pd.NaT or (isinstance(v, float) and np.isnan(v)):
        return None
    try:
        t = pd.Timestamp(v)
    except (ValueError, TypeError):
        return None
    if pd.isna(t):
        return None
    if t.tzinfo is not None:  # QField writes local time; an offset is made local
        t = t.tz_convert(None)
    return t.to_pydatetime().replace(microsecond=0)


def read_edits(folder: Path, meta: dict, problems: list[str]) -> list[Edit]:
    gpkg = folder / f"{meta['person']}.gpkg"
    if not gpkg.exists():
        raise InvalidInput(f"{folder.name}: {gpkg.name} is missing; the package is incomplete")
    out = []
    for layer in meta.get("edit_layers", []):
        try:
            df = pyogrio.read_dataframe(gpkg, layer=layer, fid_as_index=True)
        except Exception as exc:  # noqa: BLE001 (GDAL names what is wrong)
            problems.append(f"{gpkg.name}, {layer}: cannot be read ({exc})")
            continue
        geom = df.geometry if "geometry" in df.columns else None
        for k, (fid, row) in enumerate(df.iterrows()):
            where = f"{gpkg.name}, {layer} row {fid}"
            edit_id = _text(row.get("uuid")) or f"{layer}#{fid}"
            e = Edit(layer, int(fid), edit_id[:64], _time(row.get("made_at")),
                     {c: row.get(c) for c in df.columns if c not in ("geometry",)})
            g = geom.iloc[k] if geom is not None else None
            if g is not None and not g.is_empty:
                e.x, e.y = float(g.x), float(g.y)
            for col in ("photo", "photo2"):
                rel = _text(row.get(col))
                if rel:
                    _photo(folder, rel, f"{where} [{col}]", e, problems)
            out.append(e)
    return out


def _photo(folder: Path, rel: str, where: str, e: Edit, problems: list[str]) -> None:
    path = (folder / rel).resolve()
    if folder.resolve() not in path.parents:
        problems.append(f"{where}: {rel} lies outside the package")
        return
    if not path.is_file():
        problems.append(f"{where}: {rel} is not in the package")
        return
    e.photos.append((rel, path.read_bytes()))


def _check(e: Edit, where: str, pkg: dict, now: datetime, skew: timedelta, catalog,
           uow, problems: list[str], case_last: dict) -> None:
    if e.time is None:
        problems.append(f"{where} [made_at]: no time")
    elif e.time > now + skew:
        problems.append(f"{where} [made_at]: {e.time:%Y-%m-%d %H:%M} is in the future (the "
                        f"store's clock says {now:%Y-%m-%d %H:%M}); is the device's clock right?")
    elif e.time < pkg["made_at"]:
        problems.append(f"{where} [made_at]: {e.time:%Y-%m-%d %H:%M} is before the package was "
                        f"made ({pkg['made_at']:%Y-%m-%d %H:%M})")
    if e.layer in ("reports", "checkins"):
        if e.x is None:
            problems.append(f"{where} [geometry]: no point")
        elif e.layer == "reports" and not uow.places.locate(e.x, e.y, 0).inside_district:
            problems.append(f"{where} [geometry]: ({e.x:.1f}, {e.y:.1f}) lies outside every "
                            "unit grid cell of the district")
    if e.layer == "reports" and _text(e.values.get("class_code")) not in catalog:
        problems.append(f"{where} [class_code]: {_text(e.values.get('class_code'))!r} is no "
                        "class of the catalog")
    if e.layer in ("rectifications", "verifications"):
        raw = e.values.get("case_id")
        cid = int(raw) if raw is not None and not pd.isna(raw) else None
        if cid not in pkg["cases"]:
            problems.append(f"{where} [case_id]: {raw!r} is no case this package carried")
        elif e.time is not None and case_last.get(cid) and e.time < case_last[cid] \
                and uow_version(uow, cid) == pkg["cases"][cid]:
            problems.append(f"{where} [made_at]: {e.time:%Y-%m-%d %H:%M} is before the case's "
                            f"last event ({case_last[cid]:%Y-%m-%d %H:%M})")
        e.values["case_id"] = cid
    if e.layer == "rectifications" and not _text(e.values.get("note")):
        problems.append(f"{where} [note]: a rectification needs a note (处置说明)")
    if e.layer == "verifications":
        result = _text(e.values.get("result"))
        if result not in ("pass", "fail"):
            problems.append(f"{where} [result]: {result!r} is neither pass nor fail")
        elif result == "fail" and not _text(e.values.get("note")):
            problems.append(f"{where} [note]: a failed verification needs a note")


def uow_version(uow, case_id: int) -> int:
    return uow.cases.get(case_id).version


def import_package(store, folder: Path, by: str) -> FieldImport:
    """Merge a package back (by its person, or by someone of the command room)."""
    folder = Path(folder)
    try:
        meta = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise InvalidInput(f"{folder}: not a field package (no readable package.json)") from None
    with store.uow(write=False) as uow:
        pkg = fq.package(uow.conn, str(meta.get("package")))
        if pkg is None:
            raise InvalidInput(f"{folder.name}: package {meta.get('package')} was not made by "
                               "this store")
        person = uow.people.get(pkg["person_id"])
        runner = uow.people.by_username(by)
        if by != person.username and not runner.roles & COMMAND:
            raise PermissionDenied(f"{by} may not merge {person.username}'s package",
                                   user=by)
        done = fq.edit_ids(uow.conn, pkg["id"])
        now = uow.now()
        settings = uow.config.settings()
        catalog = uow.config.catalog()
        problems: list[str] = []
        edits = [e for e in read_edits(folder, meta, problems) if e.edit_id not in done]
        case_last = {cid: (uow.cases.events(cid) or [None])[-1].at for cid in
                     {e.values.get("case_id") for e in edits if e.layer in
                      ("rectifications", "verifications")}
                     if isinstance(cid, int | float) and not pd.isna(cid)
                     and int(cid) in pkg["cases"]}
        for e in edits:
            _check(e, f"{meta['person']}.gpkg, {e.layer} row {e.fid}", pkg, now,
                   settings.future_skew, catalog, uow, problems, case_last)
        for e in edits:
            for rel, data in e.photos:
                try:
                    inspect_photo(data, rel, settings.photo_max_bytes, settings.photo_max_pixels)
                except InvalidInput as exc:
                    problems.append(f"{meta['person']}.gpkg, {e.layer} row {e.fid}: {exc}")
    skipped = len(read_edits(folder, meta, [])) - len(edits)
    if problems:
        more = f"\n… and {len(problems) - MAX_SHOWN} more" if len(problems) > MAX_SHOWN else ""
        raise InvalidInput(f"{len(problems)} problem(s) in the package; nothing was merged:\n"
                           + "\n".join(problems[:MAX_SHOWN]) + more)
    result = FieldImport(pkg["id"], person.username, skipped=skipped)
    for e in sorted(edits, key=lambda e: (e.time, e.layer, e.fid)):
        _apply(store, pkg, person, e, by, now, result)
    return result


def _origin(pkg: dict, e: Edit, by: str) -> dict:
    return {"package": pkg["id"], "edit": e.edit_id, "layer": e.layer,
            "time": e.time.isoformat(timespec="seconds") if e.time else None,
            "merged_by": by}


def _recorder(pkg, person, e: Edit, status: str, data: dict, message: str, now):
    def also(uow, case, _events) -> None:
        fq.record_edit(uow.conn, pkg["id"], e.edit_id, e.layer, person.id,
                       case.id if case is not None else None, e.action, e.time, status, data,
                       message, now)
    return also


def _inputs(e: Edit, shas: list[str]) -> dict:
    v = e.values
    if e.layer == "reports":
        return {"class_code": _text(v.get("class_code")), "x": e.x, "y": e.y,
                "description": _text(v.get("description")),
                "address": _text(v.get("address")), "photos": shas}
    return {"note": _text(v.get("note")), "photos": shas}


def _apply(store, pkg, person, e: Edit, by: str, now, result: FieldImport) -> None:
    shas = [add_photo(store.uow(), data, rel) for rel, data in e.photos]
    inputs = _inputs(e, shas)
    record = {"edit": e.edit_id, "layer": e.layer, "action": e.action,
              "time": e.time, "case": e.values.get("case_id")}
    if e.layer == "checkins":
        with store.uow() as uow:
            pq.add_checkin(uow.conn, store.srid, person.id, e.time, e.x, e.y,
                           _text(e.values.get("note")), f"field package {pkg['id']}")
            from ..analysis.patrol import recompute
            recompute(uow.conn, person.id, e.time.date(), uow.config.settings().patrol)
            _recorder(pkg, person, e, "applied", {"x": e.x, "y": e.y}, "", now)(uow, None, [])
            uow.commit()
        result.applied.append(record)
        return
    origin = _origin(pkg, e, by)
    if e.layer == "reports":
        out = svc.report(store.uow(), person.username, source=patrol_source(person.roles),
                         origin=origin,
                         also=_recorder(pkg, person, e, "applied", inputs, "", now), **inputs)
        result.applied.append({**record, "case": out.case.id, "number": out.case.number})
        return
    cid = e.values["case_id"]
    with store.uow(write=False) as uow:
        current = uow.cases.get(cid)
    if current.version != pkg["cases"][cid]:
        with store.uow() as uow:
            _recorder(pkg, person, e, "conflict", inputs,
                      f"case {current.number} changed at the command room since the package "
                      f"was made (version {pkg['cases'][cid]} → {current.version}, now "
                      f"{current.state.value})", now)(uow, current, [])
            uow.commit()
        result.conflicts.append({**record, "number": current.number,
                                 "state": current.state.value})
        return
    try:
        svc.perform(store.uow(), person.username, cid, e.action,
                    expected_version=pkg["cases"][cid], origin=origin,
                    also=_recorder(pkg, person, e, "applied", inputs, "", now), **inputs)
        result.applied.append({**record, "number": current.number})
    except DomainError as exc:
        with store.uow() as uow:
            _recorder(pkg, person, e, "refused", inputs, str(exc), now)(uow, current, [])
            uow.commit()
        result.refused.append({**record, "number": current.number, "message": str(exc)})
        result.refused_errors.append(exc)


def decide(store, package_id: str, edit_id: str, accept: bool, by: str) -> dict:
    """A held conflict: accepted as a new action now (by the person who made it in the
    field, if the transition table still allows it), or dropped. Command-room roles only."""
    with store.uow(write=False) as uow:
        runner = uow.people.by_username(by)
        if not runner.roles & COMMAND:
            raise PermissionDenied(f"{by} may not decide field conflicts (dispatcher, shift "
                                   "leader, leader or administrator)", user=by)
        held = [d for d in fq.edits(uow.conn, "conflict", package_id) if d["edit_id"] == edit_id]
        if not held:
            raise InvalidInput(f"no conflict {edit_id} held from package {package_id}")
        d = held[0]
        person = uow.people.get(d["person_id"])
        now = uow.now()
    if not accept:
        with store.uow() as uow:
            fq.decide(uow.conn, package_id, edit_id, "dropped", runner.id, now,
                      f"dropped by {by}")
            uow.commit()
        return {**d, "status": "dropped"}
    origin = {"package": package_id, "edit": edit_id, "layer": d["layer"],
              "time": d["field_time"].isoformat(timespec="seconds") if d["field_time"] else None,
              "merged_by": by, "conflict_accepted_by": by}

    def also(uow, case, _events) -> None:
        fq.decide(uow.conn, package_id, edit_id, "accepted", runner.id, now,
                  f"accepted by {by} as a new action")
    out = svc.perform(store.uow(), person.username, d["case_id"], d["action"], origin=origin,
                      also=also, **d["data"])
    return {**d, "status": "accepted", "version": out.case.version}
