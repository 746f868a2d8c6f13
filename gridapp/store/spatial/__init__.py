"""What differs between SpatiaLite and PostGIS: metadata set-up and spatial SQL."""

from __future__ import annotations

from typing import Protocol


class SpatialDialect(Protocol):
    name: str

    def point(self, x: str, y: str, srid: int) -> str:
        """SQL for a point from two bind-parameter expressions."""

    def from_wkb(self, wkb: str, srid: int) -> str:
        """SQL for a geometry from a WKB bind parameter, forced to multi where needed."""

    def as_wkb(self, column: str) -> str:
        """SQL returning the column as ISO WKB."""

    def locate_cell(self, srid: int) -> str:
        """SQL taking :x, :y returning code, community_code, street_code of the cell under it."""

    def nearest_segment(self, srid: int) -> str:
        """SQL taking :x, :y, :tol returning id, distance of the nearest segment within :tol."""

    def bbox_ids(self, table: str) -> str:
        """SQL taking :xmin, :ymin, :xmax, :ymax returning ids whose bbox meets the window."""

    def point_expr(self, x, y, srid: int):
        """A SQLAlchemy expression building a point from two column/bind expressions."""

    def init_srid(self, srid: int) -> str:
        """SQL making the store's SRID known to the database."""

    def overlapping_cells(self, where: str) -> str:
        """SQL taking :min_area returning (code, code, area) of overlapping cell pairs whose
        first cell meets `where`."""


def dialect_for(backend: str) -> SpatialDialect:
    if backend == "sqlite":
        from .spatialite import SpatiaLite
        return SpatiaLite()
    if backend == "postgresql":
        from .postgis import PostGIS
        return PostGIS()
    raise ValueError(f"unsupported database backend {backend!r}: use SQLite or PostgreSQL")
