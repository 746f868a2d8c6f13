"""One function per layer: draw it for a viewport into a painter, from a render snapshot.

Render functions run on worker threads: they read only the immutable snapshot they are given
(data, derived values, styles) and a viewport, and paint into their own image.

Level of detail keeps every layer cheap at any scale: cells become a recoloured image when
they are a few pixels wide, cases become counts per screen block when there are more than
the screen can show, components appear only close up.
"""

from __future__ import annotations

import functools

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPen,
)

from ...app.map_data import HANDLING, ROAD_CLASSES
from ...app.patrol_layers import DUE, NEVER, OVERDUE, OVERDUE_LONG, PATROLLED
from ...app.viewport import Viewport
from .. import theme
from .basemap import draw_basemap
from .geometry import grouped_paths, point_buffer, ragged_path, visible
from .snapshot import RenderSnapshot

VECTOR_CELLS_MAX = 4000      # more visible cells than this: draw the cell image instead
POINTS_MAX = 15000           # more visible cases than this: draw counts per block
BLOCK = 6                    # pixels per aggregation block


def image_from_argb(arr: np.ndarray) -> QImage:
    """A QImage sharing nothing with `arr` (copied, so the array may go)."""
    arr = np.ascontiguousarray(arr, dtype=np.uint32)
    h, w = arr.shape
    img = QImage(arr.data, w, h, 4 * w, QImage.Format.Format_ARGB32)
    return img.copy()


def draw_basemap_layer(p: QPainter, vp: Viewport, snap: RenderSnapshot, style: str) -> None:
    if snap.basemap is not None:
        draw_basemap(p, snap.basemap, vp, snap.data.srid)


def draw_cells(p: QPainter, vp: Viewport, snap: RenderSnapshot, style: str) -> None:
    cells = snap.data.cells
    idx = visible(cells.bounds, vp)
    if not len(idx):
        return
    fill = style != "outline"
    if fill and (len(idx) > VECTOR_CELLS_MAX and snap.raster is not None):
        _draw_raster(p, vp, snap, style)  # sub-pixel cells: their image, no outlines
    elif fill:
        p.setPen(Qt.PenStyle.NoPen)
        for c, path in grouped_paths(cells.shapes, vp, idx, snap.cell_colors(style)[idx]):
            p.setBrush(QColor.fromRgba(c))
            p.drawPath(path)
    if (vp.res < 6 and len(idx) <= VECTOR_CELLS_MAX) or not fill:
        # outlines once cells are big enough to tell apart
        p.setBrush(Qt.BrushStyle.NoBrush)
        # opaque: a translucent pen makes Qt blend every overlapping stroke (15× slower);
        # the layer's opacity is applied when the layers are stacked anyway
        p.setPen(QPen(QColor(150, 150, 150), 0))
        p.drawPath(ragged_path(cells.shapes, vp, idx))


def _draw_raster(p: QPainter, vp: Viewport, snap: RenderSnapshot, style: str) -> None:
    r = snap.raster
    minx, miny, maxx, maxy = vp.extent
    rx0, _, _, ry1 = r.extent
    h, w = r.ids.shape
    c0 = max(int((minx - rx0) / r.px), 0)
    c1 = min(int(np.ceil((maxx - rx0) / r.px)) + 1, w)
    r0 = max(int((ry1 - maxy) / r.px), 0)
    r1 = min(int(np.ceil((ry1 - miny) / r.px)) + 1, h)
    if c0 >= c1 or r0 >= r1:
        return
    # several raster pixels per screen pixel: sample every k-th (what an unsmoothed
    # drawImage would pick anyway) instead of recolouring pixels nobody sees
    k = max(int(vp.res / r.px), 1)
    crop = r.ids[r0:r1:k, c0:c1:k]
    lut = np.concatenate([np.zeros(1, np.uint32), snap.cell_colors(style)])
    img = image_from_argb(lut[crop])
    x0, y0 = vp.to_screen(rx0 + c0 * r.px, ry1 - r0 * r.px)
    target = QRectF(x0, y0, crop.shape[1] * k * r.px / vp.res, crop.shape[0] * k * r.px / vp.res)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    p.drawImage(target, img)


def _draw_outlines(p: QPainter, vp: Viewport, shapes, bounds_owner, pen: QPen) -> None:
    if shapes is None or not len(shapes.coords):
        return
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(pen)
    p.drawPath(ragged_path(shapes, vp))


def draw_communities(p: QPainter, vp: Viewport, snap: RenderSnapshot, style: str) -> None:
    _draw_outlines(p, vp, snap.data.community_shapes, None,
                   QPen(QColor(90, 125, 180), 1.2, Qt.PenStyle.DashLine))


def draw_streets(p: QPainter, vp: Viewport, snap: RenderSnapshot, style: str) -> None:
    d = snap.data
    _draw_outlines(p, vp, d.street_shapes, None, QPen(QColor(110, 60, 140), 2.2))
    if d.street_label_xy is None or vp.res > 60:
        return
    px, py = vp.to_screen(d.street_label_xy[:, 0], d.street_label_xy[:, 1])
    size = 13 if vp.res > 8 else 16
    metrics = _metrics(size)
    placed: list[QRectF] = []
    for i, name in enumerate(d.street_names):
        if np.isnan(px[i]) or not (0 <= px[i] <= vp.width and 0 <= py[i] <= vp.height):
            continue
        text = str(name)
        w, h = metrics.horizontalAdvance(text) + 6, metrics.height() + 6
        box = QRectF(px[i] - w / 2, py[i] - h / 2, w, h)
        if any(box.intersects(other) for other in placed):
            continue  # a city at full extent: names that would overlap give way
        placed.append(box)
        p.drawImage(box.topLeft(), label_image(text, size, "#5a286e"))


def _label_font(pixel_size: int) -> QFont:
    font = QFont()
    font.setPixelSize(pixel_size)
    font.setBold(True)
    return font


@functools.lru_cache(maxsize=8)
def _metrics(pixel_size: int) -> QFontMetrics:
    return QFontMetrics(_label_font(pixel_size))


@functools.lru_cache(maxsize=4096)
def label_image(text: str, pixel_size: int, color: str) -> QImage:
    """A map label with a white halo, drawn once and reused by every render (any thread)."""
    font = _label_font(pixel_size)
    metrics = _metrics(pixel_size)
    pad = 3
    img = QImage(metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + 2 * pad,
                 QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setFont(font)
    base = QPointF(pad, pad + metrics.ascent())
    # the halo: the text in white, shifted around itself (glyph-cached; stroking the
    # outline as a path looks the same and costs a hundred times more)
    p.setPen(QColor(255, 255, 255, 235))
    for dx, dy in _HALO:
        p.drawText(base + QPointF(dx, dy), text)
    p.setPen(QColor(color))
    p.drawText(base, text)
    p.end()
    return img


_HALO = ((-1.5, 0), (1.5, 0), (0, -1.5), (0, 1.5), (-1, -1), (1, 1), (-1, 1), (1, -1))


def draw_segments(p: QPainter, vp: Viewport, snap: RenderSnapshot, style: str) -> None:
    s = snap.data.segments
    idx = visible(s.bounds, vp, pad=vp.res * 4)
    if not len(idx):
        return
    p.setBrush(Qt.BrushStyle.NoBrush)
    if style == "patrol":
        _draw_patrol(p, vp, snap, idx)
    elif style == "chief":
        groups = s.chief_id[idx] % len(theme.STRONG)
        groups[s.chief_id[idx] < 0] = -1
        for g, path in grouped_paths(s.shapes, vp, idx, groups):
            color = QColor("#888888") if g < 0 else QColor(theme.STRONG[g])
            p.setPen(QPen(color, 2.5 if vp.res < 20 else 1.5))
            p.drawPath(path)
    else:
        _draw_road_classes(p, vp, s, idx)
    if vp.res <= ROAD_LABEL_RES:
        _road_labels(p, vp, s, idx)


def _draw_patrol(p: QPainter, vp: Viewport, snap: RenderSnapshot, idx: np.ndarray) -> None:
    """按巡查: each segment in the colour of where it stands against its rhythm, the worst
    drawn last (on top)."""
    s, sp = snap.data.segments, snap.segment_patrol()
    far = vp.res >= theme.PATROL["far_res"]
    width = theme.PATROL["far_px"] if far else theme.PATROL["width_px"]
    if sp is None:  # the records are still being read: thin grey until they are in
        p.setPen(QPen(QColor(theme.PATROL_COLORS[NEVER]), 1.0))
        p.drawPath(ragged_path(s.shapes, vp, idx))
        return
    edge = QPen(QColor(theme.TRACKS["halo"]), width + 2)  # apart from the basemap's roads
    edge.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(edge)
    p.drawPath(ragged_path(s.shapes, vp, idx))
    status = sp.status[idx]
    for k in (NEVER, PATROLLED, DUE, OVERDUE, OVERDUE_LONG):
        sel = idx[status == k]
        if not len(sel):
            continue
        pen = QPen(QColor(theme.PATROL_COLORS[k]), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawPath(ragged_path(s.shapes, vp, sel))


def draw_tracks(p: QPainter, vp: Viewport, snap: RenderSnapshot, style: str) -> None:
    """巡查轨迹 of the chosen day: each person's tracks in his colour over a white edge, his
    check-ins as dots."""
    t = snap.tracks
    if t is None:
        return
    palette = theme.STRONG
    # only the lines in view (a day of 1 Hz tracks is a million fixes), thinned to the scale
    rings = visible(t.ring_bounds, vp, pad=vp.res * 4)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if len(rings):
        lines = t.shapes_at(vp.res).take_rings(rings)
        halo = QPen(QColor(theme.TRACKS["halo"]), theme.TRACKS["halo_px"])
        halo.setCapStyle(Qt.PenCapStyle.RoundCap)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(halo)
        p.drawPath(ragged_path(lines, vp))
        tracks = np.unique(lines.ring_owner)
        for g, path in grouped_paths(lines, vp, tracks, t.colour_of(t.person[tracks])):
            pen = QPen(QColor(palette[g % len(palette)]), theme.TRACKS["width_px"])
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.setPen(pen)
            p.drawPath(path)
    if not len(t.checkin_person):
        return
    px, py = vp.to_screen(t.checkin_xy[:, 0], t.checkin_xy[:, 1])
    inside = (px >= -10) & (px <= vp.width + 10) & (py >= -10) & (py <= vp.height + 10)
    size = theme.TRACKS["checkin_px"]
    edge = QPen(QColor(theme.TRACKS["halo"]), size + 3)
    edge.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(edge)
    p.drawPoints(point_buffer(px[inside], py[inside]))
    colours = t.colour_of(t.checkin_person) % len(palette)
    for g in np.unique(colours[inside]):
        sel = inside & (colours == g)
        pen = QPen(QColor(palette[int(g)]), size)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawPoints(point_buffer(px[sel], py[sel]))


ROAD_LABEL_RES = 4.0     # metres per pixel from which road names are written along roads
OWN = "#0057d9"          # the user's own segments and cells


def draw_mine(p: QPainter, vp: Viewport, snap: RenderSnapshot, style: str) -> None:
    """我的责任区: the road chief's own segments and the grid worker's own cells, outlined
    so each finds his own at any zoom."""
    if snap.own_cells:
        cells = snap.data.cells
        idx = visible(cells.bounds, vp)
        mine = idx[np.isin(idx, np.asarray(snap.own_cells, np.int64))]
        if len(mine):
            p.setBrush(QColor(0, 87, 217, 28))
            p.setPen(QPen(QColor(OWN), 2.0))
            p.drawPath(ragged_path(cells.shapes, vp, mine))
    if not snap.own_segments:
        return
    s = snap.data.segments
    idx = visible(s.bounds, vp, pad=vp.res * 4)
    mine = idx[np.isin(s.ids[idx], np.fromiter(snap.own_segments, np.int64))]
    if not len(mine):
        return
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = ragged_path(s.shapes, vp, mine)
    glow = QPen(QColor(OWN), max(8.0, theme.ROAD_METRES["main"] / vp.res + 6))
    glow.setColor(QColor(0, 87, 217, 70))
    glow.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(glow)
    p.drawPath(path)
    line = QPen(QColor(OWN), 2.0, Qt.PenStyle.DashLine)
    p.setPen(line)
    p.drawPath(path)


def _road_labels(p: QPainter, vp: Viewport, s, idx) -> None:
    """Road names along the roads: one per road and stretch of screen, turned to the road's
    direction (never upside down), names that would overlap giving way."""
    shapes = s.shapes
    lo = np.searchsorted(shapes.ring_owner, idx, "left")
    best: dict[str, tuple[float, np.ndarray]] = {}
    for i, a in zip(idx.tolist(), lo.tolist(), strict=True):
        start, end = shapes.ring_offsets[a], shapes.ring_offsets[a + 1]
        pts = shapes.coords[start:end]
        if len(pts) < 2:
            continue
        sx, sy = vp.to_screen(pts[:, 0], pts[:, 1])
        xy = np.column_stack([sx, sy])
        inside = (sx > 0) & (sx < vp.width) & (sy > 0) & (sy < vp.height)
        if not inside.any():
            continue
        length = float(np.hypot(*np.diff(xy, axis=0).T).sum())
        key = str(s.roads[i] or s.names[i])
        if key and length > best.get(key, (0.0, None))[0]:
            best[key] = (length, xy)
    size = 12 if vp.res > 1.5 else 14
    metrics = _metrics(size)
    placed: list[QRectF] = []
    for name, (length, xy) in sorted(best.items(), key=lambda kv: -kv[1][0]):
        width = metrics.horizontalAdvance(name) + 10
        if length < width * 1.2:
            continue
        seg = np.hypot(*np.diff(xy, axis=0).T)
        at = np.searchsorted(np.cumsum(seg), length / 2)
        at = min(int(at), len(seg) - 1)
        (x0, y0), (x1, y1) = xy[at], xy[at + 1]
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        angle = float(np.degrees(np.arctan2(y1 - y0, x1 - x0)))
        # never upside down; near-vertical roads all read from the bottom up
        if angle > 80:
            angle -= 180
        elif angle <= -100:
            angle += 180
        img = label_image(name, size, "#3d2b1f")
        half = max(img.width(), img.height()) / 2
        box = QRectF(cx - half, cy - half, 2 * half, 2 * half)
        if any(box.intersects(o) for o in placed) or not (0 <= cx <= vp.width and
                                                             0 <= cy <= vp.height):
            continue
        placed.append(box)
        p.save()
        p.translate(cx, cy)
        p.rotate(angle)
        p.drawImage(QPointF(-img.width() / 2, -img.height() / 2), img)
        p.restore()


def _draw_road_classes(p: QPainter, vp: Viewport, s, idx) -> None:
    for k in reversed(range(len(ROAD_CLASSES))):  # main roads on top
        sel = idx[s.road_class[idx] == k]
        if not len(sel):
            continue
        name = ROAD_CLASSES[k]
        if name == "branch" and vp.res > 25:
            continue
        width = theme.ROAD_WIDTHS[name] * (1.0 if vp.res < 10 else 0.6)
        true_width = theme.ROAD_METRES[name] / vp.res
        path = ragged_path(s.shapes, vp, sel)
        color = QColor(theme.ROAD_COLORS[name])
        if true_width > 2 * width:  # street level: a cased road as wide as it really is
            casing = QPen(color.darker(130), true_width + 2)
            casing.setCapStyle(Qt.PenCapStyle.FlatCap)
            p.setPen(casing)
            p.drawPath(path)
            fill = QPen(color.lighter(150), true_width)
            fill.setCapStyle(Qt.PenCapStyle.FlatCap)
            p.setPen(fill)
            p.drawPath(path)
            width = 1.0  # the centre line
        p.setPen(QPen(color, max(width, 1.0)))
        p.drawPath(path)


# hundreds of thousands of lamps and bins: drawn only closer than 3 m a pixel (~1:11,000)
COMPONENTS_MAX_RES = 3.0


def components_drawn(vp: Viewport) -> bool:
    return vp.res <= COMPONENTS_MAX_RES


def draw_components(p: QPainter, vp: Viewport, snap: RenderSnapshot, style: str) -> None:
    if not components_drawn(vp):
        return
    d = snap.data
    xy = d.components_xy
    minx, miny, maxx, maxy = vp.extent
    m = (xy[:, 0] >= minx) & (xy[:, 0] <= maxx) & (xy[:, 1] >= miny) & (xy[:, 1] <= maxy)
    idx = np.flatnonzero(m)
    if not len(idx):
        return
    px, py = vp.to_screen(xy[idx, 0], xy[idx, 1])
    groups = d.components_class[idx]
    for g in np.unique(groups):
        sel = groups == g
        code = str(d.classes[g]) if 0 <= g < len(d.classes) else ""
        pen = QPen(QColor(theme.component_color(code)), 5)  # each class its own colour
        pen.setCapStyle(Qt.PenCapStyle.SquareCap)
        p.setPen(pen)
        p.drawPoints(point_buffer(px[sel], py[sel]))


def draw_cases(p: QPainter, vp: Viewport, snap: RenderSnapshot, style: str) -> None:
    c = snap.data.cases
    minx, miny, maxx, maxy = vp.extent
    dx0, dy0, dx1, dy1 = snap.data.extent
    if minx <= dx0 and miny <= dy0 and maxx >= dx1 and maxy >= dy1:
        m = snap.derived.mask  # the whole district is in view: no need to clip a million points
    else:
        m = snap.derived.mask & (c.x >= minx) & (c.x <= maxx) & (c.y >= miny) & (c.y <= maxy)
    idx = np.flatnonzero(m)
    if not len(idx):
        return
    if len(idx) > POINTS_MAX:
        _draw_counts(p, vp, snap, idx)
        return
    px, py = vp.to_screen(c.x[idx], c.y[idx])
    over = snap.derived.overdue[idx]
    warn = snap.derived.warned[idx]
    size = 7 if vp.res < 5 else 5
    for flag, color in ((over, theme.OVERDUE), (warn, theme.WARNING)):
        if flag.any():
            pen = QPen(QColor(color), size + 5)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(pen)
            p.drawPoints(point_buffer(px[flag], py[flag]))
    if style == "class":
        groups = c.klass[idx] % len(theme.STRONG)
        palette = [QColor(h) for h in theme.STRONG]
    elif style == "source":
        groups = c.source[idx] % len(theme.STRONG)
        palette = [QColor(h) for h in theme.STRONG]
    else:
        groups = c.state[idx]
        palette = [QColor.fromRgba(int(v)) for v in theme.STATE_ARGB]
    for g in np.unique(groups):
        sel = groups == g
        pen = QPen(palette[int(g)], size)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawPoints(point_buffer(px[sel], py[sel]))


def _draw_counts(p: QPainter, vp: Viewport, snap: RenderSnapshot, idx) -> None:
    """More cases than pixels: counts per screen block, red where any is overdue."""
    c = snap.data.cases
    w, h = vp.width // BLOCK + 1, vp.height // BLOCK + 1
    minx, _, _, maxy = vp.extent
    step = vp.res * BLOCK
    bx = ((c.x[idx] - minx) / step).astype(np.int32)
    by = ((maxy - c.y[idx]) / step).astype(np.int32)
    np.clip(bx, 0, w - 1, out=bx)
    np.clip(by, 0, h - 1, out=by)
    key = by * w + bx
    counts = np.bincount(key, minlength=w * h)
    late = snap.derived.overdue[idx]
    over = np.bincount(key[late], minlength=w * h) if late.any() else None
    have = counts > 0
    top = max(float(np.percentile(counts[have], 99)), 1.0) if have.any() else 1.0
    share = np.sqrt(counts[have] / top)
    cols = np.zeros(w * h, np.uint32)
    rgb = theme.ramp(share, ("#ffe9a8", "#ffb347", "#f0632a", "#a3171a")) & 0x00FFFFFF
    cols[have] = rgb | (np.clip(120 + 135 * share, 0, 255).astype(np.uint32) << 24)
    img = image_from_argb(cols.reshape(h, w))
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    p.drawImage(QRectF(0, 0, w * BLOCK, h * BLOCK), img)
    if over is not None:  # a red dot marks blocks holding an overdue case
        ys, xs = np.divmod(np.flatnonzero(over), w)
        pen = QPen(QColor(theme.OVERDUE), 3)
        p.setPen(pen)
        p.drawPoints(point_buffer(xs * BLOCK + BLOCK / 2, ys * BLOCK + BLOCK / 2))


def draw_heatmap(p: QPainter, vp: Viewport, snap: RenderSnapshot, style: str) -> None:
    """Kernel density of the filtered cases (hotspots), smoothed on a coarse grid."""
    c = snap.data.cases
    minx, miny, maxx, maxy = vp.extent
    pad = 40 * vp.res
    m = snap.derived.mask & (c.x >= minx - pad) & (c.x <= maxx + pad) & \
        (c.y >= miny - pad) & (c.y <= maxy + pad)
    if not m.any():
        return
    cell = 8
    w, h = vp.width // cell + 1, vp.height // cell + 1
    px, py = vp.to_screen(c.x[m], c.y[m])
    grid, _, _ = np.histogram2d(py / cell, px / cell, bins=(h, w), range=((0, h), (0, w)))
    k = np.array([1, 4, 6, 4, 1], float)
    for _ in range(3):  # a cheap Gaussian: repeated binomial blur along both axes
        grid = np.apply_along_axis(lambda r: np.convolve(r, k, "same"), 0, grid)
        grid = np.apply_along_axis(lambda r: np.convolve(r, k, "same"), 1, grid)
    top = grid.max() or 1.0
    v = grid / top
    cols = theme.ramp(v.ravel(), ("#313695", "#74add1", "#fee090", "#f46d43", "#a50026"))
    alpha = (np.clip(v.ravel() * 1.6, 0, 1) * 220).astype(np.uint32)
    cols = (cols & 0x00FFFFFF) | (alpha << 24)
    img = image_from_argb(cols.reshape(h, w))
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    p.drawImage(QRectF(0, 0, w * cell, h * cell), img)


RENDERERS = {"basemap": draw_basemap_layer, "cells": draw_cells,
             "communities": draw_communities, "streets": draw_streets,
             "segments": draw_segments, "mine": draw_mine, "tracks": draw_tracks, "components": draw_components,
             "cases": draw_cases, "heatmap": draw_heatmap}


def render_layer(key: str, vp: Viewport, snap: RenderSnapshot, style: str) -> QImage:
    """One layer, alone, in a transparent image the size of the view."""
    img = QImage(vp.width, vp.height, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    try:
        RENDERERS[key](p, vp, snap, style)
    finally:
        p.end()
    return img


__all__ = ["render_layer", "RENDERERS", "QBrush", "QPointF", "HANDLING"]
