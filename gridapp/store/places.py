"""Place lookups: the cell under a point and the nearest segment, through the spatial index."""

from __future__ import annotations

import shapely
from sqlalchemy import Connection, select, text

from ..domain.gazetteer import Gazetteer, NamedPlace
from ..domain.place_index import PlaceIndex
from ..domain.places import LocatedPoints, Location
from ..services.ports import ComponentInfo
from . import models as m
from .cache import CacheView
from .changes import log_table
from .spatial import SpatialDialect

SEG = m.RoadSegment.__table__
COMP = m.Component.__table__


class SqlPlaceRepository:
    def __init__(self, conn: Connection, spatial: SpatialDialect, srid: int,
                 view: CacheView | None = None) -> None:
        self.conn, self.spatial, self.view = conn, spatial, view
        self._cell = text(spatial.locate_cell(srid))
        self._segment = text(spatial.nearest_segment(srid))

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

    def locate_many(self, x, y, tolerance: float) -> LocatedPoints:
        return self.index().locate_many(x, y, tolerance)

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
    """Bulk writes of place layers in one transaction (executemany with WKB geometry)."""

    def __init__(self, conn: Connection, spatial: SpatialDialect, srid: int,
                 view: CacheView | None = None) -> None:
        self.conn, self.spatial, self.srid, self.view = conn, spatial, srid, view

    def _insert(self, table: str, columns: list[str], rows: list[dict], multi: bool = True) -> int:
        if not rows:
            return 0
        geom = self.spatial.from_wkb(":wkb", self.srid) if multi \
            else self.spatial.point_from_wkb(":wkb", self.srid)
        seq = log_table(self.conn, table)  # one change number: the row triggers stay idle
        sql = (f"INSERT INTO {table} ({', '.join(columns)}, geom, change_seq) VALUES "
               f"({', '.join(':' + c for c in columns)}, {geom}, {seq})")
        self.conn.execute(text(sql), rows)
        if self.view is not None:
            self.view.bump()  # cached place indexes and scopes are out of date
        return len(rows)

    def existing_codes(self, table: str) -> set[str]:
        return set(self.conn.execute(text(f"SELECT code FROM {table}")).scalars())

    def areas(self, table: str, areas, parent_column: str | None = None) -> int:
        cols = ["code", "name"] + ([parent_column] if parent_column else [])
        rows = []
        for a in areas:
            row = {"code": a.code, "name": a.name,
                   "wkb": shapely.to_wkb(a.geometry) if a.geometry is not None else None}
            if parent_column:
                row[parent_column] = a.parent_code
            rows.append(row)
        return self._insert(table, cols, rows)

    def cells(self, cells) -> int:
        rows = []
        for c in cells:
            centroid = c.geometry.representative_point()
            rows.append({"code": c.code, "community_code": c.community_code,
                         "street_code": c.street_code, "area_m2": c.geometry.area,
                         "cx": centroid.x, "cy": centroid.y, "wkb": shapely.to_wkb(c.geometry)})
        return self._insert("grid_cells", ["code", "community_code", "street_code", "area_m2",
                                           "cx", "cy"], rows)

    def segments(self, segments) -> int:
        rows = [{"code": s.code, "road_name": s.road_name, "road_class": s.road_class.value,
                 "name": s.name, "length_m": s.geometry.length, "wkb": shapely.to_wkb(s.geometry)}
                for s in segments]
        return self._insert("road_segments", ["code", "road_name", "road_class", "name",
                                              "length_m"], rows)

    def components(self, components, department_ids: dict[str, int]) -> int:
        rows = [{"code": c.code, "class_code": c.class_code, "name": c.name,
                 "owner_department_id": department_ids.get(c.owner_department_code or ""),
                 "status": "normal", "wkb": shapely.to_wkb(c.geometry)} for c in components]
        return self._insert("components", ["code", "class_code", "name", "owner_department_id",
                                           "status"], rows, multi=False)

    def landmarks(self, landmarks) -> int:
        rows = [{"name": m.name, "kind": m.kind, "wkb": shapely.to_wkb(m.geometry)}
                for m in landmarks]
        return self._insert("landmarks", ["name", "kind"], rows, multi=False)

    def counts(self) -> dict[str, int]:
        return {t: self.conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                for t in ("districts", "streets", "communities", "grid_cells", "road_segments",
                          "components")}
