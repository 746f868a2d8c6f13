"""The map's data as numpy arrays: cells, segments, components and every case.

Drawing a million points needs arrays, not objects. Case columns are categorical codes
(state, class, source, street); geometry is ragged (one coordinate array plus offsets).
A cache file next to the store makes a large store open fast; a query on `updated_at`
brings it up to date, which is also how the map follows other workstations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
import shapely

from ..domain.case import CaseState, Source
from ..domain.places import RoadClass

STATES = [s.value for s in CaseState]
SOURCES = [s.value for s in Source]
ROAD_CLASSES = [c.value for c in RoadClass]
HANDLING = np.array([CaseState(s).is_handling for s in STATES])
OPEN = np.array([CaseState(s).is_open for s in STATES])
EPOCH = np.datetime64("1970-01-01T00:00:00", "s")
NO_TIME = np.iinfo(np.int64).min  # "no deadline" in an int64 seconds column
CACHE_VERSION = 5
CHUNK = 100_000  # case rows converted at a time
CASE_SELECT = (
    "SELECT id, x, y, state, class_code, source, street_code, cell_code, segment_id, "
    "assignee_department_id, assignee_person_id, road_chief_id, reported_at, deadline_at, "
    "warning_at, closed_at, updated_at FROM cases ")


def to_seconds(values) -> np.ndarray:
    """Datetimes (or None) as int64 seconds since 1970 (NO_TIME for None)."""
    arr = np.array([np.datetime64(v, "s") if v is not None else np.datetime64("NaT")
                    for v in values], dtype="datetime64[s]") if not isinstance(
        values, np.ndarray) else values.astype("datetime64[s]")
    out = (arr - EPOCH).astype(np.int64)
    out[np.isnat(arr)] = NO_TIME
    return out


def seconds(t: datetime) -> int:
    return int((np.datetime64(t, "s") - EPOCH).astype(np.int64))


@dataclass
class Ragged:
    """Many geometries as one coordinate array: rings (or lines) and their owners."""

    coords: np.ndarray        # (n, 2) float64
    ring_offsets: np.ndarray  # ring k is coords[ring_offsets[k]:ring_offsets[k+1]]
    ring_owner: np.ndarray    # feature index of each ring

    @classmethod
    def from_geoms(cls, geoms) -> Ragged:
        geoms = np.asarray(geoms)
        if len(geoms) == 0:
            return cls(np.zeros((0, 2)), np.zeros(1, np.int64), np.zeros(0, np.int64))
        gtype, coords, offsets = shapely.to_ragged_array(geoms)
        if gtype == shapely.GeometryType.MULTIPOLYGON:
            rings, polys, multis = offsets
            ring_poly = np.repeat(np.arange(len(polys) - 1), np.diff(polys))
            poly_feat = np.repeat(np.arange(len(multis) - 1), np.diff(multis))
            return cls(coords, rings.astype(np.int64), poly_feat[ring_poly].astype(np.int64))
        if gtype == shapely.GeometryType.MULTILINESTRING:
            lines, multis = offsets
            return cls(coords, lines.astype(np.int64),
                       np.repeat(np.arange(len(multis) - 1), np.diff(multis)).astype(np.int64))
        raise ValueError(f"unsupported geometry type {gtype}")

    def subset(self, features: np.ndarray) -> Ragged:
        """Only the rings of the given feature indices, in the order given."""
        # rings are stored owner by owner: each feature's rings are one contiguous run
        features = np.asarray(features, np.int64)
        lo = np.searchsorted(self.ring_owner, features, "left")
        hi = np.searchsorted(self.ring_owner, features, "right")
        return self.take_rings(_ranges(lo, hi))

    def take_rings(self, rings: np.ndarray) -> Ragged:
        """The given rings, in that order, as a new Ragged."""
        starts, ends = self.ring_offsets[rings], self.ring_offsets[rings + 1]
        lengths = ends - starts
        return Ragged(self.coords[_ranges(starts, ends)], np.r_[0, np.cumsum(lengths)],
                      self.ring_owner[rings])


def _ranges(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Concatenation of arange(lo[i], hi[i]) for all i, without a Python loop."""
    lengths = hi - lo
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, np.int64)
    keep = lengths > 0
    lo, lengths = lo[keep], lengths[keep]
    return np.repeat(lo - np.r_[0, np.cumsum(lengths)[:-1]], lengths) + np.arange(total)


@dataclass
class Cells:
    codes: np.ndarray
    cx: np.ndarray
    cy: np.ndarray
    bounds: np.ndarray  # (n, 4)
    shapes: Ragged
    street_idx: np.ndarray
    community_idx: np.ndarray


@dataclass
class Segments:
    ids: np.ndarray
    codes: np.ndarray
    names: np.ndarray
    road_class: np.ndarray  # index into ROAD_CLASSES
    bounds: np.ndarray
    shapes: Ragged
    chief_id: np.ndarray    # current road chief (-1 none)


@dataclass
class Cases:
    id: np.ndarray
    x: np.ndarray
    y: np.ndarray
    state: np.ndarray        # index into STATES
    klass: np.ndarray        # index into MapData.classes
    source: np.ndarray       # index into SOURCES
    street: np.ndarray       # index into MapData.streets (-1 none)
    cell: np.ndarray         # index into cells (-1 none)
    segment: np.ndarray      # segment id (-1 none)
    department: np.ndarray   # assignee department id (-1 none)
    person: np.ndarray       # assignee person id (-1 none)
    chief: np.ndarray        # road chief at report (-1 none)
    reported: np.ndarray     # int64 seconds
    deadline: np.ndarray     # int64 seconds (NO_TIME)
    warning: np.ndarray
    closed: np.ndarray
    updated: np.ndarray

    COLUMNS = ("id", "x", "y", "state", "klass", "source", "street", "cell", "segment",
               "department", "person", "chief", "reported", "deadline", "warning", "closed",
               "updated")

    def __len__(self) -> int:
        return len(self.id)

    def overdue(self, now: int) -> np.ndarray:
        return HANDLING[self.state] & (self.deadline != NO_TIME) & (self.deadline < now)

    def warned(self, now: int) -> np.ndarray:
        return HANDLING[self.state] & (self.warning != NO_TIME) & (self.warning <= now) & \
            ~self.overdue(now)


@dataclass
class MapData:
    srid: int
    streets: np.ndarray          # street codes
    street_names: np.ndarray
    communities: np.ndarray
    community_names: np.ndarray
    classes: np.ndarray          # catalog class codes
    class_names: np.ndarray
    cells: Cells
    segments: Segments
    components_xy: np.ndarray
    components_class: np.ndarray
    component_codes: np.ndarray
    cases: Cases
    street_shapes: Ragged | None = None
    community_shapes: Ragged | None = None
    street_label_xy: np.ndarray | None = None
    district: object | None = None
    extent: tuple[float, float, float, float] = (0, 0, 1, 1)
    mark: dict = field(default_factory=dict)  # what the case columns are up to date with
    places_key: str = ""  # store identity and config revision the place layers were read at

    # ---- loading ---------------------------------------------------------------------
    @classmethod
    def load(cls, store, cache: Path | None = None) -> MapData:
        """Everything the map shows; from the cache when it fits, then brought up to date."""
        data = cls._from_cache(store, cache) if cache else None
        changed = True
        if data is None:
            data = cls._from_store(store)
        else:
            changed = data.refresh(store) > 0
        if cache and changed:
            data.save(cache)
        return data

    @classmethod
    def _from_store(cls, store) -> MapData:
        # read before the places: a change made while we read shows as a newer revision
        places_key = f"{store.identity}:{store.config_revision()}"
        g = store.spatial.as_wkb("geom")
        with store.read() as conn:
            q = conn.exec_driver_sql
            streets = q(f"SELECT code, name, {g} FROM streets ORDER BY code").all()
            comms = q(f"SELECT code, name, {g} FROM communities ORDER BY code").all()
            version = q("SELECT max(version) FROM catalog_versions").scalar()
            classes = q("SELECT code, name FROM catalog_classes WHERE version = ? ORDER BY code"
                        if store.backend == "sqlite" else
                        "SELECT code, name FROM catalog_classes WHERE version = %s ORDER BY code",
                        (version,)).all()
            cell_rows = q(f"SELECT code, street_code, community_code, cx, cy, {g} FROM "
                          "grid_cells ORDER BY code").all()
            seg_rows = q(f"SELECT id, code, name, road_class, {g} FROM road_segments "
                         "ORDER BY id").all()
            comp_rows = q(f"SELECT code, class_code, {g} FROM components ORDER BY code").all()
            district = q(f"SELECT {g} FROM districts").scalar()
            now = datetime.now()
            chiefs = dict(q(
                "SELECT target_code, person_id FROM assignments WHERE kind = "
                "'road_chief_segment' AND valid_from <= " + ("?" if store.backend == "sqlite"
                                                             else "%s") +
                " AND valid_to IS NULL", (now,)).all())
        street_codes = np.array([s[0] for s in streets], dtype=object)
        comm_codes = np.array([c[0] for c in comms], dtype=object)
        cell_geoms = shapely.from_wkb([bytes(r[5]) for r in cell_rows])
        seg_geoms = shapely.from_wkb([bytes(r[4]) for r in seg_rows])
        comp_geoms = shapely.from_wkb([bytes(r[2]) for r in comp_rows])
        class_codes = np.array([c[0] for c in classes], dtype=object)
        cells = Cells(
            codes=np.array([r[0] for r in cell_rows], dtype=object),
            cx=np.array([r[3] for r in cell_rows], float),
            cy=np.array([r[4] for r in cell_rows], float),
            bounds=shapely.bounds(cell_geoms) if len(cell_geoms) else np.zeros((0, 4)),
            shapes=Ragged.from_geoms(cell_geoms),
            street_idx=np.searchsorted(street_codes, [r[1] for r in cell_rows]),
            community_idx=np.searchsorted(comm_codes, [r[2] for r in cell_rows]))
        segs = Segments(
            ids=np.array([r[0] for r in seg_rows], np.int64),
            codes=np.array([r[1] for r in seg_rows], dtype=object),
            names=np.array([r[2] for r in seg_rows], dtype=object),
            road_class=np.array([ROAD_CLASSES.index(r[3]) for r in seg_rows], np.int8),
            bounds=shapely.bounds(seg_geoms) if len(seg_geoms) else np.zeros((0, 4)),
            shapes=Ragged.from_geoms(seg_geoms),
            chief_id=np.array([chiefs.get(r[1], -1) or -1 for r in seg_rows], np.int64))
        comp_xy = shapely.get_coordinates(comp_geoms) if len(comp_geoms) else np.zeros((0, 2))
        dgeom = shapely.from_wkb(bytes(district)) if district else None
        extent = dgeom.bounds if dgeom is not None else (
            tuple(cells.bounds[:, :2].min(0)) + tuple(cells.bounds[:, 2:].max(0))
            if len(cell_rows) else (0.0, 0.0, 1.0, 1.0))
        sgeoms = shapely.from_wkb([bytes(s[2]) if s[2] else None for s in streets])
        cgeoms = shapely.from_wkb([bytes(c[2]) if c[2] else None for c in comms])
        have_s = np.array([g is not None for g in sgeoms], bool)
        have_c = np.array([g is not None for g in cgeoms], bool)
        label = np.full((len(streets), 2), np.nan)
        if have_s.any():
            label[have_s] = shapely.get_coordinates(
                shapely.point_on_surface(sgeoms[have_s]))
        data = cls(store.srid, street_codes, np.array([s[1] for s in streets], dtype=object),
                   comm_codes, np.array([c[1] for c in comms], dtype=object), class_codes,
                   np.array([c[1] for c in classes], dtype=object), cells, segs, comp_xy,
                   np.searchsorted(class_codes, [r[1] for r in comp_rows]).astype(np.int16),
                   np.array([r[0] for r in comp_rows], dtype=object), _empty_cases(),
                   _shapes(sgeoms, have_s), _shapes(cgeoms, have_c), label,
                   dgeom, tuple(float(v) for v in extent))
        data.places_key = places_key
        data._load_cases(store)
        return data

    def _case_rows(self, store, wheres=(("", ()),)) -> Cases:
        """Cases matching any of the (where, params): one query each, so each can use its
        own index (SQLite answers an OR, or a UNION in id order, by scanning every case)."""
        with store.read() as conn:
            cur = conn.connection.cursor()
            try:
                parts = []
                for where, params in wheres:
                    # no ORDER BY on a filtered query: SQLite would scan in id order rather
                    # than use the index and sort; the rows are sorted below
                    cur.execute(CASE_SELECT + (where or "ORDER BY id"), params)
                    # in chunks: a million rows as Python tuples would take 1.5 GB at once
                    while rows := cur.fetchmany(CHUNK):
                        parts.append(self._cases_from(rows))
            finally:
                cur.close()
        if not parts:
            return _empty_cases()
        if len(parts) == 1 and not wheres[0][0]:
            return parts[0]
        merged = Cases(**{n: np.concatenate([getattr(c, n) for c in parts])
                          for n in Cases.COLUMNS})
        _, first = np.unique(merged.id, return_index=True)  # sorted by id, each once
        return Cases(**{n: getattr(merged, n)[first] for n in Cases.COLUMNS})

    def _cases_from(self, rows: list[tuple]) -> Cases:
        cols = list(zip(*rows, strict=True))

        def idx(values, vocab, dtype):
            lookup = {v: i for i, v in enumerate(vocab)}
            return np.array([lookup.get(v, -1) for v in values], dtype)

        def ints(values):
            return np.array([-1 if v is None else v for v in values], np.int64)
        return Cases(
            id=np.array(cols[0], np.int64), x=np.array(cols[1], float),
            y=np.array(cols[2], float), state=idx(cols[3], STATES, np.int8),
            klass=idx(cols[4], self.classes, np.int16), source=idx(cols[5], SOURCES, np.int8),
            street=idx(cols[6], self.streets, np.int32),
            cell=_lookup_sorted(self.cells.codes, cols[7]),
            segment=ints(cols[8]), department=ints(cols[9]), person=ints(cols[10]),
            chief=ints(cols[11]), reported=_times(cols[12]), deadline=_times(cols[13]),
            warning=_times(cols[14]), closed=_times(cols[15]), updated=_times(cols[16]))

    def _load_cases(self, store) -> None:
        self.cases = self._case_rows(store)
        self._mark(store)

    def _mark(self, store) -> None:
        c = self.cases
        self.mark = {"max_id": int(c.id.max()) if len(c) else 0,
                     "max_updated": int(c.updated.max()) if len(c) else NO_TIME,
                     "count": len(c)}

    def refresh(self, store) -> int:
        """Take in every case changed or added since the last load; returns how many."""
        mark = self.mark
        since = mark.get("max_updated", NO_TIME)
        since_dt = datetime(1970, 1, 1) if since == NO_TIME else \
            (EPOCH + np.timedelta64(since, "s")).astype(datetime)
        p = "?" if store.backend == "sqlite" else "%s"
        stamp = since_dt.isoformat(" ", "microseconds") if store.backend == "sqlite" \
            else since_dt
        delta = self._case_rows(store, ((f"WHERE updated_at >= {p}", (stamp,)),
                                        (f"WHERE id > {p}", (mark.get("max_id", 0),))))
        if len(delta) == 0:
            return 0
        c = self.cases
        pos = np.searchsorted(c.id, delta.id)
        known = (pos < len(c)) & (c.id[np.minimum(pos, len(c) - 1)] == delta.id) \
            if len(c) else np.zeros(len(delta), bool)
        # `updated_at >=` brings back the last rows seen too: count only real changes
        same = known.copy()
        for name in Cases.COLUMNS:
            same[known] &= getattr(c, name)[pos[known]] == getattr(delta, name)[known]
        changed = int((~same).sum())
        if not changed:
            return 0
        for name in Cases.COLUMNS:
            getattr(c, name)[pos[known]] = getattr(delta, name)[known]
        if (~known).any():
            merged = {n: np.concatenate([getattr(c, n), getattr(delta, n)[~known]])
                      for n in Cases.COLUMNS}
            order = np.argsort(merged["id"], kind="stable")
            self.cases = Cases(**{n: v[order] for n, v in merged.items()})
        self._mark(store)
        return changed

    # ---- cache -----------------------------------------------------------------------
    def save(self, path: Path) -> None:
        arrays = {f"case_{n}": getattr(self.cases, n) for n in Cases.COLUMNS}
        arrays.update({
            "streets": self.streets, "street_names": self.street_names,
            "communities": self.communities, "community_names": self.community_names,
            "classes": self.classes, "class_names": self.class_names,
            "cell_codes": self.cells.codes, "cell_cx": self.cells.cx, "cell_cy": self.cells.cy,
            "cell_bounds": self.cells.bounds, "cell_coords": self.cells.shapes.coords,
            "cell_rings": self.cells.shapes.ring_offsets,
            "cell_owner": self.cells.shapes.ring_owner, "cell_street": self.cells.street_idx,
            "cell_community": self.cells.community_idx,
            "seg_ids": self.segments.ids, "seg_codes": self.segments.codes,
            "seg_names": self.segments.names, "seg_class": self.segments.road_class,
            "seg_bounds": self.segments.bounds, "seg_coords": self.segments.shapes.coords,
            "seg_rings": self.segments.shapes.ring_offsets,
            "seg_owner": self.segments.shapes.ring_owner, "seg_chief": self.segments.chief_id,
            "comp_xy": self.components_xy, "comp_class": self.components_class,
            "comp_codes": self.component_codes,
            "street_coords": self.street_shapes.coords,
            "street_rings": self.street_shapes.ring_offsets,
            "street_owner": self.street_shapes.ring_owner, "street_label": self.street_label_xy,
            "comm_coords": self.community_shapes.coords,
            "comm_rings": self.community_shapes.ring_offsets,
            "comm_owner": self.community_shapes.ring_owner,
            "district": np.frombuffer(shapely.to_wkb(self.district), np.uint8)
            if self.district is not None else np.zeros(0, np.uint8),
        })
        meta = {"version": CACHE_VERSION, "srid": self.srid, "extent": self.extent,
                "places_key": self.places_key, **self.mark}
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, meta=np.array(json.dumps(meta)), **{
            k: (v.astype(str) if v.dtype == object else v) for k, v in arrays.items()})
        tmp.replace(path)

    @classmethod
    def _from_cache(cls, store, path: Path) -> MapData | None:
        if not path.exists():
            return None
        try:
            z = np.load(path, allow_pickle=False)
            meta = json.loads(str(z["meta"]))
        except (OSError, ValueError, KeyError):
            return None
        # a re-made store at the same path, or new places, people or assignments: start afresh
        places_key = f"{store.identity}:{store.config_revision()}"
        if meta.get("version") != CACHE_VERSION or meta.get("places_key") != places_key or \
                meta.get("srid") != store.srid:
            return None
        obj = lambda k: z[k].astype(object)  # noqa: E731
        cells = Cells(obj("cell_codes"), z["cell_cx"], z["cell_cy"], z["cell_bounds"],
                      Ragged(z["cell_coords"], z["cell_rings"], z["cell_owner"]),
                      z["cell_street"], z["cell_community"])
        segs = Segments(z["seg_ids"], obj("seg_codes"), obj("seg_names"), z["seg_class"],
                        z["seg_bounds"], Ragged(z["seg_coords"], z["seg_rings"],
                                                z["seg_owner"]), z["seg_chief"])
        cases = Cases(**{n: z[f"case_{n}"].copy() for n in Cases.COLUMNS})
        district = shapely.from_wkb(z["district"].tobytes()) if len(z["district"]) else None
        data = cls(meta["srid"], obj("streets"), obj("street_names"), obj("communities"),
                   obj("community_names"), obj("classes"), obj("class_names"), cells, segs,
                   z["comp_xy"], z["comp_class"], obj("comp_codes"), cases,
                   Ragged(z["street_coords"], z["street_rings"], z["street_owner"]),
                   Ragged(z["comm_coords"], z["comm_rings"], z["comm_owner"]),
                   z["street_label"], district, tuple(meta["extent"]))
        data.mark = {k: meta[k] for k in ("max_id", "max_updated", "count")}
        data.places_key = places_key
        return data


def _shapes(geoms: np.ndarray, have: np.ndarray) -> Ragged:
    """Outlines of the features that have a geometry (owners index the full list)."""
    r = Ragged.from_geoms(geoms[have])
    return Ragged(r.coords, r.ring_offsets, np.flatnonzero(have)[r.ring_owner])


def _lookup_sorted(codes: np.ndarray, values) -> np.ndarray:
    """Index of each value in the sorted `codes` (-1 where absent): vectorised, no dict."""
    if not len(codes):
        return np.full(len(values), -1, np.int32)
    v = np.array([x or "" for x in values], dtype=str)
    i = np.minimum(np.searchsorted(codes.astype(str), v), len(codes) - 1)
    return np.where(codes.astype(str)[i] == v, i, -1).astype(np.int32)


def _times(values) -> np.ndarray:
    out = np.full(len(values), NO_TIME, np.int64)
    present = [i for i, v in enumerate(values) if v is not None]
    if present:
        vals = [values[i] for i in present]
        if isinstance(vals[0], str):
            arr = np.array([v.replace(" ", "T")[:19] for v in vals], dtype="datetime64[s]")
        else:
            arr = np.array(vals, dtype="datetime64[s]")
        out[present] = (arr - EPOCH).astype(np.int64)
    return out


def _empty_cases() -> Cases:
    i64 = np.zeros(0, np.int64)
    return Cases(i64, np.zeros(0), np.zeros(0), np.zeros(0, np.int8), np.zeros(0, np.int16),
                 np.zeros(0, np.int8), np.zeros(0, np.int32), np.zeros(0, np.int32), i64.copy(),
                 i64.copy(), i64.copy(), i64.copy(), i64.copy(), i64.copy(), i64.copy(),
                 i64.copy(), i64.copy())
