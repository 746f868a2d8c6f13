"""Place lookups: the cell under a point and the nearest segment, through the spatial index."""

from __future__ import annotations

import functools

import numpy as np
import shapely
from sqlalchemy import Connection, select, text

from ..domain.gazetteer import Gazetteer, NamedPlace
from ..domain.place_index import PlaceIndex
from ..domain.places import LocatedPoints, Location
from ..services.ports import ComponentInfo
from ..services.progress import CHUNK, Progress, quiet
from . import models as m
from .cache import CacheView
from .changes import log_table
from .spatial import SpatialDialect

SEG = m.RoadSegment.__table__
COMP = m.Component.__table__


@functools.lru_cache(maxsize=8)
def _lookups(spatial: SpatialDialect, srid: int):
    """The cell and segment lookups, compiled once (a unit of work per action would parse
    their SQL each time)."""
    return text(spatial.locate_cell(srid)), text(spatial.nearest_segment(srid))


class SqlPlaceRepository:
    def __init__(self, conn: Connection, spatial: SpatialDialect, srid: int,
                 view: CacheView | None = None) -> None:
        self.conn, self.spatial, self.view = conn, spatial, view
        self._cell, self._segment = _lookups(spatial, srid)

    def index(self) -> PlaceIndex:
        """Every cell and segment in memory (cached until places or config change)."""
        cur = self.view.current()
        if "place_index" not in cur:
            wkb = self.spatial.as_wkb("geom")
            cells = self.conn.exec_driver_sql(f"SELECT code, {wkb} FROM grid_cells").all()
            segs = self.conn.exec_driver_sql(f"SELECT id, code, {wkb} FROM road_segments").all()
            cur["place_index"] = PlaceIndex(
                [c[0] for c in cells], shapely.from_wkb([bytes(c[1]) for c in cells]),
                [s[0] for s in segs], [s[1] for s in segs],
                shapely.from_wkb([bytes(s[2]) for s in segs]))
        return cur["place_index"]

    def gazetteer(self) -> Gazetteer:
        """Names of roads, communities, streets, landmarks and components with their shapes
        (cached until places change): addresses are located against it."""
        cur = self.view.current()
        if "gazetteer" not in cur:
            wkb = self.spatial.as_wkb("geom")
            queries = {
                "road": f"SELECT road_name, '', {wkb} FROM road_segments",
                "community": f"SELECT name, code, {wkb} FROM communities",
                "street": f"SELECT name, code, {wkb} FROM streets",
                "landmark": f"SELECT name, kind, {wkb} FROM landmarks",
                "component": f"SELECT name, code, {wkb} FROM components",
            }
            places = []
            for kind, sql in queries.items():
                rows = self.conn.exec_driver_sql(sql).all()
                geoms = shapely.from_wkb([bytes(r[2]) if r[2] is not None else None
                                          for r in rows])
                places += [NamedPlace(kind, r[0] or "", g, r[1] or "")
                           for r, g in zip(rows, geoms, strict=True)]
            cur["gazetteer"] = Gazetteer(places)
        return cur["gazetteer"]

    def district_area(self):
        """The district's boundary (store CRS), or None when the store has none yet."""
        raw = self.conn.exec_driver_sql(f"SELECT {self.spatial.as_wkb('geom')} FROM districts "
                                        "WHERE geom IS NOT NULL").scalar()
        return shapely.from_wkb(bytes(raw)) if raw is not None else None

    def locate_many(self, x, y, tolerance: float, known=None) -> LocatedPoints:
        index = self.index()
        if known is not None and known[0] is index:  # the places have not changed since
            return index.locate_many(x, y, tolerance, known[1])
        return index.locate_many(x, y, tolerance)

    def locate(self, x: float, y: float, tolerance: float) -> Location:
        cell = self.conn.execute(self._cell, {"x": x, "y": y}).first()
        if cell is None:
            return Location()
        seg = self.conn.execute(self._segment, {"x": x, "y": y, "tol": tolerance}).first() \
            if tolerance > 0 else None
        return Location(cell.code, cell.community_code, cell.street_code,
                        seg.id if seg else None, float(seg.d) if seg else None,
                        segment_code=seg.code if seg else None)

    def component(self, code: str) -> ComponentInfo | None:
        r = self.conn.execute(select(COMP.c.code, COMP.c.class_code, COMP.c.owner_department_id)
                              .where(COMP.c.code == code)).first()
        return ComponentInfo(r.code, r.class_code, r.owner_department_id) if r else None

    def segment_code(self, segment_id: int) -> str | None:
        return self.conn.execute(select(SEG.c.code).where(SEG.c.id == segment_id)).scalar()

    def segment_id(self, code: str) -> int | None:
        return self.conn.execute(select(SEG.c.id).where(SEG.c.code == code)).scalar()


class PlaceWriter:
    """Bulk writes of place layers in one transaction (the driver's executemany, WKB
    geometry; shapes measured with shapely's vectorised calls)."""

    def __init__(self, conn: Connection, spatial: SpatialDialect, srid: int,
                 view: CacheView | None = None) -> None:
        self.conn, self.spatial, self.srid, self.view = conn, spatial, srid, view

    def _insert(self, table: str, columns: dict[str, list], geoms, multi: bool = True,
                progress: Progress | None = None) -> int:
        """Rows given column-wise plus their geometries, straight to the driver (SQLAlchemy's
        per-row parameter handling would cost as much as the spatial index)."""
        n = len(geoms)
        if not n:
            return 0
        progress = progress or quiet
        mark = "?" if self.conn.dialect.name == "sqlite" else "%s"
        geom = self.spatial.from_wkb(mark, self.srid) if multi \
            else self.spatial.point_from_wkb(mark, self.srid)
        seq = log_table(self.conn, table)  # one change number: the row triggers stay idle
        wkb = [None if g is None else w for g, w in
               zip(geoms, shapely.to_wkb(np.asarray(geoms, dtype=object)), strict=True)]
        sql = (f"INSERT INTO {table} ({', '.join(columns)}, geom, change_seq) VALUES "
               f"({', '.join(mark for _ in columns)}, {geom}, {seq})")
        rows = list(zip(*columns.values(), wkb, strict=True))
        for start in range(0, n, CHUNK):  # the spatial index is most of the time: report it
            progress(start, n, f"writing {table}")
            self.conn.exec_driver_sql(sql, rows[start:start + CHUNK])
        progress(n, n, f"writing {table}")
        if self.view is not None:
            self.view.bump()  # cached place indexes and scopes are out of date
        return n

    def existing_codes(self, table: str) -> set[str]:
        return set(self.conn.execute(text(f"SELECT code FROM {table}")).scalars())

    def areas(self, table: str, areas, parent_column: str | None = None,
              progress: Progress | None = None) -> int:
        cols = {"code": [a.code for a in areas], "name": [a.name for a in areas]}
        if parent_column:
            cols[parent_column] = [a.parent_code for a in areas]
        return self._insert(table, cols, [a.geometry for a in areas], progress=progress)

    def cells(self, cells, progress: Progress | None = None) -> int:
        geoms = np.array([c.geometry for c in cells], dtype=object)
        inside = shapely.point_on_surface(geoms) if len(geoms) else geoms
        cols = {"code": [c.code for c in cells],
                "community_code": [c.community_code for c in cells],
                "street_code": [c.street_code for c in cells],
                "area_m2": shapely.area(geoms).tolist() if len(geoms) else [],
                "cx": shapely.get_x(inside).tolist() if len(geoms) else [],
                "cy": shapely.get_y(inside).tolist() if len(geoms) else []}
        return self._insert("grid_cells", cols, geoms, progress=progress)

    def segments(self, segments, progress: Progress | None = None) -> int:
        geoms = np.array([s.geometry for s in segments], dtype=object)
        cols = {"code": [s.code for s in segments], "road_name": [s.road_name for s in segments],
                "road_class": [s.road_class.value for s in segments],
                "name": [s.name for s in segments],
                "length_m": shapely.length(geoms).tolist() if len(geoms) else []}
        return self._insert("road_segments", cols, geoms, progress=progress)

    def components(self, components, department_ids: dict[str, int],
                   progress: Progress | None = None) -> int:
        cols = {"code": [c.code for c in components],
                "class_code": [c.class_code for c in components],
                "name": [c.name for c in components],
                "owner_department_id": [department_ids.get(c.owner_department_code or "")
                                        for c in components],
                "status": ["normal"] * len(components)}
        return self._insert("components", cols, [c.geometry for c in components], multi=False,
                            progress=progress)

    def landmarks(self, landmarks, progress: Progress | None = None) -> int:
        cols = {"name": [m.name for m in landmarks], "kind": [m.kind for m in landmarks]}
        return self._insert("landmarks", cols, [m.geometry for m in landmarks], multi=False,
                            progress=progress)

    def counts(self) -> dict[str, int]:
        return {t: self.conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                for t in ("districts", "streets", "communities", "grid_cells", "road_segments",
                          "components")}
