"""PostGIS: GiST indexes are used by the planner without help."""

from __future__ import annotations


class PostGIS:
    name = "postgresql"

    def point(self, x: str, y: str, srid: int) -> str:
        return f"ST_SetSRID(ST_MakePoint({x}, {y}), {srid})"

    def from_wkb(self, wkb: str, srid: int) -> str:
        return f"ST_Multi(ST_GeomFromWKB({wkb}, {srid}))"

    def point_from_wkb(self, wkb: str, srid: int) -> str:
        return f"ST_GeomFromWKB({wkb}, {srid})"

    def as_wkb(self, column: str) -> str:
        return f"ST_AsBinary({column})"

    def locate_cell(self, srid: int) -> str:
        return ("SELECT code, community_code, street_code FROM grid_cells "
                f"WHERE ST_Intersects(geom, ST_SetSRID(ST_MakePoint(:x, :y), {srid})) "
                "ORDER BY code LIMIT 1")

    def nearest_segment(self, srid: int) -> str:
        pt = f"ST_SetSRID(ST_MakePoint(:x, :y), {srid})"
        return (f"SELECT id, code, ST_Distance(geom, {pt}) AS d FROM road_segments "
                f"WHERE ST_DWithin(geom, {pt}, :tol) ORDER BY d, id LIMIT 1")

    def bbox_ids(self, table: str) -> str:
        return (f"SELECT id FROM {table} WHERE geom && "
                "ST_MakeEnvelope(:xmin, :ymin, :xmax, :ymax, ST_SRID(geom))")

    def overlapping_cells(self, where: str) -> str:
        """Pairs of cells (a meets `where`) whose overlap exceeds :min_area m²."""
        return (
            "SELECT a.code, b.code, ST_Area(ST_Intersection(a.geom, b.geom)) AS area "
            "FROM grid_cells a JOIN grid_cells b ON a.geom && b.geom AND b.id <> a.id "
            f"WHERE ({where}) AND ST_Intersects(a.geom, b.geom) "
            "AND ST_Area(ST_Intersection(a.geom, b.geom)) > :min_area")

    def init_srid(self, srid: int) -> str:
        return "SELECT 1"

    def uses_index(self, explain_rows: list[str]) -> bool:
        return any("Index" in r for r in explain_rows)

    def point_expr(self, x, y, srid: int):
        from sqlalchemy import func
        return func.ST_SetSRID(func.ST_MakePoint(x, y), srid)
