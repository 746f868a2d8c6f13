"""SpatiaLite: the R*Tree is used only when a query joins idx_<table>_geom explicitly."""

from __future__ import annotations


class SpatiaLite:
    name = "sqlite"

    def point(self, x: str, y: str, srid: int) -> str:
        return f"MakePoint({x}, {y}, {srid})"

    def from_wkb(self, wkb: str, srid: int) -> str:
        return f"CastToMulti(GeomFromWKB({wkb}, {srid}))"

    def point_from_wkb(self, wkb: str, srid: int) -> str:
        return f"GeomFromWKB({wkb}, {srid})"

    def as_wkb(self, column: str) -> str:
        return f"AsBinary({column})"

    def locate_cell(self, srid: int) -> str:
        return (
            "SELECT c.code, c.community_code, c.street_code FROM idx_grid_cells_geom r "
            "JOIN grid_cells c ON c.id = r.pkid "
            "WHERE r.xmin <= :x AND r.xmax >= :x AND r.ymin <= :y AND r.ymax >= :y "
            f"AND Intersects(c.geom, MakePoint(:x, :y, {srid})) ORDER BY c.code LIMIT 1")

    def nearest_segment(self, srid: int) -> str:
        return (
            f"SELECT s.id, s.code, Distance(s.geom, MakePoint(:x, :y, {srid})) AS d "
            "FROM idx_road_segments_geom r JOIN road_segments s ON s.id = r.pkid "
            "WHERE r.xmin <= :x + :tol AND r.xmax >= :x - :tol "
            "AND r.ymin <= :y + :tol AND r.ymax >= :y - :tol "
            "AND d <= :tol ORDER BY d, s.id LIMIT 1")

    def bbox_ids(self, table: str) -> str:
        return (f"SELECT pkid FROM idx_{table}_geom WHERE xmin <= :xmax AND xmax >= :xmin "
                "AND ymin <= :ymax AND ymax >= :ymin")

    def overlapping_cells(self, where: str) -> str:
        """Pairs of cells (a meets `where`) whose overlap exceeds :min_area m², through the
        R*Tree (code_a, code_b, area)."""
        return (
            "SELECT a.code, b.code, ST_Area(ST_Intersection(a.geom, b.geom)) AS area "
            "FROM grid_cells a JOIN idx_grid_cells_geom r ON r.xmin <= MbrMaxX(a.geom) "
            "AND r.xmax >= MbrMinX(a.geom) AND r.ymin <= MbrMaxY(a.geom) "
            "AND r.ymax >= MbrMinY(a.geom) JOIN grid_cells b ON b.id = r.pkid AND b.id <> a.id "
            f"WHERE ({where}) AND ST_Intersects(a.geom, b.geom) AND area > :min_area")

    def init_srid(self, srid: int) -> str:
        # init_mode WGS84 loads only WGS84 systems; the store's CRS is added on creation.
        return f"SELECT InsertEpsgSrid({srid}) WHERE NOT EXISTS (SELECT 1 FROM spatial_ref_sys WHERE srid = {srid})"

    def uses_index(self, explain_rows: list[str]) -> bool:
        return any("idx_" in r for r in explain_rows)

    def point_expr(self, x, y, srid: int):
        from sqlalchemy import func
        return func.MakePoint(x, y, srid)
