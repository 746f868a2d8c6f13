"""The map's data as numpy arrays: cells, segments, components and every case.

Drawing a million points needs arrays, not objects. Case columns are categorical codes
(state, class, source, street); geometry is ragged (one coordinate array plus offsets).

A MapData never changes once built: its arrays are read-only, and taking in what changed in
the store makes a new MapData (render threads keep drawing the one they were given). It
remembers the store's change mark it was read at; "changes after the mark" (no clock involved)
brings it up to date, from the store or from a cache file beside it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from zipfile import BadZipFile

import numpy as np
import shapely

from ..domain.case import CaseState, Source
from ..domain.places import RoadClass
from ..services.hotline import paused_gc
from ..services.reading import NOTHING, NULL_TEXT, Changes, Mark, PlaceRows, ReadModel
from .cache_files import save_arrays, write_behind
from .wkb_arrays import one_ring_polygons, point_xy

STATES = [s.value for s in CaseState]
SOURCES = [s.value for s in Source]
ROAD_CLASSES = [c.value for c in RoadClass]
HANDLING = np.array([CaseState(s).is_handling for s in STATES])
OPEN = np.array([CaseState(s).is_open for s in STATES])
EPOCH = np.datetime64("1970-01-01T00:00:00", "s")
NO_TIME = np.iinfo(np.int64).min  # "no deadline" in an int64 seconds column
CACHE_VERSION = 8
PROGRESS_ROWS = 100_000  # case rows read between two progress reports


def frozen(a: np.ndarray) -> np.ndarray:
    """The array made read-only: an accidental write in place raises instead of racing."""
    a.flags.writeable = False
    return a


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


@dataclass(frozen=True, eq=False)
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
        return _outlines(geoms) or cls._from_ragged_array(geoms)

    @classmethod
    def _from_ragged_array(cls, geoms) -> Ragged:
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


def _outlines_and_bounds(wkb: list[bytes]) -> tuple[Ragged, np.ndarray]:
    """Cells' outlines and bounds from their WKB: one-ring cells read straight from it
    (wkb_arrays), any other through shapely (the same arrays either way)."""
    fast = one_ring_polygons(wkb)
    if fast is not None:
        return Ragged(*fast[:3]), fast[3]
    geoms = shapely.from_wkb(wkb)
    return Ragged.from_geoms(geoms), shapely.bounds(geoms) if len(geoms) else np.zeros((0, 4))


def _points(wkb: list[bytes]) -> np.ndarray:
    """(n, 2) coordinates of point WKBs (read straight from 2-D points, else by shapely)."""
    xy = point_xy(wkb)
    if xy is not None:
        return xy
    geoms = shapely.from_wkb(wkb)
    return shapely.get_coordinates(geoms) if len(geoms) else np.zeros((0, 2))


def _outlines(geoms: np.ndarray) -> Ragged | None:
    """Multipolygons without holes as `to_ragged_array` makes them, each polygon's points
    being its one ring's; None for anything else (holes, Z, empty, other types).

    to_ragged_array takes every ring out as a geometry of its own (a third of a second
    for a city's cells); a polygon without holes has the same points as its ring."""
    if not (shapely.get_type_id(geoms) == shapely.GeometryType.MULTIPOLYGON).all() or \
            shapely.has_z(geoms).any() or shapely.is_empty(geoms).any():
        return None
    parts, owner = shapely.get_parts(geoms, return_index=True)
    if shapely.get_num_interior_rings(parts).any() or shapely.is_empty(parts).any():
        return None
    coords, ring = shapely.get_coordinates(parts, return_index=True)
    offsets = np.zeros(len(parts) + 1, np.int64)
    np.cumsum(np.bincount(ring, minlength=len(parts)), out=offsets[1:])
    return Ragged(coords, offsets, owner.astype(np.int64))


def _ranges(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Concatenation of arange(lo[i], hi[i]) for all i, without a Python loop."""
    lengths = hi - lo
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, np.int64)
    keep = lengths > 0
    lo, lengths = lo[keep], lengths[keep]
    return np.repeat(lo - np.r_[0, np.cumsum(lengths)[:-1]], lengths) + np.arange(total)


@dataclass(frozen=True, eq=False)
class Cells:
    codes: np.ndarray
    cx: np.ndarray
    cy: np.ndarray
    bounds: np.ndarray  # (n, 4)
    shapes: Ragged
    street_idx: np.ndarray
    community_idx: np.ndarray


@dataclass(frozen=True, eq=False)
class Segments:
    ids: np.ndarray
    codes: np.ndarray
    names: np.ndarray
    road_class: np.ndarray  # index into ROAD_CLASSES
    bounds: np.ndarray
    shapes: Ragged
    chief_id: np.ndarray    # current road chief (-1 none)
    roads: np.ndarray       # the road each segment is a stretch of (its name is labelled)


@dataclass(frozen=True, eq=False)
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
    change: np.ndarray       # the store's change number (or transaction id) of its last write
    supervisions: np.ndarray  # 督办 orders received (int16)

    COLUMNS = ("id", "x", "y", "state", "klass", "source", "street", "cell", "segment",
               "department", "person", "chief", "reported", "deadline", "warning", "closed",
               "change", "supervisions")

    def frozen(self) -> Cases:
        for name in self.COLUMNS:
            frozen(getattr(self, name))
        return self

    def take(self, idx: np.ndarray) -> Cases:
        return Cases(**{n: getattr(self, n)[idx] for n in self.COLUMNS})

    @classmethod
    def concat(cls, parts: list[Cases]) -> Cases:
        if not parts:
            return _empty_cases()
        if len(parts) == 1:
            return parts[0]
        return cls(**{n: np.concatenate([getattr(p, n) for p in parts]) for n in cls.COLUMNS})

    def __len__(self) -> int:
        return len(self.id)

    def number(self, i: int) -> str:
        """案卷号 of the case at index `i` (year of report + 8-digit serial)."""
        year = (EPOCH + np.timedelta64(int(self.reported[i]), "s")).astype("datetime64[Y]")
        return f"{year}{int(self.id[i]):08d}"

    def overdue(self, now: int) -> np.ndarray:
        return HANDLING[self.state] & (self.deadline != NO_TIME) & (self.deadline < now)

    def warned(self, now: int) -> np.ndarray:
        return self.due(now)[1]

    def due(self, now: int) -> tuple[np.ndarray, np.ndarray]:
        """(overdue, warned) at `now`, the one worked out once for the other."""
        over = self.overdue(now)
        return over, HANDLING[self.state] & (self.warning != NO_TIME) & \
            (self.warning <= now) & ~over


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: arrays have no ==
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
    mark: Mark = NOTHING          # the store's change mark these arrays were read at
    identity: str = ""            # the store they came from (a re-made store is another)
    places_mark: Mark = NOTHING   # when the place layers were last read (cell image key)
    chiefs_day: str = ""          # the day the road chiefs were read for (they change at 0:00)

    @property
    def places_key(self) -> str:
        """Names the place layers: the cell image beside the store is valid for this key."""
        return f"{self.identity}:{self.places_mark.value}"

    # ---- loading ---------------------------------------------------------------------
    @classmethod
    def load(cls, store, cache: Path | None = None, now: datetime | None = None,
             progress=None, behind: bool = False) -> MapData:
        """Everything the map shows; from the cache when it fits, then brought up to date.

        `progress(done, total, phase)` hears "cache", "places", "cases" (rows read of all)
        and "save" (it may raise to cancel). `behind`: the cache is written on the cache
        writer thread after this returns (cache_files.wait_written waits for it)."""
        now = now or store.now()
        progress = progress or _quiet
        read = store.read_model
        progress(0, 1, "cache")
        data = cls._from_cache(store, cache) if cache else None
        if data is not None and read.mark_is_valid(data.mark):
            fresh, changes = data.refreshed(store, now)
            changed = fresh is not data
            data = fresh
        else:
            # no cyclic collection while every case is read: the build makes no cycles, and
            # each full pass walks all of the client's objects (a fifth of a district's build)
            with paused_gc():
                data = cls._from_store(read, store.srid, store.identity, now, progress)
            changed = True
        if cache and changed:
            if behind:
                write_behind(partial(data.save, cache))
            else:
                progress(0, 1, "save")
                data.save(cache)
        return data

    @classmethod
    def _from_store(cls, read: ReadModel, srid: int, identity: str, now: datetime,
                    progress=None) -> MapData:
        progress = progress or _quiet
        mark = read.mark()  # before reading: a change committed meanwhile comes again later
        progress(0, 2, "places")
        places = cls._places(read.places(now), srid, identity, mark, now)
        total = read.case_count()
        progress(0, total, "cases")
        return replace(places, cases=places._read_cases(read, progress=progress, total=total))

    @classmethod
    def _places(cls, rows: PlaceRows, srid: int, identity: str, mark: Mark,
                now: datetime) -> MapData:
        streets, comms = rows.streets, rows.communities
        cell_rows, seg_rows, comp_rows = rows.cells, rows.segments, rows.components
        street_codes = np.array([s[0] for s in streets], dtype=object)
        comm_codes = np.array([c[0] for c in comms], dtype=object)
        cell_shapes, cell_bounds = _outlines_and_bounds([bytes(r[5]) for r in cell_rows])
        seg_geoms = shapely.from_wkb([bytes(r[4]) for r in seg_rows])
        comp_xy = _points([bytes(r[2]) for r in comp_rows])
        class_codes = np.array([c[0] for c in rows.classes], dtype=object)
        cells = Cells(
            codes=np.array([r[0] for r in cell_rows], dtype=object),
            cx=np.array([r[3] for r in cell_rows], float),
            cy=np.array([r[4] for r in cell_rows], float),
            bounds=cell_bounds,
            shapes=cell_shapes,
            street_idx=sorted_position(street_codes, [r[1] for r in cell_rows]),
            community_idx=sorted_position(comm_codes, [r[2] for r in cell_rows]))
        segs = Segments(
            ids=np.array([r[0] for r in seg_rows], np.int64),
            codes=np.array([r[1] for r in seg_rows], dtype=object),
            names=np.array([r[2] for r in seg_rows], dtype=object),
            road_class=np.array([ROAD_CLASSES.index(r[3]) for r in seg_rows], np.int8),
            bounds=shapely.bounds(seg_geoms) if len(seg_geoms) else np.zeros((0, 4)),
            shapes=Ragged.from_geoms(seg_geoms),
            chief_id=np.array([rows.chiefs.get(r[1], -1) for r in seg_rows], np.int64),
            roads=np.array([r[5] for r in seg_rows], dtype=object))
        dgeom = shapely.from_wkb(rows.district) if rows.district else None
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
        return cls(srid, street_codes, np.array([s[1] for s in streets], dtype=object),
                   comm_codes, np.array([c[1] for c in comms], dtype=object), class_codes,
                   np.array([c[1] for c in rows.classes], dtype=object), cells, segs, comp_xy,
                   sorted_position(class_codes, [r[1] for r in comp_rows]).astype(np.int16),
                   np.array([r[0] for r in comp_rows], dtype=object), _empty_cases(),
                   _shapes(sgeoms, have_s), _shapes(cgeoms, have_c), label,
                   dgeom, tuple(float(v) for v in extent), mark, identity, mark,
                   now.date().isoformat()).frozen()

    def frozen(self) -> MapData:
        """Every array of this MapData made read-only."""
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, np.ndarray):
                frozen(v)
            elif isinstance(v, Cases):
                v.frozen()
            elif isinstance(v, Cells | Segments | Ragged):
                for g in fields(v):
                    w = getattr(v, g.name)
                    if isinstance(w, np.ndarray):
                        frozen(w)
                    elif isinstance(w, Ragged):
                        for h in fields(w):
                            frozen(getattr(w, h.name))
        return self

    def _read_cases(self, read: ReadModel, ids=None, progress=None, total: int = 0) -> Cases:
        # each small batch the store hands over is converted at once, while its values are
        # still in the CPU's cache (gathering 100,000 rows first took half as long again)
        decode = _Decoder(self)
        parts: list[Cases] = []
        done = told = 0
        # every case: column-wise (numbers parsed by the store); some: the rows of those ids
        chunks = read.case_columns() if ids is None else (
            list(zip(*rows, strict=True)) for rows in read.case_rows(ids))
        for cols in chunks:
            parts.append(decode(cols))
            done += len(cols[0])
            if progress and done - told >= PROGRESS_ROWS:
                progress(done, total, "cases")
                told = done
        if progress and done > told:
            progress(done, total, "cases")
        return Cases.concat(parts).frozen()

    def _cases_from_columns(self, cols: list) -> Cases:
        """CASE_COLUMNS' values, one sequence per column, as case arrays."""
        return _Decoder(self)(cols)

    # ---- taking in changes -------------------------------------------------------------
    def refreshed(self, store, now: datetime | None = None) -> tuple[MapData, Changes]:
        """This data brought up to date with everything written after its mark, as a new
        MapData (this one is returned unchanged when nothing was written)."""
        now = now or store.now()
        read = store.read_model
        changes = read.changes(self.mark)
        return self.with_changes(read, changes, now), changes

    def with_changes(self, read: ReadModel, changes: Changes, now: datetime) -> MapData:
        vocab = changes.tables & {"districts", "streets", "communities", "grid_cells",
                                  "road_segments", "components", "catalog_classes",
                                  "catalog_versions"}
        new_day = now.date().isoformat() != self.chiefs_day
        if vocab:
            fresh = self._places(read.places(now), self.srid, self.identity, changes.mark, now)
            if not self._same_vocabulary(fresh):  # cases are coded against these: read all
                return replace(fresh, cases=fresh._read_cases(read))
            # a street renamed, a cell reshaped, a component added: the case arrays stay
            # valid, and the cell image too unless the cells or the district changed
            keep_image = not changes.tables & {"grid_cells", "districts"}
            fresh = replace(fresh, cases=self.cases,
                            places_mark=self.places_mark if keep_image else changes.mark)
            if changes.case_ids or changes.deleted_cases:
                fresh = replace(fresh, cases=fresh._merged(read, changes))
            return fresh
        data = self
        if "assignments" in changes.tables or new_day:  # who is road chief where, today
            chiefs = read.places(now).chiefs
            segs = replace(self.segments, chief_id=frozen(np.array(
                [chiefs.get(c, -1) for c in self.segments.codes], np.int64)))
            data = replace(data, segments=segs, chiefs_day=now.date().isoformat())
        if changes.case_ids or changes.deleted_cases:
            data = replace(data, cases=data._merged(read, changes))
        if data is self and changes.mark == self.mark:
            return self
        return replace(data, mark=changes.mark)

    def _same_vocabulary(self, other: MapData) -> bool:
        """The same streets, classes and cells, in the same order: case arrays coded against
        one are valid for the other."""
        return (np.array_equal(self.streets, other.streets)
                and np.array_equal(self.classes, other.classes)
                and np.array_equal(self.cells.codes, other.cells.codes))

    def _merged(self, read: ReadModel, changes: Changes) -> Cases:
        """The case arrays with the changed rows read again and the deleted ones gone."""
        c = self.cases
        delta = self._read_cases(read, changes.case_ids) if changes.case_ids \
            else _empty_cases()
        gone = np.fromiter(changes.deleted_cases, np.int64, len(changes.deleted_cases))
        keep = ~np.isin(c.id, np.concatenate([delta.id, gone]))
        merged = Cases.concat([c.take(np.flatnonzero(keep)), delta])
        order = np.argsort(merged.id, kind="stable")
        return merged.take(order).frozen()

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
            "seg_roads": self.segments.roads,
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
                "identity": self.identity, "mark": self.mark.value,
                "places_mark": self.places_mark.value, "chiefs_day": self.chiefs_day}
        save_arrays(path, meta=np.array(json.dumps(meta)), **{
            k: (v.astype(str) if v.dtype == object else v) for k, v in arrays.items()})

    @classmethod
    def _from_cache(cls, store, path: Path) -> MapData | None:
        if not path.exists():
            return None
        try:
            z = np.load(path, allow_pickle=False)
            meta = json.loads(str(z["meta"]))
        except (OSError, ValueError, KeyError, EOFError, BadZipFile):  # (a file cut short)
            return None
        # a re-made store at the same path, or another CRS: start afresh
        if meta.get("version") != CACHE_VERSION or meta.get("identity") != store.identity or \
                meta.get("srid") != store.srid:
            return None
        obj = lambda k: z[k].astype(object)  # noqa: E731
        cells = Cells(obj("cell_codes"), z["cell_cx"], z["cell_cy"], z["cell_bounds"],
                      Ragged(z["cell_coords"], z["cell_rings"], z["cell_owner"]),
                      z["cell_street"], z["cell_community"])
        segs = Segments(z["seg_ids"], obj("seg_codes"), obj("seg_names"), z["seg_class"],
                        z["seg_bounds"], Ragged(z["seg_coords"], z["seg_rings"],
                                                z["seg_owner"]), z["seg_chief"],
                        obj("seg_roads"))
        cases = Cases(**{n: z[f"case_{n}"] for n in Cases.COLUMNS})
        district = shapely.from_wkb(z["district"].tobytes()) if len(z["district"]) else None
        return cls(meta["srid"], obj("streets"), obj("street_names"), obj("communities"),
                   obj("community_names"), obj("classes"), obj("class_names"), cells, segs,
                   z["comp_xy"], z["comp_class"], obj("comp_codes"), cases,
                   Ragged(z["street_coords"], z["street_rings"], z["street_owner"]),
                   Ragged(z["comm_coords"], z["comm_rings"], z["comm_owner"]),
                   z["street_label"], district, tuple(meta["extent"]), Mark(meta["mark"]),
                   meta["identity"], Mark(meta["places_mark"]), meta["chiefs_day"]).frozen()


def sorted_position(vocab: np.ndarray, values: list) -> np.ndarray:
    """`np.searchsorted(vocab, values)` of a sorted object array, found by a dict.

    searchsorted on Python strings compares them one call at a time (a third of a second
    for a city's cells); a value in the vocabulary is its first position there, the rest
    (and any vocabulary not sorted) go through searchsorted itself, so the answer is its."""
    v = vocab.tolist()
    if any(a > b for a, b in zip(v, v[1:], strict=False)):  # not sorted: its own answer
        return np.searchsorted(vocab, values)
    first = _Codes(zip(reversed(v), range(len(v) - 1, -1, -1), strict=True))  # first of equals
    out = np.fromiter(map(first.__getitem__, values), np.intp, len(values))
    missing = np.flatnonzero(out < 0)
    if len(missing):
        out[missing] = np.searchsorted(vocab, [values[i] for i in missing])
    return out


def _quiet(done: int, total: int, phase: str) -> None:
    pass


def _shapes(geoms: np.ndarray, have: np.ndarray) -> Ragged:
    """Outlines of the features that have a geometry (owners index the full list)."""
    r = Ragged.from_geoms(geoms[have])
    return Ragged(r.coords, r.ring_offsets, np.flatnonzero(have)[r.ring_owner])


class _Codes(dict):
    """Value → index; -1 for any other value (None included)."""

    def __missing__(self, key) -> int:
        return -1


def _codes(vocab) -> _Codes:
    return _Codes((v, i) for i, v in enumerate(vocab))


class _Decoder:
    """Case rows' columns (CASE_COLUMNS) as case arrays, coded against one MapData's
    vocabularies (tests/app/test_map_build.py holds the value-by-value build they equal)."""

    def __init__(self, data) -> None:
        self.state, self.source = _codes(STATES), _codes(SOURCES)
        self.klass, self.street = _codes(data.classes), _codes(data.streets)
        # cells by code (sorted, distinct); a case without a cell is looked up as ""
        self.cell = _codes(data.cells.codes.astype(str).tolist())
        if "" in self.cell:
            self.cell[None] = self.cell[NULL_TEXT] = self.cell[""]

    def __call__(self, cols: list) -> Cases:
        return Cases(
            id=np.array(cols[0], np.int64), x=np.array(cols[1], float),
            y=np.array(cols[2], float), state=_coded(cols[3], self.state, np.int8),
            klass=_coded(cols[4], self.klass, np.int16),
            source=_coded(cols[5], self.source, np.int8),
            street=_coded(cols[6], self.street, np.int32),
            cell=_coded(cols[7], self.cell, np.int32),
            segment=_ints(cols[8]), department=_ints(cols[9]), person=_ints(cols[10]),
            chief=_ints(cols[11]), reported=_times(cols[12]), deadline=_times(cols[13]),
            warning=_times(cols[14]), closed=_times(cols[15]), change=_ints(cols[16]),
            supervisions=_ints(cols[17], 0).astype(np.int16))


def _coded(values, codes: _Codes, dtype) -> np.ndarray:
    """Index of each value (-1 where absent or None)."""
    # map() over the dict's __getitem__ runs in C: ~2× a comprehension calling .get()
    return np.fromiter(map(codes.__getitem__, values), dtype, len(values))


def _ints(values, none: int = -1) -> np.ndarray:
    """Integers as int64, `none` for None (an array: as the store parsed them)."""
    if isinstance(values, np.ndarray):
        return values.astype(np.int64, copy=False)
    return np.array([none if v is None else v for v in values], np.int64)


def _times(values) -> np.ndarray:
    """Times as int64 seconds since 1970 (NO_TIME for None): the store's text times
    ("YYYY-MM-DD HH:MM:SS.ffffff", cut to the second) parsed by numpy in one call (byte
    strings: the store cut them already)."""
    if isinstance(values, np.ndarray) and values.dtype.kind == "S":
        return values.astype("S19").astype("datetime64[s]").view(np.int64)
    a = np.array(values, dtype=object)
    missing = np.equal(a, None)
    if missing.all():
        return np.full(len(values), NO_TIME, np.int64)
    if isinstance(a[np.argmin(missing)], str):  # the first value given
        # numpy reads "T" or " " between date and time, and "" as NaT, whose int64 is
        # NO_TIME; the cast to S19 keeps the first 19 characters of each; datetime64[s]
        # counts seconds from 1970 (EPOCH) already
        a[missing] = ""
        return a.astype("S19").astype("datetime64[s]").view(np.int64)
    out = np.full(len(values), NO_TIME, np.int64)
    out[~missing] = (np.array(a[~missing].tolist(), dtype="datetime64[s]") - EPOCH
                     ).astype(np.int64)
    return out


def _empty_cases() -> Cases:
    i64 = np.zeros(0, np.int64)
    return Cases(i64, np.zeros(0), np.zeros(0), np.zeros(0, np.int8), np.zeros(0, np.int16),
                 np.zeros(0, np.int8), np.zeros(0, np.int32), np.zeros(0, np.int32), i64.copy(),
                 i64.copy(), i64.copy(), i64.copy(), i64.copy(), i64.copy(), i64.copy(),
                 i64.copy(), i64.copy(), np.zeros(0, np.int16)).frozen()
