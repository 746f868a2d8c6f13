"""Files in, unit grid out: a district boundary (+ code list or community polygons)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely

from ..analysis.grid import as_multi
from ..analysis.grid_builder import GridResult, Seed, build_from_communities, build_from_seeds
from ..domain.places import Area
from .adcode import read_adcodes
from .crs import lonlat_to_store
from .errors import ImportRejected, ValidationReport
from .places_import import ImportOptions, LayerKind, read_places, to_store_crs
from .vector import read_vector


def read_boundary(path: Path, opts: ImportOptions, srid: int):
    """The district polygon in the store CRS (all features of the file dissolved)."""
    data = read_vector(path, opts.layer, opts.encoding)
    report = ValidationReport()
    geoms = to_store_crs(np.asarray(data.frame.geometry.values), data.crs, opts, srid,
                         path.name, report)
    if report:
        raise ImportRejected(report)
    boundary = shapely.union_all(geoms)
    if boundary.geom_type not in ("Polygon", "MultiPolygon") or boundary.is_empty:
        report.add(path.name, None, "geometry", f"a district boundary must be a polygon, "
                   f"found {boundary.geom_type}")
        raise ImportRejected(report)
    if not boundary.is_valid:
        if not opts.repair:
            report.add(path.name, None, "geometry", "invalid boundary: "
                       f"{shapely.is_valid_reason(boundary)} (--repair makes it valid)")
            raise ImportRejected(report)
        boundary = shapely.make_valid(boundary)
    return as_multi(boundary)


def build_grid(boundary: Path, district_code: str, district_name: str, srid: int,
               opts: ImportOptions, codes: Path | None = None,
               communities: Path | None = None, size: float = 100.0,
               progress=None) -> GridResult:
    """A coded unit grid for a real district: from community polygons, else a code list."""
    geom = read_boundary(Path(boundary), opts, srid)
    district = Area(district_code, district_name, geom)
    street_list, community_list = ([], []) if codes is None else \
        read_adcodes(Path(codes), district_code)
    if communities is not None:
        layers, _ = read_places(communities, LayerKind.COMMUNITIES, srid,
                                ImportOptions(fields=opts.fields, crs=opts.crs,
                                              coords=opts.coords, repair=opts.repair))
        return build_from_communities(district, layers.communities,
                                      {s.code: s.name for s in street_list}, size, progress)
    if not community_list:
        report = ValidationReport()
        report.add(Path(boundary).name, None, None, "give the communities: a code list "
                   "(--codes) or community polygons (--communities)")
        raise ImportRejected(report)

    def seeds(items):
        pts = [(i.lon, i.lat) for i in items if i.lon is not None]
        if not pts:
            return [Seed(i.code, i.name, None) for i in items]
        system = opts.coords or "wgs84"
        xs, ys = lonlat_to_store([p[0] for p in pts], [p[1] for p in pts], system, srid)
        it = iter(zip(xs.tolist(), ys.tolist(), strict=True))
        return [Seed(i.code, i.name, next(it) if i.lon is not None else None) for i in items]
    return build_from_seeds(district, seeds(street_list), seeds(community_list), size,
                            progress=progress)
