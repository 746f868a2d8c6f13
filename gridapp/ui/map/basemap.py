"""Offline basemap: MBTiles (or an XYZ tile folder) warped onto the store's projection.

Tiles are Web Mercator; each one is drawn with the projective transform that takes its
corners to where they fall on the map, which is exact to a fraction of a pixel at tile size.
Tilesets in GCJ-02 (Amap style) say so in their metadata (`gridapp:datum`) and are shifted.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QPolygonF, QTransform

from ...app.viewport import Viewport
from ...io.crs import from_wgs84, transformer

HALF = 20037508.342789244


class TileSource:
    """Tiles by (z, x, y) from an MBTiles file or a {z}/{x}/{y}.png folder."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.folder = self.path.is_dir()
        self._local = threading.local()
        self.meta = self._meta()
        self.minzoom = int(self.meta.get("minzoom", 0))
        self.maxzoom = int(self.meta.get("maxzoom", 18))
        self.datum = self.meta.get("gridapp:datum", "wgs84")
        self._cache: OrderedDict[tuple, QImage | None] = OrderedDict()
        self._lock = threading.Lock()

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:  # one connection per thread (render threads)
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def _meta(self) -> dict[str, str]:
        if self.folder:
            return {}
        return dict(self._db().execute("SELECT name, value FROM metadata").fetchall())

    def tile(self, z: int, x: int, y: int) -> QImage | None:
        key = (z, x, y)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        if self.folder:
            p = self.path / str(z) / str(x) / f"{y}.png"
            data = p.read_bytes() if p.exists() else None
        else:
            row = self._db().execute(
                "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND "
                "tile_row=?", (z, x, (1 << z) - 1 - y)).fetchone()
            data = row[0] if row else None
        img = QImage.fromData(data) if data else None
        with self._lock:
            self._cache[key] = img
            while len(self._cache) > 600:
                self._cache.popitem(last=False)
        return img


def draw_basemap(painter: QPainter, source: TileSource, vp: Viewport, srid: int) -> int:
    """Paint the tiles covering the view; returns how many were drawn."""
    to_ll = transformer(srid, 4326)
    to_store = transformer(4326, srid)
    minx, miny, maxx, maxy = vp.extent
    lon, lat = to_ll.transform(np.array([minx, maxx, minx, maxx]),
                               np.array([miny, miny, maxy, maxy]))
    if source.datum == "gcj02":
        lon, lat = from_wgs84(lon, lat, "gcj02")
    mx = np.radians(lon) * 6378137.0
    my = np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)) * 6378137.0
    # tile zoom whose pixels are about the view's: metres per mercator pixel at this latitude
    scale = 1 / math.cos(math.radians(float(np.mean(lat))))
    z = int(round(math.log2(2 * HALF / 256 / (vp.res * scale))))
    z = max(source.minzoom, min(source.maxzoom, z))
    size = 2 * HALF / (1 << z)
    x0, x1 = int((mx.min() + HALF) // size), int((mx.max() + HALF) // size)
    y0, y1 = int((HALF - my.max()) // size), int((HALF - my.min()) // size)
    if (x1 - x0 + 1) * (y1 - y0 + 1) > 400:
        return 0
    drawn = 0
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    for tx in range(x0, x1 + 1):
        for ty in range(y0, y1 + 1):
            img = source.tile(z, tx, ty)
            if img is None:
                continue
            left, top = -HALF + tx * size, HALF - ty * size
            cx = np.array([left, left + size, left + size, left])
            cy = np.array([top, top, top - size, top - size])
            tlon = np.degrees(cx / 6378137.0)
            tlat = np.degrees(2 * np.arctan(np.exp(cy / 6378137.0)) - np.pi / 2)
            if source.datum == "gcj02":
                from ...io.crs import to_wgs84
                tlon, tlat = to_wgs84(tlon, tlat, "gcj02")
            wx, wy = to_store.transform(tlon, tlat)
            sx, sy = vp.to_screen(np.asarray(wx), np.asarray(wy))
            quad = QPolygonF([QPointF(float(a), float(b)) for a, b in zip(sx, sy, strict=True)])
            src = QPolygonF(QRectF(0, 0, img.width(), img.height()))
            src.removeLast()  # QPolygonF(QRectF) closes the ring: keep the four corners
            t = QTransform()
            if QTransform.quadToQuad(src, quad, t):
                painter.setTransform(t)
                painter.drawImage(0, 0, img)
                painter.resetTransform()
                drawn += 1
    return drawn
